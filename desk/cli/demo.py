"""`desk-admin demo-data`: fill a database with years of synthetic data (for benchmarks)."""

from __future__ import annotations

import argparse
import sys
import time

from desk.cli.common import add_database_option, open_services
from desk.cli.i18n import fmt_number, tr, whole_number


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "demo-data",
        help=tr("fill a database with synthetic data at scale (benchmarks; never on real data)"),
        description=tr("Adds staff (password 'demo'), clients with names in several scripts, visits, "
                       "appointments and room bookings spread over YEARS years up to today. Defaults per "
                       "year: 5,000 clients, 30,000 visits, 2,000 appointments, 1,000 room bookings."),
    )
    add_database_option(parser, login=False)  # refuses any database that has an account
    parser.add_argument("--years", type=whole_number, default=10, help=tr("years of history (default 10)"))
    parser.add_argument("--clients", type=whole_number, default=None, help=tr("number of clients (default 5,000 per year)"))
    parser.add_argument("--visits", type=whole_number, default=None, help=tr("number of visits (default 30,000 per year)"))
    parser.add_argument("--appointments", type=whole_number, default=None, help=tr("number of appointments (default 2,000 per year)"))
    parser.add_argument("--bookings", type=whole_number, default=None, help=tr("number of room bookings (default 1,000 per year)"))
    parser.add_argument("--seed", type=whole_number, default=1, help=tr("random seed (same seed, same data)"))
    parser.add_argument("--yes", action="store_true", help=tr("also fill a database that already has clients"))
    parser.set_defaults(handler=_demo_data)


def _demo_data(args: argparse.Namespace) -> int:
    from desk.tools.demo import account_count, client_count, fill_demo_at_scale

    with open_services(args, create=True) as services:
        accounts = account_count(services)
        if accounts:
            print("desk-admin: " + tr("{database} has {count} account(s): synthetic data goes only into a database "
                                      "without any account (never into real data).").format(
                database=services.database_name, count=accounts), file=sys.stderr)
            return 1
        existing = client_count(services)
        if existing and not args.yes:
            print("desk-admin: " + tr("{database} already holds {count} clients; add --yes to add synthetic data "
                                      "anyway.").format(database=services.database_name, count=existing))
            return 1
        started = time.perf_counter()
        counts = fill_demo_at_scale(
            services, years=args.years, clients=args.clients, visits=args.visits,
            appointments=args.appointments, bookings=args.bookings, seed=args.seed,
            progress=lambda text: print(f"  {text}", flush=True),
        )
        elapsed = time.perf_counter() - started
        print(tr("database: {name}").format(name=services.database_name))
        for table, count in sorted(counts.items()):
            print(f"  {table:<22} {fmt_number(count):>9}")
        print(tr("built in {seconds} s").format(seconds=fmt_number(elapsed, 1)))
    return 0
