"""Announcing a meeting from a phone: form, kind, day and time by tapping (or typed), place,
voting deadline, the agenda typed or pasted at once (one item a line), then a review where an
item gets a speaker, files or «for information» only when it needs them.

The form's data are a typed `Draft` (kept in the FSM storage, so across restarts); what the
form asks next is `next_step(draft)`, a pure function of it."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from aiogram import F, Router
from aiogram.filters import StateFilter
from aiogram.filters.callback_data import CallbackData
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Message
from aiogram.utils.keyboard import InlineKeyboardBuilder
from aiogram_i18n import I18nContext
from pydantic import BaseModel, Field

from bot.domain.errors import ValidationError
from bot.domain.meetings import (
    DraftItem,
    DraftMaterial,
    MeetingDraft,
    MeetingForm,
    at_local,
    check_deadline,
    check_schedule,
    earliest_ordinary,
    parse_agenda,
    parse_local,
    parse_time,
    valid_place,
)
from bot.domain.people import full_name
from bot.domain.records import Body
from bot.services.access import Actor
from bot.services.meetings import MeetingService
from bot.views.notice_texts import MeetingAction, MeetingCb
from handlers.calendar import (
    CalendarAction,
    CalendarCb,
    TimeCb,
    calendar_markup,
    time_markup,
    when_text,
)
from handlers.filters import ANSWER, DOCUMENT, NOT_COMMAND
from handlers.menu import MenuCb
from handlers.render import message_of

MAX_ITEMS = 30
MAX_FILES = 10


class DraftStep(StrEnum):
    FORM = "form"
    KIND = "kind"
    DEADLINE = "deadline"
    SPEAKER = "speaker"
    FILES = "files"
    EDIT = "edit"
    ITEM = "item"
    ITEM_SPEAKER = "ispeaker"
    ITEM_FILES = "ifiles"
    ITEM_DECISION = "idecision"
    BACK = "back"
    REMOVE = "remove"
    ANNOUNCE = "announce"


class DraftCb(CallbackData, prefix="dr"):
    step: DraftStep
    value: str = ""


class AnnounceForm(StatesGroup):
    form = State()
    kind = State()
    day = State()
    time = State()
    place = State()
    deadline = State()
    item_title = State()
    item_speaker = State()
    item_files = State()
    review = State()


def choice(
    i18n: I18nContext, options: list[tuple[str, DraftCb]], *, columns: int = 1
) -> InlineKeyboardMarkup:
    kb = InlineKeyboardBuilder()
    for key, data in options:
        kb.button(text=i18n.get(key), callback_data=data)
    kb.adjust(columns)
    return kb.as_markup()


async def ask_form(message: Message, body: Body, i18n: I18nContext, state: FSMContext) -> None:
    await state.set_state(AnnounceForm.form)
    options = [
        (f"form-{form.value}", DraftCb(step=DraftStep.FORM, value=form.value))
        for form in MeetingForm
    ]
    await message.answer(
        i18n.get("draft-ask-form", body=body.name), reply_markup=choice(i18n, options)
    )


async def ask_kind(message: Message, i18n: I18nContext, state: FSMContext) -> None:
    await state.set_state(AnnounceForm.kind)
    options = [
        ("draft-ordinary", DraftCb(step=DraftStep.KIND, value="ordinary")),
        ("draft-extraordinary", DraftCb(step=DraftStep.KIND, value="extraordinary")),
    ]
    await message.answer(i18n.get("draft-ask-kind"), reply_markup=choice(i18n, options))


class Material(BaseModel):
    """A file attached to an item, as Telegram described it."""

    file_id: str
    file_name: str
    mime_type: str | None = None
    file_size: int | None = None


class Entry(BaseModel):
    """One agenda item of the draft."""

    title: str
    speaker: str | None = None
    decision: bool = True
    materials: list[Material] = Field(default_factory=list)


class Draft(BaseModel):
    """The form's data, kept in the FSM storage (storage/fsm.py) across restarts: the keys and
    types the form has always written, so a draft saved by an older release still reads.

    A key that was never written stays unwritten (`save` dumps with ``exclude_unset``): a
    missing ``deadline`` means «not asked yet», a ``None`` one «at the start of the meeting».
    """

    body: int
    items: list[Entry] = Field(default_factory=list)
    form: MeetingForm | None = None
    extraordinary: bool | None = None
    confirmed: bool = False
    day: date | None = None  # the day picked on the calendar, or the plan's
    starts_at: datetime | None = None
    place: str | None = None
    deadline: datetime | None = None
    editing: bool = False  # back on the review after each change
    item_index: int | None = None  # the item a speaker or files are being given to
    plan: int | None = None
    seminar: bool = False

    @property
    def deadline_asked(self) -> bool:
        return "deadline" in self.model_fields_set

    def scheduled(self) -> tuple[MeetingForm, datetime]:
        """The form and the start, which every step after the time has."""
        if self.form is None or self.starts_at is None:
            raise ValidationError("error-stale-button")
        return self.form, self.starts_at

    def meeting(self) -> MeetingDraft:
        """The draft as the domain checks it."""
        form, starts_at = self.scheduled()
        return MeetingDraft(
            form=form,
            starts_at=starts_at,
            place=self.place,
            vote_deadline=self.deadline,
            extraordinary=bool(self.extraordinary),
            short_notice_confirmed=self.confirmed,
            seminar=self.seminar,
            plan_id=self.plan,
            items=tuple(
                DraftItem(
                    title=item.title,
                    speaker=item.speaker,
                    needs_decision=item.decision,
                    materials=tuple(DraftMaterial(**m.model_dump()) for m in item.materials),
                )
                for item in self.items
            ),
        )


class Step(StrEnum):
    """What the form asks next."""

    FORM = "form"
    KIND = "kind"
    DAY = "day"
    TIME = "time"
    PLACE = "place"
    DEADLINE = "deadline"
    AGENDA = "agenda"
    REVIEW = "review"


def next_step(draft: Draft) -> Step:
    """The first thing the draft still lacks, in the form's order; during an edit, straight
    back to the review as soon as the meeting has a time."""
    form = draft.form
    lacking = [
        (form is None, Step.FORM),
        (draft.extraordinary is None, Step.KIND),
        # Announced from the plan, the day is known: only the time is asked.
        (draft.starts_at is None and draft.day is None, Step.DAY),
        (draft.starts_at is None, Step.TIME),
        (draft.editing, Step.REVIEW),
        (form is not None and form.has_place and not draft.place, Step.PLACE),
        (form is not None and form.has_ballot and not draft.deadline_asked, Step.DEADLINE),
        (not draft.items, Step.AGENDA),
    ]
    return next((step for missing, step in lacking if missing), Step.REVIEW)


async def load_draft(state: FSMContext) -> Draft:
    return Draft.model_validate(await state.get_data())


async def save_draft(state: FSMContext, draft: Draft) -> None:
    await state.set_data(draft.model_dump(mode="json", exclude_unset=True))


def first_day(body: Body, now: datetime, *, extraordinary: bool) -> date:
    """The first day the calendar offers: today for an extraordinary meeting, otherwise the
    day `notice_days` ahead (4.8), in the organisation's zone."""
    earliest = now if extraordinary else earliest_ordinary(now, body.rules, body.timezone)
    return earliest.astimezone(body.zone).date()


