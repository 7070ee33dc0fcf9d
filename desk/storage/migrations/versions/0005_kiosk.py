"""the self-service kiosk (issue 20): self-service visits, the slip's short code, code attempts

- `visits.self_service`: the person took the ticket at the kiosk (reception sees it marked).
- `appointments.kiosk_code`: the short code printed on the appointment slip; appointments still
  booked get one now, so slips printed from this version on carry it.
- `kiosk_attempts`: when and where a code was tried and whether it matched (the rate limit).
- `kiosk_languages`: languages (and sentences) the head added to the kiosk without code.

Revision ID: 0005_kiosk
Revises: 0004_audit_redact
Create Date: 2026-12-04

"""
from collections.abc import Sequence
from typing import Union

import sqlalchemy as sa
from alembic import op

from desk.domain.kiosk import new_code

revision: str = "0005_kiosk"
down_revision: Union[str, Sequence[str], None] = "0004_audit_redact"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    with op.batch_alter_table("visits") as batch:
        batch.add_column(sa.Column("self_service", sa.Boolean(), server_default=sa.false(), nullable=False))
    with op.batch_alter_table("appointments") as batch:
        batch.add_column(sa.Column("kiosk_code", sa.String(12), nullable=True))
        batch.create_index(op.f("ix_appointments_kiosk_code"), ["kiosk_code"])
    op.create_table(
        "kiosk_attempts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("workstation", sa.String(100), nullable=False),
        sa.Column("attempted_at", sa.DateTime(), nullable=False),
        sa.Column("succeeded", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_kiosk_attempts")),
    )
    op.create_index(op.f("ix_kiosk_attempts_attempted_at"), "kiosk_attempts", ["attempted_at"])
    op.create_table(
        "kiosk_languages",
        sa.Column("code", sa.String(16), nullable=False),
        sa.Column("phrases", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_kiosk_languages")),
    )
    connection = op.get_bind()
    appointments = sa.table("appointments", sa.column("id", sa.Integer), sa.column("status", sa.String),
                            sa.column("kiosk_code", sa.String))
    ids = connection.execute(sa.select(appointments.c.id).where(appointments.c.status == "booked")).scalars().all()
    for appointment_id in ids:
        connection.execute(appointments.update().where(appointments.c.id == appointment_id)
                           .values(kiosk_code=new_code()))


def downgrade() -> None:
    op.drop_table("kiosk_languages")
    op.drop_index(op.f("ix_kiosk_attempts_attempted_at"), table_name="kiosk_attempts")
    op.drop_table("kiosk_attempts")
    with op.batch_alter_table("appointments") as batch:
        batch.drop_index(op.f("ix_appointments_kiosk_code"))
        batch.drop_column("kiosk_code")
    with op.batch_alter_table("visits") as batch:
        batch.drop_column("self_service")
