"""Meetings through the media server: a real Janus (VideoRoom, in a network namespace as the tests run
it; needs root and Debian's ``janus``), the real backend in this process driving it, and participants
as real call clients (session, SfuLink, aiortc) spread over worker processes.

    .venv/bin/python benchmarks/bench_meeting.py [--video 12] [--audio 30] [--seconds 20]

Part 1, video: ``--video`` people in a room marked large, each sending 320x240 at 15 frames/s and a
tone; they join one after another. Figures: join -> first remote audio (median), audio delivered (frames
received / 50 per second per sender, over the window), Janus's CPU and memory per participant, and the
CPU of one receiving desktop client: the real call view (``CallPanel``, offscreen Qt, tiles painted)
showing a gallery of nine, i.e. receiving eight videos and everyone's audio. The other participants
receive audio only (a 2-core machine cannot decode 8 videos in 12 clients at once).

Part 2, audio only: ``--audio`` people in one meeting; one speaks a pulse (20 ms of 1 kHz, once a
second). Three full receivers (each in its own process) receive everyone; the others publish only
(their receiving is switched off in their processes), so Janus carries the whole room while the machine
is not drowned in decoding. Figures: audio delivered to the full receivers, mouth-to-ear of the pulse
(track handed to the encoder -> decoded frame with energy at the receiver; no sound card), median and
95th percentile; then a 1:1 call peer to peer (mesh) measured the same way in the same run.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import multiprocessing as mp
import os
import queue
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

CLK_TCK = os.sysconf("SC_CLK_TCK")
PAGE = os.sysconf("SC_PAGE_SIZE")


# --- what runs in a worker process ---------------------------------------------------------------


@dataclass
class Spec:
    name: str
    index: int
    video: bool = False
    #: "audio": receive everyone's audio; "none": publish only; "gallery": the call view with nine tiles.
    receive: str = "audio"
    pulse: bool = False


@dataclass
class Seen:
    joined_at: float = 0.0
    first_audio_at: float | None = None
    audio: dict[str, int] = field(default_factory=dict)
    video: dict[str, int] = field(default_factory=dict)
    #: When a pulse arrived, per sender.
    pulses: dict[str, list[float]] = field(default_factory=dict)
    loud: dict[str, bool] = field(default_factory=dict)


def worker(url: str, host_address: str, specs: list[Spec], commands: Any, results: Any) -> None:
    if any(s.receive == "gallery" for s in specs):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        import qasync
        from PySide6.QtWidgets import QApplication

        app = QApplication([])
        loop = qasync.QEventLoop(app)
        asyncio.set_event_loop(loop)
        with loop:
            loop.run_until_complete(_work(url, host_address, specs, commands, results))
    else:
        asyncio.run(_work(url, host_address, specs, commands, results))


async def _work(url: str, host_address: str, specs: list[Spec], commands: Any, results: Any) -> None:
    import aioice.ice
    import numpy as np

    from dvz_desktop.services import meeting
    from dvz_desktop.services.calls import CallClient
    from dvz_desktop.services.session import Credentials, Session
    from tests.integration.meeting_helpers import PASSWORD, colour_of
    from tests.services.janus_participant import ColourTrack, ToneTrack

    aioice.ice.get_host_addresses = lambda use_ipv4, use_ipv6: [host_address]  # type: ignore[assignment]
    if all(s.receive == "none" for s in specs):
        async def publish_only(self: Any, person: str) -> None:
            return None

        meeting.SfuLink._receive = publish_only  # type: ignore[method-assign]

    class Devices:
        def __init__(self, spec: Spec) -> None:
            self.spec = spec
            self.sent: list[float] = []
            self.notes: list[str] = []

        def audio_track(self) -> Any:
            if not self.spec.pulse:
                return ToneTrack(300.0 + 40.0 * self.spec.index)
            sent = self.sent

            class Pulse(ToneTrack):
                async def recv(self) -> Any:
                    frame = await super().recv()
                    loud = (self._sent // 960) % 50 == 0
                    samples = frame.to_ndarray()
                    if not loud:
                        samples[:] = 0
                    else:
                        sent.append(time.monotonic())
                    out = type(frame).from_ndarray(samples, format="s16", layout="mono")
                    out.sample_rate, out.pts, out.time_base = frame.sample_rate, frame.pts, frame.time_base
                    return out

            return Pulse(1000.0)

        def video_track(self) -> Any:
            return ColourTrack(colour_of(self.spec.index), 15.0) if self.spec.video else None

    people: dict[str, tuple[Session, CallClient, Seen, Devices]] = {}
    panels: list[Any] = []
    for spec in specs:
        session = Session(url, Credentials(username=spec.name, password=PASSWORD))
        await session.start()
        devices = Devices(spec)
        client = CallClient(session, devices)
        seen = Seen()

        def observe(item: tuple[str, str, Any], seen: Seen = seen) -> None:
            person, kind, frame = item
            if kind != "audio":
                seen.video[person] = seen.video.get(person, 0) + 1
                return
            now = time.monotonic()
            if seen.first_audio_at is None:
                seen.first_audio_at = now
            seen.audio[person] = seen.audio.get(person, 0) + 1
            loud = float(np.abs(frame.to_ndarray()).mean()) > 1000
            if loud and not seen.loud.get(person, False):
                seen.pulses.setdefault(person, []).append(now)
            seen.loud[person] = loud

        client.frame_received.connect(observe)
        if spec.receive == "gallery":
            from dvz_desktop.qt.calls.panel import CallPanel

            def run(coro: Any) -> Any:
                return asyncio.ensure_future(coro)

            panel = CallPanel(client, devices, lambda person: person, run)
            panel.resize(1366, 700)
            panel.show()
            panels.append(panel)
        elif spec.receive != "gallery":
            client.show_videos(set(), False)
        people[spec.name] = (session, client, seen, devices)
    results.put(("ready", os.getpid()))
    loop = asyncio.get_running_loop()
    while True:
        command = await loop.run_in_executor(None, commands.get)
        kind, argument = command
        if kind == "join":
            session, client, seen, _ = people[argument[0]]
            await session.move(argument[1])
            seen.joined_at = time.monotonic()
            await client.join_room(argument[1])
            await client.set_media(audio=True, video=people[argument[0]][3].spec.video)
            results.put(("joined", argument[0]))
        elif kind == "first_audio":
            _, _, seen, _ = people[argument]
            deadline = time.monotonic() + 60
            while seen.first_audio_at is None and time.monotonic() < deadline:
                await asyncio.sleep(0.05)  # polling a counter the frames raise
            results.put(("first_audio", argument, None if seen.first_audio_at is None
                         else seen.first_audio_at - seen.joined_at))
        elif kind == "counts":
            results.put(("counts", {name: {**p[2].audio, **{f"video:{k}": v for k, v in p[2].video.items()}}
                                    for name, p in people.items()},
                         {name: dict(p[2].pulses) for name, p in people.items()},
                         {name: list(p[3].sent) for name, p in people.items()}))
        elif kind == "stop":
            for session, client, _, _ in people.values():
                with contextlib.suppress(Exception):
                    await client.leave()
                    await session.stop()
            results.put(("stopped", os.getpid()))
            return


# --- the conductor -------------------------------------------------------------------------------


class Workers:
    def __init__(self, url: str, host_address: str, groups: list[list[Spec]]) -> None:
        context = mp.get_context("spawn")
        self.results = context.Queue()
        self.commands: dict[str, Any] = {}
        self.processes = []
        self.pid_of: dict[str, int] = {}
        for group in groups:
            commands = context.Queue()
            process = context.Process(target=worker, args=(url, host_address, group, commands, self.results))
            process.start()
            self.processes.append(process)
            for spec in group:
                self.commands[spec.name] = commands
                self.pid_of[spec.name] = process.pid or 0
        self._queues = [self.commands[g[0].name] for g in groups]

    async def expect(self, kind: str, count: int = 1, timeout: float = 180) -> list[tuple[Any, ...]]:
        got: list[tuple[Any, ...]] = []
        deadline = time.monotonic() + timeout
        while len(got) < count:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError(f"waiting for {kind}")
            try:
                item = await asyncio.get_running_loop().run_in_executor(None, self.results.get, True, min(left, 1.0))
            except queue.Empty:
                continue
            if item[0] == kind:
                got.append(item)
        return got

    async def counts(self) -> tuple[dict[str, dict[str, int]], dict[str, dict[str, list[float]]],
                                    dict[str, list[float]]]:
        for q in self._queues:
            q.put(("counts", None))
        audio: dict[str, dict[str, int]] = {}
        heard: dict[str, dict[str, list[float]]] = {}
        sent: dict[str, list[float]] = {}
        for item in await self.expect("counts", len(self._queues)):
            audio.update(item[1])
            heard.update(item[2])
            sent.update(item[3])
        return audio, heard, sent

    def cpu(self) -> float:
        return sum(cpu_seconds(p.pid) for p in self.processes if p.pid is not None and p.is_alive())

    async def stop(self) -> None:
        for q in self._queues:
            q.put(("stop", None))
        with contextlib.suppress(TimeoutError):
            await self.expect("stopped", len(self._queues), timeout=60)
        for process in self.processes:
            process.join(10)
            if process.is_alive():
                process.kill()


def cpu_seconds(pid: int) -> float:
    with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLK_TCK


def rss_mib(pid: int) -> float:
    with open(f"/proc/{pid}/statm", encoding="ascii") as statm:
        return int(statm.read().split()[1]) * PAGE / 2**20


def delivered(audio: dict[str, dict[str, int]], before: dict[str, dict[str, int]], receivers: list[str],
              senders: list[str], seconds: float) -> float:
    got = sum(min(audio[r].get(s, 0) - before[r].get(s, 0), 50 * seconds) for r in receivers for s in senders if s != r)
    expected = sum(1 for r in receivers for s in senders if s != r) * 50 * seconds
    return 100.0 * got / expected if expected else 0.0


def latencies(sent: list[float], heard: list[float], since: float) -> list[float]:
    found = []
    for at in heard:
        if at < since:
            continue
        earlier = [s for s in sent if s <= at]
        if earlier and at - earlier[-1] < 0.9:
            found.append((at - earlier[-1]) * 1000)
    return found


async def video_part(url: str, janus: Any, backend_pid: int, people: int, seconds: float, room: str) -> dict[str, Any]:
    specs = [Spec(f"t{i:02d}", i, video=True) for i in range(1, people)]
    viewer = Spec(f"t{people:02d}", people, video=True, receive="gallery")
    groups = [specs[i::4] for i in range(4)] + [[viewer]]
    groups = [g for g in groups if g]
    janus_pid = janus.process.pid
    idle_rss = rss_mib(janus_pid)
    workers = Workers(url, janus.host.host_address, groups)
    await workers.expect("ready", len(groups))
    join_to_audio: list[float] = []
    for spec in [*specs, viewer]:
        workers.commands[spec.name].put(("join", (spec.name, room)))
        await workers.expect("joined")
        if spec.index > 1:
            workers.commands[spec.name].put(("first_audio", spec.name))
            (_, _, took), = await workers.expect("first_audio", timeout=90)
            if took is not None:
                join_to_audio.append(took * 1000)
    await asyncio.sleep(5)  # everyone's subscriptions settle before the window (a pause, not a condition)
    cpu0 = {"janus": cpu_seconds(janus_pid), "viewer": cpu_seconds(workers.pid_of[viewer.name]),
            "backend": cpu_seconds(backend_pid), "clients": workers.cpu()}
    began = time.monotonic()
    before, _, _ = await workers.counts()
    await asyncio.sleep(seconds)  # the measuring window
    after, _, _ = await workers.counts()
    elapsed = time.monotonic() - began
    cpu1 = {"janus": cpu_seconds(janus_pid), "viewer": cpu_seconds(workers.pid_of[viewer.name]),
            "backend": cpu_seconds(backend_pid), "clients": workers.cpu()}
    janus_rss = rss_mib(janus_pid)
    names = [s.name for s in [*specs, viewer]]
    result = {
        "people": people, "join_to_audio_ms": join_to_audio,
        "delivered": delivered(after, before, names, names, elapsed),
        "janus_cpu": 100 * (cpu1["janus"] - cpu0["janus"]) / elapsed,
        "viewer_cpu": 100 * (cpu1["viewer"] - cpu0["viewer"]) / elapsed,
        "backend_cpu": 100 * (cpu1["backend"] - cpu0["backend"]) / elapsed,
        "client_cpu": 100 * (cpu1["clients"] - cpu0["clients"] - cpu1["viewer"] + cpu0["viewer"]) / elapsed,
        "janus_rss": janus_rss, "janus_idle_rss": idle_rss,
        "viewer_videos": sum(1 for s in specs if after[viewer.name].get(f"video:{s.name}", 0)
                             > before[viewer.name].get(f"video:{s.name}", 0)),
        "viewer_fps": sum(after[viewer.name].get(f"video:{s.name}", 0) - before[viewer.name].get(f"video:{s.name}", 0)
                          for s in specs) / elapsed,
    }
    await workers.stop()
    return result


async def audio_part(url: str, janus: Any, people: int, seconds: float, room: str, mesh_room: str) -> dict[str, Any]:
    speaker = Spec("t01", 1, receive="none", pulse=True)
    full = [Spec(f"t{i:02d}", i) for i in (2, 3, 4)]
    quiet = [Spec(f"t{i:02d}", i, receive="none") for i in range(5, people + 1)]
    groups = [[speaker, *quiet[0::3]], *([q] for q in full), quiet[1::3], quiet[2::3]]
    groups = [g for g in groups if g]
    workers = Workers(url, janus.host.host_address, groups)
    await workers.expect("ready", len(groups))
    for spec in [*full, speaker, *quiet]:
        workers.commands[spec.name].put(("join", (spec.name, room)))
        await workers.expect("joined")
    for spec in full:
        workers.commands[spec.name].put(("first_audio", spec.name))
        await workers.expect("first_audio", timeout=90)
    await asyncio.sleep(5)
    janus_pid = janus.process.pid
    receivers = [workers.pid_of[r.name] for r in full]
    cpu0 = (cpu_seconds(janus_pid), [cpu_seconds(pid) for pid in receivers], workers.cpu())
    began_at = time.monotonic()
    before, _, _ = await workers.counts()
    await asyncio.sleep(seconds)
    after, heard, sent = await workers.counts()
    elapsed = time.monotonic() - began_at
    cpu1 = (cpu_seconds(janus_pid), [cpu_seconds(pid) for pid in receivers], workers.cpu())
    names = [s.name for s in [speaker, *full, *quiet]]
    ms = [x for r in full for x in latencies(sent["t01"], heard[r.name].get("t01", []), began_at)]
    result = {"people": people, "delivered": delivered(after, before, [r.name for r in full], names, elapsed),
              "latency_ms": ms, "janus_cpu": 100 * (cpu1[0] - cpu0[0]) / elapsed,
              "receiver_cpu": [100 * (b - a) / elapsed for a, b in zip(cpu0[1], cpu1[1], strict=True)],
              "client_cpu": 100 * (cpu1[2] - cpu0[2]) / elapsed}
    await workers.stop()

    # The same pulse in a call of two, peer to peer, in the same run.
    pair = Workers(url, janus.host.host_address, [[Spec("t01", 1, receive="audio", pulse=True)], [Spec("t02", 2)]])
    await pair.expect("ready", 2)
    for name in ("t01", "t02"):
        pair.commands[name].put(("join", (name, mesh_room)))
        await pair.expect("joined")
    pair.commands["t02"].put(("first_audio", "t02"))
    await pair.expect("first_audio", timeout=60)
    await asyncio.sleep(3)
    began_at = time.monotonic()
    await asyncio.sleep(seconds)
    _, heard, sent = await pair.counts()
    result["mesh_latency_ms"] = latencies(sent["t01"], heard["t02"].get("t01", []), began_at)
    await pair.stop()
    return result


def report_video(video: dict[str, Any], seconds: float) -> None:
    n = video["people"]
    j = video["join_to_audio_ms"]
    print(f"\nvideo meeting: {n} people, 320x240 at 15 fps + audio each ({len(j)} joins measured)")
    print(f"  join -> first remote audio: median {statistics.median(j):.0f} ms, p95 {pct(j, 0.95):.0f} ms")
    print(f"  audio delivered (everyone from everyone, {seconds:.0f} s): {video['delivered']:.1f} %")
    print(f"  Janus: {video['janus_cpu']:.0f} % of a core = {video['janus_cpu'] / n:.1f} % per participant; "
          f"RSS {video['janus_rss']:.0f} MiB (idle {video['janus_idle_rss']:.0f}) = "
          f"{(video['janus_rss'] - video['janus_idle_rss']) / n:.1f} MiB per participant")
    print(f"  receiving desktop client (call view, gallery of nine): {video['viewer_cpu']:.0f} % of a core, "
          f"{video['viewer_videos']} videos at {video['viewer_fps']:.0f} frames/s together, {n - 1} audio")
    print(f"  the other {n - 1} clients (publish video, receive audio): {video['client_cpu']:.0f} % of a core = "
          f"{video['client_cpu'] / (n - 1):.0f} % each; backend {video['backend_cpu']:.0f} %")


def report_audio(audio: dict[str, Any]) -> None:
    sfu, mesh = audio["latency_ms"], audio["mesh_latency_ms"]
    print(f"\naudio meeting: {audio['people']} people (3 receive everyone, the rest publish only)")
    print(f"  audio delivered to the full receivers: {audio['delivered']:.1f} %")
    n = audio["people"]
    print(f"  Janus: {audio['janus_cpu']:.0f} % of a core = {audio['janus_cpu'] / n:.2f} % per participant; "
          f"each full receiver ({n - 1} streams): " + ", ".join(f"{c:.0f}" for c in audio["receiver_cpu"])
          + f" % of a core; all clients together {audio['client_cpu']:.0f} %")
    print(f"  mouth-to-ear (pulse, encoder in -> decoded out): media server median "
          f"{statistics.median(sfu):.0f} ms, p95 {pct(sfu, 0.95):.0f} ms ({len(sfu)} pulses); "
          f"1:1 mesh median {statistics.median(mesh):.0f} ms, p95 {pct(mesh, 0.95):.0f} ms ({len(mesh)} pulses); "
          f"ratio {statistics.median(sfu) / statistics.median(mesh):.2f}")


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else float("nan")


async def main_async(args: argparse.Namespace) -> None:
    from machine import describe

    from server_stub.app import Backend, BackendConfig
    from server_stub.directory.orgfile import load_org_file
    from server_stub.sfu.config import SfuConfig
    from tests.conftest import FIXTURES
    from tests.integration.meeting_helpers import LARGE_ROOM, ROOM, meeting_org
    from tests.services.janus import start_janus

    print(describe())
    load = os.getloadavg()
    print(f"load average at start: {load[0]:.1f} {load[1]:.1f} {load[2]:.1f} (other work on the machine)")
    folder = Path(tempfile.mkdtemp(prefix="bench-meeting-"))
    org = meeting_org(load_org_file(FIXTURES / "org_three.yaml"), people=max([*args.video, *args.audio]))
    (folder / "janus").mkdir()
    with start_janus(folder / "janus") as janus:
        import aioice.ice

        aioice.ice.get_host_addresses = lambda use_ipv4, use_ipv6: [janus.host.host_address]  # type: ignore[assignment]
        backend = Backend(org, BackendConfig(
            data_dir=folder / "data", rate_per_minute=6000, rate_burst=2000, meeting_rate_per_minute=60000,
            meeting_burst=5000, sfu=SfuConfig(janus.url, api_secret=janus.api_secret, admin_key=janus.admin_key)))
        port = await backend.start("127.0.0.1", 0)
        url = f"ws://127.0.0.1:{port}/ws"
        server = backend.meetings.media.server
        assert server is not None
        while not server.up:
            await asyncio.sleep(0.1)
        for people in args.video:
            video = await video_part(url, janus, os.getpid(), people, args.seconds, LARGE_ROOM)
            report_video(video, args.seconds)
        for people in args.audio:
            audio = await audio_part(url, janus, people, args.seconds, LARGE_ROOM, ROOM)
            report_audio(audio)
        await backend.stop()
    load = os.getloadavg()
    print(f"\nload average at the end: {load[0]:.1f} {load[1]:.1f} {load[2]:.1f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--video", type=lambda v: [int(x) for x in v.split(",") if x], default=[12],
                        help="people in the video meeting; several (4,8,12) for a series")
    parser.add_argument("--audio", type=lambda v: [int(x) for x in v.split(",") if x], default=[30],
                        help="people in the audio meeting; several for a series")
    parser.add_argument("--seconds", type=float, default=20.0)
    args = parser.parse_args()
    asyncio.run(main_async(args))
    return 0


if __name__ == "__main__":
    sys.exit(main())
