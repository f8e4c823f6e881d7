"""The whole window under load: 5,000 people on one floor, 250 of them walking to another room per update.

    .venv/bin/python benchmarks/bench_window.py [--updates 60] [--before OLD/src] [--repaint changed|all]

Everything is real except the colleagues' own clients: a backend process (``server_stub``) on loopback
with a generated organisation of 5,000 people, all online; for each update the benchmark tells it to move
250 of them (``PresenceBoard.move`` in the backend, as their clients' ``move`` would), and the backend
serialises the 250 presence frames and sends them over the websocket to one real client. The client is
the real desktop (``assemble_desktop``: the map on the stage, the side panel "Büro" with the people list
and the building tree, the rail with its badges, the status line, the tray) in a shown 1366 x 768 window
under Xvfb (a display Xvfb picks itself) with a tray host (trayer) where one is installed. The user sits
in the entrance hall (a foyer), so people walking in do not start a room call that would cover the plan.

One update, one at a time: the backend moves 250 people; their frames arrive (session ->
``OfficeBridge``, which applies them to the office model); the bridge announces them (``flush_now``:
every listener runs — map, people list, building tree, tray, and the others: arrivals, behaviour, calls,
whiteboard); then Qt does what that asked for (queued scene updates, the tree's layout, the repaint of
everything that changed anywhere in the window) until three rounds of its event loop in a row paint
nothing. ``--repaint all`` marks every widget of the window dirty after each update instead (the worst
case: everything on screen painted every time).

Conditions the benchmark lifts (printed with the figures):
- The bridge's coalescing timer (``COALESCE_MS``, 50 ms in the program: at most 20 announcements a
  second) is set to 1,000 s, so the benchmark announces each update itself once its 250 moves arrived.
- Qt's 5 ms wait before painting a requested update (``QT_QPA_UPDATE_IDLE_TIME``) is set to 0, so an
  update ends when its paint is done instead of being padded with idle time.
- The moves come from the backend, not from 5,000 client sockets. The backend's features do not react to
  these moves (room chat access windows written to SQLite, doors, calls, whiteboards: about 0.1 ms a move
  on tmpfs, 0.9 ms on this disk), so the backend is not what limits the rate; ``--feature-reactions``
  keeps them. Its data directory is on tmpfs (``/dev/shm``) where there is one.

Measured four ways: the side panel "Büro" on its people list or on its building tree, each at working
zoom (100 %) and with the whole floor fitted. ``--before SRC`` measures another client tree (e.g. the
code before an optimisation) against the same backend in the same run.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from machine import describe, percentile, start_xvfb

PEOPLE = 5000
MOVING = 250
COLUMNS, ROWS = 20, 10  # 200 rooms of 25 people, as in bench_map.py
ROOM_W, ROOM_H = 300.0, 260.0
PASSWORD = "bench-window"
FIRST = ("Anna", "Bernd", "Clara", "Dieter", "Elif", "Frank", "Gül", "Hans", "Ines", "Jörg", "Katrin", "Lukas",
         "Maria", "Niklas", "Olga", "Peter", "Rita", "Stefan", "Tanja", "Uwe", "Vera", "Wolfgang", "Yasmin")
LAST = ("Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann",
        "Schäfer", "Koch", "Bauer", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Schwarz", "Zimmermann",
        "Braun", "Krüger", "Hofmann", "Hartmann", "Lange", "Schmitt", "Werner", "Krause", "Meier", "Lehmann")
VIEWS = (("people list", "working zoom (100 %)"), ("people list", "whole floor"),
         ("building tree", "working zoom (100 %)"), ("building tree", "whole floor"))


# --- the backend process ---


def room_ids() -> list[str]:
    return [f"r{c}-{r}" for r in range(ROWS) for c in range(COLUMNS)]


def write_org(path: Path) -> None:
    """One building, one floor of 200 rooms (a coffee kitchen and a meeting room among every 20), 5,000
    staff in units of 25 with their home room; user ``p0`` logs in. The first room is the entrance hall
    (a foyer): ``p0`` starts there, where people walking in do not start a room call."""
    rooms = []
    for index, room_id in enumerate(room_ids()):
        c, r = index % COLUMNS, index // COLUMNS
        kind = "coffee_kitchen" if index % 20 == 7 else "meeting_room" if index % 20 == 13 else "team_office"
        kind = "foyer" if index == 0 else kind
        name = {"coffee_kitchen": f"Kaffeeküche {index}", "meeting_room": f"Besprechung {index}",
                "foyer": "Eingangshalle"}.get(kind, f"Büro {index}")
        rooms.append({"id": room_id, "name": name, "kind": kind, "x": c * (ROOM_W + 20), "y": r * (ROOM_H + 20),
                      "w": ROOM_W, "h": ROOM_H})
    ids = room_ids()
    staff = [{"username": f"p{i}", "display_name": f"{FIRST[i % len(FIRST)]} {LAST[(i // len(FIRST)) % len(LAST)]}",
              "org": "o", "unit": f"Referat {i // 25}", "home_room": ids[i // 25],
              **({"initial_password": PASSWORD} if i == 0 else {})} for i in range(PEOPLE)]
    org = {"organisations": [{"id": "o", "name": "Landesamt", "buildings": [{"id": "b", "name": "Haus A", "floors": [
        {"id": "f", "name": "Großraum", "width": COLUMNS * (ROOM_W + 20), "height": ROWS * (ROOM_H + 20),
         "rooms": rooms}]}]}], "staff": staff}
    path.write_text(json.dumps(org), encoding="utf-8")


def serve(data_dir: Path, feature_reactions: bool) -> None:
    """The backend with everyone online; each line ``move`` on stdin moves 250 people (never ``p0``)."""
    import asyncio

    from dvz_desktop.protocol import SELECTABLE_STATUSES
    from server_stub.orgfile import load_org_file
    from server_stub.server import Backend, BackendConfig

    data_dir.mkdir(parents=True, exist_ok=True)
    write_org(data_dir / "org.json")
    backend = Backend(load_org_file(data_dir / "org.json"), BackendConfig(data_dir=data_dir))
    rng = random.Random(14)
    ids = room_ids()

    async def run() -> None:
        loop = asyncio.get_running_loop()
        stopped = loop.create_future()
        port = await backend.start("127.0.0.1", 0)
        for i in range(1, PEOPLE):
            backend.presence.come_online(f"p{i}")
            if i % 3:
                backend.presence.set_status(f"p{i}", SELECTABLE_STATUSES[i % len(SELECTABLE_STATUSES)], "")

        def command() -> None:
            line = sys.stdin.readline()
            if line.strip() == "move":
                for i in rng.sample(range(1, PEOPLE), MOVING):
                    here = backend.presence.get(f"p{i}").room_id
                    backend.presence.move(f"p{i}", rng.choice([r for r in ids if r != here]))
            elif not stopped.done():
                stopped.set_result(None)

        if not feature_reactions:
            # Only the presence board and the hub's fan-out (serialising, sending) stay: see the docstring.
            backend.presence._publish = backend.hub.publish_presence  # type: ignore[attr-defined]
        loop.add_reader(sys.stdin.fileno(), command)
        print(f"URL ws://127.0.0.1:{port}/ws", flush=True)
        await stopped
        await backend.stop()

    asyncio.run(run())


# --- the client process ---


def measure(url: str, updates: int, backend_stdin: int, repaint_all: bool = False,
            profile: Path | None = None, views: list[int] | None = None) -> dict[str, dict[str, object]]:
    import asyncio
    import cProfile

    import qasync
    from PySide6.QtCore import QEvent, QEventLoop, QObject
    from PySide6.QtWidgets import QApplication, QTabWidget, QWidget

    import dvz_desktop.qt.shell.bridge as bridge_module

    bridge_module.COALESCE_MS = 1_000_000  # the benchmark announces each update itself (see above)
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

    class PaintClock(QObject):
        """Counts paint events, and sums the time from one widget's paint event to the next per part of
        the window (the map, the people list, the tree, the rest of the shell)."""

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
            """The time per part since the last call, and as "before" the time from ``since`` (the start of
            the paint phase) to the first paint event: Qt's own work (queued scene updates, layouts)."""
            spent, self.spent = dict(self.spent), defaultdict(float)
            if since and self.first is not None:
                spent["before"] = self.first - since
            self.first = None
            return spent

    session = Session(url, Credentials(username="p0", password=PASSWORD))
    runner.run(session.start())
    arrived = {"count": 0}
    waiting: dict[str, object] = {}

    def count(presence: tuple[object, ...]) -> None:
        arrived["count"] += len(presence)
        future = waiting.get("future")
        if isinstance(future, asyncio.Future) and arrived["count"] >= waiting["target"] and not future.done():  # type: ignore[operator]
            future.set_result(None)

    session.presence_changed.connect(count)  # after the bridge's listener: the model has them
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
    clock = PaintClock({"map": parts.map, "people list": parts.people.panel, "tree": parts.people.tree})
    sent = 0

    def order() -> None:
        nonlocal sent
        os.write(backend_stdin, b"move\n")
        sent += 1

    async def arrive(number: int) -> None:
        waiting["target"] = number * MOVING
        waiting["future"] = asyncio.get_running_loop().create_future()
        if arrived["count"] < number * MOVING:
            await waiting["future"]  # type: ignore[misc]

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

    async def settle(seconds: float) -> None:
        await asyncio.sleep(seconds)

    results: dict[str, dict[str, object]] = {}
    profiler = cProfile.Profile() if profile else None
    runner.run(settle(0.5))
    app.installEventFilter(clock)
    for tab, view in [v for i, v in enumerate(VIEWS) if views is None or i in views]:
        tabs.setCurrentWidget(parts.people.tree if tab == "building tree" else parts.people.panel)
        if view == "whole floor":
            parts.map.view.fit_floor()
        else:
            parts.map.view.auto_fit = False
            parts.map.view.set_zoom(1.0)
            parts.map.view.centerOn(scene.rooms["r10-5"])
        runner.run(settle(0.5))  # the map sharpens its avatars 180 ms after a zoom
        paint()
        assert parts.map.view.isVisible(), "the office must be on the stage (no call, no whiteboard)"
        warm_up = 5
        rows: list[dict[str, float]] = []
        last_end = time.perf_counter()
        if profiler is not None:
            profiler.enable()
        for step in range(warm_up + updates):
            wait_start, wait_cpu = time.perf_counter(), time.thread_time()
            order()
            runner.run(arrive(sent))
            arrived_at, arrived_cpu = time.perf_counter(), time.thread_time()
            receive_cpu = arrived_cpu - wait_cpu
            for name in listeners:
                listeners[name] = 0.0
            clock.take()
            parts.bridge.flush_now()
            announced = time.perf_counter()
            if repaint_all:
                for widget in window.findChildren(QWidget):
                    widget.update()
            paint()
            end, end_cpu = time.perf_counter(), time.thread_time()
            if step >= warm_up:
                row = {"interval": end - last_end, "wait": arrived_at - wait_start, "receive_cpu": receive_cpu,
                       "listeners": announced - arrived_at, "paint": end - announced,
                       "window_cpu": end_cpu - arrived_cpu}
                row.update({f"listener {name}": spent for name, spent in listeners.items()})
                row.update({f"paint {name}": spent for name, spent in clock.take(announced).items()})
                rows.append(row)
            last_end = end
        if profiler is not None:
            profiler.disable()
        assert parts.map.view.isVisible(), "the office must stay on the stage"
        key = f"{tab} | {view}"
        names = {name for row in rows for name in row}
        results[key] = {name: statistics.median(r.get(name, 0.0) for r in rows) for name in names} | {
            "p95 interval": percentile([r["interval"] for r in rows], 0.95), "zoom": parts.map.view.zoom}
        print(f"{key}: {1 / results[key]['interval']:.1f} updates/s", file=sys.stderr)  # type: ignore[operator]
    app.removeEventFilter(clock)
    runner.run(session.stop())
    if profiler is not None and profile is not None:
        profiler.dump_stats(str(profile))
    return results


