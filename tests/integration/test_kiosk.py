"""The self-service kiosk's service (issue 20) on both engines: anonymous tickets with the chosen
language and the self-service mark, appointment check-in by the slip's code or date of birth +
time, the rate limit held in the database (across kiosks and restarts), reception attaching the
client later without losing the place, the audit trail - and never a name in what the kiosk gets."""

from __future__ import annotations

import dataclasses
import json
from datetime import UTC, date, datetime, time, timedelta

import pytest
from reception_helpers import add_appointment, mark_called

from desk.domain.errors import ConflictError, PermissionDeniedError, ValidationError
from desk.domain.kiosk import MAX_FAILURES_PER_KIOSK, KioskRefusedError, format_code, new_code, normalise_code
from desk.domain.model import AppointmentStatus, VisitStatus
from desk.domain.tickets import BERLIN
from desk.services.checkin import CheckInRequest
from desk.services.clients import ClientInput
from desk.services.context import Actor
from desk.storage.models import Appointment, AuditEvent, ServiceHour

NOW = datetime(2026, 11, 25, 9, 30, tzinfo=UTC)  # 10:30 in Balingen
FIXED_NOW = NOW  # the services' clock (the `clock` fixture): a call without now= means the same on any day
pytestmark = pytest.mark.usefixtures("clock")


def _kiosk(name: str = "kiosk-1") -> Actor:
    return dataclasses.replace(Actor.kiosk(), workstation=name)


def _service(services, head, code="MBE"):
    """The service, with open consultation hours at NOW (the seed's MBE has none on Wednesdays:
    the kiosk gives tickets only within a service's hours)."""
    service = next(s for s in services.reference.services(head) if s.code == code)
    _add_hours(services, service.id, NOW.astimezone(BERLIN).weekday(), time(9), time(12))
    return service


def _add_hours(services, service_id: int, weekday: int, start: time, end: time) -> None:
    with services.uow(write=True) as uow:
        uow.session.add(ServiceHour(service_id=service_id, weekday=weekday, start_time=start, end_time=end))
        uow.commit()
    services.reference.invalidate()


def _set_code(services, appointment_id: int, code: str) -> None:
    with services.uow(write=True) as uow:
        uow.session.get(Appointment, appointment_id).kiosk_code = code
        uow.commit()


def _appointment(services, head, reception, *, code="K7MA4T", minutes_from_now=10, birth=date(1990, 3, 4)):
    mbe = _service(services, head)
    client = services.clients.create(reception, ClientInput(given_name="Muhammad", family_name="Alhasan",
                                                            language="ar", interpreter_needed=True,
                                                            date_of_birth=birth))
    appointment_id = add_appointment(services, client_id=client.id, service_id=mbe.id,
                                     starts_at=NOW + timedelta(minutes=minutes_from_now))
    _set_code(services, appointment_id, code)
    return client, appointment_id


def _audit(services) -> list[tuple[str, str, str]]:
    """(action, details, workstation) of every audit entry."""
    with services.uow() as uow:
        return [(e.action, e.details, e.workstation) for e in uow.session.query(AuditEvent).all()]


def _texts(value) -> str:
    return json.dumps(dataclasses.asdict(value), default=str)


def test_an_anonymous_ticket_carries_the_language_and_the_self_service_mark(services, head, reception):
    mbe = _service(services, head)
    kiosk = _kiosk()
    offers = services.kiosk.offers(kiosk, now=NOW)
    assert [o.code for o in offers] == [s.code for s in services.reference.services(head) if s.active]
    ticket = services.kiosk.take_ticket(kiosk, mbe.id, "ti", now=NOW)
    assert ticket.ticket == "M-001" and ticket.language == "ti" and ticket.estimate.ahead == 0
    [visit] = services.checkin.today(reception, now=NOW)
    assert visit.self_service and visit.client_id is None and visit.interpreter_language == "ti"
    assert visit.status is VisitStatus.WAITING
    # German needs no interpreter; the next ticket sees one ahead
    second = services.kiosk.take_ticket(_kiosk("kiosk-2"), mbe.id, "de", now=NOW + timedelta(minutes=1))
    assert second.ticket == "M-002" and second.estimate.ahead == 1
    assert services.checkin.today(reception, now=NOW)[1].interpreter_language == ""
    # the display calls it with the chosen language (so the waiting room hears Tigrinya too)
    room = next(r for r in services.reference.rooms(head) if r.kind.value == "office")
    services.waitlist.call(head, ticket.visit_id, room_id=room.id, now=NOW + timedelta(minutes=2))
    [call] = services.waitlist.display_calls(Actor.display(), now=NOW + timedelta(minutes=2))
    assert call.ticket == "M-001" and call.language == "ti"
    events = [e for e in _audit(services) if e[0] == "visit.check_in"]
    assert [json.loads(e[1])["self_service"] for e in events] == [True, True]
    assert {e[2] for e in events} == {"kiosk-1", "kiosk-2"}


