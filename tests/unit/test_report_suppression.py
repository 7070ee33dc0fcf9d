"""The exports' suppression rule on tables built by hand: small counts as "< 3"; shares, rates and
changes that would give them away as "x" (never "< 3" in a "%" column, which reads as "under 3 %");
a change hidden only when the total or the previous total it is computed from is hidden."""

from __future__ import annotations

from desk.domain.reports import HIDDEN, Table, suppressed_tables


def test_shares_rates_and_changes_are_hidden_as_x_and_only_when_they_give_a_count_away():
    overview = Table(
        "overview", "Overview", ("Figure", "IM", "KH", "Total", "Total, previous period", "Change %"),
        (("Visits", 10, 2, 12, 10, 20.0),
         ("No-shows", 5, 1, 6, 2, 200.0),
         ("No-show rate (%)", 50.0, 50.0, 50.0, 20.0, 150.0),
         ("Waiting time, median (min)", 12.0, 30.0, 14.0, 15.0, -6.7)),
        count_rows=frozenset({0, 1}), change_column=5, rate_rows=((2, 1),))
    places = Table("places", "Places", ("Place", "KH: Visits", "KH: %", "Total: Visits", "Total: %"),
                   (("Balingen", 2, 66.7, 20, 80.0), ("elsewhere", 0, 0.0, 5, 20.0)),
                   count_columns=frozenset({1, 3}))
    shown_overview, shown_places = suppressed_tables([overview, places], 3)
    assert shown_overview.rows == (
        # KH's 2 visits are hidden; the change of the centre's 12 against 10 gives nothing away
        ("Visits", 10, "< 3", 12, 10, 20.0),
        ("No-shows", 5, "< 3", 6, "< 3", HIDDEN),  # 6 against a hidden 2: the change would tell
        ("No-show rate (%)", 50.0, HIDDEN, 50.0, HIDDEN, HIDDEN),  # the rates of hidden counts
        ("Waiting time, median (min)", 12.0, 30.0, 14.0, 15.0, -6.7),  # no count: as it is
    )
    assert shown_places.rows == (("Balingen", "< 3", HIDDEN, 20, 80.0), ("elsewhere", 0, 0.0, 5, 20.0))
    assert HIDDEN == "x"


def test_a_report_period_from_2000_to_the_end_of_next_year_and_at_most_ten_years():
    """A custom period ending 31.12.9999 (a typo the date field took) ended in an overflow, an
    unexpected-error box; 2926 for 2026 in a report of 900 years of months. Refused with the
    allowed span named; a year, a span over New Year and ten years less a day pass."""
    from datetime import date

    import pytest

    from desk.domain.errors import ValidationError
    from desk.domain.reports import Period
    from desk.services.reports import check_period

    today = date(2027, 1, 12)
    for period in (Period.year(2026), Period(date(2026, 11, 15), date(2027, 1, 12)), Period.year(2028),
                   Period(date(2016, 3, 1), date(2026, 2, 28)), Period.month(2000, 1)):
        check_period(period, today)
    for period, words in ((Period(date(2026, 1, 1), date(9999, 12, 31)), "from 2000-01-01 to 2028-12-31"),
                          (Period.year(2926), "to 2028-12-31"), (Period.year(1999), "from 2000-01-01"),
                          (Period(date(2016, 3, 1), date(2026, 3, 1)), "at most 10 years")):
        with pytest.raises(ValidationError) as error:
            check_period(period, today)
        assert words in error.value.message(), error.value.message()
