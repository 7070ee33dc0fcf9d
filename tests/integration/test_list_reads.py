"""List reads are recorded per client (issue 14, "who looked at whom"): the waiting list, the
day's appointments, the appointment calendar, search results and exports each record one
`client.list_read` entry with the client numbers they showed; the audit query for one client
(Verwaltung, `desk-admin audit --client`) finds them."""

from __future__ import annotations

import json
import time
from datetime import timedelta

import pytest
from cli_head import ensure_cli_head
from test_appointments import MONDAY, NOW, at, request, setup  # noqa: F401 - setup is a fixture

from desk.cli import main as admin
from desk.domain.audit import LIST_READ
from desk.domain.model import Role
from desk.services.auditlog import AuditFilter
from desk.services.checkin import CheckInRequest
from desk.services.clients import ClientInput
from desk.services.context import Actor


def _client(services, head, given: str, family: str = "Haddad"):
    return services.clients.create(head, ClientInput(given_name=given, family_name=family))


def _list_reads(services, head, **where) -> list[tuple[str, str, list[int]]]:
    rows = services.audit_log.query(head, AuditFilter(action=LIST_READ, **where))
    return [(r.actor_name, json.loads(r.details)["list"], json.loads(r.details)["client_ids"]) for r in reversed(rows)]


def test_the_waiting_list_records_who_was_on_it_once_and_then_each_new_arrival(services, head, reception) -> None:
    service_id = services.reference.services(head)[0].id
    amal, yusuf, olena = (_client(services, head, n) for n in ("Amal", "Yusuf", "Olena"))
    for client in (amal, yusuf):
        services.checkin.check_in(reception, CheckInRequest(service_id=service_id, client_id=client.id))
    counsellor = Actor(staff_id=None, name="Beratung (list)", role=Role.COUNSELLOR, service_ids=frozenset({service_id}))

    services.waitlist.waiting_list(counsellor)
    services.waitlist.waiting_list(counsellor)  # the live re-read after someone else's change: no one new
    services.checkin.check_in(reception, CheckInRequest(service_id=service_id, client_id=olena.id))
    services.waitlist.waiting_list(counsellor)
    assert _list_reads(services, head) == [
        ("Beratung (list)", "waiting_list", sorted([amal.id, yusuf.id])),
        ("Beratung (list)", "waiting_list", [olena.id]),
    ]
    # "who looked at Yusuf": the card reads and the list that showed him
    about_yusuf = services.audit_log.query(head, AuditFilter(client_id=yusuf.id))
    assert {r.action for r in about_yusuf} >= {"visit.check_in", LIST_READ}
    assert all(r.action != LIST_READ or yusuf.id in json.loads(r.details)["client_ids"] for r in about_yusuf)
    about_olena = services.audit_log.query(head, AuditFilter(client_id=olena.id, action=LIST_READ))
    assert [r.actor_name for r in about_olena] == ["Beratung (list)"]  # one entry: its client number
    # a client number that is a part of another's (1 in 11, 12 ...) does not match
    assert all(r.action != LIST_READ or amal.id in json.loads(r.details)["client_ids"]
               for r in services.audit_log.query(head, AuditFilter(client_id=amal.id)))


def test_appointment_lists_searches_and_exports_are_recorded(services, head, reception, setup) -> None:  # noqa: F811
    booked = services.appointments.book(reception, request(setup, at(MONDAY, 9)), now=NOW)
    client_id = booked.client_id
    services.checkin.todays_appointments(reception, now=at(MONDAY, 8))
    services.appointments.between(reception, MONDAY, 7)
    services.appointments.between(reception, MONDAY, 7)  # the same again: nothing new
    services.appointments.export_ics(reception, staff_id=setup["staff"], first_day=MONDAY, days=7)
    services.appointments.export_ics(reception, staff_id=setup["staff"], first_day=MONDAY, days=7)  # each export
    hits = services.clients.search(reception, "Amal")
    assert [h.id for h in hits] == [client_id]
    assert _list_reads(services, head) == [
        (reception.name, "appointments_today", [client_id]),
        (reception.name, "appointments", [client_id]),
        (reception.name, "appointments_export", [client_id]),
        (reception.name, "appointments_export", [client_id]),
        (reception.name, "search", [client_id]),
    ]


def test_a_list_read_does_not_make_the_other_pcs_reload(services, head, reception) -> None:
    from desk.storage.models import ChangeCounter

    service_id = services.reference.services(head)[0].id
    client = _client(services, head, "Amal")
    services.checkin.check_in(reception, CheckInRequest(service_id=service_id, client_id=client.id))
    with services.uow() as uow:
        before = uow.session.get(ChangeCounter, 1).value
    services.waitlist.waiting_list(reception)
    with services.uow() as uow:
        assert uow.session.get(ChangeCounter, 1).value == before
    assert len(_list_reads(services, head)) == 1


