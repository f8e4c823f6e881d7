"""Enter a translation into a .ts file from the command line (for a few strings; Qt Linguist for more).

    translate.py en "Anmeldung läuft …" "Signing in …"
    translate.py en "%n Person wartet" "%n person waiting" "%n people waiting"     (plural forms)
    translate.py de "%n Person wartet" "%n Person wartet" "%n Personen warten"     (German plurals)

Every message with that source text (in any context) gets the translation and loses its "unfinished"
mark; then run update_translations.py to compile. Exits 1 if the source is not in the file.
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent


def translate(ts: Path, source: str, forms: list[str]) -> int:
    tree = ET.parse(ts)
    found = 0
    for message in tree.iter("message"):
        if message.findtext("source") != source:
            continue
        translation = message.find("translation")
        if translation is None:
            translation = ET.SubElement(message, "translation")
        translation.attrib.pop("type", None)
        for child in list(translation):
            translation.remove(child)
        if message.get("numerus") == "yes":
            translation.text = None
            for form in forms:
                ET.SubElement(translation, "numerusform").text = form
        else:
            translation.text = forms[-1]
        found += 1
    if found:
        ET.indent(tree, space="    ")
        tree.write(ts, encoding="utf-8", xml_declaration=True)
    return found


def main(argv: list[str]) -> int:
    if len(argv) < 3:
        print(__doc__)
        return 2
    language, source, *forms = argv
    count = translate(HERE / f"dvz_{language}.ts", source, forms)
    if not count:
        print(f"Nicht in dvz_{language}.ts: {source!r} (erst update_translations.py laufen lassen?)")
        return 1
    print(f"{count} Eintrag/Einträge übersetzt.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
