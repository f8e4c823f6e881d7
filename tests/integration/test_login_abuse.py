"""Password guessing and socket floods stay the attacker's problem: password checks are bounded, wrong
passwords are slowed down and then locked out (with a clear message and an admin unlock), sockets
without a login are capped per address, a user who keeps sending past the rate limit is closed with
1008, and a frame that cannot be parsed (nested thousands deep, also before login) is an error frame
and one short log line. Everybody else carries on."""

from __future__ import annotations

import asyncio
import json
import logging
import threading
from datetime import UTC, datetime
from pathlib import Path

import pytest
from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed, InvalidStatus

from dvz_desktop.core.clock import ManualClock
from dvz_desktop.protocol import PROTOCOL_VERSION, Status
from dvz_desktop.services.session import Credentials, Session, SessionError
from server_stub.app import Backend, BackendConfig
from server_stub.cli import main as server_cli
from server_stub.net import auth, login_guard

from ..conftest import PASSWORDS
from .helpers import login


def hello(user: str, password: str, command_id: str = "h1") -> str:
    return json.dumps({"type": "hello", "id": command_id, "protocol_version": PROTOCOL_VERSION,
                       "auth": {"method": "password", "username": user, "password": password}})


async def refusal(url: str, user: str, password: str) -> SessionError:
    with pytest.raises(SessionError) as err:
        await Session(url, Credentials(user, password)).start()
    return err.value


@pytest.fixture
async def clocked(org_three, tmp_path: Path):  # type: ignore[no-untyped-def]
    clock = ManualClock(datetime(2026, 12, 1, 9, 0, tzinfo=UTC))
    server = Backend(org_three, BackendConfig(data_dir=tmp_path / "data"), clock=clock)
    port = await server.start("127.0.0.1", 0)
    yield server, clock, f"ws://127.0.0.1:{port}/ws", tmp_path / "data"
    await server.stop()


async def test_wrong_passwords_are_slowed_down_then_locked_until_an_admin_unlocks(clocked, capsys) -> None:
    _server, clock, url, data_dir = clocked
    for _ in range(3):
        assert (await refusal(url, "anna", "falsch")).code == "auth_failed"
    throttled = await refusal(url, "anna", PASSWORDS["anna"])  # even the right one waits now
    assert throttled.code == "login_throttled" and "noch 2 Sekunden" in throttled.message
    for _ in range(7):
        clock.advance(seconds=61)
        assert (await refusal(url, "anna", "falsch")).code == "auth_failed"
    clock.advance(seconds=61)
    locked = await refusal(url, "anna", PASSWORDS["anna"])
    assert locked.code == "account_locked" and "30 Minuten gesperrt" in locked.message and "IT" in locked.message
    bernd = await login(url, "bernd", PASSWORDS["bernd"])  # another account is not affected
    await bernd.stop()
    assert server_cli(["--unlock-user", "anna", "--data-dir", str(data_dir)]) == 0
    assert "entsperrt" in capsys.readouterr().out
    anna = await login(url, "anna", PASSWORDS["anna"])
    assert anna.me == "anna"
    await anna.stop()


async def test_a_lock_expires_by_itself(clocked) -> None:
    _server, clock, url, _data = clocked
    for _ in range(10):
        clock.advance(seconds=61)
        await refusal(url, "erik", "falsch")
    assert (await refusal(url, "erik", PASSWORDS["erik"])).code == "account_locked"
    clock.advance(minutes=31)
    erik = await login(url, "erik", PASSWORDS["erik"])
    await erik.stop()


async def test_password_checks_run_a_few_at_a_time_and_a_full_queue_says_busy(backend, monkeypatch) -> None:
    running, most = 0, 0
    release = threading.Event()
    verify = auth._verify

    def held(stored, password):  # type: ignore[no-untyped-def]
        """A password check that waits for the test's signal, so the queue can be looked at."""
        nonlocal running, most
        running += 1
        most = max(most, running)
        try:
            release.wait(10)
            return verify(stored, password)
        finally:
            running -= 1

    monkeypatch.setattr(auth, "_verify", held)
    guard = backend.backend.login_guard
    names = list(PASSWORDS) * 2
    tasks = [asyncio.create_task(login(backend.url, name, PASSWORDS[name])) for name in names]
    await until(lambda: guard._waiting == len(names))  # every hello has arrived at the guard
    assert running == login_guard.MAX_CONCURRENT_CHECKS  # the others wait for a slot
    release.set()
    sessions = await asyncio.gather(*tasks)
    assert most == login_guard.MAX_CONCURRENT_CHECKS
    for session in sessions:
        await session.stop()
    release.clear()
    monkeypatch.setattr(login_guard, "MAX_WAITING_CHECKS", 2)
    tasks = [asyncio.create_task(login(backend.url, name, PASSWORDS[name])) for name in PASSWORDS]
    await until(lambda: sum(t.done() for t in tasks) == len(PASSWORDS) - 2)  # all but the two in the queue
    busy = [t.exception() for t in tasks if t.done()]
    assert all(isinstance(e, SessionError) and e.code == "login_busy" and "in ein paar Sekunden" in e.message
               for e in busy)
    release.set()
    for session in await asyncio.gather(*(t for t in tasks if not t.done())):
        await session.stop()


async def test_sockets_without_login_are_capped_per_address(backend) -> None:
    bernd = await login(backend.url, "bernd", PASSWORDS["bernd"])
    idle = [await connect(backend.url) for _ in range(login_guard.MAX_UNAUTHENTICATED_PER_ADDRESS)]
    with pytest.raises(InvalidStatus) as refused:  # sent away before the upgrade: cheap for the server
        await connect(backend.url)
    assert refused.value.response.status_code == 503 and refused.value.response.headers["Retry-After"] == "5"
    busy = await refusal(backend.url, "anna", PASSWORDS["anna"])
    assert busy.code == "login_busy" and "in ein paar Sekunden" in busy.message
    await bernd.set_status(Status.BUSY)  # a logged-in user carries on
    for ws in idle:
        await ws.close()
    anna = await login(backend.url, "anna", PASSWORDS["anna"])  # the slots are free again
    await anna.stop()
    await bernd.stop()


