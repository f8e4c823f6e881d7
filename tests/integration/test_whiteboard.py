"""The whiteboard through the real backend: concurrent drawing converges, a late joiner and a restarted
backend show the same board, undo/redo, clearing rights, containment and bad input."""

from __future__ import annotations

import asyncio
import base64
import json
from collections.abc import AsyncIterator, Callable
from datetime import timedelta
from pathlib import Path

import pytest
from websockets.asyncio.client import connect

from dvz_desktop.protocol import MAX_IMAGE_BYTES, PROTOCOL_VERSION, WbShape
from dvz_desktop.services.session import Session, SessionError, SessionState
from dvz_desktop.services.whiteboard import WhiteboardClient
from server_stub.app import Backend, BackendConfig
from server_stub.directory.orgfile import OrgFile

from ..conftest import PASSWORDS
from .helpers import login

CLUSTER_READY = True
ROOM = "kh-ikz"  # a project room without an owner (nobody sits there): the first one in moderates


class Drawer:
    def __init__(self, session: Session) -> None:
        self.session = session
        self.wb = WhiteboardClient(session)
        self.refusals: list[str] = []
        self.wb.refused.connect(self.refusals.append)

    async def until(self, condition: Callable[[], bool], timeout: float = 10.0) -> None:
        async def poll() -> None:
            while not condition():
                await asyncio.sleep(0.01)

        await asyncio.wait_for(poll(), timeout)

    async def enter(self, room: str = ROOM) -> None:
        await self.session.move(room)
        await self.wb.open(room)
        await self.until(lambda: self.wb._loaded)


def stroke(n: int, colour: str = "#c0392b") -> WbShape:
    points = []
    for k in range(20):
        points += [10 + (n * 37 + k * 5) % 2300, 10 + (n * 53 + k * 3) % 1500]
    return WbShape(kind="pen", points=tuple(points), colour=colour, width=4)


@pytest.fixture
async def drawers(backend) -> AsyncIterator[dict[str, Drawer]]:  # type: ignore[no-untyped-def]
    people = {name: Drawer(await login(backend.url, name, PASSWORDS[name])) for name in ("anna", "bernd", "erik")}
    yield people
    for person in people.values():
        await person.session.stop()


async def test_two_people_drawing_at_once_end_with_identical_boards_and_a_late_joiner_sees_it(
        drawers: dict[str, Drawer]) -> None:
    anna, bernd, erik = drawers["anna"], drawers["bernd"], drawers["erik"]
    await anna.enter()
    await bernd.enter()
    for n in range(60):  # interleaved: both send before either hears back
        anna.wb.draw(stroke(n, "#c0392b"))
        bernd.wb.draw(stroke(n + 1000, "#2563eb"))
    await anna.until(lambda: len(anna.wb.board.visible()) == 120 and not anna.wb.pending)
    await bernd.until(lambda: len(bernd.wb.board.visible()) == 120 and not bernd.wb.pending)
    assert anna.wb.board.fingerprint() == bernd.wb.board.fingerprint()
    authors = [item.author_id for item in anna.wb.board.visible()]
    assert authors.count("anna") == 60 and authors.count("bernd") == 60

    await erik.enter()  # comes in later: gets the board as it is
    assert erik.wb.board.fingerprint() == anna.wb.board.fingerprint()
    assert [i.colour for i in erik.wb.board.visible() if i.author_id == "bernd"] == ["#2563eb"] * 60


async def test_every_operation_reaches_each_viewer_once_and_in_order_and_late_joiners_see_the_board(
        backend, drawers: dict[str, Drawer]) -> None:  # type: ignore[no-untyped-def]
    """On the cluster anna and erik are on one node, bernd and clara on the other: the board's sequence
    comes from the database, whoever draws on whichever node."""
    anna, bernd, erik = drawers["anna"], drawers["bernd"], drawers["erik"]
    seen: dict[str, list[object]] = {"anna": [], "bernd": []}
    for name in seen:
        drawers[name].session.message_received.connect(
            lambda msg, name=name: seen[name].append(msg) if getattr(msg, "room_id", None) == ROOM else None)
    await anna.enter()
    await bernd.enter()
    mine = [anna.wb.draw(stroke(n))[0] for n in range(30)]
    for n in range(30):
        bernd.wb.draw(stroke(n + 500, "#2563eb"))
    await bernd.until(lambda: len(bernd.wb.board.visible()) == 60 and not bernd.wb.pending)
    bernd.wb.erase(mine[:10])  # bernd erases on his node what anna drew on hers
    await anna.until(lambda: len(anna.wb.board.visible()) == 50)
    last = anna.wb.board.seq
    await bernd.until(lambda: bernd.wb.board.seq == last)
    for name, messages in seen.items():
        sequence = [op.seq for m in messages for op in getattr(m, "ops", ())]
        assert sequence == list(range(1, last + 1)), name  # each once, in order, no gap
        assert sum(type(m).__name__ == "WbSnapshot" for m in messages) == 1, name  # never read anew
    clara = Drawer(await login(backend.url, "clara", PASSWORDS["clara"]))
    try:
        for late in (erik, clara):  # one late joiner on each node
            await late.enter()
            assert late.wb.board.seq == last
            assert late.wb.board.fingerprint() == anna.wb.board.fingerprint() == bernd.wb.board.fingerprint()
    finally:
        await clara.session.stop()


