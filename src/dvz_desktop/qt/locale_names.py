"""Weekday and month names from QLocale, in the language the program speaks.

The locale comes from the installed translation itself ("de_DE" is a translated string; the English
translation says "en_GB"), so names always match the rest of the text, also when the translation is
switched while the program runs (as the tests do), and no name is spelled out by hand.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale


def program_locale() -> QLocale:
    return QLocale(QCoreApplication.translate("Locale", "de_DE"))


def weekday_name(index: int, short: bool = False) -> str:
    """Monday = 0; "Montag"/"Mo", "Monday"/"Mon"."""
    kind = QLocale.FormatType.ShortFormat if short else QLocale.FormatType.LongFormat
    return program_locale().standaloneDayName(index + 1, kind)


def month_name(month: int, short: bool = False) -> str:
    """January = 1."""
    kind = QLocale.FormatType.ShortFormat if short else QLocale.FormatType.LongFormat
    return program_locale().standaloneMonthName(month, kind)
