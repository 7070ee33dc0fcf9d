"""Export, erasure and the retention purge (both engines), the byte scan (SQLite)."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from privacy_helpers import (
    add_appointment,
    add_booking,
    add_client,
    add_visit,
    client_field,
    live_client_reference_tables,
    row_counts,
)
from sqlalchemy import select, update

from desk.domain.errors import ConflictError, NotFoundError
from desk.domain.model import Role
from desk.services.auditlog import AuditFilter
from desk.services.clients import ClientInput
from desk.services.context import Actor
from desk.storage.models import Appointment, Client, Visit
from desk.storage.repositories.privacy import client_references

NOW = datetime(2026, 11, 25, 9, 30, tzinfo=UTC)
# also the services' clock (the `clock` fixture): the purge's cut-offs, "already purged today" and the
# export's date are NOW's, so no test depends on the day it runs on (nor on midnight passing inside it)
FIXED_NOW = NOW
pytestmark = pytest.mark.usefixtures("clock")
OLD = NOW - timedelta(days=500)  # beyond the default 12 months


def _visits(services):
    with services.uow() as uow:
        return list(uow.session.execute(select(Visit.client_id, Visit.anonymised, Visit.residence,
                                               Visit.status_group, Visit.priority_reason)).all())


def test_export_contains_every_table_that_references_a_client(services, head, tmp_path: Path) -> None:
    client_id = add_client(services, "Amal", "Haddad", last_contact=NOW, created=NOW)
    add_visit(services, client_id, NOW - timedelta(days=3), number=1, reason="Rollstuhl")
    add_appointment(services, client_id, NOW + timedelta(days=3), note="bring passport")
    services.clients.card(head, client_id)  # an audited read
    export = services.privacy.export_client(head, client_id)
    referencing = live_client_reference_tables(services)
    assert {"visits", "appointments", "audit_events"} <= referencing
    assert referencing <= set(export.tables) | {"clients"}, (
        f"tables referencing a client but missing from the export: {referencing - set(export.tables)}")
    # and the metadata-driven list agrees with the live schema
    assert {t.name for t, _ in client_references()} - {"clients"} == referencing - {"clients"}
    assert export.tables["clients"][0]["family_name"] == "Haddad"
    assert len(export.tables["visits"]) == 1 and len(export.tables["appointments"]) == 1
    assert any(r["action"] == "client.read" for r in export.tables["audit_events"])
    # ... and the lists that showed the person among others (who saw the name, where): a list read
    # names its clients in `client_ids`, not in the client_id column
    other = add_client(services, "Yusuf", "Haddad", last_contact=NOW, created=NOW)
    reception = Actor(staff_id=None, name="Empfang (list)", role=Role.RECEPTION, workstation="test")
    assert {h.id for h in services.clients.search(reception, "07433 12345")} == {client_id, other}  # one phone
    services.audit_log.query(head, AuditFilter(action="client.list_read"))  # reading the log writes the queue
    export = services.privacy.export_client(head, client_id)
    (shown,) = [r for r in export.tables["audit_events"] if r["action"] == "client.list_read"]
    assert shown["actor_name"] == "Empfang (list)"
    # ... without the others on that list: their numbers are no part of this person's data
    assert json.loads(shown["details"]) == {"client_ids": [client_id], "list": "search"}
    json_path, pdf_path = services.privacy.write_client_export(head, client_id, tmp_path)
    data = json.loads(json_path.read_text(encoding="utf-8"))
    assert data["client_id"] == client_id and data["tables"]["clients"][0]["given_name"] == "Amal"
    assert pdf_path.read_bytes().startswith(b"%PDF")
    actions = [r.action for r in services.audit_log.query(head, AuditFilter(client_id=client_id))]
    assert actions.count("client.export") == 3


def test_export_of_a_missing_client_is_a_clear_error(services, head) -> None:
    with pytest.raises(NotFoundError):
        services.privacy.export_client(head, 999)


def test_erase_removes_the_person_and_keeps_anonymous_statistics(services, head) -> None:
    client_id = add_client(services, "Oleksandr", "Kovalenko", last_contact=NOW, created=NOW)
    other = add_client(services, "Maria", "Rossi", last_contact=NOW, created=NOW)
    add_visit(services, client_id, NOW - timedelta(days=3), number=1, reason="pregnant")
    add_visit(services, other, NOW - timedelta(days=3), number=2)
    add_appointment(services, client_id, NOW - timedelta(days=1), note="about his son")
    before = row_counts(services)
    counts = services.privacy.erase_client(head, client_id)
    assert counts["clients deleted"] == 1
    after = row_counts(services)
    assert after["clients"] == before["clients"] - 1
    assert after["visits"] == before["visits"]  # statistics stay
    visits = _visits(services)
    anonymised = [v for v in visits if v.anonymised]
    assert len(anonymised) == 1 and anonymised[0].client_id is None
    assert anonymised[0].residence == "balingen" and anonymised[0].status_group == "recognised"
    assert anonymised[0].priority_reason == ""
    with services.uow() as uow:
        appointment = uow.session.execute(select(Appointment.client_id, Appointment.note,
                                                 Appointment.anonymised)).one()
    assert appointment.client_id is None and appointment.note == "" and appointment.anonymised
    assert client_field(services, other, "family_name") == "Rossi"
    with pytest.raises(NotFoundError):
        services.privacy.export_client(head, client_id)


def test_an_old_number_of_a_merged_record_names_the_live_one_and_erases_nothing(services, head) -> None:
    """The person gives the number on an old slip (K-17); K-17 was merged into K-42 since. Erasing
    K-17 removed only the merged-away stub and said 'erased', while K-42 kept the person's name,
    visits and the fields taken over from K-17; the export of K-17 listed the stub alone. Both now
    say which record holds the person (the card's own message), and change nothing."""
    old = add_client(services, "Oleksandr", "Kovalenko", last_contact=NOW, created=NOW)
    live = add_client(services, "Oleksandr", "Kowalenko", last_contact=NOW, created=NOW)
    add_visit(services, old, NOW - timedelta(days=3), number=1)
    services.clients.merge(head, live, old)
    before = row_counts(services)
    for attempt in (services.privacy.erase_client, services.privacy.export_client):
        with pytest.raises(NotFoundError) as refused:
            attempt(head, old)
        assert refused.value.message() == (f"Client K-{old:06d} was merged into client K-{live:06d}.")
    assert row_counts(services) == before
    counts = services.privacy.erase_client(head, live)  # the live number: the person, stub included
    assert counts["clients deleted"] == 2
    assert row_counts(services)["clients"] == before["clients"] - 2


def test_erase_cancels_the_appointments_still_to_come(services, head) -> None:
    """An erased person will not come: a booked appointment of theirs still to come is cancelled
    (the counsellor's slot is free again, and it is not counted as a no-show afterwards) instead of
    staying booked for nobody on reception's list of the day. Past ones keep their status."""
    client_id = add_client(services, "Oleksandr", "Kovalenko", last_contact=NOW, created=NOW)
    past = add_appointment(services, client_id, NOW - timedelta(days=1))
    running = add_appointment(services, client_id, NOW - timedelta(minutes=10))  # ends in 35 minutes
    coming = add_appointment(services, client_id, NOW + timedelta(days=7))
    with services.uow(write=True) as uow:
        uow.session.execute(update(Appointment).where(Appointment.id == past).values(status="done"))
        uow.commit()
    counts = services.privacy.erase_client(head, client_id)
    assert counts["appointments cancelled"] == 2
    with services.uow() as uow:
        rows = {r.id: r for r in uow.session.execute(
            select(Appointment.id, Appointment.status, Appointment.client_id, Appointment.version))}
    assert rows[past].status == "done"
    assert rows[running].status == rows[coming].status == "cancelled"
    assert rows[coming].version == 2  # a dialog still open on it is told it changed
    assert all(r.client_id is None for r in rows.values())


def test_erase_refuses_a_client_who_is_checked_in(services, head) -> None:
    client_id = add_client(services, "Ali", "Nouri", last_contact=NOW, created=NOW)
    add_visit(services, client_id, NOW, number=1, status="waiting")
    with pytest.raises(ConflictError):
        services.privacy.erase_client(head, client_id)
    assert client_field(services, client_id, "family_name") == "Nouri"


def test_the_purge_erases_an_inactive_person_with_the_records_merged_into_them(services, head) -> None:
    """An inactive person whose card absorbed a duplicate made two months ago (merged at once): the
    purge erased the live card and turned the duplicate back into a live card (its pointer to the
    erased record was cleared), so the person's name came back in the search as a new client. The
    records merged into an erased record go with it, as in an erasure on request."""
    live = add_client(services, "Inaktiv", "Altperson", last_contact=OLD, created=OLD)
    duplicate = add_client(services, "Inaktiv", "Alt-Person", last_contact=None, created=NOW - timedelta(days=60))
    services.clients.merge(head, live, duplicate)
    report = services.privacy.purge(head)
    assert report.clients_deleted == 2
    assert client_field(services, live, "id") is None
    assert client_field(services, duplicate, "id") is None
    assert services.clients.search(head, "Inaktiv Alt-Person") == []


def test_purge_anonymises_old_visits_and_erases_inactive_clients(services, head) -> None:
    old_client = add_client(services, "Inaktiv", "Altperson", last_contact=OLD, created=OLD)
    active = add_client(services, "Aktiv", "Neuperson", last_contact=NOW, created=OLD)
    add_visit(services, old_client, OLD, number=1)
    add_visit(services, active, OLD + timedelta(days=1), number=2)  # old visit of an active client
    add_visit(services, active, NOW - timedelta(days=2), number=3)
    add_appointment(services, active, OLD, note="old note")
    add_appointment(services, active, NOW + timedelta(days=7))
    add_booking(services, NOW - timedelta(days=900), "Alter Deutschkurs")
    add_booking(services, NOW + timedelta(days=2), "Neuer Kurs")
    report = services.privacy.purge(head)
    assert report.clients_deleted == 1
    assert report.visits_anonymised == 2
    assert report.appointments_anonymised == 1
    assert report.bookings_deleted == 1
    assert client_field(services, old_client, "id") is None
    assert client_field(services, active, "family_name") == "Neuperson"
    visits = _visits(services)
    assert len(visits) == 3 and sum(1 for v in visits if v.client_id == active) == 1
    # a second run the same day does nothing (daily purge) and a second purge finds nothing
    assert services.privacy.run_daily_purge(head) is None
    again = services.privacy.purge(head)
    assert (again.clients_deleted, again.visits_anonymised, again.bookings_deleted) == (0, 0, 0)


def test_purge_byte_scan_finds_no_purged_name_in_the_sqlite_files(sqlite_services, head) -> None:
    services = sqlite_services
    name = "Zzqxwvyklmnop"
    given = "Hypatiaqqq"
    client_id = add_client(services, given, name, last_contact=OLD, created=OLD)
    add_visit(services, client_id, OLD, number=1, reason=f"{name} needs a ramp")
    for i in range(30):  # enough other data that pages are shared with the purged rows
        add_client(services, f"Keep{i}", f"Person{i}", last_contact=NOW, created=NOW)
    path = services.db.sqlite_path
    assert path is not None
    services.privacy.purge(head)
    assert client_field(services, client_id, "id") is None
    services.close()  # checkpointed by the purge; closing also ends every reader
    needles = [name.encode(), name.lower().encode(), given.encode(), given.lower().encode()]
    for file in [path, Path(str(path) + "-wal")]:
        if file.exists():
            data = file.read_bytes()
            for needle in needles:
                assert needle not in data, f"{needle!r} still in {file.name}"
    data = path.read_bytes()
    assert b"Person29" in data  # the scan would find a name that is still there


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils (pdftotext) not installed")
def test_the_export_pdf_keeps_names_in_every_script(services, head, tmp_path: Path) -> None:
    """The readable PDF is drawn by Qt (like every PDF of desk): Ge'ez, Cyrillic and Latin come back
    as typed, Arabic and Persian shaped (presentation forms or the plain letters), none as boxes."""
    from desk.ui.fonts import SAMPLES

    client_id = add_client(services, SAMPLES["Arabic"], SAMPLES["Persian"], last_contact=NOW, created=NOW)
    with services.uow(write=True) as uow:
        uow.session.execute(update(Client).where(Client.id == client_id).values(
            reception_note=" / ".join(SAMPLES[s] for s in ("Ge'ez (Tigrinya)", "Cyrillic", "Latin"))))
        uow.commit()
    _, pdf_path = services.privacy.write_client_export(head, client_id, tmp_path)
    text = subprocess.run(["pdftotext", str(pdf_path), "-"], capture_output=True, text=True, check=True).stdout
    for script in ("Ge'ez (Tigrinya)", "Cyrillic", "Latin"):
        assert SAMPLES[script] in text, (script, text)
    arabic = [ch for ch in text if "\u0600" <= ch <= "\u06ff" or "\ufb50" <= ch <= "\ufeff"]
    assert len(arabic) >= 15, text  # both names' letters, not boxes or question marks
    assert "\ufffd" not in text and "?" * 3 not in text


def test_the_readable_listing_writes_its_days_in_english_as_it_is_written(services, head) -> None:
    """The listing is English: its days as the English window writes them (25/11/2026, the centre's
    time), not German dd.mm.yyyy inside English sentences; the JSON file keeps ISO times."""
    from datetime import date

    from desk.services.privacy import export_document

    client_id = add_client(services, "Amal", "Haddad", last_contact=NOW, created=NOW)
    with services.uow(write=True) as uow:
        uow.session.execute(update(Client).where(Client.id == client_id).values(date_of_birth=date(1990, 3, 7)))
        uow.commit()
    add_visit(services, client_id, NOW - timedelta(days=3), number=1)
    export = services.privacy.export_client(head, client_id)
    document = export_document(export)
    assert document["intro"].startswith("Created 25/11/2026 10:30 by "), document["intro"]  # NOW in Balingen
    lines = {line for section in document["sections"] for row in section["rows"] for line in row}
    assert "date_of_birth: 07/03/1990" in lines and "arrived_at: 22/11/2026 10:30" in lines, sorted(lines)
    assert not [line for line in lines if "25.11.2026" in line or "1990-03-07" in line]
    assert json.loads(export.as_json())["tables"]["clients"][0]["date_of_birth"] == "1990-03-07"


def _reader_holding_a_snapshot(path: Path) -> sqlite3.Connection:
    """Another PC reading: a connection inside a read transaction (it pins the WAL)."""
    reader = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM clients").fetchone()
    return reader


def _wal_holds(path: Path, needles: list[bytes]) -> list[bytes]:
    wal = Path(str(path) + "-wal")
    data = wal.read_bytes() if wal.exists() else b""
    return [n for n in needles if n in data]


def test_erasure_waits_for_a_reader_until_the_wal_is_empty(sqlite_services, head) -> None:
    """Another workstation is reading while the erasure runs: the checkpoint is retried until the
    reader lets go, and then the -wal file is empty (issue 15: the old code ignored `busy`)."""
    services = sqlite_services
    path = services.db.sqlite_path
    client = services.clients.create(head, ClientInput(given_name="Walburga", family_name="Qwertzuiop"))
    needles = [b"Qwertzuiop", "Qwertzuiop".encode("utf-16-le")]
    reader = _reader_holding_a_snapshot(path)
    assert _wal_holds(path, needles)  # the name is in the WAL now, and the reader pins it
    finishing = threading.Timer(0.8, lambda: reader.execute("COMMIT"))  # the other PC finishes reading
    finishing.start()
    try:
        counts = services.privacy.erase_client(head, client.id)
    finally:
        finishing.join()  # the reader has committed (however loaded the machine), then it closes
        reader.close()
    assert counts["wal_clean"] == 1
    wal = Path(str(path) + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0
    assert b"Qwertzuiop" not in path.read_bytes()


def test_erasure_says_so_when_a_reader_never_lets_go(sqlite_services, head) -> None:
    services = sqlite_services
    path = services.db.sqlite_path
    client = services.clients.create(head, ClientInput(given_name="Walburga", family_name="Asdfghjkl"))
    reader = _reader_holding_a_snapshot(path)
    services.privacy.checkpoint_within = 0.5
    try:
        counts = services.privacy.erase_client(head, client.id)
        assert counts["wal_clean"] == 0  # reported, not ignored
        assert _wal_holds(path, [b"Asdfghjkl"])  # the reason it is reported
        entry = services.audit_log.query(head, AuditFilter(action="privacy.wal_not_clean"))
        assert json.loads(entry[0].details) == {"client_ids": [client.id]}
    finally:
        reader.close()
    # the next checkpoint (the next erasure, purge or end of day) finishes it
    services.privacy.purge(head, now=NOW)
    assert not _wal_holds(path, [b"Asdfghjkl"])
    assert b"Asdfghjkl" not in path.read_bytes()
