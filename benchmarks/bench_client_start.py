"""Client start to the first *painted* window and tray, against a bare PySide6 window with a tray icon,
measured the same way, interleaved, in the same run.

    .venv/bin/python benchmarks/bench_client_start.py [--runs 10] [--before OLD/src]

Runs under Xvfb (a display Xvfb picks itself) with a tray host (trayer), so both programs really get a
tray. Each figure is the wall time from spawning the process to the moment both the main window and
the tray icon have been painted: a paint-event watcher (installed on the QApplication before anything
is shown, the same for both programs) notes the first paint event of the window (or any of its children)
and of the tray icon's widget, and reports once the event loop has finished both paints. Interpreter
start and imports are included.

The client is the real demo start (``python -m dvz_desktop --demo --server URL``) against a demo backend
that is already running (no backend start in the figure; the login itself is: password, so an argon2
check on the server). The watcher is the benchmark's, not the program's: it replaces ``QApplication`` by
a subclass that installs it, before the program imports Qt, and ends the process at the first painted
window and tray. ``--before SRC`` runs another client tree as a third program in the same rounds.
The client also reports which heavy modules were imported by then: aiortc, av, sounddevice and caldav
must not be.
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

from machine import describe, percentile, start_xvfb  # noqa: E402  (after the path is set)

HEAVY = ("aiortc", "av", "sounddevice", "caldav")

# Installed on the QApplication the moment it is created (the class is replaced before the program
# imports it): notes the first paint event of the main window (or a child) and of the tray icon's
# widget; once both happened, reports after the event loop finished that pass, and ends the process.
WATCHER = """
import os, sys, time
import PySide6.QtWidgets as _widgets
from PySide6.QtCore import QEvent, QObject, QTimer

class _PaintWatcher(QObject):
    window = tray = False

    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and isinstance(watched, _widgets.QWidget):
            top = watched.window()
            if top.objectName() == "QSystemTrayIconSys":
                self.tray = True
            elif isinstance(top, _widgets.QMainWindow):
                self.window = True
            if self.window and (self.tray or not _widgets.QSystemTrayIcon.isSystemTrayAvailable()):
                QTimer.singleShot(0, self.done)
        return False

    def done(self):
        loaded = sorted(m for m in HEAVY if m in sys.modules)
        print("PAINTED", "tray=" + ("painted" if self.tray else "none"), "heavy=" + (",".join(loaded) or "-"),
              flush=True)
        os._exit(0)

class _WatchedApplication(_widgets.QApplication):
    def __init__(self, *args):
        super().__init__(*args)
        self._watcher = _PaintWatcher()
        self.installEventFilter(self._watcher)

