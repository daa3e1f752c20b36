"""The протокол in the chat: the secretary fills in each item and submits it, the chair signs or
sends it back, corrections, extracts, /minutes, and an organisation's own template."""

from __future__ import annotations

from enum import StrEnum

from aiogram import Bot, F, Router
from aiogram.filters import Command, StateFilter
from aiogram.filters.callback_data import CallbackData
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import BufferedInputFile, CallbackQuery, InlineKeyboardMarkup, Message
from aiogram.utils.callback_answer import CallbackAnswer
from aiogram.utils.keyboard import InlineKeyboardBuilder
from aiogram_i18n import I18nContext
from pydantic import BaseModel

from bot.delivery.notifier import Notifier
from bot.domain.errors import ValidationError
from bot.domain.records import Person
from bot.services.access import Actor
from bot.services.minutes import FIELDS, Document, MinutesService, MinutesView
from bot.services.ports import Texts
from bot.views.notice_texts import MeetingAction, MeetingCb
from handlers.filters import ANSWER, DOCUMENT, NOT_COMMAND
from handlers.render import local_date, message_of
from handlers.roster import download
from handlers.setup import OrgAction, OrgCb

LISTED = 20


class MinutesAction(StrEnum):
    FILL = "fill"
    SKIP = "skip"
    PREVIEW = "preview"
    SUBMIT = "submit"
    SIGN = "sign"
    BACK = "back"
    ABSENT = "absent"
    FILE = "file"
    CORRECT = "correct"
    EXTRACT = "extract"


class MinutesCb(CallbackData, prefix="mn"):
    action: MinutesAction
    id: int  # the протокол; for correct/extract: the meeting
    item: int = 0


class FillForm(StatesGroup):
    text = State()


class ReturnForm(StatesGroup):
    comment = State()


class CorrectForm(StatesGroup):
    reason = State()


class TemplateForm(StatesGroup):
    file = State()


class FillDraft(BaseModel):
    """The field of the протокол being filled in, as the FSM storage keeps it (the keys it
    always had): the протокол, the agenda item, and which of FIELDS."""

    minutes: int
    item: int
    field: str  # one of FIELDS


def next_field_after(field: str) -> str | None:
    """СЛУШАЛИ, then ВЫСТУПИЛИ, then РЕШИЛИ; None after the last."""
    index = FIELDS.index(field) + 1
    return FIELDS[index] if index < len(FIELDS) else None


def minutes_screen(view: MinutesView, i18n: I18nContext) -> tuple[str, InlineKeyboardMarkup]:
    record, meeting, body = view.minutes, view.meeting, view.body
    lines = [
        i18n.get(
            "minutes-title",
            number=record.number,
            body=body.name,
            date=local_date(meeting.starts_at, body.timezone),
            status=i18n.get(f"minutes-status-{record.status}"),
        )
    ]
    if record.reason:
        lines.append(i18n.get("minutes-reason", reason=record.reason))
    if record.returned_comment and record.status == "draft":
        lines.append(i18n.get("minutes-returned", comment=record.returned_comment))
    for item in view.agenda:
        marks = "".join("✅" if view.text(item.id, field) else "▫️" for field in FIELDS)
        lines.append(i18n.get("minutes-item", number=item.position, title=item.title, marks=marks))
    kb = InlineKeyboardBuilder()
    if record.status == "draft":
        for item in view.agenda:
            kb.button(
                text=i18n.get("minutes-fill", number=item.position),
                callback_data=MinutesCb(action=MinutesAction.FILL, id=record.id, item=item.id),
            )
        kb.button(
            text=i18n.get("minutes-preview"),
            callback_data=MinutesCb(action=MinutesAction.PREVIEW, id=record.id),
        )
        kb.button(
            text=i18n.get("minutes-submit"),
            callback_data=MinutesCb(action=MinutesAction.SUBMIT, id=record.id),
        )
    if record.status == "signed":
        kb.button(
            text=i18n.get("minutes-download"),
            callback_data=MinutesCb(action=MinutesAction.FILE, id=record.id),
        )
        kb.button(
            text=i18n.get("minutes-correct"),
            callback_data=MinutesCb(action=MinutesAction.CORRECT, id=meeting.id),
        )
    kb.button(
        text=i18n.get("button-back"),
        callback_data=MeetingCb(action=MeetingAction.CARD, id=meeting.id),
    )
    kb.adjust(2)
    return "\n".join(lines), kb.as_markup()


