"""The agenda (Tagesordnung): items with their number, title and whether they are public."""

from __future__ import annotations

from dataclasses import dataclass

#: Items one session holds, and the length of a title (long OParl titles are cut, not refused).
MAX_ITEMS = 200
MAX_TITLE = 300
MAX_NUMBER = 20


@dataclass(frozen=True)
class AgendaItem:
    number: str
    title: str
    public: bool = True


def cut(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def typed_agenda(lines: list[str]) -> list[AgendaItem]:
    """Items typed in, one a line; "N: …" marks a non-public item (nichtöffentlich), numbers are counted."""
    items: list[AgendaItem] = []
    for line in lines:
        text = line.strip()
        if not text:
            continue
        public = not text.startswith("N:")
        title = text[2:].strip() if not public else text
        items.append(AgendaItem(str(len(items) + 1), cut(title, MAX_TITLE), public))
    if len(items) > MAX_ITEMS:
        raise ValueError(f"at most {MAX_ITEMS} agenda items")
    return items
