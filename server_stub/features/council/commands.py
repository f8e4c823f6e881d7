"""The commands on a running session, carried out by the node that runs it (relayed there from the other
nodes of a cluster): the rules are ``core.council`` (and moderation.py); this stores what the minutes need
and sends the new state."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from dvz_desktop.core.council.profiles import VoteKind
from dvz_desktop.core.council.session import CouncilRefused, CouncilSession
from dvz_desktop.core.council.votes import BallotRefused, Choice
from dvz_desktop.protocol import (
    CouncilAgenda,
    CouncilAttend,
    CouncilBallot,
    CouncilEnd,
    CouncilFloor,
    CouncilFollow,
    CouncilGoTo,
    CouncilHand,
    CouncilMinutesGet,
    CouncilNotes,
    CouncilReorder,
    CouncilStart,
    CouncilTimer,
    CouncilVoteClose,
    CouncilVoteOpen,
    ErrorCode,
)

from ...feature import ack, new_id
from . import moderation
from .minutes import minutes_of

if TYPE_CHECKING:
    from .feature import CouncilFeature

REFUSALS: dict[str, ErrorCode] = {
    CouncilRefused.NOT_CHAIR: ErrorCode.COUNCIL_NOT_CHAIR,
    CouncilRefused.NOT_MINUTE_TAKER: ErrorCode.COUNCIL_NOT_CHAIR,
    CouncilRefused.NOT_PRESENT: ErrorCode.COUNCIL_NOT_PRESENT,
    CouncilRefused.NO_BODY: ErrorCode.COUNCIL_INVALID,
    CouncilRefused.UNKNOWN_ITEM: ErrorCode.COUNCIL_INVALID,
    CouncilRefused.UNKNOWN_PERSON: ErrorCode.UNKNOWN_PERSON,
    CouncilRefused.BAD_ORDER: ErrorCode.COUNCIL_INVALID,
    CouncilRefused.BAD_TIME: ErrorCode.COUNCIL_INVALID,
    CouncilRefused.ENDED: ErrorCode.COUNCIL_UNKNOWN,
    BallotRefused.NO_VOTE: ErrorCode.VOTE_NONE,
    BallotRefused.VOTE_RUNNING: ErrorCode.VOTE_RUNNING,
    BallotRefused.NOT_ELIGIBLE: ErrorCode.VOTE_NOT_ELIGIBLE,
    BallotRefused.NOT_PRESENT: ErrorCode.COUNCIL_NOT_PRESENT,
    BallotRefused.REMOTE_EXCLUDED: ErrorCode.VOTE_REMOTE_EXCLUDED,
    BallotRefused.ALREADY_VOTED: ErrorCode.VOTE_ALREADY_CAST,
    BallotRefused.NO_ABSTENTION: ErrorCode.VOTE_NO_ABSTENTION,
}

CouncilCommand = (CouncilStart | CouncilEnd | CouncilFollow | CouncilAgenda | CouncilGoTo | CouncilHand | CouncilFloor |
                  CouncilReorder | CouncilTimer | CouncilAttend | CouncilVoteOpen | CouncilBallot | CouncilVoteClose |
                  CouncilNotes | CouncilMinutesGet)
#: The commands carried out by the node that runs the session (relayed there from the others).
OWNER_COMMANDS: dict[str, type[Any]] = {kind.model_fields["type"].default: kind for kind in (
    CouncilEnd, CouncilAgenda, CouncilGoTo, CouncilHand, CouncilFloor, CouncilReorder, CouncilTimer, CouncilAttend,
    CouncilVoteOpen, CouncilBallot, CouncilVoteClose, CouncilNotes, CouncilMinutesGet)}


def dispatch(feature: CouncilFeature, me: str, session: CouncilSession, msg: CouncilCommand, now: datetime,
             to_asker: Callable[[str], None]) -> str | None:
    """Carry out ``msg`` as ``me``; the answer if it is not a plain ack. Frames for the asker alone (the
    minutes' draft) go to ``to_asker``, before the answer."""
    sid = session.session_id
    match msg:
        case CouncilMinutesGet():
            if session.body is None or me not in (session.body.chair, session.body.minute_taker):
                raise CouncilRefused(CouncilRefused.NOT_MINUTE_TAKER)
            # The draft goes first to the asker, then the ack: the asker has it when the ack arrives.
            to_asker(minutes_of(feature.store, feature.directory, session).model_dump_json())
            return None
        case CouncilEnd():
            session.end(me, now)
            feature.store.end_session(sid, now)
            if feature.nodes is not None:
                feature.nodes.leases.release(sid)
            feature.publish(session)
            feature.forget_session(session)
            return None
        case CouncilAgenda():
            items = moderation.agenda_of(msg)
            session.set_agenda(me, items)
            feature.store.set_agenda(sid, items)
        case CouncilGoTo():
            session.go_to_item(me, msg.index, now)
            feature.store.set_current_item(sid, msg.index)
        case CouncilHand():
            moderation.hand(session, me, msg, now)
        case CouncilFloor():
            floor = moderation.move_floor(session, me, msg, now)
            if msg.action in ("next", "give"):
                feature.mute_flags[sid] = msg.mute_others and floor is not None
                if msg.mute_others and floor is not None and feature.mute_others is not None:
                    feature.mute_others(session, me, floor.person_id)  # at the media server (meeting_link.py)
            if floor is not None:
                feature.store.speech(sid, session.current_item, floor.person_id, floor.kind.value, floor.since)
            feature.announced.pop(sid, None)
        case CouncilReorder():
            session.reorder(me, list(msg.order))
        case CouncilTimer():
            moderation.timer(session, me, msg, now)
            feature.announced.pop(sid, None)
        case CouncilAttend():
            if msg.person_id not in feature.directory.people:
                raise CouncilRefused(CouncilRefused.UNKNOWN_PERSON)
            before = session.attendance.mode_of(msg.person_id)
            session.mark_hall(me, msg.person_id, msg.in_hall, now)
            feature.recorder.moved(session, msg.person_id, before, now)
            feature.recorder.quorum(session, now)
        case CouncilVoteOpen():
            vote_id = new_id("v")
            vote = session.open_vote(me, vote_id, VoteKind(msg.kind), msg.question, now, msg.election)
            feature.store.open_vote(sid, vote_id, msg.kind, msg.question, msg.election, vote.agenda_index, now)
            feature.publish(session)
            return ack(msg.id, ref=vote_id)
        case CouncilBallot():
            active = session.votes.active
            if active is None or active.vote_id != msg.vote_id:
                raise BallotRefused(BallotRefused.NO_VOTE)
            session.cast(me, Choice(msg.choice))
            feature.store.took_part(msg.vote_id, me, msg.choice if active.kind is VoteKind.NAMED else None)
        case CouncilVoteClose():
            result = session.close_vote(me, now)
            feature.store.close_vote(result)
        case CouncilNotes():
            session.write_notes(me, msg.item_index, msg.text)
            feature.store.set_notes(sid, msg.item_index, msg.text)
            return None  # the notes are not part of the live state
    feature.publish(session)
    return None
