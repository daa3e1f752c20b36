"""Making invitation links: for a body and role (the secretary, the chair, the coordinator), for
a coordinator of the organisation, and personal links for people added by hand."""

from __future__ import annotations

from aiogram import Bot, F, Router
from aiogram.filters.callback_data import CallbackData
from aiogram.types import CallbackQuery, InlineKeyboardMarkup
from aiogram.utils.deep_linking import create_start_link
from aiogram.utils.keyboard import InlineKeyboardBuilder
from aiogram_i18n import I18nContext

from bot.services.access import Actor
from bot.services.invitations import DAYS_CHOICES, USES_CHOICES, InvitationService, Issued
from bot.services.roster import RosterService
from handlers.menu import MenuCb, MenuScreen
from handlers.render import local_time, message_of, role_label
from handlers.roster import ROLE_CHOICES, InviteStartCb, MemberAction, MemberCb, role_codes
from handlers.setup import OrgAction, OrgCb


class InviteCb(CallbackData, prefix="i"):
    body: int
    role: str
    uses: int = 0
    days: int = 0


class CoordinatorInviteCb(CallbackData, prefix="ci"):
    organisation: int
    days: int


def choices(
    i18n: I18nContext, key: str, values: tuple[int, ...], make: type[CallbackData], **fixed: object
) -> InlineKeyboardMarkup:
    kb = InlineKeyboardBuilder()
    field = "uses" if values is USES_CHOICES else "days"
    for value in values:
        kb.button(text=i18n.get(key, count=value), callback_data=make(**fixed, **{field: value}))
    kb.adjust(len(values))
    return kb.as_markup()


async def link_text(
    bot: Bot, i18n: I18nContext, issued: Issued, *, key: str, **params: str | int
) -> str:
    invitation = issued.invitation
    link = await create_start_link(bot, invitation.token)
    expires = local_time(invitation.expires_at, issued.timezone)
    return i18n.get(key, link=link, uses=invitation.max_uses, expires=expires, **params)


async def choose_role(
    query: CallbackQuery,
    callback_data: InviteStartCb,
    actor: Actor,
    roster: RosterService,
    i18n: I18nContext,
) -> None:
    body = (await roster.roster(actor, callback_data.body)).body
    kb = InlineKeyboardBuilder()
    for code in role_codes(body.kind):
        role, methodist = ROLE_CHOICES[code]
        kb.button(
            text=role_label(i18n, role, methodist),
            callback_data=InviteCb(body=body.id, role=code),
        )
    kb.button(
        text=i18n.get("button-back"), callback_data=MenuCb(screen=MenuScreen.BODY, id=body.id)
    )
    kb.adjust(2)
    await message_of(query).edit_text(
        i18n.get("invite-ask-role", body=body.name), reply_markup=kb.as_markup()
    )


async def choose_uses(
    query: CallbackQuery,
    callback_data: InviteCb,
    actor: Actor,
    invitations: InvitationService,
    i18n: I18nContext,
) -> None:
    await invitations.require_inviter(actor, callback_data.body)
    await message_of(query).edit_text(
        i18n.get("invite-ask-uses"),
        reply_markup=choices(
            i18n,
            "invite-uses",
            USES_CHOICES,
            InviteCb,
            body=callback_data.body,
            role=callback_data.role,
        ),
    )


async def choose_days(
    query: CallbackQuery,
    callback_data: InviteCb,
    actor: Actor,
    invitations: InvitationService,
    i18n: I18nContext,
) -> None:
    await invitations.require_inviter(actor, callback_data.body)
    await message_of(query).edit_text(
        i18n.get("invite-ask-days"),
        reply_markup=choices(
            i18n,
            "invite-days",
            DAYS_CHOICES,
            InviteCb,
            body=callback_data.body,
            role=callback_data.role,
            uses=callback_data.uses,
        ),
    )


async def create(
    query: CallbackQuery,
    callback_data: InviteCb,
    bot: Bot,
    actor: Actor,
    invitations: InvitationService,
    i18n: I18nContext,
) -> None:
    role, methodist = ROLE_CHOICES[callback_data.role]
    issued = await invitations.create_for_body(
        actor,
        body_id=callback_data.body,
        role=role,
        is_methodist=methodist,
        max_uses=callback_data.uses,
        days=callback_data.days,
    )
    kb = InlineKeyboardBuilder()
    kb.button(
        text=i18n.get("button-back"),
        callback_data=MenuCb(screen=MenuScreen.BODY, id=callback_data.body),
    )
    text = await link_text(
        bot, i18n, issued, key="invite-link", role=role_label(i18n, role, methodist)
    )
    await message_of(query).edit_text(text, reply_markup=kb.as_markup())


async def coordinator_days(
    query: CallbackQuery,
    callback_data: OrgCb,
    actor: Actor,
    invitations: InvitationService,
    i18n: I18nContext,
) -> None:
    await invitations.require_coordinator_inviter(actor, callback_data.id)
    await message_of(query).edit_text(
        i18n.get("invite-coordinator-ask-days"),
        reply_markup=choices(
            i18n,
            "invite-days",
            DAYS_CHOICES,
            CoordinatorInviteCb,
            organisation=callback_data.id,
        ),
    )


async def coordinator_link(
    query: CallbackQuery,
    callback_data: CoordinatorInviteCb,
    bot: Bot,
    actor: Actor,
    invitations: InvitationService,
    i18n: I18nContext,
) -> None:
    issued = await invitations.create_for_coordinator(
        actor, organisation_id=callback_data.organisation, days=callback_data.days
    )
    kb = InlineKeyboardBuilder()
    kb.button(
        text=i18n.get("button-back"),
        callback_data=MenuCb(screen=MenuScreen.ORGANISATION, id=callback_data.organisation),
    )
    await message_of(query).edit_text(
        await link_text(bot, i18n, issued, key="invite-coordinator-link"),
        reply_markup=kb.as_markup(),
    )


async def personal_link(
    query: CallbackQuery,
    callback_data: MemberCb,
    bot: Bot,
    actor: Actor,
    invitations: InvitationService,
    roster: RosterService,
    i18n: I18nContext,
) -> None:
    issued = await invitations.create_personal(actor, membership_id=callback_data.id)
    member = await roster.member(actor, callback_data.id)
    kb = InlineKeyboardBuilder()
    kb.button(
        text=i18n.get("button-back"),
        callback_data=MemberCb(action=MemberAction.SHOW, id=callback_data.id),
    )
    text = await link_text(
        bot, i18n, issued, key="invite-personal-link", name=member.entry.person.full_name
    )
    await message_of(query).edit_text(text, reply_markup=kb.as_markup())


def router() -> Router:
    r = Router(name="invitations")
    r.callback_query.register(choose_role, InviteStartCb.filter())
    r.callback_query.register(
        choose_uses, InviteCb.filter(F.uses == 0), InviteCb.filter(F.role.in_(ROLE_CHOICES))
    )
    r.callback_query.register(
        choose_days, InviteCb.filter(F.days == 0), InviteCb.filter(F.role.in_(ROLE_CHOICES))
    )
    r.callback_query.register(create, InviteCb.filter(F.role.in_(ROLE_CHOICES)))
    r.callback_query.register(
        coordinator_days, OrgCb.filter(F.action == OrgAction.COORDINATOR_INVITE)
    )
    r.callback_query.register(coordinator_link, CoordinatorInviteCb.filter())
    r.callback_query.register(personal_link, MemberCb.filter(F.action == MemberAction.LINK))
    return r
