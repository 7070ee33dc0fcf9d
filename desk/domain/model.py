"""Plain, immutable records and enums shared by every layer.

The UI only ever sees these rows (never ORM objects). They carry no behaviour that needs a
database or Qt; rules that work on them live beside them in `desk.domain`.

The rows read by the hundred on every refresh (the waiting list's `VisitRow`, the calendar's
`AppointmentRow`, the room week's `BookingOccurrenceRow`) are named tuples, the others frozen
dataclasses. Both are immutable; a named tuple is made from the database row by one C-level call
(`Row._make(values)`, ~0.7 µs for 28 fields against ~7 µs for a slotted frozen dataclass filled
slot by slot and ~15 µs through its `__init__`), which was most of the Python time of those
lists. A changed copy is `row._replace(field=value)` instead of `dataclasses.replace`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time
from enum import StrEnum  # values are the strings stored in the database
from typing import NamedTuple


class Role(StrEnum):
    RECEPTION = "empfang"
    COUNSELLOR = "beratung"
    HEAD = "leitung"
    DISPLAY = "display"
    KIOSK = "kiosk"  # the self-service ticket kiosk at the entrance (issue 20); never a staff account


class RoomKind(StrEnum):
    RECEPTION = "reception"
    GROUP = "group"
    KITCHEN = "kitchen"
    OFFICE = "office"


class VisitStatus(StrEnum):
    WAITING = "waiting"
    CALLED = "called"
    IN_SESSION = "in_session"
    DONE = "done"
    NO_SHOW = "no_show"
    LEFT = "left"
    HANDED_OVER = "handed_over"
    REFERRED = "referred"

    @property
    def is_open(self) -> bool:
        return self in OPEN_VISIT_STATUSES


OPEN_VISIT_STATUSES = frozenset({VisitStatus.WAITING, VisitStatus.CALLED, VisitStatus.IN_SESSION})


class Priority(StrEnum):
    NORMAL = "normal"
    URGENT = "urgent"


class Residence(StrEnum):
    """Place of residence, as the funder's report needs it."""

    UNKNOWN = "unknown"
    BALINGEN = "balingen"
    KLEINER_HEUBERG = "kleiner_heuberg"
    OTHER = "other"


class StatusGroup(StrEnum):
    """Residence status group, for statistics only."""

    UNKNOWN = "unknown"
    ASYLUM_SEEKER = "asylum_seeker"
    RECOGNISED = "recognised"
    TOLERATED = "tolerated"
    EU_CITIZEN = "eu_citizen"
    LATE_RESETTLER = "late_resettler"
    OTHER = "other"


class AppointmentStatus(StrEnum):
    BOOKED = "booked"
    ARRIVED = "arrived"
    DONE = "done"
    NO_SHOW = "no_show"
    CANCELLED = "cancelled"


class BookingKind(StrEnum):
    SEMINAR = "seminar"
    INFO_EVENING = "info_evening"
    LANGUAGE_CAFE = "language_cafe"
    VOLUNTEER_MEETING = "volunteer_meeting"
    TEAM_MEETING = "team_meeting"
    COUNSELLING = "counselling"
    OTHER = "other"


class HolidayPolicy(StrEnum):
    SKIP = "skip"
    FLAG = "flag"


# --- rows handed to the UI -------------------------------------------------------------


def person_name(given: str | None, family: str | None) -> str:
    """`Family, Given` as lists show people; either part may be missing; "" for no name."""
    if not given and not family:
        return ""
    return f"{family or ''}, {given or ''}".strip(", ")


@dataclass(frozen=True, slots=True)
class ServiceHours:
    weekday: int  # 0 = Monday
    start: time
    end: time


@dataclass(frozen=True, slots=True)
class ServiceRow:
    id: int
    code: str
    name_de: str
    name_en: str
    ticket_prefix: str
    active: bool
    fte: float = 0.0
    fte_balingen: float = 0.0
    hours: tuple[ServiceHours, ...] = ()

    def name(self, language: str) -> str:
        return self.name_en if language == "en" else self.name_de


