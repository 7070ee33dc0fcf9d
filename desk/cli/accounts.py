"""Account subcommands (a head of department logs in first, see desk.cli.common).

    desk-admin reset-password USERNAME      asks for a new password twice (audited)
    desk-admin accounts                     lists the accounts
"""

from __future__ import annotations

import argparse
import getpass
import sys

from desk.cli.common import add_database_option, admin_session
from desk.domain.errors import NotFoundError, ValidationError
from desk.domain.text import printable


def register(subparsers: argparse._SubParsersAction) -> None:
    reset = subparsers.add_parser("reset-password", help="set a new password for an account")
    reset.add_argument("username")
    reset.add_argument("--password-stdin", action="store_true", help="read the new password from standard input")
    add_database_option(reset)
    reset.set_defaults(handler=_reset)
    listing = subparsers.add_parser("accounts", help="list the accounts")
    add_database_option(listing)
    listing.set_defaults(handler=_list)


def _reset(args: argparse.Namespace) -> int:
    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\n")
    else:
        password = getpass.getpass("new password: ")
        if getpass.getpass("again: ") != password:
            raise ValidationError("The two passwords differ; nothing was changed.")
    with admin_session(args) as (services, actor):
        match = [a for a in services.accounts.accounts(actor) if a.username == args.username.strip().lower()]
        if not match:
            raise NotFoundError("There is no account {name}.", name=args.username)
        services.accounts.reset_password(actor, match[0].id, password)
    print(f"password of {args.username} changed")
    return 0


def _list(args: argparse.Namespace) -> int:
    with admin_session(args) as (services, actor):
        for a in services.accounts.accounts(actor):
            state = "active" if a.active else "deactivated"
            print(printable(f"{a.username:<20} {a.display_name:<30} {a.role.value:<10} {state}"))
    return 0
