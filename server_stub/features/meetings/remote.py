"""Cluster mode: a member's media request (publish, receive someone, answer, pause a video) from a socket
on one node reaches the meeting's owner (owner.py), which alone holds the Janus sessions of the
meeting, and the owner's answer comes back to the asking node.

Both go over the relay stream every node reads (``dvz:relay``, cluster/presence.py): ``meeting-ask``
carries the owner it is for and a reply key, ``meeting-reply`` the result (a session description, or
an error code) for the asking node. The stream is ordered, and the asking node's news of the call's
change went into it before its request, so the owner has read the call as the asker saw it. The owner
checks membership again before it touches the media server. What travels: the call, the member, the
other member, and session descriptions (Janus's, scrubbed of its room id); never a Janus id or secret.
An owner that does not answer within ``ASK_TIMEOUT_S`` (it was lost) is reported as the media server
being unavailable; the client asks again once the meeting has its new room.
"""

from __future__ import annotations

import asyncio
import itertools
import json
from collections.abc import Awaitable, Callable, Coroutine
from typing import Any

from dvz_desktop.protocol import ErrorCode

from ...feature import Refused

ASK = "meeting-ask"
REPLY = "meeting-reply"
ASK_TIMEOUT_S = 15.0

Send = Callable[[str, str], None]


class MeetingRemote:
    def __init__(self, me: str, send_ask: Send, send_reply: Send,
                 serve: Callable[[dict[str, Any]], Awaitable[str | None]],
                 spawn: Callable[[Coroutine[Any, Any, None]], None]) -> None:
        self.me = me
        self._send_ask = send_ask
        self._send_reply = send_reply
        self._serve = serve
        self._spawn = spawn
        self._numbers = itertools.count(1)
        self._waiting: dict[str, asyncio.Future[dict[str, Any]]] = {}

    async def ask(self, owner: str, request: dict[str, Any]) -> str | None:
        """The owner's answer to ``request`` (a session description or None); raises ``Refused``."""
        key = f"{self.me}:{next(self._numbers)}"
        future: asyncio.Future[dict[str, Any]] = asyncio.get_running_loop().create_future()
        self._waiting[key] = future
        try:
            self._send_ask(key, json.dumps({**request, "to": owner, "from": self.me}))
            async with asyncio.timeout(ASK_TIMEOUT_S):
                reply = await future
        except TimeoutError:
            raise Refused(ErrorCode.MEDIA_SERVER_UNAVAILABLE) from None
        finally:
            self._waiting.pop(key, None)
        if "error" in reply:
            raise Refused(ErrorCode(reply["error"]))
        sdp = reply.get("sdp")
        return None if sdp is None else str(sdp)

    def asked(self, key: str, payload: str) -> None:
        """A request on the relay: served if it is for this node."""
        request = json.loads(payload)
        if request.get("to") == self.me:
            self._spawn(self._answer(key, request))

    async def _answer(self, key: str, request: dict[str, Any]) -> None:
        try:
            reply: dict[str, Any] = {"sdp": await self._serve(request)}
        except Refused as exc:
            reply = {"error": exc.code.value}
        except Exception:
            self._send_reply(key, json.dumps({"to": request["from"], "error": ErrorCode.MEDIA_SERVER_REFUSED.value}))
            raise  # reported by the task set: a bug, not a refusal
        self._send_reply(key, json.dumps({**reply, "to": request["from"]}))

    def replied(self, key: str, payload: str) -> None:
        reply = json.loads(payload)
        future = self._waiting.get(key) if reply.get("to") == self.me else None
        if future is not None and not future.done():
            future.set_result(reply)
