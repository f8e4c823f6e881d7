"""A council in tests: the backend with the Musterkreis committee (tests/fixtures/org_council.yaml) on a
clock the test moves, and everyone logged in through real sessions with the client's CouncilClient.

The ``council`` fixture runs like the ``backend`` fixture (tests/conftest.py): on the embedded SQLite file,
on PostgreSQL, and — for modules that say ``CLUSTER_READY = True`` — as two nodes over one PostgreSQL
database and one Redis, with the people spread over both (the chair on the first node, the members in turn),
on one clock the test moves."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import pytest

from dvz_desktop.core.clock import ManualClock
from dvz_desktop.protocol import CouncilInfo
from dvz_desktop.services.council import CouncilClient
from dvz_desktop.services.session import Credentials, Session
from server_stub.app import Backend, BackendConfig
from server_stub.directory.orgfile import load_org_file
from tests.conftest import DATABASES, backend_config, both_running

FIXTURE = Path(__file__).parents[1] / "fixtures" / "org_council.yaml"
PASSWORD = "rat-pass"
MEMBERS = [f"rat{n:02d}" for n in range(1, 11)]
SAAL = "kh-saal"
FOYER = "kh-foyer"


class Participant:
    def __init__(self, name: str, session: Session) -> None:
        self.name = name
        self.session = session
        self.council = CouncilClient(session)
        self.states: list[CouncilInfo] = []
        self._changed = asyncio.Event()
        self.council.changed.connect(self._on_state)

    def _on_state(self, received: object) -> None:
        self.states.append(received.info)  # type: ignore[attr-defined]
        self._changed.set()

    @property
    def latest(self) -> CouncilInfo:
        return self.states[-1]

    async def state(self, condition: Callable[[CouncilInfo], bool], timeout: float = 10.0) -> CouncilInfo:
        """The first state from now on (or the latest one) that meets ``condition``."""
        async def scan() -> CouncilInfo:
            while True:
                if self.states and condition(self.states[-1]):
                    return self.states[-1]
                self._changed.clear()
                await self._changed.wait()

        return await asyncio.wait_for(scan(), timeout)


@dataclass
class Council:
    backend: Backend
    port: int
    clock: ManualClock
    people: dict[str, Participant]
    #: Every node (one, or the cluster's two).
    nodes: tuple[Backend, ...] = field(default=())
    #: Each node's websocket address, in the order of ``nodes``.
    urls: tuple[str, ...] = field(default=())

    def owner(self, session_id: str) -> Backend:
        """The node that runs the session (the only one on SQLite and PostgreSQL)."""
        return next(n for n in self.nodes or (self.backend,) if session_id in n.council.sessions)

    @property
    def chair(self) -> Participant:
        return self.people["landrat"]

    def __getitem__(self, name: str) -> Participant:
        return self.people[name]

    @property
    def database(self) -> Path | str:
        """The SQLite file, or the PostgreSQL database's URL."""
        return self.backend.config.database_url or self.backend.config.database

    async def walk_in(self, *names: str, room: str = SAAL) -> None:
        await asyncio.gather(*(self.people[n].session.move(room) for n in names))
        await self.seen_in(room, *names)

    async def seen_in(self, room: str, *names: str, timeout: float = 10.0) -> None:
        """Until every node sees them in ``room`` (on a cluster the other node hears of a move a moment
        later; people act once the others see them, as they would)."""
        async def poll() -> None:
            while not all(n.presence.get(name).room_id == room for n in self.nodes for name in names):
                await asyncio.sleep(0.02)

        await asyncio.wait_for(poll(), timeout)


async def start_council(tmp_path: Path, names: list[str]) -> tuple[Backend, int, ManualClock, dict[str, Participant]]:
    clock = ManualClock(datetime.now(UTC).astimezone())
    backend = Backend(load_org_file(FIXTURE), BackendConfig(data_dir=tmp_path / "data"), clock)
    port = await backend.start("127.0.0.1", 0)
    return backend, port, clock, await sign_in([f"ws://127.0.0.1:{port}/ws"], names)


async def sign_in(urls: list[str], names: list[str]) -> dict[str, Participant]:
    """Everyone signed in, the n-th person at ``urls[n % len(urls)]``, and synced."""
    # Listening before the login: what follows the welcome (the bodies, running sessions) is not missed.
    people = {name: Participant(name, Session(urls[n % len(urls)], Credentials(username=name, password=PASSWORD)))
              for n, name in enumerate(names)}
    await asyncio.gather(*(p.session.start() for p in people.values()))
    await asyncio.gather(*(p.council.synced() for p in people.values()))
    return people


async def _nodes(request: pytest.FixtureRequest, tmp_path: Path, clock: ManualClock
                 ) -> AsyncIterator[list[tuple[Backend, int]]]:
    """One node on the database of ``request.param``, or the cluster's two over PostgreSQL and Redis."""
    config = backend_config(request, tmp_path / "a")
    if request.param != "cluster":
        node = Backend(load_org_file(FIXTURE), config, clock)
        port = await node.start("127.0.0.1", 0)
        try:
            yield [(node, port)]
        finally:
            await node.stop()
        return
    if not getattr(request.module, "CLUSTER_READY", False):
        pytest.skip("this test does not cross cluster nodes yet (issue 19)")
    from tests.services.redis_server import start_redis

    (tmp_path / "redis").mkdir()
    with start_redis(tmp_path / "redis") as redis:
        config.redis_url, config.node_id = redis.url, "node-a"
        first = Backend(load_org_file(FIXTURE), config, clock)
        second = Backend(load_org_file(FIXTURE), BackendConfig(
            data_dir=tmp_path / "b", database_url=config.database_url, redis_url=redis.url, node_id="node-b"), clock)
        async with both_running(first, second) as (port, other):
            yield [(first, port), (second, other)]


@pytest.fixture(name="council", params=DATABASES)
async def council_fixture(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Council]:
    """Ten members, the chair, the minute-taker and a colleague who is no member, all signed in."""
    clock = ManualClock(datetime.now(UTC).astimezone())
    async with contextlib.aclosing(_nodes(request, tmp_path, clock)) as running:
        async for nodes in running:
            urls = tuple(f"ws://127.0.0.1:{port}/ws" for _, port in nodes)
            people = await sign_in(list(urls), ["landrat", "protokoll", "verwaltung", *MEMBERS])
            try:
                yield Council(nodes[0][0], nodes[0][1], clock, people, tuple(n for n, _ in nodes), urls)
            finally:
                for person in people.values():
                    await person.session.stop()