class LoopRunner:
    """Runs coroutines on the qasync loop step by step (as the UI tests do), so the benchmark can let Qt
    paint between the steps with the loop still set as the running one."""

    def __init__(self, loop):  # type: ignore[no-untyped-def]
        import asyncio

        self.loop = loop
        asyncio.set_event_loop(loop)
        asyncio.events._set_running_loop(loop)

    def run(self, coro):  # type: ignore[no-untyped-def]
        import asyncio

        future = asyncio.ensure_future(asyncio.wait_for(coro, 60), loop=self.loop)
        future.add_done_callback(lambda _future: self.loop.stop())
        try:
            self.loop.run_forever()
        finally:
            asyncio.events._set_running_loop(self.loop)
        return future.result()


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


def _ancestors(widget):  # type: ignore[no-untyped-def]
    node = widget.parentWidget()
    while node is not None:
        yield node
        node = node.parentWidget()


# --- the run ---


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--updates", type=int, default=60)
    parser.add_argument("--before", type=Path, help="source tree of the client to compare with (its src/)")
    parser.add_argument("--feature-reactions", action="store_true",
                        help="let the backend's features react to every move (room chat, doors, calls, whiteboard)")
    parser.add_argument("--repaint", choices=("changed", "all"), default="changed",
                        help="after each update paint what changed (as the program does) or every widget")
    parser.add_argument("--profile", type=Path, help="write a cProfile of the client's updates to this file")
    parser.add_argument("--views", type=lambda text: [int(v) for v in text.split(",")],
                        help="measure only these of the four views (0-3, comma separated)")
    parser.add_argument("--serve", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--client", help=argparse.SUPPRESS)
    parser.add_argument("--orders", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--label", default="")
    args = parser.parse_args()
    if args.serve:
        serve(args.serve, args.feature_reactions)
        return
    if args.client:
        results = measure(args.client, args.updates, args.orders, args.repaint == "all", args.profile, args.views)
        print(json.dumps({"label": args.label, "results": results}), flush=True)
        return
    xvfb, display = start_xvfb()
    # Qt paints a requested update 5 ms later (QT_QPA_UPDATE_IDLE_TIME); 0 lets the benchmark's update end
    # when its paint is done instead of padding each one with that idle time.
    env = dict(os.environ, QT_QPA_PLATFORM="xcb", DISPLAY=display, QT_QPA_UPDATE_IDLE_TIME="0")
    helpers: list[subprocess.Popen[bytes]] = [xvfb]
    if shutil.which("trayer"):
        helpers.insert(0, subprocess.Popen(["trayer", "--edge", "top", "--align", "right"], env=env,
                                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
    trees = ([("before", args.before.resolve())] if args.before else []) + [("now", ROOT / "src")]
    results = []
    # The backend's SQLite file on tmpfs where there is one: its commits must not wait for this disk.
    shm = Path("/dev/shm")
    with tempfile.TemporaryDirectory(dir=shm if shm.is_dir() else None) as tmp:
        env["DVZ_CONFIG_DIR"] = str(Path(tmp) / "config")
        server_env = dict(env, PYTHONPATH=os.pathsep.join([str(ROOT / "src"), str(ROOT)]))
        backend = subprocess.Popen([sys.executable, __file__, "--serve", str(Path(tmp) / "data")]
                                   + (["--feature-reactions"] if args.feature_reactions else []), env=server_env,
                                   stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        assert backend.stdin is not None and backend.stdout is not None
        try:
            url = backend.stdout.readline().split()[1]
            for label, src in trees:
                tree_env = dict(env, PYTHONPATH=os.pathsep.join([str(src), str(ROOT)]))
                orders = backend.stdin.fileno()  # the client writes its "move" orders straight to the backend
                client = subprocess.run([sys.executable, __file__, "--client", url, "--updates", str(args.updates),
                                         "--orders", str(orders), "--label", label, "--repaint", args.repaint]
                                        + (["--views", ",".join(map(str, args.views))] if args.views else [])
                                        + (["--profile", f"{args.profile}.{label}"] if args.profile else []), env=tree_env,
                                        pass_fds=(orders,), stdout=subprocess.PIPE, text=True, check=True)
                results.append(json.loads(client.stdout.strip().splitlines()[-1]))
        finally:
            backend.stdin.write("quit\n")
            backend.stdin.flush()
            backend.wait(10)
            for helper in helpers:
                helper.terminate()
                helper.wait()
    report(results, args.updates, display, args.repaint, args.feature_reactions)


def report(results: list[dict[str, object]], updates: int, display: str, repaint: str, reactions: bool) -> None:
    print(f"# Whole window: {PEOPLE:,} people, {MOVING} moving per update\n\nMachine: {describe()}; "
          f"load average {os.getloadavg()[0]:.1f}; Xvfb {display} 1366x768, "
          f"{'trayer' if shutil.which('trayer') else 'no tray host'}; {updates} updates per row (medians); "
          f"repainted after each update: {'every widget' if repaint == 'all' else 'what changed'}\n")
    print("| code | side panel | map | updates/s | p95 ms | window ms (listeners + paint) | window updates/s "
          "| window CPU ms | window updates/s by CPU | receive CPU ms | listeners ms | paint ms |")
    print("|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for run in results:
        for key, row in run["results"].items():  # type: ignore[union-attr]
            tab, view = key.split(" | ")
            window = row["listeners"] + row["paint"]
            print(f"| {run['label']} | {tab} | {view} | {1 / row['interval']:.0f} | {row['p95 interval'] * 1000:.0f} "
                  f"| {window * 1000:.1f} | {1 / window:.0f} | {row['window_cpu'] * 1000:.1f} "
                  f"| {1 / row['window_cpu']:.0f} | {row['receive_cpu'] * 1000:.1f} "
                  f"| {row['listeners'] * 1000:.1f} | {row['paint'] * 1000:.1f} |")
    print("\nSplit per part (median ms per update): listeners of the bridge, then painting")
    names = sorted({k for run in results for row in run["results"].values() for k in row  # type: ignore[union-attr]
                    if k.startswith(("listener ", "paint "))}, key=lambda k: (not k.startswith("listener"), k))
    print("| code | side panel | map | " + " | ".join(names) + " |")
    print("|---|---|---|" + "---:|" * len(names))
    for run in results:
        for key, row in run["results"].items():  # type: ignore[union-attr]
            tab, view = key.split(" | ")
            print(f"| {run['label']} | {tab} | {view} | " + " | ".join(f"{row.get(n, 0.0) * 1000:.1f}" for n in names)
                  + " |")
    print("\nOne update at a time: 'updates/s' is the whole path (the backend moving 250 people and sending "
          "them, the client receiving them, the window showing them); 'window' is what the window does with an "
          "update once it arrived (the bridge's listeners and the paint), the figure the targets are about: "
          ">= 60 updates/s at working zoom, >= 30 with the whole floor. 'CPU' is the client's main thread's own "
          "CPU time (without the X server), the fairer figure while other jobs share the cores.")
    print("Lifted: the bridge's 50 ms coalescing (each update announced once its 250 moves arrived); Qt's 5 ms "
          "idle time before a paint (QT_QPA_UPDATE_IDLE_TIME=0); the moves are made in the backend, whose "
          "features do not react to them" + (" (kept with --feature-reactions)" if not reactions else
                                             " (here they do: --feature-reactions)")
          + "; the backend's data directory is on tmpfs.")


if __name__ == "__main__":
    main()
