"""Finding people and rooms from the map's search field."""

from __future__ import annotations

from dvz_desktop.core.map_search import HitKind, find_on_map
from dvz_desktop.core.office import OfficeModel
from dvz_desktop.protocol import Presence, Status
from server_stub.directory.orgfile import to_protocol
from server_stub.directory.visibility import Directory


def model(org_three, presence=()) -> OfficeModel:  # type: ignore[no-untyped-def]
    return OfficeModel(Directory.build(*to_protocol(org_three)).layout_for("lk"), me="anna", presence=presence)


def test_a_present_person_is_found_where_they_are_an_absent_one_at_home(org_three) -> None:  # type: ignore[no-untyped-def]
    office = model(org_three, [Presence(person_id="bernd", status=Status.AVAILABLE, room_id="kh-kueche")])
    bernd = find_on_map(office, "weiss")[0]  # "Weiß" without the ß
    assert (bernd.kind, bernd.id, bernd.room_id, bernd.floor_id, bernd.present) == \
        (HitKind.PERSON, "bernd", "kh-kueche", "kh-1", True)
    erik = find_on_map(office, "Erik")[0]
    assert (erik.room_id, erik.present) == ("kh-sitz", False)


def test_rooms_are_found_and_word_starts_rank_first(org_three) -> None:  # type: ignore[no-untyped-def]
    office = model(org_three)
    hits = find_on_map(office, "bü")
    assert [h.name for h in hits][:2] == ["Büro 101", "Büro 102"]
    assert all(h.kind is HitKind.ROOM for h in hits[:2])
    assert [h.id for h in find_on_map(office, "küche")] == ["kh-kueche"]
    assert find_on_map(office, "   ") == [] and find_on_map(office, "zzz") == []
    assert len(find_on_map(office, "e", limit=3)) == 3


def test_people_of_other_organisations_are_not_found(org_three) -> None:  # type: ignore[no-untyped-def]
    assert find_on_map(model(org_three), "Dora") == []  # the Ministerium is not in the Landkreis' layout
