"""Presence as a feature: ``set_status``; a person comes online with their first socket (their part of
the welcome is the presence they may see) and goes offline with their last; a new day starts "first
seen today" again."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from dvz_desktop.protocol import ErrorCode, PresenceChanged, SetStatus, Status

from ...feature import Command, Feature, Refused, WelcomePart, ack
from ...net.hub import Connection, Hub
from .board import PresenceBoard


class PresenceFeature(Feature):
    name = "presence"

    def __init__(self, board: PresenceBoard, hub: Hub) -> None:
        self.board = board
        self.hub = hub

    def commands(self) -> Sequence[Command[Any]]:
        return (Command(SetStatus, self.set_status),)

    def set_status(self, conn: Connection, msg: SetStatus) -> str:
        if msg.status is Status.OFFLINE:
            raise Refused(ErrorCode.INVALID_MESSAGE)  # offline is what the server says when the last socket closes
        self.board.set_status(conn.username, msg.status, msg.note, msg.appear_offline)
        return ack(msg.id)

    def welcome(self, conn: Connection) -> WelcomePart:
        self.board.come_online(conn.username)  # tells the others; this socket gets the snapshot
        return WelcomePart({"presence": self.board.snapshot_for(conn.username)})

    def forget(self, conn: Connection) -> None:
        if not self.hub.connections_of(conn.username):
            self.board.go_offline(conn.username)

    def housekeep(self, now: datetime) -> None:
        self.board.roll_over_day()

    def resync(self, conn: Connection) -> None:
        """A socket that fell behind missed presence updates: send it the current picture."""
        snapshot = PresenceChanged(updates=self.board.snapshot_for(conn.username)).model_dump_json()
        self.hub.broadcast([conn], snapshot)
