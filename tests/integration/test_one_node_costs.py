"""One node's costs do not grow with everyone else: a login reads only the presence its person may see,
the periodic session check asks the database once however many sockets are open, a chat search runs
off the event loop (everyone else is served meanwhile), and the retention purge deletes in short steps
with the loop turning in between."""

from __future__ import annotations

import asyncio
import json
import secrets
import threading
from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from websockets.asyncio.client import ClientConnection, connect

from dvz_desktop.core.clock import ManualClock
from dvz_desktop.protocol import (
    PROTOCOL_VERSION,
    Absence,
    ChatEvent,
    ChatEventKind,
    ConversationKind,
    OfficeLayout,
    Person,
    Welcome,
)
from server_stub.app import Backend, BackendConfig
from server_stub.db import Database, DatabaseError
from server_stub.directory.orgfile import OrgFile, load_org_file
from server_stub.features.chat.store import PURGE_STEP, StoredConversation
from server_stub.net.auth import token_hash

ORGS, STAFF = 3, 40


def many_people(path: Path) -> OrgFile:
    """ORGS organisations of STAFF people each, nobody shares a room (no partners)."""
    organisations, staff = [], []
    for o in range(ORGS):
        organisations.append({"id": f"o{o}", "name": f"Verwaltung {o}", "buildings": [{
            "id": f"o{o}-b", "name": "Rathaus", "floors": [{"id": f"o{o}-f", "name": "EG", "width": 800, "height": 400,
                                                             "rooms": [{"id": f"o{o}-r", "name": "Büro", "kind":
                                                                        "team_office", "x": 0, "y": 0, "w": 200,
                                                                        "h": 200}]}]}]})
        staff += [{"username": f"u{o}-{s}", "display_name": f"Person {o}-{s}", "org": f"o{o}", "unit": "FB 1",
                   "home_room": f"o{o}-r"} for s in range(STAFF)]
    path.write_text(json.dumps({"organisations": organisations, "staff": staff}), encoding="utf-8")
    return load_org_file(path)


@pytest.fixture
async def crowd(tmp_path: Path) -> AsyncIterator[tuple[Backend, str]]:
    server = Backend(many_people(tmp_path / "org.json"), BackendConfig(data_dir=tmp_path / "data"))
    port = await server.start("127.0.0.1", 0)
    try:
        yield server, f"ws://127.0.0.1:{port}/ws"
    finally:
        await server.stop()


def new_session(server: Backend, username: str) -> str:
    token = secrets.token_urlsafe(24)
    now = datetime.now(UTC)
    server.accounts.add_session(token_hash(token), username, now, now + timedelta(days=1))
    return token


async def token_login(url: str, token: str) -> ClientConnection:
    ws = await connect(url, max_queue=None)  # sockets that read nothing must not stall their closing
    await ws.send(json.dumps({"type": "hello", "id": "h", "protocol_version": PROTOCOL_VERSION,
                              "auth": {"method": "token", "token": token}}))
    assert json.loads(await ws.recv())["type"] == "welcome"
    return ws


async def frame_of(ws: ClientConnection, kind: str, timeout: float = 10.0,
                   where: Callable[[dict[str, Any]], bool] = lambda frame: True) -> dict[str, Any]:
    async def scan() -> dict[str, Any]:
        while True:
            frame = json.loads(await ws.recv())
            if frame["type"] == kind and where(frame):
                return frame  # type: ignore[no-any-return]
    return await asyncio.wait_for(scan(), timeout)


async def until(condition: Callable[[], bool], timeout: float = 10.0) -> None:
    async def poll() -> None:
        while not condition():
            await asyncio.sleep(0.01)
    await asyncio.wait_for(poll(), timeout)


async def test_a_login_reads_only_the_presence_of_the_organisations_its_person_may_see(crowd) -> None:
    server, _url = crowd
    for o in range(ORGS):
        for s in range(STAFF):
            server.presence.come_online(f"u{o}-{s}")
    asked: list[str] = []
    sees = server.directory.sees_presence

    def counting(viewer_org: str, viewer_unit: str, person_id: str) -> bool:
        asked.append(person_id)
        return sees(viewer_org, viewer_unit, person_id)

    server.directory.sees_presence = counting  # type: ignore[method-assign]
    snapshot = server.presence.snapshot_for("u1-0")
    assert sorted(p.person_id for p in snapshot) == sorted(f"u1-{s}" for s in range(STAFF))
    # Only the colleagues of the own organisation were looked at, not the 80 others online.
    assert set(asked) <= {f"u1-{s}" for s in range(STAFF)} and len(asked) == STAFF - 1
    server.presence.go_offline("u1-5")
    assert len(server.presence.snapshot_for("u1-0")) == STAFF - 1
    assert [p.person_id for p in server.presence.online_in("o1-r")] == [f"u1-{s}" for s in range(STAFF) if s != 5]


