"""One floor as a QGraphicsScene: rooms from the layout, avatars placed in a grid inside their room."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, QRectF, Signal
from PySide6.QtGui import QBrush, QColor, QPen
from PySide6.QtWidgets import QGraphicsScene, QGraphicsSceneContextMenuEvent, QGraphicsSceneMouseEvent

from dvz_desktop.core.office import FloorRef, OfficeModel
from dvz_desktop.protocol import DoorState

from .items import AVATAR_RADIUS, AVATAR_SPACING, AvatarItem, RoomItem


def slot_position(rect: QRectF, index: int) -> QPointF:
    """Where the ``index``-th person sits in a room: rows below the room name, wrapping when full.

    A crowded room (more people than slots) stacks further people on the grid again, slightly offset,
    rather than spilling outside its walls.
    """
    margin_top = 30.0
    usable_w = max(rect.width() - 12.0, AVATAR_SPACING)
    usable_h = max(rect.height() - margin_top - 6.0, AVATAR_SPACING)
    cols = max(int(usable_w // AVATAR_SPACING), 1)
    rows = max(int(usable_h // AVATAR_SPACING), 1)
    layer, slot = divmod(index, cols * rows)
    row, col = divmod(slot, cols)
    offset = (layer % 3) * 6.0
    return QPointF(
        rect.left() + 6.0 + AVATAR_RADIUS + 3 + col * AVATAR_SPACING + offset,
        rect.top() + margin_top + AVATAR_RADIUS + row * AVATAR_SPACING + offset,
    )


class FloorScene(QGraphicsScene):
    #: A room was double-clicked: the user wants to go there.
    roomActivated = Signal(str)
    #: Right click on a room: (room id, screen position) for its context menu.
    roomMenuRequested = Signal(str, QPoint)

    def __init__(self, floor: FloorRef, model: OfficeModel) -> None:
        super().__init__()
        self.floor = floor
        self._model = model
        # Avatars move constantly; a BSP index would be rebuilt on every move.
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
        margin = 40.0
        self.setSceneRect(QRectF(-margin, -margin, floor.floor.width + 2 * margin, floor.floor.height + 2 * margin))
        self.setBackgroundBrush(QBrush(QColor("#f4f5f7")))
        # The storey's outline; the corridor is the space between the rows of rooms.
        outline = self.addRect(QRectF(0, 0, floor.floor.width, floor.floor.height), QPen(QColor("#8a96a3"), 3),
                               QBrush(QColor("#fbfbfc")))
        outline.setZValue(-1)
        self.rooms: dict[str, RoomItem] = {}
        for room in floor.floor.rooms:
            item = RoomItem(room, floor.floor.height)
            self.addItem(item)
            self.rooms[room.id] = item
        self.avatars: dict[str, AvatarItem] = {}
        #: People in each room in order of arrival (what the tree and screen readers list).
        self._occupants: dict[str, list[str]] = {room_id: [] for room_id in self.rooms}
        #: Seats in each room: a person keeps their seat while others come and go, so a move places
        #: one avatar instead of re-seating the whole room.
        self._seats: dict[str, list[str | None]] = {room_id: [] for room_id in self.rooms}
        self._seat_of: dict[str, int] = {}
        self.detailed = True
        self._my_room: str | None = None
        self.sync(set(model.people))

    # --- presence ---

    def sync(self, changed: set[str]) -> None:
        """Bring the avatars of ``changed`` people in line with the model."""
        touched_rooms: set[str] = set()
        for person_id in changed:
            presence = self._model.presence_of(person_id)
            room_id = presence.room_id if presence.room_id in self.rooms and self._model.is_online(person_id) else None
            avatar = self.avatars.get(person_id)
            old_room = self._room_of_avatar(avatar)
            if room_id is None:
                if avatar is not None:
                    self.removeItem(avatar)
                    del self.avatars[person_id]
                    self._leave(person_id, old_room)
                    touched_rooms.add(old_room)
                continue
            if avatar is None:
                avatar = AvatarItem(self._model.people[person_id], presence, is_me=person_id == self._model.me,
                                    detailed=self.detailed)
                self.addItem(avatar)
                self.avatars[person_id] = avatar
                self._enter(person_id, room_id)
                touched_rooms.add(room_id)
            else:
                avatar.set_presence(presence)
                if old_room != room_id:
                    self._leave(person_id, old_room)
                    self._enter(person_id, room_id)
                    touched_rooms.update((old_room, room_id))
        my_room = self._model.presence_of(self._model.me).room_id
        if my_room != self._my_room:
            touched_rooms.update(r for r in (my_room, self._my_room) if r in self.rooms)
            self._my_room = my_room
        for room_id in touched_rooms:
            self.rooms[room_id].set_occupants(len(self._occupants[room_id]), room_id == my_room)

    def set_detailed(self, detailed: bool) -> None:
        """Initials when zoomed in, status dots when zoomed out."""
        if detailed != self.detailed:
            self.detailed = detailed
            for avatar in self.avatars.values():
                avatar.set_detailed(detailed)

    def _enter(self, person_id: str, room_id: str) -> None:
        seats = self._seats[room_id]
        try:
            seat = seats.index(None)
            seats[seat] = person_id
        except ValueError:
            seat = len(seats)
            seats.append(person_id)
        self._seat_of[person_id] = seat
        self._occupants[room_id].append(person_id)
        avatar = self.avatars[person_id]
        avatar.setData(0, room_id)
        avatar.setPos(slot_position(self.rooms[room_id].rect(), seat))

    def _leave(self, person_id: str, room_id: str) -> None:
        seat = self._seat_of.pop(person_id)
        seats = self._seats[room_id]
        seats[seat] = None
        while seats and seats[-1] is None:
            seats.pop()
        self._occupants[room_id].remove(person_id)

    @staticmethod
    def _room_of_avatar(avatar: AvatarItem | None) -> str:
        return str(avatar.data(0)) if avatar is not None else ""

    def occupants(self, room_id: str) -> list[str]:
        return list(self._occupants.get(room_id, ()))

    def room_at(self, pos: QPointF) -> str | None:
        for room_id, item in self.rooms.items():
            if item.rect().contains(pos):
                return room_id
        return None

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        room_id = self.room_at(event.scenePos())
        if room_id is not None:
            self.roomActivated.emit(room_id)
            event.accept()
            return
        super().mouseDoubleClickEvent(event)

    def contextMenuEvent(self, event: QGraphicsSceneContextMenuEvent) -> None:
        room_id = self.room_at(event.scenePos())
        if room_id is not None:
            self.roomMenuRequested.emit(room_id, event.screenPos())
            event.accept()
            return
        super().contextMenuEvent(event)

    def set_waiting(self, room_id: str, text: str) -> None:
        item = self.rooms.get(room_id)
        if item is not None:
            item.set_waiting(text)

    def set_door(self, room_id: str, door: DoorState, lines: list[str]) -> None:
        item = self.rooms.get(room_id)
        if item is not None:
            item.set_door(door, lines)
