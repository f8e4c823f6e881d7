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
    'Chat des Raums': 'Room chat',
    '%1 erwähnt Sie': '%1 mentioned you',
    'Nachricht von %1': 'Message from %1',
    'Gespräche': 'Conversations',
    'In allen Nachrichten suchen …': 'Search all messages …',
    'Nachrichten suchen': 'Search messages',
    'Suchergebnisse': 'Search results',
    'Offenes Gespräch': 'Open conversation',
    'Nachrichten': 'Messages',
    'Wer gerade schreibt': 'Who is typing',
    'Nachricht schreiben …': 'Write a message …',
    'Nachricht': 'Message',
    'Senden': 'Send',
    'Notizen an mich': 'Notes to myself',
    '%1, %2 ungelesen': '%1, %2 unread',
    '%1 schreibt …': '%1 is typing …',
    'Nachricht bearbeiten …': 'Edit the message …',
    'Bearbeiten': 'Edit',
    'Löschen': 'Delete',
    'Nichts gefunden.': 'Nothing found.',
    'Chat': 'Chat',
    ' · %1 ungelesen': ' · %1 unread',
    'Nachricht schreiben': 'Write a message',
    'Keine ungelesenen Nachrichten': 'No unread messages',
    '%1 ungelesene Nachrichten': '%1 unread messages',
    'wird gesendet …': 'sending …',
    'Nachricht gelöscht': 'Message deleted',
    'bearbeitet': 'edited',
    'Von Ihrer IT festgelegt': 'Set by your IT department',
    'Dieser Server ist von Ihrer IT nicht freigegeben.': 'Your IT department has not approved this server.',
    'Diese Person ist im Verzeichnis nicht zu finden.': 'This person is not in the directory.',
    'Anrufe kommen mit einer der nächsten Versionen. %1 ist links ausgewählt: Sie können anklopfen oder kurz fragen.': 'Calls come with one of the next versions. %1 is selected on the left: you can knock or ask a quick question.',
    'Kurze Fragen': 'Quick questions', 'Kurze Fragen und Antworten': 'Quick questions and answers',
    'Noch keine kurzen Fragen.': 'No quick questions yet.', 'An %1': 'To %1', 'Von %1': 'From %1',
    ' (Vertretung für %1)': ' (deputising for %1)', '(noch keine Antwort)': '(no answer yet)',
    ' · Lust auf Kaffee': ' · up for coffee',
    'Abwesenheit eintragen': 'Record an absence',
    'Erster Tag': 'First day',
    'Letzter Tag': 'Last day',
    'Art der Abwesenheit': 'Kind of absence',
    'Vertretung': 'Deputy',
    '(keine Vertretung)': '(no deputy)',
    'Kolleginnen und Kollegen sehen nur, bis wann Sie fehlen und wer vertritt.': 'Colleagues only see until when you are away and who deputises.',
    'Von:': 'From:',
    'Bis:': 'Until:',
    'Art:': 'Kind:',
    'Vertretung:': 'Deputy:',
    'Der letzte Tag liegt vor dem ersten.': 'The last day is before the first.',
    'Jetzt verfügbar': 'Available now',
    '%1 ist jetzt verfügbar.': '%1 is available now.',
    'Hinweise': 'Notices',
    '%1 ist eingetreten (%2).': '%1 came in (%2).',
    '%1 klopft bei %2 an (Sie vertreten).': "%1 is knocking at %2's door (you are deputising).",
    '%1 klopft an (%2).': '%1 is knocking (%2).',
    'Es klopft': 'Someone is knocking',
    'Ihre Nachricht wurde hinterlassen.': 'Your message was left.',
    'Nachricht hinterlassen': 'Leave a message',
    'Ihre Nachricht an der Tür:': 'Your message at the door:',
    '%1 lädt Sie in %2 ein.': '%1 invites you into %2.',
    'Einladung': 'Invitation',
    'Kurze Frage an %1': 'Quick question to %1',
    'Ihre Frage (eine Zeile):': 'Your question (one line):',
    'Kurze Frage von %1: „%2“': 'Quick question from %1: “%2”',
    'Kurze Frage': 'Quick question',
    '%1 antwortet auf „%2“: %3': '%1 answers “%2”: %3',
    'Antwort': 'Answer',
    'Sprechzeiten: %1': 'Office hours: %1',
    'Abwesend bis %1, Vertretung: %2': 'Away until %1, deputy: %2',
    'Hierher gehen': 'Go here',
    'Anklopfen': 'Knock',
    'Sprechzeiten …': 'Office hours …',
    'Küche folgen': 'Follow kitchen',
    'Tür abschließen': 'Lock the door',
    'Notiz an der Tür (z. B. „Prüfung bis 12 Uhr“):': 'Note on the door (e.g. “Exam until noon”):',
    'In %1 sind jetzt %2 Leute.': '%2 people are in %1 now.',
    'Kaffeerunde': 'Coffee round',
    'Verpasst (%1)': 'Missed (%1)',
    'Verpasst': 'Missed',
    'erledigt von %1': 'handled by %1',
    'Verpasste Ereignisse': 'Missed events',
    'Erledigt': 'Done',
    'Ausgewählte als erledigt markieren': 'Mark selected as done',
    'Alle erledigt': 'All done',
    'Schließen': 'Close',
    'Annehmen': 'Accept',
    'Ablehnen': 'Decline',
    'Herein': 'Come in',
    ' Min.': ' min',
    'In wie vielen Minuten': 'In how many minutes',
    'Gleich': 'In a moment',
    'Optional: kurzer Satz': 'Optional: a short line',
    'Satz zur Antwort': 'Line with the answer',
    'Jetzt nicht': 'Not now',
    'Anklopfen abbrechen': 'Stop knocking',
    '%1 (noch %2 s)': '%1 (%2 s left)',
    'Wer ist heute da': 'Who is in today',
    'Person': 'Person',
    'Da seit': 'In since',
    'Anwesende nach Fachbereich': 'Present people by unit',
    'OK': 'OK',
    'Sprechzeiten': 'Office hours',
    'Außerhalb dieser Zeiten wird Anklopfen aus anderen Fachbereichen zur Nachricht.': 'Outside these hours a knock from another unit becomes a message.',
    'Zeit hinzufügen': 'Add hours',
    'Wochentag': 'Weekday',
    'Beginn': 'Start',
    'Ende': 'End',
    'Entfernen': 'Remove',
    'Jede Sprechzeit muss enden, nachdem sie beginnt.': 'Each office hour must end after it starts.',
    'Lust auf Kaffee': 'Up for coffee',
    'Benachrichtigen, wenn verfügbar': 'Notify me when available',
    'In mein Büro einladen': 'Invite into my office',
    'Kurze Frage …': 'Quick question …',
    'Antwort auf die kurze Frage': 'Answer to the quick question',
    'Antworten': 'Answer',
    'Als offline anzeigen': 'Appear offline',
    'Abwesenheit eintragen …': 'Record an absence …',
    'Abwesenheit beenden': 'End my absence',
    'Sie klopfen bei %1 an …': 'You are knocking at %1 …',
    '%1: „Gleich“ – in etwa %2 Minuten.': '%1: “In a moment” – in about %2 minutes.',
    '%1: „Herein“ – Sie sind eingetreten.': '%1: “Come in” – you are inside.',
    'Sie sind in %1.': 'You are in %1.',
    '%1: „Jetzt nicht“.': '%1: “Not now”.',
    '%1 ist abgeschlossen.': '%1 is locked.',
    'In %1 ist niemand da.': 'Nobody is in %1.',
    'Niemand hat geantwortet (%1).': 'Nobody answered (%1).',
    '%1: außerhalb der Sprechzeit.': '%1: outside office hours.',
    '%1: bitte nicht stören – Ihr Anklopfen wird später angezeigt.': '%1: do not disturb – your knock will be shown later.',
    'Anklopfen bei %1 abgebrochen.': 'Stopped knocking at %1.',
    'Einladung an %1 gesendet.': 'Invitation sent to %1.',
    '%1 hat Ihre Einladung angenommen.': '%1 accepted your invitation.',
    '%1 hat Ihre Einladung abgelehnt.': '%1 declined your invitation.',
    '%1 hat nicht auf Ihre Einladung reagiert.': '%1 did not respond to your invitation.',
    'Die Einladung an %1 ist hinfällig.': 'The invitation to %1 no longer applies.',
    'Urlaub': 'Holiday',
    'Dienstreise': 'Business trip',
    'Fortbildung': 'Training',
    'Sonstige Abwesenheit': 'Other absence',
    'Verpasstes Anklopfen': 'Missed knock',
    'Nachricht an der Tür': 'Message at the door',
    'Übergabe aus der Vertretung': 'Handover from your deputy',
    'Montag': 'Monday',
    'Dienstag': 'Tuesday',
    'Mittwoch': 'Wednesday',
    'Donnerstag': 'Thursday',
    'Freitag': 'Friday',
    'Samstag': 'Saturday',
    'Sonntag': 'Sunday',
    'Tür angelehnt': 'Door ajar',
    'Ohne Fachbereich': 'No unit',
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
