"""the Telegram message a delivery became, so that a closed ballot can lose its buttons

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-01 22:10:00

Deliveries sent before this have no message id: their ballots cannot be found again and keep
their buttons (a press on one still redraws it as closed, as before).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("deliveries", schema=None) as batch_op:
        batch_op.add_column(sa.Column("message_id", sa.BigInteger(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("deliveries", schema=None) as batch_op:
        batch_op.drop_column("message_id")
