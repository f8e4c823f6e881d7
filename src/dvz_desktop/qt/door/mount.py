"""Digitale Tür, for staff of a service desk: the queue on the plan ("3 Personen warten"), in the tray and
in the side panel with the visit (video, chat, end, hand over, callback). The rail entry appears only for
people who serve a desk. Admitting a guest during another conversation asks first (the switchboard)."""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication

from dvz_desktop.services.door import DoorClient
from dvz_desktop.services.session import Session

from ..calls.switchboard import CallSwitchboard
from ..labels import waiting_count
from ..lifetime import while_alive
from ..shell.host import ShellHost
from .panel import DoorPanel

#: The guest page speaks German, whatever language the clerk's window has.
HOLD_NOTE = "Bitte haben Sie einen Moment Geduld – ich bin gleich wieder für Sie da."


@dataclass(frozen=True)
class DoorContext:
    shell: ShellHost
    session: Session
    run: Callable[[Coroutine[Any, Any, Any]], object]
    media_factory: Callable[[], Any]
    switchboard: CallSwitchboard
    #: The queue's badge on the desk's room on the plan ("" when nobody waits).
    set_waiting: Callable[[str, str], None]
    #: How many guests wait, for the tray.
    tray_waiting: Callable[[int], None]


def mount(ctx: DoorContext) -> tuple[DoorClient, DoorPanel]:
    door = DoorClient(ctx.session, ctx.media_factory)
    panel = DoorPanel(door, ctx.run, ctx.shell.show_message)
    ctx.switchboard.attach_door(door)
    ctx.switchboard.hold_note = HOLD_NOTE
    panel.before_admit = lambda guest, admit: ctx.switchboard.start_visit(
        QCoreApplication.translate("Door", "%1 hereinbitten").replace("%1", guest), admit)
    handle = ctx.shell.add_panel("door", QCoreApplication.translate("Rail", "Digitale Tür"),
                                 QCoreApplication.translate("Rail", "Digitale\nTür"), "door-open", panel,
                                 "Ctrl+7")
    handle.set_available(False)  # until the server says I serve a desk

    def queue_changed(desk_id: str) -> None:
        queue = door.queues[desk_id]
        waiting = queue.desk.waiting
        ctx.set_waiting(queue.desk.room_id, waiting_count(waiting) if waiting else "")
        total = door.waiting()
        ctx.tray_waiting(total)
        handle.set_available(True)
        handle.set_badge(total, waiting_count(total) if total else "")

    def visit_changed(_visit_id: str) -> None:
        if panel.current is not None:
            handle.open()  # a visit in progress is shown, wherever it was admitted from

    door.queue_changed.connect(while_alive(panel, queue_changed))
    door.visit_changed.connect(while_alive(panel, visit_changed))
    return door, panel
