"""The whiteboard's rules, shared by backend and client: a board is what its operations, applied in
sequence order, leave behind; undo and redo of my own actions; who may clear; splitting long strokes.

Because every client applies the same operations in the same order (the backend's sequence), boards
converge without any merging: an erase of an item that is already gone, or a restore of one that a
clear has removed for good, simply changes nothing.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

from dvz_desktop.protocol.whiteboard import MAX_BOARD_ITEMS, MAX_STROKE_POINTS, WbItem, WbOp


@dataclass
class Board:
    """One room's board: every item it still keeps (erased ones too, so they can be restored)."""

    seq: int = 0
    items: dict[str, WbItem] = field(default_factory=dict)
    removed: set[str] = field(default_factory=set)

    def apply(self, op: WbOp) -> bool:
        """Apply an operation; False when it was applied before (a late or repeated delivery)."""
        if op.seq <= self.seq:
            return False
        self.seq = op.seq
        if op.kind == "add":
            for item in op.items:
                self.items.setdefault(item.item_id, item)
        elif op.kind == "remove":
            self.removed.update(i for i in op.item_ids if i in self.items)
        elif op.kind == "restore":
            for item in op.items:
                self.items.setdefault(item.item_id, item)
                self.removed.discard(item.item_id)
        else:  # clear: gone for good, nothing to restore
            self.items.clear()
            self.removed.clear()
        return True

    def load(self, seq: int, items: Iterable[WbItem]) -> None:
        """Replace the board with a snapshot (visible items as of ``seq``)."""
        self.seq = seq
        self.items = {item.item_id: item for item in items}
        self.removed = set()

    def visible(self) -> list[WbItem]:
        """What is drawn, bottom to top."""
        return sorted((i for k, i in self.items.items() if k not in self.removed), key=lambda i: i.seq)

    def fingerprint(self) -> str:
        """Equal on two clients exactly when they show the same board."""
        digest = hashlib.sha256()
        for item in self.visible():
            digest.update(item.model_dump_json().encode())
        return digest.hexdigest()

    def prune_for(self, adding: int = 1) -> list[str]:
        """Make room for new items by forgetting the oldest erased ones; returns what was forgotten.
        When the board would still hold more than MAX_BOARD_ITEMS, nothing is forgotten."""
        excess = len(self.items) + adding - MAX_BOARD_ITEMS
        if excess <= 0:
            return []
        erased = sorted(self.removed, key=lambda k: self.items[k].seq)
        if len(erased) < excess:
            return []
        gone = erased[:excess]
        for key in gone:
            del self.items[key]
            self.removed.discard(key)
        return gone

    def is_full(self, adding: int = 1) -> bool:
        return len(self.items) + adding > MAX_BOARD_ITEMS


def may_clear(person_id: str, owner_id: str | None, moderator_id: str | None) -> bool:
    """The room's owner, or the meeting's moderator, may wipe the board."""
    return person_id in (owner_id, moderator_id)


def moderator_of(arrivals: list[str]) -> str | None:
    """In a room without a chair, the person who has been there longest moderates."""
    return arrivals[0] if arrivals else None


def split_stroke(points: list[int]) -> list[list[int]]:
    """A long pen stroke becomes several strokes of at most MAX_STROKE_POINTS points that join up."""
    step = 2 * MAX_STROKE_POINTS
    if len(points) <= step:
        return [points]
    parts = []
    start = 0
    while start < len(points) - 2:
        parts.append(points[start:start + step])
        start += step - 2  # the next part starts at this part's last point: no gap in the line
    return parts


Action = tuple[Literal["add", "remove"], tuple[str, ...]]


@dataclass
class UndoHistory:
    """My own actions on one board, newest last. Undoing an add erases it; undoing an erase restores."""

    done: list[Action] = field(default_factory=list)
    undone: list[Action] = field(default_factory=list)
    limit: int = 200

    def record(self, action: Action) -> None:
        self.done.append(action)
        del self.done[:-self.limit]
        self.undone.clear()

    def undo(self) -> tuple[Literal["remove", "restore"], tuple[str, ...]] | None:
        if not self.done:
            return None
        kind, ids = self.done.pop()
        self.undone.append((kind, ids))
        return ("remove" if kind == "add" else "restore"), ids

    def redo(self) -> tuple[Literal["remove", "restore"], tuple[str, ...]] | None:
        if not self.undone:
            return None
        kind, ids = self.undone.pop()
        self.done.append((kind, ids))
        return ("restore" if kind == "add" else "remove"), ids

    def forget(self) -> None:
        """After the board was cleared nothing of it can be undone."""
        self.done.clear()
        self.undone.clear()

