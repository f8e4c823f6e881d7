"""While an appointment is going on, "in Besprechung" (only from "verfügbar"); afterwards back.

The rule of one step is :func:`dvz_desktop.core.meeting_status.next_status`; this remembers whether the
current "in Besprechung" was set by the calendar (then it may be given back) or by the user.
"""

from __future__ import annotations

from dataclasses import dataclass

from dvz_desktop.protocol import Status

from .meeting_status import next_status


@dataclass
class MeetingStatusFollower:
    #: The "in Besprechung" now showing was set by us (and not yet confirmed otherwise by the user).
    ours: bool = False

    def step(self, busy: bool, current: Status) -> Status | None:
        """The status to set now (None: leave it as it is)."""
        if current is not Status.IN_MEETING:
            self.ours = False  # whatever the user chose since is theirs
        wanted = next_status(busy, current, self.ours)
        if wanted is not None:
            self.ours = wanted is Status.IN_MEETING
        return wanted
