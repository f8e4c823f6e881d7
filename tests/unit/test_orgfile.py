"""The organisation file: validated, with German messages that say what is wrong where."""

from __future__ import annotations

from pathlib import Path

import pytest

from server_stub.demo.office import demo_org_file
from server_stub.directory.orgfile import OrgFileError, load_org_file, parse_org_data

BASE = {
    "organisations": [{"id": "lk", "name": "Landkreis", "buildings": [{"id": "kh", "name": "Kreishaus", "floors": [
        {"id": "f0", "name": "EG", "width": 100, "height": 100, "rooms": [
            {"id": "r1", "name": "Büro", "kind": "personal_office", "x": 0, "y": 0, "w": 10, "h": 10}]}]}]}],
    "staff": [{"username": "anna", "display_name": "Anna", "org": "lk", "home_room": "r1"}],
}


def test_demo_office_is_valid_and_big_enough() -> None:
    org = demo_org_file()
    assert len(org.staff) >= 40
    kinds = {r.kind.value for o in org.organisations for b in o.buildings for f in b.floors for r in f.rooms}
    assert kinds == {"personal_office", "team_office", "meeting_room", "coffee_kitchen", "foyer", "project_room"}
    names = {b.name for o in org.organisations for b in o.buildings}
    assert names == {"Kreishaus Musterkreis", "Rathaus Musterhausen"}


@pytest.mark.parametrize("mutate, fragment", [
    (lambda d: d["staff"][0].update(home_room="nirgends"), "unbekannter Heimatraum 'nirgends'"),
    (lambda d: d["staff"][0].update(org="xx"), "unbekannte Organisation 'xx'"),
    (lambda d: d["staff"].append(dict(d["staff"][0])), "Benutzername 'anna' ist doppelt vergeben"),
    (lambda d: d["organisations"][0]["buildings"][0]["floors"][0]["rooms"][0].update(kind="sauna"), "kind"),
    (lambda d: d["organisations"][0]["buildings"][0]["floors"][0]["rooms"][0].update(w=-5), "w"),
    (lambda d: d["organisations"][0]["buildings"][0]["floors"][0]["rooms"][0].update(owner="bob"), "bob"),
    (lambda d: d["organisations"][0].update(colour="blau"), "colour"),
])
def test_mistakes_are_named(mutate, fragment: str) -> None:  # type: ignore[no-untyped-def]
    import copy

    data = copy.deepcopy(BASE)
    mutate(data)
    with pytest.raises(OrgFileError) as err:
        parse_org_data(data)
    assert str(err.value).startswith("Die Organisationsdatei ist ungültig")
    assert fragment in str(err.value)


def test_unreadable_and_broken_files(tmp_path: Path) -> None:
    with pytest.raises(OrgFileError, match="kann nicht gelesen werden"):
        load_org_file(tmp_path / "fehlt.yaml")
    broken = tmp_path / "kaputt.yaml"
    broken.write_text("organisations: [\n", encoding="utf-8")
    with pytest.raises(OrgFileError, match="kein gültiges YAML/JSON"):
        load_org_file(broken)


def test_json_files_load_too(tmp_path: Path) -> None:
    import json

    path = tmp_path / "org.json"
    path.write_text(json.dumps(BASE), encoding="utf-8")
    assert load_org_file(path).staff[0].username == "anna"
