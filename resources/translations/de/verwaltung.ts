<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>AccountDialog</name>
    <message>
        <source>New account</source>
        <translation>Neues Konto</translation>
    </message>
    <message>
        <source>Change account</source>
        <translation>Konto ändern</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Vollständiger Name</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Fachdienste</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Raum</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keiner)</translation>
    </message>
    <message>
        <source>First password</source>
        <translation>Erstes Passwort</translation>
    </message>
    <message>
        <source>Full &amp;name:</source>
        <translation>Vollständiger &amp;Name:</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Benutzername:</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Rolle:</translation>
    </message>
    <message>
        <source>&amp;Services:</source>
        <translation>&amp;Fachdienste:</translation>
    </message>
    <message>
        <source>R&amp;oom:</source>
        <translation>R&amp;aum:</translation>
    </message>
    <message>
        <source>First &amp;password:</source>
        <translation>Erstes &amp;Passwort:</translation>
    </message>
    <message>
        <source>Reception: check-in, minimal client card, waiting list, booking appointments and rooms. Counselling: additionally calling, appointments, full card for their services. Head of department: everything, plus accounts, settings, reports, audit log, export and erasure.</source>
        <translation>Empfang: Anmeldung, Basis-Karteikarte, Warteliste, Termine und Räume buchen. Beratung: zusätzlich Aufrufen, Termine verwalten, vollständige Karteikarte für die eigenen Fachdienste. Fachbereichsleitung: alles, dazu Konten, Einstellungen, Berichte, Protokoll, Auskunft und Löschung.</translation>
    </message>
    <message>
        <source>The first password is valid once: at the first login the colleague must choose their own, which you never learn. Tell them the first password in person.</source>
        <translation>Das erste Passwort gilt einmal: Bei der ersten Anmeldung muss die Kollegin oder der Kollege ein eigenes wählen, das Sie nie erfahren. Sagen Sie das erste Passwort persönlich weiter.</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>AccountsTab</name>
    <message>
        <source>Accounts</source>
        <translation>Konten</translation>
    </message>
    <message>
        <source>&amp;New account…</source>
        <translation>&amp;Neues Konto …</translation>
    </message>
    <message>
        <source>&amp;Change…</source>
        <translation>Ä&amp;ndern …</translation>
    </message>
    <message>
        <source>&amp;Reset password…</source>
        <translation>Passwort &amp;zurücksetzen …</translation>
    </message>
    <message>
        <source>&amp;Deactivate</source>
        <translation>&amp;Deaktivieren</translation>
    </message>
    <message>
        <source>&amp;Activate</source>
        <translation>&amp;Aktivieren</translation>
    </message>
    <message>
        <source>{count} accounts</source>
        <translation>{count} Konten</translation>
    </message>
    <message>
        <source>The password of {name} was changed. It is valid once: at the next login they choose their own.</source>
        <translation>Das Passwort von {name} wurde geändert. Es gilt einmal: Bei der nächsten Anmeldung wird ein eigenes gewählt.</translation>
    </message>
    <message>
        <source>The password of {name} was changed.</source>
        <translation>Das Passwort von {name} wurde geändert.</translation>
    </message>
    <message>
        <source>Deactivate the account of {name}? They can no longer log in; everything they entered stays.</source>
        <translation>Das Konto von {name} deaktivieren? Die Person kann sich dann nicht mehr anmelden; alles, was sie eingetragen hat, bleibt erhalten.</translation>
    </message>
    <message>
        <source>Waiting for them now: {count}. They go back to the waiting list of their service, where any colleague can call them.</source>
        <translation>Jetzt für sie wartend: {count}. Diese Personen kommen zurück auf die Warteliste ihres Fachdienstes, wo jede Kollegin und jeder Kollege sie aufrufen kann.</translation>
    </message>
    <message>
        <source>Booked appointments from now on: {count} (the first on {date}). They stay booked with {name}: move them to a colleague or cancel them in the appointments view, which lists {name} as deactivated until then.</source>
        <translation>Gebuchte Termine ab jetzt: {count} (der erste am {date}). Sie bleiben bei {name} gebucht: Verlegen Sie sie unter „Termine“ auf eine Kollegin oder einen Kollegen, oder sagen Sie sie ab. Bis dahin steht {name} dort als „deaktiviert“.</translation>
    </message>
    <message>
        <source>Deactivate account</source>
        <translation>Konto deaktivieren</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>AuditTab</name>
    <message>
        <source>Audit log</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>e.g. K-000042</source>
        <translation>z. B. K-000042</translation>
    </message>
    <message>
        <source>Client number</source>
        <translation>Klientennummer</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer*in</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>&amp;Anzeigen</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>Benutzer*in:</translation>
    </message>
    <message>
        <source>What:</source>
        <translation>Was:</translation>
    </message>
    <message>
        <source>until</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>&amp;Client:</source>
        <translation>&amp;Klient*in:</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>&amp;Zeitraum:</translation>
    </message>
    <message>
        <source>everything</source>
        <translation>alles</translation>
    </message>
    <message>
        <source>anyone</source>
        <translation>alle</translation>
    </message>
    <message>
        <source>{text} is not a client number.</source>
        <translation>{text} ist keine Klientennummer.</translation>
    </message>
    <message>
        <source>{count} entries (newest first, at most 2000)</source>
        <translation>{count} Einträge (neueste zuerst, höchstens 2000)</translation>
    </message>
