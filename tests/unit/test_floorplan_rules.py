"""Floor plan rules: walls, doors towards the corridor, seats, keyboard neighbours, level of detail."""

from __future__ import annotations

from dvz_desktop.core.floorplan import (
    DOOR_WIDTH,
    WALL,
    Box,
    Direction,
    Side,
    door_of,
    door_side,
    neighbour,
    seat_grid,
    wall_box,
)
from dvz_desktop.core.map_detail import PeopleLook, detail_for

FLOOR = Box(0, 0, 1240, 620)
# Two rows of rooms along a corridor (y 270..350), as in the demo Kreishaus.
A = Box(20, 20, 140, 250)
B = Box(170, 20, 140, 250)
C = Box(20, 350, 300, 250)
ROOMS = [A, B, C]


def test_the_door_opens_onto_the_corridor() -> None:
    assert door_side(A, ROOMS, FLOOR) is Side.BOTTOM
    assert door_side(C, ROOMS, FLOOR) is Side.TOP


def test_a_room_in_a_vertical_corridor_layout_opens_sideways() -> None:
    floor = Box(0, 0, 400, 600)
    west = Box(10, 10, 150, 580)
    east = Box(250, 10, 140, 280)
    assert door_side(west, [west, east], floor) is Side.RIGHT
    assert door_side(east, [west, east], floor) is Side.LEFT


def test_neighbours_share_one_wall_and_rooms_near_the_facade_are_built_against_it() -> None:
    wall_a, wall_b = wall_box(A, ROOMS, FLOOR), wall_box(B, ROOMS, FLOOR)
    assert wall_a.right == wall_b.left == 165  # half of the 10 unit gap each: one wall, no slit
    assert wall_a.top == 0 and wall_a.left == 0  # against the facade
    assert wall_a.bottom == A.bottom + WALL  # a plain wall towards the corridor


def test_the_door_sits_near_the_far_end_of_its_wall_and_swings_inwards() -> None:
    door = door_of(A, Side.BOTTOM)
    assert door.start[1] == door.end[1] == A.bottom
    assert door.width == DOOR_WIDTH
    assert door.start[0] > A.center[0]  # away from the plate at the top left
    assert door.inward == (0.0, -1.0)
    narrow = door_of(Box(0, 0, 40, 100), Side.TOP)
    assert narrow.width == 16.0  # never more than 40 % of a short wall


def test_arrow_keys_walk_along_a_row_and_across_the_corridor() -> None:
    boxes = {"a": A, "b": B, "c": C}
    assert neighbour(boxes, None, Direction.RIGHT) == "a"  # first room in reading order
    assert neighbour(boxes, "a", Direction.RIGHT) == "b"
    assert neighbour(boxes, "b", Direction.LEFT) == "a"
    assert neighbour(boxes, "a", Direction.DOWN) == "c"
    assert neighbour(boxes, "c", Direction.UP) in {"a", "b"}
    assert neighbour(boxes, "b", Direction.RIGHT) == "b"  # the edge of the floor: focus stays
    assert neighbour({}, None, Direction.UP) is None


def test_seats_stay_inside_the_room_below_the_plate() -> None:
    grid = seat_grid(A, 58, 60, plate_band=34)
    assert grid.cols == 2 and grid.rows == 3
    for index in range(grid.cols * grid.rows * 2):
        x, y = grid.seat(index)
        assert A.left < x < A.right and A.top + 34 < y < A.bottom, index


def test_level_of_detail_keeps_people_recognisable_until_only_counts_fit() -> None:
    assert detail_for(1.0, 32, 58).people is PeopleLook.AVATARS and detail_for(1.0, 32, 58).names
    assert detail_for(0.72, 32, 58).people is PeopleLook.AVATARS and detail_for(0.72, 32, 58).names
    assert not detail_for(0.68, 32, 58).names  # 39 px seats: no room for an 11 px name
    assert detail_for(0.5, 32, 58).people is PeopleLook.BADGES
    assert detail_for(0.2, 32, 58).people is PeopleLook.COUNTS
