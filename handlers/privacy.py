"""/mydata: what the bot keeps about me, as a file, and withdrawing consent with erasure."""

from __future__ import annotations

from enum import StrEnum

from aiogram import F, Router
from aiogram.filters import Command
from aiogram.filters.callback_data import CallbackData
from aiogram.fsm.context import FSMContext
from aiogram.types import BufferedInputFile, CallbackQuery, InlineKeyboardMarkup, Message
from aiogram.utils.keyboard import InlineKeyboardBuilder
from aiogram_i18n import I18nContext

from bot.delivery.notifier import Notifier
from bot.documents.mydata import export_csv, export_json
from bot.domain.records import Consent
from bot.services.access import Actor
from bot.services.privacy import MyData, PrivacyService, section_keys
from bot.views.texts import split_message
from handlers.consent import WITHOUT_CONSENT
from handlers.menu import MenuCb, MenuScreen
from handlers.render import eligibility_details, local_date, message_of, role_label


class PrivacyAction(StrEnum):
    """What a /mydata button does."""

    SHOW = "show"
    EXPORT = "export"
    ERASE = "erase"
    ERASE_YES = "eraseyes"


class PrivacyCb(CallbackData, prefix="pd"):
    action: PrivacyAction


def _consent_line(consent: Consent, i18n: I18nContext, timezone: str) -> str:
    withdrawn = ""
    if consent.withdrawn_at is not None:
        withdrawn = i18n.get(
            "mydata-consent-withdrawn", date=local_date(consent.withdrawn_at, timezone)
        )
    date = local_date(consent.given_at, timezone)
    if consent.basis == "paper":
        return i18n.get("mydata-consent-paper", date=date, withdrawn=withdrawn)
    return i18n.get(
        "mydata-consent-chat", version=consent.version or 0, date=date, withdrawn=withdrawn
    )


def mydata_screen(
    mine: MyData, i18n: I18nContext, timezone: str
) -> tuple[str, InlineKeyboardMarkup]:
    person = mine.person
    lines = [
        i18n.get(
            "mydata-title",
            name=person.full_name,
            school=person.school or "-",
            subject=person.subject or "-",
            position=person.position or "-",
            category=i18n.get(f"category-{person.category.value}") if person.category else "-",
            experience="-" if person.experience_years is None else str(person.experience_years),
            education=i18n.get(f"education-{person.education.value}") if person.education else "-",
            telegram=str(person.telegram_id or "-"),
            locale=person.locale or "-",
        ),
        eligibility_details(i18n, person),
        "",
        i18n.get("mydata-memberships-title"),
    ]
    for membership, body in mine.memberships:
        role = role_label(i18n, membership.role, membership.is_methodist)
        since = local_date(membership.started_at, body.timezone)
        if membership.ended_at is None:
            lines.append(
                i18n.get("mydata-membership-current", body=body.name, role=role, since=since)
            )
        else:
            until = local_date(membership.ended_at, body.timezone)
            lines.append(
                i18n.get(
                    "mydata-membership-ended", body=body.name, role=role, since=since, until=until
                )
            )
    if not mine.memberships:
        lines.append(i18n.get("mydata-memberships-none"))
    sections = mine.sections
    lines += [
        "",
        i18n.get(
            "mydata-counts",
            votes=len(sections.get("votes", [])),
            ballots=len(sections.get("ballots", [])),
            proposals=len(sections.get("proposals", [])),
            asked=len(sections.get("consultations.teacher_id", [])),
            given=len(sections.get("consultations.methodist_id", [])),
        ),
        "",
        i18n.get("mydata-consents-title"),
    ]
    lines += [_consent_line(consent, i18n, timezone) for consent in mine.consents]
    if not mine.consents:
        lines.append(i18n.get("mydata-consents-none"))
    kb = InlineKeyboardBuilder()
    kb.button(text=i18n.get("mydata-export"), callback_data=PrivacyCb(action=PrivacyAction.EXPORT))
    kb.button(text=i18n.get("mydata-erase"), callback_data=PrivacyCb(action=PrivacyAction.ERASE))
    kb.button(text=i18n.get("button-menu"), callback_data=MenuCb(screen=MenuScreen.MAIN))
    kb.adjust(1)
    return "\n".join(lines), kb.as_markup()


async def send_screen(message: Message, mine: MyData, i18n: I18nContext) -> None:
    """The screen, split between messages if a long history outgrows one."""
    text, markup = mydata_screen(mine, i18n, mine.timezone)
    *first, last = split_message(text)
    for chunk in first:
        await message.answer(chunk)
    await message.answer(last, reply_markup=markup)


async def show(message: Message, actor: Actor, privacy: PrivacyService, i18n: I18nContext) -> None:
    await send_screen(message, await privacy.my_data(actor), i18n)


async def show_again(
    query: CallbackQuery, actor: Actor, privacy: PrivacyService, i18n: I18nContext
) -> None:
    await send_screen(message_of(query), await privacy.my_data(actor), i18n)


async def export(
    query: CallbackQuery, actor: Actor, privacy: PrivacyService, i18n: I18nContext
) -> None:
    mine = await privacy.my_data(actor)
    titles = {key: i18n.get(f"mydata-section-{key.replace('.', '-')}") for key in section_keys()}
    headers = [
        i18n.get("mydata-csv-section"),
        i18n.get("mydata-csv-record"),
        i18n.get("mydata-csv-field"),
        i18n.get("mydata-csv-value"),
    ]
    message = message_of(query)
    await message.answer_document(
        BufferedInputFile(export_json(mine.sections), filename="mydata.json"),
        caption=i18n.get("mydata-export-caption"),
    )
    await message.answer_document(
        BufferedInputFile(export_csv(mine.sections, titles, headers), filename="mydata.csv")
    )


async def confirm_erase(query: CallbackQuery, actor: Actor, i18n: I18nContext) -> None:
    actor.require_person()
    kb = InlineKeyboardBuilder()
    kb.button(
        text=i18n.get("mydata-erase-yes"), callback_data=PrivacyCb(action=PrivacyAction.ERASE_YES)
    )
    kb.button(text=i18n.get("button-cancel"), callback_data=PrivacyCb(action=PrivacyAction.SHOW))
    kb.adjust(1)
    await message_of(query).answer(i18n.get("mydata-erase-confirm"), reply_markup=kb.as_markup())


async def erase(
    query: CallbackQuery,
    actor: Actor,
    privacy: PrivacyService,
    notifier: Notifier,
    i18n: I18nContext,
    state: FSMContext,
) -> None:
    erased = await privacy.erase(actor)
    await state.clear()
    message = message_of(query)
    await message.edit_reply_markup(reply_markup=None)
    await message.answer(i18n.get("mydata-erased"))
    for coordinator in erased.coordinators:
        await notifier.notify(coordinator, "mydata-erased-notice", name=erased.former_name)


def router() -> Router:
    r = Router(name="privacy")
    r.message.register(show, Command("mydata"), flags=WITHOUT_CONSENT)
    r.callback_query.register(
        show_again, PrivacyCb.filter(F.action == PrivacyAction.SHOW), flags=WITHOUT_CONSENT
    )
    r.callback_query.register(
        export, PrivacyCb.filter(F.action == PrivacyAction.EXPORT), flags=WITHOUT_CONSENT
    )
    r.callback_query.register(
        confirm_erase, PrivacyCb.filter(F.action == PrivacyAction.ERASE), flags=WITHOUT_CONSENT
    )
    r.callback_query.register(
        erase, PrivacyCb.filter(F.action == PrivacyAction.ERASE_YES), flags=WITHOUT_CONSENT
    )
    return r
