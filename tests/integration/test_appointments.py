"""Client appointments on both engines: free slots, conflicts, versions, series, history, race."""

from __future__ import annotations

import dataclasses
import json
import multiprocessing
from datetime import UTC, date, datetime, time, timedelta

import pytest
from cli_head import said_by_desk_admin

from desk.domain.appointments import WorkingHourRow, local_moment
from desk.domain.errors import ConflictError, PermissionDeniedError, StaleError, ValidationError
from desk.domain.model import AppointmentStatus, Role
from desk.services.appointments import AppointmentChange, AppointmentRequest
from desk.services.clients import ClientInput
from desk.services.context import Actor

# A fixed Monday well in the future relative to NOW, so "free slots" are not in the past. NOW is
# also the services' clock (the `clock` fixture): a call without now= means the same on any day.
NOW = datetime(2030, 3, 1, 8, 0, tzinfo=UTC)
FIXED_NOW = NOW
MONDAY = date(2030, 3, 4)
pytestmark = pytest.mark.usefixtures("clock")


def at(day: date, hh: int, mm: int = 0) -> datetime:
    return local_moment(day, time(hh, mm))


def add_staff(services, username: str, name: str, role: Role = Role.COUNSELLOR) -> int:
    with services.uow(write=True) as uow:
        staff_id = uow.reference.add_staff(username=username, display_name=name, role=role, password_hash=None)
        uow.commit()
    return staff_id


@pytest.fixture
def setup(services, head):
    staff_id = add_staff(services, "mueller", "Frau Müller")
    other_id = add_staff(services, "yilmaz", "Herr Yılmaz")
    hours = [WorkingHourRow(d, time(9), time(12)) for d in range(5)] + [WorkingHourRow(0, time(13), time(16))]
    services.appointments.set_working_hours(head, staff_id, hours)
    services.appointments.set_working_hours(head, other_id, hours)
    client = services.clients.create(head, ClientInput(given_name="<b>Amal</b>", family_name="الحسن",
                                                       phone="0151 234567", language="ar"))
    service_id = services.reference.services(head)[0].id
    room_id = services.reference.rooms(head)[-1].id
    return {"staff": staff_id, "other": other_id, "client": client.id, "service": service_id, "room": room_id}


def request(setup, start: datetime, minutes: int = 45, **extra) -> AppointmentRequest:
    return AppointmentRequest(client_id=setup["client"], service_id=setup["service"], staff_id=setup["staff"],
                              starts_at=start, ends_at=start + timedelta(minutes=minutes),
                              room_id=setup["room"], **extra)


def test_book_stores_utc_and_lists_with_the_name_exactly(services, reception, setup):
    row = services.appointments.book(reception, request(setup, at(MONDAY, 9)), now=NOW)
    assert row.starts_at == datetime(2030, 3, 4, 8, 0, tzinfo=UTC)  # 09:00 Berlin in winter
    assert row.client_name == "الحسن, <b>Amal</b>"
    assert row.status is AppointmentStatus.BOOKED
    day = services.appointments.between(reception, MONDAY, staff_id=setup["staff"])
    assert [r.id for r in day] == [row.id]
    today = services.appointments.today(reception, now=at(MONDAY, 7))
    assert [r.client_name for r in today] == [row.client_name]


def test_reception_books_only_into_free_slots(services, reception, counsellor, setup):
    with pytest.raises(ConflictError) as outside:
        services.appointments.book(reception, request(setup, at(MONDAY, 12, 30)), now=NOW)
    assert "outside the working hours" in str(outside.value)
    assert outside.value.params["next_start"] == at(MONDAY, 13)
    # a counsellor may book outside the working hours (e.g. an evening appointment of her own)
    services.appointments.book(counsellor, request(setup, at(MONDAY, 17)), now=NOW)
    # absence: reception refused with the next free day, counsellor allowed
    services.appointments.add_absence(counsellor, setup["staff"], MONDAY + timedelta(days=1),
                                      MONDAY + timedelta(days=2), "Fortbildung")
    with pytest.raises(ConflictError) as absent:
        services.appointments.book(reception, request(setup, at(MONDAY + timedelta(days=1), 9)), now=NOW)
    assert "absent" in str(absent.value)
    assert absent.value.params["next_start"] == at(MONDAY + timedelta(days=3), 9)
    slots = services.appointments.free_slots(reception, setup["staff"], MONDAY + timedelta(days=1),
                                             timedelta(minutes=45), now=NOW)
    assert slots == []


