"""voting

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22 08:29:49.665300
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import storage.db

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "attendance",
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("present", sa.Boolean(), nullable=False),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.Column("updated_at", storage.db.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["meeting_id"], ["meetings.id"], name=op.f("fk_attendance_meeting_id_meetings")
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["persons.id"], name=op.f("fk_attendance_person_id_persons")
        ),
        sa.PrimaryKeyConstraint("meeting_id", "person_id", name=op.f("pk_attendance")),
    )
    op.create_table(
        "ballots",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.Column("signed_at", storage.db.UTCDateTime(), nullable=True),
        sa.Column("entered_by", sa.Integer(), nullable=True),
        sa.CheckConstraint("source IN ('telegram', 'paper')", name=op.f("ck_ballots_source")),
        sa.ForeignKeyConstraint(
            ["entered_by"], ["persons.id"], name=op.f("fk_ballots_entered_by_persons")
        ),
        sa.ForeignKeyConstraint(
            ["meeting_id"], ["meetings.id"], name=op.f("fk_ballots_meeting_id_meetings")
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["persons.id"], name=op.f("fk_ballots_person_id_persons")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ballots")),
        sa.UniqueConstraint("meeting_id", "person_id", name="uq_ballots_meeting_person"),
    )
    op.create_table(
        "voters",
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("frozen_at", storage.db.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["meeting_id"], ["meetings.id"], name=op.f("fk_voters_meeting_id_meetings")
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["persons.id"], name=op.f("fk_voters_person_id_persons")
        ),
        sa.PrimaryKeyConstraint("meeting_id", "person_id", name=op.f("pk_voters")),
    )
    op.create_table(
        "room_votes",
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("votes_for", sa.Integer(), nullable=False),
        sa.Column("votes_against", sa.Integer(), nullable=False),
        sa.Column("votes_abstain", sa.Integer(), nullable=False),
        sa.Column("chair_choice", sa.String(length=8), nullable=True),
        sa.Column("recorded_by", sa.Integer(), nullable=False),
        sa.Column("recorded_at", storage.db.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["item_id"], ["agenda_items.id"], name=op.f("fk_room_votes_item_id_agenda_items")
        ),
        sa.ForeignKeyConstraint(
            ["meeting_id"], ["meetings.id"], name=op.f("fk_room_votes_meeting_id_meetings")
        ),
        sa.ForeignKeyConstraint(
            ["recorded_by"], ["persons.id"], name=op.f("fk_room_votes_recorded_by_persons")
        ),
        sa.PrimaryKeyConstraint("item_id", name=op.f("pk_room_votes")),
    )
    with op.batch_alter_table("room_votes", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_room_votes_meeting_id"), ["meeting_id"], unique=False)

    op.create_table(
        "vote_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=True),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.Column("action", sa.String(length=16), nullable=False),
        sa.Column("choice", sa.String(length=8), nullable=True),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.Column("details", sa.JSON(), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=True),
        sa.Column("at", storage.db.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["actor_id"], ["persons.id"], name=op.f("fk_vote_log_actor_id_persons")
        ),
        sa.ForeignKeyConstraint(
            ["item_id"], ["agenda_items.id"], name=op.f("fk_vote_log_item_id_agenda_items")
        ),
        sa.ForeignKeyConstraint(
            ["meeting_id"], ["meetings.id"], name=op.f("fk_vote_log_meeting_id_meetings")
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["persons.id"], name=op.f("fk_vote_log_person_id_persons")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_vote_log")),
    )
    with op.batch_alter_table("vote_log", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_vote_log_meeting_id"), ["meeting_id"], unique=False)

    op.create_table(
        "votes",
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("choice", sa.String(length=8), nullable=False),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.Column("updated_at", storage.db.UTCDateTime(), nullable=False),
        sa.CheckConstraint(
            "choice IN ('for', 'against', 'abstain')", name=op.f("ck_votes_choice")
        ),
        sa.ForeignKeyConstraint(
            ["item_id"], ["agenda_items.id"], name=op.f("fk_votes_item_id_agenda_items")
        ),
        sa.ForeignKeyConstraint(
            ["meeting_id"], ["meetings.id"], name=op.f("fk_votes_meeting_id_meetings")
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["persons.id"], name=op.f("fk_votes_person_id_persons")
        ),
        sa.PrimaryKeyConstraint("item_id", "person_id", name=op.f("pk_votes")),
    )
    with op.batch_alter_table("votes", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_votes_meeting_id"), ["meeting_id"], unique=False)

    with op.batch_alter_table("bodies", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("majority_num", sa.Integer(), server_default=sa.text("1"), nullable=False)
        )
        batch_op.add_column(
            sa.Column("majority_den", sa.Integer(), server_default=sa.text("2"), nullable=False)
        )
        batch_op.add_column(
            sa.Column("revote", sa.Boolean(), server_default=sa.false(), nullable=False)
        )

    with op.batch_alter_table("meetings", schema=None) as batch_op:
        batch_op.add_column(sa.Column("opened_at", storage.db.UTCDateTime(), nullable=True))
        batch_op.add_column(sa.Column("checkin_code", sa.String(length=8), nullable=True))
        batch_op.add_column(
            sa.Column("ballots_closed_at", storage.db.UTCDateTime(), nullable=True)
        )
        batch_op.add_column(sa.Column("closed_at", storage.db.UTCDateTime(), nullable=True))
        batch_op.add_column(sa.Column("results", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("meetings", schema=None) as batch_op:
        batch_op.drop_column("results")
        batch_op.drop_column("closed_at")
        batch_op.drop_column("ballots_closed_at")
        batch_op.drop_column("checkin_code")
        batch_op.drop_column("opened_at")

    with op.batch_alter_table("bodies", schema=None) as batch_op:
        batch_op.drop_column("revote")
        batch_op.drop_column("majority_den")
        batch_op.drop_column("majority_num")

    with op.batch_alter_table("votes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_votes_meeting_id"))

    op.drop_table("votes")
    with op.batch_alter_table("vote_log", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_vote_log_meeting_id"))

    op.drop_table("vote_log")
    with op.batch_alter_table("room_votes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_room_votes_meeting_id"))

    op.drop_table("room_votes")
    op.drop_table("voters")
    op.drop_table("ballots")
    op.drop_table("attendance")
