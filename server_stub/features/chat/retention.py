"""Chat retention: what is older than its room kind's retention is deleted, in short steps."""

from __future__ import annotations

import asyncio
import logging
from collections import defaultdict
from datetime import datetime, timedelta

from dvz_desktop.protocol import ConversationKind, RoomKind

from ...db import DatabaseError
from ...directory.visibility import Directory
from .store import PURGE_STEP, ChatStore

log = logging.getLogger(__name__)

#: Days a conversation's messages are kept, per room kind and for direct conversations.
DEFAULT_RETENTION = {kind.value: 365 for kind in RoomKind} | {RoomKind.COFFEE_KITCHEN.value: 1, "direct": 365}


async def purge_old(store: ChatStore, directory: Directory, retention_days: dict[str, int], now: datetime) -> int:
    """Delete what is older than its retention, in steps of ``PURGE_STEP`` events with the loop turning in
    between (one short transaction each); returns how many events went. The database away: what is left
    goes with the next round."""
    try:
        return await _purge(store, directory, retention_days, now)
    except DatabaseError:
        log.warning("the chat purge waits for the database")
        return 0


async def _purge(store: ChatStore, directory: Directory, retention_days: dict[str, int], now: datetime) -> int:
    by_days: dict[int, list[str]] = defaultdict(list)
    for conv in store.all_conversations():
        if conv.kind is ConversationKind.DIRECT:
            days = retention_days["direct"]
        else:
            place = directory.rooms.get(conv.room_id or "")
            days = retention_days.get(place.room.kind.value if place else "", 365)
        by_days[days].append(conv.conv_id)
    removed = 0
    for days, convs in by_days.items():
        cutoff = now - timedelta(days=days)
        for conv_id in convs:
            while (step := store.purge_step(conv_id, cutoff)) > 0:
                removed += step
                await asyncio.sleep(0)
                if step < PURGE_STEP:
                    break
            await asyncio.sleep(0)  # one look per conversation: thousands of them stall no one either
    return removed
