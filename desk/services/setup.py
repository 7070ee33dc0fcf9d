"""Setting up the centre (Leitung): services (Fachdienste), rooms, and each person's room.

Nothing is ever deleted: a service or room that is no longer used is *deactivated*, so visits,
appointments, bookings and reports keep pointing at it; while dates lie ahead (a room's bookings,
a service's booked appointments) it stays on, the message naming how many and the first, since
they would vanish from the calendar or could not be checked in. A ticket prefix is unique (checked here
for a readable message, enforced by the unique constraint `uq_services_ticket_prefix`, so two
workstations saving at once cannot both win). Every change is one audited transaction that
touches the topic "reference": other workstations reload services and rooms within a second.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import time

from desk.domain.errors import ConflictError, NotFoundError, ValidationError
from desk.domain.model import RoomKind, RoomRow, ServiceHours, ServiceRow
from desk.domain.permissions import Permission
from desk.domain.text import clean_text
from desk.domain.tickets import BERLIN
from desk.domain.topics import Topic
from desk.services.audit import record
from desk.services.clock import Clock, system_clock
from desk.services.context import Actor
from desk.services.gate import requires
from desk.storage.uow import UnitOfWork, UnitOfWorkFactory

_PREFIX = re.compile(r"[A-Z]")
_CODE = re.compile(r"[A-Z0-9]{1,16}")
#: Kinds of rooms the head of department can create (the reception desk exists once, from the seed).
ROOM_KINDS = (RoomKind.OFFICE, RoomKind.GROUP, RoomKind.KITCHEN)


@dataclass(frozen=True)
class ServiceInput:
    name_de: str
    ticket_prefix: str
    name_en: str = ""
    code: str = ""  # a new service: short code for reports (default: the prefix); fixed afterwards
    hours: tuple[ServiceHours, ...] = ()
    active: bool = True


@dataclass(frozen=True)
class RoomInput:
    name: str
    kind: RoomKind
    bookable: bool = True
    display_label: str = ""  # shown on the waiting-room display and in narrow calendar columns
    capacity: int = 0
    active: bool = True


def _clean_service(data: ServiceInput) -> dict:
    name_de = clean_text(data.name_de, field="Name", max_length=200)
    if not name_de:
        raise ValidationError("{field} must not be empty.", field="Name")
    name_en = clean_text(data.name_en, field="Name (English)", max_length=200) or name_de
    prefix = clean_text(data.ticket_prefix, field="Ticket prefix", max_length=1).upper()
    if not _PREFIX.fullmatch(prefix):
        raise ValidationError("The ticket prefix is one letter from A to Z.")
    hours = tuple(data.hours)
    for h in hours:
        if not (0 <= h.weekday <= 6 and isinstance(h.start, time) and isinstance(h.end, time) and h.start < h.end):
            raise ValidationError("Opening hours: each block needs a weekday and a start before its end.")
    ordered = sorted(hours, key=lambda h: (h.weekday, h.start))
    for a, b in zip(ordered, ordered[1:], strict=False):
        if a.weekday == b.weekday and b.start < a.end:
            raise ValidationError("Opening hours: two blocks on the same day overlap.")
    return {"name_de": name_de, "name_en": name_en, "ticket_prefix": prefix, "active": bool(data.active),
            "hours": tuple(ordered)}


#: What the waiting-room display shows of a room (rooms.display_label, display_calls.room_label).
DISPLAY_LABEL_MAX = 60


def _clean_room(data: RoomInput) -> dict:
    name = clean_text(data.name, field="Name", max_length=200)
    if not name:
        raise ValidationError("{field} must not be empty.", field="Name")
    label = clean_text(data.display_label, field="Shown on the display as", max_length=DISPLAY_LABEL_MAX) or name
    if len(label) > DISPLAY_LABEL_MAX:
        # the display would cut the name (a cut room name sends a person to the wrong door); the
        # column holds 60 characters, and PostgreSQL refused the whole room with a database error
        raise ValidationError("A room name longer than {max} characters does not fit the waiting-room display: "
                              "please enter a shorter “{field}”.", max=DISPLAY_LABEL_MAX,
                              field="Shown on the display as")
    kind = RoomKind(data.kind)
    if not isinstance(data.capacity, int) or not 0 <= data.capacity <= 500:
        raise ValidationError("The number of seats must be between 0 and 500.")
    return {"name": name, "kind": kind.value, "bookable": bool(data.bookable), "display_label": label,
            "capacity": data.capacity, "active": bool(data.active)}


def _hours_text(hours: Iterable[ServiceHours]) -> list[str]:
    return [f"{h.weekday}:{h.start:%H:%M}-{h.end:%H:%M}" for h in hours]


class SetupService:
    def __init__(self, uow: UnitOfWorkFactory, *, clock: Clock | None = None) -> None:
        self._uow = uow
        self._clock = clock or system_clock

    # -- services --------------------------------------------------------------------------

    @requires(Permission.SETTINGS_MANAGE)
    def create_service(self, actor: Actor, data: ServiceInput) -> ServiceRow:
        values = _clean_service(data)
        code = clean_text(data.code, field="Code", max_length=16).upper() or values["ticket_prefix"]
        if not _CODE.fullmatch(code):
            raise ValidationError("The code is 1 to 16 letters or digits.")
        with self._uow(write=True) as uow:
            services = uow.reference.services()
            if any(s.code == code for s in services):
                raise ConflictError("The code {code} is taken.", code=code)
            self._prefix_free(services, values["ticket_prefix"], None)
            service_id = uow.reference.add_service(code=code, **values)
            record(uow, actor, "service.create", entity_type="service", entity_id=service_id,
                   details={"code": code, "name": values["name_de"], "prefix": values["ticket_prefix"],
                            "active": values["active"], "hours": _hours_text(values["hours"])})
            uow.touch(Topic.REFERENCE)
            row = self._service(uow, service_id)
            uow.commit()
        return row

    @requires(Permission.SETTINGS_MANAGE)
    def change_service(self, actor: Actor, service_id: int, data: ServiceInput) -> ServiceRow:
        """Name, prefix, opening hours, active: one audited change (only what differs is recorded)."""
        values = _clean_service(data)
        with self._uow(write=True) as uow:
            services = uow.reference.services()
            before = next((s for s in services if s.id == service_id), None)
            if before is None:
                raise NotFoundError("This service does not exist (any more).")
            self._prefix_free(services, values["ticket_prefix"], service_id)
            if before.active and not values["active"]:
                self._service_free(uow, before)
            changes = {}
            for key, old in (("name_de", before.name_de), ("name_en", before.name_en),
                             ("ticket_prefix", before.ticket_prefix), ("active", before.active)):
                if values[key] != old:
                    changes[key] = [old, values[key]]
            if values["hours"] != tuple(before.hours):
                changes["hours"] = [_hours_text(before.hours), _hours_text(values["hours"])]
            if not changes:
                return before
            uow.reference.update_service(service_id, **values)
            record(uow, actor, "service.change", entity_type="service", entity_id=service_id,
                   details={"code": before.code, **changes})
            uow.touch(Topic.REFERENCE)
            row = self._service(uow, service_id)
            uow.commit()
        return row

    # -- rooms -----------------------------------------------------------------------------

    @requires(Permission.SETTINGS_MANAGE)
    def create_room(self, actor: Actor, data: RoomInput) -> RoomRow:
        values = _clean_room(data)
        if RoomKind(values["kind"]) not in ROOM_KINDS:
            raise ValidationError("A new room is an office, a group room or a kitchen.")
        with self._uow(write=True) as uow:
            self._room_name_free(uow, values["name"], None)
            room_id = uow.reference.add_room(**values)
            record(uow, actor, "room.create", entity_type="room", entity_id=room_id,
                   details={k: values[k] for k in ("name", "kind", "bookable", "display_label", "active")})
            uow.touch(Topic.REFERENCE, Topic.BOOKINGS)
            row = self._room(uow, room_id)
            uow.commit()
        return row

    @requires(Permission.SETTINGS_MANAGE)
    def change_room(self, actor: Actor, room_id: int, data: RoomInput) -> RoomRow:
        values = _clean_room(data)
        with self._uow(write=True) as uow:
            before = self._room(uow, room_id)
            if RoomKind(values["kind"]) is not before.kind and RoomKind(values["kind"]) not in ROOM_KINDS:
                raise ValidationError("A new room is an office, a group room or a kitchen.")
            self._room_name_free(uow, values["name"], room_id)
            if (before.active and before.bookable) and not (values["active"] and values["bookable"]):
                self._room_free(uow, before)
            old = {"name": before.name, "kind": before.kind.value, "bookable": before.bookable,
                   "display_label": before.display_label, "capacity": before.capacity, "active": before.active}
            changes = {k: [old[k], values[k]] for k in old if old[k] != values[k]}
            if not changes:
                return before
            uow.reference.update_room(room_id, **values)
            record(uow, actor, "room.change", entity_type="room", entity_id=room_id,
                   details={"room": before.name, **changes})
            uow.touch(Topic.REFERENCE, Topic.BOOKINGS)
            row = self._room(uow, room_id)
            uow.commit()
        return row

    # -- helpers ---------------------------------------------------------------------------

    @staticmethod
    def _prefix_free(services: list[ServiceRow], prefix: str, own_id: int | None) -> None:
        taken = next((s for s in services if s.ticket_prefix == prefix and s.id != own_id), None)
        if taken is not None:
            raise ConflictError("The ticket prefix {prefix} is already used by {service}.",
                                prefix=prefix, service=taken.name_de)

    def _service_free(self, uow: UnitOfWork, service: ServiceRow) -> None:
        """A service is switched off only without booked appointments ahead: a client booked with
        it could not be checked in on the day (no ticket for an inactive service). People waiting
        today keep their place (history stays; the end of the day closes them)."""
        count, first = uow.reference.service_appointments_from(service.id, self._clock())
        if count:
            raise ConflictError(
                "{service} still has booked appointments ({count}, the first on {date}): clients could not be "
                "checked in for them. Move or cancel them in the appointments view first.",
                service=service.name_de, count=count, date=first.astimezone(BERLIN).date())

    def _room_free(self, uow: UnitOfWork, room: RoomRow) -> None:
        """A room leaves the calendar only when nothing is booked in it any more: its dates would
        vanish from every view while the people still come."""
        count, first = uow.reference.room_bookings_from(room.id, self._clock())
        if count:
            raise ConflictError(
                "{room} is still booked ({count} dates from now on, the first on {date}). Move or cancel "
                "those dates in the room calendar first.",
                room=room.name, count=count, date=first.astimezone(BERLIN).date())

    @staticmethod
    def _room_name_free(uow: UnitOfWork, name: str, own_id: int | None) -> None:
        if any(r.name.casefold() == name.casefold() and r.id != own_id for r in uow.reference.rooms()):
            raise ConflictError("A room named {name} already exists.", name=name)

    @staticmethod
    def _service(uow: UnitOfWork, service_id: int) -> ServiceRow:
        return next(s for s in uow.reference.services() if s.id == service_id)

    @staticmethod
    def _room(uow: UnitOfWork, room_id: int) -> RoomRow:
        room = next((r for r in uow.reference.rooms() if r.id == room_id), None)
        if room is None:
            raise NotFoundError("This room does not exist (any more).")
        return room
