"""Recurrence rules, DST, Baden-Württemberg holidays, and the pure calendar helpers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

import pytest

from desk.domain.calendar import check_span, next_free_slot, overlaps
from desk.domain.errors import ValidationError
from desk.domain.model import HolidayPolicy
from desk.domain.public_holidays import centre_works, holiday_name
from desk.domain.recurrence import (
    Frequency,
    RuleSpec,
    expand,
    is_open_ended,
    nth_of_month,
    parse_rrule,
    place,
    replan,
    to_rrule,
    with_end,
)
from desk.domain.tickets import BERLIN


def local(*args: int) -> datetime:
    return datetime(*args, tzinfo=BERLIN)


def local_times(specs):
    return [(s.starts_at.astimezone(BERLIN).replace(tzinfo=None), s.ends_at.astimezone(BERLIN).replace(tzinfo=None))
            for s in specs]


def test_weekly_until_keeps_wall_clock_time_across_dst() -> None:
    start = local(2027, 3, 16, 17)  # Tuesday before the clocks go forward (28.03.2027)
    rule = to_rrule(RuleSpec(Frequency.WEEKLY, until=date(2027, 4, 20)), start.replace(tzinfo=None))
    specs = expand(rule, start, start + timedelta(hours=2), policy=HolidayPolicy.FLAG)
    assert [s.key for s in specs] == [date(2027, 3, 16) + timedelta(weeks=i) for i in range(6)]
    for begin, end in local_times(specs):
        assert (begin.time(), end.time()) == (time(17), time(19))
    # the UTC offset changed in between: 16:00Z in winter, 15:00Z in summer
    assert specs[0].starts_at.astimezone(UTC).hour == 16
    assert specs[-1].starts_at.astimezone(UTC).hour == 15


def test_every_two_weeks_with_count() -> None:
    start = local(2027, 1, 12, 10)
    rule = to_rrule(RuleSpec(Frequency.BIWEEKLY, count=4), start.replace(tzinfo=None))
    specs = expand(rule, start, start + timedelta(hours=1))
    assert [s.key for s in specs] == [date(2027, 1, 12), date(2027, 1, 26), date(2027, 2, 9), date(2027, 2, 23)]


def test_monthly_on_the_nth_weekday_and_last() -> None:
    start = local(2027, 1, 19, 18)  # third Tuesday of January
    assert nth_of_month(start.date()) == 3
    rule = to_rrule(RuleSpec(Frequency.MONTHLY_NTH, count=3), start.replace(tzinfo=None))
    assert [s.key for s in expand(rule, start, start + timedelta(hours=1))] == [
        date(2027, 1, 19), date(2027, 2, 16), date(2027, 3, 16)]
    last = to_rrule(RuleSpec(Frequency.MONTHLY_NTH, count=3, nth=-1), start.replace(tzinfo=None))
    assert [s.key for s in expand(last, start, start + timedelta(hours=1))] == [
        date(2027, 1, 26), date(2027, 2, 23), date(2027, 3, 30)]


def test_rule_round_trip() -> None:
    start = datetime(2027, 5, 4, 9)
    for spec in (RuleSpec(Frequency.WEEKLY, until=date(2027, 9, 1)), RuleSpec(Frequency.BIWEEKLY, count=7),
                 RuleSpec(Frequency.MONTHLY_NTH, count=5, nth=1), RuleSpec(Frequency.WEEKLY)):
        assert parse_rrule(to_rrule(spec, start)) == spec
    assert to_rrule(RuleSpec(), start) is None
    assert is_open_ended(to_rrule(RuleSpec(Frequency.WEEKLY), start))
    assert "UNTIL=20270601" in with_end("FREQ=WEEKLY;BYDAY=TU;COUNT=9", date(2027, 6, 1))


@pytest.mark.parametrize("spec", [RuleSpec(Frequency.WEEKLY, until=date(2027, 1, 1), count=3),
                                  RuleSpec(Frequency.WEEKLY, count=0),
                                  RuleSpec(Frequency.WEEKLY, until=date(2026, 1, 1)),
                                  RuleSpec(Frequency.WEEKLY, until=date(2040, 1, 1))])
def test_bad_rules_are_refused(spec: RuleSpec) -> None:
    with pytest.raises(ValidationError):
        to_rrule(spec, datetime(2027, 5, 4, 9))


def test_holidays_of_baden_wuerttemberg_are_skipped_or_flagged() -> None:
    assert holiday_name(date(2027, 1, 6), "de") == "Heilige Drei Könige"
    assert holiday_name(date(2027, 3, 29), "de") == "Ostermontag"
    assert holiday_name(date(2027, 3, 30), "de") == ""
    start = local(2027, 3, 22, 17)  # Mondays: 22.03, 29.03 (Ostermontag), 05.04
    rule = to_rrule(RuleSpec(Frequency.WEEKLY, count=3), start.replace(tzinfo=None))
    skipped = expand(rule, start, start + timedelta(hours=2), policy=HolidayPolicy.SKIP)
    flagged = expand(rule, start, start + timedelta(hours=2), policy=HolidayPolicy.FLAG)
    assert [s.key for s in skipped] == [date(2027, 3, 22), date(2027, 4, 5)]
    # the date is marked with the German name, what the database keeps (readers name it by its day)
    assert [(s.key, s.holiday_name) for s in flagged][1] == (date(2027, 3, 29), "Ostermontag")


def test_the_centre_works_monday_to_friday_except_on_the_holidays_of_baden_wuerttemberg() -> None:
    """One rule, written once (the reminders' working day before, the demo's staff plan, the room
    calendar's closed days all ask it)."""
    from desk.domain.reminders import working_day_after, working_day_before

    assert centre_works(date(2027, 3, 30))  # a Tuesday
    assert not centre_works(date(2027, 3, 27)) and not centre_works(date(2027, 3, 28))  # Saturday, Sunday
    assert not centre_works(date(2027, 3, 29))  # Ostermontag
    assert not centre_works(date(2027, 5, 27))  # Fronleichnam: a holiday in Baden-Württemberg, not everywhere
    assert not centre_works(date(2027, 11, 1))  # Allerheiligen, a Monday
    # the holidays already at hand are asked instead (the room calendar's week): none named, none kept
    assert centre_works(date(2027, 3, 29), {}) and not centre_works(date(2027, 3, 30), {date(2027, 3, 30): "x"})
    assert working_day_before(date(2027, 3, 30)) == date(2027, 3, 25)  # Tuesday after Easter: Thursday before
    assert working_day_after(date(2027, 3, 25)) == date(2027, 3, 30)  # Thursday before: Tuesday (Good Friday)


def test_open_ended_series_needs_a_window() -> None:
    start = local(2027, 1, 5, 17)
    rule = to_rrule(RuleSpec(Frequency.WEEKLY), start.replace(tzinfo=None))
    with pytest.raises(ValueError):
        expand(rule, start, start + timedelta(hours=1))
    window = expand(rule, start, start + timedelta(hours=1), window_start=local(2027, 2, 1), window_end=local(2027, 3, 1))
    assert [s.key.day for s in window] == [2, 9, 16, 23]


def test_dst_gap_and_fold() -> None:
    gap = place(datetime(2027, 3, 28, 2, 30))  # does not exist: moves forward by the gap
    assert gap.astimezone(BERLIN).hour == 3
    fold = place(datetime(2027, 10, 31, 2, 30))  # twice: the first (summer time) wins
    assert fold.astimezone(BERLIN).utcoffset() == timedelta(hours=2)


def test_overlap_is_half_open() -> None:
    a, b, c = local(2027, 1, 1, 10), local(2027, 1, 1, 11), local(2027, 1, 1, 12)
    assert overlaps(a, c, b, c)
    assert not overlaps(a, b, b, c)  # back to back is fine
    assert overlaps(a, c, a, b)


def test_next_free_slot_skips_busy_time_and_closed_hours() -> None:
    busy = [(local(2027, 1, 5, 8), local(2027, 1, 5, 12)), (local(2027, 1, 5, 11), local(2027, 1, 5, 20, 10))]
    found = next_free_slot(busy, timedelta(hours=1), local(2027, 1, 5, 9), time(8), time(22), BERLIN)
    assert found.astimezone(BERLIN) == local(2027, 1, 5, 20, 15)  # rounded to the quarter hour
    found = next_free_slot(busy, timedelta(hours=2), local(2027, 1, 5, 9), time(8), time(21), BERLIN)
    assert found.astimezone(BERLIN) == local(2027, 1, 6, 8)  # next morning
    assert next_free_slot([(local(2027, 1, 1), local(2027, 12, 31))], timedelta(hours=1), local(2027, 1, 5, 9),
                          time(8), time(21), BERLIN, horizon_days=10) is None
    weekdays = next_free_slot([], timedelta(hours=1), local(2027, 1, 9, 9), time(8), time(21), BERLIN, weekdays={0})
    assert weekdays.astimezone(BERLIN) == local(2027, 1, 11, 8)  # Saturday -> Monday


@pytest.mark.parametrize(("start", "end", "fragment"), [
    (local(2027, 1, 5, 10), local(2027, 1, 5, 9), "before"),
    (local(2027, 1, 5, 10), local(2027, 1, 5, 10), "no length"),
    (local(2027, 1, 5, 10), local(2027, 1, 7, 10), "at most"),
    (local(1999, 1, 5, 10), local(1999, 1, 5, 11), "past"),
    (local(2099, 1, 5, 10), local(2099, 1, 5, 11), "future"),
])
def test_check_span_refuses_with_a_message(start: datetime, end: datetime, fragment: str) -> None:
    with pytest.raises(ValidationError, match=fragment):
        check_span(start, end, now=local(2027, 1, 1))


def test_check_span_accepts_midnight_and_dst_nights() -> None:
    check_span(local(2027, 1, 5, 22), local(2027, 1, 6, 1), now=local(2027, 1, 1))
    check_span(local(2027, 3, 27, 22), local(2027, 3, 28, 4), now=local(2027, 1, 1))


# -- edits of a series: the matching rules, without a database ------------------------------------


@dataclass
class Stored:
    id: int
    original_start: datetime
    starts_at: datetime
    ends_at: datetime
    cancelled: bool = False
    detached: bool = False


def weekly(start: datetime, count: int, hours: int = 2):
    rule = to_rrule(RuleSpec(Frequency.WEEKLY, count=count), start.replace(tzinfo=None))
    return expand(rule, start, start + timedelta(hours=hours))


def stored(specs) -> list[Stored]:
    return [Stored(i + 1, s.original_start, s.starts_at, s.ends_at) for i, s in enumerate(specs)]


NOW = local(2027, 1, 1)


def test_whole_series_moves_but_a_cancelled_date_stays_cancelled() -> None:
    old = stored(weekly(local(2027, 1, 12, 17), 4))
    old[1].cancelled = True
    new = weekly(local(2027, 1, 12, 18), 4)  # the series moves to 18:00
    plan = replan(old, new, recurring=True, now=NOW)
    assert [i for i, _ in plan.move] == [1, 2, 3, 4]  # the cancelled one moves along ...
    assert dict(plan.move)[2].starts_at == local(2027, 1, 19, 18)
    assert len(plan.active_spans) == 3  # ... but does not occupy the room
    assert plan.insert == [] and plan.delete == []


def test_a_date_edited_on_its_own_keeps_its_time() -> None:
    old = stored(weekly(local(2027, 1, 12, 17), 3))
    old[2].detached = True
    old[2].starts_at, old[2].ends_at = local(2027, 1, 26, 9), local(2027, 1, 26, 10)
    plan = replan(old, weekly(local(2027, 1, 12, 18), 3), recurring=True, now=NOW)
    assert [i for i, _ in plan.rekey] == [3]
    assert (local(2027, 1, 26, 9), local(2027, 1, 26, 10)) in plan.active_spans


def test_fewer_dates_delete_and_more_dates_insert() -> None:
    old = stored(weekly(local(2027, 1, 12, 17), 4))
    assert replan(old, weekly(local(2027, 1, 12, 17), 2), recurring=True, now=NOW).delete == [3, 4]
    longer = replan(old, weekly(local(2027, 1, 12, 17), 6), recurring=True, now=NOW)
    assert [s.key for s in longer.insert] == [date(2027, 2, 9), date(2027, 2, 16)]


def test_shifting_the_series_by_a_day_matches_by_shifted_date() -> None:
    old = stored(weekly(local(2027, 1, 12, 17), 3))  # Tuesdays
    old[0].cancelled = True
    new = weekly(local(2027, 1, 13, 17), 3)  # Wednesdays
    plan = replan(old, new, recurring=True, now=NOW, shift=timedelta(days=1))
    assert dict(plan.move)[1].key == date(2027, 1, 13) and not plan.insert and not plan.delete
    assert len(plan.active_spans) == 2  # the cancelled first date stays cancelled on its new day


def test_past_dates_of_a_series_are_history_except_the_edited_one() -> None:
    old = stored(weekly(local(2027, 1, 12, 17), 4))
    now = local(2027, 1, 20)  # the first two dates are over
    plan = replan(old, weekly(local(2027, 1, 12, 18), 4), recurring=True, now=now)
    assert plan.kept == {1, 2} and [i for i, _ in plan.move] == [3, 4]
    assert replan(old, weekly(local(2027, 1, 12, 18), 4), recurring=True, now=now, edited_id=2).kept == {1}
    one_off = stored(expand(None, local(2027, 1, 12, 17), local(2027, 1, 12, 18)))
    moved = expand(None, local(2027, 1, 12, 19), local(2027, 1, 12, 20))
    assert replan(one_off, moved, recurring=False, now=now).move[0][1].starts_at == local(2027, 1, 12, 19)
