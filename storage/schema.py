"""Tables, as SQLAlchemy Core metadata. Migrations in `migrations/` create exactly these; a test
compares the two."""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    CheckConstraint,
    Column,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    Row,
    String,
    Table,
    UniqueConstraint,
    false,
    text,
    true,
)

from storage.db import UTCDateTime

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

organisations = Table(
    "organisations",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(200), nullable=False),
    Column("timezone", String(64), nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
)

persons = Table(
    "persons",
    metadata,
    Column("id", Integer, primary_key=True),
    # The organisation a person belongs to: where they were registered or added.
    Column("organisation_id", ForeignKey("organisations.id"), nullable=True),
    Column("telegram_id", BigInteger, nullable=True, unique=True),
    Column("full_name", String(120), nullable=False),
    Column("school", String(200), nullable=True),
    Column("subject", String(80), nullable=True),
    Column("position", String(120), nullable=True),
    Column("category", String(16), nullable=True),
    Column("experience_years", Integer, nullable=True),
    Column("education", String(32), nullable=True),
    Column("locale", String(8), nullable=True),
    Column("reachable", Boolean, nullable=False, server_default=true()),
    Column("created_at", UTCDateTime, nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
)

coordinators = Table(
    "coordinators",
    metadata,
    Column("organisation_id", ForeignKey("organisations.id"), primary_key=True),
    Column("person_id", ForeignKey("persons.id"), primary_key=True),
    Column("appointed_by", ForeignKey("persons.id"), nullable=True),
    Column("created_at", UTCDateTime, nullable=False),
)

bodies = Table(
    "bodies",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("organisation_id", ForeignKey("organisations.id"), nullable=False, index=True),
    Column("kind", String(16), nullable=False),
    Column("name", String(200), nullable=False),
    Column("subject", String(80), nullable=True),
    # Rules of DESIGN.md, per body: thresholds as integer fractions, deadlines in days.
    Column("quorum_num", Integer, nullable=False, server_default=text("1")),
    Column("quorum_den", Integer, nullable=False, server_default=text("2")),
    Column("decision_num", Integer, nullable=False, server_default=text("2")),
    Column("decision_den", Integer, nullable=False, server_default=text("3")),
    Column("chair_casting_vote", Boolean, nullable=False, server_default=false()),
    Column("notice_days", Integer, nullable=False, server_default=text("5")),
    Column("proposal_days", Integer, nullable=False, server_default=text("2")),
    Column("minutes_days", Integer, nullable=False, server_default=text("30")),
    Column("group_chat_id", BigInteger, nullable=True),
    Column("created_at", UTCDateTime, nullable=False),
    UniqueConstraint("organisation_id", "name", name="uq_bodies_organisation_name"),
    CheckConstraint("kind IN ('council', 'asset', 'rmo')", name="kind"),
)

memberships = Table(
    "memberships",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("body_id", ForeignKey("bodies.id"), nullable=False),
    Column("person_id", ForeignKey("persons.id"), nullable=False, index=True),
    Column("role", String(16), nullable=False),
    Column("is_methodist", Boolean, nullable=False, server_default=false()),
    Column("active", Boolean, nullable=False, server_default=true()),
    Column("started_at", UTCDateTime, nullable=False),
    Column("ended_at", UTCDateTime, nullable=True),
    Column("changed_by", ForeignKey("persons.id"), nullable=True),
    CheckConstraint("role IN ('chair', 'deputy', 'secretary', 'member', 'guest')", name="role"),
    # One current membership per person and body; ended ones stay as history.
    Index(
        "uq_memberships_active",
        "body_id",
        "person_id",
        unique=True,
        sqlite_where=text("active"),
        postgresql_where=text("active"),
    ),
)

invitations = Table(
    "invitations",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("token", String(32), nullable=False, unique=True),
    Column("organisation_id", ForeignKey("organisations.id"), nullable=False),
    # No body: an invitation to become a coordinator of the organisation.
    Column("body_id", ForeignKey("bodies.id"), nullable=True),
    Column("role", String(16), nullable=True),
    Column("is_methodist", Boolean, nullable=False, server_default=false()),
    # A personal invitation links an existing roster entry (added by hand) to Telegram.
    Column("person_id", ForeignKey("persons.id"), nullable=True),
    Column("max_uses", Integer, nullable=False),
    Column("uses", Integer, nullable=False, server_default=text("0")),
    Column("expires_at", UTCDateTime, nullable=False),
    Column("revoked_at", UTCDateTime, nullable=True),
    Column("created_by", ForeignKey("persons.id"), nullable=True),
    Column("created_at", UTCDateTime, nullable=False),
    CheckConstraint("uses <= max_uses", name="uses"),
)

fsm_states = Table(
    "fsm_states",
    metadata,
    Column("key", String(200), primary_key=True),
    Column("state", String(200), nullable=True),
    Column("data", JSON, nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
)


def part(row: Row[Any], table: Table) -> dict[str, Any]:
    """The columns of one table out of a row of a join, by column name."""
    mapping = row._mapping
    return {column.name: mapping[column] for column in table.c}
