"""Map drawing: 5,000 avatars on one floor, 250 of them walking to another room every frame.

    .venv/bin/python benchmarks/bench_map.py [--frames 120] [--platform xcb|offscreen] [--before SRC]

Uses the real map (the MapWidget in a shown 1366x768 window) and the real update path: presence updates
applied to the OfficeModel, then ``scene.sync(changed)``; a frame ends when the viewport has painted.
Measured at the working zoom (100 %: a few rooms, avatars with initials and name plates), at 75 % (the
zoom the demo floor fits at: a third of the floor with avatars and names) and with the whole floor
fitted (room plates with names and counts, furniture, doors). ``--before SRC`` runs the same
measurement first against another source tree (e.g. ``/work/main/src``), so both land in one table.
Under Xvfb the server picks a free display itself (``-displayfd``).
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from machine import describe, percentile, start_xvfb  # noqa: E402  (after the path is set)

PEOPLE = 5000
MOVING = 250
COLUMNS, ROWS = 20, 10  # 200 rooms of 25 people
ROOM_W, ROOM_H = 300.0, 260.0


def build_model():  # type: ignore[no-untyped-def]
    from dvz_desktop.core.office import OfficeModel
    from dvz_desktop.protocol import (
        Building,
        Floor,
        OfficeLayout,
        Organisation,
        Person,
        Presence,
        Room,
        RoomKind,
        Status,
    )

    rooms = tuple(
        Room(id=f"r{c}-{r}", name=f"Büro {r * COLUMNS + c}", kind=RoomKind.TEAM_OFFICE,
             x=c * (ROOM_W + 20), y=r * (ROOM_H + 20), w=ROOM_W, h=ROOM_H)
        for r in range(ROWS) for c in range(COLUMNS))
    floor = Floor(id="f", name="Großraum", width=COLUMNS * (ROOM_W + 20), height=ROWS * (ROOM_H + 20), rooms=rooms)
    layout = OfficeLayout(
        organisations=(Organisation(id="o", name="Landesamt",
                                    buildings=(Building(id="b", name="Haus", floors=(floor,)),)),),
        people=tuple(Person(id=f"p{i}", display_name=f"Vorname{i} Nachname{i}", org_id="o", unit=f"Referat {i % 40}")
                     for i in range(PEOPLE)))
    statuses = list(Status)[:5]
    presence = [Presence(person_id=f"p{i}", status=statuses[i % 5], room_id=rooms[i // 25].id) for i in range(PEOPLE)]
    return OfficeModel(layout, "p0", presence), [r.id for r in rooms]


def paint_counter_class():  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QEvent, QObject

    class PaintCounter(QObject):
        count = 0

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                self.count += 1
            return False

    return PaintCounter


def run(frames: int) -> dict[str, tuple[float, float, float]]:
    from PySide6.QtWidgets import QApplication, QMainWindow

    from dvz_desktop.qt.map.widget import MapWidget

    app = QApplication.instance() or QApplication(sys.argv)
    PaintCounter = paint_counter_class()
    model, room_ids = build_model()
    window = QMainWindow()
    widget = MapWidget()
    window.setCentralWidget(widget)
    window.resize(1366, 768)
    widget.set_model(model)
    window.show()
    app.processEvents()
    scene = widget.current_scene()
    view = widget.view  # type: ignore[attr-defined]
    assert scene is not None and len(scene.avatars) == PEOPLE, "the map must hold all 5,000 avatars"
    rng = random.Random(7)
    paints = PaintCounter()
    view.viewport().installEventFilter(paints)
    results = {}
    for name, zoom in (("working zoom (100 %)", 1.0), ("75 % (demo floor fitted)", 0.75), ("whole floor", None)):
        if zoom is None:
            view.fit_floor()
        else:
            view.auto_fit = False
            view.set_zoom(zoom)
            view.centerOn(scene.rooms["r10-5"])
        app.processEvents()
        times, cpu_times = [], []
        for _ in range(frames):
            movers = rng.sample(range(PEOPLE), MOVING)
            start, cpu_start = time.perf_counter(), time.process_time()
            updates = [model.presence_of(f"p{i}").model_copy(update={"room_id": rng.choice(room_ids)}) for i in movers]
            changed = model.apply(updates)
            scene.sync(changed)
            # As in the app: the scene schedules the repaint of what changed; the frame ends when the
            # viewport has painted once.
            painted = paints.count
            deadline = time.perf_counter() + 2.0  # nothing visible changed: count the frame as it is
            while paints.count == painted and time.perf_counter() < deadline:
                app.processEvents()
            times.append(time.perf_counter() - start)
            cpu_times.append(time.process_time() - cpu_start)
        median = statistics.median(times)
        results[name] = (median * 1000, percentile(times, 0.95) * 1000, statistics.median(cpu_times) * 1000)
        print(f"{name}: zoom {view.zoom:.2f}, median {median * 1000:.1f} ms ({1 / median:.0f} fps), "
              f"p95 {percentile(times, 0.95) * 1000:.1f} ms", file=sys.stderr)
    return results


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--frames", type=int, default=120)
    parser.add_argument("--platform", default="xcb")
    parser.add_argument("--before", type=Path, help="source tree of the code to compare with (its src/)")
    parser.add_argument("--label", default="")
    parser.add_argument("--inner", action="store_true")
    args = parser.parse_args()
    if args.inner:
        for name, (median, p95, cpu) in run(args.frames).items():
            print(f"| {args.label} | {name} | {median:.1f} | {p95:.1f} | {1000 / median:.0f} | {cpu:.1f} "
                  f"| {1000 / max(cpu, 0.01):.0f} |")
        return
    env = dict(os.environ, QT_QPA_PLATFORM=args.platform)
    xvfb = None
    if args.platform == "xcb":
        xvfb, env["DISPLAY"] = start_xvfb()
    trees = ([("before", args.before.resolve())] if args.before else []) + [("this tree", ROOT / "src")]
    try:
        print(f"# Map with {PEOPLE:,} avatars, {MOVING} moving per frame ({args.platform})\n\nMachine: {describe()}\n")
        print("| code | view | median frame ms | p95 frame ms | fps (median) | client CPU ms | fps by CPU |")
        print("|---|---|---:|---:|---:|---:|---:|")
        sys.stdout.flush()
        for label, src in trees:
            tree_env = dict(env, PYTHONPATH=os.pathsep.join([str(src), str(ROOT)]))
            subprocess.run([sys.executable, __file__, "--inner", "--frames", str(args.frames), "--platform",
                            args.platform, "--label", label], cwd=ROOT, env=tree_env, check=True)
        print("\nTargets: >= 60 fps at working zoom, >= 30 fps with the whole floor visible. 'client CPU ms' is the "
              "client process's own CPU time per frame (without the X server), the fairer figure on a busy machine.")
    finally:
        if xvfb:
            xvfb.terminate()
            xvfb.wait()


if __name__ == "__main__":
    main()