def item_lines(i18n: I18nContext, number: int, item: Entry) -> list[str]:
    """One agenda item as the review and its own screen show it."""
    lines = [i18n.get("notice-agenda-item", number=number, title=item.title)]
    if item.speaker:
        lines.append(i18n.get("notice-agenda-speaker", speaker=item.speaker))
    if item.materials:
        lines.append(i18n.get("notice-agenda-materials", count=len(item.materials)))
    if not item.decision:
        lines.append(i18n.get("draft-for-information"))
    return lines


def item_screen(i18n: I18nContext, number: int, item: Entry) -> tuple[str, InlineKeyboardMarkup]:
    """What an item still may get: a speaker, files, «for information»; then back."""
    text = "\n".join([i18n.get("draft-item-title"), *item_lines(i18n, number, item)])
    value = str(number)
    decision = "draft-item-information" if item.decision else "draft-item-decision"
    options = [
        ("draft-item-speaker", DraftCb(step=DraftStep.ITEM_SPEAKER, value=value)),
        ("draft-item-files", DraftCb(step=DraftStep.ITEM_FILES, value=value)),
        (decision, DraftCb(step=DraftStep.ITEM_DECISION, value=value)),
        ("draft-item-back", DraftCb(step=DraftStep.BACK)),
    ]
    return text, choice(i18n, options)


