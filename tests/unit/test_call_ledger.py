"""The calls' ledger in cluster mode (server_stub/features/calls/shared.py) on a real database file: a
second node's copy follows what the first one stored; versions only go up, even after ended calls are
forgotten; every node hands a change's frames to its sockets in version order, whatever order the news
arrives in, and skips a version whose news never comes."""

from __future__ import annotations

import asyncio
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

from dvz_desktop.protocol import CallMember
from server_stub.db import Database, migrate
from server_stub.features.calls import shared
from server_stub.features.calls.shared import SCHEMA, CallLedger
from server_stub.features.calls.state import _Call

NOW = datetime(2026, 12, 2, 9, 0, tzinfo=UTC)


def ledger_on(path: Path, node: str) -> tuple[CallLedger, dict[str, _Call], dict[str, str]]:
    db = Database.open(path)
    migrate(db, (SCHEMA,))
    return CallLedger(db, node, lambda: NOW), {}, {}


def open_call(ledger: CallLedger, calls: dict[str, _Call], by_room: dict[str, str], call_id: str) -> _Call:
    with ledger.owned(calls, by_room):
        call = calls[call_id] = _Call(call_id, "kh-sitz", {"anna": CallMember(person_id="anna")}, opener="anna",
                                      nodes={"anna": ledger.node_id})
        by_room["kh-sitz"] = call_id
        ledger.touched(call)
    return call


def test_another_node_s_copy_follows_and_versions_never_go_back(tmp_path: Path) -> None:
    a, calls_a, rooms_a = ledger_on(tmp_path / "db.sqlite", "node-a")
    b, calls_b, rooms_b = ledger_on(tmp_path / "db.sqlite", "node-b")
    call = open_call(a, calls_a, rooms_a, "r1")
    b.refresh(calls_b, rooms_b)
    assert calls_b["r1"].members == call.members and rooms_b == {"kh-sitz": "r1"}
    held = calls_b["r1"]
    with a.owned(calls_a, rooms_a):
        calls_a.pop("r1").ended = True
        rooms_a.pop("kh-sitz")
        a.touched(call)
    ended_at = a.version
    b.refresh(calls_b, rooms_b)
    assert calls_b == {} and rooms_b == {} and held.ended  # the meetings feature's reference learns it too
    a.forget_ended(NOW + timedelta(hours=1))  # the ended call's row would be the highest version
    open_call(a, calls_a, rooms_a, "r2")
    assert a.version > ended_at
    b.refresh(calls_b, rooms_b)
    assert set(calls_b) == {"r2"}


async def test_frames_reach_the_sockets_in_version_order_and_a_missing_version_is_skipped(
        tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(shared, "GAP_S", 0.05)
    ledger, _, _ = ledger_on(tmp_path / "db.sqlite", "node-a")
    sent: list[str] = []
    ledger.local_send = lambda person, payload: sent.append(payload)
    ledger.delivered = 4

    class Feature:  # what follow() needs of the calls feature
        calls: dict[str, _Call] = {}
        _by_room: dict[str, str] = {}

    def news(version: int) -> None:
        ledger.follow(Feature(), str(version), json.dumps([[f"v{version}", ["anna"]]]))  # type: ignore[arg-type]

    news(6)  # overtook version 5
    assert sent == []
    news(5)
    assert sent == ["v5", "v6"]
    news(5)  # twice: once only
    news(8)  # version 7's node was lost before it told anyone
    await asyncio.sleep(0.3)
    assert sent == ["v5", "v6", "v8"]


def test_the_meetings_feature_hears_of_what_other_nodes_changed_once_this_node_s_change_is_sent(
        tmp_path: Path) -> None:
    a, calls_a, rooms_a = ledger_on(tmp_path / "db.sqlite", "node-a")
    b, calls_b, rooms_b = ledger_on(tmp_path / "db.sqlite", "node-b")
    told: list[tuple[str, bool, int]] = []
    sent: list[str] = []
    b.followed = lambda call: told.append((call.call_id, call.ended, len(sent)))
    b.local_send = lambda person, payload: sent.append(payload)
    open_call(a, calls_a, rooms_a, "r1")
    assert told == []  # a's own change: a's feature knows it already; b has not read it yet

    with b.owned(calls_b, rooms_b):  # b's next change reads r1 first, and sends a frame of its own
        b.send_to("bernd", "b's frame")
    assert told == [("r1", False, 1)]  # told after its frame went out

    with a.owned(calls_a, rooms_a):
        ended = calls_a.pop("r1")
        ended.ended = True
        rooms_a.pop("kh-sitz")
        a.touched(ended)
    with b.owned(calls_b, rooms_b):
        pass
    assert told[1:] == [("r1", True, 1)]  # ended elsewhere: told too (its room closes)
    with b.owned(calls_b, rooms_b):
        pass
    assert len(told) == 2  # nothing new: nothing told