def signer_markup(texts: Texts, minutes_id: int, *, chair: bool) -> InlineKeyboardMarkup:
    """«Подписать», «Вернуть на доработку», and for the chair «Я отсутствую» (4.2)."""
    kb = InlineKeyboardBuilder()
    kb.button(
        text=texts.get("minutes-sign"),
        callback_data=MinutesCb(action=MinutesAction.SIGN, id=minutes_id),
    )
    kb.button(
        text=texts.get("minutes-send-back"),
        callback_data=MinutesCb(action=MinutesAction.BACK, id=minutes_id),
    )
    if chair:
        kb.button(
            text=texts.get("minutes-chair-absent"),
            callback_data=MinutesCb(action=MinutesAction.ABSENT, id=minutes_id),
        )
    kb.adjust(1)
    return kb.as_markup()


def as_file(document: Document) -> BufferedInputFile:
    return BufferedInputFile(document.content, filename=document.filename)


async def show(message: Message, view: MinutesView, i18n: I18nContext, *, edit: bool) -> None:
    text, markup = minutes_screen(view, i18n)
    if edit:
        await message.edit_text(text, reply_markup=markup)
    else:
        await message.answer(text, reply_markup=markup)


async def open_minutes(
    query: CallbackQuery,
    callback_data: MeetingCb,
    actor: Actor,
    minutes: MinutesService,
    i18n: I18nContext,
) -> None:
    await show(message_of(query), await minutes.open(actor, callback_data.id), i18n, edit=False)


async def ask(
    message: Message,
    view: MinutesView,
    item_id: int,
    field: str,
    i18n: I18nContext,
    state: FSMContext,
) -> None:
    item = next(i for i in view.agenda if i.id == item_id)
    await state.set_state(FillForm.text)
    draft = FillDraft(minutes=view.minutes.id, item=item_id, field=field)
    await state.set_data(draft.model_dump(mode="json"))
    kb = InlineKeyboardBuilder()
    kb.button(
        text=i18n.get("minutes-skip"),
        callback_data=MinutesCb(action=MinutesAction.SKIP, id=view.minutes.id, item=item_id),
    )
    current = view.text(item_id, field)
    await message.answer(
        i18n.get(
            f"minutes-ask-{field}",
            number=item.position,
            title=item.title,
            speaker=item.speaker or "-",
        )
        + ("\n\n" + i18n.get("minutes-current", text=current) if current else ""),
        reply_markup=kb.as_markup(),
    )


async def next_field(
    message: Message, view: MinutesView, i18n: I18nContext, state: FSMContext
) -> None:
    draft = FillDraft.model_validate(await state.get_data())
    field = next_field_after(draft.field)
    if field is not None:
        await ask(message, view, draft.item, field, i18n, state)
        return
    await state.clear()
    await show(message, view, i18n, edit=False)


async def fill(
    query: CallbackQuery,
    callback_data: MinutesCb,
    actor: Actor,
    minutes: MinutesService,
    i18n: I18nContext,
    state: FSMContext,
) -> None:
    view = await minutes.draft(actor, callback_data.id)
    await ask(message_of(query), view, callback_data.item, FIELDS[0], i18n, state)


async def typed(
    message: Message,
    actor: Actor,
    minutes: MinutesService,
    i18n: I18nContext,
    state: FSMContext,
) -> None:
    draft = FillDraft.model_validate(await state.get_data())
    view = await minutes.set_text(
        actor, draft.minutes, draft.item, draft.field, message.text or ""
    )
    await next_field(message, view, i18n, state)


async def skip(
    query: CallbackQuery,
    actor: Actor,
    minutes: MinutesService,
    i18n: I18nContext,
    state: FSMContext,
) -> None:
    draft = FillDraft.model_validate(await state.get_data())
    await next_field(message_of(query), await minutes.view(actor, draft.minutes), i18n, state)


async def preview(
    query: CallbackQuery,
    callback_data: MinutesCb,
    actor: Actor,
    minutes: MinutesService,
    i18n: I18nContext,
) -> None:
    document = await minutes.preview(actor, callback_data.id)
    await message_of(query).answer_document(
        as_file(document), caption=i18n.get("minutes-preview-caption")
    )


async def submit(
    query: CallbackQuery,
    callback_data: MinutesCb,
    bot: Bot,
    actor: Actor,
    minutes: MinutesService,
    notifier: Notifier,
    i18n: I18nContext,
) -> None:
    view, signer = await minutes.submit(actor, callback_data.id)
    await show(message_of(query), view, i18n, edit=True)
    await send_for_signature(
        bot, notifier, minutes, view, signer, chair=not view.minutes.chair_absent
    )


