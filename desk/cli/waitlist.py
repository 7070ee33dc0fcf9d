"""Waiting-list subcommands: close the day (open visits -> left)."""

from __future__ import annotations

import argparse

from desk.cli.common import add_database_option, open_services
from desk.services.context import Actor


def register(subparsers: argparse._SubParsersAction) -> None:
    close = subparsers.add_parser(
        "close-day",
        help="close visits still open as 'left' (earlier days always; today after closing time or with --now)",
    )
    add_database_option(close)
    close.add_argument("--now", action="store_true", help="close today's open visits even before closing time")
    close.set_defaults(handler=_close_day)


def _close_day(args: argparse.Namespace) -> int:
    with open_services(args) as services:
        count = services.waitlist.close_day(Actor.system("desk-admin close-day"), force=args.now)
        print(f"closed {count} open visit(s) as left")
    return 0
