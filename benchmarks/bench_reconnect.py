"""Reconnect storm: token logins per second for the first and the last thousand of N sockets, for the
real backend and, in the same run, for a bare websockets server that answers the hello with a frame
of the same size as our welcome.

    .venv/bin/python benchmarks/bench_reconnect.py [--sockets 10000] [--orgs 500] [--in-flight 100]

Processes: the backend (``server_stub.cli`` with the shipped settings, except the per-address accept
limits: the load generator opens every socket from 127.0.0.1) or the bare server, and one process that
opens the sockets. Every socket is another person (one socket each), spread over ``--orgs``
organisations, so each login tells the others of its organisation (presence fan-out stays within an
organisation, as in a state network of districts and ministries). At most ``--in-flight`` logins are
under way at a time, as after a restart when every client reconnects with its backoff and jitter.
A login is timed from opening the TCP connection to reading the ``welcome``.

The figure the issue asks for: logins/s over the first 1,000 and over the last 1,000 sockets. If a
login costs more the more sockets are connected, the last thousand is slower than the first.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.append(str(ROOT))  # after PYTHONPATH: --before runs another tree

from machine import describe, raise_open_files_limit  # noqa: E402

SLICE = 1000


async def storm(url: str, tokens: list[str], in_flight: int, out: Path) -> None:
    """Open one socket per token, ``in_flight`` at a time; write each welcome's arrival time."""
    from websockets.asyncio.client import connect

    gate = asyncio.Semaphore(in_flight)
    done: list[float] = []
    sockets: list[Any] = []
    welcome_bytes = 0
    errors = 0

    async def one(token: str) -> None:
        nonlocal welcome_bytes, errors
        async with gate:
            try:
                ws = await connect(url, max_size=None, compression=None, open_timeout=120, ping_interval=None)
                await ws.send(json.dumps({"type": "hello", "id": "h", "protocol_version": 1,
                                          "auth": {"method": "token", "token": token}}))
                answer = await ws.recv()
            except Exception:  # noqa: BLE001 - counted and reported, the storm goes on
                errors += 1
                return
            if '"type":"welcome"' not in str(answer)[:200] and not str(answer).startswith("B"):
                errors += 1
            welcome_bytes = welcome_bytes or len(answer)
            done.append(time.monotonic())
            sockets.append(ws)

    start = time.monotonic()
    await asyncio.gather(*(one(t) for t in tokens))
    out.write_text(json.dumps({"start": start, "done": sorted(done), "welcome_bytes": welcome_bytes,
                               "errors": errors}))
    for ws in sockets:
        ws.transport.abort()


async def bare_server(port_file: Path, welcome_bytes: int) -> None:
    """A minimal websockets server: read the hello, answer with a frame of the welcome's size, idle."""
    from websockets.asyncio.server import serve

    payload = "B" * welcome_bytes

    async def handler(ws: Any) -> None:
        await ws.recv()
        await ws.send(payload)
        await ws.wait_closed()

    async with serve(handler, "127.0.0.1", 0, compression=None, max_size=2**16, ping_interval=20,
                     server_header=None) as server:
        port_file.write_text(str(next(iter(server.sockets)).getsockname()[1]))
        await asyncio.Future()


def rates(result: dict[str, Any]) -> tuple[float, float, float]:
    """(logins/s of the first SLICE, of the last SLICE, seconds for all)."""
    done = result["done"]
    if len(done) < 2 * SLICE:  # the storm failed (see its errors)
        return float("nan"), float("nan"), float("nan")
    first = SLICE / (done[SLICE - 1] - result["start"])
    last = SLICE / (done[-1] - done[-SLICE - 1])
    return first, last, done[-1] - result["start"]


def server_cpu_ns(pid: int) -> int:
    """CPU time of all threads of a process in ns (schedstat)."""
    total = 0
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            total += int((task / "schedstat").read_text().split()[0])
        except (OSError, ValueError):
            pass  # a thread that ended while we looked
    return total


