"""Click-to-dial: a phone number from the directory as a URI for the organisation's softphone or CTI."""

from __future__ import annotations

import re

SCHEMES = ("tel", "sip", "callto")


class DialRefused(ValueError):
    pass


def normalise_number(number: str) -> str:
    """'+49 5555 101-23' -> '+49555510123'; letters or other characters are refused."""
    compact = re.sub(r"[\s\-/().]", "", number)
    if not re.fullmatch(r"\+?[0-9]{2,20}", compact):
        raise DialRefused(f"„{number[:30]}“ ist keine Telefonnummer.")
    return compact


def dial_uri(number: str, scheme: str = "tel") -> str:
    if scheme not in SCHEMES:
        raise DialRefused(f"Das Wählschema „{scheme}“ wird nicht unterstützt.")
    return f"{scheme}:{normalise_number(number)}"
