"""The floor plan on the stage: the office every other feature sits beside."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence

from ..lifetime import while_alive
from ..shell import theme
from ..shell.bridge import OfficeBridge
from ..shell.host import ShellHost
from .widget import MapWidget


@dataclass(frozen=True)
class MapContext:
    shell: ShellHost
    bridge: OfficeBridge
    #: Walk into a room (knocking where the door is closed).
    move: Callable[[str], None]
    #: Fetches a colleague's portrait (``services.photos.PhotoFetcher.fetch``); None: initials only.
    photos: Callable[..., Any] | None = None


def mount(ctx: MapContext) -> MapWidget:
    widget = MapWidget()
    if ctx.photos is not None:
        widget.set_photo_source(ctx.photos)  # colleagues' portraits, fetched lazily
    ctx.shell.add_office_view(widget, widget.view)
    widget.roomActivated.connect(ctx.move)

    def reset() -> None:
        if ctx.bridge.model is not None:
            widget.set_model(ctx.bridge.model)

    def home() -> None:
        model = ctx.bridge.model
        person = model.people.get(model.me) if model is not None else None
        if person is not None and person.home_room_id:
            ctx.move(person.home_room_id)

    go_home = QAction(QCoreApplication.translate("Rail", "Zu meinem Büro"), widget)
    go_home.setShortcut(QKeySequence("Ctrl+H"))
    go_home.triggered.connect(home)
    widget.addAction(go_home)
    ctx.bridge.officeReset.connect(while_alive(widget, reset))
    # Another theme (dark, high contrast): the floors are drawn anew in its colours.
    theme.THEME_EVENTS.changed.connect(while_alive(widget, lambda _theme: reset()))
    ctx.bridge.presenceChanged.connect(while_alive(widget, widget.update_presence))
    reset()
    return widget
