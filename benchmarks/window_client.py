"""The client side of ``bench_window.py``: the real desktop of user ``p0`` against the benchmark's backend,
and the two ways of measuring it (see ``bench_window.py`` for what each means).

Imported only in the client process (it needs Qt); the backend gets its orders through a pipe.
"""

from __future__ import annotations

import asyncio
import os
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Coroutine
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import qasync
from machine import percentile
from PySide6.QtCore import QEvent, QEventLoop, QObject, QTimer
from PySide6.QtWidgets import QApplication, QTabWidget, QWidget
from window_office import MOVING, PASSWORD, PEOPLE, marker_room, marker_update

#: The four ways the window is measured: the side panel "Büro" on its people list or its building tree,
#: each with the map at working zoom (100 %) or the whole floor fitted.
VIEWS = (("people list", "working zoom (100 %)"), ("people list", "whole floor"),
         ("building tree", "working zoom (100 %)"), ("building tree", "whole floor"))

#: The listeners of ``OfficeBridge.presenceChanged`` timed one by one: (part, module, class, method).
TIMED = (
    ("map", "dvz_desktop.qt.map.widget", "MapWidget", "update_presence"),
    ("people list", "dvz_desktop.qt.people.panel", "PeoplePanel", "update_presence"),
    ("tree", "dvz_desktop.qt.people.tree", "OfficeTree", "update_presence"),
    ("tray", "dvz_desktop.qt.shell.tray", "Tray", "update_from"),
    ("arrivals", "dvz_desktop.qt.people.arrivals", "ArrivalWatcher", "_changed"),
    ("behaviour", "dvz_desktop.qt.behaviour.presenter", "BehaviourPresenter", "_presence_changed"),
    ("whiteboard", "dvz_desktop.qt.whiteboard.panel", "WhiteboardPanel", "follow"),
)


class LoopRunner:
    """Runs coroutines on the qasync loop step by step (as the UI tests do), so the benchmark can let Qt
    paint between the steps with the loop still set as the running one."""

    def __init__(self, loop: qasync.QEventLoop) -> None:
        self.loop = loop
        asyncio.set_event_loop(loop)
        asyncio.events._set_running_loop(loop)

    def run(self, coro: Coroutine[Any, Any, Any], timeout: float = 60) -> Any:
        future = asyncio.ensure_future(asyncio.wait_for(coro, timeout), loop=self.loop)
        future.add_done_callback(lambda _future: self.loop.stop())
        try:
            self.loop.run_forever()
        finally:
            asyncio.events._set_running_loop(self.loop)
        return future.result()


class PaintClock(QObject):
    """Counts paint events, and sums the time from one widget's paint event to the next per part of the
    window (the map, the people list, the tree, the rest of the shell)."""

    def __init__(self, parts: dict[str, QWidget]) -> None:
        super().__init__()
        self.parts = parts
        self.spent: dict[str, float] = defaultdict(float)
        self.last: tuple[float, str] | None = None
        self.count = 0
        #: When the first paint event of the current update came.
        self.first: float | None = None

    def part_of(self, widget: QObject) -> str:
        node: QObject | None = widget
        while node is not None:
            for name, part in self.parts.items():
                if node is part:
                    return name
            node = node.parent()
        return "shell"

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.count += 1
            self.stop()
            self.last = (time.perf_counter(), self.part_of(watched))
            if self.first is None:
                self.first = self.last[0]
        return False

    def stop(self) -> None:
        if self.last is not None:
            self.spent[self.last[1]] += time.perf_counter() - self.last[0]
            self.last = None

    def take(self, since: float = 0.0) -> dict[str, float]:
        """The time per part since the last call, and as "before" the time from ``since`` (the start of the
        paint phase) to the first paint event: Qt's own work (queued scene updates, layouts)."""
        spent, self.spent = dict(self.spent), defaultdict(float)
        if since and self.first is not None:
            spent["before"] = self.first - since
        self.first = None
        return spent


