"""Door rules: who may set a door, and what happens when someone goes to a room.

Pure functions over plain values; the backend asks them, the client uses them to label buttons.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import Enum

from dvz_desktop.protocol import DoorState, OfficeHours, Person, RoomKind

#: Rooms everyone walks into; their door cannot be closed.
ALWAYS_OPEN_KINDS = frozenset({RoomKind.COFFEE_KITCHEN, RoomKind.FOYER})


def residents_of(room_id: str, kind: RoomKind, people: Iterable[Person]) -> frozenset[str]:
    """Who resides in a room: for a team office, the people whose home room it is (they walk in like
    an owner, set its door and keep its chat's whole history); other rooms have no residents."""
    if kind is not RoomKind.TEAM_OFFICE:
        return frozenset()
    return frozenset(person.id for person in people if person.home_room_id == room_id)


def residents_by_room(kinds: Mapping[str, RoomKind], people: Iterable[Person]) -> dict[str, frozenset[str]]:
    """:func:`residents_of` for every room at once (rooms without residents are left out)."""
    found: dict[str, set[str]] = {}
    for person in people:
        room_id = person.home_room_id
        if room_id is not None and kinds.get(room_id) is RoomKind.TEAM_OFFICE:
            found.setdefault(room_id, set()).add(person.id)
    return {room_id: frozenset(ids) for room_id, ids in found.items()}


@dataclass(frozen=True)
class RoomFacts:
    """What the rules need to know about one room at one moment."""

    room_id: str
    kind: RoomKind
    owner_id: str | None
    door: DoorState
    note: str = ""
    office_hours: tuple[OfficeHours, ...] = ()
    #: The unit (Fachbereich) of the owner; office hours do not apply to colleagues of that unit.
    owner_unit: str = ""
    #: Team office: the people whose home room it is.
    residents: frozenset[str] = frozenset()


class Entry(str, Enum):
    HERE = "here"  # I am in the room already: nothing to go to, nothing to knock at
    WALK_IN = "walk_in"  # open door (or my own room): in I go
    WALK_IN_ANNOUNCED = "walk_in_announced"  # ajar: in I go, the people inside are told
    KNOCK = "knock"  # closed: knock and wait for an answer
    LOCKED = "locked"  # no entry; the room's note is the answer
    OUTSIDE_HOURS = "outside_hours"  # closed outside office hours for someone from another unit


def may_set_door(person_id: str, room: RoomFacts, occupants: Collection[str]) -> bool:
    """Owners set the door of their office; people inside set the door of a shared room."""
    if room.kind in ALWAYS_OPEN_KINDS:
        return False
    if room.kind is RoomKind.PERSONAL_OFFICE:
        return person_id == room.owner_id
    return person_id in occupants or person_id in room.residents


def within_office_hours(hours: Sequence[OfficeHours], now: datetime) -> bool:
    """True when ``now`` (office local time) falls into one of the windows; no windows means always."""
    if not hours:
        return True
    weekday, moment = now.weekday(), now.time().replace(tzinfo=None)
    return any(h.weekday.value == weekday and h.start <= moment < h.end for h in hours)


def entry_for(person_id: str, person_unit: str, room: RoomFacts, now: datetime,
              current_room: str | None = None) -> Entry:
    """What going to ``room`` means for ``person_id`` right now (``current_room``: where they are)."""
    if current_room == room.room_id:
        return Entry.HERE
    if room.kind in ALWAYS_OPEN_KINDS or person_id == room.owner_id or person_id in room.residents:
        return Entry.WALK_IN
    if room.door is DoorState.OPEN:
        return Entry.WALK_IN
    if room.door is DoorState.AJAR:
        return Entry.WALK_IN_ANNOUNCED
    if room.door is DoorState.LOCKED:
        return Entry.LOCKED
    same_unit = bool(room.owner_unit) and person_unit == room.owner_unit
    if not same_unit and not within_office_hours(room.office_hours, now):
        return Entry.OUTSIDE_HOURS
    return Entry.KNOCK