def test_a_public_holiday_is_no_working_day(services, reception, counsellor, setup):
    """The centre is closed on the public holidays of Baden-Württemberg: reception's free slots,
    the next free slot and the booking saw only the weekday's working hours and offered Christmas
    and Easter Monday mornings like any other."""
    good_friday, easter_monday = date(2030, 4, 19), date(2030, 4, 22)
    assert services.appointments.free_slots(reception, setup["staff"], easter_monday, timedelta(minutes=45),
                                            now=NOW) == []
    with pytest.raises(ConflictError) as closed:
        services.appointments.book(reception, request(setup, at(easter_monday, 9)), now=NOW)
    assert "public holiday (Easter Monday)" in str(closed.value)  # the English of the logs
    assert closed.value.params["next_start"] == at(easter_monday + timedelta(days=1), 9)
    # the days and the holiday are values: desk-admin (and the window) writes them in the reader's
    # language (the holiday was German "Ostermontag" inside the English sentence)
    assert said_by_desk_admin(closed.value, "en") == (
        "2030-04-22 is a public holiday (Easter Monday): the centre is closed. Next free slot: 2030-04-23 09:00–09:45.")
    assert said_by_desk_admin(closed.value, "de") == (
        "Der 22.04.2030 ist ein Feiertag (Ostermontag): das Zentrum ist geschlossen. "
        "Nächste freie Zeit: 23.04.2030 09:00–09:45.")
    assert services.appointments.next_free(reception, setup["staff"], timedelta(minutes=45),
                                           at(good_friday, 8)) == at(easter_monday + timedelta(days=1), 9)
    # a counsellor may still give an appointment of her own on such a day (as outside her hours)
    services.appointments.book(counsellor, request(setup, at(easter_monday, 10)), now=NOW)


def test_overlap_refused_with_the_next_free_slot(services, reception, counsellor, setup):
    first = services.appointments.book(reception, request(setup, at(MONDAY, 9)), now=NOW)
    for actor in (reception, counsellor):
        with pytest.raises(ConflictError) as error:
            services.appointments.book(actor, request(setup, at(MONDAY, 9, 30)), now=NOW)
        message = str(error.value)
        assert "2030-03-04 09:00–09:45" in message  # the appointment in the way, by time
        assert "Amal" not in message  # ... not by the client's name
        assert error.value.params["next_start"] == at(MONDAY, 9, 45)
    # touching ends are fine (half-open intervals)
    second = services.appointments.book(reception, request(setup, at(MONDAY, 9, 45)), now=NOW)
    assert second.starts_at == first.ends_at
    slots = services.appointments.free_slots(reception, setup["staff"], MONDAY, timedelta(minutes=45), now=NOW)
    assert at(MONDAY, 9) not in slots and at(MONDAY, 10, 30) in slots and at(MONDAY, 13) in slots
    # another counsellor at the same time is fine
    services.appointments.book(reception, AppointmentRequest(
        client_id=setup["client"], service_id=setup["service"], staff_id=setup["other"],
        starts_at=at(MONDAY, 9), ends_at=at(MONDAY, 9, 45)), now=NOW)


