"""Buttons pack exactly as they did when their actions were plain strings: a button sent to a
chat days ago still means what it meant. An action the bot does not know never unpacks (the
filter then declines it, and the stale-button answer is given: tests/test_flow_access.py)."""

from __future__ import annotations

import pytest
from aiogram.filters.callback_data import CallbackData

from handlers.consent import ConsentAnswer, ConsentCb
from handlers.consultations import AskCb, AskStep
from handlers.menu import MenuCb, MenuScreen, RegisterCb, RegisterPurpose
from handlers.privacy import PrivacyAction, PrivacyCb
from handlers.roster import BodyAction, BodyCb, MemberAction, MemberCb
from handlers.setup import OrgAction, OrgCb

PACKED: list[tuple[CallbackData, str]] = [
    (BodyCb(action=BodyAction.LIST, id=3), "b:list:3:0"),
    (BodyCb(action=BodyAction.IMPORT_PAPER, id=3), "b:importpaper:3:0"),
    (MemberCb(action=MemberAction.REMOVE_YES, id=7), "mb:removeyes:7:"),
    (MemberCb(action=MemberAction.SET_ROLE, id=7, role="c"), "mb:setrole:7:c"),
    (OrgCb(action=OrgAction.OPERATOR_EDIT, id=2), "o:opedit:2:"),
    (OrgCb(action=OrgAction.COORDINATOR_INVITE, id=2), "o:coord:2:"),
    (PrivacyCb(action=PrivacyAction.ERASE_YES), "pd:eraseyes"),
    (AskCb(step=AskStep.TOGGLE_DIRECTION, value="young"), "ca:dir:young"),
    (AskCb(step=AskStep.START), "ca:start:"),
    (ConsentCb(answer=ConsentAnswer.YES, version=4), "cs:yes:4"),
    (RegisterCb(purpose=RegisterPurpose.TEACHER), "reg:teacher:0"),
    (MenuCb(screen=MenuScreen.NEW_ORGANISATION), "m:neworg:0"),
    (MenuCb(screen=MenuScreen.ORGANISATION, id=5), "m:org:5"),
]


@pytest.mark.parametrize(("button", "packed"), PACKED)
def test_a_button_packs_as_before_and_unpacks_to_itself(button: CallbackData, packed: str) -> None:
    assert button.pack() == packed
    assert type(button).unpack(packed) == button


@pytest.mark.parametrize(
    ("kind", "forged"),
    [(BodyCb, "b:nosuch:3:0"), (MemberCb, "mb:drop:7:"), (MenuCb, "m:secret:0"), (AskCb, "ca:x:")],
)
def test_an_unknown_action_does_not_unpack(kind: type[CallbackData], forged: str) -> None:
    with pytest.raises(ValueError, match="validation error"):
        kind.unpack(forged)
