"""Opening hours typed as text (Verwaltung dialog and desk-admin share the parser)."""

from datetime import time

import pytest

from desk.domain.errors import ValidationError
from desk.domain.hours import format_hours, parse_hours
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
