"""`desk-admin bench`: measure the desk on a synthetic database (also to judge a PC's hardware)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "bench",
        help="measure start-up, search, check-in, live updates, views and reports on synthetic data",
        description="Builds (or with --reuse, reuses) a synthetic database of realistic shape - by "
        "default 10 years, 50,000 clients, 300,000 visits - under the data directory, or uses "
        "--database-url (PostgreSQL: an EMPTY database you can spare). Never point it at real data.",
    )
    parser.add_argument("--database-url", help="bench database (default: bench-<years>y.sqlite in the data directory)")
    parser.add_argument("--years", type=int, default=10, help="years of synthetic history (default 10)")
    parser.add_argument("--clients", type=int, default=None, help="clients (default 5,000 per year)")
    parser.add_argument("--reuse", action="store_true", help="reuse the bench database if it exists")
    parser.add_argument("--quick", action="store_true", help="small data and few runs (CI)")
    parser.add_argument("--runs", type=int, default=None, help="runs per measurement (default 100, quick 20)")
    parser.add_argument("--json", type=Path, help="write every figure to this JSON file")
    parser.add_argument("--explain", action="store_true", help="also print the query plans of the hot queries")
    parser.set_defaults(handler=_bench)


def _fmt(value: float | None, unit: str) -> str:
    if value is None:
        return "-"
    if unit == "s":
        return f"{value:.2f}"
    return f"{value:.2f}" if value < 100 else f"{value:.0f}"


def _bench(args: argparse.Namespace) -> int:
    from desk.tools.bench import run_bench

    result = run_bench(args.database_url, years=args.years, clients=args.clients, quick=args.quick,
                       reuse=args.reuse, runs=args.runs, explain=args.explain,
                       say=lambda text: print(f"  {text}", flush=True))
    data = result["data"]
    print()
    print(f"engine {result['engine']}; {data['clients']:,} clients, {data['visits']:,} visits, "
          f"{data['appointments']:,} appointments, {data['room_bookings']:,} room bookings "
          f"({data['booking_occurrences']:,} occurrences); {result['runs']} runs")
    m = result["machine"]
    print(f"machine: {m.get('cpu', m.get('machine'))}, {m.get('cpus')} CPUs, {m.get('memory_gb', '?')} GB, "
          f"{m.get('system')}, Python {m.get('python')}")
    header = f"{'figure':<48} {'p50':>8} {'p95':>8} {'max':>8} {'unit':<4} {'floor p50':>9} {'ratio':>6}  goal"
    print(header)
    print("-" * len(header))
    for f in result["figures"]:
        if not f["available"]:
            print(f"{f['title']:<48} {'not available':>26}       {f['goal']}  ({f['note']})")
            continue
        if "p50" in f:
            print(f"{f['title']:<48} {_fmt(f['p50'], f['unit']):>8} {_fmt(f['p95'], f['unit']):>8} "
                  f"{_fmt(f['max'], f['unit']):>8} {f['unit']:<4} {_fmt(f.get('floor_p50'), f['unit']):>9} "
                  f"{(str(f['ratio_p50']) + 'x') if f.get('ratio_p50') else '-':>6}  {f['goal']}")
        else:
            print(f"{f['title']:<48} {_fmt(f.get('value'), f['unit']):>8} {'':>8} {'':>8} {f['unit']:<4} "
                  f"{'':>9} {'':>6}  {f['goal']}")
        if f.get("note"):
            print(f"    {f['note']}")
    for name, lines in result.get("plans", {}).items():
        print(f"\nplan {name}:")
        for line in lines:
            print(f"    {line}")
    if args.json:
        args.json.write_text(json.dumps(result, indent=2, default=str), encoding="utf-8")
        print(f"\nwritten to {args.json}")
    return 0
