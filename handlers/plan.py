"""/plan: per body, the periods with required, held, announced and planned meetings; the year's
plan (4.5), each entry a one-tap start of its announcement; the coordinator's CSV."""

from __future__ import annotations

import re
from datetime import date
from enum import StrEnum

from aiogram import F, Router
from aiogram.filters import Command, StateFilter
from aiogram.filters.callback_data import CallbackData
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import BufferedInputFile, CallbackQuery, InlineKeyboardMarkup, Message
from aiogram.utils.keyboard import InlineKeyboardBuilder
from aiogram_i18n import I18nContext

from bot.delivery.cadence_job import period_text
from bot.domain.errors import ValidationError
from bot.domain.meetings import valid_title
from bot.domain.model import BodyKind
from bot.services.access import Actor
from bot.services.cadence import BodyCadence, CadenceService
from handlers.announce import Draft, ask_form, save_draft
from handlers.filters import ANSWER, NOT_COMMAND
from handlers.render import message_of

DAY = re.compile(r"^\s*(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})\s*$")


class PlanAction(StrEnum):
    ADD = "add"
    SEMINAR = "seminar"
    PLAIN = "plain"
    ANNOUNCE = "announce"
    CSV = "csv"


class PlanCb(CallbackData, prefix="pl"):
    action: PlanAction
    id: int = 0  # a body, or a plan entry for `announce`


class PlanForm(StatesGroup):
    day = State()
    topic = State()


def parse_day(text: str) -> date:
    match = DAY.match(text)
    if match is None:
        raise ValidationError("plan-error-date", example="12.03.2027")
    day, month, year = (int(part) for part in match.groups())
    try:
        return date(year + 2000 if year < 100 else year, month, day)
    except ValueError:
        raise ValidationError("plan-error-date", example="12.03.2027") from None


def plan_screen(
    i18n: I18nContext, entries: list[BodyCadence], *, coordinator: bool
) -> tuple[str, InlineKeyboardMarkup]:
    lines: list[str] = []
    kb = InlineKeyboardBuilder()
    for entry in entries:
        body = entry.body
        lines.append(i18n.get("plan-body", body=body.name))
        for status in entry.periods:
            key = "plan-period-short" if status.short else "plan-period-ok"
            lines.append(
                i18n.get(
                    key,
                    period=period_text(i18n, status),
                    required=status.required,
                    held=status.held,
                    announced=status.announced,
                    planned=status.planned,
                )
            )
            if status.seminar_missing:
                lines.append(i18n.get("cadence-missing-seminar"))
        for plan in entry.plans:
            if plan.meeting_id is None:
                kb.button(
                    text=i18n.get(
                        "plan-announce",
                        date=plan.planned_on.strftime("%d.%m.%Y"),
                        topic=plan.topic[:40],
                    ),
                    callback_data=PlanCb(action=PlanAction.ANNOUNCE, id=plan.id),
                )
        kb.button(
            text=i18n.get("plan-add", body=body.name),
            callback_data=PlanCb(action=PlanAction.ADD, id=body.id),
        )
        lines.append("")
    if coordinator:
        kb.button(text=i18n.get("plan-csv"), callback_data=PlanCb(action=PlanAction.CSV))
    kb.adjust(1)
    return "\n".join(lines).strip() or i18n.get("plan-nothing"), kb.as_markup()


async def show(message: Message, actor: Actor, cadence: CadenceService, i18n: I18nContext) -> None:
    entries = await cadence.overview(actor)
    coordinator = await cadence.is_coordinator(actor)
    text, markup = plan_screen(i18n, entries, coordinator=coordinator)
    await message.answer(text, reply_markup=markup)


async def add(
    query: CallbackQuery,
    callback_data: PlanCb,
    actor: Actor,
    cadence: CadenceService,
    i18n: I18nContext,
    state: FSMContext,
) -> None:
    await cadence.require_planner(actor, callback_data.id)
    await state.set_state(PlanForm.day)
    await state.set_data({"body": callback_data.id})
    await message_of(query).answer(i18n.get("plan-ask-day", example="12.03.2027"))


async def got_day(message: Message, i18n: I18nContext, state: FSMContext) -> None:
    await state.update_data(day=parse_day(message.text or "").isoformat())
    await state.set_state(PlanForm.topic)
    await message.answer(i18n.get("plan-ask-topic"))


