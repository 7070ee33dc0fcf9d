"""Helpers for the data-protection tests: rows written directly (old dates), row counts."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import func, inspect, select

from desk.domain.tickets import local_day
from desk.storage.models import Appointment, Base, BookingOccurrence, Client, RoomBooking, Visit


def add_client(services, given: str, family: str, *, last_contact: datetime | None, created: datetime) -> int:
    with services.uow(write=True) as uow:
        client = Client(given_name=given, family_name=family, search_key=f"{given} {family}".lower(),
                        phone="+49 7433 12345", phone_digits="49743312345", reception_note=f"note about {family}",
                        created_at=created, updated_at=created, last_contact_at=last_contact)
        uow.session.add(client)
        uow.session.flush()
        client_id = client.id
        uow.commit()
    return client_id


def add_visit(services, client_id: int | None, arrived: datetime, *, number: int, status: str = "done",
              reason: str = "") -> int:
    with services.uow(write=True) as uow:
        visit = Visit(client_id=client_id, service_id=1, ticket_day=local_day(arrived), ticket_number=number,
                      ticket_prefix="A", status=status, arrived_at=arrived, residence="balingen",
                      status_group="recognised", client_language="ar", first_visit=True,
                      priority_reason=reason, updated_at=arrived)
        uow.session.add(visit)
        uow.session.flush()
        visit_id = visit.id
        uow.commit()
    return visit_id


def add_appointment(services, client_id: int | None, starts: datetime, note: str = "") -> int:
    with services.uow(write=True) as uow:
        appointment = Appointment(client_id=client_id, service_id=1, starts_at=starts,
                                  ends_at=starts + timedelta(minutes=45), note=note, created_at=starts,
                                  updated_at=starts)
        uow.session.add(appointment)
        uow.session.flush()
        appointment_id = appointment.id
        uow.commit()
    return appointment_id


def add_booking(services, starts: datetime, title: str) -> int:
    with services.uow(write=True) as uow:
        booking = RoomBooking(room_id=1, title=title, organiser="Frau Organisatorin", starts_at=starts,
                              ends_at=starts + timedelta(hours=2), created_at=starts, updated_at=starts)
        uow.session.add(booking)
        uow.session.flush()
        uow.session.add(BookingOccurrence(booking_id=booking.id, room_id=1, original_start=starts,
                                          starts_at=starts, ends_at=starts + timedelta(hours=2)))
        booking_id = booking.id
        uow.commit()
    return booking_id


def row_counts(services) -> dict[str, int]:
    with services.db.engine.connect() as connection:
        return {table.name: connection.execute(select(func.count()).select_from(table)).scalar_one()
                for table in Base.metadata.sorted_tables}


def live_client_reference_tables(services) -> set[str]:
    """From the LIVE database schema: tables with a FK to clients or a client_id column."""
    inspector = inspect(services.db.engine)
    found = set()
    for table in inspector.get_table_names():
        if table == "alembic_version":
            continue
        columns = {c["name"] for c in inspector.get_columns(table)}
        fks = inspector.get_foreign_keys(table)
        if "client_id" in columns or any(fk["referred_table"] == "clients" for fk in fks):
            found.add(table)
    return found


def client_field(services, client_id: int, name: str):
    with services.uow() as uow:
        return getattr(uow.session.get(Client, client_id), name, None)
