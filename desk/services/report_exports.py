"""Report exports without Qt: XLSX (one sheet per table, native charts) and CSV (a zip of tables).

Both apply the "< threshold" rule to every count (desk.domain.reports.suppressed_tables) and
carry only aggregates. The PDF is drawn with Qt in desk.ui.reports_pdf.

CSV choice: one file per table in a zip archive (`overview.csv`, `places_visits.csv`, ...),
UTF-8 with BOM and ";" as separator, so Excel in a German office opens it correctly; a single
CSV cannot hold tables with different columns without inventing a format.
"""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

import xlsxwriter

from desk.domain.reports import PLACES, Report, Table, suppressed_tables
from desk.services.report_tables import HIDDEN_NOTE, anonymised_note, build_tables, labeller, period_text
from desk.storage.files import private_file

FORMATS = ("xlsx", "csv", "pdf")


def export_tables(report: Report, language: str) -> list[Table]:
    return suppressed_tables(build_tables(report, language), report.threshold)


def _text_cell(value) -> object:
    return "" if value is None else value


def export_xlsx(report: Report, path: Path | str, language: str = "de") -> None:
    label = labeller(language)
    tables = export_tables(report, language)
    workbook = xlsxwriter.Workbook(str(path), {"strings_to_formulas": False, "strings_to_urls": False,
                                              "strings_to_numbers": False})
    try:
        bold = workbook.add_format({"bold": True})
        title_format = workbook.add_format({"bold": True, "font_size": 14})
        header = workbook.add_format({"bold": True, "text_wrap": True, "valign": "top", "bottom": 1})
        number = workbook.add_format({"num_format": "0.0"})
        right = workbook.add_format({"align": "right"})

        info = workbook.add_worksheet(label("Report")[:31])
        info.set_column(0, 0, 28)
        info.set_column(1, 1, 60)
        info.write_string(0, 0, label("Statistics report"), title_format)
        info.write_string(1, 0, label("Report"), bold)
        info.write_string(1, 1, report.centre_name)
        info.write_string(2, 0, label("Period"), bold)
        info.write_string(2, 1, period_text(report.period, language))
        if report.previous is not None:
            info.write_string(3, 0, label("Previous period"), bold)
            info.write_string(3, 1, period_text(report.previous.period, language))
        info.write_string(4, 0, label("Created"), bold)
        info.write_string(4, 1, report.created_at.astimezone().strftime(
            "%d.%m.%Y %H:%M" if language == "de" else "%Y-%m-%d %H:%M"))
        info.write_string(6, 0, label("Counts below {n} are shown as \u201c< {n}\u201d.").format(n=report.threshold))
        info.write_string(7, 0, label(HIDDEN_NOTE))
        if anonymised_note(report, language):
            info.write_string(8, 0, anonymised_note(report, language))

        sheets = {}
        for table in tables:
            sheet = workbook.add_worksheet(_sheet_name(table.title, sheets))
            sheets[table.key] = sheet
            sheet.write_string(0, 0, table.title, title_format)
            sheet.set_row(2, 45)
            sheet.set_column(0, 0, 34)
            sheet.set_column(1, max(1, len(table.headers) - 1), 16)
            for c, text in enumerate(table.headers):
                sheet.write_string(2, c, text, header)
            for r, row in enumerate(table.rows, start=3):
                for c, value in enumerate(row):
                    if isinstance(value, bool) or value is None:
                        sheet.write_blank(r, c, None)
                    elif isinstance(value, int):
                        sheet.write_number(r, c, value)
                    elif isinstance(value, float):
                        sheet.write_number(r, c, value, number)
                    else:
                        sheet.write_string(r, c, str(value), right if c else None)
            sheet.freeze_panes(3, 1)

        # native charts: visits by month per service (bars), share by place (pie of the total)
        months = next(t for t in tables if t.key == "months")
        n = len(months.rows)
        if n:
            chart = workbook.add_chart({"type": "column", "subtype": "stacked"})
            sheet_name = sheets["months"].get_name()
            for c in range(1, len(months.headers) - 1):  # services; the total is not stacked
                chart.add_series({"name": [sheet_name, 2, c], "categories": [sheet_name, 3, 0, 2 + n, 0],
                                  "values": [sheet_name, 3, c, 2 + n, c]})
            chart.set_title({"name": label("Visits by month")})
            chart.set_size({"width": 760, "height": 360})
            sheets["months"].insert_chart(4 + n, 0, chart)
        places = next(t for t in tables if t.key == "places_visits")
        sheet_name = sheets["places_visits"].get_name()
        total_col = len(places.headers) - 2  # "<Total>: Visits"
        pie = workbook.add_chart({"type": "pie"})
        pie.add_series({"name": label("Share by place of residence"),
                        "categories": [sheet_name, 3, 0, 2 + len(PLACES), 0],
                        "values": [sheet_name, 3, total_col, 2 + len(PLACES), total_col],
                        "data_labels": {"percentage": True, "category": True}})
        pie.set_title({"name": label("Share by place of residence")})
        sheets["places_visits"].insert_chart(4 + len(PLACES), 0, pie)
    finally:
        workbook.close()
        private_file(Path(path))


def _sheet_name(title: str, existing: dict) -> str:
    # Excel forbids []:*?/\ in a sheet's name: "Klient*innen" keeps its gender mark as a middle
    # dot and "Räume: Stunden" reads "Räume – Stunden" (not "Klient innen", "Räume  Stunden")
    readable = title.replace(": ", " – ").replace("*", "·")
    cleaned = " ".join("".join(" " if ch in "[]:*?/\\" else ch for ch in readable).split())[:31].rstrip() or "Sheet"
    names = {s.get_name() for s in existing.values()}
    candidate, counter = cleaned, 2
    while candidate in names:
        suffix = f" {counter}"
        candidate = cleaned[: 31 - len(suffix)] + suffix
        counter += 1
    return candidate


def _csv_value(value, language: str) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        text = f"{value:.1f}"
        return text.replace(".", ",") if language == "de" else text
    text = str(value)
    # a spreadsheet opening the CSV must not run text as a formula
    if text[:1] in ("=", "+", "-", "@", "\t", "\r") and not _is_number(text):
        text = "'" + text
    return text


def _is_number(text: str) -> bool:
    try:
        float(text.replace(",", "."))
    except ValueError:
        return False
    return True


def export_csv(report: Report, path: Path | str, language: str = "de") -> None:
    label = labeller(language)
    tables = export_tables(report, language)
    with zipfile.ZipFile(str(path), "w", compression=zipfile.ZIP_DEFLATED) as archive:
        info = io.StringIO()
        writer = csv.writer(info, delimiter=";", lineterminator="\r\n")
        writer.writerow([label("Report"), _csv_value(report.centre_name, language)])
        writer.writerow([label("Period"), period_text(report.period, language)])
        writer.writerow([label("Created"), report.created_at.astimezone().isoformat(timespec="minutes")])
        writer.writerow([label("Counts below {n} are shown as \u201c< {n}\u201d.").format(n=report.threshold)])
        writer.writerow([label(HIDDEN_NOTE)])
        if anonymised_note(report, language):
            writer.writerow([anonymised_note(report, language)])
        archive.writestr("report.csv", "\ufeff" + info.getvalue())
        for table in tables:
            buffer = io.StringIO()
            writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
            writer.writerow([_csv_value(h, language) for h in table.headers])
            for row in table.rows:
                writer.writerow([_csv_value(v, language) for v in row])
            archive.writestr(f"{table.key}.csv", "\ufeff" + buffer.getvalue())
    private_file(Path(path))