def short_notice(body: Body, draft: Draft, now: datetime) -> bool:
    """An extraordinary meeting sooner than the notice period allows: confirmed on announcing."""
    _, starts_at = draft.scheduled()
    return bool(draft.extraordinary) and starts_at < earliest_ordinary(
        now, body.rules, body.timezone
    )


def review_text(i18n: I18nContext, body: Body, draft: Draft, now: datetime) -> str:
    form, starts_at = draft.scheduled()
    lines = [
        i18n.get("draft-title", body=body.name),
        i18n.get("notice-form", form=i18n.get(f"form-{form.value}")),
        i18n.get(
            "draft-kind",
            kind=i18n.get("draft-extraordinary" if draft.extraordinary else "draft-ordinary"),
        ),
        i18n.get("notice-when", when=when_text(i18n, starts_at, body.timezone)),
    ]
    if form.has_place:
        lines.append(i18n.get("notice-place", place=draft.place or i18n.get("draft-missing")))
    if form.has_ballot:
        deadline = draft.deadline or starts_at
        lines.append(
            i18n.get("notice-deadline", deadline=when_text(i18n, deadline, body.timezone))
        )
    lines.append(i18n.get("notice-agenda-title"))
    for number, item in enumerate(draft.items, start=1):
        lines.extend(item_lines(i18n, number, item))
    lines.append(i18n.get("draft-items-hint" if draft.items else "draft-no-items"))
    if short_notice(body, draft, now):
        lines.append(i18n.get("draft-short-notice", days=body.rules.notice_days))
    return "\n".join(lines)


def review_markup(
    i18n: I18nContext, body: Body, draft: Draft, now: datetime
) -> InlineKeyboardMarkup:
    kb = InlineKeyboardBuilder()
    short = short_notice(body, draft, now)

    def button(key: str, data: DraftCb | MenuCb, **params: object) -> InlineKeyboardButton:
        return InlineKeyboardButton(text=i18n.get(key, **params), callback_data=data.pack())

    kb.row(
        button(
            "draft-confirm-short" if short else "draft-announce",
            DraftCb(step=DraftStep.ANNOUNCE, value="short" if short else ""),
        )
    )
    edits = ["form", "kind", "when"]
    form, _ = draft.scheduled()
    if form.has_place:
        edits.append("place")
    if form.has_ballot:
        edits.append("deadline")
    edit_buttons = [
        button(f"draft-edit-{edit}", DraftCb(step=DraftStep.EDIT, value=edit)) for edit in edits
    ]
    for start in range(0, len(edit_buttons), 3):
        kb.row(*edit_buttons[start : start + 3])
    for number, _ in enumerate(draft.items, start=1):
        value = str(number)
        kb.row(
            button("draft-edit-item", DraftCb(step=DraftStep.ITEM, value=value), number=number),
            button(
                "draft-remove-item", DraftCb(step=DraftStep.REMOVE, value=value), number=number
            ),
        )
    if len(draft.items) < MAX_ITEMS:
        kb.row(button("draft-add-item", DraftCb(step=DraftStep.EDIT, value="item")))
    kb.row(button("button-cancel", MenuCb(screen="main")))
    return kb.as_markup()


async def show_review(
    message: Message,
    body: Body,
    draft: Draft,
    now: datetime,
    i18n: I18nContext,
    state: FSMContext,
    *,
    edit: bool = False,
) -> None:
    """The review: a new message, or the pressed one redrawn in place (`edit`)."""
    await state.set_state(AnnounceForm.review)
    text, markup = review_text(i18n, body, draft, now), review_markup(i18n, body, draft, now)
    if edit:
        await message.edit_text(text, reply_markup=markup)
    else:
        await message.answer(text, reply_markup=markup)


async def current(
    state: FSMContext, actor: Actor, meetings: MeetingService
) -> tuple[Body, Draft, datetime]:
    """The body of the draft, re-checked on every step: a manager who lost the role stops."""
    draft = await load_draft(state)
    body, now = await meetings.body_for_new(actor, draft.body)
    return body, draft, now


