"""The statistics view: period picker, computation in a worker, tables, charts, exports."""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path

import pytest

from desk.domain.reports import Period
from desk.services.report_tables import build_tables
from desk.ui.i18n import install_language
from desk.ui.views.statistik import StatistikView
from desk.ui.views.statistik.models import RAW_ROLE, ReportTableModel

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "integration"))
from test_reports import MARCH, MARKERS, NOW, build_centre  # noqa: E402


@pytest.fixture
def ctx(ui_ctx):
    install_language("en")
    yield ui_ctx
    install_language("de")


@pytest.fixture
def view(qtbot, ctx, head):
    build_centre(ctx.services, head)
    widget = StatistikView(ctx)
    qtbot.addWidget(widget)
    widget.resize(1280, 760)
    widget.show()
    return widget


def compute(qtbot, view):
    with qtbot.waitSignal(view.sig_report_ready, timeout=10000):
        view.compute(now=NOW)
    return view.report


def test_model_passes_the_model_tester(qtmodeltester, sqlite_services, head):
    build_centre(sqlite_services, head)
    report = sqlite_services.reports.report(head, MARCH, now=NOW)
    model = ReportTableModel()
    tables = build_tables(report, "en")
    model.set_table(tables[0], "en")
    qtmodeltester.check(model)
    model.set_table(tables[0], "de")  # same shape: updated in place
    qtmodeltester.check(model)
    model.set_table(tables[1], "en")
    qtmodeltester.check(model)


def test_view_shows_exact_figures_of_the_chosen_month(qtbot, view):
    view.set_period(MARCH)
    assert view.period() == MARCH
    report = compute(qtbot, view)
    assert report.total.visits == 9
    overview = view.models["overview"]
    visits_row = 0
    headers = [overview.headerData(c, __import__("PySide6.QtCore").QtCore.Qt.Orientation.Horizontal)
               for c in range(overview.columnCount())]
    kh = headers.index("KH")
    assert overview.index(visits_row, kh).data() == "2"  # exact on screen, "< 3" only in exports
    assert overview.index(visits_row, headers.index("Total")).data(RAW_ROLE) == 9
    assert "01/03/2026" in view.period_label.text() and "01/02/2026" in view.period_label.text()
    assert view.tabs.count() == 1 + len(view.models)
    assert all(button.isEnabled() for button in view.export_buttons.values())


def test_period_picker_kinds(qtbot, view):
    view.set_period(Period.quarter(2026, 2))
    assert view.period() == Period.quarter(2026, 2)
    assert view.part.isVisibleTo(view) and not view.start.isVisibleTo(view)
    view.set_period(Period.year(2025))
    assert view.period() == Period.year(2025)
    assert not view.part.isVisibleTo(view)
    custom = Period(MARCH.start, MARCH.start.replace(day=15))
    view.set_period(custom)
    assert view.period() == custom and view.start.isVisibleTo(view)


def test_exports_from_the_view_hold_no_names(qtbot, view, tmp_path):
    view.set_period(MARCH)
    compute(qtbot, view)
    for fmt in ("xlsx", "csv", "pdf"):
        path = tmp_path / f"out.{fmt}"
        view.export_to(fmt, path)
        assert path.stat().st_size > 1000
    qtbot.waitUntil(lambda: view.ctx.workers_running == 0, timeout=20000)  # the audit entries
    with zipfile.ZipFile(tmp_path / "out.xlsx") as z:
        blob = b"".join(z.read(n) for n in z.namelist())
    assert not any(marker.encode() in blob for marker in MARKERS)


def test_view_retranslates(qtbot, view):
    view.set_period(MARCH)
    compute(qtbot, view)
    install_language("de")
    view.retranslate()
    assert view.tabs.tabText(1) == "Überblick"
    assert "01.03.2026" in view.period_label.text()


def test_the_tab_bar_fits_at_1366_by_768_in_german(qtbot, view):
    view.set_period(MARCH)
    compute(qtbot, view)
    install_language("de")
    view.retranslate()
    view.resize(1366 - 40, 768 - 120)  # the view inside the main window at 1366×768
    qtbot.waitUntil(lambda: view.tabs.width() <= 1366 - 40, timeout=3000)
    bar = view.tabs.tabBar()
    last = bar.tabRect(bar.count() - 1)
    assert last.right() <= bar.width(), (last, bar.width())
    assert all(bar.tabRect(i).isValid() and bar.tabRect(i).right() <= view.tabs.width() for i in range(bar.count()))
    assert bar.tabToolTip(1) == "Überblick"
