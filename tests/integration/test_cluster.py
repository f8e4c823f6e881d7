"""Two backend nodes over one PostgreSQL and one Redis (the cluster mode): people connected to either node
see each other's presence, a login on one node gets a snapshot that holds the people of the other, and
when a node is killed (SIGKILL, no goodbye) its people leave presence within seconds, while the people of
the node that lives on are not disturbed. Redis restarting does not stop a node serving its own sockets;
once Redis is back the nodes are in step again. Chat between people on different nodes arrives live,
exactly once, in one order for both, with positions from the shared database."""

from __future__ import annotations

import asyncio
import re
import signal
import subprocess
import sys
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest

from dvz_desktop.protocol import Status
from server_stub.app import Backend, BackendConfig
from server_stub.directory.orgfile import OrgFile
from tests.conftest import FIXTURES, PASSWORDS
from tests.integration.chat_history import wait_until
from tests.integration.helpers import Person, login
from tests.integration.test_chat import Chatter
from tests.services.postgres import postgres_dsn  # noqa: F401  (the fixture)
from tests.services.redis_server import RedisServer, redis_server  # noqa: F401  (the fixture)

ROOT = Path(__file__).resolve().parents[2]
EXPIRY_S = 10.0  # heartbeat expiry (3 s) + one check (1 s), with room for a loaded machine


@pytest.fixture
async def node_a(org_three: OrgFile, tmp_path: Path, postgres_dsn: str,  # noqa: F811
                 redis_server: RedisServer) -> AsyncIterator[Backend]:  # noqa: F811
    node = Backend(org_three, BackendConfig(data_dir=tmp_path / "a", database_url=postgres_dsn,
                                            redis_url=redis_server.url, node_id="node-a"))
    node.port = await node.start("127.0.0.1", 0)  # type: ignore[attr-defined]
    assert node.cluster is not None
    await asyncio.wait_for(node.cluster.in_step.wait(), 10)
    try:
        yield node
    finally:
        await node.stop()


@pytest.fixture
def node_b(tmp_path: Path, postgres_dsn: str, redis_server: RedisServer) -> Iterator[tuple[subprocess.Popen[str], str]]:  # noqa: F811
    """The second node as a real ``dvz-server`` process (so it can be SIGKILLed)."""
    process = subprocess.Popen(
        [sys.executable, "-m", "server_stub", "--port", "0", "--data-dir", str(tmp_path / "b"), "--org",
         str(FIXTURES / "org_three.yaml"), "--database", postgres_dsn, "--redis", redis_server.url,
         "--node-id", "node-b", "--log-level", "INFO"],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=(tmp_path / "node-b.log").open("w"), text=True)
    assert process.stdout is not None
    line = process.stdout.readline()
    found = re.search(r"(ws://\S+)", line)
    assert found, f"node b did not start: {line!r}"
    try:
        yield process, found.group(1)
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(30)
            except subprocess.TimeoutExpired:
                process.kill()
                log = (tmp_path / "node-b.log").read_text()[-3000:]
                raise AssertionError(f"node b did not stop on SIGTERM:\n{log}") from None


def url_of(node: Backend) -> str:
    return f"ws://127.0.0.1:{node.port}/ws"  # type: ignore[attr-defined]


async def test_two_nodes_share_presence_and_a_killed_node_s_people_leave(node_a: Backend, node_b) -> None:
    process, url_b = node_b
    anna = Person("anna", await login(url_of(node_a), "anna", PASSWORDS["anna"]))
    bernd = Person("bernd", await login(url_b, "bernd", PASSWORDS["bernd"]))
    # Bernd (node b) sees Anna (node a) come online or in his snapshot; Anna sees Bernd come online.
    await anna.presence.wait_for(lambda p: p.person_id == "bernd" and p.status is Status.AVAILABLE, 10)
    await bernd.session.set_status(Status.BUSY, "Bescheid")
    await anna.presence.wait_for(lambda p: p.person_id == "bernd" and p.status is Status.BUSY, 10)
    await anna.session.move("kh-kueche")
    await bernd.presence.wait_for(lambda p: p.person_id == "anna" and p.room_id == "kh-kueche", 10)
    # A third person logging in on node a gets Bernd (node b) in the welcome's snapshot.
    clara = await login(url_of(node_a), "clara", PASSWORDS["clara"])
    assert clara.welcome is not None
    assert [(p.status, p.note) for p in clara.welcome.presence if p.person_id == "bernd"] == [(Status.BUSY, "Bescheid")]

    process.send_signal(signal.SIGKILL)  # no goodbye: only the heartbeat's expiry tells
    process.wait(10)
    await anna.presence.wait_for(lambda p: p.person_id == "bernd" and p.status is Status.OFFLINE, EXPIRY_S)
    assert node_a.presence.get("anna").status is Status.AVAILABLE  # node a's own people are untouched
    assert node_a.presence.get("anna").room_id == "kh-kueche"
    for session in (anna.session, bernd.session, clara):
        await session.stop()


