"""Appointment reminders on both engines, against a local server speaking seven.io's SMS API:
consent, templates, exactly-once sending (also from several processes), retry with back-off,
cancelled and moved appointments, the log, erasure, the no-show figures, `desk-admin`."""

from __future__ import annotations

import dataclasses
import multiprocessing
import time as time_module
from datetime import UTC, date, datetime, time, timedelta

import pytest
from reminder_helpers import API_KEY, SevenStub, write_config

from desk.domain.appointments import local_moment
from desk.domain.errors import PermissionDeniedError, ValidationError
from desk.domain.model import AppointmentStatus, Role
from desk.domain.reminders import FSI, PDI, ReminderSchedule, SendStatus, Template
from desk.services.appointments import AppointmentChange, AppointmentRequest
from desk.services.clients import ClientInput
from desk.services.context import Actor
from desk.services.reminder_channels import load_channel_config

NOW = datetime(2030, 3, 1, 8, 0, tzinfo=UTC)
FIXED_NOW = NOW  # the services' clock (the `clock` fixture): a call without now= means the same on any day
TUESDAY = date(2030, 3, 5)
pytestmark = pytest.mark.usefixtures("clock")
DAY_BEFORE_10 = local_moment(date(2030, 3, 4), time(10, 0)).astimezone(UTC)


@pytest.fixture
def seven(monkeypatch):
    monkeypatch.setenv("DESK_TEST_SMS_KEY", API_KEY)
    stub = SevenStub().start()
    yield stub
    stub.stop()


@pytest.fixture
def world(services, head, counsellor, seven, tmp_path, monkeypatch):
    config = write_config(tmp_path / "desk.toml", sms_url=seven.base_url, timeout=1.0)
    monkeypatch.setenv("DESK_CONFIG", str(config))
    services.reminders.save_schedule(head, ReminderSchedule(enabled=True, day_before=True, hours_before=2))
    with services.uow(write=True) as uow:
        staff_id = uow.reference.add_staff(username="mueller", display_name="Frau Müller", role=Role.COUNSELLOR,
                                           password_hash=None)
        uow.commit()
    client = services.clients.create(head, ClientInput(given_name="Amal", family_name="Alhasan",
                                                       phone="0151 23456789", language="ar"))
    services.reminders.save_contact(head, client.id, None, sms_number="0151 23456789", email="",
                                    sms_consent=True, email_consent=False, today=date(2030, 3, 1))
    service_id = services.reference.services(head)[0].id

    def book(start: datetime, client_id: int | None = None):
        return services.appointments.book(counsellor, AppointmentRequest(
            client_id=client_id or client.id, service_id=service_id, staff_id=staff_id, starts_at=start,
            ends_at=start + timedelta(minutes=45)), now=NOW)

    return {"client": client.id, "book": book, "staff": staff_id, "service": service_id}


def sendings(services, appointment_id):
    return services.reminders.log(Actor.system(), appointment_id)


def test_sms_goes_out_once_in_the_clients_language_and_is_logged(services, head, reception, world, seven):
    appointment = world["book"](local_moment(TUESDAY, time(9, 30)))
    # before 10:00 the day before: nothing is due
    report = services.reminders.run_due(head, now=DAY_BEFORE_10 - timedelta(minutes=1))
    assert report.planned == 0 and seven.received == []
    report = services.reminders.run_due(head, now=DAY_BEFORE_10)
    assert (report.planned, report.sent) == (1, 1)
    [message] = seven.received
    assert message["to"] == "+4915123456789"
    assert message["from"] == "Termin"
    text = message["text"]
    assert text.startswith("تذكير")  # Arabic template
    assert f"{FSI}9:30 ص{PDI}" in text  # the time, isolated inside the right-to-left sentence
    assert "T-" in text and "Müller" not in text and "Beratung" not in text  # no topic, no counsellor
    # again, and later: never a second time
    for minutes in (0, 1, 60):
        services.reminders.run_due(head, now=DAY_BEFORE_10 + timedelta(minutes=minutes))
    assert len(seven.received) == 1
    [row] = sendings(services, appointment.id)
    assert (row.status, row.channel.value, row.slot.value, row.attempts) == (SendStatus.SENT, "sms", "day_before", 1)
    assert row.provider_id.startswith("7722") and row.sent_at == DAY_BEFORE_10
    assert not hasattr(row, "text")  # the log never keeps the message
    assert services.appointments.get(reception, appointment.id).reminded_at == DAY_BEFORE_10
    # two hours before: the second reminder of the schedule
    services.reminders.run_due(head, now=local_moment(TUESDAY, time(7, 30)))
    assert len(seven.received) == 2
    assert services.reminders.log(reception, appointment.id)[0].slot.value == "hours_before"


