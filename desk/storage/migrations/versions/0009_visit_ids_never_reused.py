"""visit ids are never given out twice (SQLite AUTOINCREMENT)

SQLite gives a new row the highest id + 1: after an undone check-in or an undone hand-over (the
only deletions of visits) the next visit got the id of the one that was taken back. A counsellor's
list a second behind still showed the undone person under that id, and "Aufrufen" on that row
called whoever had the id now; the audit entries of one visit id named two people. AUTOINCREMENT
keeps the highest id ever given (sqlite_sequence), as clients have since 0002. PostgreSQL's
sequences never give a number twice: nothing changes there.

Revision ID: 0009_visit_ids_never_reused
Revises: 0008_request_keys
Create Date: 2026-12-05

"""
from collections.abc import Sequence
from typing import Union

from alembic import op

revision: str = "0009_visit_ids_never_reused"
down_revision: Union[str, Sequence[str], None] = "0008_request_keys"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    # the table is made again with AUTOINCREMENT; its indexes (the partial unique index that
    # allows one open visit per person among them) are made again as they were
    with op.batch_alter_table("visits", recreate="always", table_kwargs={"sqlite_autoincrement": True}):
        pass


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    with op.batch_alter_table("visits", recreate="always", table_kwargs={"sqlite_autoincrement": False}):
        pass
