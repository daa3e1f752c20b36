"""Who may be a member of the asset: the requirements of the two regulations, as data.

Luga, appendix 3, 2.5: higher pedagogical education, at least five years of pedagogical
experience, the highest category and/or the title «педагог-методист» / «педагог-наставник».
Zyryansky, 3.2: the first or highest category, higher pedagogical education, at least five years
of experience in the speciality, and one or more of the six grounds 3.2.1–3.2.6.
An organisation may set its own thresholds instead (the custom variant).

`assess` is pure: it says, for each requirement, whether the profile meets it, misses it, or
cannot tell (no data given, or a ground's evidence not attached), with the clause it comes from.
A category lasts five years from its award date: an expired one does not count.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from enum import StrEnum
from typing import Final, TypeVar

from bot.domain.model import Category, Education

# How long a qualification category lasts from the day it was awarded.
CATEGORY_YEARS: Final = 5
# Bounds of what a person may say about their experience: more is a typing mistake.
MAX_EXPERIENCE_YEARS: Final = 60


_E = TypeVar("_E", bound=StrEnum)


class Variant(StrEnum):
    LUGA = "luga"
    ZYRYANSKY = "zyryansky"
    CUSTOM = "custom"


class Title(StrEnum):
    """The professional titles both regulations name."""

    METHODIST = "methodist"  # «педагог-методист»
    MENTOR = "mentor"  # «педагог-наставник»


class Ground(StrEnum):
    """Zyryansky 3.2, items 1–6: the grounds of which a member meets one or more."""

    FEDERAL_ASSESSMENT = "federal"  # 1) passed the ФИОКО assessment of competences
    REGIONAL_ASSESSMENT = "regional"  # 2) passed the regional assessment of competences
    COUNCIL_HEAD = "head"  # 3) heads a methodical council or association
    CONTEST = "contest"  # 4) prize-winner of a municipal or regional professional contest
    RESULTS = "results"  # 5) high results in professional work
    DEPARTMENT = "department"  # 6) a specialist of the education department

    @property
    def item(self) -> int:
        return list(Ground).index(self) + 1


class Requirement(StrEnum):
    EDUCATION = "education"
    PEDAGOGICAL_YEARS = "pedagogical"
    SPECIALITY_YEARS = "speciality"
    CATEGORY = "category"  # one of the categories, or one of the titles when any are listed
    GROUNDS = "grounds"


class Status(StrEnum):
    MET = "met"
    MISSING = "missing"
    UNVERIFIED = "unverified"


@dataclass(frozen=True, slots=True)
class Evidence:
    """A ground claimed: with a file (a Telegram file_id) and/or a note saying where it shows."""

    ground: Ground
    file_id: str | None = None
    note: str | None = None

    @property
    def attached(self) -> bool:
        return bool(self.file_id or self.note)


@dataclass(frozen=True, slots=True)
class EligibilityProfile:
    """What eligibility looks at. None everywhere means: the person has not said."""

    education: Education | None = None
    pedagogical_years: int | None = None
    speciality_years: int | None = None
    category: Category | None = None
    category_awarded_on: date | None = None
    titles: frozenset[Title] | None = None
    grounds: tuple[Evidence, ...] | None = None


@dataclass(frozen=True, slots=True)
class Rules:
    """A requirement set. A threshold of None (or an empty set) is no requirement."""

    variant: Variant
    higher_pedagogical: bool = False
    pedagogical_years: int | None = None
    speciality_years: int | None = None
    categories: frozenset[Category] = frozenset()
    titles: frozenset[Title] = frozenset()
    grounds: frozenset[Ground] = frozenset()
    clauses: Mapping[Requirement, str] = field(default_factory=dict)

    def requirements(self) -> list[Requirement]:
        wanted = [
            (Requirement.EDUCATION, self.higher_pedagogical),
            (Requirement.PEDAGOGICAL_YEARS, self.pedagogical_years is not None),
            (Requirement.SPECIALITY_YEARS, self.speciality_years is not None),
            (Requirement.CATEGORY, bool(self.categories or self.titles)),
            (Requirement.GROUNDS, bool(self.grounds)),
        ]
        return [requirement for requirement, on in wanted if on]

    def clause(self, requirement: Requirement) -> str:
        return self.clauses.get(requirement, "")


LUGA: Final = Rules(
    variant=Variant.LUGA,
    higher_pedagogical=True,
    pedagogical_years=5,
    categories=frozenset({Category.HIGHEST}),
    titles=frozenset(Title),
    clauses=dict.fromkeys(Requirement, "2.5"),
)

ZYRYANSKY: Final = Rules(
    variant=Variant.ZYRYANSKY,
    higher_pedagogical=True,
    speciality_years=5,
    categories=frozenset({Category.FIRST, Category.HIGHEST}),
    grounds=frozenset(Ground),
    clauses=dict.fromkeys(Requirement, "3.2") | {Requirement.GROUNDS: "3.2 (1–6)"},
)

PRESETS: Final[Mapping[Variant, Rules]] = {Variant.LUGA: LUGA, Variant.ZYRYANSKY: ZYRYANSKY}


def custom(
    *,
    higher_pedagogical: bool = False,
    pedagogical_years: int | None = None,
    speciality_years: int | None = None,
    categories: frozenset[Category] = frozenset(),
    titles: frozenset[Title] = frozenset(),
    grounds: frozenset[Ground] = frozenset(),
) -> Rules:
    """The organisation's own thresholds; its clause is its own decision, named as such."""
    return Rules(
        variant=Variant.CUSTOM,
        higher_pedagogical=higher_pedagogical,
        pedagogical_years=pedagogical_years,
        speciality_years=speciality_years,
        categories=categories - {Category.NONE},
        titles=titles,
        grounds=grounds,
    )


