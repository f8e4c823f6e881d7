"""Short-lived, single-use things around a sign-in, kept in the database (so a restart or a second
backend node knows them too):

* a started single sign-on: its ``state`` and ``nonce`` (``/auth/oidc/start``), taken once by
  ``/auth/oidc/finish`` within ``login_timeout_s``;
* a websocket ticket (``/auth/ticket``): valid :data:`~dvz_desktop.protocol.auth.TICKET_TTL_S` seconds,
  once, for clients that cannot send an ``Authorization`` header with the upgrade. Only its hash is
  stored.

Bounded: at most :data:`MAX_PENDING_PER_ADDRESS` started logins per address and :data:`MAX_PENDING` in all,
so nobody can fill the table by calling ``/auth/oidc/start`` in a loop.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from dvz_desktop.protocol.auth import TICKET_TTL_S

from ..db import Database, Migration, Schema, from_db, to_db

MAX_PENDING = 10_000
MAX_PENDING_PER_ADDRESS = 30

SCHEMA = Schema("logins", (
    Migration(1, "started single sign-ons and websocket tickets", (
        """CREATE TABLE IF NOT EXISTS oidc_logins (
            login_id   TEXT PRIMARY KEY,
            state      TEXT NOT NULL,
            nonce      TEXT NOT NULL,
            address    TEXT NOT NULL,
            expires_at TEXT NOT NULL
        )""",
        "CREATE INDEX IF NOT EXISTS oidc_logins_address ON oidc_logins(address)",
        """CREATE TABLE IF NOT EXISTS ws_tickets (
            ticket_hash TEXT PRIMARY KEY,
            token_hash  TEXT NOT NULL,
            expires_at  TEXT NOT NULL
        )""",
    )),
))


def _hash(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class PendingLogin:
    login_id: str
    state: str
    nonce: str
    expires_at: datetime


class TooManyLogins(Exception):
    pass


class LoginBook:
    def __init__(self, db: Database) -> None:
        self._db = db

    def start(self, address: str, now: datetime, ttl: timedelta) -> PendingLogin:
        self.purge(now)
        per_address = self._db.execute("SELECT COUNT(*) FROM oidc_logins WHERE address=?", (address,)).fetchone()[0]
        total = self._db.execute("SELECT COUNT(*) FROM oidc_logins").fetchone()[0]
        if per_address >= MAX_PENDING_PER_ADDRESS or total >= MAX_PENDING:
            raise TooManyLogins
        login = PendingLogin(secrets.token_urlsafe(18), secrets.token_urlsafe(24), secrets.token_urlsafe(24),
                             now + ttl)
        self._db.execute("INSERT INTO oidc_logins(login_id, state, nonce, address, expires_at) VALUES (?, ?, ?, ?, ?)",
                         (login.login_id, login.state, login.nonce, address, to_db(login.expires_at)))
        return login

    def take(self, login_id: str, now: datetime) -> PendingLogin | None:
        """The started login, once; None when unknown, used already or expired."""
        row = self._db.execute("DELETE FROM oidc_logins WHERE login_id=? RETURNING login_id, state, nonce, expires_at",
                               (login_id,)).fetchone()
        if row is None:
            return None
        login = PendingLogin(row[0], row[1], row[2], from_db(row[3]))
        return login if login.expires_at > now else None

    # --- websocket tickets ---

    def issue_ticket(self, token_hash: str, now: datetime) -> str:
        self.purge(now)
        ticket = secrets.token_urlsafe(32)
        self._db.execute("INSERT INTO ws_tickets(ticket_hash, token_hash, expires_at) VALUES (?, ?, ?)",
                         (_hash(ticket), token_hash, to_db(now + timedelta(seconds=TICKET_TTL_S))))
        return ticket

    def redeem_ticket(self, ticket: str, now: datetime) -> str | None:
        """The session (token hash) a ticket was issued for, once; None when unknown, used or expired."""
        row = self._db.execute("DELETE FROM ws_tickets WHERE ticket_hash=? RETURNING token_hash, expires_at",
                               (_hash(ticket),)).fetchone()
        if row is None or from_db(row[1]) <= now:
            return None
        return str(row[0])

    def purge(self, now: datetime) -> None:
        self._db.execute("DELETE FROM oidc_logins WHERE expires_at <= ?", (to_db(now),))
        self._db.execute("DELETE FROM ws_tickets WHERE expires_at <= ?", (to_db(now),))