async def test_a_node_keeps_serving_while_redis_restarts_and_catches_up(node_a: Backend, node_b,
                                                                         redis_server: RedisServer) -> None:  # noqa: F811
    _process, url_b = node_b
    anna = Person("anna", await login(url_of(node_a), "anna", PASSWORDS["anna"]))
    bernd = Person("bernd", await login(url_b, "bernd", PASSWORDS["bernd"]))
    await anna.presence.wait_for(lambda p: p.person_id == "bernd" and p.status is Status.AVAILABLE, 10)
    redis_server.stop()
    # Each node still serves its own sockets: Anna's change is acknowledged and seen by Clara on node a.
    clara = Person("clara", await login(url_of(node_a), "clara", PASSWORDS["clara"]))
    await anna.session.set_status(Status.DO_NOT_DISTURB, "")
    await clara.presence.wait_for(lambda p: p.person_id == "anna" and p.status is Status.DO_NOT_DISTURB, 10)
    redis_server.start()  # empty again (no persistence): the nodes write their people anew
    await bernd.presence.wait_for(lambda p: p.person_id == "anna" and p.status is Status.DO_NOT_DISTURB, 20)
    await bernd.session.set_status(Status.AWAY, "")
    await anna.presence.wait_for(lambda p: p.person_id == "bernd" and p.status is Status.AWAY, 20)
    for person in (anna, bernd, clara):
        await person.session.stop()


async def test_redis_losing_its_data_unnoticed_is_repaired_from_the_nodes(
        node_a: Backend, node_b, org_three: OrgFile, tmp_path: Path, postgres_dsn: str,  # noqa: F811
        redis_server: RedisServer) -> None:  # noqa: F811
    """Redis restarting within the client library's own retries, or flushed, raises no error anywhere,
    yet the stream and the shared state are gone, and with them events a node had not read yet. The
    nodes notice by the epoch mark, write their people anew and so repair what another node missed;
    nobody flickers offline meanwhile; the people of a node that died in the same moment go offline."""
    import redis

    dying, url_c = node_b  # node "b" of the fixture is the one that dies here
    second = Backend(org_three, BackendConfig(data_dir=tmp_path / "b2", database_url=postgres_dsn,
                                              redis_url=redis_server.url, node_id="node-b2"))
    port = await second.start("127.0.0.1", 0)
    try:
        assert second.cluster is not None
        await asyncio.wait_for(second.cluster.in_step.wait(), 10)
        anna = Person("anna", await login(url_of(node_a), "anna", PASSWORDS["anna"]))
        bernd = Person("bernd", await login(f"ws://127.0.0.1:{port}/ws", "bernd", PASSWORDS["bernd"]))
        erik = await login(url_c, "erik", PASSWORDS["erik"])
        await anna.session.move("kh-kueche")
        await bernd.presence.wait_for(lambda p: p.person_id == "anna" and p.room_id == "kh-kueche", 10)
        await bernd.presence.wait_for(lambda p: p.person_id == "erik" and p.status is Status.AVAILABLE, 10)
        # As if node b2 had missed Anna's move (an event lost with the stream): it still has her elsewhere.
        # (Applied as if read from Redis, so it is not written back: the other nodes keep the truth.)
        second.cluster._apply(second.presence.get("anna").model_copy(update={"room_id": "kh-sitz"}))  # noqa: SLF001
        await bernd.presence.wait_for(lambda p: p.person_id == "anna" and p.room_id == "kh-sitz", 10)
        seen = len(bernd.presence.updates)
        dying.send_signal(signal.SIGKILL)  # Erik's node dies in the same moment: its heartbeat goes with the data
        dying.wait(10)
        redis.Redis.from_url(redis_server.url).flushall()

        def since_flush(person_id: str) -> list[tuple[Status, str | None]]:
            return [(p.status, p.room_id) for p in bernd.presence.updates[seen:] if p.person_id == person_id]

        await wait_until(lambda: second.presence.get("anna").room_id == "kh-kueche", 20, "node b2 to be repaired")
        await bernd.presence.wait_for(lambda p: p.person_id == "erik" and p.status is Status.OFFLINE, 20)
        await anna.presence.wait_for(lambda p: p.person_id == "erik" and p.status is Status.OFFLINE, 20)
        assert since_flush("anna")[-1] == (Status.AVAILABLE, "kh-kueche")
        assert all(status is not Status.OFFLINE for status, _ in since_flush("anna") + since_flush("bernd"))
        assert all(p.status is not Status.OFFLINE for p in anna.presence.updates if p.person_id == "bernd")
        shared = redis.Redis.from_url(redis_server.url, decode_responses=True).hgetall("dvz:presence:state")
        assert set(shared) == {"anna", "bernd"}
        for session in (anna.session, bernd.session, erik):
            await session.stop()
    finally:
        await second.stop()


