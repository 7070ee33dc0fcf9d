<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>BookingDialog</name>
    <message>
        <source>date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>new</source>
        <translation>neu</translation>
    </message>
    <message>
        <source>dates</source>
        <translation>Termine</translation>
    </message>
    <message>
        <source>left out, the room was taken</source>
        <translation>ausgelassen, der Raum war belegt</translation>
    </message>
    <message>
        <source>Booking</source>
        <translation>Buchung</translation>
    </message>
    <message>
        <source>New booking</source>
        <translation>Neue Buchung</translation>
    </message>
    <message>
        <source>&amp;Room</source>
        <translation>&amp;Raum</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>&amp;Titel</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>&amp;Art</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>Datum und Uhrzeit</translation>
    </message>
    <message>
        <source>&amp;Organiser</source>
        <translation>&amp;Veranstalter*in</translation>
    </message>
    <message>
        <source>&amp;Expected participants</source>
        <translation>&amp;Erwartete Teilnehmende</translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation>&amp;Notizen</translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation>Wiederholung</translation>
    </message>
    <message>
        <source>&amp;Public holidays</source>
        <translation>&amp;Feiertage</translation>
    </message>
    <message>
        <source>&amp;Actual participants</source>
        <translation>Tatsächliche Teilneh&amp;mende</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>1st week</source>
        <translation>1. Woche</translation>
    </message>
    <message>
        <source>2nd week</source>
        <translation>2. Woche</translation>
    </message>
    <message>
        <source>3rd week</source>
        <translation>3. Woche</translation>
    </message>
    <message>
        <source>4th week</source>
        <translation>4. Woche</translation>
    </message>
    <message>
        <source>last week</source>
        <translation>letzte Woche</translation>
    </message>
    <message>
        <source>without end</source>
        <translation>ohne Ende</translation>
    </message>
    <message>
        <source>until</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>number of dates</source>
        <translation>Anzahl Termine</translation>
    </message>
    <message>
        <source>– choose the kind –</source>
        <translation>– Art wählen –</translation>
    </message>
    <message>
        <source>Skip public holidays</source>
        <translation>Feiertage auslassen</translation>
    </message>
    <message>
        <source>Keep dates on public holidays and mark them</source>
        <translation>Termine an Feiertagen behalten und kennzeichnen</translation>
    </message>
    <message>
        <source>Also book the tea kitchen</source>
        <translation>Teeküche mitbuchen</translation>
    </message>
    <message>
        <source>ends the next day</source>
        <translation>endet am Folgetag</translation>
    </message>
    <message>
        <source>Apply changes to</source>
        <translation>Änderung gilt für</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation>Speichern (Strg+S)</translation>
    </message>
    <message>
        <source>Cancel &amp;booking</source>
        <translation>&amp;Buchung absagen</translation>
    </message>
    <message>
        <source>&amp;Restore date</source>
        <translation>Termin &amp;wiederherstellen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Close without saving (Esc)</source>
        <translation>Schließen ohne zu speichern (Esc)</translation>
    </message>
    <message>
        <source>&amp;Use suggested time</source>
        <translation>&amp;Vorschlag übernehmen</translation>
    </message>
    <message>
        <source>Calendar file (ICS)</source>
        <translation>Kalenderdatei (ICS)</translation>
    </message>
    <message>
        <source>Save all dates of this booking as a calendar file</source>
        <translation>Alle Termine dieser Buchung als Kalenderdatei speichern</translation>
    </message>
    <message>
        <source>Entered after the event, for the reports</source>
        <translation>Nach der Veranstaltung eintragen, für die Statistik</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Raum</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Ende</translation>
    </message>
    <message>
        <source>Organiser</source>
        <translation>Veranstalter*in</translation>
    </message>
    <message>
        <source>Expected participants</source>
        <translation>Erwartete Teilnehmende</translation>
    </message>
    <message>
        <source>Actual participants</source>
        <translation>Tatsächliche Teilnehmende</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>Week of the month</source>
        <translation>Woche im Monat</translation>
    </message>
    <message>
        <source>End of the series</source>
        <translation>Ende der Serie</translation>
    </message>
    <message>
        <source>Last date</source>
        <translation>Letzter Termin</translation>
    </message>
    <message>
        <source>Number of dates</source>
        <translation>Anzahl Termine</translation>
    </message>
    <message>
        <source>Public holidays</source>
        <translation>Feiertage</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Cancel booking</source>
        <translation>Buchung absagen</translation>
    </message>
    <message>
        <source>Restore date</source>
        <translation>Termin wiederherstellen</translation>
    </message>
    <message>
        <source>Use suggested time</source>
        <translation>Vorschlag übernehmen</translation>
    </message>
    <message>
        <source>Book without the taken dates</source>
        <translation>Ohne die belegten Termine buchen</translation>
    </message>
    <message>
        <source>Warning: {expected} people expected, the room holds {capacity}.</source>
        <translation>Achtung: {expected} Personen erwartet, der Raum fasst {capacity}.</translation>
    </message>
    <message>
        <source>The room holds {capacity} people.</source>
        <translation>Der Raum fasst {capacity} Personen.</translation>
    </message>
    <message>
        <source>{kept} dates will be booked. Skipped because they are public holidays: {days}.</source>
        <translation>{kept} Termine werden gebucht. Ausgelassen, weil Feiertag: {days}.</translation>
    </message>
    <message>
        <source>Booked on public holidays too (marked): {days}.</source>
        <translation>Auch an Feiertagen gebucht (markiert): {days}.</translation>
    </message>
    <message>
        <source>Please choose the kind of event.</source>
        <translation>Bitte die Art der Veranstaltung wählen.</translation>
    </message>
    <message>
        <source>Cancel every date of “{title}” that is still to come? This cannot be undone with Ctrl+Z.</source>
        <translation>Alle noch kommenden Termine von „{title}“ absagen? Das lässt sich nicht mit Strg+Z rückgängig machen.</translation>
    </message>
    <message>
        <source>Cancel the date on {date} and every following date of “{title}”? This cannot be undone with Ctrl+Z.</source>
        <translation>Den Termin am {date} und alle folgenden Termine von „{title}“ absagen? Das lässt sich nicht mit Strg+Z rückgängig machen.</translation>
    </message>
    <message>
        <source>Cancel dates</source>
        <translation>Termine absagen</translation>
    </message>
    <message>
        <source>Cancel the dates</source>
        <translation>Termine absagen</translation>
    </message>
    <message>
        <source>Keep them</source>
        <translation>Behalten</translation>
    </message>
    <message>
        <source>Export calendar file</source>
        <translation>Kalenderdatei exportieren</translation>
    </message>
    <message>
        <source>Calendar files (*.ics)</source>
        <translation>Kalenderdateien (*.ics)</translation>
    </message>
    <message>
        <source>Saved to {path}.</source>
        <translation>Gespeichert unter {path}.</translation>
    </message>
    <message>
        <source>Book the other &amp;date</source>
        <translation>Den übrigen Termin b&amp;uchen</translation>
    </message>
    <message>
        <source>Book the other {n} &amp;dates</source>
        <translation>Die übrigen {n} Termine b&amp;uchen</translation>
    </message>
    <message>
        <source>The taken dates are kept as cancelled dates of the series</source>
        <translation>Die belegten Termine bleiben als abgesagte Termine in der Serie</translation>
    </message>
    <message>
        <source>Choose another time, or book the other dates without the taken ones.</source>
        <translation>Wählen Sie eine andere Zeit, oder buchen Sie die übrigen Termine ohne die belegten.</translation>
    </message>
    <message>
        <source>Suggested time taken over; press Save to book it.</source>
        <translation>Vorschlag übernommen; mit „Speichern“ buchen.</translation>
    </message>
