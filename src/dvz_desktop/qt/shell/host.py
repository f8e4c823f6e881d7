"""What a feature gets from the shell: the narrow interface every ``mount(context)`` uses.

A feature adds its side panel or view, puts banners over the plan, sends tray notices and status-line
messages, counts what waits for the user on its rail entry — and nothing else. It never sees the main
window; a test mounts every feature against a host that records these calls and has no other attribute.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget


class Banners(Protocol):
    """The banners floating over the top of the plan, keyed so an update replaces one."""

    def put(self, key: str, banner: QWidget) -> QWidget: ...
    def get(self, key: str) -> QWidget | None: ...
    def remove(self, key: str) -> None: ...
    def keys(self) -> list[str]: ...


class PanelHandle(QObject):
    """One side panel, as its feature sees it."""

    #: The panel was opened (True) or closed (False) by the user or the program.
    shownChanged = Signal(bool)

    def __init__(self, key: str, opener: Callable[[str], None], closer: Callable[[str], None],
                 is_open: Callable[[str], bool], badge: Callable[[str, int, str], None],
                 visible: Callable[[str, bool], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self._open, self._close, self._is_open = opener, closer, is_open
        self._badge, self._visible = badge, visible

    def open(self) -> None:
        self._open(self.key)

    def close(self) -> None:
        self._close(self.key)

    def is_open(self) -> bool:
        return self._is_open(self.key)

    def set_badge(self, count: int, spoken: str = "") -> None:
        """A count on the rail entry (0 hides it); ``spoken`` is what a screen reader says."""
        self._badge(self.key, count, spoken)

    def set_available(self, available: bool) -> None:
        """Show or hide the rail entry (e.g. "Digitale Tür" only for desk staff)."""
        self._visible(self.key, available)


class ViewHandle(QObject):
    """A view that can take the stage's place (a call, the whiteboard)."""

    shownChanged = Signal(bool)

    def __init__(self, key: str, show: Callable[[str], None], hide: Callable[[str], None],
                 is_shown: Callable[[str], bool], floating: Callable[[QWidget | None], None],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self._show, self._hide, self._is_shown, self._floating = show, hide, is_shown, floating

    def show(self) -> None:
        self._show(self.key)

    def hide(self) -> None:
        """Back to the office (if this view is the one showing)."""
        self._hide(self.key)

    def is_shown(self) -> bool:
        return self._is_shown(self.key)

    def set_floating(self, widget: QWidget | None) -> None:
        """A small widget floating at the lower right of the stage (a call's mini view), or None."""
        self._floating(widget)


class ShellHost(Protocol):
    """The shell as features see it (implemented by :class:`dvz_desktop.qt.shell.shell.Shell`)."""

    banners: Banners

    def add_panel(self, key: str, title: str, rail_label: str, icon_name: str,
                  widget: QWidget | Callable[[], QWidget], shortcut: str = "",
                  office_entry: bool = False) -> PanelHandle:
        """A side panel with its rail entry; ``office_entry``: the entry that also shows the office."""

    def add_office_view(self, office: QWidget, content: QWidget | None = None) -> None:
        """The office (the floor plan) as the stage's home view."""

    def add_view(self, key: str, widget: QWidget, rail_label: str = "", icon_name: str = "",
                 shortcut: str = "") -> ViewHandle: ...

    def notify(self, title: str, text: str) -> None:
        """A notice in the tray (or the status line where there is no tray)."""

    def show_message(self, text: str) -> None:
        """A sentence in the status line (what just happened, what went wrong)."""

    def dialog_parent(self) -> QWidget:
        """The widget dialogs are opened over (never to be used for anything else)."""

    def is_active(self) -> bool:
        """Whether the window has the user's attention (then a chat shown is a chat read)."""

    def current_view(self) -> str:
        """The view on the stage ("office", "call", "whiteboard", …)."""

    def anchor(self) -> QObject:
        """A QObject that lives as long as the window: parent of a feature's helpers, so their
        listeners go quiet when the window is gone."""


#: Everything a feature may use of the shell (the methods of :class:`ShellHost` and its banners).
HOST_INTERFACE = ("banners", "add_panel", "add_office_view", "add_view", "notify", "show_message", "dialog_parent",
                  "is_active", "current_view", "anchor")


class HostView:
    """The shell as a feature receives it: only :data:`HOST_INTERFACE`, nothing else of the shell or the
    window behind it (reaching further raises at once, in the program and in the tests)."""

    __slots__ = ("_shell",)

    def __init__(self, shell: object) -> None:
        object.__setattr__(self, "_shell", shell)

    def __getattr__(self, name: str) -> object:
        if name not in HOST_INTERFACE:
            raise AttributeError(f"a feature may not use the shell's {name!r} (only {', '.join(HOST_INTERFACE)})")
        return getattr(object.__getattribute__(self, "_shell"), name)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("the shell is not changed by features")
