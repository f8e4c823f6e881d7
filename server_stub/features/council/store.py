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

A vote still open when the backend stops, or when the cluster node running its session is lost, is void
(it is repeated): its counts were never written. The voiding is an event of the session (``vote_void``),
so the chair is told and the minutes say so.

In a cluster one node runs a session (``council_owners``: the node and until when its lease holds, see
owners.py); a second session in a room is refused by the database itself (a unique index over the
running sessions' rooms), whichever node two chairs start it from.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import datetime

import psycopg

from dvz_desktop.core.council.agenda import AgendaItem
from dvz_desktop.core.council.session import VoidedVote
from dvz_desktop.core.council.votes import VoteResult

from ...db import Database, Migration, Schema, from_db, sql_for, to_db
from .owners import SessionLeases

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
    Migration(2, "one running session per room, enforced; the node that runs each session", (
        # Older databases could hold two running sessions in a room (two nodes): the newest one stays.
        """UPDATE council_sessions SET ended_at = started_at WHERE ended_at IS NULL AND EXISTS (
            SELECT 1 FROM council_sessions newer WHERE newer.room_id = council_sessions.room_id
            AND newer.ended_at IS NULL AND (newer.started_at > council_sessions.started_at OR
            (newer.started_at = council_sessions.started_at AND newer.session_id > council_sessions.session_id)))""",
        "CREATE UNIQUE INDEX IF NOT EXISTS council_sessions_one_per_room ON council_sessions(room_id) "
        "WHERE ended_at IS NULL",
        sql_for(lambda d: d.keyed_table("""CREATE TABLE IF NOT EXISTS council_owners (
            session_id TEXT NOT NULL,
            node       TEXT NOT NULL,
            node_key   TEXT NOT NULL,
            until      DOUBLE PRECISION NOT NULL,
            PRIMARY KEY (session_id)
        )""")),
    )),
))


class RoomTaken(Exception):
    """A session runs in this room already."""


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
        """Store a new session; :class:`RoomTaken` when one runs in the room already (started through
        another node a moment ago)."""
        try:
            self._db.execute(
                "INSERT INTO council_sessions(session_id, room_id, body_id, title, public, moderators, started_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (session_id, room_id, body_id, title, int(public), ",".join(sorted(moderators)), to_db(started_at)))
        except (sqlite3.IntegrityError, psycopg.IntegrityError):
            raise RoomTaken(room_id) from None

    def transaction(self) -> AbstractContextManager[None]:
        return self._db.transaction()

    def leases(self, node_id: str, node_key: str = "") -> SessionLeases:
        """The leases of the sessions ``node_id`` runs (cluster mode), published with its public key."""
        return SessionLeases(self._db, node_id, node_key=node_key)

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

    def running_in_room(self, room_id: str) -> str | None:
        """The id of the session running in the room, if any (one at most: the unique index)."""
        row = self._db.one("SELECT session_id FROM council_sessions WHERE room_id=? AND ended_at IS NULL",
                           (room_id,))
        return str(row[0]) if row else None

    def running(self, session_id: str | None = None) -> list[StoredSession]:
        """Sessions not ended (to take up again after a restart), or the one of ``session_id``."""
        found = []
        for row in self._db.all("SELECT session_id, room_id, body_id, title, public, moderators, started_at, "
                                "current_item FROM council_sessions WHERE ended_at IS NULL"
                                + (" AND session_id=?" if session_id else ""), (session_id,) if session_id else ()):
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

    def close_open_stays(self, at: datetime, session_id: str | None = None) -> None:
        """After a restart (or the node running ``session_id`` was lost): stays end about now; whoever is
        still there is entered anew by the node that takes the session up."""
        if session_id is None:
            self._db.execute("UPDATE council_stays SET left_at=? WHERE left_at IS NULL", (to_db(at),))
        else:
            self._db.execute("UPDATE council_stays SET left_at=? WHERE left_at IS NULL AND session_id=?",
                             (to_db(at), session_id))

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

    def void_open_votes(self, at: datetime, session_id: str | None = None) -> list[VoidedVote]:
        """Votes left open by a stop (of every session, or of ``session_id`` whose node was lost) are void:
        their participation goes with them (they are repeated), and the session notes it (``vote_void``)."""
        where = "closed_at IS NULL" + (" AND session_id=?" if session_id else "")
        voided = []
        with self._db.transaction():
            for vote_id, sid, question in self._db.all(f"SELECT vote_id, session_id, question FROM council_votes "
                                                       f"WHERE {where}", (session_id,) if session_id else ()):
                self._db.execute("DELETE FROM council_participation WHERE vote_id=?", (vote_id,))
                self._db.execute("DELETE FROM council_named_ballots WHERE vote_id=?", (vote_id,))
                self._db.execute("DELETE FROM council_votes WHERE vote_id=?", (vote_id,))
                self.event(sid, at, "vote_void", None, f"{vote_id}:{question}")
                voided.append(VoidedVote(vote_id, question, at))
        return voided

    def voided_of(self, session_id: str) -> list[VoidedVote]:
        return [VoidedVote(*detail.partition(":")[::2], at) for at, kind, _, detail in self.events_of(session_id)
                if kind == "vote_void"]

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
