"""Chat: acknowledged (durably stored) messages per second, and send-to-delivery latency in a room
with 100 members.

    .venv/bin/python benchmarks/bench_chat.py [--senders 50] [--per-sender 400] [--members 100] [--samples 200]

The backend runs as its own process with its SQLite file (WAL, synchronous=FULL: every batch is
committed before its messages are acknowledged). All client sockets live in this process and log in
the real way (token hello). Throughput: every sender keeps up to 32 messages in flight and the figure is
acknowledgements per second over the whole run. Latency: one member posts at a time; the time until
the last of the 100 members has the message, p50/p99 over the samples.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT))

from machine import describe, percentile, raise_open_files_limit  # noqa: E402

ROOM = "room:o0-r0"
IN_FLIGHT = 32


async def connect_all(url: str, tokens: list[str]) -> list:  # type: ignore[type-arg]
    from websockets.asyncio.client import connect

    async def one(token: str):  # type: ignore[no-untyped-def]
        ws = await connect(url, max_size=None, compression=None, open_timeout=60, ping_interval=None)
        await ws.send(json.dumps({"type": "hello", "id": "h", "protocol_version": 1,
                                  "auth": {"method": "token", "token": token}}))
        await ws.recv()
        # A room's chat is for the people inside (docs/privacy.md); live events start with the sync answer.
        await ws.send(json.dumps({"type": "move", "id": "m", "room_id": ROOM[5:]}))
        await ws.send(json.dumps({"type": "chat_open", "id": "o", "room_id": ROOM[5:]}))
        await ws.send(json.dumps({"type": "chat_sync", "id": "s", "positions": {}}))
        while '"reply_to":"s"' not in (await ws.recv()):
            pass
        return ws

    sockets = []
    for start in range(0, len(tokens), 50):
        sockets += await asyncio.gather(*(one(t) for t in tokens[start:start + 50]))
    return sockets


async def throughput(url: str, tokens: list[str], per_sender: int) -> float:
    sockets = await connect_all(url, tokens)
    run = time.monotonic_ns()

    async def sender(n: int, ws) -> int:  # type: ignore[no-untyped-def]
        acked, sent = 0, 0
        window = asyncio.Semaphore(IN_FLIGHT)

        async def reader() -> None:
            nonlocal acked
            async for raw in ws:
                if raw.startswith('{"type":"ack"') and '"position":' in raw and '"position":null' not in raw:
                    acked += 1
                    window.release()
                    if acked == per_sender:
                        return

        read_task = asyncio.create_task(reader())
        while sent < per_sender:
            await window.acquire()
            await ws.send(json.dumps({"type": "chat_send", "id": f"s{sent}", "conv_id": ROOM,
                                      "client_msg_id": f"b{run}x{n}x{sent}", "body": f"Nachricht {sent} von {n}"}))
            sent += 1
        await read_task
        return acked

    start = time.perf_counter()
    counts = await asyncio.gather(*(sender(n, ws) for n, ws in enumerate(sockets)))
    elapsed = time.perf_counter() - start
    for ws in sockets:
        ws.transport.abort()
    return sum(counts) / elapsed


async def latency(url: str, tokens: list[str], samples: int) -> list[float]:
    sockets = await connect_all(url, tokens)
    marker = re.compile(r"lat(\d+)z")
    seen: dict[int, int] = {}
    done: dict[int, asyncio.Event] = {}
    last: dict[int, float] = {}

    async def member(ws) -> None:  # type: ignore[no-untyped-def]
        async for raw in ws:
            if raw.startswith('{"type":"chat_events"'):
                for found in marker.finditer(raw):
                    k = int(found.group(1))
                    seen[k] = seen.get(k, 0) + 1
                    last[k] = time.perf_counter()
                    if seen[k] == len(sockets) and k in done:
                        done[k].set()

    readers = [asyncio.create_task(member(ws)) for ws in sockets]
    results = []
    run = time.monotonic_ns()
    for k in range(samples):
        done[k] = asyncio.Event()
        ws = sockets[k % len(sockets)]
        start = time.perf_counter()
        await ws.send(json.dumps({"type": "chat_send", "id": f"l{k}", "conv_id": ROOM,
                                  "client_msg_id": f"l{run}x{k}", "body": f"Messung lat{k}z"}))
        await asyncio.wait_for(done[k].wait(), 10)
        results.append((last[k] - start) * 1000)
        await asyncio.sleep(0.01)
    for task in readers:
        task.cancel()
    for ws in sockets:
        ws.transport.abort()
    return results


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--senders", type=int, default=50)
    parser.add_argument("--per-sender", type=int, default=400)
    parser.add_argument("--members", type=int, default=100)
    parser.add_argument("--samples", type=int, default=200)
    parser.add_argument("--postgresql", action="store_true",
                        help="the same run against PostgreSQL (cluster mode's store, durable) after SQLite")
    parser.add_argument("--profile", type=Path, help="run the backends under cProfile: statistics to PATH.<store>")
    args = parser.parse_args()
    raise_open_files_limit()
    results = [("SQLite (WAL, synchronous=FULL)", *run_once(args, None))]
    if args.postgresql:
        from tests.services.postgres import start_postgres

        with start_postgres(durable=True) as server:  # fsync on: a commit is on disk before the ack
            results.append(("PostgreSQL (fsync on, synchronous_commit on)",
                             *run_once(args, server.dsn(server.create_database()))))
    print(f"# Chat\n\nMachine: {describe()}\n")
    for name, rate, lat in results:
        print(f"## {name}\n")
        print("| figure | value | target |")
        print("|---|---:|---|")
        print(f"| acknowledged messages/s ({args.senders} senders × {args.per_sender}, ≤ {IN_FLIGHT} in flight "
              f"each) | {rate:,.0f} | ≥ 2,000 |")
        print(f"| send → delivered at all {args.members} members, p50 ms | {statistics.median(lat):.1f} | |")
        print(f"| send → delivered at all {args.members} members, p99 ms | {percentile(lat, 0.99):.1f} | ≤ 50 |\n")


def run_once(args: argparse.Namespace, database: str | None) -> tuple[float, list[float]]:
    """One backend process (SQLite in its data directory, or the PostgreSQL at ``database``)."""
    from benchsetup import prepare

    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        people = max(args.senders, args.members)
        org, tokens = prepare(tmp / "data", orgs=1, staff_per_org=people, database=database)
        users = sorted(tokens)
        profile = (["-m", "cProfile", "-o", f"{args.profile}.{'postgresql' if database else 'sqlite'}"]
                   if args.profile else [])
        backend = subprocess.Popen([sys.executable, *profile, "-m", "server_stub", "--port", "0",
                                    "--data-dir", str(tmp / "data"),
                                    "--org", str(org), "--log-level", "WARNING", "--rate-limit", "1000000",
                                    *(["--database", database] if database else [])],
                                   cwd=ROOT, stdout=subprocess.PIPE, text=True)
        assert backend.stdout is not None
        url = next(m.group(1) for line in backend.stdout if (m := re.search(r"(ws://\S+)", line)))
        try:
            rate = asyncio.run(throughput(url, [tokens[u] for u in users[:args.senders]], args.per_sender))
            lat = asyncio.run(latency(url, [tokens[u] for u in users[:args.members]], args.samples))
        finally:
            backend.terminate()
            backend.wait()
    return rate, lat


if __name__ == "__main__":
    main()
