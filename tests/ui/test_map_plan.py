"""The floor plan at the sizes it has in the window: names readable, people visible, floor fitted."""

from __future__ import annotations

import itertools

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage

from dvz_desktop.core.labels import room_label_candidates
from dvz_desktop.core.map_detail import PeopleLook
from dvz_desktop.protocol import Presence, Status

from .map_helpers import (
    KREISHAUS_FLOORS,
    MIN_TEXT_PX,
    SIZES,
    WITH_PANEL,
    WITHOUT_PANEL,
    demo_model,
    item_rect_on_screen,
    on_screen,
    scene_of,
    settle,
    shown_map,
    viewport_rect,
)


def dark_pixels(image: QImage, rect: QRectF) -> int:
    """Pixels dark enough to be text (the plates are light, their text is #1f2933)."""
    count = 0
    r = rect.toAlignedRect().intersected(image.rect())
    for y in range(r.top(), r.bottom() + 1):
        for x in range(r.left(), r.right() + 1):
            if QColor(image.pixel(x, y)).lightness() < 110:
                count += 1
    return count


@pytest.mark.parametrize("size", SIZES, ids=["950x600-with-panel", "1290x640-without-panel"])
@pytest.mark.parametrize("floor_id", KREISHAUS_FLOORS)
def test_every_room_name_is_drawn_inside_its_room_and_the_viewport_at_a_readable_size(
        qtbot, size: tuple[int, int], floor_id: str) -> None:  # type: ignore[no-untyped-def]
    widget = shown_map(qtbot, size)
    widget.show_floor(floor_id)
    settle()
    scene = scene_of(widget)
    image = widget.view.viewport().grab().toImage()
    viewport = viewport_rect(widget)
    drawn: list[QRectF] = []
    assert len(scene.rooms) >= 6
    for room_id, plate in scene.plates.items():
        room = scene.rooms[room_id]
        # The room's name in full, in its short form ("Bespr. 1.10") or wrapped over two lines: never cut.
        assert plate.drawn_name in room_label_candidates(room.room.name), (room_id, plate.drawn_name)
        assert plate.name_px >= MIN_TEXT_PX + 1  # 12 px bold names; secondary text 11 px
        name = item_rect_on_screen(widget, plate, plate.name_rect())
        assert viewport.contains(name), (room_id, name, viewport)
        assert on_screen(widget, room.rect()).contains(name), (room_id, name)
        assert dark_pixels(image, name) > 25, f"no text painted where {room_id}'s name should be"
        drawn.append(item_rect_on_screen(widget, plate, plate.boundingRect()))
    for a, b in itertools.combinations(drawn, 2):
        assert not a.intersects(b), "two room plates overlap"


