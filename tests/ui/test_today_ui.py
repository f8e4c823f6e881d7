"""Heute: the next appointments, unread messages and missed knocks of the day in one list, each line
leading to the thing itself."""

from __future__ import annotations

from datetime import datetime, timedelta

from dvz_desktop.core.clock import ManualClock
from dvz_desktop.protocol import InboxKind
from dvz_desktop.services.calendar import OFFICE_TZ, Appointment

from .conftest import DemoOffice, LoopRunner
from .test_chat_ui import thomas_chat  # noqa: F401  (fixture)


def lines(panel) -> list[str]:  # type: ignore[no-untyped-def]
    return [panel.list.item(i).text().strip() for i in range(panel.list.count())]


def test_today_gathers_appointments_unread_and_missed(demo_office: DemoOffice, runner: LoopRunner,
                                                      thomas_chat) -> None:  # noqa: F811
    parts = demo_office.parts
    today = parts.today
    assert "Nichts verpasst." in lines(today) and "Alles gelesen." in lines(today)

    now = datetime(2026, 11, 24, 23, 15, tzinfo=OFFICE_TZ)  # the test's clock (after 23:30 the machine's fails)
    today.clock = ManualClock(now)
    soon = Appointment("u1", "Jour fixe", now + timedelta(minutes=30), now + timedelta(minutes=40),
                       room_id="kh-1-b110")
    over = Appointment("u2", "Frühbesprechung", now - timedelta(hours=2), now - timedelta(hours=1))
    parts.calendar.appointments = [over, soon]
    parts.calendar._show()  # noqa: SLF001  (as after fetching the agenda)
    shown = lines(today)
    assert any("Jour fixe · Besprechung 1.10" in line for line in shown)
    assert not any("Frühbesprechung" in line for line in shown)  # over already

    conv = runner.run(thomas_chat.open_direct("a.schneider"))
    thomas_chat.send(conv, "Kurze Frage zum Bescheid")
    runner.wait_until(lambda: "1 ungelesen: Thomas Wagner" in lines(today), what="the unread line")

    demo_office.backend.inbox.add("a.schneider", InboxKind.MISSED_KNOCK, from_id="t.wagner",
                                  room_id="kh-1-101")
    runner.wait_until(lambda: any("angeklopft" in line for line in lines(today)), what="the missed knock")

    row = lines(today).index("1 ungelesen: Thomas Wagner")
    today.list.itemActivated.emit(today.list.item(row))  # leads into the conversation
    assert parts.chat.panel.current == conv and parts.window.current_panel() == "chat"
    runner.wait_until(lambda: "Alles gelesen." in lines(today), what="read after opening")
    row = next(i for i, line in enumerate(lines(today)) if "Jour fixe" in line)
    today.list.itemActivated.emit(today.list.item(row))  # walks to the appointment's room
    runner.wait_until(lambda: demo_office.backend.presence.get("a.schneider").room_id == "kh-1-b110",
                      what="Anna in the appointment's room")
