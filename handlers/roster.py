"""The roster of one body, as its secretary keeps it from a phone: the list, a member's card,
roles, removal, people without Telegram, and CSV in and out."""

from __future__ import annotations

from enum import StrEnum

from aiogram import Bot, F, Router
from aiogram.filters import StateFilter
from aiogram.filters.callback_data import CallbackData
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import BufferedInputFile, CallbackQuery, InlineKeyboardMarkup, Message
from aiogram.utils.keyboard import InlineKeyboardBuilder
from aiogram_i18n import I18nContext

from bot.domain import people as check
from bot.domain.errors import ValidationError
from bot.domain.model import BodyKind, Role
from bot.domain.records import Person
from bot.domain.roster_csv import MAX_BYTES, MAX_LINES
from bot.services.access import Actor
from bot.services.roster import ImportPreview, Member, NewMember, Roster, RosterService
from bot.views.notice_texts import MeetingAction, MeetingCb
from handlers.filters import ANSWER, DOCUMENT, NOT_COMMAND
from handlers.menu import MenuCb, MenuScreen
from handlers.render import assessment_block, kind_label, local_date, message_of, role_label

PAGE = 10


class BodyAction(StrEnum):
    """What a body button does."""

    LIST = "list"
    ADD = "add"
    IMPORT = "import"
    IMPORT_YES = "importyes"
    IMPORT_PAPER = "importpaper"
    EXPORT = "export"


class BodyCb(CallbackData, prefix="b"):
    action: BodyAction
    id: int
    page: int = 0


class MemberAction(StrEnum):
    """What a roster member's button does."""

    SHOW = "show"
    PAPER = "paper"
    ROLE = "role"
    SET_ROLE = "setrole"
    REMOVE = "remove"
    REMOVE_YES = "removeyes"
    LINK = "link"
    ADD_ROLE = "addrole"
    ADD_PAPER = "addpaper"


class MemberCb(CallbackData, prefix="mb"):
    action: MemberAction
    id: int  # membership
    role: str = ""


class AddForm(StatesGroup):
    full_name = State()
    school = State()
    subject = State()
    role = State()
    paper = State()


class ImportForm(StatesGroup):
    file = State()
    confirm = State()
    paper = State()


# Roles offered on a member card and in the by-hand form: (role, methodist) by short code.
ROLE_CHOICES: dict[str, tuple[Role, bool]] = {
    "m": (Role.MEMBER, False),
    "x": (Role.MEMBER, True),
    "g": (Role.GUEST, False),
    "s": (Role.SECRETARY, False),
    "d": (Role.DEPUTY, False),
    "c": (Role.CHAIR, False),
}


def role_codes(kind: BodyKind) -> list[str]:
    """Methodists belong to the asset only (asset 3.1)."""
    return [code for code in ROLE_CHOICES if code != "x" or kind is BodyKind.ASSET]


def reach_mark(i18n: I18nContext, person: Person) -> str:
    if person.telegram_id is None:
        return i18n.get("roster-mark-no-telegram")
    return i18n.get("roster-mark-ok" if person.reachable else "roster-mark-blocked")


