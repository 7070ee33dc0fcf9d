"""The kiosk's ticket printer: the system's default printer through its print queue (a receipt
printer set up as the kiosk PC's default), or none - then the ticket is shown on screen only."""

from __future__ import annotations

from html import escape
from typing import Protocol

from PySide6.QtCore import QMarginsF, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QTextDocument
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from desk.domain.kiosk import KioskTicket


class TicketPrinter(Protocol):
    def available(self) -> bool: ...

    def print_ticket(self, ticket: KioskTicket, lines: list[str], *, rtl: bool) -> None: ...


def ticket_document(lines: list[str], *, rtl: bool) -> QTextDocument:
    """The ticket as printed: the caption, the number very large, then the sentences."""
    direction = "rtl" if rtl else "ltr"
    caption, number, *rest = lines
    body = "".join(f"<p dir='{direction}'>{escape(line)}</p>" for line in rest)
    document = QTextDocument()
    document.setHtml(f"<div align='center'><p>{escape(caption)}</p>"
                     f"<p style='font-size:48pt'><b>{escape(number)}</b></p></div>{body}")
    return document


class SystemPrinter:
    """The default printer of the system (CUPS on Linux, the Windows spooler)."""

    def available(self) -> bool:
        return not QPrinterInfo.defaultPrinter().isNull()

    def print_ticket(self, ticket: KioskTicket, lines: list[str], *, rtl: bool) -> None:
        printer = QPrinter(QPrinterInfo.defaultPrinter(), QPrinter.PrinterMode.HighResolution)
        printer.setDocName(f"desk ticket {ticket.ticket}")
        # an 80 mm receipt roll; a printer that cannot take it uses its own paper
        printer.setPageLayout(QPageLayout(QPageSize(QSizeF(80, 120), QPageSize.Unit.Millimeter, "Receipt 80 mm"),
                                          QPageLayout.Orientation.Portrait, QMarginsF(4, 4, 4, 4)))
        ticket_document(lines, rtl=rtl).print_(printer)


class NoPrinter:
    def available(self) -> bool:
        return False

    def print_ticket(self, ticket: KioskTicket, lines: list[str], *, rtl: bool) -> None:  # pragma: no cover
        raise RuntimeError("no printer")


def system_printer() -> TicketPrinter:
    return SystemPrinter()
