"""A session as the wire shows it: the whole state for the people taking part, and the public's part."""

from __future__ import annotations

from datetime import datetime, timedelta

from dvz_desktop.core.council.attendance import quorum_text_de
from dvz_desktop.core.council.session import Body, CouncilSession
from dvz_desktop.core.council.votes import VoteResult
from dvz_desktop.protocol import (
    CouncilBodyInfo,
    CouncilFloorInfo,
    CouncilHandInfo,
    CouncilInfo,
    CouncilItemInfo,
    CouncilLoss,
    CouncilNamedVote,
    CouncilPresent,
    CouncilResult,
    CouncilTimerInfo,
    CouncilVoided,
    CouncilVoteInfo,
)


def _seconds(delta: timedelta | None) -> int | None:
    return None if delta is None else int(-(-delta.total_seconds() // 1))  # rounded up: 0 only when over


def result_info(result: VoteResult) -> CouncilResult:
    return CouncilResult(
        vote_id=result.vote_id, kind=result.kind.value, question=result.question, election=result.election,
        yes=result.tally.yes, no=result.tally.no, abstain=result.tally.abstain, carried=result.carried,
        record=tuple(CouncilNamedVote(person_id=p, choice=c.value) for p, c in result.record),
        item_index=result.agenda_index, closed_at=result.closed_at)


def body_info(body: Body) -> CouncilBodyInfo:
    return CouncilBodyInfo(
        body_id=body.body_id, name=body.name, chair_id=body.chair, minute_taker_id=body.minute_taker,
        members=tuple(sorted(body.members)), advisory=tuple(sorted(body.advisory)),
        profile=body.profile.id, quorum_required=body.quorum.required(len(body.members)),  # type: ignore[arg-type]
        quorum_rule=quorum_text_de(body.quorum), file_number=body.file_number)


def session_info(session: CouncilSession, now: datetime, mute_others: bool) -> CouncilInfo:
    body = session.body
    floor = session.speakers.floor
    floor_info = None
    if floor is not None:
        floor_info = CouncilFloorInfo(person_id=floor.person_id, kind=floor.kind.value, since=floor.since,
                                      limit_s=_seconds(floor.limit), remaining_s=_seconds(floor.remaining(now)),
                                      mute_others=mute_others)
    timer = session.timer
    timer_info = None
    if timer is not None:
        timer_info = CouncilTimerInfo(kind=timer.kind.value, label=timer.label,
                                      duration_s=_seconds(timer.duration) or 0,
                                      remaining_s=_seconds(timer.remaining(now)) or 0,
                                      running=timer.paused_at is None)
    vote = session.votes.active
    vote_info = None
    if vote is not None:
        vote_info = CouncilVoteInfo(vote_id=vote.vote_id, kind=vote.kind.value, question=vote.question,
                                    election=vote.election, opened_at=vote.opened_at, cast=vote.tally.cast,
                                    voted=tuple(sorted(vote.participants)))
    open_stays = {s.person_id: s.arrived for s in session.attendance.stays if s.left is None}
    present = tuple(CouncilPresent(person_id=p, mode=m.value, since=open_stays.get(p, session.started_at))
                    for p, m in sorted(session.attendance.present().items()))
    return CouncilInfo(
        session_id=session.session_id, room_id=session.room_id, title=session.title, public=session.public,
        started_at=session.started_at, ended_at=session.ended_at, moderators=tuple(sorted(session.moderators)),
        body=body_info(body) if body is not None else None,
        agenda=tuple(CouncilItemInfo(number=i.number, title=i.title, public=i.public) for i in session.agenda),
        current_item=session.current_item,
        hands=tuple(CouncilHandInfo(person_id=r.person_id, kind=r.kind.value, raised_at=r.raised_at)
                    for r in session.speakers.waiting),
        floor=floor_info,
        speaker_limit_s=_seconds(session.speakers.limit), timer=timer_info, present=present,
        quorate=session.attendance.quorate() if body else False,
        members_present=len(session.attendance.members_present()),
        losses=tuple(CouncilLoss(person_id=c.person_id, at=c.at, vote_id=c.vote_id)
                     for c in session.attendance.losses),
        interrupt_advised=session.connection_warning(), vote=vote_info,
        results=tuple(result_info(r) for r in session.votes.results),
        voided=tuple(CouncilVoided(vote_id=v.vote_id, question=v.question, at=v.at) for v in session.voided),
    )


def public_view(info: CouncilInfo | None, body_name: str) -> dict[str, object]:
    """What citizens see of a public session: the public agenda, the current item if it is public, and
    the results of votes on public items (counts only; no names, no attendance). Built from the state the
    members are sent, so any cluster node can answer the page."""
    if info is None or not info.public or info.ended_at is not None:
        return {"body": body_name, "running": False}
    agenda = info.agenda
    public_items = [(n, i) for n, i in enumerate(agenda) if i.public]
    current = info.current_item
    shown_current = current if current is not None and agenda[current].public else None
    results = [{"question": r.question, "yes": r.yes, "no": r.no, "abstain": r.abstain,
                "carried": r.carried, "item": r.item_index}
               for r in info.results
               if r.item_index is None or (r.item_index < len(agenda) and agenda[r.item_index].public)]
    return {
        "body": body_name, "running": True, "title": info.title,
        "agenda": [{"index": n, "number": i.number, "title": i.title} for n, i in public_items],
        "current": shown_current,
        "non_public_now": current is not None and shown_current is None,
        "vote_running": info.vote is not None and (current is None or agenda[current].public),
        "results": results,
    }
