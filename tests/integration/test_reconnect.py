"""PostgreSQL connections that die (issue 21: the check-in without the pool's pre-ping).

A connection that died while idle in the pool (a server restart, a terminated backend, a firewall
dropping it) costs no click: the BEGIN of the next unit of work finds it dead before anything else
was sent, and a fresh connection does the work. A connection that dies in the middle of a unit of
work is never retried (a statement may have been applied): the action is refused with a
DatabaseError, nothing of it is saved, and the next action works.

Only this test's own database's connections are terminated (pg_terminate_backend); the server is
never restarted (tests/reliability/test_pg_restart.py does that, with DESK_TEST_PG_RESTART=1).
"""

from __future__ import annotations

import logging
import time

import psycopg
import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from desk.domain.errors import DatabaseError
from desk.services.checkin import CheckInRequest
from desk.services.clients import ClientInput

pytestmark = pytest.mark.postgres


def _admin(url: str) -> psycopg.Connection:
    plain = make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
    return psycopg.connect(plain, autocommit=True, application_name="desk-test-admin")


def _terminate(url: str, pids: list[int] | None = None) -> int:
    """Terminate the app's connections to this test's database (or the given backends) and wait
    until they are gone; returns how many there were."""
    with _admin(url) as admin:
        mine = admin.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'desk' "
            "AND pid <> pg_backend_pid()").fetchall()
        targets = pids if pids is not None else [pid for (pid,) in mine]
        for pid in targets:
            admin.execute("SELECT pg_terminate_backend(%s)", (pid,))
        deadline = time.monotonic() + 10
        while admin.execute("SELECT count(*) FROM pg_stat_activity WHERE pid = ANY(%s)",
                            (targets,)).fetchone()[0]:
            assert time.monotonic() < deadline, "the terminated backends did not go away"
            time.sleep(0.01)
    return len(targets)


def test_connections_dead_in_the_pool_cost_no_click(pg_db_url, tmp_path, head, caplog):
    from desk.services.bootstrap import prepare_database
    from desk.services.desk import build_services

    services = build_services(prepare_database(pg_db_url, backup_dir=tmp_path))
    try:
        service_id = services.reference.services(head)[0].id
        clients = [services.clients.create(head, ClientInput(given_name=f"Olha{i}", family_name="Kovalenko")).id
                   for i in range(3)]
        services.checkin.check_in(head, CheckInRequest(service_id=service_id, client_id=clients[0]))
        with services.uow() as a, services.uow() as b, services.uow() as c:  # three connections in the pool
            for uow in (a, b, c):
                uow.session.execute(text("SELECT 1"))
        assert _terminate(pg_db_url) >= 3  # as a server restart leaves them: every pooled connection dead

        row = services.checkin.check_in(head, CheckInRequest(service_id=service_id, client_id=clients[1]))
        assert row.ticket.endswith("002")
        assert [r.client_id for r in services.checkin.today(head)] == clients[:2]

        _terminate(pg_db_url)  # a read is the next action: it works too
        assert len(services.checkin.today(head)) == 2

        assert [hit.id for hit in services.clients.search(head, "Olha1 Kovalenko")][:1] == [clients[1]]
        _terminate(pg_db_url)  # a keystroke: its one read is sent without BEGIN and finds the connection dead
        with caplog.at_level(logging.INFO, logger="desk.storage.engine"):
            assert [hit.id for hit in services.clients.search(head, "Olha2 Kovalenko")][:1] == [clients[2]]
        assert "found closed before a read" in caplog.text
    finally:
        services.close()


def test_a_connection_dying_inside_a_unit_of_work_is_not_retried(pg_db_url, tmp_path, head):
    from desk.services.bootstrap import prepare_database
    from desk.services.desk import build_services

    services = build_services(prepare_database(pg_db_url, backup_dir=tmp_path))
    try:
        service_id = services.reference.services(head)[0].id
        client = services.clients.create(head, ClientInput(given_name="Olha", family_name="Kovalenko")).id
        with pytest.raises(DatabaseError), services.uow(write=True) as uow:
            uow.clients.add(given_name="Half", family_name="Done", search_key="half done")
            pid = uow.session.execute(text("SELECT pg_backend_pid()")).scalar_one()
            _terminate(pg_db_url, [pid])
            uow.clients.add(given_name="Never", family_name="Saved", search_key="never saved")
            uow.commit()
        with services.uow() as uow:
            names = uow.session.execute(text("SELECT given_name FROM clients")).scalars().all()
        assert names == ["Olha"]  # nothing of the refused unit of work
        row = services.checkin.check_in(head, CheckInRequest(service_id=service_id, client_id=client))
        assert row.client_id == client
    finally:
        services.close()


