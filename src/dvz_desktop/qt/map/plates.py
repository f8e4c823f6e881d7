"""Text on the plan at a fixed pixel size; here the room's name plate (``door_plate.py`` and ``seat_names.py``
hold the door's plate and the names under avatars).

These items ignore the view's scale (``ItemIgnoresTransformations``): whatever the zoom, a room name is
12 px bold and a person's name 11 px on screen. Each item is told how many pixels its room has on screen
(``set_zoom``) and fits its text into that: first the full name, then a short form, then cut with "…";
a plate never leaves its room.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from dvz_desktop.core.labels import (
    fit_text,
    owner_label_candidates,
    room_label_candidates,
)
from dvz_desktop.protocol import RoomKind

from ..icons import pixmap as icon_pixmap
from .furniture import KIND_ICONS
from .palette import ROOM_NAME_PX, SECONDARY_PX, MapPalette, font_px, qcolor

INSET = 4.0  # px between the wall and the plate
PAD_X, PAD_Y = 5.0, 2.0
ICON = 13.0
GAP = 4.0


class _Measure:
    """Text widths for one font, remembered (the same names are measured again and again)."""

    def __init__(self, font: QFont) -> None:
        self.font = font
        self.metrics = QFontMetricsF(font)
        self.height = self.metrics.height()
        self._cache: dict[str, float] = {}

    def __call__(self, text: str) -> float:
        width = self._cache.get(text)
        if width is None:
            if len(self._cache) > 20_000:
                self._cache.clear()
            width = self._cache[text] = self.metrics.horizontalAdvance(text)
        return width


_MEASURES: dict[tuple[int, bool], _Measure] = {}


def measure(pixels: int, bold: bool = False) -> _Measure:
    key = (pixels, bold)
    if key not in _MEASURES:
        _MEASURES[key] = _Measure(font_px(pixels, bold))
    return _MEASURES[key]


def _draw_icon(painter: QPainter, rect: QRectF, name: str, color: str) -> None:
    """A Lucide icon from the pixmap cache (rendering the SVG on every paint of 200 plates is too slow)."""
    ratio = max(painter.device().devicePixelRatioF(), 1.0) * 2
    painter.drawPixmap(rect, icon_pixmap(name, round(rect.width()), color, ratio), QRectF())


class RoomPlate(QGraphicsItem):
    """The name plate in the room's top left corner: symbol, name, head count; the owner of a personal
    office; the digital door's queue ("3 warten")."""

    def __init__(self, name: str, kind: RoomKind, owner: str, palette: MapPalette) -> None:
        super().__init__()
        self.name = name
        self.kind = kind
        self.owner = owner
        self.palette = palette
        self.count = 0
        self.waiting = ""
        self.room_px = (0.0, 0.0)
        #: What is drawn now (tests and screen readers read these): the name as shown, its pixel size.
        self.drawn_name = ""
        self.drawn_owner = ""
        self.name_px = ROOM_NAME_PX
        self._show_icon = True
        self._pill_icon = True
        #: The line the head count is on: 1 beside the name, 2 under it, 0 not shown (no room).
        self._pill_line = 1
        #: A long name wrapped onto two lines, or [] when it fits on one.
        self._name_lines: list[str] = []
        self._show_waiting = False
        #: The plate without its head count, drawn once per layout (see ``paint``).
        self._body: QPixmap | None = None
        self._body_ratio = 1.0
        self._pill_at: QPointF | None = None
        self._rect = QRectF()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setZValue(5)

    def set_room_px(self, width: float, height: float) -> None:
        if (round(width), round(height)) != tuple(round(v) for v in self.room_px):
            self.room_px = (width, height)
            self._relayout()

    def set_count(self, count: int) -> None:
        if count != self.count:
            # Only a count that changes its number of digits (or appears, or goes) moves anything.
            same_shape = bool(count) == bool(self.count) and len(str(count)) == len(str(self.count))
            self.count = count
            if same_shape:
                self.update()
            else:
                self._relayout()

    def set_waiting(self, text: str) -> None:
        if text != self.waiting:
            self.waiting = text
            self._relayout()

    def _pill_width(self, with_icon: bool | None = None) -> float:
        if not self.count:
            return 0.0
        with_icon = self._pill_icon if with_icon is None else with_icon
        return (ICON - 1 if with_icon else 0) + measure(SECONDARY_PX, True)(str(self.count)) + 2 * 4

    def _choose_first_line(self, width: float) -> None:
        """Name, symbol and head count in the first line, giving way in this order: the symbol, the
        symbol in the count, the count's place (it moves to the second line), the long form of the
        name; only then is the name cut with "…"."""
        names = measure(self.name_px, True)
        candidates = room_label_candidates(self.name)
        inner = width - 2 * PAD_X
        self._name_lines = []
        variants = [(True, True, 1), (False, True, 1), (False, False, 1), (True, True, 2), (False, True, 2)]
        for text in candidates:
            for icon_on, pill_icon, pill_line in variants:
                pill = self._pill_width(pill_icon) if pill_line == 1 else 0.0
                need = (ICON + GAP if icon_on else 0) + names(text) + (GAP + pill if pill else 0)
                if need <= inner:
                    self._show_icon, self._pill_icon, self._pill_line, self.drawn_name = \
                        icon_on, pill_icon, pill_line, text
                    return
        # A long name wraps onto a second line at a space before it is cut.
        pill = self._pill_width(False)
        for text in candidates:
            words = text.split()
            for cut in range(len(words) - 1, 0, -1):
                first, second = " ".join(words[:cut]), " ".join(words[cut:])
                if names(first) + (GAP + pill if pill else 0) <= inner and names(second) <= inner:
                    self._show_icon, self._pill_icon, self._pill_line = False, False, 1
                    self.drawn_name, self._name_lines = text, [first, second]
                    return
        self._show_icon, self._pill_icon, self._pill_line = False, False, 1
        self.drawn_name = fit_text(candidates, inner - (GAP + pill if pill else 0), names)

    def _relayout(self) -> None:
        self.prepareGeometryChange()
        self._body = None
        width = self.room_px[0] - 2 * INSET
        height = self.room_px[1] - 2 * INSET
        names = measure(self.name_px, True)
        secondary = measure(SECONDARY_PX)
        self._choose_first_line(width)
        name = self.drawn_name
        pill = self._pill_width()
        first_w = (ICON + GAP if self._show_icon and name else 0) + names(self._name_lines[0] if self._name_lines
                                                                           else name)
        if self._pill_line == 1 and pill:
            first_w += (GAP if name else 0) + pill
        used_w, total_h = first_w, names.height + 2 * PAD_Y
        if self._name_lines:
            used_w = max(used_w, names(self._name_lines[1]))
            total_h += names.height
        self.drawn_owner = ""
        second_w = pill + GAP if self._pill_line == 2 and pill else 0.0
        if (self.owner or second_w) and total_h + secondary.height <= height:
            if self.owner:  # the owner's name in full or as on a door sign, never a cut stub
                candidates = owner_label_candidates(self.owner)
                fitted = fit_text(candidates, width - 2 * PAD_X - second_w, secondary)
                self.drawn_owner = fitted if fitted in candidates else ""
            used_w = max(used_w, second_w + secondary(self.drawn_owner))
            total_h += max(secondary.height, 15.0)
        elif self._pill_line == 2:
            self._pill_line = 0  # no second line: the count is in the tooltip and the screen reader text
        self._show_waiting = bool(self.waiting) and total_h + secondary.height + 4 <= height
        if self._show_waiting:
            used_w = max(used_w, measure(SECONDARY_PX, True)(self.waiting) + 2 * 6)
            total_h += secondary.height + 4
        if not name and not (pill and self._pill_line == 1):
            self._rect = QRectF()
        else:
            self._rect = QRectF(INSET, INSET, min(used_w + 2 * PAD_X, max(width, 0.0)), total_h + PAD_Y)
        self.update()

    @property
    def bottom_px(self) -> float:
        """How far below the room's top edge the plate reaches, in pixels (0 when nothing is drawn)."""
        return self._rect.bottom() if not self._rect.isEmpty() else 0.0

    def name_rect(self) -> QRectF:
        """Where the name is drawn, in the plate's pixel coordinates (for tests and focus)."""
        if not self.drawn_name:
            return QRectF()
        names = measure(self.name_px, True)
        left = self._rect.left() + PAD_X + (ICON + GAP if self._show_icon else 0)
        if self._name_lines:
            return QRectF(left, self._rect.top() + PAD_Y, max(names(t) for t in self._name_lines), 2 * names.height)
        return QRectF(left, self._rect.top() + PAD_Y, names(self.drawn_name), names.height)

    def boundingRect(self) -> QRectF:
        return self._rect.adjusted(-1, -1, 1, 1)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        """The plate is a picture drawn once per layout; only the head count is put on it each time
        (from a small cache), so a room whose count changes costs two blits."""
        if self._rect.isEmpty():
            return
        ratio = max(painter.device().devicePixelRatioF(), 1.0)
        if self._body is None or self._body_ratio != ratio:
            body = QPixmap(max(1, round((self._rect.width() + 2) * ratio)),
                           max(1, round((self._rect.height() + 2) * ratio)))
            body.setDevicePixelRatio(ratio)
            body.fill(Qt.GlobalColor.transparent)
            body_painter = QPainter(body)
            body_painter.translate(1 - self._rect.left(), 1 - self._rect.top())
            self._paint_body(body_painter)
            body_painter.end()
            self._body, self._body_ratio = body, ratio
        painter.drawPixmap(QPointF(self._rect.left() - 1, self._rect.top() - 1), self._body)
        if self.count and self._pill_at is not None:
            painter.drawPixmap(self._pill_at, _pill_pixmap(self.count, self._pill_icon, self.palette, ratio))

    def _paint_body(self, painter: QPainter) -> None:
        palette = self.palette
        self._pill_at = None
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor(palette.plate_border), 1))
        painter.setBrush(qcolor(palette.plate, 238))
        painter.drawRoundedRect(self._rect, 4, 4)
        names = measure(self.name_px, True)
        x = self._rect.left() + PAD_X
        y = self._rect.top() + PAD_Y
        if self._show_icon and self.drawn_name:
            _draw_icon(painter, QRectF(x, y + (names.height - ICON) / 2, ICON, ICON), KIND_ICONS[self.kind],
                       palette.kind_icon)
            x += ICON + GAP
        painter.setPen(QColor(palette.text))
        lines = self._name_lines or ([self.drawn_name] if self.drawn_name else [])
        painter.setFont(names.font)
        if lines:
            painter.drawText(QRectF(x, y, names(lines[0]) + 1, names.height),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, lines[0])
            x += names(lines[0]) + GAP
        if self.count and self._pill_line == 1:
            self._pill_at = QPointF(x, y + (names.height - 15) / 2)
        y += names.height
        if len(lines) > 1:
            painter.setFont(names.font)
            painter.setPen(QColor(palette.text))
            painter.drawText(QRectF(self._rect.left() + PAD_X, y, names(lines[1]) + 1, names.height),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, lines[1])
            y += names.height
        secondary = measure(SECONDARY_PX)
        x = self._rect.left() + PAD_X
        if self.count and self._pill_line == 2:
            self._pill_at = QPointF(x, y + (max(secondary.height, 15.0) - 15) / 2)
            x += self._pill_width() + GAP
        if self.drawn_owner:
            painter.setFont(secondary.font)
            painter.setPen(QColor(palette.text_secondary))
            painter.drawText(QRectF(x, y, self._rect.right() - PAD_X - x, max(secondary.height, 15.0)),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, self.drawn_owner)
        if self.drawn_owner or (self.count and self._pill_line == 2):
            y += max(secondary.height, 15.0)
        if self._show_waiting:
            bold = measure(SECONDARY_PX, True)
            badge = QRectF(self._rect.left() + PAD_X, y + 2, bold(self.waiting) + 12, secondary.height)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(palette.waiting))
            painter.drawRoundedRect(badge, badge.height() / 2, badge.height() / 2)
            painter.setPen(QColor("#1f2933"))
            painter.setFont(bold.font)
            painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, self.waiting)



