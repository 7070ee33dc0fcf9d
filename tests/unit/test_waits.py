"""The estimated-wait rule (desk.domain.waits), without a database."""

from datetime import UTC, datetime, timedelta

from desk.domain.waits import estimate_wait

T0 = datetime(2026, 11, 25, 8, 0, tzinfo=UTC)


def test_no_call_today_means_no_estimate():
    assert estimate_wait(1, [], ahead=3).minutes is None


def test_one_call_uses_the_observed_wait():
    estimate = estimate_wait(1, [(T0, T0 + timedelta(minutes=14))], ahead=0)
    assert estimate.per_ticket_minutes == 14.0
    assert estimate.minutes == 15


def test_breaks_are_left_out_of_the_pace():
    calls = [T0, T0 + timedelta(minutes=10), T0 + timedelta(minutes=20), T0 + timedelta(hours=3)]
    estimate = estimate_wait(1, [(c - timedelta(minutes=5), c) for c in calls], ahead=1)
    assert estimate.per_ticket_minutes == 10.0
    assert estimate.minutes == 20
