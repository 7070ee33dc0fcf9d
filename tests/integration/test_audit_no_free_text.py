"""The audit log records who did what to which record and which fields changed — never the
free text: not a note, a cancel reason, a booking title, nor a user name typed at login (issue 15).
Both engines."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, time, timedelta

from desk.domain.appointments import WorkingHourRow, local_moment
from desk.domain.bookings import BookingDraft
from desk.domain.errors import DeskError
from desk.domain.model import Role
from desk.services.appointments import AppointmentChange, AppointmentRequest
from desk.services.clients import ClientInput
from desk.services.context import Actor

NOW = datetime(2030, 3, 1, 8, 0, tzinfo=UTC)
MONDAY = date(2030, 3, 4)
SECRETS = ["Mietvertrag", "Jobcenter", "krank", "Коваленко", "Kovalenko", "Bad Testkur", "Dolmetscherin",
           "ኮቫለንኮ", "كوفالينكو"]


def all_details(services) -> list[tuple[str, dict]]:
    with services.db.engine.connect() as connection:
        rows = connection.exec_driver_sql("SELECT action, details FROM audit_events ORDER BY id").fetchall()
    return [(action, json.loads(details)) for action, details in rows]


def test_edit_cancel_booking_absence_and_login_keep_no_free_text(services, head):
    with services.uow(write=True) as uow:
        staff_id = uow.reference.add_staff(username="mueller", display_name="Frau Müller", role=Role.COUNSELLOR,
                                           password_hash=None)
        uow.commit()
    services.appointments.set_working_hours(head, staff_id, [WorkingHourRow(d, time(9), time(16)) for d in range(5)])
    client = services.clients.create(head, ClientInput(given_name="Олена ኮቫለንኮ", family_name="Коваленко كوفالينكو"))
    start = local_moment(MONDAY, time(9))
    service_id = services.reference.services(head)[0].id
    booked = services.appointments.book(head, AppointmentRequest(
        client_id=client.id, service_id=service_id, staff_id=staff_id, starts_at=start,
        ends_at=start + timedelta(minutes=45), note="Kovalenko bringt Mietvertrag"), now=NOW)
    edited = services.appointments.change(head, booked.id, booked.version, AppointmentChange(
        starts_at=start + timedelta(hours=1), ends_at=start + timedelta(hours=1, minutes=45), staff_id=staff_id,
        note="Коваленко: Jobcenter-Brief"), now=NOW)
    services.appointments.cancel(head, edited.id, edited.version, "Klientin krank (Коваленко)")
    services.appointments.add_absence(head, staff_id, MONDAY + timedelta(days=7), MONDAY + timedelta(days=8),
                                      "Bad Testkur")
    room = next(r for r in services.reference.rooms(head) if r.bookable).id
    evening = local_moment(MONDAY, time(18))
    services.bookings.create(head, BookingDraft(room, "Familie Коваленко", evening, evening + timedelta(hours=1),
                                                organiser="Kovalenko", notes="Dolmetscherin"))
    try:
        services.accounts.login(Actor.login_screen(), "olena kovalenko", "Коваленко")
    except DeskError:
        pass
    log = all_details(services)
    text = json.dumps(log, ensure_ascii=False)
    for secret in SECRETS:
        assert secret not in text, secret
    by_action = {action: details for action, details in log}
    # which fields changed is still there
    assert by_action["appointment.reschedule"]["fields"] == ["note", "time"]
    assert "time" in by_action["appointment.reschedule"]
    assert by_action["appointment.cancel"]["fields"] == ["cancel_reason"]
    assert by_action["absence.add"]["fields"] == ["reason"]
    assert "title" in by_action["booking.create"]["fields"]
    assert by_action["login.failure"] == {"cause": "unknown user"}
    # and the appointment's history (readable at reception) shows none of it
    history = services.appointments.history(head, edited.id)
    assert all(secret not in h.details for h in history for secret in SECRETS)
