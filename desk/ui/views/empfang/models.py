"""Item models of the reception view: search results and today's appointments.

Each is a QAbstractTableModel over an in-memory list of immutable rows; `data()` never touches
the database; plain strings only (client text is never rich text)."""

from __future__ import annotations

from datetime import datetime, timedelta
from enum import IntEnum

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from desk.domain.model import AppointmentRow, AppointmentStatus, ClientSearchHit, ServiceRow
from desk.ui.colours import muted_text
from desk.ui.i18n import current_language, fmt_date, fmt_time, translate
from desk.ui.widgets.languages import language_name

ID_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2

#: An appointment counts as "due now" from this long before its start until its end.
DUE_BEFORE = timedelta(minutes=15)

_Index = QModelIndex | QPersistentModelIndex


class ResultColumn(IntEnum):
    NAME = 0
    NUMBER = 1
    BIRTH = 2
    LANGUAGE = 3
    TODAY = 4


class AppointmentColumn(IntEnum):
    TIME = 0
    NAME = 1
    STATUS = 2
    SERVICE = 3


class SearchResultsModel(QAbstractTableModel):
    """The clients found for the current query, best first."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[ClientSearchHit] = []
        self._appointment_of: dict[int, AppointmentRow] = {}

    def rows(self) -> list[ClientSearchHit]:
        return list(self._rows)

    def set_rows(self, rows: list[ClientSearchHit]) -> None:
        """Replace the results (a new query); keeps nothing of the old ones."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def set_appointments(self, by_client: dict[int, AppointmentRow]) -> None:
        """Today's open appointment per client, shown in the TODAY column."""
        self._appointment_of = dict(by_client)
        if self._rows:
            self.dataChanged.emit(self.index(0, ResultColumn.TODAY), self.index(len(self._rows) - 1, ResultColumn.TODAY))

    def hit(self, row: int) -> ClientSearchHit | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(ResultColumn)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        hit = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.ToolTipRole and column == ResultColumn.NAME:
            return None  # Qt renders tooltips that look like HTML as rich text: never with client text
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == ResultColumn.NAME:
                return hit.display_name
            if column == ResultColumn.NUMBER:
                return hit.client_number
            if column == ResultColumn.BIRTH:
                return fmt_date(hit.date_of_birth)
            if column == ResultColumn.LANGUAGE:
                name = language_name(hit.language)
                if hit.interpreter_needed and name:
                    return translate("SearchResultsModel", "{language}, interpreter").format(language=name)
                return name
            if column == ResultColumn.TODAY:
                appointment = self._appointment_of.get(hit.id)
                if appointment is None:
                    return ""
                return translate("SearchResultsModel", "Appointment {time}").format(time=fmt_time(appointment.starts_at))
        if role == Qt.ItemDataRole.AccessibleTextRole and column == ResultColumn.NAME:
            return hit.display_name
        if role == ID_ROLE:
            return hit.id
        if role == ROW_ROLE:
            return hit
        if role == Qt.ItemDataRole.FontRole and column == ResultColumn.TODAY and hit.id in self._appointment_of:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = {
            ResultColumn.NAME: translate("SearchResultsModel", "Name"),
            ResultColumn.NUMBER: translate("SearchResultsModel", "Client no."),
            ResultColumn.BIRTH: translate("SearchResultsModel", "Date of birth"),
            ResultColumn.LANGUAGE: translate("SearchResultsModel", "Language"),
            ResultColumn.TODAY: translate("SearchResultsModel", "Today"),
        }
        return titles.get(ResultColumn(section)) if 0 <= section < len(ResultColumn) else None


