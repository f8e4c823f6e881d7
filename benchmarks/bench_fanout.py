"""Presence fan-out: latency to the last subscribed client and delivered messages per second, for the
real backend and, in the same run, for a bare ``websockets.broadcast`` of a payload of the same size.

    .venv/bin/python benchmarks/bench_fanout.py [--sizes 100,1000] [--events 200] [--burst 300]

Three processes: the backend (ours or the bare one), and one process holding all client sockets plus
the drivers. Latency is measured from the driver sending its ``set_status`` to the last receiver
reading the resulting presence update, using CLOCK_MONOTONIC, which Linux shares between processes;
it therefore includes the driver's request path and is an upper bound for "backend sends to last
client receives".
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT))

from machine import describe, percentile, raise_open_files_limit  # noqa: E402

DRIVERS = 20
#: A run's own marker, so updates left over from an earlier run against the same backend do not count.
RUN = os.urandom(4).hex()
MARK = re.compile(rf"bench{RUN}-(\d+)-(\d+)")


# --- the process that holds the client sockets ---------------------------------------------------


async def run_clients(url: str, tokens: list[str], driver_tokens: list[str], mode: str, events: int,
                      burst: int, payload_size: int) -> dict[str, float]:
    from websockets.asyncio.client import connect

    n = len(tokens)
    counts: dict[int, int] = {}
    last: dict[int, int] = {}
    done: dict[int, asyncio.Event] = {}

    async def open_socket(token: str) -> object:
        ws = await connect(url, max_size=None, compression=None, open_timeout=60, ping_interval=None)
        if mode == "dvz":
            await ws.send(json.dumps({"type": "hello", "id": "h", "protocol_version": 1,
                                      "auth": {"method": "token", "token": token}}))
            first = await ws.recv()
            assert '"welcome"' in first[:40], first[:200]
        else:
            await ws.send("receiver" if token != "driver" else "driver")
        return ws

    async def receive(ws: object) -> None:
        async for raw in ws:  # type: ignore[attr-defined]
            found = MARK.search(raw)
            if not found:
                continue
            stamp = time.monotonic_ns()
            seq = int(found.group(1))
            counts[seq] = counts.get(seq, 0) + 1
            last[seq] = stamp
            if counts[seq] >= n:
                done.setdefault(seq, asyncio.Event()).set()

    receivers = []
    for start in range(0, n, 100):  # open in batches: a thousand simultaneous handshakes gain nothing
        receivers += await asyncio.gather(*(open_socket(t) for t in tokens[start:start + 100]))
    drivers = [await open_socket(t if mode == "dvz" else "driver") for t in driver_tokens]
    readers = [asyncio.create_task(receive(ws)) for ws in receivers]
    for ws in drivers:  # drivers must read too, or their buffers fill up
        readers.append(asyncio.create_task(drain(ws)))
    await asyncio.sleep(1.0)  # let the arrival of the last clients' presence settle

    def frame(seq: int) -> str:
        note = f"bench{RUN}-{seq}-{time.monotonic_ns()}"
        if mode == "dvz":
            return json.dumps({"type": "set_status", "id": f"s{seq}", "status": "beschaeftigt", "note": note})
        return (note + " ").ljust(payload_size, "x")

    sent: dict[int, int] = {}
    latencies = []
    for seq in range(events):
        done[seq] = asyncio.Event()
        text = frame(seq)
        sent[seq] = int(MARK.search(text).group(2))  # type: ignore[union-attr]
        await drivers[seq % len(drivers)].send(text)
        try:
            await asyncio.wait_for(done[seq].wait(), 30)
        except TimeoutError:
            raise SystemExit(f"event {seq}: only {counts.get(seq, 0)} of {n} clients received it") from None
        latencies.append((last[seq] - sent[seq]) / 1e6)
        await asyncio.sleep(0.002)

    # Throughput: a burst of updates as fast as the drivers may send them (rate limits allow 40 each).
    first = events
    for seq in range(first, first + burst):
        done[seq] = asyncio.Event()
    t0 = time.monotonic_ns()
    for seq in range(first, first + burst):
        await drivers[seq % len(drivers)].send(frame(seq))
    await asyncio.wait_for(asyncio.gather(*(done[s].wait() for s in range(first, first + burst))), 300)
    elapsed = (max(last[s] for s in range(first, first + burst)) - t0) / 1e9
    for ws in [*receivers, *drivers]:
        ws.transport.abort()  # type: ignore[attr-defined]  # no closing handshakes: the process ends here
    for task in readers:
        task.cancel()
    return {"clients": n, "p50_ms": percentile(latencies, 0.5), "p99_ms": percentile(latencies, 0.99),
            "max_ms": max(latencies), "msgs_per_s": n * burst / elapsed}


async def drain(ws: object) -> None:
    async for _ in ws:  # type: ignore[attr-defined]
        pass


# --- the bare websockets server ------------------------------------------------------------------


async def bare_server(port_file: Path) -> None:
    import websockets
    from websockets.asyncio.server import serve

    receivers: set[object] = set()

    async def handler(ws: object) -> None:
        role = await ws.recv()  # type: ignore[attr-defined]
        if role == "receiver":
            receivers.add(ws)
            try:
                await ws.wait_closed()  # type: ignore[attr-defined]
            finally:
                receivers.discard(ws)
            return
        async for message in ws:  # type: ignore[attr-defined]
            websockets.broadcast(receivers, message)  # type: ignore[arg-type]

    async with serve(handler, "127.0.0.1", 0, compression=None, max_size=64 * 1024) as server:
        port_file.write_text(str(next(iter(server.sockets)).getsockname()[1]))
        await asyncio.Future()


# --- orchestration -------------------------------------------------------------------------------


def start_ours(org: Path, data: Path) -> tuple[subprocess.Popen[str], str]:
    proc = subprocess.Popen(
        [sys.executable, "-c", "import sys; sys.path.insert(0, 'benchmarks'); from machine import raise_open_files_limit;"
         " raise_open_files_limit(); from server_stub.cli import main; sys.exit(main(sys.argv[1:]))",
         "--port", "0", "--data-dir", str(data), "--org", str(org), "--log-level", "WARNING"],
        cwd=ROOT, stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    for line in proc.stdout:
        found = re.search(r"(ws://\S+)", line)
        if found:
            return proc, found.group(1)
    raise RuntimeError("Backend did not start")


def start_bare(tmp: Path) -> tuple[subprocess.Popen[str], str]:
    port_file = tmp / "bare.port"
    proc = subprocess.Popen([sys.executable, __file__, "--role", "bare-server", "--port-file", str(port_file)],
                            cwd=ROOT, text=True)
    while not port_file.exists() or not port_file.read_text():
        time.sleep(0.05)
    return proc, f"ws://127.0.0.1:{port_file.read_text()}/"


def client_process(url: str, tokens_file: Path, n: int, mode: str, events: int, burst: int,
                   payload_size: int) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, __file__, "--role", "clients", "--url", url, "--tokens", str(tokens_file), "--n", str(n),
         "--mode", mode, "--events", str(events), "--burst", str(burst), "--payload-size", str(payload_size)],
        cwd=ROOT, capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def presence_payload_size() -> int:
    from dvz_desktop.protocol import Presence, PresenceChanged, Status

    sample = PresenceChanged(updates=(Presence(person_id="u0-1", status=Status.BUSY, room_id="o0-r0",
                                               note=f"bench{RUN}-1-{time.monotonic_ns()}"),))
    return len(sample.model_dump_json())


def measure(n: int, events: int, burst: int) -> tuple[dict[str, float], dict[str, float]]:
    from benchsetup import prepare

    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        org, tokens = prepare(tmp / "data", orgs=1, staff_per_org=n + DRIVERS)
        users = sorted(tokens)
        tokens_file = tmp / "tokens.json"
        tokens_file.write_text(json.dumps({"receivers": [tokens[u] for u in users[:n]],
                                           "drivers": [tokens[u] for u in users[n:]]}))
        proc, url = start_ours(org, tmp / "data")
        try:
            ours = client_process(url, tokens_file, n, "dvz", events, burst, 0)
        finally:
            proc.terminate()
            proc.wait()
        proc, url = start_bare(tmp)
        try:
            bare = client_process(url, tokens_file, n, "bare", events, burst, presence_payload_size())
        finally:
            proc.terminate()
            proc.wait()
    return ours, bare


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--role", default="main")
    parser.add_argument("--sizes", default="100,1000")
    parser.add_argument("--events", type=int, default=200)
    parser.add_argument("--burst", type=int, default=300)
    parser.add_argument("--url")
    parser.add_argument("--tokens", type=Path)
    parser.add_argument("--n", type=int)
    parser.add_argument("--mode")
    parser.add_argument("--payload-size", type=int, default=0)
    parser.add_argument("--port-file", type=Path)
    args = parser.parse_args()
    raise_open_files_limit()
    if args.role == "bare-server":
        asyncio.run(bare_server(args.port_file))
        return
    if args.role == "clients":
        data = json.loads(args.tokens.read_text())
        result = asyncio.run(run_clients(args.url, data["receivers"], data["drivers"], args.mode, args.events,
                                         args.burst, args.payload_size))
        print(json.dumps(result))
        return
    print(f"# Presence fan-out\n\nMachine: {describe()}\n")
    print("| clients | ours p50 ms | ours p99 ms | ours max ms | bare p99 ms | ours msgs/s | bare msgs/s | ratio |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    for n in (int(s) for s in args.sizes.split(",")):
        ours, bare = measure(n, args.events, args.burst)
        print(f"| {n} | {ours['p50_ms']:.1f} | {ours['p99_ms']:.1f} | {ours['max_ms']:.1f} | {bare['p99_ms']:.1f} "
              f"| {ours['msgs_per_s']:,.0f} | {bare['msgs_per_s']:,.0f} | {ours['msgs_per_s'] / bare['msgs_per_s']:.2f} |",
              flush=True)


if __name__ == "__main__":
    main()
