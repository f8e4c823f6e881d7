"""German texts for knocks, invitations, absences and the inbox (translated like every UI string)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from dvz_desktop.protocol import AbsenceCategory, InboxKind, InviteState, KnockState

from ..labels import wait_minutes


def knock_outcome(state: KnockState, room: str, minutes: int | None, text: str) -> str:
    """What the knocker reads about their knock."""
    messages = {
        KnockState.RINGING: QCoreApplication.translate("Behaviour", "Sie klopfen bei %1 an …"),
        # "in etwa 0 Minuten" says nothing, "1 Minuten" is wrong: the minutes come with their plural.
        KnockState.WAIT: (wait_minutes(minutes) if minutes
                          else QCoreApplication.translate("Behaviour", "%1: „Gleich“.")),
        KnockState.COME_IN: QCoreApplication.translate("Behaviour", "%1: „Herein“ – Sie sind eingetreten."),
        KnockState.ENTERED: QCoreApplication.translate("Behaviour", "Sie sind in %1."),
        KnockState.NOT_NOW: QCoreApplication.translate("Behaviour", "%1: „Jetzt nicht“."),
        KnockState.LOCKED: QCoreApplication.translate("Behaviour", "%1 ist abgeschlossen."),
        KnockState.NOBODY: QCoreApplication.translate("Behaviour", "In %1 ist niemand da."),
        KnockState.NO_ANSWER: QCoreApplication.translate("Behaviour", "Niemand hat geantwortet (%1)."),
        KnockState.OUTSIDE_HOURS: QCoreApplication.translate("Behaviour", "%1: außerhalb der Sprechzeit."),
        KnockState.HELD: QCoreApplication.translate("Behaviour", "%1: bitte nicht stören – Ihr Anklopfen wird später angezeigt."),
        KnockState.CANCELLED: QCoreApplication.translate("Behaviour", "Anklopfen bei %1 abgebrochen."),
    }
    message = messages[state].replace("%1", room)
    return f"{message} {text}".strip() if text else message


def may_leave_message(state: KnockState) -> bool:
    return state in (KnockState.NO_ANSWER, KnockState.NOBODY, KnockState.OUTSIDE_HOURS, KnockState.HELD)


def invitation_outcome(state: InviteState, name: str) -> str:
    return {
        InviteState.PENDING: QCoreApplication.translate("Behaviour", "Einladung an %1 gesendet."),
        InviteState.ACCEPTED: QCoreApplication.translate("Behaviour", "%1 hat Ihre Einladung angenommen."),
        InviteState.DECLINED: QCoreApplication.translate("Behaviour", "%1 hat Ihre Einladung abgelehnt."),
        InviteState.EXPIRED: QCoreApplication.translate("Behaviour", "%1 hat nicht auf Ihre Einladung reagiert."),
        InviteState.CANCELLED: QCoreApplication.translate("Behaviour", "Die Einladung an %1 ist hinfällig."),
    }[state].replace("%1", name)


def absence_category(category: AbsenceCategory) -> str:
    return {
        AbsenceCategory.VACATION: QCoreApplication.translate("Behaviour", "Urlaub"),
        AbsenceCategory.BUSINESS_TRIP: QCoreApplication.translate("Behaviour", "Dienstreise"),
        AbsenceCategory.TRAINING: QCoreApplication.translate("Behaviour", "Fortbildung"),
        AbsenceCategory.OTHER: QCoreApplication.translate("Behaviour", "Sonstige Abwesenheit"),
    }[category]


def inbox_kind(kind: InboxKind) -> str:
    return {
        InboxKind.MISSED_KNOCK: QCoreApplication.translate("Behaviour", "Verpasstes Anklopfen"),
        InboxKind.DOOR_MESSAGE: QCoreApplication.translate("Behaviour", "Nachricht an der Tür"),
        InboxKind.HANDOVER: QCoreApplication.translate("Behaviour", "Übergabe aus der Vertretung"),
        InboxKind.GUEST_REQUEST: QCoreApplication.translate("Behaviour", "Anfrage an der digitalen Tür"),
        InboxKind.CALLBACK: QCoreApplication.translate("Behaviour", "Rückruf"),
    }[kind]


def weekday(index: int) -> str:
    """The weekday's name, Monday = 0 (each string spelled out here, so lupdate finds it)."""
    return (
        QCoreApplication.translate("Behaviour", "Montag"),
        QCoreApplication.translate("Behaviour", "Dienstag"),
        QCoreApplication.translate("Behaviour", "Mittwoch"),
        QCoreApplication.translate("Behaviour", "Donnerstag"),
        QCoreApplication.translate("Behaviour", "Freitag"),
        QCoreApplication.translate("Behaviour", "Samstag"),
        QCoreApplication.translate("Behaviour", "Sonntag"),
    )[index]


def weekday_short(index: int) -> str:
    """The weekday's short name for door plates ("Mo", "Di", …), Monday = 0."""
    return (
        QCoreApplication.translate("Behaviour", "Mo"),
        QCoreApplication.translate("Behaviour", "Di"),
        QCoreApplication.translate("Behaviour", "Mi"),
        QCoreApplication.translate("Behaviour", "Do"),
        QCoreApplication.translate("Behaviour", "Fr"),
        QCoreApplication.translate("Behaviour", "Sa"),
        QCoreApplication.translate("Behaviour", "So"),
    )[index]