async def ask_deadline(message: Message, i18n: I18nContext, state: FSMContext) -> None:
    await state.set_state(AnnounceForm.deadline)
    markup = choice(
        i18n, [("draft-deadline-at-start", DraftCb(step=DraftStep.DEADLINE, value="start"))]
    )
    await message.answer(i18n.get("draft-ask-deadline"), reply_markup=markup)


async def ask_day(
    message: Message,
    body: Body,
    now: datetime,
    i18n: I18nContext,
    state: FSMContext,
    *,
    extraordinary: bool,
) -> None:
    earliest = first_day(body, now, extraordinary=extraordinary)
    await state.set_state(AnnounceForm.day)
    await message.answer(
        i18n.get("draft-ask-day", example="12.03.2027 15:00"),
        reply_markup=calendar_markup(
            i18n, year=earliest.year, month=earliest.month, earliest=earliest
        ),
    )


async def ask_next(
    message: Message,
    body: Body,
    draft: Draft,
    now: datetime,
    i18n: I18nContext,
    state: FSMContext,
) -> None:
    """Asks what `next_step` says the draft lacks, or shows the review."""
    match next_step(draft):
        case Step.FORM:
            await ask_form(message, body, i18n, state)
        case Step.KIND:
            await ask_kind(message, i18n, state)
        case Step.DAY:
            await ask_day(message, body, now, i18n, state, extraordinary=bool(draft.extraordinary))
        case Step.TIME:
            assert draft.day is not None  # noqa: S101 - next_step asks the time only then
            await state.set_state(AnnounceForm.time)
            await message.answer(
                i18n.get("draft-ask-time", example="15:00"),
                reply_markup=time_markup(i18n, day=draft.day),
            )
        case Step.PLACE:
            await state.set_state(AnnounceForm.place)
            await message.answer(i18n.get("draft-ask-place"))
        case Step.DEADLINE:
            await ask_deadline(message, i18n, state)
        case Step.AGENDA:
            await state.set_state(AnnounceForm.item_title)
            await message.answer(i18n.get("draft-ask-agenda"))
        case Step.REVIEW:
            await show_review(message, body, draft, now, i18n, state)


async def set_start(
    starts_at: datetime,
    message: Message,
    actor: Actor,
    meetings: MeetingService,
    i18n: I18nContext,
    state: FSMContext,
) -> None:
    body, draft, now = await current(state, actor, meetings)
    if draft.form is None:
        raise ValidationError("error-stale-button")
    check_schedule(
        now=now,
        starts_at=starts_at,
        form=draft.form,
        vote_deadline=None,
        extraordinary=bool(draft.extraordinary),
        short_notice_confirmed=True,  # asked for on the review, where it is recorded
        rules=body.rules,
        timezone=body.timezone,
    )
    draft.starts_at, draft.confirmed = starts_at, False
    if draft.deadline and draft.deadline > starts_at:
        draft.deadline = None
    await save_draft(state, draft)
    await ask_next(message, body, draft, now, i18n, state)


async def start(
    query: CallbackQuery,
    callback_data: MeetingCb,
    actor: Actor,
    meetings: MeetingService,
    i18n: I18nContext,
    state: FSMContext,
) -> None:
    body, _ = await meetings.body_for_new(actor, callback_data.id)
    await save_draft(state, Draft(body=body.id, items=[]))
    await ask_form(message_of(query), body, i18n, state)


async def got_form(
    query: CallbackQuery,
    callback_data: DraftCb,
    actor: Actor,
    meetings: MeetingService,
    i18n: I18nContext,
    state: FSMContext,
) -> None:
    body, draft, now = await current(state, actor, meetings)
    draft.form = MeetingForm(callback_data.value)
    await save_draft(state, draft)
    message = message_of(query)
    await message.edit_text(i18n.get("notice-form", form=i18n.get(f"form-{callback_data.value}")))
    await ask_next(message, body, draft, now, i18n, state)


async def got_kind(
    query: CallbackQuery,
    callback_data: DraftCb,
    actor: Actor,
    meetings: MeetingService,
    i18n: I18nContext,
    state: FSMContext,
) -> None:
    body, draft, now = await current(state, actor, meetings)
    draft.extraordinary = callback_data.value == "extraordinary"
    draft.confirmed = False
    await save_draft(state, draft)
    message = message_of(query)
    await message.edit_text(i18n.get("draft-kind", kind=i18n.get(f"draft-{callback_data.value}")))
    await ask_next(message, body, draft, now, i18n, state)


