"""Screenshots of a meeting of twelve for docs/images: a real Janus (in a network namespace of its own,
as the tests run it; needs root and the Debian ``janus`` package), the real backend with the demo
Landkreis driving it, eleven colleagues as real call clients with synthetic cameras and microphones,
and the real client logged in as Anna Schneider.

    .venv/bin/python scripts/screenshots_meeting.py [--out docs/images] [--sizes 1366x768,1920x1080]

Scenes: the gallery of nine with the participant list (hands, muted microphones, cameras off), the
speaker view, and a shared screen on the main stage. The whole window otherwise comes from
``scripts/screenshots.py``.
"""

from __future__ import annotations

import asyncio
import fractions
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("DVZ_CONFIG_DIR", tempfile.mkdtemp(prefix="dvz-shots-config-"))

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

ROOM = "kh-1-b110"  # Besprechung 1.10
#: The colleagues in the meeting, in order of arrival: (login, camera on, microphone on).
COLLEAGUES = [("t.wagner", True, True), ("m.becker", True, True), ("j.hoffmann", False, True),
              ("s.koch", True, False), ("p.richter", True, True), ("k.klein", True, True),
              ("u.wolf", False, False), ("c.schroeder", True, True), ("d.neumann", True, True),
              ("e.schwarz", True, True), ("f.zimmermann", True, True)]
HANDS = ("k.klein", "d.neumann")  # in this order
SPEAKER = "m.becker"
SHARING = "p.richter"


class PersonCamera:
    """A 320x240 picture at 5 frames a second: a person-coloured background with a head-and-shoulders
    silhouette that sways a little (no camera on a build machine)."""

    kind = "video"

    def __new__(cls, colour: tuple[int, int, int]) -> Any:
        import numpy as np
        from aiortc import MediaStreamTrack
        from av import VideoFrame

        class Track(MediaStreamTrack):
            kind = "video"

            def __init__(self) -> None:
                super().__init__()
                self._pts = 0
                self._start: float | None = None
                height, width = 240, 320
                yy, xx = np.mgrid[0:height, 0:width]
                shade = (0.55 + 0.45 * yy / height)[..., None]
                self._base = (np.array(colour) * shade).astype(np.uint8)
                self._yy, self._xx = yy, xx

            async def recv(self) -> VideoFrame:
                if self._start is None:
                    self._start = time.monotonic()
                delay = self._start + self._pts / 90_000 - time.monotonic()
                if delay > 0:
                    await asyncio.sleep(delay)  # a camera's pace
                sway = 8 * np.sin(self._pts / 90_000)
                picture = self._base.copy()
                head = ((self._xx - 160 - sway) ** 2 + (self._yy - 95) ** 2) < 42 ** 2
                body = ((self._xx - 160 - sway) ** 2 / 95 ** 2 + (self._yy - 240) ** 2 / 95 ** 2) < 1
                picture[head | body] = (235, 225, 215)
                frame = VideoFrame.from_ndarray(picture, format="rgb24")
                frame.pts = self._pts
                frame.time_base = fractions.Fraction(1, 90_000)
                self._pts += 90_000 // 5
                return frame

        return Track()


class Devices:
    def __init__(self, index: int, camera: bool) -> None:
        self.index, self.camera = index, camera

    def audio_track(self) -> Any:
        from tests.services.janus_participant import ToneTrack

        return ToneTrack(300.0 + 60.0 * self.index)

    def video_track(self) -> Any:
        from tests.integration.meeting_helpers import colour_of

        return PersonCamera(colour_of(self.index)) if self.camera else None


