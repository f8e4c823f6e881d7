"""The websocket endpoint: handshake, authentication, one reader loop per socket, housekeeping."""

from __future__ import annotations

import asyncio
import logging
import ssl
from collections.abc import Iterable
from http import HTTPStatus
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

from pydantic import ValidationError
from websockets.asyncio.server import Server, ServerConnection, serve
from websockets.exceptions import ConnectionClosed
from websockets.http11 import Request, Response

from dvz_desktop.core.clock import Clock, SystemClock
from dvz_desktop.protocol import (
    CLIENT_MESSAGE_ADAPTER,
    MAX_FRAME_BYTES,
    PROTOCOL_VERSION,
    Ack,
    CallAnswer,
    CallJoin,
    CallLeave,
    CallMedia,
    CallSignal,
    ChatDelete,
    ChatEdit,
    ChatOpen,
    ChatRead,
    ChatSearch,
    ChatSend,
    ChatSync,
    ChatTyping,
    CloseCode,
    ErrorCode,
    Hello,
    IceServer,
    LauncherInfo,
    Logout,
    PlaceholderInfo,
    Presence,
    PresenceChanged,
    SessionEnded,
    SessionInfo,
    SetStatus,
    Status,
    Welcome,
    error_texts,
)

from .behaviour import BEHAVIOUR_MESSAGES, OfficeBehaviour
from .behaviour_context import Refused, error_frame
from .behaviour_store import BehaviourStore
from .calls import CallManager
from .chat import ChatService
from .chat_store import ChatStore
from .auth import Authenticated, AuthError, Authenticator, hash_password
from .directory import Directory
from .frames import classify, command_id_of
from .accept_guard import ACCEPTS_PER_SECOND, AcceptGuard
from .client_address import Network, client_address
from .hub import Connection, Hub
from .login_guard import MAX_UNAUTHENTICATED_PER_ADDRESS, LoginGuard
from .limits import MAX_SOCKETS_PER_USER, TokenBucket, message_bucket
from .orgfile import OrgFile, to_protocol
from .photos import PhotoBook, route_for
from .presence import PresenceBoard
from .store import Store
from .door import DOOR_MESSAGES, DoorService, desks_from
from .door_store import DoorStore
from .guest_socket import GuestSockets
from .http_routes import GUEST_PATH, MEETING_GUEST_PATH, WS_PATH, route
from .whiteboard import WB_MESSAGES, WhiteboardService
from .meetings.feature import MEETING_MESSAGES, MeetingService, SfuConfig, large_rooms_of
from .whiteboard_store import WhiteboardStore

log = logging.getLogger(__name__)
#: websockets logs every frame with its content at DEBUG; frames carry passwords and notes. Its logger
#: drops DEBUG records so that even a backend started with debug logging never writes them out.
WIRE_LOG = logging.getLogger("server_stub.wire")
WIRE_LOG.addFilter(lambda record: record.levelno > logging.DEBUG)

HELLO_TIMEOUT_S = 10.0
SESSION_CHECK_INTERVAL_S = 5.0
SLOW_SWEEP_INTERVAL_S = 0.25
CALL_MESSAGES = (CallJoin, CallAnswer, CallLeave, CallSignal, CallMedia)
CHAT_MESSAGES = (ChatSend, ChatEdit, ChatDelete, ChatSync, ChatOpen, ChatRead, ChatTyping, ChatSearch)


def _retry_later(connection: ServerConnection, status: HTTPStatus, seconds: int, text: str) -> Response:
    response = connection.respond(status, text)
    response.headers["Retry-After"] = str(seconds)
    return response


