"""The waiting list on both engines: transitions, conditional claims, hand-over, undo, end of day."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa

from desk.domain.errors import ConflictError, PermissionDeniedError, ValidationError
from desk.domain.model import Priority, Role, VisitStatus
from desk.domain.topics import Topic
from desk.domain.waitlist import wait_time
from desk.services.auditlog import AuditFilter
from desk.services.checkin import CheckInRequest
from desk.services.clients import ClientInput
from desk.services.context import Actor

# a Monday morning in Balingen (09:00 CET = 08:00 UTC)
T0 = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)
FIXED_NOW = T0  # the services' clock (the `clock` fixture): a call without now= means the same on any day
pytestmark = pytest.mark.usefixtures("clock")


def _service(services, head, code):
    return next(s for s in services.reference.services(head) if s.code == code)


def _room(services, head, name_part="Migrationsberatung"):
    return next(r for r in services.reference.rooms(head) if name_part in r.name)


def _check_in(services, head, service, minutes, **kwargs):
    return services.checkin.check_in(head, CheckInRequest(service_id=service.id, **kwargs),
                                     now=T0 + timedelta(minutes=minutes))


@pytest.fixture
def setup(services, head):
    mbe = _service(services, head, "MBE")
    room = _room(services, head)
    return services, mbe, room


def test_call_next_follows_urgent_then_arrival(setup, head, counsellor):
    services, mbe, room = setup
    first = _check_in(services, head, mbe, 0)
    second = _check_in(services, head, mbe, 1)
    urgent = _check_in(services, head, mbe, 2, priority=Priority.URGENT, priority_reason="Kind krank")
    now = T0 + timedelta(minutes=10)
    got = [services.waitlist.call_next(counsellor, room_id=room.id, now=now).visit.id for _ in range(3)]
    assert got == [urgent.id, first.id, second.id]
    assert services.waitlist.call_next(counsellor, room_id=room.id, now=now) is None


def test_call_writes_a_display_call_without_name(setup, head, counsellor):
    services, mbe, room = setup
    client = services.clients.create(head, ClientInput(given_name="<b>Secret</b>", family_name="Geheim",
                                                       language="ar", interpreter_needed=True))
    visit = _check_in(services, head, mbe, 0, client_id=client.id)
    result = services.waitlist.call(counsellor, visit.id, room_id=room.id, now=T0 + timedelta(minutes=3))
    assert result.visit.status is VisitStatus.CALLED
    assert result.visit.called_by_name == counsellor.name
    assert result.visit.room_id == room.id
    calls = services.waitlist.display_calls(Actor.display(), now=T0 + timedelta(minutes=4))
    assert [(c.ticket, c.room_label, c.language) for c in calls] == [(visit.ticket, room.display_label, "ar")]
    text = repr(calls)
    for part in ("Secret", "<b>", "Geheim"):
        assert part not in text
    # the table behind the display has no column that could hold a name or point to a client
    columns = {c["name"] for c in sa.inspect(services.db.engine).get_columns("display_calls")}
    assert columns == {"id", "called_at", "ticket", "room_label", "language"}


def test_the_display_reads_only_with_its_permission(setup, reception):
    services, _mbe, _room = setup
    display = Actor.display()
    with pytest.raises(PermissionDeniedError):
        services.waitlist.waiting_list(display)
    with pytest.raises(PermissionDeniedError):
        services.waitlist.call_next(reception, room_id=1)
    assert services.waitlist.display_calls(display) == []


def test_calling_someone_already_called_says_by_whom(setup, head, counsellor):
    services, mbe, room = setup
    visit = _check_in(services, head, mbe, 0)
    other = Actor(staff_id=None, name="Frau Yilmaz", role=Role.COUNSELLOR, workstation="pc2")
    services.waitlist.call(other, visit.id, room_id=room.id, now=T0 + timedelta(minutes=1))
    with pytest.raises(ConflictError, match="already called by Frau Yilmaz"):
        services.waitlist.call(counsellor, visit.id, room_id=room.id, now=T0 + timedelta(minutes=1))


def test_claim_is_conditional_on_waiting(setup, head):
    services, mbe, room = setup
    visit = _check_in(services, head, mbe, 0)
    with services.uow(write=True) as uow:
        assert uow.visits.claim(visit.id, now=T0, day=T0.date(), staff_id=None, caller_name="a", room_id=room.id)
        assert not uow.visits.claim(visit.id, now=T0, day=T0.date(), staff_id=None, caller_name="b", room_id=room.id)
        uow.commit()
    row = services.waitlist.get(head, visit.id)
    assert (row.called_by_name, row.call_count) == ("a", 1)


def test_full_life_cycle_records_times(setup, head, counsellor):
    services, mbe, room = setup
    visit = _check_in(services, head, mbe, 0)
    wl = services.waitlist
    wl.call(counsellor, visit.id, room_id=room.id, now=T0 + timedelta(minutes=12))
    again = wl.call_again(counsellor, visit.id, now=T0 + timedelta(minutes=14))
    assert again.visit.call_count == 2
    started = wl.start(counsellor, visit.id, now=T0 + timedelta(minutes=15))
    assert started.visit.status is VisitStatus.IN_SESSION
    done = wl.done(counsellor, visit.id, now=T0 + timedelta(minutes=40))
    row = done.visit
    assert row.status is VisitStatus.DONE
    assert row.first_called_at == T0 + timedelta(minutes=12)
    assert row.called_at == T0 + timedelta(minutes=14)
    assert row.started_at == T0 + timedelta(minutes=15)
    assert row.finished_at == T0 + timedelta(minutes=40)
    assert wait_time(row) == timedelta(minutes=12)
    with pytest.raises(ConflictError):
        wl.no_show(counsellor, visit.id, now=T0 + timedelta(minutes=41))
    assert wl.waiting_list(head, now=T0 + timedelta(minutes=41)) == []


def test_no_show_back_to_waiting_and_refer(setup, head, counsellor):
    services, mbe, room = setup
    wl = services.waitlist
    a = _check_in(services, head, mbe, 0)
    b = _check_in(services, head, mbe, 1)
    c = _check_in(services, head, mbe, 2)
    now = T0 + timedelta(minutes=5)
    for v in (a, b, c):
        wl.call(counsellor, v.id, room_id=room.id, now=now)
    assert wl.no_show(counsellor, a.id, now=now).visit.status is VisitStatus.NO_SHOW
    back = wl.back_to_waiting(counsellor, b.id, now=now).visit
    assert back.status is VisitStatus.WAITING and back.arrived_at == b.arrived_at and back.room_id is None
    referred = wl.refer(counsellor, c.id, "Caritas", now=now).visit
    assert (referred.status, referred.referred_to) == (VisitStatus.REFERRED, "Caritas")
    with pytest.raises(ValidationError):
        wl.refer(counsellor, b.id, "Unbekannt e.V.", now=now)
    # b is first again at its original place
    assert wl.call_next(counsellor, room_id=room.id, now=now).visit.id == b.id


def test_hand_over_keeps_arrival_and_counts_once_per_service(setup, head, counsellor):
    services, mbe, room = setup
    im = _service(services, head, "IM")
    client = services.clients.create(head, ClientInput(given_name="Amina", family_name="Haidari"))
    visit = _check_in(services, head, mbe, 0, client_id=client.id, interpreter_language="fa")
    wl = services.waitlist
    wl.call(counsellor, visit.id, room_id=room.id, now=T0 + timedelta(minutes=5))
    result = wl.hand_over(counsellor, visit.id, service_id=im.id, now=T0 + timedelta(minutes=20))
    new = result.visit
    old = wl.get(head, visit.id)
    assert old.status is VisitStatus.HANDED_OVER
    assert new.status is VisitStatus.WAITING and new.service_id == im.id
    assert new.arrived_at == visit.arrived_at
    assert new.ticket.startswith("I-") and new.handed_over_from_id == visit.id
    assert new.interpreter_language == "fa" and new.client_id == client.id
    listed = wl.waiting_list(head, now=T0 + timedelta(minutes=21))
    assert [v.id for v in listed] == [new.id]
    # undo the hand-over: the new visit disappears, the old one is called again
    back = wl.undo(counsellor, result.undo, now=T0 + timedelta(minutes=21))
    assert back.status is VisitStatus.CALLED
    assert [v.id for v in wl.waiting_list(head, now=T0 + timedelta(minutes=21))] == [visit.id]


def test_hand_over_to_a_counsellor_of_the_same_service(setup, head, counsellor):
    services, mbe, room = setup
    with services.uow(write=True) as uow:
        staff_id = uow.reference.add_staff(username="yilmaz", display_name="Frau Yilmaz", role=Role.COUNSELLOR,
                                           password_hash=None, service_ids={mbe.id})
        uow.commit()
    visit = _check_in(services, head, mbe, 0)
    wl = services.waitlist
    wl.call(counsellor, visit.id, room_id=room.id, now=T0 + timedelta(minutes=5))
    row = wl.hand_over(counsellor, visit.id, service_id=mbe.id, staff_id=staff_id,
                       now=T0 + timedelta(minutes=6)).visit
    assert (row.status, row.assigned_staff_id, row.arrived_at) == (VisitStatus.WAITING, staff_id, visit.arrived_at)
    # reserved for Frau Yilmaz: another counsellor's call next passes over it
    assert wl.call_next(counsellor, room_id=room.id, now=T0 + timedelta(minutes=7)) is None
    yilmaz = Actor(staff_id=staff_id, name="Frau Yilmaz", role=Role.COUNSELLOR, workstation="pc2")
    assert wl.call_next(yilmaz, room_id=room.id, now=T0 + timedelta(minutes=7)).visit.id == visit.id


def test_undo_of_a_call_restores_and_removes_the_display_call(setup, head, counsellor):
    services, mbe, room = setup
    wl = services.waitlist
    visit = _check_in(services, head, mbe, 0)
    assert services.waitlist.get(head, visit.id).status is VisitStatus.WAITING
    result = wl.call_next(counsellor, room_id=room.id, now=T0 + timedelta(minutes=2))
    restored = wl.undo(counsellor, result.undo, now=T0 + timedelta(minutes=3))
    assert restored.status is VisitStatus.WAITING
    assert (restored.call_count, restored.first_called_at, restored.room_id) == (0, None, None)
    assert wl.display_calls(Actor.display(), now=T0 + timedelta(minutes=3)) == []
    # undo twice: the version moved on, so the second undo is refused
    with pytest.raises(ConflictError):
        wl.undo(counsellor, result.undo, now=T0 + timedelta(minutes=3))


def test_undo_refused_after_someone_else_acted_or_too_late(setup, head, counsellor):
    services, mbe, room = setup
    wl = services.waitlist
    visit = _check_in(services, head, mbe, 0)
    called = wl.call(counsellor, visit.id, room_id=room.id, now=T0 + timedelta(minutes=1))
    wl.start(head, visit.id, now=T0 + timedelta(minutes=2))
    with pytest.raises(ConflictError, match="changed at another workstation"):
        wl.undo(counsellor, called.undo, now=T0 + timedelta(minutes=2))
    done = wl.done(counsellor, visit.id, now=T0 + timedelta(minutes=3))
    with pytest.raises(ConflictError, match="too late"):
        wl.undo(counsellor, done.undo, now=T0 + timedelta(minutes=30))
    assert wl.undo(counsellor, done.undo, now=T0 + timedelta(minutes=4)).status is VisitStatus.IN_SESSION


def test_end_of_day_closes_open_visits_as_left(setup, head, counsellor):
    services, mbe, room = setup
    wl = services.waitlist
    waiting = _check_in(services, head, mbe, 0)
    called = _check_in(services, head, mbe, 1)
    finished = _check_in(services, head, mbe, 2)
    wl.call(counsellor, called.id, room_id=room.id, now=T0 + timedelta(minutes=3))
    wl.call(counsellor, finished.id, room_id=room.id, now=T0 + timedelta(minutes=3))
    wl.done(counsellor, finished.id, now=T0 + timedelta(minutes=4))
    # 15:00 local: before closing time (16:30), nothing of today is closed
    assert wl.close_day(counsellor, now=T0 + timedelta(hours=6)) == 0
    # 16:31 local
    assert wl.close_day(counsellor, now=datetime(2026, 11, 23, 15, 31, tzinfo=UTC)) == 2
    statuses = {v: wl.get(head, v).status for v in (waiting.id, called.id, finished.id)}
    assert statuses == {waiting.id: VisitStatus.LEFT, called.id: VisitStatus.LEFT, finished.id: VisitStatus.DONE}
    # the next day, ticket numbers restart
    nxt = services.checkin.check_in(head, CheckInRequest(service_id=mbe.id), now=T0 + timedelta(days=1))
    assert nxt.ticket == "M-001"


def test_reception_closes_the_day_at_closing_time_but_not_before(setup, head, counsellor, reception):
    """The volunteer is often the last one at the centre: reception's window closes the day at
    the closing time like everyone's (the counsellors have gone home), but cannot close it early."""
    services, mbe, _room = setup
    wl = services.waitlist
    waiting = _check_in(services, head, mbe, 0)
    assert wl.close_day(reception, now=T0 + timedelta(hours=6)) == 0  # 15:00: not yet
    with pytest.raises(PermissionDeniedError):
        wl.close_day(reception, now=T0 + timedelta(hours=6), force=True)
    assert wl.get(head, waiting.id).status is VisitStatus.WAITING
    assert wl.close_day(reception, now=datetime(2026, 11, 23, 15, 31, tzinfo=UTC)) == 1  # 16:31
    assert wl.get(head, waiting.id).status is VisitStatus.LEFT
    entry = services.audit_log.query(head, AuditFilter(action="visit.close_day"))[0]
    assert entry.actor_name == reception.name
    # counsellors may still close early (e.g. the centre closes at noon)
    early = _check_in(services, head, mbe, 1)
    assert wl.close_day(counsellor, now=T0 + timedelta(hours=6), force=True) == 1
    assert wl.get(head, early.id).status is VisitStatus.LEFT