async def test_sending_far_past_the_rate_limit_closes_with_1008(backend) -> None:
    bernd = await login(backend.url, "bernd", PASSWORDS["bernd"])
    async with connect(backend.url) as ws:
        await ws.send(hello("anna", PASSWORDS["anna"]))
        assert json.loads(await ws.recv())["type"] == "welcome"
        codes: list[str] = []
        try:
            for n in range(1000):
                await ws.send(json.dumps({"type": "set_status", "id": f"s{n}", "status": "verfuegbar"}))
        except ConnectionClosed:
            pass
        with pytest.raises(ConnectionClosed):
            while True:
                frame = json.loads(await asyncio.wait_for(ws.recv(), 5))
                if frame["type"] == "error":
                    codes.append(frame["code"])
        assert ws.close_code == 1008
        assert codes and set(codes) == {"rate_limited"}
    await bernd.set_status(Status.BUSY)
    await bernd.stop()


DEEP = "[" * 60_000  # under 64 KiB, nested far beyond any parser's recursion limit


async def test_deeply_nested_json_is_an_error_frame_before_and_after_login(backend, caplog) -> None:
    caplog.set_level(logging.DEBUG)
    bernd = await login(backend.url, "bernd", PASSWORDS["bernd"])
    async with connect(backend.url) as ws:  # before login
        await ws.send(DEEP)
        answer = json.loads(await asyncio.wait_for(ws.recv(), 5))
        assert answer["type"] == "error" and answer["code"] == "invalid_json" and answer["reply_to"] is None
        with pytest.raises(ConnectionClosed):
            await asyncio.wait_for(ws.recv(), 5)
        assert ws.close_code == 1008
    async with connect(backend.url) as ws:  # after login
        await ws.send(hello("anna", PASSWORDS["anna"]))
        assert json.loads(await ws.recv())["type"] == "welcome"
        for frame in (DEEP, '{"type": "set_status", "id": "x", "note": ' + "[" * 5000 + "]" * 5000 + "}"):
            await ws.send(frame)
            while (answer := json.loads(await asyncio.wait_for(ws.recv(), 5)))["type"] != "error":
                pass
            assert answer["code"] in ("invalid_json", "invalid_message")
        await ws.send(json.dumps({"type": "set_status", "id": "ok", "status": "beschaeftigt"}))
        while (answer := json.loads(await asyncio.wait_for(ws.recv(), 5))).get("reply_to") != "ok":
            pass
        assert answer["type"] == "ack"  # the socket is still open and served
    await bernd.set_status(Status.BUSY)
    await bernd.stop()
    ours = [r for r in caplog.records if r.name.startswith("server_stub")]
    assert not [r for r in ours if r.exc_info or r.levelno >= logging.ERROR]
    assert all("[[" not in r.getMessage() and len(r.getMessage()) < 200 for r in ours)
    assert "Traceback" not in caplog.text


async def test_no_hello_in_time_is_an_error_and_close_1008(backend, monkeypatch) -> None:
    from server_stub.net import handshake

    monkeypatch.setattr(handshake, "HELLO_TIMEOUT_S", 0.2)
    async with connect(backend.url) as ws:
        answer = json.loads(await asyncio.wait_for(ws.recv(), 5))
        assert answer["type"] == "error" and answer["code"] == "hello_required"
        with pytest.raises(ConnectionClosed):
            await asyncio.wait_for(ws.recv(), 5)
        assert ws.close_code == 1008


async def test_a_guesser_does_not_lock_colleagues_at_the_same_address_out(clocked) -> None:
    _server, clock, url, _data = clocked
    anna = await login(url, "anna", PASSWORDS["anna"])
    for n in range(55):  # enough to slow down, then lock, the address (127.0.0.1) for password logins
        clock.advance(seconds=61)
        await refusal(url, f"geraten{n}", "falsch")
    clock.advance(seconds=61)
    assert (await refusal(url, "erik", PASSWORDS["erik"])).code == "login_throttled"  # passwords wait
    again = Session(url, Credentials("anna", token=anna.token))  # a session token still comes in
    assert (await again.start()).me == "anna"
    await again.stop()
    await anna.stop()


async def test_a_reconnect_waits_out_a_busy_server_instead_of_ending_the_session(backend) -> None:
    from dvz_desktop.services.session import SessionState

    anna = Session(backend.url, Credentials("anna", PASSWORDS["anna"]), reconnect_min_s=0.05, reconnect_max_s=0.2)
    await anna.start()
    states: list[SessionState] = []
    anna.state_changed.connect(lambda change: states.append(change.state))
    idle = [await connect(backend.url) for _ in range(login_guard.MAX_UNAUTHENTICATED_PER_ADDRESS)]
    for conn in backend.backend.hub.connections_of("anna"):
        conn.ws.transport.abort()  # the connection drops; every reconnect now finds the server busy
    await until(lambda: states.count(SessionState.RECONNECTING) >= 3)
    assert SessionState.ENDED not in states
    for ws in idle:
        await ws.close()
    await until(lambda: anna.state is SessionState.CONNECTED)
    await anna.stop()


async def until(condition, timeout: float = 10.0) -> None:  # type: ignore[no-untyped-def]
    async def poll() -> None:
        while not condition():
            await asyncio.sleep(0.02)

    await asyncio.wait_for(poll(), timeout)