@dataclass
class BackendConfig:
    data_dir: Path
    token_ttl: timedelta = timedelta(days=14)
    #: Browser origins allowed to open a socket; the native client sends no Origin header.
    allowed_origins: tuple[str, ...] = ()
    #: TLS for the socket (wss://); outside loopback a reverse proxy or this must provide it.
    tls: ssl.SSLContext | None = None
    extra_seed: dict[str, str] = field(default_factory=dict)
    #: Commands per minute and burst per person (chat included).
    rate_per_minute: float = 120
    rate_burst: float = 40
    #: Chat retention in days per room kind (and "direct"); defaults in server_stub/chat.py.
    chat_retention_days: dict[str, int] = field(default_factory=dict)
    #: STUN/TURN servers the clients use for calls (e.g. the organisation's coturn); empty: none at all.
    ice_servers: tuple[IceServer, ...] = ()
    #: Whiteboard operations per minute and burst per person, counted apart from everything else: a
    #: person sketching sends a stroke every second or so.
    whiteboard_rate_per_minute: float = 600
    whiteboard_burst: float = 150
    #: Hours guest data (name, concern, chat) is kept after a visit of the digital door.
    guest_retention_hours: int = 24
    #: New connections per second from one direct peer address before they are dropped (0: no limit).
    accepts_per_second: float = ACCEPTS_PER_SECOND
    #: Sockets of one address that have not logged in yet.
    max_unauthenticated_per_address: int = MAX_UNAUTHENTICATED_PER_ADDRESS
    #: Seconds a refused password login (slowed down or locked) waits before its answer, at most.
    login_tarpit_s: float = 3.0
    #: Reverse proxies whose X-Forwarded-For is believed for per-address limits (client_address.py).
    trusted_proxies: tuple[Network, ...] = ()
    #: The media server (Janus) for meetings beyond four people; None: calls stay at four, peer to peer.
    sfu: SfuConfig | None = None
    #: Meeting signalling per minute and burst per person, counted apart: joining a meeting of 50 means a
    #: subscription and an answer per member.
    meeting_rate_per_minute: float = 600
    meeting_burst: float = 250


