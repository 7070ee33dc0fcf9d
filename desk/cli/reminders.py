"""Appointment reminders from the command line (docs/REMINDERS.md).

    desk-admin reminders send --dry-run     what would go out now (recipient, language, text)
    desk-admin reminders send               send what is due now (as any running desk does)
    desk-admin reminders log [--days 7]     the sending log: time, channel, status, provider id
    desk-admin reminders channels           which channels this machine's configuration sets up
"""

from __future__ import annotations

import argparse
from datetime import UTC, datetime, timedelta

from desk.cli.common import add_database_option, open_services
from desk.domain.reminders import appointment_code
from desk.domain.tickets import BERLIN
from desk.services.context import Actor


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("reminders", help="appointment reminders by SMS and e-mail")
    commands = parser.add_subparsers(dest="reminders_command", metavar="ACTION", required=True)

    send = commands.add_parser("send", help="send the reminders that are due now")
    send.add_argument("--dry-run", action="store_true", help="show what would go out; change and send nothing")
    send.add_argument("--at", type=_moment, default=None,
                      help="pretend it is this time (ISO, e.g. 2030-03-04T10:00; only with --dry-run)")
    add_database_option(send)
    send.set_defaults(handler=_send)

    log = commands.add_parser("log", help="the sending log (no message text is ever kept)")
    log.add_argument("--days", type=int, default=7, help="how many days back (default 7)")
    add_database_option(log)
    log.set_defaults(handler=_log)

    channels = commands.add_parser("channels", help="the channels set up in this machine's configuration")
    add_database_option(channels)
    channels.set_defaults(handler=_channels)


def _moment(text: str) -> datetime:
    try:
        value = datetime.fromisoformat(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"not a time: {text!r} (e.g. 2030-03-04T10:00)") from error
    return value if value.tzinfo else value.replace(tzinfo=BERLIN)


def _local(moment: datetime) -> str:
    return moment.astimezone(BERLIN).strftime("%Y-%m-%d %H:%M")


def _send(args: argparse.Namespace) -> int:
    if args.at is not None and not args.dry_run:
        print("desk-admin: --at only goes with --dry-run (real reminders go out at the real time)")
        return 2
    with open_services(args) as services:
        actor = Actor.system("desk-admin reminders")
        schedule = services.reminders.schedule(actor)
        if not schedule.enabled:
            print("Reminders are switched off (Verwaltung > Erinnerungen). Nothing is sent.")
            return 0
        report = services.reminders.run_due(actor, now=args.at, dry_run=args.dry_run)
    if report.skipped_channels:
        print(f"not set up on this machine: {', '.join(report.skipped_channels)} "
              "(see `desk-admin reminders channels`)")
    if args.dry_run:
        if not report.would_send:
            print("Nothing is due now.")
        for r in report.would_send:
            parts = f", {r.segments} SMS part(s)" if r.segments else ""
            print(f"{_local(r.starts_at)}  {appointment_code(r.appointment_id)}  {r.channel.value:5}  "
                  f"{r.slot.value:12}  {r.language:3}  {r.recipient}{parts}")
            if r.text:
                for line in r.text.splitlines():
                    print(f"    {line}")
        print(f"{len(report.would_send)} reminder(s) would go out (dry run: nothing sent, nothing changed).")
        return 0
    print(f"planned {report.planned}, sent {report.sent}, to retry {report.retry}, failed {report.failed}, "
          f"obsolete {report.obsolete}")
    return 0


def _log(args: argparse.Namespace) -> int:
    since = datetime.now(UTC) - timedelta(days=max(1, args.days))
    with open_services(args) as services:
        rows = services.reminders.recent_log(Actor.system("desk-admin reminders"), since=since, limit=2000)
    if not rows:
        print(f"No reminders in the last {args.days} day(s).")
        return 0
    print(f"{'updated':16}  {'code':6}  {'appointment':16}  {'channel':7}  {'slot':12}  {'status':8}  "
          f"{'tries':5}  provider id / error")
    for r in rows:
        note = r.provider_id or r.error
        print(f"{_local(r.updated_at):16}  {appointment_code(r.appointment_id):6}  {_local(r.starts_at):16}  "
              f"{r.channel.value:7}  {r.slot.value:12}  {r.status.value:8}  {r.attempts:5}  {note}")
    return 0


def _channels(args: argparse.Namespace) -> int:
    with open_services(args) as services:
        status = services.reminders.channel_status(Actor.system("desk-admin reminders"))
    if status.error:
        print(f"desk-admin: {status.error}")
        return 1
    print(f"configuration: {status.source}")
    print(f"SMS:    {status.sms or 'not set up on this machine'}")
    print(f"e-mail: {status.email or 'not set up on this machine'}")
    return 0
