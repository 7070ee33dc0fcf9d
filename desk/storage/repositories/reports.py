"""Aggregate queries for the reports (definitions: docs/REPORTS.md).

Every figure is aggregated in the database; Python only folds the groups. A period's visits are
read ONCE (one statement, `visit_figures`); the period a report is compared with by one
statement of its overview figures (`visit_totals`), the appointments and the room occurrences
by one statement each (the service runs those beside `visit_figures`, on a second connection).
The waiting and session times are whole seconds (truncated in SQL, identically on both
engines); SQL groups them into a histogram per service and returns only the runs of equal
values that hold the ranks the median and the 90th percentile interpolate between, so the
interpolation itself (desk.domain.reports.percentile) is the same Python arithmetic as ever.
Times are compared as UTC instants: each period is turned into [local midnight, local midnight)
bounds by the caller (desk.domain.reports.Period).

Nothing here reads the clients table: the figures come from the snapshot columns of visits and
appointments, so visits whose person was removed by retention still count; a calendar year's
distinct clients count the person of an anonymised visit by the marks set before the link was
cut (`_person_sql`, PrivacyRepository.mark_last_links).
"""

from __future__ import annotations

import math
import sqlite3
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import BigInteger, Integer, bindparam, case, cast, func, literal, select, text
from sqlalchemy.orm import Session

from desk.storage.models import (
    PERSON_MARK_CENTRE,
    PERSON_MARK_SERVICE,
    Appointment,
    BookingOccurrence,
    Room,
    RoomBooking,
    UTCDateTime,
)


@dataclass
class VisitCounts:
    """Counts of one service (or the total), before they become domain records."""

    visits: int = 0
    new_clients: int = 0
    anonymous: int = 0
    anonymised: int = 0
    anonymised_unmarked: int = 0
    appointment_visits: int = 0
    interpreter_visits: int = 0
    by_place: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    by_status_group: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    interpreter_by_language: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    by_month: dict[int, int] = field(default_factory=lambda: defaultdict(int))

    def add(self, flags: int, n: int, *, interpreter: bool) -> None:
        """n visits with the yes/no figures `flags` (bits in the order of VISIT_FLAGS)."""
        self.visits += n
        for bit, (name, _condition) in enumerate(VISIT_FLAGS):
            if flags >> bit & 1:
                setattr(self, name, getattr(self, name) + n)
        if interpreter:
            self.interpreter_visits += n


@dataclass
class ClientCounts:
    distinct: int = 0
    by_place: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    by_status_group: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    by_language: dict[str, int] = field(default_factory=lambda: defaultdict(int))


TOTAL = None  # the key of the whole centre in the dictionaries below

# The yes/no figures of a visit: (VisitCounts field, SQL condition on the visit `v`). Each is one
# bit of the grouped column `f`; the SQL, the packed grouping key's range and the fold below are
# all derived from this list, so a new one is one line here (and its field in VisitCounts).
VISIT_FLAGS: tuple[tuple[str, str], ...] = (
    ("new_clients", "v.first_visit"),
    ("anonymous", "v.client_id IS NULL AND NOT v.anonymised"),
    ("anonymised", "v.anonymised"),
    # anonymised before desk marked the person's last visit (migration 0012): the person is unknown
    ("anonymised_unmarked", "v.anonymised AND v.person_marks IS NULL"),
    ("appointment_visits", "v.appointment_id IS NOT NULL"),
)


def _person_sql(count_marks: bool) -> tuple[str, str]:
    """SQL of the person a visit `v` counts as among the distinct clients, and whether it counts
    at the centre (1) or only at its service (0). Its client; or, with `count_marks` (a report of
    a calendar year), a visit marked as its person's last linked visit of the year stands for a
    person of its own, -id (never a client's number): at its service (PERSON_MARK_SERVICE) and at
    the centre too (PERSON_MARK_CENTRE); otherwise NULL (no person: an anonymous ticket, an
    anonymised visit whose person another visit counts)."""
    if not count_marks:
        return "v.client_id", "1"
    service = ", ".join(str(m) for m in range(4) if m & PERSON_MARK_SERVICE)
    centre = ", ".join(str(m) for m in range(4) if m & PERSON_MARK_CENTRE)
    return (f"CASE WHEN v.client_id IS NOT NULL THEN v.client_id WHEN v.person_marks IN ({service}) THEN -v.id END",
            f"CASE WHEN v.client_id IS NOT NULL OR v.person_marks IN ({centre}) THEN 1 ELSE 0 END")


