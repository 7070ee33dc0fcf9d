<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>ConnectionDialog</name>
    <message>
        <source>The database server cannot be reached.</source>
        <translation>Der Datenbankserver ist nicht erreichbar.</translation>
    </message>
    <message>
        <source>The database server does not accept the user name or password.</source>
        <translation>Der Datenbankserver nimmt den Benutzernamen oder das Passwort nicht an.</translation>
    </message>
    <message>
        <source>There is no such database on the server.</source>
        <translation>Auf dem Server gibt es keine solche Datenbank.</translation>
    </message>
    <message>
        <source>The server requires an encrypted connection, or its certificate is not trusted.</source>
        <translation>Der Server verlangt eine verschlüsselte Verbindung, oder seinem Zertifikat wird nicht vertraut.</translation>
    </message>
    <message>
        <source>The database needs an upgrade by the administrator.</source>
        <translation>Die Datenbank muss vom Administrator aktualisiert werden.</translation>
    </message>
    <message>
        <source>The database is newer than this desk: install the newer desk on this PC.</source>
        <translation>Die Datenbank ist neuer als dieses desk: Bitte das neuere desk auf diesem PC installieren.</translation>
    </message>
    <message>
        <source>The database cannot be used.</source>
        <translation>Die Datenbank kann nicht benutzt werden.</translation>
    </message>
    <message>
        <source>desk – database</source>
        <translation>desk – Datenbank</translation>
    </message>
    <message>
        <source>Address: {address}</source>
        <translation>Adresse: {address}</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>&amp;Change address…</source>
        <translation>Adresse ä&amp;ndern …</translation>
    </message>
    <message>
        <source>For the head of department</source>
        <translation>Für die Fachbereichsleitung</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Another address (head of department)</source>
        <translation>Andere Adresse (Fachbereichsleitung)</translation>
    </message>
    <message>
        <source>New database address</source>
        <translation>Neue Datenbankadresse</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Adresse:</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Benutzername:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>&amp;Check and save</source>
        <translation>&amp;Prüfen und speichern</translation>
    </message>
    <message>
        <source>Saved in {path}.</source>
        <translation>Gespeichert in {path}.</translation>
    </message>
</context>
<context>
    <name>Crash</name>
    <message>
        <source>Something went wrong in desk. What you saved before is kept. If it happens again, tell your administrator and give them the details.</source>
        <translation>In desk ist ein Fehler aufgetreten. Was Sie vorher gespeichert haben, bleibt erhalten. Wenn es wieder passiert, sagen Sie es Ihrem Administrator und geben Sie ihm die Details.</translation>
    </message>
    <message>
        <source>The details are in the log file {path}.</source>
        <translation>Die Details stehen in der Protokolldatei {path}.</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>Details kopieren</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>No font for {scripts}: some names may show as boxes. Install the Noto fonts (see docs/ACCESSIBILITY.md).</source>
        <translation>Keine Schriftart für {scripts}: Manche Namen erscheinen womöglich als Kästchen. Bitte die Noto-Schriftarten installieren (siehe docs/ACCESSIBILITY.md).</translation>
    </message>
    <message>
        <source>This view is not available in this version.</source>
        <translation>Diese Ansicht ist in dieser Version nicht verfügbar.</translation>
    </message>
    <message>
        <source>Database not reachable, data may be stale: {message}</source>
        <translation>Datenbank nicht erreichbar, Daten evtl. veraltet: {message}</translation>
    </message>
    <message>
        <source>desk – reception and appointments</source>
        <translation>desk – Empfang und Termine</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About desk</source>
        <translation>Ü&amp;ber desk</translation>
    </message>
    <message>
        <source>Open the &amp;log folder</source>
        <translation>&amp;Protokollordner öffnen</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>&amp;First day at reception</source>
        <translation>&amp;Erster Tag am Empfang</translation>
    </message>
    <message>
        <source>Views</source>
        <translation>Ansichten</translation>
    </message>
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
        <translation>Leitung</translation>
    </message>
    <message>
        <source>Display</source>
        <translation>Anzeige</translation>
    </message>
    <message>
        <source>About desk</source>
        <translation>Über desk</translation>
    </message>
    <message>
        <source>desk {version}
Reception and appointment desk of the migration centre.
Database: {database}</source>
        <translation>desk {version}
Empfang und Terminverwaltung des Migrationszentrums.
Datenbank: {database}</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <source>&amp;Lock window</source>
        <translation>Fenster &amp;sperren</translation>
    </message>
    <message>
        <source>Lock the window ({shortcut})</source>
        <translation>Fenster sperren ({shortcut})</translation>
    </message>
    <message>
        <source>Log &amp;out</source>
        <translation>&amp;Abmelden</translation>
    </message>
    <message>
        <source>Change my &amp;password…</source>
        <translation>Eigenes &amp;Passwort ändern…</translation>
    </message>
    <message>
        <source>Your password was changed.</source>
        <translation>Ihr Passwort wurde geändert.</translation>
    </message>
    <message>
        <source>Your account was deactivated. You are logged out.</source>
        <translation>Ihr Konto wurde deaktiviert. Sie wurden abgemeldet.</translation>
    </message>
    <message>
        <source>Your role or services were changed. The window reopens with your new rights.</source>
        <translation>Ihre Rolle oder Ihre Fachdienste wurden geändert. Das Fenster öffnet sich neu mit Ihren neuen Rechten.</translation>
    </message>
    <message>
        <source>The daily backup failed: {reason}</source>
        <translation>Die tägliche Datensicherung ist fehlgeschlagen: {reason}</translation>
    </message>
    <message>
        <source>The database {database} is damaged ({reason}).</source>
        <translation>Die Datenbank {database} ist beschädigt ({reason}).</translation>
    </message>
    <message>
        <source>No good backup was found. Ask your administrator; on the command line: desk-admin check, desk-admin restore FILE.</source>
        <translation>Es wurde keine intakte Datensicherung gefunden. Wenden Sie sich an die Administration; auf der Kommandozeile: desk-admin check, desk-admin restore DATEI.</translation>
    </message>
    <message>
        <source>Restore the latest good backup {file}? The damaged file is kept. Changes since that backup are lost.</source>
        <translation>Die letzte intakte Datensicherung {file} wiederherstellen? Die beschädigte Datei bleibt erhalten. Änderungen seit dieser Sicherung gehen verloren.</translation>
    </message>
    <message>
        <source>&amp;Restore backup</source>
        <translation>Sicherung &amp;wiederherstellen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>The backup was restored. Start desk again.</source>
        <translation>Die Datensicherung wurde wiederhergestellt. Starten Sie desk neu.</translation>
    </message>
    <message>
        <source>A backup was restored. Before anyone can work, desk erased again the {count} client(s) erased after that backup (from the ledger of erasures): {numbers}. This is recorded in the audit log.</source>
        <translation>Eine Datensicherung wurde zurückgespielt. Bevor jemand arbeiten kann, hat desk die {count} Klient*innen, die nach dieser Sicherung gelöscht worden waren, erneut gelöscht (aus dem Löschverzeichnis): {numbers}. Das steht im Protokoll.</translation>
    </message>
</context>
<context>
    <name>WaitlistHooks</name>
    <message>
        <source>Silent &amp;alarm</source>
        <translation>Stiller &amp;Alarm</translation>
    </message>
    <message>
        <source>Silent alarm: calls colleagues to your room ({key})</source>
        <translation>Stiller Alarm: ruft Kolleg*innen in Ihren Raum ({key})</translation>
    </message>
    <message>
        <source>&amp;Waiting-room display</source>
        <translation>&amp;Wartezimmer-Anzeige</translation>
    </message>
    <message>
        <source>Open the waiting-room display ({key})</source>
        <translation>Wartezimmer-Anzeige öffnen ({key})</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>Quittieren</translation>
    </message>
    <message>
        <source>Acknowledge the alarm</source>
        <translation>Alarm quittieren</translation>
    </message>
    <message>
        <source>Sent.</source>
        <translation>Gesendet.</translation>
    </message>
    <message>
        <source>ALARM NOT SENT – call 110 / colleagues directly.</source>
        <translation>ALARM NICHT GESENDET – rufen Sie 110 / Kolleg*innen direkt.</translation>
    </message>
    <message>
        <source>ALARM in {room} – since {time}. Please go and help now.</source>
        <translation>ALARM in {room} – seit {time}. Bitte sofort hingehen und helfen.</translation>
    </message>
    <message>
        <source>End of day: {count} open visits closed as left.</source>
        <translation>Tagesabschluss: {count} offene Besuche als „gegangen“ geschlossen.</translation>
    </message>
