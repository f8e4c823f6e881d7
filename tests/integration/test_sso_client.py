"""The desktop half of single sign-on (services/sso.py) against the real OpenID provider: PKCE, the
system browser's round trip to the loopback listener, state checking, and what the listener refuses.
(The whole login through the DVZ server is in test_sso_login.py; with headless Chromium in tests/e2e.)"""

from __future__ import annotations

import asyncio
import re
import socket
from collections.abc import AsyncIterator
from urllib.parse import urljoin

import httpx
import pytest

from dvz_desktop.protocol.auth import OidcInfo, OidcStart
from dvz_desktop.services.session import SessionError
from dvz_desktop.services.sso import (
    LoopbackReceiver,
    authorization_url,
    check_provider,
    end_provider_session,
    pkce_pair,
)
from tests.services.oidc_login import (
    AuthorizationCode,
    discover,
    exchange_code,
    fetch_jwks,
    verify_id_token,
)
from tests.services.oidc_provider import OidcProvider, oidc_provider  # noqa: F401


@pytest.fixture
async def http() -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(timeout=30, follow_redirects=False) as client:
        yield client


async def browse(http: httpx.AsyncClient, url: str, username: str, password: str) -> httpx.Response:
    """What a browser does with the authorization URL: follow redirects, fill the provider's form, and
    land on the app's loopback page."""
    response = await http.get(url)
    for _hop in range(12):
        if response.is_redirect:
            response = await http.get(urljoin(str(response.url), response.headers["location"]))
        elif 'name="password"' in response.text:
            action = re.search(r'<form method="post" action="([^"]+)"', response.text)
            assert action is not None
            response = await http.post(urljoin(str(response.url), action.group(1)),
                                       data={"username": username, "password": password})
        else:
            return response
    raise AssertionError("too many hops")


async def start_for(http: httpx.AsyncClient, provider: OidcProvider, state: str = "s-123",
                    nonce: str = "n-456") -> OidcStart:
    configuration = await discover(http, provider.issuer)
    return OidcStart(login_id="l1", state=state, nonce=nonce,
                     authorization_endpoint=configuration["authorization_endpoint"], client_id=provider.client_id,
                     scope="openid profile email groups", expires_in=300)


async def test_the_browser_comes_back_to_the_loopback_listener_with_a_code_that_pkce_redeems(
        oidc_provider: OidcProvider, http: httpx.AsyncClient) -> None:  # noqa: F811
    start = await start_for(http, oidc_provider)
    verifier, challenge = pkce_pair()
    async with LoopbackReceiver() as receiver:
        receiver.expect(start.state)
        assert re.fullmatch(r"http://127\.0\.0\.1:\d+/callback", receiver.redirect_uri)
        landing = await browse(http, authorization_url(start, receiver.redirect_uri, challenge), "anna", "anna-pass")
        code = await receiver.code(timeout=10)
    assert landing.status_code == 200 and "Sie sind bei DVZ Desktop angemeldet" in landing.text
    assert landing.headers["cache-control"] == "no-store"
    tokens = await exchange_code(http, oidc_provider, AuthorizationCode(code, receiver.redirect_uri, verifier, "n-456"))
    claims = verify_id_token(tokens.id_token, await fetch_jwks(http, oidc_provider.issuer),
                             issuer=oidc_provider.issuer, client_id=oidc_provider.client_id, nonce="n-456")
    assert claims["preferred_username"] == "anna"


async def test_a_wrong_state_is_turned_away_and_the_right_one_still_counts(
        oidc_provider: OidcProvider, http: httpx.AsyncClient) -> None:  # noqa: F811
    async with LoopbackReceiver() as receiver:
        receiver.expect("the-real-state")
        forged = await http.get(f"{receiver.redirect_uri}?code=stolen&state=guessed")
        assert forged.status_code == 400 and "verworfen" in forged.text
        missing = await http.get(f"{receiver.redirect_uri}?code=stolen")
        assert missing.status_code == 400
        other = await http.get(f"http://127.0.0.1:{receiver.port}/favicon.ico")
        assert other.status_code == 404
        posted = await http.post(f"{receiver.redirect_uri}?code=x&state=the-real-state")
        assert posted.status_code == 405
        assert receiver.foreign_requests == 2
        right = await http.get(f"{receiver.redirect_uri}?code=the-code&state=the-real-state")
        assert right.status_code == 200
        assert await receiver.code(timeout=5) == "the-code"
        again = await http.get(f"{receiver.redirect_uri}?code=second&state=the-real-state")
        assert again.status_code == 400  # one answer per login


