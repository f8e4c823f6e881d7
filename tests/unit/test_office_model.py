"""The client's office model: what the map, tree, people panel and tray ask of it."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from hypothesis import given, settings, strategies as st

from dvz_desktop.core.office import OfficeModel, initials
from dvz_desktop.protocol import Presence, Status
from server_stub.directory.orgfile import to_protocol
from server_stub.directory.visibility import Directory


@pytest.fixture
def model(org_three) -> OfficeModel:  # type: ignore[no-untyped-def]
    directory = Directory.build(*to_protocol(org_three))
    return OfficeModel(directory.layout_for("lk"), me="anna")


def _at(hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, 24, hour, minute, tzinfo=UTC)


def test_floors_rooms_and_my_floor(model: OfficeModel) -> None:
    assert [f.id for f in model.floors] == ["kh-1"]
    assert model.my_floor().id == "kh-1"  # from the home room while I am not placed yet
    assert model.rooms["kh-ikz"].room.shared_with == ("gem",)


def test_apply_reports_changes_and_ignores_unknown_people(model: OfficeModel) -> None:
    changed = model.apply([
        Presence(person_id="anna", status=Status.AVAILABLE, room_id="kh-101", first_seen_today=_at(8)),
        Presence(person_id="stranger", status=Status.AVAILABLE, room_id="kh-101"),
    ])
    assert changed == {"anna"}
    assert model.apply([Presence(person_id="anna", status=Status.AVAILABLE, room_id="kh-101",
                                 first_seen_today=_at(8))]) == set()  # same again: nothing to repaint
    assert [p.id for p in model.people_in("kh-101")] == ["anna"]
    assert model.room_of("anna").room.name == "Büro 101"


def test_snapshot_replaces_presence_and_reports_who_left(model: OfficeModel) -> None:
    model.apply([Presence(person_id="bernd", status=Status.BUSY, room_id="kh-102")])
    changed = model.replace_presence([Presence(person_id="anna", status=Status.AVAILABLE, room_id="kh-101")])
    assert changed == {"anna", "bernd"}
    assert not model.is_online("bernd")


def test_search_by_name_or_unit_ignores_case_and_umlauts(model: OfficeModel) -> None:
    assert [p.id for p in model.search("muller")] == ["anna"]
    assert [p.id for p in model.search("WEISS")] == ["bernd"]  # ß folds to ss
    assert {p.id for p in model.search("zentrale")} == {"anna", "bernd"}
    model.apply([Presence(person_id="bernd", status=Status.BUSY, room_id="kh-102")])
    assert [p.id for p in model.search("zentrale", present_only=True)] == ["bernd"]


def test_present_today_in_order_of_arrival(model: OfficeModel) -> None:
    model.apply([
        Presence(person_id="bernd", status=Status.BUSY, room_id="kh-102", first_seen_today=_at(7, 15)),
        Presence(person_id="anna", status=Status.AVAILABLE, room_id="kh-101", first_seen_today=_at(8, 5)),
        Presence(person_id="clara", status=Status.AVAILABLE, first_seen_today=_at(6, 50)),
    ])
    assert [p.id for p in model.present_today(date(2026, 11, 24))] == ["clara", "bernd", "anna"]
    assert model.present_today(date(2026, 11, 25)) == []  # yesterday's arrivals are not "today"


def test_unit_colleagues_for_the_tray(model: OfficeModel) -> None:
    assert model.unit_colleagues_present() == []
    model.apply([Presence(person_id="bernd", status=Status.AWAY, room_id="kh-102")])
    assert [p.id for p in model.unit_colleagues_present()] == ["bernd"]


@pytest.mark.parametrize("name, expected", [
    ("Anna Müller", "AM"), ("Dr. Christiane Herrmann", "CH"), ("Madonna", "MA"), ("", "?"),
])
def test_initials(name: str, expected: str) -> None:
    assert initials(name) == expected


def test_morning_view_groups_by_unit_in_order_of_arrival() -> None:
    from datetime import date, datetime

    from dvz_desktop.core.office import OfficeModel
    from dvz_desktop.protocol import OfficeLayout, Person, Presence, Status

    people = (Person(id="a", display_name="Anna Zorn", org_id="o", unit="Bauamt"),
              Person(id="b", display_name="Bea Alt", org_id="o", unit="Bauamt"),
              Person(id="c", display_name="Carl Berg", org_id="o", unit="Amt für Ordnung"),
              Person(id="d", display_name="Dora Dach", org_id="o", unit="Bauamt"))
    seen = lambda h, m: datetime(2026, 11, 24, h, m, tzinfo=UTC)  # noqa: E731
    presence = (Presence(person_id="a", status=Status.AVAILABLE, first_seen_today=seen(8, 30)),
                Presence(person_id="b", status=Status.BUSY, first_seen_today=seen(7, 5)),
                Presence(person_id="c", status=Status.AVAILABLE, first_seen_today=seen(9, 0)),
                Presence(person_id="d", status=Status.OFFLINE, first_seen_today=seen(6, 0)))  # went home again
    model = OfficeModel(OfficeLayout(people=people), "a", presence)
    view = model.morning_view(date(2026, 11, 24))
    assert [(unit, [p.id for p in group]) for unit, group in view] == [("Amt für Ordnung", ["c"]),
                                                                        ("Bauamt", ["b", "a"])]


def _brute_force_people_in(model: OfficeModel, room_id: str) -> list[str]:
    """What "who is in this room" meant before the model kept an index: scan everyone's presence."""
    inside = [model.people[pid] for pid, p in model.presence.items()
              if p.room_id == room_id and p.status is not Status.OFFLINE]
    return [p.id for p in sorted(inside, key=lambda p: (p.display_name.split()[-1].casefold(),
                                                         p.display_name.casefold()))]


