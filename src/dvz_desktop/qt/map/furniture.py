"""Furniture in thin lines: desks in offices, a table in meeting rooms, a counter in the Bürgerbüro, a
counter with a coffee machine in the kitchen. Each drawing is recorded once per kind and room size as a
QPicture and replayed (rooms cache their own painting on top of that), so furniture costs nothing per
presence update.

Furniture is decoration: it sits below the people and says what kind of room this is at a glance.
"""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen, QPicture

from dvz_desktop.protocol import RoomKind

#: The Lucide symbol of each kind of room, drawn small on its name plate.
KIND_ICONS: dict[RoomKind, str] = {
    RoomKind.PERSONAL_OFFICE: "briefcase",
    RoomKind.TEAM_OFFICE: "users",
    RoomKind.MEETING_ROOM: "presentation",
    RoomKind.COFFEE_KITCHEN: "coffee",
    RoomKind.FOYER: "landmark",
    RoomKind.PROJECT_ROOM: "layout-grid",
}

#: Space kept free at the top of a room for its name plate (plan units); furniture starts below it.
TOP_BAND = 36.0
MARGIN = 10.0


def _desk(painter: QPainter, x: float, y: float, w: float, h: float, chair_below: bool = True) -> None:
    painter.drawRoundedRect(QRectF(x, y, w, h), 2, 2)
    chair = min(w, h) * 0.55
    cy = y + h + 4 if chair_below else y - chair - 4
    painter.drawRoundedRect(QRectF(x + w / 2 - chair / 2, cy, chair, chair), chair / 3, chair / 3)


def _office(painter: QPainter, inner: QRectF) -> None:
    """One desk with its chair, a cabinet along the wall and a plant in the corner."""
    desk_w, desk_h = min(inner.width() * 0.62, 80.0), 28.0
    _desk(painter, inner.center().x() - desk_w / 2, inner.top() + inner.height() * 0.28, desk_w, desk_h)
    cabinet_w = min(inner.width() * 0.45, 60.0)
    painter.drawRect(QRectF(inner.left(), inner.bottom() - 12, cabinet_w, 12))
    painter.drawEllipse(QPointF(inner.right() - 9, inner.top() + 9), 7, 7)  # a plant, clear of the door


