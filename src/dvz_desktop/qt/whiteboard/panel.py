"""Whiteboard: the board of the room I am in, with tools, undo/redo, clearing and export."""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, QSizeF, Qt
from PySide6.QtGui import QAction, QActionGroup, QColor, QKeySequence
from PySide6.QtWidgets import (
    QColorDialog,
    QFileDialog,
    QInputDialog,
    QMessageBox,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from dvz_desktop.protocol import BOARD_HEIGHT, BOARD_WIDTH, WbShape
from dvz_desktop.services.session import SessionError
from dvz_desktop.services.whiteboard import BoardChange, WhiteboardClient

from ..icons import icon
from ..lifetime import while_alive
from ..plain import plain_label
from ..shell import theme
from .canvas import BoardScene, BoardView
from .io import PictureRefused, export_pdf, export_png, picture_shape

NOTE_SIZE = (420, 280)


class WhiteboardPanel(QWidget):
    def __init__(self, client: WhiteboardClient, run: Callable[[Coroutine[Any, Any, Any]], object],
                 report: Callable[[str], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.client = client
        self._run = run
        self._report = report
        self.room_name = ""
        self.room_owner: str | None = None
        self._bridge: object = None
        self._dock: QWidget = self
        self.scene = BoardScene(self)
        self.view = BoardView(self.scene, self.draw, client.erase, self._clicked)
        self.status = plain_label()
        self.status.setWordWrap(True)
        self.tools = QToolBar(self.tr("Whiteboard-Werkzeuge"))
        self.tool_actions: dict[str, QAction] = {}
        group = QActionGroup(self)
        ink = theme.current().text
        symbols = {"pen": "pen-tool", "line": "minus", "arrow": "arrow-up-right", "rect": "square",
                   "ellipse": "circle", "text": "type", "note": "sticky-note", "eraser": "eraser"}
        for key, label in (("pen", self.tr("Stift")), ("line", self.tr("Linie")), ("arrow", self.tr("Pfeil")),
                           ("rect", self.tr("Rechteck")), ("ellipse", self.tr("Ellipse")),
                           ("text", self.tr("Text")), ("note", self.tr("Notiz")), ("eraser", self.tr("Radierer"))):
            action = QAction(icon(symbols[key], ink), label, group)
            action.setCheckable(True)
            action.triggered.connect(lambda _=False, k=key: self.choose_tool(k))
            self.tools.addAction(action)
            self.tool_actions[key] = action
        self.tool_actions["pen"].setChecked(True)
        # The second row: what is not a drawing tool (a single row would not fit a docked panel).
        self.commands = QToolBar(self.tr("Whiteboard-Befehle"))
        self.colour_action = self.commands.addAction(self.tr("Farbe …"), self.choose_colour)
        self.picture_action = self.commands.addAction(self.tr("Bild …"), self.choose_picture)
        self.commands.addSeparator()
        self.undo_action = self.commands.addAction(self.tr("Rückgängig"), client.undo)
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.commands.addAction(self.tr("Wiederholen"), client.redo)
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        self.clear_action = self.commands.addAction(self.tr("Leeren …"), self.confirm_clear)
        self.commands.addSeparator()
        self.commands.addAction(self.tr("Als PNG …"), lambda: self.choose_export("png"))
        self.commands.addAction(self.tr("Als PDF …"), lambda: self.choose_export("pdf"))
        for action, symbol in ((self.colour_action, "palette"), (self.picture_action, "image"),
                               (self.undo_action, "undo-2"), (self.redo_action, "redo-2"),
                               (self.clear_action, "trash-2")):
            action.setIcon(icon(symbol, ink))
        for bar in (self.tools, self.commands):
            bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            bar.setIconSize(QSize(18, 18))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 12)
        layout.setSpacing(4)
        layout.addWidget(self.tools)
        layout.addWidget(self.commands)
        layout.addWidget(self.status)
        layout.addWidget(self.view, 1)
        client.changed.connect(while_alive(self, self._board_changed))
        client.refused.connect(while_alive(self, report))
        client.moderator_changed.connect(while_alive(self, lambda _: self._update_controls()))
        self.show_room(None, "")

    # --- the room ---

    def follow_from(self, bridge: object, dock: QWidget) -> None:
        """Take the room from the office model whenever the dock (``dock``) is shown."""
        self._bridge = bridge
        self._dock = dock

    def follow(self, *_: object) -> None:
        model = getattr(self._bridge, "model", None)
        room_id = model.presence_of(model.me).room_id if model is not None and not self._dock.isHidden() else None
        if room_id == self.client.room_id:
            return
        if room_id is None:
            self.show_room(None, "")
            self._run(self.client.close())
            return
        ref = model.rooms.get(room_id)
        self.show_room(room_id, ref.room.name if ref else room_id, ref.room.owner_id if ref else None)
        self._run(self.client.open(room_id))

    def show_room(self, room_id: str | None, name: str, owner: str | None = None) -> None:
        """Follow me into a room (``None``: in no room, or the board is not open)."""
        self.room_name, self.room_owner = name, owner
        if room_id is None:
            self.status.setText(self.tr("Betreten Sie einen Raum, um sein Whiteboard zu sehen."))
        else:
            self.status.setText(self.tr("Whiteboard: %1 – alle im Raum sehen und zeichnen mit.").replace("%1", name))
        self._update_controls()

    def _update_controls(self) -> None:
        active = self.client.room_id is not None
        self.view.enabled_for_drawing = active
        for action in (*self.tool_actions.values(), self.colour_action, self.picture_action, self.undo_action,
                       self.redo_action):
            action.setEnabled(active)
        self.clear_action.setEnabled(active and self.client.may_clear(self.room_owner))

    # --- drawing ---

    def choose_tool(self, key: str) -> None:
        self.view.tool = key
        self.tool_actions[key].setChecked(True)

    def draw(self, shape: WbShape) -> None:
        self.client.draw(shape)

    def place_text(self, x: int, y: int, text: str, note: bool = False) -> None:
        text = text.strip()[:500]
        if not text:
            return
        if note:
            w, h = NOTE_SIZE
            x, y = min(x, BOARD_WIDTH - w), min(y, BOARD_HEIGHT - h)
            shape = WbShape(kind="note", points=(x, y, x + w, y + h), colour="#fde68a", text=text)
        else:
            shape = WbShape(kind="text", points=(x, y), colour=self.view.colour, width=self.view.width_units,
                            text=text)
        self.client.draw(shape)

    def _clicked(self, x: int, y: int) -> None:
        note = self.view.tool == "note"
        ask = QInputDialog(self)
        ask.setWindowTitle(self.tr("Notiz") if note else self.tr("Text"))
        ask.setLabelText(self.tr("Was soll auf dem Whiteboard stehen?"))
        ask.setOption(QInputDialog.InputDialogOption.UsePlainTextEditForTextInput)
        ask.textValueSelected.connect(lambda text: self.place_text(x, y, text, note))
        ask.finished.connect(ask.deleteLater)
        ask.open()  # not exec(): a nested loop would run the program's asyncio tasks inside it

    def choose_colour(self) -> None:
        colour = QColorDialog.getColor(QColor(self.view.colour), self, self.tr("Farbe wählen"))
        if colour.isValid():
            self.view.colour = colour.name()

    def choose_picture(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Bild einfügen"), "",
                                              self.tr("Bilder (*.png *.jpg *.jpeg)"))
        if name:
            self.insert_picture(Path(name))

    def insert_picture(self, path: Path) -> bool:
        centre = self.view.mapToScene(self.view.viewport().rect().center())
        try:
            shape = picture_shape(path, (max(0, round(centre.x()) - 240), max(0, round(centre.y()) - 180)),
                                  QSizeF(BOARD_WIDTH, BOARD_HEIGHT))
        except PictureRefused as exc:
            self._report(str(exc))
            return False
        self.client.draw(shape)
        return True

    def confirm_clear(self) -> None:
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Whiteboard leeren"),
                          self.tr("Das Whiteboard wird für alle im Raum geleert. Das lässt sich nicht rückgängig machen."),  # noqa: E501
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.accepted.connect(lambda: self._run(self._clear()))
        box.finished.connect(box.deleteLater)
        box.open()

    async def _clear(self) -> None:
        try:
            await self.client.clear()
        except SessionError as exc:
            self._report(exc.message)

    # --- export ---

    def choose_export(self, kind: str) -> None:
        suggested = f"Whiteboard {self.room_name}.{kind}".strip()
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Whiteboard speichern"), suggested,
                                              "PNG (*.png)" if kind == "png" else "PDF (*.pdf)")
        if name:
            self.export(Path(name))

    def export(self, path: Path) -> bool:
        try:
            (export_pdf if path.suffix.lower() == ".pdf" else export_png)(self.scene, path)
        except OSError as exc:
            self._report(str(exc))
            return False
        self._report(self.tr("Whiteboard gespeichert: %1").replace("%1", str(path)))
        return True

    # --- from the board ---

    def _board_changed(self, change: BoardChange) -> None:
        self.scene.sync(self.client.items(), set(self.client.pending))
        self._update_controls()
