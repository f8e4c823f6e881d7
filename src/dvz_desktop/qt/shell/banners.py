"""Banners over the top of the plan: a sentence and its buttons, keyed so an update replaces one.

Someone knocks, invites, asks, a link wants something, a conversation is on hold: each is a
:class:`Banner`; the :class:`BannerArea` stacks them and floats over the stage (``stage.py``), so the
plan is never pushed down. Text in a banner is always plain text: it carries colleagues' words.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ..icons import pixmap
from ..plain import plain_label
from . import theme

#: The symbol at the start of a banner, by kind (never colour alone).
KIND_ICONS = {"incoming": "bell", "mine": "info", "info": "info", "warning": "triangle-alert"}


class Banner(QFrame):
    def __init__(self, text: str, kind: str = "incoming", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self.setProperty("kind", kind)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.symbol = QLabel()
        self.symbol.setPixmap(pixmap(KIND_ICONS.get(kind, "bell"), 20, theme.current().text))
        self.symbol.setFixedSize(QSize(22, 22))
        self.label = plain_label(text)  # names, questions and answers of colleagues: never markup
        self.label.setWordWrap(True)
        self.setAccessibleName(text)
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(12, 8, 12, 8)
        self.row.setSpacing(8)
        self.row.addWidget(self.symbol, 0, Qt.AlignmentFlag.AlignVCenter)
        self.row.addWidget(self.label, 1)

    def button(self, text: str, accessible: str | None = None) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(accessible or text)
        if not any(isinstance(w, QPushButton) for w in self.findChildren(QPushButton)):
            button.setProperty("primary", True)  # the first answer is the usual one
        self.row.addWidget(button)
        return button

    def set_text(self, text: str) -> None:
        self.label.setText(text)
        self.setAccessibleName(text)


class BannerArea(QWidget):
    """The stack of banners over the plan; hidden while there is none."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Hinweise"))
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(6)
        self.banners: dict[str, QWidget] = {}
        self.hide()

    def put(self, key: str, banner: QWidget) -> QWidget:
        self.remove(key)
        self.banners[key] = banner
        self._layout.addWidget(banner)
        self.show()
        self.adjustSize()
        return banner

    def get(self, key: str) -> QWidget | None:
        return self.banners.get(key)

    def keys(self) -> list[str]:
        return list(self.banners)

    def remove(self, key: str) -> None:
        banner = self.banners.pop(key, None)
        if banner is not None:
            banner.hide()
            banner.deleteLater()
        if not self.banners:
            self.hide()
        else:
            self.adjustSize()
