"""dvz:// links through a second start: handed to the running instance over local IPC; bad links refused;
the running instance asks in its window before it follows one."""

from __future__ import annotations

import os
import queue
import subprocess
import threading
import time
from pathlib import Path

from .test_demo_client import CLIENT, virtual_desktop  # noqa: F401 (fixture)


class LogLines:
    """Reads a child's stderr in a thread, so a test can wait for one line without blocking forever."""

    def __init__(self, stream) -> None:  # type: ignore[no-untyped-def]
        self.lines: list[str] = []
        self._queue: queue.Queue[str] = queue.Queue()
        threading.Thread(target=lambda: [self._queue.put(line) for line in stream], daemon=True).start()

    def wait_for(self, text: str, timeout_s: float = 60.0) -> str:
        deadline = time.monotonic() + timeout_s
        while True:
            for line in self.lines:
                if text in line:
                    return line
            try:
                self.lines.append(self._queue.get(timeout=max(0.0, deadline - time.monotonic())))
            except queue.Empty:
                raise AssertionError(f"no log line with {text!r}:\n" + "".join(self.lines)) from None

    def rest(self) -> str:
        while not self._queue.empty():
            self.lines.append(self._queue.get())
        return "".join(self.lines)


def test_a_link_reaches_the_running_instance_and_a_bad_one_never_leaves_the_second_start(
        virtual_desktop: dict[str, str], tmp_path: Path) -> None:  # noqa: F811
    env = {**os.environ, **virtual_desktop, "DVZ_CONFIG_DIR": str(tmp_path / "config")}
    first = subprocess.Popen(CLIENT + ["--demo", "--log-level", "INFO"], env=env, stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE, text=True)
    log = LogLines(first.stderr)
    try:
        log.wait_for("single instance listening")
        bad = subprocess.run(CLIENT + ["--demo", "dvz://room/kh-1-103;calc.exe"], env=env, capture_output=True,
                             text=True, timeout=60)
        assert bad.returncode == 2
        assert "Ziel des Links ist ungültig" in bad.stderr
        good = subprocess.run(CLIENT + ["--demo", "dvz://room/kh-1-103"], env=env, capture_output=True, text=True,
                              timeout=60)
        assert good.returncode == 0 and "Link übergeben" in good.stdout, good.stdout + good.stderr
        log.wait_for("link from another start: room kh-1-103")
        log.wait_for("link awaits confirmation: room kh-1-103")  # asked in the window, not followed
    finally:
        first.terminate()
        first.wait(timeout=20)
    stderr = log.rest()
    assert "following link" not in stderr
    assert "calc.exe" not in stderr


def _start(env: dict[str, str], *args: str) -> tuple[subprocess.Popen[str], LogLines]:
    process = subprocess.Popen(CLIENT + ["--demo", "--log-level", "INFO", *args], env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    return process, LogLines(process.stderr)


def _stop(*processes: subprocess.Popen[str]) -> None:
    for process in processes:
        if process.poll() is None:
            process.kill()
        process.wait(timeout=30)


def test_a_second_start_replaces_a_hung_instance_and_a_crashed_one(tmp_path: Path) -> None:
    import signal

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "DVZ_CONFIG_DIR": str(tmp_path / "config")}
    hung, hung_log = _start(env)
    second = third = None
    try:
        hung_log.wait_for("single instance listening")
        hung.send_signal(signal.SIGSTOP)  # alive, holding the socket, answering nothing: hung
        second, second_log = _start(env)
        second_log.wait_for("antwortet nicht und wird beendet")
        second_log.wait_for("single instance listening")
        assert hung.wait(timeout=30) is not None  # the hung one is gone
        # The new one is the instance now: a further start hands over to it at once.
        third = subprocess.run(CLIENT + ["--demo"], env=env, capture_output=True, text=True, timeout=60)
        assert third.returncode == 0 and "läuft bereits" in third.stdout, third.stdout + third.stderr

        second.send_signal(signal.SIGKILL)  # a crash: the socket is left behind with nobody on it
        second.wait(timeout=30)
        fourth, fourth_log = _start(env)
        try:
            fourth_log.wait_for("single instance listening")
            assert "antwortet nicht" not in fourth_log.rest()
        finally:
            _stop(fourth)
    finally:
        _stop(*(p for p in (hung, second) if p is not None))
