"""The digital door as a feature: the clerks' commands (admit, talk, signal, hand over, turn into a
callback, end), each staff socket's queues after the welcome, guests who have left and retention; plus
what the door adds to the web server: the guest pages under ``/tuer/`` and the guests' socket ``/gast``."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from functools import partial
from typing import Any

from dvz_desktop.protocol.door import AdmitGuest, EndVisit, HandOverVisit, VisitSay, VisitSignal, VisitToCallback

from ...feature import Command, Feature, WelcomePart, ack
from ...net.http_routes import HttpRoute, SocketRoute
from ...net.hub import Connection
from . import guest_web
from .guest_socket import GuestSockets
from .service import DoorService

GUEST_PATH = "/gast"


class DoorFeature(Feature):
    name = "door"

    def __init__(self, service: DoorService, retention_hours: int) -> None:
        self.service = service
        self.guest_sockets = GuestSockets(service)
        self.retention_hours = retention_hours

    def commands(self) -> Sequence[Command[Any]]:
        return (Command(AdmitGuest, self.admit), Command(VisitSay, self.say), Command(VisitSignal, self.signal),
                Command(HandOverVisit, self.hand_over), Command(VisitToCallback, self.to_callback),
                Command(EndVisit, self.end))

    def admit(self, conn: Connection, msg: AdmitGuest) -> str:
        return ack(msg.id, self.service.admit(conn.username, msg.desk_id, msg.visit_id))

    def say(self, conn: Connection, msg: VisitSay) -> str:
        self.service.clerk_says(self.service.visit_of_clerk(conn.username, msg.visit_id), msg.body)
        return ack(msg.id, msg.visit_id)

    def signal(self, conn: Connection, msg: VisitSignal) -> str:
        self.service.clerk_signal(self.service.visit_of_clerk(conn.username, msg.visit_id), msg.sdp_type, msg.sdp)
        return ack(msg.id, msg.visit_id)

    def hand_over(self, conn: Connection, msg: HandOverVisit) -> str:
        self.service.hand_over(self.service.visit_of_clerk(conn.username, msg.visit_id), msg.to_desk_id)
        return ack(msg.id, msg.visit_id)

    def to_callback(self, conn: Connection, msg: VisitToCallback) -> str:
        self.service.to_callback(conn.username, self.service.visit_of_clerk(conn.username, msg.visit_id), msg.note)
        return ack(msg.id, msg.visit_id)

    def end(self, conn: Connection, msg: EndVisit) -> str:
        self.service.end(self.service.visit_of_clerk(conn.username, msg.visit_id))
        return ack(msg.id, msg.visit_id)

    def welcome(self, conn: Connection) -> WelcomePart:
        """A staff socket that just connected gets the queues of its desks, right after the welcome."""
        return WelcomePart(after=tuple(self.service.queue_frame(desk) for desk in self.service.desks_of(conn.username)))

    def housekeep(self, now: datetime) -> None:
        self.service.drop_gone()
        self.service.purge()
        for desk in self.service.desks.values():  # what another node changed, in case its word was lost
            if self.service.refresh(desk):
                self.service.publish(desk)

    def page_route(self) -> HttpRoute:
        return HttpRoute(guest_web.DOOR_PREFIX, partial(guest_web.respond, self.service, self.retention_hours))

    def socket_route(self) -> SocketRoute:
        return SocketRoute(GUEST_PATH, self.guest_sockets.serve)
