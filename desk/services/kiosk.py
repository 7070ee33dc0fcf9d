"""The self-service kiosk (issue 20): what the kiosk at the entrance may do, and nothing more.

Three functions under one permission (Permission.KIOSK, the kiosk role's only one): the services
it offers with the waiting list's own estimate, an anonymous ticket carrying the chosen
language, and an appointment check-in by the slip's short code or the date of birth plus the
appointment time. Code attempts are limited here, in the database (desk.domain.kiosk): a kiosk
that restarts, or a second kiosk, does not get more guesses. Nothing handed back names a person.

The queries go through `uow.kiosk` (desk.storage.repositories.kiosk), which reads only the
columns the PostgreSQL kiosk role may read.
"""

from __future__ import annotations

import json
from datetime import date, datetime, time, timedelta

from desk.domain.errors import ConflictError, NotFoundError, ValidationError
from desk.domain.hours import kiosk_open
from desk.domain.kiosk import (
    ATTEMPT_WINDOW,
    KioskOffer,
    KioskRefusedError,
    KioskTicket,
    normalise_code,
    validate_phrases,
    wait_seconds,
)
from desk.domain.model import AppointmentStatus
from desk.domain.permissions import Permission
from desk.domain.text import clean_text
from desk.domain.tickets import BERLIN, format_ticket, local_day
from desk.domain.topics import Topic
from desk.domain.waits import WaitEstimate, estimate_wait
from desk.services.audit import record
from desk.services.checkin import add_visit, day_bounds, mark_arrived
from desk.services.clock import Clock, system_clock
from desk.services.context import Actor
from desk.services.gate import requires
from desk.services.once import checked_key, once
from desk.storage.repositories.kiosk import KioskAppointment
from desk.storage.uow import UnitOfWork, UnitOfWorkFactory

#: an appointment may be checked in at the kiosk from this long before its start ...
EARLY = timedelta(hours=2)
#: attempts are forgotten after a day (the limit looks back ATTEMPT_WINDOW only)
FORGET_AFTER = timedelta(days=1)


def _language(language: str) -> str:
    code = clean_text(language, field="Language", max_length=16).lower()
    if code and not all(c.isascii() and (c.isalpha() or c == "-") for c in code):
        raise ValidationError("{code} is not a language code (use e.g. ar, fa, uk).", code=code)
    return code


def _interpreter(language: str) -> str:
    """The chosen language as the visit's interpreter language (German needs none)."""
    return "" if language in ("", "de") else language


def _estimate(uow: UnitOfWork, service_id: int, day: date, *, mine: bool) -> WaitEstimate:
    called = uow.reception.waits_called(service_id, day)
    waiting = uow.reception.waiting_count(service_id, day)
    return estimate_wait(service_id, called, max(0, waiting - 1) if mine else waiting)


