"""Helpers shared by the subcommands: the --database-url option and opening the services."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager

from desk.services.bootstrap import DATABASE_URL_VARIABLE, prepare_database, resolve_database_url
from desk.services.desk import DeskServices, build_services


def add_database_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--database-url",
        help=f"database address (default: ${DATABASE_URL_VARIABLE}, else the SQLite file in the user data directory)",
    )


@contextmanager
def open_services(args: argparse.Namespace) -> Iterator[DeskServices]:
    db = prepare_database(resolve_database_url(getattr(args, "database_url", None)))
    services = build_services(db)
    try:
        yield services
    finally:
        services.close()
