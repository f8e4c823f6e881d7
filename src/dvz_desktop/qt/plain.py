"""Text from other people is plain text, everywhere it is shown.

Qt guesses: a QLabel, a tooltip or a message box whose text *looks* like HTML (``Qt.mightBeRichText``)
renders it, so a colleague's quick question ``<b style="font-size:40pt">…`` would shout in the banner and
``<a href=…>`` would become a link. Every widget that shows someone else's words therefore says
"plain text" explicitly, through the helpers here; the chat, which draws light markdown, escapes first
(``chat/render.py``). ``tests/ui/test_plain_text.py`` sends markup through every path.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import QLabel, QWidget


def plain_label(text: str = "", parent: QWidget | None = None) -> QLabel:
    """A label that never interprets its text."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    return label


def plain_tooltip(text: str) -> str:
    """A tooltip that shows ``text`` literally. Tooltips have no format switch: a text Qt would take for
    HTML is escaped and marked as rich text (which then shows the characters); any other is left as is."""
    if not GuiQt.mightBeRichText(text):
        return text
    return "<p style='white-space:pre-wrap'>" + html.escape(text, quote=False) + "</p>"


def plain_action_text(text: str) -> str:
    """Menu and button texts treat ``&`` as the mark of a shortcut key: a name like "Bau & Umwelt" keeps it."""
    return text.replace("&", "&&")


def notice_body(text: str, server_reads_markup: bool) -> str:
    """The body of a tray notice. Windows and Qt's own balloon show it as text; a freedesktop notification
    server that announces "body-markup" would render it, so there the characters are escaped."""
    return html.escape(text, quote=False) if server_reads_markup else text
