"""desk-admin appointment commands: export a counsellor's appointments or a series as ICS,
and check that no counsellor has overlapping appointments.

    desk-admin export-ics --staff USERNAME [--from 2026-12-01] [--days 92] [--names] [--notes] -o out.ics
    desk-admin export-ics --series SERIES_ID -o out.ics
    desk-admin check-appointments
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desk.cli.common import add_database_option, admin_session, open_services
from desk.cli.i18n import parse_day, tr, whole_number
from desk.domain.errors import NotFoundError
from desk.services.context import Actor


def register(subparsers: argparse._SubParsersAction) -> None:
    export = subparsers.add_parser("export-ics", help=tr("export a counsellor's appointments or a series as an ICS file"))
    add_database_option(export)
    which = export.add_mutually_exclusive_group(required=True)
    which.add_argument("--staff", metavar=tr("USERNAME"), help=tr("the counsellor's user name"))
    which.add_argument("--series", metavar="SERIES_ID", help=tr("the series id of series appointments"))
    export.add_argument("--from", dest="first_day", type=parse_day,
                        help=tr("first day (YYYY-MM-DD or DD.MM.YYYY; default today)"))
    export.add_argument("--days", type=whole_number, default=92, help=tr("number of days (default 92)"))
    export.add_argument("--names", action="store_true", help=tr("put client names into the file (default: client number only)"))
    export.add_argument("--notes", action="store_true", help=tr("put the counsellors' notes into the file (default: none)"))
    export.add_argument("-o", "--output", required=True, help=tr("file to write ('-' for standard output)"))
    export.set_defaults(handler=_export)

    check = subparsers.add_parser("check-appointments", help=tr("count overlapping appointments of one counsellor (must be 0)"))
    add_database_option(check, login=False)  # a count, no personal data
    check.set_defaults(handler=_check)


def _export(args: argparse.Namespace) -> int:
    with admin_session(args) as (services, actor):
        staff_id = None
        if args.staff:
            match = [s for s in services.reference.staff(actor) if s.username == args.staff]
            if not match:
                raise NotFoundError("There is no staff member with the user name {name}.", name=args.staff)
            staff_id = match[0].id
        data = services.appointments.export_ics(actor, staff_id=staff_id, series_id=args.series,
                                                first_day=args.first_day, days=args.days,
                                                include_names=args.names, include_notes=args.notes)
    if args.output == "-":
        sys.stdout.buffer.write(data)
    else:
        Path(args.output).write_bytes(data)
        print(tr("{file}: {count} appointments").format(file=args.output, count=data.count(b"BEGIN:VEVENT")))
    return 0


def _check(args: argparse.Namespace) -> int:
    with open_services(args) as services:
        pairs = services.appointments.overlapping_pairs(Actor.system("desk-admin check-appointments"))
    print(tr("overlapping appointment pairs: {count}").format(count=pairs))
    return 1 if pairs else 0
