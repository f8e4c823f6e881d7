"""Council session with 50 members through the real backend: how fast a vote's result and a change of
the speaker list reach everyone.

    .venv/bin/python benchmarks/bench_council.py [--members 50] [--changes 200] [--votes 20] [--cluster]

The backend runs in its own process (``python -m server_stub``) with a committee of ``--members`` members
and its chair, all in the Sitzungssaal. This process holds every member's socket (token login, so no
argon2 at set-up) and reads every frame as it arrives (json only: the figure is the backend's fan-out and
the network, not 50 clients' model parsing in one process).

* Speaker list: a member raises (or lowers) a hand; each sample is the time from sending ``council_hand``
  to a member's socket receiving the ``council_state`` that shows it — for every member and the chair.
* Result: everyone votes at once; from the moment the last ballot is acknowledged, the chair closes the
  vote; each sample is the time from that last acknowledgement to a member receiving the state with the
  result (so the close's round trip is included).

``--cluster``: two nodes (``--node-id node-a``/``node-b``) over one PostgreSQL and one Redis (started by
the test services), the chair and every second member on node a (which runs the session), the others on
node b, whose commands go to node a over the relay and whose states come back the same way; the
speaker-list figures are then given apart for the members on each node (the acknowledgement too).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT))

from machine import describe, percentile, raise_open_files_limit  # noqa: E402

SAAL = "saal"


def prepare(data_dir: Path, members: int, database_url: str | None = None) -> tuple[Path, dict[str, str]]:
    import secrets

    from server_stub.app import Backend, BackendConfig
    from server_stub.directory.orgfile import load_org_file
    from server_stub.net.auth import token_hash

    names = [f"rat{n:02d}" for n in range(members)]
    org = {
        "organisations": [{"id": "lk", "name": "Landkreis", "buildings": [{"id": "kh", "name": "Kreishaus", "floors": [
            {"id": "eg", "name": "EG", "width": 800, "height": 400, "rooms": [
                {"id": SAAL, "name": "Sitzungssaal", "kind": "meeting_room", "x": 10, "y": 10, "w": 600, "h": 300},
            ]}]}]}],
        "staff": [{"username": n, "display_name": f"Mitglied {n}", "org": "lk", "home_room": SAAL,
                   "initial_password": "bench"} for n in ["vorsitz", *names]],
        "bodies": [{"id": "kt", "name": "Kreistag", "org": "lk", "room": SAAL, "chair": "vorsitz", "members": names}],
    }
    data_dir.mkdir(parents=True, exist_ok=True)
    path = data_dir / "org.json"
    path.write_text(json.dumps(org), encoding="utf-8")
    backend = Backend(load_org_file(path), BackendConfig(data_dir=data_dir, database_url=database_url))
    now, tokens = datetime.now(UTC), {}
    for user in ["vorsitz", *names]:
        token = secrets.token_urlsafe(32)
        backend.accounts.add_session(token_hash(token), user, now, now + timedelta(days=1))
        tokens[user] = token
    backend.db.close()
    return path, tokens


class Client:
    """One member's socket: every council_state as (arrival time, parsed session); acks by id."""

    def __init__(self, name: str, ws) -> None:  # type: ignore[no-untyped-def]
        self.name, self.ws = name, ws
        self.states: list[tuple[float, dict]] = []  # type: ignore[type-arg]
        self.acks: dict[str, float] = {}
        self.changed = asyncio.Event()
        self.n = 0

    async def read(self) -> None:
        async for raw in self.ws:
            at = time.perf_counter()
            frame = json.loads(raw)
            if frame["type"] == "council_state":
                self.states.append((at, frame["session"]))
            elif frame["type"] in ("ack", "error"):
                self.acks[frame["reply_to"]] = at
                if frame["type"] == "error":
                    print("error", self.name, frame["code"], flush=True)
            self.changed.set()

    async def send(self, message: dict) -> str:  # type: ignore[type-arg]
        self.n += 1
        message["id"] = f"{self.name}-{self.n}"
        await self.ws.send(json.dumps(message))
        return message["id"]

    async def first_state(self, after: float, condition) -> float:  # type: ignore[no-untyped-def]
        while True:
            for at, session in self.states:
                if at >= after and condition(session):
                    return at
            self.changed.clear()
            await self.changed.wait()

    async def ack(self, command_id: str) -> float:
        while command_id not in self.acks:
            self.changed.clear()
            await self.changed.wait()
        return self.acks[command_id]


async def connect(url: str, name: str, token: str) -> Client:
    from websockets.asyncio.client import connect as ws_connect

    ws = await ws_connect(url, max_size=2**20, compression=None)
    await ws.send(json.dumps({"type": "hello", "id": "h", "protocol_version": 1,
                              "auth": {"method": "token", "token": token}}))
    welcome = json.loads(await ws.recv())
    assert welcome["type"] == "welcome", welcome
    return Client(name, ws)