def test_without_consent_nothing_is_sent(services, head, counsellor, world, seven):
    other = services.clients.create(head, ClientInput(given_name="Olena", family_name="K", language="uk"))
    services.reminders.save_contact(head, other.id, None, sms_number="0176 1234567", email="",
                                    sms_consent=False, email_consent=False)
    world["book"](local_moment(TUESDAY, time(11)), client_id=other.id)
    report = services.reminders.run_due(head, now=DAY_BEFORE_10)
    assert report.planned == 0 and seven.received == []


def test_withdrawn_consent_stops_a_pending_reminder(services, head, counsellor, world, seven):
    appointment = world["book"](local_moment(TUESDAY, time(9, 30)))
    seven.mode = "ratelimit"
    services.reminders.run_due(head, now=DAY_BEFORE_10)
    contact = services.reminders.contact(head, world["client"])
    withdrawn = services.reminders.save_contact(head, world["client"], contact.version,
                                                sms_number="0151 23456789", email="", sms_consent=False,
                                                email_consent=False)
    assert withdrawn.sms_consent_on is None
    seven.mode = "ok"
    services.reminders.run_due(head, now=DAY_BEFORE_10 + timedelta(minutes=30))
    assert seven.received == []
    assert sendings(services, appointment.id)[0].status is SendStatus.OBSOLETE


def test_retry_with_back_off_then_sent(services, head, world, seven):
    appointment = world["book"](local_moment(TUESDAY, time(9, 30)))
    seven.mode = "ratelimit"  # HTTP 429 with Retry-After: 120
    report = services.reminders.run_due(head, now=DAY_BEFORE_10)
    assert report.retry == 1
    [row] = sendings(services, appointment.id)
    assert row.status is SendStatus.RETRY and "rate limit" in row.error
    seven.mode = "ok"
    services.reminders.run_due(head, now=DAY_BEFORE_10 + timedelta(seconds=90))  # still waiting
    assert seven.received == []
    services.reminders.run_due(head, now=DAY_BEFORE_10 + timedelta(seconds=121))
    [row] = sendings(services, appointment.id)
    assert (row.status, row.attempts, len(seven.received)) == (SendStatus.SENT, 2, 1)


def test_temporary_failures_give_up_after_the_attempts(services, head, world, seven):
    appointment = world["book"](local_moment(TUESDAY, time(9, 30)))
    seven.mode = "ratelimit"
    moment = DAY_BEFORE_10
    for _ in range(6):
        services.reminders.run_due(head, now=moment)
        moment += timedelta(hours=2)
    [row] = sendings(services, appointment.id)
    assert row.status is SendStatus.FAILED and row.attempts == 5 and "rate limit" in row.error
    problems = services.reminders.problems(Actor.system(), TUESDAY, 1)
    assert [p.sending.id for p in problems] == [row.id] and problems[0].phone == "0151 23456789"
    reception = Actor(staff_id=None, name="Empfang", role=Role.RECEPTION, workstation="test")
    assert services.reminders.problems(reception, TUESDAY, 1)[0].phone == ""  # full-card data


