"""Broadcast and crash: the agenda notice of an in-person meeting to 1,000 members.

Broadcast: the notice is due when the bot starts; measured from the first to the last agenda
message at the fake. Crash: the same, but the bot is killed with SIGKILL halfway and started
again; afterwards every member should hold exactly one agenda, except for messages that were in
flight at the kill (deliveries the database still had as 'sending')."""

from __future__ import annotations

import asyncio
import tempfile
from collections import Counter
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from bench import seed
from bench.fake import TimedTelegram, until
from bench.proc import BotProcess
from bench.report import Section
from bot.domain.meetings import MeetingForm, NoticeKind
from storage import notices
from storage.db import Database

MEMBERS = 1000
LIMIT = 30  # the fake's (and Telegram's) sends a second in all
RATE_TARGET = 0.9


@dataclass
class World:
    fake: TimedTelegram
    db: Database
    bot: BotProcess
    chat_ids: set[int]
    meeting_id: int


async def agenda_world(name: str, fake: TimedTelegram, workdir: Path, members: int) -> World:
    url = f"sqlite+aiosqlite:///{workdir / 'bench.sqlite3'}"
    db = await seed.open_database(url)
    council = await seed.council(db, fake, members)
    meeting = await seed.meeting(
        db,
        council,
        form=MeetingForm.IN_PERSON,
        starts_in=timedelta(days=10),
        due_now=(NoticeKind.AGENDA,),
    )
    chat_ids = {m.telegram_id for m in council.members if m.telegram_id is not None}
    return World(fake, db, BotProcess(name, fake, workdir, url), chat_ids, meeting.id)


async def wait_until(world: World, count: int, *, timeout: float) -> None:  # noqa: ASYNC109 - a bound
    """Until `count` agenda messages have arrived at all (or the time is up)."""
    await until(
        lambda: len(world.fake.sends_to(world.chat_ids)) >= count, timeout=timeout, tick=0.05
    )


def per_member(world: World) -> Counter[int]:
    """How many agenda messages each member holds (0 for those who got none)."""
    got = Counter(a.chat_id for a in world.fake.sends_to(world.chat_ids))
    return Counter({chat_id: got.get(chat_id, 0) for chat_id in world.chat_ids})


async def delivery_states(world: World) -> Counter[str]:
    async with world.db.read() as conn:
        rows = await notices.deliveries_of(conn, world.meeting_id)
    return Counter(d.status for _, d in rows if d.person_id is not None)


async def in_flight(world: World) -> set[int]:
    """Chats whose delivery the database had as 'sending': the send had started, and whether it
    arrived the bot could not know."""
    async with world.db.read() as conn:
        rows = await notices.deliveries_of(conn, world.meeting_id)
    return {d.chat_id for _, d in rows if d.status == "sending" and d.chat_id is not None}


async def broadcast(members: int = MEMBERS) -> Section:
    section = Section(
        f"2. Broadcast: the agenda to {members:,} members",
        f"The agenda notice of an in-person meeting of a council of {members:,}, due when the "
        "bot starts. Rate: (messages − 1) / (last arrival − first arrival) at the fake, "
        f"against the limit of {LIMIT} a second.",
    )
    with tempfile.TemporaryDirectory(prefix="bench-broadcast-") as folder:
        async with TimedTelegram() as fake:
            world = await agenda_world("broadcast", fake, Path(folder), members)
            try:
                await world.bot.start()
                await wait_until(world, members, timeout=30 + members / 20)
                await asyncio.sleep(2.0)  # anything sent twice would arrive by now
                warnings = world.bot.warnings()
            finally:
                await world.bot.stop()
            states = await delivery_states(world)
            await world.db.dispose()
            arrivals = fake.sends_to(world.chat_ids)
            counts = Counter(per_member(world).values())
            floods = fake.flood_429_count
    duration = arrivals[-1].at - arrivals[0].at if len(arrivals) > 1 else 0.0
    rate = (len(arrivals) - 1) / duration if duration > 0 else 0.0
    section.add(
        "rate",
        f"{rate:.1f}/s ({rate / LIMIT:.0%} of {LIMIT}/s; {len(arrivals)} messages in "
        f"{duration:.1f} s)",
        f"≥ {RATE_TARGET * LIMIT:.0f}/s ({RATE_TARGET:.0%})",
        rate >= RATE_TARGET * LIMIT,
    )
    section.add("429 answers", str(floods), "0", floods == 0)
    section.add(
        "members with 0 / 1 / 2+ agendas",
        f"{counts.get(0, 0)} / {counts.get(1, 0)} / {sum(n for k, n in counts.items() if k > 1)}",
        f"0 / {members} / 0",
        counts.get(1, 0) == members,
    )
    section.notes.append(
        f"Deliveries in the database afterwards: {dict(states)}; the bot logged {warnings} "
        "warnings."
    )
    return section


async def crash(members: int = MEMBERS) -> Section:
    section = Section(
        f"3. Crash: SIGKILL halfway through the agenda to {members:,}",
        "The same broadcast; when half the members have their agenda the bot is killed with "
        "SIGKILL and started again at once. In flight at the kill: deliveries the database "
        "still has as 'sending' (the send had begun; whether it arrived the bot cannot know).",
    )
    with tempfile.TemporaryDirectory(prefix="bench-crash-") as folder:
        async with TimedTelegram() as fake:
            world = await agenda_world("crash", fake, Path(folder), members)
            try:
                await world.bot.start()
                await wait_until(world, members // 2, timeout=30 + members / 40)
                await world.bot.kill()
                await asyncio.sleep(0.5)  # requests the dead process had posted finish
                at_kill = len(fake.sends_to(world.chat_ids))
                flight = await in_flight(world)
                restart = await world.bot.start()
                await wait_until(world, members, timeout=30 + members / 20)
                await asyncio.sleep(2.0)
                warnings = world.bot.warnings()
            finally:
                await world.bot.stop()
            states = await delivery_states(world)
            await world.db.dispose()
            got = per_member(world)
            floods = fake.flood_429_count
    counts = Counter(got.values())
    twice = {chat_id for chat_id, n in got.items() if n > 1}
    missing = {chat_id for chat_id, n in got.items() if n == 0}
    section.add("agendas delivered before the kill", str(at_kill))
    section.add("in flight at the kill ('sending' in the database)", str(len(flight)))
    section.add(
        "members with 0 / 1 / 2 / 3+ agendas",
        f"{counts.get(0, 0)} / {counts.get(1, 0)} / {counts.get(2, 0)} / "
        f"{sum(n for k, n in counts.items() if k > 2)}",
    )
    section.add("members missing the agenda", str(len(missing)), "0", not missing)
    section.add(
        "members with a duplicate",
        f"{len(twice)} (all of them in flight at the kill: {'yes' if twice <= flight else 'no'})",
        f"≤ in flight ({len(flight)}), only those",
        twice <= flight and all(n <= 2 for n in got.values()),
    )
    section.add("restart to the first getUpdates", f"{restart:.2f} s")
    section.notes.append(
        f"Deliveries in the database afterwards: {dict(states)}; 429 answers: {floods}; "
        f"the restarted bot logged {warnings} warnings in all."
    )
    return section
