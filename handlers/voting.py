"""Voting in the chat: a member's опросный лист, the secretary's live turnout, paper ballots,
attendance and open votes in the room, check-in with a code, and closing with the result."""

from __future__ import annotations

import contextlib
import re
from collections.abc import AsyncIterator, Mapping, Sequence
from contextlib import asynccontextmanager
from enum import StrEnum

from aiogram import F, Router
from aiogram.exceptions import TelegramBadRequest
from aiogram.filters import Command, CommandObject, StateFilter
from aiogram.filters.callback_data import CallbackData
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message
from aiogram.utils.callback_answer import CallbackAnswer
from aiogram.utils.keyboard import InlineKeyboardBuilder
from aiogram_i18n import I18nContext
from pydantic import BaseModel, Field

from bot.domain.errors import Conflict, ValidationError
from bot.domain.meetings import MeetingForm
from bot.domain.records import AgendaItem
from bot.domain.voting import Choice, Tally
from bot.services.access import Actor
from bot.services.voting import RoomEntry, Turnout, VotingService
from bot.views.ballot_texts import CODES, BallotAction, BallotCb, ballot_message
from bot.views.notice_texts import MeetingAction, MeetingCb
from handlers.filters import ANSWER, NOT_COMMAND
from handlers.render import local_time, message_of

ANSWER_LIMIT = 200  # characters Telegram shows of a callback answer
COUNTS = re.compile(r"^\s*(\d{1,4})[\s,;/-]+(\d{1,4})[\s,;/-]+(\d{1,4})\s*$")


class VoteAction(StrEnum):
    TURNOUT = "turnout"
    REMIND = "remind"
    PAPER = "paper"
    PAPER_FOR = "paperfor"
    PAPER_CHOICE = "paperchoice"
    ROOM = "room"
    ROOM_EARLY = "roomearly"
    TOGGLE = "toggle"
    ROOM_VOTE = "roomvote"
    CHAIR = "chair"
    CLOSE = "close"
    CLOSE_YES = "closeyes"


class VoteCb(CallbackData, prefix="v"):
    action: VoteAction
    meeting: int
    person: int = 0
    item: int = 0
    choice: str = ""


class RoomVoteForm(StatesGroup):
    counts = State()
    chair = State()


class PaperForm(StatesGroup):
    answers = State()


class CheckInForm(StatesGroup):
    code = State()


def lines_text(i18n: I18nContext, turnout: Turnout, *, key: str, count: int) -> str:
    """«проголосовали 9 из 15: кворум есть (нужно 8); для решений нужно 10»."""
    lines = turnout.lines
    return i18n.get(
        key,
        count=count,
        roster=lines.roster,
        quorum="yes" if count >= lines.quorum_needed else "no",
        quorum_needed=lines.quorum_needed,
        decision_needed=lines.decision_needed,
    )


def turnout_screen(i18n: I18nContext, turnout: Turnout) -> tuple[str, InlineKeyboardMarkup]:
    meeting = turnout.meeting
    text = [lines_text(i18n, turnout, key="turnout-voted", count=turnout.voted)]
    for voter in turnout.voters:
        if voter.voted and voter.source is not None:
            text.append(
                i18n.get(
                    "turnout-line-voted",
                    name=voter.name,
                    source=i18n.get(f"source-{voter.source.value}"),
                )
            )
        elif voter.in_room:
            text.append(i18n.get("turnout-line-in-room", name=voter.name))
        else:
            key = "turnout-line-waiting" if voter.reachable else "turnout-line-unreachable"
            text.append(i18n.get(key, name=voter.name))
    kb = InlineKeyboardBuilder()
    open_ballots = meeting.form.has_ballot and meeting.ballots_closed_at is None
    if open_ballots and any(voter.waiting for voter in turnout.voters):
        kb.button(
            text=i18n.get("turnout-remind"),
            callback_data=VoteCb(action=VoteAction.REMIND, meeting=meeting.id),
        )
        kb.button(
            text=i18n.get("turnout-paper"),
            callback_data=VoteCb(action=VoteAction.PAPER, meeting=meeting.id),
        )
    if (
        meeting.form is MeetingForm.ABSENTEE
        and meeting.closed_at is None
        and turnout.voted == len(turnout.voters)
    ):
        kb.button(
            text=i18n.get("voting-close"),
            callback_data=VoteCb(action=VoteAction.CLOSE, meeting=meeting.id),
        )
    kb.button(
        text=i18n.get("button-back"),
        callback_data=MeetingCb(action=MeetingAction.CARD, id=meeting.id),
    )
    kb.adjust(1)
    return "\n".join(text), kb.as_markup()


