"""Reads scoped to the role (issue 14): reception gets the reception card, counsellors the full
card of their services' clients only, appointment notes only for the counsellors of that service
and the head; searches by client number are audited; list reads are bounded."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from test_appointments import MONDAY, NOW, at, request, setup  # noqa: F401 - setup is a fixture

from desk.domain.errors import ValidationError
from desk.domain.model import Role, StatusGroup
from desk.services.appointments import AppointmentChange
from desk.services.auditlog import AuditFilter
from desk.services.checkin import CheckInRequest
from desk.services.clients import ClientInput
from desk.services.context import Actor

CONSENT = date(2025, 1, 15)


@pytest.fixture
def people(services, head):
    first, second = services.reference.services(head)[:2]
    a = Actor(staff_id=None, name="Beratung A", role=Role.COUNSELLOR, service_ids=frozenset({first.id}))
    b = Actor(staff_id=None, name="Beratung B", role=Role.COUNSELLOR, service_ids=frozenset({second.id}))
    return {"a": a, "b": b, "first": first.id, "second": second.id}


def _client(services, head, name: str):
    return services.clients.create(head, ClientInput(given_name=name, family_name="Test", phone="0151 234567",
                                                     status_group=StatusGroup.RECOGNISED,
                                                     consent_date=CONSENT))


def test_reception_gets_the_reception_card_counsellors_their_clients_full_card(services, head, reception,
                                                                               people) -> None:
    served = _client(services, head, "Served")
    other = _client(services, head, "Other")
    services.checkin.check_in(reception, CheckInRequest(service_id=people["first"], client_id=served.id))

    card = services.clients.card(reception, served.id)
    assert (card.full, card.phone, card.status_group, card.consent_date) == (False, "", StatusGroup.UNKNOWN, None)
    assert card.given_name == "Served"  # the reception card itself
    assert services.clients.card(people["a"], served.id).phone == "0151 234567"  # a visit with A's service
    assert not services.clients.card(people["b"], served.id).full  # not B's client
    assert not services.clients.card(people["a"], other.id).full  # nobody's client yet
    assert services.clients.card(head, other.id).phone == "0151 234567"
    # reception saving the reception card leaves the fields it does not see as they were
    saved = services.clients.update(reception, served.id, card.version,
                                    ClientInput(given_name="Served", family_name="Neu", phone=""))
    assert not saved.full and saved.family_name == "Neu"
    full = services.clients.card(head, served.id)
    assert (full.phone, full.status_group, full.consent_date) == ("0151 234567", StatusGroup.RECOGNISED,
                                                                  CONSENT)
    # ... and the audit says which card was read
    reads = services.audit_log.query(head, AuditFilter(client_id=served.id, action="client.read"))
    assert any("reception" in r.details for r in reads) and any("reception" not in r.details for r in reads)


def test_handed_over_clients_show_in_full_to_the_new_service(services, head, reception, people) -> None:
    client = _client(services, head, "Handed")
    visit = services.checkin.check_in(reception, CheckInRequest(service_id=people["first"], client_id=client.id))
    assert not services.clients.card(people["b"], client.id).full
    services.waitlist.hand_over(people["a"], visit.id, service_id=people["second"])
    assert services.clients.card(people["b"], client.id).full


def test_appointment_notes_only_for_that_service_and_the_head(services, head, reception, people, setup) -> None:  # noqa: F811
    staff_service = setup["service"]
    mine = Actor(staff_id=None, name="Beratung", role=Role.COUNSELLOR, service_ids=frozenset({staff_service}))
    others = Actor(staff_id=None, name="Andere", role=Role.COUNSELLOR,
                   service_ids=frozenset({people["second"] if people["second"] != staff_service else people["first"]}))
    row = services.appointments.book(mine, request(setup, at(MONDAY, 9), note="Abschiebung droht"), now=NOW)
    assert row.note == "Abschiebung droht"
    for actor, expected in ((reception, ""), (others, ""), (mine, "Abschiebung droht"), (head, "Abschiebung droht")):
        assert services.appointments.get(actor, row.id).note == expected, actor.name
        assert [r.note for r in services.appointments.between(actor, MONDAY, 7)] == [expected], actor.name
    # reception moves the appointment: the note it never saw stays
    moved = services.appointments.change(reception, row.id, row.version, AppointmentChange(
        staff_id=setup["staff"], starts_at=at(MONDAY, 10), ends_at=at(MONDAY, 10) + timedelta(minutes=45),
        room_id=setup["room"], note=""), now=NOW)
    assert moved.note == ""
    assert services.appointments.get(head, row.id).note == "Abschiebung droht"


def test_list_reads_are_bounded(services, reception) -> None:
    services.appointments.between(reception, MONDAY, 31)
    with pytest.raises(ValidationError):
        services.appointments.between(reception, MONDAY, 3650)


def test_searches_by_client_number_are_audited(services, head, reception) -> None:
    client = _client(services, head, "Numbered")
    hits = services.clients.search(reception, f"K{client.id:05d}")
    assert [h.id for h in hits] == [client.id]
    (row,) = services.audit_log.query(head, AuditFilter(action="client.search_number"))
    assert row.client_id == client.id and row.actor_name == reception.name


# -- merge and the ICS export follow the same table (role x own/other service) -------------------

# (reader, the client / appointment belongs to the reader's service) for every role that may call
READERS = [("reception", False), ("counsellor", False), ("counsellor", True), ("head", False)]


def _reader(kind: str, own: bool, services, head, reception, service_id: int, other_id: int) -> Actor:
    if kind == "head":
        return head
    if kind == "reception":
        return reception
    return Actor(staff_id=None, name=f"Beratung {'own' if own else 'other'}", role=Role.COUNSELLOR,
                 service_ids=frozenset({service_id if own else other_id}))


@pytest.mark.parametrize(("kind", "own"), READERS)
def test_the_merge_result_is_the_card_the_reader_may_see(services, head, reception, people, kind, own) -> None:
    from desk.domain.errors import PermissionDeniedError
    from desk.domain.permissions import full_card

    reader = _reader(kind, own, services, head, reception, people["first"], people["second"])
    keep = _client(services, head, "Keep")
    absorb = _client(services, head, "Absorb")
    services.checkin.check_in(reception, CheckInRequest(service_id=people["first"], client_id=absorb.id))
    if kind == "reception":  # reception may not merge at all
        with pytest.raises(PermissionDeniedError):
            services.clients.merge(reader, keep.id, absorb.id)
        return
    result = services.clients.merge(reader, keep.id, absorb.id)
    expected_full = full_card(reader.role, own)
    assert result.keep.full is expected_full
    assert result.keep.phone == ("0151 234567" if expected_full else "")
    assert result.keep.status_group is (StatusGroup.RECOGNISED if expected_full else StatusGroup.UNKNOWN)
    assert result.keep.consent_date == (CONSENT if expected_full else None)
    assert result.keep.given_name == "Keep"


@pytest.mark.parametrize(("kind", "own"), READERS)
def test_the_ics_export_carries_only_the_notes_the_reader_may_see(services, head, reception, people, setup,  # noqa: F811
                                                                   kind, own) -> None:
    from desk.domain.permissions import appointment_note_visible

    other = people["second"] if people["second"] != setup["service"] else people["first"]
    reader = _reader(kind, own, services, head, reception, setup["service"], other)
    rows = services.appointments.book_series(head, request(setup, at(MONDAY, 9), note="Abschiebung droht"),
                                             count=2, now=NOW)
    expected = appointment_note_visible(reader.role, own)
    for which in ({"staff_id": setup["staff"], "first_day": MONDAY, "days": 14}, {"series_id": rows[0].series_id}):
        data = services.appointments.export_ics(reader, include_notes=True, **which).decode()
        assert data.count("BEGIN:VEVENT") == 2
        assert ("Abschiebung droht" in data) is expected, (kind, own, which)
        # without include_notes no note for anyone (a calendar file travels further than the desk)
        assert "Abschiebung" not in services.appointments.export_ics(reader, **which).decode()


def test_the_ics_export_is_bounded(services, reception, setup) -> None:  # noqa: F811
    services.appointments.export_ics(reception, staff_id=setup["staff"], first_day=MONDAY, days=92)
    with pytest.raises(ValidationError):
        services.appointments.export_ics(reception, staff_id=setup["staff"], first_day=MONDAY, days=3650)


@pytest.mark.parametrize(("kind", "own"), READERS)
def test_the_reminder_list_carries_the_phone_only_with_the_full_card(services, head, reception, people, setup,  # noqa: F811
                                                                     kind, own) -> None:
    from desk.domain.permissions import full_card

    other = people["second"] if people["second"] != setup["service"] else people["first"]
    reader = _reader(kind, own, services, head, reception, setup["service"], other)
    booked = services.appointments.book(head, request(setup, at(MONDAY, 9)), now=NOW)
    (row,) = services.appointments.reminders(reader, MONDAY)
    assert row.appointment.id == booked.id and row.client_language == "ar"
    assert row.phone == ("0151 234567" if full_card(reader.role, own) else "")


# -- every read that hands out appointments or the phone follows the same rules ---------------------

@pytest.mark.parametrize(("kind", "own"), READERS)
def test_todays_appointments_at_reception_and_the_reminder_list_carry_only_visible_notes(
        services, head, reception, people, setup, kind, own) -> None:  # noqa: F811
    """The reception view's list of today's appointments and tomorrow's reminder list handed the
    counsellor's note to everyone (the calendar's reads did not): reception read 'Abschiebung
    droht' by calling the service the Empfang view calls."""
    from desk.domain.permissions import appointment_note_visible

    other = people["second"] if people["second"] != setup["service"] else people["first"]
    reader = _reader(kind, own, services, head, reception, setup["service"], other)
    booked = services.appointments.book(head, request(setup, at(MONDAY, 9), note="Abschiebung droht"), now=NOW)
    expected = "Abschiebung droht" if appointment_note_visible(reader.role, own) else ""
    (reminder,) = services.appointments.reminders(reader, MONDAY)
    assert (reminder.appointment.id, reminder.appointment.note) == (booked.id, expected)
    (today,) = services.checkin.todays_appointments(reader, now=at(MONDAY, 8))
    assert (today.id, today.note) == (booked.id, expected)
    (reloaded,), _absent = services.checkin.appointments_and_absent_today(reader, now=at(MONDAY, 8))  # the view's
    assert (reloaded.id, reloaded.note) == (booked.id, expected)
    assert services.appointments.get(head, booked.id).note == "Abschiebung droht"  # kept, only not shown


