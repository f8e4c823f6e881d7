"""A free office for a new colleague: where the organisation file says which floors (or rooms) belong
to which unit, a person who arrives from the directory gets the first personal office there that has
no owner and is nobody's home room yet.

Pure: the area's rooms in order, who is where, and the newcomers in; assignments out.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass


def unit_key(unit: str) -> str:
    return " ".join(unit.split()).casefold()


@dataclass(frozen=True)
class Assignment:
    #: User name → room id, for everybody who got an office.
    offices: dict[str, str]
    #: Newcomers whose unit has an area but no free office left there.
    without_office: tuple[str, ...]


def assign_offices(newcomers: Sequence[tuple[str, str]], areas: Mapping[str, Sequence[str]],
                   taken: Iterable[str]) -> Assignment:
    """``newcomers``: (user name, unit) in the order they arrived; ``areas``: unit → the personal
    offices of its area in the order they are handed out; ``taken``: rooms with an owner or a resident."""
    occupied = set(taken)
    by_unit = {unit_key(unit): list(rooms) for unit, rooms in areas.items()}
    offices: dict[str, str] = {}
    without: list[str] = []
    for username, unit in newcomers:
        rooms = by_unit.get(unit_key(unit))
        if rooms is None:
            continue  # no area for this unit: no office, and nothing to report
        free = next((room for room in rooms if room not in occupied), None)
        if free is None:
            without.append(username)
            continue
        occupied.add(free)
        offices[username] = free
    return Assignment(offices, tuple(without))
