"""People on the plan: round avatars with initials on their own accent colour and a status badge.

An avatar is a plain pixmap item: its geometry and painting stay in C++, so thousands cost a blit each
and no Python call per frame. Pictures are drawn once per look (initials, colour, status, coffee,
speaking, me) and shared by everyone who looks the same. Zoomed out, the avatar becomes the person's
status badge (colour and symbol); further out the room's plate only counts heads (``map_detail``).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath, QPen, QPixmap
from PySide6.QtWidgets import QGraphicsPixmapItem

from dvz_desktop.core.labels import avatar_color
from dvz_desktop.core.map_detail import PeopleLook
from dvz_desktop.core.office import initials
from dvz_desktop.protocol import Person, Presence, Status

from ..icons import paint_icon
from ..labels import status_label
from ..status_badge import paint_status_badge
from .palette import ACCENT

AVATAR_DIAMETER = 32.0
AVATAR_RADIUS = AVATAR_DIAMETER / 2
#: Room around the disc for my ring and the speaking ring.
PAD = 5.0
#: Pictures are drawn at the zoom they are shown at (device pixels per plan unit), so thousands of
#: avatars are plain 1:1 blits; while the zoom changes they are scaled until it settles (see the scene).
MIN_SHARPNESS, MAX_SHARPNESS = 0.25, 4.0


def sharpness_for(zoom: float, device_ratio: float = 1.0) -> float:
    return round(max(MIN_SHARPNESS, min(MAX_SHARPNESS, zoom * device_ratio)), 4)


def forget_pictures_except(sharpness: float) -> None:
    """Drop pictures drawn for other zoom levels (the cache holds one zoom's worth)."""
    for key in [k for k in _PIXMAPS if k[7] != sharpness]:
        del _PIXMAPS[key]


SPEAKING = "#0096d6"
COFFEE = "#6d4c41"

_LookKey = tuple[str, str, Status, bool, bool, bool, PeopleLook, float, str]
_PIXMAPS: dict[_LookKey, QPixmap] = {}


def _initials_font_px(diameter: float) -> float:
    return diameter * 0.40


def avatar_pixmap(initials_text: str, color: str, status: Status, is_me: bool, look: PeopleLook,
                  coffee: bool = False, speaking: bool = False, sharpness: float = 2.0,
                  photo: QImage | None = None, photo_key: str = "") -> QPixmap:
    """The picture of an avatar. With a ``photo`` (and its ``photo_key``: person and version) the
    portrait fills the disc instead of the initials."""
    key = (initials_text, color, status, is_me, coffee, speaking, look, sharpness, photo_key if photo else "")
    cached = _PIXMAPS.get(key)
    if cached is not None:
        return cached
    size = AVATAR_DIAMETER + 2 * PAD
    device = round(size * sharpness)
    pixmap = QPixmap(device, device)
    pixmap.setDevicePixelRatio(device / size)  # exactly the logical size, whatever the rounding
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    center = QPointF(size / 2, size / 2)
    r = AVATAR_RADIUS
    disc = QRectF(center.x() - r, center.y() - r, 2 * r, 2 * r)
    if look is PeopleLook.BADGES:
        paint_status_badge(painter, center, 2 * r - 2, status)
    else:
        painter.setPen(QPen(QColor("#ffffff"), 1.5))
        painter.setBrush(QColor(color))
        painter.drawEllipse(disc.adjusted(0.75, 0.75, -0.75, -0.75))
        font = painter.font()
        font.setPixelSize(max(1, round(_initials_font_px(2 * r))))
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor("#ffffff"))
        painter.drawText(disc, Qt.AlignmentFlag.AlignCenter, initials_text)
        if photo is not None and not photo.isNull():  # the portrait, cropped round over the initials
            path = QPainterPath()
            path.addEllipse(disc.adjusted(1.5, 1.5, -1.5, -1.5))
            painter.save()
            painter.setClipPath(path)
            side = min(photo.width(), photo.height())
            source = QRectF((photo.width() - side) / 2, (photo.height() - side) / 3, side, side)
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            painter.drawImage(disc, photo, source)
            painter.restore()
        badge = 2 * r * 0.44
        paint_status_badge(painter, QPointF(center.x() + r * 0.70, center.y() + r * 0.70), badge, status)
    if is_me:  # me: a ring in the accent colour with a white gap, seen at a glance
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(QColor(ACCENT), 2.2))
        painter.drawEllipse(disc.adjusted(-3, -3, 3, 3))
    if speaking:  # talking in the call: a bright outer ring
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(QColor(SPEAKING), 2.6))
        painter.drawEllipse(disc.adjusted(-3.6 if not is_me else -4.8, -3.6 if not is_me else -4.8,
                                          3.6 if not is_me else 4.8, 3.6 if not is_me else 4.8))
    if coffee:  # "Lust auf Kaffee": a cup on a white disc at the upper right
        cup = 2 * r * 0.42
        cup_center = QPointF(center.x() + r * 0.74, center.y() - r * 0.74)
        painter.setPen(QPen(QColor(COFFEE), 1.0))
        painter.setBrush(QColor("#ffffff"))
        painter.drawEllipse(cup_center, cup / 2 + 1, cup / 2 + 1)
        paint_icon(painter, QRectF(cup_center.x() - cup * 0.36, cup_center.y() - cup * 0.36, cup * 0.72, cup * 0.72),
                   "coffee", COFFEE, stroke_width=2.6)
    painter.end()
    _PIXMAPS[key] = pixmap
    return pixmap


