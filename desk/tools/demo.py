"""Demo and benchmark data: a realistic centre, deterministic for a given seed.

    fill_demo_centre(services)          `desk --demo`: staff (password `demo`), ~450 clients with
                                        names in several scripts, a few weeks of past visits,
                                        today's situation relative to the real clock, appointments
                                        for the coming weeks, room bookings with series.
    fill_demo_at_scale(db, years=10, clients=50_000)
                                        `desk-admin demo-data` / `desk-admin bench`: ten years of
                                        data in bulk (300,000 visits, 20,000 appointments, 10,000
                                        room bookings by default), in well under three minutes.

Rows are written with `desk.tools.bulk` (plain dict rows, one transaction per batch), not
through the services: the data is made to be consistent by construction (sequential ticket
numbers per service and day, at most one open visit per client, no overlapping appointments of a
counsellor or a room, no overlapping room bookings, nothing on BW public holidays).
"""

from __future__ import annotations

import json
import random
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from dateutil.relativedelta import relativedelta

from desk.domain.model import HolidayPolicy
from desk.domain.public_holidays import centre_works
from desk.domain.recurrence import expand
from desk.domain.reminders import working_day_before
from desk.domain.search import make_search_key
from desk.domain.settings import BY_KEY
from desk.domain.text import digits_of
from desk.domain.tickets import BERLIN, format_ticket
from desk.storage.engine import Database
from desk.tools import bulk
from desk.tools.names import (
    BALINGEN_PLACES,
    INTERPRETERS,
    KLEINER_HEUBERG_PLACES,
    ORIGINS,
    OTHER_PLACES,
    REFERRAL_TARGETS,
    STAFF_NAMES,
)

DEMO_PASSWORD = "demo"
DEMO_WORKSTATION = "demo-data"

# (username, role, service codes, default room name, working hours {weekday: [(start, end)]})
_MORNING_AFTERNOON = [(time(8, 30), time(12, 30)), (time(13, 15), time(16, 30))]
STAFF_PLAN: tuple[tuple[str, str, tuple[str, ...], str | None, dict[int, list[tuple[time, time]]]], ...] = (
    ("leitung", "leitung", ("FL",), "Büro Fachbereichsleitung",
     {d: [(time(8), time(12)), (time(13), time(16, 30))] for d in range(5)}),
    ("empfang", "empfang", ("IM", "KH", "MBE", "FL"), None,
     {d: [(time(8, 30), time(12, 30))] for d in range(5)}),
    ("ehrenamt", "empfang", ("IM", "KH", "MBE", "FL"), None,
     {d: [(time(9), time(12))] for d in (0, 2, 3)}),
    ("mbe", "beratung", ("MBE",), "Büro Migrationsberatung",
     {d: _MORNING_AFTERNOON for d in (0, 1, 3)}),
    ("im", "beratung", ("IM",), "Büro Sozialbetreuung",
     {d: _MORNING_AFTERNOON for d in range(5)}),
    ("im2", "beratung", ("IM",), "Büro Rückkehrberatung",
     {d: _MORNING_AFTERNOON for d in (0, 2, 4)}),
    ("kh", "beratung", ("KH",), "Büro Rückkehrberatung",
     {d: _MORNING_AFTERNOON for d in (1, 3)}),
    ("praktikum", "beratung", ("IM", "MBE"), None,
     {d: [(time(9), time(13))] for d in (1, 2, 3)}),
)


def demo_accounts() -> list[tuple[str, str, str, tuple[str, ...]]]:
    """The demo centre's accounts in the plan's order: (username, role, display name, service
    codes); `desk --demo` hands them to the login, which offers each as a one-click button."""
    return [(username, role, STAFF_NAMES[username], codes) for username, role, codes, _room, _hours in STAFF_PLAN]


#: Walk-ins per open-hours block, by service (demo scale).
WALK_INS = {"IM": (7, 14), "MBE": (4, 10), "KH": (3, 8), "FL": (1, 3)}
APPOINTMENT_REASONS = ("", "", "", "Folgetermin", "Unterlagen mitbringen", "Antrag besprechen",
                       "mit Dolmetscher*in", "Rückruf vereinbart")
RECEPTION_NOTES = ("", "", "", "", "", "", "Kommt mit Kinderwagen – Aufzug nutzen",
                   "Bevorzugt Termine am Vormittag", "Kontakt auch über die Tochter",
                   "Hörgerät – bitte deutlich sprechen", "Bringt oft Nachbarin zum Übersetzen mit")
CANCEL_REASONS = ("Krankheit", "Terminüberschneidung (Sprachkurs)", "Kind krank",
                  "Abgesagt per Telefon", "Arbeitsbeginn")


def _utc(day: date, at: time) -> datetime:
    return datetime.combine(day, at, tzinfo=BERLIN).astimezone(UTC)


def _workdays(first: date, last: date) -> Iterator[date]:
    day = first
    while day <= last:
        if centre_works(day):
            yield day
        day += timedelta(days=1)


@dataclass
class _StaffInfo:
    id: int
    username: str
    name: str
    role: str
    services: tuple[str, ...]
    room_id: int | None
    hours: dict[int, list[tuple[time, time]]]


@dataclass
class _ClientInfo:
    id: int
    residence: str
    status_group: str
    language: str
    interpreter_needed: bool
    created_at: datetime
    phone: str = ""