def room_screen(i18n: I18nContext, turnout: Turnout) -> tuple[str, InlineKeyboardMarkup]:
    meeting = turnout.meeting
    took_part = turnout.lines.participants
    text = [
        i18n.get("room-title", code=meeting.checkin_code or "—"),
        lines_text(i18n, turnout, key="room-present", count=took_part),
    ]
    for item in turnout.items:
        tally = turnout.room.get(item.id)
        if tally is not None:
            text.append(
                i18n.get(
                    "room-item-recorded",
                    number=item.position,
                    votes_for=tally.for_,
                    against=tally.against,
                    abstain=tally.abstain,
                )
            )
    if meeting.form.has_ballot:
        text.append(
            i18n.get(
                "room-ways",
                in_room=turnout.in_room,
                by_ballot=len(turnout.participation.by_ballot),
            )
        )
    kb = InlineKeyboardBuilder()
    for voter in turnout.voters:
        # A signed ballot is the member's vote, whether or not they are in the room too.
        mark = "🗳" if voter.voted else ("✅" if voter.present else "▫️")
        kb.button(
            text=f"{mark} {voter.name}",
            callback_data=VoteCb(
                action=VoteAction.TOGGLE, meeting=meeting.id, person=voter.person_id
            ),
        )
    for item in turnout.items:
        kb.button(
            text=i18n.get("room-vote-item", number=item.position),
            callback_data=VoteCb(action=VoteAction.ROOM_VOTE, meeting=meeting.id, item=item.id),
        )
    kb.button(
        text=i18n.get("voting-close"),
        callback_data=VoteCb(action=VoteAction.CLOSE, meeting=meeting.id),
    )
    kb.button(
        text=i18n.get("button-back"),
        callback_data=MeetingCb(action=MeetingAction.CARD, id=meeting.id),
    )
    kb.adjust(1)
    return "\n".join(text), kb.as_markup()


def early_room_screen(i18n: I18nContext, entry: RoomEntry) -> tuple[str, InlineKeyboardMarkup]:
    """Before the meeting starts: why the room is not open yet, and the way to open it."""
    meeting, body = entry.meeting, entry.body
    text = [i18n.get("room-early", starts=local_time(meeting.starts_at, body.timezone))]
    if meeting.form.has_ballot and meeting.vote_deadline is not None:
        text.append(
            i18n.get(
                "room-early-ballots", deadline=local_time(meeting.vote_deadline, body.timezone)
            )
        )
    kb = InlineKeyboardBuilder()
    kb.button(
        text=i18n.get("room-early-open"),
        callback_data=VoteCb(action=VoteAction.ROOM_EARLY, meeting=meeting.id),
    )
    kb.button(
        text=i18n.get("button-back"),
        callback_data=MeetingCb(action=MeetingAction.CARD, id=meeting.id),
    )
    kb.adjust(1)
    return "\n\n".join(text), kb.as_markup()


def choices_markup(i18n: I18nContext, make: VoteCb) -> InlineKeyboardMarkup:
    kb = InlineKeyboardBuilder()
    for code, choice in CODES.items():
        kb.button(
            text=i18n.get(f"choice-{choice.value}"),
            callback_data=make.model_copy(update={"choice": code}),
        )
    kb.adjust(3)
    return kb.as_markup()


