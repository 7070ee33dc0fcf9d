"""Days and moments travel in an error's parameters as values; each reader's language writes them
(desk.domain.errors.param_text): the window, desk-admin and str(error) for the logs."""

from __future__ import annotations

from datetime import UTC, date, datetime

from desk.domain.errors import ConflictError, Span, param_text


def german(day: date) -> str:
    return day.strftime("%d.%m.%Y")


def test_dates_moments_spans_and_lists_of_dates_in_the_reader_s_words() -> None:
    summer = datetime(2027, 7, 1, 7, 30, tzinfo=UTC)  # 09:30 in Balingen
    assert param_text(date(2027, 3, 28), german) == "28.03.2027"
    assert param_text(summer, german) == "01.07.2027 09:30"
    assert param_text(Span(summer, datetime(2027, 7, 1, 8, 15, tzinfo=UTC)), german) == "01.07.2027 09:30–10:15"
    assert param_text((date(2027, 3, 2), date(2027, 3, 9), "…"), german) == "02.03.2027, 09.03.2027, …"
    # anything else stays as it is (names, numbers, a tuple of words)
    assert param_text("Raum 1", german) == "Raum 1"
    assert param_text(3, german) == 3
    assert param_text(("a", "b"), german) == ("a", "b")


def test_the_english_text_of_the_logs_writes_iso_days_in_the_centre_s_time() -> None:
    error = ConflictError("{room} is taken on {date}, at {time}; free from {suggestion}.", room="Raum 1",
                          date=date(2027, 12, 24), time=Span(datetime(2027, 12, 24, 8, tzinfo=UTC),
                                                             datetime(2027, 12, 24, 9, tzinfo=UTC)),
                          suggestion=datetime(2027, 12, 27, 8, tzinfo=UTC))
    assert str(error) == "Raum 1 is taken on 2027-12-24, at 2027-12-24 09:00–10:00; free from 2027-12-27 09:00."
    assert error.params["date"] == date(2027, 12, 24)  # the value stays for the window to write
