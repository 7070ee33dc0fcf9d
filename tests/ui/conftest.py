"""UI tests start in the source language (English) unless they install another one, so no
test depends on the language a previous test left installed."""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from functools import cached_property

import pytest

from desk.services.clock import FixedClock
from desk.services.desk import DeskServices
from desk.ui.context import UiContext
from desk.ui.i18n import install_language


@pytest.fixture(autouse=True)
def _english_by_default(qapp):
    install_language("en")
    yield
    install_language("en")


@pytest.fixture(autouse=True)
def _garbage_collected_on_the_gui_thread(qapp):
    """As in desk's windows (desk.ui.garbage): no collection on a pool thread during a UI test; the
    GUI thread collects, and at the end of the test everything it left is collected here."""
    from desk.ui.garbage import collect_on_gui_thread

    collector = collect_on_gui_thread(qapp)
    yield collector
    collector.stop()


BACKGROUND_AT_TEARDOWN_MS = 10_000
"""How long a UI test's end waits for the background jobs it started (reads of a few ms each)."""


@pytest.hookimpl(hookwrapper=True, tryfirst=True)
def pytest_runtest_teardown(item):
    """Before the widgets close and the services close (pytest-qt's teardown, then the fixtures):
    the jobs the test left on the thread pool finish and report back to their views. Otherwise a
    job ran on in the next test, on services already closed, and reported into that test's event
    loop to a view deleted meanwhile."""
    import time

    from PySide6.QtCore import QCoreApplication, QThreadPool

    pool = QThreadPool.globalInstance()
    deadline = time.monotonic() + BACKGROUND_AT_TEARDOWN_MS / 1000
    while True:  # an outcome may start one more job (a reload after a reload)
        pool.waitForDone(max(0, int((deadline - time.monotonic()) * 1000)))
        QCoreApplication.processEvents()
        if pool.activeThreadCount() == 0 or time.monotonic() >= deadline:
            break
    yield


@pytest.fixture
def settle(qtbot):
    """`settle(ctx)`: wait until every worker started through `ctx.run_in_worker` (a view's
    loading, a report) has reported back: the condition to wait for, never a fixed time."""

    def wait(ctx, timeout: int = 20000) -> None:
        qtbot.waitUntil(lambda: ctx.workers_running == 0, timeout=timeout)

    return wait


# -- no service call on the GUI thread ------------------------------------------------------------
#
# Every UiContext a UI test builds hands its views a guarded services facade: a call that desk's UI
# code (any module under desk.ui) makes on the GUI thread is recorded, and the test fails at its end
# naming each call site. A service call opens a transaction and can wait for the SQLite busy
# timeout (another PC writing) or a PostgreSQL lock: the window would freeze meanwhile. Views run
# them through ctx.run_in_worker. The waiting-room display (`desk --display`) is guarded the same way
# (the services a DisplayWindow is given): it reads through a UiContext of its own (the display role),
# so a server that went away cannot freeze the full-screen window either. Calls the test itself makes (arranging data, checking results)
# are not counted; neither are the few that never touch the database (NOT_BLOCKING).

NOT_BLOCKING = frozenset({
    "reference.invalidate",  # empties the in-memory cache
})
"""service.method names that run no query (they only touch memory) and may run anywhere."""

STILL_BLOCKING: frozenset[str] = frozenset()
"""Modules whose calls on the GUI thread are known and being moved into workers (issue 17):
this list only shrinks. A module not named here fails the test with its first such call."""


