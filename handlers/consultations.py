"""Consultations in the chat: a teacher's request in a few taps, «Беру» for methodists, agreeing
a time, «проведена» and the rating, the coordinator's assignment and report."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from aiogram import F, Router
from aiogram.filters import Command, StateFilter
from aiogram.filters.callback_data import CallbackData
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import BufferedInputFile, CallbackQuery, InlineKeyboardMarkup, Message
from aiogram.utils.keyboard import InlineKeyboardBuilder
from aiogram_i18n import I18nContext
from pydantic import BaseModel

from bot.delivery.notifier import Notifier
from bot.documents.names import signed
from bot.documents.report import (
    COLUMNS,
    SUMMARY_KEYS,
    ReportRow,
    report_csv,
    report_xlsx,
    summarize,
)
from bot.domain import consultations as rules
from bot.domain.consultations import Direction, Mode, Size
from bot.domain.errors import Conflict, ValidationError
from bot.domain.meetings import parse_local
from bot.domain.people import subject as valid_subject
from bot.domain.records import Consultation, MethodistProfile, Person
from bot.services.access import Actor
from bot.services.consultations import Case, ConsultationService, Outcome, Request
from bot.views.consultation_texts import ConsultAction, ConsultCb, actions, describe
from handlers.filters import ANSWER
from handlers.menu import MenuCb, MenuScreen
from handlers.render import message_of

LISTED = 20


class AskStep(StrEnum):
    """Where a consultations button leads: a request step, a list, the profile, the report."""

    START = "start"
    SUBJECT = "subject"
    DIRECTION = "direction"
    SIZE = "size"
    MODE = "mode"
    SEND = "send"
    LIST = "list"
    PROFILE = "profile"
    TOGGLE_DIRECTION = "dir"
    SUBJECTS = "subjects"
    REPORT = "report"


class AskCb(CallbackData, prefix="ca"):
    step: AskStep
    value: str = ""


class AskForm(StatesGroup):
    topic = State()
    subject = State()
    direction = State()
    size = State()
    mode = State()
    wishes = State()
    confirm = State()


class ConsultForm(StatesGroup):
    when = State()
    place = State()
    reason = State()
    comment = State()
    subjects = State()


class AskDraft(BaseModel):
    """A teacher's request while it is being filled in, as the FSM storage keeps it (the same
    keys and string values as before it had a model, so a draft saved then still validates)."""

    topic: str | None = None
    subject: str | None = None
    direction: Direction | None = None
    size: Size | None = None
    mode: Mode | None = None
    wishes: str | None = None

    def data(self) -> dict[str, str]:
        return self.model_dump(mode="json", exclude_none=True)

    def request(self) -> Request | None:
        """The finished request; None while a question is still open."""
        if (
            self.topic is None
            or self.subject is None
            or self.direction is None
            or self.size is None
            or self.mode is None
            or self.wishes is None
        ):
            return None
        return Request(
            topic=self.topic,
            subject=self.subject,
            direction=self.direction,
            size=self.size,
            mode=self.mode,
            wishes=self.wishes,
        )


# The request's questions in the order they are asked: the draft's field, the form's state.
QUESTIONS: tuple[tuple[str, State], ...] = (
    ("topic", AskForm.topic),
    ("subject", AskForm.subject),
    ("direction", AskForm.direction),
    ("size", AskForm.size),
    ("mode", AskForm.mode),
    ("wishes", AskForm.wishes),
)
# The three questions answered by a tap: the form's state and the values offered. The button's
# step is also the draft's field and the prefix of the values' locale keys.
CHOICES: dict[AskStep, tuple[State, type[StrEnum]]] = {
    AskStep.DIRECTION: (AskForm.direction, Direction),
    AskStep.SIZE: (AskForm.size, Size),
    AskStep.MODE: (AskForm.mode, Mode),
}


def next_state(draft: AskDraft) -> State:
    """The first question the draft has no answer to; the summary to send once it has all."""
    for field, form_state in QUESTIONS:
        if getattr(draft, field) is None:
            return form_state
    return AskForm.confirm


def options(i18n: I18nContext, step: AskStep) -> InlineKeyboardMarkup:
    kb = InlineKeyboardBuilder()
    _, values = CHOICES[step]
    for value in values:
        kb.button(
            text=i18n.get(f"{step.value}-{value.value}"),
            callback_data=AskCb(step=step, value=value.value),
        )
    kb.adjust(1)
    return kb.as_markup()


def summary(i18n: I18nContext, draft: AskDraft) -> str:
    return i18n.get(
        "ask-summary",
        topic=draft.topic or "",
        subject=draft.subject or "",
        direction=i18n.get(f"direction-{draft.direction}"),
        size=i18n.get(f"size-{draft.size}"),
        mode=i18n.get(f"mode-{draft.mode}"),
        wishes=draft.wishes or "",
    )


def question(i18n: I18nContext, actor: Actor, draft: AskDraft) -> tuple[str, InlineKeyboardMarkup]:
    """What the form asks next, with its buttons."""
    form_state = next_state(draft)
    if form_state == AskForm.topic:
        return i18n.get("ask-topic"), InlineKeyboardBuilder().as_markup()
    if form_state == AskForm.subject:
        kb = InlineKeyboardBuilder()
        person = actor.require_person()
        if person.subject:
            kb.button(text=person.subject, callback_data=AskCb(step=AskStep.SUBJECT, value="own"))
        return i18n.get("ask-subject"), kb.as_markup()
    for choice, (choice_state, _) in CHOICES.items():
        if form_state == choice_state:
            return i18n.get(f"ask-{choice.value}"), options(i18n, choice)
    if form_state == AskForm.wishes:
        return i18n.get("ask-wishes"), InlineKeyboardBuilder().as_markup()
    kb = InlineKeyboardBuilder()
    kb.button(text=i18n.get("ask-send"), callback_data=AskCb(step=AskStep.SEND))
    kb.button(text=i18n.get("button-cancel"), callback_data=MenuCb(screen=MenuScreen.MAIN))
    kb.adjust(1)
    return summary(i18n, draft), kb.as_markup()


async def ask_next(
    message: Message,
    actor: Actor,
    i18n: I18nContext,
    state: FSMContext,
    draft: AskDraft,
    *,
    edit: bool = False,
) -> None:
    """Keeps the draft and asks its next question: in a new message, or in place of the
    buttons just tapped."""
    await state.set_data(draft.data())
    await state.set_state(next_state(draft))
    text, markup = question(i18n, actor, draft)
    buttons = markup if markup.inline_keyboard else None
    if edit:
        await message.edit_text(text, reply_markup=buttons)
    else:
        await message.answer(text, reply_markup=buttons)


async def draft_of(state: FSMContext) -> AskDraft:
    return AskDraft.model_validate(await state.get_data())


async def tell(
    notifier: Notifier, outcome: Outcome, key: str, **params: str | int
) -> list[Person]:
    """Tells each person concerned, in their language, with the buttons they may press;
    returns those it did not reach (no Telegram, or they stopped the bot)."""
    missed = []
    for person in outcome.tell:
        texts = notifier.texts(person)
        viewer = _viewer_of(outcome.case, person)
        case = Case(
            outcome.case.consultation,
            outcome.case.teacher,
            outcome.case.methodist,
            outcome.case.timezone,
            viewer,
        )
        text = texts.get(key, **params) + "\n\n" + describe(texts, case)
        if not await notifier.notify_text(person, text, markup=actions(texts, case)):
            missed.append(person)
    return missed


def _viewer_of(case: Case, person: Person) -> str:
    if person.id == case.consultation.teacher_id:
        return "teacher"
    if person.id == case.consultation.methodist_id:
        return "methodist"
    if case.consultation.status == "offered":
        return "offered"
    return "coordinator"


def profile_screen(
    current: MethodistProfile, i18n: I18nContext
) -> tuple[str, InlineKeyboardMarkup]:
    """What requests a methodist is offered: subjects (typed), directions (tapped)."""
    kb = InlineKeyboardBuilder()
    for direction in Direction:
        mark = "✅ " if direction.value in current.directions else ""
        kb.button(
            text=mark + i18n.get(f"direction-{direction.value}"),
            callback_data=AskCb(step=AskStep.TOGGLE_DIRECTION, value=direction.value),
        )
    kb.button(text=i18n.get("profile-subjects-edit"), callback_data=AskCb(step=AskStep.SUBJECTS))
    kb.button(text=i18n.get("button-back"), callback_data=MenuCb(screen=MenuScreen.CONSULT))
    kb.adjust(1)
    text = i18n.get(
        "methodist-profile",
        subjects=", ".join(current.subjects) or i18n.get("methodist-any"),
        directions=", ".join(i18n.get(f"direction-{d}") for d in current.directions)
        or i18n.get("methodist-any"),
    )
    return text, kb.as_markup()


async def home(
    message: Message,
    actor: Actor,
    consultations: ConsultationService,
    i18n: I18nContext,
    *,
    edit: bool,
) -> None:
    own, mine, everything = await consultations.lists(actor)
    kb = InlineKeyboardBuilder()
    kb.button(text=i18n.get("consult-ask"), callback_data=AskCb(step=AskStep.START))
    if own:
        kb.button(
            text=i18n.get("consult-own", count=len(own)),
            callback_data=AskCb(step=AskStep.LIST, value="own"),
        )
    if mine:
        kb.button(
            text=i18n.get("consult-mine", count=len(mine)),
            callback_data=AskCb(step=AskStep.LIST, value="mine"),
        )
    if await consultations.is_methodist(actor):
        kb.button(text=i18n.get("consult-profile"), callback_data=AskCb(step=AskStep.PROFILE))
    if everything:
        kb.button(
            text=i18n.get("consult-all", count=len(everything)),
            callback_data=AskCb(step=AskStep.LIST, value="all"),
        )
        kb.button(text=i18n.get("consult-report"), callback_data=AskCb(step=AskStep.REPORT))
    kb.button(text=i18n.get("button-menu"), callback_data=MenuCb(screen=MenuScreen.MAIN))
    kb.adjust(1)
    if edit:
        await message.edit_text(i18n.get("consult-home"), reply_markup=kb.as_markup())
    else:
        await message.answer(i18n.get("consult-home"), reply_markup=kb.as_markup())


async def consult_command(
    message: Message, actor: Actor, consultations: ConsultationService, i18n: I18nContext
) -> None:
    await home(message, actor, consultations, i18n, edit=False)


async def consult_menu(
    query: CallbackQuery, actor: Actor, consultations: ConsultationService, i18n: I18nContext
) -> None:
    await home(message_of(query), actor, consultations, i18n, edit=True)


async def ask_start(
    query: CallbackQuery, actor: Actor, i18n: I18nContext, state: FSMContext
) -> None:
    actor.require_person()
    await ask_next(message_of(query), actor, i18n, state, AskDraft())


async def got_topic(message: Message, actor: Actor, i18n: I18nContext, state: FSMContext) -> None:
    draft = (await draft_of(state)).model_copy(update={"topic": rules.topic(message.text or "")})
    await ask_next(message, actor, i18n, state, draft)


async def got_subject(
    message: Message, actor: Actor, i18n: I18nContext, state: FSMContext
) -> None:
    subject = valid_subject(message.text or "")
    await ask_next(
        message,
        actor,
        i18n,
        state,
        (await draft_of(state)).model_copy(update={"subject": subject}),
    )


async def own_subject(
    query: CallbackQuery, actor: Actor, i18n: I18nContext, state: FSMContext
) -> None:
    subject = valid_subject(actor.require_person().subject or "")
    draft = (await draft_of(state)).model_copy(update={"subject": subject})
    await ask_next(message_of(query), actor, i18n, state, draft)


async def got_choice(
    query: CallbackQuery,
    callback_data: AskCb,
    actor: Actor,
    i18n: I18nContext,
    state: FSMContext,
) -> None:
    """A direction, a size or a mode tapped: the filters made sure it is one of the values
    offered at that step of the form."""
    draft = AskDraft.model_validate(
        {**(await state.get_data()), callback_data.step.value: callback_data.value}
    )
    await ask_next(message_of(query), actor, i18n, state, draft, edit=True)


async def got_wishes(message: Message, actor: Actor, i18n: I18nContext, state: FSMContext) -> None:
    draft = (await draft_of(state)).model_copy(update={"wishes": rules.wishes(message.text or "")})
    await ask_next(message, actor, i18n, state, draft)


async def send(
    query: CallbackQuery,
    actor: Actor,
    consultations: ConsultationService,
    notifier: Notifier,
    i18n: I18nContext,
    state: FSMContext,
) -> None:
    request = (await draft_of(state)).request()
    if request is None:
        raise ValidationError("error-stale-button")
    outcome = await consultations.request(actor, request)
    await state.clear()
    # Sent first, so that the count is of those it reached, and the others are named.
    missed = await tell(notifier, outcome, "consultation-new")
    offered = outcome.case.consultation.status == "offered"
    key = "ask-sent-offered" if offered else "ask-sent-coordinator"
    lines = [i18n.get(key, count=len(outcome.tell) - len(missed))]
    if offered and missed:
        names = (
            i18n.get(
                "ask-sent-missed-name",
                name=person.full_name,
                reason="no_telegram" if person.telegram_id is None else "unreachable",
            )
            for person in missed
        )
        lines.append(i18n.get("ask-sent-missed", names=", ".join(names)))
    await message_of(query).edit_text("\n".join(lines))


async def listing(
    query: CallbackQuery,
    callback_data: AskCb,
    actor: Actor,
    consultations: ConsultationService,
    i18n: I18nContext,
) -> None:
    own, mine, everything = await consultations.lists(actor)
    found: list[Consultation] = {"own": own, "mine": mine, "all": everything}.get(
        callback_data.value, []
    )
    kb = InlineKeyboardBuilder()
    for item in found[:LISTED]:
        status = i18n.get(f"consultation-status-{item.status}")
        kb.button(
            text=f"№ {item.id} · {status} · {item.topic[:40]}",
            callback_data=ConsultCb(action=ConsultAction.SHOW, id=item.id),
        )
    kb.button(text=i18n.get("button-back"), callback_data=MenuCb(screen=MenuScreen.CONSULT))
    kb.adjust(1)
    await message_of(query).edit_text(
        i18n.get("consult-list", count=len(found)), reply_markup=kb.as_markup()
    )


async def show(
    query: CallbackQuery,
    callback_data: ConsultCb,
    actor: Actor,
    consultations: ConsultationService,
    i18n: I18nContext,
) -> None:
    case = await consultations.view(actor, callback_data.id)
    await message_of(query).answer(describe(i18n, case), reply_markup=actions(i18n, case))


async def refresh(query: CallbackQuery, case: Case, i18n: I18nContext, key: str) -> None:
    await message_of(query).edit_text(
        i18n.get(key) + "\n\n" + describe(i18n, case), reply_markup=actions(i18n, case)
    )


async def take(
    query: CallbackQuery,
    callback_data: ConsultCb,
    actor: Actor,
    consultations: ConsultationService,
    notifier: Notifier,
    i18n: I18nContext,
) -> None:
    try:
        outcome = await consultations.take(actor, callback_data.id)
    except Conflict as lost:
        if lost.key != "consultation-error-taken":
            raise
        # Lost the race: the offer itself says who took it; no alert on top of it.
        case = await consultations.view(actor, callback_data.id)
        if case.methodist is None:
            raise
        key = "consultation-taken-by-other"
        await message_of(query).edit_text(
            i18n.get(key, id=case.consultation.id, name=signed(case.methodist.full_name))
            + "\n\n"
            + describe(i18n, case),
            reply_markup=actions(i18n, case),
        )
        return
    await refresh(query, outcome.case, i18n, "consultation-taken-by-you")
    teacher, others = outcome.tell[0], outcome.tell[1:]
    name = outcome.case.methodist.full_name if outcome.case.methodist else ""
    await tell(notifier, Outcome(outcome.case, [teacher]), "consultation-taken", name=name)
    for person in others:
        await notifier.notify(
            person,
            "consultation-taken-by-other",
            id=outcome.case.consultation.id,
            name=signed(name),
        )


async def propose(
    query: CallbackQuery,
    callback_data: ConsultCb,
    actor: Actor,
    consultations: ConsultationService,
    i18n: I18nContext,
    state: FSMContext,
) -> None:
    case = await consultations.view(actor, callback_data.id)
    if case.viewer != "methodist":
        raise ValidationError("consultation-error-not-yours")
    await state.set_state(ConsultForm.when)
    await state.set_data({"id": callback_data.id, "timezone": case.timezone})
    await message_of(query).answer(i18n.get("consultation-ask-when", example="12.03.2027 15:00"))


async def got_when(message: Message, i18n: I18nContext, state: FSMContext) -> None:
    data = await state.get_data()
    starts_at = parse_local(message.text or "", data["timezone"])
    await state.update_data(starts_at=starts_at.isoformat())
    await state.set_state(ConsultForm.place)
    await message.answer(i18n.get("consultation-ask-place"))


async def got_place(
    message: Message,
    actor: Actor,
    consultations: ConsultationService,
    notifier: Notifier,
    i18n: I18nContext,
    state: FSMContext,
) -> None:
    data = await state.get_data()
    outcome = await consultations.propose(
        actor, data["id"], datetime.fromisoformat(data["starts_at"]), message.text or ""
    )
    await state.clear()
    await message.answer(
        i18n.get("consultation-proposed") + "\n\n" + describe(i18n, outcome.case),
        reply_markup=actions(i18n, outcome.case),
    )
    await tell(notifier, outcome, "consultation-time-offered")


# Steps that change the request and tell the other side, each the same way: the service
# method, what the presser reads, what the others are told.
STEPS = {
    "confirm": (
        ConsultationService.confirm,
        "consultation-confirmed-by-you",
        "consultation-confirmed",
    ),
    "other": (
        ConsultationService.other_time,
        "consultation-other-asked",
        "consultation-other-time-asked",
    ),
    "done": (ConsultationService.done, "consultation-done-by-you", "consultation-rate-please"),
    "cancel": (
        ConsultationService.cancel,
        "consultation-cancelled-by-you",
        "consultation-cancelled",
    ),
}


async def step(
    query: CallbackQuery,
    callback_data: ConsultCb,
    actor: Actor,
    consultations: ConsultationService,
    notifier: Notifier,
    i18n: I18nContext,
) -> None:
    method, mine, theirs = STEPS[callback_data.action]
    outcome = await method(consultations, actor, callback_data.id)
    await refresh(query, outcome.case, i18n, mine)
    await tell(notifier, outcome, theirs)


async def rate(
    query: CallbackQuery,
    callback_data: ConsultCb,
    actor: Actor,
    consultations: ConsultationService,
    i18n: I18nContext,
    state: FSMContext,
) -> None:
    case = await consultations.rate(actor, callback_data.id, callback_data.value)
    await refresh(query, case, i18n, "consultation-rated")
    await state.set_state(ConsultForm.comment)
    await state.set_data({"id": callback_data.id, "rating": callback_data.value})
    await message_of(query).answer(i18n.get("consultation-ask-comment"))


async def got_comment(
    message: Message,
    actor: Actor,
    consultations: ConsultationService,
    i18n: I18nContext,
    state: FSMContext,
) -> None:
    data = await state.get_data()
    await consultations.rate(actor, data["id"], data["rating"], message.text or "")
    await state.clear()
    await message.answer(i18n.get("consultation-thanks"))


async def decline(
    query: CallbackQuery,
    callback_data: ConsultCb,
    actor: Actor,
    consultations: ConsultationService,
    i18n: I18nContext,
    state: FSMContext,
) -> None:
    await consultations.view(actor, callback_data.id)
    await state.set_state(ConsultForm.reason)
    await state.set_data({"id": callback_data.id})
    await message_of(query).answer(i18n.get("consultation-ask-reason"))


async def got_reason(
    message: Message,
    actor: Actor,
    consultations: ConsultationService,
    notifier: Notifier,
    i18n: I18nContext,
    state: FSMContext,
) -> None:
    data = await state.get_data()
    outcome = await consultations.decline(actor, data["id"], message.text or "")
    await state.clear()
    await message.answer(i18n.get("consultation-declined-by-you"))
    await tell(notifier, outcome, "consultation-declined")


async def assign_choose(
    query: CallbackQuery,
    callback_data: ConsultCb,
    actor: Actor,
    consultations: ConsultationService,
    i18n: I18nContext,
) -> None:
    kb = InlineKeyboardBuilder()
    for person in await consultations.methodists(actor, callback_data.id):
        kb.button(
            text=person.full_name,
            callback_data=ConsultCb(
                action=ConsultAction.ASSIGN, id=callback_data.id, value=person.id
            ),
        )
    kb.adjust(1)
    await message_of(query).answer(
        i18n.get("consultation-assign-choose"), reply_markup=kb.as_markup()
    )


async def assign(
    query: CallbackQuery,
    callback_data: ConsultCb,
    actor: Actor,
    consultations: ConsultationService,
    notifier: Notifier,
    i18n: I18nContext,
) -> None:
    outcome = await consultations.assign(actor, callback_data.id, callback_data.value)
    await message_of(query).edit_text(
        i18n.get("consultation-assigned-by-you") + "\n\n" + describe(i18n, outcome.case)
    )
    await tell(notifier, outcome, "consultation-assigned")


async def profile(
    query: CallbackQuery, actor: Actor, consultations: ConsultationService, i18n: I18nContext
) -> None:
    await show_profile(message_of(query), actor, consultations, i18n, edit=True)


async def show_profile(
    message: Message,
    actor: Actor,
    consultations: ConsultationService,
    i18n: I18nContext,
    *,
    edit: bool,
) -> None:
    text, markup = profile_screen(await consultations.profile(actor), i18n)
    if edit:
        await message.edit_text(text, reply_markup=markup)
    else:
        await message.answer(text, reply_markup=markup)


async def toggle_direction(
    query: CallbackQuery,
    callback_data: AskCb,
    actor: Actor,
    consultations: ConsultationService,
    i18n: I18nContext,
) -> None:
    await consultations.set_profile(actor, toggle=Direction(callback_data.value))
    await show_profile(message_of(query), actor, consultations, i18n, edit=True)


async def ask_subjects(query: CallbackQuery, i18n: I18nContext, state: FSMContext) -> None:
    await state.set_state(ConsultForm.subjects)
    await message_of(query).answer(i18n.get("methodist-ask-subjects"))


async def got_subjects(
    message: Message,
    actor: Actor,
    consultations: ConsultationService,
    i18n: I18nContext,
    state: FSMContext,
) -> None:
    text = message.text or ""
    subjects = (
        []
        if text.strip() == "-"
        else [valid_subject(part) for part in text.split(",") if part.strip()]
    )
    await consultations.set_profile(actor, subjects=subjects)
    await state.clear()
    await show_profile(message, actor, consultations, i18n, edit=False)


async def report_choose(
    query: CallbackQuery, actor: Actor, consultations: ConsultationService, i18n: I18nContext
) -> None:
    await consultations.require_reporter(actor)
    kb = InlineKeyboardBuilder()
    for period in ("month", "last", "year"):
        kb.button(
            text=i18n.get(f"consult-report-period-{period}"),
            callback_data=AskCb(step=AskStep.REPORT, value=period),
        )
    kb.adjust(1)
    await message_of(query).edit_text(
        i18n.get("consult-report-choose"), reply_markup=kb.as_markup()
    )


async def report(
    query: CallbackQuery,
    callback_data: AskCb,
    actor: Actor,
    consultations: ConsultationService,
    i18n: I18nContext,
) -> None:
    found = await consultations.report(actor, callback_data.value)
    rows = [
        ReportRow(
            id=c.id,
            created_at=c.created_at,
            status=i18n.get(f"consultation-status-{c.status}"),
            direction=i18n.get(f"direction-{c.direction}"),
            subject=c.subject,
            school=teacher.school or "-",
            teacher=teacher.full_name,
            methodist=methodist.full_name if methodist else None,
            taken_after_hours=hours(c.created_at, c.taken_at),
            held_after_hours=hours(c.created_at, c.done_at),
            rating=c.rating,
        )
        for c, teacher, methodist in found.rows
    ]
    numbers = summarize(rows)
    lines = [
        i18n.get(
            "consult-report-summary",
            since=found.since.astimezone(found.zone).strftime("%d.%m.%Y"),
            until=found.until.astimezone(found.zone).strftime("%d.%m.%Y"),
            total=numbers.total,
            take=round(numbers.average_take_hours or 0, 1),
            hold=round(numbers.average_hold_hours or 0, 1),
            rating=round(numbers.average_rating or 0, 1),
            ratings=numbers.ratings_count,
        )
    ]
    lines += [
        i18n.get("consult-report-line", name=name, count=count)
        for name, count in numbers.by_status.items()
    ]
    lines += [
        i18n.get("consult-report-line", name=name, count=count)
        for name, count in numbers.by_direction.items()
    ]
    message = message_of(query)
    await message.answer("\n".join(lines))
    headers = {column: i18n.get(f"consult-report-column-{dashed(column)}") for column in COLUMNS}
    titles = {key: i18n.get(f"consult-report-summary-{dashed(key)}") for key in SUMMARY_KEYS}
    name = f"consultations-{found.since:%Y%m%d}"
    await message.answer_document(
        BufferedInputFile(report_csv(rows, headers, found.timezone), filename=f"{name}.csv")
    )
    title = i18n.get("consult-report-title")
    xlsx = report_xlsx(rows, headers, found.timezone, summary_titles=titles, title=title)
    await message.answer_document(BufferedInputFile(xlsx, filename=f"{name}.xlsx"))


def router() -> Router:
    r = Router(name="consultations")
    r.message.register(consult_command, Command("consult"))
    r.callback_query.register(consult_menu, MenuCb.filter(F.screen == MenuScreen.CONSULT))
    r.callback_query.register(ask_start, AskCb.filter(F.step == AskStep.START))
    r.message.register(got_topic, StateFilter(AskForm.topic), ANSWER)
    r.message.register(got_subject, StateFilter(AskForm.subject), ANSWER)
    r.callback_query.register(
        own_subject, StateFilter(AskForm.subject), AskCb.filter(F.step == AskStep.SUBJECT)
    )
    for choice, (form_state, values) in CHOICES.items():
        r.callback_query.register(
            got_choice,
            StateFilter(form_state),
            AskCb.filter(F.step == choice),
            AskCb.filter(F.value.in_(list(values))),
        )
    r.message.register(got_wishes, StateFilter(AskForm.wishes), ANSWER)
    r.callback_query.register(
        send, StateFilter(AskForm.confirm), AskCb.filter(F.step == AskStep.SEND)
    )
    r.callback_query.register(listing, AskCb.filter(F.step == AskStep.LIST))
    r.callback_query.register(show, ConsultCb.filter(F.action == ConsultAction.SHOW))
    r.callback_query.register(take, ConsultCb.filter(F.action == ConsultAction.TAKE))
    r.callback_query.register(propose, ConsultCb.filter(F.action == ConsultAction.PROPOSE))
    r.message.register(got_when, StateFilter(ConsultForm.when), ANSWER)
    r.message.register(got_place, StateFilter(ConsultForm.place), ANSWER)
    r.callback_query.register(step, ConsultCb.filter(F.action.in_(STEPS)))
    r.callback_query.register(rate, ConsultCb.filter(F.action == ConsultAction.RATE))
    r.message.register(got_comment, StateFilter(ConsultForm.comment), ANSWER)
    r.callback_query.register(decline, ConsultCb.filter(F.action == ConsultAction.DECLINE))
    r.message.register(got_reason, StateFilter(ConsultForm.reason), ANSWER)
    r.callback_query.register(
        assign_choose,
        ConsultCb.filter(F.action == ConsultAction.ASSIGN),
        ConsultCb.filter(F.value == 0),
    )
    r.callback_query.register(assign, ConsultCb.filter(F.action == ConsultAction.ASSIGN))
    r.callback_query.register(profile, AskCb.filter(F.step == AskStep.PROFILE))
    r.callback_query.register(
        toggle_direction,
        AskCb.filter(F.step == AskStep.TOGGLE_DIRECTION),
        AskCb.filter(F.value.in_(list(Direction))),
    )
    r.callback_query.register(ask_subjects, AskCb.filter(F.step == AskStep.SUBJECTS))
    r.message.register(got_subjects, StateFilter(ConsultForm.subjects), ANSWER)
    r.callback_query.register(
        report_choose, AskCb.filter(F.step == AskStep.REPORT), AskCb.filter(F.value == "")
    )
    r.callback_query.register(report, AskCb.filter(F.step == AskStep.REPORT))
    return r


def dashed(name: str) -> str:
    """A column or label id as it is spelled in locale keys."""
    return name.replace("_", "-")


def hours(start: datetime, end: datetime | None) -> float | None:
    return None if end is None else (end - start).total_seconds() / 3600
