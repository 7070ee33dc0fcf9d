"""Every table model of desk is a FrozenRowsModel (desk/ui/models.py); one test runs Qt's model
tester over each with realistic rows, through an in-place update that moves, inserts, removes
and changes rows (never a reset), and checks that every cell is a plain string."""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPersistentModelIndex, Qt
from PySide6.QtWidgets import QTableView

import desk.ui.views
from desk.domain.accounts import AccountRow
from desk.domain.appointments import AbsenceRow, InterpreterRow, ReminderRow
from desk.domain.model import (
    AppointmentRow,
    AppointmentStatus,
    AuditRow,
    BookingKind,
    BookingOccurrenceRow,
    ClientSearchHit,
    Priority,
    Role,
    RoomKind,
    RoomRow,
    ServiceRow,
    StaffRow,
    VisitRow,
    VisitStatus,
)
from desk.services.backup import BackupFile
from desk.ui.i18n import install_language
from desk.ui.models import ID_ROLE, ROW_ROLE, SORT_ROLE, FrozenRowsModel
from desk.ui.widgets.tables import set_up_columns

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
SERVICES = [ServiceRow(1, "MBE", "Migrationsberatung", "Migration counselling", "M", True),
            ServiceRow(2, "JMD", "Jugendmigrationsdienst", "Youth migration service", "J", True)]
HOSTILE = "<b>Fatima</b> & Co"  # client text that Qt would take for HTML


def _visit(i: int) -> VisitRow:
    return VisitRow(
        id=i, client_id=i, client_name=HOSTILE if i == 3 else f"Name {i}", service_id=1 + i % 2,
        ticket=f"M-{i:03d}", ticket_day=NOW.date(), party_size=1 + i % 3,
        status=VisitStatus.CALLED if i == 5 else VisitStatus.WAITING,
        priority=Priority.URGENT if i == 2 else Priority.NORMAL, priority_reason="<i>pregnant</i>" if i == 2 else "",
        interpreter_language="ar" if i % 2 else "", arrived_at=NOW - timedelta(minutes=7 * i),
        first_called_at=None, called_at=None, started_at=None, finished_at=None, call_count=2 if i == 5 else 0,
        appointment_id=None, appointment_starts_at=NOW if i == 4 else None, called_by_staff_id=None,
        called_by_name="Frau Yilmaz" if i == 5 else "", room_id=None, room_label="Büro 2" if i == 5 else "",
        assigned_staff_id=7 if i == 6 else None, referred_to="")


def _appointment(i: int) -> AppointmentRow:
    starts = NOW + timedelta(minutes=45 * i - 60)
    return AppointmentRow(
        id=i, client_id=i, client_name=HOSTILE if i == 3 else f"Client {i}", service_id=1 + i % 2, staff_id=7,
        room_id=1, interpreter_id=None, interpreter_language="uk" if i == 2 else "", starts_at=starts,
        ends_at=starts + timedelta(minutes=45),
        status=AppointmentStatus.ARRIVED if i == 1 else AppointmentStatus.BOOKED, cancel_reason="",
        series_id="s1" if i == 4 else None, reminded_at=NOW if i % 2 else None, note="", version=1)


def _occurrence(i: int) -> BookingOccurrenceRow:
    starts = NOW + timedelta(hours=i)
    return BookingOccurrenceRow(
        id=i, booking_id=100 + i, room_id=1 + i % 2, title=HOSTILE if i == 3 else f"Sprachcafé {i}",
        kind=BookingKind.LANGUAGE_CAFE, organiser="Frau Yilmaz", starts_at=starts, ends_at=starts + timedelta(hours=1),
        cancelled=i == 2, holiday_name="Buß- und Bettag" if i == 2 else "", expected_participants=None,
        actual_participants=None, recurring=i % 2 == 0)


def _waiting_list():
    from desk.ui.views.warteliste.model import WaitingListModel

    model = WaitingListModel()
    model.set_services(SERVICES)
    model.set_staff([StaffRow(7, "yilmaz", "Frau Yilmaz", Role.COUNSELLOR, True, None)])
    model.tick(NOW)
    return model


