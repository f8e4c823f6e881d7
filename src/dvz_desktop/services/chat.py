"""Client side of chat: the conversations I belong to, their events applied in order, unread counts,
and an outbox on disk that is sent (and resent after reconnects and restarts) until acknowledged.

Resuming is by position: after every ``welcome`` the client sends ``chat_sync`` with the last position
it holds per conversation and receives what it missed, exactly once and in order; the server sends a
socket live chat events only after that answer (docs/protocol.md, "Chat"), so nothing overtakes it.
Opening a room's chat brings the part of its history this person may read (core/room_chat.py) the same
way. A room chat's positions may skip numbers written while this person was not inside: the client
applies events in the order they come and ignores one it already holds.
"""

from __future__ import annotations

import asyncio
import logging
import secrets
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from dvz_desktop.core.events import Event
from dvz_desktop.core.tasks import TaskSet
from dvz_desktop.protocol import (
    MAX_CHAT_CHARS,
    ChatConversation,
    ChatDelete,
    ChatEdit,
    ChatEvent,
    ChatEventKind,
    ChatEvents,
    ChatOpen,
    ChatRead,
    ChatReadEvent,
    ChatReset,
    ChatSearch,
    ChatSearchResult,
    ChatSend,
    ChatSync,
    ChatTyping,
    ChatTypingEvent,
    Conversation,
    ErrorCode,
    SearchHit,
    ServerMessage,
    Welcome,
    error_texts,
)

from .outbox import Outbox, OutboxEntry
from .session import NotConnected, Session, SessionError, SessionState

log = logging.getLogger(__name__)


@dataclass
class ChatMessage:
    position: int
    sender_id: str
    at: datetime
    body: str
    client_msg_id: str | None = None
    edited: bool = False
    deleted: bool = False


@dataclass
class ConversationState:
    info: Conversation
    messages: dict[int, ChatMessage] = field(default_factory=dict)
    #: The last event position applied (everything visible up to here is held).
    position: int = 0
    read_position: int = 0

    def ordered(self) -> list[ChatMessage]:
        return [self.messages[p] for p in sorted(self.messages)]


def new_client_msg_id() -> str:
    return secrets.token_urlsafe(16)


