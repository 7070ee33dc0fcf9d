"""The UI's one clock (desk/ui/clock.py): every view takes "now" and "today" from it, and the UI
tests set it (the `ui_clock` fixture) together with the services' clock, so a view's week, day and
waiting times are the test's, never the day the suite runs on. FIXED_NOW is a holiday in
Baden-Württemberg long before or after any real run: a view that read the wall clock would show
another week and fail here."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from desk.domain.model import Role, VisitStatus
from desk.services.checkin import CheckInRequest
from desk.services.clients import ClientInput
from desk.services.clock import system_clock
from desk.services.context import Actor
from desk.storage.models import Appointment
from desk.ui import clock
from desk.ui.views.empfang import EmpfangView
from desk.ui.views.raumkalender import RaumkalenderView
from desk.ui.views.statistik import StatistikView
from desk.ui.views.warteliste import WartelisteView

FIXED_NOW = datetime(2027, 1, 6, 9, 0, tzinfo=UTC)  # Wednesday 6 January 2027, 10:00 in Balingen (Epiphany)
RECEPTION = Actor(staff_id=None, name="Empfang (test)", role=Role.RECEPTION, workstation="test")


def test_the_ui_and_its_services_share_the_fixed_clock(ui_clock, sqlite_services, ui_ctx, now):
    assert clock.now() == FIXED_NOW == now == sqlite_services.clock() == ui_ctx.services.clock()
    assert clock.centre_today() == date(2027, 1, 6)
    ui_clock.set(datetime(2027, 1, 6, 23, 30, tzinfo=UTC))  # 00:30 the next day in Berlin
    assert clock.centre_today() == date(2027, 1, 7) and sqlite_services.clock() == clock.now()


def test_set_clock_returns_the_one_it_replaces():
    mine = clock.set_clock(None)  # the system clock meanwhile
    assert clock.set_clock(mine) is system_clock
    assert clock.now() == FIXED_NOW


def test_the_room_calendar_opens_on_the_clocks_week_and_goes_to_its_today(qtbot, ui_ctx, ui_clock, settle):
    view = RaumkalenderView(ui_ctx)
    qtbot.addWidget(view)
    settle(ui_ctx)
    assert view.days()[0] == date(2027, 1, 4) and date(2027, 1, 6) in view.days()
    ui_clock.set(datetime(2027, 3, 28, 0, 30, tzinfo=UTC))  # 01:30 CET, half an hour before the clocks go forward
    view.go_today()
    settle(ui_ctx)
    assert view.anchor == date(2027, 3, 28) and view.days()[0] == date(2027, 3, 22)


def test_reception_lists_the_appointments_of_the_clocks_day(qtbot, make_ui_ctx, sqlite_services, settle):
    head = Actor.system()
    mbe = next(s for s in sqlite_services.reference.services(head) if s.code == "MBE")
    client = sqlite_services.clients.create(head, ClientInput(given_name="Amina", family_name="Haddad"))
    with sqlite_services.uow(write=True) as uow:
        for starts in (FIXED_NOW + timedelta(minutes=30), FIXED_NOW + timedelta(days=1)):
            uow.session.add(Appointment(client_id=client.id, service_id=mbe.id, starts_at=starts,
                                        ends_at=starts + timedelta(minutes=45), status="booked", version=1))
        uow.commit()
    ctx = make_ui_ctx(sqlite_services, RECEPTION)
    view = EmpfangView(ctx)
    qtbot.addWidget(view)
    settle(ctx)
    assert view.appointments_model.rowCount() == 1  # today's (6 January), not tomorrow's
    assert view.appointments_model.index(0, 1).data() == "Haddad, Amina"


def test_the_waiting_list_counts_waiting_time_on_the_clock(qtbot, ui_ctx, sqlite_services, ui_clock, settle):
    head = Actor.system()
    mbe = next(s for s in sqlite_services.reference.services(head) if s.code == "MBE")
    visit = sqlite_services.checkin.check_in(head, CheckInRequest(service_id=mbe.id))
    assert visit.arrived_at == FIXED_NOW and visit.status is VisitStatus.WAITING
    view = WartelisteView(ui_ctx)
    qtbot.addWidget(view)
    view.show()
    settle(ui_ctx)
    assert view.model.rowCount() == 1
    column = view.model.column_of("waiting")
    assert view.model.index(0, column).data() == "0 min"
    ui_clock.advance(timedelta(minutes=25))
    view.model.tick()  # what the view's timer does: the model asks the UI's clock
    assert view.model.index(0, column).data().startswith("25 min")


def test_the_report_proposes_the_clocks_year(qtbot, ui_ctx, settle):
    view = StatistikView(ui_ctx)
    qtbot.addWidget(view)
    settle(ui_ctx)
    assert view.year.value() == 2027
    assert view.end.date().toPython() == date(2027, 1, 6)
