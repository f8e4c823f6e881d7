"""A command that arrives late on a socket the client gave up (it reconnected on a new one, maybe through
another node, while the old node was busy or had not noticed the old socket die) must not undo what the
client did since: the newest socket of a login speaks for it (server_stub/net/acting.py)."""

from __future__ import annotations

import pytest

from dvz_desktop.services.session import Credentials, Session, SessionError
from tests.conftest import PASSWORDS, RunningBackend

from .chat_history import wait_until
from .helpers import login
from .test_reconnect import View

CLUSTER_READY = True


async def test_a_socket_given_up_for_a_newer_one_is_not_obeyed(backend: RunningBackend) -> None:
    url = f"ws://127.0.0.1:{backend.port}/ws"  # both sockets on one node
    old = await login(url, "anna", PASSWORDS["anna"])
    new = Session(url, Credentials("anna", token=old.token))
    await new.start()
    bernd = await login(url, "bernd", PASSWORDS["bernd"])
    seen = View(bernd)
    try:
        await new.move("kh-sitz")
        with pytest.raises(SessionError) as late:
            await old.move("kh-kueche")
        assert late.value.code == "superseded" and "neuere" in late.value.message
        await seen.until("anna", lambda p: p.room_id == "kh-sitz")
        await new.move("kh-101")  # the newer socket goes on as usual
        await seen.until("anna", lambda p: p.room_id == "kh-101")
        # Another login of the same person (a second workplace) is not superseded by this one.
        elsewhere = await login(url, "anna", PASSWORDS["anna"])
        await elsewhere.move("kh-kueche")
        await seen.until("anna", lambda p: p.room_id == "kh-kueche")
        await elsewhere.stop()
    finally:
        for session in (bernd, new, old):
            await session.stop()


async def test_a_late_move_on_another_node_is_taken_back(backend: RunningBackend) -> None:
    if backend.other_port is None:
        pytest.skip("two nodes: the cluster mode")
    url_a, url_b = (f"ws://127.0.0.1:{port}/ws" for port in (backend.port, backend.other_port))
    old = await login(url_a, "anna", PASSWORDS["anna"])
    new = Session(url_b, Credentials("anna", token=old.token))  # the client reconnected through node B
    await new.start()
    watchers = [await login(url_a, "bernd", PASSWORDS["bernd"]), await login(url_b, "erik", PASSWORDS["erik"])]
    views = [View(w) for w in watchers]
    rooms_seen_on_a: list[str | None] = []
    rooms_seen_on_b: list[str | None] = []
    for watcher, seen in zip(watchers, (rooms_seen_on_a, rooms_seen_on_b), strict=True):
        watcher.presence_changed.connect(
            lambda updates, seen=seen: seen.extend(p.room_id for p in updates if p.person_id == "anna"))
    try:
        await new.move("kh-sitz")
        for view in views:
            await view.until("anna", lambda p: p.room_id == "kh-sitz")
        # Node A still holds the old socket and carries out what arrives on it (it cannot know yet) ...
        await old.move("kh-kueche")
        await wait_until(lambda: "kh-kueche" in rooms_seen_on_a, 20, "node A to carry the late move out")
        # ... but node B, holding the newer socket of that login, does not follow and takes it back.
        await wait_until(lambda: rooms_seen_on_a[-1] == "kh-sitz", 20, "node A to take the late move back")
        await new.move("kh-101")
        for view in views:
            await view.until("anna", lambda p: p.room_id == "kh-101")
        assert "kh-kueche" not in rooms_seen_on_b, rooms_seen_on_b
    finally:
        for session in (*watchers, new, old):
            await session.stop()