class ChatClient:
    def __init__(self, session: Session, outbox_path: Path) -> None:
        self._session = session
        self.outbox = Outbox(outbox_path)
        self.conversations: dict[str, ConversationState] = {}
        self._unacked: set[str] = set()  # client ids in flight on the current socket
        self._resuming = False
        # Captured once: the UI may create the client (and get a welcome) before the loop runs.
        self._loop = asyncio.get_event_loop()
        self._tasks = TaskSet(self._loop)
        self.changed: Event[str] = Event()  # a conversation's messages or unread count changed
        self.conversations_changed: Event[None] = Event()
        self.typing: Event[tuple[str, str]] = Event()
        #: (conversation, German reason) when the server refused a message for good.
        self.refused: Event[tuple[str, str]] = Event()
        #: The client id of a message the server has stored.
        self.acknowledged: Event[str] = Event()
        session.welcomed.connect(self._on_welcome)
        session.message_received.connect(self._on_message)
        if session.welcome is not None:
            self._on_welcome(session.welcome)

    @property
    def me(self) -> str | None:
        return self._session.me

    # --- what the UI asks ---

    def unread(self, conv_id: str) -> int:
        state = self.conversations.get(conv_id)
        if state is None:
            return 0
        return sum(1 for p, m in state.messages.items()
                   if p > state.read_position and m.sender_id != self.me and not m.deleted)

    def total_unread(self) -> int:
        return sum(self.unread(c) for c in self.conversations)

    def pending_in(self, conv_id: str) -> list[OutboxEntry]:
        return [e for e in self.outbox.pending() if e.conv_id == conv_id and e.kind == "post"]

    # --- commands ---

    async def open_room(self, room_id: str) -> str:
        """Join the chat of a room; its readable history arrives with the answer."""
        state = self.conversations.get(f"room:{room_id}")
        ack = await self._session.command(ChatOpen(id=self._session.next_id(), room_id=room_id,
                                                   position=state.position if state else 0))
        return ack.ref or ""

    async def open_direct(self, *people: str) -> str:
        ack = await self._session.command(ChatOpen(id=self._session.next_id(), members=tuple(people)))
        return ack.ref or ""

    def send(self, conv_id: str, body: str) -> str:
        """Queue a message: on disk first, then sent (now, or after reconnecting). Returns its client id."""
        return self._enqueue(OutboxEntry(new_client_msg_id(), conv_id, "post", body))

    def edit(self, conv_id: str, position: int, body: str) -> str:
        return self._enqueue(OutboxEntry(new_client_msg_id(), conv_id, "edit", body, position))

    def delete(self, conv_id: str, position: int) -> str:
        return self._enqueue(OutboxEntry(new_client_msg_id(), conv_id, "delete", "", position))

    async def mark_read(self, conv_id: str) -> None:
        state = self.conversations.get(conv_id)
        if state is None or state.read_position >= state.position:
            return
        state.read_position = state.position
        self.changed.emit(conv_id)
        await self._session.command(ChatRead(id=self._session.next_id(), conv_id=conv_id, position=state.position))

    async def typing_now(self, conv_id: str) -> None:
        await self._session.command(ChatTyping(id=self._session.next_id(), conv_id=conv_id))

    async def search(self, text: str) -> tuple[SearchHit, ...]:
        """Everything I may read that contains the words (prefixes, umlauts folded)."""
        result = await self._session.command(ChatSearch(id=self._session.next_id(), text=text))
        return result.hits if isinstance(result, ChatSearchResult) else ()

    async def flush(self) -> None:
        """Wait until everything in the outbox is acknowledged (tests, shutdown)."""
        while self.outbox.pending():
            await asyncio.sleep(0.02)

    # --- sending the outbox ---

    def _enqueue(self, entry: OutboxEntry) -> str:
        if len(entry.body) > MAX_CHAT_CHARS:
            # Refused here already: the same German text the server would answer with.
            raise SessionError(ErrorCode.MESSAGE_TOO_LONG.value, error_texts(ErrorCode.MESSAGE_TOO_LONG)[0])
        self.outbox.add(entry)
        self._send_entry(entry)
        return entry.client_msg_id

    def _send_entry(self, entry: OutboxEntry, resuming: bool = False) -> None:
        if self._resuming and not resuming:
            return  # the resume sends the whole outbox in order, this one included
        if self._session.state is not SessionState.CONNECTED or entry.client_msg_id in self._unacked:
            return  # sent after the next welcome
        self._unacked.add(entry.client_msg_id)
        self._tasks.spawn(self._deliver(entry))

    async def _deliver(self, entry: OutboxEntry) -> None:
        command_id = self._session.next_id()
        if entry.kind == "post":
            message: ChatSend | ChatEdit | ChatDelete = ChatSend(
                id=command_id, conv_id=entry.conv_id, client_msg_id=entry.client_msg_id, body=entry.body)
        elif entry.kind == "edit":
            message = ChatEdit(id=command_id, conv_id=entry.conv_id, target=entry.target,
                               client_msg_id=entry.client_msg_id, body=entry.body)
        else:
            message = ChatDelete(id=command_id, conv_id=entry.conv_id, target=entry.target,
                                 client_msg_id=entry.client_msg_id)
        try:
            await self._session.command(message)
        except NotConnected:
            return  # stays in the outbox; resent after the next welcome
        except (TimeoutError, SessionError) as exc:
            if isinstance(exc, SessionError) and exc.code not in ("internal", "rate_limited", "storage_unavailable"):
                # The server refused it for good (too long, not allowed): it must not block the outbox.
                log.warning("chat message refused (%s)", exc.code)
                self.outbox.remove(entry.client_msg_id)
                self.changed.emit(entry.conv_id)
                self.refused.emit((entry.conv_id, exc.message if isinstance(exc, SessionError) else ""))
            elif not self._resuming:
                # Not stored this time (the server's database away for a moment, no answer): the outbox
                # goes again in a second, in the order written; what I write meanwhile waits behind it.
                self._resuming = True
                self._loop.call_later(1.0, self._retry_resume)
            return
        finally:
            self._unacked.discard(entry.client_msg_id)
        self.outbox.remove(entry.client_msg_id)
        self.acknowledged.emit(entry.client_msg_id)
        self.changed.emit(entry.conv_id)

    # --- events from the server ---

    def _on_welcome(self, welcome: Welcome) -> None:
        self._unacked.clear()
        # Until the resume has sent what waited in the outbox, newer messages wait behind them.
        self._resuming = True
        for info in welcome.conversations:
            state = self.conversations.get(info.conv_id)
            if state is None:
                self.conversations[info.conv_id] = ConversationState(info, read_position=info.read_position)
            else:
                state.info = info
                state.read_position = max(state.read_position, info.read_position)
        self.conversations_changed.emit(None)
        self._tasks.spawn(self._resume())

    async def _resume(self) -> None:
        try:
            positions = {conv_id: state.position for conv_id, state in self.conversations.items()}
            await self._session.command(ChatSync(id=self._session.next_id(), positions=positions))
        except NotConnected:
            self._resuming = False
            return  # the next welcome resumes
        except (SessionError, TimeoutError, RuntimeError) as exc:
            log.warning("chat sync failed (%s); trying again", getattr(exc, "code", type(exc).__name__))
            self._loop.call_later(1.0, self._retry_resume)
            return
        for entry in self.outbox.pending():  # in the order they were written
            self._send_entry(entry, resuming=True)
        self._resuming = False

    def _retry_resume(self) -> None:
        if self._session.state is SessionState.CONNECTED:
            self._tasks.spawn(self._resume())
        else:
            self._resuming = False

    def _on_message(self, msg: ServerMessage) -> None:
        if isinstance(msg, ChatEvents):
            self._apply(msg.conv_id, msg.events)
        elif isinstance(msg, ChatConversation):
            info = msg.conversation
            if info.conv_id not in self.conversations:
                self.conversations[info.conv_id] = ConversationState(info, read_position=info.read_position)
                self.conversations_changed.emit(None)
        elif isinstance(msg, ChatReset):
            state = self.conversations.get(msg.conv_id)
            if state is not None:
                state.messages.clear()
                state.position = msg.first_position - 1
                self.changed.emit(msg.conv_id)
        elif isinstance(msg, ChatReadEvent):
            state = self.conversations.get(msg.conv_id)
            if state is not None and msg.position > state.read_position:
                state.read_position = msg.position
                self.changed.emit(msg.conv_id)
        elif isinstance(msg, ChatTypingEvent):
            self.typing.emit((msg.conv_id, msg.person_id))

    def _apply(self, conv_id: str, events: tuple[ChatEvent, ...]) -> None:
        state = self.conversations.get(conv_id)
        if state is None:
            return
        for event in events:
            if event.position <= state.position:
                continue  # held already (an answer to a second socket's open, say)
            self._apply_one(state, event)
            state.position = event.position
        self.changed.emit(conv_id)

    @staticmethod
    def _apply_one(state: ConversationState, event: ChatEvent) -> None:
        if event.kind is ChatEventKind.POST:
            state.messages[event.position] = ChatMessage(event.position, event.sender_id, event.at, event.body,
                                                         event.client_msg_id)
            return
        target = state.messages.get(event.target)
        if target is None:
            return
        if event.kind is ChatEventKind.EDIT:
            target.body, target.edited = event.body, True
        else:
            target.body, target.deleted = "", True
