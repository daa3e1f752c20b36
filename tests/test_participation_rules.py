"""One person, one vote in a hybrid meeting (clauses 4.6, 4.7): every order of «marked present»,
«room vote recorded» and «ballot signed» leaves a meeting that can be counted, with nobody
counted twice."""

from __future__ import annotations

from itertools import permutations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.domain.errors import DomainError
from bot.domain.participation import Member, Participation, Way
from bot.domain.rules import BodyRules
from bot.domain.voting import Tally, lines, verdict

EXAMPLES = settings(max_examples=400, deadline=None)
ONE = 1  # the member the single-person orders are about


def meeting_of(*people: int) -> Participation:
    return Participation({person: Member() for person in people})


def apply(state: Participation, step: str) -> Participation:
    """One step of the single-member story; a refused step leaves the state as it was."""
    try:
        if step == "present":
            return state.mark(ONE, present=True)
        if step == "room":
            return state.record(1, Tally(len(state.in_room), 0, 0))
        return state.sign(ONE)
    except DomainError:
        return state


# Each order of the three steps for one member, and how that member took part in the end.
ORDERS = {
    ("present", "room", "sign"): Way.ROOM,  # counted in the room: the ballot is refused
    ("present", "sign", "room"): Way.BALLOT,  # signed before the room voted: not in its count
    ("room", "present", "sign"): Way.BALLOT,  # the room voted before they came
    ("room", "sign", "present"): Way.BALLOT,
    ("sign", "present", "room"): Way.BALLOT,  # a signed ballot is their vote, in the room too
    ("sign", "room", "present"): Way.BALLOT,
}


def test_the_table_covers_every_order() -> None:
    assert set(ORDERS) == set(permutations(("present", "room", "sign")))


@pytest.mark.parametrize(("order", "way"), ORDERS.items())
def test_each_order_of_the_three_steps(order: tuple[str, ...], way: Way) -> None:
    state = meeting_of(ONE)
    for step in order:
        state = apply(state, step)
    assert state.way(ONE) is way
    assert state.participants == {ONE}
    room = state.room[1].total
    ballots = 1 if way is Way.BALLOT else 0
    assert room + ballots == 1  # their one vote, counted once
    assert state.problems() == []


def test_a_member_counted_in_the_room_cannot_sign() -> None:
    state = meeting_of(1, 2).mark(1, present=True).record(1, Tally(1, 0, 0))
    with pytest.raises(DomainError) as refused:
        state.sign(1)
    assert refused.value.key == "ballot-error-voted-in-room"
    assert state.sign(2).way(2) is Way.BALLOT  # the other member was not in the room


def test_a_second_ballot_is_refused() -> None:
    with pytest.raises(DomainError) as refused:
        meeting_of(1).sign(1).sign(1)
    assert refused.value.key == "ballot-error-signed"


def test_a_room_count_cannot_exceed_those_voting_in_the_room() -> None:
    state = meeting_of(1, 2, 3).mark(1, present=True).mark(2, present=True).sign(2)
    with pytest.raises(DomainError) as refused:
        state.record(1, Tally(1, 1, 0))
    assert (refused.value.key, refused.value.params) == (
        "room-error-too-many",
        {"total": 2, "present": 1},
    )


def test_absent_is_refused_while_a_count_rests_on_the_member() -> None:
    state = meeting_of(1, 2).mark(1, present=True).mark(2, present=True)
    state = state.record(1, Tally(1, 1, 0)).record(2, Tally(1, 0, 0))
    with pytest.raises(DomainError) as refused:
        state.mark(1, present=False)
    assert (refused.value.key, refused.value.params) == (
        "room-error-counted",
        {"number": 1, "total": 2, "left": 1},
    )
    # Recorded again with one vote, the count no longer needs both: the mark can go, and the
    # member who left may then vote by ballot.
    state = state.record(1, Tally(1, 0, 0)).mark(1, present=False)
    assert state.way(1) is None
    assert state.sign(1).way(1) is Way.BALLOT


def test_a_count_not_yet_needing_a_member_lets_them_leave() -> None:
    state = meeting_of(1, 2).mark(1, present=True).mark(2, present=True)
    state = state.record(1, Tally(0, 1, 0)).mark(2, present=False)
    assert state.in_room == {1}
    assert state.problems() == []


def test_a_latecomer_does_not_carry_a_count_they_were_not_in() -> None:
    # A voted in the room alone; B came in afterwards. The count rests on A, not on B: A stays
    # marked, so that B signing a ballot cannot leave a count of one with nobody in the room.
    state = meeting_of(1, 2).mark(1, present=True).record(1, Tally(1, 0, 0))
    state = state.mark(2, present=True)
    with pytest.raises(DomainError):
        state.mark(1, present=False)
    assert state.sign(2).problems() == []


def test_stored_data_from_before_the_rule_is_found_not_counted() -> None:
    # Marked present, a room count of one, then a signed ballot, without being counted.
    stored = Participation({1: Member(present=True, signed=True)}, {1: Tally(1, 0, 0)})
    [problem] = stored.problems()
    assert (problem.number, problem.recorded, problem.room) == (1, 1, 0)


# --- every interleaving ---------------------------------------------------------------------

PEOPLE = st.integers(min_value=1, max_value=4)
ITEMS = st.integers(min_value=1, max_value=2)
STEPS = st.one_of(
    st.tuples(st.just("present"), PEOPLE),
    st.tuples(st.just("absent"), PEOPLE),
    st.tuples(st.just("sign"), PEOPLE),
    st.tuples(st.just("room"), ITEMS, st.integers(0, 4), st.integers(0, 4), st.integers(0, 4)),
)


def step(state: Participation, action: tuple[object, ...]) -> Participation:
    kind = action[0]
    try:
        if kind == "present":
            return state.mark(int(str(action[1])), present=True)
        if kind == "absent":
            return state.mark(int(str(action[1])), present=False)
        if kind == "sign":
            return state.sign(int(str(action[1])))
        number, votes_for, against, abstain = (int(str(part)) for part in action[1:])
        return state.record(number, Tally(votes_for, against, abstain))
    except DomainError:
        return state


@EXAMPLES
@given(st.lists(STEPS, max_size=14))
def test_no_interleaving_counts_anyone_twice(actions: list[tuple[object, ...]]) -> None:
    state = meeting_of(1, 2, 3, 4)
    counted_when_signed: set[int] = set()
    for action in actions:
        before = state
        state = step(state, action)
        if action[0] == "sign" and state is not before:
            person = int(str(action[1]))
            member = before.members[person]
            if member.counted and member.present:
                counted_when_signed.add(person)
    # Nobody counted in the room ever signed a ballot.
    assert not counted_when_signed
    # The two ways never overlap, and P is both of them.
    assert not state.by_ballot & state.in_room
    assert state.participants == state.by_ballot | state.in_room
    assert state.problems() == []
    # Whatever the ballots say, the count can be made: every signed ballot answers every
    # question, the worst case for the line `verdict` checks.
    roster = len(state.members)
    meeting_lines = lines(roster, len(state.participants), BodyRules())
    for room in state.room.values():
        ballots = Tally(len(state.by_ballot), 0, 0)
        verdict(ballots + room, meeting_lines, BodyRules())