async def other_month(
    query: CallbackQuery,
    callback_data: CalendarCb,
    actor: Actor,
    meetings: MeetingService,
    i18n: I18nContext,
    state: FSMContext,
) -> None:
    body, draft, now = await current(state, actor, meetings)
    earliest = first_day(body, now, extraordinary=bool(draft.extraordinary))
    await state.set_state(AnnounceForm.day)
    await message_of(query).edit_text(
        i18n.get("draft-ask-day", example="12.03.2027 15:00"),
        reply_markup=calendar_markup(
            i18n, year=callback_data.year, month=callback_data.month, earliest=earliest
        ),
    )


async def got_day(
    query: CallbackQuery, callback_data: CalendarCb, i18n: I18nContext, state: FSMContext
) -> None:
    day = callback_data.picked()
    draft = await load_draft(state)
    draft.day = day
    await save_draft(state, draft)
    await state.set_state(AnnounceForm.time)
    await message_of(query).edit_text(
        i18n.get("draft-ask-time", example="15:00"), reply_markup=time_markup(i18n, day=day)
    )


async def typed_when(
    message: Message,
    actor: Actor,
    meetings: MeetingService,
    i18n: I18nContext,
    state: FSMContext,
) -> None:
    body, _, _ = await current(state, actor, meetings)
    await set_start(
        parse_local(message.text or "", body.timezone), message, actor, meetings, i18n, state
    )


def picked_day(draft: Draft) -> date:
    if draft.day is None:
        raise ValidationError("error-stale-button")
    return draft.day


async def got_time(
    query: CallbackQuery,
    callback_data: TimeCb,
    actor: Actor,
    meetings: MeetingService,
    i18n: I18nContext,
    state: FSMContext,
) -> None:
    body, draft, _ = await current(state, actor, meetings)
    starts_at = at_local(
        picked_day(draft), callback_data.hour, callback_data.minute, body.timezone
    )
    message = message_of(query)
    await set_start(starts_at, message, actor, meetings, i18n, state)
    await message.edit_text(
        i18n.get("notice-when", when=when_text(i18n, starts_at, body.timezone))
    )


async def typed_time(
    message: Message,
    actor: Actor,
    meetings: MeetingService,
    i18n: I18nContext,
    state: FSMContext,
) -> None:
    body, draft, _ = await current(state, actor, meetings)
    text = message.text or ""
    if " " in text.strip():  # a whole date and time typed here is welcome too
        starts_at = parse_local(text, body.timezone)
    else:
        hour, minute = parse_time(text)
        starts_at = at_local(picked_day(draft), hour, minute, body.timezone)
    await set_start(starts_at, message, actor, meetings, i18n, state)


async def got_place(
    message: Message,
    actor: Actor,
    meetings: MeetingService,
    i18n: I18nContext,
    state: FSMContext,
) -> None:
    place = valid_place(message.text or "")
    body, draft, now = await current(state, actor, meetings)
    draft.place = place
    await save_draft(state, draft)
    await ask_next(message, body, draft, now, i18n, state)


async def deadline_at_start(
    query: CallbackQuery,
    actor: Actor,
    meetings: MeetingService,
    i18n: I18nContext,
    state: FSMContext,
) -> None:
    draft = await load_draft(state)
    draft.deadline = None
    await save_draft(state, draft)
    message = message_of(query)
    await message.edit_text(i18n.get("draft-deadline-at-start"))
    body, draft, now = await current(state, actor, meetings)
    await ask_next(message, body, draft, now, i18n, state)


async def typed_deadline(
    message: Message,
    actor: Actor,
    meetings: MeetingService,
    i18n: I18nContext,
    state: FSMContext,
) -> None:
    body, draft, now = await current(state, actor, meetings)
    deadline = parse_local(message.text or "", body.timezone)
    _, starts_at = draft.scheduled()
    check_deadline(now=now, starts_at=starts_at, deadline=deadline)
    draft.deadline = deadline
    await save_draft(state, draft)
    await ask_next(message, body, draft, now, i18n, state)


