"""Open connections and fan-out bounded by interest.

An event about a person goes to the connections of that person's organisation and of its partner
organisations (with a partner's room hidden unless shared), never to everyone. Each payload is
serialised once per organisation and written to the sockets without awaiting each one; a socket whose
unsent data exceeds a limit is closed as too slow instead of letting memory grow.
"""

from __future__ import annotations

import asyncio
import logging
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

    def all_connections(self) -> list[Connection]:
        return [c for conns in self._by_user.values() for c in conns]

    def count(self) -> int:
        return sum(len(c) for c in self._by_user.values())

    def publish_presence(self, presence: Presence) -> None:
        owner_org = self._directory.org_of(presence.person_id)
        for org_id in self._directory.audience(owner_org):
            conns = self._by_org.get(org_id)
            if not conns:
                continue
            visible = self._directory.presence_for(org_id, presence)
            self.broadcast(conns, PresenceChanged(updates=(visible,)).model_dump_json())

    def broadcast(self, conns: set[Connection] | list[Connection], payload: str) -> None:
        targets = []
        for conn in conns:
            if conn.closing:
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
