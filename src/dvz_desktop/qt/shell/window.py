"""The main window only hosts: the rail on the left, the stage (the office) in the centre, one side panel
beside it, the status line below. Features add their panels and views through :class:`ShellHost`
(see ``qt/shell/host.py``); nothing outside the shell reaches into this window."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication, QIcon, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QHBoxLayout, QMainWindow, QSplitter, QWidget

from .rail import Rail
from .side_panel import PANEL_DEFAULT_WIDTH, SidePanelHost
from .stage import OFFICE, Stage
from .status_line import StatusLine

APP_ICON = Path(__file__).resolve().parents[2] / "resources" / "icons" / "dvz.png"
#: The smallest window that still works (a 1280x720 screen with taskbar and title bar).
MIN_WIDTH, MIN_HEIGHT = 1024, 600


def focus_first(widget: QWidget) -> None:
    """Give the keyboard focus to the first control inside ``widget`` that takes it from Tab."""
    candidate = widget.nextInFocusChain()
    while candidate is not None and candidate is not widget:
        if (widget.isAncestorOf(candidate) and candidate.isVisibleTo(widget) and candidate.isEnabled()
                and candidate.focusPolicy() & Qt.FocusPolicy.TabFocus):
            candidate.setFocus(Qt.FocusReason.TabFocusReason)
            return
        candidate = candidate.nextInFocusChain()
    widget.setFocus(Qt.FocusReason.OtherFocusReason)


class ShellWindow(QMainWindow):
    #: The window was closed while no tray can keep the program running.
    closedWithoutTray = Signal()

    def __init__(self, banners: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("DVZ Desktop"))
        self.setMinimumSize(MIN_WIDTH, MIN_HEIGHT)
        self.keep_in_tray = False
        self.rail = Rail()
        self.rail.set_logo(QIcon(str(APP_ICON)).pixmap(36, 36), self.tr("DVZ Desktop"))
        self.stage = Stage(banners)
        self.side = SidePanelHost()
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.stage)
        self.splitter.addWidget(self.side)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 0)
        self._panel_width = PANEL_DEFAULT_WIDTH
        self._width_pending = False
        self.splitter.splitterMoved.connect(self._remember_width)
        centre = QWidget()
        row = QHBoxLayout(centre)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.rail)
        row.addWidget(self.splitter, 1)
        self.setCentralWidget(centre)
        self.status_line = StatusLine()
        self.setStatusBar(self.status_line)
        self.side.hide()
        self.side.closeRequested.connect(self.close_panel)
        self.rail.triggered.connect(self._rail_triggered)
        self.stage.viewChanged.connect(lambda _key: self._mark_rail())
        #: Rail entries that switch the stage instead of opening a panel: key -> view key.
        self._view_entries: dict[str, str] = {}
        #: The panel the office entry ("Büro") opens beside the plan.
        self._office_entry: tuple[str, str] | None = None
        self.fit_to_screen()
        # F6 / Shift+F6 move between the regions of the window, as in Windows' own programs: rail, banners,
        # the stage (the plan), the side panel, the status line.
        for sequence, step in (("F6", 1), ("Shift+F6", -1)):
            shortcut = QShortcut(QKeySequence(sequence), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(lambda step=step: self.next_region(step))

    # --- panels and views ---

    def add_panel(self, key: str, title: str, rail_label: str, icon_name: str,
                  widget: QWidget | Callable[[], QWidget], shortcut: str = "") -> None:
        self.side.add(key, title, widget)
        self.rail.add_entry(key, rail_label, icon_name, title, shortcut)

    def panel_widget(self, key: str) -> QWidget:
        return self.side.panel(key)

    def add_office_view(self, office: QWidget, content: QWidget | None = None) -> None:
        """The office (the plan): the stage's home view. Banners float below ``content``'s top edge."""
        self.stage.add_view(OFFICE, office, content)
        self.stage.show_view(OFFICE)

    def mark_office_entry(self, key: str) -> None:
        """This panel's rail entry ("Büro") also brings the office back onto the stage."""
        self._office_entry = (key, OFFICE)

    def add_view(self, key: str, widget: QWidget, rail_label: str = "", icon_name: str = "",
                 shortcut: str = "") -> None:
        """A view that takes the stage's place (the whiteboard, a call); with a rail entry if labelled."""
        self.stage.add_view(key, widget)
        if not self.stage.current_view():
            self.stage.show_view(key)
        if rail_label:
            self.rail.add_entry(key, rail_label, icon_name, rail_label.replace("\n", " "), shortcut)
            self._view_entries[key] = key

    def open_panel(self, key: str, focus: bool = False) -> None:
        was_hidden = self.side.isHidden()
        self.side.show_panel(key)
        if was_hidden:
            self.side.show()
            self._apply_panel_width()
        self._mark_rail()
        if focus:
            focus_first(self.side.panel(key))

    def _apply_panel_width(self) -> None:
        total = self.splitter.width() - self.splitter.handleWidth()
        if not self.isVisible() or total <= self._panel_width:  # not laid out yet: again when shown
            self._width_pending = True
            return
        self._width_pending = False
        self.splitter.setSizes([total - self._panel_width, self._panel_width])

    def showEvent(self, event: object) -> None:  # noqa: N802 (Qt name)
        super().showEvent(event)  # type: ignore[arg-type]
        if self._width_pending and not self.side.isHidden():
            self._apply_panel_width()

    def resizeEvent(self, event: object) -> None:  # noqa: N802 (Qt name)
        super().resizeEvent(event)  # type: ignore[arg-type]
        if self._width_pending and not self.side.isHidden():
            self._apply_panel_width()

    def close_panel(self) -> None:
        if not self.side.isHidden():
            self.side.hide()
            self.side.clear_current()
            self._mark_rail()
            self.stage.setFocus()

    def toggle_panel(self, key: str) -> None:
        if self.side.current() == key:
            self.close_panel()
        else:
            self.open_panel(key)

    def current_panel(self) -> str:
        return self.side.current()

    def show_view(self, key: str) -> None:
        self.stage.show_view(key)

    def hide_view(self, key: str) -> None:
        """Back to the office if ``key`` is showing."""
        if self.stage.current_view() == key and self.stage.has_view(OFFICE):
            self.stage.show_view(OFFICE)

    def _rail_triggered(self, key: str) -> None:
        if key in self._view_entries:
            view = self._view_entries[key]
            self.stage.show_view(OFFICE if self.stage.current_view() == view else view)
        elif self._office_entry is not None and key == self._office_entry[0]:
            if self.stage.current_view() != OFFICE:
                self.stage.show_view(OFFICE)
                self.open_panel(key)
            else:
                self.toggle_panel(key)
        else:
            self.toggle_panel(key)
        if self.side.current() == key:
            focus_first(self.side.panel(key))  # chosen from the rail: the keyboard goes with it
        self._mark_rail()

    def _mark_rail(self) -> None:
        panel = self.side.current()
        view = self.stage.current_view()
        for key, entry in self.rail.entries.items():
            entry.button.setChecked(key == panel or self._view_entries.get(key) == view)

    def regions(self) -> list[QWidget]:
        """The regions F6 visits, in order; hidden ones are skipped."""
        candidates = [self.rail, self.stage.banners, self.stage.pages.currentWidget(), self.side, self.status_line]
        return [w for w in candidates if w is not None and w.isVisible()]

    def current_region(self) -> QWidget | None:
        focused = QApplication.focusWidget()
        return next((r for r in self.regions() if focused is not None and (r is focused or r.isAncestorOf(focused))),
                    None)

    def next_region(self, step: int = 1) -> None:
        regions = self.regions()
        if not regions:
            return
        current = self.current_region()
        index = regions.index(current) if current in regions else -1
        target = regions[(index + step) % len(regions)]
        if target is self.rail:
            checked = next((e.button for e in self.rail.entries.values() if e.button.isChecked()), None)
            (checked or next(iter(self.rail.entries.values())).button).setFocus(Qt.FocusReason.TabFocusReason)
        else:
            focus_first(target)

    def _remember_width(self, *_: object) -> None:
        if not self.side.isHidden():
            self._panel_width = self.side.width()

    # --- messages ---

    def show_message(self, text: str) -> None:
        self.status_line.show_message(text)

    # --- size and state ---

    def fit_to_screen(self) -> None:
        """Open at a size that fits the screen the window is on (a 1366x768 laptop included)."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            self.resize(1280, 720)
            return
        available = screen.availableGeometry()
        # Leave room for the title bar and frame the window manager adds around the client area.
        width = min(1600, available.width() - 16)
        height = min(1000, available.height() - 40)
        self.resize(max(MIN_WIDTH, width), max(MIN_HEIGHT, height))

    def save_state(self) -> str:
        return json.dumps({"panel": self.side.current(), "panel_width": self._panel_width,
                           "maximized": self.isMaximized()})

    def restore_state(self, text: str) -> bool:
        try:
            state = json.loads(text) if text else {}
        except ValueError:
            return False
        if not isinstance(state, dict):
            return False
        width = state.get("panel_width")
        if isinstance(width, int) and 200 <= width <= 900:
            self._panel_width = width
            if not self.side.isHidden():
                self._apply_panel_width()
        panel = state.get("panel")
        if isinstance(panel, str) and panel in self.side.keys():
            self.open_panel(panel)
        elif panel == "":
            self.close_panel()
        if state.get("maximized"):
            self.setWindowState(self.windowState() | Qt.WindowState.WindowMaximized)
        return True

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt name)
        if self.keep_in_tray:
            # Like an office you leave for a moment: the program stays in the tray.
            event.ignore()
            self.hide()
            return
        event.accept()
        self.closedWithoutTray.emit()
