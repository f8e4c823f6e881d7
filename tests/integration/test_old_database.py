"""A database written by the backend before its schemas had versions (main at ea23c78, made by
tests/fixtures/db_ea23c78/make_fixture.py) is taken over without loss: every store is migrated to its
latest version, every row reads back as it was written (the inbox's German sentences become the facts
they were made of), its schema ends up the same as a new database's, and a backend started on it lets
people in with their old password and their old session token and shows them what they had."""

from __future__ import annotations

import json
import shutil
import sqlite3
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pytest
from websockets.asyncio.client import connect

from dvz_desktop.core.clock import ManualClock
from dvz_desktop.protocol import (
    PROTOCOL_VERSION,
    AbsenceCategory,
    DoorState,
    InboxKind,
    OfficeHours,
    Weekday,
)
from server_stub.app import SCHEMAS, Backend, BackendConfig, open_database
from server_stub.db import DatabaseError, migrate
from server_stub.directory.orgfile import OrgFile
from server_stub.features.behaviour.store import BehaviourStore
from server_stub.features.chat.store import ChatStore
from server_stub.features.door.store import DoorStore
from server_stub.features.inbox.store import InboxStore
from server_stub.features.presence.store import FirstSeenStore
from server_stub.features.whiteboard.store import WhiteboardStore
from server_stub.net.accounts import AccountStore
from server_stub.net.auth import token_hash

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "db_ea23c78" / "dvz.sqlite3"
T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
ANNA_TOKEN = "fixture-token-anna-0123456789abcdef"
GUEST_TOKEN = "fixture-guest-token-0123456789abcdef"


