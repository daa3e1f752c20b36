"""Names and titles people type for others to read in lists, buttons and documents: an
organisation, a body, a school, an agenda item, a topic. They need letters, and they may not
carry invisible control characters: a right-to-left override (U+202E) in a name turns the
rest of a list line around, which is a way to spoof it."""

from __future__ import annotations

import unicodedata

from bot.domain.errors import ValidationError

# Dropped quietly: they change nothing a reader sees (zero-width space and joiners, word
# joiner, byte order mark, soft hyphen); the zero-width joiner also glues emoji together.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))
# Unicode categories refused: control, format (the bidi marks, overrides and isolates among
# them), private use, surrogates, unassigned.
_REFUSED = frozenset({"Cc", "Cf", "Co", "Cs", "Cn"})


def readable(text: str) -> str:
    """The text composed (NFC), with spaces collapsed and harmless invisible characters
    dropped; refused when a control character remains or when it has no letter at all
    (digits, signs or emoji alone)."""
    value = " ".join(unicodedata.normalize("NFC", text).translate(_INVISIBLE).split())
    if any(unicodedata.category(char) in _REFUSED for char in value):
        raise ValidationError("text-error-control")
    if value and not any(char.isalpha() for char in value):
        raise ValidationError("text-error-no-letters")
    return value


def fold(text: str) -> str:
    """A text as it is compared, not as it is shown: case aside, ё read as е (as a Russian
    reader does, and as dictionaries sort it), spaces collapsed. Callers that also ignore
    `_`, `№ ` or unusual compositions replace or normalise first."""
    return " ".join(text.casefold().replace("ё", "е").split())
