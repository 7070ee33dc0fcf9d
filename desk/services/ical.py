"""iCalendar (RFC 5545) export, SHARED by the room calendar (room functions) and the client
appointments (counsellor / series functions). Pure functions over domain rows; the permission
gate is on the service methods that call them (e.g. AppointmentService.export_ics).

Times are written in UTC (`...Z`), so every calendar program shows them in its own zone; UIDs
are stable per record, so importing a file again updates instead of duplicating.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import UTC, datetime

from icalendar import Calendar, Event

from desk.domain.model import (
    AppointmentRow,
    AppointmentStatus,
    BookingKind,
    BookingOccurrenceRow,
    RoomRow,
    ServiceRow,
    StaffRow,
)
from desk.domain.tickets import format_client_number

PRODID = "-//Diakonie Balingen//desk//DE"

#: German names of the kinds, for files that leave the application (ICS); the UI translates its own.
KIND_NAMES_DE = {
    BookingKind.SEMINAR: "Seminar",
    BookingKind.INFO_EVENING: "Infoabend",
    BookingKind.LANGUAGE_CAFE: "Sprachcafé",
    BookingKind.VOLUNTEER_MEETING: "Ehrenamtlichentreffen",
    BookingKind.TEAM_MEETING: "Teambesprechung",
    BookingKind.COUNSELLING: "Beratung",
    BookingKind.OTHER: "Sonstiges",
}


def new_calendar(name: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    return calendar


# --- appointments: a counsellor's calendar or one series -------------------------------------


def appointments_ics(
    rows: Iterable[AppointmentRow],
    *,
    services: Mapping[int, ServiceRow],
    rooms: Mapping[int, RoomRow],
    staff: Mapping[int, StaffRow],
    include_names: bool = False,
    include_notes: bool = False,
    name: str = "Termine",
) -> bytes:
    """One VEVENT per appointment. Without `include_names` the summary names the service and
    the client number only (a calendar file travels further than the desk). With
    `include_notes` the rows' notes go into the description: the caller has blanked the notes
    the reader may not see (AppointmentService.export_ics)."""
    calendar = new_calendar(name)
    stamp = datetime.now(UTC)  # DTSTAMP, when the file was made: the wall clock, recorded, decides nothing
    for row in rows:
        service = services.get(row.service_id)
        who = row.client_name if include_names and row.client_name else (
            format_client_number(row.client_id) if row.client_id else "")
        summary = " – ".join(p for p in ("Termin", who, service.name_de if service else "") if p)
        event = Event()
        event.add("uid", f"appointment-{row.id}@desk")
        event.add("dtstamp", stamp)
        event.add("dtstart", row.starts_at.astimezone(UTC))
        event.add("dtend", row.ends_at.astimezone(UTC))
        event.add("summary", summary)
        if row.room_id in rooms:
            event.add("location", rooms[row.room_id].name)
        details = []
        if row.staff_id in staff:
            details.append(f"Beratung: {staff[row.staff_id].display_name}")
        if row.interpreter_language:
            details.append(f"Dolmetschen: {row.interpreter_language}")
        if include_notes and row.note:
            details.append(f"Notiz: {row.note}")
        if details:
            event.add("description", "\n".join(details))
        event.add("status", "CANCELLED" if row.status is AppointmentStatus.CANCELLED else "CONFIRMED")
        event.add("sequence", max(0, row.version - 1))
        calendar.add_component(event)
    return calendar.to_ical()


# --- rooms: a room's calendar or one booking series --------------------------------------------


def room_calendar_ics(
    rows: Iterable[BookingOccurrenceRow],
    *,
    rooms: Mapping[int, RoomRow],
    name: str = "Raumkalender",
    notes: Mapping[int, str] | None = None,
) -> bytes:
    """One VEVENT per occurrence (cancelled ones as STATUS:CANCELLED, so calendar programs that
    imported them earlier remove them). Titles are written exactly as stored."""
    calendar = new_calendar(name)
    stamp = datetime.now(UTC)  # DTSTAMP, when the file was made: the wall clock, recorded, decides nothing
    for row in rows:
        event = Event()
        event.add("uid", f"booking-{row.booking_id}-{row.id}@desk")
        event.add("dtstamp", stamp)
        event.add("dtstart", row.starts_at.astimezone(UTC))
        event.add("dtend", row.ends_at.astimezone(UTC))
        event.add("summary", row.title)
        if row.room_id in rooms:
            event.add("location", rooms[row.room_id].name)
        details = [f"Art: {KIND_NAMES_DE.get(row.kind, row.kind.value)}"]
        if row.organiser:
            details.append(f"Veranstalter: {row.organiser}")
        if row.holiday_name:
            details.append(f"Feiertag: {row.holiday_name}")
        if notes and notes.get(row.booking_id):
            details.append(notes[row.booking_id])
        event.add("description", "\n".join(details))
        event.add("categories", [row.kind.value])
        event.add("status", "CANCELLED" if row.cancelled else "CONFIRMED")
        calendar.add_component(event)
    return calendar.to_ical()
