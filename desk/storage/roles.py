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
- the kiosk (`<prefix>_kiosk`, LOGIN): the self-service ticket kiosk in the entrance (issue 20),
  whose credentials lie on an unattended PC. Exactly the columns desk.storage.repositories.kiosk
  reads and writes: the services, today's waiting figures, a new visit and its ticket number, an
  appointment found by its code (never a name, phone or note), the attempts table of its rate
  limit, appending to the audit log. No staff user name, password hash or lockout counter, no
  client's date of birth or statistics facts: leaving the kiosk (the head's password), an
  appointment found by the date of birth and the check-in's client snapshot go through
  SECURITY DEFINER functions of the owner (KIOSK_FUNCTIONS) that hand back only that fact. Of
  appointments, visits and absences it sees only the rows around today (row-level security,
  KIOSK_ROWS).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.engine import make_url

from desk.domain.errors import DatabaseError
from desk.storage.engine import translate_error

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


#: The kiosk's facts from protected tables, each a SECURITY DEFINER function of the owner with a
#: fixed search_path that hands back only that fact (the kiosk role reads none of these columns):
#:
#: - desk_kiosk_login_params(username): what computing an argon2 digest of a typed password needs
#:   (type, version, cost, salt, the digest's length) - never the digest itself. An unknown name
#:   gets made-up parameters, so the answer does not tell which accounts exist.
#: - desk_kiosk_login(username, digest): compares the digest the kiosk computed with the stored one,
#:   in the database, and keeps the account's brake on wrong passwords (the same rule as
#:   desk.domain.accounts.delay_after: FREE_ATTEMPTS free, then 5 s doubling up to 15 min) - the
#:   kiosk cannot skip the count or reset it. Answers the outcome and, for a right password, who it is.
#: - desk_kiosk_appointments_by_birth(birth, from, to, workstation): the ids of the appointments of
#:   a day (at most 26 hours, within a day of the database's clock) whose client has that date of
#:   birth. It keeps the kiosks' brake itself: nothing while all kiosks' wrong tries of the last
#:   10 minutes number 15 or more, and a date that finds nothing is recorded as a wrong try in
#:   kiosk_attempts (which the kiosk may append to but not delete from: desk_kiosk_forget_attempts
#:   drops tries older than a day) - so dates of birth cannot be tried through by the thousand.
#: - desk_kiosk_client_facts(appointment): the statistics facts check-in copies onto the visit,
#:   and whether the client was here before (the funder's "new clients") or is still waiting (no
#:   second ticket), only for a booked appointment within a day of the database's clock: the
#:   kiosk role sees no visit of an earlier day (KIOSK_ROWS).
#: - desk_kiosk_check_in(appointment): booked -> arrived for an appointment within a day of the
#:   database's clock, and the client's last contact moved to now (never back). The kiosk role
#:   updates no appointment or client itself: with the credentials one could otherwise cancel a
#:   day's appointments, or date clients' last contact back so the retention purge erases them
#:   early (or forward, so it never does).
KIOSK_FUNCTIONS = {
    "desk_kiosk_login_params(text)": """
    CREATE OR REPLACE FUNCTION public.desk_kiosk_login_params(p_username text) RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
        SELECT COALESCE(
            (SELECT left(s.password_hash, length(s.password_hash) - length(split_part(s.password_hash, '$', 6)))
                    || length(split_part(s.password_hash, '$', 6))
             FROM staff s
             WHERE lower(s.username) = lower(p_username) AND left(s.password_hash, 7) = '$argon2'
               AND split_part(s.password_hash, '$', 6) <> '' AND split_part(s.password_hash, '$', 7) = ''
             LIMIT 1),
            '$argon2id$v=19$m=65536,t=3,p=4$'
                || rtrim(encode(decode(md5('desk-kiosk:' || lower(coalesce(p_username, ''))), 'hex'), 'base64'), '=')
                || '$43')
    $fn$""",
    "desk_kiosk_login(text, text)": """
    CREATE OR REPLACE FUNCTION public.desk_kiosk_login(p_username text, p_digest text)
    RETURNS TABLE (outcome text, wait_seconds integer, failed_in_a_row integer, staff_id integer)
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
    DECLARE
        s record;
        utc_now timestamp := now() AT TIME ZONE 'UTC';
        matched boolean;
        n integer;
        delay integer;
    BEGIN
        SELECT id, password_hash, active, coalesce(failed_logins, 0) AS failed_logins, locked_until INTO s
            FROM staff WHERE lower(username) = lower(p_username) ORDER BY id LIMIT 1 FOR UPDATE;
        IF NOT FOUND THEN
            RETURN QUERY SELECT 'unknown'::text, 0, 0, NULL::integer;
            RETURN;
        END IF;
        IF s.locked_until IS NOT NULL AND s.locked_until > utc_now THEN
            RETURN QUERY SELECT 'waiting'::text,
                greatest(1, ceil(extract(epoch FROM s.locked_until - utc_now))::integer), s.failed_logins, s.id;
            RETURN;
        END IF;
        matched := coalesce(p_digest, '') <> '' AND left(coalesce(s.password_hash, ''), 7) = '$argon2'
            AND split_part(s.password_hash, '$', 7) = '' AND split_part(s.password_hash, '$', 6) = p_digest;
        IF matched AND s.active THEN
            UPDATE staff SET failed_logins = 0, locked_until = NULL WHERE id = s.id;
            RETURN QUERY SELECT 'ok'::text, 0, 0, s.id;
            RETURN;
        END IF;
        n := s.failed_logins + 1;
        delay := CASE WHEN n < 3 THEN 0 ELSE least(5 * power(2, least(n - 3, 20))::bigint, 900)::integer END;
        UPDATE staff SET failed_logins = n,
            locked_until = CASE WHEN delay > 0 THEN utc_now + make_interval(secs => delay) ELSE locked_until END
            WHERE id = s.id;
        RETURN QUERY SELECT CASE WHEN matched THEN 'deactivated' ELSE 'wrong' END, delay, n, s.id;
    END $fn$""",
    "desk_kiosk_appointments_by_birth(date, timestamp, timestamp, text)": """
    CREATE OR REPLACE FUNCTION public.desk_kiosk_appointments_by_birth(p_birth date, p_from timestamp,
                                                                       p_to timestamp, p_workstation text)
    RETURNS SETOF integer
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
    DECLARE
        utc_now timestamp := now() AT TIME ZONE 'UTC';
        found integer[];
    BEGIN
        PERFORM pg_advisory_xact_lock(20020);  -- the kiosks' attempts lock (repositories.kiosk)
        IF (SELECT count(*) FROM kiosk_attempts WHERE NOT succeeded
                AND attempted_at >= utc_now - interval '10 minutes') >= 15 THEN
            RETURN;  -- the brake of all kiosks together (desk.domain.kiosk), whoever asks
        END IF;
        SELECT array_agg(a.id) INTO found FROM appointments a JOIN clients c ON c.id = a.client_id
            WHERE c.date_of_birth = p_birth AND a.starts_at >= p_from AND a.starts_at < p_to
              AND p_to - p_from <= interval '26 hours'
              AND a.starts_at > utc_now - interval '1 day' AND a.starts_at < utc_now + interval '1 day';
        IF found IS NULL THEN  -- counted here, not left to the caller: a guess costs a try
            INSERT INTO kiosk_attempts (workstation, attempted_at, succeeded)
                VALUES (left(coalesce(p_workstation, ''), 100), utc_now, false);
            RETURN;
        END IF;
        RETURN QUERY SELECT unnest(found);
    END $fn$""",
    "desk_kiosk_check_in(integer)": """
    CREATE OR REPLACE FUNCTION public.desk_kiosk_check_in(p_appointment integer) RETURNS boolean
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
    DECLARE
        utc_now timestamp := now() AT TIME ZONE 'UTC';
        client integer;
    BEGIN
        UPDATE appointments SET status = 'arrived', version = version + 1, updated_at = utc_now
            WHERE id = p_appointment AND status = 'booked'
              AND starts_at > utc_now - interval '1 day' AND starts_at < utc_now + interval '1 day'
            RETURNING client_id INTO client;
        IF NOT FOUND THEN
            RETURN false;
        END IF;
        UPDATE clients SET last_contact_at = utc_now
            WHERE id = client AND (last_contact_at IS NULL OR last_contact_at < utc_now);
        RETURN true;
    END $fn$""",
    "desk_kiosk_forget_attempts()": """
    CREATE OR REPLACE FUNCTION public.desk_kiosk_forget_attempts() RETURNS void
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
        DELETE FROM kiosk_attempts WHERE attempted_at < (now() AT TIME ZONE 'UTC') - interval '1 day'
    $fn$""",
    "desk_kiosk_client_facts(integer)": """
    CREATE OR REPLACE FUNCTION public.desk_kiosk_client_facts(p_appointment integer)
    RETURNS TABLE (residence text, status_group text, language text, interpreter_needed boolean,
                   has_visits boolean, open_visit boolean)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
        SELECT c.residence::text, c.status_group::text, c.language::text, c.interpreter_needed,
               EXISTS (SELECT 1 FROM visits v WHERE v.client_id = c.id),
               EXISTS (SELECT 1 FROM visits v WHERE v.client_id = c.id
                       AND v.status IN ('waiting', 'called', 'in_session'))
        FROM appointments a JOIN clients c ON c.id = a.client_id
        WHERE a.id = p_appointment AND a.status = 'booked'
          AND a.starts_at > (now() AT TIME ZONE 'UTC') - interval '1 day'
          AND a.starts_at < (now() AT TIME ZONE 'UTC') + interval '1 day'
    $fn$""",
}

