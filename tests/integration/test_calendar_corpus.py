"""Real-world calendar exports (Outlook, Nextcloud, Google, Thunderbird) through a real Radicale and the
product's CalDAV client: every entry arrives, ends when it says, and makes the status busy and reminds
exactly when ``tests/fixtures/calendar/expected.yaml`` says. (What the panel shows of them and what the
status does in the running desktop: ``tests/ui/test_calendar_corpus_ui.py``.)"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from dvz_desktop.core.appointments import busy_at, due_reminder
from dvz_desktop.services.calendar import CalendarClient

from .calendar_corpus import CORPUS, WEEK, Expected, expectations, import_export
from .radicale_server import ADDRESS_LOGIN, start_radicale

CASES = expectations()


@pytest.fixture
def corpus_server(tmp_path: Path) -> Iterator[tuple[str, object]]:
    """A real Radicale with an empty calendar for Anna's address login; yields its URL and the calendar."""
    url, proc = start_radicale(tmp_path)
    import caldav

    calendar = caldav.DAVClient(url, username=ADDRESS_LOGIN, password="geheim").principal().make_calendar(
        name="Dienstkalender")
    try:
        yield url, calendar
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_the_corpus_covers_what_real_calendars_write() -> None:
    names = {case.export for case in CASES}
    assert names == {p.name for p in CORPUS.glob("*.ics")}  # every export has its expectations
    text = "\n".join((CORPUS / name).read_text(encoding="utf-8") for name in names)
    for feature in ("W. Europe Standard Time", "BEGIN:VTIMEZONE", "EXDATE", "RECURRENCE-ID", "DURATION:PT",
                    "DURATION:P2D", "STATUS:CANCELLED", "STATUS:TENTATIVE", "TRANSP:TRANSPARENT",
                    "X-MICROSOFT-CDO-BUSYSTATUS:FREE", "PARTSTAT=DECLINED", "PARTSTAT=TENTATIVE",
                    "PARTSTAT=NEEDS-ACTION", "BEGIN:VALARM", "RELATED=END", "ACTION:EMAIL", "T070000Z",
                    "DTSTART:20261124T160000\n", "DTSTART;VALUE=DATE:20261125\nDTEND;VALUE=DATE:20261128"):
        assert feature in text, feature


@pytest.mark.parametrize("case", CASES, ids=[c.export for c in CASES])
async def test_an_export_reads_as_its_programs_users_expect(case: Expected,
                                                           corpus_server) -> None:  # type: ignore[no-untyped-def]
    url, calendar = corpus_server
    import_export(calendar, CORPUS / case.export)
    week = await CalendarClient(url, ADDRESS_LOGIN, "geheim").agenda(*WEEK)  # the worker process, as in the app
    assert len(week) == len(case.week), [f"{a.start:%a %H:%M} {a.summary}" for a in week]
    busy = {when: busy_at(when, week) for when in case.busy}
    assert busy == case.busy
    reminded = {}
    for when in case.reminders:
        due = [a.summary for a in week if due_reminder(a, when) is not None]
        reminded[when] = due[0] if due else None
    assert reminded == case.reminders
