"""The coordinator's screens: a new organisation, its bodies, and their rule settings."""

from __future__ import annotations

from enum import StrEnum

from aiogram import F, Router
from aiogram.filters import StateFilter
from aiogram.filters.callback_data import CallbackData
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import BufferedInputFile, CallbackQuery, InlineKeyboardMarkup, Message
from aiogram.utils.keyboard import InlineKeyboardBuilder
from aiogram_i18n import I18nContext
from pydantic import BaseModel

from bot.domain.eligibility import Ground, Setting, Title, Variant
from bot.domain.errors import AccessDenied, ValidationError
from bot.domain.model import BodyKind, Category
from bot.domain.records import Body, Organisation
from bot.domain.rules import RuleName
from bot.services.access import Actor
from bot.services.consent import ConsentService, OperatorView, sha256, valid_operator_field
from bot.services.settings import Settings
from bot.services.setup import TIMEZONES, OrganisationView, SetupService, valid_name
from handlers.filters import ANSWER, NOT_COMMAND
from handlers.menu import MenuCb, MenuScreen
from handlers.render import kind_label, local_date, message_of, requirement_label, zone_label


class OrgAction(StrEnum):
    """What an organisation button does."""

    TZ = "tz"
    NEW_BODY = "newbody"
    KIND = "kind"
    CITY = "city"
    PD = "pd"
    REGISTER = "register"
    VERSIONS = "versions"
    OPERATOR_EDIT = "opedit"
    COORDINATOR_INVITE = "coord"
    TEMPLATE = "template"
    ELIGIBILITY = "elig"


class OrgCb(CallbackData, prefix="o"):
    action: OrgAction
    id: int = 0  # organisation
    value: str = ""


class EligibilityCb(CallbackData, prefix="el"):
    """A variant of the asset's requirements chosen, or one custom threshold changed."""

    organisation: int
    variant: Variant | None = None
    setting: Setting | None = None
    value: str = ""


class RuleCb(CallbackData, prefix="rl"):
    body: int
    rule: RuleName


# Rules that are yes or no: a tap turns them over; the others are typed.
TOGGLES = frozenset({RuleName.CASTING_VOTE, RuleName.REVOTE})


class OrgForm(StatesGroup):
    name = State()
    timezone = State()


class BodyForm(StatesGroup):
    name = State()
    subject = State()


class BodyDraft(BaseModel):
    """A new body while it is being named, as the FSM storage keeps it (the keys and values it
    had before there was a model, so a form saved then still validates)."""

    organisation: int
    kind: BodyKind
    name: str | None = None

    def data(self) -> dict[str, object]:
        return self.model_dump(mode="json", exclude_none=True)


def next_body_state(draft: BodyDraft) -> State | None:
    """The question still open: the name, then the subject of an РМО; None once the body can
    be created."""
    if draft.name is None:
        return BodyForm.name
    if draft.kind == BodyKind.RMO:
        return BodyForm.subject
    return None


class RuleForm(StatesGroup):
    value = State()


class CityForm(StatesGroup):
    city = State()


class OperatorForm(StatesGroup):
    name = State()
    address = State()


def privacy_screen(view: OperatorView, i18n: I18nContext) -> tuple[str, InlineKeyboardMarkup]:
    """The organisation as the operator of personal data: its details and the consent text."""
    organisation, version = view.organisation, view.version
    text = i18n.get(
        "privacy-title",
        organisation=organisation.name,
        operator=organisation.operator_name or organisation.name,
        address=organisation.operator_address or i18n.get("consent-address-unset"),
        version=version.version,
        date=local_date(version.created_at, organisation.timezone),
    )
    kb = InlineKeyboardBuilder()
    for action, key in (
        (OrgAction.OPERATOR_EDIT, "privacy-operator-edit"),
        (OrgAction.REGISTER, "privacy-register"),
        (OrgAction.VERSIONS, "privacy-versions"),
    ):
        kb.button(text=i18n.get(key), callback_data=OrgCb(action=action, id=organisation.id))
    kb.button(
        text=i18n.get("button-back"),
        callback_data=MenuCb(screen=MenuScreen.ORGANISATION, id=organisation.id),
    )
    kb.adjust(1)
    return text, kb.as_markup()


