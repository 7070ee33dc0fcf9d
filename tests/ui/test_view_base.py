"""DeskView (desk/ui/views/base.py): topics route live changes to the views that show them, on
both engines; a hidden view reloads when shown, not before; a window's own write reloads its
views once, not again when the live update brings the same commit back; a language switch
retranslates each view once."""

from __future__ import annotations

import time

import pytest
from PySide6.QtWidgets import QWidget

from desk.domain.model import Role
from desk.domain.topics import Changes, Topic
from desk.services.changes import change_probe
from desk.services.checkin import CheckInRequest
from desk.services.context import Actor
from desk.ui.views.base import DeskView

RECEPTION = Actor(staff_id=None, name="Empfang (test)", role=Role.RECEPTION, workstation="test")


class _Probe(DeskView):
    """A view that records what it was asked to reload for."""

    def __init__(self, ctx, topics: set[Topic], parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.topics = frozenset(topics)
        self.reloaded: list[frozenset[Topic]] = []

    def on_changed(self, topics: frozenset[Topic]) -> None:
        self.reloaded.append(topics)


def _shown(qtbot, view: DeskView) -> DeskView:
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    return view


def _check_in(view: DeskView) -> None:
    services = view.ctx.services
    service_id = services.reference.services(RECEPTION)[0].id
    view.write(lambda: services.checkin.check_in(RECEPTION, CheckInRequest(service_id=service_id)))


def _settled(*views: DeskView) -> bool:
    """No reload scheduled (the throttle is idle) and none owed by a visible view: whatever a
    change would cause has happened, so 'no second reload' can be asserted without a fixed wait."""
    return all(not v._throttle.isActive() and not (v.isVisible() and v._pending) for v in views)


def _poll_until(probe, services, predicate, timeout: float = 5.0) -> Changes:
    """Poll the change probe (as the live-update thread does) until `predicate(changes)`."""
    deadline = time.monotonic() + timeout
    seen = Changes()
    while time.monotonic() < deadline:
        got = probe.poll(timeout=0.05 if not services.is_sqlite else 0)
        seen = Changes(seen.loose | got.loose, {**seen.commits, **got.commits})
        if predicate(seen):
            return seen
        time.sleep(0.02)
    raise AssertionError(f"the probe never reported it: {seen!r}")


def test_topics_route_a_check_in_to_the_views_that_show_visits_on_both_engines(qtbot, services, make_ui_ctx):
    """Two windows on one database (SQLite and PostgreSQL): a check-in made in the first reloads
    the views there that show visits once, at once (the window announces its own commit), those of
    the second once (the live update), and neither window's room calendar; the live update's echo
    of the first window's own commit reloads nothing there."""
    probe = change_probe(services)
    probe.poll()  # the baseline
    here, there = make_ui_ctx(services, RECEPTION), make_ui_ctx(services, RECEPTION)
    mine = _shown(qtbot, _Probe(here, {Topic.VISITS}))
    my_other_list = _shown(qtbot, _Probe(here, {Topic.VISITS, Topic.CLIENTS}))
    my_rooms = _shown(qtbot, _Probe(here, {Topic.BOOKINGS}))
    theirs = _shown(qtbot, _Probe(there, {Topic.VISITS, Topic.APPOINTMENTS}))
    their_rooms = _shown(qtbot, _Probe(there, {Topic.BOOKINGS, Topic.REFERENCE}))

    _check_in(mine)
    qtbot.waitUntil(lambda: len(mine.reloaded) == 1 and len(my_other_list.reloaded) == 1,
                    timeout=5000)  # at once, before any live update
    assert mine.reloaded == my_other_list.reloaded == [frozenset({Topic.VISITS})]
    assert theirs.reloaded == []
    changes = _poll_until(probe, services, lambda c: bool(c.commits))
    # SQLite names the topics too (before: "any", and every view on every PC reloaded)
    assert Topic.VISITS in changes and Topic.ANY not in changes, changes
    for ctx in (here, there):  # each window's live-update thread delivers the same poll
        ctx.live_changed(changes)
    qtbot.waitUntil(lambda: len(theirs.reloaded) == 1, timeout=5000)
    assert theirs.reloaded == [frozenset({Topic.VISITS})]
    qtbot.waitUntil(lambda: _settled(mine, my_other_list, my_rooms, theirs, their_rooms), timeout=5000)
    assert mine.reloaded == [frozenset({Topic.VISITS})]  # the echo of its own commit: skipped
    assert len(my_other_list.reloaded) == 1
    assert len(theirs.reloaded) == 1
    assert my_rooms.reloaded == [] and their_rooms.reloaded == []
    probe.close()


def test_a_hidden_view_reloads_when_it_is_shown_not_before(qtbot, ui_ctx):
    view = _Probe(ui_ctx, {Topic.VISITS, Topic.CLIENTS})
    qtbot.addWidget(view)
    ui_ctx.events.sig_data_changed.emit(frozenset({Topic.VISITS}))
    ui_ctx.events.sig_data_changed.emit(frozenset({Topic.BOOKINGS}))  # not its topic
    ui_ctx.events.sig_data_changed.emit(frozenset({Topic.CLIENTS}))
    assert _settled(view)  # nothing scheduled while hidden ...
    assert view.reloaded == []  # ... only remembered, not loaded
    view.show()
    qtbot.waitUntil(lambda: len(view.reloaded) == 1, timeout=3000)
    assert view.reloaded == [frozenset({Topic.VISITS, Topic.CLIENTS})]  # one reload for both
    view.hide()
    ui_ctx.events.sig_data_changed.emit(frozenset({Topic.ANY}))
    assert _settled(view)
    assert len(view.reloaded) == 1
    view.show()
    qtbot.waitUntil(lambda: len(view.reloaded) == 2, timeout=3000)
    assert view.reloaded[-1] == view.topics  # "any" reaches a view as all of its topics


def test_a_burst_of_changes_is_one_reload(qtbot, ui_ctx):
    view = _shown(qtbot, _Probe(ui_ctx, {Topic.VISITS}))
    for _ in range(20):
        ui_ctx.events.sig_data_changed.emit(frozenset({Topic.VISITS}))
    qtbot.waitUntil(lambda: len(view.reloaded) >= 1 and _settled(view), timeout=3000)
    assert len(view.reloaded) <= 2, view.reloaded  # the first at once, the rest coalesced


@pytest.mark.parametrize("language", ["de", "en"])
def test_a_language_switch_retranslates_every_view_once(qtbot, ui_ctx, language):
    from desk.ui.main_window import MainWindow
    from desk.ui.views.registry import VIEWS

    window = MainWindow(ui_ctx, live_updates=False)
    qtbot.addWidget(window)
    window.show()
    for spec in VIEWS:
        window.show_view(spec.key)
    qtbot.waitUntil(lambda: ui_ctx.workers_running == 0, timeout=20000)
    counts: dict[str, int] = {}
    for spec in VIEWS:
        view = window.view(spec.key)
        assert isinstance(view, DeskView), spec.key  # every view is built on the one base
        if view.rebuild_on_language_change:
            continue
        original = view.retranslate

        def counting(original=original, key=spec.key) -> None:
            counts[key] = counts.get(key, 0) + 1
            original()

        view.retranslate = counting
    window.set_language("en" if language == "de" else "de")
    window.set_language(language)
    assert counts and all(n == 2 for n in counts.values()), counts  # once per switch (Empfang: was 3)