class AppointmentsModel(QAbstractTableModel):
    """Today's appointments; rows updated in place so selection and scroll stay."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[AppointmentRow] = []
        self._services: dict[int, ServiceRow] = {}
        self._now: datetime | None = None

    def set_services(self, services: list[ServiceRow]) -> None:
        self._services = {s.id: s for s in services}

    def set_now(self, now: datetime) -> None:
        """Re-evaluate "due now" (called every minute)."""
        self._now = now
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(AppointmentColumn) - 1))

    def rows(self) -> list[AppointmentRow]:
        return list(self._rows)

    def appointment(self, row: int) -> AppointmentRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def set_rows(self, rows: list[AppointmentRow]) -> None:
        """Merge a fresh list: changed rows in place, removed rows removed, new rows inserted."""
        new_ids = [r.id for r in rows]
        by_id = {r.id: r for r in rows}
        # remove rows that disappeared (from the bottom so indexes stay valid)
        for position in range(len(self._rows) - 1, -1, -1):
            if self._rows[position].id not in by_id:
                self.beginRemoveRows(QModelIndex(), position, position)
                del self._rows[position]
                self.endRemoveRows()
        # update in place and insert new ones at their sorted position
        for position, row_id in enumerate(new_ids):
            current_ids = [r.id for r in self._rows]
            if position < len(self._rows) and self._rows[position].id == row_id:
                if self._rows[position] != by_id[row_id]:
                    self._rows[position] = by_id[row_id]
                    self.dataChanged.emit(self.index(position, 0), self.index(position, len(AppointmentColumn) - 1))
                continue
            if row_id in current_ids:  # moved (its time changed): take it out and put it back
                old = current_ids.index(row_id)
                self.beginRemoveRows(QModelIndex(), old, old)
                del self._rows[old]
                self.endRemoveRows()
            self.beginInsertRows(QModelIndex(), position, position)
            self._rows.insert(position, by_id[row_id])
            self.endInsertRows()

    def is_due(self, appointment: AppointmentRow) -> bool:
        if self._now is None or appointment.status is not AppointmentStatus.BOOKED:
            return False
        return appointment.starts_at - DUE_BEFORE <= self._now < appointment.ends_at

    def is_overdue(self, appointment: AppointmentRow) -> bool:
        return (self._now is not None and appointment.status is AppointmentStatus.BOOKED
                and self._now >= appointment.ends_at)

    def status_text(self, appointment: AppointmentRow) -> str:
        status = appointment.status
        if status is AppointmentStatus.ARRIVED:
            return translate("AppointmentsModel", "✓ arrived")
        if status is AppointmentStatus.DONE:
            return translate("AppointmentsModel", "✓ done")
        if status is AppointmentStatus.NO_SHOW:
            return translate("AppointmentsModel", "no-show")
        if self.is_due(appointment):
            return translate("AppointmentsModel", "▶ due now")
        if self.is_overdue(appointment):
            return translate("AppointmentsModel", "not arrived")
        return translate("AppointmentsModel", "expected")

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(AppointmentColumn)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        appointment = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.ToolTipRole and column == AppointmentColumn.NAME:
            return None  # Qt renders tooltips that look like HTML as rich text: never with client text
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == AppointmentColumn.TIME:
                return f"{fmt_time(appointment.starts_at)}–{fmt_time(appointment.ends_at)}"
            if column == AppointmentColumn.NAME:
                return appointment.client_name or translate("AppointmentsModel", "(no client)")
            if column == AppointmentColumn.SERVICE:
                service = self._services.get(appointment.service_id)
                return service.name(current_language()) if service else ""
            if column == AppointmentColumn.STATUS:
                return self.status_text(appointment)
        if role == ID_ROLE:
            return appointment.id
        if role == ROW_ROLE:
            return appointment
        if role == Qt.ItemDataRole.BackgroundRole and self.is_due(appointment):
            return QBrush(QColor("#fff3c4"))
        if role == Qt.ItemDataRole.ForegroundRole:
            if appointment.status is not AppointmentStatus.BOOKED:
                return QBrush(muted_text())  # from the palette: readable in the dark scheme
            if self.is_due(appointment):
                return QBrush(QColor("#000000"))
        if role == Qt.ItemDataRole.FontRole and self.is_due(appointment):
            font = QFont()
            font.setBold(True)
            return font
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = {
            AppointmentColumn.TIME: translate("AppointmentsModel", "Time"),
            AppointmentColumn.NAME: translate("AppointmentsModel", "Name"),
            AppointmentColumn.SERVICE: translate("AppointmentsModel", "Service"),
            AppointmentColumn.STATUS: translate("AppointmentsModel", "Status"),
        }
        return titles.get(AppointmentColumn(section)) if 0 <= section < len(AppointmentColumn) else None
