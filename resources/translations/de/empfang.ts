<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>AppointmentsModel</name>
    <message>
        <source>✓ arrived</source>
        <translation>✓ da</translation>
    </message>
    <message>
        <source>✓ done</source>
        <translation>✓ erledigt</translation>
    </message>
    <message>
        <source>no-show</source>
        <translation>nicht erschienen</translation>
    </message>
    <message>
        <source>▶ due now</source>
        <translation>▶ jetzt fällig</translation>
    </message>
    <message>
        <source>not arrived</source>
        <translation>nicht da</translation>
    </message>
    <message>
        <source>expected</source>
        <translation>erwartet</translation>
    </message>
    <message>
        <source>counsellor absent</source>
        <translation>Berater*in abwesend</translation>
    </message>
    <message>
        <source>(no client)</source>
        <translation>(ohne Klient*in)</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Uhrzeit</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Fachdienst</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>AttachDialog</name>
    <message>
        <source>Attach to a ticket</source>
        <translation>Einer Nummer zuordnen</translation>
    </message>
    <message>
        <source>Which ticket did {name} take? The ticket keeps its place in the queue.</source>
        <translation>Welche Nummer hat {name} gezogen? Die Nummer behält ihren Platz in der Warteschlange.</translation>
    </message>
    <message>
        <source>Anonymous tickets</source>
        <translation>Anonyme Nummern</translation>
    </message>
    <message>
        <source>since {time}</source>
        <translation>seit {time}</translation>
    </message>
    <message>
        <source>self-service</source>
        <translation>am Automaten</translation>
    </message>
    <message>
        <source>&amp;Attach</source>
        <translation>&amp;Zuordnen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>CheckInDialog</name>
    <message>
        <source>no interpreter</source>
        <translation>keine Dolmetschung</translation>
    </message>
    <message>
        <source>Check in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>Anonymous ticket (no name)</source>
        <translation>Wartenummer ohne Namen</translation>
    </message>
    <message>
        <source>Appointment today at {time}</source>
        <translation>Termin heute um {time} Uhr</translation>
    </message>
    <message>
        <source>Walk-in: no appointment today</source>
        <translation>Ohne Termin: heute kein Termin</translation>
    </message>
    <message>
        <source>The ticket only records the service.</source>
        <translation>Die Wartenummer erfasst nur den Fachdienst.</translation>
    </message>
    <message>
        <source>&amp;Service:</source>
        <translation>&amp;Fachdienst:</translation>
    </message>
    <message>
        <source>&amp;Interpreter:</source>
        <translation>Dol&amp;metschung:</translation>
    </message>
    <message>
        <source>&amp;Urgent:</source>
        <translation>&amp;Dringend:</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Grund:</translation>
    </message>
    <message>
        <source>&amp;People (family):</source>
        <translation>&amp;Personen (Familie):</translation>
    </message>
    <message>
        <source>urgent, call first</source>
        <translation>dringend, zuerst aufrufen</translation>
    </message>
    <message>
        <source>why it is urgent (required)</source>
        <translation>warum es dringend ist (Pflichtfeld)</translation>
    </message>
    <message>
        <source>Check &amp;in</source>
        <translation>&amp;Anmelden</translation>
    </message>
    <message>
        <source>Check in and give the ticket number (Enter)</source>
        <translation>Anmelden und Wartenummer vergeben (Enter)</translation>
    </message>
    <message>
        <source>Close without checking in (Esc)</source>
        <translation>Schließen, ohne anzumelden (Esc)</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Fachdienst</translation>
    </message>
    <message>
        <source>Interpreter language</source>
        <translation>Sprache der Dolmetschung</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>Dringend</translation>
    </message>
    <message>
        <source>Reason for urgency</source>
        <translation>Grund der Dringlichkeit</translation>
    </message>
    <message>
        <source>Number of people</source>
        <translation>Anzahl Personen</translation>
    </message>
    <message>
        <source>How many people come together on this ticket (a family)</source>
        <translation>Wie viele Personen mit dieser Wartenummer zusammen kommen (eine Familie)</translation>
    </message>
    <message>
        <source>– choose the service –</source>
        <translation>– Fachdienst wählen –</translation>
    </message>
    <message>
        <source>No service chosen yet: which service did the person ask for?</source>
        <translation>Noch kein Fachdienst gewählt: Zu welchem Fachdienst möchte die Person?</translation>
    </message>
    <message>
        <source>Ticket for {service} (the service of the appointment).</source>
        <translation>Nummer für {service} (der Fachdienst des Termins).</translation>
    </message>
    <message>
        <source>Ticket for {service}.</source>
        <translation>Nummer für {service}.</translation>
    </message>
    <message>
        <source>No open consultation hours now ({hours}).</source>
        <translation>Jetzt keine offene Sprechzeit ({hours}).</translation>
    </message>
    <message>
        <source>Estimated wait: …</source>
        <translation>Voraussichtliche Wartezeit: …</translation>
    </message>
    <message>
        <source>Estimated wait: not available</source>
        <translation>Voraussichtliche Wartezeit: nicht verfügbar</translation>
    </message>
    <message>
        <source>nobody waiting ahead</source>
        <translation>niemand davor</translation>
    </message>
    <message>
        <source>1 ticket waiting ahead</source>
        <translation>1 Wartenummer davor</translation>
    </message>
    <message>
        <source>{count} tickets waiting ahead</source>
        <translation>{count} Wartenummern davor</translation>
    </message>
    <message>
        <source>Estimated wait: no one called yet today ({ahead})</source>
        <translation>Voraussichtliche Wartezeit: heute noch niemand aufgerufen ({ahead})</translation>
    </message>
    <message>
        <source>Estimated wait: none ({ahead})</source>
        <translation>Voraussichtliche Wartezeit: keine ({ahead})</translation>
    </message>
    <message>
        <source>Estimated wait: about {minutes} min ({ahead})</source>
        <translation>Voraussichtliche Wartezeit: etwa {minutes} Min. ({ahead})</translation>
    </message>
    <message>
        <source>Please choose the service first: which service did the person ask for?</source>
        <translation>Bitte zuerst den Fachdienst wählen: Zu welchem Fachdienst möchte die Person?</translation>
    </message>
    <message>
        <source>Please give a reason for the urgent priority.</source>
        <translation>Bitte einen Grund für die Dringlichkeit angeben.</translation>
    </message>
    <message>
        <source>Checking in…</source>
        <translation>Wird angemeldet …</translation>
    </message>
    <message>
        <source>Not checked in yet. Enter tries again; Esc closes without checking in.</source>
        <translation>Noch nicht angemeldet. Eingabetaste versucht es erneut; Esc schließt ohne Anmeldung.</translation>
    </message>
    <message>
        <source>Perhaps the ticket was saved before the connection was lost. Enter tries again and shows the ticket - never a second one.</source>
        <translation>Vielleicht wurde die Wartenummer gespeichert, bevor die Verbindung abbrach. Enter versucht es erneut und zeigt die Wartenummer – nie eine zweite.</translation>
    </message>
