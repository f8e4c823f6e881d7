"""A real Janus (Debian ``janus``, VideoRoom plugin) in a network namespace of its own.

Janus skips loopback interfaces for ICE, so it runs on a private test host (``tests.services.netns``):
its websocket API listens on the namespace's veth address, its admin API on the namespace's loopback
only (reachable with ``ip netns exec``, never from the test process), ICE uses that veth alone, no STUN
or TURN server, no other plugin or transport loaded. Every request needs the API secret; creating a
VideoRoom needs the plugin's admin key.

    from tests.services.janus import janus            # the fixture: a fresh Janus per test
    url, secret = janus.url, janus.api_secret          # ws://10.77.a.b:8188/, random
    janus.admin_key                                    # VideoRoom "create" needs it
    janus.kill(); janus.start()                        # Janus dies mid-meeting, and comes back

``start_janus(folder)`` is the same as a context manager for benchmarks.
"""

from __future__ import annotations

import contextlib
import glob
import secrets
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.services.netns import PrivateHost, private_host, require_namespaces
from tests.services.processes import (
    kill_process,
    require_program,
    start_process,
    stop_process,
    wait_until_serving,
)

WS_PORT = 8188  # inside the namespace every port is free: it has its own
ADMIN_PORT = 7188
KEEP_PLUGINS = {"libjanus_videoroom.so"}
KEEP_TRANSPORTS = {"libjanus_websockets.so"}


def janus_folders() -> dict[str, str]:
    """Where Debian (or a build under /usr/local, /opt/janus) keeps Janus's modules."""
    for root in ("/usr/lib/*/janus", "/usr/lib/janus", "/usr/local/lib/janus", "/opt/janus/lib/janus"):
        for found in sorted(glob.glob(root)):
            if Path(found, "plugins", "libjanus_videoroom.so").exists():
                return {kind: str(Path(found, kind)) for kind in ("plugins", "transports", "events", "loggers")}
    pytest.skip("Janus' VideoRoom-Plugin fehlt (Debian-Paket janus; scripts/bootstrap.sh installiert es)")


def _disable_all_but(folder: str, keep: set[str]) -> str:
    return ",".join(sorted(Path(p).name for p in glob.glob(f"{folder}/*.so") if Path(p).name not in keep))


def write_config(folder: Path, host: PrivateHost, *, api_secret: str, admin_secret: str, admin_key: str,
                 string_room_ids: bool = False) -> Path:
    """janus.jcfg, the websocket transport and the VideoRoom plugin, nothing else; returns janus.jcfg."""
    modules = janus_folders()
    (folder / "janus.jcfg").write_text(f"""general: {{
    configs_folder = "{folder}"
    plugins_folder = "{modules['plugins']}"
    transports_folder = "{modules['transports']}"
    events_folder = "{modules['events']}"
    loggers_folder = "{modules['loggers']}"
    debug_level = 4
    debug_timestamps = true
    server_name = "dvz-test-janus"
    interface = "{host.guest_address}"
    api_secret = "{api_secret}"
    admin_secret = "{admin_secret}"
    session_timeout = 60
}}
certificates: {{
}}
media: {{
    rtp_port_range = "20000-40000"
}}
nat: {{
    nice_debug = false
    ice_enforce_list = "{host.guest_link}"
    ignore_mdns = true
}}
plugins: {{
    disable = "{_disable_all_but(modules['plugins'], KEEP_PLUGINS)}"
}}
transports: {{
    disable = "{_disable_all_but(modules['transports'], KEEP_TRANSPORTS)}"
}}
events: {{
    broadcast = false
}}
loggers: {{
    disable = "{_disable_all_but(modules['loggers'], set())}"
}}
""", encoding="utf-8")
    (folder / "janus.transport.websockets.jcfg").write_text(f"""general: {{
    json = "compact"
    ws = true
    ws_port = {WS_PORT}
    ws_ip = "{host.guest_address}"
    wss = false
}}
admin: {{
    admin_ws = true
    admin_ws_port = {ADMIN_PORT}
    admin_ws_ip = "127.0.0.1"
    admin_wss = false
}}
""", encoding="utf-8")
    (folder / "janus.plugin.videoroom.jcfg").write_text(f"""general: {{
    admin_key = "{admin_key}"
    lock_rtp_forward = true
    string_room_ids = {'true' if string_room_ids else 'false'}
}}
""", encoding="utf-8")
    return folder / "janus.jcfg"


class JanusServer:
    """One Janus on a private host; ``start``/``stop``/``kill`` for fault tests (same config and address)."""

    def __init__(self, folder: Path, host: PrivateHost, *, string_room_ids: bool = False) -> None:
        self.folder = folder
        self.host = host
        self.api_secret = secrets.token_urlsafe(24)
        self.admin_secret = secrets.token_urlsafe(24)
        self.admin_key = secrets.token_urlsafe(24)
        self.config = write_config(folder, host, api_secret=self.api_secret, admin_secret=self.admin_secret,
                                   admin_key=self.admin_key, string_room_ids=string_room_ids)
        self.log = folder / "janus.log"
        self.process: subprocess.Popen[bytes] | None = None
        #: Seconds from starting the program to its websocket answering (the last start).
        self.started_in = 0.0

    @property
    def url(self) -> str:
        return f"ws://{self.host.guest_address}:{WS_PORT}/"

    @property
    def address(self) -> str:
        """The Janus host's address (its ICE candidates carry it)."""
        return self.host.guest_address

    def start(self) -> None:
        program = require_program("janus", "janus")
        began = time.monotonic()
        self.process = start_process(
            self.host.command([program, "-C", str(self.config), "-F", str(self.folder), "-o", "-N",
                               "-L", str(self.log)]), self.folder / "janus.stdout")
        wait_until_serving(self.process, self.host.guest_address, WS_PORT, log=self.log, what="Janus")
        self.started_in = time.monotonic() - began

    def stop(self) -> None:
        if self.process is not None:
            stop_process(self.process)
            self.process = None

    def kill(self) -> None:
        """SIGKILL, as a crash would: sessions, handles and rooms are gone."""
        if self.process is not None:
            kill_process(self.process)
            self.process = None

    def log_text(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace") if self.log.exists() else ""


@contextlib.contextmanager
def start_janus(folder: Path, *, string_room_ids: bool = False) -> Iterator[JanusServer]:
    """A running Janus in a fresh namespace; stopped and the namespace removed on exit."""
    require_namespaces()
    require_program("janus", "janus")
    janus_folders()
    with private_host() as host:
        server = JanusServer(folder, host, string_room_ids=string_room_ids)
        server.start()
        try:
            yield server
        finally:
            server.stop()


@pytest.fixture
def janus(tmp_path: Path) -> Iterator[JanusServer]:
    """A fresh Janus for one test (it starts in about 0.1 s)."""
    folder = tmp_path / "janus"
    folder.mkdir()
    with start_janus(folder) as server:
        yield server
