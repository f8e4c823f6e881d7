"""Passwords (argon2id) and session tokens (random, stored only as a hash, expiring, revocable)."""

from __future__ import annotations

import asyncio
import hashlib
import secrets
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from dvz_desktop.core.clock import Clock
from dvz_desktop.protocol import ErrorCode

from .accounts import AccountStore

_HASHER = PasswordHasher()
# A fixed hash to verify against when the user does not exist, so the answer takes as long as for a
# wrong password and does not reveal which user names exist.
_DUMMY_HASH = _HASHER.hash("dvz-dummy-password")


def hash_password(password: str) -> str:
    return _HASHER.hash(password)


def _verify(password_hash: str | None, password: str) -> bool:
    try:
        return _HASHER.verify(password_hash or _DUMMY_HASH, password) and password_hash is not None
    except (VerificationError, InvalidHashError):
        return False


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class AuthError(Exception):
    def __init__(self, code: ErrorCode) -> None:
        super().__init__(code.value)
        self.code = code


@dataclass(frozen=True)
class Authenticated:
    username: str
    token_hash: str
    expires_at: datetime
    #: The new token after a password login (None after a token login).
    new_token: str | None


#: Checks a password somewhere else than in the local hashes (the directory: an LDAP bind).
PasswordCheck = Callable[[str, str], Awaitable[bool]]


class Authenticator:
    def __init__(self, store: AccountStore, clock: Clock, token_ttl: timedelta,
                 password_check: PasswordCheck | None = None) -> None:
        self._store = store
        self._clock = clock
        self._ttl = token_ttl
        self._password_check = password_check

    async def login_password(self, username: str, password: str) -> Authenticated:
        if self._password_check is not None:
            # The directory decides about the password; the account must still be active here.
            ok = await self._password_check(username, password) and self._store.is_active_account(username)
        else:
            stored = self._store.password_hash(username)
            # argon2 takes tens of milliseconds of CPU: keep it off the loop so others are not delayed.
            ok = await asyncio.to_thread(_verify, stored, password)
        if not ok:
            raise AuthError(ErrorCode.AUTH_FAILED)
        return self.issue(username)

    def issue(self, username: str) -> Authenticated:
        """A new session for someone whose identity was proven (a password, the identity provider)."""
        token = secrets.token_urlsafe(32)
        now = self._clock.now()
        expires = now + self._ttl
        digest = token_hash(token)
        self._store.add_session(digest, username, now, expires)
        return Authenticated(username, digest, expires, token)

    def login_token(self, token: str) -> Authenticated:
        return self.login_hash(token_hash(token))

    def login_hash(self, digest: str) -> Authenticated:
        """The session stored under ``digest`` (a websocket ticket names its session this way)."""
        row = self._store.session(digest)
        if row is None:
            raise AuthError(ErrorCode.AUTH_FAILED)
        self._check(row.revoked, row.expires_at)
        return Authenticated(row.username, digest, row.expires_at, None)

    def still_valid(self, digest: str) -> ErrorCode | None:
        """None while the session is good, else the reason it ended."""
        row = self._store.session(digest)
        if row is None:
            return ErrorCode.TOKEN_REVOKED
        try:
            self._check(row.revoked, row.expires_at)
        except AuthError as exc:
            return exc.code
        return None

    def _check(self, revoked: bool, expires_at: datetime) -> None:
        if revoked:
            raise AuthError(ErrorCode.TOKEN_REVOKED)
        if expires_at <= self._clock.now():
            raise AuthError(ErrorCode.TOKEN_EXPIRED)

    def revoke(self, digest: str) -> None:
        self._store.revoke_session(digest, self._clock.now())
