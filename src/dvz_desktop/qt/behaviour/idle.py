"""Auto-away: how long the person has not touched keyboard or mouse, and acting on it.

On Windows the idle time is system-wide (``GetLastInputInfo``). Elsewhere it is the time since the
last input into DVZ Desktop itself: best effort, it errs towards "abwesend" when someone works in
other programs for long, and returns on the next input into this window.
"""

from __future__ import annotations

import ctypes
import logging
import sys
import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

from dvz_desktop.core.autoaway import AutoAway
from dvz_desktop.protocol import Status

log = logging.getLogger(__name__)

CHECK_MS = 15_000
INPUT_EVENTS = frozenset({QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
                          QEvent.Type.Wheel, QEvent.Type.TouchBegin})


def windows_idle_seconds() -> float | None:
    if sys.platform != "win32":
        return None

    class LastInputInfo(ctypes.Structure):
        _fields_ = [("cbSize", ctypes.c_uint), ("dwTime", ctypes.c_uint)]

    info = LastInputInfo()
    info.cbSize = ctypes.sizeof(info)
    if not ctypes.windll.user32.GetLastInputInfo(ctypes.byref(info)):  # type: ignore[attr-defined]
        return None
    return (ctypes.windll.kernel32.GetTickCount() - info.dwTime) / 1000.0  # type: ignore[attr-defined]


class IdleWatcher(QObject):
    def __init__(self, minutes: float, current: Callable[[], Status], set_status: Callable[[Status], None],
                 clock: Callable[[], float] = time.monotonic, system_idle: Callable[[], float | None] | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rule = AutoAway(idle_minutes=minutes)
        self._current = current
        self._set_status = set_status
        self._clock = clock
        self._system_idle = system_idle or windows_idle_seconds
        self.last_input = clock()
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_MS)
        self.timer.timeout.connect(self.check)
        if minutes > 0:
            self.timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        if event.type() in INPUT_EVENTS:
            returning = self.idle_seconds() >= 5
            self.last_input = self._clock()
            if returning and self.rule.replaced is not None:
                self.check()  # back at the desk: restore at once, not at the next tick
        return False

    def idle_seconds(self) -> float:
        system = self._system_idle()
        own = self._clock() - self.last_input
        return min(system, own) if system is not None else own

    def check(self) -> None:
        decision = self.rule.decide(self.idle_seconds(), self._current())
        if decision is not None:
            log.info("auto-away: status becomes %s", decision.value)
            self._set_status(decision)