@dataclass
class _Fill:
    """The state of one fill: ids handed out, rows waiting to be written, what exists."""

    db: Database
    rng: random.Random
    batch: int = 5_000
    buffers: dict[str, list[dict[str, Any]]] = field(default_factory=lambda: defaultdict(list))
    ids: dict[str, int] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    services: dict[str, tuple[int, str]] = field(default_factory=dict)
    rooms: dict[str, int] = field(default_factory=dict)
    room_labels: dict[int, str] = field(default_factory=dict)
    staff: list[_StaffInfo] = field(default_factory=list)
    clients: list[_ClientInfo] = field(default_factory=list)
    interpreters: list[tuple[int, str]] = field(default_factory=list)
    seen_clients: set[int] = field(default_factory=set)
    progress: Callable[[str], None] | None = None
    #: the display keeps only recent calls; older days get none
    display_since: date = date.min
    #: (appointment id, client id, start, status) of the appointments from a fortnight ago on,
    #: for the reminders (`make_reminders`)
    recent_appointments: list[tuple[int, int, datetime, str]] = field(default_factory=list)
    reminders_since: datetime = datetime.max.replace(tzinfo=UTC)

    ORDER = ("staff", "staff_services", "working_hours", "interpreters", "clients", "appointments",
             "visits", "ticket_counters", "display_calls", "room_bookings", "booking_occurrences",
             "audit_events", "reminder_contacts", "reminder_sendings")
    #: tables whose rows carry no id of their own
    NO_ID = ("staff_services", "ticket_counters", "reminder_contacts")

    def __post_init__(self) -> None:
        self.services, self.rooms = bulk.reference_ids(self.db)
        self.room_labels = bulk.room_labels(self.db)
        for table in self.ORDER:
            self.ids[table] = bulk.next_id(self.db, table) if table not in self.NO_ID else 0

    def new_id(self, table: str) -> int:
        value = self.ids[table]
        self.ids[table] = value + 1
        return value

    def add(self, table: str, row: dict[str, Any]) -> None:
        self.buffers[table].append(row)
        if table == "appointments" and row["starts_at"] >= self.reminders_since:
            self.recent_appointments.append((row["id"], row["client_id"], row["starts_at"], row["status"]))
        self.counts[table] += 1
        if sum(len(rows) for rows in self.buffers.values()) >= self.batch:
            self.flush()

    def flush(self) -> None:
        ordered = {t: self.buffers.get(t, []) for t in self.ORDER}
        if any(ordered.values()):
            bulk.insert_together(self.db, ordered)
        self.buffers.clear()

    def audit(self, at: datetime, actor: _StaffInfo | None, action: str, entity_type: str,
              entity_id: int | None, client_id: int | None, details: dict[str, Any] | None = None) -> None:
        self.add("audit_events", {
            "id": self.new_id("audit_events"), "at": at,
            "actor_id": actor.id if actor else None, "actor_name": actor.name if actor else "desk-admin",
            "action": action, "entity_type": entity_type, "entity_id": entity_id, "client_id": client_id,
            "details": json.dumps(details or {}, ensure_ascii=False, sort_keys=True),
            "workstation": DEMO_WORKSTATION,
        })

    def say(self, text: str) -> None:
        if self.progress is not None:
            self.progress(text)

    # -- staff, interpreters ------------------------------------------------------------

    def make_staff(self) -> None:
        existing = bulk.staff_ids(self.db)
        password_hash = _demo_password_hash()
        for username, role, codes, room_name, hours in STAFF_PLAN:
            if username in existing:
                continue
            staff_id = self.new_id("staff")
            room_id = self.rooms.get(room_name) if room_name else None
            info = _StaffInfo(staff_id, username, STAFF_NAMES[username], role, codes, room_id, hours)
            self.staff.append(info)
            self.add("staff", {
                "id": staff_id, "username": username, "display_name": info.name, "role": role,
                "password_hash": password_hash, "default_room_id": room_id, "active": True,
                "failed_logins": 0, "locked_until": None,
                "created_at": datetime(2020, 1, 1, tzinfo=UTC), "version": 1,
            })
            for code in codes:
                if code in self.services:
                    self.add("staff_services", {"staff_id": staff_id, "service_id": self.services[code][0]})
            for weekday, blocks in hours.items():
                for start, end in blocks:
                    self.add("working_hours", {"id": self.new_id("working_hours"), "staff_id": staff_id,
                                               "weekday": weekday, "start_time": start, "end_time": end})
        for name, languages, phone in INTERPRETERS:
            interpreter_id = self.new_id("interpreters")
            self.interpreters.append((interpreter_id, languages))
            self.add("interpreters", {"id": interpreter_id, "name": name, "languages": languages,
                                      "phone": phone, "active": True})
        self.flush()

    def counsellors(self, code: str | None = None) -> list[_StaffInfo]:
        return [s for s in self.staff if s.role in ("beratung", "leitung") and (code is None or code in s.services)]

    def interpreter_for(self, language: str) -> int | None:
        for interpreter_id, languages in self.interpreters:
            if language and language in languages.split(","):
                return interpreter_id
        return None

    # -- clients ----------------------------------------------------------------------------

    def make_clients(self, count: int, first: datetime, last: datetime) -> None:
        """`count` clients created evenly between `first` and `last` (ids rise with time)."""
        rng = self.rng
        origins = list(ORIGINS)
        weights = [o.weight for o in origins]
        keys: dict[tuple[str, str], str] = {}
        span = (last - first).total_seconds()
        for index in range(count):
            origin = rng.choices(origins, weights)[0]
            given = rng.choice(origin.given)
            if origin.script == "latin" and rng.random() < 0.12:
                given = f"{given} {rng.choice(origin.given)}"
            family = rng.choice(origin.family)
            key = keys.get((given, family))
            if key is None:
                key = keys[(given, family)] = make_search_key(given, family)
            language = origin.languages[0] if rng.random() < 0.75 else rng.choice(origin.languages)
            roll = rng.random()
            if roll < 0.60:
                residence, place = "balingen", rng.choice(BALINGEN_PLACES)
            elif roll < 0.78:
                residence, place = "kleiner_heuberg", rng.choice(KLEINER_HEUBERG_PLACES)
            elif roll < 0.95:
                residence, place = "other", rng.choice(OTHER_PLACES)
            else:
                residence, place = "unknown", ""
            groups = origin.status_groups
            status = groups[0] if rng.random() < 0.55 else rng.choice(groups + ("unknown",))
            created = first + timedelta(seconds=span * (index + rng.random()) / max(count, 1))
            born = date(rng.randint(1948, 2007), rng.randint(1, 12), rng.randint(1, 28))
            phone = f"01{rng.choice('567')}{rng.randint(0, 9)} {rng.randint(1000000, 9999999)}" if rng.random() < 0.7 else ""
            interpreter = language != "de" and rng.random() < 0.35
            client_id = self.new_id("clients")
            self.clients.append(_ClientInfo(client_id, residence, status, language, interpreter, created, phone))
            self.add("clients", {
                "id": client_id, "given_name": given, "family_name": family, "search_key": key,
                "date_of_birth": born if rng.random() < 0.9 else None, "phone": phone,
                "phone_digits": digits_of(phone), "language": language, "interpreter_needed": interpreter,
                "residence": residence, "residence_place": place, "status_group": status,
                "consent_date": created.astimezone(BERLIN).date() if rng.random() < 0.85 else None,
                "reception_note": rng.choice(RECEPTION_NOTES), "created_at": created, "updated_at": created,
                "last_contact_at": None, "version": 1, "merged_into_id": None,
            })
            self.audit(created, None, "client.create", "client", client_id, client_id)
        self.flush()

    def client_for(self, moment: datetime, recent_span: int) -> _ClientInfo | None:
        """A client who existed at `moment`, recent ones more likely (they come back often)."""
        if not self.clients:
            return None
        lo, hi = 0, len(self.clients)
        while lo < hi:  # clients are sorted by created_at
            mid = (lo + hi) // 2
            if self.clients[mid].created_at <= moment:
                lo = mid + 1
            else:
                hi = mid
        if lo == 0:
            return None
        back = int(self.rng.expovariate(1 / max(recent_span, 1)))
        return self.clients[max(0, lo - 1 - back % lo)]

    # -- visits -------------------------------------------------------------------------------

    def visit_row(self, *, service: str, client: _ClientInfo | None, day: date, arrived: datetime,
                  status: str, number: int = 0, appointment_id: int | None = None,
                  called: datetime | None = None, started: datetime | None = None,
                  finished: datetime | None = None, staff: _StaffInfo | None = None,
                  call_count: int = 0, handed_over_from: int | None = None, referred_to: str = "",
                  priority: str = "normal", priority_reason: str = "", party: int = 1,
                  reception: _StaffInfo | None = None) -> dict[str, Any]:
        service_id, prefix = self.services[service]
        first = client is not None and client.id not in self.seen_clients
        if client is not None:
            self.seen_clients.add(client.id)
        language = client.language if client and client.interpreter_needed else ""
        return {
            "id": self.new_id("visits"), "client_id": client.id if client else None, "service_id": service_id,
            "appointment_id": appointment_id, "handed_over_from_id": handed_over_from,
            "ticket_day": day, "ticket_number": number, "ticket_prefix": prefix, "party_size": party,
            "status": status, "priority": priority, "priority_reason": priority_reason,
            "interpreter_language": language, "arrived_at": arrived,
            "first_called_at": called, "called_at": called, "started_at": started, "finished_at": finished,
            "call_count": call_count if call_count else (1 if called else 0),
            "called_by_staff_id": staff.id if staff and called else None,
            "assigned_staff_id": staff.id if staff and started else None,
            "room_id": staff.room_id if staff and called else None,
            "referred_to": referred_to,
            "residence": client.residence if client else "unknown",
            "status_group": client.status_group if client else "unknown",
            "client_language": client.language if client else "",
            "first_visit": first, "anonymised": False,
            "created_by": reception.id if reception else None, "updated_at": finished or started or called or arrived,
            "called_by_name": staff.name if staff and called else "", "version": 1,
        }

    def close_day(self, day: date, visits: list[dict[str, Any]], reception: _StaffInfo | None) -> None:
        """Number the day's visits per service in order of arrival, write them, their ticket
        counters, audit events and the display's calls."""
        per_service: dict[int, int] = defaultdict(int)
        for row in sorted(visits, key=lambda r: (r["arrived_at"], r["id"])):
            per_service[row["service_id"]] += 1
            row["ticket_number"] = per_service[row["service_id"]]
        for row in sorted(visits, key=lambda r: r["id"]):  # parents (hand-overs) first
            self.add("visits", row)
            self.audit(row["arrived_at"], reception, "visit.check_in", "visit", row["id"], row["client_id"],
                       {"ticket": format_ticket(row["ticket_prefix"], row["ticket_number"])})
            if row["called_at"] is not None and row["room_id"] is not None and day >= self.display_since:
                self.add("display_calls", {
                    "id": self.new_id("display_calls"), "called_at": row["called_at"],
                    "ticket": format_ticket(row["ticket_prefix"], row["ticket_number"]),
                    "room_label": self.room_labels.get(row["room_id"], ""),
                    "language": row["interpreter_language"],
                })
        for service_id, last in per_service.items():
            self.add("ticket_counters", {"service_id": service_id, "day": day, "last_number": last})

    def past_walk_in(self, *, service: str, day: date, arrived: datetime, recent_span: int,
                     staff_pool: list[_StaffInfo], reception: _StaffInfo | None,
                     visits: list[dict[str, Any]], anonymous_share: float = 0.08,
                     allow_handover: bool = True) -> None:
        rng = self.rng
        client = None if rng.random() < anonymous_share else self.client_for(arrived, recent_span)
        staff = rng.choice(staff_pool) if staff_pool else None
        roll = rng.random()
        wait = timedelta(minutes=rng.randint(5, 60))
        called = arrived + wait
        started = called + timedelta(minutes=rng.randint(1, 3))
        finished = started + timedelta(minutes=rng.choice((15, 20, 25, 30, 30, 40, 45, 60)))
        urgent = rng.random() < 0.03
        common = {"service": service, "client": client, "day": day, "arrived": arrived, "reception": reception,
                  "party": 1 if rng.random() < 0.8 else rng.randint(2, 5),
                  "priority": "urgent" if urgent else "normal",
                  "priority_reason": "Frist läuft heute ab" if urgent else ""}
        if roll < 0.06:  # no-show: called three times, never came
            visits.append(self.visit_row(**common, status="no_show", called=called, staff=staff, call_count=3,
                                         finished=called + timedelta(minutes=6)))
        elif roll < 0.10:  # left before being called
            visits.append(self.visit_row(**common, status="left", finished=arrived + wait / 2))
        elif roll < 0.14:
            visits.append(self.visit_row(**common, status="referred", called=called, started=started,
                                         finished=started + timedelta(minutes=10), staff=staff,
                                         referred_to=rng.choice(REFERRAL_TARGETS)))
        elif roll < 0.18 and allow_handover and len(self.services) > 1:  # handed over to another service, same day
            parent = self.visit_row(**common, status="handed_over", called=called, started=started,
                                    finished=started + timedelta(minutes=10), staff=staff)
            visits.append(parent)
            others = [c for c in ("IM", "MBE", "KH") if c != service and c in self.services]
            target = rng.choice(others)
            pool = self.counsellors(target)
            back = parent["finished_at"]
            child_common = dict(common, service=target, arrived=back)
            helper = rng.choice(pool) if pool else None
            c_called = back + timedelta(minutes=rng.randint(5, 30))
            visits.append(self.visit_row(**child_common, status="done", called=c_called,
                                         started=c_called + timedelta(minutes=2),
                                         finished=c_called + timedelta(minutes=rng.choice((20, 30, 45))),
                                         staff=helper, handed_over_from=parent["id"]))
        else:
            visits.append(self.visit_row(**common, status="done", called=called, started=started,
                                         finished=finished, staff=staff))

    # -- appointments ---------------------------------------------------------------------------

    def appointment_row(self, *, staff: _StaffInfo, client: _ClientInfo, service: str, start: datetime,
                        end: datetime, status: str, created: datetime) -> dict[str, Any]:
        rng = self.rng
        interpreter_id = self.interpreter_for(client.language) if client.interpreter_needed else None
        return {
            "id": self.new_id("appointments"), "client_id": client.id, "service_id": self.services[service][0],
            "staff_id": staff.id, "room_id": staff.room_id, "interpreter_id": interpreter_id,
            "interpreter_language": client.language if interpreter_id else "",
            "starts_at": start, "ends_at": end, "status": status,
            "cancel_reason": rng.choice(CANCEL_REASONS) if status == "cancelled" else "",
            "series_id": None, "reminded_at": None, "note": rng.choice(APPOINTMENT_REASONS),
            "residence": client.residence, "anonymised": False, "created_by": staff.id,
            "created_at": created, "updated_at": created, "version": 1,
        }

    def free_slots(self, staff: _StaffInfo, day: date, busy: list[tuple[datetime, datetime]],
                   count: int, *, not_before: datetime | None = None,
                   lengths: tuple[int, ...] = (30, 45, 60)) -> list[tuple[datetime, datetime]]:
        """Up to `count` non-overlapping slots in the counsellor's working hours of `day`,
        avoiding `busy` (which is extended with what is picked) and open consultation hours."""
        rng = self.rng
        blocks = staff.hours.get(day.weekday(), [])
        blocked = list(busy)
        for code in staff.services:
            for weekday, start, end in _SERVICE_HOURS.get(code, ()):
                if weekday == day.weekday():
                    blocked.append((_utc(day, start), _utc(day, end)))
        candidates: list[datetime] = []
        for start, end in blocks:
            moment = _utc(day, start)
            stop = _utc(day, end)
            while moment < stop:
                candidates.append(moment)
                moment += timedelta(minutes=15)
        rng.shuffle(candidates)
        picked: list[tuple[datetime, datetime]] = []
        for start in candidates:
            if len(picked) >= count:
                break
            if not_before is not None and start < not_before:
                continue
            end = start + timedelta(minutes=rng.choice(lengths))
            if not any(b_start <= start and end <= b_end for b_start, b_end in
                       ((_utc(day, s), _utc(day, e)) for s, e in blocks)):
                continue
            if any(start < b_end and b_start < end for b_start, b_end in blocked):
                continue
            blocked.append((start, end))
            busy.append((start, end))
            picked.append((start, end))
        return sorted(picked)


