"""A council in tests: the backend with the Musterkreis committee (tests/fixtures/org_council.yaml) on a
clock the test moves, and everyone logged in through real sessions with the client's CouncilClient."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest

from dvz_desktop.core.clock import ManualClock
from dvz_desktop.protocol import CouncilInfo
from dvz_desktop.services.council import CouncilClient
from dvz_desktop.services.session import Credentials, Session
from server_stub.app import Backend, BackendConfig
from server_stub.directory.orgfile import load_org_file

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

    @property
    def chair(self) -> Participant:
        return self.people["landrat"]

    def __getitem__(self, name: str) -> Participant:
        return self.people[name]

    @property
    def database(self) -> Path:
        return self.backend.config.database

    async def walk_in(self, *names: str, room: str = SAAL) -> None:
        await asyncio.gather(*(self.people[n].session.move(room) for n in names))


async def start_council(tmp_path: Path, names: list[str]) -> tuple[Backend, int, ManualClock, dict[str, Participant]]:
    clock = ManualClock(datetime.now(UTC).astimezone())
    backend = Backend(load_org_file(FIXTURE), BackendConfig(data_dir=tmp_path / "data"), clock)
    port = await backend.start("127.0.0.1", 0)
    url = f"ws://127.0.0.1:{port}/ws"
    # Listening before the login: what follows the welcome (the bodies, running sessions) is not missed.
    people = {name: Participant(name, Session(url, Credentials(username=name, password=PASSWORD))) for name in names}
    await asyncio.gather(*(p.session.start() for p in people.values()))
    await asyncio.gather(*(p.council.synced() for p in people.values()))
    return backend, port, clock, people


@pytest.fixture(name="council")
async def council_fixture(tmp_path: Path) -> AsyncIterator[Council]:
    """Ten members, the chair, the minute-taker and a colleague who is no member, all signed in."""
    backend, port, clock, people = await start_council(tmp_path, ["landrat", "protokoll", "verwaltung", *MEMBERS])
    try:
        yield Council(backend, port, clock, people)
    finally:
        for person in people.values():
            await person.session.stop()
        await backend.stop()
