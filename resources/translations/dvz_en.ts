<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="de">
<context>
    <name>ArrivalWatcher</name>
    <message>
        <location filename="../../src/dvz_desktop/qt/arrivals.py" line="36" />
        <source>Jetzt da</source>
        <translation>In now</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/arrivals.py" line="37" />
        <source>%1 ist jetzt da.</source>
        <translation>%1 is in now.</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../src/dvz_desktop/qt/login_dialog.py" line="25" />
        <source>DVZ Desktop – Anmelden</source>
        <translation>DVZ Desktop – Sign in</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/login_dialog.py" line="26" />
        <location filename="../../src/dvz_desktop/qt/login_dialog.py" line="43" />
        <source>Anmelden</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/login_dialog.py" line="28" />
        <source>Serveradresse</source>
        <translation>Server address</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/login_dialog.py" line="30" />
        <source>Benutzername</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/login_dialog.py" line="33" />
        <source>Passwort</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/login_dialog.py" line="34" />
        <location filename="../../src/dvz_desktop/qt/login_dialog.py" line="36" />
        <source>Angemeldet bleiben</source>
        <translation>Remember me</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/login_dialog.py" line="40" />
        <source>Fehlermeldung</source>
        <translation>Error message</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/login_dialog.py" line="44" />
        <source>Abbrechen</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/login_dialog.py" line="48" />
        <source>&amp;Server:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/login_dialog.py" line="49" />
        <source>&amp;Benutzername:</source>
        <translation>&amp;User name:</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/login_dialog.py" line="50" />
        <source>&amp;Passwort:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/login_dialog.py" line="71" />
        <source>Bitte Server, Benutzername und Passwort angeben.</source>
        <translation>Please enter server, user name and password.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../src/dvz_desktop/qt/main_window.py" line="30" />
        <source>DVZ Desktop</source>
        <extracomment>The window was closed while no tray can keep the program running.</extracomment>
        <translation>DVZ Desktop</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/main_window.py" line="38" />
        <source>Personen</source>
        <translation>People</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/main_window.py" line="39" />
        <source>Gebäudeübersicht</source>
        <translation>Building overview</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/main_window.py" line="42" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/main_window.py" line="48" />
        <source>Mein Status</source>
        <translation>My status</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/main_window.py" line="51" />
        <source>Meine Statusnotiz</source>
        <translation>My status note</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/main_window.py" line="54" />
        <source>Zu meinem Büro</source>
        <translation>To my office</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/main_window.py" line="59" />
        <source>Verbindungsstatus</source>
        <translation>Connection status</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/main_window.py" line="87" />
        <source>DVZ Desktop – %1</source>
        <translation>DVZ Desktop – %1</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/main_window.py" line="115" />
        <source>Verbunden</source>
        <translation>Connected</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/main_window.py" line="119" />
        <source>Abgemeldet</source>
        <translation>Signed out</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/main_window.py" line="123" />
        <source>Verbindung unterbrochen – neuer Versuch läuft …</source>
        <translation>Connection lost – trying again …</translation>
    </message>
</context>
<context>
    <name>MapView</name>
    <message>
        <location filename="../../src/dvz_desktop/qt/map/view.py" line="25" />
        <source>Büroplan</source>
        <translation>Office map</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/map/view.py" line="27" />
        <source>Grafischer Plan des Stockwerks. Dieselben Räume und Personen stehen in der Gebäudeübersicht.</source>
        <translation>Graphical plan of the floor. The same rooms and people are listed in the building overview.</translation>
    </message>
</context>
<context>
    <name>MapWidget</name>
    <message>
        <location filename="../../src/dvz_desktop/qt/map/widget.py" line="23" />
        <source>Stockwerk wählen</source>
        <extracomment>The user wants to walk into this room.</extracomment>
        <translation>Choose floor</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/map/widget.py" line="25" />
        <source>&amp;Stockwerk:</source>
        <translation>&amp;Floor:</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/map/widget.py" line="29" />
        <source>Vergrößern</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/map/widget.py" line="30" />
        <source>Vergrößern (+)</source>
        <translation>Zoom in (+)</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/map/widget.py" line="33" />
        <source>Verkleinern</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/map/widget.py" line="34" />
        <source>Verkleinern (−)</source>
        <translation>Zoom out (−)</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/map/widget.py" line="36" />
        <source>Ganzes Stockwerk</source>
        <translation>Whole floor</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/map/widget.py" line="37" />
        <source>Ganzes Stockwerk zeigen</source>
        <translation>Show the whole floor</translation>
    </message>
