"""desk-admin logs in as a head of department for every subcommand touching personal data,
accounts, settings or backups; the audit names the account, the OS user and the host."""

from __future__ import annotations

import argparse
import getpass
import io
import json
import socket
from pathlib import Path

import pytest
from cli_head import CLI_HEAD_PASSWORD, CLI_HEAD_USER, ensure_cli_head

from desk.cli import build_parser
from desk.cli import main as admin
from desk.domain.model import Role
from desk.services.accounts import NewAccount
from desk.services.auditlog import AuditFilter
from desk.services.bootstrap import prepare_database
from desk.services.clients import ClientInput
from desk.services.context import Actor
from desk.services.desk import build_services

#: the only subcommands that need no login: they show no personal data and change nothing
#: of it (demo-data refuses any database that has an account; setup-server uses the
#: PostgreSQL superuser's connection and its own password)
NO_LOGIN = {"info", "check", "check-appointments", "bench", "demo-data", "setup-server",
            "config",  # this PC's settings and where they came from: no personal data
            # the only head forgot the password: OS-level access to the database instead (recover_head)
            "recover-head",
            # hidden children desk starts itself: a PDF from JSON on stdin, bench timings
            "_render-pdf", "_bench-watch", "_bench-probe"}


def _subcommands() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


def test_every_subcommands_help_says_what_it_does(capsys) -> None:
    """'desk-admin backup --help' showed the usage and the options only: not what the command
    does (the line of the command list), and import-clients not which columns the file needs."""
    for name, parser in _subcommands().items():
        if name.startswith("_"):  # the hidden children desk starts of itself
            continue
        assert parser.description, f"desk-admin {name} --help does not say what it does"
    with pytest.raises(SystemExit):  # the list of commands says where to go from there
        admin(["--help"])
    text = " ".join(capsys.readouterr().out.split())
    assert "desk-admin COMMAND --help" in text and "Exit status 0" in text and "config show" in text, text
    with pytest.raises(SystemExit):
        admin(["backup", "--help"])
    assert "Make an online backup now." in capsys.readouterr().out
    with pytest.raises(SystemExit):
        admin(["import-clients", "--help"])
    text = " ".join(capsys.readouterr().out.split())
    assert "given_name and family_name" in text and "date_of_birth (DD.MM.YYYY or YYYY-MM-DD)" in text, text


def test_every_subcommand_but_the_harmless_ones_takes_a_login() -> None:
    for name, parser in _subcommands().items():
        options = {o for a in parser._actions for o in a.option_strings}
        if name in NO_LOGIN:
            assert "--password-file" not in options, name
        else:
            assert {"--user", "--password-file"} <= options, f"desk-admin {name} has no login"


@pytest.fixture
def filled(sqlite_services):
    client = sqlite_services.clients.create(Actor.system("test"), ClientInput(given_name="Amal", family_name="Haddad"))
    ensure_cli_head(sqlite_services)
    return sqlite_services, client.id


def _url(services) -> str:
    return f"sqlite:///{services.db.sqlite_path}"


@pytest.mark.parametrize("argv", [
    ["export-client", "1", "--to", "{tmp}"],
    ["erase-client", "1", "--yes"],
    ["purge"],
    ["accounts"],
    ["backup", "--to", "{tmp}"],
    ["backups"],
    ["find-client", "Amal"],
    ["close-day", "--now"],
    ["export-ics", "--staff", "x", "-o", "{tmp}/x.ics"],
    ["audit", "--client", "1"],
    ["report", "--from", "2026-01-01", "--to", "2026-01-31", "--format", "csv", "--output", "{tmp}/r.zip"],
    ["upgrade"],
])
def test_without_a_login_nothing_happens(filled, argv, tmp_path: Path, capsys, monkeypatch) -> None:
    services, client_id = filled
    monkeypatch.setattr("sys.stdin", io.StringIO(""))  # a scheduled job: no terminal
    out = tmp_path / "out"
    out.mkdir()
    argv = [a.replace("{tmp}", str(out)) for a in argv]
    assert admin([*argv, "--database-url", _url(services)]) == 1
    assert "head of department" in capsys.readouterr().err
    assert not list(out.iterdir())
    assert services.clients.card(Actor.system("test"), client_id).family_name == "Haddad"


def test_reset_password_needs_a_login_too(filled, monkeypatch, capsys) -> None:
    services, _ = filled
    monkeypatch.setattr("sys.stdin", io.StringIO("neues-passwort-1\n"))
    assert admin(["reset-password", CLI_HEAD_USER, "--password-stdin", "--database-url", _url(services)]) == 1
    assert services.accounts.login(Actor.login_screen(), CLI_HEAD_USER, CLI_HEAD_PASSWORD).role == Role.HEAD


def test_a_password_file_others_can_read_is_refused(filled, tmp_path: Path, capsys, cli_login) -> None:
    services, _ = filled
    password_file = cli_login(services)
    password_file.chmod(0o644)
    assert admin(["accounts", "--database-url", _url(services)]) == 1
    assert "readable by its owner only" in capsys.readouterr().err
    password_file.chmod(0o640)
    assert admin(["accounts", "--database-url", _url(services)]) == 1
    password_file.chmod(0o600)
    assert admin(["accounts", "--database-url", _url(services)]) == 0
    assert CLI_HEAD_USER in capsys.readouterr().out