@dataclass
class Ranked:
    """The pieces of a sorted distribution the percentiles need: n values in all, and
    (first rank, rank after the last, value) of the runs of equal values holding the ranks."""

    n: int = 0
    runs: list[tuple[int, int, int]] = field(default_factory=list)

    def add(self, n: int, low: int, high: int, value: int) -> None:
        """One run of the returned ranks: n values in all, ranks [low, high) hold `value`."""
        self.n = int(n)
        self.runs.append((int(low), int(high), int(value)))

    def value_at(self, rank: int) -> int:
        for low, high, value in self.runs:
            if low <= rank < high:
                return value
        raise IndexError(rank)


@dataclass
class PeriodVisits:
    visits: dict[int | None, VisitCounts] = field(default_factory=lambda: defaultdict(VisitCounts))
    clients: dict[int | None, ClientCounts] = field(default_factory=lambda: defaultdict(ClientCounts))
    waits: dict[int | None, Ranked] = field(default_factory=lambda: defaultdict(Ranked))
    sessions: dict[int | None, Ranked] = field(default_factory=lambda: defaultdict(Ranked))


class VisitFigures:
    """Folds the grouped rows of ReportRepository.visit_figures, per period."""

    def __init__(self, periods: int) -> None:
        self.periods = [PeriodVisits() for _ in range(periods)]

    def add(self, row) -> None:  # noqa: ANN001 - a result row
        kind, p, service, root, repeat, flags, text1, text2, text3, x, n, low, high = row
        figures = self.periods[p]
        if kind == "c":
            targets = ([figures.visits[service]] if not repeat else []) + ([figures.visits[TOTAL]] if root else [])
            for t in targets:
                t.add(flags, n, interpreter=bool(text3))
                t.by_place[text1] += n
                t.by_status_group[text2] += n
                if text3:
                    t.interpreter_by_language[text3] += n
        elif kind == "m":
            if not repeat:
                figures.visits[service].by_month[x] += n
            if root:
                figures.visits[TOTAL].by_month[x] += n
        elif kind == "s":
            c = figures.clients[TOTAL if service == -1 else service]
            c.distinct += n
            c.by_place[text1] += n
            c.by_status_group[text2] += n
            c.by_language[text3 or ""] += n
        else:
            (figures.waits if kind == "w" else figures.sessions)[TOTAL if service == -1 else service].add(
                n, low, high, x)


def _tree(edges: list[str], column: str) -> str:
    """SQL for the number of `edges` (sorted bind parameters) at or before `column`: a binary
    search of CASEs (log2 comparisons per row instead of one per edge)."""

    def node(low: int, high: int) -> str:  # the answer lies in [low, high]
        if low == high:
            return str(low)
        middle = (low + high) // 2
        return f"CASE WHEN {column} < {edges[middle]} THEN {node(low, middle)} ELSE {node(middle + 1, high)} END"

    return node(0, len(edges))


def _epoch_sql(column: str) -> str:
    """Whole seconds since 1970 of a stored UTC time (SQLite)."""
    return f"unixepoch({column})" if sqlite3.sqlite_version_info >= (3, 38) else \
        f"CAST(strftime('%s', {column}) AS INTEGER)"


