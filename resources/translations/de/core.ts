<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>MainWindow</name>
    <message>
        <source>This view is not available in this version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database not reachable, data may be stale: {message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>desk – reception and appointments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Views</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reception</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counselling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Head of department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Display</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>desk {version}
Reception and appointment desk of the migration centre.
Database: {database}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>An unexpected error occurred: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client {id} does not exist (any more).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Family name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Given name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interpreter language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Place of residence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please enter at least a given name or a family name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please give a reason for the urgent priority.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reception note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The consent date lies in the future.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database address {url} is not valid. Examples: postgresql+psycopg://user@host:5432/desk or sqlite+pysqlite:////path/desk.sqlite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database cannot be used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database file {path} cannot be read (permissions). Ask the administrator to give this user access, or start with another database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database file {path} or its folder is read-only. desk needs to write there (and to create the -wal file beside it). Fix the permissions or copy the file to a writable folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database is not reachable right now: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database {where} cannot be opened. Check that the folder exists and is writable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database {where} is damaged. Restore the latest backup with &apos;desk-admin restore&apos; (the damaged file is kept).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database {where} is read-only. Nothing was saved. Fix the permissions or free the disk, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database {where} reported an error: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database {where} was written by a newer version of desk (schema {found}); this program knows schema {known} at most. Install the newer version of desk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The date of birth {value} is more than 120 years ago.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The date of birth {value} lies in the future.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk holding {where} is full. Nothing was saved. Free some space and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder {path} for the database cannot be created ({reason}). Choose another place with --database-url or fix the folder&apos;s permissions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder {path} is read-only; the database cannot be created there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The input is not valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The number of people must be between 1 and {max}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The record no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This conflicts with an existing entry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This person already has an open visit (checked in at another desk).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This record was changed by someone else in the meantime. Please reload it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This service is not available for check-in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown setting {key}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User name or password is wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your role ({role}) may not do this ({permission}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your role may not do this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>desk works with SQLite or PostgreSQL, not {backend}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{field} contains invisible control characters. Please retype it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{field} is too long ({length} characters; at most {max} are allowed).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{field}: expected text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} is already checked in with ticket {ticket} ({status}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} is a folder, not a database file. Choose a file name with --database-url.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} is not a desk database (it is not an SQLite file). Choose the right file, or restore a backup with &apos;desk-admin restore&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{text} is not a valid date.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>views</name>
    <message>
        <source>Reception</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Appointments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Room calendar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Administration</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
