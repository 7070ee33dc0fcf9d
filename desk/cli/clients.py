"""Client subcommands: import a CSV file of clients, and find clients by name (JSON for scripts).

    desk-admin import-clients FILE.csv
        UTF-8, a header row with at least given_name,family_name; optional date_of_birth
        (DD.MM.YYYY or YYYY-MM-DD), phone, language, residence (the place, e.g. Balingen).
        Prints the rows imported, the rows already present (identical in every field to an
        existing client: not imported twice) and each rejected row with its line and reason.
        Exit status 0 when no row was rejected, 1 otherwise.

    desk-admin find-client --json QUERY [--limit N]
        The ranked matches as one JSON array: [{"id", "given_name", "family_name", "score"}],
        score 0-100; the best 10 by default. With `-` as QUERY one query per line is read from
        standard input and one JSON array per line is printed (batch lookups).
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from desk.cli.common import add_database_option, admin_session
from desk.cli.i18n import error_text, tr, whole_number
from desk.domain.errors import DeskError, ValidationError
from desk.domain.text import printable
from desk.domain.tickets import format_client_number
from desk.services.clients import IMPORT_COLUMNS

REQUIRED = ("given_name", "family_name")
ERROR = "__error__"  # a row that is not one: its ValidationError in place of the fields


def register(subparsers: argparse._SubParsersAction) -> None:
    importer = subparsers.add_parser(
        "import-clients", help=tr("import clients from a UTF-8 CSV file with a header row"),
        epilog=tr("Columns (header row): given_name and family_name, optional date_of_birth (DD.MM.YYYY or "
                  "YYYY-MM-DD), phone, language, residence (the place, e.g. Balingen). A row identical to a "
                  "client already there is not imported twice; each rejected row is named with its line and "
                  "reason, and then the exit status is 1."))
    importer.add_argument("file", metavar=tr("FILE") + ".csv", type=Path)
    add_database_option(importer)
    importer.set_defaults(handler=_import)

    finder = subparsers.add_parser("find-client", help=tr("find clients however the name is typed"))
    finder.add_argument("query", metavar=tr("QUERY"), help=tr("a name, client number, date of birth or phone; "
                                                               "'-' reads one query per line from standard input"))
    finder.add_argument("--json", action="store_true", help=tr("print JSON (one array per query)"))
    finder.add_argument("--limit", type=_positive, default=10, metavar="N", help=tr("at most N matches (default 10)"))
    add_database_option(finder)
    finder.set_defaults(handler=_find)


def _positive(text: str) -> int:
    value = whole_number(text)
    if not 1 <= value <= 1000:
        raise argparse.ArgumentTypeError(tr("N must be between 1 and 1000"))
    return value


def _utf8_streams() -> None:
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8", errors="replace")


# -- import-clients ----------------------------------------------------------------------------


def read_csv_rows(path: Path) -> tuple[list[str], Iterator[tuple[int, dict[str, Any]]]]:
    """(header, rows as (line number, {column: text})); refuses a file that is not UTF-8 CSV."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise ValidationError("The file {path} cannot be read: {reason}", path=str(path),
                              reason=error.strerror or str(error)) from error
    try:
        content = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise ValidationError("The file {path} is not UTF-8 text (line {line}). Save it as CSV UTF-8 and try again.",
                              path=str(path), line=line) from error
    first_line = content.split("\n", 1)[0]
    delimiter = next((d for d in (",", ";", "\t") if d in first_line), ",")  # Excel writes ; in Germany
    reader = csv.reader(io.StringIO(content, newline=""), delimiter=delimiter)
    try:
        header = [h.strip().lower() for h in next(reader)]
    except StopIteration:
        raise ValidationError("The file {path} is empty.", path=str(path)) from None
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise ValidationError("The header row of {path} lacks the column(s) {columns} "
                              "(needed: given_name,family_name; optional: date_of_birth,phone,language,residence).",
                              path=str(path), columns=",".join(missing))

    def rows() -> Iterator[tuple[int, dict[str, Any]]]:
        try:
            for fields in reader:
                line = reader.line_num
                if not any(f.strip() for f in fields):
                    continue
                if len(fields) != len(header):
                    yield line, {ERROR: ValidationError("The row has {found} fields, the header has {expected}.",
                                                        found=len(fields), expected=len(header))}
                    continue
                yield line, {name: value for name, value in zip(header, fields, strict=True) if name in IMPORT_COLUMNS}
        except csv.Error as error:
            yield reader.line_num, {ERROR: ValidationError("The row cannot be read as CSV ({reason}).",
                                                           reason=str(error))}

    return header, rows()


def _import(args: argparse.Namespace) -> int:
    _utf8_streams()
    header, rows = read_csv_rows(args.file)
    ignored = [c for c in header if c not in IMPORT_COLUMNS]
    if ignored:
        print(printable(tr("note: ignoring unknown column(s): {columns}").format(columns=", ".join(ignored))),
              file=sys.stderr)
    broken: list[tuple[int, DeskError]] = []

    def good_rows() -> Iterator[tuple[int, dict[str, Any]]]:
        for line, row in rows:
            if ERROR in row:
                broken.append((line, row[ERROR]))
            else:
                yield line, row

    with admin_session(args) as (services, actor):
        report = services.clients.import_clients(actor, good_rows())
    rejected = sorted([*report.rejected_errors, *broken], key=lambda item: item[0])
    print(tr("imported: {count} row(s)").format(count=report.imported))
    print(tr("already present (identical, not imported again): {count} row(s)").format(count=report.already_present))
    print(tr("rejected: {count} row(s)").format(count=len(rejected)))
    for line, reason in rejected:
        print(printable(tr("  line {line}: {reason}").format(line=line, reason=error_text(reason))))
    return 1 if rejected else 0


# -- find-client -------------------------------------------------------------------------------


def _find(args: argparse.Namespace) -> int:
    _utf8_streams()
    with admin_session(args) as (services, actor):

        def lookup(query: str) -> list[dict]:
            hits = services.clients.lookup(actor, query, limit=args.limit)
            return [{"id": h.id, "given_name": h.given_name, "family_name": h.family_name, "score": h.score}
                    for h in hits]

        if args.query == "-":
            stdin = sys.stdin
            if hasattr(stdin, "reconfigure"):
                stdin.reconfigure(encoding="utf-8", errors="replace")
            for line in stdin:
                result = lookup(line.rstrip("\r\n"))
                _print(result, args.json)
                sys.stdout.flush()
        else:
            _print(lookup(args.query), args.json)
    return 0


def _print(result: list[dict], as_json: bool) -> None:
    if as_json:
        print(printable(json.dumps(result, ensure_ascii=False)))  # escapes stay valid JSON
        return
    if not result:
        print(tr("no match"))
    for hit in result:
        print(printable(f"{hit['score']:5.1f}  {format_client_number(hit['id'])}  {hit['family_name']}, {hit['given_name']}"))
