"""Bring the translation files in step with the code, then compile them.

The ``.ts`` files are the source of the translations: edit them with Qt Linguist
(``pyside6-linguist resources/translations/dvz_en.ts``) or, for a few strings from the command line,
with ``translate.py`` beside this file. This script only

1. extracts the strings from the code into the ``.ts`` files (``pyside6-lupdate``: new strings arrive
   unfinished, translations of unchanged strings are kept, strings no longer in the code are dropped),
2. compiles them into the ``.qm`` files the program ships (``pyside6-lrelease``),
3. lists what still needs a translator and fails if anything does.

``dvz_en.ts`` holds the English translation; ``dvz_de.ts`` only the German plural forms of the ``%n``
texts ("1 Person wartet" / "3 Personen warten"), since the code is written in German.

Run after changing user-visible strings:  .venv/bin/python resources/translations/update_translations.py
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HERE = ROOT / "resources" / "translations"
COMPILED = ROOT / "src" / "dvz_desktop" / "resources" / "translations"
BIN = Path(sys.executable).parent

#: language -> the extra lupdate options (German: the plural forms only; the code's texts are German).
LANGUAGES = {"en": (), "de": ("-pluralonly",)}


def untranslated(ts: Path) -> list[str]:
    """The sources in ``ts`` a translator still has to do (unfinished or empty)."""
    waiting = []
    for message in ET.parse(ts).iter("message"):
        translation = message.find("translation")
        forms = [] if translation is None else [f.text for f in translation.iter("numerusform")]
        text = None if translation is None else translation.text
        if translation is None or translation.get("type") == "unfinished" or not (forms and all(forms) or text):
            waiting.append(message.findtext("source") or "")
    return waiting


def main() -> int:
    sources = sorted(str(p) for p in (ROOT / "src" / "dvz_desktop").rglob("*.py"))
    COMPILED.mkdir(parents=True, exist_ok=True)
    missing = []
    for language, options in LANGUAGES.items():
        ts = HERE / f"dvz_{language}.ts"
        subprocess.run([str(BIN / "pyside6-lupdate"), *sources, "-ts", str(ts), "-source-language", "de",
                        "-target-language", language, "-no-obsolete", *options], check=True)
        subprocess.run([str(BIN / "pyside6-lrelease"), str(ts), "-qm", str(COMPILED / f"dvz_{language}.qm")],
                       check=True)
        missing += [f"({ts.name}) {source}" for source in untranslated(ts)]
    if missing:
        print("Noch ohne Übersetzung (mit Qt Linguist oder translate.py eintragen):", *missing, sep="\n  ")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
