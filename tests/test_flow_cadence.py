"""Cadence under the test clock: reminders on their days, stopping once a meeting is announced,
quarters that begin at local midnight, and the year's plan."""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime

from sqlalchemy import select

from bot.domain.model import BodyKind
from storage.schema import plans
from tests.factories import council, members
from tests.harness import ADMIN_ID, BotUnderTest
from tests.steps import announce

SECRETARY = 2002


async def test_an_asset_is_reminded_of_its_quarter_until_a_meeting_is_announced(
    app: BotUnderTest,
) -> None:
    await council(app.db, coordinator_id=ADMIN_ID, secretary_id=SECRETARY, kind=BodyKind.ASSET)
    secretary = app.person(SECRETARY, "Анна")
    coordinator = app.person(ADMIN_ID, "Ольга")
    seen: list[tuple[date, str]] = []

    async def live_until(day: date) -> None:
        while app.clock.now().date() < day:
            before = len(secretary.bot_messages)
            await app.days(1)
            seen.extend(
                (app.clock.now().date(), m.text)
                for m in secretary.bot_messages[before:]
                if m.text.startswith("📅 ")
            )

    # Started on 01.03.2027 inside the first quarter: the latest due reminder (45 days) at once.
    await app.check_cadence()
    assert (
        "В I квартале 2027 года нет заседания актива «Методический совет»" in secretary.last_text
    )
    await live_until(date(2027, 3, 20))
    assert [d for d, _ in seen] == [date(2027, 3, 2), date(2027, 3, 18)]
    assert any("нет заседания актива" in m.text for m in coordinator.bot_messages)  # 14 days

    # The second quarter: reminded 45 days before its end; then a meeting is announced and the
    # 30- and 14-day reminders do not come.
    await live_until(date(2027, 5, 18))
    assert seen[-1][0] == date(2027, 5, 17)
    assert "Во II квартале 2027 года" in seen[-1][1]
    await announce(secretary, when="10.06.2027 15:00")
    await secretary.press("📣 Объявить")
    await app.run_due()
    await live_until(date(2027, 6, 20))
    assert seen[-1][0] == date(2027, 5, 17)

    # The asset's members get their quarterly meeting's reminder a week before it.
    assert any("Через неделю — заседание актива" in m.text for m in secretary.bot_messages)


async def test_a_quarter_starts_at_local_midnight_in_tomsk_and_in_moscow(
    app: BotUnderTest,
) -> None:
    await council(app.db, coordinator_id=ADMIN_ID, secretary_id=SECRETARY, kind=BodyKind.ASSET)
    tomsk = await council(
        app.db, coordinator_id=8008, secretary_id=8009, name="Зырянский район", kind=BodyKind.ASSET
    )
    from storage.schema import organisations  # noqa: PLC0415 - set the second one's zone

    async with app.db.transaction() as conn:
        await conn.execute(
            organisations.update()
            .where(organisations.c.id == tomsk.organisation.id)
            .values(timezone="Asia/Tomsk")
        )
    moscow_chat, tomsk_chat = app.person(SECRETARY, "Анна"), app.person(8009, "Ирина")
    app.clock.set(datetime(2027, 6, 16, 12, 0, tzinfo=UTC))  # 16.06 in both zones
    await app.check_cadence()  # the latest reminder due by then (30 days), for both
    assert "Во II квартале 2027 года" in tomsk_chat.last_text
    before = (len(moscow_chat.bot_messages), len(tomsk_chat.bot_messages))

    # 17.06.2027 00:30 in Tomsk is 16.06 20:30 in Moscow: the 14-day reminder of the second
    # quarter (due on 17.06 local) is due in Tomsk, not yet in Moscow, and waits there for
    # the end of quiet hours; at 08:00 in Tomsk (04:00 in Moscow, still night there) it goes.
    app.clock.set(datetime(2027, 6, 16, 17, 30, tzinfo=UTC))
    await app.check_cadence()
    assert len(tomsk_chat.bot_messages) == before[1]
    app.clock.set(datetime(2027, 6, 17, 1, 0, tzinfo=UTC))
    await app.check_cadence()
    assert len(tomsk_chat.bot_messages) == before[1] + 1
    assert len(moscow_chat.bot_messages) == before[0]
    app.clock.set(datetime(2027, 6, 17, 5, 0, tzinfo=UTC))  # 08:00 on 17.06 in Moscow
    await app.check_cadence()
    assert len(moscow_chat.bot_messages) == before[0] + 1
    assert "Во II квартале 2027 года" in moscow_chat.last_text

    # A restart does not send it again.
    await app.restart()
    await app.check_cadence()
    assert len(moscow_chat.bot_messages) == before[0] + 1


