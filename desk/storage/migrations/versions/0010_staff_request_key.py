"""staff request key: a new account saved again after a lost acknowledgement is that account

As 0008_request_keys for the head's new account: the account dialog makes one key when it opens
and sends it with every Save; the account stores it under a unique index, and a retry whose first
attempt was saved is answered with that account instead of "the user name is taken". Existing
accounts have none (NULL).

Revision ID: 0010_staff_request_key
Revises: 0009_visit_ids_never_reused
Create Date: 2026-12-05

"""
from collections.abc import Sequence
from typing import Union

import sqlalchemy as sa
from alembic import op

revision: str = "0010_staff_request_key"
down_revision: Union[str, Sequence[str], None] = "0009_visit_ids_never_reused"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    with op.batch_alter_table("staff") as batch:
        batch.add_column(sa.Column("request_key", sa.String(36), nullable=True))
    op.create_index("uq_staff_request_key", "staff", ["request_key"], unique=True)


def downgrade() -> None:
    op.drop_index("uq_staff_request_key", table_name="staff")
    with op.batch_alter_table("staff") as batch:
        batch.drop_column("request_key")
