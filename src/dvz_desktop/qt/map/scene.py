"""One floor as a QGraphicsScene: the building, its rooms with plates and doors, and the people in them.

People keep their seat while others come and go, so a presence update moves only the avatars of the
people who changed. The scene follows the view's zoom (``set_zoom``): plates refit their text and people
change their look (avatars with names, avatars, status badges, counts; see ``core.map_detail``).
"""

from __future__ import annotations

import math
from functools import partial

from PySide6.QtCore import QPoint, QPointF, QRect, QRectF, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QImage, QPainter
from PySide6.QtWidgets import (
    QGraphicsScene,
    QGraphicsSceneContextMenuEvent,
    QGraphicsSceneMouseEvent,
)

from dvz_desktop.core.floorplan import (
    WALL,
    Box,
    Direction,
    SeatGrid,
    Side,
    door_of,
    door_side,
    free_spaces,
    neighbour,
    seat_grid,
    wall_box,
)
from dvz_desktop.core.labels import person_label_candidates
from dvz_desktop.core.map_detail import Detail, PeopleLook, detail_for
from dvz_desktop.core.office import FloorRef, OfficeModel
from dvz_desktop.protocol import DoorState, RoomKind, Status

from ..labels import people_count
from .avatars import (
    AVATAR_DIAMETER,
    AVATAR_RADIUS,
    AvatarItem,
    forget_pictures_except,
    sharpness_for,
)
from .building import BuildingItem
from .door_plate import DoorPlate
from .palette import MapPalette, current_palette
from .plates import RoomPlate
from .room_item import RoomItem
from .seat_names import SeatNames

#: A seat: room for an avatar and an 11 px name plate under it (plan units).
CELL_W, CELL_H = 58.0, 62.0
#: Kept free at the top of a room for its plate: one line, or two on a personal office (its owner).
PLATE_BAND, OWNER_PLATE_BAND = 34.0, 50.0
MARGIN = 24.0
#: Between a seat row's top and the top of its avatar with my ring (plan units): a plate may reach that
#: far into the band's first row before it covers a face.
SEAT_HEADROOM = CELL_H / 2 - AVATAR_RADIUS - 5.0
FLASH_MS = 2200
#: Avatars are redrawn for a new zoom this long after the last zoom step.
SHARPEN_AFTER_MS = 180


def slot_position(rect: QRectF, index: int, band: float = PLATE_BAND) -> QPointF:
    """Where the ``index``-th person sits in a room (kept for callers of the old map)."""
    x, y = seat_grid(Box(rect.x(), rect.y(), rect.width(), rect.height()), CELL_W, CELL_H, band).seat(index)
    return QPointF(x, y)


