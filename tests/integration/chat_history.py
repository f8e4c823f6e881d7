"""People write into one room chat while the backend is killed and started again; afterwards everyone
holds one complete history. Shared by the one-process fault test (test_chat_faults.py) and the cluster's
(test_cluster_faults.py), which differ only in what is killed and how clients reach it."""

from __future__ import annotations

import asyncio
import json
import socket
from collections.abc import Awaitable, Callable
from pathlib import Path

from dvz_desktop.services.chat import ChatClient


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def org_file(path: Path, people: int) -> Path:
    org = {
        "organisations": [{"id": "lk", "name": "Landkreis", "buildings": [{"id": "kh", "name": "Kreishaus", "floors": [
            {"id": "eg", "name": "EG", "width": 900, "height": 400, "rooms": [
                {"id": "team", "name": "Teambüro", "kind": "team_office", "x": 10, "y": 10, "w": 400, "h": 300}]}]}]}],
        "staff": [{"username": f"p{n}", "display_name": f"Person {n}", "org": "lk", "home_room": "team",
                   "initial_password": "geheim-123"} for n in range(people)],
    }
    path.write_text(json.dumps(org), encoding="utf-8")
    return path


async def wait_until(condition, timeout: float, what: str) -> None:  # type: ignore[no-untyped-def]
    async def poll() -> None:
        while not condition():
            await asyncio.sleep(0.05)

    try:
        await asyncio.wait_for(poll(), timeout)
    except TimeoutError:
        raise AssertionError(f"timed out waiting for {what}") from None


#: Generous: thousands of messages and two restarts on a loaded two-core machine.
TIMEOUT_S = 300


async def write_while_restarting(clients: list[ChatClient], conv: str, acked: set[str], messages: int,
                                 pause_every: int, restart: Callable[[], Awaitable[None]]) -> list[set[str]]:
    """Person ``n`` writes "p<n> Nachricht <k>" ``messages`` times, pausing briefly every ``pause_every``;
    at 30 % and 60 % acknowledged the backend is restarted. Returns what was acknowledged before each."""

    async def write(client: ChatClient, n: int) -> None:
        for k in range(messages):
            client.send(conv, f"p{n} Nachricht {k}")
            if k % pause_every == pause_every - 1:
                await asyncio.sleep(0.05)

    writers = [asyncio.create_task(write(c, n)) for n, c in enumerate(clients)]
    acked_before_restarts: list[set[str]] = []
    for share in (0.3, 0.6):
        await wait_until(lambda s=share: len(acked) >= s * len(clients) * messages, TIMEOUT_S,
                         f"{share:.0%} acknowledged")
        acked_before_restarts.append(set(acked))
        await restart()
    await asyncio.gather(*writers)
    return acked_before_restarts


async def assert_one_complete_history(clients: list[ChatClient], conv: str, messages: int,
                                      acked_before_restarts: list[set[str]]) -> None:
    await wait_until(lambda: all(not c.outbox.pending() for c in clients), TIMEOUT_S, "every outbox to empty")
    total = len(clients) * messages
    await wait_until(lambda: all(len(c.conversations[conv].messages) == total for c in clients), TIMEOUT_S,
                     "every client to hold the whole history")
    histories = [[(m.position, m.sender_id, m.client_msg_id) for m in c.conversations[conv].ordered()]
                 for c in clients]
    assert all(h == histories[0] for h in histories)  # one order for everyone (on either node)
    ids = [client_id for _, _, client_id in histories[0]]
    assert len(ids) == len(set(ids)) == total  # nothing lost, nothing twice
    assert [p for p, _, _ in histories[0]] == list(range(1, total + 1))  # positions without gaps
    for before in acked_before_restarts:
        assert before <= set(ids)  # acknowledged means stored
    # Each person's messages are in the order they were written.
    for n, client in enumerate(clients):
        mine = [m.body for m in client.conversations[conv].ordered() if m.sender_id == f"p{n}"]
        assert mine == [f"p{n} Nachricht {k}" for k in range(messages)]
