"""The shell: the main window, the banners over the plan and the tray notices, offered to features as
:class:`~dvz_desktop.qt.shell.host.ShellHost`. Only the composition root holds this object."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from .host import Banners, PanelHandle, ViewHandle
from .window import ShellWindow


class Shell(QObject):
    def __init__(self, window: ShellWindow, banners: Banners,
                 notify: Callable[[str, str], None] | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.banners = banners
        self._notify = notify
        self._panels: dict[str, PanelHandle] = {}
        self._views: dict[str, ViewHandle] = {}
        self._open_panel = ""
        self._shown_view = window.stage.current_view()
        window.side.currentChanged.connect(self._panel_changed)
        window.stage.viewChanged.connect(self._view_changed)

    # --- ShellHost ---

    def add_panel(self, key: str, title: str, rail_label: str, icon_name: str,
                  widget: QWidget | Callable[[], QWidget], shortcut: str = "",
                  office_entry: bool = False) -> PanelHandle:
        self.window.add_panel(key, title, rail_label, icon_name, widget, shortcut)
        if office_entry:
            self.window.mark_office_entry(key)
        return self._panel_handle(key)

    def add_office_view(self, office: QWidget, content: QWidget | None = None) -> None:
        self.window.add_office_view(office, content)
        self._shown_view = self.window.stage.current_view()

    def add_view(self, key: str, widget: QWidget, rail_label: str = "", icon_name: str = "",
                 shortcut: str = "") -> ViewHandle:
        self.window.add_view(key, widget, rail_label, icon_name, shortcut)
        handle = ViewHandle(key, self.window.show_view, self.window.hide_view,
                            lambda k: self.window.stage.current_view() == k, self.window.stage.set_floating, self)
        self._views[key] = handle
        return handle

    def notify(self, title: str, text: str) -> None:
        if self._notify is not None:
            self._notify(title, text)
        else:
            self.window.show_message(f"{title}: {text}")

    def show_message(self, text: str) -> None:
        self.window.show_message(text)

    def dialog_parent(self) -> QWidget:
        return self.window

    def is_active(self) -> bool:
        return self.window.isActiveWindow()

    def anchor(self) -> QObject:
        return self

    def current_view(self) -> str:
        return self.window.stage.current_view()

    # --- bookkeeping ---

    def _panel_handle(self, key: str) -> PanelHandle:
        rail = self.window.rail
        handle = PanelHandle(key, self.window.open_panel, self._close_if_open,
                             lambda k: self.window.current_panel() == k, rail.set_badge, rail.set_entry_visible, self)
        self._panels[key] = handle
        return handle

    def _close_if_open(self, key: str) -> None:
        if self.window.current_panel() == key:
            self.window.close_panel()

    def _panel_changed(self, key: str) -> None:
        old, self._open_panel = self._open_panel, key
        if old in self._panels:
            self._panels[old].shownChanged.emit(False)
        if key in self._panels:
            self._panels[key].shownChanged.emit(True)

    def _view_changed(self, key: str) -> None:
        old, self._shown_view = self._shown_view, key
        if old in self._views:
            self._views[old].shownChanged.emit(False)
        if key in self._views:
            self._views[key].shownChanged.emit(True)
