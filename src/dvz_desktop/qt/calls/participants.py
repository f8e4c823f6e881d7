"""Everyone in a call, as a list beside the stage: raised hands first in the order they went up, then
everyone by name (``core/meetings.py``), each with symbols for a raised hand and its place, a muted
microphone, a camera that is off, speaking, and the moderators. A moderator gets a menu on every row
but their own: mute, or remove from the meeting (after asking)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QPainter, QPixmap
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from dvz_desktop.core.meetings import ListEntry, list_order
from dvz_desktop.protocol import CallInfo, CallMember

from ..avatar import paint_avatar
from ..icons import icon, pixmap
from ..plain import plain_label
from ..shell import theme

AVATAR = 28


def _symbol(name: str, colour: str, tip: str) -> QLabel:
    label = QLabel()
    label.setPixmap(pixmap(name, 16, colour))
    label.setToolTip(tip)
    label.setAccessibleName(tip)
    return label


class ParticipantRow(QFrame):
    muteRequested = Signal(str)
    removeRequested = Signal(str)

    def __init__(self, person_id: str, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.person_id = person_id
        self.name = name
        self.setObjectName("participantRow")
        self.avatar = QLabel()
        self.avatar.setFixedSize(AVATAR, AVATAR)
        self.avatar.setPixmap(self._avatar(name))
        self.label = plain_label(name)
        self.label.setMinimumWidth(60)
        self.symbols = QHBoxLayout()
        self.symbols.setSpacing(4)
        self.menu_button = QToolButton()
        self.menu_button.setIcon(icon("ellipsis-vertical", theme.current().text))
        self.menu_button.setIconSize(QSize(16, 16))
        self.menu_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.menu_button.setToolTip(self.tr("Moderieren"))
        self.menu_button.setAccessibleName(self.tr("Moderieren: %1").replace("%1", name))
        menu = QMenu(self.menu_button)
        self.mute_action = menu.addAction(icon("mic-off", theme.current().text), self.tr("Stummschalten"))
        self.remove_action = menu.addAction(icon("x", theme.current().danger),
                                            self.tr("Aus der Besprechung entfernen …"))
        self.mute_action.triggered.connect(lambda: self.muteRequested.emit(self.person_id))
        self.remove_action.triggered.connect(lambda: self.removeRequested.emit(self.person_id))
        self.menu_button.setMenu(menu)
        row = QHBoxLayout(self)
        row.setContentsMargins(4, 4, 4, 4)
        row.setSpacing(8)
        row.addWidget(self.avatar)
        row.addWidget(self.label, 1)
        row.addLayout(self.symbols)
        row.addWidget(self.menu_button)

    @staticmethod
    def _avatar(name: str) -> QPixmap:
        picture = QPixmap(AVATAR * 2, AVATAR * 2)
        picture.setDevicePixelRatio(2.0)
        picture.fill(Qt.GlobalColor.transparent)
        painter = QPainter(picture)
        paint_avatar(painter, QRectF(0, 0, AVATAR, AVATAR), name)
        painter.end()
        return picture

    def show_member(self, member: CallMember, hand: int | None, moderates: bool, can_moderate: bool,
                    me: bool) -> None:
        t = theme.current()
        while self.symbols.count():
            item = self.symbols.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        spoken = [self.name]
        if hand is not None:
            text = self.tr("Hand gehoben (%1.)").replace("%1", str(hand))
            self.symbols.addWidget(_symbol("hand", "#b45309", text))
            place = QLabel(f"{hand}.")
            place.setAccessibleName(text)
            self.symbols.addWidget(place)
            spoken.append(text)
        if member.speaking:
            self.symbols.addWidget(_symbol("volume-2", "#2e7d32", self.tr("spricht")))
            spoken.append(self.tr("spricht"))
        if not member.audio:
            self.symbols.addWidget(_symbol("mic-off", t.danger, self.tr("Mikrofon aus")))
            spoken.append(self.tr("Mikrofon aus"))
        if member.screen:
            self.symbols.addWidget(_symbol("monitor-up", t.text, self.tr("teilt den Bildschirm")))
            spoken.append(self.tr("teilt den Bildschirm"))
        elif not member.video:
            self.symbols.addWidget(_symbol("video-off", t.text_muted, self.tr("Kamera aus")))
            spoken.append(self.tr("Kamera aus"))
        if moderates:
            self.symbols.addWidget(_symbol("shield-check", t.accent, self.tr("Moderation")))
            spoken.append(self.tr("Moderation"))
        self.menu_button.setVisible(can_moderate and not me)
        self.mute_action.setEnabled(member.audio)
        self.setAccessibleName(", ".join(spoken))


class ParticipantList(QFrame):
    """The list beside the stage; ``muteRequested`` and ``removeRequested`` (after asking) carry a
    person id for the moderator's client to send."""

    muteRequested = Signal(str)
    removeRequested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("participantList")
        self.setMinimumWidth(220)
        self.setMaximumWidth(300)
        self.title = plain_label(self.tr("Teilnehmende"))
        bold = self.title.font()
        bold.setBold(True)
        self.title.setFont(bold)
        self.count = plain_label()
        self.count.setProperty("muted", True)
        self.rows: dict[str, ParticipantRow] = {}
        self._body = QWidget()
        self._column = QVBoxLayout(self._body)
        self._column.setContentsMargins(0, 0, 0, 0)
        self._column.setSpacing(2)
        self._column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self._body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.title)
        layout.addWidget(self.count)
        layout.addWidget(scroll, 1)
        self.setAccessibleName(self.tr("Teilnehmende"))
        self.dialog: QMessageBox | None = None

    def show_call(self, call: CallInfo, me: str, name_of: Callable[[CallMember], str]) -> None:
        members = {m.person_id: m for m in call.members}
        entries = list_order([ListEntry(m.person_id, name_of(m), m.hand_raised_at) for m in call.members])
        hands = [e.person_id for e in entries if e.hand_raised_at is not None]
        self.count.setText(self.tr("%n Person", "", len(members)))
        for gone in set(self.rows) - set(members):
            self.rows.pop(gone).deleteLater()
        can_moderate = me in call.moderator_ids
        for index, entry in enumerate(entries):
            row = self.rows.get(entry.person_id)
            if row is None:
                row = self.rows[entry.person_id] = ParticipantRow(entry.person_id, entry.name)
                row.muteRequested.connect(self.muteRequested)
                row.removeRequested.connect(self._ask_remove)
            self._column.insertWidget(index, row)
            row.show()  # a widget added to a shown parent stays hidden until shown
            place = hands.index(entry.person_id) + 1 if entry.person_id in hands else None
            row.show_member(members[entry.person_id], place, entry.person_id in call.moderator_ids, can_moderate,
                            entry.person_id == me)

    def order(self) -> list[str]:
        """The people as the list shows them, top to bottom."""
        found = []
        for index in range(self._column.count()):
            item = self._column.itemAt(index)
            widget = item.widget() if item is not None else None
            if isinstance(widget, ParticipantRow):
                found.append(widget.person_id)
        return found

    def _ask_remove(self, person_id: str) -> None:
        row = self.rows.get(person_id)
        name = row.name if row is not None else person_id
        dialog = QMessageBox(QMessageBox.Icon.Question, self.tr("Aus der Besprechung entfernen"),
                             self.tr("%1 aus der Besprechung entfernen? Bild und Ton enden sofort, und %1 kann "
                                     "dieser Besprechung nicht wieder beitreten.").replace("%1", name),
                             QMessageBox.StandardButton.Cancel, self)
        remove = dialog.addButton(self.tr("Entfernen"), QMessageBox.ButtonRole.DestructiveRole)
        dialog.setDefaultButton(QMessageBox.StandardButton.Cancel)

        def clicked(button: object) -> None:
            if button is remove:
                self.removeRequested.emit(person_id)

        dialog.buttonClicked.connect(clicked)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        self.dialog = dialog
