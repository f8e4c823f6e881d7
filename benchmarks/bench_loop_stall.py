"""The longest event-loop stall while someone searches a frequent word and while the retention purge
runs, with 1,000,000 stored chat messages; and what the periodic session check costs with 10,000 sessions.

    .venv/bin/python benchmarks/bench_loop_stall.py [--messages 1000000] [--sessions 10000]

One backend in this process (its event loop is the one measured). A ticker task sleeps 1 ms at a time
and records the longest gap between its wake-ups beyond that: the longest time nobody else on the loop
(presence, chat, everyone's sockets) could run. Measured for a quiet loop, during a search by a real
client over its websocket, and during the purge; beside it, in the same run, the same search query and
the old one-transaction purge run directly on the loop, which is what the backend did before.
The stored messages: ``--messages`` in the searcher's team office chat and a coffee kitchen chat (one in
ten in the kitchen, older than its one-day retention), every one holding the word "Antrag".
"""

from __future__ import annotations

import argparse
import asyncio
import json
import secrets
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT))

from machine import describe  # noqa: E402

WORDS = ("Bauantrag", "Bescheid", "Termin", "Akte", "Kaffee", "Frist", "Gemeinde", "Haushalt", "Sitzung")


class Ticker:
    """The longest gap between a 1 ms sleep's wake-ups, beyond the 1 ms."""

    def __init__(self) -> None:
        self.worst = 0.0
        self._task: asyncio.Task[None] | None = None

    async def _run(self) -> None:
        last = time.perf_counter()
        while True:
            await asyncio.sleep(0.001)
            now = time.perf_counter()
            self.worst = max(self.worst, now - last - 0.001)
            last = now

    def start(self) -> None:
        self.worst = 0.0
        self._task = asyncio.get_running_loop().create_task(self._run())

    async def stop(self) -> float:
        assert self._task is not None
        await asyncio.sleep(0.01)
        self._task.cancel()
        return self.worst * 1000


