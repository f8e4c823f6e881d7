"""The private test hosts Janus runs on: reachable from the test process over the veth pair, with no
route beyond it, removed after the test even when it fails, and swept when a test run died."""

from __future__ import annotations

import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest

from tests.services.netns import private_host, require_namespaces
from tests.services.processes import start_process, stop_process, wait_until_serving


def _namespaces() -> str:
    return subprocess.run(["ip", "netns", "list"], capture_output=True, text=True, check=True).stdout


def test_a_private_host_serves_over_its_veth_has_no_way_out_and_is_removed_after_a_failure(
        tmp_path: Path) -> None:
    require_namespaces()
    with pytest.raises(RuntimeError, match="the test failed"), private_host() as host:
        server = start_process(host.command([sys.executable, "-m", "http.server", "--bind", host.guest_address,
                                             "8000", "--directory", str(tmp_path)]), tmp_path / "http.log")
        try:
            wait_until_serving(server, host.guest_address, 8000, log=tmp_path / "http.log", what="http.server")
            with urllib.request.urlopen(f"http://{host.guest_address}:8000/", timeout=10) as answer:
                assert answer.status == 200
            routes = subprocess.run(host.command(["ip", "route"]), capture_output=True, text=True, check=True).stdout
            assert "default" not in routes and routes.count("\n") == 1, routes  # only its own /30
        finally:
            stop_process(server)
        raise RuntimeError("the test failed")
    assert host.name not in _namespaces()
    assert host.host_link not in subprocess.run(["ip", "-o", "link"], check=True, capture_output=True, text=True).stdout


def test_a_namespace_left_by_a_dead_test_run_is_swept() -> None:
    require_namespaces()
    gone = subprocess.Popen(["true"])
    gone.wait()  # a process id that no longer runs
    stale = f"dvz-{gone.pid}-16383"
    subprocess.run(["ip", "netns", "add", stale], check=True)
    try:
        with private_host() as host:
            assert stale not in _namespaces()
            assert host.name in _namespaces()
    finally:
        subprocess.run(["ip", "netns", "del", stale], check=False, capture_output=True)
