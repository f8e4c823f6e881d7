"""Quitting DVZ Desktop during a call ends the process within seconds (hang up, close media, exit), with a
second real person in the call: the demo backend, the real program as Anna, and Thomas with aiortc and
synthetic tracks in this test."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from dvz_desktop.protocol import Status
from dvz_desktop.services.calls import CallClient
from dvz_desktop.services.demo_backend import DemoBackend
from dvz_desktop.services.session import Credentials, Session

#: The program as a user starts it; aioice may also use loopback (this machine may have no other interface).
ANNA = [sys.executable, "-c",
        ("import aioice.ice, sys\n"
         "aioice.ice.get_host_addresses = lambda use_ipv4, use_ipv6: ['127.0.0.1']\n"
         "from dvz_desktop.app import main\n"
         "sys.exit(main())"),
        "--demo", "--user", "a.schneider", "--log-level", "INFO", "--no-single-instance"]
ANNAS_OFFICE = "kh-1-101"
QUIT_WITHIN_S = 12.0  # the program guarantees 8 s (its exit timer); the rest is the machine


@pytest.fixture
async def demo_backend() -> AsyncIterator[DemoBackend]:
    backend = DemoBackend(speed=0.0001)  # colleagues stand still: only Anna and Thomas act
    backend.start()
    await backend.wait_ready(60)
    yield backend
    backend.stop()


class FakeDevices:
    """Thomas' microphone and camera: a tone and a test picture (this machine has neither)."""

    def audio_track(self):  # type: ignore[no-untyped-def]
        import numpy as np

        from dvz_desktop.services.media import FRAME_SAMPLES, SwitchableAudioTrack

        tone = (np.sin(np.arange(FRAME_SAMPLES) * 2 * np.pi * 440 / 48_000) * 8000).astype(np.int16)
        return SwitchableAudioTrack(lambda: tone)

    def video_track(self):  # type: ignore[no-untyped-def]
        from dvz_desktop.services.media import SwitchableVideoTrack, synthetic_video

        return SwitchableVideoTrack(synthetic_video())


async def until(condition, what: str, timeout_s: float = 60.0) -> None:  # type: ignore[no-untyped-def]
    deadline = asyncio.get_running_loop().time() + timeout_s
    while not condition():
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await asyncio.sleep(0.05)


async def test_quitting_during_a_call_ends_the_process_and_the_call(
        demo_backend: DemoBackend, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import aioice.ice

    monkeypatch.setattr(aioice.ice, "get_host_addresses", lambda use_ipv4, use_ipv6: ["127.0.0.1"])
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "DVZ_CONFIG_DIR": str(tmp_path / "config")}
    anna = subprocess.Popen(ANNA + ["--server", demo_backend.url], env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True)
    thomas_session = Session(demo_backend.url, Credentials("t.wagner", "demo"))
    await thomas_session.start()
    thomas = CallClient(thomas_session, FakeDevices())
    seen = {p.person_id: p for p in thomas_session.welcome.presence} if thomas_session.welcome else {}
    thomas_session.presence_changed.connect(lambda updates: seen.update({p.person_id: p for p in updates}))
    try:
        def anna_online() -> bool:
            return "a.schneider" in seen and seen["a.schneider"].status is not Status.OFFLINE

        await until(lambda: anna.poll() is None and anna_online(), "Anna's program to log in", 90)
        await thomas_session.move(ANNAS_OFFICE)  # Thomas walks into Anna's office: her program joins the call
        await thomas.join_room(ANNAS_OFFICE)
        await until(lambda: thomas.frames.get(("a.schneider", "audio"), 0) > 10, "Anna's voice at Thomas", 90)

        started = time.monotonic()
        anna.send_signal(signal.SIGTERM)  # what "Beenden" in the tray and a logout do: the program's quit
        try:
            anna.wait(timeout=60)
        except subprocess.TimeoutExpired:
            anna.kill()
            anna.wait()
            pytest.fail("DVZ Desktop did not end within 60 s after quitting during a call")
        took = time.monotonic() - started
        assert took < QUIT_WITHIN_S, f"quitting took {took:.1f} s"
        assert anna.returncode == 0
        await until(lambda: thomas.call is None or all(m.person_id != "a.schneider" for m in thomas.call.members),
                    "Anna to have left the call at Thomas", 30)
    finally:
        if anna.poll() is None:
            anna.kill()
        _, stderr = anna.communicate(timeout=30)
        await thomas.leave()
        await thomas_session.stop()
    assert "Traceback" not in stderr, stderr[-3000:]
