"""Finding a person or a room on any floor from the map's search field.

A person is found where they are now, or in their home room while they are away; a room by its name.
Matches at the start of a word come first; umlauts and case do not matter ("kruger" finds Krüger).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from .office import OfficeModel

_FOLD = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "ß": "ss"})


def _fold(text: str) -> str:
    return text.casefold().translate(_FOLD)


class HitKind(Enum):
    PERSON = "person"
    ROOM = "room"


@dataclass(frozen=True)
class Hit:
    kind: HitKind
    #: The person's or the room's id.
    id: str
    #: The name as found ("Anna Schneider", "Besprechung 1.10").
    name: str
    #: Where to show it; None for a person who is neither present nor has a home room we can see.
    room_id: str | None
    floor_id: str | None
    #: The person is in the building now (their current room), not just at home in the plan.
    present: bool = False


def _rank(name: str, needle: str) -> int | None:
    folded = _fold(name)
    if folded.startswith(needle):
        return 0
    if any(word.startswith(needle) for word in folded.replace("-", " ").split()):
        return 1
    return 2 if needle in folded else None


def find_on_map(model: OfficeModel, text: str, limit: int = 12) -> list[Hit]:
    """People and rooms matching ``text`` (at least one letter), best matches first, at most ``limit``."""
    needle = _fold(text.strip())
    if not needle:
        return []
    ranked: list[tuple[int, int, str, Hit]] = []
    for person in model.people.values():
        rank = _rank(person.display_name, needle)
        if rank is None:
            continue
        present = model.is_online(person.id) and model.room_of(person.id) is not None
        room = model.room_of(person.id) if present else model.rooms.get(person.home_room_id or "")
        room_id = room.room.id if room else None
        floor_id = room.floor.id if room else None
        ranked.append((rank, 0, _fold(person.display_name),
                       Hit(HitKind.PERSON, person.id, person.display_name, room_id, floor_id, present)))
    for room_ref in model.rooms.values():
        rank = _rank(room_ref.room.name, needle)
        if rank is None:
            continue
        ranked.append((rank, 1, _fold(room_ref.room.name),
                       Hit(HitKind.ROOM, room_ref.room.id, room_ref.room.name, room_ref.room.id, room_ref.floor.id)))
    ranked.sort(key=lambda item: item[:3])
    return [hit for *_, hit in ranked[:limit]]


__all__ = ["Hit", "HitKind", "find_on_map"]
