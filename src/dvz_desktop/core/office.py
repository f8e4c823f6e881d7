"""The client's picture of the office: layout, people and their presence, and the questions the UI asks.

Pure state: updated from welcome and presence messages, queried by the map, tree, people panel and tray.
Presence of thousands of people changes hundreds of times a second, and every listener of an update asks
"who is in this room" or "who of my unit is here": the model keeps who is in which room and everyone's
directory order as indexes, so those answers cost the size of the room or unit, never of the organisation.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from dvz_desktop.protocol import (
    Building,
    Floor,
    OfficeLayout,
    Organisation,
    Person,
    Presence,
    Room,
    RoomKind,
    Status,
)


@dataclass(frozen=True)
class FloorRef:
    org: Organisation
    building: Building
    floor: Floor

    @property
    def id(self) -> str:
        return self.floor.id

    @property
    def title(self) -> str:
        return f"{self.building.name} – {self.floor.name}"


@dataclass(frozen=True)
class RoomRef:
    room: Room
    floor: FloorRef


def _sort_key(person: Person) -> tuple[str, str]:
    # Sort by family name as people expect in a German directory ("Müller, Anna").
    parts = person.display_name.split()
    return (parts[-1].casefold() if parts else "", person.display_name.casefold())


class OfficeModel:
    def __init__(self, layout: OfficeLayout, me: str, presence: Iterable[Presence] = ()) -> None:
        self.me = me
        self.people: dict[str, Person] = {p.id: p for p in layout.people}
        self.organisations: dict[str, Organisation] = {o.id: o for o in layout.organisations}
        self.floors: list[FloorRef] = []
        self.rooms: dict[str, RoomRef] = {}
        for org in layout.organisations:
            for building in org.buildings:
                for floor in sorted(building.floors, key=lambda f: f.level):
                    ref = FloorRef(org, building, floor)
                    self.floors.append(ref)
                    for room in floor.rooms:
                        self.rooms[room.id] = RoomRef(room, ref)
        #: Directory order of everyone, and per person their place in it (the people never change).
        self._everyone = sorted(self.people.values(), key=_sort_key)
        self._rank = {person.id: rank for rank, person in enumerate(self._everyone)}
        self._units: dict[str, list[Person]] = {}
        for person in self._everyone:
            self._units.setdefault(person.unit, []).append(person)
        #: Who is online in which room (room id -> person ids), kept in step with ``presence``.
        self._inside: dict[str, set[str]] = {}
        self.presence: dict[str, Presence] = {}
        self.replace_presence(presence)

    # --- updates ---

    def replace_presence(self, snapshot: Iterable[Presence]) -> set[str]:
        """Take a full snapshot (after a (re)connect); returns the ids whose presence changed."""
        new = {p.person_id: p for p in snapshot if p.person_id in self.people}
        changed = {pid for pid in set(new) | set(self.presence) if not _same(new.get(pid), self.presence.get(pid))}
        self.presence = new
        self._inside = {}
        for presence in new.values():
            room_id = _room_while_online(presence)
            if room_id is not None:
                self._inside.setdefault(room_id, set()).add(presence.person_id)
        return changed

    def apply(self, updates: Iterable[Presence]) -> set[str]:
        changed = set()
        for update in updates:
            person_id = update.person_id
            if person_id not in self.people:
                continue  # someone we may not see; never trust the server blindly
            old = self.presence.get(person_id)
            if _same(old, update):
                continue
            self.presence[person_id] = update
            changed.add(person_id)
            before, after = _room_while_online(old), _room_while_online(update)
            if before != after:
                if before is not None:
                    self._inside[before].discard(person_id)
                if after is not None:
                    self._inside.setdefault(after, set()).add(person_id)
        return changed

    # --- questions ---

    def presence_of(self, person_id: str) -> Presence:
        return self.presence.get(person_id) or Presence(person_id=person_id)

    def is_online(self, person_id: str) -> bool:
        return self.presence_of(person_id).status is not Status.OFFLINE

    def room_of(self, person_id: str) -> RoomRef | None:
        room_id = self.presence_of(person_id).room_id
        return self.rooms.get(room_id) if room_id else None

    def people_in(self, room_id: str) -> list[Person]:
        """Who is online in this room, in directory order."""
        rank = self._rank
        return [self.people[pid] for pid in sorted(self._inside.get(room_id, ()), key=rank.__getitem__)]

    def count_in(self, room_id: str) -> int:
        return len(self._inside.get(room_id, ()))

    def everyone(self) -> list[Person]:
        """Everyone I may see, in directory order (family name)."""
        return list(self._everyone)

    def search(self, text: str, present_only: bool = False) -> list[Person]:
        """People whose name or unit contains ``text`` (case- and umlaut-insensitive)."""
        needle = _fold(text.strip())
        return [
            p for p in self.everyone()
            if (not needle or needle in _fold(p.display_name) or needle in _fold(p.unit))
            and (not present_only or self.is_online(p.id))
        ]

    def is_present_today(self, person_id: str, today: date) -> bool:
        """Online and first seen ``today`` ("heute da")."""
        p = self.presence.get(person_id)
        return (p is not None and p.status is not Status.OFFLINE and p.first_seen_today is not None
                and p.first_seen_today.date() == today)

    def present_today(self, today: date) -> list[Person]:
        """Who is in today, in order of arrival (the morning view)."""
        arrived = [
            (p.first_seen_today, self.people[pid]) for pid, p in self.presence.items()
            if self.is_present_today(pid, today)
        ]
        return [person for _, person in sorted(arrived, key=lambda item: (item[0], _sort_key(item[1])))]

    def morning_view(self, today: date) -> list[tuple[str, list[Person]]]:
        """"Wer ist heute da": present people grouped by unit (units alphabetically), each group in
        order of arrival."""
        groups: dict[str, list[Person]] = {}
        for person in self.present_today(today):
            groups.setdefault(person.unit, []).append(person)
        return sorted(groups.items(), key=lambda item: _fold(item[0]))

    def unit_colleagues_present(self) -> list[Person]:
        """People of my unit who are online, for the tray menu."""
        mine = self.people.get(self.me)
        if mine is None:
            return []
        return [p for p in self._units.get(mine.unit, ()) if p.id != self.me and self.is_online(p.id)]

    def unit_of_me(self) -> set[str]:
        """Me and the people of my unit: whose presence the tray shows."""
        mine = self.people.get(self.me)
        return {self.me} | ({p.id for p in self._units.get(mine.unit, ())} if mine is not None else set())

    def floor_of(self, room_id: str) -> FloorRef | None:
        ref = self.rooms.get(room_id)
        return ref.floor if ref else None

    def my_floor(self) -> FloorRef | None:
        room = self.room_of(self.me)
        if room is not None:
            return room.floor
        home = self.people.get(self.me)
        if home is not None and home.home_room_id in self.rooms:
            return self.rooms[home.home_room_id].floor
        return self.floors[0] if self.floors else None

    def kitchens(self) -> list[RoomRef]:
        return [r for r in self.rooms.values() if r.room.kind is RoomKind.COFFEE_KITCHEN]


def _same(a: Presence | None, b: Presence | None) -> bool:
    """Equal presence, field by field (pydantic's ``==`` also compares private and extra state, which a
    presence does not have, and costs several times more for every frame of a busy office)."""
    if a is b:
        return True
    return a is not None and b is not None and type(a) is type(b) and a.__dict__ == b.__dict__


def _room_while_online(presence: Presence | None) -> str | None:
    if presence is None or presence.status is Status.OFFLINE:
        return None
    return presence.room_id


_FOLD = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "ß": "ss"})


def fold(text: str) -> str:
    """Case- and umlaut-insensitive form for searching ("muller" finds "Müller")."""
    return text.casefold().translate(_FOLD)


_fold = fold


def initials(display_name: str) -> str:
    """'Dr. Christiane Herrmann' -> 'CH'; titles ending in a dot are skipped."""
    parts = [p for p in display_name.split() if not p.endswith(".")]
    if not parts:
        return "?"
    if len(parts) == 1:
        return parts[0][:2].upper()
    return (parts[0][0] + parts[-1][0]).upper()
