"""A secret vote's rows in the database cannot be linked to the voters: reading every table of the real
backend's database shows who took part and, apart from that, the counts — no choice next to a person,
no order of the ballots, no time per ballot, and no count before the vote is closed. The same on the
SQLite file, on PostgreSQL and on a cluster of two nodes (the members' ballots reach the node that runs
the session over the relay, and still only that node's memory holds the counts until the vote closes)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import psycopg
import pytest

from .council_people import MEMBERS, SAAL, Council, council_fixture  # noqa: F401  (the fixture)

CHOICES = ("yes", "no", "abstain")
CLUSTER_READY = True


def read_everything(database: Path | str) -> dict[str, tuple[list[str], list[tuple[object, ...]]]]:
    """Every table with its columns and rows, read the way anyone with the file (or the database) could."""
    if isinstance(database, str):
        with psycopg.connect(database) as pg:
            tables = [r[0] for r in pg.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")]
            found = {}
            for table in tables:
                cursor = pg.execute(f'SELECT * FROM "{table}"')  # noqa: S608 (table names from pg_tables)
                found[table] = ([d.name for d in cursor.description or ()], cursor.fetchall())
            return found
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as db:
        tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        found = {}
        for table in tables:
            cursor = db.execute(f'SELECT * FROM "{table}"')  # noqa: S608 (table names from sqlite_master)
            found[table] = ([d[0] for d in cursor.description], cursor.fetchall())
        return found


def rows_mentioning(everything: dict[str, tuple[list[str], list[tuple[object, ...]]]], value: str
                    ) -> dict[str, list[dict[str, object]]]:
    return {table: [dict(zip(columns, row, strict=True)) for row in rows if value in row]
            for table, (columns, rows) in everything.items() if any(value in row for row in rows)}


async def test_a_secret_ballot_leaves_participation_and_counts_apart_and_nothing_links_them(council: Council) -> None:
    await council.walk_in("landrat", *MEMBERS)
    chair = council.chair
    sid = await chair.council.start(SAAL, "Geheime Wahl", body_id="uva")
    vote_id = await chair.council.open_vote(sid, "secret", "Benennung des Vertreters im Zweckverband")
    # Reverse alphabetical order, and a choice pattern that would show in any order or timing.
    voters = list(reversed(MEMBERS[:9]))
    ballots = dict(zip(voters, ["yes", "yes", "no", "yes", "abstain", "no", "yes", "yes", "no"], strict=True))
    for person, choice in ballots.items():
        council.clock.advance(seconds=7)  # time passes between ballots: none of it may be kept
        await council[person].council.ballot(sid, vote_id, choice)

    # While the vote is open, the database holds who took part, and no count at all.
    during = read_everything(council.database)
    vote_row = rows_mentioning(during, vote_id)["council_votes"][0]
    assert (vote_row["yes"], vote_row["no"], vote_row["abstain"], vote_row["closed_at"]) == (None, None, None, None)

    await chair.council.close_vote(sid)
    state = await council["rat10"].state(lambda s: len(s.results) == 1)
    assert (state.results[0].yes, state.results[0].no, state.results[0].abstain) == (5, 3, 1)

    everything = read_everything(council.database)
    mentioned = rows_mentioning(everything, vote_id)
    # Exactly two places know the vote: the participation list and the vote with its counts.
    assert set(mentioned) == {"council_participation", "council_votes"}
    participation = mentioned["council_participation"]
    assert set(everything["council_participation"][0]) == {"vote_id", "person_id"}  # no time, no choice, no number
    if isinstance(council.database, Path):
        assert [row["person_id"] for row in participation] == sorted(voters)  # key order, not voting order
        with sqlite3.connect(f"file:{council.database}?mode=ro", uri=True) as db, \
                pytest.raises(sqlite3.OperationalError):
            db.execute("SELECT rowid FROM council_participation")  # no hidden row numbers in insertion order
    else:  # PostgreSQL keeps rows as written (its hidden ctid/xmin follow the order): the choices are not there
        assert sorted(row["person_id"] for row in participation) == sorted(voters)
    (vote,) = mentioned["council_votes"]
    assert (vote["yes"], vote["no"], vote["abstain"]) == (5, 3, 1)
    assert not any(person in vote.values() for person in MEMBERS)  # the counts name nobody
    assert rows_mentioning(everything, vote_id).get("council_named_ballots") is None
    # Nowhere in the whole database does a voter's id stand in one row with a choice.
    for table, (_, rows) in everything.items():
        for row in rows:
            assert not (set(row) & set(voters) and set(row) & set(CHOICES)), (table, row)
    # The only times of this vote are its opening and closing, not one per ballot.
    stamps = [v for row in mentioned["council_votes"] for k, v in row.items() if k.endswith("_at")]
    assert len(stamps) == 2


async def test_a_named_vote_keeps_the_record_and_an_open_one_only_the_counts(council: Council) -> None:
    await council.walk_in("landrat", *MEMBERS[:3])
    chair = council.chair
    sid = await chair.council.start(SAAL, "Sitzung", body_id="uva")
    named = await chair.council.open_vote(sid, "named", "Namentlich")
    for person, choice in zip(MEMBERS[:3], ("yes", "no", "yes"), strict=True):
        await council[person].council.ballot(sid, named, choice)
    await chair.council.close_vote(sid)
    open_vote = await chair.council.open_vote(sid, "open", "Offen")
    for person, choice in zip(MEMBERS[:3], ("no", "no", "yes"), strict=True):
        await council[person].council.ballot(sid, open_vote, choice)
    await chair.council.close_vote(sid)
    everything = read_everything(council.database)
    record = rows_mentioning(everything, named)["council_named_ballots"]
    assert sorted((r["person_id"], r["choice"]) for r in record) == [("rat01", "yes"), ("rat02", "no"),
                                                                       ("rat03", "yes")]
    assert "council_named_ballots" not in rows_mentioning(everything, open_vote)
