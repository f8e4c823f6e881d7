"""The desk on the wire: IT's launcher catalogue (the eAkte, specialist applications)."""

from __future__ import annotations

from typing import Literal

from .base import LenientModel


class PlaceholderInfo(LenientModel):
    name: str
    label: str
    pattern: str
    example: str = ""
    recognise: bool = False


class LauncherInfo(LenientModel):
    entry_id: str
    name: str
    kind: Literal["program", "url", "protocol"]
    target: str
    args: tuple[str, ...] = ()
    placeholders: tuple[PlaceholderInfo, ...] = ()
    scheme: str = ""
