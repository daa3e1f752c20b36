"""counted in the room

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01 19:20:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Existing attendance was never counted: a member marked present before this rule may
    # still sign a ballot, and closing then says which room count to record again.
    op.add_column(
        "attendance",
        sa.Column("counted", sa.Boolean(), server_default=sa.false(), nullable=False),
    )


def downgrade() -> None:
    with op.batch_alter_table("attendance") as batch:
        batch.drop_column("counted")
