<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>DisplayWindow</name>
    <message>
        <source>Waiting-room display</source>
        <extracomment>call -&gt; when this display first saw it (a counter): the order shown. A call that commits a moment after one with a higher id (two PCs on PostgreSQL) is still new here. A call is its id with its ticket and time: SQLite gives the id of an undone call to the next one</extracomment>
        <translation>Wartezimmer-Anzeige</translation>
    </message>
</context>
</TS>
