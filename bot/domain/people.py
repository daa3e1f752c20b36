"""Validation of what people type about themselves: each function takes raw text and returns
the normalised value, or raises `ValidationError` whose key and params tell how to fix it.

The word tables below are a file format as much as a vocabulary: the roster import reads them
and the roster export writes them, so a file the bot writes always reads back the same."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from datetime import date
from typing import Final, TypeVar

from bot.domain.errors import ValidationError
from bot.domain.model import Category, Education, Role
from bot.domain.text import fold, readable

NAME_MAX: Final = 120
NAME_MIN_WORDS: Final = 2
SCHOOL_MIN: Final = 2
SCHOOL_MAX: Final = 200
SUBJECT_MIN: Final = 2
SUBJECT_MAX: Final = 80
POSITION_MIN: Final = 2
POSITION_MAX: Final = 120
EXPERIENCE_MIN: Final = 0
EXPERIENCE_MAX: Final = 70
TELEGRAM_ID_MAX: Final = 10**13

# A `value` param echoes what was typed; a whole paragraph pasted by mistake would drown the
# message, so it is cut.
_SHOWN_MAX = 40

# Phones put these in without anyone seeing them.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))
# Autocorrect turns a typed hyphen into a dash and an apostrophe into a typographic one.
_DASHES = str.maketrans(dict.fromkeys("‐‑‒–—―", "-"))
_APOSTROPHES = str.maketrans(dict.fromkeys("’‘ʼ`´", "'"))
_SPACED_HYPHEN = re.compile(r"\s*-\s*")
_SUBJECT_PUNCTUATION = frozenset(" -,()")
_EXPERIENCE = re.compile(r"([0-9]{1,3})(?:\s*(?:лет|год|года|г\.?|years?|yrs?\.?))?", re.I)
_ROLE_SEPARATORS = re.compile(r"[,;+/]")

_T = TypeVar("_T")


def _clean(text: str) -> str:
    """Composes letters (й typed as и + breve), drops invisible characters, collapses spaces."""
    text = unicodedata.normalize("NFC", text).translate(_INVISIBLE)
    return " ".join(text.split())


def _shown(text: str) -> str:
    text = _clean(text)
    return text if len(text) <= _SHOWN_MAX else text[: _SHOWN_MAX - 1] + "…"


def _is_letter(char: str) -> bool:
    """A Cyrillic or Latin letter, with or without diacritics (ё, é, ü)."""
    if not char.isalpha():
        return False
    name = unicodedata.name(char, "")
    return name.startswith(("CYRILLIC ", "LATIN "))


def _is_name_word(word: str) -> bool:
    parts = re.split(r"[-']", word)
    return all(part and all(_is_letter(c) for c in part) for part in parts)


def _capitalise(word: str) -> str:
    """«салтыков-щедрин» → «Салтыков-Щедрин»; a word with any capital is kept as typed."""
    if word != word.lower():
        return word
    return "-".join(part[:1].upper() + part[1:] for part in word.split("-"))


def full_name(text: str) -> str:
    """Surname, name and patronymic: at least two words of letters, hyphens and apostrophes."""
    value = _SPACED_HYPHEN.sub("-", _clean(text).translate(_DASHES).translate(_APOSTROPHES))
    if len(value) > NAME_MAX:
        raise ValidationError("people-error-name-length", max=NAME_MAX, length=len(value))
    words = value.split()
    if len(words) < NAME_MIN_WORDS:
        raise ValidationError("people-error-name-words", min=NAME_MIN_WORDS, value=_shown(value))
    for word in words:
        if not _is_name_word(word):
            raise ValidationError("people-error-name-chars", value=_shown(word))
    return " ".join(_capitalise(word) for word in words)


def _free_text(text: str, key: str, low: int, high: int) -> str:
    value = _clean(text)
    # Text that starts like a spreadsheet formula is kept as typed: every file the bot writes
    # neutralises it (bot/domain/cells.py), and the roster import reads it back as text.
    if not low <= len(value) <= high:
        raise ValidationError(key, min=low, max=high, length=len(value), value=_shown(value))
    return value


def school(text: str) -> str:
    """The school or organisation a person works in, e.g. «МОУ СОШ № 3»."""
    return readable(_free_text(text, "people-error-school", SCHOOL_MIN, SCHOOL_MAX))


def position(text: str) -> str:
    """A person's position, e.g. «учитель математики»."""
    return readable(_free_text(text, "people-error-position", POSITION_MIN, POSITION_MAX))


