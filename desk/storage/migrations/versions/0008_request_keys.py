"""request keys: an action tried again after a fault does not do the thing twice

A check-in, an appointment, a room booking or a client record carries the key of the attempt
that created it (made once per intention by the dialog, kept for its retries), under a unique
index: a retry whose first commit did succeed (the acknowledgement was lost with the connection)
is refused by the index or finds its row, and returns what the first attempt made instead of a
second ticket, a clash with itself or a duplicate person. Rows that exist already have none
(NULL: the unique indexes allow any number of them on both engines).

Revision ID: 0008_request_keys
Revises: 0007_one_time_passwords
Create Date: 2026-12-05

"""
from collections.abc import Sequence
from typing import Union

import sqlalchemy as sa
from alembic import op

revision: str = "0008_request_keys"
down_revision: Union[str, Sequence[str], None] = "0007_one_time_passwords"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

TABLES = ("visits", "appointments", "room_bookings", "clients")


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