def organisation_screen(
    view: OrganisationView, i18n: I18nContext
) -> tuple[str, InlineKeyboardMarkup]:
    organisation = view.organisation
    lines = [
        i18n.get(
            "org-title",
            name=organisation.name,
            timezone=zone_label(i18n, organisation.timezone),
            city=organisation.city or i18n.get("org-city-unset"),
        )
    ]
    lines.append(i18n.get("org-bodies", count=len(view.bodies)))
    kb = InlineKeyboardBuilder()
    for body in view.bodies:
        kb.button(
            text=f"{kind_label(i18n, body.kind)}: {body.name}",
            callback_data=MenuCb(screen=MenuScreen.BODY, id=body.id),
        )
    kb.button(
        text=i18n.get("org-new-body"),
        callback_data=OrgCb(action=OrgAction.NEW_BODY, id=organisation.id),
    )
    kb.button(
        text=i18n.get("org-city"), callback_data=OrgCb(action=OrgAction.CITY, id=organisation.id)
    )
    kb.button(
        text=i18n.get("org-eligibility"),
        callback_data=OrgCb(action=OrgAction.ELIGIBILITY, id=organisation.id),
    )
    kb.button(
        text=i18n.get("org-template"),
        callback_data=OrgCb(action=OrgAction.TEMPLATE, id=organisation.id),
    )
    kb.button(
        text=i18n.get("org-invite-coordinator"),
        callback_data=OrgCb(action=OrgAction.COORDINATOR_INVITE, id=organisation.id),
    )
    kb.button(
        text=i18n.get("profile-mydata"),
        callback_data=OrgCb(action=OrgAction.PD, id=organisation.id),
    )
    kb.button(text=i18n.get("button-menu"), callback_data=MenuCb(screen=MenuScreen.MAIN))
    kb.adjust(1)
    return "\n".join(lines), kb.as_markup()


def _custom_buttons(
    kb: InlineKeyboardBuilder, organisation: Organisation, i18n: I18nContext
) -> None:
    rules = organisation.eligibility

    def button(text: str, setting: Setting, value: str = "") -> None:
        kb.button(
            text=text,
            callback_data=EligibilityCb(
                organisation=organisation.id, setting=setting, value=value
            ),
        )

    def mark(on: bool) -> str:
        return "✅" if on else "▫️"

    button(
        i18n.get("eligibility-set-education", mark=mark(rules.higher_pedagogical)),
        Setting.EDUCATION,
    )
    button(
        i18n.get("eligibility-set-pedagogical", years=rules.pedagogical_years or 0),
        Setting.PEDAGOGICAL_YEARS,
    )
    button(
        i18n.get("eligibility-set-speciality", years=rules.speciality_years or 0),
        Setting.SPECIALITY_YEARS,
    )
    for category in (Category.FIRST, Category.HIGHEST):
        text = i18n.get(f"category-{category.value}")
        button(f"{mark(category in rules.categories)} {text}", Setting.CATEGORY, category.value)
    for title in Title:
        text = i18n.get(f"title-{title.value}")
        button(f"{mark(title in rules.titles)} {text}", Setting.TITLE, title.value)
    for ground in Ground:
        text = i18n.get(f"ground-{ground.value}")
        button(
            f"{mark(ground in rules.grounds)} {ground.item}. {text}", Setting.GROUND, ground.value
        )


