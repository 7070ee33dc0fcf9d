"""Setting up the centre on both engines: services, rooms and each person's room (issue 18)."""

from __future__ import annotations

import json
from datetime import UTC, datetime, time, timedelta

import pytest

from desk.domain.errors import ConflictError, PermissionDeniedError, ValidationError
from desk.domain.model import Role, RoomKind, ServiceHours
from desk.services.accounts import NewAccount
from desk.services.checkin import CheckInRequest
from desk.services.setup import RoomInput, ServiceInput

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
FIXED_NOW = NOW  # the services' clock where a test asks for the `clock` fixture


def _service(services, head, code):
    return next(s for s in services.reference.services(head) if s.code == code)


def _input(service, **changes):
    values = {"name_de": service.name_de, "name_en": service.name_en, "ticket_prefix": service.ticket_prefix,
              "hours": service.hours, "active": service.active}
    values.update(changes)
    return ServiceInput(**values)


def _audit(services, action):
    with services.uow() as uow:
        return uow.audit.query(action=action)


def test_the_planned_service_is_switched_on_with_hours_and_takes_tickets(services, head):
    rpb = _service(services, head, "RPB")
    assert not rpb.active
    with pytest.raises(Exception, match="not available"):
        services.checkin.check_in(head, CheckInRequest(service_id=rpb.id), now=NOW)
    hours = (ServiceHours(1, time(14), time(16)),)
    changed = services.setup.change_service(head, rpb.id, _input(rpb, active=True, hours=hours))
    assert changed.active and changed.hours == hours
    # another workstation's reference cache is dropped on the "reference" topic; this one re-reads
    services.reference.invalidate()
    assert _service(services, head, "RPB").active
    visit = services.checkin.check_in(head, CheckInRequest(service_id=rpb.id), now=NOW)
    assert visit.ticket == "R-001"
    [event] = _audit(services, "service.change")
    details = json.loads(event.details)
    assert details["active"] == [False, True] and details["hours"] == [[], ["1:14:00-16:00"]]


def test_a_ticket_prefix_stays_unique(services, head):
    mbe = _service(services, head, "MBE")
    with pytest.raises(ConflictError, match="already used"):
        services.setup.change_service(head, mbe.id, _input(mbe, ticket_prefix="I"))
    with pytest.raises(ConflictError, match="already used"):
        services.setup.create_service(head, ServiceInput(name_de="Sprachkurs", ticket_prefix="k"))
    with pytest.raises(ValidationError, match="one letter"):
        services.setup.create_service(head, ServiceInput(name_de="Sprachkurs", ticket_prefix="7"))
    # the database constraint decides even when the check above is bypassed (two PCs at once)
    with services.uow(write=True) as uow, pytest.raises(ConflictError):
        uow.reference.update_service(mbe.id, name_de="x", name_en="x", ticket_prefix="I", active=True, hours=())
    created = services.setup.create_service(head, ServiceInput(name_de="Sprachkurs", ticket_prefix="s"))
    assert (created.code, created.ticket_prefix, created.name_en) == ("S", "S", "Sprachkurs")


def test_deactivating_keeps_history(services, head):
    kh = _service(services, head, "KH")
    visit = services.checkin.check_in(head, CheckInRequest(service_id=kh.id), now=NOW)
    services.setup.change_service(head, kh.id, _input(kh, active=False))
    assert services.waitlist.get(head, visit.id).service_id == kh.id
    services.reference.invalidate()  # what the "reference" live update does in every window
    assert any(s.id == kh.id and not s.active for s in services.reference.services(head))


