"""Appointment reminders: consent and contact on the card, the head's templates and schedule,
and the sending that happens exactly once from whichever workstation runs (docs/REMINDERS.md).

`run_due` is what every running desk calls once a minute (and `desk-admin reminders send`):
1. retire: reminders of cancelled or moved appointments become obsolete; those not sent in their
   window fail (reception phones the client); claims of a vanished workstation become unknown;
   those held back for a counsellor who left are due again once the appointment has an active one;
2. plan: insert the reminders now due (unique per appointment start, channel and slot); for an
   appointment whose counsellor was deactivated, none is sent: it is planned as failed
   (COUNSELLOR_GONE), so reception phones the client;
3. claim: a conditional UPDATE per reminder, one short transaction; only the winner sends;
4. send outside any transaction; record the result (sent / retry with back-off / failed).
Without consent for a channel nothing is planned for it, and consent is checked again at the
claim, so a withdrawal in the meantime stops the message.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from desk.domain.errors import DeskError, NotFoundError, PermissionDeniedError, ValidationError
from desk.domain.model import AppointmentStatus
from desk.domain.permissions import Permission, full_card
from desk.domain.reminders import (
    COUNSELLOR_GONE,
    FALLBACK_LANGUAGE,
    HORIZON,
    LANGUAGES,
    PROBLEM_STATUSES,
    Channel,
    NoShowFigures,
    PlannedReminder,
    ProblemRow,
    ReminderContact,
    ReminderSchedule,
    SendingRow,
    SendStatus,
    Slot,
    Template,
    appointment_code,
    budget_phone,
    check_email,
    check_template,
    due_slots,
    next_attempt,
    normalise_mobile,
    render,
    sms_length,
    templates_from_setting,
    working_day_after,
)
from desk.domain.tickets import BERLIN
from desk.domain.topics import Topic
from desk.services.audit import ListReads, record
from desk.services.clients import may_see_full_card
from desk.services.clock import Clock, system_clock
from desk.services.context import Actor
from desk.services.gate import requires
from desk.services.reminder_channels import (
    ChannelConfig,
    Outcome,
    SendResult,
    appointment_ics,
    build_email,
    load_channel_config,
    send_email,
    sms_adapter,
)
from desk.storage.uow import UnitOfWork, UnitOfWorkFactory

SCHEDULE_KEY = "reminder_schedule"
TEMPLATES_KEY = "reminder_templates"


@dataclass
class RunReport:
    """What one run did (or, with dry_run, would do)."""

    planned: int = 0
    claimed: int = 0
    sent: int = 0
    retry: int = 0
    failed: int = 0
    obsolete: int = 0
    retired: dict[str, int] = field(default_factory=dict)
    would_send: list[PlannedReminder] = field(default_factory=list)
    skipped_channels: tuple[str, ...] = ()


@dataclass(frozen=True)
class ChannelStatus:
    sms: str  # "" when not set up on this machine, else a description without secrets
    email: str
    source: str
    error: str = ""  # English
    problem: DeskError | None = None  # the same, for a caller that says it in the user's language


class ReminderService:
    def __init__(self, uow: UnitOfWorkFactory, *, channel_config: Any = None, clock: Clock = system_clock) -> None:
        """`channel_config`: a ChannelConfig, or a function returning one (default: read the
        machine configuration file at every run, so a changed file needs no restart)."""
        self._uow = uow
        self._clock = clock
        self._channel_config = channel_config
        self._list_reads = ListReads(uow, clock=clock)

    def _channels(self) -> ChannelConfig:
        if isinstance(self._channel_config, ChannelConfig):
            return self._channel_config
        if callable(self._channel_config):
            return self._channel_config()
        return load_channel_config()

    # -- consent and contact (the full card: counsellors and the head) ------------------------

    @requires(Permission.CLIENT_CARD_FULL)
    def contact(self, actor: Actor, client_id: int) -> ReminderContact | None:
        """The mobile number, e-mail address and consents: full-card data, so only for readers of
        the full card (`full_card`: the head, the counsellors of the client's services)."""
        with self._uow() as uow:
            _check_full_card(uow, actor, client_id)
            return uow.reminders.contact(client_id)

    @requires(Permission.CLIENT_CARD_FULL)
    def save_contact(self, actor: Actor, client_id: int, expected_version: int | None, *, sms_number: str,
                     email: str, sms_consent: bool, email_consent: bool,
                     today: date | None = None, now: datetime | None = None) -> ReminderContact:
        """Record the mobile number, e-mail address and consent per channel. Consent needs the
        matching address; a consent keeps the date it was first given until it is withdrawn."""
        number = normalise_mobile(sms_number)
        address = check_email(email)
        if sms_consent and not number:
            raise ValidationError("Consent to SMS reminders needs a mobile number.")
        if email_consent and not address:
            raise ValidationError("Consent to e-mail reminders needs an e-mail address.")
        now = now or self._clock()
        today = today or now.astimezone(BERLIN).date()
        with self._uow(write=True) as uow:
            if uow.clients.get(client_id) is None:
                raise NotFoundError("Client {id} does not exist (any more).", id=client_id)
            _check_full_card(uow, actor, client_id)
            before = uow.reminders.contact(client_id)
            sms_on = (before.sms_consent_on if before and before.sms_consent_on else today) if sms_consent else None
            email_on = (before.email_consent_on if before and before.email_consent_on else today) \
                if email_consent else None
            uow.reminders.save_contact(client_id, expected_version, now, sms_number=number, email=address,
                                       sms_consent_on=sms_on, email_consent_on=email_on)
            changes = {}
            for channel, old, new in (("sms", before.sms_consent_on if before else None, sms_on),
                                      ("email", before.email_consent_on if before else None, email_on)):
                if (old is None) != (new is None):
                    changes[channel] = "given" if new else "withdrawn"
            # no number or address in the audit log: only that consent changed
            record(uow, actor, "reminder.contact", entity_type="client", entity_id=client_id, client_id=client_id,
                   details={"consent": changes} if changes else {})
            uow.touch(Topic.CLIENTS)
            uow.commit()
            row = uow.reminders.contact(client_id)
        assert row is not None
        return row

    # -- the head's settings ------------------------------------------------------------------

    @requires(Permission.READ_REFERENCE)
    def schedule(self, actor: Actor) -> ReminderSchedule:
        with self._uow() as uow:
            return ReminderSchedule.from_setting(uow.settings.get(SCHEDULE_KEY))

    @requires(Permission.SETTINGS_MANAGE)
    def save_schedule(self, actor: Actor, schedule: ReminderSchedule) -> ReminderSchedule:
        if schedule.enabled and not schedule.day_before and not schedule.hours_before:
            raise ValidationError("Choose when reminders go out: the day before, or hours before, or both.")
        with self._uow(write=True) as uow:
            templates = templates_from_setting(uow.settings.get(TEMPLATES_KEY))
            address, phone = self._address(uow), budget_phone(self._phone(uow))
            for template in templates.values():
                check_template(template, max_segments=schedule.sms_max_segments, address=address, phone=phone)
            old = uow.settings.get(SCHEDULE_KEY)
            uow.settings.set(SCHEDULE_KEY, schedule.as_setting())
            record(uow, actor, "setting.change", entity_type="setting",
                   details={"key": SCHEDULE_KEY, "old": old, "new": schedule.as_setting()})
            uow.touch(Topic.SETTINGS)
            uow.commit()
        return schedule

    @requires(Permission.SETTINGS_MANAGE)
    def templates(self, actor: Actor) -> dict[str, Template]:
        with self._uow() as uow:
            return templates_from_setting(uow.settings.get(TEMPLATES_KEY))

    @requires(Permission.SETTINGS_MANAGE)
    def centre_address(self, actor: Actor) -> str:
        with self._uow() as uow:
            return self._address(uow)

    @requires(Permission.SETTINGS_MANAGE)
    def centre_phone(self, actor: Actor) -> str:
        """The centre's telephone number for the {phone} placeholder ("" while not set)."""
        with self._uow() as uow:
            return self._phone(uow)

    @requires(Permission.SETTINGS_MANAGE)
    def save_template(self, actor: Actor, template: Template) -> Template:
        """Save one language's texts. Refused (nothing saved) when a placeholder is missing or
        unknown, or the SMS would need more parts than the budget allows. A changed text is
        no longer marked reviewed unless the caller says it is."""
        if template.language not in LANGUAGES:
            raise ValidationError("There are no reminder texts for the language {language}.",
                                  language=template.language)
        with self._uow(write=True) as uow:
            schedule = ReminderSchedule.from_setting(uow.settings.get(SCHEDULE_KEY))
            check_template(template, max_segments=schedule.sms_max_segments, address=self._address(uow),
                           phone=budget_phone(self._phone(uow)))
            stored = dict(uow.settings.get(TEMPLATES_KEY) or {})
            stored[template.language] = template.as_json()
            uow.settings.set(TEMPLATES_KEY, stored)
            record(uow, actor, "reminder.template", entity_type="setting",
                   details={"language": template.language, "reviewed": template.reviewed})
            uow.touch(Topic.SETTINGS)
            uow.commit()
        return template

    @requires(Permission.SETTINGS_MANAGE)
    def mark_reviewed(self, actor: Actor, language: str, reviewed: bool = True) -> Template:
        with self._uow() as uow:
            template = templates_from_setting(uow.settings.get(TEMPLATES_KEY)).get(language)
        if template is None:
            raise NotFoundError("There are no reminder texts for the language {language}.", language=language)
        return self.save_template(actor, Template(language=language, sms=template.sms,
                                                  email_subject=template.email_subject,
                                                  email_body=template.email_body, reviewed=reviewed))

    @requires(Permission.SETTINGS_MANAGE)
    def channel_status(self, actor: Actor) -> ChannelStatus:
        """Which channels this machine can send through (no secret is shown)."""
        try:
            config = self._channels()
        except DeskError as error:
            return ChannelStatus(sms="", email="", source="", error=error.message(), problem=error)
        sms = f"{config.sms.provider}, sender {config.sms.sender or '-'}" if config.sms else ""
        email = (f"{config.smtp.host}:{config.smtp.port} ({config.smtp.security}), {config.smtp.sender}"
                 if config.smtp else "")
        return ChannelStatus(sms=sms, email=email, source=config.source)

    # -- sending ------------------------------------------------------------------------------

    @requires(Permission.SETTINGS_MANAGE)
    def run_due(self, actor: Actor, *, now: datetime | None = None, dry_run: bool = False,
                limit: int = 50) -> RunReport:
        """Plan, claim and send what is due now. Every workstation calls this; each reminder goes
        out once. `dry_run` sends and plans nothing and lists what would go out (recorded in the
        audit log as a list read: it shows the recipients' addresses)."""
        fixed_clock = now is not None
        now = now or self._clock()
        report = RunReport()
        with self._uow() as uow:
            schedule = ReminderSchedule.from_setting(uow.settings.get(SCHEDULE_KEY))
        if not schedule.enabled:
            return report
        try:
            config = self._channels()
        except DeskError:
            config = ChannelConfig()
        available = {c for c in schedule.channels
                     if (c is Channel.SMS and config.sms) or (c is Channel.EMAIL and config.smtp)}
        report.skipped_channels = tuple(sorted(c.value for c in set(schedule.channels) - available))
        if dry_run:
            with self._uow() as uow:
                report.would_send = self._would_send(uow, schedule, now, available)
            # shows each client's mobile number or e-mail address: recorded like the other lists
            self._list_reads.record(actor, "reminders_due", (r.client_id for r in report.would_send),
                                    every_time=True)
            return report
        with self._uow(write=True) as uow:
            report.retired = uow.reminders.retire(now)
            report.planned = uow.reminders.plan(self._due_rows(uow, schedule, now))
            # commit only a change: every commit wakes every workstation's live update, and this
            # runs on every PC every minute
            if report.planned or any(report.retired.values()):
                uow.touch(Topic.APPOINTMENTS)
                uow.commit()
        if not available:
            return report
        jobs = self._claim(actor, now, limit, available)
        report.claimed = len(jobs)
        for job in jobs:
            status = self._send_one(actor, job, config, schedule, now,
                                    done_at=now if fixed_clock else None)
            if status is SendStatus.SENT:
                report.sent += 1
            elif status is SendStatus.RETRY:
                report.retry += 1
            elif status is SendStatus.OBSOLETE:
                report.obsolete += 1
            else:
                report.failed += 1
        return report

    def _due_rows(self, uow: UnitOfWork, schedule: ReminderSchedule, now: datetime) -> list[dict[str, Any]]:
        """The reminders due now (pending), and those whose every window closed while no
        workstation ran: those are planned as failed, so reception phones instead of nobody
        noticing (only when the appointment was booked, and consent given, before it closed)."""
        rows, missed, held = [], [], []
        for c in uow.reminders.candidates(now, now + HORIZON):
            slots = due_slots(c["starts_at"], schedule)
            for channel in schedule.channels:
                consent_on = c["sms_consent_on"] if channel is Channel.SMS else c["email_consent_on"]
                if consent_on is None or not (c["sms_number"] if channel is Channel.SMS else c["email"]):
                    continue
                row = dict(appointment_id=c["id"], client_id=c["client_id"], channel=channel.value,
                           starts_at=c["starts_at"], attempts=0, claimed_by="", provider_id="", error="",
                           updated_at=now)
                if not c["counsellor_active"]:
                    # the counsellor left and the appointment was not moved yet: no reminder sends
                    # the client to someone who is gone; the one due now is listed to phone instead
                    came = [(slot, due, until) for slot, due, until in slots if due <= now]
                    if came:
                        slot, due, until = came[-1]
                        held.append(dict(row, slot=slot.value, due_at=due, send_until=until,
                                         status=SendStatus.FAILED.value, next_attempt_at=None,
                                         error=COUNSELLOR_GONE))
                    continue
                for slot, due, until in slots:
                    if due <= now < until:
                        rows.append(dict(row, slot=slot.value, due_at=due, send_until=until,
                                         status=SendStatus.PENDING.value, next_attempt_at=due))
                if slots and now >= slots[-1][2]:
                    slot, due, until = slots[-1]
                    if c["created_at"] < until and consent_on <= until.astimezone(BERLIN).date():
                        missed.append(dict(row, slot=slot.value, due_at=due, send_until=until,
                                           status=SendStatus.FAILED.value, next_attempt_at=None,
                                           error="not sent in time: no workstation ran while it was due"))
        if missed:  # only if no reminder of any slot exists for that start (a sent one needs no call)
            existing = {(a, ch, t) for a, ch, _slot, t in uow.reminders.existing(missed)}
            rows += [m for m in missed if (m["appointment_id"], m["channel"], m["starts_at"]) not in existing]
        if held:  # listed once: not again for the next slot while one of an earlier slot is listed
            listed = {(a, ch, t) for (a, ch, _slot, t), status in uow.reminders.existing(held).items()
                      if SendStatus(status) in PROBLEM_STATUSES}
            rows += [h for h in held if (h["appointment_id"], h["channel"], h["starts_at"]) not in listed]
        return rows

    def _claim(self, actor: Actor, now: datetime, limit: int, available: set[Channel]) -> list[dict[str, Any]]:
        """One short write transaction: claim what is due (conditional UPDATE, row count checked),
        read what sending needs; reminders whose appointment changed become obsolete here."""
        jobs = []
        with self._uow() as uow:  # most minutes nothing is due: no write transaction for that
            if not uow.reminders.claimable(now, 1, channels=[c.value for c in available]):
                return jobs
        changed = False
        with self._uow(write=True) as uow:
            for sending_id in uow.reminders.claimable(now, limit, channels=[c.value for c in available]):
                if not uow.reminders.claim(sending_id, now, actor.workstation):
                    continue  # another workstation was faster
                changed = True
                job = uow.reminders.job(sending_id)
                if job is None:
                    continue
                channel = Channel(job["channel"])
                consented = job["sms_consent_on"] is not None if channel is Channel.SMS \
                    else job["email_consent_on"] is not None
                if job["a_status"] != AppointmentStatus.BOOKED.value or job["a_starts_at"] != job["starts_at"]:
                    uow.reminders.finish(sending_id, actor.workstation, now, status=SendStatus.OBSOLETE,
                                         error="appointment cancelled or moved")
                    continue
                if not consented:
                    uow.reminders.finish(sending_id, actor.workstation, now, status=SendStatus.OBSOLETE,
                                         error="consent withdrawn")
                    continue
                if not job["counsellor_active"]:  # deactivated after it was planned: phone instead
                    uow.reminders.finish(sending_id, actor.workstation, now, status=SendStatus.FAILED,
                                         error=COUNSELLOR_GONE)
                    continue
                job["address"], job["phone"] = self._address(uow), self._phone(uow)
                job["templates"] = templates_from_setting(uow.settings.get(TEMPLATES_KEY))
                jobs.append(job)
            if changed:
                uow.touch(Topic.APPOINTMENTS)
                uow.commit()
        return jobs

    def _message(self, job: dict[str, Any]) -> tuple[str, Template]:
        language = (job["language"] or "").lower()
        templates: dict[str, Template] = job["templates"]
        if language not in templates:
            language = FALLBACK_LANGUAGE
        return language, templates[language]

    def _send_one(self, actor: Actor, job: dict[str, Any], config: ChannelConfig, schedule: ReminderSchedule,
                  now: datetime, *, done_at: datetime | None) -> SendStatus:
        channel = Channel(job["channel"])
        language, template = self._message(job)
        code = appointment_code(job["appointment_id"])
        values = dict(address=job["address"], phone=job["phone"], code=code, service=job["service_de"] or "")
        try:
            check_template(template, max_segments=schedule.sms_max_segments, address=job["address"],
                           phone=job["phone"])
            if channel is Channel.SMS:
                assert config.sms is not None
                text = render(template.sms, language, job["starts_at"], **values)
                if sms_length(text).segments > schedule.sms_max_segments:
                    raise ValidationError("The SMS is longer than the budget.")
                result = sms_adapter(config.sms).send(job["sms_number"], text)
            else:
                assert config.smtp is not None
                subject = render(template.email_subject, language, job["starts_at"], **values)
                body = render(template.email_body, language, job["starts_at"], **values)
                ics = appointment_ics(uid=f"{code}-{job['starts_at']:%Y%m%dT%H%M%SZ}@desk",
                                      starts_at=job["starts_at"], ends_at=job["ends_at"], summary=subject,
                                      location=job["address"], now=now)
                message = build_email(config.smtp, to=job["email"], subject=subject, body=body, ics=ics,
                                      language=language)
                result = send_email(config.smtp, message)
        except DeskError as error:
            result = SendResult(Outcome.PERMANENT, error=error.message()[:300])
        return self._record(actor, job, result, done_at or self._clock())

    def _record(self, actor: Actor, job: dict[str, Any], result: SendResult, done_at: datetime) -> SendStatus:
        retry_at = None
        if result.outcome is Outcome.SENT:
            status = SendStatus.SENT
        elif result.outcome is Outcome.TEMPORARY:
            retry_at = next_attempt(job["attempts"], done_at, retry_after=result.retry_after)
            status = SendStatus.RETRY if retry_at is not None else SendStatus.FAILED
        elif result.outcome is Outcome.UNKNOWN:
            status = SendStatus.UNKNOWN
        else:
            status = SendStatus.FAILED
        with self._uow(write=True) as uow:
            uow.reminders.finish(job["id"], actor.workstation, done_at, status=status,
                                 provider_id=result.provider_id, error=result.error, next_attempt_at=retry_at)
            if status is SendStatus.SENT:
                uow.reminders.mark_reminded(job["appointment_id"], done_at)
            uow.touch(Topic.APPOINTMENTS)
            uow.commit()
        return status

    def _would_send(self, uow: UnitOfWork, schedule: ReminderSchedule, now: datetime,
                    available: set[Channel]) -> list[PlannedReminder]:
        templates = templates_from_setting(uow.settings.get(TEMPLATES_KEY))
        address, phone = self._address(uow), self._phone(uow)
        rows = self._due_rows(uow, schedule, now)
        existing = uow.reminders.existing(rows)
        # {service} as the sender fills it in (the service's German name), if the head wrote it in
        services = {c["id"]: c["service_de"] or "" for c in uow.reminders.candidates(now, now + HORIZON)}
        result = []
        for row in rows:
            if row["status"] != SendStatus.PENDING.value:
                continue  # missed: nothing would go out
            key = (row["appointment_id"], row["channel"], row["slot"], row["starts_at"])
            if key in existing and existing[key] not in (SendStatus.PENDING.value, SendStatus.RETRY.value):
                continue
            contact = uow.reminders.contact(row["client_id"])
            client = uow.clients.get(row["client_id"])
            assert contact is not None and client is not None
            language = client.language.lower() if client.language.lower() in templates else FALLBACK_LANGUAGE
            template = templates[language]
            channel = Channel(row["channel"])
            values = dict(address=address, phone=phone, code=appointment_code(row["appointment_id"]),
                          service=services.get(row["appointment_id"], ""))
            text = render(template.sms if channel is Channel.SMS else template.email_body, language,
                          row["starts_at"], **values)
            result.append(PlannedReminder(
                appointment_id=row["appointment_id"], client_id=row["client_id"], channel=channel,
                slot=Slot(row["slot"]), starts_at=row["starts_at"],
                recipient=contact.sms_number if channel is Channel.SMS else contact.email, language=language,
                text=text if channel in available else "", segments=sms_length(text).segments
                if channel is Channel.SMS else 0))
        return result

    @staticmethod
    def _address(uow: UnitOfWork) -> str:
        return uow.settings.business().centre_address

    @staticmethod
    def _phone(uow: UnitOfWork) -> str:
        return uow.settings.business().centre_phone

    # -- the log --------------------------------------------------------------------------------

    @requires(Permission.APPOINTMENT_READ)
    def log(self, actor: Actor, appointment_id: int) -> list[SendingRow]:
        """The sending log of one appointment (time, channel, status, provider's id; no text)."""
        with self._uow() as uow:
            return uow.reminders.log(appointment_id=appointment_id)

    @requires(Permission.SETTINGS_MANAGE)
    def recent_log(self, actor: Actor, *, since: datetime | None = None, limit: int = 200) -> list[SendingRow]:
        with self._uow() as uow:
            return uow.reminders.log(since=since, limit=limit)

    @requires(Permission.APPOINTMENT_READ)
    def problems(self, actor: Actor, first_day: date | None = None, days: int | None = None, *,
                 now: datetime | None = None) -> list[ProblemRow]:
        """Reminders that did not go out for booked appointments of [first_day, +days): these
        clients are phoned instead (default: today up to the next working day, so on Friday the
        Monday's, whose reminders went out on Friday). The phone number is full-card
        data: only where `full_card` allows it for the appointment's service (the head, that
        service's counsellors); reception gets the list without it. Recorded as a list read (the
        names, and phones, of the clients on it)."""
        first_day = first_day or (now or self._clock()).astimezone(BERLIN).date()
        if days is None:
            days = (working_day_after(first_day) - first_day).days + 1
        start = datetime.combine(first_day, datetime.min.time(), tzinfo=BERLIN).astimezone(UTC)
        end = datetime.combine(first_day + timedelta(days=max(1, days)), datetime.min.time(),
                               tzinfo=BERLIN).astimezone(UTC)
        with self._uow() as uow:
            rows = uow.reminders.problems(start, end)
        self._list_reads.record(actor, "reminder_problems", (r.client_id for r in rows), now=now)
        return [r if not r.phone or full_card(actor.role, r.service_id in actor.service_ids)
                else dataclasses.replace(r, phone="") for r in rows]

    # -- statistics -----------------------------------------------------------------------------

    @requires(Permission.REPORTS)
    def no_show_figures(self, actor: Actor, first_day: date, last_day: date) -> NoShowFigures:
        """No-show rate of the appointments of [first_day, last_day] with and without a reminder
        that went out; counts below the report threshold are suppressed."""
        start = datetime.combine(first_day, datetime.min.time(), tzinfo=BERLIN).astimezone(UTC)
        end = datetime.combine(last_day + timedelta(days=1), datetime.min.time(), tzinfo=BERLIN).astimezone(UTC)
        with self._uow() as uow:
            counts = uow.reminders.no_show_counts(start, end)
            threshold = uow.settings.business().report_min_count
        return NoShowFigures.suppressed(counts, threshold)


def _check_full_card(uow: UnitOfWork, actor: Actor, client_id: int) -> None:
    """The reminder contact belongs to the full card: refused (nothing read or changed) for a
    counsellor whose services never served the client, as the card itself leaves the phone out."""
    if not may_see_full_card(uow, actor, client_id):
        raise PermissionDeniedError("The reminder contact belongs to the full client card: only the head of "
                                    "department and the counsellors of the client's services may see or change it.")
