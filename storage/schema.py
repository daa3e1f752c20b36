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
    Date,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
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
    # The operator of personal data (152-FZ) is the organisation: its details as the consent
    # text names them, set by a coordinator.
    Column("operator_name", String(300), nullable=True),
    Column("operator_address", String(300), nullable=True),
    # The place a протокол names under its date: «г. Луга», «с. Зырянское».
    Column("city", String(100), nullable=True),
    # Which requirements a member of the asset meets (bot/domain/eligibility.py): "luga",
    # "zyryansky" or "custom"; NULL: not chosen yet, read as Luga. Custom thresholds as JSON.
    Column("eligibility_variant", String(16), nullable=True),
    Column("eligibility_thresholds", JSON, nullable=True),
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
    # What eligibility for the asset needs (bot/domain/eligibility.py), each NULL until said:
    # years in the speciality, the day the category was awarded (it lasts five years), the
    # titles (a JSON list of codes) and the Zyryansky 3.2 grounds, each with its evidence
    # (a JSON list of {"ground", "file_id", "note"}).
    Column("speciality_years", Integer, nullable=True),
    Column("category_awarded_on", Date, nullable=True),
    Column("titles", JSON, nullable=True),
    Column("grounds", JSON, nullable=True),
    Column("locale", String(8), nullable=True),
    Column("reachable", Boolean, nullable=False, server_default=true()),
    # Set when the person's data were erased (withdrawn consent, or the retention period):
    # the row stays, anonymised, so that past records keep their shape.
    Column("erased_at", UTCDateTime, nullable=True),
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
    Column("majority_num", Integer, nullable=False, server_default=text("1")),
    Column("majority_den", Integer, nullable=False, server_default=text("2")),
    Column("chair_casting_vote", Boolean, nullable=False, server_default=false()),
    Column("revote", Boolean, nullable=False, server_default=false()),
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


meetings = Table(
    "meetings",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("body_id", ForeignKey("bodies.id"), nullable=False, index=True),
    Column("form", String(16), nullable=False),
    Column("status", String(16), nullable=False),
    Column("starts_at", UTCDateTime, nullable=False),
    Column("vote_deadline", UTCDateTime, nullable=True),
    Column("place", String(300), nullable=True),
    Column("extraordinary", Boolean, nullable=False, server_default=false()),
    # An RMO's practical seminar (RMO 3.2: one a year).
    Column("seminar", Boolean, nullable=False, server_default=false()),
    # An extraordinary meeting inside the notice period: who confirmed the shortened notice.
    Column("short_notice_confirmed_by", ForeignKey("persons.id"), nullable=True),
    Column("short_notice_confirmed_at", UTCDateTime, nullable=True),
    # Calendar files of a rescheduled meeting carry a higher SEQUENCE so calendars replace it.
    Column("sequence", Integer, nullable=False, server_default=text("0")),
    Column("ballot_opened_at", UTCDateTime, nullable=True),
    # In person: when the secretary opened the meeting in the room, and the check-in code.
    Column("opened_at", UTCDateTime, nullable=True),
    Column("checkin_code", String(8), nullable=True),
    # Ballots take no more answers from then on (the deadline, or the secretary closed early).
    Column("ballots_closed_at", UTCDateTime, nullable=True),
    Column("closed_at", UTCDateTime, nullable=True),
    # The counted result, kept with the meeting: lines and, per item, tally and verdict.
    Column("results", JSON, nullable=True),
    Column("created_by", ForeignKey("persons.id"), nullable=True),
    Column("created_at", UTCDateTime, nullable=False),
    Column("cancelled_at", UTCDateTime, nullable=True),
    Column("cancelled_by", ForeignKey("persons.id"), nullable=True),
    CheckConstraint("form IN ('in_person', 'absentee', 'hybrid')", name="form"),
    CheckConstraint("status IN ('announced', 'cancelled')", name="status"),
)

