"""Smaller holes of issue 14, each closed: a demoted head of department is refused at restore,
audit-log reading and settings; the login delay is reserved before the hash is checked (parallel
wrong passwords); settings have bounds."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from cli_head import create_with_own_password

from desk.domain.errors import PermissionDeniedError, ValidationError
from desk.domain.model import Role
from desk.domain.settings import BusinessSettings
from desk.services import accounts as accounts_module
from desk.services.accounts import LoginError, NewAccount
from desk.services.auditlog import AuditFilter
from desk.services.context import Actor

ANON = Actor.login_screen()


@pytest.fixture(autouse=True)
def fast_hashing(monkeypatch):
    monkeypatch.setattr("desk.services.passwords._HASHER", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))


@pytest.fixture
def demoted(services):
    """A head of department whose window still carries the head role, demoted by a colleague."""
    first = services.accounts.create_first_head(ANON, NewAccount("chefin", "Frau Chefin", Role.HEAD, "geheim-123"))
    create_with_own_password(services, first, NewAccount("zweite", "Zweite", Role.HEAD, "geheim-456"))
    second = services.accounts.login(ANON, "zweite", "geheim-456")
    me = next(a for a in services.accounts.accounts(second) if a.id == first.staff_id)
    services.accounts.change_account(second, me.id, me.version, role=Role.RECEPTION)
    return first  # still Role.HEAD in this Actor


def test_a_demoted_head_can_neither_read_the_audit_log_nor_change_settings(services, demoted) -> None:
    with pytest.raises(PermissionDeniedError):
        services.audit_log.query(demoted, AuditFilter())
    with pytest.raises(PermissionDeniedError):
        services.reference.change_setting(demoted, "idle_lock_minutes", 5)
    assert services.reference.settings(demoted).idle_lock_minutes == BusinessSettings.defaults().idle_lock_minutes


def test_a_demoted_head_cannot_restore(sqlite_services, tmp_path: Path) -> None:
    services = sqlite_services
    first = services.accounts.create_first_head(ANON, NewAccount("chefin", "Frau Chefin", Role.HEAD, "geheim-123"))
    backup = services.backup.backup_now(first, tmp_path / "bk")
    create_with_own_password(services, first, NewAccount("zweite", "Zweite", Role.HEAD, "geheim-456"))
    second = services.accounts.login(ANON, "zweite", "geheim-456")
    me = next(a for a in services.accounts.accounts(second) if a.id == first.staff_id)
    services.accounts.change_account(second, me.id, me.version, role=Role.COUNSELLOR)
    with pytest.raises(PermissionDeniedError):
        services.backup.restore(first, backup)
    assert not [b for b in services.backup.backups(second) if b.kind == "replaced"]


def test_parallel_wrong_passwords_are_not_all_checked(services, monkeypatch) -> None:
    """8 wrong passwords at once: the delay is reserved in the database before the hash is
    checked, so only the free attempts reach argon2 (before the fix all 8 did)."""
    services.accounts.create_first_head(ANON, NewAccount("chefin", "Frau Chefin", Role.HEAD, "geheim-123"))
    checked = []
    real_verify = accounts_module.verify_password
    barrier = threading.Barrier(8)

    def counting_verify(stored, password):
        checked.append(password)
        return real_verify(stored, password)

    monkeypatch.setattr(accounts_module, "verify_password", counting_verify)
    outcomes: list[str] = []

    def attempt(n: int) -> None:
        barrier.wait()
        try:
            services.accounts.login(ANON, "chefin", f"falsch-{n}")
            outcomes.append("in")
        except LoginError as error:
            outcomes.append("wait" if error.wait_seconds else "wrong")

    threads = [threading.Thread(target=attempt, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert len(outcomes) == 8 and "in" not in outcomes
    assert len(checked) <= 3, f"{len(checked)} of 8 parallel wrong passwords were checked"
    # the right password right now must wait too, and then works
    with pytest.raises(LoginError) as refused:
        services.accounts.login(ANON, "chefin", "geheim-123")
    assert refused.value.wait_seconds > 0


@pytest.mark.parametrize(("key", "value"), [
    ("idle_lock_minutes", 100_000), ("idle_lock_minutes", 0), ("report_min_count", 0), ("report_min_count", 1),
    ("wait_warning_minutes", -5), ("wait_alarm_minutes", "45"), ("closing_time", "25:00"),
    ("retention_months", {"visits": 0}), ("retention_months", {"audit_log": 2}), ("retention_months", {"x": 3}),
    ("centre_name", "x" * 500), ("partner_organisations", ["a"] * 51), ("idle_lock_minutes", True),
    ("report_room_hours", {"weekdays": [7], "start": "08:00", "end": "20:00"}),
    ("report_room_hours", {"weekdays": [0], "start": "20:00", "end": "08:00"}),
])
def test_settings_outside_their_bounds_are_refused(services, head, key, value) -> None:
    with pytest.raises(ValidationError):
        services.reference.change_setting(head, key, value)
    assert services.reference.settings(head) == BusinessSettings.defaults()


# -- text that hides or reorders what is shown ---------------------------------------------------

SNEAKY = ["\u202e", "\u202a", "\u202b", "\u202c", "\u202d", "\u2066", "\u2067", "\u2068", "\u2069",
          "\u2028", "\u2029", "\x85", "\x9b", "\x1b", "\x07", "\x7f"]


@pytest.mark.parametrize("char", SNEAKY, ids=[f"U+{ord(c):04X}" for c in SNEAKY])
def test_one_line_fields_refuse_controls_separators_and_bidi_overrides(services, reception, char) -> None:
    from desk.services.clients import ClientInput

    with pytest.raises(ValidationError, match="control characters"):
        services.clients.create(reception, ClientInput(given_name=f"Amal{char}x", family_name="Haddad"))
    # what Persian and Arabic names need stays allowed: ZWNJ, ZWJ and the direction marks
    row = services.clients.create(reception, ClientInput(given_name="\u0645\u06cc\u200c\u0631\u0627\u200f",
                                                         family_name="Haddad"))
    assert "\u200c" in row.given_name


def test_invisible_wrappers_around_a_pasted_name_or_number_are_dropped_not_refused(services, reception) -> None:
    """WhatsApp (and Windows) put bidi embeddings or isolates around a copied phone number or name, some
    programs a byte-order mark in front: the card refused them ('... contains invisible control
    characters. Please retype it.') - and an Arabic name cannot be retyped on a German keyboard.
    Around the whole text they reorder nothing and are dropped; inside it they stay refused (above)."""
    from desk.services.clients import ClientInput

    row = services.clients.create(reception, ClientInput(given_name="\u2068مریم\u2069", family_name="\ufeffHaidari",
                                                         phone="\u202a+49 176 1234567\u202c"))
    card = services.clients.card(reception, row.id)
    assert (card.given_name, card.family_name) == ("مریم", "Haidari")
    [hit] = services.clients.search(reception, "+49 176 1234567")
    assert hit.id == row.id


def test_desk_admin_never_prints_them_raw(sqlite_services, capsys, cli_login) -> None:
    """A name stored before these characters were refused (or written by another program)."""
    from desk.cli import main as admin
    from desk.services.clients import ClientInput

    row = sqlite_services.clients.create(Actor.system("test"), ClientInput(given_name="Amal", family_name="Haddad"))
    with sqlite_services.uow(write=True) as uow:
        uow.clients.update(row.id, row.version, given_name="Amal\u202e\x1b[2Jx\u2028y")
        uow.commit()
    cli_login(sqlite_services)
    url = f"sqlite:///{sqlite_services.db.sqlite_path}"
    for argv in (["find-client", f"K{row.id:05d}"], ["find-client", "--json", f"K{row.id:05d}"]):
        capsys.readouterr()
        assert admin([*argv, "--database-url", url]) == 0
        out = capsys.readouterr().out
        assert not any(c in out for c in ("\u202e", "\x1b", "\u2028")), repr(out)
        assert "\\u202e" in out
    import json

    assert admin(["find-client", "--json", f"K{row.id:05d}", "--database-url", url]) == 0
    assert json.loads(capsys.readouterr().out)[0]["given_name"] == "Amal\u202e\x1b[2Jx\u2028y"  # still exact


# -- database addresses ----------------------------------------------------------------------------

@pytest.mark.parametrize("url", [
    "postgresql+psycopg://desk:Geheim-Passwort@server:abc/desk",
    "postgresql+psycopg://desk:Geheim-Passwort@server:99999/desk",
    "postgres ql://desk:Geheim-Passwort@server/desk",
    "postgresql+psycopg://desk:Geheim@Passwort@server:x/desk",
])
def test_a_malformed_address_is_never_echoed_with_its_password(url, capsys) -> None:
    from desk.cli import main as admin

    assert admin(["info", "--database-url", url]) == 1
    err = capsys.readouterr().err
    assert "desk-admin:" in err and "Traceback" not in err
    assert "Geheim" not in err and "Passwort" not in err and "***" in err


def test_pg_dump_gets_the_password_from_the_environment_not_its_command_line(monkeypatch, tmp_path: Path) -> None:
    import subprocess

    from desk.storage import maintenance

    seen = {}

    def fake_run(argv, **kwargs):
        seen["argv"], seen["env"] = argv, kwargs.get("env") or {}
        Path(next(a for a in argv if a.startswith("--file=")).removeprefix("--file=")).write_bytes(b"PGDMP")
        return subprocess.CompletedProcess(argv, 0, "", "")

    monkeypatch.setattr(maintenance.shutil, "which", lambda name: "/usr/bin/pg_dump")
    monkeypatch.setattr(maintenance.subprocess, "run", fake_run)
    maintenance.pg_dump("postgresql+psycopg://desk:Geheim-Passwort@server:5432/desk", tmp_path / "x.dump")
    assert not any("Geheim" in part for part in seen["argv"])
    assert "--dbname=postgresql://desk@server:5432/desk" in seen["argv"]
    assert seen["env"]["PGPASSWORD"] == "Geheim-Passwort"
    assert (tmp_path / "x.dump").stat().st_mode & 0o777 == 0o600


# -- file modes ------------------------------------------------------------------------------------

def test_folders_0700_and_files_0600(tmp_path: Path, capsys, cli_login, monkeypatch) -> None:
    """The data folder, the backup folder, the database, backups, exports and reports: owner only
    (with the umask of a typical desktop, 022, around desk-admin)."""
    import os

    from desk.cli import main as admin
    from desk.services.bootstrap import prepare_database
    from desk.services.clients import ClientInput
    from desk.services.desk import build_services

    os.umask(0o022)
    data = tmp_path / "daten"
    url = f"sqlite:///{data / 'desk.sqlite'}"
    services = build_services(prepare_database(url))
    client = services.clients.create(Actor.system("test"), ClientInput(given_name="Amal", family_name="Haddad"))
    services.close()
    cli_login(url)
    out = tmp_path / "out"
    out.mkdir()
    assert admin(["backup", "--database-url", url]) == 0
    assert admin(["export-client", str(client.id), "--to", str(out), "--database-url", url]) == 0
    assert admin(["report", "--from", "2026-01-01", "--to", "2026-01-31", "--format", "xlsx", "--output",
                  str(out / "r.xlsx"), "--database-url", url]) == 0
    assert admin(["report", "--from", "2026-01-01", "--to", "2026-01-31", "--format", "csv", "--output",
                  str(out / "r.zip"), "--database-url", url]) == 0
    assert os.umask(0o022) == 0o022  # desk-admin gave the caller's umask back

    def mode(path: Path) -> int:
        return path.stat().st_mode & 0o777

    assert mode(data) == 0o700 and mode(data / "backups") == 0o700
    files = [data / "desk.sqlite", *(data / "backups").iterdir(), *out.iterdir()]
    assert len(files) >= 6
    assert {str(f.name): mode(f) for f in files} == {str(f.name): 0o600 for f in files}
    # a database file an older version left world-readable is tightened when opened
    (data / "desk.sqlite").chmod(0o644)
    build_services(prepare_database(url)).close()
    assert mode(data / "desk.sqlite") == 0o600