def waited_for_cpu() -> float:
    """Seconds this thread has been ready to run but waiting for a core (Linux schedstat; 0 elsewhere):
    on a machine other jobs share, the part of a wall time that was not the client's own doing."""
    try:
        return int(Path("/proc/thread-self/schedstat").read_text().split()[1]) / 1e9
    except (OSError, IndexError, ValueError):
        return 0.0


def time_listeners() -> dict[str, float]:
    """Wrap the listener methods (before the desktop connects them) so each adds up its own time."""
    import functools
    import importlib

    spent: dict[str, float] = {}
    for name, module_name, class_name, method in TIMED:
        cls = getattr(importlib.import_module(module_name), class_name, None)
        original = getattr(cls, method, None)
        if original is None:
            continue
        spent[name] = 0.0

        def timed(*args: object, __original=original, __name=name, **kwargs: object) -> object:  # type: ignore[no-untyped-def]
            start = time.perf_counter()
            try:
                return __original(*args, **kwargs)
            finally:
                spent[__name] += time.perf_counter() - start

        setattr(cls, method, functools.wraps(original)(timed))
    return spent


@dataclass
class Desk:
    """The shown desktop and what the measurements need of it."""

    app: QApplication
    runner: LoopRunner
    session: Any
    parts: Any
    tabs: QTabWidget
    orders: int
    listeners: dict[str, float]
    #: Presence updates received so far, and who waits for a number of them.
    received: int = 0
    waiting: tuple[int, asyncio.Future[None]] | None = None
    #: (time, updates received by then) whenever one arrived.
    arrivals: list[tuple[float, int]] = field(default_factory=list)

    def order(self, command: str) -> None:
        os.write(self.orders, f"{command}\n".encode())

    def count(self, presence: tuple[object, ...]) -> None:
        self.received += len(presence)
        self.arrivals.append((time.perf_counter(), self.received))
        if self.waiting is not None and self.received >= self.waiting[0] and not self.waiting[1].done():
            self.waiting[1].set_result(None)

    async def arrive(self, total: int) -> None:
        if self.received < total:
            self.waiting = (total, asyncio.get_running_loop().create_future())
            await self.waiting[1]

    def show(self, tab: str, view: str) -> None:
        parts = self.parts
        self.tabs.setCurrentWidget(parts.people.tree if tab == "building tree" else parts.people.panel)
        if view == "whole floor":
            parts.map.view.fit_floor()
        else:
            parts.map.view.auto_fit = False
            parts.map.view.set_zoom(1.0)
            parts.map.view.centerOn(parts.map.current_scene().rooms["r10-5"])
        self.runner.run(asyncio.sleep(0.5))  # the map sharpens its avatars 180 ms after a zoom
        assert parts.map.view.isVisible(), "the office must be on the stage (no call, no whiteboard)"


def open_desk(url: str, orders: int, announce_each: bool) -> Desk:
    """Log in as ``p0``, build the real desktop, show it at 1366 x 768 with the side panel "Büro" open.
    ``announce_each``: the bridge's coalescing is lifted (the benchmark announces each update)."""
    import dvz_desktop.qt.shell.bridge as bridge_module

    if announce_each:
        bridge_module.COALESCE_MS = 1_000_000
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setQuitOnLastWindowClosed(False)
    from dvz_desktop.qt.shell import theme
    from dvz_desktop.qt.shell.i18n import install_translators

    install_translators(app, "de")
    theme.apply(app, theme.ThemeMode.LIGHT)
    listeners = time_listeners()
    runner = LoopRunner(qasync.QEventLoop(app))
    from dvz_desktop.app import assemble_desktop
    from dvz_desktop.services.session import Credentials, Session

    session = Session(url, Credentials(username="p0", password=PASSWORD))
    runner.run(session.start())
    with tempfile.TemporaryDirectory() as tmp:
        parts = assemble_desktop(session, set(), lambda _followed: None, outbox_dir=Path(tmp))
    window = parts.window
    window.resize(1366, 768)
    window.move(0, 0)
    window.show()
    parts.tray.show()
    window.open_panel("office")
    tabs = next(w for w in _ancestors(parts.people.tree) if isinstance(w, QTabWidget))
    scene = parts.map.current_scene()
    assert scene is not None and len(scene.avatars) == PEOPLE, "the map must hold all 5,000 avatars"
    assert parts.bridge.model is not None and len(parts.bridge.model.people) == PEOPLE
    desk = Desk(app, runner, session, parts, tabs, orders, listeners)
    session.presence_changed.connect(desk.count)  # after the bridge's listener: the model has them
    runner.run(asyncio.sleep(0.5))
    return desk


