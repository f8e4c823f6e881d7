"""Council sessions and the virtual moderator: the commands, who hears what, and the clock.

One session per room at a time. Its state goes, whole, to everyone who takes part after every change:
the people in its room, the body's members, chair and minute-taker who are online, and whoever follows
it (a hall display). The rules are ``core.council``; this module checks who asks, stores what the minutes
need (store.py) and sends. A one-second clock tells everyone when a speaker's time or a timer runs out.

Secret votes: a ballot stores only that the person took part; the counts stay in memory until the vote
is closed and are written once (store.py says why that keeps them unlinkable). Nothing logs a choice.

In a cluster (``node_id`` given) this node runs the sessions it holds the lease of (``sessions``) and shows
the others' (across_nodes.py): their commands go to their owner, their states come from it.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from dvz_desktop.core.clock import Clock
from dvz_desktop.core.council.session import Body, CouncilRefused, CouncilSession
from dvz_desktop.core.council.votes import BallotRefused
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
    CouncilInfo,
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

from ...db import DatabaseError
from ...directory.visibility import Directory
from ...feature import Command, Feature, Refused, ack, error_frame, new_id
from ...net.http_routes import HttpRoute
from ...net.hub import Connection, Hub
from ..presence.board import PresenceBoard
from . import commands, public_page
from .across_nodes import CouncilNodes, Remote
from .attendance import AttendanceRecorder
from .audience import Audience
from .commands import OWNER_COMMANDS, REFUSALS, CouncilCommand
from .store import CouncilStore, RoomTaken, StoredSession
from .views import body_info, public_view, session_info

log = logging.getLogger(__name__)

class CouncilFeature(Feature):
    name = "council"

    def __init__(self, directory: Directory, presence: PresenceBoard, hub: Hub, store: CouncilStore, clock: Clock,
                 bodies: dict[str, Body], body_orgs: dict[str, str] | None = None, node_id: str | None = None
                 ) -> None:
        self.directory = directory
        #: The organisation of each body (its public page wears that organisation's name and colour).
        self.body_orgs = body_orgs or {}
        self.presence = presence
        self.hub = hub
        self.store = store
        self.clock = clock
        self.bodies = bodies
        #: The sessions this node runs (in a cluster: those it holds the lease of).
        self.sessions: dict[str, CouncilSession] = {}
        self._by_room: dict[str, str] = {}
        self.audience = Audience(directory, presence, hub)
        self.mute_flags: dict[str, bool] = {}
        self._room_of: dict[str, str] = {}
        #: Per session: (floor expired, timer over) as last announced, so the clock sends each once.
        self.announced: dict[str, tuple[bool, bool]] = {}
        self.recorder = AttendanceRecorder(store)
        #: Since when nobody has been in a session.
        self._empty_since: dict[str, datetime] = {}
        #: Told after every change of a session (the public's media follows public sessions).
        self.listeners: list[Callable[[CouncilSession], None]] = []
        #: "Nächste Wortmeldung" with the others muted: (session, chair, new speaker).
        self.mute_others: Callable[[CouncilSession, str, str], None] | None = None
        #: Cluster mode: the sessions other nodes run, the leases, the relays (wired by the application).
        self.nodes = CouncilNodes(self, store, node_id, self.audience, hub) if node_id else None
        if self.nodes is None:
            self._restore()  # one process: whatever ran before is this node's (in a cluster: the leases decide)

    def _restore(self) -> None:
        """Sessions still running when the backend stopped go on; a vote left open is void."""
        now = self.clock.now()
        if self.store.void_open_votes(now):
            log.info("council: votes left open by the last stop are void")
        self.store.close_open_stays(now)
        for stored in self.store.running():
            self._revive(stored)

    def _revive(self, stored: StoredSession) -> CouncilSession | None:
        body = self.bodies.get(stored.body_id) if stored.body_id else None
        if stored.body_id and body is None:
            return None  # the body is gone from the organisation file
        session = CouncilSession(stored.session_id, stored.room_id, stored.title, stored.moderators,
                                 stored.started_at, body, stored.public, stored.agenda, stored.current_item)
        session.notes.update(stored.notes)
        session.votes.results.extend(self.store.results_of(stored.session_id))
        session.voided.extend(self.store.voided_of(stored.session_id))
        self._add(session)
        return session

    def take_up(self, session_id: str) -> None:
        """This node took the session over from a lost node: the vote that was open there is void (its
        counts were in that node's memory only), the stays it had open end now, and whoever is in the room
        is entered anew."""
        now = self.clock.now()
        # Who the chair had marked as sitting in the hall still sits there (not seen by presence).
        in_hall = [p for p, mode, _, left in self.store.stays_of(session_id) if mode == "hall" and left is None]
        self.store.void_open_votes(now, session_id)
        self.store.close_open_stays(now, session_id)
        stored = self.store.running(session_id)
        session = self._revive(stored[0]) if stored else None
        if session is None:
            return
        for person in self.presence.online_in(session.room_id):
            self.recorder.enter(session, person.person_id, True, now)
        for person_id in in_hall:
            before = session.attendance.mode_of(person_id)
            session.mark_hall(next(iter(session.chairs)), person_id, True, now)  # as the chair had
            self.recorder.moved(session, person_id, before, now)
        self.recorder.quorum(session, now)
        self.publish(session)

    def give_up(self, session_id: str) -> None:
        """Another node runs the session now (this one stalled past its lease): forget it, keep followers."""
        session = self.sessions.get(session_id)
        if session is not None:
            self.forget_session(session, keep_followers=True)

    def _add(self, session: CouncilSession) -> None:
        self.sessions[session.session_id] = session
        self._by_room[session.room_id] = session.session_id

    def _seat(self, session_id: str) -> CouncilSession | Remote | None:
        return self.sessions.get(session_id) or (self.nodes.find(session_id) if self.nodes else None)

    def _remotes(self) -> list[Remote]:
        return list(self.nodes.remotes.values()) if self.nodes else []

    # --- who hears a session ---

    def may_see(self, person_id: str, session: CouncilSession | Remote) -> bool:
        return self.audience.may_see(person_id, session)

    def info_of(self, session: CouncilSession) -> CouncilInfo:
        return session_info(session, self.clock.now(), self.mute_flags.get(session.session_id, False))

    def sync(self, conn: Connection, msg: CouncilSync) -> str:
        """My bodies and the sessions I take part in (the client asks after every welcome)."""
        me = conn.username
        mine = tuple(body_info(b) for b in self.bodies.values() if me in b.members or me in (b.chair, b.minute_taker))
        self.hub.broadcast([conn], CouncilBodies(bodies=mine).model_dump_json())
        infos = [self.info_of(s) for s in self.sessions.values() if self.audience.concerns(me, s)]
        infos += [r.info for r in self._remotes() if r.info is not None and self.audience.concerns(me, r)]
        for info in infos:
            self.hub.broadcast([conn], CouncilState(session=info).model_dump_json())
        return ack(msg.id)

    def publish(self, session: CouncilSession) -> None:
        info = self.info_of(session)
        self.hub.broadcast(self.audience.of(session), CouncilState(session=info).model_dump_json())
        if self.nodes is not None:
            self.nodes.published(info)
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
        if msg.room_id in self._by_room or any(r.room_id == msg.room_id for r in self._remotes()):
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
        try:
            with self.store.transaction():  # the session and its lease at once: no other node takes it up
                if self.nodes is not None:
                    self.nodes.leases.take(session.session_id)
                self.store.add_session(session.session_id, session.room_id, msg.body_id, session.title,
                                       session.public, moderators, now)
        except RoomTaken:
            raise Refused(ErrorCode.COUNCIL_RUNNING) from None  # started through another node a moment ago
        self._add(session)
        for person in self.presence.online_in(msg.room_id):
            self.recorder.enter(session, person.person_id, True, now)
        self.recorder.quorum(session, now)
        self.publish(session)
        return ack(msg.id, ref=session.session_id)

    def carry_out(self, conn: Connection, msg: CouncilCommand) -> str | None:
        assert not isinstance(msg, CouncilStart)
        seat = self._seat(msg.session_id)
        if seat is None or not self.may_see(conn.username, seat):
            raise Refused(ErrorCode.COUNCIL_UNKNOWN)
        if isinstance(msg, CouncilFollow):  # hall displays follow through the node they are connected to
            self.audience.follow(seat.session_id, conn, msg.follow)
            info = self.info_of(seat) if isinstance(seat, CouncilSession) else seat.info
            if msg.follow and info is not None:
                self.hub.broadcast([conn], CouncilState(session=info).model_dump_json())
            return ack(msg.id)
        if isinstance(seat, Remote):
            assert self.nodes is not None
            self.nodes.ask(conn, seat, msg.id, msg.model_dump_json())
            return None  # the owner's answer follows
        frames: list[str] = []
        answer = self._carry_out(conn.username, seat, msg, frames.append)
        for frame in frames:
            self.hub.broadcast([conn], frame)
        return answer

    def answer_for(self, user: str, msg_json: str) -> tuple[list[str], str]:
        """A command relayed from another node's socket: the frames for the asker, and the answer."""
        kind = OWNER_COMMANDS.get(str(json.loads(msg_json).get("type")))
        if kind is None:
            return [], error_frame(ErrorCode.INTERNAL)
        msg = kind.model_validate_json(msg_json)
        frames: list[str] = []
        session = self.sessions.get(msg.session_id)
        try:
            if session is None or (self.nodes is not None and not self.nodes.leases.holds()):
                raise Refused(ErrorCode.COUNCIL_MOVING)
            if not self.may_see(user, session):
                raise Refused(ErrorCode.COUNCIL_UNKNOWN)
            return frames, self._carry_out(user, session, msg, frames.append)
        except Refused as refused:
            return [], error_frame(refused.code, msg.id)
        except DatabaseError:
            return [], error_frame(ErrorCode.STORAGE_UNAVAILABLE, msg.id)
        except Exception:
            log.exception("a council command relayed from another node failed")
            return [], error_frame(ErrorCode.INTERNAL, msg.id)

    def _carry_out(self, me: str, session: CouncilSession, msg: CouncilCommand, to_asker: Callable[[str], None]
                   ) -> str:
        if self.nodes is not None and not self.nodes.leases.holds():
            raise Refused(ErrorCode.COUNCIL_MOVING)  # this node stalled: the session may be another's now
        try:
            answer = commands.dispatch(self, me, session, msg, self.clock.now(), to_asker)
        except (CouncilRefused, BallotRefused) as refused:
            raise Refused(REFUSALS[refused.reason]) from None
        return answer if answer is not None else ack(msg.id)

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
        """What the public page shows: from the session if this node runs it, else from its last state."""
        session = self.public_session(body_id)
        info = self.info_of(session) if session is not None else self.remote_public_info(body_id)
        return public_view(info, self.bodies[body_id].name)

    def remote_public_info(self, body_id: str) -> CouncilInfo | None:
        """The last state of the body's public session when another node runs it."""
        return next((r.info for r in self._remotes() if r.body is not None and r.body.body_id == body_id
                     and r.public and r.info is not None), None)

    # --- the clock, and forgetting ---

    async def run(self) -> None:
        while True:
            await asyncio.sleep(1.0)
            try:
                if self.nodes is not None:
                    self.nodes.step()  # leases first: the clock runs only for sessions this node still runs
                self.tick(self.clock.now())
            except DatabaseError:
                log.warning("council: the database is unreachable; leases are renewed once it answers")
            except Exception:
                log.exception("council clock failed")

    def tick(self, now: datetime) -> None:
        """Tell everyone once when a speaker's time or a timer has run out."""
        for session in list(self.sessions.values()):
            floor, timer = session.speakers.floor, session.timer
            state = (floor is not None and floor.expired(now), timer is not None and timer.over(now))
            if state != self.announced.get(session.session_id, (False, False)):
                self.announced[session.session_id] = state
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
                if self.nodes is not None:
                    self.nodes.leases.release(sid)
                self.publish(session)
                self.forget_session(session)

    def forget(self, conn: Connection) -> None:
        self.audience.forget(conn)

    def forget_session(self, session: CouncilSession, keep_followers: bool = False) -> None:
        sid = session.session_id
        self.sessions.pop(sid, None)
        self._by_room.pop(session.room_id, None)
        if not keep_followers:
            self.audience.forget_session(sid)
        self.mute_flags.pop(sid, None)
        self.announced.pop(sid, None)
        self.recorder.forget(sid)
        self._empty_since.pop(sid, None)
