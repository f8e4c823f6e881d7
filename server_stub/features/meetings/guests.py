"""Guests of a meeting: invitations, and the guests' side of a meeting on their own socket.

A moderator invites (``meeting_invite_guest``): the invitation is a random token for one room, valid
for 24 hours, stored as its hash with the room and the expiry (store.py), so the guest can open the
page and join through any node of a cluster, and after a restart. A guest who opens the page
and joins while nobody meets in that room waits; when a call starts there, they join it, which moves
it to the media server. A guest sees the members by display name under aliases valid for this call,
never user names, and nothing of the office; they can publish and receive media and nothing else.
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Callable
from datetime import timedelta

from dvz_desktop.core.clock import Clock
from dvz_desktop.protocol import ErrorCode, IceServer
from dvz_desktop.protocol.meeting_guest import (
    MeetingGuestAnswer,
    MeetingGuestError,
    MeetingGuestJoin,
    MeetingGuestMedia,
    MeetingGuestMember,
    MeetingGuestPublish,
    MeetingGuestSdp,
    MeetingGuestState,
    MeetingGuestSubscribe,
    MeetingGuestVideo,
)

from ...directory.visibility import Directory
from ...feature import Refused
from ..calls.feature import CallsFeature, _Call
from .relay import MeetingMedia
from .store import InviteStore

log = logging.getLogger(__name__)

INVITE_VALID = timedelta(hours=24)
GUEST_ERRORS = {
    "unknown_invite": ("Diese Einladung gibt es nicht (mehr). Bitte fragen Sie nach einer neuen.",
                       "This invitation does not exist (any more). Please ask for a new one."),
    "privacy": ("Bitte lesen Sie den Datenschutzhinweis und stimmen Sie zu.",
                "Please read the privacy notice and agree to it."),
    "invalid": ("Diese Angabe ist ungültig.", "This input is invalid."),
    "unknown_type": ("Unbekannte Nachricht.", "Unknown message."),
    "rate_limited": ("Zu viele Anfragen. Bitte warten Sie einen Moment.", "Too many requests. Please wait a moment."),
    "meeting_full": ("Die Besprechung ist voll.", "The meeting is full."),
    "media_server_unavailable": ("Der Konferenzserver ist gerade nicht erreichbar. Die Seite versucht es weiter.",
                                 "The conference server cannot be reached right now. The page keeps trying."),
    "media_server_refused": ("Der Konferenzserver hat die Verbindung abgelehnt. Bitte laden Sie die Seite neu.",
                             "The conference server refused the connection. Please reload the page."),
    "not_joined": ("Sie sind (noch) nicht in der Besprechung.", "You are not in the meeting (yet)."),
    "not_publishing": ("Bild und Ton dieser Person sind noch nicht da.",
                       "This person's picture and sound have not arrived yet."),
    "removed": ("Die Moderation hat Sie aus der Besprechung entfernt.", "The moderator removed you from the meeting."),
}
#: The staff protocol's refusals as the guest page's codes.
FROM_STAFF_CODES = {"not_publishing": "not_publishing", "media_server_unavailable": "media_server_unavailable",
                    "media_server_refused": "media_server_refused", "meeting_full": "meeting_full",
                    "call_full": "media_server_unavailable", "invalid_sdp": "invalid",
                    "removed_from_meeting": "removed"}


def guest_error(code: str) -> str:
    de, en = GUEST_ERRORS[code]
    return MeetingGuestError(code=code, message_de=de, message_en=en).model_dump_json()


class GuestLink:
    """One guest's socket as the service sees it: a way to send and to close, and who they are."""

    def __init__(self, send: Callable[[str], None], close: Callable[[], None]) -> None:
        self.send = send
        self.close = close
        self.guest_id: str | None = None
        self.room_id: str | None = None
        self.name = ""
        self.state = ""
        self.call_id: str | None = None


