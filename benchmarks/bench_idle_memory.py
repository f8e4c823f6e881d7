"""Memory per idle connection: the backend's resident memory before and after 5,000 logged-in sockets.

    .venv/bin/python benchmarks/bench_idle_memory.py [--connections 5000]

The backend runs as its own process; a second process opens the sockets and logs each in the real
way (token hello). Five sockets per person is the per-person limit, so 5,000 sockets are 1,000 people,
spread over 50 organisations of 20 (fan-out stays within an organisation, as in a county with its
municipalities). RSS is read from /proc/PID/status after the sockets have been idle for a while.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT))

from machine import describe, raise_open_files_limit  # noqa: E402

SOCKETS_PER_PERSON = 5


def rss_kib(pid: int) -> int:
    with open(f"/proc/{pid}/status", encoding="utf-8") as status:
        return int(next(line.split()[1] for line in status if line.startswith("VmRSS")))


async def hold_sockets(url: str, tokens: list[str], count: int, ready: Path, release: Path) -> None:
    from websockets.asyncio.client import connect

    sockets = []

    async def one(token: str) -> object:
        ws = await connect(url, max_size=None, compression=None, open_timeout=120)
        await ws.send(json.dumps({"type": "hello", "id": "h", "protocol_version": 1,
                                  "auth": {"method": "token", "token": token}}))
        await ws.recv()
        return ws

    wanted = [tokens[i // SOCKETS_PER_PERSON] for i in range(count)]
    for start in range(0, count, 200):
        sockets += await asyncio.gather(*(one(t) for t in wanted[start:start + 200]))
    drains = [asyncio.create_task(drain(ws)) for ws in sockets]  # keep reading presence so nothing queues
    ready.write_text(str(len(sockets)))
    while not release.exists():
        await asyncio.sleep(0.2)
    for ws in sockets:
        ws.transport.abort()  # type: ignore[attr-defined]
    for task in drains:
        task.cancel()


async def drain(ws: object) -> None:
    async for _ in ws:  # type: ignore[attr-defined]
        pass


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--connections", type=int, default=5000)
    parser.add_argument("--role", default="main")
    parser.add_argument("--url")
    parser.add_argument("--tokens", type=Path)
    parser.add_argument("--ready", type=Path)
    parser.add_argument("--release", type=Path)
    args = parser.parse_args()
    raise_open_files_limit()
    if args.role == "clients":
        tokens = json.loads(args.tokens.read_text())
        asyncio.run(hold_sockets(args.url, tokens, args.connections, args.ready, args.release))
        return

    from benchsetup import prepare

    people = -(-args.connections // SOCKETS_PER_PERSON)
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        org, tokens = prepare(tmp / "data", orgs=50, staff_per_org=-(-people // 50))
        tokens_file = tmp / "tokens.json"
        tokens_file.write_text(json.dumps(sorted(tokens.values())))
        backend = subprocess.Popen(
            [sys.executable, "-c", "import sys; sys.path.insert(0, 'benchmarks'); from machine import "
             "raise_open_files_limit; raise_open_files_limit(); from server_stub.cli import main; "
             "sys.exit(main(sys.argv[1:]))", "--port", "0", "--data-dir", str(tmp / "data"), "--org", str(org),
             "--log-level", "WARNING",
                             # the load generator opens thousands of sockets from one address
                             "--accept-rate", "0", "--max-unauthenticated", "100000"],
                            cwd=ROOT, stdout=subprocess.PIPE, text=True)
        assert backend.stdout is not None
        url = next(m.group(1) for line in backend.stdout if (m := re.search(r"(ws://\S+)", line)))
        try:
            # Warm up: a few connections so that lazily created structures (layouts per organisation,
            # serialisers) are in the baseline, not charged to the connections.
            warm = run_clients(url, tokens_file, 50, tmp, "warm")
            warm[1].touch()
            warm[0].wait()
            time.sleep(2)
            before = rss_kib(backend.pid)
            clients, release = run_clients(url, tokens_file, args.connections, tmp, "main")
            time.sleep(10)  # idle: pings are every 20 s, nothing else is sent
            after = rss_kib(backend.pid)
            release.touch()
            clients.wait()
        finally:
            backend.terminate()
            backend.wait()
    per_conn = (after - before) / args.connections
    print(f"# Idle connections\n\nMachine: {describe()}\n")
    print("| connections | RSS before MiB | RSS after MiB | per connection KiB | target |")
    print("|---:|---:|---:|---:|---|")
    print(f"| {args.connections} | {before / 1024:.1f} | {after / 1024:.1f} | {per_conn:.1f} | <= 16 KB |")


def run_clients(url: str, tokens_file: Path, count: int, tmp: Path, name: str) -> tuple[subprocess.Popen[str], Path]:
    ready, release = tmp / f"{name}.ready", tmp / f"{name}.release"
    proc = subprocess.Popen([sys.executable, __file__, "--role", "clients", "--url", url, "--tokens", str(tokens_file),
                             "--connections", str(count), "--ready", str(ready), "--release", str(release)],
                            cwd=ROOT, text=True)
    while not ready.exists():
        if proc.poll() is not None:
            raise RuntimeError("client process failed")
        time.sleep(0.2)
    return proc, release


if __name__ == "__main__":
    main()
