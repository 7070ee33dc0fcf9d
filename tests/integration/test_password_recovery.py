"""A forgotten password (issue 14): the head resets a staff member's password (Verwaltung,
`desk-admin reset-password` with a head's login); the only head of department who forgot theirs
recovers it with `desk-admin recover-head`, which needs the database at the operating-system or
server level (the OS user owning the SQLite file; PostgreSQL superuser or database owner) and
no other active head, and is audited."""

from __future__ import annotations

import getpass
import io
import uuid

import pytest
import sqlalchemy as sa
from argon2 import PasswordHasher
from cli_head import create_with_own_password

from desk.cli import main as admin
from desk.domain.errors import ConflictError, NotFoundError, PermissionDeniedError
from desk.domain.model import Role
from desk.services.accounts import LoginError, NewAccount
from desk.services.auditlog import AuditFilter
from desk.services.context import Actor

ANON = Actor.login_screen()


@pytest.fixture(autouse=True)
def fast_hashing(monkeypatch):
    monkeypatch.setattr("desk.services.passwords._HASHER",
                        PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))


@pytest.fixture
def only_head(services):
    return services.accounts.create_first_head(ANON, NewAccount("chefin", "Frau Chefin", Role.HEAD, "geheim-123"))


def test_the_only_head_recovers_a_forgotten_password_with_os_level_access(services, only_head) -> None:
    for _ in range(4):  # she tried, and now has to wait
        with pytest.raises(LoginError):
            services.accounts.login(ANON, "chefin", "vergessen-1")
    services.accounts.recover_head(Actor(staff_id=None, name="desk-admin recover-head, OS user it",
                                         role=Role.DISPLAY, workstation="server"), "chefin", "wieder-da-2026")
    recovered = services.accounts.login(ANON, "chefin", "wieder-da-2026")
    assert recovered.role is Role.HEAD  # and no wait
    assert recovered.password_one_time  # the IT volunteer typed it: she chooses her own now
    (entry,) = services.audit_log.query(only_head, AuditFilter(action="account.password_recover"))
    assert entry.entity_id == only_head.staff_id and "OS user it" in entry.actor_name
    assert entry.workstation == "server"


def test_recovery_is_refused_while_another_head_can_reset_it(services, only_head) -> None:
    create_with_own_password(services, only_head, NewAccount("vize", "Herr Vize", Role.HEAD, "zweiter-123"))
    services.accounts.create_account(only_head, NewAccount("empf", "E. Mpfang", Role.RECEPTION, "empfang-123"))
    with pytest.raises(ConflictError, match="Herr Vize"):
        services.accounts.recover_head(ANON, "chefin", "wieder-da-2026")
    with pytest.raises(NotFoundError):  # only head-of-department accounts are recovered this way
        services.accounts.recover_head(ANON, "empf", "wieder-da-2026")
    services.accounts.login(ANON, "chefin", "geheim-123")  # unchanged
    assert not services.audit_log.query(only_head, AuditFilter(action="account.password_recover"))
    # the ordinary way: the other head resets it (Verwaltung, desk-admin reset-password)
    vize = services.accounts.login(ANON, "vize", "zweiter-123")
    services.accounts.reset_password(vize, only_head.staff_id, "von-vize-2026")
    assert services.accounts.login(ANON, "chefin", "von-vize-2026").password_one_time
    assert services.audit_log.query(only_head, AuditFilter(action="account.password_reset"))


def test_sqlite_recovery_needs_the_os_user_owning_the_file(sqlite_services, monkeypatch) -> None:
    services = sqlite_services
    head = services.accounts.create_first_head(ANON, NewAccount("chefin", "Frau Chefin", Role.HEAD, "geheim-123"))
    owner = services.db.sqlite_path.stat().st_uid
    monkeypatch.setattr("desk.storage.repositories.accounts.os.geteuid", lambda: owner + 1)
    with pytest.raises(PermissionDeniedError, match="operating-system account"):
        services.accounts.recover_head(ANON, "chefin", "wieder-da-2026")
    services.accounts.login(ANON, "chefin", "geheim-123")
    assert not services.audit_log.query(head, AuditFilter(action="account.password_recover"))


@pytest.mark.postgres
def test_postgres_recovery_needs_the_superuser_or_the_owner(pg_db_url) -> None:
    """The application and display roles are neither superuser nor owner: a role like them is refused."""
    from desk.services.bootstrap import prepare_database
    from desk.services.desk import build_services

    services = build_services(prepare_database(pg_db_url))
    role = f"t{uuid.uuid4().hex[:10]}_plain"
    try:
        with services.uow(write=True) as uow:
            assert uow.accounts.administers_database()  # the test's superuser connection
            uow.session.execute(sa.text(f'CREATE ROLE "{role}" NOLOGIN'))
            uow.session.execute(sa.text(f'SET LOCAL ROLE "{role}"'))
            assert not uow.accounts.administers_database()
    finally:
        with services.uow(write=True) as uow:
            uow.session.execute(sa.text(f'DROP ROLE IF EXISTS "{role}"'))
            uow.commit()
        services.close()


def test_desk_admin_recover_head(sqlite_services, monkeypatch, capsys) -> None:
    services = sqlite_services
    head = services.accounts.create_first_head(ANON, NewAccount("chefin", "Frau Chefin", Role.HEAD, "geheim-123"))
    url = f"sqlite:///{services.db.sqlite_path}"
    monkeypatch.setattr("sys.stdin", io.StringIO("wieder-da-2026\n"))
    assert admin(["recover-head", "chefin", "--password-stdin", "--database-url", url]) == 0
    assert "password of chefin changed" in capsys.readouterr().out
    services.accounts.login(ANON, "chefin", "wieder-da-2026")
    (entry,) = services.audit_log.query(head, AuditFilter(action="account.password_recover"))
    assert f"OS user {getpass.getuser()}" in entry.actor_name and "recover-head" in entry.actor_name
    # with a second head it is refused and says who can help
    services.accounts.create_account(head, NewAccount("vize", "Herr Vize", Role.HEAD, "zweiter-123"))
    monkeypatch.setattr("sys.stdin", io.StringIO("noch-einmal-2026\n"))
    assert admin(["recover-head", "chefin", "--password-stdin", "--database-url", url]) == 1
    assert "Herr Vize" in capsys.readouterr().err
