"""What the backend answers over plain HTTP before any websocket: health, the guest pages of the digital
door, and which socket a request may open (staff: no Origin or an allowed one; guests: the backend's own
page or an allowed origin)."""

from __future__ import annotations

from collections.abc import Callable
from http import HTTPStatus
from urllib.parse import urlsplit

from websockets.asyncio.server import ServerConnection
from websockets.http11 import Request, Response

from . import guest_web
from .door import DoorService
from .meetings import web as meeting_web
from .meetings.guests import MeetingGuests
from .photos import PHOTO_PREFIX

WS_PATH = "/ws"
GUEST_PATH = "/gast"
DOOR_PREFIX = "/tuer/"
MEETING_GUEST_PATH = "/besprechung-gast"
MEETING_PREFIX = "/besprechung/"


def route(connection: ServerConnection, request: Request, door: DoorService, allowed_origins: tuple[str, ...],
          retention_hours: int,
          photos: Callable[[ServerConnection, Request], Response] | None = None,
          meetings: MeetingGuests | None = None) -> Response | None:
    """A response for plain HTTP requests and refused upgrades; None lets a websocket open."""
    parts = urlsplit(request.path)
    path = parts.path
    origin = request.headers.get("Origin")
    if path == "/healthz":
        return connection.respond(HTTPStatus.OK, "ok\n")
    if path == WS_PATH:
        if origin is not None and origin not in allowed_origins:
            return connection.respond(HTTPStatus.FORBIDDEN, "Herkunft nicht erlaubt\n")
        return None
    if path in (GUEST_PATH, MEETING_GUEST_PATH):
        own = {f"http://{request.headers.get('Host', '')}", f"https://{request.headers.get('Host', '')}"}
        if origin is None or (origin not in own and origin not in allowed_origins):
            return connection.respond(HTTPStatus.FORBIDDEN, "Herkunft nicht erlaubt\n")
        return None
    if path.startswith(PHOTO_PREFIX) and photos is not None:  # staff portraits (photos.py)
        return photos(connection, request)
    if path.startswith(DOOR_PREFIX + "static/"):
        return guest_web.static(path[len(DOOR_PREFIX + "static/"):]) or guest_web.not_found()
    if path.startswith(DOOR_PREFIX):
        lang = guest_web.language_of(parts.query, request.headers.get("Accept-Language"))
        return guest_web.page(door, path[len(DOOR_PREFIX):].strip("/"), lang, retention_hours)
    if path.startswith(MEETING_PREFIX + "static/"):
        return meeting_web.static(path[len(MEETING_PREFIX + "static/"):])
    if path.startswith(MEETING_PREFIX) and meetings is not None:
        lang = guest_web.language_of(parts.query, request.headers.get("Accept-Language"))
        return meeting_web.page(meetings, path[len(MEETING_PREFIX):].strip("/"), lang)
    return connection.respond(HTTPStatus.NOT_FOUND, "Nicht gefunden\n")
