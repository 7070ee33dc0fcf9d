<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>AbsenceDialog</name>
    <message>
        <source>Absence of {name}</source>
        <translation>Abwesenheit von {name}</translation>
    </message>
    <message>
        <source>First day of the absence</source>
        <translation>Erster Tag der Abwesenheit</translation>
    </message>
    <message>
        <source>Last day of the absence</source>
        <translation>Letzter Tag der Abwesenheit</translation>
    </message>
    <message>
        <source>Reason (optional)</source>
        <translation>Grund (freiwillig)</translation>
    </message>
    <message>
        <source>e.g. holiday, training</source>
        <translation>z. B. Urlaub, Fortbildung</translation>
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
        <source>&amp;Reason:</source>
        <translation>&amp;Grund:</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>AgendaTab</name>
    <message>
        <source>Appointments</source>
        <translation>Termine</translation>
    </message>
    <message>
        <source>&amp;Book…</source>
        <translation>&amp;Buchen…</translation>
    </message>
    <message>
        <source>&amp;Change / move…</source>
        <translation>Ä&amp;ndern / verschieben…</translation>
    </message>
    <message>
        <source>Cance&amp;l…</source>
        <translation>Ab&amp;sagen…</translation>
    </message>
    <message>
        <source>&amp;No-show</source>
        <translation>Nicht &amp;erschienen</translation>
    </message>
    <message>
        <source>&amp;Print slip…</source>
        <translation>Terminzettel &amp;drucken…</translation>
    </message>
    <message>
        <source>Slip as P&amp;DF…</source>
        <translation>Zettel als P&amp;DF…</translation>
    </message>
    <message>
        <source>Not a no-sho&amp;w</source>
        <translation>D&amp;och erschienen</translation>
    </message>
    <message>
        <source>E&amp;xport ICS…</source>
        <translation>ICS e&amp;xportieren…</translation>
    </message>
    <message>
        <source>{count} booked appointment(s) fall on an absence and should be moved: {list}</source>
        <translation>{count} gebuchte(r) Termin(e) liegen in einer Abwesenheit und sollten verschoben werden: {list}</translation>
    </message>
    <message>
        <source>{count} appointments saved: {first} to {last}</source>
        <translation>{count} Termine gespeichert: {first} bis {last}</translation>
    </message>
    <message>
        <source>Appointment saved: {when}</source>
        <translation>Termin gespeichert: {when}</translation>
    </message>
    <message>
        <source>Only booked appointments can be changed.</source>
        <translation>Nur gebuchte Termine können geändert werden.</translation>
    </message>
    <message>
        <source>Appointment slip</source>
        <translation>Terminzettel</translation>
    </message>
    <message>
        <source>Save appointment slip</source>
        <translation>Terminzettel speichern</translation>
    </message>
    <message>
        <source>Saved: {path}</source>
        <translation>Gespeichert: {path}</translation>
    </message>
    <message>
        <source>Export appointments as ICS</source>
        <translation>Termine als ICS exportieren</translation>
    </message>
