"""How an appointment reads in a list (Kalender, Heute): its days and times, its title, what it is
("abgesagt", "abgelehnt", "vorläufig", …) in words, and a cancelled one struck through."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QListWidgetItem

from dvz_desktop.core.appointments import Appointment, EventState, Mark, marks

translate = QCoreApplication.translate  # literal strings in each call, so lupdate finds them


def mark_words() -> dict[Mark, str]:
    return {Mark.CANCELLED: translate("CalendarRows", "abgesagt"), Mark.DECLINED: translate("CalendarRows", "abgelehnt"),
            Mark.DELEGATED: translate("CalendarRows", "delegiert"), Mark.TENTATIVE: translate("CalendarRows", "vorläufig"),
            Mark.UNANSWERED: translate("CalendarRows", "unbeantwortet"), Mark.FREE: translate("CalendarRows", "frei")}


def weekday(moment: datetime) -> str:
    return (translate("CalendarRows", "Mo"), translate("CalendarRows", "Di"), translate("CalendarRows", "Mi"), translate("CalendarRows", "Do"),
            translate("CalendarRows", "Fr"), translate("CalendarRows", "Sa"), translate("CalendarRows", "So"))[moment.weekday()]


def days(appointment: Appointment, week: bool) -> str:
    """The day(s) in front of the times: the weekday in the week view; for an appointment over several
    days always its first and last day ("Mi–Fr", or dates when it lasts longer than a week)."""
    last = appointment.end - timedelta(days=1) if appointment.all_day else appointment.end
    if appointment.all_day and last.date() > appointment.start.date():
        if last - appointment.start >= timedelta(days=7):
            return f"{appointment.start:%d.%m.}–{last:%d.%m.}"
        return f"{weekday(appointment.start)}–{weekday(last)}"
    return weekday(appointment.start) if week else ""


def times(appointment: Appointment) -> str:
    """"09:00–09:45"; "ganztägig"; "09:00" for an entry without length; "Mo 08:00–Mi 18:00" across days."""
    if appointment.all_day:
        return translate("CalendarRows", "ganztägig")
    start, end = appointment.start, appointment.end
    if end == start:
        return f"{start:%H:%M}"
    if end - start >= timedelta(days=1):
        return f"{start:%H:%M}–{weekday(end)} {end:%H:%M}"
    return f"{start:%H:%M}–{end:%H:%M}"


def marked(appointment: Appointment) -> str:
    """" (abgesagt)", " (vorläufig, frei)" or "". A whole day shown as free is the usual case, not
    worth a word."""
    words = mark_words()
    found = [words[m] for m in marks(appointment) if not (m is Mark.FREE and appointment.all_day)]
    return f" ({', '.join(found)})" if found else ""


def line(appointment: Appointment, week: bool, room_name: Callable[[str], str]) -> str:
    room = f" · {room_name(appointment.room_id)}" if appointment.room_id else ""
    head = " ".join(x for x in (days(appointment, week), times(appointment)) if x)
    return f"{head} {appointment.summary}{marked(appointment)}{room}"


def style(item: QListWidgetItem, appointment: Appointment) -> None:
    """Struck through when cancelled, italic while tentative or unanswered (the words say it too)."""
    found = marks(appointment)
    font = item.font()
    font.setStrikeOut(appointment.state is EventState.CANCELLED)
    font.setItalic(Mark.TENTATIVE in found or Mark.UNANSWERED in found)
    item.setFont(font)