</context>
<context>
    <name>ClientCardDialog</name>
    <message>
        <source>not known</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>Balingen</source>
        <translation>Balingen</translation>
    </message>
    <message>
        <source>Kleiner Heuberg</source>
        <translation>Kleiner Heuberg</translation>
    </message>
    <message>
        <source>other place</source>
        <translation>anderer Ort</translation>
    </message>
    <message>
        <source>asylum seeker</source>
        <translation>Asylsuchende*r</translation>
    </message>
    <message>
        <source>recognised refugee</source>
        <translation>anerkannter Flüchtling</translation>
    </message>
    <message>
        <source>tolerated (Duldung)</source>
        <translation>geduldet (Duldung)</translation>
    </message>
    <message>
        <source>EU citizen</source>
        <translation>EU-Bürger*in</translation>
    </message>
    <message>
        <source>late resettler</source>
        <translation>Spätaussiedler*in</translation>
    </message>
    <message>
        <source>other immigrant</source>
        <translation>andere Zugewanderte</translation>
    </message>
    <message>
        <source>Given name(s)</source>
        <translation>Vorname(n)</translation>
    </message>
    <message>
        <source>Family name</source>
        <translation>Familienname</translation>
    </message>
    <message>
        <source>This client was erased meanwhile (data protection): nothing of the card is kept. Close the card.</source>
        <translation>Diese*r Klient*in wurde inzwischen gelöscht (Datenschutz): von der Karteikarte ist nichts mehr gespeichert. Bitte die Karteikarte schließen.</translation>
    </message>
    <message>
        <source>Reception card</source>
        <translation>Karteikarte</translation>
    </message>
    <message>
        <source>New client</source>
        <translation>Neue*r Klient*in</translation>
    </message>
    <message>
        <source>Client no.:</source>
        <translation>Klient*innen-Nr.:</translation>
    </message>
    <message>
        <source>&amp;Given name(s):</source>
        <translation>&amp;Vorname(n):</translation>
    </message>
    <message>
        <source>&amp;Family name:</source>
        <translation>&amp;Familienname:</translation>
    </message>
    <message>
        <source>Date of &amp;birth:</source>
        <translation>&amp;Geburtsdatum:</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>&amp;Telefon:</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <source>&amp;Interpreter:</source>
        <translation>Dol&amp;metschung:</translation>
    </message>
    <message>
        <source>&amp;Residence:</source>
        <translation>&amp;Wohnort:</translation>
    </message>
    <message>
        <source>Pla&amp;ce:</source>
        <translation>O&amp;rt:</translation>
    </message>
    <message>
        <source>S&amp;tatus group:</source>
        <translation>Aufent&amp;haltsstatus:</translation>
    </message>
    <message>
        <source>C&amp;onsent on:</source>
        <translation>&amp;Einwilligung am:</translation>
    </message>
    <message>
        <source>&amp;Note for reception:</source>
        <translation>&amp;Notiz für den Empfang:</translation>
    </message>
    <message>
        <source>DD/MM/YYYY (optional)</source>
        <translation>TT.MM.JJJJ (freiwillig)</translation>
    </message>
    <message>
        <source>as given, any script</source>
        <translation>wie angegeben, jede Schrift</translation>
    </message>
    <message>
        <source>needs an interpreter</source>
        <translation>braucht Dolmetschung</translation>
    </message>
    <message>
        <source>short, for reception only (no counselling content)</source>
        <translation>kurz, nur für den Empfang (keine Beratungsinhalte)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>S&amp;peichern</translation>
    </message>
    <message>
        <source>Save the card (Ctrl+S)</source>
        <translation>Karteikarte speichern (Strg+S)</translation>
    </message>
    <message>
        <source>Close without saving (Esc)</source>
        <translation>Schließen, ohne zu speichern (Esc)</translation>
    </message>
    <message>
        <source>&amp;Duplicates…</source>
        <translation>D&amp;ubletten…</translation>
    </message>
    <message>
        <source>Look for other records of this person (Alt+D)</source>
        <translation>Nach weiteren Einträgen dieser Person suchen (Alt+U)</translation>
    </message>
    <message>
        <source>&amp;Use the existing record</source>
        <translation>&amp;Bestehenden Eintrag verwenden</translation>
    </message>
    <message>
        <source>Do not create a new record; open the selected one</source>
        <translation>Keinen neuen Eintrag anlegen, sondern den ausgewählten öffnen</translation>
    </message>
    <message>
        <source>&amp;Merge into this record</source>
        <translation>In diesen Eintrag &amp;zusammenführen</translation>
    </message>
    <message>
        <source>The selected record&apos;s visits and appointments move to this record</source>
        <translation>Besuche und Termine des ausgewählten Eintrags gehen auf diesen Eintrag über</translation>
    </message>
    <message>
        <source>Similar records</source>
        <translation>Ähnliche Einträge</translation>
    </message>
    <message>
        <source>(new)</source>
        <translation>(neu)</translation>
    </message>
    <message>
        <source>&amp;Reminders: {channels}…</source>
        <translation>&amp;Erinnerungen: {channels}…</translation>
    </message>
    <message>
        <source>Consent to appointment reminders by SMS and e-mail</source>
        <translation>Einwilligung in Terminerinnerungen per SMS und E-Mail</translation>
    </message>
    <message>
        <source>Load the current version of the card? Your changes in this window are lost.</source>
        <translation>Aktuellen Stand der Karteikarte laden? Ihre Änderungen in diesem Fenster gehen verloren.</translation>
    </message>
    <message>
        <source>⚠ This person may already be known. Enter uses the selected existing record; Save (Ctrl+S) creates a new one anyway.</source>
        <translation>⚠ Diese Person ist vielleicht schon bekannt. Eingabetaste: den gewählten bestehenden Eintrag verwenden; Speichern (Strg+S) legt trotzdem einen neuen an.</translation>
    </message>
    <message>
        <source>&amp;Save as new client</source>
        <translation>Trotzdem &amp;als neu speichern</translation>
    </message>
    <message>
        <source>Records that may belong to the same person:</source>
        <translation>Einträge, die zur selben Person gehören könnten:</translation>
    </message>
    <message>
        <source>No similar records found.</source>
        <translation>Keine ähnlichen Einträge gefunden.</translation>
    </message>
    <message>
        <source>Merge records</source>
        <translation>Einträge zusammenführen</translation>
    </message>
    <message>
        <source>Merge {other} into {this}? All visits and appointments of {other} move to {this}; the number {number} then leads to {this}. This cannot be undone.</source>
        <translation>{other} in {this} zusammenführen? Alle Besuche und Termine von {other} gehen auf {this} über; die Nummer {number} führt danach zu {this}. Das kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <source>Merged: {visits} visits and {appointments} appointments moved.</source>
        <translation>Zusammengeführt: {visits} Besuche und {appointments} Termine übernommen.</translation>
    </message>
