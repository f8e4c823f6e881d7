"""Authentication before the websocket upgrade: the staff socket opens only for a request that proves
a session, and nothing of it is read before. A refused request gets its HTTP answer (401, 403, 429,
503) with an :class:`~dvz_desktop.protocol.auth.AuthRefusal` body instead of ``101``.

What proves a session, in the upgrade request:

* ``Authorization: Bearer <session token>`` — the desktop app after its first sign-in;
* ``Authorization: Basic <user:password>`` — a password login (where it is still switched on), through
  the login guard (slow-down, lockout, bounded checks); the new session's token comes in the welcome;
* ``?ticket=<ticket>`` — a single-use ticket from ``/auth/ticket``, valid 60 s, for clients that cannot
  set headers on a websocket. The ticket is never logged (websockets logs no request lines here).

The browser door (``/gast``) and the public pages keep their own path and limits.
"""

from __future__ import annotations

import base64
import binascii
import logging
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

from websockets.datastructures import Headers
from websockets.http11 import Request, Response

from dvz_desktop.core.clock import Clock
from dvz_desktop.protocol import ErrorCode, error_texts
from dvz_desktop.protocol.auth import AuthRefusal

from ..net.auth import Authenticated, Authenticator, AuthError
from ..net.login_guard import LoginGuard
from .logins import LoginBook

log = logging.getLogger(__name__)
REASONS = {200: "OK", 400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found",
           429: "Too Many Requests", 502: "Bad Gateway", 503: "Service Unavailable"}
CHALLENGE = 'Bearer realm="dvz", Basic realm="dvz", charset="UTF-8"'
#: A Basic credential longer than this is not a user name and a password.
MAX_BASIC = 1024


def json_response(status: int, body: str, extra: dict[str, str] | None = None) -> Response:
    headers = Headers({"Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store",
                       "X-Content-Type-Options": "nosniff", **(extra or {})})
    data = body.encode("utf-8")
    headers["Content-Length"] = str(len(data))
    return Response(status, REASONS.get(status, "Error"), headers, data)


def refusal_response(status: int, code: ErrorCode, retry_after: int | None = None) -> Response:
    de, en = error_texts(code)
    body = AuthRefusal(code=code.value, message_de=de, message_en=en, retry_after=retry_after).model_dump_json(
        exclude_none=True)
    extra = {"Retry-After": str(retry_after)} if retry_after else {}
    if status == 401:
        extra["WWW-Authenticate"] = CHALLENGE
    return json_response(status, body, extra)


@dataclass(frozen=True)
class Refusal:
    status: int
    code: ErrorCode
    retry_after: int | None = None

    def response(self) -> Response:
        return refusal_response(self.status, self.code, self.retry_after)


class UpgradeAuth:
    """``required``: a request without credentials is refused (401); otherwise it may still log in with
    its first frame (older clients)."""

    def __init__(self, auth: Authenticator, guard: LoginGuard, logins: LoginBook, clock: Clock, *,
                 password_login: bool = True, tarpit_s: float = 3.0, required: bool = True) -> None:
        self._auth = auth
        self._guard = guard
        self._logins = logins
        self._clock = clock
        self.password_login = password_login
        self._tarpit_s = tarpit_s
        self.required = required

    async def check(self, request: Request, address: str) -> Authenticated | Response | None:
        """For the socket server: who the request proves to be, the refusal to answer, or None (no
        credentials, none required)."""
        outcome = await self.authenticate(request, address)
        if isinstance(outcome, Refusal):
            if outcome.code is ErrorCode.AUTH_REQUIRED and not self.required:
                return None
            return outcome.response()
        return outcome

    async def authenticate(self, request: Request, address: str) -> Authenticated | Refusal:
        header = request.headers.get("Authorization")
        if header is not None:
            scheme, _, credentials = header.strip().partition(" ")
            if scheme.lower() == "bearer" and credentials.strip():
                return self._token(credentials.strip())
            if scheme.lower() == "basic" and credentials.strip():
                return await self._password(credentials.strip(), address)
            return Refusal(401, ErrorCode.AUTH_FAILED)  # a scheme we do not take, or nothing after it
        ticket = parse_qs(urlsplit(request.path).query).get("ticket", [""])[0]
        if ticket:
            return self._ticket(ticket)
        return Refusal(401, ErrorCode.AUTH_REQUIRED)

    def _token(self, token: str) -> Authenticated | Refusal:
        try:
            return self._auth.login_token(token)
        except AuthError as exc:
            log.info("upgrade refused (%s)", exc.code.value)
            return Refusal(401, exc.code)

    def _ticket(self, ticket: str) -> Authenticated | Refusal:
        digest = self._logins.redeem_ticket(ticket, self._clock.now())
        if digest is None:
            log.info("upgrade refused (unknown, used or expired ticket)")
            return Refusal(401, ErrorCode.AUTH_FAILED)
        try:
            return self._auth.login_hash(digest)
        except AuthError as exc:
            return Refusal(401, exc.code)

    async def _password(self, credentials: str, address: str) -> Authenticated | Refusal:
        if not self.password_login:
            return Refusal(403, ErrorCode.PASSWORD_LOGIN_DISABLED)
        try:
            if len(credentials) > MAX_BASIC:
                raise ValueError
            username, separator, password = base64.b64decode(credentials, validate=True).decode("utf-8").partition(":")
        except (ValueError, binascii.Error, UnicodeDecodeError):
            return Refusal(401, ErrorCode.AUTH_FAILED)
        if not separator or not username:
            return Refusal(401, ErrorCode.AUTH_FAILED)
        outcome = await self._guard.password_login(self._auth, username, password, address, self._tarpit_s)
        if isinstance(outcome, Authenticated):
            return outcome
        status = {ErrorCode.LOGIN_THROTTLED: 429, ErrorCode.LOGIN_BUSY: 503}.get(outcome.code, 401)
        return Refusal(status, outcome.code, outcome.retry_after or None)

