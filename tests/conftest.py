"""Shared fixtures: every test gets its own database (SQLite file in tmp_path, or a fresh
PostgreSQL schema) and never touches the user's data directory.

PostgreSQL: tests marked `postgres` (and the postgres half of the `db_url` fixture) run
against DESK_TEST_POSTGRES_URL. Unset: they skip, saying why. Set but unreachable: they FAIL,
so CI can never pass by silently skipping them.

Shifted "today": `pytest --today=2026-12-24` (or `--today=2027-03-28T02:30`, Berlin wall time; or
DESK_TEST_TODAY=... in the environment) runs the whole suite with the clock moved to that day
(time-machine; the clock keeps ticking). A date alone keeps the time of day the run starts at.
Python child processes (spawned workers, the command line) move with it through
tests/clockshift/sitecustomize.py. The moment is printed in the header and at the end, so a
failure can be re-run at exactly that moment.
"""

from __future__ import annotations

import os
import subprocess
import time
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from cli_head import CLI_HEAD_PASSWORD, CLI_HEAD_USER, ensure_cli_head  # noqa: E402

from desk.domain.model import Role  # noqa: E402
from desk.services.bootstrap import prepare_database  # noqa: E402
from desk.services.clock import FixedClock  # noqa: E402
from desk.services.context import Actor  # noqa: E402
from desk.services.desk import DeskServices, build_services  # noqa: E402
from desk.storage.engine import sqlite_url  # noqa: E402

POSTGRES_VARIABLE = "DESK_TEST_POSTGRES_URL"
TODAY_VARIABLE = "DESK_TEST_TODAY"
SHIFT_VARIABLE = "DESK_TEST_CLOCK_SHIFT"  # seconds, for child processes (tests/clockshift)
CLOCKSHIFT_DIR = Path(__file__).parent / "clockshift"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--today", metavar="YYYY-MM-DD[THH:MM]", default=os.environ.get(TODAY_VARIABLE) or None,
        help=f"run with the clock moved to this day (Berlin time; default ${TODAY_VARIABLE})")


def shifted_moment(value: str, real_now: datetime) -> datetime:
    """The moment `--today` names: a Berlin date (at the real time of day) or date and time."""
    from desk.domain.tickets import BERLIN

    value = value.strip()
    try:
        if "T" in value or " " in value:
            local = datetime.fromisoformat(value).replace(tzinfo=BERLIN)
        else:
            time_of_day = real_now.astimezone(BERLIN).time().replace(tzinfo=None)
            local = datetime.combine(date.fromisoformat(value), time_of_day, tzinfo=BERLIN)
    except ValueError as error:
        raise pytest.UsageError(f"--today={value}: expected YYYY-MM-DD or YYYY-MM-DDTHH:MM ({error})") from None
    return local.astimezone(UTC)


def pytest_configure(config: pytest.Config) -> None:
    value = config.getoption("--today")
    if not value or SHIFT_VARIABLE in os.environ:
        return
    import time_machine

    moment = shifted_moment(value, datetime.now(UTC))
    shift = moment.timestamp() - time.time()
    os.environ[SHIFT_VARIABLE] = repr(shift)
    os.environ["PYTHONPATH"] = os.pathsep.join(p for p in (str(CLOCKSHIFT_DIR), os.environ.get("PYTHONPATH")) if p)
    traveller = time_machine.travel(moment, tick=True)
    traveller.start()
    config.stash[_TRAVELLER] = traveller
    config.stash[_SHIFTED_START] = datetime.now(UTC)


def pytest_unconfigure(config: pytest.Config) -> None:
    traveller = config.stash.get(_TRAVELLER, None)
    if traveller is not None:
        traveller.stop()
        os.environ.pop(SHIFT_VARIABLE, None)


def _shift_note(config: pytest.Config) -> str | None:
    start = config.stash.get(_SHIFTED_START, None)
    if start is None:
        return None
    from desk.domain.tickets import BERLIN

    local = start.astimezone(BERLIN)
    return (f"clock shifted: the run started at {local:%Y-%m-%dT%H:%M} Berlin ({local:%A}); "
            f"re-run with --today={local:%Y-%m-%dT%H:%M}")


def pytest_report_header(config: pytest.Config) -> str | None:
    return _shift_note(config)


def pytest_terminal_summary(terminalreporter, exitstatus: int, config: pytest.Config) -> None:
    note = _shift_note(config)
    if note:
        terminalreporter.write_line(note)


_TRAVELLER = pytest.StashKey[object]()
_SHIFTED_START = pytest.StashKey[datetime]()


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test may write into the real user's data or config directories."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / "state"))  # the log folder
    monkeypatch.setenv("XDG_CONFIG_DIRS", str(home / "machine-config"))  # no real /etc/xdg/desk/desk.toml
    monkeypatch.delenv("DESK_DATABASE_URL", raising=False)
    # desk-admin speaks the user's language: the tests run in the C locale (English), whatever
    # the developer's machine is set to (tests/unit/test_cli_language_choice.py sets its own)
    for name in ("DESK_LANGUAGE", "LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")


