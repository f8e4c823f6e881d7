"""Meetings: calls beyond four people through the media server (Janus), driven by the backend.

The feature is the calls feature's ``MeetingHooks`` (how the media server is, which rooms are large) and
handles the ``meeting_*`` messages of staff: publishing and receiving through the media server
(relay.py), raised hands, a moderator's mute and removal, and guest invitations (guests.py). Every
request is checked against the call's members first; only then does it reach the media server.

What it adds to the web server: the guests' page under ``/besprechung/`` (web.py) and their socket
``/besprechung-gast`` (guest_socket.py). It stores guests' invitations (hashed, 24 hours) and, in a
cluster, who owns each meeting's room on the media server (store.py, owner.py). Its loop (:meth:`run`)
keeps the connection to the media server (and, in a cluster, the leases); its commands have a budget of
their own, since joining a meeting of 50 sends a subscription and an answer per member.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from typing import Any

from websockets.asyncio.server import ServerConnection
from websockets.http11 import Request, Response

from dvz_desktop.core.clock import Clock
from dvz_desktop.core.meetings import Sfu
from dvz_desktop.protocol import ErrorCode, IceServer
from dvz_desktop.protocol.meetings import (
    MeetingAnswer,
    MeetingHand,
    MeetingInviteGuest,
    MeetingModerate,
    MeetingModerated,
    MeetingPublish,
    MeetingSdp,
    MeetingSubscribe,
    MeetingVideo,
)

from ...db import Database, DatabaseError
from ...directory.orgfile import OrgFile
from ...directory.visibility import Directory
from ...feature import Command, Feature, RateLimit, Refused, ack, error_frame
from ...net.http_routes import HttpRoute, SocketRoute
from ...net.hub import Connection, Hub
from ...sfu.config import SfuConfig
from ..calls.feature import CallsFeature, _Call
from ..door.guest_web import language_of
from . import web
from .guest_socket import MeetingGuestSockets
from .guests import MeetingGuests
from .owner import MeetingOwnership
from .relay import MeetingMedia
from .remote import ASK, REPLY, MeetingRemote
from .store import InviteStore, OwnerStore

log = logging.getLogger(__name__)

__all__ = ["GUEST_SOCKET_PATH", "PAGE_PREFIX", "MeetingsFeature", "SfuConfig", "large_rooms_of"]

PAGE_PREFIX = "/besprechung/"
GUEST_SOCKET_PATH = "/besprechung-gast"

MediaRequest = MeetingPublish | MeetingSubscribe | MeetingAnswer | MeetingVideo
Relay = Callable[[str, str], None]


def large_rooms_of(org_file: OrgFile) -> set[str]:
    """The rooms the organisation file marks ``large``: their calls always run on the media server."""
    return {room.id for org in org_file.organisations for building in org.buildings for floor in building.floors
            for room in floor.rooms if room.large}


class MeetingsFeature(Feature):
    name = "meetings"

    def __init__(self, calls: CallsFeature, hub: Hub, directory: Directory, clock: Clock, sfu: SfuConfig | None,
                 invites: InviteStore, large_rooms: Iterable[str] = (), ice_servers: tuple[IceServer, ...] = (),
                 rate_limit: RateLimit | None = None) -> None:
        self.calls = calls
        self.hub = hub
        self.clock = clock
        self.large_rooms = frozenset(large_rooms)
        self.rate_limit = rate_limit
        self.media = MeetingMedia(calls, sfu)
        self.guests = MeetingGuests(calls, self.media, invites, directory, clock, ice_servers)
        #: Cluster mode (:meth:`share`): which meetings' rooms this node drives.
        self.ownership: MeetingOwnership | None = None
        self.guest_sockets = MeetingGuestSockets(self.guests, self.media)
        calls.meetings = self
        #: Rooms whose calls run on the media server whatever their size (a public council session's:
        #: the public watches through it), and who hears of every change of a call.
        self.keep_on_server: Callable[[str], bool] = lambda room_id: False
        self.listeners: list[Callable[[_Call], None]] = []
        #: Told of every change of a call, made here or followed from another node (the public's media).
        self.watchers: list[Callable[[_Call], None]] = []
        #: Told of a member's raised or lowered hand (call, person, raised) before the call shows it.
        self.hand_listeners: list[Callable[[_Call, str, bool], None]] = []

    def share(self, db: Database, node_id: str, relay: Callable[[str], Relay], relayed: dict[str, Relay]) -> None:
        """Cluster mode: one node owns each meeting's room (owner.py); members' requests on the other
        nodes go to it over the relay (remote.py)."""
        ownership = self.ownership = MeetingOwnership(self.calls, OwnerStore(db), node_id, self.clock.now)
        remote = MeetingRemote(ownership.me, relay(ASK), relay(REPLY), self.media.serve, self.media.spawn)
        self.media.owns, self.media.remote = ownership.owns, remote
        relayed[ASK], relayed[REPLY] = remote.asked, remote.replied

    def node_lost(self, node_id: str) -> None:
        """Cluster mode: a node stopped answering; the guests whose sockets it held leave their meetings
        (their pages come back through another node and join anew). Staff leave through presence."""
        try:
            with self.calls.owned():
                gone = [guest for call in self.calls.calls.values() for guest in call.guests
                        if call.nodes.get(guest) == node_id]
                for guest in gone:
                    self.calls.leave(guest, "connection_lost")
        except DatabaseError:
            log.warning("meetings: the guests of a lost node could not leave (database unreachable)")

    # --- the feature's lifetime ---

    async def run(self) -> None:
        """Keeps the connection to the media server while the backend runs (calls already open move
        there as soon as it is up); on stop, guests are told and the media server's rooms are closed."""
        try:
            await self.media.start()
            if self.sfu() is Sfu.UP:
                self.calls.media_server_changed()
            if self.ownership is not None and self.media.server is not None:
                await self.ownership.run(lambda: self.sfu() is Sfu.UP)
            await asyncio.Event().wait()  # until the backend stops (cancels this task)
        finally:
            self.guests.close_all()
            await self.media.stop()

    def housekeep(self, now: datetime) -> None:
        self.guests.purge()

    # --- the calls feature's hooks ---

    def sfu(self) -> Sfu:
        return self.media.sfu()

    def large_room(self, room_id: str) -> bool:
        return room_id in self.large_rooms or self.keep_on_server(room_id)

    def call_changed(self, call: _Call) -> None:
        self.media.call_changed(call)
        self.guests.call_changed(call)
        for listener in self.listeners:
            listener(call)
        for watcher in self.watchers:
            watcher(call)

    def new_room(self, call: _Call) -> None:
        if self.ownership is not None:
            self.ownership.claim(call)

    def call_followed(self, call: _Call) -> None:
        """Another node changed the call: the room follows if this node owns it, and this node's guests
        see the change. (The listeners, council's, hear only of changes made on this node.)"""
        self.media.call_changed(call)
        self.guests.call_changed(call)
        for watcher in self.watchers:
            watcher(call)

    # --- what it adds to the web server ---

    def page_route(self) -> HttpRoute:
        return HttpRoute(PAGE_PREFIX, self._page)

    def _page(self, connection: ServerConnection, request: Request) -> Response:
        path, _, query = request.path.partition("?")
        rest = path[len(PAGE_PREFIX):]
        if rest.startswith("static/"):
            return web.static(rest[len("static/"):])
        return web.page(self.guests, rest.strip("/"), language_of(query, request.headers.get("Accept-Language")))

    def socket_route(self) -> SocketRoute:
        return SocketRoute(GUEST_SOCKET_PATH, self.guest_sockets.serve)

    # --- staff messages ---

    def commands(self) -> Sequence[Command[Any]]:
        return (Command(MeetingHand, self._hand), Command(MeetingModerate, self._moderate),
                Command(MeetingInviteGuest, self._invite), Command(MeetingPublish, self._media_request),
                Command(MeetingSubscribe, self._media_request), Command(MeetingAnswer, self._media_request),
                Command(MeetingVideo, self._media_request))

    def _hand(self, conn: Connection, msg: MeetingHand) -> str:
        call = self.calls.require_member(conn.username, msg.call_id)
        for listener in self.hand_listeners:  # first: a council session's speaker list takes the hand
            listener(call, conn.username, msg.raised)
        self.calls.set_hand(call, conn.username, msg.raised, self.clock.now())
        return ack(msg.id)

    def _moderate(self, conn: Connection, msg: MeetingModerate) -> str:
        call = self.calls.require_member(conn.username, msg.call_id)
        self.moderate(call, conn.username, msg.person_id, msg.action)
        return ack(msg.id)

    def _invite(self, conn: Connection, msg: MeetingInviteGuest) -> str:
        me = conn.username
        call = self.calls.require_member(me, msg.call_id)
        if not self.calls.is_moderator(call, me):
            raise Refused(ErrorCode.MODERATORS_ONLY)
        if call.room_id is None:
            raise Refused(ErrorCode.NOT_IN_CALL)
        if self.sfu() is Sfu.NONE:
            raise Refused(ErrorCode.CALL_FULL)
        return ack(msg.id, self.guests.invite(call.room_id, me))

    def _media_request(self, conn: Connection, msg: MediaRequest) -> None:
        call = self.calls.require_member(conn.username, msg.call_id)
        self.media.check(call)
        self.media.spawn(self._relay(conn, call, msg))
        # answered when the media server has replied

    async def _relay(self, conn: Connection, call: _Call, msg: MediaRequest) -> None:
        me = conn.username
        try:
            if isinstance(msg, MeetingPublish):
                answer = await self.media.publish(call, me, msg.sdp)
                self._send(conn, MeetingSdp(call_id=call.call_id, person_id=None, sdp_type="answer", sdp=answer))
            elif isinstance(msg, MeetingSubscribe):
                offer = await self.media.subscribe(call, me, msg.person_id, msg.video)
                if offer is not None:
                    self._send(conn, MeetingSdp(call_id=call.call_id, person_id=msg.person_id, sdp_type="offer",
                                                sdp=offer))
            elif isinstance(msg, MeetingAnswer):
                await self.media.answer(call, me, msg.person_id, msg.sdp)
            else:
                await self.media.set_video(call, me, msg.person_id, msg.on)
            reply = ack(msg.id)
        except Refused as exc:
            reply = error_frame(exc.code, msg.id)
        self.hub.broadcast([conn], reply)

    def _send(self, conn: Connection, message: MeetingSdp) -> None:
        self.hub.broadcast([conn], message.model_dump_json())

    # --- moderation ---

    def moderate(self, call: _Call, me: str, target: str, action: str) -> None:
        """A moderator mutes or removes ``target`` (staff or guest)."""
        if not self.calls.is_moderator(call, me):
            raise Refused(ErrorCode.MODERATORS_ONLY)
        if target == me or target not in call.members:
            raise Refused(ErrorCode.NOT_IN_CALL)
        if action == "mute":
            self.mute(call, me, target)
        else:
            self._tell(call, me, target, action)
            self.calls.remove(call, target)

    def mute(self, call: _Call, by: str, target: str) -> None:
        """``target`` is muted at the media server until they unmute themselves (a moderator's mute, or
        the council chair's "mute the others"; the caller has checked who may)."""
        self._tell(call, by, target, "mute")
        self.calls.mute(call, target)

    def _tell(self, call: _Call, by: str, target: str, action: str) -> None:
        told = MeetingModerated(call_id=call.call_id, action=action, by=by)  # type: ignore[arg-type]
        if target in call.guests:
            self.guests.moderated(target, action)
        else:
            self.calls.send_to(target, told.model_dump_json())
        log.info("call %s: a moderator %s a member", call.call_id, "muted" if action == "mute" else "removed")
