"""The window and the tray come first: a demo start paints both before it loads the message models, the
network and the asyncio loop, and the office fills the same window afterwards (issue 14, start time)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from .test_demo_client import virtual_desktop  # noqa: F401  (the fixture)

# Before the program imports Qt, its QApplication is replaced by one that watches paint events: at the
# first paint of the main window and of the tray icon it prints which modules are loaded by then.
WATCHED_START = """
import sys
import PySide6.QtWidgets as widgets
from PySide6.QtCore import QEvent, QObject

class Watcher(QObject):
    window = tray = reported = False

    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and isinstance(watched, widgets.QWidget) and not self.reported:
            top = watched.window()
            if isinstance(top, widgets.QMainWindow):
                self.window = True
            elif top.objectName() == "QSystemTrayIconSys":
                self.tray = True
            if self.window and self.tray:
                self.reported = True
                loaded = [m for m in ("pydantic", "asyncio", "websockets", "qasync", "dvz_desktop.services.session")
                          if m in sys.modules]
                print("FIRST_PAINT loaded=" + (",".join(loaded) or "-"), flush=True)
        return False

class WatchedApplication(widgets.QApplication):
    def __init__(self, *args):
        super().__init__(*args)
        self.watcher = Watcher()
        self.installEventFilter(self.watcher)

widgets.QApplication = WatchedApplication
from dvz_desktop.app import main
sys.exit(main(sys.argv[1:]))
"""


def test_demo_start_paints_window_and_tray_before_loading_the_network_and_models(
        virtual_desktop: dict[str, str], tmp_path: Path) -> None:  # noqa: F811 (the fixture)
    out = tmp_path / "office.png"
    env = {**os.environ, **virtual_desktop, "DVZ_CONFIG_DIR": str(tmp_path / "config")}
    result = subprocess.run([sys.executable, "-c", WATCHED_START, "--demo", "--screenshot", str(out)], env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    first = [i for i, line in enumerate(lines) if line.startswith("FIRST_PAINT")]
    saved = [i for i, line in enumerate(lines) if "Bildschirmfoto gespeichert" in line]
    assert first and saved and first[0] < saved[0], result.stdout
    assert lines[first[0]] == "FIRST_PAINT loaded=-"  # nothing of the login path was loaded yet
    from PySide6.QtGui import QImage

    assert not QImage(str(out)).isNull()  # and then the office was built into that window
