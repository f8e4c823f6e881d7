"""Roles from directory groups or claims (core/roles.py): who serves a desk, who chairs, who gets in."""

from __future__ import annotations

import pytest

from dvz_desktop.core.roles import (
    Grant,
    Role,
    RoleMapping,
    RoleSpecError,
    desks_served,
    group_key,
    has_access,
    is_admin,
    may_admit_guests,
    may_chair,
    parse_grant,
    sits_on,
)

MAPPING = RoleMapping.from_config({
    "dvz-mitarbeitende": ["staff"],
    "dvz-tuerdienst": ["desk:buergerbuero"],
    "dvz-sitzungsleitung": "chair",
    "dvz-ausschuss-bau": ["committee:bauausschuss"],
    "dvz-gebaeude-admin": ["building_admin"],
    "dvz-organisation-admin": ["org_admin", "desk:*"],
})


def test_a_desk_clerk_admits_guests_at_her_desk_only() -> None:
    clara = MAPPING.grants_for(["dvz-mitarbeitende", "dvz-tuerdienst"])
    assert may_admit_guests(clara, "buergerbuero")
    assert not may_admit_guests(clara, "bauamt")
    assert desks_served(clara, ["buergerbuero", "bauamt"]) == {"buergerbuero"}


def test_a_wildcard_desk_role_serves_every_desk() -> None:
    anna = MAPPING.grants_for(["dvz-mitarbeitende", "dvz-organisation-admin"])
    assert desks_served(anna, ["buergerbuero", "bauamt"]) == {"buergerbuero", "bauamt"}
    assert is_admin(anna)


def test_only_the_chair_group_chairs_and_committee_seats_are_per_committee() -> None:
    bernd = MAPPING.grants_for(["dvz-mitarbeitende", "dvz-sitzungsleitung"])
    dora = MAPPING.grants_for(["dvz-mitarbeitende", "dvz-ausschuss-bau"])
    assert may_chair(bernd) and not may_chair(dora)
    assert sits_on(dora, "bauausschuss") and not sits_on(dora, "kreisausschuss")
    assert not sits_on(bernd, "bauausschuss")
    assert not is_admin(bernd)


def test_groups_match_by_last_name_without_case_as_directories_do() -> None:
    grants = MAPPING.grants_for(["CN=DVZ-Tuerdienst,OU=Gruppen,DC=landkreis,DC=example", "/dvz/DVZ-Mitarbeitende"])
    assert Grant(Role.DESK, "buergerbuero") in grants and has_access(grants)
    assert group_key(r"CN=Bauen\, Planen,OU=G,DC=x") == "bauen, planen"
    assert group_key("dvz-tuerdienst") == "dvz-tuerdienst"


def test_with_a_staff_group_only_its_members_get_in() -> None:
    assert not has_access(MAPPING.grants_for(["dvz-tuerdienst"]))
    assert not has_access(MAPPING.grants_for([]))


def test_without_a_staff_group_everyone_known_gets_in() -> None:
    open_mapping = RoleMapping.from_config({"dvz-sitzungsleitung": ["chair"]})
    assert has_access(open_mapping.grants_for([]))
    assert open_mapping.grants_for(["dvz-sitzungsleitung"]) == {Grant(Role.STAFF), Grant(Role.CHAIR)}


@pytest.mark.parametrize("text, message", [
    ("kaiser", "Unbekannte Rolle „kaiser“"),
    ("desk", "braucht einen Bereich"),
    ("chair:bauausschuss", "hat keinen Bereich"),
])
def test_a_role_that_cannot_be_read_is_a_clear_error(text: str, message: str) -> None:
    with pytest.raises(RoleSpecError, match=message):
        parse_grant(text)
    with pytest.raises(RoleSpecError, match="Gruppe „g1“"):
        RoleMapping.from_config({"g1": [text]})


def test_grants_print_as_they_are_written() -> None:
    assert [str(parse_grant(t)) for t in ("Chair", "desk: buergerbuero")] == ["chair", "desk:buergerbuero"]