async def test_a_refusal_at_the_provider_is_a_german_message(http: httpx.AsyncClient) -> None:
    async with LoopbackReceiver() as receiver:
        receiver.expect("st")
        page = await http.get(f"{receiver.redirect_uri}?error=access_denied&state=st")
        assert page.status_code == 200 and "nicht abgeschlossen" in page.text
        with pytest.raises(SessionError) as refused:
            await receiver.code(timeout=5)
    assert refused.value.message == "Die Anmeldung wurde beim Anmeldedienst abgebrochen oder abgelehnt."


async def test_the_listener_binds_loopback_only_and_gives_up_in_time() -> None:
    async with LoopbackReceiver() as receiver:
        receiver.expect("st")
        server_socket = receiver._server.sockets[0]  # type: ignore[union-attr]
        assert server_socket.getsockname()[0] == "127.0.0.1"
        assert server_socket.family == socket.AF_INET
        with pytest.raises(SessionError) as late:
            await receiver.code(timeout=0.05)
        assert "nicht rechtzeitig" in late.value.message
    with pytest.raises(OSError):  # closed after the login
        await asyncio.open_connection("127.0.0.1", receiver.port)


async def test_a_huge_or_garbled_request_gets_no_answer_and_breaks_nothing(http: httpx.AsyncClient) -> None:
    async with LoopbackReceiver() as receiver:
        receiver.expect("st")
        reader, writer = await asyncio.open_connection("127.0.0.1", receiver.port)
        writer.write(b"GET /callback?" + b"a" * 40_000 + b" HTTP/1.1\r\n\r\n")
        await writer.drain()
        assert await asyncio.wait_for(reader.read(), 10) == b""
        writer.close()
        page = await http.get(f"{receiver.redirect_uri}?code=c&state=st")
        assert page.status_code == 200 and await receiver.code(timeout=5) == "c"


def test_a_provider_other_than_the_pinned_one_is_refused() -> None:
    check_provider("https://sso.lk.example/realms/dvz", "dvz-desktop",
                   "https://sso.lk.example/realms/dvz/protocol/openid-connect/auth",
                   pinned_issuer="https://sso.lk.example/realms/dvz/", pinned_client_id="dvz-desktop")
    with pytest.raises(SessionError, match="anderen Anmeldedienst"):
        check_provider("https://sso.evil.example/realms/dvz", "dvz-desktop",
                       pinned_issuer="https://sso.lk.example/realms/dvz")
    with pytest.raises(SessionError, match="„other“"):
        check_provider("https://sso.lk.example", "other", pinned_client_id="dvz-desktop")
    with pytest.raises(SessionError, match="gehört nicht zum"):
        check_provider("https://sso.lk.example", "dvz-desktop", "https://sso.lk.example.evil.com/auth")
    with pytest.raises(SessionError, match="gehört nicht zum"):
        check_provider("http://sso.lk.example", "dvz-desktop", "http://sso.lk.example/auth")
    check_provider("http://127.0.0.1:5000", "dvz-desktop", "http://127.0.0.1:5000/auth")


async def test_logout_at_the_provider_comes_back_to_the_listener(oidc_provider: OidcProvider,  # noqa: F811
                                                                 http: httpx.AsyncClient) -> None:
    configuration = await discover(http, oidc_provider.issuer)
    info = OidcInfo(issuer=oidc_provider.issuer, client_id=oidc_provider.client_id,
                    end_session_endpoint=configuration["end_session_endpoint"])
    visited: list[str] = []

    async def confirm(url: str) -> None:  # the user presses "Yes" on the provider's page
        page = await http.get(url)
        form = re.search(r'<form[^>]*action="([^"]+)"', page.text)
        assert form is not None, page.text[:300]
        fields = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', page.text))
        answer = await http.post(urljoin(str(page.url), form.group(1)), data={**fields, "logout": "yes"})
        while answer.is_redirect:
            answer = await http.get(urljoin(str(answer.url), answer.headers["location"]))
        visited.append(answer.text)

    tasks: list[asyncio.Task[None]] = []
    came_back = await end_provider_session(info, lambda url: bool(tasks.append(asyncio.create_task(confirm(url))))
                                           or True, timeout=15)
    await asyncio.gather(*tasks)
    assert came_back and "Sie sind abgemeldet" in visited[0]
