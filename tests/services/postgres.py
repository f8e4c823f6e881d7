"""A real PostgreSQL (Debian ``postgresql``) in a temporary directory on a free loopback port.

initdb and the server run as the ``postgres`` user when the tests run as root (PostgreSQL refuses
root), as the current user otherwise. Password authentication (scram) with a random password, TCP on
127.0.0.1 only, the Unix socket inside the data directory. By default ``fsync=off``: a commit survives
a killed server (it is in the OS's cache before it is acknowledged), not a crash of the machine, which
tests never need; ``durable=True`` (fsync on) for benchmarks that compare commit rates.

    from tests.services.postgres import postgres_dsn    # a fresh database per test on a shared server
    from tests.services.postgres import own_postgres    # a server of the test's own, to stop or kill

``postgres_dsn`` is ``postgresql://postgres:PASSWORD@127.0.0.1:PORT/test_xxxx`` (asyncpg and psycopg
read it). ``PostgresServer.stop()``/``start()``/``kill()`` serve fault tests (same port, same data).
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import secrets
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.services.processes import (
    ServiceFailed,
    free_port,
    kill_process,
    log_tail,
    start_process,
    stop_process,
)

SUPERUSER = "postgres"


def postgres_bin() -> Path:
    """The newest installed server's programs (Debian: /usr/lib/postgresql/NN/bin)."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/postgres"), key=lambda p: int(Path(p).parts[-3]))
    if found:
        return Path(found[-1]).parent
    on_path = shutil.which("postgres") or shutil.which("pg_ctl")
    if on_path and Path(on_path).with_name("initdb").exists():
        return Path(on_path).resolve().parent
    pytest.skip("PostgreSQL fehlt (Debian-Paket postgresql; scripts/bootstrap.sh installiert es)")


def _run_as() -> dict[str, object]:
    """Popen arguments that run a server program as ``postgres`` when we are root."""
    if os.geteuid() != 0:
        return {}
    try:
        pwd.getpwnam("postgres")
    except KeyError:
        pytest.skip("als root braucht PostgreSQL den Benutzer postgres (Debian-Paket postgresql legt ihn an)")
    return {"user": "postgres", "group": "postgres", "extra_groups": []}


