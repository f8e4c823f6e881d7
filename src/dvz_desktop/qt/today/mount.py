"""Heute: next appointments, unread messages and what was missed, one line each leading to where the
thing is; "Wer ist heute da", "Verpasst" and "Kurze Fragen" start here."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication

from dvz_desktop.core.unread import with_unread
from dvz_desktop.services.behaviour import OfficeBehaviour

from ..lifetime import while_alive
from ..shell.bridge import OfficeBridge
from ..shell.host import ShellHost
from .panel import TodayPanel


@dataclass(frozen=True)
class TodayContext:
    shell: ShellHost
    bridge: OfficeBridge
    behaviour: OfficeBehaviour
    move: Callable[[str], None]
    #: The chat feature (``qt.chat.mount.ChatFeature``): its counts and "open this conversation".
    chat: Any
    #: The calendar panel (``qt.calendar.panel.CalendarPanel``): its agenda and account set-up.
    calendar: Any
    #: The office behaviour's dialogs (``qt.behaviour.presenter.BehaviourPresenter``).
    presenter: Any


def mount(ctx: TodayContext) -> TodayPanel:
    panel = TodayPanel(ctx.bridge.room_name)
    handle = ctx.shell.add_panel("today", QCoreApplication.translate("Rail", "Heute"),
                                 QCoreApplication.translate("Rail", "Heute"), "sun", panel, "Ctrl+3")
    panel.roomRequested.connect(ctx.move)
    panel.chatRequested.connect(ctx.chat.show_conversation)
    panel.inboxRequested.connect(ctx.presenter.open_inbox)
    panel.morningRequested.connect(ctx.presenter.open_morning_view)
    panel.questionsRequested.connect(ctx.presenter.open_questions)
    panel.calendarRequested.connect(ctx.calendar.edit_account)

    def agenda() -> None:
        panel.set_appointments(ctx.calendar.appointments, ctx.calendar.client is not None)

    ctx.calendar.agendaChanged.connect(agenda)
    agenda()

    def unread(*_: object) -> None:
        rows = []
        for conv in with_unread(ctx.chat.counts()):
            if conv.room_id:
                what = QCoreApplication.translate("Today", "Chat %1").replace("%1", ctx.bridge.room_name(conv.room_id))
            else:
                what = ", ".join(ctx.bridge.name_of(m) for m in conv.members if m != ctx.chat.client.me)
            rows.append((conv.conv_id, what, conv.unread))
        panel.set_unread(rows)

    def inbox(*_: object) -> None:
        items = list(ctx.behaviour.inbox.values())
        panel.set_inbox(items)
        panel.set_inbox_count(len(items))
        spoken = QCoreApplication.translate("Today", "%1 verpasst").replace("%1", str(len(items)))
        handle.set_badge(len(items), spoken)

    ctx.chat.client.changed.connect(while_alive(panel, unread))
    ctx.chat.client.conversations_changed.connect(while_alive(panel, unread))
    ctx.behaviour.inbox_changed.connect(while_alive(panel, inbox))
    inbox()
    unread()
    return panel