_SERVICE_HOURS: dict[str, tuple[tuple[int, time, time], ...]] = {}


def _load_service_hours() -> None:
    from desk.domain.seed import SERVICES

    for spec in SERVICES:
        _SERVICE_HOURS[spec.code] = spec.hours


_load_service_hours()


def _demo_password_hash() -> str:
    """One argon2id hash of 'demo', shared by the demo accounts (hashing is slow on purpose)."""
    try:
        from desk.services.passwords import hash_password
    except ImportError:  # pragma: no cover - before the accounts feature landed
        from argon2 import PasswordHasher

        return PasswordHasher().hash(DEMO_PASSWORD)
    return hash_password(DEMO_PASSWORD)


def client_count(target: Any) -> int:
    return bulk.count_rows(_database(target), "clients")


def account_count(target: Any) -> int:
    """Accounts in the database: synthetic data goes only where there is none (never real data)."""
    return bulk.count_rows(_database(target), "staff")


def has_real_accounts(password_hashes: Iterable[str | None]) -> bool:
    """True when an account has a password other than the demo's: a database people work with.
    The demo password is shorter than any password desk accepts (MIN_PASSWORD_LENGTH), so no
    real account can have it; the synthetic data's accounts all share one hash (one argon2 check)."""
    from desk.services.passwords import verify_password

    checked: dict[str | None, bool] = {}
    for hashed in password_hashes:
        if hashed not in checked:
            checked[hashed] = verify_password(hashed, DEMO_PASSWORD)[0]
        if not checked[hashed]:
            return True
    return False