def postgres_url() -> str:
    url = os.environ.get(POSTGRES_VARIABLE, "").strip()
    if not url:
        pytest.skip(f"{POSTGRES_VARIABLE} is not set: no PostgreSQL server to test against")
    return url


def fresh_postgres_schema(url: str) -> None:
    """Empty the test database (drop and re-create the public schema). Fails if unreachable."""
    import sqlalchemy as sa

    engine = sa.create_engine(url, connect_args={"connect_timeout": 5})
    try:
        with engine.begin() as connection:
            connection.exec_driver_sql("DROP SCHEMA IF EXISTS public CASCADE")
            connection.exec_driver_sql("CREATE SCHEMA public")
    except sa.exc.OperationalError as error:
        pytest.fail(f"{POSTGRES_VARIABLE}={url} is set but PostgreSQL is unreachable: {error}")
    finally:
        engine.dispose()


@pytest.fixture
def mount() -> Iterator[Callable[..., None]]:
    """mount(*args, target=...): run `mount` (root; a read-only bind mount refuses root's writes,
    which folder permissions do not), skip the test (with mount's own words) if not permitted;
    everything mounted is unmounted afterwards, newest first."""
    mounted: list[Path] = []

    def do(*args: str, target: Path, remount: bool = False) -> None:
        result = subprocess.run(["mount", *args], capture_output=True, text=True, check=False)
        if result.returncode != 0:
            if not mounted and not remount:
                pytest.skip(f"mount {' '.join(args)} is not permitted here: {result.stderr.strip()}")
            raise AssertionError(f"mount {' '.join(args)} failed: {result.stderr.strip()}")
        if not remount:
            mounted.append(target)

    yield do
    for target in reversed(mounted):
        subprocess.run(["umount", "-l", str(target)], capture_output=True, check=False)


@pytest.fixture
def sqlite_db_url(tmp_path: Path) -> str:
    return sqlite_url(tmp_path / "desk.sqlite")


