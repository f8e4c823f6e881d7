"""The calendar corpus (``tests/fixtures/calendar``): real-world exports and what the product must make
of them (``expected.yaml``), and importing an export into a real Radicale as a calendar program would."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import yaml

OFFICE_TZ = ZoneInfo("Europe/Berlin")  # the expectations are in office time
CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "calendar"
#: Monday of the week the corpus is about, and the Monday after it.
WEEK = (datetime(2026, 11, 23, tzinfo=OFFICE_TZ), datetime(2026, 11, 30, tzinfo=OFFICE_TZ))


@dataclass(frozen=True)
class Expected:
    export: str
    week: list[str]
    busy: dict[datetime, bool]
    reminders: dict[datetime, str | None]
    today: dict[datetime, list[str]]


def _when(text: object) -> datetime:
    return datetime.strptime(str(text), "%Y-%m-%d %H:%M").replace(tzinfo=OFFICE_TZ)


def expectations() -> list[Expected]:
    data = yaml.safe_load((CORPUS / "expected.yaml").read_text(encoding="utf-8"))
    return [Expected(name, list(spec["week"]), {_when(k): bool(v) for k, v in spec["busy"].items()},
                     {_when(k): v for k, v in spec["reminders"].items()},
                     {_when(k): list(v) for k, v in spec["today"].items()}) for name, spec in data.items()]


def resources(export: Path) -> list[str]:
    """One iCalendar object per UID (a series with its moved occurrences stays together), each with
    the time zones of the export: what a CalDAV server stores, one resource per entry."""
    from icalendar import Calendar

    source = Calendar.from_ical(export.read_bytes())
    zones = [c for c in source.subcomponents if c.name == "VTIMEZONE"]
    by_uid: dict[str, list[object]] = {}
    for component in source.subcomponents:
        if component.name == "VEVENT":
            by_uid.setdefault(str(component.get("uid")), []).append(component)
    objects = []
    for events in by_uid.values():
        single = Calendar()
        single.add("prodid", source.get("prodid"))
        single.add("version", "2.0")
        for component in (*zones, *events):
            single.add_component(component)
        objects.append(single.to_ical().decode("utf-8"))
    return objects


def import_export(calendar: object, export: Path) -> int:
    """Put every entry of ``export`` into the caldav ``calendar``; returns how many resources."""
    objects = resources(export)
    for ics in objects:
        calendar.add_event(ics)  # type: ignore[attr-defined]
    return len(objects)
