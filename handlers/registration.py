"""Joining: /start with an invitation token, and registering as a new person step by step."""

from __future__ import annotations

from enum import StrEnum

from aiogram import F, Router
from aiogram.filters import CommandObject, CommandStart, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, Message
from aiogram.utils.keyboard import InlineKeyboardBuilder
from aiogram_i18n import I18nContext
from pydantic import BaseModel

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
# Who joins through an invitation (the token) rather than registering on their own.
INVITED = frozenset({"invite", "coordinator", "personal"})


class Then(StrEnum):
    """What the registration form does next."""

    ASK_NAME = "name"
    ASK_SCHOOL = "school"
    ASK_SUBJECT = "subject"
    ACCEPT_INVITATION = "accept"
    REGISTER = "register"


class RegistrationDraft(BaseModel):
    """The registration while it is being filled in, as the FSM storage keeps it (the keys and
    types it had before there was a model, so a form saved then still validates).

    `purpose`: admin | coordinator | invite | personal | teacher."""

    purpose: str
    consent_organisation: int | None = None
    token: str | None = None
    organisation: int | None = None
    consent: dict[str, object] | None = None
    full_name: str | None = None
    school: str | None = None
    subject: str | None = None

    def data(self) -> dict[str, object]:
        return self.model_dump(mode="json", exclude_none=True)

    def registration(self) -> Registration | None:
        if self.full_name is None:
            return None
        return Registration(full_name=self.full_name, school=self.school, subject=self.subject)


def next_step(draft: RegistrationDraft) -> Then:
    """After consent: a roster entry the secretary added joins at once, everyone else gives a
    name; a coordinator only the name, members and teachers also school and subject."""
    if draft.purpose != "personal":
        if draft.full_name is None:
            return Then.ASK_NAME
        if draft.purpose not in NAME_ONLY:
            if draft.school is None:
                return Then.ASK_SCHOOL
            if draft.subject is None:
                return Then.ASK_SUBJECT
    return Then.ACCEPT_INVITATION if draft.purpose in INVITED else Then.REGISTER


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
    draft = RegistrationDraft.model_validate(
        {"purpose": purpose, "consent_organisation": organisation_id, **data}
    )
    await state.set_data(draft.data())
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
    draft = RegistrationDraft.model_validate(await state.get_data())
    message = message_of(query)
    try:
        pending = await consent.accept_offer(callback_data.version, i18n.locale)
    except Conflict:
        # The text changed while it was being read: the new one, to answer again.
        offer = await consent.offer(draft.consent_organisation, i18n.locale)
        await send_consent(message, offer, i18n)
        raise
    if pending.organisation_id != draft.consent_organisation:
        raise ValidationError("error-stale-button")
    await message.edit_reply_markup(reply_markup=None)
    draft = draft.model_copy(update={"consent": pending.to_data()})
    await advance(message, actor, people, invitations, notifier, i18n, state, consultations, draft)


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
    draft = RegistrationDraft.model_validate(await state.get_data())
    draft = draft.model_copy(update={"full_name": check.full_name(message.text or "")})
    await advance(message, actor, people, invitations, notifier, i18n, state, consultations, draft)


async def got_school(
    message: Message,
    actor: Actor,
    people: PeopleService,
    invitations: InvitationService,
    notifier: Notifier,
    i18n: I18nContext,
    state: FSMContext,
    consultations: ConsultationService,
) -> None:
    draft = RegistrationDraft.model_validate(await state.get_data())
    draft = draft.model_copy(update={"school": check.school(message.text or "")})
    await advance(message, actor, people, invitations, notifier, i18n, state, consultations, draft)


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
    draft = RegistrationDraft.model_validate(await state.get_data())
    draft = draft.model_copy(update={"subject": check.subject(message.text or "")})
    await advance(message, actor, people, invitations, notifier, i18n, state, consultations, draft)


async def advance(
    message: Message,
    actor: Actor,
    people: PeopleService,
    invitations: InvitationService,
    notifier: Notifier,
    i18n: I18nContext,
    state: FSMContext,
    consultations: ConsultationService,
    draft: RegistrationDraft,
) -> None:
    """Keeps the draft and takes the form's next step: a question, or joining."""
    then = next_step(draft)
    if then in {Then.ACCEPT_INVITATION, Then.REGISTER}:
        await finish(
            message, actor, people, invitations, notifier, i18n, state, consultations, draft
        )
        return
    await state.set_data(draft.data())
    if then == Then.ASK_NAME:
        await state.set_state(RegistrationForm.full_name)
        await message.answer(i18n.get("register-ask-name"))
    elif then == Then.ASK_SCHOOL:
        await state.set_state(RegistrationForm.school)
        await message.answer(i18n.get("register-ask-school", name=draft.full_name or ""))
    else:
        await state.set_state(RegistrationForm.subject)
        await message.answer(i18n.get("register-ask-subject"))


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
    draft: RegistrationDraft,
) -> None:
    registration = draft.registration()
    given = PendingConsent.from_data(draft.consent)
    if next_step(draft) == Then.ACCEPT_INVITATION:
        accepted = await invitations.accept(
            actor, draft.token or "", registration, locale=i18n.locale, consent=given
        )
        await state.clear()
        await joined(message, accepted, i18n, people, actor, notifier, consultations)
        return
    if registration is None:
        raise ValidationError("error-stale-button")
    await people.register(
        actor,
        registration,
        organisation_id=draft.organisation,
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
