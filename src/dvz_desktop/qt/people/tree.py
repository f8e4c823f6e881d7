"""The office as an accessible tree: building -> floor -> room -> people.

Everything on the map is reachable here by keyboard and screen reader. Updates are incremental: a person
item moves between room items, so expansion and focus stay where the user left them.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QWidget

from dvz_desktop.core.office import OfficeModel

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

    def set_model(self, model: OfficeModel) -> None:
        self._model = model
        self.clear()
        self._rooms.clear()
        self._people.clear()
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
        mine = model.my_floor()
        for floor_item in (b.child(i) for b in buildings.values() for i in range(b.childCount())):
            floor_item.setExpanded(mine is not None and floor_item.data(0, ID_ROLE) == mine.id)
        self.update_presence(set(model.people))

    def update_presence(self, changed: set[str]) -> None:
        model = self._model
        if model is None:
            return
        touched: set[str] = set()
        for person_id in changed:
            presence = model.presence_of(person_id)
            target = self._rooms.get(presence.room_id or "") if model.is_online(person_id) else None
            item = self._people.get(person_id)
            if item is not None and item.parent() is not target:
                old = item.parent()
                old.removeChild(item)
                touched.add(old.data(0, ID_ROLE))
                if target is None:
                    del self._people[person_id]
                    continue
                target.addChild(item)
            elif item is None and target is not None:
                item = QTreeWidgetItem(target)
                item.setData(0, ID_ROLE, person_id)
                item.setData(0, KIND_ROLE, "person")
                self._people[person_id] = item
            if item is None or target is None:
                continue
            touched.add(target.data(0, ID_ROLE))
            person = model.people[person_id]
            note = f" – „{presence.note}“" if presence.note else ""
            item.setText(0, f"{person.display_name} ({status_label(presence.status)}){note}")
            item.setData(0, Qt.ItemDataRole.AccessibleTextRole,
                         f"{person.display_name}, {person.unit}, {status_label(presence.status)}{note}")
            item.setIcon(0, status_icon(presence.status))
            item.setToolTip(0, plain_tooltip(person.unit))
        for room_id in touched | ({r for r in self._rooms} if len(changed) == len(model.people) else set()):
            self._label_room(room_id)

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
        item.sortChildren(0, Qt.SortOrder.AscendingOrder)

    def people_listed(self) -> set[str]:
        return set(self._people)

    def room_item(self, room_id: str) -> QTreeWidgetItem | None:
        return self._rooms.get(room_id)

    def _activated(self, item: QTreeWidgetItem, column: int) -> None:
        if item.data(0, KIND_ROLE) == "room":
            self.roomActivated.emit(item.data(0, ID_ROLE))
