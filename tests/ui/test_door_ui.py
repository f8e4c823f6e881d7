"""The digital door at the clerk's desk: a guest waiting shows on the map, in the tray and in the dock;
admitting, chatting (guest text stays text) and ending the visit from the dock."""

from __future__ import annotations

import json
from pathlib import Path

from websockets.asyncio.client import connect

from dvz_desktop.desktop import assemble_desktop
from dvz_desktop.protocol import Status
from dvz_desktop.services.session import Credentials, Session
from server_stub.app import Backend, BackendConfig
from server_stub.demo.office import demo_org_file

from .conftest import DemoOffice, FakeDevices, LoopRunner


def test_clerk_sees_the_queue_admits_chats_and_ends(demo_office: DemoOffice, runner: LoopRunner) -> None:
    parts = demo_office.parts
    port = demo_office.url.split(":")[2].split("/")[0]
    guest = runner.run(connect(f"ws://127.0.0.1:{port}/gast", origin=f"http://127.0.0.1:{port}"))  # type: ignore[arg-type]
    runner.run(guest.send(json.dumps({"type": "guest_join", "desk_id": "buergerbuero", "name": "Erika <b>Muster</b>",
                                      "concern": "Meldebescheinigung", "privacy_accepted": True})))
    runner.wait_until(lambda: parts.tray.waiting == 1, what="the tray to count the guest")
    room = parts.map
    runner.wait_until(lambda: room._waiting.get("kh-0-buergerbuero") == "1 Person wartet",  # noqa: SLF001
                      what="the badge on the Bürgerbüro")
    panel = parts.door_panel
    door_entry = parts.window.rail.entries["door"]
    assert door_entry.button.isVisibleTo(parts.window)  # Anna serves a desk: "Digitale Tür" is on her rail
    assert parts.window.rail.badge("door") == "1" and "1 Person wartet" in door_entry.button.accessibleName()
    door_entry.button.click()
    assert parts.window.current_panel() == "door"
    texts = [panel.queue.item(i).text() for i in range(panel.queue.count())]
    assert "Bürgerbüro – 1 Person wartet" in texts
    assert any("1. Erika <b>Muster</b> – Meldebescheinigung" in t for t in texts)

    panel.admit_first()
    runner.wait_until(lambda: panel.current is not None and panel.visit_box.isVisible(), what="the visit")
    assert panel.visit_title.text().startswith("Besuch: Erika <b>Muster</b>")

    async def guest_frames(kind: str, state: str | None = None) -> dict:  # type: ignore[type-arg]
        while True:
            frame = json.loads(await guest.recv())
            if frame["type"] == kind and (state is None or frame.get("state") == state):
                return frame

    admitted = runner.run(guest_frames("guest_state", "admitted"))
    assert admitted["clerk_name"] == "Anna Schneider"
    runner.run(guest.send(json.dumps({"type": "guest_say", "body": "<i>Hallo</i>"})))
    runner.wait_until(lambda: panel.lines.count() == 1, what="the guest's line in the dock")
    assert panel.lines.item(0).text().endswith("Gast: <i>Hallo</i>")
    panel.input.setText("Guten Tag, Frau Muster.")
    panel.send()
    while True:
        line = runner.run(guest_frames("guest_line"))
        if line["sender"] == "clerk":
            break
    assert line["body"] == "Guten Tag, Frau Muster."
    panel.end_button.click()
    runner.run(guest_frames("guest_state", "ended"))
    runner.wait_until(lambda: panel.current is None and not panel.visit_box.isVisible(), what="the visit to close")
    assert parts.tray.waiting == 0 and room._waiting["kh-0-buergerbuero"] == ""  # noqa: SLF001
    runner.run(guest.close())  # nothing of the guest's socket left for the garbage collector at exit


def test_a_request_outside_hours_shows_in_missed_and_today(demo_office: DemoOffice, runner: LoopRunner) -> None:
    from dvz_desktop.protocol import InboxKind
    from dvz_desktop.qt.behaviour.texts import inbox_kind

    demo_office.backend.inbox.add("a.schneider", InboxKind.GUEST_REQUEST, room_id="kh-0-buergerbuero",
                                  guest_name="Max", contact="0151 123", text="Bitte um Rückruf")
    today = demo_office.parts.today
    runner.wait_until(lambda: any("1 Anfrage an der digitalen Tür" in today.list.item(i).text()
                                  for i in range(today.list.count())), what="the request in Heute")
    assert inbox_kind(InboxKind.GUEST_REQUEST) == "Anfrage an der digitalen Tür"
    assert inbox_kind(InboxKind.CALLBACK) == "Rückruf"


def test_a_clerk_who_logs_in_while_nobody_waits_finds_her_door_and_is_told_what_comes(
        runner: LoopRunner, tmp_path: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    """The program logs in, waits (the credential vault), then builds the desktop: the desks' queues sent
    right after the welcome still reach the door, so "Digitale Tür" is on the rail before any citizen came."""
    backend = Backend(demo_org_file(), BackendConfig(data_dir=tmp_path / "data"))
    port = runner.run(backend.start("127.0.0.1", 0))
    session = Session(f"ws://127.0.0.1:{port}/ws", Credentials(username="a.schneider", password="demo"))
    session.hold_messages()
    runner.run(session.start())
    runner.run(session.set_status(Status.AVAILABLE))  # a round trip: the queues have arrived by its reply
    parts = assemble_desktop(session, set(), lambda _f: None, outbox_dir=tmp_path / "outbox",
                             media_factory=FakeDevices)
    qtbot.addWidget(parts.window)
    try:
        parts.window.show()
        door_entry = parts.window.rail.entries["door"]
        assert door_entry.button.isVisibleTo(parts.window)
        door_entry.button.click()
        panel = parts.door_panel
        texts = [panel.queue.item(i).text() for i in range(panel.queue.count())]
        assert texts == ["Bürgerbüro – niemand wartet", "Zulassungsstelle – niemand wartet"]
        assert panel.empty_hint.isVisible() and "Website" in panel.empty_hint.text()
        assert not panel.admit_next.isEnabled()
    finally:
        runner.run(session.stop())
        runner.run(backend.stop())
