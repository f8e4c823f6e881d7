"""One call at a time: a clerk in a colleague call who admits a citizen at the digital door is asked to
hold or end the call first (and the reverse); a second colleague call ends the first. Never two audible:
the held side hears and sees nothing of the clerk, and its sound is not played. Real backend, Thomas
with aiortc and synthetic tracks, a guest on the real guest socket."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from websockets.asyncio.client import connect

from dvz_desktop.core.switchboard import Choice, Kind, Line, call_line
from dvz_desktop.qt.calls.switchboard import ASK_KEY, AskBanner, HeldBanner
from dvz_desktop.services.calls import CallClient
from dvz_desktop.services.session import Credentials, Session

from .conftest import DemoOffice, FakeDevices, LoopRunner

ROOM = "kh-1-b110"


@pytest.fixture(autouse=True)
def loopback(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import aioice.ice

    monkeypatch.setattr(aioice.ice, "get_host_addresses", lambda use_ipv4, use_ipv6: ["127.0.0.1"])


@pytest.fixture
def thomas(demo_office: DemoOffice, runner: LoopRunner) -> Iterator[tuple[Session, CallClient, FakeDevices]]:
    session = Session(demo_office.url, Credentials("t.wagner", "demo"))
    runner.run(session.start())
    devices = FakeDevices()
    yield session, CallClient(session, devices), devices
    runner.run(session.stop())


class Guest:
    """A citizen at the Bürgerbüro's digital door, on the real guest socket."""

    def __init__(self, demo_office: DemoOffice, runner: LoopRunner, name: str) -> None:
        port = demo_office.url.split(":")[2].split("/")[0]
        self.runner = runner
        self.socket = runner.run(connect(f"ws://127.0.0.1:{port}/gast", origin=f"http://127.0.0.1:{port}"))  # type: ignore[arg-type]
        runner.run(self.socket.send(json.dumps({"type": "guest_join", "desk_id": "buergerbuero", "name": name,
                                                "concern": "Meldebescheinigung", "privacy_accepted": True})))
        self.frames: list[dict] = []  # type: ignore[type-arg]

    def wait_for(self, kind: str, **fields: object) -> dict:  # type: ignore[type-arg]
        async def read() -> dict:  # type: ignore[type-arg]
            while True:
                for frame in self.frames:
                    if frame["type"] == kind and all(frame.get(k) == v for k, v in fields.items()):
                        return frame
                self.frames.append(json.loads(await self.socket.recv()))

        return self.runner.run(read(), 20)

    def close(self) -> None:
        self.runner.run(self.socket.close())


def in_a_call_with_thomas(demo_office: DemoOffice, runner: LoopRunner, thomas: CallClient,
                          thomas_session: Session) -> None:
    runner.run(thomas_session.move(ROOM))
    runner.run(thomas.join_room(ROOM))
    runner.run(demo_office.parts.behaviour.go_to(ROOM))  # Anna walks in and joins the room's call
    client = demo_office.parts.calls.client
    runner.wait_until(lambda: client.call is not None and len(client.peers) == 1,
                      timeout=30, what="Anna in the call with Thomas")


def anna_at_thomas(thomas: CallClient):  # type: ignore[no-untyped-def]
    return next((m for m in (thomas.call.members if thomas.call else ()) if m.person_id == "a.schneider"), None)


def ask_banner(demo_office: DemoOffice) -> AskBanner | None:
    banner = demo_office.parts.shell.banners.get(ASK_KEY)
    return banner if isinstance(banner, AskBanner) else None


