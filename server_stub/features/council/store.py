"""Council sessions in the database: what the minutes need, and votes kept so that a secret one stays secret.

What is stored per session: its settings, the agenda, the minute-taker's notes, every stay of a person
(arrival, leaving, hall or remote), every speech (who, which item, when), disruptions (lost connections,
the quorum gained or lost), and the votes with their results.

Votes, and why a secret one cannot be linked to anyone:

* ``council_participation`` holds (vote, person) for everyone who voted in any vote: no time, no
  sequence, and no row id (a table keyed by its primary key: rows are kept in the order of the key, so
  the order people voted in is not there either).
* The counts are written once, into ``council_votes``, when the vote is closed — never a row per ballot
  and never a count that grows ballot by ballot, so no state of the database between two ballots says
  which choice came with which participant.
* Only a named vote (namentliche Abstimmung) writes each member's choice, into ``council_named_ballots``.

A vote still open when the backend stops is void (it is repeated): its counts were never written.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from dvz_desktop.core.council.agenda import AgendaItem
from dvz_desktop.core.council.votes import VoteResult

from ...db import Database, Migration, Schema, from_db, sql_for, to_db

SCHEMA = Schema("council", (
    Migration(1, "council sessions, agenda, attendance, speeches, votes", (
        """CREATE TABLE IF NOT EXISTS council_sessions (
            session_id   TEXT PRIMARY KEY,
            room_id      TEXT NOT NULL,
            body_id      TEXT,
            title        TEXT NOT NULL,
            public       INTEGER NOT NULL,
            moderators   TEXT NOT NULL,
            started_at   TEXT NOT NULL,
            ended_at     TEXT,
            current_item INTEGER
        )""",
        sql_for(lambda d: d.keyed_table("""CREATE TABLE IF NOT EXISTS council_agenda (
            session_id TEXT NOT NULL,
            position   INTEGER NOT NULL,
            number     TEXT NOT NULL,
            title      TEXT NOT NULL,
            public     INTEGER NOT NULL,
            PRIMARY KEY (session_id, position)
        )""")),
        sql_for(lambda d: d.keyed_table("""CREATE TABLE IF NOT EXISTS council_notes (
            session_id TEXT NOT NULL,
            item_index INTEGER NOT NULL,
            text       TEXT NOT NULL,
            PRIMARY KEY (session_id, item_index)
        )""")),
        """CREATE TABLE IF NOT EXISTS council_stays (
            session_id TEXT NOT NULL,
            person_id  TEXT NOT NULL,
            mode       TEXT NOT NULL,
            arrived    TEXT NOT NULL,
            left_at    TEXT
        )""",
        "CREATE INDEX IF NOT EXISTS council_stays_session ON council_stays(session_id, person_id)",
        """CREATE TABLE IF NOT EXISTS council_speeches (
            session_id TEXT NOT NULL,
            item_index INTEGER,
            person_id  TEXT NOT NULL,
            kind       TEXT NOT NULL,
            since      TEXT NOT NULL
        )""",
        "CREATE INDEX IF NOT EXISTS council_speeches_session ON council_speeches(session_id)",
        """CREATE TABLE IF NOT EXISTS council_events (
            session_id TEXT NOT NULL,
            at         TEXT NOT NULL,
            kind       TEXT NOT NULL,
            person_id  TEXT,
            detail     TEXT NOT NULL
        )""",
        "CREATE INDEX IF NOT EXISTS council_events_session ON council_events(session_id)",
        """CREATE TABLE IF NOT EXISTS council_votes (
            vote_id    TEXT PRIMARY KEY,
            session_id TEXT NOT NULL,
            kind       TEXT NOT NULL,
            question   TEXT NOT NULL,
            election   INTEGER NOT NULL,
            item_index INTEGER,
            opened_at  TEXT NOT NULL,
            closed_at  TEXT,
            yes        INTEGER,
            no         INTEGER,
            abstain    INTEGER
        )""",
        "CREATE INDEX IF NOT EXISTS council_votes_session ON council_votes(session_id)",
        sql_for(lambda d: d.keyed_table("""CREATE TABLE IF NOT EXISTS council_participation (
            vote_id   TEXT NOT NULL,
            person_id TEXT NOT NULL,
            PRIMARY KEY (vote_id, person_id)
        )""")),
        sql_for(lambda d: d.keyed_table("""CREATE TABLE IF NOT EXISTS council_named_ballots (
            vote_id   TEXT NOT NULL,
            person_id TEXT NOT NULL,
            choice    TEXT NOT NULL,
            PRIMARY KEY (vote_id, person_id)
        )""")),
    )),
))


@dataclass(frozen=True)
class StoredSession:
    session_id: str
    room_id: str
    body_id: str | None
    title: str
    public: bool
    moderators: frozenset[str]
    started_at: datetime
    current_item: int | None
    agenda: list[AgendaItem]
    notes: dict[int, str]


class CouncilStore:
    def __init__(self, db: Database) -> None:
        self._db = db

    # --- sessions ---

    def add_session(self, session_id: str, room_id: str, body_id: str | None, title: str, public: bool,
                    moderators: Iterable[str], started_at: datetime) -> None:
        self._db.execute(
            "INSERT INTO council_sessions(session_id, room_id, body_id, title, public, moderators, started_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (session_id, room_id, body_id, title, int(public), ",".join(sorted(moderators)), to_db(started_at)))

    def end_session(self, session_id: str, at: datetime) -> None:
        with self._db.transaction():
            self._db.execute("UPDATE council_sessions SET ended_at=? WHERE session_id=?", (to_db(at), session_id))
            self._db.execute("UPDATE council_stays SET left_at=? WHERE session_id=? AND left_at IS NULL",
                             (to_db(at), session_id))

    def set_current_item(self, session_id: str, index: int | None) -> None:
        self._db.execute("UPDATE council_sessions SET current_item=? WHERE session_id=?", (index, session_id))

    def set_agenda(self, session_id: str, items: list[AgendaItem]) -> None:
        with self._db.transaction():
            self._db.execute("DELETE FROM council_agenda WHERE session_id=?", (session_id,))
            self._db.executemany(
                "INSERT INTO council_agenda(session_id, position, number, title, public) VALUES (?, ?, ?, ?, ?)",
                [(session_id, n, i.number, i.title, int(i.public)) for n, i in enumerate(items)])
            self._db.execute("UPDATE council_sessions SET current_item=NULL WHERE session_id=?", (session_id,))

    def set_notes(self, session_id: str, item_index: int, text: str) -> None:
        self._db.execute(
            "INSERT INTO council_notes(session_id, item_index, text) VALUES (?, ?, ?) "
            "ON CONFLICT(session_id, item_index) DO UPDATE SET text=excluded.text", (session_id, item_index, text))

    def running(self) -> list[StoredSession]:
        """Sessions not ended (to take up again after a restart)."""
        found = []
        for row in self._db.all("SELECT session_id, room_id, body_id, title, public, moderators, started_at, "
                                "current_item FROM council_sessions WHERE ended_at IS NULL"):
            agenda = [AgendaItem(n, t, bool(p)) for n, t, p in self._db.all(
                "SELECT number, title, public FROM council_agenda WHERE session_id=? ORDER BY position", (row[0],))]
            notes = {i: t for i, t in self._db.all("SELECT item_index, text FROM council_notes WHERE session_id=?",
                                                   (row[0],))}
            found.append(StoredSession(row[0], row[1], row[2], row[3], bool(row[4]),
                                       frozenset(filter(None, row[5].split(","))), from_db(row[6]), row[7],
                                       agenda, notes))
        return found

    # --- attendance, speeches, disruptions ---

    def arrive(self, session_id: str, person_id: str, mode: str, at: datetime) -> None:
        self._db.execute("INSERT INTO council_stays(session_id, person_id, mode, arrived) VALUES (?, ?, ?, ?)",
                         (session_id, person_id, mode, to_db(at)))

    def leave(self, session_id: str, person_id: str, at: datetime) -> None:
        self._db.execute("UPDATE council_stays SET left_at=? WHERE session_id=? AND person_id=? AND left_at IS NULL",
                         (to_db(at), session_id, person_id))

    def close_open_stays(self, at: datetime) -> None:
        """After a restart: nobody is connected any more; stays end when the backend stopped (about now)."""
        self._db.execute("UPDATE council_stays SET left_at=? WHERE left_at IS NULL", (to_db(at),))

    def speech(self, session_id: str, item_index: int | None, person_id: str, kind: str, since: datetime) -> None:
        self._db.execute("INSERT INTO council_speeches(session_id, item_index, person_id, kind, since) "
                         "VALUES (?, ?, ?, ?, ?)", (session_id, item_index, person_id, kind, to_db(since)))

    def event(self, session_id: str, at: datetime, kind: str, person_id: str | None, detail: str) -> None:
        self._db.execute("INSERT INTO council_events(session_id, at, kind, person_id, detail) VALUES (?, ?, ?, ?, ?)",
                         (session_id, to_db(at), kind, person_id, detail))

    # --- votes ---

    def open_vote(self, session_id: str, vote_id: str, kind: str, question: str, election: bool,
                  item_index: int | None, opened_at: datetime) -> None:
        self._db.execute(
            "INSERT INTO council_votes(vote_id, session_id, kind, question, election, item_index, opened_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)", (vote_id, session_id, kind, question, int(election), item_index,
                                             to_db(opened_at)))

    def took_part(self, vote_id: str, person_id: str, named_choice: str | None) -> None:
        """One ballot: who took part; the choice only for a named vote."""
        with self._db.transaction():
            self._db.execute("INSERT INTO council_participation(vote_id, person_id) VALUES (?, ?)",
                             (vote_id, person_id))
            if named_choice is not None:
                self._db.execute("INSERT INTO council_named_ballots(vote_id, person_id, choice) VALUES (?, ?, ?)",
                                 (vote_id, person_id, named_choice))

    def close_vote(self, result: VoteResult) -> None:
        tally = result.tally
        self._db.execute("UPDATE council_votes SET closed_at=?, yes=?, no=?, abstain=? WHERE vote_id=?",
                         (to_db(result.closed_at), tally.yes, tally.no, tally.abstain, result.vote_id))

    def void_open_votes(self) -> int:
        """Votes left open by a stop are void: their participation goes with them (they are repeated)."""
        with self._db.transaction():
            open_ids = [r[0] for r in self._db.all("SELECT vote_id FROM council_votes WHERE closed_at IS NULL")]
            for vote_id in open_ids:
                self._db.execute("DELETE FROM council_participation WHERE vote_id=?", (vote_id,))
                self._db.execute("DELETE FROM council_named_ballots WHERE vote_id=?", (vote_id,))
                self._db.execute("DELETE FROM council_votes WHERE vote_id=?", (vote_id,))
        return len(open_ids)

    # --- for the minutes and after a restart ---

    def results_of(self, session_id: str) -> list[VoteResult]:
        from dvz_desktop.core.council.profiles import VoteKind
        from dvz_desktop.core.council.votes import Choice, Tally

        results = []
        for vote_id, kind, question, election, item, opened, closed, yes, no, abstain in self._db.all(
                "SELECT vote_id, kind, question, election, item_index, opened_at, closed_at, yes, no, abstain "
                "FROM council_votes WHERE session_id=? AND closed_at IS NOT NULL ORDER BY closed_at, vote_id",
                (session_id,)):
            record = tuple((p, Choice(c)) for p, c in self._db.all(
                "SELECT person_id, choice FROM council_named_ballots WHERE vote_id=? ORDER BY person_id", (vote_id,)))
            results.append(VoteResult(vote_id, VoteKind(kind), question, bool(election), Tally(yes, no, abstain),
                                      record, from_db(opened), from_db(closed), item))
        return results

    def stays_of(self, session_id: str) -> list[tuple[str, str, datetime, datetime | None]]:
        return [(p, m, from_db(a), from_db(left) if left else None) for p, m, a, left in self._db.all(
            "SELECT person_id, mode, arrived, left_at FROM council_stays WHERE session_id=? "
            "ORDER BY arrived, person_id",
            (session_id,))]

    def speeches_of(self, session_id: str) -> list[tuple[int | None, str, str, datetime]]:
        return [(i, p, k, from_db(s)) for i, p, k, s in self._db.all(
            "SELECT item_index, person_id, kind, since FROM council_speeches WHERE session_id=? ORDER BY since",
            (session_id,))]

    def events_of(self, session_id: str) -> list[tuple[datetime, str, str | None, str]]:
        return [(from_db(a), k, p, d) for a, k, p, d in self._db.all(
            "SELECT at, kind, person_id, detail FROM council_events WHERE session_id=? ORDER BY at", (session_id,))]

    def session_row(self, session_id: str) -> tuple[str, str | None, str, datetime, datetime | None] | None:
        row = self._db.one("SELECT room_id, body_id, title, started_at, ended_at FROM council_sessions "
                           "WHERE session_id=?", (session_id,))
        if row is None:
            return None
        return row[0], row[1], row[2], from_db(row[3]), from_db(row[4]) if row[4] else None

    def agenda_of(self, session_id: str) -> list[AgendaItem]:
        return [AgendaItem(n, t, bool(p)) for n, t, p in self._db.all(
            "SELECT number, title, public FROM council_agenda WHERE session_id=? ORDER BY position", (session_id,))]

    def notes_of(self, session_id: str) -> dict[int, str]:
        return {i: t for i, t in self._db.all("SELECT item_index, text FROM council_notes WHERE session_id=?",
                                              (session_id,))}
