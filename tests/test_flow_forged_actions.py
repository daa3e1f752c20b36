"""A button whose action is not one the bot knows (forged, or from a release that had it) gets
the polite alert of a stale button: the actions are enums now, and an unknown value fails to
unpack, which a filter takes as «not mine», so the press reaches the catch-all."""

from __future__ import annotations

import pytest

from tests.factories import council
from tests.harness import ADMIN_ID, BotUnderTest

SECRETARY = 2002

# Each prefix of the meeting, voting, minutes, plan and calendar buttons, with its fields
# filled in and an action that never was.
FORGED = [
    "mt:bogus:1",
    "bl:bogus:1:0:f",
    "v:bogus:1:0:0:",
    "pr:bogus:1",
    "mn:bogus:1:0",
    "pl:bogus:1",
    "dr:bogus:",
    "cal:bogus:2027:3:0",
    "cs:bogus:1:0",
]


@pytest.mark.parametrize("data", FORGED)
async def test_an_unknown_action_gets_the_stale_button_alert(app: BotUnderTest, data: str) -> None:
    await council(app.db, coordinator_id=ADMIN_ID, secretary_id=SECRETARY)
    secretary = app.person(SECRETARY, "Анна")
    await secretary.send("/help")
    mark = secretary.mark()
    answer = await secretary.press_data(data, in_message=secretary.last)
    assert answer.show_alert
    assert answer.text == "Эта кнопка уже не действует. Откройте /menu заново."
    assert secretary.texts_since(mark) == []  # no apology, no traceback in the chat
