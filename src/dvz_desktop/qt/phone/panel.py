"""Telefon: a dial pad and the last calls; numbers go to the organisation's softphone or CTI through
the configured URI scheme (``tel:``, ``sip:`` or ``callto:``), handed to the operating system."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCompleter, QGridLayout, QLineEdit, QListWidget, QPushButton, QVBoxLayout, QWidget

from dvz_desktop.core.telephony import DialRefused, dial_uri

from ..launchers.panel import open_url

RECENT_KEPT = 30


class PhonePanel(QWidget):
    def __init__(self, scheme: str, recent_file: Path, report: Callable[[str], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scheme = scheme
        self._recent_file = recent_file
        self._report = report
        self.number = QLineEdit()
        self.number.setPlaceholderText(self.tr("Telefonnummer oder Name"))
        self.number.setAccessibleName(self.tr("Telefonnummer"))
        self.number.returnPressed.connect(self.dial_entered)
        pad = QGridLayout()
        for index, key in enumerate("123456789*0#"):
            button = QPushButton(key)
            button.setAccessibleName(self.tr("Taste %1").replace("%1", key))
            button.clicked.connect(lambda _=False, k=key: self.number.insert(k))
            pad.addWidget(button, index // 3, index % 3)
        dial = QPushButton(self.tr("Wählen"))
        dial.clicked.connect(self.dial_entered)
        self.recent = QListWidget()
        self.recent.setAccessibleName(self.tr("Letzte Anrufe"))
        self.recent.itemActivated.connect(lambda item: self.again(self.recent.row(item)))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.number)
        layout.addLayout(pad)
        layout.addWidget(dial)
        layout.addWidget(self.recent, 1)
        self._entries: list[dict[str, str]] = self._load()
        self._show_recent()

        #: Set by the desktop: colleagues by name -> (person id, phone number, online now), and the
        #: in-app call for a colleague who is online.
        self.colleagues: Callable[[], dict[str, tuple[str, str, bool]]] = dict
        self.call_in_app: Callable[[str], None] | None = None
        self._completer_names: list[str] = []

    def refresh_names(self) -> None:
        """Offer colleagues' names while typing (the directory changes with the office)."""
        names = sorted(self.colleagues())
        if names != self._completer_names:
            self._completer_names = names
            completer = QCompleter(names, self)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            self.number.setCompleter(completer)

    def dial_entered(self) -> None:
        text = self.number.text().strip()
        if not text:
            return
        person = self.colleagues().get(text)
        if person is None:
            self.dial(text)
            return
        person_id, phone, online = person
        if online and self.call_in_app is not None:
            # Online: a call in DVZ Desktop costs nothing and shows the camera and screen if wanted.
            self.call_in_app(person_id)
            self._remember(self.tr("DVZ-Anruf"), text, person_id)
        elif phone:
            self.dial(phone, text)
        else:
            self._report(self.tr("%1 ist nicht online und hat keine Telefonnummer hinterlegt.").replace("%1", text))

    def dial(self, number: str, name: str = "") -> bool:
        """Hand the number to the softphone/CTI; remembered in the local list of recent calls."""
        try:
            uri = dial_uri(number, self.scheme)
        except DialRefused as exc:
            self._report(str(exc))
            return False
        if not open_url(uri):
            self._report(self.tr("Keine Telefonie-Anwendung für „%1:“ eingerichtet.").replace("%1", self.scheme))
            return False
        self._remember(number.strip(), name)
        return True

    def again(self, row: int) -> None:
        """Call a recent entry again, the same way as before."""
        if not 0 <= row < len(self._entries):
            return
        entry = self._entries[row]
        if entry.get("person") and self.call_in_app is not None:
            self.call_in_app(entry["person"])
            self._remember(entry["number"], entry.get("name", ""), entry["person"])
        else:
            self.dial(entry["number"], entry.get("name", ""))

    def _remember(self, number: str, name: str, person_id: str = "") -> None:
        entry = {"number": number, "name": name, "at": time.strftime("%d.%m. %H:%M")}
        if person_id:
            entry["person"] = person_id
        self._entries.insert(0, entry)
        del self._entries[RECENT_KEPT:]
        self._save()
        self._show_recent()

    def _show_recent(self) -> None:
        self.recent.clear()
        for entry in self._entries:
            self.recent.addItem(" · ".join(x for x in (entry["at"], entry.get("name", ""), entry["number"]) if x))

    def _load(self) -> list[dict[str, str]]:
        try:
            data = json.loads(self._recent_file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return []
        return [e for e in data if isinstance(e, dict) and "number" in e] if isinstance(data, list) else []

    def _save(self) -> None:
        self._recent_file.parent.mkdir(parents=True, exist_ok=True)
        self._recent_file.write_text(json.dumps(self._entries, ensure_ascii=False), encoding="utf-8")
