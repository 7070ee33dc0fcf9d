"""visit person marks: distinct clients stay exact after retention anonymises visits

When a visit loses its person (the retention purge, an erasure), the statement before the one
that cuts the link marks it if it was the last linked visit of its person in its calendar year
(Berlin), at its service (bit 1) and at the whole centre (bit 2); the yearly report counts each
marked visit as one person (docs/REPORTS.md). Visits still linked or never linked get 0. Visits
anonymised before this revision carry no marks: their person is unknown, so they get NULL, and
the report says how many there are instead of counting them.

Revision ID: 0012_visit_person_marks
Revises: 0011_absence_interpreter_keys
Create Date: 2026-12-06

"""
from collections.abc import Sequence
from typing import Union

import sqlalchemy as sa
from alembic import op

revision: str = "0012_visit_person_marks"
down_revision: Union[str, Sequence[str], None] = "0011_absence_interpreter_keys"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    with op.batch_alter_table("visits") as batch:
        batch.add_column(sa.Column("person_marks", sa.SmallInteger(), nullable=True, server_default="0"))
    op.execute("UPDATE visits SET person_marks = NULL WHERE anonymised")


def downgrade() -> None:
    with op.batch_alter_table("visits") as batch:
        batch.drop_column("person_marks")