def test_the_estimate_is_the_waiting_lists_own(services, head, reception):
    mbe = _service(services, head)
    first = services.checkin.check_in(reception, CheckInRequest(service_id=mbe.id), now=NOW - timedelta(minutes=40))
    second = services.checkin.check_in(reception, CheckInRequest(service_id=mbe.id), now=NOW - timedelta(minutes=35))
    services.checkin.check_in(reception, CheckInRequest(service_id=mbe.id), now=NOW - timedelta(minutes=30))
    mark_called(services, first.id, NOW - timedelta(minutes=30))
    mark_called(services, second.id, NOW - timedelta(minutes=20))
    ticket = services.kiosk.take_ticket(_kiosk(), mbe.id, "ar", now=NOW)
    desk_estimate = services.checkin.estimated_wait(reception, mbe.id, now=NOW)
    # the desk asks before the ticket exists; the kiosk's ticket has the same people ahead of it
    assert ticket.estimate.minutes is not None
    assert ticket.estimate.ahead == desk_estimate.ahead - 1
    assert ticket.estimate.per_ticket_minutes == desk_estimate.per_ticket_minutes


def test_the_appointment_check_in_by_code_is_reception_s_check_in(services, head, reception):
    client, appointment_id = _appointment(services, head, reception)
    ticket = services.kiosk.check_in_appointment(_kiosk(), code="k7m-a4t", language="ar", now=NOW)
    assert ticket.ticket == "M-001" and ticket.appointment_at == NOW + timedelta(minutes=10)
    assert "Alhasan" not in _texts(ticket) and "Muhammad" not in _texts(ticket)
    [visit] = services.checkin.today(reception, now=NOW)
    assert visit.client_id == client.id and visit.appointment_id == appointment_id and visit.self_service
    assert visit.interpreter_language == "ar"  # the client needs an interpreter
    [appointment] = services.checkin.todays_appointments(reception, now=NOW)
    assert appointment.status is AppointmentStatus.ARRIVED
    with pytest.raises(KioskRefusedError) as again:
        services.kiosk.check_in_appointment(_kiosk(), code="K7MA4T", now=NOW)
    assert again.value.reason == "already"


def test_the_appointment_check_in_by_date_of_birth_and_time(services, head, reception):
    client, _ = _appointment(services, head, reception, minutes_from_now=30)  # 11:00 in Balingen
    with pytest.raises(KioskRefusedError) as wrong_time:
        services.kiosk.check_in_appointment(_kiosk(), birth_date=date(1990, 3, 4), at=time(10, 0), now=NOW)
    assert wrong_time.value.reason == "not_found"
    ticket = services.kiosk.check_in_appointment(_kiosk(), birth_date=date(1990, 3, 4), at=time(11, 0),
                                                 language="ar", now=NOW)
    assert ticket.ticket == "M-001"
    with pytest.raises(ValidationError):
        services.kiosk.check_in_appointment(_kiosk(), birth_date=date(1990, 3, 4), now=NOW)