def test_rooms_created_renamed_and_deactivated_with_audit(services, head):
    room = services.setup.create_room(head, RoomInput(name="Büro 5", kind=RoomKind.OFFICE, bookable=False,
                                                      display_label="Büro 5"))
    renamed = services.setup.change_room(head, room.id, RoomInput(
        name="Büro Perspektivberatung", kind=RoomKind.OFFICE, bookable=True, display_label="Büro 5"))
    assert (renamed.name, renamed.bookable, renamed.display_label) == ("Büro Perspektivberatung", True, "Büro 5")
    with pytest.raises(ConflictError, match="already exists"):
        services.setup.create_room(head, RoomInput(name="Teeküche", kind=RoomKind.KITCHEN))
    gone = services.setup.change_room(head, room.id, RoomInput(
        name="Büro Perspektivberatung", kind=RoomKind.OFFICE, bookable=True, display_label="Büro 5", active=False))
    assert not gone.active
    services.reference.invalidate()
    assert any(r.id == room.id and not r.active for r in services.reference.rooms(head))  # never deleted
    actions = [e.action for e in _audit(services, "room.create") + _audit(services, "room.change")]
    assert sorted(actions) == ["room.change", "room.change", "room.create"]


def test_a_room_name_too_long_for_the_display_asks_for_a_shorter_display_label(services, head):
    name = "Gruppen- und Besprechungsraum im Erdgeschoss, links neben der Teeküche"  # 70 characters
    with pytest.raises(ValidationError, match="Shown on the display as") as caught:
        services.setup.create_room(head, RoomInput(name=name, kind=RoomKind.GROUP))
    assert caught.value.params["max"] == 60
    services.reference.invalidate()
    assert name not in {r.name for r in services.reference.rooms(head)}  # nothing written
    room = services.setup.create_room(head, RoomInput(name=name, kind=RoomKind.GROUP,
                                                      display_label="Gruppenraum EG links"))
    assert (room.name, room.display_label) == (name, "Gruppenraum EG links")
    with pytest.raises(ValidationError, match="Shown on the display as"):  # a rename that drops the label
        services.setup.change_room(head, room.id, RoomInput(name=name, kind=RoomKind.GROUP))


def test_staff_services_and_room_set_by_the_head(services, head):
    rooms = {r.name: r for r in services.reference.rooms(head)}
    im = _service(services, head, "IM")
    account = services.accounts.create_account(head, NewAccount("weber", "Frau Weber", Role.COUNSELLOR,
                                                                "geheim-genug-123"))
    changed = services.accounts.change_account(head, account.id, account.version, service_ids={im.id},
                                               default_room_id=rooms["Büro Sozialbetreuung"].id)
    assert changed.service_ids == {im.id}
    assert changed.default_room_id == rooms["Büro Sozialbetreuung"].id
    # leaving the argument out keeps the room; None clears it
    kept = services.accounts.change_account(head, account.id, changed.version, display_name="Frau M. Weber")
    assert kept.default_room_id == rooms["Büro Sozialbetreuung"].id
    cleared = services.accounts.change_account(head, account.id, kept.version, default_room_id=None)
    assert cleared.default_room_id is None


def test_only_the_head_sets_up_the_centre(services, reception, counsellor):
    with pytest.raises(PermissionDeniedError):
        services.setup.create_room(counsellor, RoomInput(name="X", kind=RoomKind.OFFICE))
    with pytest.raises(PermissionDeniedError):
        services.setup.create_service(reception, ServiceInput(name_de="X", ticket_prefix="X"))