# The person and their coordinators are warned this long before a category lapses (and
# eligibility with it): two months leave time to apply for attestation again before it ends.
LAPSE_WARNING_DAYS: Final = 60


def lapse_warning_on(profile: EligibilityProfile) -> date | None:
    """The day the warning of the category's lapse is due."""
    lapse = lapses_on(profile)
    return None if lapse is None else lapse - timedelta(days=LAPSE_WARNING_DAYS)


def lapses_on(profile: EligibilityProfile) -> date | None:
    """The day the category stops counting: five years after its award; None without one."""
    awarded = profile.category_awarded_on
    if profile.category in {None, Category.NONE} or awarded is None:
        return None
    try:
        return awarded.replace(year=awarded.year + CATEGORY_YEARS)
    except ValueError:  # awarded on 29 February: lasts until 1 March
        return date(awarded.year + CATEGORY_YEARS, 3, 1)


@dataclass(frozen=True, slots=True)
class Finding:
    requirement: Requirement
    status: Status
    clause: str


@dataclass(frozen=True, slots=True)
class Assessment:
    variant: Variant
    findings: tuple[Finding, ...]

    @property
    def eligible(self) -> bool:
        return all(finding.status is Status.MET for finding in self.findings)

    def status(self, requirement: Requirement) -> Status | None:
        for finding in self.findings:
            if finding.requirement is requirement:
                return finding.status
        return None


def _years(have: int | None, need: int | None) -> Status:
    if have is None or need is None:
        return Status.UNVERIFIED
    return Status.MET if have >= need else Status.MISSING


def _category(profile: EligibilityProfile, rules: Rules, today: date) -> Status:
    if profile.titles and profile.titles & rules.titles:
        return Status.MET
    category = profile.category
    if category is not None and category in rules.categories:
        lapse = lapses_on(profile)
        if lapse is None:
            return Status.UNVERIFIED  # no award date: whether it still counts is unknown
        if today < lapse:
            return Status.MET
    # Not met by what is known; unknown if the person has not said something that could.
    if category is None or (rules.titles and profile.titles is None):
        return Status.UNVERIFIED
    return Status.MISSING


def _grounds(profile: EligibilityProfile, rules: Rules) -> Status:
    if profile.grounds is None:
        return Status.UNVERIFIED
    claimed = [evidence for evidence in profile.grounds if evidence.ground in rules.grounds]
    if any(evidence.attached for evidence in claimed):
        return Status.MET
    return Status.UNVERIFIED if claimed else Status.MISSING


