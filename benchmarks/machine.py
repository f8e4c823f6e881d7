"""The conditions a benchmark ran under, printed with every result."""

from __future__ import annotations

import os
import platform
import resource
import shutil
import subprocess
import sys
from datetime import datetime


def describe() -> str:
    cpu = "unknown CPU"
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            cpu = next(line.split(":", 1)[1].strip() for line in info if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    mem_gib = 0.0
    try:
        with open("/proc/meminfo", encoding="utf-8") as info:
            mem_gib = int(next(line.split()[1] for line in info if line.startswith("MemTotal"))) / 2**20
    except (OSError, StopIteration):
        pass
    return (f"{datetime.now():%Y-%m-%d %H:%M}, {cpu}, {os.cpu_count()} cores, {mem_gib:.0f} GiB RAM, "
            f"{platform.system()} {platform.release()}, Python {sys.version.split()[0]}, "
            f"websockets {_version('websockets')}, pydantic {_version('pydantic')}")


def _version(distribution: str) -> str:
    """Installed version of a package (the figures depend on the websockets release in particular)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(distribution)
    except PackageNotFoundError:
        return "not installed"


def raise_open_files_limit() -> int:
    """Thousands of sockets need more than the default 1024 file descriptors."""
    _soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    target = hard if hard != resource.RLIM_INFINITY else 65536
    resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))
    return target


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    index = min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))
    return ordered[index]


def start_xvfb(size: str = "1366x768x24") -> tuple[subprocess.Popen[bytes], str]:
    """An Xvfb on a display it chooses itself (``-displayfd``), never a fixed number another job may hold.
    Returns the process and the display name (":N")."""
    if not shutil.which("Xvfb"):
        raise SystemExit("Xvfb wird gebraucht (scripts/bootstrap.sh installiert es).")
    read_end, write_end = os.pipe()
    xvfb = subprocess.Popen(["Xvfb", "-displayfd", str(write_end), "-screen", "0", size, "-nolisten", "tcp"],
                            pass_fds=(write_end,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write_end)
    with os.fdopen(read_end) as pipe:
        number = pipe.readline().strip()
    if not number:
        xvfb.terminate()
        raise SystemExit("Xvfb hat keinen Bildschirm geöffnet.")
    return xvfb, f":{number}"
