"""The whole single sign-on, end to end: the desktop app's sign-in (services/sso.py: the server's
``/auth`` endpoints, PKCE, its loopback listener) opens the authorization URL in headless Chromium, which
fills the real OpenID provider's form; the browser comes back to the listener, the backend redeems the
code and checks the ID token, and the desktop session connects with the DVZ session token. Then the
backend keeps the session alive by refreshing it at the provider, ends it with a German explanation when
the provider refuses (the user was disabled there), and a logout ends both sides."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import httpx
import pytest

from dvz_desktop.services import sso
from dvz_desktop.services.auth_api import AuthApi
from dvz_desktop.services.session import Credentials, Session, SessionState
from server_stub.app import Backend, BackendConfig
from server_stub.directory.orgfile import OrgFile
from server_stub.identity.config import parse_identity_config
from server_stub.net.auth import token_hash
from tests.services.oidc_login import TokenRefused, refresh
from tests.services.oidc_provider import OidcProvider, oidc_provider  # noqa: F401

from ..integration.test_auth import wait_for_state
from .test_digital_door import CHROMEDRIVER, CHROMIUM, browser, in_browser, until  # noqa: F401

pytestmark = pytest.mark.skipif(not (CHROMIUM and CHROMEDRIVER),
                                reason="Debian's chromium and chromium-driver are installed by scripts/bootstrap.sh")


@pytest.fixture
async def sso_backend(org_three: OrgFile, tmp_path: Path,
                      oidc_provider: OidcProvider) -> AsyncIterator[tuple[Backend, str]]:  # noqa: F811
    identity = parse_identity_config({"oidc": {"issuer": oidc_provider.issuer, "client_id": oidc_provider.client_id,
                                               "scope": "openid profile email groups offline_access",
                                               "refresh_every_s": 10}})
    backend = Backend(org_three, BackendConfig(data_dir=tmp_path / "data", identity=identity,
                                               upgrade_auth_required=True))
    port = await backend.start("127.0.0.1", 0)
    try:
        yield backend, f"ws://127.0.0.1:{port}/ws"
    finally:
        await backend.stop()


def chromium_signs_in(driver, username: str, password: str, pages: list[str]) -> Callable[[str], bool]:  # type: ignore[no-untyped-def]
    """The system browser for sso.sign_in: Chromium opens the URL and the user types into the provider's
    form (the page's text after the redirect back to the app is kept in ``pages``)."""
    from selenium.webdriver.common.by import By

    def fill(url: str) -> None:
        driver.get(url)
        driver.find_element(By.NAME, "username").send_keys(username)
        driver.find_element(By.NAME, "password").send_keys(password)
        driver.find_element(By.CSS_SELECTOR, "button[type=submit]").click()

    def open_browser(url: str) -> bool:
        task = asyncio.get_running_loop().create_task(in_browser(fill, url))
        task.add_done_callback(lambda t: pages.append(driver.page_source if t.exception() is None else "failed"))
        return True

    return open_browser


async def sign_in(url: str, driver, username: str) -> tuple[Session, list[str]]:  # type: ignore[no-untyped-def]
    pages: list[str] = []
    granted = await sso.sign_in(AuthApi(url), chromium_signs_in(driver, username, f"{username}-pass", pages),
                                timeout=60)
    session = Session(url, Credentials(username=granted.username, token=granted.token))
    await session.start()
    return session, pages


async def test_the_browser_login_ends_with_the_desktop_session_connected_and_refresh_keeps_it(
        sso_backend: tuple[Backend, str], browser, oidc_provider: OidcProvider) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    backend, url = sso_backend
    session, pages = await sign_in(url, browser, "anna")
    try:
        assert session.me == "anna" and session.state is SessionState.CONNECTED
        await until(lambda: asyncio.sleep(0, bool(pages)), what="the browser's landing page")
        assert "Sie sind bei DVZ Desktop angemeldet" in pages[0]
        assert session.token is not None
        digest = token_hash(session.token)
        kept = backend.identity_store.oidc_session(digest)
        assert kept is not None and kept.refresh_token and kept.subject == oidc_provider.subject("anna")
        # Due now: the backend refreshes at the provider, the session stays and gets a new refresh token.
        backend.identity_store.refreshed(digest, None, backend.clock.now())
        assert await backend.identity.signin.refresh_due() == []  # type: ignore[union-attr]
        renewed = backend.identity_store.oidc_session(digest)
        assert renewed is not None and renewed.next_refresh_at > backend.clock.now()
        assert session.state is SessionState.CONNECTED
        # Disabled at the provider: the next refresh is refused, the session ends with a German reason.
        oidc_provider.disable("anna")
        backend.identity_store.refreshed(digest, None, backend.clock.now())
        ended = await wait_for_state(session, SessionState.ENDED, timeout=30)
        assert "Anmeldedienst Ihrer Organisation hat Ihre Sitzung beendet" in (ended.message or "")
    finally:
        await session.stop()


async def test_logout_ends_the_dvz_session_and_the_providers_grant(
        sso_backend: tuple[Backend, str], browser, oidc_provider: OidcProvider) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    backend, url = sso_backend
    session, _ = await sign_in(url, browser, "bernd")
    assert session.token is not None
    digest = token_hash(session.token)
    kept = backend.identity_store.oidc_session(digest)
    assert kept is not None and kept.refresh_token
    await session.logout()
    assert backend.auth.still_valid(digest) is not None
    await backend.identity.signin.revocations_done()  # type: ignore[union-attr]
    assert backend.identity_store.oidc_session(digest) is None
    async with httpx.AsyncClient(timeout=30) as http:
        with pytest.raises(TokenRefused):
            await refresh(http, oidc_provider, kept.refresh_token)
