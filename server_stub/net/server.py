"""The websocket endpoint: ``serve()`` with deliberate options, one reader loop per staff socket, the
welcome, per-person rate limits and the sweep for slow sockets.

A frame travels: ``websockets`` reads it (at most 64 KiB) -> the reader loop here validates it against
the client union (a bad frame is a value: an error frame, never an exception) and takes a token from the
sender's budget -> the router hands it to the one feature that declared it -> the answer goes back on the
same socket, and whatever the feature tells others goes out through the hub.
"""

from __future__ import annotations

import asyncio
import inspect
import json
import logging
import weakref
from collections.abc import Awaitable, Callable, Sequence
from http import HTTPStatus
from urllib.parse import urlsplit

from pydantic import ValidationError
from websockets.asyncio.server import Server, ServerConnection, serve
from websockets.exceptions import ConnectionClosed
from websockets.http11 import Request, Response

from dvz_desktop.core.tasks import TaskSet
from dvz_desktop.protocol import (
    CLIENT_MESSAGE_ADAPTER,
    MAX_FRAME_BYTES,
    PROTOCOL_VERSION,
    CloseCode,
    ErrorCode,
    Hello,
    Move,
    SessionInfo,
    SetStatus,
    StrictModel,
    Welcome,
)

from ..config import BackendConfig
from ..feature import Feature, RateLimit, error_frame
from ..router import Router
from .accept_guard import AcceptGuard
from .acting import Acting, SocketClock, acting
from .auth import Authenticated
from .client_address import client_address
from .frames import classify, command_id_of
from .handshake import Handshake, refuse
from .http_routes import WS_PATH, HttpRoute, SocketRoute, route
from .hub import Connection, Hub
from .limits import TokenBucket, message_bucket
from .login_guard import LoginGuard

log = logging.getLogger(__name__)
#: websockets logs every frame with its content at DEBUG; frames carry passwords and notes. Its logger
#: drops DEBUG records so that even a backend started with debug logging never writes them out.
WIRE_LOG = logging.getLogger("server_stub.wire")
WIRE_LOG.addFilter(lambda record: record.levelno > logging.DEBUG)


def _not_a_write_after_loss(record: logging.LogRecord) -> bool:
    """asyncio warns once per write to a socket whose loss it has seen but websockets not yet (the
    callback runs on the next loop turn): at a mass disconnect that is thousands of lines about frames
    nobody could receive any more. Nothing is lost by them: a client resumes by position on reconnect."""
    return record.getMessage() != "socket.send() raised exception."


logging.getLogger("asyncio").addFilter(_not_a_write_after_loss)

SLOW_SWEEP_INTERVAL_S = 0.25

#: Checks the credentials of a staff socket's upgrade request (identity/handshake.py): who it is, an
#: HTTP refusal (401, 403, 429 …) answered instead of the upgrade, or None when it carries none.
UpgradeAuthenticator = Callable[[Request, str], Awaitable["Authenticated | Response | None"]]


def _retry_later(connection: ServerConnection, status: HTTPStatus, seconds: int, text: str) -> Response:
    response = connection.respond(status, text)
    response.headers["Retry-After"] = str(seconds)
    return response


