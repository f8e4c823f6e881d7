"""Closing a call's peer connection leaves a cancellation aimed at the caller alone (services/calls.py)."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from dvz_desktop.core.events import Event
from dvz_desktop.services.calls import CallClient, Peer


class QuietSession:
    """Only what CallClient subscribes to; no socket is needed to close a peer."""

    def __init__(self) -> None:
        self.message_received: Event[Any] = Event()
        self.welcomed: Event[Any] = Event()
        self.me = "anna"


class ClosedConnection:
    async def close(self) -> None:
        return None


async def test_a_hang_up_that_is_itself_cancelled_stays_cancelled() -> None:
    calls = CallClient(QuietSession())  # type: ignore[arg-type]
    reader_cancelled = asyncio.Event()
    let_go = asyncio.Event()

    async def slow_reader() -> None:
        # A frame reader that needs a moment to end after its cancellation (a decoder finishing).
        try:
            await asyncio.Event().wait()
        except asyncio.CancelledError:
            reader_cancelled.set()
            await let_go.wait()

    reader = asyncio.create_task(slow_reader())
    await asyncio.sleep(0)
    calls.peers["bernd"] = Peer("bernd", ClosedConnection(), readers=[reader])
    closing = asyncio.create_task(calls._close_peer("bernd"))  # noqa: SLF001
    await asyncio.wait_for(reader_cancelled.wait(), 30)
    closing.cancel()  # the caller (a teardown) is cancelled while the reader still ends
    let_go.set()
    with pytest.raises(asyncio.CancelledError):
        await closing
    assert "bernd" not in calls.peers
    await asyncio.wait_for(reader, 30)
