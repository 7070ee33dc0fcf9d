"""Reports: a known set of visits, appointments and bookings, and every figure asserted exactly.

The data are written straight into the tables (as check-in, hand-over, retention and the room
calendar leave them), so the figures are pinned down independently of those features. The
expected numbers are worked out by hand in the comments; definitions: docs/REPORTS.md.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from datetime import UTC, date, datetime

import pytest
import sqlalchemy as sa

from desk.domain.errors import PermissionDeniedError, ValidationError
from desk.domain.reports import Durations, Period, suppressed_tables
from desk.domain.tickets import BERLIN
from desk.services.clients import ClientInput
from desk.services.report_exports import export_csv, export_xlsx
from desk.services.report_tables import anonymised_note, build_tables, overview_rows
from desk.services.reports import parse_period
from desk.storage.models import Appointment, AuditEvent, BookingOccurrence, RoomBooking, Visit

MARKERS = ("Zqxmarkerone", "Vwjmarkertwo", "Kpfmarkerthree", "Hbnmarkerfour", "Yrtmarkerfive")
NOW = datetime(2026, 3, 20, 12, 0, tzinfo=UTC)
MARCH = Period.month(2026, 3)


def t(month: int, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=BERLIN)


def build_centre(services, head) -> dict[str, int]:
    svc = {s.code: s.id for s in services.reference.services(head)}
    rooms = {r.kind.value: r.id for r in services.reference.rooms(head)}
    clients = [
        services.clients.create(head, ClientInput(given_name=marker, family_name=f"=1+1 {marker}")).id
        for marker in MARKERS
    ]
    c1, c2, c3, c4, c5 = clients
    numbers: dict[tuple[int, date], int] = {}
    ids: dict[str, int] = {}

    with services.uow(write=True) as uow:
        appts = {}
        for key, service, start, status in (
            ("a1", "MBE", t(3, 3, 10), "done"),
            ("a2", "MBE", t(3, 9, 10), "no_show"),
            ("a3", "MBE", t(3, 11, 10), "cancelled"),
            ("a4", "MBE", t(3, 16, 10), "booked"),  # past (NOW is 20 March) and never marked
            ("a5", "IM", t(3, 25, 10), "booked"),  # still to come
            ("a6", "MBE", t(4, 2, 10), "no_show"),  # April: outside the period
        ):
            appts[key] = uow.session.execute(sa.insert(Appointment).values(
                client_id=c2, service_id=svc[service], starts_at=start, ends_at=start.replace(hour=11),
                status=status, created_at=NOW, updated_at=NOW,
            ).returning(Appointment.id)).scalar_one()

        def visit(key, client, service, arrived, *, called=None, started=None, finished=None, status="done",
                  residence="unknown", group="unknown", language="", interpreter="", first=False,
                  appointment=None, parent=None, anonymised=False):
            day = arrived.astimezone(BERLIN).date()
            number = numbers[(svc[service], day)] = numbers.get((svc[service], day), 0) + 1
            ids[key] = uow.visits.add(
                client_id=client, service_id=svc[service], appointment_id=appointment,
                handed_over_from_id=ids.get(parent) if parent else None, ticket_day=day,
                ticket_number=number, ticket_prefix="X", status=status, arrived_at=arrived,
                first_called_at=called, called_at=called, started_at=started, finished_at=finished,
                residence=residence, status_group=group, client_language=language,
                interpreter_language=interpreter, first_visit=first, anonymised=anonymised, updated_at=NOW,
            )

        # MBE: c1 twice (first visit, interpreter Arabic), c2 with appointment a1, c3 handed over
        visit("V1", c1, "MBE", t(3, 2, 9), called=t(3, 2, 9, 10), started=t(3, 2, 9, 12), finished=t(3, 2, 9, 42),
              residence="balingen", group="recognised", language="ar", interpreter="ar", first=True)
        visit("V2", c1, "MBE", t(3, 10, 9), called=t(3, 10, 9, 20), started=t(3, 10, 9, 20),
              finished=t(3, 10, 9, 50), residence="balingen", group="recognised", language="ar")
        # arrived 09:50 for 10:00, called 10:05: waited 5 minutes (from the appointment time)
        visit("V3", c2, "MBE", t(3, 3, 9, 50), called=t(3, 3, 10, 5), started=t(3, 3, 10, 5),
              finished=t(3, 3, 11, 5), residence="kleiner_heuberg", group="tolerated", language="uk",
              interpreter="uk", first=True, appointment=appts["a1"])
        # hand-over chain MBE -> IM -> MBE, all with the original arrival time
        visit("V4a", c3, "MBE", t(3, 4, 9), called=t(3, 4, 9, 30), started=t(3, 4, 9, 30),
              finished=t(3, 4, 9, 45), status="handed_over", residence="other", group="asylum_seeker",
              language="fa", first=True)
        visit("V4b", c3, "IM", t(3, 4, 9), called=t(3, 4, 10), started=t(3, 4, 10), finished=t(3, 4, 10, 20),
              status="handed_over", residence="other", group="asylum_seeker", language="fa", parent="V4a")
        visit("V4c", c3, "MBE", t(3, 4, 9), called=t(3, 4, 10, 30), started=t(3, 4, 10, 30),
              finished=t(3, 4, 10, 40), residence="other", group="asylum_seeker", language="fa", parent="V4b")
        # anonymous ticket
        visit("V5", None, "MBE", t(3, 5, 10), called=t(3, 5, 10, 15), started=t(3, 5, 10, 15),
              finished=t(3, 5, 10, 25))
        # IM: a visit whose person retention has removed (snapshots kept), left before the session
        visit("V6", None, "IM", t(3, 6, 9), called=t(3, 6, 9, 40), status="left", residence="balingen",
              group="eu_citizen", language="ro", first=True, anonymised=True)
        # across midnight: arrived 31 March 23:50, called and seen after midnight -> March
        visit("V7", c4, "IM", t(3, 31, 23, 50), called=t(4, 1, 0, 10), started=t(4, 1, 0, 10),
              finished=t(4, 1, 0, 30), residence="balingen", group="tolerated", language="ar", interpreter="ar")
        # KH: c5 moved from Balingen to the Kleiner Heuberg during the month
        visit("V8", c5, "KH", t(3, 12, 9), called=t(3, 12, 9, 5), started=t(3, 12, 9, 5),
              finished=t(3, 12, 9, 30), residence="balingen", group="recognised", language="tr", first=True)
        visit("V9", c5, "KH", t(3, 20, 9), status="left", residence="kleiner_heuberg", group="recognised",
              language="tr")
        # outside the period (local days): 1 April 00:05 and 28 February 23:59
        visit("VX", c1, "MBE", t(4, 1, 0, 5), called=t(4, 1, 0, 6), residence="balingen", first=False)
        visit("VY", c2, "MBE", t(2, 28, 23, 59), called=t(3, 1, 0, 30), residence="kleiner_heuberg")

        # rooms: a weekly language café in the group room with the tea kitchen linked to it
        def booking(room, kind, title, start, end, linked=None):
            return uow.session.execute(sa.insert(RoomBooking).values(
                room_id=room, title=title, kind=kind, starts_at=start, ends_at=end, linked_booking_id=linked,
                created_at=NOW, updated_at=NOW).returning(RoomBooking.id)).scalar_one()

        def occurrence(booking_id, room, start, end, cancelled=False, participants=None):
            uow.session.execute(sa.insert(BookingOccurrence).values(
                booking_id=booking_id, room_id=room, original_start=start, starts_at=start, ends_at=end,
                cancelled=cancelled, actual_participants=participants))

        cafe = booking(rooms["group"], "language_cafe", "=HYPERLINK(\"x\") Sprachcafé", t(3, 3, 17), t(3, 3, 19))
        kitchen = booking(rooms["kitchen"], "language_cafe", "Sprachcafé Küche", t(3, 3, 17), t(3, 3, 19),
                          linked=cafe)
        for day, participants, cancelled in ((3, 12, False), (10, 8, False), (17, None, True), (24, None, False)):
            occurrence(cafe, rooms["group"], t(3, day, 17), t(3, day, 19), cancelled, participants)
            occurrence(kitchen, rooms["kitchen"], t(3, day, 17), t(3, day, 19), cancelled)
        team = booking(rooms["group"], "team_meeting", "Team", t(3, 5, 9), t(3, 5, 10, 30))
        occurrence(team, rooms["group"], t(3, 5, 9), t(3, 5, 10, 30))
        seminar = booking(rooms["group"], "seminar", "Seminar", t(2, 27, 9), t(2, 27, 12))
        occurrence(seminar, rooms["group"], t(2, 27, 9), t(2, 27, 12))  # February: outside
        uow.commit()
    return svc


def by_code(report, code):
    return next(s for s in report.services if s.code == code)


def test_every_figure_of_a_known_month(services, head):
    svc = build_centre(services, head)
    report = services.reports.report(head, MARCH, now=NOW)
    mbe, im, kh, fl = (by_code(report, c) for c in ("MBE", "IM", "KH", "FL"))
    total = report.total

    # MBE: V1 V2 V3 V4a V5 (V4c repeats MBE in the same hand-over chain)
    assert (mbe.visits, mbe.distinct_clients, mbe.new_clients) == (5, 3, 3)
    assert (mbe.anonymous_visits, mbe.anonymised_visits) == (1, 0)
    assert (mbe.walk_ins, mbe.appointment_visits, mbe.interpreter_visits) == (4, 1, 2)
    assert mbe.visits_by_place == {"balingen": 2, "kleiner_heuberg": 1, "other": 1, "unknown": 1}
    assert mbe.clients_by_place == {"balingen": 1, "kleiner_heuberg": 1, "other": 1}
    assert mbe.visits_by_status_group == {"recognised": 2, "tolerated": 1, "asylum_seeker": 1, "unknown": 1}
    assert mbe.clients_by_status_group == {"recognised": 1, "tolerated": 1, "asylum_seeker": 1}
    assert mbe.clients_by_language == {"ar": 1, "uk": 1, "fa": 1}
    assert mbe.interpreter_by_language == {"ar": 1, "uk": 1}
    assert mbe.visits_by_month == {"2026-03": 5}
    # waits 5 10 15 20 30; sessions 10 10 15 30 30 60 (V4c was a real session)
    assert mbe.wait == Durations(5, 15.0, 26.0)
    assert mbe.session == Durations(6, 22.5, 45.0)
    a = mbe.appointments
    assert (a.booked_past, a.booked_future, a.arrived, a.done, a.no_show, a.cancelled) == (1, 0, 0, 1, 1, 1)
    assert (a.due, a.no_show_rate) == (3, 33.3)

    # IM: V4b (handed over to IM), V6 (anonymised), V7 (across midnight)
    assert (im.visits, im.distinct_clients, im.new_clients) == (3, 2, 1)
    assert (im.anonymous_visits, im.anonymised_visits, im.walk_ins, im.appointment_visits) == (0, 1, 3, 0)
    assert im.visits_by_place == {"other": 1, "balingen": 2}
    assert im.clients_by_place == {"other": 1, "balingen": 1}
    assert im.visits_by_status_group == {"asylum_seeker": 1, "eu_citizen": 1, "tolerated": 1}
    assert im.interpreter_by_language == {"ar": 1}
    assert im.wait == Durations(2, 30.0, 38.0)  # V6 40, V7 20; V4b is not a chain start
    assert im.session == Durations(2, 20.0, 20.0)
    assert (im.appointments.booked_future, im.appointments.due, im.appointments.no_show_rate) == (1, 0, None)

    # KH: c5 counted once, at the place of the latest visit
    assert (kh.visits, kh.distinct_clients, kh.new_clients) == (2, 1, 1)
    assert kh.visits_by_place == {"balingen": 1, "kleiner_heuberg": 1}
    assert kh.clients_by_place == {"kleiner_heuberg": 1}
    assert kh.clients_by_language == {"tr": 1}
    assert kh.wait == Durations(1, 5.0, 5.0)
    assert kh.session == Durations(1, 25.0, 25.0)

    assert (fl.visits, fl.distinct_clients, fl.wait, fl.visits_by_month) == (0, 0, Durations(), {})

    # total: chains count once (9), not the sum of the services (10)
    assert (total.visits, total.distinct_clients, total.new_clients) == (9, 5, 5)
    assert (total.anonymous_visits, total.anonymised_visits) == (1, 1)
    assert (total.walk_ins, total.appointment_visits, total.interpreter_visits) == (8, 1, 3)
    assert total.visits_by_place == {"balingen": 5, "kleiner_heuberg": 2, "other": 1, "unknown": 1}
    assert total.clients_by_place == {"balingen": 2, "kleiner_heuberg": 2, "other": 1}
    assert total.clients_by_status_group == {"recognised": 2, "tolerated": 2, "asylum_seeker": 1}
    assert total.clients_by_language == {"ar": 2, "uk": 1, "fa": 1, "tr": 1}
    assert total.visits_by_month == {"2026-03": 9}
    assert total.wait == Durations(8, 17.5, 33.0)
    assert total.session == Durations(9, 20.0, 36.0)
    assert (total.appointments.due, total.appointments.no_show, total.appointments.no_show_rate) == (3, 1, 33.3)
    assert total.appointments.booked_future == 1

    # rooms: cancelled occurrence and February left out; the linked kitchen is no second event
    kinds = {k.kind: k for k in report.rooms.by_kind}
    cafe = kinds["language_cafe"]
    assert (cafe.occurrences, cafe.hours, cafe.events, cafe.participants, cafe.events_with_participants) == (
        6, 12.0, 3, 20, 2)
    # the funder asks for group-room hours by kind of event: the café took place 3 x 2 h there (its
    # tea kitchen, booked with it, doubles the hours of every room, not the time of the event)
    assert cafe.group_room_hours == 6.0
    assert sum(k.group_room_hours for k in report.rooms.by_kind) == report.rooms.group_room_hours
    rooms_table = {t.key: t for t in build_tables(report, "de")}["rooms"]
    cafe_row = next(row for row in rooms_table.rows if row[0] == "Sprachcafé")
    assert cafe_row[rooms_table.headers.index("Stunden im Gruppenraum")] == 6.0
    team = kinds["team_meeting"]
    assert (team.occurrences, team.hours, team.events, team.participants) == (1, 1.5, 1, 0)
    assert kinds["seminar"].occurrences == 0
    assert report.rooms.hours_by_room == {"Gruppen- und Besprechungsraum": 7.5, "Teeküche": 6.0}
    # March 2026: 22 weekdays, no public holiday in Baden-Württemberg, 08:00-20:00
    assert report.rooms.group_room_opening_hours == 264.0
    assert report.rooms.group_room_hours == 7.5
    assert report.rooms.group_room_occupancy == 2.8
    assert set(svc) >= {"MBE", "IM", "KH", "FL"}

    # the previous period (February): only VY (arrived 28 Feb 23:59)
    assert report.previous is not None and report.previous.period == Period.month(2026, 2)
    assert report.previous.total.visits == 1
    # it holds what the comparison column shows: the overview figures of February's own report
    # (counts, distinct clients, waiting and session times, appointments), computed without
    # February's breakdowns, which nothing shows (desk.domain.reports.Comparison)
    february = services.reports.report(head, Period.month(2026, 2), now=NOW, compare=False)
    assert february.total.visits_by_place == {"kleiner_heuberg": 1}
    assert february.rooms.group_room_hours == 3.0
    assert overview_rows(report.previous.total) == overview_rows(february.total)
    assert report.previous.total.visits_by_place == {}


def test_across_midnight_belongs_to_the_day_of_arrival(services, head):
    build_centre(services, head)
    april = services.reports.report(head, Period.month(2026, 4), now=NOW, compare=False)
    assert april.total.visits == 1  # VX only; V7 (arrived 31 March) stays in March
    assert april.previous is None
    first_day = services.reports.report(head, Period(date(2026, 3, 31), date(2026, 3, 31)), now=NOW)
    assert first_day.total.visits == 1 and first_day.total.wait == Durations(1, 20.0, 20.0)


def test_times_count_in_whole_seconds_each(services, head):
    """A waiting or session time is the difference of the two times each cut to the whole second
    (as every engine computes it), not the exact difference cut afterwards: 10:00:00.900 to
    10:00:03.100 is 3 s (0.05 min, shown 0.1), not 2 s (0.0)."""
    mbe = next(s.id for s in services.reference.services(head) if s.code == "MBE")
    with services.uow(write=True) as uow:
        arrived = t(3, 2, 10).replace(microsecond=900_000)
        uow.visits.add(
            client_id=None, service_id=mbe, appointment_id=None, handed_over_from_id=None,
            ticket_day=date(2026, 3, 2), ticket_number=1, ticket_prefix="X", status="done", arrived_at=arrived,
            first_called_at=t(3, 2, 10, 0).replace(second=3, microsecond=100_000),
            called_at=t(3, 2, 10, 0).replace(second=3, microsecond=100_000),
            started_at=t(3, 2, 10, 0).replace(second=3, microsecond=100_000), finished_at=t(3, 2, 10, 0).replace(second=6),
            residence="unknown", status_group="unknown", client_language="", interpreter_language="",
            first_visit=False, anonymised=False, updated_at=NOW,
        )
        uow.commit()
    report = services.reports.report(head, MARCH, now=NOW)
    assert report.total.wait == Durations(1, 0.1, 0.1)
    assert report.total.session == Durations(1, 0.1, 0.1)
    assert report.previous is not None and report.previous.total.visits == 0


def test_a_year_groups_visits_by_month(services, head):
    build_centre(services, head)
    year = services.reports.report(head, Period.year(2026), now=NOW, compare=False)
    assert year.total.visits_by_month == {"2026-02": 1, "2026-03": 9, "2026-04": 1}
    assert year.total.visits == 11


def test_reports_need_the_head_of_department(services, reception, counsellor):
    for actor in (reception, counsellor):
        with pytest.raises(PermissionDeniedError):
            services.reports.report(actor, MARCH)


def test_periods():
    assert Period.quarter(2026, 1).previous() == Period.quarter(2025, 4)
    assert Period.month(2026, 1).previous() == Period.month(2025, 12)
    assert Period.year(2026).previous() == Period.year(2025)
    assert Period(date(2026, 3, 10), date(2026, 3, 19)).previous() == Period(date(2026, 2, 28), date(2026, 3, 9))
    assert parse_period("2026-01-01", "2026-12-31") == Period.year(2026)
    with pytest.raises(ValidationError):
        parse_period("2026-02-01", "2026-01-01")


def _all_text(data: bytes) -> str:
    return data.decode("utf-8", errors="replace")


def test_exports_hold_no_names_and_suppress_small_counts(services, head, tmp_path):
    build_centre(services, head)
    report = services.reports.report(head, MARCH, now=NOW)
    xlsx = tmp_path / "r.xlsx"
    export_xlsx(report, xlsx, "de")
    zipped = tmp_path / "r.zip"
    export_csv(report, zipped, "de")
    blobs = [xlsx.read_bytes(), zipped.read_bytes()]
    for archive in (xlsx, zipped):
        with zipfile.ZipFile(archive) as z:
            blobs += [z.read(name) for name in z.namelist()]
    for blob in blobs:
        for marker in MARKERS:
            assert marker.encode() not in blob
            assert marker.encode("utf-16-le") not in blob

    # CSV: the overview of KH has 2 visits -> "< 3"; the total of 9 is exact
    with zipfile.ZipFile(zipped) as z:
        overview = z.read("overview.csv").decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(overview), delimiter=";"))
    header, visits = rows[0], rows[1]
    assert visits[header.index("Sozialbetreuung Kleiner Heuberg")] == "< 3"
    assert visits[header.index("Gesamt")] == "9"
    assert visits[header.index("Migrationsberatung für erwachsene Zuwanderer")] == "5"
    # a share next to a suppressed count is hidden too
    tables = {t.key: t for t in suppressed_tables(build_tables(report, "en"), report.threshold)}
    places = tables["places_visits"]
    kh = places.headers.index("Social care Kleiner Heuberg: Visits")
    assert [row[kh] for row in places.rows] == ["< 3", "< 3", 0, 0]
    assert [row[kh + 1] for row in places.rows] == ["x", "x", 0.0, 0.0]  # not "< 3": that read as "< 3 %"
    # the screen shows exact numbers
    exact = {t.key: t for t in build_tables(report, "en")}["places_visits"]
    assert [row[kh] for row in exact.rows] == [1, 1, 0, 0]


def test_a_no_show_rate_does_not_give_a_suppressed_count_away(services, head, tmp_path):
    """The city reads the exports: 'No-shows < 3' next to 'Appointments due 4' and 'No-show rate
    25 %' told it the no-shows were exactly 1. A rate computed from a hidden count is hidden too
    (overview and appointments table, CSV and XLSX alike); the screen keeps the exact figures."""
    build_centre(services, head)
    report = services.reports.report(head, MARCH, now=NOW)
    exact = {t.key: t for t in build_tables(report, "en")}
    hidden = {t.key: t for t in suppressed_tables(build_tables(report, "en"), report.threshold)}
    column = exact["appointments"].headers.index(next(s.name("en") for s in report.services if s.code == "MBE"))
    no_shows = [row[0] for row in exact["appointments"].rows].index("No-shows")
    rate = [row[0] for row in exact["appointments"].rows].index("No-show rate (%)")
    assert 0 < exact["appointments"].rows[no_shows][column] < report.threshold  # a small count ...
    assert exact["appointments"].rows[rate][column] is not None  # ... with its rate on screen
    assert hidden["appointments"].rows[no_shows][column] == "< 3"
    assert hidden["appointments"].rows[rate][column] == "x"
    over_rows = [row[0] for row in exact["overview"].rows]
    assert hidden["overview"].rows[over_rows.index("No-shows")][column] == "< 3"
    assert hidden["overview"].rows[over_rows.index("No-show rate (%)")][column] == "x"
    # a rate from a count that is shown stays (the total of the centre's appointments)
    total = len(exact["appointments"].headers) - 1
    if exact["appointments"].rows[no_shows][total] >= report.threshold or \
            exact["appointments"].rows[no_shows][total] == 0:
        assert hidden["appointments"].rows[rate][total] == exact["appointments"].rows[rate][total]
    zipped = tmp_path / "r.zip"
    export_csv(report, zipped, "en")
    with zipfile.ZipFile(zipped) as z:
        appointments = list(csv.reader(io.StringIO(z.read("appointments.csv").decode("utf-8-sig")), delimiter=";"))
    assert appointments[rate + 1][column] == "x"
    with zipfile.ZipFile(zipped) as z:  # and the legend says what "x" means
        assert "\u201cx\u201d = a share, rate or change left out" in z.read("report.csv").decode("utf-8-sig")


def test_xlsx_sheet_names_read_as_the_tables_titles(services, head, tmp_path):
    """Excel forbids ':' and '*' in sheet names: they became spaces ('Klient innen nach Wohnort',
    'Räume  Stunden'); the city reads 'Klient·innen' and 'Räume – Stunden' now."""
    build_centre(services, head)
    report = services.reports.report(head, MARCH, now=NOW)
    path = tmp_path / "r.xlsx"
    export_xlsx(report, path, "de")
    with zipfile.ZipFile(path) as z:
        names = re.findall(r'<sheet name="([^"]*)"', z.read("xl/workbook.xml").decode())
    assert "Klient·innen nach Wohnort" in names and "Räume – Stunden" in names
    assert all("  " not in n and len(n) <= 31 and not any(c in n for c in "[]:*?/\\") for n in names)


def test_xlsx_text_never_becomes_a_formula(services, head, tmp_path):
    build_centre(services, head)
    with services.uow(write=True) as uow:  # a service name starting with "="
        uow.session.execute(sa.text("UPDATE services SET name_de = '=1+1', name_en = '=1+1' WHERE code = 'FL'"))
        uow.commit()
    services.reference.invalidate()
    report = services.reports.report(head, MARCH, now=NOW)
    path = tmp_path / "r.xlsx"
    export_xlsx(report, path, "de")
    with zipfile.ZipFile(path) as z:
        sheets = [z.read(n).decode() for n in z.namelist() if n.startswith("xl/worksheets/sheet")]
        shared = z.read("xl/sharedStrings.xml").decode()
    assert "=1+1" in shared
    assert not any("<f>" in s and "1+1" in s for s in sheets)
    assert all("<f>" not in s for s in sheets)


def test_export_is_audited(services, head):
    services.reports.record_export(head, MARCH, "xlsx")
    with services.uow() as uow:
        actions = uow.session.scalars(sa.select(AuditEvent.action)).all()
    assert "report.export" in actions


def test_command_line_writes_every_format(sqlite_db_url, tmp_path, head, cli_login):
    """desk-admin report: xlsx, csv and pdf (drawn by Qt in a child process), no names inside."""
    import json
    import shutil
    import subprocess

    from desk.cli import main
    from desk.domain.reports import report_to_dict
    from desk.services.bootstrap import prepare_database
    from desk.services.desk import build_services

    services = build_services(prepare_database(sqlite_db_url, backup_dir=tmp_path / "b"))
    try:
        build_centre(services, head)
        cli_login(services)
        figures = json.dumps(report_to_dict(services.reports.report(head, MARCH, now=NOW)), ensure_ascii=False)
    finally:
        services.close()
    assert not any(marker in figures for marker in MARKERS)  # what the PDF renderer receives
    for fmt in ("xlsx", "csv", "pdf"):
        out = tmp_path / f"report.{fmt}"
        assert main(["report", "--from", "2026-03-01", "--to", "2026-03-31", "--format", fmt,
                     "--output", str(out), "--database-url", sqlite_db_url]) == 0
        assert out.stat().st_size > 1000
    assert (tmp_path / "report.pdf").read_bytes().startswith(b"%PDF")
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(tmp_path / "report.pdf"), "-"], capture_output=True,
                              text=True, check=True).stdout
        assert "Statistischer Bericht" in text and "01.03.2026" in text
        assert not any(marker in text for marker in MARKERS)


def test_a_report_of_an_impossible_period_is_refused_with_a_clear_message(services, head):
    """The services refuse it (the window and desk-admin alike), before any query."""
    from desk.domain.errors import ValidationError

    with pytest.raises(ValidationError, match="A report covers days from 2000-01-01"):
        services.reports.report(head, Period(date(2026, 1, 1), date(9999, 12, 31)), now=NOW)


def test_a_report_says_when_retention_took_the_person_from_visits(services, head, tmp_path):
    """Retention anonymises visits twelve months after they happened: the report of a year made
    in spring, and its previous year, count those visits but no longer among the distinct clients.
    Said on the screen's line and in every export's legend, with the counts; nothing when no
    visit of either period was anonymised."""
    build_centre(services, head)
    before = services.reports.report(head, MARCH, now=NOW)
    assert anonymised_note(services.reports.report(head, Period.month(2026, 6), now=NOW), "de") == ""
    later = datetime(2027, 4, 15, 9, 0, tzinfo=UTC)  # the March of last year is 13 months back
    services.privacy.purge(head, now=later)
    after = services.reports.report(head, MARCH, now=later)
    gone = after.total.anonymised_visits
    assert gone > before.total.anonymised_visits and after.total.visits == before.total.visits  # visits ...
    assert after.total.distinct_clients < before.total.distinct_clients  # ... not as clients
    note = anonymised_note(after, "de")
    assert note.startswith("Verschiedene Klient*innen und die Tabellen nach Klient*innen lassen Besuche aus")
    assert f"{gone} Besuche dieses Zeitraums und {after.previous.total.anonymised_visits} des Vorzeitraums" in note
    assert "retention removed \u2013" in anonymised_note(after, "en")
    zipped = tmp_path / "r.zip"
    export_csv(after, zipped, "de")
    with zipfile.ZipFile(zipped) as z:
        assert note in z.read("report.csv").decode("utf-8-sig")


def test_retention_leaves_anonymous_tickets_anonymous_tickets(services, head):
    """An anonymous ticket never had a person: after retention it stayed in 'anonymous tickets'
    no longer but moved to 'anonymised visits' (last year's anonymous tickets read 0). Its
    priority reason is blanked all the same."""
    build_centre(services, head)
    before = services.reports.report(head, MARCH, now=NOW).total
    assert before.anonymous_visits > 0
    with services.uow(write=True) as uow:
        uow.session.execute(sa.update(Visit).where(Visit.client_id.is_(None), Visit.anonymised.is_(False))
                            .values(priority_reason="Rollstuhl"))
        uow.commit()
    services.privacy.purge(head, now=datetime(2027, 4, 15, 9, 0, tzinfo=UTC))
    after = services.reports.report(head, MARCH, now=datetime(2027, 4, 15, 9, 0, tzinfo=UTC)).total
    assert after.anonymous_visits == before.anonymous_visits
    assert after.anonymised_visits == before.visits - before.anonymous_visits
    with services.uow() as uow:
        assert set(uow.session.scalars(sa.select(Visit.priority_reason))) == {""}


def test_the_compared_period_is_read_beside_the_period_with_the_same_figures(services, head, monkeypatch):
    """The compared period's totals, the appointments and the rooms are read on a second
    connection while the period's visits are (issue 21); the figures are those of one thread, a
    failure there reaches the caller, and a database that two connections cannot share (SQLite
    in memory) reads them one after the other on the caller's thread."""
    import threading

    from desk.storage.engine import Database
    from desk.storage.repositories.reports import ReportRepository

    build_centre(services, head)
    threads: dict[str, threading.Thread] = {}
    real_totals, real_figures = ReportRepository.visit_totals, ReportRepository.visit_figures

    def totals(self, *args, **kwargs):
        threads["totals"] = threading.current_thread()
        return real_totals(self, *args, **kwargs)

    def figures(self, *args, **kwargs):
        threads["figures"] = threading.current_thread()
        return real_figures(self, *args, **kwargs)

    monkeypatch.setattr(ReportRepository, "visit_totals", totals)
    monkeypatch.setattr(ReportRepository, "visit_figures", figures)
    beside = services.reports.report(head, MARCH, now=NOW)
    assert threads["figures"] is threading.current_thread()
    assert threads["totals"] is not threading.current_thread()

    monkeypatch.setattr(Database, "concurrent_reads", property(lambda self: False))
    threads.clear()
    alone = services.reports.report(head, MARCH, now=NOW)
    assert threads["totals"] is threading.current_thread()
    assert alone == beside
    assert beside.previous is not None and beside.previous.total.visits == 1

    monkeypatch.undo()

    def broken(self, *args, **kwargs):
        raise ValidationError("broken on purpose")

    monkeypatch.setattr(ReportRepository, "room_counts", broken)
    with pytest.raises(ValidationError, match="broken on purpose"):
        services.reports.report(head, MARCH, now=NOW)
