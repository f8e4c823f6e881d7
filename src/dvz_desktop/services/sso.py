"""Sign in with the organisation's account the way native apps do (RFC 8252, RFC 7636): the system
browser (never an embedded web view) opens the provider's page, the provider sends the browser back to
``http://127.0.0.1:<random port>/callback`` where this app listens for exactly one answer, and the code
it brings is redeemed by the DVZ server together with this app's PKCE verifier.

* ``state`` and ``nonce`` come from the server (it checks the nonce in the ID token); this app checks
  that the ``state`` the browser brings back is the one it sent, and ignores anything else that
  reaches its port.
* The listener binds 127.0.0.1 only (not ``localhost``, which may resolve elsewhere), on a port the
  operating system picks, and closes when the login ends.
* The verifier never leaves this process except towards the DVZ server; the provider sees only its hash.
* Where IT set ``OidcIssuer``/``OidcClientId`` by policy, a server that names another provider is
  refused: a compromised or mistyped server cannot send people to a look-alike login page.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import hashlib
import html
import logging
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from types import TracebackType
from typing import Self
from urllib.parse import parse_qs, urlencode, urlsplit

from dvz_desktop.core.transport import is_loopback_host
from dvz_desktop.protocol import ErrorCode, error_texts
from dvz_desktop.protocol.auth import (
    LOOPBACK_CALLBACK_PATH,
    LOOPBACK_LOGGED_OUT_PATH,
    OidcInfo,
    OidcStart,
    SessionGranted,
)

from .auth_api import AuthApi
from .session import SessionError

log = logging.getLogger(__name__)

#: How long the app waits for the browser to come back (the user may have to type a password first).
LOGIN_TIMEOUT_S = 300.0
#: A request head larger than this is not a browser coming back from a login.
MAX_REQUEST_HEAD = 16 * 1024
BROWSER_FAILED = "browser_failed"
PROVIDER_REFUSED = "provider_refused"
LOGIN_TIMEOUT = "login_timeout"
PROVIDER_MISMATCH = "provider_mismatch"

OpenBrowser = Callable[[str], bool]


def pkce_pair() -> tuple[str, str]:
    """(verifier, S256 challenge): 64 random URL-safe characters and their SHA-256, base64url."""
    verifier = secrets.token_urlsafe(48)
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode("ascii")).digest()).rstrip(b"=")
    return verifier, challenge.decode("ascii")


def authorization_url(start: OidcStart, redirect_uri: str, challenge: str) -> str:
    query = urlencode({"response_type": "code", "client_id": start.client_id, "redirect_uri": redirect_uri,
                       "scope": start.scope, "state": start.state, "nonce": start.nonce,
                       "code_challenge": challenge, "code_challenge_method": "S256"})
    separator = "&" if "?" in start.authorization_endpoint else "?"
    return f"{start.authorization_endpoint}{separator}{query}"


def _origin(url: str) -> tuple[str, str]:
    parts = urlsplit(url)
    return parts.scheme.lower(), (parts.netloc or "").lower()


def check_provider(issuer: str, client_id: str, authorization_endpoint: str | None = None, *,
                   pinned_issuer: str = "", pinned_client_id: str = "") -> None:
    """Refuse a provider other than the one IT set by policy, and an authorization page that is not
    the issuer's own (or not encrypted beyond loopback)."""
    if pinned_issuer and issuer.rstrip("/") != pinned_issuer.rstrip("/"):
        raise SessionError(PROVIDER_MISMATCH, f"Der Server nennt einen anderen Anmeldedienst ({issuer}) als den "
                           f"von Ihrer IT festgelegten ({pinned_issuer}). Die Anmeldung wurde nicht begonnen; bitte "
                           "wenden Sie sich an Ihre IT.")
    if pinned_client_id and client_id != pinned_client_id:
        raise SessionError(PROVIDER_MISMATCH, f"Der Server meldet DVZ Desktop als „{client_id}“ an, Ihre IT hat "
                           f"„{pinned_client_id}“ festgelegt. Bitte wenden Sie sich an Ihre IT.")
    if authorization_endpoint is None:
        return
    scheme, host = _origin(authorization_endpoint)
    loopback = is_loopback_host(urlsplit(authorization_endpoint).hostname or "")
    if _origin(issuer) != (scheme, host) or not (scheme == "https" or (scheme == "http" and loopback)):
        raise SessionError(PROVIDER_MISMATCH, f"Die Anmeldeseite {authorization_endpoint} gehört nicht zum "
                           f"Anmeldedienst {issuer}. Die Anmeldung wurde nicht begonnen.")


