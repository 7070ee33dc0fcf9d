"""The data layer on both engines: schema, seed, transactions, constraints, error messages."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
import sqlalchemy as sa

from desk.domain.errors import ConflictError, DatabaseError, DatabaseTooNewError, StaleError
from desk.domain.model import RoomKind
from desk.domain.seed import ROOMS, SERVICES
from desk.services.bootstrap import prepare_database
from desk.services.checkin import CheckInRequest
from desk.services.clients import ClientInput
from desk.services.desk import build_services
from desk.storage.engine import looks_like_network_share, open_database, sqlite_url
from desk.storage.migrate import current_revision, head_revision


def test_first_start_creates_schema_and_seeds_the_centre(db_url, tmp_path, head):
    # an empty database (db_url), not the `services` fixture's copy of one prepared before
    db = prepare_database(db_url, backup_dir=tmp_path / "backups")
    try:
        services = build_services(db)
        names = [s.name_de for s in services.reference.services(head)]
        assert names == [s.name_de for s in SERVICES]
        rooms = services.reference.rooms(head)
        assert [r.name for r in rooms] == [r.name for r in ROOMS]
        assert any(r.kind is RoomKind.GROUP and r.bookable for r in rooms)
        assert current_revision(db) == head_revision()
    finally:
        db.dispose()


def test_second_start_does_not_seed_twice(db_url, tmp_path):
    for _ in range(2):
        db = prepare_database(db_url, backup_dir=tmp_path)
        with db.engine.connect() as connection:
            count = connection.exec_driver_sql("SELECT count(*) FROM services").scalar()
        db.dispose()
    assert count == len(SERVICES)


def test_ticket_numbers_run_per_service_and_day(services, head):
    mbe = next(s for s in services.reference.services(head) if s.code == "MBE")
    im = next(s for s in services.reference.services(head) if s.code == "IM")
    tickets = [services.checkin.check_in(head, CheckInRequest(service_id=mbe.id)).ticket for _ in range(3)]
    tickets.append(services.checkin.check_in(head, CheckInRequest(service_id=im.id)).ticket)
    assert tickets == ["M-001", "M-002", "M-003", "I-001"]


def test_second_open_visit_is_refused_by_the_database(services, head):
    client = services.clients.create(head, ClientInput(given_name="Олена", family_name="Коваленко"))
    service_id = services.reference.services(head)[0].id
    services.checkin.check_in(head, CheckInRequest(service_id=service_id, client_id=client.id))
    with pytest.raises(ConflictError, match="already checked in"):
        services.checkin.check_in(head, CheckInRequest(service_id=service_id, client_id=client.id))
    # the unique partial index holds even when the check in Python is bypassed
    with services.uow(write=True) as uow, pytest.raises(ConflictError):
        uow.visits.add(
            client_id=client.id, service_id=service_id, ticket_day=sa.func.current_date(),
            ticket_number=99, ticket_prefix="X", status="waiting",
            arrived_at=client.created_at,
        )
    assert len(services.checkin.today(head)) == 1


def test_client_text_is_stored_exactly(services, head):
    given = "  <b>Şükrü</b>\u200c =1+1 "
    row = services.clients.create(head, ClientInput(given_name=given, family_name="محمد"))
    assert row.given_name == "<b>Şükrü</b>\u200c =1+1"
    assert services.clients.card(head, row.id).family_name == "محمد"


def test_stale_client_card_is_refused(services, head):
    row = services.clients.create(head, ClientInput(given_name="Olha", family_name="Kovalenko"))
    services.clients.update(head, row.id, row.version, ClientInput(given_name="Olha", family_name="Kowalenko"))
    with pytest.raises(StaleError):
        services.clients.update(head, row.id, row.version, ClientInput(given_name="X", family_name="Y"))
    assert services.clients.card(head, row.id).family_name == "Kowalenko"


def test_audit_log_is_append_only(services, head):
    services.clients.create(head, ClientInput(given_name="A", family_name="B"))
    with services.db.engine.connect() as connection:
        with pytest.raises(sa.exc.DBAPIError, match="append-only"):
            with connection.begin():
                connection.exec_driver_sql("UPDATE audit_events SET actor_name = 'x'")
        with pytest.raises(sa.exc.DBAPIError, match="append-only"):
            with connection.begin():
                connection.exec_driver_sql("DELETE FROM audit_events")
        assert connection.exec_driver_sql("SELECT count(*) FROM audit_events").scalar() >= 1


def test_sqlite_connection_settings(sqlite_services):
    with sqlite_services.db.engine.connect() as connection:
        pragma = lambda name: connection.exec_driver_sql(f"PRAGMA {name}").scalar()  # noqa: E731
        assert pragma("journal_mode") == "wal"
        assert pragma("foreign_keys") == 1
        assert pragma("busy_timeout") >= 5000
        assert pragma("secure_delete") == 1


def test_sqlite_write_transactions_begin_immediate(sqlite_services, tmp_path):
    """While a write unit of work is open, another connection cannot even start writing."""
    path = sqlite_services.db.sqlite_path
    with sqlite_services.uow(write=True) as uow:
        uow.settings.set("probe", 1)
        other = sqlite3.connect(str(path), timeout=0.1, isolation_level=None)
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            other.execute("BEGIN IMMEDIATE")
        other.close()


def test_database_newer_than_the_code_is_refused(sqlite_db_url, tmp_path):
    db = prepare_database(sqlite_db_url, backup_dir=tmp_path)
    with db.engine.begin() as connection:
        connection.exec_driver_sql("UPDATE alembic_version SET version_num = '9999'")
    db.dispose()
    with pytest.raises(DatabaseTooNewError, match="newer version of desk"):
        prepare_database(sqlite_db_url, backup_dir=tmp_path)


@pytest.mark.parametrize(
    ("content", "expected"),
    [(b"this is not a database at all, just text" * 50, "not a desk database"),
     (b"SQLite format 3\x00" + b"\x00" * 84 + b"garbage" * 500, "damaged")],
)
def test_a_file_that_is_not_a_database_is_named_with_a_way_out(tmp_path, content, expected):
    path = tmp_path / "desk.sqlite"
    path.write_bytes(content)
    with pytest.raises(DatabaseError, match=expected) as info:
        prepare_database(sqlite_url(path), backup_dir=tmp_path)
    assert str(path) in str(info.value)


def test_a_missing_folder_is_created(tmp_path):
    path = tmp_path / "new" / "folder" / "desk.sqlite"
    prepare_database(sqlite_url(path), backup_dir=tmp_path).dispose()
    assert path.exists()


def test_wrong_urls_say_so_plainly():
    with pytest.raises(DatabaseError, match="not valid"):
        open_database("this is :// not a url")
    with pytest.raises(DatabaseError, match="SQLite or PostgreSQL"):
        open_database("mysql://x@localhost/db")


@pytest.mark.postgres
def test_unreachable_postgres_says_so_plainly():
    with pytest.raises(DatabaseError, match="cannot be reached"):
        open_database("postgresql+psycopg://postgres@127.0.0.1:1/nothing")


def test_a_server_address_without_a_database_is_refused_and_postgres_is_postgresql():
    """'postgresql+psycopg://postgres@server/' (the database forgotten): the server took the
    role's own database - for postgres the maintenance database 'postgres' - and desk set itself
    up in there. And 'postgres://' (how many tools write it) was 'not SQLite or PostgreSQL'."""
    for url in ("postgresql+psycopg://postgres@127.0.0.1:1/", "postgresql+psycopg://postgres@127.0.0.1:1",
                "postgres://desk_app@127.0.0.1:1"):
        with pytest.raises(DatabaseError, match="must name the database"):
            open_database(url)  # refused before any connection (nothing listens on port 1)
    with pytest.raises(DatabaseError, match="cannot be reached"):  # it is PostgreSQL
        open_database("postgres://postgres@127.0.0.1:1/desk")


def test_network_share_paths_are_recognised():
    assert looks_like_network_share(Path("//server/share/desk.sqlite"))
    assert looks_like_network_share(Path("\\\\server\\share\\desk.sqlite"))
    assert not looks_like_network_share(Path("/tmp/desk.sqlite"))


def test_a_database_file_gone_in_the_middle_of_the_day_is_named_and_never_replaced_by_an_empty_one(
        sqlite_services, head):
    """The SQLite file moved, renamed or deleted under a running desk (Linux allows it for an open
    file): the pool's next connection created a new EMPTY database at its place, the check-in said
    'no such table: ticket_counters', and the next start offered the first-start wizard on it. Now
    the check-in is refused naming the missing file, and nothing appears at its place."""

    path = sqlite_services.db.sqlite_path
    mbe = next(s for s in sqlite_services.reference.services(head) if s.code == "MBE")
    sqlite_services.checkin.check_in(head, CheckInRequest(service_id=mbe.id))
    for name in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        name.unlink(missing_ok=True)
    sqlite_services.db.dispose()  # the pool's next connection is a new one, as after an idle while
    with pytest.raises(DatabaseError) as refused:
        sqlite_services.checkin.check_in(head, CheckInRequest(service_id=mbe.id))
    assert "is no longer there" in refused.value.message() and str(path) in refused.value.message()
    assert not path.exists()
