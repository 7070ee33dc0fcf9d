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