#: The kiosk role's rights, column by column (desk.storage.repositories.kiosk and the check-in's
#: shared writes in desk.services.checkin.add_visit; leaving the kiosk goes through
#: KIOSK_FUNCTIONS). Not granted, on purpose: the staff accounts' password hashes and lockout
#: counters (offline cracking of the head's password; unlocking or locking anyone), a client's
#: date of birth, residence, status group or language, an absence's reason (it may be an illness),
#: and any UPDATE of an appointment or client (only through the functions above).
KIOSK_GRANTS = (
    "GRANT SELECT ON services, service_hours, change_counter, alembic_version, kiosk_languages TO {kiosk}",
    "GRANT UPDATE (value, changed_at) ON change_counter TO {kiosk}",
    "GRANT SELECT, INSERT, DELETE ON change_log TO {kiosk}",  # a commit logs its topics (and prunes old rows)
    "GRANT SELECT, INSERT, UPDATE ON ticket_counters TO {kiosk}",
    # not the reason of an urgent priority, the referral or who called: free text staff typed
    # request_key, appointment_id: a retried ticket finds the one its first try made (services/once.py)
    "GRANT SELECT (id, client_id, service_id, ticket_day, ticket_number, ticket_prefix, status, arrived_at, "
    "first_called_at, called_by_name, version, self_service, appointment_id, request_key), INSERT ON visits "
    "TO {kiosk}",
    "GRANT SELECT (id, client_id, service_id, staff_id, starts_at, status, interpreter_language, kiosk_code, "
    "version) ON appointments TO {kiosk}",
    "GRANT SELECT (id) ON clients TO {kiosk}",
    "GRANT SELECT, INSERT ON kiosk_attempts TO {kiosk}",  # forgetting: desk_kiosk_forget_attempts
    "GRANT SELECT (id), INSERT ON audit_events TO {kiosk}",
    # who a right exit login is (the UI lets only the head leave); no user name, hash or counter;
    # whether the password is one-time (such a password does not open the exit), never writing it
    "GRANT SELECT (id, display_name, role, active, password_one_time) ON staff TO {kiosk}",
    "GRANT SELECT ON staff_services TO {kiosk}",
    # whether the appointment's counsellor is away today (then the visit is reserved for nobody,
    # as at the desk: repositories.appointments.reserved_counsellor); never the reason (an illness)
    "GRANT SELECT (staff_id, starts_on, ends_on) ON absences TO {kiosk}",
    "GRANT USAGE ON SEQUENCE visits_id_seq, kiosk_attempts_id_seq, audit_events_id_seq TO {kiosk}",
)


