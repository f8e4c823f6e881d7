"""German texts for knocks, invitations, absences and the inbox (translated like every UI string)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from dvz_desktop.protocol import AbsenceCategory, InboxKind, InviteState, KnockState


def _t(text: str) -> str:
    return QCoreApplication.translate("Behaviour", text)


def knock_outcome(state: KnockState, room: str, minutes: int | None, text: str) -> str:
    """What the knocker reads about their knock."""
    messages = {
        KnockState.RINGING: _t("Sie klopfen bei %1 an …"),
        KnockState.WAIT: _t("%1: „Gleich“ – in etwa %2 Minuten."),
        KnockState.COME_IN: _t("%1: „Herein“ – Sie sind eingetreten."),
        KnockState.ENTERED: _t("Sie sind in %1."),
        KnockState.NOT_NOW: _t("%1: „Jetzt nicht“."),
        KnockState.LOCKED: _t("%1 ist abgeschlossen."),
        KnockState.NOBODY: _t("In %1 ist niemand da."),
        KnockState.NO_ANSWER: _t("Niemand hat geantwortet (%1)."),
        KnockState.OUTSIDE_HOURS: _t("%1: außerhalb der Sprechzeit."),
        KnockState.HELD: _t("%1: bitte nicht stören – Ihr Anklopfen wird später angezeigt."),
        KnockState.CANCELLED: _t("Anklopfen bei %1 abgebrochen."),
    }
    message = messages[state].replace("%1", room).replace("%2", str(minutes or ""))
    return f"{message} {text}".strip() if text else message


def may_leave_message(state: KnockState) -> bool:
    return state in (KnockState.NO_ANSWER, KnockState.NOBODY, KnockState.OUTSIDE_HOURS, KnockState.HELD)


def invitation_outcome(state: InviteState, name: str) -> str:
    return {
        InviteState.PENDING: _t("Einladung an %1 gesendet."),
        InviteState.ACCEPTED: _t("%1 hat Ihre Einladung angenommen."),
        InviteState.DECLINED: _t("%1 hat Ihre Einladung abgelehnt."),
        InviteState.EXPIRED: _t("%1 hat nicht auf Ihre Einladung reagiert."),
        InviteState.CANCELLED: _t("Die Einladung an %1 ist hinfällig."),
    }[state].replace("%1", name)


def absence_category(category: AbsenceCategory) -> str:
    return {
        AbsenceCategory.VACATION: _t("Urlaub"),
        AbsenceCategory.BUSINESS_TRIP: _t("Dienstreise"),
        AbsenceCategory.TRAINING: _t("Fortbildung"),
        AbsenceCategory.OTHER: _t("Sonstige Abwesenheit"),
    }[category]


def inbox_kind(kind: InboxKind) -> str:
    return {
        InboxKind.MISSED_KNOCK: _t("Verpasstes Anklopfen"),
        InboxKind.DOOR_MESSAGE: _t("Nachricht an der Tür"),
        InboxKind.HANDOVER: _t("Übergabe aus der Vertretung"),
    }[kind]


WEEKDAYS = ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag")


def weekday(index: int) -> str:
    return _t(WEEKDAYS[index])