def test_an_appointment_of_a_counsellor_who_left_is_reserved_for_nobody_as_at_the_desk(services, head, reception):
    """Frau Yilmaz left (the head deactivated her account) and her appointment of today was not
    moved yet: the person checking in at the kiosk waits on the service's list, where a colleague's
    call next takes them, not reserved for an account nobody logs into (docs/WAITING.md)."""
    from desk.domain.model import Role

    client, appointment_id = _appointment(services, head, reception)
    mbe = _service(services, head)
    yilmaz, berg = _yilmaz_with_colleague_berg(services, mbe.id, appointment_id)
    account = next(a for a in services.accounts.accounts(head) if a.id == yilmaz)
    services.accounts.change_account(head, yilmaz, account.version, active=False)

    services.kiosk.check_in_appointment(_kiosk(), code="K7MA4T", language="ar", now=NOW)
    [visit] = services.checkin.today(reception, now=NOW)
    assert visit.appointment_id == appointment_id and visit.assigned_staff_id is None
    colleague = Actor(staff_id=berg, name="Herr Berg", role=Role.COUNSELLOR, workstation="berg",
                      service_ids=frozenset({mbe.id}))
    room = next(r for r in services.reference.rooms(head) if r.kind.value == "office")
    assert services.waitlist.call_next(colleague, room_id=room.id, now=NOW).visit.id == visit.id


# (first day, last day) of the counsellor's absence, and whether the kiosk's visit is reserved for
# her. NOW is Wednesday 25 November, 10:30 in Balingen.
KIOSK_ABSENCES = {
    "only today": ((25, 25), False),
    "a week around today": ((23, 29), False),
    "ended yesterday": ((18, 24), True),
    "starts tomorrow": ((26, 27), True),
}


@pytest.mark.parametrize(("days", "reserved"), KIOSK_ABSENCES.values(), ids=KIOSK_ABSENCES.keys())
@pytest.mark.parametrize("by", ["code", "birth"])
def test_an_appointment_of_a_counsellor_absent_today_is_reserved_for_nobody_as_at_the_desk(
        services, head, reception, days, reserved, by):
    """Frau Yilmaz is ill today (an absence; her account active): the person checking in at the
    kiosk for her appointment waits on the service's list, where a colleague's call next takes
    them; an absence that ended yesterday or starts tomorrow reserves as before (docs/WAITING.md)."""
    from desk.domain.model import Role

    client, appointment_id = _appointment(services, head, reception, minutes_from_now=30)  # 11:00 in Balingen
    mbe = _service(services, head)
    yilmaz, berg = _yilmaz_with_colleague_berg(services, mbe.id, appointment_id)
    services.appointments.add_absence(head, yilmaz, date(2026, 11, days[0]), date(2026, 11, days[1]), "krank")

    if by == "code":
        services.kiosk.check_in_appointment(_kiosk(), code="K7MA4T", language="ar", now=NOW)
    else:
        services.kiosk.check_in_appointment(_kiosk(), birth_date=date(1990, 3, 4), at=time(11, 0), now=NOW)
    [visit] = services.checkin.today(reception, now=NOW)
    assert visit.appointment_id == appointment_id
    assert visit.assigned_staff_id == (yilmaz if reserved else None)
    colleague = Actor(staff_id=berg, name="Herr Berg", role=Role.COUNSELLOR, workstation="berg",
                      service_ids=frozenset({mbe.id}))
    room = next(r for r in services.reference.rooms(head) if r.kind.value == "office")
    taken = services.waitlist.call_next(colleague, room_id=room.id, now=NOW)
    assert (taken is None) if reserved else (taken.visit.id == visit.id)


def test_cancelled_tomorrows_and_ambiguous_appointments_are_refused(services, head, reception):
    _, cancelled = _appointment(services, head, reception, code="AAAAAA")
    with services.uow(write=True) as uow:
        uow.session.get(Appointment, cancelled).status = "cancelled"
        uow.commit()
    _appointment(services, head, reception, code="CCCCCC", minutes_from_now=24 * 60)
    for code, reason in (("AAAAAA", "not_found"), ("CCCCCC", "not_found")):
        with pytest.raises(KioskRefusedError) as refused:
            services.kiosk.check_in_appointment(_kiosk(f"k-{code}"), code=code, now=NOW)
        assert refused.value.reason == reason
    _appointment(services, head, reception, code="DDDDDD", minutes_from_now=20, birth=date(1980, 1, 1))
    _appointment(services, head, reception, code="EEEEEE", minutes_from_now=20, birth=date(1980, 1, 1))
    with pytest.raises(KioskRefusedError) as both:
        services.kiosk.check_in_appointment(_kiosk("k3"), birth_date=date(1980, 1, 1), at=time(10, 50), now=NOW)
    assert both.value.reason == "ambiguous"
    _appointment(services, head, reception, code="FFFFFF", minutes_from_now=5 * 60)
    with pytest.raises(KioskRefusedError) as early:
        services.kiosk.check_in_appointment(_kiosk("k4"), code="FFFFFF", now=NOW)
    assert early.value.reason == "early"


