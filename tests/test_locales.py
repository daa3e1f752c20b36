"""Every text the bot can say exists in Russian and English, takes the same parameters in both,
renders without errors, and Russian numbers agree with their nouns."""

from __future__ import annotations

import ast
import re
from collections.abc import AsyncIterator, Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime

import pytest
import pytest_asyncio
from aiogram_i18n.cores import FluentRuntimeCore
from fluent.syntax import FluentParser
from fluent.syntax import ast as fluent
from fluent.syntax.visitor import Visitor

from bot.domain.eligibility import Ground, Requirement, Status, Title, Variant
from bot.domain.model import LOCALES, BodyKind, Category, Education, Role
from bot.domain.rules import RuleName
from bot.main.app import COMMANDS
from bot.main.i18n import LOCALES_DIR, make_core
from bot.services.people import ProfileField
from bot.services.privacy import section_keys
from bot.services.setup import TIMEZONES
from bot.views.texts import LocaleTexts, WeekdayForm, when
from handlers.setup import TOGGLES

PROJECT = LOCALES_DIR.parent
SOURCES = ("bot", "handlers")


# --- the catalogues, as the Fluent parser sees them -----------------------------------------


class _Variables(Visitor):
    def __init__(self) -> None:
        super().__init__()
        self.names: set[str] = set()

    def visit_VariableReference(self, node: fluent.VariableReference) -> None:
        self.names.add(node.id.name)


@dataclass(frozen=True)
class Catalogue:
    """One locale: each message id with the variables it uses, plus what failed to parse."""

    messages: dict[str, frozenset[str]]
    duplicates: list[str]
    junk: list[str]


def _read_catalogue(lang: str) -> Catalogue:
    messages: dict[str, frozenset[str]] = {}
    duplicates: list[str] = []
    junk: list[str] = []
    for path in sorted((LOCALES_DIR / lang).glob("*.ftl")):
        resource = FluentParser().parse(path.read_text(encoding="utf-8"))
        for entry in resource.body:
            if isinstance(entry, fluent.Junk):
                junk.append(f"{path.name}: {(entry.content or '').strip()[:80]!r}")
            elif isinstance(entry, fluent.Message):
                variables = _Variables()
                variables.visit(entry)
                if entry.id.name in messages:
                    duplicates.append(f"{path.name}: {entry.id.name}")
                messages[entry.id.name] = frozenset(variables.names)
    return Catalogue(messages, duplicates, junk)


LANGS = sorted(path.name for path in LOCALES_DIR.iterdir() if path.is_dir())
CATALOGUES = {lang: _read_catalogue(lang) for lang in LANGS}
ALL_IDS = sorted({key for catalogue in CATALOGUES.values() for key in catalogue.messages})


# --- the keys the code uses -----------------------------------------------------------------

# Calls whose first string argument is a message id: the i18n context or core, the notifier,
# domain errors, and the roster file's per-line problems.
KEY_CALLS = frozenset(
    {
        "get",
        "notify",
        "text",
        "DomainError",
        "ValidationError",
        "AccessDenied",
        "NotFound",
        "Conflict",
        "LineError",
        "_file_error",
    }
)
# `get` is also dict.get: only these receivers translate.
TRANSLATORS = frozenset({"i18n", "core", "_core"})


@dataclass(frozen=True)
class UsedKey:
    key: str
    where: str
    # The parameters the call passes, or None when it also passes `**something`.
    supplied: frozenset[str] | None