def close_desk(desk: Desk) -> None:
    desk.runner.run(desk.session.stop())


def measure_each(desk: Desk, updates: int, repaint_all: bool, profiler: Any, views: list[int] | None
                 ) -> dict[str, dict[str, float]]:
    """One update at a time, each announced and painted before the next is ordered."""
    app, parts = desk.app, desk.parts
    clock = PaintClock({"map": parts.map, "people list": parts.people.panel, "tree": parts.people.tree})

    def paint() -> None:
        """Let Qt do what the announcement asked for (queued scene updates, the tree's layout, the repaint
        of what changed) until three rounds in a row paint nothing."""
        quiet = rounds = 0
        while quiet < 3 and rounds < 50:
            before = clock.count
            app.processEvents(QEventLoop.ProcessEventsFlag.ExcludeSocketNotifiers)
            clock.stop()
            quiet = quiet + 1 if clock.count == before else 0
            rounds += 1

    results: dict[str, dict[str, float]] = {}
    app.installEventFilter(clock)
    sent = 0
    for tab, view in _chosen(views):
        desk.show(tab, view)
        paint()
        warm_up = 5
        rows: list[dict[str, float]] = []
        last_end = time.perf_counter()
        if profiler is not None:
            profiler.enable()
        for step in range(warm_up + updates):
            wait_start, wait_cpu = time.perf_counter(), time.thread_time()
            desk.order("move")
            sent += 1
            desk.runner.run(desk.arrive(sent * MOVING))
            arrived_at, arrived_cpu, arrived_wait = time.perf_counter(), time.thread_time(), waited_for_cpu()
            for name in desk.listeners:
                desk.listeners[name] = 0.0
            clock.take()
            parts.bridge.flush_now()
            announced = time.perf_counter()
            if repaint_all:
                for widget in parts.window.findChildren(QWidget):
                    widget.update()
            paint()
            end, end_cpu, end_wait = time.perf_counter(), time.thread_time(), waited_for_cpu()
            if step >= warm_up:
                row = {"interval": end - last_end, "wait": arrived_at - wait_start,
                       "receive_cpu": arrived_cpu - wait_cpu, "listeners": announced - arrived_at,
                       "paint": end - announced, "window_cpu": end_cpu - arrived_cpu,
                       "window_waited": end_wait - arrived_wait}
                row.update({f"listener {name}": spent for name, spent in desk.listeners.items()})
                row.update({f"paint {name}": spent for name, spent in clock.take(announced).items()})
                rows.append(row)
            last_end = end
        if profiler is not None:
            profiler.disable()
        assert parts.map.view.isVisible(), "the office must stay on the stage"
        names = {name for row in rows for name in row}
        key = f"{tab} | {view}"
        results[key] = {name: statistics.median(r.get(name, 0.0) for r in rows) for name in names} | {
            "p95 interval": percentile([r["interval"] for r in rows], 0.95)}
        print(f"{key}: {1 / results[key]['interval']:.1f} updates/s", file=sys.stderr)
    app.removeEventFilter(clock)
    return results


