"""Client side of the whiteboard: the board of the room I am in, kept in step with the backend.

What I draw shows at once (pending) and becomes part of the board when the backend's operation for it
comes back; what I drew while the connection was down is sent again after the board was reopened
(the backend recognises the id, nothing is drawn twice). The board itself is only ever changed by the
backend's operations in sequence order, so every client ends with the same board.
"""

from __future__ import annotations

import asyncio
import logging
import secrets
from collections.abc import Coroutine
from dataclasses import dataclass
from typing import Any

from dvz_desktop.core.events import Event
from dvz_desktop.core.tasks import TaskSet
from dvz_desktop.core.whiteboard import Board, UndoHistory, split_stroke
from dvz_desktop.protocol import (
    ServerMessage,
    WbAdd,
    WbClear,
    WbClose,
    WbItem,
    WbOp,
    WbOpen,
    WbOps,
    WbRemove,
    WbRestore,
    WbShape,
    WbSnapshot,
    Welcome,
)

from .session import NotConnected, Session, SessionError

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class BoardChange:
    """What the canvas must redraw: everything (``reset``) or the given operations."""

    reset: bool
    ops: tuple[WbOp, ...] = ()


class WhiteboardClient:
    def __init__(self, session: Session) -> None:
        self._session = session
        self.room_id: str | None = None
        self.board = Board()
        self.moderator_id: str | None = None
        self.history = UndoHistory()
        #: My drawings not yet confirmed by the backend, by item id.
        self.pending: dict[str, WbItem] = {}
        self._incoming: list[WbItem] | None = None  # snapshot parts collected so far
        self._held: list[WbOp] = []  # operations that overtook the snapshot
        self._loaded = False  # the snapshot of the open board has arrived
        self._loop = asyncio.get_event_loop()
        self._tasks = TaskSet(self._loop)
        self.changed: Event[BoardChange] = Event()
        #: A German explanation when the backend refused something (and what was drawn is taken back).
        self.refused: Event[str] = Event()
        self.moderator_changed: Event[str | None] = Event()
        session.message_received.connect(self._on_message)
        session.welcomed.connect(self._on_welcome)

    @property
    def me(self) -> str | None:
        return self._session.me

    # --- what the UI asks ---

    async def open(self, room_id: str) -> None:
        """Show this room's board (I must be in the room)."""
        if self.room_id not in (None, room_id):
            await self.close()
        if self.room_id != room_id:
            self.history.forget()
        self.room_id = room_id
        self._incoming = None
        self._held = []
        self._loaded = False
        await self._session.command(WbOpen(id=self._session.next_id(), room_id=room_id))

    async def close(self) -> None:
        room_id, self.room_id = self.room_id, None
        self.board = Board()
        self.pending.clear()
        self.history.forget()
        self.changed.emit(BoardChange(reset=True))
        if room_id is not None:
            try:
                await self._session.command(WbClose(id=self._session.next_id(), room_id=room_id))
            except (NotConnected, SessionError, TimeoutError):
                pass  # leaving the room ends the subscription on the backend anyway

    def draw(self, shape: WbShape) -> list[str]:
        """Put a drawing on the board; long pen strokes go as several joined strokes. Returns their ids."""
        shapes = [shape]
        if shape.kind == "pen":
            shapes = [shape.model_copy(update={"points": tuple(part)}) for part in split_stroke(list(shape.points))]
        ids = []
        for part in shapes:
            item_id = f"{self.me}.{secrets.token_urlsafe(9)}"
            item = WbItem(item_id=item_id, author_id=self.me or "", seq=self.board.seq + 1 + len(self.pending),
                          **part.model_dump())
            self.pending[item_id] = item
            ids.append(item_id)
            self._send_add(item)
        self.history.record(("add", tuple(ids)))
        self.changed.emit(BoardChange(reset=False))
        return ids

    def erase(self, item_ids: list[str]) -> None:
        # My drawings on their way count too: the add reaches the backend before this removal.
        ids = tuple(i for i in item_ids
                    if i in self.pending or (i in self.board.items and i not in self.board.removed))
        if ids:
            self.history.record(("remove", ids))
            self._spawn(self._command("remove", ids))

    def undo(self) -> bool:
        step = self.history.undo()
        if step is not None:
            self._spawn(self._command(*step))
        return step is not None

    def redo(self) -> bool:
        step = self.history.redo()
        if step is not None:
            self._spawn(self._command(*step))
        return step is not None

    def may_clear(self, owner_id: str | None) -> bool:
        return self.me is not None and self.me in (owner_id, self.moderator_id)

    async def clear(self) -> None:
        if self.room_id is not None:
            await self._session.command(WbClear(id=self._session.next_id(), room_id=self.room_id))

    def items(self) -> list[WbItem]:
        """What to draw, bottom to top: the board, then my drawings still on their way."""
        return self.board.visible() + [i for k, i in self.pending.items() if k not in self.board.items]

    # --- sending ---

    def _send_add(self, item: WbItem) -> None:
        if self.room_id is None:
            return
        shape = WbShape.model_validate(item.model_dump(include=set(WbShape.model_fields)), strict=False)
        message = WbAdd(id=self._session.next_id(), room_id=self.room_id, item_id=item.item_id, shape=shape)
        self._spawn(self._deliver_add(message))

    async def _deliver_add(self, message: WbAdd) -> None:
        try:
            await self._session.command(message)
        except NotConnected:
            return  # sent again once the board is reopened after reconnecting
        except (SessionError, TimeoutError) as exc:
            if isinstance(exc, SessionError) and exc.code != "internal":
                self.pending.pop(message.item_id, None)
                self.changed.emit(BoardChange(reset=False))
                self.refused.emit(exc.message)

    async def _command(self, kind: str, ids: tuple[str, ...]) -> None:
        if self.room_id is None:
            return
        cls = WbRemove if kind == "remove" else WbRestore
        try:
            await self._session.command(cls(id=self._session.next_id(), room_id=self.room_id, item_ids=ids))
        except NotConnected:
            self.refused.emit("Keine Verbindung zum Server: das Whiteboard wurde nicht geändert.")
        except SessionError as exc:
            self.refused.emit(exc.message)
        except TimeoutError:
            pass

    def _spawn(self, coro: Coroutine[Any, Any, Any]) -> None:
        self._tasks.spawn(coro)

    # --- from the backend ---

    def _on_welcome(self, welcome: Welcome) -> None:
        # A new connection: the subscription is gone; open the board again (the room is restored first).
        if self.room_id is not None:
            self._spawn(self._reopen(self.room_id))

    async def _reopen(self, room_id: str) -> None:
        for _ in range(20):
            try:
                await self.open(room_id)
                return
            except NotConnected:
                return
            except SessionError:
                await asyncio.sleep(0.25)  # the room is being restored after the reconnect
            except TimeoutError:
                return

    def _on_message(self, msg: ServerMessage) -> None:
        if isinstance(msg, WbSnapshot) and msg.room_id == self.room_id:
            self._on_snapshot(msg)
        elif isinstance(msg, WbOps) and msg.room_id == self.room_id:
            if msg.moderator_id != self.moderator_id:
                self.moderator_id = msg.moderator_id
                self.moderator_changed.emit(msg.moderator_id)
            if not msg.ops:
                return
            if not self._loaded:
                self._held.extend(msg.ops)
                return
            self._apply(msg.ops)

    def _on_snapshot(self, msg: WbSnapshot) -> None:
        if msg.part == 0:
            self._incoming = []
        if self._incoming is None:
            return  # a part of an older snapshot
        self._incoming.extend(msg.items)
        if not msg.last:
            return
        self.board.load(msg.seq, self._incoming)
        self._incoming = None
        self._loaded = True
        self.moderator_id = msg.moderator_id
        self.moderator_changed.emit(msg.moderator_id)
        held, self._held = self._held, []
        self.changed.emit(BoardChange(reset=True))
        self._apply(tuple(op for op in held if op.seq > msg.seq))
        for item in list(self.pending.values()):  # drawn while away: send again
            if item.item_id not in self.board.items:
                self._send_add(item)

    def _apply(self, ops: tuple[WbOp, ...]) -> None:
        applied = []
        for op in ops:
            if op.seq <= self.board.seq:
                continue
            if op.seq != self.board.seq + 1:
                log.warning("whiteboard operations missing before %d; reloading the board", op.seq)
                if self.room_id is not None:
                    self._spawn(self._reopen(self.room_id))
                break
            self.board.apply(op)
            applied.append(op)
            for item in op.items:
                self.pending.pop(item.item_id, None)
            if op.kind == "clear":
                self.history.forget()
        if applied:
            self.changed.emit(BoardChange(reset=False, ops=tuple(applied)))