def test_a_one_read_leaves_its_connection_as_it_found_it(pg_db_url, tmp_path, head):
    """The search's hits are read in autocommit (one round trip); the connection goes back to the
    pool without it, so the next unit of work still sends its own BEGIN (the liveness check)."""
    from desk.services.bootstrap import prepare_database
    from desk.services.desk import build_services

    services = build_services(prepare_database(pg_db_url, backup_dir=tmp_path))
    try:
        services.clients.create(head, ClientInput(given_name="Olha", family_name="Kovalenko"))
        for _ in range(3):
            assert services.clients.search(head, "Olha Kovalenko")
        with services.uow() as uow:
            dbapi = uow.session.connection().connection.dbapi_connection
            assert not dbapi.autocommit and dbapi.isolation_level is None
            assert dbapi.info.transaction_status == psycopg.pq.TransactionStatus.INTRANS  # our BEGIN
    finally:
        services.close()



def test_the_live_update_probe_losing_the_server_logs_no_traceback(pg_db_url, tmp_path, head, caplog):
    """The server gone: each window's change probe handed its dead connection back to the pool,
    whose rollback on it failed, and SQLAlchemy logged 'Exception during reset or similar' at
    ERROR with a full traceback - per window, each time, in the log the IT volunteer sends, looking
    like a crash. Now the probe drops a connection that failed; the next poll reconnects."""
    from desk.services.bootstrap import prepare_database
    from desk.services.changes import change_probe
    from desk.services.desk import build_services

    services = build_services(prepare_database(pg_db_url, backup_dir=tmp_path))
    probe = change_probe(services)
    try:
        probe.poll()  # the baseline, on the probe's own connection
        with caplog.at_level(logging.INFO):
            _terminate(pg_db_url)
            with pytest.raises(DatabaseError):
                probe.poll()
        errors = [r for r in caplog.records if r.levelno >= logging.ERROR or r.exc_info]
        assert errors == [], [(r.name, r.getMessage()) for r in errors]
        _reconnects_and_reports_a_check_in(probe, services, head)
    finally:
        probe.close()
        services.close()


def test_a_probe_handed_a_connection_the_outage_killed_logs_no_traceback(pg_db_url, tmp_path, head, caplog):
    """A window's live thread reconnecting after an outage takes its connection from the pool,
    which may hold one that died idle there: the LISTEN on it fails. The probe kept the connection
    only after the LISTEN, so it was left to the garbage collector, whose return to the pool tried a
    rollback on the dead connection and logged 'Exception during reset or similar' at ERROR with a
    traceback - once per window per outage, in the log the IT volunteer sends. Now it is dropped."""
    import gc

    from desk.services.bootstrap import prepare_database
    from desk.services.changes import change_probe
    from desk.services.desk import build_services

    services = build_services(prepare_database(pg_db_url, backup_dir=tmp_path))
    probe = change_probe(services)
    try:
        services.reference.services(head)  # a unit of work: its connection waits idle in the pool
        assert _terminate(pg_db_url) >= 1  # ... and dies there
        with caplog.at_level(logging.INFO):
            failed = False
            try:
                probe.poll()  # takes that pooled connection: the LISTEN fails
            except DatabaseError:
                failed = True
            gc.collect()  # what the thread's next loop does implicitly: the failure's frames are gone
        assert failed, "the probe was not handed the dead pooled connection (the test proves nothing)"
        errors = [r for r in caplog.records if r.levelno >= logging.ERROR or r.exc_info]
        assert errors == [], [(r.name, r.getMessage()) for r in errors]
        _reconnects_and_reports_a_check_in(probe, services, head)
    finally:
        probe.close()
        services.close()


def _reconnects_and_reports_a_check_in(probe, services, head) -> None:
    """The probe's next poll reconnects (its baseline), and a check-in after it is reported."""
    probe.poll()
    service_id = services.reference.services(head)[0].id
    services.checkin.check_in(head, CheckInRequest(service_id=service_id))
    deadline = time.monotonic() + 10
    while not probe.poll(timeout=0.2):
        assert time.monotonic() < deadline, "the reconnected probe reports nothing"
