"""Helpers shared by the subcommands: the --database-url option, opening the services and the
head-of-department login that every subcommand touching personal data, accounts, settings or
backups needs.

The login: the user name comes from --user, else $DESK_ADMIN_USER, else it is asked for; the
password from --password-file, else $DESK_ADMIN_PASSWORD_FILE (for scheduled jobs: the file must
belong to the user running desk-admin and be readable by its owner only, or it is refused),
else it is asked for on the terminal. Without a terminal and without a password file the
command is refused. The login goes through the same service as the window's (argon2id, the
growing delay after wrong passwords, audited); the account must be a head of department. The
audit entries of the command carry the account (actor id and name), the operating-system user
and the host.
"""

from __future__ import annotations

import argparse
import dataclasses
import getpass
import os
import socket
import stat
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from desk.cli.i18n import tr
from desk.domain.errors import DatabaseError, PermissionDeniedError, ValidationError
from desk.domain.model import Role
from desk.services.bootstrap import DATABASE_URL_VARIABLE, prepare_database, resolve_database_url
from desk.services.context import Actor
from desk.services.desk import DeskServices, build_services

ADMIN_USER_VARIABLE = "DESK_ADMIN_USER"
PASSWORD_FILE_VARIABLE = "DESK_ADMIN_PASSWORD_FILE"


def add_database_option(parser: argparse.ArgumentParser, *, login: bool = True) -> None:
    parser.add_argument(
        "--database-url",
        help=tr("database address (default: ${variable}, else desk.toml of the user, then of the machine, else "
                "the SQLite file in the user data directory; see 'desk-admin config show')").format(
                    variable=DATABASE_URL_VARIABLE),
    )
    if login:
        add_login_options(parser)


def add_login_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--user", metavar=tr("USERNAME"),
                        help=tr("head-of-department account to log in with (default: ${variable}, else asked)")
                        .format(variable=ADMIN_USER_VARIABLE))
    parser.add_argument("--password-file", type=Path, metavar=tr("FILE"),
                        help=tr("read the password from FILE, which only its owner may read (for scheduled jobs; "
                                "default: ${variable}, else asked on the terminal)").format(
                                    variable=PASSWORD_FILE_VARIABLE))


def os_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no passwd entry (containers)
        return str(os.getuid()) if hasattr(os, "getuid") else "?"


def read_password_file(path: Path) -> str:
    """The first line of `path`; refused unless it belongs to this user and only its owner may read it."""
    try:
        info = path.stat()
    except OSError as error:
        raise ValidationError("The password file {path} cannot be read: {reason}", path=str(path),
                              reason=error.strerror or str(error)) from error
    if not stat.S_ISREG(info.st_mode):
        raise ValidationError("The password file {path} is not a file.", path=str(path))
    if os.name == "posix":
        if info.st_uid != os.getuid():
            raise PermissionDeniedError("The password file {path} belongs to another user; refused.", path=str(path))
        if info.st_mode & 0o077:
            raise PermissionDeniedError(
                "The password file {path} can be read by others (mode {mode}); refused. "
                "Make it readable by its owner only: chmod 600 {path}",
                path=str(path), mode=f"{stat.S_IMODE(info.st_mode):04o}")
    with path.open(encoding="utf-8") as handle:
        return handle.readline().rstrip("\r\n")


def _credentials(args: argparse.Namespace) -> tuple[str, str]:
    interactive = sys.stdin is not None and sys.stdin.isatty()
    username = (getattr(args, "user", None) or os.environ.get(ADMIN_USER_VARIABLE, "")).strip()
    password_file = getattr(args, "password_file", None) or os.environ.get(PASSWORD_FILE_VARIABLE, "").strip()
    if not username:
        if not interactive:
            raise PermissionDeniedError(
                "desk-admin needs the login of a head of department for this command: run it in a "
                "terminal, or give --user and --password-file (for scheduled jobs).")
        username = input(tr("head of department, user name: ")).strip()
    if password_file:
        return username, read_password_file(Path(password_file))
    if not interactive:
        raise PermissionDeniedError(
            "desk-admin needs the password of {name}: run it in a terminal, or give --password-file "
            "(a file only its owner may read).", name=username)
    return username, getpass.getpass(tr("password of {name}: ").format(name=username))


def login(services: DeskServices, args: argparse.Namespace) -> Actor:
    """Log in as a head of department (see the module text); the actor the command acts as."""
    username, password = _credentials(args)
    who = f"desk-admin, OS user {os_user()}"
    before = Actor(staff_id=None, name=who, role=Role.DISPLAY, workstation=socket.gethostname())
    actor = services.accounts.login(before, username, password)
    if actor.role != Role.HEAD:
        raise PermissionDeniedError("desk-admin needs a head-of-department account; {name} is not one.",
                                    name=username)
    return dataclasses.replace(actor, name=f"{actor.name} ({who})")


def sqlite_path(url: str) -> Path | None:
    """The file of an SQLite address; None for a server."""
    for prefix in ("sqlite+pysqlite:///", "sqlite:///"):
        if url.startswith(prefix):
            return Path(url[len(prefix):]).expanduser()
    return None


@contextmanager
def open_services(args: argparse.Namespace, *, create: bool = False) -> Iterator[DeskServices]:
    """The services without a login: only for commands that touch no personal data.

    An SQLite file that is not there is not made (only `create`, for synthetic data): a mistyped
    --database-url, or a PC whose desk never started, would otherwise get a new empty database,
    answer "wrong user name or password" (it has no accounts) or report on the wrong file."""
    url = resolve_database_url(getattr(args, "database_url", None))
    path = sqlite_path(url)
    if not create and path is not None and not path.exists():
        raise DatabaseError("The database file {path} does not exist.", path=str(path))
    db = prepare_database(url)
    services = build_services(db)
    try:
        yield services
    finally:
        services.close()


@contextmanager
def admin_session(args: argparse.Namespace) -> Iterator[tuple[DeskServices, Actor]]:
    """The services and the logged-in head of department."""
    with open_services(args) as services:
        yield services, login(services, args)
