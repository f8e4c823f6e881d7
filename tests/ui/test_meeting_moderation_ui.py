"""Moderating from the window, against the real backend and a real call: Anna opened the call, so she
moderates. Thomas raises his hand and comes first in her participant list; she mutes him from his row's
menu (his microphone is off at his end, and everyone sees it); she removes him after confirming, and he
cannot come back into this call."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox

from dvz_desktop.protocol.meetings import MeetingModerated
from dvz_desktop.services.calls import CallClient
from dvz_desktop.services.session import Credentials, Session, SessionError

from .conftest import DemoOffice, FakeDevices, LoopRunner

ROOM = "kh-1-b110"  # Besprechung 1.10


@pytest.fixture(autouse=True)
def loopback(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import aioice.ice

    monkeypatch.setattr(aioice.ice, "get_host_addresses", lambda use_ipv4, use_ipv6: ["127.0.0.1"])


def test_the_opener_sees_hands_mutes_and_removes_from_the_participant_list(
        demo_office: DemoOffice, runner: LoopRunner) -> None:
    parts = demo_office.parts
    anna = parts.calls.client
    panel = parts.calls.panel
    runner.run(parts.behaviour.go_to(ROOM))
    runner.wait_until(lambda: demo_office.backend.presence.get("a.schneider").room_id == ROOM, what="Anna inside")
    runner.run(anna.join_room(ROOM))  # Anna opens the call
    thomas_session = Session(demo_office.url, Credentials("t.wagner", "demo"))
    runner.run(thomas_session.start())
    thomas = CallClient(thomas_session, FakeDevices())
    told: list[MeetingModerated] = []
    thomas.moderated.connect(told.append)
    runner.run(thomas_session.move(ROOM))
    runner.run(thomas.join_room(ROOM))
    runner.wait_until(lambda: "t.wagner" in panel.tiles, timeout=15, what="Thomas on Anna's stage")
    assert anna.call is not None and anna.call.moderator_ids == ("a.schneider",)
    runner.wait_until(lambda: anna.frames.get(("t.wagner", "audio"), 0) > 5
                      and thomas.frames.get(("a.schneider", "audio"), 0) > 5, timeout=25, what="the call connected")

    assert not panel.people.isVisible()  # a small call keeps the stage to itself ...
    QTest.mouseClick(panel.header.people, Qt.MouseButton.LeftButton)  # ... until she asks for the list
    assert panel.people.isVisible() and set(panel.people.rows) == {"a.schneider", "t.wagner"}

    runner.run(thomas.raise_hand(True))
    runner.wait_until(lambda: panel.people.order()[0] == "t.wagner"
                      and "Hand gehoben (1.)" in panel.people.rows["t.wagner"].accessibleName(),
                      what="Thomas' raised hand first in Anna's list")
    assert panel.tiles["t.wagner"].hand == 1

    row = panel.people.rows["t.wagner"]
    assert row.menu_button.isVisible()
    row.mute_action.trigger()
    runner.wait_until(lambda: told and told[-1].action == "mute" and told[-1].by == "a.schneider",
                      what="Thomas told that Anna muted him")
    runner.wait_until(lambda: "Mikrofon aus" in panel.people.rows["t.wagner"].accessibleName(),
                      what="Thomas shown muted in Anna's list")

    row.remove_action.trigger()
    dialog = panel.people.dialog
    assert dialog is not None and "Thomas Wagner" in dialog.text()
    assert dialog.defaultButton() is dialog.button(QMessageBox.StandardButton.Cancel)  # Enter does no harm
    next(b for b in dialog.buttons() if b.text() == "Entfernen").click()
    runner.wait_until(lambda: thomas.call is None, timeout=15, what="Thomas out of the call")
    runner.wait_until(lambda: "t.wagner" not in panel.people.rows and "t.wagner" not in panel.tiles,
                      what="Thomas gone from Anna's view")
    with pytest.raises(SessionError) as refused:
        runner.run(thomas.join_room(ROOM))
    assert refused.value.code == "removed_from_meeting"
    runner.run(thomas_session.stop())


def test_my_shared_screen_is_on_everyones_main_stage(demo_office: DemoOffice, runner: LoopRunner) -> None:
    parts = demo_office.parts
    panel = parts.calls.panel
    assert panel.room_name(ROOM) == "Besprechung 1.10"  # the meeting's title names its room
    runner.run(parts.behaviour.go_to(ROOM))
    runner.wait_until(lambda: demo_office.backend.presence.get("a.schneider").room_id == ROOM, what="Anna inside")
    runner.run(parts.calls.client.join_room(ROOM))
    thomas_session = Session(demo_office.url, Credentials("t.wagner", "demo"))
    runner.run(thomas_session.start())
    thomas = CallClient(thomas_session, FakeDevices())
    runner.run(thomas_session.move(ROOM))
    runner.run(thomas.join_room(ROOM))
    runner.wait_until(lambda: "t.wagner" in panel.tiles, timeout=15, what="Thomas on Anna's stage")

    def anna_at_thomas() -> object:
        return next((m for m in (thomas.call.members if thomas.call else ()) if m.person_id == "a.schneider"), None)

    QTest.mouseClick(panel.screen, Qt.MouseButton.LeftButton)
    runner.wait_until(lambda: getattr(anna_at_thomas(), "screen", False), what="Anna's screen shared at Thomas")
    QTest.mouseClick(panel.screen, Qt.MouseButton.LeftButton)
    runner.wait_until(lambda: not getattr(anna_at_thomas(), "screen", True), what="Anna's screen no longer shared")
    runner.run(thomas.leave())
    runner.run(thomas_session.stop())
