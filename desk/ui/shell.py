"""After the database is ready: who is acting (login), then the main window or the display.

The session: first start (no account yet) -> wizard; else the login dialog. Then the main
window with a lock action (Ctrl+L) and an automatic lock after `idle_lock_minutes` without a key
or mouse event; a locked window is hidden behind the lock dialog. When another workstation
changes accounts (live topic "staff"), the actor is re-read: a changed role reopens the window
with the new rights, a deactivated account is logged out. Daily tasks (backup, retention
purge) run off the GUI thread at start and hourly; due appointment reminders every minute.
"""

from __future__ import annotations

import dataclasses
import logging
import os
import socket
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QEvent, QEventLoop, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget
from shiboken6 import isValid

from desk.domain.settings import BusinessSettings
from desk.domain.topics import Topic
from desk.services.context import Actor
from desk.services.desk import DeskServices
from desk.ui.context import UiContext, error_text
from desk.ui.events import AppEvents
from desk.ui.i18n import translate
from desk.ui.settings import UiSettings
from desk.ui.widgets.dialog import RESUME_PROPERTY

if TYPE_CHECKING:  # the login module is imported when the login is shown
    from desk.ui.login.dialogs import DemoAccount

log = logging.getLogger(__name__)

LOCK_SHORTCUT = "Ctrl+L"
DAILY_TASKS_INTERVAL_MS = 60 * 60 * 1000
REMINDER_INTERVAL_MS = 60 * 1000  # every running desk sends the due reminders (docs/REMINDERS.md)
_ACTIVITY = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel,
             QEvent.Type.TouchBegin}

T = TypeVar("T")

DEFAULT_IDLE_MINUTES = BusinessSettings.defaults().idle_lock_minutes
"""The lock's idle time until the setting is read (and if it cannot be)."""