def test_close_day_catches_up_on_earlier_days(setup, head, counsellor):
    services, mbe, _room = setup
    visit = _check_in(services, head, mbe, 0)
    assert services.waitlist.close_day(counsellor, now=T0 + timedelta(days=1)) == 1
    assert services.waitlist.get(head, visit.id).status is VisitStatus.LEFT


def _display_rows(services) -> int:
    with services.db.engine.connect() as connection:
        return connection.exec_driver_sql("SELECT count(*) FROM display_calls").scalar_one()


def test_close_day_purges_the_display_calls(setup, head, counsellor):
    """The display table keeps no call older than today: the end of the day deletes them."""
    services, mbe, room = setup
    wl = services.waitlist
    for minutes in range(3):
        visit = _check_in(services, head, mbe, minutes)
        wl.call(counsellor, visit.id, room_id=room.id, now=T0 + timedelta(minutes=5 + minutes))
        wl.done(counsellor, visit.id, now=T0 + timedelta(minutes=10 + minutes))
    assert _display_rows(services) == 3
    # 15:00 local: the day is not over, today's calls stay on the display
    wl.close_day(counsellor, now=T0 + timedelta(hours=6))
    assert _display_rows(services) == 3
    # after the closing time: gone, and the audit says how many
    assert wl.close_day(counsellor, now=datetime(2026, 11, 23, 15, 31, tzinfo=UTC)) == 0
    assert _display_rows(services) == 0
    entry = services.audit_log.query(head, AuditFilter(action="visit.close_day"))[0]
    assert json.loads(entry.details)["display_calls_deleted"] == 3
    # the next morning, yesterday's calls are gone even if nobody closed the day
    visit = _check_in(services, head, mbe, 0)
    wl.call(counsellor, visit.id, room_id=room.id, now=T0 + timedelta(minutes=1))
    wl.close_day(counsellor, now=T0 + timedelta(days=1))
    assert _display_rows(services) == 0


