"""Refresh the English translation: extract strings (lupdate), fill in English, compile (lrelease).

Run after changing user-visible strings:  .venv/bin/python resources/translations/update_translations.py
The .ts file is the reviewed source; the .qm file is what ships in src/dvz_desktop/resources/translations/.
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "dvz_en.ts"
QM = ROOT / "src" / "dvz_desktop" / "resources" / "translations" / "dvz_en.qm"
BIN = Path(sys.executable).parent

ENGLISH = {
    "%1 ist jetzt da.": "%1 is in now.",
    "%n Person(en)": ("%n person", "%n people"),
    "&Benutzername:": "&User name:",
    "&Passwort:": "&Password:",
    "&Server:": "&Server:",
    "&Stockwerk:": "&Floor:",
    "Abbrechen": "Cancel",
    "Abgemeldet": "Signed out",
    "Abwesend": "Away",
    "Angemeldet bleiben": "Remember me",
    "Anmelden": "Sign in",
    "Anmeldung nicht gespeichert": "Sign-in not remembered",
    "Aus meiner Einheit da:": "In from my unit:",
    "Beenden": "Quit",
    "Benachrichtigen, wenn da": "Notify me when in",
    "Benutzername": "User name",
    "Beschäftigt": "Busy",
    "Besprechungsraum": "Meeting room",
    "Bitte Server, Benutzername und Passwort angeben.": "Please enter server, user name and password.",
    "Büro": "Office",
    "Büroplan": "Office map",
    "DVZ Desktop": "DVZ Desktop",
    "DVZ Desktop öffnen": "Open DVZ Desktop",
    "DVZ Desktop – %1": "DVZ Desktop – %1",
    "DVZ Desktop – Anmelden": "DVZ Desktop – Sign in",
    "DVZ Desktop – nicht verbunden": "DVZ Desktop – not connected",
    "Das hat leider nicht geklappt.": "Sorry, that did not work.",
    "Der Server hat nicht rechtzeitig geantwortet.": "The server did not answer in time.",
    "Doppelklick: hierher gehen": "Double-click: go here",
    "Fehlermeldung": "Error message",
    "Foyer / Bürgerbüro": "Foyer / citizens' office",
    "Ganzes Stockwerk": "Whole floor",
    "Ganzes Stockwerk zeigen": "Show the whole floor",
    "Gebäude, Stockwerke, Räume und die Personen darin": "Buildings, floors, rooms and the people in them",
    "Gebäudeübersicht": "Building overview",
    "Grafischer Plan des Stockwerks. Dieselben Räume und Personen stehen in der Gebäudeübersicht.":
        "Graphical plan of the floor. The same rooms and people are listed in the building overview.",
    "In Besprechung": "In a meeting",
    "Jetzt da": "In now",
    "Kaffeeküche": "Coffee kitchen",
    "Kurze Notiz (höchstens 120 Zeichen):": "Short note (at most 120 characters):",
    "Mein Status": "My status",
    "Meine Statusnotiz": "My status note",
    "Name oder Fachbereich suchen …": "Search name or unit …",
    "Nicht stören": "Do not disturb",
    "Nicht verbunden": "Not connected",
    "Nur Personen zeigen, die heute da sind": "Only show people who are in today",
    "Nur heute da": "Only in today",
    "Offline": "Offline",
    "Passwort": "Password",
    "Personen": "People",
    "Personen suchen": "Search people",
    "Projektraum": "Project room",
    "Serveradresse": "Server address",
    "Status": "Status",
    "Statusnotiz": "Status note",
    "Statusnotiz …": "Status note …",
    "Stockwerk wählen": "Choose floor",
    "Teambüro": "Team office",
    "Tür abgeschlossen": "Door locked",
    "Tür angelehnt": "Door ajar",
    "Tür geschlossen": "Door closed",
    "Tür offen": "Door open",
    "Verbindung unterbrochen": "Connection lost",
    "Verbindung unterbrochen – neuer Versuch läuft …": "Connection lost – trying again …",
    "Verbindungsstatus": "Connection status",
    "Verbunden": "Connected",
    "Verfügbar": "Available",
    "Vergrößern": "Zoom in",
    "Vergrößern (+)": "Zoom in (+)",
    "Verkleinern": "Zoom out",
    "Verkleinern (−)": "Zoom out (−)",
    "Zu meinem Büro": "To my office",
    "niemand": "nobody",
    "niemand da": "nobody in",
}


def main() -> int:
    sources = sorted(str(p) for p in (ROOT / "src" / "dvz_desktop").rglob("*.py"))
    subprocess.run([str(BIN / "pyside6-lupdate"), *sources, "-ts", str(TS), "-source-language", "de",
                    "-target-language", "en", "-no-obsolete"], check=True)
    tree = ET.parse(TS)
    missing = []
    for message in tree.iter("message"):
        source = message.findtext("source") or ""
        english = ENGLISH.get(source)
        translation = message.find("translation")
        assert translation is not None
        if english is None:
            missing.append(source)
            continue
        translation.attrib.pop("type", None)
        for child in list(translation):
            translation.remove(child)
        if isinstance(english, tuple) and message.get("numerus") != "yes":
            english = english[-1]
        if isinstance(english, tuple):
            translation.text = None
            for form in english:
                ET.SubElement(translation, "numerusform").text = form
        else:
            translation.text = english
    tree.write(TS, encoding="utf-8", xml_declaration=True)
    QM.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run([str(BIN / "pyside6-lrelease"), str(TS), "-qm", str(QM)], check=True)
    if missing:
        print("Noch ohne englische Übersetzung:", *missing, sep="\n  ")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