class Session(QObject):
    """One person's time at the window: login, lock/unlock, idle lock, role changes, logout."""

    def __init__(self, app: QApplication, ctx: UiContext, *, demo_accounts: Sequence[DemoAccount] = (),
                 live_updates: bool = True) -> None:
        super().__init__()
        self.app = app
        self.ctx = ctx
        self.demo_accounts = demo_accounts
        self.live_updates = live_updates
        self.window = None
        self.locked = False
        self._closing_for_switch = False
        self._refreshing = False
        self._dialog: QDialog | None = None
        self.damaged: str | None = None
        self._idle_minutes: int | None = None
        self.idle_timer = QTimer(self)
        self.idle_timer.setSingleShot(True)
        self.idle_timer.timeout.connect(self._on_idle)
        self.daily_timer = QTimer(self)
        self.daily_timer.setInterval(DAILY_TASKS_INTERVAL_MS)
        self.daily_timer.timeout.connect(self.run_daily_tasks)
        self.reminder_timer = QTimer(self)
        self.reminder_timer.setInterval(REMINDER_INTERVAL_MS)
        self.reminder_timer.timeout.connect(self.run_reminders)
        self._reminders_running = False
        ctx.events.sig_data_changed.connect(self._on_data_changed)

    # -- login ---------------------------------------------------------------------------------

    def log_in(self) -> bool:
        """First-start wizard or login dialog; False when the person closed it."""
        from desk.ui.login import FirstStartWizard, LoginDialog

        self.ctx.actor = Actor.login_screen()
        accounts, actor = self.ctx.services.accounts, self.ctx.actor
        try:
            first = wait_for_worker(self.ctx, lambda: accounts.needs_first_account(actor))
        except Exception as error:  # the database went away: say so, do not crash
            _message(None, error_text(error))
            return False
        dialog = FirstStartWizard(self.ctx) if first else LoginDialog(self.ctx, demo_accounts=self.demo_accounts)
        self._dialog = dialog
        try:
            accepted = dialog.exec() == dialog.DialogCode.Accepted and self.damaged is None
        finally:
            self._dialog = None
        if not accepted or dialog.actor is None:
            return False
        self.ctx.actor = dialog.actor
        return True

    def open_window(self) -> None:
        from desk.ui.main_window import MainWindow

        window = MainWindow(self.ctx, live_updates=self.live_updates)
        self.lock_action = QAction(translate("Session", "&Lock window"), window)
        self.lock_action.setObjectName("lockAction")
        self.lock_action.setShortcut(QKeySequence(LOCK_SHORTCUT))
        self.lock_action.setToolTip(translate("Session", "Lock the window ({shortcut})").format(
            shortcut=LOCK_SHORTCUT))
        self.lock_action.triggered.connect(self.lock)
        self.logout_action = QAction(translate("Session", "Log &out"), window)
        self.logout_action.setObjectName("logoutAction")
        self.logout_action.triggered.connect(self.logout)
        self.password_action = QAction(translate("Session", "Change my &password…"), window)
        self.password_action.setObjectName("passwordAction")
        self.password_action.triggered.connect(self.change_password)
        window.addAction(self.lock_action)
        menu = getattr(window, "file_menu", None)
        if menu is not None:
            first = menu.actions()[0] if menu.actions() else None
            menu.insertAction(first, self.lock_action)
            menu.insertAction(first, self.logout_action)
            menu.insertAction(first, self.password_action)
            menu.insertSeparator(first)
        window.installEventFilter(self)
        self.window = window
        window.show()
        self.app.installEventFilter(self)
        self._restart_idle_timer()
        self.load_idle_minutes()

    def on_start_check(self, damaged: str | None) -> None:
        """The start-up quick check finished: a damaged file closes the login (restore offer)."""
        if damaged is None:
            return
        self.damaged = damaged
        if self._dialog is not None:
            self._dialog.reject()
        elif self.window is not None:  # logged in faster than the check: stop here, too
            self._close_window()
            offer_restore(self.ctx, damaged)
            self.app.quit()

    # -- lock ----------------------------------------------------------------------------------

    def idle_minutes(self) -> int:
        """The idle time before the lock (setting idle_lock_minutes; 10 until it is read).

        Asked at every key press and mouse move (the idle timer restarts): it never reads the
        database itself; load_idle_minutes reads the setting in a worker."""
        return self._idle_minutes or DEFAULT_IDLE_MINUTES

    def load_idle_minutes(self) -> None:
        """Read idle_lock_minutes in a worker (at the window's start and when settings change)."""
        reference, actor = self.ctx.services.reference, self.ctx.actor

        def done(value: object) -> None:
            try:
                self._idle_minutes = value.idle_lock_minutes  # type: ignore[attr-defined]
            except AttributeError:
                return  # a setting must never stop the lock: the default stays
            self._restart_idle_timer()

        self.ctx.run_in_worker(lambda: reference.settings(actor), done, lambda _error: None, receiver=self)

    def _restart_idle_timer(self) -> None:
        if self.window is not None and not self.locked:
            self.idle_timer.start(self.idle_minutes() * 60 * 1000)

    def _on_idle(self) -> None:
        if self.window is not None and not self.locked:
            self.lock()

    def lock(self) -> None:
        """Hide every top-level window (the main window, open cards and dialogs, message boxes)
        behind the lock dialog; after the unlock show them again, as they were."""
        if self.window is None or self.locked:
            return
        from desk.ui.login import LockDialog

        self.locked = True
        self.idle_timer.stop()
        accounts, actor = self.ctx.services.accounts, self.ctx.actor
        self.ctx.run_in_worker(lambda: accounts.lock(actor), lambda _r: None, lambda _e: None)
        hidden = self._hide_all()
        dialog = LockDialog(self.ctx)
        self.lock_dialog = dialog
        result = dialog.exec()
        self.lock_dialog = None
        self.locked = False
        if result == dialog.DialogCode.Accepted and dialog.actor is not None:
            changed = dialog.actor.role != self.ctx.actor.role or dialog.actor.service_ids != self.ctx.actor.service_ids
            self.ctx.actor = dialog.actor
            if changed:
                self._drop(hidden)
                self._reopen()
            else:
                self._show_again(hidden)
                self._restart_idle_timer()
        else:
            self._drop(hidden)
            self.logout()

    def _hide_all(self) -> list[QWidget]:
        hidden = []
        for widget in QApplication.topLevelWidgets():
            if not widget.isVisible():
                continue
            if widget.windowType() in (Qt.WindowType.Popup, Qt.WindowType.ToolTip):
                widget.close()  # menus, completer lists, tooltips: gone, not restored
                continue
            if isinstance(widget, QDialog):
                widget.setProperty(RESUME_PROPERTY, True)  # its exec() goes on after the unlock
            widget.hide()
            hidden.append(widget)
        hidden.sort(key=lambda widget: widget is not self.window)  # the main window first
        return hidden

    @staticmethod
    def _show_again(hidden: list[QWidget]) -> None:
        alive = [widget for widget in hidden if isValid(widget)]
        for widget in alive:  # in the order they were found: the main window first, dialogs on top
            widget.show()
        if alive:
            alive[-1].activateWindow()

    @staticmethod
    def _drop(hidden: list[QWidget]) -> None:
        """Logged out or reopened with other rights: the hidden dialogs end as cancelled."""
        for widget in hidden:
            if isValid(widget) and isinstance(widget, QDialog):
                widget.setProperty(RESUME_PROPERTY, False)
                widget.reject()

    def change_password(self) -> None:
        """File menu: the person changes their own password (the current one, the new one twice)."""
        from desk.ui.login import OwnPasswordDialog

        dialog = OwnPasswordDialog(self.ctx, self.ctx.actor, None, self.window)
        if dialog.exec() == dialog.DialogCode.Accepted and self.window is not None:
            _message(self.window, translate("Session", "Your password was changed."))

    def logout(self) -> None:
        self._close_window()
        if self.log_in():
            self.open_window()
        else:
            self.app.quit()

    def _close_window(self) -> None:
        if self.window is not None:
            self._closing_for_switch = True
            self.app.removeEventFilter(self)
            self.window.close()
            self.window.deleteLater()
            self.window = None
            self._closing_for_switch = False

    def _reopen(self) -> None:
        self._close_window()
        self.open_window()

    # -- role changes elsewhere ------------------------------------------------------------------

    def _on_data_changed(self, topics: frozenset[str]) -> None:
        if {Topic.SETTINGS, Topic.ANY} & set(topics):
            self.load_idle_minutes()
        if self.window is None or self._refreshing or self.ctx.actor.staff_id is None:
            return
        if not ({Topic.STAFF, Topic.ANY} & set(topics)):
            return
        self._refreshing = True
        accounts, actor = self.ctx.services.accounts, self.ctx.actor
        self.ctx.run_in_worker(lambda: accounts.refresh_actor(actor), self._refreshed,
                               lambda _e: setattr(self, "_refreshing", False))

    def _refreshed(self, fresh: Actor | None) -> None:
        self._refreshing = False
        if self.window is None:
            return
        if fresh is None:
            _message(self.window, translate("Session", "Your account was deactivated. You are logged out."))
            self.logout()
        elif fresh.role != self.ctx.actor.role or fresh.service_ids != self.ctx.actor.service_ids:
            self.ctx.actor = fresh
            if not self.locked:
                _message(self.window, translate("Session", "Your role or services were changed. "
                                                           "The window reopens with your new rights."))
                self._reopen()

    # -- daily tasks -----------------------------------------------------------------------------

    def run_daily_tasks(self) -> None:
        services = self.ctx.services
        system = Actor.system("daily tasks")

        def work() -> list[str]:
            done = []
            try:
                # SQLite only: on PostgreSQL the server is backed up (pg_dump by cron), not
                # every workstation into its own folder
                if services.is_sqlite and services.backup.run_daily_backup(system) is not None:
                    done.append("backup")
            except Exception as error:  # noqa: BLE001 - reported in the status bar, never fatal
                done.append("backup-failed: " + error_text(error))
            report = services.privacy.run_daily_purge(system)
            if report is not None:
                done.append("purge")
            return done

        def finished(done: list[str]) -> None:
            for item in done:
                if item.startswith("backup-failed: "):
                    self.ctx.events.sig_status_message.emit(
                        translate("Session", "The daily backup failed: {reason}").format(
                            reason=item.removeprefix("backup-failed: ")))

        self.ctx.run_in_worker(work, finished, lambda e: log.warning("daily tasks failed: %s", e))

    def run_reminders(self) -> None:
        """Send the reminders due now, off the GUI thread. Every workstation does this; the
        database claim makes each reminder go out once (docs/REMINDERS.md)."""
        if self._reminders_running:
            return
        self._reminders_running = True
        services = self.ctx.services
        system = dataclasses.replace(Actor.system("reminders"),
                                     workstation=f"{socket.gethostname()}/{os.getpid()}")

        def finished(report) -> None:
            self._reminders_running = False
            if report.sent or report.failed:
                log.info("reminders: %d sent, %d failed", report.sent, report.failed)

        def failed(error) -> None:
            self._reminders_running = False
            log.warning("reminders failed: %s", error)

        self.ctx.run_in_worker(lambda: services.reminders.run_due(system), finished, failed)

    # -- events ------------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        kind = event.type()
        if (kind == QEvent.Type.KeyPress and not self.locked and self.window is not None
                and QApplication.activeModalWidget() is not None
                and event.keyCombination().toCombined() == QKeySequence(LOCK_SHORTCUT)[0].toCombined()):
            QTimer.singleShot(0, self.lock)  # a modal dialog blocks the window's shortcut: Ctrl+L locks there too
            return True
        if kind in _ACTIVITY and not self.locked and self.window is not None:
            if not self.idle_timer.isActive() or self.idle_timer.remainingTime() < self.idle_timer.interval() - 1000:
                self._restart_idle_timer()
        elif kind == QEvent.Type.Close and watched is self.window and not self._closing_for_switch:
            QTimer.singleShot(0, self.app.quit)
        return False