def test_wrong_password_and_non_head_accounts_are_refused(filled, tmp_path: Path, capsys, cli_login) -> None:
    services, _ = filled
    cli_login(services)
    services.accounts.create_account(Actor.system("test"), NewAccount("beratung1", "B. Eins", Role.COUNSELLOR,
                                                                      CLI_HEAD_PASSWORD))
    assert admin(["accounts", "--user", "beratung1", "--database-url", _url(services)]) == 1
    assert "not one" in capsys.readouterr().err
    wrong = tmp_path / "wrong"
    wrong.write_text("falsch-falsch\n")
    wrong.chmod(0o600)
    assert admin(["accounts", "--password-file", str(wrong), "--database-url", _url(services)]) == 1
    assert "Wrong user name or password" in capsys.readouterr().err
    failures = services.audit_log.query(Actor.system("test"), AuditFilter(action="login.failure"))
    assert failures and "desk-admin" in failures[0].actor_name


def test_the_audit_names_account_os_user_and_host(filled, tmp_path: Path, capsys, cli_login) -> None:
    services, client_id = filled
    cli_login(services)
    assert admin(["export-client", str(client_id), "--to", str(tmp_path), "--database-url", _url(services)]) == 0
    head_id = next(a.id for a in services.accounts.accounts(Actor.system("test")) if a.username == CLI_HEAD_USER)
    (export,) = services.audit_log.query(Actor.system("test"), AuditFilter(action="client.export"))
    assert export.actor_id == head_id
    assert "Leitung Kommandozeile" in export.actor_name and f"OS user {getpass.getuser()}" in export.actor_name
    assert export.workstation == socket.gethostname()
    (success,) = [row for row in services.audit_log.query(Actor.system("test"), AuditFilter(action="login.success"))
                  if "desk-admin" in row.details]
    assert success.actor_id == head_id


def test_find_client_and_import_are_audited_per_client(filled, tmp_path: Path, capsys, cli_login) -> None:
    services, client_id = filled
    cli_login(services)
    assert admin(["find-client", "Amal Haddad", "--database-url", _url(services)]) == 0
    looked = services.audit_log.query(Actor.system("test"), AuditFilter(action="client.lookup"))
    assert [row.client_id for row in looked] == [client_id]
    # the search's list read, written in the background, is in the database before desk-admin ends
    shown = services.audit_log.query(Actor.system("test"), AuditFilter(action="client.list_read"))
    assert [json.loads(row.details) for row in shown] == [{"list": "search", "client_ids": [client_id]}]
    csv_file = tmp_path / "c.csv"
    csv_file.write_text("given_name,family_name\nOlena,Kovalenko\nYusuf,Demir\n", encoding="utf-8")
    assert admin(["import-clients", str(csv_file), "--database-url", _url(services)]) == 0
    created = services.audit_log.query(Actor.system("test"), AuditFilter(action="client.create"))
    assert len([row for row in created if row.client_id and "import_line" in row.details]) == 2


def test_harmless_commands_need_no_login(filled, capsys, monkeypatch) -> None:
    services, _ = filled
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert admin(["info", "--database-url", _url(services)]) == 0
    assert admin(["check", "--database-url", _url(services)]) == 0
    assert admin(["check-appointments", "--database-url", _url(services)]) == 0
    with pytest.raises(SystemExit) as version:
        admin(["--version"])
    assert version.value.code == 0


def test_demo_data_refuses_a_database_with_any_account(tmp_path: Path, capsys) -> None:
    url = f"sqlite:///{tmp_path / 'real.sqlite'}"
    services = build_services(prepare_database(url))
    services.accounts.create_first_head(Actor.login_screen(), NewAccount("leitung", "Leitung", Role.HEAD,
                                                                         "ein-langes-passwort"))
    services.close()
    assert admin(["demo-data", "--years", "1", "--clients", "5", "--visits", "5", "--appointments", "1",
                  "--bookings", "1", "--yes", "--database-url", url]) == 1
    assert "without any account" in capsys.readouterr().err
    services = build_services(prepare_database(url))
    try:
        with services.uow() as uow:
            assert uow.accounts.count() == 1
        assert services.clients.search(Actor.system("test"), "a") == []
    finally:
        services.close()


def test_restore_needs_a_login(filled, tmp_path: Path, capsys, monkeypatch, cli_login) -> None:
    services, client_id = filled
    backup = services.backup.backup_now(Actor.system("test"), tmp_path / "bk")
    services.clients.create(Actor.system("test"), ClientInput(given_name="Nach", family_name="Sicherung"))
    url = _url(services)
    services.close()
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert admin(["restore", str(backup), "--database-url", url]) == 1
    assert "head of department" in capsys.readouterr().err
    reopened = build_services(prepare_database(url))
    try:
        assert len(reopened.clients.search(Actor.system("test"), "Sicherung")) == 1  # not replaced
    finally:
        reopened.close()
    cli_login(url)
    assert admin(["restore", str(backup), "--database-url", url]) == 0


