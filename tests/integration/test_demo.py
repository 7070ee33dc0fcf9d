"""The demo centre and the at-scale generator produce consistent data on both engines."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import select, text

from desk.domain.model import VisitStatus
from desk.services.checkin import CheckInRequest
from desk.services.clients import ClientInput
from desk.storage.models import Appointment
from desk.tools.demo import fill_demo_at_scale, fill_demo_centre

# Tuesday 14:05 in Berlin: open hours of KH, appointments later in the day
NOW = datetime(2026, 11, 24, 13, 5, tzinfo=UTC)


def _scalar(services, sql: str) -> int:
    with services.db.engine.connect() as connection:
        return int(connection.execute(text(sql)).scalar_one())


OVERLAPPING_APPOINTMENTS_BY_STAFF = """
SELECT count(*) FROM appointments a JOIN appointments b
  ON a.staff_id = b.staff_id AND a.id < b.id
 AND a.starts_at < b.ends_at AND b.starts_at < a.ends_at
WHERE a.status <> 'cancelled' AND b.status <> 'cancelled'
"""
OVERLAPPING_APPOINTMENTS_BY_ROOM = """
SELECT count(*) FROM appointments a JOIN appointments b
  ON a.room_id = b.room_id AND a.id < b.id
 AND a.starts_at < b.ends_at AND b.starts_at < a.ends_at
WHERE a.status <> 'cancelled' AND b.status <> 'cancelled'
"""
OVERLAPPING_OCCURRENCES = """
SELECT count(*) FROM booking_occurrences a JOIN booking_occurrences b
  ON a.room_id = b.room_id AND a.id < b.id
 AND a.starts_at < b.ends_at AND b.starts_at < a.ends_at
