<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>HandOverDialog</name>
    <message>
        <source>Hand over {ticket}</source>
        <translation>{ticket} weitervermitteln</translation>
    </message>
    <message>
        <source>{ticket} keeps the original arrival time.</source>
        <translation>{ticket} behält die ursprüngliche Ankunftszeit.</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Fachdienst</translation>
    </message>
    <message>
        <source>Counsellor</source>
        <translation>Berater*in</translation>
    </message>
    <message>
        <source>&amp;Service:</source>
        <translation>&amp;Fachdienst:</translation>
    </message>
    <message>
        <source>&amp;Counsellor:</source>
        <translation>&amp;Berater*in:</translation>
    </message>
    <message>
        <source>Hand over</source>
        <translation>Weitervermitteln</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>anyone of the service</source>
        <translation>beliebige Person im Fachdienst</translation>
    </message>
    <message>
        <source>{name} (absent today)</source>
        <translation>{name} (heute abwesend)</translation>
    </message>
    <message>
        <source>{name} is not here today: any colleague can call the person.</source>
        <translation>{name} ist heute nicht da: die Person kann von allen Kolleg*innen aufgerufen werden.</translation>
    </message>
</context>
<context>
    <name>ReferDialog</name>
    <message>
        <source>Refer {ticket} to a partner organisation</source>
        <translation>{ticket} an eine Partnerorganisation verweisen</translation>
    </message>
    <message>
        <source>Partner organisation</source>
        <translation>Partnerorganisation</translation>
    </message>
    <message>
        <source>&amp;Partner organisation:</source>
        <translation>&amp;Partnerorganisation:</translation>
    </message>
    <message>
        <source>Refer</source>
        <translation>Verweisen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>WaitingListModel</name>
    <message>
        <source>Ticket</source>
        <translation>Nummer</translation>
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
        <source>Appointment</source>
        <translation>Termin</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Wartet seit</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorität</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Reserved for / called by</source>
        <translation>Vorgemerkt für / aufgerufen von</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>wartet</translation>
    </message>
    <message>
        <source>called</source>
        <translation>aufgerufen</translation>
    </message>
    <message>
        <source>in session</source>
        <translation>im Gespräch</translation>
    </message>
    <message>
        <source>done</source>
        <translation>erledigt</translation>
    </message>
    <message>
        <source>no-show</source>
        <translation>nicht erschienen</translation>
    </message>
    <message>
        <source>left</source>
        <translation>gegangen</translation>
    </message>
    <message>
        <source>handed over</source>
        <translation>weitervermittelt</translation>
    </message>
    <message>
        <source>referred</source>
        <translation>extern verwiesen</translation>
    </message>
    <message>
        <source>Interpreter</source>
        <translation>Dolmetschung</translation>
    </message>
    <message>
        <source>{name} · self-service</source>
        <translation>{name} · am Automaten</translation>
    </message>
    <message>
        <source>Arrived at {time}</source>
        <translation>Angekommen um {time}</translation>
    </message>
    <message>
        <source>(anonymous)</source>
        <translation>(anonym)</translation>
    </message>
    <message>
        <source>{name} with 1 companion</source>
        <translation>{name} mit 1 Begleitperson</translation>
    </message>
    <message>
        <source>{name} with {count} companions</source>
        <translation>{name} mit {count} Begleitpersonen</translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation>{minutes} Min.</translation>
    </message>
    <message>
        <source>long wait</source>
        <translation>lange Wartezeit</translation>
    </message>
    <message>
        <source>very long wait</source>
        <translation>sehr lange Wartezeit</translation>
    </message>
    <message>
        <source>urgent</source>
        <translation>dringend</translation>
    </message>
    <message>
        <source>({count}×)</source>
        <translation>({count}×)</translation>
    </message>
    <message>
        <source>for {name}</source>
        <translation>für {name}</translation>
    </message>
