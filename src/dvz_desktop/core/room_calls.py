"""When walking into a room starts (or joins) its call.

Walk into a room where others are, or have someone walk into mine, and we hear each other: the room's
call starts for me with the microphone on and the camera off. After I hung up in a room I stay out of
its call until I have left that room. Nothing starts while another conversation is live (a call or a
visit at the digital door) or while a join is already on its way.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from dvz_desktop.protocol import RoomKind

#: Rooms where being together means talking; the kitchen and the foyer are for meeting, not for calls.
CALL_ROOM_KINDS = frozenset({RoomKind.MEETING_ROOM, RoomKind.PERSONAL_OFFICE, RoomKind.TEAM_OFFICE,
                             RoomKind.PROJECT_ROOM})


@dataclass
class RoomCallRule:
    room: str | None = None
    hung_up_in: str | None = None
    joining: bool = False

    def moved(self, my_room: str | None) -> bool:
        """My room is ``my_room`` now; True if that is a different room than before."""
        if my_room != self.room:
            self.room, self.hung_up_in = my_room, None
            return True
        return False

    def hung_up(self) -> None:
        self.hung_up_in = self.room

    def should_join(self, kind: RoomKind | None, others_here: Collection[str], in_call: bool,
                    line_idle: bool) -> bool:
        return (self.room is not None and kind in CALL_ROOM_KINDS and bool(others_here) and not in_call
                and not self.joining and self.hung_up_in != self.room and line_idle)
