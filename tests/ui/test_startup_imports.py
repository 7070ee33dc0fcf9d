"""Start-up loads only what the first frame of the main window needs (issue 21: cold start).

A fresh interpreter runs `desk --measure-startup` (the window of a head of department on the
reception view, no login) and lists the modules loaded when the window's first frame is drawn.
Libraries of other views and of later actions (migrations, exports, calendars, reminders, the
name index, printing, the check-in and card dialogs) must not be among them: each costs start-up
time and memory before anyone needs it.
"""

from __future__ import annotations

import builtins
import json
import os
import subprocess
import sys

import pytest

from desk.services.bootstrap import prepare_database

NOT_AT_FIRST_FRAME = (
    "alembic",  # only to upgrade (a current schema is checked with one query)
    "xlsxwriter", "icalendar", "holidays", "babel", "phonenumbers",  # exports, calendars, reminders
    "rapidfuzz", "desk.domain.search", "desk.services.clients",  # the name index: after the first frame
    "PySide6.QtPrintSupport", "desk.ui.views.empfang.slip",  # the ticket slip: when printed
    "desk.ui.views.empfang.card", "desk.ui.views.empfang.checkin_dialog", "desk.ui.views.empfang.attach",
    "desk.services.reports", "desk.ui.views.statistik", "desk.ui.views.raumkalender",  # other views
    # on SQLite: the PostgreSQL dialect (its package imports every driver's module, ~30 ms of CPU),
    # which a `postgresql_*` keyword in the models would load (models.partial_index)
    "sqlalchemy.dialects.postgresql",
)

_PROBE = """
import gc, json, sys
import desk.ui.main_window as main_window

seen = []
collector = []
original = main_window.MainWindow.event

def event(self, e):
    before = getattr(self, "first_frame_at", 0)
    handled = original(self, e)
    if before is None and self.first_frame_at is not None and not seen:
        seen.append(sorted(sys.modules))
        from PySide6.QtWidgets import QApplication
        from desk.ui.garbage import GuiThreadCollector
        gui = QApplication.instance().findChild(GuiThreadCollector)
        collector.append({"automatic": gc.isenabled(), "gui_thread": gui is not None and gui.active,
                          "frozen": gc.get_freeze_count()})
    return handled

main_window.MainWindow.event = event
from desk.app import main
code = main(["--measure-startup", "--database-url", sys.argv[1]])
print("MODULES " + json.dumps(seen[0] if seen else None))
print("GC " + json.dumps(collector[0] if collector else None))
raise SystemExit(code)
"""


def _at_first_frame(url: str) -> tuple[list[str], dict]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-c", _PROBE, url], capture_output=True, text=True, env=env,
                            timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    lines = result.stdout.splitlines()
    modules = json.loads(next(ln for ln in lines if ln.startswith("MODULES ")).removeprefix("MODULES "))
    collector = json.loads(next(ln for ln in lines if ln.startswith("GC ")).removeprefix("GC "))
    assert modules, "the main window drew no frame"
    return modules, collector


def test_the_first_frame_loads_only_what_it_shows(tmp_path):
    url = f"sqlite+pysqlite:///{tmp_path / 'desk.sqlite'}"
    prepare_database(url).dispose()  # created and migrated here: the start itself only checks
    modules, collector = _at_first_frame(url)
    assert "desk.ui.views.empfang.view" in modules  # the first view was built
    loaded = sorted(name for name in modules for unwanted in NOT_AT_FIRST_FRAME
                    if name == unwanted or name.startswith(unwanted + "."))
    assert loaded == [], f"imported before the main window's first frame: {loaded}"
    # desk.app imports the libraries without garbage collection, then freezes what they made
    # (~115,000 objects): at the first frame collection is on again, in the GUI thread's hands
    # (desk.ui.garbage: the automatic collector off), and those objects are out of its passes
    assert collector["gui_thread"] and not collector["automatic"], collector
    assert collector["frozen"] > 50_000, collector