def run_storm(url: str, tokens_file: Path, in_flight: int, out: Path, server_pid: int) -> dict[str, Any]:
    """The storm from a process of its own; with the server's CPU time for it (less disturbed by the
    other jobs of a shared machine than the wall-clock rates) and the load average."""
    cpu0 = server_cpu_ns(server_pid)
    subprocess.run([sys.executable, __file__, "--role", "clients", "--url", url, "--tokens", str(tokens_file),
                    "--in-flight", str(in_flight), "--out", str(out)], cwd=ROOT, check=True)
    result: dict[str, Any] = json.loads(out.read_text())
    result["server_cpu_s"] = (server_cpu_ns(server_pid) - cpu0) / 1e9
    result["load"] = os.getloadavg()[0]
    return result


def start_backend(data: Path, org: Path, tree: Path = ROOT, profile: Path | None = None,
                  cluster: list[str] | None = None) -> tuple[subprocess.Popen[str], str]:
    """``server_stub.cli`` of ``tree`` (this tree, or another checkout to compare with); with ``profile``
    under cProfile, its statistics written there when the backend stops."""
    env = {**os.environ, "PYTHONPATH": f"{tree / 'src'}:{tree}"}
    log = (data / "backend.log").open("w")  # asyncio's warnings about sockets the storm aborted
    run = "sys.exit(main(sys.argv[1:]))"
    if profile is not None:
        run = (f"import cProfile; p = cProfile.Profile(); p.enable(); code = main(sys.argv[1:]); p.disable(); "
               f"p.dump_stats({str(profile)!r}); sys.exit(code)")
    backend = subprocess.Popen(
        [sys.executable, "-c", f"import sys; sys.path.insert(0, {str(ROOT / 'benchmarks')!r}); from machine import "
         f"raise_open_files_limit; raise_open_files_limit(); from server_stub.cli import main; {run}",
         "--port", "0", "--data-dir", str(data), "--org", str(org),
         "--log-level", "WARNING", "--accept-rate", "0", "--max-unauthenticated", "100000", *(cluster or [])],
        cwd=tree, env=env, stdout=subprocess.PIPE, stderr=log, text=True)
    assert backend.stdout is not None
    url = next((m.group(1) for line in backend.stdout if (m := re.search(r"(ws://\S+)", line))), None)
    if url is None:
        raise RuntimeError(f"backend of {tree} did not start: {(data / 'backend.log').read_text()[-2000:]}")
    return backend, url


