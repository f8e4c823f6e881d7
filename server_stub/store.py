"""Persistent state in SQLite (WAL mode): accounts, sessions, and today's first-seen times.

Queries are small and indexed; they run on the event loop. The slow part of a login, the password hash,
runs in a worker thread (see auth.py).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

SCHEMA = """
CREATE TABLE IF NOT EXISTS accounts (
    username      TEXT PRIMARY KEY,
    password_hash TEXT,
    disabled      INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS sessions (
    token_hash  TEXT PRIMARY KEY,
    username    TEXT NOT NULL REFERENCES accounts(username),
    created_at  TEXT NOT NULL,
    expires_at  TEXT NOT NULL,
    revoked_at  TEXT
);
CREATE INDEX IF NOT EXISTS sessions_by_user ON sessions(username);
-- Presence keeps no history: one row per person for *today* only; older rows are purged.
CREATE TABLE IF NOT EXISTS first_seen (
    username   TEXT PRIMARY KEY,
    day        TEXT NOT NULL,
    first_seen TEXT NOT NULL
);
"""


class Transaction:
    """``with Transaction(db):`` one immediate transaction, committed on success, rolled back on error."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db

    def __enter__(self) -> None:
        self._db.execute("BEGIN IMMEDIATE")

    def __exit__(self, kind: object, value: object, tb: object) -> None:
        self._db.execute("COMMIT" if kind is None else "ROLLBACK")


@dataclass(frozen=True)
class SessionRow:
    username: str
    expires_at: datetime
    revoked: bool


def _iso(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).isoformat()


class Store:
    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        # isolation_level=None: autocommit; every statement is its own small transaction.
        self._db = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        self._db.execute("PRAGMA journal_mode=WAL")
        # FULL: a committed chat message survives a power cut, not only a crash; writes are batched.
        self._db.execute("PRAGMA synchronous=FULL")
        self._db.execute("PRAGMA foreign_keys=ON")
        self._db.executescript(SCHEMA)

    @property
    def db(self) -> sqlite3.Connection:
        """The shared connection, for the stores of other features (one file, one WAL)."""
        return self._db

    def close(self) -> None:
        self._db.close()

    # --- accounts ---

    def ensure_account(self, username: str, password_hash: str | None) -> None:
        """Create an account if it does not exist yet; an existing password is never overwritten."""
        self._db.execute(
            "INSERT OR IGNORE INTO accounts(username, password_hash) VALUES (?, ?)",
            (username, password_hash),
        )

    def has_account(self, username: str) -> bool:
        return self._db.execute("SELECT 1 FROM accounts WHERE username=?", (username,)).fetchone() is not None

    def set_password_hash(self, username: str, password_hash: str) -> None:
        self._db.execute("UPDATE accounts SET password_hash=? WHERE username=?", (password_hash, username))

    def is_active_account(self, username: str) -> bool:
        row = self._db.execute("SELECT 1 FROM accounts WHERE username=? AND disabled=0", (username,)).fetchone()
        return row is not None

    def password_hash(self, username: str) -> str | None:
        row = self._db.execute(
            "SELECT password_hash FROM accounts WHERE username=? AND disabled=0", (username,)
        ).fetchone()
        return row[0] if row else None

    # --- sessions ---

    def add_session(self, token_hash: str, username: str, now: datetime, expires_at: datetime) -> None:
        self._db.execute(
            "INSERT INTO sessions(token_hash, username, created_at, expires_at) VALUES (?, ?, ?, ?)",
            (token_hash, username, _iso(now), _iso(expires_at)),
        )

    def session(self, token_hash: str) -> SessionRow | None:
        row = self._db.execute(
            "SELECT username, expires_at, revoked_at FROM sessions WHERE token_hash=?", (token_hash,)
        ).fetchone()
        if row is None:
            return None
        return SessionRow(row[0], datetime.fromisoformat(row[1]), row[2] is not None)

    def revoke_session(self, token_hash: str, now: datetime) -> None:
        self._db.execute(
            "UPDATE sessions SET revoked_at=? WHERE token_hash=? AND revoked_at IS NULL",
            (_iso(now), token_hash),
        )

    def revoke_user_sessions(self, username: str, now: datetime) -> int:
        cur = self._db.execute(
            "UPDATE sessions SET revoked_at=? WHERE username=? AND revoked_at IS NULL",
            (_iso(now), username),
        )
        return cur.rowcount

    def purge_sessions(self, now: datetime) -> None:
        """Expired and revoked sessions are kept one more day, so that a client waking up with an old
        token is told "abgelaufen"/"beendet" rather than "Passwort falsch"; then they are deleted."""
        cutoff = _iso(now - timedelta(days=1))
        self._db.execute("DELETE FROM sessions WHERE expires_at < ? OR revoked_at < ?", (cutoff, cutoff))

    # --- first seen today ---

    def first_seen_today(self, username: str, today: date) -> datetime | None:
        row = self._db.execute(
            "SELECT first_seen FROM first_seen WHERE username=? AND day=?", (username, today.isoformat())
        ).fetchone()
        return datetime.fromisoformat(row[0]) if row else None

    def mark_seen(self, username: str, today: date, moment: datetime) -> datetime:
        """Record the first time ``username`` was seen today; return that time."""
        self._db.execute(
            "INSERT INTO first_seen(username, day, first_seen) VALUES (?, ?, ?) "
            "ON CONFLICT(username) DO UPDATE SET day=excluded.day, first_seen=excluded.first_seen "
            "WHERE first_seen.day <> excluded.day",
            (username, today.isoformat(), moment.isoformat()),
        )
        seen = self.first_seen_today(username, today)
        assert seen is not None
        return seen

    def purge_first_seen(self, today: date) -> None:
        self._db.execute("DELETE FROM first_seen WHERE day <> ?", (today.isoformat(),))
