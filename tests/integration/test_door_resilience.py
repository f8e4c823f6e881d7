"""The digital door keeps its promises: waiting guests keep their place through a backend restart,
guests who are gone leave the queue after a short grace period, the per-address budget counts a trusted
proxy's forwarded address (and nobody else's), and the guest page and docs/privacy.md state one truth
about how long guest data stays."""

from __future__ import annotations

import asyncio
import json
import re
from datetime import UTC, datetime
from pathlib import Path

from websockets.asyncio.client import connect

from dvz_desktop.core.clock import ManualClock
from server_stub.app import Backend, BackendConfig
from server_stub.features.door.service import GUEST_GRACE
from server_stub.features.inbox.store import INBOX_RETENTION
from server_stub.net.client_address import parse_networks

from ..conftest import PASSWORDS
from .helpers import login
from .test_door import guest, http_get, join, next_of, state_of, until

ROOT = Path(__file__).resolve().parents[2]
CLUSTER_READY = True


async def resume(port: int, token: str):  # type: ignore[no-untyped-def]
    ws = await guest(port)
    await ws.send(json.dumps({"type": "guest_resume", "token": token}))
    return ws


async def test_waiting_guests_keep_their_place_through_a_restart(org_three, tmp_path: Path) -> None:
    data = tmp_path / "data"
    first = Backend(org_three, BackendConfig(data_dir=data))
    port = await first.start("127.0.0.1", 0)
    tokens = []
    for name in ("Erika Muster", "Max Mustermann"):
        ws = await guest(port)
        await ws.send(join(name=name))
        tokens.append((await state_of(ws, "waiting"))["token"])
    await first.stop()
    again = Backend(org_three, BackendConfig(data_dir=data))
    port = await again.start("127.0.0.1", 0)
    try:
        second = await resume(port, tokens[1])
        assert (await state_of(second, "waiting"))["position"] == 2
        first_guest = await resume(port, tokens[0])
        assert (await state_of(first_guest, "waiting"))["position"] == 1
        clara = await login(f"ws://127.0.0.1:{port}/ws", "clara", PASSWORDS["clara"])
        await clara.stop()
        queue = json.loads(again.door.queue_frame(again.door.desks["buergerbuero"]))
        assert [g["name"] for g in queue["guests"]] == ["Erika Muster", "Max Mustermann"]
        for ws in (second, first_guest):
            await ws.close()
    finally:
        await again.stop()


async def test_a_guest_who_is_gone_leaves_the_queue_after_the_grace_period(org_three, tmp_path: Path) -> None:
    clock = ManualClock(datetime(2026, 12, 1, 9, 0, tzinfo=UTC))
    server = Backend(org_three, BackendConfig(data_dir=tmp_path / "data"), clock=clock)
    port = await server.start("127.0.0.1", 0)
    try:
        ws = await guest(port)
        await ws.send(join())
        token = (await state_of(ws, "waiting"))["token"]
        stays = await guest(port)
        await stays.send(join(name="Bleibt da"))
        await state_of(stays, "waiting")
        visit_id = next(v for v, visit in server.door.visits.items() if visit.name == "Erika Muster")
        await ws.close()
        await until(lambda: visit_id in server.door.gone_since)  # the server saw the page go
        desk = server.door.desks["buergerbuero"]
        clock.advance(seconds=GUEST_GRACE.total_seconds() - 10)
        assert server.door.drop_gone() == 0  # a reload or a short outage keeps the place
        ws = await resume(port, token)
        assert (await state_of(ws, "waiting"))["position"] == 1
        await ws.close()
        await until(lambda: visit_id in server.door.gone_since)
        clock.advance(seconds=GUEST_GRACE.total_seconds())
        assert server.door.drop_gone() == 1  # what the housekeeping does every few seconds
        assert [server.door.visits[v].name for v in desk.queue] == ["Bleibt da"]
        while (await state_of(stays, "waiting"))["position"] != 1:  # the one still there moves up
            pass
        late = await resume(port, token)
        assert (await next_of(late, "guest_error"))["code"] == "visit_over"
        await stays.close()
    finally:
        await server.stop()


async def _joins_from(port: int, forwarded: list[str]) -> list[str]:
    answers = []
    for address in forwarded:
        ws = await connect(f"ws://127.0.0.1:{port}/gast", origin=f"http://127.0.0.1:{port}",  # type: ignore[arg-type]
                           additional_headers={"X-Forwarded-For": address})
        await ws.send(join(name="Gast"))
        frame = json.loads(await ws.recv())
        answers.append(frame.get("code") or frame["type"])
        await ws.close()
    return answers


async def test_the_budget_per_address_counts_the_address_a_trusted_proxy_forwards(org_three, tmp_path: Path) -> None:
    behind = Backend(org_three, BackendConfig(data_dir=tmp_path / "a", trusted_proxies=parse_networks(["127.0.0.1"])))
    port = await behind.start("127.0.0.1", 0)
    try:
        citizens = [f"203.0.113.{n}" for n in range(1, 9)]
        assert await _joins_from(port, citizens) == ["guest_state"] * 8  # eight citizens, one proxy
        # One citizen cannot pretend to be many: only the address the proxy appended counts.
        one = [f"198.51.100.{n}, 203.0.113.77" for n in range(6)]
        assert (await _joins_from(port, one))[5] == "rate_limited"
    finally:
        await behind.stop()
    direct = Backend(org_three, BackendConfig(data_dir=tmp_path / "b"))  # no proxy configured
    port = await direct.start("127.0.0.1", 0)
    try:
        assert (await _joins_from(port, [f"203.0.113.{n}" for n in range(1, 7)]))[5] == "rate_limited"
    finally:
        await direct.stop()


async def test_guest_page_and_privacy_document_state_one_retention(backend) -> None:
    privacy = (ROOT / "docs" / "privacy.md").read_text(encoding="utf-8")
    for lang, hours, days in (("de", "24 Stunden danach gelöscht", f"höchstens {INBOX_RETENTION.days} Tage"),
                              ("en", "deleted 24 hours", f"at most {INBOX_RETENTION.days} days")):
        _status, _headers, page = await asyncio.to_thread(
            http_get, f"http://127.0.0.1:{backend.port}/tuer/buergerbuero?lang={lang}")
        text = re.sub(r"\s+", " ", page)
        assert hours in text and days in text, lang
    assert f"at most {INBOX_RETENTION.days} days" in privacy and "plus 24 hours" in privacy
    assert "höchstens 30 Tage" in re.sub(r"\s+", " ", privacy)  # the page's German sentence, quoted there
