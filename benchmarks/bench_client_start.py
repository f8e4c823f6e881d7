"""Client start to window and tray shown, against a bare PySide6 window with a tray icon, interleaved.

    .venv/bin/python benchmarks/bench_client_start.py [--runs 10]

Runs under Xvfb with a tray host (trayer), so both programs really get a tray. Each figure is the wall
time from spawning the process to reading its "shown" line (interpreter start and imports included).
The client logs in with a password against a demo backend that is already running (``--demo --server``),
so the figure contains the login round trip but not starting a backend. The client also reports which
heavy modules were imported by then: aiortc, av, sounddevice and caldav must not be.
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

from machine import describe, percentile  # noqa: E402

HEAVY = ("aiortc", "av", "sounddevice", "caldav")

BARE = """
import sys
from PySide6.QtGui import QIcon, QPixmap, QColor
from PySide6.QtWidgets import QApplication, QMainWindow, QSystemTrayIcon
app = QApplication(sys.argv)
window = QMainWindow()
window.resize(1100, 700)
pixmap = QPixmap(32, 32)
pixmap.fill(QColor("green"))
tray = QSystemTrayIcon(QIcon(pixmap))
window.show()
tray.show()
app.processEvents()
print("SHOWN", "tray=" + ("visible" if tray.isVisible() else "none"), flush=True)
"""

# Runs the real client module and, once it printed DVZ_SHOWN, reports the heavy modules loaded.
CLIENT = """
import sys, builtins
_print = builtins.print
def _report(*args, **kwargs):
    _print(*args, **kwargs)
    if args and str(args[0]).startswith("DVZ_SHOWN"):
        loaded = sorted(m for m in {HEAVY!r} if m in sys.modules)
        _print("HEAVY", ",".join(loaded) or "-", flush=True)
builtins.print = _report
from dvz_desktop.app import main
sys.exit(main(sys.argv[1:]))
""".replace("{HEAVY!r}", repr(HEAVY))


def timed(argv: list[str], env: dict[str, str], marker: str) -> tuple[float, str]:
    start = time.perf_counter()
    proc = subprocess.Popen(argv, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    assert proc.stdout is not None
    elapsed, lines = None, []
    for line in proc.stdout:
        if elapsed is None and line.startswith(marker):
            elapsed = time.perf_counter() - start
        lines.append(line.strip())
    proc.wait()
    if elapsed is None:
        raise RuntimeError(f"{argv[:3]} did not report being shown: {lines[-3:]}")
    return elapsed, " ".join(lines)


def start_desktop(env: dict[str, str]) -> list[subprocess.Popen[bytes]]:
    """Xvfb on a free display and trayer as the tray host."""
    display = ":97"
    xvfb = subprocess.Popen(["Xvfb", display, "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    env["DISPLAY"] = display
    time.sleep(1.0)
    tray = subprocess.Popen(["trayer", "--edge", "top", "--align", "right"], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(1.0)
    return [tray, xvfb]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    if not shutil.which("Xvfb") or not shutil.which("trayer"):
        raise SystemExit("Xvfb und trayer werden gebraucht (scripts/bootstrap.sh installiert sie).")
    env = dict(os.environ, QT_QPA_PLATFORM="xcb")
    helpers = start_desktop(env)
    with tempfile.TemporaryDirectory() as tmp:
        backend = subprocess.Popen([sys.executable, "-m", "server_stub", "--demo", "--port", "0", "--data-dir",
                                    tmp, "--log-level", "WARNING"], cwd=ROOT, stdout=subprocess.PIPE, text=True)
        assert backend.stdout is not None
        url = next(m.group(1) for line in backend.stdout if (m := re.search(r"(ws://\S+)", line)))
        env["DVZ_CONFIG_DIR"] = str(Path(tmp) / "config")
        bare_times, dvz_times, heavy, trays = [], [], set(), set()
        try:
            for _ in range(args.runs):
                elapsed, out = timed([sys.executable, "-c", BARE], env, "SHOWN")
                bare_times.append(elapsed)
                elapsed, out = timed([sys.executable, "-c", CLIENT, "--demo", "--server", url, "--exit-when-shown",
                                      "--no-single-instance"], env, "DVZ_SHOWN")
                dvz_times.append(elapsed)
                heavy.add(re.search(r"HEAVY (\S+)", out).group(1))  # type: ignore[union-attr]
                trays.add(re.search(r"tray=(\w+)", out).group(1))  # type: ignore[union-attr]
        finally:
            backend.terminate()
            for proc in helpers:
                proc.terminate()
    bare_median, dvz_median = statistics.median(bare_times), statistics.median(dvz_times)
    print(f"# Client start\n\nMachine: {describe()}; Xvfb + trayer, {args.runs} interleaved runs each\n")
    print("| program | median s | p90 s | tray |")
    print("|---|---:|---:|---|")
    print(f"| bare PySide6 window + tray | {bare_median:.2f} | {percentile(bare_times, 0.9):.2f} | visible |")
    print(f"| DVZ Desktop (login, map, tray) | {dvz_median:.2f} | {percentile(dvz_times, 0.9):.2f} "
          f"| {','.join(sorted(trays))} |")
    print(f"\nRatio DVZ/bare: {dvz_median / bare_median:.2f} (target <= 2.0; median target <= 1.0 s)")
    print(f"Heavy modules loaded at start: {', '.join(sorted(heavy))} (target: -)")


if __name__ == "__main__":
    main()
