"""The websocket session: login, one reader and one writer task, commands with acks, reconnects.

After the first successful login the session reconnects on its own, with exponential backoff and jitter,
using its session token, and puts the user back into the status and room they had chosen.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import logging
import random
import ssl
from dataclasses import dataclass
from enum import Enum
from typing import Any

from pydantic import ValidationError
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import (
    ConnectionClosed,
    InvalidHandshake,
    InvalidStatus,
    InvalidURI,
)

from dvz_desktop import __version__
from dvz_desktop.core.events import Event
from dvz_desktop.core.transport import clear_text_refusal
from dvz_desktop.protocol import (
    PROTOCOL_VERSION,
    SERVER_MESSAGE_ADAPTER,
    Ack,
    ChatSearchResult,
    ClientMessage,
    Error,
    ErrorCode,
    Hello,
    Logout,
    Move,
    PasswordAuth,
    Presence,
    PresenceChanged,
    ServerMessage,
    SessionEnded,
    SetStatus,
    Status,
    TokenAuth,
    Welcome,
    error_texts,
)

from .session_auth import authorization_header, refusal_of

log = logging.getLogger(__name__)
#: websockets logs frames with their content at DEBUG (passwords, tokens, notes): dropped.
WIRE_LOG = logging.getLogger("dvz_desktop.wire")
WIRE_LOG.addFilter(lambda record: record.levelno > logging.DEBUG)

#: The server may send large snapshots (a whole administration's layout); control frames stay small.
MAX_INBOUND_BYTES = 16 * 1024 * 1024
COMMAND_TIMEOUT_S = 15.0
UNREACHABLE = "unreachable"
NOT_A_DVZ_SERVER = "not_a_dvz_server"
UNTRUSTED_CERTIFICATE = "untrusted_certificate"
INSECURE_TRANSPORT = "insecure_transport"
#: Refusals a reconnect waits out (with backoff) instead of ending the session.
TRANSIENT = (UNREACHABLE, NOT_A_DVZ_SERVER, ErrorCode.LOGIN_BUSY.value, ErrorCode.LOGIN_THROTTLED.value)


def system_tls_context() -> ssl.SSLContext:
    """TLS verified against the operating system's trust store (Windows certificate store, macOS
    Keychain, the distribution's CA bundle), so a CA that IT installed is accepted. Verification is
    never switched off; proxies come from the system settings as the OS applies them."""
    import truststore  # first use only: a wss:// connection

    return truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)


def _with_wait(message: str, seconds: int) -> str:
    """A refusal's text with how long to wait, when the server said so."""
    if seconds <= 0:
        return message
    return f"{message} (noch {seconds} {'Sekunde' if seconds == 1 else 'Sekunden'})"


class SessionState(str, Enum):
    CONNECTING = "connecting"
    CONNECTED = "connected"
    RECONNECTING = "reconnecting"
    ENDED = "ended"


@dataclass(frozen=True)
class Credentials:
    username: str
    password: str | None = None
    token: str | None = None

    def auth(self) -> PasswordAuth | TokenAuth:
        if self.token:
            return TokenAuth(token=self.token)
        if self.password:
            return PasswordAuth(username=self.username, password=self.password)
        raise ValueError("Credentials need a password or a token")

    def __repr__(self) -> str:  # never show secrets in logs or tracebacks
        return f"Credentials(username={self.username!r})"