class SocketServer:
    def __init__(self, config: BackendConfig, hub: Hub, handshake: Handshake, login_guard: LoginGuard,
                 router: Router, features: Sequence[Feature], person_of: Callable[[str], tuple[str, str]],
                 resync: Callable[[Connection], None], pages: Sequence[HttpRoute] = (),
                 sockets: Sequence[SocketRoute] = (), upgrade_auth: UpgradeAuthenticator | None = None) -> None:
        self.config = config
        self.hub = hub
        self.handshake = handshake
        self.login_guard = login_guard
        self.accept_guard = AcceptGuard(config.trusted_proxies, config.accepts_per_second)
        self.router = router
        self.features = tuple(features)
        #: (organisation, unit) of a person.
        self._person_of = person_of
        self._resync = resync
        self._pages = tuple(pages)
        self._sockets = {s.path: s for s in sockets}
        self._upgrade_auth = upgrade_auth
        #: Who an upgrade request proved to be, until its socket's handler takes it.
        self._authenticated: weakref.WeakKeyDictionary[ServerConnection, Authenticated] = weakref.WeakKeyDictionary()
        #: Per rate budget (None: the common one), per person.
        self._buckets: dict[RateLimit | None, dict[str, TokenBucket]] = {}
        self._server: Server | None = None
        self._tasks = TaskSet()
        self._socket_clock = SocketClock()

    async def start(self, host: str, port: int) -> int:
        self._server = await serve(
            self._handler,
            host,
            port,
            process_request=self._process_request,
            origins=None,  # checked per path in http_routes.route (staff and guests differ)
            compression=None,  # no permessage-deflate (CRIME/BREACH-style leaks, CPU per client)
            max_size=MAX_FRAME_BYTES,  # larger frames are closed with 1009
            max_queue=16,
            server_header=None,  # no library or Python version in the Server header
            ping_interval=20,
            ping_timeout=20,
            open_timeout=10,
            close_timeout=5,  # a client that does not answer the closing handshake is dropped after 5 s
            logger=WIRE_LOG,
            ssl=self.config.tls,
            create_connection=self.accept_guard.connection_class(),  # drops connection floods at once
        )
        self._tasks.spawn(self._sweep_slow(), name="dvz-slow-sweep")
        sock = next(iter(self._server.sockets))
        return int(sock.getsockname()[1])

    async def stop(self) -> None:
        self._tasks.cancel()
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()
        await self._tasks.idle()

    async def _process_request(self, connection: ServerConnection, request: Request) -> Response | None:
        response = self._route(connection, request)
        if inspect.isawaitable(response):
            return await response
        if response is None and urlsplit(request.path).path == WS_PATH:
            return await self._authenticate_upgrade(connection, request)
        return response

    async def _authenticate_upgrade(self, connection: ServerConnection, request: Request) -> Response | None:
        """The session a staff socket's upgrade request proves, before anything of the socket is read."""
        if self._upgrade_auth is None:
            return None
        address = client_address(str(connection.remote_address[0]), request.headers.get("X-Forwarded-For"),
                                 self.config.trusted_proxies)
        outcome = await self._upgrade_auth(request, address)
        if isinstance(outcome, Response):
            return outcome
        if outcome is not None:
            self._authenticated[connection] = outcome
        # else: no credentials and none required (an older client logs in with its first frame)
        return None

    def _route(self, connection: ServerConnection, request: Request) -> Response | Awaitable[Response] | None:
        if urlsplit(request.path).path == WS_PATH:
            # Refused before the upgrade (no websocket, no frames, no closing handshake): a socket flood
            # costs the others as little as possible.
            address = client_address(str(connection.remote_address[0]), request.headers.get("X-Forwarded-For"),
                                     self.config.trusted_proxies)
            # Password guessing is answered at the hello (slowed down, delayed): colleagues behind the same
            # address who log in with their session token must not be sent away with the guesser.
            if self.login_guard.too_many_unauthenticated(address):
                return _retry_later(connection, HTTPStatus.SERVICE_UNAVAILABLE, 5, "Zu viele offene Anmeldungen\n")
        return route(connection, request, self.config.allowed_origins, self._pages, tuple(self._sockets.values()))

    def address_of(self, ws: ServerConnection) -> str:
        """The client's address for per-address limits (a trusted proxy's forwarded one)."""
        forwarded = ws.request.headers.get("X-Forwarded-For") if ws.request is not None else None
        return client_address(str(ws.remote_address[0]), forwarded, self.config.trusted_proxies)

    # --- one staff socket ---

    async def _handler(self, ws: ServerConnection) -> None:
        address = self.address_of(ws)
        other = self._sockets.get(urlsplit(ws.request.path).path) if ws.request is not None else None
        if other is not None:
            await other.serve(ws, address)
            return
        if not self.login_guard.open_unauthenticated(address):
            log.info("too many sockets without login from one address; refused")
            await refuse(ws, ErrorCode.LOGIN_BUSY, None, CloseCode.TRY_AGAIN_LATER)
            return
        try:
            greeted = await self.handshake.run(ws, address, self._authenticated.pop(ws, None))
        finally:
            self.login_guard.close_unauthenticated(address)
        if greeted is None:
            return
        conn = self._welcome(ws, *greeted)
        try:
            async for raw in ws:
                if conn.closing:
                    # Keep reading (and discarding) until the client's close frame arrives: frames
                    # left unread would stall the closing handshake behind them.
                    continue
                await self._handle_frame(conn, raw)
        except ConnectionClosed:
            pass
        finally:
            self.hub.remove(conn)
            for feature in self.features:
                feature.forget(conn)

    def _welcome(self, ws: ServerConnection, hello: Hello, who: Authenticated) -> Connection:
        org_id, unit = self._person_of(who.username)
        conn = Connection(ws=ws, username=who.username, org_id=org_id, token_hash=who.token_hash, unit=unit,
                          opened=self._socket_clock.next())
        fields: dict[str, object] = {}
        serialised: dict[str, str] = {}
        after: list[str] = []
        token = acting.set(Acting(conn.username, conn.client_id, conn.opened))  # coming online is this socket's
        try:
            for feature in self.features:  # presence first: coming online is part of its welcome
                part = feature.welcome(conn)
                fields.update(part.fields)
                serialised.update(part.serialised)
                after.extend(part.after)
        finally:
            acting.reset(token)
        # Checked against the model as a whole (its parts are models already: cheap); what a feature
        # serialised once for many sockets (an organisation's layout) is written in as it is.
        welcome = Welcome.model_validate({
            "reply_to": hello.id, "protocol_version": PROTOCOL_VERSION, "me": who.username,
            "session": SessionInfo(token=who.new_token, expires_at=who.expires_at), **fields,
        }).model_dump_json(exclude=set(serialised))
        if serialised:
            welcome = welcome[:-1] + "".join(f",{json.dumps(k)}:{v}" for k, v in serialised.items()) + "}"
        # Joining the hub and writing the welcome happen without an await in between, so no presence
        # event can slip between the snapshot and the live stream.
        self.hub.add(conn)
        self.hub.broadcast([conn], welcome)
        for frame in after:
            self.hub.broadcast([conn], frame)
        # The handshake's HTTP headers are not needed any more; kept, they are a fifth of an idle
        # socket's memory.
        for message in (ws.request, ws.response):
            if message is not None:
                message.headers.clear()
        log.info("user=%s connected (%d sockets open)", who.username, self.hub.count())
        return conn

    async def _handle_frame(self, conn: Connection, raw: str | bytes) -> None:
        if isinstance(raw, bytes):
            log.info("user=%s sent a binary frame (%d bytes); closing", conn.username, len(raw))
            self.hub.close(conn, CloseCode.UNSUPPORTED_DATA, "binary frames not supported")
            return
        try:
            msg: StrictModel = CLIENT_MESSAGE_ADAPTER.validate_json(raw)
        except ValidationError as exc:
            if not self._bucket(conn.username, None).take():
                await self._over_limit(conn, command_id_of(raw))
                return
            code = classify(exc)
            # Never log the frame itself: it may hold a message body or a password.
            log.info("user=%s sent an invalid frame (%s, %d bytes)", conn.username, code.value, len(raw))
            await self._reply(conn, error_frame(code, command_id_of(raw)))
            if not conn.bad_frames.take():
                self.hub.close(conn, CloseCode.POLICY_VIOLATION, "too many invalid frames")
            return
        if not self._bucket(conn.username, self.router.feature_for(msg).rate_limit).take():
            await self._over_limit(conn, getattr(msg, "id", None))
            return
        if isinstance(msg, Move | SetStatus) and self.hub.superseded(conn):
            # The client reconnected on a newer socket and gave this one up; a move or status it still
            # brings is late and must not undo what the client did since (net/acting.py). Other commands
            # are carried out: chat messages are idempotent, and their order needs the ones already sent.
            log.info("user=%s: a command on a socket superseded by a newer one of the same login; refused",
                     conn.username)
            await self._reply(conn, error_frame(ErrorCode.SUPERSEDED, getattr(msg, "id", None)))
            return
        token = acting.set(Acting(conn.username, conn.client_id, conn.opened))
        try:
            answer = self.router.dispatch(conn, msg)
        finally:
            acting.reset(token)
        if answer is not None:
            await self._reply(conn, answer)

    async def _over_limit(self, conn: Connection, command_id: str | None) -> None:
        """``rate_limited`` for a command over the limit; a socket that keeps sending far past it (more
        refusals than ``limits.EXCESS_BURST``, refilled slowly) gets one more error and is closed, 1008."""
        await self._reply(conn, error_frame(ErrorCode.RATE_LIMITED, command_id))
        if not conn.excess.take():
            log.info("user=%s kept sending past the rate limit; closing", conn.username)
            self.hub.close(conn, CloseCode.POLICY_VIOLATION, "rate limit exceeded")

    def _bucket(self, username: str, limit: RateLimit | None) -> TokenBucket:
        buckets = self._buckets.setdefault(limit, {})
        bucket = buckets.get(username)
        if bucket is None:
            if limit is None:
                bucket = message_bucket(self.config.rate_per_minute, self.config.rate_burst)
            else:
                bucket = message_bucket(limit.per_minute, limit.burst)
            buckets[username] = bucket
        return bucket

    async def _reply(self, conn: Connection, payload: str) -> None:
        try:
            await conn.ws.send(payload)
        except ConnectionClosed:
            pass

    async def _sweep_slow(self) -> None:
        # A socket may overshoot the limit by what arrives in one interval: bounded, and no per-send check.
        while True:
            await asyncio.sleep(SLOW_SWEEP_INTERVAL_S)
            self.hub.sweep_slow(self._resync)