def test_timeout_after_the_request_is_unknown_and_never_resent(services, head, world, seven):
    appointment = world["book"](local_moment(TUESDAY, time(9, 30)))
    seven.mode, seven.delay = "slow", 2.5  # the adapter waits 1 s for the answer
    services.reminders.run_due(head, now=DAY_BEFORE_10)
    seven.mode = "ok"
    services.reminders.run_due(head, now=DAY_BEFORE_10 + timedelta(hours=1))
    [row] = sendings(services, appointment.id)
    assert row.status is SendStatus.UNKNOWN and row.attempts == 1 and "timeout" in row.error
    deadline = time_module.monotonic() + 10
    while not seven.received and time_module.monotonic() < deadline:  # the stub is still sleeping
        time_module.sleep(0.05)
    assert len(seven.received) == 1  # the slow server did take it: one SMS, not two
    assert [p.sending.id for p in services.reminders.problems(Actor.system(), TUESDAY, 1)] == [row.id]


def test_provider_down_is_temporary(services, head, world, seven):
    appointment = world["book"](local_moment(TUESDAY, time(9, 30)))
    seven.stop()
    services.reminders.run_due(head, now=DAY_BEFORE_10)
    [row] = sendings(services, appointment.id)
    assert row.status is SendStatus.RETRY and "not reachable" in row.error


def test_rejected_number_fails_and_is_listed_for_reception(services, head, reception, world, seven):
    appointment = world["book"](local_moment(TUESDAY, time(9, 30)))
    seven.mode = "reject"
    report = services.reminders.run_due(head, now=DAY_BEFORE_10)
    assert report.failed == 1
    [problem] = services.reminders.problems(reception, TUESDAY, 1)
    assert problem.sending.appointment_id == appointment.id and "rejected" in problem.sending.error
    assert problem.client_name == "Alhasan, Amal"
    # the list shows names (and, to some, phones): recorded like the other lists of clients
    import json

    from desk.domain.audit import LIST_READ
    from desk.services.auditlog import AuditFilter

    reads = services.audit_log.query(head, AuditFilter(action=LIST_READ, client_id=world["client"]))
    assert [(r.actor_name, json.loads(r.details)["list"]) for r in reads] == [(reception.name, "reminder_problems")]


def test_a_reminder_no_workstation_ran_for_is_listed_to_phone(services, head, reception, counsellor, world, seven):
    """Every window of a reminder closed while no desk ran (no PC on the day before, reception
    starts at 08:45): it was never planned, and nobody learnt that the client got nothing. Now
    it is planned as failed, so reception phones; not for an appointment booked after the windows
    closed (the client was just told), nor when another reminder of it went out."""
    missed = world["book"](local_moment(TUESDAY, time(9, 0)))  # windows: Mon 10:00-Tue 07:00, 07:00-08:30
    later = world["book"](local_moment(TUESDAY, time(12, 0)))  # the day before: until Tue 10:00
    report = services.reminders.run_due(head, now=local_moment(TUESDAY, time(8, 45)))  # the first PC today
    assert report.sent == 1 and len(seven.received) == 1  # the 12:00 one still in its window
    [row] = sendings(services, missed.id)
    assert (row.status, row.slot.value, row.attempts) == (SendStatus.FAILED, "hours_before", 0)
    assert "no workstation ran" in row.error
    booked_now = services.appointments.book(counsellor, AppointmentRequest(
        client_id=world["client"], service_id=world["service"], staff_id=world["staff"],
        starts_at=local_moment(TUESDAY, time(9, 45)), ends_at=local_moment(TUESDAY, time(10, 25))),
        now=local_moment(TUESDAY, time(9, 20)))  # its windows closed at 09:15
    for at in (time(9, 25), time(11, 45)):  # 11:45: the 12:00 one's hours-before window passed unused
        services.reminders.run_due(head, now=local_moment(TUESDAY, at))
    assert sendings(services, booked_now.id) == []  # booked at 09:20: no reminder was possible
    assert [r.status for r in sendings(services, later.id)] == [SendStatus.SENT]  # reminded once: enough
    assert [p.sending.appointment_id for p in services.reminders.problems(reception, TUESDAY, 1)] == [missed.id]
    assert len(seven.received) == 1


