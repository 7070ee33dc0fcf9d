"""The UI's clock: what time it is for every view ("now", aware, in UTC), asked in one place.

Every view, dialog and model that depends on the moment (the week the room calendar opens on,
today's appointments and their "late" marks, the waiting times, the day a dialog proposes, the
report's period, the display's clock, "not up to date since ...") asks `now()` or `centre_today()`
here, never `datetime.now()` nor Qt's own current-date functions (they read the system clock
behind Python's back): tests/unit/test_architecture.py checks that no other clock is read in
desk/ui. By default it is the services' system clock; `set_clock(...)` puts the whole UI on
another one (the UI tests' `ui_clock` fixture: the same `FixedClock` as the services they use).

"Today" is the centre's day in Europe/Berlin, the zone every time is shown in (desk.ui.i18n):
a PC whose system clock runs in UTC (or a terminal server elsewhere) must still open the day
the people at the desk are living in, also between midnight and 01:00/02:00 Berlin time."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QDate

from desk.domain.tickets import BERLIN
from desk.services.clock import Clock, system_clock

_clock: Clock = system_clock


def now() -> datetime:
    """The UI's "now" (aware, UTC)."""
    return _clock()


def set_clock(clock: Clock | None) -> Clock:
    """Run the whole UI on `clock` (None: the system clock again); returns the clock it replaces."""
    global _clock
    previous, _clock = _clock, clock or system_clock
    return previous


def qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def centre_today() -> date:
    """Today's date at the centre (Europe/Berlin), from the UI's clock."""
    return now().astimezone(BERLIN).date()


def today() -> QDate:
    """Today's date at the centre as a QDate."""
    return qdate(centre_today())
