"""Visits of the digital door in SQLite: who waits where with which concern, and the chat of a visit.

Guest data is kept only for the visit plus the retention (default 24 hours), then deleted with its chat.
Tokens are stored as hashes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

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
))


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


class DoorStore:
    def __init__(self, db: Database) -> None:
        self._db = db

    def add(self, visit: Visit, token: str) -> None:
        self._db.execute(
            "INSERT INTO guest_visits(visit_id, desk_id, token_hash, name, concern, queued_at, expires_at, state) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (visit.visit_id, visit.desk_id, token_hash(token), visit.name, visit.concern, to_db(visit.queued_at),
             to_db(visit.expires_at), visit.state))

    def by_token(self, token: str) -> Visit | None:
        row = self._db.one(
            "SELECT visit_id, desk_id, name, concern, queued_at, expires_at, state, clerk, room_id FROM guest_visits "
            "WHERE token_hash=?", (token_hash(token),))
        if row is None:
            return None
        return Visit(row[0], row[1], row[2], row[3], from_db(row[4]), from_db(row[5]),
                     row[6], row[7], row[8])

    def open_visits(self, now: datetime) -> list[Visit]:
        """Visits not ended and not expired, oldest first: what a restarted backend still owes its guests."""
        rows = self._db.all(
            "SELECT visit_id, desk_id, name, concern, queued_at, expires_at, state, clerk, room_id FROM guest_visits "
            "WHERE ended_at IS NULL AND state != 'ended' AND expires_at > ? ORDER BY queued_at", (to_db(now),))
        return [Visit(r[0], r[1], r[2], r[3], from_db(r[4]), from_db(r[5]), r[6], r[7],
                      r[8]) for r in rows]

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
