"""The office as an accessible tree: building -> floor -> room -> people.

Everything on the map is reachable here by keyboard and screen reader. Updates are incremental: a person
item moves between room items, so expansion and focus stay where the user left them. A room lists its
people in directory order (family name, as the people list); a person walking in is put in place
instead of the room being sorted again. While the tree is not shown (the people tab, another panel) it
only notes who changed and catches up when it is shown: a busy office costs it nothing meanwhile.
"""

from __future__ import annotations

from bisect import bisect_left

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QWidget

from dvz_desktop.core.office import OfficeModel
from dvz_desktop.protocol import Status

from ..labels import door_label, people_count, room_kind_label, status_label
from ..plain import plain_tooltip
from ..status_badge import status_icon

ID_ROLE = Qt.ItemDataRole.UserRole
KIND_ROLE = Qt.ItemDataRole.UserRole + 1


class OfficeTree(QTreeWidget):
    #: Enter or double-click on a room: go there.
    roomActivated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHeaderHidden(True)
        self.setAccessibleName(self.tr("Gebäudeübersicht"))
        self.setAccessibleDescription(self.tr("Gebäude, Stockwerke, Räume und die Personen darin"))
        self.itemActivated.connect(self._activated)
        self._model: OfficeModel | None = None
        self._rooms: dict[str, QTreeWidgetItem] = {}
        self._people: dict[str, QTreeWidgetItem] = {}
        #: Per room, (directory position, person id) of the people listed, in the order of its child items.
        self._order: dict[str, list[tuple[int, str]]] = {}
        #: Status and note each person's item shows (its text is set again only when they change).
        self._shown: dict[str, tuple[Status, str]] = {}
        #: People whose presence changed while the tree was hidden.
        self._pending: set[str] = set()
        self._rank: dict[str, int] = {}

    def set_model(self, model: OfficeModel) -> None:
        self._model = model
        self.clear()
        self._rooms.clear()
        self._people.clear()
        self._order.clear()
        self._shown.clear()
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
                item = QTreeWidgetItem(floor)
                item.setData(0, ID_ROLE, room.id)
                item.setData(0, KIND_ROLE, "room")
                self._rooms[room.id] = item
                self._order[room.id] = []
        mine = model.my_floor()
        for floor_item in (b.child(i) for b in buildings.values() for i in range(b.childCount())):
            floor_item.setExpanded(mine is not None and floor_item.data(0, ID_ROLE) == mine.id)
        self._apply(set(model.people))
        for room_id in self._rooms:
            self._label_room(room_id)

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
            target = self._rooms.get(room_id or "")
            item = self._people.get(person_id)
            old = item.parent() if item is not None else None
            if old is not target:
                if item is not None and old is not None:
                    old_id = old.data(0, ID_ROLE)
                    order = self._order[old_id]
                    del order[bisect_left(order, (self._rank.get(person_id, -1), person_id))]
                    old.takeChild(old.indexOfChild(item))
                    touched.add(old_id)
                if target is None:
                    self._people.pop(person_id, None)
                    self._shown.pop(person_id, None)
                    continue
                if item is None:
                    item = QTreeWidgetItem()
                    item.setData(0, ID_ROLE, person_id)
                    item.setData(0, KIND_ROLE, "person")
                    item.setToolTip(0, plain_tooltip(model.people[person_id].unit))
                    self._people[person_id] = item
                assert room_id is not None
                order = self._order[room_id]
                key = (self._rank.get(person_id, -1), person_id)
                place = bisect_left(order, key)
                order.insert(place, key)
                target.insertChild(place, item)
                touched.add(room_id)
            if item is None or target is None:
                continue
            if self._shown.get(person_id) != (presence.status, presence.note):
                self._shown[person_id] = (presence.status, presence.note)
                self._show_person(item, person_id, presence.status, presence.note)
        for room_id in touched:
            self._label_room(room_id)

    def _show_person(self, item: QTreeWidgetItem, person_id: str, status: Status, note: str) -> None:
        assert self._model is not None
        person = self._model.people[person_id]
        said = f" – „{note}“" if note else ""
        item.setText(0, f"{person.display_name} ({status_label(status)}){said}")
        item.setData(0, Qt.ItemDataRole.AccessibleTextRole,
                     f"{person.display_name}, {person.unit}, {status_label(status)}{said}")
        item.setIcon(0, status_icon(status))

    def _label_room(self, room_id: str) -> None:
        item = self._rooms[room_id]
        room = self._model.rooms[room_id].room if self._model else None
        if room is None:
            return
        count = item.childCount()
        people = people_count(count)
        item.setText(0, f"{room.name} ({count})")
        # The screen reader and the tooltip get the whole picture; the visible text stays short.
        description = f"{room.name} – {room_kind_label(room.kind)}, {door_label(room.door)}, {people}"
        item.setData(0, Qt.ItemDataRole.AccessibleTextRole, description)
        item.setToolTip(0, plain_tooltip(description))

    def people_listed(self) -> set[str]:
        self._catch_up()
        return set(self._people)

    def room_item(self, room_id: str) -> QTreeWidgetItem | None:
        self._catch_up()
        return self._rooms.get(room_id)

    def _activated(self, item: QTreeWidgetItem, column: int) -> None:
        if item.data(0, KIND_ROLE) == "room":
            self.roomActivated.emit(item.data(0, ID_ROLE))
