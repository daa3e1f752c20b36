"""/meetings and a meeting's card: answers «приду / не смогу», proposals to the agenda and their
decision, moving and cancelling, the delivery report, and linking a body's Telegram group."""

from __future__ import annotations

from collections import Counter
from datetime import datetime
from enum import StrEnum

from aiogram import Bot, F, Router
from aiogram.filters import Command, CommandObject, StateFilter
from aiogram.filters.callback_data import CallbackData
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message
from aiogram.utils.keyboard import InlineKeyboardBuilder
from aiogram_i18n import I18nContext

from bot.delivery.notifier import Notifier
from bot.domain.errors import ValidationError
from bot.domain.meetings import MeetingStatus, parse_local, require_proposals_open
from bot.services.access import Actor
from bot.services.meetings import MeetingService, MeetingView
from bot.services.ports import Texts
from bot.views.ballot_texts import BallotAction, BallotCb, results_lines
from bot.views.notice_texts import MeetingAction, MeetingCb, agenda_lines, meeting_headline
from bot.views.texts import split_message
from handlers.calendar import when_text
from handlers.filters import ANSWER, GROUP, NOT_COMMAND
from handlers.menu import MenuCb
from handlers.render import local_time, message_of
from handlers.voting import VoteAction, VoteCb

LISTED = 15
CARD_LIMIT = 4000
REPORT_PROBLEMS = 40  # named one by one in the delivery report; the rest are counted


class ProposalAction(StrEnum):
    ACCEPT = "accept"
    REJECT = "reject"
    NO_COMMENT = "nocomment"


class ProposalCb(CallbackData, prefix="pr"):
    action: ProposalAction
    id: int


class ProposalForm(StatesGroup):
    title = State()
    comment = State()


class MoveForm(StatesGroup):
    when = State()


def card_text(view: MeetingView, i18n: I18nContext) -> str:
    meeting, body = view.meeting, view.body
    lines = [*meeting_headline(i18n, meeting, body)]
    if meeting.status is MeetingStatus.CANCELLED:
        lines.insert(0, i18n.get("card-cancelled"))
    lines += agenda_lines(i18n, view.agenda)
    if view.my_answer is not None and meeting.form.has_place:
        lines.append(i18n.get("card-my-answer-yes" if view.my_answer else "card-my-answer-no"))
    # Who is coming matters until the meeting closes; then its results say who took part.
    if view.manager and meeting.form.has_place and meeting.closed_at is None:
        a = view.attendance
        lines.append(
            i18n.get(
                "card-attendance",
                coming=a.coming,
                roster=a.roster,
                needed=a.needed,
                declined=a.not_coming,
            )
        )
    if view.manager and view.pending_proposals:
        lines.append(i18n.get("card-proposals", count=len(view.pending_proposals)))
    if meeting.results is not None:
        lines.append("")
        lines += results_lines(i18n, meeting, body, meeting.results, named=view.manager)
    if view.proposals_open and view.voter:
        lines.append(
            i18n.get(
                "notice-propose-until", cutoff=local_time(view.proposals_close, body.timezone)
            )
        )
    # A card is edited in place, so it must fit one message; the notices carry the full agenda.
    return split_message("\n".join(lines), CARD_LIMIT)[0]


