"""People panel: search by name or unit, filter "heute da", status and room of everyone I may see.

A list view over :class:`PeopleModel`: a presence burst repaints the rows of the people who changed and
never rebuilds the list. The context menu offers what one does with a colleague.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QCheckBox, QLineEdit, QListView, QMenu, QVBoxLayout, QWidget

from dvz_desktop.core.office import OfficeModel

from .delegate import PersonDelegate
from .model import PERSON_ID, PeopleFilter, PeopleModel, present_today


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
    #: Enter or double click on a person: show where they are.
    personActivated = Signal(str)

    def __init__(self, parent: QWidget | None = None, today: Callable[[], date] = date.today) -> None:
        super().__init__(parent)
        self._today = today
        self._followed: set[str] = set()
        self.available_followed: set[str] = set()
        self.menu: QMenu | None = None
        self.model = PeopleModel(self)
        self.filter = PeopleFilter(self)
        self.filter.setSourceModel(self.model)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Name oder Fachbereich suchen …"))
        self.search.setAccessibleName(self.tr("Personen suchen"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.filter.set_search)
        self.present_only = QCheckBox(self.tr("Nur heute da"))
        self.present_only.setAccessibleName(self.tr("Nur Personen zeigen, die heute da sind"))
        self.present_only.toggled.connect(self._present_only_toggled)
        self.list = QListView()
        self.list.setModel(self.filter)
        self.list.setItemDelegate(PersonDelegate(self.list))
        self.list.setAccessibleName(self.tr("Personen"))
        self.list.setUniformItemSizes(True)
        self.list.setMouseTracking(True)
        self.list.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._context_menu)
        self.list.activated.connect(lambda index: self.personActivated.emit(index.data(PERSON_ID)))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 8)
        layout.setSpacing(8)
        layout.addWidget(self.search)
        layout.addWidget(self.present_only)
        layout.addWidget(self.list, 1)

    # --- data ---

    @property
    def unread(self) -> dict[str, int]:
        return self.model.unread

    @unread.setter
    def unread(self, per_person: dict[str, int]) -> None:
        self.model.set_unread(per_person)

    def set_model(self, model: OfficeModel, followed: set[str]) -> None:
        self._followed = set(followed)
        self.model.set_office(model)
        self._present_only_toggled(self.present_only.isChecked())

    def update_presence(self, changed: set[str]) -> None:
        """Presence of these people changed: repaint their rows that are on screen (the others show the
        new state when scrolled to), and follow arrivals and departures in "Nur heute da"."""
        self.model.changed(changed & self.people_on_screen())
        office = self.model.office
        if office is not None and self.present_only.isChecked():
            today = self._today()
            present = set(self.filter.present)
            for person_id in changed:
                (present.add if office.is_present_today(person_id, today) else present.discard)(person_id)
            self.filter.update_present(present)

    def people_on_screen(self) -> set[str]:
        """The people whose rows the list shows right now (none while the list is hidden)."""
        if not self.list.isVisible() or self.filter.rowCount() == 0:
            return set()
        viewport = self.list.viewport()
        top = self.list.indexAt(QPoint(1, 1))
        bottom = self.list.indexAt(QPoint(1, viewport.height() - 1))
        first = top.row() if top.isValid() else 0
        last = bottom.row() if bottom.isValid() else self.filter.rowCount() - 1
        return {self.filter.index(row, 0).data(PERSON_ID) for row in range(first, last + 1)}

    def refresh(self) -> None:
        """Everything may have changed (kept for callers that do not know what changed)."""
        office = self.model.office
        if office is not None:
            self.update_presence(set(office.people))

    def _present_only_toggled(self, on: bool) -> None:
        office = self.model.office
        self.filter.set_present_only(on, present_today(office, self._today()) if office else set())

    def visible_people(self) -> list[str]:
        return [self.filter.index(row, 0).data(PERSON_ID) for row in range(self.filter.rowCount())]

    def row_text(self, person_id: str) -> str:
        """What a screen reader hears for this person's row."""
        row = self.model.row_of(person_id)
        return "" if row is None else self.model.index(row).data(Qt.ItemDataRole.AccessibleTextRole)

    # --- menu ---

    def _context_menu(self, pos: QPoint) -> None:
        index: QModelIndex = self.list.indexAt(pos)
        office = self.model.office
        if not index.isValid() or office is None:
            return
        person_id = index.data(PERSON_ID)
        menu = QMenu(self)
        follow = QAction(self.tr("Benachrichtigen, wenn da"), menu, checkable=True)
        follow.setChecked(person_id in self._followed)
        follow.toggled.connect(lambda on: self._toggle_follow(person_id, on))
        menu.addAction(follow)
        available = QAction(self.tr("Benachrichtigen, wenn verfügbar"), menu, checkable=True)
        available.setChecked(person_id in self.available_followed)
        available.toggled.connect(lambda on: self._toggle_available(person_id, on))
        menu.addAction(available)
        if person_id != office.me:
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
            phone_number = office.people[person_id].phone
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
