"""Paints one person of the people list: avatar with status badge, name, unread count, and a second line
with status, room and note. Status is the badge's symbol and the word, never the colour alone."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPixmap, QPixmapCache
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from ..avatar import paint_avatar
from ..icons import paint_icon
from ..shell import theme
from .model import COFFEE, DETAIL, STATUS, UNIT, UNREAD

AVATAR = 32
PAD = 8
#: Room around the avatar's picture for the status badge, which reaches beyond the disc.
MARGIN = 4


def avatar_picture(name: str, status: object, outline: str, device_ratio: float) -> QPixmap:
    """The avatar with its status badge as a picture, drawn once per look and kept in Qt's pixmap cache:
    the badge's symbol is an SVG, too slow to render again for every row of every repaint and scroll."""
    key = f"dvz-person-row|{name}|{getattr(status, 'value', status)}|{outline}|{device_ratio}"
    cached = QPixmap()
    if QPixmapCache.find(key, cached):
        return cached
    size = AVATAR + 2 * MARGIN
    picture = QPixmap(round(size * device_ratio), round(size * device_ratio))
    picture.setDevicePixelRatio(device_ratio)
    picture.fill(Qt.GlobalColor.transparent)
    painter = QPainter(picture)
    paint_avatar(painter, QRectF(MARGIN, MARGIN, AVATAR, AVATAR), name, status, outline=outline)  # type: ignore[arg-type]
    painter.end()
    QPixmapCache.insert(key, picture)
    return picture


class PersonDelegate(QStyledItemDelegate):
    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:  # noqa: N802
        metrics = QFontMetrics(option.font)
        return QSize(200, max(AVATAR, 2 * metrics.height() + 2) + 2 * PAD - 4)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        t = theme.current()
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(option.rect).adjusted(4, 1, -4, -1)  # type: ignore[attr-defined]
        state = option.state  # type: ignore[attr-defined]
        if state & QStyle.StateFlag.State_Selected:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(t.accent_soft))
            painter.drawRoundedRect(rect, 6, 6)
        elif state & QStyle.StateFlag.State_MouseOver:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(t.surface_alt))
            painter.drawRoundedRect(rect, 6, 6)
        name = index.data(Qt.ItemDataRole.DisplayRole) or ""
        avatar = QRectF(rect.left() + PAD, rect.center().y() - AVATAR / 2, AVATAR, AVATAR)
        ratio = painter.device().devicePixelRatioF() if painter.device() is not None else 1.0
        painter.drawPixmap(avatar.topLeft() - QPointF(MARGIN, MARGIN),
                           avatar_picture(name, index.data(STATUS), t.surface, ratio))
        text_left = avatar.right() + 10
        right = rect.right() - PAD
        unread = int(index.data(UNREAD) or 0)
        font: QFont = QFont(option.font)  # type: ignore[attr-defined]
        bold = QFont(font)
        bold.setWeight(QFont.Weight.DemiBold)
        metrics, bold_metrics = QFontMetrics(font), QFontMetrics(bold)
        line_h = metrics.height()
        top = rect.center().y() - line_h - 1
        if unread:
            pill = str(unread) if unread < 100 else "99+"
            width = max(20.0, bold_metrics.horizontalAdvance(pill) + 12.0)
            pill_rect = QRectF(right - width, top + 1, width, line_h - 2)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(t.accent))
            painter.drawRoundedRect(pill_rect, pill_rect.height() / 2, pill_rect.height() / 2)
            painter.setFont(bold)
            painter.setPen(QColor(t.on_accent))
            painter.drawText(pill_rect, int(Qt.AlignmentFlag.AlignCenter), pill)
            right = pill_rect.left() - 6
        if index.data(COFFEE):
            cup = QRectF(right - 16, top + (line_h - 16) / 2, 16, 16)
            paint_icon(painter, cup, "coffee", t.text_muted)
            right = cup.left() - 4
        painter.setFont(bold)
        painter.setPen(QColor(t.text))
        shown = bold_metrics.elidedText(name, Qt.TextElideMode.ElideRight, int(right - text_left))
        painter.drawText(QRectF(text_left, top, right - text_left, line_h),
                         int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), shown)
        unit_left = text_left + bold_metrics.horizontalAdvance(shown) + 8
        unit = index.data(UNIT) or ""
        if unit and right - unit_left > 40:
            painter.setFont(font)
            painter.setPen(QColor(t.text_muted))
            painter.drawText(QRectF(unit_left, top, right - unit_left, line_h),
                             int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                             metrics.elidedText(unit, Qt.TextElideMode.ElideRight, int(right - unit_left)))
        detail = index.data(DETAIL) or ""
        painter.setFont(font)
        painter.setPen(QColor(t.text_muted))
        width = int(rect.right() - PAD - text_left)
        painter.drawText(QRectF(text_left, top + line_h + 2, width, line_h),
                         int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                         metrics.elidedText(detail, Qt.TextElideMode.ElideRight, width))
        painter.restore()
