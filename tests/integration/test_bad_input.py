"""Bad input on the wire: every case gets a clear error frame or close code, is logged without its
content, and neither crashes the backend nor disturbs another user."""

from __future__ import annotations

import asyncio
import json
import logging
import urllib.error
import urllib.request
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed, InvalidStatus

from dvz_desktop.protocol import PROTOCOL_VERSION, ErrorCode, Status, error_texts
from dvz_desktop.services.session import Session, SessionError
from server_stub.app import Backend, BackendConfig
from server_stub.directory.orgfile import OrgFile

from ..conftest import PASSWORDS
from .helpers import PresenceLog, login

SECRET_NOTE = "Geheimes-Aktenzeichen-4711"


def hello(user: str = "anna", version: int = PROTOCOL_VERSION) -> str:
    return json.dumps({"type": "hello", "id": "h1", "protocol_version": version,
                       "auth": {"method": "password", "username": user, "password": PASSWORDS[user]}})


@pytest.fixture
async def raw_anna(backend) -> AsyncIterator[ClientConnection]:
    """A logged-in socket that can send anything at all."""
    async with connect(backend.url, max_size=None) as ws:
        await ws.send(hello())
        assert json.loads(await ws.recv())["type"] == "welcome"
        yield ws


async def reply_to(ws: ClientConnection, frame: str | bytes) -> dict:
    """Send a frame and return the next answer that is not a presence update."""
    await ws.send(frame)
    while True:
        answer = json.loads(await asyncio.wait_for(ws.recv(), 5))
        if answer["type"] != "presence":
            return answer


def assert_error(answer: dict, code: str) -> None:
    """An error frame names its code and explains it in German and English (the texts of that code)."""
    assert answer["type"] == "error" and answer["code"] == code, answer
    assert (answer["message_de"], answer["message_en"]) == error_texts(ErrorCode(code))


async def closed_with(ws: ClientConnection) -> int | None:
    with pytest.raises(ConnectionClosed):
        while True:
            await asyncio.wait_for(ws.recv(), 5)
    return ws.close_code


@pytest.mark.parametrize(
    ("frame", "code"),
    [
        ("{kein json", "invalid_json"),
        ('["eine", "liste"]', "invalid_message"),
        ('{"type": "teleport", "id": "x1"}', "unknown_type"),
        ('{"type": "set_status", "id": "x2", "status": 5}', "invalid_message"),
        ('{"type": "move", "id": "x3", "room_id": "kh-101", "extra": true}', "invalid_message"),
        ('{"type": "set_status", "id": "x4", "status": "offline"}', "invalid_message"),
    ],
)
async def test_invalid_frames_get_an_error_with_german_and_english_text(raw_anna, frame: str, code: str) -> None:
    answer = await reply_to(raw_anna, frame)
    assert_error(answer, code)
    # The connection is still usable afterwards.
    ok = await reply_to(raw_anna, '{"type": "set_status", "id": "ok1", "status": "beschaeftigt"}')
    assert ok["type"] == "ack" and ok["reply_to"] == "ok1"


async def test_error_answers_the_command_id_when_it_can_be_read(raw_anna) -> None:
    answer = await reply_to(raw_anna, '{"type": "move", "id": "m7", "room_id": 12}')
    assert answer["reply_to"] == "m7"


async def test_frame_over_64_kib_closes_with_1009(raw_anna) -> None:
    await raw_anna.send(json.dumps({"type": "set_status", "id": "big", "status": "verfuegbar", "note": "x" * 70_000}))
    assert await closed_with(raw_anna) == 1009


async def test_binary_frame_closes_with_1003(raw_anna) -> None:
    await raw_anna.send(b"\x00\x01binary")
    assert await closed_with(raw_anna) == 1003


async def test_first_frame_must_be_hello(backend) -> None:
    async with connect(backend.url) as ws:
        answer = await reply_to(ws, '{"type": "move", "id": "m1", "room_id": "kh-101"}')
        assert_error(answer, "hello_required")
        assert answer["reply_to"] == "m1"
        assert await closed_with(ws) == 1008
    async with connect(backend.url) as ws:
        assert_error(await reply_to(ws, "garbage"), "invalid_json")
        assert await closed_with(ws) == 1008
    async with connect(backend.url) as ws:  # a binary first frame is not read at all
        await ws.send(b"\x89PNG\r\n")
        assert await closed_with(ws) == 1003


