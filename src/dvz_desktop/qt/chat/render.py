"""Chat text for display: everything escaped first (HTML in a message is shown as text, never
rendered), then light markdown and links added on the escaped text."""

from __future__ import annotations

import html
import re
import secrets

from dvz_desktop.core.linkify import find_links

_BOLD = re.compile(r"\*\*(\S(?:.*?\S)?)\*\*")
_ITALIC = re.compile(r"(?<![\w*])_(\S(?:.*?\S)?)_(?![\w*])")
_CODE = re.compile(r"`([^`]+)`")


def to_html(body: str) -> str:
    """Safe rich text for a QLabel: escaped, then **fett**, _kursiv_, `code` and clickable links.

    Links are found in the plain text (so an address ends where it ends, not at an escaped character),
    held by placeholders nobody can type (a fresh random word) while the rest is escaped and marked up."""
    links = find_links(body)
    marker = secrets.token_hex(8)
    parts, last = [], 0
    for index, (start, end) in enumerate(links):
        parts += [body[last:start], f"\ue000{marker}{index}\ue001"]
        last = end
    parts.append(body[last:])
    text = html.escape("".join(parts), quote=True)
    text = _CODE.sub(r"<code>\1</code>", text)
    text = _BOLD.sub(r"<b>\1</b>", text)
    text = _ITALIC.sub(r"<i>\1</i>", text)
    for index, (start, end) in enumerate(links):
        url = html.escape(body[start:end], quote=True)
        text = text.replace(f"\ue000{marker}{index}\ue001", f'<a href="{url}">{url}</a>', 1)
    return text.replace("\n", "<br>")


def mentions(body: str, display_name: str, username: str) -> bool:
    """Whether a message mentions me: @username or @Vorname / @"Vorname Nachname"."""
    lowered = body.casefold()
    first = display_name.split()[0].casefold() if display_name else ""
    return f"@{username.casefold()}" in lowered or (bool(first) and re.search(rf"@{re.escape(first)}\b",
                                                                              lowered) is not None)
