<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="de">
<context>
    <name>AbsenceDialog</name>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/dialogs.py" line="54" />
        <location filename="../../src/dvz_desktop/qt/behaviour/dialogs.py" line="55" />
        <source>Abwesenheit eintragen</source>
        <translation>Record an absence</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/dialogs.py" line="62" />
        <source>Erster Tag</source>
        <translation>First day</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/dialogs.py" line="63" />
        <source>Letzter Tag</source>
        <translation>Last day</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/dialogs.py" line="65" />
        <source>Art der Abwesenheit</source>
        <translation>Kind of absence</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/dialogs.py" line="69" />
        <source>Vertretung</source>
        <translation>Deputy</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/dialogs.py" line="70" />
        <source>(keine Vertretung)</source>
        <translation>(no deputy)</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/dialogs.py" line="74" />
        <source>Kolleginnen und Kollegen sehen nur, bis wann Sie fehlen und wer vertritt.</source>
        <translation>Colleagues only see until when you are away and who deputises.</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/dialogs.py" line="77" />
        <source>Von:</source>
        <translation>From:</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/dialogs.py" line="78" />
        <source>Bis:</source>
        <translation>Until:</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/dialogs.py" line="79" />
        <source>Art:</source>
        <translation>Kind:</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/dialogs.py" line="80" />
        <source>Vertretung:</source>
        <translation>Deputy:</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/dialogs.py" line="93" />
        <source>Der letzte Tag liegt vor dem ersten.</source>
        <translation>The last day is before the first.</translation>
    </message>
</context>
<context>
    <name>AccountDialog</name>
    <message>
        <location filename="../../src/dvz_desktop/qt/desk/calendar_dialogs.py" line="132" />
        <source>Kalenderkonto</source>
        <translation>Calendar account</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/desk/calendar_dialogs.py" line="137" />
        <source>Von Ihrer IT-Abteilung festgelegt</source>
        <translation>Set by your IT department</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/desk/calendar_dialogs.py" line="148" />
        <source>Adresse (CalDAV)</source>
        <translation>Address (CalDAV)</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/desk/calendar_dialogs.py" line="149" />
        <source>Benutzername</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/desk/calendar_dialogs.py" line="150" />
        <source>Passwort</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/desk/calendar_dialogs.py" line="155" />
        <source>Verbindung wird geprüft …</source>
        <translation>Checking the connection …</translation>
    </message>
</context>
<context>
    <name>AppointmentDialog</name>
    <message>
        <location filename="../../src/dvz_desktop/qt/desk/calendar_dialogs.py" line="47" />
        <source>Termin bearbeiten</source>
        <translation>Edit appointment</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/desk/calendar_dialogs.py" line="47" />
        <source>Neuer Termin</source>
        <translation>New appointment</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/desk/calendar_dialogs.py" line="53" />
        <source>Ganztägig</source>
        <translation>All day</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/desk/calendar_dialogs.py" line="58" />
        <source>Jede Woche</source>
        <translation>Every week</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/desk/calendar_dialogs.py" line="60" />
        <source>(kein virtueller Raum)</source>
        <translation>(no virtual room)</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/desk/calendar_dialogs.py" line="70" />
        <source>Titel</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/desk/calendar_dialogs.py" line="71" />
        <source>Tag</source>
        <translation>Day</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/desk/calendar_dialogs.py" line="73" />
        <source>Von</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/desk/calendar_dialogs.py" line="74" />
        <source>Bis</source>
        <translation>To</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/desk/calendar_dialogs.py" line="75" />
        <source>Raum</source>
        <translation>Room</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/desk/calendar_dialogs.py" line="99" />
        <source>Bitte geben Sie dem Termin einen Titel.</source>
        <translation>Please give the appointment a title.</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/desk/calendar_dialogs.py" line="110" />
        <source>Das Ende muss nach dem Beginn liegen.</source>
        <translation>The end must be after the start.</translation>
    </message>
</context>
<context>
    <name>ArrivalWatcher</name>
    <message>
        <location filename="../../src/dvz_desktop/qt/arrivals.py" line="43" />
        <source>Jetzt da</source>
        <extracomment>"Benachrichtigen, wenn verfügbar": told when their status becomes "verfügbar".</extracomment>
        <translation>In now</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/arrivals.py" line="44" />
        <source>%1 ist jetzt da.</source>
        <translation>%1 is in now.</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/arrivals.py" line="52" />
        <source>Jetzt verfügbar</source>
        <translation>Available now</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/arrivals.py" line="53" />
        <source>%1 ist jetzt verfügbar.</source>
        <translation>%1 is available now.</translation>
    </message>
</context>
<context>
    <name>BannerArea</name>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/banners.py" line="180" />
        <source>Hinweise</source>
        <translation>Notices</translation>
    </message>
</context>
<context>
    <name>Behaviour</name>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/texts.py" line="15" />
        <source>Sie klopfen bei %1 an …</source>
        <translation>You are knocking at %1 …</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/texts.py" line="16" />
        <source>%1: „Gleich“ – in etwa %2 Minuten.</source>
        <translation>%1: “In a moment” – in about %2 minutes.</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/texts.py" line="17" />
        <source>%1: „Herein“ – Sie sind eingetreten.</source>
        <translation>%1: “Come in” – you are inside.</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/texts.py" line="18" />
        <source>Sie sind in %1.</source>
        <translation>You are in %1.</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/texts.py" line="19" />
        <source>%1: „Jetzt nicht“.</source>
        <translation>%1: “Not now”.</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/texts.py" line="20" />
        <source>%1 ist abgeschlossen.</source>
        <translation>%1 is locked.</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/texts.py" line="21" />
        <source>In %1 ist niemand da.</source>
        <translation>Nobody is in %1.</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/texts.py" line="22" />
        <source>Niemand hat geantwortet (%1).</source>
        <translation>Nobody answered (%1).</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/texts.py" line="23" />
        <source>%1: außerhalb der Sprechzeit.</source>
        <translation>%1: outside office hours.</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/texts.py" line="24" />
        <source>%1: bitte nicht stören – Ihr Anklopfen wird später angezeigt.</source>
        <translation>%1: do not disturb – your knock will be shown later.</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/texts.py" line="25" />
        <source>Anklopfen bei %1 abgebrochen.</source>
        <translation>Stopped knocking at %1.</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/texts.py" line="37" />
        <source>Einladung an %1 gesendet.</source>
        <translation>Invitation sent to %1.</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/texts.py" line="38" />
        <source>%1 hat Ihre Einladung angenommen.</source>
        <translation>%1 accepted your invitation.</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/texts.py" line="39" />
        <source>%1 hat Ihre Einladung abgelehnt.</source>
        <translation>%1 declined your invitation.</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/texts.py" line="40" />
        <source>%1 hat nicht auf Ihre Einladung reagiert.</source>
        <translation>%1 did not respond to your invitation.</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/texts.py" line="41" />
        <source>Die Einladung an %1 ist hinfällig.</source>
        <translation>The invitation to %1 no longer applies.</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/texts.py" line="47" />
        <source>Urlaub</source>
        <translation>Holiday</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/texts.py" line="48" />
        <source>Dienstreise</source>
        <translation>Business trip</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/texts.py" line="49" />
        <source>Fortbildung</source>
        <translation>Training</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/texts.py" line="50" />
        <source>Sonstige Abwesenheit</source>
        <translation>Other absence</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/texts.py" line="56" />
        <source>Verpasstes Anklopfen</source>
        <translation>Missed knock</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/texts.py" line="57" />
        <source>Nachricht an der Tür</source>
        <translation>Message at the door</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/texts.py" line="58" />
        <source>Übergabe aus der Vertretung</source>
        <translation>Handover from your deputy</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/texts.py" line="59" />
        <source>Anfrage an der digitalen Tür</source>
        <translation>Request at the digital door</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/texts.py" line="60" />
        <source>Rückruf</source>
        <translation>Callback</translation>
    </message>
