"""The bounds of the business settings (Verwaltung -> Einstellungen): the service refuses a value
outside them, and the settings form takes its ranges from here."""

from __future__ import annotations

import re
from typing import Any

from desk.domain.errors import ValidationError
from desk.domain.text import clean_text

#: whole-number settings: (lowest, highest)
NUMBER_BOUNDS: dict[str, tuple[int, int]] = {
    "wait_warning_minutes": (1, 600),
    "wait_alarm_minutes": (1, 600),
    "idle_lock_minutes": (1, 60),
    # counts below this are shown as "< n" in reports; 2 at least, or nothing would be hidden
    "report_min_count": (2, 50),
}
#: retention in months per kind
RETENTION_BOUNDS: dict[str, tuple[int, int]] = {
    "visits": (1, 240),
    "appointments": (1, 240),
    "bookings": (1, 240),
    "inactive_clients": (1, 240),
    "audit_log": (6, 240),
}
TEXT_LENGTHS = {"centre_name": 200, "centre_address": 200}
MAX_PARTNERS = 50
_TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")


def _number(key: str, value: Any, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError("The setting {key} must be a whole number.", key=key)
    if not low <= value <= high:
        raise ValidationError("The setting {key} must lie between {low} and {high}.", key=key, low=low, high=high)
    return value


def _time(key: str, value: Any) -> str:
    if not isinstance(value, str) or not _TIME.match(value):
        raise ValidationError("The setting {key} must be a time of day (HH:MM).", key=key)
    return value


def check_setting(key: str, value: Any) -> Any:
    """The value to store, or ValidationError naming the setting and its bounds."""
    if key in NUMBER_BOUNDS:
        return _number(key, value, *NUMBER_BOUNDS[key])
    if key in TEXT_LENGTHS:
        return clean_text(value, field=key, max_length=TEXT_LENGTHS[key])
    if key == "closing_time":
        return _time(key, value)
    if key == "partner_organisations":
        if not isinstance(value, list) or len(value) > MAX_PARTNERS:
            raise ValidationError("The setting {key} must be a list of at most {count} names.", key=key,
                                  count=MAX_PARTNERS)
        return [name for name in (clean_text(v, field=key, max_length=100) for v in value) if name]
    if key == "retention_months":
        if not isinstance(value, dict) or set(value) - set(RETENTION_BOUNDS):
            raise ValidationError("The setting {key} must name only {kinds}.", key=key,
                                  kinds=", ".join(RETENTION_BOUNDS))
        return {kind: _number(f"{key}.{kind}", months, *RETENTION_BOUNDS[kind]) for kind, months in value.items()}
    if key == "report_room_hours":
        if not isinstance(value, dict) or set(value) != {"weekdays", "start", "end"}:
            raise ValidationError("The setting {key} must give weekdays, start and end.", key=key)
        days = value["weekdays"]
        if not isinstance(days, list) or not all(isinstance(d, int) and not isinstance(d, bool) and 0 <= d <= 6
                                                 for d in days):
            raise ValidationError("The setting {key} must give weekdays 0 (Monday) to 6.", key=key)
        start, end = _time(key, value["start"]), _time(key, value["end"])
        if start >= end:
            raise ValidationError("The setting {key}: the end must come after the start.", key=key)
        return {"weekdays": sorted(set(days)), "start": start, "end": end}
    raise ValidationError("Unknown setting {key}.", key=key)