async def run(urls: list[str], tokens: dict[str, str], changes: int, votes: int) -> dict[str, list[float]]:
    clients = [await connect(urls[n % len(urls)], name, token) for n, (name, token) in enumerate(tokens.items())]
    readers = [asyncio.create_task(c.read()) for c in clients]
    chair, members = clients[0], clients[1:]
    started = await chair.send({"type": "council_start", "room_id": SAAL, "body_id": "kt", "title": "Sitzung"})
    await chair.ack(started)
    state = next(s for _, s in reversed(chair.states))
    sid = state["session_id"]
    await asyncio.gather(*(c.first_state(0, lambda s: s["members_present"] == len(members)) for c in clients))

    hand_ms: list[float] = []
    #: Per node of the member who raised the hand: (ack ms, state to everyone ms).
    by_node: dict[str, list[float]] = {}
    for n in range(changes):
        who = members[n // 2 % len(members)]
        raised = n % 2 == 0
        t0 = time.perf_counter()
        await who.send({"type": "council_hand", "session_id": sid, "raised": raised})

        def shows(session: dict, person: str = who.name, up: bool = raised) -> bool:  # type: ignore[type-arg]
            return (person in {h["person_id"] for h in session["hands"]}) == up

        arrivals = await asyncio.wait_for(asyncio.gather(*(c.first_state(t0, shows) for c in clients)), 10)
        hand_ms.extend((at - t0) * 1000 for at in arrivals)
        node = "a" if clients.index(who) % len(urls) == 0 else "b"
        by_node.setdefault(f"ack {node}", []).append((await who.ack(f"{who.name}-{who.n}") - t0) * 1000)
        by_node.setdefault(f"hand {node}", []).extend((at - t0) * 1000 for at in arrivals)

    result_ms: list[float] = []
    for v in range(votes):
        opened = await chair.send({"type": "council_vote_open", "session_id": sid,
                                   "kind": "secret" if v % 2 else "open", "question": f"Antrag {v}"})
        await chair.ack(opened)
        vote_id = next(s for _, s in reversed(chair.states) if s["vote"])["vote"]["vote_id"]
        await asyncio.gather(*(c.first_state(0, lambda s, i=vote_id: (s["vote"] or {}).get("vote_id") == i)
                               for c in members))
        ids = await asyncio.gather(*(m.send({"type": "council_ballot", "session_id": sid, "vote_id": vote_id,
                                             "choice": ("yes", "no", "abstain")[k % 3]})
                                     for k, m in enumerate(members)))
        last = max(await asyncio.gather(*(m.ack(i) for m, i in zip(members, ids, strict=True))))
        closed = await chair.send({"type": "council_vote_close", "session_id": sid})
        arrivals = await asyncio.wait_for(asyncio.gather(*(
            c.first_state(last, lambda s, n=v + 1: len(s["results"]) == n) for c in clients)), 10)
        await chair.ack(closed)
        result_ms.extend((at - last) * 1000 for at in arrivals)
    for reader in readers:
        reader.cancel()
    for c in clients:
        await c.ws.close()
    return {"hand": hand_ms, "result": result_ms, **by_node}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=50)
    parser.add_argument("--changes", type=int, default=200)
    parser.add_argument("--votes", type=int, default=20)
    parser.add_argument("--cluster", action="store_true", help="two nodes over PostgreSQL and Redis")
    args = parser.parse_args()
    raise_open_files_limit()
    with tempfile.TemporaryDirectory(prefix="dvz-bench-council-") as tmp, contextlib.ExitStack() as stack:
        extra: list[list[str]] = [[]]
        database_url = None
        if args.cluster:
            from tests.services.postgres import start_postgres
            from tests.services.redis_server import start_redis

            postgres = stack.enter_context(start_postgres())
            database_url = postgres.dsn(postgres.create_database())
            (Path(tmp) / "redis").mkdir()
            redis = stack.enter_context(start_redis(Path(tmp) / "redis"))
            extra = [["--database", database_url, "--redis", redis.url, "--node-id", f"node-{n}"] for n in "ab"]
        org, tokens = prepare(Path(tmp) / "data", args.members, database_url)
        data = [Path(tmp) / (f"data-{n}" if args.cluster else "data") for n in range(len(extra))]
        nodes = [subprocess.Popen([sys.executable, "-m", "server_stub", "--port", "0", "--data-dir", str(folder),
                                   "--org", str(org), "--rate-limit", "6000", *more],
                                  cwd=ROOT, stdout=subprocess.PIPE, text=True)
                 for folder, more in zip(data, extra, strict=True)]
        try:
            urls = []
            for node in nodes:
                assert node.stdout is not None
                urls.append(next(m.group(1) for line in node.stdout if (m := re.search(r"(ws://\S+)", line))))
            figures = asyncio.run(run(urls, tokens, args.changes, args.votes))
        finally:
            for node in nodes:
                node.terminate()
                node.wait(10)
    print(describe())
    load = ", ".join(f"{v:.1f}" for v in os.getloadavg())
    where = "two nodes (PostgreSQL, Redis), each in its own process" if args.cluster else \
        "backend in its own process"
    print(f"{args.members} members and the chair, {where}, all sockets in this one; load average {load}")
    if args.cluster:
        for node, name in (("a", "members on node a (runs the session)"), ("b", "members on node b (relayed)")):
            ack, hand = figures[f"ack {node}"], figures[f"hand {node}"]
            print(f"{name}: ack median {statistics.median(ack):.1f} ms, p99 {percentile(ack, 0.99):.1f} ms; "
                  f"change to every member median {statistics.median(hand):.1f} ms, "
                  f"p99 {percentile(hand, 0.99):.1f} ms")
    hand, result = figures["hand"], figures["result"]
    print(f"speaker list change to every member ({len(hand)} deliveries, {args.changes} changes): "
          f"median {statistics.median(hand):.1f} ms, p99 {percentile(hand, 0.99):.1f} ms, max {max(hand):.1f} ms")
    print(f"vote result to every member after the last ballot ({len(result)} deliveries, {args.votes} votes): "
          f"median {statistics.median(result):.1f} ms, p99 {percentile(result, 0.99):.1f} ms, "
          f"max {max(result):.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
