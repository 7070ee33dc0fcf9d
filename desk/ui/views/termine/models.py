"""Table models of the Termine view: one QAbstractTableModel per list, over immutable rows.

`data()` never touches the database; `set_rows` updates in place when the same rows come back
(a live update from another workstation), so selection and scroll position stay.
Every text is returned as a plain string (client names are never rendered as rich text).
"""

from __future__ import annotations

import enum
import json
from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from desk.domain.appointments import AbsenceRow, InterpreterRow, ReminderRow
from desk.domain.model import AppointmentRow, AppointmentStatus, AuditRow
from desk.ui.i18n import fmt_date, fmt_datetime, fmt_time, local
from desk.ui.widgets.text import plain_tooltip

ID_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2
SORT_ROLE = Qt.ItemDataRole.UserRole + 3

T = TypeVar("T")
_Index = QModelIndex | QPersistentModelIndex


def tr(text: str) -> str:
    return QCoreApplication.translate("TermineModels", text)


STATUS_TEXT = {
    AppointmentStatus.BOOKED: QT_TRANSLATE_NOOP("TermineModels", "Booked"),
    AppointmentStatus.ARRIVED: QT_TRANSLATE_NOOP("TermineModels", "Arrived"),
    AppointmentStatus.DONE: QT_TRANSLATE_NOOP("TermineModels", "Done"),
    AppointmentStatus.NO_SHOW: QT_TRANSLATE_NOOP("TermineModels", "No-show"),
    AppointmentStatus.CANCELLED: QT_TRANSLATE_NOOP("TermineModels", "Cancelled"),
}


def status_text(status: AppointmentStatus) -> str:
    return tr(STATUS_TEXT[status])


