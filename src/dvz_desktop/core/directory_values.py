"""Which values from a directory (or an identity provider) DVZ takes, and why it skips the others.

A directory is typed in by many hands over many years: a unit name with a tab or an escape sequence
in it, a 10 MB scan as a portrait, a user name with a space, two people with the same account name in
two OUs. Each such value is skipped with a reason an administrator can act on; the rest of the
person, and the rest of the sync, go on.

Pure: values in, cleaned values or reasons out.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

#: A portrait: the organisation file's limit (photos.py) and what a map avatar needs many times over.
MAX_PHOTO_BYTES = 256 * 1024
USERNAME = re.compile(r"^[a-z0-9_.\-]{1,128}$")
#: Bidirectional overrides and isolates turn "Amt für Bauen" into something else on screen.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f")
#: Active Directory: userAccountControl's ACCOUNTDISABLE bit.
AD_ACCOUNT_DISABLED = 0x2
#: Active Directory: accountExpires of 0 or this value means "never".
AD_NEVER = 0x7FFFFFFFFFFFFFFF
AD_EPOCH = datetime(1601, 1, 1, tzinfo=UTC)


@dataclass(frozen=True)
class Problem:
    """Why a value was skipped: the attribute, a code for logs, and a German sentence for admins."""

    attribute: str
    code: str
    text_de: str


@dataclass(frozen=True)
class Cleaned:
    value: str | None
    problem: Problem | None = None


def clean_text(raw: object, max_length: int, attribute: str = "") -> Cleaned:
    """One line of text: UTF-8, NFC, trimmed; refused with control characters, bidi overrides or when
    longer than ``max_length``. ``None`` and empty values are simply absent (no problem)."""
    if raw is None:
        return Cleaned(None)
    if isinstance(raw, bytes):
        if len(raw) > max_length * 4:
            return Cleaned(None, Problem(attribute, "too_long", f"{attribute}: länger als {max_length} Zeichen"))
        try:
            raw = raw.decode("utf-8")
        except UnicodeDecodeError:
            return Cleaned(None, Problem(attribute, "not_text", f"{attribute}: kein gültiger UTF-8-Text"))
    if not isinstance(raw, str):
        return Cleaned(None, Problem(attribute, "not_text", f"{attribute}: kein Text"))
    text = unicodedata.normalize("NFC", raw).strip()
    if not text:
        return Cleaned(None)
    if any(unicodedata.category(c) == "Cc" or c in BIDI_CONTROLS or c in "\u2028\u2029" for c in text):
        return Cleaned(None, Problem(attribute, "control_characters", f"{attribute}: enthält Steuerzeichen"))
    if len(text) > max_length:
        return Cleaned(None, Problem(attribute, "too_long", f"{attribute}: länger als {max_length} Zeichen"))
    return Cleaned(text)


def normal_username(raw: str) -> str | None:
    """A user name as DVZ keeps it: lower case, letters, digits, ``.``, ``_`` and ``-``; None if the
    name cannot be one (directories and providers compare account names without case)."""
    text = unicodedata.normalize("NFC", raw.strip()).lower()
    return text if USERNAME.fullmatch(text) else None


def check_photo(data: bytes, attribute: str = "photo", max_bytes: int = MAX_PHOTO_BYTES) -> Problem | None:
    """A portrait must be a JPEG or PNG of at most ``max_bytes``."""
    if len(data) > max_bytes:
        size = f"{len(data) / (1024 * 1024):.1f} MB" if len(data) >= 1024 * 1024 else f"{len(data) // 1024} KB"
        return Problem(attribute, "photo_too_large",
                       f"{attribute}: Bild zu groß ({size}, höchstens {max_bytes // 1024} KB)")
    if not data.startswith((b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n")):
        return Problem(attribute, "photo_not_an_image", f"{attribute}: kein JPEG- oder PNG-Bild")
    return None


def ad_account_disabled(user_account_control: object) -> bool | None:
    """Active Directory's userAccountControl: True when the ACCOUNTDISABLE bit is set; None when the
    value is not a number (the caller decides; a garbled flag never locks anybody out by itself)."""
    try:
        flags = int(str(user_account_control).strip())
    except ValueError:
        return None
    return bool(flags & AD_ACCOUNT_DISABLED)


def ad_account_expired(account_expires: object, now: datetime) -> bool:
    """Active Directory's accountExpires (100-ns steps since 1601; 0 or the maximum: never)."""
    try:
        ticks = int(str(account_expires).strip())
    except ValueError:
        return False
    if ticks <= 0 or ticks >= AD_NEVER:
        return False
    try:
        return AD_EPOCH + timedelta(microseconds=ticks // 10) <= now
    except OverflowError:
        return False


def dn_parts(dn: str) -> list[tuple[str, str]]:
    """A DN's RDNs as (attribute, value), first to last, with RFC 4514 escapes resolved
    (``OU=Bauen\\, Planen`` → ("ou", "Bauen, Planen"); ``\\C3\\BC`` → "ü"). Multi-valued RDNs count as
    separate parts."""
    parts: list[tuple[str, str]] = []
    current = bytearray()
    index = 0
    while index < len(dn):
        char = dn[index]
        if char == "\\" and index + 1 < len(dn):
            pair = dn[index + 1:index + 3]
            if len(pair) == 2 and all(c in "0123456789abcdefABCDEF" for c in pair):
                current.append(int(pair, 16))  # one byte of a UTF-8 sequence
                index += 3
                continue
            current += dn[index + 1].encode("utf-8")
            index += 2
            continue
        if char in ",+;":
            parts.append(_rdn(current.decode("utf-8", "replace")))
            current = bytearray()
        else:
            current += char.encode("utf-8")
        index += 1
    if current:
        parts.append(_rdn(current.decode("utf-8", "replace")))
    return [p for p in parts if p[0]]


def _rdn(text: str) -> tuple[str, str]:
    attribute, _, value = text.partition("=")
    return attribute.strip().casefold(), value.strip()


def unit_from_dn(dn: str) -> str:
    """The unit an entry's place in the tree names: the first OU above it (``uid=x,ou=FB 6 Bauen,ou=people``
    → "FB 6 Bauen"); "" when it sits in no OU."""
    return next((value for attribute, value in dn_parts(dn)[1:] if attribute == "ou"), "")
