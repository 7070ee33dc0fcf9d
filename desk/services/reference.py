"""Reference data (services, rooms, staff) and business settings, cached per process."""

from __future__ import annotations

from typing import Any

from desk.domain.errors import ValidationError
from desk.domain.model import RoomRow, ServiceRow, StaffRow
from desk.domain.permissions import Permission
from desk.domain.settings import check_setting
from desk.domain.topics import Topic
from desk.services.accounts import ensure_current
from desk.services.audit import record
from desk.services.context import Actor
from desk.services.gate import requires
from desk.storage.uow import UnitOfWorkFactory

#: Defaults of the business settings; the database holds only what was changed.
DEFAULT_SETTINGS: dict[str, Any] = {
    "centre_name": "Migrationszentrum der Diakonischen Bezirksstelle Balingen",
    "centre_address": "Auf dem Graben 13/15, 72336 Balingen",
    "closing_time": "16:30",
    "wait_warning_minutes": 20,
    "wait_alarm_minutes": 45,
    "partner_organisations": ["Caritas", "DRK"],
    "idle_lock_minutes": 10,
    "report_min_count": 3,
    # opening hours of the group room: the base of its occupancy in the reports
    "report_room_hours": {"weekdays": [0, 1, 2, 3, 4], "start": "08:00", "end": "20:00"},
    "retention_months": {
        "visits": 12,
        "appointments": 12,
        "bookings": 24,
        "inactive_clients": 12,
        "audit_log": 24,
    },
}


class ReferenceService:
    def __init__(self, uow: UnitOfWorkFactory) -> None:
        self._uow = uow
        self._services: list[ServiceRow] | None = None
        self._rooms: list[RoomRow] | None = None

    def invalidate(self) -> None:
        self._services = None
        self._rooms = None

    @requires(Permission.READ_REFERENCE)
    def services(self, actor: Actor, *, active_only: bool = False) -> list[ServiceRow]:
        if self._services is None:
            with self._uow() as uow:
                self._services = uow.reference.services()
        return [s for s in self._services if s.active or not active_only]

    @requires(Permission.READ_REFERENCE)
    def rooms(self, actor: Actor) -> list[RoomRow]:
        if self._rooms is None:
            with self._uow() as uow:
                self._rooms = uow.reference.rooms()
        return list(self._rooms)

    @requires(Permission.READ_REFERENCE)
    def staff(self, actor: Actor) -> list[StaffRow]:
        with self._uow() as uow:
            return uow.reference.staff()

    @requires(Permission.READ_REFERENCE)
    def setting(self, actor: Actor, key: str) -> Any:
        with self._uow() as uow:
            return uow.settings.get(key, DEFAULT_SETTINGS.get(key))

    @requires(Permission.READ_REFERENCE)
    def settings(self, actor: Actor) -> dict[str, Any]:
        with self._uow() as uow:
            return {**DEFAULT_SETTINGS, **uow.settings.all()}

    @requires(Permission.SETTINGS_MANAGE)
    def change_setting(self, actor: Actor, key: str, value: Any) -> None:
        """Refused outside the bounds of desk.domain.settings; re-reads the acting account's role."""
        if key not in DEFAULT_SETTINGS:
            raise ValidationError("Unknown setting {key}.", key=key)
        value = check_setting(key, value)
        with self._uow(write=True) as uow:
            ensure_current(uow, actor, Permission.SETTINGS_MANAGE)
            old = uow.settings.get(key, DEFAULT_SETTINGS[key])
            uow.settings.set(key, value)
            record(uow, actor, "setting.change", entity_type="setting", details={"key": key, "old": old, "new": value})
            uow.touch(Topic.SETTINGS)
            uow.commit()