</context>
<context>
    <name>CalendarCanvas</name>
    <message>
        <source>{day} (today)</source>
        <translation>{day} (heute)</translation>
    </message>
    <message>
        <source>Public holiday: {name}</source>
        <translation>Feiertag: {name}</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgesagt</translation>
    </message>
</context>
<context>
    <name>OccurrenceModel</name>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Uhrzeit</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Raum</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Organiser</source>
        <translation>Veranstalter*in</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgesagt</translation>
    </message>
    <message>
        <source>Public holiday: {name}</source>
        <translation>Feiertag: {name}</translation>
    </message>
    <message>
        <source>Series</source>
        <translation>Serie</translation>
    </message>
</context>
<context>
    <name>Raumkalender</name>
    <message>
        <source>Seminar</source>
        <translation>Seminar</translation>
    </message>
    <message>
        <source>Information evening</source>
        <translation>Infoabend</translation>
    </message>
    <message>
        <source>Language café</source>
        <translation>Sprachcafé</translation>
    </message>
    <message>
        <source>Volunteer meeting</source>
        <translation>Ehrenamtlichentreffen</translation>
    </message>
    <message>
        <source>Team meeting</source>
        <translation>Teambesprechung</translation>
    </message>
    <message>
        <source>Counselling</source>
        <translation>Beratung</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Sonstiges</translation>
    </message>
    <message>
        <source>Only this date</source>
        <translation>Nur dieser Termin</translation>
    </message>
    <message>
        <source>This and all following dates</source>
        <translation>Dieser und alle folgenden Termine</translation>
    </message>
    <message>
        <source>The whole series</source>
        <translation>Die ganze Serie</translation>
    </message>
    <message>
        <source>Once</source>
        <translation>Einmalig</translation>
    </message>
    <message>
        <source>Every week</source>
        <translation>Jede Woche</translation>
    </message>
    <message>
        <source>Every two weeks</source>
        <translation>Alle zwei Wochen</translation>
    </message>
    <message>
        <source>Monthly on the same weekday</source>
        <translation>Monatlich am gleichen Wochentag</translation>
    </message>
    <message>
        <source>Mon</source>
        <translation>Mo</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>Di</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>Mi</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>Do</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>Fr</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>Sa</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>So</translation>
    </message>
    <message>
        <source>created</source>
        <translation>angelegt</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>geändert</translation>
    </message>
    <message>
        <source>date changed</source>
        <translation>Termin geändert</translation>
    </message>
    <message>
        <source>series split</source>
        <translation>Serie geteilt</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgesagt</translation>
    </message>
    <message>
        <source>date cancelled</source>
        <translation>Termin abgesagt</translation>
    </message>
    <message>
        <source>date restored</source>
        <translation>Termin wiederhergestellt</translation>
    </message>
    <message>
        <source>participants entered</source>
        <translation>Teilnehmende eingetragen</translation>
    </message>
    <message>
        <source>series extended</source>
        <translation>Serie verlängert</translation>
    </message>
    <message>
        <source>Week plan {room}: week {week}, {first} – {last}</source>
        <translation>Wochenplan {room}: KW {week}, {first} – {last}</translation>
    </message>
