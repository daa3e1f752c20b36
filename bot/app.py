"""Wiring: one function builds the dispatcher for the real bot and for the tests alike."""

from __future__ import annotations

import logging

from aiogram import Bot, Dispatcher
from aiogram.client.default import DefaultBotProperties
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.fsm.storage.base import BaseStorage
from aiogram.fsm.storage.memory import SimpleEventIsolation
from aiogram.types import BotCommand, BotCommandScopeDefault
from aiogram.utils.callback_answer import CallbackAnswerMiddleware
from aiogram_i18n import I18nMiddleware

from bot.cadence_job import run_cadence_check
from bot.clock import Clock
from bot.domain.model import LOCALES
from bot.i18n import PersonLocaleManager, make_core
from bot.middlewares import ActorMiddleware, OwnMessageGuard
from bot.notices import NoticeSender
from bot.notifier import Notifier
from bot.ratelimit import RateLimiter
from bot.scheduler import ApsNoticeScheduler, NoticeScheduler
from bot.services.cadence import CadenceService
from bot.services.consultations import ConsultationService
from bot.services.invitations import InvitationService
from bot.services.meetings import MeetingService
from bot.services.minutes import MinutesService
from bot.services.people import PeopleService
from bot.services.roster import RosterService
from bot.services.setup import SetupService
from bot.services.voting import VotingService
from bot.settings import Settings
from bot.texts import LocaleTexts
from handlers import routers
from handlers.errors import DomainErrorMiddleware
from storage import notices
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
    "language",
    "cancel",
    "help",
)


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


def build_dispatcher(
    settings: Settings,
    db: Database,
    clock: Clock,
    *,
    storage: BaseStorage | None = None,
    scheduler: NoticeScheduler | None = None,
) -> Dispatcher:
    """The whole bot but the Bot object and the open database: routers, middlewares, services.
    Every router is made anew, so a test may build as many dispatchers as it likes."""
    storage = storage or DatabaseStorage(db, clock)
    people = PeopleService(db, clock)
    deliver = LateDeliver()
    own_scheduler = ApsNoticeScheduler(deliver) if scheduler is None else None
    scheduler = scheduler or own_scheduler
    assert scheduler is not None  # noqa: S101 - one of the two is set just above
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
    dp.include_routers(*routers())

    async def on_startup(bot: Bot) -> None:
        dp["notifier"] = Notifier(bot, db, core, settings.default_locale)
        deliver.sender = dp["notice_sender"] = NoticeSender(
            bot,
            db,
            clock,
            core,
            settings.default_locale,
            voting,
            consultations,
            scheduler=scheduler,
            quiet=settings.quiet,
        )
        # The database is the source of truth: every open notice is armed again; one whose
        # time passed while the bot was down runs at once.
        async with db.read() as conn:
            for notice in await notices.open_notices(conn):
                scheduler.arm(notice.id, notice.due_at)
        if own_scheduler is not None:
            notifier = dp["notifier"]
            own_scheduler.every_hour(lambda: run_cadence_check(cadence, notifier))
            own_scheduler.start()
        for locale in LOCALES:
            await bot.set_my_commands(
                [
                    BotCommand(command=name, description=core.get(f"command-{name}", locale))
                    for name in COMMANDS
                ],
                scope=BotCommandScopeDefault(),
                language_code=None if locale == settings.default_locale else locale,
            )

    async def on_shutdown() -> None:
        if own_scheduler is not None:
            own_scheduler.shutdown()

    dp.startup.register(on_startup)
    dp.shutdown.register(on_shutdown)
    return dp
