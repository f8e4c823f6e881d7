"""A real OpenID provider (panva's ``oidc-provider`` from npm on Debian's Node) on a free loopback port.

``tests/services/oidc/provider.mjs`` is the provider: authorization code with PKCE (required), ID
tokens signed RS256, refresh tokens, revocation, RP-initiated logout, and a login form of its own
(``username``/``password``) that a test submits with an HTTP client (``tests.services.oidc_login``)
or headless Chromium fills. The people are the Musterkreis staff (``tests.services.people``) with a
stable ``sub`` (``provider.subject("anna")``); ``disable("dora")`` takes effect at the next login,
refresh or userinfo call (the provider reads its users file on every look-up).

The registered client ``dvz-desktop`` is a native public client with the loopback redirect
``http://127.0.0.1/callback``: any port is accepted, as RFC 8252 wants for desktop apps.

    from tests.services.oidc_provider import oidc_provider     # a fresh provider per test
    oidc_provider.issuer, oidc_provider.client_id, oidc_provider.redirect_uri(54321)

The signing key is made here, once per provider, so it survives ``stop()``/``start()`` (same port).
``npm ci`` in tests/services/oidc (scripts/bootstrap.sh runs it) brings the provider's packages.
"""

from __future__ import annotations

import contextlib
import json
import selectors
import shutil
import subprocess
import time
import uuid
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.services.people import MUSTERKREIS, Person
from tests.services.processes import ServiceFailed, kill_process, log_tail, stop_process

PROVIDER = Path(__file__).parent / "oidc"
DESKTOP_CLIENT = "dvz-desktop"
#: Stable subjects: what the provider calls a person never changes with their user name's spelling.
SUBJECTS = uuid.UUID("6f1d3a52-6a7e-4c4b-9d64-1c9e4f3f9a10")


def desktop_client(**changes: Any) -> dict[str, Any]:
    """The desktop app's registration: native, public (PKCE instead of a secret), loopback redirect."""
    return {
        "client_id": DESKTOP_CLIENT,
        "application_type": "native",
        "token_endpoint_auth_method": "none",
        "redirect_uris": ["http://127.0.0.1/callback"],
        "post_logout_redirect_uris": ["http://127.0.0.1/abgemeldet"],
        "grant_types": ["authorization_code", "refresh_token"],
        "response_types": ["code"],
        **changes,
    }


def require_node() -> str:
    node = shutil.which("node") or shutil.which("nodejs")
    if node is None:
        pytest.skip("Node.js fehlt (Debian-Pakete nodejs und npm; scripts/bootstrap.sh installiert sie)")
    if not (PROVIDER / "node_modules" / "oidc-provider").is_dir():
        pytest.skip("oidc-provider fehlt: `npm ci` in tests/services/oidc (scripts/bootstrap.sh macht das)")
    return node


class OidcProvider:
    def __init__(self, folder: Path, people: Iterable[Person] = MUSTERKREIS,
                 clients: list[dict[str, Any]] | None = None, ttl: dict[str, int] | None = None) -> None:
        from joserfc.jwk import RSAKey

        self.node = require_node()
        self.folder = folder
        self.clients = clients if clients is not None else [desktop_client()]
        self.ttl = ttl or {}
        self.users_file = folder / "users.json"
        self.config_file = folder / "config.json"
        self.log = folder / "provider.log"
        self.signing_key = RSAKey.generate_key(2048, parameters={"alg": "RS256", "use": "sig"}, auto_kid=True)
        self.users: dict[str, dict[str, Any]] = {}
        for person in people:
            self.add(person)
        self.issuer = ""
        self.port = 0
        self.process: subprocess.Popen[bytes] | None = None
        self.started_in = 0.0

    @property
    def client_id(self) -> str:
        return str(self.clients[0]["client_id"])

    def redirect_uri(self, port: int) -> str:
        """The registered loopback redirect with the port the app listens on (RFC 8252)."""
        return f"http://127.0.0.1:{port}/callback"

    @staticmethod
    def subject(username: str) -> str:
        return str(uuid.uuid5(SUBJECTS, username))

    # The people: changes are written at once and seen by the provider at its next look-up.

    def add(self, person: Person) -> None:
        self.users[person.username] = {
            "sub": self.subject(person.username), "username": person.username, "password": person.password,
            "name": person.display_name, "email": person.mail, "groups": list(person.groups),
            "disabled": person.disabled,
        }
        self._write_users()

    def disable(self, username: str) -> None:
        self.users[username]["disabled"] = True
        self._write_users()

    def enable(self, username: str) -> None:
        self.users[username]["disabled"] = False
        self._write_users()

    def remove(self, username: str) -> None:
        del self.users[username]
        self._write_users()

    def _write_users(self) -> None:
        partial = self.users_file.with_suffix(".tmp")
        partial.write_text(json.dumps({"users": list(self.users.values())}), encoding="utf-8")
        partial.replace(self.users_file)  # the provider never reads half a file

    def start(self) -> None:
        """Starts the provider (on its old port after a stop) and waits for the issuer it announces."""
        self.config_file.write_text(json.dumps({
            "clients": self.clients, "users_file": str(self.users_file), "ttl": self.ttl, "port": self.port,
            "signing_key": self.signing_key.as_dict(private=True),
        }), encoding="utf-8")
        began = time.monotonic()
        with self.log.open("ab") as errors:
            self.process = subprocess.Popen([self.node, str(PROVIDER / "provider.mjs"), str(self.config_file)],
                                            cwd=PROVIDER, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                            stderr=errors, start_new_session=True)
        announced = self._first_line(self.process, timeout=30)
        self.issuer = json.loads(announced)["issuer"]
        self.port = int(self.issuer.rsplit(":", 1)[1])
        self.started_in = time.monotonic() - began

    def _first_line(self, process: subprocess.Popen[bytes], timeout: float) -> str:
        assert process.stdout is not None
        with selectors.DefaultSelector() as selector:
            selector.register(process.stdout, selectors.EVENT_READ)
            if not selector.select(timeout):
                stop_process(process)
                raise ServiceFailed(f"the OpenID provider did not start within {timeout:.0f} s:\n{log_tail(self.log)}")
        line = process.stdout.readline().decode()
        if not line:
            process.wait(10)
            raise ServiceFailed(f"the OpenID provider ended ({process.returncode}):\n{log_tail(self.log)}")
        return line

    def stop(self) -> None:
        if self.process is not None:
            stop_process(self.process)
            self._close_pipe()

    def kill(self) -> None:
        if self.process is not None:
            kill_process(self.process)
            self._close_pipe()

    def _close_pipe(self) -> None:
        if self.process is not None and self.process.stdout is not None:
            self.process.stdout.close()
        self.process = None


@contextlib.contextmanager
def start_oidc_provider(folder: Path, people: Iterable[Person] = MUSTERKREIS, *,
                        clients: list[dict[str, Any]] | None = None,
                        ttl: dict[str, int] | None = None) -> Iterator[OidcProvider]:
    provider = OidcProvider(folder, people, clients, ttl)
    provider.start()
    try:
        yield provider
    finally:
        provider.stop()


@pytest.fixture
def oidc_provider(tmp_path: Path) -> Iterator[OidcProvider]:
    folder = tmp_path / "oidc"
    folder.mkdir()
    with start_oidc_provider(folder) as provider:
        yield provider
