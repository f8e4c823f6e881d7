"""The sign-in endpoints over plain HTTP (GET only: the websocket server's HTTP side takes nothing
else), JSON bodies from ``protocol/auth.py``; every answer ``Cache-Control: no-store``.

* ``/auth/config`` — which sign-ins this server offers;
* ``/auth/oidc/start`` and ``/auth/oidc/finish`` — single sign-on (signin.py);
* ``/auth/ticket`` — with ``Authorization: Bearer``: a single-use ticket for ``/ws?ticket=``.

Secrets come in headers only; nothing here logs a header or a query.
"""

from __future__ import annotations

import logging

from websockets.http11 import Request, Response

from dvz_desktop.core.clock import Clock
from dvz_desktop.protocol import ErrorCode
from dvz_desktop.protocol.auth import (
    AUTH_CONFIG_PATH,
    CODE_HEADER,
    LOGIN_HEADER,
    OIDC_FINISH_PATH,
    OIDC_START_PATH,
    REDIRECT_HEADER,
    TICKET_PATH,
    TICKET_TTL_S,
    VERIFIER_HEADER,
    AuthConfig,
    Ticket,
)

from ..net.auth import Authenticator, AuthError
from .handshake import json_response, refusal_response
from .logins import LoginBook
from .signin import SignIn, SignInRefused

log = logging.getLogger(__name__)
AUTH_PATHS = frozenset({AUTH_CONFIG_PATH, OIDC_START_PATH, OIDC_FINISH_PATH, TICKET_PATH})
#: Longest value taken from a sign-in header (codes and verifiers are far shorter).
MAX_HEADER = 4096


class AuthRoutes:
    def __init__(self, auth: Authenticator, logins: LoginBook, signin: SignIn | None, clock: Clock, *,
                 password_login: bool = True) -> None:
        self._auth = auth
        self._clock = clock
        self._logins = logins
        self._signin = signin
        self._password_login = password_login

    async def answer(self, path: str, request: Request, address: str) -> Response:
        try:
            if path == AUTH_CONFIG_PATH:
                config = (await self._signin.auth_config() if self._signin is not None
                          else AuthConfig(password_login=self._password_login))
                return json_response(200, config.model_dump_json())
            if path == TICKET_PATH:
                return self._ticket(request)
            if self._signin is None:
                return refusal_response(404, ErrorCode.SSO_NOT_CONFIGURED)
            if path == OIDC_START_PATH:
                return json_response(200, (await self._signin.start(address)).model_dump_json())
            assert path == OIDC_FINISH_PATH
            values = [request.headers.get(name, "") for name in (LOGIN_HEADER, CODE_HEADER, VERIFIER_HEADER,
                                                                 REDIRECT_HEADER)]
            if not all(values) or any(len(v) > MAX_HEADER for v in values):
                return refusal_response(401, ErrorCode.LOGIN_EXPIRED)
            granted = await self._signin.finish(*values)
            return json_response(200, granted.model_dump_json())
        except SignInRefused as exc:
            return refusal_response(exc.status, exc.code, exc.retry_after)

    def _ticket(self, request: Request) -> Response:
        scheme, _, token = request.headers.get("Authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            return refusal_response(401, ErrorCode.AUTH_REQUIRED)
        try:
            who = self._auth.login_token(token.strip())
        except AuthError as exc:
            return refusal_response(401, exc.code)
        ticket = self._logins.issue_ticket(who.token_hash, self._clock.now())
        return json_response(200, Ticket(ticket=ticket, expires_in=TICKET_TTL_S).model_dump_json())
