"""The calendar corpus end to end: real-world exports (Outlook, Nextcloud, Google, Thunderbird) in a
real Radicale, read by the running desktop (demo office on a real backend, logged in as Anna): the
Kalender panel's week, Heute's next appointments, what the status does and which reminders appear, as
``tests/fixtures/calendar/expected.yaml`` says. The clock is the test's, never the machine's."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from dvz_desktop.core.clock import ManualClock
from dvz_desktop.protocol import Status
from dvz_desktop.services.calendar import CalendarClient

from ..integration.calendar_corpus import (
    CORPUS,
    WEEK,
    Expected,
    expectations,
    import_export,
)
from ..integration.radicale_server import ADDRESS_LOGIN
from ..integration.test_calendar_corpus import corpus_server  # noqa: F401  (fixture)
from .conftest import DemoOffice, LoopRunner

CASES = expectations()


def move(clock: ManualClock, when: datetime) -> None:
    clock.advance(seconds=(when - clock.now()).total_seconds())


def week_lines(panel) -> list[str]:  # type: ignore[no-untyped-def]
    items = [panel.list.item(i) for i in range(panel.list.count())]
    return [("~ " if item.font().strikeOut() else "") + item.text() for item in items]


def next_appointments(today) -> list[str]:  # type: ignore[no-untyped-def]
    """Heute's lines under "Nächste Termine"; [] when it says there are none."""
    lines = [today.list.item(i).text().strip() for i in range(today.list.count())]
    section = lines[lines.index("Nächste Termine") + 1:lines.index("Ungelesene Nachrichten")]
    return [] if section == ["Keine Termine mehr heute."] else section


@pytest.mark.parametrize("case", CASES, ids=[c.export for c in CASES])
def test_an_export_in_the_running_desktop(case: Expected, demo_office: DemoOffice, runner: LoopRunner,
                                          corpus_server, tmp_path: Path) -> None:  # noqa: F811
    url, calendar = corpus_server
    import_export(calendar, CORPUS / case.export)
    parts = demo_office.parts
    panel, today = parts.calendar, parts.today
    clock = ManualClock(WEEK[0].replace(hour=7))
    panel.clock = today.clock = clock
    notices: list[tuple[str, str]] = []
    panel._notify = lambda title, text: notices.append((title, text))  # the OS notification
    sent: list[Status] = []
    set_status = parts.actions.set_status

    def recording(status: Status, note: str = "") -> None:
        sent.append(status)
        set_status(status, note)

    parts.actions.set_status = recording  # type: ignore[method-assign]

    panel.week = True
    panel.set_client(CalendarClient(url, ADDRESS_LOGIN, "geheim", tmp_path / "agenda.json"))
    runner.wait_until(lambda: panel.list.count() == len(case.week), timeout=20, what="the week listed")
    assert week_lines(panel) == case.week

    for when, lines in sorted(case.today.items()):
        today.refresh(when)
        assert next_appointments(today) == lines, when

    def status_is(status: Status) -> bool:
        model = parts.bridge.model
        return demo_office.backend.presence.get("a.schneider").status is status and \
            model is not None and model.presence_of("a.schneider").status is status

    for when, busy in sorted(case.busy.items()):
        move(clock, when)
        before = len(sent)
        panel.remind()
        wanted = Status.IN_MEETING if busy else Status.AVAILABLE
        assert set(sent[before:]) <= {wanted}, (when, sent[before:])  # never a wrong turn, even briefly
        runner.wait_until(lambda wanted=wanted: status_is(wanted), what=f"{wanted.value} at {when:%a %H:%M}")

    for when, title in sorted(case.reminders.items()):
        move(clock, when)
        before = len(notices)
        panel.remind()
        shown = [t for t, _ in notices[before:]]
        if title is None:
            assert shown == [], when
        else:
            assert len(shown) == 1 and title in shown[0], (when, shown)
