"""The HAProxy fixture in front of two tiny websockets servers: connections are spread over both,
and when one is killed, new connections (and reconnects) all reach the other one."""

from __future__ import annotations

import asyncio
import subprocess
import sys
from collections.abc import Callable, Iterator

import pytest
import websockets

from tests.services.haproxy import HAProxy, haproxy  # noqa: F401

#: A websocket server that answers every message with its name and /healthz with 200; prints its port.
NODE = """
import asyncio, http, sys
import websockets

def health(connection, request):
    return connection.respond(http.HTTPStatus.OK, "ok\\n") if request.path == "/healthz" else None

async def serve(ws):
    async for _message in ws:
        await ws.send(sys.argv[1])

async def main():
    async with websockets.serve(serve, "127.0.0.1", 0, process_request=health) as server:
        print(server.sockets[0].getsockname()[1], flush=True)
        await asyncio.Future()

asyncio.run(main())
"""


class Node:
    """A backend node in a process of its own, so it can be SIGKILLed like a crashed one."""

    def __init__(self, name: str) -> None:
        self.process = subprocess.Popen([sys.executable, "-c", NODE, name], stdout=subprocess.PIPE)
        assert self.process.stdout is not None
        self.port = int(self.process.stdout.readline())

    def kill(self) -> None:
        self.process.kill()
        self.process.wait()


@pytest.fixture
def nodes() -> Iterator[Callable[[str], Node]]:
    started: list[Node] = []

    def start(name: str) -> Node:
        started.append(Node(name))
        return started[-1]

    yield start
    for node in started:
        node.kill()


async def _who_answers(proxy: HAProxy) -> str:
    async with websockets.connect(proxy.url("/ws"), open_timeout=10) as ws:
        await ws.send("wer?")
        return str(await asyncio.wait_for(ws.recv(), 10))


async def _until(condition: Callable[[], bool], what: str, timeout: float = 20.0) -> None:
    try:
        async with asyncio.timeout(timeout):
            while not condition():
                await asyncio.sleep(0.02)
    except TimeoutError:
        raise AssertionError(f"no {what} within {timeout:.0f} s") from None


async def test_websockets_go_to_both_nodes_and_only_to_the_live_one_after_a_kill(
        haproxy: Callable[..., HAProxy], nodes: Callable[[str], Node]) -> None:  # noqa: F811
    node_a, node_b = nodes("A"), nodes("B")
    proxy = haproxy([("127.0.0.1", node_a.port), ("127.0.0.1", node_b.port)])
    print(f"HAProxy started in {proxy.started_in * 1000:.0f} ms")
    await _until(lambda: proxy.server_states() == {"node0": "UP", "node1": "UP"}, "both nodes up")
    assert {await _who_answers(proxy) for _ in range(6)} == {"A", "B"}

    # An open websocket through the proxy to A, then A dies.
    held = await websockets.connect(proxy.url("/ws"))
    await held.send("wer?")
    first = await held.recv()
    if first != "A":  # round robin gave B: take the next one, which is A
        await held.close()
        held = await websockets.connect(proxy.url("/ws"))
        await held.send("wer?")
        assert await held.recv() == "A"
    node_a.kill()

    # At once, before the checks notice: redispatch sends every new connection to B.
    assert [await _who_answers(proxy) for _ in range(6)] == ["B"] * 6
    await _until(lambda: proxy.server_states()["node0"].startswith("DOWN"), "node0 marked down")
    assert proxy.server_states()["node1"] == "UP"
    await asyncio.wait_for(held.wait_closed(), 10)  # the socket through the dead node ends
    assert [await _who_answers(proxy) for _ in range(4)] == ["B"] * 4


async def test_a_node_in_maintenance_gets_no_new_connections(haproxy: Callable[..., HAProxy],  # noqa: F811
                                                              nodes: Callable[[str], Node]) -> None:
    node_a, node_b = nodes("A"), nodes("B")
    proxy = haproxy([("127.0.0.1", node_a.port), ("127.0.0.1", node_b.port)])
    await _until(lambda: proxy.server_states() == {"node0": "UP", "node1": "UP"}, "both nodes up")
    proxy.set_state("node1", "maint")
    assert {await _who_answers(proxy) for _ in range(4)} == {"A"}
    proxy.set_state("node1", "ready")
    await _until(lambda: proxy.server_states()["node1"] == "UP", "node1 back")
    assert {await _who_answers(proxy) for _ in range(4)} == {"A", "B"}