class SessionError(Exception):
    """A login or command failed; ``message`` is German and meant for the user."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message

    @classmethod
    def from_error(cls, error: Error) -> SessionError:
        return cls(error.code, error.message_de)


class NotConnected(SessionError):
    def __init__(self) -> None:
        super().__init__("offline", "Verbindung unterbrochen – die Änderung wird nachgeholt.")


@dataclass(frozen=True)
class StateChange:
    state: SessionState
    #: German explanation for the user, e.g. why the session ended.
    message: str = ""


class Session:
    #: Set once at start by ``--allow-insecure-transport`` (a developer switch, never a policy).
    allow_insecure_transport = False

    def __init__(
        self,
        url: str,
        credentials: Credentials,
        *,
        ssl_context: ssl.SSLContext | None = None,
        reconnect_min_s: float = 1.0,
        reconnect_max_s: float = 60.0,
        allow_insecure_transport: bool | None = None,
    ) -> None:
        self.url = url
        #: ws:// to another machine only with the developer switch (core/transport.py).
        self._allow_insecure = (Session.allow_insecure_transport if allow_insecure_transport is None
                                else allow_insecure_transport)
        self._credentials = credentials
        self._ssl = ssl_context
        self._reconnect_min = reconnect_min_s
        self._reconnect_max = reconnect_max_s
        self._ids = itertools.count(1)
        self._ws: ClientConnection | None = None
        self._outbox: asyncio.Queue[str] = asyncio.Queue()
        self._pending: dict[str, asyncio.Future[Any]] = {}
        self._runner: asyncio.Task[None] | None = None
        self._restoring: asyncio.Task[None] | None = None
        self.state = SessionState.CONNECTING
        self.me: str | None = None
        #: The latest welcome (layout and presence snapshot of the current connection).
        self.welcome: Welcome | None = None
        self.token: str | None = credentials.token
        # What the user chose; re-applied after a reconnect.
        self._wanted_status: tuple[Status, str, bool] | None = None
        self._wanted_room: str | None = None
        self._moves_in_flight = 0
        # Events for the UI and tests.
        self.welcomed: Event[Welcome] = Event()
        self.presence_changed: Event[tuple[Presence, ...]] = Event()
        self.state_changed: Event[StateChange] = Event()
        self.token_issued: Event[str] = Event()
        #: Every other server message (doors, knocks, invitations, questions, absences, inbox).
        self.message_received: Event[ServerMessage] = Event()
        #: While held (see :meth:`hold_messages`), what arrived for presence_changed and message_received.
        self._held: list[ServerMessage] | None = None

    @property
    def tls_context(self) -> ssl.SSLContext | None:
        """The TLS context given for this session (an organisation's own CA); None: the system's trust store."""
        return self._ssl

    # --- lifecycle ---

    def hold_messages(self) -> None:
        """Keep what arrives after the welcome until :meth:`release_messages`. The program logs in before it
        builds the desktop and may wait meanwhile (a credential vault, a dialog): the features mounted then
        must not miss their first frames (the door's queues right after the welcome, an invitation) nor the
        presence changes since the welcome's snapshot. Replies to commands are not held."""
        if self._held is None:
            self._held = []

    def release_messages(self) -> None:
        """Hand on what was held, in the order it arrived; from now on messages go out as they come."""
        held, self._held = self._held, None
        for msg in held or ():
            self._dispatch(msg)

    async def start(self) -> Welcome:
        """Log in once; raises :class:`SessionError` with a German message if that fails."""
        welcome = await self._connect_once()
        self._runner = asyncio.get_running_loop().create_task(self._run(), name="dvz-session")
        return welcome

    async def stop(self) -> None:
        if self._restoring is not None:
            self._restoring.cancel()
        if self._runner is not None:
            self._runner.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._runner
            self._runner = None
        if self._ws is not None:
            await self._ws.close()
        self._fail_pending(NotConnected())

    async def _connect_once(self) -> Welcome:
        refusal = clear_text_refusal(self.url)
        if refusal is not None and not (self._allow_insecure and self.url.startswith("ws://")):
            raise SessionError(INSECURE_TRANSPORT, refusal)
        self._set_state(SessionState.CONNECTING if self.me is None else SessionState.RECONNECTING)
        auth = TokenAuth(token=self.token) if self.token else self._credentials.auth()
        try:
            tls = (self._ssl or system_tls_context()) if self.url.startswith("wss:") else None
            ws = await connect(
                self.url,
                additional_headers={"Authorization": authorization_header(auth)},
                ssl=tls,
                max_size=MAX_INBOUND_BYTES,
                compression=None,
                open_timeout=10,
                user_agent_header=None,  # no version banner towards the server either
                logger=WIRE_LOG,
            )
        except ssl.SSLCertVerificationError:
            raise SessionError(
                UNTRUSTED_CERTIFICATE,
                f"Das Zertifikat des Servers {self.url} ist nicht vertrauenswürdig. Die Verbindung wurde nicht "
                "aufgebaut. Bitte wenden Sie sich an Ihre IT (vielleicht fehlt das Stammzertifikat der Organisation).",
            ) from None
        except InvalidURI:
            raise SessionError(UNREACHABLE, f"Die Serveradresse „{self.url}“ ist ungültig.") from None
        except InvalidStatus as exc:
            refused = refusal_of(exc.response.body)
            if refused is not None:
                raise SessionError(refused.code, _with_wait(refused.message_de, refused.retry_after or 0)) from None
            if exc.response.status_code in (429, 503):  # the server sends too many tries away for a while
                code = ErrorCode.LOGIN_THROTTLED if exc.response.status_code == 429 else ErrorCode.LOGIN_BUSY
                wait = exc.response.headers.get("Retry-After", "")
                seconds = int(wait) if wait.isdigit() else 0
                raise SessionError(code.value, _with_wait(error_texts(code)[0], seconds)) from None
            raise SessionError(NOT_A_DVZ_SERVER, f"Unter {self.url} antwortet kein DVZ-Server.") from None
        except (OSError, TimeoutError, InvalidHandshake):
            raise SessionError(UNREACHABLE, f"Der Server {self.url} ist nicht erreichbar.") from None
        try:
            hello_id = self._next_id()
            hello = Hello(id=hello_id, protocol_version=PROTOCOL_VERSION, client=f"dvz-desktop/{__version__}",
                          auth=auth)
            await ws.send(hello.model_dump_json())
            reply = SERVER_MESSAGE_ADAPTER.validate_json(await asyncio.wait_for(ws.recv(), COMMAND_TIMEOUT_S))
        except (ConnectionClosed, TimeoutError, ValidationError, OSError):
            await ws.close()
            raise SessionError(UNREACHABLE, f"Der Server {self.url} hat die Anmeldung nicht beantwortet.") from None
        if isinstance(reply, Error):
            await ws.close()
            if reply.code == ErrorCode.PROTOCOL_VERSION.value:
                raise SessionError(
                    reply.code,
                    f"{reply.message_de} (Server: Version {reply.server_protocol_version}, "
                    f"DVZ Desktop: Version {PROTOCOL_VERSION})",
                )
            if reply.code == ErrorCode.LOGIN_THROTTLED.value and reply.retry_after:
                raise SessionError(reply.code, _with_wait(reply.message_de, reply.retry_after))
            raise SessionError.from_error(reply)
        if not isinstance(reply, Welcome) or reply.protocol_version != PROTOCOL_VERSION:
            await ws.close()
            raise SessionError(
                ErrorCode.PROTOCOL_VERSION.value,
                "Client und Server sprechen verschiedene Protokollversionen. Bitte aktualisieren Sie DVZ Desktop.",
            )
        self._ws = ws
        self.me = reply.me
        self.welcome = reply
        if reply.session.token:
            self.token = reply.session.token
            self.token_issued.emit(reply.session.token)
        self._set_state(SessionState.CONNECTED)
        self.welcomed.emit(reply)
        return reply

    async def _run(self) -> None:
        """Serve the current socket; when it drops, reconnect with backoff until the session ends."""
        delay = self._reconnect_min
        while True:
            assert self._ws is not None
            ended = await self._serve(self._ws)
            self._ws = None
            self._fail_pending(NotConnected())
            self._drop_outbox()
            if ended is not None:
                self._set_state(SessionState.ENDED, ended)
                return
            self._set_state(SessionState.RECONNECTING, "Verbindung unterbrochen")
            while True:
                # Full jitter: many clients returning after a server restart do not arrive at once.
                await asyncio.sleep(random.uniform(self._reconnect_min, delay))
                try:
                    welcome = await self._connect_once()
                except SessionError as exc:
                    if exc.code in TRANSIENT:
                        delay = min(delay * 2, self._reconnect_max)
                        self._set_state(SessionState.RECONNECTING, "Verbindung unterbrochen")
                        continue
                    self._set_state(SessionState.ENDED, exc.message)
                    return
                delay = self._reconnect_min
                # Restoring sends commands whose acks only arrive once the new socket is served, so it
                # runs beside the reader and writer instead of before them.
                self._restoring = asyncio.get_running_loop().create_task(self._restore(welcome),
                                                                         name="dvz-session-restore")
                break

    async def _serve(self, ws: ClientConnection) -> str | None:
        """Run the reader and writer for one socket. Returns a German reason if the session ended."""
        writer = asyncio.get_running_loop().create_task(self._write(ws), name="dvz-session-writer")
        try:
            return await self._read(ws)
        finally:
            writer.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await writer

    async def _read(self, ws: ClientConnection) -> str | None:
        try:
            async for raw in ws:
                try:
                    msg = SERVER_MESSAGE_ADAPTER.validate_json(raw)
                except ValidationError:
                    # A newer server may send types we do not know yet: log (without content), go on.
                    log.warning("ignored an unreadable frame from the server (%d bytes)", len(raw))
                    continue
                if isinstance(msg, SessionEnded):
                    return msg.message_de
                self._dispatch(msg)
        except ConnectionClosed:
            pass
        return None

    def _dispatch(self, msg: ServerMessage) -> None:
        if self._held is not None and not isinstance(msg, (Ack, Error, ChatSearchResult)):
            self._held.append(msg)
        elif isinstance(msg, PresenceChanged):
            self.presence_changed.emit(msg.updates)
        elif isinstance(msg, (Ack, Error, ChatSearchResult)):
            future = self._pending.pop(msg.reply_to or "", None)
            if future is not None and not future.done():
                if not isinstance(msg, Error):
                    future.set_result(msg)
                else:
                    future.set_exception(SessionError.from_error(msg))
            elif isinstance(msg, Error):
                log.warning("server reported %s", msg.code)
        else:
            self.message_received.emit(msg)

    async def _write(self, ws: ClientConnection) -> None:
        while True:
            payload = await self._outbox.get()
            try:
                await ws.send(payload)
            except ConnectionClosed:
                return

    # --- commands ---

    async def command(self, message: ClientMessage) -> Ack:
        if self._ws is None or self.state is not SessionState.CONNECTED:
            raise NotConnected()
        future: asyncio.Future[Ack] = asyncio.get_running_loop().create_future()
        self._pending[message.id] = future
        self._outbox.put_nowait(message.model_dump_json())
        try:
            return await asyncio.wait_for(future, COMMAND_TIMEOUT_S)
        finally:
            self._pending.pop(message.id, None)

    async def set_status(self, status: Status, note: str = "", appear_offline: bool = False) -> None:
        self._wanted_status = (status, note, appear_offline)
        await self.command(SetStatus(id=self._next_id(), status=status, note=note, appear_offline=appear_offline))

    async def move(self, room_id: str) -> None:
        previous, self._wanted_room = self._wanted_room, room_id
        self._moves_in_flight += 1
        try:
            await self.command(Move(id=self._next_id(), room_id=room_id))
        except NotConnected:
            raise  # still wanted: walked there after reconnecting
        except SessionError:
            self._wanted_room = previous  # the server said no (unknown room, no access)
            raise
        finally:
            self._moves_in_flight -= 1

    async def logout(self) -> None:
        with contextlib.suppress(SessionError, TimeoutError):
            await self.command(Logout(id=self._next_id()))
        await self.stop()
        self._set_state(SessionState.ENDED, "Abgemeldet")

    async def _restore(self, welcome: Welcome) -> None:
        """Put me back into the status and room I had chosen before the connection dropped."""
        mine = next((p for p in welcome.presence if p.person_id == welcome.me), None)
        try:
            if self._wanted_status and (mine is None or (mine.status, mine.note) != self._wanted_status[:2]):
                await self.set_status(*self._wanted_status)
            if self._wanted_room and (mine is None or mine.room_id != self._wanted_room):
                await self.move(self._wanted_room)
        except (SessionError, TimeoutError) as exc:
            log.warning("could not restore status/room after reconnect: %s", getattr(exc, "code", exc))

    # --- helpers ---

    def next_id(self) -> str:
        """A fresh command id for this session."""
        return f"c{next(self._ids)}"

    _next_id = next_id

    def walked_to(self, room_id: str) -> None:
        """The server moved me (let in after a knock, an accepted invitation): remember it for reconnects.
        Not while a move of my own is on its way: the news that a door let me in can arrive after I had
        already walked elsewhere (the answer came through another node), and my own last step wins."""
        if not self._moves_in_flight:
            self._wanted_room = room_id

    def _set_state(self, state: SessionState, message: str = "") -> None:
        if state is self.state and not message:
            return
        self.state = state
        self.state_changed.emit(StateChange(state, message))

    def _drop_outbox(self) -> None:
        # Commands queued for a dead socket were already failed; the wanted state is restored instead.
        while not self._outbox.empty():
            self._outbox.get_nowait()

    def _fail_pending(self, exc: SessionError) -> None:
        for future in self._pending.values():
            if not future.done():
                future.set_exception(exc)
        self._pending.clear()
