"""Everyone back after a restart: N clients (token login, welcome snapshot) reconnect after a node of the
cluster or the whole backend was killed and started again; how long until the last one is back, and
whether any login was refused.

    PYTHONPATH=src:. python benchmarks/bench_cluster_restart.py [--clients 5000] [--orgs 250] [--in-flight 100]

Scenarios, one after the other in the same run:

* ``cluster, one node``: HAProxy (as in docs/rollout.md: ``leastconn``, a check of ``/healthz`` every second,
  two failures mark a node down and close its sockets; ``--checks``) in front of two nodes over one
  PostgreSQL and one Redis; node A is SIGKILLed and started again at once. Its clients reconnect through
  HAProxy (to node B, or to A once it is back).
* ``cluster, both nodes``: both nodes SIGKILLed and started again: every client reconnects.
* ``one node``: the embedded backend (SQLite, no Redis, no HAProxy), SIGKILLed and started again.

The clients: one process holding all sockets, one person each, spread over ``--orgs`` organisations.
A client whose socket closes waits a random 0-1 s (the shipped client waits 1-60 s with jitter; the
shorter wait measures the servers, not the backoff) and logs in again with its token; a failed attempt
(refused connection while the node is down, HAProxy's 503 before its check noticed) is retried after
0.25-0.5 s. At most ``--in-flight`` logins are under way at once, as in ``bench_reconnect.py``. An
*error* is a login the server refused (an error frame instead of the welcome); failed connection
attempts are counted separately.

"Back after" runs from the kill to the last welcome; "storm" from the first lost socket to the last
welcome.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import random
import re
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT))

from machine import describe, raise_open_files_limit  # noqa: E402

# --- the process that holds the client sockets ---------------------------------------------------


async def clients(url: str, tokens: list[str], in_flight: int) -> None:
    """Connect everyone, say ``ready``; then per line ``round`` on stdin, report when every socket that
    was lost since is back (``{"lost": …, "storm_s": …, "errors": …, "attempts_failed": …}``)."""
    from websockets.asyncio.client import connect

    gate = asyncio.Semaphore(in_flight)
    connected: set[int] = set()
    state: dict[str, Any] = {"lost": 0, "first_lost": None, "last_back": None, "errors": 0, "failed": 0}
    changed = asyncio.Event()
    reasons: dict[str, int] = {}

    async def login(token: str) -> Any:
        async with gate:
            ws = await connect(url, max_size=None, compression=None, open_timeout=30, ping_interval=None)
            await ws.send(json.dumps({"type": "hello", "id": "h", "protocol_version": 1,
                                      "auth": {"method": "token", "token": token}}))
            answer = await asyncio.wait_for(ws.recv(), 30)
            if not str(answer).startswith('{"type":"welcome"'):
                state["errors"] += 1
                await ws.close()
                raise ConnectionError(str(answer)[:200])
            return ws

    async def person(n: int, token: str) -> None:
        first = True
        while True:
            if not first:
                await asyncio.sleep(random.uniform(0, 1.0))
            while True:
                try:
                    ws = await login(token)
                    break
                except Exception as exc:  # noqa: BLE001 - the node is down or refused: try again, as the client does
                    state["failed"] += 1
                    reason = f"{type(exc).__name__}: {str(exc)[:80]}"
                    reasons[reason] = reasons.get(reason, 0) + 1
                    await asyncio.sleep(random.uniform(0.25, 0.5))
            connected.add(n)
            if not first:
                state["last_back"] = time.monotonic()
            first = False
            changed.set()
            with contextlib.suppress(Exception):
                async for _frame in ws:  # presence of the others; read so nothing queues up
                    pass
            connected.discard(n)
            state["lost"] += 1
            state["first_lost"] = state["first_lost"] or time.monotonic()
            changed.set()

    began = time.monotonic()
    tasks = [asyncio.create_task(person(n, t)) for n, t in enumerate(tokens)]
    while len(connected) < len(tokens):
        changed.clear()
        await changed.wait()
    print(json.dumps({"ready": time.monotonic() - began, "failed": state["failed"], "errors": state["errors"]}),
          flush=True)
    print(f"failed attempts while everyone first connected: {reasons}", file=sys.stderr)
    loop = asyncio.get_running_loop()
    reader = asyncio.StreamReader()
    await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(reader), sys.stdin)
    while (await reader.readline()).decode().strip() == "round":
        state.update(lost=0, first_lost=None, last_back=None, errors=0, failed=0)
        killed_at = time.monotonic()
        print(json.dumps({"round": "started"}), flush=True)
        while not state["lost"] or len(connected) < len(tokens):
            changed.clear()
            await changed.wait()
        print(json.dumps({"lost": state["lost"], "back_s": state["last_back"] - killed_at,
                          "storm_s": state["last_back"] - state["first_lost"], "errors": state["errors"],
                          "attempts_failed": state["failed"]}), flush=True)
    for task in tasks:
        task.cancel()


# --- servers ---------------------------------------------------------------------------------------


class Node:
    """``server_stub`` as its own process on a fixed port (it comes back where HAProxy expects it)."""

    def __init__(self, name: str, data: Path, org: Path, extra: list[str]) -> None:
        from tests.services.processes import free_port

        self.name = name
        self.port = free_port()
        self.log = data / f"{name}.log"
        wrapper = ("import sys; sys.path.insert(0, 'benchmarks'); from machine import raise_open_files_limit; "
                   "raise_open_files_limit(); from server_stub.cli import main; sys.exit(main(sys.argv[1:]))")
        self.args = [sys.executable, "-c", wrapper, "--host", "127.0.0.1", "--port", str(self.port),
                     "--data-dir", str(data), "--org", str(org), "--log-level", "WARNING",
                     "--accept-rate", "0", "--max-unauthenticated", "100000", *extra]
        self.proc: subprocess.Popen[str] | None = None

    def start(self) -> None:
        self.proc = subprocess.Popen(self.args, cwd=ROOT, stdout=subprocess.PIPE, stderr=self.log.open("a"),
                                     text=True)
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            if re.search(r"ws://\S+", line):
                return
        raise RuntimeError(f"{self.name} did not start: {self.log.read_text()[-2000:]}")

    def kill(self) -> None:
        assert self.proc is not None
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait()

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


def load() -> float:
    return os.getloadavg()[0]


class Clients:
    def __init__(self, url: str, tokens: Path, in_flight: int) -> None:
        self.proc = subprocess.Popen([sys.executable, __file__, "--role", "clients", "--url", url, "--tokens",
                                      str(tokens), "--in-flight", str(in_flight)],
                                     cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)

    def read(self) -> dict[str, Any]:
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline()
        if not line:
            raise RuntimeError("the client process ended")
        result: dict[str, Any] = json.loads(line)
        return result

    def round(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write("round\n")
        self.proc.stdin.flush()
        assert self.read() == {"round": "started"}

    def close(self) -> None:
        assert self.proc.stdin is not None
        with contextlib.suppress(OSError):  # the process may have ended already
            self.proc.stdin.write("end\n")
            self.proc.stdin.close()
        try:
            self.proc.wait(30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


def restart(nodes: list[Node], clients: Clients) -> dict[str, Any]:
    clients.round()
    for node in nodes:
        node.kill()
    for node in nodes:
        node.start()
    result = clients.read()
    result["load"] = load()
    return result


def cluster_run(tmp: Path, args: argparse.Namespace) -> list[tuple[str, dict[str, Any]]]:
    from benchsetup import prepare

    from tests.services.haproxy import HAProxy
    from tests.services.postgres import start_postgres
    from tests.services.redis_server import start_redis

    rows = []
    with start_postgres() as postgres, start_redis(tmp) as redis:
        dsn = postgres.dsn(postgres.create_database())
        data = tmp / "cluster"
        org, tokens = prepare(data, orgs=args.orgs, staff_per_org=-(-args.clients // args.orgs), database=dsn)
        tokens_file = tmp / "cluster-tokens.json"
        users = sorted(tokens, key=lambda u: (int(u.split("-")[1]), u))[:args.clients]
        tokens_file.write_text(json.dumps([tokens[u] for u in users]))
        nodes = [Node(f"node{n}", data, org, ["--database", dsn, "--redis", redis.url, "--node-id", f"node{n}"])
                 for n in range(2)]
        with contextlib.ExitStack() as stack:  # whatever fails, every process started here is stopped
            for node in nodes:
                stack.callback(node.stop)
                node.start()
            (tmp / "haproxy").mkdir()
            # As docs/rollout.md configures it: least connections, a check every second, two failures mark
            # down. (HAProxy needs two descriptors per connection: the hard limit here is 20,000.)
            proxy = HAProxy(tmp / "haproxy", [("127.0.0.1", node.port) for node in nodes],
                            maxconn=args.clients + 1000, balance="leastconn", check_timing=args.checks)
            stack.callback(proxy.remove)
            proxy.start()
            clients = Clients(proxy.url("/ws"), tokens_file, args.in_flight)
            stack.callback(clients.close)
            ready = clients.read()
            ready["load"] = load()
            rows.append(("cluster: first login of everyone through HAProxy", ready))
            time.sleep(2)  # HAProxy's and Redis's view settle
            rows.append(("cluster: node A SIGKILLed and started again", restart(nodes[:1], clients)))
            time.sleep(2)
            rows.append(("cluster: both nodes SIGKILLed and started again", restart(nodes, clients)))
    return rows


def single_run(tmp: Path, args: argparse.Namespace) -> list[tuple[str, dict[str, Any]]]:
    from benchsetup import prepare

    data = tmp / "single"
    org, tokens = prepare(data, orgs=args.orgs, staff_per_org=-(-args.clients // args.orgs))
    tokens_file = tmp / "single-tokens.json"
    users = sorted(tokens, key=lambda u: (int(u.split("-")[1]), u))[:args.clients]
    tokens_file.write_text(json.dumps([tokens[u] for u in users]))
    node = Node("single", data, org, [])
    rows = []
    with contextlib.ExitStack() as stack:
        stack.callback(node.stop)
        node.start()
        clients = Clients(f"ws://127.0.0.1:{node.port}/ws", tokens_file, args.in_flight)
        stack.callback(clients.close)
        ready = clients.read()
        ready["load"] = load()
        rows.append(("one node (SQLite): first login of everyone", ready))
        time.sleep(2)
        rows.append(("one node (SQLite): SIGKILLed and started again", restart([node], clients)))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--clients", type=int, default=5000)
    parser.add_argument("--orgs", type=int, default=250)
    parser.add_argument("--in-flight", type=int, default=100)
    parser.add_argument("--role", default="main")
    parser.add_argument("--url")
    parser.add_argument("--tokens", type=Path)
    parser.add_argument("--only", choices=("cluster", "single"))
    parser.add_argument("--checks", default="inter 1s fall 2 rise 2", help="HAProxy's health check settings")
    args = parser.parse_args()
    raise_open_files_limit()
    if args.role == "clients":
        asyncio.run(clients(args.url, json.loads(args.tokens.read_text()), args.in_flight))
        return
    rows = []
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        if args.only != "single":
            rows += cluster_run(tmp, args)
        if args.only != "cluster":
            rows += single_run(tmp, args)
    print(f"# Reconnect after a restart\n\nMachine: {describe()}\n")
    print(f"{args.clients} clients, one person each, {args.orgs} organisations, at most {args.in_flight} logins "
          "in flight; reconnect after 0-1 s, a failed attempt again after 0.25-0.5 s\n")
    print("| what | clients that reconnected | back after s | storm s | refused logins | failed attempts | load |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name, r in rows:
        if "ready" in r:
            print(f"| {name} | {args.clients} | {r['ready']:.1f} | – | {r['errors']} | {r['failed']} "
                  f"| {r['load']:.1f} |")
        else:
            print(f"| {name} | {r['lost']} | {r['back_s']:.1f} | {r['storm_s']:.1f} | {r['errors']} "
                  f"| {r['attempts_failed']} | {r['load']:.1f} |")


if __name__ == "__main__":
    main()
