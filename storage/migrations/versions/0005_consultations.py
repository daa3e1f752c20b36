"""consultations

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-22 09:04:59.709627
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import storage.db

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "consultations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("teacher_id", sa.Integer(), nullable=False),
        sa.Column("topic", sa.String(length=500), nullable=False),
        sa.Column("subject", sa.String(length=80), nullable=False),
        sa.Column("direction", sa.String(length=16), nullable=False),
        sa.Column("size", sa.String(length=16), nullable=False),
        sa.Column("mode", sa.String(length=16), nullable=False),
        sa.Column("wishes", sa.String(length=200), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("methodist_id", sa.Integer(), nullable=True),
        sa.Column("starts_at", storage.db.UTCDateTime(), nullable=True),
        sa.Column("place", sa.String(length=300), nullable=True),
        sa.Column("reason", sa.String(length=300), nullable=True),
        sa.Column("rating", sa.Integer(), nullable=True),
        sa.Column("rating_comment", sa.String(length=500), nullable=True),
        sa.Column("created_at", storage.db.UTCDateTime(), nullable=False),
        sa.Column("offered_at", storage.db.UTCDateTime(), nullable=True),
        sa.Column("taken_at", storage.db.UTCDateTime(), nullable=True),
        sa.Column("done_at", storage.db.UTCDateTime(), nullable=True),
        sa.Column("escalated_at", storage.db.UTCDateTime(), nullable=True),
        sa.CheckConstraint(
            "status IN ('new', 'offered', 'assigned', 'scheduled', 'done', 'declined', 'cancelled')",
            name=op.f("ck_consultations_status"),
        ),
        sa.CheckConstraint(
            "rating IS NULL OR rating BETWEEN 1 AND 5", name=op.f("ck_consultations_rating")
        ),
        sa.ForeignKeyConstraint(
            ["methodist_id"], ["persons.id"], name=op.f("fk_consultations_methodist_id_persons")
        ),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisations.id"],
            name=op.f("fk_consultations_organisation_id_organisations"),
        ),
        sa.ForeignKeyConstraint(
            ["teacher_id"], ["persons.id"], name=op.f("fk_consultations_teacher_id_persons")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_consultations")),
    )
    with op.batch_alter_table("consultations", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_consultations_organisation_id"), ["organisation_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_consultations_teacher_id"), ["teacher_id"], unique=False
        )

    op.create_table(
        "methodist_profiles",
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("subjects", sa.JSON(), nullable=False),
        sa.Column("directions", sa.JSON(), nullable=False),
        sa.Column("updated_at", storage.db.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"], ["persons.id"], name=op.f("fk_methodist_profiles_person_id_persons")
        ),
        sa.PrimaryKeyConstraint("person_id", name=op.f("pk_methodist_profiles")),
    )
    op.create_table(
        "consultation_offers",
        sa.Column("consultation_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("created_at", storage.db.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["consultation_id"],
            ["consultations.id"],
            name=op.f("fk_consultation_offers_consultation_id_consultations"),
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["persons.id"], name=op.f("fk_consultation_offers_person_id_persons")
        ),
        sa.PrimaryKeyConstraint(
            "consultation_id", "person_id", name=op.f("pk_consultation_offers")
        ),
    )
    with op.batch_alter_table("notices", schema=None) as batch_op:
        batch_op.add_column(sa.Column("consultation_id", sa.Integer(), nullable=True))
        batch_op.alter_column("meeting_id", existing_type=sa.INTEGER(), nullable=True)
        batch_op.create_foreign_key(
            batch_op.f("fk_notices_consultation_id_consultations"),
            "consultations",
            ["consultation_id"],
            ["id"],
        )


def downgrade() -> None:
    with op.batch_alter_table("notices", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_notices_consultation_id_consultations"), type_="foreignkey"
        )
        batch_op.alter_column("meeting_id", existing_type=sa.INTEGER(), nullable=False)
        batch_op.drop_column("consultation_id")

    op.drop_table("consultation_offers")
    op.drop_table("methodist_profiles")
    with op.batch_alter_table("consultations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_consultations_teacher_id"))
        batch_op.drop_index(batch_op.f("ix_consultations_organisation_id"))

    op.drop_table("consultations")
