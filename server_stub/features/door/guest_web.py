"""The guest page of the digital door, served by the backend itself: one page per service desk, its
script and style, and a small stylesheet with the colour of the desk's organisation. No third-party
resources, no cookies; a strict Content-Security-Policy (the organisation's logo is inline, a
``data:`` image, which the policy allows for images only)."""

from __future__ import annotations

import html
import json
from http import HTTPStatus
from pathlib import Path
from string import Template
from urllib.parse import urlsplit

from websockets.asyncio.server import ServerConnection
from websockets.datastructures import Headers
from websockets.http11 import Request, Response

from dvz_desktop.core.contrast import readable_on
from dvz_desktop.protocol import Organisation
from dvz_desktop.protocol.door import MAX_CONCERN, MAX_GUEST_CHAT, MAX_GUEST_CONTACT, MAX_GUEST_NAME

from ..inbox.store import INBOX_RETENTION
from .desks import Desk
from .service import DoorService

PAGE_DIR = Path(__file__).parent / "guest_page"
DOOR_PREFIX = "/tuer/"
#: The page's colour where the organisation file names none.
DEFAULT_ACCENT = "#1d4ed8"

WEEKDAY_NAMES = {"de": ("Mo", "Di", "Mi", "Do", "Fr", "Sa", "So"),
                 "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")}
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                               "media-src 'self' blob: mediastream:; connect-src 'self'; frame-ancestors *",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
    "Permissions-Policy": "camera=(self), microphone=(self)",
}
TEXTS = {
    "de": {
        "title": "Digitale Tür – %1", "name": "Ihr Name oder ein Pseudonym", "concern": "Ihr Anliegen (freiwillig)",
        "privacy": "Ich habe den Datenschutzhinweis gelesen und stimme zu.", "enter": "Warteraum betreten",
        "closed": "Der Schalter ist gerade geschlossen. Hinterlassen Sie eine Anfrage, wir melden uns.",
        "contact": "Telefon oder E-Mail für den Rückruf", "send_request": "Anfrage senden",
        "waiting_room": "Warteraum", "leave": "Warteraum verlassen", "clerk_video": "Video der Sachbearbeitung",
        "own_video": "Ihr eigenes Video", "chat": "Chat", "message": "Nachricht", "send": "Senden",
        "end": "Gespräch beenden", "privacy_title": "Datenschutzhinweis",
        "privacy_text": "Name, Anliegen und Chat dieses Besuchs werden nur für den Besuch gespeichert und %1 Stunden "
                        "danach gelöscht. Eine Anfrage außerhalb der Sprechzeiten (Name, Kontakt, Anliegen) und die "
                        "Notiz zu einem vereinbarten Rückruf (Name, Anliegen) bleiben bei den zuständigen "
                        "Mitarbeitenden, bis sie erledigt sind, höchstens %2 Tage. Bild und Ton gehen direkt zwischen "
                        "Ihnen und der Verwaltung und werden nicht aufgezeichnet. Es werden keine Cookies gesetzt.",
        "hours": "Sprechzeiten: %1", "always": "Sprechzeiten: jederzeit",
        "wait": "Zurzeit warten %1 Personen, etwa %2 Minuten.",
        "js": {"position": "Sie sind an Position %1. Geschätzte Wartezeit: %2 Minuten.",
               "next": "Sie sind an Position %1 und gleich an der Reihe.",
               "talking_to": "Sie sprechen mit %1", "ended": "Der Besuch ist beendet. Vielen Dank!",
               "requested": "Ihre Anfrage ist angekommen. Wir melden uns.", "clerk": "Verwaltung", "you": "Sie",
               "connection_lost": "Die Verbindung ist unterbrochen. Bitte laden Sie die Seite neu.",
               "reconnecting": "Die Verbindung ist unterbrochen und wird wiederhergestellt – Ihr Platz bleibt.",
               "no_camera": "Kamera oder Mikrofon sind nicht verfügbar; Sie hören und sehen die Verwaltung trotzdem."},
    },
    "en": {
        "title": "Digital door – %1", "name": "Your name or a pseudonym", "concern": "Your concern (optional)",
        "privacy": "I have read the privacy notice and agree.", "enter": "Enter the waiting room",
        "closed": "The desk is closed right now. Leave a request and we will get back to you.",
        "contact": "Phone or e-mail for the call back", "send_request": "Send request",
        "waiting_room": "Waiting room", "leave": "Leave the waiting room", "clerk_video": "Video of the clerk",
        "own_video": "Your own video", "chat": "Chat", "message": "Message", "send": "Send",
        "end": "End the conversation", "privacy_title": "Privacy notice",
        "privacy_text": "Name, concern and chat of this visit are kept for the visit only and deleted %1 hours "
                        "afterwards. A request left outside office hours (name, contact, concern) and the note of an "
                        "agreed call back (name, concern) stay with the staff in charge until they are dealt with, at "
                        "most %2 days. Picture and sound go directly between you and the administration and are not "
                        "recorded. No cookies are set.",
        "hours": "Office hours: %1", "always": "Office hours: any time",
        "wait": "%1 people are waiting, about %2 minutes.",
        "js": {"position": "You are number %1. Estimated wait: %2 minutes.",
               "next": "You are number %1 and next in line.",
               "talking_to": "You are talking to %1", "ended": "The visit has ended. Thank you!",
               "requested": "Your request has arrived. We will get back to you.", "clerk": "Administration",
               "you": "You", "connection_lost": "The connection was lost. Please reload the page.",
               "reconnecting": "The connection was lost and is being restored – you keep your place.",
               "no_camera": "Camera or microphone are not available; you still hear and see the administration."},
    },
}