def _team_office(painter: QPainter, inner: QRectF) -> None:
    """Pairs of desks facing each other, as many as fit."""
    pair_w, pair_h, gap_x, gap_y = 52.0, 52.0, 26.0, 34.0
    cols = max(int((inner.width() + gap_x) // (pair_w + gap_x)), 1)
    rows = max(int((inner.height() + gap_y) // (pair_h + gap_y)), 1)
    left = inner.left() + (inner.width() - (cols * pair_w + (cols - 1) * gap_x)) / 2
    top = inner.top() + (inner.height() - (rows * pair_h + (rows - 1) * gap_y)) / 2
    for row in range(rows):
        for col in range(cols):
            x, y = left + col * (pair_w + gap_x), top + row * (pair_h + gap_y)
            painter.drawRect(QRectF(x, y, pair_w, pair_h / 2))
            painter.drawRect(QRectF(x, y + pair_h / 2, pair_w, pair_h / 2))


def _meeting_room(painter: QPainter, inner: QRectF) -> None:
    """A long table with chairs along both sides."""
    table = QRectF(0, 0, inner.width() * 0.64, min(inner.height() * 0.34, 70.0))
    table.moveCenter(inner.center())
    painter.drawRoundedRect(table, table.height() / 2, table.height() / 2)
    seats = max(int(table.width() // 34), 1)
    chair = 14.0
    for i in range(seats):
        x = table.left() + (i + 0.5) * table.width() / seats - chair / 2
        painter.drawRoundedRect(QRectF(x, table.top() - chair - 4, chair, chair), 4, 4)
        painter.drawRoundedRect(QRectF(x, table.bottom() + 4, chair, chair), 4, 4)


def _kitchen(painter: QPainter, inner: QRectF) -> None:
    """A counter along the left wall with a sink and a coffee machine, a bistro table with stools."""
    depth = 20.0
    counter = QRectF(inner.left(), inner.top(), depth, inner.height())
    painter.drawRect(counter)
    painter.drawEllipse(QPointF(counter.center().x(), counter.top() + 22), 6, 5)  # the sink
    machine = QRectF(counter.left() + 3, counter.top() + 42, depth - 6, 16)
    painter.drawRoundedRect(machine, 2, 2)
    painter.drawEllipse(QPointF(machine.center().x(), machine.bottom() - 5), 2.5, 2.5)
    table_center = QPointF(inner.left() + depth + (inner.width() - depth) / 2, inner.center().y() + 10)
    radius = min(22.0, (inner.width() - depth) / 4)
    painter.drawEllipse(table_center, radius, radius)
    for dx, dy in ((-1, 0), (1, 0), (0, 1)):
        painter.drawEllipse(QPointF(table_center.x() + dx * (radius + 9), table_center.y() + dy * (radius + 9)), 6, 6)


def _foyer(painter: QPainter, inner: QRectF) -> None:
    """The service counter of the Bürgerbüro across the room and rows of waiting seats in front of it."""
    counter = QRectF(inner.left() + inner.width() * 0.12, inner.top() + 8, inner.width() * 0.76, 18)
    painter.drawRoundedRect(counter, 9, 9)
    places = max(int(counter.width() // 60), 1)
    for i in range(places):
        x = counter.left() + (i + 0.5) * counter.width() / places
        painter.drawLine(QPointF(x - 12, counter.bottom() + 6), QPointF(x + 12, counter.bottom() + 6))
    seat = 11.0
    rows_top = inner.bottom() - 2 * (seat + 6)
    count = max(int(inner.width() * 0.6 // (seat + 4)), 1)
    left = inner.center().x() - count * (seat + 4) / 2
    for row in range(2):
        for i in range(count):
            painter.drawRoundedRect(QRectF(left + i * (seat + 4), rows_top + row * (seat + 6), seat, seat), 3, 3)


def _project_room(painter: QPainter, inner: QRectF) -> None:
    """A square worktable and a whiteboard along the wall."""
    table = QRectF(0, 0, min(inner.width() * 0.5, 90.0), min(inner.height() * 0.4, 70.0))
    table.moveCenter(inner.center())
    painter.drawRect(table)
    painter.drawLine(QPointF(inner.right() - 2, inner.top() + 6), QPointF(inner.right() - 2, inner.top() + 6
                                                                          + min(inner.height() * 0.5, 80.0)))


_DRAW = {
    RoomKind.PERSONAL_OFFICE: _office,
    RoomKind.TEAM_OFFICE: _team_office,
    RoomKind.MEETING_ROOM: _meeting_room,
    RoomKind.COFFEE_KITCHEN: _kitchen,
    RoomKind.FOYER: _foyer,
    RoomKind.PROJECT_ROOM: _project_room,
}


@lru_cache(maxsize=256)
def furniture_picture(kind: RoomKind, width: float, height: float, line: str, fill: str) -> QPicture:
    """The furniture of a room of this kind and size, in room coordinates (0, 0 is its top left)."""
    picture = QPicture()
    inner = QRectF(MARGIN, TOP_BAND, width - 2 * MARGIN, height - TOP_BAND - MARGIN)
    painter = QPainter(picture)
    if inner.width() > 24 and inner.height() > 24:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(QColor(line), 1.0)
        pen.setCosmetic(True)  # one pixel at any zoom: thin lines, never heavy
        painter.setPen(pen)
        painter.setBrush(QColor(fill))
        _DRAW[kind](painter, inner)
        painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.end()
    return picture


__all__ = ["KIND_ICONS", "TOP_BAND", "furniture_picture"]
