"""Messages written but not yet acknowledged, kept on disk so that neither a lost connection nor a
restart of the client loses them. One JSON object per line; rewritten atomically when entries go."""

from __future__ import annotations

import json
import logging
import os
from dataclasses import asdict, dataclass
from pathlib import Path

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class OutboxEntry:
    client_msg_id: str
    conv_id: str
    kind: str  # "post", "edit" or "delete"
    body: str = ""
    target: int = 0


class Outbox:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.entries: list[OutboxEntry] = self._load()

    def _load(self) -> list[OutboxEntry]:
        try:
            lines = self.path.read_text(encoding="utf-8").splitlines()
        except FileNotFoundError:
            return []
        entries = []
        for line in lines:
            try:
                entries.append(OutboxEntry(**json.loads(line)))
            except (ValueError, TypeError):
                log.warning("outbox: skipped an unreadable line")  # a torn last line after a power cut
        return entries

    def add(self, entry: OutboxEntry) -> None:
        """Append and flush to disk before the message is sent."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self.path.open("a", encoding="utf-8") as handle:
            handle.write(json.dumps(asdict(entry), ensure_ascii=False) + "\n")
            handle.flush()
            os.fsync(handle.fileno())
        self.entries.append(entry)

    def remove(self, client_msg_id: str) -> None:
        remaining = [e for e in self.entries if e.client_msg_id != client_msg_id]
        if len(remaining) == len(self.entries):
            return
        self.entries = remaining
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text("".join(json.dumps(asdict(e), ensure_ascii=False) + "\n" for e in remaining), encoding="utf-8")
        tmp.replace(self.path)

    def pending(self) -> list[OutboxEntry]:
        return list(self.entries)
