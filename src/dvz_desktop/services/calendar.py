"""The calendar over CalDAV: discovery, an agenda for a time range (recurring events expanded,
Europe/Berlin), creating, changing and deleting appointments, and the last agenda kept for offline.

The caldav library is synchronous: fetching and parsing the agenda runs in a worker process, changes
in a worker thread, so the window never waits. caldav is imported on first use. A single broken entry
from the server is skipped with a warning; the rest shows. Appointments carry a virtual room when their
location or description holds a ``dvz://room/<id>`` link. What an entry means (its end, whether it takes
place, my answer to an invitation) is decided by the rules in ``core.appointments`` and
``core.calendar_time``.
"""

from __future__ import annotations

import asyncio
import json
import logging
import re
from collections.abc import Iterable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from dvz_desktop.core.appointments import (
    Answer,
    Appointment,
    Identity,
    event_state,
    my_answer,
    shown_as_free,
)
from dvz_desktop.core.calendar_time import OFFICE_TZ, office_time, span

__all__ = ["OFFICE_TZ", "Appointment", "CalendarClient", "CalendarError", "appointment_from", "appointments_from"]

log = logging.getLogger(__name__)

ROOM_LINK = re.compile(r"dvz://(?:room|join)/([A-Za-z0-9_.\-]{1,128})")
#: Alarms that ask the program to show or sound something (EMAIL and PROCEDURE are the server's business).
SHOWN_ALARMS = {"DISPLAY", "AUDIO"}


class CalendarError(Exception):
    """German message for the user."""


def _text(component: Any, name: str) -> str:
    value = component.get(name)
    return str(value) if value is not None else ""


def _listed(value: Any) -> list[Any]:
    """A property that may occur once (icalendar gives the value) or several times (a list)."""
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]


def _alarms(component: Any, start: datetime, end: datetime) -> tuple[int, ...]:
    """The entry's reminders in seconds from its start: relative to the start or (RELATED=END) to the
    end, or at a fixed time."""
    found = set()
    for alarm in component.walk("VALARM"):
        trigger = alarm.get("trigger")
        if trigger is None or _text(alarm, "action").upper() not in SHOWN_ALARMS | {""}:
            continue
        when = trigger.dt
        if isinstance(when, timedelta):
            related_to_end = str(trigger.params.get("RELATED", "START")).upper() == "END"
            offset = (end - start if related_to_end else timedelta(0)) + when
        elif isinstance(when, datetime):
            offset = office_time(when) - start
        else:
            continue
        found.add(int(offset.total_seconds()))
    return tuple(sorted(found))


def appointment_from(component: Any, me: Identity | None = None) -> Appointment:
    """One entry (a VEVENT, or one occurrence of a series) as an appointment; ``me``: whose answer to an
    invitation counts (the account's addresses)."""
    duration = component.get("duration")
    end_prop = component.get("dtend")
    start, end, all_day = span(component.get("dtstart").dt, end_prop.dt if end_prop is not None else None,
                               duration.dt if duration is not None and end_prop is None else None)
    location = _text(component, "location")
    found = ROOM_LINK.search(f"{location} {_text(component, 'description')} {_text(component, 'url')}")
    outlook_busy = _text(component, "x-microsoft-cdo-busystatus")
    attendees = [(str(a), str(getattr(a, "params", {}).get("PARTSTAT", "")))
                 for a in _listed(component.get("attendee"))]
    answer = my_answer(me, _text(component, "organizer"), attendees) if me is not None else Answer.NONE
    return Appointment(uid=_text(component, "uid"), summary=_text(component, "summary") or "(ohne Titel)",
                       start=start, end=end, all_day=all_day, location=location,
                       recurring=component.get("recurrence-id") is not None or component.get("rrule") is not None,
                       room_id=found.group(1) if found else None,
                       state=event_state(_text(component, "status"), outlook_busy),
                       free=shown_as_free(_text(component, "transp"), outlook_busy),
                       answer=answer, alarms=_alarms(component, start, end))


def _addresses_of(principal: Any) -> list[str]:
    """The account's own addresses as the server knows them (``calendar-user-address-set``, RFC 6638);
    none when the server does not tell (Radicale names only the principal's path)."""
    try:
        return [str(a) for a in principal.calendar_user_address_set()]
    except Exception as exc:  # noqa: BLE001  (an optional property: the login still identifies me)
        log.info("the calendar server named no addresses for the account (%s)", type(exc).__name__)
        return []


_POOL: Any = None


def _worker() -> Any:
    """One worker process for the calendar, started on first use and kept (caldav stays imported there)."""
    global _POOL
    if _POOL is None:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        # spawn, never fork: the program has Qt and network threads a forked child must not inherit.
        _POOL = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))
        import atexit

        atexit.register(_POOL.shutdown, wait=True, cancel_futures=True)  # before the interpreter tears down
    return _POOL


#: In the worker process: the accounts it has found its calendar for (discovery and the account's
#: addresses cost three requests; a refresh every five minutes need not repeat them).
_CONNECTED: dict[tuple[str, str, str], CalendarClient] = {}


def fetch_agenda(url: str, username: str, password: str, start: datetime, end: datetime) -> list[Appointment]:
    """In the worker process: connect (once per account), search with recurring events expanded, parse."""
    key = (url, username, password)
    client = _CONNECTED.get(key)
    if client is None:
        client = CalendarClient(url, username, password)
        _CONNECTED.clear()  # one account at a time: a changed password leaves no stale copy behind
        _CONNECTED[key] = client
    return client._agenda(start, end)


