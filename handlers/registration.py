"""Joining: /start with an invitation token, and registering as a new person step by step."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.filters import CommandObject, CommandStart, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, Message
from aiogram.utils.keyboard import InlineKeyboardBuilder
from aiogram_i18n import I18nContext

from bot.delivery.notifier import Notifier
from bot.domain import people as check
from bot.domain.errors import Conflict, ValidationError
from bot.services.access import Actor
from bot.services.consent import ConsentService, PendingConsent
from bot.services.consultations import ConsultationService
from bot.services.invitations import Accepted, InvitationInfo, InvitationService
from bot.services.people import PeopleService, Registration
from handlers.consent import ConsentAnswer, ConsentCb, send_consent
from handlers.consultations import profile_screen
from handlers.filters import ANSWER, NOT_COMMAND
from handlers.menu import RegisterCb, RegisterPurpose, show_menu
from handlers.render import message_of, role_label


class RegistrationForm(StatesGroup):
    consent = State()
    full_name = State()
    school = State()
    subject = State()


# Who must give what: a coordinator only a name; members and teachers also school and subject.
NAME_ONLY = frozenset({"admin", "coordinator"})


async def start_registration(
    message: Message,
    state: FSMContext,
    i18n: I18nContext,
    consent: ConsentService,
    *,
    purpose: str,
    organisation_id: int | None,
    **data: object,
) -> None:
    """Consent comes before the first question; until it is given only the form's own state
    (what the person came for) is kept."""
    offer = await consent.offer(organisation_id, i18n.locale)
    await state.set_state(RegistrationForm.consent)
    await state.set_data({"purpose": purpose, "consent_organisation": organisation_id, **data})
    await send_consent(message, offer, i18n)


def invitation_text(i18n: I18nContext, info: InvitationInfo) -> str:
    if info.body is None:
        return i18n.get("invite-to-coordinate", organisation=info.organisation.name)
    role = role_label(i18n, info.invitation.role, info.invitation.is_methodist)
    return i18n.get("invite-to-body", body=info.body.name, role=role)


async def joined(
    message: Message,
    accepted: Accepted,
    i18n: I18nContext,
    people: PeopleService,
    actor: Actor,
    notifier: Notifier,
    consultations: ConsultationService,
) -> None:
    """Tells the newcomer where they are, shows their menu, and tells who invited them; a
    methodist of the asset is asked at once which requests to take, their own subject from
    the registration already filled in."""
    info = accepted.info
    where = info.organisation.name if info.body is None else info.body.name
    role = role_label(i18n, info.invitation.role, info.invitation.is_methodist)
    await message.answer(i18n.get("invite-joined", where=where, role=role))
    now = await people.actor(actor.telegram_id, is_admin=actor.is_admin)
    await show_menu(message, now, people, i18n, edit=False)
    if info.invitation.is_methodist:
        text, markup = profile_screen(await consultations.profile(now), i18n)
        await message.answer(i18n.get("methodist-joined") + "\n\n" + text, reply_markup=markup)
    if accepted.inviter is not None and accepted.inviter.id != accepted.person.id:
        inviter_role = notifier.text(
            accepted.inviter,
            "role-coordinator"
            if info.invitation.role is None
            else f"role-{info.invitation.role.value}",
        )
        await notifier.notify(
            accepted.inviter,
            "invite-joined-notice",
            name=accepted.person.full_name,
            where=where,
            role=inviter_role,
        )


async def start_with_token(
    message: Message,
    command: CommandObject,
    actor: Actor,
    invitations: InvitationService,
    people: PeopleService,
    consent: ConsentService,
    notifier: Notifier,
    i18n: I18nContext,
    state: FSMContext,
    consultations: ConsultationService,
) -> None:
    await state.clear()
    token = (command.args or "").strip()
    info = await invitations.check(token)
    if actor.person is not None:
        accepted = await invitations.accept(actor, token, None, locale=i18n.locale)
        await joined(message, accepted, i18n, people, actor, notifier, consultations)
        return
    await message.answer(invitation_text(i18n, info))
    purpose = "coordinator" if info.body is None else "invite"
    if info.person is not None:
        purpose = "personal"  # a roster entry the secretary added: nothing more to ask
    await start_registration(
        message,
        state,
        i18n,
        consent,
        purpose=purpose,
        organisation_id=info.organisation.id,
        token=token,
    )


async def agreed(
    query: CallbackQuery,
    callback_data: ConsentCb,
    actor: Actor,
    people: PeopleService,
    invitations: InvitationService,
    consent: ConsentService,
    notifier: Notifier,
    i18n: I18nContext,
    state: FSMContext,
    consultations: ConsultationService,
) -> None:
    data = await state.get_data()
    message = message_of(query)
    try:
        pending = await consent.accept_offer(callback_data.version, i18n.locale)
    except Conflict:
        # The text changed while it was being read: the new one, to answer again.
        offer = await consent.offer(data.get("consent_organisation"), i18n.locale)
        await send_consent(message, offer, i18n)
        raise
    if pending.organisation_id != data.get("consent_organisation"):
        raise ValidationError("error-stale-button")
    await message.edit_reply_markup(reply_markup=None)
    if data["purpose"] == "personal":
        accepted = await invitations.accept(
            actor, data["token"], None, locale=i18n.locale, consent=pending
        )
        await state.clear()
        await joined(message, accepted, i18n, people, actor, notifier, consultations)
        return
    await state.update_data(consent=pending.to_data())
    await state.set_state(RegistrationForm.full_name)
    await message.answer(i18n.get("register-ask-name"))


async def declined(query: CallbackQuery, i18n: I18nContext, state: FSMContext) -> None:
    await state.clear()
    message = message_of(query)
    await message.edit_reply_markup(reply_markup=None)
    await message.answer(i18n.get("consent-declined-newcomer"))


async def consent_first(message: Message) -> None:
    raise ValidationError("consent-required-alert")


async def register_teacher(
    query: CallbackQuery,
    callback_data: RegisterCb,
    actor: Actor,
    people: PeopleService,
    consent: ConsentService,
    i18n: I18nContext,
    state: FSMContext,
) -> None:
    message = message_of(query)
    if actor.person is not None:
        await message.answer(i18n.get("register-error-already"))
        return
    organisations = await people.organisations()
    if not organisations:
        await message.answer(i18n.get("register-no-organisations", id=str(actor.telegram_id)))
        return
    chosen = callback_data.organisation
    if len(organisations) == 1:
        chosen = organisations[0].id
    if chosen == 0:
        kb = InlineKeyboardBuilder()
        for organisation in organisations:
            kb.button(
                text=organisation.name,
                callback_data=RegisterCb(
                    purpose=RegisterPurpose.TEACHER, organisation=organisation.id
                ),
            )
        kb.adjust(1)
        await message.edit_text(
            i18n.get("register-choose-organisation"), reply_markup=kb.as_markup()
        )
        return
    await start_registration(
        message,
        state,
        i18n,
        consent,
        purpose="teacher",
        organisation_id=chosen,
        organisation=chosen,
    )


async def got_name(
    message: Message,
    actor: Actor,
    people: PeopleService,
    invitations: InvitationService,
    notifier: Notifier,
    i18n: I18nContext,
    state: FSMContext,
    consultations: ConsultationService,
) -> None:
    full_name = check.full_name(message.text or "")
    data = await state.update_data(full_name=full_name)
    if data["purpose"] in NAME_ONLY:
        await finish(message, actor, people, invitations, notifier, i18n, state, consultations)
        return
    await state.set_state(RegistrationForm.school)
    await message.answer(i18n.get("register-ask-school", name=full_name))


async def got_school(message: Message, i18n: I18nContext, state: FSMContext) -> None:
    await state.update_data(school=check.school(message.text or ""))
    await state.set_state(RegistrationForm.subject)
    await message.answer(i18n.get("register-ask-subject"))


async def got_subject(
    message: Message,
    actor: Actor,
    people: PeopleService,
    invitations: InvitationService,
    notifier: Notifier,
    i18n: I18nContext,
    state: FSMContext,
    consultations: ConsultationService,
) -> None:
    await state.update_data(subject=check.subject(message.text or ""))
    await finish(message, actor, people, invitations, notifier, i18n, state, consultations)


async def not_text(message: Message) -> None:
    raise ValidationError("form-error-text-expected")


async def finish(
    message: Message,
    actor: Actor,
    people: PeopleService,
    invitations: InvitationService,
    notifier: Notifier,
    i18n: I18nContext,
    state: FSMContext,
    consultations: ConsultationService,
) -> None:
    data = await state.get_data()
    registration = Registration(
        full_name=data["full_name"], school=data.get("school"), subject=data.get("subject")
    )
    given = PendingConsent.from_data(data.get("consent"))
    if data["purpose"] in {"invite", "coordinator"}:
        accepted = await invitations.accept(
            actor, data["token"], registration, locale=i18n.locale, consent=given
        )
        await state.clear()
        await joined(message, accepted, i18n, people, actor, notifier, consultations)
        return
    await people.register(
        actor,
        registration,
        organisation_id=data.get("organisation"),
        locale=i18n.locale,
        consent=given,
    )
    await state.clear()
    await message.answer(i18n.get("register-done", name=registration.full_name))
    fresh = await people.actor(actor.telegram_id, is_admin=actor.is_admin)
    await show_menu(message, fresh, people, i18n, edit=False)


def router() -> Router:
    r = Router(name="registration")
    r.message.register(start_with_token, CommandStart(deep_link=True))
    r.callback_query.register(
        agreed,
        StateFilter(RegistrationForm.consent),
        ConsentCb.filter(F.answer == ConsentAnswer.YES),
    )
    r.callback_query.register(
        declined,
        StateFilter(RegistrationForm.consent),
        ConsentCb.filter(F.answer == ConsentAnswer.NO),
    )
    r.message.register(consent_first, StateFilter(RegistrationForm.consent), NOT_COMMAND)
    r.callback_query.register(
        register_teacher, RegisterCb.filter(F.purpose == RegisterPurpose.TEACHER)
    )
    r.message.register(got_name, StateFilter(RegistrationForm.full_name), ANSWER)
    r.message.register(got_school, StateFilter(RegistrationForm.school), ANSWER)
    r.message.register(got_subject, StateFilter(RegistrationForm.subject), ANSWER)
    r.message.register(not_text, StateFilter(RegistrationForm.subject), NOT_COMMAND)
    r.message.register(not_text, StateFilter(RegistrationForm.school), NOT_COMMAND)
    r.message.register(not_text, StateFilter(RegistrationForm.full_name), NOT_COMMAND)
    return r
