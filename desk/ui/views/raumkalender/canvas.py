"""The painted week/day grid: days across (one or several rooms side by side per day), hours
down. It draws the rows of the OccurrenceModel and turns mouse drags into requests (create,
move, resize) that the view sends to the booking service. Titles are drawn with
QPainter.drawText, which never interprets markup: `<img src=x>` shows literally.

Status never by colour alone: cancelled dates are hatched *and* say "Cancelled"; dates on a
public holiday name the holiday (in the window's language, as the day headers do). The same painting
routine prints the week plan (black and white).
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QStaticText,
    QTextOption,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from desk.domain.model import BookingKind, BookingOccurrenceRow
from desk.domain.public_holidays import centre_works, holidays_between, occurrence_holiday
from desk.domain.recurrence import place
from desk.ui.clock import centre_today
from desk.ui.i18n import current_language, fmt_date, fmt_time, local
from desk.ui.views.raumkalender.labels import weekday_label
from desk.ui.views.raumkalender.model import OccurrenceModel

FIRST_HOUR = 7
LAST_HOUR = 22
SNAP_MINUTES = 15
GUTTER = 48
DAY_HEADER = 34
ROOM_HEADER = 18
BOTTOM_MARGIN = 10
EDGE = 6  # pixels at the bottom of a block that resize it

KIND_COLOURS = {
    BookingKind.SEMINAR: "#cfe2f3",
    BookingKind.INFO_EVENING: "#fce5cd",
    BookingKind.LANGUAGE_CAFE: "#d9ead3",
    BookingKind.VOLUNTEER_MEETING: "#fff2cc",
    BookingKind.TEAM_MEETING: "#ead1dc",
    BookingKind.COUNSELLING: "#d0e0e3",
    BookingKind.OTHER: "#e6e6e6",
}


WHITE = QColor("white")
BLACK = QColor("black")
HATCH = QBrush(QColor("#909090"), Qt.BrushStyle.BDiagPattern)
PRINT_HATCH = QBrush(QColor("#c8c8c8"), Qt.BrushStyle.BDiagPattern)  # lighter on paper: the text stays legible
KIND_BRUSHES = {kind: QBrush(QColor(colour)) for kind, colour in KIND_COLOURS.items()}
BORDER_PEN = QPen(BLACK, 1)
SELECTED_PEN = QPen(BLACK, 3)
CANCELLED_PEN = QPen(BLACK, 1, Qt.PenStyle.DashLine)
TEXT_FLAGS = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)


def _hhmm(moment: datetime) -> str:
    here = local(moment)
    return f"{here.hour:02d}:{here.minute:02d}"


@dataclass
class Block:
    rect: QRectF
    row: BookingOccurrenceRow
    day_index: int
    room_index: int
    clipped_top: bool
    clipped_bottom: bool
    # "above"/"below": this day's part lies wholly outside the hours shown (a night across
    # midnight, a late event): pinned to that edge, two lines high, time first with an arrow
    outside: str = ""


@dataclass
class Drag:
    mode: str  # "create" | "move" | "resize"
    day_index: int
    room_index: int
    anchor: datetime  # create: the pressed time; move: the block's start; resize: the start
    start: datetime
    end: datetime
    grab_offset: timedelta = timedelta(0)
    row: BookingOccurrenceRow | None = None
    moved: bool = False
    origin: QPointF | None = None


class CalendarCanvas(QWidget):
    sig_create_requested = Signal(int, object, object)
    """(room_id, start, end): the person dragged over free time (aware datetimes)."""

    sig_move_requested = Signal(int, object, object, int)
    """(occurrence_id, new start, new end, new room_id): a block was dragged or resized."""

    sig_open_requested = Signal(int)
    """(occurrence_id): double click or Enter on a block."""

    sig_selection_changed = Signal(int)
    """(occurrence_id or 0): the selected block changed (keyboard or mouse)."""

    def __init__(self, model: OccurrenceModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.days: list[date] = []
        self.rooms: list[tuple[int, str]] = []
        self.holidays: dict[date, str] = {}  # the public holidays of `days`, named in the window's language
        self.selected_id = 0
        self.read_only = False
        self._drag: Drag | None = None
        self._blocks: list[Block] = []
        self._texts: dict[BookingOccurrenceRow, str] = {}
        self._static: dict[tuple, QStaticText] = {}
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setMinimumSize(640, 420)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved, model.dataChanged):
            signal.connect(self._on_model_changed)

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(1000, 640)

    # -- content ----------------------------------------------------------------------------------

    def set_range(self, days: list[date], rooms: list[tuple[int, str]]) -> None:
        self.days = list(days)
        self.rooms = list(rooms)
        self._name_holidays()
        self._update_minimum_width()
        self._on_model_changed()

    def _name_holidays(self) -> None:
        self.holidays = holidays_between(self.days[0], self.days[-1], current_language()) if self.days else {}

    def holiday_text(self, day: date) -> str:
        """The second line of `day`'s header: its public holiday in the window's language, or ''."""
        holiday = self.holidays.get(day, "")
        return self.tr("Public holiday: {name}").format(name=holiday) if holiday else ""

    def retranslate(self) -> None:
        """Everything the canvas writes in the language just installed: the holidays' names in the
        headers and the blocks, "Cancelled" (the blocks' texts are laid out once and kept)."""
        self._name_holidays()
        self._texts.clear()
        self._static.clear()
        self.update()

    def min_column_width(self) -> int:
        """A column is never narrower than a time range ("10:15–11:45") or a room's short name
        (its display label, from the room settings), at the current font size."""
        metrics = self.fontMetrics()
        widest = max([metrics.horizontalAdvance("00:00–00:00")]
                     + [metrics.horizontalAdvance(name) for _id, name in self.rooms])
        return widest + 12

    def _update_minimum_width(self) -> None:
        columns = max(1, len(self.days) * max(1, len(self.rooms)))
        self.setMinimumWidth(max(640, GUTTER + columns * self.min_column_width()))

    def changeEvent(self, event) -> None:  # noqa: N802
        if event.type() == QEvent.Type.FontChange:
            self._update_minimum_width()
        super().changeEvent(event)

    def _on_model_changed(self, *_args) -> None:
        self._blocks = []
        self.update()

    # -- geometry ---------------------------------------------------------------------------------

    def _header_height(self) -> float:
        return DAY_HEADER + (ROOM_HEADER if len(self.rooms) > 1 else 0)

    def _grid(self, area: QRectF) -> tuple[float, float, float]:
        """(column width, top of the hour grid, height of one hour) within `area`."""
        columns = max(1, len(self.days) * max(1, len(self.rooms)))
        width = (area.width() - GUTTER) / columns
        top = area.top() + self._header_height()
        hour = (area.bottom() - BOTTOM_MARGIN - top) / (LAST_HOUR - FIRST_HOUR)
        return width, top, hour

    def column_rect(self, day_index: int, room_index: int, area: QRectF | None = None) -> QRectF:
        area = area or QRectF(self.rect())
        width, top, hour = self._grid(area)
        column = day_index * max(1, len(self.rooms)) + room_index
        return QRectF(area.left() + GUTTER + column * width, top, width, hour * (LAST_HOUR - FIRST_HOUR))

    def _y(self, day: date, moment: datetime, area: QRectF) -> float:
        _width, top, hour = self._grid(area)
        moment_local = local(moment)
        minutes = (moment_local.date() - day).days * 24 * 60 + moment_local.hour * 60 + moment_local.minute
        minutes = min(max(minutes, FIRST_HOUR * 60), LAST_HOUR * 60)
        return top + (minutes - FIRST_HOUR * 60) / 60 * hour

    def hit_column(self, point: QPointF) -> tuple[int, int] | None:
        if not self.days or not self.rooms:
            return None
        width, top, _hour = self._grid(QRectF(self.rect()))
        if point.x() < GUTTER or point.y() < top:
            return None
        column = int((point.x() - GUTTER) // width)
        day_index, room_index = divmod(column, max(1, len(self.rooms)))
        if not 0 <= day_index < len(self.days):
            return None
        return day_index, room_index

    def time_at(self, day_index: int, y: float, *, snap: bool = True) -> datetime:
        """The aware moment at height `y` of a day column, snapped to the quarter hour."""
        _width, top, hour = self._grid(QRectF(self.rect()))
        minutes = FIRST_HOUR * 60 + (y - top) / hour * 60
        if snap:
            minutes = round(minutes / SNAP_MINUTES) * SNAP_MINUTES
        minutes = min(max(minutes, FIRST_HOUR * 60), LAST_HOUR * 60)
        naive = datetime.combine(self.days[day_index], time(0)) + timedelta(minutes=minutes)
        return place(naive)

    def point_for(self, day_index: int, room_index: int, moment: datetime) -> QPointF:
        """Widget coordinates of `moment` in a column (for tests and keyboard-driven drags)."""
        column = self.column_rect(day_index, room_index)
        return QPointF(column.center().x(), self._y(self.days[day_index], moment, QRectF(self.rect())))

    def small_font(self, base: QFont | None = None) -> QFont:
        """The font of the blocks and the hour labels."""
        base = QFont(base if base is not None else self.font())
        small = QFont(base)
        if base.pixelSize() > 0:  # printing draws in pixel-sized fonts
            small.setPixelSize(max(7, round(base.pixelSize() * 0.9)))
        else:
            small.setPointSizeF(max(6.0, base.pointSizeF() * 0.85))
        return small

    def blocks(self, area: QRectF | None = None, *, line_height: float | None = None) -> list[Block]:
        """The painted rectangles of the rows (a booking across midnight gives one per day).
        `line_height`: of the blocks' font (default: the widget's), for the parts outside the hours shown."""
        area = area or QRectF(self.rect())
        if line_height is None:
            line_height = QFontMetricsF(self.small_font()).height()
        stub = 2 * line_height + 4
        own = area == QRectF(self.rect())
        if own and self._blocks:
            return self._blocks
        room_index = {room_id: i for i, (room_id, _name) in enumerate(self.rooms)}
        day_index = {day: i for i, day in enumerate(self.days)}
        width, top_of_grid, hour = self._grid(area)
        rooms = max(1, len(self.rooms))
        left = area.left() + GUTTER
        low, high = FIRST_HOUR * 60, LAST_HOUR * 60
        result: list[Block] = []
        for row in self.model.rows():
            room = room_index.get(row.room_id)
            if room is None:
                continue
            start, end = local(row.starts_at), local(row.ends_at)
            first, last = start.date(), (end - timedelta(seconds=1)).date()
            day = first
            while day <= last:
                index = day_index.get(day)
                if index is not None:
                    begin = (start.date() - day).days * 1440 + start.hour * 60 + start.minute
                    finish = (end.date() - day).days * 1440 + end.hour * 60 + end.minute
                    top = top_of_grid + (min(max(begin, low), high) - low) / 60 * hour
                    bottom = top_of_grid + (min(max(finish, low), high) - low) / 60 * hour
                    grid_bottom = top_of_grid + (high - low) / 60 * hour
                    outside = "above" if finish <= low else "below" if begin >= high else ""
                    if outside:
                        # a 6-pixel sliver at 07:00 said nothing (and looked like a booking at 07:00):
                        # what lies outside the hours shown is readable at the edge it lies beyond
                        top, bottom = ((top_of_grid, top_of_grid + stub) if outside == "above"
                                       else (grid_bottom - stub, grid_bottom))
                    elif bottom - top < 6:  # barely inside the visible hours: keep a visible stub
                        top, bottom = (top - 6, top) if top >= grid_bottom - 1 else (top, top + 6)
                    x = left + (index * rooms + room) * width
                    result.append(Block(QRectF(x + 2, top + 1, width - 4, bottom - top - 2), row, index, room,
                                        begin < low or bool(outside), finish > high or bool(outside), outside))
                day += timedelta(days=1)
        if own:
            self._blocks = result
        return result

    def block_at(self, point: QPointF) -> Block | None:
        for block in reversed(self.blocks()):
            if block.rect.contains(point) and not block.row.cancelled:
                return block
        for block in reversed(self.blocks()):
            if block.rect.contains(point):
                return block
        return None

    def resizeEvent(self, event) -> None:  # noqa: N802
        self._blocks = []
        super().resizeEvent(event)

    # -- painting ---------------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        try:
            self.paint(painter, QRectF(self.rect()), printing=False)
        finally:
            painter.end()

    def paint(self, painter: QPainter, area: QRectF, *, printing: bool) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.fillRect(area, QColor("white"))
        if not self.days:
            return
        base = QFont(self.font())
        small = self.small_font(base)
        bold = QFont(base)
        bold.setBold(True)
        width, top, hour = self._grid(area)
        grid_bottom = top + hour * (LAST_HOUR - FIRST_HOUR)
        rooms = max(1, len(self.rooms))
        today = centre_today()
        # day headers
        for d, day in enumerate(self.days):
            x = area.left() + GUTTER + d * rooms * width
            header = QRectF(x, area.top(), rooms * width, DAY_HEADER)
            holiday = self.holiday_text(day)
            if not centre_works(day, self.holidays):  # closed: a weekend or a public holiday
                painter.fillRect(QRectF(x, top, rooms * width, grid_bottom - top), QColor("#f3f3f3"))
            painter.setFont(bold if day == today and not printing else base)
            label = f"{weekday_label(day.weekday())} {fmt_date(day)}"
            if day == today and not printing:
                label = self.tr("{day} (today)").format(day=label)
            painter.setPen(QColor("black"))
            painter.drawText(header.adjusted(2, 0, -2, -DAY_HEADER / 2), Qt.AlignmentFlag.AlignCenter,
                             painter.fontMetrics().elidedText(label, Qt.TextElideMode.ElideRight, int(header.width()) - 4))
            if holiday:
                painter.setFont(small)
                painter.drawText(header.adjusted(2, DAY_HEADER / 2, -2, 0), Qt.AlignmentFlag.AlignCenter,
                                 painter.fontMetrics().elidedText(holiday, Qt.TextElideMode.ElideRight,
                                                                  int(header.width()) - 4))
            if len(self.rooms) > 1:
                painter.setFont(small)
                for r, (_room_id, name) in enumerate(self.rooms):
                    cell = QRectF(x + r * width, area.top() + DAY_HEADER, width, ROOM_HEADER)
                    painter.drawText(cell.adjusted(2, 0, -2, 0), Qt.AlignmentFlag.AlignCenter,
                                     painter.fontMetrics().elidedText(name, Qt.TextElideMode.ElideRight,
                                                                      int(cell.width()) - 4))
        # hour lines and labels
        painter.setFont(small)
        hours_font = QFont(small)  # the hour column is GUTTER wide: "10:00" must fit at 200 % font too
        while QFontMetricsF(hours_font).horizontalAdvance("00:00") > GUTTER - 6:
            if hours_font.pixelSize() > 0:
                if hours_font.pixelSize() <= 6:
                    break
                hours_font.setPixelSize(hours_font.pixelSize() - 1)
            else:
                if hours_font.pointSizeF() <= 5:
                    break
                hours_font.setPointSizeF(hours_font.pointSizeF() - 0.5)
        label_height = QFontMetricsF(hours_font).height()
        for h in range(FIRST_HOUR, LAST_HOUR + 1):
            y = top + (h - FIRST_HOUR) * hour
            painter.setPen(QPen(QColor("#b0b0b0"), 1))
            painter.drawLine(QPointF(area.left() + GUTTER, y), QPointF(area.right(), y))
            if h < LAST_HOUR:
                painter.setPen(QPen(QColor("#d8d8d8"), 1, Qt.PenStyle.DotLine))
                painter.drawLine(QPointF(area.left() + GUTTER, y + hour / 2), QPointF(area.right(), y + hour / 2))
            painter.setPen(QColor("black"))
            painter.setFont(hours_font)
            painter.drawText(QRectF(area.left(), y - label_height / 2, GUTTER - 4, label_height),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, f"{h:02d}:00")
            painter.setFont(small)
        # column separators: strong between days, light between rooms
        for column in range(len(self.days) * rooms + 1):
            x = area.left() + GUTTER + column * width
            strong = column % rooms == 0
            painter.setPen(QPen(QColor("#606060" if strong else "#c8c8c8"), 1))
            painter.drawLine(QPointF(x, area.top() if strong else top), QPointF(x, grid_bottom))
        # bookings
        painter.setFont(small)
        small_key = small.key()
        line_height = painter.fontMetrics().height()
        for block in self.blocks(area, line_height=line_height):
            self._paint_block(painter, block, printing=printing, font=small, font_key=small_key,
                              line_height=line_height)
        # the drag preview
        if self._drag is not None and self._drag.moved and not printing:
            drag = self._drag
            column = self.column_rect(drag.day_index, drag.room_index, area)
            day = self.days[drag.day_index]
            rect = QRectF(column.left() + 2, self._y(day, drag.start, area), column.width() - 4,
                          self._y(day, drag.end, area) - self._y(day, drag.start, area))
            painter.setPen(QPen(QColor("black"), 2, Qt.PenStyle.DashLine))
            painter.setBrush(QBrush(QColor(0, 0, 0, 30)))
            painter.drawRect(rect)
            painter.setFont(small)
            painter.drawText(rect.adjusted(3, 1, -3, -1), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
                             f"{fmt_time(drag.start)}–{fmt_time(drag.end)}")

    def _paint_block(self, painter: QPainter, block: Block, *, printing: bool, font: QFont, font_key: str,
                     line_height: float) -> None:
        row = block.row
        rect = block.rect
        selected = row.id == self.selected_id and not printing
        if row.cancelled:
            painter.fillRect(rect, WHITE)
            painter.setBrush(PRINT_HATCH if printing else HATCH)
            painter.setPen(CANCELLED_PEN)
        else:
            painter.setBrush(KIND_BRUSHES[row.kind])
            painter.setPen(SELECTED_PEN if selected else BORDER_PEN)
        painter.drawRect(rect)
        # the text is laid out once per row and width (QStaticText, plain text: markup is never
        # interpreted) and clipped to the block
        inner = rect.adjusted(3, 1, -3, -1)
        fitting = max(1, int(inner.height() // line_height) + 1)  # lines below the block are never laid out
        key = (row, round(inner.width()), fitting, font_key, block.outside)
        static = self._static.get(key)
        if static is None:
            if len(self._static) > 20_000:
                self._static.clear()
            metrics = QFontMetricsF(font)
            all_lines = self.stub_text(block).split("\n") if block.outside else self.block_text(
                row, title_first=True).split("\n")
            # a word wider than the block is elided ("Anerkennungs…"), never cut in the middle;
            # the tooltip always has the whole text
            lines = [" ".join(metrics.elidedText(word, Qt.TextElideMode.ElideRight, inner.width())
                              if metrics.horizontalAdvance(word) > inner.width() else word for word in line.split(" "))
                     for line in all_lines[:fitting]]
            static = QStaticText("\u2028".join(lines))  # U+2028: a line break QStaticText keeps
            static.setTextFormat(Qt.TextFormat.PlainText)
            static.setTextWidth(max(1.0, inner.width()))
            option = QTextOption()
            option.setWrapMode(QTextOption.WrapMode.WordWrap)  # "Teambesprec|hung" never: whole words
            static.setTextOption(option)
            static.prepare(painter.transform(), font)
            self._static[key] = static
        painter.setPen(BLACK)
        painter.setClipRect(inner)
        painter.drawStaticText(inner.topLeft(), static)
        painter.setClipping(False)

    def stub_text(self, block: Block) -> str:
        """A part outside the hours shown: an arrow to where it lies, its time, then the rest."""
        # a no-break space: a narrow column (the printed week) keeps the arrow with the time
        return ("▲\u00a0" if block.outside == "above" else "▼\u00a0") + self.block_text(block.row)

    def block_text(self, row: BookingOccurrenceRow, *, title_first: bool = False) -> str:
        """Everything a block says, as plain lines (also its tooltip when it is too narrow).
        `title_first`: the title before the time, so a short block shows what it is."""
        if title_first:
            lines = self.block_text(row).split("\n")
            time_index = next((i for i, line in enumerate(lines) if line == f"{_hhmm(row.starts_at)}–{_hhmm(row.ends_at)}"), None)
            if time_index is not None and time_index + 1 < len(lines):
                lines[time_index], lines[time_index + 1] = lines[time_index + 1], lines[time_index]
            return "\n".join(lines)
        cached = self._texts.get(row)
        if cached is not None:
            return cached
        if len(self._texts) > 20_000:
            self._texts.clear()
        lines = []
        if row.cancelled:
            lines.append(self.tr("Cancelled"))
        if row.holiday_name:  # stored in German: named by its day in the window's language
            holiday = occurrence_holiday(row.holiday_name, row.starts_at, current_language())
            lines.append(self.tr("Public holiday: {name}").format(name=holiday))
        lines.append(f"{_hhmm(row.starts_at)}–{_hhmm(row.ends_at)}")
        lines.append(row.title)
        if row.organiser:
            lines.append(row.organiser)
        text = "\n".join(line.replace("\n", " ") for line in lines)
        self._texts[row] = text
        return text

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            block = self.block_at(QPointF(event.pos()))
            if block is not None:
                # a plain-text tooltip: Qt treats tooltips as rich text only when they look like markup,
                # so the text is escaped into a <p> with white-space: pre-wrap
                QToolTip.showText(event.globalPos(), "<p style='white-space:pre-wrap'>"
                                  + html.escape(self.block_text(block.row)) + "</p>", self)
                return True
        return super().event(event)

    # -- mouse --------------------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() != Qt.MouseButton.LeftButton:
            return super().mousePressEvent(event)
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        point = event.position()
        block = self.block_at(point)
        if block is not None:
            self.select(block.row.id)
            if self.read_only or block.row.cancelled or block.outside:
                return  # a part outside the hours shown is opened (double click, Enter), not dragged
            if block.rect.bottom() - point.y() <= EDGE and not block.clipped_bottom:
                self._drag = Drag("resize", block.day_index, block.room_index, block.row.starts_at,
                                  block.row.starts_at, block.row.ends_at, row=block.row, origin=point)
            else:
                grabbed = self.time_at(block.day_index, point.y(), snap=False)
                self._drag = Drag("move", block.day_index, block.room_index, block.row.starts_at,
                                  block.row.starts_at, block.row.ends_at, grab_offset=grabbed - block.row.starts_at,
                                  row=block.row, origin=point)
            return
        hit = self.hit_column(point)
        if hit is None or self.read_only:
            return
        self.select(0)
        moment = self.time_at(hit[0], point.y())
        self._drag = Drag("create", hit[0], hit[1], moment, moment, moment, origin=point)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        point = event.position()
        drag = self._drag
        if drag is None:
            block = self.block_at(point)
            near_edge = block is not None and block.rect.bottom() - point.y() <= EDGE and not self.read_only
            self.setCursor(Qt.CursorShape.SizeVerCursor if near_edge else Qt.CursorShape.ArrowCursor)
            return
        if drag.origin is not None and (point - drag.origin).manhattanLength() < 4 and not drag.moved:
            return
        drag.moved = True
        if drag.mode == "create":
            moment = self.time_at(drag.day_index, point.y())
            drag.start, drag.end = min(drag.anchor, moment), max(drag.anchor, moment)
        elif drag.mode == "resize":
            moment = self.time_at(drag.day_index, point.y())
            drag.end = max(moment, drag.start + timedelta(minutes=SNAP_MINUTES))
        else:
            hit = self.hit_column(point)
            if hit is not None:
                drag.day_index, drag.room_index = hit
            assert drag.row is not None
            length = drag.row.ends_at - drag.row.starts_at
            raw = self.time_at(drag.day_index, point.y(), snap=False) - drag.grab_offset
            minutes = round((local(raw).hour * 60 + local(raw).minute) / SNAP_MINUTES) * SNAP_MINUTES
            naive = datetime.combine(self.days[drag.day_index], time(0)) + timedelta(minutes=minutes)
            drag.start = place(naive)
            drag.end = drag.start + length
        self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        drag, self._drag = self._drag, None
        if drag is None or not drag.moved:
            self.update()
            return
        self.update()
        room_id = self.rooms[drag.room_index][0]
        if drag.mode == "create":
            if drag.end > drag.start:
                self.sig_create_requested.emit(room_id, drag.start, drag.end)
        elif drag.row is not None and (drag.start, drag.end, room_id) != (drag.row.starts_at, drag.row.ends_at,
                                                                           drag.row.room_id):
            self.sig_move_requested.emit(drag.row.id, drag.start, drag.end, room_id)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        self._drag = None
        block = self.block_at(event.position())
        if block is not None:
            self.sig_open_requested.emit(block.row.id)
            return
        hit = self.hit_column(event.position())
        if hit is not None and not self.read_only:
            start = self.time_at(hit[0], event.position().y() - 5)
            self.sig_create_requested.emit(self.rooms[hit[1]][0], start, start + timedelta(hours=1))

    # -- keyboard ---------------------------------------------------------------------------------

    def select(self, occurrence_id: int) -> None:
        if occurrence_id != self.selected_id:
            self.selected_id = occurrence_id
            self.sig_selection_changed.emit(occurrence_id)
            self.update()

    def _ordered(self) -> list[BookingOccurrenceRow]:
        seen: dict[int, BookingOccurrenceRow] = {}
        for block in self.blocks():
            seen.setdefault(block.row.id, block.row)
        return sorted(seen.values(), key=lambda r: (r.starts_at, r.room_id, r.id))

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key = event.key()
        ordered = self._ordered()
        ids = [r.id for r in ordered]
        if key in (Qt.Key.Key_Down, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Left) and ids:
            step = 1 if key in (Qt.Key.Key_Down, Qt.Key.Key_Right) else -1
            current = ids.index(self.selected_id) if self.selected_id in ids else (-1 if step > 0 else len(ids))
            self.select(ids[max(0, min(len(ids) - 1, current + step))])
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.selected_id:
            self.sig_open_requested.emit(self.selected_id)
            return
        super().keyPressEvent(event)
