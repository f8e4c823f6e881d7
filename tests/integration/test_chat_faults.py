"""Chat survives a backend killed with SIGKILL twice while 20 clients send 500 messages each; and a
client restarted while offline delivers what was written meanwhile, exactly once, in order."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from dvz_desktop.services.chat import ChatClient
from dvz_desktop.services.session import Credentials, Session, SessionState

ROOT = Path(__file__).resolve().parents[2]
PEOPLE = 20
MESSAGES = 500


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


class BackendProcess:
    def __init__(self, org: Path, data: Path, port: int) -> None:
        self.args = [sys.executable, "-m", "server_stub", "--port", str(port), "--data-dir", str(data), "--org",
                     str(org), "--log-level", "WARNING", "--rate-limit", "60000"]
        self.proc: subprocess.Popen[str] | None = None

    async def start(self) -> None:
        self.proc = subprocess.Popen(self.args, cwd=ROOT, stdout=subprocess.PIPE, text=True)
        assert self.proc.stdout is not None
        line = await asyncio.to_thread(self.proc.stdout.readline)
        assert "bereit" in line, line

    def kill(self) -> None:
        assert self.proc is not None
        os.kill(self.proc.pid, signal.SIGKILL)
        self.proc.wait()

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:  # a loaded machine: do not leave it running
                self.proc.kill()
                self.proc.wait()
                raise AssertionError("the backend did not end within 30 s of SIGTERM") from None


async def wait_until(condition, timeout: float, what: str) -> None:  # type: ignore[no-untyped-def]
    async def poll() -> None:
        while not condition():
            await asyncio.sleep(0.05)

    try:
        await asyncio.wait_for(poll(), timeout)
    except TimeoutError:
        raise AssertionError(f"timed out waiting for {what}") from None


@pytest.mark.timeout(900)  # 10,000 messages and two restarts on a loaded two-core machine
async def test_twenty_clients_keep_one_complete_history_through_two_sigkills(tmp_path: Path) -> None:
    port = free_port()
    backend = BackendProcess(org_file(tmp_path / "org.json", PEOPLE), tmp_path / "data", port)
    await backend.start()
    url = f"ws://127.0.0.1:{port}/ws"
    clients: list[ChatClient] = []
    acked: set[str] = set()
    try:
        for n in range(PEOPLE):
            session = Session(url, Credentials(f"p{n}", "geheim-123"), reconnect_min_s=0.05, reconnect_max_s=0.5)
            await session.start()
            client = ChatClient(session, tmp_path / f"p{n}.outbox")
            client.acknowledged.connect(acked.add)
            clients.append(client)
        conv = await clients[0].open_room("team")
        for client in clients[1:]:
            assert await client.open_room("team") == conv

        async def write(client: ChatClient, n: int) -> None:
            for k in range(MESSAGES):
                client.send(conv, f"p{n} Nachricht {k}")
                if k % 25 == 24:
                    await asyncio.sleep(0.05)

        writers = [asyncio.create_task(write(c, n)) for n, c in enumerate(clients)]
        acked_before_kills: list[set[str]] = []
        for share in (0.3, 0.6):
            await wait_until(lambda s=share: len(acked) >= s * PEOPLE * MESSAGES, 300, f"{share:.0%} acknowledged")
            acked_before_kills.append(set(acked))
            backend.kill()
            await asyncio.sleep(0.3)
            await backend.start()
        await asyncio.gather(*writers)
        await wait_until(lambda: all(not c.outbox.pending() for c in clients), 300, "every outbox to empty")
        total = PEOPLE * MESSAGES
        await wait_until(lambda: all(len(c.conversations[conv].messages) == total for c in clients), 300,
                         "every client to hold the whole history")
        histories = [[(m.position, m.sender_id, m.client_msg_id) for m in c.conversations[conv].ordered()]
                     for c in clients]
        assert all(h == histories[0] for h in histories)
        ids = [client_id for _, _, client_id in histories[0]]
        assert len(ids) == len(set(ids)) == total  # nothing lost, nothing twice
        assert [p for p, _, _ in histories[0]] == list(range(1, total + 1))  # positions without gaps
        for before in acked_before_kills:
            assert before <= set(ids)  # acknowledged means stored
        # Each person's messages are in the order they were written.
        for n, client in enumerate(clients):
            mine = [m.body for m in client.conversations[conv].ordered() if m.sender_id == f"p{n}"]
            assert mine == [f"p{n} Nachricht {k}" for k in range(MESSAGES)]
    finally:
        for client in clients:
            await client._session.stop()  # noqa: SLF001
        backend.stop()


async def test_messages_written_offline_arrive_once_in_order_after_a_client_restart(tmp_path: Path) -> None:
    port = free_port()
    backend = BackendProcess(org_file(tmp_path / "org.json", 2), tmp_path / "data", port)
    await backend.start()
    url = f"ws://127.0.0.1:{port}/ws"
    try:
        writer = Session(url, Credentials("p0", "geheim-123"), reconnect_min_s=0.05, reconnect_max_s=0.2)
        await writer.start()
        reader = Session(url, Credentials("p1", "geheim-123"))
        await reader.start()
        writer_chat = ChatClient(writer, tmp_path / "p0.outbox")
        reader_chat = ChatClient(reader, tmp_path / "p1.outbox")
        conv = await writer_chat.open_direct("p1")
        await wait_until(lambda: conv in reader_chat.conversations, 60, "the conversation at the reader")
        # The writer's connection drops (the backend is away for a moment) ...
        await reader.stop()
        backend.kill()
        await wait_until(lambda: writer.state is SessionState.RECONNECTING, 60, "the writer to notice")
        for k in range(10):  # ... the user keeps writing ...
            writer_chat.send(conv, f"Offline {k}")
        assert len(writer_chat.outbox.pending()) == 10
        await writer.stop()  # ... and closes the program before the connection is back.
        await backend.start()
        restarted = Session(url, Credentials("p0", "geheim-123"))
        restarted_chat = ChatClient(restarted, tmp_path / "p0.outbox")  # the same outbox file
        assert len(restarted_chat.outbox.pending()) == 10
        await restarted.start()
        await wait_until(lambda: not restarted_chat.outbox.pending(), 60, "the outbox to be sent")
        reader = Session(url, Credentials("p1", "geheim-123"))
        reader_chat = ChatClient(reader, tmp_path / "p1.outbox")
        await reader.start()
        await wait_until(lambda: conv in reader_chat.conversations
                         and len(reader_chat.conversations[conv].messages) >= 10,
                         60, "the messages at the reader")
        await asyncio.sleep(0.3)
        bodies = [m.body for m in reader_chat.conversations[conv].ordered()]
        assert bodies == [f"Offline {k}" for k in range(10)]
        await restarted.stop()
        await reader.stop()
    finally:
        backend.stop()
