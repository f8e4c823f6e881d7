"""Translations: the UI is written in German; an English translation ships as .ts source and .qm."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

TRANSLATIONS = Path(__file__).resolve().parents[2] / "resources" / "translations"


def choose_language(preference: str) -> str:
    """"de" or "en": the user's choice, else the system's language (German unless it is English)."""
    if preference in ("de", "en"):
        return preference
    return "en" if QLocale.system().language() == QLocale.Language.English else "de"


def install_translators(app: QApplication, language: str) -> list[QTranslator]:
    installed: list[QTranslator] = []
    qt_translator = QTranslator(app)
    # Qt's own strings (standard buttons, context menus) in the same language.
    if qt_translator.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_translator)
        installed.append(qt_translator)
    # German is the source language, but its plural forms ("1 Person wartet", "3 Personen warten") need a
    # translation of their own: the source text can hold only one form.
    ours = QTranslator(app)
    if ours.load(f"dvz_{language}", str(TRANSLATIONS)):
        app.installTranslator(ours)
        installed.append(ours)
    return installed