def test_code_attempts_are_limited_in_the_database_per_kiosk_and_for_all(services, head, reception):
    _appointment(services, head, reception, code="K7MA4T")
    kiosk = _kiosk("entrance")
    for n in range(MAX_FAILURES_PER_KIOSK):
        with pytest.raises(KioskRefusedError) as wrong:
            services.kiosk.check_in_appointment(kiosk, code=f"WRONG{n}", now=NOW + timedelta(seconds=n))
        assert wrong.value.reason == "not_found"
    # the right code does not help now: the kiosk waits (a restart of the program neither: the
    # count is in the database) ...
    with pytest.raises(KioskRefusedError) as locked:
        services.kiosk.check_in_appointment(kiosk, code="K7MA4T", now=NOW + timedelta(seconds=10))
    assert locked.value.reason == "wait" and 0 < locked.value.wait_seconds <= 600
    # ... another kiosk may still try, and after the window this one may again
    assert services.kiosk.check_in_appointment(_kiosk("second"), code="K7MA4T", now=NOW + timedelta(seconds=11))
    with pytest.raises(KioskRefusedError) as later:
        services.kiosk.check_in_appointment(kiosk, code="WRONG9", now=NOW + timedelta(minutes=11))
    assert later.value.reason == "not_found"
    # many kiosks together do not multiply the guesses
    for n in range(20):
        try:
            services.kiosk.check_in_appointment(_kiosk(f"k{n % 4}"), code="XXXXXX", now=NOW + timedelta(minutes=12))
        except KioskRefusedError as refused:
            last = refused
    assert last.reason == "wait"
    actions = [e[0] for e in _audit(services)]
    details = " ".join(e[1] for e in _audit(services))
    assert actions.count("kiosk.code_failed") >= MAX_FAILURES_PER_KIOSK + 1 and "kiosk.code_refused" in actions
    assert "WRONG" not in details and "XXXXXX" not in details  # no typed code in the log


def test_reception_attaches_the_client_later_and_the_place_stays(services, head, reception):
    mbe = _service(services, head)
    ticket = services.kiosk.take_ticket(_kiosk(), mbe.id, "fa", now=NOW)
    services.checkin.check_in(reception, CheckInRequest(service_id=mbe.id), now=NOW + timedelta(minutes=2))
    client = services.clients.create(reception, ClientInput(given_name="Zahra", family_name="Ahmadi"))
    row = services.checkin.attach_client(reception, ticket.visit_id, client.id, now=NOW + timedelta(minutes=5))
    assert row.client_id == client.id and row.ticket == ticket.ticket and row.arrived_at == NOW
    assert row.self_service and row.client_name == "Ahmadi, Zahra"
    order = [v.ticket for v in services.waitlist.waiting_list(reception, now=NOW + timedelta(minutes=5))]
    assert order.index("M-001") < order.index("M-002")
    # the same again (a retry after a lost acknowledgement): the ticket as attached; another person: refused
    assert services.checkin.attach_client(reception, ticket.visit_id, client.id, now=NOW).id == row.id
    namesake = services.clients.create(reception, ClientInput(given_name="Zahra", family_name="Ahmadi"))
    with pytest.raises(ConflictError, match="already belongs to a client"):
        services.checkin.attach_client(reception, ticket.visit_id, namesake.id, now=NOW)
    other = services.kiosk.take_ticket(_kiosk(), mbe.id, "fa", now=NOW + timedelta(minutes=6))
    with pytest.raises(ConflictError, match="already checked in"):  # one open visit per person
        services.checkin.attach_client(reception, other.visit_id, client.id, now=NOW)