def _pill_pixmap(count: int, with_icon: bool, palette: MapPalette, ratio: float) -> QPixmap:
    """The head count on a plate: a grey pill with a person symbol and the number."""
    key = (count, with_icon, palette.pill, palette.text, ratio)
    cached = _PILLS.get(key)
    if cached is not None:
        return cached
    bold = measure(SECONDARY_PX, True)
    text = str(count)
    width = (ICON - 1 if with_icon else 0) + bold(text) + 2 * 4
    result = QPixmap(max(1, round(width * ratio)), round(15 * ratio))
    result.setDevicePixelRatio(ratio)
    result.fill(Qt.GlobalColor.transparent)
    painter = QPainter(result)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(palette.pill))
    painter.drawRoundedRect(QRectF(0, 0, width, 15), 7.5, 7.5)
    left = 4.0
    if with_icon:
        _draw_icon(painter, QRectF(left, 2.5, ICON - 3, ICON - 3), "user-round", palette.text_secondary)
        left += ICON - 1
    painter.setPen(QColor(palette.text))
    painter.setFont(bold.font)
    painter.drawText(QRectF(left, 0, bold(text) + 2, 15), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                     text)
    painter.end()
    if len(_PILLS) > 4000:
        _PILLS.clear()
    _PILLS[key] = result
    return result


_PILLS: dict[tuple[int, bool, str, str, float], QPixmap] = {}



__all__ = ["INSET", "RoomPlate", "measure"]