async def got_topic(
    message: Message,
    actor: Actor,
    cadence: CadenceService,
    i18n: I18nContext,
    state: FSMContext,
) -> None:
    data = await state.update_data(topic=valid_title(message.text or ""))
    entries = {e.body.id: e.body for e in await cadence.overview(actor)}
    body = entries.get(data["body"])
    if body is not None and body.kind is BodyKind.RMO:
        kb = InlineKeyboardBuilder()
        kb.button(
            text=i18n.get("plan-seminar-yes"),
            callback_data=PlanCb(action=PlanAction.SEMINAR, id=body.id),
        )
        kb.button(
            text=i18n.get("plan-seminar-no"),
            callback_data=PlanCb(action=PlanAction.PLAIN, id=body.id),
        )
        await message.answer(i18n.get("plan-ask-seminar"), reply_markup=kb.as_markup())
        return
    await save(message, actor, cadence, i18n, state, seminar=False)


async def got_seminar(
    query: CallbackQuery,
    callback_data: PlanCb,
    actor: Actor,
    cadence: CadenceService,
    i18n: I18nContext,
    state: FSMContext,
) -> None:
    await save(
        message_of(query),
        actor,
        cadence,
        i18n,
        state,
        seminar=callback_data.action == PlanAction.SEMINAR,
    )


async def save(
    message: Message,
    actor: Actor,
    cadence: CadenceService,
    i18n: I18nContext,
    state: FSMContext,
    *,
    seminar: bool,
) -> None:
    data = await state.get_data()
    await cadence.add_plan(
        actor, data["body"], date.fromisoformat(data["day"]), data["topic"], seminar=seminar
    )
    await state.clear()
    entries = await cadence.overview(actor)
    text, markup = plan_screen(i18n, entries, coordinator=await cadence.is_coordinator(actor))
    await message.answer(i18n.get("plan-saved") + "\n\n" + text, reply_markup=markup)


async def announce(
    query: CallbackQuery,
    callback_data: PlanCb,
    actor: Actor,
    cadence: CadenceService,
    i18n: I18nContext,
    state: FSMContext,
) -> None:
    plan, body = await cadence.plan(actor, callback_data.id)
    draft = Draft(body=body.id, items=[], plan=plan.id, day=plan.planned_on, seminar=plan.seminar)
    await save_draft(state, draft)
    await ask_form(message_of(query), body, i18n, state)


async def csv_file(
    query: CallbackQuery, actor: Actor, cadence: CadenceService, i18n: I18nContext
) -> None:
    entries = await cadence.overview(actor)
    labels = {
        f"{status.period.kind}:{status.period.start}": period_text(i18n, status)
        for entry in entries
        for status in entry.periods
    }
    headers = [
        i18n.get(f"plan-column-{name}")
        for name in ("body", "period", "required", "held", "announced", "planned", "missing")
    ]
    content = await cadence.export(actor, headers, labels)
    await message_of(query).answer_document(BufferedInputFile(content, filename="plan.csv"))


async def type_text(message: Message) -> None:
    raise ValidationError("form-error-text-expected")


def router() -> Router:
    """The handlers in the order aiogram tries them; a new Router on every call."""
    r = Router(name="plan")
    r.message.register(show, Command("plan"))
    r.callback_query.register(add, PlanCb.filter(F.action == PlanAction.ADD))
    r.message.register(got_day, StateFilter(PlanForm.day), ANSWER)
    r.message.register(got_topic, StateFilter(PlanForm.topic), ANSWER)
    r.callback_query.register(
        got_seminar,
        StateFilter(PlanForm.topic),
        PlanCb.filter(F.action.in_({PlanAction.SEMINAR, PlanAction.PLAIN})),
    )
    r.callback_query.register(announce, PlanCb.filter(F.action == PlanAction.ANNOUNCE))
    r.callback_query.register(csv_file, PlanCb.filter(F.action == PlanAction.CSV))
    r.message.register(type_text, StateFilter(PlanForm.topic), NOT_COMMAND)
    r.message.register(type_text, StateFilter(PlanForm.day), NOT_COMMAND)
    return r
