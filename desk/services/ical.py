"""iCalendar (RFC 5545) export, SHARED by the room calendar (room functions) and the client
appointments (counsellor / series functions). Pure functions over domain rows; the permission
gate is on the service methods that call them (e.g. AppointmentService.export_ics).

Times are written in UTC (`...Z`), so every calendar program shows them in its own zone; UIDs
are stable per record, so importing a file again updates instead of duplicating. One booking
series (`booking_series_ics`) is written as ONE recurring event instead: its rule in Berlin time
(DTSTART;TZID=Europe/Berlin with the zone's VTIMEZONE, so "Tuesdays 17-19" stays 17-19 across the
change to and from summer time in every calendar program), its cancelled and skipped dates as
EXDATE, and dates changed on their own as overrides (RECURRENCE-ID).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from icalendar import Calendar, Event, vRecur

from desk.domain.bookings import BookingRow
from desk.domain.model import (
    AppointmentRow,
    AppointmentStatus,
    BookingKind,
    BookingOccurrenceRow,
    HolidayPolicy,
    RoomRow,
    ServiceRow,
    StaffRow,
)
from desk.domain.public_holidays import STORED_LANGUAGE, occurrence_holiday
from desk.domain.recurrence import expand, is_open_ended, occurrence_key
from desk.domain.tickets import BERLIN, format_client_number

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
        if row.holiday_name:  # German, as the whole file ("Art:", the kinds): it leaves the application
            details.append(f"Feiertag: {occurrence_holiday(row.holiday_name, row.starts_at, STORED_LANGUAGE)}")
        if notes and notes.get(row.booking_id):
            details.append(notes[row.booking_id])
        event.add("description", "\n".join(details))
        event.add("categories", [row.kind.value])
        event.add("status", "CANCELLED" if row.cancelled else "CONFIRMED")
        calendar.add_component(event)
    return calendar.to_ical()


@dataclass(frozen=True, slots=True)
class SeriesDate:
    """One stored date of a series, as the series export needs it."""

    id: int
    original_start: datetime  # where the rule put it
    starts_at: datetime
    ends_at: datetime
    cancelled: bool
    title: str
    room_id: int


def booking_series_ics(booking: BookingRow, dates: Iterable[SeriesDate], *, rooms: Mapping[int, RoomRow],
                       name: str, notes: str = "") -> bytes:
    """One booking series as one recurring VEVENT (see the module docstring). The rule's dates are
    matched to the stored ones by local day: a cancelled date, or a rule date with no stored date
    (a public holiday skipped, a date left out because the room was taken), is an EXDATE; a date
    moved or renamed on its own is an override; a stored date the rule no longer yields (a past
    date kept when the series changed) is an event of its own."""
    calendar = new_calendar(name)
    stamp = datetime.now(UTC)  # DTSTAMP, when the file was made: the wall clock, recorded, decides nothing
    dates = sorted(dates, key=lambda d: d.original_start)
    uid = f"booking-series-{booking.id}@desk"
    window_end = (max(d.original_start for d in dates) + timedelta(days=1)) if dates and is_open_ended(
        booking.rrule) else None
    if window_end is None and is_open_ended(booking.rrule):
        window_end = booking.ends_at + timedelta(days=1)
    rule_dates = {spec.key: spec for spec in expand(booking.rrule, booking.starts_at, booking.ends_at,
                                                    window_end=window_end, policy=HolidayPolicy.FLAG)}
    stored = {occurrence_key(d.original_start): d for d in dates}
    description = "\n".join(p for p in (f"Art: {KIND_NAMES_DE.get(booking.kind, booking.kind.value)}",
                                         f"Veranstalter: {booking.organiser}" if booking.organiser else "",
                                         notes) if p)

    def event(start: datetime, end: datetime, title: str, room_id: int, *, event_uid: str = uid) -> Event:
        item = Event()
        item.add("uid", event_uid)
        item.add("dtstamp", stamp)
        item.add("dtstart", start.astimezone(BERLIN))
        item.add("dtend", end.astimezone(BERLIN))
        item.add("summary", title)
        where = rooms.get(room_id)
        if where is not None:
            item.add("location", where.name)
        item.add("description", description)
        item.add("categories", [booking.kind.value])
        item.add("sequence", max(0, booking.version - 1))
        return item

    master = event(booking.starts_at, booking.ends_at, booking.title, booking.room_id)
    rule = vRecur.from_ical(booking.rrule or "")
    until = rule.get("UNTIL")
    if until:  # stored as Berlin wall time; with a TZID start RFC 5545 wants it in UTC
        moment = until[0]
        if isinstance(moment, datetime) and moment.tzinfo is None:
            rule["UNTIL"] = [moment.replace(tzinfo=BERLIN).astimezone(UTC)]
    master.add("rrule", rule)
    excluded = [spec.original_start.astimezone(BERLIN) for key, spec in sorted(rule_dates.items())
                if key not in stored or stored[key].cancelled]
    if excluded:
        master.add("exdate", excluded)
    master.add("status", "CONFIRMED" if any(not d.cancelled for d in dates) else "CANCELLED")
    calendar.add_component(master)
    for key, date_row in stored.items():
        spec = rule_dates.get(key)
        if spec is None:  # not a date of the rule (any more): on its own
            single = event(date_row.starts_at, date_row.ends_at, date_row.title, date_row.room_id,
                           event_uid=f"booking-{booking.id}-{date_row.id}@desk")
            single.add("status", "CANCELLED" if date_row.cancelled else "CONFIRMED")
            calendar.add_component(single)
        elif not date_row.cancelled and ((date_row.starts_at, date_row.ends_at, date_row.title, date_row.room_id)
                                         != (spec.starts_at, spec.ends_at, booking.title, booking.room_id)):
            changed = event(date_row.starts_at, date_row.ends_at, date_row.title, date_row.room_id)
            changed.add("recurrence-id", spec.original_start.astimezone(BERLIN))
            changed.add("status", "CONFIRMED")
            calendar.add_component(changed)
    calendar.add_missing_timezones()
    return calendar.to_ical()
