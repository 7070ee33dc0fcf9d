"""Reports for the funder and the head of department: periods, figures, suppression, tables.

Definitions of every figure: docs/REPORTS.md. The figures are computed by
desk.storage.repositories.reports (aggregate SQL) and assembled by desk.services.reports; this
module holds the plain records, the arithmetic that needs no database (percentiles, shares,
previous period, opening hours), the shape of a table and the suppression rule. No presentation
text: the labels, dates and numbers in German or English are desk.services.report_tables'.

Only aggregates live here: no record carries a name or a client id.
"""

from __future__ import annotations

import calendar
import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from typing import Any

from desk.domain.model import BookingKind, Residence, StatusGroup
from desk.domain.tickets import BERLIN

PLACES: tuple[str, ...] = (
    Residence.BALINGEN.value,
    Residence.KLEINER_HEUBERG.value,
    Residence.OTHER.value,
    Residence.UNKNOWN.value,
)
STATUS_GROUPS: tuple[str, ...] = tuple(s.value for s in StatusGroup if s is not StatusGroup.UNKNOWN) + (
    StatusGroup.UNKNOWN.value,
)
BOOKING_KINDS: tuple[str, ...] = tuple(k.value for k in BookingKind)
SUPPRESSED = "< {n}"
#: The first day a report may cover, and the longest period (the year picker's range starts there).
FIRST_REPORT_DAY = date(2000, 1, 1)
MAX_REPORT_YEARS = 10
#: A share, rate or change hidden because it would give a suppressed count away. Not "< 3": in a
#: "%" column that read as "under 3 %" (a no-show rate of 50 % shown as "< 3"). The sign German
#: official statistics use for a cell withheld as meaningless or revealing.
HIDDEN = "x"