def test_interpreter_never_double_booked(services, head, reception, setup):
    interpreter = services.appointments.save_interpreter(head, None, name="Olena", languages="uk, ru",
                                                         phone="0170 1")
    assert interpreter.languages == ("ru", "uk")
    services.appointments.book(reception, request(setup, at(MONDAY, 10), interpreter_id=interpreter.id,
                                                  interpreter_language="uk"), now=NOW)
    other = AppointmentRequest(client_id=setup["client"], service_id=setup["service"], staff_id=setup["other"],
                               starts_at=at(MONDAY, 10, 15), ends_at=at(MONDAY, 11),
                               interpreter_id=interpreter.id, interpreter_language="uk")
    with pytest.raises(ConflictError) as error:
        services.appointments.book(reception, other, now=NOW)
    assert "interpreter Olena is already booked" in str(error.value)
    assert error.value.params["next_start"] == at(MONDAY, 10, 45)
    with pytest.raises(ValidationError):
        services.appointments.book(reception, request(setup, at(MONDAY, 11), interpreter_id=interpreter.id,
                                                      interpreter_language="ar"), now=NOW)
    with pytest.raises(PermissionDeniedError):
        services.appointments.save_interpreter(reception, None, name="X", languages="ar")


def test_stale_edit_refused_and_reschedule(services, reception, setup):
    row = services.appointments.book(reception, request(setup, at(MONDAY, 9)), now=NOW)
    moved = services.appointments.change(reception, row.id, row.version, AppointmentChange(
        starts_at=at(MONDAY, 11), ends_at=at(MONDAY, 11, 45), staff_id=setup["staff"], room_id=setup["room"]),
        now=NOW)
    assert moved.version == row.version + 1 and moved.starts_at == at(MONDAY, 11)
    with pytest.raises(StaleError):
        services.appointments.change(reception, row.id, row.version, AppointmentChange(
            starts_at=at(MONDAY, 10), ends_at=at(MONDAY, 10, 45), staff_id=setup["staff"]), now=NOW)
    with pytest.raises(StaleError):
        services.appointments.cancel(reception, row.id, row.version, "Krank")
    # moving onto itself (same slot, other room) does not conflict with its old self
    services.appointments.change(reception, row.id, moved.version, AppointmentChange(
        starts_at=at(MONDAY, 11, 15), ends_at=at(MONDAY, 12), staff_id=setup["staff"]), now=NOW)


def test_cancel_with_reason_no_show_reminder_and_history(services, head, reception, counsellor, setup):
    row = services.appointments.book(reception, request(setup, at(MONDAY, 9)), now=NOW)
    with pytest.raises(ValidationError):
        services.appointments.cancel(reception, row.id, row.version, "   ")
    cancelled = services.appointments.cancel(reception, row.id, row.version, "<i>Krank</i> – مريض")
    assert cancelled.status is AppointmentStatus.CANCELLED and cancelled.cancel_reason == "<i>Krank</i> – مريض"
    # the cancelled slot is free again
    again = services.appointments.book(reception, request(setup, at(MONDAY, 9)), now=NOW)
    with pytest.raises(PermissionDeniedError):
        services.appointments.mark_no_show(reception, again.id, again.version, now=at(MONDAY, 10))
    with pytest.raises(ValidationError):
        services.appointments.mark_no_show(counsellor, again.id, again.version, now=at(MONDAY, 8))
    no_show = services.appointments.mark_no_show(counsellor, again.id, again.version, now=at(MONDAY, 10))
    assert no_show.status is AppointmentStatus.NO_SHOW
    # reminders: tomorrow's booked appointments with phone and language, tick
    tuesday = MONDAY + timedelta(days=1)
    booked = services.appointments.book(reception, request(setup, at(tuesday, 10)), now=NOW)
    reminders = services.appointments.reminders(reception, now=at(MONDAY, 15))
    assert [(r.appointment.id, r.phone, r.client_language) for r in reminders] == [(booked.id, "", "ar")]
    reminders = services.appointments.reminders(head, now=at(MONDAY, 15))  # the phone: full-card data
    assert [(r.appointment.id, r.phone, r.client_language) for r in reminders] == [(booked.id, "0151 234567", "ar")]
    ticked = services.appointments.set_reminded(reception, booked.id, True, now=at(MONDAY, 15))
    assert ticked.reminded_at == at(MONDAY, 15)
    assert services.appointments.reminders(reception, tuesday)[0].appointment.reminded_at == at(MONDAY, 15)
    history = services.appointments.history(reception, booked.id)
    assert [h.action for h in history] == ["appointment.reminded", "appointment.book"]
    assert all(h.actor_name == "Empfang (test)" for h in history)
    assert [h.action for h in services.appointments.history(reception, row.id)] == [
        "appointment.cancel", "appointment.book"]


