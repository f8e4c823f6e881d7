"""The names under the avatars of a room ("Anna S."), 11 px at every zoom, fitted to the space each has."""

from __future__ import annotations

from collections.abc import Callable
from itertools import groupby

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPixmap
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from dvz_desktop.core.contrast import readable_on
from dvz_desktop.core.labels import fit_row, fit_text

from .palette import PERSON_NAME_PX, MapPalette, qcolor
from .plates import measure


def _label_pixmap(text: str, is_me: bool, palette: MapPalette) -> QPixmap:
    """A person's name plate, drawn once per text and look."""
    key = (text, is_me, palette.plate, palette.accent, palette.text)
    cached = _LABELS.get(key)
    if cached is not None:
        return cached
    font = measure(PERSON_NAME_PX)
    ratio = 2.0
    width, height = font(text) + 8, font.height
    result = QPixmap(max(1, round(width * ratio)), max(1, round(height * ratio)))
    result.setDevicePixelRatio(ratio)
    result.fill(Qt.GlobalColor.transparent)
    painter = QPainter(result)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(palette.accent) if is_me else qcolor(palette.plate, 225))
    rect = QRectF(0, 0, width, height)
    painter.drawRoundedRect(rect, 3, 3)
    painter.setFont(font.font)
    painter.setPen(QColor(readable_on(QColor(palette.accent).name())) if is_me else QColor(palette.text))
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
    painter.end()
    if len(_LABELS) > 20_000:
        _LABELS.clear()
    _LABELS[key] = result
    return result


_LABELS: dict[tuple[str, bool, str, str, str], QPixmap] = {}


#: How far the status badge reaches below the avatar's disc (plan units).
BADGE_OVERHANG = 3.0

_FITTED: dict[tuple[tuple[str, ...], int], str] = {}


def _fit_cached(candidates: tuple[str, ...], width: float, font: Callable[[str], float]) -> str:
    """``fit_text`` for person names, remembered per name and whole pixel of width."""
    key = (candidates, int(width))
    text = _FITTED.get(key)
    if text is None:
        if len(_FITTED) > 50_000:
            _FITTED.clear()
        text = _FITTED[key] = fit_text(candidates, int(width), font)
    return text


class SeatNames(QGraphicsItem):
    """The names under the avatars of one room ("Anna S."), fitted to the width of a seat."""

    def __init__(self, palette: MapPalette, avatar_radius: float, cell_width: float,
                 entries: Callable[[], list[tuple[float, float, tuple[str, ...], bool]]] | None = None) -> None:
        super().__init__()
        self.palette = palette
        #: Where the entries come from: asked only when the names are drawn, so people moving in rooms
        #: nobody looks at cost nothing here.
        self._source = entries
        self._dirty = entries is not None
        self.radius = avatar_radius
        self.cell_width = cell_width
        self.zoom = 1.0
        self.room_size = (0.0, 0.0)
        #: (seat x, seat y relative to the room, label candidates, is me), in seat order.
        self.entries: list[tuple[float, float, tuple[str, ...], bool]] = []
        self._laid_out: list[tuple[QRectF, str, bool]] | None = None
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        # No item cache: painting is a blit of ready name plates, cheaper than refreshing a room-sized cache.
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setZValue(1.5)

    def set_entries(self, entries: list[tuple[float, float, tuple[str, ...], bool]]) -> None:
        self.entries = entries
        self._dirty = False
        self._laid_out = None
        self.update()

    def invalidate(self) -> None:
        """Someone came or went: fetch the entries again the next time the names are drawn."""
        if self._source is not None:
            self._dirty = True
            self._laid_out = None
            self.update()

    def current_entries(self) -> list[tuple[float, float, tuple[str, ...], bool]]:
        if self._dirty and self._source is not None:
            self.entries = self._source()
            self._dirty = False
        return self.entries

    def set_geometry(self, zoom: float, room_w: float, room_h: float) -> None:
        if (zoom, room_w, room_h) != (self.zoom, *self.room_size):
            self.prepareGeometryChange()
            self.zoom = zoom
            self.room_size = (room_w, room_h)
            self._laid_out = None

    def labels(self) -> list[tuple[QRectF, str, bool]]:
        """Each name as drawn: its pixel rectangle relative to the room's top left, its text, whether it
        is mine. The names of a row share its width (core.labels.fit_row): someone alone in an office
        gets their full short name, and at a table every name gets a form before any gets a longer one."""
        if self._laid_out is not None and not self._dirty:
            return self._laid_out
        font = measure(PERSON_NAME_PX)
        zoom, room_w, height = self.zoom, self.room_size[0], font.height
        result = []
        # Entries come in seat order: row by row, left to right, so a row is a run of equal y.
        for y, run in groupby(self.current_entries(), key=lambda e: e[1]):
            row = list(run)
            top = (y + self.radius + BADGE_OVERHANG) * zoom + 1  # below the status badge, too
            last = len(row) - 1
            spans = [(((row[i - 1][0] + x) / 2 if i else 4.0) * zoom + 2,
                      ((x + row[i + 1][0]) / 2 if i < last else room_w - 4.0) * zoom - 2)
                     for i, (x, *_rest) in enumerate(row)]
            # Names as long as the row allows, each near its seat ("Jens", "Stefan", "Uwe" side by side)…
            fitted = fit_row([x * zoom for x, *_rest in row], [e[2] for e in row], (spans[0][0], spans[-1][1]),
                             lambda text: font(text) + 8, 4.0, self.cell_width * zoom / 2)
            if fitted is not None:
                for (x_px, text), (_x, _y, _c, is_me) in zip(fitted, row, strict=True):
                    result.append((QRectF(x_px, top, font(text) + 8, height), text, is_me))
                continue
            # … or, when even the shortest forms do not fit side by side, each cut to its seat's share.
            for (x, _y, candidates, is_me), (left_px, right_px) in zip(row, spans, strict=True):
                text = _fit_cached(candidates, right_px - left_px - 8, font)
                if text:
                    w = font(text) + 8
                    x_px = min(max(x * zoom - w / 2, left_px), right_px - w)
                    result.append((QRectF(x_px, top, w, height), text, is_me))
        self._laid_out = result
        return result

    def boundingRect(self) -> QRectF:
        w, h = self.room_size
        return QRectF(-8, -8, w * self.zoom + 16, h * self.zoom + 24)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        for rect, text, is_me in self.labels():
            painter.drawPixmap(rect.topLeft(), _label_pixmap(text, is_me, self.palette))


__all__ = ["SeatNames"]
