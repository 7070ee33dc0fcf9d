"""The week plan of a room on paper or as PDF: the same painting as the screen, in black and
white friendly form (black text and borders, light fills, cancelled dates hatched and labelled)."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, Qt
from PySide6.QtGui import QFont, QPagedPaintDevice, QPageLayout, QPageSize, QPainter, QPdfWriter

from desk.domain.model import BookingOccurrenceRow
from desk.ui.i18n import fmt_date
from desk.ui.views.raumkalender.canvas import CalendarCanvas
from desk.ui.views.raumkalender.model import OccurrenceModel


def paint_week_plan(device: QPagedPaintDevice, *, title: str, days: list[date], rooms: list[tuple[int, str]],
                    rows: list[BookingOccurrenceRow], footer: str = "") -> None:
    device.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Landscape,
                                     QMarginsF(10, 10, 10, 10), QPageLayout.Unit.Millimeter))
    model = OccurrenceModel()
    model.set_rooms(dict(rooms))
    model.set_rows(rows)
    canvas = CalendarCanvas(model)
    canvas.set_range(days, rooms)  # the holidays named in the window's language, as the title
    painter = QPainter(device)
    try:
        page = QRectF(painter.viewport())
        scale = device.logicalDpiX() / 96.0  # draw in "screen pixels", whatever the device resolution
        painter.scale(scale, scale)
        area = QRectF(0, 0, page.width() / scale, page.height() / scale)
        heading = QFont(canvas.font())
        heading.setPixelSize(17)
        heading.setBold(True)
        painter.setFont(heading)
        painter.drawText(QRectF(area.left(), area.top(), area.width(), 28),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, title)
        small = QFont(canvas.font())
        small.setPixelSize(12)
        painter.setFont(small)
        painter.drawText(QRectF(area.left(), area.bottom() - 16, area.width(), 16),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, footer)
        canvas.setFont(small)
        canvas.paint(painter, QRectF(area.left(), area.top() + 32, area.width(), area.height() - 52), printing=True)
    finally:
        painter.end()
        canvas.deleteLater()


def save_week_plan_pdf(path: str, **kwargs) -> None:
    writer = QPdfWriter(path)
    writer.setResolution(150)
    writer.setTitle(kwargs.get("title", ""))
    writer.setCreator("desk")
    paint_week_plan(writer, **kwargs)


def week_title(room_name: str, monday: date) -> str:
    return QCoreApplication.translate("Raumkalender", "Week plan {room}: week {week}, {first} – {last}").format(
        room=room_name, week=monday.isocalendar().week, first=fmt_date(monday),
        last=fmt_date(monday + timedelta(days=6)))
