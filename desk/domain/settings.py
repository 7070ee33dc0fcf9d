"""The business settings (Verwaltung -> Einstellungen): one registry with each setting's default,
bounds and label, and the typed object every reader uses.

- `SETTINGS` declares each setting once: key, label (English, translated in the UI: scripts/i18n.py
  collects it, context "settings"), kind, default (in its stored form) and bounds. The service
  refuses a value outside them (`check_setting`), the settings page is built from the registry.
- `BusinessSettings` is what readers get (`uow.settings.business()`, `ReferenceService.settings`):
  typed attributes, defaults filled in. The database holds only what was changed, as JSON.

Adding a setting: a `_setting(...)` line in `SETTINGS`, a field of the same name in
`BusinessSettings`, then `python scripts/i18n.py update` and translate its label
(docs/ARCHITECTURE.md, "Add a setting").
"""

from __future__ import annotations

import enum
import logging
import re
from dataclasses import dataclass, field, fields
from typing import Any

from desk.domain.errors import ValidationError
from desk.domain.text import clean_text

log = logging.getLogger(__name__)

_TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")


class Kind(enum.Enum):
    TEXT = "text"  # one line; high = the longest length
    TIME = "time"  # "HH:MM"
    NUMBER = "number"  # a whole number in [low, high]
    NAMES = "names"  # a list of short names; high = how many at most
    MONTHS = "months"  # months per kind: the parts, each a NUMBER
    ROOM_HOURS = "room_hours"  # {"weekdays": [0..6], "start": "HH:MM", "end": "HH:MM"}


@dataclass(frozen=True)
class Setting:
    key: str
    label: str  # English with its mnemonic, translated in the UI (context "settings")
    kind: Kind
    default: Any  # the stored (JSON) form
    low: int = 0
    high: int = 0
    unit: str = ""  # "minutes", "months": the UI writes it after the number
    parts: tuple[Setting, ...] = ()  # MONTHS: one NUMBER per kind
    on_page: bool = True  # shown on the Verwaltung settings page

    def check(self, value: Any, *, key: str = "") -> Any:
        """The value to store, or ValidationError naming the setting and its bounds."""
        key = key or self.key
        if self.kind is Kind.NUMBER:
            if isinstance(value, bool) or not isinstance(value, int):
                raise ValidationError("The setting {key} must be a whole number.", key=key)
            if not self.low <= value <= self.high:
                raise ValidationError("The setting {key} must lie between {low} and {high}.", key=key,
                                      low=self.low, high=self.high)
            return value
        if self.kind is Kind.TEXT:
            return clean_text(value, field=key, max_length=self.high)
        if self.kind is Kind.TIME:
            return _time(key, value)
        if self.kind is Kind.NAMES:
            if not isinstance(value, list | tuple) or len(value) > self.high:
                raise ValidationError("The setting {key} must be a list of at most {count} names.", key=key,
                                      count=self.high)
            return [name for name in (clean_text(v, field=key, max_length=100) for v in value) if name]
        if self.kind is Kind.MONTHS:
            parts = {p.key: p for p in self.parts}
            if not isinstance(value, dict) or set(value) - set(parts):
                raise ValidationError("The setting {key} must name only {kinds}.", key=key, kinds=", ".join(parts))
            return {kind: parts[kind].check(months, key=f"{key}.{kind}") for kind, months in value.items()}
        return _room_hours(key, value)

    def typed(self, stored: Any) -> Any:
        """The stored form as readers get it (lists become tuples; MONTHS is filled from the defaults)."""
        if self.kind is Kind.NAMES:
            return tuple(stored)
        if self.kind is Kind.MONTHS:
            return Retention(**{**self.default, **stored})
        if self.kind is Kind.ROOM_HOURS:
            return RoomHours(tuple(stored["weekdays"]), stored["start"], stored["end"])
        return stored

    def stored(self, typed: Any) -> Any:
        """The typed value in its stored (JSON) form: the inverse of `typed`."""
        if self.kind is Kind.NAMES:
            return list(typed)
        if self.kind is Kind.MONTHS:
            return {p.key: getattr(typed, p.key) for p in self.parts}
        if self.kind is Kind.ROOM_HOURS:
            return {"weekdays": list(typed.weekdays), "start": typed.start, "end": typed.end}
        return typed


def _setting(key: str, label: str, kind: Kind, default: Any, low: int = 0, high: int = 0, *, unit: str = "",
             parts: tuple[Setting, ...] = (), on_page: bool = True) -> Setting:
    return Setting(key, label, kind, default, low, high, unit, parts, on_page)


def _time(key: str, value: Any) -> str:
    if not isinstance(value, str) or not _TIME.match(value):
        raise ValidationError("The setting {key} must be a time of day (HH:MM).", key=key)
    return value


def _room_hours(key: str, value: Any) -> dict[str, Any]:
    if not isinstance(value, dict) or set(value) != {"weekdays", "start", "end"}:
        raise ValidationError("The setting {key} must give weekdays, start and end.", key=key)
    days = value["weekdays"]
    if not isinstance(days, list | tuple) or not all(isinstance(d, int) and not isinstance(d, bool) and 0 <= d <= 6
                                                     for d in days):
        raise ValidationError("The setting {key} must give weekdays 0 (Monday) to 6.", key=key)
    start, end = _time(key, value["start"]), _time(key, value["end"])
    if start >= end:
        raise ValidationError("The setting {key}: the end must come after the start.", key=key)
    return {"weekdays": sorted(set(days)), "start": start, "end": end}


