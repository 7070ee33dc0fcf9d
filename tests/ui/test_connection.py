"""Start-up when the database cannot be used: the reasons told apart (from libpq's real texts and
a real server), the connection dialog (address, Retry, Change address with a head login on the
new database), and the first-start wizard naming its database and warning about a local file."""

from __future__ import annotations

from pathlib import Path

import pytest

from desk.domain.errors import (
    DatabaseNeedsUpgradeError,
    DatabaseTooNewError,
    NoSuchDatabaseError,
    ServerUnreachableError,
    TlsError,
    WrongPasswordError,
)
from desk.domain.model import Role
from desk.services.accounts import NewAccount
from desk.services.bootstrap import prepare_database
from desk.services.context import Actor
from desk.services.desk import build_services
from desk.storage.engine import _server_error, open_database, sqlite_url
from desk.ui.connection import ConnectionDialog, headline

LIBPQ = {  # what libpq 15-17 says, as psycopg passes it on
    'connection to server at "10.9.9.9", port 5432 failed: Connection refused\n\tIs the server running': ServerUnreachableError,
    'connection to server at "srv" (10.0.0.5), port 5432 failed: timeout expired': ServerUnreachableError,
    'could not translate host name "srv.example" to address: Name or service not known': ServerUnreachableError,
    'connection to server at "127.0.0.1", port 5432 failed: FATAL:  password authentication failed for user "desk"': WrongPasswordError,
    'connection to server at "127.0.0.1", port 5432 failed: fe_sendauth: no password supplied': WrongPasswordError,
    'connection to server at "127.0.0.1", port 5432 failed: FATAL:  role "dsek" does not exist': WrongPasswordError,
    'connection to server at "127.0.0.1", port 5432 failed: FATAL:  database "dsek" does not exist': NoSuchDatabaseError,
    'connection to server at "127.0.0.1", port 5432 failed: FATAL:  no pg_hba.conf entry for host "10.0.0.7", user "desk", database "desk", no encryption': TlsError,
    'connection to server at "srv" (10.0.0.5), port 5432 failed: server does not support SSL, but SSL was required': TlsError,
    'connection to server at "srv" (10.0.0.5), port 5432 failed: root certificate file "/root/.postgresql/root.crt" does not exist': TlsError,
    'connection to server at "srv" (10.0.0.5), port 5432 failed: SSL error: certificate verify failed': TlsError,
}


@pytest.mark.parametrize("message", list(LIBPQ))
def test_libpq_reasons_are_told_apart(message: str) -> None:
    assert type(_server_error(message.lower(), "PostgreSQL: desk@srv:5432/desk")) is LIBPQ[message]


@pytest.mark.postgres
def test_a_real_server_wrong_database_and_closed_port() -> None:
    import os

    from sqlalchemy.engine import make_url

    if not os.environ.get("DESK_TEST_POSTGRES_URL"):
        pytest.skip("DESK_TEST_POSTGRES_URL is not set: no PostgreSQL server to test against")
    base = make_url(os.environ["DESK_TEST_POSTGRES_URL"])
    with pytest.raises(NoSuchDatabaseError):
        open_database(base.set(database="desk_no_such_database").render_as_string(hide_password=False))
    with pytest.raises(ServerUnreachableError):
        open_database(base.set(host="127.0.0.1", port=1).render_as_string(hide_password=False))


@pytest.fixture()
def user_config(tmp_path: Path, monkeypatch):
    path = tmp_path / "user" / "desk.toml"
    monkeypatch.setenv("DESK_USER_CONFIG", str(path))
    monkeypatch.setenv("DESK_MACHINE_CONFIG", str(tmp_path / "machine.toml"))
    return path


@pytest.mark.parametrize(("error", "expected"), [
    (ServerUnreachableError(where="PostgreSQL: desk@srv:5432/desk", reason="timeout expired"), "nicht erreichbar"),
    (WrongPasswordError(where="x"), "Passwort"),
    (NoSuchDatabaseError(where="x"), "keine solche Datenbank"),
    (TlsError(where="x", reason="certificate verify failed"), "Zertifikat"),
    (DatabaseNeedsUpgradeError(where="x", found="0002", known="0003"), "Administrator"),
    (DatabaseTooNewError(where="x", found="0099", known="0003"), "neuer"),
])
def test_the_dialog_names_the_reason_and_the_address_in_german(qtbot, error, expected) -> None:
    from desk.ui.i18n import install_language

    install_language("de")
    dialog = ConnectionDialog("postgresql+psycopg://desk:geheim@srv:5432/desk", error, verify=lambda *a: None)
    qtbot.addWidget(dialog)
    assert expected in dialog.headline.text() == headline(error)
    assert "srv:5432/desk" in dialog.where.text() and "geheim" not in dialog.where.text()
    assert dialog.details.text() and dialog.retry_button.text() == "&Wiederholen"
    dialog.retry_button.click()
    assert dialog.result() == ConnectionDialog.DialogCode.Accepted and dialog.address.endswith("/desk")


def test_change_address_needs_a_head_login_on_the_new_database(qtbot, tmp_path, user_config) -> None:
    from desk.app import _verify_head_login

    new_url = sqlite_url(tmp_path / "other.sqlite")
    services = build_services(prepare_database(new_url))
    head = services.accounts.create_first_head(Actor.login_screen(),
                                               NewAccount("chefin", "Chefin", Role.HEAD, "geheim-123"))
    services.accounts.create_account(head, NewAccount("empfang1", "Empfang", Role.RECEPTION, "geheim-456"))
    services.close()
    dialog = ConnectionDialog("postgresql+psycopg://desk@gone:5432/desk",
                              ServerUnreachableError(where="gone", reason="timeout expired"), verify=_verify_head_login)
    qtbot.addWidget(dialog)
    dialog.change_button.click()
    assert dialog.change_box.isVisibleTo(dialog)
    dialog.new_address.setText(new_url)
    dialog.username.setText("chefin")
    dialog.password.setText("falsch-000")
    assert not dialog.save_address() and not user_config.exists()
    assert dialog.change_message.text() and dialog.password.text() == ""
    dialog.username.setText("empfang1")  # a colleague's account: not enough
    dialog.password.setText("geheim-456")
    assert not dialog.save_address() and not user_config.exists()
    dialog.username.setText("chefin")
    dialog.password.setText("geheim-123")
    assert dialog.save_address()
    assert dialog.address == new_url and new_url in user_config.read_text(encoding="utf-8")
    from desk.services.config import load_config

    assert load_config().database_url == new_url


def test_first_start_wizard_names_the_database_and_warns_about_a_local_file(qtbot, sqlite_services, tmp_path,
                                                                             user_config, make_ui_ctx) -> None:
    from desk.ui.login import FirstStartWizard

    ctx = make_ui_ctx(sqlite_services, Actor.login_screen())
    wizard = FirstStartWizard(ctx)
    qtbot.addWidget(wizard)
    assert str(sqlite_services.db.sqlite_path) in wizard.database_label.text()
    assert not wizard.local_warning.isVisibleTo(wizard)
    (tmp_path / "machine.toml").write_text(
        '[database]\nurl = "postgresql+psycopg://desk@server.example:5432/desk"\n', encoding="utf-8")
    wizard = FirstStartWizard(ctx)
    qtbot.addWidget(wizard)
    assert wizard.local_warning.isVisibleTo(wizard) and "server.example" in wizard.local_warning.text()
