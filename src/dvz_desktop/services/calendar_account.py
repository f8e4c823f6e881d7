"""The CalDAV account: address and user in the settings (or the address set by policy), the password in
the credential store; checked against the server before it is kept."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from dvz_desktop.core.transport import clear_text_refusal

from .calendar import OFFICE_TZ, CalendarClient, CalendarError
from .credentials import CredentialStore
from .settings import UserSettings


@dataclass
class CalendarAccount:
    settings: UserSettings
    save_settings: Callable[[UserSettings], None]
    credentials: CredentialStore
    cache_file: Path
    #: The address IT set by policy (then the user cannot change it), or "".
    policy_url: str = ""

    @property
    def url(self) -> str:
        return self.policy_url or self.settings.caldav_url

    @property
    def user(self) -> str:
        return self.settings.caldav_user

    def client(self) -> CalendarClient | None:
        """The configured account, or None when something is missing (address, user or password)."""
        if not self.url or not self.user:
            return None
        password = self.credentials.load_token(_key(self.url), self.user)
        if not password:
            return None
        return CalendarClient(self.url, self.user, password, self.cache_file)

    async def connect(self, url: str, user: str, password: str) -> tuple[CalendarClient, str | None]:
        """Try the account; keep it when the server accepts it. Returns the client and, if the password
        could not be remembered, a German note. Raises CalendarError with a German message."""
        url = self.policy_url or url.strip()
        user = user.strip()
        refusal = clear_text_refusal(url)  # http:// only to this machine (core/transport.py)
        if refusal is not None:
            raise CalendarError(refusal)
        if not user or not password:
            raise CalendarError("Bitte Benutzername und Passwort angeben.")
        client = CalendarClient(url, user, password, self.cache_file)
        today = datetime.now(OFFICE_TZ).replace(hour=0, minute=0, second=0, microsecond=0)
        await client.agenda(today, today + timedelta(days=1))  # raises with the server's answer in German
        self.settings.caldav_user = user
        if not self.policy_url:
            self.settings.caldav_url = url
        self.save_settings(self.settings)
        return client, self.credentials.save_token(_key(url), user, password)


def _key(url: str) -> str:
    return f"caldav:{url}"