</context>
<context>
    <name>BehaviourPresenter</name>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/presenter.py" line="100" />
        <source>%1 ist eingetreten (%2).</source>
        <extracomment>(title, message) for the tray. "Chat des Raums" chosen in a room's menu.</extracomment>
        <translation>%1 came in (%2).</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/presenter.py" line="103" />
        <source>Tür angelehnt</source>
        <translation>Door ajar</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/presenter.py" line="112" />
        <source>%1 klopft bei %2 an (Sie vertreten).</source>
        <translation>%1 is knocking at %2's door (you are deputising).</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/presenter.py" line="115" />
        <source>%1 klopft an (%2).</source>
        <translation>%1 is knocking (%2).</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/presenter.py" line="120" />
        <source>Es klopft</source>
        <translation>Someone is knocking</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/presenter.py" line="141" />
        <source>Ihre Nachricht wurde hinterlassen.</source>
        <translation>Your message was left.</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/presenter.py" line="143" />
        <source>Nachricht hinterlassen</source>
        <translation>Leave a message</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/presenter.py" line="144" />
        <source>Ihre Nachricht an der Tür:</source>
        <translation>Your message at the door:</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/presenter.py" line="156" />
        <source>%1 lädt Sie in %2 ein.</source>
        <translation>%1 invites you into %2.</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/presenter.py" line="161" />
        <source>Einladung</source>
        <translation>Invitation</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/presenter.py" line="170" />
        <source>Kurze Frage an %1</source>
        <translation>Quick question to %1</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/presenter.py" line="171" />
        <source>Ihre Frage (eine Zeile):</source>
        <translation>Your question (one line):</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/presenter.py" line="178" />
        <source>Kurze Frage von %1: „%2“</source>
        <translation>Quick question from %1: “%2”</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/presenter.py" line="183" />
        <source>Kurze Frage</source>
        <translation>Quick question</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/presenter.py" line="187" />
        <source>%1 antwortet auf „%2“: %3</source>
        <translation>%1 answers “%2”: %3</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/presenter.py" line="192" />
        <source>Antwort</source>
        <translation>Answer</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/presenter.py" line="221" />
        <source>Sprechzeiten: %1</source>
        <translation>Office hours: %1</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/presenter.py" line="223" />
        <source>Abwesend bis %1, Vertretung: %2</source>
        <translation>Away until %1, deputy: %2</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/presenter.py" line="245" />
        <source>Hierher gehen</source>
        <translation>Go here</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/presenter.py" line="245" />
        <source>Anklopfen</source>
        <translation>Knock</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/presenter.py" line="249" />
        <source>Chat des Raums</source>
        <translation>Room chat</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/presenter.py" line="261" />
        <source>Sprechzeiten …</source>
        <translation>Office hours …</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/presenter.py" line="265" />
        <source>Küche folgen</source>
        <translation>Follow kitchen</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/presenter.py" line="275" />
        <source>Tür abschließen</source>
        <translation>Lock the door</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/presenter.py" line="276" />
        <source>Notiz an der Tür (z. B. „Prüfung bis 12 Uhr“):</source>
        <translation>Note on the door (e.g. “Exam until noon”):</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/presenter.py" line="299" />
        <source>In %1 sind jetzt %2 Leute.</source>
        <translation>%2 people are in %1 now.</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/presenter.py" line="301" />
        <source>Kaffeerunde</source>
        <translation>Coffee round</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/presenter.py" line="315" />
        <source>Verpasst (%1)</source>
        <translation>Missed (%1)</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/presenter.py" line="316" />
        <source>Verpasst</source>
        <translation>Missed</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/presenter.py" line="354" />
        <source>erledigt von %1</source>
        <translation>handled by %1</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/presenter.py" line="369" />
        <source>An %1</source>
        <translation>To %1</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/presenter.py" line="371" />
        <source>Von %1</source>
        <translation>From %1</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/presenter.py" line="373" />
        <source> (Vertretung für %1)</source>
        <translation> (deputising for %1)</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/presenter.py" line="374" />
        <source>(noch keine Antwort)</source>
        <translation>(no answer yet)</translation>
    </message>
</context>
<context>
    <name>BoardView</name>
    <message>
        <location filename="../../src/dvz_desktop/qt/desk/whiteboard_canvas.py" line="167" />
        <source>Whiteboard-Zeichenfläche</source>
        <translation>Whiteboard drawing area</translation>
    </message>
</context>
<context>
    <name>CalendarPanel</name>
    <message>
        <location filename="../../src/dvz_desktop/qt/desk/calendar_panel.py" line="47" />
        <source>Heute</source>
        <extracomment>The appointments shown changed (fetched, or the last agenda when offline).</extracomment>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/desk/calendar_panel.py" line="48" />
        <source>Woche</source>
        <translation>Week</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/desk/calendar_panel.py" line="52" />
        <source>Termine</source>
        <translation>Appointments</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/desk/calendar_panel.py" line="54" />
        <source>Beitreten</source>
        <translation>Join</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/desk/calendar_panel.py" line="55" />
        <source>Dem virtuellen Raum des Termins beitreten</source>
        <translation>Join the appointment's virtual room</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/desk/calendar_panel.py" line="57" />
        <source>Neu …</source>
        <translation>New …</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/desk/calendar_panel.py" line="59" />
        <source>Ändern …</source>
        <translation>Change …</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/desk/calendar_panel.py" line="61" />
        <source>Löschen</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/desk/calendar_panel.py" line="63" />
        <source>Konto …</source>
        <translation>Account …</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/desk/calendar_panel.py" line="64" />
        <source>Kalenderkonto einrichten</source>
        <translation>Set up calendar account</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/desk/calendar_panel.py" line="71" />
        <location filename="../../src/dvz_desktop/qt/desk/calendar_panel.py" line="99" />
        <source>Kein Kalenderkonto eingerichtet.</source>
        <extracomment>Set by the desktop: the rooms an appointment can take, and the account behind the panel. Told every half minute whether an appointment is going on now ("in Besprechung").</extracomment>
        <translation>No calendar account set up.</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/desk/calendar_panel.py" line="73" />
        <source>Kalenderstatus</source>
        <translation>Calendar status</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/desk/calendar_panel.py" line="130" />
        <source>Stand: %1</source>
        <translation>As of %1</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/desk/calendar_panel.py" line="137" />
        <source>ganztägig</source>
        <translation>all day</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/desk/calendar_panel.py" line="178" />
        <source> (alle Termine der Serie)</source>
        <translation> (every appointment of the series)</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/desk/calendar_panel.py" line="179" />
        <source>Termin löschen</source>
        <translation>Delete appointment</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/desk/calendar_panel.py" line="180" />
        <source>„%1“ löschen?</source>
        <translation>Delete “%1”?</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/desk/calendar_panel.py" line="232" />
        <source>Gleich: %1</source>
        <translation>Soon: %1</translation>
    </message>