def test_admitting_a_guest_during_a_call_holds_the_call_and_continues_it_afterwards(
        demo_office: DemoOffice, runner: LoopRunner, thomas: tuple[Session, CallClient, FakeDevices]) -> None:
    parts = demo_office.parts
    thomas_session, thomas_calls, _devices = thomas
    in_a_call_with_thomas(demo_office, runner, thomas_calls, thomas_session)
    guest = Guest(demo_office, runner, "Erika Muster")
    runner.wait_until(lambda: parts.door.waiting() == 1, what="the guest in the queue")

    parts.door_panel.admit_first()
    banner = ask_banner(demo_office)
    assert banner is not None, "admitting during a call must ask first"
    assert "Thomas Wagner" in banner.label.text() and "Erika Muster hereinbitten" in banner.label.text()
    assert set(banner.buttons) == {Choice.HOLD, Choice.END}
    assert parts.door_panel.current is None  # nobody admitted yet

    QTest.mouseClick(banner.buttons[Choice.HOLD], Qt.MouseButton.LeftButton)
    runner.wait_until(lambda: parts.door_panel.current is not None, what="the guest admitted")
    guest.wait_for("guest_state", state="admitted")
    board = parts.switchboard.board
    visit = Line(Kind.VISIT, parts.door_panel.current)
    assert board.audible(visit) and not board.audible(call_line())
    # Thomas neither hears nor sees Anna while she serves the guest, and her tracks send silence.
    runner.wait_until(lambda: anna_at_thomas(thomas_calls) is not None and not anna_at_thomas(thomas_calls).audio,
                      what="Anna shown muted at Thomas")
    anna_audio = parts.calls.client.media.audio
    runner.wait_until(lambda: anna_audio.held and anna_audio.level == 0.0, what="silence on Anna's call track")
    held = parts.shell.banners.get("held:call:")
    assert isinstance(held, HeldBanner) and "Thomas Wagner" in held.label.text()

    QTest.mouseClick(parts.door_panel.end_button, Qt.MouseButton.LeftButton)
    guest.wait_for("guest_state", state="ended")
    runner.wait_until(lambda: parts.door_panel.current is None, what="the visit to end")
    assert board.live() is None  # the call stays on hold until Anna continues it
    QTest.mouseClick(held.resume, Qt.MouseButton.LeftButton)
    assert board.audible(call_line()) and parts.shell.banners.get("held:call:") is None
    runner.wait_until(lambda: anna_at_thomas(thomas_calls) is not None and anna_at_thomas(thomas_calls).audio,
                      what="Anna heard again at Thomas")
    runner.wait_until(lambda: anna_audio.level > 0.05, what="Anna's voice on the track again")
    guest.close()
    runner.run(parts.calls.client.leave())
    runner.run(thomas_calls.leave())


def test_calling_a_colleague_during_a_visit_holds_the_visit_and_tells_the_guest(
        demo_office: DemoOffice, runner: LoopRunner, thomas: tuple[Session, CallClient, FakeDevices]) -> None:
    parts = demo_office.parts
    _thomas_session, thomas_calls, _devices = thomas
    rang: list[object] = []
    thomas_calls.ringing.connect(rang.append)
    guest = Guest(demo_office, runner, "Max Mustermann")
    runner.wait_until(lambda: parts.door.waiting() == 1, what="the guest in the queue")
    parts.door_panel.admit_first()  # nothing else live: straight in
    runner.wait_until(lambda: parts.door_panel.current is not None, what="the guest admitted")
    visit_id = parts.door_panel.current

    parts.people.panel.callRequested.emit("t.wagner")
    banner = ask_banner(demo_office)
    assert banner is not None and "Max Mustermann" in banner.label.text()
    runner.run(parts.actions.wait_idle())
    assert rang == [] and demo_office.backend.calls.call_of("a.schneider") is None
    QTest.mouseClick(banner.buttons[Choice.HOLD], Qt.MouseButton.LeftButton)
    runner.wait_until(lambda: rang != [], what="Thomas' phone to ring")
    assert parts.door.visits[visit_id].held
    line = guest.wait_for("guest_line", sender="clerk")
    assert "Moment" in line["body"]  # the guest knows why it went quiet
    assert not parts.switchboard.board.audible(Line(Kind.VISIT, visit_id))
    runner.run(parts.calls.client.leave())
    runner.run(parts.door.end(visit_id))
    guest.close()


def test_a_second_colleague_call_can_only_end_the_first(
        demo_office: DemoOffice, runner: LoopRunner, thomas: tuple[Session, CallClient, FakeDevices]) -> None:
    parts = demo_office.parts
    thomas_session, thomas_calls, _devices = thomas
    in_a_call_with_thomas(demo_office, runner, thomas_calls, thomas_session)
    parts.people.panel.callRequested.emit("m.becker")
    banner = ask_banner(demo_office)
    assert banner is not None and set(banner.buttons) == {Choice.END}
    QTest.mouseClick(banner.cancel, Qt.MouseButton.LeftButton)
    runner.run(parts.actions.wait_idle())
    assert ask_banner(demo_office) is None and len(parts.calls.client.peers) == 1  # nothing changed

    parts.people.panel.callRequested.emit("m.becker")
    QTest.mouseClick(ask_banner(demo_office).buttons[Choice.END], Qt.MouseButton.LeftButton)
    runner.wait_until(lambda: (demo_office.backend.calls.call_of("a.schneider") is not None
                               and demo_office.backend.calls.call_of("a.schneider").ringing == {"m.becker"}),
                      what="Maria's phone to ring")
    runner.wait_until(lambda: anna_at_thomas(thomas_calls) is None, what="Anna gone from Thomas' call")
    runner.run(parts.calls.client.leave())
    runner.run(thomas_calls.leave())
