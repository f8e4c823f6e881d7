"""Calls on the backend: who is in which call, and relaying offers/answers between its members only.

A room has at most one call; whoever is in the room may join it (up to four people, peer to peer).
A call between two people starts ringing and becomes a call when answered. Leaving the room, going
offline or leaving the call takes a person out; a call ends when nobody (or, between two people, only
one person) is left.
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from dvz_desktop.protocol import (
    MAX_CALL_MEMBERS,
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


@dataclass
class _Call:
    call_id: str
    room_id: str | None
    members: dict[str, CallMember] = field(default_factory=dict)
    ringing: set[str] = field(default_factory=set)

    def info(self, ice: tuple[IceServer, ...]) -> CallInfo:
        return CallInfo(call_id=self.call_id, room_id=self.room_id, members=tuple(self.members.values()),
                        ringing=tuple(sorted(self.ringing)), ice_servers=ice)

    def audience(self) -> set[str]:
        return set(self.members) | self.ringing


class CallsFeature(Feature):
    name = "calls"

    def __init__(self, directory: Directory, presence: PresenceBoard, hub: Hub,
                 ice_servers: tuple[IceServer, ...] = ()) -> None:
        self.directory = directory
        self.presence = presence
        self.hub = hub
        self.ice_servers = ice_servers
        self.calls: dict[str, _Call] = {}
        self._by_room: dict[str, str] = {}

    def call_of(self, person_id: str) -> _Call | None:
        return next((c for c in self.calls.values() if person_id in c.audience()), None)

    def calls_for(self, person_id: str) -> tuple[CallInfo, ...]:
        call = self.call_of(person_id)
        return (call.info(self.ice_servers),) if call else ()

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
        call.members[me] = CallMember(person_id=me, audio=msg.audio, video=msg.video, speaking=msg.speaking)
        self._publish(call)
        return ack(msg.id)

    def join(self, me: str, room_id: str | None, person_id: str | None) -> str:
        current = self.call_of(me)
        if room_id is not None:
            if self.presence.get(me).room_id != room_id:
                raise Refused(ErrorCode.NOT_IN_ROOM)
            call_id = self._by_room.get(room_id)
            call = self.calls.get(call_id) if call_id else None
            if call is not None and me in call.members:
                return call.call_id
            if call is not None and len(call.members) >= MAX_CALL_MEMBERS:
                raise Refused(ErrorCode.CALL_FULL)
            if current is not None:
                self.leave(me, "left")
            if call is None:
                call = _Call(f"r{secrets.token_urlsafe(9)}", room_id)
                self.calls[call.call_id] = call
                self._by_room[room_id] = call.call_id
            call.members[me] = CallMember(person_id=me)
            self._publish(call)
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
        call = _Call(f"p{secrets.token_urlsafe(9)}", None, {me: CallMember(person_id=me)}, {person_id})
        self.calls[call.call_id] = call
        self._publish(call)
        return call.call_id

    def answer(self, me: str, call_id: str, accept: bool) -> None:
        call = self.calls.get(call_id)
        if call is None or me not in call.ringing:
            raise Refused(ErrorCode.NOT_IN_CALL)
        call.ringing.discard(me)
        if accept:
            call.members[me] = CallMember(person_id=me)
            self._publish(call)
        else:
            self._end(call, "declined")

    def signal(self, me: str, msg: CallSignal) -> None:
        call = self._require_member(me, msg.call_id)
        if msg.to not in call.members or msg.to == me:
            raise Refused(ErrorCode.NOT_IN_CALL)
        if not msg.sdp.startswith("v=0"):
            raise Refused(ErrorCode.INVALID_SDP)
        event = CallSignalEvent(call_id=call.call_id, from_id=me, sdp_type=msg.sdp_type, sdp=msg.sdp)
        self.hub.send_to(msg.to, event.model_dump_json())

    def _require_member(self, me: str, call_id: str) -> _Call:
        call = self.calls.get(call_id)
        if call is None or me not in call.members:
            raise Refused(ErrorCode.NOT_IN_CALL)
        return call

    # --- people leaving ---

    def leave(self, me: str, reason: str) -> None:
        call = self.call_of(me)
        if call is None:
            return
        call.members.pop(me, None)
        call.ringing.discard(me)
        self.hub.send_to(me, CallEnded(call_id=call.call_id, reason=reason).model_dump_json())
        if not call.members or (call.room_id is None and len(call.members) < 2 and not call.ringing):
            self._end(call, "everyone_left")
        else:
            self._publish(call)

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
        ended = CallEnded(call_id=call.call_id, reason=reason).model_dump_json()
        for person in call.audience():
            self.hub.send_to(person, ended)

    def _publish(self, call: _Call) -> None:
        payload = CallUpdate(call=call.info(self.ice_servers)).model_dump_json()
        for person in call.audience():
            self.hub.send_to(person, payload)
