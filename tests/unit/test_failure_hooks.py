"""A swallowed exception can never hide a broken dialog again: a listener that raises, an owned task that
ends with an exception, an error on the asyncio loop and an exception in a Qt slot each fail the test
in which they happen (tests/failure_hooks.py, pytest-qt)."""

from __future__ import annotations

import pytest

from dvz_desktop.core.events import Event, report_failure

pytest_plugins = ["pytester"]

HEADER = '''
import asyncio
import pytest
from dvz_desktop.core.events import Event, report_task_failure
'''


def _outcomes(pytester: pytest.Pytester, body: str) -> dict[str, int]:
    pytester.makepyfile(HEADER + body)
    result = pytester.runpytest_subprocess("-p", "tests.failure_hooks", "-p", "no:cacheprovider", "-q",
                                           "-o", "asyncio_mode=auto")
    return result.parseoutcomes()


@pytest.fixture
def pytester_here(pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch) -> pytest.Pytester:
    import os
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join([str(root / "src"), str(root)]))
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    return pytester


def test_a_listener_that_raises_fails_the_test(pytester_here: pytest.Pytester) -> None:
    outcomes = _outcomes(pytester_here, '''
def test_broken_listener():
    event = Event()
    heard = []
    event.connect(lambda value: 1 / 0)
    event.connect(heard.append)
    event.emit(7)
    assert heard == [7]  # the others still hear it: the program carries on

def test_fine():
    Event().emit(1)
''')
    assert outcomes.get("errors", 0) + outcomes.get("failed", 0) == 1 and outcomes.get("passed") == 2, outcomes


def test_an_owned_task_and_the_loop_report_their_exceptions(pytester_here: pytest.Pytester) -> None:
    outcomes = _outcomes(pytester_here, '''
async def boom():
    raise KeyError("lost")

async def test_owned_task():
    task = asyncio.get_running_loop().create_task(boom())
    task.add_done_callback(report_task_failure)
    await asyncio.sleep(0.01)

async def test_loop_handler():
    loop = asyncio.get_running_loop()
    loop.call_exception_handler({"message": "x", "exception": ValueError("y")})
''')
    assert outcomes.get("errors", 0) + outcomes.get("failed", 0) == 2, outcomes


def test_an_exception_in_a_qt_slot_fails_the_test(pytester_here: pytest.Pytester) -> None:
    outcomes = _outcomes(pytester_here, '''
from PySide6.QtWidgets import QPushButton

def test_slot(qtbot):
    button = QPushButton()
    qtbot.addWidget(button)
    button.clicked.connect(lambda: undefined_helper())
    button.click()
''')
    assert outcomes.get("failed", 0) + outcomes.get("errors", 0) == 1, outcomes


def test_a_test_may_expect_a_failure(expected_failures) -> None:  # type: ignore[no-untyped-def]
    event: Event[int] = Event()
    event.connect(lambda value: [][value])
    event.emit(3)
    assert len(expected_failures) == 1 and isinstance(expected_failures[0][1], IndexError)
    report_failure("here", RuntimeError("on purpose"))
    assert len(expected_failures) == 2
    expected_failures.clear()
