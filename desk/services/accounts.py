"""Accounts and login: one account per person, argon2id hashes, a growing delay after wrong
passwords, lock and unlock, account management for the head of department, first start.

A role changed while someone is logged in: the gate checks the role the Actor carries. The
window re-reads the actor (`refresh_actor`) whenever another workstation changes accounts
(live update topic "staff") and reopens with the new rights, so the gap is about a second.
The sensitive Leitung functions (accounts, export, erasure, purge, restore) also re-read the
acting account's current role from the database inside their transaction (`ensure_current`),
so a demoted head of department is refused there even within that second.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from desk.domain.accounts import AccountRow, OpenWork, StaffAuth, clean_username, delay_after
from desk.domain.errors import (
    AuthenticationError,
    ConflictError,
    NotFoundError,
    PermissionDeniedError,
    StaleError,
    ValidationError,
)
from desk.domain.model import Role
from desk.domain.permissions import Permission, allowed
from desk.domain.text import clean_text
from desk.domain.topics import Topic
from desk.services.audit import record
from desk.services.clock import system_clock
from desk.services.context import Actor
from desk.services.gate import requires
from desk.services.once import checked_key, once
from desk.services.passwords import (
    MIN_PASSWORD_LENGTH,
    digest_for,
    dummy_verify,
    hash_password,
    verify_password,
)
from desk.storage.uow import UnitOfWork, UnitOfWorkFactory


class LoginError(AuthenticationError):
    """Wrong user name or password, a deactivated account, or the wait after wrong passwords."""

    def __init__(self, template: str, *, wait_seconds: int = 0, **params) -> None:
        super().__init__(template, **params)
        self.wait_seconds = wait_seconds


class KeepType(enum.Enum):
    KEEP = "keep"


#: "leave this field as it is" for optional arguments where None is a value
KEEP = KeepType.KEEP


@dataclass(frozen=True)
class NewAccount:
    username: str
    display_name: str
    role: Role
    password: str
    service_ids: frozenset[int] = frozenset()
    default_room_id: int | None = None  # the person's office (call and display), set in the same step
    #: One per account dialog, the same for its Save agains: a retry after a lost acknowledgement
    #: answers with the account the first attempt made, not "the user name is taken" (services/once.py)
    request_key: str | None = None


def check_password_rules(password: str) -> None:
    if len(password or "") < MIN_PASSWORD_LENGTH:
        raise ValidationError("The password must have at least {count} characters.", count=MIN_PASSWORD_LENGTH)
    if password != password.strip():
        raise ValidationError("The password must not start or end with a space.")


def actor_of(auth: StaffAuth, workstation: str | None = None, *, one_time: bool | None = None) -> Actor:
    """`one_time`: whether the session is one of a one-time password (default: as the account's
    password is now)."""
    one_time = auth.password_one_time if one_time is None else one_time
    actor = Actor(staff_id=auth.id, name=auth.display_name, role=auth.role, service_ids=auth.service_ids,
                  password_one_time=one_time)
    if workstation:
        actor = Actor(staff_id=auth.id, name=auth.display_name, role=auth.role, service_ids=auth.service_ids,
                      workstation=workstation, password_one_time=one_time)
    return actor


def ensure_current(uow: UnitOfWork, actor: Actor, permission: Permission) -> None:
    """Re-read the acting account: refuse when it was deactivated or lost `permission` meanwhile."""
    if actor.staff_id is None:
        return  # desk-admin and start-up tasks (no account)
    auth = uow.accounts.get(actor.staff_id)
    if auth is None or not auth.active or not allowed(auth.role, permission):
        raise PermissionDeniedError(
            "Your account was changed meanwhile (role or deactivation); this is no longer allowed. "
            "Log in again."
        )


class AccountService:
    def __init__(self, uow: UnitOfWorkFactory, *, clock=None) -> None:
        self._uow = uow
        self._clock = clock or system_clock

    # -- before login ------------------------------------------------------------------------

    @requires(Permission.LOGIN)
    def needs_first_account(self, actor: Actor) -> bool:
        """True on a database without any account: the first-start wizard must run."""
        with self._uow() as uow:
            return uow.accounts.count() == 0

    @requires(Permission.LOGIN)
    def create_first_head(self, actor: Actor, account: NewAccount) -> Actor:
        """The first head-of-department account; refused as soon as any account exists."""
        username, name = self._validated(account)
        check_password_rules(account.password)
        hashed = hash_password(account.password)
        with self._uow(write=True) as uow:
            uow.accounts.serialize()
            if uow.accounts.count() > 0:
                raise ConflictError("There is already an account. Log in with it.")
            staff_id = uow.reference.add_staff(username=username, display_name=name, role=Role.HEAD,
                                               password_hash=hashed, service_ids=account.service_ids)
            auth = uow.accounts.get(staff_id)
            assert auth is not None
            new_actor = actor_of(auth, actor.workstation)
            record(uow, new_actor, "account.create_first", entity_type="staff", entity_id=staff_id,
                   details={"role": Role.HEAD.value})
            uow.touch(Topic.STAFF, Topic.REFERENCE)
            uow.commit()
        return new_actor

    @requires(Permission.LOGIN)
    def recover_head(self, actor: Actor, username: str, new_password: str) -> None:
        """A new password for a head of department who forgot it (`desk-admin recover-head`).

        No login, so it is allowed only (1) over a connection that holds the database past desk's
        login anyway (AccountRepository.administers_database: the operating-system user owning the
        SQLite file; on PostgreSQL the superuser or the database owner, never the application or
        display role), and (2) when no other active head of department exists — one who does
        resets the password in Verwaltung instead. Audited as `account.password_recover`. The
        password is one-time: at the next login the head chooses their own."""
        check_password_rules(new_password)
        hashed = hash_password(new_password)
        with self._uow(write=True) as uow:
            uow.accounts.serialize()
            if not uow.accounts.administers_database():
                raise PermissionDeniedError(
                    "Recovering a head of department's password needs the operating-system account "
                    "that owns the database file, or on PostgreSQL the superuser or the database owner.")
            target = uow.accounts.by_username(username.strip())
            if target is None or target.role is not Role.HEAD or not target.active:
                raise NotFoundError("There is no active head-of-department account {name}.", name=username)
            others = [a.display_name for a in uow.accounts.list()
                      if a.role is Role.HEAD and a.active and a.id != target.id]
            if others:
                raise ConflictError(
                    "{names} can reset this password in Verwaltung (Accounts). Recovery is only for a "
                    "centre whose only head of department is locked out.", names=", ".join(sorted(others)))
            uow.accounts.set_password(target.id, hashed, one_time=True)  # the person chooses their own at login
            record(uow, actor, "account.password_recover", entity_type="staff", entity_id=target.id)
            uow.touch(Topic.STAFF)
            uow.commit()

    @requires(Permission.LOGIN)
    def login(self, actor: Actor, username: str, password: str, *, rehash: bool = True) -> Actor:
        """The Actor of the person whose password this is; LoginError otherwise.

        Slow on purpose (argon2id, ~0.1 s): call it off the GUI thread. After FREE_ATTEMPTS
        wrong passwords the account refuses further attempts for a growing time (stored in the
        database, so restarting the program does not help) - the error says how long.
        A password the head set is one-time: the Actor then has `password_one_time` and may only
        choose the person's own password (`change_own_password`); the gate refuses the rest.
        `rehash=False`: a hash made with older parameters is left as it is (the kiosk, whose
        database role may not write password hashes; the next login at a PC renews it)."""
        now = self._clock()
        name = (username or "").strip().lower()
        with self._uow() as uow:
            by_verifier = not uow.accounts.reads_password_hashes()
            auth = uow.accounts.by_username(name) if name and not by_verifier else None
        if by_verifier:
            return self._login_without_hash(actor, name, password or "")
        if auth is None:
            dummy_verify(password or "")
            with self._uow(write=True) as uow:
                # the typed name is not kept: it may be a client's name or a password typed in the wrong field
                record(uow, actor, "login.failure", entity_type="staff", details={"cause": "unknown user"})
                uow.commit()
            raise LoginError("Wrong user name or password.")
        reserved = self._reserve(auth, actor, now, "login.refused")
        if isinstance(reserved, int):
            raise LoginError("Too many wrong passwords. Wait {seconds} seconds, then try again.",
                             wait_seconds=reserved, seconds=reserved)
        ok, needs_rehash = verify_password(auth.password_hash, password or "")
        if not ok:
            wait = self._failed_reserved(auth, reserved, actor, "login.failure")
            if wait:
                raise LoginError("Wrong user name or password. Wait {seconds} seconds before the next try.",
                                 wait_seconds=wait, seconds=wait)
            raise LoginError("Wrong user name or password.")
        if not auth.active:
            with self._uow(write=True) as uow:
                record(uow, actor, "login.failure", entity_type="staff", entity_id=auth.id,
                       details={"cause": "deactivated"})
                uow.commit()
            raise LoginError("This account is deactivated. Ask the head of department.")
        new_hash = hash_password(password) if needs_rehash and rehash else None
        new_actor = actor_of(auth, actor.workstation)
        with self._uow(write=True) as uow:
            uow.accounts.record_success(auth.id, new_hash)
            via = {} if actor.name == Actor.login_screen().name else {"via": actor.name}
            one_time = {"one_time_password": True} if auth.password_one_time else {}
            record(uow, new_actor, "login.success", entity_type="staff", entity_id=auth.id,
                   details={"rehashed": new_hash is not None, **via, **one_time})
            uow.commit()
        return new_actor

    def _login_without_hash(self, actor: Actor, name: str, password: str) -> Actor:
        """The login of a connection that may not read password hashes (the kiosk's PostgreSQL
        role, desk.storage.roles): the database hands out only the hash's parameters and salt,
        the argon2 digest of the typed password is computed here, and the database compares it
        and counts a wrong one (desk_kiosk_login) - the same brake, the same messages."""
        with self._uow() as uow:
            parameters = uow.accounts.kiosk_login_parameters(name)
        digest = digest_for(parameters, password)
        if not digest:
            dummy_verify(password)
        with self._uow(write=True) as uow:
            outcome, wait, count, staff_id = uow.accounts.kiosk_login(name, digest)
            auth = uow.accounts.kiosk_account(staff_id) if outcome == "ok" and staff_id is not None else None
            if outcome == "unknown":
                record(uow, actor, "login.failure", entity_type="staff", details={"cause": "unknown user"})
            elif outcome == "waiting":
                record(uow, actor, "login.refused", entity_type="staff", entity_id=staff_id,
                       details={"cause": "waiting", "wait_seconds": wait})
            elif outcome == "deactivated":
                record(uow, actor, "login.failure", entity_type="staff", entity_id=staff_id,
                       details={"cause": "deactivated"})
            elif auth is None:
                record(uow, actor, "login.failure", entity_type="staff", entity_id=staff_id,
                       details={"failed_in_a_row": count, "wait_seconds": wait})
            if outcome in ("wrong", "deactivated", "ok"):
                uow.touch(Topic.STAFF)
            new_actor = actor_of(auth, actor.workstation) if auth is not None else None
            if new_actor is not None:
                via = {} if actor.name == Actor.login_screen().name else {"via": actor.name}
                record(uow, new_actor, "login.success", entity_type="staff", entity_id=staff_id,
                       details={"rehashed": False, **via})
            uow.commit()
        if new_actor is not None:
            return new_actor
        if outcome == "waiting":
            raise LoginError("Too many wrong passwords. Wait {seconds} seconds, then try again.",
                             wait_seconds=wait, seconds=wait)
        if outcome == "deactivated":
            raise LoginError("This account is deactivated. Ask the head of department.")
        if wait:
            raise LoginError("Wrong user name or password. Wait {seconds} seconds before the next try.",
                             wait_seconds=wait, seconds=wait)
        raise LoginError("Wrong user name or password.")

    def _reserve(self, auth: StaffAuth, actor: Actor, now: datetime, refused_action: str) -> tuple[int, int] | int:
        """Count this attempt as a wrong password before the hash is checked, in one transaction
        with the account's row locked (the UPDATE), and set the wait it earns - so parallel
        attempts see each other's count and wait: at most FREE_ATTEMPTS are checked before the
        delay starts. A right password then clears the count (record_success). Returns (count,
        wait seconds) when the attempt may go on, else the seconds still to wait (that attempt
        is not counted, only audited)."""
        wait = 0
        with self._uow(write=True) as uow:
            count = uow.accounts.record_failure(auth.id)
            current = uow.accounts.get(auth.id)
            locked_until = current.locked_until if current is not None else None
            if locked_until is not None and locked_until > now:
                wait = max(1, int((locked_until - now).total_seconds() + 0.999))
            else:
                delay = delay_after(count)
                if delay > timedelta(0):
                    uow.accounts.set_locked_until(auth.id, now + delay)
                uow.touch(Topic.STAFF)
                uow.commit()
        if wait:  # the block above rolled back: the refused attempt is not counted
            with self._uow(write=True) as uow:
                record(uow, actor, refused_action, entity_type="staff", entity_id=auth.id,
                       details={"cause": "waiting", "wait_seconds": wait})
                uow.commit()
            return wait
        return count, int(delay_after(count).total_seconds())

    def _failed_reserved(self, auth: StaffAuth, reserved: tuple[int, int], actor: Actor, action: str) -> int:
        """The reserved attempt was a wrong password: audit it; returns the seconds to wait."""
        count, wait = reserved
        with self._uow(write=True) as uow:
            record(uow, actor, action, entity_type="staff", entity_id=auth.id,
                   details={"failed_in_a_row": count, "wait_seconds": wait})
            uow.commit()
        return wait

    def _failed(self, auth: StaffAuth, actor: Actor, action: str, now: datetime) -> int:
        """Count a wrong password; returns the seconds to wait before the next attempt."""
        with self._uow(write=True) as uow:
            count = uow.accounts.record_failure(auth.id)
            delay = delay_after(count)
            if delay > timedelta(0):
                uow.accounts.set_locked_until(auth.id, now + delay)
            record(uow, actor, action, entity_type="staff", entity_id=auth.id,
                   details={"failed_in_a_row": count,
                            "wait_seconds": int(delay.total_seconds())})
            uow.touch(Topic.STAFF)
            uow.commit()
        return int(delay.total_seconds())

    # -- one's own account -------------------------------------------------------------------

    @requires(Permission.OWN_ACCOUNT, one_time_ok=True)
    def lock(self, actor: Actor) -> None:
        """The window was locked (shortcut or idle time): audited."""
        with self._uow(write=True) as uow:
            record(uow, actor, "session.lock", entity_type="staff", entity_id=actor.staff_id)
            uow.commit()

    @requires(Permission.OWN_ACCOUNT, one_time_ok=True)
    def unlock(self, actor: Actor, password: str) -> Actor:
        """Unlock with the same person's password; returns the actor with its current role."""
        if actor.staff_id is None:
            raise LoginError("This session has no account; log in again.")
        now = self._clock()
        with self._uow() as uow:
            auth = uow.accounts.get(actor.staff_id)
        if auth is None or not auth.active:
            raise LoginError("This account is deactivated. Ask the head of department.")
        reserved = self._reserve(auth, actor, now, "session.unlock_refused")
        if isinstance(reserved, int):
            raise LoginError("Too many wrong passwords. Wait {seconds} seconds, then try again.",
                             wait_seconds=reserved, seconds=reserved)
        ok, _ = verify_password(auth.password_hash, password or "")
        if not ok:
            wait = self._failed_reserved(auth, reserved, actor, "session.unlock_failure")
            if wait:
                raise LoginError("Wrong password. Wait {seconds} seconds before the next try.",
                                 wait_seconds=wait, seconds=wait)
            raise LoginError("Wrong password.")
        if auth.password_one_time and not actor.password_one_time:
            # the head reset the password while this window was locked: the new one is for a
            # new login, where the person then chooses their own
            raise LoginError("Your password was reset meanwhile. Log out, then log in with the new password.")
        with self._uow(write=True) as uow:
            uow.accounts.record_success(auth.id)
            record(uow, actor, "session.unlock", entity_type="staff", entity_id=auth.id)
            uow.commit()
        return actor_of(auth, actor.workstation, one_time=actor.password_one_time)

    @requires(Permission.OWN_ACCOUNT)
    def set_own_room(self, actor: Actor, room_id: int | None) -> None:
        """"Mein Raum": the room I call into and that the silent alarm names, remembered with my
        account (on every workstation, after a restart). Audited; other windows update live."""
        if actor.staff_id is None:
            raise ValidationError("This session has no account; the room cannot be remembered.")
        with self._uow(write=True) as uow:
            staff = uow.reference.staff_row(actor.staff_id)
            if staff is None:
                raise NotFoundError("The account does not exist (any more).")
            if room_id is not None and not any(r.id == room_id and r.active for r in uow.reference.rooms()):
                raise NotFoundError("This room does not exist (any more).")
            if staff.default_room_id == room_id:
                return
            uow.reference.set_default_room(actor.staff_id, room_id)
            record(uow, actor, "account.own_room", entity_type="staff", entity_id=actor.staff_id,
                   details={"room": [staff.default_room_id, room_id]})
            uow.touch(Topic.STAFF, Topic.REFERENCE)
            uow.commit()

    @requires(Permission.OWN_ACCOUNT, one_time_ok=True)
    def refresh_actor(self, actor: Actor) -> Actor | None:
        """The actor with the role and services the database holds now; None when the account
        was deactivated or deleted (the window then logs out). A session keeps whether it is one
        of a one-time password (a reset while someone works does not stop their session)."""
        if actor.staff_id is None:
            return actor
        with self._uow() as uow:
            auth = uow.accounts.get(actor.staff_id)
        if auth is None or not auth.active:
            return None
        return actor_of(auth, actor.workstation, one_time=actor.password_one_time and auth.password_one_time)

    @requires(Permission.OWN_ACCOUNT, one_time_ok=True)
    def change_own_password(self, actor: Actor, old_password: str, new_password: str) -> Actor:
        """The person chooses their own password (after a one-time one the head set: the only
        thing such a session may do). Returns the session's Actor, no longer one-time. Audited
        as the person's own change, without the password."""
        if actor.staff_id is None:
            raise ValidationError("This session has no account.")
        check_password_rules(new_password)
        if new_password == old_password:
            raise ValidationError("Choose a new password, not the one you have now.")
        with self._uow() as uow:
            auth = uow.accounts.get(actor.staff_id)
        if auth is None:
            raise NotFoundError("The account does not exist (any more).")
        ok, _ = verify_password(auth.password_hash, old_password or "")
        if not ok:
            self._failed(auth, actor, "account.password_change_failure", self._clock())
            raise LoginError("Wrong password.")
        hashed = hash_password(new_password)
        with self._uow(write=True) as uow:
            uow.accounts.set_password(auth.id, hashed, one_time=False)
            record(uow, actor, "account.password_change", entity_type="staff", entity_id=auth.id,
                   details={"replaced_one_time": auth.password_one_time})
            uow.touch(Topic.STAFF)
            uow.commit()
        fresh = replace(auth, password_one_time=False)
        return actor_of(fresh, actor.workstation)

    # -- account management (Leitung) -------------------------------------------------------

    @requires(Permission.ACCOUNTS_MANAGE)
    def accounts(self, actor: Actor) -> list[AccountRow]:
        with self._uow() as uow:
            return uow.accounts.list()

    @requires(Permission.ACCOUNTS_MANAGE)
    def create_account(self, actor: Actor, account: NewAccount) -> AccountRow:
        """A new account with a one-time password. Saved again with the same request key after a
        fault whose first attempt was saved: that account."""
        key = checked_key(account.request_key)
        return once(self._uow, key, lambda: self._create_account(actor, account, key), self._made_by,
                    what="new account")

    def _made_by(self, uow: UnitOfWork, key: str) -> AccountRow | None:
        staff_id = uow.accounts.made_by(key)
        return None if staff_id is None else next((r for r in uow.accounts.list() if r.id == staff_id), None)

    def _create_account(self, actor: Actor, account: NewAccount, key: str | None) -> AccountRow:
        username, name = self._validated(account)
        check_password_rules(account.password)
        hashed = hash_password(account.password)
        with self._uow(write=True) as uow:
            ensure_current(uow, actor, Permission.ACCOUNTS_MANAGE)
            if uow.accounts.by_username(username) is not None:
                raise ConflictError("The user name {name} is taken.", name=username)
            room = account.default_room_id
            if room is not None and not any(r.id == room and r.active for r in uow.reference.rooms()):
                raise NotFoundError("This room does not exist (any more).")
            # one-time: the person chooses their own at the first login (the head never knows it)
            staff_id = uow.reference.add_staff(username=username, display_name=name, role=account.role,
                                               password_hash=hashed, service_ids=account.service_ids,
                                               default_room_id=room, password_one_time=True, request_key=key)
            record(uow, actor, "account.create", entity_type="staff", entity_id=staff_id,
                   details={"role": account.role.value, "services": sorted(account.service_ids),
                            **({"room": room} if room is not None else {})})
            uow.touch(Topic.STAFF, Topic.REFERENCE)
            uow.commit()
        return self._row(staff_id)

    @requires(Permission.ACCOUNTS_MANAGE)
    def change_account(
        self,
        actor: Actor,
        staff_id: int,
        expected_version: int,
        *,
        display_name: str | None = None,
        role: Role | None = None,
        service_ids: Iterable[int] | None = None,
        active: bool | None = None,
        default_room_id: int | None | KeepType = KEEP,
    ) -> AccountRow:
        """Name, role, services, (de)activation, the person's room (`None` clears it; `KEEP`
        leaves it): one audited change (a permission change when role, services or state change)."""
        with self._uow(write=True) as uow:
            ensure_current(uow, actor, Permission.ACCOUNTS_MANAGE)
            uow.accounts.serialize()
            before = uow.accounts.get(staff_id)
            if before is None:
                raise NotFoundError("The account does not exist (any more).")
            fields: dict = {}
            changes: dict = {}
            if display_name is not None:
                name = clean_text(display_name, field="Name", max_length=200)
                if not name:
                    raise ValidationError("{field} must not be empty.", field="Name")
                if name != before.display_name:
                    fields["display_name"] = name
                    changes["display_name"] = [before.display_name, name]
            if role is not None and role != before.role:
                fields["role"] = role.value
                changes["role"] = [before.role.value, role.value]
            if active is not None and active != before.active:
                fields["active"] = active
                changes["active"] = [before.active, active]
            if default_room_id is not KEEP and default_room_id != before.default_room_id:
                if default_room_id is not None and not any(
                        r.id == default_room_id and r.active for r in uow.reference.rooms()):
                    raise NotFoundError("This room does not exist (any more).")
                fields["default_room_id"] = default_room_id
                changes["room"] = [before.default_room_id, default_room_id]
            losing_head = before.role == Role.HEAD and before.active and (
                fields.get("role", Role.HEAD.value) != Role.HEAD.value or fields.get("active") is False)
            if losing_head and uow.accounts.count_active_heads() <= 1:
                raise ConflictError("This is the last active head-of-department account; "
                                    "create another one first.")
            if not uow.accounts.update(staff_id, expected_version, **fields):
                raise StaleError()
            if fields.get("active") is False:
                # someone who left calls nobody: the people waiting for them go back to their
                # service's list, where any colleague may call them
                released = uow.visits.release_staff(staff_id, now=self._clock())
                if released:
                    uow.touch(Topic.VISITS)
            else:
                released = 0
            if service_ids is not None and frozenset(service_ids) != before.service_ids:
                uow.reference.set_staff_services(staff_id, set(service_ids))
                changes["services"] = [sorted(before.service_ids), sorted(set(service_ids))]
            action = "account.permissions_change" if {"role", "active", "services"} & changes.keys() \
                else "account.change"
            record(uow, actor, action, entity_type="staff", entity_id=staff_id,
                   details={"fields": sorted(changes), **changes,
                            **({"released_waiting": released} if released else {})})
            uow.touch(Topic.STAFF, Topic.REFERENCE)
            uow.commit()
        return self._row(staff_id)

    @requires(Permission.ACCOUNTS_MANAGE)
    def open_work(self, actor: Actor, staff_id: int, *, now: datetime | None = None) -> OpenWork:
        """What deactivating this account leaves behind: booked appointments from now on (they
        stay booked with the person; the appointments view keeps showing a deactivated counsellor
        until they are moved) and people waiting who are reserved for them (released then)."""
        with self._uow() as uow:
            count, first = uow.appointments.booked_from(now or self._clock(), staff_id=staff_id).get(
                staff_id, (0, None))
            return OpenWork(appointments=count, first_appointment=first,
                            waiting=uow.visits.waiting_for_staff(staff_id))

    @requires(Permission.ACCOUNTS_MANAGE)
    def reset_password(self, actor: Actor, staff_id: int, new_password: str) -> None:
        """Set a new one-time password: at the next login the person must choose their own (a head
        resetting their own account's password chose it, so it is not one-time). Clears the wait
        after wrong passwords."""
        check_password_rules(new_password)
        hashed = hash_password(new_password)
        with self._uow(write=True) as uow:
            ensure_current(uow, actor, Permission.ACCOUNTS_MANAGE)
            before = uow.accounts.get(staff_id)
            if before is None:
                raise NotFoundError("The account does not exist (any more).")
            one_time = actor.staff_id != staff_id
            uow.accounts.set_password(staff_id, hashed, one_time=one_time)
            record(uow, actor, "account.password_reset", entity_type="staff", entity_id=staff_id,
                   details={"one_time": one_time})
            uow.touch(Topic.STAFF)
            uow.commit()

    # -- helpers -----------------------------------------------------------------------------

    def _validated(self, account: NewAccount) -> tuple[str, str]:
        username = clean_username(account.username)
        name = clean_text(account.display_name, field="Name", max_length=200)
        if not name:
            raise ValidationError("{field} must not be empty.", field="Name")
        if not isinstance(account.role, Role):
            raise ValidationError("Unknown role.")
        return username, name

    def _row(self, staff_id: int) -> AccountRow:
        with self._uow() as uow:
            for row in uow.accounts.list():
                if row.id == staff_id:
                    return row
        raise NotFoundError("The account does not exist (any more).")
