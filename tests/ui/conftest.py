"""UI tests: the real backend and the real client parts on one qasync loop, offscreen."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import pytest
import qasync

from dvz_desktop.app import DesktopParts, assemble_desktop
from dvz_desktop.services.session import Credentials, Session
from server_stub.app import Backend, BackendConfig
from server_stub.demo.office import demo_org_file

T = TypeVar("T")


class LoopRunner:
    """Runs coroutines on a qasync loop, so Qt events and asyncio tasks both make progress.

    In the program the loop runs from start to quit. A test runs it in steps, and between them Qt still
    delivers events (a click, ``qtbot.waitExposed``, a grab), and qasync steps asyncio tasks from those
    events. So the loop stays the running loop between the steps too, as in the program; otherwise such
    a task would fail with "no running event loop" depending on when the machine got round to it.
    """

    def __init__(self, loop: qasync.QEventLoop) -> None:
        self.loop = loop
        asyncio.events._set_running_loop(loop)

    def run(self, coro: Coroutine[Any, Any, T], timeout: float = 30.0) -> T:
        future = asyncio.ensure_future(asyncio.wait_for(coro, timeout), loop=self.loop)
        future.add_done_callback(lambda _future: self.loop.stop())
        try:
            self.loop.run_forever()  # qasync's run_until_complete would end with events but no running loop
        finally:
            asyncio.events._set_running_loop(self.loop)
        if not future.done():
            future.cancel()
            raise RuntimeError("the loop stopped before the coroutine finished")
        return future.result()

    def wait_until(self, condition: Callable[[], bool], timeout: float = 20.0, what: str = "condition") -> None:
        """Generous on purpose: a condition that holds returns at once; only a failure waits this long,
        and a machine busy with other work must not fail a test."""

        async def poll() -> None:
            while not condition():
                await asyncio.sleep(0.01)

        try:
            self.run(poll(), timeout)
        except TimeoutError:
            raise AssertionError(f"timed out waiting for {what}") from None

    def close(self) -> None:
        asyncio.events._set_running_loop(None)
        self.loop.close()  # also stops qasync's worker threads (argon2 runs there)


@pytest.fixture
def runner(qapp) -> Iterator[LoopRunner]:  # type: ignore[no-untyped-def]
    loop = qasync.QEventLoop(qapp)
    asyncio.set_event_loop(loop)
    runner = LoopRunner(loop)
    yield runner
    runner.close()
    asyncio.set_event_loop(None)


@dataclass
class DemoOffice:
    backend: Backend
    url: str
    session: Session
    parts: DesktopParts
    followed_saved: list[set[str]]


class FakeDevices:
    """Stands in for microphone and camera (this machine has neither): the app's own switchable tracks,
    fed by a tone and a moving test picture."""

    def __init__(self) -> None:
        self.notes: list[str] = []
        self.audio = None
        self.video = None

    def audio_track(self):  # type: ignore[no-untyped-def]
        import numpy as np

        from dvz_desktop.services.media import FRAME_SAMPLES, SwitchableAudioTrack

        tone = (np.sin(np.arange(FRAME_SAMPLES) * 2 * np.pi * 440 / 48_000) * 8000).astype(np.int16)
        self.audio = SwitchableAudioTrack(lambda: tone)
        return self.audio

    def video_track(self):  # type: ignore[no-untyped-def]
        from dvz_desktop.services.media import SwitchableVideoTrack

        self.video = SwitchableVideoTrack(None)  # camera off by default
        return self.video

    def set_camera(self, on: bool) -> bool:
        from dvz_desktop.services.media import synthetic_video

        self.video.switch(synthetic_video() if on else None)
        return on

    def share_screen(self, on: bool) -> None:
        self.set_camera(on)

    def close(self) -> None:
        pass


@pytest.fixture
def demo_office(runner: LoopRunner, tmp_path: Path, qtbot) -> Iterator[DemoOffice]:  # type: ignore[no-untyped-def]
    """The demo Landkreis on a real backend, and a real client logged in as Anna Schneider."""
    backend = Backend(demo_org_file(), BackendConfig(data_dir=tmp_path / "data"))
    port = runner.run(backend.start("127.0.0.1", 0))
    url = f"ws://127.0.0.1:{port}/ws"
    # A few colleagues are in already (as the demo simulation would have them).
    for person in ("t.wagner", "m.becker", "s.koch", "k.klein", "b.peters"):
        backend.presence.come_online(person)
    session = Session(url, Credentials(username="a.schneider", password="demo"),
                      reconnect_min_s=0.05, reconnect_max_s=0.2)
    session.hold_messages()  # as the program does: nothing since the login is lost before the desktop exists
    runner.run(session.start())
    saved: list[set[str]] = []
    parts = assemble_desktop(session, set(), lambda f: saved.append(set(f)), outbox_dir=tmp_path / "outbox",
                             media_factory=FakeDevices)
    qtbot.addWidget(parts.window)
    parts.window.show()
    qtbot.waitExposed(parts.window)
    try:
        yield DemoOffice(backend, url, session, parts, saved)
    finally:
        runner.run(session.stop())
        runner.run(backend.stop())
