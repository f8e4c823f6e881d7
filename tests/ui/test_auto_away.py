"""Auto-away in the running client: idle long enough -> "abwesend" on the server; input -> back."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from dvz_desktop.protocol import Status
from dvz_desktop.qt.behaviour.idle import IdleWatcher

from .conftest import DemoOffice, LoopRunner


def test_idle_sets_away_and_input_restores(demo_office: DemoOffice, runner: LoopRunner) -> None:
    now = [1000.0]
    parts = demo_office.parts
    model = parts.bridge

    def current() -> Status:
        return model.model.presence_of(model.model.me).status

    watcher = IdleWatcher(10, current, lambda s: parts.actions.set_status(s, ""), clock=lambda: now[0],
                          system_idle=lambda: None)
    runner.run(demo_office.session.set_status(Status.BUSY))
    runner.wait_until(lambda: current() is Status.BUSY, what="busy")
    now[0] += 9 * 60
    watcher.check()
    assert demo_office.backend.presence.get("a.schneider").status is Status.BUSY
    now[0] += 61
    watcher.check()
    runner.wait_until(lambda: demo_office.backend.presence.get("a.schneider").status is Status.AWAY,
                      what="auto-away on the server")
    runner.wait_until(lambda: current() is Status.AWAY, what="away in the window")
    QTest.mouseMove(parts.map.view.viewport(), QPoint(50, 50))
    QTest.mouseClick(parts.map.view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     QPoint(60, 60))
    runner.wait_until(lambda: demo_office.backend.presence.get("a.schneider").status is Status.BUSY,
                      what="back to busy after input")
