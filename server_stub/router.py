"""From a client message to the feature that carries it out, built from the features' declarations.

Each client message type has exactly one handler; the application refuses to start when a type has
none or two (``Router.check``), and ``tests/unit/test_router.py`` proves it for the whole backend. Every
handler runs inside the one error path here: a refusal is an ``error`` frame with its code, any other
exception is a bug, logged with its traceback (never the frame's content) and answered ``internal``;
either way the socket and everyone else carry on.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from dvz_desktop.protocol import CLIENT_MESSAGE_TYPES, ErrorCode, StrictModel

from .db import DatabaseError
from .feature import Feature, Refused, error_frame
from .net.hub import Connection

log = logging.getLogger(__name__)


class RoutingError(Exception):
    """A message type without a handler, or with two (a programming error found at start)."""


class Router:
    def __init__(self, features: Iterable[Feature]) -> None:
        self._routes: dict[type[StrictModel], Feature] = {}
        for feature in features:
            for kind in feature.handles():
                other = self._routes.get(kind)
                if other is not None:
                    raise RoutingError(f"{kind.__name__} is handled by {other.name} and by {feature.name}")
                self._routes[kind] = feature

    @property
    def routes(self) -> dict[type[StrictModel], Feature]:
        return dict(self._routes)

    def check(self, kinds: Iterable[type[StrictModel]] = CLIENT_MESSAGE_TYPES) -> None:
        """Every one of ``kinds`` has its handler, and nothing else is routed."""
        wanted = set(kinds)
        missing = sorted(k.__name__ for k in wanted - set(self._routes))
        extra = sorted(k.__name__ for k in set(self._routes) - wanted)
        if missing or extra:
            raise RoutingError(f"no handler for {missing}; handlers for unknown messages {extra}")

    def feature_for(self, msg: StrictModel) -> Feature:
        return self._routes[type(msg)]

    def dispatch(self, conn: Connection, msg: StrictModel) -> str | None:
        """Carry out one command; the answer frame, or None when the answer comes later."""
        command_id: str | None = getattr(msg, "id", None)
        try:
            return self._routes[type(msg)].handle(conn, msg)
        except Refused as exc:
            return error_frame(exc.code, command_id)
        except DatabaseError:
            # The database is away (PostgreSQL restarting): what was not committed is not acknowledged.
            log.warning("%s for user=%s refused: database unreachable", type(msg).__name__, conn.username)
            return error_frame(ErrorCode.STORAGE_UNAVAILABLE, command_id)
        except Exception:
            log.exception("internal error handling %s for user=%s", type(msg).__name__, conn.username)
            return error_frame(ErrorCode.INTERNAL, command_id)
