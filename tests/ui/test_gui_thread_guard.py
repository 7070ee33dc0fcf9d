"""The guard of tests/ui/conftest.py: a service call from desk's UI code on the GUI thread is
recorded with its call site (the test then fails); the same call in a worker, or made by the
test itself, is not."""

from __future__ import annotations

from datetime import timedelta

from desk.domain.bookings import BookingDraft
from desk.domain.model import RoomKind
from desk.domain.recurrence import place
from desk.ui.views.raumkalender.dialog import load_occurrence


def test_a_ui_call_on_the_gui_thread_is_recorded_and_one_in_a_worker_is_not(qtbot, ui_ctx, gui_thread_calls, settle,
                                                                              now) -> None:
    services, actor = ui_ctx.services, ui_ctx.actor
    room = next(r for r in services.reference.rooms(actor) if r.kind is RoomKind.GROUP)  # the test's own call
    start = place(now.replace(tzinfo=None, hour=10, minute=0, second=0, microsecond=0) + timedelta(days=1))
    result = services.bookings.create(actor, BookingDraft(room.id, "Sprachcafé", start, start + timedelta(hours=1)))
    occurrence_id = services.bookings.series(actor, result.booking_id)[0].id
    assert gui_thread_calls.sites() == []

    arrived = []
    ui_ctx.run_in_worker(lambda: load_occurrence(services, actor, occurrence_id), arrived.append)
    settle(ui_ctx)
    assert arrived and gui_thread_calls.sites() == []  # in a worker: fine

    load_occurrence(services, actor, occurrence_id)  # desk.ui code on the GUI thread: recorded
    sites = gui_thread_calls.sites()
    assert len(sites) == 2 and all("desk.ui.views.raumkalender.dialog:" in s for s in sites)
    assert sites[0].startswith("bookings.booking from") and sites[1].startswith("bookings.occurrence from")
    gui_thread_calls.calls.clear()  # seen: this test must not fail for it
