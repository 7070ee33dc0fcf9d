"""Recurring bookings: building, reading and expanding recurrence rules; dates on public holidays.

A series is stored as its first occurrence (aware UTC start/end) plus an RFC 5545 RRULE whose
times mean *local Berlin wall-clock time* (python-dateutil expands it on naive local times, and
each occurrence is then placed in Europe/Berlin): a language café every Tuesday 17:00-19:00 stays
17:00-19:00 across the change to and from daylight saving time.

Supported patterns (what the booking dialog offers): weekly, every two weeks, monthly on the
n-th weekday (1st..4th or last), ending on a date (UNTIL) or after n occurrences (COUNT).
Open-ended series (neither) are materialised up to a horizon and extended lazily (see
`HORIZON_DAYS`, `EXTEND_MARGIN_DAYS`).

Public holidays of Baden-Württemberg (`public_holidays`) either skip an occurrence (it is never
materialised) or flag it (materialised with the holiday's German name stored, shown by its day in
the reader's language).

Occurrences of one series are identified by their *local date* (`occurrence_key`): every pattern
above has at most one occurrence per day. Keys survive a change of the series' time of day, so a
cancelled occurrence stays cancelled when the series is edited later.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Protocol

from dateutil.rrule import rrule, rrulestr

from desk.domain.errors import ValidationError
from desk.domain.model import HolidayPolicy
from desk.domain.public_holidays import STORED_LANGUAGE, holiday_name
from desk.domain.tickets import BERLIN

#: An open-ended series is materialised this far ahead of "now" when it is created or edited.
HORIZON_DAYS = 548  # about 18 months
#: A read reaching closer than this to a series' last materialised occurrence extends it.
EXTEND_MARGIN_DAYS = 183
#: Upper bound of occurrences of one series (a typo like COUNT=10000 is refused).
MAX_OCCURRENCES = 520


class Frequency(enum.StrEnum):
    NONE = "none"
    WEEKLY = "weekly"
    BIWEEKLY = "biweekly"
    MONTHLY_NTH = "monthly_nth"


class EditScope(enum.StrEnum):
    THIS = "this"
    FOLLOWING = "following"
    ALL = "all"


@dataclass(frozen=True, slots=True)
class RuleSpec:
    """What the dialog shows and edits; `to_rrule` turns it into the stored string."""

    frequency: Frequency = Frequency.NONE
    until: date | None = None  # last day (inclusive, local)
    count: int | None = None
    nth: int | None = None  # MONTHLY_NTH: 1..4 or -1 (last); None = derived from the start date

    @property
    def recurring(self) -> bool:
        return self.frequency is not Frequency.NONE


@dataclass(frozen=True, slots=True)
class OccurrenceSpec:
    """One expanded occurrence (aware UTC times)."""

    key: date  # local date of the original start
    original_start: datetime
    starts_at: datetime
    ends_at: datetime
    holiday_name: str  # the German name of the holiday on its day ('' for none): what the database keeps


_WEEKDAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


def nth_of_month(day: date) -> int:
    """1 for the first Tuesday of a month, ..., 4; 5th weekdays count as -1 (last)."""
    n = (day.day - 1) // 7 + 1
    return -1 if n >= 5 else n


def validate_rule(spec: RuleSpec, first_day: date) -> None:
    if not spec.recurring:
        return
    if spec.until is not None and spec.count is not None:
        raise ValidationError("Give either an end date or a number of occurrences, not both.")
    if spec.count is not None and not 1 <= spec.count <= MAX_OCCURRENCES:
        raise ValidationError("The number of occurrences must be between 1 and {max}.", max=MAX_OCCURRENCES)
    if spec.until is not None:
        if spec.until < first_day:
            raise ValidationError("The series ends before its first occurrence.")
        if spec.until > first_day + timedelta(days=366 * 5):
            raise ValidationError("A series may run for at most five years.")
    if spec.nth is not None and spec.nth not in (1, 2, 3, 4, -1):
        raise ValidationError("The week of the month must be 1 to 4 or the last.")


def to_rrule(spec: RuleSpec, first_local: datetime) -> str | None:
    """The RRULE string (without DTSTART) for `spec`, starting at local `first_local`."""
    if not spec.recurring:
        return None
    validate_rule(spec, first_local.date())
    code = _WEEKDAY_CODES[first_local.weekday()]
    if spec.frequency is Frequency.WEEKLY:
        parts = ["FREQ=WEEKLY", f"BYDAY={code}"]
    elif spec.frequency is Frequency.BIWEEKLY:
        parts = ["FREQ=WEEKLY", "INTERVAL=2", f"BYDAY={code}"]
    else:
        nth = spec.nth if spec.nth is not None else nth_of_month(first_local.date())
        parts = ["FREQ=MONTHLY", f"BYDAY={nth:+d}{code}"]
    if spec.until is not None:
        parts.append(f"UNTIL={spec.until:%Y%m%d}T235959")
    elif spec.count is not None:
        parts.append(f"COUNT={spec.count}")
    return ";".join(parts)


def parse_rrule(text: str | None) -> RuleSpec:
    """The dialog's view of a stored RRULE (only the patterns `to_rrule` writes)."""
    if not text:
        return RuleSpec()
    fields = dict(part.split("=", 1) for part in text.split(";") if "=" in part)
    freq = fields.get("FREQ")
    until = count = nth = None
    if "UNTIL" in fields:
        until = datetime.strptime(fields["UNTIL"][:8], "%Y%m%d").date()
    if "COUNT" in fields:
        count = int(fields["COUNT"])
    if freq == "WEEKLY":
        frequency = Frequency.BIWEEKLY if fields.get("INTERVAL") == "2" else Frequency.WEEKLY
    elif freq == "MONTHLY":
        frequency = Frequency.MONTHLY_NTH
        byday = fields.get("BYDAY", "")
        nth = int(byday[:-2]) if len(byday) > 2 else None
    else:
        raise ValidationError("This recurrence rule is not supported: {rule}", rule=text)
    return RuleSpec(frequency=frequency, until=until, count=count, nth=nth)


