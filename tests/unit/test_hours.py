"""Opening hours typed as text (Verwaltung dialog and desk-admin share the parser)."""

from datetime import UTC, datetime, time

import pytest

from desk.domain.errors import ValidationError
from desk.domain.hours import format_hours, open_at, parse_hours
from desk.domain.model import ServiceHours


def test_german_and_english_days_round_trip():
    hours = parse_hours("Do 14:00–16:00, mo 9.00-12:00; Tue 09:00-12:00")
    assert hours == (ServiceHours(0, time(9), time(12)), ServiceHours(1, time(9), time(12)),
                     ServiceHours(3, time(14), time(16)))
    assert format_hours(hours) == "Mo 09:00-12:00, Di 09:00-12:00, Do 14:00-16:00"
    assert parse_hours(format_hours(hours, "en")) == hours
    assert parse_hours("  ") == ()


@pytest.mark.parametrize("text", ["Montag 9-12", "Xy 09:00-12:00", "Mo 25:00-26:00", "Mo 09:00"])
def test_unreadable_hours_are_refused_with_the_part_named(text):
    with pytest.raises(ValidationError, match="not like"):
        parse_hours(text)


def test_open_at_reads_the_centre_wall_clock():
    hours = parse_hours("Mo 09:00-12:00, Do 14:00-16:00")
    assert open_at(hours, datetime(2026, 12, 7, 8, 0, tzinfo=UTC))  # Monday 09:00 in Berlin (winter)
    assert not open_at(hours, datetime(2026, 12, 7, 11, 0, tzinfo=UTC))  # 12:00: closed
    assert open_at(hours, datetime(2027, 7, 1, 12, 30, tzinfo=UTC))  # Thursday 14:30 in Berlin (summer)
    assert not open_at(hours, datetime(2026, 12, 8, 8, 0, tzinfo=UTC))  # Tuesday
    assert not open_at((), datetime(2026, 12, 7, 8, 0, tzinfo=UTC))