def _durations_sql(dialect: str) -> tuple[str, str]:
    """SQL of a visit's waiting and session seconds (`v` the visit, `a` its appointment): the
    difference of the two times, each truncated to whole seconds (never negative)."""
    if dialect == "postgresql":
        # the interval between the times truncated to the second: its epoch is the same whole
        # number as the difference of the two floored epochs (exact: days * 86400 + seconds), for
        # less CPU than five date_part('epoch', timestamp) per row (a third, measured on 30,000
        # visits); greatest() skips a NULL appointment start
        def seconds(later: str, earlier: str) -> str:
            return (f"greatest(0, CAST(date_part('epoch', date_trunc('second', {later}) - "
                    f"date_trunc('second', {earlier})) AS BIGINT))")
        wait = f"""CASE WHEN v.first_called_at IS NOT NULL AND v.handed_over_from_id IS NULL THEN
           {seconds("v.first_called_at", "greatest(v.arrived_at, a.starts_at)")} END"""
        session = f"""CASE WHEN v.started_at IS NOT NULL AND v.finished_at IS NOT NULL THEN
           {seconds("v.finished_at", "v.started_at")} END"""
        return wait, session
    greatest = "max"
    first_called, arrived = _epoch_sql("v.first_called_at"), _epoch_sql("v.arrived_at")
    appointment_start = _epoch_sql("a.starts_at")
    finished, started = _epoch_sql("v.finished_at"), _epoch_sql("v.started_at")
    wait = f"""CASE WHEN v.first_called_at IS NOT NULL AND v.handed_over_from_id IS NULL THEN
           {greatest}(0, {first_called} - CASE WHEN a.starts_at IS NULL THEN {arrived}
                      ELSE {greatest}({arrived}, {appointment_start}) END) END"""
    session = f"""CASE WHEN v.started_at IS NOT NULL AND v.finished_at IS NOT NULL THEN
           {greatest}(0, {finished} - {started}) END"""
    return wait, session


def _flags_sql() -> str:
    """The packed yes/no figures of a visit `v` (VISIT_FLAGS), one bit each."""
    return "\n           + ".join(f"CASE WHEN {condition} THEN {1 << bit} ELSE 0 END"
                                  for bit, (_name, condition) in enumerate(VISIT_FLAGS))


def _percentiles_sql(dialect: str, kind: str, *, per_service: bool = True) -> str:
    """Rows of the histogram `h_<kind>` (p, s, x, c: value x seen c times) per service and in
    total (s = -1), or in total only, holding the ranks the median and the 90th percentile
    interpolate between: (kind, p, s, ..., x, n, first rank, rank after the last)."""
    if dialect == "postgresql":
        def rank(fraction: str) -> str:
            return f"CAST(floor(CAST(n - 1 AS DOUBLE PRECISION) * {fraction}) AS BIGINT)"
    else:
        def rank(fraction: str) -> str:
            return f"CAST((n - 1) * {fraction} AS INTEGER)"
    ranks = " OR ".join(f"(lo <= {r} + {extra} AND {r} + {extra} < hi AND {r} + {extra} < n)"
                        for r in (rank("0.5"), rank("0.9")) for extra in (0, 1))
    services = f"SELECT p, s, x, c FROM h_{kind}\n          UNION ALL " if per_service else ""  # noqa: S608
    return f"""
SELECT '{kind}', p, s, NULL, NULL, NULL, NULL, NULL, NULL, x, CAST(n AS BIGINT), CAST(lo AS BIGINT),
       CAST(hi AS BIGINT) FROM (
  SELECT p, s, x, hi - c AS lo, hi, n FROM (
    SELECT p, s, x, c,
           sum(c) OVER (PARTITION BY p, s ORDER BY x ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS hi,
           sum(c) OVER (PARTITION BY p, s) AS n
    FROM ({services}SELECT p, -1 AS s, x, CAST(sum(c) AS BIGINT) AS c FROM h_{kind} GROUP BY p, x) AS both_
  ) AS cumulated
) AS ranked WHERE {ranks}"""  # noqa: S608 - constants and bind-parameter names only


