"""appointment reminders: consent and contact per client, the sending log (issue 19)

Revision ID: 0003_reminders
Revises: 0002
Create Date: 2026-12-03

"""
from collections.abc import Sequence
from typing import Union

import sqlalchemy as sa
from alembic import op

revision: str = "0003_reminders"
down_revision: Union[str, Sequence[str], None] = "0002"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table(
        "reminder_contacts",
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("sms_number", sa.String(20), nullable=False),
        sa.Column("email", sa.String(254), nullable=False),
        sa.Column("sms_consent_on", sa.Date(), nullable=True),
        sa.Column("email_consent_on", sa.Date(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["client_id"], ["clients.id"], ondelete="CASCADE",
                                name=op.f("fk_reminder_contacts_client_id_clients")),
        sa.PrimaryKeyConstraint("client_id", name=op.f("pk_reminder_contacts")),
    )
    op.create_table(
        "reminder_sendings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("appointment_id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("channel", sa.String(10), nullable=False),
        sa.Column("slot", sa.String(20), nullable=False),
        sa.Column("starts_at", sa.DateTime(), nullable=False),
        sa.Column("due_at", sa.DateTime(), nullable=False),
        sa.Column("send_until", sa.DateTime(), nullable=False),
        sa.Column("status", sa.String(12), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", sa.DateTime(), nullable=True),
        sa.Column("claimed_by", sa.String(100), nullable=False),
        sa.Column("claimed_at", sa.DateTime(), nullable=True),
        sa.Column("sent_at", sa.DateTime(), nullable=True),
        sa.Column("provider_id", sa.String(100), nullable=False),
        sa.Column("error", sa.String(300), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["appointment_id"], ["appointments.id"], ondelete="CASCADE",
                                name=op.f("fk_reminder_sendings_appointment_id_appointments")),
        sa.ForeignKeyConstraint(["client_id"], ["clients.id"], ondelete="CASCADE",
                                name=op.f("fk_reminder_sendings_client_id_clients")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reminder_sendings")),
        sa.UniqueConstraint("appointment_id", "channel", "slot", "starts_at", name="uq_reminder_sendings_once"),
    )
    op.create_index("ix_reminder_sendings_status_next", "reminder_sendings", ["status", "next_attempt_at"])
    op.create_index(op.f("ix_reminder_sendings_appointment_id"), "reminder_sendings", ["appointment_id"])
    op.create_index(op.f("ix_reminder_sendings_client_id"), "reminder_sendings", ["client_id"])


def downgrade() -> None:
    op.drop_table("reminder_sendings")
    op.drop_table("reminder_contacts")
