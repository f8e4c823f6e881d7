"""Whiteboards in the database: per room the items it keeps (erased ones flagged) and the last sequence
number.

The current board is what is stored: a board restored after a restart is exactly what the clients had,
and a cleared board leaves nothing behind. In cluster mode (several nodes over one PostgreSQL database)
the operations of the last minutes are kept as well (``wb_ops``, migration 2), so a node learns in order
what another node wrote and tells its own viewers; a node further behind than that log reads the board
anew (``load``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from contextlib import AbstractContextManager
from datetime import datetime, timedelta

from dvz_desktop.core.whiteboard import Board
from dvz_desktop.protocol import WbItem, WbOp

from ...db import Database, Migration, Schema, sql_for, to_db

SCHEMA = Schema("whiteboard", (
    Migration(1, "boards and their items", (
        """CREATE TABLE IF NOT EXISTS wb_boards (
            room_id    TEXT PRIMARY KEY,
            seq        INTEGER NOT NULL,
            updated_at TEXT NOT NULL
        )""",
        sql_for(lambda d: d.keyed_table("""CREATE TABLE IF NOT EXISTS wb_items (
            room_id TEXT NOT NULL,
            item_id TEXT NOT NULL,
            seq     INTEGER NOT NULL,
            body    TEXT NOT NULL,
            removed INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (room_id, item_id)
        )""")),
    )),
    Migration(2, "the recent operations, for the other nodes of a cluster", (
        sql_for(lambda d: d.keyed_table("""CREATE TABLE IF NOT EXISTS wb_ops (
            room_id   TEXT NOT NULL,
            seq       INTEGER NOT NULL,
            body      TEXT NOT NULL,
            forgotten TEXT NOT NULL,
            at        TEXT NOT NULL,
            PRIMARY KEY (room_id, seq)
        )""")),
    )),
))

#: How long the operations stay in ``wb_ops`` (a node that was away longer reads the whole board).
OPS_KEPT = timedelta(minutes=10)


class WhiteboardStore:
    def __init__(self, db: Database) -> None:
        self._db = db

    def transaction(self) -> AbstractContextManager[None]:
        return self._db.transaction()

    def load(self, room_id: str) -> Board:
        board = Board()
        row = self._db.one("SELECT seq FROM wb_boards WHERE room_id=?", (room_id,))
        if row is None:
            return board
        board.seq = row[0]
        for body, removed in self._db.all(
                "SELECT body, removed FROM wb_items WHERE room_id=? ORDER BY seq", (room_id,)):
            item = WbItem.model_validate_json(body)
            board.items[item.item_id] = item
            if removed:
                board.removed.add(item.item_id)
        return board

    def write(self, changes: Iterable[tuple[str, WbOp, list[str]]], now: datetime, log_ops: bool = False) -> None:
        """Store applied operations (room, operation, items forgotten to make room) in one transaction;
        ``log_ops`` (cluster mode): keep them in ``wb_ops`` too, for the other nodes."""
        stamp = to_db(now)
        with self._db.transaction():
            for room_id, op, forgotten in changes:
                self._apply(room_id, op, forgotten)
                if log_ops:
                    self._db.execute("INSERT INTO wb_ops(room_id, seq, body, forgotten, at) VALUES (?, ?, ?, ?, ?)",
                                     (room_id, op.seq, op.model_dump_json(), json.dumps(forgotten), stamp))
                self._db.execute(
                    "INSERT INTO wb_boards(room_id, seq, updated_at) VALUES (?, ?, ?) ON CONFLICT(room_id) "
                    "DO UPDATE SET seq=excluded.seq, updated_at=excluded.updated_at", (room_id, op.seq, stamp))

    def _apply(self, room_id: str, op: WbOp, forgotten: list[str]) -> None:
        db = self._db
        db.executemany("DELETE FROM wb_items WHERE room_id=? AND item_id=?", [(room_id, k) for k in forgotten])
        if op.kind == "add":
            db.executemany("INSERT INTO wb_items(room_id, item_id, seq, body) VALUES (?, ?, ?, ?) "
                           "ON CONFLICT DO NOTHING",
                           [(room_id, i.item_id, i.seq, i.model_dump_json()) for i in op.items])
        elif op.kind in ("remove", "restore"):
            ids = op.item_ids if op.kind == "remove" else tuple(i.item_id for i in op.items)
            db.executemany("UPDATE wb_items SET removed=? WHERE room_id=? AND item_id=?",
                           [(int(op.kind == "remove"), room_id, k) for k in ids])
        else:
            db.execute("DELETE FROM wb_items WHERE room_id=?", (room_id,))

    # --- cluster mode: one writer per board, and what the others wrote ---

    def lock_room(self, room_id: str) -> None:
        """Inside a transaction: this node alone gives the room's board its next sequence numbers until
        it commits (the database is the board's one writer, not whichever node a person is on)."""
        statement = self._db.dialect.lock_key()
        if statement is not None:
            self._db.one(statement, (f"wb:{room_id}",))

    def seq_of(self, room_id: str) -> int:
        row = self._db.one("SELECT seq FROM wb_boards WHERE room_id=?", (room_id,))
        return int(row[0]) if row else 0

    def ops_after(self, room_id: str, seq: int) -> list[tuple[WbOp, list[str]]]:
        """The logged operations after ``seq``, in order, with the items each forgot."""
        return [(WbOp.model_validate_json(body), json.loads(forgotten)) for body, forgotten in self._db.all(
            "SELECT body, forgotten FROM wb_ops WHERE room_id=? AND seq>? ORDER BY seq", (room_id, seq))]

    def forget_ops_before(self, cutoff: datetime) -> None:
        self._db.execute("DELETE FROM wb_ops WHERE at<?", (to_db(cutoff),))

    def purge_before(self, cutoff: datetime) -> int:
        """Forget boards nobody has changed since ``cutoff``."""
        stamp = to_db(cutoff)
        with self._db.transaction():
            rooms = [r[0] for r in self._db.all("SELECT room_id FROM wb_boards WHERE updated_at<?", (stamp,))]
            for room_id in rooms:
                self._db.execute("DELETE FROM wb_items WHERE room_id=?", (room_id,))
                self._db.execute("DELETE FROM wb_ops WHERE room_id=?", (room_id,))
                self._db.execute("DELETE FROM wb_boards WHERE room_id=?", (room_id,))
        return len(rooms)
