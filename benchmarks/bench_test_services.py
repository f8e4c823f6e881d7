"""How long the real servers of tests/services take to start: what a test pays for its fixture.

    .venv/bin/python benchmarks/bench_test_services.py [--runs 5]

Each server is started ``--runs`` times in a fresh temporary folder and stopped again. "Start" is from
launching the program until it serves (its port answers, PostgreSQL's pg_isready, the provider's
announced issuer); set-up steps before it (initdb, slapadd, the network namespace) are shown apart.
Runs as root (Janus's network namespace, PostgreSQL as ``postgres``).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT))

from machine import describe  # noqa: E402  (after the path is set)


def _janus(folder: Path) -> dict[str, float]:
    from tests.services.janus import start_janus

    began = time.monotonic()
    with start_janus(folder) as server:
        total = time.monotonic() - began
        return {"start": server.started_in, "with namespace": total}


def _postgres(_folder: Path) -> dict[str, float]:
    from tests.services.postgres import start_postgres

    with start_postgres() as server:
        began = time.monotonic()
        server.create_database()
        return {"initdb": server.initdb_took, "start": server.started_in,
                "CREATE DATABASE": time.monotonic() - began}


def _redis(folder: Path) -> dict[str, float]:
    from tests.services.redis_server import start_redis

    with start_redis(folder) as server:
        return {"start": server.started_in}


def _haproxy(folder: Path) -> dict[str, float]:
    from tests.services.haproxy import HAProxy
    from tests.services.processes import free_port

    proxy = HAProxy(folder, [("127.0.0.1", free_port()), ("127.0.0.1", free_port())])
    proxy.start()
    try:
        return {"start": proxy.started_in}
    finally:
        proxy.remove()


def _slapd(folder: Path) -> dict[str, float]:
    from tests.services.slapd import start_slapd

    with start_slapd(folder) as server:
        return {"slapadd": server.load_took, "start": server.started_in}


def _oidc(folder: Path) -> dict[str, float]:
    from tests.services.oidc_provider import start_oidc_provider

    with start_oidc_provider(folder) as provider:
        return {"start": provider.started_in}


SERVICES: dict[str, Callable[[Path], dict[str, float]]] = {
    "Janus": _janus, "PostgreSQL": _postgres, "Redis": _redis, "HAProxy": _haproxy, "slapd": _slapd,
    "OpenID provider": _oidc,
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    print(describe())
    for name, run in SERVICES.items():
        figures: dict[str, list[float]] = {}
        try:
            for _ in range(args.runs):
                with tempfile.TemporaryDirectory(prefix="dvz-bench-") as folder:
                    for key, value in run(Path(folder)).items():
                        figures.setdefault(key, []).append(value)
        except BaseException as exc:  # pytest.skip raises a BaseException: the program is missing
            if isinstance(exc, KeyboardInterrupt):
                raise
            print(f"{name}: not measured ({exc})")
            continue
        shown = ", ".join(f"{key} {statistics.median(v) * 1000:.0f} ms (max {max(v) * 1000:.0f})"
                          for key, v in figures.items())
        print(f"{name}: {shown}")


if __name__ == "__main__":
    main()
