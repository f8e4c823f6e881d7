"""Staff portraits from the organisation file, served to logged-in colleagues who may see the person.

The organisation file names a small JPEG or PNG next to it (``photo: fotos/a.schneider.jpg``). The
backend reads every portrait once at start (a bad file stops the start with a clear German message, as
any other mistake in the organisation file), gives it a version (the start of its SHA-256) that goes to
clients in ``Person.photo``, and answers ``GET /fotos/<person id>``:

* ``Authorization: Bearer <session token>`` is required (401 without a valid one);
* a person the caller may not see, or without a portrait, is 404 — the same answer, nothing leaks;
* the version is the ``ETag``; ``If-None-Match`` with it gets 304 and no body;
* ``Cache-Control: private`` — a shared cache must not keep a portrait.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from http import HTTPStatus
from pathlib import Path
from urllib.parse import unquote, urlsplit

from websockets.asyncio.server import ServerConnection
from websockets.datastructures import Headers
from websockets.http11 import Request, Response

from dvz_desktop.protocol import Person

from ..net.http_routes import HttpRoute
from .errors import OrgFileError
from .orgfile import OrgFile

PHOTO_PREFIX = "/fotos/"
MAX_PHOTO_BYTES = 256 * 1024
_PERSON_ID = re.compile(r"^[A-Za-z0-9_.\-]{1,128}$")
_MAGIC = ((b"\xff\xd8\xff", "image/jpeg"), (b"\x89PNG\r\n\x1a\n", "image/png"))


@dataclass(frozen=True)
class Photo:
    data: bytes
    content_type: str
    version: str


def _read_photo(base_dir: Path, relative: str, username: str) -> Photo:
    path = (base_dir / relative).resolve()
    if not path.is_relative_to(base_dir):
        raise OrgFileError(f"{username}: das Foto „{relative}“ liegt außerhalb des Ordners der Organisationsdatei.")
    try:
        size = path.stat().st_size
        if size > MAX_PHOTO_BYTES:
            raise OrgFileError(f"{username}: das Foto „{relative}“ ist {size // 1024} KiB groß; erlaubt sind "
                               f"höchstens {MAX_PHOTO_BYTES // 1024} KiB.")
        data = path.read_bytes()
    except OSError as exc:
        raise OrgFileError(f"{username}: das Foto „{relative}“ kann nicht gelesen werden: {exc.strerror}") from None
    content_type = next((kind for magic, kind in _MAGIC if data.startswith(magic)), None)
    if content_type is None:
        raise OrgFileError(f"{username}: das Foto „{relative}“ ist kein JPEG- oder PNG-Bild.")
    return Photo(data, content_type, hashlib.sha256(data).hexdigest()[:16])


class PhotoBook:
    def __init__(self, photos: dict[str, Photo]) -> None:
        self._photos = photos

    @classmethod
    def from_org_file(cls, org_file: OrgFile) -> PhotoBook:
        photos: dict[str, Photo] = {}
        for staff in org_file.staff:
            if staff.photo is None:
                continue
            if org_file.base_dir is None:
                raise OrgFileError(f"{staff.username}: Fotos gibt es nur in einer Organisationsdatei auf der Platte.")
            photos[staff.username] = _read_photo(org_file.base_dir, staff.photo, staff.username)
        return cls(photos)

    def __len__(self) -> int:
        return len(self._photos)

    def put(self, person_id: str, data: bytes | None) -> None:
        """A portrait from the directory sync (None or not a JPEG/PNG: no portrait). The sync has refused
        oversized ones already (core/directory_values.py)."""
        content_type = next((kind for magic, kind in _MAGIC if data and data.startswith(magic)), None)
        if data is None or content_type is None or len(data) > MAX_PHOTO_BYTES:
            self._photos.pop(person_id, None)
            return
        self._photos[person_id] = Photo(data, content_type, hashlib.sha256(data).hexdigest()[:16])

    def version_of(self, person_id: str) -> str:
        photo = self._photos.get(person_id)
        return photo.version if photo else ""

    def annotate(self, people: tuple[Person, ...]) -> tuple[Person, ...]:
        """The people with the version of their portrait filled in."""
        return tuple(p.model_copy(update={"photo": self.version_of(p.id)}) if p.id in self._photos else p
                     for p in people)

    def respond(self, request: Request, username_of_token: Callable[[str], str | None],
                may_see: Callable[[str, str], bool]) -> Response:
        path = unquote(urlsplit(request.path).path)
        person_id = path[len(PHOTO_PREFIX):]
        authorization = request.headers.get("Authorization", "")
        scheme, _, token = authorization.partition(" ")
        viewer = username_of_token(token.strip()) if scheme.lower() == "bearer" and token.strip() else None
        if viewer is None:
            return _plain(HTTPStatus.UNAUTHORIZED, "Anmeldung erforderlich\n",
                          [("WWW-Authenticate", 'Bearer realm="dvz"')])
        photo = self._photos.get(person_id) if _PERSON_ID.match(person_id) else None
        if photo is None or not may_see(viewer, person_id):
            return _plain(HTTPStatus.NOT_FOUND, "Nicht gefunden\n")
        etag = f'"{photo.version}"'
        common = [("ETag", etag), ("Cache-Control", "private, max-age=86400"), ("X-Content-Type-Options", "nosniff")]
        if etag in [tag.strip() for tag in request.headers.get("If-None-Match", "").split(",")]:
            return Response(HTTPStatus.NOT_MODIFIED.value, HTTPStatus.NOT_MODIFIED.phrase, Headers(common), b"")
        headers = Headers([("Content-Type", photo.content_type), ("Content-Length", str(len(photo.data))), *common])
        return Response(HTTPStatus.OK.value, HTTPStatus.OK.phrase, headers, photo.data)


def _plain(status: HTTPStatus, text: str, extra: list[tuple[str, str]] | None = None) -> Response:
    body = text.encode("utf-8")
    headers = Headers([("Content-Type", "text/plain; charset=utf-8"), ("Content-Length", str(len(body))),
                       *(extra or [])])
    return Response(status.value, status.phrase, headers, body)


def route_for(book: PhotoBook, username_of_token: Callable[[str], str | None],
              may_see: Callable[[str, str], bool]) -> HttpRoute:
    """The web server's route for ``/fotos/…``."""
    def respond(_connection: ServerConnection, request: Request) -> Response:
        return book.respond(request, username_of_token, may_see)

    return HttpRoute(PHOTO_PREFIX, respond)


__all__ = ["MAX_PHOTO_BYTES", "PHOTO_PREFIX", "Photo", "PhotoBook", "route_for"]