def test_silent_alarm_until_acknowledged_and_audited(setup, head, counsellor, reception):
    services, _mbe, room = setup
    alarm = services.alarms.raise_alarm(counsellor, room_id=room.id)
    assert alarm.room_label == room.name
    assert [a.id for a in services.alarms.open_alarms(reception)] == [alarm.id]
    assert services.alarms.acknowledge(reception, alarm.id) is True
    assert services.alarms.acknowledge(head, alarm.id) is False
    assert services.alarms.open_alarms(reception) == []
    with services.uow() as uow:
        events = uow.audit.query(entity_type="alarm", entity_id=alarm.id)
    assert sorted(e.action for e in events) == ["alarm.acknowledge", "alarm.raise"]
    assert all(e.actor_name in (counsellor.name, reception.name) for e in events)
    with pytest.raises(PermissionDeniedError):
        services.alarms.raise_alarm(Actor.display())


def test_call_next_without_room_asks_for_one(setup, head, counsellor):
    services, mbe, _room = setup
    _check_in(services, head, mbe, 0)
    with pytest.raises(ValidationError, match="room"):
        services.waitlist.call_next(counsellor, now=T0)


# -- the real race: several OS processes pressing *call next* -------------------------------------


def test_six_processes_drain_the_list_each_visit_called_exactly_once(services, db_url, head):
    """6 spawned processes call next until the list is empty. Every visit must be called by
    exactly one of them (DESK_RACE_N=1000 for the full run; 150 by default). Every process runs
    at T0 too (its own services' clock), so the day they share is the test's, not the wall's."""
    import os

    from waitlist_race import race

    count = int(os.environ.get("DESK_RACE_N", "150"))
    ids, per_process, errors = race(db_url, services, count, now=T0)
    assert errors == []
    called = [visit_id for got in per_process.values() for visit_id in got]
    assert len(called) == len(set(called)), "a visit was called twice"
    assert sorted(called) == sorted(ids)
    assert sum(1 for got in per_process.values() if got) >= 2, "no contention: only one process got people"
    with services.uow() as uow:
        rows = [uow.visits.get(i) for i in ids]
        displayed = len(uow.visits.display_calls(since=T0 - timedelta(days=1), limit=count + 10))
    assert all(r.status is VisitStatus.CALLED and r.call_count == 1 for r in rows)
    assert displayed == count


