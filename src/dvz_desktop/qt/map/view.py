"""The map view: fits the floor until the user zooms or pans; wheel, +/-, 0 and pinch zoom; dragging pans;
arrow keys walk a visible focus from room to room, Enter walks in, the menu key opens the room's menu.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QRectF, Qt, Signal
from PySide6.QtGui import (
    QKeyEvent,
    QMouseEvent,
    QNativeGestureEvent,
    QPainter,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QGraphicsView, QWidget

from dvz_desktop.core.floorplan import Direction

MIN_ZOOM = 0.08
MAX_ZOOM = 4.0
#: A drag of more than this many pixels is the user panning (the floor stops following the window).
DRAG_SLOP = 4

_ARROWS = {Qt.Key.Key_Left: Direction.LEFT, Qt.Key.Key_Right: Direction.RIGHT, Qt.Key.Key_Up: Direction.UP,
           Qt.Key.Key_Down: Direction.DOWN}


class MapView(QGraphicsView):
    zoomChanged = Signal(float)
    #: An arrow key: move the room focus this way.
    focusMoveRequested = Signal(object)
    #: Enter on the focused room.
    activateRequested = Signal()
    #: Menu key or Shift+F10 on the focused room: open its menu here (global position).
    menuRequested = Signal()
    #: The view got keyboard focus (to announce the focused room).
    focusEntered = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing, False)  # items switch it on themselves
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        # Only what changed is repainted: moving avatars then cost little.
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontSavePainterState, True)
        # The building and rooms are the scene's background: cached as one picture of the viewport.
        self.setCacheMode(QGraphicsView.CacheModeFlag.CacheBackground)
        self.setFrameShape(QGraphicsView.Shape.NoFrame)
        # A plan, not a document: dragging pans, scroll bars would only take space from the floor.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(self.tr("Büroplan"))
        self.setAccessibleDescription(self.tr(
            "Grafischer Plan des Stockwerks. Pfeiltasten wechseln den Raum, Eingabetaste geht hinein, "
            "Kontextmenütaste öffnet das Raummenü. Dieselben Räume und Personen stehen in der Gebäudeübersicht."))
        #: Until the user zooms or pans, the whole floor follows the window size.
        self.auto_fit = True
        self._press: QPoint | None = None

    @property
    def zoom(self) -> float:
        return self.transform().m11()

    def _emit_zoom(self) -> None:
        self.zoomChanged.emit(self.zoom)

    def set_zoom(self, factor: float) -> None:
        factor = max(min(MIN_ZOOM, self.fit_zoom()), min(MAX_ZOOM, factor))
        current = self.zoom
        if current > 0 and abs(factor - current) > 1e-6:
            self.scale(factor / current, factor / current)
            self._emit_zoom()

    def zoom_by(self, step: float) -> None:
        self.auto_fit = False
        self.set_zoom(self.zoom * step)

    def floor_rect(self) -> QRectF:
        scene = self.scene()
        if scene is None:
            return QRectF()
        return getattr(scene, "floor_rect", scene.sceneRect())

    def fit_zoom(self) -> float:
        rect = self.floor_rect()
        viewport = self.viewport().rect()
        if rect.isEmpty() or viewport.isEmpty():
            return 1.0
        return min((viewport.width() - 24) / rect.width(), (viewport.height() - 24) / rect.height())

    def fit_floor(self) -> None:
        """Show the whole floor (with a little air) and follow the window's size from now on."""
        self.auto_fit = True
        if self.scene() is None:
            return
        zoom = max(self.fit_zoom(), 0.01)
        self.resetTransform()
        self.scale(zoom, zoom)
        self.centerOn(self.floor_rect().center())
        self._emit_zoom()

    def centre_on_rect(self, rect: QRectF) -> None:
        """Bring a room into the middle of the view without changing the zoom."""
        self.centerOn(rect.center())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.auto_fit:
            self.fit_floor()

    def wheelEvent(self, event: QWheelEvent) -> None:
        delta = event.angleDelta().y()
        if delta == 0:
            return super().wheelEvent(event)
        self.zoom_by(1.0015 ** delta)  # 120 per notch: about 20 % a notch, smooth on touchpads
        event.accept()

    def viewportEvent(self, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.NativeGesture and isinstance(event, QNativeGestureEvent)
                and event.gestureType() == Qt.NativeGestureType.ZoomNativeGesture):  # a touchpad pinch
            self.zoom_by(1.0 + event.value())
            return True
        return super().viewportEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._press = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._press is not None and (event.position().toPoint() - self._press).manhattanLength() > DRAG_SLOP:
            self.auto_fit = False  # the user pans: leave their view alone on resize
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._press = None
        super().mouseReleaseEvent(event)

    def focusInEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().focusInEvent(event)
        self.focusEntered.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = Qt.Key(event.key())
        if key in _ARROWS and not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.focusMoveRequested.emit(_ARROWS[key])
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.activateRequested.emit()
        elif key == Qt.Key.Key_Menu or (key == Qt.Key.Key_F10
                                        and event.modifiers() & Qt.KeyboardModifier.ShiftModifier):
            self.menuRequested.emit()
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_by(1.25)
        elif key == Qt.Key.Key_Minus:
            self.zoom_by(0.8)
        elif key == Qt.Key.Key_0:
            self.fit_floor()
        else:
            super().keyPressEvent(event)
            return
        event.accept()
