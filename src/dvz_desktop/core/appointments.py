"""Appointments as the clerk's calendar holds them, and the rules about them: which take place, which
make the status "in Besprechung", how they are marked, and when to remind.

- A cancelled appointment (``STATUS:CANCELLED``) does not take place: it is shown struck through, never
  reminded of, and never makes anybody busy.
- An invitation I declined (or handed on, ``PARTSTAT=DELEGATED``) takes place without me: it shows,
  marked, but is never reminded of and never makes me busy.
- An appointment shown as free (``TRANSP:TRANSPARENT``, Outlook's "Frei") shows and is reminded of, but
  never makes me busy.
- A tentative appointment (``STATUS:TENTATIVE``, my answer "mit Vorbehalt", Outlook's "Mit Vorbehalt")
  and an invitation I have not answered yet are marked as such and count as busy, as Outlook's and
  Exchange's free/busy count them.
- All-day entries (a holiday, a Klausurtag, leave) never make the status "in Besprechung".
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timedelta
from enum import Enum, StrEnum
from typing import Any


class EventState(StrEnum):
    """``STATUS`` of the entry, as its organiser set it."""

    CONFIRMED = "confirmed"
    TENTATIVE = "tentative"
    CANCELLED = "cancelled"


class Answer(StrEnum):
    """My own answer to an invitation (``PARTSTAT`` on my attendee line); NONE: not an invitation to me,
    or a program that does not say (Outlook's exports often leave it out)."""

    NONE = ""
    ACCEPTED = "accepted"
    TENTATIVE = "tentative"
    NEEDS_ACTION = "needs-action"
    DECLINED = "declined"
    DELEGATED = "delegated"


class Mark(Enum):
    """What the calendar says beside an appointment (in words, never by colour alone)."""

    CANCELLED = "cancelled"
    DECLINED = "declined"
    DELEGATED = "delegated"
    TENTATIVE = "tentative"
    UNANSWERED = "unanswered"
    FREE = "free"


@dataclass(frozen=True)
class Appointment:
    uid: str
    summary: str
    start: datetime
    end: datetime
    all_day: bool = False
    location: str = ""
    recurring: bool = False
    #: The virtual room of the appointment (from a dvz:// link), for "Beitreten".
    room_id: str | None = None
    state: EventState = EventState.CONFIRMED
    #: Shown as free time (``TRANSP:TRANSPARENT``).
    free: bool = False
    answer: Answer = Answer.NONE
    #: Reminders the entry asks for (its ``VALARM``s), in seconds relative to the start.
    alarms: tuple[int, ...] = field(default=())

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["start"], data["end"] = self.start.isoformat(), self.end.isoformat()
        data["alarms"] = list(self.alarms)
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Appointment:
        """From the offline copy; fields an older version did not write take their defaults."""
        values = {**data, "start": datetime.fromisoformat(data["start"]), "end": datetime.fromisoformat(data["end"])}
        values["state"] = EventState(data.get("state", EventState.CONFIRMED))
        values["answer"] = Answer(data.get("answer", Answer.NONE))
        values["alarms"] = tuple(int(s) for s in data.get("alarms", ()))
        return cls(**values)


# --- who I am in an invitation -------------------------------------------------------------------


def bare_address(value: str) -> str:
    """``MAILTO:A.Schneider@Kreis.de`` -> ``a.schneider@kreis.de`` (addresses compare without case)."""
    text = value.strip().lower()
    return text.removeprefix("mailto:")


@dataclass(frozen=True)
class Identity:
    """Who "I" am on the attendee lines of my calendar.

    The addresses the server names for the account (CalDAV ``calendar-user-address-set``) and the login
    when it is an address. Only when neither gives an address does a login like ``a.schneider`` match an
    attendee ``a.schneider@…`` by the part before the @.
    """

    addresses: frozenset[str]
    login: str = ""

    @classmethod
    def of(cls, login: str, server_addresses: Iterable[str] = ()) -> Identity:
        found = {bare_address(a) for a in server_addresses if a.strip().lower().startswith("mailto:")}
        if "@" in login:
            found.add(bare_address(login))
        return cls(frozenset(a for a in found if a), login.strip().lower())

    def is_me(self, address: str) -> bool:
        bare = bare_address(address)
        if self.addresses:
            return bare in self.addresses
        return bool(self.login) and bare.partition("@")[0] == self.login


_ANSWERS = {"ACCEPTED": Answer.ACCEPTED, "TENTATIVE": Answer.TENTATIVE, "NEEDS-ACTION": Answer.NEEDS_ACTION,
            "DECLINED": Answer.DECLINED, "DELEGATED": Answer.DELEGATED}


def my_answer(me: Identity, organizer: str, attendees: Iterable[tuple[str, str]]) -> Answer:
    """My answer from the attendee lines ``(address, PARTSTAT or "")``; the organiser takes part."""
    mine = [_ANSWERS.get(partstat.strip().upper(), Answer.NONE) for address, partstat in attendees
            if me.is_me(address)]
    organising = bool(organizer) and me.is_me(organizer)
    answer = next((a for a in mine if a is not Answer.NONE), Answer.NONE)
    if organising and answer in (Answer.NONE, Answer.NEEDS_ACTION):
        return Answer.ACCEPTED
    return answer


def event_state(status: str, outlook_busy_status: str = "") -> EventState:
    """``STATUS``; Outlook says "Mit Vorbehalt" in ``X-MICROSOFT-CDO-BUSYSTATUS:TENTATIVE`` instead."""
    value = status.strip().upper()
    if value == "CANCELLED":
        return EventState.CANCELLED
    if value == "TENTATIVE" or outlook_busy_status.strip().upper() == "TENTATIVE":
        return EventState.TENTATIVE
    return EventState.CONFIRMED


def shown_as_free(transp: str, outlook_busy_status: str = "") -> bool:
    """``TRANSP:TRANSPARENT``, or Outlook's "Anzeigen als: Frei" (``X-MICROSOFT-CDO-BUSYSTATUS:FREE``)."""
    return transp.strip().upper() == "TRANSPARENT" or outlook_busy_status.strip().upper() == "FREE"


# --- the rules --------------------------------------------------------------------------------------


def takes_place_for_me(appointment: Appointment) -> bool:
    """Not cancelled, and I did not decline or hand on the invitation."""
    return appointment.state is not EventState.CANCELLED and \
        appointment.answer not in (Answer.DECLINED, Answer.DELEGATED)


def makes_busy(appointment: Appointment) -> bool:
    """Whether, while it lasts, the status says "in Besprechung"."""
    return takes_place_for_me(appointment) and not appointment.free and not appointment.all_day


def busy_at(now: datetime, appointments: Iterable[Appointment]) -> bool:
    """An appointment that makes me busy is going on (its end is free again)."""
    return any(a.start <= now < a.end for a in appointments if makes_busy(a))


def marks(appointment: Appointment) -> list[Mark]:
    """The words beside an appointment; a cancelled one says only that."""
    if appointment.state is EventState.CANCELLED:
        return [Mark.CANCELLED]
    found = []
    if appointment.answer is Answer.DECLINED:
        found.append(Mark.DECLINED)
    elif appointment.answer is Answer.DELEGATED:
        found.append(Mark.DELEGATED)
    elif appointment.state is EventState.TENTATIVE or appointment.answer is Answer.TENTATIVE:
        found.append(Mark.TENTATIVE)
    elif appointment.answer is Answer.NEEDS_ACTION:
        found.append(Mark.UNANSWERED)
    if appointment.free:
        found.append(Mark.FREE)
    return found


def on_day(appointment: Appointment, day: date) -> bool:
    """The appointment falls on ``day`` (also a Klausur over several days, on each of them)."""
    midnight = datetime.combine(day, datetime.min.time(), appointment.start.tzinfo)
    return appointment.start < midnight + timedelta(days=1) and \
        (appointment.end > midnight or appointment.start >= midnight)


#: Without an alarm of its own, a timed appointment is announced five minutes before.
DEFAULT_REMINDER = timedelta(minutes=-5)
#: An alarm at or after the start is still shown this long after it was due.
LATE_WINDOW = timedelta(minutes=5)


def reminder_times(appointment: Appointment) -> list[datetime]:
    """When to remind: the entry's own alarms, else five minutes before (not for whole days); never
    for an appointment that does not take place for me."""
    if not takes_place_for_me(appointment):
        return []
    if appointment.alarms:
        return sorted(appointment.start + timedelta(seconds=s) for s in appointment.alarms)
    return [] if appointment.all_day else [appointment.start + DEFAULT_REMINDER]


def due_reminder(appointment: Appointment, now: datetime) -> datetime | None:
    """The latest reminder due now (its time passed and the appointment not begun, or the reminder at
    most :data:`LATE_WINDOW` old): after a late start only the last one missed is shown."""
    due = [t for t in reminder_times(appointment) if t <= now <= max(appointment.start, t + LATE_WINDOW)]
    return max(due) if due else None
