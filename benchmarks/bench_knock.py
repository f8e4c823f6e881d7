"""Knock to the occupant's banner shown, through the real backend, with 100 other clients connected.

    .venv/bin/python benchmarks/bench_knock.py [--knocks 60] [--others 100]

The backend runs in its own process, the 100 other clients in another. This process holds the
occupant's real client (session, behaviour service, window with banner area; offscreen Qt) and the
knockers' sessions. Each sample is the time from the knocker sending ``knock`` to the occupant's
knock banner being in the window and the window having processed its events (painted). Knockers take
turns, because each may knock on one door at most three times in ten minutes.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from machine import describe, percentile, raise_open_files_limit  # noqa: E402

OCCUPANT = "u0-0"


async def measure(url: str, tokens: dict[str, str], knockers: list[str], knocks: int) -> list[float]:
    from PySide6.QtCore import QEvent, QObject

    from dvz_desktop.app import assemble_desktop
    from dvz_desktop.protocol import DoorState
    from dvz_desktop.qt.behaviour.banners import KnockBanner
    from dvz_desktop.services.behaviour import OfficeBehaviour
    from dvz_desktop.services.session import Credentials, Session

    occupant = Session(url, Credentials(OCCUPANT, token=tokens[OCCUPANT]))
    await occupant.start()
    parts = assemble_desktop(occupant, set(), lambda _f: None)
    parts.window.show()
    await parts.behaviour.set_door("o0-r0", DoorState.CLOSED)
    shown: dict[str, float] = {}
    area = parts.shell.banners  # the banners over the plan (the shell's, since issue 14)
    original_put = area.put

    class FirstPaint(QObject):
        """Shown means painted: the time of the banner's first paint event."""

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
            if event.type() == QEvent.Type.Paint and isinstance(watched, KnockBanner):
                shown.setdefault(watched.knock_id, time.perf_counter())
            return False

    first_paint = FirstPaint()

    def put(key: str, banner: object) -> object:
        if isinstance(banner, KnockBanner):
            banner.installEventFilter(first_paint)
        return original_put(key, banner)

    area.put = put  # type: ignore[method-assign]
    sessions = []
    for name in knockers:
        session = Session(url, Credentials(name, token=tokens[name]))
        await session.start()
        sessions.append(OfficeBehaviour(session))
    samples = []
    for n in range(knocks):
        knocker = sessions[n % len(sessions)]
        start = time.perf_counter()
        knock_id = await knocker.go_to("o0-r0")
        while knock_id not in shown:
            await asyncio.sleep(0.0005)
        samples.append((shown[knock_id] - start) * 1000)
        await knocker.cancel_knock(knock_id)
        await asyncio.sleep(0.02)
    for behaviour in sessions:
        await behaviour._session.stop()
    await occupant.stop()
    parts.window.close()
    return samples


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--knocks", type=int, default=60)
    parser.add_argument("--others", type=int, default=100)
    args = parser.parse_args()
    raise_open_files_limit()
    import qasync
    from benchsetup import prepare
    from PySide6.QtWidgets import QApplication

    knockers = [f"u0-{i}" for i in range(60, 60 + max(1, -(-args.knocks // 3)))]
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        org, tokens = prepare(tmp / "data", orgs=1, staff_per_org=60 + len(knockers) + args.others)
        others = [tokens[f"u0-{i}"] for i in range(60 + len(knockers), 60 + len(knockers) + args.others)]
        (tmp / "others.json").write_text(json.dumps(others))
        backend = subprocess.Popen([sys.executable, "-m", "server_stub", "--port", "0", "--data-dir", str(tmp / "data"),
                                    "--org", str(org), "--log-level", "WARNING",
                                    # 500 sockets of the crowd log in from one loopback address at once: the
                                    # per-address limits against floods would (rightly) turn most of them away.
                                    "--accept-rate", "0", "--max-unauthenticated", "100000"],
                                   cwd=ROOT, stdout=subprocess.PIPE, text=True)
        assert backend.stdout is not None
        url = next(m.group(1) for line in backend.stdout if (m := re.search(r"(ws://\S+)", line)))
        crowd = subprocess.Popen([sys.executable, str(ROOT / "benchmarks" / "bench_idle_memory.py"),
                                  "--role", "clients", "--url", url, "--tokens", str(tmp / "others.json"),
                                  "--connections", str(args.others * 5), "--ready", str(tmp / "ready"),
                                  "--release", str(tmp / "release")], cwd=ROOT)
        while not (tmp / "ready").exists():
            time.sleep(0.1)
        try:
            app = QApplication(sys.argv[:1])
            loop = qasync.QEventLoop(app)
            asyncio.set_event_loop(loop)
            with loop:
                samples = loop.run_until_complete(measure(url, tokens, knockers, args.knocks))
        finally:
            (tmp / "release").touch()
            crowd.wait()
            backend.terminate()
            backend.wait()
    print(f"# Knock to banner\n\nMachine: {describe()}; {args.others} other people with 5 sockets each "
          f"({args.others * 5} sockets) connected, offscreen Qt\n")
    print("| knocks | median ms | p95 ms | max ms | target |")
    print("|---:|---:|---:|---:|---|")
    print(f"| {len(samples)} | {statistics.median(samples):.1f} | {percentile(samples, 0.95):.1f} | {max(samples):.1f} "
          f"| median <= 50 ms |")


if __name__ == "__main__":
    main()
