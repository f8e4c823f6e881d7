"""The running DVZ Desktop of this user, as a process: recorded when it starts, found and ended when a
second start finds it hung (it holds the single-instance socket but no longer answers).

The record is a small file in the user's config folder: the process id and the program it runs. A
process is only ever ended when it is still alive *and* still runs this program (a process id that
the system gave to something else since is left alone).
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import signal
import sys
import time
from pathlib import Path

log = logging.getLogger(__name__)

RECORD = "instance.json"


def _program() -> str:
    """What identifies this program in a process list: the interpreter or the packaged executable."""
    return os.path.realpath(sys.executable)


def record_instance(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / RECORD).write_text(json.dumps({"pid": os.getpid(), "program": _program()}), encoding="utf-8")


def forget_instance(folder: Path) -> None:
    """At a clean end: the record goes (only this process's own)."""
    path = folder / RECORD
    try:
        if json.loads(path.read_text(encoding="utf-8")).get("pid") == os.getpid():
            path.unlink()
    except (OSError, ValueError):
        pass


def recorded_instance(folder: Path) -> int | None:
    """The process id of the recorded instance if it still runs this program; else None."""
    try:
        record = json.loads((folder / RECORD).read_text(encoding="utf-8"))
        pid, program = int(record["pid"]), str(record["program"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if pid == os.getpid() or pid <= 0:
        return None
    return pid if _runs(pid, program) else None


def _runs(pid: int, program: str) -> bool:
    if sys.platform.startswith("linux"):
        try:
            exe = os.path.realpath(f"/proc/{pid}/exe")
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode("utf-8", "replace")
        except OSError:
            return False
        # The same executable, and, when that is a Python interpreter, this package on its command line.
        return exe == program and ("dvz_desktop" in cmdline or "python" not in os.path.basename(exe).lower())
    if sys.platform == "win32":
        return _windows_image(pid) == program.lower()
    try:  # macOS and others: alive is all that can be told without extra libraries
        os.kill(pid, 0)
    except OSError:
        return False
    return True


# The process image of a pid, on Windows only (type-checked there; elsewhere it is never asked).
if sys.platform == "win32":
    def _windows_image(pid: int) -> str:
        import ctypes
        from ctypes import wintypes

        kernel = ctypes.windll.kernel32
        handle = kernel.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return ""
        try:
            size = wintypes.DWORD(32768)
            buffer = ctypes.create_unicode_buffer(size.value)
            if not kernel.QueryFullProcessImageNameW(handle, 0, buffer, ctypes.byref(size)):
                return ""
            return os.path.realpath(buffer.value).lower()
        finally:
            kernel.CloseHandle(handle)
else:
    def _windows_image(pid: int) -> str:
        return ""


def end_instance(pid: int, program: str | None = None, grace_s: float = 3.0) -> bool:
    """Ask the hung instance to end, then end it. True when it is gone."""
    # The process may be gone between looking and signalling: that is the goal, not an error.
    program = program or _program()
    log.warning("ending a DVZ Desktop that no longer answers (process %d)", pid)
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.kill(pid, signal.SIGTERM)  # on Windows this already terminates the process
    if hasattr(signal, "SIGCONT"):
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.kill(pid, signal.SIGCONT)  # a stopped process only acts on its signals when it runs
    deadline = time.monotonic() + grace_s
    while time.monotonic() < deadline:
        if not _runs(pid, program):
            return True
        time.sleep(0.05)
    if hasattr(signal, "SIGKILL"):
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.kill(pid, signal.SIGKILL)
        deadline = time.monotonic() + grace_s
        while time.monotonic() < deadline:
            if not _runs(pid, program):
                return True
            time.sleep(0.05)
    return not _runs(pid, program)

