"""The retention check (hourly, and once at start-up): people out of every body for
RETENTION_YEARS are anonymised, their coordinators told first."""

from __future__ import annotations

import logging

from bot.delivery.notifier import Notifier
from bot.domain.clock import local_date
from bot.services.privacy import PrivacyService

log = logging.getLogger(__name__)


async def run_retention_check(
    privacy: PrivacyService, notifier: Notifier, *, retention_years: int
) -> int:
    """Sends the notes and reports of what was anonymised; returns how many messages went out.
    Both are recorded in the database before they are sent, so each goes out once."""
    try:
        outcome = await privacy.retention()
    except Exception:
        log.exception("the retention check failed")
        return 0
    sent = 0
    for note in outcome.notes:
        for coordinator in note.coordinators:
            sent += await notifier.notify(
                coordinator,
                "retention-note",
                name=note.person.full_name,
                organisation=note.organisation.name,
                years=retention_years,
                date=local_date(note.due_at, note.organisation.timezone),
            )
    for erased in outcome.erased:
        for coordinator in erased.coordinators:
            sent += await notifier.notify(coordinator, "retention-done", name=erased.former_name)
    return sent
