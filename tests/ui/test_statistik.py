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


def test_model_updates_a_table_of_the_same_columns_in_place(qtbot, sqlite_services, head):
    """The shared FrozenRowsModel: a recomputed period changes cells, never resets the table;
    row labels left, numbers right in the language's notation, the raw value under RAW_ROLE."""
    from PySide6.QtCore import Qt

    from desk.domain.reports import Table

    model = ReportTableModel()
    model.set_table(Table("t", "T", ("Row", "A", "B"), (("visits", 1, 2.5), ("people", 3, None))), "de")
    assert model.columnCount() == 3 and model.rowCount() == 2
    assert [model.index(0, c).data() for c in range(3)] == ["visits", "1", "2,5"]
    assert model.index(1, 2).data() == "\u2013" and model.index(1, 2).data(RAW_ROLE) is None
    assert model.index(0, 2).data(RAW_ROLE) == 2.5
    assert model.headerData(1, Qt.Orientation.Horizontal) == "A"
    assert model.headerData(1, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole) == "A"
    assert model.headerData(1, Qt.Orientation.Vertical) == "2"
    assert model.index(0, 0).data(Qt.ItemDataRole.TextAlignmentRole) & Qt.AlignmentFlag.AlignLeft
    assert model.index(0, 1).data(Qt.ItemDataRole.TextAlignmentRole) & Qt.AlignmentFlag.AlignRight
    resets, changed = [], []
    model.modelReset.connect(lambda: resets.append(1))
    model.dataChanged.connect(lambda first, last: changed.append((first.row(), last.row())))
    model.set_table(Table("t", "T", ("Row", "A", "B"), (("visits", 1, 2.5), ("people", 4, None))), "de")
    assert resets == [] and changed == [(1, 1)] and model.index(1, 1).data() == "4"
    model.set_table(Table("t", "T", ("Row", "A", "B"), (("visits", 1, 2.5),)), "de")
    assert resets == [] and model.rowCount() == 1
    model.set_table(Table("t", "T", ("Zeile", "A"), (("Besuche", 1),)), "de")  # other columns
    assert resets == [1] and model.columnCount() == 2


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
    # and every tab is read whole, not shortened with "…" (it read "Dia…", "Üb…", "Te…")
    metrics = bar.fontMetrics()
    cut = [bar.tabText(i) for i in range(bar.count())
           if bar.tabRect(i).width() < metrics.horizontalAdvance(bar.tabText(i)) + 8]
    assert cut == [], cut
    assert bar.tabText(bar.count() - 1) == "Raumstunden"


def test_in_january_last_year_is_one_click_away(qtbot, ctx, head, ui_clock, tmp_path):
    """The head in January exports last year's figures: the view opens on the current month, and
    one button (or Ctrl+Shift+Y) picks the whole previous year and computes it."""
    from datetime import UTC, datetime

    ui_clock.set(datetime(2027, 1, 12, 9, 0, tzinfo=UTC))
    build_centre(ctx.services, head)
    view = StatistikView(ctx)
    qtbot.addWidget(view)
    view.resize(1280, 760)
    view.show()
    assert view.period() == Period.month(2027, 1)
    assert view.last_year.text() == "Last year (2026)" and view.last_year.isVisibleTo(view)
    with qtbot.waitSignal(view.sig_report_ready, timeout=10000):
        view.last_year.click()
    assert view.report.period == Period.year(2026) == view.period()
    assert view.report.total.visits >= 9  # March 2026's visits are in the year
    assert view.year.value() == 2026 and view.kind.currentIndex() == 2  # the picker says so too
    view.grab().save(str(tmp_path / "statistik-last-year-en.png"))


def test_the_screen_says_when_retention_took_the_person_from_visits(qtbot, view):
    from datetime import UTC, datetime

    view.set_period(Period.month(2026, 6))  # no visit: nothing to say
    compute(qtbot, view)
    assert not view.anonymised_label.isVisibleTo(view)
    later = datetime(2027, 4, 15, 9, 0, tzinfo=UTC)
    view.ctx.services.privacy.purge(view.ctx.actor, now=later)
    view.set_period(MARCH)
    with qtbot.waitSignal(view.sig_report_ready, timeout=10000):
        view.compute(now=later)
    assert view.anonymised_label.isVisibleTo(view)
    assert view.anonymised_label.text().startswith("Distinct clients and the tables by client leave out visits")


def test_the_no_show_line_reads_naturally_in_german(qtbot, view):
    """It read 'Nicht wahrgenommene Termine: mit Erinnerung per SMS/E-Mail –; ohne 9,1 % von 674':
    each side now has its colon and says 'ohne Erinnerung'."""
    from desk.domain.reminders import NoShowFigures

    install_language("de")
    view._show_no_shows(NoShowFigures.suppressed(
        {"with_total": 0, "with_no_show": 0, "without_total": 674, "without_no_show": 61}, 3))
    assert view.reminder_label.text() == ("Nicht wahrgenommene Termine – mit Erinnerung per SMS/E-Mail: –; "
                                          "ohne Erinnerung: 9,1 % von 674")
