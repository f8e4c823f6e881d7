"""Whiteboard: 5 people draw 2,000 strokes at the same time through the real backend; do their boards
converge, and how long does a late joiner take to receive the board and draw it?

    .venv/bin/python benchmarks/bench_whiteboard.py [--strokes 2000] [--people 5] [--joins 5]

Backend and clients share this process and its loop (offscreen Qt for the drawing), so the figures
include the backend's work. The per-person rate limit is raised: this measures convergence and the late
join, not the limit. A stroke has 30 points, as a quick pen line has.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from machine import describe  # noqa: E402

ROOM = "kh-1-b110"
PEOPLE = ["a.schneider", "t.wagner", "m.becker", "s.koch", "k.klein", "g.braun"]


def stroke(person: int, n: int):  # type: ignore[no-untyped-def]
    from dvz_desktop.protocol import BOARD_HEIGHT, BOARD_WIDTH, WbShape

    x0, y0 = (person * 397 + n * 53) % (BOARD_WIDTH - 200), (person * 211 + n * 37) % (BOARD_HEIGHT - 100)
    points = []
    for k in range(30):
        points += [x0 + k * 6, y0 + (k * k) % 90]
    return WbShape(kind="pen", points=tuple(points), colour="#c0392b", width=4)


async def run(strokes: int, people: int, joins: int) -> None:
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QImage, QPainter

    from dvz_desktop.qt.whiteboard.canvas import BoardScene
    from dvz_desktop.services.session import Credentials, Session
    from dvz_desktop.services.whiteboard import WhiteboardClient
    from server_stub.app import Backend, BackendConfig
    from server_stub.demo.office import demo_org_file

    backend = Backend(demo_org_file(), BackendConfig(data_dir=Path(tempfile.mkdtemp()) / "data",
                                                     whiteboard_rate_per_minute=60_000, whiteboard_burst=5_000))
    port = await backend.start("127.0.0.1", 0)
    url = f"ws://127.0.0.1:{port}/ws"
    boards = []
    for name in PEOPLE[:people]:
        session = Session(url, Credentials(username=name, password="demo"))
        await session.start()
        await session.move(ROOM)
        board = WhiteboardClient(session)
        await board.open(ROOM)
        boards.append(board)
    while not all(b._loaded for b in boards):
        await asyncio.sleep(0.01)

    per_person = strokes // people
    started = time.perf_counter()

    async def draw(index: int, board: WhiteboardClient) -> None:
        for n in range(per_person):
            board.draw(stroke(index, n))
            if n % 10 == 9:
                await asyncio.sleep(0)  # everyone draws at once, interleaved

    await asyncio.gather(*(draw(i, b) for i, b in enumerate(boards)))
    while not all(len(b.board.visible()) == per_person * people and not b.pending for b in boards):
        await asyncio.sleep(0.005)
    converge_s = time.perf_counter() - started
    fingerprints = {b.board.fingerprint() for b in boards}

    receive, draw_ms = [], []
    for _ in range(joins):
        late = Session(url, Credentials(username=PEOPLE[people], password="demo"))
        await late.start()
        await late.move(ROOM)
        board = WhiteboardClient(late)
        t0 = time.perf_counter()
        await board.open(ROOM)
        while not board._loaded:
            await asyncio.sleep(0.001)
        t1 = time.perf_counter()
        scene = BoardScene()
        scene.sync(board.items(), set())
        image = QImage(1200, 800, QImage.Format.Format_RGB32)
        painter = QPainter(image)
        scene.render(painter, QRectF(image.rect()), scene.sceneRect())
        painter.end()
        t2 = time.perf_counter()
        receive.append((t1 - t0) * 1000)
        draw_ms.append((t2 - t1) * 1000)
        assert len(scene.shown) == per_person * people
        await late.stop()
    total = [r + d for r, d in zip(receive, draw_ms, strict=True)]
    print(f"machine: {describe()}")
    print(f"{people} people x {per_person} strokes = {per_person * people} strokes of 30 points, all at once")
    print(f"converged: {'yes' if len(fingerprints) == 1 else 'NO'} ({len(fingerprints)} distinct boards); "
          f"all {per_person * people} strokes on every board after {converge_s:.2f} s "
          f"({per_person * people / converge_s:.0f} strokes/s through the backend)")
    print(f"late joiner ({joins} runs, median): receive {statistics.median(receive):.0f} ms, "
          f"draw {statistics.median(draw_ms):.0f} ms, total {statistics.median(total):.0f} ms "
          f"(target <= 500 ms; worst {max(total):.0f} ms)")
    for board in boards:
        await board._session.stop()
    await backend.stop()


def main() -> None:
    import qasync
    from PySide6.QtWidgets import QApplication

    parser = argparse.ArgumentParser()
    parser.add_argument("--strokes", type=int, default=2000)
    parser.add_argument("--people", type=int, default=5)
    parser.add_argument("--joins", type=int, default=5)
    args = parser.parse_args()
    app = QApplication(sys.argv)
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    with loop:
        loop.run_until_complete(run(args.strokes, args.people, args.joins))


if __name__ == "__main__":
    main()
