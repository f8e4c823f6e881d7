"""One person in a call: their picture, or their avatar when the camera is off — never a black box — with
the name on a plate, a crossed-out microphone when muted, a ring while they speak, and a raised hand
with its place in the queue.

Frames are converted to images at most ~15 times a second per tile, so the one loop stays free. Names
are painted as text (never interpreted as markup).
"""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QImage,
    QPainter,
    QPainterPath,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from dvz_desktop.protocol import Status

from ..avatar import paint_avatar
from ..icons import paint_icon
from ..shell import theme
from ..status_badge import paint_status_badge

MIN_FRAME_INTERVAL = 1 / 15
TILE_BACKGROUND = "#1e2731"
PLATE = QColor(0, 0, 0, 150)


class VideoTile(QWidget):
    def __init__(self, name: str, parent: QWidget | None = None, avatar_name: str = "") -> None:
        super().__init__(parent)
        self.name = name
        #: Whose initials the avatar shows ("Sie" is labelled, but shows my own initials).
        self.avatar_name = avatar_name or name
        self.setAccessibleName(name)
        self.setMinimumSize(160, 100)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.frames_shown = 0
        self._last = 0.0
        self._image: QImage | None = None
        self.video = False
        self.audio = True
        self.speaking = False
        self.status: Status | None = None
        #: The raised hand's place among all raised hands (1 = first), or None.
        self.hand: int | None = None
        self._describe()

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt name)
        return QSize(320, 200)

    # --- what the tile shows ---

    def show_frame(self, frame: Any) -> None:
        now = time.monotonic()
        if now - self._last < MIN_FRAME_INTERVAL:
            return
        self._last = now
        picture = frame.to_ndarray(format="rgb24")
        height, width, _ = picture.shape
        self._image = QImage(picture.data, width, height, 3 * width, QImage.Format.Format_RGB888).copy()
        self.frames_shown += 1
        self.update()

    def set_state(self, audio: bool, video: bool, speaking: bool, status: Status | None = None) -> None:
        changed = (audio, video, speaking, status) != (self.audio, self.video, self.speaking, self.status)
        self.audio, self.video, self.speaking, self.status = audio, video, speaking, status
        if not video:
            self._image = None  # the camera went off: the avatar, not the last frozen picture
        if changed:
            self._describe()
            self.update()

    def _describe(self) -> None:
        """What a screen reader says about the tile (everything the picture shows)."""
        description = self.name
        if not self.audio:
            description += ", " + self.tr("Mikrofon aus")
        if not self.video:
            description += ", " + self.tr("Kamera aus")
        if self.speaking:
            description += ", " + self.tr("spricht")
        if self.hand is not None:
            description += ", " + self.tr("Hand gehoben (%1.)").replace("%1", str(self.hand))
        self.setAccessibleDescription(description)

    def set_hand(self, place: int | None) -> None:
        if place != self.hand:
            self.hand = place
            self._describe()
            self.update()

    def has_picture(self) -> bool:
        return self._image is not None

    # --- painting ---

    def paintEvent(self, _event: object) -> None:  # noqa: N802 (Qt name)
        t = theme.current()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        rect = QRectF(self.rect()).adjusted(2, 2, -2, -2)
        clip = QPainterPath()
        clip.addRoundedRect(rect, 10, 10)
        painter.setClipPath(clip)
        painter.fillRect(rect, QColor(TILE_BACKGROUND))
        if self._image is not None:
            scaled = self._image.size().scaled(rect.size().toSize(), Qt.AspectRatioMode.KeepAspectRatio)
            target = QRectF(rect.center().x() - scaled.width() / 2, rect.center().y() - scaled.height() / 2,
                            scaled.width(), scaled.height())
            painter.drawImage(target, self._image)
        else:
            size = max(40.0, min(rect.width(), rect.height()) * 0.42)
            avatar = QRectF(rect.center().x() - size / 2, rect.center().y() - size / 2 - 10, size, size)
            paint_avatar(painter, avatar, self.avatar_name, None)
        painter.setClipping(False)
        self._paint_plate(painter, rect)
        if self.hand is not None:
            self._paint_hand(painter, rect)
        if self.speaking:
            painter.setPen(QPen(QColor(t.accent if t.high_contrast else "#4caf50"), 4))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect.adjusted(1, 1, -1, -1), 10, 10)
        painter.end()

    def _paint_plate(self, painter: QPainter, rect: QRectF) -> None:
        font = QFont(self.font())
        font.setWeight(QFont.Weight.DemiBold)
        metrics = QFontMetrics(font)
        icon = 16 if not self.audio else 0
        badge = 14 if self.status is not None else 0
        width = min(rect.width() - 16, metrics.horizontalAdvance(self.name) + 20 + icon + badge + (6 if icon else 0)
                    + (6 if badge else 0))
        plate = QRectF(rect.left() + 8, rect.bottom() - 8 - (metrics.height() + 8), width, metrics.height() + 8)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(PLATE)
        painter.drawRoundedRect(plate, 6, 6)
        x = plate.left() + 8
        if self.status is not None:
            paint_status_badge(painter, QPointF(x + badge / 2, plate.center().y()), badge, self.status, "#000000")
            x += badge + 6
        if icon:
            paint_icon(painter, QRectF(x, plate.center().y() - icon / 2, icon, icon), "mic-off", "#ff8a80")
            x += icon + 6
        painter.setFont(font)
        painter.setPen(QColor("#ffffff"))
        text_rect = QRectF(x, plate.top(), plate.right() - x - 6, plate.height())
        painter.drawText(text_rect, int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
                         metrics.elidedText(self.name, Qt.TextElideMode.ElideRight, int(text_rect.width())))

    def _paint_hand(self, painter: QPainter, rect: QRectF) -> None:
        """A raised hand at the upper left, with its place: symbol and number, not colour alone."""
        font = QFont(self.font())
        font.setWeight(QFont.Weight.DemiBold)
        metrics = QFontMetrics(font)
        text = str(self.hand)
        plate = QRectF(rect.left() + 8, rect.top() + 8, 16 + 6 + metrics.horizontalAdvance(text) + 16,
                       metrics.height() + 8)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#f59e0b"))
        painter.drawRoundedRect(plate, 6, 6)
        paint_icon(painter, QRectF(plate.left() + 8, plate.center().y() - 8, 16, 16), "hand", "#1f2937")
        painter.setFont(font)
        painter.setPen(QColor("#1f2937"))
        painter.drawText(QRectF(plate.left() + 30, plate.top(), plate.width() - 34, plate.height()),
                         int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft), text)