# -- appointment clients are reserved for their counsellor (issue 18) ---------------------------


def _counsellor_account(services, username, name, service):
    with services.uow(write=True) as uow:
        staff_id = uow.reference.add_staff(username=username, display_name=name, role=Role.COUNSELLOR,
                                           password_hash=None, service_ids={service.id})
        uow.commit()
    return Actor(staff_id=staff_id, name=name, role=Role.COUNSELLOR, workstation=username,
                 service_ids=frozenset({service.id}))


def _appointment_visit(services, head, service, staff, minutes_after_t0):
    from reception_helpers import add_appointment

    client = services.clients.create(head, ClientInput(given_name="Amina", family_name="Haddad"))
    appointment_id = add_appointment(services, client_id=client.id, service_id=service.id,
                                     starts_at=T0 + timedelta(minutes=minutes_after_t0), staff_id=staff.staff_id)
    return services.checkin.check_in(head, CheckInRequest(client_id=client.id, appointment_id=appointment_id),
                                     now=T0)


def test_appointment_check_in_reserves_the_visit_for_its_counsellor(setup, head):
    services, mbe, room = setup
    yilmaz = _counsellor_account(services, "yilmaz", "Frau Yilmaz", mbe)
    colleague = _counsellor_account(services, "berg", "Herr Berg", mbe)
    walk_in = _check_in(services, head, mbe, -20)           # waited 20 minutes
    booked = _appointment_visit(services, head, mbe, yilmaz, 0)  # due now
    assert booked.assigned_staff_id == yilmaz.staff_id
    now = T0 + timedelta(minutes=1)
    # the colleague's call next takes the walk-in, never the appointment client
    assert services.waitlist.call_next(colleague, room_id=room.id, now=now).visit.id == walk_in.id
    assert services.waitlist.call_next(colleague, room_id=room.id, now=now) is None
    # the counsellor's own call next takes the appointment client
    assert services.waitlist.call_next(yilmaz, room_id=room.id, now=now).visit.id == booked.id


def test_reserved_person_is_refused_to_a_colleague_in_the_database(setup, head):
    services, mbe, room = setup
    yilmaz = _counsellor_account(services, "yilmaz", "Frau Yilmaz", mbe)
    colleague = _counsellor_account(services, "berg", "Herr Berg", mbe)
    booked = _appointment_visit(services, head, mbe, yilmaz, 0)
    with services.uow(write=True) as uow:  # the conditional UPDATE itself refuses
        assert not uow.visits.claim(booked.id, now=T0, day=T0.date(), staff_id=colleague.staff_id,
                                    caller_name="Herr Berg", room_id=room.id)
    from desk.domain.errors import ReservedError

    with pytest.raises(ReservedError, match="reserved for Frau Yilmaz"):
        services.waitlist.call(colleague, booked.id, room_id=room.id, now=T0)


def test_a_colleague_takes_over_deliberately_and_it_is_audited(setup, head):
    services, mbe, room = setup
    yilmaz = _counsellor_account(services, "yilmaz", "Frau Yilmaz", mbe)
    colleague = _counsellor_account(services, "berg", "Herr Berg", mbe)
    booked = _appointment_visit(services, head, mbe, yilmaz, 0)
    result = services.waitlist.call(colleague, booked.id, room_id=room.id, take_over=True, now=T0)
    assert (result.visit.status, result.visit.assigned_staff_id) == (VisitStatus.CALLED, colleague.staff_id)
    with services.uow() as uow:
        [event] = uow.audit.query(entity_type="visit", entity_id=booked.id, action="visit.take_over")
    assert event.actor_name == "Herr Berg"
    assert json.loads(event.details)["from_staff"] == "Frau Yilmaz"
    # undo gives the person back to Frau Yilmaz
    back = services.waitlist.undo(colleague, result.undo, now=T0 + timedelta(minutes=1))
    assert (back.status, back.assigned_staff_id) == (VisitStatus.WAITING, yilmaz.staff_id)


def test_hand_over_only_to_a_counsellor_of_that_service(setup, head, counsellor):
    services, mbe, _room = setup
    im = _service(services, head, "IM")
    with services.uow(write=True) as uow:
        reception_id = uow.reference.add_staff(username="empf", display_name="Frau Empfang", role=Role.RECEPTION,
                                               password_hash=None, service_ids={mbe.id})
        other_id = uow.reference.add_staff(username="im", display_name="Frau IM", role=Role.COUNSELLOR,
                                           password_hash=None, service_ids={im.id})
        uow.commit()
    visit = _check_in(services, head, mbe, 0)
    for staff_id, name in ((reception_id, "Frau Empfang"), (other_id, "Frau IM")):
        with pytest.raises(ValidationError, match=f"{name} does not work in this service"):
            services.waitlist.hand_over(counsellor, visit.id, service_id=mbe.id, staff_id=staff_id,
                                        now=T0 + timedelta(minutes=1))