class Backend:
    def __init__(self, org_file: OrgFile, config: BackendConfig, clock: Clock | None = None) -> None:
        self.clock = clock or SystemClock()
        self.config = config
        self.photos = PhotoBook.from_org_file(org_file)
        organisations, people = to_protocol(org_file)
        people = self.photos.annotate(people)
        visibility = {o.id: o.presence_visibility for o in org_file.organisations}
        self.directory = Directory.build(organisations, people, visibility)
        self.store = Store(config.data_dir / "dvz.sqlite3")
        self._import_accounts(org_file)
        self.auth = Authenticator(self.store, self.clock, config.token_ttl)
        self.login_guard = LoginGuard(self.store.db, self.clock, config.max_unauthenticated_per_address)
        self.accept_guard = AcceptGuard(config.trusted_proxies, config.accepts_per_second)
        self.hub = Hub(self.directory)
        self.presence = PresenceBoard(self.directory, self.store, self.clock, self._publish_presence)
        self.behaviour = OfficeBehaviour(self.directory, self.presence, self.hub, BehaviourStore(self.store.db),
                                         self.clock)
        self.chat = ChatService(self.directory, self.hub, ChatStore(self.store.db), self.clock,
                                config.chat_retention_days)
        self._chat_writer: asyncio.Task[None] | None = None
        self.calls = CallManager(self.directory, self.presence, self.hub, config.ice_servers)
        self.meetings = MeetingService(self.calls, self.hub, self.directory, self.clock, config.sfu,
                                       large_rooms_of(org_file), config.ice_servers)
        self.whiteboards = WhiteboardService(self.directory, self.presence, self.hub,
                                             WhiteboardStore(self.store.db), self.clock)
        self.door = DoorService(self.behaviour.ctx, DoorStore(self.store.db), desks_from(org_file.desks),
                                config.ice_servers, timedelta(hours=config.guest_retention_hours))
        self.guest_sockets = GuestSockets(self.door)
        self.launchers = org_file.launchers
        self._buckets: dict[str, TokenBucket] = {}
        self._board_buckets: dict[str, TokenBucket] = {}
        self._meeting_buckets: dict[str, TokenBucket] = {}
        self._server: Server | None = None
        self._housekeeping: asyncio.Task[None] | None = None
        self._behaviour_ticks: asyncio.Task[None] | None = None
        self._slow_sweep: asyncio.Task[None] | None = None

    def _publish_presence(self, presence: Presence) -> None:
        self.hub.publish_presence(presence)
        self.behaviour.on_presence(presence)
        if hasattr(self, "calls"):
            self.calls.on_presence(presence)
        if hasattr(self, "whiteboards"):
            self.whiteboards.on_presence(presence)
        if hasattr(self, "chat"):
            self.chat.on_presence(presence)

    def _import_accounts(self, org_file: OrgFile) -> None:
        hashes: dict[str, str] = {}  # hash each distinct initial password once (argon2 is slow on purpose)
        for staff in org_file.staff:
            if self.store.has_account(staff.username):
                continue
            digest = None
            if staff.initial_password:
                digest = hashes.get(staff.initial_password) or hash_password(staff.initial_password)
                hashes[staff.initial_password] = digest
            self.store.ensure_account(staff.username, digest)

    # --- serving ---

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
        await self.meetings.start()
        self._housekeeping = asyncio.create_task(self._housekeep(), name="dvz-housekeeping")
        self._behaviour_ticks = asyncio.create_task(self.behaviour.run(), name="dvz-behaviour")
        self._slow_sweep = asyncio.create_task(self._sweep_slow(), name="dvz-slow-sweep")
        self._chat_writer = asyncio.create_task(self.chat.run(), name="dvz-chat-writer")
        sock = next(iter(self._server.sockets))
        return int(sock.getsockname()[1])

    async def stop(self) -> None:
        for task in (self._housekeeping, self._behaviour_ticks, self._slow_sweep, self._chat_writer):
            if task:
                task.cancel()
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()
        await self.meetings.stop()
        self.whiteboards.flush()
        self.store.close()

    def _process_request(self, connection: ServerConnection, request: Request) -> Response | None:
        if urlsplit(request.path).path == WS_PATH:
            # Refused before the upgrade (no websocket, no frames, no closing handshake): a socket flood
            # costs the others as little as possible.
            address = client_address(str(connection.remote_address[0]), request.headers.get("X-Forwarded-For"),
                                     self.config.trusted_proxies)
            # Password guessing is answered at the hello (slowed down, delayed): colleagues behind the same
            # address who log in with their session token must not be sent away with the guesser.
            if self.login_guard.too_many_unauthenticated(address):
                return _retry_later(connection, HTTPStatus.SERVICE_UNAVAILABLE, 5, "Zu viele offene Anmeldungen\n")
        return route(connection, request, self.door, self.config.allowed_origins, self.config.guest_retention_hours,
                     photos=route_for(self.photos, self._username_of_token, self.directory.can_see_person),
                     meetings=self.meetings.guests)

    def _username_of_token(self, token: str) -> str | None:
        """Whose session a token is (for plain HTTP requests such as portraits); None if not valid."""
        try:
            return self.auth.login_token(token).username
        except AuthError:
            return None

    # --- one socket ---

    def address_of(self, ws: ServerConnection) -> str:
        """The client's address for per-address limits (a trusted proxy's forwarded one)."""
        forwarded = ws.request.headers.get("X-Forwarded-For") if ws.request is not None else None
        return client_address(str(ws.remote_address[0]), forwarded, self.config.trusted_proxies)

    async def _handler(self, ws: ServerConnection) -> None:
        address = self.address_of(ws)
        if ws.request is not None and urlsplit(ws.request.path).path == GUEST_PATH:
            await self.guest_sockets.serve(ws, address)
            return
        if ws.request is not None and urlsplit(ws.request.path).path == MEETING_GUEST_PATH:
            await self.meetings.guest_sockets.serve(ws, address)
            return
        if not self.login_guard.open_unauthenticated(address):
            log.info("too many sockets without login from one address; refused")
            await self._refuse(ws, ErrorCode.LOGIN_BUSY, None, CloseCode.TRY_AGAIN_LATER)
            return
        try:
            conn = await self._handshake(ws, address)
        finally:
            self.login_guard.close_unauthenticated(address)
        if conn is None:
            return
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
            self.whiteboards.forget(conn)
            if self.hub.remove(conn):
                self.presence.go_offline(conn.username)

    async def _handshake(self, ws: ServerConnection, address: str) -> Connection | None:
        try:
            raw = await asyncio.wait_for(ws.recv(), HELLO_TIMEOUT_S)
        except TimeoutError:
            await self._refuse(ws, ErrorCode.HELLO_REQUIRED, None, CloseCode.POLICY_VIOLATION)
            return None
        except ConnectionClosed:
            return None
        if isinstance(raw, bytes):
            await ws.close(CloseCode.UNSUPPORTED_DATA, "binary frames not supported")
            return None
        try:
            hello = CLIENT_MESSAGE_ADAPTER.validate_json(raw)
        except ValidationError as exc:
            code = classify(exc)
            log.info("invalid first frame (%s, %d bytes); closing", code.value, len(raw))  # never its content
            await self._refuse(ws, code, command_id_of(raw), CloseCode.POLICY_VIOLATION)
            return None
        if not isinstance(hello, Hello):
            await self._refuse(ws, ErrorCode.HELLO_REQUIRED, hello.id, CloseCode.POLICY_VIOLATION)
            return None
        if hello.protocol_version != PROTOCOL_VERSION:
            await self._refuse(
                ws, ErrorCode.PROTOCOL_VERSION, hello.id, CloseCode.PROTOCOL_VERSION,
                server_protocol_version=PROTOCOL_VERSION,
            )
            return None
        try:
            if hello.auth.method == "password":
                who = await self._check_password(ws, hello, address)
                if who is None:
                    return None
            else:
                who = self.auth.login_token(hello.auth.token)
        except AuthError as exc:
            log.info("login refused (%s)", exc.code.value)
            await self._refuse(ws, exc.code, hello.id, CloseCode.AUTH_FAILED)
            return None
        if who.username not in self.directory.people:
            await self._refuse(ws, ErrorCode.AUTH_FAILED, hello.id, CloseCode.AUTH_FAILED)
            return None
        if len(self.hub.connections_of(who.username)) >= MAX_SOCKETS_PER_USER:
            await self._refuse(ws, ErrorCode.TOO_MANY_CONNECTIONS, hello.id, CloseCode.POLICY_VIOLATION)
            return None
        return self._welcome(ws, hello, who)

    async def _check_password(self, ws: ServerConnection, hello: Hello, address: str) -> Authenticated | None:
        """A password login through the login guard (login_guard.py); None when it was refused."""
        assert hello.auth.method == "password"
        outcome = await self.login_guard.password_login(self.auth, hello.auth.username, hello.auth.password,
                                                        address, self.config.login_tarpit_s)
        if isinstance(outcome, Authenticated):
            return outcome
        await self._refuse(ws, outcome.code, hello.id, outcome.close_code,
                           **({"retry_after": outcome.retry_after} if outcome.retry_after else {}))
        return None

    def _welcome(self, ws: ServerConnection, hello: Hello, who: Authenticated) -> Connection:
        org_id = self.directory.org_of(who.username)
        conn = Connection(ws=ws, username=who.username, org_id=org_id, token_hash=who.token_hash,
                          unit=self.directory.unit_of(who.username))
        self.presence.come_online(who.username)  # tells the others; this socket gets the snapshot
        welcome = Welcome(
            reply_to=hello.id,
            protocol_version=PROTOCOL_VERSION,
            me=who.username,
            session=SessionInfo(token=who.new_token, expires_at=who.expires_at),
            office=self.directory.layout_for(org_id),
            presence=self.presence.snapshot_for(who.username),
            **self.behaviour.welcome_extras(who.username),
            conversations=self.chat.conversations_of(who.username),
            calls=self.calls.calls_for(who.username),
            launchers=self._launchers_for(org_id),
        ).model_dump_json()
        # Joining the hub and writing the welcome happen without an await in between, so no presence
        # event can slip between the snapshot and the live stream.
        self.hub.add(conn)
        self.hub.broadcast([conn], welcome)
        self.door.welcome(conn)
        # The handshake's HTTP headers are not needed any more; kept, they are a fifth of an idle
        # socket's memory.
        for message in (ws.request, ws.response):
            if message is not None:
                message.headers.clear()
        log.info("user=%s connected (%d sockets open)", who.username, self.hub.count())
        return conn

    async def _refuse(
        self, ws: ServerConnection, code: ErrorCode, reply_to: str | None, close_code: int, **extra: int
    ) -> None:
        try:
            await ws.send(error_frame(code, reply_to, **extra))
            await ws.close(close_code, code.value)
        except ConnectionClosed:
            pass

    async def _handle_frame(self, conn: Connection, raw: str | bytes) -> None:
        if isinstance(raw, bytes):
            log.info("user=%s sent a binary frame (%d bytes); closing", conn.username, len(raw))
            self.hub.close(conn, CloseCode.UNSUPPORTED_DATA, "binary frames not supported")
            return
        try:
            msg = CLIENT_MESSAGE_ADAPTER.validate_json(raw)
        except ValidationError as exc:
            if not self._bucket(conn.username, board=False).take():
                await self._over_limit(conn, command_id_of(raw))
                return
            code = classify(exc)
            # Never log the frame itself: it may hold a message body or a password.
            log.info("user=%s sent an invalid frame (%s, %d bytes)", conn.username, code.value, len(raw))
            await self._reply(conn, error_frame(code, command_id_of(raw)))
            if not conn.bad_frames.take():
                self.hub.close(conn, CloseCode.POLICY_VIOLATION, "too many invalid frames")
            return
        if not self._bucket(conn.username, board=isinstance(msg, WB_MESSAGES),
                            meeting=isinstance(msg, MEETING_MESSAGES)).take():
            await self._over_limit(conn, msg.id)
            return
        try:
            answer = self._dispatch(conn, msg)
        except Exception:
            log.exception("internal error handling %s for user=%s", type(msg).__name__, conn.username)
            answer = error_frame(ErrorCode.INTERNAL, msg.id)
        if answer is not None:
            await self._reply(conn, answer)

    async def _over_limit(self, conn: Connection, command_id: str | None) -> None:
        """``rate_limited`` for a command over the limit; a socket that keeps sending far past it (more
        refusals than ``limits.EXCESS_BURST``, refilled slowly) gets one more error and is closed, 1008."""
        await self._reply(conn, error_frame(ErrorCode.RATE_LIMITED, command_id))
        if not conn.excess.take():
            log.info("user=%s kept sending past the rate limit; closing", conn.username)
            self.hub.close(conn, CloseCode.POLICY_VIOLATION, "rate limit exceeded")

    def _bucket(self, username: str, board: bool, meeting: bool = False) -> TokenBucket:
        buckets = self._meeting_buckets if meeting else self._board_buckets if board else self._buckets
        bucket = buckets.get(username)
        if bucket is None:
            if meeting:
                bucket = message_bucket(self.config.meeting_rate_per_minute, self.config.meeting_burst)
            elif board:
                bucket = message_bucket(self.config.whiteboard_rate_per_minute, self.config.whiteboard_burst)
            else:
                bucket = message_bucket(self.config.rate_per_minute, self.config.rate_burst)
            buckets[username] = bucket
        return bucket

    def _dispatch(self, conn: Connection, msg: object) -> str | None:
        if isinstance(msg, SetStatus):
            if msg.status is Status.OFFLINE:
                return error_frame(ErrorCode.INVALID_MESSAGE, msg.id)
            self.presence.set_status(conn.username, msg.status, msg.note, msg.appear_offline)
            return Ack(reply_to=msg.id).model_dump_json()
        if isinstance(msg, CALL_MESSAGES):
            try:
                return self.calls.handle(conn, msg)
            except Refused as exc:
                return error_frame(exc.code, msg.id)
        if isinstance(msg, MEETING_MESSAGES):
            try:
                return self.meetings.handle(conn, msg)
            except Refused as exc:
                return error_frame(exc.code, msg.id)
        if isinstance(msg, CHAT_MESSAGES):
            try:
                return self._chat_command(conn, msg)
            except Refused as exc:
                return error_frame(exc.code, msg.id)
        for kinds, service in ((WB_MESSAGES, self.whiteboards), (DOOR_MESSAGES, self.door)):
            if isinstance(msg, kinds):
                try:
                    return service.handle(conn, msg)  # type: ignore[attr-defined]
                except Refused as exc:
                    return error_frame(exc.code, msg.id)  # type: ignore[attr-defined]
        if isinstance(msg, BEHAVIOUR_MESSAGES):
            try:
                return self.behaviour.handle(conn.username, msg)
            except Refused as exc:
                return error_frame(exc.code, msg.id)
        if isinstance(msg, Logout):
            self.auth.revoke(conn.token_hash)
            self.end_session(conn.token_hash, ErrorCode.TOKEN_REVOKED, skip=conn)
            self.hub.broadcast([conn], Ack(reply_to=msg.id).model_dump_json())
            self.hub.close(conn, CloseCode.SESSION_ENDED, "logout")
            return None
        if isinstance(msg, Hello):
            return error_frame(ErrorCode.INVALID_MESSAGE, msg.id)
        raise TypeError(type(msg).__name__)

    def _chat_command(self, conn: Connection, msg: object) -> str | None:
        chat = self.chat
        if isinstance(msg, (ChatSend, ChatEdit, ChatDelete)):
            return chat.submit(conn, msg)  # None: the ack comes when the batch is committed
        if isinstance(msg, ChatSync):
            return chat.sync(conn, msg)
        if isinstance(msg, ChatOpen):
            return chat.open(conn, msg)
        if isinstance(msg, ChatRead):
            return chat.read(conn, msg)
        if isinstance(msg, ChatTyping):
            return chat.typing(conn, msg)
        assert isinstance(msg, ChatSearch)
        return chat.search(conn, msg)

    async def _reply(self, conn: Connection, payload: str) -> None:
        try:
            await conn.ws.send(payload)
        except ConnectionClosed:
            pass

    # --- sessions ending ---

    def end_session(self, token_hash: str, reason: ErrorCode, skip: Connection | None = None) -> None:
        de, en = error_texts(reason)
        ended = SessionEnded(code=reason.value, message_de=de, message_en=en).model_dump_json()
        for conn in self._connections_of_session(token_hash):
            if conn is skip:
                continue
            self.hub.broadcast([conn], ended)
            self.hub.close(conn, CloseCode.SESSION_ENDED, reason.value)

    def _connections_of_session(self, token_hash: str) -> Iterable[Connection]:
        return [c for c in self.hub.all_connections() if c.token_hash == token_hash]

    async def check_sessions(self) -> None:
        """Close sockets whose session was revoked (also by another process) or has expired."""
        for digest in {c.token_hash for c in self.hub.all_connections() if not c.closing}:
            reason = self.auth.still_valid(digest)
            if reason is not None:
                self.end_session(digest, reason)

    async def _sweep_slow(self) -> None:
        # A socket may overshoot the limit by what arrives in one interval: bounded, and no per-send check.
        while True:
            await asyncio.sleep(SLOW_SWEEP_INTERVAL_S)
            self.hub.sweep_slow(self._resync_presence)

    def _launchers_for(self, org_id: str) -> tuple[LauncherInfo, ...]:
        return tuple(
            LauncherInfo(entry_id=spec.id, name=spec.name, kind=spec.kind, target=spec.target, args=tuple(spec.args),
                         placeholders=tuple(PlaceholderInfo(**p.model_dump()) for p in spec.placeholders),
                         scheme=spec.scheme)
            for spec in self.launchers if not spec.orgs or org_id in spec.orgs
        )

    def _resync_presence(self, conn: Connection) -> None:
        """A socket that fell behind missed presence updates: send it the current picture."""
        snapshot = PresenceChanged(updates=self.presence.snapshot_for(conn.username)).model_dump_json()
        self.hub.broadcast([conn], snapshot)

    async def _housekeep(self) -> None:
        while True:
            await asyncio.sleep(SESSION_CHECK_INTERVAL_S)
            try:
                await self.check_sessions()
                self.presence.roll_over_day()
                self.store.purge_sessions(self.clock.now())
                self.behaviour.housekeep()
                self.chat.purge()
                self.whiteboards.purge()
                self.door.drop_gone()
                self.door.purge()
                self.login_guard.purge()
                self.meetings.guests.purge()
            except Exception:
                log.exception("housekeeping failed")
