"""Calls on the backend: who is in which call, and relaying offers/answers between its members only.

A room has at most one call; whoever is in the room may join it. Up to four people talk peer to peer
(a mesh); beyond that, in a room marked large, or with a guest, the call runs through the media server
(the meetings feature, ``meetings/``), for up to 50 people. The rules are ``core/meetings.py``; this
module keeps the state and asks the meetings feature (``MeetingHooks``) how the media server is.
A call between two people starts ringing and becomes a call when answered. Leaving the room, going
offline or leaving the call takes a person out; a call ends when nobody (or, between two people, only
one person) is left.
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol

from dvz_desktop.core.meetings import Media, Sfu, Shape, admit, choose, moderators
from dvz_desktop.protocol import (
    CallAnswer,
    CallEnded,
    CallInfo,
    CallJoin,
    CallLeave,
    CallMedia,
    CallMember,
    CallSignal,
    CallSignalEvent,
    CallUpdate,
    ErrorCode,
    IceServer,
    Presence,
    Status,
)

from ...directory.visibility import Directory
from ...feature import Command, Feature, Refused, WelcomePart, ack
from ...net.hub import Connection, Hub
from ..presence.board import PresenceBoard

log = logging.getLogger(__name__)


class MeetingHooks(Protocol):
    """What calls need of the meetings feature (the media server's side)."""

    def sfu(self) -> Sfu: ...

    def large_room(self, room_id: str) -> bool: ...

    def call_changed(self, call: _Call) -> None:
        """After every change of a call (members, their media, the mode); the call may have ended."""


class NoMediaServer:
    """A backend without a media server: calls stay peer to peer, at most four."""

    def sfu(self) -> Sfu:
        return Sfu.NONE

    def large_room(self, room_id: str) -> bool:
        return False

    def call_changed(self, call: _Call) -> None:
        pass


@dataclass
class _Call:
    call_id: str
    room_id: str | None
    #: Members in order of arrival (who has been in the call longest moderates after the opener).
    members: dict[str, CallMember] = field(default_factory=dict)
    ringing: set[str] = field(default_factory=set)
    opener: str | None = None
    mode: Media = Media.MESH
    sfu_lost: bool = False
    sfu_epoch: int = 0
    #: Guests from outside (browser): member ids that are not people of the directory.
    guests: set[str] = field(default_factory=set)
    #: Removed by a moderator: they cannot join this call again.
    removed: set[str] = field(default_factory=set)
    #: Muted by a moderator and not unmuted by themselves yet (the media server drops their microphone).
    muted_by_moderator: set[str] = field(default_factory=set)
    ended: bool = False

    def audience(self) -> set[str]:
        return set(self.members) | self.ringing

    def staff(self) -> set[str]:
        return set(self.members) - self.guests


class CallsFeature(Feature):
    name = "calls"

    def __init__(self, directory: Directory, presence: PresenceBoard, hub: Hub,
                 ice_servers: tuple[IceServer, ...] = (), meetings: MeetingHooks | None = None) -> None:
        self.directory = directory
        self.presence = presence
        self.hub = hub
        self.ice_servers = ice_servers
        self.meetings: MeetingHooks = meetings or NoMediaServer()
        self.calls: dict[str, _Call] = {}
        self._by_room: dict[str, str] = {}

    def call_of(self, person_id: str) -> _Call | None:
        return next((c for c in self.calls.values() if person_id in c.audience()), None)

    def call_in_room(self, room_id: str) -> _Call | None:
        call_id = self._by_room.get(room_id)
        return self.calls.get(call_id) if call_id else None

    def calls_for(self, person_id: str) -> tuple[CallInfo, ...]:
        call = self.call_of(person_id)
        return (self.info(call),) if call else ()

    def info(self, call: _Call) -> CallInfo:
        owner = self.directory.rooms[call.room_id].room.owner_id if call.room_id in self.directory.rooms else None
        return CallInfo(call_id=call.call_id, room_id=call.room_id, members=tuple(call.members.values()),
                        ringing=tuple(sorted(call.ringing)), ice_servers=self.ice_servers, mode=call.mode.value,
                        sfu_lost=call.sfu_lost, sfu_epoch=call.sfu_epoch,
                        moderator_ids=moderators(owner, call.opener, list(call.members), call.guests))

    def is_moderator(self, call: _Call, person_id: str) -> bool:
        return person_id in self.info(call).moderator_ids

    def welcome(self, conn: Connection) -> WelcomePart:
        return WelcomePart({"calls": self.calls_for(conn.username)})

    # --- commands ---

    def commands(self) -> Sequence[Command[Any]]:
        return (Command(CallJoin, self._join), Command(CallAnswer, self._answer), Command(CallLeave, self._leave),
                Command(CallSignal, self._signal), Command(CallMedia, self._media))

    def _join(self, conn: Connection, msg: CallJoin) -> str:
        return ack(msg.id, self.join(conn.username, msg.room_id, msg.person_id))

    def _answer(self, conn: Connection, msg: CallAnswer) -> str:
        self.answer(conn.username, msg.call_id, msg.accept)
        return ack(msg.id)

    def _leave(self, conn: Connection, msg: CallLeave) -> str:
        self._require_member(conn.username, msg.call_id)
        self.leave(conn.username, "left")
        return ack(msg.id)

    def _signal(self, conn: Connection, msg: CallSignal) -> str:
        self.signal(conn.username, msg)
        return ack(msg.id)

    def _media(self, conn: Connection, msg: CallMedia) -> str:
        me = conn.username
        call = self._require_member(me, msg.call_id)
        self.set_media(call, me, audio=msg.audio, video=msg.video, speaking=msg.speaking, screen=msg.screen)
        return ack(msg.id)

    def _shape(self, call: _Call, extra: int = 0, extra_guests: int = 0) -> Shape:
        large = call.room_id is not None and self.meetings.large_room(call.room_id)
        return Shape(members=len(call.members) + extra, guests=len(call.guests) + extra_guests, large_room=large,
                     current=call.mode)

    def join(self, me: str, room_id: str | None, person_id: str | None) -> str:
        current = self.call_of(me)
        if room_id is not None:
            if self.presence.get(me).room_id != room_id:
                raise Refused(ErrorCode.NOT_IN_ROOM)
            call = self.call_in_room(room_id)
            if call is not None and me in call.members:
                return call.call_id
            if call is not None:
                if me in call.removed:
                    raise Refused(ErrorCode.REMOVED_FROM_MEETING)
                refused = admit(self._shape(call, extra=1), self.meetings.sfu())
                if refused is not None:
                    raise Refused(refused)
            if current is not None:
                self.leave(me, "left")
            if call is None:
                call = _Call(f"r{secrets.token_urlsafe(9)}", room_id, opener=me)
                self.calls[call.call_id] = call
                self._by_room[room_id] = call.call_id
            call.members[me] = CallMember(person_id=me)
            self._changed(call)
            return call.call_id
        if person_id is None or person_id == me:
            raise Refused(ErrorCode.INVALID_MESSAGE)
        if not self.directory.can_see_person(me, person_id):
            raise Refused(ErrorCode.UNKNOWN_PERSON)
        callee = self.presence.get(person_id)
        if callee.status is Status.OFFLINE or callee.appear_offline or self.call_of(person_id) is not None:
            raise Refused(ErrorCode.PERSON_OFFLINE)
        if current is not None:
            self.leave(me, "left")
        call = _Call(f"p{secrets.token_urlsafe(9)}", None, {me: CallMember(person_id=me)}, {person_id}, opener=me)
        self.calls[call.call_id] = call
        self._changed(call)
        return call.call_id

    def join_guest(self, room_id: str, guest_id: str, name: str) -> _Call:
        """A guest from outside joins the room's running call (which moves to the media server)."""
        call = self.call_in_room(room_id)
        if call is None:
            raise Refused(ErrorCode.NOT_IN_CALL)
        if guest_id in call.removed:
            raise Refused(ErrorCode.REMOVED_FROM_MEETING)
        if guest_id not in call.members:
            refused = admit(self._shape(call, extra=1, extra_guests=1), self.meetings.sfu())
            if refused is not None:
                raise Refused(refused)
            call.guests.add(guest_id)
            call.members[guest_id] = CallMember(person_id=guest_id, guest_name=name)
            self._changed(call)
        return call

    def answer(self, me: str, call_id: str, accept: bool) -> None:
        call = self.calls.get(call_id)
        if call is None or me not in call.ringing:
            raise Refused(ErrorCode.NOT_IN_CALL)
        call.ringing.discard(me)
        if accept:
            call.members[me] = CallMember(person_id=me)
            self._changed(call)
        else:
            self._end(call, "declined")

    def signal(self, me: str, msg: CallSignal) -> None:
        call = self._require_member(me, msg.call_id)
        if msg.to not in call.members or msg.to == me or call.mode is not Media.MESH:
            raise Refused(ErrorCode.NOT_IN_CALL)
        if not msg.sdp.startswith("v=0"):
            raise Refused(ErrorCode.INVALID_SDP)
        event = CallSignalEvent(call_id=call.call_id, from_id=me, sdp_type=msg.sdp_type, sdp=msg.sdp)
        self.hub.send_to(msg.to, event.model_dump_json())

    def require_member(self, me: str, call_id: str) -> _Call:
        return self._require_member(me, call_id)

    def _require_member(self, me: str, call_id: str) -> _Call:
        call = self.calls.get(call_id)
        if call is None or me not in call.members:
            raise Refused(ErrorCode.NOT_IN_CALL)
        return call

    # --- a member's state ---

    def set_media(self, call: _Call, me: str, *, audio: bool, video: bool, speaking: bool = False,
                  screen: bool = False) -> None:
        member = call.members[me]
        call.members[me] = member.model_copy(update={"audio": audio, "video": video, "speaking": speaking,
                                                     "screen": screen and video})
        if audio:
            call.muted_by_moderator.discard(me)  # their own choice lifts a moderator's mute
        self._changed(call)

    def set_hand(self, call: _Call, me: str, raised: bool, now: datetime) -> None:
        member = call.members[me]
        if (member.hand_raised_at is not None) != raised:
            call.members[me] = member.model_copy(update={"hand_raised_at": now if raised else None})
            self._changed(call)

    def set_publishing(self, call_id: str, member_id: str, publishing: bool) -> None:
        call = self.calls.get(call_id)
        member = call.members.get(member_id) if call is not None else None
        if call is not None and member is not None and member.publishing != publishing:
            call.members[member_id] = member.model_copy(update={"publishing": publishing})
            self._changed(call)

    def mute(self, call: _Call, target: str) -> None:
        """A moderator muted ``target``: shown as muted until they unmute themselves."""
        call.muted_by_moderator.add(target)
        call.members[target] = call.members[target].model_copy(update={"audio": False, "speaking": False})
        self._changed(call)

    def remove(self, call: _Call, target: str) -> None:
        """A moderator removed ``target``: out of the call, and not allowed back in."""
        call.removed.add(target)
        self.leave(target, "removed")

    # --- the media server ---

    def media_server_changed(self) -> None:
        """The media server was lost or is back: every call reconsiders where it runs."""
        for call in list(self.calls.values()):
            self._changed(call)

    def reconsider(self, room_id: str) -> None:
        """Whether the room's call should run elsewhere now (the room became one that needs the media
        server); nobody is told anything unless it moves."""
        call = self.call_in_room(room_id)
        if call is not None and choose(self._shape(call), self.meetings.sfu()) is not call.mode:
            self._changed(call)

    # --- people leaving ---

    def leave(self, me: str, reason: str) -> None:
        call = self.call_of(me)
        if call is None:
            return
        call.members.pop(me, None)
        call.ringing.discard(me)
        call.guests.discard(me)
        call.muted_by_moderator.discard(me)
        self.hub.send_to(me, CallEnded(call_id=call.call_id, reason=reason).model_dump_json())
        staff = call.staff()
        if not staff or (call.room_id is None and len(call.members) < 2 and not call.ringing):
            self._end(call, "everyone_left")
        else:
            self._changed(call)

    def on_presence(self, presence: Presence) -> None:
        """Walking out of a call's room or going offline leaves the call."""
        call = self.call_of(presence.person_id)
        if call is None:
            return
        gone = presence.status is Status.OFFLINE
        if gone or (call.room_id is not None and presence.room_id != call.room_id):
            self.leave(presence.person_id, "left")

    def _end(self, call: _Call, reason: str) -> None:
        self.calls.pop(call.call_id, None)
        if call.room_id is not None:
            self._by_room.pop(call.room_id, None)
        call.ended = True
        ended = CallEnded(call_id=call.call_id, reason=reason).model_dump_json()
        for person in call.audience():
            self.hub.send_to(person, ended)
        self.meetings.call_changed(call)

    def _changed(self, call: _Call) -> None:
        """Where the call runs now (core/meetings.py), then everyone in it is told."""
        sfu = self.meetings.sfu()
        before = (call.mode, call.sfu_lost, call.sfu_epoch)
        target = choose(self._shape(call), sfu) if call.room_id is not None else Media.MESH
        if target is Media.SFU:
            if sfu is Sfu.UP and (call.mode is Media.MESH or call.sfu_lost):
                call.sfu_epoch += 1  # a new room on the media server: everyone publishes anew
                call.sfu_lost = False
            elif sfu is not Sfu.UP:
                call.sfu_lost = True
        elif call.mode is Media.SFU:
            call.sfu_lost = True  # fell back to the mesh because the media server failed
        elif sfu is Sfu.UP:
            call.sfu_lost = False
        call.mode = target
        if (call.mode, call.sfu_lost, call.sfu_epoch) != before:
            # Nobody's media is on the media server any more (or yet): everyone publishes anew.
            for key, member in call.members.items():
                if member.publishing:
                    call.members[key] = member.model_copy(update={"publishing": False})
        self._publish(call)
        self.meetings.call_changed(call)

    def _publish(self, call: _Call) -> None:
        payload = CallUpdate(call=self.info(call)).model_dump_json()
        for person in call.audience():
            self.hub.send_to(person, payload)
