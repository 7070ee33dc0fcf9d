"""Real OS processes race to book overlapping times: the database must never hold an overlap."""

from __future__ import annotations

import os

from booking_race import run_race

ATTEMPTS = int(os.environ.get("DESK_BOOKING_RACE_ATTEMPTS", "300"))


def test_six_processes_leave_zero_overlaps(services, db_url) -> None:
    figures = run_race(db_url, processes=6, attempts=ATTEMPTS)
    assert figures["exit_codes"] == [0] * 6
    assert figures["errors"] == 0, figures["error_messages"][:5]
    assert figures["booked"] + figures["conflicts"] == figures["attempts"]
    # the plan collides a lot: both outcomes must occur, or the race tested nothing
    assert figures["booked"] > 10 and figures["conflicts"] > figures["attempts"] // 4
    assert figures["stored"] == figures["booked"]
    assert figures["overlaps"] == 0
