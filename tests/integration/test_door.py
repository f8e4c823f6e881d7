"""The digital door through the real backend: the guest page, queueing, admitting, chat both ways,
hand-over, requests outside office hours, containment of guests, limits, bad input and the purge."""

from __future__ import annotations

import asyncio
import json
import urllib.request
from datetime import timedelta

import pytest
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed, InvalidStatus

from dvz_desktop.protocol import PROTOCOL_VERSION
from dvz_desktop.services.door import DoorClient

from ..conftest import PASSWORDS
from .helpers import login

#: On the two-node cluster the clerk who logs in first is on node a, the guests on node b.
CLUSTER_READY = True


def http_get(url: str, lang: str = "de") -> tuple[int, dict[str, str], str]:
    request = urllib.request.Request(url, headers={"Accept-Language": lang})
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return response.status, dict(response.headers), response.read().decode()
    except urllib.error.HTTPError as err:
        return err.code, dict(err.headers), err.read().decode()


async def guest(port: int, origin: str | None = None) -> ClientConnection:
    return await connect(f"ws://127.0.0.1:{port}/gast", origin=origin or f"http://127.0.0.1:{port}")  # type: ignore[arg-type]


async def next_of(ws: ClientConnection, kind: str, timeout: float = 5.0) -> dict:  # type: ignore[type-arg]
    while True:
        frame = json.loads(await asyncio.wait_for(ws.recv(), timeout))
        assert frame["type"].startswith("guest_"), frame  # a guest never sees anything else
        if frame["type"] == kind:
            return frame


async def state_of(ws: ClientConnection, wanted: str) -> dict:  # type: ignore[type-arg]
    """The next guest_state in state ``wanted`` (position updates before it are skipped)."""
    while True:
        frame = await next_of(ws, "guest_state")
        if frame["state"] == wanted:
            return frame


def join(desk: str = "buergerbuero", name: str = "Erika Muster", concern: str = "Meldebescheinigung",
         privacy: bool = True) -> str:
    return json.dumps({"type": "guest_join", "desk_id": desk, "name": name, "concern": concern,
                       "privacy_accepted": privacy})


async def until(condition, timeout: float = 5.0) -> None:  # type: ignore[no-untyped-def]
    async def poll() -> None:
        while not condition():
            await asyncio.sleep(0.01)

    await asyncio.wait_for(poll(), timeout)


async def test_guest_page_is_self_contained_and_bilingual(backend) -> None:  # type: ignore[no-untyped-def]
    base = f"http://127.0.0.1:{backend.port}"
    status, headers, page = await asyncio.to_thread(http_get, f"{base}/tuer/buergerbuero")
    assert status == 200 and "<h1>Bürgerbüro</h1>" in page and "Warteraum betreten" in page
    assert "default-src 'self'" in headers["Content-Security-Policy"] and "Set-Cookie" not in headers
    assert "https://" not in page.replace("https://\" : \"ws://", "") and "//cdn" not in page
    status, _, english = await asyncio.to_thread(http_get, f"{base}/tuer/buergerbuero", "en-GB")
    assert "Citizens&#x27; office" in english and "Enter the waiting room" in english
    status, _, missing = await asyncio.to_thread(http_get, f"{base}/tuer/gibtsnicht")
    assert status == 404 and "Diesen Schalter gibt es nicht." in missing
    status, headers, script = await asyncio.to_thread(http_get, f"{base}/tuer/static/door.js")
    assert status == 200 and headers["Content-Type"].startswith("text/javascript") and "textContent" in script
    _, _, closed = await asyncio.to_thread(http_get, f"{base}/tuer/nachtschalter")
    assert 'id="request" >' in closed or 'id="request" ' in closed  # outside hours: the request form shows