class GuiThreadCalls:
    """What the guarded facade saw: (service.method, caller 'module:line function')."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, str]] = []
        self.lock = threading.Lock()

    def sites(self) -> list[str]:
        with self.lock:
            return sorted({f"{name} from {site}" for name, site in self.calls})


class _GuardedService:
    def __init__(self, name: str, inner: object, seen: GuiThreadCalls) -> None:
        object.__setattr__(self, "_name", name)
        object.__setattr__(self, "_inner", inner)
        object.__setattr__(self, "_seen", seen)

    def __setattr__(self, attribute: str, value: object) -> None:
        setattr(self._inner, attribute, value)  # a test setting a service's clock sets the real one

    def __getattr__(self, attribute: str):
        value = getattr(self._inner, attribute)
        qualified = f"{self._name}.{attribute}"
        if attribute.startswith("_") or not callable(value) or qualified in NOT_BLOCKING:
            return value
        seen = self._seen

        def guarded(*args, **kwargs):
            if threading.current_thread() is threading.main_thread():
                caller = sys._getframe(1)
                module = caller.f_globals.get("__name__", "")
                if module.startswith("desk.ui") and module not in STILL_BLOCKING:
                    with seen.lock:
                        seen.calls.append((qualified, f"{module}:{caller.f_lineno} {caller.f_code.co_name}"))
            return value(*args, **kwargs)

        return guarded


class GuardedServices:
    """Stands in for DeskServices inside a UiContext; everything else passes through."""

    def __init__(self, inner: DeskServices, seen: GuiThreadCalls) -> None:
        self._inner, self._seen = inner, seen
        self._wrapped: dict[str, _GuardedService] = {}

    def __getattr__(self, name: str):
        if name in SERVICE_NAMES:
            if name not in self._wrapped:
                self._wrapped[name] = _GuardedService(name, getattr(self._inner, name), self._seen)
            return self._wrapped[name]
        return getattr(self._inner, name)


SERVICE_NAMES = frozenset(name for name, value in vars(DeskServices).items() if isinstance(value, cached_property))


@pytest.fixture(autouse=True)
def gui_thread_calls(monkeypatch) -> Iterator[GuiThreadCalls]:
    """Fails the test when a view or dialog called a service on the GUI thread."""
    seen = GuiThreadCalls()
    original = UiContext.__init__

    def init(self, *args, **kwargs):
        original(self, *args, **kwargs)
        if not isinstance(self.services, GuardedServices):
            self.services = GuardedServices(self.services, seen)

    monkeypatch.setattr(UiContext, "__init__", init)
    # the waiting-room display is given its services directly (desk --display has no main window):
    # they are guarded from the start, whichever way the window reaches them
    from desk.ui.display import DisplayWindow

    display_init = DisplayWindow.__init__

    def display(self, services, *args, **kwargs):
        if not isinstance(services, GuardedServices):
            services = GuardedServices(services, seen)
        display_init(self, services, *args, **kwargs)

    monkeypatch.setattr(DisplayWindow, "__init__", display)
    yield seen
    sites = seen.sites()
    if sites:
        pytest.fail("service calls on the GUI thread (run them with ctx.run_in_worker):\n  " + "\n  ".join(sites),
                    pytrace=False)


@pytest.fixture(autouse=True)
def ui_clock(request: pytest.FixtureRequest, default_now) -> Iterator[FixedClock]:
    """One clock for the UI and its services, standing still: every view reads "now" and "today"
    from it (desk.ui.clock.set_clock), and so do the services fixtures the test uses and every
    services a UiContext is built on (make_ui_ctx). It stands at the module's FIXED_NOW if it
    names one, else at tests/conftest.py's DEFAULT_NOW (a shifted run's moment under `pytest
    --today=...`), never at the moment the test happens to start: the week,
    the day and the waiting times a view shows cannot change under a test, not even at midnight,
    and what the view asks for is what the services answer for. `ui_clock.set(...)` /
    `ui_clock.advance(...)` move both."""
    from desk.ui.clock import set_clock

    fixed = FixedClock(getattr(request.module, "FIXED_NOW", None) or default_now)
    for name in ("services", "sqlite_services"):
        if name in request.fixturenames:
            request.getfixturevalue(name).clock = fixed
    previous = set_clock(fixed)
    yield fixed
    set_clock(previous)


@pytest.fixture
def make_ui_ctx(tmp_path, ui_clock):
    """`make_ui_ctx(services, actor=None, *, events=None)`: a UiContext as a view gets it, with
    settings in a file of its own (never the user's QSettings), its services on the UI's clock
    (`ui_clock`). Several calls on one database stand for several windows or workstations."""
    from PySide6.QtCore import QSettings

    from desk.domain.model import Role
    from desk.services.context import Actor
    from desk.ui.context import UiContext
    from desk.ui.events import AppEvents
    from desk.ui.settings import UiSettings

    made = []

    def make(services, actor=None, *, events=None) -> UiContext:
        if not isinstance(services, GuardedServices):
            services.clock = ui_clock
        path = tmp_path / f"ui-{len(made)}.ini"
        settings = UiSettings(QSettings(str(path), QSettings.Format.IniFormat))
        actor = actor or Actor(staff_id=None, name="Leitung (test)", role=Role.HEAD, workstation="test")
        ctx = UiContext(services=services, actor=actor, events=events or AppEvents(), settings=settings)
        made.append(ctx)
        return ctx

    return make


@pytest.fixture
def ui_ctx(make_ui_ctx, sqlite_services):
    """The UiContext most UI tests need: the head of department on a fresh SQLite database."""
    return make_ui_ctx(sqlite_services)


@pytest.fixture
def now(ui_clock):
    """The moment a test works with: the UI's clock (`ui_clock`) when the test starts. A test
    builds its data from it, never from calls of the wall clock that may fall on both sides of
    midnight or disagree with the day the views show."""
    return ui_clock()
