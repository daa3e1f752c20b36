"""Eligibility for the asset, from the regulations: Luga appendix 3, 2.5; Zyryansky 3.2."""

from __future__ import annotations

from datetime import date

import pytest

from bot.domain.eligibility import (
    LAPSE_WARNING_DAYS,
    LUGA,
    ZYRYANSKY,
    EligibilityProfile,
    Evidence,
    Ground,
    Requirement,
    Rules,
    Setting,
    Status,
    Title,
    Variant,
    assess,
    changed,
    custom,
    lapse_warning_on,
    lapses_on,
    rules_from,
    thresholds_of,
)
from bot.domain.model import Category, Education

TODAY = date(2026, 12, 1)
M, X, U = Status.MET, Status.MISSING, Status.UNVERIFIED

# A teacher meeting everything both regulations ask, awarded the highest category in 2024.
FULL = EligibilityProfile(
    education=Education.HIGHER_PEDAGOGICAL,
    pedagogical_years=12,
    speciality_years=10,
    category=Category.HIGHEST,
    category_awarded_on=date(2024, 3, 1),
    titles=frozenset(),
    grounds=(Evidence(Ground.CONTEST, note="диплом призёра, 2025"),),
)


def but(**changes: object) -> EligibilityProfile:
    values = {name: getattr(FULL, name) for name in FULL.__slots__}
    return EligibilityProfile(**(values | changes))


CASES: list[tuple[str, EligibilityProfile, Rules, dict[Requirement, Status]]] = [
    (
        "luga: everything",
        FULL,
        LUGA,
        {
            Requirement.EDUCATION: M,
            Requirement.PEDAGOGICAL_YEARS: M,
            Requirement.CATEGORY: M,
        },
    ),
    (
        "luga 2.5: higher but not pedagogical education",
        but(education=Education.HIGHER),
        LUGA,
        {Requirement.EDUCATION: X},
    ),
    (
        "luga 2.5: four years of pedagogical experience",
        but(pedagogical_years=4),
        LUGA,
        {Requirement.PEDAGOGICAL_YEARS: X},
    ),
    ("luga 2.5: exactly five years", but(pedagogical_years=5), LUGA, {}),
    (
        "luga 2.5: the first category is not enough without a title",
        but(category=Category.FIRST),
        LUGA,
        {Requirement.CATEGORY: X},
    ),
    (
        "luga 2.5: or a title — педагог-наставник with the first category",
        but(category=Category.FIRST, titles=frozenset({Title.MENTOR})),
        LUGA,
        {},
    ),
    (
        "luga 2.5: or a title — педагог-методист with no category",
        but(category=Category.NONE, titles=frozenset({Title.METHODIST})),
        LUGA,
        {},
    ),
    (
        "luga 2.5: a category awarded six years ago has lapsed",
        but(category_awarded_on=date(2020, 11, 30)),
        LUGA,
        {Requirement.CATEGORY: X},
    ),
    (
        "luga 2.5: nothing said about titles, first category: cannot tell",
        but(category=Category.FIRST, titles=None),
        LUGA,
        {Requirement.CATEGORY: U},
    ),
    (
        "luga 2.5: a category without its date: cannot tell whether it still counts",
        but(category_awarded_on=None),
        LUGA,
        {Requirement.CATEGORY: U},
    ),
    (
        "luga 2.5: an empty profile",
        EligibilityProfile(),
        LUGA,
        {
            Requirement.EDUCATION: U,
            Requirement.PEDAGOGICAL_YEARS: U,
            Requirement.CATEGORY: U,
        },
    ),
    (
        "zyryansky: everything",
        FULL,
        ZYRYANSKY,
        {
            Requirement.EDUCATION: M,
            Requirement.SPECIALITY_YEARS: M,
            Requirement.CATEGORY: M,
            Requirement.GROUNDS: M,
        },
    ),
    ("zyryansky 3.2: the first category is enough", but(category=Category.FIRST), ZYRYANSKY, {}),
    (
        "zyryansky 3.2: a title does not replace a category",
        but(category=Category.NONE, titles=frozenset(Title)),
        ZYRYANSKY,
        {Requirement.CATEGORY: X},
    ),
    (
        "zyryansky 3.2: four years in the speciality",
        but(speciality_years=4),
        ZYRYANSKY,
        {Requirement.SPECIALITY_YEARS: X},
    ),
    (
        "zyryansky 3.2: a ground claimed without evidence",
        but(grounds=(Evidence(Ground.COUNCIL_HEAD),)),
        ZYRYANSKY,
        {Requirement.GROUNDS: U},
    ),
    (
        "zyryansky 3.2.6: a department specialist, with a file",
        but(grounds=(Evidence(Ground.DEPARTMENT, file_id="BQAC-1"),)),
        ZYRYANSKY,
        {},
    ),
    (
        "zyryansky 3.2: none of the six grounds",
        but(grounds=()),
        ZYRYANSKY,
        {Requirement.GROUNDS: X},
    ),
    (
        "zyryansky 3.2: grounds not answered",
        but(grounds=None),
        ZYRYANSKY,
        {Requirement.GROUNDS: U},
    ),
    (
        "custom: three years, any category, ground 1 or 2 only",
        but(pedagogical_years=3, grounds=(Evidence(Ground.CONTEST, note="x"),)),
        custom(
            pedagogical_years=3,
            categories=frozenset({Category.FIRST, Category.HIGHEST}),
            grounds=frozenset({Ground.FEDERAL_ASSESSMENT, Ground.REGIONAL_ASSESSMENT}),
        ),
        {
            Requirement.PEDAGOGICAL_YEARS: M,
            Requirement.CATEGORY: M,
            Requirement.GROUNDS: X,
        },
    ),
]


