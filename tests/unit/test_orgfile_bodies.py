"""Bodies (Gremien) in the organisation file: read, turned into the council rules, and wrong ones refused
with a German message that says where."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import pytest
import yaml

from dvz_desktop.core.council.profiles import BAVARIA, GENERIC
from server_stub.directory.orgfile import OrgFileError, load_org_file, parse_org_data
from server_stub.features.council.bodies import bodies_from

FIXTURE = Path(__file__).parents[1] / "fixtures" / "org_council.yaml"


def test_bodies_become_the_rules_with_members_chair_profile_and_quorum() -> None:
    bodies = bodies_from(load_org_file(FIXTURE).bodies)
    uva, hfa = bodies["uva"], bodies["hfa"]
    assert len(uva.members) == 10 and uva.chair == "landrat" and uva.minute_taker == "protokoll"
    assert uva.voters == uva.members and uva.profile is GENERIC and hfa.profile is BAVARIA
    assert uva.quorum.share == Fraction(1, 2) and uva.quorum.more_than
    assert uva.file_number == "022.31-UVA/2026"


@pytest.mark.parametrize(("change", "words"), [
    ({"members": ["rat01", "niemand"]}, "unbekannte Personen niemand"),
    ({"chair": "niemand"}, "unbekannte Personen niemand"),
    ({"room": "kein-raum"}, "unbekannter Raum"),
    ({"org": "xx"}, "unbekannte Organisation"),
    ({"advisory": ["verwaltung"]}, "beratende Mitglieder"),
    ({"quorum": {"share": "3/2"}}, "mehr als alle"),
    ({"quorum": {"share": "halb"}}, "bodies/0/quorum/share"),
    ({"land": "xx"}, "bodies/0/land"),
    ({"members": ["rat01", "rat01"]}, "doppelt"),
])
def test_a_wrong_body_is_refused_with_a_german_message(change: dict[str, object], words: str) -> None:
    data = yaml.safe_load(FIXTURE.read_text(encoding="utf-8"))
    data["bodies"][0].update(change)
    with pytest.raises(OrgFileError, match=words):
        parse_org_data(data)
