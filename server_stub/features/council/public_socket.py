"""The public viewers' socket (``/oeffentlich-live``): watch a body's public session and answer the media
server's offer, nothing else. Frames are parsed with the viewer union alone, so anything else — a
meeting guest's publish, a staff command — is refused as ``view_only``. Limits per address and per
socket, as for the guests of the digital door."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from typing import Any

import websockets
from websockets.asyncio.server import ServerConnection
from websockets.exceptions import ConnectionClosed

from dvz_desktop.core.council.session import CouncilSession
from dvz_desktop.protocol import CloseCode, CouncilInfo, IceServer
from dvz_desktop.protocol.public_viewer import PUBLIC_VIEWER_MESSAGE_ADAPTER, PublicError, PublicWatch

from ...net.guest_frames import SocketsPerAddress, guest_frames
from ...net.http_routes import SocketRoute
from ...net.limits import TokenBucket
from ..calls.feature import CallsFeature
from ..meetings.feature import MeetingsFeature
from .feature import CouncilFeature
from .public_media import PublicViewers, Viewer
from .public_stage import public_room, public_stage

log = logging.getLogger(__name__)

PATH = "/oeffentlich-live"
#: Open viewer sockets per address (a family or an office at one router is fine, a script is not).
MAX_SOCKETS_PER_ADDRESS = 20
#: A viewer sends a watch and an answer per new generation: a few a minute.
BURST = 20
PER_SECOND = 0.5

ERRORS = {
    "view_only": ("Diese Seite kann nur zusehen und zuhören; Bild oder Ton senden ist nicht möglich.",
                  "This page can only watch and listen; it cannot send picture or sound."),
    "unknown_body": ("Dieses Gremium gibt es nicht.", "There is no such body."),
    "stale": ("Die Übertragung hat sich geändert; die Seite verbindet sich neu.",
              "The broadcast changed; the page reconnects."),
    "invalid": ("Diese Anfrage ist ungültig.", "This request is invalid."),
    "rate_limited": ("Zu viele Anfragen. Bitte warten Sie einen Moment.", "Too many requests. Please wait a moment."),
}


def public_error(code: str) -> str:
    de, en = ERRORS[code]
    return PublicError(code=code, message_de=de, message_en=en).model_dump_json()


class PublicSockets:
    def __init__(self, viewers: PublicViewers, known_body: Callable[[str], bool]) -> None:
        self.viewers = viewers
        self.known_body = known_body
        self._open = SocketsPerAddress(MAX_SOCKETS_PER_ADDRESS)
        self._answers: set[asyncio.Task[None]] = set()

    async def serve(self, ws: ServerConnection, address: str) -> None:
        if not self._open.take(address):
            await ws.send(public_error("rate_limited"))
            await ws.close(CloseCode.POLICY_VIOLATION, "too many viewer sockets")
            return
        viewer = Viewer(lambda payload: websockets.broadcast([ws], payload))
        messages = TokenBucket(PER_SECOND, BURST)

        def refuse(code: str) -> None:
            viewer.send(public_error("view_only" if code == "unknown_type" else code))

        try:
            async for msg in guest_frames(ws, PUBLIC_VIEWER_MESSAGE_ADAPTER, refuse, "a public viewer"):
                if not messages.take():
                    viewer.send(public_error("rate_limited"))
                elif isinstance(msg, PublicWatch):
                    if not self.known_body(msg.body_id):
                        viewer.send(public_error("unknown_body"))
                    else:
                        self.viewers.watch(viewer, msg.body_id)
                else:
                    self._spawn(self._answer(viewer, msg.generation, msg.sdp))
        except ConnectionClosed:
            pass
        finally:
            self._open.give_back(address)
            self.viewers.gone(viewer)

    async def _answer(self, viewer: Viewer, generation: int, sdp: str) -> None:
        refused = await self.viewers.answer(viewer, generation, sdp)
        if refused is not None:
            viewer.send(public_error(refused))

    def _spawn(self, coro: Coroutine[Any, Any, None]) -> None:
        task = asyncio.ensure_future(coro)
        self._answers.add(task)
        task.add_done_callback(self._answers.discard)


def public_viewing(council: CouncilFeature, calls: CallsFeature, meetings: MeetingsFeature,
                   ice_servers: tuple[IceServer, ...], max_viewers: int) -> tuple[PublicViewers, SocketRoute]:
    """The public's media wired to the council and the meetings: a public session's meeting runs on the
    media server whatever its size, and the viewers' subscriptions follow the session and its meeting —
    changes made here and, in a cluster, those of the other nodes (public_across_nodes.py)."""
    viewers = PublicViewers(calls, meetings.media, lambda body_id: public_stage(council, body_id), ice_servers,
                            max_viewers)

    def session_changed(session: CouncilSession) -> None:
        if session.body is not None:
            viewers.changed(session.body.body_id)
            calls.reconsider(session.room_id)

    def remote_changed(info: CouncilInfo) -> None:
        if info.body is not None:
            viewers.changed(info.body.body_id)

    council.listeners.append(session_changed)
    if council.nodes is not None:
        council.nodes.listeners.append(remote_changed)
    meetings.watchers.append(lambda call: viewers.changed_room(call.room_id))
    meetings.keep_on_server = lambda room_id: public_room(council, room_id)
    sockets = PublicSockets(viewers, lambda body_id: body_id in council.bodies)
    return viewers, SocketRoute(PATH, sockets.serve)
