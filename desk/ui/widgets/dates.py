"""DateEdit: every date field of the window, written as the window writes dates elsewhere
(`i18n.fmt_date`): 24.12.2026 in German, 24/12/2026 in English, also after a language switch while
it is open; its calendar popup names the months in the window's language.

Typing is forgiving the way a volunteer types a date: `24.12.2026`, `24/12/2026`, `24-12-2026`,
`7.3.2027` and `24122026` all give that day in either language. Qt alone jumps to the next part
after two digits of the day *and* again at the dot that follows (`7.3.2027` became 07.01.3202),
and ignores a separator that is not the field's own (`1.2.2027` in the English field became
12/02); here a separator right after such a jump is swallowed, and any of `. / -` counts as the
field's own. A pasted date with either separator (or as 2026-12-24) is taken too.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QDate, QEvent, QLocale, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDateEdit, QWidget

from desk.ui.i18n import qt_date_format

SEPARATORS = frozenset("./-")
"""What a person types between day, month and year (either language's, and the ISO dash)."""

_BETWEEN_DIGITS = re.compile(r"(?<=\d)\s*[./-]\s*(?=\d)")
_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$")
_KEYS = {".": Qt.Key.Key_Period, "/": Qt.Key.Key_Slash, "-": Qt.Key.Key_Minus}
_SHORTCUT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.MetaModifier


class DateEdit(QDateEdit):
    """A QDateEdit in the window's date format, with a calendar popup unless `popup=False`."""

    def __init__(self, day: QDate | None = None, parent: QWidget | None = None, *, popup: bool = True) -> None:
        super().__init__(parent)
        if day is not None:
            self.setDate(day)
        self.setCalendarPopup(popup)
        self._jumped = False  # the last key was a digit that moved on to the next part
        self.follow_language()

    def separator(self) -> str:
        """The separator the field shows ("." or "/")."""
        return next((ch for ch in self.displayFormat() if ch in SEPARATORS), ".")

    def follow_language(self) -> None:
        """Show the current language's format (and calendar); the date stays."""
        day = self.date()
        self.setLocale(QLocale())
        if self.calendarPopup():
            self.calendarWidget().setLocale(QLocale())
        if self.displayFormat() != qt_date_format():
            self.setDisplayFormat(qt_date_format())
            self.setDate(day)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.LanguageChange:
            self.follow_language()
        super().changeEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        text = event.text()
        # Shift is how a German keyboard types "/" (Shift+7); Ctrl, Alt or Meta make it a shortcut
        if text and text in SEPARATORS and not event.modifiers() & _SHORTCUT:
            if self._jumped:  # Qt already moved on after the last digit: this separator is that step
                self._jumped = False
                event.accept()
                return
            own = self.separator()
            if text != own:
                event = QKeyEvent(event.type(), _KEYS[own], event.modifiers(), own)
            super().keyPressEvent(event)
            return
        before = self.currentSectionIndex()
        super().keyPressEvent(event)
        self._jumped = text.isdigit() and self.currentSectionIndex() != before

    def focusOutEvent(self, event) -> None:  # noqa: N802 - Qt API
        self._jumped = False
        super().focusOutEvent(event)

    def validate(self, text: str, pos: int) -> object:
        """A date pasted or typed with any separator: written with the field's own one first."""
        own = self.separator()
        iso = _ISO.match(text)
        fixed = own.join(reversed(iso.groups())) if iso else _BETWEEN_DIGITS.sub(own, text)
        if fixed != text:
            pos = min(pos, len(fixed))
        return super().validate(fixed, pos)