def subject(text: str) -> str:
    """A school subject: letters, spaces, hyphens, commas and parentheses, from a letter."""
    value = _clean(text).translate(_DASHES)
    if (
        not SUBJECT_MIN <= len(value) <= SUBJECT_MAX
        or not _is_letter(value[0])
        or not all(_is_letter(c) or c in _SUBJECT_PUNCTUATION for c in value)
    ):
        raise ValidationError(
            "people-error-subject", min=SUBJECT_MIN, max=SUBJECT_MAX, value=_shown(value)
        )
    return value


def experience_years(text: str) -> int:
    """Teaching experience in whole years: «12», «12 лет», «1 год»."""
    match = _EXPERIENCE.fullmatch(_clean(text))
    years = int(match.group(1)) if match else -1
    if not EXPERIENCE_MIN <= years <= EXPERIENCE_MAX:
        raise ValidationError(
            "people-error-experience",
            min=EXPERIENCE_MIN,
            max=EXPERIENCE_MAX,
            value=_shown(text),
        )
    return years


# The earliest year a start of work or a category's award may be given as.
EARLIEST_YEAR: Final = 1950
NOTE_MAX: Final = 300
_DATE = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")


def experience_years_or_start(text: str, today: date) -> int:
    """Experience in whole years («12», «12 лет»), or the year it began («2009»)."""
    cleaned = _clean(text)
    if cleaned.isdigit() and len(cleaned) == 4:
        start = int(cleaned)
        if not EARLIEST_YEAR <= start <= today.year:
            raise ValidationError(
                "people-error-start-year", min=EARLIEST_YEAR, max=today.year, value=_shown(text)
            )
        return experience_years(str(today.year - start))
    return experience_years(text)


def award_date(text: str, today: date) -> date:
    """The day a category was awarded, as people write it: 25.12.2023; never in the future."""
    match = _DATE.fullmatch(_clean(text))
    try:
        day = (
            date(int(match.group(3)), int(match.group(2)), int(match.group(1))) if match else None
        )
    except ValueError:
        day = None
    if day is None:
        raise ValidationError("people-error-date", value=_shown(text))
    if day > today:
        raise ValidationError("people-error-date-future", value=_shown(text))
    if day.year < EARLIEST_YEAR:
        raise ValidationError("people-error-date-old", min=EARLIEST_YEAR, value=_shown(text))
    return day


def note(text: str) -> str:
    """A short note of evidence: where a ground shows (an order, a diploma, a web page)."""
    return _free_text(text, "people-error-note", 3, NOTE_MAX)


def telegram_id(text: str) -> int | None:
    """A numeric Telegram user id, or None when the cell is empty."""
    value = _clean(text)
    if not value:
        return None
    if not (value.isascii() and value.isdigit()) or not 0 < int(value) <= TELEGRAM_ID_MAX:
        raise ValidationError("people-error-telegram-id", value=_shown(value))
    return int(value)


# --- Words for roles, categories, education and activity, both ways --------------------------
# The first table of each kind is what an export writes (one word per value and language);
# the synonyms are what people also type. Lookups ignore case, ё/е and underscores.

ROLE_WORDS: Final[Mapping[str, Mapping[Role, str]]] = {
    "ru": {
        Role.CHAIR: "председатель",
        Role.DEPUTY: "заместитель",
        Role.SECRETARY: "секретарь",
        Role.MEMBER: "член",
        Role.GUEST: "гость",
    },
    "en": {
        Role.CHAIR: "chair",
        Role.DEPUTY: "deputy",
        Role.SECRETARY: "secretary",
        Role.MEMBER: "member",
        Role.GUEST: "guest",
    },
}
METHODIST_WORDS: Final[Mapping[str, str]] = {"ru": "методист", "en": "methodist"}
CATEGORY_WORDS: Final[Mapping[str, Mapping[Category, str]]] = {
    "ru": {Category.NONE: "нет", Category.FIRST: "первая", Category.HIGHEST: "высшая"},
    "en": {Category.NONE: "none", Category.FIRST: "first", Category.HIGHEST: "highest"},
}
EDUCATION_WORDS: Final[Mapping[str, Mapping[Education, str]]] = {
    "ru": {
        Education.HIGHER_PEDAGOGICAL: "высшее педагогическое",
        Education.HIGHER: "высшее",
        Education.SECONDARY_PROFESSIONAL: "среднее профессиональное",
        Education.OTHER: "другое",
    },
    "en": {level: level.value for level in Education},
}
ACTIVE_WORDS: Final[Mapping[str, Mapping[bool, str]]] = {
    "ru": {True: "да", False: "нет"},
    "en": {True: "yes", False: "no"},
}