async def scenes(out: Path, sizes: list[tuple[int, int]]) -> list[Path]:
    import aioice.ice
    from screenshots import SyntheticDevices, settle, wait_for

    from dvz_desktop.core.clock import SystemClock
    from dvz_desktop.desktop import assemble_desktop
    from dvz_desktop.protocol import Status
    from dvz_desktop.services.calls import CallClient
    from dvz_desktop.services.session import Credentials, Session
    from server_stub.app import Backend, BackendConfig
    from server_stub.demo.office import demo_org_file
    from server_stub.demo.simulation import DemoSimulation
    from server_stub.sfu.config import SfuConfig
    from tests.services.janus import start_janus

    folder = Path(tempfile.mkdtemp(prefix="dvz-shots-janus-"))
    written: list[Path] = []
    with start_janus(folder) as janus:
        # Janus's candidates are on its own veth: the clients offer that host address alone.
        aioice.ice.get_host_addresses = lambda use_ipv4, use_ipv6: [janus.host.host_address]  # type: ignore[assignment]
        data = Path(tempfile.mkdtemp(prefix="dvz-shots-"))
        backend = Backend(demo_org_file(), BackendConfig(
            data_dir=data, sfu=SfuConfig(janus.url, api_secret=janus.api_secret, admin_key=janus.admin_key)))
        port = await backend.start("127.0.0.1", 0)
        url = f"ws://127.0.0.1:{port}/ws"
        simulation = DemoSimulation(backend.presence, backend.directory, SystemClock(), seed=7,
                                    exclude=("a.schneider", *(login for login, _, _ in COLLEAGUES)))
        simulation.populate_morning()  # the rest of the house at work, as in screenshots.py
        server = backend.meetings.media.server
        assert server is not None
        await wait_for(lambda: server.up, 20)
        anna = Session(url, Credentials(username="a.schneider", password="demo"))
        await anna.start()
        await anna.set_status(Status.AVAILABLE, "Haushalt 2027 – gern anrufen")
        parts = assemble_desktop(anna, set(), lambda f: None, outbox_dir=data / "outbox",
                                 media_factory=lambda: SyntheticDevices(camera=False))
        window = parts.window
        window.show()
        others: list[tuple[Session, CallClient]] = []
        for index, (login, camera, microphone) in enumerate(COLLEAGUES, start=1):
            session = Session(url, Credentials(username=login, password="demo"))
            await session.start()
            await session.move(ROOM)
            client = CallClient(session, Devices(index, camera))
            client.show_videos(set(), False)  # they receive sound only: the machine has two cores
            await client.join_room(ROOM)
            await client.set_media(audio=microphone, video=camera, speaking=login == SPEAKER)
            others.append((session, client))
        await parts.behaviour.go_to(ROOM)  # Anna walks in and joins the meeting
        panel = parts.calls.panel
        await wait_for(lambda: len(panel.tiles) == 8, 60)
        for login in HANDS:
            client = next(c for s, c in others if c.me == login)
            await client.raise_hand(True)
        await wait_for(lambda: all(t.frames_shown > 0 for t in panel.tiles.values() if t.video), 90)

        async def shoot(name: str) -> None:
            for width, height in sizes:
                window.resize(width, height)
                await settle(parts.bridge, 1.0)
                path = out / f"{name}-{width}.png"
                window.grab().save(str(path), "PNG")
                written.append(path)
                print(path, flush=True)

        await shoot("desktop-meeting")
        panel.header.view.click()  # the speaker view
        await wait_for(lambda: panel.stage.main == SPEAKER and panel.tiles[SPEAKER].frames_shown > 0, 30)
        await shoot("desktop-meeting-speaker")
        panel.header.view.click()
        sharer = next(c for s, c in others if c.me == SHARING)
        await sharer.set_media(audio=True, video=True, screen=True)
        await wait_for(lambda: panel.stage.main == SHARING and panel.tiles[SHARING].frames_shown > 0, 30)
        await shoot("desktop-meeting-screen")

        await parts.calls.client.leave()
        for session, client in others:
            await client.leave()
            await session.stop()
        await anna.stop()
        window.keep_in_tray = False
        window.close()
        await backend.stop()
    return written


def main() -> int:
    sys.path.insert(0, str(ROOT / "scripts"))
    from screenshots import run_scenes  # the same command line and application as the desktop's screenshots

    return run_scenes(__doc__ or "", lambda _app, out, sizes: scenes(out, sizes))


if __name__ == "__main__":
    sys.exit(main())
