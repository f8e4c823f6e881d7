"""Council sessions and the virtual moderator: the commands, who hears what, and the clock.

One session per room at a time. Its state goes, whole, to everyone who takes part after every change:
the people in its room, the body's members, chair and minute-taker who are online, and whoever follows
it (a hall display). The rules are ``core.council``; this module checks who asks, stores what the minutes
need (store.py) and sends. A one-second clock tells everyone when a speaker's time or a timer runs out.

Secret votes: a ballot stores only that the person took part; the counts stay in memory until the vote
is closed and are written once (store.py says why that keeps them unlinkable). Nothing logs a choice.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from dvz_desktop.core.clock import Clock
from dvz_desktop.core.council.profiles import VoteKind
from dvz_desktop.core.council.session import Body, CouncilRefused, CouncilSession
from dvz_desktop.core.council.votes import BallotRefused, Choice
from dvz_desktop.protocol import (
    CouncilAgenda,
    CouncilAttend,
    CouncilBallot,
    CouncilBodies,
    CouncilEnd,
    CouncilFloor,
    CouncilFollow,
    CouncilGoTo,
    CouncilHand,
    CouncilMinutesGet,
    CouncilNotes,
    CouncilReorder,
    CouncilStart,
    CouncilState,
    CouncilSync,
    CouncilTimer,
    CouncilVoteClose,
    CouncilVoteOpen,
    ErrorCode,
    Presence,
    Status,
)

from ...directory.visibility import Directory
from ...feature import Command, Feature, Refused, ack, new_id
from ...net.http_routes import HttpRoute
from ...net.hub import Connection, Hub
from ..presence.board import PresenceBoard
from . import moderation, public_page
from .attendance import AttendanceRecorder
from .minutes import minutes_of
from .store import CouncilStore
from .views import body_info, public_view, session_info

log = logging.getLogger(__name__)

REFUSALS: dict[str, ErrorCode] = {
    CouncilRefused.NOT_CHAIR: ErrorCode.COUNCIL_NOT_CHAIR,
    CouncilRefused.NOT_MINUTE_TAKER: ErrorCode.COUNCIL_NOT_CHAIR,
    CouncilRefused.NOT_PRESENT: ErrorCode.COUNCIL_NOT_PRESENT,
    CouncilRefused.NO_BODY: ErrorCode.COUNCIL_INVALID,
    CouncilRefused.UNKNOWN_ITEM: ErrorCode.COUNCIL_INVALID,
    CouncilRefused.UNKNOWN_PERSON: ErrorCode.UNKNOWN_PERSON,
    CouncilRefused.BAD_ORDER: ErrorCode.COUNCIL_INVALID,
    CouncilRefused.BAD_TIME: ErrorCode.COUNCIL_INVALID,
    CouncilRefused.ENDED: ErrorCode.COUNCIL_UNKNOWN,
    BallotRefused.NO_VOTE: ErrorCode.VOTE_NONE,
    BallotRefused.VOTE_RUNNING: ErrorCode.VOTE_RUNNING,
    BallotRefused.NOT_ELIGIBLE: ErrorCode.VOTE_NOT_ELIGIBLE,
    BallotRefused.NOT_PRESENT: ErrorCode.COUNCIL_NOT_PRESENT,
    BallotRefused.REMOTE_EXCLUDED: ErrorCode.VOTE_REMOTE_EXCLUDED,
    BallotRefused.ALREADY_VOTED: ErrorCode.VOTE_ALREADY_CAST,
    BallotRefused.NO_ABSTENTION: ErrorCode.VOTE_NO_ABSTENTION,
}

CouncilCommand = (CouncilStart | CouncilEnd | CouncilFollow | CouncilAgenda | CouncilGoTo | CouncilHand | CouncilFloor |
                  CouncilReorder | CouncilTimer | CouncilAttend | CouncilVoteOpen | CouncilBallot | CouncilVoteClose |
                  CouncilNotes | CouncilMinutesGet)


class CouncilFeature(Feature):
    name = "council"

    def __init__(self, directory: Directory, presence: PresenceBoard, hub: Hub, store: CouncilStore, clock: Clock,
                 bodies: dict[str, Body], body_orgs: dict[str, str] | None = None) -> None:
        self.directory = directory
        #: The organisation of each body (its public page wears that organisation's name and colour).
        self.body_orgs = body_orgs or {}
        self.presence = presence
        self.hub = hub
        self.store = store
        self.clock = clock
        self.bodies = bodies
        self.sessions: dict[str, CouncilSession] = {}
        self._by_room: dict[str, str] = {}
        self._followers: dict[str, set[Connection]] = {}
        self._mute_others: dict[str, bool] = {}
        self._room_of: dict[str, str] = {}
        #: Per session: (floor expired, timer over) as last announced, so the clock sends each once.
        self._announced: dict[str, tuple[bool, bool]] = {}
        self.recorder = AttendanceRecorder(store)
        #: Since when nobody has been in a session.
        self._empty_since: dict[str, datetime] = {}
        #: Told after every change of a session (the public's media follows public sessions).
        self.listeners: list[Callable[[CouncilSession], None]] = []
        #: "Nächste Wortmeldung" with the others muted: (session, chair, new speaker).
        self.mute_others: Callable[[CouncilSession, str, str], None] | None = None
        self._restore()

    def _restore(self) -> None:
        """Sessions still running when the backend stopped go on; a vote left open is void."""
        now = self.clock.now()
        if self.store.void_open_votes():
            log.info("council: votes left open by the last stop are void")
        self.store.close_open_stays(now)
        for stored in self.store.running():
            body = self.bodies.get(stored.body_id) if stored.body_id else None
            if stored.body_id and body is None:
                continue  # the body is gone from the organisation file
            session = CouncilSession(stored.session_id, stored.room_id, stored.title, stored.moderators,
                                     stored.started_at, body, stored.public, stored.agenda, stored.current_item)
            session.notes.update(stored.notes)
            session.votes.results.extend(self.store.results_of(stored.session_id))
            self._add(session)

    def _add(self, session: CouncilSession) -> None:
        self.sessions[session.session_id] = session
        self._by_room[session.room_id] = session.session_id
        self._followers[session.session_id] = set()

    # --- who hears a session ---

    def audience(self, session: CouncilSession) -> set[Connection]:
        people = {p.person_id for p in self.presence.online_in(session.room_id)} | set(session.moderators)
        if session.body is not None:
            body = session.body
            people |= body.members | {body.chair} | ({body.minute_taker} if body.minute_taker else set())
        conns = {c for person in people for c in self.hub.connections_of(person)}
        return conns | self._followers.get(session.session_id, set())

    def may_see(self, person_id: str, session: CouncilSession) -> bool:
        if session.body is not None:
            body = session.body
            if person_id in body.members or person_id in (body.chair, body.minute_taker):
                return True
        if person_id in session.moderators or self.presence.get(person_id).room_id == session.room_id:
            return True
        room = self.directory.rooms.get(session.room_id)
        # A public session: every colleague of the room's organisation may follow it (citizens: the page).
        return session.public and room is not None and self.directory.org_of(person_id) == room.org_id

    def sync(self, conn: Connection, msg: CouncilSync) -> str:
        """My bodies and the sessions I take part in (the client asks after every welcome)."""
        now, me = self.clock.now(), conn.username
        mine = tuple(body_info(b) for b in self.bodies.values() if me in b.members or me in (b.chair, b.minute_taker))
        self.hub.broadcast([conn], CouncilBodies(bodies=mine).model_dump_json())
        for session in self.sessions.values():
            if self._concerns(me, session):
                mute = self._mute_others.get(session.session_id, False)
                self.hub.broadcast([conn], CouncilState(session=session_info(session, now, mute)).model_dump_json())
        return ack(msg.id)

    def _concerns(self, person: str, session: CouncilSession) -> bool:
        body = session.body
        return person in session.moderators or self.presence.get(person).room_id == session.room_id or (
            body is not None and (person in body.members or person in (body.chair, body.minute_taker)))

    def publish(self, session: CouncilSession) -> None:
        frame = CouncilState(session=session_info(session, self.clock.now(),
                                                  self._mute_others.get(session.session_id, False)))
        self.hub.broadcast(self.audience(session), frame.model_dump_json())
        for listener in self.listeners:
            listener(session)

    # --- commands ---

    def commands(self) -> Sequence[Command[Any]]:
        return (Command(CouncilStart, self.start), Command(CouncilSync, self.sync),
                *(Command[Any](kind, self.carry_out) for kind in (
            CouncilEnd, CouncilFollow, CouncilAgenda, CouncilGoTo, CouncilHand, CouncilFloor, CouncilReorder,
            CouncilTimer, CouncilAttend, CouncilVoteOpen, CouncilBallot, CouncilVoteClose, CouncilNotes,
            CouncilMinutesGet)))

    def start(self, conn: Connection, msg: CouncilStart) -> str:
        me, now = conn.username, self.clock.now()
        place = self.directory.rooms.get(msg.room_id)
        if place is None or not place.visible_to(self.directory.org_of(me)):
            raise Refused(ErrorCode.UNKNOWN_ROOM)
        if self.presence.get(me).room_id != msg.room_id:
            raise Refused(ErrorCode.NOT_IN_ROOM)
        if msg.room_id in self._by_room:
            raise Refused(ErrorCode.COUNCIL_RUNNING)
        body = None
        if msg.body_id is not None:
            body = self.bodies.get(msg.body_id)
            if body is None:
                raise Refused(ErrorCode.COUNCIL_INVALID)
            if me != body.chair:
                raise Refused(ErrorCode.COUNCIL_NOT_CHAIR)
        owner = self.directory.rooms[msg.room_id].room.owner_id
        moderators = frozenset({me} | ({owner} if owner else set()))
        session = CouncilSession(new_id("s"), msg.room_id, msg.title, moderators, now, body, msg.public)
        self.store.add_session(session.session_id, session.room_id, msg.body_id, session.title, session.public,
                               moderators, now)
        self._add(session)
        for person in self.presence.online_in(msg.room_id):
            self.recorder.enter(session, person.person_id, True, now)
        self.recorder.quorum(session, now)
        self.publish(session)
        return ack(msg.id, ref=session.session_id)

    def carry_out(self, conn: Connection, msg: CouncilCommand) -> str | None:
        assert not isinstance(msg, CouncilStart)
        session = self.sessions.get(msg.session_id)
        me, now = conn.username, self.clock.now()
        if session is None or not self.may_see(me, session):
            raise Refused(ErrorCode.COUNCIL_UNKNOWN)
        try:
            answer = self._dispatch(conn, session, msg, now)
        except (CouncilRefused, BallotRefused) as refused:
            raise Refused(REFUSALS[refused.reason]) from None
        return answer if answer is not None else ack(msg.id)

    def _dispatch(self, conn: Connection, session: CouncilSession, msg: CouncilCommand, now: datetime) -> str | None:
        me, sid = conn.username, session.session_id
        match msg:
            case CouncilFollow():
                (self._followers[sid].add if msg.follow else self._followers[sid].discard)(conn)
                if msg.follow:
                    frame = CouncilState(session=session_info(session, now, self._mute_others.get(sid, False)))
                    self.hub.broadcast([conn], frame.model_dump_json())
                return None
            case CouncilMinutesGet():
                if session.body is None or me not in (session.body.chair, session.body.minute_taker):
                    raise CouncilRefused(CouncilRefused.NOT_MINUTE_TAKER)
                # The draft goes first on this socket, then the ack: the asker has it when the ack arrives.
                self.hub.broadcast([conn], minutes_of(self.store, self.directory, session).model_dump_json())
                return None
            case CouncilEnd():
                session.end(me, now)
                self.store.end_session(sid, now)
                self.publish(session)
                self._forget_session(session)
                return None
            case CouncilAgenda():
                items = moderation.agenda_of(msg)
                session.set_agenda(me, items)
                self.store.set_agenda(sid, items)
            case CouncilGoTo():
                session.go_to_item(me, msg.index, now)
                self.store.set_current_item(sid, msg.index)
            case CouncilHand():
                moderation.hand(session, me, msg, now)
            case CouncilFloor():
                floor = moderation.move_floor(session, me, msg, now)
                if msg.action in ("next", "give"):
                    self._mute_others[sid] = msg.mute_others and floor is not None
                    if msg.mute_others and floor is not None and self.mute_others is not None:
                        self.mute_others(session, me, floor.person_id)  # at the media server (meeting_link.py)
                if floor is not None:
                    self.store.speech(sid, session.current_item, floor.person_id, floor.kind.value, floor.since)
                self._announced.pop(sid, None)
            case CouncilReorder():
                session.reorder(me, list(msg.order))
            case CouncilTimer():
                moderation.timer(session, me, msg, now)
                self._announced.pop(sid, None)
            case CouncilAttend():
                if msg.person_id not in self.directory.people:
                    raise CouncilRefused(CouncilRefused.UNKNOWN_PERSON)
                before = session.attendance.mode_of(msg.person_id)
                session.mark_hall(me, msg.person_id, msg.in_hall, now)
                self.recorder.moved(session, msg.person_id, before, now)
                self.recorder.quorum(session, now)
            case CouncilVoteOpen():
                vote_id = new_id("v")
                vote = session.open_vote(me, vote_id, VoteKind(msg.kind), msg.question, now, msg.election)
                self.store.open_vote(sid, vote_id, msg.kind, msg.question, msg.election, vote.agenda_index, now)
                self.publish(session)
                return ack(msg.id, ref=vote_id)
            case CouncilBallot():
                active = session.votes.active
                if active is None or active.vote_id != msg.vote_id:
                    raise BallotRefused(BallotRefused.NO_VOTE)
                session.cast(me, Choice(msg.choice))
                self.store.took_part(msg.vote_id, me, msg.choice if active.kind is VoteKind.NAMED else None)
            case CouncilVoteClose():
                result = session.close_vote(me, now)
                self.store.close_vote(result)
            case CouncilNotes():
                session.write_notes(me, msg.item_index, msg.text)
                self.store.set_notes(sid, msg.item_index, msg.text)
                return None  # the notes are not part of the live state
        self.publish(session)
        return None

    # --- presence: remote attendance, lost connections, quorum ---

    def on_presence(self, presence: Presence) -> None:
        person, now = presence.person_id, self.clock.now()
        offline = presence.status is Status.OFFLINE
        new_room = None if offline else presence.room_id
        old_room = self._room_of.get(person)
        if new_room == old_room:
            return
        if new_room is None:
            self._room_of.pop(person, None)
        else:
            self._room_of[person] = new_room
        if old_room is not None and old_room in self._by_room:
            session = self.sessions[self._by_room[old_room]]
            if offline:
                self.recorder.lost(session, person, now)
            else:
                self.recorder.enter(session, person, False, now)
            self.recorder.quorum(session, now)
            self.publish(session)
        if new_room is not None and new_room in self._by_room:
            session = self.sessions[self._by_room[new_room]]
            self.recorder.enter(session, person, True, now)
            self.recorder.quorum(session, now)
            self.publish(session)

    # --- the public page ---

    def page_route(self) -> HttpRoute:
        return public_page.route(self._public_names, self.public_stand)

    def _public_names(self, body_id: str) -> tuple[str, str, str | None] | None:
        body = self.bodies.get(body_id)
        org = next((o for o in self.directory.organisations if o.id == self.body_orgs.get(body_id)), None)
        if body is None or org is None:
            return None
        return body.name, org.name, org.accent_color

    def public_session(self, body_id: str) -> CouncilSession | None:
        return next((s for s in self.sessions.values()
                     if s.body is not None and s.body.body_id == body_id and s.public and s.ended_at is None), None)

    def public_stand(self, body_id: str) -> dict[str, object]:
        return public_view(self.public_session(body_id), self.bodies[body_id].name)

    # --- the clock, and forgetting ---

    async def run(self) -> None:
        while True:
            await asyncio.sleep(1.0)
            try:
                self.tick(self.clock.now())
            except Exception:
                log.exception("council clock failed")

    def tick(self, now: datetime) -> None:
        """Tell everyone once when a speaker's time or a timer has run out."""
        for session in list(self.sessions.values()):
            floor, timer = session.speakers.floor, session.timer
            state = (floor is not None and floor.expired(now), timer is not None and timer.over(now))
            if state != self._announced.get(session.session_id, (False, False)):
                self._announced[session.session_id] = state
                if any(state):
                    self.publish(session)

    def housekeep(self, now: datetime) -> None:
        """A session nobody has been in for a while ends by itself (a forgotten one would block its room)."""
        for session in list(self.sessions.values()):
            sid = session.session_id
            if session.attendance.present() or self.presence.online_in(session.room_id):
                self._empty_since.pop(sid, None)
                continue
            since = self._empty_since.setdefault(sid, now)
            if now - since >= session.abandoned_after():
                session.close(now)
                self.store.end_session(sid, now)
                self.publish(session)
                self._forget_session(session)

    def forget(self, conn: Connection) -> None:
        for followers in self._followers.values():
            followers.discard(conn)

    def _forget_session(self, session: CouncilSession) -> None:
        sid = session.session_id
        self.sessions.pop(sid, None)
        self._by_room.pop(session.room_id, None)
        self._followers.pop(sid, None)
        self._mute_others.pop(sid, None)
        self._announced.pop(sid, None)
        self.recorder.forget(sid)
        self._empty_since.pop(sid, None)