def test_desk_admin_sets_up_services_rooms_and_staff(services, db_url, head, capsys, cli_login):
    from desk.cli import main as admin

    cli_login(services)
    base = ["--database-url", db_url]
    assert admin(["service", "RPB", "--activate", "--hours", "Di 14:00-16:00", *base]) == 0
    assert admin(["service", "MBE", "--prefix", "I", *base]) == 1  # taken by Integrationsmanagement
    assert admin(["room", "Büro Rückkehrberatung", "--rename", "Büro Perspektivberatung", "--display", "Büro 4",
                  *base]) == 0
    assert admin(["room-add", "Beratungsraum 5", "--kind", "office", "--display", "Büro 5", *base]) == 0
    account = services.accounts.create_account(head, NewAccount("weber", "Frau Weber", Role.COUNSELLOR,
                                                                "geheim-genug-123"))
    assert admin(["staff", "weber", "--room", "Büro 5", "--services", "RPB", *base]) == 0
    capsys.readouterr()
    assert admin(["services", *base]) == 0
    listing = capsys.readouterr().out
    assert "RPB" in listing and "active" in listing and "Di 14:00-16:00" in listing
    services.reference.invalidate()
    rooms = {r.name: r for r in services.reference.rooms(head)}
    assert "Büro Perspektivberatung" in rooms and rooms["Beratungsraum 5"].display_label == "Büro 5"
    row = next(a for a in services.accounts.accounts(head) if a.id == account.id)
    assert row.default_room_id == rooms["Beratungsraum 5"].id
    assert row.service_ids == {_service(services, head, "RPB").id}


def _book_room(services, room_id: int, starts: datetime, *, cancelled: bool = False) -> None:
    from desk.storage.models import BookingOccurrence, RoomBooking

    with services.uow(write=True) as uow:
        booking = RoomBooking(room_id=room_id, title="Sprachcafé", organiser="Frau Organisatorin", starts_at=starts,
                              ends_at=starts + timedelta(hours=2), created_at=starts, updated_at=starts)
        uow.session.add(booking)
        uow.session.flush()
        uow.session.add(BookingOccurrence(booking_id=booking.id, room_id=room_id, original_start=starts,
                                          starts_at=starts, ends_at=starts + timedelta(hours=2), cancelled=cancelled))
        uow.commit()


def test_a_room_or_service_with_dates_ahead_is_not_switched_off(services, head, clock):
    """The head switches off a room whose language café is booked every week, or a service with
    booked appointments: the room's dates would vanish from the calendar while people still come,
    and a client booked with the service could not be checked in on the day. Refused, naming how
    many and the first date; once nothing lies ahead (past and cancelled dates do not count), it works."""
    from reception_helpers import add_appointment

    room = services.setup.create_room(head, RoomInput(name="Seminarraum", kind=RoomKind.GROUP, display_label="S"))
    for weeks in (1, 2):
        _book_room(services, room.id, NOW + timedelta(weeks=weeks))
    _book_room(services, room.id, NOW - timedelta(weeks=1))
    _book_room(services, room.id, NOW + timedelta(weeks=3), cancelled=True)
    for change in ({"active": False}, {"bookable": False}):
        data = RoomInput(name=room.name, kind=room.kind, display_label="S", **change)
        with pytest.raises(ConflictError, match=r"Seminarraum is still booked \(2 dates from now on, the first on "
                                                r"2026-11-30\)"):
            services.setup.change_room(head, room.id, data)
    assert services.setup.change_room(head, room.id, RoomInput(name="Seminarraum 1", kind=room.kind,
                                                               display_label="S")).name == "Seminarraum 1"
    clock.set(NOW + timedelta(weeks=3))
    assert not services.setup.change_room(head, room.id, RoomInput(name="Seminarraum 1", kind=room.kind,
                                                                   display_label="S", active=False)).active

    clock.set(NOW)
    mbe = _service(services, head, "MBE")
    add_appointment(services, client_id=None, service_id=mbe.id, starts_at=NOW + timedelta(days=10))
    add_appointment(services, client_id=None, service_id=mbe.id, starts_at=NOW + timedelta(days=3), status="cancelled")
    with pytest.raises(ConflictError, match=r"still has booked appointments \(1, the first on 2026-12-03\)"):
        services.setup.change_service(head, mbe.id, _input(mbe, active=False))
    assert services.setup.change_service(head, mbe.id, _input(mbe, name_de="MBE neu")).name_de == "MBE neu"
    clock.set(NOW + timedelta(days=11))
    assert not services.setup.change_service(head, mbe.id, _input(mbe, active=False)).active
