"""Knocks and invitations in the database: the one writer of each one's state machine.

Every node keeps the open knocks and invitations in memory (``KnockBook``, ``InviteBook``: the pure rules,
fed with the presence every node has), but a change only counts once it is written here: each row has
a version, and a change is ``UPDATE … WHERE version = <the version this node knew>``. Of two nodes that
change one knock at the same moment (two people answering, the ring time running out on both) exactly
one succeeds; the other reads the row again and says nothing. So no knock is answered twice, and a
knock whose knocker's node died is still here for the other nodes to answer or to time out.

The row also holds who a message left after an unanswered knock goes to (``message_to``), taken once
(``take_message``), so one message per knock holds across nodes as well.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from ...db import Database, Migration, to_db

#: Ended rows stay this long (a message may still be left; then they are of no use).
ENDED_KEPT = timedelta(minutes=20)
#: Open rows older than this are left-overs of a cluster that stopped completely; nobody waits for them.
OPEN_KEPT = timedelta(days=1)

MIGRATION = Migration(2, "knocks and invitations shared by the nodes of a cluster", (
    """CREATE TABLE IF NOT EXISTS live_items (
        item_id    TEXT PRIMARY KEY,
        kind       TEXT NOT NULL,
        version    INTEGER NOT NULL,
        is_open    INTEGER NOT NULL,
        body       TEXT NOT NULL,
        knocker    TEXT NOT NULL DEFAULT '',
        message_to TEXT,
        updated_at TEXT NOT NULL
    )""",
    "CREATE INDEX IF NOT EXISTS live_items_open ON live_items(kind, is_open)",
))


@dataclass(frozen=True)
class Row:
    item_id: str
    version: int
    is_open: bool
    body: str


class Ledger:
    def __init__(self, db: Database) -> None:
        self._db = db

    def create(self, kind: str, item_id: str, body: str, is_open: bool, now: datetime, knocker: str = "",
               message_to: tuple[str, ...] | None = None) -> int:
        self._db.execute(
            "INSERT INTO live_items(item_id, kind, version, is_open, body, knocker, message_to, updated_at) "
            "VALUES (?, ?, 1, ?, ?, ?, ?, ?)",
            (item_id, kind, int(is_open), body, knocker, _joined(message_to), to_db(now)))
        return 1

    def advance(self, item_id: str, version: int, body: str, is_open: bool, now: datetime,
                message_to: tuple[str, ...] | None = None) -> bool:
        """Write the next version if the row is still at ``version``; False if another node was first."""
        cursor = self._db.execute(
            "UPDATE live_items SET version=?, is_open=?, body=?, message_to=?, updated_at=? "
            "WHERE item_id=? AND version=?",
            (version + 1, int(is_open), body, _joined(message_to), to_db(now), item_id, version))
        return cursor.rowcount == 1

    def get(self, item_id: str) -> Row | None:
        row = self._db.one("SELECT item_id, version, is_open, body FROM live_items WHERE item_id=?", (item_id,))
        return Row(row[0], int(row[1]), bool(row[2]), row[3]) if row else None

    def open_items(self, kind: str) -> list[Row]:
        rows = self._db.all("SELECT item_id, version, is_open, body FROM live_items WHERE kind=? AND is_open=1",
                            (kind,))
        return [Row(r[0], int(r[1]), bool(r[2]), r[3]) for r in rows]

    def take_message(self, item_id: str, knocker: str, since: datetime) -> tuple[str, ...] | None:
        """Who a message after this ended knock goes to, once (None: not the knocker's, too late, or
        already left)."""
        row = self._db.one("SELECT message_to FROM live_items WHERE item_id=? AND knocker=? AND is_open=0 "
                           "AND updated_at>=?", (item_id, knocker, to_db(since)))
        if row is None or not row[0]:
            return None
        taken = self._db.execute("UPDATE live_items SET message_to=NULL WHERE item_id=? AND message_to=?",
                                 (item_id, row[0]))
        return tuple(row[0].split(",")) if taken.rowcount == 1 else None

    def purge(self, now: datetime) -> None:
        self._db.execute("DELETE FROM live_items WHERE (is_open=0 AND updated_at<?) OR updated_at<?",
                         (to_db(now - ENDED_KEPT), to_db(now - OPEN_KEPT)))


def _joined(people: tuple[str, ...] | None) -> str | None:
    return ",".join(people) if people else None


class Track:
    """The versions this node knows of one kind of row, and the one way to change a row: from the
    version known here to the next (``commit``; None when another node was first)."""

    def __init__(self, ledger: Ledger, kind: str) -> None:
        self.ledger = ledger
        self.kind = kind
        self.versions: dict[str, int] = {}
        self._ended: dict[str, datetime] = {}

    def commit(self, item_id: str, body: str, is_open: bool, now: datetime, knocker: str = "",
               message_to: tuple[str, ...] | None = None) -> int | None:
        known = self.versions.get(item_id)
        if known is None:
            version = self.ledger.create(self.kind, item_id, body, is_open, now, knocker, message_to)
        elif self.ledger.advance(item_id, known, body, is_open, now, message_to):
            version = known + 1
        else:
            return None
        self.seen(item_id, version, is_open, now)
        return version

    def seen(self, item_id: str, version: int, is_open: bool, now: datetime) -> bool:
        """Note a version read or heard from another node; False if this node knew a newer one."""
        if version <= self.versions.get(item_id, 0):
            return False
        self.versions[item_id] = version
        if not is_open:
            self._ended[item_id] = now
        return True

    def forget_ended(self, now: datetime) -> None:
        for item_id in [i for i, at in self._ended.items() if now - at > ENDED_KEPT]:
            del self._ended[item_id]
            self.versions.pop(item_id, None)
