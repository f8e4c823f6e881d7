"""Who hears a council session, and who may see it: the same rules for a session this node runs and for one
another cluster node runs (whose state this node only shows), so both are described by ``Seat``."""

from __future__ import annotations

from typing import Protocol

from dvz_desktop.core.council.session import Body

from ...directory.visibility import Directory
from ...net.hub import Connection, Hub
from ..presence.board import PresenceBoard


class Seat(Protocol):
    """What decides a session's audience: its room, moderators, body and whether it is public."""

    @property
    def session_id(self) -> str: ...

    @property
    def room_id(self) -> str: ...

    @property
    def moderators(self) -> frozenset[str]: ...

    @property
    def body(self) -> Body | None: ...

    @property
    def public(self) -> bool: ...


class Audience:
    def __init__(self, directory: Directory, presence: PresenceBoard, hub: Hub) -> None:
        self.directory = directory
        self.presence = presence
        self.hub = hub
        #: Per session: the sockets of this node that follow it (hall displays); they stay with their node.
        self.followers: dict[str, set[Connection]] = {}

    def of(self, seat: Seat) -> set[Connection]:
        """This node's sockets that hear the session: the people in its room, its moderators, the body's
        members, chair and minute-taker (presence is the same on every node), and its followers here."""
        people = {p.person_id for p in self.presence.online_in(seat.room_id)} | set(seat.moderators)
        if seat.body is not None:
            body = seat.body
            people |= body.members | {body.chair} | ({body.minute_taker} if body.minute_taker else set())
        conns = {c for person in people for c in self.hub.connections_of(person)}
        return conns | self.followers.get(seat.session_id, set())

    def may_see(self, person_id: str, seat: Seat) -> bool:
        if seat.body is not None:
            body = seat.body
            if person_id in body.members or person_id in (body.chair, body.minute_taker):
                return True
        if person_id in seat.moderators or self.presence.get(person_id).room_id == seat.room_id:
            return True
        room = self.directory.rooms.get(seat.room_id)
        # A public session: every colleague of the room's organisation may follow it (citizens: the page).
        return seat.public and room is not None and self.directory.org_of(person_id) == room.org_id

    def concerns(self, person: str, seat: Seat) -> bool:
        """Whether a session is among the ones a person's client is sent when it syncs."""
        body = seat.body
        return person in seat.moderators or self.presence.get(person).room_id == seat.room_id or (
            body is not None and (person in body.members or person in (body.chair, body.minute_taker)))

    def follow(self, session_id: str, conn: Connection, follow: bool) -> None:
        followers = self.followers.setdefault(session_id, set())
        (followers.add if follow else followers.discard)(conn)

    def forget(self, conn: Connection) -> None:
        for followers in self.followers.values():
            followers.discard(conn)

    def forget_session(self, session_id: str) -> None:
        self.followers.pop(session_id, None)