def body_screen(roster: Roster, i18n: I18nContext) -> tuple[str, InlineKeyboardMarkup]:
    body = roster.body
    entries = roster.entries
    on_telegram = sum(
        1 for e in entries if e.person.telegram_id is not None and e.person.reachable
    )
    text = i18n.get(
        "body-title",
        kind=kind_label(i18n, body.kind),
        name=body.name,
        subject=body.subject or "-",
        members=sum(1 for e in entries if e.membership.role.votes),
        guests=sum(1 for e in entries if not e.membership.role.votes),
        telegram=on_telegram,
        total=len(entries),
    )
    kb = InlineKeyboardBuilder()
    kb.button(
        text=i18n.get("body-new-meeting"),
        callback_data=MeetingCb(action=MeetingAction.NEW, id=body.id),
    )
    kb.button(
        text=i18n.get("body-roster"), callback_data=BodyCb(action=BodyAction.LIST, id=body.id)
    )
    kb.button(text=i18n.get("body-invite"), callback_data=InviteStartCb(body=body.id))
    kb.button(text=i18n.get("body-add"), callback_data=BodyCb(action=BodyAction.ADD, id=body.id))
    kb.button(
        text=i18n.get("body-import"), callback_data=BodyCb(action=BodyAction.IMPORT, id=body.id)
    )
    kb.button(
        text=i18n.get("body-export"), callback_data=BodyCb(action=BodyAction.EXPORT, id=body.id)
    )
    kb.button(
        text=i18n.get("body-group"),
        callback_data=MeetingCb(action=MeetingAction.GROUP, id=body.id),
    )
    if roster.access.coordinator:
        kb.button(
            text=i18n.get("body-rules"), callback_data=MenuCb(screen=MenuScreen.RULES, id=body.id)
        )
        kb.button(
            text=i18n.get("button-back"),
            callback_data=MenuCb(screen=MenuScreen.ORGANISATION, id=body.organisation_id),
        )
    else:
        kb.button(text=i18n.get("button-menu"), callback_data=MenuCb(screen=MenuScreen.MAIN))
    kb.adjust(1, 1, 2, 2, 2, 1, 1)
    return text, kb.as_markup()


