"""Presence fan-out: latency to the last subscribed client and delivered messages per second, for the
real backend and, in the same run, for a bare ``websockets.broadcast`` of a payload of the same size.

    .venv/bin/python benchmarks/bench_fanout.py [--sizes 100,1000] [--repeat 3] [--events 200] [--burst 300]

Processes: the backend (ours: ``server_stub.cli`` with the shipped settings; or the bare server), and
one process holding all N client sockets. Every socket belongs to a different person of one
organisation, so everybody sees everybody and every update goes to all N sockets. The first D sockets
are also drivers: they change their status (the note carries a CLOCK_MONOTONIC timestamp; Linux shares
that clock between processes). Several drivers instead of one keep every person under the shipped
rate limit (120 commands/min, burst 40) without a bench-only setting.

Latency runs from a driver sending ``set_status`` to the LAST of the N sockets reading the resulting
presence frame. It therefore includes the driver's request path (parse, authorise, update) and the
client process reading N sockets in Python, so it is an upper bound for "backend sends -> last client
receives". Throughput: a burst of updates from all drivers as fast as they may send, deliveries
(N x burst) per wall second, plus the server's CPU time per delivery (from /proc/PID/task/*/schedstat)
so that a client-bound run still shows how much work the server did.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import math
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT))

from machine import describe, percentile, raise_open_files_limit  # noqa: E402

MIN_DRIVERS = 20
#: Commands a driver may send in one run: below the shipped burst of 40, leaving room for the hello.
PER_DRIVER = 30
WARMUP_EVENTS = 10
#: A run's own marker, so that nothing left over from connecting is mistaken for a measured update.
RUN = os.urandom(4).hex()
MARK = re.compile(rf"bench{RUN}-(\d+)-(\d+)")


def server_cpu_ns(pid: int) -> int:
    """CPU time of all threads of a process in ns (schedstat: finer than the 10 ms ticks of /proc/PID/stat)."""
    total = 0
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            total += int((task / "schedstat").read_text().split()[0])
        except (OSError, ValueError):
            pass  # a thread that ended while we looked
    return total


# --- the process that holds the client sockets ---------------------------------------------------


async def run_clients(url: str, tokens: list[str], drivers: int, mode: str, events: int, burst: int,
                      payload_size: int, server_pids: list[int], redis_pid: int | None = None) -> dict[str, Any]:
    """``url``: one server, or several (comma-separated: the nodes of a cluster; socket i goes to node
    i mod N, so the drivers and the receivers are spread over the nodes)."""
    from websockets.asyncio.client import ClientConnection, connect

    n = len(tokens)
    counts: dict[int, int] = {}
    first_at: dict[int, int] = {}
    last: dict[int, int] = {}
    done: dict[int, asyncio.Event] = {}
    frame_bytes: list[int] = []
    last_any = [time.monotonic()]

    urls = url.split(",")
    position = {token: i for i, token in enumerate(tokens)}

    async def open_socket(token: str) -> ClientConnection:
        ws = await connect(urls[position[token] % len(urls)], max_size=None, compression=None, open_timeout=60,
                           ping_interval=None)
        if mode != "bare":  # the real login path of a reconnecting client: token hello -> welcome
            await ws.send(json.dumps({"type": "hello", "id": "h", "protocol_version": 1,
                                      "auth": {"method": "token", "token": token}}))
            first = await ws.recv()
            assert '"welcome"' in first[:40], first[:200]
        return ws

    async def receive(ws: ClientConnection) -> None:
        async for raw in ws:
            last_any[0] = time.monotonic()
            found = MARK.search(raw)  # type: ignore[arg-type]
            if not found:
                continue  # acks, and the presence of people arriving while the others connected
            stamp = time.monotonic_ns()
            seq = int(found.group(1))
            counts[seq] = counts.get(seq, 0) + 1
            if counts[seq] == 1:
                first_at[seq] = stamp
            last[seq] = stamp
            if not frame_bytes:
                frame_bytes.append(len(raw))
            if counts[seq] >= n and seq in done:
                done[seq].set()

    sockets: list[ClientConnection] = []
    for start in range(0, n, 100):  # batches: a thousand simultaneous handshakes gain nothing
        sockets += await asyncio.gather(*(open_socket(t) for t in tokens[start:start + 100]))
    readers = [asyncio.create_task(receive(ws)) for ws in sockets]
    # Each arrival was announced to everybody already connected (N^2/2 frames for N people): wait
    # until that has been read, so it does not queue in front of the measured updates.
    while time.monotonic() - last_any[0] < 0.5:
        await asyncio.sleep(0.1)

    def frame(seq: int) -> str:
        note = f"bench{RUN}-{seq}-{time.monotonic_ns()}"
        if mode != "bare":
            return json.dumps({"type": "set_status", "id": f"s{seq}", "status": "beschaeftigt", "note": note})
        return (note + " ").ljust(payload_size, "x")  # the same number of bytes as our presence frame

    async def one_event(seq: int) -> tuple[float, float]:
        done[seq] = asyncio.Event()
        text = frame(seq)
        sent = int(MARK.search(text).group(2))  # type: ignore[union-attr]
        await sockets[seq % drivers].send(text)
        try:
            await asyncio.wait_for(done[seq].wait(), 30)
        except TimeoutError:
            raise SystemExit(f"{mode}: event {seq} reached only {counts.get(seq, 0)} of {n} clients") from None
        return (first_at[seq] - sent) / 1e6, (last[seq] - sent) / 1e6

    for seq in range(WARMUP_EVENTS):  # first use of code paths and caches is not what is measured
        await one_event(seq)
    to_first, latencies = [], []
    for seq in range(WARMUP_EVENTS, WARMUP_EVENTS + events):
        first_ms, last_ms = await one_event(seq)
        to_first.append(first_ms)
        latencies.append(last_ms)
        await asyncio.sleep(0.002)  # one update at a time: latency, not queueing

    # Throughput: all drivers send their share of the burst at once.
    first = WARMUP_EVENTS + events
    burst_seqs = range(first, first + burst)
    for seq in burst_seqs:
        done[seq] = asyncio.Event()
    cpu0, client_cpu0 = sum(server_cpu_ns(pid) for pid in server_pids), time.process_time()
    redis0 = server_cpu_ns(redis_pid) if redis_pid else 0
    t0 = time.monotonic_ns()
    for seq in burst_seqs:
        await sockets[seq % drivers].send(frame(seq))
    skipped = 0
    try:
        await asyncio.wait_for(asyncio.gather(*(done[s].wait() for s in burst_seqs)), 120)
    except TimeoutError:
        # A socket that fell behind by more than 64 KiB is skipped and later gets a fresh snapshot
        # (net/hub.py): some updates never reach it, the snapshot's may reach it twice. Reported.
        skipped = sum(max(0, n - counts.get(s, 0)) for s in burst_seqs)
        if skipped > n * burst // 10:
            raise SystemExit(f"{mode}: burst incomplete, {skipped} deliveries missing") from None
    t1 = max(last[s] for s in burst_seqs if s in last)
    server_cpu_s = (sum(server_cpu_ns(pid) for pid in server_pids) - cpu0) / 1e9
    redis_cpu_s = (server_cpu_ns(redis_pid) - redis0) / 1e9 if redis_pid else 0.0
    client_cpu_s = time.process_time() - client_cpu0
    elapsed = (t1 - t0) / 1e9
    for ws in sockets:
        ws.transport.abort()  # no closing handshakes: the process ends here
    for task in readers:
        task.cancel()
    deliveries = n * burst - skipped
    return {"skipped": skipped, "clients": n, "drivers": drivers, "first_p50_ms": percentile(to_first, 0.5),
            "p50_ms": percentile(latencies, 0.5),
            "p99_ms": percentile(latencies, 0.99), "max_ms": max(latencies), "msgs_per_s": deliveries / elapsed,
            "server_us_per_msg": server_cpu_s * 1e6 / deliveries, "server_cpu_share": server_cpu_s / elapsed,
            "client_cpu_share": client_cpu_s / elapsed, "redis_cpu_share": redis_cpu_s / elapsed,
            "frame_bytes": frame_bytes[0]}


# --- the bare websockets server ------------------------------------------------------------------


async def bare_server(port_file: Path) -> None:
    """The smallest server that does the same job: every message from anyone goes to everyone."""
    import websockets
    from websockets.asyncio.server import ServerConnection, serve
    from websockets.exceptions import ConnectionClosed

    everyone: set[ServerConnection] = set()

    async def handler(ws: ServerConnection) -> None:
        everyone.add(ws)
        try:
            async for message in ws:
                websockets.broadcast(everyone, message)
        except ConnectionClosed:
            pass  # the client process aborts its sockets at the end
        finally:
            everyone.discard(ws)

    # Same frame, queue and compression settings as ours, so the comparison is of the work per event.
    async with serve(handler, "127.0.0.1", 0, compression=None, max_size=64 * 1024, max_queue=16,
                     server_header=None) as server:
        port_file.write_text(str(next(iter(server.sockets)).getsockname()[1]))
        await asyncio.Future()


# --- orchestration -------------------------------------------------------------------------------


def start_ours(org: Path, data: Path, log: Path, cluster: list[str] | None = None) -> tuple[subprocess.Popen[str], str]:
    # The CLI as shipped, in a wrapper that first raises the open-files limit (what `ulimit -n` does).
    wrapper = ("import sys; sys.path.insert(0, 'benchmarks'); from machine import raise_open_files_limit; "
               "raise_open_files_limit(); from server_stub.cli import main; sys.exit(main(sys.argv[1:]))")
    proc = subprocess.Popen([sys.executable, "-c", wrapper, "--host", "127.0.0.1", "--port", "0",
                             "--data-dir", str(data), "--org", str(org), "--log-level", "WARNING",
                             # the load generator opens thousands of sockets from one address
                             "--accept-rate", "0", "--max-unauthenticated", "100000", *(cluster or [])],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=log.open("a"), text=True)
    assert proc.stdout is not None
    for line in proc.stdout:
        found = re.search(r"(ws://\S+)", line)
        if found:
            return proc, found.group(1)
    raise RuntimeError("Backend did not start")


def start_bare(tmp: Path, log: Path) -> tuple[subprocess.Popen[str], str]:
    port_file = tmp / "bare.port"
    port_file.unlink(missing_ok=True)
    proc = subprocess.Popen([sys.executable, __file__, "--role", "bare-server", "--port-file", str(port_file)],
                            cwd=ROOT, stderr=log.open("a"), text=True)
    while not port_file.exists() or not port_file.read_text():
        time.sleep(0.05)
    return proc, f"ws://127.0.0.1:{port_file.read_text()}/"


#: The sides a run can measure: ours embedded (SQLite, no Redis), ours as one or two cluster nodes
#: (PostgreSQL + Redis; with two, every other socket is on the other node), and the bare server.
CLUSTER_SIDES = {"node1": 1, "node2": 2}


def run_side(mode: str, tmp: Path, org: Path, tokens_file: Path, drivers: int, args: argparse.Namespace,
             payload_size: int) -> dict[str, Any]:
    # Server stderr goes to a file: when the client process aborts its sockets at the end, asyncio
    # warns once per dead socket that is still written to, which is noise, not a result.
    log = tmp / f"{mode}-server.log"
    with contextlib.ExitStack() as stack:
        procs: list[subprocess.Popen[str]] = []
        urls: list[str] = []
        redis_pid = None
        if mode in CLUSTER_SIDES:
            from benchsetup import prepare

            from tests.services.postgres import start_postgres
            from tests.services.redis_server import start_redis

            postgres = stack.enter_context(start_postgres())
            (tmp / f"{mode}-redis").mkdir(exist_ok=True)
            redis = stack.enter_context(start_redis(tmp / f"{mode}-redis"))
            assert redis.process is not None
            redis_pid = redis.process.pid
            dsn = postgres.dsn(postgres.create_database())
            _org, tokens = prepare(tmp / f"{mode}-data", orgs=1, staff_per_org=len(json.loads(tokens_file.read_text())),
                                   database=dsn)
            tokens_file = tmp / f"{mode}-tokens.json"
            tokens_file.write_text(json.dumps([tokens[u] for u in sorted(tokens)]))
            for node in range(CLUSTER_SIDES[mode]):
                proc, url = start_ours(org, tmp / f"{mode}-data", log, ["--database", dsn, "--redis", redis.url,
                                                                         "--node-id", f"n{node}"])
                procs.append(proc)
                urls.append(url)
        else:
            proc, url = start_ours(org, tmp / "data", log) if mode == "dvz" else start_bare(tmp, log)
            procs, urls = [proc], [url]
        try:
            out = subprocess.run(
                [sys.executable, __file__, "--role", "clients", "--url", ",".join(urls), "--tokens", str(tokens_file),
                 "--drivers", str(drivers), "--mode", mode, "--events", str(args.events), "--burst", str(args.burst),
                 "--payload-size", str(payload_size), "--server-pid", ",".join(str(p.pid) for p in procs),
                 *(["--redis-pid", str(redis_pid)] if redis_pid else [])],
                cwd=ROOT, capture_output=True, text=True)
            if out.returncode != 0:
                tail = log.read_text()[-3000:]
                raise SystemExit(f"client process failed ({mode}):\n{out.stdout}\n{out.stderr}\nserver:\n{tail}")
            return dict(json.loads(out.stdout.strip().splitlines()[-1]))
        finally:
            for proc in procs:
                proc.terminate()
            for proc in procs:
                proc.wait()


def measure(n: int, args: argparse.Namespace) -> dict[str, list[dict[str, Any]]]:
    from benchsetup import prepare

    drivers = min(n, max(MIN_DRIVERS, math.ceil((WARMUP_EVENTS + args.events + args.burst) / PER_DRIVER)))
    sides = args.sides.split(",")
    results: dict[str, list[dict[str, Any]]] = {side: [] for side in sides}
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        # Accounts are created once (one argon2 hash for the shared initial password) and a session
        # token per person is put in the store, so the N sockets log in with the real token hello
        # instead of N argon2 checks (0.1 s CPU each here) that would dominate the set-up.
        org, tokens = prepare(tmp / "data", orgs=1, staff_per_org=n)
        tokens_file = tmp / "tokens.json"
        tokens_file.write_text(json.dumps([tokens[u] for u in sorted(tokens)]))
        payload_size = 0
        for rep in range(args.repeat):
            # Alternate the order (after the first run, which tells the bare side our frame size) so
            # that a slow phase of the shared machine does not always hit the same side.
            order = sides if rep % 2 == 0 else [*sides[:1], *reversed(sides[1:])]
            for mode in order:
                result = run_side(mode, tmp, org, tokens_file, drivers, args, payload_size)
                result["load"] = os.getloadavg()[0]
                results[mode].append(result)
                payload_size = payload_size or int(result["frame_bytes"])
                print(f"  n={n} run {rep + 1} {mode:5}: " + ", ".join(
                    f"{k}={v:.3g}" if isinstance(v, float) else f"{k}={v}" for k, v in result.items()),
                    file=sys.stderr, flush=True)
    return results


def med(runs: list[dict[str, Any]], key: str) -> float:
    return statistics.median(r[key] for r in runs)


SIDE_NAMES = {"dvz": "ours, one node (SQLite)", "node1": "ours, one cluster node (PostgreSQL + Redis)",
              "node2": "ours, two cluster nodes", "bare": "bare websockets.broadcast"}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--role", default="main")
    parser.add_argument("--sizes", default="100,1000")
    parser.add_argument("--repeat", type=int, default=3, help="runs per size; medians are reported")
    parser.add_argument("--events", type=int, default=200, help="updates one at a time, for latency")
    parser.add_argument("--burst", type=int, default=300, help="updates at once, for throughput")
    parser.add_argument("--sides", default="dvz,bare",
                        help="what to measure, the first one first (it tells the others the frame size): "
                             "dvz (one node, SQLite), node1 / node2 (one / two cluster nodes over PostgreSQL "
                             "and Redis), bare")
    parser.add_argument("--url")
    parser.add_argument("--tokens", type=Path)
    parser.add_argument("--drivers", type=int)
    parser.add_argument("--mode")
    parser.add_argument("--payload-size", type=int, default=0)
    parser.add_argument("--server-pid")
    parser.add_argument("--redis-pid", type=int)
    parser.add_argument("--port-file", type=Path)
    args = parser.parse_args()
    raise_open_files_limit()
    if args.role == "bare-server":
        asyncio.run(bare_server(args.port_file))
        return
    if args.role == "clients":
        tokens = json.loads(args.tokens.read_text())
        result = asyncio.run(run_clients(args.url, tokens, args.drivers, args.mode, args.events, args.burst,
                                         args.payload_size, [int(p) for p in args.server_pid.split(",")],
                                         args.redis_pid))
        print(json.dumps(result))
        return
    print(f"# Presence fan-out\n\nMachine: {describe()}\n"
          f"Medians of {args.repeat} runs; {args.events} timed updates (after {WARMUP_EVENTS} warm-up), "
          f"burst of {args.burst}.\n")
    print("| clients | side | p50 ms | p99 ms | max ms | msgs/s | server µs/msg (all nodes) | server CPU "
          "| Redis CPU | load generator CPU | load avg |")
    print("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for n in (int(s) for s in args.sizes.split(",")):
        results = measure(n, args)
        for side, runs in results.items():
            print(f"| {n} | {SIDE_NAMES.get(side, side)} | {med(runs, 'p50_ms'):.1f} | {med(runs, 'p99_ms'):.1f} "
                  f"| {med(runs, 'max_ms'):.1f} | {med(runs, 'msgs_per_s'):,.0f} "
                  f"| {med(runs, 'server_us_per_msg'):.2f} "
                  f"| {med(runs, 'server_cpu_share'):.0%} | {med(runs, 'redis_cpu_share'):.0%} "
                  f"| {med(runs, 'client_cpu_share'):.0%} | {med(runs, 'load'):.1f} |")


if __name__ == "__main__":
    main()
