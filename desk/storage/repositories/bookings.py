"""Room bookings and their materialised occurrences.

The double-booking rule is checked by the service *inside* the write transaction, after
`lock_rooms`: on SQLite the write unit of work already holds the database write lock
(`BEGIN IMMEDIATE`), on PostgreSQL `lock_rooms` takes row locks on the rooms
(`SELECT ... FOR UPDATE`, in id order so two bookings of group room + tea kitchen cannot
deadlock), so a second workstation booking the same room waits until the first has committed
and then sees its occurrences.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import and_, bindparam, delete, func, select, update
from sqlalchemy.orm import Session, aliased

from desk.domain.bookings import BookingRow, BusyRow
from desk.domain.calendar import MAX_SPAN
from desk.domain.errors import NotFoundError, StaleError
from desk.domain.model import BookingKind, BookingOccurrenceRow, HolidayPolicy
from desk.storage.models import BookingOccurrence, Room, RoomBooking, UTCDateTime
from desk.storage.prepared import Prepared


@dataclass(frozen=True, slots=True)
class OccurrenceRecord:
    """An occurrence with its bookkeeping fields (for series edits inside the services)."""

    id: int
    booking_id: int
    room_id: int
    original_start: datetime
    starts_at: datetime
    ends_at: datetime
    cancelled: bool
    detached: bool
    title_override: str | None
    holiday_name: str
    actual_participants: int | None


@dataclass(frozen=True, slots=True)
class SeriesState:
    booking_id: int
    rrule: str
    starts_at: datetime
    ends_at: datetime
    holiday_policy: HolidayPolicy
    last_original_start: datetime | None


class BookingRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    # -- locking --------------------------------------------------------------------------

    def lock_rooms(self, room_ids: Iterable[int]) -> None:
        """Serialise writers per room (PostgreSQL row locks; SQLite is already serialised)."""
        ids = sorted(set(room_ids))
        if not ids:
            return
        if self.session.get_bind().dialect.name == "postgresql":
            self.session.execute(select(Room.id).where(Room.id.in_(ids)).order_by(Room.id).with_for_update())

    # -- bookings -------------------------------------------------------------------------

    def add_booking(
        self,
        *,
        room_id: int,
        title: str,
        kind: BookingKind,
        organiser: str,
        expected_participants: int | None,
        notes: str,
        starts_at: datetime,
        ends_at: datetime,
        rrule: str | None,
        holiday_policy: HolidayPolicy,
        created_by: int | None,
        linked_booking_id: int | None = None,
        request_key: str | None = None,
    ) -> int:
        now = datetime.now(UTC)
        booking = RoomBooking(
            room_id=room_id,
            title=title,
            kind=kind.value,
            organiser=organiser,
            expected_participants=expected_participants,
            notes=notes,
            starts_at=starts_at,
            ends_at=ends_at,
            rrule=rrule,
            holiday_policy=holiday_policy.value,
            linked_booking_id=linked_booking_id,
            created_by=created_by,
            created_at=now,
            updated_at=now,
            version=1,
            request_key=request_key,
        )
        self.session.add(booking)
        self.session.flush()
        return booking.id

    def made_by(self, request_key: str) -> int | None:
        """The booking the attempt with this request key created (desk.services.once)."""
        return self.session.scalar(select(RoomBooking.id).where(RoomBooking.request_key == request_key))

    def booking(self, booking_id: int) -> BookingRow:
        booking = self.session.get(RoomBooking, booking_id)
        if booking is None:
            raise NotFoundError("The booking no longer exists.")
        linked_room = None
        if booking.linked_booking_id is not None:
            linked_room = self.session.scalar(
                select(RoomBooking.room_id).where(RoomBooking.id == booking.linked_booking_id)
            )
        return _booking_row(booking, linked_room)

    def update_booking(self, booking_id: int, expected_version: int | None = None, **values: object) -> None:
        """Update fields of a booking; with `expected_version`, refuse when someone else was faster."""
        stmt = update(RoomBooking).where(RoomBooking.id == booking_id)
        if expected_version is not None:
            stmt = stmt.where(RoomBooking.version == expected_version)
        for key in ("kind", "holiday_policy"):
            if key in values and hasattr(values[key], "value"):
                values[key] = values[key].value  # type: ignore[union-attr]
        result = self.session.execute(
            stmt.values(**values, version=RoomBooking.version + 1, updated_at=datetime.now(UTC))
            .execution_options(synchronize_session=False)
        )
        if result.rowcount != 1:
            if self.session.get(RoomBooking, booking_id) is None:
                raise NotFoundError("The booking no longer exists.")
            raise StaleError()
        self.session.expire_all()

    def link(self, booking_id: int, other_id: int | None) -> None:
        self.session.execute(
            update(RoomBooking).where(RoomBooking.id == booking_id).values(linked_booking_id=other_id)
            .execution_options(synchronize_session=False)
        )

    def delete_booking(self, booking_id: int) -> None:
        self.session.execute(delete(BookingOccurrence).where(BookingOccurrence.booking_id == booking_id))
        self.session.execute(
            update(RoomBooking).where(RoomBooking.linked_booking_id == booking_id).values(linked_booking_id=None)
            .execution_options(synchronize_session=False)
        )
        self.session.execute(delete(RoomBooking).where(RoomBooking.id == booking_id))

    def open_series(self) -> list[SeriesState]:
        """Series without UNTIL/COUNT (materialised to a horizon, extended lazily)."""
        last = (
            select(BookingOccurrence.booking_id, func.max(BookingOccurrence.original_start).label("last"))
            .group_by(BookingOccurrence.booking_id)
            .subquery()
        )
        stmt = (
            select(RoomBooking, last.c.last)
            .outerjoin(last, last.c.booking_id == RoomBooking.id)
            .where(RoomBooking.rrule.is_not(None))
            .where(~RoomBooking.rrule.contains("UNTIL="))
            .where(~RoomBooking.rrule.contains("COUNT="))
        )
        result = []
        for booking, last_start in self.session.execute(stmt):
            if last_start is not None and last_start.tzinfo is None:
                last_start = last_start.replace(tzinfo=UTC)
            result.append(SeriesState(booking.id, booking.rrule, booking.starts_at, booking.ends_at,
                                      HolidayPolicy(booking.holiday_policy), last_start))
        return result

    # -- occurrences ----------------------------------------------------------------------

    def occurrences_of(self, booking_id: int) -> list[OccurrenceRecord]:
        stmt = (
            select(BookingOccurrence)
            .where(BookingOccurrence.booking_id == booking_id)
            .order_by(BookingOccurrence.original_start)
        )
        return [_record(o) for o in self.session.scalars(stmt)]

    def occurrence(self, occurrence_id: int) -> OccurrenceRecord:
        occurrence = self.session.get(BookingOccurrence, occurrence_id)
        if occurrence is None:
            raise NotFoundError("The booking no longer exists.")
        return _record(occurrence)

    def add_occurrences(self, booking_id: int, room_id: int, rows: Sequence[dict]) -> None:
        """rows: dicts with original_start, starts_at, ends_at, holiday_name (and optional flags)."""
        for row in rows:
            self.session.add(BookingOccurrence(booking_id=booking_id, room_id=room_id, **row))
        self.session.flush()

    def update_occurrence(self, occurrence_id: int, **values: object) -> None:
        self.session.execute(
            update(BookingOccurrence).where(BookingOccurrence.id == occurrence_id).values(**values)
            .execution_options(synchronize_session=False)
        )

    def update_occurrences_of(self, booking_id: int, **values: object) -> None:
        self.session.execute(
            update(BookingOccurrence).where(BookingOccurrence.booking_id == booking_id).values(**values)
            .execution_options(synchronize_session=False)
        )

    def delete_occurrences(self, occurrence_ids: Iterable[int]) -> None:
        ids = list(occurrence_ids)
        for chunk in range(0, len(ids), 500):
            self.session.execute(delete(BookingOccurrence).where(BookingOccurrence.id.in_(ids[chunk:chunk + 500])))

    def busy(
        self,
        room_ids: Iterable[int],
        start: datetime,
        end: datetime,
        *,
        exclude_occurrence_ids: Iterable[int] = (),
        exclude_booking_ids: Iterable[int] = (),
    ) -> list[BusyRow]:
        """Non-cancelled occurrences in the rooms overlapping [start, end), oldest first."""
        stmt = (
            select(BookingOccurrence, RoomBooking.title, RoomBooking.organiser)
            .join(RoomBooking, RoomBooking.id == BookingOccurrence.booking_id)
            .where(BookingOccurrence.room_id.in_(list(set(room_ids))))
            .where(BookingOccurrence.cancelled.is_(False))
            .where(*_overlapping(start, end))
            .order_by(BookingOccurrence.starts_at)
        )
        excluded = list(exclude_occurrence_ids)
        if excluded:
            stmt = stmt.where(BookingOccurrence.id.not_in(excluded))
        excluded_bookings = list(exclude_booking_ids)
        if excluded_bookings:
            stmt = stmt.where(BookingOccurrence.booking_id.not_in(excluded_bookings))
        return [
            BusyRow(o.id, o.booking_id, o.room_id, o.title_override or title, organiser, o.starts_at, o.ends_at)
            for o, title, organiser in self.session.execute(stmt)
        ]

    def list_occurrences(
        self, start: datetime, end: datetime, room_ids: Iterable[int] | None = None, *, include_cancelled: bool = True
    ) -> list[BookingOccurrenceRow]:
        # compiled once and run on the driver (desk.storage.prepared); the rooms asked for are
        # picked out here: an expanding IN cannot be prepared, and a week is a few hundred rows
        rows = _OCCURRENCES[include_cancelled].all(self.session, {"low": start - MAX_SPAN, "end": end, "start": start})
        if room_ids is not None:
            wanted = set(room_ids)
            rows = [r for r in rows if r[2] in wanted]
        build, kinds, other = _build_occurrence_row, _KINDS, BookingKind.OTHER
        return [
            build((r[0], r[1], r[2], r[3] if r[3] is not None else r[4], kinds.get(r[5], other), r[6] or "", r[7],
                   r[8], bool(r[9]), r[10] or "", r[11], r[12], bool(r[13])))
            for r in rows
        ]

    def occurrence_row(self, occurrence_id: int) -> BookingOccurrenceRow:
        found = self.session.execute(
            select(BookingOccurrence, RoomBooking)
            .join(RoomBooking, RoomBooking.id == BookingOccurrence.booking_id)
            .where(BookingOccurrence.id == occurrence_id)
        ).first()
        if found is None:
            raise NotFoundError("The booking no longer exists.")
        return _occurrence_row(*found)

    def series_occurrences(self, booking_id: int) -> list[BookingOccurrenceRow]:
        return [
            _occurrence_row(o, b)
            for o, b in self.session.execute(
                select(BookingOccurrence, RoomBooking)
                .join(RoomBooking, RoomBooking.id == BookingOccurrence.booking_id)
                .where(BookingOccurrence.booking_id == booking_id)
                .order_by(BookingOccurrence.starts_at)
            )
        ]

    def count_overlaps(self) -> int:
        """Pairs of non-cancelled occurrences of one room that overlap (must always be 0)."""
        a = aliased(BookingOccurrence)
        b = aliased(BookingOccurrence)
        stmt = select(func.count()).select_from(a).join(
            b,
            and_(
                a.room_id == b.room_id,
                a.id < b.id,
                a.starts_at < b.ends_at,
                b.starts_at < a.ends_at,
                a.cancelled.is_(False),
                b.cancelled.is_(False),
            ),
        )
        return int(self.session.scalar(stmt) or 0)


def _record(o: BookingOccurrence) -> OccurrenceRecord:
    return OccurrenceRecord(
        id=o.id,
        booking_id=o.booking_id,
        room_id=o.room_id,
        original_start=o.original_start,
        starts_at=o.starts_at,
        ends_at=o.ends_at,
        cancelled=bool(o.cancelled),
        detached=bool(o.detached),
        title_override=o.title_override,
        holiday_name=o.holiday_name or "",
        actual_participants=o.actual_participants,
    )


def _booking_row(b: RoomBooking, linked_room_id: int | None) -> BookingRow:
    return BookingRow(
        id=b.id,
        room_id=b.room_id,
        title=b.title,
        kind=_kind(b.kind),
        organiser=b.organiser or "",
        expected_participants=b.expected_participants,
        notes=b.notes or "",
        starts_at=b.starts_at,
        ends_at=b.ends_at,
        rrule=b.rrule,
        holiday_policy=HolidayPolicy(b.holiday_policy or "skip"),
        linked_booking_id=b.linked_booking_id,
        linked_room_id=linked_room_id,
        created_by=b.created_by,
        created_at=b.created_at,
        updated_at=b.updated_at,
        version=b.version,
    )


_KINDS = {k.value: k for k in BookingKind}


def _kind(value: str) -> BookingKind:
    """The stored kind; an unknown one (a newer program's) shows as 'other'."""
    return _KINDS.get(value, BookingKind.OTHER)


def _occurrence_row(o: BookingOccurrence, b: RoomBooking) -> BookingOccurrenceRow:
    return BookingOccurrenceRow(
        id=o.id,
        booking_id=o.booking_id,
        room_id=o.room_id,
        title=o.title_override if o.title_override is not None else b.title,
        kind=_kind(b.kind),
        organiser=b.organiser or "",
        starts_at=o.starts_at,
        ends_at=o.ends_at,
        cancelled=bool(o.cancelled),
        holiday_name=o.holiday_name or "",
        expected_participants=b.expected_participants,
        actual_participants=o.actual_participants,
        recurring=b.rrule is not None,
    )


def _overlapping(start: datetime, end: datetime) -> tuple:
    """Occurrences overlapping [start, end). None lasts longer than MAX_SPAN (check_span), so
    the index on starts_at is read from start - MAX_SPAN only, not from the first booking ever."""
    return (BookingOccurrence.starts_at > start - MAX_SPAN, BookingOccurrence.starts_at < end,
            BookingOccurrence.ends_at > start)


_build_occurrence_row = BookingOccurrenceRow._make  # one C-level call (a named tuple)


def _occurrences_select(include_cancelled: bool):  # noqa: ANN202 - a SQLAlchemy select
    """The occurrences of a time span as plain columns (not ORM objects: a week of all rooms is
    hundreds of rows), built once with bound parameters."""
    o, b = BookingOccurrence, RoomBooking
    stmt = (
        select(o.id, o.booking_id, o.room_id, o.title_override, b.title, b.kind, b.organiser, o.starts_at,
               o.ends_at, o.cancelled, o.holiday_name, b.expected_participants, o.actual_participants,
               b.rrule.is_not(None))
        .join(b, b.id == o.booking_id)
        .where(o.starts_at > bindparam("low", type_=UTCDateTime()), o.starts_at < bindparam("end", type_=UTCDateTime()),
               o.ends_at > bindparam("start", type_=UTCDateTime()))
        .order_by(o.starts_at, o.room_id, o.id)
    )
    if not include_cancelled:
        stmt = stmt.where(o.cancelled.is_(False))
    return stmt


_OCCURRENCES = {include: Prepared(_occurrences_select(include)) for include in (False, True)}