</context>
<context>
    <name>BackupTab</name>
    <message>
        <source>Backups</source>
        <translation>Datensicherung</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>Jetzt &amp;sichern</translation>
    </message>
    <message>
        <source>&amp;Check the database</source>
        <translation>Datenbank &amp;prüfen</translation>
    </message>
    <message>
        <source>&amp;Restore the selected backup…</source>
        <translation>Gewählte Sicherung &amp;wiederherstellen …</translation>
    </message>
    <message>
        <source>PostgreSQL: restore with pg_restore on the server (installation guide, docs/INSTALL.md: Restore for real)</source>
        <translation>PostgreSQL: mit pg_restore auf dem Server wiederherstellen (Installationsanleitung, docs/INSTALL.md: Restore for real)</translation>
    </message>
    <message>
        <source>Backups are made every day by themselves in: {folder}. Each is deleted on the date shown: daily backups after 7 days; weekly, manual, pre-update and replaced-database copies after 35 days. Erasures made after a backup are applied again after any restore.</source>
        <translation>Sicherungen entstehen jeden Tag von selbst in: {folder}. Jede wird am angezeigten Datum gelöscht: tägliche nach 7 Tagen; wöchentliche, manuelle, vor einer Aktualisierung und beim Zurückspielen ersetzte Datenbanken nach 35 Tagen. Löschungen nach einer Sicherung werden nach jedem Zurückspielen erneut ausgeführt.</translation>
    </message>
    <message>
        <source>Backup written: {file}</source>
        <translation>Sicherung geschrieben: {file}</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>Wird gesichert …</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Wird geprüft …</translation>
    </message>
    <message>
        <source>The database is in order (schema {revision}).</source>
        <translation>Die Datenbank ist in Ordnung (Schema {revision}).</translation>
    </message>
    <message>
        <source>The database is damaged: {details}</source>
        <translation>Die Datenbank ist beschädigt: {details}</translation>
    </message>
    <message>
        <source>Select a backup first.</source>
        <translation>Wählen Sie zuerst eine Sicherung aus.</translation>
    </message>
    <message>
        <source>Restore backup</source>
        <translation>Sicherung wiederherstellen</translation>
    </message>
    <message>
        <source>Replace the database with the backup of {time}? Everything entered since then is lost; the current database is kept beside the backups. desk closes afterwards; start it again. Other windows on this computer must be closed first.</source>
        <translation>Die Datenbank durch die Sicherung vom {time} ersetzen? Alles, was seitdem eingegeben wurde, geht verloren; die aktuelle Datenbank wird bei den Sicherungen aufbewahrt. desk wird danach geschlossen; starten Sie es neu. Andere desk-Fenster auf diesem Computer müssen vorher geschlossen werden.</translation>
    </message>
    <message>
        <source>&amp;Restore and close</source>
        <translation>&amp;Wiederherstellen und schließen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>This backup is {days} days old, older than the retention period of 35 days: it may hold data that should be gone. Erasures recorded since then are applied again after the restore. Restore it all the same?</source>
        <translation>Diese Sicherung ist {days} Tage alt, älter als die Aufbewahrungsfrist von 35 Tagen: Sie kann Daten enthalten, die gelöscht sein sollten. Seitdem verzeichnete Löschungen werden nach dem Zurückspielen erneut ausgeführt. Trotzdem zurückspielen?</translation>
    </message>
    <message>
        <source>Restore the &amp;old backup</source>
        <translation>&amp;Alte Sicherung zurückspielen</translation>
    </message>
    <message>
        <source>The backup was restored. desk closes now; start it again.</source>
        <translation>Die Sicherung wurde wiederhergestellt. desk wird jetzt geschlossen; starten Sie es neu.</translation>
    </message>