</context>
<context>
    <name>audit</name>
    <message>
        <source>Absence entered</source>
        <translation>Abwesenheit eingetragen</translation>
    </message>
    <message>
        <source>Absence removed</source>
        <translation>Abwesenheit entfernt</translation>
    </message>
    <message>
        <source>Absences (all)</source>
        <translation>Abwesenheiten (alle)</translation>
    </message>
    <message>
        <source>Account changed</source>
        <translation>Konto geändert</translation>
    </message>
    <message>
        <source>Account created</source>
        <translation>Konto angelegt</translation>
    </message>
    <message>
        <source>Accounts (all)</source>
        <translation>Konten (alle)</translation>
    </message>
    <message>
        <source>Appointment booked</source>
        <translation>Termin gebucht</translation>
    </message>
    <message>
        <source>Appointment cancelled</source>
        <translation>Termin abgesagt</translation>
    </message>
    <message>
        <source>Appointment changed</source>
        <translation>Termin geändert</translation>
    </message>
    <message>
        <source>Appointment created</source>
        <translation>Termin angelegt</translation>
    </message>
    <message>
        <source>Appointment marked done</source>
        <translation>Termin als erledigt vermerkt</translation>
    </message>
    <message>
        <source>Appointment marked no-show</source>
        <translation>Termin als nicht erschienen vermerkt</translation>
    </message>
    <message>
        <source>Appointment moved</source>
        <translation>Termin verschoben</translation>
    </message>
    <message>
        <source>Appointments (all)</source>
        <translation>Termine (alle)</translation>
    </message>
    <message>
        <source>Back on the waiting list</source>
        <translation>Zurück auf die Warteliste</translation>
    </message>
    <message>
        <source>Backup made</source>
        <translation>Sicherung erstellt</translation>
    </message>
    <message>
        <source>Backup restored</source>
        <translation>Sicherung wiederhergestellt</translation>
    </message>
    <message>
        <source>Backups (all)</source>
        <translation>Sicherungen (alle)</translation>
    </message>
    <message>
        <source>Booking series split</source>
        <translation>Buchungsserie geteilt</translation>
    </message>
    <message>
        <source>Called</source>
        <translation>Aufgerufen</translation>
    </message>
    <message>
        <source>Called again</source>
        <translation>Erneut aufgerufen</translation>
    </message>
    <message>
        <source>Cancelled date restored</source>
        <translation>Abgesagter Termin wiederhergestellt</translation>
    </message>
    <message>
        <source>Check-in taken back</source>
        <translation>Anmeldung zurückgenommen</translation>
    </message>
    <message>
        <source>Checked in</source>
        <translation>Am Empfang angemeldet</translation>
    </message>
    <message>
        <source>Client attached to an anonymous ticket</source>
        <translation>Person einer anonymen Nummer zugeordnet</translation>
    </message>
    <message>
        <source>Client card opened</source>
        <translation>Karteikarte geöffnet</translation>
    </message>
    <message>
        <source>Client changed</source>
        <translation>Klient*in geändert</translation>
    </message>
    <message>
        <source>Client created</source>
        <translation>Klient*in angelegt</translation>
    </message>
    <message>
        <source>Client data exported</source>
        <translation>Daten exportiert (Auskunft)</translation>
    </message>
    <message>
        <source>Client erased</source>
        <translation>Klient*in gelöscht</translation>
    </message>
    <message>
        <source>Client list shown</source>
        <translation>Liste mit Klient*innen angezeigt</translation>
    </message>
    <message>
        <source>Client looked up by number</source>
        <translation>Person über Nummer aufgerufen</translation>
    </message>
    <message>
        <source>Client merged into another</source>
        <translation>Person mit anderer zusammengeführt</translation>
    </message>
    <message>
        <source>Client reminded of the appointment</source>
        <translation>An den Termin erinnert</translation>
    </message>
    <message>
        <source>Client searched by client number</source>
        <translation>Klient/in nach Klientennummer gesucht</translation>
    </message>
    <message>
        <source>Clients (all)</source>
        <translation>Klient*innen (alle)</translation>
    </message>
    <message>
        <source>Clients imported</source>
        <translation>Personen importiert</translation>
    </message>
    <message>
        <source>Clients merged</source>
        <translation>Klient*innen zusammengeführt</translation>
    </message>
    <message>
        <source>Colleague&apos;s client taken over</source>
        <translation>Person einer Kollegin/eines Kollegen übernommen</translation>
    </message>
    <message>
        <source>Daily backup</source>
        <translation>Tägliche Sicherung</translation>
    </message>
    <message>
        <source>Database files compacted</source>
        <translation>Datenbankdateien verdichtet</translation>
    </message>
    <message>
        <source>Did not come (no-show)</source>
        <translation>Nicht erschienen</translation>
    </message>
    <message>
        <source>End of day: open visits closed</source>
        <translation>Tagesende: offene Besuche geschlossen</translation>
    </message>
    <message>
        <source>Erasures applied again after a restore</source>
        <translation>Löschungen nach dem Zurückspielen erneut ausgeführt</translation>
    </message>
    <message>
        <source>Expired backups deleted</source>
        <translation>Abgelaufene Sicherungen gelöscht</translation>
    </message>
    <message>
        <source>First account created</source>
        <translation>Erstes Konto angelegt</translation>
    </message>
    <message>
        <source>Free text removed from the audit log (upgrade)</source>
        <translation>Freitext aus dem Protokoll entfernt (Aktualisierung)</translation>
    </message>
    <message>
        <source>Handed over</source>
        <translation>Weitervermittelt</translation>
    </message>
    <message>
        <source>Head of department&apos;s forgotten password recovered (desk-admin recover-head)</source>
        <translation>Vergessenes Passwort der Leitung wiederhergestellt (desk-admin recover-head)</translation>
    </message>
    <message>
        <source>Interpreter added</source>
        <translation>Dolmetscher*in hinzugefügt</translation>
    </message>
    <message>
        <source>Interpreter changed</source>
        <translation>Dolmetscher*in geändert</translation>
    </message>
    <message>
        <source>Interpreters (all)</source>
        <translation>Dolmetscher*innen (alle)</translation>
    </message>
    <message>
        <source>Kiosk language added or changed</source>
        <translation>Automaten-Sprache hinzugefügt oder geändert</translation>
    </message>
    <message>
        <source>Kiosk language removed</source>
        <translation>Automaten-Sprache entfernt</translation>
    </message>
    <message>
        <source>Kiosk: appointment check-in refused</source>
        <translation>Automat: Termin-Einchecken abgelehnt</translation>
    </message>
    <message>
        <source>Kiosk: wrong appointment code</source>
        <translation>Automat: falscher Termin-Code</translation>
    </message>
    <message>
        <source>Locking and unlocking (all)</source>
        <translation>Sperren und Entsperren (alle)</translation>
    </message>
    <message>
        <source>Logged in</source>
        <translation>Am Programm angemeldet</translation>
    </message>
    <message>
        <source>Login refused (waiting)</source>
        <translation>Anmeldung abgewiesen (Wartezeit)</translation>
    </message>
    <message>
        <source>Logins (all)</source>
        <translation>Anmeldungen (alle)</translation>
    </message>
    <message>
        <source>No-show taken back</source>
        <translation>Nicht-Erscheinen zurückgenommen</translation>
    </message>
    <message>
        <source>One date of a room booking cancelled</source>
        <translation>Ein Termin einer Raumbuchung abgesagt</translation>
    </message>
    <message>
        <source>One date of a room booking changed</source>
        <translation>Ein Termin einer Raumbuchung geändert</translation>
    </message>
    <message>
        <source>Open booking series extended</source>
        <translation>Offene Buchungsserie verlängert</translation>
    </message>
    <message>
        <source>Own password changed</source>
        <translation>Eigenes Passwort geändert</translation>
    </message>
    <message>
        <source>Own room chosen</source>
        <translation>Eigenen Raum gewählt</translation>
    </message>
    <message>
        <source>Participants entered</source>
        <translation>Teilnehmende eingetragen</translation>
    </message>
    <message>
        <source>Password reset</source>
        <translation>Passwort zurückgesetzt</translation>
    </message>
    <message>
        <source>Referred elsewhere</source>
        <translation>An Partnerorganisation verwiesen</translation>
    </message>
    <message>
        <source>Reminder consent or contact changed</source>
        <translation>Einwilligung oder Kontakt für Erinnerungen geändert</translation>
    </message>
    <message>
        <source>Reminder text changed</source>
        <translation>Erinnerungstext geändert</translation>
    </message>
    <message>
        <source>Reminder tick removed</source>
        <translation>Erinnerungshaken entfernt</translation>
    </message>
    <message>
        <source>Reminders (all)</source>
        <translation>Erinnerungen (alle)</translation>
    </message>
    <message>
        <source>Report exported</source>
        <translation>Bericht exportiert</translation>
    </message>
    <message>
        <source>Retention (all)</source>
        <translation>Aufbewahrung (alle)</translation>
    </message>
    <message>
        <source>Retention purge</source>
        <translation>Bereinigung</translation>
    </message>
    <message>
        <source>Role or services changed</source>
        <translation>Rolle oder Fachdienste geändert</translation>
    </message>
    <message>
        <source>Room booked</source>
        <translation>Raum gebucht</translation>
    </message>
    <message>
        <source>Room booking cancelled</source>
        <translation>Raumbuchung abgesagt</translation>
    </message>
    <message>
        <source>Room booking changed</source>
        <translation>Raumbuchung geändert</translation>
    </message>
    <message>
        <source>Room bookings (all)</source>
        <translation>Raumbuchungen (alle)</translation>
    </message>
    <message>
        <source>Room changed</source>
        <translation>Raum geändert</translation>
    </message>
    <message>
        <source>Room created</source>
        <translation>Raum angelegt</translation>
    </message>
    <message>
        <source>Rooms (all)</source>
        <translation>Räume (alle)</translation>
    </message>
    <message>
        <source>Self-service kiosk (all)</source>
        <translation>Ticket-Automat (alle)</translation>
    </message>
    <message>
        <source>Service changed</source>
        <translation>Fachdienst geändert</translation>
    </message>
    <message>
        <source>Service created</source>
        <translation>Fachdienst angelegt</translation>
    </message>
    <message>
        <source>Services (all)</source>
        <translation>Fachdienste (alle)</translation>
    </message>
    <message>
        <source>Session started</source>
        <translation>Gespräch begonnen</translation>
    </message>
    <message>
        <source>Setting changed</source>
        <translation>Einstellung geändert</translation>
    </message>
    <message>
        <source>Silent alarm (all)</source>
        <translation>Stiller Alarm (alle)</translation>
    </message>
    <message>
        <source>Silent alarm acknowledged</source>
        <translation>Stiller Alarm quittiert</translation>
    </message>
    <message>
        <source>Silent alarm raised</source>
        <translation>Stiller Alarm ausgelöst</translation>
    </message>
    <message>
        <source>Unlock refused (waiting)</source>
        <translation>Entsperren abgelehnt (Wartezeit)</translation>
    </message>
    <message>
        <source>Visit finished</source>
        <translation>Besuch abgeschlossen</translation>
    </message>
    <message>
        <source>Waiting list (all)</source>
        <translation>Warteliste (alle)</translation>
    </message>
    <message>
        <source>Waiting-list action undone</source>
        <translation>Wartelisten-Aktion rückgängig gemacht</translation>
    </message>
    <message>
        <source>Window locked</source>
        <translation>Fenster gesperrt</translation>
    </message>
    <message>
        <source>Window unlocked</source>
        <translation>Fenster entsperrt</translation>
    </message>
    <message>
        <source>Working hours set</source>
        <translation>Arbeitszeiten festgelegt</translation>
    </message>
    <message>
        <source>Write-ahead log not yet emptied after erasure</source>
        <translation>Write-Ahead-Log nach Löschung noch nicht geleert</translation>
    </message>
    <message>
        <source>Wrong old password when changing it</source>
        <translation>Falsches altes Passwort beim Ändern</translation>
    </message>
    <message>
        <source>Wrong password at unlock</source>
        <translation>Falsches Passwort beim Entsperren</translation>
    </message>
    <message>
        <source>Wrong password or user name</source>
        <translation>Falsches Passwort oder falscher Benutzername</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>An unexpected error occurred: {reason}</source>
        <translation>Ein unerwarteter Fehler ist aufgetreten: {reason}</translation>
    </message>
    <message>
        <source>Something unexpected went wrong; nothing was changed by this step. Please try again; if it happens again, tell the head of department (the details are below).</source>
        <translation>Etwas Unerwartetes ist schiefgegangen; dieser Schritt hat nichts verändert. Bitte noch einmal versuchen; wenn es wieder passiert, der Fachbereichsleitung Bescheid geben (die Einzelheiten stehen unter „Details“).</translation>
    </message>
    <message>
        <source>desk</source>
        <translation>desk</translation>
    </message>
    <message>
        <source>A brace {{ or }} is not closed: write placeholders like {{date}}.</source>
        <translation>Eine Klammer {{ oder }} ist nicht geschlossen: Platzhalter schreiben Sie wie {{date}}.</translation>
    </message>
    <message>
        <source>A new room is an office, a group room or a kitchen.</source>
        <translation>Ein neuer Raum ist ein Büro, ein Gruppenraum oder eine Küche.</translation>
    </message>
    <message>
        <source>A record cannot be merged with itself.</source>
        <translation>Ein Eintrag kann nicht mit sich selbst zusammengeführt werden.</translation>
    </message>
    <message>
        <source>A report covers at most {years} years.</source>
        <translation>Ein Bericht umfasst höchstens {years} Jahre.</translation>
    </message>
    <message>
        <source>A report covers days from {first} to {last}.</source>
        <translation>Ein Bericht umfasst Tage vom {first} bis zum {last}.</translation>
    </message>
    <message>
        <source>A room name longer than {max} characters does not fit the waiting-room display: please enter a shorter “{field}”.</source>
        <translation>Ein Raumname mit mehr als {max} Zeichen passt nicht auf die Wartezimmer-Anzeige: Bitte tragen Sie unter „{field}“ eine kürzere Bezeichnung ein.</translation>
    </message>
    <message>
        <source>A room named {name} already exists.</source>
        <translation>Einen Raum namens {name} gibt es schon.</translation>
    </message>
    <message>
        <source>A series has between 1 and {max} appointments.</source>
        <translation>Eine Serie hat zwischen 1 und {max} Terminen.</translation>
    </message>
    <message>
        <source>A series may run for at most five years.</source>
        <translation>Eine Serie darf höchstens fünf Jahre laufen.</translation>
    </message>
    <message>
        <source>A single booking may last at most {hours} hours; use a recurring booking for several days.</source>
        <translation>Eine einzelne Buchung darf höchstens {hours} Stunden dauern; für mehrere Tage bitte eine Serie anlegen.</translation>
    </message>
    <message>
        <source>An absence may last at most a year.</source>
        <translation>Eine Abwesenheit darf höchstens ein Jahr dauern.</translation>
    </message>
    <message>
        <source>An appointment may last at most {hours} hours.</source>
        <translation>Ein Termin darf höchstens {hours} Stunden dauern.</translation>
    </message>
    <message>
        <source>An appointment must end on the day it starts (not after midnight).</source>
        <translation>Ein Termin muss am selben Tag enden, an dem er beginnt (nicht nach Mitternacht).</translation>
    </message>
    <message>
        <source>An appointment must last at least {minutes} minutes.</source>
        <translation>Ein Termin muss mindestens {minutes} Minuten dauern.</translation>
    </message>
    <message>
        <source>An appointment that has not started yet cannot be marked as a no-show.</source>
        <translation>Ein Termin, der noch nicht begonnen hat, kann nicht als „nicht erschienen“ markiert werden.</translation>
    </message>
    <message>
        <source>An in-memory database cannot be backed up.</source>
        <translation>Eine Datenbank im Arbeitsspeicher kann nicht gesichert werden.</translation>
    </message>
    <message>
        <source>Appointment {id} does not exist (any more).</source>
        <translation>Termin {id} gibt es nicht (mehr).</translation>
    </message>
    <message>
        <source>At most {days} days of appointments can be exported at once.</source>
        <translation>Es können höchstens {days} Tage an Terminen auf einmal exportiert werden.</translation>
    </message>
    <message>
        <source>At most {days} days of appointments can be listed at once.</source>
        <translation>Es lassen sich höchstens {days} Tage Termine auf einmal auflisten.</translation>
    </message>
    <message>
        <source>Backups of the PostgreSQL database go only to the folder named in the machine configuration ([backup] folder in {path}); none is named there.</source>
        <translation>Sicherungen der PostgreSQL-Datenbank gehen nur in den Ordner, den die Rechnerkonfiguration nennt ([backup] folder in {path}); dort ist keiner genannt.</translation>
    </message>
    <message>
        <source>Backups of the PostgreSQL database go only to the folder named in the machine configuration ({path}), not to another one.</source>
        <translation>Sicherungen der PostgreSQL-Datenbank gehen nur in den Ordner, den die Rechnerkonfiguration nennt ({path}), in keinen anderen.</translation>
    </message>
    <message>
        <source>Both records have an open visit today. Close one of them first, then merge.</source>
        <translation>Beide Einträge haben heute einen offenen Besuch. Bitte zuerst einen davon abschließen, dann zusammenführen.</translation>
    </message>
    <message>
        <source>Centre name</source>
        <translation>Name des Zentrums</translation>
    </message>
    <message>
        <source>Choose a new password, not the one you have now.</source>
        <translation>Wählen Sie ein neues Passwort, nicht das bisherige.</translation>
    </message>
    <message>
        <source>Choose another service or a counsellor to hand over to.</source>
        <translation>Wählen Sie einen anderen Fachdienst oder eine Berater*in für die Übergabe.</translation>
    </message>
    <message>
        <source>Choose when reminders go out: the day before, or hours before, or both.</source>
        <translation>Wählen Sie, wann Erinnerungen verschickt werden: am Vortag, einige Stunden vorher oder beides.</translation>
    </message>
    <message>
        <source>Client {id} does not exist (any more).</source>
        <translation>Klient*in {id} existiert nicht (mehr).</translation>
    </message>
    <message>
        <source>Client {id} is checked in right now; finish the visit first.</source>
        <translation>Klient*in {id} ist gerade angemeldet; schließen Sie zuerst den Besuch ab.</translation>
    </message>
    <message>
        <source>Client {id} was merged into client {target}.</source>
        <translation>Klient*in {id} wurde mit {target} zusammengeführt.</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Kürzel</translation>
    </message>
    <message>
        <source>Consent date</source>
        <translation>Datum der Einwilligung</translation>
    </message>
    <message>
        <source>Consent to SMS reminders needs a mobile number.</source>
        <translation>Für die Einwilligung in SMS-Erinnerungen wird eine Handynummer gebraucht.</translation>
    </message>
    <message>
        <source>Consent to e-mail reminders needs an e-mail address.</source>
        <translation>Für die Einwilligung in E-Mail-Erinnerungen wird eine E-Mail-Adresse gebraucht.</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Geburtsdatum</translation>
    </message>
    <message>
        <source>Every date of this series falls on a public holiday; nothing was booked.</source>
        <translation>Alle Termine dieser Serie fallen auf Feiertage; es wurde nichts gebucht.</translation>
    </message>
    <message>
        <source>Every date of this series is already taken; nothing was booked.</source>
        <translation>Alle Termine dieser Serie sind schon belegt; es wurde nichts gebucht.</translation>
    </message>
    <message>
        <source>Everyone was called by others at the same moment; please try again.</source>
        <translation>Alle Wartenden wurden im selben Moment von anderen aufgerufen; bitte erneut versuchen.</translation>
    </message>
    <message>
        <source>Export either a counsellor&apos;s appointments or a series.</source>
        <translation>Bitte entweder die Termine einer Berater*in oder eine Serie exportieren.</translation>
    </message>
    <message>
        <source>Family name</source>
        <translation>Familienname</translation>
    </message>
    <message>
        <source>Give either an end date or a number of occurrences, not both.</source>
        <translation>Bitte entweder ein Enddatum oder eine Anzahl Termine angeben, nicht beides.</translation>
    </message>
    <message>
        <source>Given name</source>
        <translation>Vorname</translation>
    </message>
    <message>
        <source>Interpreter language</source>
        <translation>Sprache der Dolmetschung</translation>
    </message>
    <message>
        <source>Interpreter {id} does not exist (any more).</source>
        <translation>Dolmetscher*in {id} gibt es nicht (mehr).</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Sprachen</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Name (English)</source>
        <translation>Name (Englisch)</translation>
    </message>
    <message>
        <source>No backup was made: the backup folder {path} is not writable or full ({reason}).</source>
        <translation>Es wurde keine Sicherung erstellt: Der Sicherungsordner {path} ist schreibgeschützt oder voll ({reason}).</translation>
    </message>
    <message>
        <source>No backup was made: the backup folder {path} is not writable or full ({reason}). Free space or choose another folder.</source>
        <translation>Es wurde keine Sicherung erstellt: Der Sicherungsordner {path} ist schreibgeschützt oder voll ({reason}). Geben Sie Speicherplatz frei oder wählen Sie einen anderen Ordner.</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>Nothing was erased: the ledger of erasures {path} cannot be written ({reason}).</source>
        <translation>Nichts wurde gelöscht: Das Löschverzeichnis {path} kann nicht geschrieben werden ({reason}).</translation>
    </message>
    <message>
        <source>Only a booked appointment can be changed (this one is {status}).</source>
        <translation>Nur ein gebuchter Termin kann geändert werden (dieser ist {status}).</translation>
    </message>
    <message>
        <source>Only an appointment marked as a no-show can be taken back (this one is {status}).</source>
        <translation>Nur ein als nicht erschienen vermerkter Termin kann zurückgenommen werden (dieser ist {status}).</translation>
    </message>
    <message>
        <source>Opening hours: each block needs a weekday and a start before its end.</source>
        <translation>Öffnungszeiten: Jeder Block braucht einen Wochentag und einen Beginn vor seinem Ende.</translation>
    </message>
    <message>
        <source>Opening hours: in {part} the end must be after the start.</source>
        <translation>Öffnungszeiten: in „{part}“ muss das Ende nach dem Beginn liegen.</translation>
    </message>
    <message>
        <source>Opening hours: two blocks on the same day overlap.</source>
        <translation>Öffnungszeiten: Zwei Blöcke am selben Tag überschneiden sich.</translation>
    </message>
    <message>
        <source>Opening hours: {part} is not like &quot;Mo 09:00-12:00&quot;.</source>
        <translation>Öffnungszeiten: „{part}“ hat nicht die Form „Mo 09:00-12:00“.</translation>
    </message>
    <message>
        <source>Organiser</source>
        <translation>Veranstalter*in</translation>
    </message>
    <message>
        <source>Partner organisation</source>
        <translation>Partnerorganisation</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Place of residence</source>
        <translation>Wohnort</translation>
    </message>
    <message>
        <source>Please choose a service.</source>
        <translation>Bitte einen Fachdienst wählen.</translation>
    </message>
    <message>
        <source>Please choose the room you are calling into.</source>
        <translation>Bitte wählen Sie den Raum, in den Sie aufrufen.</translation>
    </message>
    <message>
        <source>Please enter a name.</source>
        <translation>Bitte einen Namen eingeben.</translation>
    </message>
    <message>
        <source>Please enter a title.</source>
        <translation>Bitte einen Titel eingeben.</translation>
    </message>
    <message>
        <source>Please enter at least a given name or a family name.</source>
        <translation>Bitte mindestens Vor- oder Familiennamen eingeben.</translation>
    </message>
    <message>
        <source>Please enter the code from the appointment slip, or the date of birth and the time.</source>
        <translation>Bitte geben Sie den Code vom Terminzettel ein, oder das Geburtsdatum und die Uhrzeit.</translation>
    </message>
    <message>
        <source>Please give a reason for the cancellation.</source>
        <translation>Bitte einen Grund für die Absage angeben.</translation>
    </message>
    <message>
        <source>Please give a reason for the urgent priority.</source>
        <translation>Bitte einen Grund für die Dringlichkeit angeben.</translation>
    </message>
    <message>
        <source>Please give dates as YYYY-MM-DD.</source>
        <translation>Bitte Datumsangaben als JJJJ-MM-TT angeben.</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Reception note</source>
        <translation>Notiz für den Empfang</translation>
    </message>
    <message>
        <source>Recovering a head of department&apos;s password needs the operating-system account that owns the database file, or on PostgreSQL the superuser or the database owner.</source>
        <translation>Das Passwort einer Leitung wiederherzustellen erfordert das Betriebssystem-Konto, dem die Datenbankdatei gehört, bei PostgreSQL den Superuser oder den Eigentümer der Datenbank.</translation>
    </message>
    <message>
        <source>Restore a PostgreSQL database with pg_restore on the server (installation guide, docs/INSTALL.md: Restore for real).</source>
        <translation>Eine PostgreSQL-Datenbank wird auf dem Server mit pg_restore wiederhergestellt (Installationsanleitung, docs/INSTALL.md: Restore for real).</translation>
    </message>
    <message>
        <source>Shown on the display as</source>
        <translation>Auf der Anzeige als</translation>
    </message>
    <message>
        <source>Something went wrong.</source>
        <translation>Etwas ist schiefgegangen.</translation>
    </message>
    <message>
        <source>Staff member {id} does not exist (any more).</source>
        <translation>Mitarbeiter*in {id} gibt es nicht (mehr).</translation>
    </message>
    <message>
        <source>Start and end need a time zone.</source>
        <translation>Beginn und Ende brauchen eine Zeitzone.</translation>
    </message>
    <message>
        <source>The PDF could not be written: {reason}</source>
        <translation>Die PDF-Datei konnte nicht geschrieben werden: {reason}</translation>
    </message>
    <message>
        <source>The SMS ({language}) needs {segments} parts ({encoding}, {units} characters); the budget is {budget}. Shorten the text.</source>
        <translation>Die SMS ({language}) braucht {segments} Teile ({encoding}, {units} Zeichen); erlaubt sind {budget}. Bitte kürzen Sie den Text.</translation>
    </message>
    <message>
        <source>The SMS is longer than the budget.</source>
        <translation>Die SMS ist länger als erlaubt.</translation>
    </message>
    <message>
        <source>The account does not exist (any more).</source>
        <translation>Das Konto gibt es nicht (mehr).</translation>
    </message>
    <message>
        <source>The address must name the database (…/desk).</source>
        <translation>Die Adresse muss die Datenbank nennen (…/desk).</translation>
    </message>
    <message>
        <source>The backup file {path} does not exist.</source>
        <translation>Die Sicherungsdatei {path} gibt es nicht.</translation>
    </message>
    <message>
        <source>The backup {path} failed its check ({reason}); it was not kept.</source>
        <translation>Die Sicherung {path} hat die Prüfung nicht bestanden ({reason}); sie wurde nicht behalten.</translation>
    </message>
    <message>
        <source>The backup {path} is damaged ({reason}). Nothing was changed. Try an older backup.</source>
        <translation>Die Sicherung {path} ist beschädigt ({reason}). Es wurde nichts geändert. Versuchen Sie eine ältere Sicherung.</translation>
    </message>
    <message>
        <source>The backup {path} is damaged; nothing was restored.</source>
        <translation>Die Datensicherung {path} ist beschädigt; es wurde nichts wiederhergestellt.</translation>
    </message>
    <message>
        <source>The backup {path} was made by a newer version of desk (schema {revision}). Nothing was changed.</source>
        <translation>Die Sicherung {path} stammt von einer neueren desk-Version (Schema {revision}). Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>The booking no longer exists.</source>
        <translation>Die Buchung existiert nicht mehr.</translation>
    </message>
    <message>
        <source>The code is 1 to 16 letters or digits.</source>
        <translation>Das Kürzel besteht aus 1 bis 16 Buchstaben oder Ziffern.</translation>
    </message>
    <message>
        <source>The code {code} is taken.</source>
        <translation>Das Kürzel {code} ist schon vergeben.</translation>
    </message>
    <message>
        <source>The configuration {path} cannot be used: {reason}</source>
        <translation>Die Konfiguration {path} kann nicht benutzt werden: {reason}</translation>
    </message>
    <message>
        <source>The consent date lies in the future.</source>
        <translation>Das Datum der Einwilligung liegt in der Zukunft.</translation>
    </message>
    <message>
        <source>The database address {url} is not valid. Examples: postgresql+psycopg://user@host:5432/desk or sqlite+pysqlite:////path/desk.sqlite</source>
        <translation>Die Datenbankadresse {url} ist ungültig. Beispiele: postgresql+psycopg://benutzer@server:5432/desk oder sqlite+pysqlite:////pfad/desk.sqlite</translation>
    </message>
    <message>
        <source>The database cannot be used.</source>
        <translation>Die Datenbank kann nicht benutzt werden.</translation>
    </message>
    <message>
        <source>The database file {path} cannot be read (permissions). Ask the administrator to give this user access, or start with another database.</source>
        <translation>Die Datenbankdatei {path} kann nicht gelesen werden (Berechtigungen). Bitten Sie die Administration um Zugriff für diesen Benutzer oder starten Sie mit einer anderen Datenbank.</translation>
    </message>
    <message>
        <source>The database file {path} does not exist.</source>
        <translation>Die Datenbankdatei {path} gibt es nicht.</translation>
    </message>
    <message>
        <source>The database file {path} is no longer there: was it moved, renamed or deleted? Nothing was saved. Put it back, or restore the latest backup with &apos;desk-admin restore&apos;; then start desk again.</source>
        <translation>Die Datenbankdatei {path} ist nicht mehr da: Wurde sie verschoben, umbenannt oder gelöscht? Es wurde nichts gespeichert. Legen Sie sie zurück oder stellen Sie die letzte Sicherung mit &apos;desk-admin restore&apos; wieder her; starten Sie desk dann neu.</translation>
    </message>
    <message>
        <source>The database file {path} or its folder is read-only. desk needs to write there (and to create the -wal file beside it). Fix the permissions or copy the file to a writable folder.</source>
        <translation>Die Datenbankdatei {path} oder ihr Ordner ist schreibgeschützt. desk muss dort schreiben (und daneben die -wal-Datei anlegen). Berechtigungen korrigieren oder die Datei in einen beschreibbaren Ordner kopieren.</translation>
    </message>
    <message>
        <source>The database is not reachable right now: {reason}</source>
        <translation>Die Datenbank ist gerade nicht erreichbar: {reason}</translation>
    </message>
    <message>
        <source>The database server {where} cannot be reached: {reason}. Check the network and that the server is running.</source>
        <translation>Der Datenbankserver {where} ist nicht erreichbar: {reason}. Bitte Netzwerk prüfen und ob der Server läuft.</translation>
    </message>
    <message>
        <source>The database server {where} has no database of that name. Check the address.</source>
        <translation>Auf dem Datenbankserver {where} gibt es keine Datenbank dieses Namens. Bitte die Adresse prüfen.</translation>
    </message>
    <message>
        <source>The database server {where} refused the login: wrong user name or password. The password comes from the password file (pgpass) of this Windows/Linux user.</source>
        <translation>Der Datenbankserver {where} hat die Anmeldung abgelehnt: Benutzername oder Passwort falsch. Das Passwort kommt aus der Passwortdatei (pgpass) dieses Windows-/Linux-Benutzers.</translation>
    </message>
    <message>
        <source>The database server {where} requires an encrypted connection, or its certificate is not trusted by this PC: {reason}</source>
        <translation>Der Datenbankserver {where} verlangt eine verschlüsselte Verbindung, oder dieser PC vertraut seinem Zertifikat nicht: {reason}</translation>
    </message>
    <message>
        <source>The database {path} is in use. Close desk on this computer first, then restore.</source>
        <translation>Die Datenbank {path} ist in Benutzung. Schließen Sie zuerst desk auf diesem Computer und stellen Sie dann wieder her.</translation>
    </message>
    <message>
        <source>The database {where} cannot be opened. Check that the folder exists and is writable.</source>
        <translation>Die Datenbank {where} kann nicht geöffnet werden. Prüfen Sie, ob der Ordner existiert und beschreibbar ist.</translation>
    </message>
    <message>
        <source>The database {where} could not be written or read (disk I/O error). Nothing was saved. Check the disk and the -wal/-shm files beside the database, then try again.</source>
        <translation>Die Datenbank {where} konnte nicht geschrieben oder gelesen werden (Ein-/Ausgabefehler der Festplatte). Es wurde nichts gespeichert. Bitte prüfen Sie die Festplatte und die Dateien -wal/-shm neben der Datenbank und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>The database {where} has schema {found}; this program needs {head}. The database role desk connects with may not change the schema (as it should be): the administrator upgrades it with &apos;desk-admin setup-server --database-url postgresql+psycopg://SUPERUSER@HOST/DATABASE&apos;.</source>
        <translation>Die Datenbank {where} hat das Schema {found}; dieses Programm braucht {head}. Die Datenbankrolle, mit der desk verbunden ist, darf das Schema nicht ändern (so ist es richtig): Die Administration aktualisiert es mit &apos;desk-admin setup-server --database-url postgresql+psycopg://SUPERUSER@HOST/DATENBANK&apos;.</translation>
    </message>
    <message>
        <source>The database {where} has schema {found}; this program upgrades it to {head} only after a backup, and backups of a PostgreSQL database go only to the [backup] folder of the machine configuration (desk-admin config show names the file). None is named there: name one, then upgrade again. Nothing was changed.</source>
        <translation>Die Datenbank {where} hat das Schema {found}; dieses Programm aktualisiert sie auf {head} erst nach einer Sicherung, und Sicherungen einer PostgreSQL-Datenbank gehen nur in den [backup]-Ordner der Rechner-Konfiguration (desk-admin config show nennt die Datei). Dort ist keiner eingetragen: bitte einen eintragen, dann erneut aktualisieren. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>The database {where} is damaged. Restore the latest backup with &apos;desk-admin restore&apos; (the damaged file is kept).</source>
        <translation>Die Datenbank {where} ist beschädigt. Stellen Sie die letzte Sicherung mit &apos;desk-admin restore&apos; wieder her (die beschädigte Datei bleibt erhalten).</translation>
    </message>
    <message>
        <source>The database {where} is locked by another program (a backup, a copy or a second desk on this file). Nothing was saved. Wait a moment or close that program, then try again.</source>
        <translation>Die Datenbank {where} ist von einem anderen Programm gesperrt (einer Sicherung, einer Kopie oder einem zweiten desk auf dieser Datei). Es wurde nichts gespeichert. Bitte einen Moment warten oder das andere Programm schließen, dann erneut versuchen.</translation>
    </message>
    <message>
        <source>The database {where} is read-only. Nothing was saved. Fix the permissions or free the disk, then try again.</source>
        <translation>Die Datenbank {where} ist schreibgeschützt. Es wurde nichts gespeichert. Berechtigungen korrigieren oder Speicherplatz freigeben, dann erneut versuchen.</translation>
    </message>
    <message>
        <source>The database {where} must be upgraded to this version of desk (schema {found} -&gt; {known}), which this account may not do. Ask the administrator to run &apos;desk-admin upgrade&apos;.</source>
        <translation>Die Datenbank {where} muss auf diese desk-Version aktualisiert werden (Schema {found} -&gt; {known}); dieses Konto darf das nicht. Bitte den Administrator, &apos;desk-admin upgrade&apos; auszuführen.</translation>
    </message>
    <message>
        <source>The database {where} reported an error: {reason}</source>
        <translation>Die Datenbank {where} meldet einen Fehler: {reason}</translation>
    </message>
    <message>
        <source>The database {where} was written by a newer version of desk (schema {found}); this program knows schema {known} at most. Install the newer version of desk.</source>
        <translation>Die Datenbank {where} wurde von einer neueren desk-Version geschrieben (Schema {found}); dieses Programm kennt höchstens Schema {known}. Bitte die neuere desk-Version installieren.</translation>
    </message>
    <message>
        <source>The date of birth {value} is more than 120 years ago.</source>
        <translation>Das Geburtsdatum {value} liegt mehr als 120 Jahre zurück.</translation>
    </message>
    <message>
        <source>The date of birth {value} lies in the future.</source>
        <translation>Das Geburtsdatum {value} liegt in der Zukunft.</translation>
    </message>
    <message>
        <source>The date {date} lies too far in the future.</source>
        <translation>Das Datum {date} liegt zu weit in der Zukunft.</translation>
    </message>
    <message>
        <source>The date {date} lies too far in the past.</source>
        <translation>Das Datum {date} liegt zu weit in der Vergangenheit.</translation>
    </message>
    <message>
        <source>The direction of the kiosk language {code} must be ltr or rtl.</source>
        <translation>Die Schreibrichtung der Automaten-Sprache {code} muss ltr oder rtl sein.</translation>
    </message>
    <message>
        <source>The disk holding {where} is full. Nothing was saved. Free some space and try again.</source>
        <translation>Der Datenträger von {where} ist voll. Es wurde nichts gespeichert. Bitte Speicherplatz freigeben und erneut versuchen.</translation>
    </message>
    <message>
        <source>The e-mail address is too long.</source>
        <translation>Die E-Mail-Adresse ist zu lang.</translation>
    </message>
    <message>
        <source>The end lies before the start.</source>
        <translation>Das Ende liegt vor dem Beginn.</translation>
    </message>
    <message>
        <source>The end must be after the start (the booking has no length).</source>
        <translation>Das Ende muss nach dem Beginn liegen (die Buchung hat keine Dauer).</translation>
    </message>
    <message>
        <source>The export could not be written to {path} ({reason}).</source>
        <translation>Der Export konnte nicht nach {path} geschrieben werden ({reason}).</translation>
    </message>
    <message>
        <source>The file {path} beside the database cannot be written (permissions, or a read-only disk). Nothing was saved; everything saved before is kept. Fix its permissions; do not delete it, it may hold the latest saved changes.</source>
        <translation>Die Datei {path} neben der Datenbank kann nicht geschrieben werden (Berechtigungen oder schreibgeschütztes Laufwerk). Es wurde nichts gespeichert; alles bisher Gespeicherte bleibt erhalten. Bitte die Berechtigungen korrigieren; die Datei nicht löschen, sie kann die zuletzt gespeicherten Änderungen enthalten.</translation>
    </message>
    <message>
        <source>The file {path} beside the database cannot be written (permissions, or a read-only disk). desk needs it to save. Fix its permissions; do not delete it, it may hold the latest saved changes.</source>
        <translation>Die Datei {path} neben der Datenbank kann nicht geschrieben werden (Berechtigungen oder schreibgeschütztes Laufwerk). desk braucht sie zum Speichern. Bitte die Berechtigungen korrigieren; die Datei nicht löschen, sie kann die zuletzt gespeicherten Änderungen enthalten.</translation>
    </message>
    <message>
        <source>The folder {path} for the database cannot be created ({reason}). Choose another place with --database-url or fix the folder&apos;s permissions.</source>
        <translation>Der Ordner {path} für die Datenbank kann nicht angelegt werden ({reason}). Wählen Sie mit --database-url einen anderen Ort oder korrigieren Sie die Berechtigungen.</translation>
    </message>
    <message>
        <source>The folder {path} is read-only; the database cannot be created there.</source>
        <translation>Der Ordner {path} ist schreibgeschützt; die Datenbank kann dort nicht angelegt werden.</translation>
    </message>
    <message>
        <source>The folder {path} of the database has become read-only (a read-only disk or share, or changed permissions). Nothing was saved; everything saved before is kept. Make the folder writable again, then try again.</source>
        <translation>Der Ordner {path} der Datenbank ist schreibgeschützt geworden (schreibgeschütztes Laufwerk oder Netzlaufwerk, oder geänderte Berechtigungen). Es wurde nichts gespeichert; alles bisher Gespeicherte bleibt erhalten. Bitte den Ordner wieder beschreibbar machen und es dann erneut versuchen.</translation>
    </message>
    <message>
        <source>The input is not valid.</source>
        <translation>Die Eingabe ist nicht gültig.</translation>
    </message>
    <message>
        <source>The interpreter {name} does not speak {language}.</source>
        <translation>{name} dolmetscht nicht in {language}.</translation>
    </message>
    <message>
        <source>The interpreter {name} is already booked at {time}. Next free slot: {suggestion}.</source>
        <translation>Dolmetscher*in {name} ist um {time} schon gebucht. Nächste freie Zeit: {suggestion}.</translation>
    </message>
    <message>
        <source>The interpreter {name} is no longer active.</source>
        <translation>Dolmetscher*in {name} ist nicht mehr aktiv.</translation>
    </message>
    <message>
        <source>The interval of a series is between 1 and 8 weeks.</source>
        <translation>Der Abstand einer Serie liegt zwischen 1 und 8 Wochen.</translation>
    </message>
    <message>
        <source>The kiosk could not check this in ({reason}).</source>
        <translation>Der Ticket-Automat konnte das nicht einchecken ({reason}).</translation>
    </message>
    <message>
        <source>The kiosk has no added language {code}.</source>
        <translation>Der Ticket-Automat hat keine hinzugefügte Sprache {code}.</translation>
    </message>
    <message>
        <source>The kiosk language {code} lacks these texts: {keys}.</source>
        <translation>Der Automaten-Sprache {code} fehlen diese Texte: {keys}.</translation>
    </message>
    <message>
        <source>The kiosk language {code} must be a JSON object.</source>
        <translation>Die Automaten-Sprache {code} muss ein JSON-Objekt sein.</translation>
    </message>
    <message>
        <source>The kiosk language {code} needs its name (in its own script).</source>
        <translation>Die Automaten-Sprache {code} braucht ihren Namen (in ihrer eigenen Schrift).</translation>
    </message>
    <message>
        <source>The kiosk language {code} needs its texts.</source>
        <translation>Die Automaten-Sprache {code} braucht ihre Texte.</translation>
    </message>
    <message>
        <source>The machine configuration {path} cannot be read: {reason}</source>
        <translation>Die Rechner-Konfiguration {path} kann nicht gelesen werden: {reason}</translation>
    </message>
    <message>
        <source>The number of occurrences must be between 1 and {max}.</source>
        <translation>Die Anzahl der Termine muss zwischen 1 und {max} liegen.</translation>
    </message>
    <message>
        <source>The number of participants must be between 0 and {max}.</source>
        <translation>Die Zahl der Teilnehmenden muss zwischen 0 und {max} liegen.</translation>
    </message>
    <message>
        <source>The number of people must be between 1 and {max}.</source>
        <translation>Die Personenzahl muss zwischen 1 und {max} liegen.</translation>
    </message>
    <message>
        <source>The number of seats must be between 0 and 500.</source>
        <translation>Die Zahl der Plätze muss zwischen 0 und 500 liegen.</translation>
    </message>
    <message>
        <source>The password must have at least {count} characters.</source>
        <translation>Das Passwort muss mindestens {count} Zeichen haben.</translation>
    </message>
    <message>
        <source>The password must not start or end with a space.</source>
        <translation>Das Passwort darf nicht mit einem Leerzeichen beginnen oder enden.</translation>
    </message>
    <message>
        <source>The period ends before it starts.</source>
        <translation>Der Zeitraum endet, bevor er beginnt.</translation>
    </message>
    <message>
        <source>The port {port} in the database address {url} is not a port (1 to 65535).</source>
        <translation>Der Port {port} in der Datenbankadresse {url} ist kein Port (1 bis 65535).</translation>
    </message>
    <message>
        <source>The program {name} was not found beside {folder}. Reinstall desk.</source>
        <translation>Das Programm {name} wurde nicht neben {folder} gefunden. Bitte desk neu installieren.</translation>
    </message>
    <message>
        <source>The record no longer exists.</source>
        <translation>Der Eintrag existiert nicht mehr.</translation>
    </message>
    <message>
        <source>The reminder contact belongs to the full client card: only the head of department and the counsellors of the client&apos;s services may see or change it.</source>
        <translation>Die Kontaktdaten für Erinnerungen gehören zur vollständigen Karteikarte: Nur die Fachbereichsleitung und die Berater*innen der Fachdienste dieser Person dürfen sie sehen oder ändern.</translation>
    </message>
    <message>
        <source>The request key is not valid.</source>
        <translation>Der Anfrageschlüssel ist ungültig.</translation>
    </message>
    <message>
        <source>The restore failed ({reason}); the database was left as it was.</source>
        <translation>Die Wiederherstellung ist fehlgeschlagen ({reason}); die Datenbank blieb unverändert.</translation>
    </message>
    <message>
        <source>The restored file {path} failed its check.</source>
        <translation>Die wiederhergestellte Datei {path} hat die Prüfung nicht bestanden.</translation>
    </message>
    <message>
        <source>The role prefix {prefix} must be letters, digits and _ (starting with a letter).</source>
        <translation>Das Rollen-Präfix {prefix} darf nur Buchstaben, Ziffern und _ enthalten (am Anfang ein Buchstabe).</translation>
    </message>
    <message>
        <source>The room no longer exists.</source>
        <translation>Den Raum gibt es nicht mehr.</translation>
    </message>
    <message>
        <source>The room {room} cannot be booked.</source>
        <translation>Der Raum {room} kann nicht gebucht werden.</translation>
    </message>
    <message>
        <source>The series ends before its first occurrence.</source>
        <translation>Die Serie endet vor ihrem ersten Termin.</translation>
    </message>
    <message>
        <source>The series {id} has no appointments.</source>
        <translation>Die Serie {id} hat keine Termine.</translation>
    </message>
    <message>
        <source>The setting {key} must be a list of at most {count} names.</source>
        <translation>Die Einstellung {key} muss eine Liste von höchstens {count} Namen sein.</translation>
    </message>
    <message>
        <source>The setting {key} must be a time of day (HH:MM).</source>
        <translation>Die Einstellung {key} muss eine Uhrzeit sein (HH:MM).</translation>
    </message>
    <message>
        <source>The setting {key} must be a whole number.</source>
        <translation>Die Einstellung {key} muss eine ganze Zahl sein.</translation>
    </message>
    <message>
        <source>The setting {key} must give weekdays 0 (Monday) to 6.</source>
        <translation>Die Einstellung {key} muss Wochentage von 0 (Montag) bis 6 angeben.</translation>
    </message>
    <message>
        <source>The setting {key} must give weekdays, start and end.</source>
        <translation>Die Einstellung {key} muss Wochentage, Beginn und Ende angeben.</translation>
    </message>
    <message>
        <source>The setting {key} must lie between {low} and {high}.</source>
        <translation>Die Einstellung {key} muss zwischen {low} und {high} liegen.</translation>
    </message>
    <message>
        <source>The setting {key} must name only {kinds}.</source>
        <translation>Die Einstellung {key} darf nur {kinds} nennen.</translation>
    </message>
    <message>
        <source>The setting {key}: the end must come after the start.</source>
        <translation>Einstellung {key}: Das Ende muss nach dem Beginn liegen.</translation>
    </message>
    <message>
        <source>The stored retention setting is not valid; set the retention again in Verwaltung before records are deleted.</source>
        <translation>Die gespeicherte Aufbewahrungsfrist ist ungültig; bitte in der Verwaltung neu einstellen, bevor Daten gelöscht werden.</translation>
    </message>
    <message>
        <source>The tea kitchen can only be booked together with the group room.</source>
        <translation>Die Teeküche kann nur zusammen mit dem Gruppenraum mitgebucht werden.</translation>
    </message>
    <message>
        <source>The text contains a broken character that cannot be saved. Please retype it.</source>
        <translation>Der Text enthält ein defektes Zeichen, das nicht gespeichert werden kann. Bitte geben Sie ihn neu ein.</translation>
    </message>
    <message>
        <source>The ticket prefix is one letter from A to Z.</source>
        <translation>Das Nummernkürzel ist ein Buchstabe von A bis Z.</translation>
    </message>
    <message>
        <source>The ticket prefix {prefix} is already used by {service}.</source>
        <translation>Das Nummernkürzel {prefix} ist schon an {service} vergeben.</translation>
    </message>
    <message>
        <source>The time {time} does not exist on {date} (the clocks go forward that night).</source>
        <translation>Die Uhrzeit {time} gibt es am {date} nicht (in dieser Nacht wird die Uhr vorgestellt).</translation>
    </message>
    <message>
        <source>The user name {name} is not valid: 2 to 40 characters, the letters a to z without umlauts or accents, digits, dot, dash or underscore, starting with a letter or digit.</source>
        <translation>Der Benutzername {name} ist nicht zulässig: 2 bis 40 Zeichen, die Buchstaben a bis z ohne Umlaute und Akzente, Ziffern, Punkt, Bindestrich oder Unterstrich, am Anfang ein Buchstabe oder eine Ziffer.</translation>
    </message>
    <message>
        <source>The user name {name} is not valid: 2 to 40 characters, the letters a to z without umlauts or accents, digits, dot, dash or underscore, starting with a letter or digit. Perhaps {suggestion}?</source>
        <translation>Der Benutzername {name} ist nicht zulässig: 2 bis 40 Zeichen, die Buchstaben a bis z ohne Umlaute und Akzente, Ziffern, Punkt, Bindestrich oder Unterstrich, am Anfang ein Buchstabe oder eine Ziffer. Vielleicht {suggestion}?</translation>
    </message>
    <message>
        <source>The user name {name} is taken.</source>
        <translation>Der Benutzername {name} ist bereits vergeben.</translation>
    </message>
    <message>
        <source>The waiting-time alarm must come after the warning ({minutes} min).</source>
        <translation>Die Warnung zur Wartezeit muss nach dem Hinweis kommen ({minutes} Min.).</translation>
    </message>
    <message>
        <source>The week of the month must be 1 to 4 or the last.</source>
        <translation>Die Woche im Monat muss 1 bis 4 oder die letzte sein.</translation>
    </message>
    <message>
        <source>The weekday must be between Monday and Sunday.</source>
        <translation>Der Wochentag muss zwischen Montag und Sonntag liegen.</translation>
    </message>
    <message>
        <source>The {what} text has no {{{name}}}: a reminder without it is no use.</source>
        <translation>Im Text „{what}“ fehlt {{{name}}}: ohne diese Angabe nützt die Erinnerung nichts.</translation>
    </message>
    <message>
        <source>The {what} text is too long.</source>
        <translation>Der Text „{what}“ ist zu lang.</translation>
    </message>
    <message>
        <source>The {what} text uses {{{name}}}, which desk does not know. Placeholders: {{date}} {{time}} {{address}} {{phone}} {{code}} {{service}}.</source>
        <translation>Der Text „{what}“ verwendet {{{name}}}, das desk nicht kennt. Platzhalter: {{date}} {{time}} {{address}} {{phone}} {{code}} {{service}}.</translation>
    </message>
    <message>
        <source>There are no reminder texts for the language {language}.</source>
        <translation>Für die Sprache {language} gibt es keine Erinnerungstexte.</translation>
    </message>
    <message>
        <source>There is already an account. Log in with it.</source>
        <translation>Es gibt bereits ein Konto. Melden Sie sich damit an.</translation>
    </message>
    <message>
        <source>There is no active head-of-department account {name}.</source>
        <translation>Es gibt kein aktives Leitungskonto {name}.</translation>
    </message>
    <message>
        <source>These texts of the kiosk language {code} are not text or too long: {keys}.</source>
        <translation>Diese Texte der Automaten-Sprache {code} sind kein Text oder zu lang: {keys}.</translation>
    </message>
    <message>
        <source>This account is deactivated. Ask the head of department.</source>
        <translation>Dieses Konto ist deaktiviert. Wenden Sie sich an die Fachbereichsleitung.</translation>
    </message>
    <message>
        <source>This appointment belongs to another client.</source>
        <translation>Dieser Termin gehört zu einer anderen Person.</translation>
    </message>
    <message>
        <source>This appointment does not exist (any more).</source>
        <translation>Diesen Termin gibt es nicht (mehr).</translation>
    </message>
    <message>
        <source>This appointment has already been cancelled.</source>
        <translation>Dieser Termin wurde bereits abgesagt.</translation>
    </message>
    <message>
        <source>This appointment is already checked in.</source>
        <translation>Dieser Termin ist bereits angemeldet.</translation>
    </message>
    <message>
        <source>This appointment is already closed.</source>
        <translation>Dieser Termin ist bereits abgeschlossen.</translation>
    </message>
    <message>
        <source>This appointment is not today.</source>
        <translation>Dieser Termin ist nicht heute.</translation>
    </message>
    <message>
        <source>This appointment was cancelled.</source>
        <translation>Dieser Termin wurde abgesagt.</translation>
    </message>
    <message>
        <source>This appointment was changed at another desk in the meantime. Please reload.</source>
        <translation>Dieser Termin wurde inzwischen an einem anderen Platz geändert. Bitte neu laden.</translation>
    </message>
    <message>
        <source>This backup is {days} days old, older than the retention period of {limit} days: it may hold data that should be gone. Only the head of department can restore it, confirming explicitly.</source>
        <translation>Diese Sicherung ist {days} Tage alt, älter als die Aufbewahrungsfrist von {limit} Tagen: Sie kann Daten enthalten, die gelöscht sein sollten. Nur die Leitung kann sie zurückspielen, mit ausdrücklicher Bestätigung.</translation>
    </message>
    <message>
        <source>This computer is a terminal server ({how}): every user must work on the one database named in the machine configuration {path} ([database] url). desk does not create a database of its own for each user. Ask the administrator to set it up (docs/INSTALL.md).</source>
        <translation>Dieser Rechner ist ein Terminalserver ({how}): Alle Benutzer arbeiten mit der einen Datenbank aus der Rechnerkonfiguration {path} ([database] url). desk legt nicht für jeden Benutzer eine eigene Datenbank an. Bitte den Administrator, das einzurichten (docs/INSTALL.md).</translation>
    </message>
    <message>
        <source>This conflicts with an existing entry.</source>
        <translation>Das überschneidet sich mit einem vorhandenen Eintrag.</translation>
    </message>
    <message>
        <source>This counsellor does not exist (any more).</source>
        <translation>Diese Berater*in gibt es nicht (mehr).</translation>
    </message>
    <message>
        <source>This date is cancelled; restore it before changing it.</source>
        <translation>Dieser Termin ist abgesagt; bitte erst wiederherstellen, dann ändern.</translation>
    </message>
    <message>
        <source>This is the last active head-of-department account; create another one first.</source>
        <translation>Dies ist das letzte aktive Konto der Fachbereichsleitung; legen Sie zuerst ein weiteres an.</translation>
    </message>
    <message>
        <source>This person already has an open visit (checked in at another desk).</source>
        <translation>Diese Person hat bereits einen offenen Besuch (an einem anderen Platz eingecheckt).</translation>
    </message>
    <message>
        <source>This person is reserved for another counsellor.</source>
        <translation>Diese Person ist für eine andere Beraterin oder einen anderen Berater vorgemerkt.</translation>
    </message>
    <message>
        <source>This record was changed by someone else in the meantime. Please reload it.</source>
        <translation>Dieser Eintrag wurde inzwischen von jemand anderem geändert. Bitte neu laden.</translation>
    </message>
    <message>
        <source>This recurrence rule is not supported: {rule}</source>
        <translation>Diese Wiederholungsregel wird nicht unterstützt: {rule}</translation>
    </message>
    <message>
        <source>This room does not exist (any more).</source>
        <translation>Diesen Raum gibt es nicht (mehr).</translation>
    </message>
    <message>
        <source>This service does not exist (any more).</source>
        <translation>Diesen Fachdienst gibt es nicht (mehr).</translation>
    </message>
    <message>
        <source>This service is not available for check-in.</source>
        <translation>Für diesen Fachdienst ist kein Einchecken möglich.</translation>
    </message>
    <message>
        <source>This session has no account.</source>
        <translation>Diese Sitzung hat kein Benutzerkonto.</translation>
    </message>
    <message>
        <source>This session has no account; log in again.</source>
        <translation>Diese Sitzung hat kein Benutzerkonto; melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>This session has no account; the room cannot be remembered.</source>
        <translation>Diese Sitzung hat kein Konto; der Raum kann nicht gespeichert werden.</translation>
    </message>
    <message>
        <source>This ticket does not exist (any more).</source>
        <translation>Diese Wartenummer gibt es nicht (mehr).</translation>
    </message>
    <message>
        <source>This time is already over ({wanted}–{end}): a booking can only be made, or moved, for a time that has not ended yet.</source>
        <translation>Diese Zeit ist schon vorbei ({wanted}–{end}): Eine Buchung kann nur für eine Zeit angelegt oder dorthin verschoben werden, die noch nicht zu Ende ist.</translation>
    </message>
    <message>
        <source>This visit does not exist (any more).</source>
        <translation>Diesen Besuch gibt es nicht (mehr).</translation>
    </message>
    <message>
        <source>This was already saved by an earlier attempt.</source>
        <translation>Das wurde bei einem früheren Versuch schon gespeichert.</translation>
    </message>
    <message>
        <source>Ticket prefix</source>
        <translation>Nummernkürzel</translation>
    </message>
    <message>
        <source>Ticket {ticket} already belongs to a client.</source>
        <translation>Die Nummer {ticket} gehört schon zu einer Person.</translation>
    </message>
    <message>
        <source>Ticket {ticket} has already been called; it can no longer be undone.</source>
        <translation>Wartenummer {ticket} wurde schon aufgerufen; die Anmeldung kann nicht mehr zurückgenommen werden.</translation>
    </message>
    <message>
        <source>Ticket {ticket} is already closed.</source>
        <translation>Die Nummer {ticket} ist schon abgeschlossen.</translation>
    </message>
    <message>
        <source>Ticket {ticket} was changed at another desk in the meantime. Please reload.</source>
        <translation>Die Nummer {ticket} wurde inzwischen an einem anderen Platz geändert. Bitte neu laden.</translation>
    </message>
    <message>
        <source>Ticket {ticket} was given out more than {minutes} minutes ago; it can no longer be undone here.</source>
        <translation>Wartenummer {ticket} wurde vor mehr als {minutes} Minuten vergeben; die Anmeldung kann hier nicht mehr zurückgenommen werden.</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Too many wrong passwords. Wait {seconds} seconds, then try again.</source>
        <translation>Zu viele falsche Passwörter. Warten Sie {seconds} Sekunden und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>Unknown role.</source>
        <translation>Unbekannte Rolle.</translation>
    </message>
    <message>
        <source>Unknown setting {key}.</source>
        <translation>Unbekannte Einstellung {key}.</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>User name or password is wrong.</source>
        <translation>Benutzername oder Passwort ist falsch.</translation>
    </message>
    <message>
        <source>Working hours must end after they start ({start}–{end}).</source>
        <translation>Arbeitszeiten müssen nach ihrem Beginn enden ({start}–{end}).</translation>
    </message>
    <message>
        <source>Working hours on one day must not overlap ({start}–{end}).</source>
        <translation>Arbeitszeiten an einem Tag dürfen sich nicht überschneiden ({start}–{end}).</translation>
    </message>
    <message>
        <source>Wrong password.</source>
        <translation>Falsches Passwort.</translation>
    </message>
    <message>
        <source>Wrong password. Wait {seconds} seconds before the next try.</source>
        <translation>Falsches Passwort. Warten Sie {seconds} Sekunden bis zum nächsten Versuch.</translation>
    </message>
    <message>
        <source>Wrong user name or password.</source>
        <translation>Benutzername oder Passwort ist falsch.</translation>
    </message>
    <message>
        <source>Wrong user name or password. Wait {seconds} seconds before the next try.</source>
        <translation>Benutzername oder Passwort ist falsch. Warten Sie {seconds} Sekunden bis zum nächsten Versuch.</translation>
    </message>
    <message>
        <source>Your account was changed meanwhile (role or deactivation); this is no longer allowed. Log in again.</source>
        <translation>Ihr Konto wurde inzwischen geändert (Rolle oder Deaktivierung); das ist nicht mehr erlaubt. Melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>Your password was reset meanwhile. Log out, then log in with the new password.</source>
        <translation>Ihr Passwort wurde inzwischen zurückgesetzt. Melden Sie sich ab und dann mit dem neuen Passwort an.</translation>
    </message>
    <message>
        <source>Your password was set by the head of department and is valid only once. Choose your own password first (log in at desk).</source>
        <translation>Ihr Passwort hat die Fachbereichsleitung gesetzt; es gilt nur einmal. Wählen Sie zuerst Ihr eigenes Passwort (Anmeldung in desk).</translation>
    </message>
    <message>
        <source>Your role ({role}) may not do this ({permission}).</source>
        <translation>Als {role} dürfen Sie das nicht: {permission}.</translation>
    </message>
    <message>
        <source>Your role may not do this.</source>
        <translation>Ihre Rolle darf das nicht.</translation>
    </message>
    <message>
        <source>desk works with SQLite or PostgreSQL, not {backend}.</source>
        <translation>desk arbeitet mit SQLite oder PostgreSQL, nicht mit {backend}.</translation>
    </message>
    <message>
        <source>pg_dump failed: {reason}</source>
        <translation>pg_dump ist fehlgeschlagen: {reason}</translation>
    </message>
    <message>
        <source>pg_dump was not found on this computer. Install the PostgreSQL client tools, or back up on the server with: pg_dump -Fc -f desk.dump DATABASE (installation guide, docs/INSTALL.md: Backups of the PostgreSQL database).</source>
        <translation>pg_dump wurde auf diesem Computer nicht gefunden. Installieren Sie die PostgreSQL-Client-Programme oder sichern Sie auf dem Server mit: pg_dump -Fc -f desk.dump DATENBANK (Installationsanleitung, docs/INSTALL.md: Backups of the PostgreSQL database).</translation>
    </message>
    <message>
        <source>setup-server needs a superuser&apos;s connection (e.g. postgres).</source>
        <translation>setup-server braucht die Verbindung eines Superusers (z. B. postgres).</translation>
    </message>
    <message>
        <source>setup-server works on PostgreSQL only; a single PC with SQLite needs no server roles.</source>
        <translation>setup-server arbeitet nur mit PostgreSQL; ein einzelner PC mit SQLite braucht keine Serverrollen.</translation>
    </message>
    <message>
        <source>{address} has no @: an e-mail address looks like name@example.org.</source>
        <translation>{address} enthält kein @: eine E-Mail-Adresse sieht aus wie name@example.org.</translation>
    </message>
    <message>
        <source>{address} has no domain after the @ (like example.org).</source>
        <translation>{address} hat nach dem @ keine Domain (wie example.org).</translation>
    </message>
    <message>
        <source>{address} has nothing before the @.</source>
        <translation>{address} hat nichts vor dem @.</translation>
    </message>
    <message>
        <source>{address} is not a valid e-mail address.</source>
        <translation>{address} ist keine gültige E-Mail-Adresse.</translation>
    </message>
    <message>
        <source>{code} is not a language code (use e.g. ar, fa, uk).</source>
        <translation>{code} ist kein Sprachkürzel (z. B. ar, fa, uk).</translation>
    </message>
    <message>
        <source>{counsellor} already has an appointment at {time}. Next free slot: {suggestion}.</source>
        <translation>{counsellor} hat um {time} schon einen Termin. Nächste freie Zeit: {suggestion}.</translation>
    </message>
    <message>
        <source>{counsellor} is absent on {date}. Next free slot: {suggestion}.</source>
        <translation>{counsellor} ist am {date} abwesend. Nächste freie Zeit: {suggestion}.</translation>
    </message>
    <message>
        <source>{date} is a public holiday ({holiday}): the centre is closed. Next free slot: {suggestion}.</source>
        <translation>Der {date} ist ein Feiertag ({holiday}): das Zentrum ist geschlossen. Nächste freie Zeit: {suggestion}.</translation>
    </message>
    <message>
        <source>{field} contains invisible control characters. Please retype it.</source>
        <translation>{field} enthält unsichtbare Steuerzeichen. Bitte neu eingeben.</translation>
    </message>
    <message>
        <source>{field} contains only invisible characters. Please retype it.</source>
        <translation>{field} enthält nur unsichtbare Zeichen. Bitte neu eingeben.</translation>
    </message>
    <message>
        <source>{field} is too long ({length} characters; at most {max} are allowed).</source>
        <translation>{field} ist zu lang ({length} Zeichen; höchstens {max} sind erlaubt).</translation>
    </message>
    <message>
        <source>{field} must not be empty.</source>
        <translation>{field} darf nicht leer sein.</translation>
    </message>
    <message>
        <source>{field}: expected text.</source>
        <translation>{field}: Text erwartet.</translation>
    </message>
    <message>
        <source>{field}: {text} is not a date (use DD/MM/YYYY).</source>
        <translation>{field}: {text} ist kein Datum (bitte TT.MM.JJJJ).</translation>
    </message>
    <message>
        <source>{names} can reset this password in Verwaltung (Accounts). Recovery is only for a centre whose only head of department is locked out.</source>
        <translation>{names} kann dieses Passwort in der Verwaltung (Konten) zurücksetzen. Die Wiederherstellung ist nur für eine Stelle gedacht, deren einzige Leitung sich ausgesperrt hat.</translation>
    </message>
    <message>
        <source>{name} does not work in this service; choose a counsellor of it.</source>
        <translation>{name} arbeitet nicht in diesem Fachdienst; bitte eine Beraterin oder einen Berater dieses Fachdienstes wählen.</translation>
    </message>
    <message>
        <source>{name} is already checked in: ticket {ticket} is in a session since {time}.</source>
        <translation>{name} ist bereits angemeldet: Wartenummer {ticket} ist seit {time} Uhr im Gespräch.</translation>
    </message>
    <message>
        <source>{name} is already checked in: ticket {ticket} was called at {time} to {room}.</source>
        <translation>{name} ist bereits angemeldet: Wartenummer {ticket} wurde um {time} Uhr in {room} aufgerufen.</translation>
    </message>
    <message>
        <source>{name} is already checked in: ticket {ticket} was called at {time}.</source>
        <translation>{name} ist bereits angemeldet: Wartenummer {ticket} wurde um {time} Uhr aufgerufen.</translation>
    </message>
    <message>
        <source>{name} is already checked in: ticket {ticket}, waiting since {time}.</source>
        <translation>{name} ist bereits angemeldet: Wartenummer {ticket}, wartet seit {time} Uhr.</translation>
    </message>
    <message>
        <source>{name} is not in the list of partner organisations.</source>
        <translation>{name} steht nicht in der Liste der Partnerorganisationen.</translation>
    </message>
    <message>
        <source>{number} is not a mobile number: an SMS cannot reach it.</source>
        <translation>{number} ist keine Handynummer: eine SMS kommt dort nicht an.</translation>
    </message>
    <message>
        <source>{number} is not a phone number.</source>
        <translation>{number} ist keine Telefonnummer.</translation>
    </message>
    <message>
        <source>{number} is not a valid phone number.</source>
        <translation>{number} ist keine gültige Telefonnummer.</translation>
    </message>
    <message>
        <source>{path} is a folder, not a database file. Choose a file name with --database-url.</source>
        <translation>{path} ist ein Ordner, keine Datenbankdatei. Wählen Sie mit --database-url einen Dateinamen.</translation>
    </message>
    <message>
        <source>{path} is not a backup of this application (missing: {missing}). Nothing was changed.</source>
        <translation>{path} ist keine Sicherung dieser Anwendung (es fehlt: {missing}). Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>{path} is not a desk database (it is not an SQLite file). Choose the right file, or restore a backup with &apos;desk-admin restore&apos;.</source>
        <translation>{path} ist keine desk-Datenbank (keine SQLite-Datei). Wählen Sie die richtige Datei oder stellen Sie eine Sicherung mit &apos;desk-admin restore&apos; wieder her.</translation>
    </message>
    <message>
        <source>{room} is already booked on {conflicts} of the {total} dates: {dates}. The first: {date} {start}–{end}, “{title}” (organiser: {organiser}).</source>
        <translation>{room} ist an {conflicts} der {total} Termine schon belegt: {dates}. Zuerst am {date} von {start} bis {end}: „{title}“ (Veranstalter*in: {organiser}).</translation>
    </message>
    <message>
        <source>{room} is already booked on {date} {start}–{end}: “{title}” (organiser: {organiser}). Next free slot: {suggestion}.</source>
        <translation>{room} ist am {date} von {start} bis {end} schon belegt: „{title}“ (Veranstalter*in: {organiser}). Nächster freier Termin: {suggestion}.</translation>
    </message>
    <message>
        <source>{room} is already booked on {date} {start}–{end}: “{title}” (organiser: {organiser}). No free time of this length in the next weeks.</source>
        <translation>{room} ist am {date} von {start} bis {end} schon belegt: „{title}“ (Veranstalter*in: {organiser}). In den nächsten Wochen ist keine freie Zeit dieser Länge.</translation>
    </message>
    <message>
        <source>{room} is still booked ({count} dates from now on, the first on {date}). Move or cancel those dates in the room calendar first.</source>
        <translation>{room} ist noch belegt ({count} Belegungen ab jetzt, die erste am {date}). Verlegen Sie diese Belegungen im Raumkalender oder sagen Sie sie ab; danach lässt sich der Raum abschalten.</translation>
    </message>
    <message>
        <source>{service} still has booked appointments ({count}, the first on {date}): clients could not be checked in for them. Move or cancel them in the appointments view first.</source>
        <translation>{service} hat noch gebuchte Termine ({count}, der erste am {date}): Für diese Termine könnte niemand eingecheckt werden. Verlegen Sie sie unter „Termine“ oder sagen Sie sie ab; danach lässt sich der Fachdienst deaktivieren.</translation>
    </message>
    <message>
        <source>{text} is not a date (use DD.MM.YYYY or YYYY-MM-DD).</source>
        <translation>{text} ist kein Datum (bitte TT.MM.JJJJ oder JJJJ-MM-TT).</translation>
    </message>
    <message>
        <source>{text} is not a time range like 09:00-12:00.</source>
        <translation>{text} ist kein Zeitraum wie 09:00-12:00.</translation>
    </message>
    <message>
        <source>{text} is not a valid date.</source>
        <translation>{text} ist kein gültiges Datum.</translation>
    </message>
    <message>
        <source>{ticket} is reserved for {name}; take over deliberately if you want to call.</source>
        <translation>{ticket} ist für {name} vorgemerkt; zum Aufrufen bitte bewusst übernehmen.</translation>
    </message>
    <message>
        <source>{ticket} is {status} now; this is not possible any more.</source>
        <translation>{ticket} ist jetzt im Status „{status}“; das ist nicht mehr möglich.</translation>
    </message>
    <message>
        <source>{ticket} was already called by {name} ({room}).</source>
        <translation>{ticket} wurde bereits von {name} aufgerufen ({room}).</translation>
    </message>
    <message>
        <source>{ticket} was changed at another workstation in the meantime; nothing was undone.</source>
        <translation>{ticket} wurde inzwischen an einem anderen Arbeitsplatz geändert; nichts wurde rückgängig gemacht.</translation>
    </message>
    <message>
        <source>{ticket} was changed at another workstation; the hand-over can no longer be undone.</source>
        <translation>{ticket} wurde an einem anderen Arbeitsplatz geändert; die Übergabe kann nicht mehr rückgängig gemacht werden.</translation>
    </message>
    <message>
        <source>{ticket} was changed by {name} in the meantime ({status}).</source>
        <translation>{ticket} wurde inzwischen von {name} geändert ({status}).</translation>
    </message>
    <message>
        <source>{ticket}: too late to undo (more than {minutes} minutes ago).</source>
        <translation>{ticket}: zu spät zum Rückgängigmachen (mehr als {minutes} Minuten her).</translation>
    </message>
    <message>
        <source>{time} is outside the working hours of {counsellor}. Next free slot: {suggestion}.</source>
        <translation>{time} liegt außerhalb der Arbeitszeit von {counsellor}. Nächste freie Zeit: {suggestion}.</translation>
    </message>
    <message>
        <source>{where}: host and sender are needed.</source>
        <translation>{where}: host und sender werden gebraucht.</translation>
    </message>
    <message>
        <source>{where}: provider must be one of {known}.</source>
        <translation>{where}: provider muss einer von {known} sein.</translation>
    </message>
    <message>
        <source>{where}: security must be &quot;starttls&quot; or &quot;tls&quot; (never plain text).</source>
        <translation>{where}: security muss &quot;starttls&quot; oder &quot;tls&quot; sein (nie unverschlüsselt).</translation>
    </message>
    <message>
        <source>{where}: the environment variable {var} is empty.</source>
        <translation>{where}: die Umgebungsvariable {var} ist leer.</translation>
    </message>
    <message>
        <source>{where}: the {name} file {path} cannot be read ({reason}).</source>
        <translation>{where}: die Datei für {name}, {path}, kann nicht gelesen werden ({reason}).</translation>
    </message>
    <message>
        <source>{where}: write the {name} into a file and name it as {name}_file (or an environment variable as {name}_env), not into the configuration.</source>
        <translation>{where}: schreiben Sie {name} in eine eigene Datei und nennen Sie sie als {name}_file (oder eine Umgebungsvariable als {name}_env), nicht in die Konfiguration.</translation>
    </message>
