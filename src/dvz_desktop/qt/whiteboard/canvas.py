"""The whiteboard's drawing surface: a scene in board units that mirrors the board's items, and a view
that turns mouse gestures into shapes (pen, line, arrow, rectangle, ellipse) or erasing.

Text is only ever set as plain text: a note saying ``<img src=…>`` shows those characters.
"""

from __future__ import annotations

import base64
import math
from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QMouseEvent, QPainter, QPainterPath, QPen, QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsPixmapItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsTextItem,
    QGraphicsView,
    QWidget,
)

from dvz_desktop.protocol import BOARD_HEIGHT, BOARD_WIDTH, WbItem, WbShape

ITEM_ID = 0  # QGraphicsItem data key holding the board item's id
GESTURE_KINDS = ("pen", "line", "arrow", "rect", "ellipse")
PENDING_Z = 1e9  # my drawings on their way lie on top until the board confirms them


def _pen(colour: str, width: int) -> QPen:
    pen = QPen(QColor(colour), width)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    return pen


def _corners(points: tuple[int, ...]) -> QRectF:
    return QRectF(QPointF(points[0], points[1]), QPointF(points[2], points[3])).normalized()


def shape_path(kind: str, points: tuple[int, ...]) -> QPainterPath:
    """The outline of a gesture shape."""
    path = QPainterPath()
    if kind == "pen":
        path.moveTo(points[0], points[1])
        if len(points) == 2:
            path.lineTo(points[0] + 0.1, points[1])  # a dot
        for i in range(2, len(points), 2):
            path.lineTo(points[i], points[i + 1])
    elif kind in ("line", "arrow"):
        x1, y1, x2, y2 = points
        path.moveTo(x1, y1)
        path.lineTo(x2, y2)
        if kind == "arrow":
            angle = math.atan2(y2 - y1, x2 - x1)
            for side in (-0.45, 0.45):
                path.moveTo(x2, y2)
                path.lineTo(x2 - 28 * math.cos(angle + side), y2 - 28 * math.sin(angle + side))
    elif kind == "rect":
        path.addRect(_corners(points))
    elif kind == "ellipse":
        path.addEllipse(_corners(points))
    return path


def graphics_for(item: WbItem) -> QGraphicsItem:
    """One board item as a graphics item (its id in data, its place in the stack as z)."""
    graphic: QGraphicsItem
    if item.kind in GESTURE_KINDS:
        path_item = QGraphicsPathItem(shape_path(item.kind, item.points))
        path_item.setPen(_pen(item.colour, item.width))
        graphic = path_item
    elif item.kind == "text":
        text = QGraphicsSimpleTextItem(item.text)  # plain text by construction
        font = QFont()
        font.setPixelSize(max(24, item.width * 12))
        text.setFont(font)
        text.setBrush(QColor(item.colour))
        text.setPos(item.points[0], item.points[1])
        graphic = text
    elif item.kind == "note":
        box = QGraphicsRectItem(_corners(item.points))
        box.setBrush(QBrush(QColor(item.colour)))
        box.setPen(QPen(QColor(item.colour).darker(130), 2))
        label = QGraphicsTextItem()
        label.setParentItem(box)  # not the constructor's parent: PySide would let the label be collected
        label.setPlainText(item.text)
        font = QFont()
        font.setPixelSize(44)
        label.setFont(font)
        label.setDefaultTextColor(QColor("#1f2937"))
        label.setPos(box.rect().topLeft() + QPointF(8, 8))
        label.setTextWidth(max(20.0, box.rect().width() - 16))
        graphic = box
    else:  # image
        pixmap = QPixmap()
        pixmap.loadFromData(base64.b64decode(item.image))
        area = _corners(item.points)
        picture = QGraphicsPixmapItem(pixmap)
        if not pixmap.isNull():
            picture.setScale(min(area.width() / pixmap.width(), area.height() / pixmap.height()))
        picture.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        picture.setPos(area.topLeft())
        graphic = picture
    graphic.setData(ITEM_ID, item.item_id)
    graphic.setZValue(item.seq)
    return graphic