def eligibility_screen(
    organisation: Organisation, i18n: I18nContext
) -> tuple[str, InlineKeyboardMarkup]:
    """The asset's requirements in force, the variants to choose, custom thresholds to set."""
    rules = organisation.eligibility
    lines = [i18n.get("eligibility-setting-title", organisation=organisation.name)]
    lines.append(i18n.get(f"eligibility-title-{rules.variant.value}"))
    lines += [
        i18n.get(
            "eligibility-setting-line",
            requirement=requirement_label(i18n, rules, requirement),
            clause=rules.clause(requirement) or "none",
        )
        for requirement in rules.requirements()
    ]
    if not rules.requirements():
        lines.append(i18n.get("eligibility-none"))
    kb = InlineKeyboardBuilder()
    for variant in Variant:
        chosen = "✅ " if variant is rules.variant else ""
        kb.button(
            text=chosen + i18n.get(f"eligibility-variant-{variant.value}"),
            callback_data=EligibilityCb(organisation=organisation.id, variant=variant),
        )
    if rules.variant is Variant.CUSTOM:
        _custom_buttons(kb, organisation, i18n)
    kb.button(
        text=i18n.get("button-back"),
        callback_data=MenuCb(screen=MenuScreen.ORGANISATION, id=organisation.id),
    )
    kb.adjust(1)
    return "\n".join(lines), kb.as_markup()


def rules_screen(body: Body, i18n: I18nContext) -> tuple[str, InlineKeyboardMarkup]:
    rules = body.rules
    text = i18n.get(
        "rules-title",
        body=body.name,
        quorum=str(rules.quorum),
        decision=str(rules.decision),
        majority=str(rules.majority),
        casting=i18n.get("rules-yes" if rules.chair_casting_vote else "rules-no"),
        revote=i18n.get("rules-yes" if rules.revote else "rules-no"),
        notice=rules.notice_days,
        proposal=rules.proposal_days,
        minutes=rules.minutes_days,
    )
    kb = InlineKeyboardBuilder()
    for rule in RuleName:
        kb.button(
            text=i18n.get(f"rules-button-{rule.value}"),
            callback_data=RuleCb(body=body.id, rule=rule),
        )
    kb.button(
        text=i18n.get("button-back"), callback_data=MenuCb(screen=MenuScreen.BODY, id=body.id)
    )
    kb.adjust(2, 2, 2, 2, 1)
    return text, kb.as_markup()


async def new_organisation(
    query: CallbackQuery, actor: Actor, i18n: I18nContext, state: FSMContext
) -> None:
    message = message_of(query)
    if not actor.is_admin:
        raise AccessDenied("error-not-allowed")
    await state.set_state(OrgForm.name)
    await message.answer(i18n.get("org-ask-name"))


async def got_org_name(
    message: Message, settings: Settings, i18n: I18nContext, state: FSMContext
) -> None:
    name = valid_name(message.text or "", key="setup-error-org-name")
    await state.update_data(name=name)
    await state.set_state(OrgForm.timezone)
    kb = InlineKeyboardBuilder()
    # The deployment's TIMEZONE comes first: most organisations of one deployment share it.
    order = sorted(enumerate(TIMEZONES), key=lambda pair: pair[1] != settings.timezone)
    for index, zone in order:
        kb.button(
            text=i18n.get(f"tz-{zone.replace('/', '-')}"),
            callback_data=OrgCb(action=OrgAction.TZ, value=str(index)),
        )
    kb.adjust(2)
    await message.answer(i18n.get("org-ask-timezone"), reply_markup=kb.as_markup())


async def got_timezone(
    query: CallbackQuery,
    callback_data: OrgCb,
    actor: Actor,
    setup: SetupService,
    i18n: I18nContext,
    state: FSMContext,
) -> None:
    index = int(callback_data.value) if callback_data.value.isdigit() else -1
    if not 0 <= index < len(TIMEZONES):
        raise ValidationError("setup-error-timezone", value=callback_data.value)
    data = await state.get_data()
    organisation = await setup.create_organisation(
        actor, name=data["name"], timezone=TIMEZONES[index]
    )
    await state.clear()
    text, markup = organisation_screen(await setup.organisation(actor, organisation.id), i18n)
    await message_of(query).edit_text(
        i18n.get("org-created", name=organisation.name) + "\n\n" + text, reply_markup=markup
    )


async def show_organisation(
    query: CallbackQuery,
    callback_data: MenuCb,
    actor: Actor,
    setup: SetupService,
    i18n: I18nContext,
) -> None:
    text, markup = organisation_screen(await setup.organisation(actor, callback_data.id), i18n)
    await message_of(query).edit_text(text, reply_markup=markup)


