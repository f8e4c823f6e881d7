"""Chat through the real backend: sending, exactly-once resume, idempotent resends, edits and
deletions, unread counts, search with umlauts, authorisation and bad input."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed

from dvz_desktop.protocol import PROTOCOL_VERSION, ChatSend, ChatSync, Move
from dvz_desktop.services.chat import ChatClient
from dvz_desktop.services.session import Credentials, Session, SessionError

from ..conftest import PASSWORDS
from .helpers import login

#: These features cross cluster nodes: the backend fixture runs them on two nodes too (conftest.py).
CLUSTER_READY = True


class Chatter:
    def __init__(self, session: Session, outbox: Path) -> None:
        self.session = session
        self.chat = ChatClient(session, outbox)

    async def walk_into(self, room_id: str) -> None:
        await self.session.command(Move(id=self.session.next_id(), room_id=room_id))

    def bodies(self, conv_id: str) -> list[str]:
        state = self.chat.conversations.get(conv_id)
        return [m.body for m in state.ordered()] if state else []

    async def wait_for(self, condition, timeout: float = 5.0) -> None:  # type: ignore[no-untyped-def]
        async def poll() -> None:
            while not condition():
                await asyncio.sleep(0.01)

        await asyncio.wait_for(poll(), timeout)


@pytest.fixture
async def chatters(backend, tmp_path: Path) -> AsyncIterator[dict[str, Chatter]]:
    people = {}
    for name in ("anna", "bernd", "erik", "clara", "dora"):
        people[name] = Chatter(await login(backend.url, name, PASSWORDS[name]), tmp_path / f"{name}.outbox")
    yield people
    for person in people.values():
        await person.session.stop()


async def test_room_chat_reaches_everyone_who_opened_it_in_order(chatters: dict[str, Chatter]) -> None:
    anna, bernd = chatters["anna"], chatters["bernd"]
    for person in (anna, bernd):
        await person.walk_into("kh-kueche")
    conv = await anna.chat.open_room("kh-kueche")
    assert conv == await bernd.chat.open_room("kh-kueche")
    for text in ("Kaffee ist fertig", "Wer will Kuchen?", "Bringt Tassen mit"):
        anna.chat.send(conv, text)
    await bernd.wait_for(lambda: len(bernd.bodies(conv)) == 3)
    assert bernd.bodies(conv) == ["Kaffee ist fertig", "Wer will Kuchen?", "Bringt Tassen mit"]
    assert bernd.chat.unread(conv) == 3 and anna.chat.unread(conv) == 0
    await bernd.chat.mark_read(conv)
    assert bernd.chat.unread(conv) == 0
    await anna.chat.flush()
    assert anna.chat.outbox.pending() == []


async def test_resend_of_the_same_client_id_is_answered_with_the_original_position(backend, chatters) -> None:
    anna = chatters["anna"]
    await anna.walk_into("kh-kueche")
    conv = await anna.chat.open_room("kh-kueche")
    async with connect(backend.url) as ws:
        await ws.send(json.dumps({"type": "hello", "id": "h", "protocol_version": PROTOCOL_VERSION,
                                  "auth": {"method": "token", "token": anna.session.token}}))
        await ws.recv()
        frame = {"type": "chat_send", "id": "s1", "conv_id": conv, "client_msg_id": "same-id-123456", "body": "Einmal"}
        answers = []
        for command_id in ("s1", "s2", "s3"):
            await ws.send(json.dumps({**frame, "id": command_id}))
            while True:
                answer = json.loads(await ws.recv())
                if answer["type"] == "ack" and answer["reply_to"] == command_id:
                    answers.append(answer["position"])
                    break
    assert answers[0] == answers[1] == answers[2]
    await anna.wait_for(lambda: anna.bodies(conv) == ["Einmal"])


async def test_a_client_that_was_away_gets_every_missed_message_exactly_once(backend, chatters, tmp_path) -> None:
    anna, bernd = chatters["anna"], chatters["bernd"]
    conv = await anna.chat.open_direct("bernd")
    anna.chat.send(conv, "Vor der Pause")
    await bernd.wait_for(lambda: bernd.bodies(conv) == ["Vor der Pause"])
    bernd_state = bernd.chat.conversations[conv]
    await bernd.session.stop()
    for n in range(5):
        anna.chat.send(conv, f"Während der Pause {n}")
    await anna.chat.flush()
    # Bernd's client comes back on a new socket with the positions it had.
    again = Chatter(Session(backend.url, Credentials("bernd", PASSWORDS["bernd"])), tmp_path / "bernd2.outbox")
    again.chat.conversations[conv] = bernd_state
    await again.session.start()
    await again.wait_for(lambda: len(again.bodies(conv)) == 6)
    assert again.bodies(conv) == ["Vor der Pause"] + [f"Während der Pause {n}" for n in range(5)]
    anna.chat.send(conv, "Wieder da?")  # live events and the sync do not double up
    await again.wait_for(lambda: len(again.bodies(conv)) == 7)
    await asyncio.sleep(0.2)
    assert len(again.bodies(conv)) == len(set(m.position for m in again.chat.conversations[conv].ordered())) == 7
    await again.session.stop()


async def test_edit_and_delete_only_my_own_and_others_see_that(chatters) -> None:
    anna, bernd = chatters["anna"], chatters["bernd"]
    conv = await anna.chat.open_direct("bernd")
    anna.chat.send(conv, "Termin um 10 Uhr")
    await bernd.wait_for(lambda: bernd.bodies(conv) == ["Termin um 10 Uhr"])
    position = next(iter(bernd.chat.conversations[conv].messages))
    anna.chat.edit(conv, position, "Termin um 11 Uhr")
    await bernd.wait_for(lambda: bernd.bodies(conv) == ["Termin um 11 Uhr"])
    assert bernd.chat.conversations[conv].messages[position].edited
    refused = []
    bernd.chat.refused.connect(refused.append)
    bernd.chat.delete(conv, position)  # not Bernd's message
    await bernd.wait_for(lambda: refused)
    assert "eigenen Nachrichten" in refused[0][1]
    anna.chat.delete(conv, position)
    await bernd.wait_for(lambda: bernd.chat.conversations[conv].messages[position].deleted)
    assert bernd.bodies(conv) == [""]


async def test_search_finds_umlauts_and_only_what_i_may_read(chatters) -> None:
    anna, bernd, dora = chatters["anna"], chatters["bernd"], chatters["dora"]
    conv = await anna.chat.open_direct("bernd")
    await anna.walk_into("kh-kueche")
    kitchen = await anna.chat.open_room("kh-kueche")
    anna.chat.send(conv, "Herr Müller wohnt in der Straße des Friedens")
    anna.chat.send(kitchen, "Das Bürgeramt hat heute länger offen")
    anna.chat.send(kitchen, "Kuchen im Flur")
    await anna.chat.flush()
    dm_text = "Herr Müller wohnt in der Straße des Friedens"
    assert [h.body for h in await bernd.chat.search("Müller")] == [dm_text]
    assert [h.body for h in await bernd.chat.search("straße")] == [dm_text]
    assert [h.body for h in await bernd.chat.search("muller")] == [dm_text]  # umlauts folded
    assert [h.body for h in await anna.chat.search("Bürgeramt")] == ["Das Bürgeramt hat heute länger offen"]
    assert [h.body for h in await anna.chat.search("bürger")] == ["Das Bürgeramt hat heute länger offen"]
    assert [h.body for h in await anna.chat.search("Müller Straße")] == [dm_text]
    assert await anna.chat.search("Müller Kuchen") == ()  # every word must match
    assert await anna.chat.search('") OR (body:*') == ()  # FTS syntax in the query is just text
    # Erik is not in the direct conversation; Dora (another organisation) may not enter the kitchen.
    assert await chatters["erik"].chat.search("Müller") == ()
    assert await dora.chat.search("Bürgeramt") == ()


async def test_nobody_reads_or_writes_where_they_do_not_belong(backend, chatters) -> None:
    anna, erik, dora = chatters["anna"], chatters["erik"], chatters["dora"]
    conv = await anna.chat.open_direct("bernd")
    anna.chat.send(conv, "Vertraulich")
    await anna.chat.flush()
    for outsider in (erik, dora):
        with pytest.raises(SessionError) as err:
            await outsider.session.command(ChatSend(id=outsider.session.next_id(), conv_id=conv,
                                                    client_msg_id="guess-123456", body="Hallo?"))
        assert err.value.code == "unknown_conversation"
        synced = []
        outsider.session.message_received.connect(synced.append)
        await outsider.session.command(ChatSync(id=outsider.session.next_id(),
                                                positions={conv: 0, "dm:" + "0" * 32: 0, "room:kh-101": 0}))
        await asyncio.sleep(0.1)
        assert not [m for m in synced if getattr(m, "type", "") == "chat_events" and m.conv_id == conv]
    with pytest.raises(SessionError) as err:  # the ministry cannot open a Landkreis room's chat
        await dora.chat.open_room("kh-kueche")
    assert err.value.code == "unknown_conversation"
    with pytest.raises(SessionError) as err:  # nor a conversation with people it cannot see
        await dora.chat.open_direct("anna")
    assert err.value.code == "unknown_person"


async def test_bad_chat_input_gets_clear_errors(backend, chatters) -> None:
    anna = chatters["anna"]
    await anna.walk_into("kh-kueche")
    conv = await anna.chat.open_room("kh-kueche")
    with pytest.raises(SessionError) as err:  # the client says so at once and keeps nothing
        anna.chat.send(conv, "x" * 4001)
    assert "zu lang" in err.value.message
    assert anna.chat.outbox.pending() == []
    refused = []
    anna.chat.refused.connect(refused.append)
    anna.chat.send("room:gibt-es-nicht", "Hallo")
    await anna.wait_for(lambda: refused)
    assert "Gespräch gibt es nicht" in refused[0][1]
    assert anna.chat.outbox.pending() == []  # a refused message does not block the ones after it
    # Invalid UTF-8 in a text frame is a protocol error: websockets closes with 1007.
    async with connect(backend.url) as ws:
        await ws.send(json.dumps({"type": "hello", "id": "h", "protocol_version": PROTOCOL_VERSION,
                                  "auth": {"method": "token", "token": anna.session.token}}))
        await ws.recv()
        # The server says the same about an over-long message sent by another client.
        await ws.send(json.dumps({"type": "chat_send", "id": "long", "conv_id": conv,
                                  "client_msg_id": "too-long-1234", "body": "x" * 4001}))
        answer = json.loads(await ws.recv())
        while answer["type"] != "error":
            answer = json.loads(await ws.recv())
        assert answer["code"] == "message_too_long" and "4.000 Zeichen" in answer["message_de"]
        await ws.send(b'{"type": "chat_send", "body": "\xff\xfe kaputt"}', text=True)
        with pytest.raises(ConnectionClosed):
            while True:
                await asyncio.wait_for(ws.recv(), 5)
        assert ws.close_code == 1007
    anna.chat.send(conv, "Geht noch")
    await anna.chat.flush()
    assert anna.bodies(conv)[-1:] == ["Geht noch"] or await anna.wait_for(
        lambda: anna.bodies(conv)[-1:] == ["Geht noch"])


async def test_kitchen_chat_is_kept_one_day_and_an_old_position_is_reset(org_three, tmp_path) -> None:
    from datetime import datetime

    from dvz_desktop.core.clock import ManualClock
    from server_stub.app import Backend, BackendConfig

    clock = ManualClock(datetime.now().astimezone())
    server = Backend(org_three, BackendConfig(data_dir=tmp_path / "data"), clock=clock)
    port = await server.start("127.0.0.1", 0)
    url = f"ws://127.0.0.1:{port}/ws"
    try:
        anna = Chatter(await login(url, "anna", PASSWORDS["anna"]), tmp_path / "a.outbox")
        bernd = Chatter(Session(url, Credentials("bernd", PASSWORDS["bernd"])), tmp_path / "b.outbox")
        await bernd.session.start()
        for person in (anna, bernd):
            await person.walk_into("kh-kueche")
        kitchen = await anna.chat.open_room("kh-kueche")
        office = await anna.chat.open_direct("bernd")
        await bernd.chat.open_room("kh-kueche")
        anna.chat.send(kitchen, "Kuchen von gestern")
        anna.chat.send(office, "Bescheid von gestern")
        await bernd.wait_for(lambda: bernd.bodies(kitchen) == ["Kuchen von gestern"]
                             and bernd.bodies(office) == ["Bescheid von gestern"])
        kept = {conv: bernd.chat.conversations[conv] for conv in (kitchen, office)}
        await bernd.session.stop()
        anna.chat.send(kitchen, "Bernd verpasst das")  # missed by Bernd, and gone before he is back
        await anna.chat.flush()
        clock.advance(days=2)
        anna.chat.send(kitchen, "Frischer Kaffee")
        await anna.chat.flush()
        await server.chat.purge()  # what the housekeeping does
        assert await anna.chat.search("Kuchen") == () and await anna.chat.search("verpasst") == ()
        resets = []
        again = Chatter(Session(url, Credentials("bernd", PASSWORDS["bernd"])), tmp_path / "b2.outbox")
        again.chat.conversations.update(kept)
        again.session.message_received.connect(lambda m: resets.append(m) if m.type == "chat_reset" else None)
        await again.session.start()
        await again.wait_for(lambda: resets)
        assert [r.conv_id for r in resets] == [kitchen]
        # "Frischer Kaffee" was written while Bernd was not in the kitchen: not his to read.
        anna.chat.send(kitchen, "Noch eine Kanne")
        await again.wait_for(lambda: again.bodies(kitchen) == ["Noch eine Kanne"])
        assert again.bodies(office) == ["Bescheid von gestern"]  # direct conversations are kept a year
        await again.session.stop()
        await anna.session.stop()
    finally:
        await server.stop()


async def test_typing_is_shown_to_the_others_only(chatters) -> None:
    anna, bernd, erik = chatters["anna"], chatters["bernd"], chatters["erik"]
    conv = await anna.chat.open_direct("bernd")
    await bernd.wait_for(lambda: conv in bernd.chat.conversations)
    seen, seen_by_anna, seen_by_erik = [], [], []
    bernd.chat.typing.connect(seen.append)
    anna.chat.typing.connect(seen_by_anna.append)
    erik.chat.typing.connect(seen_by_erik.append)
    await anna.chat.typing_now(conv)
    await bernd.wait_for(lambda: seen)
    assert seen == [(conv, "anna")]
    await asyncio.sleep(0.1)
    assert seen_by_anna == [] and seen_by_erik == []


async def test_the_writer_lives_on_when_the_database_goes_right_after_a_commit(
        backend, chatters: dict[str, Chatter], monkeypatch: pytest.MonkeyPatch) -> None:
    """On a shared database a node reads back what it committed for its own sockets. PostgreSQL going away
    between the commit and that read killed the node's chat writer: nothing anyone sent there was stored
    again until a restart. Now the message stands, reaches everyone once the database answers, and the
    next one is written."""
    from server_stub.db import DatabaseError

    if not backend.backend.chat.shared:
        pytest.skip("one process delivers what it committed without reading it back")
    anna, bernd = chatters["anna"], chatters["bernd"]
    conv = await anna.chat.open_direct("bernd")
    assert conv == await bernd.chat.open_direct("anna")
    gone: list[str] = []
    for node in backend.nodes:  # whichever node Anna is on
        def away_once(*args, real=node.chat.store.events_after, **kwargs):  # type: ignore[no-untyped-def]
            if not gone:
                gone.append("after the commit")
                raise DatabaseError("Die Datenbank (PostgreSQL) ist nicht erreichbar.")
            return real(*args, **kwargs)

        monkeypatch.setattr(node.chat.store, "events_after", away_once)
    anna.chat.send(conv, "eins")
    await asyncio.wait_for(anna.chat.flush(), 10)  # acknowledged: it was committed
    assert gone
    anna.chat.send(conv, "zwei")
    await asyncio.wait_for(anna.chat.flush(), 10)  # the writer lives on
    for person in (anna, bernd):
        await person.wait_for(lambda p=person: p.bodies(conv) == ["eins", "zwei"], 10)