async def test_a_node_further_behind_than_the_log_sends_its_viewers_the_board_anew(
        backend, drawers: dict[str, Drawer]) -> None:  # type: ignore[no-untyped-def]
    """Cluster only: node A (anna's) misses the news of bernd's strokes on node B for longer than
    ``wb_ops`` keeps them; the next news it gets makes it read the board and send anna a snapshot."""
    if backend.other_port is None:
        pytest.skip("two nodes only")
    anna, bernd = drawers["anna"], drawers["bernd"]
    node_a = backend.backend
    await anna.enter()
    await bernd.enter()
    snapshots: list[object] = []
    anna.session.message_received.connect(
        lambda msg: snapshots.append(msg) if type(msg).__name__ == "WbSnapshot" else None)
    deaf = node_a.cluster.relayed.pop("whiteboard")  # node A hears nothing of the board for a while
    for n in range(5):
        bernd.wb.draw(stroke(n))
    await bernd.until(lambda: len(bernd.wb.board.visible()) == 5 and not bernd.wb.pending)
    node_a.whiteboards.store.forget_ops_before(node_a.clock.now() + timedelta(days=1))  # the log moved on
    node_a.cluster.relayed["whiteboard"] = deaf
    bernd.wb.draw(stroke(6))
    await anna.until(lambda: len(anna.wb.board.visible()) == 6)
    assert len(snapshots) == 1  # the board anew, not operations with a gap
    assert anna.wb.board.fingerprint() == bernd.wb.board.fingerprint()


async def test_undo_and_redo_take_back_only_my_own_drawing_for_everyone(drawers: dict[str, Drawer]) -> None:
    anna, bernd = drawers["anna"], drawers["bernd"]
    await anna.enter()
    await bernd.enter()
    [mine] = anna.wb.draw(stroke(1))
    [theirs] = bernd.wb.draw(stroke(2))
    await anna.until(lambda: len(anna.wb.board.visible()) == 2)
    assert anna.wb.undo()
    await bernd.until(lambda: [i.item_id for i in bernd.wb.board.visible()] == [theirs])
    assert anna.wb.redo()
    await bernd.until(lambda: {i.item_id for i in bernd.wb.board.visible()} == {mine, theirs})
    assert not anna.wb.redo()  # nothing more to redo

    bernd.wb.erase([mine])  # the eraser works on anyone's drawing
    await anna.until(lambda: [i.item_id for i in anna.wb.board.visible()] == [theirs])
    assert bernd.wb.undo()  # ... and bernd can take his erasing back
    await anna.until(lambda: len(anna.wb.board.visible()) == 2)
    assert anna.wb.board.fingerprint() == bernd.wb.board.fingerprint()


async def test_only_owner_or_moderator_may_clear(drawers: dict[str, Drawer]) -> None:
    anna, bernd = drawers["anna"], drawers["bernd"]
    await anna.enter()  # first in: moderates
    await bernd.enter()
    await bernd.until(lambda: bernd.wb.moderator_id == "anna")
    bernd.wb.draw(stroke(3))
    await anna.until(lambda: len(anna.wb.board.visible()) == 1)
    assert not bernd.wb.may_clear(owner_id=None)
    with pytest.raises(SessionError) as refused:
        await bernd.wb.clear()
    assert "Moderation" in refused.value.message
    assert anna.wb.may_clear(owner_id=None)
    await anna.wb.clear()
    await bernd.until(lambda: not bernd.wb.board.visible())
    assert not bernd.wb.undo()  # a cleared board has nothing left to undo

    await anna.session.move("kh-kueche")  # the moderator leaves: bernd moderates now
    await bernd.until(lambda: bernd.wb.moderator_id == "bernd")


async def test_a_person_outside_the_room_neither_reads_nor_draws(drawers: dict[str, Drawer]) -> None:
    anna, bernd = drawers["anna"], drawers["bernd"]
    await anna.enter()
    with pytest.raises(SessionError) as refused:
        await bernd.wb.open(ROOM)  # bernd sits in his own office
    assert refused.value.code == "not_in_room"
    await bernd.enter()
    await bernd.session.move("kh-102")  # walking out ends the live board
    anna.wb.draw(stroke(4))
    await anna.until(lambda: len(anna.wb.board.visible()) == 1)
    await asyncio.sleep(0.2)
    assert bernd.wb.board.visible() == []