def test_no_reminder_sends_the_client_to_a_counsellor_who_left_reception_phones(services, head, reception,
                                                                               counsellor, world, seven):
    """Frau Müller left: the head deactivated her account while appointments of hers lay ahead,
    not moved yet. No reminder for them goes out (the client would come to someone who is gone),
    neither one due now nor one planned before; each is listed once for reception to phone. Moved
    to a colleague, the appointment's reminder goes out as usual."""
    from desk.domain.reminders import COUNSELLOR_GONE

    planned_before = world["book"](local_moment(TUESDAY, time(12, 0)))
    seven.mode = "ratelimit"
    services.reminders.run_due(head, now=DAY_BEFORE_10)  # planned, waiting for its retry
    first, second = (world["book"](local_moment(TUESDAY, at)) for at in (time(9, 30), time(11, 0)))
    account = next(a for a in services.accounts.accounts(head) if a.id == world["staff"])
    services.accounts.change_account(head, world["staff"], account.version, active=False)
    seven.mode = "ok"
    for minutes in (5, 10):  # the retry is due after two minutes; the next run changes nothing
        services.reminders.run_due(head, now=DAY_BEFORE_10 + timedelta(minutes=minutes))
    assert seven.received == []
    for appointment in (first, second, planned_before):
        [row] = sendings(services, appointment.id)
        assert (row.status, row.error) == (SendStatus.FAILED, COUNSELLOR_GONE)
    listed = services.reminders.problems(reception, TUESDAY, 1)
    assert [p.sending.appointment_id for p in listed] == [first.id, second.id, planned_before.id]

    with services.uow(write=True) as uow:
        colleague = uow.reference.add_staff(username="berg", display_name="Herr Berg", role=Role.COUNSELLOR,
                                            password_hash=None)
        uow.commit()
    services.appointments.change(counsellor, second.id, second.version, AppointmentChange(
        starts_at=second.starts_at, ends_at=second.ends_at, staff_id=colleague), now=NOW)
    services.reminders.run_due(head, now=DAY_BEFORE_10 + timedelta(minutes=15))
    assert len(seven.received) == 1
    assert [r.status for r in sendings(services, second.id)] == [SendStatus.SENT]
    assert [p.sending.appointment_id for p in services.reminders.problems(reception, TUESDAY, 1)] == [
        first.id, planned_before.id]


def test_on_friday_the_list_to_phone_reaches_to_monday(services, head, reception, world, seven):
    """Monday's reminders go out on Friday (the working day before): one that failed is phoned on
    Friday, so the list runs to the next working day, not only to Saturday."""
    monday = date(2030, 3, 11)
    appointment = world["book"](local_moment(monday, time(9, 30)))
    seven.mode = "reject"
    services.reminders.run_due(head, now=local_moment(date(2030, 3, 8), time(10, 0)))  # Friday 10:00
    friday = local_moment(date(2030, 3, 8), time(11, 0))
    assert [p.sending.appointment_id for p in services.reminders.problems(reception, now=friday)] == [appointment.id]
    thursday = local_moment(date(2030, 3, 7), time(11, 0))  # Thursday: today and Friday only
    assert services.reminders.problems(reception, now=thursday) == []


