"""An organisation's look from its organisation file: its accent colour and its logo.

``accent_color: "#00717a"`` colours the client's rail and highlights and the buttons of the guest page;
``logo: wappen.svg`` (a PNG or SVG next to the organisation file, at most 64 KiB) is read once at start
and sent as a ``data:`` URL, so neither the client nor a citizen's browser fetches it from anywhere. A
mistake stops the start with a German message, like every other mistake in the file.
"""

from __future__ import annotations

import base64
import re
from pathlib import Path

from .errors import OrgFileError

MAX_LOGO_BYTES = 64 * 1024
ACCENT_PATTERN = re.compile(r"^#[0-9a-fA-F]{6}$")
_SVG_START = re.compile(rb"^\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*(<!DOCTYPE[^>]*>\s*)?<svg[\s>]", re.DOTALL)


def accent_problem(value: str) -> str | None:
    """None for a usable accent colour, else what is wrong (German)."""
    if ACCENT_PATTERN.match(value):
        return None
    return f"die Akzentfarbe „{value}“ ist keine Farbe der Form #rrggbb (zum Beispiel #00717a)"


def read_logo(base_dir: Path | None, relative: str, org_id: str) -> str:
    """The logo as a ``data:`` URL; OrgFileError with a German message when it cannot be used."""
    if base_dir is None:
        raise OrgFileError(f"Organisation {org_id}: ein Logo gibt es nur in einer Organisationsdatei auf der Platte.")
    path = (base_dir / relative).resolve()
    if not path.is_relative_to(base_dir):
        raise OrgFileError(f"Organisation {org_id}: das Logo „{relative}“ liegt außerhalb des Ordners der "
                           "Organisationsdatei.")
    try:
        size = path.stat().st_size
        if size > MAX_LOGO_BYTES:
            raise OrgFileError(f"Organisation {org_id}: das Logo „{relative}“ ist {size // 1024} KiB groß; erlaubt "
                               f"sind höchstens {MAX_LOGO_BYTES // 1024} KiB.")
        data = path.read_bytes()
    except OSError as exc:
        raise OrgFileError(f"Organisation {org_id}: das Logo „{relative}“ kann nicht gelesen werden: "
                           f"{exc.strerror}") from None
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        kind = "image/png"
    elif _SVG_START.match(data) and b"<script" not in data.lower():
        kind = "image/svg+xml"
    else:
        raise OrgFileError(f"Organisation {org_id}: das Logo „{relative}“ ist kein PNG- oder SVG-Bild "
                           "(SVG ohne Skripte).")
    return f"data:{kind};base64,{base64.b64encode(data).decode('ascii')}"