class MeetingGuests:
    def __init__(self, calls: CallsFeature, media: MeetingMedia, invites: InviteStore, directory: Directory,
                 clock: Clock, ice_servers: tuple[IceServer, ...]) -> None:
        self.calls = calls
        self.media = media
        self.invites = invites
        self.directory = directory
        self.clock = clock
        self.ice_servers = ice_servers
        self.links: dict[str, GuestLink] = {}  # guest id -> socket
        self._aliases: dict[str, dict[str, str]] = {}  # call id -> member id -> alias

    # --- invitations ---

    def invite(self, room_id: str, by: str) -> str:
        token = secrets.token_urlsafe(24)
        self.invites.add(token, room_id, self.clock.now() + INVITE_VALID)
        log.info("a moderator invited a guest to a meeting in room %s", room_id)
        return token

    def room_name(self, token: str) -> str | None:
        room_id = self._valid(token)
        if room_id is None or room_id not in self.directory.rooms:
            return None
        return self.directory.rooms[room_id].room.name

    def _valid(self, token: str) -> str | None:
        """The room of a valid invitation."""
        return self.invites.room_of(token, self.clock.now())

    def purge(self) -> None:
        self.invites.purge(self.clock.now())

    # --- a guest's socket ---

    def join(self, link: GuestLink, msg: MeetingGuestJoin) -> None:
        if link.guest_id is not None:
            return
        room_id = self._valid(msg.token)
        if room_id is None:
            link.send(guest_error("unknown_invite"))
            return
        if not msg.privacy_accepted:
            link.send(guest_error("privacy"))
            return
        name = " ".join(msg.name.split())
        if not name:
            link.send(guest_error("invalid"))
            return
        link.guest_id, link.room_id, link.name = f"gast-{secrets.token_urlsafe(9)}", room_id, name
        self.links[link.guest_id] = link
        self._enter(link)

    def _enter(self, link: GuestLink) -> None:
        assert link.guest_id is not None and link.room_id is not None
        try:
            call = self.calls.join_guest(link.room_id, link.guest_id, link.name)
        except Refused as exc:
            if exc.code is not ErrorCode.NOT_IN_CALL:
                link.send(guest_error(FROM_STAFF_CODES.get(exc.code.value, "invalid")))
            self._state(link, "waiting", None)
            return
        link.call_id = call.call_id
        self._state(link, "joined", call)

    def gone(self, link: GuestLink) -> None:
        """The guest left or their socket closed."""
        if link.guest_id is None:
            return
        self.links.pop(link.guest_id, None)
        if link.call_id is not None:
            self.calls.leave(link.guest_id, "left")
        link.guest_id = None

    def media_state(self, link: GuestLink, msg: MeetingGuestMedia) -> None:
        call = self._call_of(link)
        if call is not None and link.guest_id in call.members:
            self.calls.set_media(call, link.guest_id, audio=msg.audio, video=msg.video, speaking=msg.speaking)

    async def relay(self, link: GuestLink, msg: object) -> None:
        """A guest's publish, subscription, answer or paused video, through the same checks as staff's."""
        call = self._call_of(link)
        if call is None or link.guest_id not in call.members:
            link.send(guest_error("not_joined"))
            return
        me = link.guest_id
        assert me is not None
        try:
            if isinstance(msg, MeetingGuestPublish):
                answer = await self.media.publish(call, me, msg.sdp)
                link.send(MeetingGuestSdp(member_id=None, sdp_type="answer", sdp=answer).model_dump_json())
                return
            assert isinstance(msg, (MeetingGuestSubscribe, MeetingGuestAnswer, MeetingGuestVideo))
            member = self._member_of(call, msg.member_id)
            if isinstance(msg, MeetingGuestSubscribe):
                offer = await self.media.subscribe(call, me, member, msg.video)
                if offer is not None:
                    link.send(MeetingGuestSdp(member_id=msg.member_id, sdp_type="offer", sdp=offer).model_dump_json())
            elif isinstance(msg, MeetingGuestAnswer):
                await self.media.answer(call, me, member, msg.sdp)
            else:
                await self.media.set_video(call, me, member, msg.on)
        except Refused as exc:
            link.send(guest_error(FROM_STAFF_CODES.get(exc.code.value, "not_joined")))

    def _call_of(self, link: GuestLink) -> _Call | None:
        return self.calls.calls.get(link.call_id) if link.call_id is not None else None

    def _member_of(self, call: _Call, alias: str) -> str:
        for member_id, known in self._aliases.get(call.call_id, {}).items():
            if known == alias and member_id in call.members:
                return member_id
        raise Refused(ErrorCode.NOT_IN_CALL)

    # --- what happens in the meeting ---

    def call_changed(self, call: _Call) -> None:
        for link in list(self.links.values()):
            if link.call_id == call.call_id:
                if call.ended or link.guest_id not in call.members:
                    self._left_call(link, call)
                else:
                    self._state(link, "paused" if call.sfu_lost else "joined", call)
            elif link.call_id is None and link.room_id == call.room_id and not call.ended:
                self._enter(link)
        if call.ended:
            self._aliases.pop(call.call_id, None)

    def _left_call(self, link: GuestLink, call: _Call) -> None:
        link.call_id = None
        removed = link.guest_id in call.removed
        self._state(link, "removed" if removed else "ended", None)
        if link.guest_id is not None:
            self.links.pop(link.guest_id, None)
        link.guest_id = None
        link.close()

    def moderated(self, guest_id: str, action: str) -> None:
        link = self.links.get(guest_id)
        if link is not None and action == "remove":
            link.send(guest_error("removed"))

    def _alias(self, call: _Call, member_id: str) -> str:
        aliases = self._aliases.setdefault(call.call_id, {})
        if member_id not in aliases:
            aliases[member_id] = f"m{len(aliases) + 1}"
        return aliases[member_id]

    def _state(self, link: GuestLink, state: str, call: _Call | None) -> None:
        link.state = state
        room = self.directory.rooms.get(link.room_id or "")
        members: list[MeetingGuestMember] = []
        if call is not None:
            for member in call.members.values():
                person = self.directory.people.get(member.person_id)
                name = member.guest_name or (person.display_name if person is not None else "")
                members.append(MeetingGuestMember(
                    member_id=self._alias(call, member.person_id), name=name, audio=member.audio, video=member.video,
                    speaking=member.speaking, screen=member.screen, publishing=member.publishing,
                    guest=member.person_id in call.guests))
        me = self._alias(call, link.guest_id) if call is not None and link.guest_id is not None else ""
        link.send(MeetingGuestState(
            state=state, room_name=room.room.name if room is not None else "", me=me, members=tuple(members),  # type: ignore[arg-type]
            ice_servers=self.ice_servers if call is not None else (), epoch=call.sfu_epoch if call else 0,
        ).model_dump_json())

    def close_all(self) -> None:
        for link in list(self.links.values()):
            link.close()
        self.links.clear()
