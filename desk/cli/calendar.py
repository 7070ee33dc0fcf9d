"""Room calendar on the command line: `export-ics --room` (a room's bookings) and
`export-ics --booking` (one booking series) as ICS files.

`export-ics` is shared with the appointments (`--staff`, `--series`): when desk.cli.appointments
registered it first, this module adds its options to the same command and routes to the room
export when `--room` or `--booking` is given.

    desk-admin export-ics --room Gruppenraum --from 2027-01-01 --to 2027-06-30 --output raum.ics
    desk-admin export-ics --booking 12 --output sprachcafe.ics
"""

from __future__ import annotations

import argparse
import sys
from datetime import datetime, time, timedelta
from pathlib import Path

from desk.cli.common import add_database_option, admin_session
from desk.cli.i18n import parse_day, tr, whole_number
from desk.domain.errors import ValidationError
from desk.domain.recurrence import place
from desk.domain.tickets import BERLIN

COMMAND = "export-ics"


def register(subparsers: argparse._SubParsersAction) -> None:
    existing = subparsers.choices.get(COMMAND)
    if existing is None:
        parser = subparsers.add_parser(COMMAND, help=tr("export room bookings (a room or one series) as an ICS file"))
        add_database_option(parser)
        which = parser.add_mutually_exclusive_group(required=True)
        parser.add_argument("--from", dest="first_day", type=parse_day, help=tr("first day (default: today)"))
        parser.add_argument("--days", type=whole_number, default=92, help=tr("number of days (default 92)"))
        parser.add_argument("-o", "--output", required=True, help=tr("the .ics file to write ('-' for standard output)"))
        other = None
    else:  # shared with the appointments: add the room options to the same command
        parser = existing
        groups = parser._mutually_exclusive_groups  # argparse has no public accessor
        which = groups[0] if groups else parser.add_mutually_exclusive_group(required=True)
        other = parser.get_default("handler")
    which.add_argument("--room", help=tr("room bookings: room name or short label ('all' for every room)"))
    which.add_argument("--booking", type=whole_number, metavar="BOOKING_ID", help=tr("room bookings: one booking series"))
    parser.add_argument("--to", dest="last_day", type=parse_day, help=tr("room bookings: last day, inclusive"))

    def handler(args: argparse.Namespace) -> int:
        if getattr(args, "room", None) or getattr(args, "booking", None):
            return _export_room(args)
        assert other is not None
        return other(args)

    parser.set_defaults(handler=handler)


def _export_room(args: argparse.Namespace) -> int:
    if args.first_day and args.last_day and args.last_day < args.first_day:
        raise ValidationError("The end lies before the start.")
    with admin_session(args) as (services, actor):
        # "today" is the centre's day (Berlin) on the services' clock, as for the appointments'
        # export; the machine's date.today() is another day on a server running in UTC after 23:00
        first = args.first_day or services.now().astimezone(BERLIN).date()
        last = args.last_day or first + timedelta(days=max(1, args.days) - 1)
        if last < first:
            raise ValidationError("The end lies before the start.")
        room_id = None
        if args.room and args.room.strip().casefold() not in ("all", "alle"):
            wanted = args.room.strip().casefold()
            rooms = services.reference.rooms(actor)
            matches = [r for r in rooms if wanted in (r.name.casefold(), r.display_label.casefold())] or [
                r for r in rooms if r.name.casefold().startswith(wanted)]
            if len(matches) != 1:
                names = ", ".join(r.name for r in rooms)
                print("desk-admin: " + tr("no single room matches {room!r}; rooms: {names}").format(
                    room=args.room, names=names), file=sys.stderr)
                return 2
            room_id = matches[0].id
        data = services.bookings.export_ics(
            actor, start=place(datetime.combine(first, time(0))),
            end=place(datetime.combine(last + timedelta(days=1), time(0))), room_id=room_id, booking_id=args.booking)
    if args.output == "-":
        sys.stdout.buffer.write(data)
    else:
        Path(args.output).write_bytes(data)
        print(tr("{file}: {count} events").format(file=args.output, count=data.count(b"BEGIN:VEVENT")))
    return 0
