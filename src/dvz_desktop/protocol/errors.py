"""Human-readable texts for error codes, German first."""

from __future__ import annotations

from .enums import ErrorCode

ERROR_TEXTS: dict[ErrorCode, tuple[str, str]] = {
    ErrorCode.INVALID_JSON: ("Die Nachricht ist kein gültiges JSON.", "The message is not valid JSON."),
    ErrorCode.INVALID_MESSAGE: (
        "Die Nachricht hat ungültige oder fehlende Felder.",
        "The message has invalid or missing fields.",
    ),
    ErrorCode.UNKNOWN_TYPE: ("Unbekannter Nachrichtentyp.", "Unknown message type."),
    ErrorCode.BINARY_NOT_SUPPORTED: (
        "Binäre Nachrichten werden nicht unterstützt.",
        "Binary messages are not supported.",
    ),
    ErrorCode.PROTOCOL_VERSION: (
        "Client und Server sprechen verschiedene Protokollversionen. Bitte aktualisieren Sie DVZ Desktop.",
        "Client and server speak different protocol versions. Please update DVZ Desktop.",
    ),
    ErrorCode.HELLO_REQUIRED: (
        "Die erste Nachricht muss eine Anmeldung (hello) sein.",
        "The first message must be a hello.",
    ),
    ErrorCode.AUTH_FAILED: (
        "Benutzername oder Passwort ist falsch.",
        "User name or password is wrong.",
    ),
    ErrorCode.TOKEN_EXPIRED: (
        "Ihre Anmeldung ist abgelaufen. Bitte melden Sie sich erneut an.",
        "Your session has expired. Please sign in again.",
    ),
    ErrorCode.TOKEN_REVOKED: (
        "Ihre Anmeldung wurde beendet. Bitte melden Sie sich erneut an.",
        "Your session was ended. Please sign in again.",
    ),
    ErrorCode.UNKNOWN_ROOM: ("Diesen Raum gibt es nicht.", "This room does not exist."),
    ErrorCode.FORBIDDEN: ("Dafür fehlt Ihnen die Berechtigung.", "You are not allowed to do that."),
    ErrorCode.RATE_LIMITED: (
        "Zu viele Nachrichten in kurzer Zeit. Bitte warten Sie einen Moment.",
        "Too many messages in a short time. Please wait a moment.",
    ),
    ErrorCode.TOO_MANY_CONNECTIONS: (
        "Zu viele gleichzeitige Verbindungen für dieses Konto.",
        "Too many simultaneous connections for this account.",
    ),
    ErrorCode.UNKNOWN_PERSON: ("Diese Person gibt es nicht.", "This person does not exist."),
    ErrorCode.UNKNOWN_KNOCK: (
        "Dieses Anklopfen ist nicht mehr aktuell.",
        "This knock is no longer current.",
    ),
    ErrorCode.NOT_IN_ROOM: (
        "Das geht nur, wenn Sie im Raum sind.",
        "You can only do that while you are in the room.",
    ),
    ErrorCode.KNOCK_LIMITED: (
        "Sie haben hier gerade schon mehrmals angeklopft. Bitte versuchen Sie es in ein paar Minuten wieder "
        "oder hinterlassen Sie eine Nachricht.",
        "You have knocked here several times already. Please try again in a few minutes or leave a message.",
    ),
    ErrorCode.CANNOT_INVITE_SELF: (
        "Sie können sich nicht selbst einladen.",
        "You cannot invite yourself.",
    ),
    ErrorCode.PERSON_OFFLINE: (
        "Diese Person ist gerade nicht angemeldet.",
        "This person is not signed in right now.",
    ),
    ErrorCode.INVALID_PERIOD: (
        "Der Zeitraum ist ungültig: das Ende muss nach dem Beginn und nicht in der Vergangenheit liegen.",
        "The period is invalid: it must end after it starts and not in the past.",
    ),
    ErrorCode.DOOR_CLOSED: (
        "Die Tür ist geschlossen. Bitte klopfen Sie an.",
        "The door is closed. Please knock.",
    ),
    ErrorCode.UNKNOWN_CONVERSATION: (
        "Dieses Gespräch gibt es nicht, oder Sie gehören nicht dazu.",
        "This conversation does not exist, or you are not part of it.",
    ),
    ErrorCode.MESSAGE_TOO_LONG: (
        "Die Nachricht ist zu lang (höchstens 4.000 Zeichen). Längere Texte bitte als Datei teilen.",
        "The message is too long (at most 4,000 characters). Please share longer texts as a file.",
    ),
    ErrorCode.NOT_YOUR_MESSAGE: (
        "Sie können nur Ihre eigenen Nachrichten bearbeiten oder löschen.",
        "You can only edit or delete your own messages.",
    ),
    ErrorCode.CALL_FULL: (
        "Das Gespräch in diesem Raum ist voll: direkt verbunden sind höchstens vier Personen. Für größere "
        "Besprechungen muss Ihre IT einen Konferenzserver einrichten.",
        "The call in this room is full: at most four people can be connected directly. For larger meetings "
        "your IT needs to set up a conference server.",
    ),
    ErrorCode.MEETING_FULL: (
        "Die Besprechung ist voll: es können höchstens 50 Personen teilnehmen.",
        "The meeting is full: at most 50 people can take part.",
    ),
    ErrorCode.MEDIA_SERVER_UNAVAILABLE: (
        "Der Konferenzserver ist gerade nicht erreichbar. Bis er zurück ist, sind höchstens vier Personen "
        "direkt verbunden und Gäste können nicht teilnehmen.",
        "The conference server cannot be reached right now. Until it is back, at most four people can be "
        "connected directly and guests cannot take part.",
    ),
    ErrorCode.MEDIA_SERVER_REFUSED: (
        "Der Konferenzserver hat die Verbindung abgelehnt. Bitte versuchen Sie es noch einmal.",
        "The conference server refused the connection. Please try again.",
    ),
    ErrorCode.NOT_PUBLISHING: (
        "Diese Person ist noch nicht mit Bild und Ton in der Besprechung.",
        "This person's picture and sound have not reached the meeting yet.",
    ),
    ErrorCode.MODERATORS_ONLY: (
        "Das darf nur die Moderation der Besprechung (wem der Raum gehört oder wer die Besprechung eröffnet hat).",
        "Only the meeting's moderators may do that (the room's owner or whoever opened the meeting).",
    ),
    ErrorCode.REMOVED_FROM_MEETING: (
        "Sie wurden aus dieser Besprechung entfernt.",
        "You were removed from this meeting.",
    ),
    ErrorCode.NOT_IN_CALL: (
        "Sie sind nicht in diesem Gespräch.",
        "You are not in this call.",
    ),
    ErrorCode.INVALID_SDP: (
        "Die Verbindungsdaten für das Gespräch sind ungültig.",
        "The connection data for the call is invalid.",
    ),
    ErrorCode.WHITEBOARD_FULL: (
        "Das Whiteboard ist voll. Bitte radieren Sie etwas weg oder lassen Sie es leeren.",
        "The whiteboard is full. Please erase something or have it cleared.",
    ),
    ErrorCode.INVALID_DRAWING: (
        "Diese Zeichnung kann das Whiteboard nicht aufnehmen.",
        "The whiteboard cannot take this drawing.",
    ),
    ErrorCode.IMAGE_TOO_LARGE: (
        "Das Bild ist zu groß für das Whiteboard (höchstens 36 KB, es wird vorher verkleinert).",
        "The picture is too large for the whiteboard (at most 36 KB; it is scaled down first).",
    ),
    ErrorCode.NOT_MODERATOR: (
        "Leeren dürfen nur die Person, der der Raum gehört, und die Moderation (wer am längsten im Raum ist).",
        "Only the room's owner and the moderator (who has been in the room longest) may clear the board.",
    ),
    ErrorCode.UNKNOWN_VISIT: (
        "Diesen Besuch gibt es nicht (mehr), oder er gehört nicht zu Ihnen.",
        "This visit does not exist (any more), or it is not yours.",
    ),
    ErrorCode.LOGIN_THROTTLED: (
        "Zu viele fehlgeschlagene Anmeldungen. Bitte warten Sie einen Moment und versuchen Sie es dann erneut.",
        "Too many failed sign-ins. Please wait a moment, then try again.",
    ),
    ErrorCode.ACCOUNT_LOCKED: (
        ("Ihr Konto ist nach zu vielen falschen Passwörtern für 30 Minuten gesperrt. Danach können Sie sich "
         "wieder anmelden; früher entsperrt es Ihre IT."),
        ("Your account is locked for 30 minutes after too many wrong passwords. You can sign in again after "
         "that; your IT can unlock it sooner."),
    ),
    ErrorCode.LOGIN_BUSY: (
        "Gerade laufen zu viele Anmeldungen gleichzeitig. Bitte versuchen Sie es in ein paar Sekunden erneut.",
        "Too many sign-ins are under way right now. Please try again in a few seconds.",
    ),
    ErrorCode.COUNCIL_UNKNOWN: (
        "Diese Sitzung gibt es nicht (mehr), oder Sie gehören nicht dazu.",
        "This session does not exist (any more), or you are not part of it.",
    ),
    ErrorCode.COUNCIL_RUNNING: (
        "In diesem Raum läuft schon eine Sitzung.",
        "A session is already running in this room.",
    ),
    ErrorCode.COUNCIL_NOT_CHAIR: (
        "Das darf nur die Sitzungsleitung.",
        "Only the chair may do that.",
    ),
    ErrorCode.COUNCIL_NOT_PRESENT: (
        "Das geht nur, wenn Sie an der Sitzung teilnehmen (im Saal oder im Sitzungsraum).",
        "You can only do that while you take part in the session (in the hall or in the meeting room).",
    ),
    ErrorCode.COUNCIL_INVALID: (
        "Diese Angabe passt nicht zur Sitzung (Tagesordnungspunkt, Redeliste, Zeit oder Gremium).",
        "This does not fit the session (agenda item, speaker list, time or body).",
    ),
    ErrorCode.COUNCIL_MOVING: (
        ("Die Sitzung wechselt gerade auf einen anderen Server. Bitte prüfen Sie in einigen Sekunden, ob Ihre "
         "Eingabe angekommen ist, und wiederholen Sie sie sonst."),
        ("The session is moving to another server right now. Please check in a few seconds whether your input "
         "arrived, and repeat it otherwise."),
    ),
    ErrorCode.AGENDA_INVALID: (
        "Die Tagesordnung konnte nicht übernommen werden: die Datei ist keine gültige OParl-1.1-Sitzung.",
        "The agenda could not be taken over: the file is not a valid OParl 1.1 meeting.",
    ),
    ErrorCode.VOTE_NONE: (
        "Gerade läuft keine Abstimmung.",
        "No vote is running.",
    ),
    ErrorCode.VOTE_RUNNING: (
        "Es läuft schon eine Abstimmung. Bitte schließen Sie sie zuerst.",
        "A vote is already running. Please close it first.",
    ),
    ErrorCode.VOTE_NOT_ELIGIBLE: (
        "Sie sind in diesem Gremium nicht stimmberechtigt.",
        "You have no vote in this body.",
    ),
    ErrorCode.VOTE_REMOTE_EXCLUDED: (
        "Per Video dürfen Sie an geheimen Abstimmungen und Wahlen nicht teilnehmen (Kommunalrecht Ihres Landes). "
        "Bitte stimmen Sie im Sitzungssaal ab.",
        "Remote members may not take part in secret votes and elections (the Land's municipal code). "
        "Please vote in the hall.",
    ),
    ErrorCode.VOTE_ALREADY_CAST: (
        "Sie haben in dieser Abstimmung schon abgestimmt.",
        "You have already voted in this vote.",
    ),
    ErrorCode.VOTE_NO_ABSTENTION: (
        "Eine Stimmenthaltung ist nach dem Kommunalrecht Ihres Landes nicht zulässig.",
        "Abstaining is not allowed under the Land's municipal code.",
    ),
    ErrorCode.AUTH_REQUIRED: (
        "Bitte melden Sie sich an.",
        "Please sign in.",
    ),
    ErrorCode.PASSWORD_LOGIN_DISABLED: (
        "Die Anmeldung mit Passwort ist abgeschaltet. Bitte melden Sie sich mit Ihrem Organisationskonto an.",
        "Signing in with a password is switched off. Please sign in with your organisation account.",
    ),
    ErrorCode.SSO_NOT_CONFIGURED: (
        "Auf diesem Server ist keine Anmeldung mit dem Organisationskonto eingerichtet.",
        "This server has no sign-in with an organisation account.",
    ),
    ErrorCode.PROVIDER_UNREACHABLE: (
        "Der Anmeldedienst Ihrer Organisation ist gerade nicht erreichbar. Bitte versuchen Sie es später erneut.",
        "Your organisation's sign-in service cannot be reached right now. Please try again later.",
    ),
    ErrorCode.ID_TOKEN_INVALID: (
        ("Die Bestätigung des Anmeldedienstes ist ungültig (gefälscht, abgelaufen oder für eine andere "
         "Anwendung ausgestellt). Bitte melden Sie sich erneut an."),
        ("The sign-in service's confirmation is invalid (forged, expired or issued to another application). "
         "Please sign in again."),
    ),
    ErrorCode.LOGIN_EXPIRED: (
        "Die Anmeldung hat zu lange gedauert oder wurde schon verwendet. Bitte versuchen Sie es noch einmal.",
        "The sign-in took too long or was used already. Please try again.",
    ),
    ErrorCode.ACCOUNT_CONFLICT: (
        ("Ihr Organisationskonto passt nicht zum gleichnamigen DVZ-Konto. Bitte wenden Sie sich an Ihre IT."),
        "Your organisation account does not match the DVZ account of the same name. Please contact your IT.",
    ),
    ErrorCode.ACCOUNT_DISABLED: (
        ("Ihr Konto hat keinen Zugang (mehr) zu DVZ: Es ist im Verzeichnis gesperrt, nicht mehr vorhanden "
         "oder in keiner DVZ-Gruppe. Bitte wenden Sie sich an Ihre IT."),
        ("Your account has no access to DVZ (any more): it is disabled in the directory, gone from it, or in "
         "no DVZ group. Please contact your IT."),
    ),
    ErrorCode.PROVIDER_ENDED_SESSION: (
        ("Der Anmeldedienst Ihrer Organisation hat Ihre Sitzung beendet (Konto gesperrt, abgemeldet oder "
         "Sitzung abgelaufen). Bitte melden Sie sich erneut an."),
        ("Your organisation's sign-in service ended your session (account disabled, signed out or session "
         "expired). Please sign in again."),
    ),
    ErrorCode.STORAGE_UNAVAILABLE: (
        ("Der Server kann gerade nichts speichern (seine Datenbank ist nicht erreichbar). Es ist nichts "
         "geändert worden; bitte versuchen Sie es in einigen Sekunden noch einmal."),
        ("The server cannot store anything right now (its database cannot be reached). Nothing was changed; "
         "please try again in a few seconds."),
    ),
    ErrorCode.SUPERSEDED: (
        ("Diese Verbindung ist durch eine neuere Ihrer Anmeldung ersetzt worden; der Befehl wurde nicht "
         "ausgeführt. Bitte verwenden Sie das zuletzt verbundene Fenster."),
        ("This connection was replaced by a newer one of your login; the command was not carried out. "
         "Please use the window that connected last."),
    ),
    ErrorCode.INTERNAL: (
        "Interner Fehler auf dem Server. Bitte versuchen Sie es später erneut.",
        "Internal server error. Please try again later.",
    ),
}


def error_texts(code: ErrorCode) -> tuple[str, str]:
    """Return (German, English) text for an error code."""
    return ERROR_TEXTS[code]


class CloseCode:
    """Websocket close codes the server uses (4000-4999 are application codes)."""

    NORMAL = 1000
    UNSUPPORTED_DATA = 1003
    POLICY_VIOLATION = 1008
    MESSAGE_TOO_BIG = 1009
    TRY_AGAIN_LATER = 1013
    PROTOCOL_VERSION = 4000
    AUTH_FAILED = 4001
    SESSION_ENDED = 4002
    TOO_SLOW = 4003
