"""Chat text for display: everything escaped first (HTML in a message is shown as text, never
rendered), then light markdown and links added on the escaped text."""

from __future__ import annotations

import html
import re

_URL = re.compile(r"\b(https?://[^\s<>\"']+|dvz://[A-Za-z]+/[A-Za-z0-9_.\-]+)")
_BOLD = re.compile(r"\*\*(\S(?:.*?\S)?)\*\*")
_ITALIC = re.compile(r"(?<![\w*])_(\S(?:.*?\S)?)_(?![\w*])")
_CODE = re.compile(r"`([^`]+)`")


def to_html(body: str) -> str:
    """Safe rich text for a QLabel: escaped, then **fett**, _kursiv_, `code` and clickable links."""
    text = html.escape(body, quote=True)
    text = _CODE.sub(r"<code>\1</code>", text)
    text = _BOLD.sub(r"<b>\1</b>", text)
    text = _ITALIC.sub(r"<i>\1</i>", text)
    text = _URL.sub(lambda m: f'<a href="{m.group(1)}">{m.group(1)}</a>', text)
    return text.replace("\n", "<br>")


def mentions(body: str, display_name: str, username: str) -> bool:
    """Whether a message mentions me: @username or @Vorname / @"Vorname Nachname"."""
    lowered = body.casefold()
    first = display_name.split()[0].casefold() if display_name else ""
    return f"@{username.casefold()}" in lowered or (bool(first) and re.search(rf"@{re.escape(first)}\b", lowered) is not None)
