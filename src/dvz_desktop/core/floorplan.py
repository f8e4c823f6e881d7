"""Floor plan geometry: where walls, doors, name plates and seats go, and which room is "next" by keyboard.

The organisation file only gives each room a rectangle on its floor. Everything a building needs beyond
that is derived here, once, without Qt: rooms whose walls are close join into one wall (as in a real
house), a room's door opens onto the widest free space in front of it (the corridor), and a room's
neighbour to the left/right/up/down is the nearest room whose centre lies in that direction.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import Enum

#: Two rooms closer than this (plan units) share one wall that fills the gap between them.
JOINT_GAP = 16.0
#: A room closer than this to the building's outline is built against the facade.
FACADE_GAP = 24.0
#: Thickness of a wall that faces the corridor (plan units).
WALL = 4.0
#: A door's width in plan units (about 90 cm at the demo's scale), at most this share of its wall.
DOOR_WIDTH = 34.0
DOOR_SHARE = 0.4
#: Distance of the door's hinge from the end of its wall.
DOOR_INSET = 10.0


class Side(Enum):
    TOP = "top"
    BOTTOM = "bottom"
    LEFT = "left"
    RIGHT = "right"


class Direction(Enum):
    LEFT = "left"
    RIGHT = "right"
    UP = "up"
    DOWN = "down"


@dataclass(frozen=True)
class Box:
    """An axis-aligned rectangle in plan units (x to the right, y downwards)."""

    x: float
    y: float
    w: float
    h: float

    @property
    def left(self) -> float:
        return self.x

    @property
    def right(self) -> float:
        return self.x + self.w

    @property
    def top(self) -> float:
        return self.y

    @property
    def bottom(self) -> float:
        return self.y + self.h

    @property
    def center(self) -> tuple[float, float]:
        return (self.x + self.w / 2, self.y + self.h / 2)

    def contains(self, x: float, y: float) -> bool:
        return self.left <= x <= self.right and self.top <= y <= self.bottom


def _overlap(a0: float, a1: float, b0: float, b1: float) -> float:
    return min(a1, b1) - max(a0, b0)


def free_space(room: Box, side: Side, others: Iterable[Box], floor: Box) -> tuple[float, bool]:
    """How far one can walk straight out of ``side`` before meeting a room or the outline.

    Returns the distance and whether what stops you is the building's outline (True) or a room.
    """
    if side is Side.TOP:
        best, facade = room.top - floor.top, True
    elif side is Side.BOTTOM:
        best, facade = floor.bottom - room.bottom, True
    elif side is Side.LEFT:
        best, facade = room.left - floor.left, True
    else:
        best, facade = floor.right - room.right, True
    for other in others:
        if other == room:
            continue
        if side in (Side.TOP, Side.BOTTOM):
            if _overlap(room.left, room.right, other.left, other.right) <= 0:
                continue
            gap = room.top - other.bottom if side is Side.TOP else other.top - room.bottom
        else:
            if _overlap(room.top, room.bottom, other.top, other.bottom) <= 0:
                continue
            gap = room.left - other.right if side is Side.LEFT else other.left - room.right
        if 0 <= gap < best:  # rooms that overlap this one (bad plans) are not in front of it
            best, facade = gap, False
    return best, facade


Spaces = dict[Side, tuple[float, bool]]


def free_spaces(room: Box, others: Iterable[Box], floor: Box) -> Spaces:
    """``free_space`` for all four sides at once (a plan computes it once per room)."""
    others = list(others)
    return {side: free_space(room, side, others, floor) for side in Side}


def door_side(room: Box, others: Iterable[Box], floor: Box, spaces: Spaces | None = None) -> Side:
    """The wall the door is in: the one facing the corridor.

    A corridor is free space with rooms on its other side, so walls looking across free space at
    another room win over walls looking at the facade (the empty end of a wing is no corridor); among
    those the widest space wins, ties going to the long walls (bottom, top). A room alone on its floor
    opens onto its widest free space.
    """
    order = (Side.BOTTOM, Side.TOP, Side.RIGHT, Side.LEFT)
    if spaces is None:
        spaces = free_spaces(room, others, floor)

    def rank(side: Side) -> tuple[bool, float, int]:
        space, facade = spaces[side]
        return (not facade and space > JOINT_GAP, round(space, 3), -order.index(side))

    return max(order, key=rank)


def wall_box(room: Box, others: Iterable[Box], floor: Box, spaces: Spaces | None = None) -> Box:
    """The room grown by its walls: half a narrow gap to a neighbour, all of the way to a near facade,
    otherwise a plain wall of ``WALL`` units towards the corridor."""
    if spaces is None:
        spaces = free_spaces(room, others, floor)
    grow: dict[Side, float] = {}
    for side in Side:
        space, facade = spaces[side]
        if facade and space <= FACADE_GAP:
            grow[side] = space
        elif not facade and space <= JOINT_GAP:
            grow[side] = space / 2
        else:
            grow[side] = WALL
    return Box(room.x - grow[Side.LEFT], room.y - grow[Side.TOP],
               room.w + grow[Side.LEFT] + grow[Side.RIGHT], room.h + grow[Side.TOP] + grow[Side.BOTTOM])


@dataclass(frozen=True)
class Door:
    """A door in a room's wall: the opening runs from ``start`` to ``end`` (plan points on the wall);
    the hinge is at ``start`` and the leaf swings into the room (``inward`` is the unit normal)."""

    side: Side
    start: tuple[float, float]
    end: tuple[float, float]
    inward: tuple[float, float]

    @property
    def width(self) -> float:
        return abs(self.end[0] - self.start[0]) + abs(self.end[1] - self.start[1])


def door_of(room: Box, side: Side) -> Door:
    """The door near the far end of its wall, away from the name plate at the top left: on the top
    and bottom walls near the right end, on the side walls near the bottom end."""
    length = room.w if side in (Side.TOP, Side.BOTTOM) else room.h
    width = min(DOOR_WIDTH, length * DOOR_SHARE)
    inset = min(DOOR_INSET, max((length - width) / 2, 0.0))
    if side in (Side.TOP, Side.BOTTOM):
        y = room.top if side is Side.TOP else room.bottom
        hinge_x = room.right - inset
        inward = (0.0, 1.0) if side is Side.TOP else (0.0, -1.0)
        return Door(side, (hinge_x, y), (hinge_x - width, y), inward)
    x = room.left if side is Side.LEFT else room.right
    hinge_y = room.bottom - inset
    inward = (1.0, 0.0) if side is Side.LEFT else (-1.0, 0.0)
    return Door(side, (x, hinge_y), (x, hinge_y - width), inward)


def neighbour(boxes: Mapping[str, Box], current: str | None, direction: Direction) -> str | None:
    """The room to move the keyboard focus to from ``current`` in ``direction``.

    Candidates are rooms whose centre lies in that direction; the nearest wins, where sideways offset
    counts double (so "right" stays in the same row of rooms). Without a current room the first room in
    reading order (top to bottom, left to right) is chosen. At the edge of the floor the focus stays.
    """
    if not boxes:
        return None
    if current is None or current not in boxes:
        return min(boxes, key=lambda rid: (round(boxes[rid].top / 20), boxes[rid].left))
    cx, cy = boxes[current].center
    best: tuple[float, str] | None = None
    for room_id, box in boxes.items():
        if room_id == current:
            continue
        x, y = box.center
        dx, dy = x - cx, y - cy
        if direction is Direction.RIGHT:
            ahead, aside = dx, dy
        elif direction is Direction.LEFT:
            ahead, aside = -dx, dy
        elif direction is Direction.DOWN:
            ahead, aside = dy, dx
        else:
            ahead, aside = -dy, dx
        if ahead <= 1e-6 or abs(aside) > ahead * 3 + 1e-6:
            continue
        score = ahead + 2 * abs(aside)
        if best is None or score < best[0]:
            best = (score, room_id)
    return best[1] if best else current


@dataclass(frozen=True)
class SeatGrid:
    """Seats in a room: a grid of ``cell`` units below a band kept free for the name plate."""

    origin_x: float
    origin_y: float
    cols: int
    rows: int
    cell_w: float
    cell_h: float

    def seat(self, index: int) -> tuple[float, float]:
        """The centre of the ``index``-th seat. More people than seats sit on the grid again, a little
        offset, rather than outside the walls."""
        layer, slot = divmod(index, self.cols * self.rows)
        row, col = divmod(slot, self.cols)
        offset = (layer % 3) * 6.0
        return (self.origin_x + (col + 0.5) * self.cell_w + offset,
                self.origin_y + (row + 0.5) * self.cell_h + offset)


def seat_grid(room: Box, cell_w: float, cell_h: float, plate_band: float, margin: float = 6.0) -> SeatGrid:
    """Seats fill the room row by row under the plate band; the grid is centred across the room."""
    usable_w = max(room.w - 2 * margin, cell_w)
    usable_h = max(room.h - plate_band - margin, cell_h)
    cols = max(int(usable_w // cell_w), 1)
    rows = max(int(usable_h // cell_h), 1)
    left = room.x + max((room.w - cols * cell_w) / 2, 0.0)
    return SeatGrid(left, room.y + plate_band, cols, rows, cell_w, cell_h)


__all__ = ["Box", "Direction", "Door", "SeatGrid", "Side", "Spaces", "door_of", "door_side", "free_space",
           "free_spaces", "neighbour",
           "seat_grid", "wall_box"]
