"""What the public's media needs to know of a body's public session, whichever node runs it: the room
whose meeting carries it, and whether what happens now may be broadcast (no item yet, or a public one).
The node running the session knows it from the session; the others from its last state (across_nodes.py)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .feature import CouncilFeature


@dataclass(frozen=True)
class PublicStage:
    room_id: str
    #: False during a non-public agenda item: picture and sound are cut.
    on_air: bool


def public_stage(council: CouncilFeature, body_id: str) -> PublicStage | None:
    """The body's running public session as the public's media sees it (None: none runs)."""
    session = council.public_session(body_id)
    if session is not None:
        current = session.current_item
        return PublicStage(session.room_id, current is None or session.agenda[current].public)
    info = council.remote_public_info(body_id)
    if info is None or info.ended_at is not None:
        return None
    current = info.current_item
    return PublicStage(info.room_id, current is None or info.agenda[current].public)


def public_room(council: CouncilFeature, room_id: str) -> bool:
    """Whether a public session of a body runs in the room (its meeting stays on the media server, whatever
    its size: the public watches through it), on this node or another."""
    if any(s.room_id == room_id and s.body is not None and s.public and s.ended_at is None
           for s in council.sessions.values()):
        return True
    remotes = council.nodes.remotes.values() if council.nodes is not None else ()
    return any(r.room_id == room_id and r.body is not None and r.public for r in remotes)
