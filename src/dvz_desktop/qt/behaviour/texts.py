"""German texts for knocks, invitations, absences and the inbox (translated like every UI string)."""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication

from dvz_desktop.protocol import AbsenceCategory, InboxItem, InboxKind, InboxSubject, InviteState, KnockState

from ..labels import wait_minutes
from ..locale_names import weekday_name


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
        KnockState.HELD: QCoreApplication.translate("Behaviour",
                                                    "%1: bitte nicht stören – Ihr Anklopfen wird später angezeigt."),
        KnockState.CANCELLED: QCoreApplication.translate("Behaviour", "Anklopfen bei %1 abgebrochen."),
    }
    message = messages[state].replace("%1", room)
    return f"{message} {text}".strip() if text else message


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
    """The weekday's name in the program's language, Monday = 0."""
    return weekday_name(index)


def weekday_short(index: int) -> str:
    """The weekday's short name for door plates ("Mo", "Di", …; "Mon", "Tue", …), Monday = 0."""
    return weekday_name(index, short=True)


def fill(template: str, *values: str) -> str:
    """``%1``, ``%2`` … of a translated text replaced in one pass: a value that itself contains "%2"
    (a colleague's words) stays as written."""
    return re.sub(r"%(\d)", lambda m: values[int(m.group(1)) - 1] if 0 < int(m.group(1)) <= len(values) else m.group(0),
                  template)


def _quoted(text: str) -> str:
    return fill(QCoreApplication.translate("Behaviour", "„%1“"), text)


def inbox_details(item: InboxItem) -> str:
    """What an inbox entry's facts say, in the user's language (the server sends facts, not sentences):
    the outcome of what a deputy handled, a guest's request or callback, a message left at the door."""
    translate = QCoreApplication.translate
    if item.kind is InboxKind.HANDOVER and item.subject == InboxSubject.KNOCK.value:
        outcome = {KnockState.COME_IN.value: translate("Behaviour", "Herein"),
                   KnockState.WAIT.value: translate("Behaviour", "Gleich"),
                   KnockState.NOT_NOW.value: translate("Behaviour", "Jetzt nicht")}.get(item.outcome)
        return fill(translate("Behaviour", "Anklopfen – %1"), outcome) if outcome else translate("Behaviour",
                                                                                                 "Anklopfen")
    if item.kind is InboxKind.HANDOVER and item.subject == InboxSubject.INVITATION.value:
        outcome = {InviteState.PENDING.value: translate("Behaviour", "offen"),
                   InviteState.ACCEPTED.value: translate("Behaviour", "angenommen"),
                   InviteState.DECLINED.value: translate("Behaviour", "abgelehnt"),
                   InviteState.EXPIRED.value: translate("Behaviour", "abgelaufen"),
                   InviteState.CANCELLED.value: translate("Behaviour", "zurückgezogen")}.get(item.outcome)
        return fill(translate("Behaviour", "Einladung – %1"), outcome) if outcome else translate("Behaviour",
                                                                                                 "Einladung")
    if item.kind is InboxKind.HANDOVER and item.subject == InboxSubject.QUESTION.value:
        return fill(translate("Behaviour", "Kurze Frage: „%1“ – Antwort: „%2“"), item.text, item.answer)
    if item.kind is InboxKind.GUEST_REQUEST and item.guest_name:
        return fill(translate("Behaviour", "%1 (%2): „%3“"), item.guest_name, item.contact, item.text)
    if item.kind is InboxKind.CALLBACK and item.guest_name:
        line = fill(translate("Behaviour", "%1: „%2“"), item.guest_name, item.text)
        return fill(translate("Behaviour", "%1 – %2"), line, item.note) if item.note else line
    return _quoted(item.text) if item.text else ""
