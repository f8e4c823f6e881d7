"""Launchers for the eAkte and specialist applications: turning a catalogue entry and the values for
its placeholders into exactly one program call or one URL, with nothing that could reach a shell.

A program is started with an argument list (no shell, so ``; rm -rf ~`` is just text in one argument);
every value must match its placeholder's pattern in full; URL values are percent-encoded, so a value can
never change the address it is put into. The result is a plain plan; starting it is the service's job.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum
from urllib.parse import quote, urlsplit

PLACEHOLDER = re.compile(r"\{([a-z_][a-z0-9_]*)\}")
#: Schemes a launcher may open besides the web (registered protocols of specialist applications).
URL_SCHEMES = ("https", "http")


class LauncherKind(str, Enum):
    PROGRAM = "program"  # a program with arguments
    URL = "url"  # a web address template
    PROTOCOL = "protocol"  # a registered protocol of an application, e.g. eakte://akte/{aktenzeichen}


@dataclass(frozen=True)
class Placeholder:
    name: str
    label: str
    pattern: str  # the whole value must match (regular expression)
    example: str = ""
    #: Offered from context (a chat message, an appointment) when the pattern is found in the text;
    #: for structured values such as an Aktenzeichen, not for free text.
    recognise: bool = False


@dataclass(frozen=True)
class LauncherEntry:
    entry_id: str
    name: str
    kind: LauncherKind
    #: Program path, or the URL / protocol template.
    target: str
    args: tuple[str, ...] = ()
    placeholders: tuple[Placeholder, ...] = ()
    #: Allowed scheme for PROTOCOL entries (e.g. "eakte").
    scheme: str = ""
    #: Added by the user (where policy allows), not from IT's catalogue.
    own: bool = False


@dataclass(frozen=True)
class LaunchPlan:
    entry_id: str
    kind: LauncherKind
    argv: tuple[str, ...] = ()
    url: str = ""


class LaunchRefused(ValueError):
    """A value does not fit, or the entry itself is unusable; the message is German."""


@dataclass
class Values:
    given: dict[str, str] = field(default_factory=dict)


def placeholders_in(entry: LauncherEntry) -> list[str]:
    texts = (entry.target, *entry.args)
    return list(dict.fromkeys(name for text in texts for name in PLACEHOLDER.findall(text)))


def check_value(placeholder: Placeholder, value: str) -> str:
    value = value.strip()
    if not value:
        raise LaunchRefused(f"Bitte „{placeholder.label}“ angeben.")
    if any(ord(ch) < 0x20 or ord(ch) == 0x7F for ch in value):
        raise LaunchRefused(f"„{placeholder.label}“ enthält Steuerzeichen.")
    if re.fullmatch(placeholder.pattern, value) is None:
        hint = f" (zum Beispiel {placeholder.example})" if placeholder.example else ""
        raise LaunchRefused(f"„{value[:40]}“ ist kein gültiger Wert für „{placeholder.label}“{hint}.")
    return value


def plan(entry: LauncherEntry, values: dict[str, str], user: str = "") -> LaunchPlan:
    """The program call or URL for ``entry`` with ``values`` filled in (``{user}`` is always known)."""
    known = {p.name: p for p in entry.placeholders}
    filled: dict[str, str] = {}
    for name in placeholders_in(entry):
        if name == "user":
            filled[name] = user
            continue
        if name not in known:
            raise LaunchRefused(f"Der Starter „{entry.name}“ ist unvollständig eingerichtet ({{{name}}}).")
        filled[name] = check_value(known[name], values.get(name, ""))
    if entry.kind is LauncherKind.PROGRAM:
        argv = (entry.target, *(PLACEHOLDER.sub(lambda m: filled[m.group(1)], arg) for arg in entry.args))
        return LaunchPlan(entry.entry_id, entry.kind, argv=argv)
    url = PLACEHOLDER.sub(lambda m: quote(filled[m.group(1)], safe=""), entry.target)
    scheme = urlsplit(url).scheme.lower()
    allowed = URL_SCHEMES if entry.kind is LauncherKind.URL else (entry.scheme.lower(),)
    if scheme not in allowed or not scheme:
        raise LaunchRefused(f"Der Starter „{entry.name}“ hat eine unzulässige Adresse.")
    return LaunchPlan(entry.entry_id, entry.kind, url=url)


def recognise(text: str, entries: list[LauncherEntry]) -> list[tuple[LauncherEntry, dict[str, str]]]:
    """Launchers a piece of text (a chat message, an appointment) offers values for, e.g. an Aktenzeichen."""
    offers = []
    for entry in entries:
        needed = [p for p in entry.placeholders if p.name in placeholders_in(entry)]
        if len(needed) != 1 or not needed[0].recognise:
            continue  # only single, structured values are offered from context
        for found in re.finditer(needed[0].pattern, text):
            offers.append((entry, {needed[0].name: found.group(0)}))
            break
    return offers


#: A user's own launchers are web addresses; their values are free text (percent-encoded into the URL).
OWN_VALUE_PATTERN = r"[^\x00-\x1f\x7f]{1,200}"


def own_entry(entry_id: str, name: str, url: str) -> LauncherEntry:
    """A launcher the user adds (where policy allows): an https address with placeholders like
    ``{suchbegriff}``; refused with a German message when it could not work."""
    name, url = name.strip(), url.strip()
    if not 1 <= len(name) <= 60:
        raise LaunchRefused("Bitte geben Sie dem Starter einen Namen (höchstens 60 Zeichen).")
    if not url.lower().startswith("https://") or len(url) > 500:
        raise LaunchRefused("Eigene Starter öffnen Adressen, die mit https:// beginnen.")
    probe = LauncherEntry(entry_id, name, LauncherKind.URL, url)
    names = [n for n in placeholders_in(probe) if n != "user"]
    placeholders = tuple(Placeholder(n, n.replace("_", " ").capitalize(), OWN_VALUE_PATTERN) for n in names)
    entry = LauncherEntry(entry_id, name, LauncherKind.URL, url, placeholders=placeholders, own=True)
    plan(entry, {n: "x" for n in names}, "user")  # the address must come out as a valid https URL
    head = url.split("{", 1)[0]  # values may fill the path and query, never the host
    if not urlsplit(head).hostname or ("{" in url and "/" not in head[len("https://"):]):
        raise LaunchRefused("Die Adresse des Starters ist unvollständig.")
    return entry