def appointments_from(components: Iterable[Any], me: Identity | None = None) -> list[Appointment]:
    """The appointments of the server's entries, in order; an entry that cannot be read is skipped."""
    appointments = []
    for component in components:
        try:
            appointments.append(appointment_from(component, me))
        except Exception as exc:  # one broken entry must not hide the others
            log.warning("skipped a calendar entry that could not be read (%s)", type(exc).__name__)
    return sorted(appointments, key=lambda a: (a.start, a.summary))


class CalendarClient:
    def __init__(self, url: str, username: str, password: str, cache_file: Path | None = None) -> None:
        self.url, self.username, self._password = url, username, password
        self.cache_file = cache_file
        self._calendar: Any = None
        self._me = Identity.of(username)

    # --- the blocking part, in a worker thread ---

    def _connect(self) -> Any:
        from caldav.davclient import DAVClient
        from caldav.lib.error import AuthorizationError

        if self._calendar is not None:
            return self._calendar
        try:
            client = DAVClient(self.url, username=self.username, password=self._password, timeout=15)
            principal = client.principal()
            calendars = principal.calendars()
        except AuthorizationError:
            raise CalendarError(
                "Anmeldung am Kalender fehlgeschlagen: Benutzername oder Passwort ist falsch.") from None
        except Exception as exc:
            raise CalendarError(f"Der Kalenderserver {self.url} ist nicht erreichbar.") from exc
        if not calendars:
            raise CalendarError("In diesem Konto gibt es keinen Kalender.")
        self._me = Identity.of(self.username, _addresses_of(principal))
        self._calendar = calendars[0]
        return self._calendar

    def _agenda(self, start: datetime, end: datetime) -> list[Appointment]:
        calendar = self._connect()
        try:
            found = calendar.search(event=True, expand=True, start=start, end=end)
        except Exception:
            self._calendar = None
            raise CalendarError(f"Der Kalenderserver {self.url} ist nicht erreichbar.") from None
        return appointments_from((event.icalendar_component for event in found), self._me)

    def _create(self, summary: str, start: datetime, end: datetime, room_id: str | None, weekly: bool,
                all_day: bool) -> str:
        calendar = self._connect()
        fields: dict[str, Any] = {"summary": summary}
        if all_day:
            fields.update(dtstart=start.date(), dtend=end.date())
        else:
            fields.update(dtstart=start.astimezone(OFFICE_TZ), dtend=end.astimezone(OFFICE_TZ))
        if room_id:
            fields["location"] = f"dvz://room/{room_id}"
        if weekly:
            fields["rrule"] = {"FREQ": "WEEKLY"}
        event = calendar.save_event(**fields)
        return str(event.icalendar_component.get("uid"))

    def _change(self, uid: str, delete: bool, summary: str | None = None, start: datetime | None = None,
                end: datetime | None = None, room_id: str | None = None) -> None:
        calendar = self._connect()
        try:
            event = calendar.event_by_uid(uid)
        except Exception as exc:
            raise CalendarError("Diesen Termin gibt es im Kalender nicht mehr.") from exc
        if delete:
            event.delete()
            return
        component = event.icalendar_component
        if summary is not None:
            component["summary"] = summary
        if start is not None and end is not None:
            # A whole-day appointment keeps its dates; a timed one is stored in Europe/Berlin.
            all_day = not isinstance(component.get("dtstart").dt, datetime)
            for key, value in (("dtstart", start), ("dtend", end)):
                if key in component:
                    del component[key]
                component.add(key, value.date() if all_day else value.astimezone(OFFICE_TZ))
        if room_id is not None:
            if "location" in component:
                del component["location"]
            if room_id:
                component.add("location", f"dvz://room/{room_id}")
        event.save()

    # --- what the UI calls ---

    async def agenda(self, start: datetime, end: datetime) -> list[Appointment]:
        # Parsing a week of a busy calendar is pure Python for about a second: in a thread it would hold
        # the interpreter lock in long stretches and stall the window; a worker process does not.
        loop = asyncio.get_running_loop()
        appointments = await loop.run_in_executor(_worker(), fetch_agenda, self.url, self.username,
                                                  self._password, start, end)
        await asyncio.to_thread(self._save_cache, appointments)
        return appointments

    async def create(self, summary: str, start: datetime, end: datetime, room_id: str | None = None,
                     weekly: bool = False, all_day: bool = False) -> str:
        return await asyncio.to_thread(self._create, summary, start, end, room_id, weekly, all_day)

    async def rename(self, uid: str, summary: str) -> None:
        await asyncio.to_thread(self._change, uid, False, summary)

    async def update(self, uid: str, summary: str, start: datetime, end: datetime, room_id: str = "") -> None:
        """Change title, time and virtual room (of the whole series for a recurring appointment)."""
        await asyncio.to_thread(self._change, uid, False, summary, start, end, room_id)

    async def delete(self, uid: str) -> None:
        await asyncio.to_thread(self._change, uid, True)

    # --- offline ---

    def _save_cache(self, appointments: list[Appointment]) -> None:
        if self.cache_file is None:
            return
        self.cache_file.parent.mkdir(parents=True, exist_ok=True)
        data = {"stand": datetime.now(OFFICE_TZ).isoformat(), "appointments": [a.to_json() for a in appointments]}
        self.cache_file.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")

    def cached(self) -> tuple[list[Appointment], datetime | None]:
        """The last agenda that was fetched, and when ("Stand: hh:mm")."""
        if self.cache_file is None:
            return [], None
        try:
            data = json.loads(self.cache_file.read_text(encoding="utf-8"))
            return [Appointment.from_json(a) for a in data["appointments"]], datetime.fromisoformat(data["stand"])
        except (OSError, ValueError, KeyError, TypeError):
            return [], None