</context>
<context>
    <name>AppointmentDialog</name>
    <message>
        <source>Book appointment</source>
        <translation>Termin buchen</translation>
    </message>
    <message>
        <source>Change appointment</source>
        <translation>Termin ändern</translation>
    </message>
    <message>
        <source>&amp;Client:</source>
        <translation>&amp;Klient*in:</translation>
    </message>
    <message>
        <source>Name, client number, date of birth or phone</source>
        <translation>Name, Klientennummer, Geburtsdatum oder Telefon</translation>
    </message>
    <message>
        <source>Search client</source>
        <translation>Klient*in suchen</translation>
    </message>
    <message>
        <source>Clients found</source>
        <translation>Gefundene Klient*innen</translation>
    </message>
    <message>
        <source>Chosen client</source>
        <translation>Gewählte*r Klient*in</translation>
    </message>
    <message>
        <source>No client chosen yet.</source>
        <translation>Noch keine Klient*in gewählt.</translation>
    </message>
    <message>
        <source>&amp;Service:</source>
        <translation>&amp;Fachdienst:</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Fachdienst</translation>
    </message>
    <message>
        <source>C&amp;ounsellor:</source>
        <translation>&amp;Berater*in:</translation>
    </message>
    <message>
        <source>Counsellor</source>
        <translation>Berater*in</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Datum:</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>S&amp;tart:</source>
        <translation>Begi&amp;nn:</translation>
    </message>
    <message>
        <source>Start time</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <source>D&amp;uration:</source>
        <translation>D&amp;auer:</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation>{minutes} Min.</translation>
    </message>
    <message>
        <source>&amp;Free slots:</source>
        <translation>&amp;Freie Zeiten:</translation>
    </message>
    <message>
        <source>Free slots of the counsellor on this day</source>
        <translation>Freie Zeiten der Berater*in an diesem Tag</translation>
    </message>
    <message>
        <source>Enter or click takes the time</source>
        <translation>Enter oder Klick übernimmt die Uhrzeit</translation>
    </message>
    <message>
        <source>&amp;Room:</source>
        <translation>&amp;Raum:</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Raum</translation>
    </message>
    <message>
        <source>(no room)</source>
        <translation>(kein Raum)</translation>
    </message>
    <message>
        <source>Interpreter &amp;language:</source>
        <translation>Sprache der &amp;Dolmetschung:</translation>
    </message>
    <message>
        <source>Interpreter language</source>
        <translation>Sprache der Dolmetschung</translation>
    </message>
    <message>
        <source>&amp;Interpreter:</source>
        <translation>Dolmetscher*&amp;in:</translation>
    </message>
    <message>
        <source>Booked interpreter</source>
        <translation>Gebuchte*r Dolmetscher*in</translation>
    </message>
    <message>
        <source>Se&amp;ries:</source>
        <translation>Se&amp;rie:</translation>
    </message>
    <message>
        <source> appointment(s)</source>
        <translation> Termin(e)</translation>
    </message>
    <message>
        <source>Number of appointments in the series</source>
        <translation>Anzahl der Termine der Serie</translation>
    </message>
    <message>
        <source>every</source>
        <translation>alle</translation>
    </message>
    <message>
        <source> week(s)</source>
        <translation> Woche(n)</translation>
    </message>
    <message>
        <source>Weeks between the appointments of the series</source>
        <translation>Wochen zwischen den Terminen der Serie</translation>
    </message>
    <message>
        <source>Skip public holidays</source>
        <translation>Feiertage auslassen</translation>
    </message>
    <message>
        <source>The centre is closed on public holidays of Baden-Württemberg</source>
        <translation>An Feiertagen in Baden-Württemberg ist das Zentrum geschlossen</translation>
    </message>
    <message>
        <source>Public holidays in the series</source>
        <translation>Feiertage in der Serie</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Notiz:</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>&amp;Take the suggestion</source>
        <translation>&amp;Vorschlag übernehmen</translation>
    </message>
    <message>
        <source>Take the suggested free slot</source>
        <translation>Vorgeschlagene freie Zeit übernehmen</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Save (Enter)</source>
        <translation>Speichern (Enter)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Close without saving (Escape)</source>
        <translation>Schließen ohne zu speichern (Esc)</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>History of this appointment</source>
        <translation>Verlauf dieses Termins</translation>
    </message>
    <message>
        <source>(no interpreter needed)</source>
        <translation>(keine Dolmetschung nötig)</translation>
    </message>
    <message>
        <source>(none booked)</source>
        <translation>(niemand gebucht)</translation>
    </message>
    <message>
        <source>{kept} appointments will be booked. Left out because they are public holidays: {days}.</source>
        <translation>{kept} Termine werden gebucht. Ausgelassen, weil Feiertag: {days}.</translation>
    </message>
    <message>
        <source>Booked on public holidays too (the centre is closed): {days}.</source>
        <translation>Auch an Feiertagen gebucht (das Zentrum ist geschlossen): {days}.</translation>
    </message>
    <message>
        <source>{counsellor} is absent on {days}: these appointments would fall into the absence.</source>
        <translation>{counsellor} ist abwesend am {days}: diese Termine fielen in die Abwesenheit.</translation>
    </message>
    <message>
        <source>Public holiday ({holiday}): the centre is closed.</source>
        <translation>Feiertag ({holiday}): das Zentrum ist geschlossen.</translation>
    </message>
    <message>
        <source>{counsellor} is absent on this day: an appointment here falls into the absence.</source>
        <translation>{counsellor} ist an diesem Tag abwesend: ein Termin hier fiele in die Abwesenheit.</translation>
    </message>
    <message>
        <source>{count} free slots on this day.</source>
        <translation>{count} freie Zeiten an diesem Tag.</translation>
    </message>
    <message>
        <source>No free slot on this day (working hours, absence or fully booked).</source>
        <translation>Kein freier Termin an diesem Tag (Arbeitszeit, Abwesenheit oder ausgebucht).</translation>
    </message>
    <message>
        <source>Please choose a counsellor.</source>
        <translation>Bitte eine Berater*in wählen.</translation>
    </message>
    <message>
        <source>Please choose a client first (search by name).</source>
        <translation>Bitte zuerst eine Klient*in wählen (Suche nach Name).</translation>
    </message>
