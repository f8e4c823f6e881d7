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
