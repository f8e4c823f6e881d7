"""What every service fixture needs: find a program (or skip saying which package brings it), a free
loopback port, wait until a port answers, and stop a process group without leaving anything behind."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import time
from pathlib import Path

import pytest


def require_program(name: str, package: str, *, search: tuple[str, ...] = ()) -> str:
    """The program's path; skips the test (with the Debian package to install) where it is missing.

    ``search`` adds folders outside PATH (Debian puts slapd in /usr/sbin, PostgreSQL's server
    programs in /usr/lib/postgresql/NN/bin)."""
    found = shutil.which(name) or shutil.which(name, path=os.pathsep.join([*search, "/usr/sbin", "/sbin"]))
    if found is None:
        pytest.skip(f"{name} fehlt auf dieser Maschine (Debian-Paket {package}; scripts/bootstrap.sh installiert es)")
    return found


def free_port(host: str = "127.0.0.1") -> int:
    """A port free right now. A server that cannot take a port itself (port 0) is started with this and
    retried on the rare collision (see ``start_with_retries``)."""
    with socket.socket() as sock:
        sock.bind((host, 0))
        return int(sock.getsockname()[1])


def port_answers(host: str, port: int) -> bool:
    try:
        socket.create_connection((host, port), timeout=0.5).close()
        return True
    except OSError:
        return False


class ServiceFailed(RuntimeError):
    """A service did not come up; the message carries the end of its log."""


def log_tail(path: Path, lines: int = 30) -> str:
    try:
        return "\n".join(path.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:])
    except OSError:
        return "(kein Protokoll)"


def wait_until_serving(proc: subprocess.Popen[bytes], host: str, port: int, *, log: Path, what: str,
                       timeout: float = 20.0) -> None:
    """Waits until ``host:port`` accepts connections; fails at once when the process ends instead.
    The generous timeout is for a loaded machine; these servers are up in well under a second."""
    deadline = time.monotonic() + timeout
    while not port_answers(host, port):
        if proc.poll() is not None:
            raise ServiceFailed(f"{what} ended with exit code {proc.returncode}:\n{log_tail(log)}")
        if time.monotonic() > deadline:
            stop_process(proc)
            raise ServiceFailed(f"{what} did not answer on {host}:{port} within {timeout:.0f} s:\n{log_tail(log)}")
        time.sleep(0.01)


def start_process(argv: list[str], log: Path, **kwargs: object) -> subprocess.Popen[bytes]:
    """Starts a server in its own process group, output appended to ``log`` (read on failure)."""
    with log.open("ab") as out:
        return subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT,
                                start_new_session=True, **kwargs)  # type: ignore[call-overload]


def stop_process(proc: subprocess.Popen[bytes], *, timeout: float = 10.0,
                 sig: signal.Signals = signal.SIGTERM) -> None:
    """``sig`` (SIGTERM) to the process group, SIGKILL if it does not end in time; always reaped."""
    if proc.poll() is None:
        _signal_group(proc, sig)
        try:
            proc.wait(timeout)
        except subprocess.TimeoutExpired:
            kill_process(proc)
            return
    _signal_group(proc, signal.SIGKILL)  # helpers it left behind in its group
    proc.wait()


def kill_process(proc: subprocess.Popen[bytes]) -> None:
    """SIGKILL to the process group (a crash, for fault tests); reaped."""
    _signal_group(proc, signal.SIGKILL)
    proc.wait()


def _signal_group(proc: subprocess.Popen[bytes], sig: signal.Signals) -> None:
    try:
        os.killpg(proc.pid, sig)
    except (ProcessLookupError, PermissionError):
        pass
