"""Losing a node loses nothing (issue 19, step 2, for what crosses nodes today: chat and presence).

Two real ``dvz-server`` nodes over one PostgreSQL and one Redis, behind a real HAProxy (health checks on
/healthz, ``on-marked-down shutdown-sessions``). Twenty people, spread over both nodes by HAProxy, write
into one room chat while node A is SIGKILLed twice and started again. Afterwards every acknowledged
message exists exactly once, in one order for everyone, with gap-free positions; everyone sees everyone
online (presence matches who is connected); the longest reconnect is printed. The issue's whole fault
test (knocks, a waiting citizen, Redis and PostgreSQL faults too) is test_cluster_faults_office.py."""

from __future__ import annotations

import asyncio
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from dvz_desktop.protocol import Status
from dvz_desktop.services.chat import ChatClient
from dvz_desktop.services.session import Credentials, Session, SessionState, StateChange
from tests.integration.chat_history import (
    assert_one_complete_history,
    free_port,
    org_file,
    write_while_restarting,
)
from tests.services.haproxy import HAProxy, haproxy  # noqa: F401  (the fixture)
from tests.services.postgres import postgres_dsn  # noqa: F401  (the fixture)
from tests.services.redis_server import RedisServer, redis_server  # noqa: F401  (the fixture)

ROOT = Path(__file__).resolve().parents[2]
PEOPLE = 20
MESSAGES = 100


class Node:
    """One backend node as its own process, on a fixed port (so it comes back where HAProxy expects it)."""

    def __init__(self, name: str, org: Path, data: Path, database: str, redis: str) -> None:
        self.name = name
        self.port = free_port()
        self.log = data.parent / f"{name}.log"
        self.args = [sys.executable, "-m", "server_stub", "--port", str(self.port), "--data-dir", str(data), "--org",
                     str(org), "--database", database, "--redis", redis, "--node-id", name,
                     "--rate-limit", "60000", "--log-level", "WARNING"]
        self.proc: subprocess.Popen[str] | None = None

    async def start(self) -> None:
        self.proc = subprocess.Popen(self.args, cwd=ROOT, stdout=subprocess.PIPE, stderr=self.log.open("a"), text=True)
        assert self.proc.stdout is not None
        line = await asyncio.to_thread(self.proc.stdout.readline)
        assert "bereit" in line, self.log.read_text()[-2000:]

    def kill(self) -> None:
        assert self.proc is not None
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait()

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
                raise AssertionError(f"{self.name} did not end within 30 s of SIGTERM") from None


async def start_nodes(org: Path, folder: Path, database: str, redis: str, *extra: str) -> list[Node]:
    """Nodes "node-a" and "node-b" as processes, started one after the other, each with ``extra`` options."""
    nodes: list[Node] = []
    for name in ("node-a", "node-b"):
        node = Node(name, org, folder / name, database, redis)
        node.args += extra
        await node.start()
        nodes.append(node)
    return nodes


class Reconnects:
    """The longest time any session spent between losing its connection and being connected again."""

    def __init__(self) -> None:
        self.lost: dict[int, float] = {}
        self.longest = 0.0
        self.count = 0

    def watch(self, n: int) -> Callable[[StateChange], None]:
        def changed(change: StateChange) -> None:
            if change.state is SessionState.RECONNECTING and n not in self.lost:
                self.lost[n] = time.monotonic()
            elif change.state is SessionState.CONNECTED and n in self.lost:
                self.longest = max(self.longest, time.monotonic() - self.lost.pop(n))
                self.count += 1
        return changed


@pytest.mark.timeout(600)
async def test_chat_and_presence_survive_two_sigkills_of_a_node(tmp_path: Path, postgres_dsn: str,  # noqa: F811
                                                                 redis_server: RedisServer,  # noqa: F811
                                                                 haproxy: Callable[..., HAProxy]) -> None:  # noqa: F811
    org = org_file(tmp_path / "org.json", PEOPLE)
    a = Node("node-a", org, tmp_path / "a", postgres_dsn, redis_server.url)
    await a.start()  # creates the schema and the accounts
    b = Node("node-b", org, tmp_path / "b", postgres_dsn, redis_server.url)
    await b.start()
    proxy = haproxy([("127.0.0.1", a.port), ("127.0.0.1", b.port)])
    url = proxy.url("/ws")
    clients: list[ChatClient] = []
    acked: set[str] = set()
    reconnects = Reconnects()
    try:
        for n in range(PEOPLE):
            session = Session(url, Credentials(f"p{n}", "geheim-123"), reconnect_min_s=0.05, reconnect_max_s=0.5)
            session.state_changed.connect(reconnects.watch(n))
            await session.start()
            client = ChatClient(session, tmp_path / f"p{n}.outbox")
            client.acknowledged.connect(acked.add)
            clients.append(client)
        conv = await clients[0].open_room("team")
        for client in clients[1:]:
            assert await client.open_room("team") == conv

        async def restart() -> None:
            a.kill()  # its clients reconnect through HAProxy to node b
            await asyncio.sleep(0.5)
            await a.start()

        acked_before_kills = await write_while_restarting(clients, conv, acked, MESSAGES, 10, restart)
        await assert_one_complete_history(clients, conv, MESSAGES, acked_before_kills)
        # Presence matches who is connected: everyone is online for everyone, whichever node they are on.
        everyone = {f"p{n}" for n in range(PEOPLE)}

        # A fresh login (on whichever node HAProxy picks) sees all twenty online.
        probe = Session(url, Credentials("p0", "geheim-123"))
        await probe.start()
        assert probe.welcome is not None
        assert {p.person_id for p in probe.welcome.presence if p.status is not Status.OFFLINE} == everyone
        await probe.stop()
        assert reconnects.count >= 1  # node a's clients did reconnect
        print(f"\nlongest reconnect: {reconnects.longest * 1000:.0f} ms over {reconnects.count} reconnects")
    finally:
        for client in clients:
            await client._session.stop()  # noqa: SLF001
        for node in (a, b):
            node.stop()