@pytest.mark.parametrize(
    ("name", "profile", "rules", "expected"), CASES, ids=[c[0] for c in CASES]
)
def test_assess(
    name: str, profile: EligibilityProfile, rules: Rules, expected: dict[Requirement, Status]
) -> None:
    found = assess(profile, rules, TODAY)
    statuses = {finding.requirement: finding.status for finding in found.findings}
    assert set(statuses) == set(rules.requirements())
    for requirement, status in statuses.items():
        assert status is expected.get(requirement, M), requirement


def test_each_finding_names_its_clause() -> None:
    luga = assess(FULL, LUGA, TODAY)
    assert {f.clause for f in luga.findings} == {"2.5"}
    zyryansky = assess(FULL, ZYRYANSKY, TODAY)
    assert [f.clause for f in zyryansky.findings] == ["3.2", "3.2", "3.2", "3.2 (1–6)"]


def test_luga_requirements_and_zyryansky_requirements() -> None:
    assert LUGA.requirements() == [
        Requirement.EDUCATION,
        Requirement.PEDAGOGICAL_YEARS,
        Requirement.CATEGORY,
    ]
    assert ZYRYANSKY.requirements() == [
        Requirement.EDUCATION,
        Requirement.SPECIALITY_YEARS,
        Requirement.CATEGORY,
        Requirement.GROUNDS,
    ]
    assert [ground.item for ground in Ground] == [1, 2, 3, 4, 5, 6]


def test_ineligible_under_luga_but_eligible_under_zyryansky() -> None:
    # The first category, no title: Luga wants the highest or a title (2.5).
    teacher = but(category=Category.FIRST)
    assert not assess(teacher, LUGA, TODAY).eligible
    assert assess(teacher, ZYRYANSKY, TODAY).eligible


def test_ineligible_under_zyryansky_but_eligible_under_luga() -> None:
    # Педагог-наставник without a category and with none of the six grounds.
    teacher = but(category=Category.NONE, titles=frozenset({Title.MENTOR}), grounds=())
    assert assess(teacher, LUGA, TODAY).eligible
    zyryansky = assess(teacher, ZYRYANSKY, TODAY)
    assert not zyryansky.eligible
    assert zyryansky.status(Requirement.CATEGORY) is X
    assert zyryansky.status(Requirement.GROUNDS) is X


@pytest.mark.parametrize(
    ("awarded", "lapses"),
    [
        (date(2024, 3, 1), date(2029, 3, 1)),
        (date(2024, 2, 29), date(2029, 3, 1)),
        (date(2021, 12, 1), date(2026, 12, 1)),
    ],
)
def test_a_category_lasts_five_years(awarded: date, lapses: date) -> None:
    assert lapses_on(but(category_awarded_on=awarded)) == lapses


def test_the_lapse_day_itself_no_longer_counts() -> None:
    lapsing = but(category_awarded_on=date(2021, 12, 1))
    assert assess(lapsing, LUGA, date(2026, 11, 30)).eligible
    assert assess(lapsing, LUGA, date(2026, 12, 1)).status(Requirement.CATEGORY) is X


def test_no_category_no_lapse() -> None:
    assert lapses_on(but(category=Category.NONE)) is None
    assert lapses_on(but(category_awarded_on=None)) is None


def test_custom_thresholds_round_trip() -> None:
    rules = custom(
        higher_pedagogical=True,
        speciality_years=3,
        categories=frozenset({Category.HIGHEST}),
        titles=frozenset({Title.METHODIST}),
        grounds=frozenset({Ground.RESULTS}),
    )
    assert rules_from(Variant.CUSTOM, thresholds_of(rules)) == rules
    assert rules_from(Variant.LUGA, None) is LUGA
    assert rules_from(Variant.CUSTOM, None).requirements() == []


def test_custom_thresholds_start_from_the_rules_in_force() -> None:
    rules = changed(LUGA, Setting.PEDAGOGICAL_YEARS)
    assert rules.variant is Variant.CUSTOM
    assert rules.pedagogical_years == 10
    assert rules.categories == LUGA.categories
    assert rules.clause(Requirement.EDUCATION) == ""
    rules = changed(rules, Setting.CATEGORY, "first")
    rules = changed(rules, Setting.TITLE, "mentor")
    rules = changed(rules, Setting.GROUND, "head")
    rules = changed(rules, Setting.EDUCATION)
    assert rules.categories == {Category.FIRST, Category.HIGHEST}
    assert rules.titles == {Title.METHODIST}
    assert rules.grounds == {Ground.COUNCIL_HEAD}
    assert not rules.higher_pedagogical
    assert changed(rules, Setting.PEDAGOGICAL_YEARS).pedagogical_years is None
    with pytest.raises(ValueError, match="nonsense"):
        changed(rules, Setting.GROUND, "nonsense")


def test_the_lapse_warning_is_due_sixty_days_before() -> None:
    assert LAPSE_WARNING_DAYS == 60
    assert lapse_warning_on(but(category_awarded_on=date(2022, 6, 10))) == date(2027, 4, 11)
    assert lapse_warning_on(but(category=Category.NONE)) is None
