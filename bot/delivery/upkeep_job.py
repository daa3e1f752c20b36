"""The upkeep the scheduler runs every hour (and once at start-up): the daily backup when it is
due, and telling the coordinators, once, of a failed backup or a notice stuck for an hour."""

from __future__ import annotations

import logging

from bot.delivery.notifier import Notifier
from bot.services.operations import OperationsService

log = logging.getLogger(__name__)


async def run_upkeep(operations: OperationsService, notifier: Notifier) -> int:
    """Does what is due; returns how many messages went out."""
    try:
        alerts = await operations.upkeep()
    except Exception:
        log.exception("the upkeep failed")
        return 0
    if alerts.messages and not alerts.tell:
        log.warning("no registered coordinator to tell: %s", [a.key for a in alerts.messages])
    sent = 0
    for alert in alerts.messages:
        log.warning("telling the coordinators: %s %s", alert.key, alert.params)
        for person in alerts.tell:
            sent += await notifier.notify_text(
                person, notifier.text(person, alert.key, **alert.params)
            )
    return sent