async def test_the_session_check_asks_the_database_once_however_many_sockets_are_open(crowd) -> None:
    server, url = crowd
    tokens = [new_session(server, f"u0-{s}") for s in range(25)]
    sockets = [await token_login(url, token) for token in tokens]
    server.accounts.revoke_session(token_hash(tokens[7]), server.clock.now())
    statements: list[str] = []
    server.db._db.set_trace_callback(statements.append)
    try:
        server.sessions.check_sessions()
    finally:
        server.db._db.set_trace_callback(None)
    assert len(statements) == 1, statements  # not one query per open session
    ended = await frame_of(sockets[7], "session_ended")
    assert ended["code"] == "token_revoked"
    await sockets[7].wait_closed()
    assert sockets[7].close_code == 4002
    await until(lambda: server.hub.count() == 24)
    assert all(ws.close_code is None for n, ws in enumerate(sockets) if n != 7)  # the others stay
    for ws in sockets:
        await ws.close()


async def test_everyone_is_served_while_a_search_runs(crowd, monkeypatch: pytest.MonkeyPatch) -> None:
    server, url = crowd
    searcher = await token_login(url, new_session(server, "u0-0"))
    colleague = await token_login(url, new_session(server, "u0-1"))
    release, entered = threading.Event(), threading.Event()
    read = Database._read

    def held(self: Database, sql: str, params: Any) -> list[Any]:
        assert threading.current_thread() is not threading.main_thread()  # a worker thread, not the loop
        entered.set()
        assert release.wait(20)
        return read(self, sql, params)

    monkeypatch.setattr(Database, "_read", held)
    await searcher.send(json.dumps({"type": "chat_search", "id": "s1", "text": "Bauantrag"}))
    assert await asyncio.to_thread(entered.wait, 10)
    # The search is stuck in its worker thread; the loop serves the others meanwhile.
    await colleague.send(json.dumps({"type": "set_status", "id": "st", "status": "beschaeftigt", "note": ""}))
    assert (await frame_of(colleague, "ack"))["reply_to"] == "st"
    change = await frame_of(searcher, "presence", where=lambda f: f["updates"][0]["status"] == "beschaeftigt")
    assert change["updates"][0]["person_id"] == "u0-1"
    assert not release.is_set()  # (the search is still waiting)
    release.set()
    result = await frame_of(searcher, "chat_search_result")
    assert result["reply_to"] == "s1" and result["hits"] == []
    for ws in (searcher, colleague):
        await ws.close()


async def test_the_purge_deletes_in_short_steps_with_the_loop_turning_between(crowd) -> None:
    server, _url = crowd
    clock = ManualClock(datetime(2026, 12, 1, 9, 0, tzinfo=UTC))
    server.chat.clock = clock
    store = server.chat.store
    conv = StoredConversation("room:o0-r", ConversationKind.ROOM, "o0-r", ())
    store.ensure_conversation(conv)
    old = clock.now() - timedelta(days=400)
    count = 3 * PURGE_STEP + 7
    with store.transaction():
        store.append(ChatEvent(conv_id=conv.conv_id, position=n, kind=ChatEventKind.POST, sender_id="u0-0",
                               at=old + timedelta(seconds=n), target=n, body=f"alt {n}", client_msg_id=f"c{n}")
                     for n in range(1, count + 1))
        store.append([ChatEvent(conv_id=conv.conv_id, position=count + 1, kind=ChatEventKind.POST, sender_id="u0-0",
                                at=clock.now(), target=count + 1, body="neu", client_msg_id="neu")])
    turns = 0
    purging = asyncio.create_task(server.chat.purge())

    while not purging.done():
        turns += 1
        await asyncio.sleep(0)
    assert purging.result() == count
    assert turns >= 4  # at least one turn of the loop per step of PURGE_STEP events
    assert [e.body for e in store.events_after(conv.conv_id, 0)] == ["neu"]
    assert [h.body for h in await store.search(["alt"], [(conv.conv_id, 0, 10**9)])] == []
    assert [h.body for h in await store.search(["neu"], [(conv.conv_id, 0, 10**9)])] == ["neu"]


def test_closing_the_database_waits_for_a_read_in_a_worker_thread(tmp_path: Path) -> None:
    """A connection closed under a running statement crashes the process (it did, when the backend
    stopped during a WAL checkpoint): close() waits for the workers, and refuses them afterwards."""
    db = Database.open(tmp_path / "dvz.sqlite3")
    db.execute("CREATE TABLE t (x INTEGER)")
    started = threading.Event()
    result: list[Any] = []
    slow = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000000) SELECT COUNT(*) FROM n"

    def read() -> None:
        started.set()
        result.extend(db._read(slow, ()))

    worker = threading.Thread(target=read)
    worker.start()
    assert started.wait(10)
    db.checkpoint()  # (a checkpoint beside it is fine)
    db.close()  # waits for the read instead of pulling its connection away
    worker.join(30)
    assert result == [(3000000,)]
    with pytest.raises(DatabaseError):
        db._read("SELECT 1", ())


