"""A request whose connection to Janus goes while it is still being sent fails with JanusUnavailable,
and leaves no failed future behind that nobody retrieves (the loop would report it as lost)."""

from __future__ import annotations

import asyncio
import gc
from typing import Any

import pytest
from websockets.exceptions import ConnectionClosedError

from server_stub.sfu.janus_client import JanusClient
from server_stub.sfu.janus_events import JanusUnavailable


class ClosingSocket:
    """A websocket that is lost while the request is being written: the reader sees the close first."""

    def __init__(self) -> None:
        self.lost = asyncio.Event()

    async def send(self, text: str) -> None:
        self.lost.set()  # the reader ends now and fails every waiting request ...
        await asyncio.sleep(0)
        await asyncio.sleep(0)
        raise ConnectionClosedError(None, None)  # ... and the write fails too

    def __aiter__(self) -> Any:
        return self

    async def __anext__(self) -> str:
        await self.lost.wait()
        raise ConnectionClosedError(None, None)

    async def close(self) -> None:
        self.lost.set()


async def test_a_request_sent_as_the_connection_goes_fails_once_and_leaves_nothing_unretrieved() -> None:
    unretrieved: list[dict[str, Any]] = []
    loop = asyncio.get_running_loop()
    loop.set_exception_handler(lambda _loop, context: unretrieved.append(context))
    client = JanusClient(ClosingSocket(), api_secret="s", request_timeout=5)  # type: ignore[arg-type]
    with pytest.raises(JanusUnavailable):
        await client.request("info")
    await client.closed.wait()
    await client.close()
    gc.collect()  # a failed future nobody retrieved reports itself when it is collected
    await asyncio.sleep(0)
    assert unretrieved == []
    assert not client.connected