class RowsModel(QAbstractTableModel, Generic[T]):
    """Base: a list of frozen rows with an `id`; subclasses define the headers and cells."""

    headers: Sequence[str] = ()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[T] = []

    # -- rows -------------------------------------------------------------------------------

    def row_id(self, row: T) -> Any:
        return row.id  # type: ignore[attr-defined]

    def rows(self) -> list[T]:
        return list(self._rows)

    def row_at(self, index: int) -> T | None:
        return self._rows[index] if 0 <= index < len(self._rows) else None

    def index_of(self, row_id: Any) -> int:
        return next((i for i, r in enumerate(self._rows) if self.row_id(r) == row_id), -1)

    def set_rows(self, rows: Sequence[T]) -> None:
        rows = list(rows)
        if [self.row_id(r) for r in rows] == [self.row_id(r) for r in self._rows]:
            for i, (old, new) in enumerate(zip(self._rows, rows, strict=True)):
                if old != new:
                    self._rows[i] = new
                    self.dataChanged.emit(self.index(i, 0), self.index(i, self.columnCount() - 1))
            return
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def refresh_headers(self) -> None:
        if self.columnCount():
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)
            if self._rows:
                self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, self.columnCount() - 1))

    # -- Qt ---------------------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(self.headers):
            return tr(self.headers[section])
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == ID_ROLE:
            return self.row_id(row)
        if role == ROW_ROLE:
            return row
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.cell(row, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:  # the whole text when the cell is elided (large fonts)
            return plain_tooltip(self.cell(row, index.column()))  # a name like "<b>x</b>" stays literal
        if role == SORT_ROLE:
            return self.sort_key(row, index.column())
        return None

    def cell(self, row: T, column: int) -> str:
        raise NotImplementedError

    def sort_key(self, row: T, column: int) -> Any:
        return self.cell(row, column)


class AgendaColumn(enum.IntEnum):
    DATE = 0
    TIME = 1
    CLIENT = 2
    SERVICE = 3
    ROOM = 4
    INTERPRETER = 5
    STATUS = 6
    REMINDED = 7


class AgendaModel(RowsModel[AppointmentRow]):
    """A counsellor's day or week: one line per appointment (status written out, never colour only)."""

    headers = (QT_TRANSLATE_NOOP("TermineModels", "Date"), QT_TRANSLATE_NOOP("TermineModels", "Time"), QT_TRANSLATE_NOOP("TermineModels", "Client"), QT_TRANSLATE_NOOP("TermineModels", "Service"), QT_TRANSLATE_NOOP("TermineModels", "Room"), QT_TRANSLATE_NOOP("TermineModels", "Interpreter"), QT_TRANSLATE_NOOP("TermineModels", "Status"), QT_TRANSLATE_NOOP("TermineModels", "Reminded"))

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.services: dict[int, str] = {}
        self.rooms: dict[int, str] = {}
        self.interpreters: dict[int, str] = {}
        self.language_name: Callable[[str], str] = lambda code: code

    def cell(self, row: AppointmentRow, column: int) -> str:
        c = AgendaColumn(column)
        if c is AgendaColumn.DATE:
            return fmt_date(local(row.starts_at).date())
        if c is AgendaColumn.TIME:
            return f"{fmt_time(row.starts_at)}–{fmt_time(row.ends_at)}"
        if c is AgendaColumn.CLIENT:
            return row.client_name or QCoreApplication.translate("TermineModels", "(no client)")
        if c is AgendaColumn.SERVICE:
            return self.services.get(row.service_id, "")
        if c is AgendaColumn.ROOM:
            return self.rooms.get(row.room_id, "") if row.room_id else ""
        if c is AgendaColumn.INTERPRETER:
            parts = [self.language_name(row.interpreter_language),
                     self.interpreters.get(row.interpreter_id, "") if row.interpreter_id else ""]
            return " – ".join(p for p in parts if p)
        if c is AgendaColumn.STATUS:
            text = status_text(row.status)
            if row.status is AppointmentStatus.CANCELLED and row.cancel_reason:
                text = f"{text}: {row.cancel_reason}"
            if row.series_id:
                series = QCoreApplication.translate("TermineModels", "series")
                text = f"{text} ({series})"
            return text
        if c is AgendaColumn.REMINDED:
            return QCoreApplication.translate("TermineModels", "yes") if row.reminded_at else ""
        return ""


class ReminderColumn(enum.IntEnum):
    REMINDED = 0
    TIME = 1
    CLIENT = 2
    PHONE = 3
    LANGUAGE = 4
    INTERPRETER = 5
    COUNSELLOR = 6
    ROOM = 7


class ReminderModel(RowsModel[ReminderRow]):
    """Tomorrow's reminder calls; column 0 is a check box ("client was reminded")."""

    headers = (QT_TRANSLATE_NOOP("TermineModels", "Reminded"), QT_TRANSLATE_NOOP("TermineModels", "Time"), QT_TRANSLATE_NOOP("TermineModels", "Client"), QT_TRANSLATE_NOOP("TermineModels", "Phone"), QT_TRANSLATE_NOOP("TermineModels", "Language"), QT_TRANSLATE_NOOP("TermineModels", "Interpreter"), QT_TRANSLATE_NOOP("TermineModels", "Counsellor"), QT_TRANSLATE_NOOP("TermineModels", "Room"))

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.language_name: Callable[[str], str] = lambda code: code
        self.on_tick: Callable[[ReminderRow, bool], None] | None = None

    def row_id(self, row: ReminderRow) -> int:
        return row.appointment.id

    def cell(self, row: ReminderRow, column: int) -> str:
        a = row.appointment
        c = ReminderColumn(column)
        if c is ReminderColumn.REMINDED:
            return QCoreApplication.translate("TermineModels", "yes") if a.reminded_at else QCoreApplication.translate("TermineModels", "no")
        if c is ReminderColumn.TIME:
            return f"{fmt_time(a.starts_at)}–{fmt_time(a.ends_at)}"
        if c is ReminderColumn.CLIENT:
            return a.client_name
        if c is ReminderColumn.PHONE:
            return row.phone
        if c is ReminderColumn.LANGUAGE:
            return self.language_name(row.client_language)
        if c is ReminderColumn.INTERPRETER:
            parts = [self.language_name(a.interpreter_language), row.interpreter_name]
            return " – ".join(p for p in parts if p)
        if c is ReminderColumn.COUNSELLOR:
            return row.staff_name
        return row.room_name

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.CheckStateRole and index.isValid() and index.column() == ReminderColumn.REMINDED:
            row = self._rows[index.row()]
            return Qt.CheckState.Checked if row.appointment.reminded_at else Qt.CheckState.Unchecked
        return super().data(index, role)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == ReminderColumn.REMINDED:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid() \
                or index.column() != ReminderColumn.REMINDED or self.on_tick is None:
            return False
        checked = Qt.CheckState(value) == Qt.CheckState.Checked if not isinstance(value, bool) else value
        self.on_tick(self._rows[index.row()], checked)  # the view saves; the reload shows the result
        return True


class InterpreterModel(RowsModel[InterpreterRow]):
    headers = (QT_TRANSLATE_NOOP("TermineModels", "Name"), QT_TRANSLATE_NOOP("TermineModels", "Languages"), QT_TRANSLATE_NOOP("TermineModels", "Phone"), QT_TRANSLATE_NOOP("TermineModels", "Active"))

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.language_name: Callable[[str], str] = lambda code: code

    def cell(self, row: InterpreterRow, column: int) -> str:
        if column == 0:
            return row.name
        if column == 1:
            return ", ".join(self.language_name(code) for code in row.languages)
        if column == 2:
            return row.phone
        return QCoreApplication.translate("TermineModels", "yes") if row.active else QCoreApplication.translate("TermineModels", "no")


class AbsenceModel(RowsModel[AbsenceRow]):
    headers = (QT_TRANSLATE_NOOP("TermineModels", "From"), QT_TRANSLATE_NOOP("TermineModels", "To"), QT_TRANSLATE_NOOP("TermineModels", "Reason"))

    def cell(self, row: AbsenceRow, column: int) -> str:
        if column == 0:
            return fmt_date(row.starts_on)
        if column == 1:
            return fmt_date(row.ends_on)
        return row.reason


ACTION_TEXT = {
    "appointment.book": QT_TRANSLATE_NOOP("TermineModels", "booked"),
    "appointment.reschedule": QT_TRANSLATE_NOOP("TermineModels", "moved"),
    "appointment.edit": QT_TRANSLATE_NOOP("TermineModels", "changed"),
    "appointment.cancel": QT_TRANSLATE_NOOP("TermineModels", "cancelled"),
    "appointment.no_show": QT_TRANSLATE_NOOP("TermineModels", "marked as no-show"),
    "appointment.done": QT_TRANSLATE_NOOP("TermineModels", "marked as done"),
    "appointment.reminded": QT_TRANSLATE_NOOP("TermineModels", "client reminded"),
    "appointment.unreminded": QT_TRANSLATE_NOOP("TermineModels", "reminder tick removed"),
}


class HistoryModel(RowsModel[AuditRow]):
    """Who changed the appointment when (the audit events of entity type "appointment")."""

    headers = (QT_TRANSLATE_NOOP("TermineModels", "When"), QT_TRANSLATE_NOOP("TermineModels", "Who"), QT_TRANSLATE_NOOP("TermineModels", "What"), QT_TRANSLATE_NOOP("TermineModels", "Details"))

    def cell(self, row: AuditRow, column: int) -> str:
        if column == 0:
            return fmt_datetime(row.at)
        if column == 1:
            return row.actor_name
        if column == 2:
            return tr(ACTION_TEXT.get(row.action, row.action))
        return readable_details(row.details)


def readable_details(details: str) -> str:
    """The audit details as `fields: note, time; time: 26.11.2026 10:00–10:45 → 26.11.2026 11:00–11:45`
    (ids of rooms and people are left out: the dialog shows the current ones)."""
    try:
        data = json.loads(details or "{}")
    except ValueError:
        return details
    if not isinstance(data, dict):
        return str(data)
    parts = []
    for key, value in data.items():
        if key.endswith("_id"):
            continue
        if key == "fields" and isinstance(value, list):  # which fields changed (their text is not kept)
            parts.append(f"{key}: {', '.join(map(str, value))}")
            continue
        if isinstance(value, list) and len(value) == 2:
            value = f"{value[0]} → {value[1]}"
        parts.append(f"{key}: {value}")
    return "; ".join(parts)
