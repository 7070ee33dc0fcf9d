"""desk-admin setup-server on the real PostgreSQL server: each role's rights, the application
role never migrating, and four PCs starting at once on a new database (real processes).

Every test makes its own database and roles with unique names and drops them afterwards."""

from __future__ import annotations

import os
import re
import stat
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
import sqlalchemy as sa
from pg_roles import role_url  # noqa: E402 - tests/ on the path (conftest)

from desk.cli import main as admin
from desk.domain.errors import DatabaseError
from desk.services.bootstrap import prepare_database
from desk.services.clients import ClientInput
from desk.services.context import Actor
from desk.services.desk import build_services

pytestmark = pytest.mark.postgres


_url = role_url


@pytest.fixture
def server(pg_server_url) -> Iterator[dict]:
    base = pg_server_url
    name = f"t{uuid.uuid4().hex[:10]}"
    admin_engine = sa.create_engine(_url(base, None, "postgres"), isolation_level="AUTOCOMMIT",
                                    connect_args={"connect_timeout": 5})
    try:
        admin_engine.connect().close()
    except sa.exc.OperationalError as error:
        pytest.fail(f"PostgreSQL is unreachable: {error}")
    info = {"base": base, "db": f"{name}_desk", "prefix": name,
            "superuser": _url(base, None, f"{name}_desk"),
            "app": _url(base, f"{name}_app", f"{name}_desk"),
            "display": _url(base, f"{name}_display", f"{name}_desk"),
            "kiosk": _url(base, f"{name}_kiosk", f"{name}_desk")}
    yield info
    with admin_engine.connect() as connection:
        connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{info["db"]}" WITH (FORCE)')
        for role in ("app", "display", "kiosk", "owner"):
            connection.exec_driver_sql(f'DROP ROLE IF EXISTS "{name}_{role}"')
    admin_engine.dispose()


def _fails(url: str, sql: str) -> str:
    engine = sa.create_engine(url)
    try:
        with engine.begin() as connection:
            connection.exec_driver_sql(sql)
    except sa.exc.DBAPIError as error:
        return str(error.orig)
    finally:
        engine.dispose()
    return ""


def _works(url: str, sql: str) -> list:
    engine = sa.create_engine(url)
    try:
        with engine.begin() as connection:
            result = connection.exec_driver_sql(sql)
            return result.fetchall() if result.returns_rows else []
    finally:
        engine.dispose()


def test_setup_server_makes_three_roles_with_exactly_their_rights(server, capsys) -> None:
    argv = ["setup-server", "--database-url", server["superuser"], "--prefix", server["prefix"]]
    assert admin(argv) == 0
    out = capsys.readouterr().out
    assert f"  role {server['prefix']}_owner created" in out and f"  schema migrated and seeded as {server['prefix']}_owner" in out
    # idempotent: a second run changes nothing and fails on nothing; its steps in the user's language
    assert admin(["--lang", "de", *argv]) == 0
    out = capsys.readouterr().out
    assert "angelegt" not in out and f"  Schema migriert und befüllt als {server['prefix']}_owner" in out, out
    assert f"  Rechte vergeben: {server['prefix']}_app (nur Daten, " in out, out
    app, display = server["app"], server["display"]

    # the application works through desk's services (no migration attempted: the schema is at head)
    services = build_services(prepare_database(app))
    try:
        row = services.clients.create(Actor.system("test"), ClientInput(given_name="Amal", family_name="Haddad"))
        assert services.clients.card(Actor.system("test"), row.id).family_name == "Haddad"
        assert services.privacy.purge(Actor.system("test")) is not None  # audit retention via the owner's function
    finally:
        services.close()
    # ... but no DDL, no trigger switching, nothing but appending to the audit log
    for sql in ("ALTER TABLE audit_events DISABLE TRIGGER ALL", "ALTER TABLE audit_events DISABLE TRIGGER USER",
                "DELETE FROM audit_events", "UPDATE audit_events SET action = 'x'", "TRUNCATE audit_events",
                "DROP TABLE clients", "CREATE TABLE x (id int)", "ALTER TABLE clients ADD COLUMN x int",
                "UPDATE alembic_version SET version_num = 'x'", "INSERT INTO audit_purge_permit VALUES (2, now())",
                "CREATE FUNCTION f() RETURNS int AS 'SELECT 1' LANGUAGE sql"):
        assert _fails(app, sql), f"the application role may: {sql}"
    assert _works(app, "SELECT count(*) FROM audit_events")[0][0] >= 2
    _works(app, "INSERT INTO audit_events (at, actor_name, action, entity_type, details, workstation) "
                "VALUES (now(), 'x', 'test.append', '', '', '')")

    # the display: its calls, the change counter, LISTEN - nothing else
    assert _works(display, "SELECT count(*) FROM display_calls") == [(0,)]
    assert _works(display, "SELECT value FROM change_counter")
    assert _works(display, "SELECT value, topics FROM change_log")  # the probe names late commits
    _works(display, "LISTEN desk_changes")
    for sql in ("SELECT * FROM clients", "SELECT * FROM visits", "SELECT * FROM staff", "SELECT * FROM audit_events",
                "SELECT * FROM appointments", "INSERT INTO display_calls (ticket) VALUES ('x')",
                "UPDATE change_counter SET value = 0", "CREATE TABLE x (id int)",
                "SELECT desk_kiosk_login_params('x')", "SELECT * FROM desk_kiosk_login('x', 'y')",
                "SELECT * FROM desk_kiosk_client_facts(1)"):  # the kiosk's functions are the kiosk's only
        assert _fails(display, sql), f"the display role may: {sql}"
    services = build_services(prepare_database(display, read_only=True))
    try:
        assert services.waitlist.display_calls(Actor.display()) == []
    finally:
        services.close()


