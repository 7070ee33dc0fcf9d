"""Waiting-list subcommands: close the day (open visits -> left)."""

from __future__ import annotations

import argparse

from desk.cli.common import add_database_option, admin_session
from desk.cli.i18n import tr


def register(subparsers: argparse._SubParsersAction) -> None:
    close = subparsers.add_parser(
        "close-day",
        help=tr("close visits still open as 'left' (earlier days always; today after closing time or with --now)"),
    )
    add_database_option(close)
    close.add_argument("--now", action="store_true", help=tr("close today's open visits even before closing time"))
    close.set_defaults(handler=_close_day)


def _close_day(args: argparse.Namespace) -> int:
    with admin_session(args) as (services, actor):
        count = services.waitlist.close_day(actor, force=args.now)
        print(tr("closed {count} open visit(s) as left").format(count=count))
    return 0
