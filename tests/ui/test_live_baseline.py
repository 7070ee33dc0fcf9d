"""A window's live-update thread and its views' first loads (desk/ui/live.py, BaselineGate in
desk/ui/context.py), on both engines.

The change probe's first poll only takes its baseline: the commits after it are reported, one made
before it never is. Before, the thread therefore asked every view to reload after that poll, and
every window loaded each visible view twice at every start (a wasted read per view, per PC, at
8:00 on one PostgreSQL server). Now the views' worker jobs wait for the baseline and load once:

- at start each visible view's loading read runs once, and a check-in another PC makes just
  before the baseline is on the list all the same;
- a view that read before the baseline after all (the baseline late: the server slow at start)
  reloads, and shows a commit made between its load and the baseline;
- no server at start: the views load anyway (and say what they can); when it is back, and after
  any outage later, every view reloads.

Conditions are waited for (the thread's poll count, the workers, the views' throttles), never a time.
"""

from __future__ import annotations

import threading

import pytest
from PySide6.QtWidgets import QApplication

from desk.domain.errors import DatabaseUnavailableError
from desk.domain.model import Role
from desk.services.checkin import CheckInRequest, CheckInService
from desk.services.context import Actor
from desk.services.waitlist import WaitlistService
from desk.storage.changes import ChangeProbe
from desk.ui import context as ui_context
from desk.ui.main_window import MainWindow

RECEPTION = Actor(staff_id=None, name="Empfang (test)", role=Role.RECEPTION, workstation="pc1")
SYSTEM = Actor.system()

LOADS = {"warteliste": (WaitlistService, "waiting_list"), "empfang": (CheckInService, "appointments_and_absent_today")}
"""The read that fills each view: its service method."""


