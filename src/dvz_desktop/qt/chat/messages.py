"""The messages of one conversation: bubbles that wrap to the panel's width (mine on the right), in a
list that takes the panel's height and scrolls by pixels, not by whole messages.

Each bubble is a label of escaped rich text (``render.py``): what someone wrote is shown as text, links
are links. A layout that respects height-for-width is what lets long messages wrap instead of being cut.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QScrollArea, QSizePolicy, QVBoxLayout, QWidget

from ..shell import theme


class Bubble(QFrame):
    def __init__(self, rich: str, spoken: str, position: int | None, mine: bool) -> None:
        super().__init__()
        self.position = position
        self.mine = mine
        t = theme.current()
        self.setObjectName("bubble")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        background = t.accent_soft if mine else t.surface_alt
        self.setStyleSheet(f"QFrame#bubble {{ background: {background}; border-radius: 8px; "
                           f"border: 1px solid {t.border if t.high_contrast else background}; }}")
        self.label = QLabel(rich)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.label.setOpenExternalLinks(False)
        self.label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.label.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)  # the list's menu, not "copy link"
        self.setAccessibleName(spoken)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self.label)


class MessageList(QScrollArea):
    #: A link in a message was clicked.
    linkActivated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._inner = QWidget()
        self._column = QVBoxLayout(self._inner)
        self._column.setContentsMargins(0, 4, 4, 4)
        self._column.setSpacing(6)
        self._column.addStretch(1)  # few messages sit at the bottom, next to the input, as in a chat
        self.setWidget(self._inner)
        self._bubbles: list[Bubble] = []
        self.verticalScrollBar().setSingleStep(24)

    def clear(self) -> None:
        for bubble in self._bubbles:
            self._column.removeWidget(bubble.parentWidget() or bubble)
            (bubble.parentWidget() or bubble).deleteLater()
        self._bubbles.clear()

    def add(self, rich: str, spoken: str, position: int | None, mine: bool = False) -> Bubble:
        bubble = Bubble(rich, spoken, position, mine)
        bubble.label.linkActivated.connect(self.linkActivated)
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        if mine:
            line.addStretch(1)
        line.addWidget(bubble, 6)
        if not mine:
            line.addStretch(1)
        self._column.addWidget(row)
        self._bubbles.append(bubble)
        return bubble

    def labels(self) -> list[QLabel]:
        return [bubble.label for bubble in self._bubbles]

    def count(self) -> int:
        return len(self._bubbles)

    def at_end(self) -> bool:
        bar = self.verticalScrollBar()
        return bar.value() >= bar.maximum() - 4

    def scroll_to_end(self) -> None:
        bar = self.verticalScrollBar()
        bar.setValue(bar.maximum())
        # Again once the layout has placed the new bubbles: their heights are known only then.
        QTimer.singleShot(0, self._to_end)
        QTimer.singleShot(60, self._to_end)

    def _to_end(self) -> None:
        bar = self.verticalScrollBar()
        bar.setValue(bar.maximum())

    def position_at(self, pos: QPoint) -> int | None:
        """The message under a point of this widget (None: none, or one still being sent)."""
        for bubble in self._bubbles:
            top_left = bubble.mapTo(self, QPoint(0, 0))
            if bubble.rect().translated(top_left).contains(pos):
                return bubble.position
        return None
