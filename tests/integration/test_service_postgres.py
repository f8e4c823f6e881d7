"""The PostgreSQL fixture: a fresh database per test, reached with asyncpg; a server of a test's own
survives a stop and a SIGKILL with what was committed."""

from __future__ import annotations

import asyncpg
import pytest

from tests.services.postgres import PostgresServer, own_postgres, postgres_dsn, postgres_server  # noqa: F401


async def test_a_fresh_database_takes_a_table_and_gives_back_rows(postgres_dsn: str) -> None:  # noqa: F811
    conn = await asyncpg.connect(postgres_dsn)
    try:
        assert await conn.fetchval("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'") == 0
        await conn.execute("CREATE TABLE chat (position bigserial PRIMARY KEY, body text NOT NULL)")
        await conn.executemany("INSERT INTO chat (body) VALUES ($1)", [("Guten Morgen",), ("Grüß Gott",)])
        rows = await conn.fetch("SELECT position, body FROM chat ORDER BY position")
        assert [(r["position"], r["body"]) for r in rows] == [(1, "Guten Morgen"), (2, "Grüß Gott")]
        assert await conn.fetchval("SHOW server_encoding") == "UTF8"
    finally:
        await conn.close()


async def test_the_next_test_gets_another_empty_database(postgres_dsn: str,  # noqa: F811
                                                         postgres_server: PostgresServer) -> None:  # noqa: F811
    conn = await asyncpg.connect(postgres_dsn)
    try:
        assert await conn.fetchval("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'") == 0
    finally:
        await conn.close()
    print(f"PostgreSQL: initdb {postgres_server.initdb_took * 1000:.0f} ms, "
          f"start {postgres_server.started_in * 1000:.0f} ms")


async def test_a_wrong_password_is_refused(postgres_server: PostgresServer) -> None:  # noqa: F811
    with pytest.raises(asyncpg.InvalidPasswordError):
        await asyncpg.connect(postgres_server.dsn().replace(postgres_server.password, "falsch"))


async def test_committed_rows_survive_a_stop_and_a_kill(own_postgres: PostgresServer) -> None:  # noqa: F811
    conn = await asyncpg.connect(own_postgres.dsn())
    await conn.execute("CREATE TABLE visits (id int PRIMARY KEY)")
    await conn.execute("INSERT INTO visits VALUES (1)")
    own_postgres.stop()
    with pytest.raises((asyncpg.PostgresConnectionError, ConnectionError, OSError)):
        await conn.fetchval("SELECT 1")
    own_postgres.start()
    conn = await asyncpg.connect(own_postgres.dsn())
    await conn.execute("INSERT INTO visits VALUES (2)")
    own_postgres.kill()
    own_postgres.start()
    conn = await asyncpg.connect(own_postgres.dsn())
    try:
        assert [r["id"] for r in await conn.fetch("SELECT id FROM visits ORDER BY id")] == [1, 2]
    finally:
        await conn.close()
