"""The calendar panel against a real Radicale: today's appointments listed, "Beitreten" walks to the
appointment's room, a reminder five minutes before, the last agenda with its time when offline; without
an account an invitation to set one up, and the account dialog showing its whole answer.

The clock is the test's: every test runs with it at 23:30 and at 00:10, the hours around midnight
where "today" is easily got wrong."""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from dvz_desktop.core.clock import ManualClock
from dvz_desktop.services.calendar import OFFICE_TZ, CalendarClient

from ..integration.test_calendar import radicale  # noqa: F401  (fixture)
from .conftest import DemoOffice, LoopRunner

#: Late on a Tuesday, and just after midnight into Wednesday.
TIMES = {"23:30": datetime(2026, 11, 24, 23, 30, tzinfo=OFFICE_TZ),
         "00:10": datetime(2026, 11, 25, 0, 10, tzinfo=OFFICE_TZ)}


@pytest.fixture(params=list(TIMES), ids=list(TIMES))
def clock(request: pytest.FixtureRequest, demo_office: DemoOffice) -> ManualClock:
    """The calendar's and Heute's clock, set to the time the test is about."""
    clock = ManualClock(TIMES[request.param])
    demo_office.parts.calendar.clock = demo_office.parts.today.clock = clock
    return clock


def lines(panel) -> list[str]:  # type: ignore[no-untyped-def]
    return [panel.list.item(i).text().strip() for i in range(panel.list.count())]


def test_calendar_lists_today_and_joins_the_room(demo_office: DemoOffice, runner: LoopRunner, clock: ManualClock,
                                                 radicale, tmp_path: Path) -> None:  # noqa: F811
    url, proc = radicale
    client = CalendarClient(url, "anna", "geheim", tmp_path / "agenda.json")
    start = clock.now() + timedelta(minutes=3)  # at 23:30 it runs past midnight: still today's
    runner.run(client.create("Jour fixe", start, start + timedelta(minutes=30), room_id="kh-1-b110"))
    runner.run(client.create("Gestern", start - timedelta(days=1, hours=1), start - timedelta(days=1, minutes=30)))
    runner.run(client.create("Morgen", start + timedelta(days=1), start + timedelta(days=1, minutes=30)))
    notices: list[tuple[str, str]] = []
    panel = demo_office.parts.calendar
    panel._notify = lambda title, text: notices.append((title, text))  # noqa: SLF001  (the OS notification)
    panel.set_client(client)
    runner.wait_until(lambda: panel.list.count() == 1, what="today's appointment")
    end = start + timedelta(minutes=30)
    assert lines(panel) == [f"{start:%H:%M}–{end:%H:%M} Jour fixe · Besprechung 1.10"]
    assert any(line.startswith(f"{start:%H:%M} Jour fixe") for line in lines(demo_office.parts.today))
    panel.list.setCurrentRow(0)
    panel.join.click()
    runner.wait_until(lambda: demo_office.backend.presence.get("a.schneider").room_id == "kh-1-b110",
                      what="Anna walking to the appointment's room")
    clock.advance(minutes=1)
    panel.remind()
    assert [title for title, _ in notices] == ["Gleich: Jour fixe"]
    clock.advance(minutes=1)
    panel.remind()
    assert len(notices) == 1  # once per appointment
    proc.terminate()
    proc.wait(timeout=10)
    panel.refresh()
    runner.wait_until(lambda: "Stand:" in panel.status.text(), what="the offline note")
    assert panel.list.count() == 1  # the last agenda stays visible


