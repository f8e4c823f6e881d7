"""A dvz:// link from outside starts nothing that others notice until Anna confirms it in the window:
through a second start (the single-instance message, followed by the real ``Desktop.follow_link``) and
through a link in a colleague's chat message."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from dvz_desktop.app import build_parser
from dvz_desktop.program import Program
from dvz_desktop.qt.links import KEY, LinkBanner
from dvz_desktop.qt.single_instance import SingleInstance
from dvz_desktop.services.calls import CallClient
from dvz_desktop.services.session import Credentials, Session
from dvz_desktop.services.settings import SettingsStore

from .conftest import DemoOffice, FakeDevices, LoopRunner


@pytest.fixture
def desktop(demo_office: DemoOffice, tmp_path: Path, qapp) -> Iterator[tuple[Program, SingleInstance]]:  # type: ignore[no-untyped-def]
    """The program's own Desktop (as app.main builds it) around the demo office's parts."""
    single = SingleInstance(name=f"dvz-test-{tmp_path.name}")
    store = SettingsStore(tmp_path / "settings.json")
    desktop = Program(qapp, build_parser().parse_args([]), store, store.load(), single)
    desktop.parts = demo_office.parts
    yield desktop, single
    desktop.parts = None


@pytest.fixture
def thomas(demo_office: DemoOffice, runner: LoopRunner) -> Iterator[CallClient]:
    session = Session(demo_office.url, Credentials("t.wagner", "demo"))
    runner.run(session.start())
    yield CallClient(session, FakeDevices())
    runner.run(session.stop())


def settled(demo_office: DemoOffice, runner: LoopRunner) -> None:
    """Everything Anna's client would have done by now has reached the server: her actions are done and
    a later command of hers was answered."""
    runner.run(demo_office.parts.actions.wait_idle())
    runner.run(demo_office.session.set_status(*demo_office.parts.status_menu.current))


def link_banner(demo_office: DemoOffice) -> LinkBanner | None:
    banner = demo_office.parts.shell.banners.get(KEY)
    return banner if isinstance(banner, LinkBanner) else None


def test_a_call_link_from_a_second_start_rings_only_after_confirming(
        demo_office: DemoOffice, runner: LoopRunner, desktop: tuple[Program, SingleInstance],
        thomas: CallClient) -> None:
    _desktop, single = desktop
    rang: list[object] = []
    thomas.ringing.connect(rang.append)
    single.handle(b"link dvz://call/t.wagner\n")
    settled(demo_office, runner)
    assert demo_office.backend.calls.call_of("a.schneider") is None and rang == []
    banner = link_banner(demo_office)
    assert banner is not None and "Thomas Wagner anrufen" in banner.label.text()
    assert banner.go.text() == "Anrufen"
    QTest.mouseClick(banner.go, Qt.MouseButton.LeftButton)
    runner.wait_until(lambda: rang != [], timeout=15, what="Thomas' phone to ring")
    assert link_banner(demo_office) is None
    runner.run(demo_office.parts.calls.client.leave())


def test_a_room_link_waits_and_cancel_leaves_me_where_i_am(
        demo_office: DemoOffice, runner: LoopRunner, desktop: tuple[Program, SingleInstance]) -> None:
    _desktop, single = desktop
    before = demo_office.backend.presence.get("a.schneider").room_id
    single.handle(b"link dvz://room/kh-1-b110\n")
    settled(demo_office, runner)
    assert demo_office.backend.presence.get("a.schneider").room_id == before
    banner = link_banner(demo_office)
    assert banner is not None and "Besprechung 1.10" in banner.label.text() and banner.go.text() == "Hingehen"
    QTest.mouseClick(banner.cancel, Qt.MouseButton.LeftButton)
    settled(demo_office, runner)
    assert link_banner(demo_office) is None
    assert demo_office.backend.presence.get("a.schneider").room_id == before

    single.handle(b"link dvz://join/kh-1-b110\n")
    banner = link_banner(demo_office)
    assert banner is not None and banner.go.text() == "Beitreten"
    QTest.mouseClick(banner.go, Qt.MouseButton.LeftButton)
    runner.wait_until(lambda: demo_office.backend.presence.get("a.schneider").room_id == "kh-1-b110",
                      what="Anna in the meeting room after confirming")


def test_a_link_in_a_chat_message_asks_too_and_unknown_targets_say_so(
        demo_office: DemoOffice, runner: LoopRunner) -> None:
    parts = demo_office.parts
    parts.chat.panel.dvzLinkActivated.emit("dvz://call/t.wagner")
    settled(demo_office, runner)
    assert demo_office.backend.calls.call_of("a.schneider") is None
    assert link_banner(demo_office) is not None
    parts.chat.panel.dvzLinkActivated.emit("dvz://call/niemand.da")
    assert "nicht zu finden" in parts.window.statusBar().currentMessage()
    parts.chat.panel.dvzLinkActivated.emit("dvz://room/x;calc")
    assert "ungültig" in parts.window.statusBar().currentMessage()