def test_who_is_in_a_room_follows_walks_status_and_snapshots(model: OfficeModel) -> None:
    model.apply([Presence(person_id="anna", status=Status.AVAILABLE, room_id="kh-101"),
                 Presence(person_id="bernd", status=Status.BUSY, room_id="kh-101")])
    assert [p.id for p in model.people_in("kh-101")] == ["anna", "bernd"]  # Müller before Weiß
    assert model.count_in("kh-101") == 2
    model.apply([Presence(person_id="anna", status=Status.AVAILABLE, room_id="kh-102")])  # walks over
    assert [p.id for p in model.people_in("kh-101")] == ["bernd"]
    assert [p.id for p in model.people_in("kh-102")] == ["anna"]
    model.apply([Presence(person_id="bernd", status=Status.OFFLINE, room_id="kh-101")])  # gone, room kept
    assert model.people_in("kh-101") == [] and model.count_in("kh-101") == 0
    model.replace_presence([Presence(person_id="bernd", status=Status.AWAY, room_id="kh-102")])
    assert [p.id for p in model.people_in("kh-102")] == ["bernd"]  # Anna is not in the new snapshot


def test_everyone_is_a_copy_in_directory_order(model: OfficeModel) -> None:
    everyone = model.everyone()
    everyone.clear()  # a caller's list is its own
    assert [p.id for p in model.everyone()][:2] == ["clara", "anna"]  # Groß, Müller
    assert model.unit_of_me() == {"anna", "bernd"}  # FB 1 Zentrale Dienste


statuses = st.sampled_from(list(Status))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.booleans(), st.lists(st.tuples(
    st.sampled_from(["anna", "bernd", "clara", "dora", "erik", "stranger"]), statuses,
    st.sampled_from([None, "kh-101", "kh-102", "kh-kueche", "nowhere"])), max_size=6)), max_size=12))
def test_room_index_always_answers_like_a_scan_of_everyone(org_three, steps) -> None:  # type: ignore[no-untyped-def]
    model = OfficeModel(Directory.build(*to_protocol(org_three)).layout_for("lk"), me="anna")
    for snapshot, updates in steps:
        presence = [Presence(person_id=pid, status=status, room_id=room) for pid, status, room in updates]
        (model.replace_presence if snapshot else model.apply)(presence)
        for room_id in ("kh-101", "kh-102", "kh-kueche", "nowhere"):
            assert [p.id for p in model.people_in(room_id)] == _brute_force_people_in(model, room_id)
            assert model.count_in(room_id) == len(_brute_force_people_in(model, room_id))
