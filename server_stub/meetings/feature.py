"""Meetings: calls beyond four people through the media server (Janus), driven by the backend.

This feature is the calls feature's ``MeetingHooks`` (how the media server is, which rooms are large)
and handles the ``meeting_*`` messages of staff: publishing and receiving through the media server
(relay.py), raised hands, a moderator's mute and removal, and guest invitations (guests.py). Every
request is checked against the call's members first; only then does it reach the media server.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from dvz_desktop.core.clock import Clock
from dvz_desktop.core.meetings import Sfu
from dvz_desktop.protocol import Ack, ErrorCode, IceServer
from dvz_desktop.protocol.meetings import (
    MEETING_CLIENT_TYPES,
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

from ..behaviour_context import Refused, error_frame
from ..calls import CallManager, _Call
from ..directory import Directory
from ..hub import Connection, Hub
from ..orgfile import OrgFile
from .guest_socket import MeetingGuestSockets
from .guests import MeetingGuests
from .relay import MeetingMedia, SfuConfig

log = logging.getLogger(__name__)

MEETING_MESSAGES = MEETING_CLIENT_TYPES
__all__ = ["MEETING_MESSAGES", "MeetingService", "SfuConfig", "large_rooms_of"]


def large_rooms_of(org_file: OrgFile) -> set[str]:
    """The rooms the organisation file marks ``large``: their calls always run on the media server."""
    return {room.id for org in org_file.organisations for building in org.buildings for floor in building.floors
            for room in floor.rooms if room.large}


class MeetingService:
    def __init__(self, calls: CallManager, hub: Hub, directory: Directory, clock: Clock, sfu: SfuConfig | None,
                 large_rooms: Iterable[str] = (), ice_servers: tuple[IceServer, ...] = ()) -> None:
        self.calls = calls
        self.hub = hub
        self.clock = clock
        self.large_rooms = frozenset(large_rooms)
        self.media = MeetingMedia(calls, sfu)
        self.guests = MeetingGuests(calls, self.media, directory, clock, ice_servers)
        self.guest_sockets = MeetingGuestSockets(self.guests, self.media)
        calls.meetings = self

    async def start(self) -> None:
        await self.media.start()

    async def stop(self) -> None:
        self.guests.close_all()
        await self.media.stop()

    # --- the calls feature's hooks ---

    def sfu(self) -> Sfu:
        return self.media.sfu()

    def large_room(self, room_id: str) -> bool:
        return room_id in self.large_rooms

    def call_changed(self, call: _Call) -> None:
        self.media.call_changed(call)
        self.guests.call_changed(call)

    # --- staff messages ---

    def handle(self, conn: Connection, msg: object) -> str | None:
        me = conn.username
        call = self.calls.require_member(me, msg.call_id)  # type: ignore[attr-defined]
        command_id: str = msg.id  # type: ignore[attr-defined]
        if isinstance(msg, MeetingHand):
            self.calls.set_hand(call, me, msg.raised, self.clock.now())
            return Ack(reply_to=command_id).model_dump_json()
        if isinstance(msg, MeetingModerate):
            self.moderate(call, me, msg.person_id, msg.action)
            return Ack(reply_to=command_id).model_dump_json()
        if isinstance(msg, MeetingInviteGuest):
            if not self.calls.is_moderator(call, me):
                raise Refused(ErrorCode.MODERATORS_ONLY)
            if call.room_id is None:
                raise Refused(ErrorCode.NOT_IN_CALL)
            if self.sfu() is Sfu.NONE:
                raise Refused(ErrorCode.CALL_FULL)
            return Ack(reply_to=command_id, ref=self.guests.invite(call.room_id, me)).model_dump_json()
        self.media.check(call)
        self.media.spawn(self._relay(conn, call, msg))
        return None  # answered when the media server has replied

    async def _relay(self, conn: Connection, call: _Call, msg: object) -> None:
        me, command_id = conn.username, msg.id  # type: ignore[attr-defined]
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
            elif isinstance(msg, MeetingVideo):
                await self.media.set_video(call, me, msg.person_id, msg.on)
            reply = Ack(reply_to=command_id).model_dump_json()
        except Refused as exc:
            reply = error_frame(exc.code, command_id)
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
        told = MeetingModerated(call_id=call.call_id, action=action, by=me)  # type: ignore[arg-type]
        if target in call.guests:
            self.guests.moderated(target, action)
        else:
            self.hub.send_to(target, told.model_dump_json())
        log.info("call %s: a moderator %s a member", call.call_id, "muted" if action == "mute" else "removed")
        if action == "mute":
            self.calls.mute(call, target)
        else:
            self.calls.remove(call, target)
