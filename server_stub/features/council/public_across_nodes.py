"""Cluster mode: the public's viewers on every node, served by the node that drives the meeting's room.

Only the node owning a meeting's room at the media server (meetings/owner.py) holds its Janus sessions,
so only it can subscribe viewers to the room. A viewer's page reaches whichever node HAProxy chose; that
node keeps the socket and the viewer's rules (view only, limits) and, while another node owns the
session's meeting, has it served there (``PublicViewers._rehost``): over the cluster's relay
(``dvz:relay``) it sends

* ``public-watch`` — the viewer's key, the body, its generation so far: the owner adds a stand-in viewer
  whose frames (``public-frame``: states, offers, refusals) go back to the viewer's node and its socket;
* ``public-answer`` — the page's answer to an offer (checked to receive only before it leaves);
* ``public-gone`` — the page left, or the viewer moved to another owner.

A new owner (the meeting was taken over) gets the viewers anew from their nodes as soon as those see the
change; the old owner drops its stand-ins at the same moment, and a frame from a node that serves a viewer
no more is not passed on. Stand-ins of a node that was lost are dropped. What travels: the body, states,
the media server's offers (scrubbed of its room id, as a viewer gets them) and the pages' answers; never a
Janus id, secret or PIN, and nothing about the viewer but a key.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Callable

from .public_media import PublicViewers, Viewer
from .public_socket import public_error

WATCH = "public-watch"
ANSWER = "public-answer"
GONE = "public-gone"
FRAME = "public-frame"

Relay = Callable[[str, str], None]


class PublicHosts:
    def __init__(self, viewers: PublicViewers, me: str, relay: Callable[[str], Relay],
                 relayed: dict[str, Relay]) -> None:
        self.viewers = viewers
        #: This node as an owner of meetings (``MeetingOwnership.me``: new with every start).
        self.me = me
        self._send = {kind: relay(kind) for kind in (WATCH, ANSWER, GONE, FRAME)}
        relayed[WATCH], relayed[ANSWER], relayed[GONE], relayed[FRAME] = (
            self._watched, self._answered, self._left, self._framed)
        self._numbers = itertools.count(1)
        #: On the viewer's node: this node's viewers served elsewhere, by key.
        self._served_elsewhere: dict[str, Viewer] = {}
        #: On the serving node: the stand-ins for other nodes' viewers, by key.
        self._stand_ins: dict[str, Viewer] = {}
        viewers.hosts = self

    # --- the viewer's node ---

    def watch(self, host: str, viewer: Viewer, body_id: str) -> None:
        viewer.key = viewer.key or f"{self.me}:{next(self._numbers)}"
        self._served_elsewhere[viewer.key] = viewer
        self._send[WATCH](viewer.key, json.dumps({"to": host, "from": self.me, "body": body_id,
                                                  "generation": viewer.generation}))

    def answer(self, host: str, viewer: Viewer, generation: int, sdp: str) -> None:
        self._send[ANSWER](viewer.key, json.dumps({"to": host, "generation": generation, "sdp": sdp}))

    def gone(self, host: str, viewer: Viewer) -> None:
        self._served_elsewhere.pop(viewer.key, None)
        self._send[GONE](viewer.key, json.dumps({"to": host}))

    def _framed(self, key: str, payload: str) -> None:
        data = json.loads(payload)
        viewer = self._served_elsewhere.get(key) if data.get("to") == self.me else None
        if viewer is None or viewer.host != data.get("from"):
            return  # a frame of a node that serves this viewer no more
        frame = str(data["frame"])
        said = json.loads(frame)
        viewer.generation = int(said.get("generation", viewer.generation))
        if said.get("type") == "public_media":
            viewer.state = str(said["state"])
        viewer.send(frame)

    # --- the serving node ---

    def _watched(self, key: str, payload: str) -> None:
        data = json.loads(payload)
        if data.get("to") != self.me:
            return
        origin = str(data["from"])
        earlier = self._stand_ins.pop(key, None)
        if earlier is not None:
            self.viewers.gone(earlier)
        self._drop_earlier_runs(origin)
        stand_in = Viewer(self._frames_to(origin, key), generation=int(data["generation"]), origin=origin, key=key)
        self._stand_ins[key] = stand_in
        self.viewers.watch(stand_in, str(data["body"]))

    def _frames_to(self, origin: str, key: str) -> Callable[[str], None]:
        return lambda frame: self._send[FRAME](key, json.dumps({"to": origin, "from": self.me, "frame": frame}))

    def _answered(self, key: str, payload: str) -> None:
        data = json.loads(payload)
        stand_in = self._stand_ins.get(key) if data.get("to") == self.me else None
        if stand_in is not None:
            self.viewers.spawn(self._answer(stand_in, int(data["generation"]), str(data["sdp"])))

    async def _answer(self, stand_in: Viewer, generation: int, sdp: str) -> None:
        refused = await self.viewers.answer(stand_in, generation, sdp)
        if refused is not None:
            stand_in.send(public_error(refused))

    def _left(self, key: str, payload: str) -> None:
        if json.loads(payload).get("to") == self.me and (stand_in := self._stand_ins.pop(key, None)) is not None:
            self.viewers.gone(stand_in)

    def forget(self, proxy: Viewer) -> None:
        """A stand-in this node no longer serves (another node owns the meeting now)."""
        if self._stand_ins.get(proxy.key) is proxy:
            del self._stand_ins[proxy.key]

    def _drop_earlier_runs(self, origin: str) -> None:
        """A node restarted under its id (faster than its heartbeat expires, so it was never taken for lost):
        the stand-ins of its earlier run serve sockets that are gone."""
        node = origin.rsplit("/", 1)[0]
        for key, stand_in in list(self._stand_ins.items()):
            if stand_in.origin not in (None, origin) and stand_in.origin.rsplit("/", 1)[0] == node:
                del self._stand_ins[key]
                self.viewers.gone(stand_in)

    def node_lost(self, node_id: str) -> None:
        """The viewers of a lost node are gone with it (their pages come back through another node)."""
        for key, stand_in in list(self._stand_ins.items()):
            if stand_in.origin is not None and stand_in.origin.startswith(f"{node_id}/"):
                del self._stand_ins[key]
                self.viewers.gone(stand_in)