def test_cancelled_never_sent_and_moved_gets_a_new_reminder(services, head, counsellor, world, seven):
    cancelled = world["book"](local_moment(TUESDAY, time(9, 30)))
    moved = world["book"](local_moment(TUESDAY, time(11, 0)))
    seven.mode = "ratelimit"
    services.reminders.run_due(head, now=DAY_BEFORE_10)  # both planned, both waiting for a retry
    services.appointments.cancel(counsellor, cancelled.id, cancelled.version, "client called")
    new_start = local_moment(date(2030, 3, 6), time(11, 0))
    services.appointments.change(counsellor, moved.id, moved.version, AppointmentChange(
        starts_at=new_start, ends_at=new_start + timedelta(minutes=45), staff_id=world["staff"]), now=NOW)
    seven.mode = "ok"
    services.reminders.run_due(head, now=DAY_BEFORE_10 + timedelta(minutes=30))
    assert seven.received == []
    assert [r.status for r in sendings(services, cancelled.id)] == [SendStatus.OBSOLETE]
    assert [r.status for r in sendings(services, moved.id)] == [SendStatus.OBSOLETE]
    # the day before the new date: a new reminder for the new time
    services.reminders.run_due(head, now=DAY_BEFORE_10 + timedelta(days=1))
    assert len(seven.received) == 1
    log = sendings(services, moved.id)
    assert sorted(r.status.value for r in log) == ["obsolete", "sent"]
    assert {r.starts_at for r in log if r.status is SendStatus.SENT} == {new_start.astimezone(UTC)}


def test_the_sms_names_the_centres_telephone_once_the_head_sets_it(services, head, world, seven):
    """"Please call us" needs the number: the head sets it once (Verwaltung -> Einstellungen)
    and every reminder carries it; the dry run shows the same text."""
    first = world["book"](local_moment(TUESDAY, time(9, 30)))
    services.reminders.run_due(head, now=DAY_BEFORE_10)
    [without] = seven.received
    assert "هاتف" not in without["text"]  # no number set yet: no empty "Phone:" line
    services.reference.change_setting(head, "centre_phone", " 07433 9876-0 ")
    assert services.reminders.centre_phone(head) == "07433 9876-0"
    second = world["book"](local_moment(TUESDAY, time(11, 0)))
    [planned] = services.reminders.run_due(head, now=DAY_BEFORE_10, dry_run=True).would_send
    assert planned.appointment_id == second.id and f"هاتف: {FSI}07433 9876-0{PDI}" in planned.text
    services.reminders.run_due(head, now=DAY_BEFORE_10)
    assert [m["text"] for m in seven.received[1:]] == [planned.text]
    assert first.id != second.id


def test_the_dry_run_shows_the_service_the_head_wrote_into_a_text(services, head, world, seven):
    """{service} is filled in when the reminder goes out; the dry run showed it empty, so the head
    checking a text with `desk-admin reminders send --dry-run` saw something else than was sent."""
    arabic = services.reminders.templates(head)["ar"]
    services.reminders.save_template(head, dataclasses.replace(arabic, sms=arabic.sms + " {service}"))
    world["book"](local_moment(TUESDAY, time(9, 30)))
    [planned] = services.reminders.run_due(head, now=DAY_BEFORE_10, dry_run=True).would_send
    service = next(s for s in services.reference.services(head) if s.id == world["service"])
    assert f"{FSI}{service.name_de}{PDI}" in planned.text
    services.reminders.run_due(head, now=DAY_BEFORE_10)
    assert [m["text"] for m in seven.received] == [planned.text]


def test_dry_run_shows_and_changes_nothing(services, head, world, seven):
    world["book"](local_moment(TUESDAY, time(9, 30)))
    report = services.reminders.run_due(head, now=DAY_BEFORE_10, dry_run=True)
    [planned] = report.would_send
    assert planned.recipient == "+4915123456789" and planned.language == "ar" and planned.segments >= 1
    assert "تذكير" in planned.text
    with services.uow() as uow:
        assert uow.reminders.count() == 0
    assert seven.received == []
    # it showed the client's mobile number (desk-admin reminders send --dry-run): recorded
    import json

    from desk.domain.audit import LIST_READ
    from desk.services.auditlog import AuditFilter

    reads = services.audit_log.query(head, AuditFilter(action=LIST_READ, client_id=world["client"]))
    assert [json.loads(r.details)["list"] for r in reads] == ["reminders_due"]


