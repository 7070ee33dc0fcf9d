"""The waiting-list table model: an in-memory list of VisitRows, updated in place.

`apply(rows)` diffs by visit id: rows that stay get `dataChanged` (only when they changed),
rows that move get `beginMoveRows`, new ones `beginInsertRows`, gone ones `beginRemoveRows`.
So a live update never resets the model, and selection and scroll position stay.
`data()` never touches the database.
"""

from __future__ import annotations

import enum
from datetime import UTC, datetime

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from desk.domain.model import Priority, ServiceRow, StaffRow, VisitRow, VisitStatus
from desk.domain.waitlist import wait_level, waiting_minutes
from desk.ui.i18n import current_language, fmt_time
from desk.ui.widgets.languages import language_name
from desk.ui.widgets.text import plain_tooltip

VISIT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2
WAIT_LEVEL_ROLE = Qt.ItemDataRole.UserRole + 3


class Column(enum.IntEnum):
    TICKET = 0
    NAME = 1
    SERVICE = 2
    APPOINTMENT = 3
    WAITING = 4
    INTERPRETER = 5
    PRIORITY = 6
    STATUS = 7
    CALLED = 8


HEADERS = {
    Column.TICKET: QT_TRANSLATE_NOOP("WaitingListModel", "Ticket"),
    Column.NAME: QT_TRANSLATE_NOOP("WaitingListModel", "Name"),
    Column.SERVICE: QT_TRANSLATE_NOOP("WaitingListModel", "Service"),
    Column.APPOINTMENT: QT_TRANSLATE_NOOP("WaitingListModel", "Appointment"),
    Column.WAITING: QT_TRANSLATE_NOOP("WaitingListModel", "Waiting"),
    Column.INTERPRETER: QT_TRANSLATE_NOOP("WaitingListModel", "Interpreting"),
    Column.PRIORITY: QT_TRANSLATE_NOOP("WaitingListModel", "Priority"),
    Column.STATUS: QT_TRANSLATE_NOOP("WaitingListModel", "Status"),
    Column.CALLED: QT_TRANSLATE_NOOP("WaitingListModel", "Reserved for / called by"),
}

STATUS_TEXT = {
    VisitStatus.WAITING: QT_TRANSLATE_NOOP("WaitingListModel", "waiting"),
    VisitStatus.CALLED: QT_TRANSLATE_NOOP("WaitingListModel", "called"),
    VisitStatus.IN_SESSION: QT_TRANSLATE_NOOP("WaitingListModel", "in session"),
    VisitStatus.DONE: QT_TRANSLATE_NOOP("WaitingListModel", "done"),
    VisitStatus.NO_SHOW: QT_TRANSLATE_NOOP("WaitingListModel", "no-show"),
    VisitStatus.LEFT: QT_TRANSLATE_NOOP("WaitingListModel", "left"),
    VisitStatus.HANDED_OVER: QT_TRANSLATE_NOOP("WaitingListModel", "handed over"),
    VisitStatus.REFERRED: QT_TRANSLATE_NOOP("WaitingListModel", "referred"),
}

# long waits: colour AND text (the text says it for those who cannot see the colour)
LEVEL_COLOURS = {1: QColor("#fff1c2"), 2: QColor("#ffd0cc")}


class WaitingListModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[VisitRow] = []
        self._index: dict[int, int] = {}
        self._services: dict[int, ServiceRow] = {}
        self._staff: dict[int, str] = {}
        self._now = datetime.now(UTC)
        self.warning_minutes = 20
        self.alarm_minutes = 45

    # -- feeding -----------------------------------------------------------------------------

    def set_services(self, services: list[ServiceRow]) -> None:
        self._services = {s.id: s for s in services}
        self._column_changed(Column.SERVICE)

    def set_staff(self, staff: list[StaffRow]) -> None:
        self._staff = {s.id: s.display_name for s in staff}
        self._column_changed(Column.CALLED)

    def staff_name(self, staff_id: int | None) -> str:
        return self._staff.get(staff_id, "?") if staff_id is not None else ""

    def set_thresholds(self, warning: int, alarm: int) -> None:
        self.warning_minutes, self.alarm_minutes = int(warning), int(alarm)
        self._column_changed(Column.WAITING)

    def tick(self, now: datetime | None = None) -> None:
        """Advance the clock: only the waiting-time column changes."""
        self._now = now or datetime.now(UTC)
        self._column_changed(Column.WAITING)

    def retranslate(self) -> None:
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(Column) - 1))
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(Column) - 1)

    def apply(self, rows: list[VisitRow], now: datetime | None = None) -> tuple[list[VisitRow], list[int]]:
        """Make the model show `rows` (in this order) with the fewest changes.

        Returns (rows that are new, ids that disappeared)."""
        if now is not None:
            self._now = now
        wanted = {r.id for r in rows}
        gone = [r.id for r in self._rows if r.id not in wanted]
        # 1. remove vanished rows, bottom up, in contiguous blocks
        position = len(self._rows) - 1
        while position >= 0:
            if self._rows[position].id in wanted:
                position -= 1
                continue
            last = position
            while position - 1 >= 0 and self._rows[position - 1].id not in wanted:
                position -= 1
            self.beginRemoveRows(QModelIndex(), position, last)
            del self._rows[position:last + 1]
            self.endRemoveRows()
            position -= 1
        # 2. rows whose relative order changed (not on a longest increasing subsequence) are
        #    moved to the end first; then one pass places them and inserts new ones. Rows that
        #    keep their relative order never move (few signals, stable selection).
        position_of = {r.id: i for i, r in enumerate(self._rows)}
        kept = [position_of[r.id] for r in rows if r.id in position_of]
        stable = {self._rows[i].id for i in _longest_increasing(kept)}
        for position in range(len(self._rows) - 1, -1, -1):
            if self._rows[position].id not in stable:
                end_row = len(self._rows)
                if position != end_row - 1:
                    self.beginMoveRows(QModelIndex(), position, position, QModelIndex(), end_row)
                    self._rows.append(self._rows.pop(position))
                    self.endMoveRows()
        added: list[VisitRow] = []
        for target, row in enumerate(rows):
            if target < len(self._rows) and self._rows[target].id == row.id:
                pass
            elif row.id in position_of:
                source = next(i for i in range(target, len(self._rows)) if self._rows[i].id == row.id)
                self.beginMoveRows(QModelIndex(), source, source, QModelIndex(), target)
                self._rows.insert(target, self._rows.pop(source))
                self.endMoveRows()
            else:
                self.beginInsertRows(QModelIndex(), target, target)
                self._rows.insert(target, row)
                self.endInsertRows()
                added.append(row)
                continue
            if self._rows[target] != row:
                self._rows[target] = row
                self.dataChanged.emit(self.index(target, 0), self.index(target, len(Column) - 1))
        self._index = {r.id: i for i, r in enumerate(self._rows)}
        self._column_changed(Column.WAITING)
        return added, gone

    # -- reading -----------------------------------------------------------------------------

    def rows(self) -> list[VisitRow]:
        return list(self._rows)

    def waiting_per_service(self) -> list[tuple[ServiceRow | None, int]]:
        """How many people wait, per service (list order of the services)."""
        counts: dict[int, int] = {}
        for row in self._rows:
            if row.status is VisitStatus.WAITING:
                counts[row.service_id] = counts.get(row.service_id, 0) + 1
        order = list(self._services)
        ordered = sorted(counts, key=lambda sid: order.index(sid) if sid in order else len(order))
        return [(self._services.get(sid), counts[sid]) for sid in ordered]

    def row_of(self, visit_id: int) -> int | None:
        return self._index.get(visit_id)

    def visit(self, row: int) -> VisitRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(Column)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(Column):
            return self.tr(HEADERS[Column(section)])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole and column == Column.SERVICE:
            # the short code keeps the table narrow; tooltip and screen reader get the full name
            service = self._services.get(row.service_id)
            return service.code if service else str(row.service_id)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == Column.PRIORITY and row.priority is Priority.URGENT:
                return row.priority_reason
            if column == Column.WAITING:
                return self.tr("Arrived at {time}").format(time=fmt_time(row.arrived_at))
            if column in (Column.SERVICE, Column.NAME, Column.CALLED):
                return plain_tooltip(self._text(row, column))
            return None
        if role == Qt.ItemDataRole.BackgroundRole and column in (Column.WAITING, Column.TICKET):
            level = self._level(row)
            return QBrush(LEVEL_COLOURS[level]) if level else None
        if role == Qt.ItemDataRole.ForegroundRole and column in (Column.WAITING, Column.TICKET) and self._level(row):
            return QBrush(QColor("#000000"))
        if role == VISIT_ID_ROLE:
            return row.id
        if role == ROW_ROLE:
            return row
        if role == WAIT_LEVEL_ROLE:
            return self._level(row)
        return None

    # -- helpers -----------------------------------------------------------------------------

    def _level(self, row: VisitRow) -> int:
        if row.status is not VisitStatus.WAITING:
            return 0
        return wait_level(waiting_minutes(row, self._now), self.warning_minutes, self.alarm_minutes)

    def _text(self, row: VisitRow, column: Column) -> str:
        if column == Column.TICKET:
            return row.ticket
        if column == Column.NAME:
            name = row.client_name or self.tr("(anonymous)")
            if row.party_size == 2:
                return self.tr("{name} with 1 companion").format(name=name)
            if row.party_size > 2:
                return self.tr("{name} with {count} companions").format(name=name, count=row.party_size - 1)
            return name
        if column == Column.SERVICE:
            service = self._services.get(row.service_id)
            return service.name(current_language()) if service else str(row.service_id)
        if column == Column.APPOINTMENT:
            return fmt_time(row.appointment_starts_at)
        if column == Column.WAITING:
            minutes = waiting_minutes(row, self._now)
            text = self.tr("{minutes} min").format(minutes=minutes)
            level = self._level(row)
            if level == 1:
                text += " – " + self.tr("long wait")
            elif level == 2:
                text += " – " + self.tr("very long wait")
            return text
        if column == Column.INTERPRETER:
            return language_name(row.interpreter_language)  # "Arabisch", not "AR"
        if column == Column.PRIORITY:
            return self.tr("urgent") if row.priority is Priority.URGENT else ""
        if column == Column.STATUS:
            text = self.tr(STATUS_TEXT[row.status])
            if row.call_count > 1 and row.status is VisitStatus.CALLED:
                text += " " + self.tr("({count}×)").format(count=row.call_count)
            return text
        if column == Column.CALLED:
            if row.status is VisitStatus.WAITING and row.assigned_staff_id is not None:
                return self.tr("for {name}").format(name=self.staff_name(row.assigned_staff_id))
            if row.status not in (VisitStatus.CALLED, VisitStatus.IN_SESSION) or not (row.called_by_name or row.room_label):
                return ""
            return f"{row.called_by_name} → {row.room_label}".strip(" →")
        return ""

    def _column_changed(self, column: Column) -> None:
        if self._rows:
            self.dataChanged.emit(self.index(0, column), self.index(len(self._rows) - 1, column))


def _longest_increasing(values: list[int]) -> list[int]:
    """A longest strictly increasing subsequence of `values` (patience sorting, O(n log n))."""
    import bisect

    tails: list[int] = []
    tail_index: list[int] = []
    previous: list[int] = [-1] * len(values)
    for i, value in enumerate(values):
        k = bisect.bisect_left(tails, value)
        if k == len(tails):
            tails.append(value)
            tail_index.append(i)
        else:
            tails[k] = value
            tail_index[k] = i
        previous[i] = tail_index[k - 1] if k > 0 else -1
    result = []
    i = tail_index[-1] if tail_index else -1
    while i >= 0:
        result.append(values[i])
        i = previous[i]
    return result[::-1]
