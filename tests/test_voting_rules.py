"""Counting a meeting (Luga order No. 46, clauses 4.6 and 4.9): whether it is valid, whether it
may decide, and whether a question passed, for every roster size from 1 to 200 and for the
settings of other bodies. The expected lines are computed here in plain integers, independently
of `Fraction.needed`."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.domain.rules import BodyRules, Fraction
from bot.domain.voting import Choice, Lines, Tally, Verdict, lines, verdict

LUGA = BodyRules()
CASTING = BodyRules(chair_casting_vote=True)
HALF_SIMPLE = BodyRules(quorum=Fraction(1, 2), decision=Fraction(1, 2), majority=Fraction(1, 2))
PEDAGOGICAL = BodyRules(quorum=Fraction(2, 3), decision=Fraction(2, 3))
ROSTERS = range(1, 201)
CHAIR_CHOICES: list[Choice | None] = [None, Choice.FOR, Choice.AGAINST, Choice.ABSTAIN]
EXAMPLES = settings(max_examples=300, deadline=None)


def quorum_line(roster: int) -> int:
    """The smallest P with 2P >= N (clause 4.6), as (a + b - 1) // b."""
    return (roster + 1) // 2


def decision_line(roster: int) -> int:
    """The smallest P with 3P >= 2N (clause 4.9)."""
    return (2 * roster + 2) // 3


def smallest(roster: int, reaches: int, of: int) -> int:
    """The smallest P in 0..N with `of * P >= reaches * N`, found by counting up."""
    return next(p for p in range(roster + 1) if of * p >= reaches * roster)


@st.composite
def meetings(draw: st.DrawFn) -> tuple[int, int]:
    """A roster N in 1..200 and a number of participants P in 0..N."""
    roster = draw(st.integers(1, 200))
    return roster, draw(st.integers(0, roster))


@st.composite
def tallies(draw: st.DrawFn, participants: int) -> Tally:
    """Votes from at most `participants` people: some may not have voted."""
    for_ = draw(st.integers(0, participants))
    against = draw(st.integers(0, participants - for_))
    abstain = draw(st.integers(0, participants - for_ - against))
    return Tally(for_, against, abstain)


@st.composite
def deciding_meetings(draw: st.DrawFn) -> tuple[Lines, Tally]:
    """A meeting that may decide under Luga's rules (P in [decision line, N]) and its votes."""
    roster = draw(st.integers(1, 200))
    participants = draw(st.integers(decision_line(roster), roster))
    return lines(roster, participants, LUGA), draw(tallies(participants))


