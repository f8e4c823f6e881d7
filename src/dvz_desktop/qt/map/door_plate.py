"""The plate beside a door, in the corridor: office hours, who deputises, the door's note (fixed pixel size)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from dvz_desktop.core.labels import wrap_text

from .palette import SECONDARY_PX, MapPalette, qcolor
from .plates import PAD_X, PAD_Y, measure


class DoorPlate(QGraphicsItem):
    """Small plates beside the door, in the corridor: office hours, who deputises, the door's note."""

    def __init__(self, palette: MapPalette, above: bool) -> None:
        super().__init__()
        self.palette = palette
        #: Pixels the plate may reach left and right of its door's hinge (its position).
        self.reach = (0.0, 0.0)
        #: True when the plate hangs above the door (the door is in the room's top wall).
        self.above = above
        self.lines: list[str] = []
        self.drawn: list[str] = []
        self.max_px = 0.0
        self.max_lines = 1
        self._rect = QRectF()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setZValue(4)
        self.setVisible(False)

    def set_lines(self, lines: list[str]) -> None:
        if lines != self.lines:
            self.lines = list(lines)
            self._relayout()

    def set_space(self, left_px: float, right_px: float, lines: int) -> None:
        """Room to the neighbouring doors (px left and right of the hinge) and lines the corridor holds."""
        if (round(left_px), round(right_px), lines) != (*(round(v) for v in self.reach), self.max_lines):
            self.reach, self.max_px, self.max_lines = (left_px, right_px), left_px + right_px, lines
            self._relayout()

    def _relayout(self) -> None:
        self.prepareGeometryChange()
        font = measure(SECONDARY_PX)
        # The last lines matter most when space is short: the deputy, then the office hours. A long
        # line wraps onto the lines the corridor has room for.
        shown = self.lines[-self.max_lines:] if self.max_lines > 0 else []
        budget = self.max_lines - len(shown)
        self.drawn = []
        for line in shown:
            wrapped = wrap_text(line, self.max_px - 2 * PAD_X, font, 1 + budget)
            budget -= max(len(wrapped) - 1, 0)
            self.drawn.extend(wrapped)
        # Most doors carry no note: such plates are hidden, so painting the plan does not even visit them.
        self.setVisible(bool(self.drawn))
        if not self.drawn:
            self._rect = QRectF()
        else:
            width = max(font(t) for t in self.drawn) + 2 * PAD_X
            height = len(self.drawn) * font.height + 2 * PAD_Y
            top = -height - 3 if self.above else 3.0
            # Under the door, ending at its hinge, unless it needs more room than there is to the left.
            left = max(-width, -self.reach[0])
            self._rect = QRectF(min(left, self.reach[1] - width), top, width, height)
        self.update()

    def boundingRect(self) -> QRectF:
        return self._rect.adjusted(-1, -1, 1, 1)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        if self._rect.isEmpty():
            return
        font = measure(SECONDARY_PX)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor(self.palette.plate_border), 1))
        painter.setBrush(qcolor(self.palette.plate, 240))
        painter.drawRoundedRect(self._rect, 3, 3)
        painter.setPen(QColor(self.palette.text))
        painter.setFont(font.font)
        y = self._rect.top() + PAD_Y
        for line in self.drawn:
            painter.drawText(QRectF(self._rect.left() + PAD_X, y, self._rect.width() - 2 * PAD_X, font.height),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, line)
            y += font.height


__all__ = ["DoorPlate"]
