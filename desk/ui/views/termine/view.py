"""The Termine view: the top bar (counsellor, day or week, date) over four tabs, each a class of
its own like Verwaltung's: the agenda (agenda.py), the reminder list (reminder_list.py), the
interpreters (interpreters.py), working hours and absences (hours.py); tab.py holds what they share.

All database work runs in workers (DeskView.run / write); the models only hold rows.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desk.domain.model import Role
from desk.domain.topics import Topic
from desk.ui.clock import today as today_qdate
from desk.ui.context import UiContext
from desk.ui.i18n import fmt_date
from desk.ui.views.base import DeskView
from desk.ui.views.termine.agenda import AgendaTab, label_action
from desk.ui.views.termine.dialogs import DialogChoices, pydate
from desk.ui.views.termine.hours import HoursTab
from desk.ui.views.termine.interpreters import InterpretersTab
from desk.ui.views.termine.models import AgendaColumn
from desk.ui.views.termine.reminder_list import ReminderListTab
from desk.ui.views.termine.tab import TermineTab
from desk.ui.widgets.dates import DateEdit


class TermineView(DeskView):
    topics = frozenset({Topic.REFERENCE})
    """The choices (services, counsellors, rooms, interpreters); each tab declares its own topics."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.choices: DialogChoices | None = None
        """What the booking dialog offers, loaded in a worker (None until then)."""

        # -- top bar: counsellor, day/week, date ---------------------------------------------------
        self.counsellor = QComboBox()
        self.counsellor.setObjectName("counsellor")
        # shrinks to 16 characters (and elides) at large font sizes rather than widening the window
        self.counsellor.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.counsellor.setMinimumContentsLength(16)
        self.counsellor_label = QLabel()
        self.counsellor_label.setBuddy(self.counsellor)
        self.span = QComboBox()
        self.span.setObjectName("span")
        self.span.addItem("", 1)
        self.span.addItem("", 7)
        # a counsellor plans her day; reception and the head look for slots across the week
        self.span.setCurrentIndex(0 if ctx.actor.role is Role.COUNSELLOR else 1)
        self.date = DateEdit(today_qdate())
        self.date.setObjectName("date")
        self.prev_button, self.today_button, self.next_button = QToolButton(), QToolButton(), QToolButton()
        self.title = QLabel()
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setObjectName("title")
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.act_prev = self.add_action("Alt+Left", lambda: self.step(-1))
        self.act_next = self.add_action("Alt+Right", lambda: self.step(1))
        self.act_today = self.add_action("Ctrl+T", self.go_today)
        self.act_week = self.add_action("Ctrl+Shift+W", self.toggle_week)
        self.prev_button.setDefaultAction(self.act_prev)
        self.next_button.setDefaultAction(self.act_next)
        self.today_button.setDefaultAction(self.act_today)
        top = QHBoxLayout()
        for w in (self.counsellor_label, self.counsellor, self.span, self.prev_button, self.date,
                  self.next_button, self.today_button):
            top.addWidget(w)
        top.addSpacing(12)
        top.addWidget(self.title, 1)

        # -- the tabs ------------------------------------------------------------------------------
        self.agenda = AgendaTab(self)
        self.reminder_list = ReminderListTab(self)
        self.interpreters = InterpretersTab(self)
        self.hours = HoursTab(self)
        self.pages: tuple[TermineTab, ...] = (self.agenda, self.reminder_list, self.interpreters, self.hours)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("tabs")
        for page in self.pages:
            self.tabs.addTab(page, "")
        self.tabs.currentChanged.connect(lambda _i: self.reload())
        for number in range(len(self.pages)):
            shortcut = QShortcut(QKeySequence(f"Alt+{number + 1}"), self)
            shortcut.activated.connect(lambda n=number: self.tabs.setCurrentIndex(n))

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        # reading order of the top row: counsellor, day/week, previous, date, next, today
        for first, second in ((self.counsellor, self.span), (self.span, self.prev_button),
                              (self.prev_button, self.date), (self.date, self.next_button),
                              (self.next_button, self.today_button), (self.today_button, self.tabs)):
            self.setTabOrder(first, second)

        self.counsellor.currentIndexChanged.connect(lambda _i: self.reload())
        self.span.currentIndexChanged.connect(lambda _i: self.reload())
        self.date.dateChanged.connect(lambda _d: self.reload())
        self.retranslate()
        self.load_choices()

    def on_changed(self, topics: frozenset[Topic]) -> None:
        self.load_choices()  # counsellors and services; reloads the tab on show afterwards

    # -- texts -----------------------------------------------------------------------------------

    def retranslate(self) -> None:
        label_action(self.act_prev, self.tr("Previous"))
        label_action(self.act_next, self.tr("Next"))
        label_action(self.act_today, self.tr("Today"))
        label_action(self.act_week, self.tr("Day / week"))
        self.prev_button.setText("◀")
        self.next_button.setText("▶")
        self.prev_button.setAccessibleName(self.tr("Previous day or week"))
        self.next_button.setAccessibleName(self.tr("Next day or week"))
        self.today_button.setAccessibleName(self.tr("Today"))
        self.counsellor_label.setText(self.tr("C&ounsellor:"))
        self.counsellor.setAccessibleName(self.tr("Counsellor"))
        self.span.setItemText(0, self.tr("Day"))
        self.span.setItemText(1, self.tr("Week"))
        self.span.setAccessibleName(self.tr("Show a day or a week"))
        self.span.setToolTip(self.act_week.toolTip())
        self.date.setAccessibleName(self.tr("Date"))
        for number, page in enumerate(self.pages):
            self.tabs.setTabText(number, page.title())
            self.tabs.setTabToolTip(number, f"{page.title()} (Alt+{number + 1})")
        self.tabs.setAccessibleName(self.tr("Parts of the appointments view"))
        self._update_title()
        if self.choices is not None:
            self.agenda.apply_choices(self.choices)

    # -- choices, period and the tab on show ------------------------------------------------------

    def staff_id(self) -> int | None:
        return self.counsellor.currentData()

    def span_days(self) -> int:
        """1 (a day) or 7 (a week)."""
        return int(self.span.currentData() or 1)

    def first_day(self) -> date:
        day = pydate(self.date.date())
        if self.span_days() == 7:
            day -= timedelta(days=day.weekday())
        return day

    def load_choices(self) -> None:
        services, actor = self.ctx.services, self.ctx.actor
        may_manage = self.agenda.may_manage

        def work() -> DialogChoices:
            return DialogChoices(
                services=services.reference.services(actor),
                counsellors=services.appointments.counsellors(actor),
                rooms=services.reference.rooms(actor),
                interpreters=services.appointments.interpreters(actor),
                may_manage=may_manage,
            )

        self.run(work, self._apply_choices)

    def _apply_choices(self, choices: DialogChoices) -> None:
        self.choices = choices
        self.agenda.apply_choices(choices)
        current = self.staff_id()
        if current is None and self.ctx.actor.staff_id in {s.id for s in choices.counsellors}:
            current = self.ctx.actor.staff_id  # a counsellor sees her own calendar first
        if current is None or (self.ctx.actor.role is not Role.COUNSELLOR and current == self.ctx.actor.staff_id):
            # reception and the head start with the first counsellor (they book for others)
            current = next((s.id for s in choices.counsellors if s.role is Role.COUNSELLOR and s.active), current)
        self.counsellor.blockSignals(True)
        self.counsellor.clear()
        for s in choices.counsellors:
            # a deactivated counsellor is listed while appointments of theirs lie ahead (to move them)
            self.counsellor.addItem(s.display_name if s.active else self.tr("{name} (deactivated)").format(
                name=s.display_name), s.id)
        index = self.counsellor.findData(current)
        self.counsellor.setCurrentIndex(max(0, index))
        self.counsellor.blockSignals(False)
        self.interpreters.model.set_rows(choices.interpreters)
        self.reload()

    def current_tab(self) -> TermineTab:
        return self.pages[max(0, self.tabs.currentIndex())]

    def reload(self) -> None:
        """Reload the tab on show (the others load when they are shown)."""
        self._update_title()
        self.current_tab().reload()

    def _update_title(self) -> None:
        first = self.first_day()
        if self.span_days() == 7:
            text = self.tr("Week {start} – {end}").format(start=fmt_date(first),
                                                          end=fmt_date(first + timedelta(days=6)))
        else:
            text = fmt_date(first)
        self.title.setText(text)
        self.title.setAccessibleName(text)

    # -- navigation --------------------------------------------------------------------------------

    def step(self, direction: int) -> None:
        self.date.setDate(self.date.date().addDays(direction * self.span_days()))

    def go_today(self) -> None:
        self.date.setDate(today_qdate())

    def toggle_week(self) -> None:
        self.span.setCurrentIndex(1 - self.span.currentIndex())


__all__ = ["TermineView", "AgendaColumn"]