#: The least retention of the audit log: who did what must be answerable for half a year.
AUDIT_MIN_RETENTION_MONTHS = 6

#: Every business setting, in the order of the settings page.
SETTINGS: tuple[Setting, ...] = (
    _setting("centre_name", "Centre &name:", Kind.TEXT,
             "Migrationszentrum der Diakonischen Bezirksstelle Balingen", high=200),
    _setting("centre_address", "&Address:", Kind.TEXT, "Auf dem Graben 13/15, 72336 Balingen", high=200),
    # the number clients call (reminders say "please call us"): unknown to desk until the head sets it
    _setting("centre_phone", "&Telephone:", Kind.TEXT, "", high=40),
    _setting("closing_time", "&Closing time:", Kind.TIME, "16:30"),
    _setting("wait_warning_minutes", "Waiting: &warning after:", Kind.NUMBER, 20, 1, 600, unit="minutes"),
    _setting("wait_alarm_minutes", "Waiting: &alarm after:", Kind.NUMBER, 45, 1, 600, unit="minutes"),
    _setting("idle_lock_minutes", "&Lock the window after idle:", Kind.NUMBER, 10, 1, 60, unit="minutes"),
    # counts below this are shown as "< n" in reports; 2 at least, or nothing would be hidden
    _setting("report_min_count", "Reports: hide counts &below:", Kind.NUMBER, 3, 2, 50),
    _setting("partner_organisations", "&Partner organisations (one per line):", Kind.NAMES, ["Caritas", "DRK"],
             high=50),
    # opening hours of the group room: the base of its occupancy in the reports
    _setting("report_room_hours", "Group room opening hours (reports):", Kind.ROOM_HOURS,
             {"weekdays": [0, 1, 2, 3, 4], "start": "08:00", "end": "20:00"}, on_page=False),
    _setting("retention_months", "Retention (months after the last contact)", Kind.MONTHS,
             {"visits": 12, "appointments": 12, "bookings": 24, "inactive_clients": 12, "audit_log": 24},
             parts=(
                 _setting("visits", "&Visits (then anonymised):", Kind.NUMBER, 12, 1, 240, unit="months"),
                 _setting("appointments", "Appoint&ments (then anonymised):", Kind.NUMBER, 12, 1, 240,
                          unit="months"),
                 _setting("bookings", "Room &bookings (then deleted):", Kind.NUMBER, 24, 1, 240, unit="months"),
                 _setting("inactive_clients", "&Inactive clients (then erased):", Kind.NUMBER, 12, 1, 240,
                          unit="months"),
                 _setting("audit_log", "Au&dit log (at least 6):", Kind.NUMBER, 24, AUDIT_MIN_RETENTION_MONTHS, 240,
                          unit="months"),
             )),
)

BY_KEY: dict[str, Setting] = {s.key: s for s in SETTINGS}


@dataclass(frozen=True)
class Retention:
    """Months after the last contact, per kind of record (setting retention_months)."""
    visits: int
    appointments: int
    bookings: int
    inactive_clients: int
    audit_log: int

    def months(self) -> dict[str, int]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


@dataclass(frozen=True)
class RoomHours:
    weekdays: tuple[int, ...]
    start: str  # "HH:MM"
    end: str


@dataclass(frozen=True)
class BusinessSettings:
    """Every business setting, typed, defaults filled in (one field per entry of `SETTINGS`)."""
    centre_name: str
    centre_address: str
    centre_phone: str
    closing_time: str  # "HH:MM"
    wait_warning_minutes: int
    wait_alarm_minutes: int
    idle_lock_minutes: int
    report_min_count: int
    partner_organisations: tuple[str, ...]
    report_room_hours: RoomHours
    retention_months: Retention
    #: stored values that broke the rules (written by hand or an old version): their defaults are used
    replaced: tuple[str, ...] = field(default=(), compare=False)

    @classmethod
    def from_stored(cls, stored: dict[str, Any]) -> BusinessSettings:
        """The stored values over the defaults. A stored value outside the rules is not used: the
        default is, the key is listed in `replaced` and logged (never a silent guess)."""
        values: dict[str, Any] = {}
        replaced: list[str] = []
        for setting in SETTINGS:
            value = setting.default
            if setting.key in stored:
                try:
                    value = setting.check(stored[setting.key])
                except ValidationError:
                    log.warning("setting %s: the stored value breaks its rules; the default is used", setting.key)
                    replaced.append(setting.key)
            values[setting.key] = setting.typed(value)
        return cls(**values, replaced=tuple(replaced))

    @classmethod
    def defaults(cls) -> BusinessSettings:
        return cls.from_stored({})

    def stored(self, key: str) -> Any:
        """One setting in its stored (JSON) form."""
        return BY_KEY[key].stored(getattr(self, key))


def check_setting(key: str, value: Any) -> Any:
    """The value to store, or ValidationError naming the setting and its bounds."""
    setting = BY_KEY.get(key)
    if setting is None:
        raise ValidationError("Unknown setting {key}.", key=key)
    return setting.check(value)


def check_together(stored: dict[str, Any]) -> None:
    """Rules between settings (every setting in its stored form, as it would be saved)."""
    if not stored["centre_name"]:  # the reports' title and the slips' letterhead
        raise ValidationError("{field} must not be empty.", field="Centre name")
    if stored["wait_alarm_minutes"] <= stored["wait_warning_minutes"]:
        raise ValidationError("The waiting-time alarm must come after the warning ({minutes} min).",
                              minutes=stored["wait_warning_minutes"])