async def test_posting_reads_nothing_per_message_but_once_per_batch(crowd) -> None:
    """A post reads neither its conversation nor its followers again, and a batch asks once whether any of
    its posts was sent before (on PostgreSQL each query is a round trip on the event loop)."""
    server, url = crowd
    ws = await token_login(url, new_session(server, "u0-0"))
    conv = "room:o0-r"

    async def post(n: int) -> None:
        await ws.send(json.dumps({"type": "chat_send", "id": f"p{n}", "conv_id": conv,
                                  "client_msg_id": f"post-{n:08d}", "body": f"Nachricht {n}"}))

    await post(0)  # the first post of the room's chat creates it and subscribes its writer
    await frame_of(ws, "ack", where=lambda f: f["reply_to"] == "p0")
    statements: list[str] = []
    server.db._db.set_trace_callback(statements.append)
    try:
        for n in range(1, 31):  # within the shipped burst of 40 commands
            await post(n)
        for n in range(1, 31):
            ack = await frame_of(ws, "ack", where=lambda f, n=n: f["reply_to"] == f"p{n}")
            assert ack["position"] == n + 1
    finally:
        server.db._db.set_trace_callback(None)
    reads = [s for s in statements if s.lstrip().upper().startswith("SELECT")]
    # At most one read per batch (the resend check); before, every post read its conversation, its
    # room's followers and its client id, and the writer read the client id again: 120 reads for 30 posts.
    assert len(reads) <= 30, reads[:10]
    assert not [s for s in reads if "chat_conversations" in s or "chat_subscriptions" in s], reads[:10]
    # A resend of a stored post is still answered with its original position.
    await ws.send(json.dumps({"type": "chat_send", "id": "again", "conv_id": conv, "client_msg_id": "post-00000007",
                              "body": "Nachricht 7"}))
    assert (await frame_of(ws, "ack", where=lambda f: f["reply_to"] == "again"))["position"] == 8
    await ws.close()


async def test_an_organisations_layout_is_serialised_once_for_all_its_logins(crowd, monkeypatch) -> None:
    """The layout (every building, room and person of the organisation: large for a ministry) goes into
    each welcome as JSON made once per organisation; a directory sync makes it anew."""
    server, url = crowd
    made: list[str] = []
    dump = OfficeLayout.model_dump_json

    def counting(self: OfficeLayout, **kwargs: Any) -> str:
        made.append("layout")
        return dump(self, **kwargs)

    monkeypatch.setattr(OfficeLayout, "model_dump_json", counting)
    sockets = []
    for s in range(5):
        ws = await connect(url, max_queue=None)
        await ws.send(json.dumps({"type": "hello", "id": "h", "protocol_version": PROTOCOL_VERSION,
                                  "auth": {"method": "token", "token": new_session(server, f"u1-{s}")}}))
        welcome = Welcome.model_validate_json(await ws.recv())
        assert welcome.me == f"u1-{s}" and welcome.office == server.directory.layout_for("o1")
        assert len(welcome.office.people) == STAFF and welcome.presence  # the rest of the welcome is there
        sockets.append(ws)
    assert made == ["layout"]  # once for five logins of the organisation
    server.directory.put_people([Person(id="neu-1", display_name="Neue Kollegin", org_id="o1", unit="FB 1")])
    ws = await token_login(url, new_session(server, "u1-9"))
    sockets.append(ws)
    assert made == ["layout", "layout"]
    for ws in sockets:
        await ws.close()


async def test_a_login_asks_about_the_absences_of_its_own_organisations_room_owners_only(tmp_path: Path) -> None:
    organisations, staff = [], []
    for o in range(3):
        rooms = [{"id": f"o{o}-p{s}", "name": f"Büro {s}", "kind": "personal_office", "owner": f"u{o}-{s}",
                  "x": s * 100, "y": 0, "w": 90, "h": 90} for s in range(10)]
        organisations.append({"id": f"o{o}", "name": f"Verwaltung {o}", "buildings": [{
            "id": f"o{o}-b", "name": "Rathaus", "floors": [{"id": f"o{o}-f", "name": "EG", "width": 1100,
                                                             "height": 200, "rooms": rooms}]}]})
        staff += [{"username": f"u{o}-{s}", "display_name": f"Person {o}-{s}", "org": f"o{o}", "unit": "FB 1",
                   "home_room": f"o{o}-p{s}"} for s in range(10)]
    (tmp_path / "org.json").write_text(json.dumps({"organisations": organisations, "staff": staff}), encoding="utf-8")
    server = Backend(load_org_file(tmp_path / "org.json"), BackendConfig(data_dir=tmp_path / "data"))
    absences = server.behaviour.ctx.absences
    today = server.clock.now().date()
    for o in range(3):  # one person of each organisation is away, with a deputy
        absences.set(Absence(person_id=f"u{o}-3", start=today, end=today, deputy_id=f"u{o}-4"))
    asked: list[str] = []
    is_away = absences.is_away

    def counting(person_id: str, day: Any) -> bool:
        asked.append(person_id)
        return is_away(person_id, day)

    absences.is_away = counting  # type: ignore[method-assign]
    doors = server.behaviour.doors.doors_visible_to("o1")
    assert [(d.room_id, d.deputy_id) for d in doors] == [("o1-p3", "u1-4")]
    assert asked and {p.split("-")[0] for p in asked} == {"u1"}  # not the rooms of o0 and o2
    server.db.close()
