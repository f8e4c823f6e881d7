"""The own-status menu, shared by the main window and the tray."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QWidget

from dvz_desktop.protocol import SELECTABLE_STATUSES, Status

from ..labels import status_label
from ..status_badge import status_icon
from ..text_dialog import TextDialog

#: The status note's length on the wire (protocol: SetStatus.note).
NOTE_LIMIT = 120


class StatusMenu(QMenu):
    #: (status, note) chosen by the user.
    statusChosen = Signal(Status, str)
    coffeeToggled = Signal(bool)
    appearOfflineToggled = Signal(bool)
    absenceRequested = Signal()
    absenceEndRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Mein Status"), parent)
        self.setAccessibleName(self.tr("Mein Status"))
        self._note = ""
        self.note_dialog: TextDialog | None = None
        self._current = Status.AVAILABLE
        group = QActionGroup(self)
        self.status_actions: dict[Status, QAction] = {}
        for status in SELECTABLE_STATUSES:
            action = QAction(status_icon(status), status_label(status), self, checkable=True)
            action.triggered.connect(lambda _=False, s=status: self.statusChosen.emit(s, self._note))
            group.addAction(action)
            self.addAction(action)
            self.status_actions[status] = action
        self.addSeparator()
        self.note_action = QAction(self.tr("Statusnotiz …"), self)
        self.note_action.triggered.connect(self._ask_note)
        self.addAction(self.note_action)
        self.coffee_action = QAction(self.tr("Lust auf Kaffee"), self, checkable=True)
        self.coffee_action.triggered.connect(self.coffeeToggled)
        self.addAction(self.coffee_action)
        self.hidden_action = QAction(self.tr("Als offline anzeigen"), self, checkable=True)
        self.hidden_action.triggered.connect(self.appearOfflineToggled)
        self.addAction(self.hidden_action)
        self.addSeparator()
        self.absence_action = QAction(self.tr("Abwesenheit eintragen …"), self)
        self.absence_action.triggered.connect(self.absenceRequested)
        self.addAction(self.absence_action)
        self.absence_end_action = QAction(self.tr("Abwesenheit beenden"), self)
        self.absence_end_action.triggered.connect(self.absenceEndRequested)
        self.absence_end_action.setVisible(False)
        self.addAction(self.absence_end_action)

    @property
    def current(self) -> tuple[Status, str]:
        return self._current, self._note

    def show_extras(self, coffee: bool, hidden: bool, absent: bool) -> None:
        self.coffee_action.setChecked(coffee)
        self.hidden_action.setChecked(hidden)
        self.absence_end_action.setVisible(absent)

    def show_status(self, status: Status, note: str) -> None:
        self._current = status
        self._note = note
        action = self.status_actions.get(status)
        if action is not None:
            action.setChecked(True)

    def _ask_note(self) -> None:
        # Opened window-modal (not exec()): the network keeps running while the user types. Over 120
        # characters the dialog says so; the note is never cut.
        dialog = TextDialog(self.parentWidget(), self.tr("Statusnotiz"),
                            self.tr("Kurze Notiz (höchstens 120 Zeichen):"), NOTE_LIMIT, self._note)
        dialog.accepted.connect(lambda: self.statusChosen.emit(self._current, dialog.value()))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        self.note_dialog = dialog
