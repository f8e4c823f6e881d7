"""Sessions as a feature: ``logout`` ends one (every socket of it is closed), a second ``hello`` on an
open socket is refused, and housekeeping closes the sockets of sessions that were revoked (also by
``dvz-server --revoke-user`` from another process) or have expired."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from dvz_desktop.protocol import CloseCode, ErrorCode, Hello, Logout, SessionEnded, error_texts

from ..feature import Command, Feature, Refused, ack
from .accounts import AccountStore
from .auth import Authenticator
from .hub import Connection, Hub
from .login_guard import LoginGuard

log = logging.getLogger(__name__)


class SessionsFeature(Feature):
    name = "sessions"

    def __init__(self, hub: Hub, auth: Authenticator, accounts: AccountStore, login_guard: LoginGuard) -> None:
        self.hub = hub
        self.auth = auth
        self.accounts = accounts
        self.login_guard = login_guard
        #: Told the token hash of every session ended by logout (single sign-on ends the provider's side).
        self.logout_listeners: list[Callable[[str], None]] = []

    def commands(self) -> Sequence[Command[Any]]:
        return (Command(Logout, self.logout), Command(Hello, self.hello_again))

    def logout(self, conn: Connection, msg: Logout) -> None:
        self.auth.revoke(conn.token_hash)
        for listener in self.logout_listeners:
            listener(conn.token_hash)
        self.end_session(conn.token_hash, ErrorCode.TOKEN_REVOKED, skip=conn)
        self.hub.broadcast([conn], ack(msg.id))
        self.hub.close(conn, CloseCode.SESSION_ENDED, "logout")
        return None

    @staticmethod
    def hello_again(conn: Connection, msg: Hello) -> None:
        raise Refused(ErrorCode.INVALID_MESSAGE)  # one hello per socket, and it came first

    def end_session(self, token_hash: str, reason: ErrorCode, skip: Connection | None = None) -> None:
        de, en = error_texts(reason)
        ended = SessionEnded(code=reason.value, message_de=de, message_en=en).model_dump_json()
        for conn in [c for c in self.hub.all_connections() if c.token_hash == token_hash]:
            if conn is skip:
                continue
            self.hub.broadcast([conn], ended)
            self.hub.close(conn, CloseCode.SESSION_ENDED, reason.value)

    def end_sessions_of(self, username: str, reason: ErrorCode) -> None:
        """Close every socket of ``username`` (someone who left: their sessions were revoked)."""
        for digest in {c.token_hash for c in self.hub.connections_of(username)}:
            self.end_session(digest, reason)

    def check_sessions(self) -> None:
        """Close sockets whose session was revoked (also by another process) or has expired."""
        for digest in {c.token_hash for c in self.hub.all_connections() if not c.closing}:
            reason = self.auth.still_valid(digest)
            if reason is not None:
                self.end_session(digest, reason)

    def housekeep(self, now: datetime) -> None:
        self.check_sessions()
        self.accounts.purge_sessions(now)
        self.login_guard.purge()
