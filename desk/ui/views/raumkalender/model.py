"""The occurrences of the visible range as a table: the one model behind the painted calendar
and the plain list view (keyboard and screen-reader users). A FrozenRowsModel
(desk/ui/models.py) that keeps its rows in time order."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP

from desk.domain.model import BookingOccurrenceRow
from desk.domain.public_holidays import occurrence_holiday
from desk.ui.i18n import current_language, fmt_date, fmt_time, local
from desk.ui.models import ID_ROLE, OWN_ROLE, ROW_ROLE, SORT_ROLE, FrozenRowsModel, TableColumn, column_enum
from desk.ui.views.raumkalender.labels import kind_label, weekday_label

__all__ = ["BOOKING_ID_ROLE", "OCCURRENCE_ID_ROLE", "ROW_ROLE", "SORT_ROLE", "Column", "OccurrenceModel"]

OCCURRENCE_ID_ROLE = ID_ROLE
BOOKING_ID_ROLE = OWN_ROLE


def _sort_key(row: BookingOccurrenceRow) -> tuple:
    return (row.starts_at, row.room_id, row.id)


def _day(row: BookingOccurrenceRow) -> str:
    day = local(row.starts_at).date()
    return f"{weekday_label(day.weekday())} {fmt_date(day)}"


class OccurrenceModel(FrozenRowsModel[BookingOccurrenceRow]):
    context = "OccurrenceModel"
    columns = (
        TableColumn("date", QT_TRANSLATE_NOOP("OccurrenceModel", "Date"), lambda m, r: _day(r),
                    sort=lambda m, r: r.starts_at.timestamp()),
        TableColumn("time", QT_TRANSLATE_NOOP("OccurrenceModel", "Time"),
                    lambda m, r: f"{fmt_time(r.starts_at)}–{fmt_time(r.ends_at)}",
                    sort=lambda m, r: r.starts_at.timestamp()),
        TableColumn("room", QT_TRANSLATE_NOOP("OccurrenceModel", "Room"),
                    lambda m, r: m.rooms.get(r.room_id, str(r.room_id))),
        TableColumn("title", QT_TRANSLATE_NOOP("OccurrenceModel", "Title"), lambda m, r: r.title, stretch=True),
        TableColumn("kind", QT_TRANSLATE_NOOP("OccurrenceModel", "Kind"), lambda m, r: kind_label(r.kind)),
        TableColumn("organiser", QT_TRANSLATE_NOOP("OccurrenceModel", "Organiser"), lambda m, r: r.organiser),
        TableColumn("status", QT_TRANSLATE_NOOP("OccurrenceModel", "Status"), lambda m, r: m.status_text(r)),
    )

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rooms: dict[int, str] = {}

    def set_rooms(self, rooms: Mapping[int, str]) -> None:
        self.rooms = dict(rooms)
        self.columns_changed("room")

    def set_rows(self, rows: Sequence[BookingOccurrenceRow]) -> tuple[list[BookingOccurrenceRow], list[Any]]:
        """Show `rows` in time order, updating in place (selection and scrolling stay)."""
        return super().set_rows(sorted(rows, key=_sort_key))

    def own_data(self, row: BookingOccurrenceRow, column: int, role: int) -> Any:
        return row.booking_id if role == BOOKING_ID_ROLE else None

    def status_text(self, row: BookingOccurrenceRow) -> str:
        parts = []
        if row.cancelled:
            parts.append(self.tr("Cancelled"))
        if row.holiday_name:  # stored in German: named by its day in the reader's language
            holiday = occurrence_holiday(row.holiday_name, row.starts_at, current_language())
            parts.append(self.tr("Public holiday: {name}").format(name=holiday))
        if row.recurring:
            parts.append(self.tr("Series"))
        return ", ".join(parts)


Column = column_enum("Column", OccurrenceModel.columns, __name__)