class BoardScene(QGraphicsScene):
    """Holds one graphics item per board item and brings them in line with a list of items."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 0, BOARD_WIDTH, BOARD_HEIGHT, parent)
        self.setBackgroundBrush(QColor("white"))
        self.shown: dict[str, QGraphicsItem] = {}

    def sync(self, items: list[WbItem], pending: set[str]) -> None:
        wanted = {item.item_id: item for item in items}
        for key in [k for k in self.shown if k not in wanted]:
            self.removeItem(self.shown.pop(key))
        for item in items:
            graphic = self.shown.get(item.item_id)
            if graphic is None:
                graphic = self.shown[item.item_id] = graphics_for(item)
                self.addItem(graphic)
            waiting = item.item_id in pending
            graphic.setVisible(True)  # erased under the eraser but kept by the board: show again
            graphic.setZValue(PENDING_Z + item.seq if waiting else item.seq)
            graphic.setOpacity(0.6 if waiting else 1.0)

    def ids_at(self, point: QPointF) -> list[str]:
        found = []
        for graphic in self.items(QRectF(point.x() - 6, point.y() - 6, 12, 12)):
            while graphic.parentItem() is not None:
                graphic = graphic.parentItem()
            key = graphic.data(ITEM_ID)
            if key and key not in found:
                found.append(key)
        return found


class BoardView(QGraphicsView):
    """Shows the whole board scaled to the panel; the chosen tool turns gestures into shapes."""

    def __init__(self, scene: BoardScene, drawn: Callable[[WbShape], None], erased: Callable[[list[str]], None],
                 clicked: Callable[[int, int], None], parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.board = scene
        self.tool = "pen"
        self.colour = "#1f2937"
        self.width_units = 6
        self.enabled_for_drawing = False
        self._drawn = drawn
        self._erased = erased
        self._clicked = clicked
        self._points: list[int] = []
        self._preview: QGraphicsPathItem | None = None
        self._erasing: list[str] = []
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setAccessibleName(self.tr("Whiteboard-Zeichenfläche"))
        self.setMinimumSize(160, 120)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fitInView(self.board.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)

    def board_point(self, event: QMouseEvent) -> tuple[int, int]:
        point = self.mapToScene(event.position().toPoint())
        return (min(max(0, round(point.x())), BOARD_WIDTH), min(max(0, round(point.y())), BOARD_HEIGHT))

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if not self.enabled_for_drawing or event.button() != Qt.MouseButton.LeftButton:
            return
        x, y = self.board_point(event)
        if self.tool == "eraser":
            self._erasing = []
            self._erase_at(x, y)
        elif self.tool in GESTURE_KINDS:
            self._points = [x, y]
            self._preview = QGraphicsPathItem()
            self._preview.setPen(_pen(self.colour, self.width_units))
            self._preview.setZValue(2 * PENDING_Z)
            self.board.addItem(self._preview)
        else:
            self._clicked(x, y)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if not event.buttons() & Qt.MouseButton.LeftButton:
            return
        x, y = self.board_point(event)
        if self.tool == "eraser" and self.enabled_for_drawing:
            self._erase_at(x, y)
        elif self._preview is not None:
            if self.tool == "pen":
                if abs(x - self._points[-2]) + abs(y - self._points[-1]) >= 3:
                    self._points += [x, y]
            else:
                self._points = self._points[:2] + [x, y]
            if len(self._points) >= 4 or self.tool == "pen":
                self._preview.setPath(shape_path(self.tool, tuple(self._points)))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self.tool == "eraser":
            if self._erasing:
                self._erased(self._erasing)
            self._erasing = []
            return
        if self._preview is None:
            return
        self.board.removeItem(self._preview)
        self._preview = None
        points = self._points
        if self.tool != "pen":
            x, y = self.board_point(event)
            points = points[:2] + [x, y]
            if abs(points[2] - points[0]) + abs(points[3] - points[1]) < 4:
                return  # a click, not a shape
        self._drawn(WbShape(kind=self.tool, points=tuple(points), colour=self.colour,  # type: ignore[arg-type]
                            width=self.width_units))

    def _erase_at(self, x: int, y: int) -> None:
        for key in self.board.ids_at(QPointF(x, y)):
            if key not in self._erasing:
                self._erasing.append(key)
                self.board.shown[key].setVisible(False)  # gone at once; the board confirms it