async def send_for_signature(
    bot: Bot,
    notifier: Notifier,
    minutes: MinutesService,
    view: MinutesView,
    signer: Person,
    *,
    chair: bool,
) -> None:
    """The draft and its document to the chair (or the deputy), with the buttons."""
    if signer.telegram_id is None:
        return
    document = await minutes.document_for_signature(view.minutes.id)
    await notifier.notify(
        signer,
        "minutes-for-signature",
        markup=signer_markup(notifier.texts(signer), view.minutes.id, chair=chair),
        number=view.minutes.number,
        body=view.body.name,
        date=local_date(view.meeting.starts_at, view.body.timezone),
    )
    await bot.send_document(signer.telegram_id, as_file(document))


async def sign(
    query: CallbackQuery,
    callback_data: MinutesCb,
    actor: Actor,
    minutes: MinutesService,
    i18n: I18nContext,
    callback_answer: CallbackAnswer,
) -> None:
    view = await minutes.sign(actor, callback_data.id)
    await message_of(query).edit_text(
        i18n.get("minutes-signed-by-you", number=view.minutes.number, body=view.body.name)
    )
    callback_answer.text = i18n.get("minutes-signed-answer")


async def absent(
    query: CallbackQuery,
    callback_data: MinutesCb,
    bot: Bot,
    actor: Actor,
    minutes: MinutesService,
    notifier: Notifier,
    i18n: I18nContext,
) -> None:
    view, deputy = await minutes.chair_absent(actor, callback_data.id)
    await message_of(query).edit_text(i18n.get("minutes-passed-to-deputy", name=deputy.full_name))
    await send_for_signature(bot, notifier, minutes, view, deputy, chair=False)


async def back(
    query: CallbackQuery,
    callback_data: MinutesCb,
    actor: Actor,
    minutes: MinutesService,
    i18n: I18nContext,
    state: FSMContext,
) -> None:
    await minutes.review(actor, callback_data.id)  # the signer's right, before asking
    await state.set_state(ReturnForm.comment)
    await state.set_data({"minutes": callback_data.id})
    await message_of(query).answer(i18n.get("minutes-ask-comment"))


async def got_comment(
    message: Message,
    actor: Actor,
    minutes: MinutesService,
    notifier: Notifier,
    i18n: I18nContext,
    state: FSMContext,
) -> None:
    data = await state.get_data()
    view, secretaries = await minutes.send_back(actor, data["minutes"], message.text or "")
    await state.clear()
    await message.answer(i18n.get("minutes-sent-back", number=view.minutes.number))
    for secretary in secretaries:
        # The way back to the draft, in the secretary's own language.
        kb = InlineKeyboardBuilder()
        kb.button(
            text=notifier.text(secretary, "notice-button-minutes"),
            callback_data=MeetingCb(action=MeetingAction.MINUTES, id=view.meeting.id),
        )
        await notifier.notify(
            secretary,
            "minutes-returned-notice",
            markup=kb.as_markup(),
            number=view.minutes.number,
            body=view.body.name,
            comment=view.minutes.returned_comment or "",
        )


async def file(
    query: CallbackQuery, callback_data: MinutesCb, actor: Actor, minutes: MinutesService
) -> None:
    await message_of(query).answer_document(
        as_file(await minutes.signed_document(actor, callback_data.id))
    )


async def correct(
    query: CallbackQuery,
    callback_data: MinutesCb,
    actor: Actor,
    minutes: MinutesService,
    i18n: I18nContext,
    state: FSMContext,
) -> None:
    await minutes.require_corrector(actor, callback_data.id)
    await state.set_state(CorrectForm.reason)
    await state.set_data({"meeting": callback_data.id})
    await message_of(query).answer(i18n.get("minutes-ask-reason"))


async def got_reason(
    message: Message,
    actor: Actor,
    minutes: MinutesService,
    i18n: I18nContext,
    state: FSMContext,
) -> None:
    data = await state.get_data()
    view = await minutes.correct(actor, data["meeting"], message.text or "")
    await state.clear()
    await show(message, view, i18n, edit=False)


async def extract_choose(
    query: CallbackQuery,
    callback_data: MeetingCb,
    actor: Actor,
    minutes: MinutesService,
    i18n: I18nContext,
) -> None:
    items = await minutes.items_of_signed(actor, callback_data.id)
    kb = InlineKeyboardBuilder()
    for position, title in items:
        kb.button(
            text=f"{position}. {title[:50]}",
            callback_data=MinutesCb(
                action=MinutesAction.EXTRACT, id=callback_data.id, item=position
            ),
        )
    kb.adjust(1)
    await message_of(query).answer(i18n.get("minutes-extract-choose"), reply_markup=kb.as_markup())


