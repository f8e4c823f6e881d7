"""Idle client memory with the demo office: the real client, logged in, its window shown, left alone.

    .venv/bin/python benchmarks/bench_client_memory.py [--runs 3] [--idle 20] [--before OLD/src]

A demo backend (``python -m server_stub --demo``: the demo Landkreis, its simulated colleagues walking
about) runs on loopback; the client starts as a user would start the demo (``python -m dvz_desktop --demo
--server URL``) under Xvfb (a display Xvfb picks itself) with a tray host (trayer), in a 1366 x 768 screen.
After ``--idle`` seconds the client's memory is read from ``/proc/PID/status`` and ``smaps_rollup``:
RSS (resident, shared libraries included), PSS (shared pages divided among the processes using them)
and USS-like private memory (private clean + dirty), plus the peak RSS (VmHWM). ``--before SRC``
measures another client tree in the same run, alternately.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from machine import describe, start_xvfb  # noqa: E402  (after the path is set)

FIELDS = ("rss", "pss", "private", "peak")


def memory_of(pid: int) -> dict[str, float]:
    """MiB: resident, proportional, private, and the peak resident size so far."""
    status = Path(f"/proc/{pid}/status").read_text(encoding="utf-8")
    rollup = Path(f"/proc/{pid}/smaps_rollup").read_text(encoding="utf-8")

    def kib(text: str, key: str) -> float:
        match = re.search(rf"^{key}:\s+(\d+) kB", text, re.MULTILINE)
        return float(match.group(1)) if match else 0.0

    return {"rss": kib(status, "VmRSS") / 1024, "pss": kib(rollup, "Pss") / 1024,
            "private": (kib(rollup, "Private_Clean") + kib(rollup, "Private_Dirty")) / 1024,
            "peak": kib(status, "VmHWM") / 1024}


def measure(src: Path, url: str, env: dict[str, str], idle: float, config: Path) -> dict[str, float]:
    tree_env = dict(env, PYTHONPATH=os.pathsep.join([str(src), str(ROOT)]), DVZ_CONFIG_DIR=str(config))
    client = subprocess.Popen([sys.executable, "-m", "dvz_desktop", "--demo", "--server", url, "--no-single-instance"],
                              cwd=ROOT, env=tree_env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        time.sleep(idle)
        if client.poll() is not None:
            raise RuntimeError(f"the client ended early: {client.stderr.read() if client.stderr else ''}")
        return memory_of(client.pid)
    finally:
        client.terminate()
        try:
            client.wait(15)
        except subprocess.TimeoutExpired:
            client.kill()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--idle", type=float, default=20.0, help="seconds after the start before measuring")
    parser.add_argument("--before", type=Path, help="source tree of another client to measure alongside (its src/)")
    args = parser.parse_args()
    xvfb, display = start_xvfb()
    env = dict(os.environ, QT_QPA_PLATFORM="xcb", DISPLAY=display)
    helpers: list[subprocess.Popen[bytes]] = [xvfb]
    if shutil.which("trayer"):
        helpers.insert(0, subprocess.Popen(["trayer", "--edge", "top", "--align", "right"], env=env,
                                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        time.sleep(1.0)
    trees = ([("before", args.before.resolve())] if args.before else []) + [("now", ROOT / "src")]
    results: dict[str, list[dict[str, float]]] = {label: [] for label, _ in trees}
    with tempfile.TemporaryDirectory() as tmp:
        backend = subprocess.Popen([sys.executable, "-m", "server_stub", "--demo", "--port", "0", "--data-dir",
                                    str(Path(tmp) / "data"), "--log-level", "WARNING"], cwd=ROOT,
                                   stdout=subprocess.PIPE, text=True,
                                   env=dict(os.environ, PYTHONPATH=os.pathsep.join([str(ROOT / "src"), str(ROOT)])))
        assert backend.stdout is not None
        url = next(m.group(1) for line in backend.stdout if (m := re.search(r"(ws://\S+)", line)))
        try:
            for run in range(args.runs):
                for label, src in trees:
                    results[label].append(measure(src, url, env, args.idle, Path(tmp) / f"config-{label}-{run}"))
        finally:
            backend.terminate()
            backend.wait()
            for helper in helpers:
                helper.terminate()
                helper.wait()
    print(f"# Idle client memory, demo office\n\nMachine: {describe()}; Xvfb {display} 1366x768"
          f"{' + trayer' if len(helpers) > 1 else ''}; {args.runs} runs each, measured {args.idle:.0f} s after "
          "the start (medians)\n")
    print("| code | RSS MiB | PSS MiB | private MiB | peak RSS MiB |")
    print("|---|---:|---:|---:|---:|")
    for label, rows in results.items():
        print(f"| {label} | " + " | ".join(f"{statistics.median(r[f] for r in rows):.1f}" for f in FIELDS) + " |")


if __name__ == "__main__":
    main()
