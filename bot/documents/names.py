"""People's names as a Russian протокол writes them: «Е. А. Кузнецова» under a signature,
«Кузнецова Е. А.» in a list, «Кузнецову Е. А.» after СЛУШАЛИ.

Declension is the petrovich project's (its rules file, maintained with the Ruby and JavaScript
ports). Its Python 2.x port inflects but does not guess the gender, and a surname inflected
without one comes back unchanged, so the gender is found here from the same project's
`gender.json`: by the patronymic first, then the first name, then the surname.
"""

from __future__ import annotations

import json
from functools import cache
from importlib.resources import files

from petrovich.enums import Case, Gender  # type: ignore[import-untyped]
from petrovich.main import Petrovich  # type: ignore[import-untyped]

SURNAME, FIRST, PATRONYMIC = "lastname", "firstname", "middlename"


@cache
def _petrovich() -> Petrovich:
    return Petrovich()


@cache
def _gender_rules() -> dict[str, dict[str, list[str]]]:
    raw = files("petrovich").joinpath("rules", "gender.json").read_text(encoding="utf-8")
    rules: dict[str, dict[str, list[str]]] = json.loads(raw)["gender"]
    return rules


def _gender_by(form: str, word: str) -> str | None:
    """The gender the longest matching ending of `word` gives, or None when none matches or
    the name is worn by both (Саша, Женя)."""
    lower = word.lower()
    best: tuple[int, str] | None = None
    for gender, endings in _gender_rules()[form].items():
        for ending in endings:
            if lower.endswith(ending) and (best is None or len(ending) > best[0]):
                best = (len(ending), gender)
    if best is None or best[1] == Gender.ANDRGN:
        return None
    return best[1]


def gender(surname: str, first: str | None, patronymic: str | None) -> str | None:
    """`Gender.MALE`, `Gender.FEMALE`, or None when the name does not tell."""
    for form, word in ((PATRONYMIC, patronymic), (FIRST, first), (SURNAME, surname)):
        if word and not word.endswith("."):
            found = _gender_by(form, word)
            if found is not None:
                return found
    return None


def _parts(full_name: str) -> tuple[str, list[str]]:
    """The surname and the rest: whole names or initials («Е. А.», «Е.А.»)."""
    words = full_name.replace(".", ". ").split()
    if not words:
        return "", []
    return words[0], words[1:]


def _initials(rest: list[str]) -> list[str]:
    return [f"{word[0]}." for word in rest if word and word[0].isalpha()]


def listed(full_name: str) -> str:
    """«Кузнецова Е. А.»: the surname, then the initials, as in a list of those present."""
    surname, rest = _parts(full_name)
    return " ".join([surname, *_initials(rest)]).strip()


def signed(full_name: str) -> str:
    """«Е. А. Кузнецова»: the initials before the surname, as under a signature."""
    surname, rest = _parts(full_name)
    return " ".join([*_initials(rest), surname]).strip()


def accusative(full_name: str) -> str:
    """«Кузнецову Е. А.»: whom the meeting heard (СЛУШАЛИ). A name the rules do not know
    stays as it is, which is how offices write a foreign or indeclinable surname."""
    surname, rest = _parts(full_name)
    if not surname:
        return full_name
    whole = [word for word in rest if not word.endswith(".")]
    first = whole[0] if whole else None
    patronymic = whole[1] if len(whole) > 1 else None
    found = gender(surname, first, patronymic)
    if found is not None:
        surname = _petrovich().lastname(surname, Case.ACCUSATIVE, found)
    return " ".join([surname, *_initials(rest)])
