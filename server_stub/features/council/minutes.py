"""The minutes' draft (Niederschrift) of a council session, from what the store holds.

Built from the database, not from memory, so it is complete after a restart too: attendance with times
(who, in which role, in the hall or remote), per agenda item the speakers, the motions put to the vote
and their results (named votes: who voted how), the minute-taker's notes, and the disruptions (lost
connections, quorum lost or regained). The client words the times in its own time zone and renders the
PDF.
"""

from __future__ import annotations

from dvz_desktop.core.council.attendance import quorum_text_de
from dvz_desktop.core.council.session import CouncilSession
from dvz_desktop.protocol import CouncilAttendance, CouncilMinutes, CouncilMinutesItem

from ...directory.visibility import Directory
from .store import CouncilStore
from .views import result_info


def minutes_of(store: CouncilStore, directory: Directory, session: CouncilSession) -> CouncilMinutes:
    sid = session.session_id
    body = session.body
    assert body is not None

    def name(person_id: str) -> str:
        person = directory.people.get(person_id)
        return person.display_name if person else person_id

    def role(person_id: str) -> str:
        if person_id == body.chair:
            return "chair"
        if person_id in body.advisory:
            return "advisory"
        if person_id in body.members:
            return "member"
        return "minute_taker" if person_id == body.minute_taker else "guest"

    attendance = tuple(
        CouncilAttendance(person_id=p, display_name=name(p), role=role(p), mode=m,  # type: ignore[arg-type]
                          arrived=a, left=left)
        for p, m, a, left in store.stays_of(sid))
    speeches = store.speeches_of(sid)
    results = store.results_of(sid)
    notes = store.notes_of(sid)
    items = tuple(
        CouncilMinutesItem(
            number=item.number, title=item.title, public=item.public,
            speakers=tuple(name(p) + (" (Zwischenfrage)" if k == "reply" else "")
                           for i, p, k, _ in speeches if i == n),
            results=tuple(result_info(r) for r in results if r.agenda_index == n),
            notes=notes.get(n, ""))
        for n, item in enumerate(store.agenda_of(sid)))
    disruptions = []
    for at, kind, person, detail in store.events_of(sid):
        clock = at.astimezone().strftime("%H:%M")
        if kind == "connection_lost":
            during = " während einer Abstimmung" if detail else ""
            disruptions.append(f"{clock} Verbindung von {name(person or '')} unterbrochen{during}")
        elif kind == "quorum":
            state, _, count = detail.partition(":")
            words = "beschlussfähig" if state == "quorate" else "nicht beschlussfähig"
            disruptions.append(f"{clock} {words} ({count} Mitglieder anwesend)")
        elif kind == "vote_void":
            question = detail.partition(":")[2]
            disruptions.append(f"{clock} Abstimmung „{question}“ ungültig: Die Verbindung zum Server, der sie "
                               "zählte, ging verloren; sie ist zu wiederholen")
    row = store.session_row(sid)
    ended_at = row[4] if row else session.ended_at
    return CouncilMinutes(
        session_id=sid, body_name=body.name, title=session.title, file_number=body.file_number,
        started_at=session.started_at, ended_at=ended_at, chair=name(body.chair),
        minute_taker=name(body.minute_taker) if body.minute_taker else "", quorum_rule=quorum_text_de(body.quorum),
        attendance=attendance, opening_notes=notes.get(-1, ""), items=items, disruptions=tuple(disruptions))
