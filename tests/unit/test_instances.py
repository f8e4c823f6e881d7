"""The running instance as a process: only a process that still runs DVZ Desktop is ever ended, and a quit
ends the process even when something (an aiortc decoder thread, a device) would keep it alive."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from dvz_desktop.services.instances import RECORD, end_instance, forget_instance, record_instance, recorded_instance

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")


def test_a_recorded_dvz_process_is_found_and_ended(tmp_path: Path) -> None:
    # A stand-in for a hung DVZ Desktop: this interpreter running the package, stopped.
    code = "import time, dvz_desktop\nwhile True: time.sleep(1)"
    hung = subprocess.Popen([sys.executable, "-c", code, "dvz_desktop"], env={**os.environ,
                            "PYTHONPATH": f"{ROOT / 'src'}"})
    try:
        (tmp_path / RECORD).write_text(json.dumps({"pid": hung.pid, "program": os.path.realpath(sys.executable)}))
        assert recorded_instance(tmp_path) == hung.pid
        hung.send_signal(__import__("signal").SIGSTOP)
        started = time.monotonic()
        assert end_instance(hung.pid)
        assert hung.wait(timeout=10) is not None and time.monotonic() - started < 10
    finally:
        if hung.poll() is None:
            hung.kill()
            hung.wait()


def test_a_process_id_now_used_by_another_program_is_left_alone(tmp_path: Path) -> None:
    other = subprocess.Popen(["sleep", "60"])
    try:
        (tmp_path / RECORD).write_text(json.dumps({"pid": other.pid, "program": os.path.realpath(sys.executable)}))
        assert recorded_instance(tmp_path) is None
        (tmp_path / RECORD).write_text("{not json")
        assert recorded_instance(tmp_path) is None
    finally:
        other.kill()
        other.wait()


def test_my_own_record_is_not_an_other_instance_and_goes_at_a_clean_end(tmp_path: Path) -> None:
    record_instance(tmp_path)
    assert recorded_instance(tmp_path) is None  # this very process
    forget_instance(tmp_path)
    assert not (tmp_path / RECORD).exists()


def test_quitting_ends_the_process_even_when_a_thread_would_keep_it(tmp_path: Path) -> None:
    # Like an aiortc decoder thread of a connection nobody closed: a non-daemon thread waiting forever.
    code = ("import threading, queue\n"
            "from dvz_desktop.app import end_process_after\n"
            "threading.Thread(target=queue.Queue().get).start()\n"
            "end_process_after(0.5, 3)\n")
    started = time.monotonic()
    result = subprocess.run([sys.executable, "-c", code], env={**os.environ, "PYTHONPATH": f"{ROOT / 'src'}"},
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 3 and time.monotonic() - started < 30
