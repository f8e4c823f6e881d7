"""The router is built from the features' declarations: every client message type has exactly one
handler, a second handler or a missing one stops the backend from starting, and every handler runs in
one error path (a refusal is its error code, anything else ``internal``, logged without the frame)."""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from dvz_desktop.protocol import CLIENT_MESSAGE_TYPES, ChatSearch, ErrorCode, Logout, SetCoffee
from server_stub.app import Backend, BackendConfig
from server_stub.directory.orgfile import OrgFile
from server_stub.feature import Command, Feature, Refused
from server_stub.net.hub import Connection
from server_stub.router import Router, RoutingError


@pytest.fixture
def built(org_three: OrgFile, tmp_path: Path) -> Backend:
    backend = Backend(org_three, BackendConfig(data_dir=tmp_path / "data"))
    yield backend
    backend.db.close()


def test_every_client_message_type_has_exactly_one_handler(built: Backend) -> None:
    declared = [kind for feature in built.features for kind in feature.handles()]
    assert sorted(k.__name__ for k in declared) == sorted(k.__name__ for k in CLIENT_MESSAGE_TYPES)
    assert len(declared) == len(set(declared)) == len(CLIENT_MESSAGE_TYPES)
    assert set(built.router.routes) == set(CLIENT_MESSAGE_TYPES)
    owners = {kind.__name__: feature.name for kind, feature in built.router.routes.items()}
    assert owners["ChatSearch"] == "chat" and owners["Logout"] == "sessions" and owners["DismissInbox"] == "inbox"


class _Handles(Feature):
    def __init__(self, name: str, kinds: Sequence[type[Any]], outcome: Exception | None = None) -> None:
        self.name = name
        self._kinds = kinds
        self._outcome = outcome

    def commands(self) -> Sequence[Command[Any]]:
        return tuple(Command(kind, self._run) for kind in self._kinds)

    def _run(self, conn: Connection, msg: Any) -> str:
        if self._outcome is not None:
            raise self._outcome
        return "done"


def test_two_handlers_for_one_message_or_none_at_all_stop_the_start() -> None:
    with pytest.raises(RoutingError, match="ChatSearch is handled by chat and by search"):
        Router([_Handles("chat", [ChatSearch]), _Handles("search", [ChatSearch])])
    with pytest.raises(RoutingError, match="no handler for"):
        Router([_Handles("chat", [ChatSearch])]).check()


def test_every_handler_runs_inside_one_error_path(caplog: pytest.LogCaptureFixture) -> None:
    conn = Connection(ws=None, username="anna", org_id="lk", token_hash="x")  # type: ignore[arg-type]
    router = Router([_Handles("refusing", [SetCoffee], Refused(ErrorCode.FORBIDDEN)),
                     _Handles("broken", [ChatSearch], ZeroDivisionError("geheimer Suchbegriff")),
                     _Handles("fine", [Logout])])
    refused = json.loads(router.dispatch(conn, SetCoffee(id="c1", wanted=True)) or "")
    assert (refused["type"], refused["code"], refused["reply_to"]) == ("error", "forbidden", "c1")
    with caplog.at_level(logging.ERROR):
        broken = json.loads(router.dispatch(conn, ChatSearch(id="c2", text="Personalakte")) or "")
    assert (broken["code"], broken["reply_to"]) == ("internal", "c2")
    assert "ChatSearch" in caplog.text and "Personalakte" not in caplog.text  # the type, never the content
    assert router.dispatch(conn, Logout(id="c3")) == "done"
