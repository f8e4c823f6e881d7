"""Each feature mounts itself with only what it is given: one ``mount(context)`` per feature package, a
frozen context of the things it uses, and no way into the main window (issue 14, item 5)."""

from __future__ import annotations

import ast
import dataclasses
import importlib
import inspect
from pathlib import Path

import pytest

QT = Path(__file__).resolve().parents[2] / "src" / "dvz_desktop" / "qt"
FEATURES = ["map", "people", "behaviour", "chat", "calls", "calendar", "today", "launchers", "phone", "door",
            "whiteboard", "council"]
#: What only the shell may know: the window and the concrete shell behind the ShellHost interface.
SHELL_INSIDES = {"dvz_desktop.qt.shell.window", "dvz_desktop.qt.shell.shell", "dvz_desktop.qt.shell.rail",
                 "dvz_desktop.qt.shell.side_panel", "dvz_desktop.qt.shell.stage", "dvz_desktop.qt.shell.status_line"}
WINDOW_NAMES = {"ShellWindow", "Shell", "MainWindow", "QMainWindow"}


def feature_modules() -> list[Path]:
    return [path for name in FEATURES for path in sorted((QT / name).glob("*.py"))]


def imported(path: Path) -> set[str]:
    package = "dvz_desktop.qt." + path.parent.name
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                module = f"{base}.{node.module}" if node.module else base
            else:
                module = node.module or ""
            names.add(module)
            names |= {f"{module}.{alias.name}" for alias in node.names}
            names |= {alias.name for alias in node.names}
    return names


@pytest.mark.parametrize("feature", FEATURES)
def test_every_feature_has_one_mount_taking_one_frozen_context(feature: str) -> None:
    module = importlib.import_module(f"dvz_desktop.qt.{feature}.mount")
    signature = inspect.signature(module.mount)
    assert list(signature.parameters) == ["ctx"], feature
    context = inspect.get_annotations(module.mount, eval_str=True)["ctx"]
    assert dataclasses.is_dataclass(context) and context.__dataclass_params__.frozen, feature  # type: ignore[attr-defined]
    fields = {f.name for f in dataclasses.fields(context)}
    assert "window" not in fields and "shell" in fields, feature


@pytest.mark.parametrize("path", feature_modules(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_no_feature_reaches_into_the_window(path: Path) -> None:
    names = imported(path)
    assert not names & SHELL_INSIDES, f"{path} imports the shell's insides: {names & SHELL_INSIDES}"
    assert not names & WINDOW_NAMES, f"{path} imports the window: {names & WINDOW_NAMES}"
    tree = ast.parse(path.read_text(encoding="utf-8"))
    reached = sorted({node.attr for node in ast.walk(tree) if isinstance(node, ast.Attribute)
                      and isinstance(node.value, ast.Attribute) and node.value.attr == "shell"
                      and node.attr in {"window", "rail", "side", "stage", "status_line", "splitter"}})
    assert reached == [], f"{path} reaches past the ShellHost interface: {reached}"


def test_the_shell_host_offers_exactly_the_narrow_interface() -> None:
    from dvz_desktop.qt.shell.host import ShellHost
    from dvz_desktop.qt.shell.shell import Shell

    offered = {name for name, _ in inspect.getmembers(ShellHost) if not name.startswith("_")}
    assert offered == {"add_panel", "add_office_view", "add_view", "notify", "show_message", "dialog_parent",
                       "is_active", "current_view", "anchor"}
    for name in offered:
        assert callable(getattr(Shell, name)), name  # the real shell implements every one of them


def test_the_old_composition_names_are_gone() -> None:
    """desktop.py builds one session's desktop; program.py runs a session, app.py starts the program;
    there is no desk.py or qt/desk."""
    root = QT.parent
    assert not (root / "desk.py").exists() and not (QT / "desk").exists() and not (QT / "main_window.py").exists()
    program = (root / "program.py").read_text(encoding="utf-8")
    app = (root / "app.py").read_text(encoding="utf-8")
    assert "class Program" in program and "class Desktop" not in program and "class Desktop" not in app


def test_a_feature_that_reaches_past_the_interface_fails_at_once() -> None:
    from dvz_desktop.qt.shell.host import HOST_INTERFACE, HostView

    class Shell:
        window = object()
        banners = object()

        def show_message(self, text: str) -> None:
            self.said = text

    host = HostView(Shell())
    assert host.banners is Shell.banners
    host.show_message("Hallo")
    with pytest.raises(AttributeError, match="window"):
        host.window  # noqa: B018 (the access is the test)
    with pytest.raises(AttributeError):
        host.banners = None
    assert "window" not in HOST_INTERFACE
