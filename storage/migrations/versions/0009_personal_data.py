"""personal data: operator details, consents and their texts, erasure, retention notes

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-01 19:05:00

People already in the database get no consent record: the bot asks each of them for consent at
their next interaction (docs/personal-data.md), and people without Telegram keep the basis on
which they were added until a secretary records a paper consent.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import storage.db

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("organisations", schema=None) as batch_op:
        batch_op.add_column(sa.Column("operator_name", sa.String(length=300), nullable=True))
        batch_op.add_column(sa.Column("operator_address", sa.String(length=300), nullable=True))

    with op.batch_alter_table("persons", schema=None) as batch_op:
        batch_op.add_column(sa.Column("erased_at", storage.db.UTCDateTime(), nullable=True))

    op.create_table(
        "consent_versions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("operator_name", sa.String(length=300), nullable=True),
        sa.Column("operator_address", sa.String(length=300), nullable=True),
        sa.Column("texts", sa.JSON(), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.Column("created_at", storage.db.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["created_by"], ["persons.id"], name=op.f("fk_consent_versions_created_by_persons")
        ),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisations.id"],
            name=op.f("fk_consent_versions_organisation_id_organisations"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_consent_versions")),
        sa.UniqueConstraint("organisation_id", "version", name="uq_consent_versions_version"),
    )
    with op.batch_alter_table("consent_versions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_consent_versions_organisation_id"), ["organisation_id"], unique=False
        )

    op.create_table(
        "consents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=True),
        sa.Column("basis", sa.String(length=16), nullable=False),
        sa.Column("version_id", sa.Integer(), nullable=True),
        sa.Column("locale", sa.String(length=8), nullable=True),
        sa.Column("text_sha256", sa.String(length=64), nullable=True),
        sa.Column("given_at", storage.db.UTCDateTime(), nullable=False),
        sa.Column("recorded_by", sa.Integer(), nullable=True),
        sa.Column("withdrawn_at", storage.db.UTCDateTime(), nullable=True),
        sa.CheckConstraint("basis IN ('chat', 'paper')", name=op.f("ck_consents_basis")),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisations.id"],
            name=op.f("fk_consents_organisation_id_organisations"),
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["persons.id"], name=op.f("fk_consents_person_id_persons")
        ),
        sa.ForeignKeyConstraint(
            ["recorded_by"], ["persons.id"], name=op.f("fk_consents_recorded_by_persons")
        ),
        sa.ForeignKeyConstraint(
            ["version_id"],
            ["consent_versions.id"],
            name=op.f("fk_consents_version_id_consent_versions"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_consents")),
    )
    with op.batch_alter_table("consents", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_consents_person_id"), ["person_id"], unique=False)

    op.create_table(
        "retention_notes",
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("noted_at", storage.db.UTCDateTime(), nullable=False),
        sa.Column("due_at", storage.db.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"], ["persons.id"], name=op.f("fk_retention_notes_person_id_persons")
        ),
        sa.PrimaryKeyConstraint("person_id", name=op.f("pk_retention_notes")),
    )


def downgrade() -> None:
    op.drop_table("retention_notes")
    with op.batch_alter_table("consents", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_consents_person_id"))
    op.drop_table("consents")
    with op.batch_alter_table("consent_versions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_consent_versions_organisation_id"))
    op.drop_table("consent_versions")
    with op.batch_alter_table("persons", schema=None) as batch_op:
        batch_op.drop_column("erased_at")
    with op.batch_alter_table("organisations", schema=None) as batch_op:
        batch_op.drop_column("operator_address")
        batch_op.drop_column("operator_name")
