"""The office as an accessible tree: building -> floor -> room -> people.

Everything on the map is reachable here by keyboard and screen reader. A room says how many are in it
and lists them (directory order, family name, as the people list) once it is opened: the items of the
people in a closed room are made when it opens and dropped when it closes, so hundreds of people walking
between closed rooms cost a new count on two room items each, not moving items around. Updates are
incremental: expansion and focus stay where the user left them. While the tree is not shown (the people
tab, another panel) it only notes who changed and catches up when it is shown.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QWidget

from dvz_desktop.core.office import OfficeModel
from dvz_desktop.protocol import Room, Status

from ..labels import door_label, people_count, room_kind_label, status_label
from ..plain import plain_tooltip
from ..status_badge import status_icon

ID_ROLE = Qt.ItemDataRole.UserRole
KIND_ROLE = Qt.ItemDataRole.UserRole + 1

_SHOW = QTreeWidgetItem.ChildIndicatorPolicy.ShowIndicator
_HIDE = QTreeWidgetItem.ChildIndicatorPolicy.DontShowIndicator


class RoomItem(QTreeWidgetItem):
    """A room: "Name (3)"; the screen reader and the tooltip get kind, door and who is in. The words are
    made when a view asks for them (only rooms on screen), so a new head count is one signal."""

    def __init__(self, parent: QTreeWidgetItem, room: Room) -> None:
        super().__init__(parent)
        self.room = room
        self.count = -1
        self.setData(0, ID_ROLE, room.id)
        self.setData(0, KIND_ROLE, "room")

    def set_count(self, count: int, on_screen: bool = True) -> None:
        """A new head count; a row out of sight shows it when it is scrolled to (its words are made then),
        so only a row on screen is told to repaint."""
        if count == self.count:
            return
        if (count > 0) != (self.count > 0):
            self.setChildIndicatorPolicy(_SHOW if count else _HIDE)  # a room with people can be opened
        self.count = count
        if on_screen:
            self.emitDataChanged()

    def data(self, column: int, role: int) -> Any:
        if column == 0 and role == Qt.ItemDataRole.DisplayRole:
            return f"{self.room.name} ({max(self.count, 0)})"
        if column == 0 and role in (Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole):
            # The whole picture for the screen reader and the tooltip; the visible text stays short.
            room = self.room
            description = (f"{room.name} – {room_kind_label(room.kind)}, {door_label(room.door)}, "
                           f"{people_count(max(self.count, 0))}")
            return description if role == Qt.ItemDataRole.AccessibleTextRole else plain_tooltip(description)
        return super().data(column, role)


class OfficeTree(QTreeWidget):
    #: Enter or double-click on a room: go there.
    roomActivated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHeaderHidden(True)
        self.setAccessibleName(self.tr("Gebäudeübersicht"))
        self.setAccessibleDescription(self.tr("Gebäude, Stockwerke, Räume und die Personen darin"))
        self.itemActivated.connect(self._activated)
        self.itemExpanded.connect(self._opened)
        self.itemCollapsed.connect(self._closed)
        self._model: OfficeModel | None = None
        self._rooms: dict[str, RoomItem] = {}
        #: The room each listed person is in (everyone online in a room of these floors).
        self._where: dict[str, str] = {}
        #: Rooms whose people have items (open rooms, and rooms asked for with ``room_item``).
        self._filled: set[str] = set()
        #: Items of the people in filled rooms, and per filled room (directory position, id) in item order.
        self._people: dict[str, QTreeWidgetItem] = {}
        self._order: dict[str, list[tuple[int, str]]] = {}
        #: Status and note each person's item shows (its text is set again only when they change).
        self._shown: dict[str, tuple[Status, str]] = {}
        #: People whose presence changed while the tree was hidden.
        self._pending: set[str] = set()
        self._rank: dict[str, int] = {}

    def set_model(self, model: OfficeModel) -> None:
        self._model = model
        self.clear()
        for state in (self._rooms, self._where, self._people, self._order, self._shown):
            state.clear()
        self._filled.clear()
        self._pending.clear()
        self._rank = {person.id: rank for rank, person in enumerate(model.everyone())}
        buildings: dict[tuple[str, str], QTreeWidgetItem] = {}
        for ref in model.floors:
            key = (ref.org.id, ref.building.id)
            building = buildings.get(key)
            if building is None:
                building = QTreeWidgetItem(self, [ref.building.name])
                building.setData(0, KIND_ROLE, "building")
                building.setExpanded(True)
                buildings[key] = building
            floor = QTreeWidgetItem(building, [ref.floor.name])
            floor.setData(0, ID_ROLE, ref.id)
            floor.setData(0, KIND_ROLE, "floor")
            for room in ref.floor.rooms:
                self._rooms[room.id] = RoomItem(floor, room)
        mine = model.my_floor()
        for floor_item in (b.child(i) for b in buildings.values() for i in range(b.childCount())):
            floor_item.setExpanded(mine is not None and floor_item.data(0, ID_ROLE) == mine.id)
        self._apply(set(model.people))
        for room_id, room_item in self._rooms.items():
            room_item.set_count(model.count_in(room_id))

    def update_presence(self, changed: set[str]) -> None:
        if self._model is None:
            return
        if self.isHidden() or not self.isVisible():
            self._pending |= changed  # shown again: caught up in showEvent
            return
        self._apply(changed)

    def showEvent(self, event: object) -> None:
        self._catch_up()
        super().showEvent(event)  # type: ignore[arg-type]

    def _catch_up(self) -> None:
        if self._pending:
            pending, self._pending = self._pending, set()
            self._apply(pending)

    def _apply(self, changed: set[str]) -> None:
        model = self._model
        if model is None:
            return
        touched: set[str] = set()
        for person_id in changed:
            presence = model.presence_of(person_id)
            room_id = presence.room_id if presence.status is not Status.OFFLINE else None
            room_id = room_id if room_id in self._rooms else None
            before = self._where.get(person_id)
            if before != room_id:
                if before is not None:
                    del self._where[person_id]
                    touched.add(before)
                    if before in self._filled:
                        self._remove_item(person_id, before)
                if room_id is None:
                    continue
                self._where[person_id] = room_id
                touched.add(room_id)
                if room_id in self._filled:
                    self._add_item(person_id, room_id)
            elif room_id is not None and room_id in self._filled:
                self._show_person(person_id)
        on_screen = self._rooms_on_screen() if touched else set()
        for room_id in touched:
            self._rooms[room_id].set_count(model.count_in(room_id), room_id in on_screen)

    def _rooms_on_screen(self) -> set[str]:
        """The rooms whose rows are in the visible part of the tree."""
        rooms: set[str] = set()
        item = self.itemAt(1, 1)
        bottom = self.viewport().height()
        while item is not None and self.visualItemRect(item).top() < bottom:
            if item.data(0, KIND_ROLE) == "room":
                rooms.add(item.data(0, ID_ROLE))
            item = self.itemBelow(item)
        return rooms

    # --- the people of a room, while it is open ---

    def _fill(self, room_id: str) -> None:
        if room_id in self._filled or self._model is None:
            return
        self._filled.add(room_id)
        self._order[room_id] = []
        for person in self._model.people_in(room_id):
            if self._where.get(person.id) == room_id:
                self._add_item(person.id, room_id)

    def _empty(self, room_id: str) -> None:
        if room_id not in self._filled:
            return
        self._filled.discard(room_id)
        room = self._rooms[room_id]
        for _rank, person_id in self._order.pop(room_id, []):
            self._people.pop(person_id, None)
            self._shown.pop(person_id, None)
        room.takeChildren()

    def _add_item(self, person_id: str, room_id: str) -> None:
        item = QTreeWidgetItem()
        item.setData(0, ID_ROLE, person_id)
        item.setData(0, KIND_ROLE, "person")
        assert self._model is not None
        item.setToolTip(0, plain_tooltip(self._model.people[person_id].unit))
        self._people[person_id] = item
        order = self._order[room_id]
        key = (self._rank.get(person_id, -1), person_id)
        place = bisect_left(order, key)
        order.insert(place, key)
        self._rooms[room_id].insertChild(place, item)
        self._show_person(person_id)

    def _remove_item(self, person_id: str, room_id: str) -> None:
        item = self._people.pop(person_id, None)
        self._shown.pop(person_id, None)
        order = self._order[room_id]
        del order[bisect_left(order, (self._rank.get(person_id, -1), person_id))]
        room = self._rooms[room_id]
        if item is not None:
            room.takeChild(room.indexOfChild(item))

    def _show_person(self, person_id: str) -> None:
        assert self._model is not None
        presence = self._model.presence_of(person_id)
        if self._shown.get(person_id) == (presence.status, presence.note):
            return
        self._shown[person_id] = (presence.status, presence.note)
        person, item = self._model.people[person_id], self._people[person_id]
        said = f" – „{presence.note}“" if presence.note else ""
        item.setText(0, f"{person.display_name} ({status_label(presence.status)}){said}")
        item.setData(0, Qt.ItemDataRole.AccessibleTextRole,
                     f"{person.display_name}, {person.unit}, {status_label(presence.status)}{said}")
        item.setIcon(0, status_icon(presence.status))

    def _opened(self, item: QTreeWidgetItem) -> None:
        if item.data(0, KIND_ROLE) == "room":
            self._fill(item.data(0, ID_ROLE))

    def _closed(self, item: QTreeWidgetItem) -> None:
        if item.data(0, KIND_ROLE) == "room":
            self._empty(item.data(0, ID_ROLE))

    # --- what others ask ---

    def people_listed(self) -> set[str]:
        """Everyone the tree lists in a room (opened or not)."""
        self._catch_up()
        return set(self._where)

    def room_item(self, room_id: str) -> QTreeWidgetItem | None:
        """The room's item with its people's items (made now if the room is closed)."""
        self._catch_up()
        if room_id in self._rooms:
            self._fill(room_id)
        return self._rooms.get(room_id)

    def _activated(self, item: QTreeWidgetItem, column: int) -> None:
        if item.data(0, KIND_ROLE) == "room":
            self.roomActivated.emit(item.data(0, ID_ROLE))
