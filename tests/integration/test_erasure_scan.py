"""One scan of everything (issue 15): after a person is erased and the backups made before have
expired, no file desk wrote — the database, its -wal and -shm, every backup, every report export,
another client's data export, the ledger, the settings and log files — holds their name (Latin,
Arabic, Cyrillic and Ge'ez script; UTF-8, UTF-16, inside PDFs and XLSX), nor the reception note,
appointment notes or cancel reason that belonged to them. Fixed clocks, SQLite (the file format
the scan reads); the PostgreSQL half is in test_erasure_postgres.py."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from erasure_scan import scan

from desk.domain.appointments import WorkingHourRow, local_moment
from desk.domain.model import Role
from desk.domain.reports import Period
from desk.services.appointments import AppointmentChange, AppointmentRequest
from desk.services.backup import BackupService
from desk.services.bootstrap import prepare_database
from desk.services.checkin import CheckInRequest
from desk.services.clients import ClientInput
from desk.services.desk import build_services
from desk.services.report_exports import export_csv, export_xlsx
from desk.storage.engine import sqlite_url

DAY0 = datetime(2031, 3, 3, 8, 0, tzinfo=UTC)  # a Monday, 09:00 in Balingen
GIVEN = "Zaynabqx ዘይነብ"  # Latin and Ge'ez
FAMILY = "Жаровскийqx الحسينيقس"  # Cyrillic and Arabic
SECRETS = ["Zaynabqx", "ዘይነብ", "Жаровскийqx", "الحسينيقس", "Geheimnotizqx", "Mietschuldenqx", "Fiebertagqx",
           "0151 99887766"]


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def test_after_erasure_and_expiry_no_file_holds_any_trace(tmp_path: Path, head) -> None:
    from desk.services.paths import data_dir

    home = data_dir().parent.parent  # this test's own XDG data and config folders (conftest)
    path = tmp_path / "data" / "desk.sqlite"
    path.parent.mkdir()
    services = build_services(prepare_database(sqlite_url(path), backup_dir=tmp_path / "data" / "backups"))
    clock = Clock(DAY0)
    backups = BackupService(services.uow, services.db, backup_dir=tmp_path / "data" / "backups", clock=clock)
    services.privacy._clock = clock
    try:
        with services.uow(write=True) as uow:
            staff_id = uow.reference.add_staff(username="mueller", display_name="Frau Müller",
                                               role=Role.COUNSELLOR, password_hash=None)
            uow.commit()
        services.appointments.set_working_hours(head, staff_id,
                                                [WorkingHourRow(d, time(9), time(16)) for d in range(5)])
        person = services.clients.create(head, ClientInput(given_name=GIVEN, family_name=FAMILY,
                                                           phone="0151 99887766", language="ar",
                                                           reception_note="Geheimnotizqx"))
        other = services.clients.create(head, ClientInput(given_name="Bleibt", family_name="Da"))
        service_id = services.reference.services(head)[0].id
        room_id = next(r.id for r in services.reference.rooms(head) if r.kind.value == "office")
        visit = services.checkin.check_in(head, CheckInRequest(service_id=service_id, client_id=person.id),
                                          now=DAY0)
        services.waitlist.call(head, visit.id, room_id=room_id, now=DAY0 + timedelta(minutes=5))
        services.waitlist.done(head, visit.id, now=DAY0 + timedelta(minutes=30))
        start = local_moment(date(2031, 3, 10), time(10))
        booked = services.appointments.book(head, AppointmentRequest(
            client_id=person.id, service_id=service_id, staff_id=staff_id, starts_at=start,
            ends_at=start + timedelta(minutes=45), note="Mietschuldenqx"), now=DAY0)
        edited = services.appointments.change(head, booked.id, booked.version, AppointmentChange(
            starts_at=start, ends_at=start + timedelta(minutes=45), staff_id=staff_id,
            note="Mietschuldenqx Zaynabqx"), now=DAY0)
        services.appointments.cancel(head, edited.id, edited.version, "Fiebertagqx")
        # copies of that day: backups of every kind desk makes, reports, another person's export
        backups.backup_now(head)
        backups.run_daily_backup(head)
        report = services.reports.report(head, Period.month(2031, 3), now=DAY0)
        (tmp_path / "reports").mkdir()
        export_csv(report, tmp_path / "reports" / "maerz.csv")
        export_xlsx(report, tmp_path / "reports" / "maerz.xlsx")
        services.privacy.write_client_export(head, other.id, tmp_path / "exports")
        own = tmp_path / "handed-over"  # the person's own export: handed to them, deleted by staff
        services.privacy.write_client_export(head, person.id, own)
        assert scan([tmp_path / "data", own], SECRETS[:4])  # the scan does find a name that is there

        clock.now = DAY0 + timedelta(days=1)
        services.waitlist.close_day(head, now=clock.now)
        services.privacy.erase_client(head, person.id)
        for day in range(2, 37):  # past the 35 days every backup kind lives at most
            clock.now = DAY0 + timedelta(days=day)
            backups.run_daily_backup(head)
    finally:
        services.close()
    folders = [tmp_path, home]
    hits = scan(folders, SECRETS, skip=(own,))
    assert hits == []
    assert (tmp_path / "data" / "desk-erasures.txt").exists()  # the ledger is among the scanned files
    assert list((tmp_path / "reports").iterdir()) and list((tmp_path / "exports").iterdir())
