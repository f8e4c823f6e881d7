"""The meeting guests' page, served by the backend itself: one page per invitation, its script and style.
No third-party resources, no cookies; the same strict Content-Security-Policy as the digital door."""

from __future__ import annotations

import html
import json
from http import HTTPStatus
from pathlib import Path
from string import Template
from typing import Any

from websockets.datastructures import Headers
from websockets.http11 import Response

from ..door.guest_web import SECURITY_HEADERS
from .guests import MeetingGuests

PAGE_DIR = Path(__file__).parent / "page"
STATIC = {"meeting.js": "text/javascript; charset=utf-8", "meeting.css": "text/css; charset=utf-8"}
TEXTS: dict[str, dict[str, Any]] = {
    "de": {
        "title": "Besprechung – %1", "name": "Ihr Name (so sehen Sie die anderen)",
        "privacy": "Ich habe den Datenschutzhinweis gelesen und stimme zu.", "enter": "Besprechung betreten",
        "microphone": "Mikrofon", "camera": "Kamera", "leave": "Besprechung verlassen",
        "own_video": "Ihr eigenes Bild", "people": "Teilnehmende", "privacy_title": "Datenschutzhinweis",
        "privacy_text": "Ihr Name ist nur für die Dauer der Besprechung im Arbeitsspeicher des Servers und wird "
                        "nicht gespeichert. Bild und Ton gehen über den Konferenzserver der Verwaltung an die "
                        "anderen Teilnehmenden und werden nicht aufgezeichnet. Es werden keine Cookies gesetzt.",
        "unknown": "Diese Einladung gibt es nicht (mehr). Bitte fragen Sie nach einer neuen.",
        "js": {"waiting": "Die Besprechung hat noch nicht begonnen. Diese Seite wartet und tritt bei, sobald sie "
                          "beginnt.",
               "paused": "Der Konferenzserver ist ausgefallen. Die Besprechung geht weiter, sobald er wieder "
                         "erreichbar ist.",
               "ended": "Die Besprechung ist beendet. Vielen Dank!",
               "removed": "Die Moderation hat Sie aus der Besprechung entfernt.",
               "reconnecting": "Die Verbindung ist unterbrochen und wird wiederhergestellt …",
               "connection_lost": "Die Verbindung ist unterbrochen. Bitte laden Sie die Seite neu.",
               "no_camera": "Kamera oder Mikrofon sind nicht verfügbar; Sie hören und sehen die anderen trotzdem.",
               "muted": "Mikrofon aus", "camera_off": "Kamera aus", "guest": "Gast", "you": "Sie",
               "mic_on": "Mikrofon einschalten", "mic_off": "Mikrofon ausschalten",
               "cam_on": "Kamera einschalten", "cam_off": "Kamera ausschalten"},
    },
    "en": {
        "title": "Meeting – %1", "name": "Your name (as the others see it)",
        "privacy": "I have read the privacy notice and agree.", "enter": "Enter the meeting",
        "microphone": "Microphone", "camera": "Camera", "leave": "Leave the meeting",
        "own_video": "Your own picture", "people": "Participants", "privacy_title": "Privacy notice",
        "privacy_text": "Your name is held in the server's memory for the meeting only and is not stored. Picture "
                        "and sound go through the administration's conference server to the other participants "
                        "and are not recorded. No cookies are set.",
        "unknown": "This invitation does not exist (any more). Please ask for a new one.",
        "js": {"waiting": "The meeting has not begun yet. This page waits and joins as soon as it begins.",
               "paused": "The conference server failed. The meeting continues as soon as it is back.",
               "ended": "The meeting has ended. Thank you!",
               "removed": "The moderator removed you from the meeting.",
               "reconnecting": "The connection was lost and is being restored …",
               "connection_lost": "The connection was lost. Please reload the page.",
               "no_camera": "Camera or microphone are not available; you still hear and see the others.",
               "muted": "Microphone off", "camera_off": "Camera off", "guest": "Guest", "you": "You",
               "mic_on": "Switch the microphone on", "mic_off": "Switch the microphone off",
               "cam_on": "Switch the camera on", "cam_off": "Switch the camera off"},
    },
}


def _response(status: HTTPStatus, body: bytes, content_type: str) -> Response:
    headers = Headers({"Content-Type": content_type, "Content-Length": str(len(body)), **SECURITY_HEADERS})
    return Response(status.value, status.phrase, headers, body)


def static(name: str) -> Response:
    if name not in STATIC:
        return _response(HTTPStatus.NOT_FOUND, b"Nicht gefunden\n", "text/plain; charset=utf-8")
    return _response(HTTPStatus.OK, (PAGE_DIR / name).read_bytes(), STATIC[name])


def page(guests: MeetingGuests, token: str, lang: str) -> Response:
    texts = TEXTS[lang]
    title: str = texts["title"]
    room_name = guests.room_name(token)
    if room_name is None:  # the same answer for a wrong and an expired token
        unknown: str = texts["unknown"]
        body = f"<!doctype html><html lang=\"{lang}\"><meta charset=\"utf-8\"><p>{html.escape(unknown)}</p>"
        return _response(HTTPStatus.NOT_FOUND, body.encode("utf-8"), "text/html; charset=utf-8")
    values = {f"t_{key}": html.escape(value) for key, value in texts.items() if isinstance(value, str)}
    config = {"token": token, "lang": lang, "texts": texts["js"]}
    body = Template((PAGE_DIR / "meeting.html").read_text(encoding="utf-8")).substitute(
        lang=lang, title=html.escape(title.replace("%1", room_name)), room_name=html.escape(room_name),
        # JSON inside <script>: "</" must not end the element early.
        config=json.dumps(config, ensure_ascii=False).replace("</", "<\\/"), **values)
    return _response(HTTPStatus.OK, body.encode("utf-8"), "text/html; charset=utf-8")
