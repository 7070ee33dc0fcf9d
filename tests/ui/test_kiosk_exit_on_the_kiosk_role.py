"""The kiosk window's exit dialog on a PostgreSQL server, connected as <prefix>_kiosk (which reads
no password hash and writes no lockout counter: desk.storage.roles): a wrong password and a
counsellor's and the head's one-time one are refused with the dialog's sentence, the head's own
lets the kiosk close
(through the window's worker thread and AccountService.login's path for a role without hashes)."""

from __future__ import annotations

import dataclasses
import uuid

import pytest
import sqlalchemy as sa
from pg_roles import role_url  # noqa: E402 - tests/ on the path (conftest)
from PySide6.QtCore import Qt

from desk.cli import main as admin
from desk.domain.model import Role
from desk.services.accounts import NewAccount
from desk.services.bootstrap import prepare_database
from desk.services.context import Actor
from desk.services.desk import build_services
from desk.ui.kiosk.window import KioskWindow

pytestmark = pytest.mark.postgres

PASSWORD = "kiosk-exit-2026"
OWN_PASSWORD = "kiosk-eigenes-2026"


_url = role_url


@pytest.fixture
def kiosk_server(pg_server_url):
    name = f"t{uuid.uuid4().hex[:10]}"
    database = f"{name}_desk"
    admin_engine = sa.create_engine(_url(pg_server_url, None, "postgres"), isolation_level="AUTOCOMMIT")
    assert admin(["setup-server", "--database-url", _url(pg_server_url, None, database), "--prefix", name]) == 0
    yield _url(pg_server_url, f"{name}_app", database), _url(pg_server_url, f"{name}_kiosk", database)
    with admin_engine.connect() as connection:
        connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
        for role in ("app", "display", "kiosk", "owner"):
            connection.exec_driver_sql(f'DROP ROLE IF EXISTS "{name}_{role}"')
    admin_engine.dispose()


def test_the_head_leaves_the_kiosk_connected_as_the_kiosk_role(qtbot, make_ui_ctx, kiosk_server) -> None:
    app_url, kiosk_url = kiosk_server
    services = build_services(prepare_database(app_url))
    try:
        system = Actor.system("test")
        services.accounts.create_account(system, NewAccount("leitung", "Leitung", Role.HEAD, PASSWORD))
        services.accounts.create_account(system, NewAccount("beratung", "Beratung", Role.COUNSELLOR, PASSWORD))
    finally:
        services.close()
    kiosk_services = build_services(prepare_database(kiosk_url, read_only=True))
    try:
        ctx = make_ui_ctx(kiosk_services, dataclasses.replace(Actor.kiosk(), workstation="entrance"))
        window = KioskWindow(ctx, printer=None)
        qtbot.addWidget(window)
        window._may_close = False
        window.show()
        qtbot.waitUntil(lambda: ctx.workers_running == 0, timeout=20000)
        window.close()
        dialog = window.exit_dialog
        assert window.isVisible() and dialog is not None and dialog.isVisible()
        for user, password, said in (("leitung", "wrong password", ("Wrong user name or password",
                                                                     "Falscher Benutzername oder Passwort")),
                                     ("beratung", PASSWORD, ("Nur die Leitung",)),
                                     # the head's account was just created: a one-time password
                                     ("leitung", PASSWORD, ("Dieses Passwort gilt nur einmal",))):
            dialog.username.setText(user)
            dialog.password.setText(password)
            qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
            qtbot.waitUntil(lambda: dialog.message.text() != "" and dialog.ok.isEnabled(), timeout=20000)
            assert dialog.message.text().startswith(said) and window.isVisible(), dialog.message.text()
            dialog.message.setText("")
        # she logged in at a PC and chose her own: that one leaves the kiosk
        services = build_services(prepare_database(app_url))
        try:
            one_time = services.accounts.login(Actor.login_screen(), "leitung", PASSWORD)
            services.accounts.change_own_password(one_time, PASSWORD, OWN_PASSWORD)
        finally:
            services.close()
        dialog.username.setText("leitung")
        dialog.password.setText(OWN_PASSWORD)
        qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not window.isVisible(), timeout=20000)
    finally:
        kiosk_services.close()