@dataclass(frozen=True, slots=True)
class RoomRow:
    id: int
    name: str
    kind: RoomKind
    capacity: int
    bookable: bool
    active: bool
    display_label: str


@dataclass(frozen=True, slots=True)
class StaffRow:
    id: int
    username: str
    display_name: str
    role: Role
    active: bool
    default_room_id: int | None
    service_ids: frozenset[int] = field(default_factory=frozenset)


@dataclass(frozen=True, slots=True)
class ClientRow:
    """What reception may see about a person (the reception card)."""

    id: int
    client_number: str
    given_name: str
    family_name: str
    date_of_birth: date | None
    phone: str
    language: str
    interpreter_needed: bool
    residence: Residence
    residence_place: str
    status_group: StatusGroup
    consent_date: date | None
    reception_note: str
    created_at: datetime
    last_contact_at: datetime | None
    version: int
    #: False: the reception card only - phone, status group and consent are left out (empty),
    #: because the reader may not see them (desk.domain.permissions.full_card)
    full: bool = True

    @property
    def display_name(self) -> str:
        return person_name(self.given_name, self.family_name)


class VisitRow(NamedTuple):
    id: int
    client_id: int | None
    client_name: str  # empty for anonymous tickets and for roles that may not see names
    service_id: int
    ticket: str
    ticket_day: date
    party_size: int
    status: VisitStatus
    priority: Priority
    priority_reason: str
    interpreter_language: str
    arrived_at: datetime
    first_called_at: datetime | None
    called_at: datetime | None
    started_at: datetime | None
    finished_at: datetime | None
    call_count: int
    appointment_id: int | None
    appointment_starts_at: datetime | None
    called_by_staff_id: int | None
    called_by_name: str
    room_id: int | None
    room_label: str
    assigned_staff_id: int | None
    referred_to: str
    version: int = 1  # optimistic lock of the waiting-list transitions
    handed_over_from_id: int | None = None
    self_service: bool = False  # the person took the ticket at the kiosk (issue 20)


class AppointmentRow(NamedTuple):
    id: int
    client_id: int | None
    client_name: str
    service_id: int
    staff_id: int | None
    room_id: int | None
    interpreter_id: int | None
    interpreter_language: str
    starts_at: datetime
    ends_at: datetime
    status: AppointmentStatus
    cancel_reason: str
    series_id: str | None
    reminded_at: datetime | None
    note: str
    version: int


@dataclass(frozen=True, slots=True)
class AbsentToday:
    """A counsellor who is not there today, for reception's list of today's appointments: an
    absence covers today (`until`: its last day), or the account was deactivated while an
    appointment of theirs today is still booked (`until` None: they left). Never the absence's
    reason (it may be an illness)."""

    staff_id: int
    name: str
    until: date | None


class BookingOccurrenceRow(NamedTuple):
    id: int
    booking_id: int
    room_id: int
    title: str
    kind: BookingKind
    organiser: str
    starts_at: datetime
    ends_at: datetime
    cancelled: bool
    holiday_name: str
    expected_participants: int | None
    actual_participants: int | None
    recurring: bool


@dataclass(frozen=True, slots=True)
class AuditRow:
    id: int
    at: datetime
    actor_id: int | None
    actor_name: str
    action: str
    entity_type: str
    entity_id: int | None
    client_id: int | None
    details: str
    workstation: str


@dataclass(frozen=True, slots=True)
class DisplayCallRow:
    """What the waiting-room display may know: never a name, by construction."""

    id: int
    called_at: datetime
    ticket: str
    room_label: str
    language: str


@dataclass(frozen=True, slots=True)
class ClientSearchHit:
    """One search result: enough to recognise the person, nothing more."""

    id: int
    client_number: str
    given_name: str
    family_name: str
    date_of_birth: date | None
    language: str
    interpreter_needed: bool
    score: float  # 0-100, 100 = exact

    @property
    def display_name(self) -> str:
        return person_name(self.given_name, self.family_name)


@dataclass(frozen=True, slots=True)
class AlarmRow:
    """A silent alarm: where, when, by whom; open until someone acknowledges it."""

    id: int
    raised_at: datetime
    room_label: str
    raised_by: str
    acknowledged_at: datetime | None
