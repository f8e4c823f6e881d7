"""The calendar panel against a real Radicale: today's appointments listed, "Beitreten" walks to the
appointment's room, a reminder five minutes before, and the last agenda with its time when offline."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from dvz_desktop.services.calendar import OFFICE_TZ, CalendarClient

from ..integration.test_calendar import radicale  # noqa: F401  (fixture)
from .conftest import DemoOffice, LoopRunner


def test_calendar_lists_today_and_joins_the_room(demo_office: DemoOffice, runner: LoopRunner,
                                                 radicale, tmp_path: Path) -> None:  # noqa: F811
    url, proc = radicale
    client = CalendarClient(url, "anna", "geheim", tmp_path / "agenda.json")
    now = datetime.now(OFFICE_TZ)
    start = (now + timedelta(minutes=3)).replace(second=0, microsecond=0)
    if start.date() != now.date():  # just before midnight: keep the appointment today
        start = now.replace(second=0, microsecond=0)
    runner.run(client.create("Jour fixe", start, start + timedelta(minutes=30), room_id="kh-1-b110"))
    notices: list[tuple[str, str]] = []
    panel = demo_office.parts.calendar
    panel._notify = lambda title, text: notices.append((title, text))  # noqa: SLF001  (the OS notification)
    panel.set_client(client)
    runner.wait_until(lambda: panel.list.count() == 1, what="today's appointment")
    assert "Jour fixe" in panel.list.item(0).text() and "Besprechung 1.10" in panel.list.item(0).text()
    panel.list.setCurrentRow(0)
    panel.join.click()
    runner.wait_until(lambda: demo_office.backend.presence.get("a.schneider").room_id == "kh-1-b110",
                      what="Anna walking to the appointment's room")
    panel.remind(start - timedelta(minutes=4))
    assert notices and "Jour fixe" in notices[0][0]
    panel.remind(start - timedelta(minutes=3))
    assert len(notices) == 1  # once per appointment
    proc.terminate()
    proc.wait(timeout=10)
    panel.refresh()
    runner.wait_until(lambda: "Stand:" in panel.status.text(), what="the offline note")
    assert panel.list.count() == 1  # the last agenda stays visible
