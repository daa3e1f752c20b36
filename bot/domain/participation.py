"""Who takes part in a meeting, and how: in the room or by опросный лист, each member once
(clauses 4.6, 4.7, 4.9).

In a hybrid meeting the ballots and the room count together for the quorum, and those in the
room vote in the room. The room's open votes are counts, not names, so the rule is kept on the
people behind the counts:

- A member with a signed ballot (in the bot or on paper) takes part by ballot. Marked present
  as well, they are shown as having voted by ballot and are not part of the room's count.
- A member present without a signed ballot takes part in the room. When an open vote is
  recorded, everyone in the room at that moment is *counted in the room*: from then on they
  cannot sign a ballot (their vote was given in the room), and they cannot be marked absent
  while a recorded count needs them.
- A count recorded in the room never exceeds those counted in the room.

Together these keep, for every question, ballot answers + room count <= participants, which is
what `verdict` needs: whatever the order of «marked present», «room vote recorded» and «ballot
signed», the meeting can be counted. `problems` finds stored data that breaks it anyway (data
from before this rule), so closing can say what to correct."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum
from types import MappingProxyType

from bot.domain.errors import Conflict, ValidationError
from bot.domain.voting import Tally


class Way(StrEnum):
    ROOM = "room"
    BALLOT = "ballot"


@dataclass(frozen=True, slots=True)
class Member:
    """One member of the frozen roster, as far as taking part goes."""

    present: bool = False  # marked present in the room
    signed: bool = False  # a signed опросный лист, in the bot or on paper
    counted: bool = False  # in the room when an open vote was recorded


def _frozen(mapping: Mapping[int, Member]) -> Mapping[int, Member]:
    return MappingProxyType(dict(mapping))


@dataclass(frozen=True, slots=True)
class Problem:
    """A question whose room count is larger than the room: `recorded` votes, `room` voters."""

    number: int  # the question's number on the agenda
    recorded: int
    room: int


@dataclass(frozen=True, slots=True)
class Participation:
    """The members of one meeting and the open votes recorded in its room, by the question's
    number. Every change returns a new value, or raises the domain error a person is shown."""

    members: Mapping[int, Member] = field(default_factory=dict)
    room: Mapping[int, Tally] = field(default_factory=dict)

    def way(self, person_id: int) -> Way | None:
        member = self.members.get(person_id)
        if member is None:
            return None
        if member.signed:
            return Way.BALLOT
        return Way.ROOM if member.present else None

    @property
    def by_ballot(self) -> frozenset[int]:
        return frozenset(p for p, m in self.members.items() if m.signed)

    @property
    def in_room(self) -> frozenset[int]:
        """Those who vote in the room: present, without a signed ballot."""
        return frozenset(p for p, m in self.members.items() if m.present and not m.signed)

    @property
    def participants(self) -> frozenset[int]:
        """P of clause 4.6: the room and the ballots together, each member once."""
        return self.by_ballot | self.in_room

    @property
    def _behind_counts(self) -> int:
        """Those the recorded room counts rest on: counted in the room and still there."""
        return sum(1 for m in self.members.values() if m.counted and m.present and not m.signed)

    def _member(self, person_id: int) -> Member:
        member = self.members.get(person_id)
        if member is None:
            raise ValidationError("voting-error-not-a-voter")
        return member

    def _with(self, person_id: int, member: Member) -> Participation:
        return replace(self, members=_frozen({**self.members, person_id: member}))

    def mark(self, person_id: int, *, present: bool) -> Participation:
        """Marks a member present or absent. Absent is refused for a member counted in the room
        while a recorded count needs them; otherwise it also lifts their being counted."""
        member = self._member(person_id)
        if present:
            return self._with(person_id, replace(member, present=True))
        if member.counted and member.present:
            left = self._behind_counts - 1
            over = [(number, t) for number, t in sorted(self.room.items()) if t.total > left]
            if over:
                number, tally = over[0]
                raise Conflict("room-error-counted", number=number, total=tally.total, left=left)
        return self._with(person_id, replace(member, present=False, counted=False))

    def record(self, number: int, tally: Tally) -> Participation:
        """The open vote on one question; everyone now in the room is counted in it."""
        room = self.in_room
        if tally.total > len(room):
            raise ValidationError("room-error-too-many", total=tally.total, present=len(room))
        members = {
            p: replace(m, counted=True) if p in room else m for p, m in self.members.items()
        }
        return Participation(_frozen(members), MappingProxyType({**self.room, number: tally}))

    def sign(self, person_id: int) -> Participation:
        """A ballot signed in the bot or entered from paper. Refused for a member who already
        voted in the room, and for a second signed ballot."""
        member = self._member(person_id)
        if member.counted and member.present:
            raise Conflict("ballot-error-voted-in-room")
        if member.signed:
            raise Conflict("ballot-error-signed")
        return self._with(person_id, replace(member, signed=True, counted=False))

    def problems(self) -> list[Problem]:
        """Questions whose room count exceeds the room, in the agenda's order. Empty after
        every sequence of the changes above; stored data may still break it."""
        room = len(self.in_room)
        return [
            Problem(number, tally.total, room)
            for number, tally in sorted(self.room.items())
            if tally.total > room
        ]
