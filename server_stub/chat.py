"""Chat on the backend: authorisation, one writer that commits posts in batches before acknowledging
them, delivery to the members, resume from a position, search and retention.

Only this writer assigns positions, so a conversation's positions are gap-free and in commit order.
Posts from many sockets that arrive while a batch is being written go into the next batch: one
transaction (and one fsync) for many messages.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import timedelta

from dvz_desktop.core.clock import Clock
from dvz_desktop.protocol import (
    MAX_DM_MEMBERS,
    Ack,
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
    RoomKind,
)

from .behaviour_context import Refused, error_frame
from .chat_store import ChatStore, StoredConversation
from .directory import Directory
from .hub import Connection, Hub

log = logging.getLogger(__name__)

#: Events per frame when catching a client up.
SYNC_CHUNK = 200
#: A client without any position gets the latest events of a conversation, not its whole history.
FRESH_HISTORY = 300
DEFAULT_RETENTION = {kind.value: 365 for kind in RoomKind} | {RoomKind.COFFEE_KITCHEN.value: 1, "direct": 365}


@dataclass
class _Pending:
    conn: Connection
    command_id: str
    event: ChatEvent  # position still 0


def room_conv_id(room_id: str) -> str:
    return f"room:{room_id}"


def direct_conv_id(members: tuple[str, ...]) -> str:
    digest = hashlib.sha256("\n".join(sorted(members)).encode()).hexdigest()[:32]
    return f"dm:{digest}"


class ChatService:
    def __init__(self, directory: Directory, hub: Hub, store: ChatStore, clock: Clock,
                 retention_days: dict[str, int] | None = None) -> None:
        self.directory = directory
        self.hub = hub
        self.store = store
        self.clock = clock
        self.retention_days = {**DEFAULT_RETENTION, **(retention_days or {})}
        self._pending: list[_Pending] = []
        self._wake = asyncio.Event()
        self._last: dict[str, int] = {}
        self._subscribers: dict[str, set[str]] = {}

    # --- authorisation ---

    def readable(self, username: str, conv: StoredConversation) -> bool:
        if conv.kind is ConversationKind.ROOM:
            return conv.room_id is not None and self.directory.can_enter(username, conv.room_id)
        return username in conv.members

    def conversation_for(self, username: str, conv_id: str) -> StoredConversation:
        """The conversation if ``username`` may read and write it; unknown and forbidden look the same."""
        conv = self.store.conversation(conv_id)
        if conv is None and conv_id.startswith("room:"):
            room_id = conv_id[5:]
            if room_id in self.directory.rooms:
                conv = StoredConversation(conv_id, ConversationKind.ROOM, room_id, ())
                if self.readable(username, conv):
                    self.store.ensure_conversation(conv)
        if conv is None or not self.readable(username, conv):
            raise Refused(ErrorCode.UNKNOWN_CONVERSATION)
        return conv

    # --- writing ---

    def submit(self, conn: Connection, msg: ChatSend | ChatEdit | ChatDelete) -> str | None:
        """Check and queue a post, edit or deletion; the ack follows once it is committed."""
        me = conn.username
        conv = self.conversation_for(me, msg.conv_id)
        done = self.store.event_by_client_id(me, msg.client_msg_id)
        if done is not None:  # sent before (a resend after a disconnect): the original answer again
            return Ack(reply_to=msg.id, ref=done.conv_id, position=done.position).model_dump_json()
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
            await self._wake.wait()
            self._wake.clear()
            batch, self._pending = self._pending, []
            if batch:
                self._write(batch)
                await asyncio.sleep(0)  # let the readers queue the next batch

    def _write(self, batch: list[_Pending]) -> None:
        seen: dict[tuple[str, str], ChatEvent] = {}
        stored: list[tuple[_Pending, ChatEvent]] = []
        try:
            with self.store.transaction():
                new_events = []
                for item in batch:
                    key = (item.event.sender_id, item.event.client_msg_id or "")
                    earlier = seen.get(key) or self.store.event_by_client_id(*key)
                    if earlier is None:
                        position = self._last_position(item.event.conv_id) + 1
                        earlier = item.event.model_copy(update={
                            "position": position,
                            "target": item.event.target or position,
                        })
                        self._last[item.event.conv_id] = position
                        new_events.append(earlier)
                        seen[key] = earlier
                    stored.append((item, earlier))
                self.store.append(new_events)
        except Exception:
            log.exception("chat batch of %d could not be stored", len(batch))
            self._last.clear()  # positions were not used: read them again from the database
            for item in batch:
                self.hub.broadcast([item.conn], error_frame(ErrorCode.INTERNAL, item.command_id))
            return
        for item, event in stored:
            self.hub.broadcast([item.conn], Ack(reply_to=item.command_id, ref=event.conv_id,
                                                position=event.position).model_dump_json())
        by_conv: dict[str, list[ChatEvent]] = defaultdict(list)
        for event in seen.values():
            by_conv[event.conv_id].append(event)
        for conv_id, events in by_conv.items():
            events.sort(key=lambda e: e.position)
            self._deliver(conv_id, ChatEvents(conv_id=conv_id, events=tuple(events)).model_dump_json())

    def _last_position(self, conv_id: str) -> int:
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
        return {u for u in self._subscribers[conv_id] if self.readable(u, conv)}

    def _subscribe(self, username: str, conv_id: str) -> None:
        if username not in self._subscribers.setdefault(conv_id, set(self.store.subscribers(conv_id))):
            self._subscribers[conv_id].add(username)
            self.store.subscribe(username, conv_id)

    def _deliver(self, conv_id: str, payload: str) -> None:
        # Chat is never dropped: a targeted write to each member's sockets; a socket that cannot keep up
        # is closed by the sweep and catches up with chat_sync.
        for username in self._members(conv_id):
            self.hub.send_to(username, payload)

    # --- the other commands ---

    def open(self, conn: Connection, msg: ChatOpen) -> str:
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
            described = ChatConversation(conversation=self.store.describe(conv, username)).model_dump_json()
            self.hub.send_to(username, described)
        return Ack(reply_to=msg.id, ref=conv.conv_id).model_dump_json()

    def sync(self, conn: Connection, msg: ChatSync) -> str:
        """Catch a client up: every event after its position, in order; a reset where that is gone."""
        for conv_id, position in msg.positions.items():
            try:
                conv = self.conversation_for(conn.username, conv_id)
            except Refused:
                continue  # not (or no longer) mine: nothing, and no hint whether it exists
            first = self.store.first_position(conv.conv_id)
            if position == 0:
                events = self.store.events_after(conv.conv_id, max(0, self._last_position(conv.conv_id) - FRESH_HISTORY))
            elif first > position + 1:
                self.hub.broadcast([conn], ChatReset(conv_id=conv.conv_id, first_position=first).model_dump_json())
                events = self.store.events_after(conv.conv_id, 0)
            else:
                events = self.store.events_after(conv.conv_id, position)
            for start in range(0, len(events), SYNC_CHUNK):
                chunk = tuple(events[start:start + SYNC_CHUNK])
                self.hub.broadcast([conn], ChatEvents(conv_id=conv.conv_id, events=chunk).model_dump_json())
        return Ack(reply_to=msg.id).model_dump_json()

    def read(self, conn: Connection, msg: ChatRead) -> str:
        conv = self.conversation_for(conn.username, msg.conv_id)
        self.store.set_read(conn.username, conv.conv_id, min(msg.position, self._last_position(conv.conv_id)))
        event = ChatReadEvent(conv_id=conv.conv_id, position=self.store.read_position(conn.username, conv.conv_id))
        self.hub.send_to(conn.username, event.model_dump_json())
        return Ack(reply_to=msg.id).model_dump_json()

    def typing(self, conn: Connection, msg: ChatTyping) -> str:
        conv = self.conversation_for(conn.username, msg.conv_id)
        payload = ChatTypingEvent(conv_id=conv.conv_id, person_id=conn.username).model_dump_json()
        for username in self._members(conv.conv_id) - {conn.username}:
            self.hub.send_droppable(username, payload)  # may be dropped for a slow client
        return Ack(reply_to=msg.id).model_dump_json()

    def search(self, conn: Connection, msg: ChatSearch) -> str:
        words = re.findall(r"\w+", msg.text)
        if not words:
            return ChatSearchResult(reply_to=msg.id, hits=()).model_dump_json()
        query = " AND ".join(f'"{w}"*' for w in words[:8])  # each word, as a prefix; quoted: no FTS syntax
        allowed: dict[str, bool] = {}
        hits = []
        for hit in self.store.search(query):
            if hit.conv_id not in allowed:
                conv = self.store.conversation(hit.conv_id)
                allowed[hit.conv_id] = conv is not None and self.readable(conn.username, conv)
            if allowed[hit.conv_id]:
                hits.append(hit)
            if len(hits) >= 50:
                break
        return ChatSearchResult(reply_to=msg.id, hits=tuple(hits)).model_dump_json()

    def conversations_of(self, username: str) -> tuple[Conversation, ...]:
        result = []
        for conv_id in self.store.subscriptions(username):
            conv = self.store.conversation(conv_id)
            if conv is not None and self.readable(username, conv):
                result.append(self.store.describe(conv, username))
        return tuple(result)

    # --- retention ---

    def purge(self) -> int:
        now = self.clock.now()
        by_days: dict[int, list[str]] = defaultdict(list)
        for conv in self.store.all_conversations():
            if conv.kind is ConversationKind.DIRECT:
                days = self.retention_days["direct"]
            else:
                place = self.directory.rooms.get(conv.room_id or "")
                days = self.retention_days.get(place.room.kind.value if place else "", 365)
            by_days[days].append(conv.conv_id)
        return sum(self.store.purge_before(convs, now - timedelta(days=days)) for days, convs in by_days.items())
