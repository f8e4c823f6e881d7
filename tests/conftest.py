"""Shared fixtures. Qt runs offscreen unless a test session chose otherwise (set before any QApplication)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Settings and chat outboxes of tests never land in the developer's own config folder.
os.environ.setdefault("DVZ_CONFIG_DIR", __import__("tempfile").mkdtemp(prefix="dvz-test-config-"))

from collections.abc import AsyncIterator  # noqa: E402
from dataclasses import dataclass  # noqa: E402
from pathlib import Path  # noqa: E402

import hypothesis  # noqa: E402,F401  (imported up front: its pytest plugin importing it late, deep in the

# terminal summary, trips CPython 3.11's "AST constructor recursion depth mismatch" after some Qt tests)
import pytest  # noqa: E402

from server_stub.app import Backend, BackendConfig  # noqa: E402
from server_stub.directory.orgfile import OrgFile, load_org_file  # noqa: E402

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

    @property
    def url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/ws"


@pytest.fixture
async def backend(org_three: OrgFile, tmp_path: Path) -> AsyncIterator[RunningBackend]:
    server = Backend(org_three, BackendConfig(data_dir=tmp_path / "data"))
    port = await server.start("127.0.0.1", 0)
    try:
        yield RunningBackend(server, port)
    finally:
        await server.stop()
