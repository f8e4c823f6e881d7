"""The calendar's rules: when an entry ends (RFC 5545), which appointments take place, which make the
status "in Besprechung", how they are marked, who "I" am on an invitation, and when to remind."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from dvz_desktop.core.appointments import (
    Answer,
    Appointment,
    EventState,
    Identity,
    Mark,
    busy_at,
    due_reminder,
    event_state,
    makes_busy,
    marks,
    my_answer,
    on_day,
    reminder_times,
    shown_as_free,
    takes_place_for_me,
)
from dvz_desktop.core.calendar_time import OFFICE_TZ, add_duration, span
from dvz_desktop.core.meeting_status import next_status
from dvz_desktop.protocol import Status

UTC = ZoneInfo("UTC")


def at(day: int, hour: int, minute: int = 0, month: int = 11, year: int = 2026) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=OFFICE_TZ)


def meeting(**changes: object) -> Appointment:
    return replace(Appointment("u1", "Jour fixe", at(24, 11), at(24, 12)), **changes)  # type: ignore[arg-type]


# --- when an entry ends ------------------------------------------------------------------------------


def test_an_entry_with_a_duration_and_no_end_ends_after_the_duration() -> None:
    assert span(at(24, 11), duration=timedelta(minutes=45)) == (at(24, 11), at(24, 11, 45), False)


def test_a_whole_day_entry_with_a_duration_lasts_that_many_days() -> None:
    assert span(date(2026, 11, 25), duration=timedelta(days=3)) == (at(25, 0), at(28, 0), True)


def test_an_end_wins_over_a_duration_and_a_whole_day_entry_without_either_lasts_one_day() -> None:
    assert span(at(24, 11), at(24, 11, 30), timedelta(hours=3))[1] == at(24, 11, 30)
    assert span(date(2026, 11, 25)) == (at(25, 0), at(26, 0), True)


def test_a_timed_entry_without_end_or_duration_ends_when_it_begins() -> None:
    assert span(at(24, 11)) == (at(24, 11), at(24, 11), False)  # RFC 5545 3.6.1


def test_a_day_of_duration_is_a_calendar_day_across_the_change_to_winter_time() -> None:
    # Saturday 24 October 2026, 09:00 summer time; one day later is Sunday 09:00 winter time (25 h).
    start = datetime(2026, 10, 24, 9, 0, tzinfo=OFFICE_TZ)
    assert add_duration(start, timedelta(days=1)) == datetime(2026, 10, 25, 9, 0, tzinfo=OFFICE_TZ)
    # ... while hours are exact: 3 hours from Sunday 01:00 is 03:00 in winter time (02:00 twice).
    night = datetime(2026, 10, 25, 1, 0, tzinfo=OFFICE_TZ)
    assert add_duration(night, timedelta(hours=3)).astimezone(UTC) == night.astimezone(UTC) + timedelta(hours=3)


def test_floating_and_utc_times_are_read_in_office_time() -> None:
    start, end, _ = span(datetime(2026, 11, 24, 16, 0), datetime(2026, 11, 24, 16, 15))
    assert (start, end) == (at(24, 16), at(24, 16, 15))  # floating: the local wall clock
    start, end, _ = span(datetime(2026, 11, 24, 7, 0, tzinfo=UTC), datetime(2026, 11, 24, 8, 0, tzinfo=UTC))
    assert (start, end) == (at(24, 8), at(24, 9)) and start.tzinfo is OFFICE_TZ


def test_a_negative_or_backwards_entry_lasts_no_time_and_a_backwards_whole_day_one_day() -> None:
    assert span(at(24, 11), duration=timedelta(minutes=-30))[1] == at(24, 11)
    assert span(at(24, 11), at(24, 10))[1] == at(24, 11)
    assert span(date(2026, 11, 25), date(2026, 11, 25))[1] == at(26, 0)


# --- which appointments make the status "in Besprechung" ---------------------------------------------


def test_a_confirmed_appointment_makes_me_busy_while_it_lasts() -> None:
    jour_fixe = meeting()
    assert busy_at(at(24, 11, 10), [jour_fixe])
    assert not busy_at(at(24, 12), [jour_fixe])  # the end is free again
    assert not busy_at(at(24, 10, 59), [jour_fixe])


def test_a_cancelled_appointment_does_not_take_place_and_never_makes_me_busy() -> None:
    cancelled = meeting(state=EventState.CANCELLED, answer=Answer.ACCEPTED)
    assert not takes_place_for_me(cancelled) and not busy_at(at(24, 11, 10), [cancelled])
    assert marks(cancelled) == [Mark.CANCELLED]


def test_a_free_appointment_shows_but_never_makes_me_busy() -> None:
    info = meeting(free=True)
    assert takes_place_for_me(info) and not makes_busy(info) and marks(info) == [Mark.FREE]


def test_a_declined_or_handed_on_invitation_never_makes_me_busy() -> None:
    for answer, mark in ((Answer.DECLINED, Mark.DECLINED), (Answer.DELEGATED, Mark.DELEGATED)):
        declined = meeting(answer=answer)
        assert not takes_place_for_me(declined) and not busy_at(at(24, 11, 10), [declined])
        assert marks(declined) == [mark]


def test_tentative_and_unanswered_appointments_are_marked_and_count_as_busy() -> None:
    for tentative in (meeting(state=EventState.TENTATIVE), meeting(answer=Answer.TENTATIVE)):
        assert busy_at(at(24, 11, 10), [tentative]) and marks(tentative) == [Mark.TENTATIVE]
    unanswered = meeting(answer=Answer.NEEDS_ACTION)
    assert busy_at(at(24, 11, 10), [unanswered]) and marks(unanswered) == [Mark.UNANSWERED]
    assert marks(meeting(state=EventState.TENTATIVE, free=True)) == [Mark.TENTATIVE, Mark.FREE]


def test_whole_day_entries_never_make_me_busy() -> None:
    klausur = meeting(start=at(24, 0), end=at(25, 0), all_day=True)
    assert not busy_at(at(24, 11), [klausur])


def test_one_real_meeting_among_others_that_do_not_count_makes_me_busy() -> None:
    others = [meeting(state=EventState.CANCELLED), meeting(free=True), meeting(answer=Answer.DECLINED)]
    assert not busy_at(at(24, 11, 10), others)
    assert busy_at(at(24, 11, 10), [*others, meeting(uid="u2")])


def test_the_status_follows_the_calendar_only_from_verfuegbar_and_back() -> None:
    assert next_status(True, Status.AVAILABLE, False) is Status.IN_MEETING
    assert next_status(True, Status.DO_NOT_DISTURB, False) is None  # a status I chose stays
    assert next_status(False, Status.IN_MEETING, True) is Status.AVAILABLE
    assert next_status(False, Status.IN_MEETING, False) is None  # I set it myself: mine to change


# --- what the entry says -----------------------------------------------------------------------------


def test_status_and_outlooks_busy_status_give_the_state() -> None:
    assert event_state("CANCELLED") is EventState.CANCELLED
    assert event_state("tentative") is EventState.TENTATIVE
    assert event_state("", "TENTATIVE") is EventState.TENTATIVE  # Outlook: "Anzeigen als: Mit Vorbehalt"
    assert event_state("CANCELLED", "TENTATIVE") is EventState.CANCELLED
    assert event_state("") is EventState.CONFIRMED and event_state("CONFIRMED") is EventState.CONFIRMED


def test_transparent_or_outlooks_free_is_free_time() -> None:
    assert shown_as_free("TRANSPARENT") and shown_as_free("", "FREE")
    assert not shown_as_free("OPAQUE", "BUSY") and not shown_as_free("")


# --- who I am on an invitation -----------------------------------------------------------------------


ANNA = "mailto:a.schneider@musterkreis.de"


def test_my_answer_is_read_from_my_attendee_line_matched_without_case() -> None:
    me = Identity.of("anna", ["mailto:A.Schneider@Musterkreis.de", "/principals/users/anna/"])
    attendees = [("mailto:t.wagner@musterkreis.de", "ACCEPTED"), ("MAILTO:a.schneider@MUSTERKREIS.DE", "DECLINED")]
    assert my_answer(me, "mailto:t.wagner@musterkreis.de", attendees) is Answer.DECLINED


def test_other_peoples_answers_are_not_mine() -> None:
    me = Identity.of("a.schneider@musterkreis.de")
    assert my_answer(me, "", [("mailto:t.wagner@musterkreis.de", "DECLINED")]) is Answer.NONE
    assert my_answer(me, "", [(ANNA, "")]) is Answer.NONE  # Outlook's export says nothing: no mark


def test_the_organiser_takes_part_in_their_own_meeting() -> None:
    me = Identity.of("a.schneider@musterkreis.de")
    assert my_answer(me, ANNA, [("mailto:t.wagner@musterkreis.de", "NEEDS-ACTION")]) is Answer.ACCEPTED
    assert my_answer(me, ANNA, [(ANNA, "NEEDS-ACTION")]) is Answer.ACCEPTED
    assert my_answer(me, ANNA, [(ANNA, "DECLINED")]) is Answer.DECLINED


def test_a_login_without_at_matches_the_local_part_only_when_the_server_names_no_address() -> None:
    assert Identity.of("a.schneider").is_me(ANNA)
    assert not Identity.of("a.schneider").is_me("mailto:anna@musterkreis.de")
    known = Identity.of("a.schneider", ["mailto:anna.schneider@musterkreis.de"])
    assert known.is_me("mailto:anna.schneider@musterkreis.de") and not known.is_me(ANNA)
    assert not Identity.of("").is_me(ANNA)


# --- the day, and reminders --------------------------------------------------------------------------


def test_an_appointment_is_on_each_day_it_covers() -> None:
    klausur = meeting(start=at(25, 0), end=at(28, 0), all_day=True)
    assert [on_day(klausur, date(2026, 11, d)) for d in (24, 25, 26, 27, 28)] == [False, True, True, True, False]
    late = meeting(start=at(24, 23), end=at(25, 1))
    assert on_day(late, date(2026, 11, 24)) and on_day(late, date(2026, 11, 25))
    assert on_day(meeting(start=at(25, 0), end=at(25, 0)), date(2026, 11, 25))


def test_without_an_alarm_a_timed_appointment_is_announced_five_minutes_before() -> None:
    jour_fixe = meeting()
    assert due_reminder(jour_fixe, at(24, 10, 54)) is None
    assert due_reminder(jour_fixe, at(24, 10, 56)) == at(24, 10, 55)
    assert due_reminder(jour_fixe, at(24, 11)) == at(24, 10, 55)
    assert due_reminder(jour_fixe, at(24, 11, 1)) is None  # begun: too late for "gleich"
    assert reminder_times(meeting(start=at(24, 0), end=at(25, 0), all_day=True)) == []


def test_the_entrys_own_alarms_decide_and_a_late_start_shows_only_the_last_missed() -> None:
    jour_fixe = meeting(alarms=(-86400, -900))
    assert reminder_times(jour_fixe) == [at(23, 11), at(24, 10, 45)]
    assert due_reminder(jour_fixe, at(23, 11, 2)) == at(23, 11)
    assert due_reminder(jour_fixe, at(24, 10, 50)) == at(24, 10, 45)  # the day-before one is not repeated
    after_start = meeting(alarms=(600,))
    assert due_reminder(after_start, at(24, 11, 12)) == at(24, 11, 10)
    assert due_reminder(after_start, at(24, 11, 16)) is None
    holiday = meeting(start=at(24, 0), end=at(25, 0), all_day=True, alarms=(-15 * 3600,))
    assert reminder_times(holiday) == [at(23, 9)]


@pytest.mark.parametrize("changes", [{"state": EventState.CANCELLED}, {"answer": Answer.DECLINED}])
def test_no_reminder_for_what_does_not_take_place_for_me(changes: dict[str, object]) -> None:
    assert reminder_times(meeting(alarms=(-900,), **changes)) == []


def test_the_offline_copy_keeps_everything_and_reads_older_copies() -> None:
    rich = meeting(state=EventState.TENTATIVE, free=True, answer=Answer.NEEDS_ACTION, alarms=(-900, 0))
    assert Appointment.from_json(json.loads(json.dumps(rich.to_json()))) == rich
    old = {k: v for k, v in meeting().to_json().items() if k not in ("state", "free", "answer", "alarms")}
    assert Appointment.from_json(old) == meeting()
