"""A real HAProxy (Debian ``haproxy``) on a free loopback port in front of the backends a test names.

Websocket-ready: HTTP mode, ``timeout tunnel`` for upgraded connections (the client/server timeouts
apply only until the upgrade), HTTP health checks on ``/healthz`` (``health_path=None`` for plain TCP
checks) every 200 ms, two failures mark a node down, and ``option redispatch`` with retries so a
connection meant for a dead node goes to a live one before the checks have noticed. A stats socket
in the temporary folder answers ``server_states()`` and ``set_state()`` (maintenance for a node).

    from tests.services.haproxy import haproxy            # a factory: haproxy([("127.0.0.1", 8001), ...])
    proxy = haproxy(backends)                              # started; stopped after the test
    proxy.url("/ws")                                       # ws://127.0.0.1:PORT/ws
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import pytest

from tests.services.processes import (
    ServiceFailed,
    free_port,
    require_program,
    start_process,
    stop_process,
    wait_until_serving,
)


def render_config(port: int, backends: Sequence[tuple[str, int]], *, stats_socket: Path,
                  health_path: str | None = "/healthz", balance: str = "roundrobin", maxconn: int = 4096,
                  check_timing: str = "inter 200ms fall 2 rise 1") -> str:
    servers = "\n".join(f"    server node{n} {host}:{backend_port} check"
                        for n, (host, backend_port) in enumerate(backends))
    checks = (f"    option httpchk\n    http-check send meth GET uri {health_path}\n    http-check expect status 200\n"
              if health_path else "")
    return f"""global
    maxconn {maxconn}
    stats socket {stats_socket} mode 600 level admin
    log stderr format short local0 notice

defaults
    mode http
    log global
    option dontlognull
    timeout connect 2s
    timeout client 30s
    timeout server 30s
    # An upgraded (websocket) connection lives by this one: idle sockets are kept for an hour.
    timeout tunnel 1h
    timeout http-request 10s
    retries 3
    option redispatch 1

frontend dvz
    bind 127.0.0.1:{port}
    default_backend nodes

backend nodes
    balance {balance}
{checks}    default-server {check_timing} on-marked-down shutdown-sessions
{servers}
"""


class HAProxy:
    def __init__(self, folder: Path, backends: Sequence[tuple[str, int]], *, health_path: str | None = "/healthz",
                 balance: str = "roundrobin", maxconn: int = 4096,
                 check_timing: str = "inter 200ms fall 2 rise 1") -> None:
        self.program = require_program("haproxy", "haproxy")
        self.folder = folder
        self.backends = list(backends)
        self.health_path = health_path
        self.balance = balance
        #: Connections HAProxy accepts at once (a benchmark with thousands of sockets raises it).
        self.maxconn = maxconn
        #: How often a node is checked and how many failures mark it down (docs/rollout.md: every 1 s).
        self.check_timing = check_timing
        # A short path of its own: a Unix socket's path must stay under 108 bytes.
        self._socket_folder = Path(tempfile.mkdtemp(prefix="dvz-haproxy-"))
        self.stats_socket = self._socket_folder / "admin.sock"
        self.config = folder / "haproxy.cfg"
        self.log = folder / "haproxy.log"
        self.port = 0
        self.process: subprocess.Popen[bytes] | None = None
        self.started_in = 0.0

    def url(self, path: str = "/", scheme: str = "ws") -> str:
        return f"{scheme}://127.0.0.1:{self.port}{path}"

    def start(self) -> None:
        for _attempt in range(3):
            port = self.port or free_port()
            self.config.write_text(render_config(port, self.backends, stats_socket=self.stats_socket,
                                                 health_path=self.health_path, balance=self.balance,
                                                 maxconn=self.maxconn, check_timing=self.check_timing),
                                   encoding="utf-8")
            checked = subprocess.run([self.program, "-c", "-q", "-f", str(self.config)], check=False,
                                     capture_output=True,
                                     text=True, timeout=30)
            if checked.returncode != 0:
                raise ServiceFailed(f"HAProxy refused its configuration:\n{checked.stdout}{checked.stderr}")
            began = time.monotonic()
            self.process = start_process([self.program, "-db", "-f", str(self.config)], self.log)
            try:
                wait_until_serving(self.process, "127.0.0.1", port, log=self.log, what="HAProxy")
                self._wait_for_stats_socket()
            except ServiceFailed:
                if self.port:
                    raise
                continue  # the free port was taken in between
            self.port = port
            self.started_in = time.monotonic() - began
            return
        raise ServiceFailed("HAProxy found no free port")

    def _wait_for_stats_socket(self, timeout: float = 20.0) -> None:
        deadline = time.monotonic() + timeout
        while True:
            try:
                self.command("show info")
                return
            except OSError:
                if self.process is None or self.process.poll() is not None or time.monotonic() > deadline:
                    raise ServiceFailed("HAProxy's stats socket did not answer") from None
                time.sleep(0.01)

    def stop(self) -> None:
        if self.process is not None:
            stop_process(self.process)
            self.process = None

    def remove(self) -> None:
        self.stop()
        shutil.rmtree(self._socket_folder, ignore_errors=True)

    def command(self, line: str) -> str:
        """One command on HAProxy's runtime API (the stats socket)."""
        with socket.socket(socket.AF_UNIX) as sock:
            sock.settimeout(5)
            sock.connect(str(self.stats_socket))
            sock.sendall(line.encode() + b"\n")
            answer = b""
            while chunk := sock.recv(65536):
                answer += chunk
        return answer.decode()

    def server_states(self) -> dict[str, str]:
        """``{"node0": "UP", "node1": "DOWN", ...}`` as HAProxy's checks see them now."""
        lines = self.command("show stat").splitlines()
        header = lines[0].lstrip("# ").split(",")
        states = {}
        for line in lines[1:]:
            row = dict(zip(header, line.split(","), strict=False))
            if row.get("pxname") == "nodes" and row.get("svname", "").startswith("node"):
                states[row["svname"]] = row["status"]
        return states

    def set_state(self, node: str, state: str) -> None:
        """``ready``, ``drain`` or ``maint`` for one node (a rolling restart takes it out first)."""
        answer = self.command(f"set server nodes/{node} state {state}")
        if answer.strip():
            raise ServiceFailed(f"HAProxy refused: {answer.strip()}")


@pytest.fixture
def haproxy(tmp_path: Path) -> Iterator[Callable[..., HAProxy]]:
    """Starts HAProxy in front of the given (host, port) backends; all are stopped after the test."""
    started: list[HAProxy] = []

    def start(backends: Sequence[tuple[str, int]], **options: object) -> HAProxy:
        folder = tmp_path / f"haproxy-{len(started)}"
        folder.mkdir()
        proxy = HAProxy(folder, backends, **options)  # type: ignore[arg-type]
        started.append(proxy)
        proxy.start()
        return proxy

    yield start
    for proxy in started:
        proxy.remove()