def _one(
    requirement: Requirement, profile: EligibilityProfile, rules: Rules, today: date
) -> Status:
    match requirement:
        case Requirement.EDUCATION:
            if profile.education is None:
                return Status.UNVERIFIED
            met = profile.education is Education.HIGHER_PEDAGOGICAL
            return Status.MET if met else Status.MISSING
        case Requirement.PEDAGOGICAL_YEARS:
            return _years(profile.pedagogical_years, rules.pedagogical_years)
        case Requirement.SPECIALITY_YEARS:
            return _years(profile.speciality_years, rules.speciality_years)
        case Requirement.CATEGORY:
            return _category(profile, rules, today)
        case Requirement.GROUNDS:
            return _grounds(profile, rules)


def assess(profile: EligibilityProfile, rules: Rules, today: date) -> Assessment:
    """Each requirement of `rules`, in their order, met / missing / unverified, with its clause."""
    return Assessment(
        variant=rules.variant,
        findings=tuple(
            Finding(
                requirement, _one(requirement, profile, rules, today), rules.clause(requirement)
            )
            for requirement in rules.requirements()
        ),
    )


def rules_from(variant: Variant, thresholds: Mapping[str, object] | None) -> Rules:
    """The rules an organisation's setting names: a preset, or its own thresholds as stored."""
    if variant is not Variant.CUSTOM:
        return PRESETS[variant]
    data = dict(thresholds or {})

    def number(key: str) -> int | None:
        value = data.get(key)
        return value if isinstance(value, int) else None

    def codes(key: str) -> list[str]:
        value = data.get(key)
        return [str(code) for code in value] if isinstance(value, list) else []

    return custom(
        higher_pedagogical=bool(data.get("higher_pedagogical")),
        pedagogical_years=number("pedagogical_years"),
        speciality_years=number("speciality_years"),
        categories=frozenset(Category(c) for c in codes("categories") if c in set(Category)),
        titles=frozenset(Title(t) for t in codes("titles") if t in set(Title)),
        grounds=frozenset(Ground(g) for g in codes("grounds") if g in set(Ground)),
    )


def thresholds_of(rules: Rules) -> dict[str, object]:
    """The custom thresholds as stored (JSON), the inverse of `rules_from`."""
    return {
        "higher_pedagogical": rules.higher_pedagogical,
        "pedagogical_years": rules.pedagogical_years,
        "speciality_years": rules.speciality_years,
        "categories": sorted(rules.categories),
        "titles": sorted(rules.titles),
        "grounds": sorted(rules.grounds),
    }


class Setting(StrEnum):
    """What a coordinator changes in custom thresholds, one button press at a time."""

    EDUCATION = "edu"  # higher pedagogical education required, or not
    PEDAGOGICAL_YEARS = "ped"  # the next of YEAR_STEPS
    SPECIALITY_YEARS = "spec"
    CATEGORY = "cat"  # a category turned on or off
    TITLE = "title"
    GROUND = "ground"


# The thresholds of experience a press cycles through (None: no requirement).
YEAR_STEPS: Final[tuple[int | None, ...]] = (None, 1, 3, 5, 10)


def _next_years(current: int | None) -> int | None:
    steps = list(YEAR_STEPS)
    index = steps.index(current) if current in steps else 0
    return steps[(index + 1) % len(steps)]


def _flip(values: frozenset[_E], value: _E) -> frozenset[_E]:
    return values ^ {value}


def changed(rules: Rules, setting: Setting, value: str = "") -> Rules:
    """Custom thresholds after one change, starting from whatever rules were in force; raises
    ValueError for a value that is not one of the setting's (a forged button)."""
    match setting:
        case Setting.EDUCATION:
            rules = replace(rules, higher_pedagogical=not rules.higher_pedagogical)
        case Setting.PEDAGOGICAL_YEARS:
            rules = replace(rules, pedagogical_years=_next_years(rules.pedagogical_years))
        case Setting.SPECIALITY_YEARS:
            rules = replace(rules, speciality_years=_next_years(rules.speciality_years))
        case Setting.CATEGORY:
            flipped = _flip(rules.categories, Category(value)) - {Category.NONE}
            rules = replace(rules, categories=flipped)
        case Setting.TITLE:
            rules = replace(rules, titles=_flip(rules.titles, Title(value)))
        case Setting.GROUND:
            rules = replace(rules, grounds=_flip(rules.grounds, Ground(value)))
    return replace(rules, variant=Variant.CUSTOM, clauses={})
