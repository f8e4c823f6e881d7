"""A reconnect storm on PostgreSQL (cluster mode): every statement is a round trip on the event loop, so
the writes a login collects (``Database.soon``: first seen today, room chat visits) go in one pipeline
per loop turn, and a restarted node reads today's first-seen times once instead of once per login."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import psycopg
import pytest

from server_stub.db import Database, migrate
from server_stub.db.postgres import PostgresDatabase
from server_stub.features.presence.store import SCHEMA, FirstSeenStore
from tests.services.postgres import postgres_dsn, postgres_server  # noqa: F401  (the fixtures)

TODAY = date(2026, 12, 2)


def test_the_writes_of_a_loop_turn_are_one_round_trip_on_postgresql(postgres_dsn: str,  # noqa: F811
                                                                     tmp_path: Path) -> None:
    db = PostgresDatabase.connect(postgres_dsn)
    try:
        db.execute("CREATE TABLE visits (username TEXT PRIMARY KEY, n BIGINT NOT NULL)")
        trace = tmp_path / "libpq.trace"
        with trace.open("w") as sink:
            pgconn = db._connection().pgconn  # libpq's own protocol trace: what the client sent
            pgconn.trace(sink.fileno())
            pgconn.set_trace_flags(psycopg.pq.Trace.SUPPRESS_TIMESTAMPS)
            db.soon([("INSERT INTO visits(username, n) VALUES (?, ?)", (f"u{n}", n)) for n in range(40)])
            db.flush()
            pgconn.untrace()
        # Each Sync the client sends is a round trip it waits for. Before: BEGIN, SET LOCAL, 40 inserts and
        # COMMIT one after the other, 43 round trips.
        syncs = [line for line in trace.read_text().splitlines() if line.startswith("F") and "Sync" in line]
        assert 1 <= len(syncs) <= 2, len(syncs)
        assert db.one("SELECT COUNT(*), SUM(n) FROM visits") == (40, sum(range(40)))
        # A batch that fails is rolled back as a whole, and the connection serves the next statement.
        with pytest.raises(psycopg.errors.UniqueViolation):  # (no event loop here: soon() flushes at once)
            db.soon([("INSERT INTO visits(username, n) VALUES (?, ?)", ("neu", 1)),
                     ("INSERT INTO visits(username, n) VALUES (?, ?)", ("u3", 3))])  # u3 exists: refused
        assert db.one("SELECT COUNT(*) FROM visits WHERE username='neu'") == (0,)
        with db.transaction():  # inside a transaction, collected writes join it
            db.soon([("INSERT INTO visits(username, n) VALUES (?, ?)", ("später", 7))])
            db.execute("UPDATE visits SET n = n + 1 WHERE username='u1'")
        assert db.one("SELECT n FROM visits WHERE username='später'") == (7,)
        assert db.one("SELECT n FROM visits WHERE username='u1'") == (2,)
    finally:
        db.close()


def test_a_restarted_node_reads_todays_first_seen_times_once(tmp_path: Path) -> None:
    db = Database.open(tmp_path / "office.sqlite3")
    migrate(db, (SCHEMA,))
    before = FirstSeenStore(db)
    seen = datetime(2026, 12, 2, 7, 30, tzinfo=UTC)
    for n in range(20):
        before.mark_seen(f"u{n}", TODAY, seen)
    db.flush()
    after = FirstSeenStore(db)  # the node after a restart: everyone logs in again
    statements: list[str] = []
    db._db.set_trace_callback(statements.append)
    try:
        moments = [after.mark_seen(f"u{n}", TODAY, datetime(2026, 12, 2, 9, 0, tzinfo=UTC)) for n in range(20)]
        newcomer = after.mark_seen("neu", TODAY, datetime(2026, 12, 2, 9, 1, tzinfo=UTC))
    finally:
        db._db.set_trace_callback(None)
    assert moments == [seen] * 20  # still the first time of the day, from before the restart
    assert newcomer == datetime(2026, 12, 2, 9, 1, tzinfo=UTC)
    reads = [s for s in statements if s.startswith("SELECT")]
    # One read of today's times, one for the newcomer (another node may have seen them meanwhile);
    # before, every login asked: 21 reads.
    assert len(reads) == 2, reads
    db.close()