def test_without_now_the_services_clock_decides(setup, head, counsellor, clock):
    """No now= passed: the call's times, the display's calls and the end of the day are the
    services' clock's (T0, a Monday in the past), never the day the test runs on."""
    services, mbe, room = setup
    visit = services.checkin.check_in(head, CheckInRequest(service_id=mbe.id))
    assert visit.arrived_at == T0
    clock.advance(timedelta(minutes=7))
    called = services.waitlist.call_next(counsellor, room_id=room.id).visit
    assert (called.id, called.called_at) == (visit.id, T0 + timedelta(minutes=7))
    assert [c.ticket for c in services.waitlist.display_calls(Actor.display())] == [visit.ticket]
    assert services.waitlist.close_day(counsellor) == 0  # 09:07 in Balingen: the day is not over
    clock.set(datetime(2026, 11, 23, 15, 31, tzinfo=UTC))  # 16:31, after closing time
    assert services.waitlist.close_day(counsellor) == 1
    assert services.waitlist.get(head, visit.id).status is VisitStatus.LEFT
    assert services.waitlist.display_calls(Actor.display()) == []


# -- a counsellor who left (the head deactivates the account) ------------------------------------


def test_deactivating_a_counsellor_releases_who_waits_for_them_and_keeps_their_appointments_in_sight(
        setup, head):
    """Frau Yilmaz left: the person checked in for her appointment is no longer reserved for an
    account nobody logs into (a colleague's call next takes them), the head is told beforehand
    what she leaves behind, and her appointments still ahead stay in the counsellors' list (marked
    inactive) until they are moved; nothing new can be booked with her."""
    from reception_helpers import add_appointment

    from desk.services.appointments import AppointmentRequest

    services, mbe, room = setup
    yilmaz = _counsellor_account(services, "yilmaz", "Frau Yilmaz", mbe)
    colleague = _counsellor_account(services, "berg", "Herr Berg", mbe)
    booked = _appointment_visit(services, head, mbe, yilmaz, 0)
    later = T0 + timedelta(days=7)
    client = services.clients.create(head, ClientInput(given_name="Olena", family_name="Koval"))
    ahead = add_appointment(services, client_id=client.id, service_id=mbe.id, starts_at=later,
                            staff_id=yilmaz.staff_id)
    add_appointment(services, client_id=client.id, service_id=mbe.id, starts_at=later + timedelta(days=7),
                    staff_id=yilmaz.staff_id)
    add_appointment(services, client_id=client.id, service_id=mbe.id, starts_at=T0 - timedelta(days=7),
                    staff_id=yilmaz.staff_id)  # past: nothing to move
    add_appointment(services, client_id=client.id, service_id=mbe.id, starts_at=later + timedelta(days=1),
                    staff_id=yilmaz.staff_id, status="cancelled")  # cancelled: nothing to move

    work = services.accounts.open_work(head, yilmaz.staff_id)
    # today's appointment (arrived, checked in) is no longer booked; the two ahead are
    assert (work.appointments, work.first_appointment, work.waiting) == (2, later, 1)
    assert services.accounts.open_work(head, colleague.staff_id).appointments == 0

    row = next(a for a in services.accounts.accounts(head) if a.id == yilmaz.staff_id)
    services.accounts.change_account(head, yilmaz.staff_id, row.version, active=False)

    now = T0 + timedelta(minutes=1)
    assert services.waitlist.call_next(colleague, room_id=room.id, now=now).visit.id == booked.id
    assert services.accounts.open_work(head, yilmaz.staff_id).waiting == 0
    with services.uow() as uow:
        [event] = uow.audit.query(entity_type="staff", entity_id=yilmaz.staff_id,
                                  action="account.permissions_change")
    assert json.loads(event.details)["released_waiting"] == 1

    listed = {s.id: s.active for s in services.appointments.counsellors(head)}
    assert listed[yilmaz.staff_id] is False and listed[colleague.staff_id] is True
    with pytest.raises(Exception, match="counsellor does not exist"):
        services.appointments.book(head, AppointmentRequest(
            client_id=client.id, service_id=mbe.id, staff_id=yilmaz.staff_id,
            starts_at=later + timedelta(hours=2), ends_at=later + timedelta(hours=3)), now=T0)
    # an appointment of hers not moved in time: the client checked in for it is not reserved
    # for an account nobody logs into any more; a colleague's call next takes them
    arrived = services.checkin.check_in(head, CheckInRequest(client_id=client.id, appointment_id=ahead),
                                        now=later)
    assert arrived.assigned_staff_id is None
    assert services.waitlist.call_next(colleague, room_id=room.id, now=later).visit.id == arrived.id
    # once her appointments lie behind (or were moved), she leaves the list
    assert yilmaz.staff_id not in {s.id for s in services.appointments.counsellors(
        head, now=later + timedelta(days=8))}


# -- a counsellor absent today (an absence covering the check-in's day; the account still active) --


# (first day, last day) of Frau Yilmaz's absence, the check-in's moment, and whether the visit is
# reserved for her. T0 is Monday 23 November, 09:00 in Balingen; 23:30 UTC on Sunday the 22nd is
# already 00:30 on Monday there: the centre's date decides, not UTC's.
ABSENCES = {
    "only today": ((23, 23), T0, False),
    "a week around today": ((20, 27), T0, False),
    "ended yesterday": ((16, 22), T0, True),
    "starts tomorrow": ((24, 30), T0, True),
    "today in Balingen, yesterday in UTC": ((23, 23), datetime(2026, 11, 22, 23, 30, tzinfo=UTC), False),
    "ended on UTC's date, before Balingen's": ((16, 22), datetime(2026, 11, 22, 23, 30, tzinfo=UTC), True),
}


