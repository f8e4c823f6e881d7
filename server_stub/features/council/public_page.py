"""The public page of a body's sessions, for citizens on the municipality's website: no account, no
cookies, nothing from other hosts. ``/oeffentlich/<body>`` is a stable address the website can link to;
it shows the body's running public session (agenda, current item, results), read by the page from
``/oeffentlich/<body>/stand.json``. Only what the public may see leaves: public items, counts — never
names, attendance, non-public items or anything of a session not marked public.
"""

from __future__ import annotations

import html
import json
from collections.abc import Callable
from http import HTTPStatus
from pathlib import Path
from string import Template
from urllib.parse import unquote, urlsplit

from websockets.asyncio.server import ServerConnection
from websockets.datastructures import Headers
from websockets.http11 import Request, Response

from dvz_desktop.core.contrast import readable_on

from ...net.http_routes import HttpRoute

PAGE_DIR = Path(__file__).parent / "public_page"
PREFIX = "/oeffentlich/"
DEFAULT_ACCENT = "#1d4ed8"
HEADERS = {
    "Content-Security-Policy": "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                               "connect-src 'self'; frame-ancestors *",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}
STATIC = {"seite.js": "text/javascript; charset=utf-8", "live.js": "text/javascript; charset=utf-8",
          "seite.css": "text/css; charset=utf-8"}


def _response(status: HTTPStatus, body: bytes, content_type: str) -> Response:
    headers = Headers({**HEADERS, "Content-Type": content_type, "Content-Length": str(len(body))})
    return Response(status.value, status.phrase, headers, body)


def route(body_names: Callable[[str], tuple[str, str, str | None] | None],
          stand: Callable[[str], dict[str, object]]) -> HttpRoute:
    """``body_names(body_id)`` -> (body name, organisation name, accent colour) or None for an unknown body;
    ``stand(body_id)`` -> what the public sees now."""
    page = Template((PAGE_DIR / "index.html").read_text(encoding="utf-8"))

    def respond(connection: ServerConnection, request: Request) -> Response:
        path = unquote(urlsplit(request.path).path[len(PREFIX):])
        if path in STATIC:
            return _response(HTTPStatus.OK, (PAGE_DIR / path).read_bytes(), STATIC[path])
        body_id, _, rest = path.partition("/")
        names = body_names(body_id)
        if names is None:
            return _response(HTTPStatus.NOT_FOUND, b"Dieses Gremium gibt es nicht.\n",
                             "text/plain; charset=utf-8")
        body_name, org_name, accent = names
        if rest == "":
            text = page.substitute(title=html.escape(f"{body_name} – öffentliche Sitzung"),
                                   body_id=html.escape(body_id), body_name=html.escape(body_name),
                                   org_name=html.escape(org_name))
            return _response(HTTPStatus.OK, text.encode(), "text/html; charset=utf-8")
        if rest == "stand.json":
            return _response(HTTPStatus.OK, json.dumps(stand(body_id), ensure_ascii=False).encode(),
                             "application/json; charset=utf-8")
        if rest == "farbe.css":
            colour = accent or DEFAULT_ACCENT
            css = f":root {{ --accent: {colour}; --on-accent: {readable_on(colour)}; }}\n"
            return _response(HTTPStatus.OK, css.encode(), "text/css; charset=utf-8")
        return _response(HTTPStatus.NOT_FOUND, b"Nicht gefunden\n", "text/plain; charset=utf-8")

    return HttpRoute(PREFIX, respond)