</context>
<context>
    <name>CallPanel</name>
    <message>
        <location filename="../../src/dvz_desktop/qt/calls/panel.py" line="23" />
        <source>Bitte ein Headset benutzen: ohne Echounterdrückung hören die anderen sich sonst über Ihren Lautsprecher.</source>
        <translation>Please use a headset: without echo cancellation the others hear themselves through your loudspeaker.</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/calls/panel.py" line="64" />
        <location filename="../../src/dvz_desktop/qt/calls/panel.py" line="112" />
        <source>Kein Gespräch</source>
        <extracomment>RMS level (0..1) above which the microphone counts as hearing speech.</extracomment>
        <translation>No call</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/calls/panel.py" line="65" />
        <source>Gespräch</source>
        <translation>Call</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/calls/panel.py" line="72" />
        <source>Hinweis zum Gespräch</source>
        <translation>Note about the call</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/calls/panel.py" line="73" />
        <location filename="../../src/dvz_desktop/qt/calls/panel.py" line="177" />
        <source>Mikrofon aus</source>
        <translation>Mute microphone</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/calls/panel.py" line="76" />
        <location filename="../../src/dvz_desktop/qt/calls/panel.py" line="204" />
        <source>Kamera an</source>
        <translation>Turn camera on</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/calls/panel.py" line="79" />
        <source>Bildschirm teilen</source>
        <translation>Share screen</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/calls/panel.py" line="82" />
        <source>Geräte …</source>
        <translation>Devices …</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/calls/panel.py" line="86" />
        <source>Auflegen</source>
        <translation>Hang up</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/calls/panel.py" line="124" />
        <source>Im Gespräch mit %1</source>
        <translation>In a call with %1</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/calls/panel.py" line="125" />
        <source>Sie warten im Gespräch …</source>
        <translation>Waiting in the call …</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/calls/panel.py" line="177" />
        <source>Mikrofon an</source>
        <translation>Unmute microphone</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/calls/panel.py" line="185" />
        <source>Sie</source>
        <translation>You</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/calls/panel.py" line="204" />
        <source>Kamera aus</source>
        <translation>Turn camera off</translation>
    </message>
</context>
<context>
    <name>Callable.self</name>
    <message>
        <location filename="../../src/dvz_desktop/qt/desk/launchers_panel.py" line="195" />
        <source>„%1“ in %2 öffnen</source>
        <translation>Open “%1” in %2</translation>
    </message>
</context>
<context>
    <name>Chat</name>
    <message>
        <location filename="../../src/dvz_desktop/qt/chat/notify.py" line="41" />
        <source>%1 erwähnt Sie</source>
        <translation>%1 mentioned you</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/chat/notify.py" line="43" />
        <source>Nachricht von %1</source>
        <translation>Message from %1</translation>
    </message>
</context>
<context>
    <name>ChatPanel</name>
    <message>
        <location filename="../../src/dvz_desktop/qt/chat/panel.py" line="48" />
        <source>Gespräche</source>
        <extracomment>A dvz:// link in a message was clicked.</extracomment>
        <translation>Conversations</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/chat/panel.py" line="51" />
        <source>In allen Nachrichten suchen …</source>
        <translation>Search all messages …</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/chat/panel.py" line="52" />
        <source>Nachrichten suchen</source>
        <translation>Search messages</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/chat/panel.py" line="55" />
        <source>Suchergebnisse</source>
        <translation>Search results</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/chat/panel.py" line="66" />
        <source>Offenes Gespräch</source>
        <translation>Open conversation</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/chat/panel.py" line="68" />
        <source>Nachrichten</source>
        <translation>Messages</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/chat/panel.py" line="73" />
        <source>Wer gerade schreibt</source>
        <translation>Who is typing</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/chat/panel.py" line="75" />
        <location filename="../../src/dvz_desktop/qt/chat/panel.py" line="238" />
        <source>Nachricht schreiben …</source>
        <translation>Write a message …</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/chat/panel.py" line="76" />
        <source>Nachricht</source>
        <translation>Message</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/chat/panel.py" line="80" />
        <source>Senden</source>
        <translation>Send</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/chat/panel.py" line="123" />
        <source>Notizen an mich</source>
        <extracomment>Set by the desktop: what a message's text can be opened in (launchers), as menu entries.</extracomment>
        <translation>Notes to myself</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/chat/panel.py" line="137" />
        <source>%1, %2 ungelesen</source>
        <translation>%1, %2 unread</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/chat/panel.py" line="173" />
        <source>wird gesendet …</source>
        <translation>sending …</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/chat/panel.py" line="181" />
        <source>Nachricht gelöscht</source>
        <translation>Message deleted</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/chat/panel.py" line="181" />
        <source>bearbeitet</source>
        <translation>edited</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/chat/panel.py" line="250" />
        <source>%1 schreibt …</source>
        <translation>%1 is typing …</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/chat/panel.py" line="260" />
        <source>Nachricht bearbeiten …</source>
        <translation>Edit the message …</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/chat/panel.py" line="279" />
        <source>Bearbeiten</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/chat/panel.py" line="281" />
        <source>Löschen</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/chat/panel.py" line="307" />
        <source>Nichts gefunden.</source>
        <translation>Nothing found.</translation>
    </message>
