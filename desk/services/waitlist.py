"""The waiting list: calling people into a room, the state machine of a visit, undo, end of day,
the waiting-room display's read model, and the silent alarm.

Every transition is ONE conditional UPDATE in the repository (`WHERE status = 'waiting'` for a
claim; `WHERE version = <read> AND status IN (...)` for the others), its row count checked. So
two counsellors pressing *call next* at the same moment never get the same person: the loser
silently takes the next one (call next) or gets "already called by ..." (call this one).

Each action returns an `ActionResult` with an `UndoToken`; `undo()` applies the inverse
transition, itself conditional on the version the action left behind, for `UNDO_WINDOW`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, time, timedelta
from typing import Any

from desk.domain.errors import (
    ConflictError,
    NotFoundError,
    PermissionDeniedError,
    ReservedError,
    ValidationError,
)
from desk.domain.model import OPEN_VISIT_STATUSES, AlarmRow, DisplayCallRow, VisitRow, VisitStatus
from desk.domain.permissions import Permission, allowed
from desk.domain.text import clean_text
from desk.domain.tickets import BERLIN, local_day
from desk.domain.topics import Topic
from desk.domain.waitlist import TRANSITIONS, UNDO_WINDOW, call_order, can_take_over, ordered
from desk.services.audit import ListReads, record
from desk.services.clock import Clock, system_clock
from desk.services.context import Actor
from desk.services.gate import requires
from desk.services.once import checked_key, once
from desk.storage.uow import UnitOfWork, UnitOfWorkFactory

#: Visit fields an undo puts back (the state before the action).
_RESTORED = ("status", "called_at", "first_called_at", "started_at", "finished_at", "call_count",
             "called_by_staff_id", "called_by_name", "room_id", "assigned_staff_id", "referred_to")

DISPLAY_HISTORY = 6
#: How many candidates one write transaction tries before re-reading the list.
CLAIM_TRIES = 12


@dataclass(frozen=True)
class UndoToken:
    """What it takes to undo one action: the state before it and the version it left."""

    action: str
    visit_id: int
    ticket: str
    version_after: int
    before: dict[str, Any]
    at: datetime
    display_call_id: int | None = None
    created_visit_id: int | None = None


@dataclass(frozen=True)
class ActionResult:
    visit: VisitRow
    undo: UndoToken
    extra: dict[str, Any] = field(default_factory=dict)


def _snapshot(row: VisitRow) -> dict[str, Any]:
    return {
        "status": row.status.value,
        "called_at": row.called_at,
        "first_called_at": row.first_called_at,
        "started_at": row.started_at,
        "finished_at": row.finished_at,
        "call_count": row.call_count,
        "called_by_staff_id": row.called_by_staff_id,
        "called_by_name": row.called_by_name,
        "room_id": row.room_id,
        "assigned_staff_id": row.assigned_staff_id,
        "referred_to": row.referred_to,
    }


class WaitlistService:
    def __init__(self, uow: UnitOfWorkFactory, *, clock: Clock = system_clock) -> None:
        self._uow = uow
        self._clock = clock
        self._list_reads = ListReads(uow, clock=clock)

    # -- reading ----------------------------------------------------------------------------

    @requires(Permission.WAITLIST_READ)
    def waiting_list(self, actor: Actor, *, now: datetime | None = None,
                     service_ids: frozenset[int] | None = None) -> list[VisitRow]:
        """Today's open visits in list order: waiting ones by the order rule, then called, then
        in session (see desk.domain.waitlist). Recorded as a list read (the clients on it)."""
        now = now or self._clock()
        with self._uow() as uow:
            rows = uow.visits.for_day(local_day(now), open_only=True)
        if service_ids is not None:
            rows = [r for r in rows if r.service_id in service_ids]
        waiting = ordered([r for r in rows if r.status is VisitStatus.WAITING], now)
        called = sorted((r for r in rows if r.status is VisitStatus.CALLED), key=lambda r: (r.called_at, r.id))
        session = sorted((r for r in rows if r.status is VisitStatus.IN_SESSION),
                         key=lambda r: (r.started_at or r.arrived_at, r.id))
        self._list_reads.record(actor, "waiting_list", (r.client_id for r in rows), now=now)
        return waiting + called + session

    @requires(Permission.WAITLIST_READ)
    def get(self, actor: Actor, visit_id: int) -> VisitRow:
        with self._uow() as uow:
            row = uow.visits.get(visit_id)
        if row is None:
            raise NotFoundError()
        return row

    @requires(Permission.DISPLAY_READ)
    def display_calls(self, actor: Actor, *, now: datetime | None = None,
                      limit: int = DISPLAY_HISTORY) -> list[DisplayCallRow]:
        """Today's latest calls for the waiting-room display, newest first: ticket, room label,
        language. The table behind it has no column that could hold a name."""
        now = now or self._clock()
        start = datetime.combine(local_day(now), time(0), tzinfo=BERLIN).astimezone(UTC)
        with self._uow() as uow:
            return uow.visits.display_calls(since=start, limit=limit)

    # -- calling -----------------------------------------------------------------------------

    @requires(Permission.VISIT_CALL)
    def call_next(self, actor: Actor, *, room_id: int | None = None,
                  service_ids: frozenset[int] | None = None, now: datetime | None = None) -> ActionResult | None:
        """Call the first eligible waiting person of `service_ids` (default: my services, or all
        when I have none). None when nobody is waiting. Losing a race moves on silently."""
        now = now or self._clock()
        if service_ids is None:
            service_ids = actor.service_ids or None
        for _round in range(20):
            # read the candidates OUTSIDE the write lock (SQLite: BEGIN IMMEDIATE serialises
            # writers), then claim in a short write transaction; the claim itself is conditional
            with self._uow() as uow:
                room_id, label = self._room(uow, actor, room_id)
                candidates = call_order(uow.visits.waiting(local_day(now)), now, service_ids, actor.staff_id)
            if not candidates:
                return None
            with self._uow(write=True) as uow:
                for candidate in candidates[:CLAIM_TRIES]:
                    if uow.visits.claim(candidate.id, now=now, day=local_day(now), staff_id=actor.staff_id,
                                        caller_name=actor.name, room_id=room_id):
                        return self._after_call(uow, actor, "call", candidate, label, now)
        raise ConflictError("Everyone was called by others at the same moment; please try again.")

    @requires(Permission.VISIT_CALL)
    def call(self, actor: Actor, visit_id: int, *, room_id: int | None = None, take_over: bool = False,
             now: datetime | None = None) -> ActionResult:
        """Call this person out of order (same atomic claim). A person reserved for another
        counsellor (appointment, hand-over) is refused unless `take_over`: then the visit becomes
        mine, and the take-over is audited (`visit.take_over`, naming whose client it was). A
        reservation for a counsellor deactivated or absent today holds for nobody, here as in
        call next (the claim's condition): no take-over needed, none audited."""
        now = now or self._clock()
        with self._uow(write=True) as uow:
            room_id, label = self._room(uow, actor, room_id)
            before = self._load(uow, visit_id)
            if not uow.visits.claim(visit_id, now=now, day=local_day(now), staff_id=actor.staff_id,
                                    caller_name=actor.name, room_id=room_id, take_over=take_over):
                raise self._taken(uow, visit_id, actor)
            if take_over and before.assigned_staff_id not in (None, actor.staff_id):
                record(uow, actor, "visit.take_over", entity_type="visit", entity_id=visit_id,
                       client_id=before.client_id,
                       details={"ticket": before.ticket, "from_staff": self._staff_name(uow, before.assigned_staff_id)})
            return self._after_call(uow, actor, "call", before, label, now)

    @requires(Permission.VISIT_CALL)
    def call_again(self, actor: Actor, visit_id: int, *, room_id: int | None = None,
                   now: datetime | None = None) -> ActionResult:
        now = now or self._clock()
        with self._uow(write=True) as uow:
            before = self._load(uow, visit_id)
            room_id, label = self._room(uow, actor, room_id if room_id is not None else before.room_id)
            ok = uow.visits.transition(
                visit_id, from_statuses=TRANSITIONS["call_again"][0], version=before.version,
                values={"called_at": now, "room_id": room_id, "called_by_staff_id": actor.staff_id,
                        "called_by_name": actor.name, "updated_at": now},
                bump_calls=True,
            )
            if not ok:
                raise self._changed(uow, visit_id)
            return self._after_call(uow, actor, "call_again", before, label, now)

    # -- the other transitions -----------------------------------------------------------------

    @requires(Permission.VISIT_CALL)
    def start(self, actor: Actor, visit_id: int, *, now: datetime | None = None) -> ActionResult:
        now = now or self._clock()

        def values(before: VisitRow) -> dict[str, Any]:
            return {"started_at": now, "first_called_at": before.first_called_at or now}

        return self._simple(actor, "start", visit_id, now, values)

    @requires(Permission.VISIT_CALL)
    def done(self, actor: Actor, visit_id: int, *, now: datetime | None = None) -> ActionResult:
        now = now or self._clock()
        return self._simple(actor, "done", visit_id, now, lambda b: {"finished_at": now})

    @requires(Permission.VISIT_CALL)
    def no_show(self, actor: Actor, visit_id: int, *, now: datetime | None = None) -> ActionResult:
        now = now or self._clock()
        return self._simple(actor, "no_show", visit_id, now, lambda b: {"finished_at": now})

    @requires(Permission.VISIT_CALL)
    def back_to_waiting(self, actor: Actor, visit_id: int, *, now: datetime | None = None) -> ActionResult:
        """Back on the list at the original place (arrival unchanged; the first call is kept for
        the statistics)."""
        now = now or self._clock()
        return self._simple(actor, "back_to_waiting", visit_id, now, lambda b: {
            "called_at": None, "started_at": None, "room_id": None, "called_by_staff_id": None,
            "called_by_name": ""})

    @requires(Permission.VISIT_CALL)
    def refer(self, actor: Actor, visit_id: int, organisation: str, *, now: datetime | None = None) -> ActionResult:
        """Referred to a partner organisation (one of the setting `partner_organisations`)."""
        now = now or self._clock()
        organisation = clean_text(organisation, field="Partner organisation", max_length=200)
        with self._uow() as uow:
            partners = uow.settings.business().partner_organisations
        if organisation not in partners:
            raise ValidationError("{name} is not in the list of partner organisations.", name=organisation)
        return self._simple(actor, "refer", visit_id, now,
                            lambda b: {"finished_at": now, "referred_to": organisation},
                            details={"organisation": organisation})

    @requires(Permission.VISIT_CALL)
    def hand_over(self, actor: Actor, visit_id: int, *, service_id: int, staff_id: int | None = None,
                  now: datetime | None = None, request_key: str | None = None) -> ActionResult:
        """Hand over to another service (a new waiting visit with a new ticket, the same arrival
        time; the old visit becomes *handed over*) or, within the same service, to a counsellor
        (the visit goes back to waiting, reserved for that counsellor). Tried again with the same
        request key after a fault whose first attempt was saved: that hand-over and its new ticket
        (the retry itself is refused: the visit is handed over already)."""
        key = checked_key(request_key)
        return once(self._uow, key, lambda: self._hand_over(actor, visit_id, service_id, staff_id, now, key),
                    lambda uow, k: self._handed_over_by(uow, k, visit_id), what="hand-over")

    def _handed_over_by(self, uow: UnitOfWork, key: str, visit_id: int) -> ActionResult | None:
        """The answer of the hand-over whose new visit carries `key` (services/once.py). Its undo
        puts the old visit back as it was: a hand-over to another service changed only its status
        and end, and the status it had follows from its times (started: in a session; called:
        called; else waiting), as call, start and back-to-waiting leave them."""
        new_row = uow.visits.made_by(key)
        if new_row is None or new_row.handed_over_from_id != visit_id:
            return None
        after = self._load(uow, visit_id)
        status = (VisitStatus.IN_SESSION if after.started_at is not None
                  else VisitStatus.CALLED if after.called_at is not None else VisitStatus.WAITING)
        before = {**_snapshot(after), "status": status.value, "finished_at": None}
        token = UndoToken("hand_over", visit_id, after.ticket, after.version, before, after.finished_at or self._clock(),
                          created_visit_id=new_row.id)
        return ActionResult(new_row, token, {"old_visit": after})

    def _hand_over(self, actor: Actor, visit_id: int, service_id: int, staff_id: int | None,
                   now: datetime | None, key: str | None) -> ActionResult:
        now = now or self._clock()
        with self._uow(write=True) as uow:
            before = self._load(uow, visit_id)
            service = next((s for s in uow.reference.services() if s.id == service_id), None)
            if service is None or not service.active:
                raise NotFoundError("This service is not available for check-in.")
            if staff_id is not None:
                person = uow.reference.staff_row(staff_id)
                if person is None:
                    raise NotFoundError()
                if not can_take_over(person, service_id):
                    raise ValidationError("{name} does not work in this service; choose a counsellor of it.",
                                          name=person.display_name)
            allowed = TRANSITIONS["hand_over"][0]
            if service_id == before.service_id:
                if staff_id is None:
                    raise ValidationError("Choose another service or a counsellor to hand over to.")
                ok = uow.visits.transition(visit_id, from_statuses=allowed, version=before.version, values={
                    "status": VisitStatus.WAITING.value, "assigned_staff_id": staff_id, "called_at": None,
                    "started_at": None, "room_id": None, "called_by_staff_id": None, "called_by_name": "",
                    "updated_at": now})
                if not ok:
                    raise self._changed(uow, visit_id)
                created = None
            else:
                ok = uow.visits.transition(visit_id, from_statuses=allowed, version=before.version, values={
                    "status": VisitStatus.HANDED_OVER.value, "finished_at": now, "updated_at": now})
                if not ok:
                    raise self._changed(uow, visit_id)
                number = uow.visits.next_ticket_number(service.id, before.ticket_day)
                created = uow.visits.add_handover(
                    visit_id, service_id=service.id, ticket_number=number, ticket_prefix=service.ticket_prefix,
                    assigned_staff_id=staff_id, created_by=actor.staff_id, now=now, request_key=key)
            record(uow, actor, "visit.hand_over", entity_type="visit", entity_id=visit_id,
                   client_id=before.client_id,
                   details={"ticket": before.ticket, "to_service": service.code, "to_staff": staff_id,
                            "new_visit": created})
            uow.touch(Topic.VISITS)
            after = self._load(uow, visit_id)
            new_row = uow.visits.get(created) if created is not None else None
            uow.commit()
        token = UndoToken("hand_over", visit_id, before.ticket, after.version, _snapshot(before), now,
                          created_visit_id=created)
        return ActionResult(new_row or after, token, {"old_visit": after})

    @requires(Permission.VISIT_CALL)
    def undo(self, actor: Actor, token: UndoToken, *, now: datetime | None = None) -> VisitRow:
        """The inverse of one action, for UNDO_WINDOW, if nobody changed the visit since."""
        now = now or self._clock()
        if now - token.at > UNDO_WINDOW:
            raise ConflictError("{ticket}: too late to undo (more than {minutes} minutes ago).",
                                ticket=token.ticket, minutes=int(UNDO_WINDOW.total_seconds() // 60))
        with self._uow(write=True) as uow:
            if token.created_visit_id is not None:
                if not uow.visits.delete_untouched(token.created_visit_id, version=1):
                    raise ConflictError("{ticket} was changed at another workstation; the hand-over can no "
                                        "longer be undone.", ticket=token.ticket)
            ok = uow.visits.transition(token.visit_id, from_statuses=None, version=token.version_after,
                                       values={**{k: token.before[k] for k in _RESTORED}, "updated_at": now})
            if not ok:
                raise ConflictError("{ticket} was changed at another workstation in the meantime; "
                                    "nothing was undone.", ticket=token.ticket)
            if token.display_call_id is not None:
                uow.visits.delete_display_call(token.display_call_id)
            row = self._load(uow, token.visit_id)
            record(uow, actor, "visit.undo", entity_type="visit", entity_id=token.visit_id,
                   client_id=row.client_id, details={"ticket": token.ticket, "undone": token.action})
            uow.touch(Topic.VISITS, Topic.DISPLAY)
            uow.commit()
        return row

    # -- end of day ----------------------------------------------------------------------------

    @requires(Permission.DAY_CLOSE)
    def close_day(self, actor: Actor, *, now: datetime | None = None, force: bool = False) -> int:
        """Close open visits as *left* (not no-show): always those of earlier days; today's once
        the closing time (setting) has passed, or when `force`. Returns how many were closed.

        Every window of reception, counselling and the head runs this (the volunteer is often the
        last one at the centre); closing today's tickets before the closing time (`force`) is for
        those who call people (VISIT_CALL) only.

        The waiting-room display's calls (ticket, time, room, language) of the closed days are
        deleted with them: the table never keeps a call older than today."""
        if force and not allowed(actor.role, Permission.VISIT_CALL):
            raise PermissionDeniedError()
        now = now or self._clock()
        today = local_day(now)
        with self._uow(write=True) as uow:
            closing = time.fromisoformat(uow.settings.business().closing_time)  # HH:MM, checked
            closed_today = force or now.astimezone(BERLIN).time() >= closing
            up_to = today if closed_today else today - timedelta(days=1)
            ids = uow.visits.close_open(up_to_day=up_to, now=now)
            next_day = up_to + timedelta(days=1)
            calls = uow.visits.delete_display_calls_before(
                datetime(next_day.year, next_day.month, next_day.day, tzinfo=BERLIN))
            if not ids and not calls:
                return 0
            record(uow, actor, "visit.close_day", entity_type="visit",
                   details={"day": up_to.isoformat(), "closed": len(ids), "visit_ids": ids[:500],
                            "display_calls_deleted": calls})
            uow.touch(Topic.VISITS, Topic.DISPLAY)
            uow.commit()
        return len(ids)

    # -- helpers -------------------------------------------------------------------------------

    def _simple(self, actor: Actor, action: str, visit_id: int, now: datetime, values, *,
                details: dict[str, Any] | None = None) -> ActionResult:
        allowed, target = TRANSITIONS[action]
        with self._uow(write=True) as uow:
            before = self._load(uow, visit_id)
            if before.status not in allowed:
                raise ConflictError("{ticket} is {status} now; this is not possible any more.",
                                    ticket=before.ticket, status=before.status.value)
            ok = uow.visits.transition(visit_id, from_statuses=allowed, version=before.version,
                                       values={"status": target.value, "updated_at": now, **values(before)})
            if not ok:
                raise self._changed(uow, visit_id)
            record(uow, actor, f"visit.{action}", entity_type="visit", entity_id=visit_id,
                   client_id=before.client_id, details={"ticket": before.ticket, **(details or {})})
            uow.touch(Topic.VISITS)
            after = self._load(uow, visit_id)
            uow.commit()
        return ActionResult(after, UndoToken(action, visit_id, before.ticket, after.version, _snapshot(before), now))

    def _after_call(self, uow: UnitOfWork, actor: Actor, action: str, before: VisitRow, label: str,
                    now: datetime) -> ActionResult:
        call_id = uow.visits.add_display_call(called_at=now, ticket=before.ticket, room_label=label,
                                              language=uow.visits.display_language(before.id))
        record(uow, actor, f"visit.{action}", entity_type="visit", entity_id=before.id,
               client_id=before.client_id, details={"ticket": before.ticket, "room": label})
        uow.touch(Topic.VISITS, Topic.DISPLAY)
        after = self._load(uow, before.id)
        uow.commit()
        token = UndoToken(action, before.id, before.ticket, after.version, _snapshot(before), now,
                          display_call_id=call_id)
        return ActionResult(after, token)

    def _room(self, uow: UnitOfWork, actor: Actor, room_id: int | None) -> tuple[int, str]:
        if room_id is None and actor.staff_id is not None:
            staff = uow.reference.staff_row(actor.staff_id)
            room_id = staff.default_room_id if staff else None
        if room_id is None:
            raise ValidationError("Please choose the room you are calling into.")
        room = next((r for r in uow.reference.rooms() if r.id == room_id), None)
        if room is None:
            raise NotFoundError("This room does not exist (any more).")
        return room.id, room.display_label or room.name

    def _load(self, uow: UnitOfWork, visit_id: int) -> VisitRow:
        row = uow.visits.get(visit_id)
        if row is None:
            raise NotFoundError("This visit does not exist (any more).")
        return row

    @staticmethod
    def _staff_name(uow: UnitOfWork, staff_id: int | None) -> str:
        staff = uow.reference.staff_row(staff_id) if staff_id is not None else None
        return staff.display_name if staff is not None else "?"

    def _taken(self, uow: UnitOfWork, visit_id: int, actor: Actor | None = None) -> ConflictError:
        now_row = self._load(uow, visit_id)
        if (now_row.status is VisitStatus.WAITING and now_row.assigned_staff_id is not None
                and (actor is None or now_row.assigned_staff_id != actor.staff_id)):
            return ReservedError("{ticket} is reserved for {name}; take over deliberately if you want to call.",
                                 ticket=now_row.ticket, name=self._staff_name(uow, now_row.assigned_staff_id))
        if now_row.status is VisitStatus.CALLED:
            return ConflictError("{ticket} was already called by {name} ({room}).", ticket=now_row.ticket,
                                 name=now_row.called_by_name or "?", room=now_row.room_label or "?")
        return ConflictError("{ticket} is {status} now; this is not possible any more.",
                             ticket=now_row.ticket, status=now_row.status.value)

    def _changed(self, uow: UnitOfWork, visit_id: int) -> ConflictError:
        now_row = self._load(uow, visit_id)
        if now_row.status in OPEN_VISIT_STATUSES and now_row.called_by_name:
            return ConflictError("{ticket} was changed by {name} in the meantime ({status}).",
                                 ticket=now_row.ticket, name=now_row.called_by_name, status=now_row.status.value)
        return ConflictError("{ticket} is {status} now; this is not possible any more.",
                             ticket=now_row.ticket, status=now_row.status.value)


class AlarmService:
    """Silent alarm: raised in one office, shown on every other workstation until acknowledged."""

    def __init__(self, uow: UnitOfWorkFactory, *, clock: Clock = system_clock) -> None:
        self._uow = uow
        self._clock = clock

    @requires(Permission.ALARM_RAISE)
    def raise_alarm(self, actor: Actor, *, room_id: int | None = None, now: datetime | None = None) -> AlarmRow:
        now = now or self._clock()
        with self._uow(write=True) as uow:
            if room_id is None and actor.staff_id is not None:
                staff = uow.reference.staff_row(actor.staff_id)
                room_id = staff.default_room_id if staff else None
            room = next((r for r in uow.reference.rooms() if r.id == room_id), None)
            label = room.name if room is not None else f"{actor.name} @ {actor.workstation}"
            alarm_id = uow.visits.raise_alarm(now=now, staff_id=actor.staff_id,
                                              room_id=room.id if room else None, room_label=label)
            record(uow, actor, "alarm.raise", entity_type="alarm", entity_id=alarm_id, details={"room": label})
            uow.touch(Topic.ALARMS)
            uow.commit()
            return next(a for a in uow.visits.open_alarms() if a.id == alarm_id)

    @requires(Permission.ALARM_ACK)
    def open_alarms(self, actor: Actor) -> list[AlarmRow]:
        with self._uow() as uow:
            return uow.visits.open_alarms()

    @requires(Permission.ALARM_ACK)
    def acknowledge(self, actor: Actor, alarm_id: int, *, now: datetime | None = None) -> bool:
        """True if this call acknowledged it; False if someone else already had."""
        now = now or self._clock()
        with self._uow(write=True) as uow:
            done = uow.visits.acknowledge_alarm(alarm_id, now=now, staff_id=actor.staff_id)
            if not done:
                return False
            record(uow, actor, "alarm.acknowledge", entity_type="alarm", entity_id=alarm_id)
            uow.touch(Topic.ALARMS)
            uow.commit()
        return True

