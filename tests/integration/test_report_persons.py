"""Distinct clients of a calendar year stay exact when retention (or an erasure) removes the
person from visits: the statement before the one that cuts the link marks each person's last
linked visit of the year, per service and at the centre, and the yearly report counts each marked
visit as one person (docs/REPORTS.md, "Distinct clients after anonymisation").

One known year (2025) of five persons, several visits each at three services, a hand-over, three
anonymous tickets and visits on both sides of New Year's midnight in Balingen (the last hour of a
Berlin year is already the next year in UTC... and the other way round). The figures are worked
out by hand below and asserted before anything is anonymised, after an erasure on request, after
the purge took half of the year and after it took all of it.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

import sqlalchemy as sa

from desk.domain.reports import Period
from desk.domain.tickets import BERLIN
from desk.services.clients import ClientInput
from desk.services.report_tables import anonymised_note
from desk.storage.models import Visit

FIXED_NOW = datetime(2025, 1, 2, 9, 0, tzinfo=UTC)  # the cards are made then
YEAR = Period.year(2025)


def at(year: int, month: int, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=BERLIN)


PERSONS = {  # language, status group
    "c1": ("ar", "recognised"),
    "c2": ("uk", "tolerated"),
    "c3": ("tr", "eu_citizen"),
    "c4": ("fa", "asylum_seeker"),
    "c5": ("ro", "recognised"),
}
# (person or None for an anonymous ticket, service, arrival, residence, handed over to)
VISITS = [
    ("c1", "MBE", at(2025, 1, 15, 9), "other", None),
    ("c1", "IM", at(2025, 3, 10, 10), "other", None),
    ("c1", "MBE", at(2025, 6, 20, 10), "other", None),
    ("c1", "MBE", at(2025, 12, 31, 23, 30), "balingen", None),  # moved; 22:30 UTC: still 2025
    ("c2", "IM", at(2024, 12, 31, 23, 30), "kleiner_heuberg", None),  # 2024 in Balingen
    ("c2", "IM", at(2025, 2, 5, 9), "kleiner_heuberg", None),
    ("c2", "IM", at(2025, 11, 11, 9), "kleiner_heuberg", None),
    ("c2", "IM", at(2026, 1, 1, 0, 30), "kleiner_heuberg", None),  # 2026 in Balingen, 2025 in UTC
    ("c3", "KH", at(2025, 4, 1, 9), "balingen", None),
    ("c4", "MBE", at(2025, 5, 5, 9), "other", "IM"),  # handed over to IM, same arrival
    ("c4", "MBE", at(2025, 8, 8, 9), "other", None),
    ("c5", "MBE", at(2025, 3, 3, 9), "balingen", None),
    ("c5", "KH", at(2025, 9, 9, 9), "balingen", None),
    ("c5", "IM", at(2026, 2, 2, 9), "balingen", None),
    (None, "MBE", at(2025, 1, 15, 10), "unknown", None),
    (None, "IM", at(2025, 7, 7, 10), "unknown", None),
    (None, "KH", at(2025, 12, 1, 10), "unknown", None),
]


def build_year(services, head) -> dict[str, int]:
    svc = {s.code: s.id for s in services.reference.services(head)}
    clients = {key: services.clients.create(head, ClientInput(given_name=key, family_name="Test")).id
               for key in PERSONS}
    numbers: dict[tuple[int, date], int] = {}
    with services.uow(write=True) as uow:
        def add(client, service, arrived, residence, *, status="done", parent=None):
            day = arrived.astimezone(BERLIN).date()
            number = numbers[(svc[service], day)] = numbers.get((svc[service], day), 0) + 1
            language, group = PERSONS[client] if client else ("", "unknown")
            return uow.visits.add(
                client_id=clients[client] if client else None, service_id=svc[service], ticket_day=day,
                ticket_number=number, ticket_prefix="X", status=status, arrived_at=arrived, residence=residence,
                status_group=group, client_language=language, handed_over_from_id=parent, updated_at=FIXED_NOW)

        for client, service, arrived, residence, handed_to in VISITS:
            first = add(client, service, arrived, residence, status="handed_over" if handed_to else "done")
            if handed_to:
                add(client, handed_to, arrived, residence, parent=first)
        uow.commit()
    return clients


def persons(report) -> dict[str, tuple]:
    """Every figure of the report that counts persons, per service code and in total ("")."""
    return {figures.code: (figures.distinct_clients, figures.clients_by_place, figures.clients_by_status_group,
                           figures.clients_by_language)
            for figures in (*report.services, report.total) if figures.visits}


# worked out by hand: latest visit (highest id) of each person in 2025, per service and in all
EXPECTED_2025 = {
    # c1 (December: Balingen), c4, c5
    "MBE": (3, {"balingen": 2, "other": 1}, {"recognised": 2, "asylum_seeker": 1}, {"ar": 1, "fa": 1, "ro": 1}),
    # c1 (March: elsewhere), c2, c4 (the hand-over)
    "IM": (3, {"other": 2, "kleiner_heuberg": 1}, {"recognised": 1, "tolerated": 1, "asylum_seeker": 1},
           {"ar": 1, "uk": 1, "fa": 1}),
    # c3, c5 (the anonymous ticket is no person)
    "KH": (2, {"balingen": 2}, {"eu_citizen": 1, "recognised": 1}, {"tr": 1, "ro": 1}),
    "": (5, {"balingen": 3, "kleiner_heuberg": 1, "other": 1},
         {"recognised": 2, "tolerated": 1, "eu_citizen": 1, "asylum_seeker": 1},
         {"ar": 1, "uk": 1, "tr": 1, "fa": 1, "ro": 1}),
}
EXPECTED_VISITS_2025 = {"MBE": 7, "IM": 5, "KH": 3, "": 14}  # the hand-over once in the total


def visits_of(report) -> dict[str, int]:
    return {figures.code: figures.visits for figures in (*report.services, report.total) if figures.visits}


def test_distinct_clients_of_a_year_stay_exact_through_erasure_and_retention(services, head, clock):
    clients = build_year(services, head)

    def year_report(period: Period, now: datetime):
        report = services.reports.report(head, period, now=now)
        if period == YEAR:
            assert report.total.anonymous_visits == 3  # anonymous tickets never become persons
        return report

    # January 2026: last year's report, nothing anonymised yet
    before = year_report(YEAR, at(2026, 1, 20, 9))
    assert persons(before) == EXPECTED_2025 and visits_of(before) == EXPECTED_VISITS_2025
    assert before.previous.total.distinct_clients == 1  # c2 on New Year's Eve 2024
    assert anonymised_note(before, "en") == ""

    # March 2026: c5 is erased on request; the funder's count of people served keeps them
    clock.set(at(2026, 3, 1, 9))
    services.privacy.erase_client(head, clients["c5"])
    erased = year_report(YEAR, at(2026, 3, 1, 10))
    assert persons(erased) == EXPECTED_2025 and visits_of(erased) == EXPECTED_VISITS_2025
    assert erased.total.anonymised_visits == 2 and anonymised_note(erased, "en") == ""
    assert persons(year_report(Period.year(2026), at(2026, 3, 1, 10)))[""][0] == 2  # c2 and c5 in 2026

    # July 2026: retention took January to June 2025; several persons are half linked, half not
    clock.set(at(2026, 7, 1, 9))
    purged = services.privacy.purge(head, now=at(2026, 7, 1, 9))
    assert purged.visits_anonymised == 8  # 2024's and 2025's before July (the hand-over twice; c5's erased)
    half = year_report(YEAR, at(2026, 7, 1, 10))
    assert persons(half) == EXPECTED_2025 and visits_of(half) == EXPECTED_VISITS_2025
    assert half.previous.total.distinct_clients == 1
    assert anonymised_note(half, "de") == ""

    # January 2027: all of 2025 (and New Year's night 2026) anonymised; the report of 2026 compares
    clock.set(at(2027, 1, 10, 9))
    services.privacy.purge(head, now=at(2027, 1, 10, 9))
    with services.uow() as uow:
        assert uow.session.scalar(sa.select(sa.func.count()).where(Visit.client_id.is_not(None))) == 0
    after = year_report(YEAR, at(2027, 1, 20, 9))
    assert persons(after) == EXPECTED_2025 and visits_of(after) == EXPECTED_VISITS_2025
    assert after.total.anonymised_visits == 14 - 3  # every visit but the anonymous tickets
    assert after.previous.total.distinct_clients == 1 and anonymised_note(after, "de") == ""
    next_year = year_report(Period.year(2026), at(2027, 1, 20, 9))
    assert persons(next_year)[""][0] == 2 and persons(next_year)["IM"][0] == 2
    assert next_year.previous.total.distinct_clients == 5  # the comparison, one statement of its own

    # a month is no calendar year: its anonymised visits are left out, and the note says so
    march = year_report(Period.month(2025, 3), at(2027, 1, 20, 9))
    assert march.total.distinct_clients == 0 and march.total.anonymised_visits == 2
    assert anonymised_note(march, "en") == (
        "Distinct clients and the tables by client leave out visits whose person retention removed \u2013 2 "
        "visits of this period and 1 of the previous period. A report of a calendar year counts their persons.")
    # the year chosen as its days counts like the year picked as such
    assert persons(year_report(Period(date(2025, 1, 1), date(2025, 12, 31)), at(2027, 1, 20, 9))) == EXPECTED_2025


def test_a_year_counts_a_person_once_however_the_visits_lost_the_link(services, head, clock):
    """An erasure cuts every link of the person at once: the marks go to the highest id of each
    service and of each year, and the year's figures stay those of the linked visits."""
    clients = build_year(services, head)
    clock.set(at(2026, 1, 20, 9))
    for key in ("c1", "c2", "c3", "c4"):
        services.privacy.erase_client(head, clients[key])
    report = services.reports.report(head, YEAR, now=at(2026, 1, 20, 10))
    assert persons(report) == EXPECTED_2025 and visits_of(report) == EXPECTED_VISITS_2025
    with services.uow() as uow:
        marks = sorted(uow.session.execute(
            sa.select(Visit.arrived_at, Visit.person_marks).where(Visit.anonymised)).all())
    # c1: Jan and Jun MBE are not its last at MBE, March is its only IM visit (service only),
    # December its last of the year at MBE and at the centre
    assert [m for when, m in marks if when.astimezone(BERLIN).date() in (
        date(2025, 1, 15), date(2025, 3, 10), date(2025, 6, 20), date(2025, 12, 31))] == [0, 1, 0, 3]


