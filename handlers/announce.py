"""Announcing a meeting from a phone: form, kind, day and time by tapping (or typed), place,
voting deadline, the agenda typed or pasted at once (one item a line), then a review where an
item gets a speaker, files or «for information» only when it needs them."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from aiogram import F, Router
from aiogram.filters import StateFilter
from aiogram.filters.callback_data import CallbackData
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Message
from aiogram.utils.keyboard import InlineKeyboardBuilder
from aiogram_i18n import I18nContext

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
from bot.views.notice_texts import MeetingCb
from handlers.calendar import (
    DAY,
    MONTH,
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


class DraftCb(CallbackData, prefix="dr"):
    step: str  # form | kind | deadline | speaker | files | edit | item | i<field> | back | ...
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
        (f"form-{form.value}", DraftCb(step="form", value=form.value)) for form in MeetingForm
    ]
    await message.answer(
        i18n.get("draft-ask-form", body=body.name), reply_markup=choice(i18n, options)
    )


async def ask_kind(message: Message, i18n: I18nContext, state: FSMContext) -> None:
    await state.set_state(AnnounceForm.kind)
    options = [
        ("draft-ordinary", DraftCb(step="kind", value="ordinary")),
        ("draft-extraordinary", DraftCb(step="kind", value="extraordinary")),
    ]
    await message.answer(i18n.get("draft-ask-kind"), reply_markup=choice(i18n, options))


def first_day(body: Body, now: datetime, *, extraordinary: bool) -> date:
    """The first day the calendar offers: today for an extraordinary meeting, otherwise the
    day `notice_days` ahead (4.8), in the organisation's zone."""
    earliest = now if extraordinary else earliest_ordinary(now, body.rules, body.timezone)
    return earliest.astimezone(body.zone).date()


def draft_of(data: dict[str, Any]) -> MeetingDraft:
    """The draft kept in the form's data, as the domain checks it."""
    return MeetingDraft(
        form=MeetingForm(data["form"]),
        starts_at=datetime.fromisoformat(data["starts_at"]),
        place=data.get("place"),
        vote_deadline=datetime.fromisoformat(data["deadline"]) if data.get("deadline") else None,
        extraordinary=bool(data.get("extraordinary")),
        short_notice_confirmed=bool(data.get("confirmed")),
        seminar=bool(data.get("seminar")),
        plan_id=data.get("plan"),
        items=tuple(
            DraftItem(
                title=item["title"],
                speaker=item.get("speaker"),
                needs_decision=item.get("decision", True),
                materials=tuple(DraftMaterial(**m) for m in item.get("materials", [])),
            )
            for item in data.get("items", [])
        ),
    )


def item_lines(i18n: I18nContext, number: int, item: dict[str, Any]) -> list[str]:
    """One agenda item as the review and its own screen show it."""
    lines = [i18n.get("notice-agenda-item", number=number, title=item["title"])]
    if item.get("speaker"):
        lines.append(i18n.get("notice-agenda-speaker", speaker=item["speaker"]))
    if item.get("materials"):
        lines.append(i18n.get("notice-agenda-materials", count=len(item["materials"])))
    if not item.get("decision", True):
        lines.append(i18n.get("draft-for-information"))
    return lines


def item_screen(
    i18n: I18nContext, number: int, item: dict[str, Any]
) -> tuple[str, InlineKeyboardMarkup]:
    """What an item still may get: a speaker, files, «for information»; then back."""
    text = "\n".join([i18n.get("draft-item-title"), *item_lines(i18n, number, item)])
    value = str(number)
    decision = "draft-item-information" if item.get("decision", True) else "draft-item-decision"
    options = [
        ("draft-item-speaker", DraftCb(step="ispeaker", value=value)),
        ("draft-item-files", DraftCb(step="ifiles", value=value)),
        (decision, DraftCb(step="idecision", value=value)),
        ("draft-item-back", DraftCb(step="back")),
    ]
    return text, choice(i18n, options)


