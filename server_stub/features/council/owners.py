"""Which cluster node runs which council session: a lease per session in the database (``council_owners``).

A session's live state (speaker list, floor, timers, attendance, the open vote's secret counts) lives in
the memory of one node, its owner; every other node relays its sockets' commands to the owner and shows
the states the owner sends. The owner renews its leases every second (``renew``: one statement for all
its sessions); a lease not renewed for ``LEASE_S`` has expired, and the first node to ``take`` it (a
conditional upsert: only one wins) runs the session from then on, voiding the vote that was open.

Time is the database's (``clock_timestamp()`` on PostgreSQL), so the nodes' clocks need not agree, and
the test's manual clock (which jumps minutes ahead) has nothing to do with it. The owner also keeps its own
deadline on the monotonic clock (``holds``): a node that stalled longer than its lease stops acting for
its sessions until a renewal has told it which of them are still its own.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from ...db import Database
from ...db.dialect import PostgresDialect

#: How long a lease holds without renewal (the owner renews every second).
LEASE_S = 3.0
#: The owner stops acting this long before its lease could have expired (a renewal under way, clock rates).
MARGIN_S = 0.5


@dataclass(frozen=True)
class Running:
    """A running session as the lease table sees it: its owner, and whether the owner's lease expired."""

    session_id: str
    owner: str | None
    expired: bool
    #: The owner's public key: commands relayed to it are sealed for it (sealed.py).
    owner_key: str | None = None


class SessionLeases:
    def __init__(self, db: Database, node_id: str, lease_s: float = LEASE_S, node_key: str = "") -> None:
        self._db = db
        self.node_id = node_id
        self.node_key = node_key
        self.lease_s = lease_s
        self._now = ("EXTRACT(EPOCH FROM clock_timestamp())" if isinstance(db.dialect, PostgresDialect)
                     else "((julianday('now') - 2440587.5) * 86400.0)")
        #: Monotonic time until which this node may act as the owner of the sessions it holds.
        self._valid_until = 0.0

    def take(self, session_id: str) -> bool:
        """Become the owner of a session that has none, whose lease expired, or that this node held
        before (a restart under the same node id); False if another node holds it."""
        asked = time.monotonic()
        taken = self._db.execute(
            f"INSERT INTO council_owners(session_id, node, node_key, until) VALUES (?, ?, ?, {self._now} + ?) "  # noqa: S608
            f"ON CONFLICT(session_id) DO UPDATE SET node = excluded.node, node_key = excluded.node_key, "
            f"until = excluded.until WHERE council_owners.node = excluded.node OR council_owners.until < {self._now}",
            (session_id, self.node_id, self.node_key, self.lease_s)).rowcount == 1
        if taken:
            self._valid_until = max(self._valid_until, asked + self.lease_s - MARGIN_S * self.lease_s / LEASE_S)
        return taken

    def renew(self) -> set[str]:
        """Extend this node's leases; the sessions it still holds (a session taken by another node after
        this one stalled is not among them)."""
        asked = time.monotonic()
        with self._db.transaction():
            self._db.execute(f"UPDATE council_owners SET until = {self._now} + ? WHERE node = ?",  # noqa: S608
                             (self.lease_s, self.node_id))
            held = {r[0] for r in self._db.all("SELECT session_id FROM council_owners WHERE node = ?",
                                               (self.node_id,))}
        self._valid_until = asked + self.lease_s - MARGIN_S * self.lease_s / LEASE_S
        return held

    def holds(self) -> bool:
        """Whether this node's leases surely still hold (renewed within the lease, less a margin)."""
        return time.monotonic() < self._valid_until

    def running(self, session_id: str | None = None) -> list[Running]:
        """Every running session (or the one of ``session_id``) with its owner (None: none yet) and whether
        its lease has expired."""
        return [Running(sid, owner, bool(expired), key) for sid, owner, expired, key in self._db.all(
            f"SELECT s.session_id, o.node, CASE WHEN o.until < {self._now} THEN 1 ELSE 0 END, o.node_key "  # noqa: S608
            "FROM council_sessions s LEFT JOIN council_owners o ON o.session_id = s.session_id "
            "WHERE s.ended_at IS NULL" + (" AND s.session_id = ?" if session_id else ""),
            (session_id,) if session_id else ())]

    def release(self, session_id: str) -> None:
        """The session ended: nobody runs it any more."""
        self._db.execute("DELETE FROM council_owners WHERE session_id = ? AND node = ?", (session_id, self.node_id))