def test_a_service_that_is_no_longer_offered_is_refused_in_the_kiosks_words(services, head):
    rpb = next(s for s in services.reference.services(head) if s.code == "RPB")  # planned, not active
    assert rpb.id not in [o.id for o in services.kiosk.offers(_kiosk(), now=NOW)]
    with pytest.raises(KioskRefusedError) as refused:
        services.kiosk.take_ticket(_kiosk(), rpb.id, "de", now=NOW)
    assert refused.value.reason == "unavailable"


def test_only_services_in_their_consultation_hours_give_tickets(services, head, reception):
    """A person at the kiosk at 10:30 on a Wednesday: the service whose hours are on Tuesdays is
    shown closed with its next hours and gives no ticket (waiting in vain); the service open now
    gives one, and so does one whose hours begin within half an hour (the queue before nine); a
    service without hours is not limited (as at reception)."""
    from dateutil.easter import easter

    from desk.domain.hours import KIOSK_EARLY

    by_code = {s.code: s for s in services.reference.services(head)}
    assert [(h.weekday, h.start, h.end) for h in by_code["KH"].hours] == [(1, time(9), time(12))]  # the seed
    offers = {o.code: o for o in services.kiosk.offers(_kiosk(), now=NOW)}
    im, kh = offers["IM"], offers["KH"]  # IM: Mon, Wed 09-12, Thu 14-16
    assert im.open and im.hours.starts_at == datetime(2026, 11, 25, 9, 0, tzinfo=BERLIN)
    assert im.hours.ends_at == datetime(2026, 11, 25, 12, 0, tzinfo=BERLIN)
    assert not kh.open and kh.hours.starts_at == datetime(2026, 12, 1, 9, 0, tzinfo=BERLIN)  # next Tuesday
    with pytest.raises(KioskRefusedError) as refused:
        services.kiosk.take_ticket(_kiosk(), kh.id, "ar", now=NOW)
    assert refused.value.reason == "unavailable"
    assert services.checkin.today(reception, now=NOW) == []  # nothing was issued
    assert services.kiosk.take_ticket(_kiosk(), im.id, "ar", now=NOW).ticket == "I-001"

    # after the hours: closed, the next hours are tomorrow's (Thursday 14:00)
    after = NOW + timedelta(hours=2)  # 12:30
    im_later = next(o for o in services.kiosk.offers(_kiosk(), now=after) if o.code == "IM")
    assert not im_later.open and im_later.hours.starts_at == datetime(2026, 11, 26, 14, 0, tzinfo=BERLIN)
    with pytest.raises(KioskRefusedError):
        services.kiosk.take_ticket(_kiosk(), im.id, "de", now=after)
    # half an hour before the next hours: tickets again (people queue before the door opens)
    soon = datetime(2026, 11, 26, 14, 0, tzinfo=BERLIN) - KIOSK_EARLY
    assert next(o for o in services.kiosk.offers(_kiosk(), now=soon) if o.code == "IM").open
    assert services.kiosk.take_ticket(_kiosk(), im.id, "de", now=soon).ticket == "I-001"

    # a public holiday (computed: Easter Monday) has no consultation hours: the next are Wednesday's
    easter_monday = easter(2027) + timedelta(days=1)
    morning = datetime.combine(easter_monday, time(10), tzinfo=BERLIN)
    im_holiday = next(o for o in services.kiosk.offers(_kiosk(), now=morning) if o.code == "IM")
    assert not im_holiday.open
    assert im_holiday.hours.starts_at == datetime.combine(easter_monday + timedelta(days=2), time(9), tzinfo=BERLIN)

    # without any hours: offered at any time
    with services.uow(write=True) as uow:
        uow.session.query(ServiceHour).filter(ServiceHour.service_id == kh.id).delete()
        uow.commit()
    unlimited = next(o for o in services.kiosk.offers(_kiosk(), now=NOW) if o.code == "KH")
    assert unlimited.open and unlimited.hours is None
    assert services.kiosk.take_ticket(_kiosk(), kh.id, "de", now=NOW).ticket == "K-001"


