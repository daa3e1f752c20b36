"""Wiring: one function builds the dispatcher for the real bot and for the tests alike."""

from __future__ import annotations

import logging

from aiogram import Bot, Dispatcher
from aiogram.client.default import DefaultBotProperties
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.exceptions import TelegramAPIError
from aiogram.fsm.storage.memory import SimpleEventIsolation
from aiogram.types import BotCommand, BotCommandScopeChat, BotCommandScopeDefault
from aiogram.utils.callback_answer import CallbackAnswerMiddleware
from aiogram_i18n import I18nMiddleware
from aiogram_i18n.cores import FluentRuntimeCore

from bot.delivery.cadence_job import run_cadence_check
from bot.delivery.notices import NoticeSender
from bot.delivery.notifier import Notifier
from bot.delivery.ratelimit import RateLimiter
from bot.delivery.retention_job import run_retention_check
from bot.delivery.scheduler import ApsNoticeScheduler
from bot.delivery.upkeep_job import run_upkeep
from bot.domain.clock import Clock
from bot.domain.model import LOCALES
from bot.main.i18n import PersonLocaleManager, make_core
from bot.main.middlewares import ActorMiddleware, OwnMessageGuard
from bot.services.backups import BackupService
from bot.services.cadence import CadenceService
from bot.services.consent import ConsentService
from bot.services.consultations import ConsultationService
from bot.services.invitations import InvitationService
from bot.services.meetings import MeetingService
from bot.services.minutes import MinutesService
from bot.services.notices import NoticeService
from bot.services.operations import OperationsService
from bot.services.people import PeopleService
from bot.services.ports import NoticeScheduler
from bot.services.privacy import PrivacyService
from bot.services.roster import RosterService
from bot.services.settings import Settings
from bot.services.setup import SetupService
from bot.services.voting import VotingService
from bot.views.texts import LocaleTexts
from handlers import routers
from handlers.consent import ConsentGate
from handlers.errors import DomainErrorMiddleware
from storage import notices, operations
from storage.db import Database
from storage.fsm import DatabaseStorage

log = logging.getLogger(__name__)

COMMANDS = (
    "start",
    "menu",
    "meetings",
    "minutes",
    "consult",
    "plan",
    "profile",
    "mydata",
    "language",
    "id",
    "cancel",
    "help",
)
# Seconds a stopping bot gives the scheduler's jobs under way before it cancels them.
SHUTDOWN_GRACE = 5.0
# Coordinators also see these, in their own chats.
COORDINATOR_COMMANDS = ("status",)


def make_bot(settings: Settings, *, limiter: RateLimiter | None = None) -> Bot:
    session = None
    if settings.telegram_api_base:
        session = AiohttpSession(api=TelegramAPIServer.from_base(settings.telegram_api_base))
    bot = Bot(
        settings.bot_token.get_secret_value(),
        session=session,
        default=DefaultBotProperties(link_preview_is_disabled=True),
    )
    # Every request that posts into a chat, replies and broadcasts alike, keeps Telegram's limits.
    bot.session.middleware(limiter or RateLimiter())
    return bot


class LateDeliver:
    """The scheduler's view of the notice sender, which needs the Bot and so is made at
    start-up, after the dispatcher."""

    def __init__(self) -> None:
        self.sender: NoticeSender | None = None

    async def __call__(self, notice_id: int) -> None:
        if self.sender is None:
            raise RuntimeError("a notice came due before start-up finished")
        await self.sender.deliver(notice_id)


async def set_commands(
    bot: Bot, db: Database, core: FluentRuntimeCore, settings: Settings
) -> None:
    """The command menu in every language, and for coordinators their own commands as well."""

    def commands(names: tuple[str, ...], locale: str) -> list[BotCommand]:
        return [
            BotCommand(command=name, description=core.get(f"command-{name}", locale))
            for name in names
        ]

    for locale in LOCALES:
        await bot.set_my_commands(
            commands(COMMANDS, locale),
            scope=BotCommandScopeDefault(),
            language_code=None if locale == settings.default_locale else locale,
        )
    async with db.read() as conn:
        coordinating = await operations.coordinator_people(conn, settings.coordinator_ids)
    for person in coordinating:
        if person.telegram_id is None:
            continue
        try:
            await bot.set_my_commands(
                commands(
                    COMMANDS + COORDINATOR_COMMANDS, person.locale or settings.default_locale
                ),
                scope=BotCommandScopeChat(chat_id=person.telegram_id),
            )
        except TelegramAPIError as error:
            log.warning("cannot set the commands of coordinator %s: %s", person.id, error)