def test_desk_admin_audit_shows_the_list_reads_of_a_client(sqlite_services, head, reception, capsys,
                                                           cli_login) -> None:
    services = sqlite_services
    service_id = services.reference.services(head)[0].id
    amal = _client(services, head, "Amal")
    other = _client(services, head, "Other", "Person")
    for client in (amal, other):
        services.checkin.check_in(reception, CheckInRequest(service_id=service_id, client_id=client.id))
    services.waitlist.waiting_list(reception)
    ensure_cli_head(services)
    cli_login(services)
    url = f"sqlite:///{services.db.sqlite_path}"
    assert admin(["audit", "--client", f"K-{amal.id:06d}", "--database-url", url]) == 0
    out = capsys.readouterr().out
    lines = [line for line in out.splitlines() if "client.list_read" in line]
    assert len(lines) == 1 and reception.name in lines[0] and '"waiting_list"' in lines[0]
    assert f"K-{amal.id:06d}" in lines[0] and f"K-{other.id:06d}" in lines[0]
    assert "visit.check_in" in out
    assert "Amal" not in out and "Haddad" not in out  # numbers, never names
    assert admin(["audit", "--action", "client.", "--since", (NOW - timedelta(days=1)).date().isoformat(),
                  "--database-url", url]) == 0


def test_a_series_and_the_appointments_on_an_absence_are_recorded(services, head, setup) -> None:  # noqa: F811
    rows = services.appointments.book_series(head, request(setup, at(MONDAY, 9)), count=2, now=NOW)
    counsellor = Actor(staff_id=None, name="Beratung (series)", role=Role.COUNSELLOR,
                       service_ids=frozenset({setup["service"]}))
    services.appointments.series(counsellor, rows[0].series_id)
    services.appointments.add_absence(head, setup["staff"], MONDAY, MONDAY)
    absent = Actor(staff_id=None, name="Beratung (absence)", role=Role.COUNSELLOR,
                   service_ids=frozenset({setup["service"]}))
    assert [r.id for r in services.appointments.appointments_during_absences(absent, setup["staff"], now=NOW)] \
        == [rows[0].id]
    reads = [r for r in _list_reads(services, head) if r[0] != head.name]
    assert reads == [("Beratung (series)", "appointments", [setup["client"]]),
                     ("Beratung (absence)", "appointments", [setup["client"]])]


def _committed_list_reads(services) -> list[tuple[str, str, list[int]]]:
    """The list reads in the database, as another PC reads them (this process's queue not flushed)."""
    with services.uow() as uow:
        rows = uow.audit.query(action=LIST_READ)
    return [(r.actor_name, json.loads(r.details)["list"], json.loads(r.details)["client_ids"]) for r in reversed(rows)]


def test_a_search_returns_before_its_list_read_is_written_and_closing_writes_it(services, head, reception) -> None:
    """The keystroke does not wait for the audit entry (a durable write): the background writer
    commits it, a name typed key by key as one entry; closing the services (logout, exit) writes
    what is still queued, so the window closing right after a search loses nothing."""
    services.list_reads.delay = 3600.0  # in this test only flush/close write
    amal, amala = _client(services, head, "Amal"), _client(services, head, "Amala")
    for typed in ("Am", "Ama", "Amal", "Amala"):
        assert services.clients.search(reception, typed)
    assert _committed_list_reads(services) == []  # not yet in the database: the hits came first
    assert services.list_reads.pending >= 1
    services.close()
    assert services.list_reads.pending == 0
    assert _committed_list_reads(services) == [(reception.name, "search", sorted([amal.id, amala.id]))]


def test_the_background_writer_commits_the_search_within_its_delay(services, head, reception) -> None:
    services.list_reads.delay = 0.05
    amal = _client(services, head, "Amal")
    assert [h.id for h in services.clients.search(reception, "Amal")] == [amal.id]
    deadline = time.monotonic() + 10
    while not _committed_list_reads(services) and time.monotonic() < deadline:
        time.sleep(0.02)  # the writer's own thread commits it; wait for that, bounded
    assert _committed_list_reads(services) == [(reception.name, "search", [amal.id])]
    assert services.list_reads.pending == 0
    # the audit log read by the head of department shows it too (it flushes first)
    assert _list_reads(services, head) == [(reception.name, "search", [amal.id])]


def test_a_refused_write_keeps_the_list_reads_and_retries(services, head, reception, monkeypatch) -> None:
    from desk.domain.errors import DatabaseError

    services.list_reads.delay = 3600.0
    amal = _client(services, head, "Amal")
    services.clients.search(reception, "Amal")
    writer = services.list_reads
    real = writer._uow  # noqa: SLF001

    def refusing(**_kwargs):
        raise DatabaseError("The database is locked.")

    monkeypatch.setattr(writer, "_uow", refusing)
    with pytest.raises(DatabaseError):
        writer.flush()
    assert writer.pending == 1  # kept, not lost
    monkeypatch.setattr(writer, "_uow", real)
    writer.flush()
    assert _committed_list_reads(services) == [(reception.name, "search", [amal.id])]
