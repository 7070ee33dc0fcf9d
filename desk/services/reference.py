"""Reference data (services, rooms, staff) and business settings, cached per process."""

from __future__ import annotations

from typing import Any

from desk.domain.model import RoomRow, ServiceRow, StaffRow
from desk.domain.permissions import Permission
from desk.domain.settings import BY_KEY, BusinessSettings, check_setting, check_together
from desk.domain.topics import Topic
from desk.services.accounts import ensure_current
from desk.services.audit import record
from desk.services.context import Actor
from desk.services.gate import requires
from desk.storage.uow import UnitOfWorkFactory


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
    def settings(self, actor: Actor) -> BusinessSettings:
        """Every business setting, typed, defaults filled in (desk.domain.settings)."""
        with self._uow() as uow:
            return uow.settings.business()

    @requires(Permission.SETTINGS_MANAGE)
    def change_setting(self, actor: Actor, key: str, value: Any) -> None:
        """`value` in its stored form (BusinessSettings.stored); refused outside the bounds of
        desk.domain.settings; re-reads the acting account's role."""
        self._change(actor, {key: value})

    @requires(Permission.SETTINGS_MANAGE)
    def change_settings(self, actor: Actor, values: dict[str, Any]) -> int:
        """Several settings in their stored form, all or nothing (the settings page's Save): every
        value is checked before any is written, so one bad value leaves the others unsaved too.
        Returns how many changed."""
        return self._change(actor, values)

    def _change(self, actor: Actor, values: dict[str, Any]) -> int:
        checked = {key: check_setting(key, value) for key, value in values.items()}
        with self._uow(write=True) as uow:
            ensure_current(uow, actor, Permission.SETTINGS_MANAGE)
            current = uow.settings.business()
            check_together({key: checked.get(key, current.stored(key)) for key in BY_KEY})
            changed = 0
            for key, value in checked.items():
                old = current.stored(key)
                if old == value:
                    continue
                uow.settings.set(key, value)
                record(uow, actor, "setting.change", entity_type="setting",
                       details={"key": key, "old": old, "new": value})
                changed += 1
            if changed:
                uow.touch(Topic.SETTINGS)
                uow.commit()
        return changed
