"""The services of one process, built once over one database (the composition root calls this)."""

from __future__ import annotations

from dataclasses import dataclass, field

from desk.services.accounts import AccountService
from desk.services.appointments import AppointmentService
from desk.services.auditlog import AuditLogService
from desk.services.backup import BackupService
from desk.services.bookings import BookingService
from desk.services.checkin import CheckInService
from desk.services.clients import ClientService
from desk.services.privacy import PrivacyService
from desk.services.reference import ReferenceService
from desk.services.reports import ReportService
from desk.services.waitlist import AlarmService, WaitlistService
from desk.storage.engine import Database
from desk.storage.uow import UnitOfWorkFactory, unit_of_work_factory


@dataclass
class DeskServices:
    db: Database
    uow: UnitOfWorkFactory
    reference: ReferenceService
    clients: ClientService
    checkin: CheckInService
    reports: ReportService
    appointments: AppointmentService
    waitlist: WaitlistService = None  # type: ignore[assignment]  # set by build_services
    alarms: AlarmService = None  # type: ignore[assignment]
    bookings: BookingService = None  # type: ignore[assignment]  # set by build_services
    accounts: AccountService = None  # type: ignore[assignment]  # set by build_services
    audit_log: AuditLogService = None  # type: ignore[assignment]
    privacy: PrivacyService = None  # type: ignore[assignment]
    backup: BackupService = None  # type: ignore[assignment]
    extras: dict[str, object] = field(default_factory=dict)

    @property
    def database_name(self) -> str:
        return self.db.display_name

    def close(self) -> None:
        self.db.dispose()


def build_services(db: Database) -> DeskServices:
    uow = unit_of_work_factory(db)
    return DeskServices(
        db=db,
        uow=uow,
        reference=ReferenceService(uow),
        clients=ClientService(uow),
        checkin=CheckInService(uow),
        reports=ReportService(uow),
        bookings=BookingService(uow),
        appointments=AppointmentService(uow),
        waitlist=WaitlistService(uow),
        alarms=AlarmService(uow),
        accounts=AccountService(uow),
        audit_log=AuditLogService(uow),
        privacy=PrivacyService(uow, db),
        backup=BackupService(uow, db),
    )
