"""Reports for the funder and the head of department: periods, figures, suppression, tables.

Definitions of every figure: docs/REPORTS.md. The figures are computed by
desk.storage.repositories.reports (aggregate SQL) and assembled by desk.services.reports; this
module holds the plain records, the arithmetic that needs no database (percentiles, shares,
previous period, opening hours) and the tables every export draws (XLSX, CSV, PDF, screen).

Only aggregates live here: no record carries a name or a client id.
"""

from __future__ import annotations

import calendar
import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from typing import Any

from desk.domain.languages import language_name
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
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def previous(self) -> Period:
        """The period just before: the previous month/quarter/year, or as many days before."""
        if self.kind == "month":
            before = self.start - timedelta(days=1)
            return Period.month(before.year, before.month)
        if self.kind == "quarter":
            before = self.start - timedelta(days=1)
            return Period.quarter(before.year, (before.month - 1) // 3 + 1)
        if self.kind == "year":
            return Period.year(self.start.year - 1)
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
        minutes = [s / 60 for s in sorted_seconds]
        med = percentile(minutes, 0.5)
        p90 = percentile(minutes, 0.9)
        return cls(len(minutes), None if med is None else round(med, 1), None if p90 is None else round(p90, 1))


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
    hours: float = 0.0
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
class Report:
    period: Period
    centre_name: str
    created_at: datetime
    threshold: int
    services: tuple[ServiceFigures, ...]
    total: ServiceFigures
    rooms: RoomFigures
    previous: Report | None = None

    def without_previous(self) -> Report:
        return replace(self, previous=None)


# --- serialisation (the PDF renderer runs in its own process) ----------------------------------


def report_to_dict(report: Report) -> dict[str, Any]:
    def conv(value: Any) -> Any:
        if isinstance(value, Report | ServiceFigures | RoomFigures | KindFigures | Durations
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

    rooms = data["rooms"]
    return Report(
        period=Period(date.fromisoformat(data["period"]["start"]), date.fromisoformat(data["period"]["end"]),
                      data["period"]["kind"]),
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
        previous=report_from_dict(data["previous"]) if data.get("previous") else None,
    )


# --- labels of the exports ---------------------------------------------------------------------
# Exports are also written by desk-admin (no Qt), so their German labels live here, not in .ts.

LABELS_DE: dict[str, str] = {
    "Report": "Bericht",
    "Statistics report": "Statistischer Bericht",
    "Period": "Zeitraum",
    "Previous period": "Vorzeitraum",
    "Created": "Erstellt",
    "Counts below {n} are shown as \u201c< {n}\u201d.": "Zahlen unter {n} werden als \u201e< {n}\u201c angezeigt.",
    "Overview": "Überblick",
    "Figure": "Kennzahl",
    "Total": "Gesamt",
    "Service": "Fachdienst",
    "Change": "Veränderung",
    "Visits": "Besuche",
    "Distinct clients": "Verschiedene Klient*innen",
    "New clients": "Neue Klient*innen",
    "Anonymous tickets": "Anonyme Wartenummern",
    "Anonymised visits": "Anonymisierte Besuche",
    "Walk-ins": "Ohne Termin",
    "With appointment": "Mit Termin",
    "With interpreter": "Mit Dolmetscher*in",
    "Waiting time, median (min)": "Wartezeit, Median (Min.)",
    "Waiting time, 90th percentile (min)": "Wartezeit, 90. Perzentil (Min.)",
    "Waiting times measured": "Gemessene Wartezeiten",
    "Session length, median (min)": "Gesprächsdauer, Median (Min.)",
    "Session length, 90th percentile (min)": "Gesprächsdauer, 90. Perzentil (Min.)",
    "Sessions measured": "Gemessene Gespräche",
    "Appointments due": "Fällige Termine",
    "No-shows": "Nicht erschienen",
    "No-show rate (%)": "Nicht-erschienen-Quote (%)",
    "Cancelled appointments": "Abgesagte Termine",
    "Place of residence": "Wohnort",
    "Share of visits (%)": "Anteil Besuche (%)",
    "Clients": "Klient*innen",
    "Share of clients (%)": "Anteil Klient*innen (%)",
    "Visits by place of residence": "Besuche nach Wohnort",
    "Clients by place of residence": "Klient*innen nach Wohnort",
    "Status groups": "Statusgruppen",
    "Status group": "Statusgruppe",
    "Languages": "Sprachen",
    "Language": "Sprache",
    "Interpreter needed": "Dolmetschbedarf",
    "Visits by month": "Besuche nach Monat",
    "Month": "Monat",
    "Appointments": "Termine",
    "Booked, past (not marked)": "Gebucht, vergangen (nicht erfasst)",
    "Booked, future": "Gebucht, zukünftig",
    "Arrived": "Erschienen",
    "Done": "Erledigt",
    "Cancelled": "Abgesagt",
    "Rooms": "Räume",
    "Kind of booking": "Art der Belegung",
    "Bookings": "Belegungen",
    "Hours": "Stunden",
    "Events": "Veranstaltungen",
    "Participants": "Teilnehmende",
    "Events with participants recorded": "Veranstaltungen mit erfasster Teilnehmerzahl",
    "Room": "Raum",
    "Group room": "Gruppenraum",
    "Booked hours": "Belegte Stunden",
    "Opening hours": "Öffnungsstunden",
    "Occupancy (%)": "Auslastung (%)",
    "Share by place of residence": "Anteil nach Wohnort",
    "Balingen share of visits by service (%)": "Anteil Balingen an den Besuchen je Fachdienst (%)",
    "none": "keine",
    # places
    "balingen": "Balingen",
    "kleiner_heuberg": "Kleiner Heuberg",
    "other": "anderswo",
    "unknown": "unbekannt",
    # status groups
    "asylum_seeker": "Asylsuchende",
    "recognised": "Anerkannte Geflüchtete",
    "tolerated": "Geduldete",
    "eu_citizen": "EU-Bürger*innen",
    "late_resettler": "Spätaussiedler*innen",
    "status:other": "sonstige Zugewanderte",
    # booking kinds
    "seminar": "Seminar",
    "info_evening": "Infoabend",
    "language_cafe": "Sprachcafé",
    "volunteer_meeting": "Ehrenamtlichentreffen",
    "team_meeting": "Teambesprechung",
    "counselling": "Beratung",
    "kind:other": "Sonstiges",
}

LABELS_EN_OVERRIDES: dict[str, str] = {
    "balingen": "Balingen",
    "kleiner_heuberg": "Kleiner Heuberg",
    "other": "elsewhere",
    "unknown": "unknown",
    "asylum_seeker": "asylum seekers",
    "recognised": "recognised refugees",
    "tolerated": "tolerated persons",
    "eu_citizen": "EU citizens",
    "late_resettler": "late resettlers",
    "status:other": "other immigrants",
    "seminar": "seminar",
    "info_evening": "information evening",
    "language_cafe": "language café",
    "volunteer_meeting": "volunteer meeting",
    "team_meeting": "team meeting",
    "counselling": "counselling",
    "kind:other": "other",
}


def labeller(language: str) -> Callable[[str], str]:
    def label(text: str) -> str:
        if language == "de":
            return LABELS_DE.get(text, text.split(":", 1)[-1])
        return LABELS_EN_OVERRIDES.get(text, text.split(":", 1)[-1])

    return label


def fmt_day(value: date, language: str) -> str:
    return value.strftime("%d.%m.%Y") if language == "de" else value.strftime("%d/%m/%Y")


def period_text(period: Period, language: str) -> str:
    return f"{fmt_day(period.start, language)} \u2013 {fmt_day(period.end, language)}"


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
    change_column: int | None = None  # a change (%) computed from the counts of its row

    def is_count(self, row: int, column: int) -> bool:
        return column > 0 and (column in self.count_columns or row in self.count_rows)


def suppress(value: Cell, threshold: int) -> Cell:
    """A count 1..threshold-1 becomes "< threshold" (0 stays: it singles no one out)."""
    if isinstance(value, int) and not isinstance(value, bool) and 0 < value < threshold:
        return SUPPRESSED.format(n=threshold)
    return value


def suppressed_tables(tables: Iterable[Table], threshold: int) -> list[Table]:
    """Apply the "< threshold" rule to every count of every table (exports only).

    A share (a "%" column right after a count) or a change next to a suppressed count is
    hidden as well, since it would give the small number away."""
    result = []
    marker = SUPPRESSED.format(n=threshold)
    for table in tables:
        rows = []
        for r, row in enumerate(table.rows):
            cells = list(row)
            hidden = False
            for c, original in enumerate(row):
                if not table.is_count(r, c) or isinstance(cells[c], str):
                    continue
                cells[c] = suppress(original, threshold)
                if cells[c] != original:
                    hidden = True
                    if c + 1 < len(cells) and table.headers[c + 1].endswith("%") and c + 1 != table.change_column:
                        cells[c + 1] = marker
            if hidden and table.change_column is not None and cells[table.change_column] is not None:
                cells[table.change_column] = marker
            rows.append(tuple(cells))
        result.append(replace(table, rows=tuple(rows)))
    return result


def _minutes(value: float | None) -> Cell:
    return None if value is None else value


def _change(now: float | None, before: float | None) -> Cell:
    if now is None or before is None or before == 0:
        return None
    return round(100.0 * (now - before) / before, 1)


def overview_rows(figures: ServiceFigures) -> list[tuple[str, Cell, bool]]:
    """(label, value, is_count) of one service, in report order."""
    a = figures.appointments
    return [
        ("Visits", figures.visits, True),
        ("Distinct clients", figures.distinct_clients, True),
        ("New clients", figures.new_clients, True),
        ("Walk-ins", figures.walk_ins, True),
        ("With appointment", figures.appointment_visits, True),
        ("Anonymous tickets", figures.anonymous_visits, True),
        ("Anonymised visits", figures.anonymised_visits, True),
        ("With interpreter", figures.interpreter_visits, True),
        ("Waiting times measured", figures.wait.n, True),
        ("Waiting time, median (min)", _minutes(figures.wait.median), False),
        ("Waiting time, 90th percentile (min)", _minutes(figures.wait.p90), False),
        ("Sessions measured", figures.session.n, True),
        ("Session length, median (min)", _minutes(figures.session.median), False),
        ("Session length, 90th percentile (min)", _minutes(figures.session.p90), False),
        ("Appointments due", a.due, True),
        ("No-shows", a.no_show, True),
        ("No-show rate (%)", a.no_show_rate, False),
        ("Cancelled appointments", a.cancelled, True),
    ]


def build_tables(report: Report, language: str, *, short_names: bool = False) -> list[Table]:
    """Every table of the report, labelled in `language`, with exact numbers (no suppression).

    `short_names`: services as their codes (MBE, IM, ...) where the page is narrow (PDF)."""
    label = labeller(language)
    columns = [*report.services, report.total]
    names = tuple(s.code if short_names else s.name(language) for s in report.services) + (label("Total"),)
    tables: list[Table] = []

    # overview: one row per figure, one column per service and the total, then the previous total
    over = [overview_rows(s) for s in columns]
    prev_total = overview_rows(report.previous.total) if report.previous else None
    rows = []
    count_rows = []
    for index, (text, _, is_count) in enumerate(over[0]):
        values = [o[index][1] for o in over]
        row: list[Cell] = [label(text), *values]
        if prev_total is not None:
            before = prev_total[index][1]
            row += [before, _change(values[-1], before)]  # type: ignore[arg-type]
        rows.append(tuple(row))
        count_rows.append(is_count)
    headers = (label("Figure"), *names)
    if prev_total is not None:
        headers += (f"{label('Total')}, {label('Previous period')}", f"{label('Change')} %")
    tables.append(Table("overview", label("Overview"), headers, tuple(rows),
                        count_rows=frozenset(i for i, c in enumerate(count_rows) if c),
                        change_column=len(headers) - 1 if prev_total is not None else None))

    # place of residence: visits and clients, per service
    def place_table(key: str, title: str, attr: str, unit: str) -> Table:
        hdr: list[str] = [label("Place of residence")]
        counts = set()
        for name in names:
            counts.add(len(hdr))
            hdr += [f"{name}: {label(unit)}", f"{name}: %"]
        body = []
        for place in PLACES:
            row: list[Cell] = [label(place)]
            for s in columns:
                values = getattr(s, attr)
                whole = sum(values.values())
                row += [values.get(place, 0), share(values.get(place, 0), whole)]
            body.append(tuple(row))
        return Table(key, title, tuple(hdr), tuple(body), frozenset(counts))

    tables.append(place_table("places_visits", label("Visits by place of residence"), "visits_by_place", "Visits"))
    tables.append(place_table("places_clients", label("Clients by place of residence"), "clients_by_place",
                              "Clients"))

    # status groups (visits and clients, total + per service clients)
    def dim_table(key: str, title: str, head: str, values: Sequence[str], attr: str, prefix: str = "") -> Table:
        hdr = (label(head), *names)
        def row_label(v: str) -> str:
            if not v:
                return label("unknown")
            if prefix:
                return label(prefix + v if v == "other" else v)
            return language_name(v, language)  # unknown codes stay as stored

        body = tuple((row_label(v), *[getattr(s, attr).get(v, 0) for s in columns]) for v in values)
        return Table(key, title, hdr, body, frozenset(range(1, len(hdr))))

    tables.append(dim_table("status_groups", f"{label('Status groups')} ({label('Clients')})", "Status group",
                            STATUS_GROUPS, "clients_by_status_group", "status:"))
    languages = sorted({k for s in columns for k in s.clients_by_language},
                       key=lambda k: (-report.total.clients_by_language.get(k, 0), k))
    tables.append(dim_table("languages", f"{label('Languages')} ({label('Clients')})", "Language", languages,
                            "clients_by_language"))
    interp = sorted({k for s in columns for k in s.interpreter_by_language},
                    key=lambda k: (-report.total.interpreter_by_language.get(k, 0), k))
    tables.append(dim_table("interpreters", f"{label('Interpreter needed')} ({label('Visits')})", "Language",
                            interp, "interpreter_by_language"))

    # months
    months = [f"{y:04d}-{m:02d}" for y, m in report.period.months()]
    tables.append(Table(
        "months", label("Visits by month"), (label("Month"), *names),
        tuple((month, *[s.visits_by_month.get(month, 0) for s in columns]) for month in months),
        frozenset(range(1, len(names) + 1)),
    ))

    # appointments
    appt_rows = []
    for text, getter in (
        ("Booked, past (not marked)", lambda a: a.booked_past),
        ("Arrived", lambda a: a.arrived),
        ("Done", lambda a: a.done),
        ("No-shows", lambda a: a.no_show),
        ("Appointments due", lambda a: a.due),
        ("Cancelled", lambda a: a.cancelled),
        ("Booked, future", lambda a: a.booked_future),
    ):
        appt_rows.append((label(text), *[getter(s.appointments) for s in columns]))
    appt_rows.append((label("No-show rate (%)"), *[s.appointments.no_show_rate for s in columns]))
    tables.append(Table("appointments", label("Appointments"), (label("Appointments"), *names), tuple(appt_rows),
                        count_rows=frozenset(range(7))))

    # rooms
    r = report.rooms
    tables.append(Table(
        "rooms", f"{label('Rooms')}: {label('Kind of booking')}",
        (label("Kind of booking"), label("Bookings"), label("Hours"), label("Events"), label("Participants"),
         label("Events with participants recorded")),
        tuple((label("kind:other" if k.kind == "other" else k.kind), k.occurrences, k.hours, k.events,
               k.participants, k.events_with_participants) for k in r.by_kind),
    ))  # rooms and events single no one out: not suppressed
    tables.append(Table(
        "room_hours", f"{label('Rooms')}: {label('Hours')}",
        (label("Room"), label("Booked hours")),
        tuple((room, hours) for room, hours in r.hours_by_room.items()) + (
            (f"{label('Group room')}: {label('Opening hours')}", r.group_room_opening_hours),
            (f"{label('Group room')}: {label('Occupancy (%)')}", r.group_room_occupancy),
        ),
    ))
    return tables


def format_cell(value: Cell, language: str) -> str:
    if value is None:
        return "\u2013"
    if isinstance(value, float):
        text = f"{value:.1f}"
        return text.replace(".", ",") if language == "de" else text
    return str(value)


def monthly_series(report: Report) -> tuple[list[str], list[tuple[str, list[int]]]]:
    """Month labels and (service code, visits per month) for the bar chart."""
    months = [f"{y:04d}-{m:02d}" for y, m in report.period.months()]
    return months, [(s.code, [s.visits_by_month.get(m, 0) for m in months]) for s in report.services]


def place_series(report: Report) -> list[tuple[str, int]]:
    return [(p, report.total.visits_by_place.get(p, 0)) for p in PLACES]