def populate(db: object, messages: int, now: datetime) -> tuple[str, str, str]:
    """The searcher's room chat and two kitchens (one in ten messages, old)."""
    from server_stub.db import to_db

    office, kitchen_a, kitchen_b = "room:o0-r0", "room:o0-kueche", "room:o1-kueche"
    execute = db.execute  # type: ignore[attr-defined]
    for conv_id, room in ((office, "o0-r0"), (kitchen_a, "o0-kueche"), (kitchen_b, "o1-kueche")):
        execute("INSERT INTO chat_conversations(conv_id, kind, room_id, members) VALUES (?, 'room', ?, '')",
                (conv_id, room))
    old_each = messages // 20
    plan = ((office, messages - 2 * old_each, now - timedelta(hours=1)),
            (kitchen_a, old_each, now - timedelta(days=30)), (kitchen_b, old_each, now - timedelta(days=30)))
    batch = 20_000
    for conv_id, count, at in plan:
        for start in range(0, count, batch):
            rows = [(conv_id, n, "post", "u0-0", to_db(at + timedelta(milliseconds=n)), n,
                     f"Antrag {WORDS[n % len(WORDS)]} {n}", f"{conv_id}-{n}") for n in range(start + 1,
                                                                                         min(count, start + batch) + 1)]
            with db.transaction():  # type: ignore[attr-defined]
                db.executemany("INSERT INTO chat_events(conv_id, position, kind, sender, at, target, body, "  # type: ignore[attr-defined]
                               "client_msg_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
                db.executemany("INSERT INTO chat_messages(conv_id, position, sender, at, body) "  # type: ignore[attr-defined]
                               "VALUES (?, ?, ?, ?, ?)", [(r[0], r[1], r[3], r[4], r[6]) for r in rows])
    return office, kitchen_a, kitchen_b


async def measure(args: argparse.Namespace, tmp: Path) -> list[tuple[str, float, str]]:
    from benchsetup import prepare
    from websockets.asyncio.client import connect

    from server_stub.app import Backend, BackendConfig
    from server_stub.db import to_db
    from server_stub.directory.orgfile import load_org_file
    from server_stub.net.auth import token_hash

    org, tokens = prepare(tmp / "data", orgs=2, staff_per_org=50)
    backend = Backend(load_org_file(org), BackendConfig(data_dir=tmp / "data"))
    now = backend.clock.now()
    started = time.perf_counter()
    office, kitchen_a, kitchen_b = populate(backend.db, args.messages, now)
    print(f"stored {args.messages:,} messages in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    for _ in range(args.sessions):
        backend.accounts.add_session(token_hash(secrets.token_urlsafe(24)), "u0-1", now, now + timedelta(days=1))
    backend.chat.housekeep = lambda now: None  # type: ignore[method-assign]  # only the purges measured here
    port = await backend.start("127.0.0.1", 0)
    results: list[tuple[str, float, str]] = []
    ticker = Ticker()
    try:
        ws = await connect(f"ws://127.0.0.1:{port}/ws", max_size=None, max_queue=None)
        await ws.send(json.dumps({"type": "hello", "id": "h", "protocol_version": 1,
                                  "auth": {"method": "token", "token": tokens["u0-0"]}}))
        await ws.recv()

        ticker.start()
        await asyncio.sleep(2)
        results.append(("quiet loop (2 s)", await ticker.stop(), ""))

        ticker.start()
        started = time.perf_counter()
        await ws.send(json.dumps({"type": "chat_search", "id": "s", "text": "Antrag"}))
        while json.loads(await ws.recv()).get("type") != "chat_search_result":
            pass
        results.append(("search for a word in every message (now: worker thread)", await ticker.stop(),
                        f"answer after {1000 * (time.perf_counter() - started):.0f} ms"))

        store = backend.chat.store
        ticker.start()
        started = time.perf_counter()
        await asyncio.sleep(0)
        hits = store.db.all(  # before: the same query on the loop's own connection
            "WITH allowed(conv_id, lo, hi) AS (" + store.db.dialect.table_values() + ") "
            "SELECT chat_messages.conv_id, chat_messages.position FROM chat_messages "
            "JOIN chat_fts ON chat_fts.rowid = chat_messages.id WHERE chat_fts MATCH ? AND EXISTS (SELECT 1 FROM "
            "allowed a WHERE a.conv_id = chat_messages.conv_id AND chat_messages.position BETWEEN a.lo AND a.hi) "
            "ORDER BY chat_messages.at DESC LIMIT 50", (json.dumps([[office, 0, 10**9]]), '"Antrag"*'))
        assert len(hits) == 50
        results.append(("same search on the loop (before)", await ticker.stop(),
                        f"{1000 * (time.perf_counter() - started):.0f} ms"))

        old_each = args.messages // 20
        ticker.start()
        started = time.perf_counter()
        await asyncio.sleep(0)
        cutoff = to_db(now - timedelta(days=1))
        with store.transaction():  # before: one transaction for everything old
            store.db.execute("DELETE FROM chat_events WHERE conv_id=? AND at<?", (kitchen_a, cutoff))
            store.db.execute("DELETE FROM chat_messages WHERE conv_id=? AND at<?", (kitchen_a, cutoff))
        results.append((f"purge of {old_each:,} old messages in one transaction on the loop (before)",
                        await ticker.stop(), f"{1000 * (time.perf_counter() - started):.0f} ms"))

        ticker.start()
        started = time.perf_counter()
        removed = await backend.chat.purge()
        assert removed == old_each, removed
        results.append((f"purge of {old_each:,} old messages in steps (now)", await ticker.stop(),
                        f"done after {1000 * (time.perf_counter() - started):.0f} ms"))

        digests = [r[0] for r in backend.db.all("SELECT token_hash FROM sessions")]
        started = time.perf_counter()
        for digest in digests:  # before: one query per open session
            backend.accounts.session(digest)
        results.append((f"session check, one query per session ({len(digests):,}; before)",
                        1000 * (time.perf_counter() - started), "on the loop"))
        started = time.perf_counter()
        backend.sessions.check_sessions()
        results.append(("session check, one query for the sessions that ended (now)",
                        1000 * (time.perf_counter() - started), "on the loop"))
        await ws.close()
    finally:
        await backend.stop()
    return results


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--messages", type=int, default=1_000_000)
    parser.add_argument("--sessions", type=int, default=10_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        results = asyncio.run(measure(args, Path(tmp)))
    print(f"# Event-loop stalls\n\nMachine: {describe()}\n")
    print(f"{args.messages:,} stored chat messages, each with the word searched for; {args.sessions:,} sessions\n")
    print("| what | longest stall ms | note |")
    print("|---|---:|---|")
    for what, stall, note in results:
        print(f"| {what} | {stall:.1f} | {note} |")


if __name__ == "__main__":
    main()
