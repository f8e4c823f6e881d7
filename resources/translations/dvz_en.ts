<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="de">
<context>
    <name>AbsenceDialog</name>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/dialogs.py" line="41"/>
        <location filename="../../src/dvz_desktop/qt/behaviour/dialogs.py" line="42"/>
        <source>Abwesenheit eintragen</source>
        <translation>Record an absence</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/dialogs.py" line="49"/>
        <source>Erster Tag</source>
        <translation>First day</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/dialogs.py" line="50"/>
        <source>Letzter Tag</source>
        <translation>Last day</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/dialogs.py" line="52"/>
        <source>Art der Abwesenheit</source>
        <translation>Kind of absence</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/dialogs.py" line="56"/>
        <source>Vertretung</source>
        <translation>Deputy</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/dialogs.py" line="57"/>
        <source>(keine Vertretung)</source>
        <translation>(no deputy)</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/dialogs.py" line="61"/>
        <source>Kolleginnen und Kollegen sehen nur, bis wann Sie fehlen und wer vertritt.</source>
        <translation>Colleagues only see until when you are away and who deputises.</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/dialogs.py" line="64"/>
        <source>Von:</source>
        <translation>From:</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/dialogs.py" line="65"/>
        <source>Bis:</source>
        <translation>Until:</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/dialogs.py" line="66"/>
        <source>Art:</source>
        <translation>Kind:</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/dialogs.py" line="67"/>
        <source>Vertretung:</source>
        <translation>Deputy:</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/dialogs.py" line="80"/>
        <source>Der letzte Tag liegt vor dem ersten.</source>
        <translation>The last day is before the first.</translation>
    </message>
</context>
<context>
    <name>AccountDialog</name>
    <message>
        <location filename="../../src/dvz_desktop/qt/calendar/dialogs.py" line="149"/>
        <source>Kalenderkonto</source>
        <translation>Calendar account</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/calendar/dialogs.py" line="154"/>
        <source>Von Ihrer IT-Abteilung festgelegt</source>
        <translation>Set by your IT department</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/calendar/dialogs.py" line="166"/>
        <source>Adresse (CalDAV)</source>
        <translation>Address (CalDAV)</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/calendar/dialogs.py" line="167"/>
        <source>Benutzername</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/calendar/dialogs.py" line="168"/>
        <source>Passwort</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/calendar/dialogs.py" line="173"/>
        <source>Verbindung wird geprüft …</source>
        <translation>Checking the connection …</translation>
    </message>
</context>
<context>
    <name>AppointmentDialog</name>
    <message>
        <location filename="../../src/dvz_desktop/qt/calendar/dialogs.py" line="65"/>
        <source>Termin bearbeiten</source>
        <translation>Edit appointment</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/calendar/dialogs.py" line="65"/>
        <source>Neuer Termin</source>
        <translation>New appointment</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/calendar/dialogs.py" line="71"/>
        <source>Ganztägig</source>
        <translation>All day</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/calendar/dialogs.py" line="76"/>
        <source>Jede Woche</source>
        <translation>Every week</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/calendar/dialogs.py" line="78"/>
        <source>(kein virtueller Raum)</source>
        <translation>(no virtual room)</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/calendar/dialogs.py" line="87"/>
        <source>Titel</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/calendar/dialogs.py" line="88"/>
        <source>Tag</source>
        <translation>Day</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/calendar/dialogs.py" line="90"/>
        <source>Von</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/calendar/dialogs.py" line="91"/>
        <source>Bis</source>
        <translation>To</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/calendar/dialogs.py" line="92"/>
        <source>Raum</source>
        <translation>Room</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/calendar/dialogs.py" line="116"/>
        <source>Bitte geben Sie dem Termin einen Titel.</source>
        <translation>Please give the appointment a title.</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/calendar/dialogs.py" line="127"/>
        <source>Das Ende muss nach dem Beginn liegen.</source>
        <translation>The end must be after the start.</translation>
    </message>
</context>
<context>
    <name>ArrivalWatcher</name>
    <message>
        <location filename="../../src/dvz_desktop/qt/people/arrivals.py" line="43"/>
        <source>Jetzt da</source>
        <extracomment>&quot;Benachrichtigen, wenn verfügbar&quot;: told when their status becomes &quot;verfügbar&quot;.</extracomment>
        <translation>In now</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/people/arrivals.py" line="44"/>
        <source>%1 ist jetzt da.</source>
        <translation>%1 is in now.</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/people/arrivals.py" line="52"/>
        <source>Jetzt verfügbar</source>
        <translation>Available now</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/people/arrivals.py" line="53"/>
        <source>%1 ist jetzt verfügbar.</source>
        <translation>%1 is available now.</translation>
    </message>
</context>
<context>
    <name>AskBanner</name>
    <message>
        <location filename="../../src/dvz_desktop/qt/calls/switchboard.py" line="44"/>
        <source>Abbrechen</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>BannerArea</name>
    <message>
        <location filename="../../src/dvz_desktop/qt/shell/banners.py" line="57"/>
        <source>Hinweise</source>
        <extracomment>The symbol at the start of a banner, by kind (never colour alone).</extracomment>
        <translation>Notices</translation>
    </message>
</context>
<context>
    <name>Behaviour</name>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/texts.py" line="18"/>
        <source>Sie klopfen bei %1 an …</source>
        <translation>You are knocking at %1 …</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/texts.py" line="21"/>
        <source>%1: „Gleich“.</source>
        <translation>%1: “In a moment”.</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/texts.py" line="22"/>
        <source>%1: „Herein“ – Sie sind eingetreten.</source>
        <translation>%1: “Come in” – you are inside.</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/texts.py" line="23"/>
        <source>Sie sind in %1.</source>
        <translation>You are in %1.</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/texts.py" line="24"/>
        <source>%1: „Jetzt nicht“.</source>
        <translation>%1: “Not now”.</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/texts.py" line="25"/>
        <source>%1 ist abgeschlossen.</source>
        <translation>%1 is locked.</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/texts.py" line="26"/>
        <source>In %1 ist niemand da.</source>
        <translation>Nobody is in %1.</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/texts.py" line="27"/>
        <source>Niemand hat geantwortet (%1).</source>
        <translation>Nobody answered (%1).</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/texts.py" line="28"/>
        <source>%1: außerhalb der Sprechzeit.</source>
        <translation>%1: outside office hours.</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/texts.py" line="29"/>
        <source>%1: bitte nicht stören – Ihr Anklopfen wird später angezeigt.</source>
        <translation>%1: do not disturb – your knock will be shown later.</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/texts.py" line="31"/>
        <source>Anklopfen bei %1 abgebrochen.</source>
        <translation>Stopped knocking at %1.</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/texts.py" line="39"/>
        <source>Einladung an %1 gesendet.</source>
        <translation>Invitation sent to %1.</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/texts.py" line="40"/>
        <source>%1 hat Ihre Einladung angenommen.</source>
        <translation>%1 accepted your invitation.</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/texts.py" line="41"/>
        <source>%1 hat Ihre Einladung abgelehnt.</source>
        <translation>%1 declined your invitation.</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/texts.py" line="42"/>
        <source>%1 hat nicht auf Ihre Einladung reagiert.</source>
        <translation>%1 did not respond to your invitation.</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/texts.py" line="43"/>
        <source>Die Einladung an %1 ist hinfällig.</source>
        <translation>The invitation to %1 no longer applies.</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/texts.py" line="49"/>
        <source>Urlaub</source>
        <translation>Holiday</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/texts.py" line="50"/>
        <source>Dienstreise</source>
        <translation>Business trip</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/texts.py" line="51"/>
        <source>Fortbildung</source>
        <translation>Training</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/texts.py" line="52"/>
        <source>Sonstige Abwesenheit</source>
        <translation>Other absence</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/texts.py" line="58"/>
        <source>Verpasstes Anklopfen</source>
        <translation>Missed knock</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/texts.py" line="59"/>
        <source>Nachricht an der Tür</source>
        <translation>Message at the door</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/texts.py" line="60"/>
        <source>Übergabe aus der Vertretung</source>
        <translation>Handover from your deputy</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/texts.py" line="61"/>
        <source>Anfrage an der digitalen Tür</source>
        <translation>Request at the digital door</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/texts.py" line="62"/>
        <source>Rückruf</source>
        <translation>Callback</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/texts.py" line="84"/>
        <source>„%1“</source>
        <translation>“%1”</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/texts.py" line="92"/>
        <source>Herein</source>
        <translation>Come in</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/texts.py" line="93"/>
        <source>Gleich</source>
        <translation>In a moment</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/texts.py" line="94"/>
        <source>Jetzt nicht</source>
        <translation>Not now</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/texts.py" line="95"/>
        <source>Anklopfen – %1</source>
        <translation>Knock – %1</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/texts.py" line="95"/>
        <source>Anklopfen</source>
        <translation>Knock</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/texts.py" line="98"/>
        <source>offen</source>
        <translation>open</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/texts.py" line="99"/>
        <source>angenommen</source>
        <translation>accepted</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/texts.py" line="100"/>
        <source>abgelehnt</source>
        <translation>declined</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/texts.py" line="101"/>
        <source>abgelaufen</source>
        <translation>expired</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/texts.py" line="102"/>
        <source>zurückgezogen</source>
        <translation>withdrawn</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/texts.py" line="103"/>
        <source>Einladung – %1</source>
        <translation>Invitation – %1</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/texts.py" line="103"/>
        <source>Einladung</source>
        <translation>Invitation</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/texts.py" line="106"/>
        <source>Kurze Frage: „%1“ – Antwort: „%2“</source>
        <translation>Quick question: “%1” – answer: “%2”</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/texts.py" line="108"/>
        <source>%1 (%2): „%3“</source>
        <translation>%1 (%2): “%3”</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/texts.py" line="110"/>
        <source>%1: „%2“</source>
        <translation>%1: “%2”</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/texts.py" line="111"/>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
</context>
<context>
    <name>BehaviourPresenter</name>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/presenter.py" line="96"/>
        <source>%1 ist eingetreten (%2).</source>
        <extracomment>(title, message) for the tray. &quot;Chat des Raums&quot; chosen in a room&apos;s menu. How many missed knocks, door messages and requests wait in &quot;Verpasst&quot;.</extracomment>
        <translation>%1 came in (%2).</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/presenter.py" line="99"/>
        <source>Tür angelehnt</source>
        <translation>Door ajar</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/presenter.py" line="108"/>
        <source>%1 klopft bei %2 an (Sie vertreten).</source>
        <translation>%1 is knocking at %2&apos;s door (you are deputising).</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/presenter.py" line="111"/>
        <source>%1 klopft an (%2).</source>
        <translation>%1 is knocking (%2).</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/presenter.py" line="116"/>
        <source>Es klopft</source>
        <translation>Someone is knocking</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/presenter.py" line="138"/>
        <source>Ihre Nachricht wurde hinterlassen.</source>
        <translation>Your message was left.</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/presenter.py" line="140"/>
        <source>Nachricht hinterlassen</source>
        <translation>Leave a message</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/presenter.py" line="141"/>
        <source>Ihre Nachricht an der Tür:</source>
        <translation>Your message at the door:</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/presenter.py" line="157"/>
        <source>%1 lädt Sie in %2 ein.</source>
        <translation>%1 invites you into %2.</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/presenter.py" line="162"/>
        <source>Einladung</source>
        <translation>Invitation</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/presenter.py" line="171"/>
        <source>Kurze Frage an %1</source>
        <translation>Quick question to %1</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/presenter.py" line="172"/>
        <source>Ihre Frage (eine Zeile):</source>
        <translation>Your question (one line):</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/presenter.py" line="179"/>
        <source>Kurze Frage von %1: „%2“</source>
        <translation>Quick question from %1: “%2”</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/presenter.py" line="184"/>
        <source>Kurze Frage</source>
        <translation>Quick question</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/presenter.py" line="188"/>
        <source>%1 antwortet auf „%2“: %3</source>
        <translation>%1 answers “%2”: %3</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/presenter.py" line="193"/>
        <source>Antwort</source>
        <translation>Answer</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/presenter.py" line="223"/>
        <source>Sprechzeiten: %1</source>
        <translation>Office hours: %1</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/presenter.py" line="225"/>
        <source>Abwesend bis %1, Vertretung: %2</source>
        <translation>Away until %1, deputy: %2</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/presenter.py" line="251"/>
        <source>Sie sind hier</source>
        <translation>You are here</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/presenter.py" line="255"/>
        <source>Hierher gehen</source>
        <translation>Go here</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/presenter.py" line="255"/>
        <source>Anklopfen</source>
        <translation>Knock</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/presenter.py" line="259"/>
        <source>Chat des Raums</source>
        <translation>Room chat</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/presenter.py" line="271"/>
        <source>Sprechzeiten …</source>
        <translation>Office hours …</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/presenter.py" line="275"/>
        <source>Küche folgen</source>
        <translation>Follow kitchen</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/presenter.py" line="286"/>
        <source>Tür abschließen</source>
        <translation>Lock the door</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/presenter.py" line="287"/>
        <source>Notiz an der Tür (z. B. „Prüfung bis 12 Uhr“):</source>
        <translation>Note on the door (e.g. “Exam until noon”):</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/dvz_desktop/qt/behaviour/presenter.py" line="310"/>
        <source>In %1 ist jetzt %n Person.</source>
        <translation>
            <numerusform>%n person is in %1 now.</numerusform>
            <numerusform>%n people are in %1 now.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/presenter.py" line="312"/>
        <source>Kaffeerunde</source>
        <translation>Coffee round</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/presenter.py" line="375"/>
        <source>erledigt von %1</source>
        <translation>handled by %1</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/presenter.py" line="390"/>
        <source>An %1</source>
        <translation>To %1</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/presenter.py" line="392"/>
        <source>Von %1</source>
        <translation>From %1</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/presenter.py" line="394"/>
        <source> (Vertretung für %1)</source>
        <translation> (deputising for %1)</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/presenter.py" line="395"/>
        <source>(noch keine Antwort)</source>
        <translation>(no answer yet)</translation>
    </message>
