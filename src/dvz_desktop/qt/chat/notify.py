"""Tray notices for new chat messages I have not seen: a mention always, other messages while the
conversation is not open in front of me."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject

from dvz_desktop.protocol import ChatEventKind, ChatEvents
from dvz_desktop.services.chat import ChatClient
from dvz_desktop.services.session import Session

from ..lifetime import while_alive
from .render import mentions


class ChatNotifier(QObject):
    def __init__(self, session: Session, chat: ChatClient, name_of: Callable[[str], str],
                 showing: Callable[[str], bool], notify: Callable[[str, str], None],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._chat = chat
        self._name_of = name_of
        self._showing = showing
        self._notify = notify
        session.message_received.connect(while_alive(self, self._on_message))

    def _on_message(self, msg: object) -> None:
        if not isinstance(msg, ChatEvents):
            return
        me = self._chat.me or ""
        my_name = self._name_of(me)
        for event in msg.events:
            if event.kind is not ChatEventKind.POST or event.sender_id == me:
                continue
            if len(msg.events) > 3:
                continue  # a catch-up after a reconnect: the unread counts say it
            text = event.body if len(event.body) <= 120 else event.body[:117] + "…"
            who = self._name_of(event.sender_id)
            if mentions(event.body, my_name, me):
                self._notify(QCoreApplication.translate("Chat", "%1 erwähnt Sie").replace("%1", who), text)
            elif not self._showing(msg.conv_id):
                self._notify(QCoreApplication.translate("Chat", "Nachricht von %1").replace("%1", who), text)
