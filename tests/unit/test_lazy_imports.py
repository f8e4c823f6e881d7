"""Starting the client loads none of the heavy media or calendar libraries; the first call does."""

import subprocess
import sys

HEAVY = ("aiortc", "av", "sounddevice", "caldav")


def test_start_modules_do_not_import_media_libraries() -> None:
    code = ("import sys, dvz_desktop.app, dvz_desktop.desktop, dvz_desktop.qt.shell.window, dvz_desktop.services.calls; "
            f"print(','.join(m for m in {HEAVY!r} if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={"QT_QPA_PLATFORM": "offscreen", "PATH": ""})
    assert out.stdout.strip() == ""