async def extract(
    query: CallbackQuery, callback_data: MinutesCb, actor: Actor, minutes: MinutesService
) -> None:
    await message_of(query).answer_document(
        as_file(await minutes.extract(actor, callback_data.id, callback_data.item))
    )


async def archive(
    message: Message, actor: Actor, minutes: MinutesService, i18n: I18nContext
) -> None:
    found = await minutes.archive(actor)
    if not found:
        await message.answer(i18n.get("archive-empty"))
        return
    kb = InlineKeyboardBuilder()
    for record, meeting, body in found[:LISTED]:
        version = i18n.get("archive-version", version=record.version) if record.version > 1 else ""
        kb.button(
            text=i18n.get(
                "archive-line",
                number=record.number,
                body=body.name,
                date=local_date(meeting.starts_at, body.timezone),
                version=version,
            ),
            callback_data=MinutesCb(action=MinutesAction.FILE, id=record.id),
        )
    kb.adjust(1)
    await message.answer(i18n.get("archive-title", count=len(found)), reply_markup=kb.as_markup())


async def template_ask(
    query: CallbackQuery,
    callback_data: OrgCb,
    actor: Actor,
    minutes: MinutesService,
    i18n: I18nContext,
    state: FSMContext,
) -> None:
    await minutes.require_template_editor(actor, callback_data.id)
    await state.set_state(TemplateForm.file)
    await state.set_data({"organisation": callback_data.id})
    await message_of(query).answer(i18n.get("template-ask"))


async def template_file(
    message: Message,
    bot: Bot,
    actor: Actor,
    minutes: MinutesService,
    i18n: I18nContext,
    state: FSMContext,
) -> None:
    document = message.document
    assert document is not None  # noqa: S101 - the F.document filter
    data = await state.get_data()
    await minutes.set_template(actor, data["organisation"], await download(bot, document.file_id))
    await state.clear()
    await message.answer(i18n.get("template-saved"))


async def type_text(message: Message) -> None:
    raise ValidationError("form-error-text-expected")


async def not_a_file(message: Message) -> None:
    raise ValidationError("template-error-not-docx")


def router() -> Router:
    """The handlers in the order aiogram tries them; a new Router on every call."""
    r = Router(name="minutes")
    r.callback_query.register(open_minutes, MeetingCb.filter(F.action == MeetingAction.MINUTES))
    r.callback_query.register(fill, MinutesCb.filter(F.action == MinutesAction.FILL))
    r.message.register(typed, StateFilter(FillForm.text), ANSWER)
    r.callback_query.register(
        skip, StateFilter(FillForm.text), MinutesCb.filter(F.action == MinutesAction.SKIP)
    )
    r.callback_query.register(preview, MinutesCb.filter(F.action == MinutesAction.PREVIEW))
    r.callback_query.register(submit, MinutesCb.filter(F.action == MinutesAction.SUBMIT))
    r.callback_query.register(sign, MinutesCb.filter(F.action == MinutesAction.SIGN))
    r.callback_query.register(absent, MinutesCb.filter(F.action == MinutesAction.ABSENT))
    r.callback_query.register(back, MinutesCb.filter(F.action == MinutesAction.BACK))
    r.message.register(got_comment, StateFilter(ReturnForm.comment), ANSWER)
    r.callback_query.register(file, MinutesCb.filter(F.action == MinutesAction.FILE))
    r.callback_query.register(correct, MinutesCb.filter(F.action == MinutesAction.CORRECT))
    r.message.register(got_reason, StateFilter(CorrectForm.reason), ANSWER)
    r.callback_query.register(extract_choose, MeetingCb.filter(F.action == MeetingAction.EXTRACT))
    r.callback_query.register(extract, MinutesCb.filter(F.action == MinutesAction.EXTRACT))
    r.message.register(archive, Command("minutes"))
    r.callback_query.register(template_ask, OrgCb.filter(F.action == OrgAction.TEMPLATE))
    r.message.register(template_file, StateFilter(TemplateForm.file), DOCUMENT)
    r.message.register(type_text, StateFilter(CorrectForm.reason), NOT_COMMAND)
    r.message.register(type_text, StateFilter(ReturnForm.comment), NOT_COMMAND)
    r.message.register(type_text, StateFilter(FillForm.text), NOT_COMMAND)
    r.message.register(not_a_file, StateFilter(TemplateForm.file), NOT_COMMAND)
    return r
