"""People panel: search by name or unit, filter "heute da", status and room of everyone I may see."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QVBoxLayout,
    QWidget,
)

from dvz_desktop.core.office import OfficeModel

from .labels import status_label
from .status_badge import status_icon


class PeoplePanel(QWidget):
    #: (person id, follow?) — "Benachrichtigen, wenn da".
    followToggled = Signal(str, bool)
    #: (person id, follow?) — "Benachrichtigen, wenn verfügbar".
    followAvailableToggled = Signal(str, bool)
    inviteRequested = Signal(str)
    askRequested = Signal(str)
    messageRequested = Signal(str)
    callRequested = Signal(str)
    dialRequested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model: OfficeModel | None = None
        self._followed: set[str] = set()
        self.available_followed: set[str] = set()
        self.menu: QMenu | None = None
        #: Unread direct messages per person, shown beside their name.
        self.unread: dict[str, int] = {}
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Name oder Fachbereich suchen …"))
        self.search.setAccessibleName(self.tr("Personen suchen"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.refresh)
        self.present_only = QCheckBox(self.tr("Nur heute da"))
        self.present_only.setAccessibleName(self.tr("Nur Personen zeigen, die heute da sind"))
        self.present_only.toggled.connect(self.refresh)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Personen"))
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._context_menu)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.search)
        layout.addWidget(self.present_only)
        layout.addWidget(self.list, 1)

    def set_model(self, model: OfficeModel, followed: set[str]) -> None:
        self._model = model
        self._followed = set(followed)
        self.refresh()

    def refresh(self) -> None:
        model = self._model
        if model is None:
            return
        if self.present_only.isChecked():
            matching = {p.id for p in model.search(self.search.text())}
            people = [p for p in model.present_today(date.today()) if p.id in matching]
        else:
            people = model.search(self.search.text())
        selected = self.list.currentItem().data(Qt.ItemDataRole.UserRole) if self.list.currentItem() else None
        self.list.setUpdatesEnabled(False)
        self.list.clear()
        for person in people:
            presence = model.presence_of(person.id)
            room = model.rooms.get(presence.room_id or "")
            where = f" – {room.room.name}" if room else ""
            note = f" („{presence.note}“)" if presence.note else ""
            unread = self.unread.get(person.id, 0)
            badge = self.tr(" · %1 ungelesen").replace("%1", str(unread)) if unread else ""
            text = f"{person.display_name}{badge}\n{person.unit} · {status_label(presence.status)}{where}{note}"
            item = QListWidgetItem(status_icon(presence.status), text)
            item.setData(Qt.ItemDataRole.UserRole, person.id)
            item.setData(Qt.ItemDataRole.AccessibleTextRole,
                         f"{person.display_name}, {person.unit}, {status_label(presence.status)}{where}")
            self.list.addItem(item)
            if person.id == selected:
                self.list.setCurrentItem(item)
        self.list.setUpdatesEnabled(True)

    def visible_people(self) -> list[str]:
        return [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())]

    def _context_menu(self, pos) -> None:  # type: ignore[no-untyped-def]
        item = self.list.itemAt(pos)
        if item is None or self._model is None:
            return
        person_id = item.data(Qt.ItemDataRole.UserRole)
        menu = QMenu(self)
        follow = QAction(self.tr("Benachrichtigen, wenn da"), menu, checkable=True)
        follow.setChecked(person_id in self._followed)
        follow.toggled.connect(lambda on: self._toggle_follow(person_id, on))
        menu.addAction(follow)
        available = QAction(self.tr("Benachrichtigen, wenn verfügbar"), menu, checkable=True)
        available.setChecked(person_id in self.available_followed)
        available.toggled.connect(lambda on: self._toggle_available(person_id, on))
        menu.addAction(available)
        if person_id != self._model.me:
            menu.addSeparator()
            invite = QAction(self.tr("In mein Büro einladen"), menu)
            invite.triggered.connect(lambda: self.inviteRequested.emit(person_id))
            menu.addAction(invite)
            ask = QAction(self.tr("Kurze Frage …"), menu)
            ask.triggered.connect(lambda: self.askRequested.emit(person_id))
            menu.addAction(ask)
            call = QAction(self.tr("Anrufen"), menu)
            call.triggered.connect(lambda: self.callRequested.emit(person_id))
            menu.addAction(call)
            phone_number = self._model.people[person_id].phone
            if phone_number:
                dial = QAction(self.tr("Telefon: %1").replace("%1", phone_number), menu)
                dial.triggered.connect(lambda: self.dialRequested.emit(person_id))
                menu.addAction(dial)
            write = QAction(self.tr("Nachricht schreiben"), menu)
            write.triggered.connect(lambda: self.messageRequested.emit(person_id))
            menu.addAction(write)
        self.menu = menu  # tests reach the open menu's actions
        menu.popup(self.list.viewport().mapToGlobal(pos))

    def _toggle_available(self, person_id: str, on: bool) -> None:
        (self.available_followed.add if on else self.available_followed.discard)(person_id)
        self.followAvailableToggled.emit(person_id, on)

    def _toggle_follow(self, person_id: str, on: bool) -> None:
        (self._followed.add if on else self._followed.discard)(person_id)
        self.followToggled.emit(person_id, on)
