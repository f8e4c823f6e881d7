"""The building under the rooms: the corridor floor, the walls between rooms and the facade with windows.

Drawn into the view's cached background with the rooms on top (they cut their doors into these walls).
"""

from __future__ import annotations

from PySide6.QtCore import QLineF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from dvz_desktop.core.floorplan import FACADE_GAP, Box, Side, Spaces

from .palette import MapPalette

FACADE = 7.0
WINDOW_COLOR = "#cfe3f5"


class BuildingItem(QGraphicsItem):
    def __init__(self, floor: Box, rooms: list[Box], walls: list[Box], palette: MapPalette,
                 spaces: list[Spaces]) -> None:
        super().__init__()
        self.floor = floor
        self.palette = palette
        self._walls = [QRectF(w.x, w.y, w.w, w.h) for w in walls]
        self._windows = _windows(floor, rooms, spaces)
        self.setZValue(-10)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents)  # drawn as the scene's background

    def boundingRect(self) -> QRectF:
        grow = FACADE
        return QRectF(self.floor.x - grow, self.floor.y - grow, self.floor.w + 2 * grow, self.floor.h + 2 * grow)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        """Nothing: the building is part of the background (see ``paint_static``)."""

    def paint_static(self, painter: QPainter) -> None:
        outline = QRectF(self.floor.x, self.floor.y, self.floor.w, self.floor.h)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(self.palette.corridor))
        painter.drawRect(outline)
        painter.setBrush(QColor(self.palette.wall))
        for wall in self._walls:
            painter.drawRect(wall)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(QColor(self.palette.facade), FACADE, Qt.PenStyle.SolidLine, Qt.PenCapStyle.SquareCap,
                            Qt.PenJoinStyle.MiterJoin))
        painter.drawRect(outline)
        window = QPen(QColor(WINDOW_COLOR), FACADE - 3.0, Qt.PenStyle.SolidLine, Qt.PenCapStyle.FlatCap)
        painter.setPen(window)
        painter.drawLines(self._windows)


def _windows(floor: Box, rooms: list[Box], spaces: list[Spaces]) -> list[QLineF]:
    """A window in the facade in front of every room built against it (half the room's width)."""
    lines: list[QLineF] = []
    for room, room_spaces in zip(rooms, spaces, strict=True):
        for side in Side:
            space, facade = room_spaces[side]
            if not facade or space > FACADE_GAP:
                continue
            if side in (Side.TOP, Side.BOTTOM):
                y = floor.top if side is Side.TOP else floor.bottom
                span = room.w * 0.25
                lines.append(QLineF(room.center[0] - span, y, room.center[0] + span, y))
            else:
                x = floor.left if side is Side.LEFT else floor.right
                span = room.h * 0.25
                lines.append(QLineF(x, room.center[1] - span, x, room.center[1] + span))
    return lines


__all__ = ["BuildingItem"]