</context>
<context>
    <name>BoardView</name>
    <message>
        <location filename="../../src/dvz_desktop/qt/whiteboard/canvas.py" line="167"/>
        <source>Whiteboard-Zeichenfläche</source>
        <translation>Whiteboard drawing area</translation>
    </message>
</context>
<context>
    <name>CalendarDialogs</name>
    <message>
        <location filename="../../src/dvz_desktop/qt/calendar/dialogs.py" line="35"/>
        <source>Hinweis</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>CalendarPanel</name>
    <message>
        <location filename="../../src/dvz_desktop/qt/calendar/panel.py" line="62"/>
        <source>Heute</source>
        <extracomment>A reminder this close to the start says &quot;Gleich&quot;; an earlier one names the day. The appointments shown changed (fetched, or the last agenda when offline). The last refresh failed (the server is not reachable): an empty list says nothing then. Counts the refreshes asked for: only the latest one&apos;s answer is shown.</extracomment>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/calendar/panel.py" line="63"/>
        <source>Woche</source>
        <translation>Week</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/calendar/panel.py" line="67"/>
        <source>Termine</source>
        <translation>Appointments</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/calendar/panel.py" line="73"/>
        <source>Beitreten</source>
        <translation>Join</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/calendar/panel.py" line="74"/>
        <source>Dem virtuellen Raum des Termins beitreten</source>
        <translation>Join the appointment&apos;s virtual room</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/calendar/panel.py" line="76"/>
        <source>Neu …</source>
        <translation>New …</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/calendar/panel.py" line="78"/>
        <source>Ändern …</source>
        <translation>Change …</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/calendar/panel.py" line="80"/>
        <source>Löschen</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/calendar/panel.py" line="82"/>
        <source>Konto …</source>
        <translation>Account …</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/calendar/panel.py" line="83"/>
        <location filename="../../src/dvz_desktop/qt/calendar/panel.py" line="107"/>
        <source>Kalenderkonto einrichten</source>
        <translation>Set up calendar account</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/calendar/panel.py" line="215"/>
        <source>Noch kein Kalender verbunden.</source>
        <translation>No calendar connected yet.</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/calendar/panel.py" line="216"/>
        <source>Verbinden Sie Ihren Dienstkalender (CalDAV), dann stehen Ihre Termine hier und Ihr Status zeigt während eines Termins „in Besprechung“.</source>
        <translation>Connect your work calendar (CalDAV): your appointments then appear here, and during an appointment your status shows “in a meeting”.</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/calendar/panel.py" line="219"/>
        <source>Die Termine konnten nicht geladen werden und es gibt keine gespeicherten.</source>
        <translation>The appointments could not be loaded, and none are saved.</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/calendar/panel.py" line="222"/>
        <source>Keine Termine in dieser Woche.</source>
        <translation>No appointments this week.</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/calendar/panel.py" line="222"/>
        <source>Heute keine Termine.</source>
        <translation>No appointments today.</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/calendar/panel.py" line="223"/>
        <source>Mit „Neu …“ legen Sie einen Termin an.</source>
        <translation>Create one with “New …”.</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/calendar/panel.py" line="337"/>
        <source>Termin: %1</source>
        <translation>Appointment: %1</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/calendar/panel.py" line="94"/>
        <source>Kalenderstatus</source>
        <extracomment>Set by the desktop: the rooms an appointment can take, and the account behind the panel. Told every half minute whether an appointment is going on now (&quot;in Besprechung&quot;). Set by the desktop: opens the side panel this panel sits in.</extracomment>
        <translation>Calendar status</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/calendar/panel.py" line="105"/>
        <source>Hinweis</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/calendar/panel.py" line="106"/>
        <source>Konto einrichten</source>
        <translation>Set up account</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/calendar/panel.py" line="192"/>
        <source>Stand: %1</source>
        <extracomment>The list, or what to do when there is nothing in it (no account yet, or no appointments).</extracomment>
        <translation>As of %1</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/calendar/panel.py" line="269"/>
        <source> (alle Termine der Serie)</source>
        <translation> (every appointment of the series)</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/calendar/panel.py" line="270"/>
        <source>Termin löschen</source>
        <translation>Delete appointment</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/calendar/panel.py" line="271"/>
        <source>„%1“ löschen?</source>
        <translation>Delete “%1”?</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/calendar/panel.py" line="333"/>
        <source>Jetzt: %1</source>
        <translation>Now: %1</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/calendar/panel.py" line="335"/>
        <source>Gleich: %1</source>
        <translation>Soon: %1</translation>
    </message>
</context>
<context>
    <name>CalendarRows</name>
    <message>
        <location filename="../../src/dvz_desktop/qt/calendar/rows.py" line="37"/>
        <source>abgesagt</source>
        <translation>cancelled</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/calendar/rows.py" line="38"/>
        <source>abgelehnt</source>
        <translation>declined</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/calendar/rows.py" line="39"/>
        <source>delegiert</source>
        <translation>delegated</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/calendar/rows.py" line="40"/>
        <source>vorläufig</source>
        <translation>tentative</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/calendar/rows.py" line="41"/>
        <source>unbeantwortet</source>
        <translation>not answered</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/calendar/rows.py" line="42"/>
        <source>frei</source>
        <translation>free</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/calendar/rows.py" line="43"/>
        <source>ganztägig</source>
        <translation>all day</translation>
    </message>
</context>
<context>
    <name>CallPanel</name>
    <message>
        <location filename="../../src/dvz_desktop/qt/calls/panel.py" line="43"/>
        <source>Bitte ein Headset benutzen: ohne Echounterdrückung hören die anderen sich sonst über Ihren Lautsprecher.</source>
        <translation>Please use a headset: without echo cancellation the others hear themselves through your loudspeaker.</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/calls/panel.py" line="57"/>
        <location filename="../../src/dvz_desktop/qt/calls/panel.py" line="214"/>
        <source>Kein Gespräch</source>
        <extracomment>RMS level (0..1) above which the microphone counts as hearing speech.</extracomment>
        <translation>No call</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/calls/panel.py" line="59"/>
        <source>Gespräch</source>
        <translation>Call</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/calls/panel.py" line="85"/>
        <source>Hinweis zum Gespräch</source>
        <extracomment>The tiles on the stage now, by person (the others are in the participant list only). Whether the call is in sight (not shrunk to the mini view): hidden tiles get no video. The room&apos;s name for the title of a meeting (set by the mount).</extracomment>
        <translation>Note about the call</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/calls/panel.py" line="86"/>
        <location filename="../../src/dvz_desktop/qt/calls/panel.py" line="339"/>
        <source>Mikrofon aus</source>
        <translation>Mute microphone</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/calls/panel.py" line="89"/>
        <location filename="../../src/dvz_desktop/qt/calls/panel.py" line="377"/>
        <source>Kamera an</source>
        <translation>Turn camera on</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/calls/panel.py" line="92"/>
        <source>Bildschirm teilen</source>
        <translation>Share screen</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/calls/panel.py" line="95"/>
        <location filename="../../src/dvz_desktop/qt/calls/panel.py" line="268"/>
        <source>Hand heben</source>
        <translation>Raise hand</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/calls/panel.py" line="98"/>
        <source>Geräte …</source>
        <translation>Devices …</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/calls/panel.py" line="102"/>
        <source>Zum Büro</source>
        <translation>To the office</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/calls/panel.py" line="103"/>
        <source>Zurück zum Büroplan; das Gespräch läuft klein weiter</source>
        <translation>Back to the floor plan; the call goes on in a small view</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/calls/panel.py" line="104"/>
        <source>Auflegen</source>
        <translation>Hang up</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/calls/panel.py" line="180"/>
        <source>Besprechung</source>
        <extracomment>The bar, in order (their labels give way to icons where the stage is narrow). On hold while another conversation (a visit at the digital door) is live. How a person&apos;s status is known (set by the desktop; None: not shown).</extracomment>
        <translation>Meeting</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/calls/panel.py" line="182"/>
        <source>Im Gespräch mit %1</source>
        <translation>In a call with %1</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/calls/panel.py" line="184"/>
        <source>Sie warten im Gespräch …</source>
        <translation>You are waiting in the call …</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/calls/panel.py" line="185"/>
        <source>%1 – gehalten</source>
        <translation>%1 – on hold</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/calls/panel.py" line="189"/>
        <source>%1 (Gast)</source>
        <translation>%1 (guest)</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/calls/panel.py" line="236"/>
        <source>Der Konferenzserver ist ausgefallen. Die Besprechung geht weiter, sobald er wieder erreichbar ist.</source>
        <translation>The conference server failed. The meeting continues as soon as it is back.</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/calls/panel.py" line="238"/>
        <source>Der Konferenzserver ist ausgefallen – Sie sind jetzt direkt miteinander verbunden.</source>
        <translation>The conference server failed – you are now connected to each other directly.</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/calls/panel.py" line="268"/>
        <source>Hand senken</source>
        <translation>Lower hand</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/calls/panel.py" line="283"/>
        <source>%1 hat Ihr Mikrofon ausgeschaltet. Sie können es wieder einschalten.</source>
        <translation>%1 switched your microphone off. You can switch it on again.</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/calls/panel.py" line="339"/>
        <source>Mikrofon an</source>
        <translation>Unmute microphone</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/calls/panel.py" line="355"/>
        <source>Sie</source>
        <translation>You</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/calls/panel.py" line="377"/>
        <source>Kamera aus</source>
        <translation>Turn camera off</translation>
    </message>
</context>
<context>
    <name>CallSwitchboard</name>
    <message>
        <location filename="../../src/dvz_desktop/qt/calls/switchboard.py" line="115"/>
        <source>Sie sind im Besuch mit %1.</source>
        <extracomment>The sentence a held visit&apos;s guest reads in the visit chat.</extracomment>
        <translation>You are in a visit with %1.</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/calls/switchboard.py" line="116"/>
        <source>Besuch halten</source>
        <translation>Hold the visit</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/calls/switchboard.py" line="116"/>
        <source>Besuch beenden</source>
        <translation>End the visit</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/calls/switchboard.py" line="118"/>
        <source>Sie sind im Gespräch mit %1.</source>
        <translation>You are in a call with %1.</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/calls/switchboard.py" line="119"/>
        <source>Sie sind in einem Raumgespräch.</source>
        <translation>You are in a room&apos;s call.</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/calls/switchboard.py" line="120"/>
        <source>Gespräch halten</source>
        <translation>Hold the call</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/calls/switchboard.py" line="120"/>
        <source>Gespräch beenden</source>
        <translation>End the call</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/calls/switchboard.py" line="155"/>
        <source>Gehalten: der Besuch von %1 – hört und sieht Sie nicht.</source>
        <translation>On hold: the visit of %1 – neither hears nor sees you.</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/calls/switchboard.py" line="157"/>
        <source>Gehalten: das Gespräch mit %1 – hört und sieht Sie nicht.</source>
        <translation>On hold: the call with %1 – neither hears nor sees you.</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/calls/switchboard.py" line="158"/>
        <source>Gehalten: das Raumgespräch – hört und sieht Sie nicht.</source>
        <translation>On hold: the room&apos;s call – neither hears nor sees you.</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/calls/switchboard.py" line="169"/>
        <source>Mit %1 weitersprechen</source>
        <translation>Continue with %1</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/calls/switchboard.py" line="169"/>
        <source>dem Raum</source>
        <translation>the room</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/calls/switchboard.py" line="202"/>
        <source>einem Gast</source>
        <translation>a guest</translation>
    </message>
