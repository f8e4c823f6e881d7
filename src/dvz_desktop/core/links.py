"""``dvz://`` links: what a click in a browser, an e-mail or a calendar entry may ask the client to do.

Only an allow-list of actions exists, each with one identifier of a fixed, harmless shape. Everything
else is refused with a German message. A link never reaches a shell or a file path: the result is a
plain value that the client acts on like a click of the user (walking to a room still knocks).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from urllib.parse import unquote, urlsplit

#: Identifiers of rooms and people as the organisation file allows them.
IDENT = re.compile(r"[A-Za-z0-9_.\-]{1,128}")
MAX_LINK_LENGTH = 512


class LinkKind(str, Enum):
    OPEN_ROOM = "room"  # dvz://room/<room id>
    CALL_PERSON = "call"  # dvz://call/<person id>
    JOIN_APPOINTMENT = "join"  # dvz://join/<room id> (the virtual room of an appointment)


@dataclass(frozen=True)
class LinkAction:
    kind: LinkKind
    target: str


class LinkError(ValueError):
    """The link is not one DVZ Desktop acts on; the message says why, in German."""


def parse_link(text: str) -> LinkAction:
    if len(text) > MAX_LINK_LENGTH:
        raise LinkError("Der Link ist zu lang.")
    if any(ord(ch) < 0x20 or ord(ch) == 0x7F for ch in text):
        raise LinkError("Der Link enthält Steuerzeichen.")
    parts = urlsplit(text.strip())
    if parts.scheme.lower() != "dvz":
        raise LinkError("Das ist kein dvz://-Link.")
    if parts.query or parts.fragment or parts.username or parts.password or parts.port:
        raise LinkError("Der Link enthält Angaben, die DVZ Desktop nicht annimmt.")
    segments = [parts.netloc, *[s for s in parts.path.split("/") if s != ""]]
    if len(segments) != 2:
        raise LinkError("Der Link hat nicht die Form dvz://<aktion>/<ziel>.")
    action, target = segments[0].lower(), unquote(segments[1])
    try:
        kind = LinkKind(action)
    except ValueError:
        raise LinkError(f"Die Aktion „{action[:40]}“ gibt es nicht.") from None
    if not IDENT.fullmatch(target) or target in (".", ".."):
        raise LinkError("Das Ziel des Links ist ungültig.")
    return LinkAction(kind, target)


#: What others notice when the client follows a link: walking into a room (or knocking at its door) and
#: joining an appointment's room show on everyone's map; a call rings. A link comes from outside the
#: window (a browser, an e-mail, a second start, a colleague's chat message), so such an action is only
#: taken after the user confirmed it in the window.
NOTICED_BY_OTHERS: frozenset[LinkKind] = frozenset({LinkKind.OPEN_ROOM, LinkKind.CALL_PERSON,
                                                    LinkKind.JOIN_APPOINTMENT})


def needs_confirmation(action: LinkAction) -> bool:
    """Whether the window must ask before it follows ``action``."""
    return action.kind in NOTICED_BY_OTHERS


def make_link(action: LinkAction) -> str:
    return f"dvz://{action.kind.value}/{action.target}"
