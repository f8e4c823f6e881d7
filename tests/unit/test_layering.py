"""Imports point one way: protocol <- core <- services <- qt <- app; the backend never loads Qt."""

from __future__ import annotations

import subprocess
import sys

import pytest

HEAVY = ("PySide6", "qasync", "aiortc", "av", "sounddevice", "caldav")


def _loaded_after(imports: str) -> set[str]:
    code = f"import sys\n{imports}\nprint('\\n'.join(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout
    return {name.split(".")[0] for name in out.split()}


@pytest.mark.parametrize(
    "imports",
    [
        "import dvz_desktop.protocol",
        "import dvz_desktop.core.office, dvz_desktop.core.events, dvz_desktop.core.clock",
        "import dvz_desktop.services.session, dvz_desktop.services.settings, "
        "dvz_desktop.services.credentials, dvz_desktop.services.demo_backend",
        "import server_stub.app, server_stub.cli, server_stub.demo.simulation",
    ],
)
def test_lower_layers_and_backend_load_no_qt(imports: str) -> None:
    loaded = _loaded_after(imports)
    assert not loaded & set(HEAVY), f"{imports} pulled in {sorted(loaded & set(HEAVY))}"


def test_protocol_imports_only_pydantic_and_stdlib() -> None:
    loaded = _loaded_after("import dvz_desktop.protocol")
    third_party = loaded - set(sys.stdlib_module_names) - {"dvz_desktop", "pydantic", "pydantic_core",
                                                             "typing_extensions", "annotated_types",
                                                             "typing_inspection", "_distutils_hack"}
    third_party = {name for name in third_party if not name.startswith("_")}  # interpreter internals
    assert third_party == set(), third_party


def test_client_start_does_not_import_media_or_calendar_libraries() -> None:
    loaded = _loaded_after("import dvz_desktop.app, dvz_desktop.desktop, dvz_desktop.qt.shell.window, "
                           "dvz_desktop.qt.shell.tray")
    assert not loaded & {"aiortc", "av", "sounddevice", "caldav"}


def test_backend_modules_stay_small() -> None:
    """One feature, one folder: no module of the backend grows past 400 lines."""
    from pathlib import Path

    backend = Path(__file__).resolve().parents[2] / "server_stub"
    sizes = {str(p.relative_to(backend)): len(p.read_text(encoding="utf-8").splitlines())
             for p in backend.rglob("*.py")}
    assert sizes and {name: n for name, n in sizes.items() if n > 400} == {}
