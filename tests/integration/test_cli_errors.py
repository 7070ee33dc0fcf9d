"""What the IT volunteer sees when a desk-admin command fails: one plain line and exit status 1,
never a Python traceback (that goes into desk-admin.log, for whoever fixes it)."""

from __future__ import annotations

import pytest

from desk.cli import main as admin
from desk.services.bootstrap import prepare_database
from desk.services.desk import build_services
from desk.storage.engine import sqlite_url


def test_an_unexpected_error_is_one_line_naming_the_log_and_the_traceback_is_in_the_log(
        log_folder, tmp_path, monkeypatch, capsys) -> None:
    import desk.cli.database

    def broken(_args):
        raise RuntimeError("a bug somewhere")

    monkeypatch.setattr(desk.cli.database, "_info", broken)
    assert admin(["info", "--database-url", sqlite_url(tmp_path / "desk.sqlite")]) == 1
    said = capsys.readouterr()
    log = log_folder / "desk-admin.log"
    assert "Traceback" not in said.err and "a bug somewhere" not in said.err, said.err
    assert said.err.strip() == (f"desk-admin: info failed unexpectedly (RuntimeError); nothing more is shown "
                                f"here, the details are in the log {log}: send that file to whoever looks "
                                "after desk."), said.err
    text = log.read_text(encoding="utf-8")
    assert "Traceback" in text and "RuntimeError: a bug somewhere" in text


def test_a_refusal_is_said_once_without_the_log_line(log_folder, tmp_path, capsys) -> None:
    """The terminal showed 'WARNING desk.cli: info failed: DatabaseError' above every message."""
    missing = tmp_path / "nowhere" / "desk.sqlite"
    assert admin(["info", "--database-url", sqlite_url(missing)]) == 1
    assert capsys.readouterr().err == f"desk-admin: The database file {missing} does not exist.\n"
    assert "info failed: DatabaseError" in (log_folder / "desk-admin.log").read_text(encoding="utf-8")


@pytest.mark.parametrize("output", ["missing/bericht.xlsx", "."])
def test_a_report_to_a_folder_that_is_not_there_is_refused_plainly(log_folder, tmp_path, cli_login, capsys,
                                                                    output) -> None:
    """desk-admin report --output into a folder that does not exist (or naming a folder) ended
    in xlsxwriter's FileCreateError traceback, after the report had been computed."""
    url = sqlite_url(tmp_path / "desk.sqlite")
    services = build_services(prepare_database(url))
    cli_login(services)
    services.close()
    target = tmp_path / output
    code = admin(["report", "--from", "2026-01-01", "--to", "2026-12-31", "--format", "xlsx",
                  "--output", str(target), "--database-url", url])
    said = capsys.readouterr().err
    assert code == 1 and "Traceback" not in said and "unexpectedly" not in said, said
    assert ("does not exist; nothing was written" in said) if output != "." else ("is a folder" in said), said


def test_config_show_names_the_log_folder(log_folder, tmp_path, monkeypatch, capsys) -> None:
    """'Send us the log': config show named the configuration files but not where the logs are."""
    monkeypatch.setenv("DESK_MACHINE_CONFIG", str(tmp_path / "none.toml"))
    assert admin(["config", "show"]) == 0
    assert f"log folder:   {log_folder} (desk.log, desk-admin.log, faults.log of this user)" \
        in capsys.readouterr().out.splitlines()


def test_setup_server_with_the_server_away_says_so(log_folder, capsys) -> None:
    """setup-server, the first command on a new server, ended in psycopg's OperationalError
    traceback when the server was not reachable (a wrong port, PostgreSQL not started)."""
    code = admin(["setup-server", "--database-url", "postgresql+psycopg://postgres@127.0.0.1:1/desk"])
    said = capsys.readouterr().err
    assert code == 1 and "unexpectedly" not in said and "Traceback" not in said, said
    assert "PostgreSQL: postgres@127.0.0.1:1/postgres cannot be reached" in said, said


def test_output_piped_into_head_is_not_an_error(log_folder, tmp_path, monkeypatch, capsys) -> None:
    """'desk-admin audit | head': when the reader closes the pipe, that is not an unexpected error."""
    import sys

    import desk.cli.database

    def piped(_args):
        raise BrokenPipeError

    monkeypatch.setattr(desk.cli.database, "_info", piped)
    monkeypatch.setattr(sys, "stdout", sys.stdout)  # main puts a sink there; restored afterwards
    assert admin(["info", "--database-url", sqlite_url(tmp_path / "desk.sqlite")]) == 0
    assert "unexpectedly" not in capsys.readouterr().err
