"""The session token in the operating system's credential store (keyring), never in a plain file.

Machines without a credential store (a headless Linux box) raise on every call; then the program says
so once and carries on without remembering the login.
"""

from __future__ import annotations

import logging
from typing import Any

log = logging.getLogger(__name__)

SERVICE = "DVZ Desktop"
NO_STORE_MESSAGE = (
    "Auf diesem Rechner gibt es keinen Passwortspeicher. Die Anmeldung wird daher nicht gespeichert; "
    "Sie müssen sich beim nächsten Start erneut anmelden."
)


#: Windows Credential Manager holds at most 2,560 bytes per secret, stored as UTF-16.
WINDOWS_BLOB_LIMIT = 2560
TOO_LONG_MESSAGE = (
    "Die Anmeldung ist zu lang für den Passwortspeicher von Windows und wird daher nicht gespeichert; "
    "Sie müssen sich beim nächsten Start erneut anmelden."
)


class CredentialStore:
    def __init__(self, backend: Any | None = None) -> None:
        # ``backend`` lets tests pass an in-memory keyring; by default keyring picks the OS store.
        self._backend = backend

    def _keyring(self) -> Any:
        if self._backend is not None:
            backend = self._backend
        else:
            import keyring  # imported on first use: finding a backend probes the system

            backend = keyring.get_keyring()
        if hasattr(backend, "persist"):
            # Windows Credential Manager: keep the token on this machine; it must not roam with the profile.
            try:
                backend.persist = "local_machine"
            except (ValueError, TypeError, AttributeError):
                log.info("credential store does not take a persistence setting")
        return backend

    @staticmethod
    def _key(server_url: str, username: str) -> str:
        return f"{username}@{server_url}"

    def save_token(self, server_url: str, username: str, token: str) -> str | None:
        """Store the token; returns a German message if the machine has no credential store."""
        if len(token.encode("utf-16-le")) > WINDOWS_BLOB_LIMIT:
            return TOO_LONG_MESSAGE
        try:
            self._keyring().set_password(SERVICE, self._key(server_url, username), token)
        except Exception as exc:  # keyring raises NoKeyringError, KeyringError, or backend errors
            log.warning("credential store unavailable (%s)", type(exc).__name__)
            return NO_STORE_MESSAGE
        return None

    def load_token(self, server_url: str, username: str) -> str | None:
        try:
            token = self._keyring().get_password(SERVICE, self._key(server_url, username))
            return token if isinstance(token, str) else None
        except Exception as exc:
            log.info("no token from credential store (%s)", type(exc).__name__)
            return None

    def forget(self, server_url: str, username: str) -> None:
        try:
            self._keyring().delete_password(SERVICE, self._key(server_url, username))
        except Exception:
            pass  # nothing stored, or no store: either way nothing is remembered