@pytest.fixture
def pg_db_url() -> str:
    url = postgres_url()
    fresh_postgres_schema(url)
    return url


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh, empty database address: the data-layer tests run once per engine."""
    if request.param == "sqlite":
        return sqlite_url(tmp_path / "desk.sqlite")
    url = postgres_url()
    fresh_postgres_schema(url)
    return url


# -- a prepared database per test, copied from one prepared once -------------------------------
# Migrating and seeding a new database costs ~0.2 s (SQLite) to ~0.5 s (PostgreSQL); the suite
# builds about a thousand. So the `services` fixtures start each test from a copy of a database
# prepared once per run (SQLite: the file; PostgreSQL: pg_dump's script of the public schema,
# replayed into the test's fresh schema), and then open it with prepare_database as before (at
# head and seeded, it changes nothing). Tests of migrating, seeding and first starts build their
# own databases from the empty `db_url` / `sqlite_db_url` / `pg_db_url`, which stay empty.


@pytest.fixture(scope="session")
def _prepared_sqlite(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("prepared")
    path = folder / "desk.sqlite"
    prepare_database(sqlite_url(path), backup_dir=folder / "backups").dispose()
    # the last connection closed checkpointed everything into the file itself
    assert not path.with_name(path.name + "-wal").exists(), "the prepared database kept a -wal file"
    return path


_PG_SCRIPT: dict[str, str | None] = {}


def _prepared_postgres_script(url: str) -> str | None:
    """The script that re-creates a prepared public schema, made once per run by pg_dump from a
    database prepare_database built; None (each test migrates) when pg_dump is not there."""
    if url in _PG_SCRIPT:
        return _PG_SCRIPT[url]
    import shutil

    import sqlalchemy as sa

    script = None
    pg_dump = shutil.which("pg_dump")
    if pg_dump is not None:
        prepare_database(url).dispose()
        address = sa.engine.make_url(url).set(drivername="postgresql")
        done = subprocess.run([pg_dump, "--schema=public", "--inserts", "--no-owner", "--no-privileges",
                               address.render_as_string(hide_password=False)],
                              capture_output=True, text=True, check=False)
        if done.returncode == 0:
            # psql's own commands (\restrict ...) are no SQL; the schema exists already
            script = "\n".join(line for line in done.stdout.splitlines()
                                if not line.startswith("\\") and line != "CREATE SCHEMA public;")
        fresh_postgres_schema(url)
    _PG_SCRIPT[url] = script
    return script


def _start_prepared(url: str, sqlite_template: Callable[[], Path]) -> None:
    """Put the prepared database at `url` (a fresh, empty one: see db_url)."""
    import shutil

    if url.startswith("sqlite"):
        import sqlalchemy as sa

        target = Path(sa.engine.make_url(url).database or "")
        if not target.exists():
            shutil.copyfile(sqlite_template(), target)
        return
    script = _prepared_postgres_script(url)
    if script is not None:
        import sqlalchemy as sa

        engine = sa.create_engine(url)
        try:
            raw = engine.raw_connection()
            try:  # without parameters psycopg sends the whole script as one simple query
                raw.cursor().execute(script)
                raw.commit()
            finally:
                raw.close()
        finally:
            engine.dispose()


@pytest.fixture
def services(db_url: str, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[DeskServices]:
    _start_prepared(db_url, lambda: request.getfixturevalue("_prepared_sqlite"))
    db = prepare_database(db_url, backup_dir=tmp_path / "backups")
    built = build_services(db)
    yield built
    built.close()


@pytest.fixture
def sqlite_services(sqlite_db_url: str, tmp_path: Path, _prepared_sqlite: Path) -> Iterator[DeskServices]:
    _start_prepared(sqlite_db_url, lambda: _prepared_sqlite)
    db = prepare_database(sqlite_db_url, backup_dir=tmp_path / "backups")
    built = build_services(db)
    yield built
    built.close()


# The moment a UI test without a FIXED_NOW stands at (tests/ui/conftest.py ui_clock): a Wednesday
# in term, 10:30 in Balingen - no public holiday, no DST change, far from midnight.
DEFAULT_NOW = datetime(2026, 11, 25, 9, 30, tzinfo=UTC)


@pytest.fixture(scope="session")
def default_now(request: pytest.FixtureRequest) -> datetime:
    """DEFAULT_NOW, or in a run shifted by `--today` the moment that run started at (so the
    shifted runs still move the tests that have no FIXED_NOW of their own)."""
    return request.config.stash.get(_SHIFTED_START, None) or DEFAULT_NOW


@pytest.fixture
def clock(request: pytest.FixtureRequest) -> FixedClock:
    """The services' clock standing still at the test module's FIXED_NOW (aware), given to every
    services fixture the test uses: what the services decide never depends on the day the test
    runs (`clock.set(...)` / `clock.advance(...)` move it)."""
    moment = getattr(request.module, "FIXED_NOW", None)
    if moment is None:
        pytest.fail(f"{request.module.__name__} uses the clock fixture without a FIXED_NOW")
    fixed = FixedClock(moment)
    for name in ("services", "sqlite_services"):
        if name in request.fixturenames:
            request.getfixturevalue(name).clock = fixed
    return fixed


@pytest.fixture
def head() -> Actor:
    return Actor(staff_id=None, name="Leitung (test)", role=Role.HEAD, workstation="test")


@pytest.fixture
def reception() -> Actor:
    return Actor(staff_id=None, name="Empfang (test)", role=Role.RECEPTION, workstation="test")


@pytest.fixture
def counsellor() -> Actor:
    return Actor(staff_id=None, name="Beratung (test)", role=Role.COUNSELLOR, workstation="test")


@pytest.fixture
def cli_login(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """desk-admin logs in as `cli-leitung` (a password file readable by its owner only, as a
    scheduled job would): call it with the services or the database address to create the
    account there and set DESK_ADMIN_USER / DESK_ADMIN_PASSWORD_FILE."""
    folder = tmp_path_factory.mktemp("admin-login")
    password_file = folder / "password"
    password_file.write_text(CLI_HEAD_PASSWORD + "\n", encoding="utf-8")
    password_file.chmod(0o600)

    def login(target: DeskServices | str) -> Path:
        ensure_cli_head(target)
        monkeypatch.setenv("DESK_ADMIN_USER", CLI_HEAD_USER)
        monkeypatch.setenv("DESK_ADMIN_PASSWORD_FILE", str(password_file))
        return password_file

    return login


@pytest.fixture
def pg_server_url() -> str:
    """DESK_TEST_POSTGRES_URL (skips when unset; tests fail when it is set but unreachable)."""
    return postgres_url()


@pytest.fixture()
def log_folder(tmp_path: Path, monkeypatch):
    """desk's and desk-admin's log in a folder of the test's own, set up afresh (logs.setup_logging
    keeps its handlers in a module state that an earlier test's start may have filled)."""
    import logging

    from desk.services import logs

    folder = tmp_path / "logs"
    monkeypatch.setenv(logs.LOG_DIR_VARIABLE, str(folder))
    for handler in logs._state.get("handlers", ()):  # an earlier test's desk-admin set-up
        logging.getLogger().removeHandler(handler)
    monkeypatch.setattr(logs, "_state", {})
    yield folder
    root = logging.getLogger()
    for handler in logs._state.get("handlers", ()):
        root.removeHandler(handler)
        handler.close()