WHERE NOT a.cancelled AND NOT b.cancelled
"""


@pytest.fixture
def demo(services):
    counts = fill_demo_centre(services, now=NOW)
    return services, counts


def test_demo_centre_is_consistent(demo) -> None:
    services, counts = demo
    assert 300 <= counts["clients"] <= 600
    assert _scalar(services, "SELECT count(*) FROM staff") >= 8
    # the demo's accounts log in with one click: their password is no one-time password
    assert _scalar(services, "SELECT count(*) FROM staff WHERE password_one_time") == 0
    assert _scalar(services, OVERLAPPING_APPOINTMENTS_BY_STAFF) == 0
    assert _scalar(services, OVERLAPPING_APPOINTMENTS_BY_ROOM) == 0
    assert _scalar(services, OVERLAPPING_OCCURRENCES) == 0
    assert _scalar(services, "SELECT count(*) FROM clients WHERE search_key IS NULL OR search_key = ''") == 0
    # at most one open visit per client, ticket counters cover every ticket handed out
    assert _scalar(services, """
        SELECT count(*) FROM visits v JOIN ticket_counters t
          ON t.service_id = v.service_id AND t.day = v.ticket_day
        WHERE v.ticket_number > t.last_number""") == 0
    # scripts: Arabic, Cyrillic and Ge'ez names are there
    with services.db.engine.connect() as connection:
        names = [r[0] + " " + r[1] for r in connection.execute(text("SELECT given_name, family_name FROM clients"))]
    assert any("\u0600" <= ch <= "\u06ff" for name in names for ch in name)
    assert any("\u0400" <= ch <= "\u04ff" for name in names for ch in name)
    assert any("\u1200" <= ch <= "\u137f" for name in names for ch in name)
    # the language café: Tuesdays 17-19 Berlin time, none on a BW public holiday
    assert _scalar(services, """
        SELECT count(*) FROM booking_occurrences o JOIN room_bookings b ON b.id = o.booking_id
        WHERE b.title = 'Sprachcafé'""") > 10


def test_today_has_a_waiting_room(demo, reception) -> None:
    services, _ = demo
    today = services.checkin.today(reception, now=NOW)
    statuses = [v.status for v in today]
    assert statuses.count(VisitStatus.WAITING) >= 3
    assert VisitStatus.CALLED in statuses
    assert VisitStatus.IN_SESSION in statuses
    assert any(v.client_id is None for v in today)  # an anonymous ticket
    assert any(v.appointment_id is not None for v in today)  # an appointment client who arrived
    with services.db.engine.connect() as connection:
        starts = list(connection.execute(select(Appointment.starts_at).where(Appointment.status == "booked")).scalars())
    assert sum(1 for s in starts if s > NOW) > 10


def test_check_in_continues_the_demo_numbering(demo, reception) -> None:
    services, _ = demo
    before = {v.ticket for v in services.checkin.today(reception, now=NOW, open_only=False)}
    service = next(s for s in services.reference.services(reception) if s.code == "IM")
    visit = services.checkin.check_in(reception, CheckInRequest(service_id=service.id), now=NOW)
    assert visit.ticket not in before


def test_demo_is_deterministic(tmp_path) -> None:
    from desk.services.bootstrap import prepare_database
    from desk.services.desk import build_services
    from desk.storage.engine import sqlite_url

    snapshots = []
    for name in ("a", "b"):
        db = prepare_database(sqlite_url(tmp_path / f"{name}.sqlite"), backup_dir=tmp_path / "backups")
        built = build_services(db)
        try:
            fill_demo_centre(built, now=NOW, seed=7)
            with db.engine.connect() as connection:
                snapshots.append(connection.execute(text(
                    "SELECT given_name, family_name, residence_place FROM clients ORDER BY id")).all())
        finally:
            built.close()
    assert snapshots[0] == snapshots[1]


def test_at_scale_makes_the_requested_counts(services, head) -> None:
    counts = fill_demo_at_scale(services, years=2, clients=400, visits=3000, appointments=250, bookings=60,
                                now=NOW, batch=700)
    assert _scalar(services, "SELECT count(*) FROM clients") == 400 == counts["clients"]
    assert _scalar(services, "SELECT count(*) FROM visits") == 3000
    assert _scalar(services, "SELECT count(*) FROM appointments") == 250
    assert _scalar(services, "SELECT count(*) FROM room_bookings") == 60
    assert _scalar(services, "SELECT count(*) FROM booking_occurrences") >= 60
    assert _scalar(services, OVERLAPPING_APPOINTMENTS_BY_STAFF) == 0
    assert _scalar(services, OVERLAPPING_OCCURRENCES) == 0
    assert _scalar(services, "SELECT count(*) FROM clients WHERE search_key = ''") == 0
    assert _scalar(services, "SELECT count(*) FROM visits WHERE status IN ('waiting', 'called', 'in_session')") == 0
    # ids given explicitly: the sequences (PostgreSQL) must continue after them
    client = services.clients.create(head, ClientInput(given_name="Neu"))
    assert client.id > 400


def test_a_realistic_share_of_clients_gets_reminders_and_reception_sees_what_did_not_arrive(demo, head) -> None:
    """`desk --demo` shows the reminders: consent and contact for part of the clients (mostly SMS,
    in international form, some e-mail), the log of the reminders the day before, and at least one
    that failed for today or tomorrow, which the reminder list asks reception to phone."""
    import phonenumbers

    from desk.domain.reminders import SendStatus

    services, counts = demo
    contacts = counts["reminder_contacts"]
    with services.db.engine.connect() as connection:
        upcoming = {r[0] for r in connection.execute(text(
            "SELECT DISTINCT client_id FROM appointments WHERE status = 'booked'"))}
        rows = connection.execute(text(
            "SELECT client_id, sms_number, email, sms_consent_on, email_consent_on FROM reminder_contacts")).all()
    assert len(rows) == contacts
    assert 0.05 * counts["clients"] <= contacts <= 0.4 * counts["clients"]
    consenting_upcoming = sum(1 for r in rows if r.client_id in upcoming)
    assert 0.25 <= consenting_upcoming / len(upcoming) <= 0.7  # about four in ten with an appointment
    sms = [r for r in rows if r.sms_consent_on is not None]
    assert len(sms) > len(rows) / 2 and any(r.email_consent_on is not None for r in rows)
    for row in sms:
        number = phonenumbers.parse(row.sms_number)
        assert phonenumbers.is_valid_number(number) and phonenumbers.number_type(number) in (
            phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE)
    assert all((r.sms_consent_on is None) == (r.sms_number == "") for r in rows)
    assert all((r.email_consent_on is None) == (r.email == "") for r in rows)
    # the card shows the consent; the service reads it like any recorded by hand
    contact = services.reminders.contact(head, sms[0].client_id)
    assert contact is not None and str(contact.sms_consent_on) == str(sms[0].sms_consent_on)
    # switched on; a log of what went out; what did not arrive is listed for reception to phone
    assert services.reminders.schedule(head).enabled
    assert counts["reminder_sendings"] > 10
    problems = services.reminders.problems(head, now=NOW)
    assert problems and all(p.sending.status in (SendStatus.FAILED, SendStatus.UNKNOWN) for p in problems)


def test_on_a_friday_evening_the_demo_still_shows_a_reminder_to_phone(sqlite_services, head) -> None:
    """`desk --demo` started after the day's last reminders went out and before a weekend: the
    failed reminder is one of today's later appointments."""
    friday_evening = datetime(2026, 11, 27, 16, 30, tzinfo=UTC)  # 17:30 in Berlin
    fill_demo_centre(sqlite_services, now=friday_evening)
    problems = sqlite_services.reminders.problems(head, now=friday_evening)
    assert problems and problems[0].appointment_starts_at.date() == friday_evening.date()


def test_the_first_daily_purge_of_the_demo_erases_nobody(demo, head) -> None:
    """`desk --demo` runs the daily tasks after the login: the retention purge must find nothing
    to erase in a centre the demo just made (it is what a centre keeping its own rules looks like),
    or a third of the people a trainee looks up vanish a moment after the window opens."""
    services, counts = demo
    report = services.privacy.run_daily_purge(head, now=NOW)
    assert report is not None
    assert report.clients_deleted == 0
    assert report.audit_events_deleted == 0
    assert _scalar(services, "SELECT count(*) FROM clients") == counts["clients"]


def test_the_demo_display_names_rooms_as_a_call_at_a_workstation_does(demo, head) -> None:
    """The waiting-room display of `desk --demo` showed the morning's calls with the rooms' full
    names ("Büro Migrationsberatung") and the next call made in the window with the room's display
    label ("Büro 2"): one screen, two names for one door."""
    services, _ = demo
    labels = {room.display_label for room in services.reference.rooms(head)}
    calls = services.waitlist.display_calls(head, now=NOW)
    assert calls
    assert {call.room_label for call in calls} <= labels
