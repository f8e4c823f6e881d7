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

    def first_seen_today(self, username: str, today: date) -> datetime | None:
        row = self._db.one("SELECT first_seen FROM first_seen WHERE username=? AND day=?",
                           (username, today.isoformat()))
        return from_db(row[0]) if row else None

    def mark_seen(self, username: str, today: date, moment: datetime) -> datetime:
        """Record the first time ``username`` was seen today; return that time."""
        self._db.execute(
            "INSERT INTO first_seen(username, day, first_seen) VALUES (?, ?, ?) "
            "ON CONFLICT(username) DO UPDATE SET day=excluded.day, first_seen=excluded.first_seen "
            "WHERE first_seen.day <> excluded.day",
            (username, today.isoformat(), to_db(moment)),
        )
        seen = self.first_seen_today(username, today)
        assert seen is not None
        return seen

    def purge(self, today: date) -> None:
        self._db.execute("DELETE FROM first_seen WHERE day <> ?", (today.isoformat(),))