@pytest.mark.parametrize("earlier", ["nothing", "PySide6 dropped its hook"])
def test_pyside_import_hook_keeps_no_sources(tmp_path, monkeypatch, earlier):
    """forget_read_sources: PySide6's hook still tells modules that use PySide6 from those that do
    not, but no longer reads their sources by inspect.getsource, which keeps them in linecache (~15 MB
    once every view was opened).

    Looked at with the hook in place, as desk.app finds it (on the GUI thread, before any worker):
    PySide6 itself drops it for the rest of the process when two threads import at once, which the
    UI tests before this one do (GUI thread and workers, tests/ui/test_workers.py); this test then
    failed with KeyError: 'desk_hook_probe_qt' when run after them. `earlier` stands for that."""
    import inspect

    from PySide6.QtCore import QThreadPool  # the hook exists once PySide6 is imported

    from desk.ui.qt_imports import forget_read_sources

    QThreadPool.globalInstance().waitForDone()  # no earlier test's worker importing meanwhile
    if earlier != "nothing":
        monkeypatch.setattr(builtins, "__import__", builtins.__orig_import__)  # as the race leaves it
    monkeypatch.setattr(builtins, "__import__", _pyside_import_hook())  # put back afterwards as found
    forget_read_sources()
    feature = sys.modules["shibokensupport.feature"]
    # PySide6's own hook reads a module by inspect.getsource, which files every line in linecache.
    # Asked directly rather than by looking into linecache afterwards: anything else capturing a
    # stack meanwhile (a warning, a collected object's finaliser) may file the probe there too.
    read_by_inspect = []
    getsource = inspect.getsource

    def spy(obj):
        read_by_inspect.append(getattr(obj, "__name__", obj))
        return getsource(obj)

    monkeypatch.setattr(inspect, "getsource", spy)
    (tmp_path / "desk_hook_probe_qt.py").write_text("from PySide6 import QtCore\n", encoding="utf-8")
    (tmp_path / "desk_hook_probe_plain.py").write_text("VALUE = 1\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    for name in ("desk_hook_probe_qt", "desk_hook_probe_plain"):  # as if never imported (another run)
        monkeypatch.delitem(sys.modules, name, raising=False)
        monkeypatch.delitem(feature.pyside_feature_dict, name, raising=False)  # the hook looks once a name
    exec("import desk_hook_probe_qt, desk_hook_probe_plain")  # through builtins.__import__, as any import
    assert feature.pyside_feature_dict["desk_hook_probe_qt"] == 0  # uses PySide6: features may apply
    assert feature.pyside_feature_dict["desk_hook_probe_plain"] == -1  # ignored
    assert [name for name in read_by_inspect if "desk_hook_probe" in str(name)] == []


def _pyside_import_hook():
    """PySide6's import hook: what builtins.__import__ is once PySide6 is imported (shiboken's
    `__feature_import__`, which calls the interpreter's import, kept as builtins.__orig_import__, and
    then shibokensupport.feature on the imported module). While that check runs, shiboken sets
    builtins.__import__ back to the original import for the whole process (PYSIDE-3054); a second
    thread importing meanwhile takes that original for the hook and puts it back after its own check
    last, so the hook is gone for good."""
    return sys.modules["signature_bootstrap"].__feature_import__


_EVERY_MODULE = """
import importlib, json, pkgutil, sys
import desk
for info in pkgutil.walk_packages(desk.__path__, "desk."):
    name = info.name
    if name.startswith(("desk.storage.migrations", "desk.tools", "desk.cli")) or name == "desk.__main__":
        continue  # migrations run only to upgrade; the tools and desk-admin are no part of a start
    importlib.import_module(name)
print(json.dumps(sorted(m for m in sys.modules if m.startswith("sqlalchemy.dialects.postgresql"))))
"""


def test_no_module_of_the_program_imports_the_postgresql_dialect():
    """Deterministic where the first-frame test depends on how far the view's workers got: no
    module of storage, services, domain or ui imports the PostgreSQL dialect when imported
    (a type or an insert of that dialect comes through storage/upsert.py or SQLAlchemy's own)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-c", _EVERY_MODULE], capture_output=True, text=True, env=env,
                            timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    assert json.loads(result.stdout.strip().splitlines()[-1]) == []
