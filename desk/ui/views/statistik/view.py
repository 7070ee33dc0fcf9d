"""Statistik (head of department): the report of a period on screen, with charts and exports.

The figures are computed in a worker (DeskView.run) with a progress bar; the screen shows
exact numbers, the exports (XLSX, CSV, PDF) show counts below the threshold as "< 3".
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QDate, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desk.domain.errors import DeskError
from desk.domain.reminders import NoShowFigures
from desk.domain.reports import FIRST_REPORT_DAY, PLACES, Period, Report, monthly_series, share
from desk.services.report_exports import export_csv, export_xlsx
from desk.services.report_tables import anonymised_note, build_tables, format_cell, labeller, period_text
from desk.ui import clock as ui_clock
from desk.ui.clock import centre_today
from desk.ui.context import UiContext, show_error
from desk.ui.i18n import current_language
from desk.ui.views.base import DeskView
from desk.ui.views.statistik.charts import ChartWidget
from desk.ui.views.statistik.models import ReportTableModel
from desk.ui.widgets.dates import DateEdit
from desk.ui.widgets.flow import FlowLayout

KINDS = ("month", "quarter", "year", "custom")


class _Progress(QObject):
    """Carries the worker's progress (0-100) to the GUI thread (queued connection)."""

    sig_progress = Signal(int)
    """Emitted from the worker thread with the percentage done."""


