"""Visits of the digital door in SQLite: who waits where with which concern, and the chat of a visit.

Guest data is kept only for the visit plus the retention (default 24 hours), then deleted with its chat.
Tokens are stored as hashes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from ...db import Database, Migration, Schema, from_db, to_db
from ...net.auth import token_hash

SCHEMA = Schema("door", (
    Migration(1, "visits of the digital door and their chat", (
        """CREATE TABLE IF NOT EXISTS guest_visits (
            visit_id   TEXT PRIMARY KEY,
            desk_id    TEXT NOT NULL,
            token_hash TEXT NOT NULL UNIQUE,
            name       TEXT NOT NULL,
            concern    TEXT NOT NULL DEFAULT '',
            queued_at  TEXT NOT NULL,
            expires_at TEXT NOT NULL,
            state      TEXT NOT NULL,
            clerk      TEXT,
            room_id    TEXT,
            ended_at   TEXT
        )""",
        """CREATE TABLE IF NOT EXISTS guest_chat (
            visit_id TEXT NOT NULL,
            at       TEXT NOT NULL,
            sender   TEXT NOT NULL,
            body     TEXT NOT NULL
        )""",
        "CREATE INDEX IF NOT EXISTS guest_chat_by_visit ON guest_chat(visit_id)",
    )),
    Migration(2, "when a node last held the guest's socket (several nodes share the queue)", (
        "ALTER TABLE guest_visits ADD COLUMN guest_seen_at TEXT",
    )),
))

_COLUMNS = "visit_id, desk_id, name, concern, queued_at, expires_at, state, clerk, room_id"


@dataclass
class Visit:
    visit_id: str
    desk_id: str
    name: str
    concern: str
    queued_at: datetime
    expires_at: datetime
    state: str  # waiting, admitted, ended
    clerk: str | None = None
    room_id: str | None = None

    def take(self, stored: Visit) -> None:
        """What the database says now (another node may have admitted, handed over or ended it)."""
        self.desk_id, self.state, self.clerk, self.room_id = stored.desk_id, stored.state, stored.clerk, stored.room_id


class DoorStore:
    def __init__(self, db: Database) -> None:
        self._db = db

    def add(self, visit: Visit, token: str) -> None:
        self._db.execute(
            "INSERT INTO guest_visits(visit_id, desk_id, token_hash, name, concern, queued_at, expires_at, state, "
            "guest_seen_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (visit.visit_id, visit.desk_id, token_hash(token), visit.name, visit.concern, to_db(visit.queued_at),
             to_db(visit.expires_at), visit.state, to_db(visit.queued_at)))

    def visit(self, visit_id: str) -> Visit | None:
        row = self._db.one(f"SELECT {_COLUMNS} FROM guest_visits WHERE visit_id=?", (visit_id,))
        return _visit(row) if row else None

    def open_visits_of(self, desk_id: str, now: datetime) -> list[Visit]:
        """A desk's queue as the database has it (every node's guests), oldest first."""
        rows = self._db.all(f"SELECT {_COLUMNS} FROM guest_visits WHERE desk_id=? AND state != 'ended' "
                            "AND expires_at > ? ORDER BY queued_at, visit_id", (desk_id, to_db(now)))
        return [_visit(r) for r in rows]

    def admit(self, visit: Visit, clerk: str, room_id: str | None) -> bool:
        """Admit a waiting visit, unless another clerk (on any node) took it a moment ago."""
        taken = self._db.execute("UPDATE guest_visits SET state='admitted', clerk=?, room_id=? "
                                 "WHERE visit_id=? AND state='waiting'", (clerk, room_id, visit.visit_id))
        if taken.rowcount != 1:
            return False
        visit.state, visit.clerk, visit.room_id = "admitted", clerk, room_id
        return True

    def end(self, visit: Visit, now: datetime) -> bool:
        """End a visit once (False: it had ended already, perhaps on another node)."""
        ended = self._db.execute("UPDATE guest_visits SET state='ended', ended_at=? WHERE visit_id=? "
                                 "AND state != 'ended'", (to_db(now), visit.visit_id))
        visit.state = "ended"
        return ended.rowcount == 1

    def seen(self, visit_ids: list[str], now: datetime) -> None:
        """The guests of these visits have a socket on this node (or had one until now)."""
        self._db.executemany("UPDATE guest_visits SET guest_seen_at=? WHERE visit_id=?",
                             [(to_db(now), v) for v in visit_ids])

    def unseen_since(self, before: datetime, now: datetime) -> list[str]:
        """Open visits whose guest no node has held since ``before``."""
        rows = self._db.all("SELECT visit_id FROM guest_visits WHERE state != 'ended' AND expires_at > ? "
                            "AND COALESCE(guest_seen_at, queued_at) <= ?", (to_db(now), to_db(before)))
        return [r[0] for r in rows]

    def by_token(self, token: str) -> Visit | None:
        row = self._db.one(f"SELECT {_COLUMNS} FROM guest_visits WHERE token_hash=?", (token_hash(token),))
        return _visit(row) if row else None

    def open_visits(self, now: datetime) -> list[Visit]:
        """Visits not ended and not expired, oldest first: what a restarted backend still owes its guests."""
        rows = self._db.all(
            f"SELECT {_COLUMNS} FROM guest_visits "
            "WHERE ended_at IS NULL AND state != 'ended' AND expires_at > ? ORDER BY queued_at", (to_db(now),))
        return [_visit(r) for r in rows]

    def update(self, visit: Visit, now: datetime) -> None:
        ended = to_db(now) if visit.state == "ended" else None
        self._db.execute("UPDATE guest_visits SET desk_id=?, state=?, clerk=?, room_id=?, ended_at=? WHERE visit_id=?",
                         (visit.desk_id, visit.state, visit.clerk, visit.room_id, ended, visit.visit_id))

    def say(self, visit_id: str, sender: str, body: str, at: datetime) -> None:
        self._db.execute("INSERT INTO guest_chat(visit_id, at, sender, body) VALUES (?, ?, ?, ?)",
                         (visit_id, to_db(at), sender, body))

    def purge(self, ended_before: datetime) -> int:
        """Delete visits (with their chat) that ended, or whose token expired, before ``ended_before``."""
        cutoff = to_db(ended_before)
        with self._db.transaction():
            ids = [r[0] for r in self._db.all(
                "SELECT visit_id FROM guest_visits WHERE (ended_at IS NOT NULL AND ended_at<?) OR expires_at<?",
                (cutoff, cutoff))]
            for visit_id in ids:
                self._db.execute("DELETE FROM guest_chat WHERE visit_id=?", (visit_id,))
                self._db.execute("DELETE FROM guest_visits WHERE visit_id=?", (visit_id,))
        return len(ids)

    def count_rows(self, visit_id: str) -> int:
        """Rows that still mention a visit (for tests of the purge)."""
        visits = self._db.one("SELECT COUNT(*) FROM guest_visits WHERE visit_id=?", (visit_id,))[0]
        chat = self._db.one("SELECT COUNT(*) FROM guest_chat WHERE visit_id=?", (visit_id,))[0]
        return int(visits) + int(chat)


def _visit(row: Any) -> Visit:
    return Visit(row[0], row[1], row[2], row[3], from_db(row[4]), from_db(row[5]), row[6], row[7], row[8])
