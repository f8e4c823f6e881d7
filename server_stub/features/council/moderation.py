"""The chair's and the members' moderation commands, carried out on a session (the rules are
``core.council``); the feature stores and sends what changed."""

from __future__ import annotations

import json
from datetime import datetime

from dvz_desktop.core.council.agenda import AgendaItem
from dvz_desktop.core.council.oparl import OParlError, agenda_from_oparl
from dvz_desktop.core.council.session import CouncilRefused, CouncilSession
from dvz_desktop.core.council.speakers import Floor, HandKind
from dvz_desktop.core.council.timers import TimerKind
from dvz_desktop.protocol import CouncilAgenda, CouncilFloor, CouncilHand, CouncilTimer, ErrorCode

from ...feature import Refused


def agenda_of(msg: CouncilAgenda) -> list[AgendaItem]:
    """The agenda a command sets: typed-in items, an OParl 1.1 meeting, or none (cleared)."""
    if msg.oparl is None:
        return [AgendaItem(i.number, i.title, i.public) for i in msg.items]
    if msg.items:
        raise CouncilRefused(CouncilRefused.UNKNOWN_ITEM)  # both at once: which one was meant?
    try:
        return agenda_from_oparl(json.loads(msg.oparl))
    except (OParlError, ValueError, RecursionError):
        raise Refused(ErrorCode.AGENDA_INVALID) from None


def hand(session: CouncilSession, me: str, msg: CouncilHand, now: datetime) -> None:
    if msg.raised:
        if msg.person_id not in (None, me):
            raise CouncilRefused(CouncilRefused.NOT_CHAIR)  # nobody raises someone else's hand
        session.raise_hand(me, HandKind(msg.kind), now)
    else:
        session.lower_hand(me, msg.person_id or me)


def move_floor(session: CouncilSession, me: str, msg: CouncilFloor, now: datetime) -> Floor | None:
    """Carry out a floor command; the new speaker's floor for ``next`` and ``give``."""
    if msg.action == "next":
        return session.next_speaker(me, now)
    if msg.action == "give":
        if msg.person_id is None or not session.present(msg.person_id):
            raise CouncilRefused(CouncilRefused.NOT_PRESENT)
        return session.give_floor(me, msg.person_id, now)
    if msg.action == "end":
        session.end_speech(me, now)
    elif msg.action == "extend":
        session.extend_speech(me, msg.seconds)
    else:
        session.set_speaker_limit(me, msg.seconds)
    return None


def timer(session: CouncilSession, me: str, msg: CouncilTimer, now: datetime) -> None:
    if msg.action == "start":
        if msg.minutes is None:
            raise CouncilRefused(CouncilRefused.BAD_TIME)
        session.start_timer(me, TimerKind(msg.kind), msg.label, msg.minutes, now)
    elif msg.action == "stop":
        session.stop_timer(me)
    else:
        session.pause_timer(me, msg.action == "pause", now)
