"""Every administrative button, forged by a plain member and by a stranger, is refused at the
first press: no confirmation screen, no form, no list of other people (issue 14, item 9)."""

from __future__ import annotations

from aiogram.filters.callback_data import CallbackData

from bot.domain.rules import RuleName
from bot.views.notice_texts import MeetingCb
from handlers.consultations import AskCb
from handlers.invitations import CoordinatorInviteCb, InviteCb
from handlers.meetings import ProposalCb
from handlers.menu import MenuCb
from handlers.minutes import MinutesCb
from handlers.plan import PlanCb
from handlers.roster import BodyCb, InviteStartCb, MemberCb
from handlers.setup import OrgCb, RuleCb
from handlers.voting import VoteCb
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
        MenuCb(screen="org", id=ORGANISATION),
        MenuCb(screen="rules", id=BODY),
        OrgCb(action="newbody", id=ORGANISATION),
        OrgCb(action="coord", id=ORGANISATION),
        OrgCb(action="template", id=ORGANISATION),
        OrgCb(action="city", id=ORGANISATION),
        CoordinatorInviteCb(organisation=ORGANISATION, days=7),
        RuleCb(body=BODY, rule=RuleName.CASTING_VOTE),
        BodyCb(action="list", id=BODY),
        BodyCb(action="add", id=BODY),
        BodyCb(action="import", id=BODY),
        BodyCb(action="export", id=BODY),
        MemberCb(action="show", id=membership),
        MemberCb(action="role", id=membership),
        MemberCb(action="setrole", id=membership, role="d"),
        MemberCb(action="remove", id=membership),
        MemberCb(action="removeyes", id=membership),
        MemberCb(action="link", id=membership),
        InviteStartCb(body=BODY),
        InviteCb(body=BODY, role="m"),
        InviteCb(body=BODY, role="m", uses=5),
        InviteCb(body=BODY, role="m", uses=5, days=7),
        MeetingCb(action="new", id=BODY),
        MeetingCb(action="move", id=LIVE),
        MeetingCb(action="cancel", id=LIVE),
        MeetingCb(action="cancelyes", id=LIVE),
        MeetingCb(action="report", id=LIVE),
        MeetingCb(action="minutes", id=CLOSED),
        ProposalCb(action="accept", id=PROPOSAL),
        ProposalCb(action="reject", id=PROPOSAL),
        ProposalCb(action="nocomment", id=PROPOSAL),
        VoteCb(action="turnout", meeting=LIVE),
        VoteCb(action="remind", meeting=LIVE),
        VoteCb(action="paper", meeting=LIVE),
        VoteCb(action="paperfor", meeting=LIVE, person=voter),
        VoteCb(action="room", meeting=LIVE),
        VoteCb(action="roomearly", meeting=LIVE),
        VoteCb(action="toggle", meeting=LIVE, person=voter),
        VoteCb(action="roomvote", meeting=LIVE, item=3),
        VoteCb(action="close", meeting=LIVE),
        VoteCb(action="closeyes", meeting=LIVE),
        MinutesCb(action="fill", id=MINUTES, item=1),
        MinutesCb(action="preview", id=MINUTES),
        MinutesCb(action="submit", id=MINUTES),
        MinutesCb(action="correct", id=CLOSED),
        PlanCb(action="add", id=BODY),
        PlanCb(action="csv", id=BODY),
        AskCb(step="report"),
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
