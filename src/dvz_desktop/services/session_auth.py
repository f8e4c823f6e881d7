"""What the desktop app sends with the websocket upgrade to prove who it is, and how it reads a refusal.

The server checks the ``Authorization`` header before the socket opens (a session token as Bearer, a
password login as Basic) and answers 401/403/429 with a JSON :class:`AuthRefusal` instead of the upgrade
when it is missing, wrong, expired or revoked: nothing of the socket is read before.
"""

from __future__ import annotations

import base64

from pydantic import ValidationError

from dvz_desktop.protocol import PasswordAuth, TokenAuth
from dvz_desktop.protocol.auth import AuthRefusal


def authorization_header(auth: PasswordAuth | TokenAuth) -> str:
    """The upgrade request's ``Authorization``: the server checks it before the socket opens (a session
    token as Bearer, a password login as Basic) and answers 401 instead of the upgrade when it is wrong."""
    if isinstance(auth, TokenAuth):
        return f"Bearer {auth.token}"
    return "Basic " + base64.b64encode(f"{auth.username}:{auth.password}".encode()).decode("ascii")


def refusal_of(body: bytes | bytearray | None) -> AuthRefusal | None:
    """The server's JSON reason for refusing the upgrade (401, 403, 429 …), if it sent one."""
    try:
        return AuthRefusal.model_validate_json(body or b"")
    except ValidationError:
        return None
