"""When a call runs through the media server, who may join it, and who moderates it.

A call starts peer to peer (a mesh): every member sends to every other, which is fine for four people
and no further. It moves to the media server (an SFU: everyone sends once, the server forwards) when a
fifth person joins, always in a room the organisation file marks ``large``, and as soon as a guest from
outside takes part (the browser page speaks only to the media server). Once there it stays there, even
when people leave: moving back would freeze everybody's picture again for nothing.

Without a media server the fifth person is refused (``call_full``) and the room stays at four; with the
media server down, the same (``media_server_unavailable``). When it fails mid-meeting, a call of four or
fewer staff falls back to the mesh; a larger one (or one with guests) waits for it to come back, and
both return to the media server when it is back if they need it.

Moderators: the room's owner and whoever opened the call; after the opener left, whoever has been in it
longest. Guests never moderate.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import Enum

from dvz_desktop.protocol import MAX_CALL_MEMBERS, ErrorCode
from dvz_desktop.protocol.meetings import MAX_MEETING_MEMBERS

T_MIN = datetime.min


class Media(str, Enum):
    MESH = "mesh"
    SFU = "sfu"


class Sfu(str, Enum):
    """The media server as the backend knows it right now."""

    NONE = "none"  # not configured
    UP = "up"
    DOWN = "down"


@dataclass(frozen=True)
class Shape:
    """What decides a call's media: how many people, how many of them guests, the room, where it is now."""

    members: int
    guests: int = 0
    large_room: bool = False
    current: Media = Media.MESH

    def needs_sfu(self) -> bool:
        return self.members > MAX_CALL_MEMBERS or self.guests > 0 or self.large_room


def admit(after: Shape, sfu: Sfu) -> ErrorCode | None:
    """Whether a call may take the shape ``after`` (someone joining it); the error code if not."""
    if after.members > MAX_MEETING_MEMBERS:
        return ErrorCode.MEETING_FULL
    if not (after.members > MAX_CALL_MEMBERS or after.guests > 0) or sfu is Sfu.UP:
        return None  # a large room of four or fewer without a media server still has the mesh
    return ErrorCode.CALL_FULL if sfu is Sfu.NONE else ErrorCode.MEDIA_SERVER_UNAVAILABLE


def choose(shape: Shape, sfu: Sfu) -> Media:
    """Where the call runs now: on the media server while it is up and the call is there or needs it;
    otherwise in the mesh if the mesh can carry it; otherwise it waits on the (lost) media server."""
    if sfu is Sfu.UP:
        return Media.SFU if shape.current is Media.SFU or shape.needs_sfu() else Media.MESH
    if shape.members <= MAX_CALL_MEMBERS and shape.guests == 0:
        return Media.MESH
    return Media.SFU


def moderators(owner_id: str | None, opener_id: str | None, members_by_arrival: Sequence[str],
               guests: Collection[str] = ()) -> tuple[str, ...]:
    """The room's owner (when in the call) and the opener, or in the opener's absence the member who
    has been in the call longest; never a guest."""
    staff = [m for m in members_by_arrival if m not in guests]
    found: list[str] = []
    if owner_id is not None and owner_id in staff:
        found.append(owner_id)
    stand_in = opener_id if opener_id in staff else next(iter(staff), None)
    if stand_in is not None and stand_in not in found:
        found.append(stand_in)
    return tuple(found)


@dataclass(frozen=True)
class ListEntry:
    person_id: str
    name: str
    hand_raised_at: datetime | None = None


def list_order(entries: Sequence[ListEntry]) -> list[ListEntry]:
    """The participant list: raised hands first, in the order they went up; then everyone by name."""
    raised = sorted((e for e in entries if e.hand_raised_at is not None), key=lambda e: e.hand_raised_at or T_MIN)
    others = sorted((e for e in entries if e.hand_raised_at is None), key=lambda e: (e.name.casefold(), e.person_id))
    return [*raised, *others]

