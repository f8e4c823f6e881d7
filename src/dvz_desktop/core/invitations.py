"""Inviting a colleague into my room: they accept (and are moved) or decline; it lapses after two minutes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from dvz_desktop.protocol import ErrorCode, Invitation, InviteState

from .deputies import Recipient
from .knocks import KnockRefused

INVITE_TIME = timedelta(minutes=2)


class InviteRefused(KnockRefused):
    """Same shape as a refused knock: an error code the backend answers with."""


@dataclass
class _Open:
    invitation: Invitation
    deadline: datetime


class InviteBook:
    def __init__(self) -> None:
        self._open: dict[str, _Open] = {}

    def get(self, invite_id: str) -> Invitation | None:
        entry = self._open.get(invite_id)
        return entry.invitation if entry else None

    def deadline(self, invite_id: str) -> datetime | None:
        entry = self._open.get(invite_id)
        return entry.deadline if entry else None

    def put(self, invitation: Invitation, deadline: datetime) -> None:
        """Take over an open invitation as another process left it (several backend nodes)."""
        self._open[invitation.invite_id] = _Open(invitation, deadline)

    def drop(self, invite_id: str) -> None:
        """Forget an invitation that ended elsewhere."""
        self._open.pop(invite_id, None)

    def open_for(self, person_id: str) -> list[Invitation]:
        return [e.invitation for e in self._open.values() if person_id in (e.invitation.host_id, e.invitation.guest_id)]

    def invite(
        self,
        invite_id: str,
        host_id: str,
        host_room: str | None,
        recipient: Recipient,
        recipient_online: bool,
        now: datetime,
    ) -> Invitation:
        """``recipient`` is the invited person, or their deputy while they are away."""
        if recipient.person_id == host_id or recipient.on_behalf_of == host_id:
            raise InviteRefused(ErrorCode.CANNOT_INVITE_SELF)
        if host_room is None:
            raise InviteRefused(ErrorCode.NOT_IN_ROOM)
        if not recipient_online:
            raise InviteRefused(ErrorCode.PERSON_OFFLINE)
        for entry in self._open.values():
            inv = entry.invitation
            if inv.host_id == host_id and inv.guest_id == recipient.person_id:
                raise InviteRefused(ErrorCode.KNOCK_LIMITED)  # one open invitation per pair is enough
        invitation = Invitation(invite_id=invite_id, host_id=host_id, guest_id=recipient.person_id,
                                room_id=host_room, state=InviteState.PENDING, created_at=now,
                                on_behalf_of=recipient.on_behalf_of)
        self._open[invite_id] = _Open(invitation, now + INVITE_TIME)
        return invitation

    def answer(self, invite_id: str, by: str, accept: bool) -> Invitation:
        entry = self._open.get(invite_id)
        if entry is None or entry.invitation.guest_id != by:
            raise InviteRefused(ErrorCode.UNKNOWN_KNOCK)
        return self._end(invite_id, InviteState.ACCEPTED if accept else InviteState.DECLINED)

    def person_gone(self, person_id: str) -> list[Invitation]:
        """Host or guest went offline: their open invitations are withdrawn."""
        gone = [k for k, e in self._open.items() if person_id in (e.invitation.host_id, e.invitation.guest_id)]
        return [self._end(k, InviteState.CANCELLED) for k in gone]

    def host_left_room(self, host_id: str, room_id: str | None) -> list[Invitation]:
        """Inviting into a room I have left makes no sense any more."""
        gone = [k for k, e in self._open.items() if e.invitation.host_id == host_id and e.invitation.room_id != room_id]
        return [self._end(k, InviteState.CANCELLED) for k in gone]

    def expire(self, now: datetime) -> list[Invitation]:
        gone = [k for k, e in self._open.items() if now >= e.deadline]
        return [self._end(k, InviteState.EXPIRED) for k in gone]

    def _end(self, invite_id: str, state: InviteState) -> Invitation:
        entry = self._open.pop(invite_id)
        return entry.invitation.model_copy(update={"state": state})