</context>
<context>
    <name>HoursTab</name>
    <message>
        <source>Working hours and absences</source>
        <translation>Arbeitszeiten und Abwesenheiten</translation>
    </message>
    <message>
        <source>Edit &amp;working hours…</source>
        <translation>&amp;Arbeitszeiten bearbeiten…</translation>
    </message>
    <message>
        <source>Edit working hours</source>
        <translation>Arbeitszeiten bearbeiten</translation>
    </message>
    <message>
        <source>Add &amp;absence…</source>
        <translation>&amp;Abwesenheit eintragen…</translation>
    </message>
    <message>
        <source>Add absence</source>
        <translation>Abwesenheit eintragen</translation>
    </message>
    <message>
        <source>&amp;Remove absence</source>
        <translation>Abwesenheit &amp;entfernen</translation>
    </message>
    <message>
        <source>Remove the selected absence</source>
        <translation>Gewählte Abwesenheit entfernen</translation>
    </message>
    <message>
        <source>Absences</source>
        <translation>Abwesenheiten</translation>
    </message>
    <message>
        <source>Working hours</source>
        <translation>Arbeitszeiten</translation>
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
        <source>No working hours entered: reception cannot book this counsellor.</source>
        <translation>Keine Arbeitszeiten eingetragen: der Empfang kann für diese Person keine Termine buchen.</translation>
    </message>
    <message>
        <source>Absence of {name} saved: {first} to {last}.</source>
        <translation>Abwesenheit von {name} gespeichert: {first} bis {last}.</translation>
    </message>
    <message>
        <source>1 person waiting can now be called by any colleague.</source>
        <translation>1 wartende Person ist jetzt für alle Kolleg*innen aufrufbar.</translation>
    </message>
    <message>
        <source>{count} people waiting can now be called by any colleague.</source>
        <translation>{count} wartende Personen sind jetzt für alle Kolleg*innen aufrufbar.</translation>
    </message>
