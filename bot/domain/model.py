"""The vocabulary of the domain: kinds of bodies, roles, and a person's qualifications."""

from __future__ import annotations

from enum import StrEnum


class BodyKind(StrEnum):
    COUNCIL = "council"
    ASSET = "asset"
    RMO = "rmo"


class Role(StrEnum):
    """A person's role in one body. Order matters: it is the order of a roster listing."""

    CHAIR = "chair"
    DEPUTY = "deputy"
    SECRETARY = "secretary"
    MEMBER = "member"
    GUEST = "guest"

    @property
    def votes(self) -> bool:
        """Guests receive notices but never vote (clause 3.1.1)."""
        return self is not Role.GUEST

    @property
    def manages_roster(self) -> bool:
        """Who may keep the roster and invite people: the secretary (4.8) and the chair."""
        return self in {Role.CHAIR, Role.DEPUTY, Role.SECRETARY}


class Category(StrEnum):
    """Qualification category of a teacher."""

    NONE = "none"
    FIRST = "first"
    HIGHEST = "highest"


class Education(StrEnum):
    HIGHER_PEDAGOGICAL = "higher_pedagogical"
    HIGHER = "higher"
    SECONDARY_PROFESSIONAL = "secondary_professional"
    OTHER = "other"


LOCALES = ("ru", "en")