async def test_board_survives_a_backend_restart(org_three: OrgFile, tmp_path: Path) -> None:
    data = tmp_path / "data"
    server = Backend(org_three, BackendConfig(data_dir=data))
    port = await server.start("127.0.0.1", 0)
    url = f"ws://127.0.0.1:{port}/ws"
    anna = Drawer(await login(url, "anna", PASSWORDS["anna"], reconnect_min_s=0.05, reconnect_max_s=0.2))
    await anna.enter()
    ids = [anna.wb.draw(stroke(n))[0] for n in range(30)]
    anna.wb.erase(ids[:5])
    await anna.until(lambda: len(anna.wb.board.visible()) == 25)
    before = anna.wb.board.fingerprint()
    await server.stop()
    await anna.until(lambda: anna.session.state is SessionState.RECONNECTING)
    anna.wb.draw(stroke(99))  # drawn while the backend is away: sent once it is back
    server = Backend(org_three, BackendConfig(data_dir=data))
    assert await server.start("127.0.0.1", port) == port
    try:
        await anna.until(lambda: anna.session.state is SessionState.CONNECTED, timeout=15)
        await anna.until(lambda: len(anna.wb.board.visible()) == 26 and not anna.wb.pending, timeout=15)
        bernd = Drawer(await login(url, "bernd", PASSWORDS["bernd"]))
        await bernd.enter()
        assert bernd.wb.board.fingerprint() == anna.wb.board.fingerprint() != before
        assert anna.wb.undo()  # the stroke drawn while away
        await bernd.until(lambda: len(bernd.wb.board.visible()) == 25)
        assert bernd.wb.board.fingerprint() == before
        await bernd.session.stop()
        await anna.session.stop()
    finally:
        await server.stop()


async def raw_socket(url: str, name: str, room: str):  # type: ignore[no-untyped-def]
    """A bare socket logged in as ``name`` and standing in ``room``: frames exactly as written."""
    ws = await connect(url)
    await ws.send(json.dumps({"type": "hello", "id": "h", "protocol_version": PROTOCOL_VERSION,
                              "auth": {"method": "password", "username": name, "password": PASSWORDS[name]}}))
    assert json.loads(await ws.recv())["type"] == "welcome"
    await ws.send(json.dumps({"type": "move", "id": "m", "room_id": room}))
    await answer_to(ws, "m")
    return ws


async def answer_to(ws, command_id: str) -> dict:  # type: ignore[no-untyped-def, type-arg]
    while True:
        frame = json.loads(await asyncio.wait_for(ws.recv(), 5))
        if frame.get("reply_to") == command_id:
            return frame


async def test_bad_drawings_are_refused_with_clear_messages_and_others_carry_on(backend, drawers) -> None:  # type: ignore[no-untyped-def]
    anna = drawers["anna"]
    await anna.enter()
    ws = await raw_socket(backend.url, "bernd", ROOM)
    png = b"\x89PNG\r\n\x1a\n" + b"\0" * (MAX_IMAGE_BYTES + 1000)
    cases = {
        "big": ({"kind": "image", "points": [0, 0, 100, 100], "image": base64.b64encode(png).decode()},
                "image_too_large", "zu groß"),
        "exe": ({"kind": "image", "points": [0, 0, 100, 100], "image": base64.b64encode(b"MZ" * 50).decode()},
                "invalid_drawing", "Zeichnung"),
        "far": ({"kind": "pen", "points": [0, 0, 99999, 5]}, "invalid_drawing", "Zeichnung"),
        "odd": ({"kind": "rect", "points": [1, 2, 3]}, "invalid_drawing", "Zeichnung"),
    }
    for key, (shape, code, german) in cases.items():
        await ws.send(json.dumps({"type": "wb_add", "id": key, "room_id": ROOM, "item_id": f"bernd.{key}-item",
                                  "shape": shape}))
        answer = await answer_to(ws, key)
        assert answer["code"] == code and german in answer["message_de"], answer
    anna.wb.draw(stroke(5))  # anna does not notice bernd's trouble
    await anna.until(lambda: len(anna.wb.board.visible()) == 1 and not anna.wb.pending)
    assert not anna.refusals
    await ws.close()


async def test_a_flood_of_operations_is_limited_for_that_person_only(backend, drawers) -> None:  # type: ignore[no-untyped-def]
    anna = drawers["anna"]
    await anna.enter()
    ws = await raw_socket(backend.url, "bernd", ROOM)
    shape = {"kind": "line", "points": [1, 1, 50, 50]}
    for n in range(400):
        await ws.send(json.dumps({"type": "wb_add", "id": f"f{n}", "room_id": ROOM, "item_id": f"bernd.flood{n:04d}",
                                  "shape": shape}))
    codes: dict[str, int] = {}
    seen = 0
    while seen < 400:
        frame = json.loads(await asyncio.wait_for(ws.recv(), 5))
        if str(frame.get("reply_to", "")).startswith("f"):
            seen += 1
            codes[frame["type"] if frame["type"] == "ack" else frame["code"]] = codes.get(
                frame["type"] if frame["type"] == "ack" else frame["code"], 0) + 1
    assert codes.get("rate_limited", 0) >= 200 and 100 <= codes["ack"] <= 200, codes
    anna.wb.draw(stroke(6))  # anna still draws at once
    await anna.until(lambda: not anna.wb.pending, timeout=2)
    assert not anna.refusals
    assert len(backend.backend.whiteboards.board(ROOM).items) == codes["ack"] + 1
    await ws.close()