@asynccontextmanager
async def closed_ballot_loses_buttons(
    query: CallbackQuery,
    callback_data: BallotCb,
    actor: Actor,
    voting: VotingService,
    i18n: I18nContext,
) -> AsyncIterator[None]:
    """A press on a ballot whose voting has closed turns that message into the closed ballot,
    without its buttons, and then says why nothing was recorded. Usually the close has edited
    it already (the press left before that edit arrived): then only the answer is given."""
    try:
        yield
    except Conflict as refused:
        if refused.key == "ballot-error-closed":
            text, markup = ballot_message(i18n, await voting.ballot(actor, callback_data.ballot))
            # "message is not modified" (edited already), or gone: the answer still goes.
            with contextlib.suppress(TelegramBadRequest):
                await message_of(query).edit_text(text, reply_markup=markup)
        raise


async def show_ballot(
    query: CallbackQuery,
    callback_data: BallotCb,
    actor: Actor,
    voting: VotingService,
    i18n: I18nContext,
) -> None:
    text, markup = ballot_message(i18n, await voting.ballot(actor, callback_data.ballot))
    await message_of(query).answer(text, reply_markup=markup)


async def vote(
    query: CallbackQuery,
    callback_data: BallotCb,
    actor: Actor,
    voting: VotingService,
    i18n: I18nContext,
    callback_answer: CallbackAnswer,
) -> None:
    async with closed_ballot_loses_buttons(query, callback_data, actor, voting, i18n):
        view = await voting.vote(
            actor, callback_data.ballot, callback_data.item, CODES[callback_data.choice]
        )
    # The vote is stored: the button stops spinning now, not after the ballot's edit, which
    # waits its turn behind Telegram's limits when many vote at once (bench/RESULTS.md).
    await query.answer()
    callback_answer.disable()
    text, markup = ballot_message(i18n, view)
    await message_of(query).edit_text(text, reply_markup=markup)


async def sign(
    query: CallbackQuery,
    callback_data: BallotCb,
    actor: Actor,
    voting: VotingService,
    i18n: I18nContext,
    callback_answer: CallbackAnswer,
) -> None:
    async with closed_ballot_loses_buttons(query, callback_data, actor, voting, i18n):
        view = await voting.sign(actor, callback_data.ballot)
    text, markup = ballot_message(i18n, view)
    await message_of(query).edit_text(text, reply_markup=markup)
    callback_answer.text = i18n.get("ballot-signed-answer")


async def turnout(
    query: CallbackQuery,
    callback_data: VoteCb,
    actor: Actor,
    voting: VotingService,
    i18n: I18nContext,
) -> None:
    text, markup = turnout_screen(i18n, await voting.turnout(actor, callback_data.meeting))
    await message_of(query).edit_text(text, reply_markup=markup)


async def remind(
    query: CallbackQuery,
    callback_data: VoteCb,
    actor: Actor,
    voting: VotingService,
    i18n: I18nContext,
    callback_answer: CallbackAnswer,
) -> None:
    reminded = await voting.remind(actor, callback_data.meeting)
    text = i18n.get("turnout-reminded", count=reminded.reached)
    if reminded.missed:
        names = [
            i18n.get(
                "turnout-reminded-missed-name",
                name=v.name,
                reason="stopped" if v.has_telegram else "no_telegram",
            )
            for v in reminded.missed
        ]
        text += "\n" + i18n.get("turnout-reminded-missed", names=", ".join(names))
        # An alert stays until it is read; Telegram cuts an answer at 200 characters.
        callback_answer.show_alert = True
    callback_answer.text = text if len(text) <= ANSWER_LIMIT else text[: ANSWER_LIMIT - 1] + "…"


