"""A real Redis (Debian ``redis-server``) on a free loopback port, without persistence.

A config file (so the password never shows in a process list): bind 127.0.0.1, a random password,
no RDB snapshots, no append-only file, its working directory in a temporary folder.

    from tests.services.redis_server import redis_server   # a fresh Redis per test (starts in ~10 ms)
    redis_server.url                                        # redis://:PASSWORD@127.0.0.1:PORT/0
    redis_server.stop(); redis_server.start()               # "Redis restarting" (empty again: no persistence)
"""

from __future__ import annotations

import contextlib
import secrets
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.services.processes import (
    ServiceFailed,
    free_port,
    kill_process,
    log_tail,
    require_program,
    start_process,
    stop_process,
    wait_until_serving,
)


class RedisServer:
    def __init__(self, folder: Path) -> None:
        self.program = require_program("redis-server", "redis-server")
        self.folder = folder
        self.password = secrets.token_urlsafe(18)
        self.port = 0
        self.log = folder / "redis.log"
        self.process: subprocess.Popen[bytes] | None = None
        self.started_in = 0.0

    @property
    def url(self) -> str:
        return f"redis://:{self.password}@127.0.0.1:{self.port}/0"

    def _write_config(self, port: int) -> Path:
        config = self.folder / "redis.conf"
        config.write_text(f"""bind 127.0.0.1
port {port}
protected-mode yes
requirepass {self.password}
dir {self.folder}
save ""
appendonly no
daemonize no
logfile ""
loglevel warning
""", encoding="utf-8")
        return config

    def start(self) -> None:
        """Starts on the port it had (the first time on a free one) and waits until it answers."""
        for _attempt in range(3):
            port = self.port or free_port()
            began = time.monotonic()
            self.process = start_process([self.program, str(self._write_config(port))], self.log)
            try:
                wait_until_serving(self.process, "127.0.0.1", port, log=self.log, what="Redis")
                if not self._answers_with_our_password(port):  # another server held the port
                    stop_process(self.process)
                    raise ServiceFailed(f"another server on port {port}:\n{log_tail(self.log)}")
            except ServiceFailed:
                if self.port:
                    raise
                continue
            self.port = port
            self.started_in = time.monotonic() - began
            return
        raise ServiceFailed(f"Redis found no free port:\n{log_tail(self.log)}")

    def _answers_with_our_password(self, port: int) -> bool:
        with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
            sock.sendall(f"AUTH {self.password}\r\nPING\r\n".encode())
            reply = b""
            while b"PONG" not in reply and b"-" not in reply:
                chunk = sock.recv(100)
                if not chunk:
                    break
                reply += chunk
        return reply.startswith(b"+OK\r\n+PONG")

    def stop(self) -> None:
        if self.process is not None:
            stop_process(self.process)
            self.process = None

    def kill(self) -> None:
        if self.process is not None:
            kill_process(self.process)
            self.process = None


@contextlib.contextmanager
def start_redis(folder: Path) -> Iterator[RedisServer]:
    server = RedisServer(folder)
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def redis_server(tmp_path: Path) -> Iterator[RedisServer]:
    folder = tmp_path / "redis"
    folder.mkdir()
    with start_redis(folder) as server:
        yield server