def review_text(i18n: I18nContext, body: Body, data: dict[str, Any], now: datetime) -> str:
    form = MeetingForm(data["form"])
    starts_at = datetime.fromisoformat(data["starts_at"])
    lines = [
        i18n.get("draft-title", body=body.name),
        i18n.get("notice-form", form=i18n.get(f"form-{form.value}")),
        i18n.get(
            "draft-kind",
            kind=i18n.get(
                "draft-extraordinary" if data.get("extraordinary") else "draft-ordinary"
            ),
        ),
        i18n.get("notice-when", when=when_text(i18n, starts_at, body.timezone)),
    ]
    if form.has_place:
        lines.append(
            i18n.get("notice-place", place=data.get("place") or i18n.get("draft-missing"))
        )
    if form.has_ballot:
        deadline = datetime.fromisoformat(data["deadline"]) if data.get("deadline") else starts_at
        lines.append(
            i18n.get("notice-deadline", deadline=when_text(i18n, deadline, body.timezone))
        )
    lines.append(i18n.get("notice-agenda-title"))
    for number, item in enumerate(data.get("items", []), start=1):
        lines.extend(item_lines(i18n, number, item))
    if data.get("items"):
        lines.append(i18n.get("draft-items-hint"))
    else:
        lines.append(i18n.get("draft-no-items"))
    if data.get("extraordinary") and starts_at < earliest_ordinary(now, body.rules, body.timezone):
        lines.append(i18n.get("draft-short-notice", days=body.rules.notice_days))
    return "\n".join(lines)


def review_markup(
    i18n: I18nContext, body: Body, data: dict[str, Any], now: datetime
) -> InlineKeyboardMarkup:
    kb = InlineKeyboardBuilder()
    starts_at = datetime.fromisoformat(data["starts_at"])
    short = bool(data.get("extraordinary")) and starts_at < earliest_ordinary(
        now, body.rules, body.timezone
    )

    def button(key: str, data: DraftCb | MenuCb, **params: object) -> InlineKeyboardButton:
        return InlineKeyboardButton(text=i18n.get(key, **params), callback_data=data.pack())

    kb.row(
        button(
            "draft-confirm-short" if short else "draft-announce",
            DraftCb(step="announce", value="short" if short else ""),
        )
    )
    edits = ["form", "kind", "when"]
    form = MeetingForm(data["form"])
    if form.has_place:
        edits.append("place")
    if form.has_ballot:
        edits.append("deadline")
    edit_buttons = [
        button(f"draft-edit-{edit}", DraftCb(step="edit", value=edit)) for edit in edits
    ]
    for start in range(0, len(edit_buttons), 3):
        kb.row(*edit_buttons[start : start + 3])
    for number, _ in enumerate(data.get("items", []), start=1):
        kb.row(
            button("draft-edit-item", DraftCb(step="item", value=str(number)), number=number),
            button("draft-remove-item", DraftCb(step="remove", value=str(number)), number=number),
        )
    if len(data.get("items", [])) < MAX_ITEMS:
        kb.row(button("draft-add-item", DraftCb(step="edit", value="item")))
    kb.row(button("button-cancel", MenuCb(screen="main")))
    return kb.as_markup()


async def show_review(
    message: Message,
    body: Body,
    data: dict[str, Any],
    i18n: I18nContext,
    state: FSMContext,
    now: datetime,
) -> None:
    await state.set_state(AnnounceForm.review)
    await message.answer(
        review_text(i18n, body, data, now), reply_markup=review_markup(i18n, body, data, now)
    )