async def test_queue_admit_chat_and_end(backend) -> None:  # type: ignore[no-untyped-def]
    clara = await login(backend.url, "clara", PASSWORDS["clara"])
    door = DoorClient(clara)
    first, second = await guest(backend.guest_port), await guest(backend.guest_port)
    await first.send(join(name="<script>alert(1)</script>"))
    waiting = await next_of(first, "guest_state")
    assert waiting["state"] == "waiting" and len(waiting["token"]) > 30
    await second.send(join(name="Jörg Groß"))
    await next_of(second, "guest_state")
    await until(lambda: door.queues.get("buergerbuero") and door.queues["buergerbuero"].desk.waiting == 2)
    assert [g.name for g in door.queues["buergerbuero"].guests] == ["<script>alert(1)</script>", "Jörg Groß"]

    visit = await door.admit("buergerbuero")
    admitted = await state_of(first, "admitted")
    assert admitted["state"] == "admitted" and admitted["clerk_name"] == "Clara Groß"
    await until(lambda: door.queues["buergerbuero"].desk.waiting == 1)
    moved_up = await next_of(second, "guest_state")
    while moved_up["position"] != 1:
        moved_up = await next_of(second, "guest_state")

    await first.send(json.dumps({"type": "guest_say", "body": "Guten Tag"}))
    await until(lambda: door.visits[visit].lines and door.visits[visit].lines[-1][1] == "Guten Tag")
    await door.say(visit, "Wie kann ich helfen?")
    echo = await next_of(first, "guest_line")  # the guest's own line, as the page shows it
    assert (echo["sender"], echo["body"]) == ("guest", "Guten Tag")
    line = await next_of(first, "guest_line")
    assert (line["sender"], line["body"]) == ("clerk", "Wie kann ich helfen?")

    await door.end(visit)
    await state_of(first, "ended")
    with pytest.raises(ConnectionClosed):
        await asyncio.wait_for(first.recv(), 2)
    again = await guest(backend.guest_port)  # the token is good for one visit only
    await again.send(json.dumps({"type": "guest_resume", "token": waiting["token"]}))
    assert (await next_of(again, "guest_error"))["code"] == "visit_over"

    backend.backend.door.retention = timedelta(seconds=-1)  # as if the 24 hours had passed
    backend.backend.door.purge()
    assert backend.backend.door.store.count_rows(visit) == 0
    await second.close()
    await clara.stop()


async def test_hand_over_keeps_the_place_and_a_request_reaches_the_inbox(backend) -> None:  # type: ignore[no-untyped-def]
    clara = await login(backend.url, "clara", PASSWORDS["clara"])
    door = DoorClient(clara)
    early = await guest(backend.guest_port)
    await early.send(join(name="Früh"))
    await next_of(early, "guest_state")
    late = await guest(backend.guest_port)
    await late.send(join(desk="bauamt", name="Spät"))
    await next_of(late, "guest_state")
    visit = await door.admit("buergerbuero")
    await door.hand_over(visit, "bauamt")  # to the Bauamt: ahead of the later guest
    await until(lambda: [g.name for g in door.queues["bauamt"].guests] == ["Früh", "Spät"])
    await state_of(early, "admitted")
    state = await state_of(early, "waiting")  # back in a queue, first in line
    assert state["position"] == 1

    erik = await login(backend.url, "erik", PASSWORDS["erik"])  # serves the night desk
    inbox: list[object] = []
    erik.message_received.connect(inbox.append)
    night = await guest(backend.guest_port)
    await night.send(join(desk="nachtschalter"))
    assert (await next_of(night, "guest_error"))["code"] == "closed"
    await night.send(json.dumps({"type": "guest_request", "desk_id": "nachtschalter", "name": "Max",
                                 "contact": "0151 123", "concern": "Bitte um Rückruf", "privacy_accepted": True}))
    await state_of(night, "requested")
    await until(lambda: any(getattr(m, "type", "") == "inbox" for m in inbox))
    item = next(m for m in inbox if getattr(m, "type", "") == "inbox").items[0]  # type: ignore[attr-defined]
    # Facts, not a sentence: the client words them in its user's language.
    assert item.kind.value == "anfrage_digitale_tuer" and (item.guest_name, item.contact, item.text) == (
        "Max", "0151 123", "Bitte um Rückruf")
    for ws in (early, late, night):
        await ws.close()
    await erik.stop()
    await clara.stop()


