"""feature additions after the first schema

Schema changes made while the features of the first release were built. Each change is in a
section of its own, named after the feature.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25

"""
from collections.abc import Sequence
from typing import Union

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: Union[str, Sequence[str], None] = "0001"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    # --- clients: merge keeps a pointer from the absorbed record (reception) ---
    # --- clients: ids are never reused after an erasure (SQLite AUTOINCREMENT; the audit log
    #     keeps client numbers, which must not come to point at a new person) ---
    sqlite = op.get_bind().dialect.name == "sqlite"
    with op.batch_alter_table("clients", recreate="always" if sqlite else "auto",
                              table_kwargs={"sqlite_autoincrement": True}) as batch:
        batch.add_column(sa.Column("merged_into_id", sa.Integer(), nullable=True))

    # --- waitlist: caller's name and optimistic version on visits ---
    with op.batch_alter_table("visits") as batch:
        batch.add_column(sa.Column("called_by_name", sa.String(200), nullable=False, server_default=""))
        batch.add_column(sa.Column("version", sa.Integer(), nullable=False, server_default="1"))

    # --- audit retention: purge permit (the only path that can delete old audit rows) ---
    _audit_retention_upgrade()

    # --- reports: the few hand-over visits of a period, without scanning the period ---
    op.create_index("ix_visits_handover_arrived", "visits", ["arrived_at"],
                    sqlite_where=sa.text("handed_over_from_id IS NOT NULL"),
                    postgresql_where=sa.text("handed_over_from_id IS NOT NULL"))


def downgrade() -> None:
    # --- reports ---
    op.drop_index("ix_visits_handover_arrived", table_name="visits")

    # --- audit retention ---
    _audit_retention_downgrade()

    # --- waitlist ---
    with op.batch_alter_table("visits") as batch:
        batch.drop_column("version")
        batch.drop_column("called_by_name")

    with op.batch_alter_table("clients") as batch:
        batch.drop_column("merged_into_id")


# --- audit retention: helpers ---------------------------------------------------------------
# audit_events stays append-only. The one exception: a row older than the cutoff in
# audit_purge_permit may be deleted (the retention purge). The cutoff itself can never be set
# younger than six months before now (trigger on the permit table), so recent rows are safe.


def _audit_retention_upgrade() -> None:
    op.create_table(
        "audit_purge_permit",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("cutoff", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_purge_permit")),
    )
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TRIGGER audit_events_no_delete")
        op.execute(
            "CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events "
            "WHEN OLD.at >= coalesce((SELECT max(cutoff) FROM audit_purge_permit), '0000') "
            "BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END"
        )
        for verb in ("INSERT", "UPDATE"):
            op.execute(
                f"CREATE TRIGGER audit_purge_permit_floor_{verb.lower()} BEFORE {verb} ON audit_purge_permit "
                "WHEN NEW.cutoff > strftime('%Y-%m-%d %H:%M:%f', 'now', '-6 months') "
                "BEGIN SELECT RAISE(ABORT, 'audit rows younger than six months cannot be purged'); END"
            )
    else:
        op.execute(
            """
            CREATE OR REPLACE FUNCTION audit_events_append_only() RETURNS trigger AS $$
            BEGIN
                IF TG_OP = 'DELETE' AND OLD.at < (SELECT max(cutoff) FROM audit_purge_permit) THEN
                    RETURN OLD;
                END IF;
                RAISE EXCEPTION 'audit log is append-only';
            END;
            $$ LANGUAGE plpgsql
            """
        )
        op.execute(
            """
            CREATE FUNCTION audit_purge_permit_floor() RETURNS trigger AS $$
            BEGIN
                IF NEW.cutoff > (now() AT TIME ZONE 'UTC') - interval '6 months' THEN
                    RAISE EXCEPTION 'audit rows younger than six months cannot be purged';
                END IF;
                RETURN NEW;
            END;
            $$ LANGUAGE plpgsql
            """
        )
        op.execute(
            "CREATE TRIGGER audit_purge_permit_floor BEFORE INSERT OR UPDATE ON audit_purge_permit "
            "FOR EACH ROW EXECUTE FUNCTION audit_purge_permit_floor()"
        )


def _audit_retention_downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TRIGGER audit_events_no_delete")
        op.execute(
            "CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events "
            "BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END"
        )
        op.drop_table("audit_purge_permit")  # its triggers go with it
    else:
        op.execute(
            """
            CREATE OR REPLACE FUNCTION audit_events_append_only() RETURNS trigger AS $$
            BEGIN
                RAISE EXCEPTION 'audit log is append-only';
            END;
            $$ LANGUAGE plpgsql
            """
        )
        op.drop_table("audit_purge_permit")
        op.execute("DROP FUNCTION IF EXISTS audit_purge_permit_floor()")
