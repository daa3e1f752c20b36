"""appointed coordinators and operator alerts

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-01 19:10:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import storage.db

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "appointed_coordinators",
        sa.Column("telegram_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("created_at", storage.db.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("telegram_id", name=op.f("pk_appointed_coordinators")),
    )
    op.create_table(
        "operator_alerts",
        sa.Column("key", sa.String(length=120), nullable=False),
        sa.Column("told_at", storage.db.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_operator_alerts")),
    )


def downgrade() -> None:
    op.drop_table("operator_alerts")
    op.drop_table("appointed_coordinators")
