<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>widgets</name>
    <message>
        <source>{field}: {length} characters – at most {max} are allowed. Please shorten it.</source>
        <translation>{field}: {length} Zeichen – höchstens {max} sind erlaubt. Bitte kürzen.</translation>
    </message>
</context>
</TS>