</context>
<context>
    <name>EraseDialog</name>
    <message>
        <source>Erase client</source>
        <translation>Klient*in löschen</translation>
    </message>
    <message>
        <source>Client {number} will be removed everywhere: card, appointments and visits lose every link to the person (anonymous statistics stay). This cannot be undone; a backup still holds the data until it is rotated away. Type the client number to confirm.</source>
        <translation>Klient*in {number} wird überall entfernt: Karteikarte, Termine und Besuche verlieren jeden Bezug zur Person (die anonyme Statistik bleibt). Das lässt sich nicht rückgängig machen; Datensicherungen enthalten die Daten noch, bis sie turnusgemäß gelöscht werden. Geben Sie zur Bestätigung die Klientennummer ein.</translation>
    </message>
    <message>
        <source>Client number to confirm</source>
        <translation>Klientennummer zur Bestätigung</translation>
    </message>
    <message>
        <source>&amp;Erase</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>New password</source>
        <translation>Neues Passwort</translation>
    </message>
    <message>
        <source>Repeat password</source>
        <translation>Passwort wiederholen</translation>
    </message>
    <message>
        <source>New &amp;password:</source>
        <translation>Neues &amp;Passwort:</translation>
    </message>
    <message>
        <source>&amp;Repeat:</source>
        <translation>&amp;Wiederholen:</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>New password for {name}:</source>
        <translation>Neues Passwort für {name}:</translation>
    </message>
    <message>
        <source>This password is valid once: at the next login {name} must choose their own, which you never learn.</source>
        <translation>Dieses Passwort gilt einmal: Bei der nächsten Anmeldung muss {name} ein eigenes wählen, das Sie nie erfahren.</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Die beiden Passwörter stimmen nicht überein.</translation>
    </message>
</context>
<context>
    <name>PrivacyTab</name>
    <message>
        <source>e.g. K-000042</source>
        <translation>z. B. K-000042</translation>
    </message>
    <message>
        <source>Client number</source>
        <translation>Klientennummer</translation>
    </message>
    <message>
        <source>E&amp;xport all data…</source>
        <translation>Alle Daten e&amp;xportieren …</translation>
    </message>
    <message>
        <source>&amp;Erase client…</source>
        <translation>Klient*in &amp;löschen …</translation>
    </message>
    <message>
        <source>Run the retention &amp;purge now</source>
        <translation>&amp;Bereinigung jetzt ausführen</translation>
    </message>
    <message>
        <source>Request for access or erasure (Art. 15 and 17 GDPR, DSG-EKD)</source>
        <translation>Auskunfts- oder Löschersuchen (Art. 15 und 17 DSGVO, DSG-EKD)</translation>
    </message>
    <message>
        <source>&amp;Client number:</source>
        <translation>&amp;Klientennummer:</translation>
    </message>
    <message>
        <source>Export writes a JSON file (complete) and a readable PDF with everything stored about the person, including who opened the card. Erasure removes the person everywhere; visits stay as anonymous statistics. Both are recorded in the audit log.</source>
        <translation>Der Export schreibt eine JSON-Datei (vollständig) und ein lesbares PDF mit allem, was über die Person gespeichert ist – auch, wer die Karteikarte geöffnet hat. Die Löschung entfernt die Person überall; Besuche bleiben als anonyme Statistik erhalten. Beides wird im Protokoll festgehalten.</translation>
    </message>
    <message>
        <source>Retention</source>
        <translation>Aufbewahrung</translation>
    </message>
    <message>
        <source>The purge runs every day by itself: visits older than {visits} months and appointments older than {appointments} months are anonymised, clients without contact for {clients} months are erased, room bookings older than {bookings} months are deleted, audit entries older than {audit} months are deleted. Change these in Settings.</source>
        <translation>Die Bereinigung läuft jeden Tag automatisch: Besuche älter als {visits} Monate und Termine älter als {appointments} Monate werden anonymisiert, Klient*innen ohne Kontakt seit {clients} Monaten werden gelöscht, Raumbuchungen älter als {bookings} Monate und Protokolleinträge älter als {audit} Monate werden gelöscht. Die Fristen ändern Sie unter Einstellungen.</translation>
    </message>
    <message>
        <source>Enter a client number (e.g. K-000042).</source>
        <translation>Geben Sie eine Klientennummer ein (z. B. K-000042).</translation>
    </message>
    <message>
        <source>Folder for the export</source>
        <translation>Ordner für den Export</translation>
    </message>
    <message>
        <source>Written: {json} and {pdf}</source>
        <translation>Geschrieben: {json} und {pdf}</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Wird exportiert …</translation>
    </message>
    <message>
        <source>Client {number} was erased.</source>
        <translation>Die Daten von Klient*in {number} wurden gelöscht.</translation>
    </message>
    <message>
        <source>Erasing…</source>
        <translation>Wird gelöscht …</translation>
    </message>
    <message>
        <source>Appointments still to come, now cancelled: {count}.</source>
        <translation>Noch anstehende Termine, jetzt abgesagt: {count}.</translation>
    </message>
    <message>
        <source>Another workstation kept reading, so the write-ahead log (desk.sqlite-wal) still holds the erased data. Run the purge again when the other workstations are idle (it also runs every morning).</source>
        <translation>Ein anderer Arbeitsplatz hat weiter gelesen, deshalb enthält das Write-Ahead-Log (desk.sqlite-wal) die gelöschten Daten noch. Führen Sie die Bereinigung erneut aus, wenn die anderen Arbeitsplätze ruhen (sie läuft außerdem jeden Morgen).</translation>
    </message>
    <message>
        <source>Purging…</source>
        <translation>Wird bereinigt …</translation>
    </message>
    <message>
        <source>Purge done: {visits} visits and {appointments} appointments anonymised, {clients} clients erased, {bookings} room bookings and {audit} audit entries deleted.</source>
        <translation>Bereinigung abgeschlossen: {visits} Besuche und {appointments} Termine anonymisiert, {clients} Klient*innen gelöscht, {bookings} Raumbuchungen und {audit} Protokolleinträge gelöscht.</translation>
    </message>