async def paper_choose(
    query: CallbackQuery,
    callback_data: VoteCb,
    actor: Actor,
    voting: VotingService,
    i18n: I18nContext,
) -> None:
    turnout = await voting.turnout(actor, callback_data.meeting)
    kb = InlineKeyboardBuilder()
    for voter in turnout.voters:
        if voter.waiting:
            kb.button(
                text=voter.name,
                callback_data=VoteCb(
                    action=VoteAction.PAPER_FOR,
                    meeting=callback_data.meeting,
                    person=voter.person_id,
                ),
            )
    kb.button(
        text=i18n.get("button-back"),
        callback_data=VoteCb(action=VoteAction.TURNOUT, meeting=callback_data.meeting),
    )
    kb.adjust(1)
    await message_of(query).edit_text(i18n.get("paper-choose"), reply_markup=kb.as_markup())


class PaperDraft(BaseModel):
    """A paper ballot being entered, as the FSM storage keeps it (the keys it always had): whose
    it is, and the answers so far, by item id."""

    meeting: int
    person: int
    answers: dict[int, Choice] = Field(default_factory=dict)


def next_question(items: Sequence[AgendaItem], answers: Mapping[int, Choice]) -> AgendaItem | None:
    """The first question of the ballot not answered yet; None when the ballot is complete."""
    return next((item for item in items if item.id not in answers), None)


async def paper_next(
    query: CallbackQuery,
    meeting_id: int,
    person_id: int,
    voting: VotingService,
    actor: Actor,
    i18n: I18nContext,
    state: FSMContext,
) -> None:
    """Asks the next question of a paper ballot, or saves it when all are answered."""
    turnout = await voting.turnout(actor, meeting_id)
    answers = PaperDraft.model_validate(await state.get_data()).answers
    name = next(v.name for v in turnout.voters if v.person_id == person_id)
    item = next_question(turnout.items, answers)
    if item is not None:
        make = VoteCb(
            action=VoteAction.PAPER_CHOICE, meeting=meeting_id, person=person_id, item=item.id
        )
        await message_of(query).edit_text(
            i18n.get("paper-ask", name=name, number=item.position, title=item.title),
            reply_markup=choices_markup(i18n, make),
        )
        return
    await voting.paper_ballot(actor, meeting_id, person_id, answers)
    await state.clear()
    text, markup = turnout_screen(i18n, await voting.turnout(actor, meeting_id))
    await message_of(query).edit_text(
        i18n.get("paper-saved", name=name) + "\n\n" + text, reply_markup=markup
    )


async def paper_start(
    query: CallbackQuery,
    callback_data: VoteCb,
    actor: Actor,
    voting: VotingService,
    i18n: I18nContext,
    state: FSMContext,
) -> None:
    await voting.paper_voter(actor, callback_data.meeting, callback_data.person)
    await state.set_state(PaperForm.answers)
    draft = PaperDraft(meeting=callback_data.meeting, person=callback_data.person, answers={})
    await state.set_data(draft.model_dump(mode="json"))
    await paper_next(
        query, callback_data.meeting, callback_data.person, voting, actor, i18n, state
    )


async def paper_answer(
    query: CallbackQuery,
    callback_data: VoteCb,
    actor: Actor,
    voting: VotingService,
    i18n: I18nContext,
    state: FSMContext,
) -> None:
    draft = PaperDraft.model_validate(await state.get_data())
    if (draft.meeting, draft.person) != (callback_data.meeting, callback_data.person):
        raise ValidationError("error-stale-button")
    draft.answers[callback_data.item] = CODES[callback_data.choice]
    await state.set_data(draft.model_dump(mode="json"))
    await paper_next(
        query, callback_data.meeting, callback_data.person, voting, actor, i18n, state
    )


async def room(
    query: CallbackQuery,
    callback_data: VoteCb,
    actor: Actor,
    voting: VotingService,
    i18n: I18nContext,
) -> None:
    entry = await voting.room_entry(actor, callback_data.meeting)
    if entry.early:
        text, markup = early_room_screen(i18n, entry)
    else:
        text, markup = room_screen(i18n, await voting.open_room(actor, entry.meeting.id))
    await message_of(query).edit_text(text, reply_markup=markup)


