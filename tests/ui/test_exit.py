"""The end of the program waits for the background jobs still running, before the services close
and before the interpreter's teardown destroys QApplication (desk.ui.context.finish_background_work).

Without it, QApplication's destructor waited for the pool during the teardown while a job's
thread still ran Python and emitted into objects already gone: `desk --measure-startup` crashed
with SIGSEGV in 2 of 40 starts (the window closed while the name index was still being built),
and a job's write could be cut off by the connections closing under it.
"""

from __future__ import annotations

import gc
import os
import subprocess
import sys
import threading
import weakref

import pytest
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QApplication

from desk.services.bootstrap import prepare_database
from desk.ui.context import finish_background_work


def test_finish_background_work_returns_when_the_running_job_has_ended(qapp):
    started, release, ended = threading.Event(), threading.Event(), []

    def job() -> None:
        started.set()
        release.wait(30)
        ended.append(True)

    QThreadPool.globalInstance().start(job)
    assert started.wait(30)
    threading.Timer(0.05, release.set).start()  # the job is still running when the wait begins
    assert finish_background_work(timeout_ms=30_000)
    assert ended == [True]


_EXIT_PROBE = """
import sys, threading
import pytest
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QApplication
import desk.services.desk as desk_services
import desk.tools.bench_probe as bench_probe
from desk.services.context import Actor

order = []
close = desk_services.DeskServices.close

def closing(self):
    order.append("services closed")
    close(self)

desk_services.DeskServices.close = closing

def measure_startup(app, services, settings):
    started, release = threading.Event(), threading.Event()

    def job():  # a database read still running when the window is gone
        started.set()
        release.wait(30)
        services.reference.services(Actor.system())
        order.append("job ended")

    QThreadPool.globalInstance().start(job)
    started.wait(30)
    threading.Timer(0.05, release.set).start()
    return 0

bench_probe.measure_startup = measure_startup
from desk.app import main
code = main(["--measure-startup", "--database-url", sys.argv[1]])
print("ORDER " + ",".join(order), flush=True)
raise SystemExit(code)
"""


def test_the_program_ends_after_its_jobs_and_before_closing_the_services(tmp_path):
    url = f"sqlite+pysqlite:///{tmp_path / 'desk.sqlite'}"
    prepare_database(url).dispose()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-c", _EXIT_PROBE, url], capture_output=True, text=True,
                            env=env, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "ORDER job ended,services closed" in result.stdout, result.stdout + result.stderr[-2000:]


@pytest.mark.parametrize("dispatcher_outlives_it", [False, True])
def test_an_outcome_queued_for_a_context_the_collector_frees_is_dropped(sqlite_services, tmp_path, qtbot,
                                                                        dispatcher_outlives_it):
    """A job's outcome still queued when its context is collected reaches nobody and raises
    nothing. The dispatcher's slot was the bound method `_deliver`, which PySide holds without
    keeping the context alive: when the dispatcher outlived its context (here: held by the test),
    the outcome was delivered into the collected context - "'UiContext' object has no attribute
    '_workers'" in the event loop (CI, --today run of df9ca00), or a crash once it was freed. The
    slot is a function holding the context by a weak reference now, which the collector clears
    before it takes the context apart."""
    from PySide6.QtCore import QSettings

    from desk.services.context import Actor
    from desk.ui.context import UiContext
    from desk.ui.events import AppEvents
    from desk.ui.settings import UiSettings

    settings = UiSettings(QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    ctx = UiContext(services=sqlite_services, actor=Actor.system(), events=AppEvents(), settings=settings)
    done = []
    ctx.run_in_worker(lambda: 1, done.append)
    assert QThreadPool.globalInstance().waitForDone(30_000)  # the outcome is queued, not delivered
    dispatcher = ctx._dispatcher if dispatcher_outlives_it else None
    gone = weakref.ref(ctx)
    del ctx
    gc.collect()
    assert gone() is None, "the dispatcher keeps its context alive"
    QApplication.processEvents()  # pytest-qt fails the test on an exception raised in the event loop
    assert done == [] and (dispatcher is None) is not dispatcher_outlives_it
