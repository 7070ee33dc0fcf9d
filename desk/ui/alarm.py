"""Waiting-list hooks of the main window: the silent alarm (shortcut and alert), the menu entry
for the waiting-room display, and the end-of-day closing timer.

Kept out of main_window.py so the window only calls `install_waitlist_hooks(window)`.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QMainWindow, QPushButton, QToolBar, QWidget

from desk.domain.model import AlarmRow
from desk.domain.permissions import Permission, allowed
from desk.domain.topics import Topic
from desk.ui import clock as ui_clock
from desk.ui.context import UiContext
from desk.ui.i18n import fmt_time

ALARM_SHORTCUT = "Ctrl+Shift+F12"
DISPLAY_SHORTCUT = "Ctrl+Shift+D"
CLOSE_DAY_INTERVAL_MS = 60_000
ALARM_TOPICS = frozenset({Topic.ALARMS, Topic.ANY})


class AlarmBanner(QWidget):
    """The unmistakable alert: a red bar across the window naming the room, until acknowledged."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("alarmBanner")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet("QWidget#alarmBanner { background: #b00020; }"
                           "QLabel { color: white; font-size: 20pt; font-weight: bold; }"
                           "QPushButton { font-size: 14pt; font-weight: bold; padding: 6px 18px; }")
        self.label = QLabel()
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setWordWrap(True)
        self.ack_button = QPushButton()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 10, 16, 10)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.ack_button)