@pytest.mark.parametrize("argv", [["accounts"], ["info"], ["upgrade"], ["recover-head", "x", "--password-stdin"],
                                  ["check-appointments"]])
def test_a_database_file_that_is_not_there_is_named_not_made(argv, tmp_path: Path, capsys, monkeypatch) -> None:
    """A mistyped --database-url (or a PC whose desk never started): desk-admin says the file is
    missing; it does not create an empty database and then answer "wrong user name or password"
    (the new file has no accounts) or show the schema of a file nobody uses."""
    monkeypatch.setattr("sys.stdin", io.StringIO("neues-passwort-1\n"))
    missing = tmp_path / "tippfehler" / "desk.sqlite"
    assert admin([*argv, "--database-url", f"sqlite:///{missing}"]) != 0
    err = capsys.readouterr().err
    assert f"The database file {missing} does not exist." in err
    assert "Wrong user name or password" not in err
    assert not missing.exists() and not missing.parent.exists()


def test_demo_data_still_makes_its_database(tmp_path: Path) -> None:
    target = tmp_path / "new" / "bench.sqlite"
    assert admin(["demo-data", "--years", "1", "--clients", "50", "--visits", "100", "--appointments", "10",
                  "--bookings", "5", "--database-url", f"sqlite:///{target}"]) == 0
    assert target.exists()


def test_a_csv_report_named_csv_is_said_to_be_a_zip(filled, tmp_path: Path, capsys, cli_login) -> None:
    """`--format csv` writes a zip of one CSV per table; given `bericht.csv` it still writes there,
    and says what the file is, so nobody opens zip bytes in a spreadsheet without a word."""
    services, _ = filled
    cli_login(services)
    target = tmp_path / "bericht.csv"
    argv = ["report", "--from", "2026-01-01", "--to", "2026-01-31", "--format", "csv", "--database-url", _url(services)]
    assert admin([*argv, "--output", str(target)]) == 0
    assert target.read_bytes()[:2] == b"PK"
    assert "bericht.zip" in capsys.readouterr().err
    assert admin([*argv, "--output", str(tmp_path / "bericht.zip")]) == 0
    assert "note:" not in capsys.readouterr().err


def test_the_documented_windows_backup_task_carries_its_own_login() -> None:
    """docs/INSTALL.md had the administrator 'setx DESK_ADMIN_USER ...' in their own prompt and
    then created a task running as another account (the backup user), which never sees those
    variables: the scheduled backup was refused every night. The task's command line, as
    Windows hands it to desk-admin.exe, must name the login itself."""
    import re
    import shlex
    from pathlib import Path

    text = (Path(__file__).resolve().parents[2] / "docs" / "INSTALL.md").read_text(encoding="utf-8")
    block = text.split("<!-- schtasks -->", 1)[1].split("```bat\n", 1)[1].split("```", 1)[0]
    assert "/RU " in block and "setx DESK_ADMIN" not in text
    task = re.search(r'/TR "((?:[^"\\]|\\.)*)"', block.replace("^\n", " "))
    assert task, block
    command = task.group(1).replace('\\"', '"')
    words = shlex.split(command.replace("\\", "/"))  # Windows paths: no escapes meant
    assert words[0].endswith("desk-admin.exe"), words
    args = build_parser().parse_args(words[1:])
    assert args.command == "backup" and args.daily and args.user == "leitung" and args.password_file, args


def test_desk_admin_reset_sets_a_one_time_password_that_desk_admin_refuses(filled, tmp_path: Path, capsys,
                                                                            cli_login, monkeypatch) -> None:
    """A password set with desk-admin reset-password is one-time, like one set in Verwaltung: the
    person chooses their own at the next login in desk, and until then desk-admin refuses it."""
    services, client_id = filled
    cli_login(services)
    services.accounts.create_account(Actor.system("test"), NewAccount("vize", "Herr Vize", Role.HEAD,
                                                                      "erstes-pw-2026"))
    monkeypatch.setattr("sys.stdin", io.StringIO("vom-admin-2026\n"))
    assert admin(["reset-password", "vize", "--password-stdin", "--database-url", _url(services)]) == 0
    assert "must choose their own" in capsys.readouterr().out
    assert admin(["accounts", "--database-url", _url(services)]) == 0
    assert "one-time password" in next(line for line in capsys.readouterr().out.splitlines() if "vize" in line)
    assert services.accounts.login(Actor.login_screen(), "vize", "vom-admin-2026").password_one_time
    # the one-time password opens nothing in desk-admin either
    one_time = tmp_path / "one-time"
    one_time.write_text("vom-admin-2026\n")
    one_time.chmod(0o600)
    out = tmp_path / "out"
    out.mkdir()
    assert admin(["export-client", str(client_id), "--to", str(out), "--user", "vize", "--password-file",
                  str(one_time), "--database-url", _url(services)]) == 1
    assert "valid only once" in capsys.readouterr().err
    assert not list(out.iterdir())
