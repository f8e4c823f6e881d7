"""What the calls feature needs of the meetings feature (the media server's side), and the stand-in for a
backend without a media server."""

from __future__ import annotations

from typing import Protocol

from dvz_desktop.core.meetings import Sfu

from .state import _Call


class MeetingHooks(Protocol):
    """What calls need of the meetings feature (the media server's side)."""

    def sfu(self) -> Sfu: ...

    def large_room(self, room_id: str) -> bool: ...

    def call_changed(self, call: _Call) -> None:
        """After every change of a call (members, their media, the mode); the call may have ended."""

    def new_room(self, call: _Call) -> None:
        """The call gets a new room on the media server (``sfu_epoch`` + 1), made by this node: in a
        cluster this node owns it (called inside the change)."""

    def call_followed(self, call: _Call) -> None:
        """Cluster mode: another node changed (or ended) the call, and this node's copy has followed."""


class NoMediaServer:
    """A backend without a media server: calls stay peer to peer, at most four."""

    def sfu(self) -> Sfu:
        return Sfu.NONE

    def large_room(self, room_id: str) -> bool:
        return False

    def call_changed(self, call: _Call) -> None:
        pass

    def new_room(self, call: _Call) -> None:
        pass

    def call_followed(self, call: _Call) -> None:
        pass
