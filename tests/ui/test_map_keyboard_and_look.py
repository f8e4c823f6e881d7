"""The map by keyboard and screen reader, search across floors, and the looks that must differ without
colour: status badges (by symbol) and doors (by the leaf and the padlock)."""

from __future__ import annotations

import itertools

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtTest import QTest

from dvz_desktop.protocol import DoorState, Status
from dvz_desktop.qt.status_badge import paint_status_badge

from .map_helpers import WITH_PANEL, scene_of, settle, shown_map


def test_arrow_keys_move_the_room_focus_and_enter_walks_in(qtbot) -> None:  # type: ignore[no-untyped-def]
    widget = shown_map(qtbot, WITH_PANEL)
    scene = scene_of(widget)
    view = widget.view
    view.setFocus()
    qtbot.waitUntil(lambda: scene.focused_room is not None)
    assert scene.focused_room == "kh-1-101"  # the focus starts in my own room
    assert scene.rooms["kh-1-101"].has_focus_ring
    assert view.accessibleName() == "Büroplan: Büro 101"
    assert "Anna Schneider" in view.accessibleDescription() and "Tür offen" in view.accessibleDescription()
    QTest.keyClick(view, Qt.Key.Key_Right)
    assert scene.focused_room == "kh-1-102"
    assert scene.rooms["kh-1-102"].has_focus_ring and not scene.rooms["kh-1-101"].has_focus_ring
    assert view.accessibleName() == "Büroplan: Büro 102"
    assert "Thomas Wagner" in view.accessibleDescription()
    QTest.keyClick(view, Qt.Key.Key_Down)  # across the corridor
    assert scene.boxes[scene.focused_room].top > scene.boxes["kh-1-102"].bottom
    QTest.keyClick(view, Qt.Key.Key_Up)
    QTest.keyClick(view, Qt.Key.Key_Left)
    assert scene.focused_room == "kh-1-101"
    with qtbot.waitSignal(widget.roomActivated, timeout=2000) as activated:
        QTest.keyClick(view, Qt.Key.Key_Return)
    assert activated.args == ["kh-1-101"]
    with qtbot.waitSignal(widget.roomMenuRequested, timeout=2000) as menu:
        QTest.keyClick(view, Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier)
    assert menu.args[0] == "kh-1-101"
    with qtbot.waitSignal(widget.roomMenuRequested, timeout=2000):
        QTest.keyClick(view, Qt.Key.Key_Menu)


def test_search_finds_a_person_or_room_on_another_floor(qtbot) -> None:  # type: ignore[no-untyped-def]
    widget = shown_map(qtbot, WITH_PANEL)
    search = widget.bar.search
    QTest.keyClicks(search, "kreistag")
    assert [hit.name for hit in widget.bar.results()] == ["Kreistagssaal"]
    QTest.keyClick(search, Qt.Key.Key_Return)
    scene = scene_of(widget)
    assert scene.floor.id == "kh-0" and widget.floor_box.currentText() == "Erdgeschoss"
    assert scene.focused_room == "kh-0-saal" and scene.rooms["kh-0-saal"].flashing
    qtbot.waitUntil(lambda: not scene.rooms["kh-0-saal"].flashing, timeout=5000)  # only briefly
    search.clear()
    QTest.keyClicks(search, "kruger")  # without the umlaut
    hits = widget.bar.results()
    assert hits[0].name == "Heike Krüger" and hits[0].present
    QTest.keyClick(search, Qt.Key.Key_Return)
    assert scene_of(widget).floor.id == "kh-2" and scene_of(widget).focused_room == "kh-2-201"


def test_the_floor_bar_controls_have_names_and_tooltips(qtbot) -> None:  # type: ignore[no-untyped-def]
    widget = shown_map(qtbot, WITH_PANEL)
    bar = widget.bar
    for button in (bar.zoom_in, bar.zoom_out, bar.fit):
        assert button.accessibleName() and button.toolTip() and not button.icon().isNull()
    zoom = widget.view.zoom
    bar.zoom_in.click()
    assert widget.view.zoom == pytest.approx(zoom * 1.25)
    bar.zoom_out.click()
    assert widget.view.zoom == pytest.approx(zoom)
    assert bar.search.accessibleName() and bar.floor_box.accessibleName()
    assert bar.building_button.text() == "Kreishaus Musterkreis"


def greyscale_badge(status: Status, size: int = 32) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    paint_status_badge(painter, QPointF(size / 2, size / 2), size - 2, status)
    painter.end()
    return image.convertToFormat(QImage.Format.Format_Grayscale8)


def differing_pixels(a: QImage, b: QImage, threshold: int = 60) -> int:
    return sum(1 for y in range(a.height()) for x in range(a.width())
               if abs(QColor(a.pixel(x, y)).lightness() - QColor(b.pixel(x, y)).lightness()) > threshold)


def test_status_badges_differ_by_symbol_without_colour() -> None:
    # In greyscale the colours are gone; what differs is the symbol (check, bar, no-entry, clock, moon, ring).
    images = {status: greyscale_badge(status) for status in Status}
    for a, b in itertools.combinations(Status, 2):
        assert differing_pixels(images[a], images[b]) > 12, f"{a.value} and {b.value} look alike without colour"


def render_room(widget, room_id: str) -> QImage:  # type: ignore[no-untyped-def]
    """The room as the view shows it (its own cached picture included), in greyscale."""
    scene = scene_of(widget)
    rect = widget.view.mapFromScene(scene.rooms[room_id].rect().adjusted(-6, -6, 6, 6)).boundingRect()
    return widget.view.viewport().grab(rect).toImage().convertToFormat(QImage.Format.Format_Grayscale8)


def test_doors_draw_their_four_states_differently(qtbot) -> None:  # type: ignore[no-untyped-def]
    widget = shown_map(qtbot, WITH_PANEL)
    scene = scene_of(widget)
    widget.view.set_zoom(2.0)
    widget.view.centerOn(scene.rooms["kh-1-104"].rect().center())
    looks = {}
    for state in DoorState:
        widget.set_door("kh-1-104", state, [])
        settle()
        assert scene.rooms["kh-1-104"].door is state
        looks[state] = render_room(widget, "kh-1-104")
    for a, b in itertools.combinations(DoorState, 2):
        assert differing_pixels(looks[a], looks[b], threshold=40) > 20, f"{a.value} and {b.value} look alike"


def test_a_name_between_two_short_ones_uses_the_space_they_leave(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Three at a meeting table at a laptop's zoom: a seat's half-way share is too narrow for "Stefan",
    but "Jens" and "Uwe" leave room, so nobody's name is cut to a stub; names never overlap."""
    from dvz_desktop.core.labels import person_label_candidates
    from dvz_desktop.qt.map.palette import LIGHT
    from dvz_desktop.qt.map.seat_names import SeatNames

    names = SeatNames(LIGHT, 16.0, 58.0)
    names.set_geometry(0.72, 200.0, 200.0)
    row = [(42.0 + 58.0 * i, 60.0, tuple(person_label_candidates(full)), False)
           for i, full in enumerate(["Jens Hoffmann", "Stefan Lehmann", "Uwe Wolf"])]
    names.set_entries(row)
    drawn = names.labels()
    texts = [text for _rect, text, _me in drawn]
    assert texts[1] == "Stefan" and not any("…" in text for text in texts), texts
    rects = [rect for rect, _text, _me in drawn]
    assert all(a.right() < b.left() for a, b in zip(rects, rects[1:], strict=False))
    assert rects[0].left() >= 0 and rects[-1].right() <= 200.0 * 0.72