def test_series_all_or_nothing(services, counsellor, reception, setup):
    # week 3 is blocked by an existing appointment: nothing of the series is booked
    blocker = services.appointments.book(reception, request(setup, at(MONDAY + timedelta(weeks=2), 9, 30)),
                                         now=NOW)
    with pytest.raises(ConflictError) as error:
        services.appointments.book_series(counsellor, request(setup, at(MONDAY, 9)), count=4, now=NOW)
    assert "2030-03-18" in str(error.value)
    assert len(services.appointments.between(reception, MONDAY, 28, staff_id=setup["staff"])) == 1
    services.appointments.cancel(reception, blocker.id, blocker.version, "verlegt")
    rows = services.appointments.book_series(counsellor, request(setup, at(MONDAY, 9)), count=4, now=NOW)
    assert len({r.series_id for r in rows}) == 1
    # every week at 09:00 Berlin, across the DST change of 31.03.2030
    assert [r.starts_at.astimezone(local_moment(MONDAY, time(9)).tzinfo) for r in rows]
    from desk.domain.tickets import BERLIN
    assert {r.starts_at.astimezone(BERLIN).time() for r in rows} == {time(9)}
    assert rows[-1].starts_at.utcoffset() == timedelta(0)
    assert services.appointments.cancel_series(counsellor, rows[0].series_id, "Maßnahme beendet",
                                               from_start=rows[2].starts_at) == 2
    ics = services.appointments.export_ics(reception, series_id=rows[0].series_id)
    assert ics.count(b"BEGIN:VEVENT") == 2 and b"Amal" not in ics
    with pytest.raises(PermissionDeniedError):
        services.appointments.book_series(reception, request(setup, at(MONDAY, 9)), count=2, now=NOW)


def test_a_no_show_marked_by_mistake_is_taken_back_and_the_client_checked_in(services, reception, counsellor,
                                                                             setup):
    """10:20: the counsellor marks the 10:00 appointment no-show; 10:25 the client arrives (the
    bus was late). Reception's check-in for the appointment was refused ('already closed') and
    nothing could take the no-show back. Now the counsellor takes it back; the check-in works."""
    from desk.services.checkin import CheckInRequest

    row = services.appointments.book(reception, request(setup, at(MONDAY, 10)), now=NOW)
    no_show = services.appointments.mark_no_show(counsellor, row.id, row.version, now=at(MONDAY, 10, 20))
    with pytest.raises(ConflictError):
        services.checkin.check_in(reception, CheckInRequest(service_id=setup["service"], client_id=setup["client"],
                                                            appointment_id=row.id), now=at(MONDAY, 10, 25))
    with pytest.raises(PermissionDeniedError):
        services.appointments.undo_no_show(reception, row.id, no_show.version)
    with pytest.raises(StaleError):
        services.appointments.undo_no_show(counsellor, row.id, row.version)  # an older version
    booked = services.appointments.undo_no_show(counsellor, row.id, no_show.version)
    assert booked.status is AppointmentStatus.BOOKED
    assert [h.action for h in services.appointments.history(counsellor, row.id)][:2] == [
        "appointment.no_show_undone", "appointment.no_show"]
    visit = services.checkin.check_in(reception, CheckInRequest(service_id=setup["service"],
                                                                client_id=setup["client"], appointment_id=row.id),
                                      now=at(MONDAY, 10, 25))
    assert visit.appointment_id == row.id
    # only a no-show can be taken back
    arrived = services.appointments.get(counsellor, row.id)
    with pytest.raises(ConflictError):
        services.appointments.undo_no_show(counsellor, row.id, arrived.version)