</context>
<context>
    <name>RemindersTab</name>
    <message>
        <source>Send appointment reminders</source>
        <translation>Terminerinnerungen senden</translation>
    </message>
    <message>
        <source>the working day before, at</source>
        <translation>am Arbeitstag davor um</translation>
    </message>
    <message>
        <source>Monday to Friday, not on a public holiday: a Monday appointment is reminded on Friday.</source>
        <translation>Montag bis Freitag, nicht an Feiertagen: an einen Termin am Montag wird am Freitag erinnert.</translation>
    </message>
    <message>
        <source> h before (0: no)</source>
        <translation> Std. vorher (0: nein)</translation>
    </message>
    <message>
        <source> SMS parts at most</source>
        <translation> SMS-Teile höchstens</translation>
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
        <source>Save sche&amp;dule</source>
        <translation>Zeit&amp;plan speichern</translation>
    </message>
    <message>
        <source>When and how</source>
        <translation>Wann und wie</translation>
    </message>
    <message>
        <source>Reminder:</source>
        <translation>Erinnerung:</translation>
    </message>
    <message>
        <source>and &amp;also:</source>
        <translation>und &amp;zusätzlich:</translation>
    </message>
    <message>
        <source>Channels:</source>
        <translation>Wege:</translation>
    </message>
    <message>
        <source>SMS &amp;budget:</source>
        <translation>SMS-&amp;Länge:</translation>
    </message>
    <message>
        <source>reviewed by a native speaker</source>
        <translation>von einer Muttersprachlerin / einem Muttersprachler geprüft</translation>
    </message>
    <message>
        <source>Save &amp;text</source>
        <translation>&amp;Text speichern</translation>
    </message>
    <message>
        <source>Texts per language</source>
        <translation>Texte je Sprache</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <source>Placeholders: {date} {time} {address} {phone} {code} (date, time and code are needed); {service} names the service - only if you want that. The address and the telephone number are set under Settings; a line whose placeholders are all empty is left out.</source>
        <translation>Platzhalter: {date} {time} {address} {phone} {code} (Datum, Uhrzeit und Code sind nötig); {service} nennt den Fachdienst – nur wenn Sie das wollen. Adresse und Telefonnummer stehen unter Einstellungen; eine Zeile, deren Platzhalter alle leer sind, entfällt.</translation>
    </message>
    <message>
        <source>&amp;SMS:</source>
        <translation>S&amp;MS:</translation>
    </message>
    <message>
        <source>E-mail s&amp;ubject:</source>
        <translation>E-Mail-&amp;Betreff:</translation>
    </message>
    <message>
        <source>E-mail te&amp;xt:</source>
        <translation>E-Mail-Te&amp;xt:</translation>
    </message>
    <message>
        <source>Example:</source>
        <translation>Beispiel:</translation>
    </message>
    <message>
        <source>not set up</source>
        <translation>nicht eingerichtet</translation>
    </message>
    <message>
        <source>This computer sends SMS: {sms}; e-mail: {email} (machine configuration {file}).</source>
        <translation>Dieser Rechner sendet SMS: {sms}; E-Mail: {email} (Rechner-Konfiguration {file}).</translation>
    </message>
    <message>
        <source> - not reviewed</source>
        <translation> – nicht geprüft</translation>
    </message>
    <message>
        <source>No reminders in the last {days} days.</source>
        <translation>Keine Erinnerungen in den letzten {days} Tagen.</translation>
    </message>
    <message>
        <source>{channel}, last {days} days: {sent} sent, {failed} failed, {unknown} unclear, {retry} to be tried again.</source>
        <translation>{channel}, letzte {days} Tage: {sent} verschickt, {failed} fehlgeschlagen, {unknown} unklar, {retry} werden erneut versucht.</translation>
    </message>
    <message>
        <source>Last error ({when}): {error}</source>
        <translation>Letzter Fehler ({when}): {error}</translation>
    </message>
    <message>
        <source>Unknown or broken placeholder.</source>
        <translation>Unbekannter oder kaputter Platzhalter.</translation>
    </message>
    <message>
        <source>{encoding}: {units} characters, {parts} SMS part(s) of at most {budget}; {left} left in this part</source>
        <translation>{encoding}: {units} Zeichen, {parts} SMS-Teil(e) von höchstens {budget}; {left} frei in diesem Teil</translation>
    </message>
    <message>
        <source>Schedule saved.</source>
        <translation>Zeitplan gespeichert.</translation>
    </message>
    <message>
        <source>Text saved ({language}).</source>
        <translation>Text gespeichert ({language}).</translation>
    </message>
