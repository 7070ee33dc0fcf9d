"""Setting up the centre from the command line (a head of department logs in, see desk.cli.common).

    desk-admin services                                   lists services (prefix, hours, state)
    desk-admin service-add CODE --name NAME --prefix X [--hours "Mo 09:00-12:00, Do 14:00-16:00"]
    desk-admin service CODE [--name ..] [--name-en ..] [--prefix X] [--hours ..] [--activate|--deactivate]
    desk-admin rooms                                      lists rooms (kind, bookable, display label)
    desk-admin room-add NAME --kind office|group|kitchen [--display LABEL] [--not-bookable]
    desk-admin room NAME [--rename NEW] [--kind ..] [--display ..] [--bookable yes|no] [--activate|--deactivate]
    desk-admin staff USERNAME [--room ROOM|--no-room] [--services CODE,CODE]

Every change is audited and reaches the open windows within a second (topic "reference").
"""

from __future__ import annotations

import argparse

from desk.cli.common import add_database_option, admin_session
from desk.cli.i18n import tr
from desk.domain.errors import NotFoundError
from desk.domain.hours import format_hours, parse_hours
from desk.domain.model import RoomKind
from desk.services.accounts import KEEP
from desk.services.setup import RoomInput, ServiceInput


def register(subparsers: argparse._SubParsersAction) -> None:
    listing = subparsers.add_parser("services", help=tr("list the services (Fachdienste)"))
    add_database_option(listing)
    listing.set_defaults(handler=_services)

    add = subparsers.add_parser("service-add", help=tr("add a service"))
    add.add_argument("code", metavar=tr("CODE"), help=tr("the service's short code, e.g. MBE"))
    add.add_argument("--name", required=True, help=tr("German name"))
    add.add_argument("--name-en", default="", help=tr("English name"))
    add.add_argument("--prefix", required=True, help=tr("ticket prefix: one letter, unique"))
    add.add_argument("--hours", default="", help=HOURS_HELP())
    add.add_argument("--inactive", action="store_true", help=tr("create it switched off (planned)"))
    add_database_option(add)
    add.set_defaults(handler=_service_add)

    change = subparsers.add_parser("service", help=tr("change a service: name, prefix, hours, active"))
    change.add_argument("code", metavar=tr("CODE"), help=tr("the service's short code, e.g. MBE"))
    change.add_argument("--name", help=tr("German name"))
    change.add_argument("--name-en", help=tr("English name"))
    change.add_argument("--prefix", help=tr("ticket prefix: one letter, unique"))
    change.add_argument("--hours", help=HOURS_HELP())
    _on_off(change)
    add_database_option(change)
    change.set_defaults(handler=_service_change)

    rooms = subparsers.add_parser("rooms", help=tr("list the rooms"))
    add_database_option(rooms)
    rooms.set_defaults(handler=_rooms)

    room_add = subparsers.add_parser("room-add", help=tr("add a room"))
    room_add.add_argument("name", metavar=tr("NAME"), help=tr("the room's name"))
    room_add.add_argument("--kind", required=True, choices=("office", "group", "kitchen"), help=KIND_HELP())
    room_add.add_argument("--display", default="", help=tr("shown on the waiting-room display as"))
    room_add.add_argument("--not-bookable", action="store_true", help=tr("not in the room calendar"))
    add_database_option(room_add)
    room_add.set_defaults(handler=_room_add)

    room = subparsers.add_parser("room", help=tr("change a room: name, kind, bookable, display label, active"))
    room.add_argument("name", metavar=tr("NAME"), help=tr("the room's name or display label"))
    room.add_argument("--rename", metavar=tr("NEW"), help=tr("the room's new name"))
    room.add_argument("--kind", choices=("office", "group", "kitchen", "reception"), help=KIND_HELP())
    room.add_argument("--display", help=tr("shown on the waiting-room display as"))
    room.add_argument("--bookable", choices=("yes", "no"), help=tr("in the room calendar or not"))
    _on_off(room)
    add_database_option(room)
    room.set_defaults(handler=_room_change)

    staff = subparsers.add_parser("staff", help=tr("a person's services and room"))
    staff.add_argument("username", metavar=tr("USERNAME"))
    which = staff.add_mutually_exclusive_group()
    which.add_argument("--room", help=tr("the person's room (name or display label)"))
    which.add_argument("--no-room", action="store_true", help=tr("the person has no room of their own"))
    staff.add_argument("--services", help=tr("service codes, comma-separated (empty: none)"))
    add_database_option(staff)
    staff.set_defaults(handler=_staff)


def HOURS_HELP() -> str:  # noqa: N802 - a text, read when the parser is built (in the chosen language)
    return tr('open consultation hours, e.g. "Mo 09:00-12:00, Do 14:00-16:00"')


def KIND_HELP() -> str:  # noqa: N802
    return tr("office, group (the group room), kitchen (the tea kitchen), reception")


