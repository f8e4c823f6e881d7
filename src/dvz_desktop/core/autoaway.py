"""Auto-away: after N minutes without input the status becomes "abwesend", and returns on input.

Only statuses a person would leave when stepping away are replaced; "nicht stören" and "in Besprechung"
are deliberate and stay. The status is only restored if auto-away set it (not if the person changed it
in between).
"""

from __future__ import annotations

from dataclasses import dataclass

from dvz_desktop.protocol import Status

REPLACEABLE = frozenset({Status.AVAILABLE, Status.BUSY})


@dataclass
class AutoAway:
    idle_minutes: float = 10.0
    #: The status auto-away replaced; None while it is not active.
    replaced: Status | None = None

    def decide(self, idle_seconds: float, current: Status) -> Status | None:
        """The status to set now, or None for no change."""
        if self.idle_minutes <= 0:
            return None
        if self.replaced is None:
            if current in REPLACEABLE and idle_seconds >= self.idle_minutes * 60:
                self.replaced = current
                return Status.AWAY
            return None
        if current is not Status.AWAY:  # the person chose something else meanwhile: step back
            self.replaced = None
            return None
        if idle_seconds < 5:
            restored, self.replaced = self.replaced, None
            return restored
        return None
