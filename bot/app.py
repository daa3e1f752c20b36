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

from bot.clock import Clock
from bot.domain.model import LOCALES
from bot.i18n import PersonLocaleManager, make_core
from bot.middlewares import ActorMiddleware, OwnMessageGuard
from bot.notifier import Notifier
from bot.services.invitations import InvitationService
from bot.services.people import PeopleService
from bot.services.roster import RosterService
from bot.services.setup import SetupService
from bot.settings import Settings
from handlers import routers
from handlers.errors import DomainErrorMiddleware
from storage.db import Database
from storage.fsm import DatabaseStorage

log = logging.getLogger(__name__)

COMMANDS = ("start", "menu", "profile", "language", "cancel", "help")


def make_bot(settings: Settings) -> Bot:
    session = None
    if settings.telegram_api_base:
        session = AiohttpSession(api=TelegramAPIServer.from_base(settings.telegram_api_base))
    return Bot(
        settings.bot_token.get_secret_value(),
        session=session,
        default=DefaultBotProperties(link_preview_is_disabled=True),
    )


def build_dispatcher(
    settings: Settings,
    db: Database,
    clock: Clock,
    *,
    storage: BaseStorage | None = None,
) -> Dispatcher:
    """The whole bot but the Bot object and the open database: routers, middlewares, services.
    Every router is made anew, so a test may build as many dispatchers as it likes."""
    storage = storage or DatabaseStorage(db, clock)
    people = PeopleService(db, clock)
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
    )
    core = make_core(settings.default_locale)
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
        for locale in LOCALES:
            await bot.set_my_commands(
                [
                    BotCommand(command=name, description=core.get(f"command-{name}", locale))
                    for name in COMMANDS
                ],
                scope=BotCommandScopeDefault(),
                language_code=None if locale == settings.default_locale else locale,
            )

    dp.startup.register(on_startup)
    return dp
