"""Data-protection subcommands: export-client, erase-client, purge.

    desk-admin export-client 42 --to ./auskunft     JSON + PDF of everything about client 42
    desk-admin erase-client 42 --yes                remove the person everywhere (statistics stay)
    desk-admin purge                                apply the retention settings now, print counts
    desk-admin purge --compact                      ... then rewrite the files (SQLite VACUUM;
                                                    PostgreSQL VACUUM FULL of the affected tables)
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desk.cli.common import add_database_option, admin_session
from desk.cli.i18n import tr
from desk.domain.tickets import format_client_number, parse_client_number


def _client_id(text: str) -> int:
    value = parse_client_number(text)
    if value is None:
        raise argparse.ArgumentTypeError(tr("not a client number: {text!r} (e.g. 42 or K-000042)").format(text=text))
    return value


def register(subparsers: argparse._SubParsersAction) -> None:
    export = subparsers.add_parser("export-client", help=tr("write all data about one client (JSON and PDF)"))
    export.add_argument("client_id", type=_client_id, help=tr("client number (42 or K-000042)"))
    export.add_argument("--to", type=Path, default=Path.cwd(), help=tr("folder for the two files (default: here)"))
    add_database_option(export)
    export.set_defaults(handler=_export)

    erase = subparsers.add_parser("erase-client", help=tr("erase one client everywhere (anonymous statistics stay)"))
    erase.add_argument("client_id", type=_client_id, help=tr("client number (42 or K-000042)"))
    erase.add_argument("--yes", action="store_true", help=tr("do not ask for confirmation"))
    add_database_option(erase)
    erase.set_defaults(handler=_erase)

    purge = subparsers.add_parser("purge", help=tr("run the retention purge now and report counts"))
    purge.add_argument("--compact", action="store_true",
                       help=tr("afterwards rewrite the tables so freed space keeps no erased data "
                               "(PostgreSQL: VACUUM FULL; locks the tables while it runs)"))
    add_database_option(purge)
    purge.set_defaults(handler=_purge)


def _export(args: argparse.Namespace) -> int:
    with admin_session(args) as (services, actor):
        json_path, pdf_path = services.privacy.write_client_export(actor, args.client_id, args.to)
    print(tr("written: {path}").format(path=json_path))
    print(tr("written: {path}").format(path=pdf_path))
    return 0


def _erase(args: argparse.Namespace) -> int:
    if not args.yes:
        if not sys.stdin.isatty():
            print("desk-admin: " + tr("add --yes to erase without a question"), file=sys.stderr)
            return 2
        answer = input(tr("Erase client {number} everywhere? This cannot be undone. [y/N] ").format(
            number=format_client_number(args.client_id)))
        if answer.strip().lower() not in {"y", "yes", "j", "ja"}:  # either language's yes, whatever it asked in
            print(tr("nothing erased"))
            return 1
    with admin_session(args) as (services, actor):
        counts = services.privacy.erase_client(actor, args.client_id)
    print(tr("client {number} erased").format(number=format_client_number(args.client_id)))
    for key, value in sorted(counts.items()):
        if key != "wal_clean":  # said below when it matters
            print(f"  {_count_words(key)}: {value}")
    if not counts.get("wal_clean", 1):
        print("desk-admin: " + tr("the write-ahead log (desk.sqlite-wal) could not be emptied: another PC kept "
                                  "reading, and it still holds the erased data. Run `desk-admin purge` again when "
                                  "the other PCs are idle (the purge also runs every morning)."), file=sys.stderr)
        return 3
    return 0


def _count_words(key: str) -> str:
    """'visits anonymised' (a table, what was done to its rows) in the user's language; a table
    added later is named as it is called until it has words here."""
    table, _, what = key.partition(" ")
    tables = {"visits": tr("visits"), "appointments": tr("appointments"), "clients": tr("clients"),
              "reminder_contacts": tr("reminder contacts"), "reminder_sendings": tr("reminder sendings"),
              "audit_events": tr("audit entries")}
    verbs = {"anonymised": tr("anonymised"), "unlinked": tr("unlinked"), "deleted": tr("deleted"),
             "cancelled": tr("cancelled")}
    return f"{tables.get(table, table)} {verbs.get(what, what)}".strip()


def _purge(args: argparse.Namespace) -> int:
    with admin_session(args) as (services, actor):
        report = services.privacy.purge(actor)
        steps = services.privacy.compact(actor) if args.compact else []
    for label, count in ((tr("visits anonymised:       {count}"), report.visits_anonymised),
                         (tr("appointments anonymised: {count}"), report.appointments_anonymised),
                         (tr("inactive clients erased: {count}"), report.clients_deleted),
                         (tr("room bookings deleted:   {count}"), report.bookings_deleted),
                         (tr("audit entries deleted:   {count}"), report.audit_events_deleted)):
        print(label.format(count=count))
    for step in steps:
        print(tr("compact: {step}").format(step=step))
    return 0
