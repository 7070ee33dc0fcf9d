"""Pure calendar rules shared by room bookings and client appointments (no Qt, no database).

- `overlaps`: half-open intervals [start, end): a booking ending at 17:00 and one starting at
  17:00 do not conflict.
- `next_free_slot`: the first start >= `not_before` where `duration` fits between the busy
  intervals, inside the local opening window [day_start, day_end] of a day, aligned to a
  granularity (15 minutes by default), searching at most `horizon_days` days ahead.
- `check_span`: the bad-input rules every booking/appointment goes through (aware times, end
  after start, not absurdly long, not in the far past or future).

All datetimes are timezone-aware; local wall-clock times (`day_start`, `day_end`) are
interpreted in `tz` (Europe/Berlin), so a window stays 08:00-20:00 across DST changes.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime, time, timedelta, tzinfo

from desk.domain.errors import ValidationError
from desk.domain.tickets import BERLIN

#: Granularity of suggested slots.
DEFAULT_GRANULARITY = timedelta(minutes=15)
#: How far ahead `next_free_slot` looks before giving up.
DEFAULT_HORIZON_DAYS = 62
#: Longest single booking/appointment accepted (a whole-day seminar fits; a typo like 2062 does not).
MAX_SPAN = timedelta(hours=24)
#: Oldest and newest dates accepted for a booking (relative to "now").
MAX_PAST = timedelta(days=366 * 2)
MAX_FUTURE = timedelta(days=366 * 5)


def overlaps(a_start: datetime, a_end: datetime, b_start: datetime, b_end: datetime) -> bool:
    """True when the half-open intervals [a_start, a_end) and [b_start, b_end) share time."""
    return a_start < b_end and b_start < a_end


def first_overlap(
    start: datetime, end: datetime, busy: Iterable[tuple[datetime, datetime]]
) -> tuple[datetime, datetime] | None:
    """The earliest busy interval that overlaps [start, end), or None."""
    hits = [b for b in busy if overlaps(start, end, b[0], b[1])]
    return min(hits) if hits else None


def _ceil_to(moment: datetime, granularity: timedelta, tz: tzinfo) -> datetime:
    """Round an aware moment up to the next multiple of `granularity` in local wall time."""
    local = moment.astimezone(tz)
    midnight = datetime.combine(local.date(), time(0), tzinfo=tz)
    offset = local.replace(tzinfo=None) - midnight.replace(tzinfo=None)
    steps = -(-offset // granularity)  # ceil division of timedeltas
    candidate = (midnight.replace(tzinfo=None) + steps * granularity).replace(tzinfo=tz)
    # a wall time in a DST gap does not exist; fold forward through UTC
    return max(candidate.astimezone(UTC), moment.astimezone(UTC))


def _local(day: date, at: time, tz: tzinfo) -> datetime:
    return datetime.combine(day, at, tzinfo=tz).astimezone(UTC)


def next_free_slot(
    busy: list[tuple[datetime, datetime]],
    duration: timedelta,
    not_before: datetime,
    day_start: time,
    day_end: time,
    tz: tzinfo,
    *,
    granularity: timedelta = DEFAULT_GRANULARITY,
    horizon_days: int = DEFAULT_HORIZON_DAYS,
    weekdays: Iterable[int] | None = None,
) -> datetime | None:
    """The first aware (UTC) start >= not_before where `duration` fits, or None.

    `busy`: aware (start, end) pairs in any order (may overlap each other). A slot lies inside
    [day_start, day_end] local time of one day; `weekdays` (0 = Monday) limits the days (None:
    every day). `day_end` of time(0) means midnight at the end of the day.
    """
    if duration <= timedelta(0):
        raise ValueError("duration must be positive")
    if not_before.tzinfo is None:
        raise ValueError("not_before must be timezone-aware")
    allowed = set(weekdays) if weekdays is not None else None
    intervals = sorted((s.astimezone(UTC), e.astimezone(UTC)) for s, e in busy if e > s)
    first_day = not_before.astimezone(tz).date()
    for offset in range(horizon_days + 1):
        day = first_day + timedelta(days=offset)
        if allowed is not None and day.weekday() not in allowed:
            continue
        window_start = _local(day, day_start, tz)
        window_end = _local(day + timedelta(days=1), time(0), tz) if day_end == time(0) else _local(day, day_end, tz)
        candidate = _ceil_to(max(window_start, not_before.astimezone(UTC)), granularity, tz)
        for b_start, b_end in intervals:
            if b_end <= candidate:
                continue
            if b_start >= candidate + duration:
                break
            candidate = _ceil_to(b_end, granularity, tz)
            if candidate + duration > window_end:
                break
        if candidate + duration <= window_end:
            return candidate
    return None


def check_span(
    starts_at: datetime,
    ends_at: datetime,
    *,
    now: datetime | None = None,
    max_span: timedelta = MAX_SPAN,
) -> None:
    """Refuse spans a person cannot have meant, with a message that says why."""
    if starts_at.tzinfo is None or ends_at.tzinfo is None:
        raise ValidationError("Start and end need a time zone.")
    if ends_at == starts_at:
        raise ValidationError("The end must be after the start (the booking has no length).")
    if ends_at < starts_at:
        raise ValidationError("The end lies before the start.")
    if ends_at - starts_at > max_span:
        raise ValidationError(
            "A single booking may last at most {hours} hours; use a recurring booking for several days.",
            hours=int(max_span.total_seconds() // 3600),
        )
    now = now or datetime.now(UTC)
    if starts_at < now - MAX_PAST:
        raise ValidationError("The date {date} lies too far in the past.", date=starts_at.astimezone(BERLIN).date())
    if starts_at > now + MAX_FUTURE:
        raise ValidationError("The date {date} lies too far in the future.", date=starts_at.astimezone(BERLIN).date())
