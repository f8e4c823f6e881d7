"""The first frame of a staff socket: ``hello`` within 10 s, the protocol version, then the password (through
the login guard) or the session token. Anything else is answered with an error and the socket closed;
nothing of the frame's content is ever logged (it may hold a password)."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable

from pydantic import ValidationError
from websockets.asyncio.server import ServerConnection
from websockets.exceptions import ConnectionClosed

from dvz_desktop.protocol import CLIENT_MESSAGE_ADAPTER, PROTOCOL_VERSION, CloseCode, ErrorCode, Hello

from ..feature import error_frame
from .auth import Authenticated, Authenticator, AuthError
from .frames import classify, command_id_of
from .limits import MAX_SOCKETS_PER_USER
from .login_guard import LoginGuard

log = logging.getLogger(__name__)

HELLO_TIMEOUT_S = 10.0


async def refuse(ws: ServerConnection, code: ErrorCode, reply_to: str | None, close_code: int, *,
                 retry_after: int | None = None, server_protocol_version: int | None = None) -> None:
    """Answer with an error frame and close the socket."""
    try:
        await ws.send(error_frame(code, reply_to, retry_after=retry_after,
                                  server_protocol_version=server_protocol_version))
        await ws.close(close_code, code.value)
    except ConnectionClosed:
        pass


class Handshake:
    def __init__(self, auth: Authenticator, guard: LoginGuard, tarpit_s: float, is_staff: Callable[[str], bool],
                 sockets_of: Callable[[str], int], *, password_login: bool = True) -> None:
        self._auth = auth
        #: False where the organisation signs in only through its identity provider.
        self.password_login = password_login
        self._guard = guard
        self._tarpit_s = tarpit_s
        self._is_staff = is_staff
        self._sockets_of = sockets_of

    async def run(self, ws: ServerConnection, address: str,
                  authenticated: Authenticated | None = None) -> tuple[Hello, Authenticated] | None:
        """The hello and who logged in; None when the socket was refused (and is closing).
        ``authenticated``: who the upgrade request proved to be (its credentials were checked before the
        upgrade; the hello's own are not looked at again)."""
        try:
            raw = await asyncio.wait_for(ws.recv(), HELLO_TIMEOUT_S)
        except TimeoutError:
            await refuse(ws, ErrorCode.HELLO_REQUIRED, None, CloseCode.POLICY_VIOLATION)
            return None
        except ConnectionClosed:
            return None
        if isinstance(raw, bytes):
            await ws.close(CloseCode.UNSUPPORTED_DATA, "binary frames not supported")
            return None
        try:
            hello = CLIENT_MESSAGE_ADAPTER.validate_json(raw)
        except ValidationError as exc:
            code = classify(exc)
            log.info("invalid first frame (%s, %d bytes); closing", code.value, len(raw))  # never its content
            await refuse(ws, code, command_id_of(raw), CloseCode.POLICY_VIOLATION)
            return None
        if not isinstance(hello, Hello):
            await refuse(ws, ErrorCode.HELLO_REQUIRED, hello.id, CloseCode.POLICY_VIOLATION)
            return None
        if hello.protocol_version != PROTOCOL_VERSION:
            await refuse(ws, ErrorCode.PROTOCOL_VERSION, hello.id, CloseCode.PROTOCOL_VERSION,
                         server_protocol_version=PROTOCOL_VERSION)
            return None
        try:
            if authenticated is not None:
                who = authenticated
            elif hello.auth.method == "password" and not self.password_login:
                raise AuthError(ErrorCode.PASSWORD_LOGIN_DISABLED)
            elif hello.auth.method == "password":
                checked = await self._check_password(ws, hello, address)
                if checked is None:
                    return None
                who = checked
            else:
                who = self._auth.login_token(hello.auth.token)
        except AuthError as exc:
            log.info("login refused (%s)", exc.code.value)
            await refuse(ws, exc.code, hello.id, CloseCode.AUTH_FAILED)
            return None
        if not self._is_staff(who.username):
            await refuse(ws, ErrorCode.AUTH_FAILED, hello.id, CloseCode.AUTH_FAILED)
            return None
        if self._sockets_of(who.username) >= MAX_SOCKETS_PER_USER:
            await refuse(ws, ErrorCode.TOO_MANY_CONNECTIONS, hello.id, CloseCode.POLICY_VIOLATION)
            return None
        return hello, who

    async def _check_password(self, ws: ServerConnection, hello: Hello, address: str) -> Authenticated | None:
        """A password login through the login guard (login_guard.py); None when it was refused."""
        assert hello.auth.method == "password"
        outcome = await self._guard.password_login(self._auth, hello.auth.username, hello.auth.password, address,
                                                   self._tarpit_s)
        if isinstance(outcome, Authenticated):
            return outcome
        await refuse(ws, outcome.code, hello.id, outcome.close_code, retry_after=outcome.retry_after or None)
        return None
