"""The guests' socket (``/gast``): only guest messages, limits per guest and per address.

Nothing a guest sends can reach the staff protocol: the frames are parsed with the guest union alone,
so a guest token or a staff command on this socket is just an unknown message.
"""

from __future__ import annotations

import logging
from typing import assert_never

import websockets
from websockets.asyncio.server import ServerConnection
from websockets.exceptions import ConnectionClosed

from dvz_desktop.core.tasks import TaskSet
from dvz_desktop.protocol import CloseCode, InboxKind
from dvz_desktop.protocol.door import (
    GUEST_MESSAGE_ADAPTER,
    GuestJoin,
    GuestLeave,
    GuestMessage,
    GuestRequest,
    GuestResume,
    GuestSay,
    GuestSignal,
    GuestState,
)

from ...db import DatabaseError
from ...net.guest_frames import SocketsPerAddress, guest_frames
from ...net.limits import TokenBucket
from .desks import guest_error
from .service import DoorService, GuestLink

log = logging.getLogger(__name__)

#: Open guest sockets per address (a family at one router is fine, a script is not).
MAX_GUEST_SOCKETS_PER_ADDRESS = 20
#: Chat lines and signals per guest: a burst of 20, then one every two seconds.
GUEST_MESSAGES_PER_MINUTE = 30
GUEST_BURST = 20


class GuestSockets:
    def __init__(self, door: DoorService) -> None:
        self.door = door
        self._open = SocketsPerAddress(MAX_GUEST_SOCKETS_PER_ADDRESS)
        self._closing = TaskSet()

    async def serve(self, ws: ServerConnection, address: str) -> None:
        if not self._open.take(address):
            await ws.send(guest_error("rate_limited"))
            await ws.close(CloseCode.POLICY_VIOLATION, "too many guest sockets")
            return
        link = GuestLink(lambda payload: websockets.broadcast([ws], payload), lambda: self._close(ws))
        messages = TokenBucket(GUEST_MESSAGES_PER_MINUTE / 60.0, GUEST_BURST)
        try:
            async for msg in guest_frames(ws, GUEST_MESSAGE_ADAPTER, lambda code: link.send(guest_error(code)),
                                          "a guest"):
                if isinstance(msg, (GuestSay, GuestSignal)) and not messages.take():
                    link.send(guest_error("rate_limited"))
                    continue
                try:
                    self._dispatch(link, msg, address)
                except DatabaseError:  # PostgreSQL away for a moment: nothing was stored, the guest is told
                    log.warning("a guest message could not be carried out: database unreachable")
                    link.send(guest_error("unavailable"))
        except ConnectionClosed:
            pass
        finally:
            self._open.give_back(address)
            try:
                self.door.guest_gone(link, leaving=False)
            except DatabaseError:
                log.warning("a guest's leaving could not be noted: database unreachable")

    def _dispatch(self, link: GuestLink, msg: GuestMessage, address: str) -> None:
        """Each guest message to the door; a message type without a case here is a type error."""
        door = self.door
        match msg:
            case GuestJoin():
                if link.visit_id is None:
                    door.join(link, msg, address)
            case GuestResume():
                door.resume(link, msg.token)
            case GuestRequest():
                leave_request(door, link, msg, address)
            case GuestSay():
                door.guest_says(link, msg.body)
            case GuestSignal():
                door.guest_signal(link, msg.sdp_type, msg.sdp)
            case GuestLeave():
                door.guest_gone(link, leaving=True)
            case _:
                assert_never(msg)

    def _close(self, ws: ServerConnection) -> None:
        self._closing.spawn(ws.close(CloseCode.NORMAL, "Besuch beendet"), name="dvz-guest-close")


def leave_request(door: DoorService, link: GuestLink, msg: GuestRequest, address: str) -> None:
    """Outside office hours: the guest's request goes to the inbox of the desk's staff."""
    desk = door.desks.get(msg.desk_id)
    if desk is None:
        link.send(guest_error("unknown_desk"))
        return
    if not msg.privacy_accepted:
        link.send(guest_error("privacy"))
        return
    if not door.allowed(address):
        link.send(guest_error("rate_limited"))
        return
    for person in desk.staff:
        door.inbox.add(person, InboxKind.GUEST_REQUEST, room_id=desk.room_id, guest_name=msg.name.strip(),
                       contact=msg.contact.strip(), text=msg.concern.strip())
    link.send(GuestState(state="requested", desk_name=desk.name).model_dump_json())
