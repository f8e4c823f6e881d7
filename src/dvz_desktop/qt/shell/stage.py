"""The stage: the centre of the window. Normally the office (the floor plan); a call or the whiteboard
can take its place. Banners (a knock, an invitation) float over its top edge instead of pushing the
plan down, and a call shrunk to a mini view floats at its lower right, so the plan stays usable."""

from __future__ import annotations

from PySide6.QtCore import (
    QEasingCurve,
    QEvent,
    QObject,
    QPoint,
    QPropertyAnimation,
    QRect,
    Signal,
)
from PySide6.QtWidgets import QGraphicsDropShadowEffect, QStackedWidget, QWidget

from . import theme

OFFICE = "office"
BANNER_MAX_WIDTH = 760
MARGIN = 16


class Stage(QWidget):
    #: The view shown changed (its key).
    viewChanged = Signal(str)

    def __init__(self, banners: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Arbeitsfläche"))
        self.pages = QStackedWidget(self)
        self._views: dict[str, QWidget] = {}
        #: Per view, the widget whose top edge the banners float below (the plan, not its floor bar).
        self._content: dict[str, QWidget] = {}
        self.banners = banners
        banners.setParent(self)
        banners.installEventFilter(self)
        self._shadow(banners)
        self.floating: QWidget | None = None
        self._slide = QPropertyAnimation(banners, b"pos", self)
        self._slide.setDuration(160)
        self._slide.setEasingCurve(QEasingCurve.Type.OutCubic)

    # --- views ---

    def add_view(self, key: str, widget: QWidget, content: QWidget | None = None) -> None:
        self._views[key] = widget
        if content is not None:
            self._content[key] = content
        self.pages.addWidget(widget)

    def show_view(self, key: str) -> None:
        widget = self._views[key]
        if self.pages.currentWidget() is widget:
            return
        self.pages.setCurrentWidget(widget)
        self._place_overlays()
        self.viewChanged.emit(key)

    def current_view(self) -> str:
        current = self.pages.currentWidget()
        return next((k for k, w in self._views.items() if w is current), "")

    def view(self, key: str) -> QWidget:
        return self._views[key]

    def has_view(self, key: str) -> bool:
        return key in self._views

    # --- floating mini view ---

    def set_floating(self, widget: QWidget | None) -> None:
        """A small widget that floats at the lower right of the stage (None removes it)."""
        if self.floating is widget:
            return
        if self.floating is not None:
            self.floating.hide()
        self.floating = widget
        if widget is not None:
            widget.setParent(self)
            self._shadow(widget)
            widget.show()
            widget.raise_()
            self._place_overlays()

    # --- layout of the overlays ---

    def resizeEvent(self, event: object) -> None:  # noqa: N802 (Qt name)
        self.pages.setGeometry(self.rect())
        self._place_overlays()
        super().resizeEvent(event)  # type: ignore[arg-type]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        if watched is self.banners and event.type() in (QEvent.Type.LayoutRequest, QEvent.Type.Show):
            was_hidden = event.type() == QEvent.Type.Show
            self._place_overlays(slide=was_hidden)
        return False

    def _place_overlays(self, slide: bool = False) -> None:
        banners = self.banners
        if banners.isVisible():
            width = min(BANNER_MAX_WIDTH, self.width() - 2 * MARGIN)
            height = min(banners.heightForWidth(width) if banners.hasHeightForWidth() else banners.sizeHint().height(),
                         self.height() // 2)
            content = self._content.get(self.current_view())
            top = (content.mapTo(self, QPoint(0, 0)).y() if content is not None and content.isVisible() else 0) + 8
            target = QRect((self.width() - width) // 2, top, width, max(height, banners.minimumSizeHint().height()))
            if slide:
                banners.setGeometry(target.translated(0, -target.height()))
                self._slide.stop()
                self._slide.setStartValue(banners.pos())
                self._slide.setEndValue(QPoint(target.x(), target.y()))
                self._slide.start()
            elif self._slide.state() != QPropertyAnimation.State.Running:
                banners.setGeometry(target)
            else:
                banners.resize(target.size())
                self._slide.setEndValue(QPoint(target.x(), target.y()))
            banners.raise_()
        if self.floating is not None and self.floating.isVisible():
            hint = self.floating.sizeHint()
            w, h = min(hint.width(), self.width() // 2), min(hint.height(), self.height() // 2)
            self.floating.setGeometry(self.width() - w - MARGIN, self.height() - h - MARGIN, w, h)
            self.floating.raise_()

    @staticmethod
    def _shadow(widget: QWidget) -> None:
        if theme.current().high_contrast:
            return  # a border does it; shadows blur the edge people rely on
        shadow = QGraphicsDropShadowEffect(widget)
        shadow.setBlurRadius(18)
        shadow.setOffset(0, 3)
        shadow.setColor(theme.current().color("border").darker(160))
        widget.setGraphicsEffect(shadow)