async def got_agenda(
    message: Message,
    actor: Actor,
    meetings: MeetingService,
    i18n: I18nContext,
    state: FSMContext,
) -> None:
    """One item or the whole agenda, one a line; each needs a decision until the
    secretary says it is for information."""
    body, draft, now = await current(state, actor, meetings)
    titles = parse_agenda(message.text or "", room=MAX_ITEMS - len(draft.items))
    draft.items = [
        *draft.items,
        *(Entry(title=title, materials=[], decision=True) for title in titles),
    ]
    await save_draft(state, draft)
    await show_review(message, body, draft, now, i18n, state)


async def chosen_item(
    value: str, state: FSMContext, actor: Actor, meetings: MeetingService
) -> tuple[Body, Draft, datetime, int]:
    """The draft and the index of the item an item button names; a stale one stops."""
    body, draft, now = await current(state, actor, meetings)
    index = int(value) - 1 if value.isdigit() else -1
    if not 0 <= index < len(draft.items):
        raise ValidationError("error-stale-button")
    return body, draft, now, index


def chosen_entry(draft: Draft) -> Entry:
    """The item a speaker or files are being given to."""
    if draft.item_index is None or not 0 <= draft.item_index < len(draft.items):
        raise ValidationError("error-stale-button")
    return draft.items[draft.item_index]


async def show_item(
    query: CallbackQuery,
    callback_data: DraftCb,
    actor: Actor,
    meetings: MeetingService,
    i18n: I18nContext,
    state: FSMContext,
) -> None:
    _, draft, _, index = await chosen_item(callback_data.value, state, actor, meetings)
    text, markup = item_screen(i18n, index + 1, draft.items[index])
    await message_of(query).edit_text(text, reply_markup=markup)


async def toggle_decision(
    query: CallbackQuery,
    callback_data: DraftCb,
    actor: Actor,
    meetings: MeetingService,
    i18n: I18nContext,
    state: FSMContext,
) -> None:
    _, draft, _, index = await chosen_item(callback_data.value, state, actor, meetings)
    item = draft.items[index]
    item.decision = not item.decision
    await save_draft(state, draft)
    text, markup = item_screen(i18n, index + 1, item)
    await message_of(query).edit_text(text, reply_markup=markup)


async def back_to_review(
    query: CallbackQuery,
    actor: Actor,
    meetings: MeetingService,
    i18n: I18nContext,
    state: FSMContext,
) -> None:
    body, draft, now = await current(state, actor, meetings)
    await show_review(message_of(query), body, draft, now, i18n, state, edit=True)


async def ask_speaker(
    query: CallbackQuery,
    callback_data: DraftCb,
    actor: Actor,
    meetings: MeetingService,
    i18n: I18nContext,
    state: FSMContext,
) -> None:
    _, draft, _, index = await chosen_item(callback_data.value, state, actor, meetings)
    draft.item_index = index
    await save_draft(state, draft)
    await state.set_state(AnnounceForm.item_speaker)
    markup = choice(i18n, [("draft-no-speaker", DraftCb(step=DraftStep.SPEAKER))])
    await message_of(query).answer(i18n.get("draft-ask-speaker"), reply_markup=markup)


async def got_speaker(
    message: Message,
    actor: Actor,
    meetings: MeetingService,
    i18n: I18nContext,
    state: FSMContext,
) -> None:
    speaker = full_name(message.text or "")
    body, draft, now = await current(state, actor, meetings)
    chosen_entry(draft).speaker = speaker
    await save_draft(state, draft)
    await show_review(message, body, draft, now, i18n, state)


async def no_speaker(
    query: CallbackQuery,
    actor: Actor,
    meetings: MeetingService,
    i18n: I18nContext,
    state: FSMContext,
) -> None:
    body, draft, now = await current(state, actor, meetings)
    chosen_entry(draft).speaker = None
    await save_draft(state, draft)
    message = message_of(query)
    await message.edit_text(i18n.get("draft-no-speaker"))
    await show_review(message, body, draft, now, i18n, state)


