"""The frames a browser guest sends (the door's and a meeting's guests), read the same careful way.

Binary frames close the socket; a frame that does not fit the guest union is answered with an error
(``unknown_type`` or ``invalid``) and a log line without its content, and more than the bad-frame budget
closes the socket. What is left is handed on as a validated message.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Callable
from typing import TypeVar

from pydantic import TypeAdapter, ValidationError
from websockets.asyncio.server import ServerConnection

from dvz_desktop.protocol import CloseCode

from .limits import bad_frame_bucket

log = logging.getLogger(__name__)

M = TypeVar("M")


async def guest_frames(ws: ServerConnection, adapter: TypeAdapter[M], refuse: Callable[[str], None],
                       who: str) -> AsyncIterator[M]:
    """Each valid message of ``ws``; ``refuse(code)`` answers a bad frame; ``who`` names the guest in logs."""
    bad = bad_frame_bucket()
    async for raw in ws:
        if isinstance(raw, bytes):
            await ws.close(CloseCode.UNSUPPORTED_DATA, "binary frames not supported")
            return
        try:
            msg = adapter.validate_json(raw)
        except ValidationError as exc:
            kinds = {err["type"] for err in exc.errors()}
            refuse("unknown_type" if "union_tag_invalid" in kinds else "invalid")
            log.info("%s sent an invalid frame (%d bytes)", who, len(raw))  # never its content
            if not bad.take():
                await ws.close(CloseCode.POLICY_VIOLATION, "too many invalid frames")
                return
            continue
        yield msg


class SocketsPerAddress:
    """The sockets each browser address holds open, bounded: a household or an office behind one router
    is fine, a script opening hundreds is not. ``take`` before serving, ``give_back`` when it closes."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self._open: dict[str, int] = {}

    def take(self, address: str) -> bool:
        held = self._open.get(address, 0)
        if held >= self.limit:
            return False
        self._open[address] = held + 1
        return True

    def give_back(self, address: str) -> None:
        left = self._open[address] - 1
        if left:
            self._open[address] = left
        else:
            del self._open[address]  # the table holds only addresses with open sockets
