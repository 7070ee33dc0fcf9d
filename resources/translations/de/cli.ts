<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
    <context>
        <name>cli</name>
        <message>
            <source>%(prog)s: error: %(message)s
</source>
            <translation>%(prog)s: Fehler: %(message)s
</translation>
        </message>
        <message>
            <source>Administration of the desk application.</source>
            <translation>Verwaltung der Anwendung desk.</translation>
        </message>
        <message>
            <source>COMMAND</source>
            <translation>BEFEHL</translation>
        </message>
        <message>
            <source>Each command says more with: desk-admin COMMAND --help. Commands that show or change personal data, accounts, settings or backups log in as a head of department (asked, or --user and --password-file). Exit status 0: done; any other: refused or failed, with the reason printed (details in the log: 'desk-admin config show' names its folder). Installing, configuring, backups and restores: docs/INSTALL.md.</source>
            <translation>Mehr zu jedem Befehl: desk-admin BEFEHL --help. Befehle, die personenbezogene Daten, Konten, Einstellungen oder Sicherungen zeigen oder ändern, melden sich als Fachbereichsleitung an (wird abgefragt, oder --user und --password-file). Rückgabewert 0: erledigt; jeder andere: abgelehnt oder fehlgeschlagen, der Grund wird ausgegeben (Einzelheiten im Protokoll: 'desk-admin config show' nennt seinen Ordner). Installieren, Einrichten, Sicherungen und Wiederherstellen: docs/INSTALL.md.</translation>
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
            <source>N must be between 1 and 1000</source>
            <translation>N muss zwischen 1 und 1000 liegen</translation>
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
            <source>add --yes to erase without a question</source>
            <translation>mit --yes wird ohne Rückfrage gelöscht</translation>
        </message>
        <message>
            <source>afterwards rewrite the tables so freed space keeps no erased data (PostgreSQL: VACUUM FULL; locks the tables while it runs)</source>
            <translation>danach die Tabellen neu schreiben, damit freigegebener Platz keine gelöschten Daten behält (PostgreSQL: VACUUM FULL; sperrt die Tabellen, solange es läuft)</translation>
        </message>
        <message>
            <source>ambiguous option: %(option)s could match %(matches)s</source>
            <translation>mehrdeutige Option: %(option)s könnte %(matches)s sein</translation>
        </message>
        <message>
            <source>argument %(argument_name)s: %(message)s</source>
            <translation>Argument %(argument_name)s: %(message)s</translation>
        </message>
        <message>
            <source>back up and upgrade the database schema</source>
            <translation>die Datenbank sichern und ihr Schema aktualisieren</translation>
        </message>
        <message>
            <source>can't open '%(filename)s': %(error)s</source>
            <translation>'%(filename)s' kann nicht geöffnet werden: %(error)s</translation>
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
            <source>compact: {step}</source>
            <translation>verdichtet: {step}</translation>
        </message>
        <message>
            <source>database address (default: ${variable}, else desk.toml of the user, then of the machine, else the SQLite file in the user data directory; see 'desk-admin config show')</source>
            <translation>Adresse der Datenbank (Vorgabe: ${variable}, sonst desk.toml des Benutzers, dann des Rechners, sonst die SQLite-Datei im Datenordner des Benutzers; siehe 'desk-admin config show')</translation>
        </message>
        <message>
            <source>database: {name}</source>
            <translation>Datenbank: {name}</translation>
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
            <source>do not ask for confirmation</source>
            <translation>ohne Rückfrage</translation>
        </message>
        <message>
            <source>erase one client everywhere (anonymous statistics stay)</source>
            <translation>eine/n Klient/in überall löschen (die anonyme Statistik bleibt)</translation>
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
            <source>folder for the two files (default: here)</source>
            <translation>Ordner für die beiden Dateien (Vorgabe: hier)</translation>
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
            <source>invalid %(type)s value: %(value)r</source>
            <translation>ungültiger Wert (%(type)s): %(value)r</translation>
        </message>
        <message>
            <source>invalid choice: %(value)r (choose from %(choices)s)</source>
            <translation>ungültige Wahl: %(value)r (möglich: %(choices)s)</translation>
        </message>
        <message>
            <source>language of desk-admin (default: ${variable}, else the language chosen in the window, else the user's locale; may stand anywhere)</source>
            <translation>Sprache von desk-admin (Vorgabe: ${variable}, sonst die im Fenster gewählte Sprache, sonst die Spracheinstellung des Benutzers; darf an beliebiger Stelle stehen)</translation>
        </message>
        <message>
            <source>not a client number: {text!r} (e.g. 42 or K-000042)</source>
            <translation>keine Klientennummer: {text!r} (z. B. 42 oder K-000042)</translation>
        </message>
        <message>
            <source>not allowed with argument %s</source>
            <translation>nicht zusammen mit Argument %s erlaubt</translation>
        </message>
        <message>
            <source>nothing erased</source>
            <translation>nichts gelöscht</translation>
        </message>
        <message>
            <source>one of the arguments %s is required</source>
            <translation>eines der Argumente %s ist nötig</translation>
        </message>
        <message>
            <source>options</source>
            <translation>Optionen</translation>
        </message>
        <message>
            <source>password of {name}: </source>
            <translation>Passwort von {name}: </translation>
        </message>
        <message>
            <source>positional arguments</source>
            <translation>Argumente</translation>
        </message>
        <message>
            <source>read the password from FILE, which only its owner may read (for scheduled jobs; default: ${variable}, else asked on the terminal)</source>
            <translation>das Passwort aus DATEI lesen, die nur ihr Besitzer lesen darf (für geplante Aufgaben; Vorgabe: ${variable}, sonst wird im Terminal gefragt)</translation>
        </message>
        <message>
            <source>restore works on SQLite files; restore PostgreSQL with pg_restore (docs/INSTALL.md, 'Restore for real').</source>
            <translation>restore arbeitet mit SQLite-Dateien; PostgreSQL wird mit pg_restore wiederhergestellt (docs/INSTALL.md, 'Restore for real').</translation>
        </message>
        <message>
            <source>run the retention purge now and report counts</source>
            <translation>die Löschung nach Aufbewahrungsfristen jetzt ausführen und die Anzahlen ausgeben</translation>
        </message>
        <message>
            <source>schema:   {revision} (this program: {program})</source>
            <translation>Schema:   {revision} (dieses Programm: {program})</translation>
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
            <source>the following arguments are required: %s</source>
            <translation>folgende Argumente fehlen: %s</translation>
        </message>
        <message>
            <source>the write-ahead log (desk.sqlite-wal) could not be emptied: another PC kept reading, and it still holds the erased data. Run `desk-admin purge` again when the other PCs are idle (the purge also runs every morning).</source>
            <translation>das Write-Ahead-Log (desk.sqlite-wal) konnte nicht geleert werden: Ein anderer PC hat weiter gelesen, und es enthält noch die gelöschten Daten. Bitte `desk-admin purge` noch einmal ausführen, wenn die anderen PCs ruhen (die Löschung läuft auch jeden Morgen).</translation>
        </message>
        <message>
            <source>unrecognized arguments: %s</source>
            <translation>unbekannte Argumente: %s</translation>
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
            <source>write all data about one client (JSON and PDF)</source>
            <translation>alle Daten über eine/n Klient/in schreiben (JSON und PDF)</translation>
        </message>
        <message>
            <source>written: {path}</source>
            <translation>geschrieben: {path}</translation>
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
            <source>{file} is not a readable JSON file: {reason}</source>
            <translation>{file} ist keine lesbare JSON-Datei: {reason}</translation>
        </message>
        <message>
            <source>{path} is a folder: give the name of the file to write, e.g. {example}.</source>
            <translation>{path} ist ein Ordner: Bitte den Namen der zu schreibenden Datei angeben, z. B. {example}.</translation>
        </message>
    </context>
</TS>
