"""The people list as a Qt item model: one row per person I may see, in directory order (family name).

A row's data is read from the office model whenever a view asks, so it is always current; a presence
update only has to tell the view which rows to repaint (``dataChanged``), and the panel names just the
changed rows on screen: 5,000 people with 250 of them moving cost a repaint of the one or two rows in
sight, not a rebuild of the list nor 250 signals. Filtering (search, "Nur heute da") is a proxy on top,
so the rows themselves never move; its filters depend on name, unit and "heute da", which the panel
updates itself.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, QSortFilterProxyModel, Qt

from dvz_desktop.core.office import OfficeModel, fold

from ..labels import status_label, unread_messages

PERSON_ID = Qt.ItemDataRole.UserRole
STATUS = Qt.ItemDataRole.UserRole + 1
DETAIL = Qt.ItemDataRole.UserRole + 2
UNREAD = Qt.ItemDataRole.UserRole + 3
COFFEE = Qt.ItemDataRole.UserRole + 4
SEARCH_TEXT = Qt.ItemDataRole.UserRole + 5
UNIT = Qt.ItemDataRole.UserRole + 6

Index = QModelIndex | QPersistentModelIndex


class PeopleModel(QAbstractListModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._office: OfficeModel | None = None
        self._ids: list[str] = []
        self._row: dict[str, int] = {}
        self._search: list[str] = []
        #: Unread direct messages per person (shown as a count beside the name).
        self.unread: dict[str, int] = {}

    def set_office(self, office: OfficeModel) -> None:
        self.beginResetModel()
        self._office = office
        self._ids = [p.id for p in office.everyone()]
        self._row = {pid: i for i, pid in enumerate(self._ids)}
        self._search = [fold(f"{p.display_name} {p.unit}") for p in (office.people[i] for i in self._ids)]
        self.endResetModel()

    @property
    def office(self) -> OfficeModel | None:
        return self._office

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 (Qt signature)
        return 0 if parent.isValid() else len(self._ids)

    def person_at(self, row: int) -> str:
        return self._ids[row]

    def row_of(self, person_id: str) -> int | None:
        return self._row.get(person_id)

    def changed(self, people: set[str]) -> None:
        """Presence (or unread counts) of these people changed: repaint their rows only."""
        rows = sorted(self._row[p] for p in people if p in self._row)
        if not rows:
            return
        # Neighbouring rows become one range: fewer signals when a whole room arrives at once.
        start = prev = rows[0]
        for row in rows[1:] + [None]:  # type: ignore[list-item]
            if row is not None and row == prev + 1:
                prev = row
                continue
            self.dataChanged.emit(self.index(start), self.index(prev))
            if row is not None:
                start = prev = row

    def set_unread(self, per_person: dict[str, int]) -> None:
        touched = {p for p in set(per_person) | set(self.unread) if per_person.get(p) != self.unread.get(p)}
        self.unread = dict(per_person)
        self.changed(touched)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        office = self._office
        if office is None or not index.isValid():
            return None
        person_id = self._ids[index.row()]
        if role == PERSON_ID:
            return person_id
        if role == SEARCH_TEXT:
            return self._search[index.row()]
        person = office.people[person_id]
        if role == Qt.ItemDataRole.DisplayRole:
            return person.display_name
        if role == UNIT:
            return person.unit
        presence = office.presence_of(person_id)
        if role == STATUS:
            return presence.status
        if role == COFFEE:
            return presence.coffee
        if role == UNREAD:
            return self.unread.get(person_id, 0)
        if role in (DETAIL, Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole):
            room = office.rooms.get(presence.room_id or "")
            parts = [status_label(presence.status)]
            if room is not None:
                parts.append(room.room.name)
            detail = " · ".join(parts)
            if presence.note:
                detail += f" – „{presence.note}“"
            if role == DETAIL:
                return detail
            unread = self.unread.get(person_id, 0)
            unread_text = unread_messages(unread) if unread else ""
            spoken = ", ".join(x for x in (person.display_name, person.unit, detail, unread_text) if x)
            return spoken
        return None


class PeopleFilter(QSortFilterProxyModel):
    """Search by name or unit (umlaut- and case-insensitive), optionally only who is in today."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._needle = ""
        self._present_only = False
        self._present: set[str] = set()

    def set_search(self, text: str) -> None:
        self.beginFilterChange()
        self._needle = fold(text.strip())
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_present_only(self, on: bool, present: set[str]) -> None:
        self.beginFilterChange()
        self._present_only = on
        self._present = present
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    @property
    def present(self) -> set[str]:
        """Who counts as "heute da" for the filter (kept while "Nur heute da" is on)."""
        return self._present

    def update_present(self, present: set[str]) -> None:
        if self._present_only and present != self._present:
            self.beginFilterChange()
            self._present = present
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, row: int, parent: Index) -> bool:  # noqa: N802 (Qt name)
        source = self.sourceModel()
        index = source.index(row, 0, parent)
        if self._needle and self._needle not in index.data(SEARCH_TEXT):
            return False
        return not self._present_only or index.data(PERSON_ID) in self._present


def present_today(office: OfficeModel, today: date) -> set[str]:
    return {p.id for p in office.present_today(today)}
