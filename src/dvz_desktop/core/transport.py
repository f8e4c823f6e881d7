"""Where clear text may travel: passwords and session tokens never leave this machine unencrypted.

``ws://`` and ``http://`` are allowed only to loopback (127.0.0.0/8, ::1, ``localhost``), where the
bytes never reach a network; everything else must be ``wss://`` or ``https://``. Developers who run a
backend on another machine without TLS can say so explicitly (``--allow-insecure-transport``).
Shared by the client (the session, the calendar account) and the backend (the address it binds).
"""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

CLEAR_TEXT_SCHEMES = frozenset({"ws", "http"})
ENCRYPTED_SCHEMES = frozenset({"wss", "https"})


def is_loopback_host(host: str) -> bool:
    host = host.strip("[]").lower()
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def clear_text_refusal(url: str) -> str | None:
    """None if ``url`` may be used; else the German sentence that says why not and what to do."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    if scheme in ENCRYPTED_SCHEMES:
        return None
    if scheme in CLEAR_TEXT_SCHEMES and is_loopback_host(parts.hostname or ""):
        return None
    if scheme in CLEAR_TEXT_SCHEMES:
        secure = "wss://" if scheme == "ws" else "https://"
        return (f"Die Adresse „{url}“ ist unverschlüsselt ({scheme}://): Passwort und Anmeldung wären im Netz "
                f"lesbar. Bitte verwenden Sie {secure} – die Verbindung wurde nicht aufgebaut.")
    return f"Die Adresse „{url}“ ist ungültig: sie muss mit wss:// oder https:// beginnen."
