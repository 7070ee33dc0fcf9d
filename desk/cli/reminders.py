"""Appointment reminders from the command line (docs/REMINDERS.md).

    desk-admin reminders send --dry-run     what would go out now (recipient, language, text)
    desk-admin reminders send               send what is due now (as any running desk does)
    desk-admin reminders log [--days 7]     the sending log: time, channel, status, provider id
    desk-admin reminders channels           which channels this machine's configuration sets up
"""

from __future__ import annotations

import argparse
from datetime import UTC, datetime, timedelta

from desk.cli.common import add_database_option, admin_session
from desk.cli.i18n import error_text, fmt_datetime, tr, whole_number
from desk.domain.reminders import appointment_code
from desk.domain.tickets import BERLIN


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("reminders", help=tr("appointment reminders by SMS and e-mail: send, log, channels"))
    parser.add_argument("action", choices=("send", "log", "channels"),
                        help=tr("send: send what is due now; log: the sending log; channels: what this machine "
                                "is set up to send through"))
    parser.add_argument("--dry-run", action="store_true", help=tr("send: show what would go out; send nothing"))
    parser.add_argument("--at", type=_moment, default=None,
                        help=tr("send --dry-run: pretend it is this time (ISO, e.g. 2030-03-04T10:00)"))
    parser.add_argument("--days", type=whole_number, default=7, help=tr("log: how many days back (default 7)"))
    add_database_option(parser)
    parser.set_defaults(handler=_run)


def _run(args: argparse.Namespace) -> int:
    return {"send": _send, "log": _log, "channels": _channels}[args.action](args)


def _moment(text: str) -> datetime:
    try:
        value = datetime.fromisoformat(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(tr("not a time: {text!r} (e.g. 2030-03-04T10:00)").format(text=text)) from error
    return value if value.tzinfo else value.replace(tzinfo=BERLIN)


def _local(moment: datetime) -> str:
    return fmt_datetime(moment)


def _send(args: argparse.Namespace) -> int:
    if args.at is not None and not args.dry_run:
        print("desk-admin: " + tr("--at only goes with --dry-run (real reminders go out at the real time)"))
        return 2
    with admin_session(args) as (services, actor):
        schedule = services.reminders.schedule(actor)
        if not schedule.enabled:
            print(tr("Reminders are switched off (Verwaltung > Erinnerungen). Nothing is sent."))
            return 0
        report = services.reminders.run_due(actor, now=args.at, dry_run=args.dry_run)
    if report.skipped_channels:
        print(tr("not set up on this machine: {channels} (see `desk-admin reminders channels`)").format(
            channels=", ".join(report.skipped_channels)))
    if args.dry_run:
        if not report.would_send:
            print(tr("Nothing is due now."))
        for r in report.would_send:
            parts = tr(", {count} SMS part(s)").format(count=r.segments) if r.segments else ""
            print(f"{_local(r.starts_at)}  {appointment_code(r.appointment_id)}  {r.channel.value:5}  "
                  f"{r.slot.value:12}  {r.language:3}  {r.recipient}{parts}")
            if r.text:
                for line in r.text.splitlines():
                    print(f"    {line}")
        print(tr("{count} reminder(s) would go out (dry run: nothing sent, nothing changed).").format(
            count=len(report.would_send)))
        return 0
    print(tr("planned {planned}, sent {sent}, to retry {retry}, failed {failed}, obsolete {obsolete}").format(
        planned=report.planned, sent=report.sent, retry=report.retry, failed=report.failed, obsolete=report.obsolete))
    return 0


def _log(args: argparse.Namespace) -> int:
    since = datetime.now(UTC) - timedelta(days=max(1, args.days))
    with admin_session(args) as (services, actor):
        rows = services.reminders.recent_log(actor, since=since, limit=2000)
    if not rows:
        print(tr("No reminders in the last {days} day(s).").format(days=args.days))
        return 0
    print(f"{tr('updated'):16}  {tr('code'):6}  {tr('appointment'):16}  {tr('channel'):7}  {tr('slot'):12}  "
          f"{tr('status'):8}  {tr('tries'):5}  {tr('provider id / error')}")
    for r in rows:
        note = r.provider_id or r.error
        print(f"{_local(r.updated_at):16}  {appointment_code(r.appointment_id):6}  {_local(r.starts_at):16}  "
              f"{r.channel.value:7}  {r.slot.value:12}  {r.status.value:8}  {r.attempts:5}  {note}")
    return 0


def _channels(args: argparse.Namespace) -> int:
    with admin_session(args) as (services, actor):
        status = services.reminders.channel_status(actor)
    if status.error:
        print(f"desk-admin: {error_text(status.problem) if status.problem else status.error}")
        return 1
    missing = tr("not set up on this machine")
    print(tr("configuration: {source}").format(source=status.source))
    print(tr("SMS:    {channel}").format(channel=status.sms or missing))
    print(tr("e-mail: {channel}").format(channel=status.email or missing))
    return 0
