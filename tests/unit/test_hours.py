"""Opening hours typed as text (Verwaltung dialog and desk-admin share the parser)."""

from datetime import UTC, datetime, time, timedelta

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


@pytest.mark.parametrize(("text", "expected"), [
    ("Di 9-12", "Di 09:00-12:00"),
    ("Montag 9 - 12 Uhr", "Mo 09:00-12:00"),
    ("dienstag 14-16:30", "Di 14:00-16:30"),
    ("Mo-Fr 9.30-12", "Mo 09:30-12:00, Di 09:30-12:00, Mi 09:30-12:00, Do 09:30-12:00, Fr 09:30-12:00"),
    ("Mo bis Mi 9 bis 12 Uhr, Donnerstag 14-16", "Mo 09:00-12:00, Di 09:00-12:00, Mi 09:00-12:00, Do 14:00-16:00"),
    ("Thursday 2-4", "Do 02:00-04:00"),
])
def test_hours_as_a_german_head_types_them(text, expected):
    """ "Di 9-12" and "Montag 9-12" were refused: whole weekday names, hours without minutes,
    "Uhr" and a range of days are read as meant."""
    assert format_hours(parse_hours(text)) == expected


@pytest.mark.parametrize("text", ["Fr-Mo 9-12", "Xy 09:00-12:00", "Mo 25:00-26:00", "Mo 09:00", "Monat 9-12"])
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


@pytest.mark.parametrize("text", ["Mo 12:00-09:00", "Di 09:00-09:00, Mi 09:00-12:00"])
def test_an_end_before_the_start_is_refused(text):
    """'Mo 12:00-09:00' (a typo) was stored: the kiosk read Monday as closed all day and reception
    named impossible hours. Refused with the block named; nothing is stored."""
    with pytest.raises(ValidationError, match="end must be after the start") as error:
        parse_hours(text)
    assert error.value.params["part"] == text.split(",")[0]


def test_the_next_consultation_hours_skip_public_holidays_and_past_blocks():
    from dateutil.easter import easter

    from desk.domain.hours import KIOSK_EARLY, kiosk_open, next_opening
    from desk.domain.tickets import BERLIN

    hours = parse_hours("Mo 09:00-12:00, Mi 14:00-16:00")
    monday = easter(2027) + timedelta(days=1)  # Easter Monday: closed
    at_ten = datetime.combine(monday, time(10), tzinfo=BERLIN)
    block = next_opening(hours, at_ten)
    assert (block.starts_at.date() - monday).days == 2 and block.starts_at.time() == time(14)
    assert kiosk_open(hours, at_ten) == (False, block)
    assert kiosk_open(hours, block.starts_at - KIOSK_EARLY)[0]  # the queue before the door opens
    assert not kiosk_open(hours, block.ends_at)[0]  # the end is closed
    assert kiosk_open((), at_ten) == (True, None)  # no hours: not limited


def test_a_pasted_screenful_is_named_short_so_the_message_stays_readable():
    """10,000 characters pasted into the opening hours: the message names the start of it and
    still says what is wrong (the whole paste pushed the explanation out of the dialog)."""
    with pytest.raises(ValidationError, match="not like") as error:
        parse_hours("Mo " + "9" * 10_000)
    assert error.value.params["part"] == "Mo " + "9" * 36 + "\u2026"
    assert len(error.value.message()) < 120
