"""What presence stores: the first time each person was seen today, and nothing older (docs/privacy.md)."""

from __future__ import annotations

from datetime import date, datetime

from ...db import Database, Migration, Schema, from_db, to_db

SCHEMA = Schema("presence", (
    Migration(1, "first seen today", (
        # Presence keeps no history: one row per person for *today* only; older rows are purged.
        """CREATE TABLE IF NOT EXISTS first_seen (
            username   TEXT PRIMARY KEY,
            day        TEXT NOT NULL,
            first_seen TEXT NOT NULL
        )""",
    )),
))


class FirstSeenStore:
    def __init__(self, db: Database) -> None:
        self._db = db
        #: Today's first-seen times this process knows (a login reads it without a query).
        self._known: dict[str, tuple[date, datetime]] = {}
        #: The day whose stored first-seen times were read in one query (after a restart everyone comes
        #: back at once: each login would otherwise ask the database, a round trip on PostgreSQL).
        self._loaded: date | None = None

    def first_seen_today(self, username: str, today: date) -> datetime | None:
        row = self._db.one("SELECT first_seen FROM first_seen WHERE username=? AND day=?",
                           (username, today.isoformat()))
        return from_db(row[0]) if row else None

    def mark_seen(self, username: str, today: date, moment: datetime) -> datetime:
        """Record the first time ``username`` was seen today; return that time. The write is one of the
        database's ``soon`` writes (committed with the others of this loop turn): losing it in a power
        cut only moves "first seen" to the next login."""
        if self._loaded != today:
            self._loaded = today
            for name, first in self._db.all("SELECT username, first_seen FROM first_seen WHERE day=?",
                                            (today.isoformat(),)):
                self._known.setdefault(name, (today, from_db(first)))
        known = self._known.get(username)
        if known is not None and known[0] == today:
            return known[1]
        # Not seen here before and not when today's were read: another node may have seen them since.
        seen = self.first_seen_today(username, today)
        if seen is None:
            seen = moment
            self._db.soon([(
                "INSERT INTO first_seen(username, day, first_seen) VALUES (?, ?, ?) "
                "ON CONFLICT(username) DO UPDATE SET day=excluded.day, first_seen=excluded.first_seen "
                "WHERE first_seen.day <> excluded.day",
                (username, today.isoformat(), to_db(moment)))])
        self._known[username] = (today, seen)
        return seen

    def purge(self, today: date) -> None:
        self._known = {u: k for u, k in self._known.items() if k[0] == today}
        self._db.execute("DELETE FROM first_seen WHERE day <> ?", (today.isoformat(),))
