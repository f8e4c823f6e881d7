"""The names ClusterPresence (presence.py) uses in Redis, and its pace."""

from __future__ import annotations

import asyncio
import os
import socket

EVENTS = "dvz:presence:events"
#: Events the other nodes deliver to their sockets (chat today), as a stream: a node that lost Redis
#: for a moment reads on from where it was, nothing is skipped.
RELAY = "dvz:relay"
STATE = "dvz:presence:state"
EPOCH = "dvz:presence:epoch"
NODES = "dvz:nodes"
STREAM_LENGTH = 100_000
HEARTBEAT_S = 1.0
HEARTBEAT_TTL_S = 3
RETRY_S = 0.5
#: After Redis lost its data, how long the nodes have to write their people anew before someone the
#: shared state still lacks is taken for gone (their node died meanwhile): a heartbeat's expiry and one
#: more beat, so no one flickers offline while the state is being rebuilt.
REBUILD_GRACE_S = HEARTBEAT_TTL_S + HEARTBEAT_S


def cancelled() -> bool:
    """Whether this task was asked to stop: redis-py may turn the cancellation of a command under way
    into a connection error, which the retry loops below must not take for a lost connection."""
    task = asyncio.current_task()
    return task is not None and task.cancelling() > 0


def default_node_id() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def where_key(person_id: str) -> str:
    return f"dvz:presence:nodes:{person_id}"


def node_key(node_id: str) -> str:
    return f"dvz:node:{node_id}"


def people_key(node_id: str) -> str:
    return f"dvz:node:{node_id}:people"