def build_dispatcher(
    settings: Settings,
    db: Database,
    clock: Clock,
    *,
    storage: DatabaseStorage | None = None,
    scheduler: NoticeScheduler | None = None,
) -> Dispatcher:
    """The whole bot but the Bot object and the open database: routers, middlewares, services.
    Every router is made anew, so a test may build as many dispatchers as it likes."""
    storage = storage or DatabaseStorage(db, clock)
    deliver = LateDeliver()
    own_scheduler = ApsNoticeScheduler(deliver) if scheduler is None else None
    scheduler = scheduler or own_scheduler
    assert scheduler is not None  # noqa: S101 - one of the two is set just above
    people = PeopleService(db, clock, scheduler)
    dp = Dispatcher(
        storage=storage,
        events_isolation=SimpleEventIsolation(),
        settings=settings,
        db=db,
        clock=clock,
        people=people,
        setup=SetupService(db, clock),
        invitations=InvitationService(db, clock),
        roster=RosterService(db, clock),
        meetings=MeetingService(db, clock, scheduler),
        voting=(voting := VotingService(db, clock, scheduler)),
    )
    core = make_core(settings.default_locale)
    # An official протокол is written in Russian whatever language its readers chose.
    dp["minutes"] = MinutesService(db, clock, scheduler, LocaleTexts(core, "ru"))
    dp["cadence"] = cadence = CadenceService(db, clock, quiet=settings.quiet)
    dp["consultations"] = consultations = ConsultationService(
        db, clock, scheduler, escalate_after_days=settings.consultation_escalation_days
    )
    notice_service = NoticeService(
        db, clock, consultations, scheduler=scheduler, quiet=settings.quiet
    )
    dp["operations"] = ops = OperationsService(db, clock, settings, BackupService(settings, clock))
    dp["consent"] = consent = ConsentService(
        db,
        clock,
        {locale: LocaleTexts(core, locale) for locale in LOCALES},
        retention_years=settings.retention_years,
    )
    dp["privacy"] = privacy = PrivacyService(
        db,
        clock,
        storage,
        LocaleTexts(core, "ru"),
        retention_years=settings.retention_years,
        timezone=settings.timezone,
    )
    dp.update.outer_middleware(ActorMiddleware(people, settings.coordinator_ids))
    I18nMiddleware(
        core=core,
        manager=PersonLocaleManager(storage, settings.default_locale),
        default_locale=settings.default_locale,
    ).setup(dp)
    dp.callback_query.outer_middleware(OwnMessageGuard())
    dp.callback_query.middleware(CallbackAnswerMiddleware())
    dp.callback_query.middleware(DomainErrorMiddleware())
    dp.message.middleware(DomainErrorMiddleware())
    # After the error handler (a refusal inside is answered politely) and the callback answer.
    dp.callback_query.middleware(ConsentGate())
    dp.message.middleware(ConsentGate())
    dp.include_routers(*routers())

    async def on_startup(bot: Bot) -> None:
        dp["notifier"] = notifier = Notifier(bot, notice_service, core, settings.default_locale)
        deliver.sender = dp["notice_sender"] = NoticeSender(
            notifier, notice_service, clock, core, settings.default_locale, voting
        )
        # The database is the source of truth: every open notice is armed again; one whose
        # time passed while the bot was down runs at once.
        async with db.transaction() as conn:
            await notices.requeue_interrupted(conn)
        async with db.read() as conn:
            for notice in await notices.open_notices(conn):
                scheduler.arm(notice.id, notice.due_at)
        # A release may have changed the consent text: a new version, and people are asked.
        await consent.refresh()
        # Retention runs from the database too: what fell due while the bot was down, now.
        await run_retention_check(privacy, notifier, retention_years=settings.retention_years)
        if own_scheduler is not None:
            own_scheduler.every_hour("cadence", lambda: run_cadence_check(cadence, notifier))
            own_scheduler.every_hour(
                "retention",
                lambda: run_retention_check(
                    privacy, notifier, retention_years=settings.retention_years
                ),
            )
            # The daily backup and the alerts: due times come from the backups folder and the
            # database, so one missed while the bot was down happens now, at start-up.
            own_scheduler.every_hour("upkeep", lambda: run_upkeep(ops, notifier))
            own_scheduler.start()

        await set_commands(bot, db, core, settings)

    async def on_shutdown() -> None:
        if own_scheduler is not None:
            # A broadcast or a backup under way gets a few seconds to finish.
            await own_scheduler.stop(grace=SHUTDOWN_GRACE)

    dp.startup.register(on_startup)
    dp.shutdown.register(on_shutdown)
    return dp