class AvatarItem(QGraphicsPixmapItem):
    """A person. The item's position is the avatar's centre; the scene knows its room (``room_of``)."""

    def __init__(self, person: Person, presence: Presence, is_me: bool = False,
                 look: PeopleLook = PeopleLook.AVATARS, sharpness: float = 2.0) -> None:
        super().__init__()
        self.sharpness = sharpness
        self.person = person
        self.presence = presence
        self.is_me = is_me
        self.look = look
        self.speaking = False
        self._initials = initials(person.display_name)
        self._color = avatar_color(person.id)
        half = AVATAR_RADIUS + PAD
        self.setOffset(-half, -half)
        # Drawn 1:1 once the zoom settles; fast scaling in between keeps zooming smooth.
        self.setTransformationMode(Qt.TransformationMode.FastTransformation)
        self.setShapeMode(QGraphicsPixmapItem.ShapeMode.BoundingRectShape)
        self.setZValue(3 if is_me else 2)
        self.setVisible(look is not PeopleLook.COUNTS)
        #: The portrait (and its version) when one is known; else initials.
        self.photo: QImage | None = None
        self.photo_version = ""
        self._refresh_picture()
        self._update_tooltip()

    def set_photo(self, version: str, image: QImage | None) -> None:
        if version != self.photo_version or (image is None) != (self.photo is None):
            self.photo_version, self.photo = version, image
            self._refresh_picture()

    @property
    def detailed(self) -> bool:
        return self.look is PeopleLook.AVATARS

    def set_presence(self, presence: Presence) -> None:
        # Only status, coffee and note change the picture or tooltip; comparing just those is several times
        # cheaper than pydantic's ``==`` for each of hundreds of people walking per update.
        if presence is not self.presence:
            old = self.presence
            self.presence = presence
            looks_changed = (presence.status, presence.coffee) != (old.status, old.coffee)
            if looks_changed or presence.note != old.note:  # a walk to another room changes neither
                self._update_tooltip()
            if looks_changed:
                self._refresh_picture()

    def set_look(self, look: PeopleLook, sharpness: float | None = None) -> None:
        sharpness = self.sharpness if sharpness is None else sharpness
        if (look, sharpness) != (self.look, self.sharpness):
            self.look, self.sharpness = look, sharpness
            self.setVisible(look is not PeopleLook.COUNTS)
            if look is not PeopleLook.COUNTS:
                self._refresh_picture()

    def set_speaking(self, speaking: bool) -> None:
        if speaking != self.speaking:
            self.speaking = speaking
            self._update_tooltip()
            self._refresh_picture()

    def _refresh_picture(self) -> None:
        if self.look is PeopleLook.COUNTS:
            return  # hidden; drawn when it shows again
        self.setPixmap(avatar_pixmap(self._initials, self._color, self.presence.status, self.is_me, self.look,
                                     self.presence.coffee, self.speaking, self.sharpness, self.photo,
                                     f"{self.person.id}@{self.photo_version}"))

    def _update_tooltip(self) -> None:
        parts = [self.person.display_name]
        if self.is_me:
            parts[0] = QCoreApplication.translate("OfficeMap", "%1 (Sie)").replace("%1", self.person.display_name)
        if self.person.unit:
            parts.append(self.person.unit)
        parts.append(status_label(self.presence.status))
        if self.presence.note:
            parts.append(f"„{self.presence.note}“")
        if self.presence.coffee:
            parts.append(QCoreApplication.translate("OfficeMap", "Lust auf Kaffee"))
        if self.speaking:
            parts.append(QCoreApplication.translate("OfficeMap", "spricht gerade"))
        self.setToolTip("\n".join(parts))


__all__ = ["AVATAR_DIAMETER", "AVATAR_RADIUS", "AvatarItem", "avatar_pixmap", "forget_pictures_except",
           "sharpness_for"]