async def room_early(
    query: CallbackQuery,
    callback_data: VoteCb,
    actor: Actor,
    voting: VotingService,
    i18n: I18nContext,
) -> None:
    turnout = await voting.open_room(actor, callback_data.meeting, early=True)
    text, markup = room_screen(i18n, turnout)
    await message_of(query).edit_text(text, reply_markup=markup)


async def toggle(
    query: CallbackQuery,
    callback_data: VoteCb,
    actor: Actor,
    voting: VotingService,
    i18n: I18nContext,
) -> None:
    turnout = await voting.toggle_present(actor, callback_data.meeting, callback_data.person)
    text, markup = room_screen(i18n, turnout)
    await message_of(query).edit_text(text, reply_markup=markup)


async def room_vote(
    query: CallbackQuery,
    callback_data: VoteCb,
    actor: Actor,
    voting: VotingService,
    i18n: I18nContext,
    state: FSMContext,
) -> None:
    turnout = await voting.turnout(actor, callback_data.meeting)
    item = next(i for i in turnout.items if i.id == callback_data.item)
    await state.set_state(RoomVoteForm.counts)
    await state.set_data({"meeting": callback_data.meeting, "item": callback_data.item})
    await message_of(query).answer(
        i18n.get(
            "room-ask-counts", number=item.position, title=item.title, present=turnout.in_room
        )
    )


async def record(
    message: Message,
    actor: Actor,
    voting: VotingService,
    i18n: I18nContext,
    state: FSMContext,
    chair: Choice | None,
) -> None:
    data = await state.get_data()
    tally = Tally(*data["counts"])
    turnout = await voting.record_room_vote(actor, data["meeting"], data["item"], tally, chair)
    await state.clear()
    text, markup = room_screen(i18n, turnout)
    await message.answer(i18n.get("room-recorded") + "\n\n" + text, reply_markup=markup)


async def room_counts(
    message: Message, actor: Actor, voting: VotingService, i18n: I18nContext, state: FSMContext
) -> None:
    match = COUNTS.match(message.text or "")
    if match is None:
        raise ValidationError("room-error-counts")
    counts = [int(part) for part in match.groups()]
    data = await state.update_data(counts=counts)
    # Recorded (and checked against those present) at once; the chair's vote, which
    # decides a tie where the body allows it (4.9), is added to the record after.
    turnout = await voting.record_room_vote(
        actor, data["meeting"], data["item"], Tally(*counts), None
    )
    if turnout.body.rules.chair_casting_vote:
        await state.set_state(RoomVoteForm.chair)
        make = VoteCb(action=VoteAction.CHAIR, meeting=data["meeting"], item=data["item"])
        await message.answer(i18n.get("room-ask-chair"), reply_markup=choices_markup(i18n, make))
        return
    await state.clear()
    text, markup = room_screen(i18n, turnout)
    await message.answer(i18n.get("room-recorded") + "\n\n" + text, reply_markup=markup)


async def room_chair(
    query: CallbackQuery,
    callback_data: VoteCb,
    actor: Actor,
    voting: VotingService,
    i18n: I18nContext,
    state: FSMContext,
) -> None:
    await record(message_of(query), actor, voting, i18n, state, CODES[callback_data.choice])


async def close(
    query: CallbackQuery,
    callback_data: VoteCb,
    actor: Actor,
    voting: VotingService,
    i18n: I18nContext,
) -> None:
    await voting.turnout(actor, callback_data.meeting)  # the secretary's, or refused
    kb = InlineKeyboardBuilder()
    kb.button(
        text=i18n.get("voting-close-yes"),
        callback_data=VoteCb(action=VoteAction.CLOSE_YES, meeting=callback_data.meeting),
    )
    kb.button(
        text=i18n.get("button-back"),
        callback_data=MeetingCb(action=MeetingAction.CARD, id=callback_data.meeting),
    )
    kb.adjust(1)
    await message_of(query).edit_text(
        i18n.get("voting-close-confirm"), reply_markup=kb.as_markup()
    )


