"""PostgreSQL roles for a centre with several PCs (`desk-admin setup-server`).

Three roles, created idempotently over a superuser's connection:

- the owner (`<prefix>_owner`, NOLOGIN): owns the database, the schema and every table,
  function and trigger; the migrations run as it (SET ROLE). Nobody logs in as it.
- the application (`<prefix>_app`, LOGIN): the desk on the centre's PCs. Data rights only:
  SELECT/INSERT/UPDATE/DELETE on the tables, no CREATE anywhere, owns nothing - so it cannot
  ALTER, DROP or disable a trigger. On the audit log it may only read and append (INSERT);
  old entries leave only through `desk_purge_audit(cutoff)`, a SECURITY DEFINER function of the
  owner that goes through the purge permit (never younger than six months).
- the display (`<prefix>_display`, LOGIN): the waiting-room PC. SELECT on `display_calls`, the
  change counter and the schema version; LISTEN needs no grant. Nothing else.
- the kiosk (`<prefix>_kiosk`, LOGIN): the self-service ticket kiosk in the entrance (issue 20).
  Exactly the columns desk.storage.repositories.kiosk reads and writes: the services, today's
  waiting figures, a new visit and its ticket number, an appointment found by its code or the
  client's date of birth (never a name, phone or note), the attempts table of its rate limit,
  appending to the audit log; and the staff accounts' login columns, because leaving the kiosk
  needs the head's password.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.engine import make_url

from desk.domain.errors import DatabaseError

PURGE_FUNCTION = "desk_purge_audit"
_PURGE_SQL = """
    CREATE OR REPLACE FUNCTION public.desk_purge_audit(cutoff timestamptz) RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
    DECLARE gone bigint;
    BEGIN
        INSERT INTO audit_purge_permit (id, cutoff) VALUES (1, cutoff)
            ON CONFLICT (id) DO UPDATE SET cutoff = EXCLUDED.cutoff;
        DELETE FROM audit_events WHERE at < cutoff;
        GET DIAGNOSTICS gone = ROW_COUNT;
        RETURN gone;
    END $$"""


#: The kiosk role's rights, column by column (desk.storage.repositories.kiosk and the check-in's
#: shared writes in desk.services.checkin.add_visit; the login's columns for leaving the kiosk).
KIOSK_GRANTS = (
    "GRANT SELECT ON services, service_hours, change_counter, alembic_version, kiosk_languages TO {kiosk}",
    "GRANT UPDATE (value, changed_at) ON change_counter TO {kiosk}",
    "GRANT SELECT, INSERT, DELETE ON change_log TO {kiosk}",  # a commit logs its topics (and prunes old rows)
    "GRANT SELECT, INSERT, UPDATE ON ticket_counters TO {kiosk}",
    # not the reason of an urgent priority, the referral or who called: free text staff typed
    "GRANT SELECT (id, client_id, service_id, ticket_day, ticket_number, ticket_prefix, status, arrived_at, "
    "first_called_at, called_by_name, version, self_service), INSERT ON visits TO {kiosk}",
    "GRANT SELECT (id, client_id, service_id, staff_id, starts_at, status, interpreter_language, kiosk_code, "
    "version) ON appointments TO {kiosk}",
    "GRANT UPDATE (status, version, updated_at) ON appointments TO {kiosk}",
    "GRANT SELECT (id, date_of_birth, residence, status_group, language, interpreter_needed) ON clients TO {kiosk}",
    "GRANT UPDATE (last_contact_at) ON clients TO {kiosk}",
    "GRANT SELECT, INSERT, DELETE ON kiosk_attempts TO {kiosk}",
    "GRANT SELECT (id), INSERT ON audit_events TO {kiosk}",
    "GRANT SELECT ON staff, staff_services TO {kiosk}",
    # the login's brake on wrong passwords - never the password itself: a role that may write a hash
    # sets a password of its choice for the head of department (the kiosk PC stands unattended)
    "GRANT UPDATE (failed_logins, locked_until) ON staff TO {kiosk}",
    "GRANT USAGE ON SEQUENCE visits_id_seq, kiosk_attempts_id_seq, audit_events_id_seq TO {kiosk}",
)


@dataclass(frozen=True)
class ServerRoles:
    owner: str
    app: str
    display: str
    kiosk: str

    @classmethod
    def named(cls, prefix: str) -> ServerRoles:
        if not prefix.replace("_", "").isalnum() or not prefix[:1].isalpha() or len(prefix) > 40:
            raise DatabaseError("The role prefix {prefix} must be letters, digits and _ (starting with a letter).",
                                prefix=prefix)
        prefix = prefix.lower()
        return cls(owner=f"{prefix}_owner", app=f"{prefix}_app", display=f"{prefix}_display",
                   kiosk=f"{prefix}_kiosk")


def _ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _superuser_engine(url: str, database: str | None = None) -> sa.Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() != "postgresql":
        raise DatabaseError("setup-server works on PostgreSQL only; a single PC with SQLite needs no server roles.")
    if database is not None:
        parsed = parsed.set(database=database)
    return sa.create_engine(parsed, isolation_level="AUTOCOMMIT", connect_args={"connect_timeout": 5})


def _role_exists(connection: sa.Connection, name: str) -> bool:
    return connection.execute(sa.text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": name}).first() is not None


def prepare_server(url: str, roles: ServerRoles, *, passwords: dict[str, str], say: Callable[[str], None]) -> None:
    """Create the roles and the database if missing and hand the database to the owner (before
    the migrations run as the owner)."""
    database = make_url(url).database
    if not database:
        raise DatabaseError("The address must name the database (…/desk).")
    engine = _superuser_engine(url, "postgres")
    try:
        with engine.connect() as connection:
            if not connection.execute(sa.text("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")).scalar():
                raise DatabaseError("setup-server needs a superuser's connection (e.g. postgres).")
            for name, login in ((roles.owner, False), (roles.app, True), (roles.display, True), (roles.kiosk, True)):
                if not _role_exists(connection, name):
                    connection.exec_driver_sql(f"CREATE ROLE {_ident(name)}")
                    say(f"role {name} created")
                connection.exec_driver_sql(
                    f"ALTER ROLE {_ident(name)} {'LOGIN' if login else 'NOLOGIN'} NOSUPERUSER NOCREATEDB "
                    "NOCREATEROLE NOREPLICATION NOBYPASSRLS NOINHERIT")
                if name in passwords:
                    connection.exec_driver_sql(f"ALTER ROLE {_ident(name)} PASSWORD {_literal(passwords[name])}")
            exists = connection.execute(sa.text("SELECT 1 FROM pg_database WHERE datname = :d"), {"d": database}).first()
            if not exists:
                connection.exec_driver_sql(f"CREATE DATABASE {_ident(database)} OWNER {_ident(roles.owner)}")
                say(f"database {database} created")
            connection.exec_driver_sql(f"ALTER DATABASE {_ident(database)} OWNER TO {_ident(roles.owner)}")
            connection.exec_driver_sql(f"REVOKE ALL ON DATABASE {_ident(database)} FROM PUBLIC")
            connection.exec_driver_sql(f"GRANT CONNECT, TEMPORARY ON DATABASE {_ident(database)} TO {_ident(roles.app)}")
            connection.exec_driver_sql(f"GRANT CONNECT ON DATABASE {_ident(database)} TO {_ident(roles.display)}, "
                                       f"{_ident(roles.kiosk)}")
    finally:
        engine.dispose()
    engine = _superuser_engine(url)
    try:
        with engine.connect() as connection:
            owner = _ident(roles.owner)
            connection.exec_driver_sql(f"ALTER SCHEMA public OWNER TO {owner}")
            # objects an earlier set-up left to another role (e.g. the application's) go to the owner
            for kind, query in (
                ("TABLE", "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                          "WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v') "
                          "AND pg_get_userbyid(c.relowner) <> :o"),
                ("SEQUENCE", "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                             "WHERE n.nspname = 'public' AND c.relkind = 'S' AND pg_get_userbyid(c.relowner) <> :o "
                             "AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype = 'a')"),
                ("FUNCTION", "SELECT p.oid::regprocedure::text FROM pg_proc p JOIN pg_namespace n "
                             "ON n.oid = p.pronamespace WHERE n.nspname = 'public' "
                             "AND pg_get_userbyid(p.proowner) <> :o"),
            ):
                for (name,) in connection.execute(sa.text(query), {"o": roles.owner}):
                    target = name if kind == "FUNCTION" else f"public.{_ident(name)}"
                    connection.exec_driver_sql(f"ALTER {kind} {target} OWNER TO {owner}")
            connection.exec_driver_sql("REVOKE ALL ON SCHEMA public FROM PUBLIC")
            connection.exec_driver_sql(f"GRANT USAGE ON SCHEMA public TO {_ident(roles.app)}, {_ident(roles.display)}, "
                                       f"{_ident(roles.kiosk)}")
    finally:
        engine.dispose()


def grant_rights(url: str, roles: ServerRoles) -> None:
    """After the migrations: the application's and the display's rights (re-applied every run,
    so tables added by an upgrade get them too)."""
    app, display, owner, kiosk = _ident(roles.app), _ident(roles.display), _ident(roles.owner), _ident(roles.kiosk)
    engine = _superuser_engine(url)
    try:
        with engine.connect() as connection:
            run = connection.exec_driver_sql
            run(f"REVOKE ALL ON ALL TABLES IN SCHEMA public FROM PUBLIC, {app}, {display}, {kiosk}")
            run(f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM PUBLIC, {app}, {display}, {kiosk}")
            run(f"REVOKE ALL ON ALL FUNCTIONS IN SCHEMA public FROM PUBLIC, {app}, {display}, {kiosk}")
            run(f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {app}")
            run(f"GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO {app}")
            # the audit log: read and append only; the schema version: read only
            run(f"REVOKE UPDATE, DELETE, TRUNCATE ON audit_events, audit_purge_permit, alembic_version FROM {app}")
            run(f"REVOKE INSERT ON alembic_version, audit_purge_permit FROM {app}")
            run(_PURGE_SQL)
            run(f"ALTER FUNCTION public.{PURGE_FUNCTION}(timestamptz) OWNER TO {owner}")
            run(f"REVOKE ALL ON FUNCTION public.{PURGE_FUNCTION}(timestamptz) FROM PUBLIC")
            run(f"GRANT EXECUTE ON FUNCTION public.{PURGE_FUNCTION}(timestamptz) TO {app}")
            run(f"GRANT SELECT ON display_calls, change_counter, change_log, alembic_version TO {display}")
            for grant in KIOSK_GRANTS:
                run(grant.format(kiosk=kiosk))
    finally:
        engine.dispose()