class KioskService:
    def __init__(self, uow: UnitOfWorkFactory, *, clock: Clock = system_clock) -> None:
        self._uow = uow
        self._clock = clock

    @requires(Permission.KIOSK)
    def offers(self, actor: Actor, *, now: datetime | None = None) -> list[KioskOffer]:
        """The active services with how many wait and the estimate for a new ticket, and whether
        tickets are given now: within the open consultation hours (from KIOSK_EARLY before they
        begin), with the hours going on or coming next so the kiosk can show when to come."""
        now = now or self._clock()
        day = local_day(now)
        with self._uow() as uow:
            hours = uow.kiosk.service_hours()
            offers = []
            for service_id, code, name_de, name_en, prefix in uow.kiosk.services():
                is_open, block = kiosk_open((hours or {}).get(service_id, ()), now)
                estimate = _estimate(uow, service_id, day, mine=False)
                offers.append(KioskOffer(service_id, code, name_de, name_en, prefix, estimate.ahead, estimate,
                                         open=is_open, hours=block))
        return offers

    @requires(Permission.KIOSK)
    def take_ticket(self, actor: Actor, service_id: int, language: str, *,
                    now: datetime | None = None, request_key: str | None = None) -> KioskTicket:
        """An anonymous ticket for the service, marked self-service, carrying the chosen language
        (so the counsellor and the display know which interpreter is needed). Touched again with
        the same request key after a fault whose first attempt was saved: that ticket."""
        key = checked_key(request_key)
        return once(self._uow, key, lambda: self._take_ticket(actor, service_id, language, now, key),
                    lambda uow, k: self._made_by(uow, k, _language(language)), what="kiosk ticket")

    def _take_ticket(self, actor: Actor, service_id: int, language: str, now: datetime | None,
                     key: str | None) -> KioskTicket:
        now = now or self._clock()
        language = _language(language)
        snapshot = {"residence": "unknown", "status_group": "unknown", "client_language": language,
                    "first_visit": False}
        with self._uow(write=True) as uow:
            hours = uow.kiosk.service_hours()
            if not kiosk_open((hours or {}).get(service_id, ()), now)[0]:
                # no consultation hours now: a ticket would only mean waiting in vain (the kiosk
                # shows when the service opens; someone with an urgent matter asks at reception)
                raise KioskRefusedError(reason="unavailable")
            try:
                visit_id = add_visit(uow, actor, service_id=service_id, client_id=None, appointment=None,
                                     language=_interpreter(language), snapshot=snapshot, now=now, self_service=True,
                                     request_key=key)
            except NotFoundError as error:  # the head deactivated the service meanwhile
                raise KioskRefusedError(reason="unavailable") from error
            ticket = self._ticket(uow, visit_id, service_id, language, now, None)
            uow.commit()
        return ticket

    @requires(Permission.KIOSK)
    def check_in_appointment(self, actor: Actor, *, code: str = "", birth_date: date | None = None,
                             at: time | None = None, language: str = "",
                             now: datetime | None = None, request_key: str | None = None) -> KioskTicket:
        """Check in today's appointment found by the slip's code, or by the date of birth plus
        the appointment's start time - exactly as reception would (reserved for its counsellor,
        the appointment marked arrived). Every try counts against the kiosk's limit; a wrong
        one is recorded before the refusal, so the limit holds across restarts and kiosks. Tried
        again with the same request key after a fault whose first attempt was saved: that ticket
        (the retry is refused as 'already' first, and counted as a try)."""
        key = checked_key(request_key)
        return once(self._uow, key,
                    lambda: self._check_in_appointment(actor, code, birth_date, at, language, now, key),
                    lambda uow, k: self._made_by(uow, k, _language(language)), what="kiosk check-in")

    def _check_in_appointment(self, actor: Actor, code: str, birth_date: date | None, at: time | None,
                              language: str, now: datetime | None, key: str | None) -> KioskTicket:
        now = now or self._clock()
        language = _language(language)
        typed = normalise_code(code)
        if not typed and (birth_date is None or at is None):
            raise ValidationError("Please enter the code from the appointment slip, or the date of birth and the time.")
        start, end = day_bounds(now)
        with self._uow(write=True) as uow:
            uow.kiosk.lock_attempts()
            since = now - ATTEMPT_WINDOW
            wait = wait_seconds(uow.kiosk.failures_since(since, actor.workstation),
                                uow.kiosk.count_failures_since(since), now)
            if wait:
                record(uow, actor, "kiosk.code_refused", details={"cause": "rate limit", "wait_seconds": wait})
                uow.commit()
                raise KioskRefusedError(reason="wait", wait_seconds=wait)
            recorded = False  # a wrong try the database already counted (the kiosk role's birth lookup)
            if typed:
                found = uow.kiosk.appointments_by_code(typed, start, end, local_day(now))
            else:
                born, recorded = uow.kiosk.appointments_by_birth(birth_date, start, end, local_day(now),
                                                                 actor.workstation)
                found = [a for a in born
                         if a.starts_at.astimezone(BERLIN).time().replace(second=0, microsecond=0) == at]
            found = [a for a in found if a.status is not AppointmentStatus.CANCELLED]
            uow.kiosk.forget_attempts_before(now - FORGET_AFTER)
            if len(found) != 1:
                if not recorded:
                    uow.kiosk.add_attempt(actor.workstation, now, succeeded=False)
                record(uow, actor, "kiosk.code_failed",
                       details={"cause": "ambiguous" if found else "not found", "by_code": bool(typed)})
                uow.commit()
                raise KioskRefusedError(reason="ambiguous" if found else "not_found")
            appointment = found[0]
            uow.kiosk.add_attempt(actor.workstation, now, succeeded=True)
            try:
                ticket = self._check_in(uow, actor, appointment, language, now, key)
            except KioskRefusedError as refused:
                record(uow, actor, "kiosk.code_refused", entity_type="appointment", entity_id=appointment.id,
                       details={"cause": refused.reason})
                uow.commit()
                raise
            uow.commit()
        return ticket

    @requires(Permission.KIOSK)
    def languages(self, actor: Actor) -> dict[str, dict]:
        """The languages the head added (or whose sentences the head replaced): code -> data as
        checked by desk.domain.kiosk.validate_phrases. A stored row that no longer passes is left out."""
        with self._uow() as uow:
            stored = uow.kiosk.languages()
        result = {}
        for code, text in stored.items():
            try:
                result[code] = validate_phrases(code, json.loads(text))
            except (ValueError, ValidationError):
                continue
        return result

    @requires(Permission.SETTINGS_MANAGE)
    def save_language(self, actor: Actor, code: str, data: object, *, now: datetime | None = None) -> dict:
        """Add a kiosk language (or replace a language's sentences) without code."""
        checked = validate_phrases(code, data)
        code = code.strip().lower()
        with self._uow(write=True) as uow:
            uow.kiosk.save_language(code, json.dumps(checked, ensure_ascii=False), now or self._clock())
            record(uow, actor, "kiosk.language_saved", details={"language": code})
            uow.touch(Topic.SETTINGS)
            uow.commit()
        return checked

    @requires(Permission.SETTINGS_MANAGE)
    def remove_language(self, actor: Actor, code: str) -> None:
        code = (code or "").strip().lower()
        with self._uow(write=True) as uow:
            if not uow.kiosk.remove_language(code):
                raise NotFoundError("The kiosk has no added language {code}.", code=code)
            record(uow, actor, "kiosk.language_removed", details={"language": code})
            uow.touch(Topic.SETTINGS)
            uow.commit()

    def _check_in(self, uow: UnitOfWork, actor: Actor, appointment: KioskAppointment, language: str,
                  now: datetime, key: str | None) -> KioskTicket:
        if appointment.status is AppointmentStatus.ARRIVED:
            raise KioskRefusedError(reason="already")
        if appointment.status is not AppointmentStatus.BOOKED:
            raise KioskRefusedError(reason="closed")
        if appointment.starts_at - now > EARLY:
            raise KioskRefusedError(reason="early")
        snapshot = {"residence": "unknown", "status_group": "unknown", "client_language": language,
                    "first_visit": False}
        interpreter = appointment.interpreter_language
        by_function = not uow.kiosk.writes_check_in()  # the kiosk's PostgreSQL role (desk.storage.roles)
        if appointment.client_id is not None:
            facts = uow.kiosk.client_facts(appointment.client_id, appointment.id)
            if facts is None:
                raise KioskRefusedError(reason="not_found")
            if facts.open_visit:
                raise KioskRefusedError(reason="already")
            snapshot = {"residence": facts.residence, "status_group": facts.status_group,
                        "client_language": facts.language or language, "first_visit": not facts.has_visits}
            if not interpreter and facts.interpreter_needed:
                interpreter = facts.language
            if not by_function:
                uow.kiosk.touch_contact(appointment.client_id, now)
        interpreter = interpreter or _interpreter(language)
        try:
            if not by_function:
                mark_arrived(uow, appointment)
            elif not uow.kiosk.check_in_by_function(appointment.id):  # also the client's last contact
                raise KioskRefusedError(reason="already")
            visit_id = add_visit(uow, actor, service_id=appointment.service_id, client_id=appointment.client_id,
                                 appointment=appointment, language=interpreter, snapshot=snapshot, now=now,
                                 self_service=True, request_key=key)
        except NotFoundError as error:
            raise KioskRefusedError(reason="unavailable") from error
        except ConflictError as error:  # its texts may name the person: the kiosk says it in its own words
            raise KioskRefusedError(reason="already") from error
        return self._ticket(uow, visit_id, appointment.service_id, language, now, appointment.starts_at)

    def _made_by(self, uow: UnitOfWork, key: str, language: str) -> KioskTicket | None:
        made = uow.kiosk.visit_made_by(key)
        if made is None:
            return None
        visit_id, service_id, arrived_at, appointment_at = made
        return self._ticket(uow, visit_id, service_id, language, arrived_at, appointment_at)

    @staticmethod
    def _ticket(uow: UnitOfWork, visit_id: int, service_id: int, language: str, now: datetime,
                appointment_at: datetime | None) -> KioskTicket:
        prefix, number, day = uow.kiosk.ticket_of(visit_id)
        return KioskTicket(visit_id=visit_id, ticket=format_ticket(prefix, number), ticket_day=day,
                           service_id=service_id, language=language, arrived_at=now,
                           estimate=_estimate(uow, service_id, day, mine=True), appointment_at=appointment_at)
