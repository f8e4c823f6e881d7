"""During an appointment the status says "in Besprechung" — only when I was simply available, and it
goes back to "verfügbar" afterwards only if nobody (me) changed it meanwhile. Which appointments make
me busy is ``core.appointments.busy_at``."""

from __future__ import annotations

from dvz_desktop.protocol import Status


def next_status(busy: bool, current: Status, set_by_calendar: bool) -> Status | None:
    """The status to switch to now, or None to leave it as it is."""
    if busy and current is Status.AVAILABLE:
        return Status.IN_MEETING
    if not busy and set_by_calendar and current is Status.IN_MEETING:
        return Status.AVAILABLE
    return None
