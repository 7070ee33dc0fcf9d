<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>StatistikView</name>
    <message>
        <source>Month</source>
        <translation>Monat</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>Quartal</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Jahr</translation>
    </message>
    <message>
        <source>Custom period</source>
        <translation>Freier Zeitraum</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>&amp;Zeitraum:</translation>
    </message>
    <message>
        <source>&amp;Year:</source>
        <translation>&amp;Jahr:</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Von:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;Bis:</translation>
    </message>
    <message>
        <source>Calculate</source>
        <translation>Berechnen</translation>
    </message>
    <message>
        <source>Compute the figures of the period (Ctrl+R)</source>
        <translation>Kennzahlen des Zeitraums berechnen (Strg+R)</translation>
    </message>
    <message>
        <source>Last year ({year})</source>
        <translation>Vorjahr ({year})</translation>
    </message>
    <message>
        <source>Compute the figures of the whole year {year} (Ctrl+Shift+Y)</source>
        <translation>Die Zahlen des ganzen Jahres {year} berechnen (Strg+Umschalt+Y)</translation>
    </message>
    <message>
        <source>Last year</source>
        <translation>Vorjahr</translation>
    </message>
    <message>
        <source>Excel (XLSX)…</source>
        <translation>Excel (XLSX) …</translation>
    </message>
    <message>
        <source>CSV…</source>
        <translation>CSV …</translation>
    </message>
    <message>
        <source>PDF report…</source>
        <translation>PDF-Bericht …</translation>
    </message>
    <message>
        <source>Export the report; counts below the threshold appear as “&lt; 3” ({key})</source>
        <translation>Bericht exportieren; Zahlen unter dem Schwellenwert erscheinen als „&lt; 3“ ({key})</translation>
    </message>
    <message>
        <source>Kind of period</source>
        <translation>Art des Zeitraums</translation>
    </message>
    <message>
        <source>Month or quarter</source>
        <translation>Monat oder Quartal</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>Erster Tag</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>Letzter Tag</translation>
    </message>
    <message>
        <source>Report tables</source>
        <translation>Berichtstabellen</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>Diagramme</translation>
    </message>
    <message>
        <source>Choose a period and press Calculate.</source>
        <translation>Zeitraum wählen und auf „Berechnen“ drücken.</translation>
    </message>
    <message>
        <source>Q1 (January–March)</source>
        <translation>1. Quartal (Januar–März)</translation>
    </message>
    <message>
        <source>Q2 (April–June)</source>
        <translation>2. Quartal (April–Juni)</translation>
    </message>
    <message>
        <source>Q3 (July–September)</source>
        <translation>3. Quartal (Juli–September)</translation>
    </message>
    <message>
        <source>Q4 (October–December)</source>
        <translation>4. Quartal (Oktober–Dezember)</translation>
    </message>
    <message>
        <source>January</source>
        <translation>Januar</translation>
    </message>
    <message>
        <source>February</source>
        <translation>Februar</translation>
    </message>
    <message>
        <source>March</source>
        <translation>März</translation>
    </message>
    <message>
        <source>April</source>
        <translation>April</translation>
    </message>
    <message>
        <source>May</source>
        <translation>Mai</translation>
    </message>
    <message>
        <source>June</source>
        <translation>Juni</translation>
    </message>
    <message>
        <source>July</source>
        <translation>Juli</translation>
    </message>
    <message>
        <source>August</source>
        <translation>August</translation>
    </message>
    <message>
        <source>September</source>
        <translation>September</translation>
    </message>
    <message>
        <source>October</source>
        <translation>Oktober</translation>
    </message>
    <message>
        <source>November</source>
        <translation>November</translation>
    </message>
    <message>
        <source>December</source>
        <translation>Dezember</translation>
    </message>
    <message>
        <source>Calculating {period}…</source>
        <translation>Berechne {period} …</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Überblick</translation>
    </message>
    <message>
        <source>Place (visits)</source>
        <translation>Wohnort (Besuche)</translation>
    </message>
    <message>
        <source>Place (clients)</source>
        <translation>Wohnort (Personen)</translation>
    </message>
    <message>
        <source>Status groups</source>
        <translation>Statusgruppen</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Sprachen</translation>
    </message>
    <message>
        <source>Interpreters</source>
        <translation>Dolmetschung</translation>
    </message>
    <message>
        <source>Months</source>
        <translation>Monate</translation>
    </message>
    <message>
        <source>Appointments</source>
        <translation>Termine</translation>
    </message>
    <message>
        <source>Room bookings</source>
        <translation>Raumbuchungen</translation>
    </message>
    <message>
        <source>Room hours</source>
        <translation>Raumstunden</translation>
    </message>
    <message>
        <source>{centre} — {period}</source>
        <translation>{centre} – {period}</translation>
    </message>
    <message>
        <source>compared with {period}</source>
        <translation>verglichen mit {period}</translation>
    </message>
    <message>
        <source>&lt; {n}</source>
        <translation>&lt; {n}</translation>
    </message>
    <message>
        <source>{rate} of {total}</source>
        <translation>{rate} von {total}</translation>
    </message>
    <message>
        <source>{rate} % of {total}</source>
        <translation>{rate} % von {total}</translation>
    </message>
    <message>
        <source>Appointments missed (no-show): with a reminder by SMS/e-mail {with_}; without {without}</source>
        <translation>Nicht wahrgenommene Termine – mit Erinnerung per SMS/E-Mail: {with_}; ohne Erinnerung: {without}</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel-Arbeitsmappe (*.xlsx)</translation>
    </message>
    <message>
        <source>Zip archive of CSV files (*.zip)</source>
        <translation>Zip-Archiv mit CSV-Dateien (*.zip)</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF-Dokument (*.pdf)</translation>
    </message>
    <message>
        <source>Export report</source>
        <translation>Bericht exportieren</translation>
    </message>
    <message>
        <source>Report saved: {path}</source>
        <translation>Bericht gespeichert: {path}</translation>
    </message>
</context>
</TS>
