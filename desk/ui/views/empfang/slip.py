"""The ticket slip: ticket number, service, time of arrival. Never a name (by construction:
it is built from a VisitRow's ticket fields and the service only)."""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import QMarginsF, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QPainter, QPdfWriter, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QWidget

from desk.domain.model import ServiceRow, VisitRow
from desk.ui.i18n import current_language, fmt_date, fmt_time, translate

# A receipt-sized page (80 mm wide) that also prints fine on A4.
SLIP_SIZE_MM = QSizeF(80, 100)


def slip_html(visit: VisitRow, service: ServiceRow | None, centre: str = "") -> str:
    """The slip as HTML; every piece of text is escaped (no client text is on it anyway)."""
    service_name = service.name(current_language()) if service else ""
    waiting = translate("TicketSlip", "Please wait until your number is shown on the screen.")
    your_number = translate("TicketSlip", "Your number")
    lines = [
        f"<p style='font-size:9pt'>{escape(centre)}</p>" if centre else "",
        f"<p style='font-size:11pt'>{escape(your_number)}</p>",
        f"<p style='font-size:40pt; font-weight:bold'>{escape(visit.ticket)}</p>",
        f"<p style='font-size:12pt'>{escape(service_name)}</p>",
        f"<p style='font-size:10pt'>{escape(fmt_date(visit.ticket_day))} {escape(fmt_time(visit.arrived_at))}</p>",
    ]
    if visit.party_size > 1:
        lines.append("<p style='font-size:10pt'>"
                     + escape(translate("TicketSlip", "{count} people").format(count=visit.party_size)) + "</p>")
    lines.append(f"<p style='font-size:9pt'>{escape(waiting)}</p>")
    return "<div align='center'>" + "".join(lines) + "</div>"


def slip_document(visit: VisitRow, service: ServiceRow | None, centre: str = "") -> QTextDocument:
    document = QTextDocument()
    document.setHtml(slip_html(visit, service, centre))
    return document


def save_slip_pdf(path: str | Path, visit: VisitRow, service: ServiceRow | None, centre: str = "") -> Path:
    """Write the slip as a one-page PDF; returns the path."""
    path = Path(path)
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(SLIP_SIZE_MM, QPageSize.Unit.Millimeter, "ticket"))
    writer.setPageMargins(QMarginsF(4, 4, 4, 4), QPageLayout.Unit.Millimeter)
    writer.setResolution(300)
    writer.setTitle(translate("TicketSlip", "Ticket {ticket}").format(ticket=visit.ticket))
    paint_slip(slip_document(visit, service, centre), writer)
    return path


def paint_slip(document: QTextDocument, device) -> None:
    """One page, no page numbers; font sizes in points at the device's resolution."""
    document.documentLayout().setPaintDevice(device)
    document.setTextWidth(device.width())
    painter = QPainter(device)
    try:
        document.drawContents(painter)
    finally:
        painter.end()


def print_slip(parent: QWidget | None, visit: VisitRow, service: ServiceRow | None, centre: str = "") -> bool:
    """The system printer dialog; True when printed."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(translate("TicketSlip", "Ticket {ticket}").format(ticket=visit.ticket))
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(translate("TicketSlip", "Print ticket slip"))
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return False
    paint_slip(slip_document(visit, service, centre), printer)
    return True