class Calls:
    """Counts calls of service methods (on whichever thread); `returned` is set after each."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.count: dict[str, int] = {}
        self.returned = threading.Event()
        self._monkeypatch = monkeypatch
        self._lock = threading.Lock()

    def watch(self, owner: type, name: str) -> None:
        original = getattr(owner, name)
        self.count[name] = 0

        def counted(*args, **kwargs):
            with self._lock:
                self.count[name] += 1
            try:
                return original(*args, **kwargs)
            finally:
                self.returned.set()

        self._monkeypatch.setattr(owner, name, counted)


def _mbe(services):
    return next(s for s in services.reference.services(SYSTEM) if s.code == "MBE")


def _window(qtbot, make_ui_ctx, services, view: str) -> MainWindow:
    ctx = make_ui_ctx(services, RECEPTION)
    ctx.settings.last_view = view
    window = MainWindow(ctx, live_updates=True)
    qtbot.addWidget(window)
    window.show()
    return window


def _quiet(qtbot, window: MainWindow, polls: int = 2) -> None:
    """Everything the live thread's first polls cause has happened: the thread polled `polls` times
    (what the first emitted is queued, delivered by the processEvents), the first frame was drawn
    (a reload held until it is let go), and no reload is scheduled or running."""
    assert window.live is not None
    qtbot.waitUntil(lambda: window.live.polls >= polls and window.first_frame_at is not None, timeout=20000)
    QApplication.processEvents()
    QApplication.processEvents()
    view = window.current_view()
    qtbot.waitUntil(lambda: not window._live_before_first_frame and window.ctx.workers_running == 0
                    and not view._throttle.isActive() and not (view.isVisible() and view._pending), timeout=20000)


@pytest.mark.parametrize("view", ["warteliste", "empfang"])
def test_each_visible_view_loads_once_at_start_and_misses_no_commit_before_the_baseline(
        qtbot, services, make_ui_ctx, monkeypatch, view):
    """Before: 2 loads of the view on show (its own, then the reload after the baseline)."""
    # the jobs wait for the baseline however long the first poll takes (the check-in below, a loaded
    # PC): with the default 1 s a slow first poll made the list load early and twice (2 == 1)
    monkeypatch.setattr(ui_context, "BASELINE_WAIT_S", 600.0)
    mbe = _mbe(services)
    calls = Calls(monkeypatch)
    calls.watch(*LOADS[view])
    real_poll = ChangeProbe.poll
    made: list = []
    timeouts: list[float] = []

    def poll(self, timeout: float = 0.0):
        timeouts.append(timeout)
        if not made:  # another PC checks someone in just before this window's baseline
            made.append(services.checkin.check_in(SYSTEM, CheckInRequest(service_id=mbe.id)))
        return real_poll(self, timeout)

    monkeypatch.setattr(ChangeProbe, "poll", poll)
    window = _window(qtbot, make_ui_ctx, services, view)
    _quiet(qtbot, window, polls=3)
    assert calls.count[LOADS[view][1]] == 1, calls.count
    assert timeouts[0] == 0  # the baseline the loads wait for waits for no notification (PostgreSQL: 200 ms)
    if view == "warteliste":  # read after the baseline: the check-in is there
        assert window.current_view().model.row_of(made[0].id) is not None
    window.close()


def test_a_view_that_read_before_a_late_baseline_reloads_and_shows_a_commit_made_meanwhile(
        qtbot, services, make_ui_ctx, monkeypatch):
    """The baseline comes late (the server slow at start): the list's jobs stop waiting for it and
    load; another PC checks someone in; then the baseline. Without the reload the list would miss
    that check-in until the next change."""
    monkeypatch.setattr(ui_context, "BASELINE_WAIT_S", 0.0)
    mbe = _mbe(services)
    calls = Calls(monkeypatch)
    calls.watch(WaitlistService, "waiting_list")
    real_poll = ChangeProbe.poll
    made: list = []

    def poll(self, timeout: float = 0.0):
        if not made:
            assert calls.returned.wait(20), "the list never loaded before the baseline"
            made.append(services.checkin.check_in(SYSTEM, CheckInRequest(service_id=mbe.id)))
        return real_poll(self, timeout)

    monkeypatch.setattr(ChangeProbe, "poll", poll)
    window = _window(qtbot, make_ui_ctx, services, "warteliste")
    waiting = window.current_view()
    qtbot.waitUntil(lambda: bool(made) and waiting.model.row_of(made[0].id) is not None, timeout=20000)
    assert calls.count["waiting_list"] >= 2
    window.close()


@pytest.mark.parametrize("away", ["at start", "later"])
def test_after_the_database_was_away_every_view_reloads(qtbot, services, make_ui_ctx, monkeypatch, away):
    """At start the views must not wait for a server that is away (their jobs go ahead when the
    first poll fails, long before BASELINE_WAIT_S), and they say so themselves; once the probe
    reaches the database again, every view reloads (as after every reconnect)."""
    monkeypatch.setattr(ui_context, "BASELINE_WAIT_S", 600.0)
    calls = Calls(monkeypatch)
    calls.watch(WaitlistService, "waiting_list")
    real_poll = ChangeProbe.poll
    back = threading.Event()
    polls = {"n": 0}
    fail_at = 1 if away == "at start" else 3

    def poll(self, timeout: float = 0.0):
        polls["n"] += 1
        if polls["n"] == fail_at:
            raise DatabaseUnavailableError(reason="the test")
        if polls["n"] == fail_at + 1:
            assert back.wait(20)
        return real_poll(self, timeout)

    monkeypatch.setattr(ChangeProbe, "poll", poll)
    window = _window(qtbot, make_ui_ctx, services, "warteliste")
    waiting = window.current_view()
    qtbot.waitUntil(lambda: calls.count["waiting_list"] == 1 and window.ctx.workers_running == 0, timeout=20000)
    qtbot.waitUntil(lambda: window.live.polls >= fail_at and bool(window.state_label.text()), timeout=20000)
    assert calls.count["waiting_list"] == 1  # loaded once, not held for the baseline
    back.set()
    qtbot.waitUntil(lambda: calls.count["waiting_list"] >= 2 and waiting.reload_count >= 1, timeout=20000)
    qtbot.waitUntil(lambda: window.state_label.text() == "", timeout=20000)
    window.close()


def test_the_display_reads_the_calls_once_at_start(qtbot, services, tmp_path, monkeypatch):
    """The waiting-room display (its own live-update thread): one read of the calls at start, not two."""
    from PySide6.QtCore import QSettings

    from desk.ui.display import open_display
    from desk.ui.events import AppEvents
    from desk.ui.settings import UiSettings

    monkeypatch.setattr(ui_context, "BASELINE_WAIT_S", 600.0)  # the read waits for the baseline, however slow
    calls = Calls(monkeypatch)
    calls.watch(WaitlistService, "display_calls")
    settings = UiSettings(QSettings(str(tmp_path / "display.ini"), QSettings.Format.IniFormat))
    window = open_display(services, settings, AppEvents(), screen=0, full_screen=False)
    qtbot.addWidget(window)
    window.timer.stop()  # its safety-net read every few seconds is not what is counted here
    live = window._live
    qtbot.waitUntil(lambda: live.polls >= 3 and window.loaded, timeout=20000)
    QApplication.processEvents()
    qtbot.waitUntil(lambda: window.ctx.workers_running == 0 and not window.reading, timeout=20000)
    assert calls.count["display_calls"] == 1
    window.close()


def test_the_gate_says_whether_a_job_went_ahead_before_the_baseline(monkeypatch):
    monkeypatch.setattr(ui_context, "BASELINE_WAIT_S", 600.0)  # held until opened, however slow the thread starts
    gate = ui_context.BaselineGate()
    waited = threading.Thread(target=gate.wait)
    waited.start()  # held ...
    waited.join(0.05)
    assert waited.is_alive() and not gate.is_open
    assert gate.open() is False  # ... and let go by the baseline: it read after it
    waited.join(5)
    assert not waited.is_alive()
    gate.wait()  # open: no wait at all

    late = ui_context.BaselineGate()
    monkeypatch.setattr(ui_context, "BASELINE_WAIT_S", 0.0)
    late.wait()  # the baseline did not come in time: this job reads before it
    assert late.open() is True


def test_once_a_job_went_ahead_before_the_baseline_the_next_ones_do_not_wait_for_it(monkeypatch):
    """The baseline is late (the server slow at 8:00): the first job gave up waiting and read, so
    every view will load again once the baseline is taken. The jobs after it (a search, a check-in,
    the next view) waited BASELINE_WAIT_S each all the same, one after another on the pool's few
    threads, for nothing: they go ahead at once now."""
    gate = ui_context.BaselineGate()
    monkeypatch.setattr(ui_context, "BASELINE_WAIT_S", 0.0)
    gate.wait()  # the first job: the baseline did not come in time, it read before it
    monkeypatch.setattr(ui_context, "BASELINE_WAIT_S", 600.0)
    later = threading.Thread(target=gate.wait, daemon=True)
    later.start()
    try:
        later.join(20)
        assert not later.is_alive(), "a job after one that went ahead still waits for the baseline"
    finally:
        assert gate.open() is True  # the views load again after the baseline
        later.join(5)
