"""Whiteboard: its own view on the stage, always the board of the room I am in (subscribed only while
it is shown)."""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication

from dvz_desktop.services.session import Session
from dvz_desktop.services.whiteboard import WhiteboardClient

from ..lifetime import while_alive
from ..shell.bridge import OfficeBridge
from ..shell.host import ShellHost, ViewHandle
from .panel import WhiteboardPanel


@dataclass(frozen=True)
class WhiteboardContext:
    shell: ShellHost
    session: Session
    bridge: OfficeBridge
    run: Callable[[Coroutine[Any, Any, Any]], object]


def mount(ctx: WhiteboardContext) -> tuple[WhiteboardPanel, ViewHandle]:
    client = WhiteboardClient(ctx.session)
    panel = WhiteboardPanel(client, ctx.run, ctx.shell.show_message)
    view = ctx.shell.add_view("whiteboard", panel, QCoreApplication.translate("Rail", "Whiteboard"), "presentation",
                              "Ctrl+Shift+W")
    # The panel is a page of the stage: hidden while another view shows, so it follows only when seen.
    panel.follow_from(ctx.bridge, panel)
    # Methods of the panel, not closures: Qt disconnects them when the window goes away.
    ctx.bridge.presenceChanged.connect(while_alive(panel, panel.follow))
    view.shownChanged.connect(panel.follow)
    return panel, view
