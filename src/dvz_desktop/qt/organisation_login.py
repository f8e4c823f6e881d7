"""What the login dialog needs for "Mit Organisationskonto anmelden": a question to the server (which
sign-ins it offers) and the sign-in itself (services/sso.py), with the browser opened by the operating
system (QDesktopServices) and the provider pinned where IT set ``OidcIssuer``/``OidcClientId``."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices

from dvz_desktop.services.session import Credentials, Session, SessionError


def open_in_browser(url: str) -> bool:
    """The user's default browser (never an embedded web view: RFC 8252)."""
    return bool(QDesktopServices.openUrl(QUrl.fromEncoded(url.encode("ascii"))))


def organisation_login(policy: Any) -> dict[str, Any]:
    """Keyword arguments for LoginDialog: ``organisation_sign_in``, ``probe``, ``organisation_by_policy``."""
    from dvz_desktop.services.auth_api import AuthApi

    def api(server: str) -> AuthApi:
        return AuthApi(server, allow_insecure_transport=Session.allow_insecure_transport)

    async def probe(server: str) -> tuple[bool, bool] | None:
        try:
            config = await api(server).config()
        except SessionError:
            return None
        return config.oidc is not None, config.password_login

    async def sign_in(server: str) -> Credentials:
        from dvz_desktop.services import sso

        granted = await sso.sign_in(api(server), open_in_browser, pinned_issuer=policy["OidcIssuer"],
                                    pinned_client_id=policy["OidcClientId"])
        return Credentials(username=granted.username, token=granted.token)

    return {"organisation_sign_in": sign_in, "probe": probe, "organisation_by_policy": bool(policy["OidcIssuer"])}
