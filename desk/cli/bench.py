"""`desk-admin bench`: measure the desk on a synthetic database (also to judge a PC's hardware)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from desk.cli.i18n import tr, whole_number


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "bench",
        help=tr("measure start-up, search, check-in, live updates, views and reports on synthetic data"),
        description=tr("Builds (or with --reuse, reuses) a synthetic database of realistic shape - by default 10 "
                       "years, 50,000 clients, 300,000 visits - under the data directory, or uses --database-url "
                       "(PostgreSQL: an EMPTY database you can spare). It refuses a database with real accounts. "
                       "The figures are printed in English, as docs/PERFORMANCE.md quotes them."),
    )
    parser.add_argument("--database-url", help=tr("bench database (default: bench-<years>y.sqlite in the data directory)"))
    parser.add_argument("--years", type=whole_number, default=10, help=tr("years of synthetic history (default 10)"))
    parser.add_argument("--clients", type=whole_number, default=None, help=tr("clients (default 5,000 per year)"))
    parser.add_argument("--reuse", action="store_true", help=tr("reuse the bench database if it exists"))
    parser.add_argument("--quick", action="store_true", help=tr("small data and few runs (CI)"))
    parser.add_argument("--runs", type=whole_number, default=None, help=tr("runs per measurement (default 100, quick 20)"))
    parser.add_argument("--json", type=Path, metavar=tr("FILE"), help=tr("write every figure to this JSON file"))
    parser.add_argument("--explain", action="store_true", help=tr("also print the query plans of the hot queries"))
    parser.add_argument("--compare", type=Path, metavar=tr("FILE"),
                        help=tr("print each figure beside the same figure of an earlier run (its --json file)"))
    parser.add_argument("--result", type=Path, metavar=tr("FILE"),
                        help=tr("measure nothing: print the run saved in FILE (with --compare: beside the earlier one)"))
    parser.set_defaults(handler=_bench)


def _fmt(value: float | None, unit: str) -> str:
    if value is None:
        return "-"
    if unit == "s":
        return f"{value:.2f}"
    return f"{value:.2f}" if value < 100 else f"{value:.0f}"


def _bench(args: argparse.Namespace) -> int:
    earlier = _read_run(args.compare) if args.compare else None
    if args.result:
        result = _read_run(args.result)
    else:
        from desk.tools.bench import run_bench

        result = run_bench(args.database_url, years=args.years, clients=args.clients, quick=args.quick,
                           reuse=args.reuse, runs=args.runs, explain=args.explain,
                           say=lambda text: print(f"  {text}", flush=True))
    _print_run(result)
    if args.json and not args.result:
        args.json.write_text(json.dumps(result, indent=2, default=str), encoding="utf-8")
        print(f"\nwritten to {args.json}")
    if earlier is not None:
        _print_comparison(result, earlier, args.compare)
    return 0


def _read_run(path: Path) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise SystemExit(f"desk-admin bench: cannot read the earlier run {path}: {error}") from error


def _load_text(run: dict) -> str:
    load = run.get("load") or {}
    start, end = load.get("start"), load.get("end")
    if not start:
        return "load not recorded"
    return f"load {start[0]:.1f} at the start, {end[0]:.1f} at the end (1-minute average)" if end else \
        f"load {start[0]:.1f}"


def _print_comparison(now: dict, before: dict, path: Path) -> None:
    """Each figure of this run beside the same figure (by key) of the earlier one."""
    print(f"\ncompared with {path} ({before.get('at', '?')}, {before.get('engine', '?')}; {_load_text(before)})")
    print(f"this run: {now.get('at', '?')}, {now.get('engine', '?')}; {_load_text(now)}")
    header = (f"{'figure':<44} {'p50 before':>10} {'now':>8} {'change':>7} {'p95 before':>10} {'now':>8} "
              f"{'ratio before':>12} {'now':>6}")
    print(header)
    print("-" * len(header))
    earlier = {f["key"]: f for f in before.get("figures", [])}
    for f in now.get("figures", []):
        old = earlier.pop(f["key"], None)
        unit = f["unit"]

        def value(figure: dict | None, name: str) -> float | None:
            if figure is None or not figure.get("available", True):
                return None
            return figure.get(name, figure.get("value") if name == "p50" else None)

        p50, p50_old = value(f, "p50"), value(old, "p50")
        change = f"{100 * (p50 - p50_old) / p50_old:+.0f}%" if p50 is not None and p50_old else "-"
        ratio_old = f"{old['ratio_p50']}x" if old and old.get("ratio_p50") else "-"
        ratio = f"{f['ratio_p50']}x" if f.get("ratio_p50") else "-"
        print(f"{f['title'][:44]:<44} {_fmt(p50_old, unit):>10} {_fmt(p50, unit):>8} {change:>7} "
              f"{_fmt(value(old, 'p95'), unit):>10} {_fmt(value(f, 'p95'), unit):>8} {ratio_old:>12} {ratio:>6}")
    for old in earlier.values():
        print(f"{old['title'][:44]:<44} {_fmt(old.get('p50', old.get('value')), old['unit']):>10} "
              f"{'(not measured now)':>27}")


def _print_run(result: dict) -> None:
    data = result["data"]
    print()
    print(f"engine {result['engine']}; {data['clients']:,} clients, {data['visits']:,} visits, "
          f"{data['appointments']:,} appointments, {data['room_bookings']:,} room bookings "
          f"({data['booking_occurrences']:,} occurrences); {result['runs']} runs")
    m = result["machine"]
    print(f"machine: {m.get('cpu', m.get('machine'))}, {m.get('cpus')} CPUs, {m.get('memory_gb', '?')} GB, "
          f"{m.get('system')}, Python {m.get('python')}; {_load_text(result)}")
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
