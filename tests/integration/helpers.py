"""Helpers for tests that drive real sessions against a real backend."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from dvz_desktop.protocol import Presence, Status
from dvz_desktop.services.session import Credentials, Session


class PresenceLog:
    """Collects every presence update a session receives, and waits for a condition on them."""

    def __init__(self, session: Session) -> None:
        self.updates: list[Presence] = []
        self._changed = asyncio.Event()
        session.presence_changed.connect(self._on_updates)

    def _on_updates(self, updates: tuple[Presence, ...]) -> None:
        self.updates.extend(updates)
        self._changed.set()

    def about(self, person_id: str) -> list[Presence]:
        return [u for u in self.updates if u.person_id == person_id]

    async def wait_for(self, predicate: Callable[[Presence], bool], timeout: float = 5.0) -> Presence:
        async def scan() -> Presence:
            while True:
                for update in self.updates:
                    if predicate(update):
                        return update
                self._changed.clear()
                await self._changed.wait()

        return await asyncio.wait_for(scan(), timeout)


class Sight:
    """Whom one session sees online: its welcome's snapshot and every change since (attach before start).
    On a cluster a person who just logged in on the other node reaches this node a moment later; a test
    acts once the user would see them, as a user would."""

    def __init__(self, session: Session) -> None:
        self.status: dict[str, Status] = {}
        session.welcomed.connect(lambda welcome: self._note(welcome.presence))
        session.presence_changed.connect(self._note)

    def _note(self, updates: tuple[Presence, ...]) -> None:
        for update in updates:
            self.status[update.person_id] = update.status

    async def online(self, person_id: str, timeout: float = 30.0) -> None:
        async def poll() -> None:
            while self.status.get(person_id, Status.OFFLINE) is Status.OFFLINE:
                await asyncio.sleep(0.02)

        try:
            await asyncio.wait_for(poll(), timeout)
        except TimeoutError:
            raise AssertionError(f"{person_id} never appeared online") from None


async def login(url: str, username: str, password: str, **kwargs: float) -> Session:
    session = Session(url, Credentials(username=username, password=password), **kwargs)
    await session.start()
    return session


class Person:
    """One logged-in user: their session, the client-side behaviour service, and what they received."""

    def __init__(self, name: str, session: Session) -> None:
        from dvz_desktop.services.behaviour import OfficeBehaviour

        self.name = name
        self.session = session
        self.office = OfficeBehaviour(session)
        self.presence = PresenceLog(session)
        self.received: list[object] = []
        self._changed = asyncio.Event()
        session.message_received.connect(self._on_message)

    def _on_message(self, msg: object) -> None:
        self.received.append(msg)
        self._changed.set()

    async def wait_for(self, predicate: Callable[[object], bool], timeout: float = 5.0) -> object:
        """The first message received (so far or from now) that matches."""

        async def scan() -> object:
            while True:
                for msg in self.received:
                    if predicate(msg):
                        return msg
                self._changed.clear()
                await self._changed.wait()

        return await asyncio.wait_for(scan(), timeout)

    async def knock_state(self, knock_id: str, state: object, timeout: float = 5.0) -> object:
        msg = await self.wait_for(
            lambda m: getattr(m, "type", "") == "knock_update" and m.knock.knock_id == knock_id  # type: ignore[attr-defined]
            and m.knock.state == state,  # type: ignore[attr-defined]
            timeout,
        )
        return msg.knock  # type: ignore[attr-defined]


async def people(url: str, passwords: dict[str, str], *names: str) -> dict[str, Person]:
    return {name: Person(name, await login(url, name, passwords[name])) for name in names}


async def spread(backend: object, passwords: dict[str, str], *names: str) -> dict[str, Person]:
    """Like ``people``, each logged in at ``backend.url`` anew: on a two-node cluster the names alternate
    between the nodes (the first on node a, the second on node b, …), so what they do crosses nodes."""
    return {name: Person(name, await login(backend.url, name, passwords[name])) for name in names}  # type: ignore[attr-defined]
