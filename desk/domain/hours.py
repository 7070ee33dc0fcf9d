"""Opening hours written as text: "Mo 09:00-12:00, Do 14:00-16:00" (German or English weekday
abbreviations; "–" or "-"). One parser and one formatter for the Verwaltung dialog and desk-admin."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from desk.domain.errors import ValidationError
from desk.domain.model import ServiceHours
from desk.domain.public_holidays import is_holiday
from desk.domain.tickets import BERLIN

#: A walk-in may take a ticket at the kiosk this long before a service's consultation hours begin
#: (at nine o'clock there is a queue at the door: those people must get their numbers).
KIOSK_EARLY = timedelta(minutes=30)
#: How far ahead the next consultation hours are looked for.
OPENING_HORIZON_DAYS = 21

_DAYS = {
    "mo": 0, "mon": 0, "di": 1, "tue": 1, "tu": 1, "mi": 2, "wed": 2, "we": 2, "do": 3, "thu": 3, "th": 3,
    "fr": 4, "fri": 4, "sa": 5, "sat": 5, "so": 6, "sun": 6, "su": 6,
    # written out, as a German head types them ("Montag 9-12")
    "montag": 0, "dienstag": 1, "mittwoch": 2, "donnerstag": 3, "freitag": 4, "samstag": 5, "sonnabend": 5,
    "sonntag": 6, "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
}
DAY_NAMES = {"de": ("Mo", "Di", "Mi", "Do", "Fr", "Sa", "So"), "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")}
# "Mo 09:00-12:00", also as typed: "Di 9-12", "Montag 9 - 12 Uhr", "Mo-Fr 9.30-12" (a range of days)
_DAY = r"([^\W\d_]{2,10})\.?"
_TIME = r"(\d{1,2})(?:[:.](\d{2}))?"
_BLOCK = re.compile(rf"^\s*{_DAY}(?:\s*(?:[-–]|bis|to)\s*{_DAY})?\s+{_TIME}\s*(?:uhr\s*)?(?:[-–]|bis|to)\s*{_TIME}"
                    rf"\s*(?:uhr)?\s*$", re.IGNORECASE)


def _named(part: str) -> str:
    """The block as an error names it: a pasted screenful would hide the rest of the sentence."""
    part = part.strip()
    return part if len(part) <= 40 else part[:39] + "\u2026"


def parse_hours(text: str) -> tuple[ServiceHours, ...]:
    """Blocks separated by commas or semicolons; empty text: no open hours."""
    blocks = []
    for part in re.split(r"[,;\n]", text or ""):
        if not part.strip():
            continue
        match = _BLOCK.match(part)
        first = _DAYS.get(match.group(1).lower()) if match else None
        last = first if match is None or match.group(2) is None else _DAYS.get(match.group(2).lower())
        if match is None or first is None or last is None or last < first:
            raise ValidationError("Opening hours: {part} is not like \"Mo 09:00-12:00\".", part=_named(part))
        try:
            start = time(int(match.group(3)), int(match.group(4) or 0))
            end = time(int(match.group(5)), int(match.group(6) or 0))
        except ValueError:
            raise ValidationError("Opening hours: {part} is not like \"Mo 09:00-12:00\".",
                                  part=_named(part)) from None
        if end <= start:  # "Mo 12:00-09:00": a typo the kiosk would read as closed all Monday
            raise ValidationError("Opening hours: in {part} the end must be after the start.", part=_named(part))
        blocks.extend(ServiceHours(day, start, end) for day in range(first, last + 1))
    return tuple(sorted(blocks, key=lambda h: (h.weekday, h.start)))


def format_hours(hours: Iterable[ServiceHours], language: str = "de") -> str:
    names = DAY_NAMES.get(language, DAY_NAMES["de"])
    return ", ".join(f"{names[h.weekday]} {h.start:%H:%M}-{h.end:%H:%M}" for h in hours)


def open_at(hours: Iterable[ServiceHours], moment: datetime) -> bool:
    """Whether `moment` (aware) falls into one of the blocks, on the centre's wall clock."""
    local = moment.astimezone(BERLIN)
    return any(h.weekday == local.weekday() and h.start <= local.time() < h.end for h in hours)


@dataclass(frozen=True, slots=True)
class Opening:
    """One block of consultation hours on a real day (aware, Berlin wall time)."""

    starts_at: datetime
    ends_at: datetime


def next_opening(hours: Iterable[ServiceHours], moment: datetime) -> Opening | None:
    """The block of consultation hours going on at `moment`, else the next one; a public holiday
    of Baden-Württemberg has none (the centre is closed). None: no hours within three weeks."""
    blocks = sorted(hours, key=lambda h: (h.weekday, h.start))
    local = moment.astimezone(BERLIN)
    for offset in range(OPENING_HORIZON_DAYS + 1):
        day = local.date() + timedelta(days=offset)
        if is_holiday(day):
            continue
        for h in blocks:
            if h.weekday != day.weekday():
                continue
            block = Opening(datetime.combine(day, h.start, tzinfo=BERLIN), datetime.combine(day, h.end, tzinfo=BERLIN))
            if block.ends_at > moment:
                return block
    return None


def kiosk_open(hours: tuple[ServiceHours, ...], moment: datetime) -> tuple[bool, Opening | None]:
    """Whether the kiosk gives tickets for a service at `moment`, and its current or next block.
    A service without consultation hours is not limited (as at reception); one with hours from
    KIOSK_EARLY before a block until its end."""
    if not hours:
        return True, None
    block = next_opening(hours, moment)
    return (block is not None and block.starts_at - KIOSK_EARLY <= moment), block
