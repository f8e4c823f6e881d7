"""The whiteboard on the wire: one board per room, an operation log ordered by the backend.

A client draws an item (a pen stroke, a shape, a text, a sticky note, a small picture) under an id it
chooses, removes items (eraser, undo) and restores removed ones (undo of an erase, redo). The backend
gives every accepted operation the next sequence number of that board and sends it to everyone who has
the board open, the author included; applying the operations in sequence order gives every client the
same board (see ``core.whiteboard``). Opening a board returns a snapshot in parts, then live operations.
"""

from __future__ import annotations

import base64
import binascii
from typing import Annotated, Literal

from pydantic import BaseModel, Field, model_validator

from .base import CommandId, EntityId, LenientModel, StrictModel

#: The board's drawing area in board units; coordinates outside are refused.
BOARD_WIDTH = 2400
BOARD_HEIGHT = 1600
#: A pen stroke longer than this is split by the client into several strokes.
MAX_STROKE_POINTS = 1000
MAX_WB_TEXT = 500
#: A picture travels inside one control frame (64 KiB): the client scales it down to fit.
MAX_IMAGE_BYTES = 36 * 1024
MAX_IMAGE_B64 = (MAX_IMAGE_BYTES + 2) // 3 * 4
#: Items a board keeps (visible and erased, the oldest erased go first); beyond it the board is full.
MAX_BOARD_ITEMS = 5000
#: Items in one remove/restore command.
MAX_ITEMS_PER_COMMAND = 500

RoomId = EntityId
ItemId = Annotated[str, Field(min_length=8, max_length=80, pattern=r"^[A-Za-z0-9_\-.:]+$")]
Coordinate = Annotated[int, Field(ge=0, le=max(BOARD_WIDTH, BOARD_HEIGHT))]
ShapeKind = Literal["pen", "line", "arrow", "rect", "ellipse", "text", "note", "image"]
#: How many points each kind has (pen: one or more; the others exactly this many).
POINTS_OF_KIND: dict[str, int] = {"line": 2, "arrow": 2, "rect": 2, "ellipse": 2, "text": 1, "note": 2, "image": 2}
_IMAGE_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")


class WbShapeFields(BaseModel):
    """What is drawn. ``points`` is a flat list x1, y1, x2, y2, … in board units."""

    kind: ShapeKind
    points: Annotated[tuple[Coordinate, ...], Field(min_length=2, max_length=2 * MAX_STROKE_POINTS)]
    colour: Annotated[str, Field(pattern=r"^#[0-9a-fA-F]{6}$")] = "#1f2937"
    width: Annotated[int, Field(ge=1, le=40)] = 3
    text: Annotated[str, Field(max_length=MAX_WB_TEXT)] = ""
    #: PNG or JPEG, base64; only for pictures.
    image: Annotated[str, Field(max_length=MAX_IMAGE_B64)] = ""

    @model_validator(mode="after")
    def _consistent(self) -> WbShapeFields:
        if len(self.points) % 2:
            raise ValueError("points must be x, y pairs")
        if max(self.points[0::2]) > BOARD_WIDTH or max(self.points[1::2]) > BOARD_HEIGHT:
            raise ValueError("outside the board")
        wanted = POINTS_OF_KIND.get(self.kind)
        if wanted is not None and len(self.points) != 2 * wanted:
            raise ValueError(f"{self.kind} needs {wanted} points")
        if self.kind in ("text", "note") and not self.text.strip():
            raise ValueError("text is empty")
        if (self.kind == "image") != bool(self.image):
            raise ValueError("image data belongs to pictures only")
        if self.image and not image_is_acceptable(self.image):
            raise ValueError("image is not a PNG or JPEG")
        return self


def image_is_acceptable(data: str) -> bool:
    try:
        raw = base64.b64decode(data, validate=True)
    except (binascii.Error, ValueError):
        return False
    return len(raw) <= MAX_IMAGE_BYTES and raw.startswith(_IMAGE_MAGIC)


class WbShape(StrictModel, WbShapeFields):
    """An item as a client sends it."""


class WbItem(LenientModel, WbShapeFields):
    """An item on the board as clients receive it."""

    item_id: str
    author_id: str
    #: The sequence number of the operation that added it: the stacking order.
    seq: int


class WbOp(LenientModel):
    seq: int
    kind: Literal["add", "remove", "restore", "clear"]
    author_id: str
    #: The item added, or the items restored (with their data: a late joiner never saw them).
    items: tuple[WbItem, ...] = ()
    #: The items removed.
    item_ids: tuple[str, ...] = ()


# --- client -> server ------------------------------------------------------------------------


class WbOpen(StrictModel):
    """Show me this room's board: a snapshot follows, then live operations until I leave the room."""

    type: Literal["wb_open"] = "wb_open"
    id: CommandId
    room_id: RoomId


class WbClose(StrictModel):
    type: Literal["wb_close"] = "wb_close"
    id: CommandId
    room_id: RoomId


class WbAdd(StrictModel):
    type: Literal["wb_add"] = "wb_add"
    id: CommandId
    room_id: RoomId
    #: Chosen by the client, so a resend after a reconnect is recognised and not drawn twice.
    item_id: ItemId
    shape: WbShape


class WbRemove(StrictModel):
    """Erase items (the eraser, or undoing my own drawing)."""

    type: Literal["wb_remove"] = "wb_remove"
    id: CommandId
    room_id: RoomId
    item_ids: Annotated[tuple[ItemId, ...], Field(min_length=1, max_length=MAX_ITEMS_PER_COMMAND)]


class WbRestore(StrictModel):
    """Bring erased items back (undoing an erase, redoing a drawing)."""

    type: Literal["wb_restore"] = "wb_restore"
    id: CommandId
    room_id: RoomId
    item_ids: Annotated[tuple[ItemId, ...], Field(min_length=1, max_length=MAX_ITEMS_PER_COMMAND)]


class WbClear(StrictModel):
    """Empty the board for good (the room's owner or the meeting's moderator)."""

    type: Literal["wb_clear"] = "wb_clear"
    id: CommandId
    room_id: RoomId


# --- server -> client ------------------------------------------------------------------------


class WbSnapshot(LenientModel):
    """The board as of ``seq``, in parts; operations after ``seq`` arrive as ``wb_ops``."""

    type: Literal["wb_snapshot"] = "wb_snapshot"
    room_id: str
    seq: int
    items: tuple[WbItem, ...] = ()
    part: int = 0
    last: bool = True
    #: Who may clear the board besides the room's owner: the person longest in the room.
    moderator_id: str | None = None


class WbOps(LenientModel):
    type: Literal["wb_ops"] = "wb_ops"
    room_id: str
    ops: tuple[WbOp, ...] = ()
    moderator_id: str | None = None
