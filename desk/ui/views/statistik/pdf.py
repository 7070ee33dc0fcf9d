"""The PDF report (A4 landscape): title, centre, period, creation date, tables and charts.

Drawn with QPdfWriter + QPainter. The window calls `render_pdf`; desk-admin (which does not
import Qt) computes the report and has a child `desk-admin _render-pdf report` draw it
(desk/ui/pdf_child.py).

Counts below the threshold appear as "< 3", exactly as in the other exports.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
)

from desk.domain.reports import PLACES, SUPPRESSED, Report, Table, monthly_series, share, suppressed_tables
from desk.services.report_tables import (
    HIDDEN_NOTE,
    anonymised_note,
    build_tables,
    format_cell,
    labeller,
    period_text,
)
from desk.ui.views.statistik.charts import draw_bars, draw_shares

FONT_FAMILY = "DejaVu Sans"
_fonts_loaded = False


def _load_fonts() -> str:
    """The bundled DejaVu Sans (all scripts of the centre's languages, same look everywhere)."""
    global _fonts_loaded
    if not _fonts_loaded:
        folder = Path(str(resources.files("desk.resources") / "fonts"))
        for name in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"):
            if (folder / name).exists():
                QFontDatabase.addApplicationFont(str(folder / name))
        _fonts_loaded = True
    return FONT_FAMILY if FONT_FAMILY in QFontDatabase.families() else QFont().family()


class _Pages:
    """A y cursor over the pages of a QPdfWriter, with a footer on every page."""

    def __init__(self, writer: QPdfWriter, painter: QPainter, footer: str) -> None:
        self.writer = writer
        self.painter = painter
        self.footer = footer
        self.width = float(writer.width())
        self.height = float(writer.height())
        self.y = 0.0
        self.page = 1
        self._draw_footer()

    def _draw_footer(self) -> None:
        p = self.painter
        p.save()
        font = QFont(p.font())
        font.setPointSizeF(7)
        p.setFont(font)
        p.setPen(QColor("#606060"))
        line = QFontMetricsF(font, self.writer).height()
        p.drawText(QRectF(0, self.height - line, self.width, line), Qt.AlignmentFlag.AlignLeft, self.footer)
        p.drawText(QRectF(0, self.height - line, self.width, line), Qt.AlignmentFlag.AlignRight, str(self.page))
        p.restore()
        self.bottom = self.height - line * 1.8

    def need(self, height: float) -> None:
        if self.y + height > self.bottom and self.y > 0:
            self.writer.newPage()
            self.page += 1
            self.y = 0.0
            self._draw_footer()


def _table(pages: _Pages, table: Table, language: str, font: QFont) -> None:
    p = pages.painter
    fm = QFontMetricsF(font, pages.writer)
    line = fm.height()
    pad = line * 0.25
    bold = QFont(font)
    bold.setBold(True)
    columns = len(table.headers)
    first = min(pages.width * 0.3, max(fm.horizontalAdvance(str(r[0])) for r in (*table.rows, table.headers)) + 3 * pad)
    rest = (pages.width - first) / max(1, columns - 1)
    widths = [first] + [rest] * (columns - 1)
    flags = Qt.TextFlag.TextWordWrap

    def header_height() -> float:
        tallest = max(fm.boundingRect(QRectF(0, 0, w - 2 * pad, 10 * line), int(flags), h).height()
                      for w, h in zip(widths, table.headers, strict=True))
        return tallest + 2 * pad

    def draw_header() -> None:
        h = header_height()
        p.setFont(bold)
        x = 0.0
        p.fillRect(QRectF(0, pages.y, pages.width, h), QColor("#e8eef5"))
        for w, text in zip(widths, table.headers, strict=True):
            align = Qt.AlignmentFlag.AlignLeft if x == 0 else Qt.AlignmentFlag.AlignRight
            p.drawText(QRectF(x + pad, pages.y + pad, w - 2 * pad, h - 2 * pad),
                       int(align | Qt.AlignmentFlag.AlignBottom | flags), text)
            x += w
        pages.y += h
        p.setFont(font)

    title_font = QFont(font)
    title_font.setBold(True)
    title_font.setPointSizeF(font.pointSizeF() * 1.25)
    title_line = QFontMetricsF(title_font, pages.writer).height()
    pages.need(title_line * 1.5 + header_height() + 2 * (line + 2 * pad))
    p.setFont(title_font)
    p.setPen(QColor("#1a1a1a"))
    p.drawText(QRectF(0, pages.y, pages.width, title_line), Qt.AlignmentFlag.AlignLeft, table.title)
    pages.y += title_line * 1.3
    p.setFont(font)
    draw_header()
    for index, row in enumerate(table.rows):
        h = line + 2 * pad
        if pages.y + h > pages.bottom:
            pages.need(h * 10)
            draw_header()
        if index % 2:
            p.fillRect(QRectF(0, pages.y, pages.width, h), QColor("#f6f6f6"))
        x = 0.0
        for c, (w, value) in enumerate(zip(widths, row, strict=True)):
            text = value if isinstance(value, str) and c == 0 else format_cell(value, language)
            align = Qt.AlignmentFlag.AlignLeft if c == 0 else Qt.AlignmentFlag.AlignRight
            shown = fm.elidedText(str(text), Qt.TextElideMode.ElideRight, w - 2 * pad)
            p.drawText(QRectF(x + pad, pages.y + pad, w - 2 * pad, line), int(align | Qt.AlignmentFlag.AlignVCenter),
                       shown)
            x += w
        pages.y += h
    p.setPen(QPen(QColor("#a0a0a0"), 0))
    p.drawLine(0, pages.y, pages.width, pages.y)
    p.setPen(QColor("#1a1a1a"))
    pages.y += line * 1.5


def render_pdf(report: Report, path: str | Path, language: str = "de") -> Path:
    """Write the report as a PDF (only aggregates; small counts shown as "< threshold")."""
    path = Path(path)
    label = labeller(language)
    family = _load_fonts()
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageOrientation(QPageLayout.Orientation.Landscape)
    writer.setPageMargins(QMarginsF(15, 15, 15, 12), QPageLayout.Unit.Millimeter)
    writer.setResolution(150)
    writer.setTitle(f"{label('Statistics report')} {period_text(report.period, language)}")
    writer.setCreator("desk")
    created = report.created_at.astimezone().strftime("%d.%m.%Y %H:%M" if language == "de" else "%Y-%m-%d %H:%M")
    painter = QPainter(writer)
    try:
        font = QFont(family)
        font.setPointSizeF(8.5)
        painter.setFont(font)
        footer = (f"{report.centre_name} \u00b7 {label('Statistics report')} "
                  f"{period_text(report.period, language)} \u00b7 {label('Created')} {created}")
        pages = _Pages(writer, painter, footer)
        line = QFontMetricsF(font, writer).height()

        # title block
        title = QFont(font)
        title.setPointSizeF(18)
        title.setBold(True)
        painter.setFont(title)
        tl = QFontMetricsF(title, writer).height()
        painter.drawText(QRectF(0, 0, pages.width, tl), Qt.AlignmentFlag.AlignLeft, label("Statistics report"))
        pages.y = tl * 1.2
        sub = QFont(font)
        sub.setPointSizeF(11)
        painter.setFont(sub)
        sl = QFontMetricsF(sub, writer).height()
        lines = [report.centre_name, f"{label('Period')}: {period_text(report.period, language)}"]
        if report.previous is not None:
            lines.append(f"{label('Previous period')}: {period_text(report.previous.period, language)}")
        lines.append(f"{label('Created')}: {created}")
        for text in lines:
            painter.drawText(QRectF(0, pages.y, pages.width, sl), Qt.AlignmentFlag.AlignLeft, text)
            pages.y += sl
        painter.setFont(font)
        note = label("Counts below {n} are shown as \u201c< {n}\u201d.").format(n=report.threshold)
        legend = ", ".join(f"{s.code} = {s.name(language)}" for s in report.services)
        for text in (note, label(HIDDEN_NOTE), anonymised_note(report, language), legend):
            if not text:
                continue
            rect = painter.boundingRect(QRectF(0, pages.y, pages.width, line * 4),
                                        int(Qt.TextFlag.TextWordWrap), text)
            painter.drawText(QRectF(0, pages.y, pages.width, rect.height()), int(Qt.TextFlag.TextWordWrap), text)
            pages.y += rect.height() + line * 0.3
        pages.y += line

        # charts: visits by month (bars) and share by place (suppressed like the tables)
        chart_h = min(pages.bottom - pages.y, pages.height * 0.42)
        months, series = monthly_series(report)
        draw_bars(painter, QRectF(0, pages.y, pages.width * 0.6, chart_h), label("Visits by month"),
                  [m[5:] + "/" + m[2:4] for m in months], series)
        total = report.total
        whole = sum(total.visits_by_place.values())
        items = []
        for place in PLACES:
            count = total.visits_by_place.get(place, 0)
            if 0 < count < report.threshold:
                shown = SUPPRESSED.format(n=report.threshold)
            else:
                pct = share(count, whole)
                shown = f"{format_cell(pct, language)} % ({count})" if pct is not None else "\u2013"
            items.append((label(place), count, shown))
        draw_shares(painter, QRectF(pages.width * 0.64, pages.y, pages.width * 0.36, chart_h * 0.6),
                    label("Share by place of residence"), items)
        pages.y += chart_h + line

        for table in suppressed_tables(build_tables(report, language, short_names=True), report.threshold):
            _table(pages, table, language, font)
    finally:
        painter.end()
    return path