</context>
<context>
    <name>EmpfangView</name>
    <message>
        <source>&amp;Search a client (name in any spelling, client no., date of birth, phone):</source>
        <translation>Klient*in &amp;suchen (Name in jeder Schreibweise, Klient*innen-Nr., Geburtsdatum, Telefon):</translation>
    </message>
    <message>
        <source>e.g. moh alh  ·  K-000123  ·  24.12.1990  (Ctrl+F)</source>
        <translation>z. B. moh alh  ·  K-000123  ·  24.12.1990  (Strg+F)</translation>
    </message>
    <message>
        <source>Search a client</source>
        <translation>Klient*in suchen</translation>
    </message>
    <message>
        <source>Type a name; Down picks the first result, Enter checks in (Ctrl+F)</source>
        <translation>Namen eingeben; Pfeil runter wählt den ersten Treffer, Enter meldet an (Strg+F)</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Suchergebnisse</translation>
    </message>
    <message>
        <source>Today&apos;s &amp;appointments</source>
        <translation>Heutige &amp;Termine</translation>
    </message>
    <message>
        <source>Today&apos;s appointments</source>
        <translation>Heutige Termine</translation>
    </message>
    <message>
        <source>Enter checks in the selected appointment</source>
        <translation>Enter meldet den ausgewählten Termin an</translation>
    </message>
    <message>
        <source>Check &amp;in</source>
        <translation>&amp;Anmelden</translation>
    </message>
    <message>
        <source>Check in the selected person (Enter, F5)</source>
        <translation>Ausgewählte Person anmelden (Enter, F5)</translation>
    </message>
    <message>
        <source>Reception &amp;card</source>
        <translation>&amp;Karteikarte</translation>
    </message>
    <message>
        <source>Open the reception card (F4)</source>
        <translation>Karteikarte öffnen (F4)</translation>
    </message>
    <message>
        <source>&amp;New client</source>
        <translation>&amp;Neue*r Klient*in</translation>
    </message>
    <message>
        <source>Create a new client (Ctrl+N)</source>
        <translation>Neue*n Klient*in anlegen (Strg+N)</translation>
    </message>
    <message>
        <source>Anonymous &amp;ticket</source>
        <translation>&amp;Wartenummer ohne Namen</translation>
    </message>
    <message>
        <source>Ticket without a name (Ctrl+T)</source>
        <translation>Wartenummer ohne Namen (Strg+T)</translation>
    </message>
    <message>
        <source>Attach to a self-service ticket</source>
        <translation>Automaten-Nummer zuordnen</translation>
    </message>
    <message>
        <source>The selected person took an anonymous ticket (kiosk): it becomes theirs, keeping its place (Ctrl+Shift+T)</source>
        <translation>Die ausgewählte Person hat eine anonyme Nummer gezogen (Automat): Sie wird ihr zugeordnet und behält ihren Platz (Strg+Umschalt+T)</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>Go to the search field (Ctrl+F)</source>
        <translation>Zum Suchfeld (Strg+F)</translation>
    </message>
    <message>
        <source>Check in this appointment</source>
        <translation>Diesen Termin anmelden</translation>
    </message>
    <message>
        <source>Check in the selected appointment (Enter, Shift+F5)</source>
        <translation>Ausgewählten Termin anmelden (Enter, Umschalt+F5)</translation>
    </message>
    <message>
        <source>&amp;Print slip</source>
        <translation>&amp;Drucken</translation>
    </message>
    <message>
        <source>Print the ticket slip (Ctrl+P)</source>
        <translation>Wartenummer drucken (Strg+P)</translation>
    </message>
    <message>
        <source>Save slip as PDF</source>
        <translation>Als PDF speichern</translation>
    </message>
    <message>
        <source>Save the ticket slip as PDF (Ctrl+Shift+S)</source>
        <translation>Wartenummer als PDF speichern (Strg+Umschalt+S)</translation>
    </message>
    <message>
        <source>First day? &amp;Guide</source>
        <translation>Erster Tag? Anl&amp;eitung</translation>
    </message>
    <message>
        <source>The first day at reception: the five things to know ({key})</source>
        <translation>Der erste Tag am Empfang: die fünf wichtigsten Dinge ({key})</translation>
    </message>
    <message>
        <source>First day at reception: guide</source>
        <translation>Erster Tag am Empfang: Anleitung</translation>
    </message>
    <message>
        <source>Undo {what}</source>
        <translation>{what} rückgängig machen</translation>
    </message>
    <message>
        <source>Undo check-in</source>
        <translation>Anmeldung rückgängig machen</translation>
    </message>
    <message>
        <source>Take back the last check-in while it has not been called ({key})</source>
        <translation>Letzte Anmeldung zurücknehmen, solange sie noch nicht aufgerufen wurde ({key})</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>Down: pick a result · Enter: check in · F4: card · Ctrl+N: new client · Ctrl+T: anonymous ticket</source>
        <translation>Pfeil runter: Treffer wählen · Enter: anmelden · F4: Karteikarte · Strg+N: neue*r Klient*in · Strg+T: Wartenummer ohne Namen</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Suche läuft …</translation>
    </message>
    <message>
        <source>The search did not run (see the message above), so nothing is listed. Enter searches again.</source>
        <translation>Die Suche konnte nicht laufen (siehe Meldung oben), daher ist nichts aufgeführt. Eingabetaste sucht erneut.</translation>
    </message>
    <message>
        <source>No client found. A phone number finds the person only when typed in full (e.g. 0151 2345678). Ctrl+N creates a new client, Ctrl+T gives an anonymous ticket.</source>
        <translation>Niemand gefunden. Eine Telefonnummer findet die Person nur, wenn sie vollständig eingegeben ist (z. B. 0151 2345678). Strg+N legt eine*n neue*n Klient*in an, Strg+T gibt eine Wartenummer ohne Namen.</translation>
    </message>
    <message>
        <source>No client found. Ctrl+N creates a new client, Ctrl+T gives an anonymous ticket.</source>
        <translation>Niemand gefunden. Strg+N legt eine*n neue*n Klient*in an, Strg+T gibt eine Wartenummer ohne Namen.</translation>
    </message>
    <message>
        <source>1 client found.</source>
        <translation>1 Klient*in gefunden.</translation>
    </message>
    <message>
        <source>{count} clients found.</source>
        <translation>{count} Klient*innen gefunden.</translation>
    </message>
    <message>
        <source>Down: pick · Enter: check in · F4: card</source>
        <translation>Pfeil runter: wählen · Enter: anmelden · F4: Karteikarte</translation>
    </message>
    <message>
        <source>{name} (no longer at the centre)</source>
        <translation>{name} (nicht mehr im Zentrum)</translation>
    </message>
    <message>
        <source>{name} (until {date})</source>
        <translation>{name} (bis {date})</translation>
    </message>
    <message>
        <source>Not here today: {names}. Please tell the people waiting for them and phone those with an appointment (marked “counsellor absent”).</source>
        <translation>Heute nicht da: {names}. Bitte den Wartenden Bescheid geben und die Personen mit Termin anrufen (markiert mit „Berater*in abwesend“).</translation>
    </message>
    <message>
        <source>This appointment is already checked in or closed.</source>
        <translation>Dieser Termin ist bereits angemeldet oder abgeschlossen.</translation>
    </message>
    <message>
        <source>No anonymous ticket is waiting today.</source>
        <translation>Heute wartet keine anonyme Nummer.</translation>
    </message>
    <message>
        <source>Ticket {ticket} now belongs to the client; it keeps its place</source>
        <translation>Die Nummer {ticket} gehört jetzt zur Person; sie behält ihren Platz</translation>
    </message>
    <message>
        <source>check-in {ticket}</source>
        <translation>Anmeldung {ticket}</translation>
    </message>
    <message>
        <source>{ticket} checked in</source>
        <translation>{ticket} angemeldet</translation>
    </message>
    <message>
        <source>Check-in {ticket} taken back</source>
        <translation>Anmeldung {ticket} zurückgenommen</translation>
    </message>
    <message>
        <source>Ticket {ticket}</source>
        <translation>Wartenummer {ticket}</translation>
    </message>
    <message>
        <source>{count} people</source>
        <translation>{count} Personen</translation>
    </message>
    <message>
        <source>Card of {name} saved</source>
        <translation>Karteikarte von {name} gespeichert</translation>
    </message>
    <message>
        <source>Save ticket slip</source>
        <translation>Wartenummer speichern</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>ReminderContactDialog</name>
    <message>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>e-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Appointment reminders: {name}</source>
        <translation>Terminerinnerungen: {name}</translation>
    </message>
    <message>
        <source>Reminders go out only through a channel the client has agreed to, in the client&apos;s language. They name date, time, address, the centre&apos;s telephone and a short code, not the topic. Unticking withdraws the consent at once.</source>
        <translation>Erinnerungen gehen nur über einen Weg hinaus, dem die Person zugestimmt hat, in ihrer Sprache. Sie nennen Datum, Uhrzeit, Adresse, die Telefonnummer des Zentrums und einen kurzen Code, nicht das Thema. Das Häkchen zu entfernen widerruft die Einwilligung sofort.</translation>
    </message>
    <message>
        <source>Reminders for this client go out in {language}.</source>
        <translation>Erinnerungen an diese Person werden auf {language} verschickt.</translation>
    </message>
    <message>
        <source>There are no reminder texts in {language}: reminders for this client go out in {fallback}. Ask whether the client reads it.</source>
        <translation>Auf {language} gibt es keine Erinnerungstexte: Erinnerungen an diese Person werden auf {fallback} verschickt. Fragen Sie, ob sie das lesen kann.</translation>
    </message>
    <message>
        <source>No language on the card: reminders go out in {fallback}.</source>
        <translation>Keine Sprache auf der Karte: Erinnerungen werden auf {fallback} verschickt.</translation>
    </message>
    <message>
        <source>&amp;Mobile number:</source>
        <translation>&amp;Handynummer:</translation>
    </message>
    <message>
        <source>&amp;SMS:</source>
        <translation>&amp;SMS:</translation>
    </message>
    <message>
        <source>&amp;E-mail address:</source>
        <translation>&amp;E-Mail-Adresse:</translation>
    </message>
    <message>
        <source>E-&amp;mail:</source>
        <translation>E-&amp;Mail:</translation>
    </message>
    <message>
        <source>e.g. 0171 1234567</source>
        <translation>z. B. 0171 1234567</translation>
    </message>
    <message>
        <source>e.g. name@example.org</source>
        <translation>z. B. name@example.org</translation>
    </message>
    <message>
        <source>agreed to reminders (since {date})</source>
        <translation>willigt in Erinnerungen ein (seit {date})</translation>
    </message>
    <message>
        <source>agreed to reminders</source>
        <translation>willigt in Erinnerungen ein</translation>
    </message>
</context>
<context>
    <name>SearchResultsModel</name>
    <message>
        <source>{language}, interpreter</source>
        <translation>{language}, Dolmetschung</translation>
    </message>
    <message>
        <source>Appointment {time}</source>
        <translation>Termin {time}</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Client no.</source>
        <translation>Klient*innen-Nr.</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Geburtsdatum</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
</context>
<context>
    <name>TicketSlip</name>
    <message>
        <source>Please wait until your number is shown on the screen.</source>
        <translation>Bitte warten Sie, bis Ihre Nummer auf dem Bildschirm erscheint.</translation>
    </message>
    <message>
        <source>Your number</source>
        <translation>Ihre Nummer</translation>
    </message>
    <message>
        <source>{count} people</source>
        <translation>{count} Personen</translation>
    </message>
    <message>
        <source>Ticket {ticket}</source>
        <translation>Wartenummer {ticket}</translation>
    </message>
    <message>
        <source>Print ticket slip</source>
        <translation>Wartenummer drucken</translation>
    </message>
</context>
<context>
    <name>view</name>
    <message>
        <source>check-in {ticket}</source>
        <translation>Anmeldung {ticket}</translation>
    </message>
</context>
</TS>