</context>
<context>
    <name>DeviceDialog</name>
    <message>
        <location filename="../../src/dvz_desktop/qt/calls/devices.py" line="16" />
        <location filename="../../src/dvz_desktop/qt/calls/devices.py" line="17" />
        <source>Audiogeräte</source>
        <extracomment>(microphone name, loudspeaker name); "" means the system's default.</extracomment>
        <translation>Audio devices</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/calls/devices.py" line="20" />
        <source>Mikrofon</source>
        <translation>Microphone</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/calls/devices.py" line="21" />
        <source>Lautsprecher</source>
        <translation>Loudspeaker</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/calls/devices.py" line="23" />
        <source>Systemstandard</source>
        <translation>System default</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/calls/devices.py" line="29" />
        <source>Mikrofon:</source>
        <translation>Microphone:</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/calls/devices.py" line="30" />
        <source>Lautsprecher:</source>
        <translation>Loudspeaker:</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/calls/devices.py" line="32" />
        <source>Keine Audiogeräte gefunden. Gespräche funktionieren trotzdem, mit Bild, aber ohne Ton, bis ein Gerät angeschlossen ist.</source>
        <translation>No audio devices found. Calls still work, with picture but without sound, until a device is connected.</translation>
    </message>
</context>
<context>
    <name>DoorPanel</name>
    <message>
        <location filename="../../src/dvz_desktop/qt/door/panel.py" line="39" />
        <source>Warteschlange</source>
        <translation>Queue</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/door/panel.py" line="40" />
        <source>Nächsten hereinbitten</source>
        <translation>Admit next</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/door/panel.py" line="42" />
        <source>Ausgewählten hereinbitten</source>
        <translation>Admit selected</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/door/panel.py" line="47" />
        <source>Video des Gastes</source>
        <translation>Guest's video</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/door/panel.py" line="49" />
        <source>Chat mit dem Gast</source>
        <translation>Chat with the guest</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/door/panel.py" line="52" />
        <source>Nachricht an den Gast …</source>
        <translation>Message to the guest …</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/door/panel.py" line="54" />
        <source>Beenden</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/door/panel.py" line="56" />
        <source>Übergeben …</source>
        <translation>Hand over …</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/door/panel.py" line="58" />
        <source>Als Rückruf notieren</source>
        <translation>Note as callback</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/door/panel.py" line="92" />
        <source>%1 – %2 warten</source>
        <translation>%1 – %2 waiting</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/door/panel.py" line="104" />
        <source>(seit %1)</source>
        <translation>(since %1)</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/door/panel.py" line="146" />
        <source>Besuch: %1</source>
        <translation>Visit: %1</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/door/panel.py" line="149" />
        <source>Gast</source>
        <translation>Guest</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/door/panel.py" line="149" />
        <source>Ich</source>
        <translation>Me</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/door/panel.py" line="169" />
        <source>Zurück in die Warteschlange (für Kolleginnen und Kollegen)</source>
        <translation>Back into the queue (for colleagues)</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/door/panel.py" line="173" />
        <source>An %1</source>
        <translation>To %1</translation>
    </message>
