"""What the backend keeps for sign-on and the directory sync (SQLite, the backend's one database file):

* ``identity_subjects`` — the provider's subject an account is bound to (core/claims.py);
* ``oidc_sessions`` — for a DVZ session that came from the provider: its subject, the provider's
  refresh token (it never leaves the backend) and when to refresh next;
* ``directory_people`` / ``directory_photos`` — the people as the last good sync read them, those who
  left (kept ``keep_leavers_days``, then deleted; docs/privacy.md), their assigned office;
* ``directory_syncs`` — each sync's outcome, so administrators see why the last one failed;
* ``audit_log`` — admin actions and what the sync did to accounts: who, what, when; never contents.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from dvz_desktop.core.directory_sync import LeaveReason, Profile

from ..db import Database, Migration, Schema, from_db, to_db

SCHEMA = Schema("identity", (
    Migration(1, "subjects, provider sessions, directory people and portraits, sync runs, audit log", (
        """CREATE TABLE IF NOT EXISTS identity_subjects (
            username TEXT PRIMARY KEY,
            subject  TEXT NOT NULL UNIQUE,
            bound_at TEXT NOT NULL
        )""",
        """CREATE TABLE IF NOT EXISTS oidc_sessions (
            token_hash      TEXT PRIMARY KEY,
            username        TEXT NOT NULL,
            subject         TEXT NOT NULL,
            refresh_token   TEXT,
            next_refresh_at TEXT NOT NULL
        )""",
        "CREATE INDEX IF NOT EXISTS oidc_sessions_due ON oidc_sessions(next_refresh_at)",
        """CREATE TABLE IF NOT EXISTS directory_people (
            username     TEXT PRIMARY KEY,
            dn           TEXT NOT NULL,
            display_name TEXT NOT NULL,
            unit         TEXT NOT NULL,
            phone        TEXT NOT NULL,
            mail         TEXT NOT NULL,
            photo_digest TEXT NOT NULL,
            groups       TEXT NOT NULL,
            stamp        TEXT NOT NULL,
            home_room    TEXT,
            state        TEXT NOT NULL CHECK (state IN ('active', 'left')),
            left_at      TEXT,
            left_reason  TEXT
        )""",
        """CREATE TABLE IF NOT EXISTS directory_photos (
            username TEXT PRIMARY KEY,
            digest   TEXT NOT NULL,
            data     BLOB NOT NULL
        )""",
        """CREATE TABLE IF NOT EXISTS directory_syncs (
            id          INTEGER PRIMARY KEY,
            started_at  TEXT NOT NULL,
            finished_at TEXT NOT NULL,
            outcome     TEXT NOT NULL,
            summary     TEXT NOT NULL,
            problem     TEXT NOT NULL DEFAULT ''
        )""",
        """CREATE TABLE IF NOT EXISTS audit_log (
            id     INTEGER PRIMARY KEY,
            at     TEXT NOT NULL,
            actor  TEXT NOT NULL,
            action TEXT NOT NULL,
            target TEXT NOT NULL,
            detail TEXT NOT NULL DEFAULT ''
        )""",
        "CREATE INDEX IF NOT EXISTS audit_log_at ON audit_log(at)",
    )),
))


_OIDC_COLUMNS = "token_hash, username, subject, refresh_token, next_refresh_at"


@dataclass(frozen=True)
class OidcSession:
    token_hash: str
    username: str
    subject: str
    refresh_token: str | None
    next_refresh_at: datetime


@dataclass(frozen=True)
class SyncRun:
    started_at: datetime
    finished_at: datetime
    outcome: str
    summary: dict[str, int]
    problem: str


@dataclass(frozen=True)
class AuditEntry:
    at: datetime
    actor: str
    action: str
    target: str
    detail: str


class IdentityStore:
    def __init__(self, db: Database) -> None:
        self._db = db

    @property
    def db(self) -> Database:
        return self._db

    # --- subjects ---

    def subject_of(self, username: str) -> str | None:
        row = self._db.execute("SELECT subject FROM identity_subjects WHERE username=?", (username,)).fetchone()
        return row[0] if row else None

    def username_of_subject(self, subject: str) -> str | None:
        row = self._db.execute("SELECT username FROM identity_subjects WHERE subject=?", (subject,)).fetchone()
        return row[0] if row else None

    def bind_subject(self, username: str, subject: str, now: datetime) -> None:
        self._db.execute("INSERT INTO identity_subjects(username, subject, bound_at) VALUES (?, ?, ?) "
                         "ON CONFLICT DO NOTHING",
                         (username, subject, to_db(now)))

    # --- sessions from the provider ---

    def add_oidc_session(self, token_hash: str, username: str, subject: str, refresh_token: str | None,
                         next_refresh_at: datetime) -> None:
        self._db.execute("INSERT INTO oidc_sessions(token_hash, username, subject, refresh_token, next_refresh_at) "
                         "VALUES (?, ?, ?, ?, ?)",
                         (token_hash, username, subject, refresh_token, to_db(next_refresh_at)))

    def oidc_session(self, token_hash: str) -> OidcSession | None:
        row = self._db.one(f"SELECT {_OIDC_COLUMNS} FROM oidc_sessions WHERE token_hash=?", (token_hash,))
        return _oidc(row) if row else None

    def due_oidc_sessions(self, now: datetime, limit: int = 100) -> list[OidcSession]:
        rows = self._db.execute(f"SELECT {_OIDC_COLUMNS} FROM oidc_sessions "
                                "WHERE next_refresh_at <= ? ORDER BY next_refresh_at LIMIT ?", (to_db(now), limit))
        return [_oidc(row) for row in rows.fetchall()]

    def refreshed(self, token_hash: str, refresh_token: str | None, next_refresh_at: datetime) -> None:
        self._db.execute("UPDATE oidc_sessions SET refresh_token=COALESCE(?, refresh_token), next_refresh_at=? "
                         "WHERE token_hash=?", (refresh_token, to_db(next_refresh_at), token_hash))

    def drop_oidc_session(self, token_hash: str) -> str | None:
        """Forget a session's provider tokens; returns its refresh token (to revoke it at the provider)."""
        row = self._db.execute("SELECT refresh_token FROM oidc_sessions WHERE token_hash=?", (token_hash,)).fetchone()
        self._db.execute("DELETE FROM oidc_sessions WHERE token_hash=?", (token_hash,))
        return row[0] if row else None

    def drop_oidc_sessions_of(self, username: str) -> list[str]:
        rows = self._db.execute("SELECT refresh_token FROM oidc_sessions WHERE username=?", (username,)).fetchall()
        self._db.execute("DELETE FROM oidc_sessions WHERE username=?", (username,))
        return [row[0] for row in rows if row[0]]

    def purge_oidc_sessions(self) -> None:
        """Provider tokens of sessions that no longer exist (expired and purged, revoked)."""
        self._db.execute("DELETE FROM oidc_sessions WHERE token_hash NOT IN "
                         "(SELECT token_hash FROM sessions WHERE revoked_at IS NULL)")

    # --- directory people ---

    def active_profiles(self) -> dict[str, Profile]:
        rows = self._db.execute("SELECT username, dn, display_name, unit, phone, mail, photo_digest, groups, stamp "
                                "FROM directory_people WHERE state='active'")
        return {row[0]: Profile(row[0], row[1], row[2], row[3], row[4], row[5], row[6], frozenset(json.loads(row[7])),
                                False, row[8]) for row in rows.fetchall()}

    def left_usernames(self) -> set[str]:
        return {row[0] for row in self._db.execute("SELECT username FROM directory_people WHERE state='left'")}

    def home_rooms(self) -> dict[str, str]:
        rows = self._db.execute("SELECT username, home_room FROM directory_people WHERE home_room IS NOT NULL")
        return {row[0]: row[1] for row in rows.fetchall()}

    def save_profile(self, profile: Profile, home_room: str | None = None) -> None:
        """Insert or update an active person; an existing home room is kept unless a new one is given."""
        self._db.execute(
            "INSERT INTO directory_people(username, dn, display_name, unit, phone, mail, photo_digest, groups, stamp, "
            "home_room, state) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'active') ON CONFLICT(username) DO UPDATE SET "
            "dn=excluded.dn, display_name=excluded.display_name, unit=excluded.unit, phone=excluded.phone, "
            "mail=excluded.mail, photo_digest=excluded.photo_digest, groups=excluded.groups, stamp=excluded.stamp, "
            "home_room=COALESCE(excluded.home_room, directory_people.home_room), state='active', left_at=NULL, "
            "left_reason=NULL",
            (profile.username, profile.dn, profile.display_name, profile.unit, profile.phone, profile.mail,
             profile.photo_digest, json.dumps(sorted(profile.groups)), profile.stamp, home_room))

    def mark_left(self, username: str, reason: LeaveReason, now: datetime) -> None:
        """Someone left: their portrait goes at once; the record waits out the retention (privacy.md)."""
        self._db.execute("UPDATE directory_people SET state='left', left_at=?, left_reason=? WHERE username=?",
                         (to_db(now), reason.value, username))
        self._db.execute("DELETE FROM directory_photos WHERE username=?", (username,))

    def purge_leavers(self, now: datetime, keep_days: int) -> list[str]:
        cutoff = to_db(now - timedelta(days=keep_days))
        gone = [row[0] for row in self._db.execute(
            "SELECT username FROM directory_people WHERE state='left' AND left_at < ?", (cutoff,)).fetchall()]
        for username in gone:
            self._db.execute("DELETE FROM directory_people WHERE username=?", (username,))
            self._db.execute("DELETE FROM identity_subjects WHERE username=?", (username,))
        return gone

    def save_photo(self, username: str, digest: str, data: bytes | None) -> None:
        if data is None:
            self._db.execute("DELETE FROM directory_photos WHERE username=?", (username,))
            return
        self._db.execute("INSERT INTO directory_photos(username, digest, data) VALUES (?, ?, ?) ON CONFLICT(username) "
                         "DO UPDATE SET digest=excluded.digest, data=excluded.data", (username, digest, data))

    def photos(self) -> dict[str, bytes]:
        return {row[0]: bytes(row[1]) for row in self._db.execute(
            "SELECT p.username, p.data FROM directory_photos p JOIN directory_people d USING(username) "
            "WHERE d.state='active'").fetchall()}

    # --- sync runs ---

    def record_sync(self, started: datetime, finished: datetime, outcome: str, summary: dict[str, int],
                    problem: str = "") -> None:
        self._db.execute("INSERT INTO directory_syncs(started_at, finished_at, outcome, summary, problem) "
                         "VALUES (?, ?, ?, ?, ?)",
                         (to_db(started), to_db(finished), outcome, json.dumps(summary), problem))
        # The outcome of the last few hundred runs is plenty to see a pattern.
        self._db.execute("DELETE FROM directory_syncs WHERE id <= (SELECT MAX(id) FROM directory_syncs) - 500")

    def last_syncs(self, limit: int = 10) -> list[SyncRun]:
        rows = self._db.execute("SELECT started_at, finished_at, outcome, summary, problem FROM directory_syncs "
                                "ORDER BY id DESC LIMIT ?", (limit,)).fetchall()
        return [SyncRun(from_db(r[0]), from_db(r[1]), r[2], json.loads(r[3]), r[4])
                for r in rows]

    # --- audit log ---

    def audit(self, now: datetime, actor: str, action: str, target: str, detail: str = "") -> None:
        self._db.execute("INSERT INTO audit_log(at, actor, action, target, detail) VALUES (?, ?, ?, ?, ?)",
                         (to_db(now), actor, action, target, detail))

    def audit_many(self, now: datetime, actor: str, entries: Iterable[tuple[str, str, str]]) -> None:
        self._db.executemany("INSERT INTO audit_log(at, actor, action, target, detail) VALUES (?, ?, ?, ?, ?)",
                             [(to_db(now), actor, action, target, detail) for action, target, detail in entries])

    def audit_entries(self, limit: int = 100) -> list[AuditEntry]:
        rows = self._db.execute("SELECT at, actor, action, target, detail FROM audit_log ORDER BY id DESC LIMIT ?",
                                (limit,)).fetchall()
        return [AuditEntry(from_db(r[0]), r[1], r[2], r[3], r[4]) for r in rows]

    def purge_audit(self, now: datetime, keep_days: int) -> int:
        cutoff = to_db(now - timedelta(days=keep_days))
        return self._db.execute("DELETE FROM audit_log WHERE at < ?", (cutoff,)).rowcount


def _oidc(row: tuple[str, str, str, str | None, str]) -> OidcSession:
    return OidcSession(row[0], row[1], row[2], row[3], from_db(row[4]))