def _search_results():
    from desk.ui.views.empfang.models import SearchResultsModel

    model = SearchResultsModel()
    model.set_appointments({2: _appointment(2)})
    return model


def _todays_appointments():
    from desk.ui.views.empfang.models import AppointmentsModel

    model = AppointmentsModel()
    model.set_services(SERVICES)
    model.set_now(NOW)
    return model


def _termine(name: str):
    def make():
        from desk.ui.views.termine import models

        model = getattr(models, name)()
        if hasattr(model, "services"):
            model.services = {s.id: s.name_de for s in SERVICES}
            model.rooms = {1: "Büro 2"}
        return model
    return make


def _verwaltung(name: str):
    def make():
        from desk.ui.views.verwaltung import models

        return getattr(models, name)()
    return make


def _occurrences():
    from desk.ui.views.raumkalender.model import OccurrenceModel

    model = OccurrenceModel()
    model.set_rooms({1: "Gruppenraum", 2: "Küche"})
    return model


@dataclass
class Case:
    name: str
    make: Callable[[], FrozenRowsModel]
    row: Callable[[int], Any]
    """Row number i (1..9), all different keys."""
    change: Callable[[Any], Any]
    """The same row (same key) with something shown changed."""
    move: Callable[[Any], Any] = field(default=lambda r: r)
    """For models that keep their own order: the row changed so that it moves to the front."""
    order: Callable[[list], list] = field(default=lambda rows: rows)


CASES = [
    Case("waiting list", _waiting_list, _visit, lambda r: r._replace(status=VisitStatus.CALLED, call_count=1)),
    Case("search results", _search_results,
         lambda i: ClientSearchHit(i, f"K-{i:06d}", HOSTILE if i == 3 else f"Vorname{i}", f"Familie{i}",
                                   date(1980 + i, 1, i), "ar" if i % 2 else "de", i == 1, 1.0 / i),
         lambda r: replace(r, language="fa")),
    Case("today's appointments", _todays_appointments, _appointment,
         lambda r: r._replace(status=AppointmentStatus.NO_SHOW)),
    Case("agenda", _termine("AgendaModel"), _appointment,
         lambda r: r._replace(status=AppointmentStatus.CANCELLED, cancel_reason="krank")),
    Case("reminder calls", _termine("ReminderModel"),
         lambda i: ReminderRow(_appointment(i), f"0151 {i}", "ar", "Frau Yilmaz", "Büro 2", ""),
         lambda r: replace(r, appointment=r.appointment._replace(reminded_at=None if r.appointment.reminded_at
                                                       else NOW))),
    Case("interpreters", _termine("InterpreterModel"),
         lambda i: InterpreterRow(i, HOSTILE if i == 3 else f"Dolmetscherin {i}", ("ar", "fa"), "0170", True),
         lambda r: replace(r, active=False)),
    Case("absences", _termine("AbsenceModel"),
         lambda i: AbsenceRow(i, 7, date(2026, 12, i), date(2026, 12, i + 1), "Urlaub"),
         lambda r: replace(r, reason="Fortbildung")),
    Case("appointment history", _termine("HistoryModel"),
         lambda i: AuditRow(i, NOW + timedelta(minutes=i), 7, "Frau Yilmaz", "appointment.edit", "appointment", 1,
                            1, '{"fields": ["note"]}', "pc1"),
         lambda r: replace(r, action="appointment.cancel")),
    Case("accounts", _verwaltung("AccountsModel"),
         lambda i: AccountRow(i, f"user{i}", HOSTILE if i == 3 else f"Person {i}", Role.RECEPTION, True,
                              frozenset({1}), 0, None, True, 1),
         lambda r: replace(r, failed_logins=2)),
    Case("audit log", _verwaltung("AuditModel"),
         lambda i: AuditRow(i, NOW - timedelta(minutes=i), 7, "Frau Yilmaz", "visit.take_over", "visit", i, 42,
                            '{"from_staff": "Frau Yilmaz", "active": true}', "pc1"),
         lambda r: replace(r, workstation="pc2")),
    Case("backups", _verwaltung("BackupsModel"),
         lambda i: BackupFile(Path(f"/backups/desk-{i}.sqlite"), "daily", NOW - timedelta(days=i), 1_000_000 * i,
                              NOW + timedelta(days=30 - i)),
         lambda r: replace(r, kind="weekly")),
    Case("services", _verwaltung("ServicesModel"),
         lambda i: ServiceRow(i, f"S{i}", f"Dienst {i}", f"Service {i}", chr(64 + i), True),
         lambda r: replace(r, active=False)),
    Case("rooms", _verwaltung("RoomsModel"),
         lambda i: RoomRow(i, f"Büro {i}", RoomKind.OFFICE, 2, True, True, f"Raum {i}"),
         lambda r: replace(r, bookable=False)),
    Case("room bookings", _occurrences, _occurrence, lambda r: r._replace(title="neu"),
         move=lambda r: r._replace(starts_at=NOW - timedelta(hours=1), ends_at=NOW),
         order=lambda rows: sorted(rows, key=lambda r: (r.starts_at, r.room_id, r.id))),
]