</context>
<context>
    <name>RoomDialog</name>
    <message>
        <source>New room</source>
        <translation>Neuer Raum</translation>
    </message>
    <message>
        <source>Change room</source>
        <translation>Raum ändern</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Shown on the display as</source>
        <translation>Auf der Anzeige als</translation>
    </message>
    <message>
        <source>e.g. Büro 2 (short: also used in narrow calendar columns)</source>
        <translation>z. B. Büro 2 (kurz: auch für schmale Kalenderspalten)</translation>
    </message>
    <message>
        <source>&amp;Bookable in the room calendar</source>
        <translation>Im Raumkalender &amp;buchbar</translation>
    </message>
    <message>
        <source>&amp;Active</source>
        <translation>&amp;Aktiv</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Art:</translation>
    </message>
    <message>
        <source>Shown on the &amp;display as:</source>
        <translation>Auf der An&amp;zeige als:</translation>
    </message>
    <message>
        <source>A room that is no longer used is deactivated, never deleted: its bookings stay.</source>
        <translation>Ein Raum, der nicht mehr genutzt wird, wird deaktiviert, nie gelöscht: seine Buchungen bleiben.</translation>
    </message>
</context>
<context>
    <name>ServiceDialog</name>
    <message>
        <source>New service</source>
        <translation>Neuer Fachdienst</translation>
    </message>
    <message>
        <source>Change service</source>
        <translation>Fachdienst ändern</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Name in English</source>
        <translation>Name auf Englisch</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Kürzel</translation>
    </message>
    <message>
        <source>Ticket prefix</source>
        <translation>Nummernkürzel</translation>
    </message>
    <message>
        <source>Open consultation hours</source>
        <translation>Offene Sprechzeiten</translation>
    </message>
    <message>
        <source>e.g. Mo 09:00-12:00, Th 14:00-16:00</source>
        <translation>z. B. Mo 09:00-12:00, Do 14:00-16:00</translation>
    </message>
    <message>
        <source>&amp;Active (check-in possible)</source>
        <translation>&amp;Aktiv (Anmeldung möglich)</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>Name in &amp;English:</source>
        <translation>Name auf &amp;Englisch:</translation>
    </message>
    <message>
        <source>&amp;Code (reports):</source>
        <translation>&amp;Kürzel (Statistik):</translation>
    </message>
    <message>
        <source>&amp;Ticket prefix:</source>
        <translation>Nummern&amp;kürzel:</translation>
    </message>
    <message>
        <source>Open &amp;hours:</source>
        <translation>Sprech&amp;zeiten:</translation>
    </message>
    <message>
        <source>The ticket prefix is one letter that no other service uses. A service that is no longer offered is deactivated, never deleted: its visits stay in the statistics.</source>
        <translation>Das Nummernkürzel ist ein Buchstabe, den kein anderer Fachdienst nutzt. Ein Fachdienst, der nicht mehr angeboten wird, wird deaktiviert, nie gelöscht: seine Besuche bleiben in der Statistik.</translation>
    </message>
</context>
<context>
    <name>SettingsTab</name>
    <message>
        <source> min</source>
        <translation> Min.</translation>
    </message>
    <message>
        <source> months</source>
        <translation> Monate</translation>
    </message>
    <message>
        <source>Centre and desk</source>
        <translation>Zentrum und Empfang</translation>
    </message>
    <message>
        <source>&amp;Save settings</source>
        <translation>Einstellungen &amp;speichern</translation>
    </message>
    <message>
        <source>Nothing changed.</source>
        <translation>Nichts geändert.</translation>
    </message>
    <message>
        <source>{count} settings saved.</source>
        <translation>{count} Einstellungen gespeichert.</translation>
    </message>
