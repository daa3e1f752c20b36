"""skipped notices and deliveries

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-01 19:40:00.000000
"""

from __future__ import annotations

from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

NOTICES_BEFORE = "status IN ('pending', 'sending', 'done', 'cancelled')"
NOTICES_AFTER = "status IN ('pending', 'sending', 'done', 'cancelled', 'skipped')"
DELIVERIES_BEFORE = (
    "status IN ('pending', 'sending', 'sent', 'no_telegram', 'unreachable', 'failed')"
)
DELIVERIES_AFTER = (
    "status IN ('pending', 'sending', 'sent', 'no_telegram', 'unreachable', 'failed', 'skipped')"
)


def _check(table: str, condition: str) -> None:
    # SQLite cannot alter a CHECK constraint: batch mode copies the table with the new one.
    # PostgreSQL alters it in place (a copy would have to drop a key other tables refer to).
    sqlite = op.get_context().dialect.name == "sqlite"
    with op.batch_alter_table(table, recreate="always" if sqlite else "auto") as batch:
        batch.drop_constraint(op.f(f"ck_{table}_status"), type_="check")
        batch.create_check_constraint(op.f(f"ck_{table}_status"), condition)


def upgrade() -> None:
    # A notice whose moment passed while the bot was down is skipped, with the reason in its
    # details; a recipient for whom nothing is left to send (voted in the room) likewise.
    _check("notices", NOTICES_AFTER)
    _check("deliveries", DELIVERIES_AFTER)


def downgrade() -> None:
    op.execute("UPDATE deliveries SET status = 'sent' WHERE status = 'skipped'")
    op.execute("UPDATE notices SET status = 'done' WHERE status = 'skipped'")
    _check("deliveries", DELIVERIES_BEFORE)
    _check("notices", NOTICES_BEFORE)
