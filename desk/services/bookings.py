"""Room bookings: create, move, resize, edit and cancel (one occurrence, this and following, the
whole series), the tea kitchen together with the group room, actual participants, history.

No double booking: every write locks the rooms it touches (`uow.bookings.lock_rooms`: row locks
on PostgreSQL; SQLite's write unit of work already holds the write lock from `BEGIN IMMEDIATE`)
and then checks the materialised occurrences for overlaps *inside the same transaction*. A
conflict raises ConflictError naming the booking in the way and the next free slot.

Series are materialised into `booking_occurrences` (see desk.domain.recurrence for the rules and
the horizon of open-ended series). Past occurrences are history: editing or cancelling a whole
series changes only occurrences that have not ended yet.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta

from desk.domain.bookings import (
    MAX_PARTICIPANTS,
    NOTES_MAX,
    ORGANISER_MAX,
    TITLE_MAX,
    BookingDraft,
    BookingRow,
    BusyRow,
    SaveResult,
)
from desk.domain.calendar import check_span, next_free_slot, overlaps
from desk.domain.errors import ConflictError, NotFoundError, StaleError, ValidationError
from desk.domain.model import AuditRow, BookingOccurrenceRow, HolidayPolicy, RoomKind, RoomRow
from desk.domain.permissions import Permission
from desk.domain.public_holidays import STORED_LANGUAGE, holiday_name
from desk.domain.recurrence import (
    EXTEND_MARGIN_DAYS,
    HORIZON_DAYS,
    EditScope,
    OccurrenceSpec,
    Replan,
    RuleSpec,
    describe,
    expand,
    is_open_ended,
    occurrence_key,
    parse_rrule,
    place,
    replan,
    to_rrule,
    with_end,
)
from desk.domain.text import clean_text
from desk.domain.tickets import BERLIN
from desk.domain.topics import Topic
from desk.services.audit import record
from desk.services.clock import Clock, system_clock
from desk.services.context import Actor
from desk.services.gate import requires
from desk.services.once import checked_key, once
from desk.storage.repositories.bookings import OccurrenceRecord
from desk.storage.uow import UnitOfWork, UnitOfWorkFactory

#: Local hours in which a "next free slot" is suggested.
SUGGEST_DAY = (time(7), time(22))
#: A conflict of a series names at most this many of its taken dates.
CLASHES_NAMED = 8
TOPIC = Topic.BOOKINGS


def _fmt(moment: datetime) -> str:
    """A moment in the audit trail's details (stored text, written so since the first booking). A
    sentence a person reads takes the moment itself (an error's parameter: domain/errors.py)."""
    return moment.astimezone(BERLIN).strftime("%d.%m.%Y %H:%M")


def _fmt_time(moment: datetime) -> str:
    return moment.astimezone(BERLIN).strftime("%H:%M")


class BookingService:
    def __init__(self, uow: UnitOfWorkFactory, *, clock: Clock = system_clock) -> None:
        self._uow = uow
        self._clock = clock  # "now" for every rule below; a method's `now=` overrides it for one call
        # (when, up to where) of the last check that every open series reaches far enough:
        # a calendar redraw need not ask the database again for a minute
        self._series_checked: tuple[datetime, datetime] | None = None

    # -- reading ------------------------------------------------------------------------------

    @requires(Permission.ROOM_READ)
    def occurrences(
        self, actor: Actor, start: datetime, end: datetime, room_ids: list[int] | None = None
    ) -> list[BookingOccurrenceRow]:
        """Occurrences overlapping [start, end) (cancelled ones included, marked)."""
        self._extend_open_series(actor, end)
        with self._uow() as uow:
            return uow.bookings.list_occurrences(start, end, room_ids)

    @requires(Permission.ROOM_READ)
    def occurrence(self, actor: Actor, occurrence_id: int) -> BookingOccurrenceRow:
        with self._uow() as uow:
            return uow.bookings.occurrence_row(occurrence_id)

    @requires(Permission.ROOM_READ)
    def booking(self, actor: Actor, booking_id: int) -> BookingRow:
        with self._uow() as uow:
            return uow.bookings.booking(booking_id)

    @requires(Permission.ROOM_READ)
    def series(self, actor: Actor, booking_id: int) -> list[BookingOccurrenceRow]:
        with self._uow() as uow:
            return uow.bookings.series_occurrences(booking_id)

    @requires(Permission.ROOM_READ)
    def history(self, actor: Actor, booking_id: int) -> list[AuditRow]:
        """Every change to the booking (and the tea kitchen booked with it), newest first."""
        with self._uow() as uow:
            booking = uow.bookings.booking(booking_id)
            rows = uow.audit.query(entity_type="booking", entity_id=booking_id)
            if booking.linked_booking_id:
                rows += uow.audit.query(entity_type="booking", entity_id=booking.linked_booking_id)
        return sorted(rows, key=lambda r: (r.at, r.id), reverse=True)

    @requires(Permission.ROOM_READ)
    def suggest_slot(
        self, actor: Actor, room_id: int, duration: timedelta, not_before: datetime,
        *, exclude_booking_ids: tuple[int, ...] = (),
    ) -> datetime | None:
        with self._uow() as uow:
            return self._next_free(uow, [room_id], duration, not_before, exclude_booking_ids)

    @requires(Permission.ROOM_READ)
    def count_overlaps(self, actor: Actor) -> int:
        """Overlapping non-cancelled occurrences of one room (a health check: always 0)."""
        with self._uow() as uow:
            return uow.bookings.count_overlaps()

    @requires(Permission.ROOM_READ)
    def export_ics(self, actor: Actor, *, start: datetime, end: datetime, room_id: int | None = None,
                   booking_id: int | None = None) -> bytes:
        """An iCalendar file of a room (or all rooms) in [start, end), or of one booking: a series as
        one recurring event (its rule in Berlin time, cancelled and skipped dates excluded, dates
        changed on their own as overrides)."""
        from desk.services.ical import SeriesDate, booking_series_ics, room_calendar_ics

        with self._uow() as uow:
            rooms = {r.id: r for r in uow.reference.rooms()}
            if booking_id is not None and (booking := uow.bookings.booking(booking_id)).rrule:
                dates = [SeriesDate(o.id, o.original_start, o.starts_at, o.ends_at, o.cancelled,
                                    o.title_override if o.title_override is not None else booking.title, o.room_id)
                         for o in uow.bookings.occurrences_of(booking_id)]
                return booking_series_ics(booking, dates, rooms=rooms, name=f"Raumbuchung: {booking.title}",
                                          notes=booking.notes)
            if booking_id is not None:
                rows = uow.bookings.series_occurrences(booking_id)
                name = f"Raumbuchung: {rows[0].title}" if rows else "Raumbuchung"
            else:
                rows = uow.bookings.list_occurrences(start, end, [room_id] if room_id is not None else None)
                name = f"Raumkalender {rooms[room_id].name}" if room_id in rooms else "Raumkalender"
            notes = {b: uow.bookings.booking(b).notes for b in {r.booking_id for r in rows}}
        return room_calendar_ics(rows, rooms=rooms, name=name, notes=notes)

    # -- creating -----------------------------------------------------------------------------

    @requires(Permission.ROOM_BOOK)
    def create(self, actor: Actor, draft: BookingDraft, *, skip_taken: bool = False,
               now: datetime | None = None) -> SaveResult:
        """A new booking (a series from its first date). One that is already over is refused.

        A series with dates that are already taken is refused (ConflictError naming them), unless
        `skip_taken`: then those dates are stored cancelled (the calendar shows them as such, and
        *Restore date* books one if the room becomes free) and the others are booked. Tried again
        with the same request key after a fault whose first attempt was saved: that booking (not
        "room taken" by itself)."""
        key = checked_key(draft.request_key)
        return once(self._uow, key, lambda: self._create(actor, draft, key, skip_taken=skip_taken, now=now),
                    _made_by, what="room booking")

    def _create(self, actor: Actor, draft: BookingDraft, key: str | None, *, skip_taken: bool,
                now: datetime | None) -> SaveResult:
        now = now or self._clock()
        draft = _clean(draft, now)
        _refuse_past(draft, now)
        first_local = draft.starts_at.astimezone(BERLIN).replace(tzinfo=None)
        rule = to_rrule(draft.rule, first_local)
        specs = _materialise(rule, draft.starts_at, draft.ends_at, draft.holiday_policy, now)
        if not specs:
            raise ValidationError("Every date of this series falls on a public holiday; nothing was booked.")
        with self._uow(write=True) as uow:
            room = _room(uow, draft.room_id)
            kitchen = _kitchen(uow) if draft.with_kitchen else None
            if draft.with_kitchen and (kitchen is None or room.kind is not RoomKind.GROUP):
                raise ValidationError("The tea kitchen can only be booked together with the group room.")
            rooms = [room] + ([kitchen] if kitchen else [])
            uow.bookings.lock_rooms(r.id for r in rooms)
            # read under the room lock: what is taken now is what stays taken until the commit
            taken = _taken_keys(uow, rooms, specs) if skip_taken and rule is not None else frozenset()
            if len(taken) == len(specs):
                raise ValidationError("Every date of this series is already taken; nothing was booked.")
            spans = [(s.starts_at, s.ends_at) for s in specs if s.key not in taken]
            try:
                for target in rooms:
                    self._check_free(uow, target, spans, now, exclude_booking_ids=())
            except ConflictError as error:
                if rule is not None and not skip_taken:  # what "book the others" would book (both rooms)
                    error.params["free_dates"] = len(specs) - len(_taken_keys(uow, rooms, specs))
                raise
            booking_id = self._insert(uow, actor, draft, room.id, rule, specs, taken=taken, request_key=key)
            linked_id = None
            if kitchen is not None:
                linked_id = self._insert(uow, actor, draft, kitchen.id, rule, specs, linked_to=booking_id,
                                         taken=taken)
                uow.bookings.link(booking_id, linked_id)
            uow.touch(TOPIC)
            uow.commit()
        result = _result(booking_id, linked_id, len(specs) - len(taken), room, draft.expected_participants)
        return replace(result, left_out=tuple(sorted(taken)))

    def _insert(self, uow: UnitOfWork, actor: Actor, draft: BookingDraft, room_id: int, rule: str | None,
                specs: list[OccurrenceSpec], linked_to: int | None = None,
                taken: frozenset[date] = frozenset(), request_key: str | None = None) -> int:
        booking_id = uow.bookings.add_booking(
            room_id=room_id, title=draft.title, kind=draft.kind, organiser=draft.organiser,
            expected_participants=draft.expected_participants, notes=draft.notes,
            starts_at=draft.starts_at, ends_at=draft.ends_at, rrule=rule,
            holiday_policy=draft.holiday_policy, created_by=actor.staff_id, linked_booking_id=linked_to,
            request_key=request_key,  # the linked tea kitchen's booking has none: the key is once
        )
        uow.bookings.add_occurrences(booking_id, room_id,
                                     [{**_new_row(s), "cancelled": s.key in taken} for s in specs])
        details = {"room_id": room_id, "title": draft.title, "starts_at": _fmt(draft.starts_at),
                   "ends_at": _fmt(draft.ends_at), "rule": describe(draft.rule), "rrule": rule,
                   "occurrences": len(specs) - len(taken), "linked_to": linked_to}
        if taken:
            details["cancelled_because_taken"] = [day.isoformat() for day in sorted(taken)]
        record(uow, actor, "booking.create", entity_type="booking", entity_id=booking_id, details=details)
        return booking_id

    # -- changing -----------------------------------------------------------------------------

    @requires(Permission.ROOM_BOOK)
    def move(
        self, actor: Actor, occurrence_id: int, starts_at: datetime, ends_at: datetime,
        *, room_id: int | None = None, scope: EditScope = EditScope.THIS, expected_version: int | None = None,
        now: datetime | None = None,
    ) -> SaveResult:
        """Move and/or resize (drag in the calendar): keeps everything else of the booking. A move to a
        time that is already over is refused."""
        with self._uow() as uow:
            occurrence = uow.bookings.occurrence(occurrence_id)
            booking = uow.bookings.booking(occurrence.booking_id)
        rule = parse_rrule(booking.rrule)
        if scope is not EditScope.THIS and rule.until is not None:
            # a series dragged a week later ends a week later, as the dialog does: its last dates
            # must not fall off the end (nor new ones appear when it moves earlier)
            shift = occurrence_key(starts_at) - occurrence_key(occurrence.original_start)
            rule = replace(rule, until=rule.until + shift)
        draft = BookingDraft(
            room_id=room_id if room_id is not None else occurrence.room_id,
            title=occurrence.title_override if occurrence.title_override is not None else booking.title,
            starts_at=starts_at, ends_at=ends_at, kind=booking.kind, organiser=booking.organiser,
            expected_participants=booking.expected_participants, notes=booking.notes,
            rule=rule, holiday_policy=booking.holiday_policy,
            with_kitchen=booking.linked_booking_id is not None,
        )
        return self.edit(actor, occurrence_id, draft, scope=scope,
                         expected_version=expected_version if expected_version is not None else booking.version,
                         now=now)

    @requires(Permission.ROOM_BOOK)
    def edit(
        self, actor: Actor, occurrence_id: int, draft: BookingDraft, *, scope: EditScope = EditScope.ALL,
        expected_version: int | None = None, skip_taken: bool = False, now: datetime | None = None,
    ) -> SaveResult:
        """Change a booking from one of its occurrences. One-off bookings ignore the scope. Moving the
        date to a time that is already over is refused; a past date keeping its time can still be
        edited (participants, title, notes). `skip_taken` (the whole series): dates the change adds
        (a later end) on which the room is taken are stored cancelled, as `create` does."""
        now = now or self._clock()
        draft = _clean(draft, now)
        with self._uow(write=True) as uow:
            occurrence = uow.bookings.occurrence(occurrence_id)
            booking = uow.bookings.booking(occurrence.booking_id)
            if expected_version is not None and booking.version != expected_version:
                raise StaleError()
            if (draft.starts_at, draft.ends_at) != (occurrence.starts_at, occurrence.ends_at):
                _refuse_past(draft, now)
            room = _room(uow, draft.room_id)
            linked = uow.bookings.booking(booking.linked_booking_id) if booking.linked_booking_id else None
            room_ids = {room.id, booking.room_id, occurrence.room_id} | ({linked.room_id} if linked else set())
            kitchen = _kitchen(uow) if draft.with_kitchen and linked is None else None
            if kitchen is not None:
                room_ids.add(kitchen.id)
            uow.bookings.lock_rooms(room_ids)
            if booking.rrule is None or scope is EditScope.ALL:
                result = self._edit_all(uow, actor, booking, occurrence, draft, room, linked, kitchen, now,
                                        skip_taken=skip_taken)
            elif scope is EditScope.THIS:
                result = self._edit_this(uow, actor, booking, occurrence, draft, room, linked, now)
            else:
                result = self._edit_following(uow, actor, booking, occurrence, draft, room, linked, now)
            uow.touch(TOPIC)
            uow.commit()
        return result

    def _edit_this(self, uow: UnitOfWork, actor: Actor, booking: BookingRow, occurrence: OccurrenceRecord,
                   draft: BookingDraft, room: RoomRow, linked: BookingRow | None, now: datetime) -> SaveResult:
        if occurrence.cancelled:
            raise ValidationError("This date is cancelled; restore it before changing it.")
        self._check_free(uow, room, [(draft.starts_at, draft.ends_at)], now, exclude_occurrence_ids=(occurrence.id,))
        title_override = draft.title if draft.title != booking.title else None
        # the date is marked with the German name (what the database keeps); readers name it by its day
        holiday = holiday_name(occurrence_key(draft.starts_at), STORED_LANGUAGE)
        uow.bookings.update_occurrence(
            occurrence.id, starts_at=draft.starts_at, ends_at=draft.ends_at, room_id=room.id, detached=True,
            title_override=title_override, holiday_name=holiday,
        )
        self._audit_change(uow, actor, booking.id, "booking.edit_occurrence", occurrence, draft, room.id)
        if linked is not None:
            partner = _partner(uow, linked.id, occurrence)
            if partner is not None and not partner.cancelled:
                target = _room(uow, linked.room_id)
                self._check_free(uow, target, [(draft.starts_at, draft.ends_at)], now,
                                 exclude_occurrence_ids=(partner.id,))
                uow.bookings.update_occurrence(
                    partner.id, starts_at=draft.starts_at, ends_at=draft.ends_at, detached=True,
                    title_override=title_override, holiday_name=holiday,
                )
                self._audit_change(uow, actor, linked.id, "booking.edit_occurrence", partner, draft, linked.room_id)
        uow.bookings.update_booking(booking.id, expected_version=booking.version)
        return _result(booking.id, linked.id if linked else None, 1, room, booking.expected_participants)

    def _edit_all(self, uow: UnitOfWork, actor: Actor, booking: BookingRow, occurrence: OccurrenceRecord,
                  draft: BookingDraft, room: RoomRow, linked: BookingRow | None,
                  kitchen: RoomRow | None, now: datetime, *, skip_taken: bool = False) -> SaveResult:
        # the whole series moves by the same number of days the edited occurrence moved
        shift = occurrence_key(draft.starts_at) - occurrence_key(occurrence.original_start)
        first_day = occurrence_key(booking.starts_at) + shift
        if booking.rrule is None:
            first_start, first_end = draft.starts_at, draft.ends_at
        else:
            local_start = draft.starts_at.astimezone(BERLIN)
            length = draft.ends_at.astimezone(BERLIN).replace(tzinfo=None) - local_start.replace(tzinfo=None)
            naive = datetime.combine(first_day, local_start.time())
            first_start, first_end = place(naive), place(naive + length)
        rule = to_rrule(draft.rule, first_start.astimezone(BERLIN).replace(tzinfo=None))
        plan = self._replan(uow, booking.id, rule, first_start, first_end, draft.holiday_policy, room.id, shift,
                            now, edited_id=occurrence.id)
        # the rooms the new dates need: with the tea kitchen, a date taken in either is taken
        own = (booking.id,) + ((linked.id,) if linked is not None else ())
        needed = [room] + ([_room(uow, linked.room_id)] if linked is not None and draft.with_kitchen else [])
        taken = _taken_keys(uow, needed, plan.plan.insert, exclude_booking_ids=own) if skip_taken else frozenset()
        plan.leave_out(taken)
        self._check_plan(uow, room, plan, now, booking.id, needed, own)
        uow.bookings.update_booking(
            booking.id, expected_version=booking.version, room_id=room.id, title=draft.title, kind=draft.kind,
            organiser=draft.organiser, expected_participants=draft.expected_participants, notes=draft.notes,
            starts_at=first_start, ends_at=first_end, rrule=rule, holiday_policy=draft.holiday_policy,
        )
        plan.apply(uow, booking.id)
        record(uow, actor, "booking.edit", entity_type="booking", entity_id=booking.id,
               details=_changes(booking, draft, room.id, first_start, first_end, rule))
        linked_id = linked.id if linked else None
        if linked is not None and draft.with_kitchen:
            kitchen_room = _room(uow, linked.room_id)
            partner = _partner(uow, linked.id, occurrence)
            linked_plan = self._replan(uow, linked.id, rule, first_start, first_end, draft.holiday_policy,
                                       linked.room_id, shift, now, edited_id=partner.id if partner else None)
            linked_plan.leave_out(taken)
            self._check_plan(uow, kitchen_room, linked_plan, now, linked.id, needed, own)
            uow.bookings.update_booking(
                linked.id, title=draft.title, kind=draft.kind, organiser=draft.organiser,
                expected_participants=draft.expected_participants, notes=draft.notes,
                starts_at=first_start, ends_at=first_end, rrule=rule, holiday_policy=draft.holiday_policy,
            )
            linked_plan.apply(uow, linked.id)
            record(uow, actor, "booking.edit", entity_type="booking", entity_id=linked.id,
                   details=_changes(linked, draft, linked.room_id, first_start, first_end, rule))
        elif linked is not None:  # the tea kitchen is no longer wanted
            self._cancel_from(uow, actor, linked, None, now)
            uow.bookings.link(booking.id, None)
            uow.bookings.link(linked.id, None)
            linked_id = None
        elif kitchen is not None:  # the tea kitchen is added
            if room.kind is not RoomKind.GROUP:
                raise ValidationError("The tea kitchen can only be booked together with the group room.")
            specs = [s for s in _materialise(rule, first_start, first_end, draft.holiday_policy, now)
                     if s.ends_at > now]
            self._check_free(uow, kitchen, [(s.starts_at, s.ends_at) for s in specs], now)
            kitchen_draft = replace(draft, starts_at=first_start, ends_at=first_end)
            linked_id = self._insert(uow, actor, kitchen_draft, kitchen.id, rule, specs, linked_to=booking.id)
            uow.bookings.link(booking.id, linked_id)
        result = _result(booking.id, linked_id, len(plan.active_spans), room, draft.expected_participants)
        return replace(result, left_out=tuple(sorted(plan.taken)))

    def _edit_following(self, uow: UnitOfWork, actor: Actor, booking: BookingRow, occurrence: OccurrenceRecord,
                        draft: BookingDraft, room: RoomRow, linked: BookingRow | None, now: datetime) -> SaveResult:
        key = occurrence_key(occurrence.original_start)
        if key <= occurrence_key(booking.starts_at):
            return self._edit_all(uow, actor, booking, occurrence, draft, room, linked, None, now)
        new_id = self._split(uow, actor, booking, occurrence, draft, room, now)
        linked_new = None
        if linked is not None:
            partner = _partner(uow, linked.id, occurrence)
            if partner is not None:
                kitchen_draft = replace(draft, room_id=linked.room_id)
                linked_new = self._split(uow, actor, linked, partner, kitchen_draft, _room(uow, linked.room_id),
                                         now, linked_to=new_id)
                uow.bookings.link(new_id, linked_new)
        count = sum(1 for o in uow.bookings.occurrences_of(new_id) if not o.cancelled)
        return _result(new_id, linked_new, count, room, draft.expected_participants)

    def _split(self, uow: UnitOfWork, actor: Actor, booking: BookingRow, occurrence: OccurrenceRecord,
               draft: BookingDraft, room: RoomRow, now: datetime, linked_to: int | None = None) -> int:
        """End `booking` the day before `occurrence`; the rest becomes a new series with `draft`."""
        key = occurrence_key(occurrence.original_start)
        shift = occurrence_key(draft.starts_at) - key
        old_spec = parse_rrule(booking.rrule)
        rule_spec = draft.rule
        if rule_spec == old_spec and old_spec.count is not None:  # keep the remaining number of dates
            before = len(expand(booking.rrule, booking.starts_at, booking.ends_at, policy=HolidayPolicy.FLAG,
                                window_end=occurrence.original_start))
            rule_spec = replace(rule_spec, count=max(1, old_spec.count - before))
        rule = to_rrule(rule_spec, draft.starts_at.astimezone(BERLIN).replace(tzinfo=None))
        head_rule = with_end(booking.rrule or "", key - timedelta(days=1))
        new_id = uow.bookings.add_booking(
            room_id=room.id, title=draft.title, kind=draft.kind, organiser=draft.organiser,
            expected_participants=draft.expected_participants, notes=draft.notes,
            starts_at=draft.starts_at, ends_at=draft.ends_at, rrule=rule, holiday_policy=draft.holiday_policy,
            created_by=actor.staff_id, linked_booking_id=linked_to,
        )
        # the occurrences from the split date on move to the new series (cancelled ones stay cancelled)
        tail = [o for o in uow.bookings.occurrences_of(booking.id) if occurrence_key(o.original_start) >= key]
        for o in tail:
            uow.bookings.update_occurrence(o.id, booking_id=new_id)
        plan = self._replan(uow, new_id, rule, draft.starts_at, draft.ends_at, draft.holiday_policy, room.id, shift,
                            now, edited_id=occurrence.id)
        self._check_free(uow, room, plan.active_spans, now, exclude_booking_ids=(new_id,),
                         exclude_occurrence_ids=plan.kept_ids)
        plan.apply(uow, new_id)
        uow.bookings.update_booking(booking.id, expected_version=booking.version, rrule=head_rule)
        record(uow, actor, "booking.split", entity_type="booking", entity_id=booking.id,
               details={"ends_before": key.isoformat(), "continued_as": new_id})
        record(uow, actor, "booking.create", entity_type="booking", entity_id=new_id,
               details={"split_from": booking.id, "room_id": room.id, "title": draft.title,
                        "starts_at": _fmt(draft.starts_at), "ends_at": _fmt(draft.ends_at), "rrule": rule})
        return new_id

    # -- cancelling -----------------------------------------------------------------------------

    @requires(Permission.ROOM_BOOK)
    def cancel(self, actor: Actor, occurrence_id: int, *, scope: EditScope = EditScope.THIS,
               reason: str = "", now: datetime | None = None) -> int:
        """Cancel one date, this and the following dates, or the whole series (its future dates).
        Cancelled dates stay as rows (marked), so a later edit of the series never revives them.
        Returns the number of dates cancelled."""
        now = now or self._clock()
        reason = clean_text(reason, field="Reason", max_length=500)
        with self._uow(write=True) as uow:
            occurrence = uow.bookings.occurrence(occurrence_id)
            booking = uow.bookings.booking(occurrence.booking_id)
            linked = uow.bookings.booking(booking.linked_booking_id) if booking.linked_booking_id else None
            if booking.rrule is None or scope is EditScope.THIS:
                targets = [(booking, occurrence)]
                if linked is not None:
                    partner = _partner(uow, linked.id, occurrence)
                    if partner is not None:
                        targets.append((linked, partner))
                count = 0
                for owner, target in targets:
                    if not target.cancelled:
                        uow.bookings.update_occurrence(target.id, cancelled=True)
                        record(uow, actor, "booking.cancel_occurrence", entity_type="booking", entity_id=owner.id,
                               details={"date": _fmt(target.starts_at), "reason": reason})
                        count += owner.id == booking.id
                for owner, _target in targets:
                    uow.bookings.update_booking(owner.id)
            else:
                start = None if scope is EditScope.ALL else occurrence.original_start
                count = self._cancel_from(uow, actor, booking, start, now, reason=reason)
                if linked is not None:
                    self._cancel_from(uow, actor, linked, start, now, reason=reason)
            uow.touch(TOPIC)
            uow.commit()
        return count

    def _cancel_from(self, uow: UnitOfWork, actor: Actor, booking: BookingRow, start: datetime | None,
                     now: datetime, *, reason: str = "") -> int:
        """Cancel the dates from `start` (None: every date that has not ended at `now`) and end the rule there."""
        rows = [o for o in uow.bookings.occurrences_of(booking.id)
                if (o.original_start >= start if start is not None else o.ends_at > now)]
        for o in rows:
            if not o.cancelled:
                uow.bookings.update_occurrence(o.id, cancelled=True)
        count = sum(1 for o in rows if not o.cancelled)
        values: dict[str, object] = {}
        if booking.rrule and rows:
            values["rrule"] = with_end(booking.rrule, occurrence_key(rows[0].original_start) - timedelta(days=1))
        uow.bookings.update_booking(booking.id, **values)
        record(uow, actor, "booking.cancel", entity_type="booking", entity_id=booking.id,
               details={"from": _fmt(rows[0].starts_at) if rows else "", "dates": count, "reason": reason})
        return count

    @requires(Permission.ROOM_BOOK)
    def restore(self, actor: Actor, occurrence_id: int, *, now: datetime | None = None) -> None:
        """Undo the cancellation of one date (if the room is still free then). The tea kitchen booked
        with the group room comes back with it, as cancelling took both: both rooms free, or neither."""
        now = now or self._clock()
        with self._uow(write=True) as uow:
            occurrence = uow.bookings.occurrence(occurrence_id)
            booking = uow.bookings.booking(occurrence.booking_id)
            targets = [(booking, occurrence)]
            if booking.linked_booking_id:
                linked = uow.bookings.booking(booking.linked_booking_id)
                partner = _partner(uow, linked.id, occurrence)
                if partner is not None and partner.cancelled:
                    targets.append((linked, partner))
            uow.bookings.lock_rooms(sorted({target.room_id for _owner, target in targets}))
            for _owner, target in targets:
                self._check_free(uow, _room(uow, target.room_id), [(target.starts_at, target.ends_at)], now,
                                 exclude_occurrence_ids=(target.id,))
            for owner, target in targets:
                uow.bookings.update_occurrence(target.id, cancelled=False)
                uow.bookings.update_booking(owner.id)
                record(uow, actor, "booking.restore_occurrence", entity_type="booking", entity_id=owner.id,
                       details={"date": _fmt(target.starts_at)})
            uow.touch(TOPIC)
            uow.commit()

    @requires(Permission.ROOM_BOOK)
    def set_actual_participants(self, actor: Actor, occurrence_id: int, count: int | None) -> None:
        if count is not None and not 0 <= count <= MAX_PARTICIPANTS:
            raise ValidationError("The number of participants must be between 0 and {max}.", max=MAX_PARTICIPANTS)
        with self._uow(write=True) as uow:
            occurrence = uow.bookings.occurrence(occurrence_id)
            uow.bookings.update_occurrence(occurrence.id, actual_participants=count)
            record(uow, actor, "booking.participants", entity_type="booking", entity_id=occurrence.booking_id,
                   details={"date": _fmt(occurrence.starts_at), "old": occurrence.actual_participants, "new": count})
            uow.touch(TOPIC)
            uow.commit()

    # -- rules inside the transaction ---------------------------------------------------------

    def _check_free(self, uow: UnitOfWork, room: RoomRow, spans: list[tuple[datetime, datetime]], now: datetime, *,
                    exclude_booking_ids: tuple[int, ...] = (),
                    exclude_occurrence_ids: tuple[int, ...] | frozenset[int] = ()) -> None:
        if not spans:
            return
        first = min(s for s, _ in spans)
        last = max(e for _, e in spans)
        busy = uow.bookings.busy([room.id], first, last, exclude_occurrence_ids=exclude_occurrence_ids,
                                 exclude_booking_ids=exclude_booking_ids)
        if not busy:
            return
        for start, end in sorted(spans):
            for other in busy:
                if overlaps(start, end, other.starts_at, other.ends_at):
                    raise self._conflict(uow, room, start, end, other, exclude_booking_ids, now,
                                         clashing=_clashing(spans, busy), total=len(spans))

    def _check_plan(self, uow: UnitOfWork, room: RoomRow, plan: _Plan, now: datetime, booking_id: int,
                    needed: list[RoomRow], own: tuple[int, ...]) -> None:
        """The dates a series change leaves occupying `room` are free (its own and kept ones aside)."""
        try:
            self._check_free(uow, room, plan.active_spans, now, exclude_booking_ids=(booking_id,),
                             exclude_occurrence_ids=plan.kept_ids)
        except ConflictError as error:
            _offer_leaving_out(error, uow, room, needed, plan, own)
            raise

    def _conflict(self, uow: UnitOfWork, room: RoomRow, start: datetime, end: datetime, other: BusyRow,
                  exclude_booking_ids: tuple[int, ...], now: datetime, *, clashing: list[datetime],
                  total: int) -> ConflictError:
        # never suggest a time that has already passed (a clash on a date in the past or earlier today)
        suggestion = self._next_free(uow, [room.id], end - start, max(start, now), exclude_booking_ids)
        params: dict[str, object] = {
            "room": room.name, "title": other.title, "organiser": other.organiser or "–",
            "date": other.starts_at.astimezone(BERLIN).date(),
            "start": _fmt_time(other.starts_at), "end": _fmt_time(other.ends_at),
            "wanted": start, "conflicts": len(clashing), "total": total,
            "blocking_booking_id": other.booking_id, "blocking_occurrence_id": other.occurrence_id,
            "suggested_start": suggestion, "suggested_end": suggestion + (end - start) if suggestion else None,
        }
        if total > 1:
            # a series: the person decides for all its dates, so every taken one is named (the next
            # free slot of the first one would move the whole series, and is not offered)
            shown: tuple[object, ...] = tuple(moment.astimezone(BERLIN).date() for moment in clashing[:CLASHES_NAMED])
            params["dates"] = shown + (("…",) if len(clashing) > CLASHES_NAMED else ())
            return ConflictError(
                "{room} is already booked on {conflicts} of the {total} dates: {dates}. The first: {date} "
                "{start}–{end}, “{title}” (organiser: {organiser}).", **params)
        if suggestion is None:
            return ConflictError(
                "{room} is already booked on {date} {start}–{end}: “{title}” (organiser: {organiser}). "
                "No free time of this length in the next weeks.", **params)
        params["suggestion"] = suggestion
        return ConflictError(
            "{room} is already booked on {date} {start}–{end}: “{title}” (organiser: {organiser}). "
            "Next free slot: {suggestion}.", **params)

    def _next_free(self, uow: UnitOfWork, room_ids: list[int], duration: timedelta, not_before: datetime,
                   exclude_booking_ids: tuple[int, ...]) -> datetime | None:
        horizon = not_before + timedelta(days=62)
        busy = uow.bookings.busy(room_ids, not_before - timedelta(days=1), horizon,
                                 exclude_booking_ids=exclude_booking_ids)
        start, end = SUGGEST_DAY
        if duration > timedelta(hours=15):
            start, end = time(0), time(0)
        return next_free_slot([(b.starts_at, b.ends_at) for b in busy], duration, not_before, start, end, BERLIN)

    def _replan(self, uow: UnitOfWork, booking_id: int, rule: str | None, first_start: datetime,
                first_end: datetime, policy: HolidayPolicy, room_id: int, shift: timedelta, now: datetime,
                *, edited_id: int | None) -> _Plan:
        """How the stored occurrences change (rules in desk.domain.recurrence.replan)."""
        plan = replan(uow.bookings.occurrences_of(booking_id), _materialise(rule, first_start, first_end, policy, now),
                      recurring=rule is not None, now=now, shift=shift, edited_id=edited_id)
        return _Plan(plan, room_id)

    # -- horizon of open-ended series -----------------------------------------------------------

    def _extend_open_series(self, actor: Actor, until: datetime) -> int:
        """Materialise open-ended series up to `until` (and a year ahead) when a view needs it."""
        now = self._clock()
        needed = max(until, now + timedelta(days=HORIZON_DAYS - EXTEND_MARGIN_DAYS))
        checked = self._series_checked
        if checked is not None and now - checked[0] < timedelta(minutes=1) and needed <= checked[1]:
            return 0  # series created elsewhere are materialised far ahead when they are saved
        with self._uow() as uow:
            series = uow.bookings.open_series()
        todo = [s for s in series if s.last_original_start is None or s.last_original_start < needed - timedelta(days=40)]
        if not todo:
            # Remember how far every open series reaches, not just what this call needed: `needed`
            # follows the clock, so the next call's is a little later and never matched it
            # (every week shown read the open series again).
            covered = (min(s.last_original_start for s in series) + timedelta(days=40) if series
                       else datetime.max.replace(tzinfo=UTC))
            self._series_checked = (now, covered)
            return 0
        target = max(until, now) + timedelta(days=HORIZON_DAYS)
        added = 0
        with self._uow(write=True) as uow:
            for state in uow.bookings.open_series():
                if state.last_original_start is not None and state.last_original_start >= needed - timedelta(days=40):
                    continue  # another workstation was faster
                booking = uow.bookings.booking(state.booking_id)
                # the tea kitchen booked with the group room: a date taken in either room is left out
                # in both, so no group-room date comes without its kitchen (nor the other way round)
                linked = uow.bookings.booking(booking.linked_booking_id) if booking.linked_booking_id else None
                room_ids = sorted({booking.room_id} | ({linked.room_id} if linked else set()))
                own = (booking.id,) + ((linked.id,) if linked else ())
                uow.bookings.lock_rooms(room_ids)
                lower = state.last_original_start or booking.starts_at
                specs = [s for s in expand(state.rrule, state.starts_at, state.ends_at, policy=state.holiday_policy,
                                           window_start=lower + timedelta(seconds=1), window_end=target)
                         if s.original_start > lower]
                known = {occurrence_key(o.original_start) for o in uow.bookings.occurrences_of(booking.id)}
                specs = [s for s in specs if s.key not in known]
                if not specs:
                    continue
                busy = uow.bookings.busy(room_ids, specs[0].starts_at, specs[-1].ends_at,
                                         exclude_booking_ids=own)
                rows, clashes = [], []
                for spec in specs:
                    clash = any(overlaps(spec.starts_at, spec.ends_at, b.starts_at, b.ends_at) for b in busy)
                    rows.append({**_new_row(spec), "cancelled": clash})
                    if clash:
                        clashes.append(spec.key.isoformat())
                uow.bookings.add_occurrences(booking.id, booking.room_id, rows)
                record(uow, actor, "booking.extend", entity_type="booking", entity_id=booking.id,
                       details={"until": target.date().isoformat(), "added": len(rows),
                                "cancelled_because_taken": clashes})
                added += len(rows)
            if added:
                uow.touch(TOPIC)
            uow.commit()
        self._series_checked = (now, needed)
        return added

    def _audit_change(self, uow: UnitOfWork, actor: Actor, booking_id: int, action: str,
                      occurrence: OccurrenceRecord, draft: BookingDraft, room_id: int) -> None:
        record(uow, actor, action, entity_type="booking", entity_id=booking_id,
               details={"date": _fmt(occurrence.starts_at), "old": f"{_fmt(occurrence.starts_at)}–"
                        f"{_fmt_time(occurrence.ends_at)}", "new": f"{_fmt(draft.starts_at)}–{_fmt_time(draft.ends_at)}",
                        "room_id": room_id, "title": draft.title})


class _Plan:
    """A domain Replan bound to the room, written by `apply`."""

    def __init__(self, plan: Replan, room_id: int) -> None:
        self.plan = plan
        self.room_id = room_id
        self.kept_ids = frozenset(plan.kept)
        self.active_spans = plan.active_spans
        self.taken: frozenset[date] = frozenset()  # new dates stored cancelled: the room is taken then

    def leave_out(self, taken: frozenset[date]) -> None:
        """New dates on the days in `taken` are stored cancelled and occupy no room."""
        self.taken = frozenset(s.key for s in self.plan.insert if s.key in taken)
        out = {(s.starts_at, s.ends_at) for s in self.plan.insert if s.key in self.taken}
        self.active_spans = [span for span in self.plan.active_spans if span not in out]

    def apply(self, uow: UnitOfWork, booking_id: int) -> None:
        plan = self.plan
        uow.bookings.delete_occurrences(plan.delete)
        # Two phases: free the original_start values first, then set the new ones, so the unique
        # (booking_id, original_start) constraint never sees a transient duplicate.
        changed = [occurrence_id for occurrence_id, _spec in plan.move + plan.rekey]
        for occurrence_id in changed:
            uow.bookings.update_occurrence(occurrence_id, original_start=datetime(1900, 1, 1, tzinfo=UTC)
                                           + timedelta(seconds=occurrence_id))
        for occurrence_id, spec in plan.move:
            uow.bookings.update_occurrence(occurrence_id, original_start=spec.original_start, starts_at=spec.starts_at,
                                           ends_at=spec.ends_at, room_id=self.room_id, holiday_name=spec.holiday_name)
        for occurrence_id, spec in plan.rekey:
            uow.bookings.update_occurrence(occurrence_id, original_start=spec.original_start)
        uow.bookings.add_occurrences(booking_id, self.room_id,
                                     [{**_new_row(s), "cancelled": s.key in self.taken} for s in plan.insert])


# --- helpers ---------------------------------------------------------------------------------


def _clean(draft: BookingDraft, now: datetime) -> BookingDraft:
    title = clean_text(draft.title, field="Title", max_length=TITLE_MAX)
    if not title:
        raise ValidationError("Please enter a title.")
    organiser = clean_text(draft.organiser, field="Organiser", max_length=ORGANISER_MAX)
    notes = clean_text(draft.notes, field="Notes", max_length=NOTES_MAX, multiline=True)
    expected = draft.expected_participants
    if expected is not None and not 0 <= expected <= MAX_PARTICIPANTS:
        raise ValidationError("The number of participants must be between 0 and {max}.", max=MAX_PARTICIPANTS)
    check_span(draft.starts_at, draft.ends_at, now=now)
    starts_at = draft.starts_at.astimezone(UTC).replace(second=0, microsecond=0)
    ends_at = draft.ends_at.astimezone(UTC).replace(second=0, microsecond=0)
    if ends_at <= starts_at:
        raise ValidationError("The end must be after the start (the booking has no length).")
    return replace(draft, title=title, organiser=organiser, notes=notes, starts_at=starts_at, ends_at=ends_at,
                   rule=draft.rule if isinstance(draft.rule, RuleSpec) else RuleSpec())


def _refuse_past(draft: BookingDraft, now: datetime) -> None:
    """A booking, or a move, to a time that has already ended: nobody can use the room then."""
    if draft.ends_at <= now:
        raise ValidationError(
            "This time is already over ({wanted}–{end}): a booking can only be made, or moved, for a time "
            "that has not ended yet.",
            wanted=draft.starts_at, end=_fmt_time(draft.ends_at))


def _materialise(rule: str | None, start: datetime, end: datetime, policy: HolidayPolicy,
                 now: datetime) -> list[OccurrenceSpec]:
    window_end = now + timedelta(days=HORIZON_DAYS) if is_open_ended(rule) else None
    if window_end is not None and window_end < end:
        window_end = end + timedelta(days=HORIZON_DAYS)
    return expand(rule, start, end, policy=policy, window_end=window_end)


def _new_row(spec: OccurrenceSpec) -> dict:
    return {"original_start": spec.original_start, "starts_at": spec.starts_at, "ends_at": spec.ends_at,
            "holiday_name": spec.holiday_name, "cancelled": False, "detached": False}


def _room(uow: UnitOfWork, room_id: int) -> RoomRow:
    for room in uow.reference.rooms():
        if room.id == room_id:
            if not room.active or not room.bookable:
                raise ValidationError("The room {room} cannot be booked.", room=room.name)
            return room
    raise NotFoundError("The room no longer exists.")


def _kitchen(uow: UnitOfWork) -> RoomRow | None:
    return next((r for r in uow.reference.rooms() if r.kind is RoomKind.KITCHEN and r.active and r.bookable), None)


def _partner(uow: UnitOfWork, linked_id: int, occurrence: OccurrenceRecord) -> OccurrenceRecord | None:
    key = occurrence_key(occurrence.original_start)
    return next((o for o in uow.bookings.occurrences_of(linked_id) if occurrence_key(o.original_start) == key), None)


def _clashing(spans: list[tuple[datetime, datetime]], busy: list[BusyRow]) -> list[datetime]:
    """The starts of the spans that overlap a busy time, in order."""
    return sorted(s for s, e in spans if any(overlaps(s, e, b.starts_at, b.ends_at) for b in busy))


def _taken_keys(uow: UnitOfWork, rooms: list[RoomRow], specs: list[OccurrenceSpec], *,
                exclude_booking_ids: tuple[int, ...] = ()) -> frozenset[date]:
    """The dates of `specs` on which any of `rooms` is already booked (by other bookings)."""
    if not specs:
        return frozenset()
    first, last = min(s.starts_at for s in specs), max(s.ends_at for s in specs)
    busy = uow.bookings.busy([r.id for r in rooms], first, last, exclude_booking_ids=exclude_booking_ids)
    return frozenset(s.key for s in specs
                     if any(overlaps(s.starts_at, s.ends_at, b.starts_at, b.ends_at) for b in busy))


def _made_by(uow: UnitOfWork, key: str) -> SaveResult | None:
    """What create() answered for the booking the attempt with this request key made."""
    booking_id = uow.bookings.made_by(key)
    if booking_id is None:
        return None
    booking = uow.bookings.booking(booking_id)
    room = next(r for r in uow.reference.rooms() if r.id == booking.room_id)
    occurrences = uow.bookings.occurrences_of(booking_id)
    left_out = sorted(occurrence_key(o.original_start) for o in occurrences if o.cancelled and not o.holiday_name)
    result = _result(booking_id, booking.linked_booking_id, sum(not o.cancelled for o in occurrences), room,
                     booking.expected_participants)
    return replace(result, left_out=tuple(left_out))


def _offer_leaving_out(error: ConflictError, uow: UnitOfWork, room: RoomRow, needed: list[RoomRow], plan: _Plan,
                       own: tuple[int, ...]) -> None:
    """A series change clashing only on dates it adds (a later end): say how many dates the series
    keeps when those are left out (`free_dates`, the dialog's offer). A clash of a date the series
    already had is not offered: leaving it out would drop a date that was booked."""
    if plan.taken or error.params.get("total", 1) == 1:
        return
    added_here = _taken_keys(uow, [room], plan.plan.insert, exclude_booking_ids=own)
    if len(added_here) == error.params.get("conflicts"):
        added = _taken_keys(uow, needed, plan.plan.insert, exclude_booking_ids=own)
        error.params["free_dates"] = len(plan.active_spans) - len(added)


def _result(booking_id: int, linked_id: int | None, count: int, room: RoomRow, expected: int | None) -> SaveResult:
    over = bool(expected and room.capacity and expected > room.capacity)
    return SaveResult(booking_id, linked_id, count, capacity=room.capacity, over_capacity=over)


def _changes(old: BookingRow, draft: BookingDraft, room_id: int, start: datetime, end: datetime,
             rule: str | None) -> dict:
    before = {"room_id": old.room_id, "title": old.title, "kind": old.kind.value, "organiser": old.organiser,
              "expected_participants": old.expected_participants, "notes": old.notes,
              "starts_at": _fmt(old.starts_at), "ends_at": _fmt(old.ends_at), "rrule": old.rrule,
              "holiday_policy": old.holiday_policy.value}
    after = {"room_id": room_id, "title": draft.title, "kind": draft.kind.value, "organiser": draft.organiser,
             "expected_participants": draft.expected_participants, "notes": draft.notes,
             "starts_at": _fmt(start), "ends_at": _fmt(end), "rrule": rule,
             "holiday_policy": draft.holiday_policy.value}
    changed = {key: {"old": before[key], "new": after[key]} for key in before if before[key] != after[key]}
    return {"fields": sorted(changed), **changed}  # title, organiser and notes: named, not kept (scrub)


def week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())
