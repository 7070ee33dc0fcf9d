"""Item models of the reception view: search results and today's appointments.

Both are FrozenRowsModels (desk/ui/models.py): columns as data, updated in place, `data()`
never touches the database, plain strings only (client text is never rich text, and the name
columns have no tooltip at all)."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtGui import QColor

from desk.domain.model import AppointmentRow, AppointmentStatus, ClientSearchHit, ServiceRow
from desk.ui.colours import muted_text
from desk.ui.i18n import current_language, fmt_date, fmt_time, translate
from desk.ui.models import ID_ROLE, ROW_ROLE, FrozenRowsModel, TableColumn, column_enum, no_tooltip
from desk.ui.widgets.languages import language_name

__all__ = ["ID_ROLE", "ROW_ROLE", "AppointmentColumn", "AppointmentsModel", "ResultColumn", "SearchResultsModel"]

# An appointment counts as "due now" from this long before its start until its end.
DUE_BEFORE = timedelta(minutes=15)
DUE_BACKGROUND = QColor("#fff3c4")
BLACK = QColor("#000000")


class SearchResultsModel(FrozenRowsModel[ClientSearchHit]):
    """The clients found for the current query, best first."""

    context = "SearchResultsModel"
    columns = (
        TableColumn("name", QT_TRANSLATE_NOOP("SearchResultsModel", "Name"), lambda m, r: r.display_name,
                    stretch=True, tooltip=no_tooltip),
        TableColumn("number", QT_TRANSLATE_NOOP("SearchResultsModel", "Client no."), lambda m, r: r.client_number),
        TableColumn("birth", QT_TRANSLATE_NOOP("SearchResultsModel", "Date of birth"),
                    lambda m, r: fmt_date(r.date_of_birth), sort=lambda m, r: r.date_of_birth.isoformat() if r.date_of_birth else ""),
        # "Arabisch, Dolmetschung" elides; the name comes first
        TableColumn("language", QT_TRANSLATE_NOOP("SearchResultsModel", "Language"),
                    lambda m, r: m.language_text(r), width=130),
        TableColumn("today", QT_TRANSLATE_NOOP("SearchResultsModel", "Today"), lambda m, r: m.today_text(r),
                    bold=lambda m, r: r.id in m.appointment_of),
    )

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.appointment_of: dict[int, AppointmentRow] = {}

    def set_appointments(self, by_client: dict[int, AppointmentRow]) -> None:
        """Today's open appointment per client, shown in the TODAY column."""
        self.appointment_of = dict(by_client)
        self.columns_changed("today")

    def hit(self, row: int) -> ClientSearchHit | None:
        return self.row_at(row)

    def language_text(self, hit: ClientSearchHit) -> str:
        name = language_name(hit.language)
        if hit.interpreter_needed and name:
            return translate("SearchResultsModel", "{language}, interpreter").format(language=name)
        return name

    def today_text(self, hit: ClientSearchHit) -> str:
        appointment = self.appointment_of.get(hit.id)
        if appointment is None:
            return ""
        return translate("SearchResultsModel", "Appointment {time}").format(time=fmt_time(appointment.starts_at))


STATUS_TEXTS = (QT_TRANSLATE_NOOP("AppointmentsModel", "✓ arrived"), QT_TRANSLATE_NOOP("AppointmentsModel", "✓ done"),
                QT_TRANSLATE_NOOP("AppointmentsModel", "no-show"), QT_TRANSLATE_NOOP("AppointmentsModel", "▶ due now"),
                QT_TRANSLATE_NOOP("AppointmentsModel", "not arrived"),
                QT_TRANSLATE_NOOP("AppointmentsModel", "expected"),
                QT_TRANSLATE_NOOP("AppointmentsModel", "counsellor absent"))


class AppointmentsModel(FrozenRowsModel[AppointmentRow]):
    """Today's appointments; rows updated in place so selection and scroll stay. Time and
    status are never cut (fixed to their widest text); name and service share the rest."""

    context = "AppointmentsModel"
    columns = (
        TableColumn("time", QT_TRANSLATE_NOOP("AppointmentsModel", "Time"),
                    lambda m, r: f"{fmt_time(r.starts_at)}–{fmt_time(r.ends_at)}", sort=lambda m, r: r.starts_at,
                    fit=lambda m: ["00:00–00:00"]),
        TableColumn("name", QT_TRANSLATE_NOOP("AppointmentsModel", "Name"),
                    lambda m, r: r.client_name or translate("AppointmentsModel", "(no client)"), stretch=True,
                    tooltip=no_tooltip),
        TableColumn("status", QT_TRANSLATE_NOOP("AppointmentsModel", "Status"), lambda m, r: m.status_text(r),
                    fit=lambda m: [translate("AppointmentsModel", t) for t in STATUS_TEXTS]),
        TableColumn("service", QT_TRANSLATE_NOOP("AppointmentsModel", "Service"), lambda m, r: m.service_name(r),
                    stretch=True),
    )

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._services: dict[int, ServiceRow] = {}
        self._now: datetime | None = None
        self._absent: frozenset[int] = frozenset()

    def set_services(self, services: list[ServiceRow]) -> None:
        self._services = {s.id: s for s in services}
        self.columns_changed("service")

    def set_absent(self, staff_ids: frozenset[int]) -> None:
        """The counsellors not there today: their booked appointments say so."""
        if staff_ids != self._absent:
            self._absent = frozenset(staff_ids)
            self.columns_changed("status")

    def counsellor_absent(self, appointment: AppointmentRow) -> bool:
        return appointment.status is AppointmentStatus.BOOKED and appointment.staff_id in self._absent

    def set_now(self, now: datetime) -> None:
        """Re-evaluate "due now" (called every minute)."""
        self._now = now
        self.all_changed()

    def appointment(self, row: int) -> AppointmentRow | None:
        return self.row_at(row)

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
        if self.counsellor_absent(appointment):  # reception phones the person (docs/RECEPTION.md)
            return translate("AppointmentsModel", "counsellor absent")
        if self.is_due(appointment):
            return translate("AppointmentsModel", "▶ due now")
        if self.is_overdue(appointment):
            return translate("AppointmentsModel", "not arrived")
        return translate("AppointmentsModel", "expected")

    def service_name(self, appointment: AppointmentRow) -> str:
        service = self._services.get(appointment.service_id)
        return service.name(current_language()) if service else ""

    def row_background(self, row: AppointmentRow) -> QColor | None:
        return DUE_BACKGROUND if self.is_due(row) else None

    def row_foreground(self, row: AppointmentRow) -> QColor | None:
        if row.status is not AppointmentStatus.BOOKED:
            return muted_text()  # from the palette: readable in the dark scheme
        return BLACK if self.is_due(row) else None

    def row_bold(self, row: AppointmentRow) -> bool:
        return self.is_due(row)


ResultColumn = column_enum("ResultColumn", SearchResultsModel.columns, __name__)
AppointmentColumn = column_enum("AppointmentColumn", AppointmentsModel.columns, __name__)
