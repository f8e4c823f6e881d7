"""Which socket a command came from, for what it changes (cluster mode: cluster/presence.py).

A client that lost its connection opens a new socket, possibly on another node, while a command it had
sent on the old one may still be carried out there later (the old node busy, the old socket not yet
noticed as dead). Such a late command must not undo what the client did since. So each socket knows when
it was opened and which login (session token) it belongs to; the newest open socket of a login speaks
for it. ``acting`` holds the socket whose command is being carried out, so a presence change can say
which socket caused it, and another node holding a newer socket of the same login can tell it is late.
"""

from __future__ import annotations

import hashlib
import time
from contextvars import ContextVar
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Acting:
    """The socket a command came from."""

    person_id: str
    #: The login the socket belongs to (derived from the token's hash, so it names no usable secret).
    client_id: str
    #: When the socket was opened (ms since the epoch, unique on its node; ``SocketClock``).
    opened: int


acting: ContextVar[Acting | None] = ContextVar("dvz_acting_socket", default=None)


def client_id_of(token_hash: str) -> str:
    """One login's id between the nodes: a hash of the token's hash (which itself is never sent)."""
    return hashlib.sha256(b"dvz-client:" + token_hash.encode()).hexdigest()[:16]


class SocketClock:
    """Opening times of sockets: wall-clock milliseconds (comparable between nodes whose clocks agree
    within the time a client takes to reconnect, as NTP keeps them), never twice the same on a node."""

    def __init__(self) -> None:
        self._last = 0

    def next(self) -> int:
        self._last = max(time.time_ns() // 1_000_000, self._last + 1)
        return self._last
