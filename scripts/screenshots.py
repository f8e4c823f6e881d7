"""Screenshots of the whole window for docs/images: the real backend with the demo Landkreis, the real
client logged in as Anna Schneider, and the scenes a user lives through.

    .venv/bin/python scripts/screenshots.py [--out docs/images] [--sizes 1366x768,1920x1080]

Scenes: the floor at start, the chat open, a call with one camera off, the whiteboard, the digital door
(nobody waiting, a citizen waiting, the visit), dark mode and high contrast. Renders offscreen (no screen
needed); colleagues are brought in by the demo simulation with a fixed seed, so the pictures are the same
every time.
A meeting of twelve on the media server: ``scripts/screenshots_meeting.py`` (needs Janus and root).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
import tempfile
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("DVZ_CONFIG_DIR", tempfile.mkdtemp(prefix="dvz-shots-config-"))

ROOT = Path(__file__).resolve().parents[1]
MEETING_ROOM = "kh-1-b110"  # Besprechung 1.10
BOARD_ROOM = "kh-1-101"  # Anna's office: a board to think on, no call


class SyntheticDevices:
    """A tone and a moving test picture instead of microphone and camera (none on a build machine)."""

    def __init__(self, camera: bool) -> None:
        self.camera = camera
        self.notes: list[str] = []
        self.audio = None
        self.video = None

    def audio_track(self):  # type: ignore[no-untyped-def]
        import numpy as np

        from dvz_desktop.services.media import FRAME_SAMPLES, SwitchableAudioTrack

        tone = (np.sin(np.arange(FRAME_SAMPLES) * 2 * np.pi * 440 / 48_000) * 3000).astype(np.int16)
        self.audio = SwitchableAudioTrack(lambda: tone)
        return self.audio

    def video_track(self):  # type: ignore[no-untyped-def]
        from dvz_desktop.services.media import SwitchableVideoTrack, synthetic_video

        self.video = SwitchableVideoTrack(synthetic_video() if self.camera else None)
        return self.video

    def set_camera(self, on: bool) -> bool:
        from dvz_desktop.services.media import synthetic_video

        self.video.switch(synthetic_video() if on else None)  # type: ignore[union-attr]
        return on

    def share_screen(self, on: bool) -> None:
        self.set_camera(on)

    def close(self) -> None:
        pass


async def wait_for(condition: Callable[[], bool], timeout: float = 20.0) -> None:
    deadline = asyncio.get_running_loop().time() + timeout
    while not condition():
        if asyncio.get_running_loop().time() > deadline:
            raise TimeoutError("Bildschirmfoto: Zustand nicht erreicht")
        await asyncio.sleep(0.05)


async def settle(bridge, seconds: float = 0.4) -> None:  # type: ignore[no-untyped-def]
    # Sleeping lets the one loop run Qt's events too (processEvents() here would re-enter asyncio tasks).
    await asyncio.sleep(seconds)
    bridge.flush_now()
    await asyncio.sleep(0.05)


async def scenes(app, out: Path, sizes: list[tuple[int, int]]) -> list[Path]:  # type: ignore[no-untyped-def]
    import aioice.ice

    from dvz_desktop.core.clock import SystemClock
    from dvz_desktop.desktop import assemble_desktop
    from dvz_desktop.protocol import Status, WbShape
    from dvz_desktop.qt.shell import theme
    from dvz_desktop.services.calls import CallClient
    from dvz_desktop.services.chat import ChatClient
    from dvz_desktop.services.session import Credentials, Session
    from server_stub.app import Backend, BackendConfig
    from server_stub.demo.office import demo_org_file
    from server_stub.demo.simulation import DemoSimulation

    # Calls on loopback only (aioice offers no host candidates otherwise).
    aioice.ice.get_host_addresses = lambda use_ipv4, use_ipv6: ["127.0.0.1"]  # type: ignore[assignment]
    data = Path(tempfile.mkdtemp(prefix="dvz-shots-"))
    backend = Backend(demo_org_file(), BackendConfig(data_dir=data))
    port = await backend.start("127.0.0.1", 0)
    url = f"ws://127.0.0.1:{port}/ws"
    simulation = DemoSimulation(backend.presence, backend.directory, SystemClock(), exclude=("a.schneider", "t.wagner"),
                                seed=7)
    simulation.populate_morning()
    for _ in range(25):
        simulation.step()
    anna = Session(url, Credentials(username="a.schneider", password="demo"))
    anna.hold_messages()  # as the program does: the door's queues after the welcome reach the desktop
    await anna.start()
    await anna.set_status(Status.AVAILABLE, "Haushalt 2027 – gern anrufen")
    parts = assemble_desktop(anna, set(), lambda f: None, outbox_dir=data / "outbox",
                             media_factory=lambda: SyntheticDevices(camera=False))
    window = parts.window
    window.show()
    thomas = Session(url, Credentials(username="t.wagner", password="demo"))
    await thomas.start()
    written: list[Path] = []

    async def shoot(name: str, prepare: Callable[[], Awaitable[None]] | None = None) -> None:
        if prepare is not None:
            await prepare()
        for width, height in sizes:
            window.resize(width, height)
            await settle(parts.bridge, 0.5)
            path = out / f"{name}-{width}.png"
            window.grab().save(str(path), "PNG")
            written.append(path)
            print(path, flush=True)

    # 1. The floor at start: who is here, beside the plan.
    await wait_for(lambda: bool(parts.map.current_scene() and parts.map.current_scene().avatars))
    await shoot("desktop-start")

    # Every side panel once (for looking at them; not all go to docs/images).
    if os.environ.get("DVZ_SHOTS_PANELS"):
        for key in window.side.keys():
            await shoot(f"panel-{key}", lambda key=key: _show(window.open_panel, key))
        window.open_panel("office")

    # 2. The chat: Thomas wrote.
    thomas_chat = ChatClient(thomas, data / "thomas-outbox.jsonl")
    conv = await thomas_chat.open_direct("a.schneider")
    thomas_chat.send(conv, "Hast du kurz Zeit? Es geht um den Haushaltsentwurf 2027.")
    thomas_chat.send(conv, "Die Zahlen vom Bauamt sind da: Az. 61-2026-0415")
    await wait_for(lambda: conv in parts.chat.client.conversations and parts.chat.client.unread(conv) == 2)
    mine = await parts.chat.client.open_direct("t.wagner")
    parts.chat.client.send(mine, "Ja, gern – komm in die Besprechung 1.10, ich bringe den Entwurf mit.")
    await shoot("desktop-chat", lambda: _show(parts.chat.show_conversation, conv))

    # 3. A call with one camera off: Thomas with his camera, Anna without.
    thomas_call = CallClient(thomas, SyntheticDevices(camera=True))
    await thomas.move(MEETING_ROOM)
    await thomas_call.join_room(MEETING_ROOM)
    await parts.behaviour.go_to(MEETING_ROOM)
    await wait_for(lambda: "t.wagner" in parts.calls.panel.tiles
                   and parts.calls.panel.tiles["t.wagner"].frames_shown > 0, 30)
    await shoot("desktop-call")
    window.show_view("office")
    await shoot("desktop-call-mini")
    await parts.calls.client.leave()
    await thomas_call.leave()

    # 4. The whiteboard of a room.
    await parts.behaviour.go_to(BOARD_ROOM)
    window.show_view("whiteboard")
    await wait_for(lambda: parts.whiteboard.client.room_id == BOARD_ROOM and parts.whiteboard.client._loaded)
    board = parts.whiteboard.client
    board.draw(WbShape(kind="rect", points=(120, 120, 900, 520), colour="#1f5fa8", width=6))
    board.draw(WbShape(kind="arrow", points=(960, 320, 1300, 320), colour="#c0392b", width=8))
    board.draw(WbShape(kind="ellipse", points=(1340, 180, 1900, 480), colour="#2e7d32", width=6))
    board.draw(WbShape(kind="text", points=(160, 170), colour="#1b2631", width=4, text="Antrag eingegangen"))
    board.draw(WbShape(kind="text", points=(1400, 300), colour="#1b2631", width=4, text="Bescheid"))
    await shoot("desktop-whiteboard")
    window.show_view("office")

    # 5. A visit at the digital door (Anna serves the Bürgerbüro): first nobody waits, then a citizen.
    from websockets.asyncio.client import connect

    await shoot("desktop-door-empty", lambda: _show(window.open_panel, "door"))

    guest = await connect(f"ws://127.0.0.1:{port}/gast", origin=f"http://127.0.0.1:{port}")
    await guest.send(json.dumps({"type": "guest_join", "desk_id": "buergerbuero", "name": "Erika Muster",
                                 "concern": "Meldebescheinigung", "privacy_accepted": True}))
    await wait_for(lambda: parts.tray.waiting == 1)
    await shoot("desktop-door-waiting", lambda: _show(window.open_panel, "door"))
    parts.door_panel.admit_first()
    await wait_for(lambda: parts.door_panel.current is not None)
    await shoot("desktop-door-visit")
    parts.door_panel.end_button.click()
    await wait_for(lambda: parts.door_panel.current is None, 10)
    await guest.close()

    # 6. Dark mode and high contrast, at the start scene.
    window.open_panel("office")
    for mode in (theme.ThemeMode.DARK, theme.ThemeMode.HIGH_CONTRAST):
        theme.apply(app, mode)
        await shoot(f"desktop-{mode.value}")
    theme.apply(app, theme.ThemeMode.LIGHT)

    await thomas.stop()
    await anna.stop()
    window.keep_in_tray = False
    window.close()
    await backend.stop()
    return written


async def _show(action: Callable[[str], None], value: str) -> None:
    action(value)


def run_scenes(doc: str, scenes: Callable[[Any, Path, list[tuple[int, int]]], Awaitable[object]]) -> int:
    """What every screenshot script shares: ``--out`` and ``--sizes``, a German client in the light theme,
    and the qasync loop that runs ``scenes(app, out, sizes)``."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "images")
    parser.add_argument("--sizes", default="1366x768,1920x1080")
    args = parser.parse_args()
    sizes = [(int(w), int(h)) for w, h in (size.split("x") for size in args.sizes.split(","))]
    args.out.mkdir(parents=True, exist_ok=True)
    sys.path.insert(0, str(ROOT))
    import qasync
    from PySide6.QtWidgets import QApplication

    from dvz_desktop.qt.shell import theme
    from dvz_desktop.qt.shell.i18n import install_translators

    app = QApplication(sys.argv[:1])
    app.setQuitOnLastWindowClosed(False)  # closing the window at the end must not stop the loop early
    install_translators(app, "de")
    theme.apply(app, theme.ThemeMode.LIGHT)
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    with loop:
        loop.run_until_complete(scenes(app, args.out, sizes))
    return 0


def main() -> int:
    return run_scenes(__doc__ or "", scenes)


if __name__ == "__main__":
    sys.exit(main())