agenda_items = Table(
    "agenda_items",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("meeting_id", ForeignKey("meetings.id"), nullable=False, index=True),
    Column("position", Integer, nullable=False),
    Column("title", String(300), nullable=False),
    Column("speaker", String(120), nullable=True),
    Column("needs_decision", Boolean, nullable=False, server_default=true()),
    Column("proposal_id", ForeignKey("proposals.id"), nullable=True),
    Column("added_at", UTCDateTime, nullable=False),
    UniqueConstraint("meeting_id", "position", name="uq_agenda_items_meeting_position"),
)

materials = Table(
    "materials",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("item_id", ForeignKey("agenda_items.id"), nullable=False, index=True),
    # Telegram keeps the file; its file_id lets the bot send it again to anyone.
    Column("file_id", String(200), nullable=False),
    Column("file_name", String(200), nullable=False),
    Column("mime_type", String(100), nullable=True),
    Column("file_size", Integer, nullable=True),
)

proposals = Table(
    "proposals",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("meeting_id", ForeignKey("meetings.id"), nullable=False, index=True),
    Column("person_id", ForeignKey("persons.id"), nullable=False),
    Column("title", String(300), nullable=False),
    Column("status", String(16), nullable=False),
    Column("comment", String(500), nullable=True),
    Column("decided_by", ForeignKey("persons.id"), nullable=True),
    Column("decided_at", UTCDateTime, nullable=True),
    Column("created_at", UTCDateTime, nullable=False),
    CheckConstraint("status IN ('pending', 'accepted', 'rejected')", name="status"),
)

