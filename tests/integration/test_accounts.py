"""Accounts and login on both engines: first start, login, growing delay, deactivation,
rehash, role change while logged in, last head of department, the gate writes nothing."""

from __future__ import annotations

import dataclasses
import json
from datetime import UTC, datetime, timedelta

import pytest
from argon2 import PasswordHasher
from cli_head import create_with_own_password
from privacy_helpers import row_counts

from desk.domain.errors import ConflictError, PermissionDeniedError, ValidationError
from desk.domain.model import Role
from desk.domain.permissions import ROLE_PERMISSIONS
from desk.services.accounts import LoginError, NewAccount
from desk.services.context import Actor
from desk.services.gate import PERMISSION_ATTRIBUTE
from desk.services.passwords import verify_password
from desk.storage.models import Staff

ANON = Actor.login_screen()


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture(autouse=True)
def fast_hashing(monkeypatch):
    """Cheap argon2id parameters for these tests (the real ones: tests/unit/test_passwords.py)."""
    monkeypatch.setattr("desk.services.passwords._HASHER",
                        PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))


@pytest.fixture
def first_head(services):
    return services.accounts.create_first_head(ANON, NewAccount("chefin", "Frau Chefin", Role.HEAD, "geheim-123"))


def test_first_start_creates_one_head_and_only_once(services) -> None:
    assert services.accounts.needs_first_account(ANON)
    head = services.accounts.create_first_head(ANON, NewAccount("Chefin", "Frau Chefin", Role.HEAD, "geheim-123"))
    assert head.role is Role.HEAD and head.staff_id is not None
    assert not services.accounts.needs_first_account(ANON)
    with pytest.raises(ConflictError):
        services.accounts.create_first_head(ANON, NewAccount("zweite", "Zweite", Role.HEAD, "geheim-123"))
    assert services.accounts.login(ANON, "chefin", "geheim-123").staff_id == head.staff_id


def test_password_rules_and_username_rules(services) -> None:
    with pytest.raises(ValidationError):
        services.accounts.create_first_head(ANON, NewAccount("chefin", "Frau Chefin", Role.HEAD, "kurz"))
    with pytest.raises(ValidationError):
        services.accounts.create_first_head(ANON, NewAccount("a b", "Frau Chefin", Role.HEAD, "geheim-123"))
    assert services.accounts.needs_first_account(ANON)  # nothing half-done


def test_growing_delay_after_wrong_passwords_is_stored_and_refuses_even_the_right_one(services, first_head) -> None:
    clock = Clock()
    services.accounts._clock = clock
    for _ in range(2):
        with pytest.raises(LoginError) as wrong:
            services.accounts.login(ANON, "chefin", "falsch")
        assert wrong.value.wait_seconds == 0
    with pytest.raises(LoginError) as third:
        services.accounts.login(ANON, "chefin", "falsch")  # third: the wait starts (5 s)
    assert third.value.wait_seconds == 5
    with pytest.raises(LoginError) as waiting:
        services.accounts.login(ANON, "chefin", "geheim-123")
    assert waiting.value.wait_seconds == 5
    clock.now += timedelta(seconds=6)
    with pytest.raises(LoginError):
        services.accounts.login(ANON, "chefin", "falsch")  # fourth: 10 s
    clock.now += timedelta(seconds=6)
    with pytest.raises(LoginError) as waiting:
        services.accounts.login(ANON, "chefin", "geheim-123")
    assert waiting.value.wait_seconds == 4
    clock.now += timedelta(seconds=5)
    assert services.accounts.login(ANON, "chefin", "geheim-123").role is Role.HEAD
    with services.uow() as uow:
        auth = uow.accounts.get(first_head.staff_id)
    assert auth.failed_logins == 0 and auth.locked_until is None
    from desk.services.auditlog import AuditFilter

    actions = [r.action for r in services.audit_log.query(first_head, AuditFilter(action="login."))]
    assert actions.count("login.failure") == 4 and actions.count("login.success") == 1
    assert actions.count("login.refused") == 2


def test_unknown_user_and_deactivated_account(services, first_head) -> None:
    with pytest.raises(LoginError, match="Wrong user name or password"):
        services.accounts.login(ANON, "niemand", "geheim-123")
    row = services.accounts.create_account(first_head, NewAccount("empfang1", "Anna Empfang", Role.RECEPTION,
                                                                  "passwort-1"))
    services.accounts.change_account(first_head, row.id, row.version, active=False)
    with pytest.raises(LoginError, match="deactivated"):
        services.accounts.login(ANON, "empfang1", "passwort-1")