def _database(target: Any) -> Database:
    db = getattr(target, "db", target)
    if not isinstance(db, Database):
        raise TypeError("give a Database or DeskServices")
    return db


# --- room bookings ------------------------------------------------------------------------------


@dataclass(frozen=True)
class _SeriesPlan:
    title: str
    kind: str
    room: str
    weekday: int
    start: time
    end: time
    rule: str  # without UNTIL
    organiser: str
    participants: int
    linked_room: str | None = None


SERIES: tuple[_SeriesPlan, ...] = (
    _SeriesPlan("Sprachcafé", "language_cafe", "Gruppen- und Besprechungsraum", 1, time(17), time(19),
                "FREQ=WEEKLY;BYDAY=TU", "Ehrenamtliche Sprachpat*innen", 18, "Teeküche"),
    _SeriesPlan("Teambesprechung", "team_meeting", "Gruppen- und Besprechungsraum", 2, time(13, 30),
                time(14, 30), "FREQ=WEEKLY;BYDAY=WE", "Fachbereichsleitung", 8),
    _SeriesPlan("Frauencafé", "other", "Gruppen- und Besprechungsraum", 4, time(10), time(12),
                "FREQ=WEEKLY;INTERVAL=2;BYDAY=FR", "Integrationsmanagement", 12, "Teeküche"),
    _SeriesPlan("Ehrenamtstreffen", "volunteer_meeting", "Gruppen- und Besprechungsraum", 3, time(18),
                time(20), "FREQ=MONTHLY;BYDAY=+1TH", "Koordination Ehrenamt", 15),
)

SINGLE_EVENTS: tuple[tuple[str, str, str, int], ...] = (
    ("Infoabend Ausbildung und Studium", "info_evening", "Agentur für Arbeit", 20),
    ("Seminar Mietrecht", "seminar", "Mieterverein", 15),
    ("Infoabend Kita-Anmeldung", "info_evening", "Stadt Balingen", 18),
    ("Workshop Bewerbungsunterlagen", "seminar", "Jobcenter", 10),
    ("Elternabend Sprachkurs", "other", "VHS Balingen", 16),
    ("Beratung mit Ausländerbehörde (Sprechstunde)", "counselling", "Landratsamt", 4),
    ("Vorstellung Caritas Migrationsdienst", "info_evening", "Caritas", 12),
    ("Supervision", "team_meeting", "Fachbereichsleitung", 7),
)


def _add_booking(fill: _Fill, occupancy: dict[tuple[int, date], list[tuple[datetime, datetime]]], *,
                 room: str, title: str, kind: str, organiser: str, participants: int, start: datetime,
                 end: datetime, rule: str | None, creator: _StaffInfo | None,
                 linked_id: int | None = None, window_end: datetime | None = None,
                 check: bool = True) -> int | None:
    """A booking with its occurrences; None (nothing written) when a single one would overlap."""
    room_id = fill.rooms[room]
    occurrences = expand(rule, start, end, policy=HolidayPolicy.SKIP, window_end=window_end) if rule else \
        expand(None, start, end)
    if check:
        for occ in occurrences:
            for b_start, b_end in occupancy.get((room_id, occ.key), ()):
                if occ.starts_at < b_end and b_start < occ.ends_at:
                    if rule:
                        occurrences = [o for o in occurrences if o is not occ]
                        break
                    return None
    if not occurrences:
        return None
    booking_id = fill.new_id("room_bookings")
    created = start - timedelta(days=fill.rng.randint(3, 40))
    fill.add("room_bookings", {
        "id": booking_id, "room_id": room_id, "title": title, "kind": kind, "organiser": organiser,
        "expected_participants": participants, "notes": "", "starts_at": start, "ends_at": end, "rrule": rule,
        "holiday_policy": "skip", "linked_booking_id": linked_id, "created_by": creator.id if creator else None,
        "created_at": created, "updated_at": created, "version": 1,
    })
    for occ in occurrences:
        occupancy.setdefault((room_id, occ.key), []).append((occ.starts_at, occ.ends_at))
        fill.add("booking_occurrences", {
            "id": fill.new_id("booking_occurrences"), "booking_id": booking_id, "room_id": room_id,
            "original_start": occ.original_start, "starts_at": occ.starts_at, "ends_at": occ.ends_at,
            "cancelled": False, "detached": False, "title_override": None, "holiday_name": occ.holiday_name,
            "actual_participants": None,
        })
    fill.audit(created, creator, "booking.create", "room_booking", booking_id, None, {"title": title})
    return booking_id