async def new_body(
    query: CallbackQuery,
    callback_data: OrgCb,
    actor: Actor,
    setup: SetupService,
    i18n: I18nContext,
) -> None:
    await setup.organisation(actor, callback_data.id)  # checks the coordinator's right
    kb = InlineKeyboardBuilder()
    for kind in BodyKind:
        kb.button(
            text=kind_label(i18n, kind),
            callback_data=OrgCb(action=OrgAction.KIND, id=callback_data.id, value=kind.value),
        )
    kb.button(
        text=i18n.get("button-back"),
        callback_data=MenuCb(screen=MenuScreen.ORGANISATION, id=callback_data.id),
    )
    kb.adjust(1)
    await message_of(query).edit_text(i18n.get("body-ask-kind"), reply_markup=kb.as_markup())


async def got_kind(
    query: CallbackQuery,
    callback_data: OrgCb,
    actor: Actor,
    setup: SetupService,
    i18n: I18nContext,
    state: FSMContext,
) -> None:
    await setup.organisation(actor, callback_data.id)
    draft = BodyDraft(organisation=callback_data.id, kind=BodyKind(callback_data.value))
    await state.set_state(next_body_state(draft))
    await state.set_data(draft.data())
    await message_of(query).answer(i18n.get(f"body-ask-name-{callback_data.value}"))


async def got_body_name(
    message: Message, actor: Actor, setup: SetupService, i18n: I18nContext, state: FSMContext
) -> None:
    name = valid_name(message.text or "", key="setup-error-body-name")
    draft = BodyDraft.model_validate(await state.get_data()).model_copy(update={"name": name})
    await state.set_data(draft.data())
    if next_body_state(draft) == BodyForm.subject:
        await state.set_state(BodyForm.subject)
        await message.answer(i18n.get("body-ask-subject"))
        return
    await create_body(message, actor, setup, i18n, state, subject=None)


async def got_body_subject(
    message: Message, actor: Actor, setup: SetupService, i18n: I18nContext, state: FSMContext
) -> None:
    await create_body(message, actor, setup, i18n, state, subject=message.text or "")


async def create_body(
    message: Message,
    actor: Actor,
    setup: SetupService,
    i18n: I18nContext,
    state: FSMContext,
    *,
    subject: str | None,
) -> None:
    draft = BodyDraft.model_validate(await state.get_data())
    body = await setup.create_body(
        actor,
        organisation_id=draft.organisation,
        kind=draft.kind,
        name=draft.name or "",
        subject=subject,
    )
    await state.clear()
    text, markup = organisation_screen(await setup.organisation(actor, body.organisation_id), i18n)
    await message.answer(
        i18n.get("body-created", name=body.name) + "\n\n" + text, reply_markup=markup
    )


async def toggle(
    query: CallbackQuery,
    callback_data: RuleCb,
    actor: Actor,
    setup: SetupService,
    i18n: I18nContext,
) -> None:
    body = await setup.change_rule(actor, callback_data.body, callback_data.rule, "")
    text, markup = rules_screen(body, i18n)
    await message_of(query).edit_text(text, reply_markup=markup)


async def ask_rule(
    query: CallbackQuery,
    callback_data: RuleCb,
    actor: Actor,
    setup: SetupService,
    i18n: I18nContext,
    state: FSMContext,
) -> None:
    await setup.body(actor, callback_data.body)  # checks the coordinator's right
    await state.set_state(RuleForm.value)
    await state.set_data({"body": callback_data.body, "rule": callback_data.rule.value})
    await message_of(query).answer(i18n.get(f"rules-ask-{callback_data.rule.value}"))


async def got_rule(
    message: Message, actor: Actor, setup: SetupService, i18n: I18nContext, state: FSMContext
) -> None:
    data = await state.get_data()
    body = await setup.change_rule(actor, data["body"], RuleName(data["rule"]), message.text or "")
    await state.clear()
    text, markup = rules_screen(body, i18n)
    await message.answer(i18n.get("rules-saved") + "\n\n" + text, reply_markup=markup)