</context>
<context>
    <name>WartelisteView</name>
    <message>
        <source>&amp;Show:</source>
        <translation>&amp;Anzeigen:</translation>
    </message>
    <message>
        <source>My &amp;room:</source>
        <translation>Mein &amp;Raum:</translation>
    </message>
    <message>
        <source>Which services to show</source>
        <translation>Welche Fachdienste angezeigt werden</translation>
    </message>
    <message>
        <source>Room you call into</source>
        <translation>Raum, in den Sie aufrufen</translation>
    </message>
    <message>
        <source>Choose your room</source>
        <translation>Bitte Ihren Raum wählen</translation>
    </message>
    <message>
        <source>Waiting list</source>
        <translation>Warteliste</translation>
    </message>
    <message>
        <source>F2 calls the next person, F3 the selected one; F6 starts the session, F7 done, F8 no-show, Ctrl+Z undoes.</source>
        <translation>F2 ruft die nächste Person auf, F3 die ausgewählte; F6 beginnt das Gespräch, F7 erledigt, F8 nicht erschienen, Strg+Z macht rückgängig.</translation>
    </message>
    <message>
        <source>Call &amp;next</source>
        <translation>&amp;Nächste Person aufrufen</translation>
    </message>
    <message>
        <source>&amp;Call this one</source>
        <translation>Diese Person auf&amp;rufen</translation>
    </message>
    <message>
        <source>Call &amp;again</source>
        <translation>Erneut aufr&amp;ufen</translation>
    </message>
    <message>
        <source>&amp;Hand over…</source>
        <translation>&amp;Weitervermitteln…</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig machen</translation>
    </message>
    <message>
        <source>Red&amp;o</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>Call next (F2)</source>
        <translation>Nächste Person aufrufen (F2)</translation>
    </message>
    <message>
        <source>Call next</source>
        <translation>Nächste Person aufrufen</translation>
    </message>
    <message>
        <source>My services</source>
        <translation>Meine Fachdienste</translation>
    </message>
    <message>
        <source>All services</source>
        <translation>Alle Fachdienste</translation>
    </message>
    <message>
        <source>{ticket} is new in the waiting list.</source>
        <translation>{ticket} ist neu auf der Warteliste.</translation>
    </message>
    <message>
        <source>{count} new arrivals in the waiting list.</source>
        <translation>{count} neue Personen auf der Warteliste.</translation>
    </message>
    <message>
        <source>Waiting per service – {counts}</source>
        <translation>Wartend je Fachdienst – {counts}</translation>
    </message>
    <message>
        <source>Nobody is waiting.</source>
        <translation>Niemand wartet.</translation>
    </message>
    <message>
        <source>&amp;Start the session</source>
        <translation>Gespräch &amp;beginnen</translation>
    </message>
    <message>
        <source>Mark as &amp;done</source>
        <translation>Als erledigt &amp;abschließen</translation>
    </message>
    <message>
        <source>Mark as no-sho&amp;w</source>
        <translation>Als nicht &amp;erschienen vermerken</translation>
    </message>
    <message>
        <source>Put &amp;back on the waiting list</source>
        <translation>&amp;Zurück auf die Warteliste setzen</translation>
    </message>
    <message>
        <source>&amp;Refer to a partner organisation…</source>
        <translation>An &amp;Partnerorganisation verweisen…</translation>
    </message>
    <message>
        <source>Not up to date: the database has not been reachable since {time}. The list updates by itself when it is back.</source>
        <translation>Nicht aktuell: Die Datenbank ist seit {time} nicht erreichbar. Die Liste aktualisiert sich von selbst, sobald sie wieder erreichbar ist.</translation>
    </message>
    <message>
        <source>{ticket} {name} has arrived for the appointment at {time}.</source>
        <translation>{ticket} {name} ist für den Termin um {time} angekommen.</translation>
    </message>
    <message>
        <source>{ticket} {name} is waiting for you.</source>
        <translation>{ticket} {name} wartet auf Sie.</translation>
    </message>
    <message>
        <source>Undone: {action}</source>
        <translation>Rückgängig gemacht: {action}</translation>
    </message>
    <message>
        <source>Nobody is waiting for these services.</source>
        <translation>Für diese Fachdienste wartet niemand.</translation>
    </message>
    <message>
        <source>{ticket} called into {room}.</source>
        <translation>{ticket} in {room} aufgerufen.</translation>
    </message>
    <message>
        <source>Take over?</source>
        <translation>Übernehmen?</translation>
    </message>
    <message>
        <source>{ticket} is reserved for {name}. Take this person over and call them into your room? The take-over is recorded.</source>
        <translation>{ticket} ist für {name} vorgemerkt. Diese Person übernehmen und in Ihren Raum aufrufen? Die Übernahme wird protokolliert.</translation>
    </message>
    <message>
        <source>{ticket} called again into {room}.</source>
        <translation>{ticket} erneut in {room} aufgerufen.</translation>
    </message>
    <message>
        <source>{ticket} in session.</source>
        <translation>{ticket} im Gespräch.</translation>
    </message>
    <message>
        <source>{ticket} done.</source>
        <translation>{ticket} erledigt.</translation>
    </message>
    <message>
        <source>{ticket} did not come (no-show).</source>
        <translation>{ticket} ist nicht erschienen.</translation>
    </message>
    <message>
        <source>{ticket} is back on the waiting list.</source>
        <translation>{ticket} ist wieder auf der Warteliste.</translation>
    </message>
    <message>
        <source>{ticket} handed over.</source>
        <translation>{ticket} weitervermittelt.</translation>
    </message>
    <message>
        <source>{old} handed over to {service}: the new number is {ticket}. Please tell the person.</source>
        <translation>{old} an {service} weitervermittelt: die neue Nummer ist {ticket}. Bitte sagen Sie sie der Person.</translation>
    </message>
    <message>
        <source>{ticket} referred to {organisation}.</source>
        <translation>{ticket} an {organisation} verwiesen.</translation>
    </message>
</context>
</TS>
