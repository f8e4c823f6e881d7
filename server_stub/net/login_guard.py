"""What stands between a password guesser and everyone else: at most a few password checks at a time
(each argon2 check takes 64 MiB and tens of milliseconds of a core), a short queue behind them, a slow-down
and then a lockout per account and per address (``core/login_throttle.py``), and a cap on sockets that
have not logged in yet per address.

Account failures are stored (so ``dvz-server --unlock-user`` can clear them from another process, and a
restart does not reset a guesser's count); address failures only in memory.
"""

from __future__ import annotations

import asyncio
import logging
import os
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TypeVar

from dvz_desktop.core import login_throttle as rule
from dvz_desktop.core.clock import Clock
from dvz_desktop.core.login_throttle import (
    ACCOUNT_POLICY,
    ADDRESS_POLICY,
    Failures,
    Refusal,
    Verdict,
)
from dvz_desktop.protocol import CloseCode, ErrorCode

from ..db import Database, Migration, Schema, from_db, to_db
from .auth import Authenticated, Authenticator, AuthError

log = logging.getLogger(__name__)

T = TypeVar("T")

SCHEMA = Schema("login_guard", (
    Migration(1, "failed password logins per account", (
        """CREATE TABLE IF NOT EXISTS login_failures (
            username     TEXT PRIMARY KEY,
            failures     INTEGER NOT NULL,
            last_failure TEXT NOT NULL,
            locked_until TEXT
        )""",
    )),
))
#: Password checks at once: half the cores, so logins never take the whole machine from the others.
MAX_CONCURRENT_CHECKS = max(1, (os.cpu_count() or 2) // 2)
#: Password checks waiting for a turn; more are refused as "busy" at once.
MAX_WAITING_CHECKS = 64
#: Sockets of one address that have not (yet) logged in: room for an office behind one NAT logging in
#: at once, far below what would cost the others (12 KB each, gone after the 10 s hello timeout).
MAX_UNAUTHENTICATED_PER_ADDRESS = 100
#: Addresses whose failures are kept in memory at most (the oldest are forgotten first).
MAX_TRACKED_ADDRESSES = 10_000


class LoginBusy(Exception):
    """Too many password checks are waiting already."""


@dataclass(frozen=True)
class LoginRefused:
    """How a password login is refused: the error code, the close code, seconds to wait (0: none)."""

    code: ErrorCode
    close_code: int
    retry_after: int = 0


class LoginGuard:
    def __init__(self, db: Database, clock: Clock, max_unauthenticated: int = MAX_UNAUTHENTICATED_PER_ADDRESS) -> None:
        self._db = db
        self._max_unauthenticated = max_unauthenticated
        self._clock = clock
        self._checks = asyncio.Semaphore(MAX_CONCURRENT_CHECKS)
        self._waiting = 0
        self._addresses: dict[str, Failures] = {}
        self._unauthenticated: dict[str, int] = {}

    # --- sockets before login ---

    def open_unauthenticated(self, address: str) -> bool:
        """Count a new socket of ``address``; False (and not counted) when that address has too many."""
        if self.too_many_unauthenticated(address):
            return False
        self._unauthenticated[address] = self._unauthenticated.get(address, 0) + 1
        return True

    def too_many_unauthenticated(self, address: str) -> bool:
        return self._unauthenticated.get(address, 0) >= self._max_unauthenticated

    def close_unauthenticated(self, address: str) -> None:
        count = self._unauthenticated.get(address, 0) - 1
        if count > 0:
            self._unauthenticated[address] = count
        else:
            self._unauthenticated.pop(address, None)

    # --- password checks ---

    def verdict(self, username: str, address: str) -> Verdict:
        """Whether a password try may be checked now. A locked account says so (LOCKED); every other
        refusal, of the account or of the address, is a slow-down (THROTTLED) with the longer wait."""
        now = self._clock.now()
        account = rule.check(self._account(username), ACCOUNT_POLICY, now)
        if account.refusal is Refusal.LOCKED:
            return account
        address_verdict = rule.check(self._addresses.get(address, Failures()), ADDRESS_POLICY, now)
        wait = max(account.retry_after, address_verdict.retry_after)
        return Verdict(Refusal.THROTTLED, wait) if wait else Verdict()

    async def bounded(self, check: Callable[[], Awaitable[T]]) -> T:
        """Run one password check when a slot is free; raise LoginBusy when the queue is full."""
        if self._waiting >= MAX_WAITING_CHECKS:
            raise LoginBusy
        self._waiting += 1
        try:
            async with self._checks:
                return await check()
        finally:
            self._waiting -= 1

    async def password_login(self, auth: Authenticator, username: str, password: str, address: str,
                             tarpit_s: float) -> Authenticated | LoginRefused:
        """Check a password through the guard: refused at once while the account or address is slowed
        down or locked (no argon2 work; the answer waits up to ``tarpit_s``, the socket still counted as
        one without a login, so a guesser gets a few answers per second instead of hundreds), bounded
        while many checks run, counted when wrong."""
        verdict = self.verdict(username, address)
        if not verdict.allowed:
            code = ErrorCode.ACCOUNT_LOCKED if verdict.refusal is Refusal.LOCKED else ErrorCode.LOGIN_THROTTLED
            log.info("login refused (%s, retry after %d s)", code.value, verdict.retry_after)
            await asyncio.sleep(min(verdict.retry_after, tarpit_s))
            return LoginRefused(code, CloseCode.AUTH_FAILED, max(1, self.verdict(username, address).retry_after))
        try:
            who = await self.bounded(lambda: auth.login_password(username, password))
        except LoginBusy:
            log.warning("login refused: too many password checks waiting")
            return LoginRefused(ErrorCode.LOGIN_BUSY, CloseCode.TRY_AGAIN_LATER)
        except AuthError as exc:
            self.failed(username, address)
            log.info("login refused (%s)", exc.code.value)
            return LoginRefused(exc.code, CloseCode.AUTH_FAILED)
        self.succeeded(username, address)
        return who

    def failed(self, username: str, address: str) -> None:
        now = self._clock.now()
        state = rule.failed(self._account(username), ACCOUNT_POLICY, now)
        self._db.execute(
            "INSERT INTO login_failures(username, failures, last_failure, locked_until) VALUES (?, ?, ?, ?) "
            "ON CONFLICT(username) DO UPDATE SET failures=excluded.failures, last_failure=excluded.last_failure, "
            "locked_until=excluded.locked_until",
            (username, state.count, _stamp(state.last), _stamp(state.locked_until)))
        before = self._addresses.pop(address, Failures())  # re-inserted last: the dict stays ordered by recency
        self._addresses[address] = rule.failed(before, ADDRESS_POLICY, now)
        while len(self._addresses) > MAX_TRACKED_ADDRESSES:
            del self._addresses[next(iter(self._addresses))]

    def succeeded(self, username: str, address: str) -> None:
        self._db.execute("DELETE FROM login_failures WHERE username=?", (username,))
        self._addresses.pop(address, None)

    def purge(self) -> None:
        """Forget failures that no longer count (housekeeping)."""
        now = self._clock.now()
        for (username,) in self._db.all("SELECT username FROM login_failures"):
            if rule.current(self._account(username), ACCOUNT_POLICY, now) == Failures():
                self._db.execute("DELETE FROM login_failures WHERE username=?", (username,))
        for address in [a for a, s in self._addresses.items() if rule.current(s, ADDRESS_POLICY, now) == Failures()]:
            del self._addresses[address]

    def _account(self, username: str) -> Failures:
        row = self._db.one("SELECT failures, last_failure, locked_until FROM login_failures WHERE username=?",
                           (username,))
        if row is None:
            return Failures()
        return Failures(row[0], from_db(row[1]), from_db(row[2]) if row[2] else None)


def unlock_account(db: Database, username: str) -> bool:
    """The administrator's unlock (``dvz-server --unlock-user``): True if there was anything to clear."""
    return db.execute("DELETE FROM login_failures WHERE username=?", (username,)).rowcount > 0


def _stamp(moment: datetime | None) -> str | None:
    return to_db(moment) if moment is not None else None