</context>
<context>
    <name>permissions</name>
    <message>
        <source>reception</source>
        <translation>Empfang</translation>
    </message>
    <message>
        <source>counselling</source>
        <translation>Beratung</translation>
    </message>
    <message>
        <source>head of department</source>
        <translation>Fachbereichsleitung</translation>
    </message>
    <message>
        <source>waiting-room display</source>
        <translation>Wartezimmer-Anzeige</translation>
    </message>
    <message>
        <source>self-service kiosk</source>
        <translation>Ticket-Automat</translation>
    </message>
    <message>
        <source>log in</source>
        <translation>sich anmelden</translation>
    </message>
    <message>
        <source>change your own account</source>
        <translation>das eigene Konto ändern</translation>
    </message>
    <message>
        <source>see services, rooms and staff</source>
        <translation>Fachdienste, Räume und Mitarbeitende sehen</translation>
    </message>
    <message>
        <source>search for clients</source>
        <translation>Personen suchen</translation>
    </message>
    <message>
        <source>open the reception card</source>
        <translation>die Empfangs-Karteikarte öffnen</translation>
    </message>
    <message>
        <source>open the full client card</source>
        <translation>die vollständige Karteikarte öffnen</translation>
    </message>
    <message>
        <source>create or change client cards</source>
        <translation>Karteikarten anlegen oder ändern</translation>
    </message>
    <message>
        <source>merge client cards</source>
        <translation>Karteikarten zusammenführen</translation>
    </message>
    <message>
        <source>check people in</source>
        <translation>Personen anmelden</translation>
    </message>
    <message>
        <source>see the waiting list</source>
        <translation>die Warteliste sehen</translation>
    </message>
    <message>
        <source>close the day at closing time</source>
        <translation>den Tag zur Schließzeit abschließen</translation>
    </message>
    <message>
        <source>call people, hand them over or close their visit</source>
        <translation>Personen aufrufen, weitervermitteln oder ihren Besuch abschließen</translation>
    </message>
    <message>
        <source>see appointments</source>
        <translation>Termine sehen</translation>
    </message>
    <message>
        <source>book appointments</source>
        <translation>Termine buchen</translation>
    </message>
    <message>
        <source>manage working hours, absences and appointment series</source>
        <translation>Arbeitszeiten, Abwesenheiten und Terminserien verwalten</translation>
    </message>
    <message>
        <source>manage interpreters</source>
        <translation>Dolmetscher*innen verwalten</translation>
    </message>
    <message>
        <source>see the room calendar</source>
        <translation>den Raumkalender sehen</translation>
    </message>
    <message>
        <source>book rooms</source>
        <translation>Räume buchen</translation>
    </message>
    <message>
        <source>raise the silent alarm</source>
        <translation>den stillen Alarm auslösen</translation>
    </message>
    <message>
        <source>acknowledge the silent alarm</source>
        <translation>den stillen Alarm quittieren</translation>
    </message>
    <message>
        <source>produce statistics and reports</source>
        <translation>Statistik und Berichte erstellen</translation>
    </message>
    <message>
        <source>read the audit log</source>
        <translation>das Protokoll lesen</translation>
    </message>
    <message>
        <source>manage accounts</source>
        <translation>Konten verwalten</translation>
    </message>
    <message>
        <source>change settings, services and rooms</source>
        <translation>Einstellungen, Fachdienste und Räume ändern</translation>
    </message>
    <message>
        <source>export a person&apos;s data</source>
        <translation>die Daten einer Person exportieren</translation>
    </message>
    <message>
        <source>erase a person&apos;s data</source>
        <translation>die Daten einer Person löschen</translation>
    </message>
    <message>
        <source>purge old data</source>
        <translation>alte Daten bereinigen</translation>
    </message>
    <message>
        <source>make or restore backups</source>
        <translation>Sicherungen erstellen oder zurückspielen</translation>
    </message>
    <message>
        <source>show the waiting-room display</source>
        <translation>die Wartezimmer-Anzeige zeigen</translation>
    </message>
    <message>
        <source>give out tickets at the self-service kiosk</source>
        <translation>am Ticket-Automaten Nummern ausgeben</translation>
    </message>
