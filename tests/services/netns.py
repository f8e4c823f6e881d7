"""A private test host: a network namespace joined to this one by a veth pair with private addresses.

Why: Janus (libnice) skips loopback interfaces when it gathers ICE candidates, so a Janus on 127.0.0.1
offers no candidate at all. Inside its own namespace it has a veth address (10.77.a.b+2) that the test
process reaches through the other end (10.77.a.b+1), and aiortc in the test process gathers that end
as a host candidate. Nothing leaves the machine: the namespace has no default route.

Each host takes a /30 out of 10.77.0.0/16, chosen at random under a file lock and checked against the
addresses in use, so parallel test runs (xdist, several worktrees) never share one. Namespaces are named
``dvz-<pid>-<slot>``; one whose test process died is swept away by the next run (its processes killed,
the namespace deleted, which deletes the veth pair too). Needs root (CAP_NET_ADMIN) and iproute2.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import random
import re
import signal
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.services.processes import require_program

PREFIX = "dvz-"
LOCK = Path("/run/lock") if Path("/run/lock").is_dir() else Path("/tmp")
SLOTS = 256 * 64  # /30 networks in 10.77.0.0/16


@dataclass(frozen=True)
class PrivateHost:
    """A namespace ``name`` with ``guest_address`` on ``guest_link``; this side has ``host_address``."""

    name: str
    slot: int
    host_link: str
    guest_link: str

    @property
    def host_address(self) -> str:
        return _address(self.slot, 1)

    @property
    def guest_address(self) -> str:
        return _address(self.slot, 2)

    def command(self, argv: list[str]) -> list[str]:
        """``argv`` run inside the namespace (``ip netns exec`` replaces itself with the program)."""
        return ["ip", "netns", "exec", self.name, *argv]


def _address(slot: int, offset: int) -> str:
    return f"10.77.{slot // 64}.{(slot % 64) * 4 + offset}"


def require_namespaces() -> None:
    """Skips where network namespaces cannot be made here (no iproute2, not root)."""
    require_program("ip", "iproute2")
    if os.geteuid() != 0:
        pytest.skip("Netzwerk-Namensräume brauchen root (CAP_NET_ADMIN); CI läuft als root")


def _ip(*args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["ip", *args], capture_output=True, text=True, check=check, timeout=30)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _remove(name: str) -> None:
    """Kills what still runs in the namespace, then deletes it (and with it the veth pair)."""
    pids = _ip("netns", "pids", name, check=False).stdout.split()
    for pid in pids:
        with contextlib.suppress(ProcessLookupError, ValueError):
            os.kill(int(pid), signal.SIGKILL)
    _ip("netns", "del", name, check=False)


def _sweep_stale(names: list[str]) -> None:
    for name in names:
        match = re.fullmatch(rf"{PREFIX}(\d+)-(\d+)", name)
        if match and not _alive(int(match.group(1))):
            _remove(name)
            _ip("link", "del", f"dvz{match.group(2)}h", check=False)


def _namespaces() -> list[str]:
    return [line.split()[0] for line in _ip("netns", "list").stdout.splitlines() if line.strip()]


@contextlib.contextmanager
def private_host() -> Iterator[PrivateHost]:
    """A fresh namespace with a veth pair; removed on exit, whatever happened inside."""
    require_namespaces()
    with (LOCK / "dvz-test-netns.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        _sweep_stale(_namespaces())
        used = _ip("-o", "-4", "addr", "show").stdout
        taken = {int(m.group(1)) for name in _namespaces() if (m := re.search(r"-(\d+)$", name))}
        slot = next(s for s in random.sample(range(SLOTS), 256)
                    if s not in taken and f" {_address(s, 1)}/" not in used)
        host = PrivateHost(f"{PREFIX}{os.getpid()}-{slot}", slot, f"dvz{slot}h", f"dvz{slot}n")
        try:
            _ip("netns", "add", host.name)
            _ip("link", "add", host.host_link, "type", "veth", "peer", "name", host.guest_link, "netns", host.name)
            _ip("addr", "add", f"{host.host_address}/30", "dev", host.host_link)
            _ip("link", "set", host.host_link, "up")
            _ip("-n", host.name, "addr", "add", f"{host.guest_address}/30", "dev", host.guest_link)
            _ip("-n", host.name, "link", "set", host.guest_link, "up")
            _ip("-n", host.name, "link", "set", "lo", "up")
        except BaseException:
            _remove(host.name)
            _ip("link", "del", host.host_link, check=False)
            raise
    try:
        yield host
    finally:
        _remove(host.name)
        _ip("link", "del", host.host_link, check=False)