@pytest.fixture
def old_data(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    data.mkdir()
    shutil.copyfile(FIXTURE, data / "dvz.sqlite3")
    return data


def _versions(path: Path) -> dict[str, int]:
    with sqlite3.connect(path) as raw:
        return dict(raw.execute("SELECT store, version FROM schema_versions").fetchall())


def test_the_fixture_is_an_unversioned_database_of_that_time() -> None:
    """The fixture really is the old format (so the test below proves something)."""
    with sqlite3.connect(FIXTURE) as raw:
        tables = {r[0] for r in raw.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        inbox_columns = {r[1] for r in raw.execute("PRAGMA table_info(inbox)")}
    assert "schema_versions" not in tables and {"accounts", "inbox", "chat_events", "guest_visits"} <= tables
    assert "subject" not in inbox_columns


def test_every_store_is_migrated_and_every_row_reads_back(old_data: Path) -> None:
    db = open_database(old_data / "dvz.sqlite3")
    try:
        assert _versions(old_data / "dvz.sqlite3") == {s.store: s.latest for s in SCHEMAS}
        assert migrate(db, SCHEMAS) == {s.store: (s.latest, s.latest) for s in SCHEMAS}  # again: nothing to do

        accounts = AccountStore(db)
        assert all(accounts.has_account(u) for u in ("anna", "bernd", "clara", "dora", "erik"))
        assert (accounts.password_hash("anna") or "").startswith("$argon2")
        anna = accounts.session(token_hash(ANNA_TOKEN))
        assert anna is not None and anna.username == "anna" and not anna.revoked
        bernd = accounts.session(token_hash("fixture-token-bernd-revoked-000000"))
        assert bernd is not None and bernd.revoked
        assert FirstSeenStore(db).first_seen_today("anna", T0.date()) == T0
        assert db.one("SELECT failures FROM login_failures WHERE username='dora'") == (1,)

        behaviour = BehaviourStore(db)
        doors = {d.room_id: d for d in behaviour.doors()}
        assert doors["kh-101"].state is DoorState.CLOSED and doors["kh-101"].note == "Bis 11 Uhr im Termin"
        assert doors["kh-101"].office_hours == (OfficeHours(weekday=Weekday.THURSDAY, start=time(14), end=time(18)),)
        assert doors["kh-sitz"].state is DoorState.LOCKED
        [absence] = behaviour.absences()
        assert (absence.person_id, absence.deputy_id, absence.category, absence.start) == (
            "bernd", "anna", AbsenceCategory.VACATION, date(2026, 3, 2))
        answered = behaviour.question("q-done")
        assert answered is not None and (answered.answer, answered.on_behalf_of) == ("Gern, 12 Uhr", "bernd")
        assert [q.question_id for q in behaviour.questions_of("erik")] == ["q-open", "q-done"]

        inbox = InboxStore(db)
        anna_items = {i.item_id: i for i in inbox.inbox_of("anna")}
        assert anna_items["i-missed"].kind is InboxKind.MISSED_KNOCK and anna_items["i-missed"].from_id == "erik"
        assert anna_items["i-message"].text == "Bitte zurückrufen <b>dringend</b>"  # a person's words stay as written
        handover = {i.item_id: (i.subject, i.outcome, i.text, i.answer, i.handled_by) for i in inbox.inbox_of("bernd")}
        assert handover == {
            "i-knock": ("anklopfen", "herein", "", "", "anna"),
            "i-knock-plain": ("anklopfen", "", "", "", "anna"),
            "i-invite": ("einladung", "angenommen", "", "", "anna"),
            "i-question": ("frage", "", "Mittagessen?", "Gern, 12 Uhr", "anna"),
        }
        door_items = {i.item_id: (i.guest_name, i.contact, i.text, i.note, i.room_id) for i in inbox.inbox_of("clara")}
        assert door_items == {
            "i-request": ("Max Muster", "0151 123", "Bitte um Rückruf", "", "rh-bb"),
            "i-callback": ("Erika Muster", "", "Bauantrag", "morgen ab 10 Uhr", "rh-bb"),
        }

        chat = ChatStore(db)
        direct = chat.conversation("dm:fixture")
        assert direct is not None and direct.members == ("anna", "bernd")
        events = chat.events_after("dm:fixture", 0)
        assert [(e.position, e.kind.value, e.body) for e in events] == [
            (1, "post", "Termin um 10 Uhr"), (2, "edit", "Termin um 11 Uhr"), (3, "post", "Versehen"),
            (4, "delete", "")]
        assert chat.post_of("dm:fixture", 1) == ("anna", True) and chat.post_of("dm:fixture", 3) == ("bernd", False)
        assert chat.read_position("anna", "dm:fixture") == 4 and chat.read_position("bernd", "dm:fixture") == 1
        assert sorted(chat.subscriptions("bernd")) == ["dm:fixture", "room:kh-kueche"]
        everywhere = [("dm:fixture", 0, 10**9), ("room:kh-kueche", 0, 10**9)]
        assert [h.body for h in chat.search(["kuche"], everywhere)] == ["Kuchen steht in der Küche"]  # umlaut folded
        assert [h.body for h in chat.search(["termin"], everywhere)] == ["Termin um 11 Uhr"]  # the edit is found
        assert chat.search(["versehen"], everywhere) == []  # the deleted post is not
        windows = db.all("SELECT username, first_position, last_position FROM chat_room_windows ORDER BY username")
        assert windows == [("bernd", 2, 2), ("erik", 1, 1)]

        board = WhiteboardStore(db).load("kh-sitz")
        assert board.seq == 3 and set(board.items) == {"fixture-w1", "fixture-w2"} and board.removed == {"fixture-w2"}
        assert board.items["fixture-w1"].text == "Tagesordnung"

        door = DoorStore(db)
        waiting = door.by_token(GUEST_TOKEN)
        assert waiting is not None and (waiting.name, waiting.concern, waiting.state) == (
            "Max Muster", "Ausweis verloren", "waiting")
        assert [v.visit_id for v in door.open_visits(T0)] == ["v-waiting"]
        assert door.count_rows("v-ended") == 3  # the visit and its two chat lines
    finally:
        db.close()


def _schema(path: Path) -> dict[str, object]:
    """Tables with their columns, and the names of indexes and triggers (not their SQL text: an old
    database keeps the spelling it was created with)."""
    with sqlite3.connect(path) as raw:
        objects = raw.execute("SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'").fetchall()
        tables = {name: [(c[1], c[2], c[3], c[4], c[5]) for c in raw.execute(f"PRAGMA table_info('{name}')")]
                  for kind, name in objects if kind == "table"}
    return {"tables": tables, "others": sorted((k, n) for k, n in objects if k != "table")}


def test_an_old_database_ends_up_with_the_schema_of_a_new_one(old_data: Path, tmp_path: Path) -> None:
    open_database(old_data / "dvz.sqlite3").close()
    open_database(tmp_path / "new" / "dvz.sqlite3").close()
    old, new = _schema(old_data / "dvz.sqlite3"), _schema(tmp_path / "new" / "dvz.sqlite3")
    assert old == new


async def test_people_come_back_to_what_they_had(old_data: Path, org_three: OrgFile) -> None:
    """A backend on the old database: Anna's remembered session still works, Bernd logs in with the
    password he had, and each finds their doors, inbox, conversations and messages."""
    clock = ManualClock(T0 + timedelta(hours=1))
    backend = Backend(org_three, BackendConfig(data_dir=old_data), clock=clock)
    port = await backend.start("127.0.0.1", 0)
    url = f"ws://127.0.0.1:{port}/ws"
    try:
        async with connect(url) as ws:
            await ws.send(json.dumps({"type": "hello", "id": "h1", "protocol_version": PROTOCOL_VERSION,
                                      "auth": {"method": "token", "token": ANNA_TOKEN}}))
            welcome = json.loads(await ws.recv())
            assert welcome["type"] == "welcome" and welcome["me"] == "anna"
            assert {i["item_id"] for i in welcome["inbox"]} == {"i-missed", "i-message"}
            doors = {d["room_id"]: d for d in welcome["doors"]}
            assert doors["kh-101"]["note"] == "Bis 11 Uhr im Termin" and doors["kh-102"]["deputy_id"] == "anna"
            assert {c["conv_id"] for c in welcome["conversations"]} >= {"dm:fixture"}
            await ws.send(json.dumps({"type": "chat_sync", "id": "s1", "positions": {"dm:fixture": 0}}))
            frames = [json.loads(await ws.recv()) for _ in range(2)]
            events = next(f for f in frames if f["type"] == "chat_events")["events"]
            assert [e["body"] for e in events if e["kind"] == "post"] == ["Termin um 10 Uhr", "Versehen"]
        async with connect(url) as ws:
            await ws.send(json.dumps({"type": "hello", "id": "h2", "protocol_version": PROTOCOL_VERSION,
                                      "auth": {"method": "password", "username": "bernd", "password": "bernd-pass"}}))
            welcome = json.loads(await ws.recv())
            assert welcome["type"] == "welcome" and welcome["me"] == "bernd"
            handover = {i["item_id"]: i for i in welcome["inbox"]}
            assert handover["i-question"]["answer"] == "Gern, 12 Uhr"
            assert handover["i-invite"]["outcome"] == "angenommen"
    finally:
        await backend.stop()


def test_a_database_newer_than_the_program_is_refused_before_anything_changes(old_data: Path) -> None:
    path = old_data / "dvz.sqlite3"
    with sqlite3.connect(path) as raw:  # as if a newer backend had written its chat once
        raw.execute("CREATE TABLE schema_versions (store TEXT PRIMARY KEY, version INTEGER NOT NULL, "
                    "migrated_at TEXT NOT NULL)")
        raw.execute("INSERT INTO schema_versions VALUES ('chat', 99, '2027-01-01T00:00:00+00:00')")
    with pytest.raises(DatabaseError, match="neuer als dieses Programm"):
        open_database(path)
    assert _versions(path) == {"chat": 99}
    with sqlite3.connect(path) as raw:
        assert "subject" not in {r[1] for r in raw.execute("PRAGMA table_info(inbox)")}  # no other store moved
