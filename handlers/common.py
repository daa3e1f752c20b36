"""/start without an invitation, /menu, /help, /cancel, /language, and the menu screens that
belong to everyone."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.filters import Command, CommandStart
from aiogram.filters.callback_data import CallbackData
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message
from aiogram.utils.keyboard import InlineKeyboardBuilder
from aiogram_i18n import I18nContext

from bot.domain.model import LOCALES
from bot.services.access import Actor
from bot.services.consent import ConsentService
from bot.services.people import PeopleService
from handlers.consent import WITHOUT_CONSENT
from handlers.menu import MenuCb, MenuScreen, back_to_menu, show_menu
from handlers.registration import start_registration
from handlers.render import message_of, role_label


class LanguageCb(CallbackData, prefix="lang"):
    code: str


def language_markup() -> InlineKeyboardMarkup:
    kb = InlineKeyboardBuilder()
    kb.button(text="Русский", callback_data=LanguageCb(code="ru"))
    kb.button(text="English", callback_data=LanguageCb(code="en"))
    return kb.as_markup()


async def start(
    message: Message,
    actor: Actor,
    people: PeopleService,
    consent: ConsentService,
    i18n: I18nContext,
    state: FSMContext,
) -> None:
    await state.clear()
    if actor.person is None and actor.is_admin:
        await start_registration(
            message, state, i18n, consent, purpose="admin", organisation_id=None
        )
        return
    if actor.person is not None:
        await message.answer(i18n.get("start-welcome-back", name=actor.person.full_name))
    await show_menu(message, actor, people, i18n, edit=False)


async def menu(message: Message, actor: Actor, people: PeopleService, i18n: I18nContext) -> None:
    await show_menu(message, actor, people, i18n, edit=False)


async def menu_again(
    query: CallbackQuery,
    actor: Actor,
    people: PeopleService,
    i18n: I18nContext,
    state: FSMContext,
) -> None:
    await state.clear()
    await show_menu(message_of(query), actor, people, i18n, edit=True)


async def help_(message: Message, actor: Actor, people: PeopleService, i18n: I18nContext) -> None:
    menu = await people.menu(actor)
    parts = [i18n.get("help-everyone")]
    if menu.memberships:
        parts.append(i18n.get("help-member"))
    if menu.managed or menu.coordinated:
        parts.append(i18n.get("help-secretary"))
    if menu.coordinated or menu.may_create_organisation:
        parts.append(i18n.get("help-coordinator"))
    await message.answer("\n\n".join(parts))


async def cancel(message: Message, state: FSMContext, i18n: I18nContext) -> None:
    had_form = await state.get_state() is not None
    await state.clear()
    await message.answer(
        i18n.get("cancel-done" if had_form else "cancel-nothing"),
        reply_markup=back_to_menu(i18n),
    )


async def language(message: Message, i18n: I18nContext) -> None:
    await message.answer(i18n.get("language-choose"), reply_markup=language_markup())


async def language_from_menu(query: CallbackQuery, i18n: I18nContext) -> None:
    await message_of(query).edit_text(i18n.get("language-choose"), reply_markup=language_markup())


async def language_set(query: CallbackQuery, callback_data: LanguageCb, i18n: I18nContext) -> None:
    await i18n.set_locale(callback_data.code)
    await message_of(query).edit_text(i18n.get("language-set"), reply_markup=back_to_menu(i18n))


async def my_bodies(
    query: CallbackQuery, actor: Actor, people: PeopleService, i18n: I18nContext
) -> None:
    profile = await people.profile(actor)
    lines = [i18n.get("mine-title")]
    lines += [
        i18n.get("mine-line", body=body.name, role=role_label(i18n, m.role, m.is_methodist))
        for m, body in profile.memberships
    ]
    await message_of(query).edit_text("\n".join(lines), reply_markup=back_to_menu(i18n))


def router() -> Router:
    r = Router(name="common")
    r.message.register(start, CommandStart(deep_link=False))
    r.message.register(menu, Command("menu"))
    r.callback_query.register(menu_again, MenuCb.filter(F.screen == MenuScreen.MAIN))
    r.message.register(help_, Command("help"), flags=WITHOUT_CONSENT)
    r.message.register(cancel, Command("cancel"), flags=WITHOUT_CONSENT)
    r.message.register(language, Command("language"), flags=WITHOUT_CONSENT)
    r.callback_query.register(language_from_menu, MenuCb.filter(F.screen == MenuScreen.LANGUAGE))
    r.callback_query.register(
        language_set, LanguageCb.filter(F.code.in_(LOCALES)), flags=WITHOUT_CONSENT
    )
    r.callback_query.register(my_bodies, MenuCb.filter(F.screen == MenuScreen.MINE))
    return r
