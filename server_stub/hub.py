"""Open connections and fan-out bounded by interest.

An event about a person goes to the connections of that person's organisation and of its partner
organisations (with a partner's room hidden unless shared), never to everyone. Each payload is
serialised once per organisation and written to the sockets without awaiting each one; a socket whose
unsent data exceeds a limit is closed as too slow instead of letting memory grow.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterable
from dataclasses import dataclass, field

import websockets
from websockets.asyncio.server import ServerConnection

from dvz_desktop.protocol import CloseCode, Presence, PresenceChanged

from .directory import Directory
from .limits import SLOW_CLIENT_BUFFER_BYTES, TokenBucket, bad_frame_bucket

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
    closing: bool = False


class Hub:
    def __init__(self, directory: Directory) -> None:
        self._directory = directory
        self._by_org: dict[str, set[Connection]] = {}
        self._by_user: dict[str, set[Connection]] = {}
        self._close_tasks: set[asyncio.Task[None]] = set()

    def add(self, conn: Connection) -> None:
        self._by_org.setdefault(conn.org_id, set()).add(conn)
        self._by_user.setdefault(conn.username, set()).add(conn)

    def remove(self, conn: Connection) -> bool:
        """Forget a connection; True if it was the user's last one."""
        self._by_org.get(conn.org_id, set()).discard(conn)
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

    def count(self) -> int:
        return sum(len(c) for c in self._by_user.values())

    def send_to(self, username: str, payload: str) -> None:
        """Write to every open socket of one person (no-op when they are offline)."""
        conns = self._by_user.get(username)
        if conns:
            self.broadcast(conns, payload)

    def send_to_orgs(self, org_ids: Iterable[str], payload: str) -> None:
        for org_id in org_ids:
            conns = self._by_org.get(org_id)
            if conns:
                self.broadcast(conns, payload)

    def publish_presence(self, presence: Presence) -> None:
        person_id = presence.person_id
        owner_org = self._directory.org_of(person_id)
        rule = self._directory.visibility.get(owner_org, "everyone")
        # The person's own sockets get the truth (also "als offline anzeigen"); the others what they may see.
        self.send_to(person_id, PresenceChanged(updates=(presence,)).model_dump_json())
        for org_id in self._directory.audience(owner_org):
            if org_id != owner_org and rule != "everyone":
                continue
            conns: set[Connection] | list[Connection] | None = self._by_org.get(org_id)
            if not conns:
                continue
            if rule == "unit":
                unit = self._directory.unit_of(person_id)
                conns = [c for c in conns if c.unit == unit]
            visible = self._directory.presence_for(org_id, presence)
            self.broadcast(conns, PresenceChanged(updates=(visible,)).model_dump_json(), skip_user=person_id)

    def broadcast(self, conns: set[Connection] | list[Connection], payload: str, skip_user: str | None = None) -> None:
        targets = []
        for conn in conns:
            if conn.closing or conn.username == skip_user:
                continue
            transport = conn.ws.transport
            if transport is not None and transport.get_write_buffer_size() > SLOW_CLIENT_BUFFER_BYTES:
                log.warning("closing slow connection of user=%s", conn.username)
                self.close(conn, CloseCode.TOO_SLOW, "zu langsam")
                continue
            targets.append(conn.ws)
        websockets.broadcast(targets, payload)

    def close(self, conn: Connection, code: int, reason: str) -> None:
        conn.closing = True
        task = asyncio.get_running_loop().create_task(conn.ws.close(code, reason))
        self._close_tasks.add(task)
        task.add_done_callback(self._close_tasks.discard)
