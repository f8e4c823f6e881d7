"""Who drives a meeting's room on the media server when the backend runs as several nodes: one owner
per meeting, by lease.

The owner creates and closes the room, enters and kicks members and applies a moderator's mutes; its
lease runs for ``LEASE`` and is renewed every ``RENEW_EVERY_S`` while the owner is connected to the
media server. A node that finds a meeting on the media server whose owner is another node without a
valid lease (that node was killed, cut off, or lost the media server) takes it over: a new room, in
which everyone publishes anew (``sfu_epoch`` + 1).

The lease is longer than a few renewals so that one slow turn of a busy node's loop does not hand the
meeting over (which would cost everyone a second of silence), and short enough that a lost owner's
meeting is back within a few seconds.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

LEASE = timedelta(seconds=4)
RENEW_EVERY_S = 1.0
#: A lease that ran out this long ago belongs to a meeting nobody drives any more (it ended): removed.
FORGOTTEN_AFTER = timedelta(minutes=1)


@dataclass(frozen=True)
class Lease:
    owner: str
    until: datetime

    def valid(self, now: datetime) -> bool:
        return now < self.until


def lease_for(owner: str, now: datetime) -> Lease:
    return Lease(owner, now + LEASE)


def takes_over(me: str, on_media_server: bool, owner: str | None, lease: Lease | None, now: datetime) -> bool:
    """Whether node ``me`` should take over a meeting: it runs on the media server (and the media server
    is not lost), someone else is named its owner (or nobody is), and no valid lease stands behind that."""
    if not on_media_server or owner == me:
        return False
    return lease is None or not lease.valid(now)


def forgotten(lease: Lease, now: datetime) -> bool:
    return now - lease.until > FORGOTTEN_AFTER
