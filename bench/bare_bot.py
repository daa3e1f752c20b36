"""The smallest aiogram bot that polls: the footprint bench's reference for what aiogram itself
costs in memory and start-up. Reads BOT_TOKEN and TELEGRAM_API_BASE like councilbot."""

from __future__ import annotations

import asyncio
import os

from aiogram import Bot, Dispatcher
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer


async def main() -> None:
    api = TelegramAPIServer.from_base(os.environ["TELEGRAM_API_BASE"])
    bot = Bot(os.environ["BOT_TOKEN"], session=AiohttpSession(api=api))
    await Dispatcher().start_polling(bot)


if __name__ == "__main__":
    asyncio.run(main())
