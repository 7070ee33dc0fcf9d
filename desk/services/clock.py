"""The services' clock: what time it is ("now", aware, in UTC), asked in one place.

Every rule that depends on the moment (a booking that is already over, the dates of a series
still to come, the day's appointments, the horizon of an open-ended series) asks the clock its
service was built with, never the wall clock: `build_services(db, clock=...)` or
`services.clock = ...` runs every service at a chosen moment (tests, scripted runs). The `now=`
parameters the methods take override it for one call.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

Clock = Callable[[], datetime]


def system_clock() -> datetime:
    return datetime.now(UTC)


class FixedClock:
    """A clock that stands still at `moment` until it is set or advanced."""

    def __init__(self, moment: datetime) -> None:
        self.set(moment)

    def __call__(self) -> datetime:
        return self._moment

    def set(self, moment: datetime) -> None:
        if moment.tzinfo is None:
            raise ValueError("a clock's moment needs a time zone")
        self._moment = moment.astimezone(UTC)

    def advance(self, delta: timedelta) -> datetime:
        self._moment += delta
        return self._moment