class ReportRepository:
    def __init__(self, session: Session) -> None:
        self.session = session
        self.dialect = session.get_bind().dialect.name

    # -- helpers ---------------------------------------------------------------------------------

    def _epoch(self, column):
        """Whole seconds since 1970 of a stored UTC time, identically on both engines."""
        if self.dialect == "postgresql":
            return cast(func.floor(func.extract("epoch", column)), BigInteger)
        return cast(func.strftime("%s", column), Integer)

    def _read_settings(self) -> None:
        """PostgreSQL planner settings for the rest of this read transaction (`set_config(...,
        true)` is SET LOCAL; one round trip for all):

        - no JIT: the recursive CTE's row estimate is huge, so PostgreSQL compiled the statement
          with LLVM for 3 s to run it in 0.4 s;
        - work_mem 64MB: the sorts and the materialised visits in memory, not in temporary files;
        - no plain index scans: the period's visits are read by a bitmap scan of the arrived_at
          index, each heap page once, instead of an index scan visiting a page per row (a year:
          769 pages against 21,851 buffer visits; server CPU of visit_figures 112 -> 103 ms,
          visit_totals 52 -> 50 ms, "The yearly report, third step" in docs/PERFORMANCE.md);
        - no parallel workers: with index scans off the planner gathers the hand-over chains'
          small scan in parallel, which on a small server only adds the workers' start."""
        self.session.execute(text(
            "SELECT set_config('jit', 'off', true), set_config('work_mem', '64MB', true), "
            "set_config('enable_indexscan', 'off', true), "
            "set_config('max_parallel_workers_per_gather', '0', true)"))

    # -- the visits of every period, in one statement -----------------------------------------

    def visit_figures(self, bounds: list[tuple[datetime, datetime]], month_edges: list[datetime],
                      service_ids: list[int], *, chains_from: datetime | None = None,
                      count_marks: bool = False) -> VisitFigures:
        """Every visit-based figure of consecutive periods in ONE statement: the visits of
        [bounds[0] begin, bounds[-1] end) are read once (index range on arrived_at) into a
        compact set; counts, months, distinct clients and the ranks the percentiles need are
        aggregated from it in SQL. Python folds the returned groups (a few thousand at most).

        `bounds`: [begin, end) of each period, in order and adjoining; `month_edges`: the local
        month starts inside the whole span (bucket i = months before edge i); `service_ids`: every
        service (the range of the packed sort keys below); `chains_from`: where the hand-over
        chains are followed back from (default: the first period's begin), so that a report
        compared with the period before counts a chain reaching into it as it always did;
        `count_marks`: every period is one calendar year, so its distinct clients count the
        anonymised visits marked as a person's last (`_person_sql`, docs/REPORTS.md).

        SQLite sorts for every GROUP BY and window; its sorter is fastest on ONE integer key, so
        there the small integer keys are packed into one number (`key`); PostgreSQL groups by
        hashing and gets the plain column list."""
        dialect = self.dialect
        services = max([0, *service_ids]) + 1
        periods = len(bounds)
        months = len(month_edges) + 1

        def key(*parts: tuple[str, int]) -> str:
            """A GROUP BY / PARTITION BY list of integer columns (name, number of values; the
            first one's an upper bound), most significant first; on SQLite one packed integer
            when the product of the sizes stays below 2**62."""
            if dialect == "postgresql" or math.prod(size for _, size in parts) >= 2**62:
                return ", ".join(name for name, _ in parts)
            packed = parts[0][0]
            for name, size in parts[1:]:
                packed = f"({packed}) * {size} + {name}"
            return packed
        params: dict[str, object] = {}
        types: dict[str, object] = {}

        def bind(name: str, value: datetime) -> str:
            params[name] = value
            types[name] = UTCDateTime()
            return f":{name}"

        b0 = bind("b0", bounds[0][0])
        e1 = bind("e1", bounds[-1][1])
        c0 = bind("c0", chains_from) if chains_from is not None and chains_from < bounds[0][0] else b0
        period = _tree([bind(f"p{i}", begin) for i, (begin, _end) in enumerate(bounds[1:])], "v.arrived_at")
        month = _tree([bind(f"m{i}", edge) for i, edge in enumerate(month_edges)], "v.arrived_at")

        def value_key(column: str) -> str:  # seconds: below 2**32 (136 years)
            return key(("s", services), ("p", periods), (column, 2**32))

        # the latest visit of each client (per service, then in all) with its snapshot columns:
        # SQLite returns the other columns of the row holding max(id) (documented for a single
        # max() aggregate) - one sort on one integer key; PostgreSQL keeps the first row of each
        # client by DISTINCT ON (one sort, no window function)
        per_service = key(("c", 2**31), ("s", services), ("p", periods))
        per_client = key(("c", 2**31), ("p", periods))
        if dialect == "sqlite":
            latest_per_service = f"""
  SELECT p, s, c, max(id) AS id, residence, status_group, cl, pc FROM v WHERE c IS NOT NULL
  GROUP BY {per_service}"""  # noqa: S608
            latest_per_client = f"""
  SELECT p, max(id) AS id, residence, status_group, cl FROM latest WHERE pc = 1 GROUP BY {per_client}"""  # noqa: S608
        else:
            latest_per_service = f"""
  SELECT DISTINCT ON ({per_service}) p, s, c, id, residence, status_group, cl, pc FROM v WHERE c IS NOT NULL
  ORDER BY {per_service}, id DESC"""  # noqa: S608
            latest_per_client = f"""
  SELECT DISTINCT ON ({per_client}) p, residence, status_group, cl FROM latest WHERE pc = 1
  ORDER BY {per_client}, id DESC"""  # noqa: S608

        # every piece formatted into the statement below is one of these fixed fragments (built
        # from constants, column names and bind-parameter names; never a value):
        wait, session = _durations_sql(dialect)
        person, centre = _person_sql(count_marks)
        waits_key, sessions_key = value_key("w"), value_key("d")
        flags = _flags_sql()
        cells_key = key(("s", services), ("root", 2), ("rep", 2), ("f", 2 ** len(VISIT_FLAGS)), ("p", periods))
        months_key = key(("s", services), ("root", 2), ("rep", 2), ("p", periods), ("m", months))
        waits, sessions = _percentiles_sql(dialect, "w"), _percentiles_sql(dialect, "d")
        # `rep`: the hand-overs whose chain had the same service before. Only visits of `h` can be
        # one (the report asks it of handed-over visits), and saying so lets PostgreSQL estimate
        # rep by h's size (a few thousand rows) instead of the recursive walk's millions, which
        # made it plan the visits' read around a huge rep (server CPU of the statement 145 -> 120 ms
        # with the chains followed into the compared year, 116 -> 108 ms without; the same rows)
        sql = f"""
WITH RECURSIVE
h AS MATERIALIZED (
  SELECT v.id, v.handed_over_from_id AS parent, v.service_id AS s, o.service_id AS ps
  FROM visits v JOIN visits o ON o.id = v.handed_over_from_id
  WHERE v.handed_over_from_id IS NOT NULL AND v.arrived_at >= {c0} AND v.arrived_at < {e1}
),
walk(id, root, depth) AS (
  SELECT id, parent, 1 FROM h
  UNION ALL
  SELECT walk.id, h.parent, walk.depth + 1 FROM walk JOIN h ON h.id = walk.root WHERE walk.depth < 1000
),
members(id, s, root) AS (
  SELECT h.id, h.s, walk.root FROM h JOIN walk ON walk.id = h.id WHERE walk.root NOT IN (SELECT id FROM h)
  UNION ALL
  SELECT DISTINCT parent, ps, parent FROM h WHERE parent NOT IN (SELECT id FROM h)
),
rep AS MATERIALIZED (
  SELECT id FROM h WHERE id IN (
    SELECT id FROM (SELECT id, row_number() OVER (PARTITION BY root, s ORDER BY id) AS k FROM members) AS m_ WHERE k > 1)
),
v AS MATERIALIZED (
  SELECT {period} AS p, v.service_id AS s, v.id, {person} AS c, {centre} AS pc,
         CASE WHEN v.handed_over_from_id IS NULL THEN 1 ELSE 0 END AS root,
         CASE WHEN v.handed_over_from_id IS NOT NULL AND v.id IN (SELECT id FROM rep) THEN 1 ELSE 0 END AS rep,
         {flags} AS f,
         v.residence, v.status_group, v.client_language AS cl, v.interpreter_language AS il,
         {month} AS m,
         {wait} AS w,
         {session} AS d
  FROM visits v LEFT JOIN appointments a ON a.id = v.appointment_id
  WHERE v.arrived_at >= {b0} AND v.arrived_at < {e1}
),
h_w AS MATERIALIZED (SELECT p, s, w AS x, count(*) AS c FROM v WHERE w IS NOT NULL GROUP BY {waits_key}),
h_d AS MATERIALIZED (SELECT p, s, d AS x, count(*) AS c FROM v WHERE d IS NOT NULL GROUP BY {sessions_key}),
latest AS MATERIALIZED ({latest_per_service})
SELECT 'c', p, s, root, rep, f, residence, status_group, il, CAST(NULL AS BIGINT), count(*),
       CAST(NULL AS BIGINT), CAST(NULL AS BIGINT)
  FROM v GROUP BY {cells_key}, residence, status_group, il
UNION ALL
SELECT 'm', p, s, root, rep, NULL, NULL, NULL, NULL, m, count(*), NULL, NULL
  FROM v GROUP BY {months_key}
UNION ALL
SELECT 's', p, s, NULL, NULL, NULL, residence, status_group, cl, NULL, count(*), NULL, NULL
  FROM latest GROUP BY p, s, residence, status_group, cl
UNION ALL
SELECT 's', p, -1, NULL, NULL, NULL, residence, status_group, cl, NULL, count(*), NULL, NULL FROM (
  {latest_per_client}
) AS t_ GROUP BY p, residence, status_group, cl
UNION ALL {waits}
UNION ALL {sessions}
"""  # noqa: S608 - constants and bind-parameter names only
        stmt = text(sql).bindparams(*[bindparam(name, type_=type_) for name, type_ in types.items()])
        if dialect == "postgresql":
            self._read_settings()
        result = VisitFigures(len(bounds))
        for row in self.session.execute(stmt, params):
            result.add(row)
        return result

    # -- the period a report is compared with: its overview figures only ----------------------

    def visit_totals(self, begin: datetime, end: datetime, *, count_marks: bool = False) -> PeriodVisits:
        """The centre's overview figures of the visits of [begin, end), no more: visits, the
        yes/no counts of VISIT_FLAGS, interpreter visits, distinct clients, and the ranks of the
        waiting and session times in total. They are all a report shows of the period it is
        compared with (the previous period's column of the overview table), so that period
        needs none of visit_figures' hand-over chains (the total counts a chain once, by its first
        visit), breakdowns, months or latest visit per client: one pass over its visits, one
        statement. The figures are the same as visit_figures' total of that period (with the same
        `count_marks`)."""
        dialect = self.dialect
        wait, session = _durations_sql(dialect)
        person, centre = _person_sql(count_marks)
        flags = _flags_sql()
        waits, sessions = (_percentiles_sql(dialect, kind, per_service=False) for kind in ("w", "d"))
        sql = f"""
WITH
t AS MATERIALIZED (
  SELECT CASE WHEN {centre} = 1 THEN {person} END AS c,
         CASE WHEN v.handed_over_from_id IS NULL THEN 1 ELSE 0 END AS root,
         {flags} AS f,
         CASE WHEN v.interpreter_language <> '' THEN 1 ELSE 0 END AS i,
         {wait} AS w,
         {session} AS d
  FROM visits v LEFT JOIN appointments a ON a.id = v.appointment_id
  WHERE v.arrived_at >= :b0 AND v.arrived_at < :e1
),
h_w AS MATERIALIZED (SELECT 0 AS p, w AS x, count(*) AS c FROM t WHERE w IS NOT NULL GROUP BY w),
h_d AS MATERIALIZED (SELECT 0 AS p, d AS x, count(*) AS c FROM t WHERE d IS NOT NULL GROUP BY d)
SELECT 'c', 0, -1, NULL, NULL, f, NULL, NULL, i, CAST(NULL AS BIGINT), count(*), CAST(NULL AS BIGINT),
       CAST(NULL AS BIGINT)
  FROM t WHERE root = 1 GROUP BY f, i
UNION ALL
SELECT 'n', 0, -1, NULL, NULL, NULL, NULL, NULL, NULL, NULL, count(DISTINCT c), NULL, NULL FROM t
UNION ALL {waits}
UNION ALL {sessions}
"""  # noqa: S608 - constants and bind-parameter names only
        stmt = text(sql).bindparams(bindparam("b0", type_=UTCDateTime()), bindparam("e1", type_=UTCDateTime()))
        if dialect == "postgresql":
            self._read_settings()
        result = PeriodVisits()
        for kind, _p, _s, _root, _rep, f, _t1, _t2, interpreter, x, n, low, high in self.session.execute(
                stmt, {"b0": begin, "e1": end}):
            if kind == "c":
                result.visits[TOTAL].add(f, n, interpreter=bool(interpreter))
            elif kind == "n":
                if n:
                    result.clients[TOTAL].distinct = n
            else:
                (result.waits if kind == "w" else result.sessions)[TOTAL].add(n, low, high, x)
        return result

    # -- appointments and rooms (one statement each for every period) -------------------------

    @staticmethod
    def _period_of(column, bounds: list[tuple[datetime, datetime]]):
        """0, 1, ... : which of the adjoining periods `column` falls in (rows inside them only)."""
        return case(*[(column < begin, i) for i, (begin, _end) in enumerate(bounds[1:])],
                    else_=len(bounds) - 1) if len(bounds) > 1 else literal(0)

    def appointment_counts(self, bounds: list[tuple[datetime, datetime]],
                           now: datetime) -> list[list[tuple[int, str, bool, int]]]:
        """Per period: (service_id, status, in the past, count) of appointments starting in it."""
        period = self._period_of(Appointment.starts_at, bounds).label("p")
        past = case((Appointment.starts_at < now, 1), else_=0).label("past")
        keys = (period, Appointment.service_id, Appointment.status, past)
        stmt = (select(*keys, func.count())
                .where(Appointment.starts_at >= bounds[0][0], Appointment.starts_at < bounds[-1][1])
                .group_by(*keys))
        result: list[list[tuple[int, str, bool, int]]] = [[] for _ in bounds]
        for r in self.session.execute(stmt):
            result[r[0]].append((r[1], r[2], bool(r[3]), int(r[4])))
        return result

    def room_counts(self, bounds: list[tuple[datetime, datetime]]
                    ) -> list[list[tuple[str, str, str, bool, int, int, int, int]]]:
        """Per period: (room name, room kind, booking kind, leading booking, occurrences, seconds,
        participants, occurrences with participants) of the occurrences starting in it, not cancelled."""
        period = self._period_of(BookingOccurrence.starts_at, bounds).label("p")
        leading = case((RoomBooking.linked_booking_id.is_(None), 1), else_=0).label("leading")
        seconds = func.sum(self._epoch(BookingOccurrence.ends_at) - self._epoch(BookingOccurrence.starts_at))
        keys = (period, Room.name, Room.kind, RoomBooking.kind, leading)
        stmt = (
            select(*keys, func.count(), seconds, func.coalesce(func.sum(BookingOccurrence.actual_participants), 0),
                   func.count(BookingOccurrence.actual_participants))
            .join(RoomBooking, RoomBooking.id == BookingOccurrence.booking_id)
            .join(Room, Room.id == BookingOccurrence.room_id)
            .where(BookingOccurrence.starts_at >= bounds[0][0], BookingOccurrence.starts_at < bounds[-1][1],
                   BookingOccurrence.cancelled.is_(False))
            .group_by(*keys)
        )
        result: list[list[tuple[str, str, str, bool, int, int, int, int]]] = [[] for _ in bounds]
        for r in self.session.execute(stmt):
            result[r[0]].append((r[1], r[2], r[3], bool(r[4]), int(r[5]), int(r[6] or 0), int(r[7] or 0), int(r[8])))
        return result