class PostgresServer:
    def __init__(self, *, durable: bool = False) -> None:
        self.bin = postgres_bin()
        self.durable = durable
        self.password = secrets.token_urlsafe(18)
        self.folder = Path(tempfile.mkdtemp(prefix="dvz-pg-"))  # outside pytest's root-only tmp_path
        self.data = self.folder / "data"
        self.log = self.folder / "postgres.log"
        self.port = 0
        self.process: subprocess.Popen[bytes] | None = None
        self.started_in = 0.0
        self.initdb_took = 0.0
        self._as = _run_as()
        if self._as:
            shutil.chown(self.folder, "postgres", "postgres")

    def dsn(self, database: str = "postgres") -> str:
        return f"postgresql://{SUPERUSER}:{self.password}@127.0.0.1:{self.port}/{database}"

    def initdb(self) -> None:
        began = time.monotonic()
        pwfile = self.folder / "pwfile"
        pwfile.write_text(self.password + "\n", encoding="utf-8")
        if self._as:
            shutil.chown(pwfile, "postgres", "postgres")
        done = subprocess.run(
            [str(self.bin / "initdb"), "-D", str(self.data), "-U", SUPERUSER, "--pwfile", str(pwfile),
             "--auth=scram-sha-256", "--encoding=UTF8", "--locale=C", "--no-sync", "--no-instructions"],
            check=False, capture_output=True, text=True, timeout=120, **self._as)  # type: ignore[call-overload]
        pwfile.unlink()
        if done.returncode != 0:
            raise ServiceFailed(f"initdb failed:\n{done.stdout}\n{done.stderr}")
        self.initdb_took = time.monotonic() - began

    def start(self) -> None:
        """Starts the server (on the port it had, the first time on a free one) and waits until it serves."""
        for _attempt in range(3):
            port = self.port or free_port()
            began = time.monotonic()
            settings = ["listen_addresses=127.0.0.1", f"port={port}", f"unix_socket_directories={self.data}",
                        "max_connections=200", "shared_buffers=32MB"]
            if not self.durable:
                # Safe against a killed server (a commit is in the OS's cache before it is acknowledged),
                # not against a crash of the machine, which tests never need.
                settings += ["fsync=off", "full_page_writes=off"]
            argv = [str(self.bin / "postgres"), "-D", str(self.data)]
            for setting in settings:
                argv += ["-c", setting]
            self.process = start_process(argv, self.log, **self._as)
            try:
                self._wait_ready(self.process, port)
            except ServiceFailed:
                if self.port or "could not bind" not in log_tail(self.log):
                    raise
                continue  # someone took the free port first: another one
            self.port = port
            self.started_in = time.monotonic() - began
            return
        raise ServiceFailed(f"PostgreSQL found no free port:\n{log_tail(self.log)}")

    def _wait_ready(self, process: subprocess.Popen[bytes], port: int, timeout: float = 30.0) -> None:
        """Until the server accepts connections (asked over its own Unix socket, so never another
        server that happens to hold the port); fails at once when it ends instead."""
        deadline = time.monotonic() + timeout
        ask = [str(self.bin / "pg_isready"), "-q", "-h", str(self.data), "-p", str(port)]
        while subprocess.run(ask, check=False, timeout=30).returncode:
            if process.poll() is not None:
                raise ServiceFailed(f"PostgreSQL ended with exit code {process.returncode}:\n{log_tail(self.log)}")
            if time.monotonic() > deadline:
                stop_process(process)
                raise ServiceFailed(f"PostgreSQL not ready within {timeout:.0f} s:\n{log_tail(self.log)}")
            time.sleep(0.02)

    def stop(self) -> None:
        """A fast shutdown (SIGINT): open sessions are ended, committed data kept."""
        if self.process is not None:
            stop_process(self.process, sig=signal.SIGINT, timeout=30)
            self.process = None

    def kill(self) -> None:
        """SIGKILL to the postmaster and its backends: the next start recovers from the WAL."""
        if self.process is not None:
            kill_process(self.process)
            self.process = None

    def psql(self, sql: str, database: str = "postgres") -> str:
        done = subprocess.run([str(self.bin / "psql"), "-X", "-q", "-At", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1",
                               "-p", str(self.port), "-U", SUPERUSER, "-d", database, "-c", sql],
                              check=False, capture_output=True, text=True, timeout=60,
                              env={**os.environ, "PGPASSWORD": self.password})
        if done.returncode != 0:
            raise ServiceFailed(f"psql failed: {done.stderr.strip()}")
        return done.stdout

    def create_database(self) -> str:
        name = f"test_{secrets.token_hex(6)}"
        self.psql(f'CREATE DATABASE "{name}"')
        return name

    def drop_database(self, name: str) -> None:
        self.psql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def remove(self) -> None:
        self.stop()
        shutil.rmtree(self.folder, ignore_errors=True)


@contextlib.contextmanager
def start_postgres(*, durable: bool = False) -> Iterator[PostgresServer]:
    """initdb, start, and on exit stop and remove the data directory."""
    server = PostgresServer(durable=durable)
    try:
        server.initdb()
        server.start()
        yield server
    finally:
        server.remove()


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """One server for the whole test session (initdb takes a second or two)."""
    with start_postgres() as server:
        yield server


@pytest.fixture
def postgres_dsn(postgres_server: PostgresServer) -> Iterator[str]:
    """A fresh, empty database for one test; dropped afterwards (open connections are ended)."""
    name = postgres_server.create_database()
    try:
        yield postgres_server.dsn(name)
    finally:
        postgres_server.drop_database(name)


@pytest.fixture
def own_postgres() -> Iterator[PostgresServer]:
    """A server of this test's own, for fault tests that stop, kill and restart it."""
    with start_postgres() as server:
        yield server
