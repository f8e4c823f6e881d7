"""Login abuse: what 16 parallel password guessers and 3,000 sockets without a login (all from one
address) cost the backend, and whether logged-in colleagues notice.

Colleagues (token logins, made before the attack) each change their status five times a second; the
figure is the round trip of that command (send -> ack), first without, then during the attack. The
guessers try wrong passwords for a few accounts as fast as the server answers.

    PYTHONPATH=src:. python benchmarks/bench_login_abuse.py [--seconds 15]
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
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT))

from machine import describe, percentile, raise_open_files_limit  # noqa: E402  (after the path is set)

TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS


def peak_rss_mib(pid: int) -> float:
    status = Path(f"/proc/{pid}/status").read_text()
    return int(re.search(r"VmHWM:\s+(\d+)", status).group(1)) / 1024  # type: ignore[union-attr]


async def colleague(url: str, token: str, stop: asyncio.Event, samples: list[float]) -> None:
    from websockets.asyncio.client import connect

    async with connect(url, ping_interval=None) as ws:
        await ws.send(json.dumps({"type": "hello", "id": "h", "protocol_version": 1,
                                  "auth": {"method": "token", "token": token}}))
        await ws.recv()
        n = 0
        while not stop.is_set():
            n += 1
            start = time.perf_counter()
            await ws.send(json.dumps({"type": "set_status", "id": f"c{n}",
                                      "status": "beschaeftigt" if n % 2 else "verfuegbar"}))
            while f'"reply_to":"c{n}"' not in await ws.recv():
                pass
            samples.append((time.perf_counter() - start) * 1000)
            await asyncio.sleep(0.2)


async def guesser(url: str, user: str, stop: asyncio.Event, answers: Counter[str]) -> None:
    from websockets.asyncio.client import connect

    while not stop.is_set():
        try:
            async with connect(url, ping_interval=None, open_timeout=30) as ws:
                await ws.send(json.dumps({"type": "hello", "id": "g", "protocol_version": 1,
                                          "auth": {"method": "password", "username": user, "password": "Sommer2026!"}}))
                answers[json.loads(await ws.recv()).get("code", "?")] += 1
        except Exception:  # noqa: BLE001 - a load generator counts every kind of refusal
            answers["socket refused"] += 1


async def idle_sockets(url: str, count: int, stop: asyncio.Event, outcome: Counter[str]) -> None:
    from websockets.asyncio.client import connect

    async def one() -> None:
        try:
            ws = await connect(url, ping_interval=None, open_timeout=30)
        except Exception:  # noqa: BLE001 - a load generator counts every kind of refusal
            outcome["not opened"] += 1
            return
        try:
            frame = await asyncio.wait_for(ws.recv(), 1.0)
            outcome["refused: " + json.loads(frame).get("code", "?")] += 1
        except TimeoutError:
            outcome["held open"] += 1
            await stop.wait()
        except Exception:  # noqa: BLE001 - a load generator counts every kind of refusal
            outcome["closed"] += 1
        finally:
            ws.transport.abort()

    await asyncio.gather(*(one() for _ in range(count)))


async def attack(url: str, seconds: float, guessers: int, sockets: int) -> None:
    """The attacker, in a process of its own (so its loop does not slow the colleagues' measurement)."""
    answers: Counter[str] = Counter()
    outcome: Counter[str] = Counter()
    stop = asyncio.Event()
    tasks = [asyncio.create_task(guesser(url, f"u0-{n % 4}", stop, answers)) for n in range(guessers)]
    tasks.append(asyncio.create_task(idle_sockets(url, sockets, stop, outcome)))
    await asyncio.sleep(seconds)
    stop.set()
    await asyncio.gather(*tasks, return_exceptions=True)
    print(json.dumps({"answers": answers, "outcome": outcome, "elapsed": seconds}), flush=True)


async def measure(url: str, tokens: list[str], seconds: float) -> list[float]:
    samples: list[float] = []
    stop = asyncio.Event()
    people = [asyncio.create_task(colleague(url, t, stop, samples)) for t in tokens]
    await asyncio.sleep(1)
    samples.clear()  # logins done
    await asyncio.sleep(seconds)
    stop.set()
    await asyncio.gather(*people)
    return samples


async def run(url: str, tokens: list[str], seconds: float, guessers: int, sockets: int) -> dict[str, object]:
    calm = await measure(url, tokens, seconds)
    attacker = await asyncio.create_subprocess_exec(
        sys.executable, __file__, "--attack", url, "--seconds", str(seconds + 1), "--guessers", str(guessers),
        "--sockets", str(sockets), stdout=asyncio.subprocess.PIPE, cwd=ROOT)
    under = await measure(url, tokens, seconds)
    out, _ = await attacker.communicate()
    report = json.loads(out.decode().strip().splitlines()[-1])
    return {"calm": calm, "under": under, "answers": Counter(report["answers"]), "outcome": Counter(report["outcome"]),
            "elapsed": report["elapsed"]}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=15)
    parser.add_argument("--colleagues", type=int, default=50)
    parser.add_argument("--guessers", type=int, default=16)
    parser.add_argument("--sockets", type=int, default=3000)
    parser.add_argument("--attack", metavar="URL", help=argparse.SUPPRESS)
    args = parser.parse_args()
    raise_open_files_limit()
    if args.attack:
        asyncio.run(attack(args.attack, args.seconds, args.guessers, args.sockets))
        return
    from benchsetup import prepare

    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        org, tokens = prepare(tmp / "data", orgs=1, staff_per_org=args.colleagues + 4)
        users = sorted(tokens)[4:]
        backend = subprocess.Popen([sys.executable, "-m", "server_stub", "--port", "0", "--data-dir", str(tmp / "data"),
                                    "--org", str(org), "--log-level", "WARNING"],
                                   cwd=ROOT, stdout=subprocess.PIPE, text=True)
        assert backend.stdout is not None
        url = next(m.group(1) for line in backend.stdout if (m := re.search(r"(ws://\S+)", line)))
        try:
            cpu_before = cpu_seconds(backend.pid)
            result = asyncio.run(run(url, [tokens[u] for u in users], args.seconds, args.guessers, args.sockets))
            cpu = (cpu_seconds(backend.pid) - cpu_before) / (2 * args.seconds + 1)
            rss = peak_rss_mib(backend.pid)
        finally:
            backend.terminate()
            backend.wait()
    calm, under = result["calm"], result["under"]
    answers, outcome, elapsed = result["answers"], result["outcome"], result["elapsed"]
    checked = answers["auth_failed"]
    print(f"# Login abuse\n\nMachine: {describe()}\n")
    print(f"{args.colleagues} colleagues change their status 5×/s; then {args.guessers} guessers (4 accounts) and "
          f"{args.sockets:,} sockets without a login, all from 127.0.0.1, for {args.seconds:.0f} s.\n")
    print("| figure | value |")
    print("|---|---:|")
    print(f"| colleagues' round trip without attack, p50 / p99 ms | {statistics.median(calm):.1f} / "
          f"{percentile(calm, 0.99):.1f} |")
    print(f"| colleagues' round trip during the attack, p50 / p99 ms | {statistics.median(under):.1f} / "
          f"{percentile(under, 0.99):.1f} |")
    print(f"| passwords actually checked (argon2), per s | {checked / elapsed:.1f} |")
    print(f"| guesses refused without a check (slowed down, locked, busy), per s | "
          f"{(sum(answers.values()) - checked) / elapsed:,.0f} |")
    print(f"| guess answers | {dict(answers)} |")
    print(f"| sockets without login | {dict(outcome)} |")
    print(f"| backend CPU over both phases (share of one core) | {cpu * 100:.0f} % |")
    print(f"| backend peak memory (VmHWM) | {rss:.0f} MiB |")


if __name__ == "__main__":
    main()
