"""audit log: redact the free text written before issue 15

Earlier versions wrote free text into the audit details: an appointment note's old and new text,
cancel reasons, booking titles, organisers and notes, absence reasons, user names typed at the
login screen. From this version on the services write only who did what to which record and
which fields changed (desk.domain.audit.scrub). This migration runs the same rule over the
entries already written: the text goes, the field's name stays in `fields`.

This is the one sanctioned change to the append-only log: the update guard (trigger) is lifted
for this transaction only, and the redaction is itself recorded as an `audit.redact` entry.
The pre-upgrade backup still holds the old text until it expires (docs/DATA-PROTECTION.md).

Revision ID: 0004_audit_redact
Revises: 0003_reminders
Create Date: 2026-12-03

"""
import json
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Union

import sqlalchemy as sa
from alembic import op

from desk.domain.audit import scrub

revision: str = "0004_audit_redact"
down_revision: Union[str, Sequence[str], None] = "0003_reminders"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

_events = sa.table(
    "audit_events",
    sa.column("id", sa.Integer), sa.column("at", sa.DateTime), sa.column("actor_id", sa.Integer),
    sa.column("actor_name", sa.String), sa.column("action", sa.String), sa.column("entity_type", sa.String),
    sa.column("entity_id", sa.Integer), sa.column("client_id", sa.Integer), sa.column("details", sa.Text),
    sa.column("workstation", sa.String),
)

_GUARD_SQLITE = ("CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events "
                 "BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END")


def redacted(details: str) -> str | None:
    """The details with free text removed; None when nothing changes."""
    try:
        data = json.loads(details or "{}")
    except ValueError:
        return json.dumps({"fields": ["details"]})  # not JSON: text of unknown kind
    if not isinstance(data, dict):
        return json.dumps({"fields": ["details"]})
    clean = scrub(data)
    if clean == data:
        return None
    return json.dumps(clean, ensure_ascii=False, sort_keys=True, default=str)


def upgrade() -> None:
    bind = op.get_bind()
    sqlite = bind.dialect.name == "sqlite"
    changes: list[tuple[int, str]] = []
    rows = bind.execute(sa.select(_events.c.id, _events.c.details).where(_events.c.details != "{}"))
    for row_id, details in rows:
        new = redacted(details)
        if new is not None:
            changes.append((row_id, new))
    if not changes:
        return  # nothing to redact (a new or a clean database): nothing to record either
    if sqlite:
        op.execute("DROP TRIGGER audit_events_no_update")
    else:
        op.execute("ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only")
    for start in range(0, len(changes), 500):
        bind.execute(
            _events.update().where(_events.c.id == sa.bindparam("row_id")).values(details=sa.bindparam("new")),
            [{"row_id": i, "new": d} for i, d in changes[start:start + 500]],
        )
    if sqlite:
        op.execute(_GUARD_SQLITE)
    else:
        op.execute("ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only")
    bind.execute(_events.insert().values(
        at=datetime.now(UTC).replace(tzinfo=None), actor_id=None, actor_name="desk (upgrade)",
        action="audit.redact", entity_type="audit", entity_id=None, client_id=None,
        details=json.dumps({"revision": revision, "rows_redacted": len(changes)}, sort_keys=True),
        workstation="",
    ))


def downgrade() -> None:
    pass  # the removed text is gone for good; the audit.redact entry stays (append-only)