def test_a_minute_with_nothing_due_writes_nothing(services, head, world, seven):
    """Every PC runs this every minute: without a change it must not commit (a commit wakes
    every workstation's live update)."""
    from sqlalchemy import text

    def counter() -> int:
        with services.uow() as uow:
            return uow.session.execute(text("SELECT value FROM change_counter WHERE id = 1")).scalar_one()

    world["book"](local_moment(TUESDAY, time(9, 30)))
    before = counter()
    services.reminders.run_due(head, now=DAY_BEFORE_10 - timedelta(hours=1))
    assert counter() == before
    services.reminders.run_due(head, now=DAY_BEFORE_10)
    after_sending = counter()
    assert after_sending > before
    services.reminders.run_due(head, now=DAY_BEFORE_10 + timedelta(minutes=1))
    assert counter() == after_sending


def test_schedule_off_sends_nothing(services, head, world, seven):
    world["book"](local_moment(TUESDAY, time(9, 30)))
    services.reminders.save_schedule(head, ReminderSchedule(enabled=False))
    assert services.reminders.run_due(head, now=DAY_BEFORE_10).planned == 0
    assert seven.received == []


def test_contact_validation_and_consent_dates(services, head, counsellor, reception):
    client = services.clients.create(head, ClientInput(given_name="A", family_name="B"))

    def save(**kw):
        values = dict(sms_number="", email="", sms_consent=False, email_consent=False, today=date(2030, 3, 1))
        values.update(kw)
        version = getattr(services.reminders.contact(head, client.id), "version", None)
        return services.reminders.save_contact(head, client.id, version, **values)

    with pytest.raises(ValidationError, match="not a mobile number"):
        save(sms_number="07433 12345", sms_consent=True)  # a Balingen landline
    with pytest.raises(ValidationError, match="no domain"):
        save(email="amal@localhost", email_consent=True)
    with pytest.raises(ValidationError, match="no @"):
        save(email="amal.example.org")
    with pytest.raises(ValidationError, match="needs a mobile number"):
        save(sms_consent=True)
    row = save(sms_number="0171 1234567", sms_consent=True, email="amal@example.org", email_consent=True)
    assert (row.sms_number, row.sms_consent_on, row.email_consent_on) == ("+491711234567", date(2030, 3, 1),
                                                                          date(2030, 3, 1))
    later = save(sms_number="+49 171 1234567", sms_consent=True, email="amal@example.org", email_consent=False,
                 today=date(2030, 4, 1))
    assert later.sms_consent_on == date(2030, 3, 1)  # given once, kept
    assert later.email_consent_on is None  # withdrawn
    with pytest.raises(PermissionDeniedError):
        services.reminders.contact(reception, client.id)  # counsellor/head data, like the full card


def test_templates_refuse_bad_texts_and_nothing_is_saved(services, head):
    templates = services.reminders.templates(head)
    assert set(templates) >= {"de", "en", "ar", "fa", "prs", "uk", "ru", "tr", "fr", "ti"}
    assert not any(t.reviewed for t in templates.values())
    de = templates["de"]
    with pytest.raises(ValidationError, match=r"has no \{time\}"):
        services.reminders.save_template(head, Template("de", "Termin am {date}. Code {code}.",
                                                        de.email_subject, de.email_body))
    with pytest.raises(ValidationError, match=r"\{name\}"):
        services.reminders.save_template(head, Template("de", "{name}: {date} {time} {code}",
                                                        de.email_subject, de.email_body))
    with pytest.raises(ValidationError, match="needs 4 parts"):
        services.reminders.save_template(head, Template("de", "{date} {time} {code} " + "x" * 450,
                                                        de.email_subject, de.email_body))
    assert services.reminders.templates(head)["de"] == de
    saved = services.reminders.mark_reviewed(head, "ar")
    assert saved.reviewed and services.reminders.templates(head)["ar"].reviewed


