"""two indexes that cost every check-in pages and answered no query

A check-in wrote 23-24 database pages on SQLite (each one a WAL frame the commit writes and
syncs); two of them bought nothing (issue 21, docs/PERFORMANCE.md "Session 31"):
- `ix_clients_last_contact_at`: the retention purge asks `coalesce(last_contact_at, created_at)
  < cutoff`, which no index on the column can answer (it scans the clients; nothing else reads
  the column by range), yet every check-in moved the client's entry in it (2 pages on SQLite;
  on PostgreSQL it kept the clients' UPDATE from being a HOT update, so every index of the
  table got a new entry).
- `ix_visits_appointment_id` held every visit, most of them without an appointment (NULL): it
  now holds the visits of an appointment only. Every lookup by appointment (`appointment_id =
  ?`, the foreign key's check when an appointment goes) implies the condition on both engines.

Revision ID: 0013_checkin_pages
Revises: 0012_visit_person_marks
Create Date: 2026-12-06

"""
from collections.abc import Sequence
from typing import Union

import sqlalchemy as sa
from alembic import op

revision: str = "0013_checkin_pages"
down_revision: Union[str, Sequence[str], None] = "0012_visit_person_marks"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.drop_index("ix_clients_last_contact_at", table_name="clients")
    op.drop_index("ix_visits_appointment_id", table_name="visits")
    op.create_index("ix_visits_appointment_id", "visits", ["appointment_id"],
                    sqlite_where=sa.text("appointment_id IS NOT NULL"),
                    postgresql_where=sa.text("appointment_id IS NOT NULL"))


def downgrade() -> None:
    op.drop_index("ix_visits_appointment_id", table_name="visits")
    op.create_index("ix_visits_appointment_id", "visits", ["appointment_id"])
    op.create_index("ix_clients_last_contact_at", "clients", ["last_contact_at"])
