"""Room chats belong to the people the room lets in (docs/privacy.md, core/room_chat.py): guessed
conversation ids give nothing away, a search filters before it limits, someone walking in sees what was
written while they are inside (view, search and unread agree), and after a reconnect live events never
overtake the ``chat_sync`` answer."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from websockets.asyncio.client import connect

from dvz_desktop.protocol import (
    PROTOCOL_VERSION,
    ChatOpen,
    ChatRead,
    ChatSend,
    ChatSync,
    ChatTyping,
    DoorState,
    SetDoor,
)
from dvz_desktop.services.session import SessionError
from server_stub.app import Backend, BackendConfig

from ..conftest import PASSWORDS
from .helpers import login
from .test_chat import Chatter

OFFICE = "room:kh-101"  # Anna's personal office


@pytest.fixture
async def chatters(backend, tmp_path: Path) -> AsyncIterator[dict[str, Chatter]]:
    people = {}
    for name in ("anna", "bernd", "erik"):
        people[name] = Chatter(await login(backend.url, name, PASSWORDS[name]), tmp_path / f"{name}.outbox")
    yield people
    for person in people.values():
        await person.session.stop()


async def refused(coro) -> str:  # type: ignore[no-untyped-def]
    with pytest.raises(SessionError) as err:
        await coro
    return err.value.code


async def events_seen_by(chatter: Chatter, conv_id: str, position: int = 0) -> list[str]:
    """What a raw ``chat_sync`` of ``conv_id`` brings ``chatter`` (bodies, in order)."""
    frames: list[object] = []
    chatter.session.message_received.connect(frames.append)
    await chatter.session.command(ChatSync(id=chatter.session.next_id(), positions={conv_id: position}))
    return [e.body for f in frames if getattr(f, "type", "") == "chat_events" and f.conv_id == conv_id
            for e in f.events]


async def test_a_locked_office_chat_is_closed_to_guessed_ids(chatters: dict[str, Chatter]) -> None:
    anna, erik = chatters["anna"], chatters["erik"]
    await anna.session.command(SetDoor(id=anna.session.next_id(), room_id="kh-101", state=DoorState.LOCKED))
    conv = await anna.chat.open_room("kh-101")
    assert conv == OFFICE
    anna.chat.send(conv, "Personalakte Meier liegt auf dem Tisch")
    await anna.chat.flush()
    s = erik.session
    assert await events_seen_by(erik, OFFICE) == []
    assert await refused(s.command(ChatOpen(id=s.next_id(), room_id="kh-101"))) == "unknown_conversation"
    assert await refused(s.command(ChatSend(id=s.next_id(), conv_id=OFFICE, client_msg_id="guessed-1234",
                                            body="Hallo?"))) == "unknown_conversation"
    assert await refused(s.command(ChatRead(id=s.next_id(), conv_id=OFFICE, position=1))) == "unknown_conversation"
    assert await refused(s.command(ChatTyping(id=s.next_id(), conv_id=OFFICE))) == "unknown_conversation"
    assert await erik.chat.search("Personalakte") == ()
    assert [h.body for h in await anna.chat.search("Personalakte")] == ["Personalakte Meier liegt auf dem Tisch"]
    assert anna.bodies(conv) == ["Personalakte Meier liegt auf dem Tisch"]  # the owner keeps everything


async def test_a_visitor_reads_what_was_written_while_inside_and_nothing_else(chatters: dict[str, Chatter]) -> None:
    anna, bernd = chatters["anna"], chatters["bernd"]
    conv = await anna.chat.open_room("kh-101")
    anna.chat.send(conv, "Vorher: Personalakte Meier")
    await anna.chat.flush()
    await bernd.walk_into("kh-101")  # Anna's door is open
    assert await bernd.chat.open_room("kh-101") == conv
    assert bernd.bodies(conv) == []  # written before he came in
    anna.chat.send(conv, "Bernd, schau mal auf den Bescheid")
    await bernd.wait_for(lambda: bernd.bodies(conv) == ["Bernd, schau mal auf den Bescheid"])
    bernd.chat.send(conv, "Sieht gut aus")
    await bernd.chat.flush()
    await bernd.walk_into("kh-102")  # back to his own office
    anna.chat.send(conv, "Nachher: Personalakte Schulz")
    await anna.chat.flush()
    assert await events_seen_by(bernd, conv) == ["Bernd, schau mal auf den Bescheid", "Sieht gut aus"]
    assert [h.body for h in await bernd.chat.search("Personalakte")] == []
    assert [h.body for h in await bernd.chat.search("Bescheid")] == ["Bernd, schau mal auf den Bescheid"]
    s = bernd.session
    assert await refused(s.command(ChatSend(id=s.next_id(), conv_id=conv, client_msg_id="after-leaving",
                                            body="Noch was"))) == "unknown_conversation"
    # What he may know of the conversation ends where his visit ended.
    info = next(c for c in (await _welcome_of(bernd)).conversations if c.conv_id == conv)
    assert info.last_position == 3


async def _welcome_of(chatter: Chatter):  # type: ignore[no-untyped-def]
    from dvz_desktop.services.session import Credentials, Session

    again = Session(chatter.session.url, Credentials("bernd", token=chatter.session.token))
    welcome = await again.start()
    await again.stop()
    return welcome


async def test_someone_walking_in_sees_search_and_unread_agree(chatters: dict[str, Chatter]) -> None:
    anna, bernd, erik = chatters["anna"], chatters["bernd"], chatters["erik"]
    for person in (anna, bernd):
        await person.walk_into("kh-kueche")
    kitchen = await anna.chat.open_room("kh-kueche")
    anna.chat.send(kitchen, "Kuchen steht in der Küche")
    await anna.chat.flush()
    # Bernd was in the kitchen when it was written: opening the chat shows it (and counts it unread).
    assert await bernd.chat.open_room("kh-kueche") == kitchen
    assert bernd.bodies(kitchen) == ["Kuchen steht in der Küche"]
    assert bernd.chat.unread(kitchen) == 1
    assert [h.body for h in await bernd.chat.search("Kuchen")] == ["Kuchen steht in der Küche"]
    # Erik walks in afterwards: not shown, not found, not counted; what comes now he sees.
    await erik.walk_into("kh-kueche")
    await erik.chat.open_room("kh-kueche")
    assert erik.bodies(kitchen) == [] and erik.chat.unread(kitchen) == 0
    assert await erik.chat.search("Kuchen") == ()
    anna.chat.send(kitchen, "Kaffee auch")
    await erik.wait_for(lambda: erik.bodies(kitchen) == ["Kaffee auch"])
    assert erik.chat.unread(kitchen) == 1
    await erik.chat.mark_read(kitchen)
    assert erik.chat.unread(kitchen) == 0


async def test_search_filters_before_it_limits(org_three, tmp_path: Path) -> None:
    server = Backend(org_three, BackendConfig(data_dir=tmp_path / "data", rate_per_minute=100_000, rate_burst=10_000))
    port = await server.start("127.0.0.1", 0)
    url = f"ws://127.0.0.1:{port}/ws"
    try:
        anna = Chatter(await login(url, "anna", PASSWORDS["anna"]), tmp_path / "a.outbox")
        bernd = Chatter(await login(url, "bernd", PASSWORDS["bernd"]), tmp_path / "b.outbox")
        mine = await anna.chat.open_direct("bernd")
        anna.chat.send(mine, "Antrag Zebra bitte prüfen")
        await anna.chat.flush()
        theirs = await bernd.chat.open_direct("erik")  # Anna is not in this one
        for n in range(450):
            bernd.chat.send(theirs, f"Antrag Nummer {n}")
        await bernd.chat.flush()
        assert [h.body for h in await anna.chat.search("Antrag")] == ["Antrag Zebra bitte prüfen"]
        assert len(await bernd.chat.search("Antrag")) == 50  # the newest 50 of what Bernd may read
        await anna.session.stop()
        await bernd.session.stop()
    finally:
        await server.stop()


async def test_live_events_never_overtake_the_sync_answer(backend, chatters: dict[str, Chatter]) -> None:
    """A raw listener that keeps every frame and de-duplicates nothing gets each position once, in order."""
    bernd = chatters["bernd"]
    conv = await bernd.chat.open_direct("anna")
    for n in range(3):
        bernd.chat.send(conv, f"vorher {n}")
    await bernd.chat.flush()
    async with connect(backend.url) as ws:
        await ws.send(json.dumps({"type": "hello", "id": "h", "protocol_version": PROTOCOL_VERSION,
                                  "auth": {"method": "password", "username": "anna", "password": PASSWORDS["anna"]}}))
        assert json.loads(await ws.recv())["type"] == "welcome"
        for n in range(5):  # written after the welcome, before this socket asked to catch up
            bernd.chat.send(conv, f"dazwischen {n}")
        await bernd.chat.flush()
        await ws.send(json.dumps({"type": "chat_sync", "id": "s", "positions": {conv: 3}}))
        for n in range(2):
            bernd.chat.send(conv, f"danach {n}")
        await bernd.chat.flush()
        positions: list[int] = []

        async def until_ten() -> None:
            while not positions or positions[-1] < 10:
                frame = json.loads(await ws.recv())
                if frame["type"] == "chat_events" and frame["conv_id"] == conv:
                    positions.extend(e["position"] for e in frame["events"])

        await asyncio.wait_for(until_ten(), 10)
    assert positions == list(range(4, 11))
