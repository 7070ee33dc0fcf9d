"""PostgreSQL backups: only into the machine configuration's folder, files 0600, rotated like the
SQLite ones — and the restore drill of docs/INSTALL.md, run against the real server."""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from privacy_helpers import add_client, client_field
from sqlalchemy.engine import make_url

from desk.cli import main as admin
from desk.domain.errors import ValidationError
from desk.services.backup import KEEP_DAILY, KEEP_WEEKLY
from desk.services.desk import build_services
from desk.storage.engine import open_database

pytestmark = pytest.mark.postgres
NOW = datetime(2027, 3, 10, 9, 30, tzinfo=UTC)


@pytest.fixture()
def pg(tmp_path: Path, monkeypatch):
    postgres_db_url = os.environ.get("DESK_TEST_POSTGRES_URL", "").strip()
    if not postgres_db_url:
        pytest.skip("DESK_TEST_POSTGRES_URL is not set: no PostgreSQL server to test against")
    from sqlalchemy import text

    engine = open_database(postgres_db_url).engine  # a fresh schema, as tests/conftest.py makes it
    with engine.begin() as connection:
        connection.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    engine.dispose()
    if shutil.which("pg_dump") is None or shutil.which("pg_restore") is None:
        pytest.fail("pg_dump/pg_restore are not on PATH: install the PostgreSQL client tools")
    folder = tmp_path / "pg-backups"
    machine = tmp_path / "desk.toml"
    machine.write_text(f"[backup]\nfolder = '{folder}'\n", encoding="utf-8")
    monkeypatch.setenv("DESK_MACHINE_CONFIG", str(machine))
    return postgres_db_url, folder, machine


def test_backups_go_only_to_the_configured_folder_owner_only_and_rotate(pg, cli_login, tmp_path, monkeypatch) -> None:
    url, folder, machine = pg
    from desk.services.bootstrap import prepare_database

    services = build_services(prepare_database(url))
    cli_login(services)
    try:
        assert admin(["backup", "--database-url", url]) == 0
        made = list(folder.iterdir())
        assert len(made) == 1 and made[0].read_bytes()[:5] == b"PGDMP"
        assert stat.S_IMODE(made[0].stat().st_mode) == 0o600
        assert admin(["backup", "--to", str(tmp_path / "elsewhere"), "--database-url", url]) == 1
        assert not (tmp_path / "elsewhere").exists()
        # the daily routine: the same rotation rule as SQLite (7 daily, 4 weekly)
        from desk.services.backup import BackupService
        from desk.services.context import Actor

        for day in range(KEEP_DAILY + 2):  # the rule itself is the SQLite one (test_backup.py)
            moment = NOW + timedelta(days=day)
            BackupService(services.uow, services.db, backup_dir=folder, clock=lambda m=moment: m) \
                .run_daily_backup(Actor.system("test"))
        daily = sorted(p.name for p in folder.glob("desk-daily-*.dump"))
        weekly = sorted(p.name for p in folder.glob("desk-weekly-*.dump"))
        assert len(daily) == KEEP_DAILY and len(weekly) <= KEEP_WEEKLY and weekly
        assert all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in folder.iterdir())
        # without a folder in the machine configuration: refused, nothing written to the profile
        machine.write_text("", encoding="utf-8")
        with pytest.raises(ValidationError, match="machine configuration"):
            build_services(services.db).backup.backup_now(Actor.system("test"))
    finally:
        services.close()


def test_restore_drill(pg, cli_login, tmp_path, monkeypatch, capsys) -> None:
    """docs/INSTALL.md "Restore drill": dump, restore into a scratch database, check it with desk
    — which erases again whoever was erased after the dump, at any PC: the ledger of erasures
    lives with the dumps, in the machine configuration's backup folder (issue 15)."""
    url, folder, _ = pg
    from desk.services.bootstrap import prepare_database
    from desk.services.context import Actor

    services = build_services(prepare_database(url))
    cli_login(services)
    client_id = add_client(services, "Drill", "Wiederhergestellt", last_contact=NOW, created=NOW)
    erased_id = add_client(services, "Drill", "Geloescht", last_contact=NOW, created=NOW)
    services.close()
    assert admin(["backup", "--database-url", url]) == 0
    dump = next(folder.glob("desk-manual-*.dump"))
    # after the dump, a reception PC (its own data folder, the same machine configuration) erases
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "reception-pc"))
    at_the_desk = build_services(prepare_database(url))
    try:
        at_the_desk.privacy.erase_client(Actor.system("test"), erased_id)
    finally:
        at_the_desk.close()
    ledger = folder / "desk-erasures.txt"
    assert ledger.read_text(encoding="ascii").split()[0] == str(erased_id)
    assert not (tmp_path / "reception-pc").exists() or not list((tmp_path / "reception-pc").rglob("desk-erasures*"))
    # the drill runs on the server (another data folder again)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "server"))
    capsys.readouterr()

    parsed = make_url(url)
    drill_name = f"{parsed.database}_drill"
    server = parsed.set(drivername="postgresql", database="postgres").render_as_string(hide_password=False)
    drill = parsed.set(database=drill_name)
    env = {**os.environ}
    subprocess.run(["psql", server, "-c", f'DROP DATABASE IF EXISTS "{drill_name}"', "-c",
                    f'CREATE DATABASE "{drill_name}"'], check=True, capture_output=True, env=env)
    try:
        libpq = drill.set(drivername="postgresql").render_as_string(hide_password=False)
        subprocess.run(["pg_restore", "--no-owner", "--exit-on-error", f"--dbname={libpq}", str(dump)],
                       check=True, capture_output=True, env=env)
        drill_url = drill.render_as_string(hide_password=False)
        assert admin(["check", "--database-url", drill_url]) == 0
        assert f"erased again (erasures made after that backup, from the ledger): K-{erased_id:06d}" \
            in capsys.readouterr().out
        restored = build_services(open_database(drill_url))
        try:
            assert client_field(restored, client_id, "family_name") == "Wiederhergestellt"
            with restored.uow() as uow:
                assert uow.privacy.present([erased_id]) == []
                reapplied = uow.audit.query(action="erasure.reapply")
            assert [json.loads(r.details)["client_ids"] for r in reapplied] == [[erased_id]]
        finally:
            restored.close()
    finally:
        subprocess.run(["psql", server, "-c", f'DROP DATABASE IF EXISTS "{drill_name}" WITH (FORCE)'],
                       check=False, capture_output=True, env=env)


