"""Colleagues' portraits: fetched from the server the session talks to, off the GUI thread, and cached.

``GET /fotos/<id>`` on the session's server with the session token as a Bearer header (never in the
URL, so it lands in no log). A portrait is asked for once per version (``Person.photo``); the server's
ETag lets a repeated ask come back as 304 without a body. Portraits stay in memory only.
"""

from __future__ import annotations

import asyncio
import logging
import ssl
import urllib.error
import urllib.request
from collections.abc import Callable
from http.client import HTTPMessage
from typing import IO
from urllib.parse import quote, urlsplit, urlunsplit

from .session import Session, system_tls_context

log = logging.getLogger(__name__)

MAX_PHOTO_BYTES = 256 * 1024
TIMEOUT_S = 10.0


def photo_url(session_url: str, person_id: str) -> str:
    """'wss://dvz.example/ws' -> 'https://dvz.example/fotos/<id>' (ws:// stays plain http, loopback only
    as the session itself enforces)."""
    parts = urlsplit(session_url)
    scheme = {"wss": "https", "ws": "http"}.get(parts.scheme, parts.scheme)
    return urlunsplit((scheme, parts.netloc, "/fotos/" + quote(person_id, safe=""), "", ""))


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """A portrait never comes from elsewhere: the token must not follow a redirect to another host."""

    def redirect_request(self, req: urllib.request.Request, fp: IO[bytes], code: int, msg: str,
                         headers: HTTPMessage, newurl: str) -> urllib.request.Request | None:
        return None


class PhotoFetcher:
    def __init__(self, session_url: Callable[[], str], token: Callable[[], str | None],
                 tls: ssl.SSLContext | None = None) -> None:
        self._url = session_url
        self._token = token
        self._tls = tls
        #: person id -> (version, bytes)
        self._cache: dict[str, tuple[str, bytes]] = {}
        self._pending: dict[tuple[str, str], asyncio.Future[bytes | None]] = {}
        #: Requests that went over the network (tests and the curious).
        self.requests = 0

    @classmethod
    def for_session(cls, session: Session) -> PhotoFetcher:
        return cls(lambda: session.url, lambda: session.token, session.tls_context)

    async def fetch(self, person_id: str, version: str) -> bytes | None:
        """The portrait's bytes, or None when there is none or it cannot be had (logged, not raised)."""
        if not version:
            return None
        cached = self._cache.get(person_id)
        if cached is not None and cached[0] == version:
            return cached[1]
        key = (person_id, version)
        pending = self._pending.get(key)
        if pending is not None:
            return await pending
        future: asyncio.Future[bytes | None] = asyncio.get_running_loop().create_future()
        self._pending[key] = future
        try:
            data = await asyncio.to_thread(self._get, person_id, cached)
            if data is not None:
                self._cache[person_id] = (version, data)
            future.set_result(data)
            return data
        except BaseException as exc:
            future.set_exception(exc)
            raise
        finally:
            del self._pending[key]
            if future.done() and not future.cancelled():
                future.exception()  # retrieved: a failed fetch nobody else awaited is not an error

    def _get(self, person_id: str, cached: tuple[str, bytes] | None) -> bytes | None:
        """Runs in a worker thread: one HTTP request."""
        token = self._token()
        url = photo_url(self._url(), person_id)
        if not token:
            return None
        request = urllib.request.Request(url, headers={"Authorization": f"Bearer {token}"})
        if cached is not None:
            request.add_header("If-None-Match", f'"{cached[0]}"')
        handlers: list[urllib.request.BaseHandler] = [_NoRedirect()]
        if url.startswith("https:"):
            handlers.append(urllib.request.HTTPSHandler(context=self._tls or system_tls_context()))
        opener = urllib.request.build_opener(*handlers)
        self.requests += 1
        try:
            with opener.open(request, timeout=TIMEOUT_S) as response:
                data: bytes = response.read(MAX_PHOTO_BYTES + 1)
        except urllib.error.HTTPError as exc:
            if exc.code == 304 and cached is not None:
                return cached[1]
            log.info("Foto von %s nicht geladen: HTTP %s", person_id, exc.code)
            return None
        except (urllib.error.URLError, OSError) as exc:
            log.info("Foto von %s nicht geladen: %s", person_id, exc)
            return None
        if len(data) > MAX_PHOTO_BYTES:
            log.warning("Foto von %s ist größer als %d KiB und wird nicht gezeigt", person_id, MAX_PHOTO_BYTES // 1024)
            return None
        return data


__all__ = ["MAX_PHOTO_BYTES", "PhotoFetcher", "photo_url"]