@pytest.mark.parametrize(("days", "moment", "reserved"), ABSENCES.values(), ids=ABSENCES.keys())
def test_an_appointment_of_a_counsellor_absent_today_is_reserved_for_nobody(setup, head, days, moment, reserved):
    """Frau Yilmaz is ill today (the head entered an absence; her account stays active) and her
    client came for today's appointment anyway: the person waits on the service's list, where a
    colleague's call next takes them - not reserved for someone who will not call anyone today.
    An absence that ended yesterday or starts tomorrow reserves as before (docs/WAITING.md)."""
    from datetime import date

    from reception_helpers import add_appointment

    services, mbe, room = setup
    yilmaz = _counsellor_account(services, "yilmaz", "Frau Yilmaz", mbe)
    colleague = _counsellor_account(services, "berg", "Herr Berg", mbe)
    services.appointments.add_absence(head, yilmaz.staff_id, date(2026, 11, days[0]), date(2026, 11, days[1]),
                                      "krank")
    client = services.clients.create(head, ClientInput(given_name="Amina", family_name="Haddad"))
    appointment_id = add_appointment(services, client_id=client.id, service_id=mbe.id, starts_at=T0,
                                     staff_id=yilmaz.staff_id)
    visit = services.checkin.check_in(head, CheckInRequest(client_id=client.id, appointment_id=appointment_id),
                                      now=moment)
    assert visit.assigned_staff_id == (yilmaz.staff_id if reserved else None)
    taken = services.waitlist.call_next(colleague, room_id=room.id, now=moment + timedelta(minutes=1))
    assert (taken is None) if reserved else (taken.visit.id == visit.id)
    # the appointment itself is still hers: the calendar and today's list name her
    assert services.appointments.get(head, appointment_id).staff_id == yilmaz.staff_id
    [listed] = services.checkin.todays_appointments(head, now=moment)
    assert listed.staff_id == yilmaz.staff_id


def test_an_absence_of_a_colleague_does_not_release_the_counsellors_own_appointment(setup, head):
    """Only the appointment's own counsellor's absence counts: Herr Berg away today leaves Frau
    Yilmaz's client reserved for her."""
    from datetime import date

    services, mbe, room = setup
    yilmaz = _counsellor_account(services, "yilmaz", "Frau Yilmaz", mbe)
    berg = _counsellor_account(services, "berg", "Herr Berg", mbe)
    kaya = _counsellor_account(services, "kaya", "Frau Kaya", mbe)
    services.appointments.add_absence(head, berg.staff_id, date(2026, 11, 23), date(2026, 11, 23), "Urlaub")
    booked = _appointment_visit(services, head, mbe, yilmaz, 0)
    assert booked.assigned_staff_id == yilmaz.staff_id
    assert services.waitlist.call_next(kaya, room_id=room.id, now=T0 + timedelta(minutes=1)) is None


# -- an absence for today entered after people were checked in for the counsellor ----------------


def _audited_absence(services, staff_id):
    with services.uow() as uow:
        [event] = uow.audit.query(entity_type="staff", entity_id=staff_id, action="absence.add")
    return event


def test_an_absence_entered_for_today_releases_the_people_already_waiting_for_the_counsellor(setup, head):
    """Frau Yilmaz calls in sick at 9:00, after two of her appointment clients were checked in: the
    head enters the absence, and in that same transaction both are released to the service's list,
    where Frau Kaya's call next takes them. The one Frau Yilmaz had already called, the one in
    session with her and Herr Berg's reserved client stay as they are; the audit entry says how
    many were released, never why she is away."""
    from datetime import date

    from desk.storage.uow import recording_commits

    services, mbe, room = setup
    yilmaz = _counsellor_account(services, "yilmaz", "Frau Yilmaz", mbe)
    berg = _counsellor_account(services, "berg", "Herr Berg", mbe)
    kaya = _counsellor_account(services, "kaya", "Frau Kaya", mbe)
    first = _appointment_visit(services, head, mbe, yilmaz, 0)
    second = _appointment_visit(services, head, mbe, yilmaz, 30)
    called = _appointment_visit(services, head, mbe, yilmaz, -30)
    in_session = _appointment_visit(services, head, mbe, yilmaz, -60)
    bergs = _appointment_visit(services, head, mbe, berg, 0)
    services.waitlist.call(yilmaz, called.id, room_id=room.id, now=T0 - timedelta(minutes=5))
    services.waitlist.start(yilmaz, in_session.id, now=T0 - timedelta(minutes=4))
    assert {v.assigned_staff_id for v in (first, second, called, in_session)} == {yilmaz.staff_id}
    assert services.waitlist.call_next(kaya, room_id=room.id, now=T0) is None  # all reserved

    with recording_commits() as made:
        saved = services.appointments.add_absence(head, yilmaz.staff_id, date(2026, 11, 23), date(2026, 11, 25),
                                                  "krank", now=T0 + timedelta(minutes=2))
    assert saved.released_waiting == 2
    assert (saved.absence.starts_on, saved.absence.ends_on) == (date(2026, 11, 23), date(2026, 11, 25))
    [topics] = made.values()  # one transaction, announced to every waiting list
    assert Topic.VISITS in topics and Topic.APPOINTMENTS in topics

    after = {v.id: services.waitlist.get(head, v.id) for v in (first, second, called, in_session, bergs)}
    assert after[first.id].assigned_staff_id is None and after[second.id].assigned_staff_id is None
    assert after[first.id].version == first.version + 1  # a conditional update like any other
    assert (after[called.id].status, after[called.id].assigned_staff_id) == (VisitStatus.CALLED, yilmaz.staff_id)
    assert (after[in_session.id].status, after[in_session.id].assigned_staff_id) == (
        VisitStatus.IN_SESSION, yilmaz.staff_id)
    assert after[bergs.id].assigned_staff_id == berg.staff_id  # another counsellor's: untouched

    now = T0 + timedelta(minutes=3)
    assert services.waitlist.call_next(kaya, room_id=room.id, now=now).visit.id == first.id
    assert services.waitlist.call_next(kaya, room_id=room.id, now=now).visit.id == second.id
    assert services.waitlist.call_next(kaya, room_id=room.id, now=now) is None  # Herr Berg's stays his

    details = json.loads(_audited_absence(services, yilmaz.staff_id).details)
    assert details["released_waiting"] == 2
    assert "krank" not in json.dumps(details) and "reason" not in details