def test_visits_anonymised_before_the_marks_are_said_not_guessed(services, head, clock):
    """A database upgraded from before migration 0012 has anonymised visits without marks: nobody
    can tell whose they were. The yearly report counts the persons it can, and says how many such
    visits there are (each at most one person missing)."""
    build_year(services, head)
    services.privacy.purge(head, now=at(2026, 7, 1, 9))
    with services.uow(write=True) as uow:  # what migration 0012 leaves on visits anonymised before it
        uow.session.execute(sa.update(Visit).where(Visit.anonymised).values(person_marks=None))
        uow.commit()
    report = services.reports.report(head, YEAR, now=at(2026, 7, 1, 10))
    # c1, c2, c4 and c5 still have a linked visit after June; c3 (April only) is the one missing
    # in all; at the services c5 at MBE (March), c1 and c4 at IM (March, May) and c3 at KH; the
    # total counts the hand-over once: 7 such visits
    assert report.total.distinct_clients == 4 and report.total.anonymised_unmarked == 7
    assert {s.code: s.distinct_clients for s in report.services if s.visits} == {"MBE": 2, "IM": 1, "KH": 1}
    assert report.previous.total.anonymised_unmarked == 1
    assert anonymised_note(report, "en") == (
        "Distinct clients and the tables by client may be too low \u2013 7 visits of this period and 1 of the "
        "previous period were anonymised without counting their person (by an older version of desk, or before "
        "their year was over); at most one person is missing for each.")
    assert anonymised_note(report, "de").startswith(
        "Verschiedene Klient*innen und die Tabellen nach Klient*innen können zu niedrig sein: 7 Besuche")
    # without a previous period: the sentence of one period
    alone = services.reports.report(head, YEAR, compare=False, now=at(2026, 7, 1, 10))
    assert "7 visits of this period were anonymised without" in anonymised_note(alone, "en")


