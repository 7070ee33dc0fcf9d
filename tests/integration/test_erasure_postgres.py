"""Erasure on the real PostgreSQL server: the logical part (issue 15).

What SQL can see is checked: after the erasure no row of any table holds the name, the note or
the cancel reason (every row cast to text), the audit log keeps the number only, and
`purge --compact` rewrites the affected tables (VACUUM FULL gives each a new heap file). What SQL
cannot see — the old heap file's blocks on disk, WAL segments until the server recycles them —
is the centre's part (encrypted disk, WAL retention): docs/DATA-PROTECTION.md § 5.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest

from desk.domain.appointments import WorkingHourRow, local_moment
from desk.domain.model import Role
from desk.services.appointments import AppointmentRequest
from desk.services.bootstrap import prepare_database
from desk.services.clients import ClientInput
from desk.services.desk import build_services

NOW = datetime(2031, 3, 3, 8, 0, tzinfo=UTC)
SECRETS = ["Pgzaynabqx", "Жаровскийpg", "Notizpgqx", "Absagepgqx"]


@pytest.mark.postgres
def test_erasure_leaves_no_row_with_the_name_and_compact_rewrites_the_tables(pg_db_url, head, tmp_path):
    services = build_services(prepare_database(pg_db_url, backup_dir=tmp_path))
    try:
        with services.uow(write=True) as uow:
            staff_id = uow.reference.add_staff(username="mueller", display_name="Frau Müller",
                                               role=Role.COUNSELLOR, password_hash=None)
            uow.commit()
        services.appointments.set_working_hours(head, staff_id,
                                                [WorkingHourRow(d, time(9), time(16)) for d in range(5)])
        person = services.clients.create(head, ClientInput(given_name="Pgzaynabqx", family_name="Жаровскийpg"))
        start = local_moment(date(2031, 3, 10), time(10))
        booked = services.appointments.book(head, AppointmentRequest(
            client_id=person.id, service_id=services.reference.services(head)[0].id, staff_id=staff_id,
            starts_at=start, ends_at=start + timedelta(minutes=45), note="Notizpgqx"), now=NOW)
        services.appointments.cancel(head, booked.id, booked.version, "Absagepgqx")

        def rows_with_secrets() -> list[tuple[str, str]]:
            found = []
            with services.db.engine.connect() as connection:
                tables = connection.exec_driver_sql(
                    "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()").scalars().all()
                for table in tables:
                    for secret in SECRETS:
                        count = connection.exec_driver_sql(
                            f'SELECT count(*) FROM "{table}" t WHERE t::text LIKE %(s)s',  # noqa: S608
                            {"s": f"%{secret}%"}).scalar_one()
                        if count:
                            found.append((table, secret))
            return found

        assert ("clients", "Pgzaynabqx") in rows_with_secrets()  # the check sees what is there

        def heap_files() -> dict[str, int]:
            with services.db.engine.connect() as connection:
                return dict(connection.exec_driver_sql(
                    "SELECT relname, relfilenode FROM pg_class WHERE relname IN "
                    "('clients', 'appointments', 'audit_events')").all())

        before = heap_files()
        services.privacy.erase_client(head, person.id)
        assert rows_with_secrets() == []
        steps = services.privacy.compact(head)
        assert "VACUUM FULL clients" in steps and "VACUUM FULL appointments" in steps
        assert "CHECKPOINT" in steps  # the test server's role may checkpoint
        after = heap_files()
        assert all(after[name] != before[name] for name in before)  # new heap files
        assert rows_with_secrets() == []
    finally:
        services.close()
