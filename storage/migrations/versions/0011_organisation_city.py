"""the organisation's city, which its протоколы name under their date (ГОСТ Р 7.0.97-2016)

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-01 20:20:00

Organisations already in the database have no city until a coordinator sets one; their
протоколы leave the place out meanwhile, as before.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("organisations", schema=None) as batch_op:
        batch_op.add_column(sa.Column("city", sa.String(length=100), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("organisations", schema=None) as batch_op:
        batch_op.drop_column("city")
