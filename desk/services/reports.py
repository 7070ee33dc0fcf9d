"""Reports for the funder and the head of department (definitions: docs/REPORTS.md)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from datetime import date, datetime
from typing import Any

# imported here, not lazily inside a worker thread (the lazy country import is not thread-safe)
from dateutil.relativedelta import relativedelta
from holidays.countries.germany import Germany

from desk.domain.errors import ValidationError
from desk.domain.model import RoomKind
from desk.domain.permissions import Permission
from desk.domain.reports import (
    BOOKING_KINDS,
    FIRST_REPORT_DAY,
    MAX_REPORT_YEARS,
    AppointmentFigures,
    Comparison,
    Durations,
    KindFigures,
    Period,
    Report,
    RoomFigures,
    ServiceFigures,
    working_days,
)
from desk.domain.tickets import BERLIN
from desk.domain.topics import Topic
from desk.services.audit import record
from desk.services.clock import Clock, system_clock
from desk.services.context import Actor
from desk.services.gate import requires
from desk.storage.repositories.reports import PeriodVisits
from desk.storage.uow import UnitOfWorkFactory

Progress = Callable[[int], None]


def _minutes_of(text: str) -> int:
    hours, minutes = text.split(":")
    return int(hours) * 60 + int(minutes)


def check_period(period: Period, today: date) -> None:
    """ValidationError unless a report can be made of `period`: from FIRST_REPORT_DAY (the year
    picker's first) to the end of next year, shorter than MAX_REPORT_YEARS. A typed year of 9999
    ended in an overflow (an unexpected-error box), 2926 for 2026 in 900 years of months."""
    last = date(today.year + 1, 12, 31)
    if period.start < FIRST_REPORT_DAY or period.end > last:
        raise ValidationError("A report covers days from {first} to {last}.",
                              first=FIRST_REPORT_DAY, last=last)
    if period.end >= period.start + relativedelta(years=MAX_REPORT_YEARS):
        raise ValidationError("A report covers at most {years} years.", years=MAX_REPORT_YEARS)


class ReportService:
    def __init__(self, uow: UnitOfWorkFactory, *, clock: Clock = system_clock) -> None:
        self._uow = uow
        self._clock = clock

    @requires(Permission.REPORTS)
    def report(self, actor: Actor, period: Period, *, compare: bool = True, now: datetime | None = None,
               progress: Progress | None = None) -> Report:
        """The figures of `period` and, for comparison, the overview figures of the period
        before (`Report.previous`: only what the report shows of it, see Comparison)."""
        now = now or self._clock()
        check_period(period, now.astimezone(BERLIN).date())
        return self._compute(period, period.previous() if compare else None, now, progress)

    @requires(Permission.REPORTS)
    def record_export(self, actor: Actor, period: Period, export_format: str) -> None:
        """Audit that figures left the application (who, which period, which format)."""
        with self._uow(write=True) as uow:
            record(uow, actor, "report.export", entity_type="report",
                   details={"from": period.start.isoformat(), "to": period.end.isoformat(),
                            "format": export_format})
            uow.touch(Topic.AUDIT)
            uow.commit()

    # -- computation -------------------------------------------------------------------------------

    def _compute(self, period: Period, previous: Period | None, now: datetime, progress: Progress | None) -> Report:
        def step(percent: int) -> None:
            if progress is not None:
                progress(percent)

        bounds = period.utc_bounds()
        both = [previous.utc_bounds(), bounds] if previous is not None else [bounds]
        months = [f"{y:04d}-{m:02d}" for y, m in period.months()]
        # The compared period's totals, the appointments and the room occurrences are reads of
        # rows of their own: on a second connection they run while this one reads the period's
        # visits, the report's largest statement, so the comparison costs the longer of the two
        # and not their sum (issue 21). Neither needs the other's snapshot (on PostgreSQL each
        # statement had its own already); progress is reported from this thread only.
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="desk-report") as beside:
            with self._uow() as uow:
                rest = beside.submit(self._beside_visits, previous, both, now) if uow.concurrent_reads else None
                settings = uow.settings.business()
                services = uow.reference.services()
                group_rooms = sum(1 for r in uow.reference.rooms() if r.kind is RoomKind.GROUP and r.active) or 1
                step(5)
                visit_figures = uow.reports.visit_figures(
                    [bounds], period.month_bounds(), [s.id for s in services],
                    chains_from=both[0][0], count_marks=period.whole_year)
            step(70)
            previous_visits, appointment_counts, room_counts = (
                rest.result() if rest is not None else self._beside_visits(previous, both, now))
        step(95)
        report = self._assemble(period, now, settings, services, group_rooms, months, visit_figures.periods[0],
                                appointment_counts[-1], room_counts[0])
        if previous is not None:
            total = self._service_figures(None, "", "Gesamt", "Total", previous_visits, _appointments(
                appointment_counts[0]), [])
            report = replace(report, previous=Comparison(previous, total))
        step(100)
        return report

    def _beside_visits(self, previous: Period | None, both: list[tuple[datetime, datetime]], now: datetime,
                       ) -> tuple[PeriodVisits | None, list, list]:
        """What a report reads besides its period's visits: the compared period's overview figures
        (visit_totals), the appointments of both periods and the room occurrences of the period."""
        with self._uow() as uow:
            repo = uow.reports
            previous_visits = (repo.visit_totals(*both[0], count_marks=previous.whole_year)
                               if previous is not None else None)
            return previous_visits, repo.appointment_counts(both, now), repo.room_counts([both[-1]])

    @staticmethod
    def _service_figures(service_id: int | None, code: str, name_de: str, name_en: str, figures: PeriodVisits,
                         appt: dict[int | None, dict[str, int]], months: list[str]) -> ServiceFigures:
        v = figures.visits.get(service_id)
        c = figures.clients.get(service_id)
        a = appt.get(service_id, {})
        w = figures.waits.get(service_id)
        d = figures.sessions.get(service_id)
        return ServiceFigures(
            service_id=service_id, code=code, name_de=name_de, name_en=name_en,
            visits=v.visits if v else 0,
            distinct_clients=c.distinct if c else 0,
            new_clients=v.new_clients if v else 0,
            anonymous_visits=v.anonymous if v else 0,
            anonymised_visits=v.anonymised if v else 0,
            anonymised_unmarked=v.anonymised_unmarked if v else 0,
            walk_ins=(v.visits - v.appointment_visits) if v else 0,
            appointment_visits=v.appointment_visits if v else 0,
            interpreter_visits=v.interpreter_visits if v else 0,
            visits_by_place=dict(v.by_place) if v else {},
            clients_by_place=dict(c.by_place) if c else {},
            visits_by_status_group=dict(v.by_status_group) if v else {},
            clients_by_status_group=dict(c.by_status_group) if c else {},
            clients_by_language=dict(c.by_language) if c else {},
            interpreter_by_language=dict(v.interpreter_by_language) if v else {},
            visits_by_month={months[i]: n for i, n in sorted(v.by_month.items())} if v else {},
            wait=Durations.of_ranks(w.n, w.value_at) if w else Durations(),
            session=Durations.of_ranks(d.n, d.value_at) if d else Durations(),
            appointments=AppointmentFigures(**{k: a.get(k, 0) for k in (
                "booked_past", "booked_future", "arrived", "done", "no_show", "cancelled")}),
        )

    @classmethod
    def _assemble(cls, period: Period, now: datetime, settings: dict[str, Any], services: list, group_rooms: int,
                  months: list[str], figures: PeriodVisits, appointments: list[tuple[int, str, bool, int]],
                  rooms: list[tuple[str, str, str, bool, int, int, int, int]]) -> Report:
        visits = figures.visits
        appt = _appointments(appointments)

        def figures_of(service_id: int | None, code: str, name_de: str, name_en: str) -> ServiceFigures:
            return cls._service_figures(service_id, code, name_de, name_en, figures, appt, months)

        used = {k for k in visits if k is not None} | {s for s, *_ in appointments}
        per_service = tuple(
            figures_of(s.id, s.code, s.name_de, s.name_en) for s in services if s.active or s.id in used
        )
        total = figures_of(None, "", "Gesamt", "Total")

        # rooms
        kinds: dict[str, dict[str, float]] = {k: defaultdict(float) for k in BOOKING_KINDS}
        hours_by_room: dict[str, float] = {}
        group_seconds = 0
        for room, room_kind, kind, leading, count, seconds, participants, with_participants in rooms:
            k = kinds.setdefault(kind, defaultdict(float))
            k["occurrences"] += count
            k["seconds"] += seconds
            if leading:
                k["events"] += count
                k["participants"] += participants
                k["with"] += with_participants
            hours_by_room[room] = hours_by_room.get(room, 0.0) + seconds
            if room_kind == RoomKind.GROUP.value:
                group_seconds += seconds
                k["group_seconds"] += seconds
        room_hours = settings.report_room_hours
        weekdays = room_hours.weekdays
        daily = (_minutes_of(room_hours.end) - _minutes_of(room_hours.start)) / 60
        years = range(period.start.year, period.end.year + 1)
        closed = Germany(subdiv="BW", years=years)
        opening = working_days(period, weekdays, closed.keys()) * daily
        room_figures = RoomFigures(
            by_kind=tuple(
                KindFigures(kind=k, occurrences=int(v["occurrences"]), hours=round(v["seconds"] / 3600, 1),
                            group_room_hours=round(v["group_seconds"] / 3600, 1), events=int(v["events"]), participants=int(v["participants"]),
                            events_with_participants=int(v["with"]))
                for k, v in kinds.items()
            ),
            hours_by_room={room: round(seconds / 3600, 1) for room, seconds in sorted(hours_by_room.items())},
            group_room_hours=round(group_seconds / 3600, 1),
            group_room_opening_hours=round(opening * group_rooms, 1),
        )
        return Report(
            period=period,
            centre_name=settings.centre_name,
            created_at=now,
            threshold=settings.report_min_count,
            services=per_service,
            total=total,
            rooms=room_figures,
        )


def _appointments(counts: list[tuple[int, str, bool, int]]) -> dict[int | None, dict[str, int]]:
    """Appointment counts per service and in total (None) by AppointmentFigures' field names."""
    appt: dict[int | None, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for service_id, status, past, count in counts:
        key = {"booked": "booked_past" if past else "booked_future", "no_show": "no_show"}.get(status, status)
        for target in (service_id, None):
            appt[target][key] += count
    return appt


def parse_period(start: str | date, end: str | date) -> Period:
    """A custom period from ISO dates; a whole month/quarter/year is recognised as such."""
    try:
        a = start if isinstance(start, date) else date.fromisoformat(start)
        b = end if isinstance(end, date) else date.fromisoformat(end)
    except ValueError as error:
        raise ValidationError("Please give dates as YYYY-MM-DD.") from error
    if b < a:
        raise ValidationError("The period ends before it starts.")
    for candidate in (Period.year(a.year), Period.quarter(a.year, (a.month - 1) // 3 + 1),
                      Period.month(a.year, a.month)):
        if (candidate.start, candidate.end) == (a, b):
            return candidate
    return Period(a, b)


def report_summary(report: Report) -> dict[str, Any]:
    """A few headline figures (for the command line)."""
    t = report.total
    return {"visits": t.visits, "distinct_clients": t.distinct_clients, "new_clients": t.new_clients,
            "balingen_visits": t.visits_by_place.get("balingen", 0)}


