"""The words of the minutes: attendance per person with times and mode, results with German plurals,
a named vote's record."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from dvz_desktop.core.council.minutes_text import Stay, attendance_lines, record_line, result_line

T0 = datetime(2026, 12, 3, 17, 0, tzinfo=UTC)


def test_attendance_lists_the_chair_first_then_members_by_name_with_every_stretch() -> None:
    stays = [Stay("Bruno Becker", "member", "remote", T0, T0 + timedelta(minutes=40)),
             Stay("Agnes Albrecht", "member", "hall", T0 + timedelta(minutes=5), None),
             Stay("Bruno Becker", "member", "hall", T0 + timedelta(minutes=50), T0 + timedelta(minutes=90)),
             Stay("Dr. Lena Landrat", "chair", "hall", T0, None)]
    assert attendance_lines(stays, UTC) == [
        "Dr. Lena Landrat (Vorsitz): ab 17:00 im Saal",
        "Agnes Albrecht (Mitglied): ab 17:05 im Saal",
        "Bruno Becker (Mitglied): 17:00–17:40 per Video, 17:50–18:30 im Saal",
    ]


def test_results_speak_proper_german_plurals() -> None:
    assert result_line("open", "Antrag", 1, 0, 1, True) == (
        "Antrag – offene Abstimmung: 1 Ja-Stimme, 0 Nein-Stimmen, 1 Enthaltung; angenommen.")
    assert result_line("secret", "Wahl", 3, 3, 2, False) == (
        "Wahl – geheime Abstimmung: 3 Ja-Stimmen, 3 Nein-Stimmen, 2 Enthaltungen; abgelehnt.")


def test_a_named_record_groups_names_by_choice() -> None:
    names = {"a": "Agnes", "b": "Bruno", "c": "Cem"}
    assert record_line([("c", "no"), ("a", "yes"), ("b", "yes")], names.__getitem__) == "Ja: Agnes, Bruno; Nein: Cem"