#: Row-level security: of the tables holding client rows it reads, the kiosk's role sees only
#: the rows of the days around today by the database server's clock, the clock its functions go
#: by - today's appointments (by their slip's code), today's visits (the tickets it gives out and
#: the waiting figures it shows) and the absences covering today. Without it the kiosk PC's
#: credentials read every appointment and visit of ten years, pseudonymous (client numbers,
#: services, times, counsellors, interpreter languages) but a client's whole history all the same.
#: A visit the kiosk adds must fall in the same window (no visit dated into an earlier report),
#: and so must an entry it appends to the audit log, which must moreover be one of the kiosk's own
#: kinds (a ticket or check-in, its code and language events, the exit login): its credentials
#: cannot put an erasure, a card read or any other staff action into the log, nor backdate one.
#: The same queries serve every role: the application's role sees every row (its policies are
#: `true`); the owner (the migrations, the functions above) is not subject to row-level security.
_UTC_NOW = "(now() AT TIME ZONE 'UTC')"


def _around_now(column: str) -> str:
    return f"{column} > {_UTC_NOW} - interval '1 day' AND {column} < {_UTC_NOW} + interval '1 day'"


KIOSK_ROWS = {
    "appointments": _around_now("starts_at"),
    "visits": _around_now("arrived_at"),
    "absences": "starts_on <= CURRENT_DATE + 1 AND ends_on >= CURRENT_DATE - 1",
    # (no % in these: the statements go through the driver, which takes % for a placeholder)
    "audit_events": _around_now("at") + " AND (action = 'visit.check_in' "
                                        "OR split_part(action, '.', 1) IN ('kiosk', 'login'))",
}
KIOSK_INSERTS = ("visits", "audit_events")


