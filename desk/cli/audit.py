"""desk-admin audit: read the audit log ("who looked at whom").

    desk-admin audit --client K-000042            every entry about the client, newest first:
                                                  card reads, changes, and the list reads
                                                  (waiting list, appointments, search results,
                                                  exports) that showed the client
    desk-admin audit [--by USERNAME] [--action client.read | client.] [--since 2026-12-01]
                     [--until 2026-12-05] [--limit 200]
"""

from __future__ import annotations

import argparse
import json
from datetime import date, datetime, time

from desk.cli.common import add_database_option, admin_session
from desk.cli.i18n import fmt_date, parse_day, tr, whole_number
from desk.cli.privacy import _client_id
from desk.domain.errors import NotFoundError
from desk.domain.text import printable
from desk.domain.tickets import BERLIN, format_client_number


def register(subparsers: argparse._SubParsersAction) -> None:
    audit = subparsers.add_parser("audit", help=tr("read the audit log (e.g. everything about one client)"))
    audit.add_argument("--client", type=_client_id, help=tr("client number (42 or K-000042)"))
    audit.add_argument("--by", metavar=tr("USERNAME"), help=tr("entries of one account"))
    audit.add_argument("--action", help=tr("one action (client.read) or a prefix ending in '.' (client.)"))
    audit.add_argument("--since", type=parse_day, help=tr("first day (YYYY-MM-DD or DD.MM.YYYY, Berlin time)"))
    audit.add_argument("--until", type=parse_day, help=tr("last day (YYYY-MM-DD or DD.MM.YYYY, Berlin time)"))
    audit.add_argument("--limit", type=whole_number, default=200, help=tr("at most this many entries (default 200)"))
    add_database_option(audit)
    audit.set_defaults(handler=_audit)


def _moment(day: date | None, *, end: bool = False) -> datetime | None:
    if day is None:
        return None
    if end:
        day = date.fromordinal(day.toordinal() + 1)
    return datetime.combine(day, time(0), tzinfo=BERLIN)


def _audit(args: argparse.Namespace) -> int:
    from desk.services.auditlog import AuditFilter

    with admin_session(args) as (services, actor):
        actor_id = None
        if args.by:
            match = [s for s in services.reference.staff(actor) if s.username == args.by]
            if not match:
                raise NotFoundError("There is no staff member with the user name {name}.", name=args.by)
            actor_id = match[0].id
        rows = services.audit_log.query(actor, AuditFilter(
            client_id=args.client, actor_id=actor_id, action=args.action or None,
            since=_moment(args.since), until=_moment(args.until, end=True), limit=max(1, args.limit)))
    for row in rows:
        when = f"{fmt_date(row.at.astimezone(BERLIN).date())} {row.at.astimezone(BERLIN):%H:%M:%S}"
        client = format_client_number(row.client_id) if row.client_id is not None else "-"
        try:
            details = json.loads(row.details or "{}")
        except ValueError:
            details = {}
        if "client_ids" in details:
            details["client_ids"] = [format_client_number(i) for i in details["client_ids"] if isinstance(i, int)]
        text = json.dumps(details, ensure_ascii=False, sort_keys=True) if details else ""
        print(printable(f"{when}  {row.actor_name}  {row.workstation or '-'}  {row.action}  {client}  {text}").rstrip())
    print(tr("{count} entries").format(count=len(rows)))
    return 0
