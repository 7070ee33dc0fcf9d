"""Opening hours written as text: "Mo 09:00-12:00, Do 14:00-16:00" (German or English weekday
abbreviations; "–" or "-"). One parser and one formatter for the Verwaltung dialog and desk-admin."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime, time

from desk.domain.errors import ValidationError
from desk.domain.model import ServiceHours
from desk.domain.tickets import BERLIN

_DAYS = {
    "mo": 0, "mon": 0, "di": 1, "tue": 1, "tu": 1, "mi": 2, "wed": 2, "we": 2, "do": 3, "thu": 3, "th": 3,
    "fr": 4, "fri": 4, "sa": 5, "sat": 5, "so": 6, "sun": 6, "su": 6,
}
DAY_NAMES = {"de": ("Mo", "Di", "Mi", "Do", "Fr", "Sa", "So"), "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")}
_BLOCK = re.compile(r"^\s*([A-Za-z]{2,3})\.?\s+(\d{1,2})[:.](\d{2})\s*[-–]\s*(\d{1,2})[:.](\d{2})\s*$")


def parse_hours(text: str) -> tuple[ServiceHours, ...]:
    """Blocks separated by commas or semicolons; empty text: no open hours."""
    blocks = []
    for part in re.split(r"[,;\n]", text or ""):
        if not part.strip():
            continue
        match = _BLOCK.match(part)
        day = _DAYS.get(match.group(1).lower()) if match else None
        if match is None or day is None:
            raise ValidationError("Opening hours: {part} is not like \"Mo 09:00-12:00\".", part=part.strip())
        try:
            start = time(int(match.group(2)), int(match.group(3)))
            end = time(int(match.group(4)), int(match.group(5)))
        except ValueError:
            raise ValidationError("Opening hours: {part} is not like \"Mo 09:00-12:00\".",
                                  part=part.strip()) from None
        blocks.append(ServiceHours(day, start, end))
    return tuple(sorted(blocks, key=lambda h: (h.weekday, h.start)))


def format_hours(hours: Iterable[ServiceHours], language: str = "de") -> str:
    names = DAY_NAMES.get(language, DAY_NAMES["de"])
    return ", ".join(f"{names[h.weekday]} {h.start:%H:%M}-{h.end:%H:%M}" for h in hours)


def open_at(hours: Iterable[ServiceHours], moment: datetime) -> bool:
    """Whether `moment` (aware) falls into one of the blocks, on the centre's wall clock."""
    local = moment.astimezone(BERLIN)
    return any(h.weekday == local.weekday() and h.start <= local.time() < h.end for h in hours)
