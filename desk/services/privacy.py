"""Data protection: access requests (export), erasure, and the retention purge.

- `export_client` gathers every row about one person from every table that references a client
  (found from the schema, so tables added later are included) and writes JSON plus a readable PDF.
- `erase_client` removes the person everywhere; visits and appointments stay for the statistics,
  without any link to the person (client_id NULL, anonymised, free text blanked).
- `purge` applies the retention settings (setting `retention_months`, desk.domain.settings); `run_daily_purge`
  does it at most once per day. On SQLite `secure_delete` is on and the WAL is checkpointed
  afterwards, so erased names do not linger in the database files.
All of it needs the head of department (Leitung) and leaves an audit entry.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from dateutil.relativedelta import relativedelta

from desk.domain.errors import ConflictError, NotFoundError, ValidationError
from desk.domain.permissions import Permission
from desk.domain.settings import AUDIT_MIN_RETENTION_MONTHS, BusinessSettings
from desk.domain.tickets import BERLIN, format_client_number
from desk.domain.topics import Topic
from desk.services.accounts import ensure_current
from desk.services.audit import record
from desk.services.clock import system_clock
from desk.services.context import Actor
from desk.services.erasures import ErasureLedger, ledger_path
from desk.services.gate import requires
from desk.services.report_tables import fmt_day
from desk.storage.engine import Database
from desk.storage.files import private_file
from desk.storage.maintenance import CHECKPOINT_WITHIN_SECONDS, checkpoint, compact
from desk.storage.repositories.privacy import erasure_tables
from desk.storage.uow import UnitOfWorkFactory

LAST_PURGE_KEY = "privacy.last_purge_day"


@dataclass(frozen=True)
class ClientExport:
    client_id: int
    generated_at: datetime
    generated_by: str
    tables: dict[str, list[dict[str, Any]]]

    def as_json(self) -> str:
        return json.dumps(
            {"client_id": self.client_id, "generated_at": self.generated_at.isoformat(),
             "generated_by": self.generated_by, "tables": self.tables},
            ensure_ascii=False, indent=2, sort_keys=True,
        )


@dataclass(frozen=True)
class PurgeReport:
    visits_anonymised: int = 0
    appointments_anonymised: int = 0
    clients_deleted: int = 0
    bookings_deleted: int = 0
    audit_events_deleted: int = 0
    cutoffs: dict[str, str] = field(default_factory=dict)

    def lines(self) -> list[str]:
        return [
            f"visits anonymised:       {self.visits_anonymised}",
            f"appointments anonymised: {self.appointments_anonymised}",
            f"inactive clients erased: {self.clients_deleted}",
            f"room bookings deleted:   {self.bookings_deleted}",
            f"audit entries deleted:   {self.audit_events_deleted}",
        ]


def retention_months(settings: BusinessSettings) -> dict[str, int]:
    """Months per kind of record. A stored retention that breaks its rules stops the purge: deleting
    by the defaults instead could delete what the head meant to keep."""
    if "retention_months" in settings.replaced:
        raise ValidationError("The stored retention setting is not valid; set the retention again in "
                              "Verwaltung before records are deleted.")
    result = settings.retention_months.months()
    result["audit_log"] = max(result["audit_log"], AUDIT_MIN_RETENTION_MONTHS)
    return result


class PrivacyService:
    def __init__(self, uow: UnitOfWorkFactory, db: Database | None = None, *, clock=None,
                 ledger: ErasureLedger | None = None) -> None:
        self._uow = uow
        self._db = db
        self._ledger = ledger if ledger is not None or db is None else ErasureLedger(ledger_path(db))
        self._clock = clock or system_clock
        self.checkpoint_within = CHECKPOINT_WITHIN_SECONDS  # seconds an erasure waits for readers

    # -- access request ----------------------------------------------------------------------

    @requires(Permission.CLIENT_EXPORT)
    def export_client(self, actor: Actor, client_id: int) -> ClientExport:
        """Everything stored about the person (and records merged into it); audited."""
        now = self._clock()
        with self._uow(write=True) as uow:
            ensure_current(uow, actor, Permission.CLIENT_EXPORT)
            _check_live(uow, client_id)
            tables = uow.privacy.export(client_id)
            record(uow, actor, "client.export", entity_type="client", entity_id=client_id, client_id=client_id,
                   details={"tables": sorted(tables), "rows": sum(len(v) for v in tables.values())})
            uow.commit()
        return ClientExport(client_id=client_id, generated_at=now, generated_by=actor.name, tables=tables)

    @requires(Permission.CLIENT_EXPORT)
    def write_client_export(self, actor: Actor, client_id: int, folder: Path) -> tuple[Path, Path]:
        """Export into `folder` as client-<id>-<date>.json and .pdf; returns both paths."""
        export = self.export_client(actor, client_id)
        folder = Path(folder)
        stamp = export.generated_at.astimezone(BERLIN).strftime("%Y%m%d-%H%M")
        json_path = folder / f"client-{client_id}-{stamp}.json"
        pdf_path = folder / f"client-{client_id}-{stamp}.pdf"
        try:
            folder.mkdir(parents=True, exist_ok=True)
            json_path.touch(mode=0o600)
            private_file(json_path)  # owner only before the first byte
            json_path.write_text(export.as_json(), encoding="utf-8")
            write_export_pdf(export, pdf_path)
            private_file(pdf_path)
        except OSError as error:
            for path in (json_path, pdf_path):
                path.unlink(missing_ok=True)
            raise ValidationError("The export could not be written to {path} ({reason}).",
                                  path=str(folder), reason=error.strerror or str(error)) from error
        return json_path, pdf_path

    # -- erasure -----------------------------------------------------------------------------

    @requires(Permission.CLIENT_ERASE)
    def erase_client(self, actor: Actor, client_id: int) -> dict[str, int]:
        """Remove the person everywhere (keeping anonymous statistics); audited by number only.

        Returns the counts of what was removed, and `wal_clean`: 1 when the SQLite write-ahead log
        was emptied afterwards, 0 when other readers kept it busy for `checkpoint_within` seconds."""
        with self._uow(write=True) as uow:
            ensure_current(uow, actor, Permission.CLIENT_ERASE)
            _check_live(uow, client_id)
            ids = uow.privacy.person_ids(client_id)
            if uow.privacy.has_open_visit(ids):
                raise ConflictError("Client {id} is checked in right now; finish the visit first.", id=client_id)
            cancelled = uow.privacy.cancel_future_appointments(ids, self._clock())
            counts = uow.privacy.erase(ids)
            if cancelled:
                counts["appointments cancelled"] = cancelled
            self._to_ledger(ids)  # before the commit: an erasure that cannot be recorded is refused
            record(uow, actor, "client.erase", entity_type="client", entity_id=client_id, client_id=client_id,
                   details={"records": ids, **counts})
            uow.touch(Topic.CLIENTS, Topic.VISITS, Topic.APPOINTMENTS)
            uow.commit()
        counts["wal_clean"] = int(self._checkpoint(actor, [client_id]))
        return counts

    # -- retention ---------------------------------------------------------------------------

    @requires(Permission.RETENTION_PURGE)
    def purge(self, actor: Actor, *, now: datetime | None = None) -> PurgeReport:
        now = now or self._clock()
        with self._uow() as uow:
            months = retention_months(uow.settings.business())
        cut = {kind: now - relativedelta(months=m) for kind, m in months.items()}
        with self._uow(write=True) as uow:
            ensure_current(uow, actor, Permission.RETENTION_PURGE)
            visits = uow.privacy.anonymise_visits_before(cut["visits"], now=now)
            appointments = uow.privacy.anonymise_appointments_before(cut["appointments"])
            reminder_log = uow.reminders.delete_log_before(cut["appointments"])  # docs/REMINDERS.md
            inactive = uow.privacy.inactive_client_ids(cut["inactive_clients"], now)
            if inactive:
                # with the records merged into them: erasing the live card alone turned a merged
                # duplicate back into a live card of the person (its pointer cleared)
                inactive = uow.privacy.with_merged(inactive)
                uow.privacy.erase(inactive)
                self._to_ledger(inactive)
            bookings = uow.privacy.delete_bookings_before(cut["bookings"])
            audit = uow.privacy.purge_audit_before(cut["audit_log"])
            report = PurgeReport(
                visits_anonymised=visits, appointments_anonymised=appointments, clients_deleted=len(inactive),
                bookings_deleted=bookings, audit_events_deleted=audit,
                cutoffs={k: v.date().isoformat() for k, v in cut.items()},
            )
            uow.settings.set(LAST_PURGE_KEY, now.astimezone(BERLIN).date().isoformat())
            record(uow, actor, "retention.purge", entity_type="retention",
                   details={"visits_anonymised": visits, "appointments_anonymised": appointments,
                            "clients_erased": len(inactive), "erased_client_numbers": inactive[:5000],
                            "bookings_deleted": bookings, "reminder_log_deleted": reminder_log,
                            "audit_events_deleted": audit, "cutoffs": report.cutoffs})
            uow.touch(Topic.CLIENTS, Topic.VISITS, Topic.APPOINTMENTS, Topic.BOOKINGS)
            uow.commit()
        self._checkpoint(actor, inactive)
        return report

    @requires(Permission.RETENTION_PURGE)
    def compact(self, actor: Actor) -> list[str]:
        """After erasures: rewrite the tables so no freed space still holds erased data
        (SQLite VACUUM; PostgreSQL VACUUM FULL of the affected tables and CHECKPOINT). Slow on a
        big database and locks the tables while it runs: `desk-admin purge --compact`."""
        if self._db is None:
            return []
        with self._uow() as uow:
            ensure_current(uow, actor, Permission.RETENTION_PURGE)
        done = compact(self._db, erasure_tables())
        with self._uow(write=True) as uow:
            record(uow, actor, "retention.compact", entity_type="retention", details={"steps": len(done)})
            uow.commit()
        return done

    @requires(Permission.RETENTION_PURGE)
    def run_daily_purge(self, actor: Actor, *, now: datetime | None = None) -> PurgeReport | None:
        """The purge, unless it already ran today (any workstation). Called at start and hourly."""
        now = now or self._clock()
        today = now.astimezone(BERLIN).date().isoformat()
        with self._uow() as uow:
            if uow.settings.get(LAST_PURGE_KEY) == today:
                return None
        return self.purge(actor, now=now)

    def _to_ledger(self, client_ids: list[int]) -> None:
        if self._ledger is not None:
            self._ledger.add(client_ids, self._clock())

    def _checkpoint(self, actor: Actor, client_ids: list[int]) -> bool:
        """Empty the SQLite WAL after an erasure (retrying while other PCs read); when that could
        not be done, say so in the audit log (the caller tells the person)."""
        if self._db is None or checkpoint(self._db, within=self.checkpoint_within):
            return True
        with self._uow(write=True) as uow:
            record(uow, actor, "privacy.wal_not_clean", entity_type="client",
                   details={"client_ids": client_ids[:5000]})
            uow.commit()
        return False


def _check_live(uow, client_id: int) -> None:
    """The number must be the person's live record. An old number of a record merged into another
    (from an old slip) names that one: erasing or exporting the stub alone would leave the person's
    data in the live record while saying 'erased' (NotFoundError, the card's own message)."""
    if not uow.privacy.exists(client_id):
        raise NotFoundError("Client {id} does not exist (any more).", id=client_id)
    target = uow.reception.merged_into(client_id)
    if target is not None:
        raise NotFoundError("Client {id} was merged into client {target}.",
                            id=format_client_number(client_id), target=format_client_number(target))


# -- the readable PDF -------------------------------------------------------------------------

_LABELS = {
    "clients": "Personal data (reception card)",
    "visits": "Visits",
    "appointments": "Appointments",
    "audit_events": "Who accessed or changed the data (audit log)",
}


#: Internal columns left out of the readable PDF (they are in the JSON file).
_PDF_SKIP = frozenset({"search_key", "phone_digits", "version"})


#: The readable listing is English (its labels, its sentences); its days are written as the English
#: window writes them (24/12/2026), not German inside English sentences.
DOCUMENT_LANGUAGE = "en"


def _moment_text(moment: datetime) -> str:
    """`24/12/2026 09:30`: the day as the document's language writes it, the centre's time."""
    local = moment.astimezone(BERLIN)
    return f"{fmt_day(local.date(), DOCUMENT_LANGUAGE)} {local:%H:%M}"


def _readable(value: Any) -> str:
    """ISO times as the centre's local time and ISO days (a date of birth), both as the document's
    language writes them; everything else as it is."""
    if isinstance(value, str) and len(value) >= 19 and value[4] == "-" and value[10] == "T":
        try:
            moment = datetime.fromisoformat(value)
        except ValueError:
            return value
        if moment.tzinfo is not None:
            return _moment_text(moment)
    if isinstance(value, str) and len(value) == 10 and value[4] == value[7] == "-":
        try:
            return fmt_day(date.fromisoformat(value), DOCUMENT_LANGUAGE)
        except ValueError:
            return value
    return str(value)


def export_document(export: ClientExport) -> dict[str, Any]:
    """The readable listing as plain text pieces (title, introduction, sections of rows of lines);
    Qt draws it (desk/ui/pdf_child.py), so names in any script come out shaped and embedded."""
    sections = []
    for table, rows in export.tables.items():
        lines = [[f"{key}: {_readable(value)}" for key, value in row.items()
                  if not ((value in (None, "", False) and key != "id") or key in _PDF_SKIP)] for row in rows]
        sections.append({"heading": f"{_LABELS.get(table, table)} ({len(rows)})", "rows": lines})
    return {
        "title": f"Data stored about client {format_client_number(export.client_id)}",
        "intro": (f"Created {_moment_text(export.generated_at)} by {export.generated_by}. "
                  "Answer to a request for access (Art. 15 GDPR / § 19 DSG-EKD). "
                  "The JSON file beside this one holds the same data, complete and exact."),
        "sections": sections,
    }


def write_export_pdf(export: ClientExport, path: Path) -> Path:
    """A plain, readable listing of the export (the JSON file is the complete, exact one)."""
    from desk.services.programs import render_pdf

    return render_pdf("client-export", export_document(export), path, DOCUMENT_LANGUAGE)
