"""`desk-admin setup-server`: PostgreSQL for a centre with several PCs (roles, schema, rights).

The roles and the rights are storage's (desk/storage/roles.py); this module puts the steps in
their order for the command line, which does not reach into storage itself.
"""

from __future__ import annotations

from collections.abc import Callable

from desk.domain.tickets import format_client_number
from desk.services.bootstrap import prepare_database, reapplied_erasures
from desk.storage.engine import redact_url
from desk.storage.roles import ServerRoles, grant_rights, prepare_server

__all__ = ["ServerRoles", "redact_url", "setup_server"]


def setup_server(url: str, roles: ServerRoles, *, passwords: dict[str, str], say: Callable[..., None]) -> None:
    """Over a superuser's connection, idempotently: the roles and the database, the schema
    migrated and seeded as the owner, then the rights of the application and the display.
    `say(template, **params)`: each step, an English template (desk-admin translates it)."""
    prepare_server(url, roles, passwords=passwords, say=say)
    db = prepare_database(url, role=roles.owner)  # migrate and seed as the owner
    # after a restore (docs/INSTALL.md): opening erased again whoever the ledger names
    again = reapplied_erasures(db)
    db.dispose()
    say("schema migrated and seeded as {owner}", owner=roles.owner)
    if again:
        say("erased again (erasures made after that backup, from the ledger): {numbers}",
            numbers=", ".join(format_client_number(i) for i in again))
    grant_rights(url, roles)
    say("rights granted: {app} (data only, audit log append-only), {display} (display only), {kiosk} (kiosk "
        "only: services, tickets, appointment check-in; no password hash, lockout counter or date of birth - "
        "those through the owner's functions)", app=roles.app, display=roles.display, kiosk=roles.kiosk)
