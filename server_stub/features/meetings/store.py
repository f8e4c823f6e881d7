"""What meetings keep in the database: guests' invitations (so a guest can open the page and join through
any node, and an invitation outlives a restart) and, in a cluster, who owns each meeting's room on the
media server (the lease, core/meeting_owner.py).

Invitations are stored as the token's hash with the room and the expiry, nothing about the guest.
"""

from __future__ import annotations

from datetime import datetime

from dvz_desktop.core.meeting_owner import Lease

from ...db import Database, Migration, Schema, from_db, to_db
from ...net.auth import token_hash

SCHEMA = Schema("meetings", (
    Migration(1, "guests' invitations to meetings, and the owner of each meeting on the media server", (
        """CREATE TABLE IF NOT EXISTS meeting_invites (
            token_hash TEXT PRIMARY KEY,
            room_id    TEXT NOT NULL,
            expires_at TEXT NOT NULL
        )""",
        """CREATE TABLE IF NOT EXISTS meeting_owners (
            call_id TEXT PRIMARY KEY,
            owner   TEXT NOT NULL,
            epoch   INTEGER NOT NULL,
            until   TEXT NOT NULL
        )""",
    )),
))


class InviteStore:
    def __init__(self, db: Database) -> None:
        self.db = db

    def add(self, token: str, room_id: str, expires: datetime) -> None:
        self.db.execute("INSERT INTO meeting_invites(token_hash, room_id, expires_at) VALUES (?, ?, ?)",
                        (token_hash(token), room_id, to_db(expires)))

    def room_of(self, token: str, now: datetime) -> str | None:
        """The room a valid invitation is for (None: no such invitation, or it expired)."""
        row = self.db.one("SELECT room_id FROM meeting_invites WHERE token_hash=? AND expires_at>?",
                          (token_hash(token), to_db(now)))
        return None if row is None else str(row[0])

    def purge(self, now: datetime) -> None:
        self.db.execute("DELETE FROM meeting_invites WHERE expires_at<=?", (to_db(now),))


class OwnerStore:
    """The leases of meetings' rooms (cluster mode). Taking one over is decided under the calls' lock
    (features/calls/shared.py), in the transaction that gives the call its new room."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def leases(self) -> dict[str, Lease]:
        return {str(call_id): Lease(str(owner), from_db(until))
                for call_id, owner, until in self.db.all("SELECT call_id, owner, until FROM meeting_owners")}

    def lease(self, call_id: str) -> Lease | None:
        row = self.db.one("SELECT owner, until FROM meeting_owners WHERE call_id=?", (call_id,))
        return None if row is None else Lease(str(row[0]), from_db(row[1]))

    def claim(self, call_id: str, lease: Lease, epoch: int) -> None:
        self.db.execute("INSERT INTO meeting_owners(call_id, owner, epoch, until) VALUES (?, ?, ?, ?) "
                        "ON CONFLICT(call_id) DO UPDATE SET owner=excluded.owner, epoch=excluded.epoch, "
                        "until=excluded.until", (call_id, lease.owner, epoch, to_db(lease.until)))

    def renew(self, owner: str, call_ids: list[str], until: datetime) -> set[str]:
        """Renews ``owner``'s leases of ``call_ids``; returns those it still holds."""
        held: set[str] = set()
        for call_id in call_ids:
            if self.db.execute("UPDATE meeting_owners SET until=? WHERE call_id=? AND owner=?",
                               (to_db(until), call_id, owner)).rowcount:
                held.add(call_id)
        return held

    def forget(self, call_ids: list[str]) -> None:
        for call_id in call_ids:
            self.db.execute("DELETE FROM meeting_owners WHERE call_id=?", (call_id,))
