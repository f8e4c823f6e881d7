"""A mass disconnect does not fill the backend's log with asyncio's "socket.send() raised exception."
(one line per frame written to a socket already lost); other asyncio warnings stay."""

from __future__ import annotations

import asyncio
import logging
import socket

import pytest

import server_stub.net.server  # noqa: F401  (installs the filter, as the backend does at import)


async def test_writes_to_a_lost_socket_are_not_logged_but_other_warnings_are(
        caplog: pytest.LogCaptureFixture) -> None:
    loop = asyncio.get_running_loop()
    ours, theirs = socket.socketpair()
    transport, _ = await loop.create_connection(asyncio.Protocol, sock=ours)
    theirs.close()
    caplog.set_level(logging.WARNING, logger="asyncio")
    # What a broadcast does when the peer vanished: the first write finds the socket broken, the
    # following ones (before websockets hears of it) are counted by asyncio and, from the fifth, logged.
    for _ in range(20):
        transport.write(b"x" * 65536)
    transport.abort()
    logging.getLogger("asyncio").warning("Executing %s took %.3f seconds", "<Task>", 0.5)
    messages = [record.getMessage() for record in caplog.records if record.name == "asyncio"]
    assert "socket.send() raised exception." not in messages
    assert "Executing <Task> took 0.500 seconds" in messages
