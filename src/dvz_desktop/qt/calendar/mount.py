"""Kalender: the CalDAV agenda in the side panel; "Beitreten" walks to an appointment's room; reminders
in the tray; the status says "in Besprechung" while an appointment that makes me busy goes on."""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication

from dvz_desktop.core.meeting_follow import MeetingStatusFollower
from dvz_desktop.protocol import Status

from ..shell.bridge import OfficeBridge
from ..shell.host import ShellHost
from .panel import CalendarPanel


@dataclass(frozen=True)
class CalendarContext:
    shell: ShellHost
    bridge: OfficeBridge
    run: Callable[[Coroutine[Any, Any, Any]], object]
    move: Callable[[str], None]
    notify: Callable[[str, str], None]
    set_status: Callable[[Status], None]
    #: The CalDAV account (``services.calendar_account.CalendarAccount``), None where there is none.
    account: Any = None


def mount(ctx: CalendarContext) -> CalendarPanel:
    panel = CalendarPanel(ctx.run, ctx.move, ctx.notify, ctx.bridge.room_name)
    handle = ctx.shell.add_panel("calendar", QCoreApplication.translate("Rail", "Kalender"),
                                 QCoreApplication.translate("Rail", "Kalender"), "calendar-days", panel,
                                 "Ctrl+4")
    panel.bring_forward = handle.open
    panel.account = ctx.account
    panel.account_button.setVisible(ctx.account is not None)

    def rooms() -> list[tuple[str, str]]:
        model = ctx.bridge.model
        return [(room_id, ref.room.name) for room_id, ref in model.rooms.items()] if model is not None else []

    panel.rooms = rooms
    follower = MeetingStatusFollower()

    def busy_now(busy: bool) -> None:
        model = ctx.bridge.model
        if model is not None:
            wanted = follower.step(busy, model.presence_of(model.me).status)
            if wanted is not None:
                ctx.set_status(wanted)

    panel.busy_now = busy_now
    panel.set_client(ctx.account.client() if ctx.account is not None else None)
    return panel
