"""Choosing the microphone and loudspeaker for calls (remembered in the user's settings)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QWidget


class DeviceDialog(QDialog):
    #: (microphone name, loudspeaker name); "" means the system's default.
    chosen = Signal(str, str)

    def __init__(self, inputs: list[str], outputs: list[str], current: tuple[str, str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Audiogeräte"))
        self.setAccessibleName(self.tr("Audiogeräte"))
        self.microphone = QComboBox()
        self.speaker = QComboBox()
        for box, names, selected, label in ((self.microphone, inputs, current[0], self.tr("Mikrofon")),
                                            (self.speaker, outputs, current[1], self.tr("Lautsprecher"))):
            box.setAccessibleName(label)
            box.addItem(self.tr("Systemstandard"), "")
            for name in names:
                box.addItem(name, name)
            index = box.findData(selected)
            box.setCurrentIndex(max(index, 0))
        form = QFormLayout(self)
        form.addRow(self.tr("Mikrofon:"), self.microphone)
        form.addRow(self.tr("Lautsprecher:"), self.speaker)
        if not inputs and not outputs:
            form.addRow(QLabel(self.tr("Keine Audiogeräte gefunden. Gespräche funktionieren trotzdem, mit Bild, "
                                       "aber ohne Ton, bis ein Gerät angeschlossen ist.")))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _accept(self) -> None:
        self.chosen.emit(self.microphone.currentData() or "", self.speaker.currentData() or "")
        self.accept()