def _row_security(run: Callable[[str], object], app: str, kiosk: str) -> None:
    """KIOSK_ROWS as policies (re-made every run: a renamed prefix, a changed window)."""
    for table, condition in KIOSK_ROWS.items():
        run(f"ALTER TABLE public.{table} ENABLE ROW LEVEL SECURITY")
        for policy in ("desk_app_rows", "desk_kiosk_rows", "desk_kiosk_adds"):
            run(f"DROP POLICY IF EXISTS {policy} ON public.{table}")
        run(f"CREATE POLICY desk_app_rows ON public.{table} FOR ALL TO {app} USING (true) WITH CHECK (true)")
        run(f"CREATE POLICY desk_kiosk_rows ON public.{table} FOR SELECT TO {kiosk} USING ({condition})")
        if table in KIOSK_INSERTS:
            run(f"CREATE POLICY desk_kiosk_adds ON public.{table} FOR INSERT TO {kiosk} WITH CHECK ({condition})")


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


def prepare_server(url: str, roles: ServerRoles, *, passwords: dict[str, str], say: Callable[..., None]) -> None:
    """Create the roles and the database if missing and hand the database to the owner (before
    the migrations run as the owner)."""
    database = make_url(url).database
    if not database:
        raise DatabaseError("The address must name the database (…/desk).")
    engine = _superuser_engine(url, "postgres")
    try:
        try:
            opened = engine.connect()
        except sa.exc.DBAPIError as error:  # the server away, a wrong password: said as desk says it
            parsed = make_url(url)
            where = f"PostgreSQL: {parsed.username or ''}@{parsed.host or 'localhost'}:{parsed.port or 5432}/postgres"
            raise translate_error(error, where) from error
        with opened as connection:
            if not connection.execute(sa.text("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")).scalar():
                raise DatabaseError("setup-server needs a superuser's connection (e.g. postgres).")
            for name, login in ((roles.owner, False), (roles.app, True), (roles.display, True), (roles.kiosk, True)):
                if not _role_exists(connection, name):
                    connection.exec_driver_sql(f"CREATE ROLE {_ident(name)}")
                    say("role {name} created", name=name)  # a template: desk-admin says it in German too
                connection.exec_driver_sql(
                    f"ALTER ROLE {_ident(name)} {'LOGIN' if login else 'NOLOGIN'} NOSUPERUSER NOCREATEDB "
                    "NOCREATEROLE NOREPLICATION NOBYPASSRLS NOINHERIT")
                if name in passwords:
                    connection.exec_driver_sql(f"ALTER ROLE {_ident(name)} PASSWORD {_literal(passwords[name])}")
            exists = connection.execute(sa.text("SELECT 1 FROM pg_database WHERE datname = :d"), {"d": database}).first()
            if not exists:
                connection.exec_driver_sql(f"CREATE DATABASE {_ident(database)} OWNER {_ident(roles.owner)}")
                say("database {name} created", name=database)
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
            # an older server's kiosk read whole staff and client rows: REVOKE ALL ON ALL TABLES above
            # took the table grants and every column grant with them; only KIOSK_GRANTS come back
            # an earlier form of the birth-date lookup (without the brake) must not stay callable
            run("DROP FUNCTION IF EXISTS public.desk_kiosk_appointments_by_birth(date, timestamp, timestamp)")
            # its answer grew by two columns (CREATE OR REPLACE cannot change a function's result)
            run("DROP FUNCTION IF EXISTS public.desk_kiosk_client_facts(integer)")
            for signature, sql in KIOSK_FUNCTIONS.items():
                run(sql)
                run(f"ALTER FUNCTION public.{signature} OWNER TO {owner}")
                run(f"REVOKE ALL ON FUNCTION public.{signature} FROM PUBLIC")
                run(f"GRANT EXECUTE ON FUNCTION public.{signature} TO {kiosk}")
            for grant in KIOSK_GRANTS:
                run(grant.format(kiosk=kiosk))
            _row_security(run, app, kiosk)
    finally:
        engine.dispose()