</context>
<context>
    <name>Calls</name>
    <message>
        <location filename="../../src/dvz_desktop/qt/calls/mount.py" line="55"/>
        <source>%1 anrufen</source>
        <extracomment>Builds the media (microphone, camera, screen) of a call, on the first call. Who is talking in my call (their avatar on the plan gets a ring).</extracomment>
        <translation>Call %1</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/calls/mount.py" line="99"/>
        <source>Im Gespräch mit %1</source>
        <translation>In a call with %1</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/calls/mount.py" line="100"/>
        <source>Sie warten im Gespräch …</source>
        <translation>You are waiting in the call …</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/calls/mount.py" line="125"/>
        <source>%1 ruft an.</source>
        <translation>%1 is calling.</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/calls/mount.py" line="127"/>
        <source>Annehmen</source>
        <translation>Accept</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/calls/mount.py" line="133"/>
        <source>Den Anruf von %1 annehmen</source>
        <translation>Accept the call from %1</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/calls/mount.py" line="139"/>
        <source>Anruf</source>
        <translation>Call</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/calls/mount.py" line="157"/>
        <source>Das Gespräch ist beendet: Die Verbindung der Gegenseite ist abgebrochen.</source>
        <translation>The call has ended: the other side&apos;s connection was lost.</translation>
    </message>
</context>
<context>
    <name>ChairControls</name>
    <message>
        <location filename="../../src/dvz_desktop/qt/council/chair.py" line="48"/>
        <source>Sitzungsleitung</source>
        <extracomment>mute the others seconds per speaker, 0: no limit</extracomment>
        <translation>Chair</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/council/chair.py" line="49"/>
        <source>Nächste Wortmeldung</source>
        <translation>Next speaker</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/council/chair.py" line="51"/>
        <source>Andere stummschalten</source>
        <translation>Mute the others</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/council/chair.py" line="52"/>
        <source>Solange jemand das Wort hat, sind die Mikrofone der anderen aus.</source>
        <translation>While someone has the floor, the others&apos; microphones are off.</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/council/chair.py" line="53"/>
        <source>Wort beenden</source>
        <translation>End the speech</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/council/chair.py" line="55"/>
        <source>+1 Minute</source>
        <translation>+1 minute</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/council/chair.py" line="59"/>
        <source> Min.</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/council/chair.py" line="60"/>
        <source>frei</source>
        <translation>free</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/council/chair.py" line="61"/>
        <source>Redezeit je Wortmeldung</source>
        <translation>Speaking time per speaker</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/council/chair.py" line="62"/>
        <source>Redezeit setzen</source>
        <translation>Set speaking time</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/council/chair.py" line="65"/>
        <source>Tagesordnungspunkt</source>
        <translation>Agenda item</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/council/chair.py" line="66"/>
        <source>Aufrufen</source>
        <translation>Call</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/council/chair.py" line="68"/>
        <source>Tagesordnung aus OParl …</source>
        <translation>Agenda from OParl …</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/council/chair.py" line="70"/>
        <source>Pause 10 Min.</source>
        <translation>Break 10 min.</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/council/chair.py" line="71"/>
        <source>Kaffeepause: 10 Minuten, die alle sehen</source>
        <translation>Coffee break: 10 minutes everyone sees</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/council/chair.py" line="73"/>
        <source>Zeit beenden</source>
        <translation>Stop the timer</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/council/chair.py" line="75"/>
        <source>Abstimmung …</source>
        <translation>Vote …</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/council/chair.py" line="77"/>
        <source>Abstimmung schließen</source>
        <translation>Close the vote</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/council/chair.py" line="79"/>
        <source>Im Saal …</source>
        <translation>In the hall …</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/council/chair.py" line="80"/>
        <source>Wer im Sitzungssaal sitzt (zählt als anwesend)</source>
        <translation>Who sits in the council hall (counts as present)</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/council/chair.py" line="82"/>
        <source>Saalanzeige</source>
        <translation>Hall display</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/council/chair.py" line="83"/>
        <source>Vollbild für den Beamer im Sitzungssaal</source>
        <translation>Full screen for the projector in the council hall</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/council/chair.py" line="85"/>
        <source>Niederschrift …</source>
        <translation>Minutes …</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/council/chair.py" line="87"/>
        <source>Sitzung beenden</source>
        <translation>End the session</translation>
    </message>
</context>
<context>
    <name>Chat</name>
    <message>
        <location filename="../../src/dvz_desktop/qt/chat/notify.py" line="42"/>
        <source>%1 erwähnt Sie</source>
        <translation>%1 mentioned you</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/chat/notify.py" line="44"/>
        <source>Nachricht von %1</source>
        <translation>Message from %1</translation>
    </message>
</context>
<context>
    <name>ChatPanel</name>
    <message>
        <location filename="../../src/dvz_desktop/qt/chat/panel.py" line="54"/>
        <source>Gespräche</source>
        <extracomment>A dvz:// link in a message was clicked.</extracomment>
        <translation>Conversations</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/chat/panel.py" line="59"/>
        <source>In allen Nachrichten suchen …</source>
        <translation>Search all messages …</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/chat/panel.py" line="60"/>
        <source>Nachrichten suchen</source>
        <translation>Search messages</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/chat/panel.py" line="64"/>
        <source>Suchergebnisse</source>
        <translation>Search results</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/chat/panel.py" line="68"/>
        <source>Noch keine Gespräche. Schreiben Sie Kolleginnen und Kollegen über die Personenliste an (Rechtsklick → „Nachricht schreiben“) oder öffnen Sie den Chat eines Raums über sein Menü auf dem Plan.</source>
        <translation>No conversations yet. Write to colleagues from the people list (right click → “Write a message”) or open a room’s chat from its menu on the plan.</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/chat/panel.py" line="86"/>
        <location filename="../../src/dvz_desktop/qt/chat/panel.py" line="87"/>
        <source>Zurück zu allen Gesprächen</source>
        <translation>Back to all conversations</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/chat/panel.py" line="90"/>
        <source>Offenes Gespräch</source>
        <translation>Open conversation</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/chat/panel.py" line="97"/>
        <source>Nachrichten</source>
        <translation>Messages</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/chat/panel.py" line="102"/>
        <source>Wer gerade schreibt</source>
        <translation>Who is typing</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/chat/panel.py" line="105"/>
        <location filename="../../src/dvz_desktop/qt/chat/panel.py" line="301"/>
        <source>Nachricht schreiben …</source>
        <translation>Write a message …</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/chat/panel.py" line="106"/>
        <source>Nachricht</source>
        <translation>Message</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/chat/panel.py" line="116"/>
        <source>Senden</source>
        <translation>Send</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/chat/panel.py" line="168"/>
        <source>Notizen an mich</source>
        <extracomment>Set by the desktop: opens the side panel the chat sits in. Set by the desktop: what a message&apos;s text can be opened in (launchers), as menu entries.</extracomment>
        <translation>Notes to myself</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/chat/panel.py" line="182"/>
        <source>%1, %2 ungelesen</source>
        <translation>%1, %2 unread</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/chat/panel.py" line="230"/>
        <source>wird gesendet …</source>
        <translation>sending …</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/chat/panel.py" line="239"/>
        <source>Nachricht gelöscht</source>
        <translation>Message deleted</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/chat/panel.py" line="239"/>
        <source>bearbeitet</source>
        <translation>edited</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/chat/panel.py" line="273"/>
        <source>Zu lang für eine Nachricht: %1 Zeichen, höchstens %2. Bitte kürzen oder in mehreren Nachrichten senden – es geht nichts verloren.</source>
        <translation>Too long for one message: %1 characters, at most %2. Please shorten it or send it in several messages – nothing is lost.</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/chat/panel.py" line="313"/>
        <source>%1 schreibt …</source>
        <translation>%1 is typing …</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/chat/panel.py" line="323"/>
        <source>Nachricht bearbeiten …</source>
        <translation>Edit the message …</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/chat/panel.py" line="341"/>
        <source>Bearbeiten</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/chat/panel.py" line="343"/>
        <source>Löschen</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/chat/panel.py" line="369"/>
        <source>Nichts gefunden.</source>
        <translation>Nothing found.</translation>
    </message>
</context>
<context>
    <name>Council</name>
    <message>
        <location filename="../../src/dvz_desktop/qt/council/mount.py" line="220"/>
        <source>Sitzung</source>
        <translation>Session</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/council/mount.py" line="235"/>
        <source>Kaffeepause</source>
        <translation>Coffee break</translation>
    </message>
</context>
<context>
    <name>CouncilFeature</name>
    <message>
        <location filename="../../src/dvz_desktop/qt/council/mount.py" line="69"/>
        <source>Eine Abstimmung läuft</source>
        <extracomment>IT&apos;s launcher catalogue (the eAkte filing launcher is found there). Where exported minutes are written.</extracomment>
        <translation>A vote is running</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/council/mount.py" line="83"/>
        <source>Abstimmung: %1</source>
        <translation>Vote: %1</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/council/mount.py" line="84"/>
        <source>Abstimmen …</source>
        <translation>Vote …</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/council/mount.py" line="91"/>
        <source>Ergebnis: %1</source>
        <translation>Result: %1</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/council/mount.py" line="92"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/council/mount.py" line="105"/>
        <source>Der Server hat nicht rechtzeitig geantwortet.</source>
        <translation>The server did not answer in time.</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/council/mount.py" line="153"/>
        <source>Tagesordnung aus OParl</source>
        <translation>Agenda from OParl</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/council/mount.py" line="154"/>
        <source>OParl-Sitzung (*.json)</source>
        <translation>OParl meeting (*.json)</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/council/mount.py" line="163"/>
        <source>Die Datei ist zu groß für eine Tagesordnung.</source>
        <translation>The file is too large for an agenda.</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/council/mount.py" line="166"/>
        <source>Tagesordnung nicht übernommen: %1</source>
        <translation>Agenda not taken over: %1</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/council/mount.py" line="208"/>
        <source>Niederschrift gespeichert: %1. %2</source>
        <translation>Minutes saved: %1. %2</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/council/mount.py" line="212"/>
        <source>Niederschrift an die eAkte übergeben (Aktenzeichen %1).</source>
        <translation>Minutes handed over to the eFile (file number %1).</translation>
    </message>
</context>
<context>
    <name>CouncilPanel</name>
    <message>
        <location filename="../../src/dvz_desktop/qt/council/panel.py" line="66"/>
        <source>In diesem Raum läuft keine Sitzung. Wer eine Besprechung leitet oder ein Gremium führt, beginnt sie hier; dann erscheinen Redeliste, Zeit und Abstimmungen für alle im Raum.</source>
        <extracomment>raised, reply the chair&apos;s new order of the waiting hands</extracomment>
        <translation>No session is running in this room. Whoever leads a meeting or chairs a body starts it here; then the speaker list, times and votes appear for everyone in the room.</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/council/panel.py" line="70"/>
        <source>Sitzung beginnen …</source>
        <translation>Start a session …</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/council/panel.py" line="75"/>
        <source>Beschlussfähigkeit</source>
        <translation>Quorum</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/council/panel.py" line="77"/>
        <source>Aktueller Tagesordnungspunkt</source>
        <translation>Current agenda item</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/council/panel.py" line="80"/>
        <source>Redner und Redezeit</source>
        <translation>Speaker and speaking time</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/council/panel.py" line="83"/>
        <location filename="../../src/dvz_desktop/qt/council/panel.py" line="115"/>
        <source>Redeliste</source>
        <translation>Speaker list</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/council/panel.py" line="87"/>
        <location filename="../../src/dvz_desktop/qt/council/panel.py" line="234"/>
        <source>Wortmeldung</source>
        <translation>Request to speak</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/council/panel.py" line="90"/>
        <source>Zwischenfrage</source>
        <translation>Direct reply</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/council/panel.py" line="91"/>
        <source>Direkt auf den Vorredner antworten: kommt vor den Wortmeldungen dran</source>
        <translation>Reply directly to the previous speaker: comes before the other requests</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/council/panel.py" line="97"/>
        <source>Abstimmen …</source>
        <translation>Vote …</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/council/panel.py" line="106"/>
        <source>Abstimmungsergebnisse</source>
        <translation>Vote results</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/council/panel.py" line="116"/>
        <source>Ergebnisse</source>
        <translation>Results</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/council/panel.py" line="173"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/council/panel.py" line="174"/>
        <source>Besprechung mit Moderation</source>
        <translation>Moderated meeting</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/council/panel.py" line="180"/>
        <source>TOP %1: %2</source>
        <translation>Item %1: %2</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/council/panel.py" line="181"/>
        <source>Kein Tagesordnungspunkt aufgerufen</source>
        <translation>No agenda item called</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/council/panel.py" line="193"/>
        <source>⚠ Verbindung unterbrochen: %1</source>
        <translation>⚠ Connection lost: %1</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/council/panel.py" line="195"/>
        <source>Nach dem Kommunalrecht darf die Sitzung erst fortgesetzt werden, wenn Bild und Ton wieder stehen.</source>
        <translation>Under the municipal code the session may only continue once sight and sound are back.</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/council/panel.py" line="199"/>
        <source>⚠ Die Abstimmung „%1“ ist ungültig: Der Server, der sie gezählt hat, ist ausgefallen. Bitte wiederholen Sie sie.</source>
        <translation>⚠ The vote “%1” is void: the server that counted it failed. Please repeat it.</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/council/panel.py" line="229"/>
        <source>Keine Wortmeldungen</source>
        <translation>No requests to speak</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/council/panel.py" line="234"/>
        <source>Wortmeldung zurückziehen</source>
        <translation>Withdraw my request</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/council/panel.py" line="244"/>
        <source>Abstimmung: %1</source>
        <translation>Vote: %1</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/council/panel.py" line="259"/>
        <source>Niemand hat das Wort</source>
        <translation>Nobody has the floor</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/council/panel.py" line="262"/>
        <source>Es spricht: %1</source>
        <translation>Speaking: %1</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/council/panel.py" line="264"/>
        <source>Redezeit abgelaufen</source>
        <translation>Time is up</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/council/panel.py" line="270"/>
        <source>Pause</source>
        <translation>Break</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/council/panel.py" line="270"/>
        <source>Zeit für den TOP</source>
        <translation>Time for the item</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/council/panel.py" line="271"/>
        <source>%1: noch %2</source>
        <translation>%1: %2 left</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/council/panel.py" line="272"/>
        <source>(angehalten)</source>
        <translation>(paused)</translation>
    </message>
