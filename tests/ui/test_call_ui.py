"""A call in the window: walking into a meeting room with a colleague joins its call; the call view
shows the colleague's picture; mute and camera change what my tracks send."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from dvz_desktop.services.calls import CallClient
from dvz_desktop.services.session import Credentials, Session

from .conftest import DemoOffice, FakeDevices, LoopRunner

ROOM = "kh-1-b110"  # Besprechung 1.10


@pytest.fixture(autouse=True)
def loopback(monkeypatch) -> None:
    import aioice.ice

    monkeypatch.setattr(aioice.ice, "get_host_addresses", lambda use_ipv4, use_ipv6: ["127.0.0.1"])


def test_call_view_shows_the_colleague_and_mute_and_camera_change_my_tracks(
        demo_office: DemoOffice, runner: LoopRunner) -> None:
    thomas_session = Session(demo_office.url, Credentials("t.wagner", "demo"))
    runner.run(thomas_session.start())
    thomas_media = FakeDevices()
    thomas = CallClient(thomas_session, thomas_media)
    runner.run(thomas_session.move(ROOM))
    runner.run(thomas.join_room(ROOM))
    parts = demo_office.parts
    runner.run(parts.behaviour.go_to(ROOM))  # Anna walks in: she joins the room's call by herself
    runner.wait_until(lambda: parts.calls.client.call is not None and len(parts.calls.client.peers) == 1, timeout=15,
                      what="Anna in the call")
    runner.wait_until(lambda: thomas_media.video is not None, what="Thomas' tracks")
    thomas_media.set_camera(True)
    panel = parts.calls.panel
    assert parts.window.stage.current_view() == "call"
    runner.wait_until(lambda: "t.wagner" in panel.tiles and panel.tiles["t.wagner"].frames_shown > 0, timeout=15,
                      what="Thomas' picture in Anna's call view")
    assert "Thomas Wagner" in panel.title.text()

    anna_media = parts.calls.client.media
    runner.wait_until(lambda: thomas.frames.get(("a.schneider", "audio"), 0) > 5, timeout=25, what="Anna's voice")
    assert not anna_media.audio.muted and anna_media.audio.level > 0.05
    QTest.mouseClick(panel.mute, Qt.MouseButton.LeftButton)
    assert anna_media.audio.muted
    runner.wait_until(lambda: anna_media.audio.level == 0.0, what="silence on the track")
    runner.wait_until(lambda: any(m.person_id == "a.schneider" and not m.audio
                                  for m in (thomas.call.members if thomas.call else ())), what="Thomas sees 'stumm'")

    received = []
    thomas.frame_received.connect(lambda item: received.append(item[2].width) if item[:2] == ("a.schneider",
                                                                                              "video") else None)
    assert not anna_media.video.enabled  # camera off by default
    QTest.mouseClick(panel.camera, Qt.MouseButton.LeftButton)
    assert anna_media.video.enabled and panel.camera.isChecked()
    runner.wait_until(lambda: panel.self_tile is not None and panel.self_tile.frames_shown > 0, what="the self view")
    # The switched-off camera sent a small black picture once a second; now a real picture arrives.
    runner.wait_until(lambda: any(width > 160 for width in received), timeout=25,
                      what="Anna's camera picture at Thomas")

    QTest.mouseClick(panel.hangup, Qt.MouseButton.LeftButton)
    runner.wait_until(lambda: parts.calls.client.call is None and parts.calls.client.peers == {}, what="hung up")
    runner.run(thomas.leave())
    runner.run(thomas_session.stop())


def test_someone_joining_me_starts_the_call_and_speaking_shows_on_the_map(
        demo_office: DemoOffice, runner: LoopRunner) -> None:
    parts = demo_office.parts
    runner.run(parts.behaviour.go_to(ROOM))  # Anna waits alone in the meeting room: no call yet
    runner.wait_until(lambda: demo_office.backend.presence.get("a.schneider").room_id == ROOM, what="Anna inside")
    assert parts.calls.client.call is None
    thomas_session = Session(demo_office.url, Credentials("t.wagner", "demo"))
    runner.run(thomas_session.start())
    thomas = CallClient(thomas_session, FakeDevices())
    runner.run(thomas_session.move(ROOM))  # Thomas comes in and joins the room's call ...
    runner.run(thomas.join_room(ROOM))
    runner.wait_until(lambda: parts.calls.client.call is not None and len(parts.calls.client.peers) == 1, timeout=15,
                      what="Anna joining by herself")  # ... and Anna is in it without doing anything
    runner.run(thomas.set_media(audio=True, video=False, speaking=True))
    avatar = parts.map.current_scene().avatars["t.wagner"]
    runner.wait_until(lambda: avatar.speaking, what="the speaking ring on Thomas' avatar")
    runner.run(thomas.leave())
    runner.run(thomas_session.stop())


def test_a_call_ended_by_the_other_side_s_lost_connection_says_so(
        demo_office: DemoOffice, runner: LoopRunner) -> None:
    """Thomas' connection goes away in the middle of a call between two (his node, or his network, was
    lost; he did not hang up): Anna's window says why her call ended."""
    thomas_session = Session(demo_office.url, Credentials("t.wagner", "demo"))
    runner.run(thomas_session.start())
    thomas = CallClient(thomas_session, FakeDevices())
    parts = demo_office.parts
    call_id = runner.run(parts.calls.client.call_person("t.wagner"))
    runner.wait_until(lambda: thomas.call is not None, what="Thomas' phone to ring")
    runner.run(thomas.answer(call_id, accept=True))
    runner.wait_until(lambda: len(parts.calls.client.peers) == 1, timeout=15, what="the call to run")
    thomas.detach()
    runner.run(thomas_session.stop())  # no hang-up: the connection is simply gone
    runner.wait_until(lambda: parts.calls.client.call is None, timeout=15, what="Anna's call to end")
    status = parts.window.status_line
    runner.wait_until(lambda: "Verbindung der Gegenseite ist abgebrochen" in status.currentMessage(),
                      what="the reason in Anna's window")
    assert status.currentMessage() == "Das Gespräch ist beendet: Die Verbindung der Gegenseite ist abgebrochen."
    runner.wait_until(lambda: parts.window.stage.floating is None, what="the small call view to go")
    assert parts.window.stage.current_view() == "office"
    runner.run(thomas.idle())


def test_choosing_audio_devices_is_remembered(demo_office: DemoOffice, qtbot) -> None:  # type: ignore[no-untyped-def]
    from dvz_desktop.qt.calls.devices import DeviceDialog

    chosen: list[tuple[str, str]] = []
    panel = demo_office.parts.calls.panel
    panel.devicesChosen_callback = lambda mic, out: chosen.append((mic, out))
    dialog = DeviceDialog(["Headset-Mikrofon", "Webcam-Mikrofon"], ["Headset", "Lautsprecher"], ("", "Headset"))
    qtbot.addWidget(dialog)
    assert dialog.speaker.currentText() == "Headset"  # the remembered choice is preselected
    dialog.chosen.connect(panel._devices_chosen)  # noqa: SLF001
    dialog.microphone.setCurrentIndex(dialog.microphone.findData("Headset-Mikrofon"))
    dialog._accept()  # noqa: SLF001
    assert chosen == [("Headset-Mikrofon", "Headset")] and panel.device_choice == ("Headset-Mikrofon", "Headset")
    empty = DeviceDialog([], [], ("", ""))
    qtbot.addWidget(empty)
    assert empty.microphone.count() == 1 and empty.microphone.currentText() == "Systemstandard"
