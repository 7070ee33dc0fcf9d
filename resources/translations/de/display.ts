<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>DisplayWindow</name>
    <message>
        <source>Waiting-room display</source>
        <translation>Wartezimmer-Anzeige</translation>
    </message>
</context>
</TS>