def card_markup(view: MeetingView, i18n: I18nContext) -> InlineKeyboardMarkup:
    meeting = view.meeting
    kb = InlineKeyboardBuilder()
    live = meeting.status is MeetingStatus.ANNOUNCED and meeting.starts_at > view.now
    if live and meeting.form.has_place:
        kb.button(
            text=i18n.get("notice-button-coming"),
            callback_data=MeetingCb(action=MeetingAction.YES, id=meeting.id),
        )
        kb.button(
            text=i18n.get("notice-button-not-coming"),
            callback_data=MeetingCb(action=MeetingAction.NO, id=meeting.id),
        )
    if any(item.materials for item in view.agenda):
        kb.button(
            text=i18n.get("card-files"),
            callback_data=MeetingCb(action=MeetingAction.FILES, id=meeting.id),
        )
    if live and view.proposals_open and view.voter:
        kb.button(
            text=i18n.get("card-propose"),
            callback_data=MeetingCb(action=MeetingAction.PROPOSE, id=meeting.id),
        )
    open_ = meeting.status is MeetingStatus.ANNOUNCED and meeting.closed_at is None
    if view.my_ballot is not None and open_:
        kb.button(
            text=i18n.get("card-ballot"),
            callback_data=BallotCb(action=BallotAction.SHOW, ballot=view.my_ballot),
        )
    if view.voter and open_ and meeting.opened_at is not None:
        kb.button(
            text=i18n.get("card-checkin"),
            callback_data=MeetingCb(action=MeetingAction.CHECKIN, id=meeting.id),
        )
    if view.manager and view.voting_open and meeting.form.has_ballot:
        kb.button(
            text=i18n.get("card-turnout"),
            callback_data=VoteCb(action=VoteAction.TURNOUT, meeting=meeting.id),
        )
    if view.manager and open_ and meeting.form.has_place:
        kb.button(
            text=i18n.get("card-room"),
            callback_data=VoteCb(action=VoteAction.ROOM, meeting=meeting.id),
        )
    if view.manager and meeting.closed_at is not None:
        kb.button(
            text=i18n.get("card-minutes"),
            callback_data=MeetingCb(action=MeetingAction.MINUTES, id=meeting.id),
        )
    if view.minutes_signed:
        kb.button(
            text=i18n.get("card-extract"),
            callback_data=MeetingCb(action=MeetingAction.EXTRACT, id=meeting.id),
        )
    if view.manager:
        kb.button(
            text=i18n.get("card-report"),
            callback_data=MeetingCb(action=MeetingAction.REPORT, id=meeting.id),
        )
        if live:
            kb.button(
                text=i18n.get("card-move"),
                callback_data=MeetingCb(action=MeetingAction.MOVE, id=meeting.id),
            )
            kb.button(
                text=i18n.get("card-cancel"),
                callback_data=MeetingCb(action=MeetingAction.CANCEL, id=meeting.id),
            )
    kb.button(text=i18n.get("card-all-meetings"), callback_data=MenuCb(screen="meetings"))
    kb.adjust(2, 1)
    return kb.as_markup()


def decision_markup(i18n: Texts, proposal_id: int) -> InlineKeyboardMarkup:
    kb = InlineKeyboardBuilder()
    kb.button(
        text=i18n.get("proposal-accept"),
        callback_data=ProposalCb(action=ProposalAction.ACCEPT, id=proposal_id),
    )
    kb.button(
        text=i18n.get("proposal-reject"),
        callback_data=ProposalCb(action=ProposalAction.REJECT, id=proposal_id),
    )
    return kb.as_markup()


async def show_card(
    query: CallbackQuery, view: MeetingView, i18n: I18nContext, *, prefix: str = ""
) -> None:
    text = card_text(view, i18n)
    await message_of(query).edit_text(
        f"{prefix}\n\n{text}" if prefix else text, reply_markup=card_markup(view, i18n)
    )


async def list_meetings(
    event: Message | CallbackQuery, actor: Actor, meetings: MeetingService, i18n: I18nContext
) -> None:
    found, now = await meetings.list_for(actor)
    upcoming = [
        (m, b) for m, b in found if m.starts_at > now and m.status is MeetingStatus.ANNOUNCED
    ]
    past = [(m, b) for m, b in found if (m, b) not in upcoming][::-1]
    kb = InlineKeyboardBuilder()
    for meeting, body in (upcoming + past)[:LISTED]:
        key = (
            "meetings-line-cancelled"
            if meeting.status is MeetingStatus.CANCELLED
            else "meetings-line"
        )
        kb.button(
            text=i18n.get(
                key, when=when_text(i18n, meeting.starts_at, body.timezone), body=body.name
            ),
            callback_data=MeetingCb(action=MeetingAction.CARD, id=meeting.id),
        )
    kb.button(text=i18n.get("button-menu"), callback_data=MenuCb(screen="main"))
    kb.adjust(1)
    text = i18n.get("meetings-title", upcoming=len(upcoming), past=len(past))
    if isinstance(event, CallbackQuery):
        await message_of(event).edit_text(text, reply_markup=kb.as_markup())
    else:
        await event.answer(text, reply_markup=kb.as_markup())


async def card(
    query: CallbackQuery,
    callback_data: MeetingCb,
    actor: Actor,
    meetings: MeetingService,
    i18n: I18nContext,
) -> None:
    view = await meetings.view(actor, callback_data.id)
    await message_of(query).answer(card_text(view, i18n), reply_markup=card_markup(view, i18n))


async def answer(
    query: CallbackQuery,
    callback_data: MeetingCb,
    actor: Actor,
    meetings: MeetingService,
    i18n: I18nContext,
) -> None:
    coming = callback_data.action == MeetingAction.YES
    await meetings.answer(actor, callback_data.id, coming=coming)
    await query.answer(
        i18n.get("card-answer-saved-yes" if coming else "card-answer-saved-no"),
        show_alert=True,
    )