def test_appointments_are_created_changed_and_deleted_from_the_panel(demo_office: DemoOffice, runner: LoopRunner,
                                                                     clock: ManualClock, radicale,  # noqa: F811
                                                                     tmp_path: Path) -> None:
    from PySide6.QtCore import QTime
    from PySide6.QtWidgets import QMessageBox

    from dvz_desktop.services.calendar_account import CalendarAccount
    from dvz_desktop.services.credentials import CredentialStore
    from dvz_desktop.services.settings import UserSettings

    from ..unit.test_settings_and_credentials import MemoryKeyring

    url, _ = radicale
    panel = demo_office.parts.calendar
    panel.account = CalendarAccount(UserSettings(), lambda s: None, CredentialStore(MemoryKeyring()),
                                    tmp_path / "agenda.json")
    account = panel.edit_account()
    assert account is not None
    account.url.setText(url)
    account.user.setText("anna")
    account.password.setText("falsch")
    account.buttons.accepted.emit()
    runner.wait_until(lambda: "Passwort" in account.problem.text(), what="the wrong password explained")
    assert account.isVisible()
    account.password.setText("geheim")
    account.buttons.accepted.emit()
    runner.wait_until(lambda: panel.client is not None, what="the account kept")

    form = panel.edit(None)
    assert form is not None
    proposed = (clock.now() + timedelta(hours=1)).replace(minute=0)  # the next full hour (23:30: tomorrow)
    assert (form.day.date().toPython(), form.begin.time().toPython()) == (proposed.date(), proposed.time())
    form.title.setText("Bürgersprechstunde")
    form.begin.setTime(QTime(10, 0))
    form.finish.setTime(QTime(9, 0))
    form.check()
    assert "Ende" in form.problem.text() and form.isVisible()  # refused in the form, nothing sent
    form.day.setDate(clock.now().date())
    form.begin.setTime(QTime(0, 5))
    form.finish.setTime(QTime(23, 55))
    form.room.setCurrentIndex(form.room.findData("kh-1-b110"))
    form.check()
    runner.wait_until(lambda: panel.list.count() == 1, what="the new appointment")
    assert "Bürgersprechstunde" in panel.list.item(0).text() and "Besprechung 1.10" in panel.list.item(0).text()

    panel.list.setCurrentRow(0)
    change = panel.edit(panel.selected())
    assert change is not None and change.title.text() == "Bürgersprechstunde"
    change.title.setText("Bürgersprechstunde (verlegt)")
    change.room.setCurrentIndex(0)  # no virtual room any more
    change.check()
    runner.wait_until(lambda: panel.list.count() == 1 and "verlegt" in panel.list.item(0).text(), what="the change")
    assert "Besprechung 1.10" not in panel.list.item(0).text()

    panel.list.setCurrentRow(0)
    panel.delete_selected()
    box = next(w for w in panel.findChildren(QMessageBox) if w.isVisible())
    box.button(QMessageBox.StandardButton.Yes).click()
    runner.wait_until(lambda: panel.list.count() == 0, what="the deletion")


def test_during_an_appointment_the_status_is_in_besprechung(demo_office: DemoOffice, runner: LoopRunner,
                                                            clock: ManualClock) -> None:
    from dvz_desktop.protocol import Status
    from dvz_desktop.services.calendar import Appointment

    panel = demo_office.parts.calendar
    backend = demo_office.backend
    start = clock.now()
    panel.appointments = [Appointment("u1", "Jour fixe", start, start + timedelta(minutes=30))]
    clock.advance(minutes=1)
    panel.remind()
    runner.wait_until(lambda: backend.presence.get("a.schneider").status is Status.IN_MEETING,
                      what="in Besprechung during the appointment")
    runner.wait_until(lambda: demo_office.parts.bridge.model.presence_of("a.schneider").status
                      is Status.IN_MEETING, what="in Besprechung seen by the client")
    clock.advance(minutes=30)
    panel.remind()
    runner.wait_until(lambda: backend.presence.get("a.schneider").status is Status.AVAILABLE,
                      what="available again afterwards")
    demo_office.parts.actions.set_status(Status.DO_NOT_DISTURB, "")
    runner.wait_until(lambda: demo_office.parts.bridge.model.presence_of("a.schneider").status
                      is Status.DO_NOT_DISTURB, what="nicht stören chosen")
    panel.remind(start + timedelta(minutes=2))
    panel.remind(start + timedelta(minutes=40))
    runner.run(asyncio.sleep(0.3))
    assert backend.presence.get("a.schneider").status is Status.DO_NOT_DISTURB  # my choice stays


