"""The side panel beside the map: one panel at a time (Chat, Heute, Kalender, …), with its title and a
close button. Its width is the user's (a splitter handle) and is remembered by the window."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..icons import icon
from . import theme

PANEL_MIN_WIDTH = 300
PANEL_DEFAULT_WIDTH = 340
PANEL_MAX_WIDTH = 640


class SidePanelHost(QWidget):
    #: The user closed the panel (close button or Escape).
    closeRequested = Signal()
    #: The panel shown changed ("" when none).
    currentChanged = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sidePanel")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setMinimumWidth(PANEL_MIN_WIDTH)
        self.setMaximumWidth(PANEL_MAX_WIDTH)
        self._titles: dict[str, str] = {}
        self._pages: dict[str, QWidget] = {}
        self._factories: dict[str, Callable[[], QWidget]] = {}
        self._current = ""
        self.title = QLabel()
        self.title.setObjectName("panelTitle")
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.close_button = QToolButton()
        self.close_button.setAutoRaise(True)
        self.close_button.setIconSize(QSize(18, 18))
        self.close_button.setToolTip(self.tr("Seitenleiste schließen (Esc)"))
        self.close_button.setAccessibleName(self.tr("Seitenleiste schließen"))
        self.close_button.clicked.connect(self.closeRequested)
        self.close_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # a click on it must not park the keyboard there
        header = QHBoxLayout()
        header.setContentsMargins(16, 12, 8, 4)
        header.addWidget(self.title, 1)
        self.header_tools = QHBoxLayout()
        self.header_tools.setSpacing(4)
        header.addLayout(self.header_tools)
        header.addWidget(self.close_button)
        self.stack = QStackedWidget()
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addLayout(header)
        column.addWidget(self.stack, 1)
        theme.THEME_EVENTS.changed.connect(self._restyle)
        self._restyle(theme.current())

    def add(self, key: str, title: str, widget: QWidget | Callable[[], QWidget]) -> None:
        """A panel, or a function that builds it when it is first opened (a quicker start)."""
        self._titles[key] = title
        if isinstance(widget, QWidget):
            self._pages[key] = widget
            self.stack.addWidget(widget)
        else:
            self._factories[key] = widget

    def is_built(self, key: str) -> bool:
        return key in self._pages

    def show_panel(self, key: str) -> None:
        widget = self.panel(key)
        self.stack.setCurrentWidget(widget)
        self.title.setText(self._titles[key])
        self.setAccessibleName(self._titles[key])
        if self._current != key:
            self._current = key
            self.currentChanged.emit(key)

    def set_title(self, key: str, title: str) -> None:
        self._titles[key] = title
        if self._current == key:
            self.title.setText(title)

    def panel(self, key: str) -> QWidget:
        """The panel's widget, built now if it was added as a factory."""
        if key not in self._pages:
            widget = self._factories.pop(key)()
            self._pages[key] = widget
            self.stack.addWidget(widget)
        return self._pages[key]

    def keys(self) -> list[str]:
        return list(self._titles)

    def current(self) -> str:
        return self._current if not self.isHidden() else ""

    def clear_current(self) -> None:
        if self._current:
            self._current = ""
            self.currentChanged.emit("")

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt name)
        return QSize(PANEL_DEFAULT_WIDTH, 400)

    def keyPressEvent(self, event: object) -> None:  # noqa: N802 (Qt name)
        if getattr(event, "key", lambda: None)() == Qt.Key.Key_Escape:
            self.closeRequested.emit()
            return
        super().keyPressEvent(event)  # type: ignore[arg-type]

    def _restyle(self, current: theme.Theme) -> None:
        self.close_button.setIcon(icon("x", current.text_muted))
