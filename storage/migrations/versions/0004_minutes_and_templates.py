"""minutes and templates

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22 08:51:03.713189
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import storage.db

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "templates",
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.Column("uploaded_by", sa.Integer(), nullable=False),
        sa.Column("uploaded_at", storage.db.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisations.id"],
            name=op.f("fk_templates_organisation_id_organisations"),
        ),
        sa.ForeignKeyConstraint(
            ["uploaded_by"], ["persons.id"], name=op.f("fk_templates_uploaded_by_persons")
        ),
        sa.PrimaryKeyConstraint("organisation_id", "kind", name=op.f("pk_templates")),
    )
    op.create_table(
        "minutes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("body_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("texts", sa.JSON(), nullable=False),
        sa.Column("reason", sa.String(length=500), nullable=True),
        sa.Column("returned_comment", sa.String(length=500), nullable=True),
        sa.Column("chair_absent", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("signed_by", sa.Integer(), nullable=True),
        sa.Column("signed_as", sa.String(length=16), nullable=True),
        sa.Column("signed_at", storage.db.UTCDateTime(), nullable=True),
        sa.Column("document", sa.LargeBinary(), nullable=True),
        sa.Column("created_at", storage.db.UTCDateTime(), nullable=False),
        sa.CheckConstraint(
            "status IN ('draft', 'review', 'signed', 'superseded')", name=op.f("ck_minutes_status")
        ),
        sa.ForeignKeyConstraint(
            ["body_id"], ["bodies.id"], name=op.f("fk_minutes_body_id_bodies")
        ),
        sa.ForeignKeyConstraint(
            ["meeting_id"], ["meetings.id"], name=op.f("fk_minutes_meeting_id_meetings")
        ),
        sa.ForeignKeyConstraint(
            ["signed_by"], ["persons.id"], name=op.f("fk_minutes_signed_by_persons")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_minutes")),
        sa.UniqueConstraint("body_id", "year", "number", "version", name="uq_minutes_number"),
    )
    with op.batch_alter_table("minutes", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_minutes_meeting_id"), ["meeting_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("minutes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_minutes_meeting_id"))

    op.drop_table("minutes")
    op.drop_table("templates")
