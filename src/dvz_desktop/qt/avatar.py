"""A person's avatar: a round photo or initials on their colour, with the status badge at the lower right."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPixmap

from dvz_desktop.core.avatars import avatar_color, initials
from dvz_desktop.protocol import Status

from .status_badge import paint_status_badge


def paint_avatar(painter: QPainter, rect: QRectF, display_name: str, status: Status | None = None,
                 photo: QPixmap | None = None, outline: str = "#ffffff") -> None:
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    if photo is not None and not photo.isNull():
        clip = QPainterPath()
        clip.addEllipse(rect)
        painter.setClipPath(clip)
        painter.drawPixmap(rect.toRect(), photo)
        painter.setClipping(False)
    else:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(avatar_color(display_name)))
        painter.drawEllipse(rect)
        font = QFont(painter.font())
        font.setPixelSize(max(8, round(rect.height() * 0.38)))
        font.setWeight(QFont.Weight.DemiBold)
        painter.setFont(font)
        painter.setPen(QColor("#ffffff"))
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), initials(display_name))
    if status is not None:
        badge = max(10.0, rect.width() * 0.42)
        center = QPointF(rect.right() - badge / 2 + 2, rect.bottom() - badge / 2 + 2)
        paint_status_badge(painter, center, badge, status, outline)
    painter.restore()