async def close_yes(
    query: CallbackQuery,
    callback_data: VoteCb,
    actor: Actor,
    voting: VotingService,
    i18n: I18nContext,
) -> None:
    await voting.close(actor, callback_data.meeting)
    # The next step is the протокол: its button where the secretary already is.
    kb = InlineKeyboardBuilder()
    kb.button(
        text=i18n.get("card-minutes"),
        callback_data=MeetingCb(action=MeetingAction.MINUTES, id=callback_data.meeting),
    )
    await message_of(query).edit_text(i18n.get("voting-closed"), reply_markup=kb.as_markup())


async def here(
    message: Message,
    command: CommandObject,
    actor: Actor,
    voting: VotingService,
    i18n: I18nContext,
) -> None:
    await voting.check_in(actor, command.args or "")
    await message.answer(i18n.get("checkin-done"))


async def check_in_ask(query: CallbackQuery, i18n: I18nContext, state: FSMContext) -> None:
    await state.set_state(CheckInForm.code)
    await message_of(query).answer(i18n.get("checkin-ask"))


async def check_in_code(
    message: Message, actor: Actor, voting: VotingService, i18n: I18nContext, state: FSMContext
) -> None:
    await voting.check_in(actor, message.text or "")
    await state.clear()
    await message.answer(i18n.get("checkin-done"))


async def type_text(message: Message) -> None:
    raise ValidationError("form-error-text-expected")


def router() -> Router:
    """The handlers in the order aiogram tries them; a new Router on every call."""
    r = Router(name="voting")
    r.callback_query.register(show_ballot, BallotCb.filter(F.action == BallotAction.SHOW))
    r.callback_query.register(
        vote, BallotCb.filter(F.action == BallotAction.VOTE), BallotCb.filter(F.choice.in_(CODES))
    )
    r.callback_query.register(sign, BallotCb.filter(F.action == BallotAction.SIGN))
    r.callback_query.register(turnout, VoteCb.filter(F.action == VoteAction.TURNOUT))
    r.callback_query.register(remind, VoteCb.filter(F.action == VoteAction.REMIND))
    r.callback_query.register(paper_choose, VoteCb.filter(F.action == VoteAction.PAPER))
    r.callback_query.register(paper_start, VoteCb.filter(F.action == VoteAction.PAPER_FOR))
    r.callback_query.register(
        paper_answer,
        StateFilter(PaperForm.answers),
        VoteCb.filter(F.action == VoteAction.PAPER_CHOICE),
        VoteCb.filter(F.choice.in_(CODES)),
    )
    r.callback_query.register(room, VoteCb.filter(F.action == VoteAction.ROOM))
    r.callback_query.register(room_early, VoteCb.filter(F.action == VoteAction.ROOM_EARLY))
    r.callback_query.register(toggle, VoteCb.filter(F.action == VoteAction.TOGGLE))
    r.callback_query.register(room_vote, VoteCb.filter(F.action == VoteAction.ROOM_VOTE))
    r.message.register(room_counts, StateFilter(RoomVoteForm.counts), ANSWER)
    r.callback_query.register(
        room_chair,
        StateFilter(RoomVoteForm.chair),
        VoteCb.filter(F.action == VoteAction.CHAIR),
        VoteCb.filter(F.choice.in_(CODES)),
    )
    r.callback_query.register(close, VoteCb.filter(F.action == VoteAction.CLOSE))
    r.callback_query.register(close_yes, VoteCb.filter(F.action == VoteAction.CLOSE_YES))
    r.message.register(here, Command("here"))
    r.callback_query.register(check_in_ask, MeetingCb.filter(F.action == MeetingAction.CHECKIN))
    r.message.register(check_in_code, StateFilter(CheckInForm.code), ANSWER)
    r.message.register(type_text, StateFilter(CheckInForm.code), NOT_COMMAND)
    r.message.register(type_text, StateFilter(RoomVoteForm.counts), NOT_COMMAND)
    return r