class FloorScene(QGraphicsScene):
    #: A room was double-clicked (or Enter pressed on it): the user wants to go there.
    roomActivated = Signal(str)
    #: Right click on a room: (room id, screen position) for its context menu.
    roomMenuRequested = Signal(str, QPoint)

    def __init__(self, floor: FloorRef, model: OfficeModel, palette: MapPalette | None = None) -> None:
        super().__init__()
        self.floor = floor
        self._model = model
        self.colors = palette or current_palette()
        # Avatars move constantly; a BSP index would be rebuilt on every move.
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
        plan = floor.floor
        self.floor_rect = QRectF(0, 0, plan.width, plan.height)
        self.setSceneRect(self.floor_rect.adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN))
        self.setBackgroundBrush(QBrush(QColor(self.colors.outside)))
        floor_box = Box(0, 0, plan.width, plan.height)
        self.boxes: dict[str, Box] = {r.id: Box(r.x, r.y, r.w, r.h) for r in plan.rooms}
        all_boxes = list(self.boxes.values())
        spaces = {room_id: free_spaces(box, all_boxes, floor_box) for room_id, box in self.boxes.items()}
        self.building = BuildingItem(floor_box, all_boxes,
                                     [wall_box(b, all_boxes, floor_box, spaces[r]) for r, b in self.boxes.items()],
                                     self.colors, list(spaces.values()))
        self.addItem(self.building)
        self.rooms: dict[str, RoomItem] = {}
        self.plates: dict[str, RoomPlate] = {}
        self.door_plates: dict[str, DoorPlate] = {}
        self.names: dict[str, SeatNames] = {}
        self._grids: dict[str, SeatGrid] = {}
        #: The band each room keeps for its plate at a comfortable zoom (plan units); see _fit_band.
        self._bands: dict[str, float] = {}
        self._corridor: dict[str, float] = {}
        for room in plan.rooms:
            box = self.boxes[room.id]
            side = door_side(box, all_boxes, floor_box, spaces[room.id])
            self._corridor[room.id] = spaces[room.id][side][0]
            owner = model.people.get(room.owner_id or "")
            owner_name = owner.display_name if owner and room.kind is RoomKind.PERSONAL_OFFICE else ""
            item = RoomItem(room, door_of(box, side), self.colors, owner_name)
            self.addItem(item)
            self.rooms[room.id] = item
            plate = RoomPlate(room.name, room.kind, owner_name, self.colors)
            plate.setPos(room.x, room.y)
            self.addItem(plate)
            self.plates[room.id] = plate
            # The door's plate hangs in the corridor under its door and may use the corridor's front up
            # to the neighbouring doors, so long notes ("Vertretung: …") get the width they need.
            door = DoorPlate(self.colors, above=side is Side.TOP)
            hinge_x, hinge_y = item.door_geometry.start
            if side in (Side.TOP, Side.BOTTOM):
                door.setPos(hinge_x, hinge_y + (-WALL if side is Side.TOP else WALL))
            else:
                door.setPos(hinge_x + (-WALL if side is Side.LEFT else WALL), hinge_y)
            self.addItem(door)
            self.door_plates[room.id] = door
            names = SeatNames(self.colors, AVATAR_RADIUS, CELL_W, partial(self._name_entries, room.id))
            names.setPos(room.x, room.y)
            self.addItem(names)
            self.names[room.id] = names
            self._bands[room.id] = OWNER_PLATE_BAND if owner_name else PLATE_BAND
            self._grids[room.id] = seat_grid(box, CELL_W, CELL_H, self._bands[room.id])
        #: How far (plan units) each door's plate may run along the corridor.
        self._door_span = self._door_spans(plan.width)
        self.avatars: dict[str, AvatarItem] = {}
        #: Portraits known so far: person id -> (version, image); the widget shares one dict with all floors.
        self.photos: dict[str, tuple[str, QImage]] = {}
        #: People in each room in order of arrival (what the tree and screen readers list).
        self._occupants: dict[str, list[str]] = {room_id: [] for room_id in self.rooms}
        #: Seats in each room: a person keeps their seat while others come and go.
        self._seats: dict[str, list[str | None]] = {room_id: [] for room_id in self.rooms}
        self._seat_of: dict[str, int] = {}
        #: The room each avatar is in.
        self._room_of: dict[str, str] = {}
        self._labels: dict[str, tuple[str, ...]] = {}
        self.zoom = 1.0
        self.detail = Detail(PeopleLook.AVATARS, True)
        #: Device pixels per plan unit of the avatar pictures (see ``sharpness_for``); the screen's
        #: pixel ratio comes from the view.
        self.sharpness = 1.0
        self.device_ratio = 1.0
        self._sharpness_target = 1.0
        self._sharpness_timer = QTimer(self)
        self._sharpness_timer.setSingleShot(True)
        self._sharpness_timer.timeout.connect(self._sharpen)
        self.focused_room: str | None = None
        self._flash_timer = QTimer(self)
        self._flash_timer.setSingleShot(True)
        self._flash_timer.timeout.connect(self._end_flash)
        self._flashing: str | None = None
        self._my_room: str | None = None
        self.sync(set(model.people))
        self.set_zoom(1.0, force=True)

    def _door_spans(self, floor_width: float) -> dict[str, tuple[float, float]]:
        """For each door's plate: how far it may reach left and right of the door's hinge (plan units),
        up to the neighbouring doors along the same wall."""
        spans: dict[str, tuple[float, float]] = {}
        for room_id, item in self.rooms.items():
            door = item.door_geometry
            if door.side not in (Side.TOP, Side.BOTTOM):
                spans[room_id] = (0.0, self.boxes[room_id].h)
                continue
            hinge, wall_y = door.start
            others = [o.door_geometry for o in self.rooms.values()
                      if o is not item and o.door_geometry.side is door.side
                      and abs(o.door_geometry.start[1] - wall_y) < 1]
            before = [o.start[0] for o in others if o.start[0] < hinge]
            after = [o.end[0] for o in others if o.end[0] > hinge]
            spans[room_id] = (hinge - (max(before) if before else 0.0) - 4,
                              (min(after) if after else floor_width) - hinge - 4)
        return spans

    # --- the static plan ---

    def drawBackground(self, painter: QPainter, rect: QRectF | QRect) -> None:
        """The building and its rooms: what changes seldom (doors, focus) is background, which the view
        caches as one picture; people and plates are items drawn over it."""
        super().drawBackground(painter, rect)
        painter.save()
        self.building.paint_static(painter)
        painter.restore()
        exposed = QRectF(rect)
        for item in self.rooms.values():
            if item.boundingRect().intersects(exposed):
                painter.save()
                item.paint_static(painter)
                painter.restore()

    # --- presence ---

    def sync(self, changed: set[str]) -> None:
        """Bring the avatars of ``changed`` people in line with the model."""
        # Hundreds of people per call: the model's and the scene's dicts are looked up once, not per person.
        model, rooms, avatars, room_of = self._model, self.rooms, self.avatars, self._room_of
        presences, offline = model.presence, Status.OFFLINE
        touched: set[str] = set()
        for person_id in changed:
            presence = presences.get(person_id)
            room_id = presence.room_id if presence is not None and presence.status is not offline else None
            if room_id not in rooms:
                room_id = None
            avatar = avatars.get(person_id)
            old_room = room_of.get(person_id, "")
            if room_id is None:
                if avatar is not None:
                    self.removeItem(avatar)
                    del avatars[person_id]
                    self._leave(person_id, old_room)
                    touched.add(old_room)
                continue
            assert presence is not None
            if avatar is None:
                avatar = AvatarItem(model.people[person_id], presence, is_me=person_id == model.me,
                                    look=self.detail.people, sharpness=self.sharpness)
                photo = self.photos.get(person_id)
                if photo is not None:
                    avatar.set_photo(*photo)
                self.addItem(avatar)
                avatars[person_id] = avatar
                self._enter(person_id, room_id)
                touched.add(room_id)
            else:
                if avatar.presence is not presence:
                    avatar.set_presence(presence)
                if old_room != room_id:
                    self._leave(person_id, old_room)
                    self._enter(person_id, room_id)
                    touched.add(old_room)
                    touched.add(room_id)
        my_room = model.presence_of(model.me).room_id
        if my_room != self._my_room:
            touched.update(r for r in (my_room, self._my_room) if r in rooms)
            self._my_room = my_room
        occupants, plates, names = self._occupants, self.plates, self.names
        for room_id in touched:
            count = len(occupants[room_id])
            rooms[room_id].set_occupants(count, room_id == my_room)
            plates[room_id].set_count(count)
            names[room_id].invalidate()
            self._fit_band(room_id)

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
        self._room_of[person_id] = room_id
        self.avatars[person_id].setPos(*self._grids[room_id].seat(seat))

    def _fit_band(self, room_id: str) -> None:
        """Seats start below the room's plate. The plate keeps its size in pixels whatever the zoom, so
        zoomed out (a laptop screen) a plate that wraps to two lines reaches further into the room than
        the band kept for it: the seats move down so the plate never covers a face (as long as one row of
        seats still fits inside the walls)."""
        box = self.boxes[room_id]
        reach = self.plates[room_id].bottom_px / self.zoom - SEAT_HEADROOM + 2.0
        band = max(self._bands[room_id], math.ceil(reach / 4.0) * 4.0)  # in steps: no re-seating per zoom step
        band = min(band, max(self._bands[room_id], box.h - CELL_H - 6.0))
        grid = seat_grid(box, CELL_W, CELL_H, band)
        if grid == self._grids[room_id]:
            return
        self._grids[room_id] = grid
        for seat, person_id in enumerate(self._seats[room_id]):
            if person_id is not None:
                self.avatars[person_id].setPos(*grid.seat(seat))
        self.names[room_id].invalidate()

    def _leave(self, person_id: str, room_id: str) -> None:
        seat = self._seat_of.pop(person_id)
        self._room_of.pop(person_id, None)
        seats = self._seats[room_id]
        seats[seat] = None
        while seats and seats[-1] is None:
            seats.pop()
        self._occupants[room_id].remove(person_id)

    def _label_of(self, person_id: str) -> tuple[str, ...]:
        label = self._labels.get(person_id)
        if label is None:
            label = self._labels[person_id] = tuple(person_label_candidates(self._model.people[person_id].display_name))
        return label

    def _name_entries(self, room_id: str) -> list[tuple[float, float, tuple[str, ...], bool]]:
        """The names under the avatars of one room (asked by the room's SeatNames when it paints)."""
        me = self._model.me
        box, grid = self.boxes[room_id], self._grids[room_id]
        entries = []
        for seat, person_id in enumerate(self._seats[room_id]):
            if person_id is None:
                continue
            x, y = grid.seat(seat)
            entries.append((x - box.x, y - box.y, self._label_of(person_id), person_id == me))
        return entries

    def occupants(self, room_id: str) -> list[str]:
        return list(self._occupants.get(room_id, ()))

    def room_of(self, person_id: str) -> str | None:
        """The room whose seat this person's avatar has (None: not drawn on this floor)."""
        return self._room_of.get(person_id)

    # --- zoom and level of detail ---

    def set_zoom(self, zoom: float, force: bool = False) -> None:
        """The view's scale changed: refit plates, and choose how people are drawn."""
        if zoom <= 0 or (abs(zoom - self.zoom) < 1e-4 and not force):
            return
        self.zoom = zoom
        detail = detail_for(zoom, AVATAR_DIAMETER, CELL_W)
        sharpness = sharpness_for(zoom, self.device_ratio)
        for room_id, box in self.boxes.items():
            self.plates[room_id].set_room_px(box.w * zoom, box.h * zoom)
            self.names[room_id].set_geometry(zoom, box.w, box.h)
            corridor_px = self._corridor[room_id] * zoom
            lines = max(0, min(2, int((corridor_px / 2 - 6) // 14)))
            left, right = self._door_span[room_id]
            self.door_plates[room_id].set_space(left * zoom, right * zoom, lines)
            self._fit_band(room_id)
        if detail != self.detail or force:
            people_changed = detail.people != self.detail.people
            self.detail = detail
            for names in self.names.values():
                names.setVisible(detail.names)
            if people_changed or force:
                self.sharpness = sharpness
                self._sharpness_timer.stop()
                for avatar in self.avatars.values():
                    avatar.set_look(detail.people, sharpness)
        if sharpness != self.sharpness:  # redrawn at the new size once the zoom has settled
            self._sharpness_target = sharpness
            self._sharpness_timer.start(SHARPEN_AFTER_MS)

    def sharpen_now(self) -> None:
        """Draw the avatars for the current zoom at once (a floor just shown has nothing to wait for)."""
        if self._sharpness_timer.isActive():
            self._sharpness_timer.stop()
            self._sharpen()

    def _sharpen(self) -> None:
        """Redraw the avatars for the zoom the user settled on (one picture per look, shared)."""
        self.sharpness = self._sharpness_target
        forget_pictures_except(self.sharpness)
        for avatar in self.avatars.values():
            avatar.set_look(self.detail.people, self.sharpness)

    def set_detailed(self, detailed: bool) -> None:
        """Kept for older callers: avatars with initials, or status badges."""
        self.detail = Detail(PeopleLook.AVATARS if detailed else PeopleLook.BADGES, detailed and self.detail.names)
        for avatar in self.avatars.values():
            avatar.set_look(self.detail.people)

    # --- rooms: focus, lookup, menus ---

    def room_at(self, pos: QPointF) -> str | None:
        for room_id, item in self.rooms.items():
            if item.rect().contains(pos):
                return room_id
        return None

    def set_focus_room(self, room_id: str | None) -> None:
        if room_id == self.focused_room:
            return
        if self.focused_room in self.rooms:
            self.rooms[self.focused_room].set_focus_ring(False)
        self.focused_room = room_id if room_id in self.rooms else None
        if self.focused_room is not None:
            self.rooms[self.focused_room].set_focus_ring(True)

    def move_focus(self, direction: Direction) -> str | None:
        start = self.focused_room or (self._my_room if self._my_room in self.rooms else None)
        target = neighbour(self.boxes, start, direction) if start else neighbour(self.boxes, None, direction)
        self.set_focus_room(target)
        return target

    def flash(self, room_id: str) -> None:
        """Tint a room for a moment (a search found it)."""
        self._end_flash()
        if room_id in self.rooms:
            self._flashing = room_id
            self.rooms[room_id].set_flashing(True)
            self._flash_timer.start(FLASH_MS)

    def _end_flash(self) -> None:
        if self._flashing in self.rooms:
            self.rooms[self._flashing].set_flashing(False)
        self._flashing = None

    def describe_room(self, room_id: str) -> str:
        """One sentence-like line for screen readers: name, kind, owner, door, queue, who is in."""
        item = self.rooms[room_id]
        facts = item.describe()
        people = [self._model.people[p].display_name for p in self._occupants[room_id]]
        if people:
            facts[-1] = f"{people_count(len(people))}: {', '.join(people)}"
        return ", ".join(facts)

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        room_id = self.room_at(event.scenePos())
        if room_id is not None:
            self.set_focus_room(room_id)
            self.roomActivated.emit(room_id)
            event.accept()
            return
        super().mouseDoubleClickEvent(event)

    def contextMenuEvent(self, event: QGraphicsSceneContextMenuEvent) -> None:
        room_id = self.room_at(event.scenePos())
        if room_id is not None:
            self.set_focus_room(room_id)
            self.roomMenuRequested.emit(room_id, event.screenPos())
            event.accept()
            return
        super().contextMenuEvent(event)

    def set_photo(self, person_id: str, version: str, image: QImage) -> None:
        avatar = self.avatars.get(person_id)
        if avatar is not None:
            avatar.set_photo(version, image)

    # --- doors and queues ---

    def set_waiting(self, room_id: str, text: str) -> None:
        if room_id in self.rooms:
            self.rooms[room_id].set_waiting(text)
            self.plates[room_id].set_waiting(text)
            self._fit_band(room_id)

    def set_door(self, room_id: str, door: DoorState, lines: list[str]) -> None:
        if room_id in self.rooms:
            self.rooms[room_id].set_door(door, lines)
            self.door_plates[room_id].set_lines(lines)