</context>
<context>
    <name>CouncilWords</name>
    <message>
        <location filename="../../src/dvz_desktop/qt/council/words.py" line="19"/>
        <source>Zwischenfrage</source>
        <translation>Direct reply</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/council/words.py" line="19"/>
        <source>Wortmeldung</source>
        <translation>Request to speak</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/council/words.py" line="22"/>
        <source>%1, %2, %3</source>
        <translation>%1, %2, %3</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/dvz_desktop/qt/council/words.py" line="22"/>
        <source>%n Ja-Stimme(n)</source>
        <translation>
            <numerusform>%n vote in favour</numerusform>
            <numerusform>%n votes in favour</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/dvz_desktop/qt/council/words.py" line="23"/>
        <source>%n Nein-Stimme(n)</source>
        <translation>
            <numerusform>%n vote against</numerusform>
            <numerusform>%n votes against</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/dvz_desktop/qt/council/words.py" line="23"/>
        <source>%n Enthaltung(en)</source>
        <translation>
            <numerusform>%n abstention</numerusform>
            <numerusform>%n abstentions</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/council/words.py" line="26"/>
        <source>angenommen</source>
        <translation>accepted</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/council/words.py" line="26"/>
        <source>abgelehnt</source>
        <translation>declined</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/council/words.py" line="29"/>
        <source>%1: %2 (%3)</source>
        <translation>%1: %2 (%3)</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/council/words.py" line="33"/>
        <source>offene Abstimmung</source>
        <translation>open vote</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/council/words.py" line="33"/>
        <source>namentliche Abstimmung</source>
        <translation>roll-call vote</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/council/words.py" line="34"/>
        <source>geheime Abstimmung</source>
        <translation>secret vote</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/council/words.py" line="42"/>
        <source>%1 von %2 Mitgliedern anwesend, nötig: %3</source>
        <translation>%1 of %2 members present, needed: %3</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/council/words.py" line="45"/>
        <source>✔ beschlussfähig – %1</source>
        <translation>✔ quorate – %1</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/council/words.py" line="46"/>
        <source>⚠ nicht beschlussfähig – %1</source>
        <translation>⚠ not quorate – %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/dvz_desktop/qt/council/words.py" line="49"/>
        <source>%n Stimme(n) abgegeben</source>
        <translation>
            <numerusform>%n vote cast</numerusform>
            <numerusform>%n votes cast</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/council/words.py" line="54"/>
        <source>Sie sind in diesem Gremium nicht stimmberechtigt.</source>
        <translation>You have no vote in this body.</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/council/words.py" line="55"/>
        <source>Sie nehmen gerade nicht an der Sitzung teil.</source>
        <translation>You are not taking part in the session right now.</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/council/words.py" line="56"/>
        <source>Per Video dürfen Sie an geheimen Abstimmungen und Wahlen nicht teilnehmen (Kommunalrecht Ihres Landes). Bitte stimmen Sie im Sitzungssaal ab.</source>
        <translation>Remote members may not take part in secret votes and elections (the Land&apos;s municipal code). Please vote in the hall.</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/council/words.py" line="58"/>
        <source>Sie haben in dieser Abstimmung schon abgestimmt.</source>
        <translation>You have already voted in this vote.</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/council/words.py" line="59"/>
        <source>Gerade läuft keine Abstimmung.</source>
        <translation>No vote is running.</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/council/words.py" line="63"/>
        <source>Bayern (Art. 47a GO)</source>
        <translation>Bavaria (Art. 47a GO)</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/council/words.py" line="63"/>
        <source>Saarland (§ 51a KSVG)</source>
        <translation>Saarland (§ 51a KSVG)</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/council/words.py" line="64"/>
        <source>Mecklenburg-Vorpommern (§ 29a KV)</source>
        <translation>Mecklenburg-Western Pomerania (§ 29a KV)</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/council/words.py" line="64"/>
        <source>Geschäftsordnung</source>
        <translation>Standing orders</translation>
    </message>
</context>
<context>
    <name>Desktop</name>
    <message>
        <location filename="../../src/dvz_desktop/program.py" line="199"/>
        <source>Anmeldung nicht gespeichert</source>
        <extracomment>A dvz:// link to follow once the office is shown (from the command line or a second start). The window and tray shown before the login, until the session&apos;s desktop is built into them. The running session, and whether it began with a password (else: the organisation&apos;s sign-on or a remembered token, whose provider session a logout ends as well).</extracomment>
        <translation>Sign-in not remembered</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/program.py" line="249"/>
        <source>Abgemeldet</source>
        <translation>Signed out</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/desktop.py" line="230"/>
        <source>DVZ Desktop – %1</source>
        <translation>DVZ Desktop – %1</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/app.py" line="172"/>
        <source>Anmeldung läuft …</source>
        <translation>Signing in …</translation>
    </message>
</context>
<context>
    <name>DeviceDialog</name>
    <message>
        <location filename="../../src/dvz_desktop/qt/calls/devices.py" line="16"/>
        <location filename="../../src/dvz_desktop/qt/calls/devices.py" line="17"/>
        <source>Audiogeräte</source>
        <extracomment>(microphone name, loudspeaker name); &quot;&quot; means the system&apos;s default.</extracomment>
        <translation>Audio devices</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/calls/devices.py" line="20"/>
        <source>Mikrofon</source>
        <translation>Microphone</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/calls/devices.py" line="21"/>
        <source>Lautsprecher</source>
        <translation>Loudspeaker</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/calls/devices.py" line="23"/>
        <source>Systemstandard</source>
        <translation>System default</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/calls/devices.py" line="29"/>
        <source>Mikrofon:</source>
        <translation>Microphone:</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/calls/devices.py" line="30"/>
        <source>Lautsprecher:</source>
        <translation>Loudspeaker:</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/calls/devices.py" line="32"/>
        <source>Keine Audiogeräte gefunden. Gespräche funktionieren trotzdem, mit Bild, aber ohne Ton, bis ein Gerät angeschlossen ist.</source>
        <translation>No audio devices found. Calls still work, with picture but without sound, until a device is connected.</translation>
    </message>
</context>
<context>
    <name>Door</name>
    <message>
        <location filename="../../src/dvz_desktop/qt/door/mount.py" line="45"/>
        <source>%1 hereinbitten</source>
        <extracomment>The guest page speaks German, whatever language the clerk&apos;s window has. The queue&apos;s badge on the desk&apos;s room on the plan (&quot;&quot; when nobody waits). How many guests wait, for the tray.</extracomment>
        <translation>Admit %1</translation>
    </message>
</context>
<context>
    <name>DoorPanel</name>
    <message>
        <location filename="../../src/dvz_desktop/qt/door/panel.py" line="42"/>
        <source>Warteschlange</source>
        <translation>Queue</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/door/panel.py" line="47"/>
        <source>Nächsten hereinbitten</source>
        <translation>Admit next</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/door/panel.py" line="49"/>
        <source>Ausgewählten hereinbitten</source>
        <translation>Admit selected</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/door/panel.py" line="53"/>
        <source>Wer über die Website Ihrer Verwaltung an die Digitale Tür kommt, erscheint hier. Solange jemand wartet, zeigen der Raum auf dem Plan und das Symbol im Infobereich, wie viele es sind.</source>
        <extracomment>The empty state says what will happen, so an empty list does not look broken.</extracomment>
        <translation>Whoever comes to the digital door from your administration&apos;s website appears here. While someone is waiting, the room on the floor plan and the icon in the notification area show how many.</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/door/panel.py" line="61"/>
        <source>Video des Gastes</source>
        <translation>Guest&apos;s video</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/door/panel.py" line="63"/>
        <source>Chat mit dem Gast</source>
        <translation>Chat with the guest</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/door/panel.py" line="66"/>
        <source>Nachricht an den Gast …</source>
        <translation>Message to the guest …</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/door/panel.py" line="68"/>
        <source>Beenden</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/door/panel.py" line="70"/>
        <source>Übergeben …</source>
        <translation>Hand over …</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/door/panel.py" line="72"/>
        <source>Als Rückruf notieren</source>
        <translation>Note as callback</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/dvz_desktop/qt/door/panel.py" line="130"/>
        <source>%1 – %n Person wartet</source>
        <extracomment>(guest name, admit) -&gt; None: asks first when another conversation is live (the switchboard).</extracomment>
        <translation>
            <numerusform>%1 – %n person waiting</numerusform>
            <numerusform>%1 – %n people waiting</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/door/panel.py" line="131"/>
        <source>%1 – niemand wartet</source>
        <translation>%1 – nobody waiting</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/door/panel.py" line="142"/>
        <source>(seit %1)</source>
        <translation>(since %1)</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/door/panel.py" line="164"/>
        <location filename="../../src/dvz_desktop/qt/door/panel.py" line="171"/>
        <source>den nächsten Gast</source>
        <translation>the next guest</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/door/panel.py" line="200"/>
        <source>Besuch: %1</source>
        <translation>Visit: %1</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/door/panel.py" line="60"/>
        <location filename="../../src/dvz_desktop/qt/door/panel.py" line="203"/>
        <source>Gast</source>
        <translation>Guest</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/door/panel.py" line="203"/>
        <source>Ich</source>
        <translation>Me</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/door/panel.py" line="223"/>
        <source>Zurück in die Warteschlange (für Kolleginnen und Kollegen)</source>
        <translation>Back into the queue (for colleagues)</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/door/panel.py" line="227"/>
        <source>An %1</source>
        <translation>To %1</translation>
    </message>
