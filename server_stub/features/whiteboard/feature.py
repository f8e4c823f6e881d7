"""Whiteboards on the backend: one per room, for the people in it.

Operations are checked, given the board's next sequence number and applied to the board in memory at
once (so the next command is checked against the board as it will be); they are stored in batches, one
transaction per turn of the loop, and only then acknowledged and sent to everyone who has the board
open. Opening a board sends a snapshot in parts; operations that overtake a part are applied by the
client after the snapshot (they carry higher sequence numbers).

Cluster mode (``shared``: several nodes over one PostgreSQL database): the database is the board's one
writer. Each change runs in its own transaction under the room's lock: the node first reads what other
nodes wrote since its board's sequence number (``wb_ops``, delivered to its viewers in order), checks
the command against that board, stores it with the next number, and after the commit acknowledges it,
delivers it and tells the other nodes (``relay``: room and number), which read the log the same way.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from websockets.exceptions import ConnectionClosed

from dvz_desktop.core.clock import Clock
from dvz_desktop.core.tasks import TaskSet
from dvz_desktop.core.whiteboard import Board, may_clear, moderator_of
from dvz_desktop.protocol import (
    ErrorCode,
    Presence,
    Status,
    WbAdd,
    WbClear,
    WbClose,
    WbItem,
    WbOp,
    WbOpen,
    WbOps,
    WbRemove,
    WbRestore,
    WbSnapshot,
)

from ...directory.visibility import Directory
from ...feature import Command, Feature, RateLimit, Refused, ack, error_frame
from ...net.hub import Connection, Hub
from ..presence.board import PresenceBoard
from .store import OPS_KEPT, WhiteboardStore

log = logging.getLogger(__name__)

#: Items per snapshot frame (a frame of pen strokes stays around 300 KB).
SNAPSHOT_PART = 500
#: A board nobody has changed for this long is deleted.
RETENTION = timedelta(days=90)


@dataclass
class _Stored:
    room_id: str
    op: WbOp
    forgotten: list[str]
    conn: Connection
    command_id: str


class WhiteboardFeature(Feature):
    name = "whiteboard"

    def __init__(self, directory: Directory, presence: PresenceBoard, hub: Hub, store: WhiteboardStore,
                 clock: Clock, rate_limit: RateLimit | None = None, shared: bool = False) -> None:
        #: A person sketching sends a stroke every second or so: its own budget, apart from everything else.
        self.rate_limit = rate_limit
        self.directory = directory
        self.presence = presence
        self.hub = hub
        self.store = store
        self.clock = clock
        self._boards: dict[str, Board] = {}
        self._viewers: dict[str, set[Connection]] = {}
        #: Per room, the people in it in the order they came in (the first one moderates).
        self._arrivals: dict[str, list[str]] = {}
        self._room_of: dict[str, str] = {}
        self._pending: list[_Stored] = []
        self._flush_scheduled = False
        self._tasks = TaskSet()
        #: Cluster mode (see the module's docstring); ``relay`` tells the other nodes (room, sequence).
        self.shared = shared
        self.relay: Callable[[str, str], None] | None = None

    # --- commands ---

    def commands(self) -> Sequence[Command[Any]]:
        return tuple(Command(kind, self.carry_out) for kind in (WbOpen, WbClose, WbAdd, WbRemove, WbRestore, WbClear))

    def carry_out(self, conn: Connection, msg: WbOpen | WbClose | WbAdd | WbRemove | WbRestore | WbClear) -> str | None:
        room_id = msg.room_id
        if room_id not in self.directory.rooms:
            raise Refused(ErrorCode.UNKNOWN_ROOM)
        if isinstance(msg, WbClose):
            self._viewers.get(room_id, set()).discard(conn)
            return ack(msg.id)
        if self.presence.get(conn.username).room_id != room_id:
            raise Refused(ErrorCode.NOT_IN_ROOM)
        if not self.shared:
            return self._carry_out(conn, msg, self.board(room_id))
        if isinstance(msg, WbOpen):
            self.catch_up(room_id)
            return self._carry_out(conn, msg, self.board(room_id))
        try:
            with self.store.transaction():
                self.store.lock_room(room_id)
                self.catch_up(room_id)
                answer = self._carry_out(conn, msg, self.board(room_id))
                batch, self._pending = self._pending, []
                self.store.write(((s.room_id, s.op, s.forgotten) for s in batch), self.clock.now(), log_ops=True)
        except Refused:
            raise
        except Exception:
            log.exception("whiteboard operation could not be stored")
            self._boards.pop(room_id, None)  # read back what the database really holds
            self._pending = []
            raise Refused(ErrorCode.INTERNAL) from None
        self._announce(batch)
        for stored in batch:
            if self.relay is not None:
                self.relay(stored.room_id, str(stored.op.seq))
        return answer

    def _carry_out(self, conn: Connection, msg: WbOpen | WbAdd | WbRemove | WbRestore | WbClear,
                   board: Board) -> str | None:
        me, room_id = conn.username, msg.room_id
        if isinstance(msg, WbOpen):
            self._viewers.setdefault(room_id, set()).add(conn)
            self._send_snapshot(conn, room_id, board)
            return ack(msg.id)
        if isinstance(msg, WbAdd):
            return self._add(conn, msg, board)
        if isinstance(msg, WbClear):
            owner = self.directory.rooms[room_id].room.owner_id
            if not may_clear(me, owner, self.moderator(room_id)):
                raise Refused(ErrorCode.NOT_MODERATOR)
            self._apply(conn, msg.id, room_id, board, WbOp(seq=board.seq + 1, kind="clear", author_id=me), [])
            return None
        ids = tuple(dict.fromkeys(msg.item_ids))
        if isinstance(msg, WbRemove):
            present = tuple(k for k in ids if k in board.items and k not in board.removed)
            op = WbOp(seq=board.seq + 1, kind="remove", author_id=me, item_ids=present)
        else:
            items = tuple(board.items[k] for k in ids if k in board.removed)
            present = tuple(i.item_id for i in items)
            op = WbOp(seq=board.seq + 1, kind="restore", author_id=me, items=items)
        if not present:
            return ack(msg.id, position=board.seq)  # already so (erased twice, restored after a clear): nothing to do
        self._apply(conn, msg.id, room_id, board, op, [])
        return None

    def _add(self, conn: Connection, msg: WbAdd, board: Board) -> str | None:
        known = board.items.get(msg.item_id)
        if known is not None:
            if known.author_id != conn.username:
                raise Refused(ErrorCode.INVALID_DRAWING)
            return ack(msg.id, position=known.seq)  # a resend after a reconnect: already on the board
        forgotten = board.prune_for(1)
        if board.is_full(1):
            raise Refused(ErrorCode.WHITEBOARD_FULL)
        seq = board.seq + 1
        item = WbItem(item_id=msg.item_id, author_id=conn.username, seq=seq, **msg.shape.model_dump())
        self._apply(conn, msg.id, msg.room_id, board, WbOp(seq=seq, kind="add", author_id=conn.username,
                                                           items=(item,)), forgotten)
        return None

    def _apply(self, conn: Connection, command_id: str, room_id: str, board: Board, op: WbOp,
               forgotten: list[str]) -> None:
        board.apply(op)
        self._pending.append(_Stored(room_id, op, forgotten, conn, command_id))
        if not self._flush_scheduled and not self.shared:
            self._flush_scheduled = True
            asyncio.get_running_loop().call_soon(self.flush)

    def flush(self) -> None:
        """Store what was applied since the last flush, then acknowledge and deliver it."""
        self._flush_scheduled = False
        batch, self._pending = self._pending, []
        if not batch:
            return
        try:
            self.store.write(((s.room_id, s.op, s.forgotten) for s in batch), self.clock.now())
        except Exception:
            log.exception("whiteboard batch of %d could not be stored", len(batch))
            for stored in batch:
                self._boards.pop(stored.room_id, None)  # read back what the database really holds
                self.hub.broadcast([stored.conn], error_frame(ErrorCode.INTERNAL, stored.command_id))
            return
        self._announce(batch)

    def _announce(self, batch: list[_Stored]) -> None:
        """Acknowledge stored operations and deliver them to the board's viewers on this node."""
        by_room: dict[str, list[WbOp]] = {}
        for stored in batch:
            self.hub.broadcast([stored.conn], ack(stored.command_id, position=stored.op.seq))
            by_room.setdefault(stored.room_id, []).append(stored.op)
        for room_id, ops in by_room.items():
            payload = WbOps(room_id=room_id, ops=tuple(ops), moderator_id=self.moderator(room_id)).model_dump_json()
            self.hub.broadcast(self._viewers.get(room_id, set()), payload)

    # --- cluster mode: what the other nodes wrote ---

    def deliver_relayed(self, room_id: str, seq: str) -> None:
        """Another node stored operation ``seq`` of ``room_id``: bring this node's board up to date."""
        board = self._boards.get(room_id)
        if board is not None and int(seq) > board.seq:
            self.catch_up(room_id)

    def catch_up(self, room_id: str) -> None:
        """Apply what other nodes wrote since this node's board (in order, from ``wb_ops``) and deliver
        it to this node's viewers; a board further behind than the log is read anew and sent whole."""
        board = self._boards.get(room_id)
        if board is None:
            return  # read from the database on first use
        logged = self.store.ops_after(room_id, board.seq)
        if logged and logged[0][0].seq != board.seq + 1 or not logged and self.store.seq_of(room_id) > board.seq:
            board = self._boards[room_id] = self.store.load(room_id)
            for conn in self._viewers.get(room_id, set()):
                self._send_snapshot(conn, room_id, board)
            return
        for op, forgotten in logged:
            for key in forgotten:
                board.items.pop(key, None)
                board.removed.discard(key)
            board.apply(op)
        if logged:
            payload = WbOps(room_id=room_id, ops=tuple(op for op, _ in logged),
                            moderator_id=self.moderator(room_id)).model_dump_json()
            self.hub.broadcast(self._viewers.get(room_id, set()), payload)

    # --- boards and snapshots ---

    def board(self, room_id: str) -> Board:
        board = self._boards.get(room_id)
        if board is None:
            board = self._boards[room_id] = self.store.load(room_id)
        return board

    def _send_snapshot(self, conn: Connection, room_id: str, board: Board) -> None:
        visible = board.visible()
        parts = [visible[i:i + SNAPSHOT_PART] for i in range(0, len(visible), SNAPSHOT_PART)] or [[]]
        moderator = self.moderator(room_id)
        frames = [WbSnapshot(room_id=room_id, seq=board.seq, items=tuple(part), part=n, last=n == len(parts) - 1,
                             moderator_id=moderator).model_dump_json() for n, part in enumerate(parts)]
        if len(frames) == 1:
            self.hub.broadcast([conn], frames[0])
            return
        self._tasks.spawn(self._send_parts(conn, frames), name="dvz-whiteboard-snapshot")

    @staticmethod
    async def _send_parts(conn: Connection, frames: list[str]) -> None:
        # One part at a time, waiting for the socket to drain: a big board must not look like a slow
        # client to the sweep.
        try:
            for frame in frames:
                await conn.ws.send(frame)
        except ConnectionClosed:
            pass

    # --- who is in the room ---

    def moderator(self, room_id: str) -> str | None:
        return moderator_of(self._arrivals.get(room_id, []))

    def on_presence(self, presence: Presence) -> None:
        person = presence.person_id
        new_room = presence.room_id if presence.status is not Status.OFFLINE else None
        old_room = self._room_of.get(person)
        if new_room == old_room:
            return
        if old_room is not None:
            before = self.moderator(old_room)
            self._arrivals.get(old_room, []).remove(person)
            viewers = self._viewers.get(old_room, set())
            viewers.difference_update([c for c in viewers if c.username == person])
            self._room_of.pop(person)
            self._tell_moderator(old_room, before)
        if new_room is not None:
            before = self.moderator(new_room)
            self._arrivals.setdefault(new_room, []).append(person)
            self._room_of[person] = new_room
            self._tell_moderator(new_room, before)

    def _tell_moderator(self, room_id: str, before: str | None) -> None:
        viewers = self._viewers.get(room_id)
        if viewers and self.moderator(room_id) != before:
            payload = WbOps(room_id=room_id, moderator_id=self.moderator(room_id)).model_dump_json()
            self.hub.broadcast(viewers, payload)

    def forget(self, conn: Connection) -> None:
        for viewers in self._viewers.values():
            viewers.discard(conn)

    def housekeep(self, now: datetime) -> None:
        if self.store.purge_before(now - RETENTION):
            self._boards.clear()
        if self.shared:
            self.store.forget_ops_before(now - OPS_KEPT)

    def close(self) -> None:
        """What was applied but not yet stored is stored before the database closes."""
        self._tasks.cancel()
        self.flush()
