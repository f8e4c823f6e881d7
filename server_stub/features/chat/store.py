"""Chat in the database: every conversation is a stream of events with positions; the current messages
are kept beside it for full-text search (umlauts folded; the index is the dialect's, db/dialect.py).

All writes of one batch happen in one transaction that is committed before anyone is acknowledged.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import datetime
from itertools import groupby
from typing import Any

from dvz_desktop.protocol import ChatEvent, ChatEventKind, Conversation, ConversationKind, SearchHit

from ...db import Database, Migration, Schema, from_db, sql_for, to_db

SCHEMA = Schema("chat", (
    Migration(1, "conversations, events, searchable messages, reads, subscriptions, visits", (
        """CREATE TABLE IF NOT EXISTS chat_conversations (
            conv_id TEXT PRIMARY KEY,
            kind    TEXT NOT NULL,
            room_id TEXT,
            members TEXT NOT NULL DEFAULT ''
        )""",
        sql_for(lambda d: d.keyed_table("""CREATE TABLE IF NOT EXISTS chat_events (
            conv_id       TEXT NOT NULL,
            position      INTEGER NOT NULL,
            kind          TEXT NOT NULL,
            sender        TEXT NOT NULL,
            at            TEXT NOT NULL,
            target        INTEGER NOT NULL,
            body          TEXT NOT NULL DEFAULT '',
            client_msg_id TEXT NOT NULL,
            PRIMARY KEY (conv_id, position)
        )""")),
        "CREATE UNIQUE INDEX IF NOT EXISTS chat_events_by_client ON chat_events(sender, client_msg_id)",
        "CREATE INDEX IF NOT EXISTS chat_events_by_time ON chat_events(at)",
        sql_for(lambda d: f"""CREATE TABLE IF NOT EXISTS chat_messages (
            id       {d.auto_key()},
            conv_id  TEXT NOT NULL,
            position INTEGER NOT NULL,
            sender   TEXT NOT NULL,
            at       TEXT NOT NULL,
            body     TEXT NOT NULL,
            UNIQUE (conv_id, position)
        )"""),
        sql_for(lambda d: d.fulltext_index("chat_fts", "chat_messages", "body", "id")),
        sql_for(lambda d: d.keyed_table("""CREATE TABLE IF NOT EXISTS chat_reads (
            username TEXT NOT NULL,
            conv_id  TEXT NOT NULL,
            position INTEGER NOT NULL,
            PRIMARY KEY (username, conv_id)
        )""")),
        sql_for(lambda d: d.keyed_table("""CREATE TABLE IF NOT EXISTS chat_subscriptions (
            username TEXT NOT NULL,
            conv_id  TEXT NOT NULL,
            PRIMARY KEY (username, conv_id)
        )""")),
        # The visits of room chats (access.py): which positions each person may read.
        sql_for(lambda d: d.keyed_table("""CREATE TABLE IF NOT EXISTS chat_room_windows (
            username       TEXT NOT NULL,
            conv_id        TEXT NOT NULL,
            first_position INTEGER NOT NULL,
            last_position  INTEGER NOT NULL,
            PRIMARY KEY (username, conv_id, first_position)
        )""")),
    )),
))


@dataclass(frozen=True)
class StoredConversation:
    conv_id: str
    kind: ConversationKind
    room_id: str | None
    members: tuple[str, ...]


#: Conversations kept in memory at most (forgotten all at once beyond it, then read again as used).
CONVERSATIONS_REMEMBERED = 20_000
#: (sender, client_msg_id) pairs looked up in one query (two parameters each, far below either engine's limit).
CLIENT_IDS_PER_QUERY = 500
#: Events one purge step deletes (one short transaction on the loop: a few milliseconds, FTS included).
PURGE_STEP = 200


class ChatStore:
    def __init__(self, db: Database) -> None:
        self._db = db
        #: Conversations already read: a row is never changed or deleted once written (members and room
        #: are its identity), so every post need not read it again (on PostgreSQL: a round trip each).
        self._conversations: dict[str, StoredConversation] = {}

    @property
    def db(self) -> Database:
        return self._db

    # --- conversations and subscriptions ---

    def conversation(self, conv_id: str) -> StoredConversation | None:
        known = self._conversations.get(conv_id)
        if known is not None:
            return known
        row = self._db.one("SELECT conv_id, kind, room_id, members FROM chat_conversations WHERE conv_id=?", (conv_id,))
        if row is None:
            return None  # not remembered: another node may create it
        if len(self._conversations) >= CONVERSATIONS_REMEMBERED:
            self._conversations.clear()
        conv = StoredConversation(row[0], ConversationKind(row[1]), row[2], tuple(m for m in row[3].split(",") if m))
        self._conversations[conv_id] = conv
        return conv

    def ensure_conversation(self, conv: StoredConversation) -> None:
        self._db.execute("INSERT INTO chat_conversations(conv_id, kind, room_id, members) VALUES (?, ?, ?, ?) "
                         "ON CONFLICT DO NOTHING",
                         (conv.conv_id, conv.kind.value, conv.room_id, ",".join(conv.members)))

    def subscribe(self, username: str, conv_id: str) -> None:
        self._db.execute("INSERT INTO chat_subscriptions(username, conv_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                         (username, conv_id))

    def subscribers(self, conv_id: str) -> list[str]:
        return [r[0] for r in self._db.all("SELECT username FROM chat_subscriptions WHERE conv_id=?", (conv_id,))]

    def subscriptions(self, username: str) -> list[str]:
        return [r[0] for r in self._db.all("SELECT conv_id FROM chat_subscriptions WHERE username=?", (username,))]

    def describe(self, conv: StoredConversation, username: str) -> Conversation:
        return Conversation(conv_id=conv.conv_id, kind=conv.kind, room_id=conv.room_id, members=conv.members,
                            last_position=self.last_position(conv.conv_id),
                            read_position=self.read_position(username, conv.conv_id))

    # --- positions and reads ---

    def last_position(self, conv_id: str) -> int:
        row = self._db.one("SELECT MAX(position) FROM chat_events WHERE conv_id=?", (conv_id,))
        return int(row[0] or 0)

    def lock_conversation(self, conv_id: str) -> None:
        """Inside a transaction: this writer alone assigns the conversation's next positions until it
        commits (the cluster's nodes share one database; positions come from it, not from a node)."""
        statement = self._db.dialect.lock_key()
        if statement is not None:
            self._db.one(statement, (conv_id,))

    def first_position(self, conv_id: str) -> int:
        row = self._db.one("SELECT MIN(position) FROM chat_events WHERE conv_id=?", (conv_id,))
        return int(row[0] or 0)

    def read_position(self, username: str, conv_id: str) -> int:
        row = self._db.one("SELECT position FROM chat_reads WHERE username=? AND conv_id=?", (username, conv_id))
        return int(row[0]) if row else 0

    def set_read(self, username: str, conv_id: str, position: int) -> None:
        greatest = self._db.dialect.greatest("chat_reads.position", "excluded.position")
        self._db.execute(
            "INSERT INTO chat_reads(username, conv_id, position) VALUES (?, ?, ?) ON CONFLICT(username, conv_id) "
            f"DO UPDATE SET position={greatest}", (username, conv_id, position))

    # --- events ---

    def event_by_client_id(self, sender: str, client_msg_id: str) -> ChatEvent | None:
        row = self._db.one(
            "SELECT conv_id, position, kind, sender, at, target, body, client_msg_id FROM chat_events "
            "WHERE sender=? AND client_msg_id=?", (sender, client_msg_id))
        return _event(row) if row else None

    def post_of(self, conv_id: str, position: int) -> tuple[str, bool] | None:
        """(sender, still there) of the post at ``position``."""
        event = self._db.one("SELECT sender FROM chat_events WHERE conv_id=? AND position=? AND kind='post'",
                             (conv_id, position))
        if event is None:
            return None
        alive = self._db.one("SELECT 1 FROM chat_messages WHERE conv_id=? AND position=?",
                             (conv_id, position)) is not None
        return event[0], alive

    def events_by_client_ids(self, keys: Iterable[tuple[str, str]]) -> dict[tuple[str, str], ChatEvent]:
        """The stored events among (sender, client_msg_id) ``keys``: one query per
        ``CLIENT_IDS_PER_QUERY`` keys instead of one per key (on PostgreSQL every query is a round trip)."""
        wanted = list(dict.fromkeys(keys))
        found: dict[tuple[str, str], ChatEvent] = {}
        for start in range(0, len(wanted), CLIENT_IDS_PER_QUERY):
            chunk = wanted[start:start + CLIENT_IDS_PER_QUERY]
            rows = self._db.all(
                "SELECT conv_id, position, kind, sender, at, target, body, client_msg_id FROM chat_events "
                f"WHERE (sender, client_msg_id) IN (VALUES {', '.join(['(?, ?)'] * len(chunk))})",
                [value for key in chunk for value in key])
            for row in rows:
                event = _event(row)
                found[(event.sender_id, event.client_msg_id or "")] = event
        return found

    def append(self, events: Iterable[ChatEvent]) -> None:
        """Store events (inside the caller's transaction) and keep the searchable messages current. The
        events go in with one ``executemany`` (psycopg sends the rows in a pipeline: one round trip, not
        one per row); the searchable messages follow in the events' order, runs of the same kind together
        (an edit or deletion in the batch may refer to a post of the same batch)."""
        events = list(events)
        self._db.executemany(
            "INSERT INTO chat_events(conv_id, position, kind, sender, at, target, body, client_msg_id) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [(e.conv_id, e.position, e.kind.value, e.sender_id, to_db(e.at), e.target, e.body, e.client_msg_id)
             for e in events])
        for kind, run in groupby(events, key=lambda e: e.kind):
            if kind is ChatEventKind.POST:
                self._db.executemany("INSERT INTO chat_messages(conv_id, position, sender, at, body) "
                                     "VALUES (?, ?, ?, ?, ?)",
                                     [(e.conv_id, e.position, e.sender_id, to_db(e.at), e.body) for e in run])
            elif kind is ChatEventKind.EDIT:
                self._db.executemany("UPDATE chat_messages SET body=? WHERE conv_id=? AND position=?",
                                     [(e.body, e.conv_id, e.target) for e in run])
            else:
                self._db.executemany("DELETE FROM chat_messages WHERE conv_id=? AND position=?",
                                     [(e.conv_id, e.target) for e in run])

    def events_after(self, conv_id: str, position: int, limit: int = 100_000) -> list[ChatEvent]:
        rows = self._db.all(
            "SELECT conv_id, position, kind, sender, at, target, body, client_msg_id FROM chat_events "
            "WHERE conv_id=? AND position>? ORDER BY position LIMIT ?", (conv_id, position, limit))
        return [_event(r) for r in rows]

    def transaction(self) -> AbstractContextManager[None]:
        return self._db.transaction()

    # --- search and retention ---

    def direct_conversations_of(self, username: str) -> list[str]:
        return [r[0] for r in self._db.all(
            f"SELECT conv_id FROM chat_conversations WHERE kind='direct' AND {self._db.dialect.in_list('members')}",
            (f",{username},",))]

    async def search(self, words: list[str], scopes: list[tuple[str, int, int]], limit: int = 50) -> list[SearchHit]:
        """The newest ``limit`` matches inside ``scopes`` (conversation, first and last position): the
        permission filter runs in the query, before the limit. Off the loop: a frequent word in a long
        history takes a second."""
        dialect = self._db.dialect
        join, match = dialect.fulltext_match("chat_fts", "chat_messages", "id")
        rows = await self._db.all_off_loop(
            f"WITH allowed(conv_id, lo, hi) AS ({dialect.table_values()}) "
            f"SELECT chat_messages.conv_id, chat_messages.position, chat_messages.sender, chat_messages.at, "
            f"chat_messages.body FROM chat_messages {join} WHERE {match} AND EXISTS (SELECT 1 FROM allowed a "
            "WHERE a.conv_id = chat_messages.conv_id AND chat_messages.position BETWEEN a.lo AND a.hi) "
            "ORDER BY chat_messages.at DESC LIMIT ?", (json.dumps(scopes), dialect.fulltext_query(words), limit))
        return [SearchHit(conv_id=r[0], position=r[1], sender_id=r[2], at=from_db(r[3]), body=r[4]) for r in rows]

    def purge_step(self, conv_id: str, cutoff: datetime, step: int = PURGE_STEP) -> int:
        """Delete at most ``step`` of the oldest events of ``conv_id`` (and their searchable messages) that
        are older than ``cutoff``, in one short transaction; returns how many went. Called again while it
        returns ``step``, with the loop turning in between: purging a million messages stalls no one."""
        at = to_db(cutoff)
        # Positions grow with time: the oldest events come first along the primary key, and the first
        # one that is young enough ends what this purge takes.
        oldest = self._db.all("SELECT position, at FROM chat_events WHERE conv_id=? ORDER BY position LIMIT ?",
                              (conv_id, step))
        last = None
        for position, moment in oldest:
            if moment >= at:
                break
            last = position
        if last is None:
            return 0
        with self._db.transaction(durable=False):  # a purge lost in a power cut is simply done again
            removed = int(self._db.execute("DELETE FROM chat_events WHERE conv_id=? AND position<=? AND at<?",
                                           (conv_id, last, at)).rowcount)
            self._db.execute("DELETE FROM chat_messages WHERE conv_id=? AND position<=? AND at<?",
                             (conv_id, last, at))
        return removed

    def all_conversations(self) -> list[StoredConversation]:
        rows = self._db.all("SELECT conv_id, kind, room_id, members FROM chat_conversations")
        return [StoredConversation(r[0], ConversationKind(r[1]), r[2], tuple(m for m in r[3].split(",") if m))
                for r in rows]


def _event(row: tuple[Any, ...]) -> ChatEvent:
    return ChatEvent(conv_id=row[0], position=row[1], kind=ChatEventKind(row[2]), sender_id=row[3],
                     at=from_db(row[4]), target=row[5], body=row[6], client_msg_id=row[7])