def test_series_skips_public_holidays_unless_asked(services, counsellor, reception, setup):
    """A weekly series over Easter Monday (computed, not written down): the counsellor's series
    leaves the holiday out by default (the centre is closed), books it only when asked to."""
    from dateutil.easter import easter

    from desk.domain.appointments import series_holidays, weekly_series
    from desk.domain.tickets import BERLIN

    easter_monday = easter(2030) + timedelta(days=1)
    weeks = (easter_monday - MONDAY).days // 7
    assert MONDAY + timedelta(weeks=weeks) == easter_monday
    first = request(setup, at(MONDAY, 9))
    spans = weekly_series(first.starts_at, first.ends_at, count=weeks + 2)
    # what the dialog shows, in its language
    assert series_holidays(spans, "de") == [(easter_monday, "Ostermontag")]
    assert series_holidays(spans, "en") == [(easter_monday, "Easter Monday")]

    rows = services.appointments.book_series(counsellor, first, count=weeks + 2, now=NOW)
    days = [r.starts_at.astimezone(BERLIN).date() for r in rows]
    assert easter_monday not in days and len(rows) == weeks + 1
    assert days[-1] == easter_monday + timedelta(weeks=1)
    history = services.appointments.history(counsellor, rows[0].id)
    assert json.loads(history[0].details)["skipped_holidays"] == [easter_monday.isoformat()]

    # on purpose (a client who can only come then): the holiday is booked as asked
    kept = services.appointments.book_series(counsellor, request(setup, at(MONDAY, 10)), count=weeks + 2,
                                             skip_holidays=False, now=NOW)
    assert easter_monday in [r.starts_at.astimezone(BERLIN).date() for r in kept]

    # a series of holidays only: nothing booked, a clear message
    before = len(services.appointments.between(reception, easter_monday, 1, staff_id=setup["other"]))
    with pytest.raises(ValidationError) as error:
        services.appointments.book_series(
            counsellor, dataclasses.replace(request(setup, at(easter_monday, 11)), staff_id=setup["other"]),
            count=1, now=NOW)
    assert "public holiday" in str(error.value)
    assert len(services.appointments.between(reception, easter_monday, 1, staff_id=setup["other"])) == before


@pytest.mark.parametrize(("start", "end", "fragment"), [
    (at(MONDAY, 10), at(MONDAY, 9), "before the start"),
    (at(MONDAY, 10), at(MONDAY, 10), "no length"),
    (at(MONDAY, 23), at(MONDAY, 23) + timedelta(hours=2), "after midnight"),
    (at(date(1999, 1, 4), 10), at(date(1999, 1, 4), 11), "too far in the past"),
    (at(date(2199, 1, 5), 10), at(date(2199, 1, 5), 11), "too far in the future"),
])
def test_bad_times_give_clear_messages(services, counsellor, setup, start, end, fragment):
    with pytest.raises(ValidationError) as error:
        services.appointments.book(counsellor, AppointmentRequest(
            client_id=setup["client"], service_id=setup["service"], staff_id=setup["staff"],
            starts_at=start, ends_at=end), now=NOW)
    assert fragment in str(error.value)


def test_dst_gap_time_refused():
    with pytest.raises(ValidationError) as error:
        local_moment(date(2030, 3, 31), time(2, 30))
    assert "does not exist" in str(error.value)


# --- the race: real processes booking the same counsellor at the same moment -------------------


