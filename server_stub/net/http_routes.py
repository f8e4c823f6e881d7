"""What the backend answers over plain HTTP before any websocket, and which socket a request may open.

``/healthz`` answers ``ok``. ``/ws`` is the staff socket: no Origin (the native client sends none) or an
allowed one. A feature may add plain HTTP routes under a prefix (the door's guest pages under
``/tuer/``, staff portraits under ``/fotos/``) and sockets of its own that the backend's own web pages
open (the guests' ``/gast``): those only from the backend's own origin or an allowed one.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from http import HTTPStatus
from urllib.parse import urlsplit

from websockets.asyncio.server import ServerConnection
from websockets.http11 import Request, Response

WS_PATH = "/ws"


@dataclass(frozen=True)
class HttpRoute:
    """Plain HTTP requests whose path starts with ``prefix``."""

    prefix: str
    #: A response, or an awaitable of one for a route that must wait on something (the sign-in asks the
    #: identity provider).
    respond: Callable[[ServerConnection, Request], Response | Awaitable[Response]]


@dataclass(frozen=True)
class SocketRoute:
    """A websocket of a feature at ``path``, opened by the backend's own pages; ``serve(ws, address)``
    runs it."""

    path: str
    serve: Callable[[ServerConnection, str], Awaitable[None]]


def route(connection: ServerConnection, request: Request, allowed_origins: tuple[str, ...],
          pages: Sequence[HttpRoute] = (),
          sockets: Sequence[SocketRoute] = ()) -> Response | Awaitable[Response] | None:
    """A response for plain HTTP requests and refused upgrades; None lets a websocket open."""
    path = urlsplit(request.path).path
    origin = request.headers.get("Origin")
    if path == "/healthz":
        return connection.respond(HTTPStatus.OK, "ok\n")
    if path == WS_PATH:
        if origin is not None and origin not in allowed_origins:
            return connection.respond(HTTPStatus.FORBIDDEN, "Herkunft nicht erlaubt\n")
        return None
    if any(path == socket.path for socket in sockets):
        host = request.headers.get("Host", "")
        own = {f"http://{host}", f"https://{host}"}
        if origin is None or (origin not in own and origin not in allowed_origins):
            return connection.respond(HTTPStatus.FORBIDDEN, "Herkunft nicht erlaubt\n")
        return None
    for page in pages:
        if path.startswith(page.prefix):
            return page.respond(connection, request)
    return connection.respond(HTTPStatus.NOT_FOUND, "Nicht gefunden\n")
