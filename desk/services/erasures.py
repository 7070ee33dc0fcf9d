"""The ledger of erasures: client numbers only, kept outside the database and its backups.

A backup holds the people who were there when it was made. Restoring it would bring back everyone
erased since. So every erasure (on request or by the retention purge) first appends the client
numbers to a small text file beside the database — `desk-erasures.txt`, one line per number:
`<number> <UTC time of the erasure>`, no name, nothing else — and every start of desk (after a
restore: the first start; `desk-admin restore` opens the database the same way) erases again every
number of the ledger that is back in the database, before anyone can log in. That is recorded as
`erasure.reapply` in the audit log and shown on screen.

Where: beside the SQLite file. For PostgreSQL it lives with the server's dumps, in the backup
folder of the machine configuration (`[backup] folder` in desk.toml, the folder `desk-admin backup`
writes the dumps into), as `desk-erasures.txt`; `[erasure] ledger` in the machine file names another
path, and the environment variable DESK_ERASURE_LEDGER overrides both (for SQLite too). Every PC
and the server must name the same file (a share the PCs may write), so an erasure made at any PC
is re-applied when a dump is restored — by the restore drill's `desk-admin check` as well. Only
when none is configured does a PostgreSQL PC fall back to its own data directory.
The ledger is written before the erasure commits: an erasure that cannot be recorded is refused.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from desk.domain.errors import ValidationError
from desk.domain.topics import Topic
from desk.services.audit import record
from desk.services.context import Actor
from desk.storage.engine import Database
from desk.storage.maintenance import checkpoint
from desk.storage.uow import unit_of_work_factory

log = logging.getLogger(__name__)

LEDGER_VARIABLE = "DESK_ERASURE_LEDGER"
LEDGER_NAME = "desk-erasures.txt"


def ledger_path(db: Database) -> Path:
    configured = os.environ.get(LEDGER_VARIABLE, "").strip()
    if configured:
        return Path(configured).expanduser()
    from desk.services.config import load_config

    config = load_config()
    if config.get("erasure.ledger"):  # also one PC: a ledger on another disk (where its backups are
        return Path(config.get("erasure.ledger")).expanduser()  # copied) survives the PC's disk
    if db.sqlite_path is not None:
        return db.sqlite_path.parent / LEDGER_NAME
    if config.get("backup.folder"):  # with the server's dumps
        return Path(config.get("backup.folder")).expanduser() / LEDGER_NAME
    from desk.services.paths import data_dir

    return data_dir() / LEDGER_NAME


@dataclass(frozen=True)
class ErasureLedger:
    path: Path

    def add(self, client_ids: list[int], at: datetime) -> None:
        """Append the numbers (flushed to disk); refuses the erasure when it cannot."""
        if not client_ids:
            return
        stamp = at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with open(self.path, "a", encoding="ascii") as handle:
                handle.writelines(f"{int(i)} {stamp}\n" for i in client_ids)
                handle.flush()
                os.fsync(handle.fileno())
        except OSError as error:
            raise ValidationError("Nothing was erased: the ledger of erasures {path} cannot be written ({reason}).",
                                  path=str(self.path), reason=error.strerror or str(error)) from error

    def numbers(self) -> list[int]:
        try:
            lines = self.path.read_text(encoding="ascii").splitlines()
        except FileNotFoundError:
            return []
        found = set()
        for line in lines:
            first = line.split(" ", 1)[0]
            if first.isdigit():
                found.add(int(first))
        return sorted(found)


def reapply_erasures(db: Database, *, actor: Actor | None = None) -> list[int]:
    """Erase again every number of the ledger that is back in the database (after a restore).

    Runs at every start (bootstrap.prepare_database), before anyone can log in. Returns the
    numbers erased again (empty when there was nothing to do: the normal case)."""
    ledger = ErasureLedger(ledger_path(db))
    try:
        numbers = ledger.numbers()
    except OSError as error:  # a share that is away at 08:45 must not keep the desk from starting
        log.warning("The ledger of erasures %s cannot be read (%s): nobody could be erased again now; "
                    "the next start tries again", ledger.path, error.strerror or type(error).__name__)
        return []
    if not numbers:
        return []
    uow_factory = unit_of_work_factory(db)
    with uow_factory(write=True) as uow:
        back = uow.privacy.present(numbers)
        if not back:
            return []
        ids = sorted({i for number in back for i in uow.privacy.person_ids(number)})
        counts = uow.privacy.erase(ids)
        record(uow, actor or Actor.system("desk (start)"), "erasure.reapply", entity_type="client",
               details={"client_ids": back, "ledger_entries": len(numbers), **counts})
        uow.touch(Topic.CLIENTS, Topic.VISITS, Topic.APPOINTMENTS)
        uow.commit()
    checkpoint(db)
    return back