</context>
<context>
    <name>RaumkalenderView</name>
    <message>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
    <message>
        <source>Change a series</source>
        <translation>Serie ändern</translation>
    </message>
    <message>
        <source>This date belongs to a series. What should change?</source>
        <translation>Dieser Termin gehört zu einer Serie. Was soll sich ändern?</translation>
    </message>
    <message>
        <source>Moved.</source>
        <translation>Verschoben.</translation>
    </message>
    <message>
        <source>move</source>
        <translation>Verschieben</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgesagt.</translation>
    </message>
    <message>
        <source>cancel</source>
        <translation>Absagen</translation>
    </message>
    <message>
        <source>all rooms</source>
        <translation>alle Räume</translation>
    </message>
    <message>
        <source>Export calendar file</source>
        <translation>Kalenderdatei exportieren</translation>
    </message>
    <message>
        <source>Calendar files (*.ics)</source>
        <translation>Kalenderdateien (*.ics)</translation>
    </message>
    <message>
        <source>Saved to {path}.</source>
        <translation>Gespeichert unter {path}.</translation>
    </message>
    <message>
        <source>Save week plan as PDF</source>
        <translation>Wochenplan als PDF speichern</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Printed {date} by {name}</source>
        <translation>Gedruckt am {date} von {name}</translation>
    </message>
    <message>
        <source>Week {week}: {first} – {last}</source>
        <translation>KW {week}: {first} – {last}</translation>
    </message>
    <message>
        <source>&amp;Today</source>
        <translation>&amp;Heute</translation>
    </message>
    <message>
        <source>Go to today</source>
        <translation>Zu heute springen</translation>
    </message>
    <message>
        <source>◀ &amp;Previous</source>
        <translation>◀ &amp;Zurück</translation>
    </message>
    <message>
        <source>Previous week or day</source>
        <translation>Vorherige Woche bzw. vorheriger Tag</translation>
    </message>
    <message>
        <source>&amp;Next ▶</source>
        <translation>&amp;Weiter ▶</translation>
    </message>
    <message>
        <source>Next week or day</source>
        <translation>Nächste Woche bzw. nächster Tag</translation>
    </message>
    <message>
        <source>Go to date</source>
        <translation>Gehe zu Datum</translation>
    </message>
    <message>
        <source>Go to a date</source>
        <translation>Zu einem Datum springen</translation>
    </message>
    <message>
        <source>New &amp;booking</source>
        <translation>Neue &amp;Buchung</translation>
    </message>
    <message>
        <source>Book a room</source>
        <translation>Einen Raum buchen</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Open the selected booking</source>
        <translation>Die ausgewählte Buchung öffnen</translation>
    </message>
    <message>
        <source>&amp;List</source>
        <translation>&amp;Liste</translation>
    </message>
    <message>
        <source>Show the bookings as a list</source>
        <translation>Die Buchungen als Liste zeigen</translation>
    </message>
    <message>
        <source>Week/day</source>
        <translation>Woche/Tag</translation>
    </message>
    <message>
        <source>Switch between week and day</source>
        <translation>Zwischen Woche und Tag wechseln</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Raum</translation>
    </message>
    <message>
        <source>Choose the room</source>
        <translation>Raum wählen</translation>
    </message>
    <message>
        <source>P&amp;DF</source>
        <translation>P&amp;DF</translation>
    </message>
    <message>
        <source>Save the week plan as PDF</source>
        <translation>Den Wochenplan als PDF speichern</translation>
    </message>
    <message>
        <source>Pr&amp;int</source>
        <translation>Dr&amp;ucken</translation>
    </message>
    <message>
        <source>Print the week plan</source>
        <translation>Den Wochenplan drucken</translation>
    </message>
    <message>
        <source>&amp;ICS</source>
        <translation>&amp;ICS</translation>
    </message>
    <message>
        <source>Export a calendar file (ICS)</source>
        <translation>Kalenderdatei (ICS) exportieren</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>Undo the last move or cancellation</source>
        <translation>Letztes Verschieben oder Absagen rückgängig machen</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Wiederherstellen</translation>
    </message>
    <message>
        <source>All rooms</source>
        <translation>Alle Räume</translation>
    </message>
    <message>
        <source>Group room and tea kitchen</source>
        <translation>Gruppenraum und Teeküche</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Woche</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Week or day view ({shortcut})</source>
        <translation>Wochen- oder Tagesansicht ({shortcut})</translation>
    </message>
    <message>
        <source>Room ({shortcut})</source>
        <translation>Raum ({shortcut})</translation>
    </message>
    <message>
        <source>Go to date ({shortcut})</source>
        <translation>Gehe zu Datum ({shortcut})</translation>
    </message>
    <message>
        <source>Drag over free time to book; drag a booking to move it, its lower edge to resize it; double click or Enter opens it; arrow keys select.</source>
        <translation>Über freie Zeit ziehen, um zu buchen; eine Buchung ziehen, um sie zu verschieben, ihren unteren Rand, um die Dauer zu ändern; Doppelklick oder Eingabetaste öffnet sie; Pfeiltasten wählen aus.</translation>
    </message>
    <message>
        <source>Room calendar</source>
        <translation>Raumkalender</translation>
    </message>
    <message>
        <source>Saved. Left out because the room was already booked: {dates}.</source>
        <translation>Gespeichert. Ausgelassen, weil der Raum schon belegt war: {dates}.</translation>
    </message>
    <message>
        <source>Bookings as a list</source>
        <translation>Buchungen als Liste</translation>
    </message>
    <message>
        <source>Week or day view</source>
        <translation>Wochen- oder Tagesansicht</translation>
    </message>
</context>
</TS>