def _add_series(fill: _Fill, occupancy: dict, plan: _SeriesPlan, first_day: date, last_day: date,
                creator: _StaffInfo | None, *, linked: bool = True) -> int:
    """One series per plan between the days (UNTIL = last_day); a linked tea-kitchen series."""
    day = first_day
    while day.weekday() != plan.weekday:
        day += timedelta(days=1)
    if plan.rule.startswith("FREQ=MONTHLY"):
        while day.day > 7:  # the first Thursday of a month
            day += timedelta(days=7)
    if day > last_day:
        return 0
    rule = f"{plan.rule};UNTIL={last_day:%Y%m%d}T235959"
    made = 0
    main = _add_booking(fill, occupancy, room=plan.room, title=plan.title, kind=plan.kind,
                        organiser=plan.organiser, participants=plan.participants,
                        start=_utc(day, plan.start), end=_utc(day, plan.end), rule=rule, creator=creator)
    if main is not None:
        made += 1
        if plan.linked_room and linked:
            linked_id = _add_booking(fill, occupancy, room=plan.linked_room, title=plan.title, kind=plan.kind,
                                  organiser=plan.organiser, participants=plan.participants,
                                  start=_utc(day, plan.start), end=_utc(day, plan.end), rule=rule,
                                  creator=creator, linked_id=main)
            made += linked_id is not None
    return made


def _add_single_bookings(fill: _Fill, occupancy: dict, first_day: date, last_day: date, count: int,
                         creator: _StaffInfo | None) -> int:
    rng = fill.rng
    days = list(_workdays(first_day, last_day))
    if not days:
        return 0
    rooms = ["Gruppen- und Besprechungsraum", "Teeküche", "Gruppen- und Besprechungsraum"]
    made = 0
    attempts = 0
    while made < count and attempts < count * 6:
        attempts += 1
        day = rng.choice(days)
        title, kind, organiser, participants = rng.choice(SINGLE_EVENTS)
        start_hour = rng.choice((9, 10, 11, 14, 15, 16, 17, 18, 19)) if kind != "info_evening" else rng.choice((17, 18, 19))
        length = rng.choice((60, 90, 120))
        start = _utc(day, time(start_hour, rng.choice((0, 30))))
        booking = _add_booking(fill, occupancy, room=rng.choice(rooms), title=title, kind=kind,
                               organiser=organiser, participants=participants, start=start,
                               end=start + timedelta(minutes=length), rule=None, creator=creator)
        made += booking is not None
    return made


# --- reminders (docs/REMINDERS.md) ----------------------------------------------------------------

#: Of the clients with an appointment from a fortnight ago on, this share agreed to reminders
#: (SMS mostly, some e-mail, a few both); of the others a few, from earlier appointments.
REMINDER_SHARE_WITH_APPOINTMENT = 0.45
REMINDER_SHARE_OTHERS = 0.06
REMINDER_ERRORS = ("number not reachable (provider: 'absent subscriber')", "mailbox full (552)")


def _mobile(phone: str, rng: random.Random) -> str:
    """The client's mobile number in international form, checked as the card checks it (the demo's
    phones include 0168/0169, pagers: such a client gave another number for reminders)."""
    from desk.domain.errors import ValidationError
    from desk.domain.reminders import normalise_mobile

    candidate = phone
    while True:
        try:
            number = normalise_mobile(candidate)
        except ValidationError:
            number = ""
        if number:
            return number
        candidate = f"01{rng.choice(('60', '62', '70', '71', '72', '73', '75', '76', '77', '78', '79'))} " \
                    f"{rng.randint(1000000, 9999999)}"


def make_reminders(fill: _Fill, now: datetime) -> None:
    """Consent and contact for reminders for a realistic share of clients (on the card: mobile
    number and/or e-mail, each with the date consent was given), and the sending log of the
    reminders the day before of the last fortnight's appointments: sent, a few failed or unclear
    (reception phones those, Termine → Erinnerungsliste)."""
    rng = fill.rng
    with_appointment = {c for _a, c, _s, _st in fill.recent_appointments}
    by_id = {c.id: c for c in fill.clients}

    def due_of(start: datetime) -> datetime:  # the reminder the working day before, at 10:00
        day_before = working_day_before(start.astimezone(BERLIN).date())
        return datetime.combine(day_before, time(10), tzinfo=BERLIN).astimezone(UTC)

    # the first appointment still to come whose reminder is already due (today's, or tomorrow's
    # after 10:00): its SMS did not arrive, so the reminder list asks reception to phone
    due_now = [a for a in sorted(fill.recent_appointments, key=lambda a: a[2])
               if a[3] == "booked" and due_of(a[2]) <= now and a[1] in by_id]
    failing = next((a for a in due_now if by_id[a[1]].phone), due_now[0] if due_now else None)  # one to phone
    consenting: dict[int, tuple[bool, bool]] = {}
    for client in fill.clients:
        share = REMINDER_SHARE_WITH_APPOINTMENT if client.id in with_appointment else REMINDER_SHARE_OTHERS
        forced = failing is not None and client.id == failing[1]
        if rng.random() >= share and not forced:
            continue
        roll = rng.random()
        sms, email = (True, False) if roll < 0.65 else (False, True) if roll < 0.85 else (True, True)
        sms = sms or forced
        consenting[client.id] = (sms, email)
        since = client.created_at + (now - client.created_at) * rng.random()
        fill.add("reminder_contacts", {
            "client_id": client.id,
            "sms_number": _mobile(client.phone, rng) if sms else "",
            "email": f"klient{client.id}@example.org" if email else "",
            "sms_consent_on": since.astimezone(BERLIN).date() if sms else None,
            "email_consent_on": since.astimezone(BERLIN).date() if email else None,
            "updated_at": since, "version": 1,
        })
        fill.audit(since, None, "reminder.contact", "client", client.id, client.id,
                   {"consent": {channel: "given" for channel, wanted in (("sms", sms), ("email", email)) if wanted}})
    for appointment_id, client_id, start, status in sorted(fill.recent_appointments, key=lambda a: a[2]):
        channels = consenting.get(client_id)
        if channels is None or client_id not in by_id:
            continue
        due = due_of(start)
        if due > now:
            continue  # not due yet: the workstations plan it when it is
        for channel, wanted in zip(("sms", "email"), channels, strict=True):
            if not wanted:
                continue
            if status == "cancelled":
                result = "obsolete"
            elif failing is not None and appointment_id == failing[0] and channel == "sms":
                result = "failed"  # shown to reception to phone instead
            else:
                result = rng.choices(("sent", "failed", "unknown"), (0.93, 0.05, 0.02))[0]
            sent_at = due + timedelta(seconds=rng.randint(5, 90))
            fill.add("reminder_sendings", {
                "id": fill.new_id("reminder_sendings"), "appointment_id": appointment_id, "client_id": client_id,
                "channel": channel, "slot": "day_before", "starts_at": start, "due_at": due,
                "send_until": start - timedelta(minutes=30), "status": result,
                "attempts": 0 if result == "obsolete" else (3 if result == "failed" else 1),
                "next_attempt_at": None, "claimed_by": "" if result == "obsolete" else DEMO_WORKSTATION,
                "claimed_at": None if result == "obsolete" else sent_at,
                "sent_at": sent_at if result == "sent" else None,
                "provider_id": f"demo-{appointment_id}-{channel}" if result == "sent" else "",
                "error": (REMINDER_ERRORS[0] if channel == "sms" else REMINDER_ERRORS[1]) if result == "failed" else "",
                "updated_at": sent_at,
            })


