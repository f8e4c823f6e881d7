"""Whiteboards in SQLite: per room the items it keeps (erased ones flagged) and the last sequence number.

Only the current board is stored, not the operation log: a board restored after a restart is exactly
what the clients had, and a cleared board leaves nothing behind.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

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
))


class WhiteboardStore:
    def __init__(self, db: Database) -> None:
        self._db = db

    def load(self, room_id: str) -> Board:
        board = Board()
        row = self._db.one("SELECT seq FROM wb_boards WHERE room_id=?", (room_id,))
        if row is None:
            return board
        board.seq = row[0]
        for body, removed in self._db.execute(
                "SELECT body, removed FROM wb_items WHERE room_id=? ORDER BY seq", (room_id,)):
            item = WbItem.model_validate_json(body)
            board.items[item.item_id] = item
            if removed:
                board.removed.add(item.item_id)
        return board

    def write(self, changes: Iterable[tuple[str, WbOp, list[str]]], now: datetime) -> None:
        """Store applied operations (room, operation, items forgotten to make room) in one transaction."""
        stamp = to_db(now)
        with self._db.transaction():
            for room_id, op, forgotten in changes:
                self._apply(room_id, op, forgotten)
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

    def purge_before(self, cutoff: datetime) -> int:
        """Forget boards nobody has changed since ``cutoff``."""
        stamp = to_db(cutoff)
        with self._db.transaction():
            rooms = [r[0] for r in self._db.all("SELECT room_id FROM wb_boards WHERE updated_at<?", (stamp,))]
            for room_id in rooms:
                self._db.execute("DELETE FROM wb_items WHERE room_id=?", (room_id,))
                self._db.execute("DELETE FROM wb_boards WHERE room_id=?", (room_id,))
        return len(rooms)
