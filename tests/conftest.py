"""Shared fixtures. Qt runs offscreen unless a test session chose otherwise (set before any QApplication)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Settings and chat outboxes of tests never land in the developer's own config folder.
os.environ.setdefault("DVZ_CONFIG_DIR", __import__("tempfile").mkdtemp(prefix="dvz-test-config-"))

import contextlib  # noqa: E402
from collections.abc import AsyncIterator  # noqa: E402
from dataclasses import dataclass  # noqa: E402
from pathlib import Path  # noqa: E402

import hypothesis  # noqa: E402,F401  (imported up front: its pytest plugin importing it late, deep in the

# terminal summary, trips CPython 3.11's "AST constructor recursion depth mismatch" after some Qt tests)
import pytest  # noqa: E402

from server_stub.app import Backend, BackendConfig  # noqa: E402
from server_stub.directory.orgfile import OrgFile, load_org_file  # noqa: E402
from tests.services.postgres import postgres_server  # noqa: E402,F401  (the session's PostgreSQL, on first use)

#: Swallowed exceptions (listeners, owned tasks, the asyncio loop) fail the test that caused them.
pytest_plugins = ["tests.failure_hooks"]

FIXTURES = Path(__file__).parent / "fixtures"
PASSWORDS = {
    "anna": "anna-pass",
    "bernd": "bernd-pass",
    "clara": "clara-pass",
    "dora": "dora-pass",
    "erik": "erik-pass",
}


@pytest.fixture(scope="session", autouse=True)
def german_like_the_program(qapp):  # type: ignore[no-untyped-def]
    """The translations the program installs for German (Qt's own, and the plural forms of ours), so
    tests see "1 Person wartet" and "3 Personen warten" as users do."""
    from dvz_desktop.qt.shell import theme
    from dvz_desktop.qt.shell.i18n import install_translators

    installed = install_translators(qapp, "de")
    theme.apply(qapp, theme.ThemeMode.LIGHT)  # the look the program starts with
    yield
    for translator in installed:
        qapp.removeTranslator(translator)


@pytest.fixture(scope="session")
def org_three() -> OrgFile:
    return load_org_file(FIXTURES / "org_three.yaml")


@dataclass
class RunningBackend:
    backend: Backend
    port: int
    #: In the "cluster" mode: the second node's port. Each ``url`` then names the other node in turn, so
    #: the people a test logs in one after the other are spread over both nodes.
    other_port: int | None = None
    #: In the "cluster" mode: the second node itself.
    other_backend: Backend | None = None
    _turn: int = 0

    @property
    def url(self) -> str:
        port = self.port
        if self.other_port is not None:
            port = (self.port, self.other_port)[self._turn % 2]
            self._turn += 1
        return f"ws://127.0.0.1:{port}/ws"

    @property
    def nodes(self) -> tuple[Backend, ...]:
        return (self.backend,) if self.other_backend is None else (self.backend, self.other_backend)

    @property
    def guest_port(self) -> int:
        """Where a browser guest connects: on a cluster the node the first person to log in is not on."""
        return self.other_port or self.port


#: The ways the backend runs: the embedded SQLite file; PostgreSQL (the cluster mode's store; a real
#: server started once per test session, a fresh database per test); and "cluster": two nodes over one
#: PostgreSQL database and a Redis of the test's own, people spread over both. The cluster runs for the
#: modules that say ``CLUSTER_READY = True`` (their features cross nodes); elsewhere it is skipped with
#: the reason.
DATABASES = ("sqlite", "postgresql", "cluster")


def backend_config(request: pytest.FixtureRequest, data_dir: Path) -> BackendConfig:
    """The configuration for the database this test runs on (``request.param``, one of DATABASES)."""
    config = BackendConfig(data_dir=data_dir)
    if getattr(request, "param", "sqlite") in ("postgresql", "cluster"):
        from tests.services.postgres import PostgresServer

        server: PostgresServer = request.getfixturevalue("postgres_server")
        name = server.create_database()
        request.addfinalizer(lambda: server.drop_database(name))
        config.database_url = server.dsn(name)
    return config


@pytest.fixture(params=DATABASES)
async def backend(request: pytest.FixtureRequest, org_three: OrgFile, tmp_path: Path) -> AsyncIterator[RunningBackend]:
    if request.param == "cluster":
        if not getattr(request.module, "CLUSTER_READY", False):
            pytest.skip("this feature does not cross cluster nodes yet (issue 19)")
        async for running in _two_nodes(request, org_three, tmp_path):
            yield running
        return
    server = Backend(org_three, backend_config(request, tmp_path / "data"))
    port = await server.start("127.0.0.1", 0)
    try:
        yield RunningBackend(server, port)
    finally:
        await server.stop()


async def _two_nodes(request: pytest.FixtureRequest, org_three: OrgFile,
                     tmp_path: Path) -> AsyncIterator[RunningBackend]:
    from tests.services.redis_server import start_redis

    config = backend_config(request, tmp_path / "a")
    (tmp_path / "redis").mkdir()
    with contextlib.ExitStack() as stack:
        redis = stack.enter_context(start_redis(tmp_path / "redis"))
        config.redis_url, config.node_id = redis.url, "node-a"
        first = Backend(org_three, config)
        second = Backend(org_three, BackendConfig(data_dir=tmp_path / "b", database_url=config.database_url,
                                                  redis_url=redis.url, node_id="node-b"))
        async with both_running(first, second) as (port, other):
            yield RunningBackend(first, port, other, second)


@contextlib.asynccontextmanager
async def both_running(first: Backend, second: Backend) -> AsyncIterator[tuple[int, int]]:
    """Two cluster nodes started on loopback, each in step with the other; (first's port, second's)."""
    import asyncio

    port = await first.start("127.0.0.1", 0)
    try:
        other = await second.start("127.0.0.1", 0)
        try:
            for node in (first, second):
                assert node.cluster is not None
                await asyncio.wait_for(node.cluster.in_step.wait(), 10)
            yield port, other
        finally:
            await second.stop()
    finally:
        await first.stop()
