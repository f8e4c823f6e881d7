"""How much of each person the map draws at a zoom level (level of detail).

Room names and counts are always drawn. People go from avatars with initials and a name plate, to
avatars without the plate when the seats are too narrow for a readable name, to small status badges
(colour and symbol, never bare dots), to just the count on the room's plate when even a badge would be
a smudge.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

#: An avatar at least this wide on screen (px) carries readable initials.
AVATAR_MIN_PX = 22.0
#: Below this a status badge (colour and symbol) would be unreadable: only the room's count is shown.
BADGE_MIN_PX = 11.0
#: A seat at least this wide on screen (px) leaves room for a name plate of 11 px type.
NAME_CELL_MIN_PX = 40.0


class PeopleLook(Enum):
    AVATARS = "avatars"
    BADGES = "badges"
    COUNTS = "counts"


@dataclass(frozen=True)
class Detail:
    people: PeopleLook
    names: bool


def detail_for(zoom: float, avatar_diameter: float, seat_width: float) -> Detail:
    """The look at ``zoom`` for avatars of ``avatar_diameter`` and seats of ``seat_width`` plan units."""
    avatar_px = avatar_diameter * zoom
    if avatar_px >= AVATAR_MIN_PX:
        return Detail(PeopleLook.AVATARS, seat_width * zoom >= NAME_CELL_MIN_PX)
    if avatar_px >= BADGE_MIN_PX:
        return Detail(PeopleLook.BADGES, False)
    return Detail(PeopleLook.COUNTS, False)


__all__ = ["AVATAR_MIN_PX", "BADGE_MIN_PX", "NAME_CELL_MIN_PX", "Detail", "PeopleLook", "detail_for"]
