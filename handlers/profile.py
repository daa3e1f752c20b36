"""/profile: what the bot knows about me, and changing it."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.filters import Command, StateFilter
from aiogram.filters.callback_data import CallbackData
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message
from aiogram.utils.keyboard import InlineKeyboardBuilder
from aiogram_i18n import I18nContext

from bot.domain.errors import ValidationError
from bot.domain.model import Category, Education
from bot.services.access import Actor
from bot.services.people import PeopleService, Profile, ProfileField
from handlers.filters import ANSWER, NOT_COMMAND
from handlers.menu import MenuCb, MenuScreen
from handlers.privacy import PrivacyAction, PrivacyCb
from handlers.render import message_of, role_label


class ProfileCb(CallbackData, prefix="p"):
    field: ProfileField
    value: str = ""


class ProfileForm(StatesGroup):
    value = State()


# Fields with a fixed set of answers get buttons instead of typing.
CHOICES: dict[ProfileField, list[str]] = {
    ProfileField.CATEGORY: [c.value for c in Category],
    ProfileField.EDUCATION: [e.value for e in Education],
}


def profile_screen(profile: Profile, i18n: I18nContext) -> tuple[str, InlineKeyboardMarkup]:
    person = profile.person
    lines = [
        i18n.get(
            "profile-card",
            name=person.full_name,
            school=person.school or "-",
            subject=person.subject or "-",
            position=person.position or "-",
            category=i18n.get(f"category-{person.category.value}") if person.category else "-",
            experience=-1 if person.experience_years is None else person.experience_years,
            education=i18n.get(f"education-{person.education.value}") if person.education else "-",
        )
    ]
    lines += [
        i18n.get("mine-line", body=body.name, role=role_label(i18n, m.role, m.is_methodist))
        for m, body in profile.memberships
    ]
    lines += [
        i18n.get("mine-line", body=organisation.name, role=role_label(i18n, None))
        for organisation in profile.coordinated
    ]
    kb = InlineKeyboardBuilder()
    for field in ProfileField:
        kb.button(
            text=i18n.get(f"profile-edit-{field.value}"), callback_data=ProfileCb(field=field)
        )
    kb.button(text=i18n.get("profile-mydata"), callback_data=PrivacyCb(action=PrivacyAction.SHOW))
    kb.button(text=i18n.get("button-menu"), callback_data=MenuCb(screen=MenuScreen.MAIN))
    kb.adjust(2, 2, 2, 1, 1, 1)
    return "\n".join(lines), kb.as_markup()


async def show(message: Message, actor: Actor, people: PeopleService, i18n: I18nContext) -> None:
    text, markup = profile_screen(await people.profile(actor), i18n)
    await message.answer(text, reply_markup=markup)


async def show_from_menu(
    query: CallbackQuery, actor: Actor, people: PeopleService, i18n: I18nContext
) -> None:
    text, markup = profile_screen(await people.profile(actor), i18n)
    await message_of(query).edit_text(text, reply_markup=markup)


async def chosen(
    query: CallbackQuery,
    callback_data: ProfileCb,
    actor: Actor,
    people: PeopleService,
    i18n: I18nContext,
    state: FSMContext,
) -> None:
    await people.update_profile(actor, callback_data.field, callback_data.value)
    await state.clear()
    text, markup = profile_screen(await people.profile(actor), i18n)
    await message_of(query).edit_text(
        i18n.get("profile-saved") + "\n\n" + text, reply_markup=markup
    )


async def ask(
    query: CallbackQuery,
    callback_data: ProfileCb,
    actor: Actor,
    i18n: I18nContext,
    state: FSMContext,
) -> None:
    actor.require_person()
    field = callback_data.field
    markup = None
    if field in CHOICES:
        kb = InlineKeyboardBuilder()
        for value in CHOICES[field]:
            kb.button(
                text=i18n.get(f"{field.value.split('_')[0]}-{value}"),
                callback_data=ProfileCb(field=field, value=value),
            )
        kb.adjust(1)
        markup = kb.as_markup()
    else:
        await state.set_state(ProfileForm.value)
        await state.set_data({"field": field.value})
    await message_of(query).answer(i18n.get(f"profile-ask-{field.value}"), reply_markup=markup)


async def typed(
    message: Message, actor: Actor, people: PeopleService, i18n: I18nContext, state: FSMContext
) -> None:
    data = await state.get_data()
    await people.update_profile(actor, ProfileField(data["field"]), message.text or "")
    await state.clear()
    text, markup = profile_screen(await people.profile(actor), i18n)
    await message.answer(i18n.get("profile-saved") + "\n\n" + text, reply_markup=markup)


async def not_text(message: Message) -> None:
    raise ValidationError("form-error-text-expected")


def router() -> Router:
    r = Router(name="profile")
    r.message.register(show, Command("profile"))
    r.callback_query.register(show_from_menu, MenuCb.filter(F.screen == MenuScreen.PROFILE))
    r.callback_query.register(chosen, ProfileCb.filter(F.value != ""))
    r.callback_query.register(ask, ProfileCb.filter())
    r.message.register(typed, StateFilter(ProfileForm.value), ANSWER)
    r.message.register(not_text, StateFilter(ProfileForm.value), NOT_COMMAND)
    return r
