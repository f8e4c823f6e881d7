"""The digital door on the backend: queues per service desk, guests from the browser, and the staff who
admit, talk to, hand over and end visits.

A guest holds a short-lived token for one visit at one desk. Guests only ever reach the backend through
the guest socket (see guest_socket.py) and only with guest messages; what they send goes to the clerk
who admitted them and nowhere else.

Several nodes (cluster mode): the queue is the database's, admitting is decided there; see shared.py.
"""

from __future__ import annotations

import json
import logging
import secrets
from collections.abc import Callable
from datetime import datetime, timedelta

from dvz_desktop.core.clock import Clock
from dvz_desktop.core.doors import within_office_hours
from dvz_desktop.protocol import ErrorCode, IceServer, InboxKind
from dvz_desktop.protocol.door import (
    DeskInfo,
    DeskQueue,
    GuestJoin,
    GuestLine,
    GuestSignalEvent,
    GuestState,
    VisitEvent,
    WaitingGuest,
)

from ...directory.visibility import Directory
from ...feature import Refused, new_id
from ...net.hub import Hub
from ...net.limits import TokenBucket
from ..inbox.feature import InboxFeature
from ..presence.board import PresenceBoard
from .desks import OFFICE_TZ, Desk, guest_error
from .store import DoorStore, Visit

log = logging.getLogger(__name__)

#: A guest token is good for one visit and at most this long.
TOKEN_TTL = timedelta(hours=3)
MAX_QUEUE = 200
#: A guest without a socket (page closed, connection lost, backend restarted) keeps their place this
#: long; then they have left. The page reconnects by itself well within it; the server pings every 20 s,
#: so a page that vanished without closing is noticed within 40 s.
GUEST_GRACE = timedelta(seconds=90)
#: Joins and requests per address: a burst of 5, then one every two minutes.
JOINS_PER_MINUTE = 0.5
JOIN_BURST = 5


class GuestLink:
    """One guest's socket as the door service sees it: a way to send, and a way to close."""

    def __init__(self, send: Callable[[str], None], close: Callable[[], None]) -> None:
        self.send = send
        self.close = close
        self.visit_id: str | None = None


