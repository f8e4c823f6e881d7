"""The one interface every feature of the backend offers the application.

A feature (presence, office behaviour, inbox, chat, calls, whiteboard, digital door, sessions, the
office directory) is built by ``app.py`` with exactly what it uses, and then only ever called through
this interface:

* :meth:`Feature.commands` declares the client messages it handles, each with its handler. The router
  (router.py) is built from these declarations: every client message type has exactly one handler,
  and every handler is called inside one error path (a :class:`Refused` becomes an ``error`` frame with
  its code; anything else is logged and answered ``internal``).
* :meth:`Feature.welcome` is its part of the ``welcome`` (fields of that message, and frames that follow
  it, such as a desk's queue).
* :meth:`Feature.on_presence` hears every presence change, in the order the features were registered,
  after the change has gone out to the sockets that may see it.
* :meth:`Feature.housekeep` runs every few seconds (timeouts, retention); :meth:`Feature.forget` runs
  when a socket closes; :meth:`Feature.run` is a loop of its own for a feature that needs one (the chat
  writer, the knock clock); :meth:`Feature.close` runs once when the backend stops.

A handler answers with a frame (usually an ``ack``) or None when the answer comes later (a chat post is
acknowledged once it is stored).
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from dvz_desktop.protocol import Ack, Error, ErrorCode, Presence, StrictModel, error_texts

if TYPE_CHECKING:
    from .net.hub import Connection

M = TypeVar("M", bound=StrictModel)


class Refused(Exception):
    """A command is refused with an error code (answered as an ``error`` frame)."""

    def __init__(self, code: ErrorCode) -> None:
        super().__init__(code.value)
        self.code = code


def error_frame(code: ErrorCode, reply_to: str | None = None, *, retry_after: int | None = None,
                server_protocol_version: int | None = None) -> str:
    """The ``error`` frame answering a command, with the German and English text of its code."""
    de, en = error_texts(code)
    return Error(reply_to=reply_to, code=code.value, message_de=de, message_en=en, retry_after=retry_after,
                 server_protocol_version=server_protocol_version).model_dump_json()


def ack(reply_to: str, ref: str | None = None, position: int | None = None) -> str:
    return Ack(reply_to=reply_to, ref=ref, position=position).model_dump_json()


def new_id(prefix: str) -> str:
    """A fresh id for something the server creates (a knock, a question, a visit). Random, not counting:
    an id cannot be guessed to answer someone else's knock or question."""
    return f"{prefix}{secrets.token_urlsafe(9)}"


@dataclass(frozen=True)
class Command(Generic[M]):
    """One client message type and the handler that carries it out."""

    kind: type[M]
    run: Callable[[Connection, M], str | None]


@dataclass(frozen=True)
class WelcomePart:
    #: Fields of the ``welcome`` message this feature fills in.
    fields: Mapping[str, object] = field(default_factory=dict)
    #: Frames sent right after the welcome, on the same socket.
    after: tuple[str, ...] = ()
    #: Fields (also in ``fields``, where the welcome is checked against its model) whose JSON the
    #: feature already has because it is the same for many sockets: written into the welcome as they are.
    serialised: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class RateLimit:
    """A per-person budget of its own for a feature's commands (sketching on the whiteboard sends far
    more than anything else and must not use up the common one)."""

    per_minute: float
    burst: float


class Feature:
    #: For logs and error messages.
    name = "feature"
    #: None: the feature's commands count against the common per-person budget.
    rate_limit: RateLimit | None = None

    def commands(self) -> Sequence[Command[Any]]:
        return ()

    def handles(self) -> tuple[type[StrictModel], ...]:
        return tuple(command.kind for command in self.commands())

    def handle(self, conn: Connection, msg: StrictModel) -> str | None:
        table = self.__dict__.get("_command_table")
        if table is None:
            table = self.__dict__["_command_table"] = {c.kind: c.run for c in self.commands()}
        handler: Callable[[Connection, Any], str | None] = table[type(msg)]
        return handler(conn, msg)

    def welcome(self, conn: Connection) -> WelcomePart:
        return WelcomePart()

    def on_presence(self, presence: Presence) -> None:
        return None

    def housekeep(self, now: datetime) -> None:
        return None

    def forget(self, conn: Connection) -> None:
        return None

    async def run(self) -> None:
        return None

    def has_loop(self) -> bool:
        return type(self).run is not Feature.run

    def close(self) -> None:
        return None
