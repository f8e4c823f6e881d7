"""Chat survives a backend killed with SIGKILL twice while 20 clients send 500 messages each; and a
client restarted while offline delivers what was written meanwhile, exactly once, in order."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from dvz_desktop.services.chat import ChatClient
from dvz_desktop.services.session import Credentials, Session, SessionState

from .chat_history import assert_one_complete_history, free_port, org_file, wait_until, write_while_restarting

ROOT = Path(__file__).resolve().parents[2]
PEOPLE = 20
MESSAGES = 500


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

        async def restart() -> None:
            backend.kill()
            await asyncio.sleep(0.3)
            await backend.start()

        acked_before_kills = await write_while_restarting(clients, conv, acked, MESSAGES, 25, restart)
        await assert_one_complete_history(clients, conv, MESSAGES, acked_before_kills)
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
