"""Actions tried again after a fault do the thing once (docs/RELIABILITY.md, "Tried again after a
fault"), on both engines.

The fault: the commit is saved, then the connection is lost before the acknowledgement reaches the
PC (tests/once_helpers.py). The person sees "the server is away" and tries again with
the same request key (the dialog made it once, when it opened): the retry returns what the first
attempt made - no phantom ticket, no clash of an appointment with itself, no duplicate person.
Two different intentions (two keys) still make two."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta

import pytest
from once_helpers import lost_acknowledgement
from reception_helpers import add_appointment
from sqlalchemy import func, select

from desk.domain.errors import ConflictError, DatabaseError, ValidationError
from desk.services.checkin import CheckInRequest
from desk.services.clients import ClientInput
from desk.services.once import new_request_key
from desk.storage.models import Visit

NOW = datetime(2026, 11, 25, 9, 30, tzinfo=UTC)  # a Wednesday, 10:30 in Balingen
FIXED_NOW = NOW
pytestmark = pytest.mark.usefixtures("clock")


def _service(services, head, code="MBE"):
    return next(s for s in services.reference.services(head) if s.code == code)


def _visits(services) -> int:
    with services.uow() as uow:
        return uow.session.scalar(select(func.count()).select_from(Visit))


def test_anonymous_ticket_tried_again_after_a_lost_acknowledgement_is_the_same_ticket(services, reception, head):
    request = CheckInRequest(service_id=_service(services, head).id, request_key=new_request_key())
    with lost_acknowledgement() as lost, pytest.raises(DatabaseError):
        services.checkin.check_in(reception, request)
    assert lost and _visits(services) == 1  # saved, but the desk was told the server is away

    again = services.checkin.check_in(reception, request)  # Enter tries again
    assert again.ticket == "M-001"
    assert _visits(services) == 1  # no phantom M-002 in the waiting list
    assert [v.ticket for v in services.checkin.today(reception)] == ["M-001"]

    nxt = services.checkin.check_in(reception, CheckInRequest(service_id=request.service_id,
                                                              request_key=new_request_key()))
    assert nxt.ticket == "M-002"  # the ticket counter is not set back by the retry's refused insert


def test_two_walk_ins_in_a_row_get_two_tickets(services, reception, head):
    mbe = _service(services, head).id
    first = services.checkin.check_in(reception, CheckInRequest(service_id=mbe, request_key=new_request_key()))
    second = services.checkin.check_in(reception, CheckInRequest(service_id=mbe, request_key=new_request_key()))
    third = services.checkin.check_in(reception, CheckInRequest(service_id=mbe))  # no key (desk-admin, bench)
    assert [first.ticket, second.ticket, third.ticket] == ["M-001", "M-002", "M-003"]
    assert _visits(services) == 3


def test_named_client_tried_again_gets_the_ticket_not_already_checked_in(services, reception, head):
    client = services.clients.create(reception, ClientInput(given_name="Muhammad", family_name="Alhasan"))
    request = CheckInRequest(service_id=_service(services, head).id, client_id=client.id,
                             request_key=new_request_key())
    with lost_acknowledgement(), pytest.raises(DatabaseError):
        services.checkin.check_in(reception, request)
    again = services.checkin.check_in(reception, request)
    assert (again.ticket, again.client_id) == ("M-001", client.id)
    assert _visits(services) == 1
    # another intention for the same person is still refused, saying where the first ticket stands
    with pytest.raises(ConflictError, match="already checked in: ticket M-001"):
        services.checkin.check_in(reception, CheckInRequest(service_id=request.service_id, client_id=client.id,
                                                            request_key=new_request_key()))


def test_appointment_check_in_tried_again_gets_the_ticket(services, reception, head):
    mbe = _service(services, head).id
    client = services.clients.create(reception, ClientInput(given_name="Olena", family_name="Kovalenko"))
    appointment = add_appointment(services, client_id=client.id, service_id=mbe, starts_at=NOW + timedelta(minutes=5))
    request = CheckInRequest(client_id=client.id, appointment_id=appointment, request_key=new_request_key())
    with lost_acknowledgement(), pytest.raises(DatabaseError):
        services.checkin.check_in(reception, request)
    again = services.checkin.check_in(reception, request)
    assert (again.ticket, again.appointment_id) == ("M-001", appointment)
    assert _visits(services) == 1


def test_a_key_that_is_no_key_is_refused_and_changes_nothing(services, reception, head):
    for bad in ("", "x" * 37, "schlüssel", "a\nb"):
        with pytest.raises(ValidationError):
            services.checkin.check_in(reception, CheckInRequest(service_id=_service(services, head).id,
                                                                request_key=bad))
    assert _visits(services) == 0


def _kiosk_service(services, head):
    """MBE with open consultation hours now (the kiosk gives tickets only within them)."""
    from datetime import time

    from desk.domain.tickets import BERLIN
    from desk.storage.models import ServiceHour

    service = _service(services, head)
    with services.uow(write=True) as uow:
        uow.session.add(ServiceHour(service_id=service.id, weekday=NOW.astimezone(BERLIN).weekday(),
                                    start_time=time(9), end_time=time(12)))
        uow.commit()
    services.reference.invalidate()
    return service


def test_kiosk_ticket_touched_again_after_a_lost_acknowledgement_is_the_same_ticket(services, head, reception):
    from desk.services.context import Actor

    mbe = _kiosk_service(services, head).id
    kiosk, key = Actor.kiosk(), new_request_key()
    with lost_acknowledgement(), pytest.raises(DatabaseError):
        services.kiosk.take_ticket(kiosk, mbe, "ti", request_key=key)
    again = services.kiosk.take_ticket(kiosk, mbe, "ti", request_key=key)
    assert (again.ticket, again.language, again.arrived_at) == ("M-001", "ti", NOW)
    [visit] = services.checkin.today(reception)
    assert visit.id == again.visit_id and visit.self_service
    # the next person at the kiosk (a new key) gets the next number
    assert services.kiosk.take_ticket(kiosk, mbe, "ar", request_key=new_request_key()).ticket == "M-002"


def test_kiosk_appointment_check_in_tried_again_gets_the_ticket_not_already(services, head, reception):
    from desk.domain.kiosk import KioskRefusedError
    from desk.services.context import Actor
    from desk.storage.models import Appointment

    mbe = _kiosk_service(services, head).id
    client = services.clients.create(reception, ClientInput(given_name="Amal", family_name="Haddad"))
    appointment = add_appointment(services, client_id=client.id, service_id=mbe, starts_at=NOW + timedelta(minutes=10))
    with services.uow(write=True) as uow:
        uow.session.get(Appointment, appointment).kiosk_code = "K7MA4T"
        uow.commit()
    kiosk, key = Actor.kiosk(), new_request_key()
    with lost_acknowledgement(), pytest.raises(DatabaseError):
        services.kiosk.check_in_appointment(kiosk, code="K7MA4T", request_key=key)
    again = services.kiosk.check_in_appointment(kiosk, code="K7MA4T", request_key=key)
    assert again.ticket == "M-001" and again.appointment_at == NOW + timedelta(minutes=10)
    assert _visits(services) == 1
    with pytest.raises(KioskRefusedError) as other:  # someone else typing the same code: refused as before
        services.kiosk.check_in_appointment(kiosk, code="K7MA4T", request_key=new_request_key())
    assert other.value.reason == "already"


# -- appointments, room bookings, new clients ----------------------------------------------------

def _counsellor_and_client(services, head):
    from desk.domain.model import Role

    with services.uow(write=True) as uow:
        staff_id = uow.reference.add_staff(username="mueller", display_name="Frau Müller", role=Role.COUNSELLOR,
                                           password_hash=None)
        uow.commit()
    client = services.clients.create(head, ClientInput(given_name="Amal", family_name="Haddad"))
    return staff_id, client.id


def _appointment_request(services, head, *, key: str | None):
    from desk.domain.tickets import BERLIN
    from desk.services.appointments import AppointmentRequest

    staff_id, client_id = _counsellor_and_client(services, head)
    start = datetime(2026, 11, 30, 9, 0, tzinfo=BERLIN)  # the Monday after NOW
    return AppointmentRequest(client_id=client_id, service_id=_service(services, head).id, staff_id=staff_id,
                              starts_at=start, ends_at=start + timedelta(minutes=45), request_key=key)


def _count(services, model) -> int:
    with services.uow() as uow:
        return uow.session.scalar(select(func.count()).select_from(model))


def test_appointment_saved_again_after_a_lost_acknowledgement_is_the_same_appointment(services, head, counsellor):
    from desk.storage.models import Appointment

    request = _appointment_request(services, head, key=new_request_key())
    with lost_acknowledgement(), pytest.raises(DatabaseError):
        services.appointments.book(counsellor, request)
    again = services.appointments.book(counsellor, request)  # not "Frau Müller is already booked"
    assert (again.starts_at, again.staff_id, again.client_id) == (request.starts_at, request.staff_id,
                                                                  request.client_id)
    assert _count(services, Appointment) == 1
    # another booking at the same time (a new dialog, a new key) is still refused: the counsellor is taken
    with pytest.raises(ConflictError):
        services.appointments.book(counsellor, dataclasses.replace(request, request_key=new_request_key()))
    assert _count(services, Appointment) == 1


def test_appointment_series_saved_again_is_the_same_series(services, head):
    from desk.storage.models import Appointment

    request = _appointment_request(services, head, key=new_request_key())
    with lost_acknowledgement(), pytest.raises(DatabaseError):
        services.appointments.book_series(head, request, count=4)
    again = services.appointments.book_series(head, request, count=4)
    assert len(again) == 4 and len({a.series_id for a in again}) == 1
    assert [a.starts_at for a in again] == sorted(a.starts_at for a in again)
    assert _count(services, Appointment) == 4


def test_room_booking_saved_again_after_a_lost_acknowledgement_is_the_same_booking(services, reception):
    from desk.domain.bookings import BookingDraft
    from desk.domain.model import RoomKind
    from desk.domain.recurrence import Frequency, RuleSpec
    from desk.domain.tickets import BERLIN
    from desk.storage.models import BookingOccurrence, RoomBooking

    group = next(r for r in services.reference.rooms(reception) if r.kind is RoomKind.GROUP and r.bookable)
    start = datetime(2027, 3, 2, 17, tzinfo=BERLIN)
    draft = BookingDraft(room_id=group.id, title="Sprachcafé", starts_at=start, ends_at=start + timedelta(hours=2),
                         rule=RuleSpec(Frequency.WEEKLY, count=3), with_kitchen=True, request_key=new_request_key())
    with lost_acknowledgement(), pytest.raises(DatabaseError):
        services.bookings.create(reception, draft)
    again = services.bookings.create(reception, draft)  # not "the group room is taken" by itself
    assert again.occurrences == 3 and again.linked_booking_id is not None and again.left_out == ()
    assert _count(services, RoomBooking) == 2  # the group room and its tea kitchen, once
    assert _count(services, BookingOccurrence) == 6
    with pytest.raises(ConflictError):  # another intention for the same evening: the room is taken
        services.bookings.create(reception, dataclasses.replace(draft, request_key=new_request_key()))


def test_new_client_saved_again_after_a_lost_acknowledgement_is_one_person(services, reception):
    from desk.storage.models import Client

    data = ClientInput(given_name="Muhammad", family_name="Alhasan", phone="0151 234567",
                       request_key=new_request_key())
    with lost_acknowledgement(), pytest.raises(DatabaseError):
        services.clients.create(reception, data)
    # the card looks for duplicates again before saving: its own first attempt is none of them
    assert services.clients.find_duplicates(reception, data) == []
    assert [h.given_name for h in services.clients.find_duplicates(
        reception, dataclasses.replace(data, request_key=new_request_key()))] == ["Muhammad"]
    again = services.clients.create(reception, data)
    assert _count(services, Client) == 1
    assert (again.given_name, again.family_name) == ("Muhammad", "Alhasan")
    assert [hit.id for hit in services.clients.search(reception, "moh alh")] == [again.id]
    # a namesake entered on purpose (a new card, a new key) is a second person, as before
    other = services.clients.create(reception, dataclasses.replace(data, request_key=new_request_key()))
    assert other.id != again.id and _count(services, Client) == 2


def test_an_absence_saved_again_after_a_lost_acknowledgement_is_one_absence(services, head):
    """The head enters Frau Müller's holiday, the server goes away at the commit, she presses Save
    again (the dialog stayed open, same key): one absence, not two lines of the same holiday."""
    from datetime import date

    from desk.storage.models import Absence

    staff_id, _ = _counsellor_and_client(services, head)
    key = new_request_key()
    holiday = (date(2026, 12, 21), date(2026, 12, 31), "Urlaub")
    with lost_acknowledgement(), pytest.raises(DatabaseError):
        services.appointments.add_absence(head, staff_id, *holiday, request_key=key)
    saved = services.appointments.add_absence(head, staff_id, *holiday, request_key=key)
    again = saved.absence
    assert (again.starts_on, again.ends_on, again.reason) == holiday
    assert saved.released_waiting is None  # what the first attempt released is not known to the retry
    assert _count(services, Absence) == 1
    assert [a.id for a in services.appointments.schedule(head, staff_id).absences] == [again.id]
    # another absence entered on purpose (a new dialog, a new key) is a second one, as before
    services.appointments.add_absence(head, staff_id, date(2027, 1, 4), date(2027, 1, 4), request_key=new_request_key())
    assert _count(services, Absence) == 2


def test_a_new_interpreter_saved_again_after_a_lost_acknowledgement_is_one_entry(services, head):
    from desk.storage.models import Interpreter

    key = new_request_key()
    values = dict(name="Farid Rahimi", languages="fa, prs", phone="0170 1234567")
    with lost_acknowledgement(), pytest.raises(DatabaseError):
        services.appointments.save_interpreter(head, None, **values, request_key=key)
    again = services.appointments.save_interpreter(head, None, **values, request_key=key)
    assert (again.name, again.languages) == ("Farid Rahimi", ("fa", "prs"))
    assert _count(services, Interpreter) == 1
    assert [i.id for i in services.appointments.interpreters(head)] == [again.id]
    # changing an entry is no create: no key needed, the row stays one
    services.appointments.save_interpreter(head, again.id, name="Farid Rahimi", languages="fa", active=False)
    assert _count(services, Interpreter) == 1


def test_a_hand_over_tried_again_after_a_lost_acknowledgement_gives_its_new_number(services, head, counsellor):
    """The counsellor hands a called person over to another service; the acknowledgement is
    lost; the hand-over tried again with the same key answers with the new number she must pass
    on (I-001), not "M-001 is handed over now" - and its undo puts the person back as before."""
    from desk.domain.model import VisitStatus

    client = services.clients.create(head, ClientInput(given_name="Amina", family_name="Haidari"))
    visit = services.checkin.check_in(head, CheckInRequest(service_id=_service(services, head).id,
                                                           client_id=client.id))
    room = next(r for r in services.reference.rooms(head) if r.kind.value == "office")
    services.waitlist.call(counsellor, visit.id, room_id=room.id)
    im, key = _service(services, head, "IM"), new_request_key()
    with lost_acknowledgement(), pytest.raises(DatabaseError):
        services.waitlist.hand_over(counsellor, visit.id, service_id=im.id, request_key=key)
    again = services.waitlist.hand_over(counsellor, visit.id, service_id=im.id, request_key=key)
    assert (again.visit.ticket, again.visit.handed_over_from_id) == ("I-001", visit.id)
    assert again.extra["old_visit"].status is VisitStatus.HANDED_OVER
    rows = services.checkin.today(head, open_only=False)
    assert sorted((r.ticket, r.status) for r in rows) == [("I-001", VisitStatus.WAITING),
                                                          ("M-001", VisitStatus.HANDED_OVER)]
    back = services.waitlist.undo(counsellor, again.undo)
    assert (back.status, back.room_id, back.finished_at) == (VisitStatus.CALLED, room.id, None)
    assert [r.ticket for r in services.checkin.today(head)] == ["M-001"]
    # without a key (an older caller) the retry is refused and says where the visit stands
    services.waitlist.hand_over(counsellor, visit.id, service_id=im.id)
    with pytest.raises(ConflictError, match="M-001 is handed_over now"):
        services.waitlist.hand_over(counsellor, visit.id, service_id=im.id)


def test_attaching_the_client_tried_again_shows_the_ticket_attached(services, reception, head):
    """Reception gives an anonymous ticket its client; the acknowledgement is lost; tried again it
    answers with the ticket as attached, not 'Ticket M-001 already belongs to a client'."""
    ticket = services.checkin.check_in(reception, CheckInRequest(service_id=_service(services, head).id))
    client = services.clients.create(reception, ClientInput(given_name="Amal", family_name="Haddad"))
    with lost_acknowledgement(), pytest.raises(DatabaseError):
        services.checkin.attach_client(reception, ticket.id, client.id)
    again = services.checkin.attach_client(reception, ticket.id, client.id)
    assert (again.id, again.ticket, again.client_id) == (ticket.id, "M-001", client.id)
    other = services.clients.create(reception, ClientInput(given_name="Olena", family_name="Kovalenko"))
    with pytest.raises(ConflictError, match="already belongs to a client"):  # someone else: refused as before
        services.checkin.attach_client(reception, ticket.id, other.id)


def test_a_new_account_saved_again_after_a_lost_acknowledgement_is_that_account(services, head):
    """The head's account dialog: Save again after the lost acknowledgement answers with the
    account made, not "The user name amira is taken"; a new dialog with the same name is refused."""
    from desk.domain.model import Role
    from desk.services.accounts import NewAccount

    account = NewAccount("amira", "Amira Haddad", Role.COUNSELLOR, "ein-langes-passwort-2026",
                         request_key=new_request_key())
    with lost_acknowledgement(), pytest.raises(DatabaseError):
        services.accounts.create_account(head, account)
    again = services.accounts.create_account(head, account)
    assert (again.username, again.display_name) == ("amira", "Amira Haddad")
    assert [a.username for a in services.accounts.accounts(head)].count("amira") == 1
    with pytest.raises(ConflictError, match="taken"):
        services.accounts.create_account(head, dataclasses.replace(account, request_key=new_request_key()))
