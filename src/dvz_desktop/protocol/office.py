"""The office as the client sees it: organisations, buildings, floors, rooms, people, presence."""

from __future__ import annotations

from datetime import datetime

from pydantic import Field

from .base import MAX_NOTE_CHARS, LenientModel
from .enums import DoorState, RoomKind, Status


class Room(LenientModel):
    id: str
    name: str
    kind: RoomKind
    #: Geometry on the floor plan, in plan units (1 unit = 1 px at 100 % zoom).
    x: float
    y: float
    w: float
    h: float
    owner_id: str | None = None
    door: DoorState = DoorState.OPEN
    #: Organisations besides the owning one that use this room (interkommunale Zusammenarbeit).
    shared_with: tuple[str, ...] = ()


class Floor(LenientModel):
    id: str
    name: str
    level: int = 0
    width: float
    height: float
    rooms: tuple[Room, ...] = ()


class Building(LenientModel):
    id: str
    name: str
    floors: tuple[Floor, ...] = ()


class Organisation(LenientModel):
    id: str
    name: str
    buildings: tuple[Building, ...] = ()
    #: The organisation's accent colour ("#rrggbb") from its organisation file; None: the program's own.
    accent_color: str | None = None
    #: Its logo from the organisation file, a PNG or SVG as a ``data:`` URL (at most 64 KiB before
    #: encoding); None when it has none.
    logo: str | None = None


class Person(LenientModel):
    id: str
    display_name: str
    org_id: str
    unit: str = ""
    phone: str = ""
    home_room_id: str | None = None
    #: The version of the person's portrait (fetched from ``/fotos/<id>``); "" when there is none.
    photo: str = ""


class OfficeLayout(LenientModel):
    organisations: tuple[Organisation, ...] = ()
    people: tuple[Person, ...] = ()


class Presence(LenientModel):
    person_id: str
    status: Status = Status.OFFLINE
    room_id: str | None = None
    note: str = Field(default="", max_length=MAX_NOTE_CHARS)
    #: "Lust auf Kaffee".
    coffee: bool = False
    #: "Als offline anzeigen" is on; only ever sent to the person themself (others see "offline").
    appear_offline: bool = False
    #: When the person first came online today (server time zone); nothing older is kept.
    first_seen_today: datetime | None = None