</context>
<context>
    <name>OfficeActions</name>
    <message>
        <location filename="../../src/dvz_desktop/qt/actions.py" line="53" />
        <source>Der Server hat nicht rechtzeitig geantwortet.</source>
        <extracomment>A German message for the status bar when something the user did could not be done.</extracomment>
        <translation>The server did not answer in time.</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/actions.py" line="58" />
        <source>Das hat leider nicht geklappt.</source>
        <translation>Sorry, that did not work.</translation>
    </message>
</context>
<context>
    <name>OfficeMap</name>
    <message>
        <location filename="../../src/dvz_desktop/qt/map/items.py" line="60" />
        <source>Doppelklick: hierher gehen</source>
        <extracomment>Below this on-screen avatar diameter (px) avatars are drawn as dots without initials. Below this zoom factor room names are hidden.</extracomment>
        <translation>Double-click: go here</translation>
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
    <name>PeoplePanel</name>
    <message>
        <location filename="../../src/dvz_desktop/qt/people_panel.py" line="34" />
        <source>Name oder Fachbereich suchen …</source>
        <extracomment>(person id, follow?) — "Benachrichtigen, wenn da".</extracomment>
        <translation>Search name or unit …</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/people_panel.py" line="35" />
        <source>Personen suchen</source>
        <translation>Search people</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/people_panel.py" line="38" />
        <source>Nur heute da</source>
        <translation>Only in today</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/people_panel.py" line="39" />
        <source>Nur Personen zeigen, die heute da sind</source>
        <translation>Only show people who are in today</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/people_panel.py" line="42" />
        <source>Personen</source>
        <translation>People</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/people_panel.py" line="94" />
        <source>Benachrichtigen, wenn da</source>
        <translation>Notify me when in</translation>
    </message>
</context>
<context>
    <name>StatusMenu</name>
    <message>
        <location filename="../../src/dvz_desktop/qt/status_menu.py" line="31" />
        <location filename="../../src/dvz_desktop/qt/status_menu.py" line="32" />
        <source>Mein Status</source>
        <extracomment>(status, note) chosen by the user.</extracomment>
        <translation>My status</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/status_menu.py" line="45" />
        <source>Statusnotiz …</source>
        <translation>Status note …</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/status_menu.py" line="59" />
        <source>Statusnotiz</source>
        <translation>Status note</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/status_menu.py" line="60" />
        <source>Kurze Notiz (höchstens 120 Zeichen):</source>
        <translation>Short note (at most 120 characters):</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <location filename="../../src/dvz_desktop/qt/tray.py" line="45" />
        <source>DVZ Desktop</source>
        <translation>DVZ Desktop</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/tray.py" line="46" />
        <source>DVZ Desktop öffnen</source>
        <translation>Open DVZ Desktop</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/tray.py" line="51" />
        <source>Aus meiner Einheit da:</source>
        <translation>In from my unit:</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/tray.py" line="56" />
        <source>Beenden</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/tray.py" line="62" />
        <source>Nicht verbunden</source>
        <translation>Not connected</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/tray.py" line="63" />
        <source>DVZ Desktop – nicht verbunden</source>
        <translation>DVZ Desktop – not connected</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/tray.py" line="76" />
        <source>Verbindung unterbrochen</source>
        <translation>Connection lost</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/tray.py" line="77" />
        <source>DVZ Desktop – %1</source>
        <translation>DVZ Desktop – %1</translation>
    </message>
    <message>
        <location filename="../../src/dvz_desktop/qt/tray.py" line="84" />
        <source>niemand</source>
        <translation>nobody</translation>
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
        <location filename="../../src/dvz_desktop/app.py" line="236" />
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
    <name>window</name>
    <message>
        <location filename="../../src/dvz_desktop/app.py" line="270" />
        <source>Abgemeldet</source>
        <translation>Signed out</translation>
    </message>
</context>
</TS>