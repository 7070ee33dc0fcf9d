"""The occurrences of the visible range as a table: the one model behind the painted calendar
and the plain list view (keyboard and screen-reader users)."""

from __future__ import annotations

import enum
from collections.abc import Mapping

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from desk.domain.model import BookingOccurrenceRow
from desk.ui.i18n import fmt_date, fmt_time, local
from desk.ui.views.raumkalender.labels import kind_label, weekday_label
from desk.ui.widgets.text import plain_tooltip


class Column(enum.IntEnum):
    DATE = 0
    TIME = 1
    ROOM = 2
    TITLE = 3
    KIND = 4
    ORGANISER = 5
    STATUS = 6


OCCURRENCE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
BOOKING_ID_ROLE = Qt.ItemDataRole.UserRole + 2
ROW_ROLE = Qt.ItemDataRole.UserRole + 3
SORT_ROLE = Qt.ItemDataRole.UserRole + 4
_ROOT = QModelIndex()


def _sort_key(row: BookingOccurrenceRow) -> tuple:
    return (row.starts_at, row.room_id, row.id)


class OccurrenceModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[BookingOccurrenceRow] = []
        self._rooms: dict[int, str] = {}

    # -- content ------------------------------------------------------------------------------

    def rows(self) -> list[BookingOccurrenceRow]:
        return list(self._rows)

    def row_at(self, row: int) -> BookingOccurrenceRow:
        return self._rows[row]

    def row_of(self, occurrence_id: int) -> int:
        return next((i for i, r in enumerate(self._rows) if r.id == occurrence_id), -1)

    def set_rooms(self, rooms: Mapping[int, str]) -> None:
        self._rooms = dict(rooms)
        if self._rows:
            self.dataChanged.emit(self.index(0, Column.ROOM), self.index(len(self._rows) - 1, Column.ROOM))

    def set_rows(self, rows: list[BookingOccurrenceRow]) -> None:
        """Replace the content, updating in place (selection and scrolling stay)."""
        new = sorted(rows, key=_sort_key)
        wanted = {r.id: r for r in new}
        # 1. remove rows that are gone or moved in the order
        for i in range(len(self._rows) - 1, -1, -1):
            old = self._rows[i]
            fresh = wanted.get(old.id)
            if fresh is None or _sort_key(fresh) != _sort_key(old):
                self.beginRemoveRows(QModelIndex(), i, i)
                del self._rows[i]
                self.endRemoveRows()
        # 2. walk the new order: update equal ids in place, insert the others
        for i, row in enumerate(new):
            if i < len(self._rows) and self._rows[i].id == row.id:
                if self._rows[i] != row:
                    self._rows[i] = row
                    self.dataChanged.emit(self.index(i, 0), self.index(i, len(Column) - 1))
                continue
            self.beginInsertRows(QModelIndex(), i, i)
            self._rows.insert(i, row)
            self.endInsertRows()
        if len(self._rows) > len(new):  # cannot happen, but never leave stale rows behind
            self.beginRemoveRows(QModelIndex(), len(new), len(self._rows) - 1)
            del self._rows[len(new):]
            self.endRemoveRows()

    # -- Qt API ----------------------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(Column)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < len(Column):
            return None
        return (self.tr("Date"), self.tr("Time"), self.tr("Room"), self.tr("Title"), self.tr("Kind"),
                self.tr("Organiser"), self.tr("Status"))[section]

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if column == Column.DATE:
                day = local(row.starts_at).date()
                return f"{weekday_label(day.weekday())} {fmt_date(day)}"
            if column == Column.TIME:
                return f"{fmt_time(row.starts_at)}–{fmt_time(row.ends_at)}"
            if column == Column.ROOM:
                return self._rooms.get(row.room_id, str(row.room_id))
            if column == Column.TITLE:
                return row.title
            if column == Column.KIND:
                return kind_label(row.kind)
            if column == Column.ORGANISER:
                return row.organiser
            if column == Column.STATUS:
                return self.status_text(row)
            return None
        if role == Qt.ItemDataRole.ToolTipRole and column == Column.TITLE:
            return plain_tooltip(row.title)
        if role == OCCURRENCE_ID_ROLE:
            return row.id
        if role == BOOKING_ID_ROLE:
            return row.booking_id
        if role == ROW_ROLE:
            return row
        if role == SORT_ROLE:
            return row.starts_at.timestamp()
        return None

    def status_text(self, row: BookingOccurrenceRow) -> str:
        parts = []
        if row.cancelled:
            parts.append(self.tr("Cancelled"))
        if row.holiday_name:
            parts.append(self.tr("Public holiday: {name}").format(name=row.holiday_name))
        if row.recurring:
            parts.append(self.tr("Series"))
        return ", ".join(parts)