class StatistikView(DeskView):
    """No live topics: the figures are computed when asked for (Ctrl+R), not on every commit."""

    sig_report_ready = Signal(object)
    """Emitted with the Report once it has been computed and shown."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.report: Report | None = None
        self._busy = False
        self._progress = _Progress(self)

        today = centre_today()
        self.kind = QComboBox()
        self.year = QSpinBox()
        # the days a report may cover (Period.check): a typed 9999 or 2926 is not offered
        self.year.setRange(FIRST_REPORT_DAY.year, today.year + 1)
        self.year.setValue(today.year)
        self.part = QComboBox()  # month or quarter
        self.start = DateEdit()
        self.end = DateEdit()
        for edit in (self.start, self.end):
            edit.setDateRange(QDate(FIRST_REPORT_DAY.year, 1, 1), QDate(today.year + 1, 12, 31))
        self.start.setDate(QDate(today.year, 1, 1))
        self.end.setDate(QDate(today.year, today.month, today.day))
        self.calculate = QPushButton()
        # the funder's report in January: last year's figures in one click
        self.last_year = QPushButton()
        self.last_year.setObjectName("lastYear")
        self.last_year.clicked.connect(self.show_last_year)
        self.period_label = QLabel()
        self.period_label.setTextFormat(Qt.TextFormat.PlainText)
        self.period_label.setWordWrap(True)  # the centre's long name must not widen the window (200 % font)
        self.legend_label = QLabel()
        self.legend_label.setTextFormat(Qt.TextFormat.PlainText)
        self.legend_label.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setVisible(False)
        self.export_buttons = {fmt: QPushButton() for fmt in ("xlsx", "csv", "pdf")}

        self.charts = QWidget()
        self.bar_chart = ChartWidget()
        self.place_chart = ChartWidget()
        self.balingen_chart = ChartWidget()
        grid = QGridLayout(self.charts)
        grid.addWidget(self.bar_chart, 0, 0, 1, 2)
        grid.addWidget(self.place_chart, 1, 0)
        grid.addWidget(self.balingen_chart, 1, 1)
        grid.setRowStretch(0, 3)
        grid.setRowStretch(1, 2)
        self.tabs = QTabWidget()
        # every table's tab stays in sight at 1366×768 (German titles, large fonts): titles are
        # shortened with "…" instead of scrolling tabs out of view; the tooltip has the full title
        self.tabs.setElideMode(Qt.TextElideMode.ElideRight)
        self.tabs.setUsesScrollButtons(False)
        self.tabs.tabBar().setExpanding(False)
        self.tabs.addTab(self.charts, "")
        self.models: dict[str, ReportTableModel] = {}
        self.tables: dict[str, QTableView] = {}

        top = FlowLayout()  # wraps at large font sizes instead of widening the window
        self.kind_label, self.year_label, self.part_label = QLabel(), QLabel(), QLabel()
        self.from_label, self.to_label = QLabel(), QLabel()
        for label, buddy in ((self.kind_label, self.kind), (self.year_label, self.year),
                             (self.part_label, self.part), (self.from_label, self.start), (self.to_label, self.end)):
            label.setBuddy(buddy)
            top.addWidget(label)
            top.addWidget(buddy)
        top.addWidget(self.calculate)
        top.addWidget(self.last_year)
        for button in self.export_buttons.values():
            top.addWidget(button)
        status = QHBoxLayout()
        status.addWidget(self.period_label, 1)
        status.addWidget(self.progress)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(status)
        layout.addWidget(self.legend_label)
        # no-show rate with and without an SMS/e-mail reminder (docs/REMINDERS.md)
        self.reminder_label = QLabel()
        self.reminder_label.setObjectName("reminderNoShows")
        self.reminder_label.setTextFormat(Qt.TextFormat.PlainText)
        self.reminder_label.setWordWrap(True)
        layout.addWidget(self.reminder_label)
        # visits retention anonymised leave the distinct clients: said when the period has any
        self.anonymised_label = QLabel()
        self.anonymised_label.setObjectName("anonymisedVisits")
        self.anonymised_label.setTextFormat(Qt.TextFormat.PlainText)
        self.anonymised_label.setWordWrap(True)
        self.anonymised_label.setVisible(False)
        layout.addWidget(self.anonymised_label)
        layout.addWidget(self.tabs, 1)

        self.refresh_action = self.add_action("Ctrl+R", self.compute)
        self._last_year_action = self.add_action("Ctrl+Shift+Y", self.show_last_year)
        self.calculate.clicked.connect(self.compute)
        self._export_actions = {
            "xlsx": self.add_action("Ctrl+Shift+X", lambda: self.export_dialog("xlsx")),
            "csv": self.add_action("Ctrl+Shift+C", lambda: self.export_dialog("csv")),
            "pdf": self.add_action("Ctrl+Shift+P", lambda: self.export_dialog("pdf")),
        }
        for fmt, button in self.export_buttons.items():
            button.clicked.connect(lambda _=False, f=fmt: self.export_dialog(f))
            button.setEnabled(False)
        self.kind.currentIndexChanged.connect(self._on_kind_changed)
        self._progress.sig_progress.connect(self.progress.setValue)
        self.setTabOrder(self.kind, self.year)
        self.setTabOrder(self.year, self.part)
        self.setTabOrder(self.part, self.start)
        self.setTabOrder(self.start, self.end)
        self.setTabOrder(self.end, self.calculate)
        self.retranslate()
        self.kind.setCurrentIndex(KINDS.index("month"))
        self.part.setCurrentIndex(today.month - 1)
        self._on_kind_changed()

    # -- language ----------------------------------------------------------------------------------

    def retranslate(self) -> None:
        kind_index = max(0, self.kind.currentIndex())
        self.kind.blockSignals(True)
        self.kind.clear()
        self.kind.addItems([self.tr("Month"), self.tr("Quarter"), self.tr("Year"), self.tr("Custom period")])
        self.kind.setCurrentIndex(kind_index)
        self.kind.blockSignals(False)
        self.kind_label.setText(self.tr("&Period:"))
        self.year_label.setText(self.tr("&Year:"))
        self.from_label.setText(self.tr("&From:"))
        self.to_label.setText(self.tr("&To:"))
        self._fill_parts()
        self.calculate.setText(self.tr("Calculate"))
        self.calculate.setToolTip(self.tr("Compute the figures of the period (Ctrl+R)"))
        last_year = centre_today().year - 1
        self.last_year.setText(self.tr("Last year ({year})").format(year=last_year))
        self.last_year.setToolTip(self.tr("Compute the figures of the whole year {year} (Ctrl+Shift+Y)").format(
            year=last_year))
        self.last_year.setAccessibleName(self.tr("Last year ({year})").format(year=last_year))
        self._last_year_action.setText(self.tr("Last year"))
        names = {"xlsx": self.tr("Excel (XLSX)…"), "csv": self.tr("CSV…"), "pdf": self.tr("PDF report…")}
        keys = {"xlsx": "Ctrl+Shift+X", "csv": "Ctrl+Shift+C", "pdf": "Ctrl+Shift+P"}
        for fmt, button in self.export_buttons.items():
            button.setText(names[fmt])
            button.setToolTip(self.tr("Export the report; counts below the threshold appear as \u201c< 3\u201d ({key})")
                              .format(key=keys[fmt]))
            button.setAccessibleName(names[fmt])
            self._export_actions[fmt].setText(names[fmt])  # listed by name in Help > Keyboard shortcuts
        self.refresh_action.setText(self.tr("Calculate"))
        for widget, name in ((self.kind, self.tr("Kind of period")), (self.year, self.tr("Year")),
                             (self.part, self.tr("Month or quarter")), (self.start, self.tr("First day")),
                             (self.end, self.tr("Last day")), (self.calculate, self.tr("Calculate")),
                             (self.tabs, self.tr("Report tables")), (self.progress, self.tr("Progress"))):
            widget.setAccessibleName(name)
            inner = widget.findChild(QLineEdit) if isinstance(widget, QSpinBox | QDateEdit) else None
            if inner is not None:
                inner.setAccessibleName(name)
        self.tabs.tabBar().setAccessibleName(self.tr("Report tables"))
        self.tabs.setTabText(0, self.tr("Charts"))
        if self.report is not None:
            self._show(self.report)
        else:
            self.period_label.setText(self.tr("Choose a period and press Calculate."))

    def _fill_parts(self) -> None:
        index = max(0, self.part.currentIndex())
        self.part.blockSignals(True)
        self.part.clear()
        if KINDS[max(0, self.kind.currentIndex())] == "quarter":
            self.part.addItems([self.tr("Q1 (January\u2013March)"), self.tr("Q2 (April\u2013June)"),
                                self.tr("Q3 (July\u2013September)"), self.tr("Q4 (October\u2013December)")])
        else:
            self.part.addItems([self.tr("January"), self.tr("February"), self.tr("March"), self.tr("April"),
                                self.tr("May"), self.tr("June"), self.tr("July"), self.tr("August"),
                                self.tr("September"), self.tr("October"), self.tr("November"),
                                self.tr("December")])
        self.part.setCurrentIndex(min(index, self.part.count() - 1))
        self.part.blockSignals(False)

    def _on_kind_changed(self) -> None:
        kind = KINDS[max(0, self.kind.currentIndex())]
        self._fill_parts()
        for widget in (self.part, self.part_label):
            widget.setVisible(kind in ("month", "quarter"))
        for widget in (self.year, self.year_label):
            widget.setVisible(kind != "custom")
        for widget in (self.start, self.end, self.from_label, self.to_label):
            widget.setVisible(kind == "custom")

    # -- period and computation --------------------------------------------------------------------

    def period(self) -> Period:
        kind = KINDS[max(0, self.kind.currentIndex())]
        year = self.year.value()
        if kind == "month":
            return Period.month(year, self.part.currentIndex() + 1)
        if kind == "quarter":
            return Period.quarter(year, self.part.currentIndex() + 1)
        if kind == "year":
            return Period.year(year)
        start, end = self.start.date().toPython(), self.end.date().toPython()
        return Period(min(start, end), max(start, end))

    def set_period(self, period: Period) -> None:
        """Select `period` in the picker (used by tests and when opening a saved period)."""
        self.kind.setCurrentIndex(KINDS.index(period.kind))
        self.year.setValue(period.start.year)
        if period.kind == "month":
            self.part.setCurrentIndex(period.start.month - 1)
        elif period.kind == "quarter":
            self.part.setCurrentIndex((period.start.month - 1) // 3)
        self.start.setDate(QDate(period.start.year, period.start.month, period.start.day))
        self.end.setDate(QDate(period.end.year, period.end.month, period.end.day))

    def show_last_year(self) -> None:
        """The whole previous calendar year, computed at once (January: the funder's report)."""
        if self._busy:
            return
        self.set_period(Period.year(centre_today().year - 1))
        self.compute()

    def on_shown(self) -> None:
        """The first time the view is opened, show the current month without asking."""
        if not getattr(self, "_shown_once", False):
            self._shown_once = True
            self.compute()

    def compute(self, *, now: datetime | None = None) -> None:
        if self._busy:
            return
        self._busy = True
        period = self.period()
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self.calculate.setEnabled(False)
        self.period_label.setText(self.tr("Calculating {period}\u2026").format(
            period=period_text(period, current_language())))
        services, actor, progress = self.ctx.services, self.ctx.actor, self._progress
        moment = now or ui_clock.now()
        def work():
            report = services.reports.report(actor, period, now=moment, progress=progress.sig_progress.emit)
            try:  # the no-show figures with/without a reminder, shown with the report
                figures = services.reminders.no_show_figures(actor, period.start, period.end)
            except DeskError:
                figures = None
            return report, figures

        self.run(work, self._on_computed, self._on_failed)

    def _on_computed(self, result: tuple[Report, NoShowFigures | None]) -> None:
        report, figures = result
        self._busy = False
        self.progress.setVisible(False)
        self.calculate.setEnabled(True)
        self.report = report
        self._show(report)
        if figures is None:
            self.reminder_label.clear()
        else:
            self._show_no_shows(figures)
        for button in self.export_buttons.values():
            button.setEnabled(True)
        self.sig_report_ready.emit(report)

    def _on_failed(self, error: Exception) -> None:
        self._busy = False
        self.progress.setVisible(False)
        self.calculate.setEnabled(True)
        show_error(self, error)

    # -- showing -----------------------------------------------------------------------------------

    def _tab_label(self, key: str, title: str) -> str:
        """A table's tab: a short word, so that all eleven tabs are read whole at 1366×768 in German
        (the full titles, shortened alike with "…", read "Dia…", "Üb…", "Te…"); the tooltip, the
        table's accessible name and the exports keep the full title."""
        short = {
            "overview": self.tr("Overview"),
            "places_visits": self.tr("Place (visits)"),
            "places_clients": self.tr("Place (clients)"),
            "status_groups": self.tr("Status groups"),
            "languages": self.tr("Languages"),
            "interpreters": self.tr("Interpreters"),
            "months": self.tr("Months"),
            "appointments": self.tr("Appointments"),
            "rooms": self.tr("Room bookings"),
            "room_hours": self.tr("Room hours"),
        }
        return short.get(key, title)

    def _show(self, report: Report) -> None:
        language = current_language()
        label = labeller(language)
        text = self.tr("{centre} \u2014 {period}").format(centre=report.centre_name,
                                                           period=period_text(report.period, language))
        if report.previous is not None:
            text += " \u00b7 " + self.tr("compared with {period}").format(
                period=period_text(report.previous.period, language))
        self.period_label.setText(text)
        note = anonymised_note(report, language)
        self.anonymised_label.setText(note)
        self.anonymised_label.setVisible(bool(note))
        self.legend_label.setText(", ".join(f"{s.code} = {s.name(language)}" for s in report.services))
        for index, table in enumerate(build_tables(report, language, short_names=True), start=1):
            model = self.models.get(table.key)
            if model is None:
                model = ReportTableModel(self)
                view = QTableView()
                view.setModel(model)
                view.setAlternatingRowColors(True)
                view.setWordWrap(True)
                view.verticalHeader().setVisible(False)
                view.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
                view.horizontalHeader().setMaximumSectionSize(260)
                self.models[table.key] = model
                self.tables[table.key] = view
                self.tabs.insertTab(index, view, table.title)
            model.set_table(table, language)
            self.tables[table.key].setAccessibleName(table.title)
            self.tabs.setTabText(self.tabs.indexOf(self.tables[table.key]), self._tab_label(table.key, table.title))
            self.tabs.setTabToolTip(self.tabs.indexOf(self.tables[table.key]), table.title)
        months, series = monthly_series(report)
        self.bar_chart.set_bars(label("Visits by month"), [m[5:] + "/" + m[2:4] for m in months], series)
        whole = sum(report.total.visits_by_place.values())
        items = []
        for place in PLACES:
            count = report.total.visits_by_place.get(place, 0)
            pct = share(count, whole)
            items.append((label(place), count, "\u2013" if pct is None else f"{format_cell(pct, language)} % ({count})"))
        self.place_chart.set_shares(label("Share by place of residence"), items)
        balingen = []
        for s in report.services:
            total = sum(s.visits_by_place.values())
            count = s.visits_by_place.get("balingen", 0)
            pct = share(count, total)
            # each bar is that service's own rate (0-100 %), not a part of one whole
            balingen.append((s.code, round((pct or 0) * 10),
                             "\u2013" if pct is None else f"{format_cell(pct, language)} %"))
        self.balingen_chart.set_shares(label("Balingen share of visits by service (%)"), balingen, whole=1000)

    def _show_no_shows(self, figures) -> None:
        language = current_language()
        hidden = self.tr("< {n}").format(n=figures.threshold)

        def side(total, missed, rate) -> str:
            if total is None:
                return hidden
            if total == 0:
                return "\u2013"
            if rate is None:
                return self.tr("{rate} of {total}").format(rate=hidden, total=total)
            return self.tr("{rate} % of {total}").format(rate=format_cell(rate, language), total=total)

        self.reminder_label.setText(self.tr(
            "Appointments missed (no-show): with a reminder by SMS/e-mail {with_}; without {without}").format(
            with_=side(figures.with_total, figures.with_no_show, figures.with_rate),
            without=side(figures.without_total, figures.without_no_show, figures.without_rate)))

    # -- exports -----------------------------------------------------------------------------------

    def export_dialog(self, fmt: str) -> None:
        if self.report is None:
            return
        period = self.report.period
        suggested = f"statistik_{period.start.isoformat()}_{period.end.isoformat()}.{'zip' if fmt == 'csv' else fmt}"
        filters = {"xlsx": self.tr("Excel workbook (*.xlsx)"), "csv": self.tr("Zip archive of CSV files (*.zip)"),
                   "pdf": self.tr("PDF document (*.pdf)")}
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export report"), str(Path.home() / suggested),
                                              filters[fmt])
        if path:
            self.export_to(fmt, Path(path))

    def export_to(self, fmt: str, path: Path) -> None:
        """Write the current report to `path` (suppressed counts) and audit it."""
        if self.report is None:
            return
        report, language = self.report, current_language()
        try:
            if fmt == "pdf":
                from desk.ui.views.statistik.pdf import render_pdf  # Qt PDF code loads on first export

                render_pdf(report, path, language)  # QPainter: on the GUI thread
            elif fmt == "xlsx":
                export_xlsx(report, path, language)
            else:
                export_csv(report, path, language)
        except Exception as error:  # disk full, no permission: tell the person, never lose it
            show_error(self, error)
            return
        reports, actor = self.ctx.services.reports, self.ctx.actor
        # the audit entry is a write: in a worker, like every service call
        self.run(lambda: reports.record_export(actor, report.period, fmt),
                 lambda _r: self.ctx.events.sig_status_message.emit(
                     self.tr("Report saved: {path}").format(path=str(path))),
                 lambda error: show_error(self, error))
