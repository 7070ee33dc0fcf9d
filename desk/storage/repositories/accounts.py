"""Accounts: the login record (with the password hash), failed attempts, account changes."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

from sqlalchemy import func, select, text, update
from sqlalchemy.orm import Session

from desk.domain.accounts import AccountRow, StaffAuth
from desk.domain.model import Role
from desk.storage.models import Staff, StaffService


class AccountRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def serialize(self) -> None:
        """Take the accounts lock for this transaction (SQLite: BEGIN IMMEDIATE already does)."""
        if self.session.get_bind().dialect.name == "postgresql":
            self.session.execute(text("SELECT pg_advisory_xact_lock(6060601)"))

    def administers_database(self) -> bool:
        """Does this connection hold the database at the operating-system or server level, past
        desk's login? SQLite: the file belongs to this process's operating-system user (POSIX),
        who may write it. PostgreSQL: the role is a superuser or a member of the database's owner.
        (The head's password recovery, AccountService.recover_head, requires it.)"""
        bind = self.session.get_bind()
        if bind.dialect.name == "sqlite":
            name = bind.url.database
            if not name or name == ":memory:":
                return False
            path = Path(name)
            if not path.exists() or not os.access(path, os.W_OK):
                return False
            return not hasattr(os, "geteuid") or path.stat().st_uid == os.geteuid()
        return bool(self.session.scalar(text(
            "SELECT r.rolsuper OR pg_has_role(current_user, d.datdba, 'MEMBER') "
            "FROM pg_roles r, pg_database d WHERE r.rolname = current_user AND d.datname = current_database()")))

    def reads_password_hashes(self) -> bool:
        """May this connection read the stored password hashes? Not the kiosk's PostgreSQL role
        (desk.storage.roles): its exit login goes through kiosk_login_parameters / kiosk_login."""
        if self.session.get_bind().dialect.name != "postgresql":
            return True
        return bool(self.session.scalar(text("SELECT has_column_privilege('staff', 'password_hash', 'SELECT')")))

    def kiosk_login_parameters(self, username: str) -> str:
        """The argon2 parameters and salt of the account's hash, without the digest (made-up ones
        for an unknown name): desk_kiosk_login_params, a function of the schema's owner."""
        return str(self.session.scalar(text("SELECT desk_kiosk_login_params(:u)"), {"u": username}) or "")

    def kiosk_login(self, username: str, digest: str) -> tuple[str, int, int, int | None]:
        """The database compares `digest` with the stored one and counts a wrong password
        (desk_kiosk_login): (outcome, seconds to wait, wrong passwords in a row, staff id), the
        outcome one of ok, wrong, waiting, deactivated, unknown."""
        row = self.session.execute(text("SELECT outcome, wait_seconds, failed_in_a_row, staff_id "
                                        "FROM desk_kiosk_login(:u, :d)"), {"u": username, "d": digest}).one()
        return str(row.outcome), int(row.wait_seconds or 0), int(row.failed_in_a_row or 0), row.staff_id

    def kiosk_account(self, staff_id: int) -> StaffAuth | None:
        """Who a right kiosk exit login is - no user name, hash or counter (the kiosk role reads none);
        whether the password is one-time (the kiosk's exit refuses such a password)."""
        row = self.session.execute(select(Staff.id, Staff.display_name, Staff.role, Staff.active,
                                          Staff.password_one_time)
                                   .where(Staff.id == staff_id)).first()
        if row is None:
            return None
        return StaffAuth(id=row.id, username="", display_name=row.display_name, role=Role(row.role),
                         active=row.active, password_hash=None, failed_logins=0, locked_until=None, version=0,
                         service_ids=self._services(row.id), password_one_time=bool(row.password_one_time))

    def count(self) -> int:
        return int(self.session.scalar(select(func.count()).select_from(Staff)) or 0)

    def count_active_heads(self) -> int:
        return int(self.session.scalar(
            select(func.count()).select_from(Staff).where(Staff.role == Role.HEAD.value, Staff.active.is_(True))
        ) or 0)

    def _services(self, staff_id: int) -> frozenset[int]:
        return frozenset(self.session.scalars(
            select(StaffService.service_id).where(StaffService.staff_id == staff_id)))

    def _auth(self, s: Staff | None) -> StaffAuth | None:
        if s is None:
            return None
        return StaffAuth(
            id=s.id, username=s.username, display_name=s.display_name, role=Role(s.role), active=s.active,
            password_hash=s.password_hash, failed_logins=s.failed_logins or 0, locked_until=s.locked_until,
            version=s.version, service_ids=self._services(s.id), default_room_id=s.default_room_id,
            password_one_time=bool(s.password_one_time),
        )

    def by_username(self, username: str) -> StaffAuth | None:
        return self._auth(self.session.scalar(select(Staff).where(func.lower(Staff.username) == username.lower())))

    def get(self, staff_id: int) -> StaffAuth | None:
        return self._auth(self.session.get(Staff, staff_id))

    def made_by(self, request_key: str) -> int | None:
        """The account the attempt with this request key created (desk.services.once)."""
        return self.session.scalar(select(Staff.id).where(Staff.request_key == request_key))

    def list(self) -> list[AccountRow]:
        links: dict[int, set[int]] = {}
        for link in self.session.scalars(select(StaffService)):
            links.setdefault(link.staff_id, set()).add(link.service_id)
        return [
            AccountRow(
                id=s.id, username=s.username, display_name=s.display_name, role=Role(s.role), active=s.active,
                service_ids=frozenset(links.get(s.id, ())), failed_logins=s.failed_logins or 0,
                locked_until=s.locked_until, has_password=bool(s.password_hash), version=s.version,
                default_room_id=s.default_room_id, password_one_time=bool(s.password_one_time),
            )
            for s in self.session.scalars(select(Staff).order_by(Staff.active.desc(), Staff.display_name, Staff.id))
        ]

    def record_failure(self, staff_id: int) -> int:
        """One more wrong password (atomic); returns the new count."""
        self.session.execute(
            update(Staff).where(Staff.id == staff_id).values(failed_logins=Staff.failed_logins + 1)
        )
        return int(self.session.scalar(select(Staff.failed_logins).where(Staff.id == staff_id)) or 0)

    def set_locked_until(self, staff_id: int, until: datetime | None) -> None:
        self.session.execute(update(Staff).where(Staff.id == staff_id).values(locked_until=until))

    def record_success(self, staff_id: int, new_hash: str | None = None) -> None:
        values: dict = {"failed_logins": 0, "locked_until": None}
        if new_hash is not None:
            values["password_hash"] = new_hash
        self.session.execute(update(Staff).where(Staff.id == staff_id).values(**values))

    def set_password(self, staff_id: int, password_hash: str, *, one_time: bool) -> None:
        """`one_time`: someone else set it; the person must choose their own at the next login."""
        self.session.execute(
            update(Staff).where(Staff.id == staff_id)
            .values(password_hash=password_hash, password_one_time=one_time, failed_logins=0, locked_until=None,
                    version=Staff.version + 1)
        )

    def update(self, staff_id: int, expected_version: int, **fields) -> bool:
        """Change display name / role / active if nobody changed the account meanwhile."""
        result = self.session.execute(
            update(Staff).where(Staff.id == staff_id, Staff.version == expected_version)
            .values(**fields, version=Staff.version + 1)
        )
        return result.rowcount == 1

    def bump(self, staff_id: int, expected_version: int) -> bool:
        return self.update(staff_id, expected_version)
