"""The meeting guests' socket (``/besprechung-gast``): only meeting guest messages, limits per guest and
per address. Frames are parsed with the meeting guest union alone, so a staff command (or a door
guest's) on this socket is just an unknown message."""

from __future__ import annotations

import asyncio
import logging

import websockets
from websockets.asyncio.server import ServerConnection
from websockets.exceptions import ConnectionClosed

from dvz_desktop.protocol import CloseCode
from dvz_desktop.protocol.meeting_guest import (
    MEETING_GUEST_MESSAGE_ADAPTER,
    MeetingGuestJoin,
    MeetingGuestLeave,
    MeetingGuestMedia,
)

from ...net.guest_frames import SocketsPerAddress, guest_frames
from ...net.limits import TokenBucket
from .guests import GuestLink, MeetingGuests, guest_error
from .relay import MeetingMedia

log = logging.getLogger(__name__)

#: Open meeting guest sockets per address (a team at one router is fine, a script is not).
MAX_SOCKETS_PER_ADDRESS = 20
#: Messages per guest: joining a meeting of 50 means a subscription and an answer per member.
GUEST_BURST = 250
GUEST_PER_SECOND = 5.0


class MeetingGuestSockets:
    def __init__(self, guests: MeetingGuests, media: MeetingMedia) -> None:
        self.guests = guests
        self.media = media
        self._open = SocketsPerAddress(MAX_SOCKETS_PER_ADDRESS)
        self._closing: set[asyncio.Task[None]] = set()

    async def serve(self, ws: ServerConnection, address: str) -> None:
        if not self._open.take(address):
            await ws.send(guest_error("rate_limited"))
            await ws.close(CloseCode.POLICY_VIOLATION, "too many guest sockets")
            return
        link = GuestLink(lambda payload: websockets.broadcast([ws], payload), lambda: self._close(ws))
        messages = TokenBucket(GUEST_PER_SECOND, GUEST_BURST)
        try:
            async for msg in guest_frames(ws, MEETING_GUEST_MESSAGE_ADAPTER,
                                          lambda code: link.send(guest_error(code)), "a meeting guest"):
                if not messages.take():
                    link.send(guest_error("rate_limited"))
                    continue
                if isinstance(msg, MeetingGuestJoin):
                    self.guests.join(link, msg)
                elif isinstance(msg, MeetingGuestMedia):
                    self.guests.media_state(link, msg)
                elif isinstance(msg, MeetingGuestLeave):
                    self.guests.gone(link)
                    self._close(ws)
                else:
                    self.media.spawn(self.guests.relay(link, msg))
        except ConnectionClosed:
            pass
        finally:
            self._open.give_back(address)
            self.guests.gone(link)

    def _close(self, ws: ServerConnection) -> None:
        task = asyncio.get_running_loop().create_task(ws.close(CloseCode.NORMAL, "Besprechung verlassen"))
        self._closing.add(task)
        task.add_done_callback(self._closing.discard)
