"""one-time passwords: a password the head of department set is valid for one login only

`staff.password_one_time`: the password was set by someone else (a new account, a reset in
Verwaltung or by desk-admin, a head's recovery); at the next login the person must choose their
own before any view opens. Accounts that exist already keep their passwords as they are (false):
nobody can tell now who chose them.

Revision ID: 0007_one_time_passwords
Revises: 0006_change_log
Create Date: 2026-12-05

"""
from collections.abc import Sequence
from typing import Union

import sqlalchemy as sa
from alembic import op

revision: str = "0007_one_time_passwords"
down_revision: Union[str, Sequence[str], None] = "0006_change_log"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    with op.batch_alter_table("staff") as batch:
        batch.add_column(sa.Column("password_one_time", sa.Boolean(), server_default=sa.false(), nullable=False))


def downgrade() -> None:
    with op.batch_alter_table("staff") as batch:
        batch.drop_column("password_one_time")