class DoorService:
    """Desks, their queues and visits; what guests do (from guest_socket.py) and what clerks do (from
    feature.py)."""

    def __init__(self, directory: Directory, presence: PresenceBoard, hub: Hub, inbox: InboxFeature, clock: Clock,
                 store: DoorStore, desks: list[Desk], ice_servers: tuple[IceServer, ...] = (),
                 retention: timedelta = timedelta(hours=24)) -> None:
        self.directory = directory
        self.presence = presence
        self.hub = hub
        self.inbox = inbox
        self.clock = clock
        self.store = store
        self.desks = {d.desk_id: d for d in desks}
        self.ice_servers = ice_servers
        self.retention = retention
        self.visits: dict[str, Visit] = {}
        self.guests: dict[str, GuestLink] = {}  # visit id -> the guest's socket
        self._by_address: dict[str, TokenBucket] = {}
        #: Open visits whose guest has no socket here, since when (see GUEST_GRACE).
        self.gone_since: dict[str, datetime] = {}
        #: Cluster mode: tells the other nodes (kind, payload); see shared.py. Nothing on one node.
        self.elsewhere: Callable[[str, str], None] = lambda kind, payload: None
        self._restore()

    def _restore(self) -> None:
        """After a restart: every open visit back in its desk's queue, in the order of arrival; their
        guests come back with their token within the grace period, or have left."""
        now = self.clock.now()
        for visit in self.store.open_visits(now):
            desk = self.desks.get(visit.desk_id)
            if desk is None:  # the desk is gone from the organisation file
                visit.state = "ended"
                self.store.update(visit, now)
                continue
            self.visits[visit.visit_id] = visit
            desk.queue.append(visit.visit_id)
            self.gone_since[visit.visit_id] = now

    # --- desks ---

    def desk_info(self, desk: Desk) -> DeskInfo:
        waiting = sum(1 for v in desk.queue if self.visits[v].state == "waiting")
        return DeskInfo(desk_id=desk.desk_id, name=desk.name, room_id=desk.room_id, office_hours=desk.hours,
                        open_now=self.is_open(desk), waiting=waiting,
                        estimated_minutes=self.estimate(desk, waiting + 1))

    def is_open(self, desk: Desk) -> bool:
        return within_office_hours(desk.hours, self.clock.now().astimezone(OFFICE_TZ))

    def estimate(self, desk: Desk, position: int) -> int:
        online = sum(1 for person in desk.staff if self.presence.reachable(person)) or 1
        return (position - 1) * desk.minutes_per_visit // online

    def desks_of(self, username: str) -> list[Desk]:
        return [d for d in self.desks.values() if username in d.staff]

    def refresh(self, desk: Desk) -> bool:
        """Read the desk's queue from the database (other nodes' guests and admissions); True if it changed."""
        before = [(v, self.visits[v].state, self.visits[v].clerk) for v in desk.queue]
        fresh = self.store.open_visits_of(desk.desk_id, self.clock.now())
        for visit_id in desk.queue:
            if self.visits[visit_id].desk_id == desk.desk_id:
                self.visits[visit_id].state = "ended"  # unless the database still has it open (below)
        for visit in fresh:
            self.visits.setdefault(visit.visit_id, visit).take(visit)
        known_order = {v: n for n, v in enumerate(desk.queue)}  # for guests who came in the same instant
        fresh.sort(key=lambda v: (v.queued_at, known_order.get(v.visit_id, len(known_order))))
        desk.queue[:] = [v.visit_id for v in fresh]
        return before != [(v, self.visits[v].state, self.visits[v].clerk) for v in desk.queue]

    def changed(self, desk: Desk) -> None:
        """The desk's queue changed here: shown to its staff and waiting guests, here and on the other nodes."""
        self.publish(desk)
        self.elsewhere("desk", desk.desk_id)

    def to_guest(self, visit_id: str, frame: str) -> None:
        link = self.guests.get(visit_id)
        if link is not None:
            link.send(frame)
        else:
            self.elsewhere("guest", json.dumps({"visit_id": visit_id, "frame": frame}))

    def to_clerk(self, clerk: str, frame: str) -> None:
        self.hub.send_to(clerk, frame)
        self.elsewhere("clerk", json.dumps({"clerk": clerk, "frame": frame}))

    def publish(self, desk: Desk) -> None:
        """The queue to the desk's staff, and each waiting guest their place."""
        position = 0
        for visit_id in desk.queue:
            visit = self.visits[visit_id]
            if visit.state != "waiting":
                continue
            position += 1
            if visit_id in self.guests:
                state = GuestState(state="waiting", desk_name=desk.name, position=position,
                                   estimated_minutes=self.estimate(desk, position))
                self.guests[visit_id].send(state.model_dump_json())
        payload = self.queue_frame(desk)
        for person in desk.staff:
            self.hub.send_to(person, payload)

    def queue_frame(self, desk: Desk) -> str:
        guests = []
        position = 0
        for visit_id in desk.queue:
            visit = self.visits[visit_id]
            if visit.state == "waiting":
                position += 1
            guests.append(WaitingGuest(visit_id=visit_id, name=visit.name, concern=visit.concern,
                                       since=visit.queued_at, position=position if visit.state == "waiting" else 0,
                                       clerk_id=visit.clerk, room_id=visit.room_id))
        return DeskQueue(desk=self.desk_info(desk), guests=tuple(guests)).model_dump_json()

    # --- guests ---

    def allowed(self, address: str) -> bool:
        bucket = self._by_address.get(address)
        if bucket is None:
            bucket = self._by_address[address] = TokenBucket(JOINS_PER_MINUTE / 60.0, JOIN_BURST)
        return bucket.take()

    def join(self, link: GuestLink, msg: GuestJoin, address: str) -> None:
        desk = self.desks.get(msg.desk_id)
        if desk is None:
            link.send(guest_error("unknown_desk"))
        elif not msg.privacy_accepted:
            link.send(guest_error("privacy"))
        elif not self.is_open(desk):
            link.send(guest_error("closed"))
        elif not self.allowed(address):
            link.send(guest_error("rate_limited"))
        elif len(desk.queue) >= MAX_QUEUE:
            link.send(guest_error("queue_full"))
        else:
            now = self.clock.now()
            token = secrets.token_urlsafe(32)
            visit = Visit(new_id("v"), desk.desk_id, msg.name.strip(), msg.concern.strip(), now,
                          now + TOKEN_TTL, "waiting")
            self.store.add(visit, token)
            self.visits[visit.visit_id] = visit
            desk.queue.append(visit.visit_id)
            link.visit_id = visit.visit_id
            self.guests[visit.visit_id] = link
            link.send(GuestState(state="waiting", token=token, desk_name=desk.name).model_dump_json())
            self.changed(desk)

    def resume(self, link: GuestLink, token: str) -> None:
        stored = self.store.by_token(token)  # perhaps queued through another node
        if stored is not None and stored.desk_id in self.desks and stored.state != "ended":
            self.refresh(self.desks[stored.desk_id])
        visit = self.visits.get(stored.visit_id) if stored else None
        if visit is None or visit.state == "ended" or visit.expires_at <= self.clock.now():
            link.send(guest_error("visit_over"))
            link.close()
            return
        old = self.guests.get(visit.visit_id)
        if old is not None and old is not link:
            old.close()  # one browser tab per visit
        elif old is None:
            self.elsewhere("guest-close", visit.visit_id)  # a tab still open through another node
        link.visit_id = visit.visit_id
        self.guests[visit.visit_id] = link
        self.gone_since.pop(visit.visit_id, None)
        self.store.seen([visit.visit_id], self.clock.now())
        desk = self.desks[visit.desk_id]
        if visit.state == "admitted":
            link.send(self._admitted_state(visit, desk))
        self.publish(desk)

    def guest_says(self, link: GuestLink, body: str) -> None:
        visit = self._admitted_visit_of(link)
        if visit is None or visit.state != "admitted" or visit.clerk is None:
            link.send(guest_error("not_admitted"))
            return
        now = self.clock.now()
        self.store.say(visit.visit_id, "guest", body, now)
        link.send(GuestLine(sender="guest", body=body, at=now).model_dump_json())
        self.to_clerk(visit.clerk, VisitEvent(visit_id=visit.visit_id, kind="say", at=now,
                                              body=body).model_dump_json())

    def guest_signal(self, link: GuestLink, sdp_type: str, sdp: str) -> None:
        visit = self._admitted_visit_of(link)
        if visit is None or visit.state != "admitted" or visit.clerk is None:
            link.send(guest_error("not_admitted"))
            return
        event = VisitEvent(visit_id=visit.visit_id, kind="signal", at=self.clock.now(), sdp_type=sdp_type, sdp=sdp,
                           ice_servers=self.ice_servers)
        self.to_clerk(visit.clerk, event.model_dump_json())

    def guest_gone(self, link: GuestLink, leaving: bool) -> None:
        """The guest left (``leaving``) or closed the page; a closed page may come back with its token."""
        visit = self._visit_of(link)
        if visit is None or self.guests.get(visit.visit_id) is not link:
            return
        del self.guests[visit.visit_id]
        if leaving:
            self._left(visit)
        else:
            self.gone_since[visit.visit_id] = self.clock.now()
            self.store.seen([visit.visit_id], self.clock.now())  # the grace period counts from now

    def _left(self, visit: Visit) -> bool:
        """The guest has left: the visit ends (once, whichever node finds it), and their clerk is told."""
        if not self.end(visit):
            return False
        if visit.clerk is not None:
            self.to_clerk(visit.clerk, VisitEvent(visit_id=visit.visit_id, kind="left",
                                                  at=self.clock.now()).model_dump_json())
        return True

    def drop_gone(self) -> int:
        """Guests without a socket for longer than the grace period have left: out of the queue, so a
        few closed pages cannot fill it for hours. Returns how many."""
        now = self.clock.now()
        if self.guests:  # the guests whose sockets this node holds are here (for every node to read)
            self.store.seen(list(self.guests), now)
        gone = [v for v in self.store.unseen_since(now - GUEST_GRACE, now) if v not in self.guests]
        dropped = 0
        for visit_id in gone:
            self.gone_since.pop(visit_id, None)
            visit = self.visits.get(visit_id) or self.store.visit(visit_id)
            if visit is not None and visit.state != "ended":
                self.visits.setdefault(visit_id, visit)
                dropped += self._left(visit)
        return dropped

    def _visit_of(self, link: GuestLink) -> Visit | None:
        return self.visits.get(link.visit_id or "")

    def _admitted_visit_of(self, link: GuestLink) -> Visit | None:
        """The guest's visit; read again if not admitted here yet (a clerk on another node may have)."""
        visit = self._visit_of(link)
        if visit is not None and visit.state == "waiting" and visit.desk_id in self.desks:
            self.refresh(self.desks[visit.desk_id])
        return visit

    # --- staff ---

    def admit(self, clerk: str, desk_id: str, visit_id: str | None) -> str:
        """Let the next guest (or ``visit_id``) of a desk in; the visit id. The database decides between
        clerks pressing at once (on any node): each waiting guest is admitted by one of them only."""
        desk = self.desks.get(desk_id)
        if desk is None or clerk not in desk.staff:
            raise Refused(ErrorCode.FORBIDDEN)
        self.refresh(desk)
        waiting = [v for v in desk.queue if self.visits[v].state == "waiting"]
        if visit_id is not None and visit_id not in waiting:
            raise Refused(ErrorCode.UNKNOWN_VISIT)
        room_id = self.presence.get(clerk).room_id
        chosen = next((v for v in ([visit_id] if visit_id else waiting) if self.store.admit(self.visits[v], clerk,
                                                                                              room_id)), None)
        if chosen is None:  # the last one went to another clerk a moment ago
            self.refresh(desk)
            self.changed(desk)
            raise Refused(ErrorCode.UNKNOWN_VISIT)
        visit = self.visits[chosen]
        self.changed(desk)
        self.to_guest(chosen, self._admitted_state(visit, desk))
        return chosen

    def visit_of_clerk(self, clerk: str, visit_id: str) -> Visit:
        """The visit ``clerk`` is holding now; refused for anyone else's (or an ended one). Read from the
        database: the clerk may have admitted it through another node."""
        stored = self.store.visit(visit_id)
        if stored is None or stored.clerk != clerk or stored.state != "admitted" or stored.desk_id not in self.desks:
            raise Refused(ErrorCode.UNKNOWN_VISIT)
        visit = self.visits.setdefault(visit_id, stored)
        visit.take(stored)
        return visit

    def clerk_says(self, visit: Visit, body: str) -> None:
        now = self.clock.now()
        self.store.say(visit.visit_id, "clerk", body, now)
        self.to_guest(visit.visit_id, GuestLine(sender="clerk", body=body, at=now).model_dump_json())

    def clerk_signal(self, visit: Visit, sdp_type: str, sdp: str) -> None:
        self.to_guest(visit.visit_id, GuestSignalEvent(sdp_type=sdp_type, sdp=sdp).model_dump_json())

    def to_callback(self, clerk: str, visit: Visit, note: str) -> None:
        """End the visit and keep the guest's name and concern as a callback in the clerk's inbox."""
        if self.end(visit):
            self.inbox.add(clerk, InboxKind.CALLBACK, room_id=self.desks[visit.desk_id].room_id, guest_name=visit.name,
                           text=visit.concern, note=note)

    def hand_over(self, visit: Visit, to_desk_id: str | None) -> None:
        old = self.desks[visit.desk_id]
        new = self.desks.get(to_desk_id or visit.desk_id)
        if new is None:
            raise Refused(ErrorCode.UNKNOWN_VISIT)
        visit.state, visit.clerk, visit.room_id = "waiting", None, None
        if new is not old:
            old.queue.remove(visit.visit_id)
            visit.desk_id = new.desk_id
            # The guest keeps their place: by the time they first came.
            new.queue.append(visit.visit_id)
            new.queue.sort(key=lambda v: self.visits[v].queued_at)
            self.changed(old)
        self.store.update(visit, self.clock.now())
        self.changed(new)

    def end(self, visit: Visit) -> bool:
        """End a visit (False if it had ended already, here or on another node)."""
        ended = self.store.end(visit, self.clock.now())
        self.gone_since.pop(visit.visit_id, None)
        desk = self.desks[visit.desk_id]
        if visit.visit_id in desk.queue:
            desk.queue.remove(visit.visit_id)
        frame = GuestState(state="ended", desk_name=desk.name).model_dump_json()
        link = self.guests.pop(visit.visit_id, None)
        if link is not None:
            link.send(frame)
            link.close()
        elif ended:
            self.elsewhere("guest-end", json.dumps({"visit_id": visit.visit_id, "frame": frame}))
        if ended:
            self.changed(desk)
        return ended

    def _admitted_state(self, visit: Visit, desk: Desk) -> str:
        clerk = self.directory.people.get(visit.clerk or "")
        return GuestState(state="admitted", desk_name=desk.name, clerk_name=clerk.display_name if clerk else "",
                          ice_servers=self.ice_servers).model_dump_json()

    def purge(self) -> int:
        """Guest data goes after the visit plus the retention; nothing of it stays behind."""
        removed = self.store.purge(self.clock.now() - self.retention)
        for visit_id in [v for v, visit in self.visits.items()
                         if visit.state == "ended" or visit.expires_at < self.clock.now()]:
            if self.store.count_rows(visit_id) == 0:
                visit = self.visits.pop(visit_id)
                queue = self.desks[visit.desk_id].queue
                if visit_id in queue:
                    queue.remove(visit_id)
        return removed