PAGE = """<!doctype html><html lang="de"><head><meta charset="utf-8"><title>DVZ Desktop</title>
<style>body{{font-family:system-ui,"Segoe UI",sans-serif;margin:15vh auto;max-width:32em;padding:0 1em;
color:#1f2933}}h1{{font-size:1.4em}}</style></head><body><h1>{title}</h1><p>{text}</p></body></html>"""


@dataclass(frozen=True)
class _Page:
    status: int
    title: str
    text: str

    def render(self) -> bytes:
        body = PAGE.format(title=html.escape(self.title), text=html.escape(self.text)).encode("utf-8")
        reason = {200: "OK", 400: "Bad Request", 404: "Not Found", 405: "Method Not Allowed"}[self.status]
        head = (f"HTTP/1.1 {self.status} {reason}\r\nContent-Type: text/html; charset=utf-8\r\n"
                f"Content-Length: {len(body)}\r\nCache-Control: no-store\r\nReferrer-Policy: no-referrer\r\n"
                "X-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n")
        return head.encode("ascii") + body


SIGNED_IN = _Page(200, "Angemeldet", "Sie sind bei DVZ Desktop angemeldet. Sie können dieses Fenster schließen "
                  "und zu DVZ Desktop zurückkehren.")
CANCELLED = _Page(200, "Anmeldung abgebrochen", "Die Anmeldung wurde nicht abgeschlossen. Sie können dieses "
                  "Fenster schließen; DVZ Desktop sagt, wie es weitergeht.")
LOGGED_OUT = _Page(200, "Abgemeldet", "Sie sind abgemeldet. Sie können dieses Fenster schließen.")
FOREIGN = _Page(400, "Unbekannte Anmeldung", "Diese Antwort gehört zu keiner Anmeldung, die DVZ Desktop gerade "
                "erwartet. Sie wurde verworfen.")
NOT_FOUND = _Page(404, "Nicht gefunden", "Hier gibt es nichts.")
NOT_ALLOWED = _Page(405, "Nicht erlaubt", "Nur Abrufe (GET) werden beantwortet.")


class LoopbackReceiver:
    """The one-shot listener on 127.0.0.1 that the browser comes back to.

    ``async with LoopbackReceiver() as receiver:`` binds a free port; ``expect(state)`` arms it for one
    login; ``await receiver.code()`` waits for the matching answer.
    """

    def __init__(self) -> None:
        self._server: asyncio.Server | None = None
        self.port = 0
        self._state: str | None = None
        self._answer: asyncio.Future[str] | None = None
        self._logged_out: asyncio.Event = asyncio.Event()
        self.foreign_requests = 0

    @property
    def redirect_uri(self) -> str:
        return f"http://127.0.0.1:{self.port}{LOOPBACK_CALLBACK_PATH}"

    @property
    def logout_uri(self) -> str:
        return f"http://127.0.0.1:{self.port}{LOOPBACK_LOGGED_OUT_PATH}"

    async def __aenter__(self) -> Self:
        self._server = await asyncio.start_server(self._serve, "127.0.0.1", 0, limit=MAX_REQUEST_HEAD)
        self.port = int(self._server.sockets[0].getsockname()[1])
        return self

    async def __aexit__(self, kind: type[BaseException] | None, value: BaseException | None,
                        tb: TracebackType | None) -> None:
        if self._server is not None:
            self._server.close()
            with contextlib.suppress(Exception):
                await asyncio.wait_for(self._server.wait_closed(), 2.0)
        if self._answer is not None and not self._answer.done():
            self._answer.cancel()

    def expect(self, state: str) -> None:
        self._state = state
        self._answer = asyncio.get_running_loop().create_future()

    async def code(self, timeout: float = LOGIN_TIMEOUT_S) -> str:
        """The authorization code of the expected login; SessionError if the provider refused or the
        browser did not come back in time."""
        assert self._answer is not None, "expect(state) first"
        try:
            return await asyncio.wait_for(asyncio.shield(self._answer), timeout)
        except TimeoutError:
            raise SessionError(LOGIN_TIMEOUT, "Die Anmeldung im Browser wurde nicht rechtzeitig abgeschlossen. "
                               "Bitte versuchen Sie es noch einmal.") from None

    async def logged_out(self, timeout: float) -> bool:
        try:
            await asyncio.wait_for(self._logged_out.wait(), timeout)
        except TimeoutError:
            return False
        return True

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), 10.0)
            page = self._answer_request(head.split(b"\r\n", 1)[0].decode("latin-1"))
        except (asyncio.IncompleteReadError, asyncio.LimitOverrunError, TimeoutError, ConnectionError, ValueError):
            page = None
        try:
            if page is not None:
                writer.write(page.render())
                await asyncio.wait_for(writer.drain(), 10.0)
        except (ConnectionError, TimeoutError):
            pass
        finally:
            writer.close()
            with contextlib.suppress(Exception):
                await writer.wait_closed()

    def _answer_request(self, request_line: str) -> _Page:
        method, _, rest = request_line.partition(" ")
        target = rest.rsplit(" ", 1)[0]
        if method != "GET":
            return NOT_ALLOWED
        parts = urlsplit(target)
        if parts.path == LOOPBACK_LOGGED_OUT_PATH:
            self._logged_out.set()
            return LOGGED_OUT
        if parts.path != LOOPBACK_CALLBACK_PATH:
            return NOT_FOUND
        query = parse_qs(parts.query)
        state = query.get("state", [""])[0]
        answer = self._answer
        if self._state is None or answer is None or answer.done() or not secrets.compare_digest(state, self._state):
            self.foreign_requests += 1
            log.info("the loopback listener got an answer for no login it expects; ignored")
            return FOREIGN
        if "error" in query:
            error = query["error"][0][:64]
            log.info("the provider refused the login (%s)", error)
            answer.set_exception(SessionError(PROVIDER_REFUSED, _refusal_text(error)))
            return CANCELLED
        code = query.get("code", [""])[0]
        if not code:
            answer.set_exception(SessionError(PROVIDER_REFUSED, _refusal_text("no_code")))
            return CANCELLED
        answer.set_result(code)
        return SIGNED_IN