def test_rehash_when_parameters_changed(services, first_head) -> None:
    old = PasswordHasher(time_cost=1, memory_cost=8 * 1024, parallelism=1).hash("geheim-123")
    with services.uow(write=True) as uow:
        uow.session.get(Staff, first_head.staff_id).password_hash = old
        uow.commit()
    services.accounts.login(ANON, "chefin", "geheim-123")
    with services.uow() as uow:
        new = uow.accounts.get(first_head.staff_id).password_hash
    assert new != old and new.startswith("$argon2id$")
    assert verify_password(new, "geheim-123") == (True, False)


def test_lock_and_unlock_needs_the_same_persons_password(services, first_head) -> None:
    services.accounts.lock(first_head)
    with pytest.raises(LoginError):
        services.accounts.unlock(first_head, "falsch")
    assert services.accounts.unlock(first_head, "geheim-123").staff_id == first_head.staff_id


def test_role_changed_while_logged_in(services, first_head) -> None:
    row = create_with_own_password(services, first_head, NewAccount("zweite", "Zweite Leitung", Role.HEAD,
                                                                     "passwort-2"))
    second = services.accounts.login(ANON, "zweite", "passwort-2")
    services.accounts.change_account(first_head, row.id, row.version, role=Role.COUNSELLOR)
    # the sensitive functions re-read the role: refused even with the stale actor
    with pytest.raises(PermissionDeniedError, match="changed meanwhile"):
        services.accounts.create_account(second, NewAccount("dritte", "Dritte", Role.RECEPTION, "passwort-3"))
    with pytest.raises(PermissionDeniedError):
        services.privacy.purge(second)
    refreshed = services.accounts.refresh_actor(second)
    assert refreshed is not None and refreshed.role is Role.COUNSELLOR
    with pytest.raises(PermissionDeniedError):
        services.accounts.accounts(refreshed)
    current = next(a for a in services.accounts.accounts(first_head) if a.id == row.id)
    services.accounts.change_account(first_head, row.id, current.version, active=False)
    assert services.accounts.refresh_actor(second) is None


def test_the_last_head_cannot_be_demoted_or_deactivated(services, first_head) -> None:
    me = next(a for a in services.accounts.accounts(first_head) if a.id == first_head.staff_id)
    with pytest.raises(ConflictError):
        services.accounts.change_account(first_head, me.id, me.version, role=Role.RECEPTION)
    with pytest.raises(ConflictError):
        services.accounts.change_account(first_head, me.id, me.version, active=False)


def test_password_reset_and_own_change(services, first_head) -> None:
    row = services.accounts.create_account(first_head, NewAccount("kh", "K. H.", Role.COUNSELLOR, "passwort-1"))
    services.accounts.reset_password(first_head, row.id, "neues-pw-22")
    actor = services.accounts.login(ANON, "kh", "neues-pw-22")
    with pytest.raises(LoginError):
        services.accounts.change_own_password(actor, "falsch", "noch-neuer-3")
    services.accounts.change_own_password(actor, "neues-pw-22", "noch-neuer-3")
    services.accounts.login(ANON, "kh", "noch-neuer-3")


def _audit(services, head, action):
    from desk.services.auditlog import AuditFilter

    return [r for r in services.audit_log.query(head, AuditFilter(action=action)) if r.action == action]


def test_a_password_the_head_set_is_one_time(services, first_head) -> None:
    """A new account's password and a reset one are good for one login: that session may only
    choose the person's own password; every other service call is refused."""
    row = services.accounts.create_account(first_head, NewAccount("kh", "K. H.", Role.COUNSELLOR, "vom-chef-1"))
    assert row.password_one_time
    actor = services.accounts.login(ANON, "kh", "vom-chef-1")
    assert actor.password_one_time
    with pytest.raises(PermissionDeniedError, match="valid only once"):
        services.clients.search(actor, "a")
    with pytest.raises(PermissionDeniedError, match="valid only once"):
        services.accounts.set_own_room(actor, None)
    with pytest.raises(PermissionDeniedError, match="valid only once"):  # a head's one-time session too
        services.accounts.accounts(dataclasses.replace(first_head, password_one_time=True))
    with pytest.raises(ValidationError, match="not the one you have now"):
        services.accounts.change_own_password(actor, "vom-chef-1", "vom-chef-1")
    own = services.accounts.change_own_password(actor, "vom-chef-1", "mein-eigenes-7")
    assert not own.password_one_time and own.staff_id == row.id
    services.clients.search(own, "a")  # now the session works
    assert not services.accounts.login(ANON, "kh", "mein-eigenes-7").password_one_time
    with pytest.raises(LoginError):
        services.accounts.login(ANON, "kh", "vom-chef-1")
    assert not next(a for a in services.accounts.accounts(first_head) if a.id == row.id).password_one_time
    # the audit log: the person changed it (not the head), and no password in it
    change = _audit(services, first_head, "account.password_change")[-1]
    assert change.actor_id == row.id and change.entity_id == row.id
    assert json.loads(change.details).get("replaced_one_time") is True
    assert "mein-eigenes-7" not in repr(change) and "vom-chef-1" not in repr(change)

    # a reset is one-time again
    services.accounts.reset_password(first_head, row.id, "zurueckgesetzt-2")
    again = services.accounts.login(ANON, "kh", "zurueckgesetzt-2")
    assert again.password_one_time
    with pytest.raises(PermissionDeniedError, match="valid only once"):
        services.accounts.refresh_actor(again) and services.clients.search(again, "a")
    assert services.accounts.refresh_actor(again).password_one_time
    assert json.loads(_audit(services, first_head, "account.password_reset")[-1].details).get("one_time") is True


