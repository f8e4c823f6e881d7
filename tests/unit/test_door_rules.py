"""Door rules: who sets a door, what going to a room means (open, ajar, closed, locked, office hours)."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from dvz_desktop.core.deputies import Absences, Recipient
from dvz_desktop.core.doors import Entry, RoomFacts, entry_for, may_set_door, within_office_hours
from dvz_desktop.protocol import Absence, AbsenceCategory, DoorState, OfficeHours, RoomKind, Weekday

THURSDAY_10 = datetime(2026, 11, 26, 10, 0)
THURSDAY_15 = datetime(2026, 11, 26, 15, 0)
HOURS = (OfficeHours(weekday=Weekday.THURSDAY, start=time(14), end=time(18)),
         OfficeHours(weekday=Weekday.MONDAY, start=time(8), end=time(12)))


def office(door: DoorState, hours: tuple[OfficeHours, ...] = ()) -> RoomFacts:
    return RoomFacts("r1", RoomKind.PERSONAL_OFFICE, "anna", door, note="Im Urlaub", office_hours=hours,
                     owner_unit="Bauamt")


@pytest.mark.parametrize(
    ("door", "expected"),
    [(DoorState.OPEN, Entry.WALK_IN), (DoorState.AJAR, Entry.WALK_IN_ANNOUNCED),
     (DoorState.CLOSED, Entry.KNOCK), (DoorState.LOCKED, Entry.LOCKED)],
)
def test_going_to_a_colleagues_office_depends_on_the_door(door: DoorState, expected: Entry) -> None:
    assert entry_for("bernd", "Bauamt", office(door), THURSDAY_10) is expected


def test_the_owner_always_walks_into_their_own_office() -> None:
    assert entry_for("anna", "Bauamt", office(DoorState.LOCKED), THURSDAY_10) is Entry.WALK_IN


def test_in_the_room_already_there_is_nothing_to_knock_at() -> None:
    for door in DoorState:
        assert entry_for("bernd", "Bauamt", office(door), THURSDAY_10, current_room="r1") is Entry.HERE
    assert entry_for("bernd", "Bauamt", office(DoorState.CLOSED), THURSDAY_10, current_room="r2") is Entry.KNOCK


def test_coffee_kitchen_cannot_be_closed_and_is_always_entered() -> None:
    kitchen = RoomFacts("k", RoomKind.COFFEE_KITCHEN, None, DoorState.LOCKED)
    assert entry_for("bernd", "", kitchen, THURSDAY_10) is Entry.WALK_IN
    assert not may_set_door("bernd", kitchen, occupants={"bernd"})


def test_office_hours_turn_a_knock_from_another_unit_into_a_message() -> None:
    room = office(DoorState.CLOSED, HOURS)
    assert entry_for("clara", "Ordnungsamt", room, THURSDAY_10) is Entry.OUTSIDE_HOURS
    assert entry_for("clara", "Ordnungsamt", room, THURSDAY_15) is Entry.KNOCK
    assert entry_for("bernd", "Bauamt", room, THURSDAY_10) is Entry.KNOCK  # own unit: always knocks


def test_office_hours_windows() -> None:
    assert within_office_hours((), THURSDAY_10)
    assert within_office_hours(HOURS, THURSDAY_15)
    assert not within_office_hours(HOURS, THURSDAY_10)
    assert not within_office_hours(HOURS, datetime(2026, 11, 26, 18, 0))  # end is exclusive
    assert within_office_hours(HOURS, datetime(2026, 11, 23, 8, 0))  # Monday morning


def test_office_hours_must_start_before_they_end() -> None:
    with pytest.raises(ValueError, match="Beginn"):
        OfficeHours(weekday=Weekday.FRIDAY, start=time(12), end=time(9))


def test_who_may_set_a_door() -> None:
    assert may_set_door("anna", office(DoorState.OPEN), occupants=())
    assert not may_set_door("bernd", office(DoorState.OPEN), occupants={"bernd"})
    meeting = RoomFacts("m", RoomKind.MEETING_ROOM, None, DoorState.OPEN)
    assert may_set_door("bernd", meeting, occupants={"bernd"})
    assert not may_set_door("clara", meeting, occupants={"bernd"})


def test_deputy_receives_only_while_the_absence_lasts() -> None:
    absences = Absences()
    absences.set(Absence(person_id="anna", start=date(2026, 11, 23), end=date(2026, 11, 27), deputy_id="bernd",
                         category=AbsenceCategory.VACATION))
    assert absences.route("anna", date(2026, 11, 24)) == Recipient("bernd", on_behalf_of="anna")
    assert absences.route("anna", date(2026, 11, 30)) == Recipient("anna")
    assert absences.route("bernd", date(2026, 11, 24)) == Recipient("bernd")
    assert absences.ended_before(date(2026, 11, 30)) == ["anna"]
    assert absences.get("anna") is None


def test_an_absence_without_deputy_routes_to_the_person() -> None:
    absences = Absences()
    absences.set(Absence(person_id="anna", start=date(2026, 11, 23), end=date(2026, 11, 27)))
    assert absences.is_away("anna", date(2026, 11, 24))
    assert absences.route("anna", date(2026, 11, 24)) == Recipient("anna")
