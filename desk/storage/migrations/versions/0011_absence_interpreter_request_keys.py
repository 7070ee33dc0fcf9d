"""absence and interpreter request keys: saved again after a lost acknowledgement, still one row

As 0008_request_keys for the two creates of Termine that had none: a counsellor's absence and an
interpreter of the directory. Their dialogs make one key when they open and send it with every
Save; the row stores it under a unique index, and a retry whose first attempt was saved (the
acknowledgement lost with the connection) is answered with that row instead of a second absence
or a second entry of the same interpreter. Existing rows have none (NULL).

Revision ID: 0011_absence_interpreter_keys
Revises: 0010_staff_request_key
Create Date: 2026-12-06

"""
from collections.abc import Sequence
from typing import Union

import sqlalchemy as sa
from alembic import op

revision: str = "0011_absence_interpreter_keys"
down_revision: Union[str, Sequence[str], None] = "0010_staff_request_key"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

TABLES = ("absences", "interpreters")


def upgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("request_key", sa.String(36), nullable=True))
        op.create_index(f"uq_{table}_request_key", table, ["request_key"], unique=True)


def downgrade() -> None:
    for table in TABLES:
        op.drop_index(f"uq_{table}_request_key", table_name=table)
        with op.batch_alter_table(table) as batch:
            batch.drop_column("request_key")
