"""dvz:// links through a second start: handed to the running instance over local IPC; bad links refused."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from dvz_desktop.qt.single_instance import _server_name

from .test_demo_client import CLIENT, virtual_desktop  # noqa: F401 (fixture)


def test_a_link_reaches_the_running_instance_and_a_bad_one_never_leaves_the_second_start(
        virtual_desktop: dict[str, str], tmp_path: Path) -> None:  # noqa: F811
    env = {**os.environ, **virtual_desktop, "DVZ_CONFIG_DIR": str(tmp_path / "config")}
    socket_file = Path(tempfile.gettempdir()) / _server_name()
    socket_file.unlink(missing_ok=True)
    first = subprocess.Popen(CLIENT + ["--demo", "--log-level", "INFO"], env=env, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 30
        while not socket_file.exists():
            assert time.monotonic() < deadline and first.poll() is None, "first instance did not start"
            time.sleep(0.05)
        bad = subprocess.run(CLIENT + ["--demo", "dvz://room/kh-1-103;calc.exe"], env=env, capture_output=True,
                             text=True, timeout=60)
        assert bad.returncode == 2
        assert "Ziel des Links ist ungültig" in bad.stderr
        good = subprocess.run(CLIENT + ["--demo", "dvz://room/kh-1-103"], env=env, capture_output=True, text=True,
                              timeout=60)
        assert good.returncode == 0 and "Link übergeben" in good.stdout, good.stdout + good.stderr
        time.sleep(1.0)  # give the first instance a moment to act before it is asked to end
    finally:
        first.terminate()
        _, stderr = first.communicate(timeout=20)
    assert "link from another start: room kh-1-103" in stderr
    assert "following link: room kh-1-103" in stderr
    assert "calc.exe" not in stderr