def router() -> Router:
    r = Router(name="announce")

    async def current(
        state: FSMContext, actor: Actor, meetings: MeetingService
    ) -> tuple[Body, dict[str, Any], datetime]:
        """The body of the draft, re-checked on every step: a manager who lost the role stops."""
        data = await state.get_data()
        body, now = await meetings.body_for_new(actor, data["body"])
        return body, data, now

    async def after_when(
        message: Message,
        actor: Actor,
        meetings: MeetingService,
        i18n: I18nContext,
        state: FSMContext,
    ) -> None:
        """After the time: the place, the deadline, the first item, or back to the review."""
        body, data, now = await current(state, actor, meetings)
        form = MeetingForm(data["form"])
        if data.get("editing"):
            await show_review(message, body, data, i18n, state, now)
        elif form.has_place and not data.get("place"):
            await state.set_state(AnnounceForm.place)
            await message.answer(i18n.get("draft-ask-place"))
        elif form.has_ballot and "deadline" not in data:
            await ask_deadline(message, i18n, state)
        elif not data.get("items"):
            await state.set_state(AnnounceForm.item_title)
            await message.answer(i18n.get("draft-ask-agenda"))
        else:
            await show_review(message, body, data, i18n, state, now)

    async def ask_deadline(message: Message, i18n: I18nContext, state: FSMContext) -> None:
        await state.set_state(AnnounceForm.deadline)
        markup = choice(
            i18n, [("draft-deadline-at-start", DraftCb(step="deadline", value="start"))]
        )
        await message.answer(i18n.get("draft-ask-deadline"), reply_markup=markup)

    async def set_start(
        starts_at: datetime,
        message: Message,
        actor: Actor,
        meetings: MeetingService,
        i18n: I18nContext,
        state: FSMContext,
    ) -> None:
        body, data, now = await current(state, actor, meetings)
        check_schedule(
            now=now,
            starts_at=starts_at,
            form=MeetingForm(data["form"]),
            vote_deadline=None,
            extraordinary=bool(data.get("extraordinary")),
            short_notice_confirmed=True,  # asked for on the review, where it is recorded
            rules=body.rules,
            timezone=body.timezone,
        )
        await state.update_data(starts_at=starts_at.isoformat(), confirmed=False)
        if data.get("deadline") and datetime.fromisoformat(data["deadline"]) > starts_at:
            await state.update_data(deadline=None)
        await after_when(message, actor, meetings, i18n, state)

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

    @r.callback_query(MeetingCb.filter(F.action == "new"))
    async def start(
        query: CallbackQuery,
        callback_data: MeetingCb,
        actor: Actor,
        meetings: MeetingService,
        i18n: I18nContext,
        state: FSMContext,
    ) -> None:
        body, _ = await meetings.body_for_new(actor, callback_data.id)
        await state.set_data({"body": body.id, "items": []})
        await ask_form(message_of(query), body, i18n, state)

    @r.callback_query(
        StateFilter(AnnounceForm.form),
        DraftCb.filter(F.step == "form"),
        DraftCb.filter(F.value.in_(list(MeetingForm))),
    )
    async def got_form(
        query: CallbackQuery,
        callback_data: DraftCb,
        actor: Actor,
        meetings: MeetingService,
        i18n: I18nContext,
        state: FSMContext,
    ) -> None:
        data = await state.update_data(form=callback_data.value)
        message = message_of(query)
        await message.edit_text(
            i18n.get("notice-form", form=i18n.get(f"form-{callback_data.value}"))
        )
        if data.get("editing"):
            body, data, now = await current(state, actor, meetings)
            await show_review(message, body, data, i18n, state, now)
            return
        await ask_kind(message, i18n, state)

    @r.callback_query(StateFilter(AnnounceForm.kind), DraftCb.filter(F.step == "kind"))
    async def got_kind(
        query: CallbackQuery,
        callback_data: DraftCb,
        actor: Actor,
        meetings: MeetingService,
        i18n: I18nContext,
        state: FSMContext,
    ) -> None:
        extraordinary = callback_data.value == "extraordinary"
        await state.update_data(extraordinary=extraordinary, confirmed=False)
        body, data, now = await current(state, actor, meetings)
        message = message_of(query)
        await message.edit_text(
            i18n.get("draft-kind", kind=i18n.get(f"draft-{callback_data.value}"))
        )
        if data.get("editing") and data.get("starts_at"):
            await show_review(message, body, data, i18n, state, now)
            return
        if data.get("day") and not data.get("starts_at"):
            # Announced from the plan: the day is known, only the time is asked.
            day = date.fromisoformat(data["day"])
            await state.set_state(AnnounceForm.time)
            await message.answer(
                i18n.get("draft-ask-time", example="15:00"),
                reply_markup=time_markup(i18n, day=day),
            )
            return
        await ask_day(message, body, now, i18n, state, extraordinary=extraordinary)

    @r.callback_query(StateFilter(AnnounceForm.day), CalendarCb.filter(F.action == MONTH))
    @r.callback_query(StateFilter(AnnounceForm.time), CalendarCb.filter(F.action == MONTH))
    async def other_month(
        query: CallbackQuery,
        callback_data: CalendarCb,
        actor: Actor,
        meetings: MeetingService,
        i18n: I18nContext,
        state: FSMContext,
    ) -> None:
        body, data, now = await current(state, actor, meetings)
        earliest = first_day(body, now, extraordinary=bool(data.get("extraordinary")))
        await state.set_state(AnnounceForm.day)
        await message_of(query).edit_text(
            i18n.get("draft-ask-day", example="12.03.2027 15:00"),
            reply_markup=calendar_markup(
                i18n, year=callback_data.year, month=callback_data.month, earliest=earliest
            ),
        )

    @r.callback_query(StateFilter(AnnounceForm.day), CalendarCb.filter(F.action == DAY))
    async def got_day(
        query: CallbackQuery, callback_data: CalendarCb, i18n: I18nContext, state: FSMContext
    ) -> None:
        day = callback_data.picked()
        await state.update_data(day=day.isoformat())
        await state.set_state(AnnounceForm.time)
        await message_of(query).edit_text(
            i18n.get("draft-ask-time", example="15:00"), reply_markup=time_markup(i18n, day=day)
        )

    @r.message(StateFilter(AnnounceForm.day), ANSWER)
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

    @r.callback_query(StateFilter(AnnounceForm.time), TimeCb.filter())
    async def got_time(
        query: CallbackQuery,
        callback_data: TimeCb,
        actor: Actor,
        meetings: MeetingService,
        i18n: I18nContext,
        state: FSMContext,
    ) -> None:
        body, data, _ = await current(state, actor, meetings)
        starts_at = at_local(
            date.fromisoformat(data["day"]),
            callback_data.hour,
            callback_data.minute,
            body.timezone,
        )
        message = message_of(query)
        await set_start(starts_at, message, actor, meetings, i18n, state)
        await message.edit_text(
            i18n.get("notice-when", when=when_text(i18n, starts_at, body.timezone))
        )

    @r.message(StateFilter(AnnounceForm.time), ANSWER)
    async def typed_time(
        message: Message,
        actor: Actor,
        meetings: MeetingService,
        i18n: I18nContext,
        state: FSMContext,
    ) -> None:
        body, data, _ = await current(state, actor, meetings)
        text = message.text or ""
        if " " in text.strip():  # a whole date and time typed here is welcome too
            starts_at = parse_local(text, body.timezone)
        else:
            hour, minute = parse_time(text)
            starts_at = at_local(date.fromisoformat(data["day"]), hour, minute, body.timezone)
        await set_start(starts_at, message, actor, meetings, i18n, state)

    @r.message(StateFilter(AnnounceForm.place), ANSWER)
    async def got_place(
        message: Message,
        actor: Actor,
        meetings: MeetingService,
        i18n: I18nContext,
        state: FSMContext,
    ) -> None:
        await state.update_data(place=valid_place(message.text or ""))
        await after_when(message, actor, meetings, i18n, state)

    @r.callback_query(StateFilter(AnnounceForm.deadline), DraftCb.filter(F.step == "deadline"))
    async def deadline_at_start(
        query: CallbackQuery,
        actor: Actor,
        meetings: MeetingService,
        i18n: I18nContext,
        state: FSMContext,
    ) -> None:
        await state.update_data(deadline=None)
        message = message_of(query)
        await message.edit_text(i18n.get("draft-deadline-at-start"))
        await after_when(message, actor, meetings, i18n, state)

    @r.message(StateFilter(AnnounceForm.deadline), ANSWER)
    async def typed_deadline(
        message: Message,
        actor: Actor,
        meetings: MeetingService,
        i18n: I18nContext,
        state: FSMContext,
    ) -> None:
        body, data, now = await current(state, actor, meetings)
        deadline = parse_local(message.text or "", body.timezone)
        check_deadline(
            now=now, starts_at=datetime.fromisoformat(data["starts_at"]), deadline=deadline
        )
        await state.update_data(deadline=deadline.isoformat())
        await after_when(message, actor, meetings, i18n, state)

    @r.message(StateFilter(AnnounceForm.item_title), ANSWER)
    async def got_agenda(
        message: Message,
        actor: Actor,
        meetings: MeetingService,
        i18n: I18nContext,
        state: FSMContext,
    ) -> None:
        """One item or the whole agenda, one a line; each needs a decision until the
        secretary says it is for information."""
        body, data, now = await current(state, actor, meetings)
        items = data.get("items", [])
        titles = parse_agenda(message.text or "", room=MAX_ITEMS - len(items))
        added = [{"title": title, "materials": [], "decision": True} for title in titles]
        data = await state.update_data(items=[*items, *added])
        await show_review(message, body, data, i18n, state, now)

    async def chosen_item(
        value: str, state: FSMContext, actor: Actor, meetings: MeetingService
    ) -> tuple[Body, dict[str, Any], datetime, int]:
        """The draft and the index of the item an item button names; a stale one stops."""
        body, data, now = await current(state, actor, meetings)
        index = int(value) - 1 if value.isdigit() else -1
        if not 0 <= index < len(data.get("items", [])):
            raise ValidationError("error-stale-button")
        return body, data, now, index

    async def change_item(state: FSMContext, index: int, **change: object) -> dict[str, Any]:
        data = await state.get_data()
        items = [dict(item) for item in data["items"]]
        items[index].update(change)
        return await state.update_data(items=items)

    @r.callback_query(StateFilter(AnnounceForm.review), DraftCb.filter(F.step == "item"))
    async def show_item(
        query: CallbackQuery,
        callback_data: DraftCb,
        actor: Actor,
        meetings: MeetingService,
        i18n: I18nContext,
        state: FSMContext,
    ) -> None:
        _, data, _, index = await chosen_item(callback_data.value, state, actor, meetings)
        text, markup = item_screen(i18n, index + 1, data["items"][index])
        await message_of(query).edit_text(text, reply_markup=markup)

    @r.callback_query(StateFilter(AnnounceForm.review), DraftCb.filter(F.step == "idecision"))
    async def toggle_decision(
        query: CallbackQuery,
        callback_data: DraftCb,
        actor: Actor,
        meetings: MeetingService,
        i18n: I18nContext,
        state: FSMContext,
    ) -> None:
        _, data, _, index = await chosen_item(callback_data.value, state, actor, meetings)
        needed = not data["items"][index].get("decision", True)
        data = await change_item(state, index, decision=needed)
        text, markup = item_screen(i18n, index + 1, data["items"][index])
        await message_of(query).edit_text(text, reply_markup=markup)

    @r.callback_query(StateFilter(AnnounceForm.review), DraftCb.filter(F.step == "back"))
    async def back_to_review(
        query: CallbackQuery,
        actor: Actor,
        meetings: MeetingService,
        i18n: I18nContext,
        state: FSMContext,
    ) -> None:
        body, data, now = await current(state, actor, meetings)
        await message_of(query).edit_text(
            review_text(i18n, body, data, now), reply_markup=review_markup(i18n, body, data, now)
        )

    @r.callback_query(StateFilter(AnnounceForm.review), DraftCb.filter(F.step == "ispeaker"))
    async def ask_speaker(
        query: CallbackQuery,
        callback_data: DraftCb,
        actor: Actor,
        meetings: MeetingService,
        i18n: I18nContext,
        state: FSMContext,
    ) -> None:
        _, _, _, index = await chosen_item(callback_data.value, state, actor, meetings)
        await state.update_data(item_index=index)
        await state.set_state(AnnounceForm.item_speaker)
        markup = choice(i18n, [("draft-no-speaker", DraftCb(step="speaker"))])
        await message_of(query).answer(i18n.get("draft-ask-speaker"), reply_markup=markup)

    @r.message(StateFilter(AnnounceForm.item_speaker), ANSWER)
    async def got_speaker(
        message: Message,
        actor: Actor,
        meetings: MeetingService,
        i18n: I18nContext,
        state: FSMContext,
    ) -> None:
        speaker = full_name(message.text or "")
        body, data, now = await current(state, actor, meetings)
        data = await change_item(state, data["item_index"], speaker=speaker)
        await show_review(message, body, data, i18n, state, now)

    @r.callback_query(StateFilter(AnnounceForm.item_speaker), DraftCb.filter(F.step == "speaker"))
    async def no_speaker(
        query: CallbackQuery,
        actor: Actor,
        meetings: MeetingService,
        i18n: I18nContext,
        state: FSMContext,
    ) -> None:
        body, data, now = await current(state, actor, meetings)
        data = await change_item(state, data["item_index"], speaker=None)
        message = message_of(query)
        await message.edit_text(i18n.get("draft-no-speaker"))
        await show_review(message, body, data, i18n, state, now)

    @r.callback_query(StateFilter(AnnounceForm.review), DraftCb.filter(F.step == "ifiles"))
    async def ask_files(
        query: CallbackQuery,
        callback_data: DraftCb,
        actor: Actor,
        meetings: MeetingService,
        i18n: I18nContext,
        state: FSMContext,
    ) -> None:
        _, _, _, index = await chosen_item(callback_data.value, state, actor, meetings)
        await state.update_data(item_index=index)
        await state.set_state(AnnounceForm.item_files)
        markup = choice(i18n, [("draft-files-done", DraftCb(step="files"))])
        await message_of(query).answer(i18n.get("draft-ask-files"), reply_markup=markup)

    @r.message(StateFilter(AnnounceForm.item_files), DOCUMENT)
    async def got_file(message: Message, i18n: I18nContext, state: FSMContext) -> None:
        document = message.document
        assert document is not None  # noqa: S101 - the F.document filter
        data = await state.get_data()
        index = data["item_index"]
        materials = data["items"][index].get("materials", [])
        if len(materials) >= MAX_FILES:
            raise ValidationError("draft-error-too-many-files", max=MAX_FILES)
        material = {
            "file_id": document.file_id,
            "file_name": document.file_name or "file",
            "mime_type": document.mime_type,
            "file_size": document.file_size,
        }
        await change_item(state, index, materials=[*materials, material])
        markup = choice(i18n, [("draft-files-done", DraftCb(step="files"))])
        await message.answer(
            i18n.get("draft-file-added", name=material["file_name"], count=len(materials) + 1),
            reply_markup=markup,
        )

    @r.message(StateFilter(AnnounceForm.item_files), NOT_COMMAND)
    async def not_a_file(message: Message) -> None:
        raise ValidationError("draft-error-not-file")

    @r.callback_query(StateFilter(AnnounceForm.item_files), DraftCb.filter(F.step == "files"))
    async def files_done(
        query: CallbackQuery,
        actor: Actor,
        meetings: MeetingService,
        i18n: I18nContext,
        state: FSMContext,
    ) -> None:
        body, data, now = await current(state, actor, meetings)
        await show_review(message_of(query), body, data, i18n, state, now)

    @r.callback_query(StateFilter(AnnounceForm.review), DraftCb.filter(F.step == "edit"))
    async def edit(
        query: CallbackQuery,
        callback_data: DraftCb,
        actor: Actor,
        meetings: MeetingService,
        i18n: I18nContext,
        state: FSMContext,
    ) -> None:
        body, data, now = await current(state, actor, meetings)
        await state.update_data(editing=True)
        message = message_of(query)
        match callback_data.value:
            case "form":
                await ask_form(message, body, i18n, state)
            case "kind":
                await ask_kind(message, i18n, state)
            case "when":
                await ask_day(
                    message, body, now, i18n, state, extraordinary=bool(data.get("extraordinary"))
                )
            case "place":
                await state.set_state(AnnounceForm.place)
                await message.answer(i18n.get("draft-ask-place"))
            case "deadline":
                await ask_deadline(message, i18n, state)
            case _:
                await state.set_state(AnnounceForm.item_title)
                await message.answer(i18n.get("draft-ask-more-items"))

    @r.callback_query(StateFilter(AnnounceForm.review), DraftCb.filter(F.step == "remove"))
    async def remove_item(
        query: CallbackQuery,
        callback_data: DraftCb,
        actor: Actor,
        meetings: MeetingService,
        i18n: I18nContext,
        state: FSMContext,
    ) -> None:
        body, data, now = await current(state, actor, meetings)
        index = int(callback_data.value) - 1 if callback_data.value.isdigit() else -1
        if not 0 <= index < len(data["items"]):
            raise ValidationError("error-stale-button")
        items = [item for number, item in enumerate(data["items"]) if number != index]
        data = await state.update_data(items=items)
        await message_of(query).edit_text(
            review_text(i18n, body, data, now), reply_markup=review_markup(i18n, body, data, now)
        )

    @r.callback_query(StateFilter(AnnounceForm.review), DraftCb.filter(F.step == "announce"))
    async def announce(
        query: CallbackQuery,
        callback_data: DraftCb,
        actor: Actor,
        meetings: MeetingService,
        i18n: I18nContext,
        state: FSMContext,
    ) -> None:
        data = await state.get_data()
        if callback_data.value == "short":
            data = await state.update_data(confirmed=True)
        meeting = await meetings.announce(actor, data["body"], draft_of(data))
        await state.clear()
        kb = InlineKeyboardBuilder()
        kb.button(
            text=i18n.get("notice-button-card"),
            callback_data=MeetingCb(action="card", id=meeting.id),
        )
        await message_of(query).edit_text(i18n.get("draft-announced"), reply_markup=kb.as_markup())

    @r.message(StateFilter(AnnounceForm.form), NOT_COMMAND)
    @r.message(StateFilter(AnnounceForm.kind), NOT_COMMAND)
    @r.message(StateFilter(AnnounceForm.review), NOT_COMMAND)
    async def press_a_button(message: Message) -> None:
        raise ValidationError("form-error-press-button")

    @r.message(StateFilter(AnnounceForm.place), NOT_COMMAND)
    @r.message(StateFilter(AnnounceForm.item_title), NOT_COMMAND)
    @r.message(StateFilter(AnnounceForm.item_speaker), NOT_COMMAND)
    @r.message(StateFilter(AnnounceForm.deadline), NOT_COMMAND)
    @r.message(StateFilter(AnnounceForm.day), NOT_COMMAND)
    @r.message(StateFilter(AnnounceForm.time), NOT_COMMAND)
    async def type_text(message: Message) -> None:
        raise ValidationError("form-error-text-expected")

    return r
