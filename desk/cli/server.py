"""`desk-admin setup-server`: PostgreSQL roles for a centre with several PCs, then the schema.

    desk-admin setup-server --database-url postgresql+psycopg://postgres@server/desk
        [--prefix desk] [--app-password-file FILE] [--display-password-file FILE]

Over a superuser's connection (it needs no desk login: the superuser's password is the key),
idempotently: creates the roles <prefix>_owner (owns everything, runs the migrations, no
login), <prefix>_app (the desk on the PCs: data rights only) and <prefix>_display (the
waiting-room PC: the display's calls only) and the database if missing; hands the database to
the owner; migrates and seeds as the owner; grants the rights (desk/services/server.py, desk/storage/roles.py). Run it
again after installing a newer desk: the application's role never upgrades the schema itself.
The PCs then use postgresql+psycopg://<prefix>_app:PASSWORD@server/desk, the display PC
postgresql+psycopg://<prefix>_display:PASSWORD@server/desk.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from desk.cli.common import read_password_file
from desk.cli.i18n import said, tr
from desk.services.server import ServerRoles, redact_url, setup_server


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("setup-server", help=tr("PostgreSQL: create the owner, application and display "
                                           "roles (and the kiosk's), then migrate and seed (superuser connection)"))
    parser.add_argument("--database-url", required=True,
                        help=tr("a superuser's address of the centre's database, e.g. "
                                "postgresql+psycopg://postgres@server/desk"))
    parser.add_argument("--prefix", default="desk", help=tr("role names <prefix>_owner, _app, _display, _kiosk (default desk)"))
    parser.add_argument("--app-password-file", type=Path, metavar=tr("FILE"),
                        help=tr("set the application role's password from FILE (readable by its owner only)"))
    parser.add_argument("--display-password-file", type=Path, metavar=tr("FILE"),
                        help=tr("set the display role's password from FILE (readable by its owner only)"))
    parser.add_argument("--kiosk-password-file", type=Path, metavar=tr("FILE"),
                        help=tr("set the self-service kiosk role's password from FILE (readable by its owner only)"))
    parser.set_defaults(handler=_setup)


def _setup(args: argparse.Namespace) -> int:
    roles = ServerRoles.named(args.prefix)
    passwords = {}
    if args.app_password_file:
        passwords[roles.app] = read_password_file(args.app_password_file)
    if args.display_password_file:
        passwords[roles.display] = read_password_file(args.display_password_file)
    if args.kiosk_password_file:
        passwords[roles.kiosk] = read_password_file(args.kiosk_password_file)
    print(tr("server: {address}").format(address=redact_url(args.database_url)))
    setup_server(args.database_url, roles, passwords=passwords,
                 say=lambda template, **params: print("  " + said(template, **params)))
    return 0