def bare_storm(tmp: Path, welcome_bytes: int, tokens_file: Path, in_flight: int) -> dict[str, Any]:
    """The storm against the bare websockets server."""
    port_file = tmp / "bare.port"
    port_file.unlink(missing_ok=True)  # (a port of an earlier round is not this server's)
    bare = subprocess.Popen([sys.executable, __file__, "--role", "bare", "--out", str(port_file),
                             "--welcome-bytes", str(welcome_bytes)], cwd=ROOT)
    try:
        while not port_file.exists() or not port_file.read_text():
            time.sleep(0.05)
        return run_storm(f"ws://127.0.0.1:{port_file.read_text()}/ws", tokens_file, in_flight, tmp / "bare.json",
                         bare.pid)
    finally:
        bare.terminate()
        bare.wait()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sockets", type=int, default=10_000)
    parser.add_argument("--orgs", type=int, default=500)
    parser.add_argument("--in-flight", type=int, default=100)
    parser.add_argument("--role", default="main")
    parser.add_argument("--url")
    parser.add_argument("--tokens", type=Path)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--welcome-bytes", type=int, default=0)
    parser.add_argument("--before", type=Path, help="another checkout (e.g. main) to measure in the same run")
    parser.add_argument("--profile", type=Path, help="run our backend under cProfile, statistics to this file")
    parser.add_argument("--no-bare", action="store_true", help="skip the bare websockets server")
    parser.add_argument("--repeat", type=int, default=1, help="rounds, the order of the servers alternating")
    parser.add_argument("--cluster", action="store_true",
                        help="our backend as one cluster node (PostgreSQL + Redis started for it) instead of SQLite")
    parser.add_argument("--database", help=argparse.SUPPRESS)
    args = parser.parse_args()
    raise_open_files_limit()
    if args.role == "clients":
        asyncio.run(storm(args.url, json.loads(args.tokens.read_text()), args.in_flight, args.out))
        return
    if args.role == "prepare":
        from benchsetup import prepare

        _org, tokens = prepare(args.out, orgs=args.orgs, staff_per_org=-(-args.sockets // args.orgs),
                               database=args.database)
        # Interleave the organisations, as people of every office reconnect at once after a restart.
        users = sorted(tokens, key=lambda u: (int(u.split("-")[1]), u))[:args.sockets]
        args.tokens.write_text(json.dumps([tokens[u] for u in users]))
        return
    if args.role == "bare":
        asyncio.run(bare_server(args.out, args.welcome_bytes))
        return

    with tempfile.TemporaryDirectory() as tmp_name, contextlib.ExitStack() as services:
        tmp = Path(tmp_name)
        runs: list[tuple[str, dict[str, Any]]] = []
        trees = [("ours", ROOT)] + ([(f"before ({args.before})", args.before)] if args.before else [])
        cluster: dict[int, list[str]] = {}
        for n, (_name, tree) in enumerate(trees):
            database = []
            if args.cluster:  # a database and a Redis of its own for each tree
                from tests.services.postgres import start_postgres
                from tests.services.redis_server import start_redis

                postgres = services.enter_context(start_postgres())
                (tmp / f"redis{n}").mkdir()
                redis = services.enter_context(start_redis(tmp / f"redis{n}"))
                database = ["--database", postgres.dsn(postgres.create_database())]
                cluster[n] = [*database, "--redis", redis.url, "--node-id", f"bench{n}"]
            # The accounts and sessions are written by the tree that serves them (its own migrations).
            subprocess.run([sys.executable, __file__, "--role", "prepare", "--out", str(tmp / f"data{n}"), "--tokens",
                            str(tmp / f"tokens{n}.json"), "--sockets", str(args.sockets), "--orgs", str(args.orgs),
                            *database],
                           cwd=tree, env={**os.environ, "PYTHONPATH": f"{tree / 'src'}:{tree}"}, check=True)
        sides = list(range(len(trees))) + ([] if args.no_bare else [-1])
        for rep in range(args.repeat):
            # Alternate the order round by round, so a busy phase of the shared machine hits every side.
            for n in sides if rep % 2 == 0 else list(reversed(sides)):
                if n == -1:
                    welcome_bytes = next(r["welcome_bytes"] for name, r in runs if name == "ours")
                    runs.append(("bare websockets", bare_storm(tmp, welcome_bytes, tmp / "tokens0.json",
                                                               args.in_flight)))
                    continue
                name, tree = trees[n]
                data = tmp / f"data{n}"
                backend, url = start_backend(data, data / "org.json", tree, args.profile if n == 0 else None,
                                             cluster.get(n))
                try:
                    runs.append((name, run_storm(url, tmp / f"tokens{n}.json", args.in_flight,
                                                 tmp / f"run{n}.json", backend.pid)))
                finally:
                    backend.terminate()
                    backend.wait()
        ours = runs[0][1]

    print(f"# Reconnect storm\n\nMachine: {describe()}\n")
    print(f"{args.sockets} sockets, one person each, {args.orgs} organisations, {args.in_flight} logins in flight; "
          f"welcome {ours['welcome_bytes']} bytes\n")
    print("| server | first 1,000 logins/s | last 1,000 logins/s | last/first | all s | errors "
          "| server CPU ms per login | load |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for name, result in runs:
        first, last, total = rates(result)
        print(f"| {name} | {first:,.0f} | {last:,.0f} | {last / first:.2f} | {total:.1f} | {result['errors']} "
              f"| {result['server_cpu_s'] * 1000 / max(1, len(result['done'])):.2f} | {result['load']:.1f} |")


if __name__ == "__main__":
    main()
