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
    # A notice of a person (their category lapsing), beside those of meetings and consultations.
    with op.batch_alter_table("notices", schema=None) as batch_op:
        batch_op.add_column(sa.Column("person_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            "fk_notices_person_id_persons", "persons", ["person_id"], ["id"]
        )


def downgrade() -> None:
    with op.batch_alter_table("notices", schema=None) as batch_op:
        batch_op.drop_constraint("fk_notices_person_id_persons", type_="foreignkey")
        batch_op.drop_column("person_id")
    with op.batch_alter_table("persons", schema=None) as batch_op:
        batch_op.drop_column("grounds")
        batch_op.drop_column("titles")
        batch_op.drop_column("category_awarded_on")
        batch_op.drop_column("speciality_years")
    with op.batch_alter_table("organisations", schema=None) as batch_op:
        batch_op.drop_column("eligibility_thresholds")
        batch_op.drop_column("eligibility_variant")