</context>
<context>
    <name>FloorBar</name>
    <message>
        <location filename="../../src/dvz_desktop/qt/map/floor_bar.py" line="40" />
        <source>Gebäude</source>
        <extracomment>The user chose a building (its id). The user chose a search result.</extracomment>
        <translation>Building</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/map/floor_bar.py" line="45" />
        <source>in</source>
        <translation>in</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/map/floor_bar.py" line="47" />
        <location filename="../../src/dvz_desktop/qt/map/floor_bar.py" line="48" />
        <source>Stockwerk wählen</source>
        <translation>Choose floor</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/map/floor_bar.py" line="51" />
        <source>Person oder Raum suchen</source>
        <translation>Find a person or room</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/map/floor_bar.py" line="52" />
        <source>Person oder Raum auf allen Stockwerken suchen</source>
        <translation>Find a person or room on any floor</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/map/floor_bar.py" line="53" />
        <source>Person oder Raum auf allen Stockwerken suchen (Strg+F)</source>
        <translation>Find a person or room on any floor (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/map/floor_bar.py" line="56" />
        <location filename="../../src/dvz_desktop/qt/map/floor_bar.py" line="60" />
        <source>Suchen</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/map/floor_bar.py" line="60" />
        <source>Suche leeren</source>
        <translation>Clear search</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/map/floor_bar.py" line="77" />
        <source>Verkleinern</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/map/floor_bar.py" line="77" />
        <source>Verkleinern (−)</source>
        <translation>Zoom out (−)</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/map/floor_bar.py" line="78" />
        <source>Vergrößern</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/map/floor_bar.py" line="78" />
        <source>Vergrößern (+)</source>
        <translation>Zoom in (+)</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/map/floor_bar.py" line="79" />
        <source>Ganzes Stockwerk zeigen</source>
        <translation>Show the whole floor</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/map/floor_bar.py" line="79" />
        <source>Ganzes Stockwerk zeigen (0)</source>
        <translation>Show the whole floor (0)</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/map/floor_bar.py" line="112" />
        <source>Gebäude wechseln</source>
        <translation>Switch building</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/map/floor_bar.py" line="116" />
        <source>Gebäude: %1</source>
        <translation>Building: %1</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/map/floor_bar.py" line="133" />
        <source>nicht da (%1)</source>
        <translation>not in (%1)</translation>
    </message>
</context>
<context>
    <name>InboxDialog</name>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/dialogs.py" line="199" />
        <location filename="../../src/dvz_desktop/qt/behaviour/dialogs.py" line="200" />
        <source>Verpasst</source>
        <translation>Missed</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/dialogs.py" line="203" />
        <source>Verpasste Ereignisse</source>
        <translation>Missed events</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/dialogs.py" line="209" />
        <source>Erledigt</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/dialogs.py" line="210" />
        <source>Ausgewählte als erledigt markieren</source>
        <translation>Mark selected as done</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/dialogs.py" line="212" />
        <source>Alle erledigt</source>
        <translation>All done</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/dialogs.py" line="214" />
        <source>Schließen</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>InviteBanner</name>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/banners.py" line="135" />
        <source>Annehmen</source>
        <translation>Accept</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/banners.py" line="136" />
        <source>Ablehnen</source>
        <translation>Decline</translation>
    </message>
</context>
<context>
    <name>KnockBanner</name>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/banners.py" line="62" />
        <source>Herein</source>
        <translation>Come in</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/banners.py" line="66" />
        <source> Min.</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/banners.py" line="67" />
        <source>In wie vielen Minuten</source>
        <translation>In how many minutes</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/banners.py" line="69" />
        <source>Gleich</source>
        <translation>In a moment</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/banners.py" line="71" />
        <source>Optional: kurzer Satz</source>
        <translation>Optional: a short line</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/banners.py" line="72" />
        <source>Satz zur Antwort</source>
        <translation>Line with the answer</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/banners.py" line="75" />
        <source>Jetzt nicht</source>
        <translation>Not now</translation>
    </message>
</context>
<context>
    <name>KnockerStrip</name>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/banners.py" line="97" />
        <source>Abbrechen</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/banners.py" line="97" />
        <source>Anklopfen abbrechen</source>
        <translation>Stop knocking</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/banners.py" line="99" />
        <source>Nachricht hinterlassen</source>
        <translation>Leave a message</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/banners.py" line="102" />
        <source>Schließen</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/banners.py" line="116" />
        <source>%1 (noch %2 s)</source>
        <translation>%1 (%2 s left)</translation>
    </message>
</context>
<context>
    <name>LaunchersPanel</name>
    <message>
        <location filename="../../src/dvz_desktop/qt/desk/launchers_panel.py" line="126" />
        <source>Anwendungen</source>
        <translation>Applications</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/desk/launchers_panel.py" line="128" />
        <source>Öffnen</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/desk/launchers_panel.py" line="135" />
        <source>Eigener Starter …</source>
        <translation>Own launcher …</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/desk/launchers_panel.py" line="160" />
        <source> (eigener Starter)</source>
        <extracomment>The user's own launchers (services.launchers.OwnLaunchers), where policy allows them.</extracomment>
        <translation> (own launcher)</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/desk/launchers_panel.py" line="182" />
        <source>Entfernen</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/desk/launchers_panel.py" line="227" />
        <source>Keine Anwendung für diese Adresse eingerichtet.</source>
        <translation>No application is set up for this address.</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../src/dvz_desktop/qt/login_dialog.py" line="27" />
        <source>DVZ Desktop – Anmelden</source>
        <translation>DVZ Desktop – Sign in</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/login_dialog.py" line="28" />
        <location filename="../../src/dvz_desktop/qt/login_dialog.py" line="51" />
        <source>Anmelden</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/login_dialog.py" line="30" />
        <source>Serveradresse</source>
        <translation>Server address</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/login_dialog.py" line="35" />
        <location filename="../../src/dvz_desktop/qt/login_dialog.py" line="36" />
        <source>Von Ihrer IT festgelegt</source>
        <translation>Set by your IT department</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/login_dialog.py" line="38" />
        <source>Benutzername</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/login_dialog.py" line="41" />
        <source>Passwort</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/login_dialog.py" line="42" />
        <location filename="../../src/dvz_desktop/qt/login_dialog.py" line="44" />
        <source>Angemeldet bleiben</source>
        <translation>Remember me</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/login_dialog.py" line="48" />
        <source>Fehlermeldung</source>
        <translation>Error message</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/login_dialog.py" line="52" />
        <source>Abbrechen</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/login_dialog.py" line="56" />
        <source>&amp;Server:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/login_dialog.py" line="57" />
        <source>&amp;Benutzername:</source>
        <translation>&amp;User name:</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/login_dialog.py" line="58" />
        <source>&amp;Passwort:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/login_dialog.py" line="79" />
        <source>Bitte Server, Benutzername und Passwort angeben.</source>
        <translation>Please enter server, user name and password.</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/login_dialog.py" line="82" />
        <source>Dieser Server ist von Ihrer IT nicht freigegeben.</source>
        <translation>Your IT department has not approved this server.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../src/dvz_desktop/qt/main_window.py" line="32" />
        <source>DVZ Desktop</source>
        <extracomment>The window was closed while no tray can keep the program running.</extracomment>
        <translation>DVZ Desktop</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/main_window.py" line="48" />
        <source>Personen</source>
        <translation>People</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/main_window.py" line="49" />
        <source>Gebäudeübersicht</source>
        <translation>Building overview</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/main_window.py" line="53" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/main_window.py" line="59" />
        <source>Mein Status</source>
        <translation>My status</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/main_window.py" line="62" />
        <source>Meine Statusnotiz</source>
        <translation>My status note</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/main_window.py" line="65" />
        <source>Zu meinem Büro</source>
        <translation>To my office</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/main_window.py" line="69" />
        <source>Wer ist heute da</source>
        <translation>Who is in today</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/main_window.py" line="72" />
        <source>Verpasst</source>
        <translation>Missed</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/main_window.py" line="74" />
        <source>Kurze Fragen</source>
        <translation>Quick questions</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/main_window.py" line="80" />
        <source>Verbindungsstatus</source>
        <extracomment>Where the desk's docks (whiteboard, …) put their show/hide switches.</extracomment>
        <translation>Connection status</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/main_window.py" line="100" />
        <source>Gespräch</source>
        <translation>Call</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/main_window.py" line="105" />
        <source>Chat</source>
        <translation>Chat</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/main_window.py" line="120" />
        <source>DVZ Desktop – %1</source>
        <translation>DVZ Desktop – %1</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/main_window.py" line="148" />
        <source>Verbunden</source>
        <translation>Connected</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/main_window.py" line="152" />
        <source>Abgemeldet</source>
        <translation>Signed out</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/main_window.py" line="156" />
        <source>Verbindung unterbrochen – neuer Versuch läuft …</source>
        <translation>Connection lost – trying again …</translation>
    </message>
</context>
<context>
    <name>MapView</name>
    <message>
        <location filename="../../src/dvz_desktop/qt/map/view.py" line="49" />
        <source>Büroplan</source>
        <extracomment>A drag of more than this many pixels is the user panning (the floor stops following the window). An arrow key: move the room focus this way. Enter on the focused room. Menu key or Shift+F10 on the focused room: open its menu here (global position). The view got keyboard focus (to announce the focused room).</extracomment>
        <translation>Office map</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/map/view.py" line="51" />
        <source>Grafischer Plan des Stockwerks. Pfeiltasten wechseln den Raum, Eingabetaste geht hinein, Kontextmenütaste öffnet das Raummenü. Dieselben Räume und Personen stehen in der Gebäudeübersicht.</source>
        <translation>Graphical plan of the floor. Arrow keys move between rooms, Enter walks in, the menu key opens the room's menu. The same rooms and people are listed in the building overview.</translation>
    </message>
</context>
<context>
    <name>MapWidget</name>
    <message>
        <location filename="../../src/dvz_desktop/qt/map/widget.py" line="221" />
        <source>Büroplan: %1</source>
        <extracomment>The user wants to walk into this room.</extracomment>
        <translation>Office map: %1</translation>
    </message>
</context>
<context>
    <name>MorningView</name>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/dialogs.py" line="171" />
        <location filename="../../src/dvz_desktop/qt/behaviour/dialogs.py" line="172" />
        <source>Wer ist heute da</source>
        <translation>Who is in today</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/dialogs.py" line="175" />
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/dialogs.py" line="175" />
        <source>Da seit</source>
        <translation>In since</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/dialogs.py" line="176" />
        <source>Anwesende nach Fachbereich</source>
        <translation>Present people by unit</translation>
    </message>
</context>
<context>
    <name>NoticeBanner</name>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/banners.py" line="171" />
        <source>OK</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>OfficeActions</name>
    <message>
        <location filename="../../src/dvz_desktop/qt/actions.py" line="70" />
        <source>Der Server hat nicht rechtzeitig geantwortet.</source>
        <extracomment>A German message for the status bar when something the user did could not be done. "Als offline anzeigen", kept with every status change.</extracomment>
        <translation>The server did not answer in time.</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/actions.py" line="75" />
        <source>Das hat leider nicht geklappt.</source>
        <translation>Sorry, that did not work.</translation>
    </message>
</context>
<context>
    <name>OfficeHoursDialog</name>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/dialogs.py" line="106" />
        <location filename="../../src/dvz_desktop/qt/behaviour/dialogs.py" line="107" />
        <source>Sprechzeiten</source>
        <translation>Office hours</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/dialogs.py" line="111" />
        <source>Außerhalb dieser Zeiten wird Anklopfen aus anderen Fachbereichen zur Nachricht.</source>
        <translation>Outside these hours a knock from another unit becomes a message.</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/dialogs.py" line="114" />
        <source>Zeit hinzufügen</source>
        <translation>Add hours</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/dialogs.py" line="135" />
        <source>Wochentag</source>
        <translation>Weekday</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/dialogs.py" line="138" />
        <source>Beginn</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/dialogs.py" line="139" />
        <source>Ende</source>
        <translation>End</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/dialogs.py" line="140" />
        <source>Entfernen</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/dialogs.py" line="160" />
        <source>Jede Sprechzeit muss enden, nachdem sie beginnt.</source>
        <translation>Each office hour must end after it starts.</translation>
    </message>
</context>
<context>
    <name>OfficeMap</name>
    <message>
        <location filename="../../src/dvz_desktop/qt/map/room_item.py" line="108" />
        <source>Doppelklick: hierher gehen</source>
        <extracomment>The leaf's angle to the wall for each state (degrees); closed and locked lie in the wall. Extra lines for the door: its note, office hours, who deputises. Guests of the digital door waiting for this room's desk ("3 warten"), or "". Drawn with a focus ring: the room the keyboard is on. Briefly tinted after a search found something here.</extracomment>
        <translation>Double-click: go here</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/map/avatars.py" line="160" />
        <source>%1 (Sie)</source>
        <extracomment>Room around the disc for my ring and the speaking ring. Pictures are drawn at this many device pixels per plan unit: 1 up to 110 % zoom (a plain blit at 100 %), 2 above, so they stay crisp when zoomed in (``sharpness_for``).</extracomment>
        <translation>%1 (you)</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/map/avatars.py" line="167" />
        <source>Lust auf Kaffee</source>
        <translation>Up for coffee</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/map/avatars.py" line="169" />
        <source>spricht gerade</source>
        <translation>speaking</translation>
    </message>
</context>
<context>
    <name>OfficeTree</name>
    <message>
        <location filename="../../src/dvz_desktop/qt/office_tree.py" line="28" />
        <source>Gebäudeübersicht</source>
        <extracomment>Enter or double-click on a room: go there.</extracomment>
        <translation>Building overview</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/office_tree.py" line="29" />
        <source>Gebäude, Stockwerke, Räume und die Personen darin</source>
        <translation>Buildings, floors, rooms and the people in them</translation>
    </message>
</context>
<context>
    <name>OwnLauncherDialog</name>
    <message>
        <location filename="../../src/dvz_desktop/qt/desk/launchers_panel.py" line="92" />
        <source>Eigener Starter</source>
        <translation>Own launcher</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/desk/launchers_panel.py" line="96" />
        <source>Werte in geschweiften Klammern werden beim Öffnen abgefragt.</source>
        <translation>Values in curly braces are asked for when opening.</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/desk/launchers_panel.py" line="102" />
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/desk/launchers_panel.py" line="103" />
        <source>Adresse</source>
        <translation>Address</translation>
    </message>
</context>
<context>
    <name>PeoplePanel</name>
    <message>
        <location filename="../../src/dvz_desktop/qt/people_panel.py" line="45" />
        <source>Name oder Fachbereich suchen …</source>
        <extracomment>(person id, follow?) — "Benachrichtigen, wenn da". (person id, follow?) — "Benachrichtigen, wenn verfügbar". Unread direct messages per person, shown beside their name.</extracomment>
        <translation>Search name or unit …</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/people_panel.py" line="46" />
        <source>Personen suchen</source>
        <translation>Search people</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/people_panel.py" line="49" />
        <source>Nur heute da</source>
        <translation>Only in today</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/people_panel.py" line="50" />
        <source>Nur Personen zeigen, die heute da sind</source>
        <translation>Only show people who are in today</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/people_panel.py" line="53" />
        <source>Personen</source>
        <translation>People</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/people_panel.py" line="87" />
        <source> · %1 ungelesen</source>
        <translation> · %1 unread</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/people_panel.py" line="107" />
        <source>Benachrichtigen, wenn da</source>
        <translation>Notify me when in</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/people_panel.py" line="111" />
        <source>Benachrichtigen, wenn verfügbar</source>
        <translation>Notify me when available</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/people_panel.py" line="117" />
        <source>In mein Büro einladen</source>
        <translation>Invite into my office</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/people_panel.py" line="120" />
        <source>Kurze Frage …</source>
        <translation>Quick question …</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/people_panel.py" line="123" />
        <source>Anrufen</source>
        <translation>Call</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/people_panel.py" line="128" />
        <source>Telefon: %1</source>
        <translation>Phone: %1</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/people_panel.py" line="131" />
        <source>Nachricht schreiben</source>
        <translation>Write a message</translation>
    </message>
</context>
<context>
    <name>PhonePanel</name>
    <message>
        <location filename="../../src/dvz_desktop/qt/desk/phone_panel.py" line="29" />
        <source>Telefonnummer oder Name</source>
        <translation>Phone number or name</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/desk/phone_panel.py" line="30" />
        <source>Telefonnummer</source>
        <translation>Phone number</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/desk/phone_panel.py" line="35" />
        <source>Taste %1</source>
        <translation>Key %1</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/desk/phone_panel.py" line="38" />
        <source>Wählen</source>
        <translation>Dial</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/desk/phone_panel.py" line="41" />
        <source>Letzte Anrufe</source>
        <translation>Recent calls</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/desk/phone_panel.py" line="80" />
        <source>DVZ-Anruf</source>
        <extracomment>Set by the desktop: colleagues by name -&gt; (person id, phone number, online now), and the in-app call for a colleague who is online.</extracomment>
        <translation>DVZ call</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/desk/phone_panel.py" line="84" />
        <source>%1 ist nicht online und hat keine Telefonnummer hinterlegt.</source>
        <translation>%1 is not online and has no phone number.</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/desk/phone_panel.py" line="94" />
        <source>Keine Telefonie-Anwendung für „%1:“ eingerichtet.</source>
        <translation>No telephony application is set up for “%1:”.</translation>
    </message>
</context>
<context>
    <name>QuestionBanner</name>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/banners.py" line="150" />
        <source>Antwort</source>
        <translation>Answer</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/banners.py" line="151" />
        <source>Antwort auf die kurze Frage</source>
        <translation>Answer to the quick question</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/banners.py" line="154" />
        <source>Antworten</source>
        <translation>Answer</translation>
    </message>
</context>
<context>
    <name>QuestionsDialog</name>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/dialogs.py" line="245" />
        <location filename="../../src/dvz_desktop/qt/behaviour/dialogs.py" line="246" />
        <source>Kurze Fragen</source>
        <translation>Quick questions</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/dialogs.py" line="249" />
        <source>Kurze Fragen und Antworten</source>
        <translation>Quick questions and answers</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/behaviour/dialogs.py" line="251" />
        <source>Noch keine kurzen Fragen.</source>
        <translation>No quick questions yet.</translation>
    </message>
</context>
<context>
    <name>StatusMenu</name>
    <message>
        <location filename="../../src/dvz_desktop/qt/status_menu.py" line="24" />
        <location filename="../../src/dvz_desktop/qt/status_menu.py" line="25" />
        <source>Mein Status</source>
        <extracomment>(status, note) chosen by the user.</extracomment>
        <translation>My status</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/status_menu.py" line="38" />
        <source>Statusnotiz …</source>
        <translation>Status note …</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/status_menu.py" line="41" />
        <source>Lust auf Kaffee</source>
        <translation>Up for coffee</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/status_menu.py" line="44" />
        <source>Als offline anzeigen</source>
        <translation>Appear offline</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/status_menu.py" line="48" />
        <source>Abwesenheit eintragen …</source>
        <translation>Record an absence …</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/status_menu.py" line="51" />
        <source>Abwesenheit beenden</source>
        <translation>End my absence</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/status_menu.py" line="75" />
        <source>Statusnotiz</source>
        <translation>Status note</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/status_menu.py" line="76" />
        <source>Kurze Notiz (höchstens 120 Zeichen):</source>
        <translation>Short note (at most 120 characters):</translation>
    </message>
</context>
<context>
    <name>TodayPanel</name>
    <message>
        <location filename="../../src/dvz_desktop/qt/desk/today_panel.py" line="34" />
        <source>Heute</source>
        <extracomment>Appointments shown ahead.</extracomment>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/desk/today_panel.py" line="61" />
        <source>Heute, %1</source>
        <translation>Today, %1</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/desk/today_panel.py" line="64" />
        <source>Nächste Termine</source>
        <translation>Next appointments</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/desk/today_panel.py" line="66" />
        <source>ganztägig</source>
        <translation>all day</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/desk/today_panel.py" line="70" />
        <source>Keine Termine mehr heute.</source>
        <translation>No more appointments today.</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/desk/today_panel.py" line="71" />
        <source>Ungelesene Nachrichten</source>
        <translation>Unread messages</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/desk/today_panel.py" line="73" />
        <source>%1 ungelesen: %2</source>
        <translation>%1 unread: %2</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/desk/today_panel.py" line="75" />
        <source>Alles gelesen.</source>
        <translation>All read.</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/desk/today_panel.py" line="76" />
        <source>Verpasst</source>
        <translation>Missed</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/desk/today_panel.py" line="82" />
        <source>%1 × angeklopft, als Sie nicht da waren</source>
        <translation>%1 × knocked while you were away</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/desk/today_panel.py" line="83" />
        <source>%1 Nachricht(en) an der Tür</source>
        <translation>%1 message(s) at the door</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/desk/today_panel.py" line="84" />
        <source>%1 × von Ihrer Vertretung erledigt</source>
        <translation>%1 × handled by your deputy</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/desk/today_panel.py" line="85" />
        <source>%1 Anfrage(n) an der digitalen Tür</source>
        <translation>%1 request(s) at the digital door</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/desk/today_panel.py" line="86" />
        <source>%1 Rückruf(e) zu erledigen</source>
        <translation>%1 callback(s) to make</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/desk/today_panel.py" line="90" />
        <source>Nichts verpasst.</source>
        <translation>Nothing missed.</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <location filename="../../src/dvz_desktop/qt/tray.py" line="42" />
        <source>DVZ Desktop</source>
        <translation>DVZ Desktop</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/tray.py" line="43" />
        <source>DVZ Desktop öffnen</source>
        <translation>Open DVZ Desktop</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/tray.py" line="48" />
        <location filename="../../src/dvz_desktop/qt/tray.py" line="109" />
        <source>Keine ungelesenen Nachrichten</source>
        <translation>No unread messages</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/tray.py" line="57" />
        <source>Aus meiner Einheit da:</source>
        <translation>In from my unit:</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/tray.py" line="62" />
        <source>Beenden</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/tray.py" line="68" />
        <source>Nicht verbunden</source>
        <translation>Not connected</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/tray.py" line="69" />
        <source>DVZ Desktop – nicht verbunden</source>
        <translation>DVZ Desktop – not connected</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/tray.py" line="82" />
        <source>Verbindung unterbrochen</source>
        <translation>Connection lost</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/tray.py" line="84" />
        <source>DVZ Desktop – %1</source>
        <translation>DVZ Desktop – %1</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/tray.py" line="91" />
        <source>niemand</source>
        <translation>nobody</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/tray.py" line="93" />
        <source> · Lust auf Kaffee</source>
        <translation> · up for coffee</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/tray.py" line="108" />
        <source>%1 ungelesene Nachrichten</source>
        <translation>%1 unread messages</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/tray.py" line="117" />
        <source>%1 warten an der digitalen Tür</source>
        <translation>%1 waiting at the digital door</translation>
    </message>
</context>
<context>
    <name>ValuesDialog</name>
    <message>
        <location filename="../../src/dvz_desktop/qt/desk/launchers_panel.py" line="70" />
        <source>Öffnen</source>
        <translation>Open</translation>
    </message>
</context>
<context>
    <name>WhiteboardPanel</name>
    <message>
        <location filename="../../src/dvz_desktop/qt/desk/whiteboard_panel.py" line="48" />
        <source>Whiteboard-Werkzeuge</source>
        <translation>Whiteboard tools</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/desk/whiteboard_panel.py" line="51" />
        <source>Stift</source>
        <translation>Pen</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/desk/whiteboard_panel.py" line="51" />
        <source>Linie</source>
        <translation>Line</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/desk/whiteboard_panel.py" line="51" />
        <source>Pfeil</source>
        <translation>Arrow</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/desk/whiteboard_panel.py" line="52" />
        <source>Rechteck</source>
        <translation>Rectangle</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/desk/whiteboard_panel.py" line="52" />
        <source>Ellipse</source>
        <translation>Ellipse</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/desk/whiteboard_panel.py" line="53" />
        <location filename="../../src/dvz_desktop/qt/desk/whiteboard_panel.py" line="146" />
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/desk/whiteboard_panel.py" line="53" />
        <location filename="../../src/dvz_desktop/qt/desk/whiteboard_panel.py" line="146" />
        <source>Notiz</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/desk/whiteboard_panel.py" line="53" />
        <source>Radierer</source>
        <translation>Eraser</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/desk/whiteboard_panel.py" line="61" />
        <source>Whiteboard-Befehle</source>
        <translation>Whiteboard commands</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/desk/whiteboard_panel.py" line="62" />
        <source>Farbe …</source>
        <translation>Colour …</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/desk/whiteboard_panel.py" line="63" />
        <source>Bild …</source>
        <translation>Picture …</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/desk/whiteboard_panel.py" line="65" />
        <source>Rückgängig</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/desk/whiteboard_panel.py" line="67" />
        <source>Wiederholen</source>
        <translation>Redo</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/desk/whiteboard_panel.py" line="69" />
        <source>Leeren …</source>
        <translation>Clear …</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/desk/whiteboard_panel.py" line="71" />
        <source>Als PNG …</source>
        <translation>As PNG …</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/desk/whiteboard_panel.py" line="72" />
        <source>Als PDF …</source>
        <translation>As PDF …</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/desk/whiteboard_panel.py" line="108" />
        <source>Betreten Sie einen Raum, um sein Whiteboard zu sehen.</source>
        <translation>Enter a room to see its whiteboard.</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/desk/whiteboard_panel.py" line="110" />
        <source>Whiteboard: %1 – alle im Raum sehen und zeichnen mit.</source>
        <translation>Whiteboard: %1 – everyone in the room sees and draws along.</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/desk/whiteboard_panel.py" line="147" />
        <source>Was soll auf dem Whiteboard stehen?</source>
        <translation>What should the whiteboard say?</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/desk/whiteboard_panel.py" line="154" />
        <source>Farbe wählen</source>
        <translation>Choose colour</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/desk/whiteboard_panel.py" line="159" />
        <source>Bild einfügen</source>
        <translation>Insert picture</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/desk/whiteboard_panel.py" line="160" />
        <source>Bilder (*.png *.jpg *.jpeg)</source>
        <translation>Pictures (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/desk/whiteboard_panel.py" line="176" />
        <source>Whiteboard leeren</source>
        <translation>Clear whiteboard</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/desk/whiteboard_panel.py" line="177" />
        <source>Das Whiteboard wird für alle im Raum geleert. Das lässt sich nicht rückgängig machen.</source>
        <translation>The whiteboard is cleared for everyone in the room. This cannot be undone.</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/desk/whiteboard_panel.py" line="193" />
        <source>Whiteboard speichern</source>
        <translation>Save whiteboard</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/desk/whiteboard_panel.py" line="204" />
        <source>Whiteboard gespeichert: %1</source>
        <translation>Whiteboard saved: %1</translation>
    </message>
</context>
<context>
    <name>_Counts</name>
    <message>
        <location filename="../../src/dvz_desktop/qt/labels.py" line="15" />
        <source>niemand da</source>
        <translation>nobody in</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/dvz_desktop/qt/labels.py" line="15" />
        <source>%n Person(en)</source>
        <translation><numerusform>%n person</numerusform><numerusform>%n people</numerusform></translation>
    </message>
</context>
<context>
    <name>dialog</name>
    <message>
        <location filename="../../src/dvz_desktop/app.py" line="244" />
        <source>Anmeldung nicht gespeichert</source>
        <translation>Sign-in not remembered</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <location filename="../../src/dvz_desktop/qt/labels.py" line="31" />
        <source>Verfügbar</source>
        <translation>Available</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/labels.py" line="32" />
        <source>Beschäftigt</source>
        <translation>Busy</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/labels.py" line="33" />
        <source>Nicht stören</source>
        <translation>Do not disturb</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/labels.py" line="34" />
        <source>In Besprechung</source>
        <translation>In a meeting</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/labels.py" line="35" />
        <source>Abwesend</source>
        <translation>Away</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/labels.py" line="36" />
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/labels.py" line="42" />
        <source>Büro</source>
        <translation>Office</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/labels.py" line="43" />
        <source>Teambüro</source>
        <translation>Team office</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/labels.py" line="44" />
        <source>Besprechungsraum</source>
        <translation>Meeting room</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/labels.py" line="45" />
        <source>Kaffeeküche</source>
        <translation>Coffee kitchen</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/labels.py" line="46" />
        <source>Foyer / Bürgerbüro</source>
        <translation>Foyer / citizens' office</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/labels.py" line="47" />
        <source>Projektraum</source>
        <translation>Project room</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/labels.py" line="53" />
        <source>Tür offen</source>
        <translation>Door open</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/labels.py" line="54" />
        <source>Tür angelehnt</source>
        <translation>Door ajar</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/labels.py" line="55" />
        <source>Tür geschlossen</source>
        <translation>Door closed</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/labels.py" line="56" />
        <source>Tür abgeschlossen</source>
        <translation>Door locked</translation>
    </message>
</context>
<context>
    <name>parts.window</name>
    <message>
        <location filename="../../src/dvz_desktop/app.py" line="149" />
        <source>Diese Person ist im Verzeichnis nicht zu finden.</source>
        <extracomment>A dvz:// link to follow once the office is shown (from the command line or a second start).</extracomment>
        <translation>This person is not in the directory.</translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <location filename="../../src/dvz_desktop/desk.py" line="14" />
        <source>Kalender</source>
        <translation>Calendar</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/desk.py" line="49" />
        <source>Anwendungen</source>
        <translation>Applications</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/desk.py" line="50" />
        <source>Telefon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/desk.py" line="69" />
        <source>Für diese Person ist keine Telefonnummer hinterlegt.</source>
        <translation>No phone number is on record for this person.</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/desk.py" line="101" />
        <location filename="../../src/dvz_desktop/desk.py" line="104" />
        <source>Whiteboard</source>
        <translation>Whiteboard</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/desk.py" line="134" />
        <source>Heute</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/desk.py" line="149" />
        <source>Chat %1</source>
        <translation>Chat %1</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/desk.py" line="196" />
        <source>Digitale Tür</source>
        <translation>Digital door</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/desk.py" line="203" />
        <source>%1 warten</source>
        <translation>%1 waiting</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/desktop.py" line="213" />
        <source>%1 ruft an.</source>
        <translation>%1 is calling.</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/desktop.py" line="215" />
        <source>Annehmen</source>
        <translation>Accept</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/desktop.py" line="218" />
        <source>Anruf</source>
        <translation>Call</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/app.py" line="289" />
        <source>Abgemeldet</source>
        <translation>Signed out</translation>
    </message>
</context>
</TS>