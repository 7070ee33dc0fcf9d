"""Services (Fachdienste), rooms and staff: small tables read by every view."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime

from sqlalchemy import delete, func, select, text, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from desk.domain.errors import ConflictError
from desk.domain.model import (
    AppointmentStatus,
    Role,
    RoomKind,
    RoomRow,
    ServiceHours,
    ServiceRow,
    StaffRow,
)
from desk.domain.seed import ROOMS, SERVICES
from desk.storage.models import (
    Appointment,
    BookingOccurrence,
    Room,
    Service,
    ServiceHour,
    Staff,
    StaffService,
)


class ReferenceRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    # -- seed -----------------------------------------------------------------------------

    def serialize_seed(self) -> None:
        """PostgreSQL: one first seeding at a time (several PCs starting on a new database)."""
        from desk.storage import migrate

        if self.session.get_bind().dialect.name == "postgresql" and migrate.SERIALISE_FIRST_START:
            self.session.execute(text("SELECT pg_advisory_xact_lock(6060603)"))

    def is_seeded(self) -> bool:
        return bool(self.session.scalar(select(func.count()).select_from(Service)))

    def seed(self) -> None:
        """The rooms and services of the grant application, on an empty database."""
        for order, spec in enumerate(SERVICES):
            service = Service(
                code=spec.code,
                name_de=spec.name_de,
                name_en=spec.name_en,
                ticket_prefix=spec.ticket_prefix,
                fte=spec.fte,
                fte_balingen=spec.fte_balingen,
                active=spec.active,
                sort_order=order,
            )
            self.session.add(service)
            self.session.flush()
            for weekday, start, end in spec.hours:
                self.session.add(
                    ServiceHour(service_id=service.id, weekday=weekday, start_time=start, end_time=end)
                )
        for order, room in enumerate(ROOMS):
            self.session.add(
                Room(
                    name=room.name,
                    kind=room.kind.value,
                    capacity=room.capacity,
                    bookable=room.bookable,
                    active=True,
                    display_label=room.display_label,
                    sort_order=order,
                )
            )
        self.session.flush()

    # -- reads ------------------------------------------------------------------------------

    def services(self) -> list[ServiceRow]:
        hours: dict[int, list[ServiceHours]] = defaultdict(list)
        for h in self.session.scalars(select(ServiceHour).order_by(ServiceHour.weekday, ServiceHour.start_time)):
            hours[h.service_id].append(ServiceHours(h.weekday, h.start_time, h.end_time))
        return [
            ServiceRow(
                id=s.id,
                code=s.code,
                name_de=s.name_de,
                name_en=s.name_en,
                ticket_prefix=s.ticket_prefix,
                active=s.active,
                fte=s.fte,
                fte_balingen=s.fte_balingen,
                hours=tuple(hours.get(s.id, ())),
            )
            for s in self.session.scalars(select(Service).order_by(Service.sort_order, Service.id))
        ]

    def rooms(self) -> list[RoomRow]:
        return [
            RoomRow(
                id=r.id,
                name=r.name,
                kind=RoomKind(r.kind),
                capacity=r.capacity,
                bookable=r.bookable,
                active=r.active,
                display_label=r.display_label or r.name,
            )
            for r in self.session.scalars(select(Room).order_by(Room.sort_order, Room.id))
        ]

    def staff(self) -> list[StaffRow]:
        links: dict[int, set[int]] = defaultdict(set)
        for link in self.session.scalars(select(StaffService)):
            links[link.staff_id].add(link.service_id)
        return [_staff_row(s, links.get(s.id, set())) for s in self.session.scalars(select(Staff).order_by(Staff.display_name))]

    def staff_by_username(self, username: str) -> Staff | None:
        """For the accounts service inside storage only (carries the password hash)."""
        return self.session.scalar(select(Staff).where(Staff.username == username))

    def staff_row(self, staff_id: int) -> StaffRow | None:
        staff = self.session.get(Staff, staff_id)
        if staff is None:
            return None
        ids = set(self.session.scalars(select(StaffService.service_id).where(StaffService.staff_id == staff_id)))
        return _staff_row(staff, ids)

    # -- writes -----------------------------------------------------------------------------

    def add_staff(
        self,
        *,
        username: str,
        display_name: str,
        role: Role,
        password_hash: str | None,
        service_ids: set[int] | frozenset[int] = frozenset(),
        default_room_id: int | None = None,
        password_one_time: bool = False,
        request_key: str | None = None,
    ) -> int:
        staff = Staff(
            request_key=request_key,
            username=username,
            display_name=display_name,
            role=role.value,
            password_hash=password_hash,
            password_one_time=password_one_time,
            default_room_id=default_room_id,
            active=True,
        )
        self.session.add(staff)
        self.session.flush()
        self.set_staff_services(staff.id, service_ids)
        return staff.id

    def add_service(self, *, code: str, name_de: str, name_en: str, ticket_prefix: str, active: bool,
                    hours: tuple[ServiceHours, ...]) -> int:
        order = self.session.scalar(select(func.coalesce(func.max(Service.sort_order), 0))) or 0
        service = Service(code=code, name_de=name_de, name_en=name_en, ticket_prefix=ticket_prefix,
                          active=active, sort_order=order + 1, fte=0.0, fte_balingen=0.0)
        with self._unique("The ticket prefix or code is already used by another service."):
            self.session.add(service)
            self.session.flush()
        self._set_hours(service.id, hours)
        return service.id

    def update_service(self, service_id: int, *, name_de: str, name_en: str, ticket_prefix: str, active: bool,
                       hours: tuple[ServiceHours, ...]) -> None:
        with self._unique("The ticket prefix or code is already used by another service."):
            self.session.execute(update(Service).where(Service.id == service_id).values(
                name_de=name_de, name_en=name_en, ticket_prefix=ticket_prefix, active=active))
        self._set_hours(service_id, hours)

    def _set_hours(self, service_id: int, hours: tuple[ServiceHours, ...]) -> None:
        self.session.execute(delete(ServiceHour).where(ServiceHour.service_id == service_id))
        for h in hours:
            self.session.add(ServiceHour(service_id=service_id, weekday=h.weekday, start_time=h.start,
                                         end_time=h.end))
        self.session.flush()

    def add_room(self, *, name: str, kind: str, bookable: bool, display_label: str, capacity: int,
                 active: bool) -> int:
        order = self.session.scalar(select(func.coalesce(func.max(Room.sort_order), 0))) or 0
        room = Room(name=name, kind=kind, bookable=bookable, display_label=display_label, capacity=capacity,
                    active=active, sort_order=order + 1)
        with self._unique("A room with this name already exists."):
            self.session.add(room)
            self.session.flush()
        return room.id

    def update_room(self, room_id: int, **values) -> None:
        with self._unique("A room with this name already exists."):
            self.session.execute(update(Room).where(Room.id == room_id).values(**values))

    @contextmanager
    def _unique(self, message: str) -> Iterator[None]:
        """The unique constraints decide when two workstations save at the same moment."""
        try:
            with self.session.begin_nested():
                yield
        except IntegrityError as error:
            raise ConflictError(message) from error

    def room_bookings_from(self, room_id: int, since: datetime) -> tuple[int, datetime | None]:
        """Dates booked in the room (not cancelled) starting at or after `since`: (count, first)."""
        count, first = self.session.execute(
            select(func.count(), func.min(BookingOccurrence.starts_at))
            .where(BookingOccurrence.room_id == room_id, BookingOccurrence.starts_at >= since,
                   BookingOccurrence.cancelled.is_(False))).one()
        return int(count), first

    def service_appointments_from(self, service_id: int, since: datetime) -> tuple[int, datetime | None]:
        """Booked appointments of the service starting at or after `since`: (count, first)."""
        count, first = self.session.execute(
            select(func.count(), func.min(Appointment.starts_at))
            .where(Appointment.service_id == service_id, Appointment.starts_at >= since,
                   Appointment.status == AppointmentStatus.BOOKED.value)).one()
        return int(count), first

    def set_default_room(self, staff_id: int, room_id: int | None) -> None:
        self.session.execute(update(Staff).where(Staff.id == staff_id).values(default_room_id=room_id))

    def set_staff_services(self, staff_id: int, service_ids: set[int] | frozenset[int]) -> None:
        self.session.execute(delete(StaffService).where(StaffService.staff_id == staff_id))
        for service_id in sorted(service_ids):
            self.session.add(StaffService(staff_id=staff_id, service_id=service_id))
        self.session.flush()


def _staff_row(s: Staff, service_ids: set[int]) -> StaffRow:
    return StaffRow(
        id=s.id,
        username=s.username,
        display_name=s.display_name,
        role=Role(s.role),
        active=s.active,
        default_room_id=s.default_room_id,
        service_ids=frozenset(service_ids),
    )