def wait_for_worker(ctx: UiContext, function: Callable[[], T]) -> T:
    """`function()` in a worker while the GUI thread keeps handling events (a local event loop),
    for the few steps that must finish before the next one starts (which dialog the start
    shows). Raises what `function` raised."""
    outcome: list[tuple[bool, object]] = []
    loop = QEventLoop()

    def finish(ok: bool, value: object) -> None:
        outcome.append((ok, value))
        loop.quit()

    ctx.run_in_worker(function, lambda value: finish(True, value), lambda error: finish(False, error))
    if not outcome:
        loop.exec()
    ok, value = outcome[0]
    if not ok:
        raise value  # type: ignore[misc]
    return value  # type: ignore[return-value]


def _message(parent: QWidget | None, text: str) -> None:
    box = QMessageBox(QMessageBox.Icon.Information, "desk", text, parent=parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.exec()


def quick_check(services: DeskServices) -> str | None:
    """SQLite's quick_check (off the GUI thread: ~0.6 s for 70 MB). None: in order; else why not."""
    try:
        report = services.backup.check(Actor.system("start-up check"), quick=True)
    except Exception as error:  # noqa: BLE001 - any failure to read the file means "damaged"
        return error_text(error)
    if report.ok:
        return None
    return "; ".join(report.integrity[:3] + report.foreign_keys[:3])


def offer_restore(ctx: UiContext, reason: str) -> None:
    """The file is damaged: offer the latest good backup (the damaged file is kept), or say how.
    Finding and restoring the backup run in workers (wait_for_worker): the GUI stays live."""
    services = ctx.services
    system = Actor.system("start-up check")
    try:
        latest = wait_for_worker(ctx, lambda: services.backup.latest_good_backup(system))
    except Exception:  # noqa: BLE001
        latest = None
    text = translate("Session", "The database {database} is damaged ({reason}).").format(
        database=services.database_name, reason=reason)
    if latest is None:
        text += "\n\n" + translate("Session", "No good backup was found. Ask your administrator; on the "
                                              "command line: desk-admin check, desk-admin restore FILE.")
        _message(None, text)
        return
    box = QMessageBox(QMessageBox.Icon.Critical, "desk", text + "\n\n" + translate(
        "Session", "Restore the latest good backup {file}? The damaged file is kept. "
                   "Changes since that backup are lost.").format(file=str(latest)))
    box.setTextFormat(Qt.TextFormat.PlainText)
    restore = box.addButton(translate("Session", "&Restore backup"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(translate("Session", "&Quit"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    if box.clickedButton() is restore:
        try:
            wait_for_worker(ctx, lambda: services.backup.restore(system, latest))
        except Exception as error:  # noqa: BLE001
            _message(None, error_text(error))
            return
        _message(None, translate("Session", "The backup was restored. Start desk again."))


def announce_reapplied_erasures(services: DeskServices) -> None:
    """After a restore, the start erased again everyone erased since that backup: say so first."""
    from desk.domain.tickets import format_client_number

    again = services.reapplied_erasures()
    if again:
        _message(None, translate(
            "Session", "A backup was restored. Before anyone can work, desk erased again the {count} "
                       "client(s) erased after that backup (from the ledger of erasures): {numbers}. "
                       "This is recorded in the audit log.").format(
            count=len(again), numbers=", ".join(format_client_number(i) for i in again[:50])))


def start_ui(
    app: QApplication,
    services: DeskServices,
    settings: UiSettings,
    *,
    display: bool = False,
    kiosk: bool = False,
    screen: int | None = None,
    full_screen: bool = True,
    demo_accounts: Sequence[DemoAccount] = (),
) -> int:
    events = AppEvents()
    if display:
        from desk.ui.display import open_display

        window = open_display(services, settings, events, screen=screen, full_screen=full_screen)
        result = app.exec()
        del window
        return result
    if kiosk:
        from desk.ui.kiosk import open_kiosk

        window = open_kiosk(UiContext(services=services, actor=Actor.kiosk(), events=events, settings=settings),
                            full_screen=full_screen)
        result = app.exec()
        del window
        return result
    ctx = UiContext(services=services, actor=Actor.login_screen(), events=events, settings=settings)
    app.setQuitOnLastWindowClosed(False)
    session = Session(app, ctx, demo_accounts=demo_accounts)
    announce_reapplied_erasures(services)
    if services.is_sqlite:  # checked while the login dialog is already shown
        ctx.run_in_worker(lambda: quick_check(services), session.on_start_check, lambda _e: None)
    if not session.log_in():
        if session.damaged is not None:
            offer_restore(ctx, session.damaged)
            return 1
        return 0
    session.open_window()
    session.run_daily_tasks()
    session.daily_timer.start()
    session.reminder_timer.start()
    result = app.exec()
    session.idle_timer.stop()
    session.daily_timer.stop()
    session.reminder_timer.stop()
    session._close_window()
    return result
