"""The call's bar of labelled icon buttons. Where the stage is narrow (1366 px with a side panel and the
participant list open) the labels give way and the buttons show their icons only; the label stays the
button's tooltip and accessible name, so nothing is lost for a screen reader or a mouse pointer."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSize
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QPushButton

from ..icons import icon
from ..shell import theme

#: Room a labelled button needs beside its text: the icon, the gap and the padding of the style.
BUTTON_CHROME = 20 + 8 + 28


class CallButton(QPushButton):
    def __init__(self, icon_name: str, text: str, danger: bool = False) -> None:
        t = theme.current()
        super().__init__(icon(icon_name, "#ffffff" if danger else t.text), text)
        self._label = text
        self.compact = False
        self.setIconSize(QSize(20, 20))
        self.setMinimumHeight(40)
        self.setToolTip(text)
        self.setAccessibleName(text)
        if danger:
            self.setStyleSheet(f"QPushButton {{ background: {t.danger if not t.high_contrast else '#000000'}; "
                               f"color: #ffffff; border-color: {t.danger}; }}")

    def setText(self, text: str) -> None:  # noqa: N802 (Qt name)
        self._label = text
        self.setToolTip(text)
        super().setText("" if self.compact else text)

    def text(self) -> str:
        """The label, also while only the icon shows."""
        return self._label

    def set_compact(self, compact: bool) -> None:
        if compact != self.compact:
            self.compact = compact
            super().setText("" if compact else self._label)

    def labelled_width(self) -> int:
        return QFontMetrics(self.font()).horizontalAdvance(self._label) + BUTTON_CHROME


def fit(buttons: Sequence[CallButton], width: int, spacing: int) -> None:
    """Labels where they all fit into ``width``, icons only where they do not."""
    needed = sum(b.labelled_width() for b in buttons if not b.isHidden()) + spacing * (len(buttons) - 1)
    for button in buttons:
        button.set_compact(needed > width)
