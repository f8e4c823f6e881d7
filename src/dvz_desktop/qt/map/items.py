"""Graphics items: rooms and avatars.

Both adapt to the zoom level (level of detail): when zoomed out, text is skipped and avatars become
plain status dots, so a whole floor with thousands of people still paints fast.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPixmapItem,
    QGraphicsRectItem,
    QStyleOptionGraphicsItem,
    QWidget,
)

from dvz_desktop.core.office import initials
from dvz_desktop.protocol import DoorState, Person, Presence, Room, Status

from ..labels import DOOR_COLORS, ROOM_COLORS, STATUS_COLORS, door_label, people_count, room_kind_label, status_label

AVATAR_RADIUS = 18.0
AVATAR_SPACING = 42.0
#: Below this on-screen avatar diameter (px) avatars are drawn as dots without initials.
DETAIL_MIN_PX = 16.0
#: Below this zoom factor room names are hidden.
LABEL_MIN_LOD = 0.45

_NAME_FONT = QFont()
_NAME_FONT.setPointSizeF(9.0)
_NAME_FONT.setBold(True)
_INFO_FONT = QFont()
_INFO_FONT.setPointSizeF(8.0)
_INITIALS_FONT = QFont()
_INITIALS_FONT.setPixelSize(13)
_INITIALS_FONT.setBold(True)


class RoomItem(QGraphicsRectItem):
    def __init__(self, room: Room, floor_height: float) -> None:
        super().__init__(QRectF(room.x, room.y, room.w, room.h))
        self.room = room
        # The door faces the corridor, which runs through the middle of the floor.
        self._door_at_bottom = room.y + room.h / 2 < floor_height / 2
        self.occupants = 0
        self.is_mine = False
        self.door = room.door
        #: Extra tooltip lines for the door: its note, office hours, who deputises.
        self.door_lines: list[str] = []
        #: Guests of the digital door waiting for this room's desk ("3 warten"), or "".
        self.waiting = ""
        self.setBrush(QBrush(QColor(ROOM_COLORS[room.kind])))
        self.setPen(QPen(QColor("#5f6b7a"), 2))
        self.setZValue(0)
        self.setAcceptHoverEvents(True)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self._update_tooltip()

    def set_occupants(self, count: int, is_mine: bool) -> None:
        if (count, is_mine) != (self.occupants, self.is_mine):
            self.occupants = count
            self.is_mine = is_mine
            self._update_tooltip()
            self.update()

    def set_door(self, door: DoorState, lines: list[str]) -> None:
        if (door, lines) != (self.door, self.door_lines):
            self.door = door
            self.door_lines = lines
            self._update_tooltip()
            self.update()

    def set_waiting(self, text: str) -> None:
        if text != self.waiting:
            self.waiting = text
            self._update_tooltip()
            self.update()

    def _update_tooltip(self) -> None:
        lines = [self.room.name, room_kind_label(self.room.kind), door_label(self.door), *self.door_lines]
        if self.waiting:
            lines.append(self.waiting)
        lines.append(people_count(self.occupants))
        lines.append(QCoreApplication.translate("OfficeMap", "Doppelklick: hierher gehen"))
        self.setToolTip("\n".join(lines))

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        rect = self.rect()
        painter.setBrush(self.brush())
        pen = QPen(QColor("#1565c0"), 4) if self.is_mine else self.pen()
        painter.setPen(pen)
        painter.drawRect(rect)
        # The door: a short bar on the corridor side, coloured by its state.
        door_w = min(40.0, rect.width() / 3)
        corridor_side_y = rect.bottom() if self._door_at_bottom else rect.top()
        painter.setPen(QPen(QColor(DOOR_COLORS[self.door]), 6, Qt.PenStyle.SolidLine, Qt.PenCapStyle.FlatCap))
        door_x = rect.center().x()
        if self.door is DoorState.AJAR:  # a gap in the bar: the door stands a little open
            painter.drawLine(door_x - door_w / 2, corridor_side_y, door_x - 4, corridor_side_y)
            painter.drawLine(door_x + 8, corridor_side_y, door_x + door_w / 2, corridor_side_y)
        else:
            painter.drawLine(door_x - door_w / 2, corridor_side_y, door_x + door_w / 2, corridor_side_y)
        if self.door is DoorState.LOCKED:  # a padlock beside the door
            lock_y = corridor_side_y - 16 if self._door_at_bottom else corridor_side_y + 6
            painter.setPen(QPen(QColor(DOOR_COLORS[self.door]), 2))
            painter.setBrush(QColor(DOOR_COLORS[self.door]))
            painter.drawRect(QRectF(door_x + door_w / 2 + 4, lock_y + 4, 9, 7))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawArc(QRectF(door_x + door_w / 2 + 5, lock_y, 7, 8), 0, 180 * 16)
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        if lod < LABEL_MIN_LOD:
            return
        painter.setPen(QColor("#1f2933"))
        painter.setFont(_NAME_FONT)
        text_rect = rect.adjusted(8, 6, -8, -6)
        painter.drawText(text_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, self.room.name)
        if self.occupants:
            painter.setFont(_INFO_FONT)
            painter.drawText(text_rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop, str(self.occupants))
        if self.waiting:  # the digital door's queue: an amber tag in the corner, seen from afar
            painter.setFont(_INFO_FONT)
            badge = painter.fontMetrics().boundingRect(self.waiting).adjusted(-6, -3, 6, 3)
            badge.moveBottomLeft(text_rect.bottomLeft().toPoint())
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor("#f59e0b"))
            painter.drawRoundedRect(QRectF(badge), 6, 6)
            painter.setPen(QColor("#1f2933"))
            painter.drawText(QRectF(badge), Qt.AlignmentFlag.AlignCenter, self.waiting)


def avatar_pixmap(initials_text: str, status: Status, is_me: bool, detailed: bool, coffee: bool = False,
                  speaking: bool = False) -> QPixmap:
    """The picture of an avatar, drawn once per look and shared by everyone who looks the same.

    Avatars are plain pixmap items: their geometry and painting stay in C++, so thousands of them cost
    a blit each and no Python call per frame.
    """
    key = (initials_text if detailed else "", status, is_me, detailed, coffee, speaking)
    cached = _PIXMAPS.get(key)
    if cached is not None:
        return cached
    size = int(2 * (AVATAR_RADIUS + 2))
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.translate(size / 2, size / 2)
    color = QColor(STATUS_COLORS[status])
    r = AVATAR_RADIUS
    if not detailed:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color)
        painter.drawEllipse(QRectF(-r, -r, 2 * r, 2 * r))
    else:
        painter.setBrush(QColor("#1565c0") if is_me else QColor("#37474f"))
        painter.setPen(QPen(color, 4))
        painter.drawEllipse(QRectF(-r + 2, -r + 2, 2 * r - 4, 2 * r - 4))
        painter.setPen(QColor("white"))
        painter.setFont(_INITIALS_FONT)
        painter.drawText(QRectF(-r, -r, 2 * r, 2 * r), Qt.AlignmentFlag.AlignCenter, initials_text)
        if status is Status.DO_NOT_DISTURB:
            painter.setPen(QPen(QColor("white"), 2))
            painter.drawLine(-5, int(r - 4), 5, int(r - 4))
    if speaking:  # talking in a call: a bright outer ring
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(QColor("#00b0ff"), 3))
        painter.drawEllipse(QRectF(-r - 0.5, -r - 0.5, 2 * r + 1, 2 * r + 1))
    if coffee:  # "Lust auf Kaffee": a small cup at the upper right
        painter.setPen(QPen(QColor("white"), 1))
        painter.setBrush(QColor("#6d4c41"))
        painter.drawRoundedRect(QRectF(r - 11, -r - 1, 10, 9), 2, 2)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(QColor("#6d4c41"), 2))
        painter.drawArc(QRectF(r - 3, -r + 1, 5, 5), -90 * 16, 180 * 16)
    painter.end()
    _PIXMAPS[key] = pixmap
    return pixmap


_PIXMAPS: dict[tuple[str, Status, bool, bool, bool, bool], QPixmap] = {}


class AvatarItem(QGraphicsPixmapItem):
    """A person: initials in a circle with a ring in the colour of their status (a dot when zoomed out)."""

    def __init__(self, person: Person, presence: Presence, is_me: bool = False, detailed: bool = True) -> None:
        super().__init__()
        self.person = person
        self.presence = presence
        self.is_me = is_me
        self.detailed = detailed
        self.speaking = False
        self._initials = initials(person.display_name)
        half = AVATAR_RADIUS + 2
        self.setOffset(-half, -half)  # the item's position is the avatar's centre
        self.setZValue(2 if is_me else 1)
        self._refresh_picture()
        self._update_tooltip()

    def set_presence(self, presence: Presence) -> None:
        if presence != self.presence:
            looks_changed = (presence.status, presence.coffee) != (self.presence.status, self.presence.coffee)
            self.presence = presence
            self._update_tooltip()
            if looks_changed:
                self._refresh_picture()

    def set_detailed(self, detailed: bool) -> None:
        if detailed != self.detailed:
            self.detailed = detailed
            self._refresh_picture()

    def set_speaking(self, speaking: bool) -> None:
        if speaking != self.speaking:
            self.speaking = speaking
            self._refresh_picture()

    def _refresh_picture(self) -> None:
        self.setPixmap(avatar_pixmap(self._initials, self.presence.status, self.is_me, self.detailed,
                                     self.presence.coffee, self.speaking))

    def _update_tooltip(self) -> None:
        parts = [self.person.display_name]
        if self.person.unit:
            parts.append(self.person.unit)
        parts.append(status_label(self.presence.status))
        if self.presence.note:
            parts.append(f"„{self.presence.note}“")
        if self.presence.coffee:
            parts.append(QCoreApplication.translate("OfficeMap", "Lust auf Kaffee"))
        self.setToolTip("\n".join(parts))