def test_the_kiosk_role_may_do_nothing_else(services, head, reception):
    kiosk = _kiosk()
    for call in (lambda: services.reference.services(kiosk), lambda: services.checkin.today(kiosk),
                 lambda: services.clients.search(kiosk, "a"),
                 lambda: services.checkin.check_in(kiosk, CheckInRequest(service_id=1)),
                 lambda: services.kiosk.save_language(kiosk, "xx", {})):
        with pytest.raises(PermissionDeniedError):
            call()


def test_the_head_adds_a_language_without_code(services, head):
    from desk.domain.kiosk import TEXT_KEYS

    data = {"name": "Kurmancî", "direction": "ltr", "texts": {k: f"ku {k}" for k in TEXT_KEYS},
            "services": {"mbe": "Şêwirdarî ji bo koçberan."}}
    services.kiosk.save_language(head, "KU", data)
    assert services.kiosk.languages(_kiosk())["ku"]["services"]["MBE"] == "Şêwirdarî ji bo koçberan."
    with pytest.raises(ValidationError, match="lacks"):
        services.kiosk.save_language(head, "ku", {**data, "texts": {"start": "x"}})
    services.kiosk.remove_language(head, "ku")
    assert services.kiosk.languages(_kiosk()) == {}


def test_codes_are_read_forgivingly():
    assert normalise_code(" k7m-a4t ") == "K7MA4T"
    assert normalise_code("K7MA0T") == "K7MADT"  # a zero is read as the D it resembles
    assert format_code("K7MA4T") == "K7M-A4T"
    assert len({new_code() for _ in range(200)}) > 190


def test_the_head_adds_a_kiosk_language_with_desk_admin(sqlite_services, sqlite_db_url, cli_login, tmp_path, capsys):
    from desk.cli import main as admin
    from desk.domain.kiosk import TEXT_KEYS

    cli_login(sqlite_services)
    data = {"name": "Soomaali", "texts": {k: f"so {k}" for k in TEXT_KEYS}, "services": {"MBE": "La-talin."}}
    path = tmp_path / "so.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert admin(["kiosk-language", "--database-url", sqlite_db_url, "add", "so", str(path)]) == 0
    assert admin(["kiosk-languages", "--database-url", sqlite_db_url]) == 0
    assert "so     Soomaali" in capsys.readouterr().out
    assert sqlite_services.kiosk.languages(_kiosk())["so"]["services"] == {"MBE": "La-talin."}
    path.write_text(json.dumps({"name": "Soomaali", "texts": {}}), encoding="utf-8")
    assert admin(["kiosk-language", "--database-url", sqlite_db_url, "add", "so", str(path)]) != 0
    assert admin(["kiosk-language", "--database-url", sqlite_db_url, "remove", "so"]) == 0
    assert sqlite_services.kiosk.languages(_kiosk()) == {}


def test_without_now_the_services_clock_decides(services, head, reception, clock):
    """No now= passed: the ticket's day, the appointment found by its code and the lock-out's time
    are the services' clock's (NOW, in the past), never the day the test runs on."""
    mbe = _service(services, head)
    _appointment(services, head, reception)  # 10 minutes after NOW
    ticket = services.kiosk.check_in_appointment(_kiosk(), code="K7MA4T", language="ar")
    assert ticket.ticket == "M-001" and ticket.appointment_at == NOW + timedelta(minutes=10)
    assert services.kiosk.take_ticket(_kiosk(), mbe.id, "de").ticket == "M-002"
    assert [v.arrived_at for v in services.checkin.today(reception, now=NOW)] == [NOW, NOW]
    clock.advance(timedelta(days=1))
    assert services.kiosk.take_ticket(_kiosk(), mbe.id, "de").ticket == "M-001"


def _yilmaz_with_colleague_berg(services, service_id: int, appointment_id: int) -> tuple[int, int]:
    """Two counsellors of the service; the appointment is Frau Yilmaz's. Their staff ids."""
    from desk.domain.model import Role

    with services.uow(write=True) as uow:
        yilmaz, berg = (uow.reference.add_staff(username=u, display_name=n, role=Role.COUNSELLOR, password_hash=None,
                                                service_ids={service_id})
                        for u, n in (("yilmaz", "Frau Yilmaz"), ("berg", "Herr Berg")))
        uow.session.get(Appointment, appointment_id).staff_id = yilmaz
        uow.commit()
    return yilmaz, berg
