"""Small pieces of text shared by several features: role and body-kind names, dates."""

from __future__ import annotations

from aiogram.types import CallbackQuery, Message
from aiogram_i18n import I18nContext

from bot.domain.clock import local_date, local_time
from bot.domain.eligibility import (
    Assessment,
    Ground,
    Requirement,
    Rules,
    Status,
    Title,
    lapses_on,
)
from bot.domain.errors import Conflict
from bot.domain.model import BodyKind, Category, Role
from bot.domain.records import Person
from bot.services.setup import TIMEZONES

__all__ = ["local_date", "local_time"]


def role_label(i18n: I18nContext, role: Role | None, is_methodist: bool = False) -> str:
    if role is None:
        return i18n.get("role-coordinator")
    label = i18n.get(f"role-{role.value}")
    if is_methodist:
        label = i18n.get("role-with-methodist", role=label)
    return label


def kind_label(i18n: I18nContext, kind: BodyKind) -> str:
    return i18n.get(f"kind-{kind.value}")


def message_of(query: CallbackQuery) -> Message:
    """The message a button sits on; Telegram withholds messages older than 48 hours."""
    if not isinstance(query.message, Message):
        raise Conflict("error-message-too-old")
    return query.message


def zone_label(i18n: I18nContext, zone: str) -> str:
    """A time zone as people say it, «Томск (МСК+4)»; one outside the bot's list as it is."""
    if zone not in TIMEZONES:
        return zone
    return i18n.get(f"tz-{zone.replace('/', '-')}")


STATUS_MARK = {Status.MET: "✅", Status.MISSING: "❌", Status.UNVERIFIED: "❔"}


def eligibility_details(i18n: I18nContext, person: Person) -> str:
    """What a profile says for the asset's requirements: the speciality, the category's date
    and when it lapses, titles, grounds with whether their evidence is attached."""
    lapses = lapses_on(person.eligibility)
    titles = (
        "-"
        if person.titles is None
        else ", ".join(i18n.get(f"title-{t.value}") for t in sorted(person.titles))
        or i18n.get("profile-none-of-these")
    )
    if person.grounds is None:
        grounds = "-"
    elif not person.grounds:
        grounds = i18n.get("profile-none-of-these")
    else:
        grounds = ", ".join(
            i18n.get(
                "profile-ground-item",
                item=g.ground.item,
                attached="yes" if g.attached else "no",
            )
            for g in sorted(person.grounds, key=lambda g: g.ground.item)
        )
    return i18n.get(
        "profile-eligibility",
        speciality=-1 if person.speciality_years is None else person.speciality_years,
        awarded=(
            "none"
            if person.category_awarded_on is None
            else person.category_awarded_on.strftime("%d.%m.%Y")
        ),
        lapses="none" if lapses is None else lapses.strftime("%d.%m.%Y"),
        titles=titles,
        grounds=grounds,
    )


def requirement_label(i18n: I18nContext, rules: Rules, requirement: Requirement) -> str:
    """A requirement as its rules set it: «педагогический стаж не менее 5 лет»."""
    match requirement:
        case Requirement.PEDAGOGICAL_YEARS:
            return i18n.get("eligibility-pedagogical", years=rules.pedagogical_years or 0)
        case Requirement.SPECIALITY_YEARS:
            return i18n.get("eligibility-speciality", years=rules.speciality_years or 0)
        case Requirement.CATEGORY:
            categories = [c for c in (Category.FIRST, Category.HIGHEST) if c in rules.categories]
            titles = [t for t in Title if t in rules.titles]
            return i18n.get(
                "eligibility-category",
                categories=i18n.get("eligibility-or").join(
                    i18n.get(f"category-{c.value}") for c in categories
                )
                or "none",
                titles=", ".join(i18n.get(f"title-{t.value}") for t in titles) or "none",
            )
        case Requirement.GROUNDS:
            items = [str(g.item) for g in Ground if g in rules.grounds]
            return i18n.get("eligibility-grounds", items=", ".join(items))
        case Requirement.EDUCATION:
            return i18n.get("eligibility-education")


def assessment_block(i18n: I18nContext, assessment: Assessment, rules: Rules) -> str:
    """Each requirement ✅ met / ❌ missing / ❔ unverified, with its clause."""
    lines = [i18n.get(f"eligibility-title-{assessment.variant.value}")]
    lines += [
        i18n.get(
            "eligibility-line",
            mark=STATUS_MARK[finding.status],
            requirement=requirement_label(i18n, rules, finding.requirement),
            status=i18n.get(f"eligibility-status-{finding.status.value}"),
            clause=finding.clause or "none",
        )
        for finding in assessment.findings
    ]
    if not assessment.findings:
        lines.append(i18n.get("eligibility-none"))
    return "\n".join(lines)
