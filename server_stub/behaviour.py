"""Office behaviour on the backend: one entry point for the server's reader loop.

``handle`` answers one command (an ``ack``, with the id of what it created, or an ``error``);
``on_presence`` keeps knocks, invitations and doors in step with who is where; ``tick`` ends what timed
out; ``welcome_extras`` is what a (re)connecting client needs to show the current state.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from dvz_desktop.core.clock import Clock
from dvz_desktop.protocol import (
    Ack,
    ErrorCode,
    AnswerInvite,
    AnswerKnock,
    AnswerQuestion,
    AskQuestion,
    CancelKnock,
    ClearAbsence,
    DismissInbox,
    Invite,
    KnockOn,
    LeaveMessage,
    Move,
    Presence,
    SetAbsence,
    SetCoffee,
    SetDoor,
    SetOfficeHours,
    Status,
)

from .behaviour_context import BehaviourContext, Refused
from .behaviour_store import BehaviourStore
from .directory import Directory
from .hub import Hub
from .knocking import DoorsAndKnocks
from .presence import PresenceBoard
from .requests import PeopleRequests

log = logging.getLogger(__name__)

TICK_S = 1.0
BEHAVIOUR_MESSAGES = (SetDoor, SetOfficeHours, KnockOn, AnswerKnock, CancelKnock, LeaveMessage, Invite, AnswerInvite,
                      AskQuestion, AnswerQuestion, SetCoffee, SetAbsence, ClearAbsence, DismissInbox, Move)


class OfficeBehaviour:
    def __init__(self, directory: Directory, presence: PresenceBoard, hub: Hub, store: BehaviourStore,
                 clock: Clock) -> None:
        self.ctx = BehaviourContext(directory, presence, hub, store, clock)
        self.doors = DoorsAndKnocks(self.ctx)
        self.requests = PeopleRequests(self.ctx, self.doors)
        self._room_of: dict[str, str | None] = {}
        self._status_of: dict[str, Status] = {}

    # --- commands ---

    def handle(self, person_id: str, msg: Any) -> str:
        """Carry out one command; returns the answer frame."""
        ref = self._carry_out(person_id, msg)
        return Ack(reply_to=msg.id, ref=ref).model_dump_json()

    def _carry_out(self, me: str, msg: Any) -> str | None:
        d, r = self.doors, self.requests
        if isinstance(msg, Move):
            d._require_room(me, msg.room_id)
            if not d.may_walk_in(me, msg.room_id):
                raise Refused(ErrorCode.DOOR_CLOSED)
            d._walk_in(me, msg.room_id)
            return None
        if isinstance(msg, KnockOn):
            return d.go_to(me, msg.room_id)
        if isinstance(msg, AnswerKnock):
            d.answer(me, msg.knock_id, msg.answer, msg.minutes, msg.text)
        elif isinstance(msg, CancelKnock):
            d.cancel(me, msg.knock_id)
        elif isinstance(msg, LeaveMessage):
            d.leave_message(me, msg.knock_id, msg.text)
        elif isinstance(msg, SetDoor):
            d.set_door(me, msg.room_id, msg.state, msg.note)
        elif isinstance(msg, SetOfficeHours):
            d.set_office_hours(me, msg.room_id, msg.hours)
        elif isinstance(msg, Invite):
            return r.invite(me, msg.person_id)
        elif isinstance(msg, AnswerInvite):
            r.answer_invite(me, msg.invite_id, msg.accept)
        elif isinstance(msg, AskQuestion):
            return r.ask(me, msg.person_id, msg.text)
        elif isinstance(msg, AnswerQuestion):
            r.answer_question(me, msg.question_id, msg.text)
        elif isinstance(msg, SetCoffee):
            r.set_coffee(me, msg.wanted)
        elif isinstance(msg, SetAbsence):
            r.set_absence(me, msg.start, msg.end, msg.category, msg.deputy_id)
        elif isinstance(msg, ClearAbsence):
            r.clear_absence(me)
        elif isinstance(msg, DismissInbox):
            r.dismiss(me, msg.item_ids)
        else:
            raise TypeError(type(msg).__name__)
        return None

    # --- keeping in step ---

    def on_presence(self, presence: Presence) -> None:
        """Called for every presence change (after it was published)."""
        pid = presence.person_id
        offline = presence.status is Status.OFFLINE
        room = None if offline else presence.room_id
        before_room = self._room_of.get(pid)
        before_status = self._status_of.get(pid)
        self._room_of[pid] = room
        self._status_of[pid] = presence.status
        if offline:
            self._room_of.pop(pid, None)
            self._status_of.pop(pid, None)
        if before_room != room:
            self.doors.person_left(pid, room, offline)
            self.doors.knocks_moved_away(pid, room)
            self.requests.invitations_changed(self.requests.invites.host_left_room(pid, room))
            for changed_room in {before_room, room} - {None}:
                self.doors.room_changed(changed_room)  # type: ignore[arg-type]
        elif before_status != presence.status and room is not None:
            self.doors.room_changed(room)  # "nicht stören" changes who a knock rings for
        if offline:
            self.requests.invitations_changed(self.requests.invites.person_gone(pid))

    def tick(self) -> None:
        self.doors.tick()
        self.requests.invitations_changed(self.requests.invites.expire(self.ctx.now()))
        self.requests.expire_absences()

    async def run(self) -> None:
        while True:
            await asyncio.sleep(TICK_S)
            try:
                self.tick()
            except Exception:
                log.exception("office behaviour tick failed")

    def housekeep(self) -> None:
        self.ctx.store.purge(self.ctx.now())

    # --- snapshot for a (re)connecting client ---

    def welcome_extras(self, person_id: str) -> dict[str, Any]:
        org_id = self.ctx.directory.org_of(person_id)
        return {
            "doors": self.doors.doors_visible_to(org_id),
            "knocks": tuple(self.doors.book.open_for(person_id)),
            "invitations": tuple(self.requests.invites.open_for(person_id)),
            "questions": tuple(self.ctx.store.questions_of(person_id)),
            "absences": self.requests.absences_visible_to(person_id),
            "inbox": tuple(self.ctx.store.inbox_of(person_id)),
        }
