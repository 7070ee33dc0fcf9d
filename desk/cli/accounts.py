"""Account subcommands (a head of department logs in first, see desk.cli.common).

    desk-admin reset-password USERNAME      asks for a new password twice (audited); it is one-time:
                                            at the next login the person chooses their own
    desk-admin accounts                     lists the accounts
    desk-admin recover-head USERNAME        the only head of department forgot the password: a new
                                            one, without a login, but only as the operating-system
                                            user owning the database file (PostgreSQL: superuser or
                                            database owner) and only if no other active head exists
"""

from __future__ import annotations

import argparse
import getpass
import socket
import sys

from desk.cli.common import add_database_option, admin_session, open_services, os_user
from desk.cli.i18n import tr
from desk.domain.errors import NotFoundError, ValidationError
from desk.domain.model import Role
from desk.domain.text import printable
from desk.services.context import Actor


def register(subparsers: argparse._SubParsersAction) -> None:
    reset = subparsers.add_parser("reset-password", help=tr("set a new password for an account"))
    reset.add_argument("username", metavar=tr("USERNAME"))
    reset.add_argument("--password-stdin", action="store_true", help=tr("read the new password from standard input"))
    add_database_option(reset)
    reset.set_defaults(handler=_reset)
    recover = subparsers.add_parser(
        "recover-head", help=tr("new password for the only head of department, who forgot it (needs OS-level access)"))
    recover.add_argument("username", metavar=tr("USERNAME"))
    recover.add_argument("--password-stdin", action="store_true", help=tr("read the new password from standard input"))
    add_database_option(recover, login=False)  # the login is what was forgotten; see recover_head
    recover.set_defaults(handler=_recover)
    listing = subparsers.add_parser("accounts", help=tr("list the accounts"))
    add_database_option(listing)
    listing.set_defaults(handler=_list)


def _reset(args: argparse.Namespace) -> int:
    password = _new_password(args)
    with admin_session(args) as (services, actor):
        match = [a for a in services.accounts.accounts(actor) if a.username == args.username.strip().lower()]
        if not match:
            raise NotFoundError("There is no account {name}.", name=args.username)
        services.accounts.reset_password(actor, match[0].id, password)
        own = match[0].id == actor.staff_id
    if own:
        print(tr("password of {name} changed").format(name=args.username))
    else:
        print(tr("password of {name} changed; it is valid once: at the next login in desk {name} must choose "
                 "their own").format(name=args.username))
    return 0


def _new_password(args: argparse.Namespace) -> str:
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\n")
    password = getpass.getpass(tr("new password: "))
    if getpass.getpass(tr("again: ")) != password:
        raise ValidationError("The two passwords differ; nothing was changed.")
    return password


def _recover(args: argparse.Namespace) -> int:
    password = _new_password(args)
    with open_services(args) as services:
        actor = Actor(staff_id=None, name=f"desk-admin recover-head, OS user {os_user()}", role=Role.DISPLAY,
                      workstation=socket.gethostname())
        services.accounts.recover_head(actor, args.username, password)
    print(tr("password of {name} changed (recorded in the audit log); it is valid once: at the next login in "
             "desk {name} must choose their own").format(name=args.username))
    return 0


def _list(args: argparse.Namespace) -> int:
    with admin_session(args) as (services, actor):
        for a in services.accounts.accounts(actor):
            state = tr("active") if a.active else tr("deactivated")
            if a.active and a.password_one_time:
                state = tr("active, one-time password (own one not chosen yet)")
            print(printable(f"{a.username:<20} {a.display_name:<30} {a.role.value:<10} {state}"))
    return 0
