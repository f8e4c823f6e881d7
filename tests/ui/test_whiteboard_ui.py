"""The whiteboard dock with a real backend: drawing with the mouse reaches a colleague in the room and
back, undo takes it back for everyone, text stays text, pictures are scaled or refused, and the export
writes a PNG that shows the strokes and a PDF."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtTest import QTest

from dvz_desktop.protocol import BOARD_WIDTH, WbShape
from dvz_desktop.services.session import Credentials, Session
from dvz_desktop.services.whiteboard import WhiteboardClient

from .conftest import DemoOffice, LoopRunner

ROOM = "kh-1-b110"


@pytest.fixture
def meeting(demo_office: DemoOffice, runner: LoopRunner):  # type: ignore[no-untyped-def]
    """Anna (the desktop) and Thomas (a second session) in a meeting room, Anna's whiteboard shown."""
    thomas = Session(demo_office.url, Credentials(username="t.wagner", password="demo"))
    runner.run(thomas.start())
    board = WhiteboardClient(thomas)
    runner.run(thomas.move(ROOM))
    runner.run(demo_office.session.move(ROOM))
    parts = demo_office.parts
    parts.window.rail.entries["whiteboard"].button.click()  # the rail's "Whiteboard" shows the board
    assert parts.window.stage.current_view() == "whiteboard"
    panel = parts.whiteboard
    runner.wait_until(lambda: panel.client.room_id == ROOM and panel.client._loaded, what="Anna's board")
    runner.run(board.open(ROOM))
    runner.wait_until(lambda: board._loaded, what="Thomas' board")
    yield panel, board
    runner.run(thomas.stop())


def drag(widget, points: list[QPoint]) -> None:  # type: ignore[no-untyped-def]
    QTest.mousePress(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, points[0])
    for point in points[1:]:
        QTest.mouseMove(widget, point)
    QTest.mouseRelease(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, points[-1])


def test_drawing_reaches_the_colleague_and_back_and_export_shows_it(meeting, runner: LoopRunner,  # type: ignore[no-untyped-def]
                                                                   tmp_path: Path) -> None:
    panel, thomas = meeting
    assert "Besprechung 1.10" in panel.status.text()
    panel.view.colour = "#c0392b"
    panel.view.width_units = 12
    viewport = panel.view.viewport()
    w, h = viewport.width(), viewport.height()
    drag(viewport, [QPoint(w // 4 + k * w // 40, h // 2) for k in range(21)])  # a red line across the middle
    runner.wait_until(lambda: len(thomas.board.visible()) == 1, what="Anna's stroke at Thomas'")
    stroke = thomas.board.visible()[0]
    assert stroke.kind == "pen" and stroke.author_id == "a.schneider" and stroke.colour == "#c0392b"
    thomas.draw(WbShape(kind="rect", points=(200, 200, 900, 700), colour="#2563eb", width=10))
    runner.wait_until(lambda: len(panel.scene.shown) == 2, what="Thomas' rectangle at Anna's")

    png = tmp_path / "board.png"
    assert panel.export(png)
    image = QImage(str(png))
    scale = image.width() / BOARD_WIDTH
    y = round(stroke.points[1] * scale)
    reds = sum(1 for x in range(image.width()) if QColor(image.pixel(x, y)).red() > 150
               and QColor(image.pixel(x, y)).blue() < 100)
    assert reds > 100  # the stroke runs across the exported picture
    corner = QColor(image.pixel(round(200 * scale) + 1, round(450 * scale)))
    assert corner.blue() > 150 and corner.red() < 100  # the rectangle's left edge
    pdf = tmp_path / "board.pdf"
    assert panel.export(pdf)
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 1000

    panel.undo_action.trigger()  # Anna takes her stroke back: gone for Thomas too
    runner.wait_until(lambda: [i.kind for i in thomas.board.visible()] == ["rect"], what="undo at Thomas'")
    runner.wait_until(lambda: len(panel.scene.shown) == 1, what="undo at Anna's")
    panel.redo_action.trigger()
    runner.wait_until(lambda: len(thomas.board.visible()) == 2, what="redo at Thomas'")


def test_text_and_notes_stay_text_and_pictures_are_scaled_or_refused(meeting, runner: LoopRunner,  # type: ignore[no-untyped-def]
                                                                    tmp_path: Path) -> None:
    panel, thomas = meeting
    messages: list[str] = []
    panel._report = messages.append  # noqa: SLF001  (the status bar)
    panel.place_text(500, 500, "<b>TOP 1</b> <img src=x>", note=True)
    runner.wait_until(lambda: len(thomas.board.visible()) == 1, what="the note at Thomas'")
    note = next(iter(panel.scene.shown.values()))
    assert note.childItems()[0].toPlainText() == "<b>TOP 1</b> <img src=x>"

    photo = tmp_path / "plan.png"
    big = QImage(3000, 2000, QImage.Format.Format_RGB32)
    for x in range(0, 3000, 7):  # noise-like stripes compress badly: it must be scaled down
        for y in range(0, 2000, 97):
            big.setPixel(x, y, (x * 2654435761 + y) & 0xFFFFFF)
    big.save(str(photo))
    assert photo.stat().st_size > 36 * 1024
    assert panel.insert_picture(photo)
    runner.wait_until(lambda: len(thomas.board.visible()) == 2, what="the picture at Thomas'")
    assert thomas.board.visible()[1].kind == "image"

    huge = tmp_path / "scan.png"
    huge.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * (21 * 1024 * 1024))
    assert not panel.insert_picture(huge)
    assert "zu groß" in messages[-1]
    text_file = tmp_path / "notiz.png"
    text_file.write_text("kein Bild")
    assert not panel.insert_picture(text_file)
    assert "kein Bild" in messages[-1]
    assert len(thomas.board.visible()) == 2


def test_only_the_moderator_sees_clear_enabled(meeting, runner: LoopRunner) -> None:  # type: ignore[no-untyped-def]
    panel, thomas = meeting
    # Thomas came in first: he moderates; Anna may not clear.
    runner.wait_until(lambda: panel.client.moderator_id == "t.wagner", what="the moderator")
    assert not panel.clear_action.isEnabled()
    thomas.draw(WbShape(kind="line", points=(0, 0, 100, 100)))
    runner.wait_until(lambda: len(panel.scene.shown) == 1, what="Thomas' line")
    runner.run(thomas.clear())
    runner.wait_until(lambda: not panel.scene.shown, what="the cleared board")
