"""Database subcommands: where it is, and bringing the schema up to date."""

from __future__ import annotations

import argparse

from desk.cli.common import add_database_option, admin_session, open_services
from desk.services.bootstrap import program_schema


def register(subparsers: argparse._SubParsersAction) -> None:
    info = subparsers.add_parser("info", help="show the database in use and its schema version")
    add_database_option(info, login=False)
    info.set_defaults(handler=_info)
    upgrade = subparsers.add_parser("upgrade", help="back up and upgrade the database schema")
    add_database_option(upgrade)
    upgrade.set_defaults(handler=_upgrade)


def _upgrade(args: argparse.Namespace) -> int:
    with admin_session(args):  # opening the database upgrades it (after a backup into the backup folder)
        pass
    return _info(args)


def _info(args: argparse.Namespace) -> int:
    with open_services(args) as services:
        print(f"database: {services.database_name}")
        print(f"schema:   {services.schema_revision()} (this program: {program_schema()})")
    return 0
