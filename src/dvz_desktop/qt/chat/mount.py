"""Chat: room chats and direct conversations in the side panel, their outbox on disk (nothing written
offline is lost), tray notices for messages I am not looking at, unread counts for the rail."""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

from dvz_desktop.core.unread import ConversationCount, unread_per_person
from dvz_desktop.services.chat import ChatClient
from dvz_desktop.services.session import Session

from ..labels import unread_messages
from ..lifetime import while_alive
from ..shell.bridge import OfficeBridge
from ..shell.host import PanelHandle, ShellHost
from .notify import ChatNotifier
from .panel import ChatPanel


@dataclass(frozen=True)
class ChatContext:
    shell: ShellHost
    session: Session
    bridge: OfficeBridge
    run: Callable[[Coroutine[Any, Any, Any]], object]
    #: The outbox file (messages written while offline wait here).
    outbox: Path
    notify: Callable[[str, str], None]


class ChatFeature(QObject):
    #: Unread direct messages per colleague (for the people list).
    unreadPerPersonChanged = Signal(dict)
    #: All unread messages (for the tray).
    totalUnreadChanged = Signal(int)

    def __init__(self, client: ChatClient, panel: ChatPanel, handle: PanelHandle, run: Callable[[Any], object],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.client = client
        self.panel = panel
        self.handle = handle
        self._run = run

    def show_conversation(self, conv_id: str) -> None:
        self.panel.show_conversation(conv_id)

    def open_direct(self, person_id: str) -> None:
        async def go() -> None:
            self.show_conversation(await self.client.open_direct(person_id))

        self._run(go())

    def open_room(self, room_id: str) -> None:
        async def go() -> None:
            self.show_conversation(await self.client.open_room(room_id))

        self._run(go())

    def counts(self) -> list[ConversationCount]:
        return [ConversationCount(conv_id, tuple(state.info.members), state.info.room_id, self.client.unread(conv_id))
                for conv_id, state in self.client.conversations.items()]


def mount(ctx: ChatContext) -> ChatFeature:
    client = ChatClient(ctx.session, ctx.outbox)
    panel = ChatPanel(client, ctx.bridge.name_of, ctx.bridge.room_name, ctx.run)
    panel.failed.connect(ctx.shell.show_message)
    handle = ctx.shell.add_panel("chat", QCoreApplication.translate("Rail", "Chat"),
                                 QCoreApplication.translate("Rail", "Chat"), "message-square", panel, "Ctrl+2")
    panel.bring_forward = handle.open
    feature = ChatFeature(client, panel, handle, ctx.run, parent=panel)

    def showing(conv_id: str) -> bool:
        return panel.current == conv_id and handle.is_open() and ctx.shell.is_active()

    ChatNotifier(ctx.session, client, ctx.bridge.name_of, showing, ctx.notify, parent=panel)

    def unread_changed(*_: object) -> None:
        total = client.total_unread()
        handle.set_badge(total, unread_messages(total) if total else "")
        feature.unreadPerPersonChanged.emit(unread_per_person(feature.counts(), client.me or ""))
        feature.totalUnreadChanged.emit(total)

    client.changed.connect(while_alive(panel, unread_changed))
    client.conversations_changed.connect(while_alive(panel, unread_changed))
    handle.shownChanged.connect(lambda shown: shown and panel.current and panel.open(panel.current))
    return feature