@pytest.mark.parametrize(("kind", "own"), READERS)
def test_the_reminder_contact_only_with_the_full_card(services, head, reception, people, kind, own) -> None:
    """The mobile number and e-mail address for reminders are full-card data: a counsellor of
    another service got them (and could change them) through the card's Reminders button."""
    from desk.domain.errors import PermissionDeniedError
    from desk.domain.permissions import full_card

    reader = _reader(kind, own, services, head, reception, people["first"], people["second"])
    client = _client(services, head, "Reminded")
    services.checkin.check_in(reception, CheckInRequest(service_id=people["first"], client_id=client.id))
    saved = services.reminders.save_contact(head, client.id, None, sms_number="0171 1234567", email="a@example.org",
                                            sms_consent=True, email_consent=True)

    def save():
        return services.reminders.save_contact(reader, client.id, saved.version, sms_number="0171 7654321",
                                               email="", sms_consent=False, email_consent=False)

    if full_card(reader.role, own):
        assert services.reminders.contact(reader, client.id).sms_number == "+491711234567"
        assert save().sms_number == "+491717654321"
        return
    with pytest.raises(PermissionDeniedError):
        services.reminders.contact(reader, client.id)
    with pytest.raises(PermissionDeniedError):
        save()
    kept = services.reminders.contact(head, client.id)
    assert (kept.sms_number, kept.email, kept.version) == ("+491711234567", "a@example.org", saved.version)


@pytest.mark.parametrize(("kind", "own"), READERS)
def test_part_of_a_phone_number_finds_only_clients_whose_phone_the_reader_may_see(
        services, head, reception, people, kind, own) -> None:
    """The phone is full-card data, yet four digits of it found the client for anyone: reception
    could spell out a client's number digit by digit (0151 -> 01512 -> ...). The whole number
    (as the person says it, in either form) still finds the person for everyone."""
    from desk.domain.permissions import full_card

    reader = _reader(kind, own, services, head, reception, people["first"], people["second"])
    client = _client(services, head, "Phoned")  # 0151 234567
    services.checkin.check_in(reception, CheckInRequest(service_id=people["first"], client_id=client.id))
    for whole in ("0151 234567", "0151/234567", "+49 151 234567", "0049151234567"):
        assert [h.id for h in services.clients.search(reader, whole)] == [client.id], whole
    visible = full_card(reader.role, own)
    for part in ("0151", "0151 23", "234567", "151 2345"):
        assert [h.id for h in services.clients.search(reader, part)] == ([client.id] if visible else []), part
