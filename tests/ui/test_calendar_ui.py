"""The calendar panel against a real Radicale: today's appointments listed, "Beitreten" walks to the
appointment's room, a reminder five minutes before, and the last agenda with its time when offline."""

from __future__ import annotations

import asyncio
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


def test_appointments_are_created_changed_and_deleted_from_the_panel(demo_office: DemoOffice, runner: LoopRunner,
                                                                     radicale, tmp_path: Path) -> None:  # noqa: F811
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
    form.title.setText("Bürgersprechstunde")
    form.begin.setTime(QTime(10, 0))
    form.finish.setTime(QTime(9, 0))
    form.check()
    assert "Ende" in form.problem.text() and form.isVisible()  # refused in the form, nothing sent
    form.begin.setTime(QTime(0, 5))
    form.finish.setTime(QTime(23, 55))  # today, whenever the test runs
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


def test_during_an_appointment_the_status_is_in_besprechung(demo_office: DemoOffice, runner: LoopRunner) -> None:
    from dvz_desktop.protocol import Status
    from dvz_desktop.services.calendar import Appointment

    panel = demo_office.parts.calendar
    backend = demo_office.backend
    start = datetime.now(OFFICE_TZ).replace(microsecond=0)
    panel.appointments = [Appointment("u1", "Jour fixe", start, start + timedelta(minutes=30))]
    panel.remind(start + timedelta(minutes=1))
    runner.wait_until(lambda: backend.presence.get("a.schneider").status is Status.IN_MEETING,
                      what="in Besprechung during the appointment")
    panel.remind(start + timedelta(minutes=31))
    runner.wait_until(lambda: backend.presence.get("a.schneider").status is Status.AVAILABLE,
                      what="available again afterwards")
    demo_office.parts.actions.set_status(Status.DO_NOT_DISTURB, "")
    runner.wait_until(lambda: demo_office.parts.bridge.model.presence_of("a.schneider").status
                      is Status.DO_NOT_DISTURB, what="nicht stören chosen")
    panel.remind(start + timedelta(minutes=2))
    panel.remind(start + timedelta(minutes=40))
    runner.run(asyncio.sleep(0.3))
    assert backend.presence.get("a.schneider").status is Status.DO_NOT_DISTURB  # my choice stays
