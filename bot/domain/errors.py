"""Domain errors carry a locale key and its parameters, never a sentence: the error handler
renders them in the person's language."""

from __future__ import annotations


class DomainError(Exception):
    """A rule was broken; `key` names the message in `locales/`, `params` fill it in."""

    def __init__(self, key: str, **params: str | int) -> None:
        super().__init__(key)
        self.key = key
        self.params = params

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.key!r}, {self.params!r})"


class ValidationError(DomainError):
    """Input from a person that cannot be accepted as it is."""


class AccessDenied(DomainError):
    """The acting person lacks the role this action needs."""


class NotFound(DomainError):
    """The thing asked for does not exist, or is not visible to this person."""


class Conflict(DomainError):
    """The action was already done, or the state moved on (a button pressed twice)."""
