"""The whole program as a newcomer starts it: demo backend, client, window, map, tray."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage

from dvz_desktop.qt.labels import STATUS_COLORS
from dvz_desktop.qt.single_instance import _server_name

CLIENT = [sys.executable, "-m", "dvz_desktop"]


def _run_client(args: list[str], env: dict[str, str], tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, **env, "DVZ_CONFIG_DIR": str(tmp_path / "config")}
    return subprocess.run(CLIENT + args, env=env, capture_output=True, text=True, timeout=90)


def _status_pixels(image: QImage) -> int:
    """How many pixels carry one of the status-ring colours (people drawn on the map)."""
    wanted = {QColor(c).rgb() & 0xFFFFFF for c in STATUS_COLORS.values()}
    count = 0
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            if image.pixel(x, y) & 0xFFFFFF in wanted:
                count += 1
    return count


def test_demo_screenshot_shows_people_on_the_map(tmp_path: Path) -> None:
    out = tmp_path / "out.png"
    result = _run_client(["--demo", "--screenshot", str(out)], {"QT_QPA_PLATFORM": "offscreen"}, tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Bildschirmfoto gespeichert" in result.stdout
    image = QImage(str(out))
    assert not image.isNull() and image.width() >= 1000 and image.height() >= 700
    # Avatars' status rings and list icons: a living office, not an empty plan.
    assert _status_pixels(image) > 200


def _wait_for_a_tray(env: dict[str, str], timeout_s: float = 60.0) -> None:
    """Until the tray host has claimed the tray (as Qt sees it), however long the machine takes."""
    probe = ("from PySide6.QtWidgets import QApplication, QSystemTrayIcon\n"
             "app = QApplication([])\nprint(QSystemTrayIcon.isSystemTrayAvailable())")
    deadline = time.monotonic() + timeout_s
    while True:
        answer = subprocess.run([sys.executable, "-c", probe], env={**os.environ, **env}, capture_output=True,
                                text=True, timeout=timeout_s)
        if answer.stdout.strip() == "True":
            return
        if time.monotonic() > deadline:
            pytest.fail("the tray host did not claim the system tray")
        time.sleep(0.1)


@pytest.fixture
def virtual_desktop(tmp_path: Path) -> Iterator[dict[str, str]]:
    """A virtual X server with a tray host, like a real desktop session."""
    if not (shutil.which("Xvfb") and shutil.which("trayer")):
        pytest.skip("Xvfb and trayer are needed for a real desktop with a tray (installed by scripts/bootstrap.sh)")
    # Xvfb picks a free display itself (-displayfd): tests of several people on one machine never collide.
    read_end, write_end = os.pipe()
    xvfb = subprocess.Popen(["Xvfb", "-displayfd", str(write_end), "-screen", "0", "1600x1000x24", "-nolisten", "tcp"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, pass_fds=(write_end,))
    os.close(write_end)
    tray_host = None
    try:
        with os.fdopen(read_end) as announced:
            number = announced.readline().strip()  # written once the server accepts connections
        if not number:
            pytest.skip("Xvfb did not start")
        display = f":{number}"
        env = {"DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
        tray_host = subprocess.Popen(["trayer", "--edge", "top", "--align", "right", "--height", "24"],
                                     env={**os.environ, **env}, stdout=subprocess.DEVNULL,
                                     stderr=subprocess.DEVNULL)
        _wait_for_a_tray(env)
        yield env
    finally:
        for proc in (tray_host, xvfb):
            if proc is not None:
                proc.terminate()
                proc.wait(timeout=5)


def test_window_and_tray_icon_appear_on_a_real_desktop(virtual_desktop: dict[str, str], tmp_path: Path) -> None:
    result = _run_client(["--demo", "--exit-when-shown"], virtual_desktop, tmp_path)
    assert result.returncode == 0, result.stderr
    shown = [line for line in result.stdout.splitlines() if line.startswith("DVZ_SHOWN")]
    assert shown, result.stdout
    assert shown[0].endswith("tray=visible")


def test_second_start_hands_over_to_the_running_instance(virtual_desktop: dict[str, str], tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    env = {**os.environ, **virtual_desktop, "DVZ_CONFIG_DIR": str(tmp_path / "config")}
    monkeypatch.setenv("DVZ_CONFIG_DIR", env["DVZ_CONFIG_DIR"])  # the socket's name follows the settings folder
    socket_file = Path(tempfile.gettempdir()) / _server_name()
    socket_file.unlink(missing_ok=True)  # a stale socket from a killed run would fool the wait below
    first = subprocess.Popen(CLIENT + ["--demo"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        # Wait until the first instance listens for others (its local socket appears), then start again.
        deadline = time.monotonic() + 30
        while not socket_file.exists():
            assert time.monotonic() < deadline and first.poll() is None, "first instance did not start"
            time.sleep(0.05)
        second = subprocess.run(CLIENT + ["--demo"], env=env, capture_output=True, text=True, timeout=60)
        assert "läuft bereits" in second.stdout, second.stdout
        assert second.returncode == 0
        assert first.poll() is None  # the first instance keeps running
    finally:
        first.terminate()
        first.wait(timeout=10)
    assert first.returncode == 0  # SIGTERM ends it cleanly (and its demo backend with it)
    assert not socket_file.exists()
