"""Pure rules of client appointments (no Qt, no database).

A counsellor's bookable time is their working hours per weekday (local Berlin wall time, so
09:00 stays 09:00 across DST changes) minus their absences (whole days) minus the appointments
they already have. The interval arithmetic itself (`overlaps`, `next_free_slot`, `check_span`)
is shared with the room calendar in `desk.domain.calendar`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta

from dateutil.rrule import WEEKLY, rrule

from desk.domain.calendar import DEFAULT_GRANULARITY, check_span, next_free_slot, overlaps
from desk.domain.errors import ValidationError
from desk.domain.model import AppointmentRow
from desk.domain.public_holidays import holiday_name, is_holiday
from desk.domain.tickets import BERLIN

#: Longest single client appointment (a whole working day; longer is a typo).
MAX_APPOINTMENT = timedelta(hours=10)
#: Shortest appointment that makes sense.
MIN_APPOINTMENT = timedelta(minutes=5)
#: Most appointments one series may create.
MAX_SERIES = 52
#: How far ahead a free slot is searched.
SLOT_HORIZON_DAYS = 62


@dataclass(frozen=True, slots=True)
class WorkingHourRow:
    weekday: int  # 0 = Monday
    start: time
    end: time


@dataclass(frozen=True, slots=True)
class AbsenceRow:
    id: int
    staff_id: int
    starts_on: date
    ends_on: date  # inclusive
    reason: str

    def covers(self, day: date) -> bool:
        return self.starts_on <= day <= self.ends_on


@dataclass(frozen=True, slots=True)
class InterpreterRow:
    id: int
    name: str
    languages: tuple[str, ...]
    phone: str
    active: bool

    def speaks(self, language: str) -> bool:
        return not language or language.lower() in self.languages


@dataclass(frozen=True, slots=True)
class ReminderRow:
    """One line of tomorrow's reminder list."""

    appointment: AppointmentRow
    phone: str
    client_language: str
    staff_name: str
    room_name: str
    interpreter_name: str


@dataclass(frozen=True, slots=True)
class SlipData:
    """What the appointment slip for the client says."""

    appointment_id: int
    client_name: str
    client_number: str
    client_language: str
    starts_at: datetime
    ends_at: datetime
    room_name: str
    staff_name: str
    service_name_de: str
    service_name_en: str
    centre_name: str
    centre_address: str
    interpreter_language: str
    kiosk_code: str = ""  # the short code the kiosk checks the person in with (issue 20)


@dataclass(frozen=True, slots=True)
class Schedule:
    """A counsellor's working hours and absences (what free slots are computed from)."""

    hours: tuple[WorkingHourRow, ...] = ()
    absences: tuple[AbsenceRow, ...] = field(default_factory=tuple)

    def windows(self, day: date) -> list[tuple[datetime, datetime]]:
        """The working windows of a local day as aware UTC intervals (none when absent, none on a
        public holiday of Baden-Württemberg: the centre is closed)."""
        if any(a.covers(day) for a in self.absences) or is_holiday(day):
            return []
        return sorted(
            (local_moment(day, h.start, check=False), local_moment(day, h.end, check=False))
            for h in self.hours
            if h.weekday == day.weekday() and h.end > h.start
        )

    def absence_on(self, day: date) -> AbsenceRow | None:
        return next((a for a in self.absences if a.covers(day)), None)

    def inside_working_hours(self, start: datetime, end: datetime) -> bool:
        day = start.astimezone(BERLIN).date()
        return any(w_start <= start and end <= w_end for w_start, w_end in self.windows(day))


def local_moment(day: date, at: time, *, check: bool = True) -> datetime:
    """The aware UTC moment of a Berlin wall-clock time; a time skipped by DST is refused."""
    moment = datetime.combine(day, at, tzinfo=BERLIN)
    back = moment.astimezone(UTC).astimezone(BERLIN)
    if check and back.replace(tzinfo=None) != moment.replace(tzinfo=None):
        raise ValidationError(
            "The time {time} does not exist on {date} (the clocks go forward that night).",
            time=at.strftime("%H:%M"),
            date=day,
        )
    return moment.astimezone(UTC)


