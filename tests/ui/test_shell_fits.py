"""The whole window on a 1366x768 laptop: it fits, the plan keeps the centre, every room name of the floor
is readable beside an open side panel, everyone present is seen, and a call shows faces, not black boxes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QDialog, QWidget

from dvz_desktop.core.avatars import avatar_color
from dvz_desktop.qt.calls.tile import TILE_BACKGROUND, VideoTile

from .conftest import DemoOffice, LoopRunner
from .map_helpers import MIN_TEXT_PX, item_rect_on_screen, on_screen, settle

LAPTOP = QSize(1366, 768)
#: The smallest screen DVZ must work on (with a taskbar and a title bar around the window).
SMALLEST = QSize(1280, 720)


def laptop_window(demo_office: DemoOffice, runner: LoopRunner, panel: str | None = "office") -> QWidget:
    window = demo_office.parts.window
    window.resize(LAPTOP)
    if panel:
        window.open_panel(panel)
    else:
        window.close_panel()
    runner.wait_until(lambda: window.size() == LAPTOP, what="the laptop size")
    demo_office.parts.bridge.flush_now()
    settle()
    return window


def test_the_window_fits_1366x768_and_works_down_to_1280x720(demo_office: DemoOffice, runner: LoopRunner) -> None:
    window = laptop_window(demo_office, runner)
    assert window.minimumSize().width() <= SMALLEST.width() and window.minimumSize().height() <= SMALLEST.height()
    hint = window.minimumSizeHint()
    assert hint.width() <= SMALLEST.width() and hint.height() <= SMALLEST.height(), hint
    for key in window.side.keys():  # no panel pushes the window wider or taller than the laptop
        window.open_panel(key)
        settle()
        assert window.size() == LAPTOP, key
        assert window.minimumSizeHint().height() <= LAPTOP.height(), key
    # The plan keeps the centre: with a side panel open it still has most of the width.
    assert demo_office.parts.map.width() >= 0.6 * LAPTOP.width()


@pytest.mark.parametrize("panel", ["office", "chat", None])
def test_every_room_of_my_floor_has_its_name_on_screen_at_a_readable_size(demo_office: DemoOffice, runner: LoopRunner,
                                                                          panel: str | None) -> None:
    laptop_window(demo_office, runner, panel)
    widget = demo_office.parts.map
    runner.wait_until(lambda: widget.current_scene() is not None and widget.current_scene().plates,
                      what="the floor drawn")
    scene = widget.current_scene()
    viewport = QRectF(widget.view.viewport().rect())
    assert len(scene.plates) == len(scene.rooms) >= 6
    for room_id, plate in scene.plates.items():
        # Names are drawn at a fixed 12 px whatever the zoom; 11 px is the least the brief allows.
        assert plate.name_px >= MIN_TEXT_PX, room_id
        name = item_rect_on_screen(widget, plate, plate.name_rect())
        assert viewport.contains(name), (room_id, name, viewport)
        assert on_screen(widget, scene.rooms[room_id].rect()).contains(name), room_id


def test_everyone_present_on_my_floor_has_an_avatar_and_a_name_on_screen(demo_office: DemoOffice,
                                                                        runner: LoopRunner) -> None:
    laptop_window(demo_office, runner, "office")
    widget = demo_office.parts.map
    model = demo_office.parts.bridge.model
    scene = widget.current_scene()
    floor_rooms = set(scene.rooms)
    present = {p for p, presence in model.presence.items()
               if presence.room_id in floor_rooms and model.is_online(p)}
    assert present >= {"a.schneider", "t.wagner"}
    viewport = QRectF(widget.view.viewport().rect())
    for person_id in present:
        avatar = scene.avatars[person_id]
        assert avatar.isVisible(), person_id
        on = on_screen(widget, avatar.sceneBoundingRect())
        assert viewport.intersects(on) and on.width() >= 16, (person_id, on)


def test_a_tile_without_camera_shows_the_persons_initials_and_name(qtbot) -> None:  # type: ignore[no-untyped-def]
    tile = VideoTile("Thomas Wagner")
    qtbot.addWidget(tile)
    tile.resize(320, 200)
    tile.set_state(audio=False, video=False, speaking=False)
    tile.show()
    qtbot.waitExposed(tile)
    image = tile.grab().toImage()
    assert not tile.has_picture()
    # Not a black box: the avatar disc in the person's colour fills the middle, white initials on it.
    size = max(40.0, min(image.width() - 4, image.height() - 4) * 0.42)
    top = image.height() / 2 - 10 - size / 2
    inside_disc = QColor(image.pixel(image.width() // 2, round(top + size * 0.12)))
    assert inside_disc.name() == QColor(avatar_color("Thomas Wagner")).name()
    assert inside_disc != QColor(TILE_BACKGROUND)
    disc = range(round(top), round(top + size))
    whites = sum(1 for x in range(image.width() // 2 - round(size / 2), image.width() // 2 + round(size / 2))
                 for y in disc if QColor(image.pixel(x, y)).lightness() > 230)
    assert whites > 40  # the initials "TW"
    assert "Thomas Wagner" in tile.accessibleName() and "Kamera aus" in tile.accessibleDescription()
    assert "Mikrofon aus" in tile.accessibleDescription()


def test_every_dialog_of_the_desk_fits_the_laptop(demo_office: DemoOffice, runner: LoopRunner, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = laptop_window(demo_office, runner)
    parts = demo_office.parts
    presenter = parts.presenter
    opened: list[QDialog] = []
    for open_dialog in (presenter.open_morning_view, presenter.open_inbox, presenter.open_questions,
                        presenter.open_absence_dialog):
        open_dialog()
        settle()
        dialog = presenter.dialog
        assert isinstance(dialog, QDialog)
        opened.append(dialog)
    parts.calendar.account = parts.calendar.account or _account_stub()
    dialog = parts.calendar.edit_account()
    if dialog is not None:
        opened.append(dialog)
    for dialog in opened:
        settle()
        size = dialog.size()
        assert size.width() <= LAPTOP.width() and size.height() <= LAPTOP.height() - 40, (type(dialog).__name__, size)
        hint = dialog.minimumSizeHint()
        assert hint.width() <= LAPTOP.width() and hint.height() <= LAPTOP.height() - 40, (type(dialog).__name__, hint)
        dialog.reject()
    assert window.size() == LAPTOP


def _account_stub():  # type: ignore[no-untyped-def]
    class Account:
        url, user, policy_url = "https://kalender.example/dav/", "a.schneider", ""

    return Account()