def test_erasure_removes_contact_and_log(services, head, world, seven):
    appointment = world["book"](local_moment(TUESDAY, time(9, 30)))
    services.reminders.run_due(head, now=DAY_BEFORE_10)
    assert len(sendings(services, appointment.id)) == 1
    services.privacy.erase_client(head, world["client"])
    with services.uow() as uow:
        assert uow.reminders.count() == 0
        assert uow.reminders.contact(world["client"]) is None


def test_retention_purge_removes_the_log_with_the_appointment(services, head, world, seven):
    appointment = world["book"](local_moment(TUESDAY, time(9, 30)))
    services.reminders.run_due(head, now=DAY_BEFORE_10)
    with services.uow(write=True) as uow:  # the audit floor is checked against the real clock
        months = dict(uow.settings.get("retention_months") or {}) or {
            "visits": 12, "appointments": 12, "bookings": 24, "inactive_clients": 12}
        uow.settings.set("retention_months", {**months, "audit_log": 240})
        uow.commit()
    services.privacy.purge(head, now=NOW + timedelta(days=400))
    assert sendings(services, appointment.id) == []


def test_no_show_figures_with_and_without_reminder(services, head, counsellor, world, seven):
    done = []
    for k in range(8):
        appointment = world["book"](local_moment(TUESDAY, time(8 + k, 0)))
        done.append(appointment)
    services.reminders.run_due(head, now=DAY_BEFORE_10)  # all eight reminded
    without = [world["book"](local_moment(date(2030, 3, 7), time(8 + k))) for k in range(4)]
    after = datetime(2030, 3, 8, 20, 0, tzinfo=UTC)
    for appointment in done[:2] + without[:2]:
        services.appointments.mark_no_show(counsellor, appointment.id, appointment.version, now=after)
    for appointment in done[2:] + without[2:]:
        services.appointments.mark_done(counsellor, appointment.id, appointment.version)
    figures = services.reminders.no_show_figures(head, date(2030, 3, 1), date(2030, 3, 31))
    assert (figures.with_total, figures.with_no_show, figures.with_rate) == (8, None, None)  # 2 < 3: hidden
    assert (figures.without_total, figures.without_no_show) == (4, None)
    with services.uow(write=True) as uow:
        uow.settings.set("report_min_count", 2)
        uow.commit()
    figures = services.reminders.no_show_figures(head, date(2030, 3, 1), date(2030, 3, 31))
    assert (figures.with_no_show, figures.with_rate, figures.without_rate) == (2, 25.0, 50.0)
    with pytest.raises(PermissionDeniedError):
        services.reminders.no_show_figures(counsellor, date(2030, 3, 1), date(2030, 3, 31))


def test_channel_config_never_holds_a_secret(tmp_path):
    path = tmp_path / "desk.toml"
    path.write_text('[reminders.smtp]\nhost = "x"\nsender = "a@b.de"\npassword = "geheim"\n', encoding="utf-8")
    with pytest.raises(ValidationError, match="password_file"):
        load_channel_config(path)
    path.write_text('[reminders.smtp]\nhost = "x"\nsender = "a@b.de"\nsecurity = "none"\n', encoding="utf-8")
    with pytest.raises(ValidationError, match="never plain text"):
        load_channel_config(path)
    assert load_channel_config(tmp_path / "missing.toml").sms is None


# --- several workstations: real processes running the sender at the same moment ---------------


def _sender_worker(url: str, config: str, key: str, moments: list[str], barrier, results) -> None:
    import os

    os.environ["DESK_CONFIG"] = config
    os.environ["DESK_TEST_SMS_KEY"] = key
    from desk.services.bootstrap import prepare_database
    from desk.services.desk import build_services

    services = build_services(prepare_database(url))
    actor = Actor(staff_id=None, name="sender", role=Role.HEAD, workstation=f"pc-{os.getpid()}")
    barrier.wait()
    sent = 0
    for text in moments:
        sent += services.reminders.run_due(actor, now=datetime.fromisoformat(text)).sent
    services.close()
    results.put(sent)