def _race_worker(url: str, staff_id: int, service_id: int, starts: list[str], barrier, results) -> None:
    from desk.services.bootstrap import prepare_database
    from desk.services.desk import build_services

    services = build_services(prepare_database(url))
    actor = Actor(staff_id=None, name="race", role=Role.COUNSELLOR, workstation="race")
    barrier.wait()
    ok = conflicts = 0
    for text in starts:
        start = datetime.fromisoformat(text)
        try:
            services.appointments.book(actor, AppointmentRequest(
                client_id=None, service_id=service_id, staff_id=staff_id, starts_at=start,
                ends_at=start + timedelta(minutes=45)), now=NOW)
            ok += 1
        except ConflictError:
            conflicts += 1
    services.close()
    results.put((ok, conflicts))


@pytest.mark.parametrize("processes,per_process", [(4, 12)])
def test_booking_race_leaves_no_overlaps(services, db_url, head, setup, processes, per_process):
    context = multiprocessing.get_context("spawn")
    barrier = context.Barrier(processes)
    results = context.Queue()
    # every process tries the same overlapping starts (every 15 minutes, 45 minutes long)
    starts = [(at(MONDAY, 9) + timedelta(minutes=15 * i)).isoformat() for i in range(per_process)]
    workers = [context.Process(target=_race_worker,
                               args=(db_url, setup["staff"], setup["service"], starts[k % 3:] + starts[:k % 3],
                                     barrier, results))
               for k in range(processes)]
    for w in workers:
        w.start()
    outcomes = [results.get(timeout=120) for _ in workers]
    for w in workers:
        w.join(timeout=60)
        assert w.exitcode == 0
    assert sum(ok + conflicts for ok, conflicts in outcomes) == processes * per_process
    with services.uow() as uow:
        assert uow.appointments.overlapping_pairs() == 0
    booked = services.appointments.between(head, MONDAY, staff_id=setup["staff"])
    assert sum(ok for ok, _ in outcomes) == len(booked) >= 1


def test_admin_export_ics_and_check(services, db_url, head, reception, setup, tmp_path, capsys, cli_login):
    from desk.cli import main

    cli_login(services)

    services.appointments.book(reception, request(setup, at(MONDAY, 9)), now=NOW)
    out = tmp_path / "mueller.ics"
    assert main(["export-ics", "--database-url", db_url, "--staff", "mueller", "--from", MONDAY.isoformat(),
                 "--days", "7", "-o", str(out)]) == 0
    data = out.read_bytes()
    assert data.count(b"BEGIN:VEVENT") == 1 and b"DTSTART:20300304T080000Z" in data
    assert b"K-0000" in data and b"Amal" not in data
    assert main(["check-appointments", "--database-url", db_url]) == 0
    assert "overlapping appointment pairs: 0" in capsys.readouterr().out


def test_without_now_the_services_clock_decides(services, reception, counsellor, setup, clock) -> None:
    """No now= passed: every rule asks the services' clock (fixed at NOW, in 2030), never the day
    the test runs on — a wall clock would refuse 2034 as too far ahead and 09:00 as not yet begun."""
    far = services.appointments.book(reception, request(setup, at(date(2034, 3, 6), 9)))  # NOW + 4 years
    row = services.appointments.book(reception, request(setup, at(MONDAY, 9)))
    with pytest.raises(ValidationError, match="not started yet"):
        services.appointments.mark_no_show(counsellor, row.id, row.version)
    clock.set(at(MONDAY, 7))
    assert [r.id for r in services.appointments.today(reception, staff_id=setup["staff"])] == [row.id]
    clock.set(at(MONDAY, 10))
    assert services.appointments.mark_no_show(counsellor, row.id, row.version).status is AppointmentStatus.NO_SHOW
    with pytest.raises(ValidationError, match="too far in the past"):
        services.appointments.book(reception, request(setup, at(date(2027, 3, 2), 9)))  # ahead of the real day
    assert far.starts_at == at(date(2034, 3, 6), 9)
