<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
    <context>
        <name>cli</name>
        <message>
            <source>  (sentences replaced)</source>
            <translation>  (Sätze ersetzt)</translation>
        </message>
        <message>
            <source>  line {line}: {reason}</source>
            <translation>  Zeile {line}: {reason}</translation>
        </message>
        <message>
            <source> (none)</source>
            <translation> (keine)</translation>
        </message>
        <message>
            <source>%(prog)s: error: %(message)s
</source>
            <translation>%(prog)s: Fehler: %(message)s
</translation>
        </message>
        <message>
            <source>(not set)</source>
            <translation>(nicht gesetzt)</translation>
        </message>
        <message>
            <source>, {count} SMS part(s)</source>
            <translation>, {count} SMS-Teil(e)</translation>
        </message>
        <message>
            <source>--at only goes with --dry-run (real reminders go out at the real time)</source>
            <translation>--at geht nur zusammen mit --dry-run (echte Erinnerungen gehen zur echten Zeit hinaus)</translation>
        </message>
        <message>
            <source>ACTION</source>
            <translation>AKTION</translation>
        </message>
        <message>
            <source>Adds staff (password 'demo'), clients with names in several scripts, visits, appointments and room bookings spread over YEARS years up to today. Defaults per year: 5,000 clients, 30,000 visits, 2,000 appointments, 1,000 room bookings.</source>
            <translation>Legt Mitarbeitende (Passwort 'demo'), Klient/innen mit Namen in mehreren Schriften, Besuche, Termine und Raumbuchungen an, verteilt über YEARS Jahre bis heute. Vorgaben je Jahr: 5.000 Klient/innen, 30.000 Besuche, 2.000 Termine, 1.000 Raumbuchungen.</translation>
        </message>
        <message>
            <source>Administration of the desk application.</source>
            <translation>Verwaltung der Anwendung desk.</translation>
        </message>
        <message>
            <source>Builds (or with --reuse, reuses) a synthetic database of realistic shape - by default 10 years, 50,000 clients, 300,000 visits - under the data directory, or uses --database-url (PostgreSQL: an EMPTY database you can spare). It refuses a database with real accounts. The figures are printed in English, as docs/PERFORMANCE.md quotes them.</source>
            <translation>Baut (oder mit --reuse: verwendet wieder) eine synthetische Datenbank realistischer Form - als Vorgabe 10 Jahre, 50.000 Klient/innen, 300.000 Besuche - im Datenordner, oder verwendet --database-url (PostgreSQL: eine LEERE Datenbank, die entbehrlich ist). Eine Datenbank mit echten Konten wird abgelehnt. Die Messwerte werden auf Englisch ausgegeben, wie docs/PERFORMANCE.md sie zitiert.</translation>
        </message>
        <message>
            <source>CODE</source>
            <translation>KÜRZEL</translation>
        </message>
        <message>
            <source>COMMAND</source>
            <translation>BEFEHL</translation>
        </message>
        <message>
            <source>Columns (header row): given_name and family_name, optional date_of_birth (DD.MM.YYYY or YYYY-MM-DD), phone, language, residence (the place, e.g. Balingen). A row identical to a client already there is not imported twice; each rejected row is named with its line and reason, and then the exit status is 1.</source>
            <translation>Spalten (Kopfzeile): given_name und family_name, freiwillig date_of_birth (TT.MM.JJJJ oder JJJJ-MM-TT), phone, language, residence (der Wohnort, z. B. Balingen). Eine Zeile, die einer vorhandenen Person in allem gleicht, wird nicht doppelt eingelesen; jede abgelehnte Zeile wird mit Zeilennummer und Grund genannt, und der Rückgabewert ist dann 1.</translation>
        </message>
        <message>
            <source>DAMAGED: restore the latest good backup with 'desk-admin restore FILE' (desk-admin backups lists them)</source>
            <translation>BESCHÄDIGT: Bitte die letzte gute Sicherung mit 'desk-admin restore DATEI' wiederherstellen (desk-admin backups listet sie auf)</translation>
        </message>
        <message>
            <source>EMPTY: this file holds no desk database (no schema). Choose the right file, or restore a backup with 'desk-admin restore FILE'.</source>
            <translation>LEER: Diese Datei enthält keine desk-Datenbank (kein Schema). Bitte die richtige Datei wählen oder eine Sicherung mit 'desk-admin restore DATEI' wiederherstellen.</translation>
        </message>
        <message>
            <source>Each command says more with: desk-admin COMMAND --help. Commands that show or change personal data, accounts, settings or backups log in as a head of department (asked, or --user and --password-file). Exit status 0: done; any other: refused or failed, with the reason printed (details in the log: 'desk-admin config show' names its folder). Installing, configuring, backups and restores: docs/INSTALL.md.</source>
            <translation>Mehr zu jedem Befehl: desk-admin BEFEHL --help. Befehle, die personenbezogene Daten, Konten, Einstellungen oder Sicherungen zeigen oder ändern, melden sich als Fachbereichsleitung an (wird abgefragt, oder --user und --password-file). Rückgabewert 0: erledigt; jeder andere: abgelehnt oder fehlgeschlagen, der Grund wird ausgegeben (Einzelheiten im Protokoll: 'desk-admin config show' nennt seinen Ordner). Installieren, Einrichten, Sicherungen und Wiederherstellen: docs/INSTALL.md.</translation>
        </message>
        <message>
            <source>English name</source>
            <translation>englischer Name</translation>
        </message>
        <message>
            <source>Erase client {number} everywhere? This cannot be undone. [y/N] </source>
            <translation>Klient/in {number} überall löschen? Das kann nicht rückgängig gemacht werden. [j/N] </translation>
        </message>
        <message>
            <source>FILE</source>
            <translation>DATEI</translation>
        </message>
        <message>
            <source>FOLDER</source>
            <translation>ORDNER</translation>
        </message>
        <message>
            <source>German name</source>
            <translation>deutscher Name</translation>
        </message>
        <message>
            <source>N must be between 1 and 1000</source>
            <translation>N muss zwischen 1 und 1000 liegen</translation>
        </message>
        <message>
            <source>NAME</source>
            <translation>NAME</translation>
        </message>
        <message>
            <source>NEW</source>
            <translation>NEU</translation>
        </message>
        <message>
            <source>NEWER: this database was written by a newer version of desk (schema {revision}); this program cannot open it. Install the newer version of desk on this computer.</source>
            <translation>NEUER: Diese Datenbank wurde von einer neueren Version von desk geschrieben (Schema {revision}); dieses Programm kann sie nicht öffnen. Bitte die neuere Version von desk auf diesem Computer installieren.</translation>
        </message>
        <message>
            <source>No reminders in the last {days} day(s).</source>
            <translation>Keine Erinnerungen in den letzten {days} Tag(en).</translation>
        </message>
        <message>
            <source>Nothing is due now.</source>
            <translation>Jetzt ist nichts fällig.</translation>
        </message>
        <message>
            <source>PostgreSQL: create the owner, application and display roles (and the kiosk's), then migrate and seed (superuser connection)</source>
            <translation>PostgreSQL: die Rollen für Eigentümer, Anwendung und Anzeige (und die des Kiosks) anlegen, dann migrieren und befüllen (Verbindung als Superuser)</translation>
        </message>
        <message>
            <source>QUERY</source>
            <translation>SUCHE</translation>
        </message>
        <message>
            <source>Reminders are switched off (Verwaltung &gt; Erinnerungen). Nothing is sent.</source>
            <translation>Erinnerungen sind ausgeschaltet (Verwaltung &gt; Erinnerungen). Es wird nichts verschickt.</translation>
        </message>
        <message>
            <source>SMS:    {channel}</source>
            <translation>SMS:    {channel}</translation>
        </message>
        <message>
            <source>The file {path} cannot be read: {reason}</source>
            <translation>Die Datei {path} kann nicht gelesen werden: {reason}</translation>
        </message>
        <message>
            <source>The file {path} is empty.</source>
            <translation>Die Datei {path} ist leer.</translation>
        </message>
        <message>
            <source>The file {path} is not UTF-8 text (line {line}). Save it as CSV UTF-8 and try again.</source>
            <translation>Die Datei {path} ist kein UTF-8-Text (Zeile {line}). Bitte als „CSV UTF-8“ speichern und noch einmal versuchen.</translation>
        </message>
        <message>
            <source>The folder {folder} cannot be written (permissions); nothing was written.</source>
            <translation>In den Ordner {folder} darf nicht geschrieben werden (Berechtigungen); es wurde nichts geschrieben.</translation>
        </message>
        <message>
            <source>The folder {folder} does not exist; nothing was written.</source>
            <translation>Den Ordner {folder} gibt es nicht; es wurde nichts geschrieben.</translation>
        </message>
        <message>
            <source>The header row of {path} lacks the column(s) {columns} (needed: given_name,family_name; optional: date_of_birth,phone,language,residence).</source>
            <translation>In der Kopfzeile von {path} fehlt/fehlen die Spalte(n) {columns} (nötig: given_name,family_name; freiwillig: date_of_birth,phone,language,residence).</translation>
        </message>
        <message>
            <source>The password file {path} belongs to another user; refused.</source>
            <translation>Die Passwortdatei {path} gehört einem anderen Benutzer; abgelehnt.</translation>
        </message>
        <message>
            <source>The password file {path} can be read by others (mode {mode}); refused. Make it readable by its owner only: chmod 600 {path}</source>
            <translation>Die Passwortdatei {path} können andere lesen (Modus {mode}); abgelehnt. Nur für ihren Besitzer lesbar machen: chmod 600 {path}</translation>
        </message>
        <message>
            <source>The password file {path} cannot be read: {reason}</source>
            <translation>Die Passwortdatei {path} kann nicht gelesen werden: {reason}</translation>
        </message>
        <message>
            <source>The password file {path} is not a file.</source>
            <translation>Die Passwortdatei {path} ist keine Datei.</translation>
        </message>
        <message>
            <source>The row cannot be read as CSV ({reason}).</source>
            <translation>Die Zeile kann nicht als CSV gelesen werden ({reason}).</translation>
        </message>
        <message>
            <source>The row has {found} fields, the header has {expected}.</source>
            <translation>Die Zeile hat {found} Felder, die Kopfzeile hat {expected}.</translation>
        </message>
        <message>
            <source>The two passwords differ; nothing was changed.</source>
            <translation>Die beiden Passwörter sind verschieden; es wurde nichts geändert.</translation>
        </message>
        <message>
            <source>There is no account {name}.</source>
            <translation>Es gibt kein Konto {name}.</translation>
        </message>
        <message>
            <source>There is no room {name}.</source>
            <translation>Es gibt keinen Raum {name}.</translation>
        </message>
        <message>
            <source>There is no service {code}.</source>
            <translation>Es gibt keinen Fachdienst {code}.</translation>
        </message>
        <message>
            <source>There is no staff member with the user name {name}.</source>
            <translation>Es gibt keine/n Mitarbeiter/in mit dem Benutzernamen {name}.</translation>
        </message>
        <message>
            <source>USERNAME</source>
            <translation>BENUTZERNAME</translation>
        </message>
        <message>
            <source>a name, client number, date of birth or phone; '-' reads one query per line from standard input</source>
            <translation>ein Name, eine Klientennummer, ein Geburtsdatum oder eine Telefonnummer; '-' liest eine Suche je Zeile von der Standardeingabe</translation>
        </message>
        <message>
            <source>a person's services and room</source>
            <translation>Fachdienste und Raum einer Person</translation>
        </message>
        <message>
            <source>a superuser's address of the centre's database, e.g. postgresql+psycopg://postgres@server/desk</source>
            <translation>Adresse der Datenbank des Zentrums mit einem Superuser, z. B. postgresql+psycopg://postgres@server/desk</translation>
        </message>
        <message>
            <source>active</source>
            <translation>aktiv</translation>
        </message>
        <message>
            <source>active, one-time password (own one not chosen yet)</source>
            <translation>aktiv, Einmalpasswort (eigenes noch nicht gewählt)</translation>
        </message>
        <message>
            <source>add --yes to erase without a question</source>
            <translation>mit --yes wird ohne Rückfrage gelöscht</translation>
        </message>
        <message>
            <source>add CODE from a JSON file with every text ({keys}, ...)</source>
            <translation>KÜRZEL aus einer JSON-Datei mit allen Texten hinzufügen ({keys}, ...)</translation>
        </message>
        <message>
            <source>add a room</source>
            <translation>einen Raum hinzufügen</translation>
        </message>
        <message>
            <source>add a service</source>
            <translation>einen Fachdienst hinzufügen</translation>
        </message>
        <message>
            <source>add or remove a language of the self-service kiosk</source>
            <translation>eine Sprache des Selbstbedienungs-Kiosks hinzufügen oder entfernen</translation>
        </message>
        <message>
            <source>added ({direction})</source>
            <translation>hinzugefügt ({direction})</translation>
        </message>
        <message>
            <source>afterwards rewrite the tables so freed space keeps no erased data (PostgreSQL: VACUUM FULL; locks the tables while it runs)</source>
            <translation>danach die Tabellen neu schreiben, damit freigegebener Platz keine gelöschten Daten behält (PostgreSQL: VACUUM FULL; sperrt die Tabellen, solange es läuft)</translation>
        </message>
        <message>
            <source>again: </source>
            <translation>noch einmal: </translation>
        </message>
        <message>
            <source>already present (identical, not imported again): {count} row(s)</source>
            <translation>schon vorhanden (gleich, nicht noch einmal eingelesen): {count} Zeile(n)</translation>
        </message>
        <message>
            <source>also fill a database that already has clients</source>
            <translation>auch eine Datenbank befüllen, die schon Klient/innen hat</translation>
        </message>
        <message>
            <source>also print the query plans of the hot queries</source>
            <translation>auch die Abfragepläne der häufigsten Abfragen ausgeben</translation>
        </message>
        <message>
            <source>ambiguous option: %(option)s could match %(matches)s</source>
            <translation>mehrdeutige Option: %(option)s könnte %(matches)s sein</translation>
        </message>
        <message>
            <source>anonymised</source>
            <translation>anonymisiert</translation>
        </message>
        <message>
            <source>appointment</source>
            <translation>Termin</translation>
        </message>
        <message>
            <source>appointment reminders by SMS and e-mail: send, log, channels</source>
            <translation>Terminerinnerungen per SMS und E-Mail: send (senden), log (Protokoll), channels (Kanäle)</translation>
        </message>
        <message>
            <source>appointments</source>
            <translation>Termine</translation>
        </message>
        <message>
            <source>appointments anonymised: {count}</source>
            <translation>Termine anonymisiert:       {count}</translation>
        </message>
        <message>
            <source>argument %(argument_name)s: %(message)s</source>
            <translation>Argument %(argument_name)s: %(message)s</translation>
        </message>
        <message>
            <source>at most N matches (default 10)</source>
            <translation>höchstens N Treffer (Vorgabe 10)</translation>
        </message>
        <message>
            <source>at most this many entries (default 200)</source>
            <translation>höchstens so viele Einträge (Vorgabe 200)</translation>
        </message>
        <message>
            <source>audit entries</source>
            <translation>Protokolleinträge</translation>
        </message>
        <message>
            <source>audit entries deleted:   {count}</source>
            <translation>Protokolleinträge gelöscht:  {count}</translation>
        </message>
        <message>
            <source>back up and upgrade the database schema</source>
            <translation>die Datenbank sichern und ihr Schema aktualisieren</translation>
        </message>
        <message>
            <source>backup folder (SQLite; default: the data directory's backups). PostgreSQL: only the machine configuration's [backup] folder</source>
            <translation>Ordner für die Sicherung (SQLite; Vorgabe: backups im Datenordner). PostgreSQL: nur der Ordner [backup] der Rechner-Konfiguration</translation>
        </message>
        <message>
            <source>backup written: {path}</source>
            <translation>Sicherung geschrieben: {path}</translation>
        </message>
        <message>
            <source>bench database (default: bench-&lt;years&gt;y.sqlite in the data directory)</source>
            <translation>Datenbank für die Messung (Vorgabe: bench-&lt;Jahre&gt;y.sqlite im Datenordner)</translation>
        </message>
        <message>
            <source>bookable</source>
            <translation>buchbar</translation>
        </message>
        <message>
            <source>built in</source>
            <translation>eingebaut</translation>
        </message>
        <message>
            <source>built in {seconds} s</source>
            <translation>erstellt in {seconds} s</translation>
        </message>
        <message>
            <source>can't open '%(filename)s': %(error)s</source>
            <translation>'%(filename)s' kann nicht geöffnet werden: %(error)s</translation>
        </message>
        <message>
            <source>cancelled</source>
            <translation>abgesagt</translation>
        </message>
        <message>
            <source>change a room: name, kind, bookable, display label, active</source>
            <translation>einen Raum ändern: Name, Art, buchbar, Anzeigename, aktiv</translation>
        </message>
        <message>
            <source>change a service: name, prefix, hours, active</source>
            <translation>einen Fachdienst ändern: Name, Kürzel der Wartenummer, Sprechzeiten, aktiv</translation>
        </message>
        <message>
            <source>channel</source>
            <translation>Kanal</translation>
        </message>
        <message>
            <source>check the database (integrity, foreign keys, schema)</source>
            <translation>die Datenbank prüfen (Integrität, Fremdschlüssel, Schema)</translation>
        </message>
        <message>
            <source>client number (42 or K-000042)</source>
            <translation>Klientennummer (42 oder K-000042)</translation>
        </message>
        <message>
            <source>client {number} erased</source>
            <translation>Klient/in {number} gelöscht</translation>
        </message>
        <message>
            <source>clients</source>
            <translation>Klient/innen</translation>
        </message>
        <message>
            <source>clients (default 5,000 per year)</source>
            <translation>Klient/innen (Vorgabe 5.000 je Jahr)</translation>
        </message>
        <message>
            <source>close today's open visits even before closing time</source>
            <translation>die offenen Besuche von heute auch vor Dienstschluss abschließen</translation>
        </message>
        <message>
            <source>close visits still open as 'left' (earlier days always; today after closing time or with --now)</source>
            <translation>noch offene Besuche als 'gegangen' abschließen (frühere Tage immer; heute nach Dienstschluss oder mit --now)</translation>
        </message>
        <message>
            <source>closed {count} open visit(s) as left</source>
            <translation>{count} offene(n) Besuch(e) als gegangen abgeschlossen</translation>
        </message>
        <message>
            <source>code</source>
            <translation>Code</translation>
        </message>
        <message>
            <source>command line</source>
            <translation>Befehlszeile</translation>
        </message>
        <message>
            <source>compact: {step}</source>
            <translation>verdichtet: {step}</translation>
        </message>
        <message>
            <source>configuration: {source}</source>
            <translation>Konfiguration: {source}</translation>
        </message>
        <message>
            <source>count overlapping appointments of one counsellor (must be 0)</source>
            <translation>überlappende Termine einer Beratungskraft zählen (muss 0 sein)</translation>
        </message>
        <message>
            <source>create it switched off (planned)</source>
            <translation>ausgeschaltet anlegen (geplant)</translation>
        </message>
        <message>
            <source>daily backups are deleted after {daily} days; weekly, manual, pre-upgrade and replaced-database copies after {longest} days</source>
            <translation>tägliche Sicherungen werden nach {daily} Tagen gelöscht; wöchentliche, manuelle, vor Aktualisierungen und von ersetzten Datenbanken nach {longest} Tagen</translation>
        </message>
        <message>
            <source>database address (default: ${variable}, else desk.toml of the user, then of the machine, else the SQLite file in the user data directory; see 'desk-admin config show')</source>
            <translation>Adresse der Datenbank (Vorgabe: ${variable}, sonst desk.toml des Benutzers, dann des Rechners, sonst die SQLite-Datei im Datenordner des Benutzers; siehe 'desk-admin config show')</translation>
        </message>
        <message>
            <source>database {name} created</source>
            <translation>Datenbank {name} angelegt</translation>
        </message>
        <message>
            <source>database: {name}</source>
            <translation>Datenbank: {name}</translation>
        </message>
        <message>
            <source>deactivated</source>
            <translation>deaktiviert</translation>
        </message>
        <message>
            <source>default</source>
            <translation>Vorgabe</translation>
        </message>
        <message>
            <source>deleted</source>
            <translation>gelöscht</translation>
        </message>
        <message>
            <source>deleted {day}</source>
            <translation>gelöscht am {day}</translation>
        </message>
        <message>
            <source>desk-admin needs a head-of-department account; {name} is not one.</source>
            <translation>desk-admin braucht ein Konto der Fachbereichsleitung; {name} ist keines.</translation>
        </message>
        <message>
            <source>desk-admin needs the login of a head of department for this command: run it in a terminal, or give --user and --password-file (for scheduled jobs).</source>
            <translation>desk-admin braucht für diesen Befehl die Anmeldung einer Fachbereichsleitung: Bitte im Terminal ausführen oder --user und --password-file angeben (für geplante Aufgaben).</translation>
        </message>
        <message>
            <source>desk-admin needs the password of {name}: run it in a terminal, or give --password-file (a file only its owner may read).</source>
            <translation>desk-admin braucht das Passwort von {name}: Bitte im Terminal ausführen oder --password-file angeben (eine Datei, die nur ihr Besitzer lesen darf).</translation>
        </message>
        <message>
            <source>detected:</source>
            <translation>erkannt:</translation>
        </message>
        <message>
            <source>display: {label}</source>
            <translation>Anzeige: {label}</translation>
        </message>
        <message>
            <source>do not ask for confirmation</source>
            <translation>ohne Rückfrage</translation>
        </message>
        <message>
            <source>e-mail: {channel}</source>
            <translation>E-Mail: {channel}</translation>
        </message>
        <message>
            <source>entries of one account</source>
            <translation>Einträge eines Kontos</translation>
        </message>
        <message>
            <source>environment</source>
            <translation>Umgebung</translation>
        </message>
        <message>
            <source>erase one client everywhere (anonymous statistics stay)</source>
            <translation>eine/n Klient/in überall löschen (die anonyme Statistik bleibt)</translation>
        </message>
        <message>
            <source>erased again (erasures made after that backup, from the ledger): {numbers}</source>
            <translation>erneut gelöscht (Löschungen nach dieser Sicherung, aus dem Löschverzeichnis): {numbers}</translation>
        </message>
        <message>
            <source>expected %s argument</source>
            <translation>%s Argument erwartet</translation>
        </message>
        <message>
            <source>expected %s arguments</source>
            <translation>%s Argumente erwartet</translation>
        </message>
        <message>
            <source>expected at least one argument</source>
            <translation>mindestens ein Argument erwartet</translation>
        </message>
        <message>
            <source>expected at most one argument</source>
            <translation>höchstens ein Argument erwartet</translation>
        </message>
        <message>
            <source>expected one argument</source>
            <translation>ein Argument erwartet</translation>
        </message>
        <message>
            <source>export a counsellor's appointments or a series as an ICS file</source>
            <translation>die Termine einer Beratungskraft oder einer Serie als ICS-Datei exportieren</translation>
        </message>
        <message>
            <source>export room bookings (a room or one series) as an ICS file</source>
            <translation>Raumbuchungen (ein Raum oder eine Serie) als ICS-Datei exportieren</translation>
        </message>
        <message>
            <source>export the statistics report of a period (xlsx, csv, pdf)</source>
            <translation>den statistischen Bericht eines Zeitraums exportieren (xlsx, csv, pdf)</translation>
        </message>
        <message>
            <source>file to write ('-' for standard output)</source>
            <translation>zu schreibende Datei ('-' für die Standardausgabe)</translation>
        </message>
        <message>
            <source>fill a database with synthetic data at scale (benchmarks; never on real data)</source>
            <translation>eine Datenbank mit vielen synthetischen Daten füllen (Messungen; nie auf echten Daten)</translation>
        </message>
        <message>
            <source>find clients however the name is typed</source>
            <translation>Klient/innen finden, wie auch immer der Name geschrieben wird</translation>
        </message>
        <message>
            <source>first day (YYYY-MM-DD or DD.MM.YYYY, Berlin time)</source>
            <translation>erster Tag (JJJJ-MM-TT oder TT.MM.JJJJ, Berliner Zeit)</translation>
        </message>
        <message>
            <source>first day (YYYY-MM-DD or DD.MM.YYYY; default today)</source>
            <translation>erster Tag (JJJJ-MM-TT oder TT.MM.JJJJ; Vorgabe heute)</translation>
        </message>
        <message>
            <source>first day (default: today)</source>
            <translation>erster Tag (Vorgabe: heute)</translation>
        </message>
        <message>
            <source>first day (local)</source>
            <translation>erster Tag (Ortszeit)</translation>
        </message>
        <message>
            <source>folder for the two files (default: here)</source>
            <translation>Ordner für die beiden Dateien (Vorgabe: hier)</translation>
        </message>
        <message>
            <source>foreign keys: {result}</source>
            <translation>Fremdschlüssel: {result}</translation>
        </message>
        <message>
            <source>head of department, user name: </source>
            <translation>Fachbereichsleitung, Benutzername: </translation>
        </message>
        <message>
            <source>head-of-department account to log in with (default: ${variable}, else asked)</source>
            <translation>Konto der Fachbereichsleitung für die Anmeldung (Vorgabe: ${variable}, sonst wird gefragt)</translation>
        </message>
        <message>
            <source>ignored explicit argument %r</source>
            <translation>ausdrückliches Argument %r ignoriert</translation>
        </message>
        <message>
            <source>import clients from a UTF-8 CSV file with a header row</source>
            <translation>Klient/innen aus einer CSV-Datei (UTF-8) mit Kopfzeile einlesen</translation>
        </message>
        <message>
            <source>imported: {count} row(s)</source>
            <translation>eingelesen: {count} Zeile(n)</translation>
        </message>
        <message>
            <source>in the room calendar or not</source>
            <translation>im Raumkalender oder nicht</translation>
        </message>
        <message>
            <source>inactive</source>
            <translation>inaktiv</translation>
        </message>
        <message>
            <source>inactive clients erased: {count}</source>
            <translation>inaktive Klient/innen gelöscht: {count}</translation>
        </message>
        <message>
            <source>integrity: {result}</source>
            <translation>Integrität: {result}</translation>
        </message>
        <message>
            <source>invalid %(type)s value: %(value)r</source>
            <translation>ungültiger Wert (%(type)s): %(value)r</translation>
        </message>
        <message>
            <source>invalid choice: %(value)r (choose from %(choices)s)</source>
            <translation>ungültige Wahl: %(value)r (möglich: %(choices)s)</translation>
        </message>
        <message>
            <source>kiosk language {code} ({name}) saved; the kiosks show it within a minute</source>
            <translation>Kiosk-Sprache {code} ({name}) gespeichert; die Kiosks zeigen sie innerhalb einer Minute</translation>
        </message>
        <message>
            <source>kiosk language {code} removed</source>
            <translation>Kiosk-Sprache {code} entfernt</translation>
        </message>
        <message>
            <source>language of desk-admin (default: ${variable}, else the language chosen in the window, else the user's locale; may stand anywhere)</source>
            <translation>Sprache von desk-admin (Vorgabe: ${variable}, sonst die im Fenster gewählte Sprache, sonst die Spracheinstellung des Benutzers; darf an beliebiger Stelle stehen)</translation>
        </message>
        <message>
            <source>language of the report (default de, for the funder)</source>
            <translation>Sprache des Berichts (Vorgabe de, für den Zuschussgeber)</translation>
        </message>
        <message>
            <source>language:     {language} (desk-admin; docs/INSTALL.md, 'The language of desk-admin')</source>
            <translation>Sprache:      {language} (desk-admin; docs/INSTALL.md, 'The language of desk-admin')</translation>
        </message>
        <message>
            <source>last day (YYYY-MM-DD or DD.MM.YYYY, Berlin time)</source>
            <translation>letzter Tag (JJJJ-MM-TT oder TT.MM.JJJJ, Berliner Zeit)</translation>
        </message>
        <message>
            <source>last day, included</source>
            <translation>letzter Tag, eingeschlossen</translation>
        </message>
        <message>
            <source>leave out the previous period</source>
            <translation>den Vorzeitraum weglassen</translation>
        </message>
        <message>
            <source>list the accounts</source>
            <translation>die Konten auflisten</translation>
        </message>
        <message>
            <source>list the backups</source>
            <translation>die Sicherungen auflisten</translation>
        </message>
        <message>
            <source>list the rooms</source>
            <translation>die Räume auflisten</translation>
        </message>
        <message>
            <source>list the services (Fachdienste)</source>
            <translation>die Fachdienste auflisten</translation>
        </message>
        <message>
            <source>log folder:   {folder} (desk.log, desk-admin.log, faults.log of this user)</source>
            <translation>Protokolle:   {folder} (desk.log, desk-admin.log, faults.log dieses Benutzers)</translation>
        </message>
        <message>
            <source>log: how many days back (default 7)</source>
            <translation>log: wie viele Tage zurück (Vorgabe 7)</translation>
        </message>
        <message>
            <source>machine file</source>
            <translation>Rechner-Datei</translation>
        </message>
        <message>
            <source>machine file: {file}</source>
            <translation>Rechner-Datei: {file}</translation>
        </message>
        <message>
            <source>make an online backup now</source>
            <translation>jetzt eine Sicherung im laufenden Betrieb erstellen</translation>
        </message>
        <message>
            <source>measure nothing: print the run saved in FILE (with --compare: beside the earlier one)</source>
            <translation>nichts messen: den in DATEI gespeicherten Lauf ausgeben (mit --compare: neben dem früheren)</translation>
        </message>
        <message>
            <source>measure start-up, search, check-in, live updates, views and reports on synthetic data</source>
            <translation>Start, Suche, Check-in, Live-Aktualisierung, Ansichten und Berichte auf synthetischen Daten messen</translation>
        </message>
        <message>
            <source>new password for the only head of department, who forgot it (needs OS-level access)</source>
            <translation>neues Passwort für die einzige Fachbereichsleitung, die es vergessen hat (braucht Zugriff auf Betriebssystem-Ebene)</translation>
        </message>
        <message>
            <source>new password: </source>
            <translation>neues Passwort: </translation>
        </message>
        <message>
            <source>no backups yet</source>
            <translation>noch keine Sicherungen</translation>
        </message>
        <message>
            <source>no match</source>
            <translation>kein Treffer</translation>
        </message>
        <message>
            <source>no single room matches {room!r}; rooms: {names}</source>
            <translation>kein einzelner Raum passt zu {room!r}; Räume: {names}</translation>
        </message>
        <message>
            <source>none</source>
            <translation>keins</translation>
        </message>
        <message>
            <source>not a client number: {text!r} (e.g. 42 or K-000042)</source>
            <translation>keine Klientennummer: {text!r} (z. B. 42 oder K-000042)</translation>
        </message>
        <message>
            <source>not a date (use YYYY-MM-DD or DD.MM.YYYY): {text}</source>
            <translation>kein Datum (bitte JJJJ-MM-TT oder TT.MM.JJJJ): {text}</translation>
        </message>
        <message>
            <source>not a time: {text!r} (e.g. 2030-03-04T10:00)</source>
            <translation>keine Zeitangabe: {text!r} (z. B. 2030-03-04T10:00)</translation>
        </message>
        <message>
            <source>not allowed with argument %s</source>
            <translation>nicht zusammen mit Argument %s erlaubt</translation>
        </message>
        <message>
            <source>not bookable</source>
            <translation>nicht buchbar</translation>
        </message>
        <message>
            <source>not in the room calendar</source>
            <translation>nicht im Raumkalender</translation>
        </message>
        <message>
            <source>not made by desk: kept</source>
            <translation>nicht von desk erstellt: bleibt</translation>
        </message>
        <message>
            <source>not set up on this machine</source>
            <translation>auf diesem Rechner nicht eingerichtet</translation>
        </message>
        <message>
            <source>not set up on this machine: {channels} (see `desk-admin reminders channels`)</source>
            <translation>auf diesem Rechner nicht eingerichtet: {channels} (siehe `desk-admin reminders channels`)</translation>
        </message>
        <message>
            <source>note: ignoring unknown column(s): {columns}</source>
            <translation>Hinweis: unbekannte Spalte(n) werden übergangen: {columns}</translation>
        </message>
        <message>
            <source>note: there is no ledger of erasures at {ledger}, so nobody was erased again. If this backup comes from another computer, people erased there after it was made are back in the database: copy that computer's desk-erasures.txt to this path, then start desk (or run 'desk-admin info'), which erases them again (docs/DATA-PROTECTION.md, section 3).</source>
            <translation>Hinweis: Unter {ledger} gibt es kein Löschverzeichnis, daher wurde niemand erneut gelöscht. Stammt diese Sicherung von einem anderen Computer, sind Personen, die dort nach der Sicherung gelöscht wurden, wieder in der Datenbank: Bitte die desk-erasures.txt jenes Computers an diesen Ort kopieren, dann desk starten (oder 'desk-admin info' ausführen), das sie erneut löscht (docs/DATA-PROTECTION.md, Abschnitt 3).</translation>
        </message>
        <message>
            <source>note: {file} is a zip archive with one CSV file per table; name it {name} to open it</source>
            <translation>Hinweis: {file} ist ein ZIP-Archiv mit einer CSV-Datei je Tabelle; zum Öffnen in {name} umbenennen</translation>
        </message>
        <message>
            <source>nothing erased</source>
            <translation>nichts gelöscht</translation>
        </message>
        <message>
            <source>number of appointments (default 2,000 per year)</source>
            <translation>Anzahl der Termine (Vorgabe 2.000 je Jahr)</translation>
        </message>
        <message>
            <source>number of clients (default 5,000 per year)</source>
            <translation>Anzahl der Klient/innen (Vorgabe 5.000 je Jahr)</translation>
        </message>
        <message>
            <source>number of days (default 92)</source>
            <translation>Anzahl der Tage (Vorgabe 92)</translation>
        </message>
        <message>
            <source>number of room bookings (default 1,000 per year)</source>
            <translation>Anzahl der Raumbuchungen (Vorgabe 1.000 je Jahr)</translation>
        </message>
        <message>
            <source>number of visits (default 30,000 per year)</source>
            <translation>Anzahl der Besuche (Vorgabe 30.000 je Jahr)</translation>
        </message>
        <message>
            <source>office, group (the group room), kitchen (the tea kitchen), reception</source>
            <translation>office (Büro), group (Gruppenraum), kitchen (Teeküche), reception (Empfang)</translation>
        </message>
        <message>
            <source>ok</source>
            <translation>in Ordnung</translation>
        </message>
        <message>
            <source>older: desk upgrades it at its next start, after a backup (or now: desk-admin upgrade)</source>
            <translation>älter: desk aktualisiert sie beim nächsten Start nach einer Sicherung (oder jetzt: desk-admin upgrade)</translation>
        </message>
        <message>
            <source>one action (client.read) or a prefix ending in '.' (client.)</source>
            <translation>eine Aktion (client.read) oder ein Anfang, der auf '.' endet (client.)</translation>
        </message>
        <message>
            <source>one of the arguments %s is required</source>
            <translation>eines der Argumente %s ist nötig</translation>
        </message>
        <message>
            <source>open consultation hours, e.g. "Mo 09:00-12:00, Do 14:00-16:00"</source>
            <translation>offene Sprechzeiten, z. B. "Mo 09:00-12:00, Do 14:00-16:00"</translation>
        </message>
        <message>
            <source>options</source>
            <translation>Optionen</translation>
        </message>
        <message>
            <source>overlapping appointment pairs: {count}</source>
            <translation>überlappende Terminpaare: {count}</translation>
        </message>
        <message>
            <source>password of {name} changed</source>
            <translation>Passwort von {name} geändert</translation>
        </message>
        <message>
            <source>password of {name} changed (recorded in the audit log); it is valid once: at the next login in desk {name} must choose their own</source>
            <translation>Passwort von {name} geändert (im Prüfprotokoll vermerkt); es gilt einmal: Bei der nächsten Anmeldung in desk muss {name} ein eigenes wählen</translation>
        </message>
        <message>
            <source>password of {name} changed; it is valid once: at the next login in desk {name} must choose their own</source>
            <translation>Passwort von {name} geändert; es gilt einmal: Bei der nächsten Anmeldung in desk muss {name} ein eigenes wählen</translation>
        </message>
        <message>
            <source>password of {name}: </source>
            <translation>Passwort von {name}: </translation>
        </message>
        <message>
            <source>planned {planned}, sent {sent}, to retry {retry}, failed {failed}, obsolete {obsolete}</source>
            <translation>geplant {planned}, gesendet {sent}, neuer Versuch {retry}, fehlgeschlagen {failed}, hinfällig {obsolete}</translation>
        </message>
        <message>
            <source>positional arguments</source>
            <translation>Argumente</translation>
        </message>
        <message>
            <source>print JSON (one array per query)</source>
            <translation>JSON ausgeben (ein Array je Suche)</translation>
        </message>
        <message>
            <source>print each figure beside the same figure of an earlier run (its --json file)</source>
            <translation>jeden Messwert neben dem gleichen Wert eines früheren Laufs ausgeben (dessen --json-Datei)</translation>
        </message>
        <message>
            <source>print the effective settings and where each came from</source>
            <translation>die geltenden Einstellungen ausgeben und woher jede stammt</translation>
        </message>
        <message>
            <source>provider id / error</source>
            <translation>Kennung des Anbieters / Fehler</translation>
        </message>
        <message>
            <source>put client names into the file (default: client number only)</source>
            <translation>Namen der Klient/innen in die Datei schreiben (Vorgabe: nur die Klientennummer)</translation>
        </message>
        <message>
            <source>put the counsellors' notes into the file (default: none)</source>
            <translation>die Notizen der Beratungskräfte in die Datei schreiben (Vorgabe: keine)</translation>
        </message>
        <message>
            <source>random seed (same seed, same data)</source>
            <translation>Startwert des Zufalls (gleicher Startwert, gleiche Daten)</translation>
        </message>
        <message>
            <source>read the audit log (e.g. everything about one client)</source>
            <translation>das Prüfprotokoll lesen (z. B. alles über eine/n Klient/in)</translation>
        </message>
        <message>
            <source>read the new password from standard input</source>
            <translation>das neue Passwort von der Standardeingabe lesen</translation>
        </message>
        <message>
            <source>read the password from FILE, which only its owner may read (for scheduled jobs; default: ${variable}, else asked on the terminal)</source>
            <translation>das Passwort aus DATEI lesen, die nur ihr Besitzer lesen darf (für geplante Aufgaben; Vorgabe: ${variable}, sonst wird im Terminal gefragt)</translation>
        </message>
        <message>
            <source>rejected: {count} row(s)</source>
            <translation>abgelehnt: {count} Zeile(n)</translation>
        </message>
        <message>
            <source>reminder contacts</source>
            <translation>Kontaktdaten für Erinnerungen</translation>
        </message>
        <message>
            <source>reminder sendings</source>
            <translation>Erinnerungsversand</translation>
        </message>
        <message>
            <source>remove an added language</source>
            <translation>eine hinzugefügte Sprache entfernen</translation>
        </message>
        <message>
            <source>replace the SQLite database with a checked backup</source>
            <translation>die SQLite-Datenbank durch eine geprüfte Sicherung ersetzen</translation>
        </message>
        <message>
            <source>restore a backup older than the retention period (35 days) all the same</source>
            <translation>eine Sicherung, die älter als die Aufbewahrungsfrist (35 Tage) ist, trotzdem wiederherstellen</translation>
        </message>
        <message>
            <source>restore works on SQLite files; restore PostgreSQL with pg_restore (docs/INSTALL.md, 'Restore for real').</source>
            <translation>restore arbeitet mit SQLite-Dateien; PostgreSQL wird mit pg_restore wiederhergestellt (docs/INSTALL.md, 'Restore for real').</translation>
        </message>
        <message>
            <source>restored {file} -&gt; {path}</source>
            <translation>wiederhergestellt: {file} -&gt; {path}</translation>
        </message>
        <message>
            <source>reuse the bench database if it exists</source>
            <translation>die Messdatenbank wiederverwenden, wenn es sie gibt</translation>
        </message>
        <message>
            <source>rights granted: {app} (data only, audit log append-only), {display} (display only), {kiosk} (kiosk only: services, tickets, appointment check-in; no password hash, lockout counter or date of birth - those through the owner's functions)</source>
            <translation>Rechte vergeben: {app} (nur Daten, Prüfprotokoll nur anfügen), {display} (nur Anzeige), {kiosk} (nur Kiosk: Fachdienste, Wartenummern, Check-in zum Termin; kein Passwort-Hash, kein Sperrzähler, kein Geburtsdatum - diese nur über die Funktionen des Eigentümers)</translation>
        </message>
        <message>
            <source>role names &lt;prefix&gt;_owner, _app, _display, _kiosk (default desk)</source>
            <translation>Rollennamen &lt;prefix&gt;_owner, _app, _display, _kiosk (Vorgabe desk)</translation>
        </message>
        <message>
            <source>role {name} created</source>
            <translation>Rolle {name} angelegt</translation>
        </message>
        <message>
            <source>room bookings deleted:   {count}</source>
            <translation>Raumbuchungen gelöscht:     {count}</translation>
        </message>
        <message>
            <source>room bookings: last day, inclusive</source>
            <translation>Raumbuchungen: letzter Tag, eingeschlossen</translation>
        </message>
        <message>
            <source>room bookings: one booking series</source>
            <translation>Raumbuchungen: eine Buchungsserie</translation>
        </message>
        <message>
            <source>room bookings: room name or short label ('all' for every room)</source>
            <translation>Raumbuchungen: Raumname oder Kurzname ('alle' für jeden Raum)</translation>
        </message>
        <message>
            <source>room {name} added</source>
            <translation>Raum {name} hinzugefügt</translation>
        </message>
        <message>
            <source>room {name}: {kind}, {bookable}, {state}, display: {label}</source>
            <translation>Raum {name}: {kind}, {bookable}, {state}, Anzeige: {label}</translation>
        </message>
        <message>
            <source>rule: {rule} (desk-made files only)</source>
            <translation>Regel: {rule} (nur von desk erstellte Dateien)</translation>
        </message>
        <message>
            <source>run the retention purge now and report counts</source>
            <translation>die Löschung nach Aufbewahrungsfristen jetzt ausführen und die Anzahlen ausgeben</translation>
        </message>
        <message>
            <source>runs per measurement (default 100, quick 20)</source>
            <translation>Durchläufe je Messung (Vorgabe 100, mit --quick 20)</translation>
        </message>
        <message>
            <source>schema migrated and seeded as {owner}</source>
            <translation>Schema migriert und befüllt als {owner}</translation>
        </message>
        <message>
            <source>schema:   {revision} (this program: {program})</source>
            <translation>Schema:   {revision} (dieses Programm: {program})</translation>
        </message>
        <message>
            <source>schema: {revision}</source>
            <translation>Schema: {revision}</translation>
        </message>
        <message>
            <source>send --dry-run: pretend it is this time (ISO, e.g. 2030-03-04T10:00)</source>
            <translation>send --dry-run: so tun, als wäre es diese Zeit (ISO, z. B. 2030-03-04T10:00)</translation>
        </message>
        <message>
            <source>send: send what is due now; log: the sending log; channels: what this machine is set up to send through</source>
            <translation>send: senden, was jetzt fällig ist; log: das Versandprotokoll; channels: worüber dieser Rechner senden kann</translation>
        </message>
        <message>
            <source>send: show what would go out; send nothing</source>
            <translation>send: zeigen, was hinausginge; nichts senden</translation>
        </message>
        <message>
            <source>server: {address}</source>
            <translation>Server: {address}</translation>
        </message>
        <message>
            <source>service codes, comma-separated (empty: none)</source>
            <translation>Kürzel der Fachdienste, durch Kommas getrennt (leer: keine)</translation>
        </message>
        <message>
            <source>service {code} added (prefix {prefix})</source>
            <translation>Fachdienst {code} hinzugefügt (Kürzel der Wartenummer {prefix})</translation>
        </message>
        <message>
            <source>service {code}: {state}, prefix {prefix}, hours {hours}</source>
            <translation>Fachdienst {code}: {state}, Kürzel der Wartenummer {prefix}, Sprechzeiten {hours}</translation>
        </message>
        <message>
            <source>set a new password for an account</source>
            <translation>ein neues Passwort für ein Konto setzen</translation>
        </message>
        <message>
            <source>set the application role's password from FILE (readable by its owner only)</source>
            <translation>das Passwort der Anwendungsrolle aus DATEI setzen (nur für ihren Besitzer lesbar)</translation>
        </message>
        <message>
            <source>set the display role's password from FILE (readable by its owner only)</source>
            <translation>das Passwort der Anzeigerolle aus DATEI setzen (nur für ihren Besitzer lesbar)</translation>
        </message>
        <message>
            <source>set the self-service kiosk role's password from FILE (readable by its owner only)</source>
            <translation>das Passwort der Rolle des Selbstbedienungs-Kiosks aus DATEI setzen (nur für ihren Besitzer lesbar)</translation>
        </message>
        <message>
            <source>show the database in use and its schema version (an older schema is upgraded, after a backup, as at every start of desk)</source>
            <translation>die verwendete Datenbank und ihre Schemaversion zeigen (ein älteres Schema wird nach einer Sicherung aktualisiert, wie bei jedem Start von desk)</translation>
        </message>
        <message>
            <source>show the version and exit</source>
            <translation>die Version zeigen und beenden</translation>
        </message>
        <message>
            <source>show this help message and exit</source>
            <translation>diese Hilfe zeigen und beenden</translation>
        </message>
        <message>
            <source>shown on the waiting-room display as</source>
            <translation>auf der Wartezimmer-Anzeige gezeigt als</translation>
        </message>
        <message>
            <source>slot</source>
            <translation>Zeitpunkt</translation>
        </message>
        <message>
            <source>small data and few runs (CI)</source>
            <translation>wenig Daten und wenige Durchläufe (CI)</translation>
        </message>
        <message>
            <source>status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>switch it off (kept, no longer offered)</source>
            <translation>ausschalten (bleibt erhalten, wird nicht mehr angeboten)</translation>
        </message>
        <message>
            <source>switch it on</source>
            <translation>einschalten</translation>
        </message>
        <message>
            <source>the .ics file to write ('-' for standard output)</source>
            <translation>die zu schreibende .ics-Datei ('-' für die Standardausgabe)</translation>
        </message>
        <message>
            <source>the JSON file (see resources/kiosk/phrases.json)</source>
            <translation>die JSON-Datei (siehe resources/kiosk/phrases.json)</translation>
        </message>
        <message>
            <source>the backup file (desk-*.sqlite)</source>
            <translation>die Sicherungsdatei (desk-*.sqlite)</translation>
        </message>
        <message>
            <source>the backup was written by an older desk: upgraded to this program's schema, after a copy as restored: {path}</source>
            <translation>die Sicherung stammt von einem älteren desk: auf das Schema dieses Programms aktualisiert, nach einer Kopie im wiederhergestellten Zustand: {path}</translation>
        </message>
        <message>
            <source>the configuration of this PC (show)</source>
            <translation>die Konfiguration dieses PCs (show: zeigen)</translation>
        </message>
        <message>
            <source>the counsellor's user name</source>
            <translation>der Benutzername der Beratungskraft</translation>
        </message>
        <message>
            <source>the daily backup with the weekly copy and rotation (for the server's scheduled task; does nothing when today's exists)</source>
            <translation>die tägliche Sicherung mit Wochenkopie und Rotation (für die geplante Aufgabe des Servers; tut nichts, wenn die heutige schon existiert)</translation>
        </message>
        <message>
            <source>the database in use cannot be opened ({reason}); log in with an account of the backup instead</source>
            <translation>die verwendete Datenbank kann nicht geöffnet werden ({reason}); bitte stattdessen mit einem Konto der Sicherung anmelden</translation>
        </message>
        <message>
            <source>the file to write</source>
            <translation>die zu schreibende Datei</translation>
        </message>
        <message>
            <source>the following arguments are required: %s</source>
            <translation>folgende Argumente fehlen: %s</translation>
        </message>
        <message>
            <source>the kind of file</source>
            <translation>die Art der Datei</translation>
        </message>
        <message>
            <source>the language's code, e.g. ti or prs</source>
            <translation>das Kürzel der Sprache, z. B. ti oder prs</translation>
        </message>
        <message>
            <source>the person has no room of their own</source>
            <translation>die Person hat keinen eigenen Raum</translation>
        </message>
        <message>
            <source>the person's room (name or display label)</source>
            <translation>der Raum der Person (Name oder Anzeigename)</translation>
        </message>
        <message>
            <source>the replaced database was kept as {path}</source>
            <translation>die ersetzte Datenbank wurde aufbewahrt als {path}</translation>
        </message>
        <message>
            <source>the room's name</source>
            <translation>der Name des Raums</translation>
        </message>
        <message>
            <source>the room's name or display label</source>
            <translation>der Name oder Anzeigename des Raums</translation>
        </message>
        <message>
            <source>the room's new name</source>
            <translation>der neue Name des Raums</translation>
        </message>
        <message>
            <source>the self-service kiosk's languages</source>
            <translation>die Sprachen des Selbstbedienungs-Kiosks</translation>
        </message>
        <message>
            <source>the series id of series appointments</source>
            <translation>die Serien-ID von Serienterminen</translation>
        </message>
        <message>
            <source>the service's short code, e.g. MBE</source>
            <translation>das Kürzel des Fachdienstes, z. B. MBE</translation>
        </message>
        <message>
            <source>the write-ahead log (desk.sqlite-wal) could not be emptied: another PC kept reading, and it still holds the erased data. Run `desk-admin purge` again when the other PCs are idle (the purge also runs every morning).</source>
            <translation>das Write-Ahead-Log (desk.sqlite-wal) konnte nicht geleert werden: Ein anderer PC hat weiter gelesen, und es enthält noch die gelöschten Daten. Bitte `desk-admin purge` noch einmal ausführen, wenn die anderen PCs ruhen (die Löschung läuft auch jeden Morgen).</translation>
        </message>
        <message>
            <source>this program: schema {revision}</source>
            <translation>dieses Programm: Schema {revision}</translation>
        </message>
        <message>
            <source>ticket prefix: one letter, unique</source>
            <translation>Kürzel der Wartenummer: ein Buchstabe, eindeutig</translation>
        </message>
        <message>
            <source>today's backup exists already</source>
            <translation>die heutige Sicherung gibt es schon</translation>
        </message>
        <message>
            <source>tries</source>
            <translation>Versuche</translation>
        </message>
        <message>
            <source>unlinked</source>
            <translation>entkoppelt</translation>
        </message>
        <message>
            <source>unrecognized arguments: %s</source>
            <translation>unbekannte Argumente: %s</translation>
        </message>
        <message>
            <source>updated</source>
            <translation>geändert</translation>
        </message>
        <message>
            <source>upgraded just now from an older schema; the database was backed up first: {path}</source>
            <translation>soeben von einem älteren Schema aktualisiert; die Datenbank wurde vorher gesichert: {path}</translation>
        </message>
        <message>
            <source>usage: </source>
            <translation>Aufruf: </translation>
        </message>
        <message>
            <source>user file</source>
            <translation>Benutzer-Datei</translation>
        </message>
        <message>
            <source>user file:    {file}</source>
            <translation>Benutzer-Datei: {file}</translation>
        </message>
        <message>
            <source>visits</source>
            <translation>Besuche</translation>
        </message>
        <message>
            <source>visits anonymised:       {count}</source>
            <translation>Besuche anonymisiert:       {count}</translation>
        </message>
        <message>
            <source>write all data about one client (JSON and PDF)</source>
            <translation>alle Daten über eine/n Klient/in schreiben (JSON und PDF)</translation>
        </message>
        <message>
            <source>write every figure to this JSON file</source>
            <translation>jeden Messwert in diese JSON-Datei schreiben</translation>
        </message>
        <message>
            <source>written: {path}</source>
            <translation>geschrieben: {path}</translation>
        </message>
        <message>
            <source>years of history (default 10)</source>
            <translation>Jahre Vorgeschichte (Vorgabe 10)</translation>
        </message>
        <message>
            <source>years of synthetic history (default 10)</source>
            <translation>Jahre synthetischer Vorgeschichte (Vorgabe 10)</translation>
        </message>
        <message>
            <source>{command} failed unexpectedly ({error}); nothing more is shown here, run it again and send its output to whoever looks after desk.</source>
            <translation>{command} ist unerwartet fehlgeschlagen ({error}); hier wird nicht mehr gezeigt. Bitte noch einmal ausführen und die Ausgabe an die Person schicken, die desk betreut.</translation>
        </message>
        <message>
            <source>{command} failed unexpectedly ({error}); nothing more is shown here, the details are in the log {log}: send that file to whoever looks after desk.</source>
            <translation>{command} ist unerwartet fehlgeschlagen ({error}); hier wird nicht mehr gezeigt, die Einzelheiten stehen im Protokoll {log}: Bitte diese Datei an die Person schicken, die desk betreut.</translation>
        </message>
        <message>
            <source>{count} entries</source>
            <translation>{count} Einträge</translation>
        </message>
        <message>
            <source>{count} reminder(s) would go out (dry run: nothing sent, nothing changed).</source>
            <translation>{count} Erinnerung(en) gingen hinaus (Probelauf: nichts gesendet, nichts geändert).</translation>
        </message>
        <message>
            <source>{database} already holds {count} clients; add --yes to add synthetic data anyway.</source>
            <translation>{database} enthält schon {count} Klient/innen; mit --yes werden trotzdem synthetische Daten hinzugefügt.</translation>
        </message>
        <message>
            <source>{database} has {count} account(s): synthetic data goes only into a database without any account (never into real data).</source>
            <translation>{database} hat {count} Konto/Konten: synthetische Daten kommen nur in eine Datenbank ohne jedes Konto (nie in echte Daten).</translation>
        </message>
        <message>
            <source>{file} is not a readable JSON file: {reason}</source>
            <translation>{file} ist keine lesbare JSON-Datei: {reason}</translation>
        </message>
        <message>
            <source>{file} is {days} days old, older than the retention period of {longest} days: it may hold data that should be gone. Nothing was changed; add --confirm-old to restore it all the same.</source>
            <translation>{file} ist {days} Tage alt, älter als die Aufbewahrungsfrist von {longest} Tagen: Sie kann Daten enthalten, die gelöscht sein sollten. Es wurde nichts geändert; mit --confirm-old wird sie trotzdem wiederhergestellt.</translation>
        </message>
        <message>
            <source>{file}: {count} appointments</source>
            <translation>{file}: {count} Termine</translation>
        </message>
        <message>
            <source>{file}: {count} events</source>
            <translation>{file}: {count} Termine</translation>
        </message>
        <message>
            <source>{file}: {visits} visits, {clients} distinct clients ({start} .. {end}); computed in {computed} s, written in {written} s</source>
            <translation>{file}: {visits} Besuche, {clients} verschiedene Klient/innen ({start} .. {end}); berechnet in {computed} s, geschrieben in {written} s</translation>
        </message>
        <message>
            <source>{name}: room {room}, services {count}</source>
            <translation>{name}: Raum {room}, Fachdienste {count}</translation>
        </message>
        <message>
            <source>{path} is a folder: give the name of the file to write, e.g. {example}.</source>
            <translation>{path} ist ein Ordner: Bitte den Namen der zu schreibenden Datei angeben, z. B. {example}.</translation>
        </message>
        <message>
            <source>{text!r} is not a whole number</source>
            <translation>{text!r} ist keine ganze Zahl</translation>
        </message>
    </context>
</TS>