</context>
<context>
    <name>FloorBar</name>
    <message>
        <location filename="../../src/dvz_desktop/qt/map/floor_bar.py" line="46"/>
        <source>Gebäude</source>
        <extracomment>The user chose a building (its id). The user chose a search result.</extracomment>
        <translation>Building</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/map/floor_bar.py" line="51"/>
        <source>in</source>
        <translation>in</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/map/floor_bar.py" line="53"/>
        <location filename="../../src/dvz_desktop/qt/map/floor_bar.py" line="54"/>
        <source>Stockwerk wählen</source>
        <translation>Choose floor</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/map/floor_bar.py" line="57"/>
        <source>Person oder Raum suchen</source>
        <translation>Find a person or room</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/map/floor_bar.py" line="58"/>
        <source>Person oder Raum auf allen Stockwerken suchen</source>
        <translation>Find a person or room on any floor</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/map/floor_bar.py" line="59"/>
        <source>Person oder Raum auf allen Stockwerken suchen (Strg+F)</source>
        <translation>Find a person or room on any floor (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/map/floor_bar.py" line="62"/>
        <location filename="../../src/dvz_desktop/qt/map/floor_bar.py" line="66"/>
        <source>Suchen</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/map/floor_bar.py" line="66"/>
        <source>Suche leeren</source>
        <translation>Clear search</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/map/floor_bar.py" line="83"/>
        <source>Verkleinern</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/map/floor_bar.py" line="83"/>
        <source>Verkleinern (−)</source>
        <translation>Zoom out (−)</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/map/floor_bar.py" line="84"/>
        <source>Vergrößern</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/map/floor_bar.py" line="84"/>
        <source>Vergrößern (+)</source>
        <translation>Zoom in (+)</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/map/floor_bar.py" line="85"/>
        <source>Ganzes Stockwerk zeigen</source>
        <translation>Show the whole floor</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/map/floor_bar.py" line="85"/>
        <source>Ganzes Stockwerk zeigen (0)</source>
        <translation>Show the whole floor (0)</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/map/floor_bar.py" line="134"/>
        <source>Gebäude wechseln</source>
        <translation>Switch building</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/map/floor_bar.py" line="138"/>
        <source>Gebäude: %1</source>
        <translation>Building: %1</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/map/floor_bar.py" line="155"/>
        <source>nicht da (%1)</source>
        <translation>not in (%1)</translation>
    </message>
</context>
<context>
    <name>HallDialog</name>
    <message>
        <location filename="../../src/dvz_desktop/qt/council/dialogs.py" line="104"/>
        <source>Anwesend im Sitzungssaal</source>
        <extracomment>person id, in the hall</extracomment>
        <translation>Present in the council hall</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/council/dialogs.py" line="107"/>
        <source>Mitglieder</source>
        <translation>Members</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/council/dialogs.py" line="116"/>
        <source>Fertig</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/council/dialogs.py" line="119"/>
        <source>Wer im Saal sitzt, zählt als anwesend; wer per Video teilnimmt, wird automatisch erfasst.</source>
        <translation>Whoever sits in the hall counts as present; whoever takes part by video is recorded automatically.</translation>
    </message>
</context>
<context>
    <name>HallDisplay</name>
    <message>
        <location filename="../../src/dvz_desktop/qt/council/hall.py" line="37"/>
        <location filename="../../src/dvz_desktop/qt/council/hall.py" line="38"/>
        <source>Saalanzeige</source>
        <translation>Hall display</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/council/hall.py" line="48"/>
        <location filename="../../src/dvz_desktop/qt/council/hall.py" line="61"/>
        <source>Redeliste</source>
        <translation>Speaker list</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/council/hall.py" line="50"/>
        <location filename="../../src/dvz_desktop/qt/council/hall.py" line="63"/>
        <source>Per Video zugeschaltet</source>
        <translation>Taking part by video</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/council/hall.py" line="86"/>
        <source>Zurzeit keine Sitzung</source>
        <translation>No session at the moment</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/council/hall.py" line="97"/>
        <source>Es spricht: %1</source>
        <translation>Speaking: %1</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/council/hall.py" line="98"/>
        <source>Niemand hat das Wort</source>
        <translation>Nobody has the floor</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/council/hall.py" line="104"/>
        <source>Keine Wortmeldungen</source>
        <translation>No requests to speak</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/council/hall.py" line="110"/>
        <source>Letzte Abstimmung: %1</source>
        <translation>Last vote: %1</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/council/hall.py" line="113"/>
        <source>Abstimmung läuft: %1 – %2</source>
        <translation>Vote in progress: %1 – %2</translation>
    </message>
</context>
<context>
    <name>HeldBanner</name>
    <message>
        <location filename="../../src/dvz_desktop/qt/calls/switchboard.py" line="57"/>
        <source>Fortsetzen</source>
        <translation>Continue</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/calls/switchboard.py" line="58"/>
        <source>Beenden</source>
        <translation>Quit</translation>
    </message>
</context>
<context>
    <name>InboxDialog</name>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/dialogs.py" line="186"/>
        <location filename="../../src/dvz_desktop/qt/behaviour/dialogs.py" line="187"/>
        <source>Verpasst</source>
        <translation>Missed</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/dialogs.py" line="190"/>
        <source>Verpasste Ereignisse</source>
        <translation>Missed events</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/dialogs.py" line="196"/>
        <source>Erledigt</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/dialogs.py" line="197"/>
        <source>Ausgewählte als erledigt markieren</source>
        <translation>Mark selected as done</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/dialogs.py" line="199"/>
        <source>Alle erledigt</source>
        <translation>All done</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/dialogs.py" line="201"/>
        <source>Schließen</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>InviteBanner</name>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/banners.py" line="106"/>
        <source>Annehmen</source>
        <translation>Accept</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/banners.py" line="107"/>
        <source>Ablehnen</source>
        <translation>Decline</translation>
    </message>
</context>
<context>
    <name>InviteDialog</name>
    <message>
        <location filename="../../src/dvz_desktop/qt/calls/meeting_controls.py" line="77"/>
        <source>Gast einladen</source>
        <translation>Invite a guest</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/calls/meeting_controls.py" line="78"/>
        <source>Schicken Sie diesen Link an Ihren Gast. Er gilt 24 Stunden für die Besprechung in diesem Raum; der Gast sieht nur die Besprechung und die Namen der Teilnehmenden.</source>
        <translation>Send this link to your guest. It is valid for 24 hours for the meeting in this room; the guest sees only the meeting and the participants&apos; names.</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/calls/meeting_controls.py" line="84"/>
        <source>Link für den Gast</source>
        <translation>Link for the guest</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/calls/meeting_controls.py" line="86"/>
        <source>Link kopieren</source>
        <translation>Copy link</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/calls/meeting_controls.py" line="100"/>
        <source>Kopiert</source>
        <translation>Copied</translation>
    </message>
</context>
<context>
    <name>KnockBanner</name>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/banners.py" line="30"/>
        <source>Herein</source>
        <translation>Come in</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/banners.py" line="34"/>
        <source> Min.</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/banners.py" line="35"/>
        <source>In wie vielen Minuten</source>
        <translation>In how many minutes</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/banners.py" line="37"/>
        <source>Gleich</source>
        <translation>In a moment</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/banners.py" line="39"/>
        <source>Optional: kurzer Satz</source>
        <translation>Optional: a short line</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/banners.py" line="40"/>
        <source>Satz zur Antwort</source>
        <translation>Line with the answer</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/banners.py" line="43"/>
        <source>Jetzt nicht</source>
        <translation>Not now</translation>
    </message>
</context>
<context>
    <name>KnockerStrip</name>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/banners.py" line="68"/>
        <source>Abbrechen</source>
        <extracomment>The knock&apos;s room and latest state (set by the presenter).</extracomment>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/banners.py" line="68"/>
        <source>Anklopfen abbrechen</source>
        <translation>Stop knocking</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/banners.py" line="70"/>
        <source>Nachricht hinterlassen</source>
        <translation>Leave a message</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/banners.py" line="73"/>
        <source>Schließen</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/banners.py" line="87"/>
        <source>%1 (noch %2 s)</source>
        <translation>%1 (%2 s left)</translation>
    </message>
</context>
<context>
    <name>Launchers</name>
    <message>
        <location filename="../../src/dvz_desktop/qt/launchers/mount.py" line="44"/>
        <source>„%1“ lässt sich nicht öffnen: Auf diesem Computer ist kein Programm für %2-Links eingerichtet. Bitte wenden Sie sich an Ihre IT.</source>
        <extracomment>The user&apos;s own launchers (``services.launchers.OwnLaunchers``), or None.</extracomment>
        <translation>“%1” cannot be opened: no program for %2 links is set up on this computer. Please contact your IT department.</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/launchers/mount.py" line="49"/>
        <source>Keine Anwendung für diese Adresse eingerichtet.</source>
        <translation>No application is set up for this address.</translation>
    </message>
</context>
<context>
    <name>LaunchersPanel</name>
    <message>
        <location filename="../../src/dvz_desktop/qt/launchers/panel.py" line="130"/>
        <source>Anwendungen</source>
        <translation>Applications</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/launchers/panel.py" line="134"/>
        <source>Öffnen</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/launchers/panel.py" line="141"/>
        <source>Eigener Starter …</source>
        <translation>Own launcher …</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/launchers/panel.py" line="167"/>
        <source> (eigener Starter)</source>
        <extracomment>The user&apos;s own launchers (services.launchers.OwnLaunchers), where policy allows them.</extracomment>
        <translation> (own launcher)</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/launchers/panel.py" line="192"/>
        <source>Entfernen</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/launchers/panel.py" line="207"/>
        <source>„%1“ in %2 öffnen</source>
        <translation>Open “%1” in %2</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/launchers/panel.py" line="245"/>
        <source>Keine Anwendung für diese Adresse eingerichtet.</source>
        <extracomment>Set by the desk: opens a registered protocol (checking first that a program handles it).</extracomment>
        <translation>No application is set up for this address.</translation>
    </message>
</context>
<context>
    <name>LinkBanner</name>
    <message>
        <location filename="../../src/dvz_desktop/qt/links.py" line="35"/>
        <source>Abbrechen</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/links.py" line="35"/>
        <source>Link nicht folgen</source>
        <translation>Do not follow the link</translation>
    </message>
</context>
<context>
    <name>LinkFollower</name>
    <message>
        <location filename="../../src/dvz_desktop/qt/links.py" line="87"/>
        <source>Diese Person ist im Verzeichnis nicht zu finden.</source>
        <translation>This person is not in the directory.</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/links.py" line="90"/>
        <source>Der Link würde Sie selbst anrufen.</source>
        <translation>The link would call yourself.</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/links.py" line="92"/>
        <source>Ein Link möchte %1 anrufen.</source>
        <translation>A link wants to call %1.</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/links.py" line="93"/>
        <source>Anrufen</source>
        <translation>Call</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/links.py" line="95"/>
        <source>Diesen Raum gibt es nicht, oder Sie können ihn nicht sehen.</source>
        <translation>This room does not exist, or you cannot see it.</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/links.py" line="99"/>
        <source>Ein Link lädt Sie zum Termin in %1 ein.</source>
        <translation>A link invites you to the appointment in %1.</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/links.py" line="99"/>
        <source>Beitreten</source>
        <translation>Join</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/links.py" line="101"/>
        <source>Ein Link möchte Sie in %1 bringen.</source>
        <translation>A link wants to take you to %1.</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/links.py" line="102"/>
        <source>Anklopfen</source>
        <translation>Knock</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/links.py" line="102"/>
        <source>Hingehen</source>
        <translation>Go there</translation>
    </message>
</context>
<context>
    <name>Locale</name>
    <message>
        <location filename="../../src/dvz_desktop/qt/locale_names.py" line="14"/>
        <source>de_DE</source>
        <translation>en_GB</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../src/dvz_desktop/qt/login_dialog.py" line="51"/>
        <source>DVZ Desktop – Anmelden</source>
        <extracomment>Runs the single sign-on for a server address and gives the session&apos;s credentials. Asks a server which sign-ins it offers: (organisation account offered, password login allowed); None when the server cannot be asked.</extracomment>
        <translation>DVZ Desktop – Sign in</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/login_dialog.py" line="52"/>
        <location filename="../../src/dvz_desktop/qt/login_dialog.py" line="76"/>
        <source>Anmelden</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/login_dialog.py" line="54"/>
        <source>Serveradresse</source>
        <translation>Server address</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/login_dialog.py" line="59"/>
        <location filename="../../src/dvz_desktop/qt/login_dialog.py" line="60"/>
        <source>Von Ihrer IT festgelegt</source>
        <translation>Set by your IT department</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/login_dialog.py" line="62"/>
        <source>Benutzername</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/login_dialog.py" line="65"/>
        <source>Passwort</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/login_dialog.py" line="66"/>
        <location filename="../../src/dvz_desktop/qt/login_dialog.py" line="68"/>
        <source>Angemeldet bleiben</source>
        <translation>Remember me</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/login_dialog.py" line="73"/>
        <source>Fehlermeldung</source>
        <translation>Error message</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/login_dialog.py" line="77"/>
        <source>Abbrechen</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/login_dialog.py" line="87"/>
        <source>oder</source>
        <translation>or</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/login_dialog.py" line="90"/>
        <source>Mit &amp;Organisationskonto anmelden</source>
        <translation>Sign in with &amp;organisation account</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/login_dialog.py" line="91"/>
        <source>Mit Organisationskonto anmelden</source>
        <translation>Sign in with organisation account</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/login_dialog.py" line="92"/>
        <source>Anmeldung im Browser mit dem Konto Ihrer Organisation</source>
        <translation>Sign in in the browser with your organisation&apos;s account</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/login_dialog.py" line="102"/>
        <source>Anmelden bei DVZ Desktop</source>
        <translation>Sign in to DVZ Desktop</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/login_dialog.py" line="104"/>
        <source>Digitales Verwaltungszentrum – Ihr virtuelles Büro</source>
        <translation>Digital administration centre – your virtual office</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/login_dialog.py" line="117"/>
        <source>&amp;Server</source>
        <translation>&amp;Server</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/login_dialog.py" line="121"/>
        <source>&amp;Benutzername</source>
        <translation>&amp;User name</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/login_dialog.py" line="122"/>
        <source>&amp;Passwort</source>
        <translation>&amp;Password</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/login_dialog.py" line="198"/>
        <source>Bitte die Serveradresse angeben.</source>
        <translation>Please enter the server address.</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/login_dialog.py" line="206"/>
        <source>Bitte melden Sie sich im Browser an. DVZ Desktop wartet auf die Rückmeldung Ihres Anmeldedienstes …</source>
        <translation>Please sign in in your browser. DVZ Desktop is waiting for your sign-in service to answer …</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/login_dialog.py" line="232"/>
        <source>Bitte Server, Benutzername und Passwort angeben.</source>
        <translation>Please enter server, user name and password.</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/login_dialog.py" line="201"/>
        <location filename="../../src/dvz_desktop/qt/login_dialog.py" line="235"/>
        <source>Dieser Server ist von Ihrer IT nicht freigegeben.</source>
        <translation>Your IT department has not approved this server.</translation>
    </message>
</context>
<context>
    <name>MapView</name>
    <message>
        <location filename="../../src/dvz_desktop/qt/map/view.py" line="56"/>
        <source>Büroplan</source>
        <extracomment>A drag of more than this many pixels is the user panning (the floor stops following the window). An arrow key: move the room focus this way. Enter on the focused room. Menu key or Shift+F10 on the focused room: open its menu here (global position). The view got keyboard focus (to announce the focused room).</extracomment>
        <translation>Office map</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/map/view.py" line="58"/>
        <source>Grafischer Plan des Stockwerks. Pfeiltasten wechseln den Raum, Eingabetaste geht hinein, Kontextmenütaste öffnet das Raummenü. Dieselben Räume und Personen stehen in der Gebäudeübersicht.</source>
        <translation>Graphical plan of the floor. Arrow keys move between rooms, Enter walks in, the menu key opens the room&apos;s menu. The same rooms and people are listed in the building overview.</translation>
    </message>
</context>
<context>
    <name>MapWidget</name>
    <message>
        <location filename="../../src/dvz_desktop/qt/map/widget.py" line="288"/>
        <source>Büroplan: %1</source>
        <extracomment>Gets a portrait: (person id, version) -&gt; its bytes, or None. The user wants to walk into this room. Portraits: where to get them, what is known (person id -&gt; (version, image)), what is on its way.</extracomment>
        <translation>Office map: %1</translation>
    </message>
</context>
<context>
    <name>MeetingHeader</name>
    <message>
        <location filename="../../src/dvz_desktop/qt/calls/meeting_controls.py" line="45"/>
        <location filename="../../src/dvz_desktop/qt/calls/meeting_controls.py" line="61"/>
        <source>Sprecheransicht</source>
        <translation>Speaker view</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/calls/meeting_controls.py" line="46"/>
        <source>Zwischen Galerie und Sprecheransicht wechseln</source>
        <translation>Switch between gallery and speaker view</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/calls/meeting_controls.py" line="48"/>
        <source>Teilnehmende</source>
        <translation>Participants</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/calls/meeting_controls.py" line="49"/>
        <source>Liste der Teilnehmenden zeigen oder verbergen</source>
        <translation>Show or hide the list of participants</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/calls/meeting_controls.py" line="51"/>
        <source>Gast einladen</source>
        <translation>Invite a guest</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/calls/meeting_controls.py" line="52"/>
        <source>Einen Link für einen Gast von außen erzeugen (Moderation)</source>
        <translation>Create a link for a guest from outside (moderators)</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/calls/meeting_controls.py" line="61"/>
        <source>Galerie</source>
        <translation>Gallery</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/calls/meeting_controls.py" line="67"/>
        <source>Teilnehmende (%1)</source>
        <translation>Participants (%1)</translation>
    </message>
</context>
<context>
    <name>MiniCall</name>
    <message>
        <location filename="../../src/dvz_desktop/qt/calls/mini.py" line="24"/>
        <source>Laufendes Gespräch</source>
        <translation>Ongoing call</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/calls/mini.py" line="31"/>
        <location filename="../../src/dvz_desktop/qt/calls/mini.py" line="83"/>
        <source>Mikrofon aus</source>
        <translation>Mute microphone</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/calls/mini.py" line="34"/>
        <source>Gespräch groß zeigen</source>
        <translation>Show the call large</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/calls/mini.py" line="36"/>
        <source>Auflegen</source>
        <translation>Hang up</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/calls/mini.py" line="83"/>
        <source>Mikrofon an</source>
        <translation>Unmute microphone</translation>
    </message>
</context>
<context>
    <name>MinutesDialog</name>
    <message>
        <location filename="../../src/dvz_desktop/qt/council/dialogs.py" line="134"/>
        <source>Niederschrift</source>
        <extracomment>item index (-1: before the first item), text</extracomment>
        <translation>Minutes</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/council/dialogs.py" line="137"/>
        <source>Eröffnung</source>
        <translation>Opening</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/council/dialogs.py" line="141"/>
        <source>Text der Niederschrift zu diesem Punkt</source>
        <translation>Minutes text for this item</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/council/dialogs.py" line="143"/>
        <source>Speichern</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/council/dialogs.py" line="145"/>
        <source>Als PDF an die eAkte übergeben</source>
        <translation>Hand over to the eFile as PDF</translation>
    </message>
</context>
<context>
    <name>MorningView</name>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/dialogs.py" line="158"/>
        <location filename="../../src/dvz_desktop/qt/behaviour/dialogs.py" line="159"/>
        <source>Wer ist heute da</source>
        <translation>Who is in today</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/dialogs.py" line="162"/>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/dialogs.py" line="162"/>
        <source>Da seit</source>
        <translation>In since</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/dialogs.py" line="163"/>
        <source>Anwesende nach Fachbereich</source>
        <translation>Present people by unit</translation>
    </message>
</context>
<context>
    <name>NoticeBanner</name>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/banners.py" line="142"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>OfficeActions</name>
    <message>
        <location filename="../../src/dvz_desktop/qt/shell/actions.py" line="71"/>
        <source>Der Server hat nicht rechtzeitig geantwortet.</source>
        <extracomment>A German message for the status bar when something the user did could not be done. &quot;Als offline anzeigen&quot;, kept with every status change.</extracomment>
        <translation>The server did not answer in time.</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/shell/actions.py" line="76"/>
        <source>Das hat leider nicht geklappt.</source>
        <translation>Sorry, that did not work.</translation>
    </message>
</context>
<context>
    <name>OfficeHoursDialog</name>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/dialogs.py" line="93"/>
        <location filename="../../src/dvz_desktop/qt/behaviour/dialogs.py" line="94"/>
        <source>Sprechzeiten</source>
        <translation>Office hours</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/dialogs.py" line="98"/>
        <source>Außerhalb dieser Zeiten wird Anklopfen aus anderen Fachbereichen zur Nachricht.</source>
        <translation>Outside these hours a knock from another unit becomes a message.</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/dialogs.py" line="101"/>
        <source>Zeit hinzufügen</source>
        <translation>Add hours</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/dialogs.py" line="122"/>
        <source>Wochentag</source>
        <translation>Weekday</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/dialogs.py" line="125"/>
        <source>Beginn</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/dialogs.py" line="126"/>
        <source>Ende</source>
        <translation>End</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/dialogs.py" line="127"/>
        <source>Entfernen</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/dialogs.py" line="147"/>
        <source>Jede Sprechzeit muss enden, nachdem sie beginnt.</source>
        <translation>Each office hour must end after it starts.</translation>
    </message>
</context>
<context>
    <name>OfficeMap</name>
    <message>
        <location filename="../../src/dvz_desktop/qt/map/room_item.py" line="133"/>
        <source>Doppelklick: hierher gehen</source>
        <extracomment>The leaf&apos;s angle to the wall for each state (degrees); closed and locked lie in the wall. Extra lines for the door: its note, office hours, who deputises. Guests of the digital door waiting for this room&apos;s desk (&quot;3 warten&quot;), or &quot;&quot;. Drawn with a focus ring: the room the keyboard is on. Briefly tinted after a search found something here.</extracomment>
        <translation>Double-click: go here</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/map/avatars.py" line="193"/>
        <source>%1 (Sie)</source>
        <extracomment>Room around the disc for my ring and the speaking ring. Pictures are drawn at the zoom they are shown at (device pixels per plan unit), so thousands of avatars are plain 1:1 blits; while the zoom changes they are scaled until it settles (see the scene). The portrait (and its version) when one is known; else initials.</extracomment>
        <translation>%1 (you)</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/map/avatars.py" line="200"/>
        <source>Lust auf Kaffee</source>
        <translation>Up for coffee</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/map/avatars.py" line="202"/>
        <source>spricht gerade</source>
        <translation>speaking</translation>
    </message>
</context>
<context>
    <name>OfficeTree</name>
    <message>
        <location filename="../../src/dvz_desktop/qt/people/tree.py" line="74"/>
        <source>Gebäudeübersicht</source>
        <extracomment>Enter or double-click on a room: go there.</extracomment>
        <translation>Building overview</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/people/tree.py" line="75"/>
        <source>Gebäude, Stockwerke, Räume und die Personen darin</source>
        <translation>Buildings, floors, rooms and the people in them</translation>
    </message>
</context>
<context>
    <name>OwnLauncherDialog</name>
    <message>
        <location filename="../../src/dvz_desktop/qt/launchers/panel.py" line="96"/>
        <source>Eigener Starter</source>
        <translation>Own launcher</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/launchers/panel.py" line="100"/>
        <source>Werte in geschweiften Klammern werden beim Öffnen abgefragt.</source>
        <translation>Values in curly braces are asked for when opening.</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/launchers/panel.py" line="106"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/launchers/panel.py" line="107"/>
        <source>Adresse</source>
        <translation>Address</translation>
    </message>
</context>
<context>
    <name>ParticipantList</name>
    <message>
        <location filename="../../src/dvz_desktop/qt/calls/participants.py" line="138"/>
        <location filename="../../src/dvz_desktop/qt/calls/participants.py" line="160"/>
        <source>Teilnehmende</source>
        <translation>Participants</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/dvz_desktop/qt/calls/participants.py" line="167"/>
        <source>%n Person</source>
        <translation>
            <numerusform>%n person</numerusform>
            <numerusform>%n people</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/calls/participants.py" line="196"/>
        <source>Aus der Besprechung entfernen</source>
        <translation>Remove from the meeting</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/calls/participants.py" line="197"/>
        <source>%1 aus der Besprechung entfernen? Bild und Ton enden sofort, und %1 kann dieser Besprechung nicht wieder beitreten.</source>
        <translation>Remove %1 from the meeting? Picture and sound end at once, and %1 cannot rejoin this meeting.</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/calls/participants.py" line="200"/>
        <source>Entfernen</source>
        <translation>Remove</translation>
    </message>
</context>
<context>
    <name>ParticipantRow</name>
    <message>
        <location filename="../../src/dvz_desktop/qt/calls/participants.py" line="63"/>
        <source>Moderieren</source>
        <translation>Moderate</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/calls/participants.py" line="64"/>
        <source>Moderieren: %1</source>
        <translation>Moderate: %1</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/calls/participants.py" line="66"/>
        <source>Stummschalten</source>
        <translation>Mute</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/calls/participants.py" line="68"/>
        <source>Aus der Besprechung entfernen …</source>
        <translation>Remove from the meeting …</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/calls/participants.py" line="100"/>
        <source>Hand gehoben (%1.)</source>
        <translation>Hand raised (%1.)</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/calls/participants.py" line="107"/>
        <location filename="../../src/dvz_desktop/qt/calls/participants.py" line="108"/>
        <source>spricht</source>
        <translation>speaking</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/calls/participants.py" line="110"/>
        <location filename="../../src/dvz_desktop/qt/calls/participants.py" line="111"/>
        <source>Mikrofon aus</source>
        <translation>Microphone off</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/calls/participants.py" line="113"/>
        <location filename="../../src/dvz_desktop/qt/calls/participants.py" line="114"/>
        <source>teilt den Bildschirm</source>
        <translation>is sharing the screen</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/calls/participants.py" line="116"/>
        <location filename="../../src/dvz_desktop/qt/calls/participants.py" line="117"/>
        <source>Kamera aus</source>
        <translation>Camera off</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/calls/participants.py" line="119"/>
        <location filename="../../src/dvz_desktop/qt/calls/participants.py" line="120"/>
        <source>Moderation</source>
        <translation>Moderator</translation>
    </message>
</context>
<context>
    <name>PeoplePanel</name>
    <message>
        <location filename="../../src/dvz_desktop/qt/people/panel.py" line="45"/>
        <source>Name oder Fachbereich suchen …</source>
        <extracomment>(person id, follow?) — &quot;Benachrichtigen, wenn da&quot;. (person id, follow?) — &quot;Benachrichtigen, wenn verfügbar&quot;. Enter or double click on a person: show where they are.</extracomment>
        <translation>Search name or unit …</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/people/panel.py" line="46"/>
        <source>Personen suchen</source>
        <translation>Search people</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/people/panel.py" line="49"/>
        <source>Nur heute da</source>
        <translation>Only in today</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/people/panel.py" line="50"/>
        <source>Nur Personen zeigen, die heute da sind</source>
        <translation>Only show people who are in today</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/people/panel.py" line="55"/>
        <source>Personen</source>
        <translation>People</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/people/panel.py" line="135"/>
        <source>Benachrichtigen, wenn da</source>
        <translation>Notify me when in</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/people/panel.py" line="139"/>
        <source>Benachrichtigen, wenn verfügbar</source>
        <translation>Notify me when available</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/people/panel.py" line="145"/>
        <source>In mein Büro einladen</source>
        <translation>Invite into my office</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/people/panel.py" line="148"/>
        <source>Kurze Frage …</source>
        <translation>Quick question …</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/people/panel.py" line="151"/>
        <source>Anrufen</source>
        <translation>Call</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/people/panel.py" line="156"/>
        <source>Telefon: %1</source>
        <translation>Phone: %1</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/people/panel.py" line="159"/>
        <source>Nachricht schreiben</source>
        <translation>Write a message</translation>
    </message>
</context>
<context>
    <name>Phone</name>
    <message>
        <location filename="../../src/dvz_desktop/qt/phone/mount.py" line="41"/>
        <source>Für diese Person ist keine Telefonnummer hinterlegt.</source>
        <extracomment>The URI scheme the organisation&apos;s telephony understands (policy ``TelephonyUriScheme``). Call a colleague in DVZ.</extracomment>
        <translation>No phone number is on record for this person.</translation>
    </message>
</context>
<context>
    <name>PhonePanel</name>
    <message>
        <location filename="../../src/dvz_desktop/qt/phone/panel.py" line="29"/>
        <source>Telefonnummer oder Name</source>
        <translation>Phone number or name</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/phone/panel.py" line="30"/>
        <source>Telefonnummer</source>
        <translation>Phone number</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/phone/panel.py" line="35"/>
        <source>Taste %1</source>
        <translation>Key %1</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/phone/panel.py" line="38"/>
        <source>Wählen</source>
        <translation>Dial</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/phone/panel.py" line="41"/>
        <source>Letzte Anrufe</source>
        <translation>Recent calls</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/phone/panel.py" line="80"/>
        <source>DVZ-Anruf</source>
        <extracomment>Set by the desktop: colleagues by name -&gt; (person id, phone number, online now), and the in-app call for a colleague who is online.</extracomment>
        <translation>DVZ call</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/phone/panel.py" line="84"/>
        <source>%1 ist nicht online und hat keine Telefonnummer hinterlegt.</source>
        <translation>%1 is not online and has no phone number.</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/phone/panel.py" line="94"/>
        <source>Keine Telefonie-Anwendung für „%1:“ eingerichtet.</source>
        <translation>No telephony application is set up for “%1:”.</translation>
    </message>
</context>
<context>
    <name>QuestionBanner</name>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/banners.py" line="121"/>
        <source>Antwort</source>
        <translation>Answer</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/banners.py" line="122"/>
        <source>Antwort auf die kurze Frage</source>
        <translation>Answer to the quick question</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/banners.py" line="125"/>
        <source>Antworten</source>
        <translation>Answer</translation>
    </message>
</context>
<context>
    <name>QuestionsDialog</name>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/dialogs.py" line="232"/>
        <location filename="../../src/dvz_desktop/qt/behaviour/dialogs.py" line="233"/>
        <source>Kurze Fragen</source>
        <translation>Quick questions</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/dialogs.py" line="236"/>
        <source>Kurze Fragen und Antworten</source>
        <translation>Quick questions and answers</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/dialogs.py" line="238"/>
        <source>Noch keine kurzen Fragen.</source>
        <translation>No quick questions yet.</translation>
    </message>
</context>
<context>
    <name>Rail</name>
    <message>
        <location filename="../../src/dvz_desktop/qt/calendar/mount.py" line="34"/>
        <location filename="../../src/dvz_desktop/qt/calendar/mount.py" line="35"/>
        <source>Kalender</source>
        <extracomment>The CalDAV account (``services.calendar_account.CalendarAccount``), None where there is none.</extracomment>
        <translation>Calendar</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/chat/mount.py" line="74"/>
        <location filename="../../src/dvz_desktop/qt/chat/mount.py" line="75"/>
        <source>Chat</source>
        <extracomment>The outbox file (messages written while offline wait here). Unread direct messages per colleague (for the people list). All unread messages (for the tray).</extracomment>
        <translation>Chat</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/door/mount.py" line="46"/>
        <source>Digitale Tür</source>
        <translation>Digital door</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/door/mount.py" line="47"/>
        <source>Digitale
Tür</source>
        <translation>Digital
door</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/launchers/mount.py" line="53"/>
        <source>Anwendungen</source>
        <translation>Applications</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/launchers/mount.py" line="54"/>
        <source>Programme</source>
        <translation>Apps</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/map/mount.py" line="46"/>
        <source>Zu meinem Büro</source>
        <extracomment>Walk into a room (knocking where the door is closed). Fetches a colleague&apos;s portrait (``services.photos.PhotoFetcher.fetch``); None: initials only.</extracomment>
        <translation>To my office</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/people/mount.py" line="50"/>
        <source>Personen</source>
        <extracomment>People whose arrival is announced; changed here, saved through ``save_followed``.</extracomment>
        <translation>People</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/people/mount.py" line="51"/>
        <source>Räume</source>
        <translation>Rooms</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/people/mount.py" line="56"/>
        <location filename="../../src/dvz_desktop/qt/people/mount.py" line="57"/>
        <source>Büro</source>
        <translation>Office</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/phone/mount.py" line="48"/>
        <location filename="../../src/dvz_desktop/qt/phone/mount.py" line="49"/>
        <source>Telefon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/shell/rail.py" line="144"/>
        <source>Navigation</source>
        <extracomment>Where each place sits on the rail, top to bottom (the visual brief&apos;s order); others follow. Space above an entry&apos;s icon: normally, and when the window is too short for every entry at full height. An entry was chosen (by click, keyboard or its shortcut).</extracomment>
        <translation>Navigation</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/today/mount.py" line="37"/>
        <location filename="../../src/dvz_desktop/qt/today/mount.py" line="38"/>
        <source>Heute</source>
        <extracomment>The chat feature (``qt.chat.mount.ChatFeature``): its counts and &quot;open this conversation&quot;. The calendar panel (``qt.calendar.panel.CalendarPanel``): its agenda and account set-up. The office behaviour&apos;s dialogs (``qt.behaviour.presenter.BehaviourPresenter``).</extracomment>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/whiteboard/mount.py" line="32"/>
        <source>Whiteboard</source>
        <translation>Whiteboard</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/council/mount.py" line="221"/>
        <source>Sitzung</source>
        <translation>Session</translation>
    </message>
</context>
<context>
    <name>ShellWindow</name>
    <message>
        <location filename="../../src/dvz_desktop/qt/shell/window.py" line="43"/>
        <location filename="../../src/dvz_desktop/qt/shell/window.py" line="47"/>
        <source>DVZ Desktop</source>
        <extracomment>The smallest window that still works (a 1280x720 screen with taskbar and title bar). The window was closed while no tray can keep the program running.</extracomment>
        <translation>DVZ Desktop</translation>
    </message>
</context>
<context>
    <name>SidePanelHost</name>
    <message>
        <location filename="../../src/dvz_desktop/qt/shell/side_panel.py" line="48"/>
        <source>Seitenleiste schließen (Esc)</source>
        <extracomment>The user closed the panel (close button or Escape). The panel shown changed (&quot;&quot; when none).</extracomment>
        <translation>Close the side panel (Esc)</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/shell/side_panel.py" line="49"/>
        <source>Seitenleiste schließen</source>
        <translation>Close the side panel</translation>
    </message>
</context>
<context>
    <name>Stage</name>
    <message>
        <location filename="../../src/dvz_desktop/qt/shell/stage.py" line="31"/>
        <source>Arbeitsfläche</source>
        <extracomment>The view shown changed (its key).</extracomment>
        <translation>Workspace</translation>
    </message>
</context>
<context>
    <name>StartDialog</name>
    <message>
        <location filename="../../src/dvz_desktop/qt/council/dialogs.py" line="34"/>
        <source>Sitzung beginnen</source>
        <extracomment>title, body id (&quot;&quot; for a meeting with a moderator), public</extracomment>
        <translation>Start a session</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/council/dialogs.py" line="37"/>
        <source>z. B. 12. Sitzung des Umweltausschusses</source>
        <translation>e.g. 12th meeting of the environment committee</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/council/dialogs.py" line="39"/>
        <source>Besprechung mit Moderation (ohne Gremium)</source>
        <translation>Moderated meeting (no body)</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/council/dialogs.py" line="42"/>
        <source>Öffentliche Sitzung (Bürgerinnen und Bürger verfolgen sie im Browser)</source>
        <translation>Public session (citizens follow it in the browser)</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/council/dialogs.py" line="44"/>
        <source>Beginnen</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/council/dialogs.py" line="48"/>
        <source>Titel</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/council/dialogs.py" line="49"/>
        <source>Gremium</source>
        <translation>Body</translation>
    </message>
</context>
<context>
    <name>StatusLine</name>
    <message>
        <location filename="../../src/dvz_desktop/qt/shell/status_line.py" line="36"/>
        <source>Mein Status</source>
        <translation>My status</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/shell/status_line.py" line="37"/>
        <source>Status und Statusnotiz ändern</source>
        <translation>Change status and status note</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/shell/status_line.py" line="40"/>
        <source>Meine Statusnotiz</source>
        <translation>My status note</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/shell/status_line.py" line="52"/>
        <source>Meldung</source>
        <translation>Message</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/shell/status_line.py" line="59"/>
        <source>Verbindungsstatus</source>
        <translation>Connection status</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/shell/status_line.py" line="86"/>
        <source>Verbunden</source>
        <translation>Connected</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/shell/status_line.py" line="90"/>
        <source>Anmeldung läuft …</source>
        <translation>Signing in …</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/shell/status_line.py" line="94"/>
        <source>Abgemeldet</source>
        <translation>Signed out</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/shell/status_line.py" line="99"/>
        <source>Verbindung unterbrochen – neuer Versuch läuft …</source>
        <translation>Connection lost – trying again …</translation>
    </message>
</context>
<context>
    <name>StatusMenu</name>
    <message>
        <location filename="../../src/dvz_desktop/qt/shell/status_menu.py" line="28"/>
        <location filename="../../src/dvz_desktop/qt/shell/status_menu.py" line="29"/>
        <source>Mein Status</source>
        <extracomment>The status note&apos;s length on the wire (protocol: SetStatus.note). (status, note) chosen by the user.</extracomment>
        <translation>My status</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/shell/status_menu.py" line="42"/>
        <source>Statusnotiz …</source>
        <translation>Status note …</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/shell/status_menu.py" line="45"/>
        <source>Lust auf Kaffee</source>
        <translation>Up for coffee</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/shell/status_menu.py" line="48"/>
        <source>Als offline anzeigen</source>
        <translation>Appear offline</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/shell/status_menu.py" line="52"/>
        <source>Abwesenheit eintragen …</source>
        <translation>Record an absence …</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/shell/status_menu.py" line="55"/>
        <source>Abwesenheit beenden</source>
        <translation>End my absence</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/shell/status_menu.py" line="79"/>
        <source>Statusnotiz</source>
        <translation>Status note</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/shell/status_menu.py" line="80"/>
        <source>Kurze Notiz (höchstens 120 Zeichen):</source>
        <translation>Short note (at most 120 characters):</translation>
    </message>
</context>
<context>
    <name>TextDialog</name>
    <message>
        <location filename="../../src/dvz_desktop/qt/text_dialog.py" line="54"/>
        <source>Zu lang: %1 Zeichen, höchstens %2. Bitte kürzen Sie um %3.</source>
        <translation>Too long: %1 characters, at most %2. Please shorten it by %3.</translation>
    </message>
</context>
<context>
    <name>Today</name>
    <message>
        <location filename="../../src/dvz_desktop/qt/today/mount.py" line="56"/>
        <source>Chat %1</source>
        <translation>Chat %1</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/today/mount.py" line="66"/>
        <source>%1 verpasst</source>
        <translation>%1 missed</translation>
    </message>
</context>
<context>
    <name>TodayPanel</name>
    <message>
        <location filename="../../src/dvz_desktop/qt/today/panel.py" line="49"/>
        <source>Heute</source>
        <extracomment>Appointments shown ahead. &quot;Noch kein Kalender verbunden&quot; was chosen: set up the calendar account. &quot;Wer ist heute da&quot; and &quot;Kurze Fragen&quot; (the lists behind them open as dialogs).</extracomment>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/today/panel.py" line="52"/>
        <source>Wer ist heute da</source>
        <translation>Who is in today</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/today/panel.py" line="57"/>
        <source>Kurze Fragen</source>
        <translation>Quick questions</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/today/panel.py" line="94"/>
        <source>Verpasst (%1)</source>
        <translation>Missed (%1)</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/today/panel.py" line="104"/>
        <source>Heute, %1</source>
        <translation>Today, %1</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/today/panel.py" line="107"/>
        <source>Nächste Termine</source>
        <translation>Next appointments</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/today/panel.py" line="110"/>
        <source>ganztägig</source>
        <translation>all day</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/today/panel.py" line="115"/>
        <source>Noch kein Kalender verbunden – hier einrichten.</source>
        <translation>No calendar connected yet – set one up here.</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/today/panel.py" line="117"/>
        <source>Keine Termine mehr heute.</source>
        <translation>No more appointments today.</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/today/panel.py" line="118"/>
        <source>Ungelesene Nachrichten</source>
        <translation>Unread messages</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/today/panel.py" line="120"/>
        <source>%1 ungelesen: %2</source>
        <translation>%1 unread: %2</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/today/panel.py" line="122"/>
        <source>Alles gelesen.</source>
        <translation>All read.</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/today/panel.py" line="55"/>
        <location filename="../../src/dvz_desktop/qt/today/panel.py" line="94"/>
        <location filename="../../src/dvz_desktop/qt/today/panel.py" line="123"/>
        <source>Verpasst</source>
        <translation>Missed</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/today/panel.py" line="129"/>
        <source>%1 × angeklopft, als Sie nicht da waren</source>
        <translation>%1 × knocked while you were away</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/dvz_desktop/qt/today/panel.py" line="130"/>
        <source>%n Nachricht an der Tür</source>
        <translation>
            <numerusform>%n message at the door</numerusform>
            <numerusform>%n messages at the door</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/dvz_desktop/qt/today/panel.py" line="132"/>
        <source>%n Anfrage an der digitalen Tür</source>
        <translation>
            <numerusform>%n request at the digital door</numerusform>
            <numerusform>%n requests at the digital door</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/dvz_desktop/qt/today/panel.py" line="133"/>
        <source>%n Rückruf zu erledigen</source>
        <translation>
            <numerusform>%n callback to make</numerusform>
            <numerusform>%n callbacks to make</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/today/panel.py" line="131"/>
        <source>%1 × von Ihrer Vertretung erledigt</source>
        <translation>%1 × handled by your deputy</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/today/panel.py" line="137"/>
        <source>Nichts verpasst.</source>
        <translation>Nothing missed.</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <location filename="../../src/dvz_desktop/qt/shell/tray.py" line="87"/>
        <source>DVZ Desktop</source>
        <extracomment>&quot;Abmelden&quot;: end the session (and the organisation&apos;s sign-on), back to the login.</extracomment>
        <translation>DVZ Desktop</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/shell/tray.py" line="88"/>
        <source>DVZ Desktop öffnen</source>
        <translation>Open DVZ Desktop</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/shell/tray.py" line="93"/>
        <location filename="../../src/dvz_desktop/qt/shell/tray.py" line="182"/>
        <source>Keine ungelesenen Nachrichten</source>
        <translation>No unread messages</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/shell/tray.py" line="102"/>
        <source>Aus meiner Einheit da:</source>
        <translation>In from my unit:</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/shell/tray.py" line="107"/>
        <source>Abmelden</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/shell/tray.py" line="110"/>
        <source>Beenden</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/shell/tray.py" line="121"/>
        <source>Nicht verbunden</source>
        <extracomment>The office model the &quot;Aus meiner Einheit da&quot; entries were made from, and whose presence they show.</extracomment>
        <translation>Not connected</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/shell/tray.py" line="122"/>
        <source>DVZ Desktop – nicht verbunden</source>
        <translation>DVZ Desktop – not connected</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/shell/tray.py" line="140"/>
        <source>Verbindung unterbrochen</source>
        <translation>Connection lost</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/shell/tray.py" line="145"/>
        <source>DVZ Desktop – %1</source>
        <translation>DVZ Desktop – %1</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/shell/tray.py" line="157"/>
        <source>niemand</source>
        <translation>nobody</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/shell/tray.py" line="159"/>
        <source> · Lust auf Kaffee</source>
        <translation> · up for coffee</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/dvz_desktop/qt/shell/tray.py" line="181"/>
        <source>%n ungelesene Nachricht</source>
        <translation>
            <numerusform>%n unread message</numerusform>
            <numerusform>%n unread messages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/dvz_desktop/qt/shell/tray.py" line="190"/>
        <source>%n Person wartet an der digitalen Tür</source>
        <translation>
            <numerusform>%n person waiting at the digital door</numerusform>
            <numerusform>%n people waiting at the digital door</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ValuesDialog</name>
    <message>
        <location filename="../../src/dvz_desktop/qt/launchers/panel.py" line="74"/>
        <source>Öffnen</source>
        <translation>Open</translation>
    </message>
</context>
<context>
    <name>VideoTile</name>
    <message>
        <location filename="../../src/dvz_desktop/qt/calls/tile.py" line="87"/>
        <source>Mikrofon aus</source>
        <extracomment>Whose initials the avatar shows (&quot;Sie&quot; is labelled, but shows my own initials). The raised hand&apos;s place among all raised hands (1 = first), or None.</extracomment>
        <translation>Microphone off</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/calls/tile.py" line="89"/>
        <source>Kamera aus</source>
        <translation>Camera off</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/calls/tile.py" line="91"/>
        <source>spricht</source>
        <translation>speaking</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/calls/tile.py" line="93"/>
        <source>Hand gehoben (%1.)</source>
        <translation>Hand raised (%1.)</translation>
    </message>
</context>
<context>
    <name>VoteDialog</name>
    <message>
        <location filename="../../src/dvz_desktop/qt/council/vote_dialog.py" line="21"/>
        <source>Abstimmung</source>
        <translation>Vote</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/council/vote_dialog.py" line="22"/>
        <source>Abstimmung: %1</source>
        <translation>Vote: %1</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/council/vote_dialog.py" line="33"/>
        <source> (Wahl)</source>
        <translation> (election)</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/council/vote_dialog.py" line="39"/>
        <source>Ja</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/council/vote_dialog.py" line="39"/>
        <source>Nein</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/council/vote_dialog.py" line="39"/>
        <source>Enthaltung</source>
        <translation>Abstain</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/council/vote_dialog.py" line="45"/>
        <source>Eine Stimmenthaltung ist nach dem Kommunalrecht Ihres Landes nicht zulässig.</source>
        <translation>Abstaining is not allowed under your Land&apos;s municipal code.</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/council/vote_dialog.py" line="49"/>
        <source>Schließen</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>VoteOpenDialog</name>
    <message>
        <location filename="../../src/dvz_desktop/qt/council/dialogs.py" line="68"/>
        <location filename="../../src/dvz_desktop/qt/council/dialogs.py" line="78"/>
        <source>Abstimmung eröffnen</source>
        <extracomment>question, kind (&quot;open&quot;, &quot;named&quot;, &quot;secret&quot;), election</extracomment>
        <translation>Open a vote</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/council/dialogs.py" line="72"/>
        <source>offen (nur das Ergebnis wird festgehalten)</source>
        <translation>open (only the result is recorded)</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/council/dialogs.py" line="73"/>
        <source>namentlich (jede Stimme kommt in die Niederschrift)</source>
        <translation>roll call (every vote goes into the minutes)</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/council/dialogs.py" line="74"/>
        <source>geheim</source>
        <translation>secret</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/council/dialogs.py" line="76"/>
        <source>Es ist eine Wahl</source>
        <translation>It is an election</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/council/dialogs.py" line="82"/>
        <source>Antrag / Frage</source>
        <translation>Motion / question</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/council/dialogs.py" line="83"/>
        <source>Art</source>
        <translation>Kind</translation>
    </message>
</context>
<context>
    <name>WhiteboardPanel</name>
    <message>
        <location filename="../../src/dvz_desktop/qt/whiteboard/panel.py" line="50"/>
        <source>Whiteboard-Werkzeuge</source>
        <translation>Whiteboard tools</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/whiteboard/panel.py" line="56"/>
        <source>Stift</source>
        <translation>Pen</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/whiteboard/panel.py" line="56"/>
        <source>Linie</source>
        <translation>Line</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/whiteboard/panel.py" line="56"/>
        <source>Pfeil</source>
        <translation>Arrow</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/whiteboard/panel.py" line="57"/>
        <source>Rechteck</source>
        <translation>Rectangle</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/whiteboard/panel.py" line="57"/>
        <source>Ellipse</source>
        <translation>Ellipse</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/whiteboard/panel.py" line="58"/>
        <location filename="../../src/dvz_desktop/qt/whiteboard/panel.py" line="159"/>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/whiteboard/panel.py" line="58"/>
        <location filename="../../src/dvz_desktop/qt/whiteboard/panel.py" line="159"/>
        <source>Notiz</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/whiteboard/panel.py" line="58"/>
        <source>Radierer</source>
        <translation>Eraser</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/whiteboard/panel.py" line="66"/>
        <source>Whiteboard-Befehle</source>
        <translation>Whiteboard commands</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/whiteboard/panel.py" line="67"/>
        <source>Farbe …</source>
        <translation>Colour …</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/whiteboard/panel.py" line="68"/>
        <source>Bild …</source>
        <translation>Picture …</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/whiteboard/panel.py" line="70"/>
        <source>Rückgängig</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/whiteboard/panel.py" line="72"/>
        <source>Wiederholen</source>
        <translation>Redo</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/whiteboard/panel.py" line="74"/>
        <source>Leeren …</source>
        <translation>Clear …</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/whiteboard/panel.py" line="76"/>
        <source>Als PNG …</source>
        <translation>As PNG …</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/whiteboard/panel.py" line="77"/>
        <source>Als PDF …</source>
        <translation>As PDF …</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/whiteboard/panel.py" line="121"/>
        <source>Betreten Sie einen Raum, um sein Whiteboard zu sehen.</source>
        <translation>Enter a room to see its whiteboard.</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/whiteboard/panel.py" line="123"/>
        <source>Whiteboard: %1 – alle im Raum sehen und zeichnen mit.</source>
        <translation>Whiteboard: %1 – everyone in the room sees and draws along.</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/whiteboard/panel.py" line="160"/>
        <source>Was soll auf dem Whiteboard stehen?</source>
        <translation>What should the whiteboard say?</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/whiteboard/panel.py" line="167"/>
        <source>Farbe wählen</source>
        <translation>Choose colour</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/whiteboard/panel.py" line="172"/>
        <source>Bild einfügen</source>
        <translation>Insert picture</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/whiteboard/panel.py" line="173"/>
        <source>Bilder (*.png *.jpg *.jpeg)</source>
        <translation>Pictures (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/whiteboard/panel.py" line="189"/>
        <source>Whiteboard leeren</source>
        <translation>Clear whiteboard</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/whiteboard/panel.py" line="190"/>
        <source>Das Whiteboard wird für alle im Raum geleert. Das lässt sich nicht rückgängig machen.</source>
        <translation>The whiteboard is cleared for everyone in the room. This cannot be undone.</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/whiteboard/panel.py" line="206"/>
        <source>Whiteboard speichern</source>
        <translation>Save whiteboard</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/whiteboard/panel.py" line="217"/>
        <source>Whiteboard gespeichert: %1</source>
        <translation>Whiteboard saved: %1</translation>
    </message>
</context>
<context>
    <name>_Counts</name>
    <message>
        <location filename="../../src/dvz_desktop/qt/labels.py" line="16"/>
        <source>niemand da</source>
        <translation>nobody in</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/dvz_desktop/qt/labels.py" line="16"/>
        <source>%n Person</source>
        <translation>
            <numerusform>%n person</numerusform>
            <numerusform>%n people</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/dvz_desktop/qt/labels.py" line="19"/>
        <source>%n Person wartet</source>
        <translation>
            <numerusform>%n person waiting</numerusform>
            <numerusform>%n people waiting</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/dvz_desktop/qt/labels.py" line="22"/>
        <source>%1: „Gleich“ – in etwa %n Minute.</source>
        <translation>
            <numerusform>%1: “In a moment” – in about %n minute.</numerusform>
            <numerusform>%1: “In a moment” – in about %n minutes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/dvz_desktop/qt/labels.py" line="25"/>
        <source>%n ungelesene Nachricht</source>
        <translation>
            <numerusform>%n unread message</numerusform>
            <numerusform>%n unread messages</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <location filename="../../src/dvz_desktop/qt/labels.py" line="60"/>
        <source>Verfügbar</source>
        <translation>Available</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/labels.py" line="61"/>
        <source>Beschäftigt</source>
        <translation>Busy</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/labels.py" line="62"/>
        <source>Nicht stören</source>
        <translation>Do not disturb</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/labels.py" line="63"/>
        <source>In Besprechung</source>
        <translation>In a meeting</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/labels.py" line="64"/>
        <source>Abwesend</source>
        <translation>Away</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/labels.py" line="65"/>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/labels.py" line="71"/>
        <source>Büro</source>
        <translation>Office</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/labels.py" line="72"/>
        <source>Teambüro</source>
        <translation>Team office</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/labels.py" line="73"/>
        <source>Besprechungsraum</source>
        <translation>Meeting room</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/labels.py" line="74"/>
        <source>Kaffeeküche</source>
        <translation>Coffee kitchen</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/labels.py" line="75"/>
        <source>Foyer / Bürgerbüro</source>
        <translation>Foyer / citizens&apos; office</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/labels.py" line="76"/>
        <source>Projektraum</source>
        <translation>Project room</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/labels.py" line="82"/>
        <source>Tür offen</source>
        <translation>Door open</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/labels.py" line="83"/>
        <source>Tür angelehnt</source>
        <translation>Door ajar</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/labels.py" line="84"/>
        <source>Tür geschlossen</source>
        <translation>Door closed</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/labels.py" line="85"/>
        <source>Tür abgeschlossen</source>
        <translation>Door locked</translation>
    </message>
</context>
</TS>
