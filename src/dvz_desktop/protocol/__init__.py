"""Wire protocol v1 shared by the desktop client and the backend.

Imports nothing but pydantic and the standard library.
"""

from .base import MAX_FRAME_BYTES, PROTOCOL_VERSION, LenientModel, StrictModel
from .enums import SELECTABLE_STATUSES, DoorState, ErrorCode, RoomKind, Status
from .errors import CloseCode, error_texts
from .messages import (
    CLIENT_MESSAGE_ADAPTER,
    CLIENT_MESSAGE_TYPES,
    SERVER_MESSAGE_ADAPTER,
    SERVER_MESSAGE_TYPES,
    Ack,
    ClientMessage,
    Error,
    Hello,
    Logout,
    Move,
    PasswordAuth,
    PresenceChanged,
    ServerMessage,
    SessionEnded,
    SessionInfo,
    SetStatus,
    TokenAuth,
    Welcome,
)
from .office import Building, Floor, OfficeLayout, Organisation, Person, Presence, Room

__all__ = [
    "MAX_FRAME_BYTES",
    "PROTOCOL_VERSION",
    "LenientModel",
    "StrictModel",
    "SELECTABLE_STATUSES",
    "DoorState",
    "ErrorCode",
    "RoomKind",
    "Status",
    "CloseCode",
    "error_texts",
    "CLIENT_MESSAGE_ADAPTER",
    "CLIENT_MESSAGE_TYPES",
    "SERVER_MESSAGE_ADAPTER",
    "SERVER_MESSAGE_TYPES",
    "Ack",
    "ClientMessage",
    "Error",
    "Hello",
    "Logout",
    "Move",
    "PasswordAuth",
    "PresenceChanged",
    "ServerMessage",
    "SessionEnded",
    "SessionInfo",
    "SetStatus",
    "TokenAuth",
    "Welcome",
    "Building",
    "Floor",
    "OfficeLayout",
    "Organisation",
    "Person",
    "Presence",
    "Room",
]
