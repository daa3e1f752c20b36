"""The main menu: built from what this person's roles allow, shown by /start, /menu and «Назад»."""

from __future__ import annotations

from enum import StrEnum

from aiogram.filters.callback_data import CallbackData
from aiogram.types import InlineKeyboardMarkup, Message
from aiogram.utils.keyboard import InlineKeyboardBuilder
from aiogram_i18n import I18nContext

from bot.services.access import Actor
from bot.services.people import Menu, PeopleService


class RegisterPurpose(StrEnum):
    """What someone registers as without an invitation."""

    TEACHER = "teacher"


class RegisterCb(CallbackData, prefix="reg"):
    """Registering without an invitation (handlers/registration.py)."""

    purpose: RegisterPurpose
    organisation: int = 0


class MenuScreen(StrEnum):
    """The top-level screens a menu button opens."""

    MAIN = "main"
    ORGANISATION = "org"
    BODY = "body"
    RULES = "rules"
    MINE = "mine"
    NEW_ORGANISATION = "neworg"
    MEETINGS = "meetings"
    CONSULT = "consult"
    LANGUAGE = "language"
    PROFILE = "profile"


class MenuCb(CallbackData, prefix="m"):
    """Top-level screens. `id` is an organisation or body id where the screen needs one."""

    screen: MenuScreen
    id: int = 0


def menu_markup(menu: Menu, i18n: I18nContext) -> InlineKeyboardMarkup:
    kb = InlineKeyboardBuilder()
    for organisation in menu.coordinated:
        kb.button(
            text=i18n.get("menu-organisation", name=organisation.name),
            callback_data=MenuCb(screen=MenuScreen.ORGANISATION, id=organisation.id),
        )
    for body in menu.managed:
        kb.button(
            text=i18n.get("menu-body", name=body.name),
            callback_data=MenuCb(screen=MenuScreen.BODY, id=body.id),
        )
    if menu.may_create_organisation:
        kb.button(
            text=i18n.get("menu-create-organisation"),
            callback_data=MenuCb(screen=MenuScreen.NEW_ORGANISATION),
        )
    if menu.memberships or menu.coordinated:
        kb.button(text=i18n.get("menu-meetings"), callback_data=MenuCb(screen=MenuScreen.MEETINGS))
    if menu.memberships:
        kb.button(text=i18n.get("menu-my-bodies"), callback_data=MenuCb(screen=MenuScreen.MINE))
    kb.button(text=i18n.get("menu-consult"), callback_data=MenuCb(screen=MenuScreen.CONSULT))
    kb.button(text=i18n.get("menu-profile"), callback_data=MenuCb(screen=MenuScreen.PROFILE))
    kb.button(text=i18n.get("menu-language"), callback_data=MenuCb(screen=MenuScreen.LANGUAGE))
    kb.adjust(1)
    return kb.as_markup()


def menu_text(menu: Menu, i18n: I18nContext) -> str:
    if menu.coordinated or menu.managed or menu.may_create_organisation:
        return i18n.get("menu-title")
    if menu.memberships:
        return i18n.get("menu-title-member")
    return i18n.get("menu-title-teacher")


def back_to_menu(i18n: I18nContext) -> InlineKeyboardMarkup:
    kb = InlineKeyboardBuilder()
    kb.button(text=i18n.get("button-menu"), callback_data=MenuCb(screen=MenuScreen.MAIN))
    return kb.as_markup()


def welcome_markup(i18n: I18nContext) -> InlineKeyboardMarkup:
    kb = InlineKeyboardBuilder()
    kb.button(
        text=i18n.get("start-register-teacher"),
        callback_data=RegisterCb(purpose=RegisterPurpose.TEACHER),
    )
    return kb.as_markup()


async def show_menu(
    message: Message, actor: Actor, people: PeopleService, i18n: I18nContext, *, edit: bool
) -> None:
    """The main menu, or for someone not registered the way to register."""
    menu = await people.menu(actor)
    if not menu.registered:
        await message.answer(
            i18n.get("start-welcome-guest", id=str(actor.telegram_id)),
            reply_markup=welcome_markup(i18n),
        )
        return
    text, markup = menu_text(menu, i18n), menu_markup(menu, i18n)
    if edit:
        await message.edit_text(text, reply_markup=markup)
    else:
        await message.answer(text, reply_markup=markup)
