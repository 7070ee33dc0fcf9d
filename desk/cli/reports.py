"""The report for the funder without the window.

    desk-admin report --from 2026-01-01 --to 2026-12-31 --format xlsx|csv|pdf --output FILE
                      [--language de|en] [--no-compare]

xlsx: one sheet per table with native charts; csv: a zip archive with one CSV file per table
(UTF-8 with BOM, ";"); pdf: drawn with Qt in a child process (`desk-admin _render-pdf report`,
desk/services/programs.py), because the command line itself never loads Qt — it computes the
report here and hands the figures to the renderer as JSON on its standard input.
Only aggregates leave: counts below the threshold setting (default 3) appear as "< 3".
Definitions of the figures: docs/REPORTS.md.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from desk.cli.common import add_database_option, admin_session
from desk.cli.i18n import fmt_date, fmt_number, tr
from desk.domain.errors import ValidationError
from desk.domain.reports import report_to_dict
from desk.services.programs import render_pdf
from desk.services.report_exports import FORMATS, export_csv, export_xlsx
from desk.services.reports import parse_period


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("report", help=tr("export the statistics report of a period (xlsx, csv, pdf)"))
    parser.add_argument("--from", dest="start", required=True, metavar="YYYY-MM-DD", help=tr("first day (local)"))
    parser.add_argument("--to", dest="end", required=True, metavar="YYYY-MM-DD", help=tr("last day, included"))
    parser.add_argument("--format", choices=FORMATS, required=True, help=tr("the kind of file"))
    parser.add_argument("--output", required=True, type=Path, metavar=tr("FILE"), help=tr("the file to write"))
    parser.add_argument("--language", choices=["de", "en"], default="de",
                        help=tr("language of the report (default de, for the funder)"))
    parser.add_argument("--no-compare", action="store_true", help=tr("leave out the previous period"))
    add_database_option(parser)
    parser.set_defaults(handler=_report)


def _writable_target(path: Path) -> None:
    """Refused before the report is computed: a folder, or a file in a folder that is not there."""
    if path.is_dir():
        raise ValidationError("{path} is a folder: give the name of the file to write, e.g. {example}.",
                              path=str(path), example=str(path / "bericht.xlsx"))
    folder = path.parent
    if not folder.is_dir():
        raise ValidationError("The folder {folder} does not exist; nothing was written.", folder=str(folder))
    if not os.access(folder, os.W_OK):
        raise ValidationError("The folder {folder} cannot be written (permissions); nothing was written.",
                              folder=str(folder))


def _report(args: argparse.Namespace) -> int:
    period = parse_period(args.start, args.end)
    _writable_target(args.output)
    started = time.perf_counter()
    with admin_session(args) as (services, actor):
        report = services.reports.report(actor, period, compare=not args.no_compare)
        computed = time.perf_counter()
        if args.format == "xlsx":
            export_xlsx(report, args.output, args.language)
        elif args.format == "csv":
            export_csv(report, args.output, args.language)
        else:
            render_pdf("report", report_to_dict(report), args.output, args.language)
        services.reports.record_export(actor, period, args.format)
    done = time.perf_counter()
    print(tr("{file}: {visits} visits, {clients} distinct clients ({start} .. {end}); computed in {computed} s, "
             "written in {written} s").format(
        file=args.output, visits=fmt_number(report.total.visits), clients=fmt_number(report.total.distinct_clients),
        start=fmt_date(period.start), end=fmt_date(period.end), computed=fmt_number(computed - started, 2),
        written=fmt_number(done - computed, 2)))
    if args.format == "csv" and args.output.suffix.lower() != ".zip":
        # one CSV cannot hold tables with different columns: the file is a zip of one CSV per table,
        # and a spreadsheet program opening "bericht.csv" shows its bytes
        print(tr("note: {file} is a zip archive with one CSV file per table; name it {name} to open it").format(
            file=args.output, name=args.output.with_suffix(".zip").name), file=sys.stderr)
    return 0