async def ask_city(
    query: CallbackQuery,
    callback_data: OrgCb,
    actor: Actor,
    setup: SetupService,
    i18n: I18nContext,
    state: FSMContext,
) -> None:
    await setup.organisation(actor, callback_data.id)  # checks the coordinator's right
    await state.set_state(CityForm.city)
    await state.set_data({"organisation": callback_data.id})
    await message_of(query).answer(i18n.get("org-ask-city"))


async def got_city(
    message: Message, actor: Actor, setup: SetupService, i18n: I18nContext, state: FSMContext
) -> None:
    data = await state.get_data()
    view = await setup.set_city(actor, data["organisation"], message.text or "")
    await state.clear()
    text, markup = organisation_screen(view, i18n)
    await message.answer(i18n.get("org-city-saved") + "\n\n" + text, reply_markup=markup)


async def show_eligibility(
    query: CallbackQuery,
    callback_data: OrgCb,
    actor: Actor,
    setup: SetupService,
    i18n: I18nContext,
    state: FSMContext,
) -> None:
    await state.clear()
    text, markup = eligibility_screen(await setup.eligibility(actor, callback_data.id), i18n)
    await message_of(query).edit_text(text, reply_markup=markup)


async def change_eligibility(
    query: CallbackQuery,
    callback_data: EligibilityCb,
    actor: Actor,
    setup: SetupService,
    i18n: I18nContext,
) -> None:
    organisation = await setup.set_eligibility(
        actor,
        callback_data.organisation,
        variant=callback_data.variant,
        setting=callback_data.setting,
        value=callback_data.value,
    )
    text, markup = eligibility_screen(organisation, i18n)
    await message_of(query).edit_text(text, reply_markup=markup)


async def city_not_text(message: Message) -> None:
    raise ValidationError("form-error-text-expected")


async def show_privacy(
    query: CallbackQuery,
    callback_data: OrgCb,
    actor: Actor,
    consent: ConsentService,
    i18n: I18nContext,
    state: FSMContext,
) -> None:
    await state.clear()
    text, markup = privacy_screen(await consent.operator(actor, callback_data.id), i18n)
    await message_of(query).edit_text(text, reply_markup=markup)


async def ask_operator(
    query: CallbackQuery,
    callback_data: OrgCb,
    actor: Actor,
    consent: ConsentService,
    i18n: I18nContext,
    state: FSMContext,
) -> None:
    await consent.operator(actor, callback_data.id)  # checks the coordinator's right
    await state.set_state(OperatorForm.name)
    await state.set_data({"organisation": callback_data.id})
    await message_of(query).answer(i18n.get("privacy-ask-operator-name"))


async def got_operator_name(message: Message, i18n: I18nContext, state: FSMContext) -> None:
    name = valid_operator_field(message.text or "", "privacy-error-operator-name")
    await state.update_data(name=name)
    await state.set_state(OperatorForm.address)
    await message.answer(i18n.get("privacy-ask-operator-address"))


async def got_operator_address(
    message: Message,
    actor: Actor,
    consent: ConsentService,
    i18n: I18nContext,
    state: FSMContext,
) -> None:
    data = await state.get_data()
    view = await consent.set_operator(
        actor, data["organisation"], name=data["name"], address=message.text or ""
    )
    await state.clear()
    text, markup = privacy_screen(view, i18n)
    saved = i18n.get("privacy-saved", version=view.version.version)
    await message.answer(saved + "\n\n" + text, reply_markup=markup)


async def operator_not_text(message: Message) -> None:
    raise ValidationError("form-error-text-expected")


async def register(
    query: CallbackQuery,
    callback_data: OrgCb,
    actor: Actor,
    consent: ConsentService,
    i18n: I18nContext,
) -> None:
    headers = [
        i18n.get(f"privacy-register-{column}")
        for column in ("person", "basis", "version", "hash", "given", "withdrawn", "erased")
    ]
    words = {
        "basis-chat": i18n.get("privacy-basis-chat"),
        "basis-paper": i18n.get("privacy-basis-paper"),
        "erased": i18n.get("privacy-erased-mark"),
    }
    content = await consent.register_csv(actor, callback_data.id, headers, words)
    view = await consent.operator(actor, callback_data.id)
    await message_of(query).answer_document(
        BufferedInputFile(content, filename=f"consents-{callback_data.id}.csv"),
        caption=i18n.get("privacy-register-caption", organisation=view.organisation.name),
    )


