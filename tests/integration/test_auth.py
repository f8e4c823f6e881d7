"""Logins, tokens and their end: wrong passwords, token login, expiry, revocation, logout, socket limit,
and what the database keeps (hashes only)."""

from __future__ import annotations

import asyncio
import json
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed

import server_stub.app as server_module
from dvz_desktop.core.clock import ManualClock
from dvz_desktop.protocol import PROTOCOL_VERSION
from dvz_desktop.services.session import Credentials, Session, SessionError, SessionState, StateChange
from server_stub.app import Backend, BackendConfig
from server_stub.cli import administer, build_parser
from server_stub.directory.orgfile import OrgFile

from ..conftest import PASSWORDS
from .helpers import login


async def wait_for_state(session: Session, state: SessionState, timeout: float = 10.0) -> StateChange:
    seen: asyncio.Queue[StateChange] = asyncio.Queue()
    session.state_changed.connect(seen.put_nowait)

    async def scan() -> StateChange:
        while True:
            change = await seen.get()
            if change.state is state:
                return change

    if session.state is state:
        return StateChange(state)
    return await asyncio.wait_for(scan(), timeout)


async def token_socket(url: str, token: str) -> ClientConnection:
    """A second, raw socket of the same session, to see exactly what the server sends when it ends."""
    ws = await connect(url)
    await ws.send(json.dumps({"type": "hello", "id": "t1", "protocol_version": PROTOCOL_VERSION,
                              "auth": {"method": "token", "token": token}}))
    assert json.loads(await ws.recv())["type"] == "welcome"
    return ws


async def session_ended(ws: ClientConnection, timeout: float = 10.0) -> tuple[dict, int | None]:
    """The ``session_ended`` frame a socket receives, and the close code that follows it."""
    frames: list[dict] = []
    with pytest.raises(ConnectionClosed):
        while True:
            frames.append(json.loads(await asyncio.wait_for(ws.recv(), timeout)))
    ended = [f for f in frames if f["type"] == "session_ended"]
    assert len(ended) == 1, frames
    return ended[0], ws.close_code


@pytest.mark.parametrize(("user", "password"), [("anna", "falsch"), ("niemand", "egal")])
async def test_wrong_password_and_unknown_user_get_the_same_german_answer(backend, user: str, password: str) -> None:
    with pytest.raises(SessionError) as err:
        await login(backend.url, user, password)
    assert err.value.code == "auth_failed"
    assert err.value.message == "Benutzername oder Passwort ist falsch."


async def test_token_login_keeps_the_token(backend) -> None:
    first = await login(backend.url, "anna", PASSWORDS["anna"])
    token = first.token
    assert token
    await first.stop()
    again = Session(backend.url, Credentials("anna", token=token))
    welcome = await again.start()
    assert welcome.me == "anna"
    assert welcome.session.token is None  # no new token is issued for a token login
    assert again.token == token
    await again.stop()


