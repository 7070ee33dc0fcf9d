"""The machine-wide configuration: precedence, where each value came from, no passwords in files,
the terminal-server rule, and `desk-admin config show`."""

from __future__ import annotations

from pathlib import Path

import pytest

from desk.cli import main as admin
from desk.services.config import ConfigError, TerminalServerError, check_terminal_server, load_config

SERVER = "postgresql+psycopg://desk@server.example:5432/desk?sslmode=verify-full"


@pytest.fixture()
def files(tmp_path: Path, monkeypatch):
    machine, user = tmp_path / "machine" / "desk.toml", tmp_path / "user" / "desk.toml"
    machine.parent.mkdir()
    user.parent.mkdir()
    monkeypatch.setenv("DESK_MACHINE_CONFIG", str(machine))
    monkeypatch.setenv("DESK_USER_CONFIG", str(user))
    for name in ("DESK_DATABASE_URL", "DESK_DISPLAY_SCREEN", "XRDP_SESSION", "X2GO_SESSION", "SESSIONNAME"):
        monkeypatch.delenv(name, raising=False)
    return machine, user


def test_precedence_command_line_environment_user_machine_default(files, monkeypatch) -> None:
    machine, user = files
    config = load_config()
    assert config.database_url.startswith("sqlite") and config.source("database.url") == "default"
    machine.write_text(f'[database]\nurl = "{SERVER}"\n[display]\nscreen = 1\n', encoding="utf-8")
    config = load_config()
    assert config.database_url == SERVER and config.source("database.url") == f"machine file {machine}"
    assert config.get("display.screen") == 1 and config.machine_names_a_server
    user.write_text('[database]\nurl = "postgresql+psycopg://me@other/desk"\n', encoding="utf-8")
    assert load_config().source("database.url") == f"user file {user}"
    assert load_config().get("display.screen") == 1  # the user file does not set it: the machine's holds
    monkeypatch.setenv("DESK_DATABASE_URL", "postgresql+psycopg://env@host/desk")
    monkeypatch.setenv("DESK_DISPLAY_SCREEN", "2")
    config = load_config()
    assert config.source("database.url") == "environment DESK_DATABASE_URL" and config.get("display.screen") == 2
    config = load_config(database_url="sqlite+pysqlite:////tmp/x.sqlite", screen=0)
    assert config.source("database.url") == "command line" and config.get("display.screen") == 0


def test_a_password_in_a_file_is_refused(files) -> None:
    machine, _ = files
    machine.write_text('[database]\nurl = "postgresql+psycopg://desk:geheim@server/desk"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="password file"):
        load_config()


def test_unknown_keys_wrong_types_and_machine_only_keys_are_refused(files) -> None:
    machine, user = files
    machine.write_text("[database]\nadress = 'x'\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="unknown setting 'database.adress'"):
        load_config()
    machine.write_text("[display]\nscreen = 'zwei'\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"'display.screen' must be a whole number \(without quotes\), "
                                          r"e.g. screen = 1"):
        load_config()
    machine.write_text("[display]\nfull_screen = 'ja'\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"must be true or false \(without quotes\), e.g. full_screen = true"):
        load_config()
    machine.write_text("[backup]\nfolder = 7\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"must be text in quotes"):
        load_config()
    machine.write_text("", encoding="utf-8")
    user.write_text("[backup]\nfolder = '/srv/mine'\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="only be set in the machine configuration"):
        load_config()
    user.write_text("[database\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=str(user.name)):
        load_config()


def test_terminal_server_refuses_a_per_user_sqlite_file(files, monkeypatch) -> None:
    machine, user = files
    monkeypatch.setenv("XRDP_SESSION", "1")
    config = load_config()
    assert config.get("machine.terminal_server") and "XRDP_SESSION" in config.source("machine.terminal_server")
    with pytest.raises(TerminalServerError, match="terminal server"):
        check_terminal_server(config)
    user.write_text("[database]\nurl = 'sqlite+pysqlite:////tmp/mine.sqlite'\n", encoding="utf-8")
    with pytest.raises(TerminalServerError):
        check_terminal_server(load_config())
    user.unlink()
    machine.write_text(f'[database]\nurl = "{SERVER}"\n', encoding="utf-8")
    check_terminal_server(load_config())  # the one shared database: fine
    machine.write_text("[machine]\nterminal_server = false\n", encoding="utf-8")
    check_terminal_server(load_config())  # the administrator says it is not one


def test_config_show_prints_values_and_sources(files, monkeypatch, capsys) -> None:
    machine, _ = files
    machine.write_text(f'[database]\nurl = "{SERVER}"\n[backup]\nfolder = "/srv/desk-backups"\n', encoding="utf-8")
    monkeypatch.setenv("DESK_DISPLAY_SCREEN", "1")
    assert admin(["config", "show"]) == 0
    out = capsys.readouterr().out
    assert f"database.url             {SERVER}  [machine file {machine}]" in out
    assert "display.screen           1  [environment DESK_DISPLAY_SCREEN]" in out
    assert "backup.folder            /srv/desk-backups" in out
    assert admin(["config", "show", "--database-url", "postgresql+psycopg://u:pw@h/d"]) == 0
    out = capsys.readouterr().out
    assert "u:***@h/d  [command line]" in out and "pw" not in out.replace("psycopg", "")


def test_the_reminder_channels_stand_in_the_same_machine_file(files, monkeypatch) -> None:
    """docs/REMINDERS.md puts [reminders.smtp] and [reminders.sms] into the machine's desk.toml;
    the configuration then refused the whole file ("unknown setting 'reminders.smtp'"): desk and
    desk-admin did not start. And the channels were read from DESK_CONFIG or the platform's
    folder, not from the machine file DESK_MACHINE_CONFIG names: two files for one machine."""
    from desk.services.reminder_channels import load_channel_config

    machine, user = files
    monkeypatch.delenv("DESK_CONFIG", raising=False)
    monkeypatch.setenv("DESK_SMTP_PASSWORD", "geheim")
    machine.write_text(f'[database]\nurl = "{SERVER}"\n[reminders.smtp]\nhost = "mail.example.org"\nport = 587\n'
                       'username = "termine@example.org"\npassword_env = "DESK_SMTP_PASSWORD"\n'
                       'sender = "Termine <termine@example.org>"\n', encoding="utf-8")
    assert load_config().database_url == SERVER
    channels = load_channel_config()
    assert channels.source == str(machine) and channels.smtp is not None and channels.smtp.host == "mail.example.org"
    user.write_text('[reminders.sms]\nprovider = "seven"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"'\[reminders\.\*\]' may only be set in the machine configuration"):
        load_config()
