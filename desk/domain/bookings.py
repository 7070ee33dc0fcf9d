"""Room bookings: the rows and the input record the booking service and the calendar share."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from desk.domain.model import BookingKind, HolidayPolicy
from desk.domain.recurrence import RuleSpec

TITLE_MAX = 500
ORGANISER_MAX = 200
NOTES_MAX = 2000
MAX_PARTICIPANTS = 10_000

@dataclass(frozen=True, slots=True)
class BookingDraft:
    """What a person enters in the booking dialog (times aware; shown in Europe/Berlin)."""

    room_id: int
    title: str
    starts_at: datetime
    ends_at: datetime
    kind: BookingKind = BookingKind.OTHER
    organiser: str = ""
    expected_participants: int | None = None
    notes: str = ""
    rule: RuleSpec = RuleSpec()
    holiday_policy: HolidayPolicy = HolidayPolicy.SKIP
    with_kitchen: bool = False  # book the tea kitchen together with the group room
    #: One per booking dialog, the same for its retries: a retry after a lost acknowledgement
    #: answers with what the first attempt booked, not "room taken" by itself (services/once.py).
    request_key: str | None = None


@dataclass(frozen=True, slots=True)
class BookingRow:
    """A booking (one-off or series) as the dialog shows it."""

    id: int
    room_id: int
    title: str
    kind: BookingKind
    organiser: str
    expected_participants: int | None
    notes: str
    starts_at: datetime  # first occurrence
    ends_at: datetime
    rrule: str | None
    holiday_policy: HolidayPolicy
    linked_booking_id: int | None
    linked_room_id: int | None
    created_by: int | None
    created_at: datetime
    updated_at: datetime
    version: int


@dataclass(frozen=True, slots=True)
class BusyRow:
    """An occurrence that blocks time in a room (for conflict messages)."""

    occurrence_id: int
    booking_id: int
    room_id: int
    title: str
    organiser: str
    starts_at: datetime
    ends_at: datetime


@dataclass(frozen=True, slots=True)
class SaveResult:
    """What a save did: the booking, and what the person should be told (capacity)."""

    booking_id: int
    linked_booking_id: int | None
    occurrences: int
    capacity: int = 0
    over_capacity: bool = False  # expected participants exceed the room's capacity
    left_out: tuple[date, ...] = ()  # local dates of a series left out (stored cancelled): already taken