</context>
<context>
    <name>InterpreterDialog</name>
    <message>
        <source>Interpreter</source>
        <translation>Dolmetschung</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Languages as codes</source>
        <translation>Sprachen als Kürzel</translation>
    </message>
    <message>
        <source>language codes, e.g. ar, fa, uk</source>
        <translation>Sprachkürzel, z. B. ar, fa, uk</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>&amp;Active</source>
        <translation>&amp;Aktiv</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Languages:</source>
        <translation>&amp;Sprachen:</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>&amp;Telefon:</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>InterpretersTab</name>
    <message>
        <source>Interpreters</source>
        <translation>Dolmetscher*innen</translation>
    </message>
    <message>
        <source>&amp;Add interpreter…</source>
        <translation>Dolmetscher*in &amp;hinzufügen…</translation>
    </message>
    <message>
        <source>Add interpreter</source>
        <translation>Dolmetscher*in hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Edit interpreter…</source>
        <translation>Dolmetscher*in &amp;bearbeiten…</translation>
    </message>
    <message>
        <source>Edit interpreter</source>
        <translation>Dolmetscher*in bearbeiten</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <source>Cancel appointment</source>
        <translation>Termin absagen</translation>
    </message>
    <message>
        <source>Reason for the cancellation</source>
        <translation>Grund der Absage</translation>
    </message>
    <message>
        <source>e.g. client ill, client called, counsellor absent</source>
        <translation>z. B. Klient*in krank, hat angerufen, Berater*in abwesend</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Grund:</translation>
    </message>
    <message>
        <source>Keep appointment</source>
        <translation>Termin behalten</translation>
    </message>
</context>
<context>
    <name>ReminderListTab</name>
    <message>
        <source>Reminder list</source>
        <translation>Erinnerungsliste</translation>
    </message>
    <message>
        <source>Appointments &amp;on:</source>
        <translation>Termine &amp;am:</translation>
    </message>
    <message>
        <source>Day of the reminder list</source>
        <translation>Tag der Erinnerungsliste</translation>
    </message>
    <message>
        <source>Space or Enter ticks “reminded”.</source>
        <translation>Leertaste oder Enter hakt „erinnert“ ab.</translation>
    </message>
    <message>
        <source>P&amp;rint list…</source>
        <translation>Liste d&amp;rucken…</translation>
    </message>
    <message>
        <source>Print the reminder list</source>
        <translation>Erinnerungsliste drucken</translation>
    </message>
    <message>
        <source>List as PD&amp;F…</source>
        <translation>Liste als PD&amp;F…</translation>
    </message>
    <message>
        <source>Save the reminder list as PDF</source>
        <translation>Erinnerungsliste als PDF speichern</translation>
    </message>
    <message>
        <source>Reminders that did not reach the client - please phone instead:</source>
        <translation>Erinnerungen, die nicht angekommen sind – bitte stattdessen anrufen:</translation>
    </message>
    <message>
        <source>Save reminder list</source>
        <translation>Erinnerungsliste speichern</translation>
    </message>
</context>
<context>
    <name>ReminderLog</name>
    <message>
        <source>due</source>
        <translation>fällig</translation>
    </message>
    <message>
        <source>being sent</source>
        <translation>wird gesendet</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>gesendet</translation>
    </message>
    <message>
        <source>will be tried again</source>
        <translation>wird erneut versucht</translation>
    </message>
    <message>
        <source>failed - please phone</source>
        <translation>fehlgeschlagen – bitte anrufen</translation>
    </message>
    <message>
        <source>unclear whether it arrived - please phone</source>
        <translation>unklar, ob angekommen – bitte anrufen</translation>
    </message>
    <message>
        <source>not sent (appointment changed or consent withdrawn)</source>
        <translation>nicht gesendet (Termin geändert oder Einwilligung widerrufen)</translation>
    </message>
    <message>
        <source>not sent: the counsellor has left - please phone (the appointment is to be moved)</source>
        <extracomment>A reminder held back because the appointment&apos;s counsellor left (COUNSELLOR_GONE).</extracomment>
        <translation>nicht gesendet: die Berater*in ist nicht mehr da – bitte anrufen (der Termin ist zu verlegen)</translation>
    </message>
    <message>
        <source>day before</source>
        <translation>Vortag</translation>
    </message>
    <message>
        <source>hours before</source>
        <translation>Stunden vorher</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>e-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>{when}  {channel}, {slot}: {status}</source>
        <translation>{when}  {channel}, {slot}: {status}</translation>
    </message>
    <message>
        <source>No reminder sent for this appointment.</source>
        <translation>Für diesen Termin wurde keine Erinnerung gesendet.</translation>
    </message>
    <message>
        <source>{time}  {code}  {name}  {phone}: {channel} {status}</source>
        <translation>{time}  {code}  {name}  {phone}: {channel} {status}</translation>
    </message>
