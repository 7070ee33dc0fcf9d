<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>FirstStartWizard</name>
    <message>
        <source>desk – first start</source>
        <translation>desk – Ersteinrichtung</translation>
    </message>
    <message>
        <source>Welcome. This database has no accounts yet. Create the account of the head of department (Leitung); with it you then create an account for every colleague (no shared logins).</source>
        <translation>Willkommen. In dieser Datenbank gibt es noch kein Benutzerkonto. Legen Sie zuerst das Konto der Fachbereichsleitung an; damit legen Sie danach für jede Kollegin und jeden Kollegen ein eigenes Konto an (keine gemeinsamen Zugänge).</translation>
    </message>
    <message>
        <source>The database being set up: {name}</source>
        <translation>Die Datenbank, die eingerichtet wird: {name}</translation>
    </message>
    <message>
        <source>Warning: this PC&apos;s machine configuration names the database server {server}, but desk is about to set up a database file of its own on this PC. Colleagues will not see what is entered here. Quit and start desk without another address (or ask the administrator) unless this is intended.</source>
        <translation>Achtung: Die Rechnerkonfiguration dieses PCs nennt den Datenbankserver {server}, aber desk richtet gerade eine eigene Datenbankdatei auf diesem PC ein. Kolleginnen und Kollegen sehen nicht, was hier eingegeben wird. Beenden Sie und starten Sie desk ohne andere Adresse (oder fragen Sie den Administrator), wenn das nicht gewollt ist.</translation>
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
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Repeat password</source>
        <translation>Passwort wiederholen</translation>
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
        <source>&amp;Password (at least 8 characters):</source>
        <translation>&amp;Passwort (mindestens 8 Zeichen):</translation>
    </message>
    <message>
        <source>&amp;Repeat password:</source>
        <translation>Passwort &amp;wiederholen:</translation>
    </message>
    <message>
        <source>&amp;Create account</source>
        <translation>Konto &amp;anlegen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Die beiden Passwörter stimmen nicht überein.</translation>
    </message>
</context>
<context>
    <name>LockDialog</name>
    <message>
        <source>desk – locked</source>
        <translation>desk – gesperrt</translation>
    </message>
    <message>
        <source>Locked. {name} can unlock with their password.</source>
        <translation>Gesperrt. {name} kann mit dem eigenen Passwort entsperren.</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Entsperren</translation>
    </message>
    <message>
        <source>Unlock (Enter)</source>
        <translation>Entsperren (Enter)</translation>
    </message>
    <message>
        <source>Log &amp;out (someone else logs in)</source>
        <translation>&amp;Abmelden (jemand anderes meldet sich an)</translation>
    </message>
    <message>
        <source>Log out; unsaved input is lost (Ctrl+Shift+L)</source>
        <translation>Abmelden; nicht gespeicherte Eingaben gehen verloren (Strg+Umschalt+L)</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>desk – log in</source>
        <translation>desk – Anmeldung</translation>
    </message>
    <message>
        <source>Log in with your own account.</source>
        <translation>Melden Sie sich mit Ihrem eigenen Konto an.</translation>
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
        <source>&amp;User name:</source>
        <translation>&amp;Benutzername:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>&amp;Log in</source>
        <translation>&amp;Anmelden</translation>
    </message>
    <message>
        <source>Log in (Enter)</source>
        <translation>Anmelden (Enter)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Close desk (Esc)</source>
        <translation>desk schließen (Esc)</translation>
    </message>
    <message>
        <source>Try the demo: log in with one click</source>
        <translation>Demo ausprobieren: mit einem Klick anmelden</translation>
    </message>
    <message>
        <source>Log in as {name}, {role}</source>
        <translation>Anmelden als {name}, {role}</translation>
    </message>
    <message>
        <source>User name {user}, password “{password}”</source>
        <translation>Benutzername {user}, Passwort „{password}“</translation>
    </message>
    <message>
        <source>Or type a user name below; every demo account has the password “{password}”.</source>
        <translation>Oder unten einen Benutzernamen eingeben; alle Demo-Konten haben das Passwort „{password}“.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Wird geprüft …</translation>
    </message>
    <message>
        <source>Your password is valid only once: choose your own to log in. Log in again with the password you were given.</source>
        <translation>Ihr Passwort gilt nur einmal: Zum Anmelden wählen Sie Ihr eigenes. Melden Sie sich noch einmal mit dem Passwort an, das Sie bekommen haben.</translation>
    </message>
</context>
<context>
    <name>OwnPasswordDialog</name>
    <message>
        <source>desk – change your password</source>
        <translation>desk – Passwort ändern</translation>
    </message>
    <message>
        <source>desk – choose your own password</source>
        <translation>desk – eigenes Passwort wählen</translation>
    </message>
    <message>
        <source>Change your password</source>
        <translation>Passwort ändern</translation>
    </message>
    <message>
        <source>Choose your own password</source>
        <translation>Eigenes Passwort wählen</translation>
    </message>
    <message>
        <source>{name}: type your current password, then the new one twice.</source>
        <translation>{name}: Geben Sie Ihr jetziges Passwort ein, dann zweimal das neue.</translation>
    </message>
    <message>
        <source>{name}, your password was set by the head of department and is valid only for this login. Choose your own password now; nobody else will know it. Nothing opens before.</source>
        <translation>{name}, Ihr Passwort hat die Fachbereichsleitung gesetzt; es gilt nur für diese Anmeldung. Wählen Sie jetzt Ihr eigenes Passwort – niemand sonst kennt es dann. Vorher öffnet sich nichts.</translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>Jetziges Passwort</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>Neues Passwort</translation>
    </message>
    <message>
        <source>Repeat password</source>
        <translation>Passwort wiederholen</translation>
    </message>
    <message>
        <source>&amp;Current password:</source>
        <translation>&amp;Jetziges Passwort:</translation>
    </message>
    <message>
        <source>&amp;New password (at least {count} characters):</source>
        <translation>&amp;Neues Passwort (mindestens {count} Zeichen):</translation>
    </message>
    <message>
        <source>&amp;Repeat password:</source>
        <translation>Passwort &amp;wiederholen:</translation>
    </message>
    <message>
        <source>&amp;Save and continue</source>
        <translation>&amp;Speichern und weiter</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Abbrechen</translation>
    </message>
    <message>
        <source>Keep the current password (Esc)</source>
        <translation>Das jetzige Passwort behalten (Esc)</translation>
    </message>
    <message>
        <source>Back to the login (Esc); nothing opens</source>
        <translation>Zurück zur Anmeldung (Esc); nichts wird geöffnet</translation>
    </message>
    <message>
        <source>The two passwords differ. Type the new password twice.</source>
        <translation>Die beiden Passwörter sind verschieden. Geben Sie das neue Passwort zweimal gleich ein.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
</context>
<context>
    <name>login</name>
    <message>
        <source>head of department</source>
        <translation>Fachbereichsleitung</translation>
    </message>
    <message>
        <source>reception</source>
        <translation>Empfang</translation>
    </message>
    <message>
        <source>counselling</source>
        <translation>Beratung</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>You can try again now.</source>
        <translation>Sie können es jetzt erneut versuchen.</translation>
    </message>
    <message>
        <source>Too many wrong passwords. Please wait {seconds} s, then try again.</source>
        <translation>Zu viele falsche Passwörter. Bitte warten Sie {seconds} Sekunden und versuchen Sie es dann erneut.</translation>
    </message>
</context>
</TS>
