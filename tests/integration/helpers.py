"""Helpers for tests that drive real sessions against a real backend."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from dvz_desktop.protocol import Presence
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


async def login(url: str, username: str, password: str, **kwargs: float) -> Session:
    session = Session(url, Credentials(username=username, password=password), **kwargs)
    await session.start()
    return session