def test_the_application_never_migrates_and_names_the_administrators_command(server) -> None:
    assert admin(["setup-server", "--database-url", server["superuser"], "--prefix", server["prefix"]]) == 0
    _works(server["superuser"], "UPDATE alembic_version SET version_num = '0002'")
    with pytest.raises(DatabaseError) as refused:
        prepare_database(server["app"])
    message = refused.value.message()
    assert "desk-admin setup-server" in message and "0002" in message
    assert _works(server["superuser"], "SELECT version_num FROM alembic_version") == [("0002",)]


#: One PC starting desk: everything imported first, then it says it is ready and waits for the
#: start signal, so the four really open the empty database at the same moment; it prints when
#: its start-up (migrate and seed) began and ended.
_STARTING_PC = """
import pathlib, sys, time
import alembic.command  # noqa: F401 - imported before the start signal, not during the race
import desk.storage.migrate as migrate
from desk.cli import main
migrate.SERIALISE_FIRST_START = sys.argv[3] == "locks"
pathlib.Path(sys.argv[1]).touch()
while not pathlib.Path(sys.argv[2]).exists():
    time.sleep(0.002)
began = time.time()
code = main(["info"])
print(f"START-UP {began} {time.time()}")
raise SystemExit(code)
"""


def _four_pcs_start(url: str, folder: Path, locks: bool) -> list[tuple[int, str, str]]:
    """Four real processes start desk on the (empty) database `url` at the same moment."""
    folder.mkdir()
    env = {**os.environ, "DESK_DATABASE_URL": url}
    go = folder / "go"
    ready = [folder / f"ready-{i}" for i in range(4)]
    processes = [subprocess.Popen([sys.executable, "-c", _STARTING_PC, str(r), str(go), "locks" if locks else "none"],
                                  env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                 for r in ready]
    try:
        deadline = time.monotonic() + 120
        while not all(r.exists() for r in ready):
            assert time.monotonic() < deadline, "the four processes did not get ready"
            assert all(p.poll() is None for p in processes), [p.communicate() for p in processes]
            time.sleep(0.01)
        go.touch()
        results = []
        for p in processes:
            out, err = p.communicate(timeout=180)
            results.append((p.returncode, out, err))
        return results
    finally:
        for p in processes:
            if p.poll() is None:
                p.kill()
                p.wait()


def _start_ups(results: list[tuple[int, str, str]]) -> list[tuple[float, float]]:
    spans = []
    for _code, out, _err in results:
        line = next(line for line in out.splitlines() if line.startswith("START-UP "))
        began, ended = line.split()[1:]
        spans.append((float(began), float(ended)))
    return spans


def test_four_pcs_starting_at_once_on_a_new_database(pg_db_url, tmp_path) -> None:
    """Four real processes open an empty database at the same moment: one migrates and seeds
    (under advisory locks), the others wait and find it done - none crashes. Their start-ups
    overlap (they really ran at once). Without the locks the same start crashes (duplicate
    alembic_version / relation / service code): the test shows the locks are what holds."""
    results = _four_pcs_start(pg_db_url, tmp_path / "with-locks", locks=True)
    assert [code for code, _, _ in results] == [0, 0, 0, 0], results
    spans = _start_ups(results)
    assert max(b for b, _ in spans) < min(e for _, e in spans), f"the start-ups did not overlap: {spans}"
    assert _works(pg_db_url, "SELECT count(*) FROM alembic_version") == [(1,)]
    services_count = _works(pg_db_url, "SELECT count(*), count(DISTINCT code) FROM services")[0]
    assert services_count[0] == services_count[1] > 0


def test_without_the_advisory_locks_four_pcs_starting_at_once_crash(pg_db_url, tmp_path) -> None:
    """The same start with the locks switched off (migrate.SERIALISE_FIRST_START): at least one of
    the four processes fails, so the test above would catch the locks going missing. The race
    is real, hence up to three fresh attempts (the first has always sufficed so far)."""
    outcomes = []
    for attempt in range(3):
        if attempt:  # an empty database again
            _works(pg_db_url, "DROP SCHEMA IF EXISTS public CASCADE")
            _works(pg_db_url, "CREATE SCHEMA public")
        results = _four_pcs_start(pg_db_url, tmp_path / f"without-{attempt}", locks=False)
        outcomes.append([code for code, _, _ in results])
        if any(code != 0 for code, _, _ in results):
            errors = " ".join(err for code, _, err in results if code != 0)
            # desk-admin prints one line naming its log; the database's own words are in the log
            logs = {Path(m) for m in re.findall(r"the log (\S+desk-admin\.log)", errors)}
            errors = " ".join([errors, *(log.read_text(encoding="utf-8") for log in logs if log.exists())]).lower()
            assert "already exists" in errors or "duplicate" in errors or "unique" in errors, errors
            return
    pytest.fail(f"four PCs without the advisory locks never crashed: {outcomes}")


def _server_now(server) -> datetime:
    """The database server's clock: the kiosk's functions find today's appointments by it (a
    shifted test clock, --today, does not move the server), so the kiosk's clock is set to it."""
    return _works(server["superuser"], "SELECT now()")[0][0].astimezone(UTC)


def _set_up_at_server_time(server) -> tuple[datetime, date]:
    """setup-server, then the server's moment (whole seconds) and its day in Berlin."""
    from desk.domain.tickets import BERLIN

    assert admin(["setup-server", "--database-url", server["superuser"], "--prefix", server["prefix"]]) == 0
    now = _server_now(server).replace(microsecond=0)
    return now, now.astimezone(BERLIN).date()


def uow_code(services, appointment_id: int) -> str:
    with services.uow() as uow:
        return uow.appointments.kiosk_code(appointment_id)


def test_the_kiosk_role_gives_tickets_and_checks_in_by_code_but_reads_no_name(server) -> None:
    """Issue 20: the kiosk PC in the entrance connects as <prefix>_kiosk - its services work,
    nothing else does: no name, phone or note of a client, no list of visits' people, no DDL."""
    import dataclasses
    from datetime import timedelta

    from desk.domain.kiosk import KioskRefusedError
    from desk.domain.model import Role
    from desk.services.accounts import NewAccount
    from desk.services.clock import FixedClock

    assert admin(["setup-server", "--database-url", server["superuser"], "--prefix", server["prefix"]]) == 0
    now = _server_now(server).replace(microsecond=0)
    services = build_services(prepare_database(server["app"]))
    try:
        system = Actor.system("test")
        client = services.clients.create(system, ClientInput(given_name="Amal", family_name="Haddad",
                                                             language="ar", interpreter_needed=True))
        mbe = next(s for s in services.reference.services(system) if s.code == "MBE")
        with services.uow(write=True) as uow:
            appointment_id = uow.appointments.add(client_id=client.id, service_id=mbe.id, starts_at=now,
                                                  ends_at=now + timedelta(minutes=30), status="booked")
            uow.commit()
        code = uow_code(services, appointment_id)
        services.accounts.create_account(system, NewAccount("leitung", "Leitung", Role.HEAD, "kiosk-exit-2026"))
        # the test runs at any hour (the wall clock): MBE without consultation hours is not limited
        with services.uow(write=True) as uow:
            uow.session.execute(sa.text("DELETE FROM service_hours WHERE service_id = :s"), {"s": mbe.id})
            uow.commit()
    finally:
        services.close()
    kiosk = dataclasses.replace(Actor.kiosk(), workstation="entrance")
    assert kiosk.role is Role.KIOSK
    # the kiosk's clock stands at the appointment's moment: "today's appointment" even across midnight
    services = build_services(prepare_database(server["kiosk"], read_only=True), clock=FixedClock(now))
    try:
        offers = {o.code: o for o in services.kiosk.offers(kiosk)}
        assert offers["MBE"].open and offers["IM"].hours is not None  # the kiosk role reads the hours
        ticket = services.kiosk.take_ticket(kiosk, mbe.id, "ti")
        assert ticket.ticket.startswith("M-")
        # touched again after a lost acknowledgement: the kiosk role finds its first ticket
        from once_helpers import lost_acknowledgement

        from desk.domain.errors import DatabaseError
        from desk.services.once import new_request_key

        key = new_request_key()
        with lost_acknowledgement(), pytest.raises(DatabaseError):
            services.kiosk.take_ticket(kiosk, mbe.id, "ti", request_key=key)
        retried = services.kiosk.take_ticket(kiosk, mbe.id, "ti", request_key=key)
        assert retried.ticket == services.kiosk.take_ticket(kiosk, mbe.id, "ti", request_key=key).ticket
        assert retried.ticket != ticket.ticket
        try:
            services.kiosk.check_in_appointment(kiosk, code="WRONG1")
        except KioskRefusedError as refused:
            assert refused.reason == "not_found"
        checked_in = services.kiosk.check_in_appointment(kiosk, code=code, language="ar")
        assert checked_in.appointment_at == now
        assert services.kiosk.languages(kiosk) == {}
        # leaving the kiosk: the head's password is checked through the login (and its brake)
        from desk.services.accounts import LoginError

        with pytest.raises(LoginError):
            services.accounts.login(Actor.login_screen(), "leitung", "wrong password")
        head = services.accounts.login(Actor.login_screen(), "leitung", "kiosk-exit-2026", rehash=False)
        # the kiosk role reads whether the password is one-time (its exit refuses such a password)
        assert head.role is Role.HEAD and head.password_one_time
    finally:
        services.close()
    # ...and never clears that mark: choosing one's own password happens at a PC
    assert _fails(server["kiosk"], "UPDATE staff SET password_one_time = false WHERE username = 'leitung'")
    _works(server["superuser"], "UPDATE staff SET password_one_time = false WHERE username = 'leitung'")
    # a hash made with older argon2 parameters: the kiosk still lets the head out, leaving the hash
    from argon2 import PasswordHasher

    old_hash = PasswordHasher(time_cost=2, memory_cost=8 * 1024, parallelism=1).hash("kiosk-exit-2026")
    _works(server["superuser"], f"UPDATE staff SET password_hash = '{old_hash}' WHERE username = 'leitung'")  # noqa: S608 - our own hash
    services = build_services(prepare_database(server["kiosk"], read_only=True), clock=FixedClock(now))
    try:
        assert services.accounts.login(Actor.login_screen(), "leitung", "kiosk-exit-2026",
                                       rehash=False).role is Role.HEAD
    finally:
        services.close()
    assert _works(server["superuser"], "SELECT password_hash FROM staff WHERE username = 'leitung'") == [(old_hash,)]
    # whoever holds the kiosk PC's credentials must not set the head's password (and so become the head)
    assert _fails(server["kiosk"], f"UPDATE staff SET password_hash = '{old_hash}' WHERE username = 'leitung'")  # noqa: S608
    for sql in ("SELECT given_name FROM clients", "SELECT family_name FROM clients", "SELECT phone FROM clients",
                "SELECT reception_note FROM clients", "SELECT note FROM appointments", "SELECT * FROM clients",
                "SELECT priority_reason FROM visits", "SELECT referred_to FROM visits",
                "SELECT * FROM audit_events", "SELECT * FROM reminder_contacts", "SELECT * FROM settings",
                "UPDATE visits SET status = 'done'", "DELETE FROM visits", "DELETE FROM audit_events",
                "UPDATE clients SET family_name = 'x'", "UPDATE appointments SET note = 'x'",
                "INSERT INTO display_calls (ticket) VALUES ('x')", "CREATE TABLE x (id int)",
                "SELECT * FROM room_bookings"):
        assert _fails(server["kiosk"], sql), f"the kiosk role may: {sql}"
    rows = _works(server["superuser"], "SELECT self_service, interpreter_language FROM visits ORDER BY id")
    assert rows == [(True, "ti"), (True, "ti"), (True, "ar")]  # the retried ticket once


def test_the_kiosk_role_sees_that_a_counsellor_is_away_today_but_never_why(server) -> None:
    """An absence covering today: the kiosk's check-in reserves the visit for nobody, as the
    desk's does (docs/WAITING.md) - reading the absence's counsellor and dates only, never its
    reason (it may be an illness). A server whose rights were set before that grant still checks
    people in, reserved for the counsellor as before, until setup-server is run again."""
    from datetime import timedelta

    from desk.domain.model import Role
    from desk.services.clock import FixedClock

    now, today = _set_up_at_server_time(server)
    services = build_services(prepare_database(server["app"]))
    try:
        system = Actor.system("test")
        mbe = next(s for s in services.reference.services(system) if s.code == "MBE")
        with services.uow(write=True) as uow:
            yilmaz = uow.reference.add_staff(username="yilmaz", display_name="Frau Yilmaz", role=Role.COUNSELLOR,
                                             password_hash=None, service_ids={mbe.id})
            uow.session.execute(sa.text("DELETE FROM service_hours WHERE service_id = :s"), {"s": mbe.id})
            uow.commit()
        appointments = []
        for given in ("Amal", "Yusuf"):
            client = services.clients.create(system, ClientInput(given_name=given, family_name="Haddad"))
            with services.uow(write=True) as uow:
                appointments.append(uow.appointments.add(
                    client_id=client.id, service_id=mbe.id, staff_id=yilmaz, starts_at=now,
                    ends_at=now + timedelta(minutes=30), status="booked"))
                uow.commit()
        services.appointments.add_absence(system, yilmaz, today, today, "Krankheit")
        codes = [uow_code(services, a) for a in appointments]
    finally:
        services.close()
    kiosk_actor = Actor.kiosk()
    kiosk, superuser = server["kiosk"], server["superuser"]
    reserved = "SELECT assigned_staff_id FROM visits WHERE appointment_id = {a}"

    services = build_services(prepare_database(kiosk, read_only=True), clock=FixedClock(now))
    try:
        services.kiosk.check_in_appointment(kiosk_actor, code=codes[0])
    finally:
        services.close()
    assert _works(superuser, reserved.format(a=appointments[0])) == [(None,)]
    assert _works(kiosk, "SELECT staff_id, starts_on, ends_on FROM absences") == [(yilmaz, today, today)]
    for sql in ("SELECT reason FROM absences", "SELECT * FROM absences", "SELECT count(reason) FROM absences",
                "SELECT 1 FROM absences WHERE reason LIKE 'K%'", "UPDATE absences SET ends_on = starts_on",
                "DELETE FROM absences", "INSERT INTO absences (staff_id, starts_on, ends_on) VALUES (1, now(), now())"):
        assert _fails(kiosk, sql), f"the kiosk role may: {sql}"

    # a server set up before the grant: the kiosk checks in as before (reserved for her)
    _works(superuser, f'REVOKE SELECT (staff_id, starts_on, ends_on) ON absences FROM "{server["prefix"]}_kiosk"')  # noqa: S608 - our own role name
    assert _fails(kiosk, "SELECT staff_id FROM absences")
    services = build_services(prepare_database(kiosk, read_only=True), clock=FixedClock(now))
    try:
        services.kiosk.check_in_appointment(kiosk_actor, code=codes[1])
    finally:
        services.close()
    assert _works(superuser, reserved.format(a=appointments[1])) == [(yilmaz,)]


def test_an_upgrade_on_the_server_dumps_the_database_first(server, tmp_path, monkeypatch, capsys) -> None:
    """SQLite is copied before its schema changes; PostgreSQL was migrated in place without any
    backup (setup-server after installing a newer desk, or desk-admin upgrade). Now a pg_dump goes
    into the machine configuration's backup folder first; with none named, nothing is changed."""
    from alembic import command

    from desk.storage.engine import open_database
    from desk.storage.migrate import HEAD_REVISION, _config

    with sa.create_engine(_url(server["base"], None, "postgres"), isolation_level="AUTOCOMMIT").connect() as c:
        c.exec_driver_sql(f'CREATE DATABASE "{server["db"]}"')
    older = open_database(server["superuser"])  # the database as an older desk left it
    try:
        with older.engine.connect() as connection, connection.begin():
            config = _config()
            config.attributes["connection"] = connection
            command.upgrade(config, "0005_kiosk")
    finally:
        older.dispose()
    machine = tmp_path / "desk.toml"
    machine.write_text("", encoding="utf-8")
    monkeypatch.setenv("DESK_MACHINE_CONFIG", str(machine))
    argv = ["setup-server", "--database-url", server["superuser"], "--prefix", server["prefix"]]
    capsys.readouterr()
    assert admin(argv) == 1
    said = capsys.readouterr().err
    assert "only after a backup" in said and "[backup] folder" in said and "Nothing was changed" in said, said
    assert _works(server["superuser"], "SELECT version_num FROM alembic_version") == [("0005_kiosk",)]

    folder = tmp_path / "dumps"
    machine.write_text(f"[backup]\nfolder = '{folder}'\n", encoding="utf-8")
    assert admin(argv) == 0
    dumps = list(folder.glob("desk-before-upgrade-0005_kiosk-*.dump"))
    assert len(dumps) == 1 and dumps[0].read_bytes()[:5] == b"PGDMP", list(folder.iterdir())
    assert stat.S_IMODE(dumps[0].stat().st_mode) == 0o600
    assert _works(server["superuser"], "SELECT version_num FROM alembic_version") == [(HEAD_REVISION,)]
    assert admin(argv) == 0  # at head: no upgrade, no further dump
    assert len(list(folder.glob("desk-before-upgrade-*"))) == 1


def _kiosk_services(server, now):
    from desk.services.clock import FixedClock

    return build_services(prepare_database(server["kiosk"], read_only=True), clock=FixedClock(now))


def test_the_kiosk_role_reads_no_password_hash_birth_date_or_status_and_sets_no_lockout(server) -> None:
    """Whoever copies desk.toml off the unattended kiosk PC connects as <prefix>_kiosk. That role
    must not read a staff member's password hash (offline cracking of the head's password), nor a
    client's date of birth, residence or status group, nor set anyone's lockout counters - while
    the kiosk's own work still goes through: the exit login with the right and a wrong password
    and the lockout after failures, a check-in by the date of birth copying the client's facts."""
    import dataclasses
    from datetime import date, timedelta

    from desk.domain.kiosk import KioskRefusedError
    from desk.domain.model import Residence, Role, StatusGroup
    from desk.services.accounts import LoginError, NewAccount

    argv = ["setup-server", "--database-url", server["superuser"], "--prefix", server["prefix"]]
    assert admin(argv) == 0
    now = _server_now(server).replace(second=0, microsecond=0)
    services = build_services(prepare_database(server["app"]))
    try:
        system = Actor.system("test")
        client = services.clients.create(system, ClientInput(
            given_name="Amal", family_name="Haddad", date_of_birth=date(1990, 3, 14), language="ar",
            interpreter_needed=True, residence=Residence.BALINGEN, status_group=StatusGroup.ASYLUM_SEEKER))
        mbe = next(s for s in services.reference.services(system) if s.code == "MBE")
        with services.uow(write=True) as uow:
            uow.appointments.add(client_id=client.id, service_id=mbe.id, starts_at=now,
                                 ends_at=now + timedelta(minutes=30), status="booked")
            last_week = uow.appointments.add(client_id=client.id, service_id=mbe.id, starts_at=now - timedelta(days=7),
                                             ends_at=now - timedelta(days=7, minutes=-30), status="booked")
            uow.commit()
        services.accounts.create_account(system, NewAccount("leitung", "Leitung", Role.HEAD, "kiosk-exit-2026"))
        services.accounts.create_account(system, NewAccount("berater", "Berater", Role.COUNSELLOR, "berater-2026"))
    finally:
        services.close()
    facts = _works(server["superuser"], "SELECT residence, status_group FROM clients")
    kiosk_url = server["kiosk"]
    # the database refuses: no hash, no counter, no birth date or statistics fact, no user names
    for sql in ("SELECT password_hash FROM staff", "SELECT * FROM staff", "SELECT username FROM staff",
                "SELECT failed_logins, locked_until FROM staff",
                "UPDATE staff SET failed_logins = 0", "UPDATE staff SET locked_until = NULL",
                "UPDATE staff SET locked_until = now() + interval '1 year'",
                "SELECT date_of_birth FROM clients", "SELECT status_group FROM clients",
                "SELECT residence FROM clients", "SELECT id FROM clients WHERE date_of_birth = '1990-03-14'",
                "SELECT * FROM desk_purge_audit(now())", "DELETE FROM kiosk_attempts",
                "UPDATE kiosk_attempts SET succeeded = true",
                # a day's appointments cancelled, clients' last contact dated back for an early erasure
                "UPDATE appointments SET status = 'cancelled'",
                "UPDATE clients SET last_contact_at = '2000-01-01'"):
        assert _fails(kiosk_url, sql), f"the kiosk role may: {sql}"
    # the functions give a fact for today's appointments only, not a way to go through the clients
    assert _works(kiosk_url, f"SELECT * FROM desk_kiosk_client_facts({last_week})") == []  # noqa: S608 - our own id
    assert _works(kiosk_url, f"SELECT desk_kiosk_check_in({last_week})") == [(False,)]  # noqa: S608 - our own id
    assert _works(kiosk_url, "SELECT * FROM desk_kiosk_appointments_by_birth('1990-03-14', "
                             "now() AT TIME ZONE 'UTC' - interval '30 days', now() AT TIME ZONE 'UTC', 'x')") == []
    assert _fails(kiosk_url, "DELETE FROM kiosk_attempts"), "the kiosk role may delete its wrong tries"
    # what the login function hands out is no hash: no digest to crack offline
    stored = _works(server["superuser"], "SELECT password_hash FROM staff WHERE username = 'leitung'")[0][0]
    parameters = _works(kiosk_url, "SELECT desk_kiosk_login_params('leitung')")[0][0]
    assert stored.rsplit("$", 1)[1] not in parameters and parameters.startswith("$argon2id$")
    assert _works(kiosk_url, "SELECT desk_kiosk_login_params('nobody')")[0][0].startswith("$argon2id$")

    kiosk = dataclasses.replace(Actor.kiosk(), workstation="entrance")
    services = _kiosk_services(server, now)
    try:
        # the exit login: the head's right password lets out; a counsellor's is known but no head
        assert services.accounts.login(Actor.login_screen(), "Leitung", "kiosk-exit-2026",
                                       rehash=False).role is Role.HEAD
        assert services.accounts.login(Actor.login_screen(), "berater", "berater-2026",
                                       rehash=False).role is Role.COUNSELLOR
        with pytest.raises(LoginError) as unknown:
            services.accounts.login(Actor.login_screen(), "nobody", "kiosk-exit-2026", rehash=False)
        assert unknown.value.wait_seconds == 0
        # wrong passwords: counted in the database, the third earns a wait, the fourth is refused
        waits = []
        for _ in range(3):
            with pytest.raises(LoginError) as wrong:
                services.accounts.login(Actor.login_screen(), "leitung", "guess", rehash=False)
            waits.append(wrong.value.wait_seconds)
        assert waits == [0, 0, 5]
        with pytest.raises(LoginError) as refused:
            services.accounts.login(Actor.login_screen(), "leitung", "kiosk-exit-2026", rehash=False)
        assert "Too many" in refused.value.message() and 1 <= refused.value.wait_seconds <= 5
        # the check-in by date of birth and time finds the appointment and copies the client's facts
        local = now.astimezone(__import__("zoneinfo").ZoneInfo("Europe/Berlin"))
        try:
            services.kiosk.check_in_appointment(kiosk, birth_date=date(1990, 3, 15), at=local.time())
        except KioskRefusedError as wrong_birth:
            assert wrong_birth.reason == "not_found"
        ticket = services.kiosk.check_in_appointment(kiosk, birth_date=date(1990, 3, 14), at=local.time())
        assert ticket.appointment_at == now
    finally:
        services.close()
    # each wrong date of birth counted once (the database's function counts it, desk does not again)
    failures = "SELECT count(*) FROM kiosk_attempts WHERE NOT succeeded"
    assert _works(server["superuser"], failures) == [(2,)]  # the 30-day question above, the wrong date
    # someone with the kiosk's credentials trying dates of birth without desk: each try counts, and
    # at the kiosks' limit (15 in 10 minutes) even the right date finds nothing
    lookup = ("SELECT * FROM desk_kiosk_appointments_by_birth('{day}', now() AT TIME ZONE 'UTC' - interval '12 hours', "
              "now() AT TIME ZONE 'UTC' + interval '12 hours', 'laptop')")
    assert len(_works(kiosk_url, lookup.format(day="1990-03-14"))) == 1
    for day in range(1, 14):
        assert _works(kiosk_url, lookup.format(day=f"1980-01-{day:02}")) == []
    assert _works(server["superuser"], failures) == [(15,)]
    assert _works(kiosk_url, lookup.format(day="1990-03-14")) == [], "the brake let a date of birth through"
    assert _works(server["superuser"], "SELECT failed_logins, locked_until IS NOT NULL FROM staff "
                                       "WHERE username = 'leitung'") == [(3, True)]
    assert _works(server["superuser"], "SELECT password_hash FROM staff WHERE username = 'leitung'") == [(stored,)]
    visit = _works(server["superuser"], "SELECT residence, status_group, interpreter_language, self_service "
                                        "FROM visits WHERE client_id IS NOT NULL")
    assert visit == [(*facts[0], "ar", True)]
    # the check-in marked today's appointment arrived and the client's last contact, last week's not
    assert _works(server["superuser"], "SELECT starts_at < now() AT TIME ZONE 'UTC' - interval '1 day', status "
                                       "FROM appointments ORDER BY starts_at") == [(True, "booked"), (False, "arrived")]
    assert _works(server["superuser"], "SELECT last_contact_at > now() AT TIME ZONE 'UTC' - interval '1 hour' "
                                       "FROM clients") == [(True,)]
    actions = [a for (a,) in _works(server["superuser"], "SELECT action FROM audit_events WHERE left(action, 6) = 'login.' "
                                                          "ORDER BY id")]
    assert actions == ["login.success", "login.success", "login.failure", "login.failure", "login.failure",
                       "login.failure", "login.refused"]
    # after the wait the head is let out again, and the right password clears the count
    _works(server["superuser"], "UPDATE staff SET locked_until = now() AT TIME ZONE 'UTC' - interval '1 second'")
    services = _kiosk_services(server, now)
    try:
        assert services.accounts.login(Actor.login_screen(), "leitung", "kiosk-exit-2026",
                                       rehash=False).role is Role.HEAD
    finally:
        services.close()
    assert _works(server["superuser"], "SELECT failed_logins, locked_until FROM staff "
                                       "WHERE username = 'leitung'") == [(0, None)]


def test_setup_server_again_takes_an_older_servers_kiosk_rights_back(server) -> None:
    """A server set up by an earlier release: its kiosk role read whole staff and client rows and
    could write the lockout counters. `desk-admin setup-server` run again brings it to the new grants."""
    argv = ["setup-server", "--database-url", server["superuser"], "--prefix", server["prefix"]]
    assert admin(argv) == 0
    kiosk = f'"{server["prefix"]}_kiosk"'
    for grant in ("GRANT SELECT ON staff, clients TO {k}", "GRANT UPDATE (failed_logins, locked_until) ON staff TO {k}",
                  "GRANT SELECT (date_of_birth, status_group) ON clients TO {k}", "GRANT DELETE ON kiosk_attempts TO {k}",
                  "DROP FUNCTION desk_kiosk_login(text, text)"):
        _works(server["superuser"], grant.format(k=kiosk))
    assert not _fails(server["kiosk"], "SELECT password_hash FROM staff")
    assert admin(argv) == 0
    for sql in ("SELECT password_hash FROM staff", "SELECT date_of_birth FROM clients",
                "UPDATE staff SET failed_logins = 0", "DELETE FROM kiosk_attempts"):
        assert _fails(server["kiosk"], sql), f"after setup-server again the kiosk role may still: {sql}"
    assert _works(server["kiosk"], "SELECT outcome FROM desk_kiosk_login('nobody', '')") == [("unknown",)]


def test_the_kiosk_role_sees_only_the_rows_of_the_days_around_today(server, tmp_path, monkeypatch, cli_login) -> None:
    """Row-level security (desk.storage.roles.KIOSK_ROWS): the kiosk PC's credentials read the
    appointments, visits and absences around today by the server's clock - never a client's
    history of ten years - and add no visit dated into an earlier report. The kiosk's check-in
    still counts a returning client as returning (the owner's function says so), the application's
    role sees every row, and its backup (pg_dump) holds them all."""
    from datetime import timedelta

    from desk.domain.model import Role
    from desk.services.checkin import CheckInRequest
    from desk.services.clock import FixedClock

    now, today = _set_up_at_server_time(server)
    services = build_services(prepare_database(server["app"]))
    try:
        system = Actor.system("test")
        mbe = next(s for s in services.reference.services(system) if s.code == "MBE")
        client = services.clients.create(system, ClientInput(given_name="Amal", family_name="Haddad")).id
        with services.uow(write=True) as uow:
            uow.session.execute(sa.text("DELETE FROM service_hours WHERE service_id = :s"), {"s": mbe.id})
            yilmaz = uow.reference.add_staff(username="yilmaz", display_name="Frau Yilmaz", role=Role.COUNSELLOR,
                                             password_hash=None, service_ids={mbe.id})
            appointments = {when: uow.appointments.add(client_id=client, service_id=mbe.id, starts_at=at,
                                                       ends_at=at + timedelta(minutes=30), status="booked")
                            for when, at in (("last week", now - timedelta(days=7)), ("today", now),
                                             ("next week", now + timedelta(days=7)))}
            uow.commit()
        services.appointments.add_absence(system, yilmaz, today - timedelta(days=30), today - timedelta(days=20), "x")
        services.appointments.add_absence(system, yilmaz, today, today, "x")
        # Amal was here last month (her visit closed since)
        services.clock = FixedClock(now - timedelta(days=30))
        services.checkin.check_in(system, CheckInRequest(client_id=client, service_id=mbe.id))
        code = uow_code(services, appointments["today"])
    finally:
        services.close()
    _works(server["superuser"], "UPDATE visits SET status = 'done'")
    kiosk = server["kiosk"]
    assert _works(kiosk, "SELECT id FROM appointments") == [(appointments["today"],)]
    assert _works(kiosk, "SELECT count(*) FROM visits") == [(0,)]
    assert _works(kiosk, "SELECT starts_on FROM absences") == [(today,)]
    services = build_services(prepare_database(kiosk, read_only=True), clock=FixedClock(now))
    try:
        services.kiosk.check_in_appointment(Actor.kiosk(), code=code)
    finally:
        services.close()
    assert _works(kiosk, "SELECT count(*) FROM visits") == [(1,)]  # its own, today's
    # her first visit was last month's; the kiosk's is not a new client's (it sees no earlier visit itself)
    assert _works(server["superuser"], "SELECT first_visit FROM visits ORDER BY id") == [(True,), (False,)]
    # a visit the kiosk would date into last month's figures is refused
    (service_id, day, arrived), = _works(server["superuser"], "SELECT service_id, ticket_day, arrived_at "
                                                             "FROM visits WHERE self_service")
    add = ("INSERT INTO visits (service_id, ticket_day, ticket_number, ticket_prefix, party_size, status, priority, "
           "priority_reason, interpreter_language, arrived_at, call_count, referred_to, residence, status_group, "
           "client_language, first_visit, anonymised, updated_at, self_service) VALUES ({service}, '{day}', {number}, "
           "'M', 1, 'done', 'normal', '', '', '{at}', 0, '', 'unknown', 'unknown', '', false, false, '{at}', true)")
    assert "row-level security" in _fails(kiosk, add.format(service=service_id, day=day - timedelta(days=30), number=98,
                                                            at=arrived - timedelta(days=30)))
    _works(kiosk, add.format(service=service_id, day=day, number=99, at=arrived))  # today's, as the kiosk adds them
    _works(server["superuser"], "DELETE FROM visits WHERE ticket_number = 99")
    # the audit log: the kiosk appends its own kinds of entry, of today - never a staff action
    entry = ("INSERT INTO audit_events (at, actor_name, action, entity_type, details, workstation) "
             "VALUES ('{at}', 'Frau Yilmaz', '{action}', '', '', 'entrance')")
    _works(kiosk, entry.format(at=arrived, action="kiosk.code_failed"))
    for at, action in ((arrived, "client.erase"), (arrived, "client.card_read"),
                       (arrived - timedelta(days=30), "visit.check_in")):
        assert "row-level security" in _fails(kiosk, entry.format(at=at, action=action)), action
    # a server an older desk set up (setup-server not run again since): its client-facts function
    # does not say whether the client has visits, and no row-level security keeps earlier visits
    # from the kiosk - which asks them itself, as before, and still counts Amal as returning
    superuser, owner = server["superuser"], f'"{server["prefix"]}_owner"'
    for table in ("appointments", "visits", "absences"):
        _works(superuser, f"ALTER TABLE {table} DISABLE ROW LEVEL SECURITY")
    _works(superuser, "DROP FUNCTION desk_kiosk_client_facts(integer)")
    _works(superuser, """CREATE FUNCTION public.desk_kiosk_client_facts(p_appointment integer)
        RETURNS TABLE (residence text, status_group text, language text, interpreter_needed boolean)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
            SELECT c.residence::text, c.status_group::text, c.language::text, c.interpreter_needed
            FROM appointments a JOIN clients c ON c.id = a.client_id WHERE a.id = p_appointment
        $fn$""")
    _works(superuser, f"ALTER FUNCTION desk_kiosk_client_facts(integer) OWNER TO {owner}")
    _works(superuser, f'GRANT EXECUTE ON FUNCTION desk_kiosk_client_facts(integer) TO "{server["prefix"]}_kiosk"')
    _works(superuser, "UPDATE visits SET status = 'done'")
    _works(superuser, f"UPDATE appointments SET status = 'booked' WHERE id = {appointments['today']}")  # noqa: S608
    services = build_services(prepare_database(kiosk, read_only=True), clock=FixedClock(now))
    try:
        services.kiosk.check_in_appointment(Actor.kiosk(), code=code)
    finally:
        services.close()
    assert _works(superuser, "SELECT first_visit FROM visits ORDER BY id") == [(True,), (False,), (False,)]
    _works(superuser, "DELETE FROM visits WHERE id = (SELECT max(id) FROM visits)")
    assert admin(["setup-server", "--database-url", superuser, "--prefix", server["prefix"]]) == 0
    assert _works(kiosk, "SELECT count(*) FROM appointments") == [(1,)]  # run again: the rows of today only

    # the application's role sees every row, and its backup holds them
    assert _works(server["app"], "SELECT count(*) FROM appointments") == [(3,)]
    assert _works(server["app"], "SELECT count(*) FROM visits") == [(2,)]
    folder = tmp_path / "backups"
    machine = tmp_path / "desk.toml"
    machine.write_text(f"[backup]\nfolder = '{folder}'\n", encoding="utf-8")
    monkeypatch.setenv("DESK_MACHINE_CONFIG", str(machine))
    cli_login(server["superuser"])
    assert admin(["backup", "--database-url", server["app"]]) == 0
    listing = subprocess.run(["pg_restore", "--file=-", "--data-only", "--table=visits", str(next(folder.glob("*.dump")))],
                             capture_output=True, text=True, check=True).stdout
    assert listing.count("\t" + str(today - timedelta(days=30))) + listing.count("\t" + str(today)) >= 2, listing
