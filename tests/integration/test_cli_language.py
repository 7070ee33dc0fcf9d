"""desk-admin speaks German to a German-speaking user (locale, --lang, DESK_LANGUAGE) and English
in the C locale: help, a refused input, the erasure's question, a missing database, a server away."""

from __future__ import annotations

import io
import sys
from datetime import UTC, datetime

import pytest

from desk.cli import main as admin
from desk.storage.engine import sqlite_url

SERVER_AWAY = "postgresql+psycopg://postgres@127.0.0.1:1/desk"


@pytest.fixture
def german(monkeypatch) -> None:
    monkeypatch.setenv("LANG", "de_DE.UTF-8")


def _help(capsys, *argv: str) -> str:
    with pytest.raises(SystemExit) as stop:
        admin([*argv, "--help"])
    assert stop.value.code == 0
    return capsys.readouterr().out


def test_help_in_german_under_a_german_locale(german, log_folder, capsys) -> None:
    text = _help(capsys)
    assert text.startswith("Aufruf: desk-admin"), text
    assert "Verwaltung der Anwendung desk." in text and "Optionen:" in text
    assert "diese Hilfe zeigen und beenden" in text
    assert "Administration of the desk application" not in text and "show this help" not in text
    erase = _help(capsys, "erase-client")
    assert "Eine/n Klient/in überall löschen (die anonyme Statistik bleibt)." in erase
    assert "--user BENUTZERNAME" in erase and "Klientennummer (42 oder K-000042)" in erase


def test_help_in_english_in_the_c_locale(log_folder, capsys) -> None:
    text = _help(capsys)
    assert text.startswith("usage: desk-admin") and "Administration of the desk application." in text
    assert "Aufruf" not in text and "Optionen" not in text


def test_a_refused_input_in_german(german, log_folder, capsys) -> None:
    with pytest.raises(SystemExit) as stop:
        admin(["erase-client", "K-zwölf", "--yes"])
    assert stop.value.code == 2
    said = capsys.readouterr().err
    assert "desk-admin erase-client: Fehler: Argument client_id: keine Klientennummer: 'K-zwölf' " \
           "(z. B. 42 oder K-000042)" in said, said


def test_the_erasure_asks_in_german_and_a_no_erases_nothing(german, log_folder, tmp_path, monkeypatch,
                                                             capsys) -> None:
    asked = []
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)
    monkeypatch.setattr("builtins.input", lambda prompt: asked.append(prompt) or "n")
    assert admin(["erase-client", "42", "--database-url", sqlite_url(tmp_path / "desk.sqlite")]) == 1
    assert asked == ["Klient/in K-000042 überall löschen? Das kann nicht rückgängig gemacht werden. [j/N] "]
    assert capsys.readouterr().out == "nichts gelöscht\n"
    assert not (tmp_path / "desk.sqlite").exists()  # it stopped before opening anything


def test_without_a_terminal_the_erasure_asks_for_yes_in_german(german, log_folder, monkeypatch, capsys) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    assert admin(["erase-client", "42"]) == 2
    assert capsys.readouterr().err == "desk-admin: mit --yes wird ohne Rückfrage gelöscht\n"


def test_a_missing_database_in_german_the_window_s_sentence(german, log_folder, tmp_path, capsys) -> None:
    missing = tmp_path / "nowhere" / "desk.sqlite"
    assert admin(["info", "--database-url", sqlite_url(missing)]) == 1
    assert capsys.readouterr().err == f"desk-admin: Die Datenbankdatei {missing} gibt es nicht.\n"


def test_the_server_away_in_german(german, log_folder, capsys) -> None:
    assert admin(["info", "--database-url", SERVER_AWAY]) == 1
    said = capsys.readouterr().err
    assert said.startswith("desk-admin: Der Datenbankserver PostgreSQL: postgres@127.0.0.1:1/desk ist nicht "
                           "erreichbar:"), said
    assert said.rstrip().endswith("Bitte Netzwerk prüfen und ob der Server läuft."), said


def test_the_server_away_in_english_in_the_c_locale(log_folder, capsys) -> None:
    assert admin(["info", "--database-url", SERVER_AWAY]) == 1
    said = capsys.readouterr().err
    assert said.startswith("desk-admin: The database server PostgreSQL: postgres@127.0.0.1:1/desk cannot be "
                           "reached:"), said