async def versions(
    query: CallbackQuery,
    callback_data: OrgCb,
    actor: Actor,
    consent: ConsentService,
    i18n: I18nContext,
) -> None:
    parts = []
    for version in await consent.versions(actor, callback_data.id):
        for locale, text in version.texts.items():
            heading = i18n.get(
                "privacy-version-heading",
                version=version.version,
                locale=locale,
                date=version.created_at.strftime("%d.%m.%Y %H:%M UTC"),
                hash=sha256(text),
            )
            parts += [heading, text, ""]
    view = await consent.operator(actor, callback_data.id)
    await message_of(query).answer_document(
        BufferedInputFile(
            "\n".join(parts).encode("utf-8"), filename=f"consent-texts-{callback_data.id}.txt"
        ),
        caption=i18n.get("privacy-versions-caption", organisation=view.organisation.name),
    )


async def show_rules(
    query: CallbackQuery,
    callback_data: MenuCb,
    actor: Actor,
    setup: SetupService,
    i18n: I18nContext,
) -> None:
    text, markup = rules_screen(await setup.body(actor, callback_data.id), i18n)
    await message_of(query).edit_text(text, reply_markup=markup)


def router() -> Router:
    r = Router(name="setup")
    r.callback_query.register(
        new_organisation, MenuCb.filter(F.screen == MenuScreen.NEW_ORGANISATION)
    )
    r.message.register(got_org_name, StateFilter(OrgForm.name), ANSWER)
    r.callback_query.register(
        got_timezone, StateFilter(OrgForm.timezone), OrgCb.filter(F.action == OrgAction.TZ)
    )
    r.callback_query.register(
        show_organisation, MenuCb.filter(F.screen == MenuScreen.ORGANISATION)
    )
    r.callback_query.register(new_body, OrgCb.filter(F.action == OrgAction.NEW_BODY))
    r.callback_query.register(
        got_kind,
        OrgCb.filter(F.action == OrgAction.KIND),
        OrgCb.filter(F.value.in_(list(BodyKind))),
    )
    r.message.register(got_body_name, StateFilter(BodyForm.name), ANSWER)
    r.message.register(got_body_subject, StateFilter(BodyForm.subject), ANSWER)
    r.callback_query.register(toggle, RuleCb.filter(F.rule.in_(TOGGLES)))
    r.callback_query.register(ask_rule, RuleCb.filter())
    r.message.register(got_rule, StateFilter(RuleForm.value), ANSWER)
    r.callback_query.register(ask_city, OrgCb.filter(F.action == OrgAction.CITY))
    r.message.register(got_city, StateFilter(CityForm.city), ANSWER)
    r.message.register(city_not_text, StateFilter(CityForm.city), NOT_COMMAND)
    r.callback_query.register(show_eligibility, OrgCb.filter(F.action == OrgAction.ELIGIBILITY))
    r.callback_query.register(change_eligibility, EligibilityCb.filter())
    r.callback_query.register(show_privacy, OrgCb.filter(F.action == OrgAction.PD))
    r.callback_query.register(ask_operator, OrgCb.filter(F.action == OrgAction.OPERATOR_EDIT))
    r.message.register(got_operator_name, StateFilter(OperatorForm.name), ANSWER)
    r.message.register(got_operator_address, StateFilter(OperatorForm.address), ANSWER)
    r.message.register(operator_not_text, StateFilter(OperatorForm.address), NOT_COMMAND)
    r.message.register(operator_not_text, StateFilter(OperatorForm.name), NOT_COMMAND)
    r.callback_query.register(register, OrgCb.filter(F.action == OrgAction.REGISTER))
    r.callback_query.register(versions, OrgCb.filter(F.action == OrgAction.VERSIONS))
    r.callback_query.register(show_rules, MenuCb.filter(F.screen == MenuScreen.RULES))
    return r