async def files(
    query: CallbackQuery,
    callback_data: MeetingCb,
    bot: Bot,
    actor: Actor,
    meetings: MeetingService,
) -> None:
    view = await meetings.view(actor, callback_data.id)
    for item in view.agenda:
        for material in item.materials:
            await bot.send_document(actor.telegram_id, material.file_id)


async def propose(
    query: CallbackQuery,
    callback_data: MeetingCb,
    actor: Actor,
    meetings: MeetingService,
    i18n: I18nContext,
    state: FSMContext,
) -> None:
    view = await meetings.view(actor, callback_data.id)
    # Before asking for a title: a button kept from before the cut-off says until when.
    require_proposals_open(view.now, view.meeting.starts_at, view.body.rules, view.body.timezone)
    await state.set_state(ProposalForm.title)
    await state.set_data({"meeting": callback_data.id})
    await message_of(query).answer(i18n.get("proposal-ask-title"))


async def got_proposal(
    message: Message,
    actor: Actor,
    meetings: MeetingService,
    notifier: Notifier,
    i18n: I18nContext,
    state: FSMContext,
) -> None:
    data = await state.get_data()
    proposal, deciders = await meetings.propose(actor, data["meeting"], message.text or "")
    await state.clear()
    await message.answer(i18n.get("proposal-sent"))
    view = await meetings.view(actor, data["meeting"])
    proposer = actor.require_person().full_name
    for person in deciders:
        await notifier.notify(
            person,
            "proposal-new",
            markup=decision_markup(notifier.texts(person), proposal.id),
            name=proposer,
            title=proposal.title,
            body=view.body.name,
            when=when_text(notifier.texts(person), view.meeting.starts_at, view.body.timezone),
        )


async def accept(
    query: CallbackQuery,
    callback_data: ProposalCb,
    actor: Actor,
    meetings: MeetingService,
    notifier: Notifier,
    i18n: I18nContext,
) -> None:
    decided = await meetings.decide(actor, callback_data.id, accepted=True, comment=None)
    await message_of(query).edit_text(
        i18n.get("proposal-accepted-by-you", title=decided.proposal.title)
    )
    await notifier.notify(
        decided.proposer,
        "proposal-accepted",
        title=decided.proposal.title,
        body=decided.body.name,
    )


async def reject(
    query: CallbackQuery,
    callback_data: ProposalCb,
    actor: Actor,
    meetings: MeetingService,
    i18n: I18nContext,
    state: FSMContext,
) -> None:
    await meetings.require_decider(actor, callback_data.id)
    await state.set_state(ProposalForm.comment)
    await state.set_data({"proposal": callback_data.id})
    kb = InlineKeyboardBuilder()
    kb.button(
        text=i18n.get("proposal-no-comment"),
        callback_data=ProposalCb(action=ProposalAction.NO_COMMENT, id=callback_data.id),
    )
    await message_of(query).answer(i18n.get("proposal-ask-comment"), reply_markup=kb.as_markup())


async def rejected(
    proposal_id: int,
    comment: str | None,
    actor: Actor,
    meetings: MeetingService,
    notifier: Notifier,
) -> str:
    decided = await meetings.decide(actor, proposal_id, accepted=False, comment=comment)
    key = "proposal-rejected-comment" if comment else "proposal-rejected"
    await notifier.notify(
        decided.proposer,
        key,
        title=decided.proposal.title,
        body=decided.body.name,
        comment=comment or "",
    )
    return decided.proposal.title


async def got_comment(
    message: Message,
    actor: Actor,
    meetings: MeetingService,
    notifier: Notifier,
    i18n: I18nContext,
    state: FSMContext,
) -> None:
    data = await state.get_data()
    title = await rejected(data["proposal"], message.text, actor, meetings, notifier)
    await state.clear()
    await message.answer(i18n.get("proposal-rejected-by-you", title=title))


async def no_comment(
    query: CallbackQuery,
    callback_data: ProposalCb,
    actor: Actor,
    meetings: MeetingService,
    notifier: Notifier,
    i18n: I18nContext,
    state: FSMContext,
) -> None:
    title = await rejected(callback_data.id, None, actor, meetings, notifier)
    await state.clear()
    await message_of(query).edit_text(i18n.get("proposal-rejected-by-you", title=title))