@pytest.mark.parametrize("how", ["option", "option after the command", "variable"])
def test_the_choice_overrides_the_locale(how, log_folder, tmp_path, monkeypatch, capsys) -> None:
    missing = tmp_path / "nowhere.sqlite"
    argv = ["info", "--database-url", sqlite_url(missing)]
    if how == "option":
        argv = ["--lang", "de", *argv]
    elif how == "option after the command":
        argv = [*argv, "--lang=de"]
    else:
        monkeypatch.setenv("DESK_LANGUAGE", "de")
    assert admin(argv) == 1
    assert capsys.readouterr().err == f"desk-admin: Die Datenbankdatei {missing} gibt es nicht.\n"
    monkeypatch.setenv("LANG", "de_DE.UTF-8")
    assert admin(["--lang", "en", "info", "--database-url", sqlite_url(missing)]) == 1
    assert capsys.readouterr().err == f"desk-admin: The database file {missing} does not exist.\n"


def test_a_language_desk_does_not_speak_is_refused(log_folder, capsys) -> None:
    with pytest.raises(SystemExit) as stop:
        admin(["--lang", "fr", "info"])
    assert stop.value.code == 2
    assert "argument --lang: invalid choice: 'fr'" in capsys.readouterr().err


def test_an_unexpected_error_names_the_log_in_german(german, log_folder, tmp_path, monkeypatch, capsys) -> None:
    import desk.cli.database

    def broken(_args):
        raise RuntimeError("a bug somewhere")

    monkeypatch.setattr(desk.cli.database, "_info", broken)
    assert admin(["info", "--database-url", sqlite_url(tmp_path / "desk.sqlite")]) == 1
    assert capsys.readouterr().err.strip() == (
        f"desk-admin: info ist unerwartet fehlgeschlagen (RuntimeError); hier wird nicht mehr gezeigt, die "
        f"Einzelheiten stehen im Protokoll {log_folder / 'desk-admin.log'}: Bitte diese Datei an die Person "
        "schicken, die desk betreut.")