def with_end(text: str, last_day: date) -> str:
    """The same rule ending on `last_day` (COUNT replaced by UNTIL): the first half of a split."""
    parts = [p for p in text.split(";") if not p.startswith(("UNTIL=", "COUNT="))]
    parts.append(f"UNTIL={last_day:%Y%m%d}T235959")
    return ";".join(parts)


def with_count(text: str, count: int | None) -> str:
    parts = [p for p in text.split(";") if not p.startswith("COUNT=")]
    if count is not None:
        parts.append(f"COUNT={count}")
    return ";".join(parts)


def is_open_ended(text: str | None) -> bool:
    return bool(text) and "UNTIL=" not in text and "COUNT=" not in text  # type: ignore[operator]


# --- expansion ---------------------------------------------------------------------------------


def place(local_naive: datetime) -> datetime:
    """A naive Berlin wall-clock time as aware UTC. In the spring gap (02:00-03:00 does not
    exist) the time moves forward by the gap; in the autumn fold the first (summer) time wins."""
    # PEP 495: fold=0 uses the offset before the transition, which does exactly this
    return local_naive.replace(tzinfo=BERLIN, fold=0).astimezone(UTC)


def occurrence_key(moment: datetime) -> date:
    return moment.astimezone(BERLIN).date()


def expand(
    rule: str | None,
    first_start: datetime,
    first_end: datetime,
    *,
    policy: HolidayPolicy = HolidayPolicy.SKIP,
    window_start: datetime | None = None,
    window_end: datetime | None = None,
) -> list[OccurrenceSpec]:
    """The occurrences of a booking, optionally limited to [window_start, window_end).

    A one-off booking (`rule` None) has exactly one occurrence (holidays are flagged, never
    skipped: whoever books a single date on a holiday means it). Recurring series keep the
    local wall-clock start and length of the first occurrence.
    """
    local_start = first_start.astimezone(BERLIN).replace(tzinfo=None)
    local_end = first_end.astimezone(BERLIN).replace(tzinfo=None)
    length = local_end - local_start  # wall-clock length: 17:00-19:00 stays two hours on the clock
    if not rule:
        return [OccurrenceSpec(occurrence_key(first_start), first_start, first_start, first_end,
                               holiday_name(occurrence_key(first_start), STORED_LANGUAGE))]
    recurrence: rrule = rrulestr(rule, dtstart=local_start)  # type: ignore[assignment]
    lower = window_start.astimezone(BERLIN).replace(tzinfo=None) - length - timedelta(days=1) if window_start else None
    upper = window_end.astimezone(BERLIN).replace(tzinfo=None) + timedelta(days=1) if window_end else None
    if upper is None and is_open_ended(rule):
        raise ValueError("an open-ended series needs window_end")
    if lower is not None or upper is not None:
        moments = recurrence.between(lower or local_start, upper or datetime(9999, 1, 1), inc=True)
    else:
        moments = list(recurrence)
    result: list[OccurrenceSpec] = []
    for moment in moments[: MAX_OCCURRENCES * 10]:
        start = place(moment)
        end = place(moment + length)
        if window_start is not None and end <= window_start:
            continue
        if window_end is not None and start >= window_end:
            continue
        name = holiday_name(moment.date(), STORED_LANGUAGE)
        if name and policy is HolidayPolicy.SKIP:
            continue
        result.append(OccurrenceSpec(moment.date(), start, start, end, name))
    return result


