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


def test_two_pcs_booking_the_same_series_at_once_one_wins_the_other_is_told_by_whom(services, db_url) -> None:
    """Two workstations (two services over one database) save the language café with the tea
    kitchen for the same Tuesdays at the same moment: one series is booked whole, the other PC gets
    the clash naming the winner's booking, and nothing of the loser's is written (no group-room
    booking without its kitchen, no single date)."""
    import threading
    from datetime import UTC, datetime, timedelta

    from desk.domain.bookings import BookingDraft
    from desk.domain.errors import ConflictError
    from desk.domain.model import BookingKind, Role, RoomKind
    from desk.domain.recurrence import Frequency, RuleSpec, place
    from desk.services.context import Actor
    from desk.services.desk import build_services
    from desk.storage.engine import open_database

    now = datetime(2027, 4, 1, 8, tzinfo=UTC)
    other_pc = build_services(open_database(db_url))
    try:
        pcs = {"Frau Schmid": services, "Herr Demir": other_pc}
        group = next(r for r in services.reference.rooms(Actor.system()) if r.kind is RoomKind.GROUP)
        for week in range(6):
            start = place(datetime(2027, 4, 13, 17) + timedelta(weeks=4 * week))
            barrier = threading.Barrier(2)
            outcome: dict[str, object] = {}

            def book(name: str, start=start, barrier=barrier, outcome=outcome) -> None:
                actor = Actor(staff_id=None, name=name, role=Role.RECEPTION, workstation=name)
                draft = BookingDraft(group.id, f"Sprachcafé ({name})", start, start + timedelta(hours=2),
                                     kind=BookingKind.LANGUAGE_CAFE, organiser=name, with_kitchen=True,
                                     rule=RuleSpec(Frequency.WEEKLY, count=3))
                barrier.wait(30)
                try:
                    outcome[name] = pcs[name].bookings.create(actor, draft, now=now)
                except ConflictError as error:
                    outcome[name] = error

            threads = [threading.Thread(target=book, args=(name,)) for name in pcs]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(60)
            winners = [n for n, r in outcome.items() if not isinstance(r, ConflictError)]
            losers = [n for n, r in outcome.items() if isinstance(r, ConflictError)]
            assert len(winners) == 1 and len(losers) == 1, outcome
            message = str(outcome[losers[0]])
            assert f"Sprachcafé ({winners[0]})" in message and f"organiser: {winners[0]}" in message
            rows = services.bookings.occurrences(Actor.system(), start - timedelta(hours=1), start + timedelta(weeks=3))
            assert {r.organiser for r in rows} == {winners[0]}  # nothing of the loser's, not even one date
            assert len(rows) == 6 and not any(r.cancelled for r in rows)  # 3 dates x group room + kitchen
        assert services.bookings.count_overlaps(Actor.system()) == 0
    finally:
        other_pc.close()
