"""Backup subcommands: backup, restore FILE, check, backups.

    desk-admin backup [--to FOLDER]     an online backup now (SQLite backup API, or pg_dump into
                                        the machine configuration's [backup] folder only)
    desk-admin backup --daily           the daily one + weekly copy + rotation (scheduled task)
    desk-admin restore FILE [--confirm-old]  replace the SQLite database with a checked backup
                                        (the replaced file is kept in the backup folder; one
                                        older than 35 days needs --confirm-old; erasures made
                                        since the backup are applied again)
    desk-admin check                    integrity_check + foreign_key_check + schema version
    desk-admin backups                  list the backups in the backup folder

restore and check work on the file directly, so they also work when the database is damaged
and desk no longer starts. Close desk on this computer before restoring.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desk.cli.common import add_database_option, admin_session, open_services, sqlite_path
from desk.cli.i18n import error_text, fmt_date, fmt_datetime, fmt_number, tr
from desk.domain.backups import LIFETIME, LONGEST
from desk.domain.errors import DatabaseError
from desk.domain.tickets import BERLIN, format_client_number
from desk.services.backup import backup_too_old, check_file, checked_copy, restore_file, written_by_newer_desk
from desk.services.bootstrap import program_schema, resolve_database_url
from desk.services.clock import system_clock
from desk.services.context import Actor


def register(subparsers: argparse._SubParsersAction) -> None:
    backup = subparsers.add_parser("backup", help=tr("make an online backup now"))
    backup.add_argument("--to", type=Path, default=None, metavar=tr("FOLDER"),
                        help=tr("backup folder (SQLite; default: the data directory's backups). PostgreSQL: only the "
                                "machine configuration's [backup] folder"))
    backup.add_argument("--daily", action="store_true", help=tr("the daily backup with the weekly copy and rotation "
                                                                "(for the server's scheduled task; does nothing when "
                                                                "today's exists)"))
    add_database_option(backup)
    backup.set_defaults(handler=_backup)

    restore = subparsers.add_parser("restore", help=tr("replace the SQLite database with a checked backup"))
    restore.add_argument("file", type=Path, metavar=tr("FILE"), help=tr("the backup file (desk-*.sqlite)"))
    restore.add_argument("--confirm-old", action="store_true",
                         help=tr("restore a backup older than the retention period (35 days) all the same"))
    add_database_option(restore)
    restore.set_defaults(handler=_restore)

    check = subparsers.add_parser("check", help=tr("check the database (integrity, foreign keys, schema)"))
    add_database_option(check, login=False)  # counts and the schema version, no personal data
    check.set_defaults(handler=_check)

    listing = subparsers.add_parser("backups", help=tr("list the backups"))
    add_database_option(listing)
    listing.set_defaults(handler=_list)


def _backup(args: argparse.Namespace) -> int:
    with admin_session(args) as (services, actor):
        if args.daily:
            path = services.backup.run_daily_backup(actor)
            if path is None:
                print(tr("today's backup exists already"))
                return 0
        else:
            path = services.backup.backup_now(actor, args.to)
    print(tr("backup written: {path}").format(path=path))
    return 0


def _restore(args: argparse.Namespace) -> int:
    url = resolve_database_url(args.database_url)
    path = sqlite_path(url)
    if path is None:
        raise DatabaseError("restore works on SQLite files; restore PostgreSQL with pg_restore "
                            "(docs/INSTALL.md, 'Restore for real').")
    actor = _restore_login(args, path)
    now = system_clock()  # one moment for the age check and the replaced file's name
    days = backup_too_old(args.file, now)
    if days is not None and not args.confirm_old:
        print("desk-admin: " + tr("{file} is {days} days old, older than the retention period of {longest} days: "
                                  "it may hold data that should be gone. Nothing was changed; add --confirm-old "
                                  "to restore it all the same.").format(file=args.file, days=days,
                                                                        longest=LONGEST.days), file=sys.stderr)
        return 1
    kept = restore_file(args.file, path, now)
    print(tr("restored {file} -> {path}").format(file=args.file, path=path))
    if kept is not None:
        print(tr("the replaced database was kept as {path}").format(path=kept))
    # opening upgrades an older backup's schema and erases again every client number of the
    # ledger of erasures that came back (services/erasures.py), before the audit entry
    with open_services(args) as services:
        again = services.backup.record_restore(actor, args.file, kept=kept, age_days=days,
                                               confirmed_old=args.confirm_old)
        ledger = services.erasure_ledger()
        upgraded = services.upgrade_backup()
    if upgraded is not None:
        print(tr("the backup was written by an older desk: upgraded to this program's schema, after a copy as "
                 "restored: {path}").format(path=upgraded))
    if again:
        _erased_again(again)
    if kept is None and not ledger.exists():  # a new PC (no database was there): nobody could be erased again
        print("desk-admin: " + tr("note: there is no ledger of erasures at {ledger}, so nobody was erased again. "
                                  "If this backup comes from another computer, people erased there after it was "
                                  "made are back in the database: copy that computer's desk-erasures.txt to this "
                                  "path, then start desk (or run 'desk-admin info'), which erases them again "
                                  "(docs/DATA-PROTECTION.md, section 3).").format(ledger=ledger), file=sys.stderr)
    return 0


def _erased_again(client_ids) -> None:
    print(tr("erased again (erasures made after that backup, from the ledger): {numbers}").format(
        numbers=", ".join(format_client_number(i) for i in client_ids)))


def _restore_login(args: argparse.Namespace, path: Path) -> Actor:
    """A head of department of the database in use; when that file is missing or too damaged to
    open, a head of department of the backup that is to replace it (checked first)."""
    if path.exists():
        try:
            with admin_session(args) as (_services, actor):
                return actor
        except DatabaseError as error:
            print("desk-admin: " + tr("the database in use cannot be opened ({reason}); log in with an account of "
                                      "the backup instead").format(reason=error_text(error)), file=sys.stderr)
    with checked_copy(args.file) as url, admin_session(argparse.Namespace(**{**vars(args), "database_url": url})) \
            as (_services, actor):
        return actor


def _check(args: argparse.Namespace) -> int:
    url = resolve_database_url(args.database_url)
    path = sqlite_path(url)
    if path is not None:
        report = check_file(path)
    else:
        with open_services(args) as services:  # opening re-applies the ledger of erasures
            report = services.backup.check(Actor.system("desk-admin check"))
            again = services.reapplied_erasures()
        if again:  # a restored dump (the restore drill): erasures made since, applied again
            _erased_again(again)
    ok = tr("ok")
    print(tr("integrity: {result}").format(result=ok if report.integrity == ["ok"] else "; ".join(report.integrity[:10])))
    print(tr("foreign keys: {result}").format(result=ok if not report.foreign_keys else "; ".join(report.foreign_keys[:10])))
    print(tr("schema: {revision}").format(revision=report.revision or tr("none")))
    print(tr("this program: schema {revision}").format(revision=program_schema()))
    if not report.ok:
        print(tr("DAMAGED: restore the latest good backup with 'desk-admin restore FILE' (desk-admin backups lists "
                 "them)"))
        return 1
    if written_by_newer_desk(report.revision):  # desk refuses to open it: not "ok"
        print(tr("NEWER: this database was written by a newer version of desk (schema {revision}); this program "
                 "cannot open it. Install the newer version of desk on this computer.").format(revision=report.revision))
        return 1
    if report.revision is None:
        print(tr("EMPTY: this file holds no desk database (no schema). Choose the right file, or restore a backup "
                 "with 'desk-admin restore FILE'."))
        return 1
    if report.revision != program_schema():
        print(tr("older: desk upgrades it at its next start, after a backup (or now: desk-admin upgrade)"))
    return 0


def _list(args: argparse.Namespace) -> int:
    with admin_session(args) as (services, actor):
        backups = services.backup.backups(actor)
    rule = tr("daily backups are deleted after {daily} days; weekly, manual, pre-upgrade and replaced-database copies "
              "after {longest} days").format(daily=LIFETIME["daily"].days, longest=LONGEST.days)
    print(tr("rule: {rule} (desk-made files only)").format(rule=rule))
    for b in backups:
        # the centre's time, as in the file names and in Verwaltung (made_at is UTC): a daily
        # backup made at 00:05 on the 5th is not listed as the 4th at 23:05
        expires = (tr("deleted {day}").format(day=fmt_date(b.expires_at.astimezone(BERLIN).date())) if b.expires_at
                   else tr("not made by desk: kept"))
        print(f"{fmt_datetime(b.made_at)}  {b.kind:<15} {fmt_number(b.size / 1e6, 1):>8} MB  {expires:<18}  {b.path}")
    if not backups:
        print(tr("no backups yet"))
    return 0
