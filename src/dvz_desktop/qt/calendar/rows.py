"""How an appointment reads in a list (Kalender, Heute): its days and times, its title, what it is
("abgesagt", "abgelehnt", "vorläufig", …) in words, and a cancelled one struck through.

The words are looked up once per list (:func:`words`), not per line: a busy week has 500 lines.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QListWidgetItem

from dvz_desktop.core.appointments import Appointment, EventState, Mark, marks

from ..locale_names import weekday_name

translate = QCoreApplication.translate  # literal strings in each call, so lupdate finds them


@dataclass(frozen=True)
class Words:
    weekdays: tuple[str, ...]
    marks: dict[Mark, str]
    all_day: str

    def weekday(self, moment: datetime) -> str:
        return self.weekdays[moment.weekday()]


def words() -> Words:
    """The words of the current language."""
    return Words(
        weekdays=tuple(weekday_name(day, short=True) for day in range(7)),
        marks={Mark.CANCELLED: translate("CalendarRows", "abgesagt"),
               Mark.DECLINED: translate("CalendarRows", "abgelehnt"),
               Mark.DELEGATED: translate("CalendarRows", "delegiert"),
               Mark.TENTATIVE: translate("CalendarRows", "vorläufig"),
               Mark.UNANSWERED: translate("CalendarRows", "unbeantwortet"),
               Mark.FREE: translate("CalendarRows", "frei")},
        all_day=translate("CalendarRows", "ganztägig"))


def days(appointment: Appointment, week: bool, said: Words) -> str:
    """The day(s) in front of the times: the weekday in the week view; for an appointment over several
    days always its first and last day ("Mi–Fr", or dates when it lasts longer than a week)."""
    last = appointment.end - timedelta(days=1) if appointment.all_day else appointment.end
    if appointment.all_day and last.date() > appointment.start.date():
        if last - appointment.start >= timedelta(days=7):
            return f"{appointment.start:%d.%m.}–{last:%d.%m.}"
        return f"{said.weekday(appointment.start)}–{said.weekday(last)}"
    return said.weekday(appointment.start) if week else ""


def times(appointment: Appointment, said: Words) -> str:
    """"09:00–09:45"; "ganztägig"; "09:00" for an entry without length; "Mo 08:00–Mi 18:00" across days."""
    if appointment.all_day:
        return said.all_day
    start, end = appointment.start, appointment.end
    if end == start:
        return f"{start:%H:%M}"
    if end - start >= timedelta(days=1):
        return f"{start:%H:%M}–{said.weekday(end)} {end:%H:%M}"
    return f"{start:%H:%M}–{end:%H:%M}"


def marked(appointment: Appointment, said: Words) -> str:
    """" (abgesagt)", " (vorläufig, frei)" or "". A whole day shown as free is the usual case, not
    worth a word."""
    found = [said.marks[m] for m in marks(appointment) if not (m is Mark.FREE and appointment.all_day)]
    return f" ({', '.join(found)})" if found else ""


def line(appointment: Appointment, week: bool, room_name: Callable[[str], str], said: Words | None = None) -> str:
    said = said or words()
    room = f" · {room_name(appointment.room_id)}" if appointment.room_id else ""
    head = " ".join(x for x in (days(appointment, week, said), times(appointment, said)) if x)
    return f"{head} {appointment.summary}{marked(appointment, said)}{room}"


def style(item: QListWidgetItem, appointment: Appointment) -> None:
    """Struck through when cancelled, italic while tentative or unanswered (the words say it too)."""
    cancelled = appointment.state is EventState.CANCELLED
    found = () if cancelled else marks(appointment)
    italic = Mark.TENTATIVE in found or Mark.UNANSWERED in found
    if cancelled or italic:  # most lines keep the list's font as it is
        font = item.font()
        font.setStrikeOut(cancelled)
        font.setItalic(italic)
        item.setFont(font)