# --- the demo centre ------------------------------------------------------------------------------


def fill_demo_centre(services: Any, *, seed: int = 20240611, now: datetime | None = None,
                     clients: int = 450, past_weeks: int = 5, future_weeks: int = 4) -> dict[str, int]:
    """A realistic centre for `desk --demo` on a freshly seeded database. Returns row counts."""
    db = _database(services)
    now = (now or datetime.now(UTC)).astimezone(UTC)
    fill = _Fill(db, random.Random(seed))
    rng = fill.rng
    fill.make_staff()
    by_name = {s.username: s for s in fill.staff}
    reception = by_name.get("empfang")
    today = now.astimezone(BERLIN).date()
    first_day = today - timedelta(weeks=past_weeks)
    # registered within the default retention of inactive clients: the purge after the login
    # (the daily tasks) would erase anyone older who has not come since
    registered_since = today - relativedelta(months=BY_KEY["retention_months"].default["inactive_clients"] - 1)
    fill.make_clients(clients, datetime.combine(registered_since, time(10), tzinfo=BERLIN)
                      .astimezone(UTC), now - timedelta(days=2))
    # those who come today were all registered before
    recent = max(clients // 3, 10)

    fill.reminders_since = now - timedelta(days=14)

    # -- past days: open consultation hours and appointments ---------------------------------------
    busy: dict[int, list[tuple[datetime, datetime]]] = defaultdict(list)
    for day in _workdays(first_day, today - timedelta(days=1)):
        visits: list[dict[str, Any]] = []
        desk_person = reception if day.weekday() in (1, 4) else rng.choice([reception, by_name.get("ehrenamt")])
        for code, hours in _SERVICE_HOURS.items():
            if code not in fill.services:
                continue
            for weekday, start, end in hours:
                if weekday != day.weekday():
                    continue
                low, high = WALK_INS.get(code, (2, 5))
                window = (_utc(day, start) - timedelta(minutes=15), _utc(day, end) - timedelta(minutes=20))
                for _ in range(rng.randint(low, high)):
                    arrived = window[0] + (window[1] - window[0]) * rng.random()
                    fill.past_walk_in(service=code, day=day, arrived=arrived, recent_span=recent,
                                      staff_pool=fill.counsellors(code), reception=desk_person, visits=visits)
        _appointments_for_day(fill, day, busy, visits, now=now, per_staff=(1, 4), recent_span=recent,
                              reception=desk_person)
        fill.close_day(day, visits, desk_person)

    # -- today, relative to the real clock ----------------------------------------------------------
    _today(fill, today, now, busy, recent, reception)

    # -- the coming weeks: appointments ------------------------------------------------------------------
    for day in _workdays(today + timedelta(days=1), today + timedelta(weeks=future_weeks)):
        _appointments_for_day(fill, day, busy, None, now=now, per_staff=(2, 5), recent_span=recent,
                              reception=reception)

    # -- rooms ----------------------------------------------------------------------------------------------
    occupancy: dict[tuple[int, date], list[tuple[datetime, datetime]]] = {}
    leitung = by_name.get("leitung")
    series_from = today - timedelta(weeks=past_weeks + 8)
    series_to = date(today.year + 1, 6, 30) if today.month >= 7 else date(today.year, 12, 31)
    for plan in SERIES:
        _add_series(fill, occupancy, plan, series_from, series_to, leitung)
    _add_single_bookings(fill, occupancy, first_day, today + timedelta(weeks=future_weeks + 4), 25, leitung)
    fill.flush()
    make_reminders(fill, now)
    fill.flush()
    bulk.refresh_last_contact(db)
    bulk.fix_sequences(db)
    # The demo centre closes late, so whoever tries the demo after 16:30 still finds people
    # waiting (the end-of-day timer would otherwise close today's visits as "left" at once).
    from desk.storage.uow import UnitOfWork

    with UnitOfWork(db, write=True) as uow:
        uow.settings.set("closing_time", "23:59")
        # reminders are switched on (nothing goes out: the demo has no SMS provider or mail server)
        uow.settings.set("reminder_schedule", {"enabled": True, "day_before": True, "day_before_time": "10:00",
                                               "hours_before": 0, "sms_max_segments": 3,
                                               "channels": ["sms", "email"]})
        uow.commit()
    bulk.announce_change(db, {"clients", "visits", "appointments", "bookings", "reference"})
    return dict(fill.counts)


def _appointments_for_day(fill: _Fill, day: date, busy: dict[int, list[tuple[datetime, datetime]]],
                          visits: list[dict[str, Any]] | None, *, now: datetime, per_staff: tuple[int, int],
                          recent_span: int, reception: _StaffInfo | None,
                          not_before: datetime | None = None) -> list[dict[str, Any]]:
    """Appointments of every counsellor on `day`; past ones get their outcome (and a visit)."""
    rng = fill.rng
    made: list[dict[str, Any]] = []
    room_busy_key = {s.id: -(s.room_id or 0) for s in fill.staff}
    for staff in fill.counsellors():
        if day.weekday() not in staff.hours:
            continue
        # a counsellor's own appointments and those of whoever shares the room both block a slot
        shared: list[tuple[datetime, datetime]] = busy[staff.id]
        room_list = busy[room_busy_key[staff.id]] if staff.room_id else []
        day_busy = [b for b in shared + room_list if _utc(day, time(0)) <= b[0] < _utc(day + timedelta(days=1), time(0))]
        slots = fill.free_slots(staff, day, day_busy, rng.randint(*per_staff), not_before=not_before)
        service = next((c for c in staff.services if c in fill.services), None)
        if service is None:
            continue
        for start, end in slots:
            shared.append((start, end))
            if staff.room_id:
                room_list.append((start, end))
            client = fill.client_for(start - timedelta(days=7), recent_span)
            if client is None:
                continue
            created = min(start - timedelta(days=rng.randint(1, 21)), now - timedelta(hours=1))
            if end <= now:
                status = rng.choices(("done", "no_show", "cancelled"), (0.82, 0.08, 0.10))[0]
            else:
                status = "cancelled" if rng.random() < 0.07 else "booked"
            row = fill.appointment_row(staff=staff, client=client, service=service, start=start, end=end,
                                       status=status, created=created)
            fill.add("appointments", row)
            fill.audit(created, staff, "appointment.create", "appointment", row["id"], client.id)
            made.append(row)
            if status == "done" and visits is not None:
                arrived = start - timedelta(minutes=rng.randint(0, 12))
                called = start + timedelta(minutes=rng.randint(0, 8))
                visits.append(fill.visit_row(service=service, client=client, day=day, arrived=arrived,
                                             status="done", appointment_id=row["id"], called=called,
                                             started=called + timedelta(minutes=1), finished=end,
                                             staff=staff, reception=reception))
    return made


def _today(fill: _Fill, today: date, now: datetime, busy: dict[int, list[tuple[datetime, datetime]]],
           recent: int, reception: _StaffInfo | None) -> None:
    """Today's waiting room: some done, several waiting, one called, one in session, an
    appointment client who arrived, and appointments later today."""
    rng = fill.rng
    midnight = _utc(today, time(0))
    visits: list[dict[str, Any]] = []
    open_codes = [code for code, hours in _SERVICE_HOURS.items()
                  if code in fill.services and any(w == today.weekday() for w, _s, _e in hours)]
    codes = open_codes or [c for c in ("IM", "MBE") if c in fill.services]
    used: set[int] = set()

    def someone() -> _ClientInfo | None:
        for _ in range(50):
            client = fill.client_for(now, recent)
            if client is not None and client.id not in used:
                used.add(client.id)
                return client
        return None

    def earlier(minutes: int) -> datetime:
        return max(midnight + timedelta(minutes=1), now - timedelta(minutes=minutes))

    # finished earlier today
    for _ in range(rng.randint(4, 7)):
        code = rng.choice(codes)
        pool = fill.counsellors(code)
        arrived = earlier(rng.randint(95, 200))
        called = min(arrived + timedelta(minutes=rng.randint(5, 40)), earlier(60))
        called = max(called, arrived)
        visits.append(fill.visit_row(service=code, client=someone(), day=today, arrived=arrived, status="done",
                                     called=called, started=called + timedelta(minutes=1),
                                     finished=min(called + timedelta(minutes=rng.randint(15, 40)), earlier(5)),
                                     staff=rng.choice(pool) if pool else None, reception=reception))
    # one in session, one called
    counsellors = [s for s in fill.counsellors() if s.room_id and s.role == "beratung"]
    in_session_staff = counsellors[0] if counsellors else None
    called_staff = counsellors[1] if len(counsellors) > 1 else in_session_staff
    code = in_session_staff.services[0] if in_session_staff else codes[0]
    arrived = earlier(45)
    visits.append(fill.visit_row(service=code, client=someone(), day=today, arrived=arrived, status="in_session",
                                 called=earlier(14), started=earlier(12), staff=in_session_staff,
                                 reception=reception))
    code = called_staff.services[0] if called_staff else codes[0]
    visits.append(fill.visit_row(service=code, client=someone(), day=today, arrived=earlier(35), status="called",
                                 called=earlier(1), staff=called_staff, reception=reception))
    # waiting: one urgent, one anonymous family, some with interpreter needs
    waits = sorted(rng.sample(range(2, 55), 7), reverse=True)
    for index, minutes in enumerate(waits):
        code = rng.choice(codes)
        if index == 2:
            visits.append(fill.visit_row(service=code, client=None, day=today, arrived=earlier(minutes),
                                         status="waiting", party=3, reception=reception))
            continue
        urgent = index == 4
        visits.append(fill.visit_row(service=code, client=someone(), day=today, arrived=earlier(minutes),
                                     status="waiting", priority="urgent" if urgent else "normal",
                                     priority_reason="Frist Widerspruch läuft heute ab" if urgent else "",
                                     reception=reception))
    # an appointment client who arrived, and appointments later today
    for staff in counsellors:
        if today.weekday() in staff.hours:
            break
    else:
        staff = counsellors[0] if counsellors else None
    if staff is not None:
        service = next(c for c in staff.services if c in fill.services)
        start = _ceil_quarter(now + timedelta(minutes=10))
        if start.astimezone(BERLIN).date() == today:
            client = someone()
            if client is not None:
                row = fill.appointment_row(staff=staff, client=client, service=service, start=start,
                                           end=start + timedelta(minutes=30), status="arrived",
                                           created=now - timedelta(days=6))
                busy[staff.id].append((row["starts_at"], row["ends_at"]))
                if staff.room_id:
                    busy[-staff.room_id].append((row["starts_at"], row["ends_at"]))
                fill.add("appointments", row)
                visits.append(fill.visit_row(service=service, client=client, day=today, arrived=earlier(6),
                                             status="waiting", appointment_id=row["id"], reception=reception))
    later = _appointments_for_day(fill, today, busy, None, now=now, per_staff=(2, 4), recent_span=recent,
                                  reception=reception, not_before=_ceil_quarter(now + timedelta(minutes=45)))
    if not later and staff is not None:  # after hours: still show what "later today" looks like
        service = next(c for c in staff.services if c in fill.services)
        for offset in (60, 120):
            start = _ceil_quarter(now + timedelta(minutes=offset))
            if start.astimezone(BERLIN).date() != today or (start + timedelta(minutes=30)).astimezone(BERLIN).date() != today:
                continue
            if any(start < e and s < start + timedelta(minutes=30) for s, e in busy[staff.id] + busy[-(staff.room_id or 0)]):
                continue
            client = someone()
            if client is None:
                continue
            row = fill.appointment_row(staff=staff, client=client, service=service, start=start,
                                       end=start + timedelta(minutes=30), status="booked",
                                       created=now - timedelta(days=3))
            busy[staff.id].append((start, row["ends_at"]))
            if staff.room_id:
                busy[-staff.room_id].append((start, row["ends_at"]))
            fill.add("appointments", row)
    fill.close_day(today, visits, reception)


def _ceil_quarter(moment: datetime) -> datetime:
    moment = moment.astimezone(UTC).replace(second=0, microsecond=0)
    return moment + timedelta(minutes=(-moment.minute) % 15)


# --- at scale ----------------------------------------------------------------------------------------


def scale_defaults(years: int) -> dict[str, int]:
    """The issue's shape for 10 years, proportionally for fewer: 50,000 clients, 300,000
    visits, 20,000 appointments, 10,000 room bookings."""
    return {"clients": 5_000 * years, "visits": 30_000 * years, "appointments": 2_000 * years,
            "bookings": 1_000 * years}


def fill_demo_at_scale(target: Any, *, years: int = 10, clients: int | None = None, visits: int | None = None,
                       appointments: int | None = None, bookings: int | None = None, seed: int = 1,
                       now: datetime | None = None, batch: int = 5_000,
                       progress: Callable[[str], None] | None = None) -> dict[str, int]:
    """`years` of data ending today, in bulk (for benchmarks). Returns row counts per table.

    Visits and appointments are spread over the working days; each day's numbers are drawn so
    that the totals come out as requested (exactly). Nothing is open except today's visits."""
    if years < 1:
        raise ValueError("years must be at least 1")
    defaults = scale_defaults(years)
    n_clients = defaults["clients"] if clients is None else clients
    n_visits = defaults["visits"] if visits is None else visits
    n_appointments = defaults["appointments"] if appointments is None else appointments
    n_bookings = defaults["bookings"] if bookings is None else bookings
    db = _database(target)
    now = (now or datetime.now(UTC)).astimezone(UTC)
    fill = _Fill(db, random.Random(seed), batch=batch, progress=progress)
    rng = fill.rng
    today = now.astimezone(BERLIN).date()
    fill.display_since = today - timedelta(days=14)
    first_day = today - timedelta(days=365 * years)
    fill.say("staff")
    fill.make_staff()
    if not fill.staff:
        fill.staff = _existing_staff(db, fill)
    reception = next((s for s in fill.staff if s.role == "empfang"), None)
    fill.say(f"{n_clients} clients")
    fill.make_clients(n_clients, _utc(first_day, time(9)) - timedelta(days=30), now - timedelta(days=1))
    recent = max(n_clients // (years * 2), 20)

    days = list(_workdays(first_day, today - timedelta(days=1)))
    visit_quota = _spread(n_visits, len(days), rng)
    appointment_quota = _spread(n_appointments, len(days), rng)
    codes = [c for c in ("IM", "MBE", "KH", "FL") if c in fill.services]
    code_weights = [0.45, 0.28, 0.17, 0.10][: len(codes)]
    busy: dict[int, list[tuple[datetime, datetime]]] = defaultdict(list)
    fill.say(f"{n_visits} visits, {n_appointments} appointments over {len(days)} working days")
    visit_target = appointment_target = 0
    for index, day in enumerate(days):
        day_visits: list[dict[str, Any]] = []
        before = fill.counts["visits"]
        visit_target += visit_quota[index]
        appointment_target += appointment_quota[index]
        wanted_appointments = appointment_target - fill.counts["appointments"]
        if wanted_appointments > 0:
            _scale_appointments(fill, day, busy, wanted_appointments, day_visits, now, recent, reception)
        walk_ins = visit_target - before - len(day_visits)
        while walk_ins > 0:
            code = rng.choices(codes, code_weights)[0]
            hours = [(s, e) for w, s, e in _SERVICE_HOURS.get(code, ()) if w == day.weekday()] or [(time(9), time(15, 30))]
            start, end = rng.choice(hours)
            arrived = _utc(day, start) - timedelta(minutes=15) + (_utc(day, end) - _utc(day, start)) * rng.random()
            fill.past_walk_in(service=code, day=day, arrived=arrived, recent_span=recent,
                              staff_pool=fill.counsellors(code), reception=reception, visits=day_visits,
                              allow_handover=walk_ins >= 2)
            walk_ins = visit_target - before - len(day_visits)
        fill.close_day(day, day_visits, reception)
        assert fill.counts["visits"] - before == len(day_visits)
        if index % 250 == 0:
            fill.say(f"  {day:%Y-%m}: {fill.counts['visits']} visits")
    # today gets no visits, so "today" stays quiet for the measurements
    fill.say(f"{n_bookings} room bookings")
    occupancy: dict[tuple[int, date], list[tuple[datetime, datetime]]] = {}
    leitung = next((s for s in fill.staff if s.role == "leitung"), None)
    made = 0
    for year in range(first_day.year, today.year + 2):
        start = max(date(year, 1, 8), first_day)
        end = date(year, 12, 20)
        if start > end:
            continue
        for plan in SERIES:
            if made >= n_bookings:
                break
            made += _add_series(fill, occupancy, plan, start, end, leitung, linked=n_bookings - made >= 2)
    if made < n_bookings:
        made += _add_single_bookings(fill, occupancy, first_day, today + timedelta(days=180),
                                     n_bookings - made, leitung)
    fill.flush()
    fill.say("last contacts, statistics")
    bulk.refresh_last_contact(db)
    bulk.fix_sequences(db)
    bulk.analyze(db)
    bulk.announce_change(db, {"clients", "visits", "appointments", "bookings"})
    return dict(fill.counts)


def _spread(total: int, slots: int, rng: random.Random) -> list[int]:
    """`total` split over `slots` days, busier on Mondays/Thursdays-like noise, summing exactly."""
    if slots <= 0:
        return []
    weights = [0.6 + rng.random() for _ in range(slots)]
    scale = total / sum(weights)
    quota = [int(w * scale) for w in weights]
    for i in rng.sample(range(slots), k=min(slots, total - sum(quota))):
        quota[i] += 1
    return quota


def _scale_appointments(fill: _Fill, day: date, busy: dict[int, list[tuple[datetime, datetime]]], wanted: int,
                        visits: list[dict[str, Any]], now: datetime, recent: int,
                        reception: _StaffInfo | None) -> int:
    """`wanted` appointments on a past day among the counsellors working that day."""
    rng = fill.rng
    staff_today = [s for s in fill.counsellors() if day.weekday() in s.hours]
    if not staff_today:
        return 0
    day_start = _utc(day, time(0))
    # only this day's intervals matter: start fresh per day (keeps the lists short)
    for key in list(busy):
        busy[key] = [b for b in busy[key] if b[0] >= day_start]
    made = 0
    for turn in range(wanted * 3):
        if made >= wanted:
            break
        staff = staff_today[turn % len(staff_today)]
        room_key = -(staff.room_id or 0)
        day_busy = busy[staff.id] + (busy[room_key] if staff.room_id else [])
        slots = fill.free_slots(staff, day, day_busy, 1)
        if not slots:
            continue
        start, end = slots[0]
        busy[staff.id].append((start, end))
        if staff.room_id:
            busy[room_key].append((start, end))
        client = fill.client_for(start - timedelta(days=7), recent)
        if client is None:
            continue
        service = next(c for c in staff.services if c in fill.services)
        status = rng.choices(("done", "no_show", "cancelled"), (0.82, 0.08, 0.10))[0]
        created = start - timedelta(days=rng.randint(1, 21))
        row = fill.appointment_row(staff=staff, client=client, service=service, start=start, end=end,
                                   status=status, created=created)
        fill.add("appointments", row)
        fill.audit(created, staff, "appointment.create", "appointment", row["id"], client.id)
        made += 1
        if status == "done":
            arrived = start - timedelta(minutes=rng.randint(0, 12))
            called = start + timedelta(minutes=rng.randint(0, 8))
            visits.append(fill.visit_row(service=service, client=client, day=day, arrived=arrived, status="done",
                                         appointment_id=row["id"], called=called,
                                         started=called + timedelta(minutes=1), finished=end, staff=staff,
                                         reception=reception))
    return made


def _existing_staff(db: Database, fill: _Fill) -> list[_StaffInfo]:
    """A database filled before: rebuild the staff plan from the usernames present."""
    ids = bulk.staff_ids(db)
    result = []
    for username, role, codes, room_name, hours in STAFF_PLAN:
        if username in ids:
            result.append(_StaffInfo(ids[username], username, STAFF_NAMES[username], role, codes,
                                     fill.rooms.get(room_name) if room_name else None, hours))
    return result
