"""Office behaviour as a feature: going to rooms (walking in or knocking), doors and office hours,
invitations, quick questions, absences and the coffee flag.

Each command is answered with an ``ack`` (with the id of what it created: a knock, an invitation, a
question) or an ``error``; ``on_presence`` keeps knocks, invitations and doors in step with who is where;
``run`` ticks once a second to end what timed out; the welcome carries what a (re)connecting client needs
to show the current state.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from dvz_desktop.protocol import (
    AnswerInvite,
    AnswerKnock,
    AnswerQuestion,
    AskQuestion,
    CancelKnock,
    ClearAbsence,
    ErrorCode,
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

from ...feature import Command, Feature, Refused, WelcomePart, ack
from ...net.hub import Connection
from .context import BehaviourContext
from .knocking import DoorsAndKnocks
from .requests import PeopleRequests

log = logging.getLogger(__name__)

TICK_S = 1.0


class BehaviourFeature(Feature):
    name = "behaviour"

    def __init__(self, ctx: BehaviourContext) -> None:
        self.ctx = ctx
        self.doors = DoorsAndKnocks(ctx)
        self.requests = PeopleRequests(ctx, self.doors)
        self._room_of: dict[str, str | None] = {}
        self._status_of: dict[str, Status] = {}

    # --- commands ---

    def commands(self) -> Sequence[Command[Any]]:
        return (
            Command(Move, self.move), Command(KnockOn, self.knock), Command(AnswerKnock, self.answer_knock),
            Command(CancelKnock, self.cancel_knock), Command(LeaveMessage, self.leave_message),
            Command(SetDoor, self.set_door), Command(SetOfficeHours, self.set_office_hours),
            Command(Invite, self.invite), Command(AnswerInvite, self.answer_invite),
            Command(AskQuestion, self.ask), Command(AnswerQuestion, self.answer_question),
            Command(SetCoffee, self.set_coffee), Command(SetAbsence, self.set_absence),
            Command(ClearAbsence, self.clear_absence),
        )

    def move(self, conn: Connection, msg: Move) -> str:
        me, doors = conn.username, self.doors
        doors.require_room(me, msg.room_id)
        if not doors.may_walk_in(me, msg.room_id):
            raise Refused(ErrorCode.DOOR_CLOSED)
        doors.walk_in(me, msg.room_id)
        return ack(msg.id)

    def knock(self, conn: Connection, msg: KnockOn) -> str:
        return ack(msg.id, self.doors.go_to(conn.username, msg.room_id))

    def answer_knock(self, conn: Connection, msg: AnswerKnock) -> str:
        self.doors.answer(conn.username, msg.knock_id, msg.answer, msg.minutes, msg.text)
        return ack(msg.id)

    def cancel_knock(self, conn: Connection, msg: CancelKnock) -> str:
        self.doors.cancel(conn.username, msg.knock_id)
        return ack(msg.id)

    def leave_message(self, conn: Connection, msg: LeaveMessage) -> str:
        self.doors.leave_message(conn.username, msg.knock_id, msg.text)
        return ack(msg.id)

    def set_door(self, conn: Connection, msg: SetDoor) -> str:
        self.doors.set_door(conn.username, msg.room_id, msg.state, msg.note)
        return ack(msg.id)

    def set_office_hours(self, conn: Connection, msg: SetOfficeHours) -> str:
        self.doors.set_office_hours(conn.username, msg.room_id, msg.hours)
        return ack(msg.id)

    def invite(self, conn: Connection, msg: Invite) -> str:
        return ack(msg.id, self.requests.invite(conn.username, msg.person_id))

    def answer_invite(self, conn: Connection, msg: AnswerInvite) -> str:
        self.requests.answer_invite(conn.username, msg.invite_id, msg.accept)
        return ack(msg.id)

    def ask(self, conn: Connection, msg: AskQuestion) -> str:
        return ack(msg.id, self.requests.ask(conn.username, msg.person_id, msg.text))

    def answer_question(self, conn: Connection, msg: AnswerQuestion) -> str:
        self.requests.answer_question(conn.username, msg.question_id, msg.text)
        return ack(msg.id)

    def set_coffee(self, conn: Connection, msg: SetCoffee) -> str:
        self.requests.set_coffee(conn.username, msg.wanted)
        return ack(msg.id)

    def set_absence(self, conn: Connection, msg: SetAbsence) -> str:
        self.requests.set_absence(conn.username, msg.start, msg.end, msg.category, msg.deputy_id)
        return ack(msg.id)

    def clear_absence(self, conn: Connection, msg: ClearAbsence) -> str:
        self.requests.clear_absence(conn.username)
        return ack(msg.id)

    # --- keeping in step ---

    def on_presence(self, presence: Presence) -> None:
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
            for changed_room in (before_room, room):
                if changed_room is not None:
                    self.doors.room_changed(changed_room)
        elif before_status != presence.status and room is not None:
            self.doors.room_changed(room)  # "nicht stören" changes who a knock rings for
        if offline:
            self.requests.invitations_changed(self.requests.invites.person_gone(pid))

    # --- the other nodes of a cluster ---

    def deliver_relayed(self, kind: str, payload: str) -> None:
        """What another node changed (``ctx.elsewhere``): taken over here and told to this node's sockets."""
        handlers = {"knock": self.doors.knock_relayed, "door": self.doors.door_relayed,
                    "invite": self.requests.invite_relayed, "question": self.requests.question_relayed,
                    "absence": self.requests.absence_relayed}
        try:
            handlers[kind](payload)
        except Exception:  # one bad event must not stop the cluster's reader
            log.exception("office behaviour from another node (%s) could not be applied", kind)

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

    def housekeep(self, now: datetime) -> None:
        self.ctx.store.purge(now)

    # --- snapshot for a (re)connecting client ---

    def welcome(self, conn: Connection) -> WelcomePart:
        person_id = conn.username
        return WelcomePart({
            "doors": self.doors.doors_visible_to(conn.org_id),
            "knocks": tuple(self.doors.book.open_for(person_id)),
            "invitations": tuple(self.requests.invites.open_for(person_id)),
            "questions": tuple(self.ctx.store.questions_of(person_id)),
            "absences": self.requests.absences_visible_to(person_id),
        })
