"""Launchers on the wire: IT's catalogue of programs, web applications and protocols (the eAkte,
specialist applications) that the desk offers, with the placeholders a launch asks for."""

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
