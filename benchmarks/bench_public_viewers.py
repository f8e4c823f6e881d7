"""The public watching a public council session: what N viewers cost the members, the backend and Janus.

A real Janus (VideoRoom, in a network namespace as the tests run it; needs root and Debian's ``janus``),
the real backend with the Musterkreis committee (tests/fixtures/org_council.yaml), two members in the
hall's meeting sending 320x240 at 5 frames/s and a tone through aiortc (the real call client), and N
public viewers on ``/oeffentlich-live`` as aiortc peer connections that receive every stream (frames
decoded and counted), all in this process.

    .venv/bin/python benchmarks/bench_public_viewers.py [--viewers 0,10,25] [--seconds 8]

Figures per N: frames that reached the members' sockets while the viewers came and watched (the
members' cost in signalling), the members' own sending (bytes/s of their publications: Janus forwards,
they send once), Janus's CPU and memory, watch -> first picture at a viewer (median, p95), and what
each viewer received (video and audio frames per second).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from bench_meeting import cpu_seconds, rss_mib  # noqa: E402  (same folder)


class AioViewer:
    """A citizen's browser, as aiortc: watches, answers every offer, counts what arrives."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.pc: Any = None
        self.video = 0
        self.audio = 0
        self.started = 0.0
        self.first_picture: float | None = None
        self._tasks: set[asyncio.Task[None]] = set()
        self.ws: Any = None

    async def start(self) -> None:
        import websockets

        self.started = time.monotonic()
        self.ws = await websockets.connect(f"ws://127.0.0.1:{self.port}/oeffentlich-live",
                                           origin=f"http://127.0.0.1:{self.port}")  # type: ignore[arg-type]
        await self.ws.send(json.dumps({"type": "public_watch", "body_id": "uva"}))
        self._spawn(self._read())

    def _spawn(self, coro: Any) -> None:
        task = asyncio.ensure_future(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _read(self) -> None:
        async for raw in self.ws:
            msg = json.loads(raw)
            if msg["type"] == "public_offer":
                await self._answer(msg)

    async def _answer(self, offer: dict[str, Any]) -> None:
        from aiortc import RTCConfiguration, RTCPeerConnection, RTCSessionDescription

        if self.pc is not None:
            await self.pc.close()
        pc = self.pc = RTCPeerConnection(RTCConfiguration(iceServers=[]))  # never aiortc's default STUN

        @pc.on("track")
        def on_track(track: Any) -> None:
            self._spawn(self._consume(track))

        await pc.setRemoteDescription(RTCSessionDescription(sdp=offer["sdp"], type="offer"))
        await pc.setLocalDescription(await pc.createAnswer())
        await self.ws.send(json.dumps({"type": "public_answer", "generation": offer["generation"],
                                       "sdp": pc.localDescription.sdp}))

    async def _consume(self, track: Any) -> None:
        from aiortc.mediastreams import MediaStreamError

        try:
            while True:
                await track.recv()
                if track.kind == "video":
                    self.video += 1
                    if self.first_picture is None:
                        self.first_picture = time.monotonic() - self.started
                else:
                    self.audio += 1
        except MediaStreamError:
            pass

    async def close(self) -> None:
        if self.pc is not None:
            await self.pc.close()
        await self.ws.close()
        for task in list(self._tasks):
            task.cancel()


async def bytes_sent(pc: Any) -> int:
    return sum(getattr(r, "bytesSent", 0) for r in (await pc.getStats()).values() if r.type == "outbound-rtp")


async def run(levels: list[int], seconds: float) -> None:
    import aioice.ice

    from dvz_desktop.services.calls import CallClient
    from dvz_desktop.services.council import CouncilClient
    from server_stub.app import Backend, BackendConfig
    from server_stub.directory.orgfile import load_org_file
    from server_stub.features.council import public_socket
    from server_stub.sfu.config import SfuConfig
    from tests.integration.council_people import FIXTURE, PASSWORD, SAAL
    from tests.integration.helpers import login
    from tests.integration.meeting_helpers import SyntheticDevices, colour_of, tone_of, wait_for
    from tests.services.janus import start_janus

    public_socket.MAX_SOCKETS_PER_ADDRESS = 10_000  # every viewer comes from 127.0.0.1 here
    folder = Path(tempfile.mkdtemp(prefix="dvz-bench-public-"))
    with start_janus(folder) as janus:
        aioice.ice.get_host_addresses = lambda use_ipv4, use_ipv6: [janus.host.host_address]  # type: ignore[assignment]
        backend = Backend(load_org_file(FIXTURE), BackendConfig(
            data_dir=folder / "data", public_viewers_max=max(levels) + 1,
            sfu=SfuConfig(janus.url, api_secret=janus.api_secret, admin_key=janus.admin_key)))
        port = await backend.start("127.0.0.1", 0)
        server = backend.meetings.media.server
        assert server is not None
        await wait_for(lambda: server.up, timeout=20, what="the media server")
        url = f"ws://127.0.0.1:{port}/ws"
        members: list[tuple[Any, CallClient, list[str]]] = []
        for index, name in enumerate(("landrat", "rat01")):
            session = await login(url, name, PASSWORD)
            frames: list[str] = []
            session.message_received.connect(lambda msg, frames=frames: frames.append(msg.type))
            council = CouncilClient(session)
            await council.synced()
            await session.move(SAAL)
            calls = CallClient(session, SyntheticDevices(tone_of(index), colour_of(index), 5.0))
            members.append((session, calls, frames))
            if name == "landrat":
                await council.start(SAAL, "12. Sitzung", body_id="uva", public=True)
        for _, calls, _ in members:
            await calls.join_room(SAAL)
            await calls.set_media(audio=True, video=True)
        await wait_for(lambda: all(c.call is not None and c.call.mode == "sfu" for _, c, _ in members), timeout=30,
                       what="the meeting on the media server")
        await wait_for(lambda: all(m.publishing for m in backend.calls.call_in_room(SAAL).members.values()),  # type: ignore[union-attr]
                       timeout=30, what="both publishing")
        await asyncio.sleep(2)
        janus_pid = janus.process.pid  # type: ignore[union-attr]
        print(f"machine: {sys.platform}, Python {sys.version.split()[0]}; {seconds:.0f} s per level")
        print("| viewers | frames to the members' sockets | members sending (kB/s each) | Janus CPU | Janus memory "
              "| watch → first picture, median (p95) | per viewer: video / audio frames per s |")
        print("|---:|---:|---:|---:|---:|---:|---:|")
        for n in levels:
            before = [len(frames) for _, _, frames in members]
            viewers = [AioViewer(port) for _ in range(n)]
            for viewer in viewers:
                await viewer.start()
            if viewers:
                await wait_for(lambda viewers=viewers: all(v.first_picture is not None for v in viewers), timeout=90,
                               what="a picture at every viewer")
            pubs = [calls.sfu.pub for _, calls, _ in members]  # type: ignore[union-attr]
            sent0 = [await bytes_sent(pc) for pc in pubs]
            got0 = [(v.video, v.audio) for v in viewers]
            cpu0, t0 = cpu_seconds(janus_pid), time.monotonic()
            await asyncio.sleep(seconds)
            elapsed = time.monotonic() - t0
            cpu = 100 * (cpu_seconds(janus_pid) - cpu0) / elapsed
            sent = [(await bytes_sent(pc) - s) / elapsed / 1000 for pc, s in zip(pubs, sent0, strict=True)]
            rates = [((v.video - g[0]) / elapsed, (v.audio - g[1]) / elapsed) for v, g in zip(viewers, got0,
                                                                                               strict=True)]
            extra = sum(len(frames) for _, _, frames in members) - sum(before)
            firsts = sorted(v.first_picture or 0 for v in viewers)
            first = (f"{1000 * statistics.median(firsts):.0f} ms ({1000 * firsts[int(0.95 * (len(firsts) - 1))]:.0f})"
                     if firsts else "–")
            per = (f"{statistics.mean(r[0] for r in rates):.1f} / {statistics.mean(r[1] for r in rates):.1f}"
                   if rates else "–")
            print(f"| {n} | {extra} | {' / '.join(f'{s:.1f}' for s in sent)} | {cpu:.1f} % | "
                  f"{rss_mib(janus_pid):.1f} MiB | {first} | {per} |", flush=True)
            for viewer in viewers:
                await viewer.close()
            await backend.public_viewers.idle()
            await asyncio.sleep(1)
        for session, calls, _ in members:
            await calls.leave()
            await session.stop()
        await backend.stop()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--viewers", default="0,10,25")
    parser.add_argument("--seconds", type=float, default=8.0)
    args = parser.parse_args()
    levels = [int(v) for v in args.viewers.split(",")]
    asyncio.run(run(levels, args.seconds))
    return 0


if __name__ == "__main__":
    sys.exit(main())