async def test_a_guest_is_contained(backend) -> None:  # type: ignore[no-untyped-def]
    ws = await guest(backend.port)
    await ws.send(join())
    token = (await next_of(ws, "guest_state"))["token"]
    for frame in ({"type": "move", "id": "1", "room_id": "rh-bb"},
                  {"type": "admit_guest", "id": "2", "desk_id": "buergerbuero"},
                  {"type": "call_join", "id": "3", "room_id": "rh-bb"},
                  {"type": "chat_open", "id": "4", "room_id": "rh-bb"},
                  {"type": "hello", "id": "5", "protocol_version": PROTOCOL_VERSION,
                   "auth": {"method": "token", "token": token}}):
        await ws.send(json.dumps(frame))
        assert (await next_of(ws, "guest_error"))["code"] == "unknown_type"
    await ws.send(json.dumps({"type": "guest_say", "body": "Darf ich schon?"}))
    assert (await next_of(ws, "guest_error"))["code"] == "not_admitted"  # nobody to talk to yet

    staff = await connect(backend.url)  # the guest token is no staff login
    await staff.send(json.dumps({"type": "hello", "id": "h", "protocol_version": PROTOCOL_VERSION,
                                 "auth": {"method": "token", "token": token}}))
    assert json.loads(await staff.recv())["code"] == "auth_failed"
    for origin in ("https://evil.example", None):
        with pytest.raises(InvalidStatus):
            await connect(f"ws://127.0.0.1:{backend.port}/gast", origin=origin)  # type: ignore[arg-type]

    visit = next(iter(backend.backend.door.visits.values()))
    visit.expires_at -= timedelta(hours=4)  # the token has expired
    again = await guest(backend.port)
    await again.send(json.dumps({"type": "guest_resume", "token": token}))
    assert (await next_of(again, "guest_error"))["code"] == "visit_over"
    await ws.close()


async def test_bad_input_and_flooding_get_clear_answers(backend) -> None:  # type: ignore[no-untyped-def]
    ws = await guest(backend.port)
    cases = [(join(name="x" * 81), "invalid"), (join(concern="y" * 1001), "invalid"),
             (join(desk="gibtsnicht"), "unknown_desk"), (join(privacy=False), "privacy"), ("kein json", "invalid")]
    for frame, code in cases:
        await ws.send(frame)
        error = await next_of(ws, "guest_error")
        assert error["code"] == code and error["message_de"] and error["message_en"]
    flood = [await guest(backend.port) for _ in range(6)]
    answers = []
    for socket in flood:  # refused joins above cost nothing; five joins per address go through
        await socket.send(join(name="Skript"))
        answers.append(json.loads(await asyncio.wait_for(socket.recv(), 5)))
    assert [a["type"] for a in answers[:5]] == ["guest_state"] * 5
    assert answers[5]["type"] == "guest_error" and answers[5]["code"] == "rate_limited"
    for socket in (ws, *flood):
        await socket.close()


async def test_two_clerks_on_two_nodes_pressing_at_once_take_one_guest_each(backend) -> None:  # type: ignore[no-untyped-def]
    """Clara and Erik serve the Bürgerbüro (on a cluster: on different nodes) and press "Nächsten
    hereinbitten" at the same moment: each gets another guest; with one guest left, one gets none."""
    for node in backend.nodes:
        node.door.desks["buergerbuero"].staff = ("clara", "erik")
    clara, erik = (await login(backend.url, "clara", PASSWORDS["clara"]),
                   await login(backend.url, "erik", PASSWORDS["erik"]))
    desks = DoorClient(clara), DoorClient(erik)
    guests = []
    for n in range(3):
        ws = await guest(backend.guest_port if n % 2 else backend.port)
        await ws.send(join(name=f"Gast {n}"))
        await state_of(ws, "waiting")
        guests.append(ws)
    for desk in desks:  # both see all three waiting, wherever they queued
        await until(lambda desk=desk: desk.queues.get("buergerbuero") and desk.queues["buergerbuero"].desk.waiting == 3)
    admitted: list[str] = []
    for _round in range(2):
        answers = await asyncio.gather(*(desk.admit("buergerbuero") for desk in desks), return_exceptions=True)
        admitted += [a for a in answers if isinstance(a, str)]
        refused = [a for a in answers if not isinstance(a, str)]
        assert all(getattr(r, "code", "") == "unknown_visit" for r in refused), refused
    assert len(admitted) == len(set(admitted)) == 3  # every guest once, none twice
    for ws in guests:  # each guest is admitted exactly once, by one clerk
        await state_of(ws, "admitted")
    for desk in desks:
        await until(lambda desk=desk: desk.queues["buergerbuero"].desk.waiting == 0)
    clerks = {v.clerk for v in backend.backend.door.store.open_visits_of("buergerbuero",
                                                                         backend.backend.clock.now())}
    assert clerks <= {"clara", "erik"} and len(clerks) == 2
    for ws in guests:
        await ws.close()
    for session in (clara, erik):
        await session.stop()
