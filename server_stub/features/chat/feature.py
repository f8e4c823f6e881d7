"""Chat as a feature: authorisation, one writer that commits posts in batches before acknowledging
them, delivery to the members, resume from a position, search and retention.

Only this writer assigns positions, so a conversation's positions are gap-free and in commit order.
Posts from many sockets that arrive while a batch is being written go into the next batch: one
transaction (and one fsync) for many messages.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from dvz_desktop.core import room_chat
from dvz_desktop.core.clock import Clock
from dvz_desktop.core.events import report_failure
from dvz_desktop.core.tasks import TaskSet
from dvz_desktop.protocol import (
    MAX_DM_MEMBERS,
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
    ConversationKind,
    ErrorCode,
    Presence,
)

from ...db import DatabaseError
from ...directory.visibility import Directory
from ...feature import Command, Feature, Refused, WelcomePart, ack, error_frame
from ...net.hub import Connection, Hub
from .access import ChatAccess, direct_conv_id, room_conv_id
from .relayed import SYNC_CHUNK, RelayedDelivery
from .retention import DEFAULT_RETENTION, purge_old
from .store import ChatStore, StoredConversation

log = logging.getLogger(__name__)

#: A client without any position gets the latest events of a conversation, not its whole history.
FRESH_HISTORY = 300
#: Hits a search answers with (the newest first).
SEARCH_HITS = 50


@dataclass
class _Pending:
    conn: Connection
    command_id: str
    event: ChatEvent  # position still 0


class ChatFeature(RelayedDelivery, Feature):
    name = "chat"

    def __init__(self, directory: Directory, hub: Hub, store: ChatStore, clock: Clock,
                 retention_days: dict[str, int] | None = None, shared: bool = False) -> None:
        self.directory = directory
        self.hub = hub
        self.store = store
        self.clock = clock
        self.retention_days = {**DEFAULT_RETENTION, **(retention_days or {})}
        self._pending: list[_Pending] = []
        self._wake = asyncio.Event()
        self._last: dict[str, int] = {}
        self._subscribers: dict[str, set[str]] = {}
        #: Cluster mode: other nodes write to the same database, so positions are read under a lock in
        #: each batch's transaction instead of being remembered; committed events also go to ``relay``
        #: (cluster/presence.py hands them to the other nodes, which deliver them to their sockets).
        self.shared = shared
        self._writing = False
        #: Cluster mode: per conversation, the last position delivered to this node's sockets.
        self._delivered: dict[str, int] = {}
        self._late: dict[str, int] = {}
        self.access = ChatAccess(directory, store.db, self._last_position)
        #: Searches under way (each answers its socket when its worker thread is done) and the purge.
        self._tasks = TaskSet()
        self._purging: asyncio.Task[int] | None = None
        self.relay: Callable[[str, str], None] | None = None
        self.relay_to_person: Callable[[str, str, bool], None] | None = None

    def commands(self) -> Sequence[Command[Any]]:
        return (Command(ChatSend, self.submit), Command(ChatEdit, self.submit), Command(ChatDelete, self.submit),
                Command(ChatSync, self.sync), Command(ChatOpen, self.open), Command(ChatRead, self.read),
                Command(ChatTyping, self.typing), Command(ChatSearch, self.search))

    def welcome(self, conn: Connection) -> WelcomePart:
        return WelcomePart({"conversations": self.conversations_of(conn.username)})

    # --- authorisation (the rule is in core/room_chat.py and docs/privacy.md) ---

    def readable(self, username: str, conv: StoredConversation) -> bool:
        return self.access.may_read(username, conv)

    def conversation_for(self, username: str, conv_id: str, write: bool = False) -> StoredConversation:
        """The conversation if ``username`` may read it (and write it, with ``write``); unknown and
        forbidden look the same, so a guessed id tells nothing."""
        conv = self.store.conversation(conv_id)
        if conv is None and conv_id.startswith("room:") and conv_id[5:] in self.directory.rooms:
            conv = StoredConversation(conv_id, ConversationKind.ROOM, conv_id[5:], ())
            if self.readable(username, conv):
                self.store.ensure_conversation(conv)
        allowed = conv is not None and (
            self.access.may_write(username, conv) if write else self.readable(username, conv))
        if conv is None or not allowed:
            raise Refused(ErrorCode.UNKNOWN_CONVERSATION)
        return conv

    def on_presence(self, presence: Presence) -> None:
        """Walking into a room opens a visit of its chat; leaving (or going offline) ends it."""
        self.access.on_presence(presence)

    # --- writing ---

    def submit(self, conn: Connection, msg: ChatSend | ChatEdit | ChatDelete) -> str | None:
        """Check and queue a post, edit or deletion; the ack follows once it is committed."""
        me = conn.username
        conv = self.conversation_for(me, msg.conv_id, write=True)
        # A resend gets the original answer: a post's is found by the writer (one query per batch), an
        # edit's or deletion's here, before its target is checked.
        if not isinstance(msg, ChatSend) and (done := self.store.event_by_client_id(me, msg.client_msg_id)):
            return ack(msg.id, done.conv_id, done.position)
        if isinstance(msg, ChatSend):
            kind, target, body = ChatEventKind.POST, 0, msg.body
        else:
            post = self.store.post_of(conv.conv_id, msg.target)
            if post is None or not post[1]:
                raise Refused(ErrorCode.UNKNOWN_CONVERSATION)
            if post[0] != me:
                raise Refused(ErrorCode.NOT_YOUR_MESSAGE)
            kind = ChatEventKind.EDIT if isinstance(msg, ChatEdit) else ChatEventKind.DELETE
            target, body = msg.target, msg.body if isinstance(msg, ChatEdit) else ""
        event = ChatEvent(conv_id=conv.conv_id, position=0, kind=kind, sender_id=me, at=self.clock.now(),
                          target=target, body=body, client_msg_id=msg.client_msg_id)
        self._pending.append(_Pending(conn, msg.id, event))
        self._wake.set()
        if conv.kind is ConversationKind.ROOM:
            self._subscribe(me, conv.conv_id)  # writing in a room's chat means following it
        return None

    async def run(self) -> None:
        while True:
            if self._late:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._wake.wait(), 1.0)
                self.deliver_late()
            else:
                await self._wake.wait()
            self._wake.clear()
            batch, self._pending = self._pending, []
            if batch:
                try:
                    self._write(batch)
                except Exception as exc:  # the writer must live on: everyone's messages go through it
                    report_failure("the chat writer", exc)
                await asyncio.sleep(0)  # let the readers queue the next batch

    def _write(self, batch: list[_Pending]) -> None:
        seen: dict[tuple[str, str], ChatEvent] = {}
        stored: list[tuple[_Pending, ChatEvent]] = []
        if self.shared:
            self._last.clear()  # another node may have written since: positions come from the database
        self._writing = True
        try:
            with self.store.transaction():
                new_events = []
                if self.shared:
                    for conv_id in sorted({item.event.conv_id for item in batch}):  # one order: no deadlock
                        self.store.lock_conversation(conv_id)
                # Sent before (a resend, also to another node): one query for the whole batch.
                before = self.store.events_by_client_ids((i.event.sender_id, i.event.client_msg_id or "")
                                                         for i in batch)
                for item in batch:
                    key = (item.event.sender_id, item.event.client_msg_id or "")
                    earlier = seen.get(key) or before.get(key)
                    if earlier is None:
                        position = self._last_position(item.event.conv_id) + 1
                        earlier = item.event.model_copy(update={"position": position,
                                                                "target": item.event.target or position})
                        self._last[item.event.conv_id] = position
                        new_events.append(earlier)
                        seen[key] = earlier
                    stored.append((item, earlier))
                self.store.append(new_events)
        except Exception as exc:
            self._writing = False
            away = isinstance(exc, DatabaseError)
            if away:  # nothing stored, nothing acknowledged: the clients send again
                log.warning("chat batch of %d not stored: database unreachable", len(batch))
            else:
                log.exception("chat batch of %d could not be stored", len(batch))
            self._last.clear()  # positions were not used: read them again from the database
            code = ErrorCode.STORAGE_UNAVAILABLE if away else ErrorCode.INTERNAL
            for item in batch:
                self.hub.broadcast([item.conn], error_frame(code, item.command_id))
            return
        self._writing = False
        for item, event in stored:
            self.hub.broadcast([item.conn], ack(item.command_id, event.conv_id, event.position))
        by_conv: dict[str, list[ChatEvent]] = defaultdict(list)
        for event in seen.values():
            by_conv[event.conv_id].append(event)
        for conv_id, events in by_conv.items():
            events.sort(key=lambda e: e.position)
            if self.shared:
                self.deliver_after_commit(conv_id, events[0].position)
                if self.relay is not None:
                    self.relay(conv_id, str(events[0].position))
            else:
                self._deliver(conv_id, ChatEvents(conv_id=conv_id, events=tuple(events)).model_dump_json())

    def _to_person(self, username: str, payload: str, droppable: bool = False) -> None:
        """To every socket of ``username``: here, and (cluster mode) on the other nodes."""
        self.deliver_to_person(username, payload, droppable)
        if self.relay_to_person is not None:
            self.relay_to_person(username, payload, droppable)

    def deliver_to_person(self, username: str, payload: str, droppable: bool) -> None:
        """A frame for ``username`` from another node (their conversation list, read marks, typing)."""
        if droppable:
            self.hub.send_droppable(username, payload)
        else:
            self.hub.send_to(username, payload)

    def _last_position(self, conv_id: str) -> int:
        if self.shared and not self._writing:
            return self.store.last_position(conv_id)  # another node may have written since
        if conv_id not in self._last:
            self._last[conv_id] = self.store.last_position(conv_id)
        return self._last[conv_id]

    # --- who receives what ---

    def _members(self, conv_id: str) -> set[str]:
        conv = self.store.conversation(conv_id)
        if conv is None:
            return set()
        if conv.kind is ConversationKind.DIRECT:
            return set(conv.members)
        if conv_id not in self._subscribers:
            self._subscribers[conv_id] = set(self.store.subscribers(conv_id))
        return {u for u in self._subscribers[conv_id] if self.access.sees_live(u, conv)}

    def _subscribe(self, username: str, conv_id: str) -> None:
        if conv_id not in self._subscribers:  # (not setdefault: its default would query on every post)
            self._subscribers[conv_id] = set(self.store.subscribers(conv_id))
        if username not in self._subscribers[conv_id]:
            self._subscribers[conv_id].add(username)
            self.store.subscribe(username, conv_id)

    def _deliver(self, conv_id: str, payload: str) -> None:
        # Chat is never dropped: a targeted write to each member's sockets; a socket that cannot keep up
        # is closed by the sweep and catches up with chat_sync.
        for username in self._members(conv_id):
            self.hub.send_chat(username, payload)

    # --- the other commands ---

    def open(self, conn: Connection, msg: ChatOpen) -> str:
        """Join a room's chat or start a direct conversation; the opening socket gets what it may read
        after ``msg.position`` right away, before any live event of that conversation."""
        me = conn.username
        if msg.room_id is not None:
            conv = self.conversation_for(me, room_conv_id(msg.room_id))
        else:
            members = tuple(sorted({me, *msg.members}))
            if not 2 <= len(members) <= MAX_DM_MEMBERS:
                raise Refused(ErrorCode.INVALID_MESSAGE)
            for person in members:
                if not self.directory.can_see_person(me, person):
                    raise Refused(ErrorCode.UNKNOWN_PERSON)
            conv = StoredConversation(direct_conv_id(members), ConversationKind.DIRECT, None, members)
            self.store.ensure_conversation(conv)
        for username in ({me} if conv.kind is ConversationKind.ROOM else set(conv.members)):
            self._subscribe(username, conv.conv_id)
            described = ChatConversation(conversation=self.describe(conv, username)).model_dump_json()
            self._to_person(username, described)
        self._catch_up(conn, conv, msg.position)
        return ack(msg.id, conv.conv_id)

    def sync(self, conn: Connection, msg: ChatSync) -> str:
        """Catch a client up: every event after its position, in order; a reset where that is gone.
        From this answer on the socket receives live chat events (never before: they would overtake it)."""
        for conv_id, position in msg.positions.items():
            try:
                conv = self.conversation_for(conn.username, conv_id)
            except Refused:
                continue  # not (or no longer) mine: nothing, and no hint whether it exists
            self._catch_up(conn, conv, position)
        conn.chat_live = True
        return ack(msg.id)

    def _catch_up(self, conn: Connection, conv: StoredConversation, position: int) -> None:
        me = conn.username
        floor = self.access.first_visible(me, conv)
        first = self.store.first_position(conv.conv_id)
        if position == 0:
            start = max(floor, self._last_position(conv.conv_id) - FRESH_HISTORY * 4)
            events = self.access.visible(me, conv, self.store.events_after(conv.conv_id, start))[-FRESH_HISTORY:]
        else:
            if first > position + 1:
                self.hub.broadcast([conn], ChatReset(conv_id=conv.conv_id, first_position=first).model_dump_json())
                position = 0
            events = self.access.visible(me, conv, self.store.events_after(conv.conv_id, max(position, floor)))
        for start in range(0, len(events), SYNC_CHUNK):
            chunk = tuple(events[start:start + SYNC_CHUNK])
            self.hub.broadcast([conn], ChatEvents(conv_id=conv.conv_id, events=chunk).model_dump_json())
        if self.shared:
            # This socket holds everything committed so far: live delivery here goes on from there.
            self._delivered.setdefault(conv.conv_id, self.store.last_position(conv.conv_id))

    def _last_visible(self, username: str, conv: StoredConversation) -> int:
        last = self._last_position(conv.conv_id)
        if conv.kind is ConversationKind.DIRECT or self.access.sees_live(username, conv):
            return last
        windows = self.access.windows(username, conv.conv_id)
        if room_chat.keeps_whole_history(username, self.access.facts(conv.room_id or "")):
            return last
        return min(last, max((w.last for w in windows), default=0))

    def describe(self, conv: StoredConversation, username: str) -> Conversation:
        """The conversation as ``username`` may know it: a room chat's last position is the last one
        they may see, so it says nothing about what was written after they left."""
        last = self._last_visible(username, conv)
        return self.store.describe(conv, username).model_copy(update={"last_position": last})

    def read(self, conn: Connection, msg: ChatRead) -> str:
        conv = self.conversation_for(conn.username, msg.conv_id)
        self.store.set_read(conn.username, conv.conv_id, min(msg.position, self._last_visible(conn.username, conv)))
        event = ChatReadEvent(conv_id=conv.conv_id, position=self.store.read_position(conn.username, conv.conv_id))
        self._to_person(conn.username, event.model_dump_json())
        return ack(msg.id)

    def typing(self, conn: Connection, msg: ChatTyping) -> str:
        conv = self.conversation_for(conn.username, msg.conv_id, write=True)
        payload = ChatTypingEvent(conv_id=conv.conv_id, person_id=conn.username).model_dump_json()
        for username in self._members(conv.conv_id) - {conn.username}:
            self._to_person(username, payload, droppable=True)  # may be dropped for a slow client
        return ack(msg.id)

    def search(self, conn: Connection, msg: ChatSearch) -> str | None:
        words = re.findall(r"\w+", msg.text)
        if not words:
            return ChatSearchResult(reply_to=msg.id, hits=()).model_dump_json()
        me = conn.username
        scopes = self.access.search_scopes(me, self.store.direct_conversations_of(me))
        # The query itself runs in a worker thread; the answer follows on this socket.
        self._tasks.spawn(self._search(conn, msg.id, words[:8], scopes), name="dvz-chat-search")
        return None

    async def _search(self, conn: Connection, command_id: str, words: list[str],
                      scopes: list[tuple[str, int, int]]) -> None:
        try:
            hits = await self.store.search(words, scopes, SEARCH_HITS)
        except Exception:
            log.exception("chat search of user=%s failed", conn.username)  # never the words searched for
            self.hub.broadcast([conn], error_frame(ErrorCode.INTERNAL, command_id))
            return
        self.hub.broadcast([conn], ChatSearchResult(reply_to=command_id, hits=tuple(hits)).model_dump_json())

    def conversations_of(self, username: str) -> tuple[Conversation, ...]:
        convs = (self.store.conversation(conv_id) for conv_id in self.store.subscriptions(username))
        return tuple(self.describe(c, username) for c in convs if c is not None and self.readable(username, c))

    # --- retention ---

    def housekeep(self, now: datetime) -> None:
        if self._purging is None or self._purging.done():
            self._purging = self._tasks.spawn(self.purge(now), name="dvz-chat-purge")

    async def purge(self, now: datetime | None = None) -> int:
        """Delete what is older than its retention (retention.py); returns how many events went."""
        return await purge_old(self.store, self.directory, self.retention_days, now or self.clock.now())

    def close(self) -> None:
        self._tasks.cancel()