def _constants(node: ast.expr) -> list[str]:
    """`"key"` → [key]; `"a" if x else "b"` → [a, b]; anything computed → []."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):
        body, orelse = _constants(node.body), _constants(node.orelse)
        return body + orelse if body and orelse else []
    return []


def _name(node: ast.expr) -> str | None:
    if isinstance(node, ast.Attribute):
        return node.attr
    if isinstance(node, ast.Name):
        return node.id
    return None


def _supplied(call: ast.Call, after: int) -> frozenset[str] | None:
    """Keyword arguments, and the string keys of a literal dict of parameters (LineError)."""
    names: set[str] = set()
    for keyword in call.keywords:
        if keyword.arg is None:
            return None
        names.add(keyword.arg)
    for argument in call.args[after + 1 :]:
        if isinstance(argument, ast.Dict):
            names |= {key for k in argument.keys if k is not None for key in _constants(k)}
    return frozenset(names)


def _translates(call: ast.Call) -> bool:
    name = _name(call.func)
    if name == "get":
        return isinstance(call.func, ast.Attribute) and _name(call.func.value) in TRANSLATORS
    return name in KEY_CALLS


def _keys_in(call: ast.Call, where: str) -> Iterator[UsedKey]:
    if _translates(call):
        for index, argument in enumerate(call.args):
            if keys := _constants(argument):
                supplied = _supplied(call, index)
                yield from (UsedKey(key, where, supplied) for key in keys)
                break
    # Helpers that take the message id by name: valid_name(..., key=...), link_text(...).
    for keyword in call.keywords:
        if keyword.arg == "key":
            yield from (UsedKey(key, where, None) for key in _constants(keyword.value))


def _used_keys() -> list[UsedKey]:
    used: list[UsedKey] = []
    for folder in SOURCES:
        for path in sorted((PROJECT / folder).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
            for node in ast.walk(tree):
                if isinstance(node, ast.Call):
                    where = f"{path.relative_to(PROJECT)}:{node.lineno}"
                    used.extend(_keys_in(node, where))
    return used


USED = _used_keys()

# Keys the code builds from a value: f"role-{role.value}" and the like.
FAMILIES: dict[str, list[str]] = {
    "role": [f"role-{role}" for role in Role],
    "kind": [f"kind-{kind}" for kind in BodyKind],
    "category": [f"category-{category}" for category in Category],
    "education": [f"education-{education}" for education in Education],
    "command": [f"command-{name}" for name in COMMANDS],
    "rules-button": [f"rules-button-{rule}" for rule in RuleName],
    # Yes-or-no rules are turned over by a tap: nothing is asked for them.
    "rules-ask": [f"rules-ask-{rule}" for rule in RuleName if rule not in TOGGLES],
    "profile-edit": [f"profile-edit-{field}" for field in ProfileField],
    "title": [f"title-{title}" for title in Title],
    "ground": [f"ground-{ground}" for ground in Ground],
    "eligibility-title": [f"eligibility-title-{variant}" for variant in Variant],
    "eligibility-variant": [f"eligibility-variant-{variant}" for variant in Variant],
    "eligibility-status": [f"eligibility-status-{status}" for status in Status],
    "eligibility-requirement": [
        f"eligibility-{requirement}" for requirement in Requirement if requirement != "category"
    ]
    + ["eligibility-category"],
    "profile-ask": [f"profile-ask-{field}" for field in ProfileField],
    "body-ask-name": [f"body-ask-name-{kind}" for kind in BodyKind],
    "tz": [f"tz-{zone.replace('/', '-')}" for zone in TIMEZONES],
    "mydata-section": [f"mydata-section-{key.replace('.', '-')}" for key in section_keys()],
    "privacy-register": [
        f"privacy-register-{column}"
        for column in ("person", "basis", "version", "hash", "given", "withdrawn", "erased")
    ],
}


# --- structure ------------------------------------------------------------------------------


def test_the_bot_speaks_exactly_its_locales() -> None:
    assert sorted(LOCALES) == LANGS


@pytest.mark.parametrize("lang", LANGS)
def test_catalogue_parses_cleanly(lang: str) -> None:
    catalogue = CATALOGUES[lang]
    assert catalogue.junk == []
    assert catalogue.duplicates == []
    assert len(catalogue.messages) > 100


@pytest.mark.parametrize("lang", LANGS)
def test_every_message_exists_in_every_locale(lang: str) -> None:
    missing = [key for key in ALL_IDS if key not in CATALOGUES[lang].messages]
    assert missing == []


def _variables_differ() -> Iterable[str]:
    for key in ALL_IDS:
        seen = {lang: CATALOGUES[lang].messages.get(key) for lang in LANGS}
        present = {lang: names for lang, names in seen.items() if names is not None}
        if len(set(present.values())) > 1:
            yield f"{key}: " + ", ".join(
                f"{lang} {sorted(names)}" for lang, names in present.items()
            )


def test_every_message_takes_the_same_variables_in_every_locale() -> None:
    assert list(_variables_differ()) == []


# --- the keys the code uses -----------------------------------------------------------------


def test_the_scan_finds_keys_in_every_kind_of_call() -> None:
    """Guards the scan itself: a key from each way the code names one."""
    keys = {used.key for used in USED}
    assert {
        "cancel-done",  # i18n.get("a" if x else "b")
        "cancel-nothing",
        "error-foreign-button",  # i18n.get in a middleware
        "error-not-registered",  # AccessDenied(...)
        "roster-error-same-role",  # Conflict(...)
        "invite-joined-notice",  # notifier.notify(person, key, ...)
        "role-coordinator",  # notifier.text(person, key)
        "roster-csv-encoding",  # _file_error(...)
        "roster-csv-duplicate",  # LineError(line, column, key, params)
        "setup-error-org-name",  # valid_name(..., key=...)
        "invite-link",  # link_text(..., key=...)
    } <= keys
    assert "event_from_user" not in keys  # data.get(...) is not a translation


@pytest.mark.parametrize("lang", LANGS)
def test_every_key_the_code_uses_exists(lang: str) -> None:
    messages = CATALOGUES[lang].messages
    missing = sorted(f"{used.where}: {used.key}" for used in USED if used.key not in messages)
    assert missing == []


@pytest.mark.parametrize("lang", LANGS)
def test_the_code_supplies_every_variable_a_message_needs(lang: str) -> None:
    """A variable left out makes Fluent fail, and the person sees `error-unexpected` instead."""
    messages = CATALOGUES[lang].messages
    short = sorted(
        f"{used.where}: {used.key} lacks {sorted(messages[used.key] - used.supplied)}"
        for used in USED
        if used.supplied is not None
        and used.key in messages
        and not messages[used.key] <= used.supplied
    )
    assert short == []


@pytest.mark.parametrize("family", sorted(FAMILIES))
@pytest.mark.parametrize("lang", LANGS)
def test_keys_built_from_values_exist(lang: str, family: str) -> None:
    missing = [key for key in FAMILIES[family] if key not in CATALOGUES[lang].messages]
    assert FAMILIES[family]
    assert missing == []


# --- rendering ------------------------------------------------------------------------------


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def core() -> AsyncIterator[FluentRuntimeCore]:
    """The production translation core, loaded once for the module."""
    translations = make_core("ru")
    await translations.startup()
    yield translations
    await translations.shutdown()


NUMBERS = frozenset(
    {
        "count",
        "line",
        "first_line",
        "length",
        "min",
        "max",
        "max_lines",
        "max_mb",
        "number",
        "page",
        "pages",
        "members",
        "guests",
        "telegram",
        "total",
        "notice",
        "proposal",
        "minutes",
        "experience",
        "uses",
        "new",
        "present",
        "columns",
        "year",
        "start",
        "end",
        "quarter",
        "held",
        "announced",
        "planned",
        "required",
        "years",
        "version",
        "votes",
        "ballots",
        "proposals",
        "asked",
        "given",
    }
)
# Where a variable means something else than elsewhere.
OVERRIDES: dict[str, dict[str, str | int]] = {
    "roster-csv-unknown-columns": {"columns": "Отчество, Email"},
    "consult-report-summary": {"take": 2, "hold": 30, "rating": 4},
}


def plausible(key: str, variables: Iterable[str]) -> dict[str, str | int]:
    values: dict[str, str | int] = {
        name: 3 if name in NUMBERS else f"«{name}»" for name in variables
    }
    return values | OVERRIDES.get(key, {})


@pytest.mark.parametrize("key", ALL_IDS)
@pytest.mark.parametrize("lang", LANGS)
def test_every_message_renders(core: FluentRuntimeCore, lang: str, key: str) -> None:
    variables = CATALOGUES[lang].messages.get(key, frozenset())
    text = core.get(key, lang, **plausible(key, variables))
    assert text.strip()


# --- numbers and nouns ----------------------------------------------------------------------

ONE, FEW, MANY = 0, 1, 2
# CLDR's Russian rules: 1, 21, 101 → one; 2-4, 22-24 → few; 0, 5-20, 25-30, 111 → many.
RUSSIAN_FORMS = {0: MANY, 1: ONE, 2: FEW, 4: FEW, 5: MANY, 11: MANY, 12: MANY, 14: MANY}
RUSSIAN_FORMS |= {21: ONE, 22: FEW, 25: MANY, 101: ONE, 111: MANY}


@dataclass(frozen=True)
class Counted:
    key: str
    variable: str
    forms: tuple[str, str, str]
    others: dict[str, str | int]


RUSSIAN_COUNTED = [
    Counted(
        "consent-text", "years", ("год", "года", "лет"), {"operator": "ИМЦ", "address": "Луга"}
    ),
    Counted(
        "retention-note",
        "years",
        ("год", "года", "лет"),
        {"name": "Белов Игорь Николаевич", "organisation": "ИМЦ", "date": "01.03.2032"},
    ),
    Counted("paper-consent-confirm-import", "count", ("человека", "человек", "человек"), {}),
    Counted("invite-uses", "count", ("человек", "человека", "человек"), {}),
    Counted("invite-days", "count", ("день", "дня", "дней"), {}),
    Counted("roster-title", "count", ("человек", "человека", "человек"), {"body": "Совет"}),
    Counted("roster-csv-invalid", "count", ("ошибка", "ошибки", "ошибок"), {}),
    Counted("roster-csv-more", "count", ("ошибка", "ошибки", "ошибок"), {}),
    Counted("people-error-name-length", "length", ("знак", "знака", "знаков"), {"max": 120}),
    Counted(
        "profile-card",
        "experience",
        ("год", "года", "лет"),
        {
            "name": "Иванова Мария Петровна",
            "school": "МОУ СОШ № 3",
            "subject": "математика",
            "position": "учитель",
            "category": "первая",
            "education": "высшее",
        },
    ),
    Counted(
        "room-error-counted", "total", ("голос", "голоса", "голосов"), {"number": 1, "left": 0}
    ),
    Counted(
        "voting-error-room-count",
        "recorded",
        ("голос", "голоса", "голосов"),
        {"number": 2, "room": 0},
    ),
]


def _said(number: int, noun: str, text: str) -> bool:
    return re.search(rf"(?<!\d){number} {noun}(?!\w)", text) is not None


@pytest.mark.parametrize("number", sorted(RUSSIAN_FORMS))
@pytest.mark.parametrize("counted", RUSSIAN_COUNTED, ids=lambda counted: counted.key)
def test_russian_noun_agrees_with_the_number(
    core: FluentRuntimeCore, counted: Counted, number: int
) -> None:
    text = core.get(counted.key, "ru", **counted.others, **{counted.variable: number})
    noun = counted.forms[RUSSIAN_FORMS[number]]
    assert _said(number, noun, text), text


@pytest.mark.parametrize(
    ("key", "number", "said"),
    [
        ("invite-uses", 1, "1 person"),
        ("invite-uses", 2, "2 people"),
        ("invite-uses", 21, "21 people"),
        ("invite-days", 1, "1 day"),
        ("invite-days", 21, "21 days"),
        ("roster-csv-invalid", 1, "There is 1 error "),
        ("roster-csv-invalid", 5, "There are 5 errors "),
        ("roster-csv-more", 1, "1 more error"),
        ("roster-csv-more", 11, "11 more errors"),
    ],
)
def test_english_noun_agrees_with_the_number(
    core: FluentRuntimeCore, key: str, number: int, said: str
) -> None:
    assert said in core.get(key, "en", count=number)


@pytest.mark.parametrize("lang", LANGS)
def test_line_numbers_are_not_grouped(core: FluentRuntimeCore, lang: str) -> None:
    """A spreadsheet row is 1234, not «1 234»: people search for it in Excel."""
    text = core.get("roster-csv-line", lang, line=1234, column="none", problem="…")
    assert "1234" in text


# Every weekday in the form its sentence needs (Monday is 2027-03-08).
WEEKDAYS_RU = [
    ("понедельник", "понедельник", "в понедельник"),
    ("вторник", "вторник", "во вторник"),
    ("среда", "среду", "в среду"),
    ("четверг", "четверг", "в четверг"),
    ("пятница", "пятницу", "в пятницу"),
    ("суббота", "субботу", "в субботу"),
    ("воскресенье", "воскресенье", "в воскресенье"),
]


@pytest.mark.parametrize(("day", "forms"), list(enumerate(WEEKDAYS_RU)))
def test_russian_weekdays_take_the_case_of_their_sentence(
    core: FluentRuntimeCore, day: int, forms: tuple[str, str, str]
) -> None:
    texts = LocaleTexts(core, "ru")
    moment = datetime(2027, 3, 8 + day, 12, 0, tzinfo=UTC)
    nominative, accusative, on_the_day = forms
    date = f"{8 + day:02d}.03.2027 15:00"
    assert when(texts, moment, "Europe/Moscow") == f"{nominative}, {date}"
    moved = core.get("move-done", "ru", when=when(texts, moment, "Europe/Moscow", form="acc"))
    assert f"Заседание перенесено на {accusative}, {date}." in moved
    cancel = core.get(
        "cancel-meeting-confirm", "ru", when=when(texts, moment, "Europe/Moscow", form="when")
    )
    assert cancel.startswith(f"Отменить заседание {on_the_day}, {date}?")


FORMS: list[WeekdayForm] = ["nom", "acc", "when"]


@pytest.mark.parametrize("form", FORMS)
def test_english_weekdays_are_the_same_in_every_form(
    core: FluentRuntimeCore, form: WeekdayForm
) -> None:
    texts = LocaleTexts(core, "en")
    moment = datetime(2027, 3, 10, 12, 0, tzinfo=UTC)
    assert when(texts, moment, "Europe/Moscow", form=form) == "Wednesday, 10.03.2027 15:00"