@st.composite
def tied_meetings(draw: st.DrawFn) -> tuple[Lines, Tally]:
    """A deciding meeting with an even P and exactly half of it for: 2·for == P."""
    roster = draw(st.integers(2, 200))
    participants = 2 * draw(st.integers((decision_line(roster) + 1) // 2, roster // 2))
    for_ = participants // 2
    against = draw(st.integers(0, participants - for_))
    abstain = draw(st.integers(0, participants - for_ - against))
    return lines(roster, participants, LUGA), Tally(for_, against, abstain)


@st.composite
def undecided_meetings(draw: st.DrawFn) -> tuple[Lines, Tally]:
    """A meeting below the decision line (P < decision line) and its votes."""
    roster = draw(st.integers(1, 200))
    participants = draw(st.integers(0, decision_line(roster) - 1))
    return lines(roster, participants, LUGA), draw(tallies(participants))


# The two lines, for every roster size


@pytest.mark.parametrize("roster", ROSTERS)
def test_lines_at_both_boundaries_for_every_roster(roster: int) -> None:
    quorum, decision = quorum_line(roster), decision_line(roster)
    assert quorum == smallest(roster, 1, 2)
    assert decision == smallest(roster, 2, 3)

    below_quorum = lines(roster, quorum - 1, LUGA)
    at_quorum = lines(roster, quorum, LUGA)
    assert not below_quorum.valid
    assert at_quorum.valid
    assert (at_quorum.quorum_needed, at_quorum.decision_needed) == (quorum, decision)

    below_decision = lines(roster, decision - 1, LUGA)
    at_decision = lines(roster, decision, LUGA)
    assert not below_decision.may_decide
    assert at_decision.may_decide
    assert at_decision.valid  # two thirds present is more than half present


@pytest.mark.parametrize("roster", ROSTERS)
def test_lines_for_every_participant_count(roster: int) -> None:
    for participants in range(roster + 1):
        meeting = lines(roster, participants, LUGA)
        assert meeting.roster == roster
        assert meeting.participants == participants
        assert meeting.valid == (2 * participants >= roster)
        assert meeting.may_decide == (3 * participants >= 2 * roster)
        assert meeting.quorum_needed == quorum_line(roster)
        assert meeting.decision_needed == decision_line(roster)


@given(meetings())
@EXAMPLES
def test_lines_follow_the_integer_rules(meeting: tuple[int, int]) -> None:
    roster, participants = meeting
    counted = lines(roster, participants, LUGA)
    assert counted.valid == (2 * participants >= roster)
    assert counted.may_decide == (3 * participants >= 2 * roster)
    assert counted.quorum_needed == quorum_line(roster)
    assert counted.decision_needed == decision_line(roster)


# The verdict


@given(deciding_meetings(), st.sampled_from(CHAIR_CHOICES))
@EXAMPLES
def test_a_question_passes_with_more_than_half_of_the_participants_for(
    case: tuple[Lines, Tally], chair: Choice | None
) -> None:
    meeting, tally = case
    passes = 2 * tally.for_ > meeting.participants
    expected = Verdict.PASSED if passes else Verdict.FAILED
    assert verdict(tally, meeting, LUGA) == expected
    assert verdict(tally, meeting, LUGA, chair_choice=chair) == expected
    if 2 * tally.for_ != meeting.participants:
        # Away from the tie, the casting vote changes nothing.
        assert verdict(tally, meeting, CASTING, chair_choice=chair) == expected


@given(tied_meetings())
@EXAMPLES
def test_a_tie_passes_only_by_the_chairs_casting_vote_for(case: tuple[Lines, Tally]) -> None:
    meeting, tally = case
    assert 2 * tally.for_ == meeting.participants
    assert verdict(tally, meeting, LUGA) == Verdict.FAILED
    for chair in CHAIR_CHOICES:
        assert verdict(tally, meeting, LUGA, chair_choice=chair) == Verdict.FAILED
    assert verdict(tally, meeting, CASTING, chair_choice=Choice.FOR) == Verdict.PASSED_CASTING
    assert verdict(tally, meeting, CASTING, chair_choice=Choice.AGAINST) == Verdict.FAILED
    assert verdict(tally, meeting, CASTING, chair_choice=Choice.ABSTAIN) == Verdict.FAILED
    assert verdict(tally, meeting, CASTING) == Verdict.FAILED


@pytest.mark.parametrize("roster", ROSTERS)
def test_the_majority_line_for_every_deciding_meeting(roster: int) -> None:
    for participants in range(decision_line(roster), roster + 1):
        meeting = lines(roster, participants, LUGA)
        half = participants // 2
        # The fewest votes for that pass: one more than half, rounded down.
        assert verdict(Tally(half + 1), meeting, LUGA) == Verdict.PASSED
        at_line = Verdict.PASSED_CASTING if participants % 2 == 0 else Verdict.FAILED
        assert verdict(Tally(half), meeting, CASTING, chair_choice=Choice.FOR) == at_line
        assert verdict(Tally(half), meeting, LUGA, chair_choice=Choice.FOR) == Verdict.FAILED
        assert verdict(Tally(half, participants - half), meeting, LUGA) == Verdict.FAILED


@given(undecided_meetings(), st.sampled_from(CHAIR_CHOICES))
@EXAMPLES
def test_below_the_decision_line_nothing_is_decided(
    case: tuple[Lines, Tally], chair: Choice | None
) -> None:
    meeting, tally = case
    assert verdict(tally, meeting, LUGA) == Verdict.NO_DECISION
    assert verdict(tally, meeting, CASTING, chair_choice=chair) == Verdict.NO_DECISION


@pytest.mark.parametrize("roster", ROSTERS)
def test_no_decision_just_below_the_line_even_when_everyone_votes_for(roster: int) -> None:
    participants = decision_line(roster) - 1
    meeting = lines(roster, participants, LUGA)
    assert verdict(Tally(participants), meeting, LUGA) == Verdict.NO_DECISION


@given(meetings(), st.data(), st.sampled_from(CHAIR_CHOICES), st.booleans())
@EXAMPLES
def test_an_item_for_information_is_never_decided(
    meeting: tuple[int, int], data: st.DataObject, chair: Choice | None, casting: bool
) -> None:
    roster, participants = meeting
    tally = data.draw(tallies(participants))
    rules = CASTING if casting else LUGA
    counted = lines(roster, participants, rules)
    assert (
        verdict(tally, counted, rules, needs_decision=False, chair_choice=chair)
        == Verdict.INFORMATION
    )


# Integers, never floats


@pytest.mark.parametrize("roster", range(201))
def test_needed_is_the_integer_ceiling(roster: int) -> None:
    assert Fraction(1, 2).needed(roster) == -(-roster // 2)
    assert Fraction(2, 3).needed(roster) == -(-2 * roster // 3)


@given(
    st.integers(1, 100).flatmap(lambda den: st.tuples(st.integers(1, den), st.just(den))),
    st.integers(0, 10**40),
)
@EXAMPLES
def test_needed_is_the_smallest_part_that_reaches(fraction: tuple[int, int], whole: int) -> None:
    threshold = Fraction(*fraction)
    needed = threshold.needed(whole)
    assert isinstance(needed, int)
    assert needed == -(-threshold.num * whole // threshold.den)
    assert threshold.reached(needed, whole)
    assert needed == 0 or not threshold.reached(needed - 1, whole)


@pytest.mark.parametrize(
    ("roster", "quorum", "decision"),
    [
        # Here `math.ceil(roster * (2 / 3))` and `math.ceil(roster / 2)` are wrong.
        (10**18 + 1, 5 * 10**17 + 1, 666_666_666_666_666_668),
        (2**60 + 1, 2**59 + 1, 768_614_336_404_564_652),
        (3 * 10**17 + 1, 15 * 10**16 + 1, 2 * 10**17 + 1),
    ],
)
def test_lines_stay_exact_where_floats_would_round(
    roster: int, quorum: int, decision: int
) -> None:
    at_lines = lines(roster, decision, LUGA)
    assert (at_lines.quorum_needed, at_lines.decision_needed) == (quorum, decision)
    assert at_lines.may_decide
    assert not lines(roster, decision - 1, LUGA).may_decide
    assert lines(roster, quorum, LUGA).valid
    assert not lines(roster, quorum - 1, LUGA).valid


# The regulation's numbers and the examples


@pytest.mark.parametrize(
    ("roster", "quorum", "decision"),
    [(1, 1, 1), (3, 2, 2), (15, 8, 10), (30, 15, 20), (200, 100, 134)],
)
def test_lines_of_real_roster_sizes(roster: int, quorum: int, decision: int) -> None:
    meeting = lines(roster, 0, LUGA)
    assert (meeting.quorum_needed, meeting.decision_needed) == (quorum, decision)


def test_nine_of_fifteen_is_a_quorum_but_may_not_decide() -> None:
    # «проголосовали 9 из 15: кворум есть (нужно 8); для решений нужно 10»
    meeting = lines(15, 9, LUGA)
    assert (meeting.participants, meeting.roster) == (9, 15)
    assert meeting.valid
    assert meeting.quorum_needed == 8
    assert not meeting.may_decide
    assert meeting.decision_needed == 10
    assert verdict(Tally(9), meeting, LUGA) == Verdict.NO_DECISION
    assert verdict(Tally(5, 4), meeting, CASTING, chair_choice=Choice.FOR) == (Verdict.NO_DECISION)


@pytest.mark.parametrize(
    ("tally", "rules", "chair", "expected"),
    [
        (Tally(6, 4), LUGA, None, Verdict.PASSED),  # 12 > 10
        (Tally(6, 0, 4), LUGA, Choice.AGAINST, Verdict.PASSED),
        (Tally(5, 5), LUGA, None, Verdict.FAILED),  # a tie at the line
        (Tally(5, 5), LUGA, Choice.FOR, Verdict.FAILED),  # Luga gives no casting vote
        (Tally(5, 5), CASTING, Choice.FOR, Verdict.PASSED_CASTING),
        (Tally(5, 5), CASTING, Choice.AGAINST, Verdict.FAILED),
        (Tally(5, 5), CASTING, Choice.ABSTAIN, Verdict.FAILED),
        (Tally(5, 5), CASTING, None, Verdict.FAILED),
        (Tally(5), CASTING, Choice.FOR, Verdict.PASSED_CASTING),  # five did not vote
        (Tally(4, 6), CASTING, Choice.FOR, Verdict.FAILED),  # not a tie
        (Tally(0, 10), CASTING, Choice.FOR, Verdict.FAILED),
    ],
)
def test_ten_of_fifteen_decide(
    tally: Tally, rules: BodyRules, chair: Choice | None, expected: Verdict
) -> None:
    meeting = lines(15, 10, rules)
    assert meeting.valid
    assert meeting.may_decide
    assert verdict(tally, meeting, rules, chair_choice=chair) == expected


@pytest.mark.parametrize(
    ("rules", "roster", "quorum", "decision"),
    [
        (HALF_SIMPLE, 15, 8, 8),
        (HALF_SIMPLE, 20, 10, 10),
        (HALF_SIMPLE, 1, 1, 1),
        (PEDAGOGICAL, 15, 10, 10),
        (PEDAGOGICAL, 30, 20, 20),
        (PEDAGOGICAL, 3, 2, 2),
        (PEDAGOGICAL, 200, 134, 134),
    ],
)
def test_lines_of_other_bodies(rules: BodyRules, roster: int, quorum: int, decision: int) -> None:
    at_lines = lines(roster, quorum, rules)
    assert (at_lines.quorum_needed, at_lines.decision_needed) == (quorum, decision)
    assert at_lines.valid
    assert at_lines.may_decide
    below = lines(roster, quorum - 1, rules)
    assert not below.valid
    assert not below.may_decide


@pytest.mark.parametrize(
    ("rules", "roster", "participants", "tally", "expected"),
    [
        # "Half present, simple majority": 8 of 15 may decide.
        (HALF_SIMPLE, 15, 8, Tally(5, 3), Verdict.PASSED),
        (HALF_SIMPLE, 15, 8, Tally(4, 4), Verdict.FAILED),
        (HALF_SIMPLE, 15, 7, Tally(7), Verdict.NO_DECISION),
        (HALF_SIMPLE, 20, 10, Tally(6, 4), Verdict.PASSED),
        (HALF_SIMPLE, 20, 10, Tally(5, 5), Verdict.FAILED),
        # A pedagogical council: two thirds present, more than half of those present.
        (PEDAGOGICAL, 30, 20, Tally(11, 9), Verdict.PASSED),
        (PEDAGOGICAL, 30, 20, Tally(10, 10), Verdict.FAILED),
        (PEDAGOGICAL, 30, 19, Tally(19), Verdict.NO_DECISION),
        (PEDAGOGICAL, 15, 10, Tally(6, 2, 2), Verdict.PASSED),
        (PEDAGOGICAL, 15, 9, Tally(9), Verdict.NO_DECISION),
    ],
)
def test_verdicts_of_other_bodies(
    rules: BodyRules, roster: int, participants: int, tally: Tally, expected: Verdict
) -> None:
    assert verdict(tally, lines(roster, participants, rules), rules) == expected


@given(meetings())
@EXAMPLES
def test_half_present_simple_majority_lines(meeting: tuple[int, int]) -> None:
    roster, participants = meeting
    counted = lines(roster, participants, HALF_SIMPLE)
    assert counted.valid == counted.may_decide == (2 * participants >= roster)


@given(meetings())
@EXAMPLES
def test_pedagogical_council_lines(meeting: tuple[int, int]) -> None:
    roster, participants = meeting
    counted = lines(roster, participants, PEDAGOGICAL)
    assert counted.valid == counted.may_decide == (3 * participants >= 2 * roster)


def test_a_meeting_must_be_both_valid_and_able_to_decide() -> None:
    # A body whose decision line lies below its quorum: 16 of 30 may decide but is no quorum.
    rules = BodyRules(quorum=Fraction(2, 3), decision=Fraction(1, 2))
    meeting = lines(30, 16, rules)
    assert meeting.may_decide
    assert not meeting.valid
    assert verdict(Tally(16), meeting, rules) == Verdict.NO_DECISION


@pytest.mark.parametrize(
    ("tally", "expected"),
    [
        (Tally(7, 2), Verdict.PASSED),  # 21 > 18
        (Tally(6, 3), Verdict.FAILED),  # 18 == 18: a tie at two thirds
        (Tally(5, 4), Verdict.FAILED),
    ],
)
def test_a_qualified_majority_of_two_thirds(tally: Tally, expected: Verdict) -> None:
    rules = BodyRules(majority=Fraction(2, 3))
    assert verdict(tally, lines(12, 9, rules), rules) == expected


# Guards


@pytest.mark.parametrize(
    ("roster", "participants"),
    [(15, 16), (1, 2), (0, 1), (15, -1), (-1, 0), (-3, -1), (200, 201)],
)
def test_lines_refuse_impossible_numbers(roster: int, participants: int) -> None:
    with pytest.raises(ValueError, match="participants"):
        lines(roster, participants, LUGA)


@given(st.integers(1, 200), st.integers(1, 200))
@EXAMPLES
def test_lines_refuse_more_participants_than_members(roster: int, extra: int) -> None:
    with pytest.raises(ValueError, match="participants"):
        lines(roster, roster + extra, LUGA)


@pytest.mark.parametrize(
    "tally", [Tally(11), Tally(6, 5), Tally(4, 4, 3), Tally(0, 0, 11), Tally(15, 15, 15)]
)
def test_verdict_refuses_more_votes_than_participants(tally: Tally) -> None:
    meeting = lines(15, 10, LUGA)
    with pytest.raises(ValueError, match="votes from 10 participants"):
        verdict(tally, meeting, LUGA)
    with pytest.raises(ValueError, match="votes from 10 participants"):
        verdict(tally, meeting, CASTING, chair_choice=Choice.FOR)


@given(deciding_meetings(), st.integers(1, 50))
@EXAMPLES
def test_verdict_refuses_any_surplus_vote(case: tuple[Lines, Tally], surplus: int) -> None:
    meeting, tally = case
    over = tally + Tally(abstain=meeting.participants - tally.total + surplus)
    with pytest.raises(ValueError, match="participants"):
        verdict(over, meeting, LUGA)


def test_verdict_refuses_more_votes_than_participants_below_the_line() -> None:
    meeting = lines(15, 9, LUGA)
    with pytest.raises(ValueError, match="votes from 9 participants"):
        verdict(Tally(12), meeting, LUGA)


# Tally


def test_tally_of_counts_each_choice() -> None:
    choices = [Choice.FOR, Choice.AGAINST, Choice.FOR, Choice.ABSTAIN, Choice.FOR]
    tally = Tally.of(choices)
    assert tally == Tally(for_=3, against=1, abstain=1)
    assert tally.total == 5
    assert Tally.of([]) == Tally()
    assert Tally().total == 0


def test_tallies_add_up() -> None:
    assert Tally(3, 1, 1) + Tally(2, 4, 0) == Tally(5, 5, 1)
    assert (Tally(3, 1, 1) + Tally(2, 4, 0)).total == 11


@given(st.lists(st.sampled_from(Choice)), st.lists(st.sampled_from(Choice)))
@EXAMPLES
def test_tally_of_and_addition_agree(first: list[Choice], second: list[Choice]) -> None:
    left, right = Tally.of(first), Tally.of(second)
    assert left.total == len(first)
    assert left.for_ == sum(choice == Choice.FOR for choice in first)
    assert Tally.of(first + second) == left + right == right + left
    assert (left + right).total == left.total + right.total
    assert left + Tally() == left
