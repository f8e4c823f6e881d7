"""Where the links in a message are: ``http(s)://`` and ``dvz://`` addresses, without the punctuation of
the sentence around them.

"Siehe https://x.example/akte." links ``https://x.example/akte``; "(https://x.example/a)" links it without
the bracket, while https://de.wikipedia.org/wiki/Widerspruch_(Recht) keeps its own balanced one. German
quotes and a closing ``…`` are not part of an address either.
"""

from __future__ import annotations

import re

_CANDIDATE = re.compile(r"\b(?:https?://[^\s<>\"'`]+|dvz://[^\s<>\"'`]+)", re.IGNORECASE)
#: A dvz:// link has one fixed shape (core.links checks it again before anything is followed).
_DVZ = re.compile(r"dvz://[A-Za-z]+/[A-Za-z0-9_.\-]+", re.IGNORECASE)
_TRAILING = set(".,;:!?'\"»«“”„‘’‚…")
_CLOSING = {")": "(", "]": "[", "}": "{"}


def _trimmed_end(text: str, start: int, end: int) -> int:
    while end > start:
        last = text[end - 1]
        if last in _TRAILING:
            end -= 1
        elif last in _CLOSING and text[start:end].count(last) > text[start:end].count(_CLOSING[last]):
            end -= 1  # a bracket the address did not open closes the sentence's bracket
        else:
            break
    return end


def find_links(text: str) -> list[tuple[int, int]]:
    """(start, end) of every link in ``text``, in order."""
    spans = []
    for match in _CANDIDATE.finditer(text):
        start = match.start()
        end = _trimmed_end(text, start, match.end())
        candidate = text[start:end]
        if candidate.lower().startswith("dvz://"):
            shape = _DVZ.match(candidate)
            if shape is None:
                continue
            end = start + _trimmed_end(candidate, 0, shape.end())
        elif "://" not in candidate or candidate.endswith("://"):
            continue
        spans.append((start, end))
    return spans