async def test_protocol_version_mismatch_is_a_clear_error_not_a_hang(backend) -> None:
    async with connect(backend.url) as ws:
        answer = await reply_to(ws, hello(version=PROTOCOL_VERSION + 1))
        assert_error(answer, "protocol_version")
        assert answer["server_protocol_version"] == PROTOCOL_VERSION
        assert await closed_with(ws) == 4000


async def test_session_explains_a_version_mismatch_in_german(backend, monkeypatch) -> None:
    import dvz_desktop.services.session as session_module

    monkeypatch.setattr(session_module, "PROTOCOL_VERSION", PROTOCOL_VERSION + 1)
    session = Session(backend.url, session_module.Credentials("anna", PASSWORDS["anna"]))
    with pytest.raises(SessionError) as err:
        await asyncio.wait_for(session.start(), 10)
    assert err.value.code == "protocol_version"
    assert "Protokollversion" in err.value.message
    assert f"Server: Version {PROTOCOL_VERSION}" in err.value.message


async def test_bad_frame_flood_closes_only_that_socket(backend, raw_anna, caplog) -> None:
    caplog.set_level(logging.INFO)
    bernd = await login(backend.url, "bernd", PASSWORDS["bernd"])
    bernd_log = PresenceLog(bernd)
    for n in range(40):
        try:
            await raw_anna.send(f'{{"type": "set_status", "id": "f{n}", "status": "{SECRET_NOTE}"}}')
        except ConnectionClosed:
            break
    # Each bad frame was answered until the limit, then the socket was closed as a policy violation.
    errors: list[dict] = []
    with pytest.raises(ConnectionClosed):
        while True:
            answer = json.loads(await asyncio.wait_for(raw_anna.recv(), 5))
            if answer["type"] == "error":
                errors.append(answer)
    assert raw_anna.close_code == 1008
    assert 20 <= len(errors) < 40
    for answer in errors:
        assert_error(answer, "invalid_message")
    # Bernd's connection was not disturbed: he can act and still hears about others.
    await bernd.set_status(Status.BUSY, "weiter geht's")
    erik = await login(backend.url, "erik", PASSWORDS["erik"])
    await bernd_log.wait_for(lambda p: p.person_id == "erik" and p.status is Status.AVAILABLE)
    # Nothing of the frames' content reached the log.
    assert SECRET_NOTE not in caplog.text
    for session in (bernd, erik):
        await session.stop()


async def test_logs_never_contain_passwords_or_frame_content(backend, caplog) -> None:
    caplog.set_level(logging.DEBUG)
    async with connect(backend.url) as ws:
        await reply_to(ws, json.dumps({"type": "hello", "id": "h", "protocol_version": PROTOCOL_VERSION,
                                       "auth": {"method": "password", "username": "anna", "password": "falsch-xyz"}}))
    async with connect(backend.url) as ws:
        await ws.send(hello())
        await ws.recv()
        await reply_to(ws, json.dumps({"type": "set_status", "id": "s", "status": "verfuegbar",
                                       "note": SECRET_NOTE, "bogus": 1}))
    # The raw test socket's own client-side debug log is not the product's; everything else is.
    text = "\n".join(r.getMessage() for r in caplog.records if not r.name.startswith("websockets.client"))
    assert "falsch-xyz" not in text
    assert PASSWORDS["anna"] not in text
    assert SECRET_NOTE not in text
    assert "invalid_message" in text  # the event itself is logged, just not its content


async def test_the_clients_own_debug_log_holds_no_password(backend, caplog) -> None:
    caplog.set_level(logging.DEBUG)
    session = await login(backend.url, "anna", PASSWORDS["anna"])
    await session.set_status(Status.BUSY, SECRET_NOTE)
    await session.stop()
    assert PASSWORDS["anna"] not in caplog.text
    assert SECRET_NOTE not in caplog.text
    assert session.token and session.token not in caplog.text


def http_status(url: str, headers: dict[str, str] | None = None) -> int:
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code


