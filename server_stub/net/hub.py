"""Open connections and fan-out bounded by interest.

An event about a person goes to the connections of that person's organisation and of its partner
organisations (with a partner's room hidden unless shared), never to everyone. Each payload is
serialised once per organisation and handed to ``websockets.broadcast`` with a ready-made set of
sockets, so the per-socket work is the library's alone. Sockets whose unsent data grows beyond a
limit are found by a sweep a few times a second and closed as too slow, instead of letting memory
grow; a closing socket leaves the broadcast sets at once.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import websockets
from websockets.asyncio.server import ServerConnection

from dvz_desktop.core.tasks import TaskSet
from dvz_desktop.protocol import CloseCode, Presence, PresenceChanged

from ..directory.visibility import Directory
from .acting import client_id_of
from .limits import SLOW_CLIENT_BUFFER_BYTES, TokenBucket, bad_frame_bucket, excess_bucket

#: Unsent bytes from which presence and typing are skipped for a socket until it catches up.
LAG_BYTES = 64 * 1024

log = logging.getLogger(__name__)


@dataclass(eq=False, slots=True)
class Connection:
    ws: ServerConnection
    username: str
    org_id: str
    token_hash: str
    #: The person's unit (Fachbereich), for organisations that show presence only within a unit.
    unit: str = ""
    bad_frames: TokenBucket = field(default_factory=bad_frame_bucket)
    #: Commands refused for the rate limit: a socket that keeps going past it is closed (1008).
    excess: TokenBucket = field(default_factory=excess_bucket)
    closing: bool = False
    #: Behind on reading: presence and typing skip it until it has caught up (chat never does).
    lagging: bool = False
    #: Receives live chat events: set once its first ``chat_sync`` is answered, so a live event can
    #: never overtake (or repeat) what that answer brings.
    chat_live: bool = False
    #: When it was opened (net/acting.py): a newer socket of the same login supersedes it.
    opened: int = 0

    @property
    def client_id(self) -> str:
        return client_id_of(self.token_hash)


class Hub:
    def __init__(self, directory: Directory) -> None:
        self._directory = directory
        self._by_org: dict[str, set[Connection]] = {}
        #: The open, not closing sockets of each organisation: what a presence event is broadcast to.
        self._sockets_by_org: dict[str, set[ServerConnection]] = {}
        self._by_user: dict[str, set[Connection]] = {}
        #: The connections of each session (a logout or a revocation closes them all).
        self._by_token: dict[str, set[Connection]] = {}
        self._count = 0
        self._closing = TaskSet()

    def add(self, conn: Connection) -> None:
        self._by_org.setdefault(conn.org_id, set()).add(conn)
        self._sockets_by_org.setdefault(conn.org_id, set()).add(conn.ws)
        self._by_user.setdefault(conn.username, set()).add(conn)
        self._by_token.setdefault(conn.token_hash, set()).add(conn)
        self._count += 1

    def remove(self, conn: Connection) -> bool:
        """Forget a connection; True if it was the user's last one."""
        session = self._by_token.get(conn.token_hash)
        if session is not None and conn in session:
            self._count -= 1
            session.discard(conn)
            if not session:
                del self._by_token[conn.token_hash]
        self._by_org.get(conn.org_id, set()).discard(conn)
        self._sockets_by_org.get(conn.org_id, set()).discard(conn.ws)
        user_conns = self._by_user.get(conn.username, set())
        user_conns.discard(conn)
        if not user_conns:
            self._by_user.pop(conn.username, None)
            return True
        return False

    def connections_of(self, username: str) -> list[Connection]:
        return list(self._by_user.get(username, ()))

    def connections_in_org(self, org_id: str) -> list[Connection]:
        return list(self._by_org.get(org_id, ()))

    def all_connections(self) -> list[Connection]:
        return [c for conns in self._by_user.values() for c in conns]

    def connections_of_session(self, token_hash: str) -> list[Connection]:
        return list(self._by_token.get(token_hash, ()))

    def superseded(self, conn: Connection) -> bool:
        """Whether a newer socket of the same login is open here: the client gave this one up."""
        same_login = self._by_token.get(conn.token_hash, ())
        return any(other.opened > conn.opened and not other.closing for other in same_login)

    def newest_socket(self, username: str, client_id: str) -> int:
        """When this node's newest open socket of ``username``'s login ``client_id`` was opened (0: none)."""
        return max((c.opened for c in self._by_user.get(username, ()) if not c.closing and c.client_id == client_id),
                   default=0)

    def sessions(self) -> set[str]:
        """The token hashes of every session with an open socket here."""
        return set(self._by_token)

    def count(self) -> int:
        """Open connections, kept as a number (a log line per login must not count them)."""
        return self._count

    def send_to(self, username: str, payload: str) -> None:
        """Write to every open socket of one person (no-op when they are offline)."""
        conns = self._by_user.get(username)
        if conns:
            self.broadcast(conns, payload)

    def send_chat(self, username: str, payload: str) -> None:
        """A live chat event to the person's sockets that have caught up (see ``Connection.chat_live``)."""
        conns = self._by_user.get(username)
        if conns:
            websockets.broadcast([c.ws for c in conns if c.chat_live and not c.closing], payload)

    def send_to_orgs(self, org_ids: Iterable[str], payload: str) -> None:
        for org_id in org_ids:
            conns = self._by_org.get(org_id)
            if conns:
                self.broadcast(conns, payload)

    def publish_presence(self, presence: Presence) -> None:
        person_id = presence.person_id
        owner_org = self._directory.org_of(person_id)
        rule = self._directory.visibility.get(owner_org, "everyone")
        if presence.appear_offline:
            # The person's own sockets get the truth; everyone else sees "offline" (below).
            self.send_to(person_id, PresenceChanged(updates=(presence,)).model_dump_json())
        for org_id in self._directory.audience(owner_org):
            if org_id != owner_org and rule != "everyone":
                continue
            sockets = self._sockets_by_org.get(org_id)
            if not sockets:
                continue
            visible = self._directory.presence_for(org_id, presence)
            payload = PresenceChanged(updates=(visible,)).model_dump_json()
            if rule == "unit":
                unit = self._directory.unit_of(person_id)
                websockets.broadcast([c.ws for c in self._by_org[org_id]
                                      if c.unit == unit and not c.closing and c.username != person_id], payload)
            elif presence.appear_offline:
                websockets.broadcast([ws for ws in sockets if ws not in self._own_sockets(person_id)], payload)
            else:
                websockets.broadcast(sockets, payload)
        if rule == "unit" and not presence.appear_offline:
            self.send_to(person_id, PresenceChanged(updates=(presence,)).model_dump_json())

    def _own_sockets(self, username: str) -> set[ServerConnection]:
        return {c.ws for c in self._by_user.get(username, ())}

    def broadcast(self, conns: set[Connection] | list[Connection], payload: str) -> None:
        """A targeted send to a few connections (knocks, replies)."""
        websockets.broadcast([c.ws for c in conns if not c.closing], payload)

    def send_droppable(self, username: str, payload: str) -> None:
        """Like :meth:`send_to`, but skipped for sockets that are behind (typing indicators)."""
        conns = self._by_user.get(username)
        if conns:
            websockets.broadcast([c.ws for c in conns if not c.closing and not c.lagging], payload)

    def sweep_slow(self, resync: Callable[[Connection], None] | None = None) -> int:
        """Called a few times a second. A socket behind by more than LAG_BYTES stops getting presence
        (it gets a fresh snapshot once it has caught up); one behind by more than the slow limit is
        closed and resumes after reconnecting. Returns how many were closed."""
        slow = 0
        for conn in self.all_connections():
            transport = conn.ws.transport
            if conn.closing or transport is None:
                continue
            backlog = transport.get_write_buffer_size()
            if backlog > SLOW_CLIENT_BUFFER_BYTES:
                log.warning("closing slow connection of user=%s", conn.username)
                self.close(conn, CloseCode.TOO_SLOW, "zu langsam")
                slow += 1
            elif backlog > LAG_BYTES and not conn.lagging:
                conn.lagging = True
                self._sockets_by_org.get(conn.org_id, set()).discard(conn.ws)
            elif conn.lagging and backlog < LAG_BYTES // 4:
                conn.lagging = False
                self._sockets_by_org.setdefault(conn.org_id, set()).add(conn.ws)
                if resync is not None:
                    resync(conn)
        return slow

    def close(self, conn: Connection, code: int, reason: str) -> None:
        conn.closing = True
        self._sockets_by_org.get(conn.org_id, set()).discard(conn.ws)
        self._closing.spawn(conn.ws.close(code, reason), name="dvz-close")