</context>
<context>
    <name>settings</name>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Adresse:</translation>
    </message>
    <message>
        <source>&amp;Closing time:</source>
        <translation>&amp;Schließzeit:</translation>
    </message>
    <message>
        <source>&amp;Inactive clients (then erased):</source>
        <translation>&amp;Inaktive Klient*innen (danach gelöscht):</translation>
    </message>
    <message>
        <source>&amp;Lock the window after idle:</source>
        <translation>Fenster bei Inaktivität &amp;sperren nach:</translation>
    </message>
    <message>
        <source>&amp;Partner organisations (one per line):</source>
        <translation>&amp;Partnerorganisationen (eine pro Zeile):</translation>
    </message>
    <message>
        <source>&amp;Telephone:</source>
        <translation>Te&amp;lefon:</translation>
    </message>
    <message>
        <source>&amp;Visits (then anonymised):</source>
        <translation>&amp;Besuche (danach anonymisiert):</translation>
    </message>
    <message>
        <source>Appoint&amp;ments (then anonymised):</source>
        <translation>&amp;Termine (danach anonymisiert):</translation>
    </message>
    <message>
        <source>Au&amp;dit log (at least 6):</source>
        <translation>Pr&amp;otokoll (mindestens 6):</translation>
    </message>
    <message>
        <source>Centre &amp;name:</source>
        <translation>&amp;Name des Zentrums:</translation>
    </message>
    <message>
        <source>Group room opening hours (reports):</source>
        <translation>Öffnungszeiten des Gruppenraums (Berichte):</translation>
    </message>
    <message>
        <source>Reports: hide counts &amp;below:</source>
        <translation>Berichte: Fallzahlen &amp;unter diesem Wert ausblenden:</translation>
    </message>
    <message>
        <source>Retention (months after the last contact)</source>
        <translation>Aufbewahrung (Monate nach dem letzten Kontakt)</translation>
    </message>
    <message>
        <source>Room &amp;bookings (then deleted):</source>
        <translation>&amp;Raumbuchungen (danach gelöscht):</translation>
    </message>
    <message>
        <source>Waiting: &amp;alarm after:</source>
        <translation>Wartezeit: &amp;Warnung nach:</translation>
    </message>
    <message>
        <source>Waiting: &amp;warning after:</source>
        <translation>Wartezeit: &amp;Hinweis nach:</translation>
    </message>
</context>
<context>
    <name>views</name>
    <message>
        <source>Reception</source>
        <translation>Empfang</translation>
    </message>
    <message>
        <source>Waiting list</source>
        <translation>Warteliste</translation>
    </message>
    <message>
        <source>Appointments</source>
        <translation>Termine</translation>
    </message>
    <message>
        <source>Room calendar</source>
        <translation>Raumkalender</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>Statistik</translation>
    </message>
    <message>
        <source>Administration</source>
        <translation>Verwaltung</translation>
    </message>
</context>
</TS>