def roster_page(roster: Roster, page: int, i18n: I18nContext) -> tuple[str, InlineKeyboardMarkup]:
    entries = roster.entries
    pages = max(1, -(-len(entries) // PAGE))
    page = min(max(page, 0), pages - 1)
    shown = entries[page * PAGE : (page + 1) * PAGE]
    lines = [i18n.get("roster-title", body=roster.body.name, count=len(entries))]
    lines += [
        i18n.get(
            "roster-line",
            number=page * PAGE + index + 1,
            name=e.person.full_name,
            role=role_label(i18n, e.membership.role, e.membership.is_methodist),
            mark=reach_mark(i18n, e.person),
        )
        for index, e in enumerate(shown)
    ]
    if not entries:
        lines.append(i18n.get("roster-empty"))
    kb = InlineKeyboardBuilder()
    for index, e in enumerate(shown):
        kb.button(
            text=f"{page * PAGE + index + 1}. {e.person.full_name}",
            callback_data=MemberCb(action=MemberAction.SHOW, id=e.membership.id),
        )
    nav = []
    if page > 0:
        nav.append(("«", page - 1))
    if page < pages - 1:
        nav.append(("»", page + 1))
    for label, target in nav:
        kb.button(
            text=label,
            callback_data=BodyCb(action=BodyAction.LIST, id=roster.body.id, page=target),
        )
    kb.button(
        text=i18n.get("button-back"),
        callback_data=MenuCb(screen=MenuScreen.BODY, id=roster.body.id),
    )
    kb.adjust(*([1] * len(shown)), max(len(nav), 1), 1)
    if pages > 1:
        lines.append(i18n.get("roster-page", page=page + 1, pages=pages))
    return "\n".join(lines), kb.as_markup()


def member_card(member: Member, i18n: I18nContext) -> tuple[str, InlineKeyboardMarkup]:
    person, membership = member.entry.person, member.entry.membership
    text = i18n.get(
        "member-card",
        name=person.full_name,
        school=person.school or "-",
        subject=person.subject or "-",
        role=role_label(i18n, membership.role, membership.is_methodist),
        since=local_date(membership.started_at, member.body.timezone),
        mark=reach_mark(i18n, person),
    )
    if member.without_consent:
        text += "\n" + i18n.get("member-no-consent")
    if member.eligibility is not None and member.rules is not None:
        text += "\n\n" + assessment_block(i18n, member.eligibility, member.rules)
    kb = InlineKeyboardBuilder()
    kb.button(
        text=i18n.get("member-change-role"),
        callback_data=MemberCb(action=MemberAction.ROLE, id=membership.id),
    )
    kb.button(
        text=i18n.get("member-remove"),
        callback_data=MemberCb(action=MemberAction.REMOVE, id=membership.id),
    )
    if person.telegram_id is None:
        kb.button(
            text=i18n.get("member-link"),
            callback_data=MemberCb(action=MemberAction.LINK, id=membership.id),
        )
    if member.without_consent:
        kb.button(
            text=i18n.get("member-paper-consent"),
            callback_data=MemberCb(action=MemberAction.PAPER, id=membership.id),
        )
    kb.button(
        text=i18n.get("button-back"),
        callback_data=BodyCb(action=BodyAction.LIST, id=membership.body_id),
    )
    kb.adjust(1)
    return text, kb.as_markup()


def role_markup(
    kind: BodyKind,
    i18n: I18nContext,
    *,
    membership: int,
    action: MemberAction = MemberAction.SET_ROLE,
) -> InlineKeyboardMarkup:
    kb = InlineKeyboardBuilder()
    for code in role_codes(kind):
        role, methodist = ROLE_CHOICES[code]
        kb.button(
            text=role_label(i18n, role, methodist),
            callback_data=MemberCb(action=action, id=membership, role=code),
        )
    kb.adjust(2)
    return kb.as_markup()


def preview_text(preview: ImportPreview, i18n: I18nContext) -> str:
    lines = [i18n.get("import-preview", new=len(preview.new), present=len(preview.present))]
    lines += [
        i18n.get(
            "import-preview-line",
            line=row.line,
            name=row.full_name,
            role=role_label(i18n, row.role, row.is_methodist),
        )
        for row in preview.new[:50]
    ]
    if len(preview.new) > 50:
        lines.append(i18n.get("import-preview-more", count=len(preview.new) - 50))
    return "\n".join(lines)


class InviteStartCb(CallbackData, prefix="iv"):
    """Opens the invitation form of a body (handlers/invitations.py)."""

    body: int


async def show_body(
    query: CallbackQuery,
    callback_data: MenuCb,
    actor: Actor,
    roster: RosterService,
    i18n: I18nContext,
    state: FSMContext,
) -> None:
    await state.clear()
    text, markup = body_screen(await roster.roster(actor, callback_data.id), i18n)
    await message_of(query).edit_text(text, reply_markup=markup)


async def show_roster(
    query: CallbackQuery,
    callback_data: BodyCb,
    actor: Actor,
    roster: RosterService,
    i18n: I18nContext,
) -> None:
    page = roster_page(await roster.roster(actor, callback_data.id), callback_data.page, i18n)
    await message_of(query).edit_text(page[0], reply_markup=page[1])


async def show_member(
    query: CallbackQuery,
    callback_data: MemberCb,
    actor: Actor,
    roster: RosterService,
    i18n: I18nContext,
) -> None:
    text, markup = member_card(await roster.member(actor, callback_data.id), i18n)
    await message_of(query).edit_text(text, reply_markup=markup)


async def record_paper(
    query: CallbackQuery,
    callback_data: MemberCb,
    actor: Actor,
    roster: RosterService,
    i18n: I18nContext,
) -> None:
    member = await roster.record_paper_consent(actor, callback_data.id)
    text, markup = member_card(member, i18n)
    await message_of(query).edit_text(
        i18n.get("member-paper-consent-done") + "\n\n" + text, reply_markup=markup
    )


async def choose_role(
    query: CallbackQuery,
    callback_data: MemberCb,
    actor: Actor,
    roster: RosterService,
    i18n: I18nContext,
) -> None:
    member = await roster.member(actor, callback_data.id)
    await message_of(query).edit_text(
        i18n.get("member-choose-role", name=member.entry.person.full_name),
        reply_markup=role_markup(member.body.kind, i18n, membership=callback_data.id),
    )


async def set_role(
    query: CallbackQuery,
    callback_data: MemberCb,
    actor: Actor,
    roster: RosterService,
    i18n: I18nContext,
) -> None:
    role, methodist = ROLE_CHOICES[callback_data.role]
    member = await roster.change_role(actor, callback_data.id, role, is_methodist=methodist)
    text, markup = member_card(member, i18n)
    await message_of(query).edit_text(
        i18n.get("member-role-changed") + "\n\n" + text, reply_markup=markup
    )


async def confirm_remove(
    query: CallbackQuery,
    callback_data: MemberCb,
    actor: Actor,
    roster: RosterService,
    i18n: I18nContext,
) -> None:
    member = await roster.member(actor, callback_data.id)
    kb = InlineKeyboardBuilder()
    kb.button(
        text=i18n.get("member-remove-yes"),
        callback_data=MemberCb(action=MemberAction.REMOVE_YES, id=callback_data.id),
    )
    kb.button(
        text=i18n.get("button-back"),
        callback_data=MemberCb(action=MemberAction.SHOW, id=callback_data.id),
    )
    await message_of(query).edit_text(
        i18n.get(
            "member-remove-confirm", name=member.entry.person.full_name, body=member.body.name
        ),
        reply_markup=kb.as_markup(),
    )


async def remove(
    query: CallbackQuery,
    callback_data: MemberCb,
    actor: Actor,
    roster: RosterService,
    i18n: I18nContext,
) -> None:
    member = await roster.deactivate(actor, callback_data.id)
    page = roster_page(await roster.roster(actor, member.body.id), 0, i18n)
    await message_of(query).edit_text(
        i18n.get("member-removed", name=member.entry.person.full_name) + "\n\n" + page[0],
        reply_markup=page[1],
    )


async def add_start(
    query: CallbackQuery,
    callback_data: BodyCb,
    actor: Actor,
    roster: RosterService,
    i18n: I18nContext,
    state: FSMContext,
) -> None:
    await roster.roster(actor, callback_data.id)  # checks the right before the form
    await state.set_state(AddForm.full_name)
    await state.set_data({"body": callback_data.id})
    await message_of(query).answer(i18n.get("add-ask-name"))


async def add_name(message: Message, i18n: I18nContext, state: FSMContext) -> None:
    await state.update_data(full_name=check.full_name(message.text or ""))
    await state.set_state(AddForm.school)
    await message.answer(i18n.get("add-ask-school"))


async def add_school(message: Message, i18n: I18nContext, state: FSMContext) -> None:
    await state.update_data(school=check.school(message.text or ""))
    await state.set_state(AddForm.subject)
    await message.answer(i18n.get("add-ask-subject"))


async def add_subject(
    message: Message, actor: Actor, roster: RosterService, i18n: I18nContext, state: FSMContext
) -> None:
    data = await state.update_data(subject=check.subject(message.text or ""))
    body = (await roster.roster(actor, data["body"])).body
    await state.set_state(AddForm.role)
    await message.answer(
        i18n.get("add-ask-role"),
        reply_markup=role_markup(body.kind, i18n, membership=0, action=MemberAction.ADD_ROLE),
    )


async def add_role(
    query: CallbackQuery, callback_data: MemberCb, i18n: I18nContext, state: FSMContext
) -> None:
    await state.update_data(role=callback_data.role)
    await state.set_state(AddForm.paper)
    kb = InlineKeyboardBuilder()
    kb.button(
        text=i18n.get("paper-consent-yes"),
        callback_data=MemberCb(action=MemberAction.ADD_PAPER, id=0),
    )
    kb.button(text=i18n.get("button-cancel"), callback_data=MenuCb(screen=MenuScreen.MAIN))
    kb.adjust(1)
    await message_of(query).edit_text(
        i18n.get("paper-consent-confirm"), reply_markup=kb.as_markup()
    )


async def add_paper(
    query: CallbackQuery,
    actor: Actor,
    roster: RosterService,
    i18n: I18nContext,
    state: FSMContext,
) -> None:
    data = await state.get_data()
    role, methodist = ROLE_CHOICES[data["role"]]
    member = await roster.add_by_hand(
        actor,
        data["body"],
        NewMember(data["full_name"], data["school"], data["subject"], role, methodist),
        paper_consent=True,
    )
    await state.clear()
    text, markup = member_card(member, i18n)
    await message_of(query).edit_text(i18n.get("add-done") + "\n\n" + text, reply_markup=markup)


async def add_not_text(message: Message) -> None:
    raise ValidationError("form-error-text-expected")


async def import_start(
    query: CallbackQuery,
    callback_data: BodyCb,
    actor: Actor,
    roster: RosterService,
    i18n: I18nContext,
    state: FSMContext,
) -> None:
    await roster.roster(actor, callback_data.id)
    await state.set_state(ImportForm.file)
    await state.set_data({"body": callback_data.id})
    await message_of(query).answer(i18n.get("import-ask-file"))


async def import_file(
    message: Message,
    bot: Bot,
    actor: Actor,
    roster: RosterService,
    i18n: I18nContext,
    state: FSMContext,
) -> None:
    document = message.document
    assert document is not None  # noqa: S101 - the filter F.document guarantees it
    if (document.file_size or 0) > MAX_BYTES:
        raise too_large()
    data = await state.get_data()
    content = await download(bot, document.file_id)
    preview = await roster.preview_import(actor, data["body"], content)
    if not preview.new:
        await state.clear()
        await message.answer(i18n.get("import-nothing-new", present=len(preview.present)))
        return
    await state.update_data(file_id=document.file_id)
    await state.set_state(ImportForm.confirm)
    kb = InlineKeyboardBuilder()
    kb.button(
        text=i18n.get("import-confirm", count=len(preview.new)),
        callback_data=BodyCb(action=BodyAction.IMPORT_YES, id=data["body"]),
    )
    kb.button(
        text=i18n.get("button-cancel"),
        callback_data=MenuCb(screen=MenuScreen.BODY, id=data["body"]),
    )
    kb.adjust(1)
    await message.answer(preview_text(preview, i18n), reply_markup=kb.as_markup())


async def import_not_file(message: Message) -> None:
    raise ValidationError("import-error-not-file")


async def import_confirm(
    query: CallbackQuery,
    callback_data: BodyCb,
    bot: Bot,
    actor: Actor,
    roster: RosterService,
    i18n: I18nContext,
    state: FSMContext,
) -> None:
    data = await state.get_data()
    if data.get("body") != callback_data.id:
        raise ValidationError("error-stale-button")
    preview = await roster.preview_import(
        actor, callback_data.id, await download(bot, data["file_id"])
    )
    await state.set_state(ImportForm.paper)
    kb = InlineKeyboardBuilder()
    kb.button(
        text=i18n.get("paper-consent-yes"),
        callback_data=BodyCb(action=BodyAction.IMPORT_PAPER, id=callback_data.id),
    )
    kb.button(
        text=i18n.get("button-cancel"),
        callback_data=MenuCb(screen=MenuScreen.BODY, id=callback_data.id),
    )
    kb.adjust(1)
    await message_of(query).edit_text(
        i18n.get("paper-consent-confirm-import", count=len(preview.new)),
        reply_markup=kb.as_markup(),
    )


async def import_paper(
    query: CallbackQuery,
    callback_data: BodyCb,
    bot: Bot,
    actor: Actor,
    roster: RosterService,
    i18n: I18nContext,
    state: FSMContext,
) -> None:
    data = await state.get_data()
    if data.get("body") != callback_data.id:
        raise ValidationError("error-stale-button")
    content = await download(bot, data["file_id"])
    await state.clear()
    result = await roster.import_file(actor, callback_data.id, content, paper_consent=True)
    await message_of(query).edit_text(
        i18n.get("import-done", count=len(result.new), present=len(result.present))
    )
    text, markup = body_screen(await roster.roster(actor, callback_data.id), i18n)
    await message_of(query).answer(text, reply_markup=markup)


async def export(
    query: CallbackQuery,
    callback_data: BodyCb,
    actor: Actor,
    roster: RosterService,
    i18n: I18nContext,
) -> None:
    body, content = await roster.export(actor, callback_data.id, locale=i18n.locale)
    await message_of(query).answer_document(
        BufferedInputFile(content, filename=f"roster-{body.id}.csv"),
        caption=i18n.get("export-caption", body=body.name),
    )


def router() -> Router:
    r = Router(name="roster")
    r.callback_query.register(show_body, MenuCb.filter(F.screen == MenuScreen.BODY))
    r.callback_query.register(show_roster, BodyCb.filter(F.action == BodyAction.LIST))
    r.callback_query.register(show_member, MemberCb.filter(F.action == MemberAction.SHOW))
    r.callback_query.register(record_paper, MemberCb.filter(F.action == MemberAction.PAPER))
    r.callback_query.register(choose_role, MemberCb.filter(F.action == MemberAction.ROLE))
    r.callback_query.register(
        set_role,
        MemberCb.filter(F.action == MemberAction.SET_ROLE),
        MemberCb.filter(F.role.in_(ROLE_CHOICES)),
    )
    r.callback_query.register(confirm_remove, MemberCb.filter(F.action == MemberAction.REMOVE))
    r.callback_query.register(remove, MemberCb.filter(F.action == MemberAction.REMOVE_YES))
    r.callback_query.register(add_start, BodyCb.filter(F.action == BodyAction.ADD))
    r.message.register(add_name, StateFilter(AddForm.full_name), ANSWER)
    r.message.register(add_school, StateFilter(AddForm.school), ANSWER)
    r.message.register(add_subject, StateFilter(AddForm.subject), ANSWER)
    r.callback_query.register(
        add_role,
        StateFilter(AddForm.role),
        MemberCb.filter(F.action == MemberAction.ADD_ROLE),
        MemberCb.filter(F.role.in_(ROLE_CHOICES)),
    )
    r.callback_query.register(
        add_paper, StateFilter(AddForm.paper), MemberCb.filter(F.action == MemberAction.ADD_PAPER)
    )
    r.message.register(add_not_text, StateFilter(AddForm.subject), NOT_COMMAND)
    r.message.register(add_not_text, StateFilter(AddForm.school), NOT_COMMAND)
    r.message.register(add_not_text, StateFilter(AddForm.full_name), NOT_COMMAND)
    r.callback_query.register(import_start, BodyCb.filter(F.action == BodyAction.IMPORT))
    r.message.register(import_file, StateFilter(ImportForm.file), DOCUMENT)
    r.message.register(import_not_file, StateFilter(ImportForm.file), NOT_COMMAND)
    r.callback_query.register(
        import_confirm,
        StateFilter(ImportForm.confirm),
        BodyCb.filter(F.action == BodyAction.IMPORT_YES),
    )
    r.callback_query.register(
        import_paper,
        StateFilter(ImportForm.paper),
        BodyCb.filter(F.action == BodyAction.IMPORT_PAPER),
    )
    r.callback_query.register(export, BodyCb.filter(F.action == BodyAction.EXPORT))
    return r


async def download(bot: Bot, file_id: str) -> bytes:
    """The bytes of a file a person sent, within the upload limit."""
    buffer = await bot.download(file_id)
    if buffer is None:
        raise ValidationError("import-error-not-file")
    content = buffer.read()
    if len(content) > MAX_BYTES:
        raise too_large()
    return content


def too_large() -> ValidationError:
    return ValidationError(
        "roster-csv-too-large", max_lines=MAX_LINES, max_mb=MAX_BYTES // (1024 * 1024)
    )
