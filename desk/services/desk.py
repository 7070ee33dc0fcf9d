"""The services of one process, built once over one database (the composition root calls this).

Each service is created, and its module imported, on first use: the window's first view must
not wait for the report, privacy or backup code (start-up time on old reception PCs).
"""

from __future__ import annotations

from datetime import datetime
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from desk.services.clock import Clock, system_clock
from desk.storage.engine import Database
from desk.storage.uow import UnitOfWorkFactory, unit_of_work_factory

if TYPE_CHECKING:
    from desk.services.accounts import AccountService
    from desk.services.appointments import AppointmentService
    from desk.services.audit import ListReadWriter
    from desk.services.auditlog import AuditLogService
    from desk.services.backup import BackupService
    from desk.services.bookings import BookingService
    from desk.services.checkin import CheckInService
    from desk.services.clients import ClientService
    from desk.services.kiosk import KioskService
    from desk.services.privacy import PrivacyService
    from desk.services.reference import ReferenceService
    from desk.services.reminders import ReminderService
    from desk.services.reports import ReportService
    from desk.services.setup import SetupService
    from desk.services.waitlist import AlarmService, WaitlistService


class DeskServices:
    def __init__(self, db: Database, *, clock: Clock | None = None) -> None:
        self.db = db
        #: what time it is for every service (services/clock.py); may be replaced at any time
        self.clock: Clock = clock or system_clock
        self.uow: UnitOfWorkFactory = unit_of_work_factory(db)
        self.extras: dict[str, object] = {}

    @property
    def database_name(self) -> str:
        return self.db.display_name

    @property
    def is_sqlite(self) -> bool:
        """One SQLite file (each PC backs it up, restore works here) or a PostgreSQL server."""
        return self.db.is_sqlite

    def schema_revision(self) -> str | None:
        """The database's schema revision (None: empty); compare `bootstrap.program_schema()`."""
        from desk.storage.migrate import current_revision

        return current_revision(self.db)

    def upgrade_backup(self) -> Path | None:
        """The backup made before opening this database upgraded its schema; None: no upgrade."""
        from desk.services.bootstrap import upgrade_backup

        return upgrade_backup(self.db)

    def erasure_ledger(self) -> Path:
        """Where this database's ledger of erasures is (services/erasures.py)."""
        from desk.services.erasures import ledger_path

        return ledger_path(self.db)

    def reapplied_erasures(self) -> list[int]:
        """The client numbers erased again when this database was opened after a restore
        (services/erasures.py), for the person at the window or the admin to read."""
        from desk.services.bootstrap import reapplied_erasures

        return reapplied_erasures(self.db)

    @cached_property
    def list_reads(self) -> ListReadWriter:
        """Writes the search's list reads to the audit log in the background (services/audit.py)."""
        from desk.services.audit import ListReadWriter

        return ListReadWriter(self.uow)

    def write_list_reads_soon(self) -> None:
        """The window closes (logout, exit): write the queued list reads now, in the background."""
        if "list_reads" in self.__dict__:
            self.list_reads.write_soon()

    def catch_up_caches(self) -> None:
        """A live-update thread has just taken its baseline (desk.ui.live): what this process kept
        from the database before it is brought up to date, so nothing read after the baseline
        misses a commit made before it (another PC's, while this one sat at the login screen): the
        reference lists are read again on next use, and the name index, if built, takes in the
        clients changed elsewhere (one query). Nothing that was not used yet is built here."""
        if "reference" in self.__dict__:
            self.reference.invalidate()
        if "clients" in self.__dict__:
            self.clients.sync()

    def close(self) -> None:
        if "list_reads" in self.__dict__:
            self.list_reads.close()  # commits the queued list reads before the connections go
        self.db.dispose()

    def now(self) -> datetime:
        """The services' "now" (the clock each service is given: it reads `self.clock` at each call)."""
        return self.clock()

    @cached_property
    def reference(self) -> ReferenceService:
        from desk.services.reference import ReferenceService

        return ReferenceService(self.uow)

    @cached_property
    def setup(self) -> SetupService:
        from desk.services.setup import SetupService

        return SetupService(self.uow, clock=self.now)

    @cached_property
    def clients(self) -> ClientService:
        from desk.services.clients import ClientService

        return ClientService(self.uow, clock=self.now, list_reads=self.list_reads)

    @cached_property
    def checkin(self) -> CheckInService:
        from desk.services.checkin import CheckInService

        return CheckInService(self.uow, clock=self.now)

    @cached_property
    def kiosk(self) -> KioskService:
        from desk.services.kiosk import KioskService

        return KioskService(self.uow, clock=self.now)

    @cached_property
    def waitlist(self) -> WaitlistService:
        from desk.services.waitlist import WaitlistService

        return WaitlistService(self.uow, clock=self.now)

    @cached_property
    def alarms(self) -> AlarmService:
        from desk.services.waitlist import AlarmService

        return AlarmService(self.uow, clock=self.now)

    @cached_property
    def bookings(self) -> BookingService:
        from desk.services.bookings import BookingService

        return BookingService(self.uow, clock=self.now)

    @cached_property
    def appointments(self) -> AppointmentService:
        from desk.services.appointments import AppointmentService

        return AppointmentService(self.uow, clock=self.now)

    @cached_property
    def reports(self) -> ReportService:
        from desk.services.reports import ReportService

        return ReportService(self.uow, clock=self.now)

    @cached_property
    def accounts(self) -> AccountService:
        from desk.services.accounts import AccountService

        return AccountService(self.uow, clock=self.now)

    @cached_property
    def audit_log(self) -> AuditLogService:
        from desk.services.auditlog import AuditLogService

        return AuditLogService(self.uow, list_reads=self.list_reads)

    @cached_property
    def privacy(self) -> PrivacyService:
        from desk.services.privacy import PrivacyService

        return PrivacyService(self.uow, self.db, clock=self.now)

    @cached_property
    def reminders(self) -> ReminderService:
        from desk.services.reminders import ReminderService

        return ReminderService(self.uow, channel_config=self.extras.get("reminder_channels"), clock=self.now)

    @cached_property
    def backup(self) -> BackupService:
        from desk.services.backup import BackupService

        folder = None
        if not self.db.is_sqlite:  # PostgreSQL: only the machine configuration's folder
            from desk.services.config import load_config

            configured = load_config().get("backup.folder")
            folder = Path(configured) if configured else None
        return BackupService(self.uow, self.db, backup_dir=folder, clock=self.now)


def build_services(db: Database, *, clock: Clock | None = None) -> DeskServices:
    return DeskServices(db, clock=clock)