</context>
<context>
    <name>SetupTab</name>
    <message>
        <source>Services</source>
        <translation>Fachdienste</translation>
    </message>
    <message>
        <source>Rooms</source>
        <translation>Räume</translation>
    </message>
    <message>
        <source>New &amp;service…</source>
        <translation>Neuer &amp;Fachdienst…</translation>
    </message>
    <message>
        <source>Change s&amp;ervice…</source>
        <translation>Fachdienst än&amp;dern…</translation>
    </message>
    <message>
        <source>Deactivate service</source>
        <translation>Fachdienst deaktivieren</translation>
    </message>
    <message>
        <source>New &amp;room…</source>
        <translation>Neuer &amp;Raum…</translation>
    </message>
    <message>
        <source>Change r&amp;oom…</source>
        <translation>Raum ä&amp;ndern…</translation>
    </message>
    <message>
        <source>Deactivate room</source>
        <translation>Raum deaktivieren</translation>
    </message>
    <message>
        <source>A person&apos;s room and services are set on the Accounts tab.</source>
        <translation>Raum und Fachdienste einer Person stehen auf der Registerkarte Konten.</translation>
    </message>
    <message>
        <source>Activate service</source>
        <translation>Fachdienst aktivieren</translation>
    </message>
    <message>
        <source>Activate room</source>
        <translation>Raum aktivieren</translation>
    </message>
    <message>
        <source>{services} services, {rooms} rooms</source>
        <translation>{services} Fachdienste, {rooms} Räume</translation>
    </message>
</context>
<context>
    <name>VerwaltungView</name>
    <message>
        <source>Accounts</source>
        <translation>Konten</translation>
    </message>
    <message>
        <source>Services and rooms</source>
        <translation>Fachdienste und Räume</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>Data protection</source>
        <translation>Datenschutz</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Datensicherung</translation>
    </message>
    <message>
        <source>Reminders</source>
        <translation>Erinnerungen</translation>
    </message>
