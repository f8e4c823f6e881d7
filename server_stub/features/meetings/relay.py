"""The media server's side of every meeting: its rooms follow the calls, and every request a member makes
(publish, receive someone, answer, pause a video) reaches Janus only through here, after the checks.

The rooms follow the calls by *reconciling*: after any change of a call, one task per call (later
changes wait for it, and changes that arrive meanwhile are folded into one more run) makes the media
server match the call: its room for the call's current ``sfu_epoch``, every member entered (so their
subscriptions can start at once), members who left out, a removed member kicked, a moderator's mutes
applied and lifted. A member's request waits until the reconciling that was under way when it came is
done, so a publish that follows the call's move to the media server finds the room there.

In a cluster only the meeting's owner (owner.py) has a room for it and reconciles; a member's request on
another node goes to the owner (remote.py) after the same membership check, and is checked again there.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Coroutine
from typing import Any, TypeVar

from dvz_desktop.core.meetings import Media, Sfu
from dvz_desktop.core.tasks import TaskSet
from dvz_desktop.protocol import ErrorCode
from dvz_desktop.protocol.meetings import MAX_MEETING_MEMBERS

from ...feature import Refused
from ...sfu.config import SfuConfig
from ...sfu.janus_client import JanusUnavailable
from ...sfu.janus_messages import JanusError
from ...sfu.media_server import MediaServer, NotEntered, NotPublishing, Room
from ..calls.feature import CallsFeature, _Call
from .remote import MeetingRemote

log = logging.getLogger(__name__)
T = TypeVar("T")


def _sdp(text: str) -> str:
    if not text.startswith("v=0"):
        raise Refused(ErrorCode.INVALID_SDP)
    return text


class MeetingMedia:
    def __init__(self, calls: CallsFeature, config: SfuConfig | None) -> None:
        self.calls = calls
        self.server = None if config is None else MediaServer(
            config.url, api_secret=config.api_secret, admin_key=config.admin_key,
            on_change=self._server_changed, on_published=calls.set_publishing)
        #: Call id -> the epoch its media server room was made for.
        self._rooms_at: dict[str, int] = {}
        self._janus_muted: dict[str, set[str]] = {}
        self._locks: dict[str, asyncio.Lock] = {}
        self._queued: set[str] = set()
        self._tasks = TaskSet()  # a failed request is reported (a failed test in the suite), not lost
        #: Whether this node drives the call's room (always, on one node; the owner's, in a cluster).
        self.owns: Callable[[_Call], bool] = lambda call: True
        #: Cluster mode: how requests reach a meeting's owner on another node.
        self.remote: MeetingRemote | None = None

    async def start(self) -> None:
        if self.server is not None:
            await self.server.start()

    async def stop(self) -> None:
        self._tasks.cancel()
        if self.server is not None:
            await self.server.close()

    def sfu(self) -> Sfu:
        if self.server is None:
            return Sfu.NONE
        return Sfu.UP if self.server.up else Sfu.DOWN

    # --- the rooms follow the calls ---

    def call_changed(self, call: _Call) -> None:
        if self.server is None or call.call_id in self._queued:
            return
        needed = (call.mode is Media.SFU and self.owns(call)) or call.call_id in self._rooms_at
        if needed:
            self._queued.add(call.call_id)
            self._tasks.spawn(self._reconcile(call.call_id))

    def _server_changed(self, up: bool) -> None:
        if not up:
            self._rooms_at.clear()  # Janus lost them all
            self._janus_muted.clear()
        self.calls.media_server_changed()

    async def _reconcile(self, call_id: str) -> None:
        async with self._lock(call_id):
            self._queued.discard(call_id)
            try:
                await self._match(call_id)
            except JanusUnavailable:
                pass  # the supervisor reports the loss; the calls fall back
            except (JanusError, TimeoutError) as exc:
                log.warning("the media server refused a change of call %s: %s", call_id, exc)
        if call_id not in self.calls.calls and call_id not in self._rooms_at:
            self._locks.pop(call_id, None)

    async def _match(self, call_id: str) -> None:
        assert self.server is not None
        server = self.server
        call = self.calls.calls.get(call_id)
        wanted = (call is not None and call.mode is Media.SFU and not call.sfu_lost and server.up
                  and self.owns(call))
        have = self._rooms_at.get(call_id)
        if call is None or not wanted:
            if have is not None:
                del self._rooms_at[call_id]
                self._janus_muted.pop(call_id, None)
                await server.close_room(call_id)
            return
        if have != call.sfu_epoch:
            if have is not None:
                await server.close_room(call_id)
            self._janus_muted.pop(call_id, None)
            await server.open_room(call_id, capacity=MAX_MEETING_MEMBERS)
            self._rooms_at[call_id] = call.sfu_epoch
        room = server.rooms.get(call_id)
        if room is None:
            return
        for gone in set(room.members) - set(call.members):
            await (server.remove(call_id, gone) if gone in call.removed else server.leave(call_id, gone))
        await asyncio.gather(*(server.enter(call_id, key) for key in call.members if key not in room.members))
        muted = self._janus_muted.setdefault(call_id, set())
        for key in call.muted_by_moderator - muted:
            await server.mute(call_id, key, True)
            muted.add(key)
        for key in muted - call.muted_by_moderator:
            muted.discard(key)
            if key in call.members:
                await server.mute(call_id, key, False)

    def _lock(self, call_id: str) -> asyncio.Lock:
        return self._locks.setdefault(call_id, asyncio.Lock())

    # --- what members ask for ---

    async def publish(self, call: _Call, key: str, offer: str) -> str:
        answer = await self._perform(call, {"op": "publish", "member": key, "sdp": offer})
        assert answer is not None
        return answer

    async def subscribe(self, call: _Call, key: str, publisher: str, video: bool) -> str | None:
        return await self._perform(call, {"op": "subscribe", "member": key, "publisher": publisher, "video": video})

    async def answer(self, call: _Call, key: str, publisher: str, answer: str) -> None:
        await self._perform(call, {"op": "answer", "member": key, "publisher": publisher, "sdp": answer})

    async def set_video(self, call: _Call, key: str, publisher: str, on: bool) -> None:
        await self._perform(call, {"op": "video", "member": key, "publisher": publisher, "on": on})

    async def _perform(self, call: _Call, request: dict[str, Any]) -> str | None:
        """A member's request: here if this node drives the call's room, else at its owner."""
        self.check(call)
        if self.owns(call):
            return await self._local(call, request)
        if self.remote is None or call.sfu_node is None:
            raise Refused(ErrorCode.MEDIA_SERVER_UNAVAILABLE)
        return await self.remote.ask(call.sfu_node, {**request, "call": call.call_id})

    async def serve(self, request: dict[str, Any]) -> str | None:
        """Another node's member's request (remote.py): the same checks again, as this node sees the call."""
        call = self.calls.calls.get(str(request.get("call")))
        if call is None or request.get("member") not in call.members:
            raise Refused(ErrorCode.NOT_IN_CALL)
        self.check(call)
        if not self.owns(call):
            raise Refused(ErrorCode.MEDIA_SERVER_UNAVAILABLE)  # taken over meanwhile: the client asks anew
        return await self._local(call, request)

    async def _local(self, call: _Call, request: dict[str, Any]) -> str | None:
        key, op = str(request["member"]), request.get("op")
        if op == "publish":
            offer = _sdp(str(request["sdp"]))
            return await self._request(call, lambda server: server.publish(call.call_id, key, offer))
        publisher = str(request["publisher"])
        if publisher not in call.members or (op == "subscribe" and publisher == key):
            raise Refused(ErrorCode.NOT_IN_CALL)
        if op == "subscribe":
            video = bool(request["video"])
            return await self._request(call, lambda server: server.subscribe(call.call_id, key, publisher, video))
        if op == "answer":
            answer = _sdp(str(request["sdp"]))
            await self._request(call, lambda server: server.answer(call.call_id, key, publisher, answer))
            return None
        if op == "video":
            on = bool(request["on"])
            await self._request(call, lambda server: server.set_video(call.call_id, key, publisher, on))
            return None
        raise Refused(ErrorCode.INVALID_MESSAGE)

    async def settled(self, call: _Call) -> Room | None:
        """The call's room at the media server once the reconciling under way is done (None: it has none
        for the call's current epoch)."""
        async with self._lock(call.call_id):
            pass
        if self.server is None or call.ended or self._rooms_at.get(call.call_id) != call.sfu_epoch:
            return None
        return self.server.rooms.get(call.call_id)

    def check(self, call: _Call) -> None:
        """Refuses a media request for a call that is not on a (working) media server."""
        if self.server is None or call.mode is not Media.SFU:
            raise Refused(ErrorCode.NOT_IN_CALL)
        if call.sfu_lost or not self.server.up:
            raise Refused(ErrorCode.MEDIA_SERVER_UNAVAILABLE)

    async def _request(self, call: _Call, step: Callable[[MediaServer], Awaitable[T]]) -> T:
        self.check(call)
        epoch = call.sfu_epoch
        async with self._lock(call.call_id):
            pass  # the reconciling under way when the request came is done
        assert self.server is not None
        if call.ended or self._rooms_at.get(call.call_id) != epoch:
            raise Refused(ErrorCode.MEDIA_SERVER_UNAVAILABLE)
        try:
            return await step(self.server)
        except NotPublishing:
            raise Refused(ErrorCode.NOT_PUBLISHING) from None
        except NotEntered:
            raise Refused(ErrorCode.NOT_IN_CALL) from None
        except JanusUnavailable:
            raise Refused(ErrorCode.MEDIA_SERVER_UNAVAILABLE) from None
        except (JanusError, TimeoutError, KeyError) as exc:
            log.info("the media server refused a request in call %s: %s", call.call_id, exc)
            raise Refused(ErrorCode.MEDIA_SERVER_REFUSED) from None

    def spawn(self, coro: Coroutine[Any, Any, None]) -> None:
        """Runs a member's request (its answer goes back when the media server has replied)."""
        self._tasks.spawn(coro)

    async def idle(self) -> None:
        """Waits until nothing is under way (tests)."""
        await self._tasks.idle()
