"""Printing for the Termine view: the appointment slip (German + the client's language) and
tomorrow's reminder list. Everything goes through QTextDocument; every piece of client or
user text is HTML-escaped, so a name like `<b>x</b>` prints literally."""

from __future__ import annotations

import json
from functools import cache
from html import escape
from importlib import resources
from pathlib import Path

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QWidget

from desk.domain.appointments import ReminderRow, SlipData
from desk.domain.kiosk import format_code
from desk.ui.i18n import fmt_date, fmt_time, local, translate


@cache
def slip_phrases() -> dict[str, dict[str, str]]:
    path = resources.files("desk.resources") / "slips" / "appointment_slip.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    return {k: v for k, v in data.items() if not k.startswith("_")}


def _block(phrases: dict[str, str], slip: SlipData, *, big: bool) -> str:
    """One language block; dates as dd.mm.yyyy in every language (unambiguous on paper)."""
    start = local(slip.starts_at)
    direction = phrases.get("dir", "ltr")
    align = "right" if direction == "rtl" else "left"
    size = "13pt" if big else "11pt"
    rows = [
        (phrases["date"], f"{start:%d.%m.%Y}"),
        (phrases["time"], f"{start:%H:%M} – {local(slip.ends_at):%H:%M}"),
        (phrases["room"], slip.room_name),
        (phrases["counsellor"], slip.staff_name),
        (phrases["service"], slip.service_name_de),
        (phrases["address"], slip.centre_address),
        (phrases.get("kiosk_code", ""), format_code(slip.kiosk_code) if slip.kiosk_code else ""),
    ]
    # values (times, German names, the address) are left-to-right text: embedded as such in an
    # RTL block, so "09:00 – 09:45" is not reordered to "09:45 – 09:00"
    wrap = (lambda v: f"\u202a{v}\u202c") if direction == "rtl" else (lambda v: v)
    cells = "".join(
        f"<tr><td style='padding-right:8px; padding-left:8px'><b>{escape(label)}</b></td>"
        f"<td>{escape(wrap(value))}</td></tr>"
        for label, value in rows if value
    )
    notes = [phrases["bring"], phrases["cancel"]]
    if slip.interpreter_language:
        notes.insert(0, phrases["interpreter"])
    text = "".join(f"<p>{escape(n)}</p>" for n in notes)
    return (
        f"<div dir='{direction}' align='{align}' style='font-size:{size}'>"
        f"<h2 dir='{direction}'>{escape(phrases['title'])}</h2>"
        f"<table dir='{direction}' cellspacing='2'>{cells}</table>{text}</div>"
    )


def slip_html(slip: SlipData, language: str | None = None) -> str:
    """German first, then the client's language (if a template exists and it is not German)."""
    phrases = slip_phrases()
    language = (language if language is not None else slip.client_language or "").lower()
    parts = [
        f"<p style='font-size:9pt'>{escape(slip.centre_name)}</p>",
        f"<p style='font-size:12pt'><b>{escape(slip.client_name)}</b> {escape(slip.client_number)}</p>",
        _block(phrases["de"], slip, big=True),
    ]
    if language in phrases and language != "de":
        parts.append("<hr/>")
        parts.append(_block(phrases[language], slip, big=False))
    return "".join(parts)


def slip_document(slip: SlipData, language: str | None = None) -> QTextDocument:
    document = QTextDocument()
    document.setHtml(slip_html(slip, language))
    return document


def reminder_html(day_label: str, rows: list[ReminderRow], language_name) -> str:
    """Tomorrow's list, readable in black and white (the tick is a printed box, not a colour)."""
    title = translate("TerminePrint", "Reminder calls for {day}").format(day=day_label)
    headers = [translate("TerminePrint", "Reminded"), translate("TerminePrint", "Time"),
               translate("TerminePrint", "Client"), translate("TerminePrint", "Phone"),
               translate("TerminePrint", "Language"), translate("TerminePrint", "Interpreter"),
               translate("TerminePrint", "Counsellor"), translate("TerminePrint", "Room")]
    head = "".join(f"<th align='left'>{escape(h)}</th>" for h in headers)
    body = []
    for r in rows:
        a = r.appointment
        tick = "[x]" if a.reminded_at else "[  ]"
        cells = [tick, f"{fmt_time(a.starts_at)}–{fmt_time(a.ends_at)}", a.client_name, r.phone,
                 language_name(r.client_language), language_name(a.interpreter_language) or r.interpreter_name,
                 r.staff_name, r.room_name]
        body.append("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in cells) + "</tr>")
    if not rows:
        body.append(f"<tr><td colspan='8'>{escape(translate('TerminePrint', 'No appointments.'))}</td></tr>")
    return (f"<h2>{escape(title)}</h2><table border='1' cellspacing='0' cellpadding='4' width='100%'>"
            f"<tr>{head}</tr>{''.join(body)}</table>")


def html_document(html: str) -> QTextDocument:
    document = QTextDocument()
    document.setHtml(html)
    return document


def save_pdf(path: str | Path, document: QTextDocument, title: str, *, landscape: bool = False) -> Path:
    path = Path(path)
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageOrientation(QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait)
    writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter)
    writer.setTitle(title)
    writer.setCreator("desk")
    document.print_(writer)
    return path


def print_document(parent: QWidget | None, document: QTextDocument, title: str) -> bool:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(title)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(title)
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return False
    document.print_(printer)
    return True


def day_label(day) -> str:
    return fmt_date(day)
