"""Calls on the backend: who is in which call, and relaying offers/answers between its members only.

A room has at most one call; whoever is in the room may join it. Up to four people talk peer to peer
(a mesh); beyond that, in a room marked large, or with a guest, the call runs through the media server
(the meetings feature, ``meetings/``), for up to 50 people. The rules are ``core/meetings.py``; this
module keeps the state and asks the meetings feature (``MeetingHooks``) how the media server is.
A call between two people starts ringing and becomes a call when answered. Leaving the room, going
offline or leaving the call takes a person out; a call ends when nobody (or, between two people, only
one person) is left.

Cluster mode (``ledger``, shared.py): the database owns every call's state; each change runs as the
ledger's transaction (``_owned``) and its frames reach the members on every node after the commit.
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager, nullcontext
from datetime import datetime
from typing import Any

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

from ...db import DatabaseError
from ...directory.visibility import Directory
from ...feature import Command, Feature, Refused, WelcomePart, ack
from ...net.hub import Connection, Hub
from ..presence.board import PresenceBoard
from .hooks import MeetingHooks, NoMediaServer
from .shared import CallLedger
from .state import _Call as _Call

log = logging.getLogger(__name__)


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
        #: Cluster mode: the database owns the calls (shared.py); None for one node.
        self.ledger: CallLedger | None = None
        self._scope: Callable[[], AbstractContextManager[None]] = nullcontext
        #: To a person's sockets (cluster mode: on every node, once the change is stored).
        self.send_to: Callable[[str, str], None] = hub.send_to

    def share(self, ledger: CallLedger) -> None:
        """Cluster mode: from now on the calls' state belongs to the database (shared.py)."""
        self.ledger, ledger.local_send, self.send_to = ledger, self.hub.send_to, ledger.send_to
        self._scope = lambda: ledger.owned(self.calls, self._by_room)
        ledger.start(self)

    def owned(self) -> AbstractContextManager[None]:
        """The scope of a change of calls: in cluster mode one transaction of the ledger (``share``)."""
        return self._scope()

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
        if self.ledger is not None:
            self.ledger.came_back(self, conn.username)
        return WelcomePart({"calls": self.calls_for(conn.username)})

    # --- commands ---

    def commands(self) -> Sequence[Command[Any]]:
        return (Command(CallJoin, self._join), Command(CallAnswer, self._answer), Command(CallLeave, self._leave),
                Command(CallSignal, self._signal), Command(CallMedia, self._media))

    def _join(self, conn: Connection, msg: CallJoin) -> str:
        with self.owned():
            call_id = self.join(conn.username, msg.room_id, msg.person_id)
        return ack(msg.id, call_id)

    def _answer(self, conn: Connection, msg: CallAnswer) -> str:
        with self.owned():
            self.answer(conn.username, msg.call_id, msg.accept)
        return ack(msg.id)

    def _leave(self, conn: Connection, msg: CallLeave) -> str:
        with self.owned():
            self._require_member(conn.username, msg.call_id)
            self.leave(conn.username, "left")
        return ack(msg.id)

    def _signal(self, conn: Connection, msg: CallSignal) -> str:
        self.signal(conn.username, msg)
        return ack(msg.id)

    def _media(self, conn: Connection, msg: CallMedia) -> str:
        me = conn.username
        with self.owned():
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
            self._served_here(call, me)
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
        self._served_here(call, me)
        self._changed(call)
        return call.call_id

    def join_guest(self, room_id: str, guest_id: str, name: str) -> _Call:
        """A guest from outside joins the room's running call (which moves to the media server)."""
        with self.owned():
            return self._join_guest(room_id, guest_id, name)

    def _join_guest(self, room_id: str, guest_id: str, name: str) -> _Call:
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
            self._served_here(call, guest_id)
            self._changed(call)
        return call

    def answer(self, me: str, call_id: str, accept: bool) -> None:
        call = self.calls.get(call_id)
        if call is None or me not in call.ringing:
            raise Refused(ErrorCode.NOT_IN_CALL)
        call.ringing.discard(me)
        if accept:
            call.members[me] = CallMember(person_id=me)
            self._served_here(call, me)
            self._changed(call)
        else:
            self._end(call, "declined")

    def _served_here(self, call: _Call, me: str) -> None:
        if self.ledger is not None:
            call.nodes[me] = self.ledger.node_id

    def signal(self, me: str, msg: CallSignal) -> None:
        call = self._require_member(me, msg.call_id)
        if msg.to not in call.members or msg.to == me or call.mode is not Media.MESH:
            raise Refused(ErrorCode.NOT_IN_CALL)
        if not msg.sdp.startswith("v=0"):
            raise Refused(ErrorCode.INVALID_SDP)
        event = CallSignalEvent(call_id=call.call_id, from_id=me, sdp_type=msg.sdp_type, sdp=msg.sdp)
        self.send_to(msg.to, event.model_dump_json())

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
        with self.owned():  # a guest's socket calls this directly
            self._set_media(call, me, audio=audio, video=video, speaking=speaking, screen=screen)

    def _set_media(self, call: _Call, me: str, *, audio: bool, video: bool, speaking: bool, screen: bool) -> None:
        if me not in call.members:
            return
        member = call.members[me]
        call.members[me] = member.model_copy(update={"audio": audio, "video": video, "speaking": speaking,
                                                     "screen": screen and video})
        if audio:
            call.muted_by_moderator.discard(me)  # their own choice lifts a moderator's mute
        self._changed(call)

    def set_hand(self, call: _Call, me: str, raised: bool, now: datetime) -> None:
        with self.owned():
            member = call.members.get(me)
            if member is not None and (member.hand_raised_at is not None) != raised:
                call.members[me] = member.model_copy(update={"hand_raised_at": now if raised else None})
                self._changed(call)

    def set_publishing(self, call_id: str, member_id: str, publishing: bool) -> None:
        with self.owned():
            self._set_publishing(call_id, member_id, publishing)

    def _set_publishing(self, call_id: str, member_id: str, publishing: bool) -> None:
        call = self.calls.get(call_id)
        member = call.members.get(member_id) if call is not None else None
        if call is not None and member is not None and member.publishing != publishing:
            call.members[member_id] = member.model_copy(update={"publishing": publishing})
            self._changed(call)

    def mute(self, call: _Call, target: str) -> None:
        """A moderator muted ``target``: shown as muted until they unmute themselves."""
        with self.owned():
            if target not in call.members:
                return
            call.muted_by_moderator.add(target)
            call.members[target] = call.members[target].model_copy(update={"audio": False, "speaking": False})
            self._changed(call)

    def remove(self, call: _Call, target: str) -> None:
        """A moderator removed ``target``: out of the call, and not allowed back in."""
        with self.owned():
            call.removed.add(target)
            self.leave(target, "removed")

    # --- the media server ---

    def media_server_changed(self) -> None:
        """The media server was lost or is back: every call reconsiders where it runs."""
        with self.owned():
            for call in list(self.calls.values()):
                self._changed(call)

    def reconsider(self, room_id: str) -> None:
        """Whether the room's call should run elsewhere now (the room became one that needs the media
        server); nobody is told anything unless it moves."""
        with self.owned():
            call = self.call_in_room(room_id)
            if call is not None and choose(self._shape(call), self.meetings.sfu()) is not call.mode:
                self._changed(call)

    # --- people leaving ---

    def leave(self, me: str, reason: str) -> None:
        with self.owned():  # nested in most changes; a guest's socket calls it directly
            self._take_out(me, reason)

    def _take_out(self, me: str, reason: str) -> None:
        call = self.call_of(me)
        if call is None:
            return
        call.members.pop(me, None)
        call.ringing.discard(me)
        call.guests.discard(me)
        call.muted_by_moderator.discard(me)
        self.send_to(me, CallEnded(call_id=call.call_id, reason=reason).model_dump_json())
        staff = call.staff()
        if not staff or (call.room_id is None and len(call.members) < 2 and not call.ringing):
            # The one left in a call between two is told why it ended: the other's connection was lost.
            self._end(call, "connection_lost" if reason == "connection_lost" else "everyone_left")
        else:
            self._changed(call)

    def on_presence(self, presence: Presence) -> None:
        """Walking out of a call's room or going offline leaves the call."""
        if self.call_of(presence.person_id) is None:
            return
        try:
            self._left_by_presence(presence)
        except DatabaseError:  # cluster mode: the sweep takes them out once the database is back
            log.warning("calls: the database is unreachable; a call is left once it is back")

    def _left_by_presence(self, presence: Presence) -> None:
        with self.owned():  # cluster mode: asked again of the calls as the database holds them
            call = self.call_of(presence.person_id)
            if call is None:
                return
            if presence.status is Status.OFFLINE:
                self.leave(presence.person_id, "connection_lost")
            elif call.room_id is not None and presence.room_id != call.room_id:
                self.leave(presence.person_id, "left")

    def housekeep(self, now: datetime) -> None:
        if self.ledger is not None:
            self.ledger.sweep(self, now)

    def _end(self, call: _Call, reason: str) -> None:
        self.calls.pop(call.call_id, None)
        if call.room_id is not None:
            self._by_room.pop(call.room_id, None)
        call.ended = True
        ended = CallEnded(call_id=call.call_id, reason=reason).model_dump_json()
        for person in call.audience():
            self.send_to(person, ended)
        if self.ledger is not None:
            self.ledger.touched(call)
        self.meetings.call_changed(call)

    def changed(self, call: _Call) -> None:
        self._changed(call)

    def _changed(self, call: _Call) -> None:
        """Where the call runs now (core/meetings.py), then everyone in it is told."""
        sfu = self.meetings.sfu()
        before = (call.mode, call.sfu_lost, call.sfu_epoch)
        target = choose(self._shape(call), sfu) if call.room_id is not None else Media.MESH
        if target is Media.SFU:
            if sfu is Sfu.UP and (call.mode is Media.MESH or call.sfu_lost):
                call.sfu_epoch += 1  # a new room on the media server: everyone publishes anew
                call.sfu_lost = False
                self.meetings.new_room(call)
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
        if self.ledger is not None:
            self.ledger.touched(call)
        self.meetings.call_changed(call)

    def _publish(self, call: _Call) -> None:
        payload = CallUpdate(call=self.info(call)).model_dump_json()
        for person in call.audience():
            self.send_to(person, payload)
