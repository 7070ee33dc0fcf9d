"""The display window (see the package docstring)."""

from __future__ import annotations

import time
from datetime import datetime

from PySide6.QtCore import QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QFontMetrics, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from desk.domain.model import DisplayCallRow
from desk.domain.topics import Topic
from desk.services.context import Actor
from desk.services.desk import DeskServices
from desk.ui import clock as ui_clock
from desk.ui.app_icon import set_window_icon
from desk.ui.context import BaselineGate, UiContext
from desk.ui.display.phrases import phrase
from desk.ui.display.sound import Gong
from desk.ui.events import AppEvents
from desk.ui.i18n import fmt_time
from desk.ui.settings import UiSettings

HISTORY = 5
POLL_MS = 3000  # safety net besides the live-update signal
STALE_AFTER_S = 2 * POLL_MS / 1000
"""A read outstanding this long (server gone, cable pulled: the driver waits for its timeout) is
shown as a lost connection, like a read that failed; the last calls stay on the screen."""
RELOAD_TOPICS = frozenset({Topic.DISPLAY, Topic.ANY})
SEEN_KEPT = 2000


class FitLabel(QLabel):
    """A label whose text is never cut: it wraps between words (never inside one) onto at most
    `max_lines` lines and shrinks its type until the text fits its width; it asks the layout for
    the height the wrapped text needs. A cut room name would send a person to the wrong door."""

    MIN_POINT_SIZE = 8

    def __init__(self, point_size: int, max_lines: int) -> None:
        super().__init__()
        self.base_point_size = point_size
        self.max_lines = max_lines
        self.fewer_lines = False  # True: take fewer lines if the type stays at least 3/4 as large
        self.scale = 1.0
        self._height = 0  # what the wrapped text needs; the layout gets it from sizeHint
        self.setWordWrap(max_lines > 1)

    def setText(self, text: str) -> None:  # noqa: N802 - Qt API
        super().setText(text)
        self.fit()

    def set_scale(self, scale: float) -> None:
        self.scale = scale
        self.fit()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self.fit()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        self.fit()

    def _needs(self, font: QFont, width: int, lines: int) -> tuple[bool, int]:
        """(fits, height): every word fits `width` and the wrapped text takes at most `lines`."""
        metrics = QFontMetrics(font)
        text = self.text()
        if any(metrics.horizontalAdvance(word) > width for word in text.split()):
            return False, 0
        flags = int(self.alignment().value) | (int(Qt.TextFlag.TextWordWrap.value) if self.wordWrap() else 0)
        box = metrics.boundingRect(QRect(0, 0, width, 100_000), flags, text)
        return box.width() <= width and box.height() <= lines * metrics.lineSpacing() + 2, box.height()

    def _largest(self, width: int, lines: int) -> tuple[int, int]:
        """(point size, height): the largest type, at most the scaled design size, that fits."""
        font = QFont(self.font())
        size = max(self.MIN_POINT_SIZE, int(self.base_point_size * self.scale))
        font.setPointSize(size)
        fits, height = self._needs(font, width, lines)
        while not fits and size > self.MIN_POINT_SIZE:
            size = max(self.MIN_POINT_SIZE, size - max(1, size // 12))
            font.setPointSize(size)
            fits, height = self._needs(font, width, lines)
        return size, max(height, QFontMetrics(font).height())

    def fit(self) -> None:
        if not self.isVisible():
            return  # its width is not known before the layout placed it (showEvent fits it)
        margins = self.contentsMargins()
        width = self.width() - margins.left() - margins.right()
        font = QFont(self.font())
        size = max(self.MIN_POINT_SIZE, int(self.base_point_size * self.scale))
        font.setPointSize(size)
        height = QFontMetrics(font).height()
        if self.text() and width > 0:
            # the big call reads better on fewer lines ("Gruppen- und / Besprechungsraum" rather
            # than one word a line) if that costs at most a quarter of the type size
            fewest = 1 if self.fewer_lines else self.max_lines
            options = [self._largest(width, lines) for lines in range(fewest, self.max_lines + 1)]
            size, height = next(o for o in options if o[0] * 4 >= options[-1][0] * 3)
        font.setPointSize(size)
        if font != self.font():
            self.setFont(font)
        needed = height + margins.top() + margins.bottom()
        if self._height != needed:
            self._height = needed
            self.updateGeometry()

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt API
        return False  # the height is computed in fit() for the width the label has

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        margins = self.contentsMargins()
        one_line = self.fontMetrics().horizontalAdvance(self.text()) + margins.left() + margins.right()
        return QSize(one_line, self._height or self.fontMetrics().height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return self.sizeHint()


def _label(point_size: int, *, bold: bool = False, colour: str = "#ffffff", name: str = "",
           max_lines: int = 2) -> FitLabel:
    label = FitLabel(point_size, max_lines)
    label.setTextFormat(Qt.TextFormat.PlainText)  # nothing on this screen is ever rich text
    label.setObjectName(name)
    font = QFont()
    font.setPointSize(point_size)
    font.setBold(bold)
    label.setFont(font)
    label.setStyleSheet(f"color: {colour};")
    # big type must never force the window wider than the screen: fonts scale in resizeEvent
    label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Minimum)
    return label


class DisplayWindow(QWidget):
    sig_new_call = Signal(object)
    """A call newer than any shown before arrived (the DisplayCallRow); the gong sounds."""

    def __init__(self, services: DeskServices, events: AppEvents, *, gong: Gong | None = None,
                 settings: UiSettings | None = None, baseline_gate: BaselineGate | None = None) -> None:
        """`baseline_gate`: the reads wait for the live-update thread's baseline (open_display)."""
        super().__init__()
        self.setObjectName("WaitingRoomDisplay")
        set_window_icon(self)
        self.actor = Actor.display()
        # the reads run through the one worker machinery (ctx.run_in_worker on the global pool), never
        # on the GUI thread: an unreachable server must not freeze the full-screen display
        self.ctx = UiContext(services=services, actor=self.actor, events=events,  # type: ignore[arg-type]
                             settings=settings, baseline_gate=baseline_gate)  # the display reads no settings
        self.gong = gong if gong is not None else Gong(self)
        self.calls: list[DisplayCallRow] = []
        # call -> when this display first saw it (a counter): the order shown. A call that commits
        # a moment after one with a higher id (two PCs on PostgreSQL) is still new here. A call is
        # its id with its ticket and time: SQLite gives the id of an undone call to the next one
        self._seen: dict[tuple[int, str, datetime], int] = {}
        self._seen_count = 0
        self._loaded = False
        self._failed_since: datetime | None = None
        self._reading_since: tuple[float, datetime] | None = None  # (monotonic, wall clock) of the read out
        self._read_again = False  # a change arrived while a read was out: one more read after it
        self.setStyleSheet("QWidget#WaitingRoomDisplay { background: #10243e; }")
        self.setAutoFillBackground(True)

        self.title = _label(28, bold=True, colour="#9cc3ff", name="title")
        self.clock = _label(28, colour="#9cc3ff", name="clock", max_lines=1)
        self.current = _label(110, bold=True, name="current", max_lines=3)
        self.current.fewer_lines = True
        self.current.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.phrase_de = _label(40, name="phraseGerman", max_lines=3)
        self.phrase_de.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.phrase_other = _label(40, colour="#ffe08a", name="phraseOther", max_lines=3)
        self.phrase_other.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.history_title = _label(20, colour="#9cc3ff", name="historyTitle")
        self.history = [_label(32, bold=True, colour="#d6e4ff", name=f"history{i}", max_lines=3) for i in range(HISTORY)]
        self.state = _label(16, colour="#ffb4a8", name="state")

        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(self.clock)
        self.clock.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.clock.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        main = QVBoxLayout()
        main.addStretch(1)
        main.addWidget(self.current)
        main.addWidget(self.phrase_de)
        main.addWidget(self.phrase_other)
        main.addStretch(1)
        line = QFrame()
        line.setFrameShape(QFrame.Shape.VLine)
        line.setStyleSheet("color: #35557f;")
        side = QVBoxLayout()
        side.addWidget(self.history_title)
        for label in self.history:
            side.addWidget(label)
        side.addStretch(1)
        grid = QGridLayout(self)
        grid.setContentsMargins(40, 24, 40, 24)
        grid.addLayout(header, 0, 0, 1, 3)
        grid.addLayout(main, 1, 0)
        grid.addWidget(line, 1, 1)
        grid.addLayout(side, 1, 2)
        grid.addWidget(self.state, 2, 0, 1, 3)
        grid.setColumnStretch(0, 5)
        grid.setColumnStretch(2, 3)

        for sequence in ("Escape", "Ctrl+Q"):
            QShortcut(QKeySequence(sequence), self, activated=self.close)
        events.sig_data_changed.connect(self._on_data_changed)
        events.sig_language_changed.connect(lambda _l: self.retranslate())
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self.refresh)
        self.timer.start()
        self.clock_timer = QTimer(self)
        self.clock_timer.setInterval(10_000)
        self.clock_timer.timeout.connect(self._tick)
        self.clock_timer.start()
        self.retranslate()
        self.refresh()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        """Type sizes are designed for 1920x1080 and scale with the window; each label then
        shrinks its own type further if its text would not fit (FitLabel)."""
        scale = max(0.35, min(self.width() / 1920, self.height() / 1080))
        for label in self.findChildren(FitLabel):
            label.set_scale(scale)
        super().resizeEvent(event)

    def retranslate(self) -> None:
        # The waiting room reads German first; the interface language of the PC does not matter.
        self.setWindowTitle(self.tr("Waiting-room display"))
        self.title.setText("Aufruf · Call · نداء · Виклик")
        self.history_title.setText("Zuletzt aufgerufen · Last calls")
        self.setAccessibleName(self.tr("Waiting-room display"))
        self._tick()
        self._render()

    def _tick(self) -> None:
        self.clock.setText(fmt_time(ui_clock.now()))

    def _on_data_changed(self, topics: frozenset[str]) -> None:
        if topics & RELOAD_TOPICS:
            self.refresh()

    @property
    def services(self) -> DeskServices:
        return self.ctx.services

    @property
    def loaded(self) -> bool:
        """The first read has arrived (what is shown is the database's, not the empty start)."""
        return self._loaded

    @property
    def reading(self) -> bool:
        """A read of the last calls is out in a worker."""
        return self._reading_since is not None

    def refresh(self) -> None:
        """Read the last few calls of today in a worker; at most one read is out at a time (a
        change arriving meanwhile reads once more after it). What is shown stays until the answer
        comes; a read that fails, or takes longer than STALE_AFTER_S, shows the lost connection."""
        if self._reading_since is not None:
            self._read_again = True
            started, since = self._reading_since
            if time.monotonic() - started >= STALE_AFTER_S:
                self._show_lost(since)
            return
        self._read_again = False
        self._reading_since = (time.monotonic(), ui_clock.now())
        services, actor = self.services, self.actor
        self.ctx.run_in_worker(lambda: services.waitlist.display_calls(actor, limit=HISTORY + 1),
                               self._read_done, self._read_failed, receiver=self)

    def _read_done(self, calls: list[DisplayCallRow]) -> None:
        self._reading_since = None
        self._failed_since = None
        self.state.setText("")
        self.apply(calls)
        self._read_more()

    def _read_failed(self, _error: Exception) -> None:
        # the display never crashes and never shows an error box; it says it is not current
        since = self._reading_since[1] if self._reading_since else ui_clock.now()
        self._reading_since = None
        self._show_lost(since)
        self._read_more()

    def _read_more(self) -> None:
        if self._read_again:
            self.refresh()

    def _show_lost(self, since: datetime) -> None:
        if self._failed_since is None:
            self._failed_since = since
        self.state.setText(f"Keine Verbindung zur Datenbank seit {fmt_time(self._failed_since)} · "
                           f"No connection since {fmt_time(self._failed_since)}")

    def apply(self, calls: list[DisplayCallRow]) -> None:
        # the first load shows what was called before the display started, silently; after it
        # every new call chimes - the first call of the day too ("no call yet" is a load, too)
        first_load = not self._loaded
        self._loaded = True
        fresh = sorted((c for c in calls if _identity(c) not in self._seen), key=lambda c: c.id)
        for call in fresh:
            self._seen_count += 1
            self._seen[_identity(call)] = self._seen_count
        if len(self._seen) > SEEN_KEPT and calls:  # a display runs for weeks: forget what was read long ago
            oldest = min(c.id for c in calls)
            self._seen = {key: n for key, n in self._seen.items() if key[0] >= oldest}
        # the call seen last is the big one, whatever the clocks of the calling PCs said
        self.calls = sorted(calls, key=lambda c: self._seen.get(_identity(c), -1), reverse=True)
        self._render()
        if fresh and not first_load:
            self.gong.play()
            self.sig_new_call.emit(fresh[-1])

    def _render(self) -> None:
        if not self.calls:
            self.current.setText("")
            self.phrase_de.setText("Bitte warten Sie, Sie werden aufgerufen.")
            self.phrase_other.setText("Please wait, you will be called.")
            self.phrase_other.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
            for label in self.history:
                label.setText("")
            return
        call = self.calls[0]
        self.current.setText(f"{call.ticket}  →  {call.room_label}")
        german = phrase("de")
        assert german is not None
        self.phrase_de.setText(german.render(call.ticket, call.room_label))
        other = phrase(call.language) if call.language and phrase(call.language) != german else None
        if other is None or other.language == "de":
            other = phrase("en")
        assert other is not None
        self.phrase_other.setText(other.render(call.ticket, call.room_label))
        direction = Qt.LayoutDirection.RightToLeft if other.rtl else Qt.LayoutDirection.LeftToRight
        self.phrase_other.setLayoutDirection(direction)
        for label, older in zip(self.history, self.calls[1:] + [None] * HISTORY, strict=False):
            label.setText(f"{older.ticket}  →  {older.room_label}" if older else "")


def _identity(call: DisplayCallRow) -> tuple[int, str, datetime]:
    return call.id, call.ticket, call.called_at


def open_display(services: DeskServices, settings: UiSettings, events: AppEvents, screen: int | None = None,
                 *, live_updates: bool = True, full_screen: bool = True) -> DisplayWindow:
    """Open the display on screen `screen` (default: the saved one, else the last screen)."""
    # the first read of the calls waits for the live thread's baseline: it reads once, and a call
    # made before the baseline is not missed (desk/ui/live.py)
    gate = BaselineGate() if live_updates else None
    window = DisplayWindow(services, events, settings=settings, baseline_gate=gate)
    if live_updates:
        from desk.ui.live import LiveUpdates

        live = LiveUpdates(services, window, gate=gate)
        live.sig_changed.connect(events.sig_data_changed)
        live.sig_state.connect(events.sig_database_state)
        live.start()
        window.destroyed.connect(live.stop)
        window._live = live  # keep it alive with the window
        original_close = window.closeEvent

        def close_event(event) -> None:
            live.stop()
            original_close(event)

        window.closeEvent = close_event  # type: ignore[method-assign]
    screens = QGuiApplication.screens()
    index = screen if screen is not None else (settings.display_screen if len(screens) > 1 else 0)
    if screen is None and len(screens) > 1 and settings.display_screen == 0:
        index = len(screens) - 1  # the waiting-room TV is usually the second screen
    target = screens[index] if 0 <= index < len(screens) else QGuiApplication.primaryScreen()
    window.setScreen(target)
    window.setGeometry(target.geometry())
    if full_screen:
        window.showFullScreen()
    else:
        window.show()
    return window
