"""The public's viewers between the nodes (server_stub/features/council/public_across_nodes.py): what goes
over the relay, and which frames reach a viewer's socket. The whole path with Janus and Chromium:
tests/e2e/test_council_public_cluster.py."""

from __future__ import annotations

import json
from typing import Any

from server_stub.features.council.public_across_nodes import ANSWER, FRAME, GONE, WATCH, PublicHosts
from server_stub.features.council.public_media import Viewer


class Viewers:
    """What PublicHosts uses of PublicViewers, noted."""

    def __init__(self) -> None:
        self.hosts: Any = None
        self.watched: list[tuple[Viewer, str]] = []
        self.left: list[Viewer] = []

    def watch(self, viewer: Viewer, body_id: str) -> None:
        self.watched.append((viewer, body_id))

    def gone(self, viewer: Viewer) -> None:
        self.left.append(viewer)


def _node(me: str) -> tuple[PublicHosts, Viewers, list[tuple[str, str, dict[str, Any]]], dict[str, Any]]:
    sent: list[tuple[str, str, dict[str, Any]]] = []
    relayed: dict[str, Any] = {}
    viewers = Viewers()
    hosts = PublicHosts(viewers, me, lambda kind: lambda key, payload: sent.append((kind, key, json.loads(payload))),
                        relayed)  # type: ignore[arg-type]
    assert viewers.hosts is hosts
    return hosts, viewers, sent, relayed


def test_a_viewer_here_is_served_elsewhere_and_only_its_server_s_frames_reach_it() -> None:
    hosts, _, sent, relayed = _node("b/1")
    got: list[str] = []
    viewer = Viewer(got.append, host="a/1", generation=2)
    hosts.watch("a/1", viewer, "uva")
    assert sent == [(WATCH, viewer.key, {"to": "a/1", "from": "b/1", "body": "uva", "generation": 2})]

    offer = json.dumps({"type": "public_offer", "generation": 3, "sdp": "v=0"})
    relayed[FRAME](viewer.key, json.dumps({"to": "b/1", "from": "c/1", "frame": offer}))  # not its server
    relayed[FRAME](viewer.key, json.dumps({"to": "c/1", "from": "a/1", "frame": offer}))  # not for this node
    assert got == []
    relayed[FRAME](viewer.key, json.dumps({"to": "b/1", "from": "a/1", "frame": offer}))
    assert got == [offer] and viewer.generation == 3
    state = json.dumps({"type": "public_media", "state": "non_public", "generation": 3})
    relayed[FRAME](viewer.key, json.dumps({"to": "b/1", "from": "a/1", "frame": state}))
    assert viewer.state == "non_public"

    hosts.answer("a/1", viewer, 3, "v=0 answer")
    hosts.gone("a/1", viewer)
    assert [(kind, body) for kind, _, body in sent[1:]] == [
        (ANSWER, {"to": "a/1", "generation": 3, "sdp": "v=0 answer"}), (GONE, {"to": "a/1"})]
    relayed[FRAME](viewer.key, json.dumps({"to": "b/1", "from": "a/1", "frame": offer}))  # after it left
    assert len(got) == 2


def test_a_stand_in_serves_another_node_s_viewer_until_it_leaves_or_its_node_is_lost() -> None:
    hosts, viewers, sent, relayed = _node("a/1")
    relayed[WATCH]("b/1:1", json.dumps({"to": "a/1", "from": "b/1", "body": "uva", "generation": 4}))
    relayed[WATCH]("b/1:9", json.dumps({"to": "x/1", "from": "b/1", "body": "uva", "generation": 0}))  # not mine
    [(stand_in, body)] = viewers.watched
    assert body == "uva" and stand_in.generation == 4 and stand_in.origin == "b/1" and stand_in.host is None
    stand_in.send('{"type": "public_media"}')
    assert sent == [(FRAME, "b/1:1", {"to": "b/1", "from": "a/1", "frame": '{"type": "public_media"}'})]

    relayed[GONE]("b/1:1", json.dumps({"to": "a/1"}))
    assert viewers.left == [stand_in]

    relayed[WATCH]("b/1:2", json.dumps({"to": "a/1", "from": "b/1", "body": "uva", "generation": 0}))
    relayed[WATCH]("c/7:1", json.dumps({"to": "a/1", "from": "c/7", "body": "uva", "generation": 0}))
    hosts.node_lost("b")  # node b's viewers went with it; c's stay
    assert [v.origin for v in viewers.left] == ["b/1", "b/1"]


def test_a_node_restarted_under_its_id_leaves_no_stand_ins_of_its_earlier_run() -> None:
    _, viewers, _, relayed = _node("a/1")
    relayed[WATCH]("b/1:1", json.dumps({"to": "a/1", "from": "b/1", "body": "uva", "generation": 0}))
    relayed[WATCH]("b/1:2", json.dumps({"to": "a/1", "from": "b/1", "body": "uva", "generation": 0}))
    relayed[WATCH]("b/2:1", json.dumps({"to": "a/1", "from": "b/2", "body": "uva", "generation": 0}))  # b again
    assert [v.key for v in viewers.left] == ["b/1:1", "b/1:2"]
