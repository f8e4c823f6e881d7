"""A one-line question with a limit (status note, note at the door, quick question, message at the door).

Over the limit, OK is off and the dialog says by how much; nothing is ever cut (``core.text_limits``).
It opens window-modal with ``open()``: the network keeps running while the user types.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLayout, QLineEdit, QVBoxLayout, QWidget

from dvz_desktop.core.text_limits import measure

from .plain import plain_label


class TextDialog(QDialog):
    def __init__(self, parent: QWidget | None, title: str, label: str, limit: int, text: str = "") -> None:
        super().__init__(parent)
        self.limit = limit
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.label = plain_label(label)  # it may quote a colleague
        self.label.setWordWrap(True)
        self.edit = QLineEdit(text)  # no maxLength: a paste over the limit would be cut without a word
        self.edit.setAccessibleName(label)
        self.edit.setMinimumWidth(360)
        self.problem = plain_label()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b71c1c;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        # The dialog grows with its message (a wrapped label in a fixed-size dialog would be cut off).
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        layout.addWidget(self.label)
        layout.addWidget(self.edit)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.edit.textChanged.connect(self._check)
        self._check()

    @property
    def ok(self):  # type: ignore[no-untyped-def]
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def _check(self) -> None:
        fit = measure(self.edit.text(), self.limit)
        if fit.fits:
            self.problem.hide()
        else:
            self.problem.setText(self.tr("Zu lang: %1 Zeichen, höchstens %2. Bitte kürzen Sie um %3.")
                                 .replace("%1", str(fit.length)).replace("%2", str(fit.limit))
                                 .replace("%3", str(fit.over)))
            self.problem.show()
            self.adjustSize()
        self.ok.setEnabled(fit.fits)

    def value(self) -> str:
        return self.edit.text().strip()

    def _accept(self) -> None:
        if measure(self.edit.text(), self.limit).fits:
            self.accept()


def ask_text(parent: QWidget | None, title: str, label: str, on_text: Callable[[str], None], max_length: int = 500,
             text: str = "") -> TextDialog:
    """Ask for one line of at most ``max_length`` characters; ``on_text`` gets it (never cut) on OK."""
    dialog = TextDialog(parent, title, label, max_length, text)
    dialog.accepted.connect(lambda: dialog.value() and on_text(dialog.value()))
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return dialog
