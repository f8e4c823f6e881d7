"""The backend's login guard: failures count per account and per address, unlock clears an account."""

import sqlite3
from datetime import UTC, datetime

from dvz_desktop.core.clock import ManualClock
from dvz_desktop.core.login_throttle import ADDRESS_POLICY, Refusal
from server_stub.db import Database, migrate
from server_stub.net.login_guard import SCHEMA, LoginGuard, unlock_account


def memory_db() -> Database:
    db = Database(sqlite3.connect(":memory:", isolation_level=None))
    migrate(db, [SCHEMA])
    return db


def guard() -> tuple[LoginGuard, ManualClock, Database]:
    db = memory_db()
    clock = ManualClock(datetime(2026, 12, 1, 9, 0, tzinfo=UTC))
    return LoginGuard(db, clock), clock, db


def test_failures_with_many_names_from_one_address_add_up() -> None:
    g, clock, _db = guard()
    for n in range(ADDRESS_POLICY.free):
        g.failed(f"name{n}", "203.0.113.7")
    verdict = g.verdict("someone-else", "203.0.113.7")
    assert verdict.refusal is Refusal.THROTTLED and verdict.retry_after == 2
    assert g.verdict("someone-else", "198.51.100.1").allowed  # another address is not affected
    clock.advance(seconds=2)
    assert g.verdict("someone-else", "203.0.113.7").allowed


def test_an_account_locks_and_the_admin_unlocks_it() -> None:
    g, clock, db = guard()
    for n in range(10):
        clock.advance(seconds=61)
        g.failed("anna", f"198.51.100.{n}")
    assert g.verdict("anna", "192.0.2.1").refusal is Refusal.LOCKED
    assert unlock_account(db, "anna") and not unlock_account(db, "anna")
    assert g.verdict("anna", "192.0.2.1").allowed


def test_a_success_forgets_the_failures_and_sockets_without_login_are_counted() -> None:
    g, _clock, _db = guard()
    for _ in range(3):
        g.failed("anna", "192.0.2.1")
    g.succeeded("anna", "192.0.2.1")
    assert g.verdict("anna", "192.0.2.1").allowed
    small = LoginGuard(memory_db(), ManualClock(datetime.now(UTC)), max_unauthenticated=2)
    assert small.open_unauthenticated("a") and small.open_unauthenticated("a") and not small.open_unauthenticated("a")
    small.close_unauthenticated("a")
    assert small.open_unauthenticated("a")
