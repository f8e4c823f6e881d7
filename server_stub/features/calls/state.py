"""One call's state as the calls feature keeps it, and its JSON form (cluster mode keeps it in the
database, shared.py)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from dvz_desktop.core.meetings import Media
from dvz_desktop.protocol import CallMember


@dataclass
class _Call:
    call_id: str
    room_id: str | None
    #: Members in order of arrival (who has been in the call longest moderates after the opener).
    members: dict[str, CallMember] = field(default_factory=dict)
    ringing: set[str] = field(default_factory=set)
    opener: str | None = None
    mode: Media = Media.MESH
    sfu_lost: bool = False
    sfu_epoch: int = 0
    #: Guests from outside (browser): member ids that are not people of the directory.
    guests: set[str] = field(default_factory=set)
    #: Removed by a moderator: they cannot join this call again.
    removed: set[str] = field(default_factory=set)
    #: Muted by a moderator and not unmuted by themselves yet (the media server drops their microphone).
    muted_by_moderator: set[str] = field(default_factory=set)
    #: Cluster mode: the node each member's signalling goes through (a member who comes back through
    #: another node, because theirs was lost, is connected to anew: ``CallMember.connection``).
    nodes: dict[str, str] = field(default_factory=dict)
    #: Cluster mode: the node (its owner token, meetings/owner.py) that drives the call's room of this
    #: ``sfu_epoch`` on the media server; the other nodes hand their members' requests to it.
    sfu_node: str | None = None
    ended: bool = False

    def audience(self) -> set[str]:
        return set(self.members) | self.ringing

    def staff(self) -> set[str]:
        return set(self.members) - self.guests


def dump_call(call: _Call) -> str:
    return json.dumps({
        "call_id": call.call_id, "room_id": call.room_id,
        "members": [m.model_dump(mode="json") for m in call.members.values()],
        "ringing": sorted(call.ringing), "opener": call.opener, "mode": call.mode.value, "sfu_lost": call.sfu_lost,
        "sfu_epoch": call.sfu_epoch, "guests": sorted(call.guests), "removed": sorted(call.removed),
        "muted_by_moderator": sorted(call.muted_by_moderator), "nodes": call.nodes,
        "sfu_node": call.sfu_node,
    })


def load_call(body: str) -> _Call:
    state = json.loads(body)
    members = [CallMember.model_validate(m) for m in state["members"]]
    return _Call(state["call_id"], state["room_id"], {m.person_id: m for m in members}, set(state["ringing"]),
                 state["opener"], Media(state["mode"]), state["sfu_lost"], state["sfu_epoch"], set(state["guests"]),
                 set(state["removed"]), set(state["muted_by_moderator"]), dict(state["nodes"]),
                 state.get("sfu_node"))
