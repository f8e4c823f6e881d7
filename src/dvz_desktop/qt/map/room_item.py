"""A room on the plan: its floor in the colour of its kind, furniture in thin lines, its door in its state.

The room's walls are drawn by the building underneath (``building.py``); the room cuts its door opening
into them and draws the leaf: swung open (90°), ajar (a small angle), shut in the wall, or shut with a
padlock. The name plate, the names under avatars and the plates at the door are separate items that keep
a readable pixel size at any zoom (``plates.py``).
"""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QStyleOptionGraphicsItem,
    QWidget,
)

from dvz_desktop.core.floorplan import WALL, Door
from dvz_desktop.protocol import DoorState, Room

from ..icons import paint_icon
from ..labels import DOOR_COLORS, door_label, people_count, room_kind_label
from .furniture import furniture_picture
from .palette import MapPalette, qcolor

#: The leaf's angle to the wall for each state (degrees); closed and locked lie in the wall.
DOOR_ANGLES: dict[DoorState, float] = {DoorState.OPEN: 90.0, DoorState.AJAR: 28.0, DoorState.CLOSED: 0.0,
                                       DoorState.LOCKED: 0.0}
PADLOCK = 18.0


class RoomItem(QGraphicsRectItem):
    """One room. Keeps the attributes the rest of the app reads: ``room``, ``door``, ``door_lines``,
    ``occupants``, ``is_mine``, ``waiting`` and the tooltip."""

    def __init__(self, room: Room, door: Door, palette: MapPalette, owner_name: str = "") -> None:
        super().__init__(QRectF(room.x, room.y, room.w, room.h))
        self.room = room
        self.door_geometry = door
        self.palette = palette
        self.owner_name = owner_name
        self.occupants = 0
        self.is_mine = False
        self.door = room.door
        #: Extra lines for the door: its note, office hours, who deputises.
        self.door_lines: list[str] = []
        #: Guests of the digital door waiting for this room's desk ("3 warten"), or "".
        self.waiting = ""
        #: Drawn with a focus ring: the room the keyboard is on.
        self.has_focus_ring = False
        #: Briefly tinted after a search found something here.
        self.flashing = False
        self._tooltip_stale = False
        self.setZValue(0)
        self.setAcceptHoverEvents(True)
        self.setPen(QPen(Qt.PenStyle.NoPen))
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        # The room is drawn into the view's cached background (``FloorScene.drawBackground``): moving
        # people over it then costs one opaque blit for all rooms. The item itself paints nothing; it is
        # there for its shape, tooltip and hover.
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents)
        self._update_tooltip()

    # --- state ---

    def set_occupants(self, count: int, is_mine: bool) -> None:
        if (count, is_mine) != (self.occupants, self.is_mine):
            mine_changed = is_mine != self.is_mine
            self.occupants = count
            self.is_mine = is_mine
            # People come and go all the time: the tooltip is written when someone points at the room.
            self._tooltip_stale = True
            if mine_changed:
                self.repaint_background()

    def toolTip(self) -> str:
        if self._tooltip_stale:
            self._update_tooltip()
        return super().toolTip()

    def hoverEnterEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if self._tooltip_stale:
            self._update_tooltip()
        super().hoverEnterEvent(event)

    def set_door(self, door: DoorState, lines: list[str]) -> None:
        if (door, lines) != (self.door, self.door_lines):
            self.door = door
            self.door_lines = list(lines)
            self._update_tooltip()
            self.repaint_background()

    def set_waiting(self, text: str) -> None:
        if text != self.waiting:
            self.waiting = text
            self._update_tooltip()

    def set_focus_ring(self, on: bool) -> None:
        if on != self.has_focus_ring:
            self.has_focus_ring = on
            self.repaint_background()

    def set_flashing(self, on: bool) -> None:
        if on != self.flashing:
            self.flashing = on
            self.repaint_background()

    def repaint_background(self) -> None:
        scene = self.scene()
        if scene is not None:
            scene.invalidate(self.boundingRect(), QGraphicsScene.SceneLayer.BackgroundLayer)

    def describe(self) -> list[str]:
        """What a tooltip and a screen reader say about the room, one fact a line."""
        lines = [self.room.name, room_kind_label(self.room.kind)]
        if self.owner_name:
            lines.append(self.owner_name)
        lines.append(door_label(self.door))
        lines.extend(self.door_lines)
        if self.waiting:
            lines.append(self.waiting)
        lines.append(people_count(self.occupants))
        return lines

    def _update_tooltip(self) -> None:
        self._tooltip_stale = False
        lines = self.describe()
        lines.append(QCoreApplication.translate("OfficeMap", "Doppelklick: hierher gehen"))
        self.setToolTip("\n".join(lines))

    # --- drawing ---

    def boundingRect(self) -> QRectF:
        grow = WALL + 3
        return self.rect().adjusted(-grow, -grow, grow, grow)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        """Nothing: the room is part of the background (see ``paint_static``)."""

    def paint_static(self, painter: QPainter) -> None:
        """Draw the room (floor, furniture, door, my-room line, focus ring) in scene coordinates."""
        rect = self.rect()
        palette = self.palette
        fill = QColor(palette.rooms[self.room.kind])
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(fill)
        painter.drawRect(rect)
        painter.save()
        painter.translate(rect.topLeft())
        painter.drawPicture(0, 0, furniture_picture(self.room.kind, rect.width(), rect.height(),
                                                    palette.furniture, palette.furniture_fill))
        painter.restore()
        edge = QPen(QColor(palette.wall_edge), 1.0)
        edge.setCosmetic(True)
        painter.setPen(edge)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(rect)
        self._paint_door(painter, fill)
        if self.flashing:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(qcolor(palette.accent, 60))
            painter.drawRect(rect)
        if self.is_mine:  # my room: a quiet accent line inside the walls
            mine = QPen(qcolor(palette.accent, 170), 3.0)
            mine.setCosmetic(True)
            painter.setPen(mine)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(rect.adjusted(2.5, 2.5, -2.5, -2.5))
        if self.has_focus_ring:  # the keyboard focus: a strong ring, visible on every room colour
            ring = QPen(QColor(palette.focus), 3.0, Qt.PenStyle.SolidLine)
            ring.setCosmetic(True)
            painter.setPen(ring)
            painter.drawRect(rect.adjusted(-1, -1, 1, 1))
            inner = QPen(QColor("#ffffff"), 1.0, Qt.PenStyle.DashLine)
            inner.setCosmetic(True)
            painter.setPen(inner)
            painter.drawRect(rect.adjusted(4, 4, -4, -4))

    def _paint_door(self, painter: QPainter, fill: QColor) -> None:
        door = self.door_geometry
        hx, hy = door.start
        ex, ey = door.end
        nx, ny = door.inward
        length = door.width
        dx, dy = (ex - hx) / length, (ey - hy) / length
        # The opening: the wall is cut from the room's edge out through the wall's thickness.
        outward = WALL + 0.5
        opening = QPainterPath(QPointF(hx, hy))
        opening.lineTo(ex, ey)
        opening.lineTo(ex - nx * outward, ey - ny * outward)
        opening.lineTo(hx - nx * outward, hy - ny * outward)
        opening.closeSubpath()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(fill)
        painter.drawPath(opening)
        color = QColor(DOOR_COLORS[self.door])
        angle = math.radians(DOOR_ANGLES[self.door])
        tip = QPointF(hx + length * (math.cos(angle) * dx + math.sin(angle) * nx),
                      hy + length * (math.cos(angle) * dy + math.sin(angle) * ny))
        if angle > 0:  # the swing: a thin arc from the shut position to the leaf
            swing = QPainterPath(QPointF(ex, ey))
            steps = 10
            for i in range(1, steps + 1):
                a = angle * i / steps
                swing.lineTo(hx + length * (math.cos(a) * dx + math.sin(a) * nx),
                             hy + length * (math.cos(a) * dy + math.sin(a) * ny))
            arc_pen = QPen(qcolor(color.name(), 150), 1.0, Qt.PenStyle.DashLine)
            arc_pen.setCosmetic(True)
            painter.setPen(arc_pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(swing)
        leaf = QPen(color, 3.5 if angle > 0 else WALL + 0.5, Qt.PenStyle.SolidLine, Qt.PenCapStyle.FlatCap)
        painter.setPen(leaf)
        if angle > 0:
            painter.drawLine(QPointF(hx, hy), tip)
        else:  # shut: the leaf fills the opening, in the middle of the wall
            half = (WALL + 0.5) / 2
            painter.drawLine(QPointF(hx - nx * half, hy - ny * half), QPointF(ex - nx * half, ey - ny * half))
        painter.setBrush(color)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawEllipse(QPointF(hx, hy), 2.2, 2.2)  # the hinge
        if self.door is DoorState.LOCKED:
            center = QPointF((hx + ex) / 2 + nx * (PADLOCK / 2 + 4), (hy + ey) / 2 + ny * (PADLOCK / 2 + 4))
            painter.setBrush(QColor(self.palette.plate))
            painter.setPen(QPen(color, 1.2))
            painter.drawEllipse(center, PADLOCK / 2 + 2, PADLOCK / 2 + 2)
            icon = QRectF(center.x() - PADLOCK * 0.36, center.y() - PADLOCK * 0.38, PADLOCK * 0.72, PADLOCK * 0.72)
            paint_icon(painter, icon, "lock", color.name(), stroke_width=2.6)


__all__ = ["DOOR_ANGLES", "RoomItem"]