async def ask_files(
    query: CallbackQuery,
    callback_data: DraftCb,
    actor: Actor,
    meetings: MeetingService,
    i18n: I18nContext,
    state: FSMContext,
) -> None:
    _, draft, _, index = await chosen_item(callback_data.value, state, actor, meetings)
    draft.item_index = index
    await save_draft(state, draft)
    await state.set_state(AnnounceForm.item_files)
    markup = choice(i18n, [("draft-files-done", DraftCb(step=DraftStep.FILES))])
    await message_of(query).answer(i18n.get("draft-ask-files"), reply_markup=markup)


async def got_file(message: Message, i18n: I18nContext, state: FSMContext) -> None:
    document = message.document
    assert document is not None  # noqa: S101 - the F.document filter
    draft = await load_draft(state)
    item = chosen_entry(draft)
    if len(item.materials) >= MAX_FILES:
        raise ValidationError("draft-error-too-many-files", max=MAX_FILES)
    material = Material(
        file_id=document.file_id,
        file_name=document.file_name or "file",
        mime_type=document.mime_type,
        file_size=document.file_size,
    )
    item.materials = [*item.materials, material]
    await save_draft(state, draft)
    markup = choice(i18n, [("draft-files-done", DraftCb(step=DraftStep.FILES))])
    await message.answer(
        i18n.get("draft-file-added", name=material.file_name, count=len(item.materials)),
        reply_markup=markup,
    )


async def not_a_file(message: Message) -> None:
    raise ValidationError("draft-error-not-file")


async def files_done(
    query: CallbackQuery,
    actor: Actor,
    meetings: MeetingService,
    i18n: I18nContext,
    state: FSMContext,
) -> None:
    body, draft, now = await current(state, actor, meetings)
    await show_review(message_of(query), body, draft, now, i18n, state)


async def edit(
    query: CallbackQuery,
    callback_data: DraftCb,
    actor: Actor,
    meetings: MeetingService,
    i18n: I18nContext,
    state: FSMContext,
) -> None:
    body, draft, now = await current(state, actor, meetings)
    draft.editing = True
    await save_draft(state, draft)
    message = message_of(query)
    match callback_data.value:
        case "form":
            await ask_form(message, body, i18n, state)
        case "kind":
            await ask_kind(message, i18n, state)
        case "when":
            await ask_day(message, body, now, i18n, state, extraordinary=bool(draft.extraordinary))
        case "place":
            await state.set_state(AnnounceForm.place)
            await message.answer(i18n.get("draft-ask-place"))
        case "deadline":
            await ask_deadline(message, i18n, state)
        case _:
            await state.set_state(AnnounceForm.item_title)
            await message.answer(i18n.get("draft-ask-more-items"))


async def remove_item(
    query: CallbackQuery,
    callback_data: DraftCb,
    actor: Actor,
    meetings: MeetingService,
    i18n: I18nContext,
    state: FSMContext,
) -> None:
    body, draft, now, index = await chosen_item(callback_data.value, state, actor, meetings)
    draft.items = [item for number, item in enumerate(draft.items) if number != index]
    await save_draft(state, draft)
    await show_review(message_of(query), body, draft, now, i18n, state, edit=True)


async def announce(
    query: CallbackQuery,
    callback_data: DraftCb,
    actor: Actor,
    meetings: MeetingService,
    i18n: I18nContext,
    state: FSMContext,
) -> None:
    draft = await load_draft(state)
    if callback_data.value == "short":
        draft.confirmed = True
        await save_draft(state, draft)
    meeting = await meetings.announce(actor, draft.body, draft.meeting())
    await state.clear()
    kb = InlineKeyboardBuilder()
    kb.button(
        text=i18n.get("notice-button-card"),
        callback_data=MeetingCb(action=MeetingAction.CARD, id=meeting.id),
    )
    await message_of(query).edit_text(i18n.get("draft-announced"), reply_markup=kb.as_markup())


async def press_a_button(message: Message) -> None:
    raise ValidationError("form-error-press-button")


async def type_text(message: Message) -> None:
    raise ValidationError("form-error-text-expected")