@pytest.mark.parametrize("size", SIZES, ids=["950x600-with-panel", "1290x640-without-panel"])
def test_every_present_person_has_an_avatar_and_a_name_on_screen(qtbot, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    widget = shown_map(qtbot, size)
    scene = scene_of(widget)
    viewport = viewport_rect(widget)
    assert scene.detail.people is PeopleLook.AVATARS and scene.detail.names
    assert len(scene.avatars) >= 10
    for person_id, avatar in scene.avatars.items():
        assert avatar.isVisible(), person_id
        disc = on_screen(widget, avatar.sceneBoundingRect())
        assert viewport.contains(disc), person_id
        assert disc.width() >= 22, f"{person_id}'s avatar is only {disc.width():.0f} px"
    labelled = 0
    for room_id, names in scene.names.items():
        room = on_screen(widget, scene.rooms[room_id].rect())
        rects = [item_rect_on_screen(widget, names, rect) for rect, _text, _me in names.labels()]
        for rect in rects:
            assert room.contains(rect) and viewport.contains(rect), room_id
            assert rect.height() >= MIN_TEXT_PX
        for a, b in itertools.combinations(rects, 2):
            assert not a.intersects(b), f"two names overlap in {room_id}"
        labelled += len(rects)
    assert labelled == len(scene.avatars)  # everybody also has a name plate under the avatar


@pytest.mark.parametrize("size", SIZES, ids=["950x600-with-panel", "1290x640-without-panel"])
@pytest.mark.parametrize("floor_id", KREISHAUS_FLOORS)
def test_no_room_plate_covers_a_face(qtbot, size: tuple[int, int], floor_id: str) -> None:  # type: ignore[no-untyped-def]
    """Plates keep their size in pixels; zoomed out for a laptop, a plate that wraps ("Kaffeeküche 1. OG"
    over its count) reaches further into the room than at 100 %: the seats move down under it."""
    model = demo_model()
    others = [p for p in model.people if p != model.me]
    for n, floor in enumerate(KREISHAUS_FLOORS):  # three in every kitchen, everyone else where the demo has them
        model.apply([Presence(person_id=p, status=Status.AVAILABLE, room_id=f"{floor}-kueche")
                     for p in others[3 * n:3 * n + 3]])
    widget = shown_map(qtbot, size, model)
    widget.show_floor(floor_id)
    settle()
    scene = scene_of(widget)
    assert scene.occupants(f"{floor_id}-kueche")
    for room_id, plate in scene.plates.items():
        drawn = item_rect_on_screen(widget, plate, plate.boundingRect())
        for person_id in scene.occupants(room_id):
            face = on_screen(widget, scene.avatars[person_id].sceneBoundingRect())
            assert not drawn.intersects(face), (room_id, person_id, drawn, face)


def test_anna_is_marked_as_me_and_named_in_full_on_hover(qtbot) -> None:  # type: ignore[no-untyped-def]
    widget = shown_map(qtbot, WITH_PANEL)
    scene = scene_of(widget)
    anna, thomas = scene.avatars["a.schneider"], scene.avatars["t.wagner"]
    assert anna.is_me and not thomas.is_me
    assert anna.zValue() > thomas.zValue()
    assert "Anna Schneider (Sie)" in anna.toolTip() and "FB 1 Zentrale Dienste" in anna.toolTip()
    labels = {text: me for rect, text, me in scene.names["kh-1-101"].labels()}
    assert labels == {"Anna S.": True}
    assert "<" not in thomas.toolTip()  # plain text, never rich text from other people's names


def test_the_floor_fits_at_start_and_after_every_resize_until_the_user_zooms(qtbot) -> None:  # type: ignore[no-untyped-def]
    widget = shown_map(qtbot, WITH_PANEL)
    scene = scene_of(widget)

    def fills_the_view() -> bool:
        floor, viewport = on_screen(widget, scene.floor_rect), viewport_rect(widget)
        inside = viewport.adjusted(-1, -1, 1, 1).contains(floor)
        return inside and (floor.width() >= viewport.width() - 30 or floor.height() >= viewport.height() - 30)

    assert fills_the_view()
    widget.resize(*WITHOUT_PANEL)
    settle()
    assert fills_the_view()
    widget.resize(800, 500)
    settle()
    assert fills_the_view()
    widget.view.zoom_by(1.25)  # the user zooms: from now on a resize leaves their view alone
    zoom = widget.view.zoom
    widget.resize(*WITHOUT_PANEL)
    settle()
    assert widget.view.zoom == pytest.approx(zoom) and not fills_the_view()
    widget.bar.fit.click()  # "Ganzes Stockwerk zeigen" brings the fitting back
    settle()
    assert fills_the_view() and widget.view.auto_fit
    widget.resize(*WITH_PANEL)
    settle()
    assert fills_the_view()


def test_zoomed_out_the_floor_still_shows_names_counts_and_status_badges(qtbot) -> None:  # type: ignore[no-untyped-def]
    widget = shown_map(qtbot, WITH_PANEL)
    scene = scene_of(widget)
    widget.view.zoom_by(0.6)
    settle()
    assert scene.detail.people is PeopleLook.BADGES  # status badges (colour and symbol), not bare dots
    assert all(a.isVisible() and a.look is PeopleLook.BADGES for a in scene.avatars.values())
    widget.view.zoom_by(0.45)
    settle()
    assert scene.detail.people is PeopleLook.COUNTS
    counted = {room_id: plate.count for room_id, plate in scene.plates.items() if plate.count}
    assert counted == {room_id: len(scene.occupants(room_id)) for room_id in scene.rooms if scene.occupants(room_id)}
    assert all(plate.drawn_name for plate in scene.plates.values() if scene.rooms[plate_id(scene, plate)].rect().width()
               * widget.view.zoom >= 60)


def plate_id(scene, plate) -> str:  # type: ignore[no-untyped-def]
    return next(room_id for room_id, p in scene.plates.items() if p is plate)


def test_waiting_guests_and_door_plates_are_shown_at_the_room(qtbot) -> None:  # type: ignore[no-untyped-def]
    widget = shown_map(qtbot, WITH_PANEL)
    widget.show_floor("kh-0")
    settle()
    scene = scene_of(widget)
    widget.set_waiting("kh-0-buergerbuero", "3 warten")
    plate = scene.plates["kh-0-buergerbuero"]
    assert plate.waiting == "3 warten" and plate._show_waiting
    assert "3 warten" in scene.rooms["kh-0-buergerbuero"].toolTip()
    from dvz_desktop.protocol import DoorState

    hours = "Sprechzeiten: Mo 08:00–12:00"
    deputy = "Abwesend bis 05.12., Vertretung: Katrin Klein"
    widget.set_door("kh-0-zul", DoorState.CLOSED, [hours])
    widget.set_door("kh-0-it", DoorState.LOCKED, [deputy])
    settle()
    wide, narrow = scene.door_plates["kh-0-zul"], scene.door_plates["kh-0-it"]
    assert wide.drawn == [hours]
    assert narrow.drawn and narrow.drawn[0].startswith("Abwesend")
    assert " ".join(narrow.drawn).replace("…", "") in deputy or " ".join(narrow.drawn) == deputy
    assert deputy in scene.rooms["kh-0-it"].toolTip()  # always in full on hover
    shown = {}
    for room_id, plate in (("kh-0-zul", wide), ("kh-0-it", narrow)):
        rect = item_rect_on_screen(widget, plate, plate.boundingRect())
        room = on_screen(widget, scene.rooms[room_id].rect())
        assert rect.top() >= room.bottom() and viewport_rect(widget).contains(rect)  # in the corridor
        door = scene.rooms[room_id].door_geometry
        door_left = widget.view.mapFromScene(door.end[0], 0).x()
        door_right = widget.view.mapFromScene(door.start[0], 0).x()
        assert rect.left() <= door_right and rect.right() >= door_left  # it hangs under its door
        shown[room_id] = rect
    assert not shown["kh-0-zul"].intersects(shown["kh-0-it"])
    next_door = widget.view.mapFromScene(scene.rooms["kh-0-kueche"].door_geometry.end[0], 0).x()
    assert shown["kh-0-it"].right() <= next_door  # and ends before the next door along the corridor
