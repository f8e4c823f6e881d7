"""Single sign-on on the backend: start a login (state and nonce), finish it (redeem the code, check the
ID token, map its claims to an account, issue a DVZ session and keep the provider's refresh token),
keep sessions alive by refreshing them at the provider, end them when the provider refuses, and end
both sides at logout.

The account a token names must be one DVZ knows and keeps active: a person of the directory sync (or
of the organisation file where there is no directory). Someone the provider knows but DVZ does not, or
whose account was disabled by the sync, is refused with ``account_disabled``.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from dvz_desktop.core.claims import (
    ClaimProblem,
    ClaimRefused,
    bind_subject,
    identity_from_claims,
)
from dvz_desktop.core.clock import Clock
from dvz_desktop.core.roles import has_access
from dvz_desktop.protocol import ErrorCode
from dvz_desktop.protocol.auth import AuthConfig, OidcInfo, OidcStart, SessionGranted

from ..net.accounts import AccountStore
from ..net.auth import Authenticator
from .config import IdentityConfig, OidcConfig
from .logins import LoginBook, TooManyLogins
from .oidc import OidcClient, OidcError, ProviderRefused
from .rolebook import RoleBook
from .store import IdentityStore

log = logging.getLogger(__name__)
#: When the provider cannot be reached for a refresh, try again after this long (the session stays).
RETRY_UNREACHABLE_S = 60
#: Sessions refreshed per round of housekeeping (the rest wait for the next round).
REFRESH_BATCH = 200


class SignInRefused(Exception):
    """A sign-in step refused: the error code the client gets and the HTTP status it comes with."""

    def __init__(self, code: ErrorCode, status: int, retry_after: int | None = None) -> None:
        super().__init__(code.value)
        self.code = code
        self.status = status
        self.retry_after = retry_after


STATUS = {ErrorCode.ID_TOKEN_INVALID: 401, ErrorCode.LOGIN_EXPIRED: 401, ErrorCode.ACCOUNT_CONFLICT: 403,
          ErrorCode.ACCOUNT_DISABLED: 403, ErrorCode.PROVIDER_UNREACHABLE: 502, ErrorCode.PROVIDER_ENDED_SESSION: 401,
          ErrorCode.SSO_NOT_CONFIGURED: 404, ErrorCode.LOGIN_BUSY: 429}


def refused(code: ErrorCode) -> SignInRefused:
    return SignInRefused(code, STATUS.get(code, 400))


@dataclass(frozen=True)
class Ended:
    """A session the provider no longer backs: the sockets of ``token_hash`` are closed with ``reason``."""

    token_hash: str
    username: str
    reason: ErrorCode


class SignIn:
    def __init__(self, config: IdentityConfig, store: AccountStore, identity: IdentityStore, auth: Authenticator,
                 clock: Clock, roles: RoleBook, is_known: Callable[[str], bool],
                 oidc: OidcClient | None = None) -> None:
        self.config = config
        self._store = store
        self._identity = identity
        self._auth = auth
        self._clock = clock
        self._roles = roles
        self._is_known = is_known
        self._logins = LoginBook(identity.db)
        self.oidc = oidc if oidc is not None or config.oidc is None else OidcClient(config.oidc)
        self._revocations: set[asyncio.Task[bool]] = set()

    @property
    def logins(self) -> LoginBook:
        return self._logins

    async def close(self) -> None:
        if self._revocations:
            await asyncio.wait(self._revocations, timeout=5)
        if self.oidc is not None:
            await self.oidc.close()

    # --- what the login dialog needs to know ---

    async def auth_config(self) -> AuthConfig:
        oidc = self.config.oidc
        if oidc is None:
            return AuthConfig(password_login=self.config.password_login)
        end_session = None
        try:
            assert self.oidc is not None
            end_session = (await self.oidc.metadata()).end_session_endpoint
        except OidcError as exc:
            log.warning("the identity provider's metadata are unavailable (%s)", exc.detail)
        return AuthConfig(password_login=self.config.password_login,
                          oidc=OidcInfo(issuer=oidc.issuer, client_id=oidc.client_id, scope=oidc.scope,
                                        end_session_endpoint=end_session))

    # --- one login ---

    async def start(self, address: str) -> OidcStart:
        oidc, client = self._configured()
        try:
            metadata = await client.metadata()
        except OidcError as exc:
            log.warning("sign-in start: provider unavailable (%s)", exc.detail)
            raise refused(ErrorCode.PROVIDER_UNREACHABLE) from None
        try:
            login = self._logins.start(address, self._clock.now(), timedelta(seconds=oidc.login_timeout_s))
        except TooManyLogins:
            raise SignInRefused(ErrorCode.LOGIN_BUSY, 429, retry_after=60) from None
        return OidcStart(login_id=login.login_id, state=login.state, nonce=login.nonce,
                         authorization_endpoint=metadata.authorization_endpoint, client_id=oidc.client_id,
                         scope=oidc.scope, expires_in=oidc.login_timeout_s)

    async def finish(self, login_id: str, code: str, verifier: str, redirect_uri: str) -> SessionGranted:
        oidc, client = self._configured()
        login = self._logins.take(login_id, self._clock.now())
        if login is None:
            raise refused(ErrorCode.LOGIN_EXPIRED)
        try:
            tokens = await client.redeem(code, verifier, redirect_uri)
            claims = await client.verify_id_token(tokens.id_token, nonce=login.nonce)
        except ProviderRefused as exc:  # a wrong verifier, a used or foreign code
            log.info("sign-in refused at the provider (%s)", exc.detail)
            raise refused(ErrorCode.ID_TOKEN_INVALID) from None
        except OidcError as exc:
            log.info("sign-in failed (%s: %s)", exc.code.value, exc.detail)
            raise refused(exc.code) from None
        try:
            identity = identity_from_claims(claims, oidc.claim_rules())
            username = identity.username
            if self._identity.username_of_subject(identity.subject) not in (None, username):
                raise ClaimRefused(ClaimProblem.ACCOUNT_CONFLICT, "the subject is bound to another user name")
            subject = bind_subject(self._identity.subject_of(username), identity)
        except ClaimRefused as exc:
            log.info("sign-in refused (%s)", exc.problem.value)
            conflict = exc.problem is ClaimProblem.ACCOUNT_CONFLICT
            code = ErrorCode.ACCOUNT_CONFLICT if conflict else ErrorCode.ACCOUNT_DISABLED
            raise refused(code) from None
        if not self._may_enter(username, identity.groups):
            log.info("sign-in refused: user=%s has no active DVZ account", username)
            raise refused(ErrorCode.ACCOUNT_DISABLED)
        now = self._clock.now()
        self._identity.bind_subject(username, subject, now)
        who = self._auth.issue(username)
        assert who.new_token is not None
        self._identity.add_oidc_session(who.token_hash, username, subject, tokens.refresh_token,
                                        now + timedelta(seconds=oidc.refresh_every_s))
        log.info("user=%s signed in through the identity provider", username)
        return SessionGranted(token=who.new_token, expires_at=who.expires_at, username=username)

    def _may_enter(self, username: str, claimed_groups: tuple[str, ...]) -> bool:
        if not (self._is_known(username) and self._store.is_active_account(username)):
            return False
        if self._roles.in_directory(username):
            return has_access(self._roles.grants_of(username))
        if claimed_groups or self._roles.mapping.restricts_access:
            self._roles.set_claimed_groups(username, claimed_groups)
        return has_access(self._roles.grants_of(username))

    def _configured(self) -> tuple[OidcConfig, OidcClient]:
        if self.config.oidc is None or self.oidc is None:
            raise refused(ErrorCode.SSO_NOT_CONFIGURED)
        return self.config.oidc, self.oidc

    # --- keeping sessions alive ---

    async def refresh_due(self) -> list[Ended]:
        """Refresh the sessions that are due; those the provider refuses end (their DVZ session is
        revoked here, their sockets are the caller's to close). An unreachable provider ends nothing."""
        if self.config.oidc is None or self.oidc is None:
            return []
        every = timedelta(seconds=self.config.oidc.refresh_every_s)
        ended: list[Ended] = []
        for session in self._identity.due_oidc_sessions(self._clock.now(), REFRESH_BATCH):
            if self._auth.still_valid(session.token_hash) is not None:
                self._identity.drop_oidc_session(session.token_hash)  # ended another way (logout, expiry)
                continue
            if session.refresh_token is None:  # the provider gave none: the DVZ session's own expiry rules
                self._identity.refreshed(session.token_hash, None, self._clock.now() + every)
                continue
            try:
                tokens = await self.oidc.refresh(session.refresh_token)
                await self.oidc.verify_id_token(tokens.id_token, nonce=None, subject=session.subject)
            except ProviderRefused as exc:
                log.info("the provider ended the session of user=%s (%s)", session.username, exc.detail)
                ended.append(self._end(session.token_hash, session.username, ErrorCode.PROVIDER_ENDED_SESSION))
                continue
            except OidcError as exc:
                if exc.code is ErrorCode.ID_TOKEN_INVALID:
                    log.warning("a refreshed ID token of user=%s failed its checks (%s)", session.username, exc.detail)
                    ended.append(self._end(session.token_hash, session.username, ErrorCode.PROVIDER_ENDED_SESSION))
                    continue
                log.warning("refresh for user=%s postponed: provider unreachable (%s)", session.username, exc.detail)
                retry = timedelta(seconds=min(RETRY_UNREACHABLE_S, self.config.oidc.refresh_every_s))
                self._identity.refreshed(session.token_hash, None, self._clock.now() + retry)
                continue
            self._identity.refreshed(session.token_hash, tokens.refresh_token, self._clock.now() + every)
        return ended

    def _end(self, token_hash: str, username: str, reason: ErrorCode) -> Ended:
        self._auth.revoke(token_hash)
        self._identity.drop_oidc_session(token_hash)
        return Ended(token_hash, username, reason)

    # --- logout ---

    def logged_out(self, token_hash: str) -> None:
        """The DVZ session ended by logout: the provider forgets its refresh token (and grant) too."""
        self.revoke_at_provider(self._identity.drop_oidc_session(token_hash))

    def left(self, username: str) -> None:
        """Someone left (directory sync): their provider grants are revoked as well."""
        for refresh_token in self._identity.drop_oidc_sessions_of(username):
            self.revoke_at_provider(refresh_token)

    def revoke_at_provider(self, refresh_token: str | None) -> None:
        if refresh_token is None or self.oidc is None:
            return
        task = asyncio.get_running_loop().create_task(self.oidc.revoke(refresh_token), name="dvz-oidc-revoke")
        self._revocations.add(task)
        task.add_done_callback(self._revocations.discard)

    async def revocations_done(self) -> None:
        """For tests and shutdown: wait until pending revocations at the provider are through."""
        if self._revocations:
            await asyncio.wait(set(self._revocations), timeout=10)