def _counter(signal) -> list:
    seen: list = []
    signal.connect(lambda *args: seen.append(args))
    return seen


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_model_passes_the_model_tester_through_an_in_place_update(qtmodeltester, qtbot, case):
    model = case.make()
    before = [case.row(i) for i in range(1, 7)]
    model.set_rows(before)
    assert model.rows() == case.order(before)
    qtmodeltester.check(model)  # stays attached: it checks every signal of the update below
    table = QTableView()
    qtbot.addWidget(table)
    table.setModel(model)
    set_up_columns(table)  # the header from the same columns
    kept_key = model.key(before[3])
    kept = QPersistentModelIndex(model.index(model.row_of(kept_key), 0))
    table.selectRow(kept.row())
    resets, moves = _counter(model.modelReset), _counter(model.rowsMoved)
    inserts, removes = _counter(model.rowsInserted), _counter(model.rowsRemoved)

    # one row gone, one moved to the front, one changed, two new ones (one in the middle)
    new_a, new_b = case.row(8), case.row(9)
    after = [case.move(before[4]), before[0], case.change(before[2]), new_a, before[3], before[5], new_b]
    added, gone = model.set_rows(after)

    assert model.rows() == case.order(after)
    assert [model.index(r, 0).data(ID_ROLE) for r in range(model.rowCount())] == \
        [model.key(r) for r in case.order(after)]
    assert resets == [] and moves and inserts and removes
    assert sorted(map(model.key, added), key=str) == sorted([model.key(new_a), model.key(new_b)], key=str)
    assert gone == [model.key(before[1])]
    assert kept.isValid() and kept.data(ID_ROLE) == kept_key  # selection and scroll stay with the row
    assert [i.data(ID_ROLE) for i in table.selectionModel().selectedRows()] == [kept_key]
    qtmodeltester.check(model)

    for language in ("en", "de"):
        install_language(language)
        model.retranslate()
        for column in range(model.columnCount()):
            assert model.headerData(column, Qt.Orientation.Horizontal), (language, column)
            for row in range(model.rowCount()):
                index = model.index(row, column)
                assert isinstance(index.data(), str)
                assert isinstance(index.data(Qt.ItemDataRole.AccessibleTextRole), str)
                assert index.data(ROW_ROLE) == model.rows()[row]
                assert index.data(SORT_ROLE) is not None
                tip = index.data(Qt.ItemDataRole.ToolTipRole)
                assert tip is None or HOSTILE not in tip, "client text in a tooltip that Qt renders as HTML"


def test_every_table_model_is_covered():
    """A new model is a FrozenRowsModel and gets a line in CASES."""
    for module in pkgutil.walk_packages(desk.ui.views.__path__, "desk.ui.views."):
        importlib.import_module(module.name)
    covered = {type(case.make()) for case in CASES}

    def subclasses(cls: type) -> set[type]:
        found = set(cls.__subclasses__())
        return found.union(*(subclasses(c) for c in found)) if found else found

    assert {c for c in subclasses(FrozenRowsModel) if c.columns} <= covered
