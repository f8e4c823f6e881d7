"""The backend's sign-in endpoints over HTTPS (``protocol/auth.py``): which sign-ins it offers, a new
single sign-on login, and redeeming its code for a DVZ session.

The HTTP address comes from the websocket address (``wss://dvz.example/ws`` → ``https://dvz.example``),
with the same rule for clear text (only to loopback) and the same trust store as the session.
httpx is imported on first use: a start with a remembered session never needs it.
"""

from __future__ import annotations

import logging
import ssl
from typing import TypeVar
from urllib.parse import urlsplit, urlunsplit

from pydantic import BaseModel, ValidationError

from dvz_desktop.core.transport import clear_text_refusal
from dvz_desktop.protocol.auth import (
    AUTH_CONFIG_PATH,
    CODE_HEADER,
    LOGIN_HEADER,
    OIDC_FINISH_PATH,
    OIDC_START_PATH,
    REDIRECT_HEADER,
    VERIFIER_HEADER,
    AuthConfig,
    AuthRefusal,
    OidcStart,
    SessionGranted,
)

from .session import (
    INSECURE_TRANSPORT,
    NOT_A_DVZ_SERVER,
    UNREACHABLE,
    SessionError,
    system_tls_context,
)

log = logging.getLogger(__name__)
M = TypeVar("M", bound=BaseModel)
TIMEOUT_S = 15.0


def http_base(ws_url: str) -> str:
    """``ws(s)://host:port/prefix/ws`` → ``http(s)://host:port/prefix`` (a reverse proxy's path prefix kept)."""
    parts = urlsplit(ws_url.strip())
    scheme = {"ws": "http", "wss": "https"}.get(parts.scheme.lower(), parts.scheme.lower())
    path = parts.path[: -len("/ws")] if parts.path.endswith("/ws") else parts.path.rstrip("/")
    return urlunsplit((scheme, parts.netloc, path, "", ""))


class AuthApi:
    def __init__(self, ws_url: str, *, ssl_context: ssl.SSLContext | None = None,
                 allow_insecure_transport: bool = False) -> None:
        self.base = http_base(ws_url)
        self._ssl = ssl_context
        self._allow_insecure = allow_insecure_transport

    async def config(self) -> AuthConfig:
        return await self._get(AUTH_CONFIG_PATH, {}, AuthConfig)

    async def start_oidc(self) -> OidcStart:
        return await self._get(OIDC_START_PATH, {}, OidcStart)

    async def finish_oidc(self, login_id: str, code: str, verifier: str, redirect_uri: str) -> SessionGranted:
        headers = {LOGIN_HEADER: login_id, CODE_HEADER: code, VERIFIER_HEADER: verifier, REDIRECT_HEADER: redirect_uri}
        return await self._get(OIDC_FINISH_PATH, headers, SessionGranted)

    async def _get(self, path: str, headers: dict[str, str], model: type[M]) -> M:
        url = self.base + path
        refusal = clear_text_refusal(url)
        if refusal is not None and not (self._allow_insecure and url.startswith("http://")):
            raise SessionError(INSECURE_TRANSPORT, refusal)
        import httpx

        verify: ssl.SSLContext | bool = (self._ssl or system_tls_context()) if url.startswith("https:") else True
        try:
            async with httpx.AsyncClient(verify=verify, timeout=TIMEOUT_S, follow_redirects=False,
                                         trust_env=True) as client:
                response = await client.get(url, headers=headers)
        except httpx.HTTPError as exc:
            if _caused_by(exc, ssl.SSLCertVerificationError):
                raise SessionError("untrusted_certificate", f"Das Zertifikat des Servers {self.base} ist nicht "
                                   "vertrauenswürdig. Bitte wenden Sie sich an Ihre IT.") from None
            raise SessionError(UNREACHABLE, f"Der Server {self.base} ist nicht erreichbar.") from None
        try:
            if response.status_code == 200:
                return model.model_validate_json(response.content)
            refused = AuthRefusal.model_validate_json(response.content)
        except ValidationError:
            log.info("unexpected answer from %s (HTTP %d)", path, response.status_code)
            raise SessionError(NOT_A_DVZ_SERVER, f"Unter {self.base} antwortet kein DVZ-Server.") from None
        raise SessionError(refused.code, refused.message_de)


def _caused_by(exc: BaseException, kind: type[BaseException]) -> bool:
    seen: BaseException | None = exc
    for _depth in range(10):
        if seen is None:
            return False
        if isinstance(seen, kind):
            return True
        seen = seen.__cause__ or seen.__context__
    return False
