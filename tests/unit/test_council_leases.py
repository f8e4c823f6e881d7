"""Which node runs a council session (owners.py) and what the store does when one is lost (store.py), on a
real SQLite database: one owner at a time, taken over only once its lease expired, one session per room
whichever node starts it, and a lost node's open vote void for its session only."""

from __future__ import annotations

import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from dvz_desktop.core.council.profiles import VoteKind
from dvz_desktop.core.council.votes import Tally, VoteResult
from server_stub.db import Database, migrate
from server_stub.features.council.owners import SessionLeases
from server_stub.features.council.store import SCHEMA, CouncilStore, RoomTaken

NOW = datetime(2026, 12, 3, 17, 0, tzinfo=UTC)
SHORT = 0.3  # seconds: a lease that expires within the test


@pytest.fixture
def store(tmp_path: Path) -> CouncilStore:
    db = Database.open(tmp_path / "council.db")
    migrate(db, [SCHEMA])
    return CouncilStore(db)


def session(store: CouncilStore, session_id: str, room: str = "saal") -> None:
    store.add_session(session_id, room, "uva", "Sitzung", False, ["landrat"], NOW)


def take_within(leases: SessionLeases, session_id: str, timeout: float = 10.0) -> float:
    """Seconds until ``leases`` could take the session (it keeps trying, as the nodes do every second)."""
    started = time.monotonic()
    while not leases.take(session_id):
        assert time.monotonic() - started < timeout, "the lease never expired"
        time.sleep(0.02)
    return time.monotonic() - started


def test_a_renewed_lease_keeps_the_session_with_its_node(store: CouncilStore) -> None:
    a, b = store.leases("node-a"), store.leases("node-b")
    session(store, "s1")
    assert a.take("s1") and a.holds()
    assert not b.take("s1")
    assert a.renew() == {"s1"} and b.renew() == set()
    [running] = a.running()
    assert (running.session_id, running.owner, running.expired) == ("s1", "node-a", False)


def test_an_expired_lease_is_taken_by_one_other_node_and_the_old_owner_learns_it(store: CouncilStore) -> None:
    a = SessionLeases(store._db, "node-a", SHORT)  # noqa: SLF001 (the store's own database)
    b = SessionLeases(store._db, "node-b", SHORT)  # noqa: SLF001
    c = SessionLeases(store._db, "node-c", SHORT)  # noqa: SLF001
    session(store, "s1")
    assert a.take("s1")
    waited = take_within(b, "s1")
    assert waited >= SHORT * 0.5  # not before it expired
    assert not c.take("s1")  # b renewed it by taking it: c has to wait in turn
    assert a.renew() == set()  # a stalled: its renewal says the session is no longer its own
    assert b.renew() == {"s1"} and a.running()[0].owner == "node-b"
    time.sleep(SHORT)  # without renewal
    assert not b.holds()  # b's own deadline passed before the lease could expire in the database


def test_a_node_restarted_under_its_id_takes_its_sessions_back_at_once(store: CouncilStore) -> None:
    session(store, "s1")
    assert store.leases("node-a").take("s1")
    again = store.leases("node-a")  # the same node id, a new process
    assert again.take("s1") and again.renew() == {"s1"}


def test_an_ended_session_has_no_owner_and_frees_its_room(store: CouncilStore) -> None:
    leases = store.leases("node-a")
    session(store, "s1")
    with pytest.raises(RoomTaken):
        session(store, "s2")  # another node's chair a moment later
    session(store, "s3", room="foyer")
    leases.take("s1")
    store.end_session("s1", NOW)
    leases.release("s1")
    assert [r.session_id for r in leases.running()] == ["s3"] and leases.renew() == set()
    session(store, "s4")  # the room is free again


def test_a_lost_node_voids_the_open_vote_of_its_session_only_and_the_session_remembers(store: CouncilStore) -> None:
    session(store, "s1")
    session(store, "s2", room="foyer")
    store.open_vote("s1", "v1", "secret", "Wahl", False, None, NOW)
    store.took_part("v1", "rat01", None)
    store.open_vote("s2", "v2", "open", "Antrag", False, None, NOW)
    store.open_vote("s1", "v0", "open", "Früher", False, None, NOW)
    store.close_vote(VoteResult("v0", VoteKind.OPEN, "Früher", False, Tally(1, 0, 0), (), NOW, NOW, None))
    voided = store.void_open_votes(NOW, "s1")
    assert [(v.vote_id, v.question) for v in voided] == [("v1", "Wahl")]
    assert [(v.vote_id, v.question, v.at) for v in store.voided_of("s1")] == [("v1", "Wahl", NOW)]
    assert store.voided_of("s2") == []
    assert [r.vote_id for r in store.results_of("s1")] == ["v0"]  # a closed vote stays
    assert store.void_open_votes(NOW) != [] and [v.vote_id for v in store.voided_of("s2")] == ["v2"]
