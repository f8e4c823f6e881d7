"""Login round trip: single sign-on through the real OpenID provider against a password login, in the
same run, against the same backend on loopback.

    PYTHONPATH=src:. .venv/bin/python benchmarks/bench_sso_login.py [--runs 20]

Single sign-on is the desktop app's own code (services/sso.py: ``/auth/config``, ``/auth/oidc/start``,
PKCE, the loopback listener, ``/auth/oidc/finish``) plus the desktop session's connect with the DVZ
token. The "browser" is an HTTP client that follows the provider's redirects and submits its login form
at once (the user's typing is not counted; Chromium's own page rendering neither). Each run is a new
browser without cookies, so the provider asks for the password every time. The password login is the
desktop session's connect with user name and password (argon2id on the backend).
"""

from __future__ import annotations

import argparse
import asyncio
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urljoin

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from machine import describe  # noqa: E402  (after the path is set)


async def browse(url: str, username: str, password: str) -> None:
    import httpx

    async with httpx.AsyncClient(timeout=30) as http:
        response = await http.get(url)
        for _hop in range(12):
            if response.is_redirect:
                response = await http.get(urljoin(str(response.url), response.headers["location"]))
            elif 'name="password"' in response.text:
                action = re.search(r'<form method="post" action="([^"]+)"', response.text)
                assert action is not None
                response = await http.post(urljoin(str(response.url), action.group(1)),
                                           data={"username": username, "password": password})
            else:
                return


def summary(label: str, seconds: list[float]) -> str:
    ms = sorted(s * 1000 for s in seconds)
    p90 = ms[max(0, round(0.9 * len(ms)) - 1)]
    return f"{label:<26} median {statistics.median(ms):6.0f} ms   p90 {p90:6.0f} ms   (n={len(ms)})"


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    from tests.services.oidc_provider import start_oidc_provider

    print(describe())
    with tempfile.TemporaryDirectory(prefix="dvz-bench-sso-") as tmp:
        (Path(tmp) / "oidc").mkdir()
        with start_oidc_provider(Path(tmp) / "oidc") as provider:
            await measure(provider, Path(tmp), args.runs)


async def measure(provider, tmp: Path, runs: int) -> None:  # type: ignore[no-untyped-def]
    from dvz_desktop.services import sso
    from dvz_desktop.services.auth_api import AuthApi
    from dvz_desktop.services.session import Credentials, Session
    from server_stub.app import Backend, BackendConfig
    from server_stub.directory.orgfile import load_org_file
    from server_stub.identity.config import parse_identity_config

    identity = parse_identity_config({"oidc": {"issuer": provider.issuer, "client_id": provider.client_id,
                                               "scope": "openid profile email groups offline_access"}})
    backend = Backend(load_org_file(ROOT / "tests" / "fixtures" / "org_three.yaml"),
                      BackendConfig(data_dir=tmp / "data", identity=identity, upgrade_auth_required=True))
    port = await backend.start("127.0.0.1", 0)
    url = f"ws://127.0.0.1:{port}/ws"
    sso_times: list[float] = []
    password_times: list[float] = []
    tasks: set[asyncio.Task[None]] = set()

    def open_browser(address: str) -> bool:
        task = asyncio.get_running_loop().create_task(browse(address, "anna", "anna-pass"))
        tasks.add(task)
        task.add_done_callback(tasks.discard)
        return True

    try:
        for run in range(runs + 1):  # the first of each is a warm-up (discovery, keys, imports)
            began = time.perf_counter()
            granted = await sso.sign_in(AuthApi(url), open_browser, timeout=30)
            session = Session(url, Credentials(username=granted.username, token=granted.token))
            await session.start()
            took = time.perf_counter() - began
            await session.stop()
            began = time.perf_counter()
            password = Session(url, Credentials(username="anna", password="anna-pass"))
            await password.start()
            took_password = time.perf_counter() - began
            await password.stop()
            if run:
                sso_times.append(took)
                password_times.append(took_password)
    finally:
        await backend.stop()
    print(summary("single sign-on (no typing)", sso_times))
    print(summary("password login", password_times))


if __name__ == "__main__":
    asyncio.run(main())
