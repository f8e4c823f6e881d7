"""One sample of every council message, for the protocol's round-trip test."""

from __future__ import annotations

from datetime import UTC, datetime

from pydantic import BaseModel

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
    CouncilResult,
    CouncilStart,
    CouncilState,
    CouncilSync,
    CouncilTimer,
    CouncilVoteClose,
    CouncilVoteOpen,
)

AT = datetime(2026, 12, 3, 17, tzinfo=UTC)

COUNCIL_CLIENT_SAMPLES: list[BaseModel] = [
    CouncilStart(id="c1", room_id="saal", body_id="uva", title="Sitzung über Straßen", public=True),
    CouncilEnd(id="c2", session_id="s1"),
    CouncilFollow(id="c3", session_id="s1", follow=False),
    CouncilAgenda(id="c4", session_id="s1", items=(CouncilItem(number="Ö 1", title="Eröffnung"),)),
    CouncilGoTo(id="c5", session_id="s1", index=0),
    CouncilHand(id="c6", session_id="s1", raised=True, kind="reply"),
    CouncilFloor(id="c7", session_id="s1", action="limit", seconds=180),
    CouncilReorder(id="c8", session_id="s1", order=("a", "b")),
    CouncilTimer(id="c9", session_id="s1", action="start", kind="break", label="Kaffeepause", minutes=10),
    CouncilAttend(id="c10", session_id="s1", person_id="a", in_hall=True),
    CouncilVoteOpen(id="c11", session_id="s1", kind="secret", question="Wahl?", election=True),
    CouncilBallot(id="c12", session_id="s1", vote_id="v1", choice="abstain"),
    CouncilVoteClose(id="c13", session_id="s1"),
    CouncilNotes(id="c14", session_id="s1", item_index=-1, text="Eröffnet um 17 Uhr."),
    CouncilMinutesGet(id="c15", session_id="s1"),
    CouncilSync(id="c16"),
]
COUNCIL_SERVER_SAMPLES: list[BaseModel] = [
    CouncilState(session=CouncilInfo(
        session_id="s1", room_id="saal", title="Sitzung", started_at=AT,
        body=CouncilBodyInfo(body_id="uva", name="Ausschuss", chair_id="lr", members=("a", "b"), profile="mv"),
        results=(CouncilResult(vote_id="v1", kind="open", question="Größe?", yes=2, closed_at=AT, carried=True),))),
    CouncilBodies(bodies=(CouncilBodyInfo(body_id="uva", name="Ausschuss", chair_id="lr"),)),
    CouncilMinutes(session_id="s1", body_name="Ausschuss", title="Sitzung", started_at=AT, chair="Dr. Lena Landrat"),
]