def check_appointment_span(starts_at: datetime, ends_at: datetime, *, now: datetime | None = None) -> None:
    """Bad-input rules for one appointment: a clear message instead of a strange booking."""
    check_span(starts_at, ends_at, now=now, max_span=timedelta(hours=24))
    if ends_at - starts_at < MIN_APPOINTMENT:
        raise ValidationError("An appointment must last at least {minutes} minutes.",
                              minutes=int(MIN_APPOINTMENT.total_seconds() // 60))
    if ends_at - starts_at > MAX_APPOINTMENT:
        raise ValidationError("An appointment may last at most {hours} hours.",
                              hours=int(MAX_APPOINTMENT.total_seconds() // 3600))
    if starts_at.astimezone(BERLIN).date() != (ends_at - timedelta(microseconds=1)).astimezone(BERLIN).date():
        raise ValidationError("An appointment must end on the day it starts (not after midnight).")


def check_working_hours(hours: Iterable[WorkingHourRow]) -> list[WorkingHourRow]:
    """Valid, sorted working hours: end after start, no overlapping windows on one weekday."""
    result = sorted(hours, key=lambda h: (h.weekday, h.start))
    for h in result:
        if not 0 <= h.weekday <= 6:
            raise ValidationError("The weekday must be between Monday and Sunday.")
        if h.end <= h.start:
            raise ValidationError("Working hours must end after they start ({start}–{end}).",
                                  start=h.start.strftime("%H:%M"), end=h.end.strftime("%H:%M"))
    for a, b in zip(result, result[1:], strict=False):
        if a.weekday == b.weekday and b.start < a.end:
            raise ValidationError("Working hours on one day must not overlap ({start}–{end}).",
                                  start=b.start.strftime("%H:%M"), end=b.end.strftime("%H:%M"))
    return result


def busy_intervals(rows: Iterable[AppointmentRow], *, exclude_id: int | None = None) -> list[tuple[datetime, datetime]]:
    return [(r.starts_at, r.ends_at) for r in rows if r.id != exclude_id]


def next_free_start(
    schedule: Schedule | None,
    busy: Sequence[tuple[datetime, datetime]],
    duration: timedelta,
    not_before: datetime,
    *,
    horizon_days: int = SLOT_HORIZON_DAYS,
    granularity: timedelta = DEFAULT_GRANULARITY,
) -> datetime | None:
    """The first start >= not_before where `duration` fits into the counsellor's working hours
    (or into any daytime 07:00–20:00 when `schedule` is None) without overlapping `busy`."""
    first_day = not_before.astimezone(BERLIN).date()
    for offset in range(horizon_days + 1):
        day = first_day + timedelta(days=offset)
        if schedule is None:
            if is_holiday(day):
                continue  # no suggestion on a public holiday either
            windows = [(local_moment(day, time(7), check=False), local_moment(day, time(20), check=False))]
        else:
            windows = schedule.windows(day)
        for w_start, w_end in windows:
            if w_end <= not_before:
                continue
            local_start = w_start.astimezone(BERLIN).time()
            local_end = w_end.astimezone(BERLIN).time()
            found = next_free_slot(
                list(busy), duration, max(not_before, w_start), local_start, local_end, BERLIN,
                granularity=granularity, horizon_days=0,
            )
            if found is not None and found.astimezone(BERLIN).date() == day:
                return found
    return None


def free_starts(
    schedule: Schedule,
    busy: Sequence[tuple[datetime, datetime]],
    day: date,
    duration: timedelta,
    *,
    not_before: datetime | None = None,
    granularity: timedelta = DEFAULT_GRANULARITY,
) -> list[datetime]:
    """Every start on `day` (a granularity step apart) where `duration` fits; for suggestions."""
    result: list[datetime] = []
    for w_start, w_end in schedule.windows(day):
        candidate = w_start
        while candidate + duration <= w_end:
            if (not_before is None or candidate >= not_before) and not any(
                overlaps(candidate, candidate + duration, b_start, b_end) for b_start, b_end in busy
            ):
                result.append(candidate)
            candidate += granularity
    return result


def weekly_series(starts_at: datetime, ends_at: datetime, *, count: int, interval_weeks: int = 1) -> list[tuple[datetime, datetime]]:
    """`count` appointments every `interval_weeks` weeks at the same local wall time (DST-safe)."""
    if not 1 <= count <= MAX_SERIES:
        raise ValidationError("A series has between 1 and {max} appointments.", max=MAX_SERIES)
    if not 1 <= interval_weeks <= 8:
        raise ValidationError("The interval of a series is between 1 and 8 weeks.")
    local_start = starts_at.astimezone(BERLIN).replace(tzinfo=None)
    length = ends_at - starts_at
    result = []
    for naive in rrule(WEEKLY, interval=interval_weeks, count=count, dtstart=local_start):
        start = local_moment(naive.date(), naive.time(), check=True)
        result.append((start, start + length))
    return result


def series_holidays(spans: Iterable[tuple[datetime, datetime]], language: str) -> list[tuple[date, str]]:
    """The dates of a series (local Berlin days) that are public holidays of Baden-Württemberg,
    with the holiday's name in `language`: what the booking dialog shows before a counsellor saves."""
    found = []
    for start, _end in spans:
        day = start.astimezone(BERLIN).date()
        name = holiday_name(day, language)
        if name:
            found.append((day, name))
    return found


def without_holidays(spans: Iterable[tuple[datetime, datetime]]) -> list[tuple[datetime, datetime]]:
    """The series' dates that are no public holiday (the centre is closed on those)."""
    return [(s, e) for s, e in spans if not is_holiday(s.astimezone(BERLIN).date())]


def describe_span(starts_at: datetime, ends_at: datetime) -> str:
    """`24.12.2026 09:00–09:45` in Berlin time (for messages)."""
    s = starts_at.astimezone(BERLIN)
    e = ends_at.astimezone(BERLIN)
    return f"{s:%d.%m.%Y} {s:%H:%M}–{e:%H:%M}"


def parse_hours(weekday: int, text: str) -> list[WorkingHourRow]:
    """`09:00-12:00, 13:00-16:00` -> rows; empty -> none. Raises ValidationError with the text."""
    result = []
    for part in text.replace(";", ",").split(","):
        part = part.strip().replace("–", "-").replace(" ", "")
        if not part:
            continue
        try:
            a, b = part.split("-")
            start = datetime.strptime(a, "%H:%M").time()
            end = datetime.strptime(b, "%H:%M").time() if b not in ("24:00",) else time(23, 59)
        except ValueError as error:
            raise ValidationError("{text} is not a time range like 09:00-12:00.", text=part) from error
        result.append(WorkingHourRow(weekday, start, end))
    return result