def _account(tmp_path: Path):  # type: ignore[no-untyped-def]
    from dvz_desktop.services.calendar_account import CalendarAccount
    from dvz_desktop.services.credentials import CredentialStore
    from dvz_desktop.services.settings import UserSettings

    from ..unit.test_settings_and_credentials import MemoryKeyring

    return CalendarAccount(UserSettings(), lambda s: None, CredentialStore(MemoryKeyring()), tmp_path / "agenda.json")


def test_without_an_account_the_calendar_invites_to_set_one_up(demo_office: DemoOffice, runner: LoopRunner,
                                                               clock: ManualClock, tmp_path: Path) -> None:
    from dvz_desktop.qt.calendar.dialogs import AccountDialog

    parts = demo_office.parts
    today = lines(parts.today)
    assert "Keine Termine mehr heute." not in today  # that would claim a free day nobody knows of
    assert "Noch kein Kalender verbunden – hier einrichten." in today
    panel = parts.calendar
    panel.account = _account(tmp_path)
    panel.set_client(None)  # as the desktop starts without an account
    assert panel.pages.currentIndex() == 1 and panel.empty_title.text() == "Noch kein Kalender verbunden."
    assert panel.setup_button.text() == "Konto einrichten" and not panel.setup_button.isHidden()
    assert all(b.isHidden() for b in (panel.new_button, panel.edit_button, panel.delete_button, panel.join))
    parts.window.open_panel("today")
    assert parts.window.current_panel() == "today"
    row = lines(parts.today).index("Noch kein Kalender verbunden – hier einrichten.")
    parts.today.list.itemActivated.emit(parts.today.list.item(row))
    dialog = next(w for w in panel.findChildren(AccountDialog) if w.isVisible())
    assert parts.window.current_panel() == "calendar"  # the Kalender came forward with it
    dialog.reject()


def test_the_account_dialog_shows_its_whole_answer(demo_office: DemoOffice, runner: LoopRunner,
                                                   tmp_path: Path) -> None:
    import socket

    from PySide6.QtCore import QRect, Qt

    from dvz_desktop.qt.calendar.dialogs import AccountDialog

    parts = demo_office.parts
    parts.window.resize(1366, 768)
    panel = parts.calendar
    panel.account = _account(tmp_path)
    panel.set_client(None)
    dialog = panel.edit_account()
    assert isinstance(dialog, AccountDialog) and dialog.isVisible()
    with socket.socket() as sock:  # a port nobody listens on: the server "is not reachable"
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    dialog.url.setText(f"http://127.0.0.1:{port}/remote.php/dav/calendars/a.schneider@musterkreis.de/")
    dialog.user.setText("a.schneider@musterkreis.de")
    dialog.password.setText("geheim")
    dialog.buttons.accepted.emit()
    runner.wait_until(lambda: "nicht erreichbar" in dialog.problem.text(), timeout=20, what="the server's answer")
    runner.run(asyncio.sleep(0))  # one turn for the layout
    problem = dialog.problem
    assert problem.height() >= problem.heightForWidth(problem.width())  # every line of it
    assert dialog.rect().contains(problem.geometry())
    assert dialog.buttons.geometry().top() >= problem.geometry().bottom()  # not under the buttons
    text = problem.fontMetrics().boundingRect(QRect(0, 0, problem.width(), 10_000),
                                              int(Qt.TextFlag.TextWordWrap), problem.text())
    assert text.width() <= problem.width()  # not cut at the side either
    assert dialog.width() <= 1366 and dialog.height() <= 768
    dialog.reject()
