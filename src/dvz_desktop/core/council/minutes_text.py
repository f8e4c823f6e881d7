"""The words of the minutes (Niederschrift): German, as a council's minutes read. Pure, so the PDF and the
minute-taker's preview say the same; times in the office's time zone."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, tzinfo

ROLES = {"chair": "Vorsitz", "member": "Mitglied", "advisory": "beratendes Mitglied", "minute_taker": "Schriftführung",
         "guest": "Gast"}
MODES = {"hall": "im Saal", "remote": "per Video"}
KINDS = {"open": "offene Abstimmung", "named": "namentliche Abstimmung", "secret": "geheime Abstimmung"}
CHOICES = {"yes": "Ja", "no": "Nein", "abstain": "Enthaltung"}


def plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def clock(moment: datetime | None, zone: tzinfo | None = None) -> str:
    return "–" if moment is None else moment.astimezone(zone).strftime("%H:%M")


def span(start: datetime, end: datetime | None, zone: tzinfo | None = None) -> str:
    """"17:02–19:40", or "ab 17:02" while it lasts."""
    return f"ab {clock(start, zone)}" if end is None else f"{clock(start, zone)}–{clock(end, zone)}"


def day(moment: datetime, zone: tzinfo | None = None) -> str:
    return moment.astimezone(zone).strftime("%d.%m.%Y")


@dataclass(frozen=True)
class Stay:
    name: str
    role: str
    mode: str
    arrived: datetime
    left: datetime | None


def attendance_lines(stays: Iterable[Stay], zone: tzinfo | None = None) -> list[str]:
    """One line per person: role, and each stretch with its times and how ("18:02–19:40 im Saal")."""
    by_person: dict[tuple[str, str], list[Stay]] = {}
    for stay in stays:
        by_person.setdefault((stay.name, stay.role), []).append(stay)
    order = sorted(by_person, key=lambda key: (list(ROLES).index(key[1]) if key[1] in ROLES else 9, key[0]))
    lines = []
    for name, role in order:
        spans = ", ".join(f"{span(s.arrived, s.left, zone)} {MODES.get(s.mode, s.mode)}"
                          for s in sorted(by_person[(name, role)], key=lambda s: s.arrived))
        lines.append(f"{name} ({ROLES.get(role, role)}): {spans}")
    return lines


def result_line(kind: str, question: str, yes: int, no: int, abstain: int, carried: bool) -> str:
    outcome = "angenommen" if carried else "abgelehnt"
    return (f"{question} – {KINDS.get(kind, kind)}: {plural(yes, 'Ja-Stimme', 'Ja-Stimmen')}, "
            f"{plural(no, 'Nein-Stimme', 'Nein-Stimmen')}, {plural(abstain, 'Enthaltung', 'Enthaltungen')}; "
            f"{outcome}.")


def record_line(record: Sequence[tuple[str, str]], name: Callable[[str], str]) -> str:
    """A named vote's record: "Ja: A, B; Nein: C"."""
    parts = []
    for choice, word in CHOICES.items():
        names = sorted(name(p) for p, c in record if c == choice)
        if names:
            parts.append(f"{word}: {', '.join(names)}")
    return "; ".join(parts)