def holiday_preview(rule: str | None, first_start: datetime, first_end: datetime, *, language: str,
                    horizon: timedelta = timedelta(days=366)) -> tuple[int, list[tuple[date, str]]]:
    """Before saving a series with "skip public holidays": how many dates it will have and
    which dates are skipped, with the holiday's name in `language` (an open-ended series: within
    `horizon`). "4 dates weekly" across Ascension Day gives 3 dates and names the fourth."""
    if not rule:
        return 1, []
    window_end = first_start + horizon if is_open_ended(rule) else None
    every = expand(rule, first_start, first_end, policy=HolidayPolicy.FLAG, window_end=window_end)
    skipped = [(o.key, holiday_name(o.key, language)) for o in every if o.holiday_name]
    return len(every) - len(skipped), skipped


class ExistingOccurrence(Protocol):
    id: int
    original_start: datetime
    starts_at: datetime
    ends_at: datetime
    cancelled: bool
    detached: bool


@dataclass
class Replan:
    """What happens to the stored occurrences of a booking when its rule, time or room change."""

    kept: set[int] = field(default_factory=set)  # untouched (history)
    delete: list[int] = field(default_factory=list)  # no longer part of the series
    move: list[tuple[int, OccurrenceSpec]] = field(default_factory=list)  # follow the series (cancelled stay so)
    rekey: list[tuple[int, OccurrenceSpec]] = field(default_factory=list)  # edited on their own: keep their time
    insert: list[OccurrenceSpec] = field(default_factory=list)  # new dates
    active_spans: list[tuple[datetime, datetime]] = field(default_factory=list)  # what will occupy the room


def replan(
    existing: list[ExistingOccurrence],
    specs: list[OccurrenceSpec],
    *,
    recurring: bool,
    now: datetime,
    shift: timedelta = timedelta(0),
    edited_id: int | None = None,
) -> Replan:
    """Match stored occurrences to a new expansion by local date (shifted by `shift` days when
    the series moved): a cancelled date stays cancelled, a date edited on its own keeps its
    time, past dates of a series stay as they were (except the date being edited), dates that
    are no longer in the rule go, new future dates come."""
    by_key = {occurrence_key(o.original_start) + shift: o for o in existing}
    wanted = {s.key: s for s in specs}
    plan = Replan()
    for key, o in by_key.items():
        if recurring and o.ends_at <= now and o.id != edited_id:
            plan.kept.add(o.id)
            continue
        spec = wanted.get(key)
        if spec is None:
            plan.delete.append(o.id)
        elif o.cancelled:
            plan.move.append((o.id, spec))
        elif o.detached:
            plan.rekey.append((o.id, spec))
            plan.active_spans.append((o.starts_at, o.ends_at))
        else:
            plan.move.append((o.id, spec))
            plan.active_spans.append((spec.starts_at, spec.ends_at))
    for key, spec in wanted.items():
        if key not in by_key and spec.ends_at > now:
            plan.insert.append(spec)
            plan.active_spans.append((spec.starts_at, spec.ends_at))
    return plan


def describe(spec: RuleSpec) -> str:
    """A short English description (for logs and the audit trail; the UI translates its own)."""
    if not spec.recurring:
        return "once"
    text = {Frequency.WEEKLY: "weekly", Frequency.BIWEEKLY: "every two weeks",
            Frequency.MONTHLY_NTH: "monthly"}[spec.frequency]
    if spec.until:
        text += f" until {spec.until:%d.%m.%Y}"
    if spec.count:
        text += f" ({spec.count} times)"
    return text