async def move(
    query: CallbackQuery,
    callback_data: MeetingCb,
    actor: Actor,
    meetings: MeetingService,
    i18n: I18nContext,
    state: FSMContext,
) -> None:
    await meetings.managed(actor, callback_data.id)
    await state.set_state(MoveForm.when)
    await state.set_data({"meeting": callback_data.id})
    await message_of(query).answer(i18n.get("move-ask-when", example="12.03.2027 15:00"))


async def got_move(
    message: Message,
    actor: Actor,
    meetings: MeetingService,
    i18n: I18nContext,
    state: FSMContext,
) -> None:
    data = await state.get_data()
    view = await meetings.view(actor, data["meeting"])
    starts_at = parse_local(message.text or "", view.body.timezone)
    try:
        moved = await meetings.reschedule(
            actor, data["meeting"], starts_at=starts_at, confirm_short=False
        )
    except ValidationError as error:
        if error.key != "meeting-error-confirm-short-notice":
            raise
        # An extraordinary meeting moved inside the notice period: the shortened notice
        # is confirmed by a button, as when it was announced.
        await state.update_data(starts_at=starts_at.isoformat())
        kb = InlineKeyboardBuilder()
        kb.button(
            text=i18n.get("draft-confirm-short"),
            callback_data=MeetingCb(action=MeetingAction.MOVE_SHORT, id=data["meeting"]),
        )
        await message.answer(i18n.get(error.key, **error.params), reply_markup=kb.as_markup())
        return
    await state.clear()
    await message.answer(
        i18n.get(
            "move-done", when=when_text(i18n, moved.starts_at, view.body.timezone, form="acc")
        )
    )


async def move_short(
    query: CallbackQuery,
    callback_data: MeetingCb,
    actor: Actor,
    meetings: MeetingService,
    i18n: I18nContext,
    state: FSMContext,
) -> None:
    data = await state.get_data()
    if data.get("meeting") != callback_data.id or "starts_at" not in data:
        raise ValidationError("error-stale-button")
    moved = await meetings.reschedule(
        actor,
        callback_data.id,
        starts_at=datetime.fromisoformat(data["starts_at"]),
        confirm_short=True,
    )
    await state.clear()
    view = await meetings.view(actor, callback_data.id)
    await message_of(query).edit_text(
        i18n.get(
            "move-done", when=when_text(i18n, moved.starts_at, view.body.timezone, form="acc")
        )
    )


async def confirm_cancel(
    query: CallbackQuery,
    callback_data: MeetingCb,
    actor: Actor,
    meetings: MeetingService,
    i18n: I18nContext,
) -> None:
    view = await meetings.managed(actor, callback_data.id)
    kb = InlineKeyboardBuilder()
    kb.button(
        text=i18n.get("cancel-meeting-yes"),
        callback_data=MeetingCb(action=MeetingAction.CANCEL_YES, id=callback_data.id),
    )
    kb.button(
        text=i18n.get("button-back"),
        callback_data=MeetingCb(action=MeetingAction.CARD, id=callback_data.id),
    )
    kb.adjust(1)
    await message_of(query).edit_text(
        i18n.get(
            "cancel-meeting-confirm",
            when=when_text(i18n, view.meeting.starts_at, view.body.timezone, form="when"),
        ),
        reply_markup=kb.as_markup(),
    )


async def cancel(
    query: CallbackQuery,
    callback_data: MeetingCb,
    actor: Actor,
    meetings: MeetingService,
    i18n: I18nContext,
) -> None:
    await meetings.cancel(actor, callback_data.id)
    await show_card(
        query,
        await meetings.view(actor, callback_data.id),
        i18n,
        prefix=i18n.get("cancel-meeting-done"),
    )


