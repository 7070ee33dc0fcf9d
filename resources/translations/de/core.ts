<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="de">
<context>
    <name>MainWindow</name>
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
    <name>errors</name>
    <message>
        <source>An unexpected error occurred: {reason}</source>
        <translation>Ein unerwarteter Fehler ist aufgetreten: {reason}</translation>
    </message>
    <message>
        <source>desk</source>
        <translation>desk</translation>
    </message>
    <message>
        <source>A record cannot be merged with itself.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A series has between 1 and {max} appointments.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A series may run for at most five years.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A single booking may last at most {hours} hours; use a recurring booking for several days.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>An appointment may last at most {hours} hours.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>An appointment must end on the day it starts (not after midnight).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>An appointment must last at least {minutes} minutes.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Appointment {id} does not exist (any more).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Both records have an open visit today. Close one of them first, then merge.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Client {id} does not exist (any more).</source>
        <translation>Klient*in {id} existiert nicht (mehr).</translation>
    </message>
    <message>
        <source>Client {id} was merged into client {target}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Family name</source>
        <translation>Familienname</translation>
    </message>
    <message>
        <source>Give either an end date or a number of occurrences, not both.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Given name</source>
        <translation>Vorname</translation>
    </message>
    <message>
        <source>Interpreter language</source>
        <translation>Dolmetschsprache</translation>
    </message>
    <message>
        <source>Interpreter {id} does not exist (any more).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
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
        <translation type="unfinished" />
    </message>
    <message>
        <source>Please enter at least a given name or a family name.</source>
        <translation>Bitte mindestens Vor- oder Familiennamen eingeben.</translation>
    </message>
    <message>
        <source>Please give a reason for the urgent priority.</source>
        <translation>Bitte einen Grund für die Dringlichkeit angeben.</translation>
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
        <source>Something went wrong.</source>
        <translation>Etwas ist schiefgegangen.</translation>
    </message>
    <message>
        <source>Staff member {id} does not exist (any more).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Start and end need a time zone.</source>
        <translation type="unfinished" />
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
        <translation>Die Datenbank kann nicht verwendet werden.</translation>
    </message>
    <message>
        <source>The database file {path} cannot be read (permissions). Ask the administrator to give this user access, or start with another database.</source>
        <translation>Die Datenbankdatei {path} kann nicht gelesen werden (Berechtigungen). Bitten Sie die Administration um Zugriff für diesen Benutzer oder starten Sie mit einer anderen Datenbank.</translation>
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
        <source>The database {where} cannot be opened. Check that the folder exists and is writable.</source>
        <translation>Die Datenbank {where} kann nicht geöffnet werden. Prüfen Sie, ob der Ordner existiert und beschreibbar ist.</translation>
    </message>
    <message>
        <source>The database {where} is damaged. Restore the latest backup with 'desk-admin restore' (the damaged file is kept).</source>
        <translation>Die Datenbank {where} ist beschädigt. Stellen Sie die letzte Sicherung mit 'desk-admin restore' wieder her (die beschädigte Datei bleibt erhalten).</translation>
    </message>
    <message>
        <source>The database {where} is read-only. Nothing was saved. Fix the permissions or free the disk, then try again.</source>
        <translation>Die Datenbank {where} ist schreibgeschützt. Es wurde nichts gespeichert. Berechtigungen korrigieren oder Speicherplatz freigeben, dann erneut versuchen.</translation>
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
        <translation type="unfinished" />
    </message>
    <message>
        <source>The date {date} lies too far in the past.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The disk holding {where} is full. Nothing was saved. Free some space and try again.</source>
        <translation>Der Datenträger von {where} ist voll. Es wurde nichts gespeichert. Bitte Speicherplatz freigeben und erneut versuchen.</translation>
    </message>
    <message>
        <source>The end lies before the start.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The end must be after the start (the booking has no length).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The folder {path} for the database cannot be created ({reason}). Choose another place with --database-url or fix the folder's permissions.</source>
        <translation>Der Ordner {path} für die Datenbank kann nicht angelegt werden ({reason}). Wählen Sie mit --database-url einen anderen Ort oder korrigieren Sie die Berechtigungen.</translation>
    </message>
    <message>
        <source>The folder {path} is read-only; the database cannot be created there.</source>
        <translation>Der Ordner {path} ist schreibgeschützt; die Datenbank kann dort nicht angelegt werden.</translation>
    </message>
    <message>
        <source>The input is not valid.</source>
        <translation>Die Eingabe ist nicht gültig.</translation>
    </message>
    <message>
        <source>The interval of a series is between 1 and 8 weeks.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The number of occurrences must be between 1 and {max}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The number of people must be between 1 and {max}.</source>
        <translation>Die Personenzahl muss zwischen 1 und {max} liegen.</translation>
    </message>
    <message>
        <source>The record no longer exists.</source>
        <translation>Der Eintrag existiert nicht mehr.</translation>
    </message>
    <message>
        <source>The series ends before its first occurrence.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The time {time} does not exist on {date} (the clocks go forward that night).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The week of the month must be 1 to 4 or the last.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The weekday must be between Monday and Sunday.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This appointment belongs to another client.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This appointment does not exist (any more).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This appointment is already checked in.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This appointment is already closed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This appointment is not today.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This appointment was cancelled.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This appointment was changed at another desk in the meantime. Please reload.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This conflicts with an existing entry.</source>
        <translation>Das überschneidet sich mit einem vorhandenen Eintrag.</translation>
    </message>
    <message>
        <source>This person already has an open visit (checked in at another desk).</source>
        <translation>Diese Person hat bereits einen offenen Besuch (an einem anderen Platz eingecheckt).</translation>
    </message>
    <message>
        <source>This record was changed by someone else in the meantime. Please reload it.</source>
        <translation>Dieser Eintrag wurde inzwischen von jemand anderem geändert. Bitte neu laden.</translation>
    </message>
    <message>
        <source>This recurrence rule is not supported: {rule}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This service is not available for check-in.</source>
        <translation>Für diesen Fachdienst ist kein Einchecken möglich.</translation>
    </message>
    <message>
        <source>Unknown setting {key}.</source>
        <translation>Unbekannte Einstellung {key}.</translation>
    </message>
    <message>
        <source>User name or password is wrong.</source>
        <translation>Benutzername oder Passwort ist falsch.</translation>
    </message>
    <message>
        <source>Working hours must end after they start ({start}–{end}).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Working hours on one day must not overlap ({start}–{end}).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Your role ({role}) may not do this ({permission}).</source>
        <translation>Ihre Rolle ({role}) darf das nicht ({permission}).</translation>
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
        <source>{field} contains invisible control characters. Please retype it.</source>
        <translation>{field} enthält unsichtbare Steuerzeichen. Bitte neu eingeben.</translation>
    </message>
    <message>
        <source>{field} is too long ({length} characters; at most {max} are allowed).</source>
        <translation>{field} ist zu lang ({length} Zeichen; höchstens {max} sind erlaubt).</translation>
    </message>
    <message>
        <source>{field}: expected text.</source>
        <translation>{field}: Text erwartet.</translation>
    </message>
    <message>
        <source>{name} is already checked in: ticket {ticket} is in a session since {time}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{name} is already checked in: ticket {ticket} was called at {time} to {room}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{name} is already checked in: ticket {ticket} was called at {time}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{name} is already checked in: ticket {ticket}, waiting since {time}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{path} is a folder, not a database file. Choose a file name with --database-url.</source>
        <translation>{path} ist ein Ordner, keine Datenbankdatei. Wählen Sie mit --database-url einen Dateinamen.</translation>
    </message>
    <message>
        <source>{path} is not a desk database (it is not an SQLite file). Choose the right file, or restore a backup with 'desk-admin restore'.</source>
        <translation>{path} ist keine desk-Datenbank (keine SQLite-Datei). Wählen Sie die richtige Datei oder stellen Sie eine Sicherung mit 'desk-admin restore' wieder her.</translation>
    </message>
    <message>
        <source>{text} is not a date (use DD.MM.YYYY or YYYY-MM-DD).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{text} is not a valid date.</source>
        <translation>{text} ist kein gültiges Datum.</translation>
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