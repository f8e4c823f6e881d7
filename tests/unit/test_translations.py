"""Every user-visible string goes through Qt's translation system and has an English translation."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _sources(ts: Path) -> set[tuple[str, str]]:
    tree = ET.parse(ts)
    return {(ctx.findtext("name") or "", msg.findtext("source") or "")
            for ctx in tree.iter("context") for msg in ctx.iter("message")}


def test_english_ts_is_complete_and_in_step_with_the_code(tmp_path: Path) -> None:
    committed = ROOT / "resources" / "translations" / "dvz_en.ts"
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in (ROOT / "src" / "dvz_desktop").rglob("*.py"))
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    subprocess.run([str(lupdate), *sources, "-ts", str(fresh), "-source-language", "de", "-target-language", "en"],
                   check=True, capture_output=True)
    missing = _sources(fresh) - _sources(committed)
    assert missing == set(), f"run resources/translations/update_translations.py: {sorted(missing)}"
    unfinished = [msg.findtext("source") for msg in ET.parse(committed).iter("message")
                  if msg.find("translation").get("type") == "unfinished"]
    assert unfinished == []


def test_compiled_qm_matches_the_ts() -> None:
    from PySide6.QtCore import QTranslator

    committed = ROOT / "resources" / "translations" / "dvz_en.ts"
    translator = QTranslator()
    assert translator.load(str(ROOT / "src" / "dvz_desktop" / "resources" / "translations" / "dvz_en.qm"))
    for context, source in _sources(committed):
        if "%n" in source:
            assert translator.translate(context, source, None, 2), (context, source)
        else:
            assert translator.translate(context, source), (context, source)


def test_every_context_is_one_the_program_asks_for() -> None:
    """``window.tr("Kalender")`` outside the window's class is filed by lupdate under "window", while Qt
    looks it up under "MainWindow" at run time: English users saw German dock titles. Every context in
    the .ts must be a class of ours or a context named in a QCoreApplication.translate call."""
    import re

    classes: set[str] = set()
    explicit: set[str] = set()
    for path in (ROOT / "src" / "dvz_desktop").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        classes |= set(re.findall(r"^\s*class (\w+)", text, re.MULTILINE))
        explicit |= set(re.findall(r"translate\(\s*\"([^\"]+)\"", text))
    contexts = {ctx.findtext("name") for ctx in ET.parse(ROOT / "resources" / "translations" / "dvz_en.ts")
                .iter("context")}
    assert contexts - classes - explicit == set()


def test_german_plural_forms_are_complete(tmp_path: Path) -> None:
    fresh = tmp_path / "de.ts"
    sources = sorted(str(p) for p in (ROOT / "src" / "dvz_desktop").rglob("*.py"))
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    subprocess.run([str(lupdate), *sources, "-ts", str(fresh), "-source-language", "de", "-target-language", "de",
                    "-pluralonly"], check=True, capture_output=True)
    committed = ROOT / "resources" / "translations" / "dvz_de.ts"
    assert _sources(fresh) - _sources(committed) == set(), "run resources/translations/update_translations.py"
    from PySide6.QtCore import QTranslator

    german = QTranslator()
    assert german.load(str(ROOT / "src" / "dvz_desktop" / "resources" / "translations" / "dvz_de.qm"))
    for context, source in _sources(committed):
        assert "%n" in german.translate(context, source, None, 3), (context, source)


def test_a_new_string_waits_for_a_translator_until_one_is_entered(tmp_path: Path) -> None:
    """The .ts file is the source: lupdate adds a new string unfinished, the update script names it and
    fails, ``translate.py`` (or Qt Linguist) enters the translation, and lupdate keeps it from then on."""
    sys.path.insert(0, str(ROOT / "resources" / "translations"))
    try:
        from translate import translate
        from update_translations import untranslated
    finally:
        sys.path.pop(0)
    code = tmp_path / "panel.py"
    code.write_text('from PySide6.QtCore import QCoreApplication\n'
                    'QCoreApplication.translate("Panel", "Akte öffnen")\n'
                    'QCoreApplication.translate("Panel", "%n Akte(n) offen", None, 2)\n', encoding="utf-8")
    ts = tmp_path / "en.ts"
    lupdate = [str(Path(sys.executable).parent / "pyside6-lupdate"), str(code), "-ts", str(ts),
               "-source-language", "de", "-target-language", "en"]
    subprocess.run(lupdate, check=True, capture_output=True)
    assert sorted(untranslated(ts)) == ["%n Akte(n) offen", "Akte öffnen"]
    assert translate(ts, "Akte öffnen", ["Open the file"]) == 1
    assert translate(ts, "%n Akte(n) offen", ["%n file open", "%n files open"]) == 1
    assert translate(ts, "Gibt es nicht", ["Does not exist"]) == 0
    subprocess.run(lupdate, check=True, capture_output=True)  # the next update keeps what was entered
    assert untranslated(ts) == []
    from PySide6.QtCore import QTranslator

    qm = tmp_path / "en.qm"
    subprocess.run([str(Path(sys.executable).parent / "pyside6-lrelease"), str(ts), "-qm", str(qm)], check=True,
                   capture_output=True)
    english = QTranslator()
    assert english.load(str(qm))
    assert english.translate("Panel", "Akte öffnen") == "Open the file"
    assert english.translate("Panel", "%n Akte(n) offen", None, 3) == "%n files open"


def test_the_update_script_holds_no_translations_of_its_own() -> None:
    script = (ROOT / "resources" / "translations" / "update_translations.py").read_text(encoding="utf-8")
    assert "ENGLISH" not in script and "PLURALS" not in script and len(script.splitlines()) < 100


def test_every_translated_text_is_a_literal_lupdate_can_find() -> None:
    """A helper like ``def _tr(text): return QCoreApplication.translate("Calls", text)`` hides its strings
    from lupdate: they never reach the .ts file and an English window shows them in German."""
    import ast

    hidden = []
    for path in sorted((ROOT / "src" / "dvz_desktop").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
                continue
            text = {"translate": 1, "tr": 0}.get(node.func.attr)
            if text is None or len(node.args) <= text:
                continue
            if text == 1 and not (isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
                continue  # QPainter.translate(x, y), not a text
            argument = node.args[text]
            if not (isinstance(argument, ast.Constant) and isinstance(argument.value, str)):
                hidden.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert hidden == []
