"""Running the bot, as its people see it in the chat: everyone learns their Telegram id, the
coordinators see its health with /status and are told once of a failed backup or a stuck
notice; the daily backup keeps BACKUP_KEEP files and survives restarts."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path

import pytest

from bot.domain.meetings import NoticeKind
from storage import notices, people
from storage.backup import backup_name, check, list_backups
from storage.migrate import head_revision
from tests import factories
from tests.fakegram import Person
from tests.harness import ADMIN_ID, BotUnderTest
from tests.processes import run_cli

STRANGER = 7_654_321


async def register_coordinator(app: BotUnderTest, *, language: str = "ru") -> Person:
    coordinator = app.person(ADMIN_ID, "Ольга", language_code=language)
    await coordinator.send("/start")
    await coordinator.press("✅ Согласен(на)" if language == "ru" else "✅ I agree")
    await coordinator.send("Смирнова Ольга Ивановна")
    return coordinator


def backups(app: BotUnderTest) -> list[str]:
    folder = app.settings.backup_dir
    assert folder is not None
    return [backup.path.name for backup in list_backups(folder)]


async def test_id_tells_anyone_their_telegram_id_in_russian_and_english(
    app: BotUnderTest,
) -> None:
    stranger = app.person(STRANGER, "Иван")
    await stranger.send("/id")
    assert "Ваш Telegram ID: 7654321" in stranger.last_text
    assert "COORDINATOR_IDS=7654321" in stranger.last_text

    guest = app.person(STRANGER + 1, "John", language_code="en")
    await guest.send("/id")
    assert "Your Telegram ID: 7654322" in guest.last_text
    assert "councilbot add-coordinator 7654322" in guest.last_text


async def test_a_newcomer_the_bot_cannot_place_learns_their_id_and_how_to_set_it_up(
    app: BotUnderTest,
) -> None:
    stranger = app.person(STRANGER, "Иван")
    await stranger.send("/start")
    assert "Ваш Telegram ID: 7654321" in stranger.last_text
    # Nobody has set up an organisation yet: the answer says exactly what to do.
    await stranger.press("Зарегистрироваться как педагог")
    answer = stranger.last_text
    assert "ещё не настроена" in answer
    assert "COORDINATOR_IDS=7654321" in answer
    assert "councilbot add-coordinator 7654321" in answer

    english = app.person(STRANGER + 1, "John", language_code="en")
    await english.send("/start")
    assert "Your Telegram ID: 7654322" in english.last_text
    await english.press("Register as a teacher")
    assert "COORDINATOR_IDS=7654322" in english.last_text
    assert "councilbot add-coordinator 7654322" in english.last_text


async def test_add_coordinator_appoints_someone_while_the_bot_runs(
    app: BotUnderTest, tmp_path: Path
) -> None:
    environment = {
        "BOT_TOKEN": app.fake.token,
        "TELEGRAM_API_BASE": app.fake.base_url,
        "DATABASE_URL": app.db.url,
    }
    newcomer = app.person(5005, "Мария")
    await newcomer.send("/start")
    assert "Создать организацию" not in " ".join(newcomer.buttons())

    run = await run_cli(tmp_path, "add-coordinator", "5005", **environment)
    assert (run.code, run.stderr) == (0, ""), run
    assert "5005 is a coordinator" in run.stdout

    # The running bot knows at once: after the consent the newcomer is asked their name as a
    # coordinator.
    await newcomer.send("/start")
    await newcomer.press("✅ Согласен(на)")
    assert "зовут" in newcomer.last_text
    await newcomer.send("Кузнецова Мария Ивановна")
    assert "➕ Создать организацию" in newcomer.buttons()

    english = app.person(5006, "Mary", language_code="en")
    run = await run_cli(tmp_path, "add-coordinator", "5006", **environment)
    assert run.code == 0, run
    await english.send("/start")
    await english.press("✅ I agree")
    await english.send("Kuznetsova Maria")
    assert "➕ Create an organisation" in english.buttons()

    again = await run_cli(tmp_path, "add-coordinator", "5006", **environment)
    assert again.code == 0
    assert "already a coordinator" in again.stdout


@pytest.mark.sqlite_only  # the SQLite file and the bot's own backups of it
async def test_status_shows_a_coordinator_the_health_of_the_bot(app: BotUnderTest) -> None:
    coordinator = await register_coordinator(app)
    await coordinator.send("/status")
    status = coordinator.last_text
    assert "версия" in status
    assert "Работает без перезапуска: 0 минут" in status
    assert str(app.settings.sqlite_path) in status
    assert "Резервных копий ещё нет" in status
    assert "Извещения в очереди: 0, из них зависли больше часа: 0" in status
    assert "Не доставлено за сутки: 0 сообщений" in status
    assert "Остановили бот: 0 человек" in status

    # A day later: a backup made, one notice half-failed, two people stopped the bot.
    await app.upkeep()
    council = await factories.council(app.db, coordinator_id=3001, secretary_id=3002)
    gone = await factories.members(app.db, council.body, 2, first_id=4000)
    now = app.clock.now()
    async with app.db.transaction() as conn:
        notice = await notices.add_notice(
            conn, meeting_id=None, kind=NoticeKind.AGENDA, due_at=now, now=now
        )
        await notices.add_deliveries(conn, notice.id, [(gone[0].id, 4000, "failed")])
        await notices.finish(conn, notice.id, now=now)
        for person in gone:
            await people.set_reachable(conn, person.telegram_id or 0, reachable=False)
    app.clock.advance(timedelta(hours=26, minutes=5))
    await coordinator.send("/status")
    status = coordinator.last_text
    assert "Работает без перезапуска: 1 день 2 часа" in status
    assert re.search(r"Последняя резервная копия: 01\.03\.2027 12:00, 1 день 2 часа назад", status)
    assert "Не доставлено за сутки: 0 сообщений" in status  # the failure is older than a day
    assert "Остановили бот: 2 человека" in status

    async with app.db.transaction() as conn:
        recent = await notices.add_notice(
            conn, meeting_id=None, kind=NoticeKind.AGENDA, due_at=app.clock.now(), now=now
        )
        await notices.add_deliveries(conn, recent.id, [(gone[1].id, 4001, "failed")])
        await notices.finish(conn, recent.id, now=app.clock.now())
    await coordinator.send("/status")
    assert "Не доставлено за сутки: 1 сообщение" in coordinator.last_text


@pytest.mark.sqlite_only  # the SQLite file and the bot's own backups of it
async def test_status_in_english(app: BotUnderTest) -> None:
    coordinator = await register_coordinator(app, language="en")
    await coordinator.send("/status")
    status = coordinator.last_text
    assert "version" in status
    assert f"Database: {app.settings.sqlite_path}" in status
    assert "No backups yet" in status
    assert "Stopped the bot: 0 people" in status


async def test_status_is_refused_politely_to_anyone_but_a_coordinator(app: BotUnderTest) -> None:
    council = await factories.council(app.db, coordinator_id=3001, secretary_id=3002)
    await factories.members(app.db, council.body, 1, first_id=4000)
    for telegram_id in (3002, 4000, STRANGER):
        someone = app.person(telegram_id, "Анна")
        await someone.send("/status")
        assert someone.last_text == "Состояние бота видят только координаторы."
    english = app.person(STRANGER + 1, "John", language_code="en")
    await english.send("/status")
    assert english.last_text == "Only coordinators can see the bot's health."
    # A coordinator of an organisation, not listed in COORDINATOR_IDS, sees it.
    organiser = app.person(3001, "Ольга")
    await organiser.send("/status")
    assert "Бот методической службы" in organiser.last_text


async def test_coordinators_get_status_in_their_command_menu(app: BotUnderTest) -> None:
    await register_coordinator(app)
    await app.restart()
    default = [c["command"] for c in app.fake.commands[("default", "")]]
    assert "id" in default
    assert "status" not in default
    mine = [c["command"] for c in app.fake.commands[(f"chat:{ADMIN_ID}", "")]]
    assert "status" in mine
    assert "id" in mine


@pytest.mark.sqlite_only  # the SQLite file and the bot's own backups of it
async def test_the_daily_backup_keeps_backup_keep_files_and_survives_restarts(
    app: BotUnderTest,
) -> None:
    app.settings = app.settings.model_copy(update={"backup_keep": 3})
    await app.restart()
    await app.upkeep()  # at start-up: no backup yet, so one now
    assert backups(app) == ["councilbot-20270301-090000.sqlite3"]
    await app.upkeep()
    app.clock.advance(timedelta(hours=23))
    await app.upkeep()
    assert len(backups(app)) == 1  # not a day old yet

    app.clock.advance(timedelta(hours=1))
    await app.upkeep()
    assert backups(app)[0] == "councilbot-20270302-090000.sqlite3"
    for _ in range(4):
        app.clock.advance(timedelta(days=1))
        await app.upkeep()
    assert backups(app) == [
        "councilbot-20270306-090000.sqlite3",
        "councilbot-20270305-090000.sqlite3",
        "councilbot-20270304-090000.sqlite3",
    ]

    # Down for two days: at start-up the backup that is due is made, once.
    await app.stop()
    app.clock.advance(timedelta(days=2, hours=5))
    await app.start()
    await app.upkeep()
    await app.upkeep()
    assert backups(app) == [
        "councilbot-20270308-140000.sqlite3",
        "councilbot-20270306-090000.sqlite3",
        "councilbot-20270305-090000.sqlite3",
    ]
    folder = app.settings.backup_dir
    assert folder is not None
    copy = check(folder / backups(app)[0])
    assert copy.revision == head_revision()
    assert copy.tables > 20


@pytest.mark.sqlite_only  # the SQLite file and the bot's own backups of it
async def test_a_failed_daily_backup_is_told_to_the_coordinators_once(app: BotUnderTest) -> None:
    coordinator = await register_coordinator(app)
    folder = app.settings.backup_dir
    assert folder is not None
    folder.write_text("a file where the backups folder should be", encoding="utf-8")

    mark = coordinator.mark()
    assert await app.upkeep() == 1
    told = coordinator.texts_since(mark)
    assert len(told) == 1
    assert "не смог сделать ежедневную резервную копию" in told[0]

    # Every hour it tries again, and across restarts, but says it only once.
    for _ in range(3):
        app.clock.advance(timedelta(hours=1))
        assert await app.upkeep() == 0
    await app.restart()
    assert await app.upkeep() == 0
    assert len(coordinator.texts_since(mark)) == 1

    folder.unlink()
    app.clock.advance(timedelta(hours=1))
    assert await app.upkeep() == 0
    assert len(backups(app)) == 1

    # A new failure, after a good backup, is a new thing to tell: here the name the next
    # backup would take is already used by a folder.
    app.clock.advance(timedelta(days=1))
    (folder / backup_name(app.clock.now())).mkdir()
    assert await app.upkeep() == 1
    assert "exists already" in coordinator.texts_since(mark)[-1]


async def test_a_notice_stuck_for_an_hour_is_told_once(app: BotUnderTest) -> None:
    coordinator = await register_coordinator(app)
    await app.upkeep()  # the first backup, so that only the notice is left to tell
    now = app.clock.now()
    async with app.db.transaction() as conn:
        await notices.add_notice(
            conn, meeting_id=None, kind=NoticeKind.AGENDA, due_at=now, now=now
        )
    mark = coordinator.mark()
    app.clock.advance(timedelta(minutes=30))
    assert await app.upkeep() == 0

    app.clock.advance(timedelta(minutes=31))
    assert await app.upkeep() == 1
    assert "1 извещение не отправлено больше часа" in coordinator.texts_since(mark)[0]
    await app.restart()
    app.clock.advance(timedelta(hours=1))
    assert await app.upkeep() == 0
    assert len(coordinator.texts_since(mark)) == 1


async def test_a_notice_due_while_the_bot_was_down_is_not_called_stuck_at_start_up(
    app: BotUnderTest,
) -> None:
    coordinator = await register_coordinator(app)
    await app.upkeep()
    await app.stop()
    now = app.clock.now()
    async with app.db.transaction() as conn:
        await notices.add_notice(
            conn, meeting_id=None, kind=NoticeKind.AGENDA, due_at=now, now=now
        )
    app.clock.advance(timedelta(hours=3))
    await app.start()
    mark = coordinator.mark()
    # At start-up the upkeep runs beside the delivery of what fell due: no false alarm.
    assert await app.upkeep() == 0
    app.clock.advance(timedelta(minutes=59))
    assert await app.upkeep() == 0
    # An hour after start-up it is still unsent: now it is stuck.
    app.clock.advance(timedelta(minutes=2))
    assert await app.upkeep() == 1
    assert "не отправлено" in coordinator.texts_since(mark)[0]