ABSENCES_ENTERED = {
    "starts tomorrow": (24, 30),
    "ended yesterday": (16, 22),
    "next week only": (30, 30),
}


@pytest.mark.parametrize("days", ABSENCES_ENTERED.values(), ids=ABSENCES_ENTERED.keys())
def test_an_absence_entered_for_another_day_releases_nobody(setup, head, days):
    """Frau Yilmaz's holiday next week (or the one that ended yesterday) entered this morning: the
    client waiting for her today stays hers, and a colleague's call next leaves them."""
    from datetime import date

    services, mbe, room = setup
    yilmaz = _counsellor_account(services, "yilmaz", "Frau Yilmaz", mbe)
    kaya = _counsellor_account(services, "kaya", "Frau Kaya", mbe)
    booked = _appointment_visit(services, head, mbe, yilmaz, 0)
    saved = services.appointments.add_absence(head, yilmaz.staff_id, date(2026, 11, days[0]),
                                              date(2026, 11, days[1]), "Urlaub")  # the clock: T0
    assert saved.released_waiting == 0
    assert services.waitlist.get(head, booked.id).assigned_staff_id == yilmaz.staff_id
    assert services.waitlist.call_next(kaya, room_id=room.id, now=T0 + timedelta(minutes=1)) is None
    assert "released_waiting" not in json.loads(_audited_absence(services, yilmaz.staff_id).details)


def test_an_absence_covering_today_releases_by_the_centres_date_and_only_todays_tickets(setup, head):
    """At 00:30 in Balingen it is already Monday, though still Sunday in UTC: an absence for
    Monday entered then covers today and releases Monday's people. A person left waiting for
    her from an earlier day (nobody closed that day) is not today's: the end of day closes them."""
    from datetime import date

    from reception_helpers import add_appointment

    services, mbe, _room = setup
    yilmaz = _counsellor_account(services, "yilmaz", "Frau Yilmaz", mbe)
    just_after_midnight = datetime(2026, 11, 22, 23, 30, tzinfo=UTC)  # Monday 00:30 in Balingen
    client = services.clients.create(head, ClientInput(given_name="Olena", family_name="Koval"))
    last_week = T0 - timedelta(days=7)
    appointment_id = add_appointment(services, client_id=client.id, service_id=mbe.id, starts_at=last_week,
                                     staff_id=yilmaz.staff_id)
    left_open = services.checkin.check_in(head, CheckInRequest(client_id=client.id, appointment_id=appointment_id),
                                          now=last_week)
    todays = _appointment_visit(services, head, mbe, yilmaz, 0)
    saved = services.appointments.add_absence(head, yilmaz.staff_id, date(2026, 11, 23), date(2026, 11, 23),
                                              now=just_after_midnight)
    assert saved.released_waiting == 1
    assert services.waitlist.get(head, todays.id).assigned_staff_id is None
    assert services.waitlist.get(head, left_open.id).assigned_staff_id == yilmaz.staff_id


# -- the call-time rule: a reservation for someone absent today or deactivated holds for nobody --
# The absence (or deactivation) saved while a check-in for her appointment was between reading the
# appointment and committing leaves the person reserved for her (PostgreSQL's READ COMMITTED lets
# the two overlap; SQLite's writers queue). Simulated here by writing the absence or the
# deactivation directly, without the release: the call decides by itself, in its own statement.


def _absence_without_release(services, staff_id, first_day, last_day):
    with services.uow(write=True) as uow:
        uow.appointments.add_absence(staff_id, first_day, last_day, "krank")
        uow.commit()


def _deactivated_without_release(services, staff_id):
    from desk.storage.models import Staff

    with services.uow(write=True) as uow:
        uow.session.execute(sa.update(Staff).where(Staff.id == staff_id).values(active=False))
        uow.commit()


def _raw_reservation(services, visit_id):
    from desk.storage.models import Visit

    with services.uow() as uow:
        return uow.session.scalar(sa.select(Visit.assigned_staff_id).where(Visit.id == visit_id))