</context>
<context>
    <name>dialog</name>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>verwaltung</name>
    <message>
        <source>Reception</source>
        <translation>Empfang</translation>
    </message>
    <message>
        <source>Counselling</source>
        <translation>Beratung</translation>
    </message>
    <message>
        <source>Head of department</source>
        <translation>Fachbereichsleitung</translation>
    </message>
    <message>
        <source>Display</source>
        <translation>Anzeige</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Fachdienste</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>deactivated</source>
        <translation>deaktiviert</translation>
    </message>
    <message>
        <source>active, 1 wrong password</source>
        <translation>aktiv, 1 falsches Passwort</translation>
    </message>
    <message>
        <source>active, {count} wrong passwords</source>
        <translation>aktiv, {count} falsche Passwörter</translation>
    </message>
    <message>
        <source>active</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <source>active, one-time password (own one not chosen yet)</source>
        <translation>aktiv, Einmalpasswort (noch kein eigenes gewählt)</translation>
    </message>
    <message>
        <source>taken over</source>
        <translation>übernommen</translation>
    </message>
    <message>
        <source>added</source>
        <translation>hinzugefügt</translation>
    </message>
    <message>
        <source>already there</source>
        <translation>schon vorhanden</translation>
    </message>
    <message>
        <source>appointment</source>
        <translation>Termin</translation>
    </message>
    <message>
        <source>appointments</source>
        <translation>Termine</translation>
    </message>
    <message>
        <source>appointments anonymised</source>
        <translation>Termine anonymisiert</translation>
    </message>
    <message>
        <source>at</source>
        <translation>um</translation>
    </message>
    <message>
        <source>log entries deleted</source>
        <translation>Protokolleinträge gelöscht</translation>
    </message>
    <message>
        <source>bookable</source>
        <translation>buchbar</translation>
    </message>
    <message>
        <source>bookings deleted</source>
        <translation>Buchungen gelöscht</translation>
    </message>
    <message>
        <source>cancelled because taken</source>
        <translation>abgesagt, weil belegt</translation>
    </message>
    <message>
        <source>seats</source>
        <translation>Plätze</translation>
    </message>
    <message>
        <source>clients erased</source>
        <translation>Personen gelöscht</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>geschlossen</translation>
    </message>
    <message>
        <source>code</source>
        <translation>Kürzel</translation>
    </message>
    <message>
        <source>consent</source>
        <translation>Einwilligung</translation>
    </message>
    <message>
        <source>continued as</source>
        <translation>fortgesetzt als</translation>
    </message>
    <message>
        <source>cut-off dates</source>
        <translation>Stichtage</translation>
    </message>
    <message>
        <source>date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>dates</source>
        <translation>Termine</translation>
    </message>
    <message>
        <source>day</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>shown on the display as</source>
        <translation>auf der Anzeige als</translation>
    </message>
    <message>
        <source>name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>ends</source>
        <translation>Ende</translation>
    </message>
    <message>
        <source>ends before</source>
        <translation>endet vor</translation>
    </message>
    <message>
        <source>erased client numbers</source>
        <translation>gelöschte Personennummern</translation>
    </message>
    <message>
        <source>wrong passwords in a row</source>
        <translation>falsche Passwörter in Folge</translation>
    </message>
    <message>
        <source>fields</source>
        <translation>Felder</translation>
    </message>
    <message>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>filled</source>
        <translation>ausgefüllt</translation>
    </message>
    <message>
        <source>format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>from</source>
        <translation>von</translation>
    </message>
    <message>
        <source>client of</source>
        <translation>Person von</translation>
    </message>
    <message>
        <source>open hours</source>
        <translation>Sprechzeiten</translation>
    </message>
    <message>
        <source>import line</source>
        <translation>Importzeile</translation>
    </message>
    <message>
        <source>card shown</source>
        <translation>gezeigte Karte</translation>
    </message>
    <message>
        <source>searched for</source>
        <translation>gesucht nach</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>importiert</translation>
    </message>
    <message>
        <source>interpreter</source>
        <translation>Dolmetscher*in</translation>
    </message>
    <message>
        <source>into</source>
        <translation>in</translation>
    </message>
    <message>
        <source>setting</source>
        <translation>Einstellung</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>linked to</source>
        <translation>verbunden mit</translation>
    </message>
    <message>
        <source>list</source>
        <translation>Liste</translation>
    </message>
    <message>
        <source>name in English</source>
        <translation>Name auf Englisch</translation>
    </message>
    <message>
        <source>new</source>
        <translation>neu</translation>
    </message>
    <message>
        <source>new visit</source>
        <translation>neuer Besuch</translation>
    </message>
    <message>
        <source>before</source>
        <translation>vorher</translation>
    </message>
    <message>
        <source>organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>by the slip&apos;s code</source>
        <translation>mit dem Code vom Terminzettel</translation>
    </message>
    <message>
        <source>at the kiosk</source>
        <translation>am Ticket-Automaten</translation>
    </message>
    <message>
        <source>public holidays left out</source>
        <translation>ausgelassene Feiertage</translation>
    </message>
    <message>
        <source>people</source>
        <translation>Personen</translation>
    </message>
    <message>
        <source>ticket prefix</source>
        <translation>Nummernkürzel</translation>
    </message>
    <message>
        <source>priority</source>
        <translation>Vorrang</translation>
    </message>
    <message>
        <source>reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>records</source>
        <translation>Datensätze</translation>
    </message>
    <message>
        <source>password hash renewed</source>
        <translation>Passwort-Hash erneuert</translation>
    </message>
    <message>
        <source>people waiting for them released to their service</source>
        <translation>für sie Wartende an ihren Fachdienst zurückgegeben</translation>
    </message>
    <message>
        <source>one-time password (the person chooses their own)</source>
        <translation>Einmalpasswort (die Person wählt ein eigenes)</translation>
    </message>
    <message>
        <source>with a one-time password</source>
        <translation>mit einem Einmalpasswort</translation>
    </message>
    <message>
        <source>replaced a one-time password</source>
        <translation>Einmalpasswort ersetzt</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>abgelehnt</translation>
    </message>
    <message>
        <source>reminder log entries deleted</source>
        <translation>Erinnerungsprotokoll-Einträge gelöscht</translation>
    </message>
    <message>
        <source>replaced file kept as</source>
        <translation>ersetzte Datei aufbewahrt als</translation>
    </message>
    <message>
        <source>reviewed</source>
        <translation>geprüft</translation>
    </message>
    <message>
        <source>role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>room</source>
        <translation>Raum</translation>
    </message>
    <message>
        <source>rows</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <source>repetition</source>
        <translation>Wiederholung</translation>
    </message>
    <message>
        <source>series</source>
        <translation>Serie</translation>
    </message>
    <message>
        <source>service</source>
        <translation>Fachdienst</translation>
    </message>
    <message>
        <source>services</source>
        <translation>Fachdienste</translation>
    </message>
    <message>
        <source>split from</source>
        <translation>abgeteilt von</translation>
    </message>
    <message>
        <source>counsellor</source>
        <translation>Berater*in</translation>
    </message>
    <message>
        <source>starts</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <source>tables</source>
        <translation>Tabellen</translation>
    </message>
    <message>
        <source>ticket</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <source>title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>to</source>
        <translation>an</translation>
    </message>
    <message>
        <source>to service</source>
        <translation>an Fachdienst</translation>
    </message>
    <message>
        <source>to counsellor</source>
        <translation>an Berater*in</translation>
    </message>
    <message>
        <source>undone</source>
        <translation>rückgängig gemacht</translation>
    </message>
    <message>
        <source>until</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>user name</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>visits</source>
        <translation>Besuche</translation>
    </message>
    <message>
        <source>visits anonymised</source>
        <translation>Besuche anonymisiert</translation>
    </message>
    <message>
        <source>waiting time (seconds)</source>
        <translation>Wartezeit (Sekunden)</translation>
    </message>
    <message>
        <source>cause</source>
        <translation>Ursache</translation>
    </message>
    <message>
        <source>client numbers</source>
        <translation>Klient*innen-Nummern</translation>
    </message>
    <message>
        <source>display calls deleted</source>
        <translation>Aufrufe der Anzeige gelöscht</translation>
    </message>
    <message>
        <source>erasures in the ledger</source>
        <translation>Löschungen im Löschverzeichnis</translation>
    </message>
    <message>
        <source>steps</source>
        <translation>Schritte</translation>
    </message>
    <message>
        <source>age (days)</source>
        <translation>Alter (Tage)</translation>
    </message>
    <message>
        <source>old backup confirmed</source>
        <translation>alte Sicherung bestätigt</translation>
    </message>
    <message>
        <source>erasures applied again</source>
        <translation>Löschungen erneut ausgeführt</translation>
    </message>
    <message>
        <source>entries redacted</source>
        <translation>Einträge geschwärzt</translation>
    </message>
    <message>
        <source>schema</source>
        <translation>Schema</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer*in</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Klient*in</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Workstation</source>
        <translation>Arbeitsplatz</translation>
    </message>
    <message>
        <source>(login screen)</source>
        <translation>(Anmeldebildschirm)</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>daily</source>
        <translation>täglich</translation>
    </message>
    <message>
        <source>waiting list</source>
        <translation>Warteliste</translation>
    </message>
    <message>
        <source>today&apos;s visits</source>
        <translation>heutige Besuche</translation>
    </message>
    <message>
        <source>today&apos;s appointments</source>
        <translation>heutige Termine</translation>
    </message>
    <message>
        <source>appointment calendar</source>
        <translation>Terminkalender</translation>
    </message>
    <message>
        <source>calendar export (ICS)</source>
        <translation>Kalender-Export (ICS)</translation>
    </message>
    <message>
        <source>reminder list</source>
        <translation>Erinnerungsliste</translation>
    </message>
    <message>
        <source>reminders that did not go out</source>
        <translation>nicht zugestellte Erinnerungen</translation>
    </message>
    <message>
        <source>reminders due (dry run, with addresses)</source>
        <translation>fällige Erinnerungen (Probelauf, mit Adressen)</translation>
    </message>
    <message>
        <source>search results</source>
        <translation>Suchergebnisse</translation>
    </message>
    <message>
        <source>possible duplicates</source>
        <translation>mögliche Doppelungen</translation>
    </message>
    <message>
        <source>reception card</source>
        <translation>Empfangskarte</translation>
    </message>
    <message>
        <source>weekly</source>
        <translation>wöchentlich</translation>
    </message>
    <message>
        <source>by hand</source>
        <translation>von Hand</translation>
    </message>
    <message>
        <source>before an update</source>
        <translation>vor einem Update</translation>
    </message>
    <message>
        <source>replaced by a restore</source>
        <translation>durch Wiederherstellung ersetzt</translation>
    </message>
    <message>
        <source>To be deleted on</source>
        <translation>Wird gelöscht am</translation>
    </message>
    <message>
        <source>not made by desk: kept</source>
        <translation>nicht von desk: bleibt</translation>
    </message>
    <message>
        <source>office</source>
        <translation>Büro</translation>
    </message>
    <message>
        <source>group room</source>
        <translation>Gruppenraum</translation>
    </message>
    <message>
        <source>kitchen</source>
        <translation>Küche</translation>
    </message>
    <message>
        <source>reception</source>
        <translation>Empfang</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Fachdienst</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Kürzel</translation>
    </message>
    <message>
        <source>Ticket prefix</source>
        <translation>Nummernkürzel</translation>
    </message>
    <message>
        <source>Open consultation hours</source>
        <translation>Offene Sprechzeiten</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Raum</translation>
    </message>
    <message>
        <source>Bookable</source>
        <translation>Buchbar</translation>
    </message>
    <message>
        <source>Shown on the display as</source>
        <translation>Auf der Anzeige als</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
</context>
</TS>