async def report(
    query: CallbackQuery,
    callback_data: MeetingCb,
    actor: Actor,
    meetings: MeetingService,
    i18n: I18nContext,
) -> None:
    report = await meetings.deliveries(actor, callback_data.id)
    meeting, body, rows = report.meeting, report.body, report.rows
    sent = Counter(notice.kind for notice, _, status, _ in rows if status == "sent")
    addressed = Counter(notice.kind for notice, _, status, _ in rows if status != "skipped")
    at = when_text(i18n, meeting.starts_at, body.timezone, form="when")
    lines = [i18n.get("report-title", when=at)]
    lines += [
        i18n.get(
            "report-kind",
            kind=i18n.get(f"notice-kind-{kind.value}"),
            count=sent[kind],
            total=total,
        )
        for kind, total in addressed.items()
    ]
    problems = [
        (notice, name, status, error)
        for notice, name, status, error in rows
        if status not in {"sent", "pending", "sending", "skipped"}
    ]
    if problems:
        lines.append(i18n.get("report-problems"))
        lines += [
            i18n.get(
                "report-problem",
                name=name,
                kind=i18n.get(f"notice-kind-{notice.kind.value}"),
                reason=i18n.get(f"report-status-{status}"),
            )
            for notice, name, status, _ in problems[:REPORT_PROBLEMS]
        ]
        if len(problems) > REPORT_PROBLEMS:
            lines.append(i18n.get("report-more", count=len(problems) - REPORT_PROBLEMS))
    else:
        lines.append(i18n.get("report-all-delivered"))
    if report.skipped:
        lines.append(i18n.get("report-skipped"))
        lines += [
            i18n.get(
                "report-skipped-line",
                kind=i18n.get(f"notice-kind-{notice.kind.value}"),
                due=when_text(i18n, notice.due_at, body.timezone),
                reason=i18n.get(f"report-skip-{notice.details.get('skipped')}"),
            )
            for notice in report.skipped
        ]
    kb = InlineKeyboardBuilder()
    kb.button(
        text=i18n.get("button-back"),
        callback_data=MeetingCb(action=MeetingAction.CARD, id=meeting.id),
    )
    await message_of(query).edit_text("\n".join(lines), reply_markup=kb.as_markup())


async def group_code(
    query: CallbackQuery,
    callback_data: MeetingCb,
    actor: Actor,
    meetings: MeetingService,
    i18n: I18nContext,
) -> None:
    code = await meetings.group_link_code(actor, callback_data.id)
    await message_of(query).answer(i18n.get("group-instructions", code=code))


async def link_group(
    message: Message,
    command: CommandObject,
    actor: Actor,
    meetings: MeetingService,
    i18n: I18nContext,
) -> None:
    body = await meetings.link_group(actor, command.args or "", message.chat.id)
    await message.answer(i18n.get("group-linked", body=body.name))


async def type_text(message: Message) -> None:
    raise ValidationError("form-error-text-expected")


def router() -> Router:
    """The handlers in the order aiogram tries them; a new Router on every call."""
    r = Router(name="meetings")
    r.callback_query.register(list_meetings, MenuCb.filter(F.screen == "meetings"))
    r.message.register(list_meetings, Command("meetings"))
    r.callback_query.register(card, MeetingCb.filter(F.action == MeetingAction.CARD))
    r.callback_query.register(
        answer, MeetingCb.filter(F.action.in_({MeetingAction.YES, MeetingAction.NO}))
    )
    r.callback_query.register(files, MeetingCb.filter(F.action == MeetingAction.FILES))
    r.callback_query.register(propose, MeetingCb.filter(F.action == MeetingAction.PROPOSE))
    r.message.register(got_proposal, StateFilter(ProposalForm.title), ANSWER)
    r.callback_query.register(accept, ProposalCb.filter(F.action == ProposalAction.ACCEPT))
    r.callback_query.register(reject, ProposalCb.filter(F.action == ProposalAction.REJECT))
    r.message.register(got_comment, StateFilter(ProposalForm.comment), ANSWER)
    r.callback_query.register(no_comment, ProposalCb.filter(F.action == ProposalAction.NO_COMMENT))
    r.callback_query.register(move, MeetingCb.filter(F.action == MeetingAction.MOVE))
    r.message.register(got_move, StateFilter(MoveForm.when), ANSWER)
    r.callback_query.register(
        move_short,
        StateFilter(MoveForm.when),
        MeetingCb.filter(F.action == MeetingAction.MOVE_SHORT),
    )
    r.callback_query.register(confirm_cancel, MeetingCb.filter(F.action == MeetingAction.CANCEL))
    r.callback_query.register(cancel, MeetingCb.filter(F.action == MeetingAction.CANCEL_YES))
    r.callback_query.register(report, MeetingCb.filter(F.action == MeetingAction.REPORT))
    r.callback_query.register(group_code, MeetingCb.filter(F.action == MeetingAction.GROUP))
    r.message.register(link_group, Command("link"), GROUP)
    r.message.register(type_text, StateFilter(MoveForm.when), NOT_COMMAND)
    r.message.register(type_text, StateFilter(ProposalForm.comment), NOT_COMMAND)
    r.message.register(type_text, StateFilter(ProposalForm.title), NOT_COMMAND)
    return r