class WaitlistHooks(QObject):
    def __init__(self, window: QMainWindow, ctx: UiContext) -> None:
        super().__init__(window)
        self.window = window
        self.ctx = ctx
        self.own_alarm_ids: set[int] = set()
        self.alarms: list[AlarmRow] = []
        self.display_window = None
        role = ctx.actor.role

        # silent alarm: one shortcut, application-wide; the raiser sees only a small status text
        self.alarm_action = QAction(window)
        self.alarm_action.setShortcut(QKeySequence(ALARM_SHORTCUT))
        self.alarm_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.alarm_action.triggered.connect(self.raise_alarm)
        self.alarm_action.setEnabled(allowed(role, Permission.ALARM_RAISE))
        window.addAction(self.alarm_action)

        self.banner = AlarmBanner()
        self.banner.ack_button.clicked.connect(self.acknowledge)
        self.toolbar = QToolBar(window)
        self.toolbar.setObjectName("alarmToolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setFloatable(False)
        self.toolbar.addWidget(self.banner)
        window.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.toolbar)
        self.toolbar.setVisible(False)

        # the waiting-room display from the View menu
        self.display_action = QAction(window)
        self.display_action.setShortcut(QKeySequence(DISPLAY_SHORTCUT))
        self.display_action.triggered.connect(self.open_display)
        view_menu = getattr(window, "view_menu", None)
        if view_menu is not None:
            view_menu.addSeparator()
            view_menu.addAction(self.display_action)
            view_menu.addAction(self.alarm_action)

        # end of day: visits still open at closing time are closed as "left"
        self.close_day_timer = QTimer(self)
        self.close_day_timer.setInterval(CLOSE_DAY_INTERVAL_MS)
        self.close_day_timer.timeout.connect(self.close_day)
        if allowed(role, Permission.DAY_CLOSE):  # reception too: often the last one there
            self.close_day_timer.start()
            QTimer.singleShot(5000, self.close_day)

        ctx.events.sig_data_changed.connect(self._on_data_changed)
        ctx.events.sig_language_changed.connect(lambda _l: self.retranslate())
        window.installEventFilter(self)
        self.retranslate()
        if allowed(role, Permission.ALARM_ACK):
            QTimer.singleShot(0, self.refresh_alarms)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if watched is self.window and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False

    def retranslate(self) -> None:
        self.alarm_action.setText(self.tr("Silent &alarm"))
        self.alarm_action.setToolTip(self.tr("Silent alarm: calls colleagues to your room ({key})")
                                     .format(key=ALARM_SHORTCUT))
        self.display_action.setText(self.tr("&Waiting-room display"))
        self.display_action.setToolTip(self.tr("Open the waiting-room display ({key})").format(key=DISPLAY_SHORTCUT))
        self.banner.ack_button.setText(self.tr("Acknowledge"))
        self.banner.ack_button.setAccessibleName(self.tr("Acknowledge the alarm"))
        self._render()

    # -- alarm ------------------------------------------------------------------------------------

    def raise_alarm(self) -> None:
        services, actor = self.ctx.services, self.ctx.actor

        def done(alarm: AlarmRow) -> None:
            self.own_alarm_ids.add(alarm.id)
            self.ctx.events.sig_status_message.emit(self.tr("Sent."))  # discreet on purpose

        def failed(error: Exception) -> None:
            # the alarm must not fail silently: say so plainly, but only here
            self.ctx.events.sig_status_message.emit(self.tr("ALARM NOT SENT – call 110 / colleagues directly."))

        self.ctx.run_in_worker(lambda: services.alarms.raise_alarm(actor), done, failed, receiver=self)

    def _on_data_changed(self, topics: frozenset[str]) -> None:
        if topics & ALARM_TOPICS and allowed(self.ctx.actor.role, Permission.ALARM_ACK):
            self.refresh_alarms()

    def refresh_alarms(self) -> None:
        services, actor = self.ctx.services, self.ctx.actor
        self.ctx.run_in_worker(lambda: services.alarms.open_alarms(actor), self._on_alarms,
                               lambda _e: None, receiver=self)

    def _on_alarms(self, alarms: list[AlarmRow]) -> None:
        before = {a.id for a in self.alarms}
        self.alarms = [a for a in alarms if a.id not in self.own_alarm_ids]
        self._render()
        if {a.id for a in self.alarms} - before:
            self.window.show()
            if QApplication.platformName() != "offscreen":  # offscreen (tests) cannot raise windows
                self.window.raise_()
                self.window.activateWindow()
            QApplication.alert(self.window, 0)
            QApplication.beep()

    def _render(self) -> None:
        if not self.alarms:
            self.toolbar.setVisible(False)
            return
        lines = [self.tr("ALARM in {room} – since {time}. Please go and help now.")
                 .format(room=a.room_label, time=fmt_time(a.raised_at)) for a in self.alarms]
        self.banner.label.setText("\n".join(lines))
        self.banner.setAccessibleName(" ".join(lines))
        self.toolbar.setVisible(True)

    def acknowledge(self) -> None:
        if not self.alarms:
            return
        services, actor, alarm_id = self.ctx.services, self.ctx.actor, self.alarms[0].id
        self.ctx.run_in_worker(lambda: services.alarms.acknowledge(actor, alarm_id),
                               lambda _ok: self.refresh_alarms(), receiver=self)

    # -- display and end of day -------------------------------------------------------------------

    def open_display(self) -> None:
        from PySide6.QtGui import QGuiApplication

        from desk.ui.display import open_display

        if self.display_window is not None and self.display_window.isVisible():
            self.display_window.raise_()
            return
        several = len(QGuiApplication.screens()) > 1
        self.display_window = open_display(self.ctx.services, self.ctx.settings, self.ctx.events,
                                           live_updates=False, full_screen=several)

    def close_day(self, now: datetime | None = None) -> None:
        services, actor, moment = self.ctx.services, self.ctx.actor, now or ui_clock.now()

        def done(count: int) -> None:
            if count:
                self.ctx.events.sig_status_message.emit(
                    self.tr("End of day: {count} open visits closed as left.").format(count=count))

        self.ctx.run_in_worker(lambda: services.waitlist.close_day(actor, now=moment), done,
                               lambda _e: None, receiver=self)


def install_waitlist_hooks(window: QMainWindow) -> WaitlistHooks:
    return WaitlistHooks(window, window.ctx)  # type: ignore[attr-defined]
