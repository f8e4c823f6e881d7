"""When a calendar entry begins and ends, per RFC 5545, in the office's time zone.

An entry gives its start (``DTSTART``) and either an end (``DTEND``) or a length (``DURATION``), or
neither. A date without a time is a whole day; a time without a zone ("floating") is the office's
local time. All results are in :data:`OFFICE_TZ`, so "today" and "09:00" mean what the clerk sees on
the wall clock.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

OFFICE_TZ = ZoneInfo("Europe/Berlin")


def office_time(value: date | datetime) -> datetime:
    """A start or end in office time; a floating time is taken as office time, a date as its midnight."""
    if isinstance(value, datetime):
        return (value if value.tzinfo else value.replace(tzinfo=OFFICE_TZ)).astimezone(OFFICE_TZ)
    return datetime.combine(value, time(0), OFFICE_TZ)


def is_all_day(start: date | datetime) -> bool:
    """An entry whose start is a date (``VALUE=DATE``) lasts whole days."""
    return not isinstance(start, datetime)


def add_duration(start: date | datetime, duration: timedelta) -> date | datetime:
    """``start`` + ``duration`` as RFC 5545 reads it: days and weeks are nominal (the same wall-clock
    time so many days later, also across a daylight-saving change), hours, minutes and seconds exact.

    (The icalendar library hands ``DURATION`` over as one timedelta, so ``PT24H`` arrives as one day and
    is read as a nominal day; no calendar program writes it for "one day later".)
    """
    if duration < timedelta(0):
        return start  # RFC 5545 forbids a negative length; an entry that says so lasts no time
    if not isinstance(start, datetime):
        return start + timedelta(days=max(duration.days, 1))  # whole days; at least the day itself
    local = start if start.tzinfo else start.replace(tzinfo=OFFICE_TZ)
    walled = local + timedelta(days=duration.days)  # same tzinfo: Python adds wall-clock time
    exact = timedelta(seconds=duration.seconds, microseconds=duration.microseconds)
    return (walled.astimezone(UTC) + exact).astimezone(local.tzinfo)


def span(start: date | datetime, end: date | datetime | None = None,
         duration: timedelta | None = None) -> tuple[datetime, datetime, bool]:
    """(start, end, all day) in office time from ``DTSTART`` and ``DTEND`` or ``DURATION``.

    RFC 5545 3.6.1: without either, a whole-day entry lasts one day and a timed one ends when it
    begins. An end before the start (seen from lax programs) is read the same way.
    """
    all_day = is_all_day(start)
    if end is None and duration is not None:
        end = add_duration(start, duration)
    begin = office_time(start)
    finish = office_time(end) if end is not None else begin
    if finish <= begin:
        finish = office_time(start + timedelta(days=1)) if all_day else begin
    return begin, finish, all_day
