"""Client side of the virtual moderator and council sessions: the sessions I take part in, as the
backend last sent them, and the commands of members and the chair.

The state of a session arrives whole after every change (``council_state``); this service keeps the
latest per session, notes when it arrived (countdowns are counted from then, not from the server's
clock) and announces it. The rules that decide what the UI offers (may I vote, is it my turn) are the
same ``core.council`` functions the backend uses.
"""

from __future__ import annotations

import asyncio
import logging
import time
from dataclasses import dataclass

from dvz_desktop.core.events import Event
from dvz_desktop.core.tasks import TaskSet
from dvz_desktop.protocol import (
    CouncilAgenda,
    CouncilAttend,
    CouncilBallot,
    CouncilBodies,
    CouncilBodyInfo,
    CouncilEnd,
    CouncilFloor,
    CouncilFollow,
    CouncilGoTo,
    CouncilHand,
    CouncilInfo,
    CouncilItem,
    CouncilMinutes,
    CouncilMinutesGet,
    CouncilNotes,
    CouncilReorder,
    CouncilStart,
    CouncilState,
    CouncilSync,
    CouncilTimer,
    CouncilVoteClose,
    CouncilVoteOpen,
    ServerMessage,
)

from .session import Session, SessionError, SessionState

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Received:
    """A session's state and when it arrived (``time.monotonic()``), for the countdowns."""

    info: CouncilInfo
    at: float

    def remaining(self, seconds: int | None, now: float | None = None) -> int | None:
        """Seconds left of a countdown that had ``seconds`` left when the state arrived."""
        if seconds is None:
            return None
        elapsed = (time.monotonic() if now is None else now) - self.at
        return max(0, int(seconds - elapsed + 0.999))


class CouncilClient:
    def __init__(self, session: Session) -> None:
        self._session = session
        self.sessions: dict[str, Received] = {}
        self.minutes: dict[str, CouncilMinutes] = {}
        #: The bodies I belong to (chair, minute-taker, member), from after the welcome.
        self.bodies: tuple[CouncilBodyInfo, ...] = ()
        #: A session's new state (also when it ended: ``ended_at`` is set).
        self.changed: Event[Received] = Event()
        self.minutes_received: Event[CouncilMinutes] = Event()
        self.bodies_changed: Event[tuple[CouncilBodyInfo, ...]] = Event()
        session.message_received.connect(self._on_message)
        session.welcomed.connect(lambda _welcome: self._sync())
        self._tasks = TaskSet(asyncio.get_event_loop())
        if session.state is SessionState.CONNECTED:
            self._sync()  # started after the login: ask for what the welcome's followers would have missed

    def _sync(self) -> None:
        async def ask() -> None:
            try:
                await self._session.command(CouncilSync(id=self._session.next_id()))
            except (SessionError, TimeoutError):
                log.info("council: sync not answered (the next welcome asks again)")

        self._tasks.spawn(ask(), name="dvz-council-sync")

    async def synced(self) -> None:
        """Wait until the sync asked for so far is answered (for tests and the first paint)."""
        await self._tasks.idle()

    @property
    def me(self) -> str | None:
        return self._session.me

    def _on_message(self, msg: ServerMessage) -> None:
        if isinstance(msg, CouncilState):
            received = Received(msg.session, time.monotonic())
            if msg.session.ended_at is None:
                self.sessions[msg.session.session_id] = received
            else:
                self.sessions.pop(msg.session.session_id, None)
            self.changed.emit(received)
        elif isinstance(msg, CouncilBodies):
            self.bodies = msg.bodies
            self.bodies_changed.emit(msg.bodies)
        elif isinstance(msg, CouncilMinutes):
            self.minutes[msg.session_id] = msg
            self.minutes_received.emit(msg)

    def chaired_bodies(self) -> list[CouncilBodyInfo]:
        return [b for b in self.bodies if b.chair_id == self.me]

    def in_room(self, room_id: str | None) -> Received | None:
        return next((r for r in self.sessions.values() if r.info.room_id == room_id), None)

    # --- commands (each raises SessionError with the backend's German text when refused) ---

    def _id(self) -> str:
        return self._session.next_id()

    async def start(self, room_id: str, title: str, body_id: str | None = None, public: bool = False) -> str:
        ack = await self._session.command(CouncilStart(id=self._id(), room_id=room_id, body_id=body_id, title=title,
                                                       public=public))
        return ack.ref or ""

    async def end(self, session_id: str) -> None:
        await self._session.command(CouncilEnd(id=self._id(), session_id=session_id))

    async def follow(self, session_id: str, follow: bool = True) -> None:
        await self._session.command(CouncilFollow(id=self._id(), session_id=session_id, follow=follow))

    async def set_agenda(self, session_id: str, items: list[CouncilItem]) -> None:
        await self._session.command(CouncilAgenda(id=self._id(), session_id=session_id, items=tuple(items)))

    async def import_oparl(self, session_id: str, oparl_json: str) -> None:
        await self._session.command(CouncilAgenda(id=self._id(), session_id=session_id, oparl=oparl_json))

    async def go_to(self, session_id: str, index: int | None) -> None:
        await self._session.command(CouncilGoTo(id=self._id(), session_id=session_id, index=index))

    async def hand(self, session_id: str, raised: bool = True, reply: bool = False,
                   person_id: str | None = None) -> None:
        await self._session.command(CouncilHand(id=self._id(), session_id=session_id, raised=raised,
                                                kind="reply" if reply else "speech", person_id=person_id))

    async def floor(self, session_id: str, action: str, person_id: str | None = None, seconds: int | None = None,
                    mute_others: bool = False) -> None:
        await self._session.command(CouncilFloor(id=self._id(), session_id=session_id, action=action,  # type: ignore[arg-type]
                                                 person_id=person_id, seconds=seconds, mute_others=mute_others))

    async def reorder(self, session_id: str, order: list[str]) -> None:
        await self._session.command(CouncilReorder(id=self._id(), session_id=session_id, order=tuple(order)))

    async def timer(self, session_id: str, action: str, kind: str = "item", label: str = "",
                    minutes: int | None = None) -> None:
        await self._session.command(CouncilTimer(id=self._id(), session_id=session_id, action=action,  # type: ignore[arg-type]
                                                 kind=kind, label=label, minutes=minutes))  # type: ignore[arg-type]

    async def attend(self, session_id: str, person_id: str, in_hall: bool = True) -> None:
        await self._session.command(CouncilAttend(id=self._id(), session_id=session_id, person_id=person_id,
                                                  in_hall=in_hall))

    async def open_vote(self, session_id: str, kind: str, question: str, election: bool = False) -> str:
        ack = await self._session.command(CouncilVoteOpen(id=self._id(), session_id=session_id, kind=kind,  # type: ignore[arg-type]
                                                          question=question, election=election))
        return ack.ref or ""

    async def ballot(self, session_id: str, vote_id: str, choice: str) -> None:
        await self._session.command(CouncilBallot(id=self._id(), session_id=session_id, vote_id=vote_id,
                                                  choice=choice))  # type: ignore[arg-type]

    async def close_vote(self, session_id: str) -> None:
        await self._session.command(CouncilVoteClose(id=self._id(), session_id=session_id))

    async def write_notes(self, session_id: str, item_index: int, text: str) -> None:
        await self._session.command(CouncilNotes(id=self._id(), session_id=session_id, item_index=item_index,
                                                 text=text))

    async def fetch_minutes(self, session_id: str) -> CouncilMinutes:
        await self._session.command(CouncilMinutesGet(id=self._id(), session_id=session_id))
        return self.minutes[session_id]
