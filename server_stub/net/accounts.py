"""Accounts and sessions: password hashes (argon2id, never the password) and session tokens (stored
only as their SHA-256, expiring, revocable)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from ..db import Database, Migration, Schema, from_db, to_db

SCHEMA = Schema("accounts", (
    Migration(1, "accounts and sessions", (
        """CREATE TABLE IF NOT EXISTS accounts (
            username      TEXT PRIMARY KEY,
            password_hash TEXT,
            disabled      INTEGER NOT NULL DEFAULT 0
        )""",
        """CREATE TABLE IF NOT EXISTS sessions (
            token_hash  TEXT PRIMARY KEY,
            username    TEXT NOT NULL REFERENCES accounts(username),
            created_at  TEXT NOT NULL,
            expires_at  TEXT NOT NULL,
            revoked_at  TEXT
        )""",
        "CREATE INDEX IF NOT EXISTS sessions_by_user ON sessions(username)",
    )),
))


@dataclass(frozen=True)
class SessionRow:
    username: str
    expires_at: datetime
    revoked: bool


class AccountStore:
    def __init__(self, db: Database) -> None:
        self._db = db

    # --- accounts ---

    def ensure_account(self, username: str, password_hash: str | None) -> None:
        """Create an account if it does not exist yet; an existing password is never overwritten."""
        self._db.execute("INSERT INTO accounts(username, password_hash) VALUES (?, ?) ON CONFLICT DO NOTHING",
                         (username, password_hash))

    def has_account(self, username: str) -> bool:
        return self._db.one("SELECT 1 FROM accounts WHERE username=?", (username,)) is not None

    def set_password_hash(self, username: str, password_hash: str) -> None:
        self._db.execute("UPDATE accounts SET password_hash=? WHERE username=?", (password_hash, username))

    def is_active_account(self, username: str) -> bool:
        return self._db.one("SELECT 1 FROM accounts WHERE username=? AND disabled=0", (username,)) is not None

    def set_disabled(self, username: str, disabled: bool) -> None:
        """Lock or unlock an account (the directory sync: someone left, or came back)."""
        self._db.execute("UPDATE accounts SET disabled=? WHERE username=?", (int(disabled), username))

    def password_hash(self, username: str) -> str | None:
        row = self._db.one("SELECT password_hash FROM accounts WHERE username=? AND disabled=0", (username,))
        return str(row[0]) if row and row[0] is not None else None

    # --- sessions ---

    def add_session(self, token_hash: str, username: str, now: datetime, expires_at: datetime) -> None:
        self._db.execute("INSERT INTO sessions(token_hash, username, created_at, expires_at) VALUES (?, ?, ?, ?)",
                         (token_hash, username, to_db(now), to_db(expires_at)))

    def session(self, token_hash: str) -> SessionRow | None:
        row = self._db.one("SELECT username, expires_at, revoked_at FROM sessions WHERE token_hash=?", (token_hash,))
        if row is None:
            return None
        return SessionRow(row[0], from_db(row[1]), row[2] is not None)

    def revoke_session(self, token_hash: str, now: datetime) -> None:
        self._db.execute("UPDATE sessions SET revoked_at=? WHERE token_hash=? AND revoked_at IS NULL",
                         (to_db(now), token_hash))

    def revoke_user_sessions(self, username: str, now: datetime) -> int:
        cur = self._db.execute("UPDATE sessions SET revoked_at=? WHERE username=? AND revoked_at IS NULL",
                               (to_db(now), username))
        return cur.rowcount

    def purge_sessions(self, now: datetime) -> None:
        """Expired and revoked sessions are kept one more day, so that a client waking up with an old
        token is told "abgelaufen"/"beendet" rather than "Passwort falsch"; then they are deleted."""
        cutoff = to_db(now - timedelta(days=1))
        self._db.execute("DELETE FROM sessions WHERE expires_at < ? OR revoked_at < ?", (cutoff, cutoff))
