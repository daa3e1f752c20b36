"""The cadence check the scheduler runs every hour (and once at start-up): reminders of
periods that fall short, in each recipient's language."""

from __future__ import annotations

import logging

from bot.delivery.notifier import Notifier
from bot.domain.cadence import PeriodStatus
from bot.services.cadence import CadenceService
from bot.services.ports import Texts

log = logging.getLogger(__name__)


def period_text(texts: Texts, status: PeriodStatus) -> str:
    """«во II квартале 2027», «в 2027 году», «в 2026/2027 учебном году»."""
    period = status.period
    return texts.get(f"period-{period.kind.value.replace('_', '-')}", **period.label_params())


def shortfall_text(texts: Texts, status: PeriodStatus, body: str, kind: str) -> str:
    lines = [
        texts.get(
            f"cadence-missing-{kind}",
            period=period_text(texts, status),
            body=body,
            required=status.required,
            held=status.held,
            announced=status.announced,
            planned=status.planned,
            # `end` is the first day after the period; people read its last day.
            ends=status.period.last_day.strftime("%d.%m.%Y"),
        )
    ]
    if status.seminar_missing:
        lines.append(texts.get("cadence-missing-seminar"))
    return "\n".join(lines)


async def run_cadence_check(cadence: CadenceService, notifier: Notifier) -> int:
    """Sends what is due; returns how many messages went out."""
    sent = 0
    try:
        shortfalls = await cadence.check()
    except Exception:
        log.exception("the cadence check failed")
        return 0
    for shortfall in shortfalls:
        for person in shortfall.tell:
            texts = notifier.texts(person)
            text = shortfall_text(
                texts, shortfall.status, shortfall.body.name, shortfall.body.kind.value
            )
            sent += await notifier.notify_text(person, text)
    return sent
