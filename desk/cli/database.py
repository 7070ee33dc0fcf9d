"""Database subcommands: where it is, and bringing the schema up to date."""

from __future__ import annotations

import argparse

from desk.cli.common import add_database_option, admin_session, open_services
from desk.cli.i18n import tr
from desk.services.bootstrap import program_schema
from desk.services.desk import DeskServices


def register(subparsers: argparse._SubParsersAction) -> None:
    info = subparsers.add_parser("info", help=tr("show the database in use and its schema version (an older "
                                                 "schema is upgraded, after a backup, as at every start of desk)"))
    add_database_option(info, login=False)
    info.set_defaults(handler=_info)
    upgrade = subparsers.add_parser("upgrade", help=tr("back up and upgrade the database schema"))
    add_database_option(upgrade)
    upgrade.set_defaults(handler=_upgrade)


def _upgrade(args: argparse.Namespace) -> int:
    with admin_session(args) as (services, _actor):  # opening upgrades it (after a backup)
        _say(services)
    return 0


def _info(args: argparse.Namespace) -> int:
    with open_services(args) as services:  # as every start of desk: an older schema is upgraded
        _say(services)
    return 0


def _say(services: DeskServices) -> None:
    print(tr("database: {name}").format(name=services.database_name))
    print(tr("schema:   {revision} (this program: {program})").format(revision=services.schema_revision(),
                                                                     program=program_schema()))
    made = services.upgrade_backup()
    if made is not None:
        print(tr("upgraded just now from an older schema; the database was backed up first: {path}").format(path=made))
