"""Start the demo backend as a child process for the client's demo mode."""

from __future__ import annotations

import asyncio
import logging
import os
import shutil
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

log = logging.getLogger(__name__)

DEMO_USER = "a.schneider"
DEMO_PASSWORD = "demo"


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class DemoBackend:
    """A `dvz-server --demo` on a free loopback port with a throw-away data directory."""

    def __init__(self, speed: float = 1.0) -> None:
        self.port = _free_port()
        self.url = f"ws://127.0.0.1:{self.port}/ws"
        self._speed = speed
        self._data_dir = Path(tempfile.mkdtemp(prefix="dvz-demo-"))
        self._process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        try:
            import server_stub  # noqa: F401  (only present when running from the source tree)
        except ImportError:
            raise RuntimeError(
                "Der Demo-Server ist in dieser Installation nicht enthalten. "
                "Bitte starten Sie DVZ Desktop aus dem Quellcode oder verbinden Sie sich mit einem Server."
            ) from None
        # The child does not need to be waited for here: the session's connect retries until it listens.
        self._process = subprocess.Popen(
            [sys.executable, "-m", "server_stub", "--demo", "--host", "127.0.0.1", "--port", str(self.port),
             "--data-dir", str(self._data_dir), "--demo-speed", str(self._speed), "--log-level", "WARNING"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
        log.info("demo backend started on port %d", self.port)

    async def wait_ready(self, timeout_s: float = 15.0) -> None:
        """Wait (without blocking the loop) until the demo backend accepts connections."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout_s
        while True:
            if self._process is not None and self._process.poll() is not None:
                raise RuntimeError("Der Demo-Server konnte nicht gestartet werden.")
            try:
                _, writer = await asyncio.open_connection("127.0.0.1", self.port)
            except OSError:
                if loop.time() > deadline:
                    raise RuntimeError("Der Demo-Server antwortet nicht.") from None
                await asyncio.sleep(0.05)
                continue
            writer.close()
            return

    def stop(self) -> None:
        if self._process is not None and self._process.poll() is None:
            self._process.terminate()
            try:
                self._process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self._process.kill()
        shutil.rmtree(self._data_dir, ignore_errors=True)