def _response(status: HTTPStatus, body: bytes, content_type: str) -> Response:
    headers = Headers({"Content-Type": content_type, "Content-Length": str(len(body)), **SECURITY_HEADERS})
    return Response(status.value, status.phrase, headers, body)


def not_found(lang: str = "de") -> Response:
    text = "Diesen Schalter gibt es nicht." if lang == "de" else "This service desk does not exist."
    return _response(HTTPStatus.NOT_FOUND, f"<!doctype html><p>{text}</p>".encode(), "text/html; charset=utf-8")


def static(name: str) -> Response | None:
    kinds = {"door.js": "text/javascript; charset=utf-8", "door.css": "text/css; charset=utf-8"}
    if name not in kinds:
        return None
    return _response(HTTPStatus.OK, (PAGE_DIR / name).read_bytes(), kinds[name])


def _hours(desk: Desk, lang: str, texts: dict[str, str]) -> str:
    if not desk.hours:
        return texts["always"]
    names = WEEKDAY_NAMES[lang]
    windows = ", ".join(f"{names[h.weekday.value]} {h.start:%H:%M}–{h.end:%H:%M}" for h in desk.hours)
    return texts["hours"].replace("%1", windows)


def page(door: DoorService, desk_id: str, lang: str, retention_hours: int) -> Response:
    desk = door.desks.get(desk_id)
    if desk is None:
        return not_found(lang)
    texts = TEXTS[lang]
    words = {key: value for key, value in texts.items() if isinstance(value, str)}
    info = door.desk_info(desk)
    name = desk.name if lang == "de" else desk.name_en
    values = {f"t_{key}": html.escape(value) for key, value in words.items()}
    # One truth with docs/privacy.md: the numbers come from the settings that delete the data.
    values["t_privacy_text"] = html.escape(words["privacy_text"].replace("%1", str(retention_hours))
                                           .replace("%2", str(INBOX_RETENTION.days)))
    config = {"desk_id": desk.desk_id, "lang": lang, "texts": texts["js"]}
    org = organisation_of(door, desk)
    logo = (f'<img class="logo" src="{html.escape(org.logo)}" alt="" width="48" height="48">'
            if org is not None and org.logo else "")
    body = Template((PAGE_DIR / "page.html").read_text(encoding="utf-8")).substitute(
        lang=lang, title=html.escape(words["title"].replace("%1", name)), desk_name=html.escape(name),
        desk_id=html.escape(desk.desk_id), org_name=html.escape(org.name if org else ""), logo=logo,
        max_name=MAX_GUEST_NAME, max_concern=MAX_CONCERN, max_contact=MAX_GUEST_CONTACT, max_line=MAX_GUEST_CHAT,
        hours_text=html.escape(_hours(desk, lang, words)),
        wait_text=html.escape(words["wait"].replace("%1", str(info.waiting))
                              .replace("%2", str(info.estimated_minutes))),
        join_hidden="" if info.open_now else "hidden", request_hidden="hidden" if info.open_now else "",
        # JSON inside <script>: "</" must not end the element early.
        config=json.dumps(config, ensure_ascii=False).replace("</", "<\\/"), **values)
    return _response(HTTPStatus.OK, body.encode("utf-8"), "text/html; charset=utf-8")


def language_of(query: str, accept_language: str | None) -> str:
    if "lang=en" in query:
        return "en"
    if "lang=de" in query:
        return "de"
    return "en" if (accept_language or "").lower().startswith("en") else "de"



def organisation_of(door: DoorService, desk: Desk) -> Organisation | None:
    """The organisation whose house the desk's room is in (its name, colour and logo head the page)."""
    place = door.directory.rooms.get(desk.room_id)
    return next((o for o in door.directory.organisations if place is not None and o.id == place.org_id), None)


def colours(door: DoorService, desk_id: str) -> Response:
    """The stylesheet with the organisation's accent colour (a file, not inline: the policy allows
    styles from the backend itself only)."""
    desk = door.desks.get(desk_id)
    org = organisation_of(door, desk) if desk is not None else None
    accent = (org.accent_color if org is not None else None) or DEFAULT_ACCENT
    css = f":root {{ --accent: {accent}; --on-accent: {readable_on(accent)}; }}\n"
    return _response(HTTPStatus.OK, css.encode("ascii"), "text/css; charset=utf-8")


def respond(door: DoorService, retention_hours: int, connection: ServerConnection, request: Request) -> Response:
    """Everything under ``/tuer/``: the static script and style, a desk's colours, a desk's page."""
    parts = urlsplit(request.path)
    rest = parts.path[len(DOOR_PREFIX):]
    if rest.startswith("static/"):
        return static(rest[len("static/"):]) or not_found()
    desk_id, _, extra = rest.strip("/").partition("/")
    if extra == "farben.css":
        return colours(door, desk_id)
    if extra:
        return not_found()
    lang = language_of(parts.query, request.headers.get("Accept-Language"))
    return page(door, desk_id, lang, retention_hours)
