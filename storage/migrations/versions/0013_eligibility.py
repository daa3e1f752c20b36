"""what eligibility for the asset needs: the organisation's variant, and the profile's data

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-01 23:10:00

Organisations already in the database have no variant until a coordinator chooses one; they are
read as Luga (appendix 3, 2.5) meanwhile. People have said nothing yet about their experience in
the speciality, the category's date, titles or grounds: their requirements show as unverified.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("organisations", schema=None) as batch_op:
        batch_op.add_column(sa.Column("eligibility_variant", sa.String(length=16), nullable=True))
        batch_op.add_column(sa.Column("eligibility_thresholds", sa.JSON(), nullable=True))
    with op.batch_alter_table("persons", schema=None) as batch_op:
        batch_op.add_column(sa.Column("speciality_years", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("category_awarded_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("titles", sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column("grounds", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("persons", schema=None) as batch_op:
        batch_op.drop_column("grounds")
        batch_op.drop_column("titles")
        batch_op.drop_column("category_awarded_on")
        batch_op.drop_column("speciality_years")
    with op.batch_alter_table("organisations", schema=None) as batch_op:
        batch_op.drop_column("eligibility_thresholds")
        batch_op.drop_column("eligibility_variant")