def router() -> Router:
    """The handlers in the order aiogram tries them; a new Router on every call."""
    r = Router(name="announce")
    r.callback_query.register(start, MeetingCb.filter(F.action == MeetingAction.NEW))
    r.callback_query.register(
        got_form,
        StateFilter(AnnounceForm.form),
        DraftCb.filter(F.step == DraftStep.FORM),
        DraftCb.filter(F.value.in_(list(MeetingForm))),
    )
    r.callback_query.register(
        got_kind, StateFilter(AnnounceForm.kind), DraftCb.filter(F.step == DraftStep.KIND)
    )
    r.callback_query.register(
        other_month,
        StateFilter(AnnounceForm.time),
        CalendarCb.filter(F.action == CalendarAction.MONTH),
    )
    r.callback_query.register(
        other_month,
        StateFilter(AnnounceForm.day),
        CalendarCb.filter(F.action == CalendarAction.MONTH),
    )
    r.callback_query.register(
        got_day, StateFilter(AnnounceForm.day), CalendarCb.filter(F.action == CalendarAction.DAY)
    )
    r.message.register(typed_when, StateFilter(AnnounceForm.day), ANSWER)
    r.callback_query.register(got_time, StateFilter(AnnounceForm.time), TimeCb.filter())
    r.message.register(typed_time, StateFilter(AnnounceForm.time), ANSWER)
    r.message.register(got_place, StateFilter(AnnounceForm.place), ANSWER)
    r.callback_query.register(
        deadline_at_start,
        StateFilter(AnnounceForm.deadline),
        DraftCb.filter(F.step == DraftStep.DEADLINE),
    )
    r.message.register(typed_deadline, StateFilter(AnnounceForm.deadline), ANSWER)
    r.message.register(got_agenda, StateFilter(AnnounceForm.item_title), ANSWER)
    r.callback_query.register(
        show_item, StateFilter(AnnounceForm.review), DraftCb.filter(F.step == DraftStep.ITEM)
    )
    r.callback_query.register(
        toggle_decision,
        StateFilter(AnnounceForm.review),
        DraftCb.filter(F.step == DraftStep.ITEM_DECISION),
    )
    r.callback_query.register(
        back_to_review, StateFilter(AnnounceForm.review), DraftCb.filter(F.step == DraftStep.BACK)
    )
    r.callback_query.register(
        ask_speaker,
        StateFilter(AnnounceForm.review),
        DraftCb.filter(F.step == DraftStep.ITEM_SPEAKER),
    )
    r.message.register(got_speaker, StateFilter(AnnounceForm.item_speaker), ANSWER)
    r.callback_query.register(
        no_speaker,
        StateFilter(AnnounceForm.item_speaker),
        DraftCb.filter(F.step == DraftStep.SPEAKER),
    )
    r.callback_query.register(
        ask_files, StateFilter(AnnounceForm.review), DraftCb.filter(F.step == DraftStep.ITEM_FILES)
    )
    r.message.register(got_file, StateFilter(AnnounceForm.item_files), DOCUMENT)
    r.message.register(not_a_file, StateFilter(AnnounceForm.item_files), NOT_COMMAND)
    r.callback_query.register(
        files_done, StateFilter(AnnounceForm.item_files), DraftCb.filter(F.step == DraftStep.FILES)
    )
    r.callback_query.register(
        edit, StateFilter(AnnounceForm.review), DraftCb.filter(F.step == DraftStep.EDIT)
    )
    r.callback_query.register(
        remove_item, StateFilter(AnnounceForm.review), DraftCb.filter(F.step == DraftStep.REMOVE)
    )
    r.callback_query.register(
        announce, StateFilter(AnnounceForm.review), DraftCb.filter(F.step == DraftStep.ANNOUNCE)
    )
    r.message.register(press_a_button, StateFilter(AnnounceForm.review), NOT_COMMAND)
    r.message.register(press_a_button, StateFilter(AnnounceForm.kind), NOT_COMMAND)
    r.message.register(press_a_button, StateFilter(AnnounceForm.form), NOT_COMMAND)
    r.message.register(type_text, StateFilter(AnnounceForm.time), NOT_COMMAND)
    r.message.register(type_text, StateFilter(AnnounceForm.day), NOT_COMMAND)
    r.message.register(type_text, StateFilter(AnnounceForm.deadline), NOT_COMMAND)
    r.message.register(type_text, StateFilter(AnnounceForm.item_speaker), NOT_COMMAND)
    r.message.register(type_text, StateFilter(AnnounceForm.item_title), NOT_COMMAND)
    r.message.register(type_text, StateFilter(AnnounceForm.place), NOT_COMMAND)
    return r
