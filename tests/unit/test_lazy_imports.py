"""Starting the client loads none of the heavy media or calendar libraries; the first call does."""

import os
import subprocess
import sys

#: The child imports the same tree as this test (a worktree before an editable install elsewhere).
CHILD_PATH = os.pathsep.join(p for p in sys.path if p)

HEAVY = ("aiortc", "av", "sounddevice", "caldav")


def test_start_modules_do_not_import_media_libraries() -> None:
    mounts = ", ".join(f"dvz_desktop.qt.{f}.mount" for f in ("map", "people", "behaviour", "chat", "calls", "calendar",
                                                             "today", "launchers", "phone", "door", "whiteboard"))
    code = (f"import sys, dvz_desktop.app, dvz_desktop.desktop, dvz_desktop.qt.shell.window, {mounts}, "
            "dvz_desktop.services.calls; "
            f"print(','.join(m for m in {HEAVY!r} if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={"QT_QPA_PLATFORM": "offscreen", "PATH": "", "PYTHONPATH": CHILD_PATH})
    assert out.stdout.strip() == ""


def test_the_protocol_package_loads_a_name_with_its_module_only() -> None:
    """The status enumerations come without pydantic (the window is painted before the models load);
    every exported name still resolves, to the object its module defines."""
    code = ("import sys; from dvz_desktop.protocol import Status, RoomKind; "
            "print('pydantic' in sys.modules, sorted(m for m in sys.modules if m.startswith('dvz_desktop.protocol')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={"PATH": "", "PYTHONPATH": CHILD_PATH})
    assert out.stdout.strip() == "False ['dvz_desktop.protocol', 'dvz_desktop.protocol.enums']"
    import importlib

    import dvz_desktop.protocol as protocol

    for name in protocol.__all__:
        module = importlib.import_module(f"dvz_desktop.protocol.{protocol._MODULE_OF[name]}")
        assert getattr(protocol, name) is getattr(module, name), name
    assert "Presence" in dir(protocol)


def test_the_protocol_package_lists_the_same_names_for_type_checkers_and_at_run_time() -> None:
    import ast
    from pathlib import Path

    import dvz_desktop.protocol as protocol

    tree = ast.parse(Path(protocol.__file__).read_text(encoding="utf-8"))
    checking = next(node for node in tree.body if isinstance(node, ast.If))  # if TYPE_CHECKING:
    static = {(node.module, alias.name) for node in checking.body if isinstance(node, ast.ImportFrom)
              for alias in node.names}
    assert static == {(module, name) for module, names in protocol._SOURCES.items() for name in names}