def _refusal_text(error: str) -> str:
    if error == "access_denied":
        return "Die Anmeldung wurde beim Anmeldedienst abgebrochen oder abgelehnt."
    return f"Der Anmeldedienst hat die Anmeldung abgelehnt ({error}). Bitte wenden Sie sich an Ihre IT."


async def sign_in(api: AuthApi, open_browser: OpenBrowser, *, pinned_issuer: str = "", pinned_client_id: str = "",
                  timeout: float = LOGIN_TIMEOUT_S) -> SessionGranted:
    """The whole single sign-on: ask the server, open the browser, wait for it, redeem the code.
    Raises SessionError with a German message for every way it can fail."""
    config = await api.config()
    if config.oidc is None:
        raise SessionError(ErrorCode.SSO_NOT_CONFIGURED.value, error_texts(ErrorCode.SSO_NOT_CONFIGURED)[0])
    check_provider(config.oidc.issuer, config.oidc.client_id, pinned_issuer=pinned_issuer,
                   pinned_client_id=pinned_client_id)
    start = await api.start_oidc()
    check_provider(config.oidc.issuer, start.client_id, start.authorization_endpoint,
                   pinned_issuer=pinned_issuer, pinned_client_id=pinned_client_id)
    verifier, challenge = pkce_pair()
    async with LoopbackReceiver() as receiver:
        receiver.expect(start.state)
        url = authorization_url(start, receiver.redirect_uri, challenge)
        if not open_browser(url):
            raise SessionError(BROWSER_FAILED, "Der Browser ließ sich nicht öffnen. Bitte prüfen Sie, ob ein "
                               "Standardbrowser eingerichtet ist.")
        code = await receiver.code(min(timeout, start.expires_in))
    return await api.finish_oidc(start.login_id, code, verifier, receiver.redirect_uri)


async def end_provider_session(info: OidcInfo, open_browser: OpenBrowser, timeout: float = 120.0) -> bool:
    """RP-initiated logout in the browser: the provider's own session (its cookie) ends too, after the
    provider asked the user. True when the browser came back; False when there is no such endpoint,
    the browser did not open, or nobody confirmed in time (DVZ's session has ended either way)."""
    if not info.end_session_endpoint:
        return False
    async with LoopbackReceiver() as receiver:
        query = urlencode({"client_id": info.client_id, "post_logout_redirect_uri": receiver.logout_uri})
        separator = "&" if "?" in info.end_session_endpoint else "?"
        if not open_browser(f"{info.end_session_endpoint}{separator}{query}"):
            return False
        return await receiver.logged_out(timeout)


def system_browser() -> OpenBrowser:
    """The user's default browser (Python's webbrowser module); the Qt layer passes QDesktopServices."""
    import webbrowser

    return lambda url: webbrowser.open(url, new=1)