# --- periods -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Period:
    """A span of local (Europe/Berlin) calendar days, both ends included."""

    start: date
    end: date
    kind: str = "custom"  # month | quarter | year | custom

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError("period ends before it starts")

    @classmethod
    def month(cls, year: int, month: int) -> Period:
        return cls(date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1]), "month")

    @classmethod
    def quarter(cls, year: int, quarter: int) -> Period:
        first = 3 * (quarter - 1) + 1
        return cls(date(year, first, 1), date(year, first + 2, calendar.monthrange(year, first + 2)[1]), "quarter")

    @classmethod
    def year(cls, year: int) -> Period:
        return cls(date(year, 1, 1), date(year, 12, 31), "year")

    @property
    def whole_year(self) -> bool:
        """One calendar year (however it was chosen): its distinct clients count the persons of
        anonymised visits (docs/REPORTS.md, "Distinct clients after anonymisation")."""
        return (self.start.month, self.start.day, self.end.month, self.end.day) == (1, 1, 12, 31) \
            and self.start.year == self.end.year

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def previous(self) -> Period:
        """The period just before: the previous month/quarter/year, or as many days before. A
        calendar year however chosen (1 January to 31 December typed as days) is compared with the
        calendar year before, not with as many days (after a leap year that began on 2 January and
        was no calendar year, so its distinct clients left out its anonymised visits)."""
        if self.kind == "year" or self.whole_year:
            return Period.year(self.start.year - 1)
        if self.kind == "month":
            before = self.start - timedelta(days=1)
            return Period.month(before.year, before.month)
        if self.kind == "quarter":
            before = self.start - timedelta(days=1)
            return Period.quarter(before.year, (before.month - 1) // 3 + 1)
        return Period(self.start - timedelta(days=self.days), self.start - timedelta(days=1), "custom")

    def utc_bounds(self) -> tuple[datetime, datetime]:
        """[local midnight of the first day, local midnight after the last day) as aware datetimes."""
        begin = datetime.combine(self.start, time(0), tzinfo=BERLIN)
        finish = datetime.combine(self.end + timedelta(days=1), time(0), tzinfo=BERLIN)
        return begin, finish

    def months(self) -> list[tuple[int, int]]:
        result = []
        year, month = self.start.year, self.start.month
        while (year, month) <= (self.end.year, self.end.month):
            result.append((year, month))
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return result

    def month_bounds(self) -> list[datetime]:
        """Local-midnight starts of the 2nd..last month inside the period (bucket edges)."""
        return [datetime(y, m, 1, tzinfo=BERLIN) for y, m in self.months()[1:]]


def working_days(period: Period, weekdays: Iterable[int], holidays: Iterable[date]) -> int:
    skip = set(holidays)
    wanted = set(weekdays)
    return sum(
        1
        for offset in range(period.days)
        if (day := period.start + timedelta(days=offset)).weekday() in wanted and day not in skip
    )


# --- arithmetic -----------------------------------------------------------------------------------


def percentile(sorted_values: Sequence[float], fraction: float) -> float | None:
    """Linear interpolation between closest ranks (as PostgreSQL percentile_cont)."""
    if not sorted_values:
        return None
    position = (len(sorted_values) - 1) * fraction
    lower = math.floor(position)
    upper = min(lower + 1, len(sorted_values) - 1)
    return sorted_values[lower] + (sorted_values[upper] - sorted_values[lower]) * (position - lower)


@dataclass(frozen=True, slots=True)
class Durations:
    """A distribution of durations in minutes (median and 90th percentile) of n observations."""

    n: int = 0
    median: float | None = None
    p90: float | None = None

    @classmethod
    def of_seconds(cls, sorted_seconds: Sequence[int]) -> Durations:
        return cls.of_ranks(len(sorted_seconds), sorted_seconds.__getitem__)

    @classmethod
    def of_ranks(cls, n: int, seconds_at: Callable[[int], int]) -> Durations:
        """From n sorted durations of which only those at the ranks asked for are known."""
        minutes = _Minutes(n, seconds_at)
        med = percentile(minutes, 0.5)
        p90 = percentile(minutes, 0.9)
        return cls(n, None if med is None else round(med, 1), None if p90 is None else round(p90, 1))


class _Minutes(Sequence[float]):
    """A sorted sequence of minutes read rank by rank (percentile asks for at most four)."""

    def __init__(self, n: int, seconds_at: Callable[[int], int]) -> None:
        self._n = n
        self._seconds_at = seconds_at

    def __len__(self) -> int:
        return self._n

    def __getitem__(self, rank):  # noqa: ANN001, ANN204 - Sequence's overloads
        return self._seconds_at(rank) / 60


def share(part: int, whole: int) -> float | None:
    return None if whole == 0 else round(100.0 * part / whole, 1)


@dataclass(frozen=True, slots=True)
class AppointmentFigures:
    booked_past: int = 0  # still "booked" although its time has passed (never marked)
    booked_future: int = 0
    arrived: int = 0
    done: int = 0
    no_show: int = 0
    cancelled: int = 0

    @property
    def due(self) -> int:
        """Appointments that were due: the base of the no-show rate (cancelled excluded)."""
        return self.booked_past + self.arrived + self.done + self.no_show

    @property
    def no_show_rate(self) -> float | None:
        return share(self.no_show, self.due)


@dataclass(frozen=True, slots=True)
class ServiceFigures:
    """The figures of one service (service_id None: the whole centre)."""

    service_id: int | None
    code: str
    name_de: str
    name_en: str
    visits: int = 0
    distinct_clients: int = 0
    new_clients: int = 0
    anonymous_visits: int = 0  # tickets without a person
    anonymised_visits: int = 0  # the person was removed by retention; the visit still counts
    # of those, anonymised before desk kept what the distinct clients need (migration 0012)
    anonymised_unmarked: int = 0
    walk_ins: int = 0
    appointment_visits: int = 0
    interpreter_visits: int = 0
    visits_by_place: dict[str, int] = field(default_factory=dict)
    clients_by_place: dict[str, int] = field(default_factory=dict)
    visits_by_status_group: dict[str, int] = field(default_factory=dict)
    clients_by_status_group: dict[str, int] = field(default_factory=dict)
    clients_by_language: dict[str, int] = field(default_factory=dict)
    interpreter_by_language: dict[str, int] = field(default_factory=dict)
    visits_by_month: dict[str, int] = field(default_factory=dict)  # "YYYY-MM" -> visits
    wait: Durations = field(default_factory=Durations)
    session: Durations = field(default_factory=Durations)
    appointments: AppointmentFigures = field(default_factory=AppointmentFigures)

    def name(self, language: str) -> str:
        return self.name_en if language == "en" else self.name_de


@dataclass(frozen=True, slots=True)
class KindFigures:
    kind: str
    occurrences: int = 0  # booked occurrences (not cancelled), every room
    hours: float = 0.0  # every room: a café in the group room with the tea kitchen counts twice
    group_room_hours: float = 0.0  # in the group room(s) only: how long the events took place there
    events: int = 0  # occurrences of the leading booking (a tea kitchen booked with it is not counted twice)
    participants: int = 0  # sum of recorded participants of those events
    events_with_participants: int = 0


@dataclass(frozen=True, slots=True)
class RoomFigures:
    by_kind: tuple[KindFigures, ...] = ()
    hours_by_room: dict[str, float] = field(default_factory=dict)
    group_room_hours: float = 0.0
    group_room_opening_hours: float = 0.0

    @property
    def group_room_occupancy(self) -> float | None:
        if not self.group_room_opening_hours:
            return None
        return round(100.0 * self.group_room_hours / self.group_room_opening_hours, 1)


@dataclass(frozen=True, slots=True)
class Comparison:
    """The period a report is compared with, as far as the report shows it: the centre's total
    overview figures (the previous period's column of the overview table). `total` holds the
    counts, distinct clients, waiting and session times and appointments; its breakdowns (by
    place, status group, language, month) are empty - not computed, since nothing shows them -
    and there are no per-service figures or rooms (docs/REPORTS.md, "Comparison")."""

    period: Period
    total: ServiceFigures


@dataclass(frozen=True, slots=True)
class Report:
    period: Period
    centre_name: str
    created_at: datetime
    threshold: int
    services: tuple[ServiceFigures, ...]
    total: ServiceFigures
    rooms: RoomFigures
    previous: Comparison | None = None

    def without_previous(self) -> Report:
        return replace(self, previous=None)


# --- serialisation (the PDF renderer runs in its own process) ----------------------------------


def report_to_dict(report: Report) -> dict[str, Any]:
    def conv(value: Any) -> Any:
        if isinstance(value, Report | Comparison | ServiceFigures | RoomFigures | KindFigures | Durations
                      | AppointmentFigures | Period):
            return {name: conv(getattr(value, name)) for name in value.__slots__}  # type: ignore[union-attr]
        if isinstance(value, tuple | list):
            return [conv(v) for v in value]
        if isinstance(value, dict):
            return {k: conv(v) for k, v in value.items()}
        if isinstance(value, datetime | date):
            return value.isoformat()
        return value

    return conv(report)


def report_from_dict(data: dict[str, Any]) -> Report:
    def service(d: dict[str, Any]) -> ServiceFigures:
        return ServiceFigures(**{**d, "wait": Durations(**d["wait"]), "session": Durations(**d["session"]),
                                 "appointments": AppointmentFigures(**d["appointments"])})

    def period(d: dict[str, Any]) -> Period:
        return Period(date.fromisoformat(d["start"]), date.fromisoformat(d["end"]), d["kind"])

    rooms = data["rooms"]
    previous = data.get("previous")
    return Report(
        period=period(data["period"]),
        centre_name=data["centre_name"],
        created_at=datetime.fromisoformat(data["created_at"]),
        threshold=int(data["threshold"]),
        services=tuple(service(s) for s in data["services"]),
        total=service(data["total"]),
        rooms=RoomFigures(
            by_kind=tuple(KindFigures(**k) for k in rooms["by_kind"]),
            hours_by_room=rooms["hours_by_room"],
            group_room_hours=rooms["group_room_hours"],
            group_room_opening_hours=rooms["group_room_opening_hours"],
        ),
        previous=Comparison(period(previous["period"]), service(previous["total"])) if previous else None,
    )


# --- tables (what every export and the screen show) ---------------------------------------------

Cell = str | int | float | None


@dataclass(frozen=True, slots=True)
class Table:
    key: str  # stable id (sheet / file name)
    title: str
    headers: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    count_columns: frozenset[int] = frozenset()  # columns holding counts of people or visits
    count_rows: frozenset[int] = frozenset()  # rows holding counts (tables with one figure per row)
    change_column: int | None = None  # a change (%) from the two columns before it (total, previous total)
    #: (rate row, count row): a rate computed from that count in the same column (the no-show
    #: rate from the no-shows): hidden where the count is, or rate x base would give it away
    rate_rows: tuple[tuple[int, int], ...] = ()

    def is_count(self, row: int, column: int) -> bool:
        return column > 0 and (column in self.count_columns or row in self.count_rows)


def suppress(value: Cell, threshold: int) -> Cell:
    """A count 1..threshold-1 becomes "< threshold" (0 stays: it singles no one out)."""
    if isinstance(value, int) and not isinstance(value, bool) and 0 < value < threshold:
        return SUPPRESSED.format(n=threshold)
    return value


def suppressed_tables(tables: Iterable[Table], threshold: int) -> list[Table]:
    """Apply the "< threshold" rule to every count of every table (exports only).

    A share (a "%" column right after a count) or a rate computed from it (`Table.rate_rows`, in
    the same column) is hidden as well (`HIDDEN`), since it would give the small number away; so
    is a change whose total or previous total is hidden (the change is computed from those two
    alone: a small count of one service does not hide the change of the centre's total)."""
    result = []
    marker = SUPPRESSED.format(n=threshold)
    for table in tables:
        rows: list[list[Cell]] = []
        for r, row in enumerate(table.rows):
            cells = list(row)
            for c, original in enumerate(row):
                if not table.is_count(r, c) or isinstance(cells[c], str):
                    continue
                cells[c] = suppress(original, threshold)
                if cells[c] != original and c + 1 < len(cells) and table.headers[c + 1].endswith("%") \
                        and c + 1 != table.change_column:
                    cells[c + 1] = HIDDEN
            rows.append(cells)
        change = table.change_column
        for rate_row, count_row in table.rate_rows:
            for c, (shown, original) in enumerate(zip(rows[count_row], table.rows[count_row], strict=True)):
                if c != change and shown != original and rows[rate_row][c] is not None:
                    rows[rate_row][c] = HIDDEN
        if change is not None:
            for cells in rows:
                if cells[change] is not None and any(cells[c] in (marker, HIDDEN) for c in (change - 2, change - 1)):
                    cells[change] = HIDDEN
        result.append(replace(table, rows=tuple(tuple(cells) for cells in rows)))
    return result


def monthly_series(report: Report) -> tuple[list[str], list[tuple[str, list[int]]]]:
    """Month labels and (service code, visits per month) for the bar chart."""
    months = [f"{y:04d}-{m:02d}" for y, m in report.period.months()]
    return months, [(s.code, [s.visits_by_month.get(m, 0) for m in months]) for s in report.services]


def place_series(report: Report) -> list[tuple[str, int]]:
    return [(p, report.total.visits_by_place.get(p, 0)) for p in PLACES]
