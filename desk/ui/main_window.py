"""The main window: navigation between the views, menus, status bar, live updates."""

from __future__ import annotations

import importlib
import time

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QScrollArea,
    QStackedWidget,
    QWidget,
)

from desk import __version__
from desk.domain.permissions import Permission, allowed
from desk.domain.topics import Topic
from desk.ui.app_icon import set_window_icon
from desk.ui.context import BaselineGate, UiContext
from desk.ui.crash import open_log_folder
from desk.ui.i18n import install_language, translate
from desk.ui.live import LiveUpdates
from desk.ui.views.registry import VIEWS, ViewSpec


class MainWindow(QMainWindow):
    def __init__(self, ctx: UiContext, *, live_updates: bool = True) -> None:
        super().__init__()
        self.first_frame_at: float | None = None  # wall clock when the first frame was drawn (event())
        self.ctx = ctx
        self.setObjectName("MainWindow")
        set_window_icon(self)
        self._specs: list[ViewSpec] = [v for v in VIEWS if allowed(ctx.actor.role, v.permission)]
        self._views: dict[str, QWidget] = {}

        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(190)
        self.stack = QStackedWidget()
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        for spec in self._specs:
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            self.nav.addItem(item)
            placeholder = QWidget()
            placeholder.setObjectName(f"placeholder-{spec.key}")
            self.stack.addWidget(placeholder)
        self.nav.currentRowChanged.connect(self._on_nav_row_changed)

        self._build_menus()
        self.db_label = QLabel()
        self.db_label.setTextFormat(Qt.TextFormat.PlainText)
        self.user_label = QLabel()
        self.user_label.setTextFormat(Qt.TextFormat.PlainText)
        self.state_label = QLabel()
        self.state_label.setTextFormat(Qt.TextFormat.PlainText)
        self.statusBar().addWidget(self.state_label, 1)
        self.statusBar().addPermanentWidget(self.user_label)
        self.statusBar().addPermanentWidget(self.db_label)
        ctx.events.sig_status_message.connect(lambda text: self.statusBar().showMessage(text, 5000))
        ctx.events.sig_database_state.connect(self._on_database_state)
        ctx.events.sig_language_changed.connect(lambda _language: self.retranslate())
        ctx.events.sig_language_changed.connect(lambda _language: self._retranslate_views())

        self.live: LiveUpdates | None = None
        self._live_before_first_frame: list[frozenset[Topic]] = []
        # the views' loads (started below) run once the live thread has taken its baseline, on
        # their pool threads: each view loads once, and no commit before the baseline is missed
        ctx.baseline_gate = BaselineGate() if live_updates else None
        if live_updates:
            self.live = LiveUpdates(ctx.services, self, gate=ctx.baseline_gate)
            self.live.sig_changed.connect(self._on_live_changed)
            self.live.sig_state.connect(ctx.events.sig_database_state)
            self.live.start()

        from desk.ui.alarm import install_waitlist_hooks

        self.waitlist_hooks = install_waitlist_hooks(self)  # silent alarm, display menu entry, end of day
        self.retranslate()
        start = ctx.settings.last_view
        keys = [s.key for s in self._specs]
        self.nav.setCurrentRow(keys.index(start) if start in keys else 0)
        self.resize(1280, 800)

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if event.type() == QEvent.Type.Paint and self.first_frame_at is None:
            self.first_frame_at = time.time()  # the wall clock: `desk --measure-startup` ends its figure here
            QTimer.singleShot(0, self, self._after_first_paint)
        return handled

    def _after_first_paint(self) -> None:
        """Start-up work nothing on the first frame depends on, once that frame is drawn (issue 21):
        the name index (a second of CPU at 50,000 clients in a worker; it would compete for the
        interpreter with the GUI thread building the window) and the font check (a status bar
        hint). A search typed before the index is built waits for it in its worker, as before."""
        ctx = self.ctx
        waiting, self._live_before_first_frame = self._live_before_first_frame, []
        for topics in waiting:
            self._on_live_changed(topics)
        if allowed(ctx.actor.role, Permission.CLIENT_SEARCH):
            # build the name index off the GUI thread now, not on the first keystroke
            ctx.run_in_worker(lambda: ctx.services.clients.prepare_search(ctx.actor), lambda _count: None,
                              lambda _error: None)
        from desk.ui.fonts import uncovered_scripts

        missing = uncovered_scripts()
        if missing:  # names in these scripts would show as boxes: say what to install (~10 ms check)
            self.statusBar().showMessage(translate(
                "MainWindow", "No font for {scripts}: some names may show as boxes. Install the Noto fonts "
                "(see docs/ACCESSIBILITY.md).").format(scripts=", ".join(missing)), 60_000)

    # -- views ---------------------------------------------------------------------------

    def view(self, key: str) -> QWidget:
        """The view for `key`, built on first use."""
        if key not in self._views:
            index = [s.key for s in self._specs].index(key)
            spec = self._specs[index]
            module_name, class_name = spec.target.split(":")
            try:
                view_class = getattr(importlib.import_module(module_name), class_name)
                widget = view_class(self.ctx, self)
            except ModuleNotFoundError as error:
                if error.name != module_name:
                    raise
                widget = QLabel(translate("MainWindow", "This view is not available in this version."))
                widget.setAlignment(Qt.AlignmentFlag.AlignCenter)
            widget.setObjectName(f"view-{key}")
            # each view in a scroll area: with a large font a view wider than the screen scrolls
            # instead of pushing the window past a 1366x768 screen (a stack is as wide as its widest page)
            page = QScrollArea()
            page.setObjectName(f"page-{key}")
            page.setWidgetResizable(True)
            page.setFrameShape(QFrame.Shape.NoFrame)
            page.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            page.setWidget(widget)
            old = self.stack.widget(index)
            self.stack.removeWidget(old)
            old.deleteLater()
            self.stack.insertWidget(index, page)
            self._views[key] = widget
        return self._views[key]

    def _retranslate_views(self) -> None:
        """Views that set `rebuild_on_language_change = True` are built afresh (their texts are set
        once); every other view retranslates itself (DeskView hooks the language signal once)."""
        for key, widget in list(self._views.items()):
            if getattr(widget, "rebuild_on_language_change", False):
                index = [s.key for s in self._specs].index(key)
                was_current = self.stack.currentIndex() == index
                del self._views[key]
                fresh = self.view(key)  # replaces the old page in the stack and deletes it
                if was_current:
                    self.stack.setCurrentIndex(index)
                    on_shown = getattr(fresh, "on_shown", None)
                    if callable(on_shown):
                        on_shown()

    def current_view(self) -> QWidget | None:
        """The view on show (the stack's pages are scroll areas around the views)."""
        row = self.stack.currentIndex()
        return self._views.get(self._specs[row].key) if 0 <= row < len(self._specs) else None

    def show_view(self, key: str) -> None:
        keys = [s.key for s in self._specs]
        if key in keys:
            self.nav.setCurrentRow(keys.index(key))

    def _on_nav_row_changed(self, row: int) -> None:
        if row < 0:
            return
        spec = self._specs[row]
        widget = self.view(spec.key)
        self.stack.setCurrentIndex(row)
        self.ctx.settings.last_view = spec.key
        on_shown = getattr(widget, "on_shown", None)
        if callable(on_shown):
            on_shown()

    def _on_live_changed(self, topics: frozenset[Topic]) -> None:
        if self.first_frame_at is None and self.isVisible():
            # a change that early, or the reload of every view the live thread asks for when a view
            # read before its baseline (the server slow or away at start, see BaselineGate), waits
            # for the first frame: start-up shows the window first (issue 21), and the reload
            # would pull in the name index and the calendars' holidays before it
            self._live_before_first_frame.append(topics)
            return
        self.ctx.live_changed(topics)  # caches, then the views (this window's own commits left out)

    def _on_database_state(self, reachable: bool, message: str) -> None:
        if reachable:
            self.state_label.setText("")
        else:
            self.state_label.setText(translate("MainWindow", "Database not reachable, data may be stale: {message}")
                                     .format(message=message))

    # -- menus ---------------------------------------------------------------------------

    def _build_menus(self) -> None:
        self.file_menu = self.menuBar().addMenu("")
        self.quit_action = QAction(self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)
        self.file_menu.addAction(self.quit_action)

        self.view_menu = self.menuBar().addMenu("")
        self.view_actions: list[QAction] = []
        for spec in self._specs:
            action = QAction(self)
            action.setShortcut(QKeySequence(spec.shortcut))
            action.triggered.connect(lambda _checked=False, key=spec.key: self.show_view(key))
            self.view_menu.addAction(action)
            self.view_actions.append(action)

        self.language_menu = self.menuBar().addMenu("")
        self.language_actions: dict[str, QAction] = {}
        for code, label in (("de", "Deutsch"), ("en", "English")):
            action = QAction(label, self)
            action.setCheckable(True)
            action.triggered.connect(lambda _checked=False, c=code: self.set_language(c))
            self.language_menu.addAction(action)
            self.language_actions[code] = action

        self.help_menu = self.menuBar().addMenu("")
        self.shortcuts_action = QAction(self)
        self.shortcuts_action.setShortcut(QKeySequence(Qt.Key.Key_F1))
        self.shortcuts_action.triggered.connect(self.show_shortcuts)
        self.help_menu.addAction(self.shortcuts_action)
        self.guide_action = QAction(self)
        self.guide_action.setShortcut(QKeySequence("Shift+F1"))
        self.guide_action.triggered.connect(self.show_first_day_guide)
        self.help_menu.addAction(self.guide_action)
        self.log_folder_action = QAction(self)
        self.log_folder_action.triggered.connect(open_log_folder)
        self.help_menu.addAction(self.log_folder_action)
        self.about_action = QAction(self)
        self.about_action.triggered.connect(self._show_about)
        self.help_menu.addAction(self.about_action)

    def set_language(self, language: str) -> None:
        language = install_language(language)
        self.ctx.settings.language = language
        self.ctx.events.sig_language_changed.emit(language)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(translate("MainWindow", "desk – reception and appointments"))
        for row, spec in enumerate(self._specs):
            title = QCoreApplication.translate("views", spec.title)
            self.nav.item(row).setText(title)
            native = QKeySequence(spec.shortcut).toString(QKeySequence.SequenceFormat.NativeText)
            self.nav.item(row).setToolTip(f"{title} ({native})")
            self.view_actions[row].setText(title)
        self.file_menu.setTitle(translate("MainWindow", "&File"))
        self.quit_action.setText(translate("MainWindow", "&Quit"))
        self.view_menu.setTitle(translate("MainWindow", "&View"))
        self.language_menu.setTitle(translate("MainWindow", "&Language"))
        self.help_menu.setTitle(translate("MainWindow", "&Help"))
        self.about_action.setText(translate("MainWindow", "&About desk"))
        self.log_folder_action.setText(translate("MainWindow", "Open the &log folder"))
        self.shortcuts_action.setText(translate("MainWindow", "&Keyboard shortcuts"))
        self.guide_action.setText(translate("MainWindow", "&First day at reception"))
        from desk.ui.i18n import current_language

        for code, action in self.language_actions.items():
            action.setChecked(code == current_language())
        self.nav.setAccessibleName(translate("MainWindow", "Views"))
        role_names = {
            "empfang": translate("MainWindow", "Reception"),
            "beratung": translate("MainWindow", "Counselling"),
            "leitung": translate("MainWindow", "Head of department"),
            "display": translate("MainWindow", "Display"),
        }
        self.user_label.setText(f"{self.ctx.actor.name} ({role_names[self.ctx.actor.role.value]})")
        self.db_label.setText(self.ctx.services.database_name)

    def show_shortcuts(self) -> None:
        from desk.ui.help.dialogs import ShortcutsDialog

        ShortcutsDialog(self).exec()

    def show_first_day_guide(self) -> None:
        from desk.ui.help.dialogs import FirstDayGuide

        FirstDayGuide(self).exec()

    def _show_about(self) -> None:
        box = QMessageBox(self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setWindowTitle(translate("MainWindow", "About desk"))
        box.setText(translate("MainWindow", "desk {version}\nReception and appointment desk of the migration centre.\n"
                                     "Database: {database}").format(version=__version__,
                                                                    database=self.ctx.services.database_name))
        box.exec()

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt API
        self.ctx.settings.window_geometry = self.saveGeometry()
        if self.live is not None:
            self.live.stop()
        # logout or exit: the searches' list reads go to the audit log now, not after their delay
        self.ctx.services.write_list_reads_soon()
        super().closeEvent(event)
