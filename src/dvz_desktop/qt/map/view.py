"""The map view: zoom with the wheel or +/-, pan by dragging, keyboard reachable."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QPainter, QResizeEvent, QWheelEvent
from PySide6.QtWidgets import QGraphicsView, QWidget

MIN_ZOOM = 0.15
MAX_ZOOM = 4.0


class MapView(QGraphicsView):
    zoomChanged = Signal(float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing, False)  # avatars switch it on themselves
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        # Only what changed is repainted: moving avatars then cost little.
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontSavePainterState, True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(self.tr("Büroplan"))
        self.setAccessibleDescription(
            self.tr("Grafischer Plan des Stockwerks. Dieselben Räume und Personen stehen in der Gebäudeübersicht.")
        )

        # Until the user zooms, the whole floor follows the window size.
        self.auto_fit = True

    @property
    def zoom(self) -> float:
        return self.transform().m11()

    def set_zoom(self, factor: float) -> None:
        factor = max(MIN_ZOOM, min(MAX_ZOOM, factor))
        current = self.zoom
        if current > 0 and abs(factor - current) > 1e-6:
            self.scale(factor / current, factor / current)
            self.zoomChanged.emit(factor)

    def zoom_by(self, step: float) -> None:
        self.auto_fit = False
        self.set_zoom(self.zoom * step)

    def fit_floor(self) -> None:
        self.auto_fit = True
        if self.scene() is not None:
            self.fitInView(self.scene().sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)
            self.zoomChanged.emit(self.zoom)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.auto_fit:
            self.fit_floor()

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.angleDelta().y() == 0:
            return super().wheelEvent(event)
        self.zoom_by(1.15 if event.angleDelta().y() > 0 else 1 / 1.15)
        event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_by(1.25)
        elif event.key() == Qt.Key.Key_Minus:
            self.zoom_by(0.8)
        elif event.key() == Qt.Key.Key_0:
            self.fit_floor()
        else:
            super().keyPressEvent(event)