_ROLE_SYNONYMS: Final[Mapping[str, Role]] = {
    "председатель совета": Role.CHAIR,
    "заместитель председателя": Role.DEPUTY,
    "зам. председателя": Role.DEPUTY,
    "ответственный секретарь": Role.SECRETARY,
    "член совета": Role.MEMBER,
    "участник": Role.MEMBER,
    "приглашённый": Role.GUEST,
    "приглашенный": Role.GUEST,
}
_CATEGORY_SYNONYMS: Final[Mapping[str, Category]] = {
    "без категории": Category.NONE,
    "нет категории": Category.NONE,
    "no": Category.NONE,
    "1": Category.FIRST,
    "первая категория": Category.FIRST,
    "1 категория": Category.FIRST,
    "высшая категория": Category.HIGHEST,
}
_EDUCATION_SYNONYMS: Final[Mapping[str, Education]] = {
    "высшее педагогическое образование": Education.HIGHER_PEDAGOGICAL,
    "высшее образование": Education.HIGHER,
    "среднее профессиональное образование": Education.SECONDARY_PROFESSIONAL,
    # The name it had until 2013; many diplomas and spreadsheets still say so.
    "среднее специальное": Education.SECONDARY_PROFESSIONAL,
    "иное": Education.OTHER,
}
_ACTIVE_SYNONYMS: Final[Mapping[str, bool]] = {
    "1": True,
    "0": False,
    "true": True,
    "false": False,
    "активен": True,
    "не активен": False,
}


def _word_key(text: str) -> str:
    return fold(_clean(text).replace("_", " "))


def _lookup(tables: Mapping[str, Mapping[_T, str]], synonyms: Mapping[str, _T]) -> dict[str, _T]:
    found = {_word_key(word): value for word, value in synonyms.items()}
    for table in tables.values():
        found.update({_word_key(word): value for value, word in table.items()})
    return found


_ROLES = _lookup(ROLE_WORDS, _ROLE_SYNONYMS)
_METHODIST = frozenset(_word_key(word) for word in METHODIST_WORDS.values())
_CATEGORIES = _lookup(CATEGORY_WORDS, _CATEGORY_SYNONYMS)
_EDUCATIONS = _lookup(EDUCATION_WORDS, _EDUCATION_SYNONYMS)
_ACTIVE = _lookup(ACTIVE_WORDS, _ACTIVE_SYNONYMS)


def _file_locale(locale: str) -> str:
    return "ru" if locale == "ru" else "en"


def category(text: str) -> Category:
    """A qualification category: «нет», «первая», «высшая», «1», «none», «first», «highest»."""
    found = _CATEGORIES.get(_word_key(text))
    if found is None:
        raise ValidationError("people-error-category", value=_shown(text))
    return found


def education(text: str) -> Education:
    """Education level: «высшее педагогическое», «высшее», «среднее профессиональное»…"""
    found = _EDUCATIONS.get(_word_key(text))
    if found is None:
        raise ValidationError("people-error-education", value=_shown(text))
    return found


def role(text: str) -> tuple[Role, bool]:
    """A role word and whether the person is a methodist: «секретарь» → (SECRETARY, False),
    «методист» → (MEMBER, True), «председатель, методист» → (CHAIR, True), «» → (MEMBER, False).
    """
    roles: list[Role] = []
    is_methodist = False
    for part in _ROLE_SEPARATORS.split(text):
        key = _word_key(part)
        if not key:
            continue
        if key in _METHODIST:
            is_methodist = True
        elif key in _ROLES:
            roles.append(_ROLES[key])
        else:
            raise ValidationError("people-error-role", value=_shown(text))
    if len(set(roles)) > 1:
        # One membership has one role; «председатель, секретарь» is two people's job.
        raise ValidationError("people-error-role", value=_shown(text))
    return (roles[0] if roles else Role.MEMBER), is_methodist


def active(text: str) -> bool:
    """Whether a membership is current: «да»/«нет», «yes»/«no»; an empty cell means yes."""
    if not _word_key(text):
        return True
    found = _ACTIVE.get(_word_key(text))
    if found is None:
        raise ValidationError("people-error-active", value=_shown(text))
    return found


def role_word(value: Role, is_methodist: bool, *, locale: str) -> str:
    """The word `role` reads back as (value, is_methodist): «секретарь, методист»."""
    lang = _file_locale(locale)
    if not is_methodist:
        return ROLE_WORDS[lang][value]
    if value is Role.MEMBER:
        return METHODIST_WORDS[lang]
    return f"{ROLE_WORDS[lang][value]}, {METHODIST_WORDS[lang]}"


def category_word(value: Category, *, locale: str) -> str:
    """The word `category` reads back as `value`."""
    return CATEGORY_WORDS[_file_locale(locale)][value]


def education_word(value: Education, *, locale: str) -> str:
    """The words `education` read back as `value`."""
    return EDUCATION_WORDS[_file_locale(locale)][value]


def active_word(value: bool, *, locale: str) -> str:
    """The word `active` reads back as `value`."""
    return ACTIVE_WORDS[_file_locale(locale)][value]
