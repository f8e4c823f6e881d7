"""The status badge: colour *and* symbol, so status reads without colour (visual brief, BITV).

One drawing for every place a status shows (map avatars, people list, tree, status menu, tray, tiles).
"""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap

from dvz_desktop.protocol import Status

from .icons import paint_icon
from .labels import STATUS_COLORS

#: The Lucide glyph drawn in each status's disc; offline is a hollow ring without a glyph.
STATUS_SYMBOLS: dict[Status, str | None] = {
    Status.AVAILABLE: "check",
    Status.BUSY: "minus",
    Status.DO_NOT_DISTURB: "ban",
    Status.IN_MEETING: "clock",
    Status.AWAY: "moon",
    Status.OFFLINE: None,
}


def paint_status_badge(painter: QPainter, center: QPointF, diameter: float, status: Status,
                       outline: str = "#ffffff") -> None:
    """A filled disc in the status colour with a white symbol; offline is a grey ring."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    radius = diameter / 2
    rect = QRectF(center.x() - radius, center.y() - radius, diameter, diameter)
    color = QColor(STATUS_COLORS[status])
    ring = max(1.0, diameter / 9)
    if status is Status.OFFLINE:
        painter.setPen(QPen(QColor(outline), ring))
        painter.setBrush(QColor(outline))
        painter.drawEllipse(rect)
        inner = rect.adjusted(ring * 1.2, ring * 1.2, -ring * 1.2, -ring * 1.2)
        painter.setPen(QPen(color, max(1.5, diameter / 6)))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(inner.adjusted(diameter / 12, diameter / 12, -diameter / 12, -diameter / 12))
    else:
        painter.setPen(QPen(QColor(outline), ring))
        painter.setBrush(color)
        painter.drawEllipse(rect)
        symbol = STATUS_SYMBOLS[status]
        if symbol:
            glyph = diameter * 0.62
            paint_icon(painter, QRectF(center.x() - glyph / 2, center.y() - glyph / 2, glyph, glyph), symbol,
                       "#ffffff", stroke_width=3.2 if diameter < 18 else 2.6)
    painter.restore()


@lru_cache(maxsize=64)
def status_pixmap(status: Status, size: int = 16, ratio: float = 1.0) -> QPixmap:
    device = max(1, round(size * ratio))
    result = QPixmap(device, device)
    result.fill(Qt.GlobalColor.transparent)
    painter = QPainter(result)
    paint_status_badge(painter, QPointF(device / 2, device / 2), device - 1, status)
    painter.end()
    result.setDevicePixelRatio(ratio)
    return result


def status_icon(status: Status, size: int = 16) -> QIcon:
    result = QIcon()
    for px in {size, 16, 20, 24, 32}:
        result.addPixmap(status_pixmap(status, px))
    return result