def test_an_import_names_its_rejected_rows_in_german(german, log_folder, sqlite_db_url, tmp_path, cli_login,
                                                     capsys) -> None:
    """The reasons are the window's sentences (field names too), the CSV's own faults desk-admin's."""
    cli_login(sqlite_db_url)
    csv_file = tmp_path / "klienten.csv"
    csv_file.write_text("given_name,family_name,date_of_birth\n"
                        "Amina,Haidari,31.02.1990\n"
                        f"{'y' * 300},Lang,\n"
                        "Nur,Zwei\n", encoding="utf-8")
    assert admin(["import-clients", str(csv_file), "--database-url", sqlite_db_url]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[:3] == ["eingelesen: 0 Zeile(n)", "schon vorhanden (gleich, nicht noch einmal eingelesen): 0 Zeile(n)",
                       "abgelehnt: 3 Zeile(n)"], out
    assert out[3] == "  Zeile 2: 31.02.1990 ist kein gültiges Datum.", out
    assert out[4].startswith("  Zeile 3: Vorname ist zu lang (300 Zeichen; höchstens "), out
    assert out[5] == "  Zeile 4: Die Zeile hat 2 Felder, die Kopfzeile hat 3.", out


def test_the_backups_are_listed_with_german_dates_and_numbers(german, log_folder, sqlite_db_url, tmp_path,
                                                              cli_login, capsys) -> None:
    import re

    cli_login(sqlite_db_url)
    assert admin(["backup", "--database-url", sqlite_db_url]) == 0
    assert capsys.readouterr().out.startswith("Sicherung geschrieben: ")
    assert admin(["backups", "--database-url", sqlite_db_url]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("Regel: ") and lines[0].endswith("(nur von desk erstellte Dateien)"), lines
    # 05.12.2026 21:53  manual  0,1 MB  nicht von desk erstellt ... or gelöscht am 09.01.2027
    assert re.match(r"\d\d\.\d\d\.\d{4} \d\d:\d\d  \S+\s+\d+,\d MB  (gelöscht am \d\d\.\d\d\.\d{4}|nicht von desk)",
                    lines[1]), lines


def test_config_show_says_the_language_and_where_it_is_chosen(german, log_folder, monkeypatch, tmp_path,
                                                               capsys) -> None:
    monkeypatch.setenv("DESK_MACHINE_CONFIG", str(tmp_path / "none.toml"))
    assert admin(["config", "show"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert f"Protokolle:   {log_folder} (desk.log, desk-admin.log, faults.log dieses Benutzers)" in out
    assert "Sprache:      de (desk-admin; docs/INSTALL.md, 'The language of desk-admin')" in out
    assert any(line.startswith("database.url") and line.endswith("[Vorgabe]") for line in out), out
    assert any(line.startswith("backup.folder") and "(nicht gesetzt)" in line for line in out), out


def test_check_purge_and_erasure_say_their_results_in_german(german, log_folder, sqlite_db_url, cli_login,
                                                              monkeypatch, capsys) -> None:
    from privacy_helpers import add_client

    cli_login(sqlite_db_url)
    assert admin(["check", "--database-url", sqlite_db_url]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[:2] == ["Integrität: in Ordnung", "Fremdschlüssel: in Ordnung"], out
    assert out[2].startswith("Schema: ") and out[3].startswith("dieses Programm: Schema "), out
    assert admin(["purge", "--database-url", sqlite_db_url]) == 0
    assert capsys.readouterr().out.splitlines()[0] == "Besuche anonymisiert:       0"

    from desk.services.bootstrap import prepare_database
    from desk.services.desk import build_services

    services = build_services(prepare_database(sqlite_db_url))
    try:
        moment = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)
        client_id = add_client(services, "Sprache", "Deutsch", last_contact=moment, created=moment)
    finally:
        services.close()
    assert admin(["erase-client", str(client_id), "--yes", "--database-url", sqlite_db_url]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == f"Klient/in K-{client_id:06d} gelöscht", out
    assert "  Klient/innen gelöscht: 1" in out and not any("wal_clean" in line for line in out), out


def test_a_broken_reminder_channel_is_told_in_german(german, log_folder, sqlite_db_url, cli_login, tmp_path,
                                                      monkeypatch, capsys) -> None:
    machine = tmp_path / "desk.toml"
    machine.write_text('[reminders.smtp]\nhost = "mail.example"\nsender = "desk@example"\nsecurity = "plain"\n',
                       encoding="utf-8")
    monkeypatch.setenv("DESK_MACHINE_CONFIG", str(machine))
    cli_login(sqlite_db_url)
    assert admin(["reminders", "channels", "--database-url", sqlite_db_url]) == 1
    assert capsys.readouterr().out == (f'desk-admin: {machine} [reminders.smtp]: security muss "starttls" oder '
                                       '"tls" sein (nie unverschlüsselt).\n')


@pytest.mark.parametrize(("argv", "said"), [
    (["audit", "--limit", "zwei"], "desk-admin audit: Fehler: Argument --limit: 'zwei' ist keine ganze Zahl"),
    (["export-ics", "--staff", "x", "--from", "31.02.2027", "-o", "x.ics"],
     "desk-admin export-ics: Fehler: Argument --from: kein Datum (bitte JJJJ-MM-TT oder TT.MM.JJJJ): 31.02.2027"),
    (["room-add", "Büro 7", "--kind", "kueche"],
     "desk-admin room-add: Fehler: Argument --kind: ungültige Wahl: 'kueche' (möglich: 'office', 'group', 'kitchen')"),
])
def test_a_mistyped_option_is_refused_in_german(german, log_folder, capsys, argv, said) -> None:
    with pytest.raises(SystemExit) as stop:
        admin(argv)
    assert stop.value.code == 2
    assert capsys.readouterr().err.splitlines()[-1] == said


@pytest.mark.parametrize("language", ["de", "en"])
def test_the_days_of_a_refusal_are_written_as_the_reader_expects(language, log_folder, sqlite_db_url, tmp_path,
                                                                cli_login, capsys) -> None:
    """A service hands the days of its sentence over as dates: German 01.01.2000, English ISO
    2000-01-01 as desk-admin writes dates elsewhere (they were German in the English sentence)."""
    cli_login(sqlite_db_url)
    assert admin(["--lang", language, "report", "--from", "1999-01-01", "--to", "1999-12-31", "--format", "csv",
                  "--output", str(tmp_path / "bericht.csv"), "--database-url", sqlite_db_url]) != 0
    said = capsys.readouterr().err
    if language == "de":
        assert "Ein Bericht umfasst Tage vom 01.01.2000 bis zum 31.12." in said, said
    else:
        assert "A report covers days from 2000-01-01 to " in said and "-12-31." in said, said
    assert not (tmp_path / "bericht.csv").exists()
