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

from bot.domain.eligibility import Ground, Title
from bot.domain.errors import ValidationError
from bot.domain.model import Category, Education
from bot.services.access import Actor
from bot.services.people import NONE_OF_THESE, PeopleService, Profile, ProfileField
from handlers.filters import ANSWER, NOT_COMMAND
from handlers.menu import MenuCb, MenuScreen
from handlers.privacy import PrivacyAction, PrivacyCb
from handlers.render import eligibility_details, message_of, role_label


class ProfileCb(CallbackData, prefix="p"):
    field: ProfileField
    value: str = ""


class GroundCb(CallbackData, prefix="pg"):
    """A ground of Zyryansky 3.2 chosen, to attach its evidence next."""

    ground: Ground


class ProfileForm(StatesGroup):
    value = State()
    evidence = State()


# Fields with a fixed set of answers get buttons instead of typing; the key of each button's
# text is the choice's own («category-first», «title-mentor»).
CHOICES: dict[ProfileField, list[tuple[str, str]]] = {
    ProfileField.CATEGORY: [(c.value, f"category-{c.value}") for c in Category],
    ProfileField.EDUCATION: [(e.value, f"education-{e.value}") for e in Education],
    ProfileField.TITLES: [(t.value, f"title-{t.value}") for t in Title]
    + [(NONE_OF_THESE, "profile-none-of-these")],
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
        ),
        eligibility_details(i18n, person),
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
    kb.adjust(2, 2, 2, 2, 2, 1, 1, 1)
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
        for value, key in CHOICES[field]:
            kb.button(text=i18n.get(key), callback_data=ProfileCb(field=field, value=value))
        kb.adjust(1)
        markup = kb.as_markup()
    elif field is ProfileField.GROUNDS:
        kb = InlineKeyboardBuilder()
        for ground in Ground:
            kb.button(
                text=i18n.get(f"ground-{ground.value}"), callback_data=GroundCb(ground=ground)
            )
        kb.button(
            text=i18n.get("profile-none-of-these"),
            callback_data=ProfileCb(field=field, value=NONE_OF_THESE),
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


async def ground_chosen(
    query: CallbackQuery,
    callback_data: GroundCb,
    actor: Actor,
    i18n: I18nContext,
    state: FSMContext,
) -> None:
    actor.require_person()
    await state.set_state(ProfileForm.evidence)
    await state.set_data({"ground": callback_data.ground.value})
    await message_of(query).answer(
        i18n.get(
            "profile-ask-evidence",
            ground=i18n.get(f"ground-{callback_data.ground.value}"),
            item=callback_data.ground.item,
        )
    )


async def got_evidence(
    message: Message, actor: Actor, people: PeopleService, i18n: I18nContext, state: FSMContext
) -> None:
    """The evidence of a ground: a document or a photo (its file_id is kept), or a note."""
    data = await state.get_data()
    file_id = None
    if message.document is not None:
        file_id = message.document.file_id
    elif message.photo:
        file_id = message.photo[-1].file_id
    note = message.caption if file_id is not None else message.text
    if file_id is None and not note:
        raise ValidationError("profile-error-evidence")
    await people.claim_ground(actor, str(data["ground"]), file_id=file_id, note=note or None)
    await state.clear()
    text, markup = profile_screen(await people.profile(actor), i18n)
    await message.answer(i18n.get("profile-saved") + "\n\n" + text, reply_markup=markup)


def router() -> Router:
    r = Router(name="profile")
    r.message.register(show, Command("profile"))
    r.callback_query.register(show_from_menu, MenuCb.filter(F.screen == MenuScreen.PROFILE))
    r.callback_query.register(ground_chosen, GroundCb.filter())
    r.callback_query.register(chosen, ProfileCb.filter(F.value != ""))
    r.callback_query.register(ask, ProfileCb.filter())
    r.message.register(typed, StateFilter(ProfileForm.value), ANSWER)
    r.message.register(not_text, StateFilter(ProfileForm.value), NOT_COMMAND)
    r.message.register(got_evidence, StateFilter(ProfileForm.evidence), NOT_COMMAND)
    return r