def _on_off(parser: argparse.ArgumentParser) -> None:
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--activate", dest="active", action="store_const", const=True, help=tr("switch it on"))
    group.add_argument("--deactivate", dest="active", action="store_const", const=False,
                       help=tr("switch it off (kept, no longer offered)"))


def _service(services, actor, code: str):
    found = next((s for s in services.reference.services(actor) if s.code.lower() == code.strip().lower()), None)
    if found is None:
        raise NotFoundError("There is no service {code}.", code=code)
    return found


def _room(services, actor, name: str):
    wanted = name.strip().casefold()
    found = next((r for r in services.reference.rooms(actor)
                  if wanted in (r.name.casefold(), r.display_label.casefold())), None)
    if found is None:
        raise NotFoundError("There is no room {name}.", name=name)
    return found


def _services(args: argparse.Namespace) -> int:
    with admin_session(args) as (services, actor):
        for s in services.reference.services(actor):
            state = tr("active") if s.active else tr("inactive")
            print(f"{s.code:<6} {s.ticket_prefix}  {state:<8} {s.name_de}  [{format_hours(s.hours) or '-'}]")
    return 0


def _service_add(args: argparse.Namespace) -> int:
    data = ServiceInput(name_de=args.name, name_en=args.name_en, ticket_prefix=args.prefix, code=args.code,
                        hours=parse_hours(args.hours), active=not args.inactive)
    with admin_session(args) as (services, actor):
        row = services.setup.create_service(actor, data)
    print(tr("service {code} added (prefix {prefix})").format(code=row.code, prefix=row.ticket_prefix))
    return 0


def _service_change(args: argparse.Namespace) -> int:
    with admin_session(args) as (services, actor):
        s = _service(services, actor, args.code)
        data = ServiceInput(
            name_de=s.name_de if args.name is None else args.name,
            name_en=s.name_en if args.name_en is None else args.name_en,
            ticket_prefix=s.ticket_prefix if args.prefix is None else args.prefix,
            hours=s.hours if args.hours is None else parse_hours(args.hours),
            active=s.active if args.active is None else args.active)
        row = services.setup.change_service(actor, s.id, data)
    print(tr("service {code}: {state}, prefix {prefix}, hours {hours}").format(
        code=row.code, state=tr("active") if row.active else tr("inactive"), prefix=row.ticket_prefix,
        hours=format_hours(row.hours) or "-"))
    return 0


def _rooms(args: argparse.Namespace) -> int:
    with admin_session(args) as (services, actor):
        for r in services.reference.rooms(actor):
            state = tr("active") if r.active else tr("inactive")
            bookable = tr("bookable") if r.bookable else "-"
            print(f"{r.name:<32} {r.kind.value:<10} {bookable:<9} {state:<8} "
                  + tr("display: {label}").format(label=r.display_label))
    return 0


def _room_add(args: argparse.Namespace) -> int:
    data = RoomInput(name=args.name, kind=RoomKind(args.kind), bookable=not args.not_bookable,
                     display_label=args.display)
    with admin_session(args) as (services, actor):
        row = services.setup.create_room(actor, data)
    print(tr("room {name} added").format(name=row.name))
    return 0


def _room_change(args: argparse.Namespace) -> int:
    with admin_session(args) as (services, actor):
        r = _room(services, actor, args.name)
        data = RoomInput(
            name=r.name if args.rename is None else args.rename,
            kind=r.kind if args.kind is None else RoomKind(args.kind),
            bookable=r.bookable if args.bookable is None else args.bookable == "yes",
            display_label=r.display_label if args.display is None else args.display,
            capacity=r.capacity,
            active=r.active if args.active is None else args.active)
        row = services.setup.change_room(actor, r.id, data)
    print(tr("room {name}: {kind}, {bookable}, {state}, display: {label}").format(
        name=row.name, kind=row.kind.value, bookable=tr("bookable") if row.bookable else tr("not bookable"),
        state=tr("active") if row.active else tr("inactive"), label=row.display_label))
    return 0


def _staff(args: argparse.Namespace) -> int:
    with admin_session(args) as (services, actor):
        account = next((a for a in services.accounts.accounts(actor)
                        if a.username == args.username.strip().lower()), None)
        if account is None:
            raise NotFoundError("There is no account {name}.", name=args.username)
        room = KEEP
        if args.no_room:
            room = None
        elif args.room is not None:
            room = _room(services, actor, args.room).id
        service_ids = None
        if args.services is not None:
            service_ids = {_service(services, actor, code).id for code in args.services.split(",") if code.strip()}
        row = services.accounts.change_account(actor, account.id, account.version, service_ids=service_ids,
                                               default_room_id=room)
    rooms = {r.id: r.name for r in services.reference.rooms(actor)}
    print(tr("{name}: room {room}, services {count}").format(name=row.username,
                                                            room=rooms.get(row.default_room_id, "-"),
                                                            count=len(row.service_ids)))
    return 0
