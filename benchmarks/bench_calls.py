"""Calls: call accepted → first remote audio frame; audio path latency; CPU and memory of a 1:1 call
with 640x480 VP8 at 30 frames/s.

    .venv/bin/python benchmarks/bench_calls.py [--setups 10] [--seconds 20]

The backend runs as its own process; both call clients (the real session and call layers, aiortc) run
in this process on loopback, so CPU and memory cover BOTH sides; per side is about half. Audio
latency: the sender's track emits a loud 20 ms pulse once a second and silence otherwise; the receiver
timestamps the first decoded frame with energy (same process, same monotonic clock).
"""

from __future__ import annotations

import argparse
import asyncio
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "src"))

from machine import describe  # noqa: E402


class PulseMedia:
    def __init__(self, video: bool) -> None:
        self.sent_at: list[float] = []
        self._video = video

    def audio_track(self):  # type: ignore[no-untyped-def]
        import numpy as np

        from dvz_desktop.services.media import FRAME_SAMPLES, SwitchableAudioTrack

        silence = np.zeros(FRAME_SAMPLES, np.int16)
        pulse = (np.sin(np.arange(FRAME_SAMPLES) * 2 * np.pi * 1000 / 48_000) * 20000).astype(np.int16)
        count = {"n": 0}

        def source():  # type: ignore[no-untyped-def]
            count["n"] += 1
            if count["n"] % 50 == 0:
                self.sent_at.append(time.perf_counter())
                return pulse
            return silence

        return SwitchableAudioTrack(source)

    def video_track(self):  # type: ignore[no-untyped-def]
        from dvz_desktop.services.media import SwitchableVideoTrack, synthetic_video

        return SwitchableVideoTrack(synthetic_video(640, 480, 30) if self._video else None)


async def run(url: str, setups: int, seconds: float) -> dict[str, float]:
    import numpy as np

    from dvz_desktop.services.calls import CallClient
    from dvz_desktop.services.session import Credentials, Session

    anna_s = Session(url, Credentials("u0-0", "bench"))
    bernd_s = Session(url, Credentials("u0-1", "bench"))
    await anna_s.start()
    await bernd_s.start()
    setup_ms = []
    for _ in range(setups):
        anna = CallClient(anna_s, PulseMedia(video=False))
        bernd = CallClient(bernd_s, PulseMedia(video=False))
        first: dict[str, float] = {}
        anna.frame_received.connect(
            lambda item, first=first: first.setdefault("a", time.perf_counter()) if item[1] == "audio" else None)
        call_id = await anna.call_person("u0-1")
        while bernd.call is None:
            await asyncio.sleep(0.001)
        start = time.perf_counter()
        await bernd.answer(call_id, True)
        while "a" not in first:
            await asyncio.sleep(0.001)
        setup_ms.append((first["a"] - start) * 1000)
        await anna.leave()
        await bernd.leave()
        await asyncio.sleep(0.3)
        anna.detach()
        bernd.detach()
    # The long call: audio pulses for latency, 640x480 VP8 both ways for CPU and memory.
    media_a, media_b = PulseMedia(video=True), PulseMedia(video=True)
    anna, bernd = CallClient(anna_s, media_a), CallClient(bernd_s, media_b)
    heard: list[float] = []

    def on_frame(item) -> None:  # type: ignore[no-untyped-def]
        person, kind, frame = item
        if kind == "audio":
            samples = frame.to_ndarray()
            if np.abs(samples).max() > 10000 and (not heard or time.perf_counter() - heard[-1] > 0.5):
                heard.append(time.perf_counter())

    bernd.frame_received.connect(on_frame)
    call_id = await anna.call_person("u0-1")
    while bernd.call is None:
        await asyncio.sleep(0.001)
    await bernd.answer(call_id, True)
    while bernd.frames.get(("u0-0", "video"), 0) < 10:
        await asyncio.sleep(0.05)
    cpu0, wall0 = time.process_time(), time.perf_counter()
    frames0 = bernd.frames.get(("u0-0", "video"), 0)
    media_a.sent_at.clear()
    heard.clear()
    await asyncio.sleep(seconds)
    cpu = (time.process_time() - cpu0) / (time.perf_counter() - wall0)
    fps = (bernd.frames.get(("u0-0", "video"), 0) - frames0) / seconds
    latencies = []
    for sent in media_a.sent_at:
        after = [h for h in heard if h > sent]
        if after and after[0] - sent < 0.5:
            latencies.append((after[0] - sent) * 1000)
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    await anna.leave()
    await bernd.leave()
    await anna_s.stop()
    await bernd_s.stop()
    return {"setup_median": statistics.median(setup_ms), "setup_max": max(setup_ms),
            "audio_median": statistics.median(latencies) if latencies else float("nan"), "pulses": len(latencies),
            "cpu_both": cpu * 100, "fps": fps, "rss_mb": rss_mb}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--setups", type=int, default=10)
    parser.add_argument("--seconds", type=float, default=20)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    import aioice.ice
    from benchsetup import prepare

    aioice.ice.get_host_addresses = lambda use_ipv4, use_ipv6: ["127.0.0.1"]  # loopback only
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        org, _tokens = prepare(tmp / "data", orgs=1, staff_per_org=2)
        backend = subprocess.Popen([sys.executable, "-m", "server_stub", "--port", "0", "--data-dir", str(tmp / "data"),
                                    "--org", str(org), "--log-level", "WARNING"], cwd=ROOT, stdout=subprocess.PIPE,
                                   text=True)
        assert backend.stdout is not None
        url = next(m.group(1) for line in backend.stdout if (m := re.search(r"(ws://\S+)", line)))
        try:
            result = asyncio.run(run(url, args.setups, args.seconds))
        finally:
            backend.terminate()
            backend.wait()
    print(f"# Calls\n\nMachine: {describe()}; both peers in one process on loopback\n")
    print("| figure | value | target |")
    print("|---|---:|---|")
    print(f"| call accepted → first remote audio frame, median ms ({args.setups} calls) | {result['setup_median']:.0f} "
          f"(max {result['setup_max']:.0f}) | ≤ 300 |")
    print(f"| audio path, sending track → decoded at the receiver, median ms ({result['pulses']} pulses) "
          f"| {result['audio_median']:.0f} | ≤ 60 |")
    print(f"| CPU, 1:1 call, 640x480 VP8 both ways, both sides together, % of one core | {result['cpu_both']:.0f} "
          f"(≈ {result['cpu_both'] / 2:.0f} per side) | ≤ 60 per side |")
    print(f"| received video frames/s | {result['fps']:.1f} | 30 |")
    print(f"| peak memory of the process holding both sides, MB | {result['rss_mb']:.0f} | ≤ 250 per client |")


if __name__ == "__main__":
    main()