def _restore_block() -> list[list[str]]:
    """The commands of docs/INSTALL.md "Restore for real" (the block after <!-- pg-restore -->)."""
    import shlex

    text = (Path(__file__).resolve().parents[2] / "docs" / "INSTALL.md").read_text(encoding="utf-8")
    block = text.split("<!-- pg-restore -->", 1)[1].split("```sh\n", 1)[1].split("```", 1)[0]
    return [shlex.split(line) for line in block.splitlines() if line.strip()]


def test_restore_for_real_as_documented(pg_server_url, cli_login, tmp_path, monkeypatch, capsys) -> None:
    """docs/INSTALL.md "Restore for real", line by line, on a database set up by setup-server
    (its own roles): the documented 'createdb -O desk desk && pg_restore --role=desk' named a
    role that does not exist, and even with the owner's name pg_restore stopped at 'permission
    denied for schema public', and the PCs' role could not connect. Here: the restored database
    is the application role's again, with the client and without the one erased after the dump."""
    import uuid

    import sqlalchemy as sa

    from desk.services.bootstrap import prepare_database
    from desk.services.context import Actor

    if shutil.which("pg_dump") is None or shutil.which("pg_restore") is None or shutil.which("createdb") is None:
        pytest.fail("the PostgreSQL client tools are not on PATH")
    base = make_url(pg_server_url)
    prefix = f"t{uuid.uuid4().hex[:10]}"
    name = f"{prefix}_desk"
    superuser = base.set(database=name).render_as_string(hide_password=False)
    app = base.set(database=name, username=f"{prefix}_app", password=None).render_as_string(hide_password=False)
    folder = tmp_path / "pg-backups"
    machine = tmp_path / "desk.toml"
    machine.write_text(f"[backup]\nfolder = '{folder}'\n", encoding="utf-8")
    monkeypatch.setenv("DESK_MACHINE_CONFIG", str(machine))
    env = {**os.environ}
    if base.password:
        env["PGPASSWORD"] = base.password
    admin_engine = sa.create_engine(base.set(database="postgres"), isolation_level="AUTOCOMMIT")
    try:
        assert admin(["setup-server", "--database-url", superuser, "--prefix", prefix]) == 0
        services = build_services(prepare_database(superuser))
        cli_login(services)
        kept = add_client(services, "Echt", "Wiederhergestellt", last_contact=NOW, created=NOW)
        erased = add_client(services, "Echt", "Geloescht", last_contact=NOW, created=NOW)
        services.close()
        assert admin(["backup", "--database-url", superuser]) == 0
        dump = next(folder.glob("desk-manual-*.dump"))
        after = build_services(prepare_database(superuser))
        try:
            after.privacy.erase_client(Actor.system("test"), erased)
        finally:
            after.close()
        capsys.readouterr()

        def rewrite(word: str) -> str:
            word = word.replace("desk_owner", f"{prefix}_owner")
            if word == "desk":
                return name
            if word == "localhost":
                return base.host or "localhost"
            if word == "FILE":
                return str(dump)
            if word == "postgresql+psycopg://postgres@localhost:5432/desk":
                return superuser
            return word

        for line in _restore_block():
            words = [rewrite(w) for w in line]
            if words[0] == "desk-admin":
                extra = ["--prefix", prefix] if words[1] == "setup-server" else []
                assert admin(words[1:] + extra) == 0, words
                continue
            if "-U" in words:
                words[words.index("-U") + 1] = base.username or "postgres"
            if "-h" in words:
                words[words.index("-h") + 2:words.index("-h") + 2] = ["-p", str(base.port or 5432)]
            result = subprocess.run(words, capture_output=True, text=True, env=env)
            assert result.returncode == 0, (words, result.stderr)
        assert f"erased again (erasures made after that backup, from the ledger): K-{erased:06d}" \
            in capsys.readouterr().out
        with admin_engine.connect() as connection:  # setup-server again: not every role may connect
            acl = connection.execute(sa.text("SELECT datacl::text FROM pg_database WHERE datname = :d"),
                                     {"d": name}).scalar()
        assert acl and not any(entry.startswith("=") for entry in acl.strip("{}").split(",")), acl
        at_a_pc = build_services(open_database(app))  # the reception PCs' role reads and writes again
        try:
            assert client_field(at_a_pc, kept, "family_name") == "Wiederhergestellt"
            with at_a_pc.uow() as uow:
                assert uow.privacy.present([erased]) == []
        finally:
            at_a_pc.close()
    finally:
        with admin_engine.connect() as connection:
            connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            for role in ("app", "display", "kiosk", "owner"):
                connection.exec_driver_sql(f'DROP ROLE IF EXISTS "{prefix}_{role}"')
        admin_engine.dispose()
