"""Week view of a calendar with 500 appointments (50 of them weekly series) against a real Radicale:
how long from the data arriving to the week shown, and does the window stay responsive meanwhile?

    .venv/bin/python benchmarks/bench_calendar_week.py [--runs 5]

The calendar panel runs offscreen on a qasync loop as in the program. "Data arrived" is the moment the
CalDAV client hands the parsed agenda back (fetching and parsing run in a worker process); "shown" is the
panel's list filled. A ticker on the loop wakes every 5 ms; its longest late wake-up is the longest
stall of the window during the whole refresh, fetching included.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from machine import describe  # noqa: E402

from tests.integration.radicale_server import start_radicale  # noqa: E402


def fill(url: str, monday: datetime) -> None:
    """450 single appointments over this week's working days and 50 weekly series begun earlier."""
    import caldav

    calendar = caldav.DAVClient(url, username="anna", password="geheim").principal().make_calendar(name="Dienst")
    for n in range(450):
        start = monday + timedelta(days=n % 5, hours=8 + (n // 5) % 10, minutes=(n * 7) % 50)
        calendar.save_event(dtstart=start, dtend=start + timedelta(minutes=30), summary=f"Termin {n}",
                            location="dvz://room/kh-1-b110" if n % 9 == 0 else "")
    for n in range(50):
        start = monday - timedelta(weeks=3) + timedelta(days=n % 5, hours=8 + n % 9)
        calendar.save_event(dtstart=start, dtend=start + timedelta(minutes=45), summary=f"Serie {n}",
                            rrule={"FREQ": "WEEKLY"})


async def measure(url: str, runs: int) -> list[tuple[float, float, float, int]]:
    from dvz_desktop.qt.calendar.panel import CalendarPanel
    from dvz_desktop.services.calendar import CalendarClient

    panel = CalendarPanel(lambda coro: asyncio.ensure_future(coro), lambda room: None, lambda t, x: None,
                          lambda room: "Besprechung 1.10")
    panel.resize(360, 700)
    panel.show()
    client = CalendarClient(url, "anna", "geheim", Path(tempfile.mkdtemp()) / "agenda.json")
    panel.client = client
    panel.week = True
    arrived: list[float] = []
    fetch = client.agenda

    async def timed_agenda(start: datetime, end: datetime):  # type: ignore[no-untyped-def]
        result = await fetch(start, end)
        arrived.append(time.perf_counter())
        return result

    client.agenda = timed_agenda  # type: ignore[method-assign]
    results = []
    for _ in range(runs + 1):  # the first run also connects and discovers; it is not counted
        stall = [0.0]
        running = True

        # The ticker reads this round's `running` and `stall` on purpose (it is awaited within the round).
        async def ticker() -> None:
            last = time.perf_counter()
            while running:  # noqa: B023
                await asyncio.sleep(0.005)
                now = time.perf_counter()
                stall[0] = max(stall[0], now - last - 0.005)  # noqa: B023
                last = now

        tick = asyncio.ensure_future(ticker())
        begin = time.perf_counter()
        await panel._load()  # noqa: SLF001  (what refresh() schedules)
        shown = time.perf_counter()
        running = False
        await tick
        results.append(((shown - arrived[-1]) * 1000, (shown - begin) * 1000, stall[0] * 1000, panel.list.count()))
    return results[1:]


def main() -> None:
    import qasync
    from PySide6.QtWidgets import QApplication

    from dvz_desktop.services.calendar import OFFICE_TZ

    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--switch-interval-ms", type=float, default=0,
                        help="override the interpreter's GIL switch interval (0: as the program sets it)")
    args = parser.parse_args()
    if args.switch_interval_ms:
        sys.setswitchinterval(args.switch_interval_ms / 1000)
    folder = Path(tempfile.mkdtemp())
    url, proc = start_radicale(folder)
    try:
        today = datetime.now(OFFICE_TZ).replace(hour=0, minute=0, second=0, microsecond=0)
        monday = today - timedelta(days=today.weekday())
        t0 = time.perf_counter()
        fill(url, monday)
        print(f"machine: {describe()}")
        print(f"setup: 450 appointments + 50 weekly series written in {time.perf_counter() - t0:.1f} s")
        app = QApplication(sys.argv)
        loop = qasync.QEventLoop(app)
        asyncio.set_event_loop(loop)
        with loop:
            results = loop.run_until_complete(measure(url, args.runs))
        after, total, stall, count = zip(*results, strict=True)
        print(f"week view: {count[0]} appointments shown (runs: {len(results)})")
        print(f"data arrived -> week shown: median {statistics.median(after):.0f} ms, worst {max(after):.0f} ms "
              f"(target <= 300 ms)")
        print(f"refresh -> week shown (fetch and parse in the worker process included): median "
              f"{statistics.median(total):.0f} ms")
        print(f"longest loop stall during a refresh: {max(stall):.0f} ms (target: none over 50 ms)")
    finally:
        proc.terminate()
        proc.wait(timeout=10)


if __name__ == "__main__":
    main()
