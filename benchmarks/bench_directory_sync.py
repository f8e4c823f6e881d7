"""The directory sync against a real slapd with generated people: the first (full) sync, a sync with 20
changes, a sync with none, and the event loop's longest stall while each runs.

    PYTHONPATH=src:. .venv/bin/python benchmarks/bench_directory_sync.py [--sizes 1000 5000 10000]

Each size gets a fresh slapd (slapadd of the Musterkreis six plus N generated colleagues, every one in
``dvz-mitarbeitende``) and a fresh backend database. The sync runs through the backend's identity
feature, as it does at start and every interval: the reading in a worker thread (ldap3 blocks), the
plan and its one transaction on the loop. A ticker on the same loop sleeps 5 ms at a time and records
the longest gap beyond that: what every connected user would have felt as a pause.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from machine import describe  # noqa: E402  (after the path is set)

ROLES = {"dvz-mitarbeitende": ["staff"], "dvz-tuerdienst": ["desk:buergerbuero"]}


class StallMeter:
    """The longest time the loop did not come back to a 5 ms sleep."""

    def __init__(self) -> None:
        self.longest = 0.0
        self._task: asyncio.Task[None] | None = None

    async def _tick(self) -> None:
        while True:
            began = time.perf_counter()
            await asyncio.sleep(0.005)
            self.longest = max(self.longest, time.perf_counter() - began - 0.005)

    def __enter__(self) -> StallMeter:
        self._task = asyncio.get_running_loop().create_task(self._tick())
        return self

    def __exit__(self, *exc: object) -> None:
        assert self._task is not None
        self._task.cancel()


async def measure(size: int, folder: Path) -> dict[str, float]:
    from server_stub.app import Backend, BackendConfig
    from server_stub.directory.orgfile import load_org_file
    from server_stub.identity.config import parse_identity_config
    from tests.services.people import MUSTERKREIS, many_people
    from tests.services.slapd import SlapdServer

    people = (*MUSTERKREIS, *many_people(size - len(MUSTERKREIS)))
    loaded = time.perf_counter()
    server = SlapdServer(folder / "slapd", people)
    (folder / "slapd").mkdir()
    server.load()
    server.start()
    figures = {"slapadd_and_start_s": time.perf_counter() - loaded}
    try:
        identity = parse_identity_config({"roles": ROLES, "directory": {
            "url": server.url, "bind_dn": server.sync_dn, "bind_password": server.sync_password,
            "people_base": f"ou=people,{server.base}", "groups_base": f"ou=groups,{server.base}", "org": "lk",
            "page_size": 500, "timeout_s": 60, "max_leavers_per_sync": size}})
        backend = Backend(load_org_file(ROOT / "tests" / "fixtures" / "org_three.yaml"),
                          BackendConfig(data_dir=folder / "data", identity=identity))
        feature = backend.identity.feature
        try:
            for label, change in (("first_full", None), ("twenty_changes", 20), ("no_changes", 0)):
                if change:
                    for n in range(1, change + 1):
                        server.modify(server.person_dn(f"person{n:04d}"), {"telephoneNumber": [f"+49 30 {n:05d}"]})
                with StallMeter() as stall:
                    began = time.perf_counter()
                    outcome = await feature.sync_now()
                    took = time.perf_counter() - began
                assert outcome.applied is not None, outcome.problem
                if change:
                    assert len(outcome.applied.changed) == change, outcome.applied.changed
                figures[f"{label}_s"] = took
                figures[f"{label}_stall_ms"] = stall.longest * 1000
            assert len(backend.identity_store.active_profiles()) == sum(not p.disabled for p in people)
        finally:
            backend.db.close()
    finally:
        server.stop()
    return figures


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000, 10000])
    args = parser.parse_args()
    print(describe())
    print("people | slapadd+start | first sync (stall) | 20 changes (stall) | no change (stall)")
    for size in args.sizes:
        with tempfile.TemporaryDirectory(prefix="dvz-bench-sync-") as tmp:
            f = await measure(size, Path(tmp))
        print(f"{size:6d} | {f['slapadd_and_start_s']:6.2f} s | {f['first_full_s']:6.2f} s "
              f"({f['first_full_stall_ms']:.0f} ms) | {f['twenty_changes_s']:5.2f} s "
              f"({f['twenty_changes_stall_ms']:.0f} ms) | {f['no_changes_s']:5.2f} s "
              f"({f['no_changes_stall_ms']:.0f} ms)",
              flush=True)


if __name__ == "__main__":
    asyncio.run(main())