def measure_paced(desk: Desk, rate: float, seconds: float, views: list[int] | None) -> dict[str, dict[str, float]]:
    """The program's own loop (the bridge coalesces for 50 ms, Qt paints when its loop gets to it) while
    the backend sends an update ``rate`` times a second: does the window keep up, and how late is what
    it shows? An update's lag runs from the backend beginning it (moving, sending) to the end of the
    first map repaint after the announcement that brought it (read from the marker's room, see
    ``window_office``), so a fresh snapshot the backend sends a client that fell behind counts as well."""
    parts = desk.parts
    model = parts.bridge.model
    shown: list[tuple[float, str | None]] = []  # (announcement time, the marker's room then)
    painted: list[float] = []
    snapshots = [0]

    class MapPaints(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                QTimer.singleShot(0, lambda: painted.append(time.perf_counter()))  # after this paint pass
            return False

    def snapshot(presence: tuple[object, ...]) -> None:
        if len(presence) > MOVING:  # the backend found this client behind and sent everything anew
            snapshots[0] += 1

    watcher = MapPaints()
    parts.map.view.viewport().installEventFilter(watcher)
    parts.bridge.presenceChanged.connect(
        lambda _changed: shown.append((time.perf_counter(), model.presence_of("p1").room_id)))
    desk.session.presence_changed.connect(snapshot)
    results: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for index, (tab, view) in enumerate(_chosen(views)):
            desk.show(tab, view)
            log = Path(tmp) / f"sent-{index}.txt"
            count = int(rate * seconds)
            shown.clear()
            painted.clear()
            snapshots[0] = 0
            wall, cpu, waited = time.perf_counter(), time.process_time(), waited_for_cpu()
            desk.order(f"pace {rate} {seconds} {log}")
            try:
                sent = desk.runner.run(_until_shown(log, shown), timeout=seconds * 3 + 10)
                kept_up = 1.0
            except TimeoutError:  # far behind: measure what it showed until then
                sent, kept_up = _sent_times(log), 0.0
            caught_up = time.perf_counter()
            desk.runner.run(asyncio.sleep(0.3))  # the last repaint
            wall, cpu, waited = caught_up - wall, time.process_time() - cpu, waited_for_cpu() - waited
            first = min(sent)
            last, seen = first - 1, []  # (announcement time, latest update shown by then)
            for at, room in shown:
                last = marker_update(room, last)
                seen.append((at, last))
            lags = []
            for number, sent_at in sent.items():
                flush = next((t for t, latest in seen if latest >= number), None)
                paint = next((t for t in painted if flush is not None and t >= flush), None)
                if paint is not None:
                    lags.append(paint - sent_at)
            key = f"{tab} | {view}"
            results[key] = {
                "offered": (count - 1) / (max(sent.values()) - sent[first]) if count > 1 else 0.0,
                "received": len(lags) / (caught_up - sent[first]), "snapshots": float(snapshots[0]),
                "repaints": len(painted) / wall, "announcements": len(shown) / wall, "cpu": cpu / wall,
                "waited": waited / wall,
                "lag p50": percentile(lags, 0.5), "lag p95": percentile(lags, 0.95),
                "lag max": max(lags) if lags else float("nan"), "shown": len(lags) / count,
                "caught up": kept_up,
            }
            print(f"{key}: {results[key]['received']:.1f} updates/s shown, lag p95 "
                  f"{results[key]['lag p95'] * 1000:.0f} ms", file=sys.stderr)
    parts.map.view.viewport().removeEventFilter(watcher)
    return results


def _sent_times(log: Path) -> dict[int, float]:
    text = log.read_text(encoding="utf-8") if log.exists() else ""
    return {int(n): float(t) for n, t in (line.split() for line in text.splitlines() if line != "done")}


async def _until_shown(log: Path, shown: list[tuple[float, str | None]]) -> dict[int, float]:
    """Wait until the backend has sent its last update and the window announced it; return the send times."""
    while True:
        text = log.read_text(encoding="utf-8") if log.exists() else ""
        if text.endswith("done\n"):
            sent = _sent_times(log)
            if shown and shown[-1][1] == marker_room(max(sent)):
                return sent
        await asyncio.sleep(0.01)


def _chosen(views: list[int] | None) -> list[tuple[str, str]]:
    return [v for i, v in enumerate(VIEWS) if views is None or i in views]


def _ancestors(widget: QWidget) -> Any:
    node = widget.parentWidget()
    while node is not None:
        yield node
        node = node.parentWidget()

