"""Every administrative button, forged by a plain member and by a stranger, is refused at the
first press: no confirmation screen, no form, no list of other people (issue 14, item 9)."""

from __future__ import annotations

from aiogram.filters.callback_data import CallbackData

from bot.domain.eligibility import Setting, Variant
from bot.domain.rules import RuleName
from bot.views.notice_texts import MeetingAction, MeetingCb
from handlers.consultations import AskCb, AskStep
from handlers.invitations import CoordinatorInviteCb, InviteCb
from handlers.meetings import ProposalAction, ProposalCb
from handlers.menu import MenuCb, MenuScreen
from handlers.minutes import MinutesAction, MinutesCb
from handlers.plan import PlanAction, PlanCb
from handlers.roster import BodyAction, BodyCb, InviteStartCb, MemberAction, MemberCb
from handlers.setup import EligibilityCb, OrgAction, OrgCb, RuleCb
from handlers.voting import VoteAction, VoteCb
from storage import bodies
from tests.factories import person
from tests.fakegram import Person
from tests.harness import BotUnderTest
from tests.steps import announce, close_hybrid_meeting

ORGANISATION, BODY, CLOSED, LIVE, MINUTES, PROPOSAL = 1, 1, 1, 2, 1, 1
STRANGER = 9009


def administrative(membership: int, voter: int) -> list[CallbackData]:
    """Each button that shows or does something only a coordinator, chair or secretary may:
    for the body, its closed meeting (with a draft протокол) and its live one (with a
    proposal waiting for a decision)."""
    return [
        MenuCb(screen=MenuScreen.ORGANISATION, id=ORGANISATION),
        MenuCb(screen=MenuScreen.RULES, id=BODY),
        OrgCb(action=OrgAction.NEW_BODY, id=ORGANISATION),
        OrgCb(action=OrgAction.COORDINATOR_INVITE, id=ORGANISATION),
        OrgCb(action=OrgAction.TEMPLATE, id=ORGANISATION),
        OrgCb(action=OrgAction.CITY, id=ORGANISATION),
        OrgCb(action=OrgAction.ELIGIBILITY, id=ORGANISATION),
        EligibilityCb(organisation=ORGANISATION, variant=Variant.ZYRYANSKY),
        EligibilityCb(organisation=ORGANISATION, variant=Variant.CUSTOM),
        EligibilityCb(organisation=ORGANISATION, setting=Setting.GROUND, value="head"),
        CoordinatorInviteCb(organisation=ORGANISATION, days=7),
        RuleCb(body=BODY, rule=RuleName.CASTING_VOTE),
        BodyCb(action=BodyAction.LIST, id=BODY),
        BodyCb(action=BodyAction.ADD, id=BODY),
        BodyCb(action=BodyAction.IMPORT, id=BODY),
        BodyCb(action=BodyAction.EXPORT, id=BODY),
        MemberCb(action=MemberAction.SHOW, id=membership),
        MemberCb(action=MemberAction.ROLE, id=membership),
        MemberCb(action=MemberAction.SET_ROLE, id=membership, role="d"),
        MemberCb(action=MemberAction.REMOVE, id=membership),
        MemberCb(action=MemberAction.REMOVE_YES, id=membership),
        MemberCb(action=MemberAction.LINK, id=membership),
        InviteStartCb(body=BODY),
        InviteCb(body=BODY, role="m"),
        InviteCb(body=BODY, role="m", uses=5),
        InviteCb(body=BODY, role="m", uses=5, days=7),
        MeetingCb(action=MeetingAction.NEW, id=BODY),
        MeetingCb(action=MeetingAction.MOVE, id=LIVE),
        MeetingCb(action=MeetingAction.CANCEL, id=LIVE),
        MeetingCb(action=MeetingAction.CANCEL_YES, id=LIVE),
        MeetingCb(action=MeetingAction.REPORT, id=LIVE),
        MeetingCb(action=MeetingAction.MINUTES, id=CLOSED),
        ProposalCb(action=ProposalAction.ACCEPT, id=PROPOSAL),
        ProposalCb(action=ProposalAction.REJECT, id=PROPOSAL),
        ProposalCb(action=ProposalAction.NO_COMMENT, id=PROPOSAL),
        VoteCb(action=VoteAction.TURNOUT, meeting=LIVE),
        VoteCb(action=VoteAction.REMIND, meeting=LIVE),
        VoteCb(action=VoteAction.PAPER, meeting=LIVE),
        VoteCb(action=VoteAction.PAPER_FOR, meeting=LIVE, person=voter),
        VoteCb(action=VoteAction.ROOM, meeting=LIVE),
        VoteCb(action=VoteAction.ROOM_EARLY, meeting=LIVE),
        VoteCb(action=VoteAction.TOGGLE, meeting=LIVE, person=voter),
        VoteCb(action=VoteAction.ROOM_VOTE, meeting=LIVE, item=3),
        VoteCb(action=VoteAction.CLOSE, meeting=LIVE),
        VoteCb(action=VoteAction.CLOSE_YES, meeting=LIVE),
        MinutesCb(action=MinutesAction.FILL, id=MINUTES, item=1),
        MinutesCb(action=MinutesAction.PREVIEW, id=MINUTES),
        MinutesCb(action=MinutesAction.SUBMIT, id=MINUTES),
        MinutesCb(action=MinutesAction.CORRECT, id=CLOSED),
        PlanCb(action=PlanAction.ADD, id=BODY),
        PlanCb(action=PlanAction.CSV, id=BODY),
        AskCb(step=AskStep.REPORT),
    ]


async def refused_everywhere(chat: Person, buttons: list[CallbackData]) -> None:
    await chat.send("/help")
    anchor = chat.last
    shown_to_them = {}
    for button in buttons:
        mark = chat.mark()
        answer = await chat.press_data(button.pack(), in_message=anchor)
        shown = chat.texts_since(mark)
        if not (answer.show_alert and answer.text) or shown:
            shown_to_them[button.pack()] = shown or answer
        assert "Что-то пошло не так" not in (answer.text or ""), button.pack()
    assert not shown_to_them, " ".join(shown_to_them)


async def test_administrative_buttons_are_refused_to_members_and_strangers(
    app: BotUnderTest,
) -> None:
    secretary, _, voters, _ = await close_hybrid_meeting(app)
    await secretary.send("/meetings")
    await secretary.press("четверг, 11.03.2027 15:00 — Методический совет")
    await secretary.press("📝 Протокол")
    await announce(secretary, when="15.04.2027 15:00", form="гибридное")
    await secretary.press("📣 Объявить")
    await app.run_due()
    member = voters[0]
    notice = await member.wait_for("15.04.2027")
    await member.press("Открыть заседание", in_message=notice)
    await member.press("✍️ Предложить вопрос")
    await member.send("О летней школе педагогов")
    await secretary.wait_for("О летней школе педагогов")
    await person(app.db, "Чужова Мария Петровна", telegram_id=STRANGER)
    stranger = app.person(STRANGER, "Мария")

    async with app.db.read() as conn:
        roster = await bodies.roster(conn, BODY)
    entry = next(e for e in roster if e.person.telegram_id == voters[1].id)
    buttons = administrative(entry.membership.id, entry.person.id)
    await refused_everywhere(member, buttons)
    await refused_everywhere(stranger, buttons)