@pytest.mark.parametrize(("days", "moment", "reserved"), ABSENCES.values(), ids=ABSENCES.keys())
def test_a_call_takes_who_waits_for_a_counsellor_absent_today_though_the_release_missed_them(
        setup, head, days, moment, reserved):
    """Frau Yilmaz's client was checked in (reserved for her) while her absence was being saved,
    and the release did not see the visit: still, Herr Berg's call next takes the person - in the
    order of the list (a due appointment before a walk-in who came earlier) - and his waiting list
    shows them as free, by the centre's date of the call. An absence that ended yesterday or
    starts tomorrow keeps the reservation."""
    from datetime import date

    from reception_helpers import add_appointment

    services, mbe, room = setup
    yilmaz = _counsellor_account(services, "yilmaz", "Frau Yilmaz", mbe)
    berg = _counsellor_account(services, "berg", "Herr Berg", mbe)
    walk_in = services.checkin.check_in(head, CheckInRequest(service_id=mbe.id), now=moment - timedelta(minutes=20))
    client = services.clients.create(head, ClientInput(given_name="Amina", family_name="Haddad"))
    appointment_id = add_appointment(services, client_id=client.id, service_id=mbe.id, starts_at=moment,
                                     staff_id=yilmaz.staff_id)
    booked = services.checkin.check_in(head, CheckInRequest(client_id=client.id, appointment_id=appointment_id),
                                       now=moment)
    assert booked.assigned_staff_id == yilmaz.staff_id  # checked in before the absence committed
    _absence_without_release(services, yilmaz.staff_id, date(2026, 11, days[0]), date(2026, 11, days[1]))
    assert _raw_reservation(services, booked.id) == yilmaz.staff_id  # the release did not happen

    now = moment + timedelta(minutes=1)
    listed = {r.id: r for r in services.waitlist.waiting_list(berg, now=now)}
    assert listed[booked.id].assigned_staff_id == (yilmaz.staff_id if reserved else None)
    first = services.waitlist.call_next(berg, room_id=room.id, now=now)
    second = services.waitlist.call_next(berg, room_id=room.id, now=now)
    if reserved:  # hers: Herr Berg gets the walk-in only
        assert (first.visit.id, second) == (walk_in.id, None)
        assert services.waitlist.call_next(yilmaz, room_id=room.id, now=now).visit.id == booked.id
    else:  # free: the due appointment first, as the list orders it
        assert [r.id for r in listed.values()] == [booked.id, walk_in.id]
        assert (first.visit.id, second.visit.id) == (booked.id, walk_in.id)
        assert first.visit.called_by_staff_id == berg.staff_id


def test_call_this_one_needs_no_take_over_for_a_counsellor_absent_today(setup, head):
    """Herr Berg calls Frau Yilmaz's client out of order while she is away today: no "reserved
    for Frau Yilmaz - take over?", and no take-over in the audit (nobody's client was taken)."""
    from datetime import date

    services, mbe, room = setup
    yilmaz = _counsellor_account(services, "yilmaz", "Frau Yilmaz", mbe)
    berg = _counsellor_account(services, "berg", "Herr Berg", mbe)
    booked = _appointment_visit(services, head, mbe, yilmaz, 0)
    _absence_without_release(services, yilmaz.staff_id, date(2026, 11, 23), date(2026, 11, 23))
    assert services.waitlist.get(head, booked.id).assigned_staff_id is None
    called = services.waitlist.call(berg, booked.id, room_id=room.id, now=T0 + timedelta(minutes=1))
    assert (called.visit.status, called.visit.called_by_staff_id) == (VisitStatus.CALLED, berg.staff_id)
    with services.uow() as uow:
        assert uow.audit.query(entity_type="visit", entity_id=booked.id, action="visit.take_over") == []


def test_a_call_takes_who_waits_for_a_deactivated_counsellor_though_the_release_missed_them(setup, head):
    """Frau Yilmaz's account was deactivated while her client was being checked in: the database's
    own claim gives the person to Herr Berg (the statement decides, not a read before it), his list
    shows them as free; Frau Kaya, present, keeps her client."""
    services, mbe, room = setup
    yilmaz = _counsellor_account(services, "yilmaz", "Frau Yilmaz", mbe)
    kaya = _counsellor_account(services, "kaya", "Frau Kaya", mbe)
    berg = _counsellor_account(services, "berg", "Herr Berg", mbe)
    hers = _appointment_visit(services, head, mbe, yilmaz, 0)
    kayas = _appointment_visit(services, head, mbe, kaya, -10)  # due earlier: first in the list
    _deactivated_without_release(services, yilmaz.staff_id)
    assert _raw_reservation(services, hers.id) == yilmaz.staff_id

    now = T0 + timedelta(minutes=1)
    listed = {r.id: r.assigned_staff_id for r in services.waitlist.waiting_list(berg, now=now)}
    assert listed == {kayas.id: kaya.staff_id, hers.id: None}
    with services.uow(write=True) as uow:  # the conditional UPDATE itself, as call next runs it
        assert not uow.visits.claim(kayas.id, now=now, day=now.date(), staff_id=berg.staff_id,
                                    caller_name="Herr Berg", room_id=room.id)
        assert uow.visits.claim(hers.id, now=now, day=now.date(), staff_id=berg.staff_id,
                                caller_name="Herr Berg", room_id=room.id)
        # no commit: rolled back
    assert services.waitlist.call_next(berg, room_id=room.id, now=now).visit.id == hers.id
    assert services.waitlist.call_next(berg, room_id=room.id, now=now) is None  # Frau Kaya's stays hers
    assert services.waitlist.call_next(kaya, room_id=room.id, now=now).visit.id == kayas.id


def test_the_claim_decides_by_the_day_it_is_given(setup, head):
    """The claim's day is a parameter (the centre's date of the call): an absence covering that day
    frees the reservation, the same absence on another day does not."""
    from datetime import date

    services, mbe, room = setup
    yilmaz = _counsellor_account(services, "yilmaz", "Frau Yilmaz", mbe)
    berg = _counsellor_account(services, "berg", "Herr Berg", mbe)
    booked = _appointment_visit(services, head, mbe, yilmaz, 0)
    _absence_without_release(services, yilmaz.staff_id, date(2026, 11, 24), date(2026, 11, 24))
    for day, taken in ((date(2026, 11, 23), False), (date(2026, 11, 24), True)):
        with services.uow(write=True) as uow:  # rolled back after each try
            assert uow.visits.claim(booked.id, now=T0, day=day, staff_id=berg.staff_id, caller_name="Herr Berg",
                                    room_id=room.id) is taken
