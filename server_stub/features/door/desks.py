"""The service desks of the digital door, as the organisation file describes them, and what a guest
reads when something is not possible (German and English, chosen by the page)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import time
from zoneinfo import ZoneInfo

from dvz_desktop.protocol import OfficeHours, Weekday
from dvz_desktop.protocol.door import MAX_CONCERN, MAX_GUEST_NAME, GuestError

from ...directory.orgfile import DeskHoursSpec, DeskSpec

OFFICE_TZ = ZoneInfo("Europe/Berlin")
WEEKDAYS = {"mo": Weekday.MONDAY, "di": Weekday.TUESDAY, "mi": Weekday.WEDNESDAY, "do": Weekday.THURSDAY,
            "fr": Weekday.FRIDAY, "sa": Weekday.SATURDAY, "so": Weekday.SUNDAY}

GUEST_TEXTS = {
    "unknown_desk": ("Diesen Schalter gibt es nicht.", "This service desk does not exist."),
    "closed": ("Der Schalter ist gerade geschlossen. Sie können eine Anfrage hinterlassen.",
               "The desk is closed right now. You can leave a request."),
    "privacy": ("Bitte stimmen Sie dem Datenschutzhinweis zu.", "Please accept the privacy notice."),
    "rate_limited": ("Zu viele Versuche von Ihrem Anschluss. Bitte warten Sie einige Minuten.",
                     "Too many attempts from your connection. Please wait a few minutes."),
    "queue_full": ("Der Warteraum ist voll. Bitte versuchen Sie es später.",
                   "The waiting room is full. Please try later."),
    "visit_over": ("Dieser Besuch ist beendet. Bitte stellen Sie sich neu an.",
                   "This visit is over. Please queue again."),
    "not_admitted": ("Sie sind noch im Warteraum.", "You are still in the waiting room."),
    "invalid": (f"Die Eingabe ist ungültig (Name höchstens {MAX_GUEST_NAME}, Anliegen höchstens {MAX_CONCERN} "
                "Zeichen).",
                f"The input is invalid (name at most {MAX_GUEST_NAME}, concern at most {MAX_CONCERN} characters)."),
    "unknown_type": ("Diese Nachricht ist hier nicht erlaubt.", "This message is not allowed here."),
    "unavailable": ("Der Dienst ist gerade kurz nicht erreichbar. Bitte versuchen Sie es in einem Moment noch einmal "
                    "– Ihr Platz im Warteraum bleibt.",
                    "The service is briefly unavailable. Please try again in a moment – your place in the waiting "
                    "room is kept."),
}


def guest_error(code: str) -> str:
    de, en = GUEST_TEXTS[code]
    return GuestError(code=code, message_de=de, message_en=en).model_dump_json()


@dataclass
class Desk:
    desk_id: str
    name: str
    name_en: str
    room_id: str
    staff: tuple[str, ...]
    hours: tuple[OfficeHours, ...]
    minutes_per_visit: int
    queue: list[str] = field(default_factory=list)  # visit ids, in order of arrival


def desks_from(specs: Iterable[DeskSpec]) -> list[Desk]:
    """The organisation file's desks (hours as office-hour windows)."""
    def hours(spec: DeskHoursSpec) -> OfficeHours:
        return OfficeHours(weekday=WEEKDAYS[spec.weekday], start=time.fromisoformat(spec.start),
                           end=time.fromisoformat(spec.end))

    return [Desk(d.id, d.name, d.name_en or d.name, d.room, tuple(d.staff), tuple(hours(h) for h in d.hours),
                 d.minutes_per_visit) for d in specs]
