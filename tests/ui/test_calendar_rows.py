"""How an appointment reads as a line of the Kalender list: days, times, marks in words, struck through
when cancelled."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from dvz_desktop.core.appointments import Answer, Appointment, EventState
from dvz_desktop.core.calendar_time import OFFICE_TZ
from dvz_desktop.qt.calendar.rows import line, style


def at(day: int, hour: int, minute: int = 0, month: int = 11) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=OFFICE_TZ)


JOUR_FIXE = Appointment("u1", "Jour fixe", at(24, 9), at(24, 9, 45), room_id="kh-1-b110")


def read(appointment: Appointment, week: bool = True) -> str:
    return line(appointment, week, {"kh-1-b110": "Besprechung 1.10"}.get)  # type: ignore[arg-type]


def test_a_timed_appointment_reads_day_times_title_and_room() -> None:
    assert read(JOUR_FIXE) == "Di 09:00–09:45 Jour fixe · Besprechung 1.10"
    assert read(JOUR_FIXE, week=False) == "09:00–09:45 Jour fixe · Besprechung 1.10"


def test_marks_are_words_after_the_title() -> None:
    assert read(replace(JOUR_FIXE, state=EventState.TENTATIVE, free=True)) == \
        "Di 09:00–09:45 Jour fixe (vorläufig, frei) · Besprechung 1.10"
    assert read(replace(JOUR_FIXE, answer=Answer.DELEGATED), week=False) == \
        "09:00–09:45 Jour fixe (delegiert) · Besprechung 1.10"


def test_whole_days_read_as_days_and_a_free_whole_day_needs_no_word() -> None:
    holiday = Appointment("u2", "Buß- und Bettag", at(18, 0), at(19, 0), all_day=True, free=True)
    assert read(holiday) == "Mi ganztägig Buß- und Bettag"
    klausur = replace(holiday, summary="Klausur", start=at(25, 0), end=at(28, 0))
    assert read(klausur) == read(klausur, week=False) == "Mi–Fr ganztägig Klausur"
    leave = replace(holiday, summary="Urlaub", start=at(21, 0), end=at(5, 0, month=12))
    assert read(leave) == "21.11.–04.12. ganztägig Urlaub"


def test_times_across_midnight_across_days_and_without_length() -> None:
    late = replace(JOUR_FIXE, room_id=None, start=at(24, 23, 30), end=at(25, 0, 30))
    assert read(late) == "Di 23:30–00:30 Jour fixe"
    trip = replace(late, summary="Dienstreise", start=at(23, 8), end=at(25, 18))
    assert read(trip) == "Mo 08:00–Mi 18:00 Dienstreise"
    call = replace(late, summary="Rückruf", start=at(24, 16), end=at(24, 16))
    assert read(call) == "Di 16:00 Rückruf"


def test_a_cancelled_appointment_is_struck_through_and_a_tentative_one_italic(qapp) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QListWidgetItem

    cancelled, tentative, plain = QListWidgetItem(), QListWidgetItem(), QListWidgetItem()
    style(cancelled, replace(JOUR_FIXE, state=EventState.CANCELLED, answer=Answer.TENTATIVE))
    style(tentative, replace(JOUR_FIXE, answer=Answer.TENTATIVE))
    style(plain, JOUR_FIXE)
    assert cancelled.font().strikeOut() and not cancelled.font().italic()
    assert tentative.font().italic() and not tentative.font().strikeOut()
    assert not plain.font().italic() and not plain.font().strikeOut()