async def test_http_paths(backend) -> None:
    base = f"http://127.0.0.1:{backend.port}"
    assert await asyncio.to_thread(http_status, base + "/healthz") == 200
    assert await asyncio.to_thread(http_status, base + "/admin") == 404
    with pytest.raises(InvalidStatus) as err:
        async with connect(f"ws://127.0.0.1:{backend.port}/andere"):
            pass
    assert err.value.response.status_code == 404
    # The client says clearly that this is not a DVZ server.
    with pytest.raises(SessionError) as session_err:
        await login(f"ws://127.0.0.1:{backend.port}/andere", "anna", PASSWORDS["anna"])
    assert "kein DVZ-Server" in session_err.value.message


async def test_foreign_browser_origin_is_refused(org_three: OrgFile, tmp_path: Path) -> None:
    server = Backend(org_three, BackendConfig(data_dir=tmp_path / "d", allowed_origins=("https://www.musterkreis.de",)))
    port = await server.start("127.0.0.1", 0)
    url = f"ws://127.0.0.1:{port}/ws"
    try:
        with pytest.raises(InvalidStatus) as err:
            async with connect(url, origin="https://boese.example"):
                pass
        assert err.value.response.status_code == 403
        async with connect(url, origin="https://www.musterkreis.de") as ws:  # the configured site works
            assert (await reply_to(ws, hello()))["type"] == "welcome"
        async with connect(url) as ws:  # the desktop client sends no Origin at all
            assert (await reply_to(ws, hello()))["type"] == "welcome"
    finally:
        await server.stop()


async def test_backend_still_serves_logins_after_abuse(backend) -> None:
    abuse: list[tuple[str | bytes, int]] = [
        ("{", 1008), (b"\xff", 1003), ('{"type": "hello"}', 1008), ("x" * 70_000, 1009),
        (hello(version=0), 4000), (hello().replace(PASSWORDS["anna"], "falsch"), 4001),
    ]
    for frame, close_code in abuse:
        async with connect(backend.url, max_size=None) as ws:
            await ws.send(frame)
            assert await closed_with(ws) == close_code, frame[:20]
    session = await login(backend.url, "anna", PASSWORDS["anna"])
    assert session.me == "anna"
    await session.stop()


async def test_a_client_that_stops_reading_is_closed_as_too_slow_and_others_carry_on(backend, monkeypatch) -> None:
    import socket

    import server_stub.net.hub as hub_module

    # A small limit stands in for the 512 KiB one, so a few dozen updates are enough to overflow it.
    monkeypatch.setattr(hub_module, "SLOW_CLIENT_BUFFER_BYTES", 2048)
    sock = socket.create_connection(("127.0.0.1", backend.port))
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 1024)
    async with connect(backend.url, sock=sock, max_size=None) as sleepy:
        await sleepy.send(hello("bernd"))
        await sleepy.recv()
        sleepy.transport.pause_reading()  # stops reading, like a frozen laptop
        # Small kernel buffers on both ends, so the backlog shows up in the backend's own buffer quickly.
        server_side = backend.backend.hub.connections_of("bernd")[0].ws.transport.get_extra_info("socket")
        server_side.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, 4096)
        watcher = await login(backend.url, "clara", PASSWORDS["clara"])
        log = PresenceLog(watcher)
        talkers = [await login(backend.url, name, PASSWORDS[name]) for name in ("anna", "erik")]
        for n in range(35):
            for talker in talkers:
                await talker.set_status(Status.BUSY, f"Notiz {n} " + "x" * 100)
        await log.wait_for(lambda p: p.person_id == "erik" and p.note.startswith("Notiz 34"))
        for _ in range(100):
            if any(c.username == "bernd" and c.closing for c in backend.backend.hub.all_connections()) or \
                    not backend.backend.hub.connections_of("bernd"):
                break
            await asyncio.sleep(0.05)
        else:
            backlog = [c.ws.transport.get_write_buffer_size() for c in backend.backend.hub.connections_of("bernd")]
            pytest.fail(f"the slow connection was not closed: {backlog}")
        sleepy.transport.resume_reading()
        assert await closed_with(sleepy) == 4003
    for session in (watcher, *talkers):
        await session.stop()