async def test_news_lost_with_redis_s_data_are_read_again_from_the_database(
        node_a: Backend, org_three: OrgFile, tmp_path: Path, postgres_dsn: str,  # noqa: F811
        redis_server: RedisServer) -> None:  # noqa: F811
    """A knock's answer and a chat message another node relayed just before Redis lost its data never
    reached this node's reader; once the loss is noticed, this node reads both from the database and
    tells its people (before, the knocker waited until the ring time ran out, the chat message until the
    next one)."""
    import redis

    from dvz_desktop.protocol import DoorState, KnockAnswer, KnockState

    second = Backend(org_three, BackendConfig(data_dir=tmp_path / "b2", database_url=postgres_dsn,
                                              redis_url=redis_server.url, node_id="node-b2"))
    port = await second.start("127.0.0.1", 0)
    try:
        assert second.cluster is not None and node_a.cluster is not None
        await asyncio.wait_for(second.cluster.in_step.wait(), 10)
        anna = Person("anna", await login(url_of(node_a), "anna", PASSWORDS["anna"]))
        bernd = Person("bernd", await login(f"ws://127.0.0.1:{port}/ws", "bernd", PASSWORDS["bernd"]))
        annas_chat = Chatter(anna.session, tmp_path / "anna.outbox")
        bernds_chat = Chatter(bernd.session, tmp_path / "bernd.outbox")
        conv = await annas_chat.chat.open_direct("bernd")
        assert conv == await bernds_chat.chat.open_direct("anna")
        bernds_chat.chat.send(conv, "vorher")
        await annas_chat.wait_for(lambda: annas_chat.bodies(conv) == ["vorher"], 10)
        await bernd.office.set_door("kh-102", DoorState.CLOSED)
        await anna.wait_for(lambda m: getattr(m, "type", "") == "door" and m.doors[0].state is DoorState.CLOSED, 10)
        knock_id = await anna.office.go_to("kh-102")
        await bernd.knock_state(knock_id, KnockState.RINGING, 10)

        # Node a's reader misses what node b2 relays now, as if it had been lost with the stream.
        relayed = dict(node_a.cluster.relayed)
        node_a.cluster.relayed.clear()
        await bernd.office.answer_knock(knock_id, KnockAnswer.NOT_NOW)
        bernds_chat.chat.send(conv, "nachher")
        await bernds_chat.chat.flush()
        shared = redis.Redis.from_url(redis_server.url, decode_responses=True)
        newest = shared.xrevrange("dvz:relay", count=1)[0][0]
        await wait_until(lambda: node_a.cluster._relay_id == newest, 10, "node a to read past the news")  # noqa: SLF001
        assert not any(getattr(m, "type", "") == "knock_update" and m.knock.state is KnockState.NOT_NOW
                       for m in anna.received)
        assert annas_chat.bodies(conv) == ["vorher"]
        node_a.cluster.relayed.update(relayed)
        shared.flushall()

        await anna.knock_state(knock_id, KnockState.NOT_NOW, 20)
        await annas_chat.wait_for(lambda: annas_chat.bodies(conv) == ["vorher", "nachher"], 20)
        for person in (anna, bernd):
            await person.session.stop()
    finally:
        await second.stop()


async def test_chat_between_two_nodes_is_live_exactly_once_and_in_one_order(node_a: Backend, node_b,
                                                                          tmp_path: Path) -> None:
    _process, url_b = node_b
    anna = Chatter(await login(url_of(node_a), "anna", PASSWORDS["anna"]), tmp_path / "anna.outbox")
    bernd = Chatter(await login(url_b, "bernd", PASSWORDS["bernd"]), tmp_path / "bernd.outbox")
    conv = await anna.chat.open_direct("bernd")
    assert conv == await bernd.chat.open_direct("anna")
    # Both write at once: each node's writer takes the conversation's positions from the database.
    for n in range(10):
        anna.chat.send(conv, f"Anna {n}")
        bernd.chat.send(conv, f"Bernd {n}")
    for person in (anna, bernd):
        await person.wait_for(lambda p=person: len(p.bodies(conv)) == 20, 20)
    assert anna.bodies(conv) == bernd.bodies(conv)  # one order, seen the same on both nodes
    assert sorted(anna.bodies(conv)) == sorted([f"Anna {n}" for n in range(10)] + [f"Bernd {n}" for n in range(10)])
    positions = [m.position for m in anna.chat.conversations[conv].ordered()]
    assert positions == list(range(1, 21))  # gap-free, none twice
    assert [b for b in anna.bodies(conv) if b.startswith("Anna")] == [f"Anna {n}" for n in range(10)]
    for person in (anna, bernd):
        await person.chat.flush()
        assert person.chat.outbox.pending() == []
        await person.session.stop()
