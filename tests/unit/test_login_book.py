"""Started single sign-ons and websocket tickets are single use, short-lived and bounded
(server_stub/identity/logins.py)."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta

import pytest

from server_stub.db import Database, migrate
from server_stub.identity.logins import MAX_PENDING_PER_ADDRESS, SCHEMA, LoginBook, TooManyLogins

T0 = datetime(2026, 12, 1, 8, 0, tzinfo=UTC)


def book() -> LoginBook:
    db = Database(sqlite3.connect(":memory:", isolation_level=None))
    migrate(db, (SCHEMA,))
    return LoginBook(db)


def test_a_started_login_is_taken_once_with_its_state_and_nonce() -> None:
    logins = book()
    login = logins.start("10.0.0.1", T0, timedelta(minutes=5))
    assert len({login.login_id, login.state, login.nonce}) == 3 and min(map(len, (login.state, login.nonce))) >= 32
    assert logins.take(login.login_id, T0 + timedelta(minutes=1)) == login
    assert logins.take(login.login_id, T0 + timedelta(minutes=1)) is None  # used


def test_a_login_that_took_too_long_is_gone() -> None:
    logins = book()
    login = logins.start("10.0.0.1", T0, timedelta(minutes=5))
    assert logins.take(login.login_id, T0 + timedelta(minutes=5, seconds=1)) is None
    assert logins.take("never-started", T0) is None


def test_one_address_cannot_start_logins_without_end() -> None:
    logins = book()
    for _n in range(MAX_PENDING_PER_ADDRESS):
        logins.start("10.0.0.1", T0, timedelta(minutes=5))
    with pytest.raises(TooManyLogins):
        logins.start("10.0.0.1", T0, timedelta(minutes=5))
    logins.start("10.0.0.2", T0, timedelta(minutes=5))  # others are not affected
    logins.start("10.0.0.1", T0 + timedelta(minutes=6), timedelta(minutes=5))  # expired ones make room


def test_a_ticket_opens_one_socket_within_a_minute() -> None:
    logins = book()
    ticket = logins.issue_ticket("session-hash", T0)
    assert logins.redeem_ticket(ticket, T0 + timedelta(seconds=59)) == "session-hash"
    assert logins.redeem_ticket(ticket, T0 + timedelta(seconds=59)) is None  # reused
    late = logins.issue_ticket("session-hash", T0)
    assert logins.redeem_ticket(late, T0 + timedelta(seconds=60)) is None
    assert logins.redeem_ticket("guessed", T0) is None
    kept = logins.issue_ticket("session-hash", T0)
    stored = logins._db.execute("SELECT ticket_hash FROM ws_tickets").fetchall()
    assert len(stored) == 1 and kept not in stored[0][0]  # only its hash is kept