async def test_the_plan_of_the_year_and_a_one_tap_announcement(app: BotUnderTest) -> None:
    setup = await council(app.db, coordinator_id=ADMIN_ID, secretary_id=SECRETARY)
    await members(app.db, setup.body, 2)
    secretary = app.person(SECRETARY, "Анна")
    coordinator = app.person(ADMIN_ID, "Ольга")
    await secretary.send("/plan")
    assert "⚠️ В 2027 году: нужно 4, проведено 0, объявлено 0, в плане 0" in secretary.last_text
    await secretary.press("➕ В план: Методический совет")
    await secretary.send("31.02.2027")
    assert "12.03.2027" in secretary.last_text
    await secretary.send("15.04.2027")
    await secretary.send("Итоги первого квартала")
    assert "в плане 1" in secretary.last_text
    await secretary.press("📣 Объявить: 15.04.2027 — Итоги первого квартала")
    await secretary.press("очное")
    await secretary.press("очередное")
    await secretary.press("15:00")  # the day comes from the plan: only the time is asked
    await secretary.send("МОУ СОШ № 3, каб. 12")
    await secretary.send("Итоги первого квартала")
    assert "Когда: четверг, 15.04.2027 15:00" in secretary.last_text
    await secretary.press("📣 Объявить")
    await secretary.send("/plan")
    assert "объявлено 1, в плане 0" in secretary.last_text
    async with app.db.read() as conn:
        linked = (await conn.execute(select(plans.c.meeting_id))).scalar_one()
    assert linked is not None

    await coordinator.send("/plan")
    await coordinator.press("📤 Выгрузить CSV")
    table = list(
        csv.reader(
            io.StringIO(coordinator.documents[-1].content.decode("utf-8-sig")), delimiter=";"
        )
    )
    assert table[0] == [
        "Совет / объединение",
        "Период",
        "Нужно",
        "Проведено",
        "Объявлено",
        "В плане",
        "Не хватает",
    ]
    assert table[1] == ["Методический совет", "В 2027 году", "4", "0", "1", "0", "3"]


async def test_reminders_name_the_last_day_of_the_period_and_how_many_it_requires(
    app: BotUnderTest,
) -> None:
    await council(app.db, coordinator_id=ADMIN_ID, secretary_id=SECRETARY, kind=BodyKind.ASSET)
    await council(
        app.db, coordinator_id=8008, secretary_id=8009, name="Совет", kind=BodyKind.COUNCIL
    )
    await council(app.db, coordinator_id=8010, secretary_id=8011, name="РМО", kind=BodyKind.RMO)
    asset, board, rmo = (app.person(i, "С") for i in (SECRETARY, 8009, 8011))

    await app.check_cadence()  # 01.03.2027: the asset's first quarter is a month from its end
    assert "нужно не менее 1 заседания в квартал (п. 3.3)" in asset.last_text
    assert "Квартал заканчивается 31.03.2027." in asset.last_text

    app.clock.set(datetime(2027, 7, 20, 9, 0, tzinfo=UTC))
    await app.check_cadence()
    assert "должно провести не менее 4 заседаний (п. 3.2)" in rmo.last_text
    assert "Учебный год заканчивается 31.08.2027." in rmo.last_text

    app.clock.set(datetime(2027, 11, 20, 9, 0, tzinfo=UTC))
    await app.check_cadence()
    assert "должен провести не менее 4 заседаний (п. 4.6): проведено 0" in board.last_text
    assert "Год заканчивается 31.12.2027." in board.last_text
    assert "Квартал заканчивается 31.12.2027." in asset.last_text
