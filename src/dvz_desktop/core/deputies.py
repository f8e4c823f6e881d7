"""Absences and deputies (Vertretung): who receives what is meant for someone who is away."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from dvz_desktop.protocol import Absence


@dataclass(frozen=True)
class Recipient:
    """Who gets a knock, question or invitation, and for whom they receive it (if deputising)."""

    person_id: str
    on_behalf_of: str | None = None


class Absences:
    """The recorded absences, keyed by person; only current and future ones matter."""

    def __init__(self) -> None:
        self._by_person: dict[str, Absence] = {}

    def set(self, absence: Absence) -> None:
        self._by_person[absence.person_id] = absence

    def clear(self, person_id: str) -> Absence | None:
        return self._by_person.pop(person_id, None)

    def get(self, person_id: str) -> Absence | None:
        return self._by_person.get(person_id)

    def all(self) -> list[Absence]:
        return list(self._by_person.values())

    def is_away(self, person_id: str, today: date) -> bool:
        absence = self._by_person.get(person_id)
        return absence is not None and absence.start <= today <= absence.end

    def deputy_of(self, person_id: str, today: date) -> str | None:
        """The deputy while ``person_id`` is away today, if one was named."""
        if not self.is_away(person_id, today):
            return None
        absence = self._by_person[person_id]
        return absence.deputy_id

    def route(self, person_id: str, today: date) -> Recipient:
        """Send to the deputy while the person is away (one hop only: a deputy's deputy is not asked)."""
        deputy = self.deputy_of(person_id, today)
        if deputy is not None and deputy != person_id:
            return Recipient(deputy, on_behalf_of=person_id)
        return Recipient(person_id)

    def ended_before(self, today: date) -> list[str]:
        """Forget absences that are over; returns whose ended (their doors change back)."""
        ended = [pid for pid, a in self._by_person.items() if a.end < today]
        for pid in ended:
            del self._by_person[pid]
        return ended