rsvps = Table(
    "rsvps",
    metadata,
    Column("meeting_id", ForeignKey("meetings.id"), primary_key=True),
    Column("person_id", ForeignKey("persons.id"), primary_key=True),
    Column("coming", Boolean, nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
)

notices = Table(
    "notices",
    metadata,
    Column("id", Integer, primary_key=True),
    # A notice of a meeting, or (meeting NULL) of a consultation: escalation, a reminder.
    Column("meeting_id", ForeignKey("meetings.id"), nullable=True, index=True),
    Column("consultation_id", ForeignKey("consultations.id"), nullable=True),
    # Or (both NULL) of a person: their category lapsing.
    Column("person_id", ForeignKey("persons.id"), nullable=True),
    Column("kind", String(24), nullable=False),
    Column("due_at", UTCDateTime, nullable=False),
    # pending → sending (recipients fixed, deliveries under way) → done; or cancelled; or
    # skipped: its moment passed while the bot was down (details["skipped"] says why).
    Column("status", String(16), nullable=False),
    # What a notice says beyond the meeting itself (the old time of a rescheduled one).
    Column("details", JSON, nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Column("done_at", UTCDateTime, nullable=True),
    CheckConstraint(
        "status IN ('pending', 'sending', 'done', 'cancelled', 'skipped')", name="status"
    ),
    Index("ix_notices_status_due_at", "status", "due_at"),
)

deliveries = Table(
    "deliveries",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("notice_id", ForeignKey("notices.id"), nullable=False),
    # A person, or (person NULL) the body's Telegram group.
    Column("person_id", ForeignKey("persons.id"), nullable=True),
    Column("chat_id", BigInteger, nullable=True),
    # pending → sending → sent; or no_telegram, unreachable (blocked the bot), failed; or
    # skipped: nothing was left to send them (their ballot closed, they voted in the room).
    Column("status", String(16), nullable=False),
    Column("attempts", Integer, nullable=False, server_default=text("0")),
    Column("error", String(300), nullable=True),
    Column("sent_at", UTCDateTime, nullable=True),
    # The message it became (the last one, which carries the buttons): a ballot's is edited
    # when voting closes. For a notice of kind ballot_closed, the message to edit.
    Column("message_id", BigInteger, nullable=True),
    UniqueConstraint("notice_id", "person_id", name="uq_deliveries_notice_person"),
    UniqueConstraint("notice_id", "chat_id", name="uq_deliveries_notice_chat"),
    CheckConstraint(
        "status IN ('pending', 'sending', 'sent', 'no_telegram', 'unreachable', 'failed', "
        "'skipped')",
        name="status",
    ),
)

group_links = Table(
    "group_links",
    metadata,
    Column("code", String(16), primary_key=True),
    Column("body_id", ForeignKey("bodies.id"), nullable=False),
    Column("created_by", ForeignKey("persons.id"), nullable=False),
    Column("expires_at", UTCDateTime, nullable=False),
    Column("used_at", UTCDateTime, nullable=True),
)


voters = Table(
    "voters",
    metadata,
    # The roster frozen when voting opened: N, and who may vote in this meeting.
    Column("meeting_id", ForeignKey("meetings.id"), primary_key=True),
    Column("person_id", ForeignKey("persons.id"), primary_key=True),
    Column("role", String(16), nullable=False),
    Column("frozen_at", UTCDateTime, nullable=False),
)

ballots = Table(
    "ballots",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("meeting_id", ForeignKey("meetings.id"), nullable=False),
    Column("person_id", ForeignKey("persons.id"), nullable=False),
    Column("source", String(16), nullable=False),
    Column("signed_at", UTCDateTime, nullable=True),
    Column("entered_by", ForeignKey("persons.id"), nullable=True),
    UniqueConstraint("meeting_id", "person_id", name="uq_ballots_meeting_person"),
    CheckConstraint("source IN ('telegram', 'paper')", name="source"),
)

votes = Table(
    "votes",
    metadata,
    # The current answer of one member on one question: one row, never two (the primary key).
    Column("item_id", ForeignKey("agenda_items.id"), primary_key=True),
    Column("person_id", ForeignKey("persons.id"), primary_key=True),
    Column("meeting_id", ForeignKey("meetings.id"), nullable=False, index=True),
    Column("choice", String(8), nullable=False),
    Column("source", String(16), nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
    CheckConstraint("choice IN ('for', 'against', 'abstain')", name="choice"),
)

room_votes = Table(
    "room_votes",
    metadata,
    # An open vote in the room, as counts (4.9); the chair's choice decides a tie where allowed.
    Column("item_id", ForeignKey("agenda_items.id"), primary_key=True),
    Column("meeting_id", ForeignKey("meetings.id"), nullable=False, index=True),
    Column("votes_for", Integer, nullable=False),
    Column("votes_against", Integer, nullable=False),
    Column("votes_abstain", Integer, nullable=False),
    Column("chair_choice", String(8), nullable=True),
    Column("recorded_by", ForeignKey("persons.id"), nullable=False),
    Column("recorded_at", UTCDateTime, nullable=False),
)

attendance = Table(
    "attendance",
    metadata,
    Column("meeting_id", ForeignKey("meetings.id"), primary_key=True),
    Column("person_id", ForeignKey("persons.id"), primary_key=True),
    Column("present", Boolean, nullable=False),
    Column("source", String(16), nullable=False),  # secretary | code
    Column("updated_at", UTCDateTime, nullable=False),
    # In the room when an open vote was recorded: their vote was given there, so they sign no
    # ballot (bot/domain/participation.py).
    Column("counted", Boolean, nullable=False, server_default=false()),
)

vote_log = Table(
    "vote_log",
    metadata,
    # Append-only: every vote, change, signature, paper ballot, room count and check-in.
    Column("id", Integer, primary_key=True),
    Column("meeting_id", ForeignKey("meetings.id"), nullable=False, index=True),
    Column("item_id", ForeignKey("agenda_items.id"), nullable=True),
    Column("person_id", ForeignKey("persons.id"), nullable=True),
    Column("action", String(16), nullable=False),
    Column("choice", String(8), nullable=True),
    Column("source", String(16), nullable=False),
    Column("details", JSON, nullable=False),
    Column("actor_id", ForeignKey("persons.id"), nullable=True),
    Column("at", UTCDateTime, nullable=False),
)


minutes = Table(
    "minutes",
    metadata,
    # One протокол of a meeting per version: a signed one is never edited, a correction is a
    # new version with its reason.
    Column("id", Integer, primary_key=True),
    Column("meeting_id", ForeignKey("meetings.id"), nullable=False, index=True),
    Column("body_id", ForeignKey("bodies.id"), nullable=False),
    Column("year", Integer, nullable=False),
    Column("number", Integer, nullable=False),
    Column("version", Integer, nullable=False),
    Column("status", String(16), nullable=False),
    Column("texts", JSON, nullable=False),  # item id → СЛУШАЛИ / ВЫСТУПИЛИ / РЕШИЛИ
    Column("reason", String(500), nullable=True),
    Column("returned_comment", String(500), nullable=True),
    Column("chair_absent", Boolean, nullable=False, server_default=false()),
    Column("signed_by", ForeignKey("persons.id"), nullable=True),
    Column("signed_as", String(16), nullable=True),
    Column("signed_at", UTCDateTime, nullable=True),
    Column("document", LargeBinary, nullable=True),
    Column("created_at", UTCDateTime, nullable=False),
    UniqueConstraint("body_id", "year", "number", "version", name="uq_minutes_number"),
    CheckConstraint("status IN ('draft', 'review', 'signed', 'superseded')", name="status"),
)

templates = Table(
    "templates",
    metadata,
    # An organisation's own протокол template (its letterhead), checked before it is kept.
    Column("organisation_id", ForeignKey("organisations.id"), primary_key=True),
    Column("kind", String(16), primary_key=True),
    Column("content", LargeBinary, nullable=False),
    Column("uploaded_by", ForeignKey("persons.id"), nullable=False),
    Column("uploaded_at", UTCDateTime, nullable=False),
)


methodist_profiles = Table(
    "methodist_profiles",
    metadata,
    # What a methodist of the asset takes: subjects and directions (empty: all).
    Column("person_id", ForeignKey("persons.id"), primary_key=True),
    Column("subjects", JSON, nullable=False),
    Column("directions", JSON, nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
)

consultations = Table(
    "consultations",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("organisation_id", ForeignKey("organisations.id"), nullable=False, index=True),
    Column("teacher_id", ForeignKey("persons.id"), nullable=False, index=True),
    Column("topic", String(500), nullable=False),
    Column("subject", String(80), nullable=False),
    Column("direction", String(16), nullable=False),
    Column("size", String(16), nullable=False),
    Column("mode", String(16), nullable=False),
    Column("wishes", String(200), nullable=False),
    Column("status", String(16), nullable=False),
    Column("methodist_id", ForeignKey("persons.id"), nullable=True),
    Column("starts_at", UTCDateTime, nullable=True),
    Column("place", String(300), nullable=True),
    Column("reason", String(300), nullable=True),
    Column("rating", Integer, nullable=True),
    Column("rating_comment", String(500), nullable=True),
    Column("created_at", UTCDateTime, nullable=False),
    Column("offered_at", UTCDateTime, nullable=True),
    Column("taken_at", UTCDateTime, nullable=True),
    Column("done_at", UTCDateTime, nullable=True),
    Column("escalated_at", UTCDateTime, nullable=True),
    CheckConstraint(
        "status IN ('new', 'offered', 'assigned', 'scheduled', 'done', 'declined', 'cancelled')",
        name="status",
    ),
    CheckConstraint("rating IS NULL OR rating BETWEEN 1 AND 5", name="rating"),
)

consultation_offers = Table(
    "consultation_offers",
    metadata,
    Column("consultation_id", ForeignKey("consultations.id"), primary_key=True),
    Column("person_id", ForeignKey("persons.id"), primary_key=True),
    Column("created_at", UTCDateTime, nullable=False),
)


plans = Table(
    "plans",
    metadata,
    # The year's plan of a body (4.5): planned dates and topics; a planned meeting becomes a
    # meeting when it is announced from here.
    Column("id", Integer, primary_key=True),
    Column("body_id", ForeignKey("bodies.id"), nullable=False, index=True),
    Column("planned_on", Date, nullable=False),
    Column("topic", String(300), nullable=False),
    Column("seminar", Boolean, nullable=False, server_default=false()),
    Column("meeting_id", ForeignKey("meetings.id"), nullable=True),
    Column("created_by", ForeignKey("persons.id"), nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
)

cadence_reminders = Table(
    "cadence_reminders",
    metadata,
    # Each reminder of a short period is sent once, whatever restarts happen.
    Column("body_id", ForeignKey("bodies.id"), primary_key=True),
    Column("period_start", Date, primary_key=True),
    Column("offset_days", Integer, primary_key=True),
    Column("sent_at", UTCDateTime, nullable=False),
)

appointed_coordinators = Table(
    "appointed_coordinators",
    metadata,
    # Coordinators appointed with `councilbot add-coordinator`: like COORDINATOR_IDS, by
    # Telegram id, before the person ever wrote to the bot.
    Column("telegram_id", BigInteger, primary_key=True, autoincrement=False),
    Column("created_at", UTCDateTime, nullable=False),
)

operator_alerts = Table(
    "operator_alerts",
    metadata,
    # What the coordinators were told about the bot's own health (a failed backup, a stuck
    # notice), one row per failure, so a restart does not tell them again.
    Column("key", String(120), primary_key=True),
    Column("told_at", UTCDateTime, nullable=False),
)

consent_versions = Table(
    "consent_versions",
    metadata,
    # Every text of consent an organisation (NULL: the deployment itself, for its own
    # coordinators before any organisation exists) ever showed, exactly as shown, per locale.
    Column("id", Integer, primary_key=True),
    Column("organisation_id", ForeignKey("organisations.id"), nullable=True, index=True),
    Column("version", Integer, nullable=False),
    Column("operator_name", String(300), nullable=True),
    Column("operator_address", String(300), nullable=True),
    Column("texts", JSON, nullable=False),  # locale → the rendered text
    Column("created_by", ForeignKey("persons.id"), nullable=True),
    Column("created_at", UTCDateTime, nullable=False),
    UniqueConstraint("organisation_id", "version", name="uq_consent_versions_version"),
)

consents = Table(
    "consents",
    metadata,
    # The register of consents: who, on what basis, to which text, when; withdrawn ones stay.
    Column("id", Integer, primary_key=True),
    Column("person_id", ForeignKey("persons.id"), nullable=False, index=True),
    Column("organisation_id", ForeignKey("organisations.id"), nullable=True),
    # chat: given in the bot to a version of the text; paper: a secretary confirmed a signed
    # paper consent when adding the person.
    Column("basis", String(16), nullable=False),
    Column("version_id", ForeignKey("consent_versions.id"), nullable=True),
    Column("locale", String(8), nullable=True),
    Column("text_sha256", String(64), nullable=True),
    Column("given_at", UTCDateTime, nullable=False),
    Column("recorded_by", ForeignKey("persons.id"), nullable=True),
    Column("withdrawn_at", UTCDateTime, nullable=True),
    CheckConstraint("basis IN ('chat', 'paper')", name="basis"),
)

retention_notes = Table(
    "retention_notes",
    metadata,
    # A person out of every body for the retention period: the coordinator was told on
    # `noted_at` that the data are anonymised on `due_at`; recorded so it is told once.
    Column("person_id", ForeignKey("persons.id"), primary_key=True),
    Column("noted_at", UTCDateTime, nullable=False),
    Column("due_at", UTCDateTime, nullable=False),
)
