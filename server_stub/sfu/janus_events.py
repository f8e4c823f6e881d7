"""Waiting for Janus's events: a bounded buffer per handle (or session) taken from by predicate, and
the error every waiter gets when the connection to Janus is gone."""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import Callable
from typing import Any

from .janus_messages import JanusError


class JanusUnavailable(JanusError):
    """The connection to Janus is gone (or never came up); its sessions and handles are gone with it."""

    def __init__(self, reason: str) -> None:
        super().__init__(0, reason)


class EventBox:
    """Events nobody waited for, oldest first, at most ``limit`` (the oldest are dropped)."""

    def __init__(self, limit: int = 500) -> None:
        self._events: deque[dict[str, Any]] = deque(maxlen=limit)
        self._arrived = asyncio.Event()
        self._lost: JanusUnavailable | None = None

    def put(self, event: dict[str, Any]) -> None:
        self._events.append(event)
        self._arrived.set()

    def fail(self, error: JanusUnavailable) -> None:
        self._lost = error
        self._arrived.set()

    def pending(self) -> list[dict[str, Any]]:
        return list(self._events)

    async def take(self, match: Callable[[dict[str, Any]], bool] | None = None, *,
                   timeout: float = 10.0) -> dict[str, Any]:
        """The first event that matches (any, without ``match``), waiting up to ``timeout`` seconds."""
        async with asyncio.timeout(timeout):
            while True:
                for event in self._events:
                    if match is None or match(event):
                        self._events.remove(event)
                        return event
                if self._lost is not None:
                    raise self._lost
                self._arrived.clear()
                await self._arrived.wait()
