<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="de">
<context>
    <name>BehaviourPresenter</name>
    <message numerus="yes">
        <location filename="../../src/dvz_desktop/qt/behaviour/presenter.py" line="310"/>
        <source>In %1 ist jetzt %n Person.</source>
        <translation>
            <numerusform>In %1 ist jetzt %n Person.</numerusform>
            <numerusform>In %1 sind jetzt %n Personen.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CouncilWords</name>
    <message numerus="yes">
        <location filename="../../src/dvz_desktop/qt/council/words.py" line="22"/>
        <source>%n Ja-Stimme(n)</source>
        <translation>
            <numerusform>%n Ja-Stimme</numerusform>
            <numerusform>%n Ja-Stimmen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/dvz_desktop/qt/council/words.py" line="23"/>
        <source>%n Nein-Stimme(n)</source>
        <translation>
            <numerusform>%n Nein-Stimme</numerusform>
            <numerusform>%n Nein-Stimmen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/dvz_desktop/qt/council/words.py" line="23"/>
        <source>%n Enthaltung(en)</source>
        <translation>
            <numerusform>%n Enthaltung</numerusform>
            <numerusform>%n Enthaltungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/dvz_desktop/qt/council/words.py" line="49"/>
        <source>%n Stimme(n) abgegeben</source>
        <translation>
            <numerusform>%n Stimme abgegeben</numerusform>
            <numerusform>%n Stimmen abgegeben</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DoorPanel</name>
    <message numerus="yes">
        <location filename="../../src/dvz_desktop/qt/door/panel.py" line="130"/>
        <source>%1 – %n Person wartet</source>
        <extracomment>(guest name, admit) -&gt; None: asks first when another conversation is live (the switchboard).</extracomment>
        <translation>
            <numerusform>%1 – %n Person wartet</numerusform>
            <numerusform>%1 – %n Personen warten</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ParticipantList</name>
    <message numerus="yes">
        <location filename="../../src/dvz_desktop/qt/calls/participants.py" line="167"/>
        <source>%n Person</source>
        <translation>
            <numerusform>%n Person</numerusform>
            <numerusform>%n Personen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TodayPanel</name>
    <message numerus="yes">
        <location filename="../../src/dvz_desktop/qt/today/panel.py" line="130"/>
        <source>%n Nachricht an der Tür</source>
        <translation>
            <numerusform>%n Nachricht an der Tür</numerusform>
            <numerusform>%n Nachrichten an der Tür</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/dvz_desktop/qt/today/panel.py" line="132"/>
        <source>%n Anfrage an der digitalen Tür</source>
        <translation>
            <numerusform>%n Anfrage an der digitalen Tür</numerusform>
            <numerusform>%n Anfragen an der digitalen Tür</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/dvz_desktop/qt/today/panel.py" line="133"/>
        <source>%n Rückruf zu erledigen</source>
        <translation>
            <numerusform>%n Rückruf zu erledigen</numerusform>
            <numerusform>%n Rückrufe zu erledigen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message numerus="yes">
        <location filename="../../src/dvz_desktop/qt/shell/tray.py" line="181"/>
        <source>%n ungelesene Nachricht</source>
        <translation>
            <numerusform>%n ungelesene Nachricht</numerusform>
            <numerusform>%n ungelesene Nachrichten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/dvz_desktop/qt/shell/tray.py" line="190"/>
        <source>%n Person wartet an der digitalen Tür</source>
        <translation>
            <numerusform>%n Person wartet an der digitalen Tür</numerusform>
            <numerusform>%n Personen warten an der digitalen Tür</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>_Counts</name>
    <message numerus="yes">
        <location filename="../../src/dvz_desktop/qt/labels.py" line="16"/>
        <source>%n Person</source>
        <translation>
            <numerusform>%n Person</numerusform>
            <numerusform>%n Personen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/dvz_desktop/qt/labels.py" line="19"/>
        <source>%n Person wartet</source>
        <translation>
            <numerusform>%n Person wartet</numerusform>
            <numerusform>%n Personen warten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/dvz_desktop/qt/labels.py" line="22"/>
        <source>%1: „Gleich“ – in etwa %n Minute.</source>
        <translation>
            <numerusform>%1: „Gleich“ – in etwa %n Minute.</numerusform>
            <numerusform>%1: „Gleich“ – in etwa %n Minuten.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/dvz_desktop/qt/labels.py" line="25"/>
        <source>%n ungelesene Nachricht</source>
        <translation>
            <numerusform>%n ungelesene Nachricht</numerusform>
            <numerusform>%n ungelesene Nachrichten</numerusform>
        </translation>
    </message>
</context>
</TS>