async def test_expired_token_ends_the_live_session_and_cannot_log_in(
    org_three: OrgFile, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Nobody calls a check by hand here: the backend's own housekeeping loop must notice the expiry."""
    monkeypatch.setattr(server_module, "HOUSEKEEPING_INTERVAL_S", 0.05)
    clock = ManualClock(datetime.now().astimezone())
    server = Backend(org_three, BackendConfig(data_dir=tmp_path / "d", token_ttl=timedelta(hours=8)), clock=clock)
    port = await server.start("127.0.0.1", 0)
    url = f"ws://127.0.0.1:{port}/ws"
    try:
        anna = await login(url, "anna", PASSWORDS["anna"], reconnect_min_s=0.05, reconnect_max_s=0.1)
        assert anna.token
        raw = await token_socket(url, anna.token)
        clock.advance(hours=7, minutes=59)
        await asyncio.sleep(0.3)  # several housekeeping rounds: a valid session is left alone
        assert anna.state is SessionState.CONNECTED
        clock.advance(minutes=1, seconds=1)
        ended = await wait_for_state(anna, SessionState.ENDED)
        assert "abgelaufen" in ended.message
        frame, close_code = await session_ended(raw)
        assert frame["code"] == "token_expired" and frame["message_en"]
        assert close_code == 4002
        with pytest.raises(SessionError) as err:
            await Session(url, Credentials("anna", token=anna.token)).start()
        # Expired sessions are kept a day, so a laptop waking up is told why, not "Passwort falsch".
        assert err.value.code == "token_expired", err.value.code
        assert "abgelaufen" in err.value.message
        assert anna.state is SessionState.ENDED  # an ended session does not try to reconnect
        await anna.stop()
    finally:
        await server.stop()


async def test_revoked_sessions_close_at_once_and_cannot_log_in(backend) -> None:
    anna = await login(backend.url, "anna", PASSWORDS["anna"], reconnect_min_s=0.05, reconnect_max_s=0.1)
    assert anna.token
    raw = await token_socket(backend.url, anna.token)
    bernd = await login(backend.url, "bernd", PASSWORDS["bernd"])
    # `dvz-server --revoke-user anna` runs as another process with its own connection to the database;
    # the running backend's session check then closes her sockets.
    args = build_parser().parse_args(["--data-dir", str(backend.backend.config.data_dir), "--revoke-user", "anna"])
    assert administer(args) == 0
    backend.backend.sessions.check_sessions()
    ended = await wait_for_state(anna, SessionState.ENDED)
    assert "beendet" in ended.message
    frame, close_code = await session_ended(raw)
    assert frame["code"] == "token_revoked" and close_code == 4002
    with pytest.raises(SessionError) as err:
        await Session(backend.url, Credentials("anna", token=anna.token)).start()
    assert err.value.code == "token_revoked"
    assert bernd.state is SessionState.CONNECTED  # nobody else is affected
    await bernd.move("kh-kueche")
    for session in (anna, bernd):
        await session.stop()


async def test_logout_revokes_the_token(backend) -> None:
    """Logging out on one device ends the whole session: its other sockets close, the token is dead."""
    anna = await login(backend.url, "anna", PASSWORDS["anna"])
    token = anna.token
    assert token
    other_window = await token_socket(backend.url, token)
    await anna.logout()
    assert anna.state is SessionState.ENDED
    # At once, not only at the next housekeeping round (HOUSEKEEPING_INTERVAL_S = 5 s).
    frame, close_code = await session_ended(other_window, timeout=server_module.HOUSEKEEPING_INTERVAL_S / 3)
    assert frame["code"] == "token_revoked" and close_code == 4002
    with pytest.raises(SessionError) as err:
        await Session(backend.url, Credentials("anna", token=token)).start()
    assert err.value.code == "token_revoked"


async def test_sixth_socket_of_one_person_is_refused_and_the_five_keep_working(backend) -> None:
    sessions = [await login(backend.url, "anna", PASSWORDS["anna"]) for _ in range(5)]
    async with connect(backend.url) as ws:
        await ws.send(json.dumps({"type": "hello", "id": "h6", "protocol_version": PROTOCOL_VERSION,
                                  "auth": {"method": "token", "token": sessions[0].token}}))
        answer = json.loads(await ws.recv())
        assert answer["code"] == "too_many_connections"
        assert "Zu viele gleichzeitige Verbindungen" in answer["message_de"]
        with pytest.raises(ConnectionClosed):
            await asyncio.wait_for(ws.recv(), 5)
        assert ws.close_code == 1008
    for session in sessions:
        await session.move("kh-kueche")
        await session.stop()


async def test_database_holds_argon2_hashes_and_no_plain_secrets(backend, tmp_path: Path) -> None:
    anna = await login(backend.url, "anna", PASSWORDS["anna"])
    token = anna.token
    await anna.stop()
    blob = b"".join(p.read_bytes() for p in (tmp_path / "data").glob("dvz.sqlite3*"))
    assert b"$argon2id$" in blob
    for secret in (*PASSWORDS.values(), token):
        assert secret.encode() not in blob
