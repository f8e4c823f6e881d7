"""Signing in before the websocket: the backend's plain HTTP answers (JSON) around a login.

The websocket upgrade itself is authenticated (``Authorization: Bearer <session token>``,
``Authorization: Basic`` for a password login, or ``?ticket=`` with a single-use ticket); without a
valid one the server answers ``401`` with an :class:`AuthRefusal` body before any upgrade.

Single sign-on with the organisation's OpenID provider (authorization code with PKCE in the system
browser, loopback redirect, RFC 8252):

1. ``GET /auth/config`` → :class:`AuthConfig`: is password login on, which provider.
2. ``GET /auth/oidc/start`` → :class:`OidcStart`: the server's ``state`` and ``nonce`` for this login.
3. The app opens the provider's authorization endpoint in the system browser (its own PKCE challenge,
   ``redirect_uri=http://127.0.0.1:<port>/callback``) and receives the code on its loopback listener.
4. ``GET /auth/oidc/finish`` with the headers :data:`LOGIN_HEADER`, :data:`CODE_HEADER`,
   :data:`VERIFIER_HEADER`, :data:`REDIRECT_HEADER` → :class:`SessionGranted`. The server redeems the
   code, checks the ID token (signature from the provider's keys, issuer, audience, nonce, expiry) and
   keeps the provider's refresh token; the app only ever holds the DVZ session token.

Secrets travel in headers, never in a URL (URLs end up in proxy logs).
"""

from __future__ import annotations

from datetime import datetime

from pydantic import Field

from .base import LenientModel

AUTH_CONFIG_PATH = "/auth/config"
OIDC_START_PATH = "/auth/oidc/start"
OIDC_FINISH_PATH = "/auth/oidc/finish"
TICKET_PATH = "/auth/ticket"
LOGIN_HEADER = "DVZ-Login"
CODE_HEADER = "DVZ-Code"
VERIFIER_HEADER = "DVZ-Code-Verifier"
REDIRECT_HEADER = "DVZ-Redirect-Uri"
#: Seconds a ticket for ``/ws?ticket=`` stays valid (single use).
TICKET_TTL_S = 60
#: Path of the loopback redirect the desktop app listens on (any port, RFC 8252 §7.3).
LOOPBACK_CALLBACK_PATH = "/callback"
LOOPBACK_LOGGED_OUT_PATH = "/abgemeldet"


class OidcInfo(LenientModel):
    issuer: str
    client_id: str
    scope: str = "openid profile email"
    #: The provider's RP-initiated logout endpoint, if it has one.
    end_session_endpoint: str | None = None


class AuthConfig(LenientModel):
    #: False where the organisation signs in only through its identity provider.
    password_login: bool = True
    oidc: OidcInfo | None = None


class OidcStart(LenientModel):
    login_id: str
    state: str
    nonce: str
    authorization_endpoint: str
    client_id: str
    scope: str
    #: Seconds the server waits for this login to finish.
    expires_in: int


class SessionGranted(LenientModel):
    token: str = Field(repr=False)
    expires_at: datetime
    username: str


class Ticket(LenientModel):
    ticket: str = Field(repr=False)
    expires_in: int


class AuthRefusal(LenientModel):
    """The body of a refused sign-in (401, 403, 429, 502, 503): an ErrorCode value and its texts."""

    code: str
    message_de: str
    message_en: str
    retry_after: int | None = None
