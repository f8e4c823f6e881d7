"""The whole window under load: 5,000 people on one floor, 250 of them walking to another room per update.

    .venv/bin/python benchmarks/bench_window.py [--updates 60] [--rate 60 --seconds 10] [--before OLD/src]
        [--mode each|paced|both] [--batched] [--repaint changed|all] [--views 0,1,2,3]

Everything is real except the colleagues' own clients: a backend process (``server_stub``) on loopback
with a generated organisation of 5,000 people, all online; for each update the benchmark tells it to move
250 of them (``PresenceBoard.move`` in the backend, as their clients' ``move`` would), and the backend
serialises the 250 presence frames and sends them over the websocket to one real client. The client is
the real desktop (``assemble_desktop``: the map on the stage, the side panel "Büro" with the people list
and the building tree, the rail with its badges, the status line, the tray) in a shown 1366 x 768 window
under Xvfb (a display Xvfb picks itself) with a tray host (trayer) where one is installed. The user sits
in the entrance hall (a foyer), so people walking in do not start a room call that would cover the plan.

Two measurements, each in its own client process.

"Each update painted" (``--mode each``): one update at a time: the backend moves 250 people; their frames arrive
(session -> ``OfficeBridge``, which applies them to the office model); the bridge announces them (``flush_now``:
every listener runs — map, people list, building tree, tray, and the others: arrivals, behaviour, calls,
whiteboard); then Qt does what that asked for (queued scene updates, the tree's layout, the repaint of
everything that changed anywhere in the window) until three rounds of its event loop in a row paint
nothing. ``--repaint all`` marks every widget of the window dirty after each update instead (the worst
case: everything on screen painted every time).

"Paced" (``--mode paced``): the program as it runs, nothing lifted in the client: the backend sends an
update ``--rate`` times a second for ``--seconds``, the bridge coalesces for its 50 ms, Qt paints when its
loop gets to it. Reported: the updates the window showed per second, its announcements and map repaints
per second, the client's CPU (all threads, share of one core) and how long its main thread waited for a
core, and each update's lag from the backend beginning it to the end of the first map repaint that shows
it (read from a marker person's room, see ``window_office.py``). The window keeps up with the rate if it
shows them at that rate and the lag stays bounded.

``--batched``: the backend sends each update's 250 moves as one presence frame instead of 250 (the
protocol allows it; the backend does not do it today), to show what that would change for the client.

Conditions the "each update" measurement lifts (printed with the figures):
- The bridge's coalescing timer (``COALESCE_MS``, 50 ms in the program: at most 20 announcements a
  second) is set to 1,000 s, so the benchmark announces each update itself once its 250 moves arrived.
- Qt's 5 ms wait before painting a requested update (``QT_QPA_UPDATE_IDLE_TIME``) is set to 0, so an
  update ends when its paint is done instead of being padded with idle time.
For both:
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
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from machine import describe, start_xvfb  # noqa: E402  (after the path is set)
from window_office import MOVING, PEOPLE, serve  # noqa: E402  (after the path is set)


def client(args: argparse.Namespace) -> None:
    """The client process: one measurement against the backend whose stdin is ``args.orders``."""
    import cProfile

    from window_client import close_desk, measure_each, measure_paced, open_desk

    desk = open_desk(args.client, args.orders, announce_each=args.mode == "each")
    if args.mode == "each":
        profiler = cProfile.Profile() if args.profile else None
        results = measure_each(desk, args.updates, args.repaint == "all", profiler, args.views)
        if profiler is not None:
            profiler.dump_stats(str(args.profile))
    else:
        results = measure_paced(desk, args.rate, args.seconds, args.views)
    close_desk(desk)
    print(json.dumps({"label": args.label, "mode": args.mode, "results": results}), flush=True)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mode", choices=("each", "paced", "both"), default="both")
    parser.add_argument("--updates", type=int, default=60, help="updates per view, each painted")
    parser.add_argument("--rate", type=float, default=60.0, help="updates per second, paced")
    parser.add_argument("--seconds", type=float, default=10.0, help="seconds per view, paced")
    parser.add_argument("--before", type=Path, help="source tree of the client to compare with (its src/)")
    parser.add_argument("--batched", action="store_true", help="the backend sends an update as one frame")
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
        serve(args.serve, args.feature_reactions, args.batched)
        return
    if args.client:
        client(args)
        return
    xvfb, display = start_xvfb()
    env = dict(os.environ, QT_QPA_PLATFORM="xcb", DISPLAY=display)
    helpers: list[subprocess.Popen[bytes]] = [xvfb]
    if shutil.which("trayer"):
        helpers.insert(0, subprocess.Popen(["trayer", "--edge", "top", "--align", "right"], env=env,
                                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
    trees = ([("before", args.before.resolve())] if args.before else []) + [("now", ROOT / "src")]
    modes = ["each", "paced"] if args.mode == "both" else [args.mode]
    results = []
    # The backend's SQLite file on tmpfs where there is one: its commits must not wait for this disk.
    shm = Path("/dev/shm")
    with tempfile.TemporaryDirectory(dir=shm if shm.is_dir() else None) as tmp:
        env["DVZ_CONFIG_DIR"] = str(Path(tmp) / "config")
        server_env = dict(env, PYTHONPATH=os.pathsep.join([str(ROOT / "src"), str(ROOT)]))
        backend = subprocess.Popen([sys.executable, __file__, "--serve", str(Path(tmp) / "data")]
                                   + (["--feature-reactions"] if args.feature_reactions else [])
                                   + (["--batched"] if args.batched else []), env=server_env,
                                   stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        assert backend.stdin is not None and backend.stdout is not None
        try:
            url = backend.stdout.readline().split()[1]
            for mode in modes:
                for label, src in trees:
                    tree_env = dict(env, PYTHONPATH=os.pathsep.join([str(src), str(ROOT)]))
                    if mode == "each":
                        # Qt paints a requested update 5 ms later; 0 ends an update when its paint is done.
                        tree_env["QT_QPA_UPDATE_IDLE_TIME"] = "0"
                    orders = backend.stdin.fileno()  # the client writes its orders straight to the backend
                    argv = [sys.executable, __file__, "--client", url, "--mode", mode, "--orders", str(orders),
                            "--label", label, "--updates", str(args.updates), "--rate", str(args.rate),
                            "--seconds", str(args.seconds), "--repaint", args.repaint]
                    argv += ["--views", ",".join(map(str, args.views))] if args.views else []
                    argv += ["--profile", f"{args.profile}.{label}"] if args.profile and mode == "each" else []
                    run = subprocess.run(argv, env=tree_env, pass_fds=(orders,), stdout=subprocess.PIPE, text=True,
                                         check=True)
                    results.append(json.loads(run.stdout.strip().splitlines()[-1]))
        finally:
            backend.stdin.write("quit\n")
            backend.stdin.flush()
            backend.wait(10)
            for helper in helpers:
                helper.terminate()
                helper.wait()
    report(results, args, display)


def report(results: list[dict], args: argparse.Namespace, display: str) -> None:  # type: ignore[type-arg]
    print(f"# Whole window: {PEOPLE:,} people, {MOVING} moving per update\n\nMachine: {describe()}; "
          f"load average {os.getloadavg()[0]:.1f}; Xvfb {display} 1366x768, "
          f"{'trayer' if shutil.which('trayer') else 'no tray host'}; presence "
          f"{'as one frame per update (--batched)' if args.batched else 'as one frame per person (as sent today)'}; "
          f"backend features {'react to the moves' if args.feature_reactions else 'do not react to the moves'}\n")
    each = [r for r in results if r["mode"] == "each"]
    paced = [r for r in results if r["mode"] == "paced"]
    if each:
        report_each(each, args)
    if paced:
        report_paced(paced, args)


def report_each(results: list[dict], args: argparse.Namespace) -> None:  # type: ignore[type-arg]
    print(f"## Each update painted ({args.updates} updates per row, medians; repainted after each update: "
          f"{'every widget' if args.repaint == 'all' else 'what changed'})\n")
    print("| code | side panel | map | updates/s (whole path) | p95 ms | window ms (listeners + paint) "
          "| window updates/s | window CPU ms | window updates/s by CPU | waited for a core ms | receive CPU ms "
          "| listeners ms | paint ms |")
    print("|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for run in results:
        for key, row in run["results"].items():
            tab, view = key.split(" | ")
            window = row["listeners"] + row["paint"]
            print(f"| {run['label']} | {tab} | {view} | {1 / row['interval']:.0f} | {row['p95 interval'] * 1000:.0f} "
                  f"| {window * 1000:.1f} | {1 / window:.0f} | {row['window_cpu'] * 1000:.1f} "
                  f"| {1 / row['window_cpu']:.0f} | {row.get('window_waited', 0.0) * 1000:.1f} "
                  f"| {row['receive_cpu'] * 1000:.1f} "
                  f"| {row['listeners'] * 1000:.1f} | {row['paint'] * 1000:.1f} |")
    print("\nSplit per part (median ms per update): listeners of the bridge, then painting ('before': Qt's work "
          "before the first paint event)")
    names = sorted({k for run in results for row in run["results"].values() for k in row
                    if k.startswith(("listener ", "paint "))}, key=lambda k: (not k.startswith("listener"), k))
    print("| code | side panel | map | " + " | ".join(names) + " |")
    print("|---|---|---|" + "---:|" * len(names))
    for run in results:
        for key, row in run["results"].items():
            tab, view = key.split(" | ")
            print(f"| {run['label']} | {tab} | {view} | " + " | ".join(f"{row.get(n, 0.0) * 1000:.1f}" for n in names)
                  + " |")
    print("\n'updates/s (whole path)': the backend moving 250 people and sending them, the client receiving them "
          "and the window showing them, one update at a time; 'window': what the window does with an update once "
          "it arrived (the bridge's listeners and the paint). 'CPU': the client's main thread's own CPU time "
          "(without the X server), the fairer figure while other jobs share the cores. Lifted here: the bridge's "
          "50 ms coalescing (each update announced once its 250 moves arrived) and Qt's 5 ms idle time before a "
          "paint (QT_QPA_UPDATE_IDLE_TIME=0).\n")


def report_paced(results: list[dict], args: argparse.Namespace) -> None:  # type: ignore[type-arg]
    print(f"## Paced: the backend sends {args.rate:g} updates/s for {args.seconds:g} s per row; the program's own "
          "loop (50 ms coalescing, Qt's paint timing)\n")
    print("| code | side panel | map | offered /s | shown /s | announcements /s | map repaints /s "
          "| client CPU % of a core | main thread waited for a core % | lag p50 ms | lag p95 ms | lag max ms "
          "| snapshots |")
    print("|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for run in results:
        for key, row in run["results"].items():
            tab, view = key.split(" | ")
            print(f"| {run['label']} | {tab} | {view} | {row['offered']:.0f} | {row['received']:.0f} "
                  f"| {row['announcements']:.0f} | {row['repaints']:.0f} | {row['cpu'] * 100:.0f} "
                  f"| {row.get('waited', 0.0) * 100:.0f} "
                  f"| {row['lag p50'] * 1000:.0f} | {row['lag p95'] * 1000:.0f} | {row['lag max'] * 1000:.0f} "
                  f"| {row['snapshots']:.0f}{'' if row.get('caught up', 1.0) else ' (never caught up)'} |")
    print("\n'Shown /s': updates per second from the first one sent to the last one on screen. Lag: from the "
          "backend beginning an update (moving its people, sending their frames) to the end of the first map repaint "
          "after the "
          "announcement that brought it. 'Snapshots': how often the backend found the client more than 64 KiB "
          "behind, stopped sending it presence and later sent the whole picture anew (hub.sweep_slow): the "
          "client did not keep up. 'Never caught up': after 3 x the run time the window still had not shown the last "
          "update; the figures cover what it showed until then.\n")


if __name__ == "__main__":
    main()