</context>
<context>
    <name>TermineModels</name>
    <message>
        <source>Booked</source>
        <translation>Gebucht</translation>
    </message>
    <message>
        <source>Arrived</source>
        <translation>Angekommen</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <source>No-show</source>
        <translation>Nicht erschienen</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgesagt</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Uhrzeit</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Klient*in</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Fachdienst</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Raum</translation>
    </message>
    <message>
        <source>Interpreter</source>
        <translation>Dolmetschung</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Reminded</source>
        <translation>Erinnert</translation>
    </message>
    <message>
        <source>(no client)</source>
        <translation>(ohne Klient*in)</translation>
    </message>
    <message>
        <source>series</source>
        <translation>Serie</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>Counsellor</source>
        <translation>Berater*in</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Sprachen</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>booked</source>
        <translation>gebucht</translation>
    </message>
    <message>
        <source>moved</source>
        <translation>verschoben</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>geändert</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgesagt</translation>
    </message>
    <message>
        <source>marked as no-show</source>
        <translation>als nicht erschienen markiert</translation>
    </message>
    <message>
        <source>marked as done</source>
        <translation>als erledigt markiert</translation>
    </message>
    <message>
        <source>client reminded</source>
        <translation>Klient*in erinnert</translation>
    </message>
    <message>
        <source>reminder tick removed</source>
        <translation>Erinnerungshaken entfernt</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
</context>
<context>
    <name>TerminePrint</name>
    <message>
        <source>Reminder calls for {day}</source>
        <translation>Erinnerungsanrufe für {day}</translation>
    </message>
    <message>
        <source>Reminded</source>
        <translation>Erinnert</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Uhrzeit</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Klient*in</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>Interpreter</source>
        <translation>Dolmetschung</translation>
    </message>
    <message>
        <source>Counsellor</source>
        <translation>Berater*in</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Raum</translation>
    </message>
</context>
<context>
    <name>TermineView</name>
    <message>
        <source>Previous</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>Day / week</source>
        <translation>Tag / Woche</translation>
    </message>
    <message>
        <source>Previous day or week</source>
        <translation>Vorheriger Tag bzw. vorherige Woche</translation>
    </message>
    <message>
        <source>Next day or week</source>
        <translation>Nächster Tag bzw. nächste Woche</translation>
    </message>
    <message>
        <source>C&amp;ounsellor:</source>
        <translation>&amp;Berater*in:</translation>
    </message>
    <message>
        <source>Counsellor</source>
        <translation>Berater*in</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Woche</translation>
    </message>
    <message>
        <source>Show a day or a week</source>
        <translation>Tag oder Woche zeigen</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Parts of the appointments view</source>
        <translation>Bereiche der Terminansicht</translation>
    </message>
    <message>
        <source>{name} (deactivated)</source>
        <translation>{name} (deaktiviert)</translation>
    </message>
    <message>
        <source>Week {start} – {end}</source>
        <translation>Woche {start} – {end}</translation>
    </message>
</context>
<context>
    <name>WorkingHoursDialog</name>
    <message>
        <source>Working hours of {name}</source>
        <translation>Arbeitszeiten von {name}</translation>
    </message>
    <message>
        <source>One line per weekday, e.g. 09:00-12:00, 13:00-16:00. Empty: not working.</source>
        <translation>Eine Zeile je Wochentag, z. B. 09:00-12:00, 13:00-16:00. Leer: kein Arbeitstag.</translation>
    </message>
    <message>
        <source>Monday</source>
        <translation>Montag</translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation>Dienstag</translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation>Mittwoch</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>Donnerstag</translation>
    </message>
    <message>
        <source>Friday</source>
        <translation>Freitag</translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>Samstag</translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation>Sonntag</translation>
    </message>
    <message>
        <source>Working hours on {day}</source>
        <translation>Arbeitszeiten am {day}</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
</TS>