def test_own_passwords_are_not_one_time(services, first_head) -> None:
    """The first head chose their own password; so does a head resetting their own account's."""
    assert not first_head.password_one_time
    assert not services.accounts.login(ANON, "chefin", "geheim-123").password_one_time
    services.accounts.reset_password(first_head, first_head.staff_id, "selbst-gewaehlt-9")
    assert not services.accounts.login(ANON, "chefin", "selbst-gewaehlt-9").password_one_time


def test_a_reset_while_someone_works_does_not_stop_them_but_unlock_needs_a_new_login(services, first_head) -> None:
    row = create_with_own_password(services, first_head, NewAccount("kh", "K. H.", Role.COUNSELLOR, "eigenes-1"))
    working = services.accounts.login(ANON, "kh", "eigenes-1")
    services.accounts.reset_password(first_head, row.id, "vom-chef-22")
    refreshed = services.accounts.refresh_actor(working)
    assert refreshed is not None and not refreshed.password_one_time
    services.accounts.lock(working)
    with pytest.raises(LoginError, match="reset meanwhile"):
        services.accounts.unlock(working, "vom-chef-22")


def _permission_table():
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "unit" / "test_permission_table.py"
    spec = importlib.util.spec_from_file_location("desk_permission_table", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _service_objects(services) -> dict[str, object]:
    """Every service DeskServices offers (plain attributes or built on first use)."""
    from functools import cached_property

    names = [n for n, a in vars(type(services)).items() if isinstance(a, cached_property | property)]
    found = {}
    for name in [*names, *vars(services)]:
        value = getattr(services, name)
        if type(value).__name__.endswith("Service"):
            found[type(value).__name__] = value
    return found


@pytest.mark.parametrize("role", [Role.RECEPTION, Role.COUNSELLOR, Role.DISPLAY])
def test_every_forbidden_call_is_refused_and_writes_nothing(services, role) -> None:
    """Every service function the role may not call raises PermissionDeniedError before any
    database work: the row count of every table is unchanged afterwards."""
    service_functions = _permission_table().service_functions
    actor = Actor(staff_id=None, name=f"test {role.value}", role=role, workstation="test")
    objects = _service_objects(services)
    before = row_counts(services)
    refused = 0
    for name, function in service_functions().items():
        permission = getattr(function, PERMISSION_ATTRIBUTE, None)
        class_name, method = name.split(".")
        if permission is None or permission in ROLE_PERMISSIONS[role] or class_name not in objects:
            continue
        with pytest.raises(PermissionDeniedError):
            getattr(objects[class_name], method)(actor)
        refused += 1
    assert refused >= 10
    missing = {name.split(".")[0] for name in service_functions()} - set(objects)
    assert not missing, f"service classes not reachable from DeskServices: {missing}"
    assert row_counts(services) == before


def test_an_account_is_made_with_its_room_in_one_step(services, first_head) -> None:
    """The new-account dialog's room: a room deactivated meanwhile refused the room after the
    account was already made (two steps), and Save again said the user name was taken. Now the
    account and its room are one step: refused together, or made together."""
    from desk.services.setup import RoomInput

    office = next(r for r in services.reference.rooms(first_head) if r.name == "Büro Migrationsberatung")
    gone = services.setup.create_room(first_head, RoomInput(name="Büro 9", kind=office.kind, display_label="9"))
    services.setup.change_room(first_head, gone.id, RoomInput(name="Büro 9", kind=office.kind, display_label="9",
                                                              active=False))
    with pytest.raises(Exception, match="room does not exist"):
        services.accounts.create_account(first_head, NewAccount("neu", "Frau Neu", Role.COUNSELLOR, "passwort-1",
                                                                default_room_id=gone.id))
    assert [a.username for a in services.accounts.accounts(first_head)] == ["chefin"]
    made = services.accounts.create_account(first_head, NewAccount("neu", "Frau Neu", Role.COUNSELLOR, "passwort-1",
                                                                   default_room_id=office.id))
    assert made.default_room_id == office.id
