"""Small charts drawn with QPainter (Qt Charts is deprecated and not in PySide6-Essentials).

The same drawing functions paint the on-screen chart widget and the PDF report. Every bar is
labelled with its number, and the legend names each colour, so nothing is told by colour alone.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

# Colour-blind safe palette (Okabe & Ito).
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000")


def _nice_max(value: float) -> float:
    """The top of the axis: four gridline steps of 1, 2, 2.5 or 5 times a power of ten."""
    if value <= 0:
        return 4.0
    magnitude = 1.0
    while magnitude * 10 <= value:
        magnitude *= 10
    for factor in (0.25, 0.5, 1, 2, 2.5, 5, 10):
        step = max(1.0, magnitude * factor)
        if step * 4 >= value:
            return step * 4
    return value


def draw_bars(painter: QPainter, rect: QRectF, title: str, categories: Sequence[str],
              series: Sequence[tuple[str, Sequence[int]]]) -> None:
    """Stacked bars per category (month), one colour per series (service), totals on top."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    base = QFont(painter.font())
    fm = QFontMetricsF(base)
    line = fm.height()
    title_font = QFont(base)
    title_font.setBold(True)
    painter.setFont(title_font)
    painter.setPen(QColor("#202020"))
    painter.drawText(QRectF(rect.left(), rect.top(), rect.width(), line * 1.4),
                     Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, title)
    painter.setFont(base)
    # legend on the right
    legend_width = min(rect.width() * 0.28, max((fm.horizontalAdvance(name) for name, _ in series), default=0)
                       + line * 1.6)
    plot = QRectF(rect.left() + fm.horizontalAdvance("00000") + 4, rect.top() + line * 2.2,
                  rect.width() - legend_width - fm.horizontalAdvance("00000") - line, rect.height() - line * 4.2)
    for i, (name, _) in enumerate(series):
        y = plot.top() + i * line * 1.3
        swatch = QRectF(plot.right() + line, y + line * 0.15, line * 0.7, line * 0.7)
        painter.fillRect(swatch, QColor(PALETTE[i % len(PALETTE)]))
        painter.setPen(QColor("#202020"))
        painter.drawText(QRectF(swatch.right() + line * 0.3, y, legend_width, line),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, name)
    totals = [sum(values[i] for _, values in series) for i in range(len(categories))]
    top = _nice_max(max(totals, default=0))
    # axis and grid
    painter.setPen(QPen(QColor("#c8c8c8"), 0))
    for step in range(5):
        value = top * step / 4
        y = plot.bottom() - plot.height() * step / 4
        painter.drawLine(plot.left(), y, plot.right(), y)
        painter.setPen(QColor("#505050"))
        painter.drawText(QRectF(rect.left(), y - line / 2, plot.left() - rect.left() - 4, line),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, f"{value:g}")
        painter.setPen(QPen(QColor("#c8c8c8"), 0))
    if categories:
        slot = plot.width() / len(categories)
        bar = min(slot * 0.7, line * 5)
        for i, category in enumerate(categories):
            x = plot.left() + i * slot + (slot - bar) / 2
            y = plot.bottom()
            for j, (_, values) in enumerate(series):
                h = plot.height() * values[i] / top if top else 0
                painter.fillRect(QRectF(x, y - h, bar, h), QColor(PALETTE[j % len(PALETTE)]))
                y -= h
            painter.setPen(QColor("#202020"))
            painter.drawText(QRectF(x - slot * 0.15, y - line, bar + slot * 0.3, line),
                             Qt.AlignmentFlag.AlignCenter, str(totals[i]))
            label = category if len(categories) <= 12 else category[-2:]
            painter.drawText(QRectF(plot.left() + i * slot, plot.bottom() + 2, slot, line),
                             Qt.AlignmentFlag.AlignCenter, label)
    painter.restore()


def draw_shares(painter: QPainter, rect: QRectF, title: str, items: Sequence[tuple[str, int, str]],
                whole: float | None = None) -> None:
    """Horizontal bars of shares: (label, count, shown value text); 100 % = `whole`, by default
    the sum of the counts (parts of one whole); give `whole` for independent rates."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    base = QFont(painter.font())
    fm = QFontMetricsF(base)
    line = fm.height()
    title_font = QFont(base)
    title_font.setBold(True)
    painter.setFont(title_font)
    painter.setPen(QColor("#202020"))
    painter.drawText(QRectF(rect.left(), rect.top(), rect.width(), line * 1.4),
                     Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, title)
    painter.setFont(base)
    if whole is None:
        whole = sum(count for _, count, _ in items)
    label_width = max((fm.horizontalAdvance(text) for text, _, _ in items), default=0) + line
    value_width = max((fm.horizontalAdvance(v) for _, _, v in items), default=0) + line
    bar_left = rect.left() + label_width
    bar_width = max(10.0, rect.width() - label_width - value_width)
    row = max(line * 1.5, (rect.height() - line * 2) / max(1, len(items)))
    for i, (text, count, shown) in enumerate(items):
        y = rect.top() + line * 1.8 + i * row
        painter.setPen(QColor("#202020"))
        painter.drawText(QRectF(rect.left(), y, label_width, line * 1.2),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)
        painter.fillRect(QRectF(bar_left, y + line * 0.1, bar_width, line), QColor("#ececec"))
        w = bar_width * count / whole if whole else 0
        painter.fillRect(QRectF(bar_left, y + line * 0.1, w, line), QColor(PALETTE[i % len(PALETTE)]))
        painter.drawText(QRectF(bar_left + bar_width + line * 0.4, y, value_width, line * 1.2),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, shown)
    painter.restore()


class ChartWidget(QWidget):
    """Shows one chart: `set_bars(...)` or `set_shares(...)`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._kind = ""
        self._args: tuple = ()
        self.setMinimumHeight(220)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        return QSize(520, 260)

    def set_bars(self, title: str, categories: Sequence[str], series: Sequence[tuple[str, Sequence[int]]]) -> None:
        self._kind, self._args = "bars", (title, list(categories), [(n, list(v)) for n, v in series])
        self.setAccessibleName(title)
        self.update()

    def set_shares(self, title: str, items: Sequence[tuple[str, int, str]], whole: float | None = None) -> None:
        self._kind, self._args = "shares", (title, list(items), whole)
        self.setAccessibleName(title)
        self.update()

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt API)
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("white"))  # drawn like paper (dark text), also in the dark scheme
        area = QRectF(self.rect()).adjusted(8, 6, -8, -6)
        if self._kind == "bars":
            draw_bars(painter, area, *self._args)
        elif self._kind == "shares":
            draw_shares(painter, area, *self._args)
        painter.end()
