"""change log: the topics of each commit, so the SQLite change probe names them (issue 17)

Before, SQLite's probe could only say "something changed" (PRAGMA data_version), and every
commit reloaded every open view on every workstation. Each commit now writes its topics with
its change counter value; the probe reads them (PostgreSQL sends them with NOTIFY as well).

Revision ID: 0006_change_log
Revises: 0005_kiosk
Create Date: 2026-12-04

"""
from collections.abc import Sequence
from typing import Union

import sqlalchemy as sa
from alembic import op

revision: str = "0006_change_log"
down_revision: Union[str, Sequence[str], None] = "0005_kiosk"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table(
        "change_log",
        sa.Column("value", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("topics", sa.String(200), nullable=False),
        sa.PrimaryKeyConstraint("value", name=op.f("pk_change_log")),
    )


def downgrade() -> None:
    op.drop_table("change_log")