def test_four_workstations_send_each_reminder_exactly_once(services, db_url, head, counsellor, world, seven,
                                                          tmp_path):
    clients = [world["client"]]
    for k in range(5):
        other = services.clients.create(head, ClientInput(given_name=f"P{k}", family_name="Test", language="tr"))
        services.reminders.save_contact(head, other.id, None, sms_number=f"0151 234567{k}0", email="",
                                        sms_consent=True, email_consent=False)
        clients.append(other.id)
    booked = [world["book"](local_moment(TUESDAY, time(7)) + timedelta(minutes=45 * k), client_id=clients[k % 6])
              for k in range(12)]
    config = str(tmp_path / "desk.toml")
    moments = [(DAY_BEFORE_10 + timedelta(seconds=s)).isoformat() for s in (0, 1, 2, 30)]
    context = multiprocessing.get_context("spawn")
    barrier = context.Barrier(4)
    results = context.Queue()
    workers = [context.Process(target=_sender_worker, args=(db_url, config, API_KEY, moments, barrier, results))
               for _ in range(4)]
    for w in workers:
        w.start()
    totals = [results.get(timeout=180) for _ in workers]
    for w in workers:
        w.join(timeout=60)
        assert w.exitcode == 0
    assert sum(totals) == len(booked) == len(seven.received)
    assert len({(m["to"], m["text"]) for m in seven.received}) == len(booked)  # no message twice
    for appointment in booked:
        assert [r.status for r in sendings(services, appointment.id)] == [SendStatus.SENT]
    assert services.appointments.get(head, booked[0].id).status is AppointmentStatus.BOOKED


def test_admin_send_dry_run_and_log(services, db_url, head, world, seven, capsys, cli_login):
    from desk.cli import main

    cli_login(services)
    appointment = world["book"](local_moment(TUESDAY, time(9, 30)))
    assert main(["reminders", "send", "--dry-run", "--at", "2030-03-04T10:00", "--database-url", db_url]) == 0
    out = capsys.readouterr().out
    assert "+4915123456789" in out and "تذكير" in out and "1 reminder(s) would go out" in out
    assert seven.received == []
    assert main(["reminders", "send", "--at", "2030-03-04T10:00", "--database-url", db_url]) == 2  # no faking
    services.reminders.run_due(head, now=DAY_BEFORE_10)
    capsys.readouterr()
    assert main(["reminders", "log", "--database-url", db_url]) == 0
    out = capsys.readouterr().out
    assert "sent" in out and "7722" in out and "تذكير" not in out  # the log has no text
    assert f"T-{appointment.id:04d}" in out
    assert main(["reminders", "channels", "--database-url", db_url]) == 0
    out = capsys.readouterr().out
    assert "seven, sender Termin" in out and API_KEY not in out


def test_a_merge_keeps_the_persons_reminders(services, head, world, seven):
    """The person consented to SMS reminders on the record that is merged into another (a
    duplicate made at reception). The appointments moved to the kept record, the consent stayed
    with the merged-away one: the reminder silently no longer went out (and the sending log
    still named the old record). Now the consent moves with them when the kept record has none."""
    appointment = world["book"](local_moment(TUESDAY, time(9, 30)))
    services.reminders.run_due(head, now=DAY_BEFORE_10 - timedelta(days=1))  # planned, not yet due
    keep = services.clients.create(head, ClientInput(given_name="Amal", family_name="Al-Hasan", language="ar"))
    services.clients.merge(head, keep.id, world["client"])
    contact = services.reminders.contact(head, keep.id)
    assert contact is not None and contact.sms_number == "+4915123456789" and contact.sms_consent_on is not None
    report = services.reminders.run_due(head, now=DAY_BEFORE_10)
    assert report.sent == 1 and [m["to"] for m in seven.received] == ["+4915123456789"]
    with services.uow() as uow:
        from sqlalchemy import select

        from desk.storage.models import ReminderSending
        owners = set(uow.session.scalars(select(ReminderSending.client_id).where(
            ReminderSending.appointment_id == appointment.id)))
    assert owners == {keep.id}