def test_the_purge_marks_in_the_statement_before_it_cuts_the_link(services, head, clock):
    """Only visits that had a person are marked, and only when their link is cut: a purge that
    takes nothing of a person leaves their visits at 0."""
    build_year(services, head)
    services.privacy.purge(head, now=at(2026, 2, 1, 9))  # cutoff 1 February 2025
    with services.uow() as uow:
        rows = uow.session.execute(sa.select(Visit.client_id, Visit.anonymised, Visit.person_marks,
                                             Visit.arrived_at)).all()
    marked = {(r.arrived_at.astimezone(BERLIN).date(), r.person_marks) for r in rows if r.anonymised}
    # c1's January visit (not its last at MBE or in 2025), c2's of 2024 (its last of 2024)
    assert marked == {(date(2025, 1, 15), 0), (date(2024, 12, 31), 3)}
    assert {r.person_marks for r in rows if not r.anonymised} == {0}  # the anonymous ticket too


def test_a_retention_under_a_year_marks_no_visit_of_the_running_year(services, head, clock):
    """With visits kept 6 months the purge anonymises visits of a year still running, and the
    person may come back later that year: a mark on the old visit and the new visit's link would
    count them twice. So a visit of the running year gets no mark (NULL, said in the note), and
    only the visits the purge takes once their year is over are marked."""
    clients = build_year(services, head)
    stored = services.reference.settings(head).stored("retention_months")
    services.reference.change_setting(head, "retention_months", {**stored, "visits": 6})
    services.privacy.purge(head, now=at(2025, 10, 15, 9))  # cutoff 15 April 2025
    with services.uow(write=True) as uow:  # c5 comes back to MBE in November
        svc = {s.code: s.id for s in services.reference.services(head)}
        uow.visits.add(client_id=clients["c5"], service_id=svc["MBE"], ticket_day=date(2025, 11, 20),
                       ticket_number=1, ticket_prefix="X", status="done", arrived_at=at(2025, 11, 20, 9),
                       residence="balingen", status_group="recognised", client_language="ro", updated_at=FIXED_NOW)
        uow.commit()
        marks = dict(uow.session.execute(sa.select(Visit.arrived_at, Visit.person_marks).where(Visit.anonymised)).all())
    assert sorted(marks.values(), key=str) == [3, None, None, None, None, None]  # 2024 is over: c2's is marked

    def counts(now):
        report = services.reports.report(head, YEAR, now=now)
        return ({s.code: s.distinct_clients for s in report.services if s.visits}, report.total.distinct_clients,
                report.total.anonymised_unmarked, report.previous.total.distinct_clients)

    # c5 once at MBE (its March visit unmarked, its November visit linked); c1 at IM (March) and
    # c3 (April) are missing, and the note says at most 5 persons may be
    assert counts(at(2025, 12, 1, 9)) == ({"MBE": 3, "IM": 2, "KH": 1}, 4, 5, 1)
    # the year over, the purge takes the rest of it with marks: the same figures, nobody twice
    services.privacy.purge(head, now=at(2026, 11, 1, 9))
    assert counts(at(2026, 11, 1, 10)) == ({"MBE": 3, "IM": 2, "KH": 1}, 4, 5, 1)


def test_a_year_typed_as_its_days_compares_with_the_previous_calendar_year(services, head, clock):
    """1 January to 31 December typed as days is the calendar year (its persons counted by the
    marks), and so is the year it is compared with: after a leap year "as many days before" was
    2 January to 31 December 2024, no calendar year, whose anonymised visits (c2 on New Year's
    Eve 2024) left the previous column's distinct clients at 0 where the year picked said 1."""
    build_year(services, head)
    clock.set(at(2027, 1, 10, 9))
    services.privacy.purge(head, now=at(2027, 1, 10, 9))
    picked = services.reports.report(head, YEAR, now=at(2027, 1, 20, 9))
    typed = services.reports.report(head, Period(date(2025, 1, 1), date(2025, 12, 31)), now=at(2027, 1, 20, 9))
    assert typed.previous.period.start == date(2024, 1, 1) and typed.previous.period.end == date(2024, 12, 31)
    assert typed.previous.total.distinct_clients == picked.previous.total.distinct_clients == 1
    assert typed.previous.total.visits == picked.previous.total.visits
    assert anonymised_note(typed, "en") == anonymised_note(picked, "en") == ""