_widgets.QApplication = _WatchedApplication
""".replace("HEAVY", repr(HEAVY))

# The bare program: a main window and a tray icon.
BARE = WATCHER + """
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import QApplication, QMainWindow, QSystemTrayIcon
app = QApplication(sys.argv)
window = QMainWindow()
window.resize(1366, 768)
pixmap = QPixmap(32, 32)
pixmap.fill(QColor("green"))
tray = QSystemTrayIcon(QIcon(pixmap))
window.show()
tray.show()
app.exec()
"""

# The real client's entry point, as ``python -m dvz_desktop`` runs it.
CLIENT = WATCHER + """
from dvz_desktop.app import main
sys.exit(main(sys.argv[1:]))
"""


def timed(argv: list[str], env: dict[str, str]) -> tuple[float, str]:
    start = time.perf_counter()
    proc = subprocess.Popen(argv, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    assert proc.stdout is not None
    elapsed, lines = None, []
    try:
        for line in proc.stdout:
            if elapsed is None and line.startswith("PAINTED"):
                elapsed = time.perf_counter() - start
            lines.append(line.strip())
        proc.wait(30)
    finally:
        if proc.poll() is None:
            proc.kill()
    if elapsed is None:
        raise RuntimeError(f"{argv[:3]} did not report its first paint: {lines[-3:]}")
    return elapsed, " ".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--before", type=Path, help="source tree of another client to measure alongside (its src/)")
    args = parser.parse_args()
    if not shutil.which("trayer"):
        raise SystemExit("trayer wird gebraucht (scripts/bootstrap.sh installiert es).")
    xvfb, display = start_xvfb()
    env = dict(os.environ, QT_QPA_PLATFORM="xcb", DISPLAY=display)
    # As installed: compiled bytecode is at hand (Briefcase ships it); here it is written to a cache of the
    # run's own by an untimed first start of each program, so the source trees stay as they are.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    pycache = tempfile.TemporaryDirectory(prefix="dvz-bench-pycache-")
    env["PYTHONPYCACHEPREFIX"] = pycache.name
    tray = subprocess.Popen(["trayer", "--edge", "top", "--align", "right"], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(1.0)  # trayer takes the tray selection
    programs: list[tuple[str, list[str] | None, dict[str, str]]] = [("bare PySide6 window + tray", None, env)]
    trees = ([("DVZ Desktop before (login, map, tray)", args.before.resolve())] if args.before else []) + [
        ("DVZ Desktop (login, map, tray)", ROOT / "src")]
    times: dict[str, list[float]] = {name: [] for name, _, _ in programs} | {name: [] for name, _ in trees}
    heavy: set[str] = set()
    trays: dict[str, set[str]] = {name: set() for name in times}
    with tempfile.TemporaryDirectory() as tmp:
        backend = subprocess.Popen([sys.executable, "-m", "server_stub", "--demo", "--port", "0", "--data-dir",
                                    tmp, "--log-level", "WARNING"], cwd=ROOT, stdout=subprocess.PIPE, text=True,
                                   env=dict(os.environ, PYTHONPATH=os.pathsep.join([str(ROOT / "src"), str(ROOT)])))
        assert backend.stdout is not None
        url = next(m.group(1) for line in backend.stdout if (m := re.search(r"(ws://\S+)", line)))
        try:
            for run in range(args.runs + 1):  # the first round only writes the bytecode cache
                elapsed, out = timed([sys.executable, "-c", BARE], env)
                if run:
                    times[programs[0][0]].append(elapsed)
                trays[programs[0][0]].add(re.search(r"tray=(\w+)", out).group(1))  # type: ignore[union-attr]
                for name, src in trees:
                    tree_env = dict(env, PYTHONPATH=os.pathsep.join([str(src), str(ROOT)]),
                                    DVZ_CONFIG_DIR=str(Path(tmp) / f"config-{len(name)}"))
                    elapsed, out = timed([sys.executable, "-c", CLIENT, "--demo", "--server", url,
                                          "--no-single-instance"], tree_env)
                    if run:
                        times[name].append(elapsed)
                    heavy.add(re.search(r"heavy=(\S+)", out).group(1))  # type: ignore[union-attr]
                    trays[name].add(re.search(r"tray=(\w+)", out).group(1))  # type: ignore[union-attr]
        finally:
            backend.terminate()
            backend.wait()
            tray.terminate()
            xvfb.terminate()
            pycache.cleanup()
    bare = statistics.median(times[programs[0][0]])
    print(f"# Client start to the first painted window and tray\n\nMachine: {describe()}; load average "
          f"{os.getloadavg()[0]:.1f}; Xvfb {display} + trayer, {args.runs} interleaved runs each (after one untimed "
          f"start of each that writes the bytecode cache)\n")
    print("| program | median s | p90 s | × bare | tray |")
    print("|---|---:|---:|---:|---|")
    for name, values in times.items():
        median = statistics.median(values)
        print(f"| {name} | {median:.2f} | {percentile(values, 0.9):.2f} | {median / bare:.1f} "
              f"| {','.join(sorted(trays[name]))} |")
    print(f"\nTargets: median <= 1.0 s and <= 2 x the bare window. Heavy modules loaded at the first paint: "
          f"{', '.join(sorted(heavy - {'-'})) or '-'} (target: -)")


if __name__ == "__main__":
    main()
