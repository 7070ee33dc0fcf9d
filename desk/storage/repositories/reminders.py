"""Reminder contacts (consent per channel) and the sending log, which is also the claim.

Exactly once across workstations (docs/REMINDERS.md):
1. plan: every workstation inserts the due reminders with INSERT ... ON CONFLICT DO NOTHING on
   the unique (appointment, channel, slot, start): one row per reminder, whoever plans it;
2. claim: `UPDATE ... SET status='sending' WHERE id=? AND status IN ('pending','retry') AND
   next_attempt_at <= now`, row count checked: one workstation wins, the others get 0 rows
   (PostgreSQL re-checks the WHERE after the row lock; SQLite serialises writers);
3. the winner sends outside any transaction and writes the result `WHERE status='sending' AND
   claimed_by = me`. A claim that never reports back becomes `unknown`, never sent twice.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import delete, func, or_, select, update
from sqlalchemy.orm import Session

from desk.domain.errors import StaleError
from desk.domain.model import AppointmentStatus, person_name
from desk.domain.reminders import (
    COUNSELLOR_GONE,
    Channel,
    ProblemRow,
    ReminderContact,
    SendingRow,
    SendStatus,
    Slot,
)
from desk.storage.models import Appointment, Client, Service, Staff
from desk.storage.models import ReminderContact as ContactModel
from desk.storage.models import ReminderSending as Sending
from desk.storage.upsert import insert_for

_CLAIMABLE = [SendStatus.PENDING.value, SendStatus.RETRY.value]


def _contact_row(c: ContactModel) -> ReminderContact:
    return ReminderContact(client_id=c.client_id, sms_number=c.sms_number, email=c.email,
                           sms_consent_on=c.sms_consent_on, email_consent_on=c.email_consent_on,
                           version=c.version)


def _sending_row(s: Sending) -> SendingRow:
    return SendingRow(id=s.id, appointment_id=s.appointment_id, channel=Channel(s.channel), slot=Slot(s.slot),
                      starts_at=s.starts_at, status=SendStatus(s.status), attempts=s.attempts, due_at=s.due_at,
                      sent_at=s.sent_at, updated_at=s.updated_at, provider_id=s.provider_id, error=s.error,
                      workstation=s.claimed_by)


def _counsellor_active():  # noqa: ANN202 - a SQLAlchemy condition
    """Whether the appointment (joined to its Staff) has no counsellor or an active one."""
    return or_(Appointment.staff_id.is_(None), Staff.active.is_(True))


class ReminderRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    # -- contact and consent ----------------------------------------------------------------

    def contact(self, client_id: int) -> ReminderContact | None:
        row = self.session.get(ContactModel, client_id)
        return None if row is None else _contact_row(row)

    def save_contact(self, client_id: int, expected_version: int | None, now: datetime, *, sms_number: str,
                     email: str, sms_consent_on: date | None, email_consent_on: date | None) -> None:
        values = dict(sms_number=sms_number, email=email, sms_consent_on=sms_consent_on,
                      email_consent_on=email_consent_on, updated_at=now)
        existing = self.session.get(ContactModel, client_id)
        if existing is None:
            if expected_version not in (None, 0):
                raise StaleError()
            self.session.add(ContactModel(client_id=client_id, version=1, **values))
            self.session.flush()
            return
        result = self.session.execute(
            update(ContactModel)
            .where(ContactModel.client_id == client_id, ContactModel.version == expected_version)
            .values(version=ContactModel.version + 1, **values)
        )
        if result.rowcount != 1:
            raise StaleError()
        self.session.expire_all()

    # -- planning -----------------------------------------------------------------------------

    def candidates(self, start: datetime, end: datetime) -> list[dict[str, Any]]:
        """Booked appointments starting in [start, end) whose client consented to a channel
        (`counsellor_active`: False when the appointment's counsellor was deactivated)."""
        stmt = (
            select(Appointment.id, Appointment.client_id, Appointment.starts_at, Appointment.created_at,
                   ContactModel.sms_number,
                   ContactModel.email, ContactModel.sms_consent_on, ContactModel.email_consent_on,
                   Service.name_de.label("service_de"), _counsellor_active().label("counsellor_active"))
            .join(ContactModel, ContactModel.client_id == Appointment.client_id)
            .outerjoin(Service, Service.id == Appointment.service_id)
            .outerjoin(Staff, Staff.id == Appointment.staff_id)
            .where(Appointment.starts_at >= start, Appointment.starts_at < end,
                   Appointment.status == AppointmentStatus.BOOKED.value,
                   or_(ContactModel.sms_consent_on.is_not(None), ContactModel.email_consent_on.is_not(None)))
            .order_by(Appointment.starts_at, Appointment.id)
        )
        return [dict(row._mapping) for row in self.session.execute(stmt)]

    def plan(self, rows: list[dict[str, Any]]) -> int:
        """Insert the reminders that are due; an existing one (any status) is left alone."""
        if not rows:
            return 0
        dialect = self.session.get_bind().dialect.name
        insert = insert_for(dialect)
        stmt = insert(Sending).values(rows).on_conflict_do_nothing(
            index_elements=["appointment_id", "channel", "slot", "starts_at"]).returning(Sending.id)
        return len(self.session.execute(stmt).all())  # only the rows this call inserted

    def retire(self, now: datetime) -> dict[str, int]:
        """Before claiming: reminders of cancelled/moved appointments become obsolete, those no
        workstation sent in time fail (reception phones), abandoned claims become unknown, and
        those held back for a counsellor who left are due again once the appointment has an
        active counsellor."""
        from desk.domain.reminders import CLAIM_TIMEOUT

        moved_or_cancelled = (
            select(Appointment.id).where(
                Appointment.id == Sending.appointment_id,
                Appointment.status == AppointmentStatus.BOOKED.value,
                Appointment.starts_at == Sending.starts_at,
            ).exists()
        )
        obsolete = self.session.execute(
            update(Sending).where(Sending.status.in_(_CLAIMABLE), ~moved_or_cancelled)
            .values(status=SendStatus.OBSOLETE.value, next_attempt_at=None, updated_at=now)
            .execution_options(synchronize_session=False)
        ).rowcount
        late = self.session.execute(
            update(Sending).where(Sending.status.in_(_CLAIMABLE), Sending.send_until <= now)
            .values(status=SendStatus.FAILED.value, next_attempt_at=None, updated_at=now,
                    error=func.coalesce(func.nullif(Sending.error, ""), "not sent in time"))
            .execution_options(synchronize_session=False)
        ).rowcount
        # held back because the counsellor had left, and the appointment has an active one again
        # (moved to a colleague, or the account reactivated): due again while its window is open,
        # else an ordinary reminder not sent in time (still listed to phone)
        counsellor_back = (
            select(Appointment.id).outerjoin(Staff, Staff.id == Appointment.staff_id).where(
                Appointment.id == Sending.appointment_id,
                _counsellor_active(),
            ).exists()
        )
        held = [Sending.status == SendStatus.FAILED.value, Sending.error == COUNSELLOR_GONE, counsellor_back]
        back = self.session.execute(
            update(Sending).where(*held, Sending.send_until > now)
            .values(status=SendStatus.PENDING.value, next_attempt_at=now, error="", updated_at=now)
            .execution_options(synchronize_session=False)
        ).rowcount
        late += self.session.execute(
            update(Sending).where(*held, Sending.send_until <= now)
            .values(error="not sent in time", updated_at=now)
            .execution_options(synchronize_session=False)
        ).rowcount
        lost = self.session.execute(
            update(Sending).where(Sending.status == SendStatus.SENDING.value,
                                  Sending.claimed_at < now - CLAIM_TIMEOUT)
            .values(status=SendStatus.UNKNOWN.value, updated_at=now,
                    error="the workstation sending it stopped; it may or may not have gone out")
            .execution_options(synchronize_session=False)
        ).rowcount
        return {"obsolete": obsolete, "late": late, "lost": lost, "back": back}

    # -- claiming and results -----------------------------------------------------------------

    def claimable(self, now: datetime, limit: int, *, channels: list[str]) -> list[int]:
        return list(self.session.scalars(
            select(Sending.id).where(Sending.status.in_(_CLAIMABLE), Sending.next_attempt_at <= now,
                                     Sending.channel.in_(channels))
            .order_by(Sending.next_attempt_at, Sending.id).limit(limit)))

    def existing(self, rows: list[dict[str, Any]]) -> dict[tuple, str]:
        """Status of the reminders among `rows` that already exist, by their unique key."""
        ids = sorted({r["appointment_id"] for r in rows})
        if not ids:
            return {}
        stmt = select(Sending.appointment_id, Sending.channel, Sending.slot, Sending.starts_at, Sending.status) \
            .where(Sending.appointment_id.in_(ids))
        return {(a, c, s, t): status for a, c, s, t, status in self.session.execute(stmt)}

    def mark_reminded(self, appointment_id: int, now: datetime) -> None:
        """The phone list's "reminded" tick, without bumping the version (an open edit stays valid)."""
        self.session.execute(
            update(Appointment).where(Appointment.id == appointment_id, Appointment.reminded_at.is_(None))
            .values(reminded_at=now).execution_options(synchronize_session=False))

    def claim(self, sending_id: int, now: datetime, workstation: str) -> bool:
        result = self.session.execute(
            update(Sending)
            .where(Sending.id == sending_id, Sending.status.in_(_CLAIMABLE), Sending.next_attempt_at <= now,
                   Sending.send_until > now)
            .values(status=SendStatus.SENDING.value, claimed_by=workstation[:100], claimed_at=now,
                    attempts=Sending.attempts + 1, updated_at=now)
            .execution_options(synchronize_session=False)
        )
        return result.rowcount == 1

    def job(self, sending_id: int) -> dict[str, Any] | None:
        """What the sender needs for one claimed reminder (read inside the claim transaction)."""
        stmt = (
            select(Sending.id, Sending.appointment_id, Sending.client_id, Sending.channel, Sending.slot,
                   Sending.starts_at, Sending.attempts, Appointment.ends_at, Appointment.status.label("a_status"),
                   Appointment.starts_at.label("a_starts_at"), Client.language, ContactModel.sms_number,
                   ContactModel.email, ContactModel.sms_consent_on, ContactModel.email_consent_on,
                   Service.name_de.label("service_de"), _counsellor_active().label("counsellor_active"))
            .join(Appointment, Appointment.id == Sending.appointment_id)
            .join(Client, Client.id == Sending.client_id)
            .outerjoin(ContactModel, ContactModel.client_id == Sending.client_id)
            .outerjoin(Service, Service.id == Appointment.service_id)
            .outerjoin(Staff, Staff.id == Appointment.staff_id)
            .where(Sending.id == sending_id)
        )
        row = self.session.execute(stmt).first()
        return None if row is None else dict(row._mapping)

    def finish(self, sending_id: int, workstation: str, now: datetime, *, status: SendStatus,
               provider_id: str = "", error: str = "", next_attempt_at: datetime | None = None) -> bool:
        values: dict[str, Any] = dict(status=status.value, provider_id=provider_id[:100], error=error[:300],
                                      next_attempt_at=next_attempt_at, updated_at=now)
        if status is SendStatus.SENT:
            values["sent_at"] = now
        result = self.session.execute(
            update(Sending).where(Sending.id == sending_id, Sending.status == SendStatus.SENDING.value,
                                  Sending.claimed_by == workstation[:100])
            .values(**values).execution_options(synchronize_session=False)
        )
        return result.rowcount == 1

    # -- reading the log ----------------------------------------------------------------------

    def log(self, *, appointment_id: int | None = None, since: datetime | None = None,
            limit: int = 500) -> list[SendingRow]:
        stmt = select(Sending)
        if appointment_id is not None:
            stmt = stmt.where(Sending.appointment_id == appointment_id)
        if since is not None:
            stmt = stmt.where(Sending.updated_at >= since)
        stmt = stmt.order_by(Sending.updated_at.desc(), Sending.id.desc()).limit(limit)
        return [_sending_row(s) for s in self.session.scalars(stmt)]

    def problems(self, start: datetime, end: datetime) -> list[ProblemRow]:
        """Failed or unknown reminders of booked appointments starting in [start, end)."""
        stmt = (
            select(Sending, Appointment.starts_at.label("a_starts_at"), Appointment.service_id.label("sid"),
                   Client.id.label("cid"),
                   Client.given_name, Client.family_name, Client.phone, Client.language)
            .join(Appointment, Appointment.id == Sending.appointment_id)
            .join(Client, Client.id == Sending.client_id)
            .where(Sending.status.in_([SendStatus.FAILED.value, SendStatus.UNKNOWN.value]),
                   Appointment.status == AppointmentStatus.BOOKED.value,
                   Appointment.starts_at == Sending.starts_at,
                   Appointment.starts_at >= start, Appointment.starts_at < end)
            .order_by(Appointment.starts_at, Sending.id)
        )
        return [ProblemRow(sending=_sending_row(r.ReminderSending), client_id=r.cid,
                           client_name=person_name(r.given_name, r.family_name), phone=r.phone,
                           language=r.language, appointment_starts_at=r.a_starts_at, service_id=r.sid)
                for r in self.session.execute(stmt)]

    # -- statistics and retention -------------------------------------------------------------

    def no_show_counts(self, start: datetime, end: datetime) -> dict[str, int]:
        """Past appointments of [start, end) that were kept or missed, with and without a reminder
        that went out (done / no_show only; booked-and-open or cancelled ones do not count)."""
        reminded = select(Sending.id).where(Sending.appointment_id == Appointment.id,
                                            Sending.status == SendStatus.SENT.value).exists()
        statuses = [AppointmentStatus.DONE.value, AppointmentStatus.NO_SHOW.value]
        rows = (
            select(reminded.label("reminded"), Appointment.status.label("status"))
            .where(Appointment.starts_at >= start, Appointment.starts_at < end, Appointment.status.in_(statuses))
            .subquery()
        )
        stmt = select(rows.c.reminded, rows.c.status, func.count()).group_by(rows.c.reminded, rows.c.status)
        counts = {"with_total": 0, "with_no_show": 0, "without_total": 0, "without_no_show": 0}
        for was_reminded, status, n in self.session.execute(stmt):
            key = "with" if was_reminded else "without"
            counts[f"{key}_total"] += n
            if status == AppointmentStatus.NO_SHOW.value:
                counts[f"{key}_no_show"] += n
        return counts

    def delete_log_before(self, cutoff: datetime) -> int:
        """The retention purge: the sending log of appointments that ended before `cutoff`."""
        old = select(Appointment.id).where(Appointment.ends_at < cutoff)
        return self.session.execute(
            delete(Sending).where(Sending.appointment_id.in_(old)).execution_options(synchronize_session=False)
        ).rowcount

    def count(self) -> int:
        return self.session.scalar(select(func.count()).select_from(Sending)) or 0

