"""Identity as a backend feature: the directory sync at start and every ``interval_minutes``, the
sessions from the identity provider kept alive (refreshed; ended when the provider refuses), and the
housekeeping of what sign-on leaves behind (started logins, tickets, leavers past their retention,
the audit log past its own).

What a sync changes reaches the running backend at once: the sockets of people who left are closed
(``session_ended`` with ``account_disabled``) in the same round, new and changed people join the office
directory (their next welcome shows them), and roles from groups decide again who serves which desk.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from datetime import datetime

from dvz_desktop.core.clock import Clock
from dvz_desktop.core.tasks import TaskSet
from dvz_desktop.protocol import ErrorCode

from ..feature import Feature
from ..net.accounts import AccountStore
from .config import IdentityConfig
from .ldap_reader import DirectoryUnavailable
from .rolebook import RoleBook
from .signin import SignIn
from .store import IdentityStore
from .sync import Applied, DirectorySync, ReadResult, read_directory, summary

log = logging.getLogger(__name__)
#: How often sessions from the provider are looked at for a refresh (each is refreshed when it is due).
REFRESH_CHECK_S = 5.0


@dataclass(frozen=True)
class SyncOutcome:
    """What one sync did: ``applied`` is None when it changed nothing (failed, held back, dry run)."""

    result: ReadResult | None
    applied: Applied | None
    problem: str = ""


class IdentityFeature(Feature):
    name = "identity"

    def __init__(self, config: IdentityConfig, accounts: AccountStore, identity: IdentityStore, roles: RoleBook,
                 clock: Clock, *, signin: SignIn | None, sync: DirectorySync | None,
                 end_sessions_of: Callable[[str, ErrorCode], None],
                 end_session: Callable[[str, ErrorCode], None],
                 people_changed: Callable[[Applied], None],
                 taken_rooms: Callable[[], set[str]]) -> None:
        self.config = config
        self.accounts = accounts
        self.identity = identity
        self.roles = roles
        self.clock = clock
        self.signin = signin
        self.sync = sync
        self._end_sessions_of = end_sessions_of
        self._end_session = end_session
        self._people_changed = people_changed
        self._taken_rooms = taken_rooms
        self._lock = asyncio.Lock()
        self._reader_pool: ProcessPoolExecutor | None = None
        self._tasks = TaskSet()
        #: Set after each sync (for tests and the administrators' view).
        self.synced = asyncio.Event()
        self.last: SyncOutcome | None = None

    # --- the directory ---

    async def sync_now(self, *, dry_run: bool = False) -> SyncOutcome:
        """One sync: read in a worker thread (ldap3 blocks), then apply on the loop in one transaction.
        An unreachable directory or a held-back plan changes nothing; the reason is recorded."""
        if self.sync is None:
            return SyncOutcome(None, None, "kein Verzeichnis eingerichtet")
        async with self._lock:  # one sync at a time (the periodic one and an administrator's)
            started = self.clock.now()
            try:
                result = await self._read(started)
            except DirectoryUnavailable as exc:
                log.warning("directory sync failed: %s", exc)
                self.identity.record_sync(started, self.clock.now(), "fehlgeschlagen", {}, str(exc))
                return self._done(SyncOutcome(None, None, str(exc)))
            if dry_run:
                return self._done(SyncOutcome(result, None))
            if result.plan.held_back:
                problem = (f"{len(result.plan.left)} Personen würden den Zugang verlieren; zurückgehalten "
                           "(directory.max_leavers_per_sync)")
                log.warning("directory sync held back: %d people would lose access", len(result.plan.left))
                self.identity.record_sync(started, self.clock.now(), "zurueckgehalten", summary(result), problem)
                return self._done(SyncOutcome(result, None, problem))
            assert self.config.directory is not None
            applied = self.sync.apply(result, self.accounts, self.clock.now(),
                                      office_areas=self.config.directory.office_areas,
                                      taken_rooms=self._taken_rooms())
            self.identity.record_sync(started, self.clock.now(), "ok", summary(result))
            self._take_effect(applied)
            log.info("directory sync: %s", ", ".join(f"{k}={v}" for k, v in summary(result).items()))
            return self._done(SyncOutcome(result, applied))

    async def _read(self, now: datetime) -> ReadResult:
        """The directory read in a process of its own (sync.read_directory): the loop keeps serving."""
        assert self.sync is not None
        if self._reader_pool is None:
            # spawn, not fork: a forked copy of a running backend (threads, an open database) is unsafe.
            self._reader_pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))
        try:
            return await asyncio.get_running_loop().run_in_executor(
                self._reader_pool, read_directory, self.sync.config, self.sync.roles,
                self.identity.active_profiles(), self.identity.left_usernames(), now)
        except BrokenProcessPool:
            self._reader_pool = None
            raise DirectoryUnavailable("der Prozess, der das Verzeichnis liest, ist abgestürzt") from None

    def _done(self, outcome: SyncOutcome) -> SyncOutcome:
        self.last = outcome
        self.synced.set()
        return outcome

    def _take_effect(self, applied: Applied) -> None:
        """What a sync changed, in the running backend: leavers lose their sockets now, roles and people
        follow the directory."""
        for username, profile in self.identity.active_profiles().items():
            self.roles.set_directory_groups(username, profile.groups)
        for username in applied.left:
            self.roles.forget(username)
            self._end_sessions_of(username, ErrorCode.ACCOUNT_DISABLED)
            if self.signin is not None:
                self.signin.left(username)  # their grants at the provider are revoked too
        self._people_changed(applied)

    # --- the loops ---

    async def run(self) -> None:
        try:
            if self.sync is not None:
                self._tasks.spawn(self._sync_loop(), name="dvz-directory-sync")
            if self.signin is not None and self.signin.oidc is not None:
                self._tasks.spawn(self._refresh_loop(), name="dvz-oidc-refresh")
            await asyncio.Event().wait()  # until the backend stops (cancelled)
        finally:
            self._tasks.cancel()
            await self._tasks.idle()
            self.close()
            if self.signin is not None:
                await self.signin.close()

    async def _sync_loop(self) -> None:
        assert self.config.directory is not None
        while True:
            try:
                await self.sync_now()
            except Exception:
                log.exception("directory sync failed")
            await asyncio.sleep(self.config.directory.interval_minutes * 60)

    async def _refresh_loop(self) -> None:
        assert self.signin is not None
        while True:
            try:
                for ended in await self.signin.refresh_due():
                    self._end_session(ended.token_hash, ended.reason)
            except Exception:
                log.exception("refreshing sessions at the identity provider failed")
            await asyncio.sleep(REFRESH_CHECK_S)

    # --- housekeeping ---

    def housekeep(self, now: datetime) -> None:
        if self.signin is not None:
            self.signin.logins.purge(now)
        self.identity.purge_oidc_sessions()
        if self.config.directory is not None:
            self.identity.purge_leavers(now, self.config.directory.keep_leavers_days)
        self.identity.purge_audit(now, self.config.audit_retention_days)

    def close(self) -> None:
        if self._reader_pool is not None:
            self._reader_pool.shutdown(wait=False, cancel_futures=True)
            self._reader_pool = None

    def logged_out(self, token_hash: str) -> None:
        """A logout ended a DVZ session: the provider's grant of it ends as well."""
        if self.signin is not None:
            self.signin.logged_out(token_hash)
